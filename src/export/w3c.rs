//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose page holds
//! one `Annotation` per mention. Its target is the article with a
//! `TextPositionSelector` (code points of the text as loaded) and a
//! `TextQuoteSelector` (the exact text with up to 32 code points of prefix
//! and suffix); its bodies tag the type, describe the entity's canonical
//! name, and carry the note.

use serde::Serialize;

use super::Article;
use crate::analysis::article::Decider;
use crate::document::offsets::CodePoints;

/// Code points of context in a quote selector's prefix and suffix.
const CONTEXT: usize = 32;

/// The article's IRI: its file as a `file:` IRI, else a `urn:` of its id.
pub fn source_iri(a: &Article) -> String {
    let escape = |s: &str| {
        s.chars()
            .map(|c| match c {
                ' ' | '#' | '%' | '?' | '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}' => {
                    let mut b = [0; 4];
                    c.encode_utf8(&mut b)
                        .bytes()
                        .map(|x| format!("%{x:02X}"))
                        .collect()
                }
                c if c.is_control() => format!("%{:02X}", c as u32),
                c => c.to_string(),
            })
            .collect::<String>()
    };
    match &a.doc.path {
        Some(p) => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            let s = abs.to_string_lossy().replace('\\', "/");
            let s = if s.starts_with('/') {
                s
            } else {
                format!("/{s}")
            };
            format!("file://{}", escape(&s))
        }
        None => format!("urn:marsad:article:{}", escape(a.id)),
    }
}

/// A collection of annotations, as it is written: borrowed from the
/// analysis and serialised straight to bytes (no JSON value tree).
#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: &'a str,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Items<'a>,
}

/// The annotations, made one at a time as they are written.
struct Items<'a> {
    a: &'a Article<'a>,
    source: &'a str,
    cp: CodePoints<'a>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    creator: Creator,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Creator {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'static str>,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    selector: (PositionSelector, QuoteSelector<'a>),
}

#[derive(Serialize)]
struct PositionSelector {
    #[serde(rename = "type")]
    kind: &'static str,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct QuoteSelector<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    exact: &'a str,
    prefix: &'a str,
    suffix: &'a str,
}

impl Serialize for Items<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let an = self.a.analysis;
        let text = self.a.text();
        let mut seq = s.serialize_seq(Some(an.mentions.len()))?;
        for (i, m) in an.mentions.iter().enumerate() {
            let (prefix, suffix) =
                crate::document::offsets::context(text, m.range.clone(), CONTEXT);
            let mut body = vec![Body {
                kind: "TextualBody",
                purpose: "tagging",
                value: m.kind.name(),
                language: None,
            }];
            if let Some(e) = an.entity_of.get(i).copied().flatten() {
                body.push(Body {
                    kind: "TextualBody",
                    purpose: "identifying",
                    value: &an.entities[e].canonical,
                    language: Some("ar"),
                });
            }
            let p = an.provenance.get(i);
            if let Some(note) = p.and_then(|p| p.note.as_deref()) {
                body.push(Body {
                    kind: "TextualBody",
                    purpose: "commenting",
                    value: note,
                    language: None,
                });
            }
            let person = p.is_some_and(|p| p.decided_by == Decider::Person);
            seq.serialize_element(&Annotation {
                id: format!("{}#mention-{}", self.source, i + 1),
                kind: "Annotation",
                motivation: "tagging",
                creator: if person {
                    Creator {
                        kind: "Person",
                        name: "reader",
                    }
                } else {
                    Creator {
                        kind: "Software",
                        name: "Marsad",
                    }
                },
                body,
                target: Target {
                    source: self.source,
                    selector: (
                        PositionSelector {
                            kind: "TextPositionSelector",
                            start: self.cp.of(m.range.start),
                            end: self.cp.of(m.range.end),
                        },
                        QuoteSelector {
                            kind: "TextQuoteSelector",
                            exact: &text[m.range.clone()],
                            prefix,
                            suffix,
                        },
                    ),
                },
            })?;
        }
        seq.end()
    }
}

/// The annotation collection, pretty-printed, ending with a new line.
pub fn render(a: &Article) -> Vec<u8> {
    let source = source_iri(a);
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: format!("{source}#annotations"),
        kind: "AnnotationCollection",
        label: &a.doc.title,
        total: a.analysis.mentions.len(),
        first: Page {
            id: format!("{source}#annotations-page-1"),
            kind: "AnnotationPage",
            start_index: 0,
            items: Items {
                a,
                source: &source,
                cp: CodePoints::new(a.text()),
            },
        },
    };
    super::pretty_json(&collection)
}
