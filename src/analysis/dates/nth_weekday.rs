//! A weekday counted within a month: «الجمعة الأولى من رمضان», «أول جمعة
//! من شهر رمضان», «الخميس الأخير من نوفمبر», «آخر أحد في مايو 2024». The
//! value is the day itself. A week counted within a month («الأسبوع الأول
//! من نوفمبر») is the month at its start, middle or end. Without a year written, a Gregorian month takes
//! the year its clause's tense says ([`super::unwritten_year`]); a Hijri
//! month the Hijri year whose day is on the same side of the document date
//! (the nearest one when the clause says nothing). With neither a year nor
//! a document date there is no day to name, and the weekday alone is left
//! to the other matchers.

use super::{
    Found, date, hijri_month_days, hijri_year_near, month_at, month_year, stems, unwritten_year,
    year_part, ymd,
};
use crate::analysis::calendar::{days_from_civil, days_in_month, weekday};
use crate::analysis::lexicon::WEEKDAY;
use crate::analysis::{DocDate, Text};

/// Which of the month's weekdays: the first to the fourth, or the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Nth {
    Nth(u32),
    Last,
}

/// The ordinal after a weekday: «الأولى», «الثاني», «الأخيرة».
fn ordinal_after(k: &str) -> Option<Nth> {
    Some(match k {
        "الاول" | "الاولي" => Nth::Nth(1),
        "الثاني" | "الثانيه" => Nth::Nth(2),
        "الثالث" | "الثالثه" => Nth::Nth(3),
        "الرابع" | "الرابعه" => Nth::Nth(4),
        "الاخير" | "الاخيره" => Nth::Last,
        _ => return None,
    })
}

/// The words that may start «أول جمعة من …» and «العشر الأواخر من …» (the
/// other forms start with a weekday or «الأسبوع», starts already).
pub(super) const STARTERS: [&str; 6] = ["اول", "ثاني", "ثالث", "رابع", "اخر", "العشر"];

/// The ordinal before a weekday without its article: «أول جمعة».
fn ordinal_before(k: &str) -> Option<Nth> {
    Some(match k {
        "اول" => Nth::Nth(1),
        "ثاني" => Nth::Nth(2),
        "ثالث" => Nth::Nth(3),
        "رابع" => Nth::Nth(4),
        "اخر" => Nth::Last,
        _ => return None,
    })
}

/// A weekday's number, its name with or without the article («جمعه»).
fn weekday_of(k: &str) -> Option<u32> {
    WEEKDAY
        .get(k)
        .or_else(|| WEEKDAY.get(&format!("ال{k}")))
        .copied()
}

pub(super) fn at(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    // «الجمعة الأولى» or «أول جمعة», then «من» or «في», «شهر», the month.
    let (skip, wd, nth) = stems(t, i).into_iter().find_map(|(skip, w)| {
        if let (Some(&wd), Some(nth)) = (WEEKDAY.get(w), ordinal_after(t.key(i + 1))) {
            return Some((skip, wd, nth));
        }
        let nth = ordinal_before(w)?;
        Some((skip, weekday_of(t.key(i + 1))?, nth))
    })?;
    let mut j = i + 2;
    if !matches!(t.key(j), "من" | "في") {
        return None;
    }
    j += 1;
    if t.key(j) == "شهر" {
        j += 1;
    }
    let (month, hijri, next, _, _) = month_at(t, j)?;
    let (day, end) = match year_part(t, next, hijri) {
        Some((y, _, end)) => (nth_day(y, month, hijri, wd, nth)?, end),
        None => {
            let d = dct?;
            let day = if hijri {
                let y = hijri_year_near(t, i, next, d, None, |y| {
                    let z = nth_day(y, month, true, wd, nth)?;
                    Some((z, z))
                })?;
                nth_day(y, month, true, wd, nth)?
            } else {
                let y = unwritten_year(t, i, next, d, month, None);
                nth_day(y, month, false, wd, nth)?
            };
            (day, next)
        }
    };
    let (y, m, dd) = crate::analysis::calendar::civil_from_days(day);
    Some(Found {
        end,
        skip,
        timex: date(ymd(y, m, dd)),
    })
}

