//! What the tagger sees of each token of a segment: its own features, the
//! gazetteers' and name lists' matches over the segment, trigger words
//! around it, the sentence's topic, and its vocabulary and frequency
//! classes. Per-word work is memoised per document.

use std::ops::Range;

use super::clusters::CLUSTERS;
use super::features::{TokenInfo, features};
use super::frequency;
use super::gazetteer::{self, Gazetteer};
use super::vocabulary::Vocabulary;
use crate::analysis::Text;
use crate::analysis::tokenize::readings;

/// document: its forms, its vocabulary class and its stem's, and its
/// frequency classes ([`frequency::classes`]).
pub(super) type WordMemo =
    rustc_hash::FxHashMap<String, (TokenInfo, [&'static str; 5], WordClusters)>;

/// The clusters of a word and of its stem ([`CLUSTERS`]), coarse to fine.
type WordClusters = [Option<[&'static str; 3]>; 2];

pub(super) fn token_features(
    t: &Text,
    seg: Range<usize>,
    gaz: &Gazetteer,
    vocab: &Vocabulary,
    memo: &mut WordMemo,
) -> Vec<Vec<u32>> {
    for i in seg.clone() {
        if !memo.contains_key(t.key(i)) {
            let info = TokenInfo::new(t.key(i));
            let [word, stem, article] = frequency::classes(&info.folded, &info.folded_stem);
            let classes = [
                vocab.class(&info.folded),
                vocab.class(&info.folded_stem),
                word,
                stem,
                article,
            ];
            let clusters = [CLUSTERS.of(&info.folded), CLUSTERS.of(&info.folded_stem)];
            memo.insert(t.key(i).to_owned(), (info, classes, clusters));
        }
    }
    let memo = &*memo;
    let mut clusters: Vec<WordClusters> = Vec::with_capacity(seg.len());
    let (infos, classes): (Vec<&TokenInfo>, Vec<[&'static str; 5]>) = seg
        .clone()
        .map(|i| {
            let (info, classes, c) = &memo[t.key(i)];
            clusters.push(*c);
            (info, *classes)
        })
        .unzip();
    let folded: Vec<&str> = infos.iter().map(|i| i.folded.as_str()).collect();
    let reads: Vec<crate::analysis::tokenize::Readings> =
        folded.iter().map(|f| readings(f)).collect();
    let gf = gaz.features_read(
        &folded,
        Some(&reads),
        &[(1, "PER"), (2, "ORG"), (4, "LOC")],
        0,
    );
    let names = gazetteer::PERSON_NAMES.features_read(
        &folded,
        Some(&reads),
        &[(1, "GIVEN"), (2, "SUR")],
        2,
    );
    let places = gazetteer::PLACES.features_read(&folded, Some(&reads), &[(1, "PLACE")], 8);
    let full_names =
        gazetteer::PERSON_FULL_NAMES.features_read(&folded, Some(&reads), &[(1, "FULL")], 22);
    let triggers: Vec<Option<&str>> = reads
        .iter()
        .map(|r| {
            r.iter()
                .find_map(|(_, w)| gazetteer::TRIGGERS.get(*w).copied())
        })
        .collect();
    // The sentence's topic (sport, business), for features that depend on it.
    let topic = reads.iter().flat_map(|r| r.iter()).fold(0u8, |t, (_, w)| {
        t | gazetteer::TOPICS.get(*w).copied().unwrap_or(0)
    });
    let topic_tag = match topic {
        0 => "",
        1 => "S|",
        2 => "B|",
        _ => "SB|",
    };
    let mut extra: Vec<(u8, &str)> = Vec::with_capacity(64);
    (0..infos.len())
        .map(|i| {
            let mut f = Vec::with_capacity(64);
            extra.clear();
            extra.extend(gf[i].iter().chain(&names[i]).copied());
            let [vocab_word, vocab_stem, word, stem, article] = classes[i];
            extra.push((6, vocab_word));
            extra.extend(places[i].iter().chain(&full_names[i]).copied());
            for (off, template) in [(0isize, 10u8), (-1, 11), (-2, 12), (1, 13)] {
                let j = i as isize + off;
                if j >= 0
                    && let Some(Some(class)) = triggers.get(j as usize)
                {
                    extra.push((template, class));
                }
            }
            extra.push((7, vocab_stem));
            // Arabic at large: how common the word and its stem are, and
            // whether the stem is a word that takes the article.
            extra.extend([(14, word), (15, stem)]);
            if !article.is_empty() {
                extra.push((16, article));
            }
            // The names around: «قال محمد ...», «... شياع السوداني».
            if i > 0 {
                extra.extend(
                    names[i - 1]
                        .iter()
                        .filter(|(k, _)| *k == 2)
                        .map(|(_, v)| (4u8, *v)),
                );
            }
            if let Some(next) = names.get(i + 1) {
                extra.extend(next.iter().filter(|(k, _)| *k == 2).map(|(_, v)| (5u8, *v)));
            }
            // Distributional classes (unlabelled text): the word's clusters
            // at three granularities, its stem's, and its neighbours'.
            // (Without a table, none: the model is the one without them.)
            if !CLUSTERS.is_empty() {
                match clusters[i][0] {
                    Some([a, b, c]) => extra.extend([(50, a), (51, b), (52, c)]),
                    None => extra.push((50, "?")),
                }
                if infos[i].folded_stem != infos[i].folded
                    && let Some([_, b, c]) = clusters[i][1]
                {
                    extra.extend([(53, b), (54, c)]);
                }
                let near = |j: Option<usize>, level: usize| match j.and_then(|j| clusters.get(j)) {
                    Some([Some(c), _]) => c[level],
                    Some([None, _]) => "?",
                    None => "<s>",
                };
                extra.push((55, near(i.checked_sub(1), 1)));
                extra.push((56, near(Some(i + 1), 1)));
            }
            // In a sentence on sport or business, the same evidence may
            // mean another type: each template is doubled per topic.
            if topic != 0 {
                extra.push((20, topic_tag));
                for k in 0..extra.len() {
                    let (template, value) = extra[k];
                    if matches!(template, 0 | 2 | 3 | 6 | 7 | 8) {
                        extra.push((100 + template * 4 + topic, value));
                    }
                }
                extra.push((40 + topic, infos[i].shape));
            }
            features(&infos, i, &extra, &mut f);
            f
        })
        .collect()
}
