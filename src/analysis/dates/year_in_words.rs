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
    let (year, end) = said(t, i + 1, w.ends_with("عام"), 2100)?;
    // In a Hijri date's company the year is Hijri, and the classical
    // «سنة سبع وثمانين وثلاثمائة» says its hundreds last: left alone.
    if super::hijri::is_hijri(t, i.saturating_sub(4), (end + 3).min(t.tokens.len())) {
        return None;
    }
    Some(Found {
        end,
        skip,
        timex: date(format!("{year:04}")),
    })
}

/// The year number words at `k` say after a year's noun, at most `top`,
/// and the token after them. After «عام» (`am`), two-digit words are a
/// year of the 1900s: two words at least («عام تسعة وثمانين», not «عام
/// واحد», one year, or «عام ثمانين» alone), and no unit of time after
/// them («عام تسعة وثمانين يوما»).
pub(super) fn said(t: &Text, k: usize, am: bool, top: u32) -> Option<(u32, usize)> {
    if !t.is_word(k) {
        return None;
    }
    let (end, v) = words_value(t, k)?;
    if v.fract() != 0.0 {
        return None;
    }
    match v as u32 {
        y @ 1000.. if y <= top => Some((y, end)),
        y @ 41..=99 if am && end >= k + 2 && !super::UNITS.contains_key(t.key(end)) => {
            Some((1900 + y, end))
        }
        _ => None,
    }
}
