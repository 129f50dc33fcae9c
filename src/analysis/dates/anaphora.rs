//! Times counted from a date the text names elsewhere, not from the
//! document date (reference §7.8): «في اليوم التالي», «في العام نفسه»,
//! «في ذلك اليوم», «بعد ذلك بيومين», «يومها», «حينها», a month «من العام
//! نفسه», a day «من الشهر ذاته». [`super::find_from`] keeps the last date
//! it found as the [`Anchor`] and hands it here.
//!
//! With no date named yet, the words that count from a period («اليوم
//! التالي», «نفس العام») count from the document date, as HeidelTime reads
//! «التالي» in news; the words that only point back («يومها», «حينها»,
//! «بعد ذلك بيومين») need a date named in their paragraph, and are left
//! alone without one («آنذاك» is then `PAST_REF`, as before).
//!
//! The year of a month written without one can come from another date
//! too: from the story's last date when that is years from the document
//! date ([`story_year`], a Hijri month's Hijri year as well), from the
//! second date of a stretch
//! ([`year_of_the_second`]); and «من كل عام» makes it every year's
//! ([`every_year`]). [`settle`] applies these in turn.

use super::clock::part_of_day;
use super::temponyms;
use super::tense::{self, Tense};
use super::{
    Found, amount_unit_from, date, day_at, is_year_word, month_at, nearest_year, part, shift,
    stems, ymd,
};
use crate::analysis::calendar::{add_days, add_months, days_in_month, weekday};
use crate::analysis::lexicon::WEEKDAY;
use crate::analysis::{DocDate, Text, Timex, TimexKind};

/// The last date a text named, at its granularity: a year, a month or a
/// day.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Anchor {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl Anchor {
    /// The anchor a date's value gives: «2011-03-12», «1967-06», «1990»,
    /// the day of a time («2011-03-12T10:00»). None for what is no one
    /// period of the calendar: weeks, seasons, decades, `PAST_REF`.
    pub(super) fn of(value: &str) -> Option<Anchor> {
        // «عام 44 ق.م»: year -43 of the proleptic count (there is no year
        // 0), a year alone.
        if let Some(bc) = value.strip_prefix("BC")
            && bc.len() == 4
            && let Ok(n @ 1..) = bc.parse::<i32>()
        {
            return Some(Anchor {
                year: 1 - n,
                month: None,
                day: None,
            });
        }
        let day_part = value.split('T').next()?;
        let mut parts = day_part.split('-');
        let number = |s: &str, len: usize| {
            (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse::<u32>().ok())
                .flatten()
        };
        let year = number(parts.next()?, 4)? as i32;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(number(m, 2).filter(|m| (1..=12).contains(m))?),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => Some(number(d, 2).filter(|d| (1..=31).contains(d))?),
        };
        if parts.next().is_some() {
            return None;
        }
        Some(Anchor { year, month, day })
    }

    /// Its year, of the proleptic count (44 BC is -43).
    pub(super) fn year(self) -> i32 {
        self.year
    }

    pub(super) fn of_document(d: DocDate) -> Anchor {
        Anchor {
            year: d.year,
            month: Some(d.month),
            day: d.day,
        }
    }

    /// This anchor moved by `n` units of `unit` (D, W, M or Y), at the
    /// unit's granularity; at the anchor's own when it is coarser: the day
    /// after a day of 1990 not named is 1990.
    fn moved(self, unit: &str, n: i32) -> String {
        let coarse = || match self.month {
            Some(m) => format!("{:04}-{m:02}", self.year),
            None => super::year_value(self.year),
        };
        let Some(month) = self.month else {
            return match unit {
                "Y" => super::year_value(self.year + n),
                _ => coarse(),
            };
        };
        let d = DocDate {
            year: self.year,
            month,
            day: self.day,
        };
        match unit {
            "D" | "W" if self.day.is_none() => coarse(),
            _ => shift(d, unit, n).unwrap_or_else(coarse),
        }
    }

    /// The anchor as it is, at its own granularity.
    fn value(self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => ymd(self.year, m, d),
            _ => self.moved("M", 0),
        }
    }
}

