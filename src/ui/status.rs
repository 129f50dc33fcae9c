//! The status line: which file, how it was read, how long it is, and how
//! far the analysis has come (or what it found).

use egui::{Response, Ui};

use super::i18n::{self, ENTITY, EVENT, LINE, Lang, MENTION, PARAGRAPH, WORD, count};
use super::theme::Palette;
use crate::analysis::article::Analysis;
use crate::analysis::describe;
use crate::document::Document;

/// The analysis as the status line tells it.
pub enum AnalysisStatus<'a> {
    Running(f32),
    Done(&'a Analysis),
    None,
}

/// The status text. `words` is counted once when the document opens, not
/// every frame.
pub fn status_text(
    doc: &Document,
    words: usize,
    lines: usize,
    analysis: AnalysisStatus<'_>,
    lang: Lang,
) -> String {
    let t = i18n::strings(lang);
    let mut parts = vec![
        doc.display_name(),
        doc.encoding.to_owned(),
        count(doc.paragraphs.len(), &PARAGRAPH, lang),
        count(words, &WORD, lang),
        count(lines, &LINE, lang),
    ];
    match analysis {
        AnalysisStatus::Running(p) => parts.push(format!(
            "{} {}",
            t.analysing,
            describe::digits(&format!("{:.0}%", p * 100.0), lang)
        )),
        AnalysisStatus::Done(a) => {
            parts.push(count(a.mentions.len(), &MENTION, lang));
            parts.push(count(a.entities.len(), &ENTITY, lang));
            parts.push(count(a.timeline.dated.len(), &EVENT, lang));
        }
        AnalysisStatus::None => {}
    }
    // In Arabic each part is set apart by right-to-left marks, so that a
    // file name and the encoding after it stay two parts read from the
    // right, not one left-to-right run. A bar, not a middle dot: next to
    // Arabic-Indic digits a dot reads as the digit zero «٠».
    match lang {
        Lang::Arabic => parts.join("\u{200f}  |  \u{200f}"),
        Lang::English => parts.join("  ·  "),
    }
}

pub fn status_ui(ui: &mut Ui, text: &str, palette: &Palette) -> Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    super::bidi_text::label_colored(ui, text, &font, palette.muted)
}
