//! A heading set by Marsad's own layout engine (egui's labels have no bidi
//! step): wrapped to a width, right-aligned when it reads right to left.

use std::sync::{Arc, Mutex};

use egui::{Color32, FontId, Response, Sense, Ui, pos2, vec2};

use super::measure::{EguiMeasure, GalleyCache, WidthCache, item_job};
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
            let shown = display_text(&text[item.range()], item.rtl);
            let galley = ctx.fonts_mut(|f| f.layout_job(item_job(&shown, item.rtl, font, color)));
            let y = rect.top() + line.y + (params.line_height - galley.size().y) / 2.0;
            painter.galley(pos2(rect.left() + item.x, y), galley, color);
        }
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    response
}

/// What excerpts keep between frames, per font size: widths, galleys and
/// the layouts of the texts shown.
#[derive(Default)]
struct ExcerptCache {
    widths: WidthCache,
    galleys: GalleyCache,
    layouts: std::collections::HashMap<(String, u32), Arc<(String, crate::layout::Layout)>>,
}

/// The first `max_lines` lines of `text` painted in `rect` by Marsad's
/// layout (right-aligned when it reads right to left), with an ellipsis at
/// the end of the last line when the text goes on.
pub fn excerpt_ui(
    ui: &Ui,
    rect: egui::Rect,
    text: &str,
    font: &FontId,
    color: Color32,
    max_lines: usize,
) {
    let ctx = ui.ctx().clone();
    let id = egui::Id::unique("rtl_excerpt").with(font.size.to_bits());
    let cache: Arc<Mutex<ExcerptCache>> = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<Mutex<ExcerptCache>>>(id)
            .clone()
    });
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    let ExcerptCache {
        widths,
        galleys,
        layouts,
    } = &mut *cache;
    let mut m = EguiMeasure::new(&ctx, font.clone(), widths);
    let ellipsis_w = {
        use crate::layout::Measure;
        m.item_width("…", false)
    };
    let params = LineParams {
        width: (rect.width() - ellipsis_w - 4.0).max(20.0),
        line_height: (font.size * 1.45).round(),
        paragraph_gap: 0.0,
    };
    // Only the opening of a long sentence can show.
    let end = text.char_indices().nth(400).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let key = (head.to_owned(), params.width.to_bits());
    let laid = match layouts.get(&key) {
        Some(l) => l.clone(),
        None => {
            let line_text: String = head
                .chars()
                .map(|c| if c == '\n' { ' ' } else { c })
                .collect();
            let range = 0..line_text.len();
            let rtl = mostly_rtl(&line_text);
            let (_, layout) = layout_text(
                &line_text,
                std::slice::from_ref(&range),
                rtl,
                params,
                &mut m,
            );
            let l = Arc::new((line_text, layout));
            if layouts.len() > 2048 {
                layouts.clear();
            }
            layouts.insert(key, l.clone());
            l
        }
    };
    let (line_text, layout) = (&laid.0, &laid.1);
    let painter = ui.painter().with_clip_rect(rect);
    let more = layout.lines.len() > max_lines || end < text.len();
    for (k, line) in layout.lines.iter().take(max_lines).enumerate() {
        let y = rect.top() + line.y;
        let shift = if line.rtl_paragraph {
            rect.width() - params.width
        } else {
            0.0
        };
        for item in &line.items {
            let shown = display_text(&line_text[item.range()], item.rtl);
            let galley = galleys.get(&ctx, &shown, item.rtl, font);
            let gy = y + (params.line_height - galley.size().y) / 2.0;
            painter.galley(pos2(rect.left() + shift + item.x, gy), galley, color);
        }
        if more && k + 1 == max_lines.min(layout.lines.len()) {
            let galley = galleys.get(&ctx, "…", false, font);
            let gy = y + (params.line_height - galley.size().y) / 2.0;
            let x = if line.rtl_paragraph {
                let left = line.items.iter().map(|i| i.x).fold(f32::INFINITY, f32::min);
                rect.left() + shift + left - ellipsis_w - 2.0
            } else {
                let right = line.items.iter().map(|i| i.x + i.width).fold(0.0, f32::max);
                rect.left() + right + 2.0
            };
            painter.galley(pos2(x, gy), galley, color);
        }
    }
}
