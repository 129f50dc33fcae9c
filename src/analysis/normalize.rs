//! The matching key: Arabic text folded for lookup, with a map back to the
//! original bytes.
//!
//! Pipeline (reference §8.6), one character at a time so that every output
//! byte knows where it came from: drop format characters (bidi marks, zero
//! width characters, BOM, prepended marks), make every space a plain space,
//! decompose presentation forms (and drop the space NFKC puts before an
//! isolated haraka), drop harakat, Quranic marks and tatweel, fold alef,
//! yeh, teh marbuta and kaf variants (tier A), turn Arabic-Indic and Persian
//! digits and Arabic separators into ASCII, lowercase Latin.
//! [`fold_key`] adds the aggressive tier B for lexicon keys.

use std::ops::Range;

use unicode_normalization::char::decompose_compatible;

/// A normalised text and a map back to the original: each character of it
/// knows the byte offset in the original text where the character it came
/// from starts.
///
/// The map is kept as runs: where a stretch of the normalised text lies at
/// a constant distance from the original (letters copied or folded to
/// letters of the same length), one entry says where it starts in both.
/// News text folds few characters, so the map is a small fraction of the
/// text (a dense map would be four bytes for every byte).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Normalized {
    pub text: String,
    /// (normalised offset, original offset) where each run starts, in order.
    runs: Vec<(u32, u32)>,
    original_len: u32,
}

impl Normalized {
    /// Normalises `original` (tier A).
    pub fn new(original: &str) -> Self {
        let mut n = Normalized {
            text: String::with_capacity(original.len()),
            runs: Vec::new(),
            original_len: original.len() as u32,
        };
        let bytes = original.as_bytes();
        let mut buf = Vec::with_capacity(4);
        // Characters that fold to themselves (nearly all of a news text)
        // are copied a stretch at a time, from `same` to `i`.
        let (mut same, mut i) = (0, 0);
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if ASCII_SAME[b as usize] {
                    i += 1;
                    continue;
                }
            } else if let (0xd8..=0xdb, Some(&b1)) = (b, bytes.get(i + 1)) {
                // Two bytes: a character of the Arabic block.
                if ARABIC_SAME[((b as usize & 3) << 6) | (b1 as usize & 0x3f)] {
                    i += 2;
                    continue;
                }
            }
            n.copy(original, same..i);
            let c = original[i..]
                .chars()
                .next()
                .expect("i is a character boundary");
            buf.clear();
            fold_char(c, &mut buf);
            for &o in &buf {
                n.push(o, i);
            }
            i += c.len_utf8();
            same = i;
        }
        n.copy(original, same..i);
        n.runs.shrink_to_fit();
        n
    }

    /// Appends `original[r]`, which folds to itself.
    fn copy(&mut self, original: &str, r: Range<usize>) {
        if r.is_empty() {
            return;
        }
        self.start_at(r.start);
        self.text.push_str(&original[r]);
    }

    /// Appends `c`, folded from the character at `i` of the original.
    fn push(&mut self, c: char, i: usize) {
        self.start_at(i);
        self.text.push(c);
    }

    /// Starts a run when the next character, from `i` of the original,
    /// does not lie where the current run would put it.
    fn start_at(&mut self, i: usize) {
        let (n, i) = (self.text.len() as u32, i as u32);
        let continues = self.runs.last().is_some_and(|&(rn, ro)| n - rn + ro == i);
        if !continues {
            self.runs.push((n, i));
        }
    }

    /// The original byte offset of normalised byte offset `i`: where the
    /// character at `i` came from (the end of the original at the end).
    pub fn original(&self, i: usize) -> usize {
        if i >= self.text.len() {
            return self.original_len as usize;
        }
        let mut i = i;
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        let i = i as u32;
        let r = self.runs.partition_point(|&(n, _)| n <= i) - 1;
        let (n, o) = self.runs[r];
        (o + (i - n)) as usize
    }

    /// The original byte range of normalised range `r`.
    pub fn original_range(&self, r: Range<usize>) -> Range<usize> {
        self.original(r.start)..self.original(r.end)
    }
}