/// The last date named and the token it ends at.
#[derive(Clone, Copy, Debug)]
pub(super) struct Named {
    pub(super) anchor: Anchor,
    pub(super) token: usize,
    /// Whether the date was written out as a date, not pointed back to
    /// nor a time of day («منتصف الليل» is the document's night).
    pub(super) written: bool,
}

impl Named {
    /// Whether token `i` is in the named date's paragraph.
    pub(super) fn is_near(self, t: &Text, i: usize) -> bool {
        Self::paragraph_holds(t, self.token, i)
    }

    /// Whether token `i` comes after token `token` in its paragraph.
    pub(super) fn paragraph_holds(t: &Text, token: usize, i: usize) -> bool {
        let from = t.tokens[token].norm().end;
        let to = t.tokens[i].norm().start;
        from <= to && !t.norm.text[from..to].contains('\n')
    }
}

/// «اليوم», «الأسبوع», «الشهر», «العام», «السنة», «الليلة» (a day, at
/// night): the TIMEX unit and whether it is the night.
fn unit(k: &str) -> Option<(&'static str, bool)> {
    Some(match k {
        "اليوم" => ("D", false),
        "الليله" => ("D", true),
        "الاسبوع" => ("W", false),
        "الشهر" => ("M", false),
        "العام" | "السنه" => ("Y", false),
        _ => return None,
    })
}

/// A period named from the anchor, without a part word.
struct Reference {
    /// Proclitic bytes of the first token.
    skip: usize,
    /// D, W, M or Y; none for the anchor as it is («حينها»).
    unit: Option<&'static str>,
    /// «الليلة التالية»: the day's night.
    night: bool,
    /// Units on from the anchor (back when negative).
    on: i32,
    end: usize,
    /// Whether only a date the text named will do (not the document's).
    named_only: bool,
}

/// «اليوم التالي», «اليوم نفسه», «نفس العام», «ذلك اليوم», «يومها»,
/// «حينها», «بعد ذلك بيومين» at `i`.
fn reference(t: &Text, i: usize) -> Option<Reference> {
    for (skip, w) in stems(t, i) {
        let next = t.key(i + 1);
        // «اليوم التالي», «في العام نفسه», «في الليلة ذاتها».
        if let Some((u, night)) = unit(w) {
            let on = match next {
                "التالي" | "التاليه" | "اللاحق" | "اللاحقه" => 1,
                "نفسه" | "نفسها" | "ذاته" | "ذاتها" | "عينه" | "عينها" => {
                    0
                }
                _ => continue,
            };
            return Some(Reference {
                skip,
                unit: Some(u),
                night,
                on,
                end: i + 2,
                named_only: false,
            });
        }
        // «نفس اليوم», «ذات العام» (not «ذات يوم», "one day"), «ذلك
        // العام», «تلك الليلة».
        if matches!(w, "نفس" | "ذات" | "ذلك" | "تلك")
            && let Some((u, night)) = unit(next)
        {
            return Some(Reference {
                skip,
                unit: Some(u),
                night,
                on: 0,
                end: i + 2,
                named_only: false,
            });
        }
        // «يومها», «حينها», «آنذاك»; «في ذلك الوقت», «في ذلك الحين».
        let (u, end) = match w {
            "يومها" | "يومئذ" => (Some("D"), i + 1),
            "حينها" | "وقتها" | "حينئذ" | "وقتئذ" | "انذاك" => {
                (None, i + 1)
            }
            "ذلك" if matches!(next, "الوقت" | "الحين") => (None, i + 2),
            _ => match by_amount(t, i, w) {
                Some((u, n, end)) => {
                    return Some(Reference {
                        skip,
                        unit: Some(u),
                        night: false,
                        on: n,
                        end,
                        named_only: true,
                    });
                }
                None => continue,
            },
        };
        return Some(Reference {
            skip,
            unit: u,
            night: false,
            on: 0,
            end,
            named_only: true,
        });
    }
    None
}

