//! The status line: which file, how it was read, how long it is.

use egui::{Response, RichText, Ui};

use super::theme::Palette;
use crate::document::Document;

/// `words` is counted once when the document opens, not every frame.
pub fn status_ui(
    ui: &mut Ui,
    doc: &Document,
    words: usize,
    lines: usize,
    palette: &Palette,
) -> Response {
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
