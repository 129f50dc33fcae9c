//! How common a word is in Arabic at large: wordfreq's Arabic list (see
//! `data/lexicons/README.md`), folded to matching keys.
//!
//! Arabic has no capitals; the nearest substitute is knowing the language's
//! common words. A word the list lacks, or a rare one, is more likely a
//! name; a word whose form with the article ال is far more common than the
//! bare form is a common noun or adjective (names take no article).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::table::KeyedLines;
use crate::analysis::normalize::fold_key_into;

/// wordfreq's list as shipped in `data/lexicons/`, gzip-compressed: lines of
/// `word<TAB>bin`, where the bin is the frequency in centibels below one
/// (bin 300: once in 10^3 words). The binary carries the table made from it
/// ([`derive_table`]), not the list.
pub const LIST: &str = "data/lexicons/word-frequency-ar.tsv.gz";

/// Where the table made from [`LIST`] is kept, and the table.
pub const TABLE_PATH: &str = "assets/ner/word-frequency.tsv";
const TABLE: &str = include_str!("../../../assets/ner/word-frequency.tsv");
/// Its index, made by `build.rs`.
const INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word-frequency.idx"));

/// Folded word to its best frequency bin.
pub struct WordFrequency {
    table: KeyedLines,
}

impl WordFrequency {
    /// See [`KeyedLines::touch`].
    pub fn touch(&self, h: u64) -> u8 {
        self.table.touch(h)
    }

    /// The table the binary carries, read in place through the index the
    /// build made of it.
    pub fn embedded() -> Self {
        WordFrequency {
            table: KeyedLines::indexed(TABLE, INDEX),
        }
    }

    /// The frequency bin of a folded word (smaller is more common).
    pub fn bin(&self, folded: &str) -> Option<u16> {
        self.table.get(folded)?.parse().ok()
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }
}

/// The list, loaded on first use.
pub static WORD_FREQUENCY: LazyLock<WordFrequency> = LazyLock::new(WordFrequency::embedded);

/// The table the binary carries, made from the gzip-compressed list: each
/// word folded to its key ([`crate::analysis::normalize::fold_key`]), the
/// best bin of the words that fold alike, `key<TAB>bin` lines sorted by
/// key. A test checks that the table shipped is this one.
pub fn derive_table(list_gz: &[u8]) -> Result<String, String> {
    let text = super::clusters::gunzip(list_gz)?;
    let text = String::from_utf8(text).map_err(|_| "the list is not UTF-8")?;
    let mut bins: BTreeMap<String, u16> = BTreeMap::new();
    let mut key = String::new();
    for line in text.lines() {
        let Some((word, bin)) = line.split_once('\t') else {
            continue;
        };
        let Ok(bin) = bin.parse::<u16>() else {
            continue;
        };
        key.clear();
        fold_key_into(word, &mut key);
        if key.is_empty() || key.contains(['\t', '\n']) {
            continue;
        }
        let b = bins.entry(key.clone()).or_insert(bin);
        *b = (*b).min(bin);
    }
    Ok(bins.iter().map(|(k, b)| format!("{k}\t{b}\n")).collect())
}

/// A coarse class of a bin, for features.
pub fn bin_class(bin: Option<u16>) -> &'static str {
    match bin {
        None => "absent",
        Some(b) if b < 350 => "f3",
        Some(b) if b < 450 => "f4",
        Some(b) if b < 550 => "f5",
        Some(b) if b < 650 => "f6",
        Some(b) if b < 750 => "f7",
        Some(_) => "f8",
    }
}

/// The classes of a token for features: of the word, of its stem (folded,
/// proclitics off), and how the stem's form with the article ال compares
/// with its bare form (see [`article_class`]; empty for a stem under two
/// letters).
pub fn classes(folded: &str, stem: &str) -> [&'static str; 3] {
    classes_with(folded, stem, article_form(stem))
}

/// [`classes`] given the stem's [`article_form`], made beforehand.
pub fn classes_with(
    folded: &str,
    stem: &str,
    article_form: Option<(Cow<'_, str>, bool)>,
) -> [&'static str; 3] {
    let f = &*WORD_FREQUENCY;
    let word = f.bin(folded);
    let of_stem = if stem == folded { word } else { f.bin(stem) };
    let article = match article_form {
        Some((bare, false)) => article_class(f.bin(&bare), of_stem),
        Some((with, true)) => article_class(of_stem, f.bin(&with)),
        None => "",
    };
    [bin_class(word), bin_class(of_stem), article]
}

/// The other form of a stem that [`classes`] compares it with: without
/// its article ال (false), or with it (true); none for a stem, or a bare
/// form, under two letters.
pub fn article_form(stem: &str) -> Option<(Cow<'_, str>, bool)> {
    match stem.strip_prefix("ال") {
        Some(bare) if bare.chars().count() >= 2 => Some((Cow::Borrowed(bare), false)),
        Some(_) => None,
        None if stem.chars().count() >= 2 => {
            let mut with = String::with_capacity(stem.len() + 4);
            with.push_str("ال");
            with.push_str(stem);
            Some((Cow::Owned(with), true))
        }
        None => None,
    }
}

/// How the form with the article (bin `with`) compares with the bare form
/// (bin `bare`): "al>>" when the article form is much more common, "al<<"
/// when the bare form is, "al=" when close, "noal" when the list has only
/// the bare form, "onlyal" only the article form, "none" neither.
pub fn article_class(bare: Option<u16>, with: Option<u16>) -> &'static str {
    match (bare, with) {
        (None, None) => "none",
        (None, Some(_)) => "onlyal",
        (Some(_), None) => "noal",
        (Some(b), Some(a)) => {
            let d = b as i32 - a as i32; // > 0: the article form is more common
            if d > 60 {
                "al>>"
            } else if d > 15 {
                "al>"
            } else if d >= -15 {
                "al="
            } else if d >= -60 {
                "al<"
            } else {
                "al<<"
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::fold_key;

    /// The table shipped is the one made from the list. After the list or
    /// the folding changes, `MARSAD_BLESS=1 cargo test --release
    /// the_shipped_table_is_made_from_the_list` writes it anew.
    #[test]
    fn the_shipped_table_is_made_from_the_list() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let list = std::fs::read(root.join(LIST)).unwrap();
        let table = derive_table(&list).unwrap();
        if std::env::var_os("MARSAD_BLESS").is_some() {
            std::fs::write(root.join(TABLE_PATH), &table).unwrap();
        }
        assert!(
            table == TABLE,
            "{TABLE_PATH} is not made from {LIST}: bless it"
        );
    }

    #[test]
    fn the_index_the_build_made_finds_every_word() {
        crate::analysis::ner::table::tests::assert_indexed_like_built(TABLE, INDEX);
    }

    #[test]
    fn the_list_loads_and_knows_common_words() {
        let f = &*WORD_FREQUENCY;
        assert!(f.len() > 150_000, "{} words", f.len());
        let common = f.bin(&fold_key("قال")).expect("قال is listed");
        let rare = f.bin(&fold_key("عرفات")).expect("عرفات is listed");
        assert!(common < rare);
        assert_eq!(f.bin("zzzzqqqq"), None);
    }

    #[test]
    fn common_nouns_take_the_article_names_do_not() {
        // حكومة is far more common as الحكومة; بوش (a name) is not.
        let article = |w: &str| classes(&fold_key(w), &fold_key(w))[2];
        assert!(article("حكومة").starts_with("al>"));
        assert!(article("الحكومة").starts_with("al>"));
        assert!(matches!(article("بوش"), "al<<" | "al<" | "noal"));
    }
}
