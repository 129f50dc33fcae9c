//! Byte offsets to Unicode code point offsets, for exports and the CLI.
//!
//! Both ways keep a checkpoint every [`STEP`] bytes or code points and count
//! the rest in the text: four bytes per step, not eight per character (a
//! 64 MB article would otherwise need some 280 MB each way).

/// Bytes (or code points) between checkpoints.
const STEP: usize = 256;

/// Converts byte offsets of one text to code point offsets.
pub struct CodePoints<'a> {
    text: &'a str,
    /// `before[k]`: code points before byte `k * STEP`.
    before: Vec<u32>,
}

impl<'a> CodePoints<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut before = Vec::with_capacity(text.len() / STEP + 2);
        let mut n = 0u32;
        for chunk in text.as_bytes().chunks(STEP) {
            before.push(n);
            n += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        if text.len().is_multiple_of(STEP) {
            before.push(n); // the end starts a step of its own
        }
        CodePoints { text, before }
    }

    /// The code point index of the byte offset `byte` (a char boundary, or
    /// the end of the text).
    pub fn of(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let k = byte / STEP;
        let rest = &self.text.as_bytes()[k * STEP..byte];
        self.before[k] as usize + rest.iter().filter(|&&b| !is_continuation(b)).count()
    }
}

/// A UTF-8 continuation byte (not the start of a character).
fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Up to `chars` characters of `text` on either side of `range` (a range
/// on character boundaries): a quote's prefix and suffix.
pub fn context(text: &str, range: std::ops::Range<usize>, chars: usize) -> (&str, &str) {
    let (Some(before), Some(after)) = (text.get(..range.start), text.get(range.end..)) else {
        return ("", "");
    };
    let from = before
        .char_indices()
        .rev()
        .take(chars)
        .last()
        .map_or(before.len(), |(i, _)| i);
    let to = after
        .char_indices()
        .nth(chars)
        .map_or(after.len(), |(i, _)| i);
    (&before[from..], &after[..to])
}

/// Byte ranges of a text from code point offsets (imports).
pub struct ByteOffsets<'a> {
    text: &'a str,
    /// `at[k]`: the byte offset of code point `k * STEP`.
    at: Vec<u32>,
    len: usize,
}

impl<'a> ByteOffsets<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut at = Vec::with_capacity(text.len() / STEP + 1);
        let mut len = 0;
        for (n, (i, _)) in text.char_indices().enumerate() {
            if n % STEP == 0 {
                at.push(i as u32);
            }
            len = n + 1;
        }
        ByteOffsets { text, at, len }
    }

    /// The byte offset of code point `n` (the end of the text for `len`).
    fn byte(&self, n: usize) -> Option<usize> {
        if n > self.len {
            return None;
        }
        if n == self.len {
            return Some(self.text.len());
        }
        let from = self.at[n / STEP] as usize;
        self.text[from..]
            .char_indices()
            .nth(n % STEP)
            .map(|(i, _)| from + i)
    }

    /// The byte range of code points `start..end`, if inside the text.
    pub fn range(&self, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
        (start <= end).then_some(())?;
        Some(self.byte(start)?..self.byte(end)?)
    }

    /// How many code points the text has.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn arabic_is_two_bytes_a_code_point() {
        let cp = super::CodePoints::new("أكتوبر 2023");
        assert_eq!(cp.of(0), 0);
        assert_eq!(cp.of(12), 6);
        assert_eq!(cp.of(17), 11);
    }

    /// The checkpoints give what a list of every character's start gave,
    /// across steps, at the ends, for texts of every length around a step.
    #[test]
    fn checkpoints_agree_with_every_characters_start() {
        for len in [0, 1, 255, 256, 257, 511, 512, 513, 1500] {
            let text: String = "بa€😀 ".chars().cycle().take(len).collect();
            let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let cp = super::CodePoints::new(&text);
            for b in 0..=text.len() {
                assert_eq!(cp.of(b), starts.partition_point(|&s| s < b), "{len} at {b}");
            }
            let bo = super::ByteOffsets::new(&text);
            assert_eq!(bo.len(), starts.len());
            let mut all = starts.clone();
            all.push(text.len());
            for (n, &b) in all.iter().enumerate() {
                assert_eq!(bo.range(n, n), Some(b..b), "{len} at {n}");
            }
            assert_eq!(bo.range(0, all.len()), None);
        }
    }

    #[test]
    fn context_takes_whole_letters_on_either_side() {
        use super::context;
        let t = "قال الوزير في بغداد أمس";
        let s = t.find("بغداد").unwrap();
        assert_eq!(context(t, s..s + "بغداد".len(), 3), ("في ", " أم"));
        assert_eq!(context(t, 0..2, 50), ("", &t[2..]));
        assert_eq!(context(t, t.len()..t.len(), 4), (" أمس", ""));
    }
}
