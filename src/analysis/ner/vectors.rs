//! Word vectors: the skip-gram vector of each folded word of the unlabelled
//! text, as the LSTM ([`super::lstm`]) reads them. They are
//! the vectors the word clusters ([`super::clusters`]) are cut from, made by
//! the same run of `marsad clusters`, and ship beside them
//! (`assets/ner/vectors.bin`).
//!
//! Each vector is stored as 8-bit integers times a scale of its own; the
//! file is read in place, so loading copies nothing but the scales.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::table::KeyedLines;

const MAGIC: &[u8; 8] = b"MRSDVEC1";

/// The vectors compiled into the binary.
pub static VECTORS: LazyLock<Vectors> = LazyLock::new(|| Vectors::shipped().unwrap_or_default());

/// The file compiled into the binary.
const SHIPPED: &[u8] = include_bytes!("../../../assets/ner/vectors.bin");
/// Its words, copied out of it by `build.rs` (checked UTF-8 there), and
/// their index.
const SHIPPED_WORDS: &str = include_str!(concat!(env!("OUT_DIR"), "/vectors.tsv"));
const SHIPPED_INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/vectors.idx"));

/// Folded word -> its vector.
pub struct Vectors {
    pub dim: usize,
    /// `word<TAB>row` lines.
    table: KeyedLines,
    /// `dim` signed bytes a row.
    values: Cow<'static, [u8]>,
    scales: Vec<f32>,
}

impl Default for Vectors {
    fn default() -> Self {
        Vectors {
            dim: 0,
            table: KeyedLines::new("").expect("an empty table"),
            values: Cow::Borrowed(&[]),
            scales: Vec::new(),
        }
    }
}

fn cut<'a>(bytes: &'a [u8], at: &mut usize, n: usize) -> Result<&'a [u8], String> {
    let part = bytes
        .get(*at..at.saturating_add(n))
        .ok_or("damaged vector file: cut short")?;
    *at += n;
    Ok(part)
}

fn u32_at(bytes: &[u8], at: &mut usize) -> Result<usize, String> {
    Ok(u32::from_le_bytes(cut(bytes, at, 4)?.try_into().unwrap()) as usize)
}

impl Vectors {
    /// The row of `folded` (a folded key).
    pub fn row(&self, folded: &str) -> Option<u32> {
        self.table.get(folded)?.parse().ok()
    }

    /// Row `row`'s vector, written to `out` (`dim` long).
    pub fn vector_into(&self, row: u32, out: &mut [f32]) {
        let scale = self.scales[row as usize];
        let values = &self.values[row as usize * self.dim..][..self.dim];
        for (o, &v) in out.iter_mut().zip(values) {
            *o = v as i8 as f32 * scale;
        }
    }

    /// Each word and its row.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.table
            .iter()
            .filter_map(|(w, r)| Some((w, r.parse().ok()?)))
    }

    pub fn len(&self) -> usize {
        self.scales.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scales.is_empty()
    }

    /// Quantises `vectors` (`words.len()` rows of `dim`).
    pub fn from_f32(words: &[String], vectors: &[f32], dim: usize) -> Vectors {
        let text: String = words
            .iter()
            .enumerate()
            .map(|(i, w)| format!("{w}\t{i}\n"))
            .collect();
        let mut values = Vec::with_capacity(vectors.len());
        let mut scales = Vec::with_capacity(words.len());
        for v in vectors.chunks_exact(dim) {
            let max = v.iter().fold(0.0f32, |m, x| m.max(x.abs()));
            let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
            scales.push(scale);
            values.extend(
                v.iter()
                    .map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8 as u8),
            );
        }
        Vectors {
            dim,
            table: KeyedLines::new(text).expect("distinct words make a table"),
            values: Cow::Owned(values),
            scales,
        }
    }

    /// The file: a magic number, the dimension, the number of rows, the
    /// `word<TAB>row` lines behind their length, the rows' bytes, then each
    /// row's scale.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut rows: Vec<(&str, usize)> = self
            .table
            .iter()
            .map(|(w, r)| (w, r.parse().expect("rows are numbers")))
            .collect();
        rows.sort_by_key(|&(_, r)| r);
        let text: String = rows.iter().map(|(w, r)| format!("{w}\t{r}\n")).collect();
        let mut out = MAGIC.to_vec();
        for n in [self.dim, self.len(), text.len()] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        out.extend_from_slice(text.as_bytes());
        out.extend_from_slice(&self.values);
        for s in &self.scales {
            out.extend_from_slice(&s.to_le_bytes());
        }
        out
    }

    /// Reads a file [`Vectors::to_bytes`] wrote, in place.
    pub fn from_static(bytes: &'static [u8]) -> Result<Vectors, String> {
        let (dim, count, text, values, scales) = parts(bytes)?;
        let text =
            std::str::from_utf8(text).map_err(|_| "damaged vector file: words are not UTF-8")?;
        let table = KeyedLines::new(text).map_err(|e| format!("damaged vector file: {e}"))?;
        if table.len() != count
            || table
                .iter()
                .any(|(_, r)| r.parse::<usize>().map_or(true, |r| r >= count))
        {
            return Err("damaged vector file: rows do not match the words".into());
        }
        Ok(Vectors {
            dim,
            table,
            values: Cow::Borrowed(values),
            scales,
        })
    }

    /// The file compiled into the binary, its words read through the index
    /// the build made of them: their rows are not checked at each start,
    /// as a file's are (a test checks that they are the file's).
    pub fn shipped() -> Result<Vectors, String> {
        let (dim, count, _, values, scales) = parts(SHIPPED)?;
        let table = KeyedLines::indexed(SHIPPED_WORDS, SHIPPED_INDEX);
        if table.len() != count {
            return Err("the vectors' words are not the build's".into());
        }
        Ok(Vectors {
            dim,
            table,
            values: Cow::Borrowed(values),
            scales,
        })
    }
}

