//! Actors and places: a structured perceptron over BILOU tags (a name's
//! first, inner and last token, or a name of one token; the corpora's BIO
//! tags are made so when training), trained in the repository on ANERcorp
//! and AQMAR (`marsad train`), scored by `marsad eval`.
//!
//! How a text flows through the recogniser, a stage a file:
//!
//! 1. [`decode::segments`] cuts the analysis's tokens (the normalised text
//!    cut by [`crate::analysis::tokenize`]) into runs decoded as one
//!    sequence: sentences and lines.
//! 2. [`evidence::token_features`] gives each token of a run its features:
//!    its own form ([`features`]), gazetteer and name-list matches
//!    ([`gazetteer`], and organisation names mined from Wikipedia,
//!    [`organisations`]), trigger words, the topic, its vocabulary class
//!    ([`vocabulary`]) and how common it is in Arabic ([`frequency`]).
//!    What depends on the word alone is worked out once per distinct word
//!    of the document (a word memo); what the word's other occurrences in
//!    the document have around them ([`aggregate`]) is gathered in one pass
//!    before the first run.
//! 3. The bidirectional LSTM ([`lstm`]) reads the whole run (each word's
//!    vector from [`vectors`], its character n-grams and its evidence bits)
//!    and gives each tag of each token a score; the perceptron of the
//!    text's genre ([`genre`], [`perceptron`]) adds its own and decodes the
//!    run's tags (its transitions plus the LSTM's), and
//!    [`decode::spans_of_tags`] turns them into spans. What a word gives
//!    the LSTM's gates is worked out once per distinct word, beside its
//!    features.
//!    Runs are independent: a block of them at a time, the block's new
//!    words are made on all cores into one memo, then its runs are tagged on
//!    all cores while one of them folds the block's words for the passes and
//!    gives the next block's words their ids, and the spans come back in the
//!    text's order.
//! 4. The document passes ([`passes`]) tidy people's names, build
//!    organisation names on their heads, after them in quotation marks
//!    and with their complements ([`complements`]: «الاتحاد الدولي لكرة
//!    القدم»), join a name the tagger cut in two,
//!    carry a name found once to where it recurs, and leave proclitics
//!    (و ف ب ل ك) out of the spans.
//!
//! Steps 1 to 3 ([`Recognizer::tag_observed`]) need nothing of the date and
//! number matchers, so an article's analysis runs them beside those; step 4
//! ([`Recognizer::finish`]) leaves out what the matchers took.
//!
//! The model is one file ([`model_file`]) compiled into the binary, beside
//! the word clusters and vectors that `marsad clusters` learns. For
//! training ([`train`]) the gold tokens of a corpus sentence ([`corpus`]) are
//! joined by spaces, tokenised the same way, and each of our tokens takes the
//! tag of the gold token it lies in; [`evaluate`] scores the recogniser on
//! raw text as a reader's article would reach it.

pub mod aggregate;
pub mod clusters;
pub mod complements;
pub mod corpus;
pub mod decode;
pub mod embedding;
pub mod evaluate;
pub mod evidence;
pub mod features;
pub mod frequency;
pub mod gazetteer;
pub mod genre;
mod huge;
pub mod line_index;
pub mod lstm;
pub mod model_file;
pub mod organisations;
pub mod passes;
pub mod perceptron;
mod prefetch;
pub mod table;
pub mod train;
pub mod vectors;
pub mod vocabulary;

pub use evaluate::{
    Context, Counts, Miss, evaluate, evaluate_as, genre_of_sentences, micro, split_last_sixth,
    split_sixths,
};
pub use features::Genre;
pub use model_file::{lstm_of_model, save_model};
pub use train::{train, train_seeded, train_seeded_with};
pub use vocabulary::Vocabulary;

use evidence::{WordMemo, token_features_into};
use gazetteer::Gazetteer;
use genre::GenreProfile;
use lstm::{Lstm, Slot};
use model_file::{inflate_text, model_parts};
use perceptron::{Tagger, Weights};
use rayon::prelude::*;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;
use vectors::VECTORS;

use super::normalize::fold_key;
use super::{Mention, MentionType, Text};

/// The most distinct words whose features are kept while a text is read
/// (a news article has a few thousand; 64 MB of Wikipedia a million).
const MEMO_WORDS: usize = 100_000;

