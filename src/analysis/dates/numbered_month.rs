//! A month said by its number (reference §1.3): «شهر 10 من عام 2022»,
//! «في شهر 3 الماضي», «الشهر العاشر من عام 2021», «الشهر الثالث من العام
//! الجاري» (`2023-03`). Only with its year, or (digits) a direction word:
//! «الشهر الأول من الحرب» and «شهر 10 أيام» are no months of the calendar.

use super::{Found, core_at, date, day_at, direction, stems, year_of_month, year_part};
use crate::analysis::{DocDate, Text, TimexKind};

/// A numbered month at token `i`, with its year.
pub(super) fn at(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, w) = stems(t, i)
        .into_iter()
        .find(|(_, w)| matches!(*w, "شهر" | "الشهر"))?;
    let (month, k, digits) = if w == "شهر" {
        let m: u32 = t.key(i + 1).parse().ok().filter(|_| t.is_number(i + 1))?;
        (m, i + 2, true)
    } else {
        // «الشهر العاشر», «الشهر الثاني عشر»: the masculine ordinal.
        let (m, end, 0) = day_at(t, i + 1).filter(|_| t.is_word(i + 1))? else {
            return None;
        };
        if t.key(i + 1).ends_with('ه') {
            return None;
        }
        (m, end, false)
    };
    if !(1..=12).contains(&month) {
        return None;
    }
    let (year, end) = if let Some((y, _, end)) = year_part(t, k, false) {
        (y, end)
    } else if t.key(k) == "من"
        && let Some(f) = core_at(t, k + 1, dct)
        && f.timex.kind == TimexKind::Date
        && f.timex.modifier.is_none()
        && let Ok(y) = f.timex.value.parse::<i32>()
        && f.timex.value.len() == 4
    {
        // «من العام الجاري», «من السنة الماضية».
        (y, f.end)
    } else if digits && let Some(dir) = direction(t.key(k)) {
        (year_of_month(dct?, month, dir), k + 1)
    } else {
        return None;
    };
    Some(Found {
        end,
        skip,
        timex: date(format!("{year:04}-{month:02}")),
    })
}
