//! No string and no bytes make Marsad panic; every character is placed once.

use std::path::Path;

use marsad::layout;
use proptest::prelude::*;

mod invariants;

/// Strings rich in what breaks text engines: Arabic with marks and tatweel,
/// Latin, digits of three systems, brackets, bidi controls, joiners, spaces
/// of all kinds, line and paragraph separators, and any other character.
fn tricky() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("واشنطن".to_owned()),
        Just("بِسْمِ".to_owned()),
        Just("ـــ".to_owned()),
        Just("Washington".to_owned()),
        Just("2500".to_owned()),
        Just("٣٨٫٢٪".to_owned()),
        Just("۱۴۰۲".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[«".to_owned()),
        Just("\u{200f}\u{202b}\u{2067}\u{202c}\u{2069}\u{200e}\u{061c}".to_owned()),
        Just("\u{200d}\u{200c}".to_owned()),
        Just(" \t\u{a0}\u{2009}".to_owned()),
        Just("\n\r\u{2028}\u{2029}\u{85}\u{1c}".to_owned()),
        Just("שלום".to_owned()),
        Just("👩‍👩‍👧".to_owned()),
        Just(" 7 أكتوبر 2023 ".to_owned()),
        Just(" مطلع الشهر الجاري ".to_owned()),
        Just(" نحو ".to_owned()),
        Just(" ألفين وثلاثة وعشرين ".to_owned()),
        Just(" 15 رمضان 1445 هـ ".to_owned()),
        Just("/".to_owned()),
        Just(" قبل يومين ".to_owned()),
        Just(" 31/02/2023 ".to_owned()),
        Just(" 99999999999999999999999 ".to_owned()),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(""))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn layout_places_every_character_once(text in tricky(), width in 1.0f32..800.0) {
        invariants::check_layout(&text, width, true);
    }

    #[test]
    fn highlights_cut_anywhere(text in tricky(), cuts in prop::collection::vec(0usize..200, 0..5), rtl: bool) {
        let pieces = layout::highlight_pieces(&text, rtl, &cuts);
        let total: usize = pieces.iter().map(|(r, _)| r.len()).sum();
        prop_assert_eq!(total, text.len());
    }

    #[test]
    fn any_bytes_load_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..2000), html: bool) {
        let name = if html { "x.html" } else { "x.txt" };
        if let Ok(doc) = marsad::document::load_bytes(&bytes, Path::new(name)) {
            for r in &doc.paragraphs {
                prop_assert!(doc.text.get(r.clone()).is_some());
            }
        }
    }

    #[test]
    fn analysis_spans_are_sorted_whole_and_apart(text in tricky(), date in prop::option::of((1900i32..2100, 1u32..=12, 1u32..=28))) {
        let doc_date = date.map(|(y, m, d)| marsad::analysis::DocDate { year: y, month: m, day: Some(d) });
        let mentions = marsad::analysis::analyze(&text, doc_date);
        let mut prev_end = 0;
        for m in &mentions {
            prop_assert!(text.is_char_boundary(m.range.start) && text.is_char_boundary(m.range.end));
            prop_assert!(m.range.start < m.range.end);
            prop_assert!(m.range.start >= prev_end, "sorted and never overlapping");
            prev_end = m.range.end;
        }
    }
}

/// Ten megabytes work, and each copy of an article is read alike.
#[test]
fn ten_megabytes_of_articles() {
    let sample = marsad::document::SAMPLE_TEXT;
    let date = marsad::analysis::DocDate::parse("2024-01");
    let once = marsad::analysis::analyze(sample, date).len();
    let copies = 10_000_000 / sample.len() + 1;
    let big = format!("{sample}\n").repeat(copies);
    assert!(big.len() > 10_000_000);
    let all = marsad::analysis::analyze(&big, date);
    assert_eq!(all.len(), once * copies);
}
