//! What the other occurrences of a word in the document say of it
//! ("context aggregation", Ratinov and Roth 2009): a name that follows
//! «الرئيس» in one sentence and «قال» in another is likely a person in a
//! third sentence where nothing around it tells. Before the runs are
//! tagged, one pass over the document gathers, for each folded word, the
//! trigger classes ([`super::gazetteer::TRIGGERS`]) of the words just
//! before and just after each of its occurrences; each token of the word
//! then has them as features ([`features`]). Training makes them the same
//! way over documents of [`TRAINING_DOCUMENT`] gold sentences.

use super::features::extra_bucket;
use super::gazetteer::TRIGGERS;
use crate::analysis::normalize::fold_key;
use crate::analysis::tokenize::readings;

/// The trigger classes, in the order of their bits.
pub const CLASSES: [&str; 5] = ["org", "title", "speech", "place", "kin"];
const K: usize = CLASSES.len();

/// How many gold sentences, in the corpus's order, training reads as one
/// document: about a sixth of ANERcorp, as the cross-validation scores
/// each sixth as one document.
pub const TRAINING_DOCUMENT: usize = 662;

/// The trigger class of a folded word: of its first reading that is a
/// trigger.
pub fn class_of(folded: &str) -> Option<u8> {
    readings(folded)
        .iter()
        .find_map(|(_, w)| TRIGGERS.get(*w))
        .and_then(|c| CLASSES.iter().position(|x| x == c))
        .map(|k| k as u8)
}

/// For each token of a document (`None` for a token that is not a word,
/// or its key), the classes of the words just before (bits 0 to 4) and
/// just after (bits 5 to 9) every occurrence of a word of its folded key;
/// 0 for a token that is not a word.
pub fn aggregate<'a>(keys: impl IntoIterator<Item = Option<&'a str>>) -> Vec<u16> {
    // Each token's word by its folded key (none: u32::MAX), the keys met
    // once folded; each word's class.
    let mut by_key: rustc_hash::FxHashMap<&str, u32> = Default::default();
    let mut by_folded: rustc_hash::FxHashMap<String, u32> = Default::default();
    let mut class: Vec<Option<u8>> = Vec::new();
    let word: Vec<u32> = keys
        .into_iter()
        .map(|key| {
            let Some(key) = key else {
                return u32::MAX;
            };
            if let Some(&w) = by_key.get(key) {
                return w;
            }
            let folded = fold_key(key);
            let w = match folded.is_empty() {
                true => u32::MAX,
                false => {
                    let next = class.len() as u32;
                    *by_folded.entry(folded).or_insert_with_key(|f| {
                        class.push(class_of(f));
                        next
                    })
                }
            };
            by_key.insert(key, w);
            w
        })
        .collect();
    let class_at = |i: usize| {
        word.get(i)
            .filter(|&&w| w != u32::MAX)
            .and_then(|&w| class[w as usize])
    };
    let mut bits = vec![0u16; class.len()];
    for (i, &w) in word.iter().enumerate() {
        if w == u32::MAX {
            continue;
        }
        if let Some(c) = i.checked_sub(1).and_then(class_at) {
            bits[w as usize] |= 1 << c;
        }
        if let Some(c) = class_at(i + 1) {
            bits[w as usize] |= 1 << (K as u8 + c);
        }
    }
    word.iter()
        .map(|&w| match w {
            u32::MAX => 0,
            w => bits[w as usize],
        })
        .collect()
}

/// The (template, value) features of a token's bits ([`aggregate`]).
pub fn features(bits: u16) -> impl Iterator<Item = (u8, &'static str)> {
    (0..2 * K)
        .filter(move |b| bits >> b & 1 == 1)
        .map(|b| (70 + (b / K) as u8, CLASSES[b % K]))
}

/// The buckets of [`features`] ([`extra_bucket`]), each bit's hashed once.
pub fn buckets(bits: u16) -> impl Iterator<Item = u32> {
    static EACH: std::sync::LazyLock<[u32; 2 * K]> = std::sync::LazyLock::new(|| {
        std::array::from_fn(|b| {
            let (template, value) = features(1 << b).next().expect("one bit, one feature");
            extra_bucket(template, value)
        })
    });
    let each = &*EACH;
    (0..2 * K)
        .filter(move |b| bits >> b & 1 == 1)
        .map(move |b| each[b])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Text;

    /// The bits of each token of `text` whose key is `word`'s.
    fn bits_of(text: &str, word: &str) -> Vec<u16> {
        let (t, w) = (Text::new(text), Text::new(word));
        let bits = aggregate((0..t.tokens.len()).map(|i| t.is_word(i).then(|| t.key(i))));
        (0..t.tokens.len())
            .filter(|&i| t.key(i) == w.key(0))
            .map(|i| bits[i])
            .collect()
    }

    fn bit(class: &str) -> u16 {
        1 << CLASSES.iter().position(|&c| c == class).unwrap()
    }

    /// A name seen after a title and before a speech verb carries both
    /// wherever it comes, also in a sentence where nothing is around it.
    #[test]
    fn a_word_carries_the_contexts_of_its_other_occurrences() {
        let carter = bits_of(
            "وصل الرئيس كارتر أمس .\nكارتر قال إن السلام ممكن .\nذهب كارتر إلى البيت .",
            "كارتر",
        );
        assert_eq!(carter.len(), 3);
        let (title_before, speech_after) = (bit("title"), bit("speech") << K);
        assert!(
            carter.iter().all(|&b| b == title_before | speech_after),
            "{carter:?}"
        );
        let third: Vec<_> = features(carter[2]).collect();
        assert_eq!(third, [(70, "title"), (71, "speech")]);
        let hashed: Vec<_> = buckets(carter[2]).collect();
        assert_eq!(
            hashed,
            [extra_bucket(70, "title"), extra_bucket(71, "speech")]
        );
    }

    /// A word no trigger stands beside has no bits, and neither have
    /// punctuation and numbers.
    #[test]
    fn words_away_from_triggers_have_nothing() {
        let text = "ذهب الولد إلى البيت ، 2019 .";
        for w in text.split(' ') {
            assert!(bits_of(text, w).iter().all(|&b| b == 0), "{w}");
        }
        assert_eq!(features(0).count(), 0);
    }

    /// Occurrences are gathered by folded key: «أحمد» and «احمد» are one
    /// word.
    #[test]
    fn spellings_that_fold_alike_share_their_contexts() {
        let text = "الرئيس أحمد وصل .\nنام احمد .";
        let (a, b) = (bits_of(text, "أحمد"), bits_of(text, "احمد"));
        assert!(!a.is_empty() && !b.is_empty());
        assert!(
            a.iter().chain(&b).all(|&x| x == bit("title")),
            "{a:?} {b:?}"
        );
    }
}
