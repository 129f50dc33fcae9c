//! Organisation names that end in what they are for: «الاتحاد الدولي
//! لكرة القدم», «اللجنة الدولية للصليب الأحمر», «المجلس الأعلى للقوات
//! المسلحة», «منظمة الدول المصدرة للنفط». The tagger often stops at the
//! head and its adjective («الاتحاد الدولي») or misses the name; but
//! «الاتحاد الأوروبي للسلطة» in «دعم الاتحاد الأوروبي للسلطة» is the
//! Union's support for the Authority, no name.
//!
//! The unlabelled corpus tells the two apart: a head with one or two
//! definite words after it («الاتحاد الدولي», «الهيئة العامة») is counted
//! where it occurs and where a word with «ل» follows it. [`mine`] counts
//! (`marsad complements` writes `assets/ner/complements.tsv`); a phrase
//! followed so in at least [`SHARE`] of its occurrences is a name's
//! beginning, and [`spans`] makes the phrase and its complement one
//! organisation («الاتحاد الدولي»: 243 of 274 in the Wikipedia text;
//! «الاتحاد الأوروبي»: 84 of 748).

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::Text;
use crate::analysis::normalize::fold_key;

/// Heads of organisations whose names go on with a complement (without
/// the article, which they may have).
const HEADS: [&str; 36] = [
    "اتحاد",
    "لجنة",
    "منظمة",
    "بنك",
    "هيئة",
    "وكالة",
    "معهد",
    "مكتب",
    "رابطة",
    "جبهة",
    "مجلس",
    "مركز",
    "صندوق",
    "جمعية",
    "مؤسسة",
    "شركة",
    "نقابة",
    "حركة",
    "أكاديمية",
    "مجمع",
    "جامعة",
    "كلية",
    "مصرف",
    "سلطة",
    "مفوضية",
    "منتدى",
    "تحالف",
    "برنامج",
    "إدارة",
    "شبكة",
    "مديرية",
    "جهاز",
    "محكمة",
    "مجموعة",
    "تجمع",
    "ائتلاف",
];

/// Words with «ل» that are no complement: pronouns, particles, times
/// («لها», «لكن», «لعام»).
const NOT_COMPLEMENTS: [&str; 24] = [
    "لها",
    "لهم",
    "لهما",
    "لهن",
    "لكن",
    "لكنه",
    "لكنها",
    "لدى",
    "لقد",
    "لأن",
    "لأنه",
    "لأنها",
    "لذلك",
    "لهذا",
    "لهذه",
    "لذا",
    "لكل",
    "لعام",
    "لسنة",
    "لمدة",
    "لعدة",
    "لاحقا",
    "لما",
    "لماذا",
];

/// Adjectives of a part or a role, not of a name: «المركز الرئيسي
/// للشركة» (its head office), «الجهاز الفني للمنتخب» (its coaches),
/// «المكتب الإعلامي للرئاسة», «مجلس الأمن التابع للأمم المتحدة»,
/// «الشركة المنتجة للفيلم».
const ROLES: [&str; 22] = [
    "الرئيسي",
    "الرئيس",
    "الإداري",
    "الفني",
    "الفنية",
    "التابع",
    "التابعة",
    "المنتجة",
    "المنتج",
    "القديمة",
    "الخاصة",
    "الاسمية",
    "الحرارية",
    "السيئة",
    "السياسي",
    "القضائي",
    "المسؤول",
    "المسؤولة",
    "المختصة",
    "المعنية",
    "المكلفة",
    "الإعلامي",
];

/// Definite words that end a complement before them: relatives, titles
/// and participles that start a clause or a person («المجلس الأعلى للقوات
/// المسلحة الذي», «رئيس المجلس القومي لحقوق الإنسان الدكتور بطرس»,
/// «المجلس الأعلى للقوات المسلحة القائم بأعمال», «المجلس الأعلى للآثار
/// التابع لوزارة الآثار»).
const ENDS: [&str; 26] = [
    "الذي",
    "التي",
    "الذين",
    "اللذين",
    "اللتين",
    "اللواتي",
    "الدكتور",
    "المستشار",
    "المهندس",
    "اللواء",
    "العميد",
    "العقيد",
    "الفريق",
    "المشير",
    "السيد",
    "الشيخ",
    "الأستاذ",
    "الرئيس",
    "الأمين",
    "الوزير",
    "القائم",
    "الواقع",
    "الواقعة",
    "الكائن",
    "التابع",
    "التابعة",
];