/// «بعد ذلك بيومين», «قبل ذلك بأسبوع», «بعدها بثلاثة أيام», «بعده
/// بعام» with `w` the reading of token `i`: (unit, signed count, end).
fn by_amount(t: &Text, i: usize, w: &str) -> Option<(&'static str, i32, usize)> {
    let (sign, k) = match (w, t.key(i + 1)) {
        ("بعد", "ذلك") => (1, i + 2),
        ("قبل", "ذلك") => (-1, i + 2),
        ("بعدها" | "بعده", _) => (1, i + 1),
        ("قبلها" | "قبله", _) => (-1, i + 1),
        _ => return None,
    };
    let rest = t.key(k).strip_prefix('ب')?;
    // Every unit but the hour and finer: those are no dates.
    let (n, u, end) = amount_unit_from(t, k, rest, true)?;
    // «بأربعة أشهر ونصف»: at the unit's granularity, the whole units.
    let n = n?.trunc();
    ((1.0..=1000.0).contains(&n) && matches!(u, "D" | "W" | "M" | "Y")).then_some((
        u,
        sign * n as i32,
        end,
    ))
}

/// A time counted from `named` (the last date the text named) or else
/// from the document date, at token `i`.
pub(super) fn at(t: &Text, i: usize, named: Option<Named>, dct: Option<DocDate>) -> Option<Found> {
    day_of_that_month(t, i, named, dct)
        .or_else(|| period_at(t, i, named, dct))
        .or_else(|| part_alone(t, i, named, dct))
}

/// «وفي المساء خرج المتظاهرون», «عند الظهر», «في الصباح التالي»: a part of
/// the day said alone, after «في» or «عند», is that part of the day the
/// paragraph last named (the day after it with «التالي»). Not with no day
/// named in the paragraph, or the document's day reached by no date
/// written (a narrative's evening is not the document's),
/// nor in a clause of the present or the future («يعمل في المساء»), nor
/// after «كان» (a habit: «كانا يقومان في الصباح»). «في العصر» is an era;
/// only «عند العصر» is the afternoon.
fn part_alone(t: &Text, i: usize, named: Option<Named>, dct: Option<DocDate>) -> Option<Found> {
    let before = super::without_wa(t.key(i.checked_sub(1)?)).1;
    let code = match (before, t.key(i)) {
        ("في" | "عند", "الصباح" | "الفجر") => "MO",
        ("عند", "الظهر" | "الظهيره") => "MD",
        ("عند", "العصر") => "AF",
        ("في" | "عند", "المساء") => "NI",
        _ => return None,
    };
    let (on, end) = match t.key(i + 1) {
        "التالي" => (1, i + 2),
        _ => (0, i + 1),
    };
    let n = named.filter(|n| n.is_near(t, i))?;
    let anchor = n.anchor;
    // (Nor from the document's day when no date wrote it: «حتى منتصف
    // الليل» of a story of 1911 is read as the document's night, and its
    // evening would follow it.)
    anchor.day?;
    if !n.written && dct.is_some_and(|d| Anchor::of_document(d) == anchor) {
        return None;
    }
    // «وكانا يقومان في الصباح بتوزيع الجريدة»: every morning.
    let habit = (i.saturating_sub(4)..i).any(|k| {
        matches!(
            super::without_wa(t.key(k)).1,
            "كان" | "كانت" | "كانا" | "كانتا" | "كانوا"
        )
    });
    if habit || tense::at(t, i, end) == Some(Tense::Future) {
        return None;
    }
    Some(Found {
        end,
        skip: 0,
        timex: Timex {
            kind: TimexKind::Time,
            modifier: None,
            ..date(format!("{}T{code}", anchor.moved("D", on)))
        },
    })
}

