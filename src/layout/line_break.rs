//! Greedy line breaking at UAX #14 opportunities.

use std::ops::Range;

use super::ShapedParagraph;

/// Splits the atoms of `p` into lines no wider than `width` (trailing spaces
/// do not count). Returns, per line, the range of atom indices. A line breaks
/// only after an atom with `break_after`; where a line has no opportunity
/// before it overflows, it is cut between atoms, and an atom wider than the
/// whole column gets a line of its own.
pub fn break_lines(p: &ShapedParagraph, width: f32) -> Vec<Range<usize>> {
    let atoms = &p.atoms;
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0.0f32; // width of the line up to its last non-space atom
    let mut pending = 0.0f32; // spaces after it
    let mut last_break: Option<usize> = None; // end (exclusive) of the line if broken at the last opportunity
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        if a.space {
            pending += a.width;
        } else {
            let needed = used + pending + a.width;
            let has_content = used > 0.0 || i > start && atoms[start..i].iter().any(|x| !x.space);
            if needed > width && has_content {
                let end = match last_break {
                    Some(b) if b > start => b,
                    _ => i, // no opportunity: cut between atoms
                };
                lines.push(start..end);
                start = end;
                used = 0.0;
                pending = 0.0;
                last_break = None;
                // Re-measure the atoms carried over to the new line.
                i = start;
                while i < atoms.len() && atoms[i].space {
                    i += 1;
                    start = i; // spaces at a line start are dropped
                }
                continue;
            }
            used = needed;
            pending = 0.0;
        }
        if a.break_after {
            last_break = Some(i + 1);
        }
        i += 1;
    }
    if start < atoms.len() || lines.is_empty() {
        lines.push(start..atoms.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::segment::shape_paragraph;
    use crate::layout::testing::Fixed;

    fn lines(text: &str, width: f32) -> Vec<String> {
        let p = shape_paragraph(text, 0..text.len(), true, &mut Fixed);
        break_lines(&p, width)
            .into_iter()
            .map(|r| {
                let a = &p.atoms[r];
                if a.is_empty() {
                    return String::new();
                }
                text[a[0].range().start..a[a.len() - 1].range().end]
                    .trim()
                    .to_owned()
            })
            .collect()
    }

    #[test]
    fn first_logical_words_on_the_first_line() {
        // Each Arabic word is 4 letters: 40 px, a space 5 px.
        let got = lines("كتب محمد رسالة طويلة جدًا لأمه", 100.0);
        assert_eq!(got[0], "كتب محمد");
        assert_eq!(got.join(" "), "كتب محمد رسالة طويلة جدًا لأمه");
        assert!(got.len() >= 3);
    }

    #[test]
    fn an_overlong_word_gets_its_own_line() {
        let got = lines("قال https://example.com/a/very/long/path ثم", 60.0);
        assert_eq!(got.first().map(String::as_str), Some("قال"));
        assert_eq!(got.last().map(String::as_str), Some("ثم"));
    }

    #[test]
    fn everything_fits_on_one_line() {
        assert_eq!(lines("واشنطن تنفي", 1000.0), ["واشنطن تنفي"]);
    }
}
