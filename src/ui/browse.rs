//! What the reader is looking at in the analysis, free of egui: the entity
//! selected, the mention stepped to, the event marked; the sidebar's rows
//! (grouped, filtered loosely, sorted) and the timeline's events narrowed
//! to the selected entity. The widgets read and change this state; the
//! rules live here, with plain unit tests.

use std::ops::Range;

use crate::analysis::article::Analysis;
use crate::analysis::loose::{NameKey, Query};
use crate::analysis::normalize::fold_key;
use crate::analysis::timeline::day_span;
use crate::analysis::{MentionType, dates};

/// What is derived once per analysis for browsing (built on the analysis
/// thread).
#[derive(Clone, Debug, Default)]
pub struct Index {
    /// Each entity's name keys: its canonical name and every spelling its
    /// mentions use.
    pub keys: Vec<Vec<NameKey>>,
    /// Each entity's name as it sorts: folded, without the article.
    pub sort_names: Vec<String>,
    /// Each dated event's days.
    pub spans: Vec<Range<i64>>,
    /// The sentences with no time expression at all.
    pub undated_sentences: Vec<usize>,
    /// Each mention: whether it is a date written in the Hijri calendar
    /// (its Hijri day is then the text's own).
    pub hijri_written: Vec<bool>,
}

impl Index {
    pub fn new(text: &str, a: &Analysis) -> Index {
        let keys = a
            .entities
            .iter()
            .map(|e| {
                NameKey::new(
                    std::iter::once(e.canonical.as_str()).chain(
                        e.mentions
                            .iter()
                            .map(|&m| &text[a.mentions[m].range.clone()]),
                    ),
                )
            })
            .collect();
        let sort_names = a
            .entities
            .iter()
            .map(|e| {
                let f = fold_key(&e.canonical);
                f.strip_prefix("ال").map(str::to_owned).unwrap_or(f)
            })
            .collect();
        let spans = a
            .timeline
            .dated
            .iter()
            .map(|e| day_span(&e.date.value, e.date.modifier).unwrap_or(0..1))
            .collect();
        let mut with_time = vec![false; a.sentences.len()];
        for m in &a.mentions {
            if m.kind == MentionType::Date
                && let Some(s) = a.sentence_at(m.range.start)
            {
                with_time[s] = true;
            }
        }
        let undated_sentences = (0..a.sentences.len()).filter(|&s| !with_time[s]).collect();
        let hijri_written = a
            .mentions
            .iter()
            .map(|m| m.kind == MentionType::Date && dates::names_hijri(text, m.range.clone()))
            .collect();
        Index {
            keys,
            sort_names,
            spans,
            undated_sentences,
            hijri_written,
        }
    }
}

/// An entry of the timeline panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventId {
    /// An event placed on the calendar: an index into `timeline.dated`.
    Dated(usize),
    /// A vague or relative one: an index into `timeline.undated`.
    Vague(usize),
    /// A sentence with no time expression: an index into the sentences.
    Sentence(usize),
}

/// The sidebar's order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Sort {
    #[default]
    Frequency,
    FirstAppearance,
    Name,
}

/// A row of the sidebar: a type's heading with its count, or an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Heading(MentionType, usize),
    Entity(usize),
}

/// The sidebar's rows: the entities matching `query`, grouped by type in
/// `order`, sorted within each group; a collapsed group shows its heading
/// only. Headings count the entities that match.
pub fn sidebar_rows(
    a: &Analysis,
    index: &Index,
    query: &Query,
    sort: Sort,
    order: &[MentionType],
    collapsed: impl Fn(MentionType) -> bool,
) -> Vec<Row> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    for (i, e) in a.entities.iter().enumerate() {
        let Some(g) = order.iter().position(|k| *k == e.kind) else {
            continue;
        };
        if query.matches_any(&index.keys[i]) {
            groups[g].push(i);
        }
    }
    let mut rows = Vec::new();
    for (g, mut members) in groups.into_iter().enumerate() {
        if members.is_empty() {
            continue;
        }
        match sort {
            Sort::Frequency => {
                members.sort_by_key(|&i| std::cmp::Reverse(a.entities[i].mentions.len()))
            }
            Sort::FirstAppearance => {}
            Sort::Name => members.sort_by(|&x, &y| index.sort_names[x].cmp(&index.sort_names[y])),
        }
        rows.push(Row::Heading(order[g], members.len()));
        if !collapsed(order[g]) {
            rows.extend(members.into_iter().map(Row::Entity));
        }
    }
    rows
}

