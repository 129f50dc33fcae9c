//! The timeline panel: the document date (with its source, and a way to
//! change it), a drawn time axis ([`super::time_axis`]) with a mark for
//! each point date and a bar for each interval, and the events as cards in
//! date order, then the vague and relative ones, then the sentences with
//! no date. A card shows the date in words with its Hijri equivalent, an
//! excerpt, and chips for the actors, places and numbers of its sentence.
//!
//! Clicking a mark or a card marks the event and scrolls the reader to its
//! sentence; clicking a chip selects that entity. With an entity selected
//! the timeline shows only its events, unless "all events" is on (its
//! events are then drawn stronger). Only the cards in view are drawn.

use std::sync::Arc;

use egui::{Align, Layout, Rect, Sense, Stroke, Ui, pos2, vec2};

use super::analysis_job::Analyzed;
use super::browse::{Browse, EventId, Index, event_has_entity, event_range, timeline_events};
use super::highlight;
use super::i18n::{self, Lang};
use super::settings::Settings;
use super::time_axis::{AxisOptions, Mark, TickKind, TimeAxis, lanes};
use crate::analysis::article::Analysis;
use crate::analysis::{DocDate, MentionType, Timex, TimexKind, describe};
use crate::document::Document;

const CARD_HEIGHT: f32 = 92.0;
const HEADING_HEIGHT: f32 = 30.0;
const MAX_LANES: usize = 6;

/// What the panel asks the app to do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimelineAction {
    /// Resolve the dates against this document date (`None`: the
    /// article's own).
    Redate(Option<DocDate>),
}

/// A row of the event list.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ListRow {
    Heading(&'static str, usize),
    Event(EventId),
}

/// The panel's state between frames.
#[derive(Default)]
pub struct TimelineState {
    /// The date being edited: year, month, day (0: none).
    pub editing: Option<(i32, u32, u32)>,
    events: Vec<EventId>,
    rows: Arc<Vec<ListRow>>,
    tops: Arc<Vec<f32>>,
    events_for: Option<(u64, Option<usize>, Lang)>,
    /// The axis, its marks and their lanes, for the events and a width.
    axis: Option<AxisCache>,
}

struct AxisCache {
    key: (u64, Option<usize>, Lang, u32),
    axis: TimeAxis,
    /// Each dated event listed, with its mark and lane.
    marks: Vec<(usize, Mark, usize)>,
    lanes: usize,
}

impl TimelineState {
    /// The events listed now, in order.
    pub fn events(&self) -> &[EventId] {
        &self.events
    }

    /// Lists the events of `analyzed` (only those of `entity` when one is
    /// given), unless they are listed already.
    pub fn update(&mut self, analyzed: &Analyzed, entity: Option<usize>, lang: Lang) {
        let key = (analyzed.serial, entity, lang);
        if self.events_for == Some(key) {
            return;
        }
        let t = i18n::strings(lang);
        self.events = timeline_events(&analyzed.analysis, &analyzed.index, entity);
        let mut rows = Vec::new();
        let of = |keep: fn(&EventId) -> bool| -> Vec<EventId> {
            self.events.iter().copied().filter(keep).collect()
        };
        let dated = of(|e| matches!(e, EventId::Dated(_)));
        let vague = of(|e| matches!(e, EventId::Vague(_)));
        let plain = of(|e| matches!(e, EventId::Sentence(_)));
        if dated.is_empty() {
            rows.push(ListRow::Heading(t.no_events, 0));
        }
        rows.extend(dated.into_iter().map(ListRow::Event));
        if !vague.is_empty() {
            rows.push(ListRow::Heading(t.vague, vague.len()));
            rows.extend(vague.into_iter().map(ListRow::Event));
        }
        if !plain.is_empty() {
            rows.push(ListRow::Heading(t.undated, plain.len()));
            rows.extend(plain.into_iter().map(ListRow::Event));
        }
        let mut y = 0.0;
        let mut tops: Vec<f32> = rows
            .iter()
            .map(|r| {
                let top = y;
                y += match r {
                    ListRow::Heading(..) => HEADING_HEIGHT,
                    ListRow::Event(_) => CARD_HEIGHT,
                };
                top
            })
            .collect();
        tops.push(y);
        self.rows = Arc::new(rows);
        self.tops = Arc::new(tops);
        self.events_for = Some(key);
    }
}

