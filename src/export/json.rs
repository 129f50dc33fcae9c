//! The `marsad annotate` JSON: mentions with code point and byte offsets,
//! entities, and the timeline.

use serde_json::{Map, Value, json};

use crate::analysis::article::Analysis;
use crate::analysis::timeline::Event;
use crate::analysis::{DocDate, Norm};
use crate::document::offsets::CodePoints;

/// Everything `annotate` reports about one file.
pub struct Annotation<'a> {
    pub text_file: &'a str,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        json!(v as i64)
    } else {
        json!(v)
    }
}

fn norm_json(norm: &Norm) -> Value {
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

pub fn to_json(a: &Annotation) -> Value {
    let cp = CodePoints::new(a.text);
    let an = a.analysis;
    let mentions: Vec<Value> = an
        .mentions
        .iter()
        .zip(&an.entity_of)
        .map(|(m, e)| {
            json!({
                "start": cp.of(m.range.start),
                "end": cp.of(m.range.end),
                "byte_start": m.range.start,
                "byte_end": m.range.end,
                "text": &a.text[m.range.clone()],
                "type": m.kind.name(),
                "entity": e.map_or(Value::Null, |e| json!(e)),
                "norm": m.norm.as_ref().map_or(Value::Null, norm_json),
            })
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
        "text_file": a.text_file,
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
