//! Right-to-left paragraph layout, with no UI types.
//!
//! egui shapes a run of Arabic correctly (letters join, ligatures form) but has
//! no bidi step and wraps paragraphs left-to-right. This module does what a
//! browser's text engine does before painting, one stage per file:
//!
//! 1. [`bidi`]: UAX #9 embedding levels per paragraph, base direction from the
//!    first strong character.
//! 2. [`segment`]: the paragraph cut into *atoms*: maximal runs of one level and
//!    one kind (space or not) between UAX #14 break opportunities, each measured
//!    once through the [`Measure`] trait (the UI implements it with egui's fonts).
//!    Atoms and their widths do not depend on the column width: this is the
//!    [`Shaped`] text, built once.
//! 3. [`line_break`]: greedy lines to a width, cheap to redo when the width
//!    changes, then [`reorder`]: rule L2 per line, giving *items* placed left
//!    to right with their x.
//! 4. [`hit_test`]: point to offset, offset range to rectangles.
//!
//! All offsets are byte offsets into the document text; [`dump`] converts them
//! to code points for the `marsad layout` JSON.

pub mod bidi;
pub mod dump;
pub mod hit_test;
pub mod line_break;
pub mod reorder;
pub mod segment;
pub mod single_line;

use std::ops::Range;

pub use bidi::{display_text, highlight_pieces, mirror};
pub use hit_test::Rect;
pub use segment::{Atom, ShapedParagraph};

/// Shaped widths, in pixels, for the text the engine places.
pub trait Measure {
    /// The width of `text` shaped as one piece. `rtl` says whether the piece
    /// runs right-to-left; `text` is already in display form ([`display_text`]).
    fn item_width(&mut self, text: &str, rtl: bool) -> f32;
    /// The width of a run of white space.
    fn space_width(&mut self, text: &str) -> f32;
}

/// Widths by character count, as a monospaced font would give them: for
/// tests, benchmarks and fuzzing, where no font is loaded.
#[derive(Clone, Copy, Debug)]
pub struct CharWidths {
    /// The width of each character of a piece.
    pub letter: f32,
    /// The width of each character of white space.
    pub space: f32,
}

impl Measure for CharWidths {
    fn item_width(&mut self, text: &str, _rtl: bool) -> f32 {
        text.chars().count() as f32 * self.letter
    }
    fn space_width(&mut self, text: &str) -> f32 {
        text.chars().count() as f32 * self.space
    }
}

/// One piece of a line, placed: never contains white space.
#[derive(Clone, Debug, PartialEq)]
pub struct Item {
    /// Byte range into the document text, in 32 bits (a 64 MB article has
    /// some 12 million items and gaps).
    start: u32,
    end: u32,
    /// Left edge, from the left edge of the column.
    pub x: f32,
    pub width: f32,
    /// Odd bidi level: the piece runs right to left.
    pub rtl: bool,
}

impl Item {
    pub fn new(range: Range<usize>, x: f32, width: f32, rtl: bool) -> Item {
        Item {
            start: range.start as u32,
            end: range.end as u32,
            x,
            width,
            rtl,
        }
    }

    /// Byte range into the document text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A laid-out line. `items` are in visual order, left to right; `gaps` are the
/// spaces between them (for selection).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub paragraph: usize,
    /// Logical byte range, without trailing white space.
    pub range: Range<usize>,
    /// Top of the line.
    pub y: f32,
    pub items: Vec<Item>,
    pub gaps: Vec<Item>,
    pub rtl_paragraph: bool,
    /// The paragraph's atoms the line holds (for placing it again).
    pub atoms: Range<u32>,
}

/// Metrics for breaking lines.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineParams {
    pub width: f32,
    pub line_height: f32,
    /// Extra space after each paragraph.
    pub paragraph_gap: f32,
}

/// The width-independent part of a layout: bidi levels, atoms and widths.
#[derive(Clone, Debug, Default)]
pub struct Shaped {
    pub paragraphs: Vec<ShapedParagraph>,
}

impl Shaped {
    /// Shapes the paragraphs `ranges` of `text`. Paragraphs without a strong
    /// character take `default_rtl`.
    pub fn new(
        text: &str,
        ranges: &[Range<usize>],
        default_rtl: bool,
        m: &mut dyn Measure,
    ) -> Self {
        Self::new_checked(text, ranges, default_rtl, m, &mut |_| true).expect("never stopped")
    }

    /// [`Shaped::new`] that tells `keep_going` the byte offset reached
    /// after each paragraph, and stops (`None`) when it answers false: a
    /// long article shaped on a thread shows its progress and can be
    /// cancelled.
    pub fn new_checked(
        text: &str,
        ranges: &[Range<usize>],
        default_rtl: bool,
        m: &mut dyn Measure,
        keep_going: &mut dyn FnMut(usize) -> bool,
    ) -> Option<Self> {
        let mut paragraphs = Vec::with_capacity(ranges.len());
        for r in ranges {
            paragraphs.push(segment::shape_paragraph(text, r.clone(), default_rtl, m));
            if !keep_going(r.end) {
                return None;
            }
        }
        Some(Shaped { paragraphs })
    }

    /// Sets the widths of all atoms, paragraph by paragraph in logical
    /// order: the order in which [`Shaped::new`] asked its measurer.
    pub fn set_widths(&mut self, widths: impl IntoIterator<Item = f32>) {
        let atoms = self.paragraphs.iter_mut().flat_map(|p| p.atoms.iter_mut());
        for (atom, w) in atoms.zip(widths) {
            atom.width = w;
        }
    }
}

