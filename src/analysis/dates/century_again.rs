//! «أواخر القرن نفسه», «في القرن ذاته», «منتصف القرن», «مطلع الألفية»: a
//! century or millennium said without its number, the one the story is
//! in. [`super::find_from`] keeps the last millennium, century or decade
//! it found ([`Last`]) and where the last date written out ends, beside
//! the last date ([`Named`]), and hands them here.
//!
//! The period is, in turn: the one of the millennium, century or decade
//! last named in the paragraph, if no date was written after it («في
//! القرن العاشر … في أواخر القرن نفسه» `09` END, «في منتصف التسعينيات …
//! ومع مطلع الألفية» `2` START); the one the paragraph's last date falls in
//! («رسم لوحته عام 1664 … وفي منتصف القرن» `16` MID); and, for «مطلع
//! الألفية» and its like with no date before them, the document date's
//! millennium. A century with no date before it is none: in a history it
//! is as often the one the history is at. The start of a period said from
//! the last ten years of the one before is the coming one's («عام 1998 …
//! مع مطلع الألفية» is the 2000s'), and so is the start said after the
//! end of one («نهاية القرن السابع عشر وبداية القرن» `17` START). A
//! paragraph whose last date was written in the Hijri era counts Hijri
//! centuries, which TIMEX does not write, and a century named since the
//! date that was no date («أواخر القرن الثالث الهجري … بنهاية القرن») is
//! the one meant: none then.
//!
//! A century or millennium written with its number but not its era takes
//! the era written after the list it starts, or, in a sentence whose story
//! is before Christ, is before him when that is the nearer reading
//! ([`era_read`]).

use super::anaphora::Named;
use super::{Found, bc_at, date, day_at, era_at, part, stems};
use crate::analysis::{DocDate, Text, Timex};

/// The last millennium («2»), century («19», «BC00») or decade («199») a
/// text named, and the token its mention ends at.
#[derive(Clone, Debug)]
pub(super) struct Last {
    value: String,
    /// Whether its end was said («نهاية القرن السابع عشر»): the start of
    /// the century said next is the coming one's.
    end_said: bool,
    token: usize,
}

impl Last {
    /// `value` as a millennium, century or decade named at `token`, if it
    /// is one (a decade before Christ is not kept).
    pub(super) fn of(value: &str, end_said: bool, token: usize) -> Option<Last> {
        let (bc, digits) = match value.strip_prefix("BC") {
            Some(d) => (true, d),
            None => (false, value),
        };
        let len = if bc { 1..=2 } else { 1..=3 };
        (len.contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())).then(|| Last {
            value: value.to_owned(),
            end_said,
            token,
        })
    }

    /// 10, 100 or 1000 years, and a year of the period (of the proleptic
    /// count: 44 BC is -43).
    fn span(&self) -> (i32, i32) {
        let (bc, digits) = match self.value.strip_prefix("BC") {
            Some(d) => (true, d),
            None => (false, self.value.as_str()),
        };
        let unit = match digits.len() {
            1 => 1000,
            2 => 100,
            _ => 10,
        };
        let n: i32 = digits.parse().unwrap_or(0);
        // The first year, or the middle of one before Christ.
        let year = if bc { -(n * unit) - unit / 2 } else { n * unit };
        (unit, year)
    }

    /// The period of `unit` years this one is or falls in; none for a
    /// coarser one (a century is not said by its millennium).
    fn period(&self, unit: i32, coming: bool) -> Option<String> {
        let (own, year) = self.span();
        match own.cmp(&unit) {
            // «نهاية القرن السابع عشر وبداية القرن»: the eighteenth's.
            std::cmp::Ordering::Equal if coming && self.end_said && year > 0 => {
                period_of(year + unit, unit, false)
            }
            std::cmp::Ordering::Equal => Some(self.value.clone()),
            std::cmp::Ordering::Less => period_of(year, unit, coming),
            std::cmp::Ordering::Greater => None,
        }
    }
}

