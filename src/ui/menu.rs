//! The menu bar: File, View, Navigate, and the theme toggle. In Arabic the
//! bar starts at the right and each menu's items are right-aligned; every
//! label goes through [`super::bidi_text`].

use std::path::PathBuf;

use egui::{Align, Key, KeyboardShortcut, Layout, Modifiers, Ui};

use super::bidi_text::{self, menu_button};
use super::highlight::TYPES;
use super::i18n::{self, Lang};
use super::settings::Settings;
use super::theme::Theme;
use crate::analysis::describe;

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const BIGGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
pub const BIGGER_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
pub const SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
pub const RESET_SIZE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const NEXT_EVENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
pub const PREVIOUS_EVENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);

/// What the reader asked for from the menu.
#[derive(Debug, PartialEq)]
pub enum MenuAction {
    Open,
    OpenSample,
    OpenRecent(PathBuf),
    Quit,
    NextMention,
    PreviousMention,
    ClearSelection,
    FindEntity,
    NextEvent,
    PreviousEvent,
}

pub fn theme_name(theme: Theme, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match theme {
        Theme::Light => t.light,
        Theme::Dark => t.dark,
        Theme::Sepia => t.sepia,
    }
}

/// A menu item with its shortcut on the trailing side.
fn item(ui: &mut Ui, label: &str, shortcut: Option<&str>) -> bool {
    bidi_text::menu_item(ui, label, shortcut).clicked()
}

/// The layout of a menu's contents: right-aligned in Arabic.
fn items_layout(lang: Lang) -> Layout {
    match lang {
        Lang::Arabic => Layout::top_down_justified(Align::Max),
        Lang::English => Layout::top_down_justified(Align::Min),
    }
}

pub fn menu_ui(ui: &mut Ui, settings: &mut Settings) -> Option<MenuAction> {
    let mut action = None;
    let lang = settings.language;
    let t = i18n::strings(lang);
    let bar = match lang {
        Lang::Arabic => Layout::right_to_left(Align::Center),
        Lang::English => Layout::left_to_right(Align::Center),
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.with_layout(bar, |ui| {
            menu_button(ui, t.file, |ui| {
                ui.with_layout(items_layout(lang), |ui| {
                    let open = ui.ctx().format_shortcut(&OPEN);
                    if item(ui, t.open, Some(&open)) {
                        action = Some(MenuAction::Open);
                    }
                    if item(ui, t.open_sample, None) {
                        action = Some(MenuAction::OpenSample);
                    }
                    menu_button(ui, t.open_recent, |ui| {
                        ui.with_layout(items_layout(lang), |ui| {
                            if settings.recent.is_empty() {
                                bidi_text::label(ui, t.no_recent);
                            }
                            for path in settings.recent.clone() {
                                if item(ui, &path.display().to_string(), None) {
                                    action = Some(MenuAction::OpenRecent(path));
                                }
                            }
                            if !settings.recent.is_empty() {
                                ui.separator();
                                if item(ui, t.clear_list, None) {
                                    settings.recent.clear();
                                }
                            }
                        });
                    });
                    ui.separator();
                    if item(ui, t.quit, None) {
                        action = Some(MenuAction::Quit);
                    }
                });
            });
            menu_button(ui, t.view, |ui| {
                ui.with_layout(items_layout(lang), |ui| view_menu_ui(ui, settings, lang));
            });
            menu_button(ui, t.navigate, |ui| {
                ui.with_layout(items_layout(lang), |ui| {
                    let entries = [
                        (t.next_mention, "Tab", MenuAction::NextMention),
                        (t.previous_mention, "Shift+Tab", MenuAction::PreviousMention),
                        (t.clear_selection, "Esc", MenuAction::ClearSelection),
                    ];
                    for (label, key, a) in entries {
                        if item(ui, label, Some(key)) {
                            action = Some(a);
                        }
                    }
                    ui.separator();
                    let find = ui.ctx().format_shortcut(&FIND);
                    if item(ui, t.find_entity, Some(&find)) {
                        action = Some(MenuAction::FindEntity);
                    }
                    let next = ui.ctx().format_shortcut(&NEXT_EVENT);
                    if item(ui, t.next_event, Some(&next)) {
                        action = Some(MenuAction::NextEvent);
                    }
                    let prev = ui.ctx().format_shortcut(&PREVIOUS_EVENT);
                    if item(ui, t.previous_event, Some(&prev)) {
                        action = Some(MenuAction::PreviousEvent);
                    }
                });
            });
            // The theme toggle at the far end.
            let end = match lang {
                Lang::Arabic => Layout::left_to_right(Align::Center),
                Lang::English => Layout::right_to_left(Align::Center),
            };
            ui.with_layout(end, |ui| {
                let label = format!("{}: {}", t.theme, theme_name(settings.theme, lang));
                if bidi_text::button(ui, &label).clicked() {
                    settings.theme = settings.theme.next();
                }
            });
        });
    });
    action
}

