//! Finding a person's edits again in an article whose text changed.
//!
//! An edit names its mention by a byte span and the text it covered, with a
//! few characters of context on either side ([`Span`]). When the article
//! changes (a site corrected a typo, added a paragraph), the spans after
//! the change no longer hold their text at their offsets. [`reanchor`]
//! looks for each such span's text near where it should now be, as a W3C
//! TextQuoteSelector is anchored: the spans are taken in text order, each
//! expected where the last one found moved to; of the occurrences of its
//! text in a window around that place, the one whose neighbours agree best
//! with the kept context wins, the nearest among equals. A span whose text
//! is not found, or found only where its context disagrees, is left where
//! it was: [`super::edits::apply`] then lists it as an orphan.
//!
//! Time: each moved span searches windows of at most [`MAX_WINDOW`] bytes,
//! so the whole pass is linear in the number of spans, whatever the text's
//! length.

use std::collections::HashMap;

use super::edits::{Edits, Span};

/// The widest stretch of text (bytes, on each side of the expected place)
/// a moved span is looked for in.
pub const MAX_WINDOW: usize = 64 * 1024;

/// What [`reanchor`] gives: the edits with their spans moved to where their
/// text now is, and how many spans moved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reanchored {
    pub edits: Edits,
    pub moved: usize,
}

/// `edits`, made on an earlier version of the article, with each span whose
/// text is no longer at its place moved to where the text of `text` holds
/// it now, if it can be found with confidence.
pub fn reanchor(text: &str, edits: &Edits) -> Reanchored {
    // Every distinct span, in the order of the old text.
    let mut spans: Vec<&Span> = edits
        .done
        .iter()
        .chain(&edits.undone)
        .flatten()
        .flat_map(|e| e.spans())
        .collect();
    spans.sort_by(|a, b| (a.start, a.end, &a.text).cmp(&(b.start, b.end, &b.text)));
    spans.dedup_by(|a, b| (a.start, a.end, &a.text) == (b.start, b.end, &b.text));

    let mut moves: HashMap<(usize, usize, &str), Span> = HashMap::new();
    let mut delta: i64 = 0;
    for span in spans {
        if span.text.is_empty() {
            continue;
        }
        // In place, its neighbours as they were: nothing moved here.
        if span.holds(text) && context_agreement(text, span, span.start) == context_len(span) {
            delta = 0;
            continue;
        }
        let expected = (span.start as i64 + delta).clamp(0, text.len() as i64) as usize;
        if let Some(at) = find(text, span, expected) {
            delta = at as i64 - span.start as i64;
            moves.insert(
                (span.start, span.end, span.text.as_str()),
                Span::of(text, at..at + span.text.len()),
            );
        }
    }

    let mut out = edits.clone();
    let mut moved = 0;
    for edit in out.done.iter_mut().chain(out.undone.iter_mut()).flatten() {
        for span in edit.spans_mut() {
            if let Some(new) = moves.get(&(span.start, span.end, span.text.as_str())) {
                if new.start != span.start {
                    moved += 1;
                }
                *span = new.clone();
            }
        }
    }
    Reanchored { edits: out, moved }
}

/// Where `span`'s text is in `text`, looked for around `expected` in
/// growing windows.
fn find(text: &str, span: &Span, expected: usize) -> Option<usize> {
    let mut window = 1024;
    loop {
        let lo = floor_boundary(text, expected.saturating_sub(window));
        let hi = ceil_boundary(text, expected.saturating_add(window + span.text.len()));
        let best = text[lo..hi]
            .match_indices(span.text.as_str())
            .map(|(i, _)| lo + i)
            .map(|at| (context_agreement(text, span, at), at))
            .max_by_key(|&(score, at)| (score, std::cmp::Reverse(at.abs_diff(expected))));
        if let Some((score, at)) = best
            && trusted(span, score, text, lo..hi)
        {
            return Some(at);
        }
        if window >= MAX_WINDOW || (lo == 0 && hi == text.len()) {
            return None;
        }
        window *= 8;
    }
}

/// Whether an occurrence whose context agrees on `score` characters is the
/// span's: at least half its kept context agrees. A span kept without
/// context (an older session) is trusted only where its text occurs once.
fn trusted(span: &Span, score: usize, text: &str, window: std::ops::Range<usize>) -> bool {
    let kept = context_len(span);
    if kept == 0 {
        return text[window].matches(span.text.as_str()).nth(1).is_none();
    }
    score * 2 >= kept
}

/// Characters of context kept with `span`.
fn context_len(span: &Span) -> usize {
    span.before.chars().count() + span.after.chars().count()
}