/// The period of `unit` years (100 or 1000) that `year` falls in, as TIMEX
/// writes it; with `coming`, the next when `year` is in the last ten of
/// its own.
fn period_of(year: i32, unit: i32, coming: bool) -> Option<String> {
    if year < 1 {
        // Year 0 is 1 BC: the first century before Christ is «BC00».
        let n = (-year).div_euclid(unit);
        return match unit {
            100 if n <= 99 => Some(format!("BC{n:02}")),
            1000 if n <= 9 => Some(format!("BC{n}")),
            _ => None,
        };
    }
    let mut n = year.div_euclid(unit);
    if coming && year.rem_euclid(unit) >= unit - 10 {
        n += 1;
    }
    // No period past the year 9999, which TIMEX does not write.
    match unit {
        100 if n <= 99 => Some(format!("{n:02}")),
        1000 if n <= 9 => Some(n.to_string()),
        _ => None,
    }
}

/// Whether the date named at `token` was written in the Hijri era («سنة
/// 279 هـ»).
fn written_hijri(t: &Text, token: usize) -> bool {
    let at = |k: usize| era_at(t, k).0 == Some(true);
    at(token) || (token > 0 && t.key(token) == "." && at(token - 1))
}

/// How far back [`unread_period_between`] looks, in tokens.
const LOOK_BACK: usize = 400;

/// Whether a century or millennium is named between the mention the
/// period is read from, which ends at token `from` (none: the document
/// date), and token `i`, in `i`'s paragraph, by a mention that was no
/// date (a Hijri one); or whether `i` opens a quoted title («بداية القرن»).
fn unread_period_between(t: &Text, from: Option<usize>, i: usize) -> bool {
    let first = from.map_or(0, |f| f + 1).max(i.saturating_sub(LOOK_BACK));
    let paragraph_break = |k: usize| {
        let (a, b) = (t.tokens[k].norm().end, t.tokens[k + 1].norm().start);
        a <= b && t.norm.text[a..b].contains('\n')
    };
    for k in (first..i).rev() {
        if paragraph_break(k) {
            break;
        }
        let key = t.key(k);
        if key.ends_with("لقرن") || key.ends_with("لالفيه") {
            return true;
        }
    }
    i > 0 && matches!(t.key(i - 1), "«" | "\"" | "“")
}

pub(super) fn at(
    t: &Text,
    i: usize,
    named: Option<Named>,
    last: Option<&Last>,
    written: Option<usize>,
    dct: Option<DocDate>,
) -> Option<Found> {
    // (Most tokens: no period here or next.)
    let is_unit = |k: usize| matches!(t.key(k), "القرن" | "الالفيه");
    if !is_unit(i) && !is_unit(i + 1) {
        return None;
    }
    // «أواخر القرن», «وفي منتصف القرن», or «القرن نفسه» with no part word.
    let (skip, modifier, j) = match stems(t, i)
        .into_iter()
        .find_map(|(s, w)| part(w).map(|m| (s, m)))
    {
        Some((s, m)) => (s, Some(m), i + 1),
        None => (0, None, i),
    };
    let unit = match t.key(j) {
        "القرن" => 100,
        "الالفيه" => 1000,
        _ => return None,
    };
    let same = matches!(
        t.key(j + 1),
        "نفسه" | "ذاته" | "عينه" | "نفسها" | "ذاتها" | "عينها"
    );
    // «مطلع القرن العشرين», «منتصف القرن 19», «نهاية القرن الماضي», «نهاية
    // الألفية قبل الميلاد»: a period named, found elsewhere or none.
    let next = t.key(j + 1);
    if !same
        && (modifier.is_none()
            || next.starts_with("ال")
            || t.is_number(j + 1)
            || day_at(t, j + 1).is_some()
            || bc_at(t, j + 1).is_some()
            || era_at(t, j + 1).0.is_some()
            || matches!(next, "ق.م" | "ق" | "قبل" | "بعد" | "الـ"))
    {
        return None;
    }
    let end = j + 1 + usize::from(same);
    let coming = modifier == Some("START");
    let from_last = last
        .filter(|l| written.is_none_or(|w| w <= l.token) && Named::paragraph_holds(t, l.token, i))
        .and_then(|l| Some((l.period(unit, coming)?, Some(l.token))));
    let (value, from) = if let Some(found) = from_last {
        found
    } else if let Some(n) = named.filter(|n| n.is_near(t, i)) {
        if written_hijri(t, n.token) {
            return None;
        }
        (period_of(n.anchor.year(), unit, coming)?, Some(n.token))
    } else if same || unit == 100 {
        // A century with no date before it in its paragraph is as often
        // the one a history is at as the document's: none. «مطلع
        // الألفية» is the 2000s'.
        return None;
    } else {
        (period_of(dct?.year, unit, coming)?, None)
    };
    // «أواخر القرن الثالث الهجري … بنهاية القرن سالف الذكر»: a century
    // named since, that was no date (a Hijri one), is the one meant.
    if unread_period_between(t, from, i) {
        return None;
    }
    Some(Found {
        end,
        skip,
        timex: Timex {
            modifier,
            ..date(value)
        },
    })
}

