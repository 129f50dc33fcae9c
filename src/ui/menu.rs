//! The menu bar: File, View, Navigate, and the theme toggle. In Arabic the
//! bar starts at the right and each menu's items are right-aligned; every
//! label goes through [`super::bidi_text`].

use std::path::PathBuf;

use egui::{
    Align, Color32, Key, KeyboardShortcut, Layout, Modifiers, Response, Sense, Stroke, Ui, pos2,
    vec2,
};

use super::bidi_text;
use super::highlight::TYPES;
use super::i18n::{self, Lang};
use super::settings::Settings;
use super::theme::Theme;
use crate::analysis::describe;

pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const BIGGER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Plus);
pub const BIGGER_EQUALS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Equals);
pub const SMALLER: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Minus);
pub const RESET_SIZE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Num0);
pub const FIND: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::F);
pub const LANGUAGE: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::L);
pub const ENTITIES_PANEL: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E);
pub const TIMELINE_PANEL: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::T);
/// Alt+1 to Alt+5 turn the highlights of each type (in legend order) on or off.
pub const TYPE_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
pub const NEXT_EVENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown);
pub const PREVIOUS_EVENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp);

/// What the reader asked for from the menu.
#[derive(Debug, PartialEq)]
pub enum MenuAction {
    Open,
    OpenSample,
    OpenRecent(PathBuf),
    Quit,
    NextMention,
    PreviousMention,
    ClearSelection,
    FindEntity,
    NextEvent,
    PreviousEvent,
    Edit(super::editing::EditAction),
    Export(crate::export::Format),
    Import,
}

/// A format as the File menu names it.
pub fn export_label(format: crate::export::Format, lang: Lang) -> &'static str {
    use crate::export::Format;
    match (format, lang == Lang::Arabic) {
        (Format::Json, true) => "JSON…",
        (Format::Jsonl, true) => "JSON Lines…",
        (Format::Csv, true) => "CSV (جدولان)…",
        (Format::Brat, true) => "brat (مجلد)…",
        (Format::Conll, true) => "CoNLL (IOB2)…",
        (Format::W3c, true) => "W3C Web Annotation…",
        (Format::Timeline, true) => "TimelineJS…",
        (Format::Json, false) => "JSON…",
        (Format::Jsonl, false) => "JSON Lines…",
        (Format::Csv, false) => "CSV (two tables)…",
        (Format::Brat, false) => "brat (a folder)…",
        (Format::Conll, false) => "CoNLL (IOB2)…",
        (Format::W3c, false) => "W3C Web Annotation…",
        (Format::Timeline, false) => "TimelineJS…",
    }
}

pub fn theme_name(theme: Theme, lang: Lang) -> &'static str {
    let t = i18n::strings(lang);
    match theme {
        Theme::Light => t.light,
        Theme::Dark => t.dark,
        Theme::Sepia => t.sepia,
    }
}

/// A menu item: its label on the reading side (the right in Arabic), its
/// shortcut on the other.
pub(crate) fn item_ui(ui: &mut Ui, label: &str, shortcut: Option<&str>, rtl: bool) -> Response {
    item_dir_ui(ui, label, shortcut, rtl, rtl)
}

/// [`item_ui`] whose label is laid in its own base direction: a file path
/// reads left to right (its slashes lead on the left) even in the Arabic
/// interface, where it still sits on the right.
fn item_dir_ui(
    ui: &mut Ui,
    label: &str,
    shortcut: Option<&str>,
    rtl: bool,
    label_rtl: bool,
) -> Response {
    let ctx = ui.ctx().clone();
    let font = egui::TextStyle::Button.resolve(ui.style());
    let weak = ui.visuals().weak_text_color();
    let g = bidi_text::label_galley(&ctx, label, &font, Color32::PLACEHOLDER, label_rtl);
    let sg = shortcut.map(|s| bidi_text::label_galley(&ctx, s, &font, weak, false));
    let pad = ui.spacing().button_padding;
    let need = g.size().x + sg.as_ref().map_or(0.0, |s| s.size().x + 28.0) + 2.0 * pad.x;
    let size = vec2(ui.available_width().max(need), g.size().y + 2.0 * pad.y);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let visuals = ui.style().interact(&response);
    if response.hovered() || response.has_focus() {
        ui.painter()
            .rect_filled(rect, visuals.corner_radius, visuals.weak_bg_fill);
    }
    let inner = rect.shrink2(pad);
    let y = |h: f32| inner.center().y - h / 2.0;
    let (lx, sx) = if rtl {
        (inner.right() - g.size().x, inner.left())
    } else {
        (
            inner.left(),
            inner.right() - sg.as_ref().map_or(0.0, |s| s.size().x),
        )
    };
    let text_color = visuals.text_color();
    ui.painter().galley(pos2(lx, y(g.size().y)), g, text_color);
    if let Some(sg) = sg {
        ui.painter().galley(pos2(sx, y(sg.size().y)), sg, weak);
    }
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
    response
}

