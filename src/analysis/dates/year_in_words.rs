//! A year said in words after «عام» or «سنة» (reference §6.6): «عام ألفين
//! وثلاثة وعشرين» (`2023`), «سنة ألف وتسعمئة وثمانية وأربعين» (`1948`),
//! «العام ألفين وخمسة عشر»; two-digit after «عام», «عام تسعة وثمانين»
//! (`1989`), as §7.3 reads «عام 89». The span starts at the noun. Not near
//! a Hijri date: its years are Hijri, and classical prose says their
//! hundreds last.

use super::{Found, date, stems};
use crate::analysis::Text;
use crate::analysis::numbers::words_value;

/// A year in words after its noun at token `i`.
pub(super) fn at(t: &Text, i: usize) -> Option<Found> {
    let (skip, w) = stems(t, i)
        .into_iter()
        .find(|(_, w)| matches!(*w, "عام" | "العام" | "سنه" | "السنه"))?;
    if !t.is_word(i + 1) {
        return None;
    }
    let (end, v) = words_value(t, i + 1)?;
    if v.fract() != 0.0 {
        return None;
    }
    // In a Hijri date's company the year is Hijri, and the classical
    // «سنة سبع وثمانين وثلاثمائة» says its hundreds last: left alone.
    if super::hijri::is_hijri(t, i.saturating_sub(4), (end + 3).min(t.tokens.len())) {
        return None;
    }
    let year = match v as u32 {
        y @ 1000..=2100 => y,
        // Two words at least after «عام»: «عام تسعة وثمانين», not «عام
        // واحد» (one year) or «عام ثمانين» alone; and no unit of time
        // after them («عام تسعة وثمانين يوما»).
        y @ 41..=99
            if end >= i + 3 && w.ends_with("عام") && !super::UNITS.contains_key(t.key(end)) =>
        {
            1900 + y
        }
        _ => return None,
    };
    Some(Found {
        end,
        skip,
        timex: date(format!("{year:04}")),
    })
}
