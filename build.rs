//! Prepares the shipped word tables for reading in place:
//!
//! - inflates the word clusters, committed deflated
//!   (`assets/ner/clusters.bin`, see `src/analysis/ner/clusters.rs`), into
//!   the build's output folder, so the binary carries their lines as they
//!   are;
//! - copies the words of the word vectors (`assets/ner/vectors.bin`, see
//!   `src/analysis/ner/vectors.rs`) out of the file, checked UTF-8;
//! - inflates the text parts of the recogniser's model
//!   (`assets/ner/model.bin`, see `src/analysis/ner/model_file.rs`): the
//!   gazetteer of training names, the vocabulary and the genre profile;
//! - makes the index of the lines of each of those tables and of the word
//!   frequencies (`assets/ner/word-frequency.tsv`) and the name lists
//!   (`assets/ner/lexicons.tsv`), as
//!   `src/analysis/ner/line_index.rs` reads it.
//!
//! A damaged file stops the build with what is wrong.

use std::path::{Path, PathBuf};

#[path = "src/analysis/ner/line_index.rs"]
#[allow(dead_code)]
mod line_index;

const CLUSTERS: &str = "assets/ner/clusters.bin";
const CLUSTERS_MAGIC: &[u8] = b"MRSDCLU1";
const FREQUENCY: &str = "assets/ner/word-frequency.tsv";
const LEXICONS: &str = "assets/ner/lexicons.tsv";
const VECTORS: &str = "assets/ner/vectors.bin";
const VECTORS_MAGIC: &[u8] = b"MRSDVEC1";
const MODEL: &str = "assets/ner/model.bin";
const MODEL_MAGIC: &[u8] = b"MRSDNER5";

fn main() {
    for path in [
        "build.rs",
        "src/analysis/ner/line_index.rs",
        CLUSTERS,
        FREQUENCY,
        LEXICONS,
        VECTORS,
        MODEL,
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let bytes = read(CLUSTERS);
    let body = bytes
        .strip_prefix(CLUSTERS_MAGIC)
        .unwrap_or_else(|| panic!("{CLUSTERS} is not a Marsad cluster file"));
    let lines = miniz_oxide::inflate::decompress_to_vec(body)
        .unwrap_or_else(|e| panic!("{CLUSTERS} is damaged: {e:?}"));
    let lines = String::from_utf8(lines)
        .unwrap_or_else(|_| panic!("{CLUSTERS} is damaged: its lines are not UTF-8"));
    write_table(&out, "clusters", CLUSTERS, &lines);

    let frequency =
        String::from_utf8(read(FREQUENCY)).unwrap_or_else(|_| panic!("{FREQUENCY} is not UTF-8"));
    write_index(&out, "word-frequency", FREQUENCY, &frequency);
    let lexicons =
        String::from_utf8(read(LEXICONS)).unwrap_or_else(|_| panic!("{LEXICONS} is not UTF-8"));
    write_index(&out, "lexicons", LEXICONS, &lexicons);

    // A magic number, the dimension, the number of rows, the length of the
    // `word<TAB>row` lines, the lines.
    let bytes = read(VECTORS);
    let header = bytes
        .strip_prefix(VECTORS_MAGIC)
        .filter(|h| h.len() >= 12)
        .unwrap_or_else(|| panic!("{VECTORS} is not a Marsad vector file"));
    let text_len = u32::from_le_bytes(header[8..12].try_into().expect("four bytes")) as usize;
    let words = header
        .get(12..12 + text_len)
        .unwrap_or_else(|| panic!("{VECTORS} is damaged: cut short"));
    let words = std::str::from_utf8(words)
        .unwrap_or_else(|_| panic!("{VECTORS} is damaged: its words are not UTF-8"));
    write_table(&out, "vectors", VECTORS, words);

    // A magic number, then five parts, each behind its length: the
    // weights, then the deflated gazetteer, vocabulary and genre profile,
    // then the LSTM.
    let bytes = read(MODEL);
    let mut rest = bytes.strip_prefix(MODEL_MAGIC).unwrap_or_else(|| {
        panic!("{MODEL} is not a Marsad model of this version (retrain with marsad train)")
    });
    let mut parts = Vec::new();
    for _ in 0..5 {
        let (len, after) = rest
            .split_first_chunk::<4>()
            .unwrap_or_else(|| panic!("{MODEL} is cut short"));
        let len = u32::from_le_bytes(*len) as usize;
        assert!(after.len() >= len, "{MODEL} is cut short");
        parts.push(&after[..len]);
        rest = &after[len..];
    }
    let text = |k: usize| {
        let raw = miniz_oxide::inflate::decompress_to_vec(parts[k])
            .unwrap_or_else(|e| panic!("{MODEL} is damaged: {e:?}"));
        String::from_utf8(raw).unwrap_or_else(|_| panic!("{MODEL} is damaged: a text is not UTF-8"))
    };
    write(&out, "model-gazetteer.txt", &text(1));
    write_table(&out, "model-vocabulary", MODEL, &text(2));
    write(&out, "model-genres.txt", &text(3));
}

fn write(out: &Path, name: &str, text: &str) {
    std::fs::write(out.join(name), text).expect("the output folder takes a file");
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Writes `lines` as `name.tsv` and their index as `name.idx`.
fn write_table(out: &Path, name: &str, source: &str, lines: &str) {
    std::fs::write(out.join(format!("{name}.tsv")), lines).expect("the output folder takes a file");
    write_index(out, name, source, lines);
}

/// Writes the index of `lines` as `name.idx`.
fn write_index(out: &Path, name: &str, source: &str, lines: &str) {
    let index = line_index::build(lines).unwrap_or_else(|e| panic!("{source} is damaged: {e}"));
    std::fs::write(out.join(format!("{name}.idx")), index).expect("the output folder takes a file");
}
