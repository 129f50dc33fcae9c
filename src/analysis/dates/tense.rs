//! The tense of the clause a date stands in, for dates written without
//! their year (reference §7.5): «أعلنت الحكومة في 15 فبراير» is the
//! February before the document date, «ستجرى الانتخابات في 15 فبراير» the
//! one after it. HeidelTime reads the tense from a part-of-speech tagger;
//! Marsad has none, so it reads it from the words themselves:
//!
//! - the future: «سوف», «لن», a verb with the future prefix «س»
//!   («سيعقد», «وستجرى»), and «المقرر», «المزمع», «المرتقب»;
//! - the present, which news writes for what is planned («تبدأ المحادثات
//!   في 5 نوفمبر») and HeidelTime counts with the future: a verb in the
//!   imperfect, unless «كان» stands just before it (the past's progressive);
//! - the past: «لم», and a verb in the perfect («قال», «وقعت»).
//!
//! A plural is read as its singular: «قالوا» as «قال», «يعقدون» as «يعقد».
//!
//! Which words are verbs is learnt from unlabelled text ([`mine`], written
//! by `marsad verbs` to `assets/dates/verbs.tsv`): what follows «قد»,
//! «لقد» and «وقد» is a verb in the perfect, what follows «سوف», «لن» and
//! «لم» one in the imperfect. «قد» also stands before the imperfect («قد
//! يكون», "may be"), and nouns are written like verbs («قبل», «عمل»), so a
//! word is read as a perfect only if it follows «قد» far more often than the
//! imperfect's markers, and in a good share of its occurrences.
//!
//! [`at`] takes the cue nearest the date within its clause (a clause ends at
//! punctuation and at words such as «أن», «الذي», «حيث»), the one before
//! the date when two are as near.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::analysis::Text;

/// What a clause's verb says of when its date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    /// The future, or the present of what is planned.
    Future,
}

/// How many times a word must follow its markers in the corpus to be read
/// as a verb.
const MIN_COUNT: u32 = 2;

/// A word read after «قد» is a perfect only if it follows «قد» this many
/// times as often as the imperfect's markers, counting its third person
/// with it («تمكن» after «قد» 75 times, after «لم» 7; «تكون» after «قد»
/// 388 times, «يكون» 452).
const DOMINANCE: u32 = 3;

/// The least share of a word's occurrences that must follow «قد» for it to
/// be read as a perfect: nouns and prepositions written like one («قبل»,
/// «بين», «عمر») follow it far less often than verbs do («وصل» 7 %, «قال»
/// 6 %, «عقد» 2 %, «قبل» 0.2 %).
const PERFECT_SHARE: f64 = 0.02;

/// The furthest word from the date that may say its tense.
const REACH: usize = 10;

/// Verbs learnt from unlabelled text, in the folded form of
/// [`Text::key`].
#[derive(Debug, Default)]
pub struct Verbs {
    /// (word, times after «قد», «لقد», «وقد» or «فقد»), most frequent first.
    pub perfect: Vec<(String, u32)>,
    /// (word, times after «سوف», «لن» or «لم»), most frequent first.
    pub imperfect: Vec<(String, u32)>,
}

fn after_perfect_marker(k: &str) -> bool {
    matches!(k, "قد" | "لقد" | "وقد" | "فقد")
}

fn after_imperfect_marker(k: &str) -> bool {
    matches!(
        k,
        "سوف" | "وسوف" | "فسوف" | "لن" | "ولن" | "فلن" | "لم" | "ولم" | "فلم"
    )
}

/// The imperfect's prefixes of the third person and of «we»: ي ت ن. The
/// first person's «أ» is left out: folded, it is the perfect's «أ» of
/// «أعلن» and «أكد».
fn imperfect_shaped(w: &str) -> bool {
    w.starts_with(['ي', 'ت', 'ن']) && w.chars().count() >= 3
}

