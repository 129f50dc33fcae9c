//! Shaped widths from egui's fonts, for the layout engine; and the layout
//! jobs that draw what was measured, so that both agree.

use std::collections::HashMap;
use std::sync::Arc;

use egui::epaint::text::Fonts;
use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat, TextWrapping};
use egui::{Color32, FontId};

use crate::layout::{Measure, Shaped};

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
        if per_char(text, rtl) {
            let mut buf = [0u8; 4];
            for c in text.chars() {
                push_section(&mut job, c.encode_utf8(&mut buf), format.clone());
            }
        } else {
            push_section(&mut job, text, format);
        }
    }
    job
}

/// Whether a piece is drawn one section per character: a left-to-right
/// piece in Arabic script.
pub fn per_char(text: &str, rtl: bool) -> bool {
    !rtl && text.chars().any(is_arabic_script)
}

/// Appends a section that is shaped on its own. (`LayoutJob::append` merges
/// a section into the previous one when their formats are equal, which would
/// shape the characters of a left-to-right Arabic-Indic number as one
/// right-to-left run and reverse them.)
pub fn push_section(job: &mut LayoutJob, text: &str, format: TextFormat) {
    let start = job.text.len();
    job.text.push_str(text);
    job.sections.push(LayoutSection {
        leading_space: 0.0,
        byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
        format,
    });
}

/// Galleys kept across frames, drawn in any colour (their text is
/// [`Color32::PLACEHOLDER`], given its colour when painted). egui keeps a
/// galley only while it is drawn every frame, so a jump in a long article,
/// or a selection that recolours words or changes the timeline's cards,
/// would lay everything out again. At most `2 * CAP` galleys are kept, the
/// least recently used dropped first (two generations); all are dropped
/// when egui clears its glyph atlas (galleys point into it), or when the
/// text options or the pixel density change.
pub struct KeptGalleys<K> {
    now: rustc_hash::FxHashMap<K, Arc<egui::Galley>>,
    before: rustc_hash::FxHashMap<K, Arc<egui::Galley>>,
    /// The atlas epoch the galleys were laid out in.
    epoch: Option<u64>,
}

impl<K> Default for KeptGalleys<K> {
    fn default() -> Self {
        KeptGalleys {
            now: Default::default(),
            before: Default::default(),
            epoch: None,
        }
    }
}

/// What the glyph atlas looked like in a pass, and a count of the times it
/// may have been rebuilt.
#[derive(Clone, Copy, Default)]
struct AtlasWatch {
    epoch: u64,
    /// The pass it was last looked at in (egui may run two passes a frame,
    /// and rebuilds the atlas at the start of a pass).
    pass: Option<u64>,
    /// The fullest the atlas was seen in that pass.
    fill: f32,
    ppp: f32,
    options: Option<egui::epaint::text::TextOptions>,
}

const ATLAS_WATCH: &str = "marsad-atlas-watch";

/// Notes, once a pass, whether egui may have rebuilt its glyph atlas since
/// the last pass: it does when the atlas fills up (it is then emptier than
/// it was seen last), when the text options change (a theme does that) or
/// the pixel density. Call it at the very start of a frame, before anything
/// changes the style: the options then are the ones the fonts use. (Called
/// later, the first use in a pass does it.)
pub fn watch_atlas(ctx: &egui::Context) -> u64 {
    let id = egui::Id::unique(ATLAS_WATCH);
    let pass = ctx.cumulative_pass_nr();
    let w = ctx
        .data(|d| d.get_temp::<AtlasWatch>(id))
        .unwrap_or_default();
    if w.pass == Some(pass) {
        return w.epoch;
    }
    let fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
    let ppp = ctx.pixels_per_point();
    let options = ctx.global_style().visuals.text_options;
    let changed = w.pass.is_none() || fill < w.fill || ppp != w.ppp || w.options != Some(options);
    let next = AtlasWatch {
        epoch: w.epoch + changed as u64,
        pass: Some(pass),
        fill,
        ppp,
        options: Some(options),
    };
    ctx.data_mut(|d| d.insert_temp(id, next));
    next.epoch
}