fn view_menu_ui(ui: &mut Ui, settings: &mut Settings, lang: Lang) {
    let t = i18n::strings(lang);
    if item(ui, t.larger, Some(&ui.ctx().format_shortcut(&BIGGER))) {
        settings.bigger();
    }
    if item(ui, t.smaller, Some(&ui.ctx().format_shortcut(&SMALLER))) {
        settings.smaller();
    }
    if item(
        ui,
        t.default_size,
        Some(&ui.ctx().format_shortcut(&RESET_SIZE)),
    ) {
        settings.font_size = super::settings::DEFAULT_FONT;
    }
    ui.separator();
    let slider = |ui: &mut Ui,
                  value: &mut f32,
                  range: std::ops::RangeInclusive<f32>,
                  step: f64,
                  label: &str| {
        super::row_ui(ui, lang == Lang::Arabic, |ui| {
            let l = bidi_text::label(ui, label);
            ui.add(egui::Slider::new(value, range).step_by(step))
                .labelled_by(l.id);
        });
    };
    slider(
        ui,
        &mut settings.font_size,
        super::settings::MIN_FONT..=super::settings::MAX_FONT,
        1.0,
        t.font_size,
    );
    slider(
        ui,
        &mut settings.line_spacing,
        1.0..=3.0,
        0.05,
        t.line_spacing,
    );
    slider(
        ui,
        &mut settings.column_width,
        300.0..=2000.0,
        10.0,
        t.column_width,
    );
    ui.separator();
    for theme in Theme::ALL {
        bidi_text::radio_value(ui, &mut settings.theme, theme, theme_name(theme, lang));
    }
    ui.separator();
    menu_button(ui, t.language, |ui| {
        for l in [Lang::Arabic, Lang::English] {
            bidi_text::radio_value(ui, &mut settings.language, l, i18n::language_name(l));
        }
    });
    menu_button(ui, t.panels, |ui| {
        ui.with_layout(items_layout(lang), |ui| {
            bidi_text::checkbox(ui, &mut settings.entities_open, t.entities_panel);
            bidi_text::checkbox(ui, &mut settings.timeline_open, t.timeline_panel);
            bidi_text::checkbox(ui, &mut settings.legend_open, t.legend);
        });
    });
    menu_button(ui, t.highlights, |ui| {
        ui.with_layout(items_layout(lang), |ui| {
            for kind in TYPES {
                let mut on = !settings.hidden_types.contains(&kind);
                if bidi_text::checkbox(ui, &mut on, describe::type_plural(kind, lang)).changed() {
                    super::legend::toggle(settings, kind);
                }
            }
        });
    });
}

/// Keyboard shortcuts of the View menu; Ctrl+O is the app's.
pub fn view_shortcuts(ui: &Ui, settings: &mut Settings) {
    ui.input_mut(|i| {
        if i.consume_shortcut(&BIGGER) || i.consume_shortcut(&BIGGER_EQUALS) {
            settings.bigger();
        }
        if i.consume_shortcut(&SMALLER) {
            settings.smaller();
        }
        if i.consume_shortcut(&RESET_SIZE) {
            settings.font_size = super::settings::DEFAULT_FONT;
        }
    });
}
