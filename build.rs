//! Inflates the word clusters, committed deflated (`assets/ner/clusters.bin`,
//! see `src/analysis/ner/clusters.rs`), into the build's output folder: the
//! binary carries their lines as they are and reads them in place.

use std::path::PathBuf;

const CLUSTERS: &str = "assets/ner/clusters.bin";
const MAGIC: &[u8] = b"MRSDCLU1";

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed={CLUSTERS}");
    let bytes = std::fs::read(CLUSTERS).unwrap_or_else(|e| panic!("cannot read {CLUSTERS}: {e}"));
    let body = bytes
        .strip_prefix(MAGIC)
        .unwrap_or_else(|| panic!("{CLUSTERS} is not a Marsad cluster file"));
    let lines = miniz_oxide::inflate::decompress_to_vec(body)
        .unwrap_or_else(|e| panic!("{CLUSTERS} is damaged: {e:?}"));
    assert!(
        std::str::from_utf8(&lines).is_ok(),
        "{CLUSTERS} is damaged: its lines are not UTF-8"
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("clusters.tsv"), lines).expect("the output folder takes a file");
}