/// Notes how full the atlas is now (after text was laid out), so that a
/// rebuild at the next pass shows as a drop however full it was.
pub fn note_atlas_fill(ctx: &egui::Context) {
    let id = egui::Id::unique(ATLAS_WATCH);
    let fill = ctx.fonts(|f| f.font_atlas_fill_ratio());
    ctx.data_mut(|d| {
        let mut w = d.get_temp::<AtlasWatch>(id).unwrap_or_default();
        if w.pass.is_some() {
            w.fill = w.fill.max(fill);
            d.insert_temp(id, w);
        }
    });
}

impl<K: std::hash::Hash + Eq> KeptGalleys<K> {
    const CAP: usize = 4096;

    /// Drops everything if the galleys may point into a cleared atlas
    /// (checked once a frame).
    fn check(&mut self, ctx: &egui::Context) {
        let epoch = watch_atlas(ctx);
        if self.epoch != Some(epoch) {
            self.now.clear();
            self.before.clear();
            self.epoch = Some(epoch);
        }
    }

    /// The galley for `key`, laid out by `make` if it is not kept.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        key: K,
        make: impl FnOnce() -> LayoutJob,
    ) -> Arc<egui::Galley> {
        self.check(ctx);
        if let Some(g) = self.now.get(&key) {
            return g.clone();
        }
        let g = match self.before.remove(&key) {
            Some(g) => g,
            None => {
                // Made outside the fonts' lock: making a job may use the context.
                let job = make();
                let g = ctx.fonts_mut(|f| f.layout_job(job));
                note_atlas_fill(ctx);
                g
            }
        };
        if self.now.len() >= Self::CAP {
            self.before = std::mem::take(&mut self.now);
        }
        self.now.insert(key, g.clone());
        g
    }
}

/// Galleys of single pieces (a word in display form, its direction, its
/// font size) in one font family.
#[derive(Default)]
pub struct GalleyCache {
    kept: KeptGalleys<(String, bool, u32)>,
    family: Option<egui::FontFamily>,
}

impl GalleyCache {
    /// Call once a frame before [`GalleyCache::get`] (it is also checked
    /// on first use in a frame).
    pub fn check(&mut self, ctx: &egui::Context) {
        self.kept.check(ctx);
    }

    /// The galley of `text` (in display form) set in `font`, one direction.
    pub fn get(
        &mut self,
        ctx: &egui::Context,
        text: &str,
        rtl: bool,
        font: &FontId,
    ) -> Arc<egui::Galley> {
        if self.family.as_ref() != Some(&font.family) {
            self.kept = KeptGalleys::default();
            self.family = Some(font.family.clone());
        }
        self.kept
            .get(ctx, (text.to_owned(), rtl, font.size.to_bits()), || {
                item_job(text, rtl, font, Color32::PLACEHOLDER)
            })
    }
}

/// The fonts widths are measured with: the same faces and text options as
/// the window's, shared by every measurer, laid out without caching. egui's
/// galley cache would keep a galley (with its mesh) for every distinct word
/// of the article until the next frame, some 100 MB for a 5 MB article.
/// Built once: parsing the faces takes milliseconds.
static MEASURE_FONTS: std::sync::Mutex<Option<(Fonts, f32)>> = std::sync::Mutex::new(None);

/// Widths measured once per distinct piece and font size.
#[derive(Default)]
pub struct WidthCache {
    font: Option<FontId>,
    pixels_per_point: f32,
    /// Left-to-right and right-to-left pieces.
    widths: [HashMap<String, f32>; 2],
    space: HashMap<String, f32>,
}

