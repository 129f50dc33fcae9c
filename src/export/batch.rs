//! Many articles at once: the files of a folder (recursively) on all cores,
//! or a stream of JSON lines (`{"id": …, "text": …}`) from standard input
//! for engines that pipe text through a command (Spark's `RDD.pipe`, GNU
//! parallel). Both analyse with [`analyze_document`] and render with
//! [`super::render`]; a failing article is reported and the others go on.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_json::{Value, json};

use super::{Article, Format, WriteError, render, write_atomic};
use crate::analysis::DocDate;
use crate::analysis::article::{Analysis, Progress, analyze_document};
use crate::document::{self, Document, Format as DocFormat};

/// The extensions of the files a folder is searched for.
pub const ARTICLE_EXTENSIONS: [&str; 4] = ["txt", "html", "htm", "md"];

/// One input file, and where its exports go inside the output folder (its
/// folder relative to the folder it was found in).
#[derive(Clone, Debug, PartialEq)]
pub struct Input {
    pub path: PathBuf,
    pub out_dir: PathBuf,
}

/// The articles of `paths`: files as they are, folders searched
/// recursively (in name order) for the [`ARTICLE_EXTENSIONS`]. Unreadable
/// folders are reported as failures by the caller reading them later.
pub fn collect_inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, Path::new(""), &mut out);
        } else {
            out.push(Input {
                path: p.clone(),
                out_dir: PathBuf::new(),
            });
        }
    }
    out
}

fn walk(dir: &Path, rel: &Path, out: &mut Vec<Input>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_dir() {
            walk(&path, &rel.join(e.file_name()), out);
        } else if path
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| ARTICLE_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()))
        {
            out.push(Input {
                path,
                out_dir: rel.to_owned(),
            });
        }
    }
}

/// Loads and analyses one file.
pub fn analyze_file(path: &Path, date: Option<DocDate>) -> anyhow::Result<(Document, Analysis)> {
    // The recogniser's tables load on the other cores while the file is
    // read and analysed up to the recogniser.
    crate::analysis::warm_up_in_background();
    let doc = document::load_path(path)?;
    let analysis = analyze_document(&doc, date, &Progress::default())?;
    Ok((doc, analysis))
}

/// One article's outcome in a batch: its mention count and, for jsonl, its
/// line; or why it failed.
type Outcome = Result<(usize, Option<Vec<u8>>), String>;

/// One article's line in a stream (its mention count), or an error line.
type StreamLine = Result<(usize, Vec<u8>), Vec<u8>>;

/// What a batch did.
#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub mentions: usize,
    pub failures: Vec<(PathBuf, String)>,
}

/// Annotates `inputs` on all cores and writes `format` into `out`, each
/// article's files in its input's `out_dir`. `jsonl` gathers every article
/// into `out/annotations.jsonl`, a line each, in input order. `done` is
/// called once per article, from any thread.
pub fn run_to_folder(
    inputs: &[Input],
    format: Format,
    out: &Path,
    force: bool,
    date: Option<DocDate>,
    done: &(dyn Fn(&Path, Result<usize, &str>) + Sync),
) -> Result<Summary, WriteError> {
    let lines_path = out.join("annotations.jsonl");
    if format == Format::Jsonl && !force && lines_path.exists() {
        // Said before the work, not after it.
        return Err(WriteError::Exists(lines_path));
    }
    super::write_folder_files(format, out)?;
    let results: Vec<Outcome> = inputs
        .par_iter()
        .map(|input| {
            let result = (|| -> anyhow::Result<(usize, Option<Vec<u8>>)> {
                let (doc, analysis) = analyze_file(&input.path, date)?;
                let id = input.path.display().to_string();
                let article = Article {
                    id: &id,
                    doc: &doc,
                    analysis: &analysis,
                };
                let n = analysis.mentions.len();
                if format == Format::Jsonl {
                    let line = render(format, &article).into_iter().next().map(|f| f.bytes);
                    return Ok((n, line));
                }
                super::write_article(format, &article, &out.join(&input.out_dir), force)?;
                Ok((n, None))
            })()
            .map_err(|e| format!("{e:#}"));
            done(
                &input.path,
                result.as_ref().map(|r| r.0).map_err(|e| e.as_str()),
            );
            result
        })
        .collect();
    let mut summary = Summary {
        files: inputs.len(),
        ..Default::default()
    };
    let mut lines = Vec::new();
    for (input, r) in inputs.iter().zip(results) {
        match r {
            Ok((n, line)) => {
                summary.mentions += n;
                lines.extend(line.unwrap_or_default());
            }
            Err(e) => summary.failures.push((input.path.clone(), e)),
        }
    }
    if format == Format::Jsonl {
        write_atomic(&lines_path, &lines, force)?;
    }
    Ok(summary)
}

