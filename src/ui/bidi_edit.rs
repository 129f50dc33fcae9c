//! A one-line text field whose text is set by Marsad's own layout.
//!
//! egui's `TextEdit` has no bidi step (egui issue 5546): typed Arabic mixed
//! with Latin or digits shows in the wrong order. This field keeps the text
//! and a caret (a byte offset), lays the text out with
//! [`crate::layout`] as the reader does, draws the caret where hit-testing
//! puts it, and handles typing, pasting, IME commits, Backspace and Delete
//! (by grapheme), Ctrl+Backspace (a word), the arrow keys (moving visually,
//! as the text is shown), Home and End, Ctrl+A, clicking to place the
//! caret, and AccessKit's set-value and replace-selection actions.
//!
//! Up, Down, Enter and Escape are reported to the caller (a list below the
//! field uses them); Escape first clears the text, then gives up focus.

use std::sync::{Arc, Mutex};

use egui::{EventFilter, FontId, Key, Modifiers, Rect, Response, Sense, Stroke, Ui, pos2, vec2};
use unicode_segmentation::UnicodeSegmentation;

use super::measure::{EguiMeasure, WidthCache, item_job};
use crate::layout::{Layout, LineParams, display_text, layout_text};

/// The field's text and caret.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EditState {
    pub text: String,
    /// A byte offset on a grapheme boundary.
    pub cursor: usize,
    /// Ctrl+A selected everything: typing replaces it.
    pub all_selected: bool,
    /// How far the text is scrolled when wider than the field.
    scroll: f32,
}

impl EditState {
    pub fn new(text: &str) -> Self {
        EditState {
            text: text.to_owned(),
            cursor: text.len(),
            ..Default::default()
        }
    }

