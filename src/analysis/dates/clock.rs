//! Times of day (reference §3.3, §7.2): a part of a day before or after
//! the day, «صباح السبت» (`2023-10-07TMO`), «مساء أمس», «أمس مساء», «ظهر
//! أمس»; and the clock, «الساعة 14:30», «الساعة العاشرة صباحا», «الساعة
//! الثالثة والنصف بعد الظهر», «السابعة إلا ربعا مساء», «التاسعة وعشر
//! دقائق», «الساعة 9 م», and digits without «الساعة» after a word that
//! announces a time («في 9 مساء», «عند 11:30»), on the day written after
//! it or else the document's day. «حتى الساعة» with no hour is «so far»
//! (`PRESENT_REF`).

use super::{Found, core_at, day_at, stems, without_wa};
use crate::analysis::calendar::add_days;
use crate::analysis::lexicon::WEEKDAY;
use crate::analysis::{DocDate, Text, Timex, TimexKind};

/// The TIMEX part-of-day code of a word (HeidelTime's, reference §3.3).
pub(super) fn part_of_day(w: &str) -> Option<&'static str> {
    Some(match w {
        "صباح" | "فجر" | "ضحي" | "صبيحه" => "MO",
        // Not «ظهر»: «ظهر اليوم» is as often "appeared today".
        "ظهيره" => "MD",
        "عصر" => "AF",
        "مساء" | "ليل" => "NI",
        _ => return None,
    })
}

fn time(value: String) -> Timex {
    Timex {
        value,
        kind: TimexKind::Time,
        modifier: None,
    }
}

/// The document's day as a value, or a day not known (`XXXX-XX-XX`).
pub(super) fn document_day(dct: Option<DocDate>) -> String {
    match dct.and_then(|d| Some((d, d.day?))) {
        Some((d, day)) => super::ymd(d.year, d.month, day),
        None => "XXXX-XX-XX".to_owned(),
    }
}

/// Whether `value` names one day of the calendar («2023-10-07»).
fn one_day(value: &str) -> bool {
    value.len() == 10 && value.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

/// A time of day at token `i`.
pub(super) fn at(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    tonight(t, i, dct)
        .or_else(|| midnight(t, i, dct))
        .or_else(|| part_then_day(t, i, dct))
        .or_else(|| clock(t, i, dct, None))
}

/// «الليلة» (tonight), «الليلة الماضية», «ليلة أمس», «ليلة البارحة»: the
/// night of the document's day or of the day before (`2023-10-07TNI`).
/// «ليلة الأحد» is left to the day (which night it means is not sure).
fn tonight(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, w) = stems(t, i)
        .into_iter()
        .find(|(_, w)| matches!(*w, "الليله" | "ليله"))?;
    let (back, end) = match (w, t.key(i + 1)) {
        ("الليله", "الماضيه" | "الفايته" | "المنصرمه") => (1, i + 2),
        ("الليله", "المقبله" | "القادمه") => (-1, i + 2),
        ("الليله", _) => (0, i + 1),
        ("ليله", "امس" | "الامس" | "البارحه") => (1, i + 2),
        _ => return None,
    };
    let d = dct?;
    let day = d.day?;
    let (y, m, dd) = add_days(d.year, d.month, day, -back);
    Some(Found {
        end,
        skip,
        timex: time(format!("{}TNI", super::ymd(y, m, dd))),
    })
}

/// «منتصف ليل الأحد», «عند منتصف الليل»: midnight, the end of the day
/// named or else of the document's (`2023-10-08T24:00`, reference §3.3's
/// recommendation).
fn midnight(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let (skip, head) = without_wa(t.key(i));
    if head != "منتصف" {
        return None;
    }
    let (day, end) = match t.key(i + 1) {
        "ليل" => {
            let f = core_at(t, i + 2, dct)?;
            (f.timex.kind == TimexKind::Date && one_day(&f.timex.value)).then_some(())?;
            (f.timex.value, f.end)
        }
        "الليل" => (document_day(dct), i + 2),
        _ => return None,
    };
    Some(Found {
        end,
        skip,
        timex: time(format!("{day}T24:00")),
    })
}

