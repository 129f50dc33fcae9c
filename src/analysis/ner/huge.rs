//! Large tables on huge pages. The tagger fills a few tables of tens of
//! megabytes once per text (the words' projections and what is known of
//! them) or once per run of the program (a genre's emission rows). Taken
//! from the system 4 kB at a time, each page costs the processor a fault
//! when first written: some 20,000 on ANERcorp's text, an eighth of the
//! whole run's time. Linux gives a table it is told will be used whole
//! (`madvise(MADV_HUGEPAGE)`) pages of 2 MB, a fault each; elsewhere, or
//! where the system declines, the table is what it was.

/// An empty vector with room for `n` elements, whose memory the system is
/// asked to give in huge pages.
pub(super) fn with_capacity<T>(n: usize) -> Vec<T> {
    let v = Vec::with_capacity(n);
    advise(&v);
    v
}

/// Asks for `v`'s memory, all its capacity, to be given in huge pages.
/// Advice only: nothing the program reads changes.
fn advise<T>(v: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let bytes = v.capacity() * std::mem::size_of::<T>();
        // Smaller tables are not worth a system call.
        if bytes < 4 << 20 {
            return;
        }
        let start = v.as_ptr() as usize;
        let (first, end) = (start / PAGE * PAGE, (start + bytes).next_multiple_of(PAGE));
        // SAFETY: the range is the pages the vector's allocation lies on;
        // MADV_HUGEPAGE changes how the system backs them, never what they
        // hold, and it fails harmlessly (its result is not needed) where
        // huge pages are off.
        unsafe {
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table asked for on huge pages holds what is written to it, small
    /// or large, and grows past its first room as any vector does.
    #[test]
    fn advice_changes_nothing_the_table_holds() {
        for n in [0usize, 10, 3 << 20] {
            let mut v: Vec<u32> = with_capacity(n);
            assert!(v.capacity() >= n);
            v.extend((0..n as u32 + 5).map(|x| x.wrapping_mul(2_654_435_761)));
            advise(&v);
            assert!(
                v.iter()
                    .enumerate()
                    .all(|(i, &x)| x == (i as u32).wrapping_mul(2_654_435_761))
            );
        }
    }
}
