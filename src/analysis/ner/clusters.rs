//! Word clusters: for each folded word of the unlabelled text, the cluster
//! of its skip-gram vector at three granularities ([`LEVELS`]). Words that
//! occur in like contexts share clusters, so a name the labelled corpora
//! never saw still looks like the names they did.
//!
//! The table is kept deflated in `assets/ner/clusters.bin` (made by
//! `marsad clusters` from Arabic Wikipedia and the training corpora's
//! text, see [`build`]); the build inflates it (`build.rs`), so that the
//! binary carries its lines as they are and the recogniser reads them in
//! place through [`CLUSTERS`].

use std::sync::LazyLock;

use super::embedding::{self, Corpus, SkipGram};
use super::table::KeyedLines;
use super::vectors::Vectors;
use crate::analysis::Text;
use crate::analysis::normalize::fold_key;

/// Number of clusters at each granularity, coarse to fine.
pub const LEVELS: [usize; 3] = [64, 256, 1024];

const MAGIC: &[u8; 8] = b"MRSDCLU1";

/// The lines of `assets/ner/clusters.bin`, inflated by the build.
const SHIPPED_LINES: &str = include_str!(concat!(env!("OUT_DIR"), "/clusters.tsv"));
/// Their index, made by `build.rs`.
const SHIPPED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.idx"));

/// The table compiled into the binary, read in place (inflating it took 12
/// ms of each start).
pub static CLUSTERS: LazyLock<Clusters> = LazyLock::new(Clusters::shipped);

/// Folded word -> its cluster at each level.
pub struct Clusters {
    /// `word<TAB>id<TAB>id<TAB>id` lines.
    table: KeyedLines,
    /// Each level's ids as text, for the features.
    names: [Vec<String>; 3],
}

impl Default for Clusters {
    fn default() -> Self {
        Clusters::from_rows(Vec::new())
    }
}

/// The ids of a table line's value (`id<TAB>id<TAB>id`), each below its
/// level's number of clusters.
fn ids_of(value: &str) -> Option<[u16; 3]> {
    // Read by hand: the table's 90,000 lines are checked when it loads.
    let mut parts = value.as_bytes().split(|&b| b == b'\t');
    let mut ids = [0u16; 3];
    for (l, id) in ids.iter_mut().enumerate() {
        let digits = parts.next()?;
        if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let n = digits
            .iter()
            .fold(0usize, |n, &d| n * 10 + usize::from(d - b'0'));
        if n >= LEVELS[l] {
            return None;
        }
        *id = n as u16;
    }
    parts.next().is_none().then_some(ids)
}

impl Clusters {
    /// See [`KeyedLines::touch`].
    pub fn touch(&self, h: u64) -> u8 {
        self.table.touch(h)
    }

    /// The cluster ids of `folded` (a folded key), as the features name
    /// them, coarse to fine.
    pub fn of(&self, folded: &str) -> Option<[&str; 3]> {
        let ids = ids_of(self.table.get(folded)?)?;
        Some([0, 1, 2].map(|l| self.names[l][ids[l] as usize].as_str()))
    }

    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    fn from_rows(mut rows: Vec<(String, [u16; 3])>) -> Clusters {
        rows.sort();
        rows.dedup_by(|a, b| a.0 == b.0);
        let text: String = rows
            .iter()
            .map(|(w, [a, b, c])| format!("{w}\t{a}\t{b}\t{c}\n"))
            .collect();
        Clusters::from_table(
            KeyedLines::new(text).expect("rows without a repeated word make a table"),
        )
    }

    fn from_table(table: KeyedLines) -> Clusters {
        let names = [0, 1, 2].map(|l| (0..LEVELS[l]).map(|i| i.to_string()).collect());
        Clusters { table, names }
    }

    /// The file: a magic number, then `word<TAB>id<TAB>id<TAB>id` lines
    /// sorted by word, deflated.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(&str, &str)> = self.table.iter().collect();
        rows.sort();
        let text: String = rows
            .iter()
            .map(|(w, ids)| format!("{w}\t{ids}\n"))
            .collect();
        let mut out = MAGIC.to_vec();
        out.extend(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 9));
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, String> {
        if bytes.len() < 8 || &bytes[..8] != MAGIC {
            return Err("not a Marsad cluster file".into());
        }
        let raw = miniz_oxide::inflate::decompress_to_vec(&bytes[8..])
            .map_err(|e| format!("damaged cluster file: {e:?}"))?;
        let text = String::from_utf8(raw).map_err(|_| "damaged cluster file")?;
        let table = KeyedLines::new(text).map_err(|e| format!("damaged cluster file: {e}"))?;
        if table.iter().any(|(_, ids)| ids_of(ids).is_none()) {
            return Err("damaged cluster file".into());
        }
        Ok(Clusters::from_table(table))
    }

    /// The table compiled into the binary ([`CLUSTERS`] loads it once),
    /// read in place through the index the build made of it. Its ids are
    /// not checked line by line at each start, as a file's are: a test
    /// checks that they are the committed file's, which
    /// [`Clusters::from_bytes`] checks.
    pub fn shipped() -> Clusters {
        Clusters::from_table(KeyedLines::indexed(SHIPPED_LINES, SHIPPED_INDEX))
    }
}