/// The date of an event, as a TIMEX.
fn event_date(a: &Analysis, id: EventId) -> Option<&Timex> {
    match id {
        EventId::Dated(i) => Some(&a.timeline.dated[i].date),
        EventId::Vague(i) => Some(&a.timeline.undated[i].date),
        EventId::Sentence(_) => None,
    }
}

/// The entities of an event's sentence other than its dates, in order.
fn event_entities(a: &Analysis, id: EventId) -> Vec<usize> {
    let range = event_range(a, id);
    let first = a.first_mention_after(range.start);
    let mut out: Vec<usize> = Vec::new();
    for (k, m) in a.mentions[first..].iter().enumerate() {
        if m.range.start >= range.end {
            break;
        }
        if m.kind == MentionType::Date {
            continue;
        }
        if let Some(e) = a.entity_of[first + k]
            && !out.contains(&e)
        {
            out.push(e);
        }
    }
    out
}

/// The date of an event in words, with its Hijri equivalent, unless the
/// text says that day in the Hijri calendar: its own Hijri day may be a day
/// or two from the calendar's («الجمعة 10 صفر 1432 هـ الموافق 14 يناير
/// 2011» is 8 Safar by the tabular calendar).
pub fn event_date_text(a: &Analysis, index: &Index, id: EventId, lang: Lang) -> String {
    let mentions = match id {
        EventId::Dated(i) => &a.timeline.dated[i].mentions[..],
        EventId::Vague(i) => &a.timeline.undated[i].mentions[..],
        EventId::Sentence(_) => &[],
    };
    let said_in_hijri = mentions
        .iter()
        .any(|&m| index.hijri_written.get(m).copied().unwrap_or(false));
    match event_date(a, id) {
        Some(t) => match describe::hijri(t, lang).filter(|_| !said_in_hijri) {
            // In brackets, not after a middle dot: set small in Arabic, a
            // dot between digits reads as the digit zero «٠».
            Some(h) => format!("{} ({h})", describe::timex(t, lang)),
            None => describe::timex(t, lang),
        },
        None => "—".to_owned(),
    }
}

pub fn timeline_ui(
    ui: &mut Ui,
    state: &mut TimelineState,
    doc: &Document,
    analyzed: Option<&Arc<Analyzed>>,
    settings: &Settings,
    browse: &mut Browse,
) -> Option<TimelineAction> {
    let lang = settings.language;
    let t = i18n::strings(lang);
    let rtl = settings.rtl();
    let align = if rtl { Align::Max } else { Align::Min };
    let mut action = None;
    ui.with_layout(Layout::top_down(align), |ui| {
        ui.add_space(4.0);
        let strong = ui.visuals().strong_text_color();
        super::bidi_text::label_colored(
            ui,
            t.timeline,
            &super::fonts::interface_bold(15.0),
            strong,
        );
        let Some(analyzed) = analyzed else {
            super::bidi_text::label(ui, t.analysing);
            return;
        };
        let a = &analyzed.analysis;
        action = document_date_ui(ui, state, a, lang);
        let narrowed = browse.entity.filter(|_| !browse.show_all_events);
        if let Some(e) = browse.entity {
            super::row_ui(ui, rtl, |ui| {
                let label = format!("{} «{}»", t.only_events_of, a.entities[e].canonical);
                super::bidi_text::label(ui, &label);
                let all = browse.show_all_events;
                let w = ui.available_width().min(140.0);
                let r = ui.allocate_ui(egui::vec2(w, ui.spacing().interact_size.y), |ui| {
                    super::menu::toggle_ui(ui, all, t.show_all_events, false, rtl)
                });
                if r.inner.clicked() {
                    browse.show_all_events = !all;
                }
            });
        }
        state.update(analyzed, narrowed, lang);
        ui.separator();
        axis_ui(ui, state, analyzed, settings, browse);
        ui.separator();
        list_ui(ui, state, doc, analyzed, settings, browse);
    });
    action
}

