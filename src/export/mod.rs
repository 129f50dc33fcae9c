//! Annotations out to the formats other tools read, one file per format.
//!
//! Every format takes an [`Article`] (its text and its [`Analysis`]) and
//! renders the files it is made of ([`render`]). Offsets are converted
//! here, at the edge: the analysis keeps byte ranges of the text; every
//! exported offset counts Unicode code points of the text as loaded, in
//! logical order ([`crate::document::offsets::CodePoints`]), as the W3C Web
//! Annotation model and brat count them. CoNLL counts tokens instead.
//!
//! Files are written through [`write_atomic`]: a temporary file beside the
//! target, flushed, then renamed over it, so a reader never sees half a
//! file and a crash leaves the previous one whole. [`batch`] runs the
//! formats over many articles (a folder, or a stream of JSON lines).

pub mod batch;
pub mod brat;
pub mod conll;
pub mod csv;
pub mod import;
pub mod json;
pub mod session;
pub mod timelinejs;
pub mod w3c;

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::analysis::article::Analysis;
use crate::document::Document;
pub use crate::document::offsets::ByteOffsets;

/// One article to export: an id (its path, or the `id` it came with), its
/// document and its analysis.
pub struct Article<'a> {
    pub id: &'a str,
    pub doc: &'a Document,
    pub analysis: &'a Analysis,
}

impl Article<'_> {
    pub fn text(&self) -> &str {
        &self.doc.text
    }

    /// The file stem exports of this article are named after.
    pub fn stem(&self) -> String {
        let name = Path::new(self.id)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let clean: String = name
            .chars()
            .map(|c| {
                if c.is_control()
                    || matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|')
                {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if clean.is_empty() {
            "article".into()
        } else {
            clean
        }
    }
}

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Jsonl,
    Csv,
    Brat,
    Conll,
    W3c,
    Timeline,
}

impl Format {
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Jsonl,
        Format::Csv,
        Format::Brat,
        Format::Conll,
        Format::W3c,
        Format::Timeline,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Brat => "brat",
            Format::Conll => "conll",
            Format::W3c => "w3c",
            Format::Timeline => "timeline",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == s)
    }

    /// Whether one article makes more than one file (and so needs a folder).
    pub fn needs_folder(self) -> bool {
        matches!(self, Format::Csv | Format::Brat)
    }
}

/// One rendered file: its name inside the output folder, and its bytes.
pub struct OutFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The files `format` makes of `article`. (`jsonl` makes one line, named
/// like the `json` file; [`batch`] gathers the lines of many articles.)
pub fn render(format: Format, article: &Article) -> Vec<OutFile> {
    let stem = article.stem();
    let file = |ext: &str, bytes: Vec<u8>| OutFile {
        name: format!("{stem}{ext}"),
        bytes,
    };
    match format {
        Format::Json => vec![file(".json", json::pretty(article))],
        Format::Jsonl => vec![file(".jsonl", json::line(article))],
        Format::Csv => vec![
            file(".csv", csv::mentions(article)),
            file(".timeline.csv", csv::timeline(article)),
        ],
        Format::Brat => vec![
            file(".txt", article.text().as_bytes().to_vec()),
            file(".ann", brat::ann(article)),
        ],
        Format::Conll => vec![file(".conll", conll::render(article))],
        Format::W3c => vec![file(".jsonld", w3c::render(article))],
        Format::Timeline => vec![file(".timeline.json", timelinejs::render(article))],
    }
}

/// Files a folder of `format` exports holds once, whatever the articles:
/// brat's `annotation.conf` and `visual.conf`.
pub fn folder_files(format: Format) -> Vec<OutFile> {
    match format {
        Format::Brat => brat::configuration(),
        _ => Vec::new(),
    }
}

/// Writes the files `format` makes of `article` into `dir` through
/// [`write_atomic`]; a JSON export is serialised straight into its file.
pub fn write_article(
    format: Format,
    article: &Article,
    dir: &Path,
    force: bool,
) -> Result<(), WriteError> {
    if format == Format::Json {
        let path = dir.join(format!("{}.json", article.stem()));
        return write_atomic_with(&path, force, |f| {
            let mut w = std::io::BufWriter::new(f);
            json::write_pretty(article, &mut w)?;
            w.flush()
        });
    }
    write_files(&render(format, article), dir, force)
}

/// Writes `files` into `dir` through [`write_atomic`].
pub fn write_files(files: &[OutFile], dir: &Path, force: bool) -> Result<(), WriteError> {
    for f in files {
        write_atomic(&dir.join(&f.name), &f.bytes, force)?;
    }
    Ok(())
}

/// Writes the files `format` wants once in a folder ([`folder_files`]);
/// they are the same for every run, so they are written over freely.
pub fn write_folder_files(format: Format, dir: &Path) -> Result<(), WriteError> {
    write_files(&folder_files(format), dir, true)
}

/// `value` pretty-printed, ending in a line feed.
pub(crate) fn pretty_json<T: serde::Serialize + ?Sized>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).expect("a JSON value serialises");
    out.push(b'\n');
    out
}

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} exists already (--force overwrites it)", .0.display())]
    Exists(PathBuf),
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// flushed to disk and renamed over `path`: `path` holds either its old
/// bytes or the new ones, never a part. Without `force`, an existing
/// `path` is left alone and reported.
pub fn write_atomic(path: &Path, bytes: &[u8], force: bool) -> Result<(), WriteError> {
    write_atomic_with(path, force, |f| f.write_all(bytes))
}

