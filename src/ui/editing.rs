//! Correcting the analysis from the reader: the keys that turn a person's
//! choice into an edit step ([`crate::analysis::edits`]).
//!
//! - 1 to 5 give the selected text a type (person, organisation, place,
//!   number, date), replacing any mention it overlaps: so selecting a
//!   longer or shorter stretch over a mention and giving it its type
//!   extends or shrinks it; with no text selected, they retype the mention
//!   stepped to. With Shift, every occurrence of the same form gets it too
//!   (clitic-aware: بغداد also marks وبغداد).
//! - Delete (or Backspace) removes the mention stepped to.
//! - Ctrl+Z undoes a step, Ctrl+Shift+Z (or Ctrl+Y) redoes it.
//!
//! The keys work when no widget has the keyboard (the filter field keeps
//! its digits).

use std::ops::Range;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::highlight::TYPES;
use crate::analysis::MentionType;
use crate::analysis::article::Analysis;
use crate::analysis::edits::{self, Edit, Span, Step};

pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

/// What the person asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum EditRequest {
    Step(Step),
    Undo,
    Redo,
}

/// `range` of `text` without the white space and punctuation a dragged
/// selection catches at its ends.
pub fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let edge = |c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ','
                    | '،'
                    | '؛'
                    | ';'
                    | ':'
                    | '"'
                    | '\''
                    | '«'
                    | '»'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '{'
                    | '}'
                    | '!'
                    | '?'
                    | '؟'
                    | '-'
                    | '–'
                    | '—'
                    | '\u{200c}'
                    | '\u{200d}'
            )
    };
    let start = range.start + (s.len() - s.trim_start_matches(edge).len());
    let end = range.end - (s.len() - s.trim_end_matches(edge).len());
    start..end.max(start)
}

/// `range` of `text` stretched to whole words: a drag that starts or
/// stops a letter inside a word still marks the whole word. Its start stays
/// where it is when all it leaves out of the word is proclitics (the
/// واشنطن of وواشنطن, the بغداد of لبغداد): a mention may start after them,
/// as the analysis's own mentions do.
pub fn to_word_edges(text: &str, range: Range<usize>) -> Range<usize> {
    if range.is_empty() {
        return range;
    }
    let before = &text[..range.start];
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| word_char(c))
        .last()
        .map_or(range.start, |(i, _)| i);
    let start = if start < range.start && !only_proclitics(text, start, range.start) {
        start
    } else {
        range.start
    };
    let inside = text[..range.end].chars().next_back().is_some_and(word_char);
    let rest = &text[range.end..];
    let more = if inside {
        rest.find(|c: char| !word_char(c)).unwrap_or(rest.len())
    } else {
        0
    };
    start..range.end + more
}

/// Letters, digits, harakat and tatweel: what a word is made of.
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0640}')
}

/// Whether `text[word..at]`, the start of a word, is proclitics (و ف, then
/// ب ل ك) that a drag meant to leave out: the word can be read so, and the
/// rest is a word by itself (it starts with the article, as in والعراق, or
/// with a second و, as in وواشنطن, or stands alone elsewhere in the text). The article is never one: a drag
/// that leaves out the ال of اللجنة missed a letter; nor is the و of وزارة,
/// whose rest «زارة» is no word of the text.
fn only_proclitics(text: &str, word: usize, at: usize) -> bool {
    let prefix = &text[word..at];
    if !prefix
        .chars()
        .all(|c| matches!(c, 'و' | 'ف' | 'ب' | 'ل' | 'ك'))
    {
        return false;
    }
    let end = text[at..]
        .find(|c: char| !word_char(c))
        .map_or(text.len(), |e| at + e);
    let readable = crate::analysis::tokenize::readings(&text[word..end])
        .iter()
        .any(|&(skip, _)| skip == prefix.len());
    let stem = &text[at..end];
    readable
        && (stem.starts_with("ال")
            // وواشنطن, ووزارة: a doubled و is the conjunction's.
            || (prefix.ends_with('و') && stem.starts_with('و'))
            || text.match_indices(stem).any(|(i, _)| {
                let alone_before = !text[..i].chars().next_back().is_some_and(word_char);
                let alone_after = !text[i + stem.len()..].chars().next().is_some_and(word_char);
                alone_before && alone_after
            }))
}

/// The step that gives `range` of `text` type `kind`, and with `all`, every
/// other occurrence of its form that no person's mention already holds.
pub fn mark_step(
    text: &str,
    analysis: &Analysis,
    range: Range<usize>,
    kind: MentionType,
    all: bool,
) -> Step {
    let range = to_word_edges(text, trimmed(text, range));
    if range.is_empty() {
        return Vec::new();
    }
    let mut step = vec![Edit::Mark {
        span: Span::of(text, range.clone()),
        kind,
    }];
    if all {
        for r in edits::occurrences(text, &text[range.clone()]) {
            if r == range {
                continue;
            }
            // The same mention already: nothing to do.
            let same = analysis.mention_at(r.start).is_some_and(|m| {
                analysis.mentions[m].range == r && analysis.mentions[m].kind == kind
            });
            if !same {
                step.push(Edit::Mark {
                    span: Span::of(text, r),
                    kind,
                });
            }
        }
    }
    step
}

