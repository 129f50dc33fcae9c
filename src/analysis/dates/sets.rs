//! Times that recur (reference §7.2): «يوميا», «أسبوعيا» (`P1W`); every
//! weekday or count of units («كل جمعة» `XXXX-WXX-5`, «كل 4 سنوات»
//! `P4Y`, «كل شهر»); every season, month or part of the day
//! («كل صيف» `XXXX-SU`, «كل أكتوبر» `XXXX-10`, «كل صباح» `XXXX-XX-XXTMO`;
//! not «كل عصر», every era),
//! and a number of times in a period («مرة في الأسبوع», «مرتين في الشهر»,
//! «3 مرات في اليوم», «ثلاث مرات سنويا»: the period, `P1W`). TIMEX3's
//! frequency, how many times, is not kept.

use super::clock::part_of_day;
use super::{Found, count_at, direction, duration_value, month_at, stems};
use crate::analysis::{Text, Timex, TimexKind};

fn set(value: String, end: usize, skip: usize) -> Found {
    Found {
        end,
        skip,
        timex: Timex {
            value,
            kind: TimexKind::Set,
            modifier: None,
        },
    }
}

/// A recurring time at token `i`.
pub(super) fn at(t: &Text, i: usize) -> Option<Found> {
    stems(t, i)
        .into_iter()
        .find_map(|(skip, w)| per(w).map(|v| set(v.to_owned(), i + 1, skip)))
        .or_else(|| every_week_or_unit(t, i))
        .or_else(|| every(t, i))
        .or_else(|| times_in(t, i))
}

/// «يوميا», «أسبوعيا», «شهريا», «سنويا»: the period of each.
fn per(w: &str) -> Option<&'static str> {
    Some(match w {
        "يوميا" => "P1D",
        "اسبوعيا" => "P1W",
        "شهريا" => "P1M",
        "سنويا" => "P1Y",
        _ => return None,
    })
}

/// «كل يوم جمعة», «كل جمعة», «كل يوم الاثنين»: that weekday of every
/// week; «كل ثلاثة أشهر», «كل 4 سنوات», «كل سنتين», «كل شهر»: every so
/// many units.
fn every_week_or_unit(t: &Text, i: usize) -> Option<Found> {
    if t.key(i) != "كل" {
        return None;
    }
    let j = i + 1 + usize::from(t.key(i + 1) == "يوم");
    let weekday = super::WEEKDAY
        .get(t.key(j))
        .or_else(|| super::WEEKDAY.get(&format!("ال{}", t.key(j))));
    if let Some(wd) = weekday {
        return Some(set(format!("XXXX-WXX-{wd}"), j + 1, 0));
    }
    if let Some((Some(n), unit, end)) = super::amount_unit(t, i + 1, false)
        && n > 1.0
    {
        return Some(set(duration_value(unit, Some(n)), end, 0));
    }
    let &(u, None, false) = super::UNITS.get(t.key(i + 1))? else {
        return None;
    };
    Some(set(duration_value(u, Some(1.0)), i + 2, 0))
}

/// «كل صيف», «كل أكتوبر», «كل صباح», «كل ليلة».
fn every(t: &Text, i: usize) -> Option<Found> {
    let (skip, _) = stems(t, i).into_iter().find(|&(_, w)| w == "كل")?;
    let next = t.key(i + 1);
    let season = match next {
        "صيف" => Some("SU"),
        "شتاء" => Some("WI"),
        "ربيع" => Some("SP"),
        "خريف" => Some("FA"),
        _ => None,
    };
    // «كل صيف عام 2020» is no recurrence of its own: the word after must
    // not say which.
    // «كل ربيع الأول», a Hijri month.
    let said_which = t.is_number(i + 2)
        || matches!(
            t.key(i + 2),
            "عام" | "سنه" | "من" | "العربي" | "الاول" | "الاخر" | "الثاني"
        );
    if let Some(code) = season
        && !said_which
    {
        return Some(set(format!("XXXX-{code}"), i + 2, skip));
    }
    if let Some((month, false, end, 0, _)) = month_at(t, i + 1)
        && let end = super::alt_month(t, end, month, false)
        && !t.is_number(end)
        && !matches!(t.key(end), "عام" | "سنه" | "من")
    {
        return Some(set(format!("XXXX-{month:02}"), end, skip));
    }
    // Not «كل عصر», every era.
    let code = match next {
        "ليله" => Some("NI"),
        "عصر" => None,
        w => part_of_day(w),
    }?;
    // «كل صباح يوم جمعة» is a weekday's morning: left alone.
    if t.key(i + 2) == "يوم" || super::WEEKDAY.contains_key(t.key(i + 2)) {
        return None;
    }
    Some(set(format!("XXXX-XX-XXT{code}"), i + 2, skip))
}

/// «مرة في الأسبوع», «مرة واحدة في السنة», «مرتين في الشهر», «3 مرات في
/// اليوم», «ثلاث مرات سنويا», «مرة كل عامين».
fn times_in(t: &Text, i: usize) -> Option<Found> {
    let mut k = match t.key(i) {
        "مره" => {
            if matches!(t.key(i + 1), "واحده") {
                i + 2
            } else {
                i + 1
            }
        }
        "مرتين" | "مرتان" => i + 1,
        first => {
            let (n, end) = count_at(t, i, first, false)?;
            (n >= 3.0 && t.key(end) == "مرات").then_some(end + 1)?
        }
    };
    if let Some(v) = per(t.key(k)) {
        return Some(set(v.to_owned(), k + 1, 0));
    }
    let value = match t.key(k) {
        "في" => {
            let unit = match t.key(k + 1) {
                "اليوم" => "D",
                "الاسبوع" => "W",
                "الشهر" => "M",
                "السنه" | "العام" => "Y",
                "الساعه" => "TH",
                _ => return None,
            };
            // «مرة في الأسبوع الماضي», «مرتين في اليوم الأول»: one
            // period, not every.
            let after = t.key(k + 2);
            if direction(after).is_some() || after.starts_with("ال") || t.is_number(k + 2) {
                return None;
            }
            k += 1;
            duration_value(unit, Some(1.0))
        }
        "كل" => {
            let (n, unit, end) = super::amount_unit(t, k + 1, true)?;
            k = end - 1;
            duration_value(unit, Some(n?))
        }
        _ => return None,
    };
    Some(set(value, k + 1, 0))
}
