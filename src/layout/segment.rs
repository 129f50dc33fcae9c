//! A paragraph cut into atoms, each measured once.
//!
//! An atom is a maximal run of one bidi level and one kind (white space or
//! not) that a line break cannot fall inside. In a right-to-left run a
//! mirrored character (a bracket) is an atom of its own, so that it can be
//! drawn with its mirror glyph whatever the font does.

use std::ops::Range;

use super::Measure;
use super::bidi::{display_text, mirror, paragraph_levels_with};

/// The smallest unit the engine places.
#[derive(Clone, Debug, PartialEq)]
pub struct Atom {
    /// Byte range into the document text, in 32 bits (a 64 MB article has
    /// some 12 million atoms).
    start: u32,
    end: u32,
    pub level: u8,
    pub space: bool,
    pub width: f32,
    /// A line may end after this atom (UAX #14).
    pub break_after: bool,
}

impl Atom {
    pub fn new(range: Range<usize>, level: u8, space: bool, width: f32, break_after: bool) -> Atom {
        Atom {
            start: range.start as u32,
            end: range.end as u32,
            level,
            space,
            width,
            break_after,
        }
    }

    /// Byte range into the document text.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn rtl(&self) -> bool {
        self.level % 2 == 1
    }
}

/// One paragraph, shaped: its atoms in logical order.
#[derive(Clone, Debug, PartialEq)]
pub struct ShapedParagraph {
    pub range: Range<usize>,
    pub rtl: bool,
    pub atoms: Vec<Atom>,
}

/// White space for placement: never part of an item.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Bidi, break opportunities and widths of the paragraph `range` of `text`.
pub fn shape_paragraph(
    text: &str,
    range: Range<usize>,
    default_rtl: bool,
    m: &mut dyn Measure,
) -> ShapedParagraph {
    shape_paragraph_with(text, range, default_rtl, None, m)
}

/// [`shape_paragraph`] with the paragraph's direction given (`forced`).
pub fn shape_paragraph_with(
    text: &str,
    range: Range<usize>,
    default_rtl: bool,
    forced: Option<bool>,
    m: &mut dyn Measure,
) -> ShapedParagraph {
    let para = &text[range.clone()];
    let (levels, rtl) = paragraph_levels_with(para, default_rtl, forced);
    // Break opportunities as positions where a line may start.
    let mut breaks = unicode_linebreak::linebreaks(para)
        .map(|(i, _)| i)
        .peekable();

    let mut atoms = Vec::new();
    let mut start = 0;
    let mut prev: Option<(char, bool)> = None;
    for (i, c) in para.char_indices() {
        let space = is_space(c);
        while breaks.peek().is_some_and(|&b| b < i) {
            breaks.next();
        }
        let at_break = breaks.peek() == Some(&i);
        if let Some((p, pspace)) = prev {
            let odd = levels[i] % 2 == 1;
            let cut = at_break
                || levels[i] != levels[start]
                || space != pspace
                || (odd && !space && (mirror(c).is_some() || mirror(p).is_some()));
            if cut {
                atoms.push(make_atom(
                    para,
                    range.start,
                    start..i,
                    levels[start],
                    pspace,
                    at_break,
                    m,
                ));
                start = i;
            }
        }
        prev = Some((c, space));
    }
    if let Some((_, pspace)) = prev {
        atoms.push(make_atom(
            para,
            range.start,
            start..para.len(),
            levels[start],
            pspace,
            true,
            m,
        ));
    }
    atoms.shrink_to_fit();
    ShapedParagraph { range, rtl, atoms }
}

fn make_atom(
    para: &str,
    offset: usize,
    r: Range<usize>,
    level: u8,
    space: bool,
    break_after: bool,
    m: &mut dyn Measure,
) -> Atom {
    let mut atom = Atom::new(
        r.start + offset..r.end + offset,
        level,
        space,
        0.0,
        break_after,
    );
    let s = &para[r];
    atom.width = if space {
        m.space_width(s)
    } else {
        m.item_width(&display_text(s, atom.rtl()), atom.rtl())
    };
    atom
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::testing::Fixed;

    fn atoms(text: &str) -> Vec<(&str, u8, bool)> {
        let p = shape_paragraph(text, 0..text.len(), true, &mut Fixed);
        p.atoms
            .iter()
            .map(|a| (&text[a.range()], a.level, a.break_after))
            .collect()
    }

    #[test]
    fn words_spaces_and_levels() {
        assert_eq!(
            atoms("قال Washington Post"),
            [
                ("قال", 1, false),
                (" ", 1, true),
                ("Washington", 2, false),
                (" ", 2, true),
                ("Post", 2, true)
            ]
        );
    }

    #[test]
    fn brackets_are_their_own_atoms_in_rtl() {
        let got: Vec<&str> = atoms("(البنتاغون)").iter().map(|a| a.0).collect();
        assert_eq!(got, ["(", "البنتاغون", ")"]);
    }

    #[test]
    fn numbers_stay_whole() {
        // In Arabic context digits are AN (W2), so a following % is a
        // separate right-to-left piece, as FriBidi also sets it.
        for n in ["1,250,000", "42.5", "٣٨٫٢", "7/10/2023"] {
            let text = format!("بلغ {n} أمس");
            let got: Vec<&str> = atoms(&text).iter().map(|a| a.0).collect();
            assert!(got.contains(&n), "{n} split: {got:?}");
        }
    }
}
