//! Date forms as news writes them, beyond the calendar forms of the parent
//! module: numeric month/year and day/month («11/2019», «03-2021», «في
//! 15/2», «في 2019/11»), decades («الثمانينيات», «سبعينيات القرن
//! الماضي»), quarters and halves («الربع الثالث من 2022», «النصف الثاني
//! من العام», «النصف الأول من القرن العشرين»), a day of a
//! relative month («الـ 15 من الشهر الماضي»), a season of a relative year
//! («صيف العام الماضي») and durations counted with a definite unit
//! («الأسابيع الثلاثة الماضية», «خلال العامين الماضيين»).

use std::sync::LazyLock;

use rustc_hash::FxHashMap as HashMap;

use super::{
    Found, UNITS, count_at, date, day_at, direction, duration_value, key, stems, unwritten_year,
    without_wa, ymd,
};
use crate::analysis::calendar::{add_days, add_months, days_in_month};
use crate::analysis::{DocDate, Text, Timex, TimexKind};

/// Words the forms of this file start with (folded), for the parent's
/// starters.
pub(super) fn starters() -> Vec<String> {
    let mut out: Vec<String> = DECADES.keys().cloned().collect();
    out.extend(DEFINITE_UNITS.keys().cloned());
    out.extend(
        [
            "ال",
            "الربع",
            "الثلاثي",
            "الثلاثية",
            "الثلث",
            "النصف",
            "القرن",
            "القرنين",
            "القرنان",
            "العقد",
            "الألفية",
            "مثل",
            "غداة",
            "عشية",
        ]
        .map(key),
    );
    out
}

/// The forms of this file at token `i`.
pub(super) fn at(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    numeric_partial(t, i, dct)
        .or_else(|| decade(t, i, dct))
        .or_else(|| century_or_decade(t, i, dct))
        .or_else(|| quarter_or_half(t, i, dct))
        .or_else(|| day_of_relative_month(t, i, dct))
        .or_else(|| season_of_relative_year(t, i, dct))
        .or_else(|| counted_duration(t, i))
        .or_else(|| age_without_unit(t, i))
        .or_else(|| this_day_of_another_year(t, i, dct))
        .or_else(|| eve_or_morrow(t, i, dct))
}

/// «في مثل هذا اليوم من عام 1967», «مثل هذا اليوم قبل 50 عاما», «مثل
/// هذا الوقت من العام الماضي», «في مثل هذا اليوم من كل عام»: the
/// document's day (or month) in another year.
fn this_day_of_another_year(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, _) = stems(t, i).into_iter().find(|(_, w)| *w == "مثل")?;
    if !matches!(t.key(i + 1), "هذا" | "هذه") {
        return None;
    }
    let day = match t.key(i + 2) {
        "اليوم" => true,
        "الشهر" | "الوقت" | "الفتره" => false,
        _ => return None,
    };
    let d = dct?;
    let k = i + 3;
    let year_word = |k: usize| super::is_year_word(t.key(k));
    let (year, end) = match (t.key(k), t.key(k + 1)) {
        // «من عام 1967».
        ("من", _) if year_word(k + 1) && t.is_number(k + 2) && t.key(k + 2).len() == 4 => {
            (Some(t.key(k + 2).parse::<i32>().ok()?), k + 3)
        }
        // «من العام الماضي».
        ("من", "العام" | "السنه") => (Some(d.year + direction(t.key(k + 2))?), k + 3),
        // «من كل عام»: every year.
        ("من", "كل") if year_word(k + 2) => (None, k + 3),
        // «قبل 50 عاما».
        ("قبل", _) => match super::amount_unit(t, k + 1, true)? {
            (Some(n), "Y", end) if n.fract() == 0.0 => (Some(d.year - n as i32), end),
            (Some(n), "DE", end) if n.fract() == 0.0 => (Some(d.year - 10 * n as i32), end),
            _ => return None,
        },
        _ => return None,
    };
    let month_day = match (day, d.day) {
        (true, Some(dd)) => format!("-{:02}-{dd:02}", d.month),
        (true, None) => return None,
        (false, _) => format!("-{:02}", d.month),
    };
    let timex = match year {
        Some(y) => {
            // 29 February in a year without one.
            if day && d.day.is_some_and(|dd| dd > days_in_month(y, d.month)) {
                return None;
            }
            date(format!("{y:04}{month_day}"))
        }
        None => Timex {
            value: format!("XXXX{month_day}"),
            kind: TimexKind::Set,
            modifier: None,
        },
    };
    Some(Found { end, skip, timex })
}

