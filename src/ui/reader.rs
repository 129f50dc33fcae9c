//! The reader view: a laid-out document, painted line by line, with the
//! analysis' mentions marked in it.
//!
//! Only the lines inside the scrolled viewport are painted. Shaping (bidi and
//! widths) is redone only when the text or the font size changes, line
//! breaking only when the column width or line spacing changes.
//!
//! Each visible mention gets a background and an underline of its type
//! ([`super::highlight`]); the selected entity's mentions a stronger mark
//! and their text in the type's ink, cut out of their word with joiners so
//! the letters stay joined. Hovering a mention shows its tooltip, clicking
//! it selects its entity; each visible mention is also an AccessKit node
//! labelled with its type and text.

use std::ops::Range;

use egui::{Color32, CursorIcon, Pos2, Rect, Response, Sense, Stroke, Ui, pos2, vec2};
use unicode_segmentation::UnicodeSegmentation;

use super::browse::Browse;
use super::fonts;
use super::highlight::{self, paint_underline};
use super::i18n::{self, Lang};
use super::measure::{EguiMeasure, GalleyCache, WidthCache, pieces_job};
use super::settings::Settings;
use crate::analysis::article::Analysis;
use crate::analysis::{MentionType, Norm, dates, describe};
use crate::document::Document;
use crate::layout::{Layout, LineParams, Shaped, highlight_pieces, mostly_rtl};

/// What the reader marks: the analysis, which types are shown, and where
/// the reader is in it.
pub struct Marks<'a> {
    pub analysis: &'a Analysis,
    pub browse: &'a mut Browse,
    pub lang: Lang,
}

/// How long a mention stepped to flashes, in seconds.
const FLASH: f64 = 1.2;

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

/// An article shaped (and broken) off the UI thread, for
/// [`ReaderCache::adopt`].
pub struct Prepared {
    font_size: u32,
    shaped: Shaped,
    layout: Layout,
}

/// How lines are set for `settings` in a column of `width`.
fn line_params(settings: &Settings, width: f32) -> LineParams {
    LineParams {
        width,
        line_height: (settings.font_size * settings.line_spacing).round(),
        paragraph_gap: (settings.font_size * 0.6).round(),
    }
}

