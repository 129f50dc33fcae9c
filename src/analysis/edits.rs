//! A person's corrections, kept as decisions over the machine's.
//!
//! The machine's [`Analysis`] is never changed: a person's work is a list
//! of [`Step`]s (one per action; "apply to all occurrences" is one step of
//! many edits), and [`apply`] lays them over the machine's analysis in
//! order. So the analysis can run again (after a new document date, say)
//! and the person's decisions still hold: a mention they deleted does not
//! come back, one they added stays. Undo and redo move steps between the
//! done and undone lists.
//!
//! Edits name mentions by their span (byte offsets of the article text)
//! and keep the text the span covered. An edit whose span no longer holds
//! that text (the article changed) is an [`Orphan`]: shown to the person,
//! never silently dropped, never applied. Before that, [`super::reanchor`]
//! looks for each such span's text, by its context, where it has moved.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::article::{Analysis, Decider, Provenance};
use super::entities::{self, Entity};
use super::{Mention, MentionType};
use crate::document::Document;

/// A span of the article text (bytes) and the text it covered, with a few
/// letters of the text on either side (as a W3C TextQuoteSelector's prefix
/// and suffix): what finds it again if the article changes
/// ([`super::reanchor`]). Sessions written before the context was kept
/// read with none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub before: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub after: String,
}

/// Characters of context kept on each side of a span.
pub const CONTEXT_CHARS: usize = 16;

impl Span {
    /// The span `range` of `text`.
    pub fn of(text: &str, range: Range<usize>) -> Span {
        let (before, after) = crate::document::offsets::context(text, range.clone(), CONTEXT_CHARS);
        Span {
            text: text.get(range.clone()).unwrap_or_default().to_owned(),
            start: range.start,
            end: range.end,
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `text` still holds this span's text at its place.
    pub fn holds(&self, text: &str) -> bool {
        self.start < self.end && text.get(self.range()) == Some(self.text.as_str())
    }
}

/// One decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    /// The span is a mention of this type: a new one (any mention it
    /// overlaps gives way), or the machine's retyped.
    Mark { span: Span, kind: MentionType },
    /// The mention at the span is deleted, and stays deleted.
    Unmark { span: Span },
    /// The mention at `from` covers `to` instead (extended or shrunk).
    Resize { from: Span, to: Span },
    /// The note of the mention at the span; `None` removes it.
    Note { span: Span, note: Option<String> },
    /// The entity of the mention at the span is called `name`.
    Rename { span: Span, name: String },
    /// The entity of the mention at `from` joins the entity of the mention
    /// at `into`.
    Merge { from: Span, into: Span },
    /// The mentions at these spans leave their entity and make a new one.
    Split { spans: Vec<Span> },
}

impl Edit {
    /// The spans the edit names.
    pub fn spans(&self) -> Vec<&Span> {
        match self {
            Edit::Mark { span, .. }
            | Edit::Unmark { span }
            | Edit::Note { span, .. }
            | Edit::Rename { span, .. } => vec![span],
            Edit::Resize { from, to } => vec![from, to],
            Edit::Merge { from, into } => vec![from, into],
            Edit::Split { spans } => spans.iter().collect(),
        }
    }

    /// The spans it names, to move them.
    pub fn spans_mut(&mut self) -> Vec<&mut Span> {
        match self {
            Edit::Mark { span, .. }
            | Edit::Unmark { span }
            | Edit::Note { span, .. }
            | Edit::Rename { span, .. } => vec![span],
            Edit::Resize { from, to } => vec![from, to],
            Edit::Merge { from, into } => vec![from, into],
            Edit::Split { spans } => spans.iter_mut().collect(),
        }
    }
}

/// The edits of one action, undone and redone together.
pub type Step = Vec<Edit>;

/// A person's work on one article: the steps done, in order, and the steps
/// undone (which redo brings back until a new step is taken).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Edits {
    pub done: Vec<Step>,
    #[serde(default)]
    pub undone: Vec<Step>,
}

impl Edits {
    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    /// Takes a step; what was undone cannot be redone after it.
    pub fn push(&mut self, step: Step) {
        if !step.is_empty() {
            self.done.push(step);
            self.undone.clear();
        }
    }

    pub fn undo(&mut self) -> bool {
        match self.done.pop() {
            Some(s) => {
                self.undone.push(s);
                true
            }
            None => false,
        }
    }

    pub fn redo(&mut self) -> bool {
        match self.undone.pop() {
            Some(s) => {
                self.done.push(s);
                true
            }
            None => false,
        }
    }
}

