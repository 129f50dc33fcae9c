//! The app, driven headless through AccessKit (egui_kittest): opening
//! files, reading, and browsing the analysis (highlights, sidebar, filter,
//! timeline, selection, the Arabic and English interfaces).

use std::path::{Path, PathBuf};

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use marsad::analysis::{DocDate, MentionType, doc_date::DateSource, timeline::calendar_key};
use marsad::ui::MarsadApp;
use marsad::ui::browse::{EventId, Row};
use marsad::ui::i18n::Lang;
use marsad::ui::settings::Settings;
use marsad::ui::theme::Theme;

const TITLE: &str = "واشنطن تنفي علاقة مباحثاتها مع بغداد بملف الانسحاب العسكري";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn app_in(path: Option<PathBuf>, language: Lang) -> Harness<'static, MarsadApp> {
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        // A mention stepped to flashes for a second.
        .with_max_steps(100)
        .build_eframe(move |cc| {
            let settings = Settings {
                language,
                ..Default::default()
            };
            MarsadApp::with_settings(&cc.egui_ctx, settings, path)
        });
    harness.run();
    harness
}

/// The app in its default (Arabic) interface.
fn app(path: Option<PathBuf>) -> Harness<'static, MarsadApp> {
    app_in(path, Lang::Arabic)
}

/// The app with the analysis of the open article done and shown.
fn analysed(path: Option<PathBuf>, language: Lang) -> Harness<'static, MarsadApp> {
    let mut h = app_in(path, language);
    h.state_mut().finish_analysis();
    h.run();
    h
}

/// Sets the document date in the timeline's date editor (year, month,
/// day), applies it and waits for the analysis.
fn redate(h: &mut Harness<'static, MarsadApp>, year: u32, month: u32, day: u32) {
    h.get_by_label("تغيير…").click();
    h.run();
    let spins: Vec<_> = h.get_all_by_role(Role::SpinButton).collect();
    assert_eq!(spins.len(), 3, "year, month, day");
    spins[0].set_value_accesskit(year as f64);
    spins[1].set_value_accesskit(month as f64);
    spins[2].set_value_accesskit(day as f64);
    h.run();
    h.get_by_label("تطبيق").click();
    h.run();
    h.state_mut().finish_analysis();
    h.run();
}

/// The text of a node: its label, or the value a label widget holds.
fn text_of(n: &egui_kittest::Node<'_>) -> String {
    let node = n.accesskit_node();
    node.label().or_else(|| node.value()).unwrap_or_default()
}

/// The text the reader view shows (its visible lines).
fn reader_text(h: &Harness<'_, MarsadApp>) -> String {
    h.get_by_role(Role::Document)
        .accesskit_node()
        .label()
        .unwrap_or_default()
}

fn entity(h: &Harness<'_, MarsadApp>, name: &str) -> usize {
    let a = h.state().analysis().expect("analysed");
    a.entities
        .iter()
        .position(|e| e.canonical == name)
        .unwrap_or_else(|| panic!("no entity {name}"))
}

/// Text drawn inside `rect`, piece by piece from left to right.
fn drawn_in(h: &Harness<'_, MarsadApp>, rect: egui::Rect) -> Vec<(f32, String)> {
    let mut out: Vec<(f32, String)> = h
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) if rect.contains(t.pos + egui::vec2(1.0, 1.0)) => {
                Some((t.pos.x, t.galley.text().to_owned()))
            }
            _ => None,
        })
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
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
fn the_text_is_readable_before_the_analysis_is_done_and_marked_after() {
    let mut h = app(None);
    // The first frame shows the text whether or not the analysis is done.
    assert!(reader_text(&h).contains("سابرينا سينغ"));
    h.state_mut().finish_analysis();
    h.run();
    assert!(!h.state().analysing());
    let a = h.state().analysis().unwrap();
    assert!(a.mentions.len() > 50);
    // Each mention on screen is a node named by its type and text.
    h.get_by_label("شخص: سابرينا سينغ");
    h.get_by_label("منظمة: وزارة الدفاع الأميركية");
    assert!(h.query_all_by_label("مكان: بغداد").count() >= 2);
    h.get_by_label("عدد: 2500");
    // The status line tells what was found.
    let status = text_of(&h.get_by_label_contains("iraq-us-talks.ar.txt"));
    assert!(status.contains("إشارة"), "{status}");
}

#[test]
fn opening_a_saved_page_shows_its_article() {
    let h = app(Some(fixture("news-page-cp1256.htm")));
    h.get_by_label(TITLE);
    assert!(
        !reader_text(&h).contains("الرئيسية"),
        "navigation is not shown"
    );
    assert!(reader_text(&h).contains("2500 عسكري"));
    let status = text_of(&h.get_by_label_contains("news-page-cp1256.htm"));
    assert!(status.contains("windows-1256"));
}

#[test]
fn a_bad_file_shows_a_message_and_keeps_the_article() {
    let mut h = app_in(None, Lang::English);
    h.state_mut().open_path(&fixture("binary.png"));
    h.run();
    h.get_by_label_contains("is not a text file");
    h.get_by_label(TITLE);
    assert_eq!(h.state().document().unwrap().title, TITLE);
    h.state_mut().open_path(&fixture(""));
    h.run();
    h.get_by_label_contains("is a folder");
    h.get_by_label(TITLE);
    // In Arabic the message is in Arabic.
    h.state_mut().settings_mut().language = Lang::Arabic;
    h.state_mut().open_path(&fixture("empty.txt"));
    h.run();
    h.get_by_label_contains("ملف فارغ");
    h.get_by_label("المقال الذي كان مفتوحاً ما زال مفتوحاً.");
}