    /// Inserts `s` at the caret (replacing everything when selected).
    pub fn insert(&mut self, s: &str) {
        let clean: String = s
            .chars()
            .map(|c| {
                if c == '\n' || c == '\t' || c == '\r' {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control())
            .collect();
        if clean.is_empty() {
            return;
        }
        if self.all_selected {
            self.text.clear();
            self.cursor = 0;
            self.all_selected = false;
        }
        self.cursor = self.cursor.min(self.text.len());
        self.text.insert_str(self.cursor, &clean);
        self.cursor += clean.len();
    }

    fn boundaries(&self) -> Vec<usize> {
        let mut b: Vec<usize> = self.text.grapheme_indices(true).map(|(i, _)| i).collect();
        b.push(self.text.len());
        b
    }

    /// Deletes the grapheme before the caret (or, with `word`, back to the
    /// start of the word).
    pub fn backspace(&mut self, word: bool) {
        if self.all_selected {
            self.clear();
            return;
        }
        let end = self.cursor.min(self.text.len());
        let start = if word {
            let before = self.text[..end].trim_end();
            before
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map_or(0, |(i, c)| i + c.len_utf8())
        } else {
            self.boundaries()
                .into_iter()
                .rev()
                .find(|&b| b < end)
                .unwrap_or(0)
        };
        self.text.replace_range(start..end, "");
        self.cursor = start;
    }

    /// Deletes the grapheme after the caret.
    pub fn delete(&mut self) {
        if self.all_selected {
            self.clear();
            return;
        }
        let start = self.cursor.min(self.text.len());
        if let Some(end) = self.boundaries().into_iter().find(|&b| b > start) {
            self.text.replace_range(start..end, "");
        }
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.all_selected = false;
        self.scroll = 0.0;
    }
}

/// What happened in the field this frame.
#[derive(Debug)]
pub struct EditOutput {
    pub response: Response,
    pub changed: bool,
    pub submitted: bool,
    pub up: bool,
    pub down: bool,
}

/// The shaped text of the field, kept between frames.
#[derive(Default)]
struct FieldCache {
    widths: WidthCache,
}

fn field_layout(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    rtl_ui: bool,
    cache: &mut WidthCache,
) -> Layout {
    if text.is_empty() {
        return Layout::default();
    }
    let mut m = EguiMeasure::new(ctx, font.clone(), cache);
    let params = LineParams {
        width: 1.0e6,
        line_height: font.size * 1.4,
        paragraph_gap: 0.0,
    };
    let range = 0..text.len();
    let (_, layout) = layout_text(text, std::slice::from_ref(&range), rtl_ui, params, &mut m);
    layout
}

/// The caret's x (from the start of the line's content) for `cursor`.
fn caret_in(layout: &Layout, text: &str, cursor: usize, m: &mut EguiMeasure) -> f32 {
    let Some(line) = layout.lines.first() else {
        return 0.0;
    };
    let pieces: Vec<&crate::layout::Item> = line.items.iter().chain(&line.gaps).collect();
    // The piece holding the character before the caret, else the one
    // that starts at it.
    let piece = pieces
        .iter()
        .find(|p| p.range().start < cursor && cursor <= p.range().end)
        .or_else(|| pieces.iter().find(|p| p.range().start == cursor));
    match piece {
        Some(p) => crate::layout::hit_test::caret_x(text, p, cursor, m),
        None => {
            if line.rtl_paragraph {
                line.items.iter().map(|i| i.x + i.width).fold(0.0, f32::max)
            } else {
                line.items
                    .iter()
                    .map(|i| i.x)
                    .fold(f32::INFINITY, f32::min)
                    .min(1.0e6)
            }
        }
    }
}

/// The field. `width` is its outer width; `hint` shows when it is empty.
pub fn bidi_edit_ui(
    ui: &mut Ui,
    state: &mut EditState,
    id_salt: &str,
    hint: &str,
    width: f32,
    rtl_ui: bool,
) -> EditOutput {
    let ctx = ui.ctx().clone();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let id = ui.make_persistent_id(id_salt);
    let height = (font.size * 1.4 + 10.0).round();
    let (_, rect) = ui.allocate_space(vec2(width, height));
    let response = ui.interact(rect, id, Sense::click());
    let prev_text = state.text.clone();
    let mut out = EditOutput {
        response: response.clone(),
        changed: false,
        submitted: false,
        up: false,
        down: false,
    };
    let cache: Arc<Mutex<FieldCache>> = ctx.data_mut(|d| {
        d.get_temp_mut_or_default::<Arc<Mutex<FieldCache>>>(id)
            .clone()
    });
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());

    if response.clicked() {
        response.request_focus();
    }
    let focused = response.has_focus() || ctx.memory(|m| m.has_focus(id));
    if focused {
        ctx.memory_mut(|m| {
            m.set_focus_lock_filter(
                id,
                EventFilter {
                    tab: false,
                    horizontal_arrows: true,
                    vertical_arrows: true,
                    escape: true,
                },
            )
        });
        set_editing(&ctx);
    }
    // AccessKit actions work without focus, as screen readers use them.
    ui.input(|i| {
        for req in i.accesskit_action_requests(id, egui::accesskit::Action::SetValue) {
            if let Some(egui::accesskit::ActionData::Value(v)) = &req.data {
                state.clear();
                state.insert(v);
            }
        }
        for req in i.accesskit_action_requests(id, egui::accesskit::Action::ReplaceSelectedText) {
            if let Some(egui::accesskit::ActionData::Value(v)) = &req.data {
                state.insert(v);
            }
        }
    });

    let inner = rect.shrink2(vec2(8.0, 5.0));
    let layout = field_layout(&ctx, &state.text, &font, rtl_ui, &mut cache.widths);
    let line_rtl = layout.lines.first().map_or(rtl_ui, |l| l.rtl_paragraph);
    let content_w = layout.lines.first().map_or(0.0, |l| {
        l.items.iter().chain(&l.gaps).map(|i| i.width).sum::<f32>()
    });
    // Content x 0 is where the text starts on the left in the 1e6 column.
    let content_left = layout
        .lines
        .first()
        .and_then(|l| l.items.iter().chain(&l.gaps).map(|i| i.x).reduce(f32::min))
        .unwrap_or(0.0);

    if focused {
        let events = ui.input(|i| i.events.clone());
        let mut m = EguiMeasure::new(&ctx, font.clone(), &mut cache.widths);
        for e in events {
            match e {
                egui::Event::Text(t) | egui::Event::Paste(t) => state.insert(&t),
                egui::Event::Ime(egui::ImeEvent::Commit(t)) => state.insert(&t),
                egui::Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } => match key {
                    Key::Backspace => state.backspace(modifiers.command || modifiers.alt),
                    Key::Delete => state.delete(),
                    Key::Home => {
                        state.cursor = 0;
                        state.all_selected = false;
                    }
                    Key::End => {
                        state.cursor = state.text.len();
                        state.all_selected = false;
                    }
                    Key::A if modifiers.command => state.all_selected = !state.text.is_empty(),
                    Key::ArrowLeft | Key::ArrowRight => {
                        state.all_selected = false;
                        let lay = field_layout(&ctx, &state.text, &font, rtl_ui, m.cache);
                        move_visually(state, &lay, key == Key::ArrowRight, &mut m);
                    }
                    Key::ArrowUp => out.up = true,
                    Key::ArrowDown => out.down = true,
                    Key::Enter => out.submitted = true,
                    Key::Escape => {
                        if state.text.is_empty() {
                            ctx.memory_mut(|m| m.surrender_focus(id));
                        } else {
                            state.clear();
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        // Keys the field used are not for the reader.
        ui.input_mut(|i| {
            for k in [
                Key::Home,
                Key::End,
                Key::ArrowUp,
                Key::ArrowDown,
                Key::Enter,
                Key::Escape,
                Key::Space,
            ] {
                i.consume_key(Modifiers::NONE, k);
            }
            i.consume_key(Modifiers::COMMAND, Key::A);
        });
    }
    out.changed = state.text != prev_text;
    let layout = if out.changed {
        field_layout(&ctx, &state.text, &font, rtl_ui, &mut cache.widths)
    } else {
        layout
    };

    // Where the text goes: right-aligned when it reads right to left,
    // scrolled to keep the caret in view when it is wider than the field.
    let mut m = EguiMeasure::new(&ctx, font.clone(), &mut cache.widths);
    let content_w = if out.changed {
        layout.lines.first().map_or(0.0, |l| {
            l.items.iter().chain(&l.gaps).map(|i| i.width).sum::<f32>()
        })
    } else {
        content_w
    };
    let content_left = if out.changed {
        layout
            .lines
            .first()
            .and_then(|l| l.items.iter().chain(&l.gaps).map(|i| i.x).reduce(f32::min))
            .unwrap_or(0.0)
    } else {
        content_left
    };
    let caret = caret_in(&layout, &state.text, state.cursor, &mut m) - content_left;
    let room = inner.width();
    let base = if line_rtl {
        inner.right() - content_w
    } else {
        inner.left()
    };
    // Keep the caret inside the field.
    let shown_caret = base + caret - state.scroll;
    if shown_caret < inner.left() {
        state.scroll -= inner.left() - shown_caret;
    } else if shown_caret > inner.right() {
        state.scroll += shown_caret - inner.right();
    }
    if content_w <= room {
        state.scroll = 0.0;
    }
    let x0 = base - state.scroll - content_left;

    if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        state.all_selected = false;
        if let Some(o) = layout.offset_at(&state.text, p.x - x0, 1.0, &mut m) {
            state.cursor = o;
        }
    }

    // Drawing.
    let visuals = ui.visuals();
    let painter = ui.painter_at(rect);
    let stroke = if focused {
        visuals.selection.stroke
    } else if response.hovered() {
        visuals.widgets.hovered.bg_stroke
    } else {
        egui::Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.6))
    };
    painter.rect(
        rect,
        4.0,
        visuals.extreme_bg_color,
        Stroke::new(stroke.width.max(1.0), stroke.color),
        egui::StrokeKind::Inside,
    );
    let text_color = visuals.text_color();
    let line_h = font.size * 1.4;
    let top = inner.center().y - line_h / 2.0;
    let clip = painter.with_clip_rect(inner.expand2(vec2(2.0, 0.0)));
    if state.text.is_empty() {
        let hint_galley =
            super::bidi_text::line_galley(&ctx, hint, &font, egui::Color32::PLACEHOLDER, rtl_ui);
        let x = if rtl_ui {
            inner.right() - hint_galley.size().x
        } else {
            inner.left()
        };
        clip.galley(
            pos2(x, inner.center().y - hint_galley.size().y / 2.0),
            hint_galley,
            visuals.weak_text_color(),
        );
    } else if let Some(line) = layout.lines.first() {
        if state.all_selected {
            clip.rect_filled(
                Rect::from_min_size(pos2(x0 + content_left, top), vec2(content_w, line_h)),
                0.0,
                visuals.selection.bg_fill,
            );
        }
        for item in &line.items {
            let shown = display_text(&state.text[item.range()], item.rtl);
            let galley =
                ctx.fonts_mut(|f| f.layout_job(item_job(&shown, item.rtl, &font, text_color)));
            let y = top + (line_h - galley.size().y) / 2.0;
            clip.galley(pos2(x0 + item.x, y), galley, text_color);
        }
    }
    if focused {
        let x = (x0 + caret + content_left).round() - 0.5;
        let caret_rect = Rect::from_min_max(pos2(x, top + 2.0), pos2(x + 2.0, top + line_h - 2.0));
        clip.rect_filled(caret_rect, 0.0, text_color);
        ctx.output_mut(|o| {
            o.ime = Some(egui::output::IMEOutput {
                purpose: egui::IMEPurpose::Normal,
                rect,
                cursor_rect: caret_rect,
                should_interrupt_composition: false,
            })
        });
    }
    let hint_owned = hint.to_owned();
    let text_now = state.text.clone();
    response.widget_info(|| egui::WidgetInfo::text_edit(true, &prev_text, &text_now, &hint_owned));
    out
}

/// Moves the caret to the nearest grapheme boundary to its left or right
/// on screen.
fn move_visually(state: &mut EditState, layout: &Layout, right: bool, m: &mut EguiMeasure) {
    let here = caret_in(layout, &state.text, state.cursor, m);
    let mut best: Option<(f32, usize)> = None;
    for b in state.boundaries() {
        if b == state.cursor {
            continue;
        }
        let x = caret_in(layout, &state.text, b, m);
        let d = if right { x - here } else { here - x };
        if d > 0.5 && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, b));
        }
    }
    if let Some((_, b)) = best {
        state.cursor = b;
    }
}

