//! The app: one open document, the reader view around it, and the ways to
//! open another (argument, File > Open, Ctrl+O, drag and drop, recent files).

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use egui::{RichText, Ui};

use super::menu::{self, MenuAction};
use super::reader::{ReaderState, reader_ui};
use super::settings::Settings;
use super::theme::Theme;
use super::{fonts, status};
use crate::document::{self, Document};

/// What the file dialog gave, and whether it was shown at all.
enum DialogResult {
    Picked(PathBuf),
    Cancelled,
    /// The dialog returned at once: no desktop portal and no zenity.
    Unavailable,
}

pub struct MarsadApp {
    settings: Settings,
    doc: Option<Document>,
    /// Bumped on each document opened: the reader's caches key on it.
    generation: u64,
    /// Words of the open document, for the status line.
    words: usize,
    error: Option<String>,
    reader: ReaderState,
    dialog: Option<mpsc::Receiver<DialogResult>>,
    applied_theme: Option<Theme>,
    title_shown: Option<String>,
}

impl MarsadApp {
    /// Opens `path`, or the bundled sample when there is none.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        fonts::install(&cc.egui_ctx);
        cc.egui_ctx.options_mut(|o| o.zoom_with_keyboard = false);
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
            .map(Settings::sanitized)
            .unwrap_or_default();
        let mut app = MarsadApp {
            settings,
            doc: None,
            generation: 0,
            words: 0,
            error: None,
            reader: ReaderState::default(),
            dialog: None,
            applied_theme: None,
            title_shown: None,
        };
        match path {
            Some(p) => app.open_path(&p),
            None => app.show(Document::sample()),
        }
        app
    }

    pub fn document(&self) -> Option<&Document> {
        self.doc.as_ref()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn reader(&self) -> &ReaderState {
        &self.reader
    }

    /// Opens a file. On failure the message is shown and the open article
    /// stays open.
    pub fn open_path(&mut self, path: &Path) {
        match document::load_path(path) {
            Ok(doc) => {
                self.settings.remember(path.to_owned());
                self.show(doc);
            }
            Err(e) => {
                eprintln!("marsad: {e}");
                self.error = Some(e.to_string());
            }
        }
    }

    fn show(&mut self, doc: Document) {
        self.words = doc.text.split_whitespace().count();
        self.doc = Some(doc);
        self.generation += 1;
        self.error = None;
        self.reader.reset();
    }

    fn ask_for_file(&mut self, ctx: &egui::Context) {
        if self.dialog.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let dir = self
            .settings
            .recent
            .first()
            .and_then(|p| p.parent())
            .map(Path::to_owned);
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title("Open an article")
                .add_filter("Articles", &["txt", "html", "htm", "md"])
                .add_filter("All files", &["*"]);
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let shown = std::time::Instant::now();
            let result = match dialog.pick_file() {
                Some(path) => DialogResult::Picked(path),
                // Nobody cancels a dialog within a tenth of a second: it was
                // never shown.
                None if shown.elapsed() < std::time::Duration::from_millis(100) => {
                    DialogResult::Unavailable
                }
                None => DialogResult::Cancelled,
            };
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        self.dialog = Some(rx);
    }

    fn poll_dialog(&mut self) {
        let Some(rx) = &self.dialog else { return };
        let result = match rx.try_recv() {
            Ok(r) => r,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => DialogResult::Unavailable,
        };
        self.dialog = None;
        match result {
            DialogResult::Picked(path) => self.open_path(&path),
            DialogResult::Cancelled => {}
            DialogResult::Unavailable => {
                self.error = Some(
                    "No file dialog could be shown (Marsad uses the desktop portal or zenity). \
                     Drag a file onto the window, or run: marsad FILE"
                        .into(),
                )
            }
        }
    }

    fn handle_input(&mut self, ui: &Ui) {
        let ctx = ui.ctx().clone();
        if ui.input_mut(|i| i.consume_shortcut(&menu::OPEN)) {
            self.ask_for_file(&ctx);
        }
        menu::view_shortcuts(ui, &mut self.settings);
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.open_path(path);
        }
    }

    fn apply_theme_and_title(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_visuals(self.settings.theme.visuals());
            self.applied_theme = Some(self.settings.theme);
        }
        let title = match &self.doc {
            Some(d) => format!("{} — Marsad", d.title),
            None => "Marsad".to_owned(),
        };
        if self.title_shown.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = Some(title);
        }
    }

    fn error_ui(&mut self, ui: &mut Ui) {
        let Some(msg) = self.error.clone() else {
            return;
        };
        egui::Panel::top("error").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(&msg).color(ui.visuals().error_fg_color));
                if self.doc.is_some() {
                    ui.label(RichText::new("The article that was open is still open.").weak());
                }
                if ui.small_button("Dismiss").clicked() {
                    self.error = None;
                }
            });
        });
    }
}

impl eframe::App for MarsadApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.poll_dialog();
        self.handle_input(ui);
        self.apply_theme_and_title(&ctx);
        let palette = self.settings.theme.palette();

        egui::Panel::top("menu").show(ui, |ui| match menu::menu_ui(ui, &mut self.settings) {
            Some(MenuAction::Open) => self.ask_for_file(&ctx),
            Some(MenuAction::OpenSample) => self.show(Document::sample()),
            Some(MenuAction::OpenRecent(p)) => self.open_path(&p),
            Some(MenuAction::Quit) => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            None => {}
        });
        self.error_ui(ui);
        if let Some(doc) = &self.doc {
            let lines = self.reader.cache.layout().lines.len();
            egui::Panel::bottom("status").show(ui, |ui| {
                status::status_ui(ui, doc, self.words, lines, &palette);
            });
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).fill(palette.page))
            .show(ui, |ui| match &self.doc {
                Some(doc) => {
                    reader_ui(ui, doc, self.generation, &self.settings, &mut self.reader);
                }
                None => {
                    ui.vertical_centered(|ui| {
                        ui.add_space(80.0);
                        ui.heading("Marsad");
                        ui.label(
                            "Open an Arabic article: File > Open (Ctrl+O), or drop a file here.",
                        );
                        if ui.button("Open the sample article").clicked() {
                            self.show(Document::sample());
                        }
                    });
                }
            });
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(120));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop to open",
                egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
            );
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
