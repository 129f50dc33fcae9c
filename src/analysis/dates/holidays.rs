//! Holidays fixed by a calendar (reference §2.4): «عيد الفطر» is 1 Shawwal,
//! «عيد الأضحى» 10 Dhu al-Hijja, «المولد النبوي» 12 Rabi' al-Awwal, «عيد
//! العمال» 1 May. The value is the holiday's (first) day. Its year is the
//! one written after it («عيد الفطر 1444»), else the one a direction word
//! says («عيد الأضحى المقبل»), else the one its clause's tense says, else
//! the nearest; without a document date a Gregorian holiday is a day of a
//! year not known and a Hijri one is not resolved.

use super::{
    Found, date, direction, hijri_day, hijri_year_near, stems, unwritten_year, year_part, ymd,
};
use crate::analysis::calendar::hijri_to_gregorian;
use crate::analysis::{DocDate, Text};

/// (folded words, Hijri calendar, month, day), the longer names first.
const HOLIDAYS: &[(&[&str], bool, u32, u32)] = &[
    (&["راس", "السنه", "الهجريه"], true, 1, 1),
    (&["ليله", "راس", "السنه"], false, 12, 31),
    (&["راس", "السنه", "الميلاديه"], false, 1, 1),
    (&["راس", "السنه"], false, 1, 1),
    (&["ليله", "النصف", "من", "شعبان"], true, 8, 15),
    (&["الاسراء", "والمعراج"], true, 7, 27),
    (&["المولد", "النبوي"], true, 3, 12),
    (&["ليله", "القدر"], true, 9, 27),
    (&["عيد", "الفطر"], true, 10, 1),
    (&["عيد", "الاضحي"], true, 12, 10),
    (&["يوم", "عرفه"], true, 12, 9),
    (&["عاشوراء"], true, 1, 10),
    (&["عيد", "العمال"], false, 5, 1),
    (&["يوم", "العمال"], false, 5, 1),
    (&["عيد", "الحب"], false, 2, 14),
    (&["ليله", "عيد", "الميلاد"], false, 12, 24),
    (&["عيد", "الميلاد", "المجيد"], false, 12, 25),
    (&["عيد", "الميلاد"], false, 12, 25),
    (&["عيد", "جميع", "القديسين"], false, 11, 1),
    (&["عيد", "رفع", "مريم"], false, 8, 15),
    (&["عيد", "الهالووين"], false, 10, 31),
    (&["عيد", "الهالوين"], false, 10, 31),
    (&["الهالووين"], false, 10, 31),
    (&["الهالوين"], false, 10, 31),
];

/// The words a holiday's name starts with (folded).
pub(super) const STARTERS: &[&str] = &[
    "راس",
    "ليله",
    "الاسراء",
    "المولد",
    "عيد",
    "يوم",
    "عاشوراء",
    "الهالووين",
    "الهالوين",
];

pub(super) fn at(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, &(words, hijri, month, day)) = stems(t, i).into_iter().find_map(|(skip, w)| {
        HOLIDAYS
            .iter()
            .find(|h| {
                h.0[0] == w
                    && h.0[1..]
                        .iter()
                        .enumerate()
                        .all(|(n, x)| t.key(i + 1 + n) == *x)
            })
            .map(|h| (skip, h))
    })?;
    let mut end = i + words.len();
    // «رأس السنة القبطية» (11 September), «الصينية»: other calendars.
    if matches!(
        t.key(end),
        "القبطيه" | "الصينيه" | "الفارسيه" | "العبريه" | "اليهوديه" | "الامازيغيه"
    ) {
        return None;
    }
    // «عيد الفطر المبارك», «عيد الميلاد المجيد».
    if matches!(t.key(end), "المبارك" | "السعيد") {
        end += 1;
    }
    let value = if let Some((y, _, e)) = year_part(t, end, hijri) {
        end = e;
        if hijri {
            let (gy, gm, gd) = hijri_to_gregorian(y, month, day);
            ymd(gy, gm, gd)
        } else {
            ymd(y, month, day)
        }
    } else {
        let dir = direction(t.key(end));
        if dir.is_some() {
            end += 1;
        }
        match (dct, hijri) {
            (Some(d), true) => {
                let y = hijri_year_near(t, i, end, d, dir, |y| {
                    let z = hijri_day(y, month, day)?;
                    Some((z, z))
                })?;
                let (gy, gm, gd) = hijri_to_gregorian(y, month, day);
                ymd(gy, gm, gd)
            }
            (Some(d), false) => {
                let y = match dir {
                    Some(dir) => super::year_of_month(d, month, dir),
                    None => unwritten_year(t, i, end, d, month, Some(day)),
                };
                ymd(y, month, day)
            }
            (None, false) => format!("XXXX-{month:02}-{day:02}"),
            (None, true) => return None,
        }
    };
    Some(Found {
        end,
        skip,
        timex: date(value),
    })
}
