//! The sample article against its hand-checked annotation: required
//! mentions found with their span, type and value (recall at least 95%),
//! and at most 5% of what is claimed wrong; optional mentions count neither
//! way. Numbers and dates are held to the same bar on their own.

use std::path::Path;

use marsad::analysis::{DocDate, Mention, MentionType, Norm, analyze};
use marsad::document::offsets::CodePoints;
use serde_json::Value;

fn gold() -> Value {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/iraq-us-talks.gold.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

/// Whether a predicted mention equals a gold one: span, type and value.
fn same(m: &Mention, g: &Value, cp: &CodePoints) -> bool {
    let span = (cp.of(m.range.start), cp.of(m.range.end))
        == (
            g["start"].as_u64().unwrap() as usize,
            g["end"].as_u64().unwrap() as usize,
        );
    if !span || m.kind.name() != g["type"] {
        return false;
    }
    let n = &g["norm"];
    match &m.norm {
        Some(Norm::Number(v)) => {
            v.value == n["value"].as_f64()
                && v.min == n["min"].as_f64()
                && v.max == n["max"].as_f64()
                && v.approximate == n["approximate"].as_bool().unwrap_or(false)
        }
        Some(Norm::Date(t)) => {
            t.value == n["timex"].as_str().unwrap_or_default()
                && n["kind"].as_str().is_none_or(|k| k == t.kind.name())
                && n["mod"].as_str() == t.modifier
        }
        // Actors and places carry no value.
        None => n.is_null(),
    }
}

/// Recall of required gold mentions and precision of predictions, over the
/// types `keep` accepts, with what was missed and what was wrong.
fn score(keep: impl Fn(&str) -> bool) -> (f64, f64, Vec<String>, Vec<String>) {
    let gold = gold();
    let text = marsad::document::SAMPLE_TEXT;
    let cp = CodePoints::new(text);
    let date = DocDate::parse(gold["document_date"].as_str().unwrap()).unwrap();
    let predicted: Vec<Mention> = analyze(text, Some(date))
        .into_iter()
        .filter(|m| keep(m.kind.name()))
        .collect();
    let golds: Vec<&Value> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| keep(g["type"].as_str().unwrap()))
        .collect();
    let optional = |g: &Value| g["optional"].as_bool().unwrap_or(false);
    let required: Vec<&&Value> = golds.iter().filter(|g| !optional(g)).collect();
    let missed: Vec<String> = required
        .iter()
        .filter(|g| !predicted.iter().any(|m| same(m, g, &cp)))
        .map(|g| g["text"].as_str().unwrap().to_owned())
        .collect();
    let wrong: Vec<String> = predicted
        .iter()
        .filter(|m| !golds.iter().any(|g| same(m, g, &cp)))
        .map(|m| text[m.range.clone()].to_owned())
        .collect();
    let counted = predicted
        .iter()
        .filter(|m| !golds.iter().any(|g| optional(g) && same(m, g, &cp)))
        .count();
    let recall = 1.0 - missed.len() as f64 / required.len() as f64;
    let precision = 1.0 - wrong.len() as f64 / counted.max(1) as f64;
    (recall, precision, missed, wrong)
}

#[test]
fn sample_numbers_and_dates_match_the_gold() {
    let (recall, precision, missed, wrong) = score(|t| matches!(t, "NUMBER" | "DATE"));
    assert!(recall >= 0.95, "recall {recall}: missed {missed:?}");
    assert!(precision >= 0.95, "precision {precision}: wrong {wrong:?}");
}

#[test]
fn sample_all_mentions_reach_the_targets() {
    let (recall, precision, missed, wrong) = score(|_| true);
    eprintln!(
        "sample: recall {:.1}% (missed {missed:?}), precision {:.1}% (wrong {wrong:?})",
        100.0 * recall,
        100.0 * precision
    );
    assert!(recall >= 0.95, "recall {recall}: missed {missed:?}");
    assert!(precision >= 0.95, "precision {precision}: wrong {wrong:?}");
}

#[test]
fn sample_has_every_kind_of_mention() {
    // Every kind of mention the gold has is produced.
    let text = marsad::document::SAMPLE_TEXT;
    let kinds: Vec<MentionType> = analyze(text, DocDate::parse("2024-01"))
        .iter()
        .map(|m| m.kind)
        .collect();
    for k in [
        MentionType::Person,
        MentionType::Organization,
        MentionType::Place,
        MentionType::Number,
        MentionType::Date,
    ] {
        assert!(kinds.contains(&k), "{k:?}");
    }
}
