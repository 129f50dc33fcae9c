//! The entity sidebar: entities grouped by type with counts, a filter box
//! that matches Arabic loosely, three orders, and rows that select an
//! entity and jump to its next mention. Only the rows in view are drawn.
//!
//! Keyboard: Ctrl+F focuses the filter; Up and Down move through the rows
//! while it has focus, Enter selects the row; rows take focus with Tab and
//! are selected with Space or Enter.

use std::sync::Arc;

use egui::{Align, Layout, Response, Sense, Ui, pos2, vec2};

use super::analysis_job::Analyzed;
use super::bidi_edit::{EditState, bidi_edit_ui};
use super::browse::{Browse, Row, Sort, sidebar_rows};
use super::highlight::TYPES;
use super::i18n::{self, Lang};
use super::settings::Settings;
use crate::analysis::describe;
use crate::analysis::loose::Query;
use crate::document::Document;

/// The height of a row, in points.
pub const ROW_HEIGHT: f32 = 26.0;

/// The sidebar's state between frames.
#[derive(Default)]
pub struct SidebarState {
    pub filter: EditState,
    /// The row Up and Down have moved to.
    pub cursor: Option<usize>,
    /// Give the filter box the keyboard on the next frame.
    pub focus_filter: bool,
    rows: Arc<Vec<Row>>,
    rows_for: Option<RowsKey>,
}

#[derive(Clone, PartialEq)]
struct RowsKey {
    analysis: u64,
    filter: String,
    sort: Sort,
    collapsed: Vec<crate::analysis::MentionType>,
}

impl SidebarState {
    /// The rows shown now (as of the last frame).
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    fn update_rows(&mut self, analyzed: &Arc<Analyzed>, settings: &Settings) {
        let key = RowsKey {
            analysis: analyzed.serial,
            filter: self.filter.text.clone(),
            sort: settings.sort,
            collapsed: settings.collapsed_groups.clone(),
        };
        if self.rows_for.as_ref() == Some(&key) {
            return;
        }
        let query = Query::new(&self.filter.text);
        self.rows = Arc::new(sidebar_rows(
            &analyzed.analysis,
            &analyzed.index,
            &query,
            settings.sort,
            &TYPES,
            |k| settings.collapsed_groups.contains(&k),
        ));
        // Row positions mean nothing in other rows.
        self.cursor = None;
        self.rows_for = Some(key);
    }
}

/// The sidebar. `reading_at` is the byte offset at the top of the page
/// (where "next mention" starts from).
#[allow(clippy::too_many_arguments)]
pub fn sidebar_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    doc: &Document,
    analyzed: Option<&Arc<Analyzed>>,
    settings: &mut Settings,
    browse: &mut Browse,
    reading_at: usize,
    progress: Option<f32>,
) {
    let lang = settings.language;
    let t = i18n::strings(lang);
    let rtl = settings.rtl();
    let align = if rtl { Align::Max } else { Align::Min };
    ui.with_layout(Layout::top_down(align), |ui| {
        ui.add_space(4.0);
        let title = match analyzed {
            Some(a) => format!(
                "{} ({})",
                t.entities,
                describe::number(a.analysis.entities.len() as f64, lang)
            ),
            None => t.entities.to_owned(),
        };
        let strong = ui.visuals().strong_text_color();
        super::bidi_text::label_colored(ui, &title, &super::fonts::interface_bold(15.0), strong);
        ui.add_space(4.0);
        let width = ui.available_width();
        let filter_id_salt = "entity-filter";
        if std::mem::take(&mut state.focus_filter) {
            let id = ui.make_persistent_id(filter_id_salt);
            ui.memory_mut(|m| m.request_focus(id));
        }
        let out = bidi_edit_ui(
            ui,
            &mut state.filter,
            filter_id_salt,
            t.filter_hint,
            width,
            rtl,
        );
        ui.add_space(2.0);
        sort_ui(ui, settings, lang);
        ui.separator();
        let Some(analyzed) = analyzed else {
            let msg = match progress {
                Some(p) => format!(
                    "{} {}",
                    t.analysing,
                    describe::digits(&format!("{:.0}%", p * 100.0), lang)
                ),
                None => t.analysing.to_owned(),
            };
            super::bidi_text::label(ui, &msg);
            return;
        };
        if browse.reveal_row
            && let Some(e) = browse.entity
            && let Some(kind) = analyzed.analysis.entities.get(e).map(|e| e.kind)
        {
            // An entity selected in the reader or the timeline is shown even
            // when its group was folded.
            settings.collapsed_groups.retain(|k| *k != kind);
        }
        state.update_rows(analyzed, settings);
        if state.rows.is_empty() {
            super::bidi_text::label(ui, t.no_match);
            return;
        }
        // Up and Down in the filter move through the entity rows; Enter picks.
        let entity_rows: Vec<usize> = (0..state.rows.len())
            .filter(|&i| matches!(state.rows[i], Row::Entity(_)))
            .collect();
        let mut reveal_row = None;
        if out.down || out.up {
            let at = state
                .cursor
                .and_then(|c| entity_rows.iter().position(|&r| r == c));
            let next = match (at, out.down) {
                (None, true) => 0,
                (None, false) => entity_rows.len().saturating_sub(1),
                (Some(i), true) => (i + 1).min(entity_rows.len().saturating_sub(1)),
                (Some(i), false) => i.saturating_sub(1),
            };
            state.cursor = entity_rows.get(next).copied();
            reveal_row = state.cursor;
        }
        if out.submitted
            && let Some(&r) = state.cursor.as_ref().or(entity_rows.first())
            && let Some(Row::Entity(e)) = state.rows.get(r).copied()
        {
            browse.select_entity(&analyzed.analysis, e, reading_at);
        }
        if browse.reveal_row {
            browse.reveal_row = false;
            if let Some(e) = browse.entity {
                reveal_row = state.rows.iter().position(|r| *r == Row::Entity(e));
            }
        }
        rows_ui(
            ui, state, doc, analyzed, settings, browse, reading_at, reveal_row,
        );
    });
}