fn set_editing(ctx: &egui::Context) {
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| d.insert_temp(egui::Id::unique("marsad-editing"), frame));
}

/// Whether a field had the keyboard this frame (the reader leaves keys
/// alone then).
pub fn editing(ctx: &egui::Context) -> bool {
    let frame = ctx.cumulative_frame_nr();
    ctx.data(|d| d.get_temp::<u64>(egui::Id::unique("marsad-editing"))) == Some(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_by_graphemes_and_words() {
        let mut s = EditState::new("واشنطن");
        s.insert(" بوست");
        assert_eq!(s.text, "واشنطن بوست");
        s.backspace(false);
        assert_eq!(s.text, "واشنطن بوس");
        s.backspace(true);
        assert_eq!(s.text, "واشنطن ");
        s.cursor = 0;
        s.delete();
        assert_eq!(s.text, "اشنطن ");
        // Pins a crash: a no-break space (as pasted from a web page)
        // before the word Ctrl+Backspace deletes.
        let mut nb = EditState::new("محمد\u{a0}شياع");
        nb.backspace(true);
        assert_eq!(nb.text, "محمد\u{a0}");
        s.all_selected = true;
        s.insert("Post");
        assert_eq!(s.text, "Post");
        s.insert("\n\u{7}x");
        assert_eq!(s.text, "Post x", "no control characters");
        // A letter with its haraka is one grapheme.
        let mut h = EditState::new("مُ");
        h.backspace(false);
        assert_eq!(h.text, "");
    }

    #[test]
    fn arrows_move_the_caret_as_the_text_is_shown() {
        let ctx = super::super::measure::headless_context();
        let font = FontId::proportional(14.0);
        let mut cache = WidthCache::default();
        let mut s = EditState::new("بغداد");
        let layout = field_layout(&ctx, &s.text, &font, true, &mut cache);
        let mut m = EguiMeasure::new(&ctx, font.clone(), &mut cache);
        // At the end of an Arabic word the caret is on its left; → moves
        // back into the word (towards its start, on the right).
        let end = caret_in(&layout, &s.text, s.cursor, &mut m);
        let start = caret_in(&layout, &s.text, 0, &mut m);
        assert!(end < start);
        move_visually(&mut s, &layout, true, &mut m);
        assert_eq!(s.cursor, "بغدا".len());
        move_visually(&mut s, &layout, false, &mut m);
        assert_eq!(s.cursor, "بغداد".len());
    }
}