#[test]
fn a_bad_file_on_the_command_line_opens_an_empty_window_with_the_message() {
    let h = app_in(Some(fixture("empty.txt")), Lang::English);
    h.get_by_label_contains("is empty");
    h.get_by_label("Open the sample article");
}

#[test]
fn theme_toggle_cycles_light_dark_sepia() {
    let mut h = app_in(None, Lang::English);
    h.get_by_label("Theme: Light").click();
    h.run();
    assert_eq!(h.state().settings().theme, Theme::Dark);
    h.get_by_label("Theme: Dark").click();
    h.run();
    assert_eq!(h.state().settings().theme, Theme::Sepia);
    h.get_by_label("Theme: Sepia");
    let mut h = app(None);
    h.get_by_label("السمة: فاتحة").click();
    h.run();
    assert_eq!(h.state().settings().theme, Theme::Dark);
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
    assert_eq!(&text[first.range()], "واشنطن");
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
    // It opens on a thread.
    h.state_mut().finish_opening();
    h.run();
    let doc = h.state().document().unwrap();
    assert_eq!(doc.encoding, "windows-1256");
    assert_eq!(doc.paragraphs.len(), 3);
    h.get_by_label_contains("sample-cp1256.txt");
    let recent = &h.state().settings().recent;
    assert_eq!(recent.first(), Some(&path.canonicalize().unwrap()));
}

#[test]
fn clicking_a_sidebar_entity_selects_it_and_scrolls_the_reader_to_its_mention() {
    let mut h = analysed(None, Lang::Arabic);
    let before = h.state().reader().scrolled.0;
    assert!(!reader_text(&h).contains("مدعومة من إيران"));
    h.get_by_label_contains("إيران · مكان").click();
    h.run();
    let iran = entity(&h, "إيران");
    let b = h.state().browse().clone();
    assert_eq!(b.entity, Some(iran));
    let ms = h.state().analysis().unwrap().entities[iran]
        .mentions
        .clone();
    let m = b.mention.expect("a mention was stepped to");
    assert_eq!(m, ms[0], "the first mention from the top");
    assert!(
        h.state().reader().scrolled.0 > before + 100.0,
        "the reader scrolled"
    );
    assert!(
        reader_text(&h).contains("مدعومة من إيران"),
        "to the mention"
    );
    // Clicking it again goes on to its next mention.
    h.get_by_label_contains("إيران · مكان").click();
    h.run();
    assert_eq!(h.state().browse().mention, Some(ms[1]));
}

#[test]
fn tab_steps_through_the_selected_entitys_mentions_and_esc_clears() {
    let mut h = analysed(None, Lang::Arabic);
    h.get_by_label_contains("بغداد · مكان").click();
    h.run();
    let baghdad = entity(&h, "بغداد");
    let ms = h.state().analysis().unwrap().entities[baghdad]
        .mentions
        .clone();
    assert_eq!(h.state().browse().mention, Some(ms[0]));
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(h.state().browse().mention, Some(ms[1]));
    h.key_press(egui::Key::Tab);
    h.run();
    assert_eq!(h.state().browse().mention, Some(ms[2]));
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Tab);
    h.run();
    assert_eq!(h.state().browse().mention, Some(ms[1]));
    // The selected entity's mentions are drawn in its ink, cut out of
    // «وواشنطن»-like words with joiners; here every mention of بغداد is a
    // whole word, so check the stronger mark by the state instead.
    assert_eq!(h.state().browse().entity, Some(baghdad));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(h.state().browse().entity, None);
    assert_eq!(h.state().browse().mention, None);
}

#[test]
fn a_mention_inside_a_word_keeps_its_letters_joined() {
    let mut h = analysed(None, Lang::Arabic);
    // «وواشنطن»: the mention is واشنطن, the و before it is a conjunction.
    h.get_by_label_contains("واشنطن · مكان").click();
    h.run();
    h.key_press(egui::Key::Home);
    h.run();
    let texts: Vec<String> = h
        .output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some(t.galley.text().to_owned()),
            _ => None,
        })
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("\u{200d}واشنطن") && t.contains("و\u{200d}")),
        "the word is cut with zero width joiners on both sides of the cut"
    );
}

#[test]
fn hovering_a_mention_shows_its_value_its_hijri_date_and_its_count() {
    let mut h = analysed(None, Lang::Arabic);
    h.get_by_label("عدد: 2500").hover();
    h.run();
    h.get_by_label("٢٬٥٠٠ عسكري");
    h.get_by_label("إشارة واحدة");
    h.get_by_label("تاريخ: 7 أكتوبر 2023").hover();
    h.run();
    h.get_by_label("٧ أكتوبر ٢٠٢٣");
    h.get_by_label("2023-10-07");
    h.get_by_label("٢٢ ربيع الأول ١٤٤٥ هـ");
    h.get_all_by_label("منظمة: البنتاغون")
        .next()
        .unwrap()
        .hover();
    h.run();
    h.get_by_label("إشارتان");
}

