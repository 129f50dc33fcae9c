//! What the tagger sees of each token of a segment: its own features, the
//! gazetteers' and name lists' matches over the segment, trigger words
//! around it, the sentence's topic, and its vocabulary and frequency
//! classes. Per-word work is memoised per document.

use std::ops::Range;

use super::aggregate;
use super::clusters::CLUSTERS;
use super::features::{TokenInfo, extra_bucket, extra_bucket_parts, features};
use super::frequency;
use super::gazetteer::{
    self, FULL_NAME, Firsts, GIVEN, Gazetteer, LEXICONS, ORG_SURE, ORG_WEAK, PLACE, SURNAME,
};
use super::line_index;
use super::vocabulary::Vocabulary;
use crate::analysis::Text;
use crate::analysis::tokenize::{ReadingStarts, Readings, readings, readings_from, starts_of};
use tinyvec::ArrayVec;

/// What is known of each distinct word of a document, made once per word.
#[derive(Default)]
pub(super) struct WordMemo {
    keys: Keys,
    words: Vec<Word>,
}

/// The ids of the distinct words' keys, given in the order they come.
#[derive(Default)]
pub(super) struct Keys {
    index: rustc_hash::FxHashMap<Box<str>, u32>,
}

impl Keys {
    /// The word ids of tokens `seg` of `t`, appended to `ids`. A key not
    /// known yet takes the next id, and its first token is appended to
    /// `new`: the caller makes the words of `new` ([`Word::new`]), where it
    /// likes, and adds them to the memo in that order
    /// ([`WordMemo::push`], [`WordMemo::make`]) before asking for them.
    pub fn assign(
        &mut self,
        t: &Text,
        seg: Range<usize>,
        ids: &mut Vec<u32>,
        new: &mut Vec<usize>,
    ) {
        ids.extend(seg.map(|i| {
            let key = t.key(i);
            if let Some(&id) = self.index.get(key) {
                return id;
            }
            let id = self.index.len() as u32;
            self.index.insert(key.into(), id);
            new.push(i);
            id
        }));
    }
}

impl WordMemo {
    /// A memo with room for `n` words, on huge pages ([`super::huge`]).
    pub fn with_capacity(n: usize) -> Self {
        WordMemo {
            keys: Keys::default(),
            words: super::huge::with_capacity(n),
        }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn clear(&mut self) {
        self.keys.index.clear();
        self.words.clear();
    }

    pub fn word(&self, id: u32) -> &Word {
        &self.words[id as usize]
    }

    /// The words, by id.
    pub fn words(&self) -> &[Word] {
        &self.words
    }

    /// The ids of the keys, to give new ones while the words are read.
    pub fn parts(&mut self) -> (&mut Keys, &[Word]) {
        (&mut self.keys, &self.words)
    }

    /// The ids of the keys ([`Keys::assign`]).
    pub fn keys(&mut self) -> &mut Keys {
        &mut self.keys
    }

    /// The words [`Keys::assign`] gave ids to, in their ids' order.
    pub fn push(&mut self, words: impl IntoIterator<Item = Word>) {
        self.words.extend(words);
    }

    /// [`WordMemo::push`] of words made on all cores, each written in
    /// its place.
    pub fn make(&mut self, words: impl rayon::iter::IndexedParallelIterator<Item = Word>) {
        use rayon::iter::ParallelExtend;
        self.words.par_extend(words);
    }

    /// The word ids of tokens `seg` of `t`, their words made when new.
    pub fn ids(
        &mut self,
        t: &Text,
        seg: Range<usize>,
        gaz: &Gazetteer,
        vocab: &Vocabulary,
    ) -> Vec<u32> {
        let (mut ids, mut new) = (Vec::new(), Vec::new());
        self.keys.assign(t, seg, &mut ids, &mut new);
        self.push(new.into_iter().map(|i| Word::new(t.key(i), gaz, vocab)));
        ids
    }
}

/// What the tagger needs of a word wherever it stands.
pub(super) struct Word {
    /// Its forms and the buckets of its own features.
    pub info: TokenInfo,
    /// Its vocabulary classes, of the word and its stem, and its frequency
    /// classes ([`frequency::classes`]).
    classes: [&'static str; 5],
    /// Where the stem of each reading of the folded word starts
    /// ([`readings`]).
    pub reads: ReadingStarts,
    /// Bit k: one of its readings starts an entry of table k (the training
    /// names, the name lists).
    starts: u8,
    /// The bits of each reading in table k ([`Gazetteer::firsts`]), so
    /// that the walks over a run look up only keys of two tokens or more.
    firsts: [Firsts; 2],
    /// The trigger class of its first reading that has one.
    trigger: Option<&'static str>,
    /// The topics its readings tell (bits: sport, business).
    topic: u8,
    /// The buckets of its extra features that do not depend on where it
    /// stands: vocabulary class (template 6), then the stem's vocabulary
    /// and frequency classes (7, 14, 15, 16), then its clusters (50 to 54).
    vocab: u32,
    classes_rest: ArrayVec<[u32; 4]>,
    clusters: ArrayVec<[u32; 5]>,
    /// The buckets of its coarse cluster as the word before (55) and after
    /// (56) another.
    cluster_near: [u32; 2],
    /// Its cluster of the middle granularity ("?" when it has none).
    cluster: &'static str,
}

impl Word {
    /// What the LSTM reads of the word's evidence, a bit each
    /// ([`super::lstm::EVIDENCE`]): it starts a training name or a name-list
    /// entry; its trigger class; the vocabulary class of the word and of its
    /// stem (outside, inside, mixed).
    pub fn evidence_bits(&self) -> u16 {
        let mut bits = u16::from(self.starts & 3);
        if let Some(k) = self
            .trigger
            .and_then(|t| aggregate::CLASSES.iter().position(|&c| c == t))
        {
            bits |= 1 << (2 + k);
        }
        for (at, class) in [(7, self.classes[0]), (10, self.classes[1])] {
            if let Some(k) = ["O", "E", "mixed"].iter().position(|&c| c == class) {
                bits |= 1 << (at + k);
            }
        }
        bits
    }

