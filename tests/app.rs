//! The app, driven headless through AccessKit (egui_kittest).

use std::path::{Path, PathBuf};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use marsad::ui::MarsadApp;
use marsad::ui::theme::Theme;

const TITLE: &str = "واشنطن تنفي علاقة مباحثاتها مع بغداد بملف الانسحاب العسكري";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn app(path: Option<PathBuf>) -> Harness<'static, MarsadApp> {
    let mut harness = Harness::builder()
        .with_size([1100.0, 800.0])
        .build_eframe(move |cc| MarsadApp::new(cc, path));
    harness.run();
    harness
}

/// The text the reader view shows (its visible lines).
fn reader_text(h: &Harness<'_, MarsadApp>) -> String {
    h.get_by_label_contains("الولايات المتحدة")
        .value()
        .unwrap_or_default()
}

#[test]
fn sample_opens_with_its_title_and_text() {
    let h = app(None);
    h.get_by_label(TITLE);
    assert!(reader_text(&h).contains("وتنشر الولايات المتحدة 2500 عسكري"));
    let doc = h.state().document().unwrap();
    assert_eq!(doc.title, TITLE);
    assert!(h.state().reader().cache.layout().lines.len() > 17);
}

#[test]
fn opening_a_saved_page_shows_its_article() {
    let h = app(Some(fixture("news-page-cp1256.htm")));
    h.get_by_label(TITLE);
    assert!(
        h.query_by_label_contains("الرئيسية").is_none(),
        "navigation is not shown"
    );
    h.get_by_label_contains("2500 عسكري");
    assert!(
        h.get_by_label_contains("news-page-cp1256.htm")
            .value()
            .unwrap()
            .contains("windows-1256")
    );
}

#[test]
fn a_bad_file_shows_a_message_and_keeps_the_article() {
    let mut h = app(None);
    h.state_mut().open_path(&fixture("binary.png"));
    h.run();
    h.get_by_label_contains("is not a text file");
    h.get_by_label(TITLE);
    assert_eq!(h.state().document().unwrap().title, TITLE);
    h.state_mut().open_path(&fixture(""));
    h.run();
    h.get_by_label_contains("is a folder");
    h.get_by_label(TITLE);
}

#[test]
fn a_bad_file_on_the_command_line_opens_an_empty_window_with_the_message() {
    let h = app(Some(fixture("empty.txt")));
    h.get_by_label_contains("is empty");
    h.get_by_label("Open the sample article");
}

#[test]
fn theme_toggle_cycles_light_dark_sepia() {
    let mut h = app(None);
    h.get_by_label("Theme: Light").click();
    h.run();
    assert_eq!(h.state().settings().theme, Theme::Dark);
    h.get_by_label("Theme: Dark").click();
    h.run();
    assert_eq!(h.state().settings().theme, Theme::Sepia);
    h.get_by_label("Theme: Sepia");
}

#[test]
fn ctrl_plus_makes_the_text_larger_and_rewraps() {
    let mut h = app(None);
    let size = h.state().settings().font_size;
    let lines = h.state().reader().cache.layout().lines.len();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    h.run();
    assert_eq!(h.state().settings().font_size, size + 4.0);
    assert!(
        h.state().reader().cache.layout().lines.len() > lines,
        "larger text takes more lines"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Minus);
    h.run();
    assert_eq!(h.state().settings().font_size, size + 2.0);
}

#[test]
fn select_all_and_copy_gives_the_logical_text() {
    let mut h = app(None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.event(egui::Event::Copy);
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    let text = copied.last().expect("something was copied");
    assert!(text.starts_with("واشنطن - نفت المتحدثة"), "{}", &text[..80]);
    assert!(text.contains("2500 عسكري"));
}

#[test]
fn dragging_across_a_word_selects_it() {
    let mut h = app(None);
    let text = h.state().document().unwrap().text.clone();
    let origin = h
        .state()
        .reader()
        .cache
        .origin
        .expect("the reader was painted");
    let line = h.state().reader().cache.layout().lines[0].clone();
    // The first body line is right-aligned: its first word is the rightmost piece.
    let first = line
        .items
        .iter()
        .max_by(|a, b| a.x.total_cmp(&b.x))
        .unwrap();
    assert_eq!(&text[first.range.clone()], "واشنطن");
    let y = origin.y + line.y + 10.0;
    let right = egui::pos2(origin.x + first.x + first.width - 1.0, y);
    let left = egui::pos2(origin.x + first.x + 1.0, y);
    h.hover_at(right);
    h.run();
    h.drag_at(right);
    h.run();
    for step in 1..=5 {
        h.hover_at(right + (left - right) * (step as f32 / 5.0));
        h.run();
    }
    h.drop_at(left);
    h.run();
    let selected = h
        .state()
        .reader()
        .selected_text(h.state().document().unwrap());
    assert_eq!(selected, Some("واشنطن"));
}

#[test]
fn page_down_and_end_scroll_the_article() {
    let mut h = app(None);
    let first = reader_text(&h);
    h.key_press(egui::Key::PageDown);
    h.run();
    let second = reader_text(&h);
    assert_ne!(first, second, "Page Down shows other lines");
    h.key_press(egui::Key::End);
    h.run();
    let last_line = {
        let doc = h.state().document().unwrap();
        let lines = &h.state().reader().cache.layout().lines;
        doc.text[lines.last().unwrap().range.clone()].to_owned()
    };
    assert!(
        reader_text(&h).ends_with(&last_line),
        "End shows the last line"
    );
    h.key_press(egui::Key::Home);
    h.run();
    assert_eq!(reader_text(&h), first);
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn dropping_a_file_opens_it_and_remembers_it() {
    let mut h = app(None);
    let path = fixture("sample-cp1256.txt");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(path.clone())));
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.encoding, "windows-1256");
    assert_eq!(doc.paragraphs.len(), 3);
    h.get_by_label_contains("sample-cp1256.txt");
    let recent = &h.state().settings().recent;
    assert_eq!(recent.first(), Some(&path.canonicalize().unwrap()));
}
