//! Training (`marsad train`): each gold sentence is joined, tokenised as
//! the analysis tokenises, and its tokens take the gold tags
//! ([`aligned`]); the gazetteer and vocabulary a sentence sees are built
//! from the other folds (jackknifed), so training meets unseen names as the
//! recogniser will; what a word has around it elsewhere in its document
//! ([`super::aggregate`]) is gathered over runs of consecutive sentences,
//! read as documents; an averaged perceptron learns in four fixed
//! orders of the sentences, side by side, and the runs' weights are
//! averaged; the LSTM ([`super::lstm`]) learns from the same tokens' word
//! vectors, letters and evidence.

use super::aggregate;
use super::corpus::Sentence;
use super::decode::{bilou, type_tag};
use super::evidence::{WordMemo, token_features};
use super::features::Genre;
use super::gazetteer::Gazetteer;
use super::genre::GenreProfile;
use super::lstm::{self, Slot};
use super::model_file::save_model;
use super::perceptron::{B, I, Perceptron, Trainer, part};
use super::vectors::VECTORS;
use super::vocabulary::Vocabulary;
use crate::analysis::Text;

fn aligned(s: &Sentence) -> (String, Vec<usize>) {
    let text = s.text();
    let ranges = s.token_ranges();
    let t = Text::new(&text);
    let mut gold_tag = vec![0usize; s.tokens.len()];
    for (r, kind) in &s.entities {
        for k in r.clone() {
            gold_tag[k] = type_tag(*kind, I);
        }
        gold_tag[r.start] = type_tag(*kind, B);
    }
    let mut tags = Vec::with_capacity(t.tokens.len());
    let mut seen = vec![false; s.tokens.len()];
    for tok in &t.tokens {
        let start = t.norm.original(tok.norm().start);
        let g = ranges
            .partition_point(|r| r.end <= start)
            .min(s.tokens.len() - 1);
        let mut tag = gold_tag[g];
        if tag != 0 && seen[g] && part(tag) == B {
            tag += 1; // the second of our tokens in a B token continues it
        }
        seen[g] = true;
        tags.push(tag);
    }
    bilou(&mut tags);
    (text, tags)
}

/// Shuffles `items` (Fisher–Yates) with a linear congruential sequence
/// that `seed` carries on: the same seed, the same order.
pub(super) fn shuffle<T>(items: &mut [T], seed: &mut u64) {
    for k in (1..items.len()).rev() {
        *seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        items.swap(k, (*seed >> 33) as usize % (k + 1));
    }
}

/// A training sentence for the perceptron: each token's features, and its
/// gold tag.
type Tagged = (Vec<Vec<u32>>, Vec<usize>);

/// The LSTM's start learned from unlabelled text (`marsad pretrain`, see
/// [`lstm::pretrain`]), or none where the file does not fit the vectors
/// (after `marsad clusters`, pretrain anew).
static PRETRAINED: std::sync::LazyLock<Option<lstm::Lstm>> = std::sync::LazyLock::new(|| {
    lstm::Lstm::from_bytes(
        include_bytes!("../../../assets/ner/pretrained.bin"),
        &VECTORS,
    )
    .ok()
});

/// Whether training starts the LSTM from the pretrained file.
pub fn pretrained() -> bool {
    PRETRAINED.is_some()
}

/// Folds for the jackknifed gazetteer.
const FOLDS: usize = 5;

/// Trains on `news` and `encyclopedia` sentences (each feature has a
/// shared weight and one per genre, see [`Genre`]) in a fixed order
/// (deterministic), and returns the model file's bytes ([`save_model`]).
/// The perceptron makes `epochs` passes, the LSTM as many up to
/// [`lstm::EPOCHS`] (fewer make a quick model for tests).
pub fn train(
    news: &[Sentence],
    encyclopedia: &[Sentence],
    epochs: usize,
    progress: impl FnMut(usize, usize) + Send,
) -> Vec<u8> {
    train_seeded(news, encyclopedia, epochs, SEED, progress)
}

/// The seed of the order [`train`] shows the sentences in.
pub const SEED: u64 = 0x5eed;

/// [`train`] with another order of the sentences: models trained with
/// several seeds tell a real gain from the luck of one order.
pub fn train_seeded(
    news: &[Sentence],
    encyclopedia: &[Sentence],
    epochs: usize,
    seed: u64,
    progress: impl FnMut(usize, usize) + Send,
) -> Vec<u8> {
    train_seeded_with(news, encyclopedia, epochs, seed, None, progress)
}