/// «غداة 11 سبتمبر» (the day after), «عشية عيد الميلاد» (the eve, the
/// day before): a day counted from a day named after it. «غداة
/// الانتخابات», an event with no date, is none.
fn eve_or_morrow(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, by) = stems(t, i).into_iter().find_map(|(s, w)| match w {
        "غداه" => Some((s, 1)),
        "عشيه" => Some((s, -1)),
        _ => None,
    })?;
    let f = super::core_at(t, i + 1, dct)?;
    let day = DocDate::parse(&f.timex.value).filter(|_| f.timex.kind == TimexKind::Date)?;
    let (y, m, dd) = add_days(day.year, day.month, day.day?, by);
    Some(Found {
        end: f.end,
        skip,
        timex: date(ymd(y, m, dd)),
    })
}

/// A direction word of any number and gender: «الماضي», «الماضية»,
/// «الماضيين», «الأخيرة», «المقبلين», «القادمة».
fn any_direction(k: &str) -> Option<i32> {
    direction(k).or_else(|| {
        let past = ["الماضي", "الاخير", "السابق", "الفايت", "المنصرم"];
        let next = ["المقبل", "القادم"];
        if past.iter().any(|p| k.starts_with(p)) {
            Some(-1)
        } else if next.iter().any(|p| k.starts_with(p)) {
            Some(1)
        } else {
            None
        }
    })
}

/// «11/2019», «03-2021» (month and year); «2019/11» (year and month),
/// «15/2» (day and month) and «15/2/22» (a year of two digits) after a
/// word that announces a date («في», «يوم», «بتاريخ», «منذ», «حتى»).
fn numeric_partial(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    numeric_day_month(t, i, dct, announced(t, i))
}

/// Whether the word before token `i` announces a date: «في», «يوم»,
/// «بتاريخ», «منذ», «حتى», «الموافق», «مساء», «صباح».
fn announced(t: &Text, i: usize) -> bool {
    i > 0
        && stems(t, i - 1).iter().any(|(_, w)| {
            matches!(
                w,
                "في" | "يوم"
                    | "بتاريخ"
                    | "تاريخ"
                    | "منذ"
                    | "حتي"
                    | "الموافق"
                    | "مساء"
                    | "صباح"
            )
        })
}

/// [`numeric_partial`]'s forms at token `i`, the day and month ones only
/// when `cue` says a date is announced (a weekday before them announces
/// one too: «الاثنين 9/10»).
pub(super) fn numeric_day_month(
    t: &Text,
    i: usize,
    dct: Option<DocDate>,
    cue: bool,
) -> Option<Found> {
    if !t.is_number(i) {
        return None;
    }
    let s = t.key(i);
    let parts: Vec<&str> = s.split(['/', '-']).collect();
    if !matches!(parts.len(), 2 | 3) || parts.iter().any(|p| p.is_empty() || p.contains('.')) {
        return None;
    }
    let a: u32 = parts[0].parse().ok()?;
    let b: u32 = parts[1].parse().ok()?;
    let found = |value: String| Found {
        end: i + 1,
        skip: 0,
        timex: date(value),
    };
    if parts.len() == 2 && parts[1].len() == 4 {
        let month_year = parts[0].len() <= 2 && (1..=12).contains(&a) && (1800..=2200).contains(&b);
        return month_year.then(|| found(format!("{b:04}-{a:02}")));
    }
    // «سيم أسقفا في 1992/6», «عام 1981/12»: the year first, after a cue.
    // «موسم 2004/05» and «1373/4» are two years.
    if parts.len() == 2 && parts[0].len() == 4 && parts[1].len() <= 2 {
        let cued = cue || (i > 0 && matches!(t.key(i - 1), "عام" | "سنه" | "العام"));
        let next_year = (a + 1) % 10u32.pow(parts[1].len() as u32);
        let year_month =
            cued && (1800..=2200).contains(&a) && (1..=12).contains(&b) && b != next_year;
        return year_month.then(|| found(format!("{a:04}-{b:02}")));
    }
    if !cue || parts[0].len() > 2 || parts[1].len() > 2 || !(1..=12).contains(&b) || a == 0 {
        return None;
    }
    // «في 15/2/22»: a year of two digits, this century's unless that would
    // be more than ten years ahead.
    if parts.len() == 3 {
        let yy: i32 = parts[2].parse().ok().filter(|_| parts[2].len() == 2)?;
        let now = dct.map_or(2030, |d| d.year);
        let y = if 2000 + yy <= now + 10 {
            2000 + yy
        } else {
            1900 + yy
        };
        return (a <= days_in_month(y, b)).then(|| found(ymd(y, b, a)));
    }
    // «في 15/2 الماضي» (as «15 فبراير الماضي»), «في 15/2 من العام
    // الماضي»: the year said after it.
    let (said, end) = match (direction(t.key(i + 1)), t.key(i + 1)) {
        (Some(dir), _) => (dct.map(|d| super::year_of_month(d, b, dir)), i + 2),
        // «في 3/4 من الحالات»: a fraction of something.
        (None, "من") => {
            let (y, end) = year_at(t, i + 2, dct)?;
            (y.parse().ok(), end)
        }
        _ => (None, i + 1),
    };
    let found = |value: String| Found {
        end,
        ..found(value)
    };
    match dct {
        Some(d) => {
            let y = said.unwrap_or_else(|| unwritten_year(t, i, i + 1, d, b, Some(a)));
            (a <= days_in_month(y, b)).then(|| found(ymd(y, b, a)))
        }
        None => (a <= 31).then(|| found(format!("XXXX-{b:02}-{a:02}"))),
    }
}

