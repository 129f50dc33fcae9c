//! Export speed: each format of an annotated 5 MB article (rendering the
//! files in memory), the JSON written through a temporary file and a
//! rename, an autosave of a session of 10,000 edits, those edits laid over
//! the analysis (what the window does after each edit and each new
//! analysis), and found again after a line is added at the top of the
//! article.
//! Run: `cargo bench --bench export`.

use std::hint::black_box;

mod common;
use common::news_text;

use criterion::{Criterion, criterion_group, criterion_main};
use marsad::analysis::article::{Progress, analyze_document};
use marsad::analysis::edits::{Edit, Edits, Span, apply};
use marsad::analysis::reanchor::reanchor;
use marsad::document::{Document, Format as DocFormat};
use marsad::export::session::{Session, save};
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
    // An autosave: a session of 10,000 person's decisions (one a mention),
    // serialised and written atomically, as the autosave thread does.
    let mut edits = Edits::default();
    for m in analysis.mentions.iter().take(10_000) {
        edits.push(vec![Edit::Mark {
            span: Span::of(&doc.text, m.range.clone()),
            kind: m.kind,
        }]);
    }
    let s = Session::new(&doc.text, None, edits);
    g.bench_function("autosave, a session of 10,000 edits", |b| {
        b.iter(|| save(&dir.join("session.ron"), &s).unwrap())
    });
    g.bench_function("10,000 edits laid over the analysis", |b| {
        b.iter(|| black_box(apply(&doc, &analysis, &s.edits)))
    });
    let changed = format!("تحديث: {}", doc.text);
    g.bench_function("10,000 edits found again after a line added", |b| {
        b.iter(|| {
            let r = reanchor(&changed, &s.edits);
            assert_eq!(r.moved, 10_000);
            black_box(r)
        })
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, formats);
criterion_main!(benches);
