//! What must hold for any input, checked by the fuzz targets (`fuzz/`) and,
//! over the inputs the fuzzers found, by `tests/fuzz_regressions.rs`.
//!
//! Each check takes the raw bytes a fuzzer made and panics, with a reason,
//! when Marsad does something a reader would notice: a span that cuts a
//! letter or leaves the text, mentions out of order or on top of each
//! other, a character the layout drops or draws twice, an export that does
//! not read back as it went out, a date that is not on the calendar.
#![allow(dead_code)] // each fuzz target uses one check

use std::ops::Range;
use std::path::Path;

use marsad::analysis::article::{Analysis, Progress, analyze_document};
use marsad::analysis::edits::{self, Edit, Edits, Span};
use marsad::analysis::{DocDate, Mention, MentionType, Norm, Text, TimexKind};
use marsad::document::{self, Document, Format};
use marsad::export::{self, Article};
use marsad::layout::{self, CharWidths, LineParams};

/// The checks by name, as the fuzz targets and the regression folders are
/// named.
/// A check over a fuzzer's bytes.
pub type Check = fn(&[u8]);

pub const CHECKS: [(&str, Check); 9] = [
    ("decode", decode),
    ("html", html),
    ("analysis", analysis),
    ("layout", layout),
    ("dates", dates),
    ("import_json", import_json),
    ("import_brat", import_brat),
    ("import_session", import_session),
    ("roundtrip", roundtrip),
];

/// `range` is a non-empty run of whole characters of `text`.
fn whole(text: &str, range: &Range<usize>, what: &str) {
    assert!(
        range.start < range.end && range.end <= text.len(),
        "{what} {range:?} is empty or outside the text ({} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
        "{what} {range:?} cuts a character"
    );
}

/// Ranges each whole, in order, none on top of another.
fn in_order(text: &str, ranges: impl IntoIterator<Item = Range<usize>>, what: &str) {
    let mut end = 0;
    for r in ranges {
        whole(text, &r, what);
        assert!(
            r.start >= end,
            "{what} {r:?} starts before the one before it ends ({end})"
        );
        end = r.end;
    }
}

fn check_document(doc: &Document) {
    in_order(&doc.text, doc.paragraphs.iter().cloned(), "paragraph");
    for r in &doc.paragraphs {
        let p = &doc.text[r.clone()];
        assert!(!p.contains('\n'), "paragraph {r:?} holds a line break");
        assert_eq!(p.trim(), p, "paragraph {r:?} is not trimmed");
    }
}

/// Bytes as a file: the first byte says whether the file is named `.html`.
pub fn decode(data: &[u8]) {
    let Some((&which, bytes)) = data.split_first() else {
        return;
    };
    let name = if which & 1 == 1 {
        "page.html"
    } else {
        "article.txt"
    };
    if let Ok(doc) = document::load_bytes(bytes, Path::new(name)) {
        check_document(&doc);
        assert!(!doc.text.trim().is_empty(), "an empty article was opened");
        // A file with a NUL is binary, whatever its encoding.
        assert!(!doc.text.contains('\0'), "a NUL in the text");
    }
}

/// Any string as a page.
pub fn html(data: &[u8]) {
    let source = String::from_utf8_lossy(data);
    let article = marsad::document::html::extract(&source);
    let limited = marsad::document::nesting::limit_depth(&source);
    // Limiting depth keeps every character of text outside tags.
    let letters = |s: &str| s.chars().filter(|c| c.is_alphabetic()).count();
    assert!(letters(&limited) <= letters(&source));
    let _ = article;
    if let Ok(doc) = document::load_bytes(source.as_bytes(), Path::new("page.html")) {
        check_document(&doc);
    }
}

