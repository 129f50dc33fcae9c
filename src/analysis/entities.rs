//! Mentions of one entity grouped under a canonical name: spelling variants
//! (الأميركية, الاميركية), repeats, and a person's surname after the full name.

use super::normalize::fold_key;
use super::{Mention, MentionType};

#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub kind: MentionType,
    /// The fullest form the article uses.
    pub canonical: String,
    /// Indices into the mentions.
    pub mentions: Vec<usize>,
}

/// Groups the actor and place mentions of `text`; returns the entities and,
/// for each mention, the index of its entity.
pub fn group(text: &str, mentions: &[Mention]) -> (Vec<Entity>, Vec<Option<usize>>) {
    let mut entities: Vec<Entity> = Vec::new();
    // (folded name, type) -> entity; a word of a multi-word person's name -> entity.
    let mut by_key: rustc_hash::FxHashMap<(String, MentionType), usize> = Default::default();
    let mut by_name_part: rustc_hash::FxHashMap<String, usize> = Default::default();
    let mut of = vec![None; mentions.len()];
    for (i, m) in mentions.iter().enumerate() {
        if !matches!(
            m.kind,
            MentionType::Person | MentionType::Organization | MentionType::Place
        ) {
            continue;
        }
        let surface = &text[m.range.clone()];
        let key = fold_key(surface);
        let found = by_key.get(&(key.clone(), m.kind)).copied().or_else(|| {
            // A person's surname or first name alone: the full name seen before.
            (m.kind == MentionType::Person && !key.contains(' '))
                .then(|| by_name_part.get(&key).copied())
                .flatten()
        });
        let e = match found {
            Some(e) => e,
            None => {
                entities.push(Entity {
                    kind: m.kind,
                    canonical: surface.to_owned(),
                    mentions: Vec::new(),
                });
                let e = entities.len() - 1;
                if m.kind == MentionType::Person && key.contains(' ') {
                    for part in key.split(' ') {
                        by_name_part.entry(part.to_owned()).or_insert(e);
                    }
                }
                by_key.insert((key, m.kind), e);
                e
            }
        };
        if surface.chars().count() > entities[e].canonical.chars().count() {
            entities[e].canonical = surface.to_owned();
        }
        entities[e].mentions.push(i);
        of[i] = Some(e);
    }
    (entities, of)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str, word: &str, nth: usize, kind: MentionType) -> Mention {
        let start = text.match_indices(word).nth(nth).unwrap().0;
        Mention {
            range: start..start + word.len(),
            kind,
            norm: None,
        }
    }

    #[test]
    fn variants_repeats_and_surnames() {
        let text = "قالت سابرينا سينغ إن القوات الأميركية باقية. وأضافت سينغ أن القوات الاميركية لن تغادر. وزار سينغ مكانا";
        let ms = vec![
            m(text, "سابرينا سينغ", 0, MentionType::Person),
            m(text, "القوات الأميركية", 0, MentionType::Organization),
            m(text, "سينغ", 1, MentionType::Person),
            m(text, "القوات الاميركية", 0, MentionType::Organization),
            m(text, "سينغ", 2, MentionType::Place),
        ];
        let (entities, of) = group(text, &ms);
        assert_eq!(entities.len(), 3);
        assert_eq!(entities[0].canonical, "سابرينا سينغ");
        assert_eq!(entities[0].mentions, [0, 2]);
        assert_eq!(entities[1].mentions, [1, 3]);
        assert_eq!(
            of,
            [Some(0), Some(1), Some(0), Some(1), Some(2)],
            "a different type is another entity"
        );
    }
}
