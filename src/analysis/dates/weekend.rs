//! The weekend: «نهاية الأسبوع», «عطلة نهاية الأسبوع», «عطلة الأسبوع»,
//! with a direction («نهاية الأسبوع الماضي», «عطلة نهاية الأسبوع
//! المقبل»), after «هذا» («نهاية هذا الأسبوع»), or alone. TIMEX3 writes
//! it as its ISO week with «WE» («2023-W40-WE», reference §7.2), the
//! Saturday and Sunday of that week. Alone, it is the last weekend at the
//! document date, or the next one in a clause about the future, as a
//! weekday alone is (HeidelTime takes the last week always). «نهاية
//! الأسبوع الأول من الحرب» is the end of another week, and no weekend.

use super::tense::{self, Tense};
use super::{Found, date, direction, stems};
use crate::analysis::calendar::{civil_from_days, days_from_civil, iso_week, weekday};
use crate::analysis::lexicon::DAY_ORDINALS;
use crate::analysis::{DocDate, Text};

/// The words a weekend starts with.
pub(super) const STARTERS: [&str; 2] = ["عطله", "نهايه"];

pub(super) fn at(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, w) = stems(t, i)
        .into_iter()
        .find(|(_, w)| STARTERS.contains(w))?;
    let mut j = i + 1;
    if w == "عطله" && t.key(j) == "نهايه" {
        j += 1;
    }
    let this = t.key(j) == "هذا";
    if this {
        j += 1;
    }
    if t.key(j) != "الاسبوع" {
        return None;
    }
    let next = t.key(j + 1);
    let (weeks, end) = if this {
        (Some(0), j + 1)
    } else {
        match (next, direction(t.key(j + 2))) {
            // «نهاية الأسبوع قبل الماضي».
            ("قبل", Some(-1)) => (Some(-2), j + 3),
            ("بعد", Some(1)) => (Some(2), j + 3),
            _ => match direction(next) {
                Some(d) => (Some(d), j + 2),
                None if DAY_ORDINALS.contains_key(next)
                    || matches!(next, "الاخير" | "الاخيره" | "الذي") =>
                {
                    return None;
                }
                None => (None, j + 1),
            },
        }
    };
    let Some((d, day)) = dct.and_then(|d| Some((d, d.day?))) else {
        return Some(Found {
            end,
            skip,
            timex: date("XXXX-WXX-WE".to_owned()),
        });
    };
    let today = days_from_civil(d.year, d.month, day);
    // ISO weekdays: Monday 1 to Sunday 7, the weekend's Saturday 6.
    let wd = weekday(d.year, d.month, day) as i64;
    let saturday = match weeks {
        Some(n) => today + 6 - wd + 7 * i64::from(n),
        None => match tense::at(t, i, end) {
            Some(Tense::Future) => today + (6 - wd).rem_euclid(7),
            _ => today - (wd - 6).rem_euclid(7),
        },
    };
    let (y, m, dd) = civil_from_days(saturday);
    let (wy, wn) = iso_week(y, m, dd);
    Some(Found {
        end,
        skip,
        timex: date(format!("{wy:04}-W{wn:02}-WE")),
    })
}
