//! The reader view: a laid-out document, painted line by line.
//!
//! Only the lines inside the scrolled viewport are painted. Shaping (bidi and
//! widths) is redone only when the text or the font size changes, line
//! breaking only when the column width or line spacing changes.

use std::ops::Range;

use egui::{CursorIcon, Pos2, Rect, Response, Sense, Ui, pos2, vec2};
use unicode_segmentation::UnicodeSegmentation;

use super::fonts;
use super::measure::{EguiMeasure, WidthCache, pieces_job};
use super::settings::Settings;
use super::theme::Palette;
use crate::document::Document;
use crate::layout::{Layout, LineParams, Shaped, highlight_pieces, mostly_rtl};

/// Space around the text column.
const MARGIN: f32 = 28.0;

/// A selection as two byte offsets: where it started and where it is now.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Selection {
    pub anchor: usize,
    pub head: usize,
}

impl Selection {
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.head)..self.anchor.max(self.head)
    }
}

/// Layout caches, rebuilt when their inputs change.
#[derive(Default)]
pub struct ReaderCache {
    shaped_for: Option<(u64, u32)>,
    shaped: Shaped,
    layout: Layout,
    widths: WidthCache,
    /// Where the column's top-left corner was painted last frame.
    pub origin: Option<Pos2>,
}

impl ReaderCache {
    /// Shapes and breaks as needed; returns the layout for these inputs.
    pub fn update(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        generation: u64,
        settings: &Settings,
        width: f32,
    ) -> &Layout {
        let font = fonts::reading(settings.font_size);
        let key = (generation, settings.font_size.to_bits());
        let mut m = EguiMeasure::new(ctx, font, &mut self.widths);
        if self.shaped_for != Some(key) {
            let paras = body_paragraphs(doc);
            let rtl = mostly_rtl(&doc.text);
            self.shaped = m.shape(&doc.text, paras, rtl);
            self.shaped_for = Some(key);
            self.layout = Layout::default();
        }
        let params = LineParams {
            width,
            line_height: (settings.font_size * settings.line_spacing).round(),
            paragraph_gap: (settings.font_size * 0.6).round(),
        };
        if self.layout.params != Some(params) {
            self.layout = Layout::new(&self.shaped, params);
        }
        &self.layout
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }
}

/// The reader's state: the selection and the caches.
#[derive(Default)]
pub struct ReaderState {
    pub selection: Option<Selection>,
    /// A scroll position (points from the top) to jump to on the next frame.
    pub scroll_to: Option<f32>,
    /// Last frame's scroll offset, viewport height and content height.
    pub scrolled: (f32, f32, f32),
    pub cache: ReaderCache,
}

impl ReaderState {
    /// Forget everything about the previous document.
    pub fn reset(&mut self) {
        self.selection = None;
        self.scroll_to = Some(0.0);
    }

    /// The selected text, in logical order.
    pub fn selected_text<'a>(&self, doc: &'a Document) -> Option<&'a str> {
        let r = self.selection?.range();
        (!r.is_empty()).then(|| doc.text.get(r)).flatten()
    }
}

/// The paragraph the title was taken from, set as a heading.
fn title_paragraph(doc: &Document) -> Option<&Range<usize>> {
    let first = doc.paragraphs.first()?;
    let title = doc.title.trim();
    (!title.is_empty() && doc.text[first.clone()].trim().starts_with(title)).then_some(first)
}

/// The paragraphs set as body text: all but the title's.
pub fn body_paragraphs(doc: &Document) -> &[Range<usize>] {
    match title_paragraph(doc) {
        Some(_) => &doc.paragraphs[1..],
        None => &doc.paragraphs,
    }
}

/// The width of the text column for the space available.
pub fn column_width(available: f32, settings: &Settings) -> f32 {
    (available - 2.0 * MARGIN)
        .min(settings.column_width)
        .max(120.0)
}