/// [`write_atomic`] with the bytes written by `fill` (so a test can make
/// the writing fail half-way).
pub fn write_atomic_with(
    path: &Path,
    force: bool,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), WriteError> {
    let io = |source| WriteError::Io {
        path: path.to_owned(),
        source,
    };
    if !force && path.exists() {
        return Err(WriteError::Exists(path.to_owned()));
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        fill(&mut f)?;
        f.flush()?;
        f.sync_all()?;
        drop(f);
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(io(e));
    }
    Ok(())
}

/// Why annotations cannot be imported. Nothing is taken from a file that
/// gives one of these: the person is told what and where.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{}: {error}", path.display())]
    At {
        path: PathBuf,
        error: Box<ImportError>,
    },
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Load(#[from] crate::document::LoadError),
    #[error(transparent)]
    Session(#[from] session::SessionError),
    #[error("{} does not name the article it annotates", .0.display())]
    NoArticle(PathBuf),
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Ann(#[from] brat::AnnError),
    #[error("{0}")]
    Malformed(String),
    #[error("{what} {start}..{end} is outside the text, which has {len} characters")]
    Outside {
        what: String,
        start: usize,
        end: usize,
        len: usize,
    },
    #[error(
        "{what} says {expected:?} but the text at {start}..{end} is {found:?}: not this article's annotations, or the text changed"
    )]
    Mismatch {
        what: String,
        start: usize,
        end: usize,
        expected: String,
        found: String,
    },
    #[error("{0} and {1} overlap: Marsad keeps one mention per stretch of text")]
    Overlap(String, String),
    #[error("{0} covers no text")]
    Empty(String),
}

/// Checks imported mentions (sorted by start here) for overlaps and for
/// spans that cover nothing; `names`
/// tells them apart in the message. Returns the order that sorts them.
pub(crate) fn sort_apart(
    ranges: &[std::ops::Range<usize>],
    names: impl Fn(usize) -> String,
) -> Result<Vec<usize>, ImportError> {
    if let Some(i) = ranges.iter().position(|r| r.is_empty()) {
        return Err(ImportError::Empty(names(i)));
    }
    let mut order: Vec<usize> = (0..ranges.len()).collect();
    order.sort_by_key(|&i| (ranges[i].start, ranges[i].end));
    for w in order.windows(2) {
        if ranges[w[1]].start < ranges[w[0]].end {
            return Err(ImportError::Overlap(names(w[0]), names(w[1])));
        }
    }
    Ok(order)
}

/// The text at code points `start..end` of `text` (for checks).
pub fn code_point_slice(text: &str, start: usize, end: usize) -> Option<&str> {
    ByteOffsets::new(text).range(start, end).map(|r| &text[r])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_without_force() {
        let dir = std::env::temp_dir().join(format!("marsad-atomic-{}", std::process::id()));
        let path = dir.join("a.json");
        write_atomic(&path, b"old", false).unwrap();
        assert!(matches!(
            write_atomic(&path, b"new", false),
            Err(WriteError::Exists(_))
        ));
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        write_atomic(&path, b"new", true).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_write_that_fails_half_way_leaves_the_old_file_whole() {
        let dir = std::env::temp_dir().join(format!("marsad-fault-{}", std::process::id()));
        let path = dir.join("session.ron");
        write_atomic(&path, "القديم كاملا".as_bytes(), false).unwrap();
        let err = write_atomic_with(&path, true, |f| {
            f.write_all("الجديد".as_bytes())?;
            Err(std::io::Error::other("disk pulled out"))
        });
        assert!(matches!(err, Err(WriteError::Io { .. })));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "القديم كاملا");
        let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn code_point_slices() {
        let t = "في 2023 قال";
        assert_eq!(code_point_slice(t, 3, 7), Some("2023"));
        assert_eq!(code_point_slice(t, 8, 11), Some("قال"));
        assert_eq!(code_point_slice(t, 8, 12), None);
    }
}