fn sort_ui(ui: &mut Ui, settings: &mut Settings, lang: Lang) {
    let t = i18n::strings(lang);
    super::row_ui(ui, lang == Lang::Arabic, |ui| {
        let small = egui::TextStyle::Small.resolve(ui.style());
        let weak = ui.visuals().weak_text_color();
        super::bidi_text::label_colored(ui, t.sort, &small, weak);
        for (sort, name) in [
            (Sort::Frequency, t.by_frequency),
            (Sort::FirstAppearance, t.by_first),
            (Sort::Name, t.by_name),
        ] {
            if super::bidi_text::selectable_label(
                ui,
                settings.sort == sort,
                name,
                egui::TextStyle::Small,
            )
            .clicked()
            {
                settings.sort = sort;
            }
        }
    });
}

#[allow(clippy::too_many_arguments)]
fn rows_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    doc: &Document,
    analyzed: &Arc<Analyzed>,
    settings: &mut Settings,
    browse: &mut Browse,
    reading_at: usize,
    reveal: Option<usize>,
) {
    let mut area = egui::ScrollArea::vertical()
        .id_salt("entity-rows")
        .auto_shrink([false, false]);
    if let Some(r) = reveal {
        // Bring the row into view, a third down, unless it is in view.
        let view = ui.available_height();
        let offset = ui
            .ctx()
            .data(|d| d.get_temp::<f32>(ui.scope_id().with("entity-rows-offset")))
            .unwrap_or(0.0);
        let y = r as f32 * ROW_HEIGHT;
        if y < offset || y + ROW_HEIGHT > offset + view {
            area = area.vertical_scroll_offset((y - view / 3.0).max(0.0));
        }
    }
    let rows = state.rows.clone();
    let a = &analyzed.analysis;
    let out = area.show_viewport(ui, |ui, viewport| {
        ui.spacing_mut().item_spacing.y = 0.0;
        let width = ui.available_width();
        let (all, _) =
            ui.allocate_exact_size(vec2(width, ROW_HEIGHT * rows.len() as f32), Sense::hover());
        let first = (viewport.min.y / ROW_HEIGHT).floor().max(0.0) as usize;
        let last = ((viewport.max.y / ROW_HEIGHT).ceil() as usize).min(rows.len());
        for (i, row) in rows.iter().enumerate().take(last).skip(first) {
            let rect = egui::Rect::from_min_size(
                pos2(all.left(), all.top() + i as f32 * ROW_HEIGHT),
                vec2(width, ROW_HEIGHT),
            );
            let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect).id_salt(("row", i)));
            match *row {
                Row::Heading(kind, n) => {
                    if heading_ui(&mut child, settings, kind, n).clicked() {
                        if let Some(p) = settings.collapsed_groups.iter().position(|k| *k == kind) {
                            settings.collapsed_groups.remove(p);
                        } else {
                            settings.collapsed_groups.push(kind);
                        }
                    }
                }
                Row::Entity(e) => {
                    let r = entity_row_ui(
                        &mut child,
                        doc,
                        analyzed,
                        e,
                        browse.entity == Some(e),
                        state.cursor == Some(i),
                        settings,
                    );
                    if r.clicked() {
                        state.cursor = Some(i);
                        browse.select_entity(a, e, reading_at);
                        browse.reveal_row = false;
                    }
                }
            }
        }
    });
    ui.ctx().data_mut(|d| {
        d.insert_temp(
            ui.scope_id().with("entity-rows-offset"),
            out.state.clamped_offset().y,
        )
    });
}

