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

#[cfg(test)]
mod tests {
    #[test]
    fn arabic_is_two_bytes_a_code_point() {
        let cp = super::CodePoints::new("أكتوبر 2023");
        assert_eq!(cp.of(0), 0);
        assert_eq!(cp.of(12), 6);
        assert_eq!(cp.of(17), 11);
    }
}