/// «الأسبوع الأول من نوفمبر», «الأسبوع الأخير من شهر رمضان», «العشر
/// الأواخر من رمضان», «الأسبوع الأول من الشهر المقبل», «النصف الثاني من
/// الشهر الجاري»: the month, at its start, middle or end (TIMEX3 has no
/// week or half of a month). Without
/// this, «الأول من نوفمبر» in it was read as 1 November.
pub(super) fn week_of_month(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, w) = stems(t, i)
        .into_iter()
        .find(|(_, w)| matches!(*w, "الاسبوع" | "العشر" | "النصف"))?;
    let modifier = if w == "النصف" {
        // «النصف الثاني من الشهر الجاري»; a year's half is its own value
        // («2023-H2», [`super::news`]).
        match ordinal_after(t.key(i + 1))? {
            Nth::Nth(1) => "START",
            Nth::Nth(2) | Nth::Last => "END",
            Nth::Nth(_) => return None,
        }
    } else if w == "العشر" {
        // «العشر الأواخر من رمضان», «العشر الأوائل من ذي الحجة».
        match t.key(i + 1) {
            "الاواخر" | "الاخيره" => "END",
            "الاوائل" | "الاولي" => "START",
            _ => return None,
        }
    } else {
        match ordinal_after(t.key(i + 1))? {
            Nth::Nth(1) => "START",
            Nth::Nth(2 | 3) => "MID",
            Nth::Nth(_) | Nth::Last => "END",
        }
    };
    if t.key(i + 2) != "من" {
        return None;
    }
    // «من نوفمبر», «من شهر رمضان», «من الشهر المقبل».
    let mut f = month_year(t, i + 3, dct).or_else(|| {
        matches!(t.key(i + 3), "الشهر" | "هذا")
            .then(|| super::core_at(t, i + 3, dct))
            .flatten()
    })?;
    if f.timex.value.len() != 7 || f.timex.kind != crate::analysis::TimexKind::Date {
        return None;
    }
    f.timex.modifier = Some(modifier);
    Some(Found { skip, ..f })
}

/// The day (days since 1970-01-01) of the `nth` weekday `wd` of month
/// `month` of year `y`, of the Hijri calendar or the Gregorian.
fn nth_day(y: i32, month: u32, hijri: bool, wd: u32, nth: Nth) -> Option<i64> {
    let (first, len) = if hijri {
        let (first, last) = hijri_month_days(y, month)?;
        (first, last - first + 1)
    } else {
        (days_from_civil(y, month, 1), days_in_month(y, month) as i64)
    };
    let weekday_at = |z: i64| {
        let (y, m, d) = crate::analysis::calendar::civil_from_days(z);
        weekday(y, m, d) as i64
    };
    match nth {
        Nth::Nth(n) => {
            let offset = (wd as i64 - weekday_at(first)).rem_euclid(7) + 7 * (n as i64 - 1);
            (offset < len).then_some(first + offset)
        }
        Nth::Last => {
            let last = first + len - 1;
            Some(last - (weekday_at(last) - wd as i64).rem_euclid(7))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> i64 {
        days_from_civil(y, m, d)
    }

    #[test]
    fn the_nth_and_the_last_weekday_of_a_month() {
        // November 2023 began on a Wednesday: its Thursdays are the 2nd,
        // 9th, 16th, 23rd and 30th.
        assert_eq!(
            nth_day(2023, 11, false, 4, Nth::Nth(1)),
            Some(day(2023, 11, 2))
        );
        assert_eq!(
            nth_day(2023, 11, false, 4, Nth::Nth(4)),
            Some(day(2023, 11, 23))
        );
        assert_eq!(
            nth_day(2023, 11, false, 4, Nth::Last),
            Some(day(2023, 11, 30))
        );
        // Ramadan 1445 began on Monday 11 March 2024 (Umm al-Qura).
        assert_eq!(
            nth_day(1445, 9, true, 5, Nth::Nth(1)),
            Some(day(2024, 3, 15))
        );
        // The fourth Friday of a February of 28 days is its last day but one.
        assert_eq!(
            nth_day(2026, 2, false, 5, Nth::Nth(4)),
            Some(day(2026, 2, 27))
        );
    }
}
