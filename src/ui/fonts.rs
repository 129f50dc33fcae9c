//! Bundled fonts (SIL OFL, see `fonts/`), compiled into the binary.
//!
//! - Reading: Amiri, a Naskh face that also covers Latin, digits and
//!   punctuation, so a mixed line is shaped by one font.
//! - Interface: Noto Sans Arabic with Noto Sans for Latin.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily, FontId};

/// The family name of the reading face, as the layout dump reports it.
pub const READING_FONT: &str = "Amiri";
/// The egui family names of the reading faces.
pub const READING_FAMILY: &str = "reading";
pub const READING_BOLD_FAMILY: &str = "reading-bold";
const READING: &str = READING_FAMILY;
const READING_BOLD: &str = READING_BOLD_FAMILY;
/// The first face of each reading family (measured directly by
/// [`super::shaper`]).
pub const READING_REGULAR_TTF: &[u8] = include_bytes!("../../fonts/Amiri-Regular.ttf");
pub const READING_BOLD_TTF: &[u8] = include_bytes!("../../fonts/Amiri-Bold.ttf");
const UI_BOLD: &str = "interface-bold";

pub fn reading(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(READING.into()))
}

pub fn reading_bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(READING_BOLD.into()))
}

pub fn interface_bold(size: f32) -> FontId {
    FontId::new(size, FontFamily::Name(UI_BOLD.into()))
}

/// Egui's defaults plus Marsad's faces.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let mut add = |name: &str, bytes: &'static [u8]| {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    };
    add("Amiri-Regular", READING_REGULAR_TTF);
    add("Amiri-Bold", READING_BOLD_TTF);
    add(
        "NotoSans-Regular",
        include_bytes!("../../fonts/NotoSans-Regular.ttf"),
    );
    add(
        "NotoSans-Bold",
        include_bytes!("../../fonts/NotoSans-Bold.ttf"),
    );
    add(
        "NotoSansArabic-Regular",
        include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"),
    );
    add(
        "NotoSansArabic-Bold",
        include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"),
    );

    let fallback: Vec<String> = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let family = |first: &[&str]| -> Vec<String> {
        first
            .iter()
            .map(|s| s.to_string())
            .chain(fallback.iter().cloned())
            .collect()
    };
    defs.families.insert(
        FontFamily::Name(READING.into()),
        family(&["Amiri-Regular", "NotoSans-Regular"]),
    );
    defs.families.insert(
        FontFamily::Name(READING_BOLD.into()),
        family(&["Amiri-Bold", "NotoSans-Bold"]),
    );
    defs.families.insert(
        FontFamily::Proportional,
        family(&["NotoSans-Regular", "NotoSansArabic-Regular"]),
    );
    defs.families.insert(
        FontFamily::Name(UI_BOLD.into()),
        family(&["NotoSans-Bold", "NotoSansArabic-Bold"]),
    );
    defs
}

/// Installs the fonts in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