/// Reads the editing keys: the action they ask for, which
/// [`action_step`] turns into a step on the selection or the mention
/// stepped to.
pub fn edit_keys(ui: &Ui) -> Option<EditAction> {
    if ui.memory(|m| m.focused().is_some()) {
        return None;
    }
    let (undo, redo) = ui.input_mut(|i| {
        // Redo first: its shortcut holds Undo's keys.
        let redo = i.consume_shortcut(&REDO) || i.consume_shortcut(&REDO_Y);
        (i.consume_shortcut(&UNDO), redo)
    });
    if redo {
        return Some(EditAction::Redo);
    }
    if undo {
        return Some(EditAction::Undo);
    }
    const KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
    let typed = ui.input_mut(|i| {
        // Alt and Ctrl with a digit are other shortcuts (Alt+1 to Alt+5
        // show and hide the types).
        if i.modifiers.alt || i.modifiers.command || i.modifiers.ctrl {
            return None;
        }
        // With Shift first: a key without Shift also takes it.
        KEYS.iter().enumerate().find_map(|(k, key)| {
            if i.consume_key(Modifiers::SHIFT, *key) {
                Some((k, true))
            } else if i.consume_key(Modifiers::NONE, *key) {
                Some((k, false))
            } else {
                None
            }
        })
    });
    if let Some((k, all)) = typed {
        return Some(EditAction::Mark(TYPES[k], all));
    }
    ui.input_mut(|i| {
        i.consume_key(Modifiers::NONE, Key::Delete)
            || i.consume_key(Modifiers::NONE, Key::Backspace)
    })
    .then_some(EditAction::Delete)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dragged_selection_loses_its_edges() {
        let t = "قال «وزير الخارجية»، ثم";
        let s = t.find('«').unwrap();
        let e = t.find('،').unwrap() + '،'.len_utf8();
        assert_eq!(&t[trimmed(t, s - 1..e)], "وزير الخارجية");
        assert!(trimmed(t, s..s + '«'.len_utf8()).is_empty());
    }

    #[test]
    fn a_drag_that_stops_inside_a_word_takes_the_word_to_its_end() {
        let t = "نفت المتحدثة باسم وواشنطن";
        let s = t.find("المتحدثة").unwrap();
        let short = s..s + "المتحد".len();
        assert_eq!(&t[to_word_edges(t, short)], "المتحدثة");
        let w = t.find("واشنطن").unwrap(); // after the و of وواشنطن
        assert_eq!(&t[to_word_edges(t, w..t.len())], "واشنطن");
        assert_eq!(&t[to_word_edges(t, s..s + "المتحدثة".len())], "المتحدثة");
    }

    /// Seen in the window: a drag begun a pixel inside «اللجنة» left its
    /// alef out, and the new organisation was named «للجنة العسكرية العليا».
    #[test]
    fn a_drag_that_starts_inside_a_word_takes_the_word_from_its_start() {
        let t = "أن تكون محادثات اللجنة العسكرية العليا بين بغداد";
        let s = t.find("اللجنة").unwrap();
        let e = t.find(" بين").unwrap();
        assert_eq!(
            &t[to_word_edges(t, s + 'ا'.len_utf8()..e)],
            "اللجنة العسكرية العليا"
        );
        // After the article, still the whole word.
        assert_eq!(
            &t[to_word_edges(t, s + "ال".len()..e)],
            "اللجنة العسكرية العليا"
        );
        // After proclitics, the stem: a mention may start there.
        let t = "وصل الوفد لبغداد ثم وبغداد وغادر بغداد";
        let b = t.find("لبغداد").unwrap() + 'ل'.len_utf8();
        assert_eq!(&t[to_word_edges(t, b..b + "بغداد".len())], "بغداد");
        let b = t.find("وبغداد").unwrap() + 'و'.len_utf8();
        assert_eq!(&t[to_word_edges(t, b..b + "بغد".len())], "بغداد");
        let t = "وصل والعراق";
        let a = t.find("العراق").unwrap();
        assert_eq!(&t[to_word_edges(t, a..t.len())], "العراق");
        // A و that is the word's own first letter is not a proclitic.
        let t = "قالت وزارة الخارجية";
        let z = t.find("وزارة").unwrap() + 'و'.len_utf8();
        assert_eq!(&t[to_word_edges(t, z..t.len())], "وزارة الخارجية");
    }
}

/// An editing action chosen from the Edit menu or the reader's context
/// menu. It acts on the selected text and on a target mention (the one
/// stepped to, or the one right-clicked).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum EditAction {
    Undo,
    Redo,
    /// Give the selection (else the target) a type; with `true`, every
    /// occurrence of its form too.
    Mark(MentionType, bool),
    Delete,
    /// The target mention covers the selected text instead.
    SpanToSelection,
    Note,
    Rename,
    /// The target mention leaves its entity.
    Split,
    /// The target mention's entity joins the selected entity.
    Merge,
}