/// How far from the story's date a century or millennium written without
/// its era may be to be read before Christ, in years: «القرن الثاني» after
/// «عام 300 ق.م» is the second before Christ, but «القرن العشرين», in which
/// the ruins were dug up, is ours.
const STORY_REACH: i32 = 500;

/// How far back, in tokens and within its sentence, the story's date is
/// looked for by [`era_read`].
const STORY_TOKENS: usize = 40;

/// How many tokens after a century [`era_after`] reads for the era of a
/// list it ends («القرن الأول والثاني الميلادي»).
const ERA_AFTER: usize = 6;

/// An era written after a list of centuries: before Christ, after him,
/// or Hijri.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Era {
    BeforeChrist,
    Christian,
    Hijri,
}

/// The era written after a century or a list of them, ending at token
/// `end` («... أو الحادي عشر قبل الميلاد», «القرن الرابع بعد الميلاد»,
/// «والثاني الميلاديين», «والرابع الهجريين»); none at a comma or full
/// stop.
fn era_after(t: &Text, end: usize) -> Option<Era> {
    for k in end..(end + ERA_AFTER).min(t.tokens.len()) {
        let key = t.key(k);
        if bc_at(t, k).is_some() || key == "ق.م" {
            return Some(Era::BeforeChrist);
        }
        if matches!(
            key,
            "الميلادي"
                | "الميلاديين"
                | "الميلاديه"
                | "ميلادي"
                | "ميلاديه"
                | "للميلاد"
                | "م"
        ) || (key == "بعد" && t.key(k + 1) == "الميلاد")
        {
            return Some(Era::Christian);
        }
        if matches!(
            key,
            "الهجري" | "الهجريين" | "الهجريه" | "هجري" | "هجريه" | "للهجره" | "ه"
        ) {
            return Some(Era::Hijri);
        }
        if matches!(key, "،" | "," | "." | "؛" | ";" | ")" | "(" | ":") {
            return None;
        }
    }
    None
}

/// What [`era_read`] makes of a century or millennium.
#[derive(PartialEq, Debug)]
pub(super) enum Reading {
    /// As found.
    Kept,
    /// Before Christ: this value.
    BeforeChrist(String),
    /// A Hijri century, which TIMEX does not write: no date.
    Hijri,
}

/// A century or millennium written without its era («القرن الثاني»,
/// `value` «01», tokens `first..end`), read in the era written after the
/// list it starts, or in its sentence's story when that is before Christ.
///
/// The era after a list: «القرن الأول أو الثاني قبل الميلاد» is `BC00`,
/// «القرن الثالث والرابع الهجريين» no date, «القرن الرابع بعد الميلاد»
/// ours.
///
/// The story: before Christ when that reading is the nearer to the last
/// date or period named in the sentence (at most [`STORY_TOKENS`] back),
/// within [`STORY_REACH`] of it (twice that for a millennium), and not
/// before it: «عام 300 قبل الميلاد، وفي القرن الثاني» is `BC01`, «ولد في
/// القرن الخامس قبل الميلاد، وعاش في القرن الرابع» `BC03`, but «من القرن
/// الأول قبل الميلاد وحتى القرن الثالث» is ours. The end of a range is
/// after its start: «بين القرن الخامس قبل الميلاد والقرن الخامس» is ours.
///
/// Kept as found: one counted from the document date («القرن الماضي») or
/// with its era in the span («القرن الأول الميلادي»).
pub(super) fn era_read(
    t: &Text,
    (first, end): (usize, usize),
    value: &str,
    named: Option<Named>,
    last: Option<&Last>,
) -> Reading {
    era_read_or_none(t, (first, end), value, named, last).unwrap_or(Reading::Kept)
}

