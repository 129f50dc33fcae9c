//! A heading set by Marsad's own layout engine (egui's labels have no bidi
//! step): wrapped to a width, right-aligned when it reads right to left.

use std::sync::{Arc, Mutex};

use egui::{Color32, FontId, Response, Sense, Ui, pos2, vec2};

use super::measure::{EguiMeasure, WidthCache, item_job};
use crate::layout::{LineParams, display_text, layout_text, mostly_rtl};

pub fn rtl_label_ui(
    ui: &mut Ui,
    text: &str,
    font: &FontId,
    color: Color32,
    width: f32,
) -> Response {
    let ctx = ui.ctx().clone();
    // Widths kept between frames (a heading is drawn every frame).
    let id = ui.scope_id().with("rtl_label_widths");
    let cache: Arc<Mutex<WidthCache>> = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<Mutex<WidthCache>>>(id)
            .clone()
    });
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    let mut m = EguiMeasure::new(&ctx, font.clone(), &mut cache);
    let params = LineParams {
        width,
        line_height: (font.size * 1.5).round(),
        paragraph_gap: 0.0,
    };
    let ranges = crate::document::split_paragraphs(text);
    let (_, layout) = layout_text(text, &ranges, mostly_rtl(text), params, &mut m);
    let (rect, response) = ui.allocate_exact_size(
        vec2(width, layout.height.max(params.line_height)),
        Sense::hover(),
    );
    let painter = ui.painter();
    for line in &layout.lines {
        for item in &line.items {
            let shown = display_text(&text[item.range.clone()], item.rtl);
            let galley = ctx.fonts_mut(|f| f.layout_job(item_job(&shown, item.rtl, font, color)));
            let y = rect.top() + line.y + (params.line_height - galley.size().y) / 2.0;
            painter.galley(pos2(rect.left() + item.x, y), galley, color);
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}