/// An edit that could not be applied, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Orphan {
    /// The step it belongs to (an index into [`Edits::done`]).
    pub step: usize,
    pub edit: Edit,
    pub why: OrphanReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrphanReason {
    /// The text at its span is not the text it was made on.
    TextChanged,
    /// No mention is at its span any more.
    NoMention,
    /// A merge of entities of two different types.
    TypesDiffer,
}

/// The machine's analysis with a person's edits laid over it.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    pub analysis: Analysis,
    pub orphans: Vec<Orphan>,
}

/// The mentions while edits are applied: keyed by start (mentions never
/// overlap), with their provenance.
struct Working {
    map: BTreeMap<usize, (Mention, Provenance)>,
}

impl Working {
    fn at(&mut self, span: &Span) -> Option<&mut (Mention, Provenance)> {
        self.map
            .get_mut(&span.start)
            .filter(|(m, _)| m.range.end == span.end)
    }

    /// Removes the mentions that overlap `r`; returns them.
    fn clear(&mut self, r: &Range<usize>) -> Vec<(Mention, Provenance)> {
        let mut starts: Vec<usize> = Vec::new();
        if let Some((&s, (m, _))) = self.map.range(..r.start).next_back()
            && m.range.end > r.start
        {
            starts.push(s);
        }
        starts.extend(self.map.range(r.start..r.end).map(|(&s, _)| s));
        starts
            .into_iter()
            .filter_map(|s| self.map.remove(&s))
            .collect()
    }
}

/// Lays `edits` over `machine`, the machine's analysis of `doc`.
pub fn apply(doc: &Document, machine: &Analysis, edits: &Edits) -> Applied {
    let text = doc.text.as_str();
    let machine_norm = |r: &Range<usize>, kind: MentionType| {
        machine
            .mentions
            .binary_search_by_key(&(r.start, r.end), |m| (m.range.start, m.range.end))
            .ok()
            .map(|j| &machine.mentions[j])
            .filter(|m| m.kind == kind)
            .and_then(|m| m.norm.clone())
    };
    let person = |note: Option<String>| Provenance {
        decided_by: Decider::Person,
        note,
    };
    let mut w = Working {
        map: machine
            .mentions
            .iter()
            .cloned()
            .zip(
                machine
                    .provenance
                    .iter()
                    .cloned()
                    .chain(std::iter::repeat(Provenance::default())),
            )
            .map(|(m, p)| (m.range.start, (m, p)))
            .collect(),
    };
    let mut orphans = Vec::new();
    let mut entity_edits: Vec<(usize, &Edit)> = Vec::new();
    for (step, edits) in edits.done.iter().enumerate() {
        for edit in edits {
            let orphan = |why| Orphan {
                step,
                edit: edit.clone(),
                why,
            };
            if edit.spans().iter().any(|s| !s.holds(text)) {
                orphans.push(orphan(OrphanReason::TextChanged));
                continue;
            }
            match edit {
                Edit::Mark { span, kind } => {
                    let old = w.clear(&span.range());
                    let note = old
                        .into_iter()
                        .find(|(m, _)| m.range == span.range())
                        .and_then(|(_, p)| p.note);
                    let mention = Mention {
                        range: span.range(),
                        kind: *kind,
                        norm: machine_norm(&span.range(), *kind),
                    };
                    w.map.insert(span.start, (mention, person(note)));
                }
                Edit::Unmark { span } => {
                    if w.at(span).is_some() {
                        w.map.remove(&span.start);
                    }
                }
                Edit::Resize { from, to } => {
                    let Some((m, p)) = w.at(from).cloned() else {
                        orphans.push(orphan(OrphanReason::NoMention));
                        continue;
                    };
                    w.map.remove(&from.start);
                    w.clear(&to.range());
                    let mention = Mention {
                        range: to.range(),
                        kind: m.kind,
                        norm: machine_norm(&to.range(), m.kind).or(m.norm),
                    };
                    w.map.insert(to.start, (mention, person(p.note)));
                }
                Edit::Note { span, note } => match w.at(span) {
                    Some((_, p)) => p.note = note.clone(),
                    None => orphans.push(orphan(OrphanReason::NoMention)),
                },
                Edit::Rename { .. } | Edit::Merge { .. } | Edit::Split { .. } => {
                    entity_edits.push((step, edit));
                }
            }
        }
    }
    let (mentions, provenance): (Vec<Mention>, Vec<Provenance>) = w.map.into_values().unzip();
    let (mut entities, mut entity_of) = entities::group(text, &mentions);
    let find = |span: &Span| {
        mentions
            .binary_search_by_key(&(span.start, span.end), |m| (m.range.start, m.range.end))
            .ok()
    };
    for (step, edit) in entity_edits {
        let orphan = |why| Orphan {
            step,
            edit: edit.clone(),
            why,
        };
        match edit {
            Edit::Rename { span, name } => match find(span).and_then(|m| entity_of[m]) {
                Some(e) => entities[e].canonical = name.clone(),
                None => orphans.push(orphan(OrphanReason::NoMention)),
            },
            Edit::Merge { from, into } => {
                let (Some(a), Some(b)) = (
                    find(from).and_then(|m| entity_of[m]),
                    find(into).and_then(|m| entity_of[m]),
                ) else {
                    orphans.push(orphan(OrphanReason::NoMention));
                    continue;
                };
                if entities[a].kind != entities[b].kind {
                    orphans.push(orphan(OrphanReason::TypesDiffer));
                    continue;
                }
                for e in entity_of.iter_mut() {
                    if *e == Some(a) {
                        *e = Some(b);
                    }
                }
            }
            Edit::Split { spans } => {
                let ms: Vec<usize> = spans.iter().filter_map(find).collect();
                let Some(&first) = ms.first() else {
                    orphans.push(orphan(OrphanReason::NoMention));
                    continue;
                };
                let new = entities.len();
                entities.push(Entity {
                    kind: mentions[first].kind,
                    canonical: text[mentions[first].range.clone()].to_owned(),
                    mentions: Vec::new(),
                });
                for m in ms {
                    entity_of[m] = Some(new);
                }
            }
            _ => {}
        }
    }
    // Entities as their mentions now say: empty ones dropped, in order of
    // first mention.
    for e in &mut entities {
        e.mentions.clear();
    }
    for (m, e) in entity_of.iter().enumerate() {
        if let Some(e) = *e {
            entities[e].mentions.push(m);
        }
    }
    let mut order: Vec<usize> = (0..entities.len())
        .filter(|&e| !entities[e].mentions.is_empty())
        .collect();
    order.sort_by_key(|&e| entities[e].mentions[0]);
    let kept: Vec<Entity> = order.iter().map(|&e| entities[e].clone()).collect();
    let analysis = Analysis::assemble(
        doc,
        mentions,
        provenance,
        Some(kept),
        (machine.doc_date, machine.date_source),
    );
    Applied { analysis, orphans }
}