#[test]
fn clicking_a_mention_selects_its_entity_and_narrows_the_timeline() {
    let mut h = analysed(None, Lang::Arabic);
    let all = h.state().timeline_events().len();
    h.get_by_label("منظمة: حركة حماس").click();
    h.run();
    let hamas = entity(&h, "حركة حماس");
    assert_eq!(h.state().browse().entity, Some(hamas));
    let narrowed = h.state().timeline_events().to_vec();
    assert!(
        !narrowed.is_empty() && narrowed.len() < all,
        "{} of {all}",
        narrowed.len()
    );
    // «All events» shows them all again.
    h.get_by_label("كل الأحداث").click();
    h.run();
    assert_eq!(h.state().timeline_events().len(), all);
    // Selecting another entity narrows the timeline to it again.
    // (the first is in the title: its mentions are clicked as the body's are)
    h.get_all_by_label_contains("مكان: بغداد")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(h.state().browse().entity, Some(entity(&h, "بغداد")));
    let again = h.state().timeline_events().len();
    assert!(again < all, "{again} of {all}: narrowed again");
}

#[test]
fn clicking_a_mention_unfolds_its_group_in_the_sidebar_and_shows_its_row() {
    let mut h = analysed(None, Lang::Arabic);
    h.get_by_label_contains("أماكن (").click();
    h.run();
    assert!(
        h.query_by_label_contains("بغداد · مكان").is_none(),
        "the places are folded away"
    );
    h.get_all_by_label_contains("مكان: بغداد")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label_contains("بغداد · مكان");
    assert!(
        !h.state()
            .settings()
            .collapsed_groups
            .contains(&MentionType::Place)
    );
}

#[test]
fn space_on_a_focused_sidebar_row_selects_it_without_paging_the_reader() {
    // A click on the row: where the reader should end up.
    let mut clicked = analysed(None, Lang::Arabic);
    clicked
        .get_by_label_contains("الولايات المتحدة · مكان")
        .click();
    clicked.run();
    let expected = clicked.state().reader().scrolled.0;

    let mut h = analysed(None, Lang::Arabic);
    h.get_by_label_contains("الولايات المتحدة · مكان").focus();
    h.run();
    h.key_press(egui::Key::Space);
    h.run();
    let us = entity(&h, "الولايات المتحدة");
    assert_eq!(h.state().browse().entity, Some(us));
    assert_eq!(h.state().browse().mention, clicked.state().browse().mention);
    // Space pressed the row; it did not also page the reader down.
    let got = h.state().reader().scrolled.0;
    assert!(
        (got - expected).abs() < 1.0,
        "scrolled to {got}, a click scrolls to {expected}"
    );
}

#[test]
fn clicking_a_timeline_event_scrolls_the_reader_to_its_sentence() {
    let mut h = analysed(None, Lang::Arabic);
    h.key_press(egui::Key::End);
    h.run();
    assert!(!reader_text(&h).contains("وتنشر الولايات المتحدة 2500"));
    h.get_by_label_contains("— وتنشر الولايات المتحدة 2500")
        .click();
    h.run();
    assert!(matches!(h.state().browse().event, Some(EventId::Dated(_))));
    assert!(reader_text(&h).contains("وتنشر الولايات المتحدة 2500"));
    // Its chips select their entities.
    h.get_all_by_label("الولايات المتحدة (مكان)")
        .next()
        .unwrap()
        .click();
    h.run();
    assert_eq!(
        h.state().browse().entity,
        Some(entity(&h, "الولايات المتحدة"))
    );
}

#[test]
fn typing_arabic_in_the_filter_narrows_the_list_and_shows_in_reading_order() {
    let mut h = analysed(None, Lang::Arabic);
    h.get_by_role(Role::TextInput).click();
    h.run();
    h.get_by_role(Role::TextInput).type_text("واشنطن");
    h.run();
    let names: Vec<String> = {
        let a = h.state().analysis().unwrap();
        h.state()
            .sidebar_rows()
            .iter()
            .filter_map(|r| match r {
                Row::Entity(e) => Some(a.entities[*e].canonical.clone()),
                _ => None,
            })
            .collect()
    };
    assert!(names.contains(&"واشنطن".to_owned()), "{names:?}");
    assert!(names.contains(&"الواشنطن بوست".to_owned()), "{names:?}");
    assert!(!names.contains(&"بغداد".to_owned()));
    assert_eq!(
        h.get_by_role(Role::TextInput).value().as_deref(),
        Some("واشنطن")
    );
    // Mixed Arabic and Latin, as typed: the Latin word is on the left of
    // the Arabic one, and the caret is drawn.
    h.get_by_role(Role::TextInput).type_text(" Post");
    h.run();
    let field = h.get_by_role(Role::TextInput).rect();
    let drawn = drawn_in(&h, field);
    let order: Vec<&str> = drawn.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(order, ["Post", "واشنطن"], "{drawn:?}");
    let caret = h.output().shapes.iter().any(|c| match &c.shape {
        egui::Shape::Rect(r) => {
            field.contains_rect(r.rect) && r.rect.width() <= 2.5 && r.rect.height() > 8.0
        }
        _ => false,
    });
    assert!(caret, "a caret is drawn in the field");
    // «الاميركية» without hamza finds «الأميركية».
    for _ in 0..11 {
        h.key_press(egui::Key::Backspace);
    }
    h.run();
    assert_eq!(h.get_by_role(Role::TextInput).value().as_deref(), Some(""));
    h.get_by_role(Role::TextInput).type_text("الاميركية");
    h.run();
    let a = h.state().analysis().unwrap();
    let rows = h.state().sidebar_rows();
    assert!(rows.iter().any(
        |r| matches!(r, Row::Entity(e) if a.entities[*e].canonical == "وزارة الدفاع الأميركية")
    ));
    assert!(rows.iter().all(|r| match r {
        Row::Entity(e) => a.entities[*e].canonical.contains("الأميركية"),
        Row::Heading(..) => true,
    }));
}

