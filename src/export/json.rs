//! The `marsad annotate` JSON: mentions with code point and byte offsets,
//! who decided each and its note, entities, and the timeline. `jsonl` is
//! the same object, compact, on one line.

use serde_json::Value;

use super::{Article, ByteOffsets, ImportError, sort_apart};
use crate::analysis::article::{Analysis, Decider, MODIFIERS, Provenance};
use crate::analysis::doc_date::DateSource;
use crate::analysis::entities::Entity;
use crate::analysis::timeline::Event;
use crate::analysis::{DocDate, Mention, MentionType, Norm, NumberValue, Timex, TimexKind};
use crate::document::Document;
use crate::document::offsets::CodePoints;

/// The article as pretty-printed JSON, written as it is serialised (no
/// value tree of the whole article in between).
pub fn pretty(a: &Article) -> Vec<u8> {
    super::pretty_json(&Out::new(a))
}

/// [`pretty`] written to `w` as it is serialised: the export of an article
/// dense with mentions (a gigabyte of JSON for 64 MB of text) is never
/// held in memory.
pub fn write_pretty(a: &Article, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    // The serialiser writes a few bytes at a time: into a buffer of a
    // known type (each write a copy), not through `dyn Write` (each write
    // a call).
    use std::io::Write as _;
    let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
    serde_json::to_writer_pretty(&mut w, &Out::new(a)).map_err(std::io::Error::other)?;
    w.write_all(b"\n")?;
    w.flush()
}

/// The article as one compact line of JSON, ending in a line feed.
pub fn line(a: &Article) -> Vec<u8> {
    let mut out = serde_json::to_vec(&Out::new(a)).expect("the article serialises");
    out.push(b'\n');
    out
}

/// The export of one article, serialised straight from the analysis. Keys
/// are sorted, as in a JSON value.
#[derive(serde::Serialize)]
struct Out<'a> {
    document_date: OutDate,
    #[serde(serialize_with = "entities_out")]
    entities: &'a [Entity],
    mentions: OutMentions<'a>,
    text_file: &'a str,
    timeline: OutEvents<'a>,
    undated_events: OutEvents<'a>,
}

#[derive(serde::Serialize)]
struct OutDate {
    source: &'static str,
    value: Option<String>,
}

impl<'a> Out<'a> {
    fn new(a: &'a Article<'a>) -> Self {
        let an = a.analysis;
        let cp = std::rc::Rc::new(CodePoints::new(a.text()));
        Out {
            document_date: OutDate {
                source: an.date_source.name(),
                value: an.doc_date.map(DocDate::to_timex),
            },
            entities: &an.entities,
            mentions: OutMentions {
                text: a.text(),
                an,
                cp: cp.clone(),
            },
            text_file: a.id,
            timeline: OutEvents(&an.timeline.dated, cp.clone()),
            undated_events: OutEvents(&an.timeline.undated, cp),
        }
    }
}

fn entities_out<S: serde::Serializer>(es: &&[Entity], s: S) -> Result<S::Ok, S::Error> {
    #[derive(serde::Serialize)]
    struct E<'a> {
        canonical: &'a str,
        id: usize,
        mentions: &'a [usize],
        #[serde(rename = "type")]
        kind: &'static str,
    }
    s.collect_seq(es.iter().enumerate().map(|(id, e)| E {
        canonical: &e.canonical,
        id,
        mentions: &e.mentions,
        kind: e.kind.name(),
    }))
}

struct OutMentions<'a> {
    text: &'a str,
    an: &'a Analysis,
    cp: std::rc::Rc<CodePoints<'a>>,
}

impl serde::Serialize for OutMentions<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct M<'a> {
            byte_end: usize,
            byte_start: usize,
            decided_by: &'static str,
            end: usize,
            entity: Option<usize>,
            norm: Option<OutNorm<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            note: Option<&'a str>,
            start: usize,
            text: &'a str,
            #[serde(rename = "type")]
            kind: &'static str,
        }
        let an = self.an;
        s.collect_seq(an.mentions.iter().enumerate().map(|(i, m)| {
            let p = an.provenance.get(i);
            M {
                byte_end: m.range.end,
                byte_start: m.range.start,
                decided_by: p.map_or(Decider::Machine, |p| p.decided_by).name(),
                end: self.cp.of(m.range.end),
                entity: an.entity_of.get(i).copied().flatten(),
                norm: m.norm.as_ref().map(norm_out),
                note: p.and_then(|p| p.note.as_deref()),
                start: self.cp.of(m.range.start),
                text: &self.text[m.range.clone()],
                kind: m.kind.name(),
            }
        }))
    }
}

struct OutEvents<'a>(&'a [Event], std::rc::Rc<CodePoints<'a>>);

impl serde::Serialize for OutEvents<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct E<'a> {
            date: &'a str,
            end: usize,
            mentions: &'a [usize],
            start: usize,
        }
        s.collect_seq(self.0.iter().map(|e| E {
            date: &e.date.value,
            end: self.1.of(e.range.end),
            mentions: &e.mentions,
            start: self.1.of(e.range.start),
        }))
    }
}