/// Layout caches, rebuilt when their inputs change.
#[derive(Default)]
pub struct ReaderCache {
    shaped_for: Option<(u64, u32)>,
    shaped: Shaped,
    layout: Layout,
    widths: WidthCache,
    /// The title, set bold and larger: its layout, its widths, and its
    /// text when it is not part of the article's (a page's `<title>`).
    heading_for: Option<(u64, u32, u32)>,
    heading: Layout,
    heading_widths: WidthCache,
    heading_text: Option<String>,
    galleys: GalleyCache,
    heading_galleys: GalleyCache,
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
        let params = line_params(settings, width);
        if self.layout.params != Some(params) {
            self.layout = Layout::unplaced(&self.shaped, params);
        }
        let size = heading_size(settings);
        let key = (generation, size.to_bits(), width.to_bits());
        if self.heading_for != Some(key) {
            let font = fonts::reading_bold(size);
            let mut m = EguiMeasure::new(ctx, font, &mut self.heading_widths);
            let params = LineParams {
                width,
                line_height: (size * 1.5).round(),
                paragraph_gap: 0.0,
            };
            let (text, range) = match title_paragraph(doc) {
                Some(r) => {
                    self.heading_text = None;
                    (doc.text.as_str(), r.clone())
                }
                None => {
                    self.heading_text = Some(doc.title.clone());
                    (doc.title.as_str(), 0..doc.title.len())
                }
            };
            let (_, layout) = crate::layout::layout_text(
                text,
                std::slice::from_ref(&range),
                mostly_rtl(text),
                params,
                &mut m,
            );
            self.heading = layout;
            self.heading_for = Some(key);
        }
        &self.layout
    }

    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// Shapes the body of `doc` for `settings`, and breaks it at `width`
    /// when one is given, on any thread: what [`ReaderCache::update`] would
    /// do on the first frame of a newly opened article. `keep_going` is
    /// told the share done (0 to 1) and stops the work (`None`) when it
    /// answers false.
    pub fn prepare(
        ctx: &egui::Context,
        doc: &Document,
        settings: &Settings,
        width: Option<f32>,
        keep_going: &mut dyn FnMut(f32) -> bool,
    ) -> Option<Prepared> {
        let mut widths = WidthCache::default();
        let mut m = EguiMeasure::new(ctx, fonts::reading(settings.font_size), &mut widths);
        let total = doc.text.len().max(1) as f32;
        let shaped = m.shape_checked(
            &doc.text,
            body_paragraphs(doc),
            mostly_rtl(&doc.text),
            &mut |at| keep_going(0.9 * at as f32 / total),
        )?;
        drop(widths); // what the words measured is in `shaped` now
        if !keep_going(0.9) {
            return None;
        }
        let layout = width.map_or_else(Layout::default, |w| {
            Layout::unplaced(&shaped, line_params(settings, w))
        });
        Some(Prepared {
            font_size: settings.font_size.to_bits(),
            shaped,
            layout,
        })
    }

    /// Takes what [`ReaderCache::prepare`] made for the document of
    /// `generation`: the first frame only paints.
    pub fn adopt(&mut self, generation: u64, p: Prepared) {
        self.shaped_for = Some((generation, p.font_size));
        self.shaped = p.shaped;
        // The widths of every distinct word (some 50 MB for a 64 MB
        // article) stay behind: the lines on screen measure what they need.
        self.widths = WidthCache::default();
        self.layout = p.layout;
    }

    /// Places the lines `wanted` of the layout (forgetting the others'
    /// placement): see [`Layout::place`].
    pub fn place(&mut self, wanted: Range<usize>) {
        self.layout.place(&self.shaped, wanted);
    }

    /// The width the text was last broken at.
    pub fn width(&self) -> Option<f32> {
        self.layout.params.map(|p| p.width)
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
    /// Last frame's heading height (the body starts below it).
    pub heading_height: f32,
    pub cache: ReaderCache,
    /// The mention flashing and when it started.
    flash: Option<(usize, f64)>,
    /// The mention under the pointer last frame.
    pub hovered: Option<usize>,
    /// Visible mentions and their rectangles on screen, last frame.
    pub mention_rects: Vec<(usize, Rect)>,
}

impl ReaderState {
    /// Forget everything about the previous document.
    pub fn reset(&mut self) {
        self.selection = None;
        self.scroll_to = Some(0.0);
        self.flash = None;
        self.hovered = None;
        self.mention_rects.clear();
    }

    /// The byte offset of the text at the top of the page (the start of
    /// the text while the title is in view).
    pub fn top_offset(&self) -> usize {
        let layout = self.cache.layout();
        if self.scrolled.0 < self.heading_height && self.cache.heading_text.is_none() {
            return 0;
        }
        let y = self.scrolled.0 - self.heading_height - MARGIN;
        let i = layout.visible_lines(y.max(0.0), y.max(0.0) + 1.0).start;
        layout.lines.get(i).map_or(0, |l| l.range.start)
    }

    /// Scrolls so that byte `offset` is in view (a third down the page),
    /// unless its line is in view already.
    pub fn reveal(&mut self, offset: usize) {
        let layout = self.cache.layout();
        if self.cache.heading_text.is_none()
            && let Some(first) = self.cache.heading.lines.last()
            && offset < first.range.end
        {
            // In the title.
            if self.scrolled.0 > MARGIN {
                self.scroll_to = Some(0.0);
            }
            return;
        }
        let i = layout.lines.partition_point(|l| l.range.end < offset);
        let Some(line) = layout
            .lines
            .get(i.min(layout.lines.len().saturating_sub(1)))
        else {
            return;
        };
        let h = layout.params.map_or(20.0, |p| p.line_height);
        let (offset_now, view, content) = self.scrolled;
        let top = self.heading_height + MARGIN + line.y;
        if top >= offset_now && top + h <= offset_now + view {
            return;
        }
        let target = (top - view / 3.0).clamp(0.0, (content - view).max(0.0));
        self.scroll_to = Some(target);
    }

    /// The selected text, in logical order.
    pub fn selected_text<'a>(&self, doc: &'a Document) -> Option<&'a str> {
        let r = self.selection?.range();
        (!r.is_empty()).then(|| doc.text.get(r)).flatten()
    }
}

