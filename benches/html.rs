//! Reading saved pages of growing nesting depth: a paragraph inside N
//! nested <div>s, N = 1,000 to 8,000. The time per level shows whether the
//! HTML path grows linearly (issue 10). The whole extraction is measured:
//! html5ever's tree building, then Marsad's paragraph pass.
//! Run: `cargo bench --bench html`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use marsad::document::html::extract;

fn nested(depth: usize) -> String {
    format!(
        "<html><body>{}<p>فقرة في العمق</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    )
}

fn html(c: &mut Criterion) {
    let mut g = c.benchmark_group("html, nested divs");
    g.sample_size(10);
    for depth in [1_000, 2_000, 4_000, 8_000] {
        let page = nested(depth);
        g.bench_with_input(BenchmarkId::from_parameter(depth), &page, |b, page| {
            b.iter(|| black_box(extract(page)))
        });
    }
    g.finish();
}

criterion_group!(benches, html);
criterion_main!(benches);