fn heading_ui(
    ui: &mut Ui,
    settings: &Settings,
    kind: crate::analysis::MentionType,
    n: usize,
) -> Response {
    let lang = settings.language;
    let collapsed = settings.collapsed_groups.contains(&kind);
    let label = format!(
        "{} ({})",
        describe::type_plural(kind, lang),
        describe::number(n as f64, lang)
    );
    let rect = ui.max_rect();
    let response = ui.allocate_rect(rect, Sense::click());
    let font = super::fonts::interface_bold(13.0);
    let color = ui.visuals().strong_text_color();
    let galley = super::bidi_text::line_galley(
        ui.ctx(),
        &label,
        &font,
        egui::Color32::PLACEHOLDER,
        lang == Lang::Arabic,
    );
    if response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect, 3.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    // A triangle: pointing down when open, towards the text's end when shut.
    let rtl = lang == Lang::Arabic;
    let c = pos2(
        if rtl {
            rect.right() - 9.0
        } else {
            rect.left() + 9.0
        },
        rect.center().y,
    );
    let points = match (collapsed, rtl) {
        (false, _) => vec![
            c + vec2(-4.5, -2.5),
            c + vec2(4.5, -2.5),
            c + vec2(0.0, 3.5),
        ],
        (true, true) => vec![c + vec2(2.5, -4.5), c + vec2(2.5, 4.5), c + vec2(-3.5, 0.0)],
        (true, false) => vec![
            c + vec2(-2.5, -4.5),
            c + vec2(-2.5, 4.5),
            c + vec2(3.5, 0.0),
        ],
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
    let sw = egui::Rect::from_center_size(
        pos2(
            if rtl {
                rect.right() - 30.0
            } else {
                rect.left() + 30.0
            },
            rect.center().y,
        ),
        vec2(18.0, 11.0),
    );
    super::legend::swatch(ui, sw, settings.theme, kind, true);
    let x = if lang == Lang::Arabic {
        sw.left() - 6.0 - galley.size().x
    } else {
        sw.right() + 6.0
    };
    ui.painter().galley(
        pos2(x, rect.center().y - galley.size().y / 2.0),
        galley,
        color,
    );
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, !collapsed, &label));
    response
}

/// One entity: its name, and how many mentions it has.
fn entity_row_ui(
    ui: &mut Ui,
    doc: &Document,
    analyzed: &Analyzed,
    e: usize,
    selected: bool,
    cursor: bool,
    settings: &Settings,
) -> Response {
    let lang = settings.language;
    let a = &analyzed.analysis;
    let entity = &a.entities[e];
    let rect = ui.max_rect();
    let response = ui.allocate_rect(rect, Sense::click());
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    if selected {
        painter.rect_filled(rect, 3.0, visuals.selection.bg_fill);
    } else if cursor || response.hovered() || response.has_focus() {
        painter.rect_filled(rect, 3.0, visuals.widgets.hovered.weak_bg_fill);
    }
    if cursor || response.has_focus() {
        painter.rect_stroke(
            rect.shrink(1.0),
            3.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
    let color = if selected {
        visuals.selection.stroke.color
    } else {
        visuals.text_color()
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let rtl = lang == Lang::Arabic;
    let count = describe::number(entity.mentions.len() as f64, lang);
    // Coloured when painted, so that selecting a row lays nothing out again.
    let weak = visuals.weak_text_color();
    let count_galley =
        super::bidi_text::line_galley(ui.ctx(), &count, &font, egui::Color32::PLACEHOLDER, rtl);
    let name_galley = super::bidi_text::line_galley(
        ui.ctx(),
        &entity.canonical,
        &font,
        egui::Color32::PLACEHOLDER,
        true,
    );
    let pad = 22.0;
    let y = |g: &egui::Galley| rect.center().y - g.size().y / 2.0;
    let name_room = rect.width() - pad - count_galley.size().x - 14.0;
    let (lo, hi) = if rtl {
        (rect.right() - pad - name_room, rect.right() - pad)
    } else {
        (rect.left() + pad, rect.left() + pad + name_room)
    };
    let name_rtl = entity
        .canonical
        .chars()
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => Some(true),
            unicode_bidi::BidiClass::L => Some(false),
            _ => None,
        })
        .unwrap_or(rtl);
    // The ellipsis is laid out only for a name that is cut.
    let ellipsis = (name_galley.size().x > hi - lo).then(|| {
        super::bidi_text::line_galley(ui.ctx(), "…", &font, egui::Color32::PLACEHOLDER, false)
    });
    let ellipsis_w = ellipsis.as_ref().map_or(0.0, |g| g.size().x + 2.0);
    let fit = fit_name((lo, hi), name_galley.size().x, ellipsis_w, name_rtl, rtl);
    let name_clip = painter.with_clip_rect(egui::Rect::from_min_max(
        pos2(fit.clip.0, rect.top()),
        pos2(fit.clip.1, rect.bottom()),
    ));
    name_clip.galley(pos2(fit.x, y(&name_galley)), name_galley, color);
    if let (Some(x), Some(ellipsis)) = (fit.ellipsis, ellipsis) {
        painter.galley(pos2(x, y(&ellipsis)), ellipsis, color);
    }
    let count_x = if rtl {
        rect.left() + 8.0
    } else {
        rect.right() - 8.0 - count_galley.size().x
    };
    painter.galley(pos2(count_x, y(&count_galley)), count_galley, weak);
    let label = entity_label(analyzed, e, lang);
    response.widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label));
    let first = entity.mentions[0];
    let theme = settings.theme;
    response.on_hover_ui(|ui| super::reader::mention_tooltip_ui(ui, doc, a, first, lang, theme))
}

