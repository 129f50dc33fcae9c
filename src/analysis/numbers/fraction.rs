//! A fraction of a whole named after it (reference §6.10): «ثلث السكان»,
//! «نصف الناخبين», «ربع العمال», «ثلثي المقاعد», «ثلاثة أرباع المنازل»:
//! the fraction's value, the whole as its unit. Only before
//! a definite whole, which is what makes «ثلث» a third and not a verb or a
//! name; not «نصف النهائي» or «ربع النهائي» (the semi- and quarter-final),
//! «نصف القطر» (the radius), «نصف الكرة» or «نصف الأرض الشمالي» (a
//! hemisphere) or «الأحجار نصف الكريمة» (semi-precious); «نصف المليون»
//! is read with its number. «خمس» and «عشر» are also five and ten: they
//! are a fifth and a tenth («خمس السكان», «عشر الميزانية») only before a
//! definite whole that is not a plural of time («خمس السنوات الماضية»),
//! and not as the ten of a number or an ordinal («الخمسة عشر الماضية»,
//! «الحادي عشر الميلادي»).

use super::NumberValue;
use crate::analysis::Text;
use crate::analysis::lexicon::{self, NUMBER_WORDS};

/// Fractions said in one word (folded).
const ONE_WORD: &[(&str, f64)] = &[
    ("نصف", 1.0 / 2.0),
    ("ثلث", 1.0 / 3.0),
    ("ربع", 1.0 / 4.0),
    ("سدس", 1.0 / 6.0),
    // The dual, nominative and oblique: two thirds.
    ("ثلثا", 2.0 / 3.0),
    ("ثلثي", 2.0 / 3.0),
];

/// Fractions that are also numbers, five and ten (folded).
const AMBIGUOUS: &[(&str, f64)] = &[("خمس", 1.0 / 5.0), ("عشر", 1.0 / 10.0)];

/// Wholes the ambiguous fractions are numbers before: plurals of time
/// and of times («خمس السنوات الماضية», «عشر المرات»), and the stars of a
/// rating («فندق خمس النجوم»: five stars, as no one rates in fifths).
const COUNTED: &[&str] = &[
    "النجوم",
    "السنوات",
    "السنين",
    "الاعوام",
    "الاشهر",
    "الشهور",
    "الاسابيع",
    "الايام",
    "الليالي",
    "الساعات",
    "الدقائق",
    "الثواني",
    "العقود",
    "القرون",
    "المرات",
];

/// Plural fractions after their count: «ثلاثة أرباع», «أربعة أخماس».
const PLURAL: &[(&str, f64)] = &[
    ("ارباع", 4.0),
    ("اخماس", 5.0),
    ("اسداس", 6.0),
    ("اعشار", 10.0),
];

/// Counts before a plural fraction (folded): three to nine.
const COUNTS: &[(&str, f64)] = &[
    ("ثلاثه", 3.0),
    ("ثلاث", 3.0),
    ("اربعه", 4.0),
    ("اربع", 4.0),
    ("خمسه", 5.0),
    ("خمس", 5.0),
    ("سته", 6.0),
    ("ست", 6.0),
    ("سبعه", 7.0),
    ("سبع", 7.0),
    ("ثمانيه", 8.0),
    ("ثماني", 8.0),
    ("تسعه", 9.0),
    ("تسع", 9.0),
];

/// Wholes a fraction word before them does not divide.
const NOT_WHOLES: &[&str] = &[
    "النهائي",
    "النهائيه",
    "النهائيات",
    "القطر",
    "المحور",
    "الكره",
    "الكريمه",
    "الليل",
    "النهار",
    "التي",
    "الذي",
    "الذين",
];

/// «نصف الأرض الشمالي», a hemisphere: the earth then a side (but «نصف
/// الساحل الشرقي» is half the coast).
const SIDES: &[&str] = &["الشمالي", "الجنوبي", "الشرقي", "الغربي"];

/// The words a fraction can start with, after a proclitic: for
/// [`super::may_start`].
pub(super) fn starts(word: &str) -> bool {
    ONE_WORD.iter().any(|f| f.0 == word) || COUNTS.iter().any(|c| c.0 == word)
}

/// A fraction at token `i` (after «و», «ف», «ب» or «ل»): its end and
/// value, with the whole after it as the unit.
pub(super) fn at(t: &Text, i: usize, taken: &[bool]) -> Option<(usize, NumberValue)> {
    let free = |k: usize| k < taken.len() && !taken[k] && t.is_word(k);
    if !free(i) {
        return None;
    }
    let (value, end) = t.readings(i).into_iter().take(3).find_map(|(s, w)| {
        if s > 2 {
            return None;
        }
        if let Some(&(_, v)) = ONE_WORD.iter().find(|f| f.0 == w) {
            return Some((v, i + 1));
        }
        if let Some(&(_, v)) = AMBIGUOUS.iter().find(|f| f.0 == w) {
            let whole = t.key(i + 1);
            let after_number = i > 0
                && t.readings(i - 1).iter().any(|&(_, p)| {
                    NUMBER_WORDS.contains_key(p)
                        || p.strip_prefix("ال")
                            .is_some_and(|p| NUMBER_WORDS.contains_key(p))
                        || lexicon::ordinal_first(p)
                });
            return (!after_number && !COUNTED.contains(&whole)).then_some((v, i + 1));
        }
        let &(_, n) = COUNTS.iter().find(|c| c.0 == w)?;
        let &(_, d) = PLURAL.iter().find(|p| p.0 == t.key(i + 1))?;
        (free(i + 1) && n < d).then_some((n / d, i + 2))
    })?;
    let whole = t.key(end);
    let definite = free(end)
        && whole.starts_with("ال")
        && whole.chars().count() >= 4
        && !NOT_WHOLES.contains(&whole)
        && super::scale_of(whole).is_none()
        && !(whole == "الارض" && SIDES.contains(&t.key(end + 1)));
    definite.then(|| {
        (
            end,
            NumberValue {
                value: Some(value),
                unit: Some(t.original[t.span(end, 0, end)].to_owned()),
                ..Default::default()
            },
        )
    })
}
