//! Word lists for numbers and dates, keyed by the tier-A matching key.
//!
//! The entries are written as Arabic is written (with hamzas and teh
//! marbuta) and folded when the tables are built, so a spelling is never
//! mistyped into a key. Sources: the reference tables (§1–§7).

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use super::normalize::Normalized;

fn key(s: &str) -> String {
    Normalized::new(s).text
}

fn table<V: Copy>(rows: &[(&str, V)]) -> HashMap<String, V> {
    rows.iter().map(|(k, v)| (key(k), *v)).collect()
}

/// Gregorian month names of every regional set and their spelling variants
/// (reference §1.1, §1.2). Two-word names are keyed with one space.
pub const GREGORIAN_MONTHS: &[(&str, u32)] = &[
    ("كانون الثاني", 1),
    ("كانون ثاني", 1),
    ("كانون ثان", 1),
    ("يناير", 1),
    ("جانفي", 1),
    ("أي النار", 1),
    ("شباط", 2),
    ("فبراير", 2),
    ("فيفري", 2),
    ("النوار", 2),
    ("آذار", 3),
    ("مارس", 3),
    ("نيسان", 4),
    ("أبريل", 4),
    ("إبريل", 4),
    ("أفريل", 4),
    ("أيار", 5),
    ("مايو", 5),
    ("ماي", 5),
    // Iraq's older name, not in the reference: «16 مايو/مايس 1890»,
    // «1 مايس» (48 lines of the Wikipedia text).
    ("مايس", 5),
    ("حزيران", 6),
    ("يونيو", 6),
    ("يونيه", 6),
    ("يونية", 6),
    ("جوان", 6),
    ("تموز", 7),
    ("يوليو", 7),
    ("يوليه", 7),
    ("يولية", 7),
    ("يوليوز", 7),
    ("جويلية", 7),
    ("ناصر", 7),
    ("آب", 8),
    ("أغسطس", 8),
    ("أغشت", 8),
    ("غشت", 8),
    ("أوت", 8),
    ("هانيبال", 8),
    ("هنيبال", 8),
    ("أيلول", 9),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("شتمبر", 9),
    ("الفاتح", 9),
    ("تشرين الأول", 10),
    ("تشرين أول", 10),
    ("أكتوبر", 10),
    ("التمور", 10),
    ("تشرين الثاني", 11),
    ("تشرين ثاني", 11),
    ("تشرين ثان", 11),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("نوڤمبر", 11),
    ("الحرث", 11),
    ("كانون الأول", 12),
    ("كانون أول", 12),
    ("ديسمبر", 12),
    ("دجنبر", 12),
    ("دجمبر", 12),
    ("الكانون", 12),
];

/// Month words that are also ordinary words (reference §1.5): a date needs
/// a day, a year, «شهر» or a second month name with them.
pub const AMBIGUOUS_MONTHS: &[&str] = &[
    "آب",
    "مارس",
    "ماي",
    "مايس",
    "نيسان",
    "تموز",
    "ناصر",
    "الفاتح",
    "النوار",
    "التمور",
    "الحرث",
    "الكانون",
    "أي النار",
    "هانيبال",
    "هنيبال",
];

