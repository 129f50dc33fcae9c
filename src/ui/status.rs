//! The status line: which file, how it was read, how long it is.

use egui::{Response, RichText, Ui};

use super::theme::Palette;
use crate::document::Document;

pub fn status_ui(ui: &mut Ui, doc: &Document, lines: usize, palette: &Palette) -> Response {
    let words = doc.text.split_whitespace().count();
    let text = format!(
        "{}  ·  {}  ·  {} paragraphs  ·  {} words  ·  {} lines",
        doc.display_name(),
        doc.encoding,
        doc.paragraphs.len(),
        words,
        lines
    );
    ui.label(RichText::new(text).color(palette.muted).small())
}
