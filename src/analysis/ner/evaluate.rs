//! Scoring (`marsad eval`): gold sentences are fed as raw text, one a line,
//! and the spans found are mapped back to the gold tokens they touch;
//! entities count as conlleval counts them (exact matches). Also the
//! sequential splits of ANERcorp's train file used for cross-validation.

use std::ops::Range;

use super::Recognizer;
use super::corpus::Sentence;
use super::features::Genre;
use crate::analysis::{MentionType, Text};

/// Per-type counts as conlleval makes them: exact entity matches.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores the recogniser on gold sentences fed as raw text; predicted
/// spans are mapped back to the gold tokens they touch.
pub fn evaluate(rec: &Recognizer, sentences: &[Sentence]) -> Vec<(MentionType, Counts)> {
    evaluate_as(rec, sentences, Context::Document, None, None)
}

/// An entity the recogniser got wrong: a gold one it missed, or one it
/// found that the gold lacks (type, tokens).
#[derive(Clone, Debug, PartialEq)]
pub enum Miss {
    Missed(MentionType, String),
    Spurious(MentionType, String),
}

/// What the recogniser sees at once when scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Context {
    /// The file as one document, a sentence per line, as a reader opens an
    /// article: names found in one sentence are looked for in the others.
    Document,
    /// Each sentence alone.
    Sentence,
}

/// Entity-level scores against gold `sentences`, as conlleval counts them.
/// With `misses`, also lists what was missed and what was found wrongly.
pub fn evaluate_as(
    rec: &Recognizer,
    sentences: &[Sentence],
    context: Context,
    genre: Option<Genre>,
    mut misses: Option<&mut Vec<Miss>>,
) -> Vec<(MentionType, Counts)> {
    let genre = genre.unwrap_or_else(|| genre_of_sentences(rec, sentences));
    let kinds = [
        MentionType::Person,
        MentionType::Organization,
        MentionType::Place,
    ];
    let groups: Vec<&[Sentence]> = match context {
        Context::Document => vec![sentences],
        Context::Sentence => sentences.chunks(1).collect(),
    };
    let mut counts = [Counts::default(); 3];
    for group in groups {
        // The sentences' texts one per line, and where each starts.
        let mut text = String::new();
        let mut starts = Vec::with_capacity(group.len());
        for s in group {
            starts.push(text.len());
            text.push_str(&s.text());
            text.push('\n');
        }
        let t = Text::new(&text);
        let taken = vec![false; t.tokens.len()];
        let mut predicted: Vec<Vec<(Range<usize>, MentionType)>> = vec![Vec::new(); group.len()];
        for m in rec.find_with(&t, &taken, false, genre) {
            let k = starts.partition_point(|&b| b <= m.range.start) - 1;
            let ranges = group[k].token_ranges();
            let (start, end) = (m.range.start - starts[k], m.range.end - starts[k]);
            let a = ranges.partition_point(|r| r.end <= start);
            let b = ranges.partition_point(|r| r.start < end);
            predicted[k].push((a..b.max(a + 1), m.kind));
        }
        for (s, predicted) in group.iter().zip(&predicted) {
            for (k, kind) in kinds.iter().enumerate() {
                let g: Vec<&Range<usize>> = s
                    .entities
                    .iter()
                    .filter(|e| e.1 == *kind)
                    .map(|e| &e.0)
                    .collect();
                let p: Vec<&Range<usize>> = predicted
                    .iter()
                    .filter(|e| e.1 == *kind)
                    .map(|e| &e.0)
                    .collect();
                let tp = p.iter().filter(|r| g.contains(r)).count();
                if let Some(misses) = misses.as_deref_mut() {
                    let words = |r: &Range<usize>| s.tokens[r.clone()].join(" ");
                    misses.extend(
                        g.iter()
                            .filter(|r| !p.contains(r))
                            .map(|r| Miss::Missed(*kind, words(r))),
                    );
                    misses.extend(
                        p.iter()
                            .filter(|r| !g.contains(r))
                            .map(|r| Miss::Spurious(*kind, words(r))),
                    );
                }
                counts[k].tp += tp;
                counts[k].fp += p.len() - tp;
                counts[k].fn_ += g.len() - tp;
            }
        }
    }
    kinds.into_iter().zip(counts).collect()
}

/// ANERcorp's train file in six sequential parts of about equal tokens
/// (cut as [`split_last_sixth`] cuts: the last part is its held-out sixth).
pub fn split_sixths(sentences: &[Sentence]) -> Vec<&[Sentence]> {
    let total: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut parts = Vec::with_capacity(6);
    let (mut start, mut seen) = (0, 0);
    for (i, s) in sentences.iter().enumerate() {
        seen += s.tokens.len();
        // The sentence that crosses a sixth starts the next part.
        if seen * 6 > total * (parts.len() + 1) && parts.len() < 5 {
            parts.push(&sentences[start..i]);
            start = i;
        }
    }
    parts.push(&sentences[start..]);
    parts
}

/// Micro counts over all types.
pub fn micro(scores: &[(MentionType, Counts)]) -> Counts {
    scores.iter().fold(Counts::default(), |a, (_, c)| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    })
}

/// The genre gold `sentences` read like, all together.
pub fn genre_of_sentences(rec: &Recognizer, sentences: &[Sentence]) -> Genre {
    let text: String = sentences
        .iter()
        .take(400)
        .map(|s| s.text() + "\n")
        .collect();
    rec.genre_of(&Text::new(&text))
}

/// Splits ANERcorp's train file sequentially: the sentences holding the first
/// five sixths of the tokens, and the rest.
pub fn split_last_sixth(sentences: &[Sentence]) -> (&[Sentence], &[Sentence]) {
    let total: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut seen = 0;
    let cut = sentences
        .iter()
        .position(|s| {
            seen += s.tokens.len();
            seen * 6 > total * 5
        })
        .unwrap_or(sentences.len());
    sentences.split_at(cut)
}

#[cfg(test)]
mod tests {
    use super::super::corpus;
    use super::*;

    #[test]
    fn six_sequential_parts_end_with_the_held_out_sixth() {
        let corpus = include_str!("../../../tests/fixtures/anercorp-last-sixth-sample.txt");
        let sentences = corpus::parse(corpus).unwrap();
        let parts = split_sixths(&sentences);
        assert_eq!(parts.len(), 6);
        assert_eq!(
            parts.iter().map(|p| p.len()).sum::<usize>(),
            sentences.len()
        );
        assert!(parts.iter().all(|p| !p.is_empty()));
        assert_eq!(parts[5], split_last_sixth(&sentences).1);
    }
}