/// Decade words (folded, with and without the article, «-يات» and «-ات»)
/// and their tens digit.
static DECADES: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
    let tens = [
        ("عشرين", 2),
        ("ثلاثين", 3),
        ("أربعين", 4),
        ("خمسين", 5),
        ("ستين", 6),
        ("سبعين", 7),
        ("ثمانين", 8),
        ("تسعين", 9),
    ];
    let mut m = HashMap::default();
    for (stem, d) in tens {
        for form in [format!("{stem}يات"), format!("{stem}ات")] {
            m.insert(key(&form), d);
            m.insert(key(&format!("ال{form}")), d);
        }
    }
    m
});

/// «الثمانينيات» (the 1980s: «198»), «سبعينيات القرن الماضي», «تسعينيات
/// القرن العشرين». Without a century, the twentieth.
fn decade(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, tens) = stems(t, i)
        .iter()
        .find_map(|(s, w)| DECADES.get(w).map(|&d| (s, d)))?;
    let mut j = i + 1;
    // «في الخمسينيات من عمره»: an age, not the 1950s.
    if t.key(j) == "من" && of_a_life(t.key(j + 1)) {
        return None;
    }
    if t.key(j) == "من" && t.key(j + 1) == "القرن" {
        j += 1;
    }
    let (century, end) = if t.key(j) == "القرن" {
        match (t.key(j + 1), t.key(j + 2), t.key(j + 3)) {
            ("العشرين", ..) => (19, j + 2),
            ("التاسع", "عشر", _) => (18, j + 3),
            ("الثامن", "عشر", _) => (17, j + 3),
            ("الحادي", "والعشرين", _) => (20, j + 3),
            (k, ..) => match (any_direction(k), dct) {
                (Some(dir), Some(d)) => (d.year.div_euclid(100) + dir, j + 2),
                _ => (19, i + 1),
            },
        }
    } else {
        (19, i + 1)
    };
    Some(Found {
        end,
        skip,
        timex: date(format!("{century:02}{tens}")),
    })
}

/// «في الخامسة من عمره», «الثلاثين من عمرها», «الخامسة والستين من
/// العمر»: an age said without its unit, in years (a duration, as «85
/// عاما» is).
fn age_without_unit(t: &Text, i: usize) -> Option<Found> {
    let (n, end) = count_at(t, i, t.key(i), true)
        .or_else(|| ordinal_at(t, i).map(|(n, end, _)| (n.into(), end)))?;
    let of_age = t.key(end) == "من" && of_a_life(t.key(end + 1));
    // «العقد الخامس من عمره»: an ordinal of a noun before it, no age.
    let of_a_noun = i > 0 && t.key(i - 1).starts_with("ال");
    if !of_age || of_a_noun || n.fract() != 0.0 || !(1.0..=130.0).contains(&n) {
        return None;
    }
    Some(Found {
        end: end + 2,
        skip: 0,
        timex: Timex {
            value: duration_value("Y", Some(n)),
            kind: TimexKind::Duration,
            modifier: None,
        },
    })
}

/// «عمره», «عمرها», «العمر», «عمرهم»: a life's years, after «من».
fn of_a_life(k: &str) -> bool {
    k == "العمر" || k.starts_with("عمر") && k.len() <= "عمرهما".len()
}