/// «يوم 29 من نفس الشهر», «في العاشر من الشهر ذاته», «الخامس من الشهر
/// التالي»: a day of the month counted from the last date.
fn day_of_that_month(
    t: &Text,
    i: usize,
    named: Option<Named>,
    dct: Option<DocDate>,
) -> Option<Found> {
    let (day, mut j, skip) = day_at(t, i)?;
    if t.key(j) == "من" {
        j += 1;
    }
    let r = reference(t, j).filter(|r| r.unit == Some("M") && r.skip == 0)?;
    let anchor = named.map(|n| n.anchor).or(dct.map(Anchor::of_document))?;
    let (y, m) = add_months(anchor.year, anchor.month?, r.on);
    if day == 0 || day > days_in_month(y, m) {
        return None;
    }
    Some(Found {
        end: r.end,
        skip,
        timex: date(ymd(y, m, day)),
    })
}

/// A period counted from the last date, with its part of the period or
/// of the day: «أواخر العام نفسه», «صباح اليوم التالي».
fn period_at(t: &Text, i: usize, named: Option<Named>, dct: Option<DocDate>) -> Option<Found> {
    // «أواخر العام نفسه», «صباح اليوم التالي».
    let (skip, modifier, day_part, j) = match stems(t, i).into_iter().find_map(|(s, w)| {
        part(w)
            .map(|m| (s, Some(m), None))
            .or_else(|| part_of_day(w).map(|p| (s, None, Some(p))))
    }) {
        Some((s, m, p)) => (Some(s), m, p, i + 1),
        None => (None, None, None, i),
    };
    let r = reference(t, j)?;
    // «رمضان من نفس العام»: the Hijri year of a date named in Gregorian
    // is not read; not «نفس العام» alone either.
    let month_before = |k: usize| month_at(t, k).is_some_and(|m| m.2 == i - 1);
    if i >= 2 && t.key(i - 1) == "من" && (month_before(i - 2) || i >= 3 && month_before(i - 3)) {
        return None;
    }
    // «نفس العام الذي ولد فيه»: the year the clause says, not the last;
    // «في نفس السنة 1645»: the year written.
    let year_after = t.is_number(r.end)
        && t.key(r.end)
            .parse::<i32>()
            .is_ok_and(|y| (1000..=2100).contains(&y));
    if matches!(t.key(r.end), "الذي" | "التي") || year_after {
        return None;
    }
    // What only points back points to a date of its paragraph: a date
    // paragraphs before is as often another story.
    let anchor = match (named, r.named_only) {
        (Some(n), true) if n.is_near(t, i) => n.anchor,
        (_, true) => return None,
        (Some(n), false) => n.anchor,
        (None, false) => Anchor::of_document(dct?),
    };
    let mut value = match r.unit {
        Some(u) => anchor.moved(u, r.on),
        None => anchor.value(),
    };
    // «في نفس اليوم من عام 2006»: the day named, in the year written.
    let mut end = r.end;
    if matches!(r.unit, Some("D" | "M"))
        && r.on == 0
        && let Some(month) = anchor.month
        && t.key(end) == "من"
        && is_year_word(t.key(end + 1))
        && t.is_number(end + 2)
        && t.key(end + 2).len() == 4
        && let Ok(year) = t.key(end + 2).parse::<i32>()
    {
        let day = anchor.day.filter(|_| r.unit == Some("D"));
        if day.is_none_or(|d| d <= days_in_month(year, month)) {
            value = match day {
                Some(d) => ymd(year, month, d),
                None => format!("{year:04}-{month:02}"),
            };
            end += 3;
        }
    }
    let one_day = value.len() == 10;
    let part_code = day_part.or(r.night.then_some("NI"));
    let kind = match part_code {
        Some(code) if one_day => {
            value = format!("{value}T{code}");
            TimexKind::Time
        }
        Some(_) if day_part.is_some() => return None,
        _ => TimexKind::Date,
    };
    if modifier.is_some() && matches!(r.unit, Some("D")) {
        return None;
    }
    Some(Found {
        end,
        skip: skip.unwrap_or(r.skip),
        timex: Timex {
            kind,
            modifier,
            ..date(value)
        },
    })
}

