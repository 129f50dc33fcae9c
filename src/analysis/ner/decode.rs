//! From tags to spans: the token runs decoded as one sequence, the BILOU
//! tag numbers of each type, and the entities a run of tags marks.

use std::ops::Range;

use super::perceptron::{B, I, L, U, part};
use crate::analysis::tokenize::TokenKind;
use crate::analysis::{MentionType, Text};

const KINDS: [MentionType; 3] = [
    MentionType::Person,
    MentionType::Organization,
    MentionType::Place,
];

pub(super) fn tag_type(tag: usize) -> Option<MentionType> {
    KINDS.get(tag.checked_sub(1)? / 4).copied()
}

/// The tag of part `part` ([`B`], [`I`], [`L`] or [`U`]) of a name of
/// type `kind`; O for a type the recogniser does not tag.
pub(super) fn type_tag(kind: MentionType, part: usize) -> usize {
    KINDS
        .iter()
        .position(|&k| k == kind)
        .map_or(0, |k| 1 + 4 * k + part)
}

/// Tags that decoding would forbid read as the allowed ones they become:
/// each name tag as its B or I (a B where no name of its type is open),
/// then [`bilou`].
pub(super) fn repair(tags: &mut [usize]) {
    for i in 0..tags.len() {
        let Some(kind) = tag_type(tags[i]) else {
            continue;
        };
        let open =
            i > 0 && tag_type(tags[i - 1]) == Some(kind) && matches!(part(tags[i - 1]), B | I);
        tags[i] = if matches!(part(tags[i]), I | L) && open {
            type_tag(kind, I)
        } else {
            type_tag(kind, B)
        };
    }
    bilou(tags);
}

/// BIO tags (B and I of [`type_tag`], the rest O) made BILOU: a name's
/// last token L, a name of one token U.
pub(super) fn bilou(tags: &mut [usize]) {
    for i in 0..tags.len() {
        let Some(kind) = tag_type(tags[i]) else {
            continue;
        };
        let goes_on = tags.get(i + 1) == Some(&type_tag(kind, I));
        tags[i] = match (part(tags[i]), goes_on) {
            (B, false) => type_tag(kind, U),
            (I, false) => type_tag(kind, L),
            _ => tags[i],
        };
    }
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
        let line_end = t.line_ends_after(i);
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
        // A name ends on its L or U; decoding allows nothing else, and a
        // name cut short ends where its type's I and L do.
        let mut j = i;
        while !matches!(part(tags[j]), L | U)
            && j + 1 < tags.len()
            && tag_type(tags[j + 1]) == Some(kind)
            && matches!(part(tags[j + 1]), I | L)
        {
            j += 1;
        }
        spans.push((seg.start + i, seg.start + j, kind));
        i = j + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::perceptron::{START, TAGS, allowed, allowed_end};

    fn tags(names: &str) -> Vec<usize> {
        names
            .split(' ')
            .map(|n| TAGS.iter().position(|&t| t == n).unwrap())
            .collect()
    }

    fn spans(tags: &[usize]) -> Vec<(usize, usize, MentionType)> {
        let mut out = Vec::new();
        spans_of_tags(tags, &(10..10 + tags.len()), &mut out);
        out
    }

    /// BIO tags made BILOU mark the names they marked: two names of one
    /// type side by side stay two, a one-word name is a unit.
    #[test]
    fn bilou_tags_mark_the_names_bio_tags_did() {
        let mut t = tags("B-PER I-PER B-PER O B-LOC B-ORG I-ORG I-ORG O B-LOC");
        bilou(&mut t);
        assert_eq!(
            t,
            tags("B-PER L-PER U-PER O U-LOC B-ORG I-ORG L-ORG O U-LOC")
        );
        let (per, org, loc) = (
            MentionType::Person,
            MentionType::Organization,
            MentionType::Place,
        );
        assert_eq!(
            spans(&t),
            [
                (10, 11, per),
                (12, 12, per),
                (14, 14, loc),
                (15, 17, org),
                (19, 19, loc)
            ]
        );
        // Every sequence made so is one decoding allows.
        assert!(allowed(START, t[0]) && allowed_end(t[t.len() - 1]));
        assert!(t.windows(2).all(|w| allowed(w[0], w[1])));
    }

    /// Tags decoding forbids (an I after O, a name left open, two types
    /// run together) read as the names they begin.
    #[test]
    fn forbidden_tags_read_as_the_names_they_begin() {
        let mut t = tags("O I-PER L-PER B-ORG I-LOC B-LOC");
        repair(&mut t);
        assert_eq!(t, tags("O B-PER L-PER U-ORG U-LOC U-LOC"));
        assert!(t.windows(2).all(|w| allowed(w[0], w[1])));
        // Spans of forbidden tags stay within them and end at the run's end.
        let t = tags("I-PER B-PER I-ORG B-LOC I-LOC");
        assert_eq!(
            spans(&t),
            [
                (10, 10, MentionType::Person),
                (11, 11, MentionType::Person),
                (12, 12, MentionType::Organization),
                (13, 14, MentionType::Place)
            ]
        );
    }

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