/// An ordinal or number at `j` that counts periods or years: a day's,
/// but not «غرة», which is the first of a month only («القرن غرة» is no
/// first century).
fn ordinal_at(t: &Text, j: usize) -> Option<(u32, usize, usize)> {
    day_at(t, j).filter(|_| !t.key(j).ends_with("غره"))
}

/// Where an ordinal written in digits starts: past the article news gives
/// it («القرن الـ21», «القرن الـ 19»: «ال» a token of its own), else `j`.
fn digits_after_article(t: &Text, j: usize) -> usize {
    if t.key(j) == "ال" && t.is_number(j + 1) {
        j + 1
    } else {
        j
    }
}

/// A century by its ordinal or number at `j`: «الحادي والعشرين», «21»,
/// «الـ21» (1 to 21). Not a century of the Hijri era or before Christ,
/// which the calendar does not draw. (ordinal, next token).
fn century_number(t: &Text, j: usize) -> Option<(u32, usize)> {
    let (n, end, _) = ordinal_at(t, digits_after_article(t, j))?;
    if !(1..=21).contains(&n) || matches!(t.key(end), "الهجري" | "للهجره" | "ق.م" | "ق" | "قبل")
    {
        return None;
    }
    Some((n, end))
}

/// «القرن الحادي والعشرين» (TIMEX «20», the 2000s' century), «القرن 21»,
/// «القرن التاسع عشر», «القرن الماضي»; «العقد الأول من القرن الحادي
/// والعشرين» («200», the 2000s), «العقد الماضي» (reference §5.3).
fn century_or_decade(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, unit) = stems(t, i).iter().find_map(|(s, w)| match w {
        "الالفيه" => Some((s, 1000)),
        "القرن" => Some((s, 100)),
        // (2: two centuries, the dual.)
        "القرنين" | "القرنان" => Some((s, 2)),
        "العقد" => Some((s, 10)),
        _ => None,
    })?;
    if unit == 1000 {
        return millennium(t, i, skip, dct);
    }
    let found = |value: String, end: usize| Found {
        end,
        skip,
        timex: date(value),
    };
    // «القرنين السابع عشر والثامن عشر»: the first of the two, the second
    // read as a century listed after it ([`century_listed`]).
    if unit == 2 {
        let (n, end) = century_number(t, i + 1)?;
        century_listed(t, end)?;
        return Some(found(format!("{:02}", n - 1), end));
    }
    // «العقد السابق» is as often "the previous contract": a decade takes
    // only the directions a contract does not.
    let contract = |k: &str| {
        unit == 10
            && !matches!(
                k,
                "الماضي" | "المقبل" | "القادم" | "الحالي" | "الجاري" | "المنصرم"
            )
    };
    if let Some(dir) = direction(t.key(i + 1)).filter(|_| !contract(t.key(i + 1))) {
        let Some(d) = dct else {
            return Some(found(super::unanchored(dir.into()).to_owned(), i + 2));
        };
        // «القرن الماضي» in the first century is the first before Christ
        // («BC00»); no decade before the first.
        let value = match (unit, d.year.div_euclid(unit) + dir) {
            // (Not past the ninety-ninth century, which «100» would write
            // as a decade.)
            (100, c @ 0..=99) => format!("{c:02}"),
            (100, c @ ..0) => format!("BC{:02}", -c - 1),
            (10, c @ 0..=999) => format!("{c:03}"),
            _ => return None,
        };
        return Some(found(value, i + 2));
    }
    if unit == 100 {
        // «القرن الثاني قبل الميلاد», «القرن 17 ق.م»: the nth century
        // before Christ is «BC» and n - 1, as after him («BC01», 200 to
        // 101 BC).
        if let Some((n, end, _)) = ordinal_at(t, digits_after_article(t, i + 1))
            && let Some(bc_end) = super::bc_at(t, end).or_else(|| {
                (t.key(end) == "ق.م").then(|| end + 1 + usize::from(t.key(end + 1) == "."))
            })
        {
            return Some(found(format!("BC{:02}", n - 1), bc_end));
        }
        let (n, end) = century_number(t, i + 1)?;
        // «القرن الأول الميلادي»: the era said, in the span.
        let end = end + usize::from(matches!(t.key(end), "الميلادي" | "ميلادي" | "للميلاد" | "م"));
        return Some(found(format!("{:02}", n - 1), end));
    }
    // «العقد الأول من القرن الحادي والعشرين»: the decade's digit after the
    // century's (the first decade is the 2000s).
    // «العقد الأخير من القرن الماضي» is its tenth.
    let (n, j) = match t.key(i + 1) {
        "الاخير" => (10, i + 2),
        _ => ordinal_at(t, i + 1).map(|(n, j, _)| (n, j))?,
    };
    if !(1..=10).contains(&n) || t.key(j) != "من" || t.key(j + 1) != "القرن" {
        return None;
    }
    // «من القرن الماضي», «من القرن الحالي»: the century counted from the
    // document date.
    let (c, end) = century_number(t, j + 2).or_else(|| {
        let dir = direction(t.key(j + 2))?;
        let c = u32::try_from(dct?.year.div_euclid(100) + dir + 1).ok()?;
        (c >= 1).then_some((c, j + 3))
    })?;
    Some(found(format!("{:02}{}", c - 1, n - 1), end))
}