/// Whether event `id` concerns entity `entity`: its sentence holds one of
/// the entity's mentions.
pub fn event_has_entity(a: &Analysis, id: EventId, entity: usize) -> bool {
    let mentions: &[usize] = match id {
        EventId::Dated(i) => &a.timeline.dated[i].mentions,
        EventId::Vague(i) => &a.timeline.undated[i].mentions,
        EventId::Sentence(s) => {
            let r = &a.sentences[s];
            let first = a.first_mention_after(r.start);
            return a.mentions[first..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.range.start < r.end)
                .any(|(k, _)| a.entity_of[first + k] == Some(entity));
        }
    };
    mentions.iter().any(|&m| a.entity_of[m] == Some(entity))
}

/// The sentence (byte range) of an event.
pub fn event_range(a: &Analysis, id: EventId) -> Range<usize> {
    match id {
        EventId::Dated(i) => a.timeline.dated[i].range.clone(),
        EventId::Vague(i) => a.timeline.undated[i].range.clone(),
        EventId::Sentence(s) => a.sentences[s].clone(),
    }
}

/// The events the timeline lists, in order: the dated ones, the vague
/// ones, then the sentences with no date; only those of `entity` when one
/// is given.
pub fn timeline_events(a: &Analysis, index: &Index, entity: Option<usize>) -> Vec<EventId> {
    let all = (0..a.timeline.dated.len())
        .map(EventId::Dated)
        .chain((0..a.timeline.undated.len()).map(EventId::Vague))
        .chain(
            index
                .undated_sentences
                .iter()
                .map(|&s| EventId::Sentence(s)),
        );
    match entity {
        Some(e) => all.filter(|&id| event_has_entity(a, id, e)).collect(),
        None => all.collect(),
    }
}

/// The reader's place in the analysis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Browse {
    /// The entity selected: its mentions are marked, the sidebar shows
    /// it, the timeline is narrowed to its events.
    pub entity: Option<usize>,
    /// The mention stepped to or clicked last.
    pub mention: Option<usize>,
    /// The event marked in the timeline (and its sentence in the reader).
    pub event: Option<EventId>,
    /// Show every event even with an entity selected.
    pub show_all_events: bool,
    /// Requests for the next frame: bring the entity's row into view in
    /// the sidebar, the event's card in the timeline, the mention (its
    /// start) or the sentence in the reader, and flash the mention.
    pub reveal_row: bool,
    pub reveal_event: bool,
    pub reveal_offset: Option<usize>,
    pub flash: Option<usize>,
}

impl Browse {
    /// Selects the entity of mention `m` (or the mention alone if it has
    /// none).
    pub fn click_mention(&mut self, a: &Analysis, m: usize) {
        let entity = a.entity_of.get(m).copied().flatten();
        if entity != self.entity {
            self.show_all_events = false;
        }
        self.entity = entity;
        self.mention = Some(m);
        self.reveal_row = true;
        self.reveal_event = true;
        self.event = None;
    }

    /// Selects `entity` (from the sidebar or a chip) and steps to its next
    /// mention: after the one stepped to when it was selected already, else
    /// the first at or after `reading_at` (the top of the page), wrapping.
    pub fn select_entity(&mut self, a: &Analysis, entity: usize, reading_at: usize) {
        let again = self.entity == Some(entity);
        if !again {
            // A new entity narrows the timeline again.
            self.show_all_events = false;
        }
        self.entity = Some(entity);
        self.event = None;
        self.reveal_row = true;
        self.reveal_event = true;
        if again && self.mention.is_some() {
            self.step(a, true, reading_at);
        } else {
            let ms = &a.entities[entity].mentions;
            let next = ms
                .iter()
                .copied()
                .find(|&m| a.mentions[m].range.start >= reading_at)
                .or(ms.first().copied());
            self.go_to(a, next);
        }
    }

