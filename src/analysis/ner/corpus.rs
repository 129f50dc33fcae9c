//! Gold NER corpora in the `token TAG` format (one pair a line, BIO tags, a
//! blank line between sentences): ANERcorp and AQMAR.

use std::ops::Range;

use crate::analysis::MentionType;

/// One gold sentence: its tokens and the entities over them.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    pub tokens: Vec<String>,
    /// Entities as token ranges with their type (MISC is dropped).
    pub entities: Vec<(Range<usize>, MentionType)>,
    /// The token ranges of MISC entities (products, events, currencies),
    /// which the recogniser tags as outside but which are no common words.
    pub misc: Vec<Range<usize>>,
}

impl Sentence {
    /// The sentence as raw text: tokens joined by spaces.
    pub fn text(&self) -> String {
        self.tokens.join(" ")
    }

    /// Byte range of each token in [`Sentence::text`].
    pub fn token_ranges(&self) -> Vec<Range<usize>> {
        let mut out = Vec::with_capacity(self.tokens.len());
        let mut at = 0;
        for t in &self.tokens {
            out.push(at..at + t.len());
            at += t.len() + 1;
        }
        out
    }
}

/// What a tag's type says: one of the recogniser's types, MISC, or
/// nothing.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Type(MentionType),
    Misc,
}

fn kind(tag: &str) -> Option<Kind> {
    match tag {
        "PERS" | "PER" => Some(Kind::Type(MentionType::Person)),
        "ORG" => Some(Kind::Type(MentionType::Organization)),
        "LOC" => Some(Kind::Type(MentionType::Place)),
        "MISC" | "MIS" => Some(Kind::Misc),
        _ => None,
    }
}

/// Parses a corpus. Lines that are not `token TAG` are an error naming the
/// line; MISC/MIS entities are read as outside.
pub fn parse(text: &str) -> Result<Vec<Sentence>, String> {
    let mut sentences = Vec::new();
    let mut tokens: Vec<String> = Vec::new();
    let mut tags: Vec<(char, Option<Kind>)> = Vec::new();
    let mut flush = |tokens: &mut Vec<String>, tags: &mut Vec<(char, Option<Kind>)>| {
        if tokens.is_empty() {
            return;
        }
        let mut spans = Vec::new();
        let mut open: Option<(usize, Kind)> = None;
        for (i, &(bio, k)) in tags.iter().enumerate() {
            let continues = bio == 'I' && open.is_some_and(|(_, t)| Some(t) == k);
            if !continues {
                if let Some((s, t)) = open.take() {
                    spans.push((s..i, t));
                }
                if let (Some(k), 'B' | 'I') = (k, bio) {
                    open = Some((i, k));
                }
            }
        }
        if let Some((s, t)) = open {
            spans.push((s..tags.len(), t));
        }
        let mut entities = Vec::new();
        let mut misc = Vec::new();
        for (r, k) in spans {
            match k {
                Kind::Type(t) => entities.push((r, t)),
                Kind::Misc => misc.push(r),
            }
        }
        sentences.push(Sentence {
            tokens: std::mem::take(tokens),
            entities,
            misc,
        });
        tags.clear();
    };
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut tokens, &mut tags);
            continue;
        }
        let (token, tag) = line
            .rsplit_once(' ')
            .ok_or_else(|| format!("line {}: expected `token TAG`, got {line:?}", n + 1))?;
        let (bio, name) = match tag.split_once('-') {
            Some((b, name)) => (b.chars().next().unwrap_or('O'), name),
            None => ('O', ""),
        };
        tokens.push(token.to_owned());
        tags.push((bio, kind(name)));
    }
    flush(&mut tokens, &mut tags);
    Ok(sentences)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bio_spans_and_misc_dropped() {
        let s = parse("أعلن O\nاتحاد B-ORG\nصناعة I-ORG\nفي O\nألمانيا B-LOC\nكأس B-MISC\n\nقال O\nمحمد B-PERS\n").unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].entities,
            [
                (1..3, MentionType::Organization),
                (4..5, MentionType::Place)
            ]
        );
        assert_eq!(s[0].misc, vec![std::ops::Range { start: 5, end: 6 }]);
        assert_eq!(s[1].entities, [(1..2, MentionType::Person)]);
        assert!(s[1].misc.is_empty());
        assert_eq!(s[1].text(), "قال محمد");
        assert!(parse("broken\n").is_err());
    }
}