/// A century listed after one that ends before token `i`: «أو الثاني»
/// after «القرن الأول», «والثامن عشر» after «القرنين السابع عشر». (Its
/// ordinal, its first token, the bytes of its proclitic, its end.) Not a
/// day's ordinal, «والثامن من مارس».
pub(super) fn century_listed(t: &Text, i: usize) -> Option<(u32, usize, usize, usize)> {
    let j = i + usize::from(matches!(t.key(i), "او" | "و"));
    let (n, end, skip) = ordinal_at(t, j)?;
    let joined = if j > i {
        skip == 0
    } else {
        skip == 'و'.len_utf8() && t.key(j).starts_with('و')
    };
    if !joined
        || t.is_number(j)
        || !(1..=21).contains(&n)
        || t.key(end) == "من"
        || super::month_at(t, end).is_some()
    {
        return None;
    }
    Some((n, j, skip, end))
}

/// «الألفية الثالثة» (TIMEX «2», the years 2000 to 2999), «الألفية
/// الثانية قبل الميلاد» («BC1»; the fourth and later are before Christ
/// without the era said), «الألفية الجديدة», «الألفية الماضية» (counted
/// from the document date). «الألفية» alone («أهداف الألفية») is none.
fn millennium(t: &Text, i: usize, skip: usize, dct: Option<DocDate>) -> Option<Found> {
    let found = |value: String, end: usize| Found {
        end,
        skip,
        timex: date(value),
    };
    let next = t.key(i + 1);
    if let Some(dir) = direction(next).or((next == "الجديده").then_some(0)) {
        let c = dct?.year.div_euclid(1000) + dir;
        return (0..=9).contains(&c).then(|| found(c.to_string(), i + 2));
    }
    let (n, end, 0) = ordinal_at(t, i + 1)? else {
        return None;
    };
    if !(1..=10).contains(&n) || matches!(t.key(end), "الهجريه" | "للهجره") {
        return None;
    }
    let bc = |k: usize| {
        let k = k + usize::from(t.key(k) == "ما");
        super::bc_at(t, k)
            .or_else(|| (t.key(k) == "ق.م").then(|| k + 1 + usize::from(t.key(k + 1) == ".")))
    };
    if let Some(bc_end) = bc(end) {
        return Some(found(format!("BC{}", n - 1), bc_end));
    }
    // «بين الألفية الثالثة والألفية الثانية قبل الميلاد»: the era said
    // once for both.
    let mut k = end;
    if matches!(t.key(k), "الي" | "حتي" | "و") {
        k += 1;
    }
    let second = stems(t, k).iter().any(|(_, w)| w == "الالفيه")
        && ordinal_at(t, k + 1).is_some_and(|(_, e, _)| bc(e).is_some());
    // The fourth millennium after Christ is yet to come: «الألفية
    // الرابعة» is before him.
    if second || n >= 4 {
        return Some(found(format!("BC{}", n - 1), end));
    }
    let end = end + usize::from(matches!(t.key(end), "الميلاديه" | "للميلاد" | "م"));
    Some(found((n - 1).to_string(), end))
}