fn document_date_ui(
    ui: &mut Ui,
    state: &mut TimelineState,
    a: &Analysis,
    lang: Lang,
) -> Option<TimelineAction> {
    let t = i18n::strings(lang);
    let rtl = lang == Lang::Arabic;
    let mut action = None;
    super::row_ui(ui, rtl, |ui| {
        let date = match a.doc_date {
            Some(d) => describe::timex(
                &Timex {
                    value: d.to_timex(),
                    kind: TimexKind::Date,
                    modifier: None,
                },
                lang,
            ),
            None => t.no_date.to_owned(),
        };
        let label = format!(
            "{}: {date} ({})",
            t.document_date,
            i18n::date_source(a.date_source, lang)
        );
        super::bidi_text::label(ui, &label);
        if state.editing.is_none() && super::bidi_text::button(ui, t.change).clicked() {
            let d = a.doc_date.unwrap_or(DocDate {
                year: 2024,
                month: 1,
                day: Some(1),
            });
            state.editing = Some((d.year, d.month, d.day.unwrap_or(0)));
        }
    });
    if let Some((mut y, mut m, mut d)) = state.editing {
        super::row_ui(ui, rtl, |ui| {
            let l = super::bidi_text::label(ui, t.year);
            ui.add(egui::DragValue::new(&mut y).range(1..=9999))
                .labelled_by(l.id);
            let l = super::bidi_text::label(ui, t.month);
            ui.add(egui::DragValue::new(&mut m).range(1..=12))
                .labelled_by(l.id);
            let l = super::bidi_text::label(ui, t.day);
            let last = crate::analysis::calendar::days_in_month(y, m);
            ui.add(egui::DragValue::new(&mut d).range(0..=last))
                .labelled_by(l.id);
        });
        state.editing = Some((y, m, d));
        super::row_ui(ui, rtl, |ui| {
            if super::bidi_text::button(ui, t.apply).clicked() {
                let day = (d > 0).then_some(d);
                action = Some(TimelineAction::Redate(Some(DocDate {
                    year: y,
                    month: m,
                    day,
                })));
                state.editing = None;
            }
            if super::bidi_text::button(ui, t.article_date).clicked() {
                action = Some(TimelineAction::Redate(None));
                state.editing = None;
            }
            if super::bidi_text::button(ui, t.hide).clicked() {
                state.editing = None;
            }
        });
    }
    action
}

