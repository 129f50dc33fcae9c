//! Exports of the sample and of the mixed-script fixture, checked against
//! the article text: every offset, quote and token must be the text's own.

use std::path::Path;

use marsad::analysis::article::{Analysis, Progress, analyze_document};
use marsad::document::{self, Document};
use marsad::export::{Article, Format, brat, code_point_slice, render};
use serde_json::Value;

mod invariants;
use invariants::kept;

fn load(name: &str) -> (Document, Analysis) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let doc = document::load_path(&path).unwrap();
    let a = analyze_document(&doc, None, &Progress::default()).unwrap();
    (doc, a)
}

const ARTICLES: [&str; 3] = [
    "assets/iraq-us-talks.ar.txt",
    "tests/fixtures/mixed-script.txt",
    // Bounds that hold themselves («على الأقل») and those that do not.
    "tests/fixtures/bounds.txt",
];

fn files(format: Format, doc: &Document, a: &Analysis) -> Vec<(String, Vec<u8>)> {
    let art = Article {
        id: "dir/article.txt",
        doc,
        analysis: a,
    };
    render(format, &art)
        .into_iter()
        .map(|f| (f.name, f.bytes))
        .collect()
}

#[test]
fn brat_txt_is_the_text_and_every_t_line_quotes_it_at_its_offsets() {
    for name in ARTICLES {
        let (doc, a) = load(name);
        let out = files(Format::Brat, &doc, &a);
        assert_eq!(out[0].0, "article.txt");
        assert_eq!(out[0].1, doc.text.as_bytes(), "{name}: the text exactly");
        assert_eq!(out[1].0, "article.ann");
        let ann = String::from_utf8(out[1].1.clone()).unwrap();
        let bounds = brat::parse_ann(&ann).unwrap();
        assert_eq!(bounds.len(), a.mentions.len(), "{name}");
        for (t, m) in bounds.iter().zip(&a.mentions) {
            assert_eq!(t.kind, m.kind);
            let [(s, e)] = t.fragments[..] else {
                panic!("{name}: a mention across lines: {t:?}")
            };
            assert_eq!(code_point_slice(&doc.text, s, e), Some(t.text.as_str()));
            assert_eq!(t.text, &doc.text[m.range.clone()]);
        }
    }
    let conf = marsad::export::folder_files(Format::Brat);
    let annotation = String::from_utf8(conf[0].bytes.clone()).unwrap();
    assert!(annotation.starts_with("[entities]\nPERSON\nORGANIZATION\nPLACE\nNUMBER\nDATE\n"));
}