/// The size of the title's face.
fn heading_size(settings: &Settings) -> f32 {
    (settings.font_size * 1.45).round()
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

/// Paints `doc` and handles selection, copy and select-all; with `marks`,
/// the mentions too.
pub fn reader_ui(
    ui: &mut Ui,
    doc: &Document,
    generation: u64,
    settings: &Settings,
    state: &mut ReaderState,
    mut marks: Option<Marks<'_>>,
) -> Response {
    let font = fonts::reading(settings.font_size);
    let ctx = ui.ctx().clone();
    let width = column_width(ui.available_width() - 16.0, settings);
    state.cache.update(&ctx, doc, generation, settings, width);
    state.cache.galleys.check(&ctx);
    state.cache.heading_galleys.check(&ctx);

    handle_keys(ui, doc, state);
    scroll_keys(ui, settings, state);
    if let Some(m) = marks.as_mut() {
        if let Some(offset) = m.browse.reveal_offset.take() {
            state.reveal(offset);
        }
        if let Some(f) = m.browse.flash.take() {
            state.flash = Some((f, ctx.input(|i| i.time)));
        }
    }

    let mut area = egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("reader");
    if let Some(y) = state.scroll_to.take() {
        area = area.vertical_scroll_offset(y);
    }
    let output = area.show_viewport(ui, |ui, viewport| {
        state.mention_rects.clear();
        let (heading_h, heading) = heading_ui(ui, doc, settings, width, state, marks.as_ref());
        let layout = state.cache.layout();
        let height = layout.height + 2.0 * MARGIN;
        let (rect, response) =
            ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click_and_drag());
        let origin = pos2(rect.center().x - width / 2.0, rect.top() + MARGIN);
        let top = viewport.min.y - heading_h - MARGIN;
        let bottom = viewport.max.y - heading_h - MARGIN;
        let visible = layout.visible_lines(top, bottom);
        // Only the lines on screen (and a few around, for a drag that
        // leaves it) are placed.
        state
            .cache
            .place(visible.start.saturating_sub(40)..visible.end + 40);

        state.cache.origin = Some(origin);
        state.heading_height = heading_h;
        state.scrolled = (viewport.min.y, viewport.height(), heading_h + height);
        select_with_pointer(&ctx, &response, doc, origin, state, &font);
        let now = ctx.input(|i| i.time);
        let flash = state.flash.filter(|(_, t)| now - t < FLASH);
        if flash.is_some() {
            ctx.request_repaint();
        } else {
            state.flash = None;
        }
        let selection = state.selection.map(|s| s.range()).filter(|r| !r.is_empty());
        let ReaderState {
            cache,
            mention_rects,
            ..
        } = state;
        paint_lines(
            ui,
            Painted {
                text: &doc.text,
                layout: &cache.layout,
                widths: &mut cache.widths,
                galleys: &mut cache.galleys,
                font: &font,
                origin,
            },
            visible.clone(),
            settings,
            marks.as_ref(),
            selection,
            flash,
            mention_rects,
        );
        if let Some(m) = marks.as_mut() {
            mentions_ui(ui, [&response, &heading], doc, state, m, settings);
        }

        let shown: Vec<&str> = state.cache.layout().lines[visible]
            .iter()
            .map(|l| &doc.text[l.range.clone()])
            .collect();
        let label = shown.join("\n");
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Document, true, &label));
        let cursor = if state.hovered.is_some() {
            CursorIcon::PointingHand
        } else {
            CursorIcon::Text
        };
        response.on_hover_cursor(cursor)
    });
    output.inner
}

