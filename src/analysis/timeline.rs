//! Timeline events: each sentence that carries a date, with the mentions in
//! it, sorted by date. Sentences whose only time expressions cannot be placed
//! on a calendar (PAST_REF, durations) are kept apart.

use std::ops::Range;

use super::{Mention, MentionType, Norm, Timex, TimexKind};

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// The date mention that places the event.
    pub date: Timex,
    /// The sentence, a byte range of the original text.
    pub range: Range<usize>,
    /// Indices into the mentions: the date and everything else in the sentence.
    pub mentions: Vec<usize>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    pub dated: Vec<Event>,
    pub undated: Vec<Event>,
}

/// A sort key for a TIMEX value on the calendar: (year, month, day); `None`
/// for references, durations and unknown parts.
pub fn calendar_key(value: &str) -> Option<(i32, u32, u32)> {
    let mut parts = value.split('-');
    let year: i32 = parts.next()?.parse().ok().filter(|_| value.len() >= 4)?;
    let month = match parts.next() {
        None => 0,
        Some("SP") => 4,
        Some("SU") => 7,
        Some("FA") => 10,
        Some("WI") => 1,
        Some(w) if w.starts_with('W') => (w[1..].parse::<u32>().ok()? * 7 / 30 + 1).min(12),
        Some(m) => m.parse().ok()?,
    };
    let day = parts.next().and_then(|d| d.parse().ok()).unwrap_or(0);
    Some((year, month, day))
}

/// Builds the timeline of `mentions` over `sentences`, both sorted by start.
pub fn build(sentences: &[Range<usize>], mentions: &[Mention]) -> Timeline {
    let mut timeline = Timeline::default();
    let mut first = 0; // mentions are sorted by start; sentences too
    for s in sentences {
        while first < mentions.len() && mentions[first].range.start < s.start {
            first += 1;
        }
        let inside: Vec<usize> = (first..mentions.len())
            .take_while(|&i| mentions[i].range.start < s.end)
            .filter(|&i| mentions[i].range.end <= s.end)
            .collect();
        let dates: Vec<(usize, &Timex)> = inside
            .iter()
            .filter_map(|&i| match (&mentions[i].kind, &mentions[i].norm) {
                (MentionType::Date, Some(Norm::Date(t))) => Some((i, t)),
                _ => None,
            })
            .collect();
        let others: Vec<usize> = inside
            .iter()
            .copied()
            .filter(|i| !dates.iter().any(|(d, _)| d == i))
            .collect();
        let placed: Vec<&(usize, &Timex)> = dates
            .iter()
            .filter(|(_, t)| t.kind == TimexKind::Date && calendar_key(&t.value).is_some())
            .collect();
        let event = |(i, t): (usize, &Timex)| {
            let mut m = vec![i];
            m.extend(&others);
            m.sort_unstable();
            Event {
                date: t.clone(),
                range: s.clone(),
                mentions: m,
            }
        };
        if placed.is_empty() {
            if let Some(&first) = dates.first() {
                timeline.undated.push(event(first));
            }
        } else {
            for &&p in &placed {
                timeline.dated.push(event(p));
            }
        }
    }
    timeline
        .dated
        .sort_by_key(|e| (calendar_key(&e.date.value), e.range.start));
    timeline
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{DocDate, analyze, sentences::split_sentences};

    #[test]
    fn events_are_sorted_by_date_and_references_kept_apart() {
        let text = "وقع الهجوم في 7 أكتوبر 2023 على إسرائيل. وسيطر التنظيم على الموصل في 2014. وقالت الوزارة مؤخرا إن 70 جنديا أصيبوا.";
        let mentions = analyze(text, DocDate::parse("2024-01-15"));
        let t = build(&split_sentences(text), &mentions);
        let dates: Vec<&str> = t.dated.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(dates, ["2014", "2023-10-07"]);
        assert_eq!(t.undated.len(), 1);
        assert_eq!(t.undated[0].date.value, "PAST_REF");
        // The number in the third sentence belongs to its event.
        let n = mentions
            .iter()
            .position(|m| m.kind == MentionType::Number)
            .unwrap();
        assert!(t.undated[0].mentions.contains(&n));
        assert_eq!(calendar_key("2023-FA"), Some((2023, 10, 0)));
        assert_eq!(calendar_key("PXM"), None);
    }
}