/// A year at `j`: «2022», «عام 2022», «العام» or «هذا العام» (the
/// document's), «العام الماضي» or «العام المقبل». (year as TIMEX digits,
/// «XXXX» for a relative year with no document date; next token).
fn year_at(t: &Text, j: usize, dct: Option<DocDate>) -> Option<(String, usize)> {
    let number = |k: usize| -> Option<i32> {
        (t.is_number(k) && t.key(k).len() == 4)
            .then(|| t.key(k).parse().ok())
            .flatten()
    };
    let year = |y: i32| format!("{y:04}");
    if let Some(y) = number(j) {
        return Some((year(y), j + 1));
    }
    // «عام 2019», «لعام 2022», «للسنة 2021»; a fiscal year named by its
    // year, «السنة المالية 2022», «العام المالي 2022», is that year.
    let said = matches!(
        t.key(j),
        "عام" | "سنه" | "العام" | "السنه" | "لعام" | "للعام" | "لسنه" | "للسنه"
    );
    if said {
        let k = if matches!(t.key(j + 1), "المالي" | "الماليه") {
            j + 2
        } else {
            j + 1
        };
        if let Some(y) = number(k) {
            return Some((year(y), k + 1));
        }
    }
    let (j, this) = if matches!(t.key(j), "هذا" | "هذه") {
        (j + 1, true)
    } else {
        (j, false)
    };
    if !matches!(t.key(j), "العام" | "السنه" | "للعام" | "للسنه") {
        return None;
    }
    // «العام قبل الماضي», «العام بعد المقبل»: two years off.
    let (dir, end) = match (t.key(j + 1), any_direction(t.key(j + 2))) {
        ("قبل", Some(-1)) if !this => (Some(-2), j + 3),
        ("بعد", Some(1)) if !this => (Some(2), j + 3),
        (next, _) => match any_direction(next).filter(|_| !this) {
            Some(dir) => (Some(dir), j + 2),
            None => (None, j + 1),
        },
    };
    // «الربع الأول من السنة المالية»: a fiscal year without its number
    // is not the calendar's.
    if matches!(t.key(end), "المالي" | "الماليه") {
        return None;
    }
    match dct {
        Some(d) => Some((year(d.year + dir.unwrap_or(0)), end)),
        None => Some(("XXXX".to_owned(), end)),
    }
}

/// «الربع الثالث من 2022» («2022-Q3»), «النصف الثاني من العام» («2024-H2»),
/// «الربع الأخير من العام الماضي»; «الثلث الأخير من العام» (the year, END);
/// «النصف الأول من القرن العشرين», «الربع الأخير من القرن الماضي» (the
/// century, START and END).
fn quarter_or_half(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, parts) = stems(t, i).iter().find_map(|(s, w)| match w {
        // «الثلاثي الأول», «الثلاثية الثانية»: the Maghreb's quarters.
        "الربع" | "الثلاثي" | "الثلاثيه" => Some((s, 4)),
        "الثلث" => Some((s, 3)),
        "النصف" => Some((s, 2)),
        _ => None,
    })?;
    // «الربع الماضي», «الربع المقبل», «الربع الحالي»: a quarter counted
    // from the document's.
    if parts == 4
        && let Some(dir) = direction(t.key(i + 1))
        && let Some(d) = dct
    {
        let q = (d.year * 4 + (d.month as i32 - 1) / 3) + dir;
        return Some(Found {
            end: i + 2,
            skip,
            timex: date(format!("{:04}-Q{}", q.div_euclid(4), q.rem_euclid(4) + 1)),
        });
    }
    let n = match t.key(i + 1) {
        "الاول" | "الاولي" => 1,
        "الثاني" | "الاوسط" if parts == 3 => 2,
        "الثاني" | "الثانيه" => 2,
        "الثالث" | "الثالثه" if parts >= 3 => 3,
        "الرابع" | "الرابعه" if parts == 4 => 4,
        "الاخير" | "الاخيره" => parts,
        _ => return None,
    };
    let j = if t.key(i + 2) == "من" { i + 3 } else { i + 2 };
    // A century or decade: no TIMEX value for its parts, so the period
    // with where in it («النصف الأول من القرن العشرين»: `19`, START).
    let period = || {
        let f = super::core_at(t, j, dct)?;
        let period = f.timex.kind == TimexKind::Date
            && f.timex.modifier.is_none()
            && matches!(f.timex.value.len(), 2 | 3)
            && f.timex.value.bytes().all(|b| b.is_ascii_digit());
        period.then_some((f.timex.value, f.end))
    };
    let place = match (parts, n) {
        (_, 1) => "START",
        (2, _) | (3, 3) | (4, 4) => "END",
        _ => "MID",
    };
    let placed = |(value, end): (String, usize)| Found {
        end,
        skip,
        timex: Timex {
            modifier: Some(place),
            ..date(value)
        },
    };
    // A third has no TIMEX value of its own either: the year, with where
    // in it («الثلث الأخير من العام»: END).
    if parts == 3 {
        return year_at(t, j, dct).or_else(period).map(placed);
    }
    let letter = if parts == 4 { 'Q' } else { 'H' };
    let Some((year, end)) = year_at(t, j, dct) else {
        return period()
            .map(placed)
            .or_else(|| this_years_part(t, i, dct?, (letter, n, parts), skip));
    };
    Some(Found {
        end,
        skip,
        timex: date(format!("{year}-{letter}{n}")),
    })
}