/// What another date says of a date `f` found at `first` on its own: the
/// year of a stretch's second date, else the year said after it («من
/// العام نفسه»), the story's year, the day of a weekday joined to the one
/// before; then whether it is every year's.
pub(super) fn settle(
    t: &Text,
    first: usize,
    f: &mut Found,
    named: Option<Named>,
    dct: Option<DocDate>,
) {
    if !year_of_the_second(t, first, f, dct) {
        let anchor = named.map(|n| n.anchor).or(dct.map(Anchor::of_document));
        year_after_month(t, first, f, anchor);
        story_year(t, first, f, named, dct);
        story_period(t, first, f, named, dct);
        weekday_after(t, first, f, named);
    }
    every_year(t, first, f);
}

/// «مارس من العام نفسه», «في 5 مايو من ذلك العام», «يناير من العام
/// التالي»: the year of a Gregorian month matched at `first..f.end`, said
/// by an anaphoric year after it. Moves `f` on past those words.
fn year_after_month(t: &Text, first: usize, f: &mut Found, anchor: Option<Anchor>) {
    let Some(anchor) = anchor else { return };
    if t.key(f.end) != "من" || f.timex.kind != TimexKind::Date {
        return;
    }
    let Some(r) = reference(t, f.end + 1).filter(|r| r.unit == Some("Y") && r.skip == 0) else {
        return;
    };
    let gregorian = (first..f.end).any(|k| matches!(month_at(t, k), Some((_, false, ..))));
    let v = &f.timex.value;
    if !gregorian || !(v.len() == 7 || v.len() == 10) || !v[..4].bytes().all(|b| b.is_ascii_digit())
    {
        return;
    }
    // (A year before Christ is written without its month: «يونيو من ذلك
    // العام» after «عام 44 ق.م» is a June of a year unknown.)
    let year = Some(anchor.moved("Y", r.on))
        .filter(|y| !y.starts_with("BC"))
        .unwrap_or_else(|| "XXXX".to_owned());
    f.timex.value = format!("{year}{}", &v[4..]);
    f.end = r.end;
}

/// «نهاية العام», «آخر الشهر», «أول العام» with no direction word are the
/// document's year or month; in a paragraph that named a date years away
/// from the document date, the story's: «من سبتمبر 1944 حتى آخر العام»
/// is the end of 1944.
fn story_period(t: &Text, first: usize, f: &mut Found, named: Option<Named>, dct: Option<DocDate>) {
    let (Some(n), Some(d)) = (named.filter(|n| n.is_near(t, first)), dct) else {
        return;
    };
    if f.timex.modifier.is_none()
        || f.end != first + 2
        || (d.year - n.anchor.year).abs() < 2
        || n.anchor.year < 1
    {
        return;
    }
    let value = match (t.key(first + 1), n.anchor.month) {
        ("العام" | "السنه", _) if f.timex.value == format!("{:04}", d.year) => {
            format!("{:04}", n.anchor.year)
        }
        ("الشهر", Some(m)) if f.timex.value == format!("{:04}-{:02}", d.year, d.month) => {
            format!("{:04}-{m:02}", n.anchor.year)
        }
        _ => return,
    };
    f.timex.value = value;
}