/// The sentences of `text` (a paragraph a line) as the recogniser sees its
/// words: tokens folded, numbers as «0», punctuation left out.
pub fn sentences_of(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let t = Text::new(line);
            (0..t.tokens.len())
                .filter_map(|i| {
                    if t.is_number(i) {
                        Some("0".to_owned())
                    } else if t.is_word(i) {
                        Some(fold_key(t.key(i)))
                    } else {
                        None
                    }
                })
                .collect()
        })
        .collect()
}

/// The cluster table of `sentences`: skip-gram vectors (`p`), then
/// spherical k-means at each of [`LEVELS`]; and the vectors themselves, of
/// unit length. `say` hears what is being done.
pub fn build(
    sentences: &[Vec<String>],
    p: &SkipGram,
    mut say: impl FnMut(&str),
) -> (Clusters, Vectors) {
    let corpus = Corpus::new(sentences, p.min_count);
    say(&format!(
        "{} words kept of {} sentences",
        corpus.words.len(),
        corpus.sentences.len()
    ));
    let mut vectors = embedding::train(&corpus, p, |e| say(&format!("epoch {} done", e + 1)));
    embedding::normalise(&mut vectors, p.dim);
    let levels: Vec<Vec<u32>> = LEVELS
        .iter()
        .map(|&k| {
            let ids = embedding::kmeans(&vectors, p.dim, k, 15);
            say(&format!("{k} clusters done"));
            ids
        })
        .collect();
    let rows = corpus
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| (w.clone(), [0, 1, 2].map(|l| levels[l][i] as u16)))
        .collect();
    (
        Clusters::from_rows(rows),
        Vectors::from_f32(&corpus.words, &vectors, p.dim),
    )
}

/// The bytes of a gzip file (one member, as `gzip` writes it).
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if bytes.len() < 18 || bytes[..2] != [0x1f, 0x8b] || bytes[2] != 8 {
        return Err("not a gzip file".into());
    }
    let flags = bytes[3];
    let mut at = 10;
    if flags & 4 != 0 {
        let n = u16::from_le_bytes([bytes[at], bytes[at + 1]]) as usize;
        at += 2 + n;
    }
    for bit in [8, 16] {
        if flags & bit != 0 {
            at += bytes
                .get(at..)
                .and_then(|r| r.iter().position(|&b| b == 0))
                .ok_or("damaged gzip header")?
                + 1;
        }
    }
    if flags & 2 != 0 {
        at += 2;
    }
    let data = miniz_oxide::inflate::decompress_to_vec(bytes.get(at..).ok_or("damaged gzip")?)
        .map_err(|e| format!("damaged gzip: {e:?}"))?;
    let size = u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().unwrap());
    if data.len() as u32 != size {
        return Err("a gzip file of several members, or damaged".into());
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_written_reads_back_and_a_damaged_one_is_refused() {
        let c = Clusters::from_rows(vec![
            ("بغداد".into(), [3, 200, 1000]),
            ("دمشق".into(), [3, 200, 7]),
        ]);
        let back = Clusters::from_bytes(&c.to_bytes()).unwrap();
        assert_eq!(back.of("بغداد"), Some(["3", "200", "1000"]));
        assert_eq!(back.of("دمشق"), Some(["3", "200", "7"]));
        assert_eq!(back.of("القاهره"), None);
        assert!(Clusters::from_bytes(b"MRSDCLU1junk").is_err());
        let twice = miniz_oxide::deflate::compress_to_vec("ا\t1\t2\t3\nا\t1\t2\t3\n".as_bytes(), 9);
        assert!(Clusters::from_bytes(&[&MAGIC[..], &twice].concat()).is_err());
        let too_big = miniz_oxide::deflate::compress_to_vec("ب\t64\t2\t3\n".as_bytes(), 9);
        assert!(Clusters::from_bytes(&[&MAGIC[..], &too_big].concat()).is_err());
        assert!(Clusters::from_bytes(b"").is_err());
    }

    /// The lines the build inflated are the committed file's.
    #[test]
    fn the_lines_read_in_place_are_the_committed_file() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let file = std::fs::read(root.join("assets/ner/clusters.bin")).unwrap();
        let from_file = Clusters::from_bytes(&file).unwrap();
        assert_eq!(from_file.to_bytes(), file);
        assert_eq!(CLUSTERS.to_bytes(), file);
    }

    #[test]
    fn the_index_the_build_made_finds_every_word() {
        crate::analysis::ner::table::tests::assert_indexed_like_built(SHIPPED_LINES, SHIPPED_INDEX);
    }

    #[test]
    fn the_shipped_table_loads() {
        assert!(CLUSTERS.len() > 90_000, "{} words", CLUSTERS.len());
        assert!(CLUSTERS.of(&fold_key("بغداد")).is_some());
    }

    #[test]
    fn corpus_lines_become_folded_words() {
        let s = sentences_of("قال الرئيس، في 2019: «نعم».\n\nوصل الوفد");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0], ["قال", "الرئيس", "في", "0", "نعم"].map(fold_key));
    }
}