/// Hijri month names and their variants (reference §2.1).
pub const HIJRI_MONTHS: &[(&str, u32)] = &[
    ("محرم", 1),
    ("المحرم", 1),
    ("صفر", 2),
    ("ربيع الأول", 3),
    ("ربيع أول", 3),
    ("ربيع الآخر", 4),
    ("ربيع الثاني", 4),
    ("ربيع ثاني", 4),
    ("جمادى الأولى", 5),
    ("جمادى الأول", 5),
    ("جمادي الأولى", 5),
    ("جمادى الآخرة", 6),
    ("جمادى الثانية", 6),
    ("جمادى الآخر", 6),
    ("جمادى الثاني", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعدة", 11),
    ("ذي القعدة", 11),
    ("ذا القعدة", 11),
    ("ذو الحجة", 12),
    ("ذي الحجة", 12),
    ("ذا الحجة", 12),
];

/// Hijri months that are also names or words: they need a day or a year.
pub const AMBIGUOUS_HIJRI: &[&str] = &["صفر", "رجب", "شعبان", "رمضان", "محرم", "المحرم"];

/// Weekdays, ISO numbering (reference §3.1).
pub const WEEKDAYS: &[(&str, u32)] = &[
    ("الاثنين", 1),
    ("الإثنين", 1),
    ("الثلاثاء", 2),
    ("الأربعاء", 3),
    ("الخميس", 4),
    ("الجمعة", 5),
    ("السبت", 6),
    ("الأحد", 7),
];

/// Masculine and feminine definite ordinals 1–31 for days (reference §5.1).
pub fn day_ordinals() -> Vec<(String, u32)> {
    let units = [
        ("الأول", "الأولى", "الحادي", "الحادية", 1),
        ("الثاني", "الثانية", "الثاني", "الثانية", 2),
        ("الثالث", "الثالثة", "الثالث", "الثالثة", 3),
        ("الرابع", "الرابعة", "الرابع", "الرابعة", 4),
        ("الخامس", "الخامسة", "الخامس", "الخامسة", 5),
        ("السادس", "السادسة", "السادس", "السادسة", 6),
        ("السابع", "السابعة", "السابع", "السابعة", 7),
        ("الثامن", "الثامنة", "الثامن", "الثامنة", 8),
        ("التاسع", "التاسعة", "التاسع", "التاسعة", 9),
    ];
    let mut out = Vec::new();
    for (m, f, mc, fc, n) in units {
        out.push((m.to_owned(), n));
        out.push((f.to_owned(), n));
        out.push((format!("{mc} عشر"), 10 + n));
        out.push((format!("{fc} عشرة"), 10 + n));
        for (tens, v) in [
            ("العشرون", 20),
            ("العشرين", 20),
            ("الثلاثون", 30),
            ("الثلاثين", 30),
        ] {
            let v = v + n;
            if v <= 31 {
                out.push((format!("{mc} و{tens}"), v));
                out.push((format!("{fc} و{tens}"), v));
            }
            // «الواحد والعشرين», as news also writes the 21st.
            if n == 1 {
                out.push((format!("الواحد و{tens}"), v));
                out.push((format!("الواحدة و{tens}"), v));
            }
        }
    }
    for (w, v) in [
        ("العاشر", 10),
        ("العاشرة", 10),
        ("العشرون", 20),
        ("العشرين", 20),
        ("الثلاثون", 30),
        ("الثلاثين", 30),
        ("الواحد", 1),
        ("الواحدة", 1),
    ] {
        out.push((w.to_owned(), v));
    }
    out.into_iter().map(|(k, v)| (key(&k), v)).collect()
}

/// What a number word contributes (reference §6).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NumWord {
    /// 0–10, and the first half of 11–19.
    Unit(u64),
    Ten(u64),
    Hundred(u64),
    /// ألف, مليون, …: multiplies what precedes it (or 1).
    Scale(u64),
    /// ألفان, مليونان, مئتان: two of the scale.
    DualScale(u64),
    /// نصف, ربع: a fraction added to what precedes.
    Fraction(f64),
}