fn era_read_or_none(
    t: &Text,
    (first, end): (usize, usize),
    value: &str,
    named: Option<Named>,
    last: Option<&Last>,
) -> Option<Reading> {
    let unit = match value.len() {
        1 => 1000,
        2 => 100,
        _ => return None,
    };
    let n: i32 = value
        .parse()
        .ok()
        .filter(|_| value.bytes().all(|b| b.is_ascii_digit()))?;
    let said = (first..end).any(|k| {
        // («م», «ميلادي», «هـ» and their like: `era_at`.)
        era_at(t, k).0.is_some()
            || matches!(
                t.key(k),
                "الميلادي"
                    | "الميلاديه"
                    | "الماضي"
                    | "المقبل"
                    | "القادم"
                    | "الحالي"
                    | "الجاري"
                    | "المنصرم"
                    | "السابق"
                    | "الفائت"
                    | "الجديده"
                    | "الماضيه"
                    | "المقبله"
                    | "القادمه"
                    | "الحاليه"
            )
    });
    if said {
        return None;
    }
    match era_after(t, end) {
        Some(Era::BeforeChrist) => return Some(Reading::BeforeChrist(format!("BC{value}"))),
        Some(Era::Hijri) => return Some(Reading::Hijri),
        Some(Era::Christian) => return None,
        None => {}
    }
    // The story's time, as the years it spans: the later of the last date
    // and the last period named in the sentence (a period before Christ
    // spans from its middle, as `Last::span` gives it, half its years each
    // way; one of ours is no story before Christ).
    let holds = |token: usize| {
        Named::paragraph_holds(t, token, first)
            && first - token <= STORY_TOKENS
            && !(token + 1..first).any(|k| matches!(t.key(k), "." | "؟" | "!"))
    };
    let date = named
        .filter(|d| holds(d.token))
        .map(|d| (d.token, (d.anchor.year(), d.anchor.year())));
    let period = last.filter(|l| holds(l.token)).map(|l| {
        let (own, middle) = l.span();
        (l.token, (middle - own / 2 + 1, middle + own / 2))
    });
    let (_, (_, story_end)) = match (date, period) {
        (Some(d), Some(p)) => d.max(p),
        (d, p) => d.or(p)?,
    };
    if story_end >= 1 {
        return None;
    }
    // Its years read before Christ (the nth century before him ends in
    // the year -(n - 1) * 100 of the proleptic count), and the middle of
    // each reading.
    let (bc_first, bc_last) = (-(n + 1) * unit + 1, -n * unit);
    let middle = n * unit + unit / 2;
    let (bc, ad) = ((-middle - story_end).abs(), (middle - story_end).abs());
    let reach = if unit == 1000 {
        2 * STORY_REACH
    } else {
        STORY_REACH
    };
    // «حتى القرن الثالث», «والقرن الخامس»: the end of a range.
    let range_end = (first.saturating_sub(2)..first)
        .any(|k| matches!(t.key(k), "حتي" | "الي" | "وحتي" | "والي" | "و"))
        || t.key(first).starts_with('و');
    let after = if range_end {
        bc_first > story_end
    } else {
        bc_last >= story_end
    };
    (after && bc < ad && bc <= reach).then(|| Reading::BeforeChrist(format!("BC{value}")))
}

#[cfg(test)]
mod tests {
    use super::period_of;

    #[test]
    fn a_year_falls_in_its_century_and_millennium() {
        let period = |year, unit, coming| period_of(year, unit, coming).unwrap_or_default();
        assert_eq!(period(565, 100, false), "05");
        assert_eq!(period(1998, 1000, true), "2");
        assert_eq!(period(1998, 1000, false), "1");
        assert_eq!(period(1950, 100, true), "19");
        // 52 BC is year -51: the first century before Christ.
        assert_eq!(period(-51, 100, false), "BC00");
        assert_eq!(period(-100, 100, false), "BC01");
        assert_eq!(period(0, 100, false), "BC00");
        // The coming millennium of 9995 is past the calendar TIMEX writes.
        assert_eq!(period_of(9995, 1000, true), None);
    }
}
