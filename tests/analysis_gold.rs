//! The sample article against its hand-checked annotation: required
//! mentions found with their span, type and value (recall at least 95%),
//! and at most 5% of what is claimed wrong; optional mentions count neither
//! way. Numbers and dates are held to every mention.

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

#[test]
fn sample_numbers_and_dates_match_the_gold() {
    let gold = gold();
    let text = marsad::document::SAMPLE_TEXT;
    let cp = CodePoints::new(text);
    let date = DocDate::parse(gold["document_date"].as_str().unwrap()).unwrap();
    let predicted: Vec<Mention> = analyze(text, Some(date))
        .into_iter()
        .filter(|m| matches!(m.kind, MentionType::Number | MentionType::Date))
        .collect();
    let golds: Vec<&Value> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| matches!(g["type"].as_str(), Some("NUMBER" | "DATE")))
        .collect();
    let required: Vec<&&Value> = golds
        .iter()
        .filter(|g| !g["optional"].as_bool().unwrap_or(false))
        .collect();
    let found = required
        .iter()
        .filter(|g| predicted.iter().any(|m| same(m, g, &cp)))
        .count();
    let missed: Vec<&str> = required
        .iter()
        .filter(|g| !predicted.iter().any(|m| same(m, g, &cp)))
        .map(|g| g["text"].as_str().unwrap())
        .collect();
    assert!(
        found * 100 >= required.len() * 95,
        "recall {found}/{}: missed {missed:?}",
        required.len()
    );
    // Precision: a prediction counts when it equals a gold mention; one that
    // equals an optional gold mention counts neither way.
    let wrong: Vec<&str> = predicted
        .iter()
        .filter(|m| !golds.iter().any(|g| same(m, g, &cp)))
        .map(|m| &text[m.range.clone()])
        .collect();
    let counted = predicted.len()
        - predicted
            .iter()
            .filter(|m| {
                golds
                    .iter()
                    .any(|g| g["optional"].as_bool().unwrap_or(false) && same(m, g, &cp))
            })
            .count();
    assert!(
        wrong.len() * 100 <= counted * 5,
        "precision: wrong {wrong:?} of {counted}"
    );
}

#[test]
fn sample_all_mentions_reach_the_targets() {
    let gold = gold();
    let text = marsad::document::SAMPLE_TEXT;
    let cp = CodePoints::new(text);
    let date = DocDate::parse(gold["document_date"].as_str().unwrap()).unwrap();
    let predicted = analyze(text, Some(date));
    let golds: Vec<&Value> = gold["entities"].as_array().unwrap().iter().collect();
    let optional = |g: &Value| g["optional"].as_bool().unwrap_or(false);
    let required: Vec<&&Value> = golds.iter().filter(|g| !optional(g)).collect();
    let missed: Vec<&str> = required
        .iter()
        .filter(|g| !predicted.iter().any(|m| same(m, g, &cp)))
        .map(|g| g["text"].as_str().unwrap())
        .collect();
    let recall = 1.0 - missed.len() as f64 / required.len() as f64;
    let wrong: Vec<&str> = predicted
        .iter()
        .filter(|m| !golds.iter().any(|g| same(m, g, &cp)))
        .map(|m| &text[m.range.clone()])
        .collect();
    let counted = predicted
        .iter()
        .filter(|m| !golds.iter().any(|g| optional(g) && same(m, g, &cp)))
        .count();
    let precision = 1.0 - wrong.len() as f64 / counted as f64;
    eprintln!(
        "sample: recall {:.1}% (missed {missed:?}), precision {:.1}% (wrong {wrong:?})",
        100.0 * recall,
        100.0 * precision
    );
    assert!(recall >= 0.95, "recall {recall}: missed {missed:?}");
    assert!(precision >= 0.95, "precision {precision}: wrong {wrong:?}");
}