/// Words of a sentence about a business's or an economy's accounts, in
/// which «الربع الثالث» alone is a quarter of the year (keys: tier A
/// folds alef and teh marbuta, not the hamza on yeh).
const ACCOUNTS: &[&str] = &[
    "ارباح",
    "الارباح",
    "ارباحا",
    "مبيعات",
    "المبيعات",
    "ايرادات",
    "الايرادات",
    "خسائر",
    "الخسائر",
    "النمو",
    "نمو",
    "الناتج",
    "التضخم",
    "صادرات",
    "الصادرات",
    "الاقتصاد",
    "الشركه",
    "الشركات",
    "اسهم",
    "الاسهم",
    "عائدات",
    "العائدات",
    "الانتاج",
];

/// «ارتفعت الأرباح في الربع الثالث», «النصف الأول» among words of
/// accounts (twelve tokens either side): a quarter or half of the
/// document's year, or of the year
/// after or before when the verb looks forward to one that has passed or
/// back to one to come. Elsewhere («الربع الثالث من المباراة») none.
fn this_years_part(
    t: &Text,
    i: usize,
    d: DocDate,
    (letter, n, parts): (char, u32, u32),
    skip: usize,
) -> Option<Found> {
    if t.key(i + 2) == "من" || t.key(i + 2) == "ال" {
        return None;
    }
    let mut near = i.saturating_sub(12)..(i + 12).min(t.tokens.len());
    if !near.any(|k| ACCOUNTS.contains(&t.key(k))) {
        return None;
    }
    let now = (d.month - 1) * parts / 12 + 1;
    let year = match super::tense::at(t, i, i + 2) {
        Some(super::tense::Tense::Future) if n < now => d.year + 1,
        Some(super::tense::Tense::Past) if n > now => d.year - 1,
        _ => d.year,
    };
    Some(Found {
        end: i + 2,
        skip,
        timex: date(format!("{year:04}-{letter}{n}")),
    })
}

/// «الـ 15 من الشهر الماضي», «العاشر من الشهر الجاري», «في 3 من الشهر
/// المقبل»: a day of the document's month or of the month before or after.
/// After a word that announces a date, news leaves the month out: «يوم 20
/// الجاري», «في 15 الماضي», «منذ 3 المنصرم».
pub(super) fn day_of_relative_month(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    // «بين 10 و15 الجاري»: the second day of a pair is announced by the
    // first.
    let second =
        i >= 2 && matches!(t.key(i - 1), "و" | "الي" | "حتي" | "-" | "–") && t.is_number(i - 2);
    day_of_said_month(t, i, dct, second || announced(t, i))
}

/// [`day_of_relative_month`], the month left out only when `cue` (or the
/// word before) announces a date; a weekday before the day announces one
/// too: «الأحد 20 الجاري».
pub(super) fn day_of_said_month(
    t: &Text,
    i: usize,
    dct: Option<DocDate>,
    cue: bool,
) -> Option<Found> {
    let start = digits_after_article(t, i);
    let (day, mut j, skip) = day_at(t, start)?;
    // The month is masculine: «20 الجاري», not «الـ20 الماضية» (twenty
    // of something counted).
    let left_out = match t.key(j) {
        "الجاري" | "الحالي" => Some(0),
        "الماضي" | "المنصرم" | "المنقضي" | "الفائت" => Some(-1),
        "المقبل" | "القادم" => Some(1),
        _ => None,
    }
    .filter(|_| t.is_number(start) && (cue || announced(t, i)));
    let (dir, end) = match left_out {
        Some(dir) => (dir, j + 1),
        None => {
            if t.key(j) == "من" {
                j += 1;
            }
            // «الـ 20 من هذا الشهر».
            let this = matches!(t.key(j), "هذا" | "هذه");
            if this {
                j += 1;
            }
            if t.key(j) != "الشهر" {
                return None;
            }
            match any_direction(t.key(j + 1)).filter(|_| !this) {
                Some(dir) => (dir, j + 2),
                None => (0, j + 1),
            }
        }
    };
    let Some(d) = dct else {
        // No document date: that day of a month not known.
        return (day <= 31).then(|| Found {
            end,
            skip: if start > i { 0 } else { skip },
            timex: date(format!("XXXX-XX-{day:02}")),
        });
    };
    let (y, m) = add_months(d.year, d.month, dir);
    if day > days_in_month(y, m) {
        return None;
    }
    Some(Found {
        end,
        skip: if start > i { 0 } else { skip },
        timex: date(ymd(y, m, day)),
    })
}