/// A check box or a radio button of a menu, its mark on the reading side.
pub fn toggle_ui(ui: &mut Ui, on: bool, label: &str, radio: bool, rtl: bool) -> Response {
    toggle_with_shortcut_ui(ui, on, label, None, radio, rtl)
}

/// [`toggle_ui`] with its shortcut on the trailing side.
pub fn toggle_with_shortcut_ui(
    ui: &mut Ui,
    on: bool,
    label: &str,
    shortcut: Option<&str>,
    radio: bool,
    rtl: bool,
) -> Response {
    let ctx = ui.ctx().clone();
    let font = egui::TextStyle::Button.resolve(ui.style());
    let g = bidi_text::label_galley(&ctx, label, &font, Color32::PLACEHOLDER, rtl);
    let weak = ui.visuals().weak_text_color();
    let sg = shortcut.map(|s| bidi_text::label_galley(&ctx, s, &font, weak, false));
    let pad = ui.spacing().button_padding;
    let mark = ui.spacing().icon_width;
    let gap = ui.spacing().icon_spacing;
    let need =
        g.size().x + mark + gap + 2.0 * pad.x + sg.as_ref().map_or(0.0, |s| s.size().x + 28.0);
    let size = vec2(
        ui.available_width().max(need),
        g.size().y.max(mark) + 2.0 * pad.y,
    );
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let visuals = ui.style().interact_selectable(&response, on);
    if response.hovered() || response.has_focus() {
        ui.painter().rect_filled(
            rect,
            visuals.corner_radius,
            ui.visuals().widgets.hovered.weak_bg_fill,
        );
    }
    let inner = rect.shrink2(pad);
    let (mx, lx) = if rtl {
        (
            inner.right() - mark,
            inner.right() - mark - gap - g.size().x,
        )
    } else {
        (inner.left(), inner.left() + mark + gap)
    };
    let m = egui::Rect::from_min_size(pos2(mx, inner.center().y - mark / 2.0), vec2(mark, mark));
    let stroke = ui.visuals().widgets.inactive.fg_stroke;
    let fill = ui.visuals().widgets.inactive.bg_fill;
    if radio {
        ui.painter()
            .circle(m.center(), mark / 2.0, fill, Stroke::new(1.0, stroke.color));
        if on {
            ui.painter()
                .circle_filled(m.center(), mark / 4.5, stroke.color);
        }
    } else {
        ui.painter().rect(
            m,
            2.0,
            fill,
            Stroke::new(1.0, stroke.color),
            egui::StrokeKind::Inside,
        );
        if on {
            let s = Stroke::new(2.0, ui.visuals().selection.stroke.color);
            ui.painter().line_segment(
                [
                    m.left_center() + vec2(3.0, 0.0),
                    m.center_bottom() + vec2(0.0, -3.5),
                ],
                s,
            );
            ui.painter().line_segment(
                [
                    m.center_bottom() + vec2(0.0, -3.5),
                    m.right_top() + vec2(-3.0, 3.0),
                ],
                s,
            );
        }
    }
    let text_color = ui.visuals().text_color();
    ui.painter()
        .galley(pos2(lx, inner.center().y - g.size().y / 2.0), g, text_color);
    if let Some(sg) = sg {
        let sx = if rtl {
            inner.left()
        } else {
            inner.right() - sg.size().x
        };
        ui.painter()
            .galley(pos2(sx, inner.center().y - sg.size().y / 2.0), sg, weak);
    }
    let role = if radio {
        egui::Role::RadioButton
    } else {
        egui::Role::CheckBox
    };
    response.widget_info(|| egui::WidgetInfo::selected(role, true, on, label));
    response
}

/// A small heading inside a menu.
pub(crate) fn heading_ui(ui: &mut Ui, label: &str, rtl: bool) {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let weak = ui.visuals().weak_text_color();
    ui.with_layout(items_layout(rtl), |ui| {
        bidi_text::label_colored(ui, label, &font, weak);
    });
}

/// The layout of a menu's contents: right-aligned in Arabic.
fn items_layout(rtl: bool) -> Layout {
    if rtl {
        Layout::top_down_justified(Align::Max)
    } else {
        Layout::top_down_justified(Align::Min)
    }
}

