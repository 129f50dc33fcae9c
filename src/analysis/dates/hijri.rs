//! A Hijri date as the writer saw it. Marsad converts Hijri dates by a
//! calendar (Umm al-Qura's from 1343 to 1500 AH, the tabular calendar
//! before and after), but a month begins where its new moon
//! is sighted, and that may be a day or two apart from one country to the
//! next, or from the calendar. So when the text itself says which day it
//! was, the text wins:
//!
//! - a weekday named with the date («الجمعة 10 صفر 1432 هـ») moves the
//!   day to the nearest one, at most two days away, that falls on it
//!   ([`sighted`]);
//! - a Gregorian date said to be the same day («... الموافق 14 يناير
//!   2011», «19 شوال 1432 هـ (17 سبتمبر 2011)») gives the Hijri one its
//!   value, when they are at most three days apart, or for years one
//!   apart ([`same_day`]). Farther apart, one of the two is wrong, and
//!   each keeps its own. Wikipedia's «... 13 هـ = 11 من مارس 634م» and
//!   «1017 هـ/1609 م» say it too, with «=» or «/». Before 1582 the
//!   Gregorian date such a page gives is Julian, and so is the one the
//!   calendar converts to (`crate::analysis::calendar`).

use super::era_at;
use crate::analysis::calendar::{
    civil_from_days, days_from_civil, gregorian_to_hijri, hijri_to_gregorian, weekday,
};
use crate::analysis::{DocDate, Mention, Norm, Text, TimexKind};

/// Whether tokens `first..end` are a Hijri date: a Hijri month's name or
/// a Hijri era mark among them.
pub(super) fn is_hijri(t: &Text, first: usize, end: usize) -> bool {
    (first..end).any(|k| era_at(t, k).0 == Some(true) || super::month_at(t, k).is_some_and(|m| m.1))
}

/// `value` («YYYY-MM-DD»), a Hijri date's Gregorian day, moved to the
/// nearest day, at most two away, that falls on weekday `wd` (ISO,
/// Monday = 1); `None` when it already does or none does.
pub(super) fn sighted(value: &str, wd: u32) -> Option<String> {
    let z = day_number(value)?;
    let (y, m, d) = civil_from_days(z);
    if weekday(y, m, d) == wd {
        return None;
    }
    [-1i64, 1, -2, 2].into_iter().find_map(|k| {
        let (y, m, d) = civil_from_days(z + k);
        (weekday(y, m, d) == wd).then(|| super::ymd(y, m, d))
    })
}

/// [`sighted`] for Hijri day `day` of `month` whose year was not written,
/// found at `value`: when the weekday is three days from it, the Hijri
/// year before or after, if its day is at most a day from the weekday
/// («الجمعة 15 رمضان» in October 2023 is Ramadan 1444's, a Thursday by
/// the calendar, not 1445's, a Monday). Not with `side` set: a tense or
/// a direction word placed it, and the weekday does not move it a year.
pub(super) fn sighted_year(
    value: &str,
    (month, day): (u32, u32),
    wd: u32,
    dct: DocDate,
    side: bool,
) -> Option<String> {
    if let Some(v) = sighted(value, wd) {
        return Some(v);
    }
    let z = day_number(value)?;
    if side || off(z, wd) == 0 {
        return None;
    }
    let (gy, gm, gd) = civil_from_days(z);
    let (hy, _, _) = gregorian_to_hijri(gy, gm, gd);
    let now = days_from_civil(dct.year, dct.month, dct.day.unwrap_or(15));
    [hy - 1, hy + 1]
        .into_iter()
        .filter_map(|y| {
            let (a, b, c) = hijri_to_gregorian(y, month, day);
            let w = days_from_civil(a, b, c);
            (off(w, wd) <= 1).then_some(w)
        })
        .min_by_key(|z| (z - now).abs())
        .map(|z| {
            let (y, m, d) = civil_from_days(z);
            let v = super::ymd(y, m, d);
            sighted(&v, wd).unwrap_or(v)
        })
}

/// How many days day `z` is from the nearest weekday `wd`.
fn off(z: i64, wd: u32) -> i64 {
    let (y, m, d) = civil_from_days(z);
    let k = (weekday(y, m, d) as i64 - wd as i64).rem_euclid(7);
    k.min(7 - k)
}

/// Days since 1970-01-01 of a «YYYY-MM-DD» value.
fn day_number(value: &str) -> Option<i64> {
    if value.len() != 10 || !value.bytes().all(|b| b.is_ascii_digit() || b == b'-') {
        return None;
    }
    let mut parts = value.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts.next()?.parse().ok()?;
    let d = parts.next()?.parse().ok()?;
    Some(days_from_civil(y, m, d))
}