/// «صباح السبت», «مساء يوم الجمعة الماضي», «فجر اليوم», «بعد ظهر أمس»,
/// «ظهر اليوم», «قبل ظهر أمس» (the morning): the part of the day a date
/// of one day names.
fn part_then_day(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    // «بعد ظهر أمس»: the afternoon. («ظهر» is not in [`part_of_day`],
    // which reads a part after an hour too; before a day, below, it is
    // noon.)
    let (conj, head) = without_wa(t.key(i));
    if let Some(f) = night_between(t, i, dct) {
        return Some(f);
    }
    let (skip, code, mut j) = if head == "بعد" && t.key(i + 1) == "ظهر" {
        (conj, "AF", i + 2)
    } else if head == "قبل" && t.key(i + 1) == "ظهر" {
        (conj, "MO", i + 2)
    } else if t.key(i) == "ظهر"
        && i > 0
        && t.is_word(i - 1)
        && !matches!(
            t.key(i - 1),
            "قد" | "وقد"
                | "لقد"
                | "ثم"
                | "كما"
                | "حين"
                | "عندما"
                | "بعدما"
                | "لما"
                | "ما"
                | "لم"
        )
    {
        // «ظهر أمس», «في ظهر الخميس», «ظهر يوم 31 أغسطس»: before a day,
        // noon, as news writes it far more often than «appeared». Not
        // where the verb is: first in its sentence («ظهر اليوم الرئيس
        // في»), after a particle («وقد ظهر أمس») or with «و» («وظهر أمس
        // في مقابلة»).
        (0, "MD", i + 1)
    } else {
        let (skip, code) = stems(t, i)
            .iter()
            .find_map(|(s, w)| part_of_day(w).map(|c| (s, c)))?;
        (skip, code, i + 1)
    };
    // «مساء يوم الجمعة الماضي».
    if t.key(j) == "يوم" {
        j += 1;
    }
    let day = core_at(t, j, dct)?;
    if day.timex.kind != TimexKind::Date || !one_day(&day.timex.value) {
        return None;
    }
    Some(Found {
        end: day.end,
        skip,
        timex: time(format!("{}T{code}", day.timex.value)),
    })
}

/// «ليل السبت - الأحد», «ليلة الخميس إلى الجمعة», «ليل الأحد الاثنين»:
/// the night between two days that follow each other, one time at the
/// first day's night (`2023-10-07TNI`). «ليلة الأحد» alone is left to the
/// day: which night it means is not sure, the one before or after.
fn night_between(t: &Text, i: usize, dct: Option<DocDate>) -> Option<Found> {
    let skip = stems(t, i)
        .iter()
        .find_map(|(s, w)| matches!(w, "ليل" | "ليله").then_some(s))?;
    let weekday = |k: usize| WEEKDAY.get(t.key(k)).copied();
    let first = weekday(i + 1)?;
    let mut k = i + 2;
    if matches!(t.key(k), "-" | "–" | "/" | "الي" | "علي") {
        k += 1;
    }
    if weekday(k)? != first % 7 + 1 {
        return None;
    }
    let day = core_at(t, i + 1, dct)?;
    if day.end != i + 2 || day.timex.kind != TimexKind::Date || !one_day(&day.timex.value) {
        return None;
    }
    Some(Found {
        end: k + 1,
        skip,
        timex: time(format!("{}TNI", day.timex.value)),
    })
}

