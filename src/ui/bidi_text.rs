//! Interface text set by Marsad's own layout. egui lays a label out left to
//! right with no bidi step, so an Arabic label with a number or a Latin
//! name in it comes out in the wrong order. Here a line goes through
//! [`crate::layout::single_line`] and becomes a galley whose pieces are in
//! visual order, each shaped alone, which any egui widget (buttons, menus,
//! labels, tooltips, list rows) draws as it is. Text with no right-to-left
//! character is left to egui.
//!
//! The visual pieces of each distinct string are kept between frames.

use std::collections::HashMap;
use std::sync::Arc;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, TextStyle, Ui, WidgetText};

use super::measure::{KeptGalleys, is_arabic_script, per_char, push_section};
use crate::layout::bidi::{display_text, is_bidi_control, is_strong_rtl};
use crate::layout::single_line::visual_pieces_with;

/// Whether `text` needs the bidi step: a right-to-left letter, Arabic
/// script (Arabic-Indic digits) or a bidi control.
pub fn needs_bidi(text: &str) -> bool {
    !text.is_ascii()
        && text
            .chars()
            .any(|c| is_strong_rtl(c) || is_arabic_script(c) || is_bidi_control(c))
}

/// The pieces of a line to draw, in visual order: the string, and whether
/// it is drawn one character per section (a left-to-right piece in Arabic
/// script).
type Pieces = Arc<[(String, bool)]>;

/// Which way a line reads: found from its first strong letter (content:
/// names, excerpts) or the interface's (labels, as `dir="rtl"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From the text; `true`: right to left when it has no strong letter.
    Auto(bool),
    Forced(bool),
}

#[derive(Default)]
struct PieceCache {
    map: HashMap<(String, Direction), Pieces>,
}

fn pieces(ctx: &egui::Context, text: &str, dir: Direction) -> Pieces {
    let id = egui::Id::unique("marsad-bidi-pieces");
    let key = (text.to_owned(), dir);
    if let Some(p) = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<std::sync::Mutex<PieceCache>>>(id)
            .lock()
            .ok()
            .and_then(|c| c.map.get(&key).cloned())
    }) {
        return p;
    }
    let p = compute_pieces(text, dir);
    ctx.data_mut(|d| {
        if let Ok(mut c) = d
            .get_temp_mut_or_default::<Arc<std::sync::Mutex<PieceCache>>>(id)
            .lock()
        {
            if c.map.len() > 20_000 {
                c.map.clear();
            }
            c.map.insert(key, p.clone());
        }
    });
    p
}

fn compute_pieces(text: &str, dir: Direction) -> Pieces {
    let line: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let (_, pieces) = match dir {
        Direction::Auto(default_rtl) => visual_pieces_with(&line, default_rtl, None),
        Direction::Forced(rtl) => visual_pieces_with(&line, rtl, Some(rtl)),
    };
    let mut out: Vec<(String, bool)> = Vec::with_capacity(pieces.len());
    for p in &pieces {
        if p.space {
            out.push((" ".to_owned(), false));
            continue;
        }
        let shown = display_text(&line[p.range.clone()], p.rtl).into_owned();
        if p.rtl && shown.chars().any(is_strong_rtl) {
            out.extend(rtl_runs(&shown).into_iter().map(|r| (r, false)));
        } else {
            let each = per_char(&shown, p.rtl);
            out.push((shown, each));
        }
    }
    out.into()
}

/// A right-to-left piece cut into its Arabic letters and the other
/// characters around them (punctuation, symbols), in visual order, the
/// others mirrored. egui gives each font face its own run and sets the
/// runs of a section left to right, so «السمة:» (the colon from the Latin
/// face) would come out with its colon on the right.
fn rtl_runs(piece: &str) -> Vec<String> {
    let arabic =
        |c: char| is_arabic_script(c) || is_strong_rtl(c) || c == '\u{200d}' || c == '\u{200c}';
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in piece.chars() {
        let kind = arabic(c) || (runs.last().is_some_and(|r| r.0) && unicode_general_mark(c));
        match runs.last_mut() {
            Some((k, s)) if *k == kind => s.push(c),
            _ => runs.push((kind, c.to_string())),
        }
    }
    runs.reverse();
    runs.into_iter()
        .map(|(letters, s)| {
            if letters {
                s
            } else {
                s.chars()
                    .rev()
                    .map(|c| crate::layout::mirror(c).unwrap_or(c))
                    .collect()
            }
        })
        .collect()
}

