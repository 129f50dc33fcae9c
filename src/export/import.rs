//! Annotations back in from a file, whatever its format: the pipeline that
//! `marsad import` and File > Import share. A `json` or `jsonl` export
//! names its article (`text_file`); a brat `.ann` has its `.txt` beside
//! it; a session file names its article and holds a person's edits, laid
//! over a fresh analysis.

use std::path::{Path, PathBuf};

use super::{ImportError, brat, json, session};
use crate::analysis::article::{Progress, analyze_document};
use crate::analysis::edits::{self, Orphan};
use crate::analysis::{DocDate, article::Analysis};
use crate::document::{self, Document};

/// Annotations read back, and the article they belong to.
pub struct Imported {
    /// Where the article is.
    pub article: PathBuf,
    pub doc: Document,
    pub analysis: Analysis,
    /// A session made on another text: its edits that no longer fit.
    pub changed: bool,
    pub orphans: Vec<Orphan>,
}

/// Reads the annotations at `path`. `article` overrides the article the
/// file names (or, for brat, the `.txt` beside it).
pub fn read(path: &Path, article: Option<&Path>) -> Result<Imported, ImportError> {
    let at = |e: ImportError| ImportError::At {
        path: path.to_owned(),
        error: Box::new(e),
    };
    let read = |p: &Path| {
        std::fs::read_to_string(p).map_err(|source| ImportError::Read {
            path: p.to_owned(),
            source,
        })
    };
    let imported = |article: PathBuf, doc, analysis| Imported {
        article,
        doc,
        analysis,
        changed: false,
        orphans: Vec::new(),
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    match ext.as_str() {
        "ann" => {
            let article = article.map_or_else(|| path.with_extension("txt"), Path::to_owned);
            let doc = document::load_path(&article)?;
            let analysis = brat::import(&doc, &read(path)?).map_err(at)?;
            Ok(imported(article, doc, analysis))
        }
        "ron" => {
            let raw = read(path)?;
            // The session names its article; its text is checked below.
            let named = ron::from_str::<session::Session>(&raw)
                .ok()
                .and_then(|s| s.article);
            let article = article
                .map(Path::to_owned)
                .or(named)
                .ok_or_else(|| ImportError::NoArticle(path.to_owned()))?;
            let doc = document::load_path(&article)?;
            let (s, changed) = match session::load(path, &doc.text) {
                Ok(Some(s)) => (s, false),
                Ok(None) => {
                    return Err(ImportError::Read {
                        path: path.to_owned(),
                        source: std::io::ErrorKind::NotFound.into(),
                    });
                }
                Err(session::SessionError::TextChanged { session, .. }) => (*session, true),
                Err(e) => return Err(e.into()),
            };
            let date = s.document_date.as_deref().and_then(DocDate::parse);
            let machine = analyze_document(&doc, date, &Progress::default())
                .map_err(|e| ImportError::Malformed(e.to_string()))?;
            // Made on another version of the text: its edits are looked for
            // where their text moved first.
            let edits = if changed {
                crate::analysis::reanchor::reanchor(&doc.text, &s.edits).edits
            } else {
                s.edits
            };
            let applied = edits::apply(&doc, &machine, &edits);
            Ok(Imported {
                changed,
                orphans: applied.orphans,
                ..imported(article, doc, applied.analysis)
            })
        }
        _ => {
            let exported = read(path)?;
            let v: serde_json::Value =
                serde_json::from_str(exported.trim_end()).map_err(|e| at(e.into()))?;
            let article = match article {
                Some(a) => a.to_owned(),
                None => {
                    let name = v
                        .get("text_file")
                        .and_then(|t| t.as_str())
                        .ok_or_else(|| ImportError::NoArticle(path.to_owned()))?;
                    // A relative name is taken from where the export is,
                    // then from here.
                    let beside = path.parent().unwrap_or(Path::new("")).join(name);
                    if beside.is_file() {
                        beside
                    } else {
                        PathBuf::from(name)
                    }
                }
            };
            let doc = document::load_path(&article)?;
            let analysis = json::import_value(&doc, &v).map_err(at)?;
            Ok(imported(article, doc, analysis))
        }
    }
}
