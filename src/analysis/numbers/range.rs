//! A range of two numbers, one mention with its bounds (reference §6.8):
//! «بين 20 و30 شخصا», «ما بين عشرة وعشرين ألفا» (the scale said once,
//! after the second, is the first's too: 10,000 to 20,000), «بين 20 إلى
//! 30 ألف», «يتراوح عددهم من 200 إلى 300 شخص», «200-300 شخص», «ثلاثة أو
//! أربعة أشخاص». Not «من 200 إلى 300» without «يتراوح»: «ارتفع من 200 إلى
//! 300» is a change, two numbers.

use super::{NOT_UNITS, NumberValue, bare_number, parse_digits, scale_of, tail};
use crate::analysis::Text;
use crate::analysis::lexicon::GREGORIAN;

/// The second number of a range whose first, `a`, starts at token `i` and
/// ends before `a_end`: the end of the range and its value.
pub(super) fn after_first(
    t: &Text,
    i: usize,
    a_end: usize,
    a: &NumberValue,
    taken: &[bool],
) -> Option<(usize, NumberValue)> {
    let before = t.key(i.checked_sub(1)?);
    let between = before == "بين" || before == "وبين";
    let ranging = before == "من"
        && (i.saturating_sub(6)..i).any(|k| {
            let w = t.key(k);
            let w = w.strip_prefix('و').unwrap_or(w);
            matches!(w, "يتراوح" | "تتراوح" | "تراوح" | "تراوحت" | "يتراوحون")
        });
    // «عشرة أو عشرين جنديا»: what is counted is said after the second.
    let or = t.key(a_end) == "او";
    if !(between || ranging || or) || a.unit.is_some() || a.approximate {
        return None;
    }
    let lo = a.value?;
    let b_at = match t.key(a_end) {
        "او" => a_end + 1,
        _ if !(between || ranging) => return None,
        "و" if between => a_end + 1,
        k if between && k.starts_with('و') && t.is_word(a_end) => a_end,
        "الي" | "حتي" => a_end + 1,
        _ => return None,
    };
    if taken.get(b_at) != Some(&false) {
        return None;
    }
    let (end, b) = bare_number(t, b_at, taken)?;
    let hi = b.value?;
    // «بين عشرة وعشرين ألفا»: the second's scale, when the first has
    // none and is below it.
    let scale = (b_at..end).rev().find_map(|k| scale_of(t.key(k)));
    let scaled = (i..a_end).any(|k| scale_of(t.key(k)).is_some());
    // «ما بين عشرين وخمسة وعشرين ألفا» reads as 25 and 20,000: a scale
    // the first cannot take leaves two numbers.
    let lo = match scale {
        Some(s) if !scaled && lo < s && lo * s < hi => lo * s,
        Some(s) if !scaled && lo < s => return None,
        _ => lo,
    };
    // Two counts near each other, the first standing alone («km2 أو 58
    // ٪» is no range).
    let alone = !t.tokens[i].glued;
    if or && !between && !ranging && (b.unit.is_none() || hi > 10.0 * lo || !alone) {
        return None;
    }
    let range = NumberValue {
        value: None,
        min: Some(lo),
        max: Some(hi),
        approximate: b.approximate,
        inclusive: false,
        unit: b.unit,
    };
    (lo < hi).then_some((end, range))
}

