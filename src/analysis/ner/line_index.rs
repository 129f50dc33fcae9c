//! Where each line of a shipped `key<TAB>value` table starts, by its key's
//! hash: an open-addressing index that `build.rs` makes when the binary is
//! built, so that the shipped tables are read in place at start, with no
//! table to build ([`super::table::KeyedLines::indexed`]).
//!
//! `build.rs` compiles this file too: it names nothing else of the crate,
//! and its hash is its own (the same on every machine that builds).
//!
//! The index is little-endian `u32`s: the number of lines, then a power of
//! two of slots, at least twice the lines, each [`EMPTY`] or a line: the
//! byte offset where it starts in the low [`OFFSET_BITS`] bits, and the low
//! bits of its key's hash above them (the tag), so that a lookup reads
//! only the lines whose tag is the key's (one in 256 of the others) and
//! not every line its slots lead to. A key's first slot is the top bits of
//! its hash; the slots after it are tried in turn.

/// A slot without a line.
pub const EMPTY: u32 = u32::MAX;

/// The bits of a slot that hold a line's offset: a table is at most 16 MB.
pub const OFFSET_BITS: u32 = 24;
const OFFSET: u32 = (1 << OFFSET_BITS) - 1;

/// The tag of a key whose hash is `h`, in the bits above the offset.
fn tag(h: u64) -> u32 {
    ((h & 0xff) as u32) << OFFSET_BITS
}

/// The hash of a key's bytes: eight at a time, multiplied and rotated as
/// FxHash does, with a last mix so that the top bits depend on them all.
pub fn hash(key: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = key.len() as u64;
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ word).wrapping_mul(K).rotate_left(26);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(word))
            .wrapping_mul(K)
            .rotate_left(26);
    }
    (h ^ (h >> 32)).wrapping_mul(K)
}

/// The index of the lines of `text` (empty lines skipped); refused when a
/// line has no tab, a key comes twice, or the text is over 16 MB.
pub fn build(text: &str) -> Result<Vec<u8>, String> {
    // Every offset is below OFFSET, so that no line's slot is EMPTY.
    if text.len() > OFFSET as usize {
        return Err(format!(
            "table too large: {} bytes, at most {OFFSET}",
            text.len()
        ));
    }
    let bytes = text.as_bytes();
    let mut starts = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |p| start + p);
        if end > start {
            if !bytes[start..end].contains(&b'\t') {
                return Err(format!("a line without a tab: {:?}", &text[start..end]));
            }
            starts.push(start as u32);
        }
        start = end + 1;
    }
    let bits = (2 * starts.len())
        .max(2)
        .next_power_of_two()
        .trailing_zeros();
    let mut slots = vec![EMPTY; 1 << bits];
    for &s in &starts {
        let line = &bytes[s as usize..];
        let key = &line[..line.iter().position(|&b| b == b'\t').unwrap_or(0)];
        let h = hash(key);
        let mut k = first_slot(h, bits);
        while slots[k] != EMPTY {
            if key_at(bytes, slots[k] & OFFSET) == key {
                return Err(format!("{:?} comes twice", String::from_utf8_lossy(key)));
            }
            k = (k + 1) & (slots.len() - 1);
        }
        slots[k] = tag(h) | s;
    }
    let mut out = Vec::with_capacity(4 * (slots.len() + 1));
    out.extend_from_slice(&(starts.len() as u32).to_le_bytes());
    for s in slots {
        out.extend_from_slice(&s.to_le_bytes());
    }
    Ok(out)
}

/// The key of the line at `start` of a text whose lines all have a tab.
fn key_at(text: &[u8], start: u32) -> &[u8] {
    let line = &text[start as usize..];
    &line[..line.iter().position(|&b| b == b'\t').unwrap_or(0)]
}

fn first_slot(h: u64, bits: u32) -> usize {
    (h >> (64 - bits)) as usize
}

/// The number of lines `index` holds.
pub fn lines(index: &[u8]) -> usize {
    index
        .get(..4)
        .map_or(0, |n| u32::from_le_bytes([n[0], n[1], n[2], n[3]]) as usize)
}

/// The offsets of the lines whose slots a key whose [`hash`] is `h`
/// probes and whose tag is the key's, in probe order, up to the first
/// empty slot (none for a damaged index).
fn candidates(index: &[u8], h: u64) -> impl Iterator<Item = usize> + '_ {
    let slots = (index.len() / 4).saturating_sub(1);
    let ok = slots >= 2 && slots.is_power_of_two();
    let first = if ok {
        first_slot(h, slots.trailing_zeros())
    } else {
        0
    };
    let want = tag(h);
    (0..if ok { slots } else { 0 })
        .map(move |i| {
            let at = 4 * ((first + i) & (slots - 1)) + 4;
            u32::from_le_bytes([index[at], index[at + 1], index[at + 2], index[at + 3]])
        })
        .take_while(|&slot| slot != EMPTY)
        .filter(move |&slot| slot & !OFFSET == want)
        .map(|slot| (slot & OFFSET) as usize)
}

/// Reads the slots of a key whose [`hash`] is `h` up to the first of its
/// tag, and the first byte of the line it points to, without comparing
/// keys: asked for together for several tables, their cache misses
/// overlap, and the lookup that follows ([`find`]) finds the line near.
/// Returns the byte read (or 0, when no slot has the tag).
pub fn touch(text: &str, index: &[u8], h: u64) -> u8 {
    candidates(index, h)
        .next()
        .and_then(|start| text.as_bytes().get(start).copied())
        .unwrap_or(0)
}

/// The start of `key`'s line in `text`, by `index` (made by [`build`] of
/// `text`): the value follows the key and its tab.
pub fn find(text: &str, index: &[u8], key: &str) -> Option<usize> {
    let (bytes, key) = (text.as_bytes(), key.as_bytes());
    // Only lines of the key's tag are read; then the tab where the key
    // would end rules out most other keys at the cost of a byte.
    candidates(index, hash(key)).find(|&start| {
        bytes
            .get(start..)
            .is_some_and(|line| line.get(key.len()) == Some(&b'\t') && line.starts_with(key))
    })
}
