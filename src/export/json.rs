//! The `marsad annotate` JSON: mentions with code point and byte offsets,
//! who decided each and its note, entities, and the timeline. `jsonl` is
//! the same object, compact, on one line.

use serde_json::{Map, Value, json};

use super::Article;
use crate::analysis::timeline::Event;
use crate::analysis::{DocDate, Norm};
use crate::document::offsets::CodePoints;

/// The article as pretty-printed JSON.
pub fn pretty(a: &Article) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(&to_json(a)).expect("a JSON value serialises");
    out.push(b'\n');
    out
}

/// The article as one compact line of JSON, ending in a line feed.
pub fn line(a: &Article) -> Vec<u8> {
    let mut out = serde_json::to_vec(&to_json(a)).expect("a JSON value serialises");
    out.push(b'\n');
    out
}

fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

pub fn norm_json(norm: &Norm) -> Value {
    let mut o = Map::new();
    match norm {
        Norm::Number(n) => {
            if let Some(v) = n.value {
                o.insert("value".into(), number(v));
            }
            if let Some(v) = n.min {
                o.insert("min".into(), number(v));
            }
            if let Some(v) = n.max {
                o.insert("max".into(), number(v));
            }
            if n.approximate {
                o.insert("approximate".into(), json!(true));
            }
            if let Some(u) = &n.unit {
                o.insert("unit".into(), json!(u));
            }
        }
        Norm::Date(t) => {
            o.insert("timex".into(), json!(t.value));
            o.insert("kind".into(), json!(t.kind.name()));
            if let Some(m) = t.modifier {
                o.insert("mod".into(), json!(m));
            }
        }
    }
    Value::Object(o)
}

pub fn to_json(a: &Article) -> Value {
    let text = a.text();
    let cp = CodePoints::new(text);
    let an = a.analysis;
    let mentions: Vec<Value> = an
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut o = json!({
                "start": cp.of(m.range.start),
                "end": cp.of(m.range.end),
                "byte_start": m.range.start,
                "byte_end": m.range.end,
                "text": &text[m.range.clone()],
                "type": m.kind.name(),
                "entity": an.entity_of.get(i).copied().flatten().map_or(Value::Null, |e| json!(e)),
                "norm": m.norm.as_ref().map_or(Value::Null, norm_json),
            });
            let p = an.provenance.get(i).cloned().unwrap_or_default();
            o["decided_by"] = json!(p.decided_by.name());
            if let Some(note) = p.note {
                o["note"] = json!(note);
            }
            o
        })
        .collect();
    let event = |e: &Event| {
        json!({
            "date": e.date.value,
            "start": cp.of(e.range.start),
            "end": cp.of(e.range.end),
            "mentions": e.mentions,
        })
    };
    json!({
        "text_file": a.id,
        "document_date": {
            "value": an.doc_date.map(DocDate::to_timex),
            "source": an.date_source.name(),
        },
        "mentions": mentions,
        "entities": an.entities
            .iter()
            .enumerate()
            .map(|(id, e)| json!({"id": id, "type": e.kind.name(), "canonical": e.canonical, "mentions": e.mentions}))
            .collect::<Vec<_>>(),
        "timeline": an.timeline.dated.iter().map(event).collect::<Vec<_>>(),
        "undated_events": an.timeline.undated.iter().map(event).collect::<Vec<_>>(),
    })
}