/// A document date from two bytes, in or out of the common range.
fn doc_date(a: u8, b: u8) -> Option<DocDate> {
    if a == 0 {
        return None;
    }
    let year = 1 + (i32::from(a) * 37 + i32::from(b)) % 9999;
    let month = 1 + u32::from(b) % 12;
    let day = (a & 1 == 1).then(|| 1 + u32::from(a / 2) % 28);
    Some(DocDate { year, month, day })
}

fn check_mentions(text: &str, mentions: &[Mention]) {
    in_order(text, mentions.iter().map(|m| m.range.clone()), "mention");
    for m in mentions {
        match &m.norm {
            Some(Norm::Date(t)) => check_timex(&t.value, t.kind),
            Some(Norm::Number(n)) => {
                for v in [n.value, n.min, n.max].into_iter().flatten() {
                    assert!(v.is_finite(), "number value {v} at {:?}", m.range);
                }
                if let (Some(lo), Some(hi)) = (n.min, n.max) {
                    assert!(lo <= hi, "number range {lo}..{hi} at {:?}", m.range);
                }
            }
            None => {}
        }
        if matches!(m.norm, Some(Norm::Date(_))) {
            assert_eq!(m.kind, MentionType::Date, "a date value on a {:?}", m.kind);
        }
    }
}

/// A TIMEX3 value a calendar can read: a DATE's year, month and day are
/// real (no 31 February), a DURATION starts with P.
fn check_timex(value: &str, kind: TimexKind) {
    assert!(
        !value.is_empty() && value.is_ascii(),
        "TIMEX value {value:?}"
    );
    match kind {
        TimexKind::Duration => assert!(value.starts_with('P'), "duration {value:?}"),
        TimexKind::Date | TimexKind::Time => {
            if let Some((y, m, d)) = marsad::analysis::timeline::calendar_key(value) {
                assert!((1..=12).contains(&m) || m == 0, "month {m} in {value:?}");
                if m > 0 && d > 0 {
                    let days = marsad::analysis::calendar::days_in_month(y, m);
                    assert!(d <= days, "day {d} of a {days}-day month in {value:?}");
                }
            }
        }
        TimexKind::Set => {}
    }
}

fn check_analysis(doc: &Document, a: &Analysis) {
    let text = doc.text.as_str();
    check_mentions(text, &a.mentions);
    in_order(text, a.sentences.iter().cloned(), "sentence");
    assert_eq!(a.entity_of.len(), a.mentions.len());
    assert_eq!(a.provenance.len(), a.mentions.len());
    for (e, entity) in a.entities.iter().enumerate() {
        assert!(!entity.mentions.is_empty(), "entity {e} has no mention");
        for &m in &entity.mentions {
            assert_eq!(
                a.entity_of.get(m),
                Some(&Some(e)),
                "mention {m} and entity {e}"
            );
            assert_eq!(a.mentions[m].kind, entity.kind, "entity {e} mixes types");
        }
    }
    for ev in a.timeline.dated.iter().chain(&a.timeline.undated) {
        whole(text, &ev.range, "event sentence");
        for &m in &ev.mentions {
            let r = &a.mentions.get(m).expect("event mention exists").range;
            assert!(
                ev.range.start <= r.start && r.end <= ev.range.end,
                "event mention {r:?} outside its sentence {:?}",
                ev.range
            );
        }
    }
}

/// Any string as an article; the first two bytes give the document date.
pub fn analysis(data: &[u8]) {
    let (date, rest) = match data {
        [a, b, rest @ ..] => (doc_date(*a, *b), rest),
        _ => (None, data),
    };
    let doc = Document::from_text(String::from_utf8_lossy(rest).into_owned(), Format::Text);
    check_document(&doc);
    let a = analyze_document(&doc, date, &Progress::default()).expect("not cancelled");
    check_analysis(&doc, &a);
}

/// Widths by character count.
const CHARS: CharWidths = CharWidths {
    letter: 7.0,
    space: 3.0,
};

