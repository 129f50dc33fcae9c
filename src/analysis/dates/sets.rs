//! Times that recur (reference §7.2), beside the weekdays and units of
//! «كل» read with durations: every season, month or part of the day
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
    every(t, i).or_else(|| times_in(t, i))
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
    let value = match t.key(k) {
        "يوميا" => "P1D".to_owned(),
        "اسبوعيا" => "P1W".to_owned(),
        "شهريا" => "P1M".to_owned(),
        "سنويا" => "P1Y".to_owned(),
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
