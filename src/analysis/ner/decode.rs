//! From tags to spans: the token runs decoded as one sequence, the BIO tag
//! numbers of each type, and the entities a run of tags marks.

use std::ops::Range;

use crate::analysis::tokenize::TokenKind;
use crate::analysis::{MentionType, Text};

pub(super) fn tag_type(tag: usize) -> Option<MentionType> {
    match tag {
        1 | 2 => Some(MentionType::Person),
        3 | 4 => Some(MentionType::Organization),
        5 | 6 => Some(MentionType::Place),
        _ => None,
    }
}

pub(super) fn type_tag(kind: MentionType, begin: bool) -> usize {
    let base = match kind {
        MentionType::Person => 1,
        MentionType::Organization => 3,
        MentionType::Place => 5,
        _ => return 0,
    };
    if begin { base } else { base + 1 }
}

/// The longest run decoded as one sequence, in tokens. Text with no
/// sentence end (a page flattened to one line) is cut into runs of at most
/// this many, at a comma where one falls in the run's second half: the
/// decoder's memory and the features of a run stay bounded, whatever the
/// text.
pub(super) const MAX_RUN: usize = 300;

/// Token runs decoded as one sequence: cut at sentence-final punctuation,
/// line ends, and within [`MAX_RUN`] tokens.
pub(super) fn segments(t: &Text) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut comma = None;
    let n = t.tokens.len();
    for i in 0..n {
        // Normalising keeps every line feed and makes none, so the gap
        // between two tokens holds one in the normalised text when it does
        // in the original.
        let line_end = i + 1 < n
            && t.norm.text.as_bytes()[t.tokens[i].norm().end..t.tokens[i + 1].norm().start]
                .contains(&b'\n');
        let punct = t.tokens[i].kind == TokenKind::Punct;
        let stop = punct && matches!(t.key(i), "." | "!" | "?" | "؟");
        if punct && matches!(t.key(i), "،" | "," | "؛" | ";" | ":") {
            comma = Some(i);
        }
        if stop || line_end || i + 1 == n {
            out.push(start..i + 1);
            start = i + 1;
            comma = None;
        } else if i + 1 - start >= MAX_RUN {
            let cut = match comma {
                Some(c) if c >= start + MAX_RUN / 2 => c,
                _ => i,
            };
            out.push(start..cut + 1);
            start = cut + 1;
            comma = None;
        }
    }
    out
}

/// The entities the tags of segment `seg` mark, as (first token, last
/// token, type), pushed to `spans`.
pub(super) fn spans_of_tags(
    tags: &[usize],
    seg: &Range<usize>,
    spans: &mut Vec<(usize, usize, MentionType)>,
) {
    let mut i = 0;
    while i < tags.len() {
        let Some(kind) = tag_type(tags[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        while j < tags.len() && tags[j] == type_tag(kind, false) {
            j += 1;
        }
        spans.push((seg.start + i, seg.start + j - 1, kind));
        i = j;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 3.8 MB article with no sentence end made one run of the whole
    /// text: 1.65 GB of memory for its features and lattice.
    #[test]
    fn a_text_without_sentence_ends_is_cut_into_bounded_runs() {
        let text = "قال الوزير إن الوفد وصل، ثم غادر بغداد ".repeat(400);
        let t = Text::new(&text);
        let runs = segments(&t);
        assert!(runs.len() > 1);
        assert!(runs.iter().all(|r| r.len() <= MAX_RUN), "{runs:?}");
        // The runs cover every token once, in order.
        assert_eq!(runs.first().unwrap().start, 0);
        assert_eq!(runs.last().unwrap().end, t.tokens.len());
        assert!(runs.windows(2).all(|w| w[0].end == w[1].start));
        // Cut after a comma, where there is one.
        assert!(
            runs[..runs.len() - 1]
                .iter()
                .all(|r| t.key(r.end - 1) == "،")
        );
        // Sentences still end runs.
        let t = Text::new("وصل الوفد. غادر الوفد.");
        assert_eq!(segments(&t).len(), 2);
    }

    /// A line ends a run, whatever stands around the line feed: marks that
    /// normalising drops, a carriage return, a tatweel.
    #[test]
    fn a_line_ends_a_run_among_dropped_characters() {
        for text in [
            "وصل الوفد\nغادر الوفد",
            "وصل الوفد\r\nغادر الوفد",
            "وصل الوفدـ\u{200f}\n\u{200f}غادر الوفد",
            "وصل الوفد \u{2066}\n\u{2069} غادر الوفد",
        ] {
            let t = Text::new(text);
            assert_eq!(segments(&t), [0..2, 2..4], "{text:?}");
        }
        let t = Text::new("وصل الوفد \u{200f} غادر الوفد");
        assert_eq!(segments(&t), vec![0..4], "no line, one run");
    }
}