#[test]
fn toggling_a_type_off_hides_its_highlights() {
    let mut h = analysed(None, Lang::Arabic);
    assert!(h.query_all_by_label("مكان: بغداد").count() > 0);
    h.get_by_label("أماكن").click();
    h.run();
    assert!(
        h.state()
            .settings()
            .hidden_types
            .contains(&MentionType::Place)
    );
    assert_eq!(h.query_all_by_label("مكان: بغداد").count(), 0);
    {
        let a = h.state().analysis().unwrap();
        assert!(
            h.state()
                .reader()
                .mention_rects
                .iter()
                .all(|(m, _)| a.mentions[*m].kind != MentionType::Place)
        );
    }
    assert!(
        h.query_all_by_label("شخص: سابرينا سينغ").count() > 0,
        "other types stay"
    );
    h.get_by_label("أماكن").click();
    h.run();
    assert!(h.query_all_by_label("مكان: بغداد").count() > 0);
}

#[test]
fn changing_the_document_date_re_resolves_and_reorders_the_timeline() {
    let mut h = analysed(None, Lang::Arabic);
    let before: Vec<String> = {
        let a = h.state().analysis().unwrap();
        a.timeline
            .dated
            .iter()
            .map(|e| e.date.value.clone())
            .collect()
    };
    assert_eq!(before.last().map(String::as_str), Some("2023-10-07"));
    h.get_by_label_contains("إيران · مكان").click();
    h.run();
    redate(&mut h, 2025, 6, 15);
    let a = h.state().analysis().unwrap();
    assert_eq!(a.doc_date, DocDate::parse("2025-06-15"));
    assert_eq!(a.date_source, DateSource::Reader);
    let after: Vec<String> = a
        .timeline
        .dated
        .iter()
        .map(|e| e.date.value.clone())
        .collect();
    assert_ne!(before, after);
    assert!(
        after.contains(&"2025-06".to_owned()),
        "«مطلع الشهر الجاري» is now June 2025: {after:?}"
    );
    let keys: Vec<_> = after.iter().map(|v| calendar_key(v)).collect();
    assert!(
        keys.windows(2).all(|w| w[0] <= w[1]),
        "in date order: {after:?}"
    );
    assert_ne!(
        after.last().map(String::as_str),
        Some("2023-10-07"),
        "the order changed"
    );
    let selected = h
        .state()
        .browse()
        .entity
        .map(|e| a.entities[e].canonical.clone());
    assert_eq!(selected.as_deref(), Some("إيران"), "the selection stays");
    // The panel lists them in the new order and says where the date came from.
    h.get_by_label_contains("اخترته أنت");
    // Back to the article's own date.
    h.get_by_label("تغيير…").click();
    h.run();
    h.get_by_label("تاريخ المقال").click();
    h.run();
    h.state_mut().finish_analysis();
    h.run();
    let a = h.state().analysis().unwrap();
    let again: Vec<String> = a
        .timeline
        .dated
        .iter()
        .map(|e| e.date.value.clone())
        .collect();
    assert_eq!(again, before);
}

#[test]
fn switching_the_interface_language_mirrors_the_window() {
    let mut h = analysed(None, Lang::Arabic);
    let reader = h.get_by_role(Role::Document).rect();
    let filter = h.get_by_role(Role::TextInput).rect();
    assert!(
        filter.left() > reader.right(),
        "in Arabic the sidebar is on the right"
    );
    let file = h.get_by_label("ملف").rect();
    let view = h.get_by_label("عرض").rect();
    assert!(
        file.left() > view.left(),
        "the menu bar starts at the right"
    );
    h.get_by_label("عرض").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(h.state().settings().language, Lang::English);
    h.get_by_label("File");
    h.get_by_label_contains("Entities (");
    let reader = h.get_by_role(Role::Document).rect();
    let filter = h.get_by_role(Role::TextInput).rect();
    assert!(
        filter.right() < reader.left(),
        "in English the sidebar is on the left"
    );
    let file = h.get_by_label("File").rect();
    let view = h.get_by_label("View").rect();
    assert!(file.left() < view.left());
    // Entity names stay Arabic, and rows are labelled in English.
    h.get_by_label_contains("إيران · Place");
}

#[test]
fn every_browsing_action_works_from_the_keyboard() {
    let mut h = analysed(None, Lang::Arabic);
    // Ctrl+F: the filter takes what is typed; Down and Enter pick a row.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role(Role::TextInput).type_text("سوريا");
    h.run();
    h.key_press(egui::Key::ArrowDown);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().browse().entity, Some(entity(&h, "سوريا")));
    // Esc empties the filter, a second Esc leaves it; Tab then steps
    // through the entity's mentions.
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    let m = h.state().browse().mention;
    h.key_press(egui::Key::Tab);
    h.run();
    assert_ne!(h.state().browse().mention, m, "Tab stepped");
    // Alt+↓ marks the first event of the timeline and shows its sentence.
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowDown);
    h.run();
    assert_eq!(h.state().browse().event, Some(EventId::Dated(0)));
    assert!(reader_text(&h).contains("وتنشر الولايات المتحدة 2500"));
    // Alt+3 turns the places' highlights off and on.
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num3);
    h.run();
    assert!(
        h.state()
            .settings()
            .hidden_types
            .contains(&MentionType::Place)
    );
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::Num3);
    h.run();
    assert!(h.state().settings().hidden_types.is_empty());
    // Ctrl+Shift+L switches the interface language.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::L,
    );
    h.run();
    assert_eq!(h.state().settings().language, Lang::English);
    h.get_by_label("File");
    // Ctrl+Shift+E folds the entity panel away.
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::E,
    );
    h.run();
    assert!(!h.state().settings().entities_open);
    assert!(h.query_by_role(Role::TextInput).is_none());
}

