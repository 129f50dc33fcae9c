//! The `marsad` command line: `marsad layout` and its errors.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn marsad(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn layout_prints_lines_and_items_in_code_points() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/iraq-us-talks.ar.txt");
    let out = marsad(&["layout", sample.to_str().unwrap(), "--width", "600"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["font"], "Amiri");
    assert_eq!(json["width"], 600.0);
    let text: Vec<char> = std::fs::read_to_string(&sample).unwrap().chars().collect();
    let lines = json["lines"].as_array().unwrap();
    assert!(lines.len() > 30);
    // The title is the first line; its first word is the rightmost item.
    let first = &lines[0];
    assert_eq!(first["start"], 0);
    let items = first["items"].as_array().unwrap();
    let rightmost = items
        .iter()
        .max_by(|a, b| a["x"].as_f64().partial_cmp(&b["x"].as_f64()).unwrap())
        .unwrap();
    let word = |i: &Value| -> String {
        text[i["start"].as_u64().unwrap() as usize..i["end"].as_u64().unwrap() as usize]
            .iter()
            .collect()
    };
    assert_eq!(word(rightmost), "واشنطن");
    let mut prev_y = -1.0;
    for line in lines {
        let y = line["y"].as_f64().unwrap();
        assert!(y > prev_y, "lines go down the page");
        prev_y = y;
        let mut prev_right = 0.0;
        for item in line["items"].as_array().unwrap() {
            let w = word(item);
            assert!(
                !w.is_empty() && !w.contains(char::is_whitespace),
                "item {w:?}"
            );
            let x = item["x"].as_f64().unwrap();
            assert!(x + 0.01 >= prev_right, "items do not overlap");
            prev_right = x + item["width"].as_f64().unwrap();
            assert!(prev_right <= 600.5, "items stay in the column");
        }
    }
    // "2500" is a left-to-right item.
    let n = lines
        .iter()
        .flat_map(|l| l["items"].as_array().unwrap())
        .find(|i| word(i) == "2500")
        .unwrap();
    assert_eq!(n["rtl"], false);
}

