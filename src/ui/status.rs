//! The status line: which file, how it was read, how long it is, and how
//! far the analysis has come (or what it found).

use egui::{Response, Ui};

use super::i18n::{self, ENTITY, EVENT, LINE, Lang, MENTION, PARAGRAPH, UNREADABLE, WORD, count};
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
    let encoding = match doc.replaced {
        0 => doc.encoding.to_owned(),
        n => format!("{} ({})", doc.encoding, count(n, &UNREADABLE, lang)),
    };
    let mut parts = vec![
        doc.display_name(),
        encoding,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A file cut in the middle of a letter opens as UTF-8, and the status
    /// line says what could not be read.
    #[test]
    fn the_status_tells_how_many_characters_were_unreadable() {
        let text = "قالت وزارة الخارجية إن الوفد وصل إلى بغداد".repeat(20);
        let cut = &text.as_bytes()[..text.len() - 1];
        let doc = crate::document::load_bytes(cut, std::path::Path::new("cut.txt")).unwrap();
        assert_eq!(doc.replaced, 1);
        let english = status_text(&doc, 0, 0, AnalysisStatus::None, Lang::English);
        assert!(
            english.contains("UTF-8 (1 unreadable character)"),
            "{english}"
        );
        let arabic = status_text(&doc, 0, 0, AnalysisStatus::None, Lang::Arabic);
        assert!(arabic.contains("UTF-8 (رمز تالف واحد)"), "{arabic}");
        let whole = crate::document::load_bytes(text.as_bytes(), std::path::Path::new("a.txt"));
        let whole = status_text(&whole.unwrap(), 0, 0, AnalysisStatus::None, Lang::English);
        assert!(!whole.contains("unreadable"), "{whole}");
    }
}
