//! Paragraphs: one per non-blank line.

use std::ops::Range;

/// Byte ranges of the non-blank lines of `text`, without the line ending and
/// without surrounding white space. Lines end at `\n`, `\r\n`, `\r` or U+2029.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let push = |s: usize, e: usize, out: &mut Vec<Range<usize>>| out.extend(trim_range(text, s..e));
    let mut i = 0;
    // Line ends are \n, \r and U+2029 (E2 80 A9): only those bytes are
    // looked at.
    while let Some(k) = memchr::memchr3(b'\n', b'\r', 0xe2, &bytes[i..]) {
        let at = i + k;
        let b = bytes[at];
        if b == 0xe2 {
            i = at + 1;
            if bytes[at..].starts_with("\u{2029}".as_bytes()) {
                push(start, at, &mut out);
                i = at + '\u{2029}'.len_utf8();
                start = i;
            }
            continue;
        }
        push(start, at, &mut out);
        i = at + 1;
        if b == b'\r' && bytes.get(i) == Some(&b'\n') {
            i += 1;
        }
        start = i;
    }
    push(start, bytes.len(), &mut out);
    out
}

/// `r` without the white space at its ends; `None` when nothing is left.
pub fn trim_range(text: &str, r: Range<usize>) -> Option<Range<usize>> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    (!t.is_empty()).then(|| r.start + lead..r.start + lead + t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_and_crlf() {
        let text = "عنوان\r\n\r\n  فقرة أولى \nفقرة ثانية";
        let paras: Vec<&str> = split_paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(paras, ["عنوان", "فقرة أولى", "فقرة ثانية"]);
    }

    #[test]
    fn paragraph_separators_and_other_characters_of_their_first_byte() {
        let text = "أ – ب\u{2029}ج “د”\rهـ\u{2028}و";
        let paras: Vec<&str> = split_paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(paras, ["أ – ب", "ج “د”", "هـ\u{2028}و"]);
    }
}