/// What editing can act on now.
#[derive(Clone, Copy, Debug, Default)]
pub struct EditContext {
    pub can_undo: bool,
    pub can_redo: bool,
    pub selection: bool,
    pub mention: bool,
}

/// The Edit menu's items (also the reader's context menu).
pub fn edit_items_ui(
    ui: &mut Ui,
    cx: &EditContext,
    merge_into: Option<&str>,
    lang: super::i18n::Lang,
) -> Option<EditAction> {
    use super::menu::{heading_ui, item_ui};
    use crate::analysis::describe;
    let t = super::i18n::strings(lang);
    let rtl = lang == super::i18n::Lang::Arabic;
    let mut action = None;
    let undo = ui.ctx().format_shortcut(&UNDO);
    let redo = ui.ctx().format_shortcut(&REDO);
    ui.add_enabled_ui(cx.can_undo, |ui| {
        if item_ui(ui, t.undo, Some(&undo), rtl).clicked() {
            action = Some(EditAction::Undo);
        }
    });
    ui.add_enabled_ui(cx.can_redo, |ui| {
        if item_ui(ui, t.redo, Some(&redo), rtl).clicked() {
            action = Some(EditAction::Redo);
        }
    });
    if cx.selection || cx.mention {
        ui.separator();
        heading_ui(ui, t.mark_as, rtl);
        for (k, kind) in TYPES.into_iter().enumerate() {
            let key = describe::digits(&(k + 1).to_string(), lang);
            if item_ui(ui, describe::type_name(kind, lang), Some(&key), rtl).clicked() {
                action = Some(EditAction::Mark(kind, false));
            }
        }
        heading_ui(ui, t.mark_all_as, rtl);
        for (k, kind) in TYPES.into_iter().enumerate() {
            let key = format!("Shift+{}", k + 1);
            if item_ui(ui, describe::type_name(kind, lang), Some(&key), rtl).clicked() {
                action = Some(EditAction::Mark(kind, true));
            }
        }
    }
    if cx.mention {
        ui.separator();
        if cx.selection && item_ui(ui, t.span_to_selection, None, rtl).clicked() {
            action = Some(EditAction::SpanToSelection);
        }
        if item_ui(ui, t.delete_mention, Some("Del"), rtl).clicked() {
            action = Some(EditAction::Delete);
        }
        if item_ui(ui, t.add_note, None, rtl).clicked() {
            action = Some(EditAction::Note);
        }
        if item_ui(ui, t.rename_entity, None, rtl).clicked() {
            action = Some(EditAction::Rename);
        }
        if item_ui(ui, t.split_entity, None, rtl).clicked() {
            action = Some(EditAction::Split);
        }
        if let Some(name) = merge_into {
            let label = format!("{} «{name}»", t.merge_into);
            if item_ui(ui, &label, None, rtl).clicked() {
                action = Some(EditAction::Merge);
            }
        }
    }
    if action.is_some() {
        ui.close();
    }
    action
}

/// The step an action takes on `analysis` of `text`, or `None` when it
/// needs more (a note, a name: the window asks for it) or has nothing to
/// act on.
pub fn action_step(
    action: EditAction,
    text: &str,
    analysis: &Analysis,
    selection: Option<Range<usize>>,
    target: Option<usize>,
    selected_entity: Option<usize>,
) -> Option<Step> {
    let span = |m: usize| Span::of(text, analysis.mentions[m].range.clone());
    let selection = selection.filter(|r| !r.is_empty());
    match action {
        EditAction::Mark(kind, all) => {
            let range = selection.or_else(|| target.map(|m| analysis.mentions[m].range.clone()))?;
            Some(mark_step(text, analysis, range, kind, all)).filter(|s| !s.is_empty())
        }
        EditAction::Delete => target.map(|m| vec![Edit::Unmark { span: span(m) }]),
        EditAction::SpanToSelection => {
            let to = to_word_edges(text, trimmed(text, selection?));
            let from = span(target?);
            (!to.is_empty()).then(|| {
                vec![Edit::Resize {
                    from,
                    to: Span::of(text, to),
                }]
            })
        }
        EditAction::Split => target.map(|m| {
            vec![Edit::Split {
                spans: vec![span(m)],
            }]
        }),
        EditAction::Merge => {
            let into = analysis
                .entities
                .get(selected_entity?)?
                .mentions
                .first()
                .copied()?;
            let m = target?;
            (analysis.entity_of.get(m).copied().flatten() != selected_entity).then(|| {
                vec![Edit::Merge {
                    from: span(m),
                    into: span(into),
                }]
            })
        }
        EditAction::Undo | EditAction::Redo | EditAction::Note | EditAction::Rename => None,
    }
}
