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

/// Token runs decoded as one sequence: cut at sentence-final punctuation and
/// line ends.
pub(super) fn segments(t: &Text) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..t.tokens.len() {
        let line_end = i + 1 < t.tokens.len() && {
            let a = t.norm.original(t.tokens[i].norm.end);
            let b = t.norm.original(t.tokens[i + 1].norm.start);
            t.original[a..b].contains('\n')
        };
        let stop =
            t.tokens[i].kind == TokenKind::Punct && matches!(t.key(i), "." | "!" | "?" | "؟");
        if stop || line_end || i + 1 == t.tokens.len() {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// The entities the tags of segment `seg` mark, as (first token, last
/// token, type), pushed to `spans`; an entity over a token already `taken`
/// is left out.
pub(super) fn spans_of_tags(
    tags: &[usize],
    seg: &Range<usize>,
    taken: &[bool],
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
        let (first, last) = (seg.start + i, seg.start + j - 1);
        if !(first..=last).any(|k| taken[k]) {
            spans.push((first, last, kind));
        }
        i = j;
    }
}
