//! Export speed: each format of an annotated 5 MB article (rendering the
//! files in memory; writing them is the disk's business), and the
//! autosave-sized case of writing one through a temporary file and a
//! rename. Run: `cargo bench --bench export`.

use std::hint::black_box;

mod common;
use common::news_text;

use criterion::{Criterion, criterion_group, criterion_main};
use marsad::analysis::article::{Progress, analyze_document};
use marsad::document::{Document, Format as DocFormat};
use marsad::export::{Article, Format, render, write_atomic};

fn formats(c: &mut Criterion) {
    let doc = Document::from_text(news_text(5_000_000), DocFormat::Text);
    let analysis = analyze_document(&doc, None, &Progress::default()).unwrap();
    eprintln!(
        "5 MB article: {} mentions, {} entities, {} events",
        analysis.mentions.len(),
        analysis.entities.len(),
        analysis.timeline.dated.len()
    );
    let article = Article {
        id: "news.txt",
        doc: &doc,
        analysis: &analysis,
    };
    let mut g = c.benchmark_group("export, 5 MB article");
    g.sample_size(10);
    for format in Format::ALL {
        g.bench_function(format.name(), |b| {
            b.iter(|| black_box(render(format, &article)))
        });
    }
    let dir = std::env::temp_dir().join(format!("marsad-bench-{}", std::process::id()));
    let bytes = render(Format::Json, &article).remove(0).bytes;
    g.bench_function("json, rendered and written atomically", |b| {
        b.iter(|| {
            let bytes = render(Format::Json, &article).remove(0).bytes;
            write_atomic(&dir.join("news.json"), &bytes, true).unwrap();
        })
    });
    eprintln!("json of 5 MB: {:.1} MB", bytes.len() as f64 / 1e6);
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, formats);
criterion_main!(benches);