#[test]
fn w3c_quotes_equal_the_text_at_their_positions() {
    for name in ARTICLES {
        let (doc, a) = load(name);
        let out = files(Format::W3c, &doc, &a);
        assert_eq!(out[0].0, "article.jsonld");
        let v: Value = serde_json::from_slice(&out[0].1).unwrap();
        assert_eq!(v["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(v["type"], "AnnotationCollection");
        let items = v["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), a.mentions.len());
        assert_eq!(v["total"], a.mentions.len());
        for (item, m) in items.iter().zip(&a.mentions) {
            assert_eq!(item["type"], "Annotation");
            let sel = item["target"]["selector"].as_array().unwrap();
            let (pos, quote) = (&sel[0], &sel[1]);
            assert_eq!(pos["type"], "TextPositionSelector");
            assert_eq!(quote["type"], "TextQuoteSelector");
            let s = pos["start"].as_u64().unwrap() as usize;
            let e = pos["end"].as_u64().unwrap() as usize;
            let exact = quote["exact"].as_str().unwrap();
            assert_eq!(code_point_slice(&doc.text, s, e), Some(exact), "{name}");
            let prefix = quote["prefix"].as_str().unwrap();
            let suffix = quote["suffix"].as_str().unwrap();
            assert!(doc.text[..m.range.start].ends_with(prefix));
            assert!(doc.text[m.range.end..].starts_with(suffix));
            assert_eq!(item["body"][0]["value"], m.kind.name());
        }
    }
}

#[test]
fn conll_tokens_are_the_texts_words_in_order_tagged_iob2() {
    for name in ARTICLES {
        let (doc, a) = load(name);
        let out = files(Format::Conll, &doc, &a);
        let conll = String::from_utf8(out[0].1.clone()).unwrap();
        let mut lines = conll.lines();
        assert_eq!(lines.next(), Some("-DOCSTART-\tO"));
        let mut at = 0;
        let mut begins = 0;
        let mut previous = "O".to_owned();
        let mut sentences = 0;
        for line in lines {
            if line.is_empty() {
                sentences += 1;
                previous = "O".into();
                continue;
            }
            let (token, tag) = line.split_once('\t').unwrap();
            // Each token is the text's next piece: only white space between.
            let found = doc.text[at..].find(token).unwrap();
            assert!(
                doc.text[at..at + found].trim().is_empty(),
                "{name}: {token:?} after {:?}",
                &doc.text[at..at + found]
            );
            at += found + token.len();
            if let Some(kind) = tag.strip_prefix("I-") {
                assert!(
                    previous.ends_with(kind),
                    "{name}: {token} {tag} after {previous}"
                );
            } else if tag.starts_with("B-") {
                begins += 1;
            } else {
                assert_eq!(tag, "O");
            }
            previous = tag.to_owned();
        }
        assert!(doc.text[at..].trim().is_empty(), "{name}: every word");
        assert_eq!(begins, a.mentions.len(), "{name}: one B- per mention");
        assert!(sentences >= a.sentences.len(), "{name}");
    }
}

#[test]
fn csv_rows_quote_the_text_at_their_offsets_and_the_timeline_has_its_events() {
    let (doc, a) = load(ARTICLES[0]);
    let out = files(Format::Csv, &doc, &a);
    assert_eq!(out[0].0, "article.csv");
    assert_eq!(out[1].0, "article.timeline.csv");
    let csv = String::from_utf8(out[0].1.clone()).unwrap();
    let rows: Vec<&str> = csv.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert!(rows[0].starts_with("type,text,canonical,start,end,value,sentence"));
    assert_eq!(rows.len(), a.mentions.len() + 1);
    // No field of the sample needs quoting but the sentence text: the first
    // five columns split on commas.
    for (row, m) in rows[1..].iter().zip(&a.mentions) {
        let cols: Vec<&str> = row.splitn(6, ',').collect();
        assert_eq!(cols[0], m.kind.name());
        let (s, e) = (cols[3].parse().unwrap(), cols[4].parse().unwrap());
        assert_eq!(code_point_slice(&doc.text, s, e), Some(cols[1]));
    }
    assert!(csv.contains("NUMBER,2500,2500,"), "2500 with its value");
    let timeline = String::from_utf8(out[1].1.clone()).unwrap();
    let events = timeline.split("\r\n").filter(|r| !r.is_empty()).count() - 1;
    assert_eq!(events, a.timeline.dated.len() + a.timeline.undated.len());
    assert!(timeline.contains("yes,2023-10-07,٧ أكتوبر ٢٠٢٣,"));
}

#[test]
fn timelinejs_events_have_dates_and_intervals_an_end() {
    let (doc, a) = load(ARTICLES[0]);
    let out = files(Format::Timeline, &doc, &a);
    assert_eq!(out[0].0, "article.timeline.json");
    let v: Value = serde_json::from_slice(&out[0].1).unwrap();
    assert_eq!(v["title"]["text"]["headline"], doc.title.as_str());
    let events = v["events"].as_array().unwrap();
    assert_eq!(events.len(), a.timeline.dated.len());
    let day = events
        .iter()
        .find(|e| e["start_date"] == serde_json::json!({"year": 2023, "month": 10, "day": 7}))
        .expect("7 October 2023");
    assert!(day.get("end_date").is_none(), "a day is a point");
    assert!(day["text"]["headline"].as_str().unwrap().contains("أكتوبر"));
    let year = events
        .iter()
        .find(|e| e["start_date"] == serde_json::json!({"year": 2014, "month": 1, "day": 1}))
        .expect("2014");
    assert_eq!(
        year["end_date"],
        serde_json::json!({"year": 2014, "month": 12, "day": 31})
    );
    for e in events {
        assert!(e["text"]["text"].as_str().unwrap().len() > 10);
    }
}

#[test]
fn json_says_who_decided_each_mention() {
    let (doc, mut a) = load(ARTICLES[0]);
    a.provenance[2].decided_by = marsad::analysis::article::Decider::Person;
    a.provenance[2].note = Some("تحقق من المصدر".into());
    for format in [Format::Json, Format::Jsonl] {
        let out = files(format, &doc, &a);
        let v: Value = serde_json::from_slice(&out[0].1).unwrap();
        let ms = v["mentions"].as_array().unwrap();
        assert_eq!(ms[0]["decided_by"], "machine");
        assert!(ms[0].get("note").is_none());
        assert_eq!(ms[2]["decided_by"], "person");
        assert_eq!(ms[2]["note"], "تحقق من المصدر");
    }
    let line = &files(Format::Jsonl, &doc, &a)[0].1;
    assert_eq!(line.iter().filter(|&&b| b == b'\n').count(), 1, "one line");
    // The note reaches brat and the W3C model too.
    let ann = String::from_utf8(files(Format::Brat, &doc, &a)[1].1.clone()).unwrap();
    assert!(ann.contains("#1\tAnnotatorNotes T3\tتحقق من المصدر\n"));
    let w3c: Value = serde_json::from_slice(&files(Format::W3c, &doc, &a)[0].1).unwrap();
    let item = &w3c["first"]["items"][2];
    assert_eq!(item["creator"]["type"], "Person");
    assert!(
        item["body"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["purpose"] == "commenting" && b["value"] == "تحقق من المصدر")
    );
}

/// The sample and the fixture with a person's work on them: a note, a
/// mention the person added, one renamed entity.
fn edited(name: &str) -> (Document, Analysis) {
    use marsad::analysis::article::{Decider, Provenance};
    let (doc, a) = load(name);
    let mut mentions = a.mentions.clone();
    let mut provenance = a.provenance.clone();
    provenance[1].note = Some("راجع المصدر، ثم \"قارن\"".into());
    // The person marks a word the machine left: the first free word of
    // three letters or more after the first mention.
    let from = mentions[0].range.end;
    let (start, word) = doc.text[from..]
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - doc.text.as_ptr() as usize, w))
        .find(|(s, w)| {
            w.chars().count() >= 3
                && w.chars().all(char::is_alphabetic)
                && !mentions.iter().any(|m| m.range.contains(s))
        })
        .unwrap();
    let added = marsad::analysis::Mention {
        range: start..start + word.len(),
        kind: marsad::analysis::MentionType::Organization,
        norm: None,
    };
    let at = mentions.partition_point(|m| m.range.start < start);
    mentions.insert(at, added);
    provenance.insert(
        at,
        Provenance {
            decided_by: Decider::Person,
            note: None,
        },
    );
    let b = Analysis::assemble(
        &doc,
        mentions,
        provenance,
        None,
        (a.doc_date, a.date_source),
    );
    (doc, b)
}

#[test]
fn json_export_then_import_gives_the_same_annotations() {
    for name in ARTICLES {
        let (doc, mut a) = edited(name);
        a.entities[0].canonical = "اسم اختاره القارئ".into();
        let out = files(Format::Json, &doc, &a);
        let back =
            marsad::export::json::import(&doc, std::str::from_utf8(&out[0].1).unwrap()).unwrap();
        assert_eq!(kept(&back), kept(&a), "{name}");
        assert_eq!(back.entities, a.entities, "{name}: grouping and names");
        assert_eq!(back.entity_of, a.entity_of);
        assert_eq!(back.doc_date, a.doc_date);
        assert_eq!(back.date_source, a.date_source);
        assert_eq!(back.timeline, a.timeline);
        // And the jsonl line.
        let line = files(Format::Jsonl, &doc, &a);
        let back =
            marsad::export::json::import(&doc, std::str::from_utf8(&line[0].1).unwrap()).unwrap();
        assert_eq!(kept(&back), kept(&a));
    }
}

#[test]
fn brat_export_then_import_gives_the_same_annotations() {
    for name in ARTICLES {
        let (doc, a) = edited(name);
        let out = files(Format::Brat, &doc, &a);
        let txt = std::str::from_utf8(&out[0].1).unwrap();
        let ann = std::str::from_utf8(&out[1].1).unwrap();
        // The .txt read back as an article, the .ann over it.
        let doc2 = Document::from_text(txt.to_owned(), marsad::document::Format::Text);
        let back = brat::import(&doc2, ann).unwrap();
        assert_eq!(doc2.text, doc.text);
        assert_eq!(kept(&back), kept(&a), "{name}");
        assert!(
            back.provenance
                .iter()
                .any(|p| p.decided_by == marsad::analysis::article::Decider::Person),
            "the person's mention is the person's"
        );
    }
}

#[test]
fn an_import_that_does_not_fit_the_text_is_refused_with_a_reason() {
    let (doc, a) = load(ARTICLES[0]);
    let json = String::from_utf8(files(Format::Json, &doc, &a)[0].1.clone()).unwrap();
    let other = Document::from_text(
        "نص آخر تماما لا علاقة له بالمقال.".into(),
        marsad::document::Format::Text,
    );
    let err = marsad::export::json::import(&other, &json).unwrap_err();
    assert!(
        err.to_string().contains("outside the text") || err.to_string().contains("text at"),
        "{err}"
    );
    let err = brat::import(&doc, "T1\tPLACE 0 6\tبغداد\n").unwrap_err();
    assert!(err.to_string().contains("بغداد"), "{err}");
    let err = brat::import(&doc, "T1\tPLACE 0 6\tواشنطن\nT2\tPLACE 2 4\tشن\n").unwrap_err();
    assert!(err.to_string().contains("overlap"), "{err}");
    // Found by the import_json fuzzer: entities that share a mention, or
    // hold a mention of another type, were taken as they were.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    let first = v["entities"][0]["mentions"][0].clone();
    v["entities"][1]["mentions"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
    assert!(err.to_string().contains("is also in entity 1"), "{err}");
    let mut v: Value = serde_json::from_str(&json).unwrap();
    let other = a
        .entities
        .iter()
        .position(|e| e.kind != a.entities[0].kind)
        .unwrap();
    v["entities"][other]["mentions"] = v["entities"][0]["mentions"].clone();
    v["entities"][0]["mentions"] = serde_json::json!([]);
    let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
    assert!(err.to_string().contains("entity 1: no mentions"), "{err}");
    v["entities"][0]["mentions"] = serde_json::json!([a.entities[other].mentions[0]]);
    let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
    assert!(err.to_string().contains(", not a "), "{err}");
    // Found by the import_json fuzzer: a date value that is no date
    // (a stray character, a thirteenth month, 31 February) was taken.
    let date = a
        .mentions
        .iter()
        .position(
            |m| matches!(&m.norm, Some(marsad::analysis::Norm::Date(t)) if t.value.len() == 10),
        )
        .unwrap();
    for bad in ["2\u{fffd}014", "2023-13", "2023-02-31"] {
        let mut v: Value = serde_json::from_str(&json).unwrap();
        v["mentions"][date]["norm"]["timex"] = Value::from(bad);
        let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
        assert!(
            err.to_string().contains("is not a DATE value"),
            "{bad}: {err}"
        );
    }
    // Found by the import_json fuzzer: a number range that runs backwards.
    let number = a
        .mentions
        .iter()
        .position(|m| matches!(&m.norm, Some(marsad::analysis::Norm::Number(_))))
        .unwrap();
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["mentions"][number]["norm"] = serde_json::json!({"min": 200, "max": 134});
    let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
    assert!(err.to_string().contains("runs backwards"), "{err}");
    // Found by the import_json fuzzer: a number with a date's value.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    v["mentions"][number]["norm"] = serde_json::json!({"timex": "2023-10"});
    let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
    assert!(
        err.to_string().contains("a NUMBER cannot have this value"),
        "{err}"
    );
    // Found by the import_json fuzzer: a mention that covers no text.
    let mut v: Value = serde_json::from_str(&json).unwrap();
    let start = v["mentions"][0]["start"].clone();
    v["mentions"][0]["end"] = start;
    v["mentions"][0]["text"] = Value::from("");
    let err = marsad::export::json::import(&doc, &v.to_string()).unwrap_err();
    assert!(err.to_string().contains("covers no text"), "{err}");
    let err = brat::import(&doc, "T1\tPLACE 3 3\t\n").unwrap_err();
    assert!(err.to_string().contains("T1 covers no text"), "{err}");
    assert!(marsad::export::json::import(&doc, "{\"mentions\": 3}").is_err());
    assert!(marsad::export::json::import(&doc, "not json").is_err());
}

#[test]
fn a_session_saved_then_loaded_gives_the_same_annotations() {
    use marsad::analysis::edits::{self, Edit, Edits, Span};
    use marsad::export::session::{self, Session, path_for, save};
    let dir = std::env::temp_dir().join(format!("marsad-session-rt-{}", std::process::id()));
    for name in ARTICLES {
        let (doc, machine) = load(name);
        // A person's work: a word marked, the first mention deleted, a note.
        let first = machine.mentions[0].range.clone();
        let second = machine.mentions[1].range.clone();
        let word = doc.text[second.end..]
            .split_whitespace()
            .find(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphabetic))
            .unwrap();
        let at = second.end + doc.text[second.end..].find(word).unwrap();
        let mut e = Edits::default();
        e.push(vec![Edit::Mark {
            span: Span::of(&doc.text, at..at + word.len()),
            kind: marsad::analysis::MentionType::Organization,
        }]);
        e.push(vec![Edit::Unmark {
            span: Span::of(&doc.text, first),
        }]);
        e.push(vec![Edit::Note {
            span: Span::of(&doc.text, second),
            note: Some("«ملاحظة» with Latin".into()),
        }]);
        e.undo();
        e.redo();
        let path = path_for(&dir, doc.path.as_deref(), &doc.text);
        save(
            &path,
            &Session::new(&doc.text, doc.path.as_deref(), e.clone()),
        )
        .unwrap();
        let back = session::load(&path, &doc.text).unwrap().expect("a session");
        assert_eq!(back.edits, e, "{name}");
        let before = edits::apply(&doc, &machine, &e).analysis;
        let after = edits::apply(&doc, &machine, &back.edits).analysis;
        assert_eq!(kept(&after), kept(&before), "{name}");
        assert_eq!(after.entities, before.entities);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