/// Counts the verbs of `lines` (a paragraph a line) and keeps those that say
/// one tense only (see the module's doc).
pub fn mine<'a>(lines: impl IntoIterator<Item = &'a str>) -> Verbs {
    let mut perfect: HashMap<String, u32> = HashMap::default();
    let mut imperfect: HashMap<String, u32> = HashMap::default();
    let mut total: HashMap<String, u32> = HashMap::default();
    for line in lines {
        let t = Text::new(line);
        for i in 0..t.tokens.len() {
            if !t.is_word(i) {
                continue;
            }
            *total.entry(t.key(i).to_owned()).or_default() += 1;
            if i == 0 {
                continue;
            }
            let before = t.key(i - 1);
            let map = if after_perfect_marker(before) {
                &mut perfect
            } else if after_imperfect_marker(before) {
                &mut imperfect
            } else {
                continue;
            };
            *map.entry(t.key(i).to_owned()).or_default() += 1;
        }
    }
    let count = |map: &HashMap<String, u32>, w: &str| map.get(w).copied().unwrap_or(0);
    let mut out = Verbs::default();
    for (w, &n) in &perfect {
        // After «قد» the imperfect is «may» («قد يكون»): a word seen as
        // often after the imperfect's markers, or whose third person
        // (ي + the rest of «تكون») is seen as often, is no perfect.
        let third = w.strip_prefix(['ت', 'ن']).map_or(0, |rest| {
            let p = format!("ي{rest}");
            count(&perfect, &p) + count(&imperfect, &p)
        });
        let verb = n >= MIN_COUNT
            && !w.starts_with('ي')
            && n >= DOMINANCE * (count(&imperfect, w) + third)
            && n as f64 >= PERFECT_SHARE * count(&total, w) as f64
            && w.chars().count() >= 2;
        if verb {
            out.perfect.push((w.clone(), n));
        }
    }
    // What is no perfect and looks like an imperfect is one («قد يكون»
    // is «may be»; «تمكن» after «لم» is a slip for «تتمكن»).
    let perfect_words: HashSet<&str> = out.perfect.iter().map(|(w, _)| w.as_str()).collect();
    for (w, &n) in &imperfect {
        // «تحدث», «تقدم»: a word of four letters starting with ت is also
        // the perfect of forms V and VI («تحدث الوزير», the minister
        // spoke); it is read as an imperfect only if it follows «لم» and
        // «لن» twice as often as «قد».
        let form_v = w.starts_with('ت') && w.chars().count() == 4;
        if n >= MIN_COUNT
            && imperfect_shaped(w)
            && !perfect_words.contains(w.as_str())
            && (!form_v || n >= 2 * count(&perfect, w))
        {
            out.imperfect.push((w.clone(), n));
        }
    }
    for list in [&mut out.perfect, &mut out.imperfect] {
        list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    }
    out
}

/// The list's text: a comment, then `perfect<TAB>word<TAB>count` and
/// `imperfect<TAB>word<TAB>count` rows.
pub fn to_tsv(verbs: &Verbs, source: &str) -> String {
    let mut out = format!(
        "# Verbs learnt by `marsad verbs` from {source}: what follows «قد» (perfect) and \
         «سوف», «لن», «لم» (imperfect), folded, with its count\n"
    );
    for (kind, list) in [("perfect", &verbs.perfect), ("imperfect", &verbs.imperfect)] {
        for (w, n) in list {
            out.push_str(&format!("{kind}\t{w}\t{n}\n"));
        }
    }
    out
}

/// The shipped lists, read from [`to_tsv`]'s form: (perfect, imperfect).
static VERBS: LazyLock<(HashSet<&'static str>, HashSet<&'static str>)> =
    LazyLock::new(|| parse(include_str!("../../../assets/dates/verbs.tsv")));

fn parse(tsv: &str) -> (HashSet<&str>, HashSet<&str>) {
    let mut perfect = HashSet::default();
    let mut imperfect = HashSet::default();
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        match (cols.next(), cols.next()) {
            (Some("perfect"), Some(w)) => perfect.insert(w),
            (Some("imperfect"), Some(w)) => imperfect.insert(w),
            _ => false,
        };
    }
    (perfect, imperfect)
}

/// What word `k` says, if anything: its tense, and whether it is a form of
/// «كان» (which makes an imperfect after it past).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Cue {
    Past { kana: bool },
    Future,
    Present,
}

