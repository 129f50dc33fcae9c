//! Features of a token in its sentence, hashed into a fixed number of
//! buckets (the hashing trick keeps the model a fixed, small size).

use crate::analysis::normalize::fold_key;
use crate::analysis::tokenize::readings;

/// Number of feature buckets (2^18).
pub const BUCKETS: usize = 1 << 18;

/// FNV-1a over a template number and a value.
fn bucket(template: u8, value: &str) -> u32 {
    bucket_parts(template, &[value])
}

/// [`bucket`] of the parts written one after another, without building
/// the string.
fn bucket_parts(template: u8, parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ template as u64;
    h = h.wrapping_mul(0x100_0000_01b3);
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    (h % BUCKETS as u64) as u32
}

/// What the features of one token need, computed once per token.
pub struct TokenInfo {
    pub key: String,
    pub folded: String,
    pub stem: String,
    pub folded_stem: String,
    pub shape: &'static str,
    /// The buckets of the features of the word alone (its forms, affixes,
    /// shape and inner trigrams), made once per word.
    pub own: Vec<u32>,
}

impl TokenInfo {
    pub fn new(key: &str) -> Self {
        let stem = readings(key).last().map_or(key, |(_, s)| s).to_owned();
        let first = key.chars().next().unwrap_or(' ');
        let shape = if first.is_ascii_digit() {
            "num"
        } else if first.is_ascii_alphabetic() {
            "lat"
        } else if !first.is_alphabetic() {
            "pun"
        } else if key.chars().count() <= 2 {
            "ar-short"
        } else {
            "ar"
        };
        let mut info = TokenInfo {
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

/// The feature buckets of token `i`. `extra` adds features computed
/// elsewhere (lexicons), each as (template, value).
pub fn features(tokens: &[&TokenInfo], i: usize, extra: &[(u8, &str)], out: &mut Vec<u32>) {
    out.clear();
    let t = &tokens[i];
    let at = |j: isize| -> Option<&TokenInfo> {
        let k = i as isize + j;
        (k >= 0).then(|| tokens.get(k as usize).copied()).flatten()
    };
    let key = |j: isize| at(j).map_or("<s>", |t| t.key.as_str());
    let stem = |j: isize| at(j).map_or("<s>", |t| t.stem.as_str());
    let shape = |j: isize| at(j).map_or("<s>", |t| t.shape);
    out.extend_from_slice(&t.own);
    out.push(bucket_parts(20, &[key(-1), "|", &t.key]));
    out.push(bucket_parts(21, &[&t.key, "|", key(1)]));
    out.push(bucket_parts(23, &[stem(-1), "|", &t.stem]));
    out.push(bucket(14, key(-1)));
    out.push(bucket(15, key(1)));
    out.push(bucket(16, key(-2)));
    out.push(bucket(17, key(2)));
    out.push(bucket(18, stem(-1)));
    out.push(bucket(19, stem(1)));
    out.push(bucket_parts(22, &[shape(-1), "|", t.shape, "|", shape(1)]));
    if let Some(s) = suffix(key(-1), 2) {
        out.push(bucket(24, s));
    }
    if let Some(s) = suffix(key(1), 2) {
        out.push(bucket(25, s));
    }
    for (template, value) in extra {
        out.push(bucket(64 + template, value));
    }
}

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