/// Any string laid out; the first byte gives the width and the direction.
pub fn layout(data: &[u8]) {
    let Some((&w, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    check_layout(&text, 1.0 + f32::from(w >> 1) * 4.0, w & 1 == 1);
}

/// `text` laid out at `width`: every character but white space placed
/// once, on a character boundary, pieces apart on their line and free of
/// white space, lines in order, and hit-testing anywhere on a line lands
/// on a character boundary.
pub fn check_layout(text: &str, width: f32, rtl: bool) {
    let paragraphs = document::split_paragraphs(text);
    let params = LineParams {
        width,
        line_height: 20.0,
        paragraph_gap: 4.0,
    };
    let mut m = CHARS;
    let (_, lay) = layout::layout_text(text, &paragraphs, rtl, params, &mut m);
    let mut covered = vec![false; text.len()];
    let mut y = f32::NEG_INFINITY;
    for line in &lay.lines {
        assert!(line.y > y, "lines out of order");
        y = line.y;
        let mut right = f32::NEG_INFINITY;
        for item in &line.items {
            whole(text, &item.range(), "item");
            assert!(
                !text[item.range()].chars().any(char::is_whitespace),
                "white space in a piece"
            );
            assert!(item.x + 0.001 >= right, "items overlap on a line");
            right = item.x + item.width;
            for b in item.range() {
                assert!(!covered[b], "byte {b} placed twice");
                covered[b] = true;
            }
        }
        for x in [-10.0, 0.0, width / 2.0, width + 10.0] {
            let o = lay.offset_at(text, x, line.y + 1.0, &mut m);
            assert!(
                o.is_some_and(|o| text.is_char_boundary(o)),
                "hit test {o:?}"
            );
        }
    }
    for r in &paragraphs {
        for (i, c) in text[r.clone()].char_indices() {
            assert!(
                c.is_whitespace() || covered[r.start + i],
                "{c:?} at {} was not placed",
                r.start + i
            );
        }
    }
    let rects = lay.range_rects(text, 0..text.len(), &mut m);
    assert!(rects.iter().all(|r| r.x0 <= r.x1));
}

/// The date and number finders on their own, and the document-date parser.
pub fn dates(data: &[u8]) {
    let (date, rest) = match data {
        [a, b, rest @ ..] => (doc_date(*a, *b), rest),
        _ => (None, data),
    };
    let s = String::from_utf8_lossy(rest);
    let t = Text::new(&s);
    let mut taken = vec![false; t.tokens.len()];
    let mut found = marsad::analysis::dates::find(&t, date, &mut taken);
    check_mentions(&s, &found);
    found.extend(marsad::analysis::numbers::find(&t, &mut taken));
    found.sort_by_key(|m| m.range.start);
    check_mentions(&s, &found);
    if let Some(d) = DocDate::parse(&s) {
        assert_eq!(DocDate::parse(&d.to_timex()), Some(d), "{s:?}");
    }
    if let Some(v) = marsad::analysis::numbers::parse_digits(&s) {
        assert!(v.is_finite(), "{s:?} read as {v}");
    }
}

/// The article text and the file to import, split at the first NUL.
fn article_and_file(data: &[u8]) -> Option<(Document, String)> {
    let at = data.iter().position(|&b| b == 0)?;
    let text = String::from_utf8_lossy(&data[..at]).into_owned();
    let file = String::from_utf8_lossy(&data[at + 1..]).into_owned();
    Some((Document::from_text(text, Format::Text), file))
}

/// Any JSON over any article: refused with a reason, or read whole.
pub fn import_json(data: &[u8]) {
    let Some((doc, file)) = article_and_file(data) else {
        return;
    };
    if let Ok(a) = export::json::import(&doc, &file) {
        check_analysis(&doc, &a);
    }
}

/// Any `.ann` over any article.
pub fn import_brat(data: &[u8]) {
    let Some((doc, file)) = article_and_file(data) else {
        return;
    };
    if let Ok(a) = export::brat::import(&doc, &file) {
        check_analysis(&doc, &a);
    }
}

/// Any session file over any article: its edits laid over the analysis.
pub fn import_session(data: &[u8]) {
    let Some((doc, file)) = article_and_file(data) else {
        return;
    };
    let session = match export::session::from_ron(&file, Path::new("s.ron"), &doc.text) {
        Ok(s) => s,
        Err(export::session::SessionError::TextChanged { session, .. }) => *session,
        Err(_) => return,
    };
    let machine = analyze_document(&doc, None, &Progress::default()).expect("not cancelled");
    let applied = edits::apply(&doc, &machine, &session.edits);
    check_analysis(&doc, &applied.analysis);
}

/// What a round trip keeps of a mention: its span, type, value, who
/// decided it and its note.
pub type Kept = (
    Range<usize>,
    MentionType,
    String,
    &'static str,
    Option<String>,
);

/// What a round trip keeps of the mentions.
pub fn kept(a: &Analysis) -> Vec<Kept> {
    a.mentions
        .iter()
        .zip(&a.provenance)
        .map(|(m, p)| {
            (
                m.range.clone(),
                m.kind,
                format!("{:?}", m.norm),
                p.decided_by.name(),
                p.note.clone(),
            )
        })
        .collect()
}

/// Any string analysed, with a person's edits, exported to JSON, JSON
/// lines, brat and a session file and read back: the same annotations.
pub fn roundtrip(data: &[u8]) {
    let doc = Document::from_text(String::from_utf8_lossy(data).into_owned(), Format::Text);
    let machine = analyze_document(&doc, None, &Progress::default()).expect("not cancelled");
    // A person's work: every third mention deleted, every third retyped,
    // every third given a note quoting its text.
    let mut e = Edits::default();
    for (i, m) in machine.mentions.iter().enumerate() {
        let span = Span::of(&doc.text, m.range.clone());
        e.push(vec![match i % 3 {
            0 => Edit::Unmark { span },
            1 => Edit::Mark {
                span,
                kind: MentionType::ALL[(i / 3) % MentionType::ALL.len()],
            },
            _ => Edit::Note {
                span,
                note: Some(format!("«{}» \"\\\n", &doc.text[m.range.clone()])),
            },
        }]);
    }
    let a = edits::apply(&doc, &machine, &e).analysis;
    check_analysis(&doc, &a);
    let art = Article {
        id: "dir/article.txt",
        doc: &doc,
        analysis: &a,
    };
    for format in [export::Format::Json, export::Format::Jsonl] {
        let out = export::render(format, &art);
        let json = std::str::from_utf8(&out[0].bytes).expect("UTF-8 JSON");
        let back = export::json::import(&doc, json).expect("own JSON reads back");
        assert_eq!(kept(&back), kept(&a), "{format:?}");
        assert_eq!(back.entities, a.entities, "{format:?} entities");
    }
    let out = export::render(export::Format::Brat, &art);
    let txt = std::str::from_utf8(&out[0].bytes).expect("UTF-8 .txt");
    let ann = std::str::from_utf8(&out[1].bytes).expect("UTF-8 .ann");
    let doc2 = Document::from_text(txt.to_owned(), Format::Text);
    assert_eq!(doc2.text, doc.text, "brat .txt");
    let back = export::brat::import(&doc2, ann).expect("own .ann reads back");
    // brat keeps no values and no provenance, and a note is one line.
    let strip = |k: Vec<Kept>| {
        k.into_iter()
            .map(|(r, t, _, _, n)| (r, t, n.map(|n| n.replace(['\n', '\r', '\t'], " "))))
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(kept(&back)), strip(kept(&a)), "brat");
    let ron = export::session::Session::new(&doc.text, None, e.clone()).to_ron();
    let s = export::session::from_ron(&ron, Path::new("s.ron"), &doc.text)
        .expect("own session reads back");
    assert_eq!(s.edits, e, "session edits");
}