/// The lists above, folded as keys are ([`fold_key`]).
struct Folded {
    heads: HashSet<String>,
    roles: Vec<String>,
    ends: Vec<String>,
    not_complements: Vec<String>,
}

static FOLDED: LazyLock<Folded> = LazyLock::new(|| {
    let fold = |words: &[&str]| words.iter().map(|w| fold_key(w)).collect();
    Folded {
        heads: HEADS.iter().map(|w| fold_key(w)).collect(),
        roles: fold(&ROLES),
        ends: fold(&ENDS),
        not_complements: fold(&NOT_COMPLEMENTS),
    }
});

/// Whether `list` holds `key`.
fn holds(list: &[String], key: &str) -> bool {
    list.iter().any(|w| w == key)
}

/// Least share of a phrase's occurrences a complement follows.
pub const SHARE: f64 = 0.5;
/// Fewest occurrences, and fewest with a complement, of a listed phrase.
pub const MIN_TOTAL: u32 = 5;
pub const MIN_FOLLOWED: u32 = 3;

/// Definite words after a head that the phrase may hold.
const MAX_AFTER: usize = 2;

/// Whether the folded `key` is a head of [`HEADS`], with or without the
/// article.
pub fn is_head(key: &str) -> bool {
    FOLDED.heads.contains(key.strip_prefix("ال").unwrap_or(key))
}

/// The head at token `i`: its folded key without a proclitic («والاتحاد»
/// → «الاتحاد»).
fn head_at(t: &Text, i: usize) -> Option<String> {
    if !t.is_word(i) {
        return None;
    }
    t.readings(i)
        .iter()
        .take(3)
        .map(|(_, w)| fold_key(w))
        .find(|w| is_head(w))
}

/// Whether the folded `key` is a definite word («الدولي»).
fn definite(key: &str) -> bool {
    key.starts_with("ال") && key.chars().count() > 3
}

/// Whether the folded `key` is a definite word a phrase may hold after its
/// head: not one of [`ROLES`].
fn in_phrase(key: &str) -> bool {
    definite(key) && !holds(&FOLDED.roles, key)
}

/// Whether the folded `key` may start a complement: «ل» or «لل» and a
/// noun («لكرة», «للصليب»), not a pronoun or particle.
pub fn starts_complement(key: &str) -> bool {
    // «ليحل مكانه», «ليتم»: «ل» before a verb (in order to).
    key.starts_with('ل')
        && !key.starts_with("لي")
        && key.chars().count() >= 4
        && !holds(&FOLDED.not_complements, key)
}

/// What the corpus says of a phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    /// Folded words joined by spaces, the head without proclitics.
    pub phrase: String,
    /// Times it occurs.
    pub total: u32,
    /// Times a complement follows it.
    pub followed: u32,
}

/// The phrases of `lines` (a paragraph a line) that occur at least
/// [`MIN_TOTAL`] times, most frequent first (then by phrase).
pub fn mine<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Phrase> {
    let mut counts: HashMap<String, (u32, u32)> = HashMap::default();
    for line in lines {
        let t = Text::new(line);
        let n = t.tokens.len();
        for i in 0..n {
            let Some(head) = head_at(&t, i) else { continue };
            let mut phrase = head;
            for j in i + 1..(i + 1 + MAX_AFTER).min(n) {
                let key = fold_key(t.key(j));
                if !t.is_word(j) || !in_phrase(&key) {
                    break;
                }
                phrase.push(' ');
                phrase.push_str(&key);
                let c = counts.entry(phrase.clone()).or_default();
                c.0 += 1;
                if t.is_word(j + 1) && starts_complement(&fold_key(t.key(j + 1))) {
                    c.1 += 1;
                }
            }
        }
    }
    let mut out: Vec<Phrase> = counts
        .into_iter()
        .filter(|&(_, (total, _))| total >= MIN_TOTAL)
        .map(|(phrase, (total, followed))| Phrase {
            phrase,
            total,
            followed,
        })
        .collect();
    out.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.phrase.cmp(&b.phrase)));
    out
}

/// The list's text: a comment, then `phrase<TAB>total<TAB>followed` rows
/// of the phrases that begin names ([`SHARE`], [`MIN_FOLLOWED`]).
pub fn to_tsv(mined: &[Phrase], source: &str) -> String {
    let mut out = format!(
        "# Organisation heads with a complement after them, mined by `marsad complements` \
         from {source}: folded phrase, times in all, times a word with «ل» follows\n"
    );
    for p in mined.iter().filter(|p| begins_name(p.total, p.followed)) {
        out.push_str(&format!("{}\t{}\t{}\n", p.phrase, p.total, p.followed));
    }
    out
}