/// A Gregorian month, or day and month, written without its year in a
/// paragraph that named a date years away from the document date (or in
/// a text with no document date): the year that puts it nearest that
/// date, as a story told in the past goes on. «في 20 ديسمبر 2010 … وفي 14
/// يناير» is 2011-01-14, «توفي في 10 نوفمبر 2004 وكان دخل المستشفى في 29
/// أكتوبر» 2004-10-29. A clause about the future keeps the document
/// date's year ([`super::unwritten_year`]).
fn story_year(t: &Text, first: usize, f: &mut Found, named: Option<Named>, dct: Option<DocDate>) {
    let Some(n) = named.filter(|n| n.is_near(t, first)) else {
        return;
    };
    // «حتى ظهر يوم 10 مايو»: a time on such a day, too.
    let v = &f.timex.value;
    let time = f.timex.kind == TimexKind::Time && v.len() > 10 && v.as_bytes()[10] == b'T';
    if dct.is_some_and(|d| (d.year - n.anchor.year).abs() < 2)
        || hijri_story_year(t, first, f, n, dct)
        || !(f.timex.kind == TimexKind::Date || time)
    {
        return;
    }
    let v = &f.timex.value;
    let number = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<u32>().ok());
    let (month, day) = match v.len() {
        _ if time => (number(5..7), Some(number(8..10))),
        7 => (number(5..7), None),
        10 => (number(5..7), Some(number(8..10))),
        _ => return,
    };
    let (Some(month), Some(day)) = (month, day.map_or(Some(None), |d| d.map(Some))) else {
        return;
    };
    // «ثورة 23 يوليو» has its year; «مارس الماضي» counts from the
    // document date; «مارس عام 44 ق.م» has one TIMEX does not write.
    if !month_without_year(t, first, f.end)
        || super::bc_year_after(t, f.end)
        || (first..f.end).any(|k| super::direction(t.key(k)).is_some())
        || temponyms::at(t, first).is_some()
        || (dct.is_some() && tense::at(t, first, f.end) == Some(Tense::Future))
    {
        return;
    }
    let year = match n.anchor.month {
        Some(m) => nearest_year(
            DocDate {
                year: n.anchor.year,
                month: m,
                day: n.anchor.day,
            },
            month,
            day,
        ),
        None => n.anchor.year,
    };
    // A month of a story before Christ: its year is not one TIMEX writes
    // with a month, so it is said to be unknown, not the document's.
    if year < 1 {
        f.timex.value = format!("XXXX{}", &v[4..]);
        return;
    }
    if day.is_some_and(|d| d > days_in_month(year, month)) {
        return;
    }
    f.timex.value = format!("{year:04}{}", &v[4..]);
}

/// [`story_year`] for a Hijri month, or day and month, written without
/// its year: the Hijri year that puts it nearest the story's date. «قتل
/// سنة 40 هـ … صبيحة اليوم التاسع عشر من شهر رمضان» is Ramadan 40's,
/// not the document's year's. Whether it was one.
fn hijri_story_year(t: &Text, first: usize, f: &mut Found, n: Named, dct: Option<DocDate>) -> bool {
    use crate::analysis::calendar::{
        civil_from_days, days_from_civil, gregorian_to_hijri, hijri_to_gregorian,
    };
    let Some(month) = (first..f.end).find_map(|k| month_at(t, k).filter(|m| m.1).map(|m| m.0))
    else {
        return false;
    };
    // (A story before Christ has no Hijri years.)
    if n.anchor.year < 1 {
        return true;
    }
    // «رجب 14هـ»: a year of two digits, its era said.
    if writes_a_year(t, first, f.end)
        || (first..f.end).any(|k| super::era_at(t, k).0.is_some())
        || (first..f.end).any(|k| super::direction(t.key(k)).is_some())
        || (dct.is_some() && tense::at(t, first, f.end) == Some(Tense::Future))
    {
        return true;
    }
    // «صبيحة اليوم التاسع عشر من شهر رمضان»: a time of that day.
    let (v, time) = match f.timex.kind {
        TimexKind::Date => (f.timex.value.as_str(), ""),
        TimexKind::Time if f.timex.value.get(10..11) == Some("T") => f.timex.value.split_at(10),
        _ => return true,
    };
    let number = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<u32>().ok());
    let day = match (v.len(), number(0..4), number(5..7), number(8..10)) {
        (10, Some(y), Some(m), Some(d)) => {
            let (_, hm, hd) = gregorian_to_hijri(y as i32, m, d);
            if hm != month {
                return true;
            }
            Some(hd)
        }
        (7, Some(_), Some(_), None) => None,
        _ => return true,
    };
    let at = days_from_civil(
        n.anchor.year,
        n.anchor.month.unwrap_or(7),
        n.anchor.day.unwrap_or(1),
    );
    let (ay, _, _) = {
        let (y, m, d) = civil_from_days(at);
        gregorian_to_hijri(y, m, d)
    };
    let Some((y, m, d)) = (ay - 1..=ay + 1)
        .map(|hy| hijri_to_gregorian(hy, month, day.unwrap_or(1)))
        .min_by_key(|&(y, m, d)| (days_from_civil(y, m, d) - at).abs())
    else {
        return true;
    };
    f.timex.value = match day {
        Some(_) => format!("{}{time}", super::ymd(y, m, d)),
        None => format!("{y:04}-{m:02}"),
    };
    true
}