/// «الساعة 14:30», «الساعة العاشرة صباحا», «الساعة الثالثة والنصف مساء
/// أمس», «الساعة 6:15 صباح الثلاثاء», «الساعة الـ10 صباحا»; without
/// «الساعة», an hour said with its part of the day: «العاشرة صباحا»,
/// «الثامنة من مساء أمس»; «حتى الساعة» (so far). `given`: the day, and
/// the part of it, said before the hour ([`hour_after`]).
fn clock(
    t: &Text,
    i: usize,
    dct: Option<DocDate>,
    given: Option<(&str, Option<&str>)>,
) -> Option<Found> {
    let said = stems(t, i)
        .iter()
        .find_map(|(s, w)| (w == "الساعه").then_some(s));
    // «من الساعة 8 صباحا حتى 5 مساء»: the second hour of a range, in
    // digits, its «الساعة» said before it; its part of the day needed.
    let range = said.is_none()
        && t.is_number(i)
        && i > 0
        && matches!(t.key(i - 1), "حتي" | "الي")
        && (i.saturating_sub(6)..i).any(|k| t.key(k) == "الساعه");
    // Without «الساعة», an hour word alone, its part of the day needed;
    // or digits after a word that announces a time («في 9 مساء», «عند
    // 11:30», «في تمام الـ9:49 صباحا»): a plain number with its part of
    // the day, an hour with its minutes alone or with its part.
    let announced = |k: usize| k < i && announces_time(t.key(k));
    let cued = announced(i.wrapping_sub(1)) || (i > 1 && t.key(i - 1) == "ال" && announced(i - 2));
    let (skip, mut j, needs_part) = match said {
        Some(skip) => (skip, i + 1, false),
        None if range => (0, i, false),
        None if t.is_word(i) => (0, i, true),
        None => {
            let (h, m) = t.key(i).split_once(':').unwrap_or((t.key(i), ""));
            let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
            match m.len() {
                0 if cued && digits(h) && h.len() <= 2 => (0, i, true),
                // Not «حوالي 1:42 مليون», a ratio.
                2 if digits(h)
                    && digits(m)
                    && h.len() <= 2
                    && crate::analysis::numbers::scale_of(t.key(i + 1)).is_none() =>
                {
                    (0, i, !cued)
                }
                _ => return None,
            }
        }
    };
    // «الساعة الـ10»: the article written apart.
    if !needs_part && t.key(j) == "ال" && t.is_number(j + 1) {
        j += 1;
    }
    let (mut hour, mut minute, mut k) = if needs_part && !t.is_number(j) {
        let (h, end, skip) = hour_word(t, j)?;
        // An hour is feminine («العاشرة», not «النصف الثاني من العصر»,
        // an era), and one o'clock is «الواحدة» («الساعات الأولى من صباح
        // أمس» are the first hours).
        if skip > 0 || !t.key(j).ends_with('ه') || t.key(j) == "الاولي" {
            return None;
        }
        (h, 0, end)
    } else if t.is_number(j) {
        let s = t.key(j);
        let (h, m) = match s.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (h.parse().ok()?, m.parse().ok()?),
            Some(_) => return None,
            // «الساعة 0940 بتوقيت جرينتش», as news agencies write the
            // hour and minute of markets.
            None if s.len() == 4 && zone_at(t, j + 1).is_some() => {
                (s.get(..2)?.parse().ok()?, s.get(2..)?.parse().ok()?)
            }
            None => (s.parse().ok()?, 0),
        };
        (h, m, j + 1)
    } else if let Some((h, end, _)) = hour_word(t, j) {
        (h, 0, end)
    } else {
        // «حتى الساعة»: until now.
        return (i > 0 && t.key(i - 1) == "حتي").then(|| Found {
            end: i + 1,
            skip,
            timex: super::reference("PRESENT_REF"),
        });
    };
    if hour > 24 || minute > 59 || (needs_part && hour > 12) {
        return None;
    }
    // «والنصف», «إلا ربعا», «وعشر دقائق»: minutes said after the hour;
    // `less` those said before it.
    let mut less = 0;
    if minute == 0
        && let Some((m, end)) = minutes_after(t, k)
    {
        (minute, k) = (m.max(0) as u32, end);
        less = (-m).max(0) as u32;
    }
    // A part of the day after the hour: afternoon and evening hours are
    // past noon.
    // «العاشرة من صباح اليوم», «الثانية من فجر الاثنين»: the part of a
    // day named after it.
    let part_of = (t.key(k) == "من")
        .then(|| stems(t, k + 1).iter().find_map(|(_, w)| part_of_day(w)))
        .flatten();
    let pm = match (t.key(k), t.key(k + 1)) {
        ("صباحا" | "فجرا", _) => Some((false, k + 1)),
        ("ظهرا" | "عصرا" | "مساء" | "مساءا" | "ليلا", _) => {
            Some((true, k + 1))
        }
        // «الساعة 9 م», «8:30 ص»: the letters of a.m. and p.m., read only
        // after «الساعة» or an hour with its minutes («م» is also metres
        // and the common era).
        ("ص", _) if said.is_some() || t.key(j).contains(':') => Some((false, k + 1)),
        ("م", _) if said.is_some() || t.key(j).contains(':') => Some((true, k + 1)),
        ("بعد", "الظهر") => Some((true, k + 2)),
        // «الواحدة بعد منتصف الليل»: the small hours.
        ("بعد", "منتصف") if t.key(k + 2) == "الليل" => Some((false, k + 3)),
        _ => match part_of {
            Some(code) => Some((past_noon(code, hour), k + 2)),
            // «الساعة 6:15 صباح الثلاثاء»: the part of the day named
            // after the hour, its day read below.
            None if given.is_none() => stems(t, k)
                .iter()
                .find_map(|(_, w)| part_of_day(w))
                .filter(|_| {
                    core_at(t, k + 1, dct)
                        .is_some_and(|f| f.timex.kind == TimexKind::Date && one_day(&f.timex.value))
                })
                .map(|code| (past_noon(code, hour), k + 1)),
            None => None,
        },
    };
    // «الثانية عشرة ليلا», «12 مساء»: midnight, the end of the day (as
    // «منتصف الليل»), not noon.
    let night = matches!(t.key(k), "مساء" | "مساءا" | "ليلا")
        || part_of == Some("NI")
        || (pm.is_none() && matches!(given, Some((_, Some("NI")))));
    if night && hour == 12 && minute == 0 {
        hour = 24;
    }
    if let Some((after_noon, end)) = pm {
        if after_noon && hour < 12 {
            hour += 12;
        }
        k = end;
    } else if needs_part || range {
        return None;
    } else if let Some((_, Some(code))) = given
        && past_noon(code, hour)
        && hour < 12
    {
        // «مساء أمس عند الساعة التاسعة»: the evening's nine.
        hour += 12;
    }
    if less > 0 {
        let at = (hour * 60 + minute).checked_sub(less)?;
        (hour, minute) = (at / 60, at % 60);
    }
    // The zone is read as written: the value is the hour said.
    if let Some(end) = zone_at(t, k) {
        k = end;
    }
    // The day: the one said before, or one written after the time, or the
    // document's.
    // «الساعة 7:22 يوم 15 أبريل», «من صباح يوم الأربعاء».
    let on = if t.key(k) == "يوم" { k + 1 } else { k };
    let (day, end) = match (given, core_at(t, on, dct)) {
        (Some((day, _)), _) => (day.to_owned(), k),
        (None, Some(f)) if f.timex.kind == TimexKind::Date && one_day(&f.timex.value) => {
            (f.timex.value, f.end)
        }
        _ => (said_day(t, i, dct).unwrap_or_else(|| document_day(dct)), k),
    };
    // «حوالي الساعة الثالثة»: about then.
    let about = i > 0 && matches!(t.key(i - 1), "حوالي" | "نحو" | "قرابه");
    Some(Found {
        end,
        skip,
        timex: Timex {
            modifier: about.then_some("APPROX"),
            ..time(format!("{day}T{hour:02}:{minute:02}"))
        },
    })
}