/// Combining marks stay with the letter before them.
fn unicode_general_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036f}' | '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{fe00}'..='\u{fe0f}')
}

/// The job that draws one line of `text` in visual order.
pub fn line_job(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    color: Color32,
    dir: Direction,
) -> LayoutJob {
    let mut job = LayoutJob {
        wrap: egui::text::TextWrapping::no_max_width(),
        break_on_newline: false,
        ..Default::default()
    };
    let format = TextFormat::simple(font.clone(), color);
    for (s, each) in pieces(ctx, text, dir).iter() {
        if *each {
            let mut buf = [0u8; 4];
            for c in s.chars() {
                push_section(&mut job, c.encode_utf8(&mut buf), format.clone());
            }
        } else {
            push_section(&mut job, s, format.clone());
        }
    }
    job
}

/// One line of content (a name, an excerpt) as a galley in visual order;
/// it reads in the direction its first strong letter gives.
pub fn line_galley(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    color: Color32,
    default_rtl: bool,
) -> Arc<Galley> {
    galley(ctx, text, font, color, Direction::Auto(default_rtl))
}

/// One line of interface text as a galley: it reads in the interface's
/// direction (`rtl`).
pub fn label_galley(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    color: Color32,
    rtl: bool,
) -> Arc<Galley> {
    galley(ctx, text, font, color, Direction::Forced(rtl))
}

fn galley(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    color: Color32,
    dir: Direction,
) -> Arc<Galley> {
    if color != Color32::PLACEHOLDER {
        let job = line_job(ctx, text, font, color, dir);
        return ctx.fonts_mut(|f| f.layout_job(job));
    }
    // Lines drawn in the painter's colour are kept across frames.
    type Kept = KeptGalleys<(String, Direction, u32, egui::FontFamily)>;
    let id = egui::Id::unique("marsad-kept-lines");
    let kept: Arc<std::sync::Mutex<Kept>> = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<std::sync::Mutex<Kept>>>(id)
            .clone()
    });
    let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
    let key = (
        text.to_owned(),
        dir,
        font.size.to_bits(),
        font.family.clone(),
    );
    kept.get(ctx, key, || line_job(ctx, text, font, color, dir))
}

/// Interface text in the style `style`, coloured by the widget that draws
/// it.
pub fn styled(ui: &Ui, text: &str, style: TextStyle) -> WidgetText {
    if !needs_bidi(text) {
        return WidgetText::from(egui::RichText::new(text).text_style(style));
    }
    let font = style.resolve(ui.style());
    WidgetText::Galley(label_galley(
        ui.ctx(),
        text,
        &font,
        Color32::PLACEHOLDER,
        interface_rtl(ui),
    ))
}

/// Interface text in the body style: for labels, menus and buttons.
pub fn text(ui: &Ui, text: &str) -> WidgetText {
    styled(ui, text, TextStyle::Button)
}

/// Interface text in a given font and colour.
pub fn colored(ui: &Ui, text: &str, font: &FontId, color: Color32) -> WidgetText {
    if !needs_bidi(text) {
        return WidgetText::from(egui::RichText::new(text).font(font.clone()).color(color));
    }
    WidgetText::Galley(label_galley(ui.ctx(), text, font, color, interface_rtl(ui)))
}

/// Whether the interface reads right to left.
pub fn interface_rtl(ui: &Ui) -> bool {
    ui.ctx()
        .data(|d| d.get_temp::<bool>(egui::Id::unique("marsad-interface-rtl")))
        .unwrap_or(true)
}

/// Tells the helpers which way the interface reads.
pub fn set_interface_rtl(ctx: &egui::Context, rtl: bool) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("marsad-interface-rtl"), rtl));
}

/// A galley holds its text in drawing order; screen readers need it in
/// reading order. Each widget helper below draws the visual galley and
/// names the widget with the logical text.
fn relabel(r: &egui::Response, role: egui::Role, label: &str, selected: Option<bool>) {
    if needs_bidi(label) {
        let enabled = r.enabled();
        r.widget_info(|| match selected {
            Some(s) => egui::WidgetInfo::selected(role, enabled, s, label),
            None => egui::WidgetInfo::labeled(role, enabled, label),
        });
    }
}