    pub fn new(key: &str, gaz: &Gazetteer, vocab: &Vocabulary) -> Self {
        let info = TokenInfo::new(key);
        let r = readings(&info.folded);
        // The shipped tables' lines of the word, of its stem and of its
        // readings, asked for at once: their cache misses overlap instead
        // of coming one lookup after another.
        let mut touched = 0u8;
        let same_stem = info.folded_stem == info.folded;
        let forms: &[&String] = if same_stem {
            &[&info.folded]
        } else {
            &[&info.folded, &info.folded_stem]
        };
        for key in forms {
            let h = line_index::hash(key.as_bytes());
            touched ^= vocab.touch(h) ^ frequency::WORD_FREQUENCY.touch(h) ^ CLUSTERS.touch(h);
        }
        for (_, key) in &r {
            let h = line_index::hash(key.as_bytes());
            touched ^= LEXICONS.touch(h) ^ gaz.touch(h);
        }
        let article_form = frequency::article_form(&info.folded_stem);
        if let Some((form, _)) = &article_form {
            touched ^= frequency::WORD_FREQUENCY.touch(line_index::hash(form.as_bytes()));
        }
        std::hint::black_box(touched);
        let [word, stem, article] =
            frequency::classes_with(&info.folded, &info.folded_stem, article_form);
        let own_class = vocab.class(&info.folded);
        let classes = [
            own_class,
            if same_stem {
                own_class
            } else {
                vocab.class(&info.folded_stem)
            },
            word,
            stem,
            article,
        ];
        let firsts = [gaz.firsts(&r), LEXICONS.firsts(&r)];
        let starts = firsts
            .iter()
            .enumerate()
            .filter(|(_, f)| f.iter().any(Option::is_some))
            .fold(0u8, |m, (k, _)| m | 1 << k);
        let trigger = r
            .iter()
            .find_map(|(_, w)| gazetteer::TRIGGERS.get(*w).copied());
        let topic = r.iter().fold(0u8, |t, (_, w)| {
            t | gazetteer::TOPICS.get(*w).copied().unwrap_or(0)
        });
        let reads = starts_of(&r);
        drop(r);
        let mut classes_rest: ArrayVec<[u32; 4]> = ArrayVec::new();
        classes_rest.extend([
            extra_bucket(7, classes[1]),
            extra_bucket(14, word),
            extra_bucket(15, stem),
        ]);
        if !article.is_empty() {
            classes_rest.push(extra_bucket(16, article));
        }
        // Distributional classes (unlabelled text): the word's clusters
        // at three granularities and its stem's. (Without a table, none:
        // the model is the one without them.)
        let mut clusters = ArrayVec::new();
        let mut cluster_near = [0; 2];
        let mut cluster = "?";
        if !CLUSTERS.is_empty() {
            let own = CLUSTERS.of(&info.folded);
            match own {
                Some([a, b, c]) => clusters.extend([
                    extra_bucket(50, a),
                    extra_bucket(51, b),
                    extra_bucket(52, c),
                ]),
                None => clusters.push(extra_bucket(50, "?")),
            }
            if info.folded_stem != info.folded
                && let Some([_, b, c]) = CLUSTERS.of(&info.folded_stem)
            {
                clusters.extend([extra_bucket(53, b), extra_bucket(54, c)]);
            }
            cluster = own.map_or("?", |c| c[1]);
            let level = cluster;
            cluster_near = [extra_bucket(55, level), extra_bucket(56, level)];
        }
        Word {
            vocab: extra_bucket(6, classes[0]),
            info,
            classes,
            reads,
            starts,
            firsts,
            trigger,
            topic,
            classes_rest,
            clusters,
            cluster_near,
            cluster,
        }
    }

