//! Tokens of the normalised text, and the proclitics a word may carry.
//!
//! Tokens are words (letters), numbers (digits with the separators inside a
//! number or a numeric date: `1,250,000`, `42.5`, `7/10/2023`) and single
//! punctuation characters. White space separates tokens and is not one.

use std::ops::Range;

use tinyvec::ArrayVec;

use super::normalize::Normalized;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token: its kind and its byte range in the normalised text (kept in
/// 32 bits: a text has some 13 million tokens per 64 MB, the largest file
/// Marsad opens).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    start: u32,
    end: u32,
    /// No white space between this token and the previous one.
    pub glued: bool,
}

impl Token {
    /// Its byte range in the normalised text.
    pub fn norm(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn is_word_char(c: char) -> bool {
    // Arabic letters and ASCII first: `is_alphabetic` is a slow table search
    // outside ASCII.
    matches!(c, 'ء'..='ي' | 'ٱ'..='ۓ' | 'a'..='z' | 'A'..='Z')
        || (c > '\u{7f}' && c.is_alphabetic())
        || c == '\u{200c}'
}

/// The length in bytes of the web address at the start of `s` (`http://`,
/// `https://` or `www.`, up to white space, less the punctuation that ends
/// the sentence around it), or `None`. A web address is one token that no
/// matcher reads: the `2023` of `report-2023` is no year, and its full
/// stops end no sentence.
pub fn url_len(s: &str) -> Option<usize> {
    let starts = |prefix: &[u8]| {
        s.as_bytes()
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
    };
    if !(starts(b"http://") || starts(b"https://") || starts(b"www.")) {
        return None;
    }
    let mut end = s.find(char::is_whitespace).unwrap_or(s.len());
    while let Some(c) = s[..end].chars().next_back() {
        if matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '»'
                | '"'
                | '\''
                | '،'
                | '؛'
                | '؟'
        ) {
            end -= c.len_utf8();
        } else {
            break;
        }
    }
    (end > 4).then_some(end)
}

/// Splits the normalised text into tokens.
pub fn tokenize(n: &Normalized) -> Vec<Token> {
    let text = n.text.as_str();
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut prev_end = usize::MAX;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind;
        let mut end = i + c.len_utf8();
        if matches!(c, 'h' | 'H' | 'w' | 'W')
            && let Some(len) = url_len(&text[i..])
        {
            kind = TokenKind::Punct;
            end = i + len;
            while chars.peek().is_some_and(|&(j, _)| j < end) {
                chars.next();
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            loop {
                match chars.peek() {
                    Some(&(j, d)) if d.is_ascii_digit() => {
                        end = j + 1;
                        chars.next();
                    }
                    Some(&(j, s))
                        if matches!(s, '.' | ',' | '/' | ':' | '-')
                            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) =>
                    {
                        end = j + 1;
                        chars.next();
                    }
                    _ => break,
                }
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            while let Some(&(j, d)) = chars.peek() {
                if is_word_char(d) {
                    end = j + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
        } else {
            kind = TokenKind::Punct;
        }
        tokens.push(Token {
            kind,
            start: i as u32,
            end: end as u32,
            glued: prev_end == i,
        });
        prev_end = end;
    }
    tokens
}

/// The ways to read a word as proclitics + stem, longest stem first: the
/// whole word; without و or ف; then without ب, ل or ك; then without the
/// article ال (ل + ال is written لل). Each reading is (bytes of proclitics,
/// stem). The order of clitics is fixed (reference §7.9).
pub fn readings(word: &str) -> Readings<'_> {
    const LETTER: usize = 2; // every proclitic letter is two bytes in UTF-8
    // Most words start with no proclitic letter and no article: one
    // reading, the whole word (what the steps below give them too).
    if !word.starts_with(['و', 'ف', 'ب', 'ل', 'ك', 'ا']) {
        let mut out = Readings::new();
        out.push((0, word));
        return out;
    }
    let mut starts: ArrayVec<[usize; 4]> = ArrayVec::new();
    starts.push(0);
    if word.starts_with(['و', 'ف']) {
        starts.push(LETTER);
    }
    for k in 0..starts.len() {
        let s = starts[k];
        if word[s..].starts_with(['ب', 'ل', 'ك']) {
            starts.push(s + LETTER);
        }
    }
    let mut skips: ArrayVec<[usize; 8]> = ArrayVec::new();
    for &s in &starts {
        skips.push(s);
        let rest = &word[s..];
        if rest.starts_with("ال") {
            skips.push(s + 2 * LETTER);
        } else if s >= LETTER && &word[s - LETTER..s] == "ل" && rest.starts_with('ل') {
            // لل: the article's alef is dropped after ل.
            skips.push(s + LETTER);
        }
    }
    skips.sort_unstable();
    let mut out = Readings::new();
    let mut last = None;
    for s in skips {
        if last == Some(s) {
            continue;
        }
        last = Some(s);
        if s == 0 || word[s..].chars().nth(1).is_some() {
            out.push((s, &word[s..]));
        }
    }
    out
}

/// The readings of a word, without allocating.
pub type Readings<'a> = arrayvec::ArrayVec<(usize, &'a str), 8>;

/// Where the stem of each reading of a word starts (bytes of proclitics),
/// to keep a word's readings without borrowing it: [`reading_starts`] of a
/// word, back to its readings with [`readings_from`].
pub type ReadingStarts = ArrayVec<[u8; 8]>;

/// The starts of `word`'s [`readings`] (proclitics are at most four
/// two-byte letters).
pub fn reading_starts(word: &str) -> ReadingStarts {
    starts_of(&readings(word))
}

/// The starts of readings already made.
pub fn starts_of(readings: &Readings) -> ReadingStarts {
    readings.iter().map(|(s, _)| *s as u8).collect()
}

/// The readings of `word` from its [`reading_starts`].
pub fn readings_from<'a>(word: &'a str, starts: &ReadingStarts) -> Readings<'a> {
    starts
        .iter()
        .map(|&s| (s as usize, &word[s as usize..]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(TokenKind, String)> {
        let n = Normalized::new(s);
        tokenize(&n)
            .into_iter()
            .map(|t| (t.kind, n.text[t.norm()].to_owned()))
            .collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        use TokenKind::*;
        assert_eq!(
            toks("وتنشر 2500 عسكري، في 7/10/2023 و42.5% و١٬٢٥٠٬٠٠٠."),
            [
                (Word, "وتنشر".into()),
                (Number, "2500".into()),
                (Word, "عسكري".into()),
                (Punct, "،".into()),
                (Word, "في".into()),
                (Number, "7/10/2023".into()),
                (Word, "و".into()),
                (Number, "42.5".into()),
                (Punct, "%".into()),
                (Word, "و".into()),
                (Number, "1,250,000".into()),
                (Punct, ".".into()),
            ]
        );
    }

    #[test]
    fn a_web_address_is_one_token_that_no_matcher_reads() {
        use TokenKind::*;
        assert_eq!(
            toks("(حسب https://example.org/report-2023، الرسمي)"),
            [
                (Punct, "(".into()),
                (Word, "حسب".into()),
                (Punct, "https://example.org/report-2023".into()),
                (Punct, "،".into()),
                (Word, "الرسمي".into()),
                (Punct, ")".into()),
            ]
        );
        let text =
            "حسب موقع https://example.org/report-2023 وموقع www.example.org/7-10-2023 في 2014.";
        let found: Vec<&str> = crate::analysis::analyze(text, None)
            .iter()
            .map(|m| &text[m.range.clone()])
            .collect();
        assert_eq!(found, ["2014"]);
    }

    #[test]
    fn proclitic_readings() {
        let r = |w: &str| {
            readings(w)
                .into_iter()
                .map(|(_, s)| s.to_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(r("وواشنطن"), ["وواشنطن", "واشنطن"]);
        assert_eq!(r("والولايات"), ["والولايات", "الولايات", "ولايات"]);
        assert_eq!(r("بالامس"), ["بالامس", "الامس", "امس"]);
        assert_eq!(r("للعام"), ["للعام", "لعام", "عام"]);
        assert!(r("ولعام").contains(&"عام".to_owned()));
        // A word with no proclitic letter first is read whole only.
        assert_eq!(r("محمد"), ["محمد"]);
        assert_eq!(r("2014"), ["2014"]);
        assert_eq!(r("أبو"), ["أبو"]);
        assert_eq!(r(""), [""]);
    }
}
