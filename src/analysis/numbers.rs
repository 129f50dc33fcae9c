//! Numbers: digits of three systems with their separators, number words
//! composed with و, scale words, percentages, approximators, bounds (more
//! than, at least: `NumberValue::inclusive`) and vague numerals, with the
//! counted noun as unit (reference §4, §6); a range of two numbers in
//! `numbers/range.rs`, a fraction of a whole in `numbers/fraction.rs`.

use super::lexicon::{self, NUMBER_WORDS, NumWord};
use super::ner::frequency::WORD_FREQUENCY;
use super::tokenize::readings;
use super::{Mention, MentionType, Norm, NumberValue, Text};

mod fraction;
mod range;

/// How an approximator bounds the number after it.
#[derive(Clone, Copy, PartialEq)]
enum Hedge {
    About,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
}

const HEDGES: &[(&[&str], Hedge)] = &[
    (&["نحو"], Hedge::About),
    (&["حوالي"], Hedge::About),
    (&["قرابه"], Hedge::About),
    (&["زهاء"], Hedge::About),
    (&["ما", "يقارب"], Hedge::About),
    (&["ما", "يقرب", "من"], Hedge::About),
    (&["ما", "يناهز"], Hedge::About),
    (&["اكثر", "من"], Hedge::MoreThan),
    (&["ازيد", "من"], Hedge::MoreThan),
    (&["ما", "يزيد", "عن"], Hedge::MoreThan),
    (&["ما", "يزيد", "علي"], Hedge::MoreThan),
    (&["ما", "يربو", "علي"], Hedge::MoreThan),
    (&["اقل", "من"], Hedge::LessThan),
    // «شارك دون 20 شخصا», under 20 (not «من دون», «بدون»: without).
    (&["دون"], Hedge::LessThan),
    // «قتل تقريبا مئة شخص»: said before as after.
    (&["تقريبا"], Hedge::About),
];

/// A bound that holds the amount it bounds: «على الأقل 12», «لا يتجاوز
/// ثلاثة أشهر». Read here for numbers and for amounts of time alike.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Bound {
    AtLeast,
    AtMost,
}

/// The words a [`bound_before`] starts with (after «و» or «ف»).
pub(super) const BOUND_FIRSTS: [&str; 3] = ["علي", "لا", "ما"];

/// A bound said before an amount at `i`, after «و» or «ف»: «على الأقل»,
/// «على الأكثر», «(ما) لا يقل عن», «(ما) لا يزيد على»، «(ما) لا يتجاوز»,
/// «ما يصل إلى». The bound, the amount's token and the conjunction's bytes.
pub(super) fn bound_before(t: &Text, i: usize) -> Option<(Bound, usize, usize)> {
    let key = t.key(i);
    let first = key
        .strip_prefix(['و', 'ف'])
        .filter(|w| BOUND_FIRSTS.contains(w))
        .unwrap_or(key);
    let skip = key.len() - first.len();
    let (k, first) = if first == "ما" {
        if t.key(i + 1) == "يصل" && t.key(i + 2) == "الي" {
            return Some((Bound::AtMost, i + 3, skip));
        }
        (i + 1, t.key(i + 1))
    } else {
        (i, first)
    };
    if first != "لا" && k > i {
        return None;
    }
    let (bound, next) = match (first, t.key(k + 1), t.key(k + 2)) {
        ("علي", "الاقل", _) => (Bound::AtLeast, k + 2),
        ("علي", "الاكثر", _) => (Bound::AtMost, k + 2),
        ("لا", "يقل" | "تقل", "عن") => (Bound::AtLeast, k + 3),
        ("لا", "يزيد" | "تزيد", "علي" | "عن") => (Bound::AtMost, k + 3),
        ("لا", "يتجاوز" | "تتجاوز", _) => (Bound::AtMost, k + 2),
        _ => return None,
    };
    Some((bound, next, skip))
}

/// A bound said after an amount that ends before token `k`: «12 شخصا على
/// الأقل», «على الأكثر», «أو أكثر», «أو أقل», «فأكثر», «فما فوق». The bound
/// and the end with it.
pub(super) fn bound_after(t: &Text, k: usize) -> Option<(Bound, usize)> {
    Some(match (t.key(k), t.key(k + 1)) {
        ("علي", "الاقل") | ("او", "اكثر") | ("فما" | "وما", "فوق") => {
            (Bound::AtLeast, k + 2)
        }
        ("علي", "الاكثر") | ("او", "اقل") | ("فما", "دون") => {
            (Bound::AtMost, k + 2)
        }
        ("فاكثر", _) => (Bound::AtLeast, k + 1),
        ("فاقل", _) => (Bound::AtMost, k + 1),
        _ => return None,
    })
}

/// The hedge of a [`Bound`].
fn bound_hedge(b: Bound) -> Hedge {
    match b {
        Bound::AtLeast => Hedge::AtLeast,
        Bound::AtMost => Hedge::AtMost,
    }
}

/// A hedge after the number or its counted noun: «شارك 500 شخص تقريبا»,
/// «قتل 12 شخصا على الأقل», «5 مقاعد على الأكثر», «ثلاثة أشخاص أو أكثر»,
/// «100 شخص فما فوق».
fn hedge_after(t: &Text, end: usize, v: &NumberValue) -> Option<Hedge> {
    let mut k = end;
    if v.unit.is_some() && t.is_word(k) && after(t, k).is_none() {
        k += 1 + usize::from(squared_or_cubed(t.key(k + 1)));
    }
    after(t, k)
}

/// The hedge said from token `k` on, after what it bounds.
fn after(t: &Text, k: usize) -> Option<Hedge> {
    match t.key(k) {
        "تقريبا" => Some(Hedge::About),
        _ => bound_after(t, k).map(|(b, _)| bound_hedge(b)),
    }
}

/// `v` hedged: about its value, or more or less than it.
fn hedge(mut v: NumberValue, hedge: Hedge) -> NumberValue {
    match hedge {
        Hedge::About => v.approximate = true,
        Hedge::MoreThan => {
            v.min = v.min.or(v.value);
            v.max = None;
            v.value = None;
        }
        Hedge::LessThan => {
            v.max = v.max.or(v.value);
            v.min = None;
            v.value = None;
        }
        Hedge::AtLeast => {
            v = self::hedge(v, Hedge::MoreThan);
            v.inclusive = true;
        }
        Hedge::AtMost => {
            v = self::hedge(v, Hedge::LessThan);
            v.inclusive = true;
        }
    }
    v
}

/// Words that never count as the counted noun.
const NOT_UNITS: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "او",
    "ثم",
    "حتي",
    "منذ",
    "بين",
    "قبل",
    "بعد",
    "خلال",
    "عند",
    "الذي",
    "التي",
    "الذين",
    "ان",
    "انه",
    "قد",
    "لا",
    "لم",
    "لن",
    "ما",
    "هو",
    "هي",
    "كما",
    "وفق",
    "حسب",
    "نحو",
    "حوالي",
    "تقريبا",
    "فقط",
    // Particles, pronouns and verbs a number often stands before: «قانون
    // رقم 10 لسنة 2003», «في 1980 حيث», «وبلغ 22 مليون بحسب الإحصاء».
    "لسنه",
    "لعام",
    "حيث",
    "فقد",
    "وقد",
    "لقد",
    "اثناء",
    "كل",
    "لكل",
    "هم",
    "وهو",
    "وهي",
    "وهم",
    "كان",
    "كانت",
    "وكان",
    "وكانت",
    "اصبح",
    "اصبحت",
    "يعتبر",
    "تعتبر",
    "يتم",
    "تم",
    "بينما",
    "ولا",
    "اي",
    "ايضا",
    "بحسب",
    "وفقا",
    "طبقا",
    "حسبما",
    "عندما",
    "اذا",
    "لكن",
    "ولكن",
    "اما",
    "حين",
    "ضمن",
    "دون",
    "بدون",
    "عبر",
    "لدي",
    "الا",
    "بسبب",
    "رغم",
];