fn begins_name(total: u32, followed: u32) -> bool {
    followed >= MIN_FOLLOWED && f64::from(followed) >= SHARE * f64::from(total)
}

/// The shipped list.
pub const PATH: &str = "assets/ner/complements.tsv";
const SHIPPED: &str = include_str!("../../../assets/ner/complements.tsv");

/// The phrases of a list in [`to_tsv`]'s form.
pub fn read(tsv: &str) -> HashSet<String> {
    tsv.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let phrase = cols.next()?;
            let total = cols.next()?.parse().ok()?;
            let followed = cols.next()?.parse().ok()?;
            begins_name(total, followed).then(|| phrase.to_owned())
        })
        .collect()
}

/// The shipped list's phrases, read on first use.
pub static PHRASES: LazyLock<HashSet<String>> = LazyLock::new(|| read(SHIPPED));

/// Tokens a complement may add.
const MAX_COMPLEMENT: usize = 5;

/// The last token of the complement that starts at `c` («لكرة القدم»,
/// «للصليب الأحمر», «لعلوم الفضاء والفلك», «لشركات صناعة السيارات»): a
/// definite noun and up to two definite words after it, or up to two
/// nouns without the article and the definite word that ends them, and
/// then one more joined by «و». None when it does not end so.
fn complement_end(t: &Text, c: usize, free: &dyn Fn(usize) -> bool) -> Option<usize> {
    let word = |k: usize| t.is_word(k) && free(k);
    let key = |k: usize| fold_key(t.key(k));
    if !word(c) || !starts_complement(&key(c)) {
        return None;
    }
    let mut end = if key(c).starts_with("لل") {
        c
    } else {
        // Nouns in construct until a definite one.
        let mut k = c + 1;
        while k < c + 3 && word(k) && !definite(&key(k)) && !key(k).starts_with('و') {
            k += 1;
        }
        if !(word(k) && definite(&key(k))) {
            return None;
        }
        k
    };
    // Then definite words (adjectives, nouns in construct), the last of
    // them perhaps after «و».
    while end + 1 - c < MAX_COMPLEMENT && word(end + 1) {
        let next = key(end + 1);
        let goes_on = |w: &str| definite(w) && !holds(&FOLDED.ends, w);
        if goes_on(&next) {
            end += 1;
        } else if next.strip_prefix('و').is_some_and(goes_on) {
            end += 1;
            break;
        } else {
            break;
        }
    }
    Some(end)
}

/// The last token of the complement after the listed phrase that a head
/// at `first` and the name after it up to `last` make («صندوق» +
/// «الأمم المتحدة» + «لرعاية الطفولة»), on tokens that are `free`; `None`
/// where the phrase is not listed or no complement follows.
pub fn complement_after(
    t: &Text,
    first: usize,
    last: usize,
    free: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    if last <= first || last - first > MAX_AFTER {
        return None;
    }
    let mut phrase = head_at(t, first)?;
    for j in first + 1..=last {
        phrase.push(' ');
        phrase.push_str(&fold_key(t.key(j)));
    }
    PHRASES
        .contains(&phrase)
        .then(|| complement_end(t, last + 1, free))
        .flatten()
}