/// How many characters of the kept context agree with the text around an
/// occurrence at `at`: the end of `before`, the start of `after`.
fn context_agreement(text: &str, span: &Span, at: usize) -> usize {
    let before = span
        .before
        .chars()
        .rev()
        .zip(text[..at].chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let after = span
        .after
        .chars()
        .zip(text[at + span.text.len()..].chars())
        .take_while(|(a, b)| a == b)
        .count();
    before + after
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::MentionType;
    use crate::analysis::edits::Edit;

    const OLD: &str =
        "قالت المتحدثة إن الوفد وصل إلى بغداد. ثم نقلت المتحدثة عن الوزير أن الوفد غادر بغداد.";

    fn mark(text: &str, word: &str, nth: usize) -> Edit {
        let s = text.match_indices(word).nth(nth).unwrap().0;
        Edit::Mark {
            span: Span::of(text, s..s + word.len()),
            kind: MentionType::Person,
        }
    }

    fn starts(edits: &Edits) -> Vec<usize> {
        edits
            .done
            .iter()
            .flatten()
            .flat_map(|e| e.spans())
            .map(|s| s.start)
            .collect()
    }

    #[test]
    fn text_added_before_moves_the_edits_after_it() {
        let mut edits = Edits::default();
        edits.push(vec![mark(OLD, "المتحدثة", 0)]);
        edits.push(vec![mark(OLD, "المتحدثة", 1), mark(OLD, "بغداد", 1)]);
        let new = format!("تحديث: {OLD}");
        let r = reanchor(&new, &edits);
        assert_eq!(r.moved, 3);
        let shift = "تحديث: ".len();
        let old_starts = starts(&edits);
        assert_eq!(
            starts(&r.edits),
            old_starts.iter().map(|s| s + shift).collect::<Vec<_>>()
        );
        for e in r.edits.done.iter().flatten() {
            assert!(e.spans().iter().all(|s| s.holds(&new)));
        }
    }

    #[test]
    fn a_word_removed_stays_an_orphan_and_its_twin_is_not_taken() {
        // The first «المتحدثة» becomes «الناطقة»: its edit must not jump to
        // the second «المتحدثة», whose context is another.
        let mut edits = Edits::default();
        edits.push(vec![mark(OLD, "المتحدثة", 0)]);
        let new = OLD.replacen("المتحدثة", "الناطقة", 1);
        let r = reanchor(&new, &edits);
        assert_eq!(r.moved, 0);
        assert_eq!(r.edits, edits);
    }

    #[test]
    fn of_two_occurrences_the_one_whose_neighbours_agree_wins() {
        let mut edits = Edits::default();
        edits.push(vec![mark(OLD, "بغداد", 1)]);
        // A sentence added at the start that also names بغداد, nearer to
        // the old offset than the edited one.
        let new = format!("زار الوزير بغداد أمس. {OLD}");
        let r = reanchor(&new, &edits);
        assert_eq!(r.moved, 1);
        let at = starts(&r.edits)[0];
        assert_eq!(at, new.match_indices("بغداد").nth(2).unwrap().0);
    }

    #[test]
    fn an_edit_from_an_older_session_moves_only_to_a_unique_text() {
        let strip = |e: &Edit| {
            let mut e = e.clone();
            for s in e.spans_mut() {
                s.before.clear();
                s.after.clear();
            }
            e
        };
        let mut edits = Edits::default();
        edits.push(vec![strip(&mark(OLD, "الوزير", 0))]);
        edits.push(vec![strip(&mark(OLD, "بغداد", 0))]);
        let new = format!("عاجل: {OLD}");
        let r = reanchor(&new, &edits);
        assert_eq!(r.moved, 1, "الوزير is once in the text, بغداد twice");
        assert_eq!(starts(&r.edits)[0], new.find("الوزير").unwrap());
        assert_eq!(starts(&r.edits)[1], starts(&edits)[1]);
    }

    /// Seen measuring 10,000 edits: a few spans found their word at their
    /// old offset after the change, another occurrence of it, and stayed.
    #[test]
    fn a_span_whose_word_is_by_chance_at_its_old_place_still_moves() {
        let old = "قال الوزير في بغداد أمس";
        let mut edits = Edits::default();
        edits.push(vec![mark(old, "بغداد", 0)]);
        // Added at the top: the same words, so «بغداد» is again at the
        // old offset, with other words after it.
        let new = format!("قال الوزير في بغداد إن. {old}");
        let at = starts(&edits)[0];
        assert_eq!(&new[at..at + "بغداد".len()], "بغداد");
        let r = reanchor(&new, &edits);
        assert_eq!(r.moved, 1);
        assert_eq!(starts(&r.edits)[0], new.rfind("بغداد").unwrap());
    }

    #[test]
    fn nothing_moves_when_nothing_changed() {
        let mut edits = Edits::default();
        edits.push(vec![mark(OLD, "بغداد", 0)]);
        let r = reanchor(OLD, &edits);
        assert_eq!(r.moved, 0);
        assert_eq!(r.edits, edits);
        // Nor on an empty text, or one cut short before the span.
        assert_eq!(reanchor("", &edits).moved, 0);
        assert_eq!(
            reanchor(&OLD[..OLD.find("الوفد").unwrap()], &edits).moved,
            0
        );
    }
}
