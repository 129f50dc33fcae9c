//! Asking for memory before it is read: the tagger's tables (the
//! perceptron's rows, the LSTM's projections and n-gram rows) are read at
//! places the processor cannot guess, so the code that knows them asks
//! for their cache lines a little ahead, and the misses overlap with work.

/// Asks for the cache lines of `xs`, without waiting for them: a prefetch
/// changes nothing the program sees.
#[inline(always)]
pub fn prefetch<T>(xs: &[T]) {
    #[cfg(target_arch = "x86_64")]
    {
        let start = xs.as_ptr().cast::<u8>();
        let bytes = std::mem::size_of_val(xs);
        // A line every 64 bytes, and the last byte's (the slice need not
        // start a line).
        for at in (0..bytes).step_by(64).chain(bytes.checked_sub(1)) {
            // SAFETY: the address is inside a live slice, and a prefetch
            // reads nothing the program sees; SSE is in every x86_64
            // processor.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    start.add(at).cast(),
                )
            };
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = xs;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asking for any slice, empty or not, aligned or not, reads nothing
    /// and changes nothing.
    #[test]
    fn prefetching_changes_nothing() {
        let xs: Vec<u32> = (0..1000).collect();
        for (a, b) in [(0, 0), (0, 1), (3, 17), (1, 1000), (999, 1000)] {
            prefetch(&xs[a..b]);
        }
        prefetch::<[f32; 8]>(&[]);
        assert_eq!(xs, (0..1000).collect::<Vec<u32>>());
    }
}
