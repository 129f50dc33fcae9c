//! Browsing speed: whole window frames (UI pass and tessellation) with the
//! analysis shown, on the sample and on a 5 MB article: painting a page
//! with all its highlights, hovering a mention, selecting an entity, a
//! timeline click; filtering the entities of a long article by a typed
//! key; and the first frame of a 5 MB article, whose analysis runs in the
//! background. Run: `cargo bench --bench browse`.

use std::hint::black_box;

mod common;
use common::news_text;

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
/// click. `name` says which article; `doc` makes it (the sample when it
/// gives none). Each benchmark builds its own window, so that a filtered
/// run builds only what it measures.
fn browsing(c: &mut Criterion, name: &str, doc: fn() -> Option<Document>) {
    let mut g = c.benchmark_group(format!("window, {name}"));
    // Criterion calls each routine several times: its window is built on
    // the first call only.
    let mut window = None;
    g.bench_function("a frame with all its highlights", |b| {
        let (ctx, app) = window.get_or_insert_with(|| {
            let ctx = headless_context();
            let app = ready(&ctx, doc());
            let a = app.analysis().expect("analysed");
            eprintln!(
                "{name}: {} mentions, {} entities, {} dated events, {} on screen",
                a.mentions.len(),
                a.entities.len(),
                a.timeline.dated.len(),
                app.reader().mention_rects.len()
            );
            (ctx, app)
        });
        b.iter(|| frame(ctx, app, Vec::new()))
    });
    // Scrolling: a wheel step (120 px) a frame, as a reader scrolls.
    let mut window = None;
    g.bench_function("scrolling, 120 px a frame", |b| {
        let (ctx, app) = window.get_or_insert_with(|| {
            let ctx = headless_context();
            let app = ready(&ctx, doc());
            (ctx, app)
        });
        let (_, view, content) = app.reader().scrolled;
        let room = (content - view).max(1.0);
        let mut y = 0.0;
        b.iter(|| {
            y = (y + 120.0) % room;
            app.reader_mut().scroll_to = Some(y);
            frame(ctx, app, Vec::new())
        })
    });
    // Hovering: the pointer moves between two mentions on screen.
    let mut window = None;
    g.bench_function("hovering a mention (tooltip)", |b| {
        let (ctx, app) = window.get_or_insert_with(|| {
            let ctx = headless_context();
            let app = ready(&ctx, doc());
            (ctx, app)
        });
        let rects: Vec<egui::Rect> = app.reader().mention_rects.iter().map(|(_, r)| *r).collect();
        let (p, q) = (rects[0].center(), rects[rects.len() / 2].center());
        let mut flip = false;
        b.iter(|| {
            flip = !flip;
            let at = if flip { p } else { q };
            frame(ctx, app, vec![egui::Event::PointerMoved(at)])
        })
    });
    // Selecting: the most mentioned entity and the next one, in turn; the
    // sidebar, the timeline and the reader all follow.
    let mut window = None;
    g.bench_function("selecting an entity", |b| {
        let (ctx, app, a) = window.get_or_insert_with(|| {
            let ctx = headless_context();
            let app = ready(&ctx, doc());
            let a: Analysis = app.analysis().expect("analysed").clone();
            (ctx, app, a)
        });
        let mut by_size: Vec<usize> = (0..a.entities.len()).collect();
        by_size.sort_by_key(|&e| std::cmp::Reverse(a.entities[e].mentions.len()));
        let (e1, e2) = (by_size[0], by_size[1]);
        let mut which = false;
        b.iter(|| {
            which = !which;
            let e = if which { e1 } else { e2 };
            let at = app.reader().top_offset();
            app.browse_mut().select_entity(a, e, at);
            frame(ctx, app, Vec::new())
        })
    });
    // A timeline click: the first and the last dated event, in turn.
    let mut window = None;
    g.bench_function("a timeline click", |b| {
        let (ctx, app, a) = window.get_or_insert_with(|| {
            let ctx = headless_context();
            let app = ready(&ctx, doc());
            let a: Analysis = app.analysis().expect("analysed").clone();
            (ctx, app, a)
        });
        let last = a.timeline.dated.len().saturating_sub(1);
        let mut which = false;
        b.iter(|| {
            which = !which;
            let id = EventId::Dated(if which { 0 } else { last });
            app.browse_mut().click_event(a, id);
            frame(ctx, app, Vec::new())
        })
    });
    g.finish();
}

fn sample(c: &mut Criterion) {
    browsing(c, "sample", || None);
}

fn long_article(c: &mut Criterion) {
    browsing(c, "5 MB article", || {
        Some(Document::from_text(news_text(5_000_000), Format::Text))
    });
}

/// An article that names 10,000 distinct people and more places: a line
/// for each full name of Wikidata's list (CC0).
fn many_names() -> Document {
    let names = include_str!("../data/lexicons/person-full-names.tsv");
    let places = ["بغداد", "دمشق", "القاهرة", "الرياض", "عمّان", "بيروت"];
    let mut text = String::new();
    for (i, line) in names
        .lines()
        .filter(|l| !l.starts_with('#'))
        .take(16_000)
        .enumerate()
    {
        let name = line.split('\t').next().unwrap_or_default();
        let place = places[i % places.len()];
        text.push_str(&format!("وقال {name} في {place} إن الاجتماع سيعقد قريبا.\n"));
    }
    Document::from_text(text, Format::Text)
}

fn filtering(c: &mut Criterion) {
    let mut g = c.benchmark_group("filter 10,000 entities");
    let setup = || {
        let doc = many_names();
        let mut a = analyze_document(&doc, None, &Progress::default()).expect("not cancelled");
        let mut index = Index::new(&doc.text, &a);
        eprintln!("{} entities found; 10,000 kept", a.entities.len());
        assert!(a.entities.len() >= 10_000);
        a.entities.truncate(10_000);
        index.keys.truncate(10_000);
        index.sort_names.truncate(10_000);
        (a, index)
    };
    let shared = std::sync::OnceLock::new();
    for typed in ["م", "محمد", "عبد الله", "الاميركية"] {
        g.bench_function(format!("typed {typed:?}, by frequency"), |b| {
            let (a, index) = shared.get_or_init(setup);
            b.iter(|| {
                let q = Query::new(typed);
                black_box(sidebar_rows(a, index, &q, Sort::Frequency, &TYPES, |_| {
                    false
                }))
            })
        });
    }
    g.bench_function("typed \"محمد\", by name", |b| {
        let (a, index) = shared.get_or_init(setup);
        b.iter(|| {
            let q = Query::new("محمد");
            black_box(sidebar_rows(a, index, &q, Sort::Name, &TYPES, |_| false))
        })
    });
    g.finish();
}

fn first_frame(c: &mut Criterion) {
    let ctx = headless_context();
    let doc = std::sync::OnceLock::new();
    let make = || Document::from_text(news_text(5_000_000), Format::Text);
    let mut g = c.benchmark_group("first frame, 5 MB article");
    g.sample_size(10);
    g.bench_function("opened in the window (analysis in the background)", |b| {
        let doc: &Document = doc.get_or_init(make);
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
        let doc: &Document = doc.get_or_init(make);
        b.iter(|| {
            let mut state = ReaderState::default();
            let out = ctx.run_ui(input(Vec::new()), |ui| {
                reader_ui(ui, doc, 7, &settings, &mut state, None);
            });
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point));
        })
    });
    g.finish();
}

criterion_group!(benches, sample, filtering, long_article, first_frame);
criterion_main!(benches);
