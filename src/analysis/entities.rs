//! Mentions of one entity grouped under a canonical name: spelling variants
//! (الأميركية, الاميركية), repeats, and a person's surname after the full
//! name. Numbers group by value and unit, dates by their normalised value
//! («2014» and «عام 2014» are one date).

use super::normalize::fold_key;
use super::{Mention, MentionType, Norm};

/// The grouping key of a number or a date: its normalised value. A date
/// that value does not pin down (a reference such as `PAST_REF`, or a
/// year not known, `XXXX-10`, found with no document date) is keyed by its
/// words too: «أمس» and «قبل يومين» are both `PAST_REF`, «أكتوبر الماضي»
/// and «أكتوبر المقبل» both `XXXX-10`, yet they are not one date. Only a
/// day and month (`XXXX-10-07`) names its day whatever the year.
fn value_key(text: &str, m: &Mention) -> Option<String> {
    match &m.norm {
        Some(Norm::Number(n)) => Some(format!(
            "{:?}|{:?}|{:?}|{}|{}|{}",
            n.value,
            n.min,
            n.max,
            n.approximate,
            n.inclusive,
            n.unit.as_deref().map(fold_key).unwrap_or_default()
        )),
        Some(Norm::Date(t)) => {
            let v = t.value.as_str();
            let month_day = v.len() == 10 && !v[5..].contains('X');
            let pinned = !v.ends_with("_REF") && (!v.starts_with("XXXX") || month_day);
            let words = if pinned {
                String::new()
            } else {
                fold_key(&text[m.range.clone()])
            };
            Some(format!("{v}|{}|{words}", t.modifier.unwrap_or("")))
        }
        None => None,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: MentionType,
    /// The fullest form the article uses.
    pub canonical: String,
    /// Indices into the mentions.
    pub mentions: Vec<usize>,
}

/// Groups the mentions of `text`; returns the entities (in order of first
/// mention) and, for each mention, the index of its entity. A number or a
/// date with no value stays alone.
pub fn group(text: &str, mentions: &[Mention]) -> (Vec<Entity>, Vec<Option<usize>>) {
    let mut entities: Vec<Entity> = Vec::new();
    // (folded name, type) -> entity; a word of a multi-word person's name -> entity.
    let mut by_key: rustc_hash::FxHashMap<(String, MentionType), usize> = Default::default();
    let mut by_name_part: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut of = vec![None; mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        let surface = &text[m.range.clone()];
        let key = match m.kind {
            MentionType::Number | MentionType::Date => match value_key(text, m) {
                Some(k) => k,
                None => format!("#{i}"),
            },
            _ => fold_key(surface),
        };
        let found = by_key.get(&(key.clone(), m.kind)).copied().or_else(|| {
            // A person's surname or first name alone: the full name seen before.
            (m.kind == MentionType::Person && !key.contains(' '))
                .then(|| by_name_part.get(&key).copied())
                .flatten()
        });
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    kind: m.kind,
                    canonical: surface.to_owned(),
                    mentions: Vec::new(),
                });
                let e = entities.len() - 1;
                if m.kind == MentionType::Person && key.contains(' ') {
                    for part in key.split(' ') {
                        by_name_part.entry(part.to_owned()).or_insert(e);
                    }
                }
                by_key.insert((key, m.kind), e);
                e
            }
        };
        let actor_or_place = !matches!(m.kind, MentionType::Number | MentionType::Date);
        if actor_or_place && surface.chars().count() > entities[e].canonical.chars().count() {
            entities[e].canonical = surface.to_owned();
        }
        entities[e].mentions.push(i);
        of[i] = Some(e);
    }
    (entities, of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, word: &str, nth: usize, kind: MentionType) -> Mention {
        let start = text.match_indices(word).nth(nth).unwrap().0;
        Mention {
            range: start..start + word.len(),
            kind,
            norm: None,
        }
    }

    #[test]
    fn variants_repeats_and_surnames() {
        let text = "قالت سابرينا سينغ إن القوات الأميركية باقية. وأضافت سينغ أن القوات الاميركية لن تغادر. وزار سينغ مكانا";
        let ms = vec![
            m(text, "سابرينا سينغ", 0, MentionType::Person),
            m(text, "القوات الأميركية", 0, MentionType::Organization),
            m(text, "سينغ", 1, MentionType::Person),
            m(text, "القوات الاميركية", 0, MentionType::Organization),
            m(text, "سينغ", 2, MentionType::Place),
        ];
        let (entities, of) = group(text, &ms);
        assert_eq!(entities.len(), 3);
        assert_eq!(
            entities[1].canonical, "القوات الأميركية",
            "the first spelling, of equal length"
        );
        assert_eq!(entities[0].canonical, "سابرينا سينغ");
        assert_eq!(entities[0].mentions, [0, 2]);
        assert_eq!(entities[1].mentions, [1, 3]);
        assert_eq!(
            of,
            [Some(0), Some(1), Some(0), Some(1), Some(2)],
            "a different type is another entity"
        );
    }

    #[test]
    fn dates_and_numbers_group_by_value() {
        use crate::analysis::{DocDate, analyze};
        let text = "سيطر التنظيم على الموصل في 2014. وفي عام 2014 نشرت 2500 عسكري، ثم 2500 عسكري آخرين في 2015.";
        let ms = analyze(text, DocDate::parse("2024-01-15"));
        let (entities, of) = group(text, &ms);
        let dates: Vec<&Entity> = entities
            .iter()
            .filter(|e| e.kind == MentionType::Date)
            .collect();
        assert_eq!(dates.len(), 2, "{dates:?}");
        assert_eq!(dates[0].mentions.len(), 2, "2014 twice");
        let numbers: Vec<&Entity> = entities
            .iter()
            .filter(|e| e.kind == MentionType::Number)
            .collect();
        assert_eq!(numbers.len(), 1);
        assert_eq!(numbers[0].mentions.len(), 2);
        assert!(
            of.iter().all(Option::is_some),
            "every mention has its entity"
        );
    }

    /// Regression: in an article with no date, «غدا» and «العام المقبل»
    /// (both `FUTURE_REF`) were listed as one date in the sidebar.
    #[test]
    fn dates_not_pinned_down_group_by_their_words() {
        use crate::analysis::analyze;
        let text = "قال أمس إن الاتفاق سيعرض غدا وإن الانتخابات في العام المقبل، \
                    وأكد أمس أنه زار البلاد في أكتوبر الماضي ويعود في أكتوبر المقبل \
                    وفي 7 أكتوبر وفي السابع من أكتوبر.";
        let ms = analyze(text, None);
        let (entities, _) = group(text, &ms);
        let dates: Vec<(&str, usize)> = entities
            .iter()
            .filter(|e| e.kind == MentionType::Date)
            .map(|e| (e.canonical.as_str(), e.mentions.len()))
            .collect();
        assert_eq!(
            dates,
            [
                ("أمس", 2),
                ("غدا", 1),
                ("العام المقبل", 1),
                ("أكتوبر الماضي", 1),
                ("أكتوبر المقبل", 1),
                ("7 أكتوبر", 2),
            ]
        );
    }
}