/// The Arabic letters that tier A leaves as they are.
const fn is_plain_letter(c: char) -> bool {
    matches!(c, 'ء' | 'ؤ' | 'ئ' | 'ا' | 'ب' | 'ت'..='غ' | 'ف'..='ه' | 'و' | 'ي')
}

/// [`is_plain_letter`] of U+0600 to U+06FF, by their last ten bits (the
/// two-byte UTF-8 sequences that start with 0xD8 to 0xDB).
const ARABIC_SAME: [bool; 256] = {
    let mut same = [false; 256];
    let mut k = 0;
    while k < 256 {
        same[k] = match char::from_u32(0x600 + k as u32) {
            Some(c) => is_plain_letter(c),
            None => false,
        };
        k += 1;
    }
    same
};

/// The ASCII characters that tier A leaves as they are: all but capitals
/// and the spaces other than U+0020 (a test checks it against
/// [`fold_char`]).
const ASCII_SAME: [bool; 128] = {
    let mut same = [true; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        if c.is_ascii_uppercase() || c != ' ' && c != '\n' && c != '\r' && c.is_whitespace() {
            same[b] = false;
        }
        b += 1;
    }
    same
};

/// Tier-A folding of one character into `out` (nothing when it is deleted).
pub fn fold_char(c: char, out: &mut Vec<char>) {
    // Fast path: plain Arabic letters and ASCII that stay as they are.
    if is_plain_letter(c) || c.is_ascii_lowercase() || c.is_ascii_digit() {
        out.push(c);
        return;
    }
    match c {
        // Presentation forms: decompose, then fold what comes out.
        '\u{fb50}'..='\u{fdff}' | '\u{fe70}'..='\u{feff}' if c != '\u{feff}' => {
            let mut parts = Vec::with_capacity(4);
            decompose_compatible(c, |d| parts.push(d));
            if parts.len() == 1 && parts[0] == c {
                out.push(c);
                return;
            }
            // NFKC puts a space before isolated harakat: drop it with them.
            let only_marks = parts.iter().all(|&d| d == ' ' || is_deleted(d));
            if only_marks {
                return;
            }
            for d in parts {
                fold_char(d, out);
            }
        }
        _ if is_deleted(c) => {}
        _ if is_space(c) => out.push(' '),
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' | 'ٵ' => out.push('ا'),
        'ى' | 'ی' => out.push('ي'),
        'ة' => out.push('ه'),
        'ک' | 'ڪ' => out.push('ك'),
        '٠'..='٩' => out.push(char::from(b'0' + (c as u32 - 0x660) as u8)),
        '۰'..='۹' => out.push(char::from(b'0' + (c as u32 - 0x6f0) as u8)),
        '٫' => out.push('.'),
        '٬' => out.push(','),
        '٪' => out.push('%'),
        '؉' => out.push('‰'),
        '؍' => out.push('/'),
        '–' | '—' | '−' => out.push('-'),
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        _ => out.push(c),
    }
}

/// Characters with no place in the matching key (reference §8.1).
pub fn is_deleted(c: char) -> bool {
    matches!(c,
        '\u{064b}'..='\u{065f}' | '\u{0670}' | '\u{0610}'..='\u{061a}'
        | '\u{06d6}'..='\u{06dc}' | '\u{06df}'..='\u{06e4}' | '\u{06e7}'..='\u{06e8}'
        | '\u{06ea}'..='\u{06ed}' | '\u{0898}'..='\u{089f}' | '\u{08ca}'..='\u{08e1}'
        | '\u{08e3}'..='\u{08ff}' | '\u{06e5}' | '\u{06e6}' | '\u{0640}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}'
        | '\u{0600}'..='\u{0605}' | '\u{0890}'..='\u{0891}' | '\u{08e2}' | '\u{06dd}')
}