/// The step that turns `base` (an analysis of `text`, with or without
/// edits) into `target` (imported annotations of the same text): marks
/// for the mentions `base` lacks or types otherwise, deletions for those
/// `target` lacks, notes, and entity names. (A grouping that differs
/// otherwise, a merge or a split, is left as the analysis groups.)
pub fn diff(text: &str, base: &Analysis, target: &Analysis) -> Step {
    let key = |m: &Mention| (m.range.start, m.range.end, m.kind);
    let base_keys: std::collections::HashMap<_, usize> = base
        .mentions
        .iter()
        .enumerate()
        .map(|(i, m)| (key(m), i))
        .collect();
    let target_keys: std::collections::HashSet<_> = target.mentions.iter().map(key).collect();
    let mut step = Vec::new();
    for m in &base.mentions {
        let covered = target
            .mentions
            .iter()
            .any(|t| t.range.start < m.range.end && m.range.start < t.range.end);
        if !target_keys.contains(&key(m)) && !covered {
            step.push(Edit::Unmark {
                span: Span::of(text, m.range.clone()),
            });
        }
    }
    for (i, m) in target.mentions.iter().enumerate() {
        let span = Span::of(text, m.range.clone());
        let old = base_keys.get(&key(m)).copied();
        if old.is_none() {
            step.push(Edit::Mark {
                span: span.clone(),
                kind: m.kind,
            });
        }
        let note = target.provenance.get(i).and_then(|p| p.note.clone());
        let old_note = old
            .and_then(|o| base.provenance.get(o))
            .and_then(|p| p.note.clone());
        if note != old_note {
            step.push(Edit::Note { span, note });
        }
    }
    for e in &target.entities {
        let Some(&first) = e.mentions.first() else {
            continue;
        };
        let m = &target.mentions[first];
        let old_name = base_keys
            .get(&key(m))
            .and_then(|&o| base.entity_of.get(o).copied().flatten())
            .map(|b| base.entities[b].canonical.as_str());
        if old_name != Some(e.canonical.as_str()) {
            step.push(Edit::Rename {
                span: Span::of(text, m.range.clone()),
                name: e.canonical.clone(),
            });
        }
    }
    step
}