/// Where a date mention was found: tokens `first..end`, and whether it is
/// a Hijri one.
#[derive(Clone, Copy)]
pub(super) struct Place {
    pub first: usize,
    pub end: usize,
    pub hijri: bool,
}

/// Whether the words between two dates say they are one day: «الموافق»
/// or «الموافقة» (with «لـ», «في», «يوم», «لعام» or a comma beside it),
/// or brackets around the second.
fn joins(t: &Text, from: usize, to: usize) -> bool {
    let between: Vec<&str> = (from..to).map(|k| t.key(k)).collect();
    let said = between
        .iter()
        .any(|k| matches!(*k, "الموافق" | "الموافقه" | "(" | "=" | "/"));
    said && between.iter().all(|k| {
        matches!(
            *k,
            "الموافق"
                | "الموافقه"
                | "ل"
                | "في"
                | "،"
                | ","
                | "("
                | "-"
                | "–"
                | "يوم"
                | "عام"
                | "لعام"
                | "العام"
                | "للعام"
                | "سنه"
                | "لسنه"
                | "="
                | "/"
        )
    })
}

/// Whether the pair of dates ending at place `a` is where two ranges meet,
/// each in its calendar: «1320 هـ - 1321 هـ/1902م - 1903م» gives 1321 AH
/// the year after 1902, not 1902. One range is not two: in «منذ 27 ربيع
/// الآخر 1433 هـ الموافق 20 مارس 2012 م حتى 2016» the pair starts one,
/// and is the same day.
fn in_two_ranges(t: &Text, places: &[Option<Place>], a: usize) -> bool {
    let dash = |from: usize, to: usize| {
        from < to && (from..to).all(|k| matches!(t.key(k), "-" | "–" | "الي" | "حتي"))
    };
    let (Some(p), Some(q)) = (places[a - 1], places[a]) else {
        return false;
    };
    let before =
        a >= 2 && places[a - 2].is_some_and(|o| o.hijri == p.hijri && dash(o.end, p.first));
    let after = places
        .get(a + 1)
        .copied()
        .flatten()
        .is_some_and(|o| o.hijri == q.hijri && dash(q.end, o.first));
    before && after
}

/// [`same_day`] over a document's date mentions, each with its [`Place`]
/// (`None` for those that are not one date alone).
pub(super) fn same_day(t: &Text, out: &mut [Mention], places: &[Option<Place>]) {
    for a in 1..out.len().min(places.len()) {
        let (Some(p), Some(q)) = (places[a - 1], places[a]) else {
            continue;
        };
        if p.hijri == q.hijri || !joins(t, p.end, q.first) || in_two_ranges(t, places, a) {
            continue;
        }
        let (h, g) = if p.hijri { (a - 1, a) } else { (a, a - 1) };
        let (Some(Norm::Date(hx)), Some(Norm::Date(gx))) = (&out[h].norm, &out[g].norm) else {
            continue;
        };
        // «الساعة الخامسة مساء يوم 11 يوليو 1905م / 7 جمادى الأولى 1323
        // هـ»: a time on either day, its day compared and set.
        let (Some(hd), Some(gd)) = (date_part(hx), date_part(gx)) else {
            continue;
        };
        if hx.modifier.is_some() || gx.modifier.is_some() {
            continue;
        }
        let close = match (day_number(hd), day_number(gd)) {
            (Some(x), Some(y)) => (x - y).abs() <= 3,
            _ => {
                let year = |v: &str| -> Option<i32> {
                    (v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit()))
                        .then(|| v.parse().ok())?
                };
                matches!((year(&hx.value), year(&gx.value)), (Some(x), Some(y)) if (x - y).abs() <= 1)
            }
        };
        if close {
            let value = format!("{gd}{}", &hx.value[hd.len()..]);
            if let Some(Norm::Date(hx)) = &mut out[h].norm {
                hx.value = value;
            }
        }
    }
}

/// The date of a DATE timex, or the day of a TIME one («1905-07-11» of
/// «1905-07-11T17:00»).
fn date_part(x: &crate::analysis::Timex) -> Option<&str> {
    match x.kind {
        TimexKind::Date => Some(&x.value),
        TimexKind::Time => x
            .value
            .get(..10)
            .filter(|_| x.value.as_bytes().get(10) == Some(&b'T')),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weekday_moves_a_hijri_day_at_most_two_days() {
        // 2011-01-16 is a Sunday.
        assert_eq!(sighted("2011-01-16", 5).as_deref(), Some("2011-01-14"));
        assert_eq!(sighted("2011-01-16", 1).as_deref(), Some("2011-01-17"));
        assert_eq!(sighted("2011-01-16", 7), None);
        // Wednesday is three days from Sunday either way: not moved.
        assert_eq!(sighted("2011-01-16", 3), None);
        assert_eq!(sighted("2011-01", 5), None);
    }
}