/// Space characters, folded to U+0020.
pub fn is_space(c: char) -> bool {
    c != ' ' && c.is_whitespace() && c != '\n' && c != '\r' && c != '\u{2029}' && c != '\u{2028}'
}

/// Tier A then tier B: the key for lexicon lookups (never for output).
pub fn fold_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_key_into(text, &mut out);
    out
}

/// [`fold_key`] onto the end of `out` (no allocation when `out` has room).
pub fn fold_key_into(text: &str, out: &mut String) {
    // Only the characters off the fast path need it: no allocation till then.
    let mut buf = Vec::new();
    for c in text.chars() {
        match fold_plain(c) {
            Some(f) => out.push(f),
            None => fold_key_char(c, out, &mut buf),
        }
    }
}

/// What a plain Arabic letter, ASCII letter, digit or space folds to in a
/// key ([`fold_key_char`] gives the same; a test checks every character):
/// the fast path of nearly every word.
fn fold_plain(c: char) -> Option<char> {
    Some(match c {
        'ء' | 'ا' | 'ب' | 'ت'..='غ' | 'ف'..='ه' | 'و' | 'ي' | 'a'..='z' | '0'..='9' | ' ' => {
            c
        }
        'ؤ' => 'و',
        'ئ' | 'ى' => 'ي',
        'أ' | 'إ' | 'آ' => 'ا',
        'ة' => 'ه',
        _ => return None,
    })
}