#[test]
fn opening_another_article_discards_the_stale_analysis() {
    let mut h = app(None);
    // A long article is still being analysed when another one is opened.
    let long = "وقال الرئيس محمد شياع السوداني في بغداد إن الحكومة العراقية ماضية.\n".repeat(4000);
    h.state_mut()
        .open_document(marsad::document::Document::from_text(
            long,
            marsad::document::Format::Text,
        ));
    h.step();
    h.state_mut().open_path(&fixture("sample-cp1256.txt"));
    h.state_mut().finish_analysis();
    h.run();
    let doc_len = h.state().document().unwrap().text.len();
    let a = h.state().analysis().expect("the new article's analysis");
    assert!(a.mentions.iter().all(|m| m.range.end <= doc_len));
    assert!(
        a.mentions.len() < 100,
        "not the long article's {}",
        a.mentions.len()
    );
}

/// Pins a crash: with the timeline folded away, Alt+↑ stepped through the
/// events of the article open before.
#[test]
fn stepping_events_with_the_timeline_folded_uses_the_open_article() {
    let mut h = analysed(None, Lang::Arabic);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::T,
    );
    h.run();
    assert!(!h.state().settings().timeline_open);
    h.state_mut().open_path(&fixture("sample-cp1256.txt"));
    h.state_mut().finish_analysis();
    h.run();
    h.key_press_modifiers(egui::Modifiers::ALT, egui::Key::ArrowUp);
    h.run();
    let a = h.state().analysis().unwrap();
    let ev = h.state().browse().event.expect("an event is marked");
    let range = marsad::ui::browse::event_range(a, ev);
    assert!(range.end <= h.state().document().unwrap().text.len());
}

/// Pins a bug: a new document date numbers the entities anew (here «أمس»
/// becomes the same day as «14 يناير 2024», one entity fewer), and the
/// selection moved to the entity that took the selected one's number.
#[test]
fn the_selection_stays_on_its_entity_when_the_dates_are_resolved_again() {
    let mut h = analysed(None, Lang::Arabic);
    let text = "قال مسؤول أمس في بغداد إن الوفد وصل.\nوفي 14 يناير 2024 زار الوفد دمشق ثم عاد.\n";
    h.state_mut()
        .open_document(marsad::document::Document::from_text(
            text.into(),
            marsad::document::Format::Text,
        ));
    h.state_mut().finish_analysis();
    h.run();
    let damascus = entity(&h, "دمشق");
    h.get_by_label_contains("دمشق · مكان").click();
    h.run();
    assert_eq!(h.state().browse().entity, Some(damascus));
    redate(&mut h, 2024, 1, 15);
    let now = entity(&h, "دمشق");
    assert_ne!(now, damascus, "its number changed");
    assert_eq!(
        h.state().browse().entity,
        Some(now),
        "and it is still selected"
    );
}

/// The byte range of the `nth` occurrence of `word` in the open article.
fn occurrence(h: &Harness<'_, MarsadApp>, word: &str, nth: usize) -> std::ops::Range<usize> {
    let text = &h.state().document().unwrap().text;
    let start = text.match_indices(word).nth(nth).unwrap().0;
    start..start + word.len()
}

/// The type and who decided the mention at exactly `range`, if one is.
fn mention_on(
    h: &Harness<'_, MarsadApp>,
    range: &std::ops::Range<usize>,
) -> Option<(MentionType, marsad::analysis::article::Decider)> {
    let a = h.state().analysis()?;
    a.mentions
        .iter()
        .position(|m| m.range == *range)
        .map(|i| (a.mentions[i].kind, a.provenance[i].decided_by))
}