fn axis_ui(
    ui: &mut Ui,
    state: &mut TimelineState,
    analyzed: &Analyzed,
    settings: &Settings,
    browse: &mut Browse,
) {
    let a = &analyzed.analysis;
    let lang = settings.language;
    let width = ui.available_width();
    let key = match state.events_for {
        Some((p, e, l)) => (p, e, l, width.to_bits()),
        None => return,
    };
    if state.axis.as_ref().is_none_or(|c| c.key != key) {
        let dated: Vec<usize> = state
            .events
            .iter()
            .filter_map(|e| match e {
                EventId::Dated(i) => Some(*i),
                _ => None,
            })
            .collect();
        let spans: Vec<std::ops::Range<i64>> = dated
            .iter()
            .map(|&i| analyzed.index.spans[i].clone())
            .collect();
        let axis = TimeAxis::new(
            &spans,
            AxisOptions {
                width,
                mirrored: lang == Lang::Arabic,
                ..Default::default()
            },
        );
        let marks: Vec<Mark> = spans.iter().map(|s| axis.place(s)).collect();
        let lane = lanes(&marks, 3.0, MAX_LANES);
        let n_lanes = lane
            .iter()
            .copied()
            .max()
            .map_or(1, |l| l + 1)
            .min(MAX_LANES);
        state.axis = Some(AxisCache {
            key,
            axis,
            marks: dated
                .into_iter()
                .zip(marks)
                .zip(lane)
                .map(|((i, m), l)| (i, m, l.min(MAX_LANES - 1)))
                .collect(),
            lanes: n_lanes,
        });
    }
    let Some(cache) = state.axis.as_ref() else {
        return;
    };
    let axis = &cache.axis;
    let n_lanes = cache.lanes;
    let lane_h = 10.0;
    let height = 42.0 + n_lanes as f32 * lane_h + 6.0;
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::click());
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let base_y = rect.top() + 6.0 + n_lanes as f32 * lane_h + 4.0;
    let axis_color = visuals.weak_text_color();
    painter.line_segment(
        [
            pos2(rect.left() + 4.0, base_y),
            pos2(rect.right() - 4.0, base_y),
        ],
        Stroke::new(1.0, axis_color),
    );
    // Collapsed gaps: a break in the line.
    for b in &axis.breaks {
        let x0 = rect.left() + b.start + 3.0;
        let x1 = rect.left() + b.end - 3.0;
        painter.rect_filled(
            Rect::from_min_max(pos2(x0, base_y - 5.0), pos2(x1, base_y + 5.0)),
            0.0,
            visuals.panel_fill,
        );
        for x in [x0, x1] {
            painter.line_segment(
                [pos2(x - 2.0, base_y + 5.0), pos2(x + 2.0, base_y - 5.0)],
                Stroke::new(1.0, axis_color),
            );
        }
    }
    let font = egui::FontId::proportional(11.0);
    let mut labels = Vec::new();
    for tick in axis.ticks() {
        let x = rect.left() + tick.x;
        let (len, label) = match tick.kind {
            TickKind::Year(y) => (7.0, tick.labelled.then(|| describe::year_label(y, lang))),
            TickKind::Month(_, m) => (3.5, tick.labelled.then(|| month_short(m, lang).to_owned())),
        };
        painter.line_segment(
            [pos2(x, base_y), pos2(x, base_y + len)],
            Stroke::new(1.0, axis_color),
        );
        if let Some(l) = label {
            let g = super::bidi_text::line_galley(
                ui.ctx(),
                &l,
                &font,
                egui::Color32::PLACEHOLDER,
                lang == Lang::Arabic,
            );
            labels.push((x, g, matches!(tick.kind, TickKind::Year(_))));
        }
    }
    let extents: Vec<_> = labels
        .iter()
        .map(|(x, g, y)| (*x, g.size().x, *y))
        .collect();
    let fit = super::time_axis::labels_that_fit(&extents, 4.0);
    for ((x, g, _), shown) in labels.into_iter().zip(fit) {
        if shown {
            painter.galley(pos2(x - g.size().x / 2.0, base_y + 8.0), g, axis_color);
        }
    }
    let strong = visuals.strong_text_color();
    for (x, y) in axis.stretch_labels() {
        let l = describe::year_label(y, lang);
        let g = super::bidi_text::line_galley(
            ui.ctx(),
            &l,
            &font,
            egui::Color32::PLACEHOLDER,
            lang == Lang::Arabic,
        );
        let x = (rect.left() + x - g.size().x / 2.0).clamp(rect.left(), rect.right() - g.size().x);
        painter.galley(pos2(x, base_y + 19.0), g, strong);
    }
    let date_style = highlight::style(settings.theme, MentionType::Date);
    let pointer = ui.ctx().pointer_hover_pos();
    let mut hovered: Option<usize> = None;
    // Marks that fall on the same pixels are drawn once.
    let mut drawn = rustc_hash::FxHashSet::default();
    for &(i, mark, l) in &cache.marks {
        let y = base_y - 6.0 - l as f32 * lane_h;
        let id = EventId::Dated(i);
        let strong = browse.event == Some(id)
            || (browse.show_all_events
                && browse.entity.is_some_and(|e| event_has_entity(a, id, e)));
        let extent = mark.extent();
        let hit = match mark {
            Mark::Point(x) => Rect::from_center_size(pos2(rect.left() + x, y), vec2(10.0, 10.0)),
            Mark::Bar(x0, x1) => Rect::from_min_max(
                pos2(rect.left() + x0, y - 3.0),
                pos2(rect.left() + x1, y + 3.0),
            )
            .expand2(vec2(2.0, 2.0)),
        };
        if pointer.is_some_and(|p| hit.contains(p)) {
            hovered = Some(i);
        }
        let pixel = (
            extent.start.round() as i32,
            extent.end.round() as i32,
            l,
            strong,
        );
        if !strong && browse.event != Some(id) && !drawn.insert(pixel) {
            continue;
        }
        let color = if strong {
            date_style.ink
        } else {
            date_style.ink.gamma_multiply(0.6)
        };
        match mark {
            Mark::Point(x) => {
                painter.circle_filled(
                    pos2(rect.left() + x, y),
                    if strong { 5.0 } else { 3.8 },
                    color,
                );
            }
            Mark::Bar(x0, x1) => {
                let r = Rect::from_min_max(
                    pos2(rect.left() + x0, y - 3.0),
                    pos2(rect.left() + x1, y + 3.0),
                );
                painter.rect_filled(r, 3.0, color);
            }
        }
        if browse.event == Some(id) {
            painter.rect_stroke(
                hit.expand(2.0),
                3.0,
                Stroke::new(1.5, visuals.strong_text_color()),
                egui::StrokeKind::Outside,
            );
        }
    }
    if let Some(i) = hovered {
        let text = event_date_text(a, &analyzed.index, EventId::Dated(i), lang);
        response.clone().on_hover_ui_at_pointer(|ui| {
            super::bidi_text::label(ui, &text);
        });
        if response.clicked() {
            browse.click_event(a, EventId::Dated(i));
        }
    }
    let label = super::i18n::strings(lang).time_axis;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, label));
}