/// «صيف العام الماضي», «شتاء هذا العام», «ربيع العام المقبل».
fn season_of_relative_year(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, code) = stems(t, i).iter().find_map(|(s, w)| match w {
        "صيف" => Some((s, "SU")),
        "شتاء" => Some((s, "WI")),
        "خريف" => Some((s, "FA")),
        "ربيع" => Some((s, "SP")),
        _ => None,
    })?;
    // «صيف 2014» is the parent's; here «صيف عام 2019» and a year said in
    // words.
    if t.is_number(i + 1) {
        return None;
    }
    let (year, end) = year_at(t, i + 1, dct)?;
    Some(Found {
        end,
        skip,
        timex: date(format!("{year}-{code}")),
    })
}

/// Definite time units, plural (no count) or dual (two): «الأسابيع»,
/// «العامين». (TIMEX unit, count of a dual).
static DEFINITE_UNITS: LazyLock<HashMap<String, (&'static str, Option<u32>)>> =
    LazyLock::new(|| {
        let rows: &[(&str, &str, Option<u32>)] = &[
            ("الأيام", "D", None),
            ("اليومين", "D", Some(2)),
            ("الأسابيع", "W", None),
            ("الأسبوعين", "W", Some(2)),
            ("الأشهر", "M", None),
            ("الشهور", "M", None),
            ("الشهرين", "M", Some(2)),
            ("السنوات", "Y", None),
            ("السنين", "Y", None),
            ("الأعوام", "Y", None),
            ("العامين", "Y", Some(2)),
            ("السنتين", "Y", Some(2)),
            ("العقود", "DE", None),
            ("العقدين", "DE", Some(2)),
            ("الساعات", "TH", None),
            ("الساعتين", "TH", Some(2)),
            ("الدقائق", "TM", None),
        ];
        rows.iter().map(|(w, u, n)| (key(w), (*u, *n))).collect()
    });

/// «الأسابيع الثلاثة الماضية» (P3W), «العامين الماضيين» (P2Y), «الأيام
/// العشرة الأخيرة», «خلال الأشهر الستة المقبلة», «الساعات الأربع
/// والعشرين الماضية», «الأشهر الـ18 الماضية»: a definite unit, its count
/// as a definite number (a dual is two), then a direction, or after
/// «خلال», «طوال» or «منذ». The count may come first, before an indefinite
/// unit, with or without a direction: «الـ24 ساعة الماضية», «الثلاث سنوات
/// الأخيرة», «في الثماني والأربعين ساعة التي سبقت».
fn counted_duration(t: &Text, i: usize) -> Option<Found> {
    let (skip, unit, count, next, count_first) = match stems(t, i)
        .iter()
        .find_map(|(s, w)| DEFINITE_UNITS.get(w).map(|&(u, n)| (s, u, n)))
    {
        Some((skip, unit, Some(n))) => (skip, unit, n as f64, i + 1, false),
        Some((skip, unit, None)) => {
            let (count, next) = count_at(t, i + 1, t.key(i + 1), true)?;
            (skip, unit, count, next, false)
        }
        None => {
            let (skip, first) = without_wa(t.key(i));
            let (count, k) = count_at(t, i, first, true)?;
            let &(unit, None, _) = UNITS.get(t.key(k))? else {
                return None;
            };
            (skip, unit, count, k + 1, true)
        }
    };
    let cue = i > 0
        && stems(t, i - 1)
            .iter()
            .any(|(_, w)| matches!(w, "خلال" | "طوال" | "منذ" | "مدي"));
    // «الأيام العشرة الأولى من الشهر المقبل»: the first ones of a period
    // (which is its own date), not a day «الأولى».
    let first = matches!(t.key(next), "الاولي" | "الاول" | "الاوائل");
    let end = match any_direction(t.key(next)) {
        Some(_) => next + 1,
        None if first => next + 1,
        None if cue || count_first => next,
        None => return None,
    };
    Some(Found {
        end,
        skip,
        timex: Timex {
            value: duration_value(unit, Some(count)),
            kind: TimexKind::Duration,
            modifier: None,
        },
    })
}