/// The parts of a vector file: its dimension, number of rows, words,
/// values and scales.
#[allow(clippy::type_complexity)]
fn parts(bytes: &[u8]) -> Result<(usize, usize, &[u8], &[u8], Vec<f32>), String> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err("not a Marsad vector file".into());
    }
    let mut at = 8;
    let dim = u32_at(bytes, &mut at)?;
    let count = u32_at(bytes, &mut at)?;
    let text_len = u32_at(bytes, &mut at)?;
    let text = cut(bytes, &mut at, text_len)?;
    let values = cut(bytes, &mut at, dim.saturating_mul(count))?;
    let scales: Vec<f32> = cut(bytes, &mut at, count.saturating_mul(4))?
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes(c.try_into().unwrap()))
        .collect();
    if at != bytes.len() {
        return Err("damaged vector file: bytes after the scales".into());
    }
    Ok((dim, count, text, values, scales))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::normalize::fold_key;

    #[test]
    fn vectors_written_read_back_within_their_rounding() {
        let words = ["بغداد".to_owned(), "دمشق".to_owned()];
        let v = [0.5, -0.25, 0.0, 0.1, 0.2, -0.3];
        let q = Vectors::from_f32(&words, &v, 3);
        let bytes: &'static [u8] = Box::leak(q.to_bytes().into_boxed_slice());
        let back = Vectors::from_static(bytes).unwrap();
        let mut out = [0.0; 3];
        back.vector_into(back.row("دمشق").unwrap(), &mut out);
        for (o, x) in out.iter().zip(&v[3..]) {
            assert!((o - x).abs() < 0.3 / 127.0, "{out:?}");
        }
        assert_eq!(back.row("القاهره"), None);
        let cut_short: &'static [u8] = Box::leak(bytes[..bytes.len() - 1].to_vec().into());
        assert!(Vectors::from_static(cut_short).is_err());
        assert!(Vectors::from_static(b"MRSDVEC1\xff\xff\xff\xff\xff\xff\xff\xff").is_err());
        assert!(Vectors::from_static(b"").is_err());
    }

    #[test]
    fn the_shipped_words_are_the_file_s_and_their_index_finds_them() {
        let (_, _, text, _, _) = parts(SHIPPED).unwrap();
        assert_eq!(text, SHIPPED_WORDS.as_bytes());
        let from_file = Vectors::from_static(SHIPPED).unwrap();
        assert_eq!(from_file.to_bytes(), VECTORS.to_bytes());
        crate::analysis::ner::table::tests::assert_indexed_like_built(SHIPPED_WORDS, SHIPPED_INDEX);
    }

    #[test]
    fn the_shipped_vectors_load_beside_the_clusters() {
        let v = &*VECTORS;
        assert_eq!(v.dim, 100);
        assert_eq!(v.len(), super::super::clusters::CLUSTERS.len());
        assert!(v.row(&fold_key("بغداد")).is_some());
    }
}
