//! Named dates (temponyms, reference §7.10): events the news names by
//! their day and month, whose year is fixed, «ثورة 23 يوليو» (1952),
//! «أحداث 11 سبتمبر» (2001), «ثورة 25 يناير» (2011); and the names that
//! carry no number, «حرب أكتوبر» (1973), «النكبة» (1948), «طوفان الأقصى»
//! (2023). Without this, «23 يوليو» after «ثورة» took the year nearest
//! the document date. «حرب العاشر من رمضان» is the same war as «حرب
//! أكتوبر». Also the dates that name no time at all: «قوى 14 آذار»,
//! Lebanon's political blocs (reference §1.5), and «مدينة العاشر من رمضان».

use super::{Found, date, day_then_month, stems, ymd};
use crate::analysis::Text;

/// (day, month, year, the words that name the event just before the date).
const DAY_MONTH: &[(u32, u32, i32, &[&str])] = &[
    (23, 7, 1952, &["ثوره"]),
    (1, 9, 1969, &["ثوره", "ذكري"]),
    (6, 10, 1973, &["حرب"]),
    (1, 11, 1954, &["ثوره"]),
    (
        11,
        9,
        2001,
        &["احداث", "هجمات", "هجوم", "اعتداءات", "تفجيرات", "ذكري"],
    ),
    (14, 1, 2011, &["ثوره"]),
    (25, 1, 2011, &["ثوره"]),
    (17, 2, 2011, &["ثوره"]),
    (20, 2, 2011, &["حركه"]),
    // The April 6 Youth Movement, named after the strike of 2008.
    (6, 4, 2008, &["حركه", "اضراب"]),
    (30, 6, 2013, &["ثوره", "تظاهرات", "مظاهرات", "احتجاجات"]),
    (22, 2, 2019, &["حراك"]),
    (17, 10, 2019, &["انتفاضه", "ثوره", "حراك"]),
    (7, 10, 2023, &["هجوم", "هجمات", "احداث", "عمليه"]),
];

/// Words after which a named event with no number is a date: «منذ
/// النكبة», «ذكرى النكسة».
const CUES: &[&str] = &["ذكري", "منذ", "قبل", "بعد", "عشيه", "خلال", "حرب"];

/// Heads of Lebanon's blocs named after a date: «قوى 14 آذار», «تحالف 8
/// آذار».
const BLOC_HEADS: &[&str] = &[
    "قوي",
    "تحالف",
    "فريق",
    "قاده",
    "تيار",
    "نواب",
    "كتله",
    "معسكر",
    "حركه",
    "جمهور",
];

/// Whether a reading of token `k` is one of `words`.
fn is_one_of(t: &Text, k: Option<usize>, words: &[&str]) -> bool {
    k.is_some_and(|k| stems(t, k).iter().any(|(_, w)| words.contains(&w)))
}

/// Whether a number follows the month at `i` within three tokens.
fn year_soon(t: &Text, i: usize) -> bool {
    (i + 1..i + 4).any(|k| t.is_number(k))
}

/// A named date at token `i`.
pub(super) fn at(t: &Text, i: usize) -> Option<Found> {
    let before = i.checked_sub(1);
    if let Some((day, skip, month, false, end)) = day_then_month(t, i)
        && !t.is_number(end)
        && let Some(&(_, _, year, _)) = DAY_MONTH
            .iter()
            .find(|r| r.0 == day && r.1 == month && is_one_of(t, before, r.3))
    {
        return Some(Found {
            end,
            skip,
            timex: date(ymd(year, month, day)),
        });
    }
    // «حرب العاشر من رمضان»: the October war by its Hijri date (10
    // Ramadan 1393).
    if let Some((10, skip, 9, true, end)) = day_then_month(t, i)
        && is_one_of(
            t,
            before,
            &["حرب", "معركه", "نصر", "انتصار", "انتصارات", "ذكري"],
        )
        && !t.is_number(end)
    {
        return Some(Found {
            end,
            skip,
            timex: date("1973-10-06".to_owned()),
        });
    }
    let (skip, value, end) = stems(t, i).iter().find_map(|(s, w)| {
        let (value, end) = match w {
            "النكبه" if is_one_of(t, before, CUES) => ("1948", i + 1),
            "النكسه" if is_one_of(t, before, CUES) => ("1967", i + 1),
            // «حرب أكتوبر», «حرب تشرين» (not «تشرين الأول»: a month).
            "اكتوبر" | "تشرين"
                if is_one_of(t, before, &["حرب"])
                    && !t.is_number(i + 1)
                    && !matches!(t.key(i + 1), "الاول" | "الثاني") =>
            {
                ("1973-10-06", i + 1)
            }
            // «ثورة يناير» (Egypt, 2011), «ثورة يوليو» (Egypt, 1952).
            // Not «ثورة يوليو / تموز 1952», a month with its year.
            "يناير" if is_one_of(t, before, &["ثوره"]) && !year_soon(t, i) => {
                ("2011-01", i + 1)
            }
            "يوليو" if is_one_of(t, before, &["ثوره"]) && !year_soon(t, i) => {
                ("1952-07", i + 1)
            }
            "طوفان" if t.key(i + 1) == "الاقصي" => ("2023-10-07", i + 2),
            // Libya's revolution day («الفاتح» is also Libya's name of
            // September).
            "الفاتح" if t.key(i + 1) == "من" && t.key(i + 2) == "سبتمبر" => {
                ("1969-09-01", i + 3)
            }
            _ => return None,
        };
        Some((s, value, end))
    })?;
    Some(Found {
        end,
        skip,
        timex: date(value.to_owned()),
    })
}

/// Whether the date at `i` is in a movement's name («حركة 6 أبريل»,
/// «حركة 20 فبراير»).
pub(super) fn names_a_movement(t: &Text, i: usize) -> bool {
    is_one_of(t, i.checked_sub(1), &["حركه"])
}

/// Where a date that names no time ends: «14 آذار» after «قوى»,
/// «تحالف» or another bloc's head. Its tokens are not a date.
pub(super) fn not_a_date(t: &Text, i: usize) -> Option<usize> {
    let (day, _, month, hijri, end) = day_then_month(t, i)?;
    let bloc =
        !hijri && matches!(day, 8 | 14) && month == 3 && is_one_of(t, i.checked_sub(1), BLOC_HEADS);
    // «مدينة العاشر من رمضان», an Egyptian city.
    let city = hijri && (day, month) == (10, 9) && is_one_of(t, i.checked_sub(1), &["مدينه"]);
    (bloc || city).then_some(end)
}

/// Words of this file's names that start no other date (folded).
pub(super) const STARTERS: &[&str] = &["النكبه", "النكسه", "طوفان"];