/// A mention's value, its fields in the order of a JSON object's sorted
/// keys, those it lacks left out.
#[derive(serde::Serialize)]
struct OutNorm<'a> {
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    approximate: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    inclusive: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    max: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    min: Option<f64>,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    timex: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "number")]
    value: Option<f64>,
}

/// A whole number without a fraction, others as they are.
fn number<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match *v {
        Some(v) if v.fract() == 0.0 && v.abs() < 9e15 => s.serialize_i64(v as i64),
        Some(v) => s.serialize_f64(v),
        None => s.serialize_none(),
    }
}

fn norm_out(norm: &Norm) -> OutNorm<'_> {
    match norm {
        Norm::Number(n) => OutNorm {
            approximate: n.approximate,
            inclusive: n.inclusive,
            kind: None,
            max: n.max,
            min: n.min,
            modifier: None,
            timex: None,
            unit: n.unit.as_deref(),
            value: n.value,
        },
        Norm::Date(t) => OutNorm {
            approximate: false,
            inclusive: false,
            kind: Some(t.kind.name()),
            max: None,
            min: None,
            modifier: t.modifier,
            timex: Some(&t.value),
            unit: None,
            value: None,
        },
    }
}

/// The export of one article as a JSON value (for a caller that adds to
/// it); [`pretty`] and [`line`] write the same without the value tree.
pub fn to_json(a: &Article) -> Value {
    serde_json::to_value(Out::new(a)).expect("the article serialises")
}

fn bad(what: impl std::fmt::Display) -> ImportError {
    ImportError::Malformed(what.to_string())
}

fn norm_from_json(v: &Value, kind: MentionType, what: &str) -> Result<Option<Norm>, ImportError> {
    if v.is_null() {
        return Ok(None);
    }
    let o = v
        .as_object()
        .ok_or_else(|| bad(format!("{what}: norm is not an object")))?;
    let date = o.contains_key("timex");
    if kind != MentionType::Date && kind != MentionType::Number
        || date != (kind == MentionType::Date)
    {
        return Err(bad(format!(
            "{what}: a {} cannot have this value (a date has a timex, a number a value)",
            kind.name()
        )));
    }
    if date {
        let value = o
            .get("timex")
            .and_then(Value::as_str)
            .ok_or_else(|| bad(format!("{what}: a date's norm has no timex")))?;
        let kind = match o.get("kind").and_then(Value::as_str).unwrap_or("DATE") {
            "DATE" => TimexKind::Date,
            "TIME" => TimexKind::Time,
            "DURATION" => TimexKind::Duration,
            "SET" => TimexKind::Set,
            k => return Err(bad(format!("{what}: unknown timex kind {k:?}"))),
        };
        let modifier = match o.get("mod").and_then(Value::as_str) {
            None => None,
            Some(m) => Some(
                MODIFIERS
                    .into_iter()
                    .find(|x| *x == m)
                    .ok_or_else(|| bad(format!("{what}: unknown modifier {m:?}")))?,
            ),
        };
        if !crate::analysis::timeline::timex_ok(value, kind) {
            return Err(bad(format!(
                "{what}: {value:?} is not a {} value Marsad can place",
                kind.name()
            )));
        }
        return Ok(Some(Norm::Date(Timex {
            value: value.to_owned(),
            kind,
            modifier,
        })));
    }
    let f = |k: &str| o.get(k).and_then(Value::as_f64).filter(|v| v.is_finite());
    let (min, max) = (f("min"), f("max"));
    if let (Some(lo), Some(hi)) = (min, max)
        && lo > hi
    {
        return Err(bad(format!(
            "{what}: the range {lo} to {hi} runs backwards"
        )));
    }
    Ok(Some(Norm::Number(NumberValue {
        value: f("value"),
        min,
        max,
        approximate: o
            .get("approximate")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        inclusive: o.get("inclusive").and_then(Value::as_bool).unwrap_or(false),
        unit: o.get("unit").and_then(Value::as_str).map(str::to_owned),
    })))
}

/// Reads a `json` (or `jsonl` line) export of `doc` back: its mentions
/// with their values, who decided each and their notes, its entities as
/// they were grouped and named, and its document date. Each mention's
/// offsets (code points) must quote its `text` in `doc`.
pub fn import(doc: &Document, json: &str) -> Result<Analysis, ImportError> {
    import_value(doc, &serde_json::from_str(json)?)
}