/// An hour said in words at `j`, one to twelve: (hour, end, proclitic
/// bytes). «الحادية عشر», «الثانية عشر» (the ten written masculine, as
/// often as «عشرة») are eleven and twelve, not one and two.
fn hour_word(t: &Text, j: usize) -> Option<(u32, usize, usize)> {
    match (t.key(j), t.key(j + 1)) {
        ("الحاديه", "عشر") => return Some((11, j + 2, 0)),
        ("الثانيه", "عشر") => return Some((12, j + 2, 0)),
        _ => {}
    }
    day_at(t, j).filter(|d| (1..=12).contains(&d.0))
}

/// The day said earlier in the clause of the hour at `i` («أمس»,
/// «الخميس», «5 مايو»): «فرض حظر التجول أمس اعتبارا من الساعة 22:00»
/// is yesterday's 22:00. (Not «اليوم التالي»: no date of its own.)
fn said_day(t: &Text, i: usize, dct: Option<DocDate>) -> Option<String> {
    for k in (i.saturating_sub(10)..i).rev() {
        if !t.is_word(k) && !t.is_number(k) {
            return None;
        }
        if let Some(f) = super::core_at(t, k, dct)
            && f.end <= i
            && f.timex.kind == TimexKind::Date
            && one_day(&f.timex.value)
        {
            return Some(f.timex.value);
        }
    }
    None
}

/// Whether word `k` before digits announces a time («في 9 مساء», «عند
/// 11:30», «من 08:00 وحتى 18:00»).
fn announces_time(k: &str) -> bool {
    matches!(
        without_wa(k).1,
        "في" | "عند"
            | "تمام"
            | "حوالي"
            | "نحو"
            | "قرابه"
            | "منذ"
            | "حتي"
            | "من"
            | "الي"
            | "بعد"
            | "قبل"
    )
}

