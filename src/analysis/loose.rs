//! Loose matching of a typed filter against names, as a reader of Arabic
//! expects: diacritics, tatweel and letter variants (alef, yeh, teh
//! marbuta) do not count, and a word of the name may carry proclitics and
//! the article that the query leaves out. Typing «واشنطن» finds «وواشنطن»;
//! «الاميركية» finds «الأميركية»; «اميركية» finds it too.
//!
//! Each query word must begin a word of the name (or one of its readings
//! without proclitics), in order; Latin letters match case-blind.

use super::normalize::fold_key;
use super::tokenize::readings;

/// The words of a name, each with its readings (the folded word, and the
/// word without its proclitics and article), built once per name.
#[derive(Clone, Debug, Default)]
pub struct NameKey {
    words: Vec<Vec<Box<str>>>,
}

impl NameKey {
    /// The key of several spellings of one name (an entity's mentions): a
    /// query matches if it matches any of them.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<NameKey> {
        let mut keys: Vec<NameKey> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for name in names {
            let folded = fold_key(name);
            if seen.contains(&folded) {
                continue;
            }
            keys.push(NameKey::of_folded(&folded));
            seen.push(folded);
        }
        keys
    }

    fn of_folded(folded: &str) -> NameKey {
        NameKey {
            words: folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let mut r: Vec<Box<str>> =
                        readings(w).iter().map(|(_, s)| (*s).into()).collect();
                    if r.is_empty() {
                        r.push(w.into());
                    }
                    r
                })
                .collect(),
        }
    }
}

/// A typed filter, folded once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    /// Each folded word, with its bare readings (no proclitics) of three
    /// letters or more.
    words: Vec<(String, Vec<String>)>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        Query {
            words: fold_key(typed)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let bare = readings(w)
                        .iter()
                        .skip(1)
                        .map(|(_, b)| (*b).to_owned())
                        .filter(|b| b.chars().count() >= 3)
                        .collect();
                    (w.to_owned(), bare)
                })
                .collect(),
        }
    }

    /// Whether nothing was typed (everything matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether the name matches: each query word begins a reading of a
    /// word of the name, the words in order. A query word that carries
    /// proclitics (وواشنطن) also matches the bare name (واشنطن) whole.
    pub fn matches(&self, key: &NameKey) -> bool {
        let mut from = 0;
        'query: for (q, bare) in &self.words {
            for (j, word) in key.words.iter().enumerate().skip(from) {
                let hit = word.iter().any(|r| r.starts_with(q.as_str()))
                    || bare.iter().any(|b| word.iter().any(|r| **r == **b));
                if hit {
                    from = j + 1;
                    continue 'query;
                }
            }
            return false;
        }
        true
    }

    /// Whether any of the keys matches.
    pub fn matches_any(&self, keys: &[NameKey]) -> bool {
        self.is_empty() || keys.iter().any(|k| self.matches(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(query: &str, name: &str) -> bool {
        Query::new(query).matches_any(&NameKey::new([name]))
    }

    #[test]
    fn clitics_letter_variants_and_marks_are_loose() {
        assert!(finds("واشنطن", "وواشنطن"));
        assert!(finds("الاميركية", "الأميركية"));
        assert!(finds("اميركيه", "القوات الأميركية"));
        assert!(finds("وواشنطن", "واشنطن"), "the query's own clitic");
        assert!(finds("بغداد", "ببغداد"));
        assert!(finds("مصطفى", "مصطفي"), "alef maqsura and yeh");
        assert!(finds("محمد", "مُحَمَّد"), "diacritics");
        assert!(finds("شياع السوداني", "محمد شياع السوداني"));
        assert!(finds("سود", "محمد شياع السوداني"), "a word's beginning");
        assert!(finds("washington", "The Washington Post"));
    }

    #[test]
    fn what_does_not_match() {
        assert!(
            !finds("السوداني شياع", "محمد شياع السوداني"),
            "words in order"
        );
        assert!(!finds("طن", "واشنطن"), "not the middle of a word");
        assert!(!finds("بغداد", "دمشق"));
        assert!(
            Query::new("  ").matches_any(&NameKey::new(["دمشق"])),
            "empty matches all"
        );
    }
}