/// A menu of the bar: in Arabic its items are right-aligned and it opens
/// below the right end of its button. (egui's menus have no mirrored form;
/// nothing here opens a submenu, which would open towards the right.)
fn bar_menu_ui(ui: &mut Ui, label: &str, rtl: bool, content: impl FnOnce(&mut Ui)) {
    let response = bidi_text::button(ui, label);
    let align = if rtl {
        egui::RectAlign::BOTTOM_END
    } else {
        egui::RectAlign::BOTTOM_START
    };
    egui::Popup::menu(&response)
        .align(align)
        .layout(items_layout(rtl))
        .width(260.0)
        .show(|ui| {
            ui.set_max_width(260.0);
            content(ui)
        });
}

pub fn menu_ui(
    ui: &mut Ui,
    settings: &mut Settings,
    edit: &super::editing::EditContext,
    analysed: bool,
) -> Option<MenuAction> {
    let mut action = None;
    let lang = settings.language;
    let rtl = lang == Lang::Arabic;
    let t = i18n::strings(lang);
    let bar = if rtl {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    egui::MenuBar::new().ui(ui, |ui| {
        ui.with_layout(bar, |ui| {
            bar_menu_ui(ui, t.file, rtl, |ui| {
                let open = ui.ctx().format_shortcut(&OPEN);
                if item_ui(ui, t.open, Some(&open), rtl).clicked() {
                    action = Some(MenuAction::Open);
                }
                if item_ui(ui, t.open_sample, None, rtl).clicked() {
                    action = Some(MenuAction::OpenSample);
                }
                ui.separator();
                if item_ui(ui, t.import, None, rtl).clicked() {
                    action = Some(MenuAction::Import);
                }
                if analysed {
                    heading_ui(ui, t.export_as, rtl);
                    for format in crate::export::Format::ALL {
                        if item_ui(ui, export_label(format, lang), None, rtl).clicked() {
                            action = Some(MenuAction::Export(format));
                        }
                    }
                }
                ui.separator();
                heading_ui(ui, t.open_recent, rtl);
                if settings.recent.is_empty() {
                    heading_ui(ui, t.no_recent, rtl);
                }
                for path in settings.recent.clone() {
                    if item_dir_ui(ui, &path.display().to_string(), None, rtl, false).clicked() {
                        action = Some(MenuAction::OpenRecent(path));
                    }
                }
                if !settings.recent.is_empty() && item_ui(ui, t.clear_list, None, rtl).clicked() {
                    settings.recent.clear();
                }
                ui.separator();
                if item_ui(ui, t.quit, None, rtl).clicked() {
                    action = Some(MenuAction::Quit);
                }
            });
            bar_menu_ui(ui, t.edit, rtl, |ui| {
                if let Some(a) = super::editing::edit_items_ui(ui, edit, None, lang) {
                    action = Some(MenuAction::Edit(a));
                }
            });
            bar_menu_ui(ui, t.view, rtl, |ui| view_menu_ui(ui, settings, lang));
            bar_menu_ui(ui, t.navigate, rtl, |ui| {
                let entries = [
                    (t.next_mention, "Tab", MenuAction::NextMention),
                    (t.previous_mention, "Shift+Tab", MenuAction::PreviousMention),
                    (t.clear_selection, "Esc", MenuAction::ClearSelection),
                ];
                for (label, key, a) in entries {
                    if item_ui(ui, label, Some(key), rtl).clicked() {
                        action = Some(a);
                    }
                }
                ui.separator();
                let find = format!("{} / F6", ui.ctx().format_shortcut(&FIND));
                if item_ui(ui, t.find_entity, Some(&find), rtl).clicked() {
                    action = Some(MenuAction::FindEntity);
                }
                let next = ui.ctx().format_shortcut(&NEXT_EVENT);
                if item_ui(ui, t.next_event, Some(&next), rtl).clicked() {
                    action = Some(MenuAction::NextEvent);
                }
                let prev = ui.ctx().format_shortcut(&PREVIOUS_EVENT);
                if item_ui(ui, t.previous_event, Some(&prev), rtl).clicked() {
                    action = Some(MenuAction::PreviousEvent);
                }
            });
            // The theme toggle at the far end.
            let end = if rtl {
                Layout::left_to_right(Align::Center)
            } else {
                Layout::right_to_left(Align::Center)
            };
            ui.with_layout(end, |ui| {
                let label = format!("{}: {}", t.theme, theme_name(settings.theme, lang));
                if bidi_text::button(ui, &label).clicked() {
                    settings.theme = settings.theme.next();
                }
            });
        });
    });
    action
}

fn view_menu_ui(ui: &mut Ui, settings: &mut Settings, lang: Lang) {
    let t = i18n::strings(lang);
    let rtl = lang == Lang::Arabic;
    if item_ui(ui, t.larger, Some(&ui.ctx().format_shortcut(&BIGGER)), rtl).clicked() {
        settings.bigger();
    }
    if item_ui(
        ui,
        t.smaller,
        Some(&ui.ctx().format_shortcut(&SMALLER)),
        rtl,
    )
    .clicked()
    {
        settings.smaller();
    }
    if item_ui(
        ui,
        t.default_size,
        Some(&ui.ctx().format_shortcut(&RESET_SIZE)),
        rtl,
    )
    .clicked()
    {
        settings.font_size = super::settings::DEFAULT_FONT;
    }
    ui.separator();
    let slider = |ui: &mut Ui,
                  value: &mut f32,
                  range: std::ops::RangeInclusive<f32>,
                  step: f64,
                  label: &str| {
        super::row_ui(ui, rtl, |ui| {
            let l = bidi_text::label(ui, label);
            ui.add(egui::Slider::new(value, range).step_by(step))
                .labelled_by(l.id);
        });
    };
    slider(
        ui,
        &mut settings.font_size,
        super::settings::MIN_FONT..=super::settings::MAX_FONT,
        1.0,
        t.font_size,
    );
    slider(
        ui,
        &mut settings.line_spacing,
        1.0..=3.0,
        0.05,
        t.line_spacing,
    );
    slider(
        ui,
        &mut settings.column_width,
        300.0..=2000.0,
        10.0,
        t.column_width,
    );
    ui.separator();
    heading_ui(ui, t.theme, rtl);
    for theme in Theme::ALL {
        if toggle_ui(
            ui,
            settings.theme == theme,
            theme_name(theme, lang),
            true,
            rtl,
        )
        .clicked()
        {
            settings.theme = theme;
        }
    }
    ui.separator();
    heading_ui(ui, t.language, rtl);
    let switch = ui.ctx().format_shortcut(&LANGUAGE);
    for l in [Lang::Arabic, Lang::English] {
        let key = (l != lang).then_some(switch.as_str());
        if toggle_with_shortcut_ui(
            ui,
            settings.language == l,
            i18n::language_name(l),
            key,
            true,
            rtl,
        )
        .clicked()
        {
            settings.language = l;
        }
    }
    ui.separator();
    heading_ui(ui, t.panels, rtl);
    let e_key = ui.ctx().format_shortcut(&ENTITIES_PANEL);
    let t_key = ui.ctx().format_shortcut(&TIMELINE_PANEL);
    for (on, label, key) in [
        (
            &mut settings.entities_open,
            t.entities_panel,
            Some(e_key.as_str()),
        ),
        (
            &mut settings.timeline_open,
            t.timeline_panel,
            Some(t_key.as_str()),
        ),
        (&mut settings.legend_open, t.legend, None),
    ] {
        if toggle_with_shortcut_ui(ui, *on, label, key, false, rtl).clicked() {
            *on = !*on;
        }
    }
    ui.separator();
    heading_ui(ui, t.highlights, rtl);
    for (k, kind) in TYPES.into_iter().enumerate() {
        let on = !settings.hidden_types.contains(&kind);
        let key = format!("Alt+{}", k + 1);
        if toggle_with_shortcut_ui(
            ui,
            on,
            describe::type_plural(kind, lang),
            Some(&key),
            false,
            rtl,
        )
        .clicked()
        {
            super::legend::toggle(settings, kind);
        }
    }
}

/// Keyboard shortcuts of the View menu; Ctrl+O is the app's.
pub fn view_shortcuts(ui: &Ui, settings: &mut Settings) {
    ui.input_mut(|i| {
        if i.consume_shortcut(&LANGUAGE) {
            settings.language = match settings.language {
                Lang::Arabic => Lang::English,
                Lang::English => Lang::Arabic,
            };
        }
        if i.consume_shortcut(&ENTITIES_PANEL) {
            settings.entities_open = !settings.entities_open;
        }
        if i.consume_shortcut(&TIMELINE_PANEL) {
            settings.timeline_open = !settings.timeline_open;
        }
        for (k, key) in TYPE_KEYS.into_iter().enumerate() {
            if i.consume_key(Modifiers::ALT, key) {
                super::legend::toggle(settings, TYPES[k]);
            }
        }
        if i.consume_shortcut(&BIGGER) || i.consume_shortcut(&BIGGER_EQUALS) {
            settings.bigger();
        }
        if i.consume_shortcut(&SMALLER) {
            settings.smaller();
        }
        if i.consume_shortcut(&RESET_SIZE) {
            settings.font_size = super::settings::DEFAULT_FONT;
        }
    });
}
