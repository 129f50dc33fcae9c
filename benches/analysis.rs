//! Analysis speed on 1 MB of real Arabic news (ANERcorp's text): the whole
//! pipeline (normalisation, tokens, dates, numbers, actors and places), and
//! loading the built-in model, the word clusters, frequencies and vectors.
//! Run: `cargo bench --bench analysis`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad::analysis::ner::Recognizer;
use marsad::analysis::ner::clusters::Clusters;
use marsad::analysis::ner::frequency::WordFrequency;
use marsad::analysis::ner::vectors::Vectors;
use marsad::analysis::{DocDate, Text, analyze};

/// The binary's allocator (`src/main.rs`), so that the pipeline is measured
/// as `marsad` runs it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// ANERcorp's tokens joined by spaces, one sentence a line, up to `bytes`.
fn news_text(bytes: usize) -> String {
    let corpus = include_str!("../data/ner/anercorp-train.txt");
    let mut text = String::with_capacity(bytes + 1024);
    let mut line = Vec::new();
    'outer: loop {
        for l in corpus.lines() {
            match l.split_once(' ') {
                Some((token, _)) => line.push(token),
                None if !line.is_empty() => {
                    let s = line.join(" ");
                    line.clear();
                    if text.len() + s.len() + 1 > bytes {
                        break 'outer;
                    }
                    text.push_str(&s);
                    text.push('\n');
                }
                None => {}
            }
        }
    }
    text
}

fn analysis(c: &mut Criterion) {
    let text = news_text(1_000_000);
    let tokens = Text::new(&text).tokens.len() as u64;
    let date = DocDate::parse("2024-01-15");
    let mut g = c.benchmark_group("analysis");
    g.sample_size(20);
    g.throughput(Throughput::Elements(tokens));
    g.bench_function("whole pipeline, 1 MB news", |b| {
        b.iter(|| black_box(analyze(&text, date)))
    });
    g.finish();
    // The model with its tagger of news, as the binary loads it.
    c.bench_function("load the built-in model", |b| {
        b.iter(|| black_box(Recognizer::embedded().is_ok()))
    });
    // The word clusters load once, on first use (a static): measured apart.
    c.bench_function("load the word clusters", |b| {
        b.iter(|| black_box(Clusters::shipped().len()))
    });
    // (Loading only: counting the entries of the indexed table reads it
    // all.)
    c.bench_function("load the name lists", |b| {
        b.iter(|| black_box(marsad::analysis::ner::gazetteer::lexicons()))
    });
    c.bench_function("load the word frequencies", |b| {
        b.iter(|| black_box(WordFrequency::embedded().len()))
    });
    c.bench_function("load the word vectors", |b| {
        b.iter(|| black_box(Vectors::shipped().map(|v| v.len())))
    });
    eprintln!("1 MB = {tokens} tokens");
}

criterion_group!(benches, analysis);
criterion_main!(benches);