/// [`import`] of an export already parsed.
pub fn import_value(doc: &Document, v: &Value) -> Result<Analysis, ImportError> {
    let v = match v {
        Value::Array(items) if items.len() == 1 => &items[0],
        Value::Array(_) => return Err(bad("the file holds several articles: import one")),
        v => v,
    };
    let text = doc.text.as_str();
    let offsets = ByteOffsets::new(text);
    let ms = v
        .get("mentions")
        .and_then(Value::as_array)
        .ok_or_else(|| bad("no \"mentions\" list"))?;
    let mut mentions = Vec::with_capacity(ms.len());
    let mut provenance = Vec::with_capacity(ms.len());
    for (i, m) in ms.iter().enumerate() {
        let what = format!("mention {}", i + 1);
        let num = |k: &str| {
            m.get(k)
                .and_then(Value::as_u64)
                .map(|n| n as usize)
                .ok_or_else(|| bad(format!("{what}: no {k:?} offset")))
        };
        let (start, end) = (num("start")?, num("end")?);
        let range = offsets
            .range(start, end)
            .ok_or_else(|| ImportError::Outside {
                what: what.clone(),
                start,
                end,
                len: offsets.len(),
            })?;
        if let Some(expected) = m.get("text").and_then(Value::as_str)
            && expected != &text[range.clone()]
        {
            return Err(ImportError::Mismatch {
                what,
                start,
                end,
                expected: expected.to_owned(),
                found: text[range].to_owned(),
            });
        }
        let kind_name = m.get("type").and_then(Value::as_str).unwrap_or_default();
        let kind = MentionType::ALL
            .into_iter()
            .find(|k| k.name() == kind_name)
            .ok_or_else(|| bad(format!("{what}: unknown type {kind_name:?}")))?;
        let norm = norm_from_json(m.get("norm").unwrap_or(&Value::Null), kind, &what)?;
        let decided_by = match m.get("decided_by").and_then(Value::as_str) {
            None => Decider::Machine,
            Some(d) => Decider::parse(d)
                .ok_or_else(|| bad(format!("{what}: decided_by {d:?} is not machine or person")))?,
        };
        mentions.push(Mention { range, kind, norm });
        provenance.push(Provenance {
            decided_by,
            note: m.get("note").and_then(Value::as_str).map(str::to_owned),
        });
    }
    let ranges: Vec<_> = mentions.iter().map(|m| m.range.clone()).collect();
    let order = sort_apart(&ranges, |i| format!("mention {}", i + 1))?;
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mentions: Vec<Mention> = order.iter().map(|&i| mentions[i].clone()).collect();
    let provenance: Vec<Provenance> = order.iter().map(|&i| provenance[i].clone()).collect();
    let entities = match v.get("entities").and_then(Value::as_array) {
        None => None,
        Some(es) => {
            let mut out = Vec::with_capacity(es.len());
            // The entity each mention is in: one at most.
            let mut of: Vec<Option<usize>> = vec![None; mentions.len()];
            for (e, entity) in es.iter().enumerate() {
                let what = format!("entity {}", e + 1);
                let canonical = entity
                    .get("canonical")
                    .and_then(Value::as_str)
                    .ok_or_else(|| bad(format!("{what}: no canonical name")))?;
                let kind_name = entity
                    .get("type")
                    .and_then(Value::as_str)
                    .unwrap_or_default();
                let kind = MentionType::ALL
                    .into_iter()
                    .find(|k| k.name() == kind_name)
                    .ok_or_else(|| bad(format!("{what}: unknown type {kind_name:?}")))?;
                let mut members = Vec::new();
                for m in entity
                    .get("mentions")
                    .and_then(Value::as_array)
                    .ok_or_else(|| bad(format!("{what}: no mentions")))?
                {
                    let m = m
                        .as_u64()
                        .map(|m| m as usize)
                        .filter(|&m| m < new_index.len())
                        .ok_or_else(|| bad(format!("{what}: a mention index out of range")))?;
                    let at = new_index[m];
                    match of[at] {
                        Some(other) if other == e => continue, // listed twice
                        Some(other) => {
                            return Err(bad(format!(
                                "{what}: mention {} is also in entity {}",
                                m + 1,
                                other + 1
                            )));
                        }
                        None => of[at] = Some(e),
                    }
                    if mentions[at].kind != kind {
                        return Err(bad(format!(
                            "{what}: mention {} is a {}, not a {}",
                            m + 1,
                            mentions[at].kind.name(),
                            kind.name()
                        )));
                    }
                    members.push(at);
                }
                if members.is_empty() {
                    return Err(bad(format!("{what}: no mentions")));
                }
                members.sort_unstable();
                out.push(Entity {
                    kind,
                    canonical: canonical.to_owned(),
                    mentions: members,
                });
            }
            Some(out)
        }
    };
    let date = v.get("document_date");
    let doc_date = date
        .and_then(|d| d.get("value"))
        .and_then(Value::as_str)
        .and_then(DocDate::parse);
    let source = date
        .and_then(|d| d.get("source"))
        .and_then(Value::as_str)
        .and_then(DateSource::from_name)
        .unwrap_or_default();
    Ok(Analysis::assemble(
        doc,
        mentions,
        provenance,
        entities,
        (doc_date, source),
    ))
}
