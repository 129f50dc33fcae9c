//! The legend: one chip per mention type with its colour, underline and
//! count; clicking a chip (or Space on it) turns that type's highlights on
//! or off.

use egui::{Response, Sense, Stroke, Ui, pos2, vec2};

use super::highlight::{self, TYPES, paint_underline};
use super::i18n::Lang;
use super::settings::Settings;
use crate::analysis::{MentionType, describe};

/// A swatch of a type's mark: its background with its underline.
pub fn swatch(ui: &Ui, rect: egui::Rect, theme: super::theme::Theme, kind: MentionType, on: bool) {
    let st = highlight::style(theme, kind);
    let painter = ui.painter();
    let (bg, ink) = if on {
        (st.background, st.ink)
    } else {
        (
            st.background.gamma_multiply(0.25),
            st.ink.gamma_multiply(0.4),
        )
    };
    painter.rect_filled(rect, 2.0, bg);
    paint_underline(
        painter,
        rect.left() + 2.0,
        rect.right() - 2.0,
        rect.bottom() - 3.0,
        st.underline,
        Stroke::new(1.4, ink),
    );
}

/// One chip; returns its response (clicked: toggle).
fn chip_ui(
    ui: &mut Ui,
    settings: &Settings,
    kind: MentionType,
    count: usize,
    lang: Lang,
) -> Response {
    let on = !settings.hidden_types.contains(&kind);
    let label = format!(
        "{} {}",
        describe::type_plural(kind, lang),
        describe::number(count as f64, lang)
    );
    let font = egui::TextStyle::Button.resolve(ui.style());
    let color = if on {
        ui.visuals().text_color()
    } else {
        ui.visuals().weak_text_color()
    };
    let galley = super::bidi_text::line_galley(
        ui.ctx(),
        &label,
        &font,
        egui::Color32::PLACEHOLDER,
        lang == Lang::Arabic,
    );
    let sw = vec2(26.0, 14.0);
    let pad = vec2(8.0, 4.0);
    let size = vec2(sw.x + 6.0 + galley.size().x, galley.size().y.max(sw.y)) + 2.0 * pad;
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let visuals = ui.style().interact_selectable(&response, on);
    ui.painter().rect(
        rect,
        6.0,
        if response.hovered() || response.has_focus() {
            visuals.weak_bg_fill
        } else {
            egui::Color32::TRANSPARENT
        },
        Stroke::new(1.0, visuals.bg_stroke.color),
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink2(pad);
    // The swatch leads: on the right in Arabic, on the left in English.
    let (sw_rect, text_x) = if lang == Lang::Arabic {
        (
            egui::Rect::from_min_size(
                pos2(inner.right() - sw.x, inner.center().y - sw.y / 2.0),
                sw,
            ),
            inner.right() - sw.x - 6.0 - galley.size().x,
        )
    } else {
        (
            egui::Rect::from_min_size(pos2(inner.left(), inner.center().y - sw.y / 2.0), sw),
            inner.left() + sw.x + 6.0,
        )
    };
    swatch(ui, sw_rect, settings.theme, kind, on);
    ui.painter().galley(
        pos2(text_x, inner.center().y - galley.size().y / 2.0),
        galley,
        color,
    );
    response.widget_info(|| {
        egui::WidgetInfo::selected(
            egui::Role::CheckBox,
            true,
            on,
            describe::type_plural(kind, lang),
        )
    });
    response
}

/// The legend row. `counts` are the mentions of each type in [`TYPES`]
/// order.
pub fn legend_ui(ui: &mut Ui, settings: &mut Settings, counts: [usize; 5]) {
    let lang = settings.language;
    for (kind, count) in TYPES.into_iter().zip(counts) {
        if chip_ui(ui, settings, kind, count, lang).clicked() {
            toggle(settings, kind);
        }
    }
}

/// Turns a type's highlights on or off.
pub fn toggle(settings: &mut Settings, kind: MentionType) {
    if let Some(i) = settings.hidden_types.iter().position(|k| *k == kind) {
        settings.hidden_types.remove(i);
    } else {
        settings.hidden_types.push(kind);
    }
}