pub fn label(ui: &mut Ui, s: &str) -> egui::Response {
    let r = ui.label(text(ui, s));
    relabel(&r, egui::Role::Label, s, None);
    r
}

pub fn label_colored(ui: &mut Ui, s: &str, font: &FontId, color: Color32) -> egui::Response {
    let r = ui.label(colored(ui, s, font, color));
    relabel(&r, egui::Role::Label, s, None);
    r
}

pub fn button(ui: &mut Ui, s: &str) -> egui::Response {
    let r = ui.button(text(ui, s));
    relabel(&r, egui::Role::Button, s, None);
    r
}

pub fn small_button(ui: &mut Ui, s: &str) -> egui::Response {
    let r = ui.small_button(text(ui, s));
    relabel(&r, egui::Role::Button, s, None);
    r
}

/// A menu item with its shortcut.
pub fn menu_item(ui: &mut Ui, s: &str, shortcut: Option<&str>) -> egui::Response {
    let mut b = egui::Button::new(text(ui, s));
    if let Some(k) = shortcut {
        b = b.shortcut_text(k);
    }
    let r = ui.add(b);
    relabel(&r, egui::Role::Button, s, None);
    r
}

pub fn checkbox(ui: &mut Ui, value: &mut bool, s: &str) -> egui::Response {
    let r = ui.checkbox(value, text(ui, s));
    relabel(&r, egui::Role::CheckBox, s, Some(*value));
    r
}

pub fn radio_value<T: PartialEq>(
    ui: &mut Ui,
    current: &mut T,
    alternative: T,
    s: &str,
) -> egui::Response {
    let r = ui.radio_value(current, alternative, text(ui, s));
    relabel(&r, egui::Role::RadioButton, s, None);
    r
}

pub fn selectable_label(ui: &mut Ui, selected: bool, s: &str, style: TextStyle) -> egui::Response {
    let r = ui.selectable_label(selected, styled(ui, s, style));
    relabel(&r, egui::Role::Button, s, Some(selected));
    r
}

pub fn menu_button<R>(
    ui: &mut Ui,
    s: &str,
    add: impl FnOnce(&mut Ui) -> R,
) -> egui::InnerResponse<Option<R>> {
    let r = ui.menu_button(text(ui, s), add);
    relabel(&r.response, egui::Role::Button, s, None);
    r
}

/// The characters of a galley, left to right as drawn (for tests).
pub fn drawn_order(galley: &Galley) -> String {
    let mut glyphs: Vec<(f32, char)> = galley
        .rows
        .iter()
        .flat_map(|r| r.glyphs.iter().map(move |g| (r.pos.x + g.pos.x, g)))
        .filter(|(_, g)| g.advance_width > 0.0)
        .map(|(x, g)| (x, g.chr))
        .collect();
    glyphs.sort_by(|a, b| a.0.total_cmp(&b.0));
    glyphs.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arabic_label_with_a_number_and_a_name_is_in_reading_order() {
        let ctx = super::super::measure::headless_context();
        let font = FontId::proportional(14.0);
        let g = line_galley(&ctx, "فتح report.txt", &font, Color32::WHITE, true);
        // Left to right on screen: the Latin name, then «فتح» (its letters
        // drawn right to left: ح ت ف).
        assert_eq!(drawn_order(&g), "report.txt حتف");
        let g = line_galley(&ctx, "٣ إشارات", &font, Color32::WHITE, true);
        assert!(drawn_order(&g).ends_with('٣'), "the number is on the right");
        assert!(!needs_bidi("Open a file (Ctrl+O)"));
        // A colon after an Arabic word goes to its left, though the
        // interface face draws Arabic letters and the colon from two fonts.
        let g = line_galley(&ctx, "السمة: فاتحة", &font, Color32::WHITE, true);
        assert_eq!(drawn_order(&g), "ةحتاف :ةمسلا");
        let g = line_galley(&ctx, "تغيير…", &font, Color32::WHITE, true);
        assert!(drawn_order(&g).starts_with('…'));
        assert!(needs_bidi("Open بغداد"));
    }
}
