//! Rule L2: the atoms of one line put in visual order and given their x.

use std::ops::Range;

use super::{Item, Line, ShapedParagraph};

/// Visual order of runs with the given levels: from the highest level down to
/// the lowest odd level, reverse every maximal sequence at that level or
/// higher. Returns indices into `levels`, left to right.
pub fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let Some(&max) = levels.iter().max() else {
        return order;
    };
    let Some(min_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return order;
    };
    let mut level = max;
    while level >= min_odd && level > 0 {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] >= level {
                let mut j = i;
                while j < order.len() && levels[order[j]] >= level {
                    j += 1;
                }
                order[i..j].reverse();
                i = j;
            } else {
                i += 1;
            }
        }
        level -= 1;
    }
    order
}

/// Places the atoms `atoms` of paragraph `p` as one line at height `y` in a
/// column `width` wide: right-aligned for a right-to-left paragraph.
pub fn place_line(
    p: &ShapedParagraph,
    paragraph: usize,
    atoms: Range<usize>,
    y: f32,
    width: f32,
) -> Line {
    let atoms_held = atoms.clone();
    let mut slice = &p.atoms[atoms];
    while let Some((last, rest)) = slice.split_last() {
        if last.space {
            slice = rest; // trailing white space is not placed (L1)
        } else {
            break;
        }
    }
    while let Some((first, rest)) = slice.split_first() {
        if first.space {
            slice = rest;
        } else {
            break;
        }
    }
    let range = match (slice.first(), slice.last()) {
        (Some(a), Some(b)) => a.range().start..b.range().end,
        _ => p.range.start..p.range.start,
    };
    let levels: Vec<u8> = slice.iter().map(|a| a.level).collect();
    let order = visual_order(&levels);
    let total: f32 = slice.iter().map(|a| a.width).sum();
    let mut x = if p.rtl { (width - total).max(0.0) } else { 0.0 };
    let spaces = slice.iter().filter(|a| a.space).count();
    let mut items = Vec::with_capacity(slice.len() - spaces);
    let mut gaps = Vec::with_capacity(spaces);
    for i in order {
        let a = &slice[i];
        let placed = Item::new(a.range(), x, a.width, a.rtl());
        if a.space {
            gaps.push(placed);
        } else {
            items.push(placed);
        }
        x += a.width;
    }
    Line {
        paragraph,
        range,
        y,
        items,
        gaps,
        rtl_paragraph: p.rtl,
        atoms: atoms_held.start as u32..atoms_held.end as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::segment::shape_paragraph;
    use crate::layout::testing::Fixed;

    /// The pieces of a one-line paragraph, left to right.
    fn visual(text: &str) -> Vec<&str> {
        let p = shape_paragraph(text, 0..text.len(), true, &mut Fixed);
        let line = place_line(&p, 0, 0..p.atoms.len(), 0.0, 2000.0);
        line.items.iter().map(|i| &text[i.range()]).collect()
    }

    #[test]
    fn arabic_words_run_right_to_left() {
        assert_eq!(visual("واشنطن تنفي علاقة"), ["علاقة", "تنفي", "واشنطن"]);
    }

    #[test]
    fn washington_post_stays_left_to_right_inside_arabic() {
        assert_eq!(
            visual("نقلت صحيفة Washington Post عن"),
            ["عن", "Washington", "Post", "صحيفة", "نقلت"]
        );
    }

    #[test]
    fn number_before_counted_noun() {
        assert_eq!(visual("تنشر 2500 عسكري"), ["عسكري", "2500", "تنشر"]);
    }

    #[test]
    fn brackets_around_arabic_are_mirrored_pieces() {
        let text = "الدفاع (البنتاغون) سابرينا";
        let p = shape_paragraph(text, 0..text.len(), true, &mut Fixed);
        let line = place_line(&p, 0, 0..p.atoms.len(), 0.0, 2000.0);
        let shown: Vec<String> = line
            .items
            .iter()
            .map(|i| crate::layout::display_text(&text[i.range()], i.rtl).into_owned())
            .collect();
        // Left to right: the word after, then "(" drawn as the closing
        // glyph of the pair, the word, ")" drawn as the opening one.
        assert_eq!(shown, ["سابرينا", "(", "البنتاغون", ")", "الدفاع"]);
    }

    #[test]
    fn comma_after_a_year_goes_to_its_left() {
        assert_eq!(visual("في 2014، قبل"), ["قبل", "،", "2014", "في"]);
    }

    #[test]
    fn english_paragraph_with_arabic_words() {
        assert_eq!(
            visual("The talks in بغداد الجديدة ended"),
            ["The", "talks", "in", "الجديدة", "بغداد", "ended"]
        );
    }

    #[test]
    fn arabic_indic_percent_reads_in_order() {
        assert_eq!(visual("بلغ ٣٨٫٢٪ أمس"), ["أمس", "٪", "٣٨٫٢", "بلغ"]);
    }

    #[test]
    fn rtl_lines_are_right_aligned() {
        let text = "نعم";
        let p = shape_paragraph(text, 0..text.len(), true, &mut Fixed);
        let line = place_line(&p, 0, 0..p.atoms.len(), 0.0, 100.0);
        assert_eq!(line.items[0].x, 70.0);
    }
}
