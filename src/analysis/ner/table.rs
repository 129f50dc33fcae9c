//! A read-only table of `key<TAB>value` lines, as the word lists ship: a
//! hash table of where each line's key and value lie in the text, so that
//! loading a list of 200,000 words allocates nothing per word.

use std::borrow::Cow;
use std::hash::Hasher;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

use super::line_index;

#[derive(Clone, Debug)]
pub struct KeyedLines {
    text: Cow<'static, str>,
    lines: Lines,
}

#[derive(Clone, Debug)]
enum Lines {
    /// Each line's key and value, as byte ranges of the text.
    Built(HashTable<[u32; 4]>),
    /// The index `build.rs` made of a shipped table ([`line_index`]).
    Indexed(&'static [u8]),
}

/// The key of a line's ranges.
fn key_of<'t>(text: &'t str, r: &[u32; 4]) -> &'t str {
    &text[r[0] as usize..r[1] as usize]
}

/// The hash of a key (FxHash of its bytes), for tables of borrowed keys.
pub fn hash(key: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write(key.as_bytes());
    h.finish()
}

/// Calls `row` with each `key<TAB>value` line of `text` (empty lines
/// skipped) as the byte offsets of where it starts, its tab and its end,
/// and stops at its first error; a line without a tab is an error. The tab
/// and the newline are ASCII, so the offsets fall on character boundaries.
pub fn for_each_row(
    text: &str,
    mut row: impl FnMut(usize, usize, usize) -> Result<(), String>,
) -> Result<(), String> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |p| start + p);
        if end > start {
            let Some(tab) = memchr::memchr(b'\t', &bytes[start..end]) else {
                return Err(format!("a line without a tab: {:?}", &text[start..end]));
            };
            row(start, start + tab, end)?;
        }
        start = end + 1;
    }
    Ok(())
}

impl KeyedLines {
    /// The table of `text`; refused when a line has no tab, or a key comes
    /// twice.
    pub fn new(text: impl Into<Cow<'static, str>>) -> Result<KeyedLines, String> {
        let text = text.into();
        if text.len() >= u32::MAX as usize {
            return Err("table too large".into());
        }
        let mut lines = HashTable::with_capacity(text.len() / 16);
        for_each_row(&text, |start, tab, end| {
            let key = &text[start..tab];
            let range = [start, tab, tab + 1, end].map(|x| x as u32);
            let entry = lines.entry(
                hash(key),
                |r: &[u32; 4]| key_of(&text, r) == key,
                |r: &[u32; 4]| hash(key_of(&text, r)),
            );
            match entry {
                hashbrown::hash_table::Entry::Occupied(_) => Err(format!("{key:?} comes twice")),
                hashbrown::hash_table::Entry::Vacant(v) => {
                    v.insert(range);
                    Ok(())
                }
            }
        })?;
        Ok(KeyedLines {
            text,
            lines: Lines::Built(lines),
        })
    }

    /// A shipped table with the index `build.rs` made of it
    /// ([`line_index::build`]): nothing is built or checked at start (a
    /// test compares each shipped table with [`KeyedLines::new`] of it).
    pub fn indexed(text: &'static str, index: &'static [u8]) -> KeyedLines {
        KeyedLines {
            text: Cow::Borrowed(text),
            lines: Lines::Indexed(index),
        }
    }

    /// Brings the line of a key whose [`line_index::hash`] is `h` into the
    /// cache, for a shipped table ([`line_index::touch`]); returns a byte
    /// of it.
    pub fn touch(&self, h: u64) -> u8 {
        match &self.lines {
            Lines::Built(_) => 0,
            Lines::Indexed(index) => line_index::touch(&self.text, index, h),
        }
    }