/// The spans of every occurrence of `surface` as a word of `text`, with or
/// without proclitics («بغداد» finds «وبغداد» and «لبغداد»), letter
/// variants and diacritics aside: what "apply to all occurrences" marks.
/// The proclitics stay outside the span, as the analysis keeps them.
pub fn occurrences(text: &str, surface: &str) -> Vec<Range<usize>> {
    use super::Text;
    use super::normalize::fold_key;
    let target: Vec<String> = fold_key(surface)
        .split_whitespace()
        .map(str::to_owned)
        .collect();
    if target.is_empty() {
        return Vec::new();
    }
    let t = Text::new(text);
    let words: Vec<usize> = (0..t.tokens.len()).filter(|&i| t.is_word(i)).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k + target.len() <= words.len() {
        let first = words[k];
        // The first word may carry proclitics; the others must be whole.
        let skip = t
            .readings(first)
            .iter()
            .find_map(|&(skip, stem)| (stem == target[0]).then_some(skip));
        let rest_ok = (1..target.len()).all(|j| {
            let i = words[k + j];
            // Consecutive tokens only: no punctuation between.
            i == first + j && t.key(i) == target[j]
        });
        match skip {
            Some(skip) if rest_ok => {
                let last = words[k + target.len() - 1];
                out.push(t.span(first, skip, last));
                k += target.len();
            }
            _ => k += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::article::{Progress, analyze_document};
    use crate::document::Format;

    fn doc() -> Document {
        Document::from_text(
            "قال وزير الخارجية في بغداد إن الوفد وصل إلى بغداد أمس.\nوتوجه الوفد لاحقا إلى وبغداد ثم إلى أربيل في 7 أكتوبر 2023.".into(),
            Format::Text,
        )
    }

    fn machine(doc: &Document) -> Analysis {
        analyze_document(doc, None, &Progress::default()).unwrap()
    }

    fn span(doc: &Document, s: &str, nth: usize) -> Span {
        let start = doc.text.match_indices(s).nth(nth).unwrap().0;
        Span::of(&doc.text, start..start + s.len())
    }

    #[test]
    fn a_mark_adds_a_mention_and_a_retype_and_a_deletion_hold() {
        let d = doc();
        let m = machine(&d);
        let mut edits = Edits::default();
        edits.push(vec![Edit::Mark {
            span: span(&d, "وزير الخارجية", 0),
            kind: MentionType::Person,
        }]);
        edits.push(vec![Edit::Mark {
            span: span(&d, "أربيل", 0),
            kind: MentionType::Organization,
        }]);
        edits.push(vec![Edit::Unmark {
            span: span(&d, "بغداد", 1),
        }]);
        let a = apply(&d, &m, &edits).analysis;
        let found = |s: &str| {
            a.mentions
                .iter()
                .position(|x| &d.text[x.range.clone()] == s)
                .map(|i| (a.mentions[i].kind, a.provenance[i].decided_by))
        };
        assert_eq!(
            found("وزير الخارجية"),
            Some((MentionType::Person, Decider::Person))
        );
        assert_eq!(
            found("أربيل"),
            Some((MentionType::Organization, Decider::Person))
        );
        let baghdad: Vec<_> = a
            .mentions
            .iter()
            .filter(|x| &d.text[x.range.clone()] == "بغداد")
            .collect();
        assert_eq!(
            baghdad.len(),
            m.mentions
                .iter()
                .filter(|x| &d.text[x.range.clone()] == "بغداد")
                .count()
                - 1
        );
        // A new document date: the machine runs again, the decisions hold.
        let m2 = crate::analysis::article::redate(
            &d,
            &m,
            crate::analysis::DocDate::parse("2025-01-01"),
            &Progress::default(),
        )
        .unwrap();
        let b = apply(&d, &m2, &edits).analysis;
        assert_eq!(kinds(&b, &d), kinds(&a, &d));
        // Undo the deletion: the machine's mention is back.
        edits.undo();
        let c = apply(&d, &m, &edits).analysis;
        assert_eq!(c.mentions.len(), a.mentions.len() + 1);
        edits.redo();
        assert_eq!(
            apply(&d, &m, &edits).analysis.mentions.len(),
            a.mentions.len()
        );
    }

    fn kinds(a: &Analysis, d: &Document) -> Vec<(String, MentionType)> {
        a.mentions
            .iter()
            .map(|m| (d.text[m.range.clone()].to_owned(), m.kind))
            .collect()
    }

    #[test]
    fn resize_note_rename_merge_and_split() {
        let d = doc();
        let m = machine(&d);
        let date = m
            .mentions
            .iter()
            .find(|x| x.kind == MentionType::Date)
            .unwrap()
            .range
            .clone();
        let mut edits = Edits::default();
        // Shrink the date to the month and year.
        let shrunk = span(&d, "أكتوبر 2023", 0);
        edits.push(vec![Edit::Resize {
            from: Span::of(&d.text, date.clone()),
            to: shrunk.clone(),
        }]);
        edits.push(vec![Edit::Note {
            span: shrunk.clone(),
            note: Some("اليوم غير مؤكد".into()),
        }]);
        edits.push(vec![Edit::Rename {
            span: span(&d, "بغداد", 0),
            name: "مدينة بغداد".into(),
        }]);
        let a = apply(&d, &m, &edits);
        assert!(a.orphans.is_empty(), "{:?}", a.orphans);
        let a = a.analysis;
        let i = a
            .mentions
            .iter()
            .position(|x| x.range == shrunk.range())
            .unwrap();
        assert_eq!(a.provenance[i].note.as_deref(), Some("اليوم غير مؤكد"));
        assert_eq!(a.provenance[i].decided_by, Decider::Person);
        assert!(a.entities.iter().any(|e| e.canonical == "مدينة بغداد"));
        // Merge أربيل (marked a place first) into بغداد, then split the
        // second بغداد off.
        edits.push(vec![Edit::Mark {
            span: span(&d, "أربيل", 0),
            kind: MentionType::Place,
        }]);
        edits.push(vec![Edit::Merge {
            from: span(&d, "أربيل", 0),
            into: span(&d, "بغداد", 0),
        }]);
        let merged = apply(&d, &m, &edits);
        assert!(merged.orphans.is_empty(), "{:?}", merged.orphans);
        let merged = merged.analysis;
        let e = merged
            .entities
            .iter()
            .find(|e| e.canonical == "مدينة بغداد")
            .unwrap();
        assert!(
            e.mentions
                .iter()
                .any(|&x| &d.text[merged.mentions[x].range.clone()] == "أربيل")
        );
        edits.push(vec![Edit::Split {
            spans: vec![span(&d, "بغداد", 1)],
        }]);
        let split = apply(&d, &m, &edits).analysis;
        assert_eq!(split.entities.len(), merged.entities.len() + 1);
    }

    #[test]
    fn an_edit_on_changed_text_is_an_orphan_not_applied() {
        let d = doc();
        let m = machine(&d);
        let mut edits = Edits::default();
        edits.push(vec![Edit::Mark {
            span: Span {
                start: 0,
                end: 6,
                text: "غيرها".into(),
                before: String::new(),
                after: String::new(),
            },
            kind: MentionType::Place,
        }]);
        let a = apply(&d, &m, &edits);
        assert_eq!(a.orphans.len(), 1);
        assert_eq!(a.orphans[0].why, OrphanReason::TextChanged);
        assert_eq!(a.analysis.mentions, m.mentions);
    }

    #[test]
    fn the_difference_to_imported_annotations_makes_them() {
        let d = doc();
        let m = machine(&d);
        let mut edits = Edits::default();
        edits.push(vec![
            Edit::Mark {
                span: span(&d, "وزير الخارجية", 0),
                kind: MentionType::Person,
            },
            Edit::Unmark {
                span: span(&d, "بغداد", 1),
            },
            Edit::Note {
                span: span(&d, "بغداد", 0),
                note: Some("العاصمة".into()),
            },
            Edit::Rename {
                span: span(&d, "بغداد", 0),
                name: "مدينة بغداد".into(),
            },
        ]);
        let target = apply(&d, &m, &edits).analysis;
        let mut fresh = Edits::default();
        fresh.push(diff(&d.text, &m, &target));
        let got = apply(&d, &m, &fresh).analysis;
        assert_eq!(got.mentions, target.mentions);
        assert_eq!(
            got.provenance.iter().map(|p| &p.note).collect::<Vec<_>>(),
            target
                .provenance
                .iter()
                .map(|p| &p.note)
                .collect::<Vec<_>>()
        );
        assert!(got.entities.iter().any(|e| e.canonical == "مدينة بغداد"));
        assert!(diff(&d.text, &target, &target).is_empty());
    }

    #[test]
    fn all_occurrences_of_a_form_with_or_without_proclitics() {
        let d = doc();
        let found: Vec<&str> = occurrences(&d.text, "بغداد")
            .into_iter()
            .map(|r| &d.text[r])
            .collect();
        assert_eq!(found, ["بغداد", "بغداد", "بغداد"]);
        let found = occurrences(&d.text, "وزير الخارجيه");
        assert_eq!(found.len(), 1, "letter variants aside");
        assert!(occurrences(&d.text, "").is_empty());
    }
}