impl WidthCache {
    fn check(&mut self, ctx: &egui::Context, font: &FontId) {
        let ppp = ctx.pixels_per_point();
        let mut shared = MEASURE_FONTS.lock().unwrap_or_else(|e| e.into_inner());
        if shared.as_ref().is_none_or(|(_, p)| *p != ppp) {
            let options = ctx.global_style().visuals.text_options;
            *shared = Some((Fonts::new(options, super::fonts::definitions()), ppp));
        }
        if self.font.as_ref() != Some(font) || self.pixels_per_point != ppp {
            self.pixels_per_point = ppp;
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
        cache.check(ctx, &font);
        EguiMeasure { ctx, font, cache }
    }

    fn shaped_width(&mut self, job: LayoutJob) -> f32 {
        let mut shared = MEASURE_FONTS.lock().unwrap_or_else(|e| e.into_inner());
        match shared.as_mut() {
            Some((fonts, ppp)) => fonts.layout_uncached(*ppp, Arc::new(job)).size().x,
            None => self.ctx.fonts_mut(|f| f.layout_job(job)).size().x,
        }
    }
}

impl Measure for EguiMeasure<'_> {
    fn item_width(&mut self, text: &str, rtl: bool) -> f32 {
        if let Some(w) = self.cache.widths[rtl as usize].get(text) {
            return *w;
        }
        let ppp = self.cache.pixels_per_point;
        let w = super::shaper::width(&self.font, text, per_char(text, rtl), ppp)
            .unwrap_or_else(|| self.shaped_width(item_job(text, rtl, &self.font, Color32::WHITE)));
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

/// Records what a layout asks to measure, in order; answers zero.
#[derive(Default)]
struct Recorder {
    /// Distinct pieces by kind: left-to-right, right-to-left, white space.
    index: [rustc_hash::FxHashMap<String, u32>; 3],
    pieces: Vec<(String, usize)>,
    /// The piece of each call.
    order: Vec<u32>,
}

impl Recorder {
    fn record(&mut self, text: &str, kind: usize) -> f32 {
        let i = match self.index[kind].get(text) {
            Some(i) => *i,
            None => {
                let i = self.pieces.len() as u32;
                self.index[kind].insert(text.to_owned(), i);
                self.pieces.push((text.to_owned(), kind));
                i
            }
        };
        self.order.push(i);
        0.0
    }
}

impl Measure for Recorder {
    fn item_width(&mut self, text: &str, rtl: bool) -> f32 {
        self.record(text, rtl as usize)
    }
    fn space_width(&mut self, text: &str) -> f32 {
        self.record(text, 2)
    }
}

thread_local! {
    /// Each worker thread's own fonts for shaping in parallel.
    static THREAD_FONTS: std::cell::RefCell<Option<(Fonts, f32)>> = const { std::cell::RefCell::new(None) };
}

impl EguiMeasure<'_> {
    /// Shapes the `paragraphs` of `text`: bidi and atoms first, then every
    /// distinct piece measured once, on all cores when there are many.
    /// Shaping Arabic with Amiri is the cost of opening an article (some
    /// 5 µs a distinct word); line breaking is cheap.
    pub fn shape(
        &mut self,
        text: &str,
        paragraphs: &[std::ops::Range<usize>],
        default_rtl: bool,
    ) -> Shaped {
        self.shape_checked(text, paragraphs, default_rtl, &mut |_| true)
            .expect("never stopped")
    }

    /// [`EguiMeasure::shape`] that tells `keep_going` the byte offset
    /// reached as it goes, and stops (`None`) when it answers false.
    pub fn shape_checked(
        &mut self,
        text: &str,
        paragraphs: &[std::ops::Range<usize>],
        default_rtl: bool,
        keep_going: &mut dyn FnMut(usize) -> bool,
    ) -> Option<Shaped> {
        use rayon::prelude::*;
        let mut rec = Recorder::default();
        let mut shaped = Shaped::new_checked(text, paragraphs, default_rtl, &mut rec, keep_going)?;
        // Words not measured yet (white space is measured below).
        let todo: Vec<usize> = (0..rec.pieces.len())
            .filter(|&i| {
                let (s, kind) = &rec.pieces[i];
                *kind < 2 && !self.cache.widths[*kind].contains_key(s)
            })
            .collect();
        if todo.len() >= 64 {
            let ppp = self.cache.pixels_per_point;
            let options = self.ctx.global_style().visuals.text_options;
            let font = self.font.clone();
            let widths: Vec<f32> = todo
                .par_iter()
                .map(|&i| {
                    let (s, kind) = &rec.pieces[i];
                    let rtl = *kind == 1;
                    if let Some(w) = super::shaper::width(&font, s, per_char(s, rtl), ppp) {
                        return w;
                    }
                    THREAD_FONTS.with(|cell| {
                        let mut cell = cell.borrow_mut();
                        if cell.as_ref().is_none_or(|(_, p)| *p != ppp) {
                            *cell = Some((Fonts::new(options, super::fonts::definitions()), ppp));
                        }
                        let (fonts, _) = cell.as_mut().expect("just set");
                        let job = item_job(s, rtl, &font, Color32::WHITE);
                        fonts.layout_uncached(ppp, Arc::new(job)).size().x
                    })
                })
                .collect();
            for (i, w) in todo.into_iter().zip(widths) {
                let (s, kind) = &rec.pieces[i];
                self.cache.widths[*kind].insert(s.clone(), w);
            }
        }
        // Everything is cached now but white space and short lists.
        let widths: Vec<f32> = rec
            .pieces
            .iter()
            .map(|(s, kind)| match kind {
                2 => self.space_width(s),
                k => self.item_width(s, *k == 1),
            })
            .collect();
        shaped.set_widths(rec.order.iter().map(|&i| widths[i as usize]));
        Some(shaped)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The characters of a galley, left to right as drawn.
    fn drawn(job: LayoutJob) -> String {
        let ctx = headless_context();
        let galley = ctx.fonts_mut(|f| f.layout_job(job));
        let mut glyphs: Vec<(f32, char)> = galley
            .rows
            .iter()
            .flat_map(|r| r.glyphs.iter())
            .filter(|g| g.advance_width > 0.0) // egui adds empty glyphs for the other chars of a cluster
            .map(|g| (g.pos.x, g.chr))
            .collect();
        glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
        glyphs.into_iter().map(|(_, c)| c).collect()
    }

    #[test]
    fn arabic_indic_number_is_drawn_left_to_right() {
        let font = super::super::fonts::reading(22.0);
        assert_eq!(
            drawn(item_job("٣٨٫٢", false, &font, Color32::BLACK)),
            "٣٨٫٢"
        );
        assert_eq!(
            drawn(item_job("2023", false, &font, Color32::BLACK)),
            "2023"
        );
    }

    #[test]
    fn arabic_word_is_drawn_right_to_left() {
        let font = super::super::fonts::reading(22.0);
        // Glyphs come out in visual order: the last letter leftmost.
        let d = drawn(item_job("بغداد", true, &font, Color32::BLACK));
        assert_eq!(d, "دادغب");
    }

    /// The direct shaper must give the widths egui draws, to the bit: a
    /// difference would leave gaps or overlaps between placed words.
    #[test]
    fn direct_shaping_widths_equal_egui_galley_widths() {
        let corpus = include_str!("../../data/ner/aqmar-dev.txt");
        let mut pieces: Vec<(String, bool)> = corpus
            .lines()
            .take(6000)
            .filter_map(|l| l.split(' ').next())
            .map(|w| (w.to_owned(), true))
            .collect();
        let mixed = include_str!("../../tests/fixtures/mixed-script.txt");
        let sample = crate::document::SAMPLE_TEXT;
        for text in [mixed, sample] {
            let paras = crate::document::split_paragraphs(text);
            let mut rec = Recorder::default();
            let _ = crate::layout::Shaped::new(text, &paras, true, &mut rec);
            pieces.extend(
                rec.pieces
                    .into_iter()
                    .filter(|(_, kind)| *kind < 2)
                    .map(|(s, kind)| (s, kind == 1)),
            );
        }
        pieces.extend(
            [
                "٣٨٫٢",
                "٣٨٫٢٪",
                "2023",
                "7/10/2023",
                "(البنتاغون)",
                "42.5%",
                "Washington",
                "ـــ",
            ]
            .map(|s| (s.to_owned(), false)),
        );
        let ctx = headless_context();
        let mut fonts = Fonts::new(
            ctx.global_style().visuals.text_options,
            super::super::fonts::definitions(),
        );
        let mut direct = 0;
        for font in [
            super::super::fonts::reading(22.0),
            super::super::fonts::reading(17.5),
            super::super::fonts::reading_bold(30.0),
        ] {
            for ppp in [1.0, 1.25, 2.0] {
                for (piece, rtl) in &pieces {
                    let job = item_job(piece, *rtl, &font, Color32::WHITE);
                    let egui_width = fonts.layout_uncached(ppp, Arc::new(job)).size().x;
                    if let Some(w) =
                        super::super::shaper::width(&font, piece, per_char(piece, *rtl), ppp)
                    {
                        direct += 1;
                        assert_eq!(w, egui_width, "{piece:?} rtl={rtl} {font:?} ppp={ppp}");
                    }
                }
            }
        }
        assert!(
            direct > pieces.len() * 8,
            "most pieces take the direct path ({direct})"
        );
    }

    /// Pins a bug: galleys kept across frames pointed into the glyph atlas
    /// egui had rebuilt after a theme change, and the interface drew
    /// garbled glyphs.
    #[test]
    fn kept_galleys_are_dropped_when_a_theme_rebuilds_the_glyph_atlas() {
        let ctx = headless_context();
        let font = super::super::fonts::reading(22.0);
        let mut kept: KeptGalleys<u32> = KeptGalleys::default();
        let mut frame = |ctx: &egui::Context, theme: Option<egui::Visuals>| {
            let mut got = None;
            let _ = ctx.run_ui(egui::RawInput::default(), |ui| {
                // As the app does: watch first, then the theme, then text.
                watch_atlas(ui.ctx());
                if let Some(v) = &theme {
                    ui.ctx().set_visuals(v.clone());
                }
                got = Some(kept.get(ui.ctx(), 1, || {
                    item_job("بغداد", true, &font, Color32::PLACEHOLDER)
                }));
            });
            got.expect("laid out")
        };
        let dark = egui::Visuals::dark();
        let light = egui::Visuals::light();
        assert_ne!(
            dark.text_options, light.text_options,
            "the themes set text differently"
        );
        let a = frame(&ctx, Some(dark));
        let b = frame(&ctx, None);
        let b2 = frame(&ctx, None);
        assert!(Arc::ptr_eq(&b, &b2), "kept from one frame to the next");
        let _ = a;
        let _ = frame(&ctx, Some(light));
        let c = frame(&ctx, None);
        assert!(
            !Arc::ptr_eq(&b2, &c),
            "laid out again after the atlas was rebuilt"
        );
    }

    #[test]
    fn parallel_widths_equal_sequential_ones() {
        let corpus = include_str!("../../data/ner/aqmar-dev.txt");
        let text: String = corpus
            .lines()
            .take(4000)
            .filter_map(|l| l.split(' ').next())
            .collect::<Vec<_>>()
            .join(" ");
        let paras = crate::document::split_paragraphs(&text);
        let ctx = headless_context();
        let font = super::super::fonts::reading(22.0);
        let mut fast = WidthCache::default();
        let mut m = EguiMeasure::new(&ctx, font.clone(), &mut fast);
        let _ = m.shape(&text, &paras, true);
        let prefetched = fast.widths[1].len();
        assert!(
            prefetched > 256,
            "the parallel path ran ({prefetched} pieces)"
        );
        let mut slow = WidthCache::default();
        let mut s = EguiMeasure::new(&ctx, font, &mut slow);
        for (piece, w) in fast.widths[1].iter().take(500) {
            assert_eq!(s.item_width(piece, true), *w, "{piece}");
        }
    }
}
