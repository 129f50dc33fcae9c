//! The eframe app: the reader view, menus, fonts and themes.
//!
//! One widget per file: [`reader`] paints a laid-out document, [`rtl_label`]
//! a single right-to-left heading, [`menu`] the menu bar, [`status`] the status
//! line. [`measure`] implements [`crate::layout::Measure`] with egui's fonts,
//! so the layout engine stays free of egui. Persisted settings live in one
//! `#[serde(default)]` struct ([`settings::Settings`]); per-frame caches apart
//! ([`reader::ReaderCache`]).

pub mod app;
pub mod fonts;
pub mod measure;
pub mod menu;
pub mod reader;
pub mod rtl_label;
pub mod settings;
pub mod shaper;
pub mod status;
pub mod theme;
pub mod time_axis;

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
