//! Browsing speed: whole window frames (UI pass and tessellation) with the
//! analysis shown, on the sample and on a 5 MB article: painting a page
//! with all its highlights, hovering a mention, selecting an entity, a
//! timeline click; filtering the entities of a long article by a typed
//! key; and the first frame of a 5 MB article, whose analysis runs in the
//! background. Run: `cargo bench --bench browse`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use marsad::analysis::article::{Analysis, Progress, analyze_document};
use marsad::analysis::loose::Query;
use marsad::document::{Document, Format};
use marsad::ui::MarsadApp;
use marsad::ui::browse::{EventId, Index, Sort, sidebar_rows};
use marsad::ui::highlight::TYPES;
use marsad::ui::measure::headless_context;
use marsad::ui::reader::{ReaderState, reader_ui};
use marsad::ui::settings::Settings;

/// Real news text: ANERcorp's tokens joined by spaces, five sentences a
/// paragraph, repeated up to `bytes` (as the layout benchmark).
fn news_text(bytes: usize) -> String {
    let corpus = include_str!("../data/ner/anercorp-train.txt");
    let mut paragraphs = Vec::new();
    let mut sentence = Vec::new();
    let mut para = String::new();
    let mut count = 0;
    for line in corpus.lines() {
        match line.split_once(' ') {
            Some((token, _)) => sentence.push(token),
            None => {
                if !sentence.is_empty() {
                    para.push_str(&sentence.join(" "));
                    para.push(' ');
                    sentence.clear();
                    count += 1;
                    if count % 5 == 0 {
                        paragraphs.push(std::mem::take(&mut para).trim_end().to_owned());
                    }
                }
            }
        }
    }
    let mut text = String::with_capacity(bytes + 4096);
    'outer: loop {
        for p in &paragraphs {
            if text.len() + p.len() > bytes {
                break 'outer;
            }
            text.push_str(p);
            text.push('\n');
        }
    }
    text
}

fn input(events: Vec<egui::Event>) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        events,
        ..Default::default()
    }
}

/// One window frame: the UI pass and its tessellation.
fn frame(ctx: &egui::Context, app: &mut MarsadApp, events: Vec<egui::Event>) {
    let out = ctx.run_ui(input(events), |ui| app.frame_ui(ui));
    black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
}

/// The app with `doc` open and analysed, a few frames in.
fn ready(ctx: &egui::Context, doc: Option<Document>) -> MarsadApp {
    let mut app = MarsadApp::with_settings(ctx, Settings::default(), None);
    if let Some(doc) = doc {
        app.open_document(doc);
    }
    app.finish_analysis();
    for _ in 0..4 {
        frame(ctx, &mut app, Vec::new());
    }
    app
}

/// Frames on an analysed article: still, hovering, selecting, a timeline
/// click. `name` says which article.
fn browsing(c: &mut Criterion, name: &str, doc: Option<Document>) {
    let ctx = headless_context();
    let mut app = ready(&ctx, doc);
    let a: Analysis = app.analysis().expect("analysed").clone();
    eprintln!(
        "{name}: {} mentions, {} entities, {} dated events, {} on screen",
        a.mentions.len(),
        a.entities.len(),
        a.timeline.dated.len(),
        app.reader().mention_rects.len()
    );
    let mut g = c.benchmark_group(format!("window, {name}"));
    g.bench_function("a frame with all its highlights", |b| {
        b.iter(|| frame(&ctx, &mut app, Vec::new()))
    });
    // Hovering: the pointer moves between two mentions on screen.
    let rects: Vec<egui::Rect> = app.reader().mention_rects.iter().map(|(_, r)| *r).collect();
    let (p, q) = (rects[0].center(), rects[rects.len() / 2].center());
    let mut flip = false;
    g.bench_function("hovering a mention (tooltip)", |b| {
        b.iter(|| {
            flip = !flip;
            let at = if flip { p } else { q };
            frame(&ctx, &mut app, vec![egui::Event::PointerMoved(at)])
        })
    });
    frame(&ctx, &mut app, vec![egui::Event::PointerGone]);
    // Selecting: the most mentioned entity and the next one, in turn; the
    // sidebar, the timeline and the reader all follow.
    let mut by_size: Vec<usize> = (0..a.entities.len()).collect();
    by_size.sort_by_key(|&e| std::cmp::Reverse(a.entities[e].mentions.len()));
    let (e1, e2) = (by_size[0], by_size[1]);
    let mut which = false;
    g.bench_function("selecting an entity", |b| {
        b.iter(|| {
            which = !which;
            let e = if which { e1 } else { e2 };
            let at = app.reader().top_offset();
            let an = app.analysis().cloned();
            if let Some(an) = an {
                app.browse_mut().select_entity(&an, e, at);
            }
            frame(&ctx, &mut app, Vec::new())
        })
    });
    app.browse_mut().clear();
    frame(&ctx, &mut app, Vec::new());
    // A timeline click: the first and the last dated event, in turn.
    let last = a.timeline.dated.len().saturating_sub(1);
    let mut which = false;
    g.bench_function("a timeline click", |b| {
        b.iter(|| {
            which = !which;
            let id = EventId::Dated(if which { 0 } else { last });
            let an = app.analysis().cloned();
            if let Some(an) = an {
                app.browse_mut().click_event(&an, id);
            }
            frame(&ctx, &mut app, Vec::new())
        })
    });
    g.finish();
}