/// Single words too ambiguous to be a number on their own.
const NOT_ALONE: &[&str] = &[
    "احد",
    "احدي",
    "اثنا",
    "اثني",
    "اثنتا",
    "اثنتي",
    "ست",
    "عشر",
    "عشره",
    "نصف",
    "ربع",
    "ثمان",
    "عشرا",
];

/// Vague numerals: (key, min, max).
const VAGUE: &[(&str, f64, f64)] = &[
    ("بضع", 3.0, 9.0),
    ("بضعه", 3.0, 9.0),
    ("عده", 3.0, 9.0),
    ("عشرات", 20.0, 99.0),
    ("مئات", 200.0, 999.0),
    ("الاف", 2000.0, 9999.0),
    ("الالاف", 2000.0, 9999.0),
    ("الوف", 2000.0, 9999.0),
    ("ملايين", 2e6, 9_999_999.0),
    ("الملايين", 2e6, 9_999_999.0),
];

/// Scale words that may follow a vague numeral or digits.
pub(super) fn scale_of(key: &str) -> Option<f64> {
    let found = NUMBER_WORDS
        .get(key)
        .or_else(|| NUMBER_WORDS.get(key.strip_prefix("ال")?));
    match found {
        Some(NumWord::Scale(s)) => Some(*s as f64),
        _ => None,
    }
}

/// Whether a number can start at token `i`: digits, or a word that is (after
/// و/ف) a number word, a vague numeral or the first word of a hedge.
pub(super) fn may_start(t: &Text, i: usize) -> bool {
    t.is_number(i)
        || (t.is_word(i)
            && t.readings(i).iter().take(2).any(|(_, w)| {
                NUMBER_WORDS.contains_key(*w)
                    || VAGUE.iter().any(|v| v.0 == *w)
                    || HEDGES.iter().any(|h| h.0[0] == *w)
                    || BOUND_FIRSTS.contains(w)
                    || fraction::starts(w)
            })
            // «الاثنا عشر».
            || t.key(i)
                .strip_prefix("ال")
                .is_some_and(|w| matches!(NUMBER_WORDS.get(w), Some(NumWord::Unit(1..10)))))
}

/// Finds numbers in tokens not yet `taken`.
pub fn find(t: &Text, taken: &mut [bool]) -> Vec<Mention> {
    find_from(t, &t.per_word(|i| may_start(t, i)), taken)
}

