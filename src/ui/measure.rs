//! Shaped widths from egui's fonts, for the layout engine; and the layout
//! jobs that draw what was measured, so that both agree.

use std::collections::HashMap;

use egui::text::{LayoutJob, TextFormat, TextWrapping};
use egui::{Color32, FontId};

use crate::layout::Measure;

/// Whether `c` belongs to the Arabic script blocks (letters, Arabic-Indic
/// digits, Arabic punctuation, presentation forms).
pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06ff}' | '\u{0750}'..='\u{077f}' | '\u{08a0}'..='\u{08ff}' | '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}')
}

fn empty_job() -> LayoutJob {
    LayoutJob {
        wrap: TextWrapping::no_max_width(),
        break_on_newline: false,
        round_output_to_gui: false,
        ..Default::default()
    }
}

/// The job that draws one placed piece. egui's shaper guesses the direction
/// of a run from its script, so a left-to-right piece written in Arabic
/// script (Arabic-Indic digits, ٣٨٫٢) is given one section per character:
/// each is shaped alone and the sections are set left to right.
pub fn item_job(text: &str, rtl: bool, font: &FontId, color: Color32) -> LayoutJob {
    pieces_job(std::iter::once((text, color)), rtl, font)
}

/// The job for a piece drawn in several colours; `pieces` come in visual
/// order (see [`crate::layout::highlight_pieces`]).
pub fn pieces_job<'a>(
    pieces: impl IntoIterator<Item = (&'a str, Color32)>,
    rtl: bool,
    font: &FontId,
) -> LayoutJob {
    let mut job = empty_job();
    for (text, color) in pieces {
        let format = TextFormat::simple(font.clone(), color);
        if !rtl && text.chars().any(is_arabic_script) {
            let mut buf = [0u8; 4];
            for c in text.chars() {
                job.append(c.encode_utf8(&mut buf), 0.0, format.clone());
            }
        } else {
            job.append(text, 0.0, format);
        }
    }
    job
}

/// Widths measured once per distinct piece and font size.
#[derive(Default)]
pub struct WidthCache {
    font: Option<FontId>,
    /// Left-to-right and right-to-left pieces.
    widths: [HashMap<String, f32>; 2],
    space: HashMap<String, f32>,
}

impl WidthCache {
    fn check_font(&mut self, font: &FontId) {
        if self.font.as_ref() != Some(font) {
            self.widths.iter_mut().for_each(HashMap::clear);
            self.space.clear();
            self.font = Some(font.clone());
        }
    }
}

/// [`Measure`] with egui's fonts.
pub struct EguiMeasure<'a> {
    pub ctx: &'a egui::Context,
    pub font: FontId,
    pub cache: &'a mut WidthCache,
}

impl<'a> EguiMeasure<'a> {
    pub fn new(ctx: &'a egui::Context, font: FontId, cache: &'a mut WidthCache) -> Self {
        cache.check_font(&font);
        EguiMeasure { ctx, font, cache }
    }

    fn shaped_width(&self, job: LayoutJob) -> f32 {
        self.ctx.fonts_mut(|f| f.layout_job(job)).size().x
    }
}

impl Measure for EguiMeasure<'_> {
    fn item_width(&mut self, text: &str, rtl: bool) -> f32 {
        if let Some(w) = self.cache.widths[rtl as usize].get(text) {
            return *w;
        }
        let w = self.shaped_width(item_job(text, rtl, &self.font, Color32::WHITE));
        self.cache.widths[rtl as usize].insert(text.to_owned(), w);
        w
    }

    fn space_width(&mut self, text: &str) -> f32 {
        if let Some(w) = self.cache.space.get(text) {
            return *w;
        }
        // Any white space is set as that many normal spaces (tabs as four).
        let n: usize = text.chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
        let one = self.shaped_width(item_job("x x", false, &self.font, Color32::WHITE))
            - self.shaped_width(item_job("xx", false, &self.font, Color32::WHITE));
        let w = one * n as f32;
        self.cache.space.insert(text.to_owned(), w);
        w
    }
}

/// A context with Marsad's fonts, for measuring outside the window (the
/// `marsad layout` command, benchmarks, tests).
pub fn headless_context() -> egui::Context {
    let ctx = egui::Context::default();
    super::fonts::install(&ctx);
    // Fonts are loaded at the start of a pass.
    let _ = ctx.run_ui(egui::RawInput::default(), |_| {});
    ctx
}