pub static NUMBER_WORDS: LazyLock<HashMap<String, NumWord>> = LazyLock::new(|| {
    use NumWord::*;
    let rows: Vec<(&str, NumWord)> = vec![
        ("صفر", Unit(0)),
        ("واحد", Unit(1)),
        ("واحدة", Unit(1)),
        ("أحد", Unit(1)),
        ("إحدى", Unit(1)),
        ("اثنان", Unit(2)),
        ("اثنين", Unit(2)),
        ("اثنتان", Unit(2)),
        ("اثنتين", Unit(2)),
        ("إثنان", Unit(2)),
        ("إثنين", Unit(2)),
        ("إثنتان", Unit(2)),
        ("اثنا", Unit(2)),
        ("اثني", Unit(2)),
        ("اثنتا", Unit(2)),
        ("اثنتي", Unit(2)),
        ("ثلاثة", Unit(3)),
        ("ثلاث", Unit(3)),
        ("ثلاثا", Unit(3)),
        ("أربعة", Unit(4)),
        ("أربع", Unit(4)),
        ("أربعا", Unit(4)),
        ("خمسة", Unit(5)),
        ("خمس", Unit(5)),
        ("خمسا", Unit(5)),
        ("ستة", Unit(6)),
        ("ست", Unit(6)),
        ("ستا", Unit(6)),
        ("سبعة", Unit(7)),
        ("سبع", Unit(7)),
        ("سبعا", Unit(7)),
        ("ثمانية", Unit(8)),
        ("ثماني", Unit(8)),
        ("ثمان", Unit(8)),
        ("تسعة", Unit(9)),
        ("تسع", Unit(9)),
        ("تسعا", Unit(9)),
        ("عشرة", Unit(10)),
        ("عشر", Unit(10)),
        ("عشرا", Unit(10)),
        ("عشرون", Ten(20)),
        ("عشرين", Ten(20)),
        ("ثلاثون", Ten(30)),
        ("ثلاثين", Ten(30)),
        ("أربعون", Ten(40)),
        ("أربعين", Ten(40)),
        ("خمسون", Ten(50)),
        ("خمسين", Ten(50)),
        ("ستون", Ten(60)),
        ("ستين", Ten(60)),
        ("سبعون", Ten(70)),
        ("سبعين", Ten(70)),
        ("ثمانون", Ten(80)),
        ("ثمانين", Ten(80)),
        ("تسعون", Ten(90)),
        ("تسعين", Ten(90)),
        ("مئة", Hundred(100)),
        ("مائة", Hundred(100)),
        ("مئه", Hundred(100)),
        ("مائه", Hundred(100)),
        ("مئتان", DualScale(100)),
        ("مئتين", DualScale(100)),
        ("مائتان", DualScale(100)),
        ("مائتين", DualScale(100)),
        ("مئتا", DualScale(100)),
        ("مئتي", DualScale(100)),
        ("مائتا", DualScale(100)),
        ("مائتي", DualScale(100)),
        ("ألف", Scale(1_000)),
        ("ألفا", Scale(1_000)),
        ("آلاف", Scale(1_000)),
        ("ألوف", Scale(1_000)),
        ("ألفان", DualScale(1_000)),
        ("ألفين", DualScale(1_000)),
        ("ألفي", DualScale(1_000)),
        ("مليون", Scale(1_000_000)),
        ("مليونا", Scale(1_000_000)),
        ("ملايين", Scale(1_000_000)),
        ("مليونان", DualScale(1_000_000)),
        ("مليونين", DualScale(1_000_000)),
        ("مليوني", DualScale(1_000_000)),
        ("مليار", Scale(1_000_000_000)),
        ("مليارا", Scale(1_000_000_000)),
        ("مليارات", Scale(1_000_000_000)),
        ("ملياران", DualScale(1_000_000_000)),
        ("مليارين", DualScale(1_000_000_000)),
        ("ملياري", DualScale(1_000_000_000)),
        ("بليون", Scale(1_000_000_000)),
        ("بلايين", Scale(1_000_000_000)),
        ("تريليون", Scale(1_000_000_000_000)),
        ("ترليون", Scale(1_000_000_000_000)),
        ("تريليونات", Scale(1_000_000_000_000)),
        ("نصف", Fraction(0.5)),
        ("ربع", Fraction(0.25)),
    ];
    let hundreds: Vec<(String, u64)> = [
        ("ثلاث", 3),
        ("أربع", 4),
        ("خمس", 5),
        ("ست", 6),
        ("سبع", 7),
        ("ثمان", 8),
        ("تسع", 9),
    ]
    .iter()
    .flat_map(|(u, n)| {
        [
            (format!("{u}مئة"), *n * 100),
            (format!("{u}مائة"), *n * 100),
            (format!("{u}مئه"), *n * 100),
            (format!("{u}مائه"), *n * 100),
        ]
    })
    .collect();
    let mut map = table(&rows);
    for (w, v) in hundreds {
        map.insert(key(&w), NumWord::Hundred(v));
    }
    map.insert(key("ثمانيمئة"), NumWord::Hundred(800));
    map
});

pub static GREGORIAN: LazyLock<HashMap<String, u32>> = LazyLock::new(|| table(GREGORIAN_MONTHS));
pub static HIJRI: LazyLock<HashMap<String, u32>> = LazyLock::new(|| table(HIJRI_MONTHS));
pub static WEEKDAY: LazyLock<HashMap<String, u32>> = LazyLock::new(|| table(WEEKDAYS));
pub static DAY_ORDINALS: LazyLock<HashMap<String, u32>> =
    LazyLock::new(|| day_ordinals().into_iter().collect());

/// The first words of the day ordinals («الحادي» of «الحادي عشر»).
pub static DAY_ORDINAL_FIRSTS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| {
        DAY_ORDINALS
            .keys()
            .map(|k| k.split(' ').next().unwrap_or(k))
            .collect()
    });

/// Whether `stem`, a reading of a word after its proclitics, is the first
/// word of an ordinal, its article's alef kept («الثامن») or dropped
/// after «ل» («للثامن», read as «لثامن»).
pub fn ordinal_first(stem: &str) -> bool {
    DAY_ORDINAL_FIRSTS.contains(stem)
        || stem.starts_with('ل') && DAY_ORDINAL_FIRSTS.contains(format!("ا{stem}").as_str())
}
