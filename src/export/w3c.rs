//! W3C Web Annotation (JSON-LD): an `AnnotationCollection` whose page holds
//! one `Annotation` per mention. Its target is the article with a
//! `TextPositionSelector` (code points of the text as loaded) and a
//! `TextQuoteSelector` (the exact text with up to 32 code points of prefix
//! and suffix); its bodies tag the type, describe the entity's canonical
//! name, and carry the note.

use serde_json::{Value, json};

use super::Article;
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

pub fn to_json(a: &Article) -> Value {
    let text = a.text();
    let an = a.analysis;
    let cp = CodePoints::new(text);
    let source = source_iri(a);
    let items: Vec<Value> = an
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let exact = &text[m.range.clone()];
            let prefix: String = {
                let before: Vec<char> = text[..m.range.start].chars().rev().take(CONTEXT).collect();
                before.into_iter().rev().collect()
            };
            let suffix: String = text[m.range.end..].chars().take(CONTEXT).collect();
            let mut body = vec![json!({
                "type": "TextualBody",
                "purpose": "tagging",
                "value": m.kind.name(),
            })];
            if let Some(e) = an.entity_of.get(i).copied().flatten() {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "identifying",
                    "value": an.entities[e].canonical,
                    "language": "ar",
                }));
            }
            let p = an.provenance.get(i).cloned().unwrap_or_default();
            if let Some(note) = &p.note {
                body.push(json!({
                    "type": "TextualBody",
                    "purpose": "commenting",
                    "value": note,
                }));
            }
            json!({
                "id": format!("{source}#mention-{}", i + 1),
                "type": "Annotation",
                "motivation": "tagging",
                "creator": {"type": if p.decided_by == crate::analysis::article::Decider::Person { "Person" } else { "Software" },
                            "name": if p.decided_by == crate::analysis::article::Decider::Person { "reader" } else { "Marsad" }},
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextPositionSelector", "start": cp.of(m.range.start), "end": cp.of(m.range.end)},
                        {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": suffix},
                    ],
                },
            })
        })
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": format!("{source}#annotations"),
        "type": "AnnotationCollection",
        "label": a.doc.title,
        "total": items.len(),
        "first": {
            "id": format!("{source}#annotations-page-1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

pub fn render(a: &Article) -> Vec<u8> {
    super::pretty_json(&to_json(a))
}