/// Paints `doc` and handles selection, copy and select-all.
pub fn reader_ui(
    ui: &mut Ui,
    doc: &Document,
    generation: u64,
    settings: &Settings,
    state: &mut ReaderState,
) -> Response {
    let palette = settings.theme.palette();
    let font = fonts::reading(settings.font_size);
    let ctx = ui.ctx().clone();
    let width = column_width(ui.available_width() - 16.0, settings);
    state.cache.update(&ctx, doc, generation, settings, width);

    handle_keys(ui, doc, state);
    scroll_keys(ui, settings, state);

    let mut area = egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("reader");
    if let Some(y) = state.scroll_to.take() {
        area = area.vertical_scroll_offset(y);
    }
    let output = area.show_viewport(ui, |ui, viewport| {
        let layout = state.cache.layout();
        let heading_h = heading_ui(ui, doc, settings, width, &palette);
        let height = layout.height + 2.0 * MARGIN;
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
        let origin = pos2(rect.center().x - width / 2.0, rect.top() + MARGIN);
        let top = viewport.min.y - heading_h - MARGIN;
        let bottom = viewport.max.y - heading_h - MARGIN;
        let visible = layout.visible_lines(top, bottom);

        state.cache.origin = Some(origin);
        state.scrolled = (viewport.min.y, viewport.height(), heading_h + height);
        select_with_pointer(&ctx, &response, doc, origin, state, &font);
        paint_lines(ui, doc, state, visible.clone(), origin, &font, &palette);

        let shown: Vec<&str> = state.cache.layout().lines[visible]
            .iter()
            .map(|l| &doc.text[l.range.clone()])
            .collect();
        let label = shown.join("\n");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        response.on_hover_cursor(CursorIcon::Text)
    });
    output.inner
}

/// Page Up and Down, Space, Home, End and the arrow keys scroll the page.
fn scroll_keys(ui: &Ui, settings: &Settings, state: &mut ReaderState) {
    use egui::{Key, Modifiers};
    let (offset, view, content) = state.scrolled;
    let page = (view - 2.0 * settings.font_size * settings.line_spacing).max(view * 0.5);
    let line = settings.font_size * settings.line_spacing;
    let delta = ui.input_mut(|i| {
        if i.consume_key(Modifiers::NONE, Key::PageDown)
            || i.consume_key(Modifiers::NONE, Key::Space)
        {
            Some(page)
        } else if i.consume_key(Modifiers::NONE, Key::PageUp)
            || i.consume_key(Modifiers::SHIFT, Key::Space)
        {
            Some(-page)
        } else if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            Some(line)
        } else if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            Some(-line)
        } else if i.consume_key(Modifiers::NONE, Key::Home)
            || i.consume_key(Modifiers::COMMAND, Key::Home)
        {
            Some(f32::NEG_INFINITY)
        } else if i.consume_key(Modifiers::NONE, Key::End)
            || i.consume_key(Modifiers::COMMAND, Key::End)
        {
            Some(f32::INFINITY)
        } else {
            None
        }
    });
    if let Some(d) = delta {
        state.scroll_to = Some((offset + d).clamp(0.0, (content - view).max(0.0)));
    }
}

/// The title, bold and larger, wrapped to the column.
fn heading_ui(
    ui: &mut Ui,
    doc: &Document,
    settings: &Settings,
    width: f32,
    palette: &Palette,
) -> f32 {
    let top = ui.cursor().top();
    ui.add_space(MARGIN);
    ui.horizontal(|ui| {
        let side = ((ui.available_width() - width) / 2.0).max(0.0);
        ui.add_space(side);
        let font = fonts::reading_bold((settings.font_size * 1.45).round());
        let heading = title_paragraph(doc).map_or(doc.title.as_str(), |r| &doc.text[r.clone()]);
        super::rtl_label::rtl_label_ui(ui, heading, &font, palette.text, width);
    });
    ui.cursor().top() - top
}

fn handle_keys(ui: &Ui, doc: &Document, state: &mut ReaderState) {
    let (copy, select_all) = ui.input_mut(|i| {
        let copy = i.events.iter().any(|e| matches!(e, egui::Event::Copy));
        let all = i.consume_key(egui::Modifiers::COMMAND, egui::Key::A);
        (copy, all)
    });
    if select_all {
        let body = body_paragraphs(doc);
        if let (Some(a), Some(b)) = (body.first(), body.last()) {
            state.selection = Some(Selection {
                anchor: a.start,
                head: b.end,
            });
        }
    }
    if copy && let Some(text) = state.selected_text(doc) {
        ui.ctx().copy_text(text.to_owned());
    }
}