    /// The value of `key` (what follows its tab).
    pub fn get(&self, key: &str) -> Option<&str> {
        match &self.lines {
            Lines::Built(lines) => {
                let r = lines.find(hash(key), |r| key_of(&self.text, r) == key)?;
                Some(&self.text[r[2] as usize..r[3] as usize])
            }
            Lines::Indexed(index) => {
                let start = line_index::find(&self.text, index, key)? + key.len() + 1;
                let rest = &self.text[start..];
                Some(&rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())])
            }
        }
    }

    /// The (key, value) lines, in no order.
    pub fn iter(&self) -> Box<dyn Iterator<Item = (&str, &str)> + '_> {
        match &self.lines {
            Lines::Built(lines) => Box::new(lines.iter().map(|r| {
                (
                    key_of(&self.text, r),
                    &self.text[r[2] as usize..r[3] as usize],
                )
            })),
            Lines::Indexed(_) => Box::new(
                self.text
                    .lines()
                    .filter(|l| !l.is_empty())
                    .map(|l| l.split_once('\t').unwrap_or((l, ""))),
            ),
        }
    }

    pub fn len(&self) -> usize {
        match &self.lines {
            Lines::Built(lines) => lines.len(),
            Lines::Indexed(index) => line_index::lines(index),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_and_no_other() {
        let t = KeyedLines::new("ب\t2\nا\t1\nبا\t3 4\nت\t\n").unwrap();
        assert_eq!(t.len(), 4);
        assert_eq!(t.get("ا"), Some("1"));
        assert_eq!(t.get("با"), Some("3 4"));
        assert_eq!(t.get("ت"), Some(""));
        assert_eq!(t.get("ث"), None);
        assert_eq!(t.get(""), None);
        assert_eq!(t.get("ب\t2"), None);
        let mut keys: Vec<&str> = t.iter().map(|(k, _)| k).collect();
        keys.sort();
        assert_eq!(keys, ["ا", "ب", "با", "ت"]);
        assert!(KeyedLines::new("").unwrap().is_empty());
    }

    #[test]
    fn a_key_twice_or_a_line_without_a_tab_is_refused() {
        assert!(KeyedLines::new("ا\t1\nا\t2\n").is_err());
        assert!(KeyedLines::new("ا 1\n").is_err());
        assert!(line_index::build("ا\t1\nا\t2\n").is_err());
        assert!(line_index::build("ا 1\n").is_err());
        // A slot holds a line's offset in 24 bits: a longer table is refused
        // when the binary is built, not misread.
        let long = "a\t1\n".repeat((1 << 22) + 1);
        let e = line_index::build(&long).unwrap_err();
        assert!(e.contains("too large"), "{e}");
    }

    /// Every line of `text` is found through its index as through a built
    /// table, and keys that are not there are not.
    pub(in crate::analysis::ner) fn assert_indexed_like_built(
        text: &'static str,
        index: &'static [u8],
    ) {
        let built = KeyedLines::new(text).unwrap();
        let indexed = KeyedLines::indexed(text, index);
        assert_eq!(indexed.len(), built.len());
        for (key, value) in built.iter() {
            assert_eq!(indexed.get(key), Some(value), "{key:?}");
            let longer = format!("{key}x");
            assert_eq!(indexed.get(&longer), built.get(&longer));
            let shorter = &key[..key.char_indices().last().map_or(0, |(i, _)| i)];
            assert_eq!(indexed.get(shorter), built.get(shorter));
        }
        let mut a: Vec<_> = indexed.iter().collect();
        let mut b: Vec<_> = built.iter().collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    #[test]
    fn touching_a_table_reads_a_line_start_and_never_goes_past_it() {
        // Any hash (the key's own, or none of the table's) reads the first
        // byte of a line or nothing; a built table and a damaged index
        // read nothing.
        let text = "ب\t2\n\nا\t1\nبا\t3 4\nت\t\nx\ty\n";
        let index: &'static [u8] = Box::leak(line_index::build(text).unwrap().into_boxed_slice());
        let t = KeyedLines::indexed(text, index);
        let starts: Vec<u8> = text.lines().filter_map(|l| l.bytes().next()).collect();
        assert_eq!(t.touch(line_index::hash("x".as_bytes())), b'x');
        let mut h = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..10_000 {
            h = h.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let b = t.touch(h);
            assert!(b == 0 || starts.contains(&b), "{h:x}: {b}");
        }
        assert_eq!(KeyedLines::new(text).unwrap().touch(h), 0);
        assert_eq!(KeyedLines::indexed(text, &[1, 0, 0, 0, 9]).touch(h), 0);
        assert_eq!(KeyedLines::indexed("", &[]).touch(h), 0);
    }

    #[test]
    fn an_index_finds_what_the_built_table_finds() {
        let text = "ب\t2\n\nا\t1\nبا\t3 4\nت\t\nx\ty\n";
        let index: &'static [u8] = Box::leak(line_index::build(text).unwrap().into_boxed_slice());
        assert_indexed_like_built(text, index);
        let t = KeyedLines::indexed(text, index);
        assert_eq!(t.get("ث"), None);
        assert_eq!(t.get(""), None);
        assert_eq!(t.get("با"), Some("3 4"));
        let empty: &'static [u8] = Box::leak(line_index::build("").unwrap().into_boxed_slice());
        assert!(KeyedLines::indexed("", empty).is_empty());
        assert_eq!(KeyedLines::indexed("", empty).get("ا"), None);
    }
}
