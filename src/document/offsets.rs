//! Byte offsets to Unicode code point offsets, for exports and the CLI.

/// Converts byte offsets of one text to code point offsets.
pub struct CodePoints {
    starts: Vec<usize>,
}

impl CodePoints {
    pub fn new(text: &str) -> Self {
        CodePoints {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    /// The code point index of the byte offset `byte` (a char boundary, or
    /// the end of the text).
    pub fn of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }
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
pub struct ByteOffsets {
    starts: Vec<usize>,
}

impl ByteOffsets {
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        ByteOffsets { starts }
    }

    /// The byte range of code points `start..end`, if inside the text.
    pub fn range(&self, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
        (start <= end).then_some(())?;
        Some(*self.starts.get(start)?..*self.starts.get(end)?)
    }

    /// How many code points the text has.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
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
