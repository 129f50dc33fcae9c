//! Organisation names mined from unlabelled text: news names a club, a
//! company or a party by its head once («نادي دينامو كييف», «شركة
//! مايكروسوفت», «حزب الليكود») and then without it. The words that follow
//! such a head in the unlabelled corpus, counted against how often they
//! occur at all, tell a name («الليكود»: 22 of its 35 occurrences follow a
//! head) from a word that follows heads as it follows anything («الكبرى»).
//!
//! [`mine`] counts them (`marsad organisations` writes the list,
//! `assets/ner/organisations.tsv`); [`add_to`] reads a list into a
//! gazetteer with a bit that says how surely each entry is a name (the
//! shipped one is in [`super::gazetteer::LEXICONS`]):
//! the recogniser's features read it like the other name lists, and the
//! perceptron learns how far to trust each bit.

use rustc_hash::FxHashMap as HashMap;

use super::gazetteer::Gazetteer;
use crate::analysis::Text;
use crate::analysis::normalize::fold_key;
use crate::analysis::tokenize::readings;

/// Heads after which news writes a name it will later use alone: companies
/// and groups, clubs and teams, parties, movements and armed groups,
/// agencies, papers and channels, banks. Heads that stay part of the name
/// (وزارة الخارجية، جامعة القاهرة، مجلس الأمن) are not here: what follows
/// them is rarely a name on its own. Nor is «قناة», a channel but also
/// a canal (قناة السويس).
pub const HEADS: [&str; 17] = [
    "شركة",
    "شركات",
    "مجموعة",
    "نادي",
    "فريق",
    "حزب",
    "حركة",
    "منظمة",
    "تنظيم",
    "جماعة",
    "ميليشيا",
    "وكالة",
    "صحيفة",
    "جريدة",
    "مجلة",
    "مصرف",
    "بنك",
];

/// Words no mined name holds: prepositions, conjunctions, pronouns and
/// particles («مجموعة كبيرة من» is no name).
const FUNCTION_WORDS: [&str; 40] = [
    "من",
    "في",
    "على",
    "إلى",
    "الى",
    "عن",
    "مع",
    "و",
    "أو",
    "او",
    "ثم",
    "بين",
    "حتى",
    "منذ",
    "عند",
    "بعد",
    "قبل",
    "خلال",
    "حول",
    "ضد",
    "التي",
    "الذي",
    "الذين",
    "اللذين",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هو",
    "هي",
    "قد",
    "لم",
    "لن",
    "أن",
    "إن",
    "ان",
    "كان",
    "كانت",
    "ما",
    "لا",
];

/// Words a name may have (the list keeps one, two and three).
pub const MAX_WORDS: usize = 3;

/// What the corpus says of a word sequence that follows a head.
#[derive(Clone, Debug, PartialEq)]
pub struct Mined {
    /// Folded words joined by spaces.
    pub name: String,
    /// Times it follows a head.
    pub after_head: u32,
    /// Times it occurs at all (as whole words, proclitics apart).
    pub total: u32,
}

/// Fewest times a name must follow a head.
pub const MIN_AFTER_HEAD: u32 = 2;
/// Least share of its occurrences that follow a head, for the list; a
/// "sure" entry (bit 1) has [`SURE_SHARE`], the rest bit 2.
pub const MIN_SHARE: f64 = 0.1;
pub const SURE_SHARE: f64 = 0.4;

/// A break between words: punctuation, a number, a line's end.
const BREAK: u32 = u32::MAX;