/// Lines of a whole document at one width.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    pub params: Option<LineParams>,
    pub lines: Vec<Line>,
    pub height: f32,
    /// The lines [`Layout::place`] placed last.
    placed: Option<Range<usize>>,
}

impl Layout {
    /// Breaks every paragraph of `shaped` into lines of `params.width`.
    pub fn new(shaped: &Shaped, params: LineParams) -> Self {
        Self::build(shaped, params, true)
    }

    /// [`Layout::new`] with lines not placed yet: their ranges and heights
    /// are known, their items and gaps empty until [`Layout::place`] is
    /// asked for them. A long article's reader places only the lines on
    /// screen (a 64 MB text has some 12 million items).
    pub fn unplaced(shaped: &Shaped, params: LineParams) -> Self {
        Self::build(shaped, params, false)
    }

    fn build(shaped: &Shaped, params: LineParams, placed: bool) -> Self {
        let mut lines = Vec::new();
        let mut y = 0.0;
        for (i, p) in shaped.paragraphs.iter().enumerate() {
            for range in line_break::break_lines(p, params.width) {
                let line = reorder::place_line(p, i, range, y, params.width);
                lines.push(if placed {
                    line
                } else {
                    Line {
                        items: Vec::new(),
                        gaps: Vec::new(),
                        ..line
                    }
                });
                y += params.line_height;
            }
            y += params.paragraph_gap;
        }
        Layout {
            params: Some(params),
            lines,
            height: y,
            placed: None,
        }
    }

    /// Places the lines `wanted` (items and gaps, as [`Layout::new`] gives
    /// them) and forgets the placement of every other line placed by an
    /// earlier call: only what is on screen is kept.
    pub fn place(&mut self, shaped: &Shaped, wanted: Range<usize>) {
        let Some(params) = self.params else { return };
        let wanted = wanted.start.min(self.lines.len())..wanted.end.min(self.lines.len());
        if let Some(before) = self.placed.clone() {
            for i in before.filter(|i| !wanted.contains(i)) {
                let line = &mut self.lines[i];
                line.items = Vec::new();
                line.gaps = Vec::new();
            }
        }
        for line in &mut self.lines[wanted.clone()] {
            if line.items.is_empty() && line.gaps.is_empty() {
                let Some(p) = shaped.paragraphs.get(line.paragraph) else {
                    continue;
                };
                let atoms = line.atoms.start as usize..line.atoms.end as usize;
                let placed = reorder::place_line(p, line.paragraph, atoms, line.y, params.width);
                line.items = placed.items;
                line.gaps = placed.gaps;
            }
        }
        self.placed = Some(wanted);
    }

    /// Lines that overlap the vertical span `y0..y1`.
    pub fn visible_lines(&self, y0: f32, y1: f32) -> Range<usize> {
        let h = self.params.map_or(0.0, |p| p.line_height);
        let first = self.lines.partition_point(|l| l.y + h <= y0);
        let last = self.lines.partition_point(|l| l.y < y1);
        first..last.max(first)
    }
}

/// Convenience: shape and break in one step.
pub fn layout_text(
    text: &str,
    ranges: &[Range<usize>],
    default_rtl: bool,
    params: LineParams,
    m: &mut dyn Measure,
) -> (Shaped, Layout) {
    let shaped = Shaped::new(text, ranges, default_rtl, m);
    let layout = Layout::new(&shaped, params);
    (shaped, layout)
}

/// Whether the text is mostly right-to-left (decides the direction of
/// paragraphs with no strong character, such as a line of digits).
pub fn mostly_rtl(text: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars().take(100_000) {
        match unicode_bidi::bidi_class(c) {
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => rtl += 1,
            unicode_bidi::BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    rtl >= ltr
}

#[cfg(test)]
pub(crate) mod testing {
    use super::Measure;

    /// A measurer for unit tests: every character is 10 px, a space 5 px.
    pub struct Fixed;

    impl Measure for Fixed {
        fn item_width(&mut self, text: &str, _rtl: bool) -> f32 {
            text.chars().filter(|c| *c != '\u{200d}').count() as f32 * 10.0
        }
        fn space_width(&mut self, text: &str) -> f32 {
            text.chars().count() as f32 * 5.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::testing::Fixed;
    use super::*;

    /// Lines placed on demand are the lines placed at once, and only the
    /// lines asked for last stay placed.
    #[test]
    fn lines_placed_on_demand_are_the_lines_placed_at_once() {
        let text = "قال المتحدث باسم الوزارة إن 2500 عسكري (US Army) ما زالوا هناك.\n".repeat(20);
        let paragraphs = crate::document::split_paragraphs(&text);
        let shaped = Shaped::new(&text, &paragraphs, true, &mut Fixed);
        let params = LineParams {
            width: 180.0,
            line_height: 20.0,
            paragraph_gap: 6.0,
        };
        let eager = Layout::new(&shaped, params);
        let mut lazy = Layout::unplaced(&shaped, params);
        assert!(eager.lines.len() > 40);
        assert_eq!(lazy.lines.len(), eager.lines.len());
        assert!(lazy.lines.iter().all(|l| l.items.is_empty()));
        lazy.place(&shaped, 10..20);
        assert_eq!(lazy.lines[10..20], eager.lines[10..20]);
        lazy.place(&shaped, 30..1000);
        assert!(lazy.lines[10..20].iter().all(|l| l.items.is_empty()));
        assert_eq!(lazy.lines[30..], eager.lines[30..]);
        assert_eq!(lazy.height, eager.height);
    }
}
