//! CSV (RFC 4180, UTF-8, CRLF line ends): one row per mention, and a second
//! file with one row per timeline event. Offsets count code points.

use super::Article;
use crate::analysis::describe::{self, Lang};
use crate::analysis::timeline::Event;
use crate::analysis::{MentionType, Norm};
use crate::document::offsets::CodePoints;

/// One field, quoted when it holds a comma, a quote or a line end.
fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

fn row(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        field(out, f);
    }
    out.push_str("\r\n");
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A normalised value as plain text: `2500 عسكري`, `~300`, `50..100`,
/// `>1000` (more than), `>=12` (at least), `2023-10-07`, `2024-01 START`.
pub fn value_text(norm: Option<&Norm>) -> String {
    match norm {
        None => String::new(),
        Some(Norm::Number(n)) => {
            let mut s = String::new();
            if n.approximate {
                s.push('~');
            }
            match (n.value, n.min, n.max) {
                (Some(v), _, _) => s.push_str(&num(v)),
                (None, Some(a), Some(b)) => s.push_str(&format!("{}..{}", num(a), num(b))),
                (None, Some(a), None) if n.inclusive => s.push_str(&format!(">={}", num(a))),
                (None, Some(a), None) => s.push_str(&format!(">{}", num(a))),
                (None, None, Some(b)) if n.inclusive => s.push_str(&format!("<={}", num(b))),
                (None, None, Some(b)) => s.push_str(&format!("<{}", num(b))),
                (None, None, None) => {}
            }
            if let Some(u) = &n.unit {
                s.push(' ');
                s.push_str(u);
            }
            s
        }
        Some(Norm::Date(t)) => match t.modifier {
            Some(m) => format!("{} {m}", t.value),
            None => t.value.clone(),
        },
    }
}

/// The mentions: type, text, canonical, start, end, value, sentence (its
/// number, from 1), sentence_text, decided_by, note.
pub fn mentions(a: &Article) -> Vec<u8> {
    let text = a.text();
    let an = a.analysis;
    let cp = CodePoints::new(text);
    let mut out = String::with_capacity(an.mentions.len() * 120);
    row(
        &mut out,
        &[
            "type",
            "text",
            "canonical",
            "start",
            "end",
            "value",
            "sentence",
            "sentence_text",
            "decided_by",
            "note",
        ],
    );
    for (i, m) in an.mentions.iter().enumerate() {
        let canonical = an
            .entity_of
            .get(i)
            .copied()
            .flatten()
            .map_or("", |e| an.entities[e].canonical.as_str());
        let sentence = an.sentence_at(m.range.start);
        let p = an.provenance.get(i).cloned().unwrap_or_default();
        row(
            &mut out,
            &[
                m.kind.name(),
                &text[m.range.clone()],
                canonical,
                &cp.of(m.range.start).to_string(),
                &cp.of(m.range.end).to_string(),
                &value_text(m.norm.as_ref()),
                &sentence.map_or(String::new(), |s| (s + 1).to_string()),
                sentence.map_or("", |s| &text[an.sentences[s].clone()]),
                p.decided_by.name(),
                p.note.as_deref().unwrap_or(""),
            ],
        );
    }
    out.into_bytes()
}

/// The timeline: dated events in date order, then the undated ones.
/// Columns: placed (yes/no), date (TIMEX), date_text (in Arabic words),
/// hijri, start, end, sentence, sentence_text, actors, places, numbers
/// (canonical names, separated by « | »).
pub fn timeline(a: &Article) -> Vec<u8> {
    let text = a.text();
    let an = a.analysis;
    let cp = CodePoints::new(text);
    let mut out = String::new();
    row(
        &mut out,
        &[
            "placed",
            "date",
            "date_text",
            "hijri",
            "start",
            "end",
            "sentence",
            "sentence_text",
            "actors",
            "places",
            "numbers",
        ],
    );
    let names = |e: &Event, kinds: &[MentionType]| {
        let mut seen: Vec<&str> = Vec::new();
        for &m in &e.mentions {
            if !kinds.contains(&an.mentions[m].kind) {
                continue;
            }
            let name = match an.entity_of.get(m).copied().flatten() {
                Some(id) => an.entities[id].canonical.as_str(),
                None => &text[an.mentions[m].range.clone()],
            };
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
        seen.join(" | ")
    };
    let events = an
        .timeline
        .dated
        .iter()
        .map(|e| (true, e))
        .chain(an.timeline.undated.iter().map(|e| (false, e)));
    for (placed, e) in events {
        let sentence = an.sentence_at(e.range.start);
        row(
            &mut out,
            &[
                if placed { "yes" } else { "no" },
                &value_text(Some(&Norm::Date(e.date.clone()))),
                &describe::timex(&e.date, Lang::Arabic),
                &describe::hijri(&e.date, Lang::Arabic).unwrap_or_default(),
                &cp.of(e.range.start).to_string(),
                &cp.of(e.range.end).to_string(),
                &sentence.map_or(String::new(), |s| (s + 1).to_string()),
                &text[e.range.clone()],
                &names(e, &[MentionType::Person, MentionType::Organization]),
                &names(e, &[MentionType::Place]),
                &names(e, &[MentionType::Number]),
            ],
        );
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_or_line_ends_are_quoted() {
        let mut out = String::new();
        row(
            &mut out,
            &["a", "b,c", "say \"yes\"", "x\ny", "عسكري، مدني"],
        );
        assert_eq!(
            out,
            "a,\"b,c\",\"say \"\"yes\"\"\",\"x\ny\",عسكري، مدني\r\n"
        );
    }

    /// «أكثر من 100» was written `>=100`, as «ما لا يقل عن 100» would be:
    /// more than is `>`, at least `>=`.
    #[test]
    fn a_bound_says_whether_it_holds_itself() {
        use crate::analysis::NumberValue;
        let text = |min, max, inclusive| {
            value_text(Some(&Norm::Number(NumberValue {
                min,
                max,
                inclusive,
                ..Default::default()
            })))
        };
        assert_eq!(text(Some(100.0), None, false), ">100");
        assert_eq!(text(Some(100.0), None, true), ">=100");
        assert_eq!(text(None, Some(50.0), false), "<50");
        assert_eq!(text(None, Some(50.0), true), "<=50");
        assert_eq!(text(Some(20.0), Some(30.0), false), "20..30");
    }
}
