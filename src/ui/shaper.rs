//! Widths of placed pieces, shaped with harfrust directly.
//!
//! Opening an article means measuring every distinct word once. Through
//! egui that builds a galley per word: shaping plus a shape plan compiled
//! per call, glyph atlas lookups, rows and a mesh, all thrown away. Here a
//! word is shaped with the same font data, buffer flags and segment
//! properties egui uses, with plans compiled once per script and direction,
//! and the advances are summed with egui's own arithmetic, so the widths are
//! the ones egui would draw (a test compares them on thousands of words).
//!
//! Only what egui would set in the family's first face takes this path: a
//! piece with a character the face lacks (egui falls back to another face),
//! or with a character egui sizes itself (tab, thin spaces), answers `None`
//! and is measured through egui.

use std::cell::RefCell;
use std::sync::OnceLock;

use egui::{FontFamily, FontId};
use harfrust::{
    BufferFlags, Direction, FontRef, Language, Script, ShapeOptions, ShapePlan, ShaperData,
    UnicodeBuffer,
};
use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use skrifa::raw::TableProvider as _;

/// One font face ready to shape.
struct Face {
    font: FontRef<'static>,
    data: ShaperData,
    charmap: Charmap<'static>,
    units_per_em: f32,
}

impl Face {
    fn new(bytes: &'static [u8]) -> Option<Face> {
        let font = FontRef::new(bytes).ok()?;
        let data = ShaperData::new(&font);
        let charmap = font.charmap();
        let units_per_em = f32::from(font.head().ok()?.units_per_em());
        Some(Face {
            font,
            data,
            charmap,
            units_per_em,
        })
    }
}

/// The reading faces, parsed once: regular and bold.
fn faces() -> &'static [Option<Face>; 2] {
    static FACES: OnceLock<[Option<Face>; 2]> = OnceLock::new();
    FACES.get_or_init(|| {
        [
            Face::new(super::fonts::READING_REGULAR_TTF),
            Face::new(super::fonts::READING_BOLD_TTF),
        ]
    })
}

/// A plan compiled for one face and the segment properties of a run.
struct Plan {
    face: usize,
    direction: Direction,
    script: Option<Script>,
    language: Option<Language>,
    plan: ShapePlan,
}

/// Per-thread shaping state: compiled plans and a reusable buffer.
#[derive(Default)]
struct State {
    plans: Vec<Plan>,
    buffer: Option<UnicodeBuffer>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::default();
}

/// Characters egui does not take from the shaper's advances.
fn sized_by_egui(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{2009}' | '\u{202f}')
}

/// The width in points egui gives `text` drawn alone in `font` at
/// `pixels_per_point`, one section per character when `per_char` (see
/// [`super::measure::item_job`]); `None` when only egui can tell.
pub fn width(font: &FontId, text: &str, per_char: bool, pixels_per_point: f32) -> Option<f32> {
    let index = match &font.family {
        FontFamily::Name(name) if &**name == super::fonts::READING_FAMILY => 0,
        FontFamily::Name(name) if &**name == super::fonts::READING_BOLD_FAMILY => 1,
        _ => return None,
    };
    let face = faces()[index].as_ref()?;
    if text
        .chars()
        .any(|c| sized_by_egui(c) || face.charmap.map(c).is_none())
    {
        return None;
    }
    // As epaint's `FontFace::styled_metrics` (a tweak scale of 1).
    let scale = font.size * pixels_per_point;
    let px_scale = scale / face.units_per_em;
    STATE.with(|state| {
        let mut state = state.borrow_mut();
        let mut cursor_px = 0.0_f32;
        if per_char {
            let mut buf = [0u8; 4];
            for c in text.chars() {
                cursor_px = shape_run(
                    &mut state,
                    index,
                    face,
                    c.encode_utf8(&mut buf),
                    px_scale,
                    cursor_px,
                )?;
            }
        } else if !text.is_empty() {
            cursor_px = shape_run(&mut state, index, face, text, px_scale, cursor_px)?;
        }
        Some(cursor_px / pixels_per_point)
    })
}

/// Shapes one run as epaint's `layout_section` does (a whole section in one
/// face: beginning and end of text) and adds its advances to `cursor_px`.
fn shape_run(
    state: &mut State,
    index: usize,
    face: &Face,
    text: &str,
    px_scale: f32,
    mut cursor_px: f32,
) -> Option<f32> {
    let mut buffer = state.buffer.take().unwrap_or_default();
    buffer.set_flags(BufferFlags::BEGINNING_OF_TEXT | BufferFlags::END_OF_TEXT);
    buffer.push_str(text);
    buffer.guess_segment_properties();
    // Left unset by guessing when every character is common (digits,
    // punctuation), as in egui's plan.
    let script = Some(buffer.script()).filter(|s| *s != harfrust::script::UNKNOWN);
    let (direction, language) = (buffer.direction(), buffer.language());
    let shaper = face.data.shaper(&face.font).build();
    let found = state.plans.iter().position(|p| {
        p.face == index && p.direction == direction && p.script == script && p.language == language
    });
    let at = match found {
        Some(at) => at,
        None => {
            let plan = ShapePlan::new(&shaper, direction, script, language.as_ref(), &[]);
            state.plans.push(Plan {
                face: index,
                direction,
                script,
                language,
                plan,
            });
            state.plans.len() - 1
        }
    };
    let plan = &state.plans[at].plan;
    let glyphs = shaper.shape(buffer, ShapeOptions::new().plan(Some(plan)));
    let mut missing = false;
    for (info, pos) in glyphs.glyph_infos().iter().zip(glyphs.glyph_positions()) {
        missing |= info.glyph_id == 0;
        cursor_px += pos.x_advance as f32 * px_scale;
    }
    state.buffer = Some(glyphs.clear());
    (!missing).then_some(cursor_px)
}