    /// Steps to the next (or previous) mention of the selected entity,
    /// wrapping around; with no entity selected, through all mentions.
    /// Without a mention stepped to yet, starts at `reading_at`.
    pub fn step(&mut self, a: &Analysis, forward: bool, reading_at: usize) {
        let Some(e) = self.entity else {
            // Through all mentions: the next one after the current one, or
            // after the top of the page.
            let n = a.mentions.len();
            if n == 0 {
                return;
            }
            let next = match (self.mention.filter(|&m| m < n), forward) {
                (Some(c), true) => (c + 1) % n,
                (Some(c), false) => (c + n - 1) % n,
                (None, true) => a.mentions.partition_point(|m| m.range.start < reading_at) % n,
                (None, false) => {
                    (a.mentions.partition_point(|m| m.range.start < reading_at) + n - 1) % n
                }
            };
            self.entity = a.entity_of[next];
            self.reveal_row = true;
            self.go_to(a, Some(next));
            return;
        };
        let ms: &[usize] = &a.entities[e].mentions;
        if ms.is_empty() {
            return;
        }
        let current = self.mention.filter(|m| ms.contains(m));
        let next = match (current, forward) {
            (Some(c), true) => ms.iter().copied().find(|&m| m > c).unwrap_or(ms[0]),
            (Some(c), false) => ms
                .iter()
                .rev()
                .copied()
                .find(|&m| m < c)
                .unwrap_or(ms[ms.len() - 1]),
            (None, true) => ms
                .iter()
                .copied()
                .find(|&m| a.mentions[m].range.start >= reading_at)
                .unwrap_or(ms[0]),
            (None, false) => ms
                .iter()
                .rev()
                .copied()
                .find(|&m| a.mentions[m].range.start < reading_at)
                .unwrap_or(ms[ms.len() - 1]),
        };
        self.go_to(a, Some(next));
    }

    fn go_to(&mut self, a: &Analysis, m: Option<usize>) {
        self.mention = m;
        if let Some(m) = m {
            self.reveal_offset = Some(a.mentions[m].range.start);
            self.flash = Some(m);
        }
    }

    /// Marks event `id` and brings its sentence into view.
    pub fn click_event(&mut self, a: &Analysis, id: EventId) {
        self.event = Some(id);
        self.reveal_offset = Some(event_range(a, id).start);
        self.reveal_event = true;
    }

    /// Clears the selection (Esc).
    pub fn clear(&mut self) {
        self.show_all_events = false;
        self.entity = None;
        self.mention = None;
        self.event = None;
        self.flash = None;
    }

