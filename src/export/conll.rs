//! CoNLL: `-DOCSTART-`, then one token a line, `TOKEN<TAB>TAG`, with a blank
//! line between sentences. Tags are IOB2: every entity's first token is
//! `B-TYPE`, the rest `I-TYPE`, other tokens `O`; types are Marsad's
//! (PERSON, ORGANIZATION, PLACE, NUMBER, DATE). A token is Marsad's (a word
//! with its clitics, a number, one punctuation mark), as written in the
//! text; a token that a mention only partly covers (the و of «وواشنطن»)
//! takes the mention's tag.

use super::Article;
use crate::analysis::Text;

pub fn render(a: &Article) -> Vec<u8> {
    let text = a.text();
    let an = a.analysis;
    let t = Text::new(text);
    let mut out = String::with_capacity(text.len() * 2);
    out.push_str("-DOCSTART-\tO\n\n");
    let mut tok = 0;
    let mut m = 0; // the first mention that may still cover a token
    let mut last_mention = usize::MAX;
    for s in &an.sentences {
        let mut any = false;
        while tok < t.tokens.len() {
            let r = t.span(tok, 0, tok);
            if r.start >= s.end {
                break;
            }
            tok += 1;
            if r.start < s.start {
                continue; // outside every sentence (white space only)
            }
            while m < an.mentions.len() && an.mentions[m].range.end <= r.start {
                m += 1;
            }
            let tag = match an.mentions.get(m) {
                Some(mention) if mention.range.start < r.end => {
                    let prefix = if last_mention == m { "I" } else { "B" };
                    last_mention = m;
                    format!("{prefix}-{}", mention.kind.name())
                }
                _ => "O".to_owned(),
            };
            out.push_str(&text[r]);
            out.push('\t');
            out.push_str(&tag);
            out.push('\n');
            any = true;
        }
        if any {
            out.push('\n');
        }
    }
    out.into_bytes()
}
