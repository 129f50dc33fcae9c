//! Loading an article: bytes -> text -> paragraphs.
//!
//! [`load_path`] checks the file (exists, is a file, not too large), reads its
//! bytes and hands them to [`load_bytes`]. That picks the format from the name
//! (or the content), turns the bytes into text with [`decode`] (BOM, UTF-8,
//! UTF-16, Windows-1256, ISO-8859-6), and for saved web pages pulls the article
//! out with [`html`]. The result is a [`Document`]: the text, its title and the
//! byte ranges of its paragraphs. Every later stage (analysis, layout, export)
//! refers to byte offsets into [`Document::text`]; code-point offsets are made
//! at the edges.

pub mod decode;
pub mod html;
pub mod nesting;
pub mod offsets;
mod paragraphs;

use std::ops::Range;
use std::path::{Path, PathBuf};

pub use paragraphs::{split_paragraphs, trim_range};

/// The largest file Marsad opens. A 5 MB article is fine; a 200 MB file is
/// refused with a message rather than freezing the reader.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of file Marsad reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Why a file could not be opened. Each message names the file and says what
/// is wrong in words a reader understands.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: no such file", .0.display())]
    NotFound(PathBuf),
    #[error("{} is a folder, not a file", .0.display())]
    IsDirectory(PathBuf),
    #[error("{}: cannot read it ({source})", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{} is empty", .0.display())]
    Empty(PathBuf),
    #[error("{} is {} MB, larger than the {} MB Marsad opens", path.display(), size / 1_000_000, MAX_FILE_BYTES / 1_000_000)]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{} is not a text file (it holds binary data)", .0.display())]
    Binary(PathBuf),
    #[error("{}: the page holds no article text", .0.display())]
    NoText(PathBuf),
}

/// An article ready to read.
#[derive(Clone, Debug)]
pub struct Document {
    /// Where it came from; `None` for the bundled sample or text from memory.
    pub path: Option<PathBuf>,
    pub format: Format,
    /// The name of the encoding the bytes were decoded from.
    pub encoding: &'static str,
    /// Bad byte sequences the decoding replaced with U+FFFD (a file cut in
    /// the middle of a letter has one).
    pub replaced: usize,
    pub title: String,
    /// The decoded text. For HTML, the extracted article: the title, a blank
    /// line, then one paragraph per line.
    pub text: String,
    /// Byte ranges of the non-empty paragraphs of `text`, in order.
    pub paragraphs: Vec<Range<usize>>,
    /// The publication date a web page declares in its metadata, as written.
    pub published: Option<String>,
}

impl Document {
    /// A document from text already in memory (one paragraph per line).
    pub fn from_text(text: String, format: Format) -> Self {
        let paragraphs = split_paragraphs(&text);
        let title = title_from_text(&text, &paragraphs, format);
        Document {
            path: None,
            format,
            encoding: "UTF-8",
            replaced: 0,
            title,
            text,
            paragraphs,
            published: None,
        }
    }

    /// The bundled sample article.
    pub fn sample() -> Self {
        let mut doc = Self::from_text(SAMPLE_TEXT.to_owned(), Format::Text);
        doc.path = Some(PathBuf::from(SAMPLE_NAME));
        doc
    }

    /// The file name to show, or the title when there is no file.
    pub fn display_name(&self) -> String {
        match &self.path {
            Some(p) => p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
            None => self.title.clone(),
        }
    }
}

/// The sample article shipped in the binary.
pub const SAMPLE_TEXT: &str = include_str!("../../assets/iraq-us-talks.ar.txt");
/// The name the sample goes by.
pub const SAMPLE_NAME: &str = "iraq-us-talks.ar.txt";

/// Reads and decodes a file. Never panics; every failure is a [`LoadError`].
pub fn load_path(path: &Path) -> Result<Document, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_owned()),
        _ => LoadError::Io {
            path: path.to_owned(),
            source: e,
        },
    })?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(path.to_owned()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError::Io {
        path: path.to_owned(),
        source: e,
    })?;
    let mut doc = load_bytes(&bytes, path)?;
    doc.path = Some(path.to_owned());
    Ok(doc)
}

/// Decodes `bytes` as the file `name` (its extension picks the format).
pub fn load_bytes(bytes: &[u8], name: &Path) -> Result<Document, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: name.to_owned(),
            size: bytes.len() as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(LoadError::Empty(name.to_owned()));
    }
    let format = format_of(name, bytes);
    let decoded = decode::decode(bytes, format == Format::Html)
        .ok_or_else(|| LoadError::Binary(name.to_owned()))?;
    let mut published = None;
    let (title, text) = match format {
        Format::Html => {
            let article = html::extract(&decoded.text);
            if article.paragraphs.is_empty() && article.title.is_empty() {
                return Err(LoadError::NoText(name.to_owned()));
            }
            let mut text = String::new();
            if !article.title.is_empty() {
                text.push_str(&article.title);
                text.push_str("\n\n");
            }
            text.push_str(&article.paragraphs.join("\n"));
            published = article.published;
            (Some(article.title), text)
        }
        Format::Text | Format::Markdown => (None, decoded.text),
    };
    let paragraphs = split_paragraphs(&text);
    if paragraphs.is_empty() {
        return Err(LoadError::Empty(name.to_owned()));
    }
    let title = match title {
        Some(t) if !t.is_empty() => t,
        _ => title_from_text(&text, &paragraphs, format),
    };
    Ok(Document {
        path: None,
        format,
        encoding: decoded.encoding,
        replaced: decoded.replaced,
        title,
        text,
        paragraphs,
        published,
    })
}

/// The format from the extension, else from the first bytes.
pub fn format_of(name: &Path, bytes: &[u8]) -> Format {
    let ext = name
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Format::Html,
        Some("md" | "markdown") => Format::Markdown,
        Some("txt" | "text") => Format::Text,
        _ => {
            let head: Vec<u8> = bytes
                .iter()
                .filter(|b| **b != 0)
                .take(512)
                .map(|b| b.to_ascii_lowercase())
                .collect();
            let head = String::from_utf8_lossy(&head);
            let head = head.trim_start_matches('\u{feff}').trim_start();
            if head.starts_with("<!doctype html") || head.starts_with("<html") {
                Format::Html
            } else {
                Format::Text
            }
        }
    }
}

fn title_from_text(text: &str, paragraphs: &[Range<usize>], format: Format) -> String {
    let Some(first) = paragraphs.first() else {
        return String::new();
    };
    let line = text[first.clone()].trim();
    let line = if format == Format::Markdown {
        line.trim_start_matches('#').trim()
    } else {
        line
    };
    line.chars().take(200).collect()
}