/// What a stream did.
#[derive(Debug, Default)]
pub struct StreamSummary {
    pub articles: usize,
    pub mentions: usize,
    pub failures: usize,
}

/// Articles read at a time from a stream, analysed on all cores.
const CHUNK: usize = 64;

/// Reads articles from `input` and writes one compact JSON line per
/// article to `output`, in input order. If the first character that is not
/// white space is `{`, every line is an object with `id` and `text`;
/// otherwise the whole input is one plain-text article. A line that cannot
/// be read gives a line `{"id": …, "error": …}` and the others go on.
pub fn stream(
    mut input: impl BufRead,
    output: &mut impl Write,
    date: Option<DocDate>,
) -> std::io::Result<StreamSummary> {
    let mut summary = StreamSummary::default();
    // Is it JSON lines? Look at the first character that is not white space.
    let json_lines = loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            break false;
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => break buf[i] == b'{',
            None => {
                let n = buf.len();
                input.consume(n);
            }
        }
    };
    if !json_lines {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(summary);
        }
        let line = match document::load_bytes(&bytes, Path::new("stdin.txt")) {
            Ok(doc) => article_line(Value::from("-"), doc, date),
            Err(e) => Err(error_line(&Value::from("-"), &e.to_string())),
        };
        summary.articles = 1;
        write_result(output, line, &mut summary)?;
        return Ok(summary);
    }
    let mut lines = input.lines();
    let mut number = 0usize;
    loop {
        let mut chunk = Vec::with_capacity(CHUNK);
        for line in lines.by_ref() {
            let line = line?;
            number += 1;
            if line.trim().is_empty() {
                continue;
            }
            chunk.push((number, line));
            if chunk.len() == CHUNK {
                break;
            }
        }
        if chunk.is_empty() {
            break;
        }
        let out: Vec<StreamLine> = chunk
            .into_par_iter()
            .map(|(n, line)| {
                let value: Value = match serde_json::from_str(&line) {
                    Ok(v) => v,
                    Err(e) => {
                        return Err(error_line(
                            &Value::from(format!("line {n}")),
                            &format!("not JSON: {e}"),
                        ));
                    }
                };
                let id = value
                    .get("id")
                    .cloned()
                    .unwrap_or(Value::from(format!("line {n}")));
                let Some(text) = value.get("text").and_then(Value::as_str) else {
                    return Err(error_line(&id, "no \"text\" string"));
                };
                article_line(
                    id,
                    Document::from_text(text.to_owned(), DocFormat::Text),
                    date,
                )
            })
            .collect();
        summary.articles += out.len();
        for r in out {
            write_result(output, r, &mut summary)?;
        }
    }
    Ok(summary)
}

fn write_result(
    output: &mut impl Write,
    r: StreamLine,
    summary: &mut StreamSummary,
) -> std::io::Result<()> {
    match r {
        Ok((n, line)) => {
            summary.mentions += n;
            output.write_all(&line)
        }
        Err(line) => {
            summary.failures += 1;
            output.write_all(&line)
        }
    }
}

fn error_line(id: &Value, error: &str) -> Vec<u8> {
    let mut out = serde_json::to_vec(&json!({"id": id, "error": error})).expect("JSON");
    out.push(b'\n');
    out
}

/// One article's JSON line, with its `id` as it came.
fn article_line(id: Value, doc: Document, date: Option<DocDate>) -> StreamLine {
    let name = match &id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let analysis = analyze_document(&doc, date, &Progress::default())
        .map_err(|e| error_line(&id, &e.to_string()))?;
    let article = Article {
        id: &name,
        doc: &doc,
        analysis: &analysis,
    };
    let mut v = super::json::to_json(&article);
    v["id"] = id;
    let mut out = serde_json::to_vec(&v).expect("JSON");
    out.push(b'\n');
    Ok((analysis.mentions.len(), out))
}