/// What the tagger found in a text before the date and number matchers'
/// tokens are known ([`Recognizer::tag_observed`]): each run's entities, as
/// (first token, last token, type), and each word's folded key.
pub struct Tagged {
    spans: Vec<(usize, usize, MentionType)>,
    folded: passes::Folded,
}

/// Runs tagged between two calls of the observer: their new words are
/// made on all cores, then the runs are tagged on all cores.
const BLOCK: usize = 256;

/// Runs a core takes at a time.
const RUNS_PER_JOB: usize = 8;

/// What the tagging adds to each word of the memo, by its id: under the
/// document's model and LSTM, and in the document's folded keys.
#[derive(Default)]
struct Scored {
    /// The emission scores of its own features ([`features::TokenInfo::own`])
    /// and how many they are.
    own: Vec<([f32; perceptron::LANES], u32)>,
    /// What it gives the gates of the LSTM
    /// ([`Lstm::projection_into`]): one table, on huge pages
    /// ([`huge`]), with room for the text's words.
    projections: Vec<[f32; lstm::PROJECTION]>,
    /// The id of its folded key in [`passes::Folded`] (`u32::MAX` until a
    /// word token sets it).
    folded: Vec<u32>,
}

impl Scored {
    fn clear(&mut self) {
        self.own.clear();
        self.projections.clear();
        self.folded.clear();
    }
}

/// What a core reuses from one run to the next.
#[derive(Default)]
struct Scratch {
    feats: Vec<Vec<u32>>,
    bases: Vec<([f32; perceptron::LANES], u32)>,
    /// The LSTM's scores of each token of a run.
    scores: Vec<[f32; perceptron::N]>,
    /// The LSTM's hidden states.
    hs: Vec<f32>,
}

/// What the runs of a block are tagged with: the document, its model, and
/// the words of the block's tokens.
struct Block<'a> {
    rec: &'a Recognizer,
    model: &'a Tagger,
    genre: Genre,
    /// The block's first token.
    first: usize,
    /// The word id of each token of the block.
    ids: &'a [u32],
    /// The words, by id, and their emission sums and projections
    /// ([`Scored`]).
    words: &'a [evidence::Word],
    own: &'a [([f32; perceptron::LANES], u32)],
    projections: &'a [[f32; lstm::PROJECTION]],
    /// What each token's word has around it elsewhere in the document
    /// ([`aggregate::aggregate`]), from the block's first token on.
    aggregate: &'a [u16],
}

impl Scratch {
    /// The spans of the runs `runs` of a block.
    fn tag(&mut self, b: &Block, runs: &[Range<usize>]) -> Vec<(usize, usize, MentionType)> {
        let mut spans = Vec::new();
        for seg in runs {
            let ids = &b.ids[seg.start - b.first..seg.end - b.first];
            let words: Vec<&evidence::Word> = ids.iter().map(|&id| &b.words[id as usize]).collect();
            let aggregate = &b.aggregate[seg.start - b.first..seg.end - b.first];
            let n = token_features_into(&words, aggregate, &b.rec.gazetteer, &mut self.feats);
            self.bases.clear();
            self.bases.extend(ids.iter().map(|&id| b.own[id as usize]));
            let projections: Vec<&[f32]> = ids
                .iter()
                .map(|&id| &b.projections[id as usize][..])
                .collect();
            self.scores.clear();
            self.scores.resize(ids.len(), [0.0; perceptron::N]);
            b.rec
                .lstm
                .add_scores(&projections, b.genre, &mut self.hs, &mut self.scores);
            let tags = b
                .model
                .decode_with(&self.feats[..n], &self.bases, &self.scores);
            decode::spans_of_tags(&tags, seg, &mut spans);
        }
        spans
    }
}

/// The model shipped in the binary (see `assets/ner/`).
const EMBEDDED: &[u8] = include_bytes!("../../../assets/ner/model.bin");

/// Its text parts (gazetteer, vocabulary, genre profile), inflated by
/// `build.rs`, and the index of the vocabulary's lines.
const SHIPPED_TEXTS: [&str; 3] = [
    include_str!(concat!(env!("OUT_DIR"), "/model-gazetteer.txt")),
    include_str!(concat!(env!("OUT_DIR"), "/model-vocabulary.tsv")),
    include_str!(concat!(env!("OUT_DIR"), "/model-genres.txt")),
];
const SHIPPED_VOCABULARY_INDEX: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/model-vocabulary.idx"));

