//! The inputs the fuzzers found (`fuzz/`), kept under
//! `tests/fuzz-regressions/<target>/`, each run through its target's check:
//! every bug they once showed stays fixed. CI runs these, not the fuzzers.

mod invariants;

use std::path::Path;

#[test]
fn every_input_the_fuzzers_found_passes_its_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut ran = 0;
    for (name, check) in invariants::CHECKS {
        let Ok(dir) = std::fs::read_dir(root.join(name)) else {
            continue;
        };
        let mut files: Vec<_> = dir.flatten().map(|e| e.path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).unwrap();
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{name}: {} fails again", file.display());
            ran += 1;
        }
    }
    assert!(ran > 0, "no regression inputs under {}", root.display());
}

/// Each check on inputs a reader could give: empty, the sample, a page.
#[test]
fn the_checks_pass_on_ordinary_input() {
    let sample = marsad::document::SAMPLE_TEXT.as_bytes();
    let page = b"<html><head><title>\xd8\xae\xd8\xa8\xd8\xb1</title></head><body><p>\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa3\xd8\xad\xd9\x85\xd8\xaf \xd9\x81\xd9\x8a 7 \xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1 2023</p></body></html>";
    for (name, check) in invariants::CHECKS {
        for data in [&b""[..], sample, page] {
            let outcome = std::panic::catch_unwind(|| check(data));
            assert!(outcome.is_ok(), "{name} on {} bytes", data.len());
        }
    }
    // The importers see the sample with its own exports.
    let mut with_file = sample.to_vec();
    with_file.push(0);
    with_file.extend_from_slice(b"T1\tPLACE 0 3\tx\n");
    invariants::import_brat(&with_file);
}