/// Minutes said after an hour that ends before `k`: «والنصف» 30, «والربع»
/// 15, «والثلث» 20, «وعشر دقائق» 10, «و 25 دقيقة»; negative before it:
/// «إلا ربعا» -15, «إلا ثلثا» -20, «إلا خمس دقائق» -5. The token after
/// them.
fn minutes_after(t: &Text, k: usize) -> Option<(i32, usize)> {
    let counted = |i: usize, first: &str| -> Option<(i32, usize)> {
        let (n, end) = super::count_at(t, i, first, false)?;
        let minutes = super::UNITS.get(t.key(end)).is_some_and(|u| u.0 == "TM");
        (minutes && n.fract() == 0.0 && (1.0..60.0).contains(&n)).then_some((n as i32, end + 1))
    };
    let w = t.key(k);
    match w {
        "والنصف" => Some((30, k + 1)),
        "والربع" => Some((15, k + 1)),
        "والثلث" => Some((20, k + 1)),
        "الا" => match t.key(k + 1) {
            "ربعا" | "ربع" => Some((-15, k + 2)),
            "ثلثا" | "ثلث" => Some((-20, k + 2)),
            next => counted(k + 1, next).map(|(n, end)| (-n, end)),
        },
        "و" => counted(k + 1, t.key(k + 1)),
        _ => counted(k, w.strip_prefix('و')?),
    }
}

/// Whether an hour said in part of the day `code` is past noon: the
/// afternoon's and evening's are, and the night's from six (its hours
/// before six are past midnight).
fn past_noon(code: &str, hour: u32) -> bool {
    matches!(code, "MD" | "AF" | "EV") || (code == "NI" && hour >= 6)
}

/// A day, or a part of a day, then its hour: «في 7 أكتوبر 2023 الساعة
/// 6:30 صباحا», «غدا في الثالثة عصرا», «الخميس المقبل الساعة 8 مساء»,
/// «مساء أمس عند الساعة التاسعة» (`2023-10-07T21:00`), one time on that
/// day. Any other match as it was.
pub(super) fn hour_after(t: &Text, f: Found, dct: Option<DocDate>) -> Found {
    let v = f.timex.value.as_str();
    let (day, part) = match f.timex.kind {
        TimexKind::Date if one_day(v) => (v, None),
        TimexKind::Time
            if v.len() == 13
                && one_day(&v[..10])
                && v.as_bytes()[10] == b'T'
                && v[11..].bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            (&v[..10], Some(&v[11..]))
        }
        _ => return f,
    };
    if f.timex.modifier.is_some() {
        return f;
    }
    // «أمس في الساعة 18:45», «الثلاثاء، الساعة 6», «عند تمام الساعة».
    let mut k = f.end;
    while k < f.end + 2
        && matches!(
            t.key(k),
            "،" | "," | "في" | "عند" | "حوالي" | "نحو" | "قرابه" | "تمام"
        )
    {
        k += 1;
    }
    match clock(t, k, dct, Some((day, part))) {
        Some(c) if c.timex.kind == TimexKind::Time => Found {
            end: c.end,
            skip: f.skip,
            timex: c.timex,
        },
        _ => f,
    }
}

/// A time zone after a clock time, «بتوقيت جرينتش», «بتوقيت مكة», «ت غ»,
/// «GMT»: the token after it.
fn zone_at(t: &Text, k: usize) -> Option<usize> {
    match t.key(k) {
        "بتوقيت" | "توقيت" if t.is_word(k + 1) => Some(k + 2),
        "تغ" | "جرينتش" | "غرينتش" | "gmt" | "GMT" | "utc" | "UTC" => Some(k + 1),
        "ت" if t.key(k + 1) == "غ" => Some(k + 2),
        _ => None,
    }
}

/// A date of one day followed by a part of the day: «أمس مساء», «السبت
/// صباحا» (`2023-10-07TMO`). Any other match as it was.
pub(super) fn part_after(t: &Text, f: Found) -> Found {
    let code = match t.key(f.end) {
        "صباحا" | "فجرا" => "MO",
        "ظهرا" => "MD",
        "عصرا" => "AF",
        "مساء" | "مساءا" | "ليلا" => "NI",
        _ => return f,
    };
    if f.timex.kind != TimexKind::Date || !one_day(&f.timex.value) {
        return f;
    }
    Found {
        end: f.end + 1,
        skip: f.skip,
        timex: time(format!("{}T{code}", f.timex.value)),
    }
}

/// Words that begin a time of day (folded).
pub(super) const STARTERS: &[&str] = &[
    "ظهر",
    "صباح",
    "فجر",
    "ضحي",
    "صبيحه",
    "ظهيره",
    "عصر",
    "مساء",
    "ليل",
    "ليله",
    "الساعه",
];
