#![no_main]
//! Fuzz target: `invariants::dates` (tests/invariants/mod.rs).

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

libfuzzer_sys::fuzz_target!(|data: &[u8]| invariants::dates(data));
