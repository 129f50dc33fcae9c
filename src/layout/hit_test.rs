//! Hit-testing: a point to a character offset, a character range to the
//! rectangles it covers (for selection and highlights).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::bidi::ZWJ;
use super::{Item, Layout, Line, Measure, display_text};

/// An axis-aligned rectangle in column coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

/// The x of the caret before byte `offset` inside `item` (which must contain
/// it or end at it). Prefix widths are measured joined (with a trailing ZWJ)
/// so a right-to-left prefix has the width it has inside the word.
pub fn caret_x(text: &str, item: &Item, offset: usize, m: &mut dyn Measure) -> f32 {
    let offset = offset.clamp(item.range().start, item.range().end);
    let w = if offset == item.range().start {
        0.0
    } else if offset == item.range().end {
        item.width
    } else {
        let mut prefix = display_text(&text[item.range().start..offset], item.rtl).into_owned();
        if item.rtl {
            prefix.push(ZWJ);
        }
        m.item_width(&prefix, item.rtl).min(item.width)
    };
    if item.rtl {
        item.x + item.width - w
    } else {
        item.x + w
    }
}

impl Layout {
    /// The line under `y`, or the nearest one.
    pub fn line_at(&self, y: f32) -> Option<usize> {
        if self.lines.is_empty() {
            return None;
        }
        let i = self.lines.partition_point(|l| l.y <= y);
        Some(i.saturating_sub(1))
    }

    /// The byte offset nearest to the point (`x`, `y`), on a grapheme boundary.
    pub fn offset_at(&self, text: &str, x: f32, y: f32, m: &mut dyn Measure) -> Option<usize> {
        let line = &self.lines[self.line_at(y)?];
        Some(offset_in_line(line, text, x, m))
    }

    /// The rectangles covering the byte range `range`, line by line, including
    /// the spaces inside it. A range in mixed-direction text may cover several
    /// separate rectangles on one line.
    pub fn range_rects(&self, text: &str, range: Range<usize>, m: &mut dyn Measure) -> Vec<Rect> {
        let h = self.params.map_or(0.0, |p| p.line_height);
        let first = self.lines.partition_point(|l| l.range.end <= range.start);
        let last = self.lines.partition_point(|l| l.range.start < range.end);
        rects_in_lines(&self.lines[first..last.max(first)], h, text, range, m)
    }
}

/// The rectangles covering `range` within `lines` (see [`Layout::range_rects`]).
pub fn rects_in_lines(
    lines: &[Line],
    line_height: f32,
    text: &str,
    range: Range<usize>,
    m: &mut dyn Measure,
) -> Vec<Rect> {
    let mut out = Vec::new();
    if range.is_empty() {
        return out;
    }
    for line in lines {
        for item in line.items.iter().chain(&line.gaps) {
            let a = item.range().start.max(range.start);
            let b = item.range().end.min(range.end);
            if a >= b {
                continue;
            }
            let xa = caret_x(text, item, a, m);
            let xb = caret_x(text, item, b, m);
            out.push(Rect {
                x0: xa.min(xb),
                y0: line.y,
                x1: xa.max(xb),
                y1: line.y + line_height,
            });
        }
    }
    out
}

fn offset_in_line(line: &Line, text: &str, x: f32, m: &mut dyn Measure) -> usize {
    // The piece under x, or the nearest piece.
    let pieces = line.items.iter().chain(&line.gaps);
    let Some(item) = pieces.min_by(|a, b| distance(a, x).total_cmp(&distance(b, x))) else {
        return line.range.start;
    };
    // The grapheme boundary inside it whose caret is nearest.
    let s = &text[item.range()];
    let mut best = (f32::INFINITY, item.range().start);
    let mut bounds: Vec<usize> = s
        .grapheme_indices(true)
        .map(|(i, _)| item.range().start + i)
        .collect();
    bounds.push(item.range().end);
    for b in bounds {
        let d = (caret_x(text, item, b, m) - x).abs();
        if d < best.0 {
            best = (d, b);
        }
    }
    best.1
}

fn distance(item: &Item, x: f32) -> f32 {
    if x < item.x {
        item.x - x
    } else if x > item.x + item.width {
        x - item.x - item.width
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use crate::layout::testing::Fixed;
    use crate::layout::{LineParams, layout_text};

    const PARAMS: LineParams = LineParams {
        width: 300.0,
        line_height: 20.0,
        paragraph_gap: 0.0,
    };

    #[test]
    fn clicking_the_right_edge_of_an_rtl_line_gives_its_start() {
        let text = "واشنطن تنفي";
        let (_, layout) = layout_text(
            text,
            std::slice::from_ref(&(0..text.len())),
            true,
            PARAMS,
            &mut Fixed,
        );
        assert_eq!(layout.offset_at(text, 299.0, 5.0, &mut Fixed), Some(0));
        let end = layout
            .offset_at(text, 300.0 - 115.0, 5.0, &mut Fixed)
            .unwrap();
        assert_eq!(end, text.len());
    }

    #[test]
    fn a_word_selected_covers_its_width() {
        let text = "واشنطن تنفي";
        let (_, layout) = layout_text(
            text,
            std::slice::from_ref(&(0..text.len())),
            true,
            PARAMS,
            &mut Fixed,
        );
        let w = "واشنطن".len();
        let rects = layout.range_rects(text, 0..w, &mut Fixed);
        assert_eq!(rects.len(), 1);
        assert_eq!((rects[0].x0, rects[0].x1), (240.0, 300.0));
        // Half a word: the first two letters are on the right.
        let two = "وا".len();
        let r = layout.range_rects(text, 0..two, &mut Fixed);
        assert_eq!((r[0].x0, r[0].x1), (280.0, 300.0));
    }
}
