//! Bytes to text: byte-order marks, UTF-8, UTF-16, and the legacy Arabic code
//! pages (Windows-1256, ISO-8859-6), told apart by `chardetng`.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Decoded text and the name of the encoding it came from.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    /// Bad byte sequences the decoding replaced with U+FFFD.
    pub replaced: usize,
}

/// Decodes `bytes`; `None` when they are not text (binary data).
///
/// Order: a BOM decides; then valid UTF-8; then UTF-8 with a few bad bytes
/// (a file cut in the middle of a letter, a stray byte), which become
/// U+FFFD; then, for web pages, a declared `charset`; then `chardetng`'s
/// guess, told that the text is likely Arabic.
pub fn decode(bytes: &[u8], is_html: bool) -> Option<Decoded> {
    let (encoding, body): (&'static Encoding, &[u8]) = if let Some((enc, bom_len)) =
        Encoding::for_bom(bytes)
    {
        (enc, &bytes[bom_len..])
    } else if looks_binary(bytes) {
        return None;
    } else if Encoding::utf8_valid_up_to(bytes) == bytes.len() || mostly_utf8(bytes) {
        // (encoding_rs's check reads sixteen bytes at a time: about a
        // million instructions for a megabyte of Arabic, std's thirteen.)
        (UTF_8, bytes)
    } else if let Some(enc) = is_html.then(|| declared_charset(bytes)).flatten() {
        (enc, bytes)
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        (
            detector.guess(Some(b"ar"), chardetng::Utf8Detection::Deny),
            bytes,
        )
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let text = text.into_owned();
    let replaced = match (had_errors, encoding == UTF_8) {
        (false, _) => 0,
        (true, true) => utf8_tally(body).1,
        (true, false) => text.matches('\u{fffd}').count(),
    };
    if encoding == UTF_16LE || encoding == UTF_16BE {
        // A BOM on random data still decodes; judge the result instead.
        if looks_binary_text(&text) {
            return None;
        }
    } else if looks_binary_text(&text) {
        return None;
    }
    Some(Decoded {
        text,
        encoding: encoding.name(),
        replaced,
    })
}

/// Whether `bytes` are UTF-8 but for a few bad sequences: at least fifty
/// letters beyond ASCII for each. Text in a legacy code page reads as
/// nearly all bad sequences (its Arabic letters are single bytes of 0xC1
/// and above, seldom followed by a continuation byte).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (wide, bad) = utf8_tally(bytes);
    wide >= 50 * bad.max(1)
}

/// The characters beyond ASCII of UTF-8 `bytes`, and their bad sequences
/// (each becomes one U+FFFD).
fn utf8_tally(bytes: &[u8]) -> (usize, usize) {
    let (mut wide, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    (wide, bad)
}

/// NUL bytes do not occur in 8-bit or UTF-8 text (anywhere in the file:
/// one past the first megabyte would otherwise reach the text).
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// A NUL character (UTF-16 of binary data, or a NUL after a BOM), or many
/// control characters (other than tab, newline, carriage return and form
/// feed) or replacement characters, mean the bytes were not text.
fn looks_binary_text(text: &str) -> bool {
    if text.contains('\0') {
        return true;
    }
    // Over the first 2^20 characters, counted by their first bytes, a
    // block of bytes at a time.
    const LIMIT: usize = 1 << 20;
    let is_start = |b: &u8| (*b as i8) >= -0x40;
    let is_control =
        |b: &u8| (*b < b' ' && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || *b == 0x7f;
    let bytes = text.as_bytes();
    let (mut total, mut control, mut end) = (0, 0, 0);
    for block in bytes.chunks(1 << 12) {
        let starts = count_bytes(block, is_start);
        if total + starts > LIMIT {
            // The block that holds the limit, a byte at a time.
            for b in block {
                if is_start(b) {
                    if total == LIMIT {
                        break;
                    }
                    total += 1;
                    control += usize::from(is_control(b));
                }
                end += 1;
            }
            break;
        }
        total += starts;
        control += count_bytes(block, is_control);
        end += block.len();
    }
    let head = &bytes[..end];
    let bad = control + memchr::memmem::find_iter(head, "\u{fffd}".as_bytes()).count();
    total > 0 && bad * 20 > total
}

/// The bytes of `bytes` that are `f`, counted in bytes 255 at a time (which
/// the compiler makes vector code).
fn count_bytes(bytes: &[u8], f: impl Fn(&u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|c| c.iter().fold(0u8, |n, b| n + u8::from(f(b))) as usize)
        .sum()
}

/// `<meta charset="...">` or `content="text/html; charset=..."` in the first
/// kilobytes of a page.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = &head[pos + 8..];
    let rest = rest
        .iter()
        .position(|b| !matches!(b, b'"' | b'\'' | b' '))
        .map(|i| &rest[i..])?;
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    Encoding::for_label(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode("واشنطن".as_bytes(), false).unwrap();
        assert_eq!(plain.text, "واشنطن");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("بغداد".as_bytes());
        let d = decode(&bom, false).unwrap();
        assert_eq!(d.text, "بغداد", "the BOM is not part of the text");
    }

    #[test]
    fn declared_charset_is_read() {
        let page = b"<html><head><meta charset=\"windows-1256\"></head><body>\xc8</body></html>";
        let d = decode(page, true).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert!(d.text.contains('ب'));
    }

    /// [`looks_binary_text`] as a character at a time tells it.
    fn looks_binary_by_character(text: &str) -> bool {
        let (mut total, mut bad) = (0usize, 0usize);
        for c in text.chars().take(1 << 20) {
            total += 1;
            let control = (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || c == '\u{7f}';
            bad += usize::from(control || c == '\u{fffd}');
        }
        text.contains('\0') || total > 0 && bad * 20 > total
    }

    #[test]
    fn control_and_replacement_characters_are_counted_per_character() {
        let arabic = "سلام ".repeat(100);
        let tail = "\u{1}\u{fffd}".repeat(200_000);
        let texts = [
            String::new(),
            "\u{1}\u{2}".to_owned(),
            format!("{arabic}{}", "\u{fffd}".repeat(30)),
            format!("{arabic}{}", "\u{fffd}".repeat(24)),
            format!("{arabic}{}", "\u{7f}\u{b}".repeat(15)),
            format!("{arabic}\t\n\r\u{c}"),
            // Past the first 2^20 characters nothing counts.
            format!("{}{tail}", "س".repeat(1 << 20)),
            format!("{}{tail}", "س".repeat((1 << 20) - 60_000)),
        ];
        let judged: Vec<bool> = texts.iter().map(|t| looks_binary_text(t)).collect();
        let by_character: Vec<bool> = texts.iter().map(|t| looks_binary_by_character(t)).collect();
        assert_eq!(judged, by_character);
        assert_eq!(judged, [false, true, true, false, true, false, false, true]);
    }

    #[test]
    fn binary_is_refused() {
        let png = [
            0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d,
        ];
        assert!(decode(&png, false).is_none());
        let noise: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 32) as u8 + 1).collect();
        assert!(decode(&noise, false).is_none());
    }

    /// An 8 MB cut of a UTF-8 article, ending in the middle of a letter,
    /// opened as Windows-1256: every Arabic letter became two wrong ones.
    #[test]
    fn utf8_cut_in_a_letter_or_with_a_stray_byte_stays_utf8() {
        let text = "قالت وزارة الخارجية إن الوفد وصل إلى بغداد".repeat(20);
        // The last letter, «د», cut after its first byte.
        let cut = &text.as_bytes()[..text.len() - 1];
        let d = decode(cut, false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        let whole_but_the_last_letter = &text[..text.len() - "د".len()];
        assert_eq!(d.text, format!("{whole_but_the_last_letter}\u{fffd}"));
        assert_eq!(d.replaced, 1);
        let mut stray = text.as_bytes().to_vec();
        stray.insert(text.char_indices().nth(50).unwrap().0, 0xFF);
        let d = decode(&stray, false).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.text.matches('\u{fffd}').count(), 1);
        assert_eq!(d.replaced, 1);
        assert_eq!(decode(text.as_bytes(), false).unwrap().replaced, 0);
        assert_eq!(d.text.replace('\u{fffd}', ""), text);
    }

    /// Windows-1256 is still told from UTF-8 with a bad byte.
    #[test]
    fn a_legacy_arabic_page_is_not_taken_for_broken_utf8() {
        let text = "قالت وزارة الخارجية في بغداد إن الوفد وصل. ".repeat(20);
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&text);
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.encoding, "windows-1256");
        assert!(d.text.starts_with("قالت وزارة"));
    }

    /// Found by the decode fuzzer: UTF-16 with its BOM and one NUL code
    /// unit among Arabic letters opened with a NUL in the text.
    #[test]
    fn a_nul_is_binary_in_any_encoding_and_anywhere() {
        let mut utf16 = vec![0xFF, 0xFE];
        for c in "واشنطن\0بغداد".encode_utf16() {
            utf16.extend_from_slice(&c.to_le_bytes());
        }
        assert!(decode(&utf16, false).is_none());
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("بغداد\0".as_bytes());
        assert!(decode(&bom, false).is_none());
        let mut late = "كلمة ".repeat(300_000).into_bytes();
        late.push(0);
        assert!(
            decode(&late, false).is_none(),
            "a NUL past the first megabyte"
        );
    }
}
