//! The eframe app: the reader view with the analysis marked in it, the
//! entity sidebar, the timeline, menus, fonts and themes.
//!
//! One widget per file: [`reader`] paints a laid-out document and its
//! mentions, [`sidebar`] the entities, [`timeline_panel`] the events on a
//! time axis, [`legend`] the type toggles, [`bidi_edit`] the filter field,
//! [`rtl_label`] a right-to-left heading or excerpt, [`menu`] the menu bar,
//! [`status`] the status line. Every Arabic string goes through Marsad's
//! layout: [`bidi_text`] turns a line into a galley in visual order for any
//! egui widget. The pure parts stay free of egui: [`browse`] (selection,
//! sidebar rows, timeline filtering) and [`time_axis`] (ticks, collapsed
//! gaps, placement). [`open_job`] reads and lays out a file, and
//! [`analysis_job`] analyses it, off the UI thread.
//! [`measure`] implements [`crate::layout::Measure`] with egui's fonts, so
//! the layout engine stays free of egui. Persisted settings live in one
//! `#[serde(default)]` struct ([`settings::Settings`]); per-frame caches apart
//! ([`reader::ReaderCache`]).

pub mod analysis_job;
pub mod app;
pub mod bidi_edit;
pub mod bidi_text;
pub mod browse;
pub mod editing;
pub mod fonts;
pub mod highlight;
pub mod i18n;
pub mod legend;
pub mod measure;
pub mod menu;
pub mod open_job;
pub mod reader;
pub mod rtl_label;
pub mod session_keeper;
pub mod settings;
pub mod shaper;
pub mod sidebar;
pub mod status;
pub mod theme;
pub mod time_axis;
pub mod timeline_panel;

pub use app::MarsadApp;

/// Opens the window. `path` is the file to open; `None` opens the sample.
pub fn run(path: Option<std::path::PathBuf>) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Marsad")
            .with_app_id("marsad")
            .with_inner_size([1200.0, 820.0])
            .with_min_inner_size([420.0, 300.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Marsad",
        options,
        Box::new(move |cc| Ok(Box::new(MarsadApp::new(cc, path)))),
    )
}

/// A row of widgets in the interface's direction (right to left in
/// Arabic), one widget high, like `ui.horizontal`.
pub fn row_ui<R>(ui: &mut egui::Ui, rtl: bool, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let layout = if rtl {
        egui::Layout::right_to_left(egui::Align::Center)
    } else {
        egui::Layout::left_to_right(egui::Align::Center)
    };
    let size = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, layout, add).inner
}