#[test]
fn selected_text_takes_a_type_from_its_digit_and_undo_and_redo_take_it_back_and_forth() {
    use marsad::analysis::article::Decider;
    use marsad::ui::reader::Selection;
    let mut h = analysed(None, Lang::Arabic);
    // «المتحدثة» (the spokeswoman) is no mention; the reader marks her.
    let r = occurrence(&h, "المتحدثة", 0);
    assert_eq!(mention_on(&h, &r), None);
    h.state_mut().reader_mut().selection = Some(Selection {
        anchor: r.end,
        head: r.start - 1, // a space caught by the drag
    });
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(
        mention_on(&h, &r),
        Some((MentionType::Person, Decider::Person))
    );
    h.get_by_label("شخص: المتحدثة").hover();
    h.run();
    h.get_by_label("عيّنها القارئ");
    assert!(h.state().reader().selection.is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(mention_on(&h, &r), None, "undone");
    assert!(h.query_by_label("شخص: المتحدثة").is_none());
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    h.run();
    assert_eq!(
        mention_on(&h, &r),
        Some((MentionType::Person, Decider::Person)),
        "redone"
    );
    // Retyped from the keyboard: the mention stepped to takes key 2.
    assert_eq!(
        h.state()
            .browse()
            .mention
            .map(|m| h.state().analysis().unwrap().mentions[m].range.clone()),
        Some(r.clone())
    );
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(
        mention_on(&h, &r),
        Some((MentionType::Organization, Decider::Person))
    );
    assert_eq!(h.state().edits().done.len(), 2);
}

#[test]
fn delete_removes_the_mention_stepped_to_and_shift_digit_marks_every_occurrence() {
    let mut h = analysed(None, Lang::Arabic);
    let before = h.state().analysis().unwrap().mentions.len();
    let r = occurrence(&h, "سابرينا سينغ", 0);
    assert_eq!(mention_on(&h, &r).map(|m| m.0), Some(MentionType::Person));
    h.get_by_label("شخص: سابرينا سينغ").click();
    h.run();
    h.key_press(egui::Key::Delete);
    h.run();
    assert_eq!(mention_on(&h, &r), None);
    assert_eq!(h.state().analysis().unwrap().mentions.len(), before - 1);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(mention_on(&h, &r).is_some(), "back after undo");
    // Shift+3 on «الملف» marks every «الملف» and «بالملف», «بملف» aside.
    let text = h.state().document().unwrap().text.clone();
    let r = occurrence(&h, "الملف", 0);
    h.state_mut().reader_mut().selection = Some(marsad::ui::reader::Selection {
        anchor: r.start,
        head: r.end,
    });
    h.run();
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Num3);
    h.run();
    let a = h.state().analysis().unwrap();
    let marked = a
        .mentions
        .iter()
        .filter(|m| m.kind == MentionType::Place && text[m.range.clone()] == *"الملف")
        .count();
    let written = marsad::analysis::edits::occurrences(&text, "الملف").len();
    assert!(written >= 2, "{written}");
    assert_eq!(marked, written);
    // The deletion was undone; the marks are one step.
    assert_eq!(h.state().edits().done.len(), 1, "one step");
}

