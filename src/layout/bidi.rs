//! UAX #9: embedding levels of a paragraph, mirrored glyphs (rule L4), and the
//! text a piece is drawn with.

use std::borrow::Cow;
use std::ops::Range;

use unicode_bidi::{BidiClass, Direction, Level, ParagraphBidiInfo, bidi_class};
use unicode_segmentation::UnicodeSegmentation;

/// Bidi levels of one paragraph (no paragraph separators inside), one per
/// byte, and whether the paragraph runs right to left.
pub fn paragraph_levels(text: &str, default_rtl: bool) -> (Vec<u8>, bool) {
    paragraph_levels_with(text, default_rtl, None)
}

/// [`paragraph_levels`] with the paragraph's direction given (`forced`)
/// rather than found, as an element with `dir="rtl"` in HTML: interface
/// labels read in the interface's direction whatever they start with.
pub fn paragraph_levels_with(
    text: &str,
    default_rtl: bool,
    forced: Option<bool>,
) -> (Vec<u8>, bool) {
    let found = match forced {
        Some(true) => Direction::Rtl,
        Some(false) => Direction::Ltr,
        None => unicode_bidi::get_base_direction(text),
    };
    let base = match found {
        Direction::Rtl => Level::rtl(),
        Direction::Ltr => Level::ltr(),
        Direction::Mixed => {
            if default_rtl {
                Level::rtl()
            } else {
                Level::ltr()
            }
        }
    };
    let info = ParagraphBidiInfo::new(text, Some(base));
    let mut levels: Vec<u8> = info.levels.iter().map(|l| l.number()).collect();
    // Rule L1: segment separators (tabs), and white space before them, take the
    // paragraph level. (Trailing white space is never placed, so the rest of L1
    // has no visible effect.)
    let para = info.paragraph_level.number();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\t' {
            levels[i] = para;
            let mut j = i;
            while j > 0 && matches!(bytes[j - 1], b' ' | b'\t') {
                j -= 1;
                levels[j] = para;
            }
        }
        i += 1;
    }
    (levels, info.paragraph_level.is_rtl())
}

/// Whether `c` is strong right-to-left (Hebrew or Arabic letters).
pub fn is_strong_rtl(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::R | BidiClass::AL)
}

/// Explicit directional formatting characters: they have done their work in
/// the levels and are not drawn.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// The Bidi_Mirroring_Glyph of `c`, for characters drawn right to left (L4).
pub fn mirror(c: char) -> Option<char> {
    const PAIRS: &[(char, char)] = &[
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
        ('₍', '₎'),
        ('≤', '≥'),
        ('⟨', '⟩'),
        ('〈', '〉'),
        ('《', '》'),
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('〔', '〕'),
        ('（', '）'),
        ('［', '］'),
        ('｛', '｝'),
        ('＜', '＞'),
        ('∈', '∋'),
        ('⊂', '⊃'),
        ('⊆', '⊇'),
    ];
    PAIRS.iter().find_map(|&(a, b)| {
        if c == a {
            Some(b)
        } else if c == b {
            Some(a)
        } else {
            None
        }
    })
}

/// The text a piece is drawn with.
///
/// Bidi controls are dropped. A right-to-left piece with no strong
/// right-to-left letter (brackets, punctuation, symbols) is given in visual
/// order with mirrored glyphs: a shaper would treat it as left-to-right. Pieces
/// with Arabic letters are left as they are: the shaper runs them right to
/// left itself.
pub fn display_text(text: &str, rtl: bool) -> Cow<'_, str> {
    let has_control = text.chars().any(is_bidi_control);
    if rtl && !text.chars().any(is_strong_rtl) {
        let mut out = String::with_capacity(text.len());
        for g in text.graphemes(true).rev() {
            for c in g.chars().filter(|c| !is_bidi_control(*c)) {
                out.push(mirror(c).unwrap_or(c));
            }
        }
        return Cow::Owned(out);
    }
    if has_control {
        Cow::Owned(text.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The zero width joiner that keeps letters joined across a cut.
pub const ZWJ: char = '\u{200d}';

/// Cuts a piece at the byte offsets `cuts` (relative to `text`) for drawing in
/// differently coloured parts, and returns the parts **in visual order**, left
/// to right, each with its range in `text` and the string to draw.
///
/// A shaper shapes each part alone, so a right-to-left word cut in two would
/// lose its joining (the ب of بغداد drawn isolated). Each side of a cut gets
/// U+200D ZERO WIDTH JOINER, which makes the letters take their joined forms.
pub fn highlight_pieces(text: &str, rtl: bool, cuts: &[usize]) -> Vec<(Range<usize>, String)> {
    let mut bounds: Vec<usize> = cuts
        .iter()
        .copied()
        .filter(|&c| c > 0 && c < text.len() && text.is_char_boundary(c))
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let mut edges = vec![0];
    edges.extend(bounds);
    edges.push(text.len());
    let mut parts: Vec<(Range<usize>, String)> = edges
        .windows(2)
        .map(|w| {
            let range = w[0]..w[1];
            let body = display_text(&text[range.clone()], rtl);
            let join = rtl && text[range.clone()].chars().any(is_strong_rtl);
            let mut s = String::with_capacity(body.len() + 6);
            if join && range.start > 0 {
                s.push(ZWJ);
            }
            s.push_str(&body);
            if join && range.end < text.len() {
                s.push(ZWJ);
            }
            (range, s)
        })
        .collect();
    if rtl {
        parts.reverse();
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_strong_character_sets_the_direction() {
        assert!(paragraph_levels("واشنطن Washington", false).1);
        assert!(!paragraph_levels("Washington واشنطن", true).1);
        assert!(
            paragraph_levels("2023 - 10", true).1,
            "no strong letter: the default"
        );
    }

    #[test]
    fn digits_in_arabic_are_left_to_right() {
        let text = "نشر 2500 عسكري";
        let (levels, rtl) = paragraph_levels(text, false);
        assert!(rtl);
        let two = text.find('2').unwrap();
        assert_eq!(levels[two], 2);
        assert_eq!(levels[0], 1);
    }

    #[test]
    fn neutral_pieces_are_mirrored_and_reversed() {
        assert_eq!(display_text("(", true), ")");
        assert_eq!(display_text("?!", true), "!?");
        assert_eq!(display_text("(", false), "(");
        assert_eq!(display_text("بغداد\u{200f}", true), "بغداد");
    }

    #[test]
    fn cut_word_keeps_joiners_in_visual_order() {
        let word = "بغداد";
        let pieces = highlight_pieces(word, true, &['ب'.len_utf8()]);
        assert_eq!(pieces.len(), 2);
        // Visual order: the end of the word is on the left.
        assert_eq!(pieces[0].1, "\u{200d}غداد");
        assert_eq!(pieces[1].1, "ب\u{200d}");
        assert_eq!(pieces[1].0, 0..2);
        let latin = highlight_pieces("Post", false, &[1]);
        assert_eq!(latin[0].1, "P");
        assert_eq!(latin[1].1, "ost");
    }
}