/// «من 3 مارس إلى 22 نوفمبر 2011», «(30 يناير ـ 9 مايو 1936)»: the first
/// of two dates joined as a stretch takes the year written after the
/// second, the year before when its month and day come later in the
/// year. Whether it did.
fn year_of_the_second(t: &Text, first: usize, f: &mut Found, dct: Option<DocDate>) -> bool {
    // A tatweel between the two («30 يناير ـ 9 مايو») is folded away.
    let tatweel = || {
        let (Some(a), Some(b)) = (t.tokens.get(f.end - 1), t.tokens.get(f.end)) else {
            return false;
        };
        let between = t.norm.original_range(a.norm().end..b.norm().start);
        t.original[between].contains('ـ')
    };
    let joined = matches!(t.key(f.end), "-" | "–" | "الي" | "حتي");
    if f.timex.kind != TimexKind::Date
        || !(joined || tatweel())
        || !month_without_year(t, first, f.end)
    {
        return false;
    }
    let next = f.end + usize::from(joined);
    let v = &f.timex.value;
    if !(v.len() == 7 || v.len() == 10) {
        return false;
    }
    let Some(second) = super::match_at(t, next, dct) else {
        return false;
    };
    let w = &second.timex.value;
    if second.timex.kind != TimexKind::Date
        || w.len() < 7
        || !w[..4].bytes().all(|b| b.is_ascii_digit())
        || !writes_a_year(t, next, second.end)
    {
        return false;
    }
    let Ok(year) = w[..4].parse::<i32>() else {
        return false;
    };
    // «30 نوفمبر - 9 فبراير 1923» began the year before.
    let year = if v[5..] > w[5..] { year - 1 } else { year };
    let day = v.get(8..10).and_then(|d| d.parse::<u32>().ok());
    let month = v[5..7].parse::<u32>().unwrap_or(1);
    if day.is_some_and(|d| d > days_in_month(year, month)) {
        return false;
    }
    f.timex.value = format!("{year:04}{}", &v[4..]);
    true
}