fn sample(c: &mut Criterion) {
    browsing(c, "sample", None);
}

fn long_article(c: &mut Criterion) {
    let doc = Document::from_text(news_text(5_000_000), Format::Text);
    browsing(c, "5 MB article", Some(doc));
}

fn filtering(c: &mut Criterion) {
    // A long article has entities enough: keep 10,000 of them, as the
    // sidebar of a long article would hold.
    let doc = Document::from_text(news_text(5_000_000), Format::Text);
    let a = analyze_document(&doc, None, &Progress::default()).expect("not cancelled");
    let index = Index::new(&doc.text, &a);
    eprintln!("5 MB article: {} entities", a.entities.len());
    let mut a10k = a.clone();
    a10k.entities.truncate(10_000);
    let mut i10k = index.clone();
    i10k.keys.truncate(10_000);
    i10k.sort_names.truncate(10_000);
    let n = a10k.entities.len();
    let mut g = c.benchmark_group(format!("filter {n} entities"));
    for typed in ["و", "واشنطن", "الاميركية", "محمد عبد"] {
        g.bench_function(format!("typed {typed:?}, by frequency"), |b| {
            b.iter(|| {
                let q = Query::new(typed);
                black_box(sidebar_rows(
                    &a10k,
                    &i10k,
                    &q,
                    Sort::Frequency,
                    &TYPES,
                    |_| false,
                ))
            })
        });
    }
    g.bench_function("typed \"واشنطن\", by name", |b| {
        b.iter(|| {
            let q = Query::new("واشنطن");
            black_box(sidebar_rows(&a10k, &i10k, &q, Sort::Name, &TYPES, |_| {
                false
            }))
        })
    });
    g.finish();
}

fn first_frame(c: &mut Criterion) {
    let ctx = headless_context();
    let doc = Document::from_text(news_text(5_000_000), Format::Text);
    let mut g = c.benchmark_group("first frame, 5 MB article");
    g.sample_size(10);
    g.bench_function("opened in the window (analysis in the background)", |b| {
        b.iter(|| {
            // A new window each time: nothing measured before.
            let mut app = MarsadApp::with_settings(&ctx, Settings::default(), None);
            app.open_document(doc.clone());
            frame(&ctx, &mut app, Vec::new());
            assert!(app.analysing() || app.analysis().is_some());
        })
    });
    let settings = Settings::default();
    g.bench_function("the reader alone, no analysis (as before)", |b| {
        b.iter(|| {
            let mut state = ReaderState::default();
            let out = ctx.run_ui(input(Vec::new()), |ui| {
                reader_ui(ui, &doc, 7, &settings, &mut state, None);
            });
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        })
    });
    g.finish();
}

criterion_group!(benches, sample, filtering, long_article, first_frame);
criterion_main!(benches);
