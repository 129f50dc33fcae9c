//! The menu bar: File, View, and the theme toggle.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::settings::Settings;
use super::theme::Theme;

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const BIGGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
pub const BIGGER_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
pub const SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
pub const RESET_SIZE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);

/// What the reader asked for from the menu.
#[derive(Debug, PartialEq)]
pub enum MenuAction {
    Open,
    OpenSample,
    OpenRecent(PathBuf),
    Quit,
}

pub fn menu_ui(ui: &mut Ui, settings: &mut Settings) -> Option<MenuAction> {
    let mut action = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            if ui
                .add(egui::Button::new("Open…").shortcut_text(ui.ctx().format_shortcut(&OPEN)))
                .clicked()
            {
                action = Some(MenuAction::Open);
            }
            if ui.button("Open the sample article").clicked() {
                action = Some(MenuAction::OpenSample);
            }
            ui.menu_button("Open recent", |ui| {
                if settings.recent.is_empty() {
                    ui.label("No recent files");
                }
                for path in settings.recent.clone() {
                    if ui.button(path.display().to_string()).clicked() {
                        action = Some(MenuAction::OpenRecent(path));
                    }
                }
                if !settings.recent.is_empty() {
                    ui.separator();
                    if ui.button("Clear the list").clicked() {
                        settings.recent.clear();
                    }
                }
            });
            ui.separator();
            if ui.button("Quit").clicked() {
                action = Some(MenuAction::Quit);
            }
        });
        ui.menu_button("View", |ui| {
            if ui
                .add(
                    egui::Button::new("Larger text")
                        .shortcut_text(ui.ctx().format_shortcut(&BIGGER)),
                )
                .clicked()
            {
                settings.bigger();
            }
            if ui
                .add(
                    egui::Button::new("Smaller text")
                        .shortcut_text(ui.ctx().format_shortcut(&SMALLER)),
                )
                .clicked()
            {
                settings.smaller();
            }
            if ui
                .add(
                    egui::Button::new("Default size")
                        .shortcut_text(ui.ctx().format_shortcut(&RESET_SIZE)),
                )
                .clicked()
            {
                settings.font_size = super::settings::DEFAULT_FONT;
            }
            ui.separator();
            ui.add(
                egui::Slider::new(
                    &mut settings.font_size,
                    super::settings::MIN_FONT..=super::settings::MAX_FONT,
                )
                .step_by(1.0)
                .text("Font size"),
            );
            ui.add(
                egui::Slider::new(&mut settings.line_spacing, 1.0..=3.0)
                    .step_by(0.05)
                    .text("Line spacing"),
            );
            ui.add(
                egui::Slider::new(&mut settings.column_width, 300.0..=2000.0)
                    .step_by(10.0)
                    .text("Column width"),
            );
            ui.separator();
            for theme in Theme::ALL {
                ui.radio_value(&mut settings.theme, theme, theme.name());
            }
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let label = format!("Theme: {}", settings.theme.name());
            if ui
                .button(label)
                .on_hover_text("Light, dark or sepia")
                .clicked()
            {
                settings.theme = settings.theme.next();
            }
        });
    });
    action
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
