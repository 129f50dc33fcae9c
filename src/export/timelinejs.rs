//! TimelineJS3 JSON: a title slide (the article's title) and one event per
//! dated timeline event. A day is a `start_date`; a longer span (a month, a
//! season, a year) has an `end_date` too, its last day. `display_date` and
//! the headline give the date as the article's reader says it, in Arabic
//! with its Hijri equivalent; `text.text` is the sentence (HTML-escaped,
//! as TimelineJS reads HTML). Events with no place on the calendar (vague
//! or relative times) are left out: TimelineJS needs a start date.

use serde_json::{Value, json};

use super::Article;
use crate::analysis::calendar::civil_from_days;
use crate::analysis::describe::{self, Lang};
use crate::analysis::timeline::day_span;

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

fn date(day: i64) -> Value {
    let (y, m, d) = civil_from_days(day);
    json!({"year": y, "month": m, "day": d})
}

pub fn to_json(a: &Article) -> Value {
    let text = a.text();
    let an = a.analysis;
    let events: Vec<Value> = an
        .timeline
        .dated
        .iter()
        .filter_map(|e| {
            let span = day_span(&e.date.value, e.date.modifier)?;
            let words = describe::timex(&e.date, Lang::Arabic);
            let display = match describe::hijri(&e.date, Lang::Arabic) {
                Some(h) => format!("{words} ({h})"),
                None => words.clone(),
            };
            let mut event = json!({
                "start_date": date(span.start),
                "display_date": display,
                "text": {
                    "headline": escape_html(&words),
                    "text": format!("<p dir=\"rtl\">{}</p>", escape_html(&text[e.range.clone()])),
                },
                "unique_id": format!("event-{}", e.range.start),
            });
            if span.end - span.start > 1 {
                event["end_date"] = date(span.end - 1);
            }
            Some(event)
        })
        .collect();
    let date_line = match an.doc_date {
        Some(d) => format!(
            "تاريخ الوثيقة: {}",
            describe::timex(
                &crate::analysis::Timex {
                    value: d.to_timex(),
                    kind: crate::analysis::TimexKind::Date,
                    modifier: None,
                },
                Lang::Arabic
            )
        ),
        None => String::new(),
    };
    json!({
        "title": {
            "text": {
                "headline": escape_html(&a.doc.title),
                "text": format!("<p dir=\"rtl\">{}</p>", escape_html(&date_line)),
            },
        },
        "events": events,
    })
}

pub fn render(a: &Article) -> Vec<u8> {
    super::pretty_json(&to_json(a))
}
