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

/// The first and last years, of the proleptic count (44 BC is -43), of a
/// value before Christ: «BC0044» a year (of four digits or more), «BC04»
/// the fifth century before him (500 to 401 BC), «BC2» the third
/// millennium (3000 to 2001 BC). `None` for any other value.
pub fn years_before_christ(value: &str) -> Option<(i32, i32)> {
    let d = value.strip_prefix("BC")?;
    if d.is_empty() || d.len() > 6 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: i32 = d.parse().ok()?;
    match d.len() {
        1 => Some((1 - (n + 1) * 1000, -n * 1000)),
        2 => Some((1 - (n + 1) * 100, -n * 100)),
        3 => None,
        _ => (n >= 1).then_some((1 - n, 1 - n)),
    }
}

/// A sort key for a TIMEX value on the calendar: (year, month, day); `None`
/// for references, durations and unknown parts, and for centuries,
/// decades and millennia, which the timeline lists apart, as it does
/// vague times: a bar of a thousand years would leave the article's days
/// no room. A year before Christ sorts by its number of the proleptic
/// count (44 BC is -43).
pub fn calendar_key(value: &str) -> Option<(i32, u32, u32)> {
    if let Some((first, last)) = years_before_christ(value) {
        return (first == last).then_some((first, 0, 0));
    }
    let mut parts = value.split('-');
    let year: i32 = parts.next()?.parse().ok().filter(|_| value.len() >= 4)?;
    let month = match parts.next() {
        None => 0,
        Some("SP") => 4,
        Some("SU") => 7,
        Some("FA") => 10,
        Some("WI") => 12,
        // A week (or its weekend) at its first day: «2023-W41-WE» after
        // «2023-W40», both in October.
        Some(w) if w.starts_with('W') => {
            let (y, m, d) = super::calendar::civil_from_days(day_span(value, None)?.start);
            return Some((y, m, d));
        }
        Some(q) if q.starts_with('Q') => {
            (q[1..].parse::<u32>().ok().filter(|n| (1..=4).contains(n))? - 1) * 3 + 1
        }
        Some(h) if h.starts_with('H') => {
            (h[1..].parse::<u32>().ok().filter(|n| (1..=2).contains(n))? - 1) * 6 + 1
        }
        Some(m) => m.parse().ok()?,
    };
    // The day, without a time of day after it («07T14:30»).
    let day = parts
        .next()
        .and_then(|d| d.get(..2).unwrap_or(d).parse().ok())
        .unwrap_or(0);
    Some((year, month, day))
}

/// Whether `value` is a TIMEX3 value of `kind` that Marsad can show and
/// place: printable ASCII letters, digits and `-:.`, `_`; a duration starts
/// with `P`; a date's month and day exist (no 2023-13, no 31 February).
/// Imports refuse any other.
pub fn timex_ok(value: &str, kind: super::TimexKind) -> bool {
    use super::TimexKind;
    let chars_ok = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'.' | b'_'));
    if !chars_ok {
        return false;
    }
    match kind {
        TimexKind::Duration => value.starts_with('P'),
        TimexKind::Set => true,
        TimexKind::Date | TimexKind::Time => match calendar_key(value) {
            Some((y, m, d)) => {
                m <= 12 && (m == 0 || d == 0 || d <= super::calendar::days_in_month(y, m))
            }
            None => true, // a reference (PRESENT_REF) or a part unknown (XXXX-10)
        },
    }
}