fn month_short(m: u32, lang: Lang) -> &'static str {
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Arabic => describe::GREGORIAN_MONTHS[i],
        Lang::English => EN[i],
    }
}

fn list_ui(
    ui: &mut Ui,
    state: &mut TimelineState,
    doc: &Document,
    analyzed: &Analyzed,
    settings: &Settings,
    browse: &mut Browse,
) {
    let a = &analyzed.analysis;
    let mut area = egui::ScrollArea::vertical()
        .id_salt("timeline-list")
        .auto_shrink([false, false]);
    if browse.reveal_event {
        browse.reveal_event = false;
        let view = ui.available_height();
        let offset = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(ui.scope_id().with("timeline-offset")))
            .unwrap_or(0.0);
        let target = browse
            .event
            .and_then(|id| state.rows.iter().position(|r| *r == ListRow::Event(id)))
            .or_else(|| {
                // The first event that holds the mention stepped to.
                let m = browse.mention?;
                let at = a.mentions[m].range.start;
                state.rows.iter().position(|r| match r {
                    ListRow::Event(id) => event_range(a, *id).contains(&at),
                    _ => false,
                })
            });
        if let Some(r) = target {
            let y = state.tops[r];
            if y < offset || y + CARD_HEIGHT > offset + view {
                area = area.vertical_scroll_offset((y - view / 4.0).max(0.0));
            }
        }
    }
    let rows = state.rows.clone();
    let tops = state.tops.clone();
    let out = area.show_viewport(ui, |ui, viewport| {
        let width = ui.available_width();
        let total = tops.last().copied().unwrap_or(0.0);
        let (all, _) = ui.allocate_exact_size(vec2(width, total), Sense::hover());
        let first = tops
            .partition_point(|&t| t + CARD_HEIGHT <= viewport.min.y)
            .min(rows.len());
        for (i, row) in rows.iter().enumerate().skip(first) {
            let top = tops[i];
            if top > viewport.max.y {
                break;
            }
            let h = tops[i + 1] - top;
            let rect = Rect::from_min_size(pos2(all.left(), all.top() + top), vec2(width, h));
            let mut child = ui.new_child(
                egui::UiBuilder::new()
                    .max_rect(rect)
                    .id_salt(("event-row", i)),
            );
            match *row {
                ListRow::Heading(title, n) => heading_ui(&mut child, title, n, settings.language),
                ListRow::Event(id) => {
                    card_ui(&mut child, doc, analyzed, id, settings, browse);
                }
            }
        }
    });
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            ui.scope_id().with("timeline-offset"),
            out.state.clamped_offset().y,
        )
    });
}

fn heading_ui(ui: &mut Ui, title: &str, n: usize, lang: Lang) {
    let text = if n > 0 {
        format!("{title} ({})", describe::number(n as f64, lang))
    } else {
        title.to_owned()
    };
    let rect = ui.max_rect();
    let font = super::fonts::interface_bold(13.0);
    let color = ui.visuals().strong_text_color();
    let g = super::bidi_text::line_galley(
        ui.ctx(),
        &text,
        &font,
        egui::Color32::PLACEHOLDER,
        lang == Lang::Arabic,
    );
    let x = if lang == Lang::Arabic {
        rect.right() - 4.0 - g.size().x
    } else {
        rect.left() + 4.0
    };
    ui.painter()
        .galley(pos2(x, rect.center().y - g.size().y / 2.0 + 2.0), g, color);
}

