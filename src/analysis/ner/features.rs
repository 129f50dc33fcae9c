//! Features of a token in its sentence, hashed into a fixed number of
//! buckets (the hashing trick keeps the model a fixed, small size).

use crate::analysis::normalize::fold_key;
use crate::analysis::tokenize::readings;

/// Number of feature buckets (2^18).
pub const BUCKETS: usize = 1 << 18;

/// FNV-1a over a template number and a value.
pub(super) fn bucket(template: u8, value: &str) -> u32 {
    finish(feed(start(template), value))
}

/// [`bucket`] of the parts written one after another, without building
/// the string.
fn bucket_parts(template: u8, parts: &[&str]) -> u32 {
    finish(parts.iter().fold(start(template), |h, p| feed(h, p)))
}

/// The FNV-1a state after the template number.
fn start(template: u8) -> u64 {
    (0xcbf2_9ce4_8422_2325 ^ template as u64).wrapping_mul(0x100_0000_01b3)
}

/// The FNV-1a state `h` after the bytes of `value`.
fn feed(h: u64, value: &str) -> u64 {
    value
        .bytes()
        .fold(h, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
}

fn finish(h: u64) -> u32 {
    (h % BUCKETS as u64) as u32
}

/// The buckets a word gives its neighbours' features, made once per word
/// (see [`features`], which they must match).
#[derive(Clone, Copy)]
pub struct AsNeighbour {
    /// Templates 14 to 17 (the word before, after, two before, two after)
    /// and 18, 19 (the stem before and after).
    single: [u32; 6],
    /// Templates 24 and 25: the last two letters of the word before and
    /// after, when it has more than two.
    suffix: Option<[u32; 2]>,
    /// The hash states of the pair templates 20 and 21 (two words) and 23
    /// (two stems) with this word first: after it and the bar between,
    /// ready for the second word's bytes.
    pair: [u64; 3],
}

impl AsNeighbour {
    fn new(key: &str, stem: &str) -> Self {
        let pair = |template, w: &str| feed(feed(start(template), w), "|");
        AsNeighbour {
            single: [
                bucket(14, key),
                bucket(15, key),
                bucket(16, key),
                bucket(17, key),
                bucket(18, stem),
                bucket(19, stem),
            ],
            suffix: suffix(key, 2).map(|s| [bucket(24, s), bucket(25, s)]),
            pair: [pair(20, key), pair(21, key), pair(23, stem)],
        }
    }
}

/// The Arabic letters (hamza to yeh), all alphabetic: told apart before
/// `char::is_alphabetic`, a slow table search outside ASCII.
const ARABIC_LETTERS: std::ops::RangeInclusive<char> = '\u{621}'..='\u{64a}';

/// What the features of one token need, computed once per word.
pub struct TokenInfo {
    pub key: String,
    pub folded: String,
    pub stem: String,
    pub folded_stem: String,
    pub shape: &'static str,
    /// The buckets of the features of the word alone (its forms, affixes,
    /// shape and inner trigrams), made once per word.
    pub own: Vec<u32>,
    /// The buckets it gives its neighbours' features.
    pub near: AsNeighbour,
}

impl TokenInfo {
    pub fn new(key: &str) -> Self {
        let stem = readings(key).last().map_or(key, |(_, s)| s).to_owned();
        let first = key.chars().next().unwrap_or(' ');
        let shape = if first.is_ascii_digit() {
            "num"
        } else if first.is_ascii_alphabetic() {
            "lat"
        } else if !(ARABIC_LETTERS.contains(&first) || first.is_alphabetic()) {
            "pun"
        } else if key.chars().count() <= 2 {
            "ar-short"
        } else {
            "ar"
        };
        let mut info = TokenInfo {
            near: AsNeighbour::new(key, &stem),
            key: key.to_owned(),
            folded: fold_key(key),
            folded_stem: fold_key(&stem),
            stem,
            shape,
            own: Vec::new(),
        };
        info.own = own_features(&info);
        info
    }
}

/// The features of a word that do not look at its neighbours.
fn own_features(t: &TokenInfo) -> Vec<u32> {
    let mut out = Vec::with_capacity(24);
    out.push(bucket(0, ""));
    out.push(bucket(1, &t.key));
    out.push(bucket(2, &t.folded));
    out.push(bucket(3, &t.stem));
    for n in 1..=3 {
        if let Some(p) = prefix(&t.stem, n) {
            out.push(bucket(4 + n as u8, p));
        }
    }
    for n in 1..=4 {
        if let Some(s) = suffix(&t.key, n) {
            out.push(bucket(8 + n as u8, s));
        }
    }
    out.push(bucket(13, t.shape));
    // The word's first letters: its proclitics (و، ب، ل، ال...).
    for n in 1..=3 {
        if let Some(p) = prefix(&t.key, n) {
            out.push(bucket(40 + n as u8, p));
        }
    }
    // Inner character trigrams of the stem: unseen names share their pieces.
    // Three characters from each char but the last three (ring of starts).
    let len = t.stem.chars().count();
    if len >= 5 {
        let mut starts = [0usize; 4];
        for (n, (b, _)) in t.stem.char_indices().enumerate() {
            if n >= 3 {
                out.push(bucket(30, &t.stem[starts[(n - 3) % 4]..b]));
            }
            starts[n % 4] = b;
        }
    }
    out
}

fn prefix(s: &str, n: usize) -> Option<&str> {
    let end = s.char_indices().nth(n).map(|(i, _)| i)?;
    Some(&s[..end])
}

fn suffix(s: &str, n: usize) -> Option<&str> {
    let count = s.chars().count();
    if count <= n {
        return None;
    }
    let start = s.char_indices().nth(count - n).map(|(i, _)| i)?;
    Some(&s[start..])
}

/// The feature buckets of token `i`, then `extra`: buckets computed
/// elsewhere (lexicons, clusters, see [`extra_bucket`]).
pub fn features(tokens: &[&TokenInfo], i: usize, extra: &[u32], out: &mut Vec<u32>) {
    out.clear();
    let t = &tokens[i];
    let at = |j: isize| -> &TokenInfo {
        let k = i as isize + j;
        match k >= 0 {
            true => tokens.get(k as usize).copied(),
            false => None,
        }
        .unwrap_or(&*EDGE_INFO)
    };
    let (p2, p1, n1, n2) = (at(-2), at(-1), at(1), at(2));
    out.extend_from_slice(&t.own);
    out.push(finish(feed(p1.near.pair[0], &t.key)));
    out.push(finish(feed(t.near.pair[1], &n1.key)));
    out.push(finish(feed(p1.near.pair[2], &t.stem)));
    out.extend([
        p1.near.single[0],
        n1.near.single[1],
        p2.near.single[2],
        n2.near.single[3],
        p1.near.single[4],
        n1.near.single[5],
    ]);
    out.push(bucket_parts(22, &[p1.shape, "|", t.shape, "|", n1.shape]));
    if let Some([b, _]) = p1.near.suffix {
        out.push(b);
    }
    if let Some([_, b]) = n1.near.suffix {
        out.push(b);
    }
    out.extend_from_slice(extra);
}

/// The bucket of an extra feature (template, value) of [`features`].
pub fn extra_bucket(template: u8, value: &str) -> u32 {
    bucket(64 + template, value)
}

/// [`extra_bucket`] of the parts written one after another.
pub fn extra_bucket_parts(template: u8, parts: &[&str]) -> u32 {
    bucket_parts(64 + template, parts)
}

/// A token past either end of the sentence, as its neighbours see it.
static EDGE_INFO: std::sync::LazyLock<TokenInfo> = std::sync::LazyLock::new(|| TokenInfo {
    key: "<s>".into(),
    folded: "<s>".into(),
    stem: "<s>".into(),
    folded_stem: "<s>".into(),
    shape: "<s>",
    own: Vec::new(),
    near: AsNeighbour::new("<s>", "<s>"),
});

/// The genre of a text. Training sees each feature twice: once shared by
/// all genres and once as the genre's own copy ("frustratingly easy domain
/// adaptation", Daumé 2007), so that what holds in encyclopedia text only
/// (AQMAR) does not pull news (ANERcorp) its way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Genre {
    News,
    Encyclopedia,
}

impl Genre {
    pub const ALL: [Genre; 2] = [Genre::News, Genre::Encyclopedia];

    pub fn name(self) -> &'static str {
        match self {
            Genre::News => "news",
            Genre::Encyclopedia => "encyclopedia",
        }
    }

    /// The bucket of the genre's own copy of feature bucket `b`.
    pub fn copy_of(self, b: u32) -> u32 {
        let salt: u64 = match self {
            Genre::News => 0x85eb_ca6b,
            Genre::Encyclopedia => 2 * 0x85eb_ca6b,
        };
        ((b as u64 * 0x9e37_79b9 + salt) % BUCKETS as u64) as u32
    }

    /// Adds the genre's copies of the features of each token.
    pub fn add_copies(self, feats: &mut [Vec<u32>]) {
        for f in feats.iter_mut() {
            let n = f.len();
            for k in 0..n {
                let b = f[k];
                f.push(self.copy_of(b));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_arabic_letters_told_apart_are_alphabetic() {
        let mut letters = super::ARABIC_LETTERS;
        assert!(letters.all(char::is_alphabetic));
    }
}
