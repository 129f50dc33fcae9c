//! One line of text in visual order, unmeasured: interface labels, list
//! rows and chips, which are never wrapped. The same stages as a paragraph
//! (bidi levels, atoms, rule L2) without widths: a caller that draws the
//! pieces one after another, left to right, draws the line as the reader
//! would.

use std::ops::Range;

use super::Measure;
use super::reorder::visual_order;
use super::segment::shape_paragraph_with;

/// A piece of the line: a byte range of the text, its direction, and
/// whether it is white space.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    pub rtl: bool,
    pub space: bool,
}

struct Unmeasured;

impl Measure for Unmeasured {
    fn item_width(&mut self, _: &str, _: bool) -> f32 {
        0.0
    }
    fn space_width(&mut self, _: &str) -> f32 {
        0.0
    }
}

/// The pieces of `text` (one line: line breaks count as spaces) left to
/// right, and whether the line reads right to left. Leading and trailing
/// white space is dropped. Lines with no strong letter take `default_rtl`.
pub fn visual_pieces(text: &str, default_rtl: bool) -> (bool, Vec<Piece>) {
    visual_pieces_with(text, default_rtl, None)
}

/// [`visual_pieces`] with the line's direction given (`forced`): an
/// interface label in Arabic reads right to left even when it starts with
/// a file name.
pub fn visual_pieces_with(
    text: &str,
    default_rtl: bool,
    forced: Option<bool>,
) -> (bool, Vec<Piece>) {
    let p = shape_paragraph_with(text, 0..text.len(), default_rtl, forced, &mut Unmeasured);
    let mut atoms = &p.atoms[..];
    while let Some((last, rest)) = atoms.split_last()
        && last.space
    {
        atoms = rest;
    }
    while let Some((first, rest)) = atoms.split_first()
        && first.space
    {
        atoms = rest;
    }
    let levels: Vec<u8> = atoms.iter().map(|a| a.level).collect();
    let pieces = visual_order(&levels)
        .into_iter()
        .map(|i| Piece {
            range: atoms[i].range(),
            rtl: atoms[i].rtl(),
            space: atoms[i].space,
        })
        .collect();
    (p.rtl, pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> Vec<&str> {
        visual_pieces(text, true)
            .1
            .iter()
            .map(|p| &text[p.range.clone()])
            .collect()
    }

    #[test]
    fn arabic_label_with_a_latin_name_and_a_number() {
        assert_eq!(
            shown("فتح iraq-us-talks.txt · ٣ إشارات").concat(),
            "إشارات ٣ · iraq-us-talks.txt فتح"
        );
        let (rtl, _) = visual_pieces("Open a file", true);
        assert!(!rtl);
        assert_eq!(shown("  بغداد  "), ["بغداد"], "outer spaces dropped");
        assert!(shown("").is_empty());
    }

    #[test]
    fn a_forced_direction_orders_a_line_that_starts_with_latin() {
        let text = "report.txt · ٣ فقرات";
        let auto: Vec<&str> = visual_pieces(text, true)
            .1
            .iter()
            .map(|p| &text[p.range.clone()])
            .collect();
        assert_eq!(
            auto[0], "report.txt",
            "it reads left to right by its first letter"
        );
        let (rtl, forced) = visual_pieces_with(text, true, Some(true));
        assert!(rtl);
        let last = forced.last().unwrap();
        assert_eq!(
            &text[last.range.clone()],
            "report.txt",
            "read right to left, it starts on the right"
        );
    }

    #[test]
    fn a_line_break_is_a_space() {
        assert_eq!(shown("واشنطن\nبغداد"), ["بغداد", "\n", "واشنطن"]);
    }
}
