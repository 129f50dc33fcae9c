//! Layout speed: the sample, 1 MB of real Arabic news, re-breaking at a new
//! width, and one scrolled frame of a 5 MB article. Widths come from egui's
//! real fonts (the measurer the app uses). Run: `cargo bench --bench layout`.

use std::hint::black_box;

mod common;
use common::news_text;

use criterion::{Criterion, criterion_group, criterion_main};
use marsad::document::{Document, Format};
use marsad::layout::{Layout, LineParams, Shaped, mostly_rtl};
use marsad::ui::measure::{EguiMeasure, WidthCache, headless_context};
use marsad::ui::reader::{ReaderState, reader_ui};
use marsad::ui::settings::Settings;
use marsad::ui::{fonts, settings::DEFAULT_FONT};

fn params(width: f32) -> LineParams {
    LineParams {
        width,
        line_height: (DEFAULT_FONT * 1.7).round(),
        paragraph_gap: 13.0,
    }
}

/// Shaping from cold: an empty width cache, as when a file is opened
/// (measuring never goes through egui's galley cache).
fn shape_cold(ctx: &egui::Context, doc: &Document) -> Shaped {
    let mut cache = WidthCache::default();
    let mut m = EguiMeasure::new(ctx, fonts::reading(DEFAULT_FONT), &mut cache);
    m.shape(&doc.text, &doc.paragraphs, mostly_rtl(&doc.text))
}

fn layout_benches(c: &mut Criterion) {
    let ctx = headless_context();
    let sample = Document::sample();
    c.bench_function("layout sample 600px (cold shaping + lines)", |b| {
        b.iter(|| Layout::new(&shape_cold(&ctx, &sample), params(600.0)))
    });

    let mb = Document::from_text(news_text(1_000_000), Format::Text);
    let mut g = c.benchmark_group("1MB");
    g.sample_size(10);
    g.bench_function("layout 1 MB news 600px (cold shaping + lines)", |b| {
        b.iter(|| Layout::new(&shape_cold(&ctx, &mb), params(600.0)))
    });
    let shaped = shape_cold(&ctx, &mb);
    g.bench_function("re-break 1 MB at a new width", |b| {
        let mut w = 500.0;
        b.iter(|| {
            w = if w > 900.0 { 500.0 } else { w + 7.0 };
            black_box(Layout::new(&shaped, params(w)))
        })
    });
    g.finish();
}

fn frame_bench(c: &mut Criterion) {
    let ctx = headless_context();
    let doc = Document::from_text(news_text(5_000_000), Format::Text);
    let settings = Settings::default();
    let mut state = ReaderState::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 820.0),
        )),
        ..Default::default()
    };
    // First frame: shaping and line breaking of the whole article.
    let _ = ctx.run_ui(input(), |ui| {
        reader_ui(ui, &doc, 1, &settings, &mut state, None);
    });
    let height = state.cache.layout().height;
    eprintln!(
        "5 MB article: {} lines, {:.0} px tall; resident memory after layout: {}",
        state.cache.layout().lines.len(),
        height,
        rss()
    );
    let mut y = 0.0;
    c.bench_function(
        "one scrolled frame (120 px), 5 MB article (UI pass + tessellation)",
        |b| {
            b.iter(|| {
                // A wheel step (120 px) a frame, as a reader scrolls.
                y = (y + 120.0) % (height - 1000.0);
                state.scroll_to = Some(y);
                let out = ctx.run_ui(input(), |ui| {
                    reader_ui(ui, &doc, 1, &settings, &mut state, None);
                });
                black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
            })
        },
    );
    eprintln!("resident memory after scrolling: {}", rss());
}

fn rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "unknown".into())
}

criterion_group!(benches, layout_benches, frame_bench);
criterion_main!(benches);