/// The word sequences of `lines` (a paragraph a line) that follow a head at
/// least [`MIN_AFTER_HEAD`] times and in at least [`MIN_SHARE`] of their
/// occurrences, most frequent after heads first (then by name).
pub fn mine<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<Mined> {
    // The corpus as interned word ids, BREAK between runs of words.
    let mut ids: HashMap<String, u32> = HashMap::default();
    let mut words: Vec<String> = Vec::new();
    let mut stream: Vec<u32> = Vec::new();
    for line in lines {
        let t = Text::new(line);
        for i in 0..t.tokens.len() {
            if !t.is_word(i) || t.is_number(i) {
                stream.push(BREAK);
                continue;
            }
            let key = fold_key(t.key(i));
            let id = *ids.entry(key).or_insert_with_key(|k| {
                words.push(k.clone());
                words.len() as u32 - 1
            });
            stream.push(id);
        }
        stream.push(BREAK);
    }
    let heads: Vec<String> = HEADS.iter().map(|h| fold_key(h)).collect();
    let function: Vec<String> = FUNCTION_WORDS.iter().map(|w| fold_key(w)).collect();
    let is_function: Vec<bool> = words.iter().map(|w| function.contains(w)).collect();
    let is_head: Vec<bool> = words
        .iter()
        .map(|w| {
            readings(w)
                .iter()
                .any(|(_, r)| heads.iter().any(|h| h == r))
        })
        .collect();
    // A sequence of up to MAX_WORDS ids, padded with BREAK.
    type Key = [u32; MAX_WORDS];
    let key_at = |i: usize, n: usize| -> Option<Key> {
        let s = stream.get(i..i + n)?;
        if s.iter().any(|&id| id == BREAK || is_function[id as usize]) {
            return None;
        }
        let mut k = [BREAK; MAX_WORDS];
        k[..n].copy_from_slice(s);
        Some(k)
    };
    let mut counts: HashMap<Key, (u32, u32)> = HashMap::default();
    for (i, &id) in stream.iter().enumerate() {
        if id == BREAK || !is_head[id as usize] {
            continue;
        }
        for n in 1..=MAX_WORDS {
            match key_at(i + 1, n) {
                Some(k) if !is_head[k[0] as usize] => counts.entry(k).or_default().0 += 1,
                _ => break,
            }
        }
    }
    counts.retain(|_, (after, _)| *after >= MIN_AFTER_HEAD);
    for i in 0..stream.len() {
        for n in 1..=MAX_WORDS {
            let Some(k) = key_at(i, n) else { break };
            if let Some((_, total)) = counts.get_mut(&k) {
                *total += 1;
            }
        }
    }
    let mut out: Vec<Mined> = counts
        .into_iter()
        .filter(|(_, (after, total))| f64::from(*after) >= MIN_SHARE * f64::from(*total))
        .map(|(k, (after_head, total))| Mined {
            name: k
                .iter()
                .take_while(|&&id| id != BREAK)
                .map(|&id| words[id as usize].as_str())
                .collect::<Vec<_>>()
                .join(" "),
            after_head,
            total,
        })
        .collect();
    out.sort_by(|a, b| {
        b.after_head
            .cmp(&a.after_head)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

/// The list's text: a comment, then `name<TAB>after_head<TAB>total` rows.
pub fn to_tsv(mined: &[Mined], source: &str) -> String {
    let mut out = format!(
        "# Organisation names mined by `marsad organisations` from {source}: folded \
         words, times after a head, times in all\n"
    );
    for m in mined {
        out.push_str(&format!("{}\t{}\t{}\n", m.name, m.after_head, m.total));
    }
    out
}

/// Adds a list in [`to_tsv`]'s form to `g`: bit `sure` for a name that
/// follows a head in at least [`SURE_SHARE`] of its occurrences, bit `weak`
/// for the others. The shipped list is in [`super::gazetteer::LEXICONS`].
pub fn add_to(g: &mut Gazetteer, tsv: &str, sure: u8, weak: u8) {
    for line in tsv.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(name), Some(after), Some(total)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let (Ok(after), Ok(total)) = (after.parse::<u32>(), total.parse::<u32>()) else {
            continue;
        };
        let is_sure = f64::from(after) >= SURE_SHARE * f64::from(total);
        g.insert_joined(name, if is_sure { sure } else { weak });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name that mostly follows a head is kept, whole and in part; a word
    /// that follows heads as it follows anything is not.
    #[test]
    fn names_after_heads_are_mined_and_common_words_are_not() {
        let mut lines = vec![
            "أعلنت شركة مايكروسوفت عن برنامج جديد",
            "وقالت شركة مايكروسوفت إن الأرباح زادت",
            "وفاز نادي دينامو كييف على ضيفه",
            "لعب فريق دينامو كييف أمس.",
            "تراجعت مايكروسوفت في السوق",
            "قالت شركة كبيرة إن",
            "وأعلنت شركة كبيرة أن",
            "قال حزب كبير إن",
        ];
        let filler = "هذا بيت كبير وهذه مدينة كبيرة";
        lines.extend(std::iter::repeat_n(filler, 20));
        let mined = mine(lines);
        let get = |n: &str| mined.iter().find(|m| m.name == fold_key(n));
        let ms = get("مايكروسوفت").expect("mined");
        assert_eq!((ms.after_head, ms.total), (2, 3));
        assert!(get("دينامو كييف").is_some());
        assert!(get("دينامو").is_some());
        assert!(
            get("كبيرة").is_none(),
            "common after heads and elsewhere: {mined:?}"
        );
        assert!(get("كبير").is_none(), "once after a head is not enough");
        // The sentence's full stop ends the name.
        assert!(get("دينامو كييف أمس").is_none());

        let mut g = Gazetteer::default();
        add_to(&mut g, &to_tsv(&mined, "a test"), 1, 2);
        let f = g.features_with(
            &[fold_key("ومايكروسوفت"), fold_key("تربح")],
            &[(1, "MORG"), (2, "MORGW")],
            26,
        );
        assert!(!f[0].is_empty(), "a proclitic does not hide the name");
        assert!(f[1].is_empty());
    }

    #[test]
    fn the_shipped_list_loads_and_knows_famous_organisations() {
        use super::super::gazetteer::{LEXICONS, ORG_SURE, ORG_WEAK};
        assert!(LEXICONS.count(ORG_SURE | ORG_WEAK) > 500);
        for name in ["مايكروسوفت", "الليكود", "حماس"] {
            assert!(LEXICONS.has(&fold_key(name), ORG_SURE | ORG_WEAK), "{name}");
        }
    }
}
