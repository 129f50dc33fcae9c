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
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' || b == b'\r' {
            push(start, i, &mut out);
            i += 1;
            if b == b'\r' && bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
            start = i;
        } else if bytes[i..].starts_with("\u{2029}".as_bytes()) {
            push(start, i, &mut out);
            i += '\u{2029}'.len_utf8();
            start = i;
        } else {
            i += 1;
        }
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
}