pub struct Recognizer {
    /// The weights as trained: shared and per genre.
    weights: Weights,
    /// The weights for news and for encyclopedia text
    /// ([`Perceptron::for_genre`], the LSTM's transitions added), in the
    /// order of [`Genre::ALL`], made when a text of the genre first comes.
    models: [OnceLock<Tagger>; 2],
    gazetteer: Gazetteer,
    vocabulary: Vocabulary,
    genres: GenreProfile,
    /// The bidirectional LSTM.
    lstm: Lstm,
}

impl Recognizer {
    /// The model compiled into the binary, its texts as the build inflated
    /// them.
    pub fn embedded() -> Result<Self, String> {
        Self::load(EMBEDDED, true)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        Self::load(bytes, false)
    }

    /// The model of `bytes`; with `shipped`, `bytes` is [`EMBEDDED`] and its
    /// texts are the build's.
    fn load(bytes: &[u8], shipped: bool) -> Result<Self, String> {
        let parts = model_parts(bytes)?;
        let text = |k: usize| -> Result<Cow<'static, str>, String> {
            match shipped {
                true => Ok(Cow::Borrowed(SHIPPED_TEXTS[k - 1])),
                false => inflate_text(parts[k]).map(Cow::Owned),
            }
        };
        // The parts load on the cores, the weights with the tagger of news
        // (what most texts read as), each a few milliseconds. (Threads of
        // their own, not the pool's: a pool thread waiting for a part
        // could take a job that waits for this very recogniser.)
        let (weights, news, gazetteer, vocabulary, genres, lstm) = std::thread::scope(|s| {
            let vocabulary = s.spawn(|| match shipped {
                true => Ok(Vocabulary::indexed(
                    SHIPPED_TEXTS[1],
                    SHIPPED_VOCABULARY_INDEX,
                )),
                false => Vocabulary::from_text(inflate_text(parts[2])?),
            });
            let rest = s.spawn(|| {
                (
                    text(1).and_then(|t| Gazetteer::from_text(&t)),
                    text(3).map(|t| GenreProfile::from_text(&t)),
                    Lstm::from_bytes(parts[4], &VECTORS),
                )
            });
            // The shipped model's weights are read in place; another's
            // are copied (a few megabytes).
            let weights = match shipped {
                true => model_parts(EMBEDDED).map(|p| Cow::Borrowed(p[0])),
                false => Ok(Cow::Owned(parts[0].to_vec())),
            }
            .and_then(Weights::new);
            let news = weights.as_ref().ok().map(|w| w.for_genre(Genre::News));
            let vocabulary = vocabulary
                .join()
                .expect("loading the vocabulary does not panic");
            let (gazetteer, genres, lstm) = rest.join().expect("loading the model does not panic");
            (weights, news, gazetteer, vocabulary, genres, lstm)
        });
        let lstm = lstm?;
        let models: [OnceLock<Tagger>; 2] = Default::default();
        if let Some(news) = news {
            let _ = models[0].set(lstm.decoder(news));
        }
        debug_assert_eq!(Genre::ALL[0], Genre::News);
        Ok(Recognizer {
            weights: weights?,
            models,
            gazetteer: gazetteer?,
            vocabulary: vocabulary?,
            genres: genres?,
            lstm,
        })
    }

    /// Actors and places in `t`, skipping tokens already `taken`.
    /// Actors and places in `t` as Marsad marks them: an organisation's
    /// name includes its head noun («وزارة الدفاع الأميركية», as the sample's
    /// gold has it), where ANERcorp leaves «وزارة» outside.
    pub fn find(&self, t: &Text, taken: &[bool]) -> Vec<Mention> {
        self.find_with(t, taken, true, self.genre_of(t))
    }

    /// [`Recognizer::find`] that tells `observe` the share of the text done
    /// (0 to 1) as it goes, and stops (`None`) when `observe` says false.
    pub fn find_observed(
        &self,
        t: &Text,
        taken: &[bool],
        observe: &mut dyn FnMut(f32) -> bool,
    ) -> Option<Vec<Mention>> {
        let tagged = self.tag_observed(t, observe)?;
        Some(self.finish(t, taken, tagged))
    }

    /// The first and longest part of [`Recognizer::find_observed`], which
    /// needs no `taken` tokens: it can run while the dates and numbers are
    /// found. [`Recognizer::finish`] completes it.
    pub fn tag_observed(&self, t: &Text, observe: &mut dyn FnMut(f32) -> bool) -> Option<Tagged> {
        self.tag(t, self.genre_of(t), observe)
    }

    /// The actors and places of `tagged` (from [`Recognizer::tag_observed`]
    /// of `t`), skipping tokens already `taken`, with organisations' heads
    /// joined to their names.
    pub fn finish(&self, t: &Text, taken: &[bool], tagged: Tagged) -> Vec<Mention> {
        self.finish_with(t, taken, tagged, true)
    }

    /// The genre `t` reads like, from its words.
    pub fn genre_of(&self, t: &Text) -> Genre {
        let words: Vec<String> = (0..t.tokens.len())
            .filter(|&i| t.is_word(i))
            .take(5000)
            .map(|i| fold_key(t.key(i)))
            .collect();
        self.genres.genre_of(words.iter().map(String::as_str))
    }

    /// With `heads` false, the corpora's own convention (what `eval` scores);
    /// `genre` says what kind of text `t` is.
    pub fn find_with(&self, t: &Text, taken: &[bool], heads: bool, genre: Genre) -> Vec<Mention> {
        self.find_inner(t, taken, heads, genre, &mut |_| true)
            .unwrap_or_default()
    }

    fn find_inner(
        &self,
        t: &Text,
        taken: &[bool],
        heads: bool,
        genre: Genre,
        observe: &mut dyn FnMut(f32) -> bool,
    ) -> Option<Vec<Mention>> {
        let tagged = self.tag(t, genre, observe)?;
        Some(self.finish_with(t, taken, tagged, heads))
    }

    /// Each run of `t` tagged as `genre`: the entities the tags mark,
    /// whatever the date and number matchers take.
    fn tag(&self, t: &Text, genre: Genre, observe: &mut dyn FnMut(f32) -> bool) -> Option<Tagged> {
        self.tag_remembering(t, genre, observe, MEMO_WORDS)
    }

    /// [`Recognizer::tag`] that forgets what it knows of the words when it
    /// knows more than `memo_words`.
    fn tag_remembering(
        &self,
        t: &Text,
        genre: Genre,
        observe: &mut dyn FnMut(f32) -> bool,
        memo_words: usize,
    ) -> Option<Tagged> {
        let k = Genre::ALL.iter().position(|g| *g == genre).unwrap_or(0);
        let model = self.models[k].get_or_init(|| self.lstm.decoder(self.weights.for_genre(genre)));
        // (first token, last token, type) of each recognised entity.
        let mut spans: Vec<(usize, usize, MentionType)> = Vec::new();
        // Each token's folded key (empty for a token that is not a word).
        let mut folded = passes::Folded::new(t.tokens.len());
        let total = t.tokens.len().max(1) as f32;
        // What each word has around it in the whole document, before the
        // first run is tagged.
        let around =
            aggregate::aggregate((0..t.tokens.len()).map(|i| t.is_word(i).then(|| t.key(i))));
        // Runs are tagged apart from each other, a block of them at a time:
        // the block's new words are made on all cores, then its runs are
        // tagged on all cores (beside the serial work of the memo: folding
        // the block's words, giving the next block's their ids), and their
        // spans come back in the text's order (the same spans on one core
        // or many).
        let (mut ids, mut new) = (Vec::new(), Vec::new());
        let (mut next_ids, mut next_new) = (Vec::new(), Vec::new());
        let segments = decode::segments(t);
        let blocks: Vec<&[Range<usize>]> = segments.chunks(BLOCK).collect();
        let tokens = |block: &[Range<usize>]| block[0].start..block[block.len() - 1].end;
        // The memo's tables have room for as many words as the text can
        // have before it forgets (no more than its tokens), so that they
        // are never copied to grow.
        let room = t
            .tokens
            .len()
            .min(memo_words + blocks.iter().map(|b| tokens(b).len()).max().unwrap_or(0));
        let mut memo = WordMemo::with_capacity(room);
        let mut scored = Scored {
            projections: huge::with_capacity(room),
            ..Scored::default()
        };
        if let Some(block) = blocks.first() {
            memo.keys()
                .assign(t, tokens(block), &mut next_ids, &mut next_new);
        }
        for (k, block) in blocks.iter().enumerate() {
            let Range { start: first, end } = tokens(block);
            if !observe(first as f32 / total) {
                return None;
            }
            // The block's word ids, given while the block before was tagged.
            std::mem::swap(&mut ids, &mut next_ids);
            std::mem::swap(&mut new, &mut next_new);
            next_ids.clear();
            next_new.clear();
            // Its new words, made on all cores, each written in its place.
            let made = memo.len();
            memo.make(
                new.par_iter()
                    .with_min_len(32)
                    .map(|&i| evidence::Word::new(t.key(i), &self.gazetteer, &self.vocabulary)),
            );
            let mut sums = (
                std::mem::take(&mut scored.own),
                std::mem::take(&mut scored.projections),
            );
            sums.par_extend(
                new.par_iter()
                    .zip(&memo.words()[made..])
                    .with_min_len(32)
                    .map_init(Default::default, |(x, grams), (&i, word)| {
                        // The perceptron's rows of the word's own features
                        // come from memory while the projection is summed.
                        model.prefetch(&word.info.own);
                        let slot = Slot::of(
                            &VECTORS,
                            t.is_number(i),
                            t.is_word(i),
                            &word.info.folded,
                            &word.info.folded_stem,
                        );
                        let mut projection = [0.0; lstm::PROJECTION];
                        lstm::grams_into(&word.info.folded, grams);
                        let bits = word.evidence_bits();
                        self.lstm.projection_into(
                            &VECTORS,
                            slot,
                            grams,
                            bits,
                            x,
                            &mut projection[..],
                        );
                        let own = (model.sum(&word.info.own), word.info.own.len() as u32);
                        (own, projection)
                    }),
            );
            (scored.own, scored.projections) = sums;
            scored.folded.resize(memo.len(), u32::MAX);
            // What is known of each word (some 800 bytes) is kept for this
            // many words at most: a long text forgets and recomputes (the
            // next block's words are then given ids after this one).
            let forget = memo.len() > memo_words;
            let next = blocks.get(k + 1).filter(|_| !forget);
            let (keys, words) = memo.parts();
            let b = Block {
                rec: self,
                model,
                genre,
                first,
                ids: &ids,
                words,
                own: &scored.own,
                projections: &scored.projections,
                aggregate: &around[first..end],
            };
            // The runs are tagged on all cores while one of them folds the
            // block's words (for the document passes) and gives the next
            // block's words their ids.
            let word_folds = &mut scored.folded;
            let (found, ()) = rayon::join(
                || {
                    block
                        .par_chunks(RUNS_PER_JOB)
                        .map_init(Scratch::default, |s, runs| s.tag(&b, runs))
                        .collect::<Vec<_>>()
                },
                || {
                    for (i, &id) in (first..end).zip(&ids) {
                        if t.is_word(i) {
                            let slot = &mut word_folds[id as usize];
                            match *slot {
                                u32::MAX => {
                                    let word = &words[id as usize];
                                    *slot = folded.set_read(i, &word.info.folded, || word.reads);
                                }
                                known => folded.set_id(i, known),
                            }
                        }
                    }
                    if let Some(next) = next {
                        keys.assign(t, tokens(next), &mut next_ids, &mut next_new);
                    }
                },
            );
            for mut f in found {
                spans.append(&mut f);
            }
            if forget {
                memo.clear();
                scored.clear();
                if let Some(next) = blocks.get(k + 1) {
                    memo.keys()
                        .assign(t, tokens(next), &mut next_ids, &mut next_new);
                }
            }
        }
        // What was known of the words (tens of thousands of small
        // allocations) is freed on another core.
        rayon::spawn(move || drop((memo, scored)));
        Some(Tagged { spans, folded })
    }

    /// [`Recognizer::finish`]; with `heads` false, the corpora's convention.
    fn finish_with(&self, t: &Text, taken: &[bool], tagged: Tagged, heads: bool) -> Vec<Mention> {
        let Tagged { mut spans, folded } = tagged;
        // An entity over a token the dates or numbers took is left out.
        spans.retain(|&(first, last, _)| !taken[first..=last].contains(&true));
        self.tidy_people(&folded, &mut spans);
        if heads {
            self.organisation_heads(t, taken, &folded, &mut spans);
            Self::institution_names(t, taken, &folded, &mut spans);
        }
        Self::quoted_names(t, taken, &mut spans);
        Self::complemented_names(t, taken, &folded, &mut spans);
        self.join_split_names(t, &folded, &mut spans);
        self.regnal_names(taken, &folded, &mut spans);
        self.bare_heads(t, taken, &folded, &mut spans);
        self.consistent(t, taken, &folded, &mut spans);
        if heads {
            self.heads_before_names(t, taken, &folded, &mut spans);
            Self::name_ending_adjectives(t, &folded, &mut spans);
        }
        Self::no_lone_god(&folded, &mut spans);
        Self::no_verb_person(t, &mut spans);
        Self::on_one_line(t, &mut spans);
        if folded.keys() > 4096 {
            // A long text's keys (thousands of small allocations) are freed
            // on another core.
            rayon::spawn(move || drop(folded));
        }
        spans
            .into_iter()
            .map(|(first, last, kind)| Mention {
                range: t.span(first, self.proclitic(t.key(first)), last),
                kind,
                norm: None,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts the build inflated are the model file's, and the model
    /// read through them finds what the file read anew finds.
    #[test]
    fn the_build_s_model_texts_are_the_model_file_s() {
        let parts = model_parts(EMBEDDED).unwrap();
        for k in 1..=3 {
            assert_eq!(inflate_text(parts[k]).unwrap(), SHIPPED_TEXTS[k - 1]);
        }
        table::tests::assert_indexed_like_built(SHIPPED_TEXTS[1], SHIPPED_VOCABULARY_INDEX);
        assert!(Vocabulary::from_text(SHIPPED_TEXTS[1].to_owned()).is_ok());
        let t = Text::new(crate::document::SAMPLE_TEXT);
        let taken = vec![false; t.tokens.len()];
        let found = Recognizer::embedded().unwrap().find(&t, &taken);
        assert!(found.len() > 20, "{} mentions", found.len());
        assert_eq!(
            found,
            Recognizer::from_bytes(EMBEDDED).unwrap().find(&t, &taken)
        );
    }

    /// The first 1,500 sentences of ANERcorp's training file, a line each.
    fn long_news() -> String {
        let sentences =
            corpus::parse(include_str!("../../../data/ner/anercorp-train.txt")).unwrap();
        sentences[..1500].iter().map(|s| s.text() + "\n").collect()
    }

    /// A long text is tagged a block of runs at a time on all cores: a reader gets the
    /// same actors and places whatever the number of cores.
    #[test]
    fn a_text_tagged_on_several_cores_gets_what_one_core_gives() {
        let text = long_news();
        let rec = Recognizer::embedded().unwrap();
        let t = Text::new(&text);
        let taken = vec![false; t.tokens.len()];
        let on = |cores: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(cores)
                .build()
                .unwrap()
                .install(|| rec.find(&t, &taken))
        };
        let one = on(1);
        assert!(one.len() > 1000, "{} mentions", one.len());
        assert!(decode::segments(&t).len() > 3 * BLOCK);
        assert_eq!(on(3), one);
    }

    /// A long text forgets what it knew of its words when it has met too
    /// many, and goes on: it gets the actors and places it would have got
    /// remembering them all, on one core or several.
    #[test]
    fn a_text_that_outgrows_the_word_memo_gets_what_remembering_gives() {
        let text = long_news();
        let rec = Recognizer::embedded().unwrap();
        let t = Text::new(&text);
        let taken = vec![false; t.tokens.len()];
        let found = |memo_words: usize, cores: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(cores)
                .build()
                .unwrap();
            let tagged = pool.install(|| {
                rec.tag_remembering(&t, Genre::News, &mut |_| true, memo_words)
                    .unwrap()
            });
            rec.finish(&t, &taken, tagged)
        };
        let all = found(MEMO_WORDS, 2);
        // A block of runs brings a few hundred new words: forgotten after
        // almost every block.
        let distinct: std::collections::HashSet<&str> =
            (0..t.tokens.len()).map(|i| t.key(i)).collect();
        assert!(distinct.len() > 10 * 500, "{} words", distinct.len());
        assert_eq!(found(500, 2), all);
        assert_eq!(found(500, 1), all);
    }
}