/// The mentions on screen: hover, tooltip, click, AccessKit nodes.
fn mentions_ui(
    ui: &mut Ui,
    [response, heading]: [&Response; 2],
    doc: &Document,
    state: &mut ReaderState,
    marks: &mut Marks<'_>,
    settings: &Settings,
) {
    let a = marks.analysis;
    let pointer = ui
        .ctx()
        .pointer_hover_pos()
        .filter(|p| response.rect.contains(*p) || heading.rect.contains(*p));
    let hovered_at = pointer.and_then(|p| {
        state
            .mention_rects
            .iter()
            .find(|(_, r)| r.contains(p))
            .copied()
    });
    let hovered = hovered_at.map(|(m, _)| m);
    state.hovered = hovered;
    // The title's mentions are clicked as the body's are.
    if (response.clicked() || heading.clicked())
        && state.selection.is_none_or(|s| s.range().is_empty())
    {
        match hovered {
            Some(m) => marks.browse.click_mention(a, m),
            None => marks.browse.clear(),
        }
    }
    // One node per visible mention (its first rectangle, or the one under
    // the pointer: a mention of several words on two lines shows its
    // tooltip over any of them), for screen readers and tests; the tooltip
    // hangs on it.
    let base = ui.scope_id().with("mention");
    let mut seen = rustc_hash::FxHashSet::default();
    let rects = std::mem::take(&mut state.mention_rects);
    for &(m, r) in &rects {
        if !seen.insert(m) {
            continue;
        }
        let mention = &a.mentions[m];
        let text = &doc.text[mention.range.clone()];
        let label = i18n::mention_label(mention.kind, text, marks.lang);
        let r = match hovered_at {
            Some((h, under)) if h == m => under,
            _ => r,
        };
        let node = ui.interact(r, base.with(m), Sense::hover());
        node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &label));
        if hovered == Some(m) {
            let lang = marks.lang;
            let theme = settings.theme;
            node.on_hover_ui(|ui| mention_tooltip_ui(ui, doc, a, m, lang, theme));
        }
    }
    state.mention_rects = rects;
}

/// The tooltip of mention `m`: type, canonical name, value (a date in
/// words with its ISO form and, unless it is written in the Hijri
/// calendar, its Hijri equivalent), how many mentions its entity has,
/// whether the reader marked it, and their note. Each line is set by
/// Marsad's layout and aligned to the interface's reading side.
pub fn mention_tooltip_ui(
    ui: &mut Ui,
    doc: &Document,
    a: &Analysis,
    m: usize,
    lang: Lang,
    theme: super::theme::Theme,
) {
    use super::bidi_text::label_galley;
    let mention = &a.mentions[m];
    let style = highlight::style(theme, mention.kind);
    let rtl = lang == Lang::Arabic;
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let body = egui::TextStyle::Body.resolve(ui.style());
    let bold = fonts::interface_bold(body.size);
    let name_font = fonts::reading((body.size * 1.35).round());
    let entity = a.entity_of[m].map(|e| &a.entities[e]);
    let surface = &doc.text[mention.range.clone()];
    let name = match (mention.kind, entity) {
        (MentionType::Number | MentionType::Date, _) | (_, None) => surface,
        (_, Some(e)) => e.canonical.as_str(),
    };
    let mut lines: Vec<(String, egui::FontId, Color32)> = vec![
        (
            describe::type_name(mention.kind, lang).to_owned(),
            bold,
            style.ink,
        ),
        (name.to_owned(), name_font, text_color),
    ];
    // The TIMEX value, a code read left to right: in a right-to-left
    // paragraph «2023-W39-WE» would show as «W39-WE-2023».
    let mut code_line = None;
    match &mention.norm {
        Some(Norm::Number(n)) => {
            lines.push((describe::number_value(n, lang), body.clone(), text_color))
        }
        Some(Norm::Date(t)) => {
            lines.push((describe::timex(t, lang), body.clone(), text_color));
            code_line = Some(lines.len());
            lines.push((t.value.clone(), body.clone(), weak));
            // A Hijri date's own words say its Hijri day, which may be a
            // day or two from the calendar's («الجمعة 10 صفر 1432 هـ» is
            // 8 Safar by the tabular calendar): no second one beside them.
            if let Some(h) = describe::hijri(t, lang)
                && !dates::names_hijri(&doc.text, mention.range.clone())
            {
                lines.push((h, body.clone(), weak));
            }
        }
        None => {}
    }
    if let Some(e) = entity {
        lines.push((
            i18n::count(e.mentions.len(), &i18n::MENTION, lang),
            body.clone(),
            weak,
        ));
    }
    if let Some(p) = a.provenance.get(m) {
        let s = i18n::strings(lang);
        if p.decided_by == crate::analysis::article::Decider::Person {
            lines.push((s.decided_by_person.to_owned(), body.clone(), weak));
        }
        if let Some(note) = &p.note {
            lines.push((format!("{}: {note}", s.note), body.clone(), text_color));
        }
    }
    let galleys: Vec<_> = lines
        .iter()
        .enumerate()
        .map(|(i, (t, f, c))| label_galley(ui.ctx(), t, f, *c, rtl && code_line != Some(i)))
        .collect();
    let width = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    for (g, (line, _, _)) in galleys.into_iter().zip(&lines) {
        let (rect, response) = ui.allocate_exact_size(vec2(width, g.size().y), Sense::hover());
        let x = if rtl {
            rect.right() - g.size().x
        } else {
            rect.left()
        };
        ui.painter().galley(pos2(x, rect.top()), g, text_color);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, line));
    }
}