/// The days a calendar TIMEX value covers, as a half-open range of day
/// counts from 1970-01-01: one day for `2023-10-07`, the month for
/// `2023-10`, the year for `2014`, three months for a quarter (`2022-Q3`)
/// and six for a half (`2024-H2`), three months for a season (a season
/// bears the year it starts in: `2023-WI` runs from December 2023 to
/// February 2024), seven days for an ISO week, ten
/// years for a decade, a hundred for a century and a thousand for a
/// millennium. A modifier narrows a
/// longer span to its first (START), middle (MID) or last (END) third.
/// `None` for references, durations and values with unknown parts.
pub fn day_span(value: &str, modifier: Option<&str>) -> Option<Range<i64>> {
    use super::calendar::{add_months, days_from_civil};
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !parts
        .iter()
        .take(1)
        .all(|p| digits(p) || p.starts_with("BC"))
    {
        return None;
    }
    let year = |s: &str| s.parse::<i32>().ok().filter(|y| (1..=9999).contains(y));
    let month_start = |y: i32, m: u32| days_from_civil(y, m, 1);
    let span = match parts.as_slice() {
        // Before Christ: its years, Julian.
        [bc] if bc.starts_with("BC") => {
            let (first, last) = years_before_christ(bc)?;
            month_start(first, 1)..month_start(last + 1, 1)
        }
        [y] if y.len() == 4 => {
            let y = year(y)?;
            month_start(y, 1)..month_start(y + 1, 1)
        }
        [d] if d.len() == 3 => {
            let y = d.parse::<i32>().ok()? * 10;
            month_start(y.max(1), 1)..month_start(y + 10, 1)
        }
        [c] if c.len() == 2 => {
            let y = c.parse::<i32>().ok()? * 100;
            month_start(y.max(1), 1)..month_start(y + 100, 1)
        }
        [k] if k.len() == 1 => {
            let y = k.parse::<i32>().ok()? * 1000;
            month_start(y.max(1), 1)..month_start(y + 1000, 1)
        }
        [y, m] if digits(m) => {
            let (y, m) = (
                year(y)?,
                m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?,
            );
            let (ny, nm) = add_months(y, m, 1);
            month_start(y, m)..month_start(ny, nm)
        }
        [y, s] if matches!(*s, "SP" | "SU" | "FA" | "WI") => {
            let y = year(y)?;
            let first = match *s {
                "SP" => (y, 3),
                "SU" => (y, 6),
                "FA" => (y, 9),
                _ => (y, 12),
            };
            let (ey, em) = add_months(first.0, first.1, 3);
            month_start(first.0, first.1)..month_start(ey, em)
        }
        // A quarter or a half of the year: «2022-Q3», «2024-H2».
        [y, p] if (p.starts_with('Q') || p.starts_with('H')) && digits(&p[1..]) => {
            let y = year(y)?;
            let (months, count) = if p.starts_with('Q') { (3, 4) } else { (6, 2) };
            let n: u32 = p[1..].parse().ok().filter(|n| (1..=count).contains(n))?;
            let first = (n - 1) * months + 1;
            let (ey, em) = add_months(y, first, months as i32);
            month_start(y, first)..month_start(ey, em)
        }
        [y, w, rest @ ..] if w.starts_with('W') && digits(&w[1..]) => {
            let y = year(y)?;
            let n: i64 = w[1..].parse().ok().filter(|n| (1..=53).contains(n))?;
            // Monday of ISO week 1: the week with the year's first Thursday.
            let jan4 = days_from_civil(y, 1, 4);
            let monday = jan4 - (jan4 + 3).rem_euclid(7) + 7 * (n - 1);
            if rest.first() == Some(&"WE") {
                monday + 5..monday + 7
            } else {
                monday..monday + 7
            }
        }
        [y, m, d] if digits(m) && d.len() >= 2 && digits(&d[..2]) => {
            let (y, m) = (
                year(y)?,
                m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?,
            );
            let d: u32 = d[..2].parse().ok()?;
            if !(1..=super::calendar::days_in_month(y, m)).contains(&d) {
                return None;
            }
            let z = days_from_civil(y, m, d);
            z..z + 1
        }
        _ => return None,
    };
    let len = span.end - span.start;
    let third = len / 3;
    Some(match modifier {
        Some("START") if len >= 3 => span.start..span.start + third,
        Some("MID") if len >= 3 => span.start + third..span.end - third,
        Some("END") if len >= 3 => span.end - third..span.end,
        _ => span,
    })
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
            .filter(|(_, t)| {
                // Placed only when its days are known: an impossible day
                // («2023-02-30») or a year past 9999 is listed apart.
                matches!(t.kind, TimexKind::Date | TimexKind::Time)
                    && calendar_key(&t.value).is_some()
                    && day_span(&t.value, t.modifier).is_some()
            })
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
            // Each vague time of the sentence once: «في القرنين السابع عشر
            // والثامن عشر» lists both centuries.
            for (k, &(i, t)) in dates.iter().enumerate() {
                let seen = dates[..k]
                    .iter()
                    .any(|(_, u)| u.value == t.value && u.modifier == t.modifier);
                if !seen {
                    timeline.undated.push(event((i, t)));
                }
            }
        } else {
            // «سنة 300هـ الموافقة لسنة 912م»: one time said twice in a
            // sentence is one event, with both mentions.
            let from = timeline.dated.len();
            for &&(i, t) in &placed {
                let same = timeline.dated[from..]
                    .iter_mut()
                    .find(|e| e.date.value == t.value && e.date.modifier == t.modifier);
                match same {
                    Some(e) => {
                        e.mentions.push(i);
                        e.mentions.sort_unstable();
                    }
                    None => timeline.dated.push(event((i, t))),
                }
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

    /// A date mention over `range` with TIMEX value `value`.
    fn date(range: Range<usize>, value: &str) -> Mention {
        Mention {
            range,
            kind: MentionType::Date,
            norm: Some(Norm::Date(Timex {
                value: value.into(),
                kind: TimexKind::Date,
                modifier: None,
            })),
        }
    }

    /// Quarters and halves sit on the time axis as the months they cover.
    #[test]
    fn quarters_and_halves_span_their_months() {
        use crate::analysis::calendar::days_from_civil;
        assert_eq!(
            day_span("2022-Q3", None),
            Some(days_from_civil(2022, 7, 1)..days_from_civil(2022, 10, 1))
        );
        assert_eq!(
            day_span("2024-H2", None),
            Some(days_from_civil(2024, 7, 1)..days_from_civil(2025, 1, 1))
        );
        assert_eq!(day_span("2024-Q5", None), None);
        assert_eq!(calendar_key("2022-Q3"), Some((2022, 7, 0)));
        assert_eq!(calendar_key("2024-H2"), Some((2024, 7, 0)));
    }

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
        // Weeks by their first day, so that they sort among days: week 40
        // of 2023 from Monday 2 October, its weekend from Saturday 7, week
        // 1 of 2025 from 30 December 2024.
        assert_eq!(calendar_key("2023-W40"), Some((2023, 10, 2)));
        assert_eq!(calendar_key("2023-W40-WE"), Some((2023, 10, 7)));
        assert_eq!(calendar_key("2025-W01"), Some((2024, 12, 30)));
        assert!(calendar_key("2023-W41-WE") > calendar_key("2023-W40"));
        assert_eq!(calendar_key("PXM"), None);
    }

    /// A year said in both calendars is one event: the timeline panel
    /// showed two cards for «912» from one sentence.
    #[test]
    fn one_time_said_twice_in_a_sentence_is_one_event() {
        let text = "أسس الفاطميون المهدية سنة 300هـ الموافقة لسنة 912م، ثم فتحوا مصر سنة 358هـ الموافقة لسنة 969م.";
        let mentions = analyze(text, DocDate::parse("2017-01-20"));
        let t = build(&split_sentences(text), &mentions);
        let dates: Vec<&str> = t.dated.iter().map(|e| e.date.value.as_str()).collect();
        // (358 AH began in November 968: «الموافقة لسنة 969م» says 969,
        // one event.)
        assert_eq!(dates, ["0912", "0969"]);
        let in_912 = t.dated[0]
            .mentions
            .iter()
            .filter(|&&m| mentions[m].kind == MentionType::Date)
            .count();
        assert_eq!(in_912, 2, "both «300هـ» and «912م»");
    }

    #[test]
    fn day_spans_of_calendar_values() {
        use crate::analysis::calendar::days_from_civil as day;
        // A millennium: «2» is 2000 to 2999.
        assert_eq!(day_span("2", None), Some(day(2000, 1, 1)..day(3000, 1, 1)));
        assert_eq!(
            day_span("2023-10-07", None),
            Some(day(2023, 10, 7)..day(2023, 10, 8))
        );
        assert_eq!(
            day_span("2023-10", None),
            Some(day(2023, 10, 1)..day(2023, 11, 1))
        );
        assert_eq!(
            day_span("2023-12", None),
            Some(day(2023, 12, 1)..day(2024, 1, 1))
        );
        assert_eq!(
            day_span("2014", None),
            Some(day(2014, 1, 1)..day(2015, 1, 1))
        );
        assert_eq!(
            day_span("2023-FA", None),
            Some(day(2023, 9, 1)..day(2023, 12, 1))
        );
        assert_eq!(
            day_span("2023-WI", None),
            Some(day(2023, 12, 1)..day(2024, 3, 1))
        );
        // ISO week 40 of 2023 runs from Monday 2 October.
        assert_eq!(
            day_span("2023-W40", None),
            Some(day(2023, 10, 2)..day(2023, 10, 9))
        );
        assert_eq!(
            day_span("199", None),
            Some(day(1990, 1, 1)..day(2000, 1, 1))
        );
        let start = day_span("2024-01", Some("START")).unwrap();
        assert_eq!(start, day(2024, 1, 1)..day(2024, 1, 11));
        assert_eq!(day_span("PAST_REF", None), None);
        assert_eq!(day_span("P3M", None), None);
        assert_eq!(day_span("XXXX-10-07", None), None);
        assert_eq!(day_span("2023-02-30", None), None);
    }

    /// Years, centuries and millennia before Christ were listed among the
    /// vague times, off the axis: a history of Rome had no timeline.
    #[test]
    fn a_time_before_christ_is_placed_on_the_calendar() {
        let day = |y, m, d| crate::analysis::calendar::days_from_civil(y, m, d);
        // 44 BC is year -43 of the proleptic count.
        assert_eq!(
            day_span("BC0044", None),
            Some(day(-43, 1, 1)..day(-42, 1, 1))
        );
        assert_eq!(
            day_span("BC12000", None),
            Some(day(-11999, 1, 1)..day(-11998, 1, 1))
        );
        // The fifth century before Christ: 500 to 401 BC.
        assert_eq!(
            day_span("BC04", None),
            Some(day(-499, 1, 1)..day(-399, 1, 1))
        );
        // The first: 100 to 1 BC, up to the first of January of AD 1.
        assert_eq!(day_span("BC00", None), Some(day(-99, 1, 1)..day(1, 1, 1)));
        assert_eq!(
            day_span("BC2", None),
            Some(day(-2999, 1, 1)..day(-1999, 1, 1))
        );
        let end = day_span("BC04", Some("END")).unwrap();
        assert!(end.start > day(-434, 1, 1) && end.end == day(-399, 1, 1));
        for bad in ["BC", "BC0000", "BC123", "BCX1", "BC1234567", "BC-1"] {
            assert_eq!(day_span(bad, None), None, "{bad}");
        }
        // Years sorted before our era, the earlier first; centuries and
        // millennia listed apart, as ours are.
        let mut values = ["0632-06-08", "BC0044", "BC0509"];
        values.sort_by_key(|v| calendar_key(v));
        assert_eq!(values, ["BC0509", "BC0044", "0632-06-08"]);
        assert_eq!(calendar_key("BC04"), None);
        assert_eq!(calendar_key("04"), None);
        let text = "تأسست عام 753 قبل الميلاد. وفي القرن الأول قبل الميلاد تحولت.";
        let first = text.find("753").unwrap()..text.find(".").unwrap();
        let second = text.find("القرن").unwrap()..text.rfind(" تحولت").unwrap();
        let t = build(
            &split_sentences(text),
            &[date(first, "BC0753"), date(second, "BC00")],
        );
        let placed: Vec<&str> = t.dated.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(placed, ["BC0753"]);
        assert_eq!(t.undated[0].date.value, "BC00");
    }

    /// «في القرنين السابع عشر والثامن عشر» listed the seventeenth
    /// century alone among the vague times: each vague time of a sentence
    /// is listed, once.
    #[test]
    fn each_vague_time_of_a_sentence_is_listed_once() {
        let text = "ازدهرت في القرنين السابع عشر والثامن عشر، ثم في القرن السابع عشر نفسه.";
        let mentions = analyze(text, DocDate::parse("2017-01-20"));
        let t = build(&split_sentences(text), &mentions);
        let vague: Vec<&str> = t.undated.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(vague, ["16", "17"]);
    }

    #[test]
    fn a_date_with_no_days_on_the_calendar_is_listed_apart_not_drawn_in_1970() {
        let text = "جرى ذلك في 30 فبراير 2023. ثم في 7 أكتوبر 2023.";
        let first = text.find("30").unwrap()..text.find(".").unwrap();
        let second = text.find("7 ").unwrap()..text.rfind(".").unwrap();
        let mentions = [date(first, "2023-02-30"), date(second, "2023-10-07")];
        let t = build(&split_sentences(text), &mentions);
        let placed: Vec<&str> = t.dated.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(placed, ["2023-10-07"]);
        assert_eq!(t.undated.len(), 1);
        assert_eq!(t.undated[0].date.value, "2023-02-30");
    }

    /// Regression: a time of day («مساء أمس», 2023-10-07TNI) was listed
    /// among the vague times instead of on its day.
    #[test]
    fn a_time_of_day_is_placed_on_its_day() {
        let text = "وقع الانفجار مساء أمس. ثم اجتمعوا في 6 أكتوبر 2023.";
        let mentions =
            crate::analysis::analyze(text, crate::analysis::DocDate::parse("2023-10-08"));
        let t = build(&split_sentences(text), &mentions);
        let placed: Vec<&str> = t.dated.iter().map(|e| e.date.value.as_str()).collect();
        assert_eq!(placed, ["2023-10-06", "2023-10-07TNI"]);
        assert!(t.undated.is_empty());
        assert_eq!(calendar_key("2023-10-07T14:30"), Some((2023, 10, 7)));
    }
}
