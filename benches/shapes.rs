//! Every stage over input of every hostile shape, at 1, 2, 4 and 8 MB
//! (issue 10): the time per megabyte stays flat when a stage is linear.
//! Shapes: news as written, one endless line with no sentence end, a
//! million tiny paragraphs, one very long word, a flood of combining marks,
//! a flood of bidi controls, and (decoding only) a page of nested <div>s.
//! Stages: decoding the bytes, the whole analysis, layout (shaping with a
//! simple measure and breaking at 500 px), the JSON export and its import.
//! A second group, `formats`, runs every export format and the brat import
//! over news of the same sizes.
//! Run: `cargo bench --bench shapes` (a filter such as `shapes/one-line`
//! picks a shape); criterion reports MiB/s.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use marsad::analysis::article::{Progress, analyze_document};
use marsad::document::{self, Document, Format};
use marsad::export::{self, Article};
use marsad::layout::{self, CharWidths, LineParams};

const MB: usize = 1_000_000;

/// `piece` repeated to `size` bytes (cut at a character boundary).
fn fill(piece: &str, size: usize) -> String {
    let mut s = piece.repeat(size / piece.len() + 1);
    let mut end = size;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn shapes(size: usize) -> Vec<(&'static str, String)> {
    let sample = document::SAMPLE_TEXT;
    let one_line: String = sample
        .chars()
        .map(|c| match c {
            '\n' | '\r' => ' ',
            '.' | '?' | '!' | '؟' => '،',
            c => c,
        })
        .collect();
    let marks = format!("ب{} ", "\u{0651}\u{064E}".repeat(500));
    vec![
        ("news", fill(&format!("{sample}\n"), size)),
        ("one-line", fill(&format!("{one_line} "), size)),
        ("tiny-paragraphs", fill("نعم\n", size)),
        ("long-word", fill("بغداد", size)),
        ("marks", fill(&marks, size)),
        (
            "controls",
            fill(
                "\u{202E}واشنطن \u{2066}2024\u{2069} \u{200F}(بغداد\u{202B} ",
                size,
            ),
        ),
    ]
}

/// Ten samples a size, two seconds each: an 8 MB analysis takes seconds.
fn group<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    g
}

fn stages(c: &mut Criterion) {
    let mut g = group(c, "shapes");
    for size in [MB, 2 * MB, 4 * MB, 8 * MB] {
        g.throughput(Throughput::Bytes(size as u64));
        for (shape, text) in shapes(size) {
            let id = |stage: &str| BenchmarkId::new(format!("{shape}/{stage}"), size / MB);
            g.bench_function(id("decode"), |b| {
                b.iter(|| document::load_bytes(black_box(text.as_bytes()), Path::new("a.txt")))
            });
            let doc = Document::from_text(text.clone(), Format::Text);
            g.bench_function(id("analysis"), |b| {
                b.iter(|| analyze_document(black_box(&doc), None, &Progress::default()))
            });
            g.bench_function(id("layout"), |b| {
                let params = LineParams {
                    width: 500.0,
                    line_height: 20.0,
                    paragraph_gap: 8.0,
                };
                b.iter(|| {
                    let mut m = CharWidths {
                        letter: 7.0,
                        space: 3.0,
                    };
                    layout::layout_text(&doc.text, &doc.paragraphs, true, params, &mut m)
                })
            });
            let analysis = analyze_document(&doc, None, &Progress::default()).unwrap();
            let art = Article {
                id: "a.txt",
                doc: &doc,
                analysis: &analysis,
            };
            g.bench_function(id("json-export"), |b| {
                b.iter(|| export::render(export::Format::Json, black_box(&art)))
            });
            let json = export::render(export::Format::Json, &art).remove(0).bytes;
            let json = String::from_utf8(json).unwrap();
            g.bench_function(id("json-import"), |b| {
                b.iter(|| export::json::import(&doc, black_box(&json)).unwrap())
            });
        }
        let levels = size / "<div></div>".len();
        let page = format!(
            "<html><body>{}<p>فقرة في العمق</p>{}</body></html>",
            "<div>".repeat(levels),
            "</div>".repeat(levels)
        );
        g.bench_function(BenchmarkId::new("nested-divs/decode", size / MB), |b| {
            b.iter(|| document::load_bytes(black_box(page.as_bytes()), Path::new("a.html")))
        });
    }
    g.finish();
}

/// Every export format, and the brat and session imports, over news of
/// 1 to 8 MB (the JSON export and import are in `stages`, for every shape).
fn formats(c: &mut Criterion) {
    let mut g = group(c, "formats");
    for size in [MB, 2 * MB, 4 * MB, 8 * MB] {
        g.throughput(Throughput::Bytes(size as u64));
        let text = fill(&format!("{}\n", document::SAMPLE_TEXT), size);
        let doc = Document::from_text(text, Format::Text);
        let analysis = analyze_document(&doc, None, &Progress::default()).unwrap();
        let art = Article {
            id: "a.txt",
            doc: &doc,
            analysis: &analysis,
        };
        for format in export::Format::ALL {
            g.bench_function(BenchmarkId::new(format.name(), size / MB), |b| {
                b.iter(|| export::render(format, black_box(&art)))
            });
        }
        let ann = export::render(export::Format::Brat, &art).remove(1).bytes;
        let ann = String::from_utf8(ann).unwrap();
        g.bench_function(BenchmarkId::new("brat-import", size / MB), |b| {
            b.iter(|| export::brat::import(&doc, black_box(&ann)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, stages, formats);
criterion_main!(benches);