/// Page Up and Down, Space, Home, End and the arrow keys scroll the page,
/// unless a widget has the keyboard (Space then presses that widget, the
/// arrows move between widgets: the page must not move as well).
fn scroll_keys(ui: &Ui, settings: &Settings, state: &mut ReaderState) {
    use egui::{Key, Modifiers};
    if ui.memory(|m| m.focused().is_some()) {
        return;
    }
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

/// The title, bold and larger, wrapped to the column, with its mentions
/// marked as the body's are.
fn heading_ui(
    ui: &mut Ui,
    doc: &Document,
    settings: &Settings,
    width: f32,
    state: &mut ReaderState,
    marks: Option<&Marks<'_>>,
) -> (f32, Response) {
    let top = ui.cursor().top();
    ui.add_space(MARGIN);
    let cache = &mut state.cache;
    let height = cache
        .heading
        .height
        .max(cache.heading.params.map_or(0.0, |p| p.line_height));
    let (rect, response) =
        ui.allocate_exact_size(vec2(ui.available_width(), height), Sense::click());
    let origin = pos2(rect.center().x - width / 2.0, rect.top());
    let font = fonts::reading_bold(heading_size(settings));
    let (text, marks) = match &cache.heading_text {
        Some(t) => (t.as_str(), None),
        None => (doc.text.as_str(), marks),
    };
    let title = match &cache.heading_text {
        Some(t) => t.clone(),
        None => cache
            .heading
            .lines
            .first()
            .zip(cache.heading.lines.last())
            .map(|(a, b)| doc.text[a.range.start..b.range.end].to_owned())
            .unwrap_or_default(),
    };
    let lines = 0..cache.heading.lines.len();
    paint_lines(
        ui,
        Painted {
            text,
            layout: &cache.heading,
            widths: &mut cache.heading_widths,
            galleys: &mut cache.heading_galleys,
            font: &font,
            origin,
        },
        lines,
        settings,
        marks,
        None,
        state.flash,
        &mut state.mention_rects,
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &title));
    ui.add_space(ui.spacing().item_spacing.y);
    (ui.cursor().top() - top, response)
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

/// `base` mixed with `t` of `over`.
fn mix(base: Color32, over: Color32, t: f32) -> Color32 {
    let m = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * t).round() as u8;
    Color32::from_rgb(
        m(base.r(), over.r()),
        m(base.g(), over.g()),
        m(base.b(), over.b()),
    )
}

/// A laid-out text to paint: the body or the title.
struct Painted<'a> {
    text: &'a str,
    layout: &'a Layout,
    widths: &'a mut WidthCache,
    galleys: &'a mut GalleyCache,
    font: &'a egui::FontId,
    /// The column's top-left corner on screen.
    origin: Pos2,
}

