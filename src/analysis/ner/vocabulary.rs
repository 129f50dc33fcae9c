//! How often each word was seen outside and inside names in training: the
//! vocabulary classes the features and the consistency passes read.

use super::corpus::Sentence;
use super::table::KeyedLines;

/// How often each folded word was outside an entity and inside one in
/// training: an unseen word is more likely a name (Arabic has no capitals).
/// Kept as the model file holds it, `word<TAB>outside<TAB>inside` lines
/// (and a third count, of the outside times that were in a MISC entity,
/// where there were any), so that loading a model builds no map of its own.
pub struct Vocabulary {
    table: KeyedLines,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary {
            table: KeyedLines::new("").expect("an empty table"),
        }
    }
}

/// The (outside, inside) counts of a line's value.
fn counts(value: &str) -> Option<(u32, u32)> {
    counts_misc(value).map(|(o, e, _)| (o, e))
}

/// The (outside, inside, outside in a MISC entity) counts of a line's value.
fn counts_misc(value: &str) -> Option<(u32, u32, u32)> {
    let mut cols = value.split('\t');
    let (o, e) = (cols.next()?.parse().ok()?, cols.next()?.parse().ok()?);
    let m = match cols.next() {
        Some(m) => m.parse().ok().filter(|&m| m <= o)?,
        None => 0,
    };
    cols.next().is_none().then_some((o, e, m))
}

/// The class of a word seen `o` times outside names and `e` inside.
fn class_of(o: u32, e: u32) -> &'static str {
    match (o, e) {
        (0, 0) => "unseen",
        (o, e) if o >= 2 * e => "O",
        (o, e) if e > o => "E",
        _ => "mixed",
    }
}

impl Vocabulary {
    /// See [`KeyedLines::touch`].
    pub fn touch(&self, h: u64) -> u8 {
        self.table.touch(h)
    }

    pub(super) fn from_sentences<'a>(sentences: impl IntoIterator<Item = &'a Sentence>) -> Self {
        let mut counts: rustc_hash::FxHashMap<String, (u32, u32, u32)> = Default::default();
        for s in sentences {
            let mut inside = vec![false; s.tokens.len()];
            for (r, _) in &s.entities {
                inside[r.clone()].iter_mut().for_each(|x| *x = true);
            }
            let mut misc = vec![false; s.tokens.len()];
            for r in &s.misc {
                misc[r.clone()].iter_mut().for_each(|x| *x = true);
            }
            for ((tok, &e), &m) in s.tokens.iter().zip(&inside).zip(&misc) {
                let c = counts
                    .entry(crate::analysis::normalize::fold_key(
                        &crate::analysis::normalize::Normalized::new(tok).text,
                    ))
                    .or_default();
                if e {
                    c.1 += 1
                } else {
                    c.0 += 1;
                    c.2 += u32::from(m);
                }
            }
        }
        let mut rows: Vec<_> = counts.into_iter().collect();
        rows.sort();
        let text: String = rows
            .iter()
            .map(|(k, (o, e, m))| match m {
                0 => format!("{k}\t{o}\t{e}\n"),
                m => format!("{k}\t{o}\t{e}\t{m}\n"),
            })
            .collect();
        Vocabulary {
            table: KeyedLines::new(text).expect("distinct words make a table"),
        }
    }

    /// Whether training saw the word mostly outside names (or as often
    /// in as out), MISC entities apart: such a word is not carried over as
    /// a name. (A company whose products' names AQMAR tags MISC,
    /// «مايكروسوفت ويندوز», is carried over.)
    pub(super) fn is_common(&self, folded: &str) -> bool {
        let (o, e, m) = self
            .table
            .get(folded)
            .and_then(counts_misc)
            .unwrap_or_default();
        matches!(class_of(o - m, e), "O" | "mixed")
    }

    /// "unseen", "O" (mostly outside), "E" (mostly inside) or "mixed".
    pub(super) fn class(&self, folded: &str) -> &'static str {
        let (o, e) = self.table.get(folded).and_then(counts).unwrap_or_default();
        class_of(o, e)
    }

    /// The lines of the model file, sorted by word.
    pub(super) fn to_text(&self) -> String {
        let mut rows: Vec<(&str, &str)> = self.table.iter().collect();
        rows.sort();
        rows.iter().map(|(k, v)| format!("{k}\t{v}\n")).collect()
    }

    /// The vocabulary of the shipped model, its lines inflated and indexed
    /// by the build ([`super::table::KeyedLines::indexed`]): a test checks
    /// them with [`Vocabulary::from_text`].
    pub(super) fn indexed(text: &'static str, index: &'static [u8]) -> Self {
        Vocabulary {
            table: KeyedLines::indexed(text, index),
        }
    }

    /// The vocabulary of the model file's lines; refused when a line is
    /// not a word and two counts, or a word comes twice.
    pub(super) fn from_text(text: String) -> Result<Self, String> {
        let table = KeyedLines::new(text).map_err(|e| format!("damaged model vocabulary: {e}"))?;
        if let Some((word, _)) = table.iter().find(|(_, v)| counts(v).is_none()) {
            return Err(format!("damaged model vocabulary at {word:?}"));
        }
        Ok(Vocabulary { table })
    }
}

#[cfg(test)]
mod tests {
    use super::super::corpus;
    use super::*;

    #[test]
    fn classes_of_words_seen_outside_inside_or_never() {
        let s = corpus::parse("قال O\nمحمد B-PERS\nقال O\nفي O\nمحمد B-PERS\n").unwrap();
        let v = Vocabulary::from_sentences(&s);
        assert_eq!(v.class("قال"), "O");
        assert_eq!(v.class("محمد"), "E");
        assert_eq!(v.class("بغداد"), "unseen");
        let back = Vocabulary::from_text(v.to_text()).unwrap();
        assert_eq!(back.to_text(), v.to_text());
        assert_eq!(back.class("محمد"), "E");
        assert!(Vocabulary::from_text("قال\t2\n".into()).is_err());
        assert!(Vocabulary::from_text("قال\t2\t0\nقال\t1\t0\n".into()).is_err());
        assert!(Vocabulary::from_text("قال\t2\t0\t3\n".into()).is_err());

        // A company AQMAR tags MISC in its products' names keeps the class
        // the features read, but is not a common word: one found as an
        // organisation is found where it recurs.
        let s = corpus::parse(
            "مايكروسوفت B-MISC\nويندوز I-MISC\n\nمايكروسوفت B-MISC\n\nشركة O\nمايكروسوفت B-ORG\n",
        )
        .unwrap();
        let v = Vocabulary::from_sentences(&s);
        assert_eq!(v.class("مايكروسوفت"), "O");
        assert!(!v.is_common("مايكروسوفت"));
        assert!(v.is_common(&crate::analysis::normalize::fold_key("شركة")));
        let back = Vocabulary::from_text(v.to_text()).unwrap();
        assert!(!back.is_common("مايكروسوفت"));
    }
}