/// The perceptron is trained this many times, each in its own order of the
/// sentences, and the averaged weights of these runs averaged: the weights
/// of one run depend on the order (up to 0.3 of cross-validated F1 between
/// orders), those of several much less. Decoding costs the same.
const ORDERS: u64 = 4;

/// The mean of the runs' weights is smaller than one run's where the runs
/// disagree; times this, it weighs against the LSTM's logits as one run's
/// did (chosen by cross-validation: 1, 1.25, 1.6).
const ORDERS_SCALE: f32 = 1.25;

/// One perceptron run over `examples`, its epochs' orders drawn from
/// `seed` and the run's number `b` (the first run's orders are those of
/// `seed` alone).
fn perceptron_in_order(
    examples: &[Tagged],
    epochs: usize,
    seed: u64,
    b: u64,
    mut progress: impl FnMut(usize, usize),
) -> Perceptron {
    let mut trainer = Trainer::default();
    // A fixed pseudo-random order per epoch (linear congruential).
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed = seed.wrapping_add(b.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    for epoch in 0..epochs {
        shuffle(&mut order, &mut seed);
        let mut wrong = 0;
        for &e in &order {
            let (f, g) = &examples[e];
            wrong += usize::from(trainer.learn(f, g));
        }
        progress(epoch, wrong);
    }
    trainer.averaged()
}

/// [`train_seeded`], the LSTM given (`lstm`, from
/// [`super::model_file::lstm_of_model`])
/// instead of trained. The LSTM reads nothing of the perceptron, so a
/// model trained with the LSTM that the same data and seed trained is that
/// model, made in a few seconds instead of a minute: trials of the
/// perceptron's side reuse the LSTMs of a cross-validation
/// (`marsad train --cross-validate --keep-models`, then `--lstm-from`).
pub fn train_seeded_with(
    news: &[Sentence],
    encyclopedia: &[Sentence],
    epochs: usize,
    seed: u64,
    lstm: Option<lstm::Lstm>,
    mut progress: impl FnMut(usize, usize) + Send,
) -> Vec<u8> {
    let sentences: Vec<Sentence> = news.iter().chain(encyclopedia).cloned().collect();
    let sentences = &sentences[..];
    let genre = |i: usize| {
        if i < news.len() {
            Genre::News
        } else {
            Genre::Encyclopedia
        }
    };
    let others = |k: usize| {
        sentences
            .iter()
            .enumerate()
            .filter(move |(i, _)| i % FOLDS != k)
            .map(|(_, s)| s)
    };
    let folds: Vec<(Gazetteer, Vocabulary)> = (0..FOLDS)
        .map(|k| {
            (
                Gazetteer::from_sentences(others(k)),
                Vocabulary::from_sentences(others(k)),
            )
        })
        .collect();
    // What each word has around it in its document: training reads the
    // sentences as documents of TRAINING_DOCUMENT sentences, in order.
    let around: Vec<Vec<u16>> = sentences
        .chunks(aggregate::TRAINING_DOCUMENT)
        .flat_map(|document| {
            let joined: Vec<String> = document.iter().map(|s| aligned(s).0).collect();
            let texts: Vec<Text> = joined.iter().map(|s| Text::new(s)).collect();
            let all =
                aggregate::aggregate(texts.iter().flat_map(|t| {
                    (0..t.tokens.len()).map(move |i| t.is_word(i).then(|| t.key(i)))
                }));
            let mut at = 0;
            texts
                .iter()
                .map(|t| {
                    at += t.tokens.len();
                    all[at - t.tokens.len()..at].to_vec()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let (examples, runs): (Vec<Tagged>, Vec<lstm::Example>) = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.tokens.is_empty())
        .map(|(i, s)| {
            let (text, tags) = aligned(s);
            let t = Text::new(&text);
            let (g, v) = &folds[i % FOLDS];
            let mut memo = WordMemo::default();
            let (mut f, ids) = token_features(&t, 0..t.tokens.len(), &around[i], g, v, &mut memo);
            genre(i).add_copies(&mut f);
            let slots = ids
                .iter()
                .enumerate()
                .map(|(k, &id)| {
                    let info = &memo.word(id).info;
                    Slot::of(
                        &VECTORS,
                        t.is_number(k),
                        t.is_word(k),
                        &info.folded,
                        &info.folded_stem,
                    )
                })
                .collect();
            let grams = ids
                .iter()
                .map(|&id| lstm::grams(&memo.word(id).info.folded))
                .collect();
            let bits = ids
                .iter()
                .map(|&id| memo.word(id).evidence_bits())
                .collect();
            ((f, tags.clone()), (slots, grams, bits, tags, genre(i)))
        })
        .filter(|((f, _), _)| !f.is_empty())
        .unzip();
    let lstm = lstm.unwrap_or_else(|| {
        lstm::train(
            &VECTORS,
            &runs,
            epochs.min(lstm::EPOCHS),
            seed ^ 0x1d7,
            PRETRAINED.as_ref(),
        )
    });

    // The runs side by side, the first telling the progress; their weights
    // summed in the runs' order, so that the model is the same whatever the
    // threads.
    let mut others: Vec<Option<Perceptron>> = (1..ORDERS).map(|_| None).collect();
    let first = rayon::scope(|s| {
        for (b, slot) in (1..).zip(others.iter_mut()) {
            let examples = &examples;
            s.spawn(move |_| {
                *slot = Some(perceptron_in_order(examples, epochs, seed, b, |_, _| {}))
            });
        }
        perceptron_in_order(&examples, epochs, seed, 0, &mut progress)
    });
    let models: Vec<Perceptron> = std::iter::once(first)
        .chain(others.into_iter().flatten())
        .collect();
    let model = Perceptron::mean(&models, ORDERS_SCALE);
    save_model(
        &model,
        &Gazetteer::from_sentences(sentences),
        &Vocabulary::from_sentences(sentences),
        &GenreProfile::from_sentences(news, encyclopedia),
        &lstm,
    )
}

#[cfg(test)]
mod tests {
    use super::super::corpus;
    use super::*;

    /// The shipped start was written with a head of the seven BIO tags:
    /// training still starts from its directions and n-gram rows.
    #[test]
    fn the_shipped_pretrained_start_loads_whatever_its_head() {
        assert!(pretrained());
    }

    #[test]
    fn gold_tags_follow_our_tokens() {
        let s = corpus::parse("(د O\nقال O\nمحمد B-PERS\nعلي I-PERS\nفي O\nبغداد B-LOC\n").unwrap();
        let (text, tags) = aligned(&s[0]);
        assert_eq!(text, "(د قال محمد علي في بغداد");
        // A name of two words is its first and last (B, L), of one word a
        // unit (U).
        let named: Vec<&str> = tags
            .iter()
            .map(|&t| super::super::perceptron::TAGS[t])
            .collect();
        assert_eq!(named, ["O", "O", "O", "B-PER", "L-PER", "O", "U-LOC"]);
    }
}

#[cfg(test)]
mod training_tests {
    use super::super::model_file::lstm_of_model;
    use super::super::{Recognizer, corpus, evaluate};
    use super::*;

    #[test]
    fn training_is_deterministic_and_learns() {
        // Enough sentences that each of the five jackknife folds sees the
        // common words outside names.
        let text = [
            "قال محمد/B-PERS علي/I-PERS في بغداد/B-LOC .",
            "وصل محمد/B-PERS إلى بغداد/B-LOC .",
            "عاد سمير/B-PERS إلى دمشق/B-LOC في المساء .",
            "قال سمير/B-PERS إن الوفد وصل إلى دمشق/B-LOC .",
            "وصل الوفد إلى بغداد/B-LOC في الصباح .",
            "قال علي/B-PERS إن الوفد عاد .",
        ]
        .map(|s| {
            s.split(' ')
                .map(|w| match w.split_once('/') {
                    Some((w, tag)) => format!("{w} {tag}\n"),
                    None => format!("{w} O\n"),
                })
                .collect::<String>()
        })
        .join("\n");
        let s = corpus::parse(&text).unwrap();
        let a = train(&s, &[], 10, |_, _| {});
        let b = train(&s, &[], 10, |_, _| {});
        assert_eq!(a, b, "same data, same model");
        // Given the LSTM it trained, training makes the same model.
        let lstm = lstm_of_model(&a).unwrap();
        let c = train_seeded_with(&s, &[], 10, SEED, Some(lstm), |_, _| {});
        assert!(a == c, "the model made with its own LSTM given differs");
        // Given another LSTM, the model holds it.
        let other = train_seeded(&s, &[], 10, SEED + 1, |_, _| {});
        let d = train_seeded_with(&s, &[], 10, SEED, lstm_of_model(&other).ok(), |_, _| {});
        assert!(lstm_of_model(&d) == lstm_of_model(&other) && d != a);
        assert!(lstm_of_model(b"nonsense").is_err());
        let rec = Recognizer::from_bytes(&a).unwrap();
        let scores = evaluate(&rec, &s);
        assert!(scores.iter().all(|(_, c)| c.fn_ == 0), "{scores:?}");
    }
}