/// Tier A then tier B folding of one character, onto `out`.
fn fold_key_char(c: char, out: &mut String, buf: &mut Vec<char>) {
    buf.clear();
    fold_char(c, buf);
    for &o in buf.iter() {
        out.push(match o {
            'ؤ' => 'و',
            'ئ' | 'ې' | 'ۍ' | 'ێ' | 'ؽ' | 'ؾ' | 'ؿ' => 'ي',
            'ۃ' | 'ۀ' | 'ە' | 'ہ' | 'ھ' => 'ه',
            'گ' => 'ك',
            'ڤ' => 'ف',
            'ڨ' => 'ق',
            'پ' => 'ب',
            'چ' => 'ج',
            'ژ' => 'ز',
            other => other,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(s: &str) -> String {
        Normalized::new(s).text
    }

    /// The text and map as one character at a time makes them.
    fn by_character(original: &str) -> Normalized {
        let mut n = Normalized {
            original_len: original.len() as u32,
            ..Default::default()
        };
        let mut buf = Vec::new();
        for (i, c) in original.char_indices() {
            buf.clear();
            fold_char(c, &mut buf);
            for &o in &buf {
                n.push(o, i);
            }
        }
        n.runs.shrink_to_fit();
        n
    }

    #[test]
    fn stretches_copied_at_once_fold_as_one_character_at_a_time() {
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            let mut buf = Vec::new();
            fold_char(c, &mut buf);
            if c.is_ascii() {
                assert_eq!(ASCII_SAME[c as usize], buf == [c], "{c:?}");
            }
            if is_plain_letter(c) {
                assert_eq!(buf, [c]);
            }
            for s in [
                format!("{c}"),
                format!("ab{c}"),
                format!("{c}ة ك"),
                format!("أ\u{064e}{c}{c}\u{0640}ب x"),
            ] {
                assert_eq!(Normalized::new(&s), by_character(&s), "{s:?}");
            }
        }
        let text = crate::document::SAMPLE_TEXT;
        assert_eq!(Normalized::new(text), by_character(text));
    }

    #[test]
    fn the_fast_fold_of_plain_letters_is_the_full_fold() {
        let mut buf = Vec::new();
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            if let Some(fast) = fold_plain(c) {
                let mut full = String::new();
                fold_key_char(c, &mut full, &mut buf);
                assert_eq!(full, fast.to_string(), "{c:?}");
            }
        }
    }

    #[test]
    fn folds_letters_marks_and_digits() {
        assert_eq!(key("أمسِ"), "امس");
        assert_eq!(key("إبريل"), "ابريل");
        assert_eq!(key("آذار"), "اذار");
        assert_eq!(key("فى"), "في");
        assert_eq!(key("فبرایر"), "فبراير", "Farsi yeh");
        assert_eq!(key("الولايات المتحدة"), "الولايات المتحده");
        assert_eq!(key("کانون"), "كانون", "keheh");
        assert_eq!(key("١٤٤٥ هـ"), "1445 ه", "digits and tatweel");
        assert_eq!(key("۱۴۰۲"), "1402");
        assert_eq!(key("٣٨٫٢٪"), "38.2%");
        assert_eq!(key("١٬٠٠٠"), "1,000");
        assert_eq!(
            key("7\u{200f}/10\u{200f}/2023"),
            "7/10/2023",
            "RLM inside a CLDR date"
        );
        assert_eq!(key("تشرين\u{a0}الأول"), "تشرين الاول", "no-break space");
        assert_eq!(key("بِسْمِ"), "بسم");
        assert_eq!(key("Washington"), "washington");
    }

    #[test]
    fn presentation_forms_decompose() {
        assert_eq!(key("\u{fefb}"), "لا", "lam-alef ligature, 1 -> 2");
        assert_eq!(key("\u{fe8e}\u{fedf}"), "ال", "final alef, initial lam");
        assert_eq!(
            key("ب\u{fe70}ت"),
            "بت",
            "isolated fathatan: space and mark dropped"
        );
        assert_eq!(key("\u{fdf2}"), "الله");
        assert_eq!(
            key("\u{fdfc}"),
            "ريال",
            "rial sign gives Farsi yeh, folded again"
        );
    }

    #[test]
    fn map_points_back_to_the_original() {
        let original = "وأمسِ \u{fefb} ٣";
        let n = Normalized::new(original);
        assert_eq!(n.text, "وامس لا 3");
        let amsi = n.text.find("امس").unwrap();
        let r = n.original_range(amsi..amsi + "امس".len());
        assert_eq!(&original[r], "أمسِ", "the trailing kasra is inside the span");
        let la = n.text.find("لا").unwrap();
        assert_eq!(&original[n.original_range(la..la + "لا".len())], "\u{fefb}");
        let three = n.text.find('3').unwrap();
        assert_eq!(&original[n.original_range(three..three + 1)], "٣");
    }

    /// The runs give what a map of every byte gave.
    #[test]
    fn runs_map_every_byte_as_a_full_map_would() {
        for original in [
            "وأمسِ \u{fefb} ٣",
            "ب\u{fe70}ت \u{fdf2} \u{fdfc} ـــكلمة\u{200f} ١٢٫٥ ABC",
            "\u{064b}\u{064b}بداية",
            "نهاية\u{064e}\u{0651}",
            "",
            "plain ascii",
        ] {
            let n = Normalized::new(original);
            let mut full = Vec::new();
            let mut buf = Vec::new();
            for (i, c) in original.char_indices() {
                buf.clear();
                fold_char(c, &mut buf);
                for &o in &buf {
                    full.extend(std::iter::repeat_n(i, o.len_utf8()));
                }
            }
            full.push(original.len());
            assert_eq!(full.len(), n.text.len() + 1);
            for (i, &o) in full.iter().enumerate() {
                assert_eq!(n.original(i), o, "{original:?} at {i}");
            }
        }
        // A long plain text needs one run.
        let plain = "كلمة عربية بلا تشكيل ".repeat(1000);
        assert_eq!(Normalized::new(&plain).runs.len(), 1);
    }

    #[test]
    fn tier_b_only_for_keys() {
        assert_eq!(fold_key("مئة"), "ميه");
        assert_eq!(fold_key("مؤتمر"), "موتمر");
        assert_eq!(fold_key("گاز"), "كاز");
        assert_eq!(key("مؤتمر"), "مؤتمر");
    }
}