#[test]
fn an_edited_article_opens_again_with_its_edits_and_a_changed_one_asks() {
    use marsad::analysis::article::Decider;
    use marsad::ui::reader::Selection;
    let dir = std::env::temp_dir().join(format!("marsad-kittest-sessions-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let article = dir.join("article.txt");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/iraq-us-talks.ar.txt"),
        &article,
    )
    .unwrap();
    let sessions = dir.join("sessions");
    let open = |path: &Path| {
        let (path, sessions) = (path.to_owned(), sessions.clone());
        let mut h = Harness::builder()
            .with_size([1400.0, 900.0])
            .with_max_steps(100)
            .build_eframe(move |cc| {
                MarsadApp::with_sessions(
                    &cc.egui_ctx,
                    Settings::default(),
                    Some(path),
                    Some(sessions),
                )
            });
        h.run();
        h.state_mut().finish_analysis();
        h.run();
        h
    };
    let mut h = open(&article);
    let r = occurrence(&h, "المتحدثة", 0);
    h.state_mut().reader_mut().selection = Some(Selection {
        anchor: r.start,
        head: r.end,
    });
    h.run();
    h.key_press(egui::Key::Num1);
    h.run();
    assert!(mention_on(&h, &r).is_some());
    // «التحالف» (the coalition), an organisation.
    let coalition = occurrence(&h, "التحالف", 0);
    h.state_mut().reader_mut().selection = Some(Selection {
        anchor: coalition.start,
        head: coalition.end,
    });
    h.run();
    h.key_press(egui::Key::Num2);
    h.run();
    assert!(mention_on(&h, &coalition).is_some());
    // A document date of the reader's own is kept with the edits.
    redate(&mut h, 2025, 6, 15);
    // Closing the window writes the session.
    h.state_mut().flush_session();
    drop(h);
    let files: Vec<_> = std::fs::read_dir(&sessions).unwrap().collect();
    assert_eq!(files.len(), 1, "one session file");
    let h = open(&article);
    assert_eq!(
        mention_on(&h, &r),
        Some((MentionType::Person, Decider::Person)),
        "the edit is back"
    );
    let a = h.state().analysis().unwrap();
    assert_eq!(a.doc_date, DocDate::parse("2025-06-15"), "and the date");
    assert_eq!(a.date_source, DateSource::Reader);
    drop(h);
    // The article changes: the window says so and keeps the session file.
    let session_file = std::fs::read_dir(&sessions)
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let saved = std::fs::read(&session_file).unwrap();
    // A line added at the top, and «المتحدثة» retold as «الناطقة».
    let mut text = std::fs::read_to_string(&article).unwrap();
    text.insert_str(0, "تحديث: ");
    let text = text.replacen("المتحدثة", "الناطقة", 1);
    std::fs::write(&article, &text).unwrap();
    let mut h = open(&article);
    assert!(matches!(
        h.state().session_problem(),
        Some(marsad::ui::session_keeper::Problem::Changed(_))
    ));
    h.get_by_label_contains("تغيّر نص المقال");
    h.state_mut().flush_session();
    assert_eq!(
        std::fs::read(&session_file).unwrap(),
        saved,
        "kept as it was"
    );
    // Applying what still fits: «التحالف» moved and is found again, with
    // its type; «المتحدثة» is gone, so its edit is an orphan.
    h.get_by_label("طبّق ما زال يوافق النص").click();
    h.run();
    h.state_mut().finish_analysis();
    h.run();
    let shift = "تحديث: ".len();
    let moved = coalition.start + shift - "المتحدثة".len() + "الناطقة".len();
    let moved = moved..moved + "التحالف".len();
    assert_eq!(&text[moved.clone()], "التحالف");
    assert_eq!(
        mention_on(&h, &moved),
        Some((MentionType::Organization, Decider::Person))
    );
    assert_eq!(h.state().orphans().len(), 1);
    h.get_by_label_contains("لم تعد توافق النص");
    h.get_by_label_contains("وُجد نصها في موضع جديد");
    // Listed, not dropped: the type and the words it was made on.
    h.get_by_label("اعرضها").click();
    h.run();
    h.get_by_label("شخص: «المتحدثة»");
    // The autosave under way ends before the folder goes.
    h.state_mut().flush_session();
    drop(h);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_context_menu_deletes_notes_and_renames_and_the_edit_menu_undoes() {
    let mut h = analysed(None, Lang::Arabic);
    let r = occurrence(&h, "سابرينا سينغ", 0);
    // A note, typed in Arabic with a Latin word.
    h.get_by_label("شخص: سابرينا سينغ").click_secondary();
    h.run();
    h.get_by_label("ملاحظة على الإشارة…").click();
    h.run();
    let field = h
        .get_all_by_role(Role::TextInput)
        .last()
        .expect("the note field");
    field.type_text("متحدثة Pentagon");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let a = h.state().analysis().unwrap();
    let i = a.mentions.iter().position(|m| m.range == r).unwrap();
    assert!(
        a.provenance[i]
            .note
            .as_deref()
            .is_some_and(|n| n.ends_with("متحدثة Pentagon")),
        "{:?}",
        a.provenance[i].note
    );
    // The tooltip shows the note, over either word of the name: the
    // mention is drawn as one rectangle a word, and hovering its second
    // word once showed nothing.
    let rects: Vec<egui::Rect> = h
        .state()
        .reader()
        .mention_rects
        .iter()
        .filter(|(m, _)| *m == i)
        .map(|(_, r)| *r)
        .collect();
    assert!(rects.len() >= 2, "one rectangle a word: {rects:?}");
    for r in &rects {
        h.hover_at(r.center());
        h.run();
        h.get_by_label_contains("متحدثة Pentagon");
    }
    // Rename the entity: the sidebar shows the new name.
    h.get_by_label("شخص: سابرينا سينغ").click_secondary();
    h.run();
    h.get_by_label("سمِّ الكيان…").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_all_by_role(Role::TextInput)
        .last()
        .unwrap()
        .type_text("سابرينا سينغ (البنتاغون)");
    h.run();
    h.get_by_label("حسناً").click();
    h.run();
    h.get_by_label_contains("سابرينا سينغ (البنتاغون) · شخص");
    // Delete it from the context menu; the Edit menu undoes the deletion.
    h.get_by_label("شخص: سابرينا سينغ").click_secondary();
    h.run();
    h.get_by_label("احذف الإشارة").click();
    h.run();
    assert_eq!(mention_on(&h, &r), None);
    h.get_by_label("تحرير").click();
    h.run();
    h.get_by_label("تراجع").click();
    h.run();
    assert!(mention_on(&h, &r).is_some());
    assert_eq!(h.state().edits().done.len(), 2);
}

#[test]
fn imported_brat_annotations_open_their_article_as_the_persons_edits() {
    use marsad::analysis::article::{Decider, Progress, analyze_document};
    use marsad::export::{Article, Format, render};
    let dir = std::env::temp_dir().join(format!("marsad-kittest-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // A colleague's brat files: the sample with «المتحدثة» marked a person
    // and «سابرينا سينغ» left out.
    let doc = marsad::document::Document::sample();
    let machine = analyze_document(&doc, None, &Progress::default()).unwrap();
    let mut edits = marsad::analysis::edits::Edits::default();
    let span = |w: &str| {
        let s = doc.text.find(w).unwrap();
        marsad::analysis::edits::Span::of(&doc.text, s..s + w.len())
    };
    edits.push(vec![
        marsad::analysis::edits::Edit::Mark {
            span: span("المتحدثة"),
            kind: MentionType::Person,
        },
        marsad::analysis::edits::Edit::Unmark {
            span: span("سابرينا سينغ"),
        },
    ]);
    let theirs = marsad::analysis::edits::apply(&doc, &machine, &edits).analysis;
    let files = render(
        Format::Brat,
        &Article {
            id: "colleague.txt",
            doc: &doc,
            analysis: &theirs,
        },
    );
    for f in &files {
        std::fs::write(dir.join(&f.name), &f.bytes).unwrap();
    }
    let mut h = app(None);
    h.state_mut().import_path(&dir.join("colleague.ann"));
    h.run();
    h.state_mut().finish_analysis();
    h.run();
    assert_eq!(
        h.state().document().unwrap().path.as_deref(),
        Some(dir.join("colleague.txt").as_path())
    );
    let r = occurrence(&h, "المتحدثة", 0);
    assert_eq!(
        mention_on(&h, &r),
        Some((MentionType::Person, Decider::Person))
    );
    assert_eq!(mention_on(&h, &occurrence(&h, "سابرينا سينغ", 0)), None);
    let a = h.state().analysis().unwrap();
    assert_eq!(a.mentions.len(), theirs.mentions.len());
    assert_eq!(h.state().edits().done.len(), 1, "one step, undoable");
    // What came in is said above the article, until dismissed.
    assert!(
        h.state()
            .notice()
            .is_some_and(|n| n.contains("استُوردت التعليقات من") && n.contains("colleague.ann")),
        "{:?}",
        h.state().notice()
    );
    h.get_by_label_contains("استُوردت التعليقات من");
    h.get_by_label("إغلاق").click();
    h.run();
    assert!(h.state().notice().is_none());
    assert!(h.query_by_label_contains("استُوردت التعليقات من").is_none());
    // A broken .ann is refused with its reason; the article stays open.
    std::fs::write(dir.join("colleague.ann"), "T1\tPLACE 0 6\tبغداد\n").unwrap();
    h.state_mut().import_path(&dir.join("colleague.ann"));
    h.run();
    assert!(h.state().error().is_some_and(|e| e.contains("بغداد")));
    assert!(h.state().document().is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_edit_made_while_the_dates_are_resolved_again_is_kept() {
    use marsad::analysis::article::Decider;
    use marsad::ui::reader::Selection;
    let mut h = analysed(None, Lang::Arabic);
    h.get_by_label("تغيير…").click();
    h.run();
    let spins: Vec<_> = h.get_all_by_role(Role::SpinButton).collect();
    spins[0].set_value_accesskit(2025.0);
    h.run();
    h.get_by_label("تطبيق").click();
    h.step();
    // The re-dating runs; the reader marks a word meanwhile.
    let r = occurrence(&h, "المتحدثة", 0);
    h.state_mut().reader_mut().selection = Some(Selection {
        anchor: r.start,
        head: r.end,
    });
    h.key_press(egui::Key::Num1);
    h.run();
    h.state_mut().finish_analysis();
    h.run();
    let a = h.state().analysis().unwrap();
    assert_eq!(a.date_source, DateSource::Reader, "the new date");
    assert_eq!(
        mention_on(&h, &r),
        Some((MentionType::Person, Decider::Person)),
        "and the edit"
    );
}

#[test]
fn a_long_article_opens_on_a_thread_while_the_open_one_stays_and_can_be_cancelled() {
    let dir = std::env::temp_dir().join(format!("marsad-open-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long = dir.join("long.txt");
    let sample = marsad::document::SAMPLE_TEXT;
    std::fs::write(
        &long,
        format!("{sample}\n").repeat(8_000_000 / sample.len()),
    )
    .unwrap();
    let mut h = analysed(None, Lang::Arabic);
    let marks = h.state().analysis().unwrap().mentions.len();
    h.state_mut().open_in_background(&long);
    h.step();
    // While it opens, the sample stays, marked, and a line says what is
    // opening, how far, with a button to cancel.
    assert_eq!(h.state().document().unwrap().title, TITLE);
    assert_eq!(h.state().analysis().unwrap().mentions.len(), marks);
    assert!(h.query_all_by_label("مكان: بغداد").count() >= 2);
    let line = text_of(&h.get_by_label_contains("يُفتح"));
    assert!(line.contains("long.txt") && line.contains('٪'), "{line}");
    h.get_by_label("إلغاء").click();
    h.run();
    assert!(h.state().opening().is_none());
    assert_eq!(h.state().document().unwrap().title, TITLE);
    assert!(h.query_by_label_contains("يُفتح").is_none());
    assert!(h.state().error().is_none(), "cancelling is not a failure");
    // Opened to the end: the long article, laid out at the reader's width
    // on the thread, then analysed.
    let width = h.state().reader().cache.width();
    h.state_mut().open_in_background(&long);
    h.state_mut().finish_opening();
    assert_eq!(
        h.state().document().unwrap().text.len(),
        std::fs::metadata(&long).unwrap().len() as usize
    );
    assert_eq!(h.state().reader().cache.width(), width);
    let lines = h.state().reader().cache.layout().lines.len();
    assert!(lines > 10_000, "{lines} lines");
    h.step();
    assert!(reader_text(&h).contains("سابرينا سينغ"));
    assert!(h.state().analysing());
    // A file that cannot be read leaves the long article open, with why.
    h.state_mut().open_in_background(&dir.join("missing.txt"));
    h.state_mut().finish_opening();
    h.step();
    assert!(h.state().error().is_some());
    assert_eq!(
        h.state().document().unwrap().text.len(),
        std::fs::metadata(&long).unwrap().len() as usize
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_hijri_date_shows_its_gregorian_day_not_a_second_hijri_one() {
    // The tabular calendar puts 10 Safar 1432 on Sunday 16 January 2011;
    // the text says Friday, the 14th, and the Hijri date takes that day.
    let mut h = analysed(Some(fixture("hijri-and-gregorian.txt")), Lang::Arabic);
    h.get_by_label("تاريخ: الجمعة 10 صفر 1432 هـ").hover();
    h.run();
    h.get_by_label("2011-01-14");
    assert!(
        h.query_by_label("٨ صفر ١٤٣٢ هـ").is_none() && h.query_by_label("١٠ صفر ١٤٣٢ هـ").is_none(),
        "the calendar's Hijri day is not shown beside the text's own"
    );
    // The Gregorian date said to be the same day: one event, not two, and
    // its card gives no calendar Hijri day beside the text's own.
    assert_eq!(h.state().timeline_events().len(), 1);
    let doc = h.state().document().unwrap();
    let a = h.state().analysis().expect("analysed");
    assert_eq!(
        marsad::ui::timeline_panel::event_date_text(
            a,
            &marsad::ui::browse::Index::new(&doc.text, a),
            EventId::Dated(0),
            Lang::Arabic
        ),
        "١٤ يناير ٢٠١١"
    );
}
