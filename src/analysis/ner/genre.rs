//! Which genre a text reads like, news or encyclopedia, from its words.
//!
//! The tagger keeps a weight per genre for each feature
//! ([`super::features::Genre`]). A reader may open a saved Wikipedia page as
//! well as a news story, so the genre of a document is told from its
//! words: a naive Bayes comparison of how often each word occurs in the
//! news and in the encyclopedia training sentences.

use rustc_hash::FxHashMap;

use super::corpus::Sentence;
use super::features::Genre;
use crate::analysis::normalize::{Normalized, fold_key};

/// Per word, the log-ratio of its frequency in news to that in
/// encyclopedia text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GenreProfile {
    log_ratio: FxHashMap<String, f32>,
}

/// A word's folded key, as the profile stores it.
fn key(word: &str) -> String {
    fold_key(&Normalized::new(word).text)
}

/// How many times a word must occur in training to count.
const MIN_COUNT: u32 = 3;

/// How many words of a document are looked at.
const WORDS_READ: usize = 5000;

impl GenreProfile {
    pub fn from_sentences(news: &[Sentence], encyclopedia: &[Sentence]) -> Self {
        let mut counts: FxHashMap<String, [u32; 2]> = FxHashMap::default();
        let mut totals = [0u32; 2];
        for (k, sentences) in [news, encyclopedia].into_iter().enumerate() {
            for token in sentences.iter().flat_map(|s| &s.tokens) {
                if token.chars().any(char::is_alphabetic) {
                    counts.entry(key(token)).or_default()[k] += 1;
                    totals[k] += 1;
                }
            }
        }
        let kept = counts.values().filter(|c| c[0] + c[1] >= MIN_COUNT).count() as f64;
        let log_ratio = counts
            .into_iter()
            .filter(|(_, c)| c[0] + c[1] >= MIN_COUNT)
            .map(|(w, c)| {
                let p = (c[0] as f64 + 1.0) / (totals[0] as f64 + kept);
                let q = (c[1] as f64 + 1.0) / (totals[1] as f64 + kept);
                (w, (p / q).ln() as f32)
            })
            .collect();
        GenreProfile { log_ratio }
    }

    /// The genre the folded `words` read like (news when nothing tells).
    pub fn genre_of<'a>(&self, words: impl IntoIterator<Item = &'a str>) -> Genre {
        let score: f32 = words
            .into_iter()
            .take(WORDS_READ)
            .filter_map(|w| self.log_ratio.get(w))
            .sum();
        if score >= 0.0 {
            Genre::News
        } else {
            Genre::Encyclopedia
        }
    }

    pub fn to_text(&self) -> String {
        let mut rows: Vec<_> = self.log_ratio.iter().collect();
        rows.sort_by(|a, b| a.0.cmp(b.0));
        rows.iter().map(|(w, r)| format!("{w}\t{r}\n")).collect()
    }

    pub fn from_text(text: &str) -> Self {
        let log_ratio = text
            .lines()
            .filter_map(|l| {
                let (w, r) = l.split_once('\t')?;
                Some((w.to_owned(), r.parse().ok()?))
            })
            .collect();
        GenreProfile { log_ratio }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::corpus;

    #[test]
    fn news_and_encyclopedia_text_are_told_apart() {
        let news = corpus::parse(include_str!("../../../data/ner/anercorp-train.txt")).unwrap();
        let wiki = corpus::parse(include_str!("../../../data/ner/aqmar-train.txt")).unwrap();
        let profile = GenreProfile::from_sentences(&news[..3000], &wiki[..1000]);
        let words = |s: &[Sentence]| -> Vec<String> {
            s.iter()
                .flat_map(|s| s.tokens.iter().map(|t| key(t)))
                .collect()
        };
        // Sentences the profile did not see.
        let unseen_news = words(&news[3500..3600]);
        let unseen_wiki = words(&wiki[1100..1200]);
        assert_eq!(
            profile.genre_of(unseen_news.iter().map(String::as_str)),
            Genre::News
        );
        assert_eq!(
            profile.genre_of(unseen_wiki.iter().map(String::as_str)),
            Genre::Encyclopedia
        );
        assert_eq!(GenreProfile::from_text(&profile.to_text()), profile);
    }

    #[test]
    fn the_sample_article_reads_as_news() {
        let rec = crate::analysis::ner::Recognizer::embedded().unwrap();
        let t = crate::analysis::Text::new(crate::document::SAMPLE_TEXT);
        assert_eq!(rec.genre_of(&t), Genre::News);
    }
}