/// «يومي السبت والأحد», «الخميس والجمعة»: a weekday joined by «و» to a
/// day just named is the first such weekday from it on, not a day of its
/// own guessing (the Saturday to come and the Sunday gone by).
fn weekday_after(t: &Text, first: usize, f: &mut Found, named: Option<Named>) {
    let Some(n) = named.filter(|n| n.token + 1 == first) else {
        return;
    };
    let (Some(month), Some(day)) = (n.anchor.month, n.anchor.day) else {
        return;
    };
    if !t.key(first).starts_with('و') {
        return;
    }
    let Some(wd) = stems(t, first)
        .iter()
        .find_map(|(s, w)| WEEKDAY.get(w).filter(|_| s > 0).copied())
    else {
        return;
    };
    if f.end != first + 1 || f.timex.kind != TimexKind::Date || f.timex.value.len() != 10 {
        return;
    }
    // ISO weekdays, Monday 1 to Sunday 7, as the lexicon's.
    let from = weekday(n.anchor.year, month, day);
    let ahead = (wd as i64 - from as i64).rem_euclid(7);
    let (y, m, d) = add_days(n.anchor.year, month, day, ahead);
    f.timex.value = ymd(y, m, d);
}

/// Whether tokens `first..end` name a Gregorian month and write no year.
fn month_without_year(t: &Text, first: usize, end: usize) -> bool {
    let named_month = (first..end).any(|k| matches!(month_at(t, k), Some((_, false, ..))));
    named_month && !writes_a_year(t, first, end)
}

/// Whether tokens `first..end` write a year: a number of three digits or
/// more, or of fewer with its era («19 أغسطس 14 م»), or «عام», «سنة».
fn writes_a_year(t: &Text, first: usize, end: usize) -> bool {
    (first..end).any(|k| {
        (t.is_number(k)
            && (t.key(k).chars().filter(char::is_ascii_digit).count() >= 3
                || super::era_at(t, k + 1).0.is_some()))
            || is_year_word(t.key(k))
    })
}

/// «12 أبريل من كل عام», «في 5 يونيو كل سنة»: a day of every year, a set
/// (`XXXX-04-12`), not the day of one year.
fn every_year(t: &Text, first: usize, f: &mut Found) {
    let k = f.end + usize::from(t.key(f.end) == "من");
    let v = &f.timex.value;
    if t.key(k) != "كل"
        || !matches!(t.key(k + 1), "عام" | "سنه")
        || f.timex.kind != TimexKind::Date
        || !(v.len() == 7 || v.len() == 10)
        || !month_without_year(t, first, f.end)
    {
        return;
    }
    f.timex.value = format!("XXXX{}", &v[4..]);
    f.timex.kind = TimexKind::Set;
    f.end = k + 2;
}

/// Words that begin such a time (folded); the unit words, «بعد», «قبل»,
/// «آنذاك» and the part words are starters already.
pub(super) const STARTERS: &[&str] = &[
    "نفس",
    "ذات",
    "ذلك",
    "تلك",
    "الليله",
    "يومها",
    "يومئذ",
    "حينها",
    "وقتها",
    "حينئذ",
    "وقتئذ",
    "بعدها",
    "بعده",
    "قبلها",
    "قبله",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_anchor_is_a_year_a_month_or_a_day() {
        let a = |s| Anchor::of(s).map(|a| a.value());
        assert_eq!(a("2011-03-12"), Some("2011-03-12".into()));
        assert_eq!(a("2011-03-12T10:00"), Some("2011-03-12".into()));
        assert_eq!(a("1967-06"), Some("1967-06".into()));
        assert_eq!(a("1990"), Some("1990".into()));
        for none in ["2023-W39", "2023-SU", "198", "PAST_REF", "P2D", "XXXX-10"] {
            assert_eq!(a(none), None, "{none}");
        }
    }

    #[test]
    fn an_anchor_moves_at_the_coarser_granularity() {
        let a = Anchor::of("2011-12-31").unwrap();
        assert_eq!(a.moved("D", 1), "2012-01-01");
        assert_eq!(a.moved("M", 1), "2012-01");
        assert_eq!(a.moved("Y", -1), "2010");
        let y = Anchor::of("1990").unwrap();
        assert_eq!(y.moved("D", 1), "1990");
        assert_eq!(y.moved("Y", 1), "1991");
        assert_eq!(Anchor::of("1967-06").unwrap().moved("D", 2), "1967-06");
    }
}