/// Paints `lines` of a laid-out text: the marked event, the selection,
/// the mentions (background, underline, flash) and the text, cut with
/// joiners where its colour changes. Records each mention's rectangles.
#[allow(clippy::too_many_arguments)]
fn paint_lines(
    ui: &Ui,
    p: Painted<'_>,
    lines: Range<usize>,
    settings: &Settings,
    marks: Option<&Marks<'_>>,
    selection: Option<Range<usize>>,
    flash: Option<(usize, f64)>,
    mention_rects: &mut Vec<(usize, Rect)>,
) {
    let palette = settings.theme.palette();
    let painter = ui.painter();
    let ctx = ui.ctx().clone();
    let now = ctx.input(|i| i.time);
    let (text_all, layout, font, origin) = (p.text, p.layout, p.font, p.origin);
    let mut m = EguiMeasure::new(&ctx, font.clone(), p.widths);
    let line_h = layout.params.map_or(20.0, |p| p.line_height);
    let to_screen = |r: crate::layout::Rect| {
        Rect::from_min_max(
            pos2(origin.x + r.x0, origin.y + r.y0),
            pos2(origin.x + r.x1, origin.y + r.y1),
        )
    };
    let analysis = marks.map(|mk| mk.analysis);
    let browse = marks.map(|mk| &*mk.browse);
    let current = browse.and_then(|b| b.mention);
    let event = match (analysis, browse.and_then(|b| b.event)) {
        (Some(a), Some(id)) => Some(super::browse::event_range(a, id)),
        _ => None,
    };
    // Whether mention `i` belongs to the selection (its entity, or itself).
    let is_selected = |i: usize| -> bool {
        match (analysis, browse) {
            (Some(a), Some(b)) => match (b.entity, a.entity_of[i]) {
                (Some(e), Some(of)) => e == of,
                _ => b.mention == Some(i),
            },
            _ => false,
        }
    };
    for line in &layout.lines[lines] {
        let top = origin.y + line.y;
        let one = std::slice::from_ref(line);
        if let Some(ev) = &event
            && ev.start < line.range.end
            && line.range.start < ev.end
        {
            for r in
                crate::layout::hit_test::rects_in_lines(one, line_h, text_all, ev.clone(), &mut m)
            {
                painter.rect_filled(to_screen(r), 0.0, palette.muted.gamma_multiply(0.16));
            }
        }
        if let Some(sel) = &selection
            && sel.start < line.range.end
            && line.range.start < sel.end
        {
            for r in
                crate::layout::hit_test::rects_in_lines(one, line_h, text_all, sel.clone(), &mut m)
            {
                painter.rect_filled(to_screen(r), 0.0, palette.selection);
            }
        }
        // The mentions on this line, of the types shown.
        let mut on_line: Vec<usize> = Vec::new();
        if let Some(a) = analysis {
            let first = a.first_mention_after(line.range.start);
            on_line.extend(
                (first..a.mentions.len())
                    .take_while(|&i| a.mentions[i].range.start < line.range.end)
                    .filter(|&i| !settings.hidden_types.contains(&a.mentions[i].kind)),
            );
        }
        let pad = (line_h * 0.1).round();
        for &i in &on_line {
            let Some(a) = analysis else { break };
            let mention = &a.mentions[i];
            let st = highlight::style(settings.theme, mention.kind);
            let selected = is_selected(i);
            let flashing = flash.filter(|(f, _)| *f == i).map(|(_, t)| now - t);
            for r in crate::layout::hit_test::rects_in_lines(
                one,
                line_h,
                text_all,
                mention.range.clone(),
                &mut m,
            ) {
                let rect = to_screen(r);
                let inner = rect.shrink2(vec2(0.0, pad));
                let bg = if selected {
                    mix(st.background, st.ink, 0.3)
                } else {
                    st.background
                };
                painter.rect_filled(inner, 0.0, bg);
                let width = if selected { 2.2 } else { 1.3 };
                paint_underline(
                    painter,
                    inner.left(),
                    inner.right(),
                    inner.bottom() - 2.0,
                    st.underline,
                    Stroke::new(width, st.ink),
                );
                if let Some(t) = flashing {
                    let alpha = (1.0 - t / FLASH).clamp(0.0, 1.0) as f32;
                    painter.rect_stroke(
                        inner.expand(2.0),
                        3.0,
                        Stroke::new(2.5, st.ink.gamma_multiply(alpha)),
                        egui::StrokeKind::Outside,
                    );
                } else if current == Some(i) {
                    // Where Tab stepped to: a thin frame that stays.
                    painter.rect_stroke(
                        inner.expand(1.0),
                        2.0,
                        Stroke::new(1.2, st.ink),
                        egui::StrokeKind::Outside,
                    );
                }
                mention_rects.push((i, rect));
            }
        }
        // Text: cut where its colour changes (the selection, the selected
        // entity's mentions), with joiners across each cut.
        let inked: Vec<(Range<usize>, Color32)> = match analysis {
            Some(a) => on_line
                .iter()
                .filter(|&&i| is_selected(i))
                .map(|&i| {
                    let mention = &a.mentions[i];
                    (
                        mention.range.clone(),
                        highlight::style(settings.theme, mention.kind).ink,
                    )
                })
                .collect(),
            None => Vec::new(),
        };
        let text_dark = palette.text;
        for item in &line.items {
            let text = &text_all[item.range()];
            let mut cuts: Vec<usize> = Vec::new();
            let mut cut_at = |r: &Range<usize>| {
                if r.start < item.range().end && item.range().start < r.end {
                    cuts.push(r.start.saturating_sub(item.range().start));
                    cuts.push(r.end.saturating_sub(item.range().start));
                }
            };
            if let Some(sel) = &selection {
                cut_at(sel);
            }
            for (r, _) in &inked {
                cut_at(r);
            }
            let colored: Vec<(Range<usize>, String)> = if cuts.is_empty() {
                vec![(
                    0..text.len(),
                    crate::layout::display_text(text, item.rtl).into_owned(),
                )]
            } else {
                highlight_pieces(text, item.rtl, &cuts)
            };
            let pieces: Vec<(&str, Color32)> = colored
                .iter()
                .map(|(r, s)| {
                    let abs = r.start + item.range().start..r.end + item.range().start;
                    let inside = |x: &Range<usize>| x.start <= abs.start && abs.end <= x.end;
                    let color = if selection.as_ref().is_some_and(inside) {
                        palette.selected_text
                    } else if let Some((_, ink)) = inked.iter().find(|(r, _)| inside(r)) {
                        if settings.theme == super::theme::Theme::Dark {
                            mix(*ink, Color32::WHITE, 0.35)
                        } else {
                            mix(*ink, text_dark, 0.35)
                        }
                    } else {
                        palette.text
                    };
                    (s.as_str(), color)
                })
                .collect();
            // A piece in one colour comes from the galleys kept across
            // frames; a word cut in colours is laid out as it is.
            let (galley, color) = match pieces.as_slice() {
                [(s, color)] => (p.galleys.get(&ctx, s, item.rtl, font), *color),
                _ => (
                    ctx.fonts_mut(|f| {
                        f.layout_job(pieces_job(pieces.iter().copied(), item.rtl, font))
                    }),
                    palette.text,
                ),
            };
            let y = top + (line_h - galley.size().y) / 2.0;
            painter.galley(pos2(origin.x + item.x, y), galley, color);
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

    /// Pins a bug: the tooltip laid its TIMEX value out right to left with
    /// its Arabic lines, and «2023-W39-WE» read «W39-WE-2023» («2023-FA»
    /// «FA-2023»).
    #[test]
    fn the_timex_value_in_an_arabic_tooltip_reads_left_to_right() {
        use crate::analysis::DocDate;
        use crate::analysis::article::{Progress, analyze_document_with};
        let doc = Document::from_text("تظاهر الآلاف في نهاية الأسبوع الماضي".to_owned(), Format::Text);
        let a = analyze_document_with(
            &doc,
            DocDate::parse("2023-10-08"),
            None,
            &Progress::default(),
        )
        .unwrap();
        let m = a
            .mentions
            .iter()
            .position(|m| m.kind == MentionType::Date)
            .unwrap();
        let ctx = super::super::measure::headless_context();
        let out = ctx.run_ui(egui::RawInput::default(), |ui| {
            mention_tooltip_ui(ui, &doc, &a, m, Lang::Arabic, Default::default());
        });
        let drawn: Vec<String> = out
            .shapes
            .iter()
            .filter_map(|s| match &s.shape {
                egui::Shape::Text(t) => Some(super::super::bidi_text::drawn_order(&t.galley)),
                _ => None,
            })
            .collect();
        assert!(drawn.iter().any(|d| d == "2023-W39-WE"), "{drawn:?}");
        // The Arabic lines stay right to left: the description ends, on
        // the left, with the year.
        assert!(drawn.iter().any(|d| d.starts_with("٢٠٢٣")), "{drawn:?}");
    }
}