    /// Forgets everything (another article).
    pub fn reset(&mut self) {
        *self = Browse::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::article::{Progress, analyze_document};
    use crate::document::Document;

    fn sample() -> (Document, Analysis, Index) {
        let doc = Document::sample();
        let a = analyze_document(&doc, None, &Progress::default()).unwrap();
        let index = Index::new(&doc.text, &a);
        (doc, a, index)
    }

    fn entity_named(doc: &Document, a: &Analysis, name: &str) -> usize {
        a.entities
            .iter()
            .position(|e| {
                e.canonical == name
                    || e.mentions
                        .iter()
                        .any(|&m| &doc.text[a.mentions[m].range.clone()] == name)
            })
            .unwrap_or_else(|| panic!("no entity {name}"))
    }

    #[test]
    fn the_loose_filter_finds_washington_and_the_american_forces() {
        let (doc, a, index) = sample();
        let rows = |q: &str| {
            sidebar_rows(
                &a,
                &index,
                &Query::new(q),
                Sort::Frequency,
                &super::super::highlight::TYPES,
                |_| false,
            )
        };
        let names = |rows: Vec<Row>| -> Vec<String> {
            rows.into_iter()
                .filter_map(|r| match r {
                    Row::Entity(e) => Some(a.entities[e].canonical.clone()),
                    _ => None,
                })
                .collect()
        };
        let washington = names(rows("واشنطن"));
        assert!(washington.iter().any(|n| n == "واشنطن"), "{washington:?}");
        assert!(
            names(rows("الاميركية"))
                .iter()
                .any(|n| n.contains("الأميركية"))
        );
        // Everything when nothing is typed, grouped with headings.
        let all = rows("");
        assert!(matches!(all[0], Row::Heading(MentionType::Person, _)));
        let entities = all.iter().filter(|r| matches!(r, Row::Entity(_))).count();
        assert_eq!(entities, a.entities.len());
        let _ = entity_named(&doc, &a, "واشنطن");
    }

    #[test]
    fn sorting_by_frequency_first_appearance_and_name() {
        let (_, a, index) = sample();
        let places = [MentionType::Place];
        let by = |sort| -> Vec<usize> {
            sidebar_rows(&a, &index, &Query::default(), sort, &places, |_| false)
                .into_iter()
                .filter_map(|r| match r {
                    Row::Entity(e) => Some(e),
                    _ => None,
                })
                .collect()
        };
        let freq = by(Sort::Frequency);
        assert!(
            freq.windows(2)
                .all(|w| a.entities[w[0]].mentions.len() >= a.entities[w[1]].mentions.len())
        );
        let first = by(Sort::FirstAppearance);
        assert!(
            first
                .windows(2)
                .all(|w| a.entities[w[0]].mentions[0] < a.entities[w[1]].mentions[0])
        );
        let name = by(Sort::Name);
        assert!(
            name.windows(2)
                .all(|w| index.sort_names[w[0]] <= index.sort_names[w[1]])
        );
        // The most frequent place in the sample is Iraq.
        assert_eq!(a.entities[freq[0]].canonical, "العراق");
        let collapsed = sidebar_rows(&a, &index, &Query::default(), Sort::Name, &places, |_| true);
        assert_eq!(collapsed.len(), 1, "a collapsed group is its heading");
    }

    #[test]
    fn stepping_through_an_entitys_mentions_wraps() {
        let (doc, a, _) = sample();
        let baghdad = entity_named(&doc, &a, "بغداد");
        let ms = a.entities[baghdad].mentions.clone();
        assert!(ms.len() >= 3);
        let mut b = Browse::default();
        b.select_entity(&a, baghdad, 0);
        assert_eq!(b.mention, Some(ms[0]));
        assert_eq!(b.reveal_offset, Some(a.mentions[ms[0]].range.start));
        b.step(&a, true, 0);
        assert_eq!(b.mention, Some(ms[1]));
        b.step(&a, false, 0);
        b.step(&a, false, 0);
        assert_eq!(b.mention, Some(*ms.last().unwrap()), "wraps backwards");
        b.step(&a, true, 0);
        assert_eq!(b.mention, Some(ms[0]), "and forwards");
        // Selecting it again from the sidebar goes on to the next one.
        b.select_entity(&a, baghdad, 0);
        assert_eq!(b.mention, Some(ms[1]));
        b.clear();
        assert_eq!(b.entity, None);
    }

    #[test]
    fn the_timeline_narrows_to_an_entitys_events() {
        let (doc, a, index) = sample();
        let all = timeline_events(&a, &index, None);
        assert!(all.len() > a.timeline.dated.len());
        let hamas = entity_named(&doc, &a, "حركة حماس");
        let narrowed = timeline_events(&a, &index, Some(hamas));
        assert!(!narrowed.is_empty() && narrowed.len() < all.len());
        for id in &narrowed {
            let r = event_range(&a, *id);
            assert!(doc.text[r].contains("حماس"));
        }
        // The date 7 October 2023 is an entity too: its event is listed.
        let october = a
            .entities
            .iter()
            .position(|e| {
                e.kind == MentionType::Date
                    && doc.text[a.mentions[e.mentions[0]].range.clone()].contains("7 أكتوبر")
            })
            .unwrap();
        let events = timeline_events(&a, &index, Some(october));
        assert!(matches!(events[0], EventId::Dated(_)));
    }
}