fn cue(t: &Text, k: usize) -> Option<Cue> {
    if !t.is_word(k) {
        return None;
    }
    let (perfect, imperfect) = &*VERBS;
    let word = t.key(k);
    // The word itself, then without a proclitic و or ف.
    let bare = word
        .strip_prefix(['و', 'ف'])
        .filter(|r| r.chars().count() >= 2);
    for w in std::iter::once(word).chain(bare) {
        match w {
            "سوف" | "لن" | "المقرر" | "مقرر" | "المزمع" | "المرتقب" => {
                return Some(Cue::Future);
            }
            "لم" => return Some(Cue::Past { kana: false }),
            "كان" | "كانت" | "كانوا" | "كانا" => {
                return Some(Cue::Past { kana: true });
            }
            _ => {}
        }
        if perfect.contains(w) {
            return Some(Cue::Past { kana: false });
        }
        // «صادق البرلمان على القانون» (ratified): the name and adjective
        // «صادق» is the verb before «على», which the lists cannot tell.
        if matches!(w, "صادق" | "صادقوا") && ratifies(t, k) {
            return Some(Cue::Past { kana: false });
        }
        // «نقل», «نشر»: «we» in the imperfect is written like a perfect;
        // only after the future's «س» («سنعمل») is it read as a verb.
        if imperfect.contains(w) && !w.starts_with('ن') {
            return Some(Cue::Present);
        }
        // The future's «س» before an imperfect («سيعقد»), or before the
        // feminine or «we» of one («ستجري» of «يجري»): no perfect follows it.
        if let Some(rest) = w.strip_prefix('س')
            && rest.starts_with(['ي', 'ت', 'ن'])
            && (imperfect.contains(rest)
                || rest
                    .strip_prefix(['ت', 'ن'])
                    .is_some_and(|r| imperfect.contains(format!("ي{r}").as_str())))
        {
            return Some(Cue::Future);
        }
        // The plural of a verb the lists hold in the singular: «قالوا»,
        // «قتلوا» of «قال», «قتل»; «يعقدون», «سيعقدون» of «يعقد».
        let plural = |suffix: &str| w.strip_suffix(suffix).filter(|s| s.chars().count() >= 2);
        if plural("وا").is_some_and(|s| perfect.contains(s)) {
            return Some(Cue::Past { kana: false });
        }
        if let Some(s) = plural("ون") {
            if imperfect.contains(s) && !s.starts_with('ن') {
                return Some(Cue::Present);
            }
            if s.strip_prefix('س').is_some_and(|r| imperfect.contains(r)) {
                return Some(Cue::Future);
            }
        }
    }
    None
}

/// Whether «على» (written with its alef maqsura, not the name «علي») or
/// «عليه», «عليها» follows word `k` within three words.
fn ratifies(t: &Text, k: usize) -> bool {
    (k + 1..(k + 4).min(t.tokens.len())).any(|j| match t.key(j) {
        "عليه" | "عليها" => true,
        "علي" => t.original[t.span(j, 0, j)].ends_with('ى'),
        _ => false,
    })
}

/// An imperfect's tense as the words before it make it: «لم يحضر» is past,
/// «لن يحضر» future, and «كان الرئيس يزور» past (a form of «كان» up to
/// three words before).
fn governed(t: &Text, k: usize, c: Cue) -> Cue {
    if c != Cue::Present {
        return c;
    }
    let before = |j: usize| t.key(j).trim_start_matches(['و', 'ف']);
    match k.checked_sub(1).map(before) {
        Some("لم") => return Cue::Past { kana: false },
        Some("لن") => return Cue::Future,
        _ => {}
    }
    if (k.saturating_sub(3)..k).any(|j| matches!(cue(t, j), Some(Cue::Past { kana: true }))) {
        return Cue::Past { kana: true };
    }
    c
}

/// Where a clause ends: punctuation, and the words that open another.
fn ends_clause(t: &Text, k: usize) -> bool {
    if !t.is_word(k) && !t.is_number(k) {
        return true;
    }
    matches!(
        t.key(k),
        "ان" | "انه"
            | "انها"
            | "انهم"
            | "بان"
            | "بانه"
            | "بانها"
            | "الذي"
            | "التي"
            | "الذين"
            | "اللذين"
            | "اللتين"
            | "حيث"
            | "عندما"
            | "بينما"
            | "لكن"
            | "ولكن"
            | "لان"
            | "كما"
            | "اذ"
            | "بعدما"
            | "حين"
            | "حينما"
    )
}