#[test]
fn layout_of_bad_input_fails_with_a_message() {
    for (name, words) in [
        ("binary.png", "not a text file"),
        ("empty.txt", "is empty"),
        ("missing.txt", "no such file"),
        ("", "is a folder"),
    ] {
        let path = fixture(name);
        let out = marsad(&["layout", path.to_str().unwrap(), "--width", "500"]);
        assert!(!out.status.success(), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let out = marsad(&[
        "layout",
        fixture("mixed-script.txt").to_str().unwrap(),
        "--width",
        "-3",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--width"));
}

#[test]
fn annotate_prints_numbers_and_dates_with_both_offsets() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/iraq-us-talks.ar.txt");
    let out = marsad(&["annotate", sample.to_str().unwrap(), "--date", "2024-01"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["document_date"]["value"], "2024-01");
    assert_eq!(json["document_date"]["source"], "command line");
    let text = std::fs::read_to_string(&sample).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let mentions = json["mentions"].as_array().unwrap();
    let m = mentions
        .iter()
        .find(|m| m["text"] == "7 أكتوبر 2023")
        .unwrap();
    let (s, e) = (
        m["start"].as_u64().unwrap() as usize,
        m["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), "7 أكتوبر 2023");
    let (bs, be) = (
        m["byte_start"].as_u64().unwrap() as usize,
        m["byte_end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[bs..be], "7 أكتوبر 2023");
    assert_eq!(m["norm"]["timex"], "2023-10-07");
    let n = mentions.iter().find(|m| m["text"] == "2500").unwrap();
    assert_eq!(n["norm"]["value"], 2500);
    assert_eq!(n["norm"]["unit"], "عسكري");
    // Events are in date order, each pointing at its mentions.
    let timeline = json["timeline"].as_array().unwrap();
    let dates: Vec<&str> = timeline
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.first(), Some(&"2014"));
    assert!(
        dates.windows(2).all(|w| w[0][..4] <= w[1][..4]),
        "{dates:?}"
    );
    let first = &timeline[0]["mentions"].as_array().unwrap();
    assert!(
        first
            .iter()
            .any(|i| mentions[i.as_u64().unwrap() as usize]["text"] == "2500")
    );
}

#[test]
fn annotate_infers_the_date_and_takes_several_files() {
    let page = fixture("news-page.html");
    let mixed = fixture("mixed-script.txt");
    let out = marsad(&["annotate", page.to_str().unwrap(), mixed.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = json.as_array().expect("several files give an array");
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["document_date"]["value"], "2024-01-26");
    assert_eq!(files[0]["document_date"]["source"], "html metadata");
    assert_eq!(
        files[1]["document_date"]["source"],
        "latest date in the text"
    );
    assert_eq!(files[1]["document_date"]["value"], "2024-01-27");
    let out = marsad(&["annotate", page.to_str().unwrap(), "--date", "yesterday"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--date"));
}

#[test]
fn eval_scores_a_gold_file_per_type() {
    let file = fixture("anercorp-heldout-sample.txt");
    let out = marsad(&["eval", file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    for kind in ["PERSON", "ORGANIZATION", "PLACE", "micro"] {
        assert!(report.contains(kind), "{report}");
    }
    let micro = report
        .lines()
        .find(|l| l.trim_start().starts_with("micro"))
        .unwrap();
    let f1: f64 = micro.split("F1").nth(1).unwrap().trim().parse().unwrap();
    assert!(
        f1 > 40.0,
        "the shipped model recognises held-out news: {report}"
    );
    let out = marsad(&["eval", fixture("binary.png").to_str().unwrap()]);
    assert!(!out.status.success());
}

/// The recogniser reads a gold file as one document by default (a name
/// tagged in one sentence is found again in the others), and `--sentences`
/// gives it one sentence at a time. Either way its spans land on the right
/// gold tokens: a wrong mapping from the document back to its sentences
/// would sink the score.
#[test]
fn eval_reads_the_file_as_a_document_unless_told_sentences() {
    let path = fixture("anercorp-heldout-sample.txt");
    let micro_f1 = |args: &[&str]| -> f64 {
        let out = marsad(args);
        assert!(out.status.success());
        let report = String::from_utf8_lossy(&out.stdout).into_owned();
        let micro = report
            .lines()
            .find(|l| l.trim_start().starts_with("micro"))
            .unwrap_or_else(|| panic!("{report}"))
            .to_owned();
        micro.split("F1").nth(1).unwrap().trim().parse().unwrap()
    };
    let path = path.to_str().unwrap();
    let document = micro_f1(&["eval", path]);
    let sentences = micro_f1(&["eval", path, "--sentences"]);
    assert!(document > 60.0, "as a document: {document}");
    assert!(sentences > 60.0, "a sentence at a time: {sentences}");
}

/// `--errors` lists each gold entity missed and each one found wrongly,
/// with its type and words, as many as the scores count.
#[test]
fn eval_errors_lists_misses_as_the_scores_count_them() {
    let path = fixture("anercorp-heldout-sample.txt");
    let out = marsad(&["eval", path.to_str().unwrap(), "--errors"]);
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    let count = |what: &str| report.lines().filter(|l| l.starts_with(what)).count();
    // The micro line: "(N found, M gold)" per type; recall and precision
    // below 100 mean there are misses and wrong finds to list.
    let micro = report
        .lines()
        .find(|l| l.trim_start().starts_with("micro"))
        .unwrap();
    let value = |name: &str| -> f64 {
        let rest = micro.split(name).nth(1).unwrap().trim_start();
        rest.split_whitespace().next().unwrap().parse().unwrap()
    };
    assert_eq!(count("missed\t") > 0, value("recall") < 100.0, "{report}");
    assert_eq!(count("wrong\t") > 0, value("precision") < 100.0, "{report}");
    for line in report.lines().filter(|l| l.starts_with("missed\t")) {
        let kind = line.split('\t').nth(1).unwrap();
        assert!(
            ["PERSON", "ORGANIZATION", "PLACE"].contains(&kind),
            "{line}"
        );
    }
}

/// Cross-validation trains on five sixths of ANERcorp and scores the sixth,
/// six times, and prints the mean.
#[test]
fn train_cross_validates_over_six_sixths() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/ner");
    let out = marsad(&[
        "train",
        "--data",
        data.to_str().unwrap(),
        "--cross-validate",
        "--epochs",
        "3",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        report.lines().filter(|l| l.starts_with("sixth ")).count(),
        6
    );
    let mean: f64 = report
        .lines()
        .find_map(|l| l.strip_prefix("mean micro F1 "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(mean > 50.0, "{report}");
}