fn card_ui(
    ui: &mut Ui,
    doc: &Document,
    analyzed: &Analyzed,
    id: EventId,
    settings: &Settings,
    browse: &mut Browse,
) {
    let a = &analyzed.analysis;
    let lang = settings.language;
    let rtl = lang == Lang::Arabic;
    let outer = ui.max_rect().shrink2(vec2(2.0, 3.0));
    let response = ui.interact(outer, ui.scope_id().with("card"), Sense::click());
    let visuals = ui.visuals().clone();
    let marked = browse.event == Some(id);
    let concerned = browse.entity.is_some_and(|e| event_has_entity(a, id, e));
    let fill = if marked {
        visuals.selection.bg_fill.gamma_multiply(0.6)
    } else if response.hovered() || response.has_focus() {
        visuals.widgets.hovered.weak_bg_fill
    } else {
        visuals.faint_bg_color
    };
    let stroke = if response.has_focus() {
        visuals.selection.stroke
    } else if concerned && browse.show_all_events {
        Stroke::new(1.5, highlight::style(settings.theme, MentionType::Date).ink)
    } else {
        Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
    };
    ui.painter()
        .rect(outer, 5.0, fill, stroke, egui::StrokeKind::Inside);
    let inner = outer.shrink2(vec2(8.0, 5.0));
    let date_text = event_date_text(a, &analyzed.index, id, lang);
    let bold = super::fonts::interface_bold(13.0);
    let strong = visuals.strong_text_color();
    let mut g =
        super::bidi_text::line_galley(ui.ctx(), &date_text, &bold, egui::Color32::PLACEHOLDER, rtl);
    // Too long for the card (a quarter's Hijri days, say): the date alone,
    // rather than a title cut off at the card's edge.
    if g.size().x > inner.width()
        && let Some(t) = event_date(a, id)
    {
        g = super::bidi_text::line_galley(
            ui.ctx(),
            &describe::timex(t, lang),
            &bold,
            egui::Color32::PLACEHOLDER,
            rtl,
        );
    }
    let clip = ui.painter().with_clip_rect(inner);
    let x = if rtl {
        inner.right() - g.size().x
    } else {
        inner.left()
    };
    clip.galley(pos2(x, inner.top()), g, strong);
    // The sentence's opening words.
    let range = event_range(a, id);
    let sentence = doc.text[range.clone()].trim();
    let excerpt_rect = Rect::from_min_max(
        pos2(inner.left(), inner.top() + 20.0),
        pos2(inner.right(), inner.top() + 50.0),
    );
    super::rtl_label::excerpt_ui(
        ui,
        excerpt_rect,
        sentence,
        &super::fonts::reading(15.0),
        visuals.text_color(),
        1,
    );
    // Chips.
    let chips_top = inner.top() + 54.0;
    let mut x_edge = if rtl { inner.right() } else { inner.left() };
    let chip_font = egui::FontId::proportional(12.0);
    let entities = event_entities(a, id);
    for (shown, &e) in entities.iter().enumerate() {
        let entity = &a.entities[e];
        let st = highlight::style(settings.theme, entity.kind);
        let g = super::bidi_text::line_galley(
            ui.ctx(),
            &entity.canonical,
            &chip_font,
            egui::Color32::PLACEHOLDER,
            true,
        );
        let w = g.size().x + 12.0;
        let room = if rtl {
            x_edge - inner.left()
        } else {
            inner.right() - x_edge
        };
        if w > room - 28.0 && shown < entities.len() - 1 || w > room {
            let more = format!(
                "+{}",
                describe::number((entities.len() - shown) as f64, lang)
            );
            let mg = super::bidi_text::line_galley(
                ui.ctx(),
                &more,
                &chip_font,
                egui::Color32::PLACEHOLDER,
                rtl,
            );
            let mx = if rtl {
                x_edge - mg.size().x - 2.0
            } else {
                x_edge + 2.0
            };
            ui.painter()
                .galley(pos2(mx, chips_top + 3.0), mg, visuals.weak_text_color());
            break;
        }
        let r = if rtl {
            Rect::from_min_size(pos2(x_edge - w, chips_top), vec2(w, 20.0))
        } else {
            Rect::from_min_size(pos2(x_edge, chips_top), vec2(w, 20.0))
        };
        let chip = ui.interact(r, ui.scope_id().with(("chip", e)), Sense::click());
        let selected = browse.entity == Some(e);
        ui.painter().rect(
            r,
            9.0,
            st.background,
            Stroke::new(if selected || chip.hovered() { 2.0 } else { 1.0 }, st.ink),
            egui::StrokeKind::Inside,
        );
        ui.painter().galley(
            pos2(r.left() + 6.0, r.center().y - g.size().y / 2.0),
            g,
            visuals.text_color(),
        );
        let label = format!(
            "{} ({})",
            entity.canonical,
            describe::type_name(entity.kind, lang)
        );
        chip.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if chip.clicked() {
            let at = event_range(a, id).start;
            browse.select_entity(a, e, at);
        }
        x_edge = if rtl { r.left() - 5.0 } else { r.right() + 5.0 };
    }
    let label = format!(
        "{date_text} — {}",
        sentence.chars().take(80).collect::<String>()
    );
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, marked, &label));
    if response.clicked() {
        browse.click_event(a, id);
        browse.reveal_event = false;
    }
}
