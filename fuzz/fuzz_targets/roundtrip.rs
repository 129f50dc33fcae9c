#![no_main]
//! Fuzz target: `invariants::roundtrip` (tests/invariants/mod.rs).

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::roundtrip(data));