    /// The readings of the folded word ([`readings`]).
    fn readings(&self) -> Readings<'_> {
        readings_from(&self.info.folded, &self.reads)
    }
}

/// The features of each token of `seg` (a run of `t`), and the ids of
/// their words in `memo`; `around` is what each token's word has around it
/// elsewhere in the document ([`aggregate::aggregate`]).
pub(super) fn token_features(
    t: &Text,
    seg: Range<usize>,
    around: &[u16],
    gaz: &Gazetteer,
    vocab: &Vocabulary,
    memo: &mut WordMemo,
) -> (Vec<Vec<u32>>, Vec<u32>) {
    let ids = memo.ids(t, seg, gaz, vocab);
    let words: Vec<&Word> = ids.iter().map(|&id| memo.word(id)).collect();
    let mut out = Vec::new();
    let n = token_features_into(&words, around, gaz, &mut out);
    out.truncate(n);
    (out, ids)
}

/// [`token_features`] of a run's `words` written into the first of `out`'s
/// vectors (made when missing, reused when there), whose number it
/// returns: a long text allocates the vectors of its longest run once.
pub(super) fn token_features_into(
    words: &[&Word],
    around: &[u16],
    gaz: &Gazetteer,
    out: &mut Vec<Vec<u32>>,
) -> usize {
    let infos: Vec<&TokenInfo> = words.iter().map(|w| &w.info).collect();
    let folded: Vec<&str> = infos.iter().map(|i| i.folded.as_str()).collect();
    // The walks below read the readings of the words that start an entry
    // only (the others' firsts are all empty).
    let reads: Vec<Readings> = words
        .iter()
        .map(|w| {
            if w.starts == 0 {
                Readings::new()
            } else {
                w.readings()
            }
        })
        .collect();
    let firsts = |k: usize| -> Vec<Firsts> { words.iter().map(|w| w.firsts[k]).collect() };
    let gf = gaz.features_read(
        &folded,
        Some(&reads),
        Some(&firsts(0)),
        &[(1, "PER"), (2, "ORG"), (4, "LOC")],
        0,
    );
    // The name lists, in one walk: people's names and their parts, places,
    // full names, organisation names mined from Wikipedia (a sure and a
    // weak bit).
    let [names, places, full_names, organisations] = LEXICONS.features_of_groups(
        &folded,
        Some(&reads),
        Some(&firsts(1)),
        [
            (&[(GIVEN, "GIVEN"), (SURNAME, "SUR")], 2),
            (&[(PLACE, "PLACE")], 8),
            (&[(FULL_NAME, "FULL")], 22),
            (&[(ORG_SURE, "MORG"), (ORG_WEAK, "MORGW")], 26),
        ],
    );
    // The sentence's topic (sport, business), for features that depend on it.
    let topic = words.iter().fold(0u8, |t, w| t | w.topic);
    let topic_tag = match topic {
        0 => "",
        1 => "S|",
        2 => "B|",
        _ => "SB|",
    };
    // Each extra feature as (template, value) for the topic's copies, and
    // its bucket.
    let mut extra: Vec<(u8, &str)> = Vec::with_capacity(64);
    let mut buckets: Vec<u32> = Vec::with_capacity(64);
    if out.len() < infos.len() {
        out.resize_with(infos.len(), || Vec::with_capacity(64));
    }
    for (i, f) in out.iter_mut().enumerate().take(infos.len()) {
        {
            let w = words[i];
            extra.clear();
            buckets.clear();
            fn context<'v>(
                extra: &mut Vec<(u8, &'v str)>,
                buckets: &mut Vec<u32>,
                (template, value): (u8, &'v str),
            ) {
                extra.push((template, value));
                buckets.push(extra_bucket(template, value));
            }
            for &e in gf[i].iter().chain(&names[i]) {
                context(&mut extra, &mut buckets, e);
            }
            extra.push((6, w.classes[0]));
            buckets.push(w.vocab);
            for &e in places[i]
                .iter()
                .chain(&full_names[i])
                .chain(&organisations[i])
            {
                context(&mut extra, &mut buckets, e);
            }
            for (off, template) in [(0isize, 10u8), (-1, 11), (-2, 12), (1, 13)] {
                let j = i as isize + off;
                if j >= 0
                    && let Some(class) = words.get(j as usize).and_then(|w| w.trigger)
                {
                    context(&mut extra, &mut buckets, (template, class));
                }
            }
            // What the word has around it elsewhere in the document (no
            // topic copies: `extra` needs not hold them).
            buckets.extend(aggregate::buckets(around.get(i).copied().unwrap_or(0)));
            // Arabic at large: how common the word and its stem are, and
            // whether the stem is a word that takes the article.
            extra.push((7, w.classes[1]));
            buckets.extend_from_slice(&w.classes_rest);
            // The names around: «قال محمد ...», «... شياع السوداني».
            if i > 0 {
                for &(_, v) in names[i - 1].iter().filter(|(k, _)| *k == 2) {
                    context(&mut extra, &mut buckets, (4u8, v));
                }
            }
            if let Some(next) = names.get(i + 1) {
                for &(_, v) in next.iter().filter(|(k, _)| *k == 2) {
                    context(&mut extra, &mut buckets, (5u8, v));
                }
            }
            // Distributional classes: the word's and its stem's clusters,
            // and its neighbours' (a missing neighbour is "<s>").
            if !CLUSTERS.is_empty() {
                buckets.extend_from_slice(&w.clusters);
                buckets.push(match i.checked_sub(1) {
                    Some(j) => words[j].cluster_near[0],
                    None => extra_bucket(55, "<s>"),
                });
                buckets.push(match words.get(i + 1) {
                    Some(n) => n.cluster_near[1],
                    None => extra_bucket(56, "<s>"),
                });
                // The clusters of the three words in a row: «قال [name]
                // إن» and «في [place] ،» read alike whatever the name.
                let before = i.checked_sub(1).map_or("<s>", |j| words[j].cluster);
                let after = words.get(i + 1).map_or("<s>", |n| n.cluster);
                buckets.push(extra_bucket_parts(
                    61,
                    &[before, "|", w.cluster, "|", after],
                ));
            }
            // In a sentence on sport or business, the same evidence may
            // mean another type: each template is doubled per topic.
            if topic != 0 {
                buckets.push(extra_bucket(20, topic_tag));
                for &(template, value) in &extra {
                    if matches!(template, 0 | 2 | 3 | 6 | 7 | 8 | 26 | 27) {
                        buckets.push(extra_bucket(100 + template * 4 + topic, value));
                    }
                }
                buckets.push(extra_bucket(40 + topic, infos[i].shape));
            }
            features(&infos, i, &buckets, f);
        }
    }
    infos.len()
}