/// The organisations a listed phrase and its complement make in `t`
/// (first token, the phrase's last and the complement's), on tokens not
/// `taken`: each phrase that starts at a head, is in `phrases`, and has a
/// complement after it. Only tokens that `may_head` says may be a head
/// ([`is_head`], asked once per distinct word by the caller) are read.
pub fn spans(
    t: &Text,
    taken: &[bool],
    phrases: &HashSet<String>,
    may_head: &dyn Fn(usize) -> bool,
) -> Vec<(usize, usize, usize)> {
    let free = |k: usize| k < taken.len() && !taken[k];
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.tokens.len() {
        if !may_head(i) || !free(i) {
            i += 1;
            continue;
        }
        let found = head_at(t, i).and_then(|head| {
            let mut phrase = head;
            let mut best = None;
            for j in i + 1..i + 1 + MAX_AFTER {
                let key = fold_key(t.key(j));
                if !t.is_word(j) || !free(j) || !in_phrase(&key) {
                    break;
                }
                phrase.push(' ');
                phrase.push_str(&key);
                if phrases.contains(&phrase)
                    && let Some(end) = complement_end(t, j + 1, &free)
                {
                    best = Some((j, end));
                }
            }
            best
        });
        // A name does not run over a line's end.
        let found = found.filter(|&(_, end)| !(i..end).any(|k| t.line_ends_after(k)));
        match found {
            Some((phrase_end, end)) => {
                out.push((i, phrase_end, end));
                i = end + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, phrases: &HashSet<String>) -> Vec<String> {
        let t = Text::new(text);
        let taken = vec![false; t.tokens.len()];
        spans(&t, &taken, phrases, &|_| true)
            .into_iter()
            .map(|(f, _, l)| text[t.span(f, 0, l)].to_owned())
            .collect()
    }

    /// A phrase a complement mostly follows is listed; one it follows
    /// now and then is not.
    #[test]
    fn phrases_that_go_on_with_a_complement_are_mined() {
        let mut lines = vec![
            "وقرر الاتحاد الدولي لكرة القدم معاقبة النادي",
            "أعلن الاتحاد الدولي للسباحة أمس",
            "قال الاتحاد الدولي للصحفيين إن",
            "وطالب الاتحاد الدولي بالتحقيق",
            "وقال الاتحاد الدولي لها إن",
        ];
        lines.extend(std::iter::repeat_n("وقرر الاتحاد الأوروبي فرض عقوبات", 8));
        lines.extend(std::iter::repeat_n("دعم الاتحاد الأوروبي للسلطة", 2));
        let mined = mine(lines);
        let get = |p: &str| mined.iter().find(|m| m.phrase == fold_key(p)).cloned();
        let dowali = get("الاتحاد الدولي").expect("mined");
        assert_eq!((dowali.total, dowali.followed), (5, 3));
        let europe = get("الاتحاد الأوروبي").expect("mined");
        assert_eq!((europe.total, europe.followed), (10, 2));
        // Two in ten is too few to list.
        let listed = read(&to_tsv(&mined, "a test"));
        assert_eq!(listed, HashSet::from_iter([fold_key("الاتحاد الدولي")]));
        // Four occurrences are too few.
        let lines = vec![
            "وقرر الاتحاد الدولي لكرة القدم معاقبة النادي";
            4
        ];
        assert_eq!(mine(lines), []);
    }

    /// The complement ends where its nouns do, before a relative or a
    /// title.
    #[test]
    fn a_listed_phrase_and_its_complement_are_one_name() {
        let phrases = &*PHRASES;
        for (text, name) in [
            (
                "وقرر الاتحاد الدولي لكرة القدم معاقبة النادي",
                "الاتحاد الدولي لكرة القدم",
            ),
            (
                "وأعلنت اللجنة الدولية للصليب الأحمر أمس",
                "اللجنة الدولية للصليب الأحمر",
            ),
            (
                "وأصدر المجلس الأعلى للقوات المسلحة بيانا",
                "المجلس الأعلى للقوات المسلحة",
            ),
            (
                "وقالت الهيئة العامة للاستعلامات إن",
                "الهيئة العامة للاستعلامات",
            ),
            (
                "رئيس الاتحاد العربي لعلوم الفضاء والفلك في عمان",
                "الاتحاد العربي لعلوم الفضاء والفلك",
            ),
            (
                "وأصدر المجلس الأعلى للقوات المسلحة الذي يدير البلاد بيانا",
                "المجلس الأعلى للقوات المسلحة",
            ),
            (
                "قال رئيس المجلس القومي لحقوق الإنسان الدكتور بطرس غالي",
                "المجلس القومي لحقوق الإنسان",
            ),
            // No complement on the next line: the name there is its own.
            (
                "وقرر الاتحاد الدولي لكرة\nالمجلس الأعلى للثقافة",
                "المجلس الأعلى للثقافة",
            ),
        ] {
            assert_eq!(names(text, phrases), [name], "{text}");
        }
        for text in [
            // The Union's support, not a name.
            "وأعلن دعم الاتحاد الأوروبي للسلطة الفلسطينية",
            // No complement: «ل» before a verb.
            "وقد حل الاتحاد القومي ليحل مكانه الاتحاد الاشتراكي",
            "وقرر الاتحاد الدولي معاقبة النادي",
            "وقال الاتحاد الدولي لها إن",
        ] {
            assert_eq!(names(text, phrases), Vec::<String>::new(), "{text}");
        }
    }
}