/// [`find`] where `starts` says which tokens may start a number
/// ([`may_start`]).
pub fn find_from(t: &Text, starts: &[bool], taken: &mut [bool]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.tokens.len() {
        let start = !taken[i] && starts[i];
        if !start {
            i += 1;
            continue;
        }
        match number_at(t, i, taken) {
            Some((end, skip, mut value)) => {
                // Past f64 (a number of some 310 digits or more) the value
                // is not known; the mention stays.
                let finite = |v: Option<f64>| v.filter(|x| x.is_finite());
                value.value = finite(value.value);
                value.min = finite(value.min);
                value.max = finite(value.max);
                out.push(Mention {
                    range: t.span(i, skip, end - 1),
                    kind: MentionType::Number,
                    norm: Some(Norm::Number(value)),
                });
                taken[i..end].iter_mut().for_each(|x| *x = true);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A number starting at token `i`: (end token, proclitic bytes to skip, value).
fn number_at(t: &Text, i: usize, taken: &[bool]) -> Option<(usize, usize, NumberValue)> {
    // A bound or a hedge, possibly after و/ف.
    if let Some((bound, j, skip)) = bound_before(t, i)
        && taken.get(j) == Some(&false)
        && let Some((end, v)) = bare_number(t, j, taken)
    {
        return Some((end, skip, hedge(v, bound_hedge(bound))));
    }
    for (skip, first) in t.readings(i).into_iter().take(2) {
        for (words, hedge) in HEDGES {
            if words[0] != first || !(1..words.len()).all(|k| t.key(i + k) == words[k]) {
                continue;
            }
            // «بدون 20», «من دون 20»: without, not under.
            if *words == ["دون"]
                && ((skip > 0 && !t.key(i).starts_with(['و', 'ف']))
                    || (i > 0 && t.key(i - 1) == "من"))
            {
                continue;
            }
            let j = i + words.len();
            if j < taken.len()
                && !taken[j]
                && let Some((end, v)) = bare_number(t, j, taken)
            {
                return Some((end, skip, self::hedge(v, *hedge)));
            }
        }
    }
    let skip = if t.is_word(i) {
        proclitic_skip(t.key(i))
    } else {
        0
    };
    let (end, v) = bare_number(t, i, taken)?;
    if let Some((end, r)) = range::after_first(t, i, end, &v, taken) {
        return Some((end, skip, r));
    }
    Some(match hedge_after(t, end, &v) {
        Some(h) => (end, skip, hedge(v, h)),
        None => (end, skip, v),
    })
}

/// Bytes of a leading و or ف on a number word (وثلاثة -> ثلاثة).
fn proclitic_skip(key: &str) -> usize {
    readings(key)
        .into_iter()
        .find(|(s, w)| {
            *s <= 2
                && (NUMBER_WORDS.contains_key(*w)
                    || VAGUE.iter().any(|v| v.0 == *w)
                    || fraction::starts(w))
        })
        .map_or(0, |(s, _)| s)
}

/// A number without hedge: a range in one token («200-300»), digits or
/// words, then scale, percent, تقريبا and the counted noun.
fn bare_number(t: &Text, i: usize, taken: &[bool]) -> Option<(usize, NumberValue)> {
    if let Some(r) = range::dashed(t, i, taken) {
        return Some(r);
    }
    if let Some(r) = fraction::at(t, i, taken) {
        return Some(r);
    }
    let (end, v) = if t.is_number(i) {
        let (end, value) = digits_and_scale(t, i, taken)?;
        (
            end,
            NumberValue {
                value: Some(value),
                ..Default::default()
            },
        )
    } else if let Some(r) = vague_at(t, i, taken) {
        r
    } else {
        words_at(t, i, untaken(taken))?
    };
    Some(tail(t, i, end, v, taken))
}

/// What follows a number `v` that starts at token `i` and ends before
/// `end`: the scale said again, a smaller number after «و», percent,
/// «تقريبا» and the counted noun.
fn tail(
    t: &Text,
    i: usize,
    mut end: usize,
    mut v: NumberValue,
    taken: &[bool],
) -> (usize, NumberValue) {
    let free = untaken(taken);
    // «مليون ونصف المليون»: the scale said again after its fraction.
    if free(end)
        && end >= 2
        && matches!(
            NUMBER_WORDS.get(t.key(end - 1).strip_prefix('و').unwrap_or(t.key(end - 1))),
            Some(NumWord::Fraction(_))
        )
        && t.key(end).strip_prefix("ال") == Some(t.key(end - 2))
        && scale_of(t.key(end)).is_some()
    {
        end += 1;
    }
    // «مليار و200 مليون», «3 ملايين و400 ألف», «ألف و500»: after «و», a
    // number smaller than the scale word that ends this one completes it.
    while let Some(value) = v.value
        && let Some(unit) = scale_unit(t, end - 1, value)
        && let Some((next_end, more)) = and_smaller(t, end, taken)
        && more < unit
        // One scale down at most: «3 مليون و2 . 5 مليون» is two.
        && more >= unit / 1000.0
    {
        v.value = Some(value + more);
        end = next_end;
    }
    // «مائة ونيف», «ثلاثون ونيفا»: some more than a round number, up to
    // the next of its rank (101 to 199, 31 to 39).
    if let Some(value) = v.value
        && free(end)
        && matches!(t.key(end), "ونيف" | "ونيفا")
        && (10.0..1e15).contains(&value)
        && value.fract() == 0.0
    {
        let mut rank = 10.0;
        while value % (rank * 10.0) == 0.0 && rank * 10.0 <= value {
            rank *= 10.0;
        }
        if value % rank == 0.0 {
            v = NumberValue {
                value: None,
                min: Some(value + 1.0),
                max: Some(value + rank - 1.0),
                approximate: true,
                ..v
            };
            end += 1;
        }
    }
    // Percent; written before the number too: «بنسبة ٪12» (not the sign
    // of a number before it, «12% 5»).
    let sign_first = i > 0
        && matches!(t.key(i - 1), "%" | "٪")
        && !(i > 1 && t.is_number(i - 2))
        && t.is_number(i);
    if sign_first {
        v.unit = Some("%".into());
    } else if free(end) && matches!(t.key(end), "%" | "‰") {
        v.unit = Some(t.key(end).to_owned());
        end += 1;
    } else if free(end + 1)
        && matches!(
            (t.key(end), t.key(end + 1)),
            ("في", "المئه") | ("في", "المائه") | ("في", "الميه")
        )
    {
        v.unit = Some("%".into());
        end += 2;
    } else if free(end) && matches!(t.key(end), "بالمئه" | "بالمائه") {
        v.unit = Some("%".into());
        end += 1;
    }
    if free(end) && t.key(end) == "تقريبا" {
        v.approximate = true;
        end += 1;
    }
    // The counted noun: before «واحد» and «اثنان» (جندي واحد), else after
    // (and after «أحد» and «إحدى»: «إحدى شركات الوزارة»).
    let one_or_two = end == i + 1
        && matches!(NUMBER_WORDS.get(t.key(i)), Some(NumWord::Unit(1 | 2)))
        && !matches!(t.key(i), "احد" | "احدي");
    if one_or_two {
        if i > 0 && t.is_word(i - 1) && !NOT_UNITS.contains(&t.key(i - 1)) {
            // «كيلومتر مربع واحد»: the measure with its power.
            let first = if i > 1 && squared_or_cubed(t.key(i - 1)) && t.is_word(i - 2) {
                i - 2
            } else {
                i - 1
            };
            let r = t.span(first, 0, i - 1);
            v.unit = Some(t.original[r].to_owned());
        }
    } else if v.unit.is_none() && free(end) && t.is_word(end) && !t.tokens[end].glued {
        let k = t.key(end);
        // Not the next number («بين خمسة وثمانية آلاف»).
        let number = |k: &str| NUMBER_WORDS.contains_key(k);
        if !NOT_UNITS.contains(&k)
            && !number(k)
            && !k.strip_prefix('و').is_some_and(number)
            && !joined_by_wa(k)
            && k.chars().count() > 1
            // «31 رمضان», a day no month has: the month is no counted noun.
            && !super::dates::names_month(t, end)
        {
            // «500 ألف كيلومتر مربع», «800 مليون متر مكعب»: an area or a
            // volume, not a length.
            let last = if free(end + 1) && squared_or_cubed(t.key(end + 1)) {
                end + 1
            } else {
                end
            };
            let r = t.span(end, 0, last);
            v.unit = Some(t.original[r].to_owned());
        }
    }
    (end, v)
}

/// «مربع», «مكعب» (and their feminines) after a measure: its power.
fn squared_or_cubed(key: &str) -> bool {
    matches!(key, "مربع" | "مربعه" | "مكعب" | "مكعبه")
}

/// Whether `key` reads as «و» and a word more common than itself: «قتل
/// ألف وجرح 500» counts no «وجرح» (a counted noun takes no «و»), but
/// «ألف وحدة سكنية» counts units, and «وزير» is a word.
fn joined_by_wa(key: &str) -> bool {
    let Some(rest) = key.strip_prefix('و').filter(|r| r.chars().count() >= 2) else {
        return false;
    };
    let bins = &WORD_FREQUENCY;
    match (bins.bin(rest), bins.bin(key)) {
        (Some(r), Some(k)) => r < k,
        (Some(_), None) => true,
        (None, _) => false,
    }
}

/// When token `k`, the last of a number of value `value`, is a scale word
/// (ألف, ملايين, مليونان…): the largest power of a thousand that divides
/// the value, which what completes it after «و» must be below.
fn scale_unit(t: &Text, k: usize, value: f64) -> Option<f64> {
    let key = t.key(k);
    let scale = scale_of(key).is_some()
        || matches!(NUMBER_WORDS.get(key), Some(NumWord::DualScale(1000..)));
    if !scale || value < 1000.0 || value % 1000.0 != 0.0 {
        return None;
    }
    let mut unit = 1000.0;
    while unit < 1e15 && value % (unit * 1000.0) == 0.0 {
        unit *= 1000.0;
    }
    Some(unit)
}

/// Digits at `i` and the scale word after them, if any («200 مليون»):
/// (end token, value).
fn digits_and_scale(t: &Text, i: usize, taken: &[bool]) -> Option<(usize, f64)> {
    let mut value = parse_digits(t.key(i))?;
    let mut end = i + 1;
    if end < taken.len()
        && !taken[end]
        && let Some(s) = scale_of(t.key(end))
    {
        value *= s;
        end += 1;
    }
    Some((end, value))
}

/// A number after «و» at `k` («و200 مليون», «وخمسمائة ألف»), without its
/// counted noun: (end token, value).
fn and_smaller(t: &Text, k: usize, taken: &[bool]) -> Option<(usize, f64)> {
    let free = untaken(taken);
    if t.key(k) == "و" && free(k) && free(k + 1) && t.is_number(k + 1) {
        return digits_and_scale(t, k + 1, taken);
    }
    if free(k) && t.is_word(k) && t.key(k).starts_with('و') {
        let (end, v) = words_at(t, k, untaken(taken))?;
        return Some((end, v.value?));
    }
    None
}

fn vague_at(t: &Text, i: usize, taken: &[bool]) -> Option<(usize, NumberValue)> {
    let (_, w) = t
        .readings(i)
        .into_iter()
        .take(2)
        .find(|(_, w)| VAGUE.iter().any(|v| v.0 == *w))?;
    // «بعده» (after him) folds as «بعدة» (with several): the letter
    // written last tells them apart.
    let harakat = |c: char| ('\u{64B}'..='\u{652}').contains(&c);
    if w == "عده"
        && t.original[t.span(i, 0, i)]
            .trim_end_matches(harakat)
            .ends_with('ه')
    {
        return None;
    }
    let &(_, mut lo, mut hi) = VAGUE.iter().find(|v| v.0 == w)?;
    let mut end = i + 1;
    let free = untaken(taken);
    let tens = t
        .key(end)
        .strip_prefix('و')
        .and_then(|k| match NUMBER_WORDS.get(k) {
            Some(&NumWord::Ten(n)) => Some(n as f64),
            _ => None,
        });
    if matches!(w, "بضع" | "بضعه") && free(end) && matches!(t.key(end), "عشر" | "عشره")
    {
        lo += 10.0;
        hi += 10.0;
        end += 1;
    } else if matches!(w, "بضع" | "بضعه")
        && free(end)
        && let Some(n) = tens
    {
        // «بضع وعشرون دولة»: twenty-some, 23 to 29.
        lo += n;
        hi += n;
        end += 1;
    } else if free(end)
        && let Some(s) = scale_of(t.key(end))
        && s > 100.0
    {
        // عشرات الآلاف, بضعة آلاف: the vague count multiplies the scale.
        lo *= s;
        hi *= s;
        end += 1;
    }
    Some((
        end,
        NumberValue {
            min: Some(lo),
            max: Some(hi),
            approximate: true,
            ..Default::default()
        },
    ))
}

/// Token `k` is free when it is in the text and not `taken`.
fn untaken(taken: &[bool]) -> impl Fn(usize) -> bool + Copy + '_ {
    move |k| k < taken.len() && !taken[k]
}

/// Number words composed with و: «ألفان وثلاثة وعشرون», «مليون وخمسمئة ألف»,
/// over the tokens `free` lets it read.
fn words_at(
    t: &Text,
    i: usize,
    free: impl Fn(usize) -> bool + Copy,
) -> Option<(usize, NumberValue)> {
    let mut total = 0.0f64;
    let mut group = 0.0f64;
    let mut end = i;
    let mut words = Vec::new();
    let mut pending_fraction: Option<f64> = None;
    let mut last_scale = 0.0f64;
    let mut last: Option<NumWord> = None;
    // Where the words after the last scale word begin, for «مائة ألف
    // ومائتا ألف».
    let mut group_start = i;
    let mut k = i;
    while free(k) && t.is_word(k) {
        // «خمسة و عشرون»: «و» written apart from the word it joins.
        let spaced = k > i
            && t.key(k) == "و"
            && free(k + 1)
            && t.is_word(k + 1)
            && NUMBER_WORDS.contains_key(t.key(k + 1));
        if spaced {
            k += 1;
        }
        let key = t.key(k);
        let wa = spaced || key.starts_with('و');
        let w = if k == i {
            // The first word may carry و/ف as a conjunction, and the
            // article before a ten written bare: «الاثنا عشر», «الخمسة
            // عشر» (not before a word alone: «الاثنين» is Monday).
            let teen = key.strip_prefix("ال").filter(|w| {
                matches!(NUMBER_WORDS.get(*w), Some(NumWord::Unit(1..10)))
                    && matches!(t.key(k + 1), "عشر" | "عشره")
            });
            if NUMBER_WORDS.contains_key(key) {
                key
            } else if let Some(w) = teen {
                w
            } else {
                &key[proclitic_skip(key)..]
            }
        } else {
            match if spaced {
                Some(key)
            } else {
                key.strip_prefix('و')
            } {
                Some(rest) if NUMBER_WORDS.contains_key(rest) => rest,
                // Without و only a word that multiplies or completes what
                // precedes: «خمسمئة ألف», «ثلاث مئة».
                _ if matches!(
                    NUMBER_WORDS.get(key),
                    Some(NumWord::Scale(_) | NumWord::DualScale(_) | NumWord::Hundred(100))
                ) =>
                {
                    key
                }
                _ => break,
            }
        };
        let Some(&nw) = NUMBER_WORDS.get(w) else {
            break;
        };
        // «مليونا دولار»: the dual in construct with its counted noun is
        // two of the scale (not «ثلاثون مليونا», the accusative after a
        // count). «ألفا» first before a word is more often Alpha («ألفا
        // روميو», «جسيمات ألفا تحمل», «ألفا عمر كوناري») than two
        // thousand («ألفا جندي») or a thousand: no number.
        let nw = match nw {
            NumWord::Scale(s)
                if k == i && matches!(w, "مليونا" | "مليارا") && construct_noun(t, k + 1, free) =>
            {
                NumWord::DualScale(s)
            }
            NumWord::Scale(_) if k == i && w == "الفا" && t.is_word(k + 1) => {
                let next = t.key(k + 1);
                let number = |w: &str| NUMBER_WORDS.contains_key(w);
                let and_digits = next == "و" && t.is_number(k + 2);
                if next != "من" && !next.strip_prefix('و').is_some_and(number) && !and_digits {
                    break;
                }
                nw
            }
            nw => nw,
        };
        // Two units in a row are two numbers: «هدف واحد وأربعة».
        if k > i && matches!(nw, NumWord::Unit(_)) && matches!(last, Some(NumWord::Unit(_))) {
            break;
        }
        // So are a ten after ten or more, and a hundred after a hundred:
        // «بين ثلاثين وأربعين», «بين عشرة وعشرين», «أحد عشر وعشرين»,
        // «مئة ومئتان» (a ten follows only a unit below ten: «خمسة
        // وعشرون», «مائة وعشرون»).
        let two = match nw {
            NumWord::Ten(_) => group % 100.0 >= 10.0,
            NumWord::Hundred(_) | NumWord::DualScale(100) => group % 1000.0 >= 100.0,
            _ => false,
        };
        if k > i && two && wa {
            break;
        }
        // So are two scales, the second no smaller: «بين ألف وألفين»,
        // «مليون ومليونين» (but «مليون وألف» is one).
        if let NumWord::Scale(s) | NumWord::DualScale(s) = nw
            && s >= 1000
            && group == 0.0
            && last_scale >= s as f64
            && wa
        {
            break;
        }
        // And a scale whose count follows «و» after a scale no larger:
        // «مائة ألف ومائتا ألف» is 100,000 and 200,000 (but «مليون ومائة
        // ألف» is 1,100,000).
        if let NumWord::Scale(s) | NumWord::DualScale(s) = nw
            && s >= 1000
            && group > 0.0
            && last_scale >= s as f64
            && t.key(group_start).starts_with('و')
        {
            end = group_start;
            group = 0.0;
            break;
        }
        if group == 0.0 {
            group_start = if spaced { k - 1 } else { k };
        }
        let last_word = last;
        last = Some(nw);
        match nw {
            NumWord::Unit(u) => {
                if matches!(t.key(k + 1), "عشر" | "عشره") && u < 10 {
                    group += 10.0 + u as f64;
                    k += 1;
                } else {
                    group += u as f64;
                }
            }
            NumWord::Ten(n) => group += n as f64,
            NumWord::Hundred(h) => {
                if h == 100 && (1.0..=9.0).contains(&group) {
                    group *= 100.0;
                } else {
                    group += h as f64;
                }
            }
            NumWord::DualScale(100) => group += 200.0,
            NumWord::DualScale(s) => {
                total += 2.0 * s as f64 + group;
                group = 0.0;
                last_scale = s as f64;
            }
            // «ألف ألف» (the classical million): a scale right after a
            // scale multiplies it.
            NumWord::Scale(s)
                if group == 0.0
                    && pending_fraction.is_none()
                    && matches!(last_word, Some(NumWord::Scale(_)))
                    && !wa =>
            {
                total *= s as f64;
                last_scale *= s as f64;
            }
            NumWord::Scale(s) => {
                let s = s as f64;
                let base = match pending_fraction.take() {
                    Some(f) => f,
                    None if group == 0.0 => 1.0,
                    None => group,
                };
                total += base * s;
                group = 0.0;
                last_scale = s;
            }
            NumWord::Fraction(f) => {
                if k == i {
                    pending_fraction = Some(f);
                } else if last_scale > 0.0 && group == 0.0 {
                    total += f * last_scale;
                } else {
                    group += f;
                }
            }
        }
        words.push(w);
        k += 1;
        end = k;
    }
    if words.is_empty() || pending_fraction.is_some() {
        return None;
    }
    // An ambiguous word alone is a number only before a counted noun without
    // the article: «عشر سنوات», not «أحد الجنود».
    if end - i == 1 && NOT_ALONE.contains(&words[0]) {
        // The ten of an ordinal: «الدورة الحادية عشرة للمؤتمر», «لويس
        // الرابع عشر طويلا» are no ten.
        if matches!(words[0], "عشر" | "عشره")
            && i > 0
            && t.readings(i - 1)
                .iter()
                .any(|(_, w)| lexicon::ordinal_first(w))
        {
            return None;
        }
        let next = t.key(end);
        let noun = t.is_word(end)
            && !next.starts_with("ال")
            && !NOT_UNITS.contains(&next)
            && !NUMBER_WORDS.contains_key(next);
        // The first of two bounds: «يتراوح من عشرة إلى عشرين», «عشرة أو
        // عشرين جنديا».
        let bound = (i > 0
            && matches!(t.key(i - 1), "من" | "بين" | "وبين")
            && (matches!(next, "الي" | "حتي")
                || next
                    .strip_prefix('و')
                    .is_some_and(|w| NUMBER_WORDS.contains_key(w))))
            || (next == "او" && NUMBER_WORDS.contains_key(t.key(end + 1)));
        if !(noun || bound) || matches!(words[0], "نصف" | "ربع") {
            return None;
        }
    }
    Some((
        end,
        NumberValue {
            value: Some(total + group),
            ..Default::default()
        },
    ))
}

/// Whether token `k` is a noun a dual scale before it is in construct
/// with: a free word without the article, «و» or the accusative's alef,
/// and no number or particle («مليونا دولار», not «مليونا من التواقيع»).
fn construct_noun(t: &Text, k: usize, free: impl Fn(usize) -> bool) -> bool {
    let w = t.key(k);
    free(k)
        && t.is_word(k)
        && !t.tokens[k].glued
        && w.chars().count() >= 3
        && !w.starts_with("ال")
        && !w.starts_with('و')
        && !w.ends_with('ا')
        && !NOT_UNITS.contains(&w)
        && !NUMBER_WORDS.contains_key(w)
}

/// The value of number words at `i` and the token after them («ألفين
/// وثلاثة وعشرين» 2023), for a reader of another kind of mention (a year
/// said in words). Every token is free to it (no table of the text's
/// tokens is made for each call: a long text asks often).
pub(super) fn words_value(t: &Text, i: usize) -> Option<(usize, f64)> {
    let (end, v) = words_at(t, i, |k| k < t.tokens.len())?;
    Some((end, v.value?))
}

/// The value of a digit token: `1,250,000`, `42.5`, `2,5` (Maghreb decimal
/// comma), `1.234.567`, `1.234,5`, `45.000` (thousands). Dates and times
/// (`/`, `:`, `-`) are not numbers, and a value past f64 is not known.
pub fn parse_digits(s: &str) -> Option<f64> {
    if s.contains(['/', ':', '-']) {
        return None;
    }
    let seps: Vec<(usize, char)> = s
        .char_indices()
        .filter(|(_, c)| matches!(c, '.' | ','))
        .collect();
    let digits = |a: &str| a.chars().filter(char::is_ascii_digit).collect::<String>();
    let value: f64 = match seps.as_slice() {
        [] => s.parse().ok()?,
        [(p, c)] => {
            let after = s.len() - p - 1;
            // One comma before exactly three digits groups, and so does
            // one point before three zeros («45.000 زائر»: no one writes
            // 45 so); otherwise a single separator is a decimal point.
            let thousands = *c == '.' && &s[p + 1..] == "000" && !s[..*p].starts_with('0');
            if (*c == ',' && after == 3) || thousands {
                digits(s).parse().ok()?
            } else {
                format!("{}.{}", &s[..*p], &s[p + 1..]).parse().ok()?
            }
        }
        many => {
            let (last_p, last_c) = *many.last().unwrap();
            let first_c = many[0].1;
            let groups_of_three = s.split(['.', ',']).skip(1).all(|g| g.len() == 3);
            if many.iter().all(|(_, c)| *c == first_c) && groups_of_three {
                digits(s).parse().ok()?
            } else if last_c != first_c {
                format!("{}.{}", digits(&s[..last_p]), &s[last_p + 1..])
                    .parse()
                    .ok()?
            } else {
                return None;
            }
        }
    };
    // Past f64 the value is not known (found by the dates fuzzer).
    value.is_finite().then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by the dates fuzzer: a number of 339 digits had the value
    /// infinity (written as null in JSON, shown as «∞»). Past f64 a string
    /// of digits is not read as a number; number words that multiply past
    /// it keep their mention with no value.
    #[test]
    fn a_number_past_f64_is_never_infinity() {
        let huge = "9".repeat(339);
        assert_eq!(parse_digits(&huge), None);
        assert_eq!(parse_digits(&format!("{huge}.5")), None);
        let text = format!("بلغ {huge} دولاراً و{} مليار مليار", "9".repeat(300));
        let t = Text::new(&text);
        let mut taken = vec![false; t.tokens.len()];
        for m in find(&t, &mut taken) {
            let Some(Norm::Number(n)) = &m.norm else {
                panic!("a number")
            };
            for v in [n.value, n.min, n.max].into_iter().flatten() {
                assert!(v.is_finite(), "{v} at {:?}", m.range);
            }
        }
    }

    fn numbers(s: &str) -> Vec<(String, NumberValue)> {
        let t = Text::new(s);
        let mut taken = vec![false; t.tokens.len()];
        find(&t, &mut taken)
            .into_iter()
            .map(|m| {
                let Some(Norm::Number(v)) = m.norm else {
                    unreachable!()
                };
                (s[m.range].to_owned(), v)
            })
            .collect()
    }

    fn value(s: &str) -> f64 {
        let n = numbers(s);
        assert_eq!(n.len(), 1, "{s}: {n:?}");
        n[0].1.value.unwrap_or_else(|| panic!("{s}: {:?}", n[0].1))
    }

    #[test]
    fn digits_of_every_system_and_separator() {
        assert_eq!(value("2500"), 2500.0);
        assert_eq!(value("٢٥٠٠"), 2500.0);
        assert_eq!(value("۲۵۰۰"), 2500.0);
        assert_eq!(value("1,250,000"), 1_250_000.0);
        assert_eq!(value("١٬٢٥٠٬٠٠٠"), 1_250_000.0);
        assert_eq!(value("1.250.000"), 1_250_000.0);
        assert_eq!(value("42.5"), 42.5);
        assert_eq!(value("٣٨٫٢"), 38.2);
        assert_eq!(value("2,5"), 2.5);
        assert_eq!(value("1.234,5"), 1234.5);
        assert_eq!(value("1,234.5"), 1234.5);
        // «بيع منها 130.000 نسخة» was 130: a point before three zeros
        // groups thousands; before other digits it is a decimal point.
        assert_eq!(value("130.000"), 130_000.0);
        assert_eq!(value("1.250"), 1.25);
        assert_eq!(value("0.000"), 0.0);
    }

    /// «٪12» with its sign first was a bare 12, «10 في المية» 10, and
    /// «تقريبا مئة» exactly 100.
    #[test]
    fn percent_sign_first_and_about_said_before() {
        for text in ["بنسبة ٪12", "بنسبة % 12", "زادت 12 في المية"] {
            let n = numbers(text);
            assert_eq!(
                (n[0].1.value, n[0].1.unit.as_deref()),
                (Some(12.0), Some("%")),
                "{text}"
            );
        }
        // The sign after a number is that number's.
        let n = numbers("بلغ 12% 5 منها");
        assert_eq!(n[1].1.unit.as_deref(), Some("منها"), "{n:?}");
        let n = numbers("قتل تقريبا مئة شخص");
        assert!(n[0].1.approximate, "{n:?}");
    }

    #[test]
    fn percent_scale_and_unit() {
        let n = numbers("ارتفع بنسبة 42.5% أمس");
        assert_eq!(n[0].0, "42.5%");
        assert_eq!(n[0].1.unit.as_deref(), Some("%"));
        let n = numbers("بلغت ٣٨٫٢٪");
        assert_eq!((n[0].0.as_str(), n[0].1.value), ("٣٨٫٢٪", Some(38.2)));
        let n = numbers("نما 3 في المئة");
        assert_eq!(
            (n[0].0.as_str(), n[0].1.unit.as_deref()),
            ("3 في المئة", Some("%"))
        );
        assert_eq!(value("2.5 مليون"), 2_500_000.0);
        assert_eq!(value("٢٫٥ مليار"), 2_500_000_000.0);
        assert_eq!(value("3 آلاف"), 3000.0);
        let n = numbers("تنشر 2500 عسكري");
        assert_eq!(
            (n[0].0.as_str(), n[0].1.unit.as_deref()),
            ("2500", Some("عسكري"))
        );
        // An area or a volume keeps its power: «كيلومتر» alone is a length.
        for (text, span, unit) in [
            ("مساحتها 500 ألف كيلومتر مربع", "500 ألف", "كيلومتر مربع"),
            ("بنحو 800 مليون متر مكعب", "نحو 800 مليون", "متر مكعب"),
            ("في كيلومتر مربع واحد", "واحد", "كيلومتر مربع"),
        ] {
            let n = numbers(text);
            assert_eq!(
                (n[0].0.as_str(), n[0].1.unit.as_deref()),
                (span, Some(unit)),
                "{text}"
            );
        }
    }

    #[test]
    fn number_words() {
        for (text, v) in [
            ("خمسمئة وثلاث وعشرون", 523.0),
            ("مليون وخمسمئة ألف", 1_500_000.0),
            ("ألفين وثلاثة وعشرين", 2023.0),
            ("مئتين وخمسين ألفا", 250_000.0),
            ("واحدة", 1.0),
            ("ثلاث مئة", 300.0),
            ("مئتي", 200.0),
            ("نصف مليون", 500_000.0),
            ("مليون ونصف", 1_500_000.0),
            ("أحد عشر", 11.0),
            ("إحدى عشرة", 11.0),
            ("اثنا عشر", 12.0),
            ("ثلاثة عشر", 13.0),
            ("تسعة عشر", 19.0),
            ("واحد وعشرون", 21.0),
            ("ثلاثمائة", 300.0),
            ("ألفان", 2000.0),
            ("مليونين", 2_000_000.0),
            // «و» written apart from its word.
            ("خمسة و عشرون", 25.0),
            ("مئة وسبعة و عشرين مليون", 127_000_000.0),
        ] {
            assert_eq!(value(text), v, "{text}");
        }
    }

    /// «شارك 500 شخص تقريبا» was exactly 500.
    #[test]
    fn about_after_the_counted_noun() {
        for text in [
            "شارك 500 شخص تقريبا",
            "قتل مئة شخص تقريبا",
            "ارتفع 5% تقريبا",
        ] {
            let n = numbers(text);
            assert!(n[0].1.approximate, "{text}: {n:?}");
        }
        assert!(!numbers("شارك 500 شخص في المسيرة")[0].1.approximate);
    }

    /// «بين عشرة وعشرين شخصا» was one number, 30; «ما بين ثلاثين
    /// وأربعين» 70; «مئة ومئتان» 300.
    #[test]
    fn two_tens_or_two_hundreds_are_two_numbers() {
        // After «بين» they are one range (`numbers/range.rs`).
        for (text, want) in [
            ("قتل بين عشرة وعشرين شخصا", &[10.0, 20.0][..]),
            ("قتل ما بين ثلاثين وأربعين شخصا", &[30.0, 40.0]),
        ] {
            let n = &numbers(text)[0].1;
            assert_eq!([n.min.unwrap(), n.max.unwrap()], want, "{text}");
        }
        for (text, want) in [
            ("أصيب أحد عشر وعشرون آخرون", &[11.0, 20.0][..]),
            ("وصل مئة ومئتان من المتطوعين", &[100.0, 200.0]),
            ("مائة وخمسة وثلاثين", &[135.0]),
            ("ألف وتسعمائة وثمانية وأربعين", &[1948.0]),
        ] {
            let got: Vec<f64> = numbers(text).iter().filter_map(|n| n.1.value).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    /// «مليار و200 مليون دولار» was two numbers, a billion and 200
    /// million; «بين ألف وألفين» one of 3000; «مليون ونصف المليون» took
    /// «المليون» for its counted noun.
    #[test]
    fn digits_after_a_scale_word_complete_it_and_two_scales_are_two() {
        for (text, span, v) in [
            ("مليار و200 مليون دولار", "مليار و200 مليون", 1.2e9),
            ("3 ملايين و400 ألف نسمة", "3 ملايين و400 ألف", 3_400_000.0),
            ("مليونان و500 ألف", "مليونان و500 ألف", 2_500_000.0),
            ("ألف و500 جندي", "ألف و500", 1500.0),
            (
                "مليار و200 مليون و300 ألف",
                "مليار و200 مليون و300 ألف",
                1_200_300_000.0,
            ),
            ("مليون ونصف المليون دولار", "مليون ونصف المليون", 1_500_000.0),
            ("مليون وألف", "مليون وألف", 1_001_000.0),
        ] {
            let n = numbers(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            assert_eq!((n[0].0.as_str(), n[0].1.value), (span, Some(v)), "{text}");
        }
        assert_eq!(
            numbers("مليون ونصف المليون دولار")[0].1.unit.as_deref(),
            Some("دولار")
        );
        // More than one scale down is another number (here ANERcorp's
        // «2 . 5», a decimal written with spaces).
        assert_eq!(
            numbers("ما بين 3 مليون و2 . 5 مليون برميل")[0],
            (
                "3 مليون".to_owned(),
                NumberValue {
                    value: Some(3e6),
                    ..Default::default()
                }
            )
        );
        // A list, and a smaller number after a number without a scale word.
        for text in [
            "ألف وألفين",
            "مليون ومليونين",
            "2000 و3000",
            "عام 2000 و300 شخص",
        ] {
            assert_eq!(numbers(text).len(), 2, "{text}: {:?}", numbers(text));
        }
    }

    /// «مائة ألف ومائتا ألف» was one number of 300,000, «ألف ألف» 2,000,
    /// and «قتل ألف وجرح 500» counted «وجرح».
    #[test]
    fn a_scale_after_a_scale_and_a_noun_after_wa() {
        let n = numbers("خرج مائة ألف ومائتا ألف متظاهر");
        assert_eq!(
            n.iter()
                .map(|(s, v)| (s.as_str(), v.value))
                .collect::<Vec<_>>(),
            [
                ("مائة ألف", Some(100_000.0)),
                ("مائتا ألف", Some(200_000.0))
            ]
        );
        assert_eq!(value("مليون ومائة ألف دولار"), 1_100_000.0);
        assert_eq!(value("أعطاه ألف ألف وأربعمئة ألف درهم"), 1_400_000.0);
        let n = numbers("قتل ألف وجرح 500");
        assert_eq!(n[0].1.unit, None, "{n:?}");
        // A noun whose first letter is و is counted.
        let n = numbers("بنى ألف وحدة سكنية");
        assert_eq!(n[0].1.unit.as_deref(), Some("وحدة"));
        let n = numbers("حضر ألف وزير");
        assert_eq!(n[0].1.unit.as_deref(), Some("وزير"));
    }

    /// «وبلغ عدد السكان 22 مليون بحسب الإحصاء» counted «بحسب», and «قانون
    /// رقم 10 لسنة 2003» counted «لسنة»: a particle, a pronoun or a verb
    /// after a number is no counted noun, nor is a month after a day it
    /// lacks («31 رمضان»). «أحد» and «إحدى» count the noun
    /// after them, not the word before.
    #[test]
    fn a_particle_or_a_verb_is_no_counted_noun() {
        for text in [
            "وبلغ عدد السكان 22 مليون بحسب الإحصاء",
            "بموجب القانون رقم 10 لسنة 2003",
            "وفي عام 1980 حيث تأهل الفريق",
            "بلغ عددهم 300 وهي نسبة كبيرة",
            "بلغت 40 بينما كانت 30",
            "فرجع كل واحد إلى مدينته",
            "وانتهى الصيام في 31 رمضان حسب الرواية",
        ] {
            let n = numbers(text);
            assert_eq!(n[0].1.unit, None, "{text}: {n:?}");
        }
        let n = numbers("وهي إحدى شركات الوزارة");
        assert_eq!(n[0].1.unit.as_deref(), Some("شركات"), "{n:?}");
        // The noun before «واحد» is still its own.
        let n = numbers("قتل جندي واحد");
        assert_eq!(n[0].1.unit.as_deref(), Some("جندي"), "{n:?}");
    }

    #[test]
    fn hedges_and_vague_numerals() {
        let n = numbers("إن نحو 70 أميركياً أصيبوا");
        assert_eq!(n[0].0, "نحو 70");
        assert_eq!((n[0].1.value, n[0].1.approximate), (Some(70.0), true));
        assert_eq!(n[0].1.unit.as_deref(), Some("أميركياً"));
        let n = numbers("ونحو ٣٠٠ شخص");
        assert_eq!(n[0].0, "نحو ٣٠٠", "the conjunction stays outside");
        let n = numbers("أكثر من 100 قتيل");
        assert_eq!(
            (n[0].1.min, n[0].1.max, n[0].1.value),
            (Some(100.0), None, None)
        );
        let n = numbers("ويتواجد أيضا مئات العسكريين");
        assert_eq!(n[0].0, "مئات");
        assert_eq!(
            (n[0].1.min, n[0].1.max, n[0].1.approximate),
            (Some(200.0), Some(999.0), true)
        );
        let n = numbers("عشرات الآلاف");
        assert_eq!((n[0].1.min, n[0].1.max), (Some(20_000.0), Some(99_000.0)));
        let n = numbers("بضعة عشر");
        assert_eq!((n[0].1.min, n[0].1.max), (Some(13.0), Some(19.0)));
        let n = numbers("بضعة آلاف");
        assert_eq!((n[0].1.min, n[0].1.max), (Some(3000.0), Some(9000.0)));
    }

    /// «مائة ونيف» was 100 and «بضع وعشرون» 3 to 9 and 20: some more than
    /// a round number, up to the next of its rank, and twenty-some.
    #[test]
    fn some_more_than_a_round_number() {
        for (text, span, lo, hi) in [
            ("قتل مائة ونيف شخص", "مائة ونيف", 101.0, 199.0),
            ("أصيب ثلاثون ونيف شخصا", "ثلاثون ونيف", 31.0, 39.0),
            ("منذ ثلاثين ونيفا", "ثلاثين ونيفا", 31.0, 39.0),
            ("قتل 300 ونيف", "300 ونيف", 301.0, 399.0),
            ("شارك بضع وعشرون دولة", "بضع وعشرون", 23.0, 29.0),
        ] {
            let n = numbers(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            assert_eq!(
                (n[0].0.as_str(), n[0].1.min, n[0].1.max, n[0].1.approximate),
                (span, Some(lo), Some(hi), true),
                "{text}"
            );
        }
        // Not after a number that is not round.
        let n = numbers("قتل 35 ونيف");
        assert_eq!(n[0].1.value, Some(35.0), "{n:?}");
    }

    /// «قتل 12 شخصا على الأقل» was 12 and «ما لا يقل عن 200» a bare 200:
    /// a bound that holds itself, before or after the number, is its min
    /// or max with `inclusive`; «أكثر من» stays a bound without it.
    #[test]
    fn bounds_that_hold_themselves() {
        // (text, span, min, max, inclusive)
        for (text, span, min, max, inclusive) in [
            ("قتل 12 شخصا على الأقل", "12", Some(12.0), None, true),
            (
                "قتل على الأقل 12 شخصا",
                "على الأقل 12",
                Some(12.0),
                None,
                true,
            ),
            ("قتل عشرون على الأقل", "عشرون", Some(20.0), None, true),
            (
                "أصيب ما لا يقل عن 200 شخص",
                "ما لا يقل عن 200",
                Some(200.0),
                None,
                true,
            ),
            (
                "كان لا يزيد عن 282 مليون جنيه",
                "لا يزيد عن 282 مليون",
                None,
                Some(282e6),
                true,
            ),
            (
                "يسمح بدخول ما لا يزيد على 50 شاحنة",
                "ما لا يزيد على 50",
                None,
                Some(50.0),
                true,
            ),
            (
                "استبعاد ما يصل إلى عشرة آلاف صوت",
                "ما يصل إلى عشرة آلاف",
                None,
                Some(1e4),
                true,
            ),
            ("حصل على 5 مقاعد على الأكثر", "5", None, Some(5.0), true),
            ("يلزم ثلاثة أشخاص أو أكثر", "ثلاثة", Some(3.0), None, true),
            ("قتل أكثر من 12 شخصا", "أكثر من 12", Some(12.0), None, false),
            (
                "شارك دون 20 شخصا في التصويت",
                "دون 20",
                None,
                Some(20.0),
                false,
            ),
        ] {
            let n = numbers(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            let v = &n[0].1;
            assert_eq!(
                (n[0].0.as_str(), v.value, v.min, v.max, v.inclusive),
                (span, None, min, max, inclusive),
                "{text}"
            );
        }
        // Without: «بدون 20 شخصا», «من دون 20 شخصا».
        for text in ["خرج بدون 20 شخصا", "خرج من دون 20 شخصا"] {
            let n = numbers(text);
            assert_eq!((n.len(), n[0].1.value), (1, Some(20.0)), "{text}");
        }
    }

    /// «يتراوح من عشرة إلى عشرين» was only 20: «عشرة» alone is too often
    /// not ten, but as the first of two bounds it is.
    #[test]
    fn an_ambiguous_word_as_the_first_bound_of_a_range() {
        let n = numbers("يتراوح عددهم من عشرة إلى عشرين");
        assert_eq!(n.len(), 1, "{n:?}");
        assert_eq!((n[0].1.min, n[0].1.max), (Some(10.0), Some(20.0)));
        // Without «يتراوح», a change from one to the other: two numbers.
        let n = numbers("ارتفع من عشرة إلى عشرين");
        assert_eq!(n.len(), 2, "{n:?}");
    }

    /// «ثلث السكان», «ثلاثة أرباع المنازل» were nothing or three: a
    /// fraction before its definite whole is its value, the whole its unit.
    #[test]
    fn a_fraction_of_a_whole() {
        for (text, span, value, unit) in [
            ("يعيش ثلث السكان تحت خط الفقر", "ثلث", 1.0 / 3.0, "السكان"),
            ("يشكل الشباب ثلثا السكان", "ثلثا", 2.0 / 3.0, "السكان"),
            ("فاز بثلثي الأصوات", "ثلثي", 2.0 / 3.0, "الأصوات"),
            ("فقد ربع العمال وظائفهم", "ربع", 0.25, "العمال"),
            ("صوت نصف الناخبين لصالح القرار", "نصف", 0.5, "الناخبين"),
            ("دمر ثلاثة أرباع المنازل", "ثلاثة أرباع", 0.75, "المنازل"),
            ("ونصف الناخبين", "نصف", 0.5, "الناخبين"),
            // Five and ten, a fifth and a tenth before a definite whole.
            ("يعيش خمس السكان في المدن", "خمس", 0.2, "السكان"),
            ("وخمس الميزانية للتعليم", "خمس", 0.2, "الميزانية"),
            ("ما يمثل عشر الناتج المحلي", "عشر", 0.1, "الناتج"),
        ] {
            let n = numbers(text);
            assert_eq!(n.len(), 1, "{text}: {n:?}");
            assert_eq!(
                (n[0].0.as_str(), n[0].1.value, n[0].1.unit.as_deref()),
                (span, Some(value), Some(unit)),
                "{text}"
            );
        }
        // The semi- and quarter-final, the radius; «نصف المليون» with its
        // number.
        for text in ["تأهل إلى نصف النهائي", "بلغ ربع النهائي", "نصف القطر"]
        {
            assert!(numbers(text).is_empty(), "{text}");
        }
        assert_eq!(value("مليون ونصف المليون"), 1_500_000.0);
        // Five before a plural of time, and a ten after a number: no
        // fraction.
        for text in [
            "خلال خمس السنوات الماضية",
            "أعضاء المجلس الخمسة عشر الآخرون",
            "نزل في فندق خمس النجوم",
        ] {
            let n = numbers(text);
            assert!(n.iter().all(|n| n.1.value >= Some(1.0)), "{text}: {n:?}");
        }
    }

    /// «الدورة الحادية عشرة للمؤتمر» and «لويس الرابع عشر طويلا» were
    /// ten (the word after it its counted noun): the ten of an ordinal is
    /// no number.
    #[test]
    fn the_ten_of_an_ordinal_is_no_ten() {
        for text in [
            "افتتحت الدورة الحادية عشرة للمؤتمر",
            "كان عهد لويس الرابع عشر طويلا",
            "في أوائل القرن الثاني عشر الهجري الموافق للثامن عشر الميلادي",
            "وفي عمر الثامنة عشر غادر رومانيا",
        ] {
            assert!(numbers(text).is_empty(), "{text}: {:?}", numbers(text));
        }
        assert_eq!(value("عاد بعد عشر سنوات"), 10.0);
    }

    /// «رصد مليونا دولار» was one million: the dual in construct with its
    /// counted noun is two. «ألفا روميو» and «ألفا عمر كوناري» were a
    /// thousand: «ألفا» first before a word is Alpha, no number.
    #[test]
    fn a_dual_scale_in_construct_and_alpha() {
        assert_eq!(value("رصد مليونا دولار للمشروع"), 2e6);
        assert_eq!(value("خصص مليارا دولار"), 2e9);
        // The accusative after a count, or before «من»: one of the scale.
        assert_eq!(value("قتل ثلاثون مليونا"), 30e6);
        assert_eq!(value("جمع مليونا من التواقيع"), 1e6);
        assert_eq!(value("جاء ألفا من الجنود"), 1000.0);
        assert_eq!(value("يبلغ طولها ألفا و50 مترا"), 1050.0);
        for text in ["سيارات ألفا روميو", "وألفا عمر كوناري رئيس المفوضية"]
        {
            assert!(numbers(text).is_empty(), "{text}: {:?}", numbers(text));
        }
    }

    /// «الاثنا عشر»: a teen with the article is one number (it was «عشر»,
    /// ten); «الاثنين» alone is Monday. Two units in a row are two numbers
    /// («هدف واحد وأربعة» was five), and the next number is no counted noun.
    #[test]
    fn a_definite_teen_and_two_units_in_a_row() {
        let n = numbers("اعتقل الاثنا عشر متهما");
        assert_eq!(
            (n[0].0.as_str(), n[0].1.value, n[0].1.unit.as_deref()),
            ("الاثنا عشر", Some(12.0), Some("متهما"))
        );
        assert_eq!(numbers("أعضاء المجلس الخمسة عشر")[0].1.value, Some(15.0));
        assert!(numbers("يصل الاثنين").is_empty());
        let n = numbers("فاز بهدف واحد وأربعة");
        assert_eq!(
            n.iter().map(|x| x.1.value).collect::<Vec<_>>(),
            [Some(1.0), Some(4.0)]
        );
        // The counted noun is the range's, after its second number.
        let n = numbers("بين خمسة وثمانية آلاف جندي");
        assert_eq!(
            (n[0].1.min, n[0].1.unit.as_deref()),
            (Some(5000.0), Some("جندي")),
            "{n:?}"
        );
    }

    /// «بعده» (after him) is no vague number; «بعدة دول» (in several) is.
    #[test]
    fn after_him_is_not_several() {
        assert!(numbers("وخلا الكرسي بعده شهرا").is_empty());
        assert!(numbers("جاء بعدهُ ابنه").is_empty());
        assert_eq!(numbers("زار بعدة دول")[0].0, "عدة");
    }

    #[test]
    fn ambiguous_single_words_are_not_numbers() {
        assert!(numbers("أحد الجنود").is_empty());
        assert!(numbers("ست الحبايب").is_empty());
    }

    #[test]
    fn every_number_word_row_of_the_reference() {
        // §6.1 units, both genders, and case/spelling variants.
        let units: [(u32, &[&str]); 11] = [
            (0, &["صفر"]),
            (1, &["واحد", "واحدة"]),
            (
                2,
                &[
                    "اثنان",
                    "اثنين",
                    "اثنتان",
                    "اثنتين",
                    "إثنان",
                    "إثنين",
                    "إثنتان",
                ],
            ),
            (3, &["ثلاثة", "ثلاث", "ثلاثا"]),
            (4, &["أربعة", "أربع", "أربعا"]),
            (5, &["خمسة", "خمس", "خمسا"]),
            (6, &["ستة", "ست", "ستا"]),
            (7, &["سبعة", "سبع", "سبعا"]),
            (8, &["ثمانية", "ثماني", "ثمان"]),
            (9, &["تسعة", "تسع", "تسعا"]),
            (10, &["عشرة", "عشر", "عشرا"]),
        ];
        for (v, forms) in units {
            for f in forms {
                // Before a counted noun, as they are used.
                let n = numbers(&format!("{f} سنوات"));
                assert_eq!(n.first().and_then(|n| n.1.value), Some(v as f64), "{f}");
            }
        }
        // §6.2 eleven to nineteen, both columns.
        let teens = [
            (11, "أحد عشر", "إحدى عشرة"),
            (12, "اثنا عشر", "اثنتا عشرة"),
            (12, "اثني عشر", "اثنتي عشرة"),
            (13, "ثلاثة عشر", "ثلاث عشرة"),
            (14, "أربعة عشر", "أربع عشرة"),
            (15, "خمسة عشر", "خمس عشرة"),
            (16, "ستة عشر", "ست عشرة"),
            (17, "سبعة عشر", "سبع عشرة"),
            (18, "ثمانية عشر", "ثماني عشرة"),
            (19, "تسعة عشر", "تسع عشرة"),
        ];
        for (v, m, f) in teens {
            assert_eq!(value(m), v as f64, "{m}");
            assert_eq!(value(f), v as f64, "{f}");
        }
        // §6.3 tens, both cases.
        for (v, nom, obl) in [
            (20, "عشرون", "عشرين"),
            (30, "ثلاثون", "ثلاثين"),
            (40, "أربعون", "أربعين"),
            (50, "خمسون", "خمسين"),
            (60, "ستون", "ستين"),
            (70, "سبعون", "سبعين"),
            (80, "ثمانون", "ثمانين"),
            (90, "تسعون", "تسعين"),
        ] {
            assert_eq!(value(nom), v as f64);
            assert_eq!(value(obl), v as f64);
        }
        // §6.4 hundreds.
        for (v, forms) in [
            (100.0, &["مئة", "مائة", "مئه", "مائه"][..]),
            (
                200.0,
                &[
                    "مئتان",
                    "مئتين",
                    "مائتان",
                    "مائتين",
                    "مئتا",
                    "مئتي",
                    "مائتا",
                    "مائتي",
                ][..],
            ),
            (300.0, &["ثلاثمئة", "ثلاثمائة", "ثلاث مئة", "ثلاث مائة"][..]),
            (800.0, &["ثمانمئة", "ثماني مئة"][..]),
            (900.0, &["تسعمئة", "تسعمائة"][..]),
        ] {
            for f in forms {
                assert_eq!(value(f), v, "{f}");
            }
        }
        // §6.5 scale words: singular, accusative, dual, plural after 3–10.
        for (text, v) in [
            ("ألف", 1e3),
            ("عشرون ألفا", 2e4),
            ("ألفان", 2e3),
            ("ألفين", 2e3),
            ("ثلاثة آلاف", 3e3),
            ("مليون", 1e6),
            ("ثلاثون مليونا", 3e7),
            ("مليونان", 2e6),
            ("ثلاثة ملايين", 3e6),
            ("مليار", 1e9),
            ("ملياران", 2e9),
            ("خمسة مليارات", 5e9),
            ("بليون", 1e9),
            ("تريليون", 1e12),
        ] {
            assert_eq!(value(text), v, "{text}");
        }
    }
}
