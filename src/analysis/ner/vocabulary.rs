//! How often each word was seen outside and inside names in training: the
//! vocabulary classes the features and the consistency passes read.

use super::corpus::Sentence;

/// How often each folded word was outside an entity and inside one in
/// training: an unseen word is more likely a name (Arabic has no capitals).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    counts: rustc_hash::FxHashMap<String, (u32, u32)>,
}

impl Vocabulary {
    pub(super) fn from_sentences<'a>(sentences: impl IntoIterator<Item = &'a Sentence>) -> Self {
        let mut v = Vocabulary::default();
        for s in sentences {
            let mut inside = vec![false; s.tokens.len()];
            for (r, _) in &s.entities {
                inside[r.clone()].iter_mut().for_each(|x| *x = true);
            }
            for (tok, &e) in s.tokens.iter().zip(&inside) {
                let c = v
                    .counts
                    .entry(crate::analysis::normalize::fold_key(
                        &crate::analysis::normalize::Normalized::new(tok).text,
                    ))
                    .or_default();
                if e { c.1 += 1 } else { c.0 += 1 }
            }
        }
        v
    }

    /// "unseen", "O" (mostly outside), "E" (mostly inside) or "mixed".
    /// Whether training saw the word mostly outside names (or as often
    /// in as out): such a word is not carried over as a name.
    pub(super) fn is_common(&self, folded: &str) -> bool {
        matches!(self.class(folded), "O" | "mixed")
    }

    pub(super) fn class(&self, folded: &str) -> &'static str {
        match self.counts.get(folded) {
            None => "unseen",
            Some(&(o, e)) if o >= 2 * e => "O",
            Some(&(o, e)) if e > o => "E",
            Some(_) => "mixed",
        }
    }

    pub(super) fn to_text(&self) -> String {
        let mut rows: Vec<_> = self.counts.iter().collect();
        rows.sort();
        rows.iter()
            .map(|(k, (o, e))| format!("{k}\t{o}\t{e}\n"))
            .collect()
    }

    pub(super) fn from_text(text: &str) -> Self {
        let counts = text
            .lines()
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some((
                    c.next()?.to_owned(),
                    (c.next()?.parse().ok()?, c.next()?.parse().ok()?),
                ))
            })
            .collect();
        Vocabulary { counts }
    }
}
