//! Sentences: byte ranges of the original text.

use std::ops::Range;

/// Splits `text` into sentences at . ! ? ؟ ۔ … and line ends. A full stop
/// between digits (2.5) or after a single letter (an initial, "د.") does not
/// end a sentence, nor one between Latin letters or digits (example.org,
/// U.S.A) or inside a web address; closing quotes and brackets stay with
/// their sentence.
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    // Only the characters that may end a sentence or start a web address
    // are looked at ([`candidates`]), each with the two characters before
    // it and the one after, read from the text where it stands. What a web
    // address or a closing quote took is passed over.
    let mut resume = 0;
    for pos in candidates(text.as_bytes()) {
        if pos < resume {
            continue;
        }
        let c = text[pos..]
            .chars()
            .next()
            .expect("a candidate starts a character");
        let before = &text[..pos];
        let mut back = before.chars().rev();
        let (prev, prev2) = (back.next(), back.next());
        let after = pos + c.len_utf8();
        let next = text[after..].chars().next();
        if matches!(c, 'h' | 'H' | 'w' | 'W') {
            if !prev.is_some_and(char::is_alphanumeric)
                && let Some(len) = super::tokenize::url_len(&text[pos..])
            {
                resume = pos + len;
            }
            continue;
        }
        let latin_between = prev.is_some_and(|p| p.is_ascii_alphanumeric())
            && next.is_some_and(|d| d.is_ascii_alphanumeric());
        let end_here = match c {
            '\n' | '\r' | '\u{2029}' => Some(pos),
            '!' | '?' if latin_between => None,
            '!' | '?' | '؟' | '۔' | '…' => Some(after),
            '.' if latin_between => None,
            '.' => {
                let next_digit = next.is_some_and(char::is_numeric);
                let prev_digit = prev.is_some_and(char::is_numeric);
                let initial = prev.is_some_and(char::is_alphabetic)
                    && !prev2.is_some_and(char::is_alphabetic);
                (!(initial || next_digit && prev_digit)).then_some(after)
            }
            _ => None,
        };
        let Some(mut end) = end_here else {
            continue;
        };
        if c != '\n' && c != '\r' && c != '\u{2029}' {
            // Take closing quotes and brackets along.
            end += text[end..]
                .chars()
                .take_while(|q| {
                    matches!(
                        q,
                        '"' | '»' | ')' | ']' | '”' | '\'' | '.' | '!' | '?' | '؟'
                    )
                })
                .map(char::len_utf8)
                .sum::<usize>();
            resume = end;
        }
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// Where the characters [`split_sentences`] looks at start, in order: line
/// ends, . ! ? ؟ ۔ … and the letters a web address starts with. A byte
/// table finds them (a UTF-8 character's continuation bytes never look
/// like an ASCII one); the multi-byte ones are told by their last bytes.
fn candidates(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const fn table() -> [bool; 256] {
        let mut t = [false; 256];
        let interesting = b"\n\r.!?hHwW\x9f\x94\xa6\xa9";
        let mut k = 0;
        while k < interesting.len() {
            t[interesting[k] as usize] = true;
            k += 1;
        }
        t
    }
    const INTERESTING: [bool; 256] = table();
    bytes.iter().enumerate().filter_map(move |(j, &b)| {
        if !INTERESTING[b as usize] {
            return None;
        }
        match b {
            // ؟ (D8 9F) and ۔ (DB 94).
            0x9f | 0x94 => {
                let lead = if b == 0x9f { 0xd8 } else { 0xdb };
                (j >= 1 && bytes[j - 1] == lead).then(|| j - 1)
            }
            // … (E2 80 A6) and the paragraph separator (E2 80 A9).
            0xa6 | 0xa9 => (j >= 2 && bytes[j - 2] == 0xe2 && bytes[j - 1] == 0x80).then(|| j - 2),
            _ => Some(j),
        }
    })
}

/// The longest sentence, in bytes (about a thousand Arabic letters, twice
/// a long news sentence). A longer run without a full stop (a page
/// flattened to one line) is cut, after a comma in the second half of the
/// run where there is one, else at a space: what hangs on a sentence (a
/// timeline event's text and mentions, a CSV row's sentence_text) then
/// stays bounded, whatever the text.
pub const MAX_SENTENCE: usize = 2000;

fn push_trimmed(text: &str, mut r: Range<usize>, out: &mut Vec<Range<usize>>) {
    while r.end - r.start > MAX_SENTENCE {
        let mut end = r.start + MAX_SENTENCE;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[r.start..end];
        let half = window.len() / 2;
        let after = |i: usize| i + window[i..].chars().next().map_or(1, char::len_utf8);
        let cut = window
            .rfind(['،', ',', '؛', ';'])
            .filter(|&c| c >= half)
            .map(after)
            .or_else(|| {
                window
                    .rfind(char::is_whitespace)
                    .filter(|&c| c >= half)
                    .map(after)
            })
            .unwrap_or(window.len())
            .max(1);
        out.extend(crate::document::trim_range(text, r.start..r.start + cut));
        r.start += cut;
    }
    out.extend(crate::document::trim_range(text, r));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The splitter as it was when it kept a list of every character: the
    /// reading of only the characters that may end a sentence (each with
    /// the two before it and the one after) must agree with it.
    fn reference(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (pos, c) = chars[i];
            if matches!(c, 'h' | 'H' | 'w' | 'W')
                && (i == 0 || !chars[i - 1].1.is_alphanumeric())
                && let Some(len) = crate::analysis::tokenize::url_len(&text[pos..])
            {
                while chars.get(i + 1).is_some_and(|&(p, _)| p < pos + len) {
                    i += 1;
                }
                i += 1;
                continue;
            }
            let latin_between = i > 0
                && chars[i - 1].1.is_ascii_alphanumeric()
                && chars
                    .get(i + 1)
                    .is_some_and(|(_, d)| d.is_ascii_alphanumeric());
            let end_here = match c {
                '\n' | '\r' | '\u{2029}' => Some(pos),
                '!' | '?' if latin_between => None,
                '!' | '?' | '؟' | '۔' | '…' => Some(pos + c.len_utf8()),
                '.' if latin_between => None,
                '.' => {
                    let next_digit = chars.get(i + 1).is_some_and(|(_, d)| d.is_numeric());
                    let prev_digit = i > 0 && chars[i - 1].1.is_numeric();
                    let initial = i >= 1
                        && chars[i - 1].1.is_alphabetic()
                        && (i < 2 || !chars[i - 2].1.is_alphabetic());
                    (!(initial || next_digit && prev_digit)).then_some(pos + 1)
                }
                _ => None,
            };
            if let Some(mut end) = end_here {
                // Take closing quotes and brackets along.
                if c != '\n' && c != '\r' && c != '\u{2029}' {
                    while let Some(&(p, q)) = chars.get(i + 1) {
                        if matches!(
                            q,
                            '"' | '»' | ')' | ']' | '”' | '\'' | '.' | '!' | '?' | '؟'
                        ) {
                            end = p + q.len_utf8();
                            i += 1;
                        } else {
                            break;
                        }
                    }
                }
                push_trimmed(text, start..end, &mut out);
                start = end;
            }
            i += 1;
        }
        push_trimmed(text, start..text.len(), &mut out);
        out
    }

    #[test]
    fn reading_as_it_goes_agrees_with_the_list_of_characters() {
        let pieces = [
            "قال",
            " ",
            ".",
            "د.",
            "2.5",
            "U.S.A",
            "example.org",
            "http://a.b/c.d",
            "www.x.y",
            "\"",
            "»",
            ")",
            "!",
            "?",
            "؟",
            "…",
            "\n",
            "\r\n",
            "\u{2029}",
            "a",
            "W",
            "h",
            "٣",
            "ب.",
            " .",
            "..",
            "'",
            "،",
            "H.",
            "w.",
            "۔",
            "\u{654}",
            "ئ",
            "ة",
            "”",
            "\u{2026}.",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..(seed % 24) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            assert_eq!(split_sentences(&text), reference(&text), "{text:?}");
        }
    }

    #[test]
    fn splits_at_stops_not_in_numbers() {
        let text = "نما الاقتصاد 2.5 في المئة. وقال \"نعم.\" هل؟ نعم\nسطر";
        let got: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "نما الاقتصاد 2.5 في المئة.",
                "وقال \"نعم.\"",
                "هل؟",
                "نعم",
                "سطر"
            ]
        );
    }

    #[test]
    fn web_addresses_and_latin_abbreviations_end_no_sentence() {
        let text = "حسب موقع https://example.org/report-2023?x=1 الرسمي. وقالت U.S.A إن www.un.org/ar. ثم.انتهى";
        let got: Vec<&str> = split_sentences(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(
            got,
            [
                "حسب موقع https://example.org/report-2023?x=1 الرسمي.",
                "وقالت U.S.A إن www.un.org/ar.",
                "ثم.",
                "انتهى"
            ]
        );
    }

    /// Seen with a 1.2 MB article on one line: one sentence of the whole
    /// text, whose every timeline event carried all of it (455 MB).
    #[test]
    fn a_sentence_without_end_is_cut_into_bounded_pieces() {
        let text = "قال الوزير إن الوفد وصل إلى بغداد في 7 أكتوبر، ثم غادر ".repeat(300);
        let s = split_sentences(&text);
        assert!(s.len() > 1);
        assert!(s.iter().all(|r| r.len() <= MAX_SENTENCE), "{s:?}");
        assert!(s.windows(2).all(|w| w[0].end <= w[1].start));
        // Cut after a comma; nothing but white space left out.
        assert!(
            s[..s.len() - 1]
                .iter()
                .all(|r| text[r.clone()].ends_with('،'))
        );
        let covered: usize = s
            .iter()
            .map(|r| {
                text[r.clone()]
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
            })
            .sum();
        assert_eq!(covered, text.chars().filter(|c| !c.is_whitespace()).count());
        // No comma, no space: cut anyway, on a letter's boundary.
        let text = "ب".repeat(5000);
        let s = split_sentences(&text);
        assert!(
            s.iter()
                .all(|r| r.len() <= MAX_SENTENCE && text.is_char_boundary(r.start))
        );
        assert_eq!(s.iter().map(|r| r.len()).sum::<usize>(), text.len());
    }
}