/// Where a row's name is painted in the room from `lo` to `hi`
/// ([`fit_name`]).
#[derive(Debug, PartialEq)]
struct NameFit {
    /// What of the name shows, from left to right.
    clip: (f32, f32),
    /// The name's left edge.
    x: f32,
    /// The left edge of the ellipsis, where a long name is cut.
    ellipsis: Option<f32>,
}

/// Lays a name `width` wide in the room `(lo, hi)`: right-aligned in a
/// right-to-left interface, left-aligned otherwise. A name too long for
/// its room shows its beginning (the right end of a right-to-left name,
/// the left end of a left-to-right one) and an ellipsis (`ellipsis_w`
/// wide) where it is cut, so that the reader sees that it goes on.
fn fit_name(
    (lo, hi): (f32, f32),
    width: f32,
    ellipsis_w: f32,
    name_rtl: bool,
    ui_rtl: bool,
) -> NameFit {
    if width <= hi - lo {
        let x = if ui_rtl { hi - width } else { lo };
        return NameFit {
            clip: (lo, hi),
            x,
            ellipsis: None,
        };
    }
    if name_rtl {
        NameFit {
            clip: (lo + ellipsis_w, hi),
            x: hi - width,
            ellipsis: Some(lo),
        }
    } else {
        NameFit {
            clip: (lo, hi - ellipsis_w),
            x: lo,
            ellipsis: Some(hi - ellipsis_w + 2.0),
        }
    }
}

/// The AccessKit label of an entity's row: «بغداد · مكان · ٥ إشارات».
pub fn entity_label(analyzed: &Analyzed, e: usize, lang: Lang) -> String {
    let entity = &analyzed.analysis.entities[e];
    format!(
        "{} · {} · {}",
        entity.canonical,
        describe::type_name(entity.kind, lang),
        i18n::count(entity.mentions.len(), &i18n::MENTION, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// «مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية» was cut at its row's
    /// edge with nothing to tell that it went on.
    #[test]
    fn a_name_too_long_for_its_row_ends_in_an_ellipsis_where_it_is_cut() {
        let room = (10.0, 110.0);
        // An Arabic name shows its beginning, on the right; the ellipsis
        // stands at the left, outside what shows of the name.
        assert_eq!(
            fit_name(room, 150.0, 8.0, true, true),
            NameFit {
                clip: (18.0, 110.0),
                x: -40.0,
                ellipsis: Some(10.0),
            }
        );
        // A Latin name shows its beginning on the left, the ellipsis at
        // the right, in either interface.
        for ui_rtl in [true, false] {
            assert_eq!(
                fit_name(room, 150.0, 8.0, false, ui_rtl),
                NameFit {
                    clip: (10.0, 102.0),
                    x: 10.0,
                    ellipsis: Some(104.0),
                }
            );
        }
        // A name that fits has none, and keeps to the interface's side.
        assert_eq!(
            fit_name(room, 50.0, 8.0, true, true),
            NameFit {
                clip: (10.0, 110.0),
                x: 60.0,
                ellipsis: None,
            }
        );
        assert_eq!(fit_name(room, 50.0, 8.0, true, false).x, 10.0);
    }
}
