//! A name in quotation marks after an organisation's head: «صحيفة "المصري
//! اليوم"», «شركة «بكتل»», «حركة "رقابيون ضد الفساد"», «فرقة "سداسي
//! شرارة"». The recogniser makes it an organisation (the corpora tag 43 of
//! the 45 such names in ANERcorp and AQMAR so, the head left outside), and
//! the dates leave its words alone («اليوم» of «المصري اليوم» is no day).

use super::Text;

/// The heads (folded, after proclitics).
const HEADS: &[&str] = &[
    "صحيفه",
    "جريده",
    "مجله",
    "وكاله",
    "شركه",
    "حزب",
    "حركه",
    "منظمه",
    "جمعيه",
    "نادي",
    "قناه",
    "مؤسسه",
    "فريق",
    "بنك",
    "مصرف",
    "اتحاد",
    "تنظيم",
    "فرقه",
    "اذاعه",
    "شبكه",
    "جامعه",
];

/// The most tokens a quoted name has.
const LONGEST: usize = 6;

/// Whether token `k` opens a quotation.
pub fn opens(t: &Text, k: usize) -> bool {
    matches!(t.key(k), "\"" | "«" | "“")
}

fn closes(t: &Text, k: usize) -> bool {
    matches!(t.key(k), "\"" | "»" | "”")
}

/// Whether the folded reading `w` is one of the [`HEADS`].
pub fn is_head_reading(w: &str) -> bool {
    HEADS.contains(&w)
}

/// Whether token `i` is one of the [`HEADS`] (after proclitics).
pub fn is_head(t: &Text, i: usize) -> bool {
    // «ونادى "الصلاة جامعة"», «نادى "بسورية الكبرى"»: the verb (called
    // out), which folds as «نادي», the club.
    t.is_word(i)
        && t.readings(i).iter().any(|(_, w)| is_head_reading(w))
        && !t.original[t.span(i, 0, i)].ends_with("نادى")
}

/// The quoted name after a head at token `i`: its first and last tokens.
/// One to [`LONGEST`] tokens between the marks, none of them sentence
/// punctuation or another opening mark.
pub fn after_head(t: &Text, i: usize) -> Option<(usize, usize)> {
    let n = t.tokens.len();
    if i + 3 >= n || !t.is_word(i) || !opens(t, i + 1) {
        return None;
    }
    if !is_head(t, i) {
        return None;
    }
    let close = (i + 3..(i + 3 + LONGEST).min(n)).find(|&k| closes(t, k))?;
    // A name does not run over a line's end.
    if (i..close).any(|k| t.line_ends_after(k)) {
        return None;
    }
    let (first, last) = (i + 2, close - 1);
    let clean = !opens(t, first)
        && (first..=last).all(|k| {
            !matches!(
                t.key(k),
                "." | "،" | "," | "؛" | ";" | ":" | "!" | "؟" | "?" | "(" | ")"
            )
        });
    clean.then_some((first, last))
}

/// Whether token `i` is in a quoted name after a head.
pub fn within(t: &Text, i: usize) -> bool {
    (i.saturating_sub(LONGEST + 1)..i)
        .any(|k| after_head(t, k).is_some_and(|(first, last)| (first..=last).contains(&i)))
}