/// «200-300 شخص», «20–30 ألف دولار», «5-10%»: two numbers in one token,
/// the first smaller, with a scale, percent or a counted noun after (a
/// score, «فاز 3-1», has none and goes down).
pub(super) fn dashed(t: &Text, i: usize, taken: &[bool]) -> Option<(usize, NumberValue)> {
    if !t.is_number(i) {
        return None;
    }
    let (a, b) = t.key(i).split_once(['-', '–'])?;
    let (mut lo, mut hi) = (parse_digits(a)?, parse_digits(b)?);
    // «حرب 1990-1991»: two years, which are not numbers of anything,
    // unless a scale or a noun that is counted, not dated, follows: «1500-2000
    // شخص».
    let year = |v: f64| (1000.0..=2100.0).contains(&v);
    let years = year(lo) && year(hi);
    if lo >= hi
        || (years
            && scale_of(t.key(i + 1)).is_none()
            && !crate::analysis::dates::COUNTED_AFTER.contains(&t.key(i + 1)))
    {
        return None;
    }
    let mut end = i + 1;
    let free = |k: usize| taken.get(k) == Some(&false);
    if free(end)
        && let Some(s) = scale_of(t.key(end))
    {
        (lo, hi) = (lo * s, hi * s);
        end += 1;
    }
    let v = NumberValue {
        value: None,
        min: Some(lo),
        max: Some(hi),
        ..Default::default()
    };
    // Not a score («خسر 0-3», «فاز 2-6 بالكلاسيكو»), years with their era
    // («347–407 م»), days of a month («21-22 مارس») or verses («المزامير
    // 115-118 المرتبطة»): a counted noun is bare.
    let next = t.key(end);
    let noun = t.is_word(end)
        && !NOT_UNITS.contains(&next)
        && !next.starts_with(['و', 'ب', 'ل', 'ف'])
        && !next.starts_with("ال")
        && !matches!(
            next,
            "م" | "ه" | "ق" | "منها" | "منهم" | "امام" | "ضد" | "علي"
        )
        && !GREGORIAN.contains_key(next);
    let score = i > 0 && matches!(t.key(i - 1), "بنتيجه" | "نتيجه" | "النتيجه");
    let counted =
        lo > 0.0 && !score && (end > i + 1 || (free(end) && (matches!(next, "%" | "‰") || noun)));
    counted.then(|| tail(t, i, end, v, taken))
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Norm, Text};

    type Found = (String, Option<f64>, Option<f64>, Option<f64>);

    /// (span, value, min, max) of each number in `s`.
    fn numbers(s: &str) -> Vec<Found> {
        let t = Text::new(s);
        let mut taken = vec![false; t.tokens.len()];
        super::super::find(&t, &mut taken)
            .into_iter()
            .map(|m| {
                let Some(Norm::Number(v)) = m.norm else {
                    unreachable!()
                };
                (s[m.range].to_owned(), v.value, v.min, v.max)
            })
            .collect()
    }

    /// «بين 20 و30 شخصا» was 20 and 30 people, «بين عشرة وعشرين ألفا» 10
    /// and 20,000, «200-300 شخص» nothing.
    #[test]
    fn two_numbers_of_one_range_are_one_mention_with_its_bounds() {
        for (text, span, lo, hi) in [
            ("قتل بين 20 و30 شخصا", "20 و30", 20.0, 30.0),
            ("قتل ما بين ثلاثين وأربعين شخصا", "ثلاثين وأربعين", 30.0, 40.0),
            (
                "يراوح عددهم بين عشرة وعشرين ألفا",
                "عشرة وعشرين ألفا",
                10_000.0,
                20_000.0,
            ),
            ("رصد بين 5 و10 ملايين دولار", "5 و10 ملايين", 5e6, 1e7),
            ("حضر بين 20 إلى 30 ألف", "20 إلى 30 ألف", 20_000.0, 30_000.0),
            (
                "يتراوح عدد القتلى من 200 إلى 300 شخص",
                "200 إلى 300",
                200.0,
                300.0,
            ),
            ("يتراوح عدد الضحايا 200-300 شخص", "200-300", 200.0, 300.0),
            ("نمو 5–10% سنويا", "5–10%", 5.0, 10.0),
            // Two numbers a year could be, counting people.
            ("وصل 1500-2000 شخص", "1500-2000", 1500.0, 2000.0),
            // «أو» before the counted noun (reference §6.8).
            ("قتل عشرة أو عشرين جنديا", "عشرة أو عشرين", 10.0, 20.0),
            ("أصيب ثلاثة أو أربعة أشخاص", "ثلاثة أو أربعة", 3.0, 4.0),
            ("قتلت منهم 7 أو 8 أشخاص", "7 أو 8", 7.0, 8.0),
            (
                "بلغ سكانها ثلاثمائة أو أربعمائة ألف شخص",
                "ثلاثمائة أو أربعمائة ألف",
                300_000.0,
                400_000.0,
            ),
        ] {
            assert_eq!(
                numbers(text),
                [(span.to_owned(), None, Some(lo), Some(hi))],
                "{text}"
            );
        }
    }

    /// A change, a score, two years, the days of a month, a range the
    /// scale does not fit: not one range.
    #[test]
    fn what_is_no_range_stays_as_it_was() {
        let values = |s: &str| numbers(s).into_iter().map(|n| n.1).collect::<Vec<_>>();
        assert_eq!(
            values("ارتفع العدد من 200 إلى 300"),
            [Some(200.0), Some(300.0)]
        );
        assert_eq!(
            values("ما بين عشرين وخمسة وعشرين ألفا"),
            [Some(25.0), Some(20_000.0)]
        );
        // «أو» with nothing counted after, between counts far apart, or
        // after a unit's letters: two numbers.
        assert_eq!(values("قال إن عشرة أو عشرين"), [Some(10.0), Some(20.0)]);
        assert_eq!(values("قتل 2 أو 50 شخصا"), [Some(2.0), Some(50.0)]);
        assert_eq!(values("مساحتها km2 أو 58 ٪"), [Some(2.0), Some(58.0)]);
        for text in [
            "خسر الفريق 0-3 أمام",
            "خسر بنتيجة 1-2 أمام نادي",
            "في حرب 1990-1991 كانت",
            "يحتفل به في 21-22 مارس",
            "عاش (347–407 م)",
        ] {
            assert!(
                numbers(text).iter().all(|n| n.2.is_none()),
                "{text}: {:?}",
                numbers(text)
            );
        }
    }
}