fn select_with_pointer(
    ctx: &egui::Context,
    response: &Response,
    doc: &Document,
    origin: Pos2,
    state: &mut ReaderState,
    font: &egui::FontId,
) {
    let ReaderState {
        selection, cache, ..
    } = state;
    let mut m = EguiMeasure::new(ctx, font.clone(), &mut cache.widths);
    let layout = &cache.layout;
    let offset_at = |p: Pos2, m: &mut EguiMeasure| {
        layout.offset_at(&doc.text, p.x - origin.x, p.y - origin.y, m)
    };
    if response.double_clicked() {
        if let Some(p) = response.interact_pointer_pos()
            && let Some(o) = offset_at(p, &mut m)
        {
            *selection = word_at(&doc.text, o);
        }
        return;
    }
    if response.drag_started() {
        let start = ctx
            .input(|i| i.pointer.press_origin())
            .or(response.interact_pointer_pos());
        if let Some(o) = start.and_then(|p| offset_at(p, &mut m)) {
            *selection = Some(Selection { anchor: o, head: o });
        }
    } else if response.dragged() {
        if let (Some(sel), Some(p)) = (selection.as_mut(), response.interact_pointer_pos())
            && let Some(o) = offset_at(p, &mut m)
        {
            sel.head = o;
        }
    } else if response.clicked() {
        *selection = None;
    }
}

/// The word around byte `offset`.
fn word_at(text: &str, offset: usize) -> Option<Selection> {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    text[start..end]
        .split_word_bound_indices()
        .map(|(i, w)| (start + i, w))
        .find(|(i, w)| *i <= offset && offset <= i + w.len() && !w.trim().is_empty())
        .map(|(i, w)| Selection {
            anchor: i,
            head: i + w.len(),
        })
}

fn paint_lines(
    ui: &Ui,
    doc: &Document,
    state: &mut ReaderState,
    lines: Range<usize>,
    origin: Pos2,
    font: &egui::FontId,
    palette: &Palette,
) {
    let painter = ui.painter();
    let selection = state.selection.map(|s| s.range()).filter(|r| !r.is_empty());
    let ctx = ui.ctx().clone();
    let ReaderState { cache, .. } = state;
    let mut m = EguiMeasure::new(&ctx, font.clone(), &mut cache.widths);
    let layout = &cache.layout;
    let line_h = layout.params.map_or(20.0, |p| p.line_height);
    for line in &layout.lines[lines] {
        let top = origin.y + line.y;
        if let Some(sel) = &selection
            && sel.start < line.range.end
            && line.range.start < sel.end
        {
            let l = std::slice::from_ref(line);
            for r in
                crate::layout::hit_test::rects_in_lines(l, line_h, &doc.text, sel.clone(), &mut m)
            {
                let rect = Rect::from_min_max(
                    pos2(origin.x + r.x0, origin.y + r.y0),
                    pos2(origin.x + r.x1, origin.y + r.y1),
                );
                painter.rect_filled(rect, 0.0, palette.selection);
            }
        }
        for item in &line.items {
            let text = &doc.text[item.range.clone()];
            let colored: Vec<(Range<usize>, String)> = match &selection {
                Some(sel) if sel.start < item.range.end && item.range.start < sel.end => {
                    let cuts = [
                        sel.start.saturating_sub(item.range.start),
                        sel.end.saturating_sub(item.range.start),
                    ];
                    highlight_pieces(text, item.rtl, &cuts)
                }
                _ => vec![(
                    0..text.len(),
                    crate::layout::display_text(text, item.rtl).into_owned(),
                )],
            };
            let pieces = colored.iter().map(|(r, s)| {
                let abs = r.start + item.range.start..r.end + item.range.start;
                let inside = selection
                    .as_ref()
                    .is_some_and(|sel| sel.start <= abs.start && abs.end <= sel.end);
                (
                    s.as_str(),
                    if inside {
                        palette.selected_text
                    } else {
                        palette.text
                    },
                )
            });
            let job = pieces_job(pieces, item.rtl, font);
            let galley = ctx.fonts_mut(|f| f.layout_job(job));
            let y = top + (line_h - galley.size().y) / 2.0;
            painter.galley(pos2(origin.x + item.x, y), galley, palette.text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Format;

    #[test]
    fn a_long_first_line_is_the_heading_once() {
        let first = "كلمة ".repeat(80);
        let doc = Document::from_text(format!("{first}\nفقرة ثانية"), Format::Text);
        assert!(
            doc.title.chars().count() < first.trim().chars().count(),
            "the title is cut"
        );
        let body = body_paragraphs(&doc);
        assert_eq!(body.len(), 1, "the first line is not repeated in the body");
        assert_eq!(&doc.text[body[0].clone()], "فقرة ثانية");
    }
}