/// The tense of the date at tokens `first..end`: the cue nearest it in its
/// clause, the one before it among equals; `None` when its clause has none.
pub fn at(t: &Text, first: usize, end: usize) -> Option<Tense> {
    let mut before = None;
    for k in (first.saturating_sub(REACH)..first).rev() {
        if ends_clause(t, k) {
            break;
        }
        if let Some(c) = cue(t, k) {
            let c = governed(t, k, c);
            before = Some((first - k, c));
            break;
        }
    }
    let mut after = None;
    for k in end..(end + REACH).min(t.tokens.len()) {
        if ends_clause(t, k) {
            break;
        }
        if let Some(c) = cue(t, k) {
            after = Some((k + 1 - end, governed(t, k, c)));
            break;
        }
    }
    let (_, c) = match (before, after) {
        (Some(b), Some(a)) if a.0 < b.0 => a,
        (Some(b), _) => b,
        (None, Some(a)) => a,
        (None, None) => return None,
    };
    Some(match c {
        Cue::Past { .. } => Tense::Past,
        Cue::Future | Cue::Present => Tense::Future,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tense of the first number's clause in `s`.
    fn tense(s: &str) -> Option<Tense> {
        let t = Text::new(s);
        let i = (0..t.tokens.len()).find(|&i| t.is_number(i)).unwrap();
        at(&t, i, i + 2)
    }

    #[test]
    fn the_nearest_verb_in_the_clause_says_the_tense() {
        assert_eq!(
            tense("أعلنت الحكومة في 15 فبراير أنها ستخفض الضرائب"),
            Some(Tense::Past)
        );
        assert_eq!(tense("ستجرى الانتخابات في 15 فبراير"), Some(Tense::Future));
        assert_eq!(tense("وقع الهجوم في 20 ديسمبر"), Some(Tense::Past));
        assert_eq!(
            tense("من المقرر أن تبدأ المحادثات في 5 نوفمبر"),
            Some(Tense::Future)
        );
        assert_eq!(tense("في 5 نوفمبر التقى الوزير نظيره"), Some(Tense::Past));
        assert_eq!(
            tense("قال الوزير إن المؤتمر سيعقد في 3 مارس"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense("كان الرئيس يزور القاهرة في 15 فبراير"),
            Some(Tense::Past)
        );
        assert_eq!(tense("لم يحضر الاجتماع في 15 فبراير"), Some(Tense::Past));
        assert_eq!(tense("لن يحضر الاجتماع في 15 فبراير"), Some(Tense::Future));
        // The plural of a verb the lists hold in the singular («قالوا» is
        // not in them).
        assert_eq!(tense("وقالوا في 15 فبراير إنهم"), Some(Tense::Past));
        assert_eq!(tense("سيعقدون اجتماعا في 15 فبراير"), Some(Tense::Future));
        // No verb in the clause: nothing said.
        assert_eq!(tense("الانتخابات في 15 فبراير"), None);
        // Words that look like the future prefix are no verbs.
        assert_eq!(tense("سيارة الرئيس في 15 فبراير"), None);
        assert_eq!(tense("ستة أشخاص في 15 فبراير"), None);
    }

    #[test]
    fn mining_tells_the_perfect_from_the_imperfect() {
        let text = "لقد وصل الوفد. وقد وصل الرئيس. قد يكون ذلك. قد تكون الأخيرة. \
                    لن يكون ذلك. لم يكون شيئا. سوف تكون. لن تكون. قد أعلن. لقد أعلن.";
        let v = mine(text.lines());
        let perfect: Vec<&str> = v.perfect.iter().map(|(w, _)| w.as_str()).collect();
        let imperfect: Vec<&str> = v.imperfect.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(perfect, ["اعلن", "وصل"]);
        assert_eq!(imperfect, ["تكون", "يكون"]);
        let tsv = to_tsv(&v, "test");
        let (p, i) = parse(&tsv);
        assert!(p.contains("وصل") && i.contains("يكون") && !p.contains("تكون"));
    }
}
