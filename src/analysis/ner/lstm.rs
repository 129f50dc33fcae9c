//! A bidirectional LSTM with a CRF loss: each token's tag from the whole
//! run read forwards and backwards (Huang, Xu and Yu 2015; Lample et al.
//! 2016). Its logits and its transitions, times [`WEIGHT`], are added to
//! the perceptron's emission and transition scores, and the perceptron's
//! Viterbi decodes the sum: the
//! perceptron knows the words, affixes and lists it was trained on, the
//! LSTM how a word it never saw is used in the unlabelled text, what its
//! letters look like, and what the rest of the sentence says.
//!
//! Inputs per token: its word vector ([`super::vectors`]) or its stem's, or
//! an indicator ([`Slot`]); the mean of the learned embeddings of its
//! character n-grams ([`grams`]); its evidence bits (name lists, trigger
//! words, training vocabulary: [`super::evidence::Word::evidence_bits`]);
//! and the encyclopedia genre. The first layer is linear in each token's
//! inputs, so what a word gives the gates is worked out once per distinct
//! word of a document ([`Lstm::projection_into`]); a token then costs the
//! two recurrences and the output layer. These inference kernels are
//! compiled for AVX-512, for AVX2 with FMA, for AVX, and plain, and the
//! processor picks at run time; the fused ones (AVX-512 and AVX2) round
//! once per product, so their scores may differ from the others in an
//! f32's last bits.
//!
//! The word vectors are frozen. The two directions and the n-gram
//! embeddings start from language models learned on the unlabelled text
//! ([`pretrain`], whose n-gram rows start fitted to spell the word vectors,
//! [`spelled`]); they, the output layer and the transitions learn by Adam
//! on the CRF loss of each run's tags (minus their log-probability among
//! the tag sequences decoding allows), with dropout on the inputs, in
//! batches of runs whose gradients are summed in a fixed order, so training
//! is deterministic on any number of cores.

use super::features::Genre;
use super::perceptron::{LANES, N, Tagger};
use super::prefetch::prefetch;
use super::vectors::Vectors;
use rayon::prelude::*;

pub mod pretrain;

/// What a token shows the LSTM of its word vector.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Slot {
    /// The vector of the word's row.
    Word(u32),
    /// The vector of its stem's row (the word has none).
    Stem(u32),
    Unknown,
    Number,
    /// Punctuation and symbols.
    Other,
}

/// The vector row and the indicator (of [`FLAGS`]) of a slot; `None` is a
/// position outside the run.
fn parts(slot: Option<Slot>) -> (Option<u32>, Option<usize>) {
    match slot {
        Some(Slot::Word(r)) => (Some(r), None),
        Some(Slot::Stem(r)) => (Some(r), Some(0)),
        Some(Slot::Unknown) => (None, Some(1)),
        Some(Slot::Number) => (None, Some(2)),
        Some(Slot::Other) => (None, Some(3)),
        None => (None, Some(4)),
    }
}

impl Slot {
    /// The slot of a token of kind `number`/`word` whose folded key and
    /// folded stem are given.
    pub fn of(v: &Vectors, number: bool, word: bool, folded: &str, folded_stem: &str) -> Slot {
        if number {
            v.row("0").map_or(Slot::Number, Slot::Word)
        } else if !word {
            Slot::Other
        } else if let Some(r) = v.row(folded) {
            Slot::Word(r)
        } else if let Some(r) = v.row(folded_stem) {
            Slot::Stem(r)
        } else {
            Slot::Unknown
        }
    }
}

/// tanh of each unit, as a rational function accurate to a few units in the
/// last place of an f32 (Eigen's `ptanh_float`), which vectorises where
/// the library's tanh is a call per number.
#[inline(always)]
fn tanh<const K: usize, const FUSED: bool>(h: &mut [f32; K]) {
    const A: [f32; 7] = [
        4.893_524_6e-3,
        6.372_619_3e-4,
        1.485_722_4e-5,
        5.122_297e-8,
        -8.604_672e-11,
        2.000_188e-13,
        -2.760_768_5e-16,
    ];
    const B: [f32; 4] = [4.893_525e-3, 2.268_434_6e-3, 1.185_347e-4, 1.198_258_4e-6];
    for a in h.iter_mut() {
        let x = a.clamp(-7.905_311, 7.905_311);
        let x2 = x * x;
        let mut p = A[6];
        for &c in A[..6].iter().rev() {
            p = madd::<FUSED>(p, x2, c);
        }
        let q = madd::<FUSED>(
            madd::<FUSED>(madd::<FUSED>(B[3], x2, B[2]), x2, B[1]),
            x2,
            B[0],
        );
        *a = x * p / q;
    }
}

/// Hidden units per direction.
pub const HIDDEN: usize = 32;
const G: usize = 4 * HIDDEN;
/// Indicators after the vector (of [`Slot`]), then the genre.
const FLAGS: usize = 5;
/// Width of a word's character vector: the mean of the embeddings of its
/// character n-grams, hashed into [`BUCKETS`].
pub const CHARS: usize = 24;
pub const BUCKETS: usize = 1 << 14;
/// Indicators of the word's evidence after the characters
/// ([`super::evidence::Word::evidence_bits`]).
pub const EVIDENCE: usize = 13;

/// The hashed character n-grams (2 to 4 long) of a folded word, its ends
/// marked.
pub fn grams(folded: &str) -> Vec<u32> {
    let mut out = Vec::new();
    grams_into(folded, &mut out);
    out
}

/// [`grams`] written to `out` (cleared first); a word of up to 62 letters
/// costs no allocation.
pub fn grams_into(folded: &str, out: &mut Vec<u32>) {
    out.clear();
    let letters = std::iter::once('<')
        .chain(folded.chars())
        .chain(std::iter::once('>'));
    let mut buf = ['\0'; 64];
    let long: Vec<char>;
    let cs: &[char] = if folded.len() <= 62 {
        // At most as many letters as bytes.
        let mut n = 0;
        for c in letters {
            buf[n] = c;
            n += 1;
        }
        &buf[..n]
    } else {
        long = letters.collect();
        &long
    };
    for n in 2..=4 {
        for w in cs.windows(n) {
            let mut h: u32 = 0x811c_9dc5 ^ n as u32;
            for &c in w {
                h = (h ^ c as u32).wrapping_mul(0x0100_0193);
            }
            out.push(h % BUCKETS as u32);
        }
    }
}
/// How much the logits (and the CRF transitions) weigh against the
/// perceptron's scores: on the same cross-validated models, 24 gave the
/// highest mean of 8, 12, 16, 24 and 32 (`assets/ner/README.md`).
pub const WEIGHT: f32 = 24.0;

/// One direction's weights: input rows of [`G`] (gates i, f, g, o),
/// recurrent rows of [`G`], biases.
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    wx: Vec<f32>,
    wh: Vec<f32>,
    b: Vec<f32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lstm {
    dim: usize,
    fwd: Cell,
    bwd: Cell,
    /// `2 * HIDDEN` rows of [`N`].
    wo: Vec<f32>,
    bo: [f32; N],
    /// [`BUCKETS`] rows of [`CHARS`].
    emb: Vec<f32>,
    /// The tag transitions of its CRF loss, (N + 1) × N (the last row the
    /// start), weighed with its logits when decoding.
    trans: Vec<f32>,
}

fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

/// What one direction kept of a run, per token: gates (after their
/// nonlinearity), cell, tanh of the cell, hidden.
#[derive(Default)]
struct Trace {
    gates: Vec<f32>,
    c: Vec<f32>,
    tc: Vec<f32>,
    h: Vec<f32>,
}

impl Cell {
    fn new(inputs: usize, seed: &mut u64) -> Cell {
        let sx = (6.0 / (inputs + G) as f32).sqrt();
        let sh = (6.0 / (HIDDEN + G) as f32).sqrt();
        let mut b = vec![0.0; G];
        b[HIDDEN..2 * HIDDEN].fill(1.0); // the forget gate starts open
        Cell {
            wx: (0..inputs * G).map(|_| uniform(seed) * sx).collect(),
            wh: (0..HIDDEN * G).map(|_| uniform(seed) * sh).collect(),
            b,
        }
    }

    fn zeros_like(&self) -> Cell {
        Cell {
            wx: vec![0.0; self.wx.len()],
            wh: vec![0.0; self.wh.len()],
            b: vec![0.0; G],
        }
    }

    /// Runs over `xs` (sparse inputs per token) in `order`, keeping the
    /// trace by position.
    fn run(&self, xs: &[Vec<(usize, f32)>], reverse: bool, tr: &mut Trace) {
        let t = xs.len();
        tr.gates.clear();
        tr.gates.resize(t * G, 0.0);
        tr.c.clear();
        tr.c.resize(t * HIDDEN, 0.0);
        tr.tc.clear();
        tr.tc.resize(t * HIDDEN, 0.0);
        tr.h.clear();
        tr.h.resize(t * HIDDEN, 0.0);
        let mut prev: Option<usize> = None;
        for step in 0..t {
            let i = if reverse { t - 1 - step } else { step };
            let mut z = [0.0f32; G];
            z.copy_from_slice(&self.b);
            for &(d, x) in &xs[i] {
                for (a, w) in z.iter_mut().zip(&self.wx[d * G..][..G]) {
                    *a += x * w;
                }
            }
            if let Some(p) = prev {
                for j in 0..HIDDEN {
                    let hj = tr.h[p * HIDDEN + j];
                    for (a, w) in z.iter_mut().zip(&self.wh[j * G..][..G]) {
                        *a += hj * w;
                    }
                }
            }
            for (k, a) in z.iter_mut().enumerate() {
                *a = if (2 * HIDDEN..3 * HIDDEN).contains(&k) {
                    a.tanh()
                } else {
                    sigmoid(*a)
                };
            }
            for j in 0..HIDDEN {
                let (ig, fg, gg, og) = (z[j], z[HIDDEN + j], z[2 * HIDDEN + j], z[3 * HIDDEN + j]);
                let cp = prev.map_or(0.0, |p| tr.c[p * HIDDEN + j]);
                let c = fg * cp + ig * gg;
                let tc = c.tanh();
                tr.c[i * HIDDEN + j] = c;
                tr.tc[i * HIDDEN + j] = tc;
                tr.h[i * HIDDEN + j] = og * tc;
            }
            tr.gates[i * G..][..G].copy_from_slice(&z);
            prev = Some(i);
        }
    }

    /// Back through the run: `dh` is the loss's gradient by each token's
    /// hidden state (from above); adds to `grad`, and to `dx` the gradient
    /// by each token's character inputs (from `char_base` on).
    #[allow(clippy::too_many_arguments)]
    fn back(
        &self,
        xs: &[Vec<(usize, f32)>],
        reverse: bool,
        tr: &Trace,
        dh: &[f32],
        grad: &mut Cell,
        char_base: usize,
        dx: &mut [f32],
    ) {
        let t = xs.len();
        let mut dh_next = [0.0f32; HIDDEN];
        let mut dc_next = [0.0f32; HIDDEN];
        for step in (0..t).rev() {
            let i = if reverse { t - 1 - step } else { step };
            let prev = if step == 0 {
                None
            } else if reverse {
                Some(i + 1)
            } else {
                Some(i - 1)
            };
            let gates = &tr.gates[i * G..][..G];
            let mut dz = [0.0f32; G];
            for j in 0..HIDDEN {
                let (ig, fg, gg, og) = (
                    gates[j],
                    gates[HIDDEN + j],
                    gates[2 * HIDDEN + j],
                    gates[3 * HIDDEN + j],
                );
                let d = dh[i * HIDDEN + j] + dh_next[j];
                let tc = tr.tc[i * HIDDEN + j];
                let dc = d * og * (1.0 - tc * tc) + dc_next[j];
                let cp = prev.map_or(0.0, |p| tr.c[p * HIDDEN + j]);
                dz[j] = dc * gg * ig * (1.0 - ig);
                dz[HIDDEN + j] = dc * cp * fg * (1.0 - fg);
                dz[2 * HIDDEN + j] = dc * ig * (1.0 - gg * gg);
                dz[3 * HIDDEN + j] = d * tc * og * (1.0 - og);
                dc_next[j] = dc * fg;
            }
            for (a, d) in grad.b.iter_mut().zip(&dz) {
                *a += d;
            }
            for e in 0..CHARS {
                let row = &self.wx[(char_base + e) * G..][..G];
                dx[i * CHARS + e] += row.iter().zip(&dz).map(|(w, d)| w * d).sum::<f32>();
            }
            for &(d, x) in &xs[i] {
                for (a, dd) in grad.wx[d * G..][..G].iter_mut().zip(&dz) {
                    *a += x * dd;
                }
            }
            match prev {
                Some(p) => {
                    for (j, back_j) in dh_next.iter_mut().enumerate() {
                        let hj = tr.h[p * HIDDEN + j];
                        let row = &self.wh[j * G..][..G];
                        let mut back = 0.0;
                        for ((a, dd), w) in grad.wh[j * G..][..G].iter_mut().zip(&dz).zip(row) {
                            *a += hj * dd;
                            back += w * dd;
                        }
                        *back_j = back;
                    }
                }
                None => dh_next = [0.0; HIDDEN],
            }
        }
    }

    fn params_mut(&mut self) -> impl Iterator<Item = &mut f32> {
        self.wx
            .iter_mut()
            .chain(self.wh.iter_mut())
            .chain(self.b.iter_mut())
    }

    fn params(&self) -> impl Iterator<Item = &f32> {
        self.wx.iter().chain(self.wh.iter()).chain(self.b.iter())
    }
}

/// The sparse inputs of a token: its vector or indicator, its characters'
/// vector, and the encyclopedia genre (with `genre`).
#[allow(clippy::too_many_arguments)]
fn word_inputs(
    v: &Vectors,
    slot: Slot,
    grams: &[u32],
    bits: u16,
    emb: &[f32],
    genre: bool,
    x: &mut Vec<f32>,
    out: &mut Vec<(usize, f32)>,
) {
    let dim = v.dim;
    x.resize(dim, 0.0);
    out.clear();
    let (row, flag) = parts(Some(slot));
    if let Some(r) = row {
        v.vector_into(r, x);
        out.extend(x.iter().copied().enumerate());
    }
    if let Some(k) = flag {
        out.push((dim + k, 1.0));
    }
    if genre {
        out.push((dim + FLAGS, 1.0));
    }
    // The n-grams' rows lie all over the table: all are asked for before
    // they are summed, so that their cache misses overlap.
    for &g in grams {
        prefetch(&emb[g as usize * CHARS..][..CHARS]);
    }
    let mut c = [0.0f32; CHARS];
    for &g in grams {
        for (a, w) in c.iter_mut().zip(&emb[g as usize * CHARS..][..CHARS]) {
            *a += w;
        }
    }
    let k = 1.0 / grams.len().max(1) as f32;
    out.extend(
        c.iter()
            .enumerate()
            .map(|(e, &a)| (dim + FLAGS + 1 + e, a * k)),
    );
    let base = dim + FLAGS + 1 + CHARS;
    out.extend(
        (0..EVIDENCE)
            .filter(|b| bits & 1 << b != 0)
            .map(|b| (base + b, 1.0)),
    );
}

/// The sparse inputs of each token of a run.
fn inputs(
    v: &Vectors,
    slots: &[Slot],
    grams: &[&[u32]],
    bits: &[u16],
    emb: &[f32],
    genre: Genre,
) -> Vec<Vec<(usize, f32)>> {
    let mut x = Vec::new();
    slots
        .iter()
        .zip(grams)
        .zip(bits)
        .map(|((&s, gs), &bits)| {
            let mut out = Vec::with_capacity(v.dim + CHARS + 2);
            let enc = genre == Genre::Encyclopedia;
            word_inputs(v, s, gs, bits, emb, enc, &mut x, &mut out);
            out
        })
        .collect()
}

/// The length of a word's projection ([`Lstm::projection_into`]): what it
/// gives the gates of each direction.
pub const PROJECTION: usize = 2 * G;

/// Gates summed at a time in the recurrence: four AVX registers.
const BLOCK: usize = 32;
/// Gates summed at a time in the projection: eight registers.
const WIDE: usize = 64;
const _: () = assert!(G.is_multiple_of(BLOCK) && G.is_multiple_of(WIDE) && N <= LANES);

/// `a * b + c`, in one rounding where the processor fuses them (FMA).
#[inline(always)]
fn madd<const FUSED: bool>(a: f32, b: f32, c: f32) -> f32 {
    if FUSED { a.mul_add(b, c) } else { a * b + c }
}

/// Whether the processor has AVX2 and FMA, for the fused kernels: their
/// sums round once per product, so their scores differ from the unfused
/// ones (and the training pass's) in the last bits of an f32.
#[cfg(target_arch = "x86_64")]
fn fused() -> bool {
    std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
}

/// Whether the processor has AVX-512F (with AVX2 and FMA): the fused
/// kernels then sum all the gates at once in eight 512-bit registers, in
/// the same order, so to the bit as the AVX2 ones.
#[cfg(target_arch = "x86_64")]
fn wide() -> bool {
    fused() && std::arch::is_x86_feature_detected!("avx512f")
}

/// How many tokens ahead [`Cell::recur`] asks for a projection's lines.
const AHEAD: usize = 3;

/// Tokens whose logits are summed side by side.
const TOGETHER: usize = 4;

/// `z += row`.
#[inline(always)]
fn add_row(z: &mut [f32; G], row: &[f32]) {
    let row: &[f32; G] = row[..G].try_into().expect("rows are G long");
    for (z, w) in z.iter_mut().zip(row) {
        *z += w;
    }
}

impl Cell {
    /// The hidden states of a run whose tokens' gate inputs are
    /// `projections[i][at..at + G]`, read forwards or backwards, written to
    /// `hs` (fast activations: see [`tanh`]).
    #[inline(always)]
    fn recur<const FUSED: bool, const B: usize>(
        &self,
        projections: &[&[f32]],
        at: usize,
        genre: Option<&[f32]>,
        reverse: bool,
        hs: &mut [f32],
    ) {
        let t = projections.len();
        let wh: &[f32; HIDDEN * G] = self.wh[..].try_into().expect("wh is HIDDEN rows of G");
        let mut h = [0.0f32; HIDDEN];
        let mut c = [0.0f32; HIDDEN];
        let mut start = [0.0f32; G];
        start.copy_from_slice(&self.b);
        if let Some(g) = genre {
            add_row(&mut start, g);
        }
        for step in 0..t {
            let i = if reverse { t - 1 - step } else { step };
            // Each token's projection lies where its word's was made: its
            // lines are asked for a few tokens ahead, so that they come
            // from memory while the steps before are summed.
            let ahead = if reverse {
                i.checked_sub(AHEAD)
            } else {
                Some(i + AHEAD)
            };
            if let Some(p) = ahead.and_then(|a| projections.get(a)) {
                prefetch(&p[at..][..G]);
            }
            let mut z = start;
            add_row(&mut z, &projections[i][at..]);
            if step > 0 {
                // z += h · wh, a block of gates at a time so that the
                // block's sums stay in registers; each gate adds the units
                // in order, as the training pass does (unfused, the same
                // sums to the bit).
                for k in 0..G / B {
                    let mut acc = [0.0f32; B];
                    acc.copy_from_slice(&z[k * B..][..B]);
                    for (j, &hj) in h.iter().enumerate() {
                        for (l, a) in acc.iter_mut().enumerate() {
                            *a = madd::<FUSED>(hj, wh[j * G + k * B + l], *a);
                        }
                    }
                    z[k * B..][..B].copy_from_slice(&acc);
                }
            }
            // σ(x) = (1 + tanh(x / 2)) / 2 for the gates i, f (the first
            // two rows of HIDDEN) and o (the last).
            for a in &mut z[..2 * HIDDEN] {
                *a *= 0.5;
            }
            for a in &mut z[3 * HIDDEN..] {
                *a *= 0.5;
            }
            tanh::<G, FUSED>(&mut z);
            for a in &mut z[..2 * HIDDEN] {
                *a = 0.5 * *a + 0.5;
            }
            for a in &mut z[3 * HIDDEN..] {
                *a = 0.5 * *a + 0.5;
            }
            let mut tc = [0.0f32; HIDDEN];
            for j in 0..HIDDEN {
                c[j] = z[HIDDEN + j] * c[j] + z[j] * z[2 * HIDDEN + j];
                tc[j] = c[j];
            }
            tanh::<HIDDEN, FUSED>(&mut tc);
            for j in 0..HIDDEN {
                h[j] = z[3 * HIDDEN + j] * tc[j];
            }
            hs[i * HIDDEN..][..HIDDEN].copy_from_slice(&h);
        }
    }
}

impl Lstm {
    fn zeros_like(&self) -> Lstm {
        Lstm {
            dim: self.dim,
            fwd: self.fwd.zeros_like(),
            bwd: self.bwd.zeros_like(),
            wo: vec![0.0; self.wo.len()],
            bo: [0.0; N],
            emb: vec![0.0; self.emb.len()],
            trans: vec![0.0; self.trans.len()],
        }
    }

    /// `tagger` with the LSTM's transitions times [`WEIGHT`] added to its
    /// own: what decoding with the LSTM's scores ([`Lstm::add_scores`])
    /// needs.
    pub fn decoder(&self, tagger: Tagger) -> Tagger {
        tagger.with_transitions(&self.trans, WEIGHT)
    }

    fn logits(&self, hf: &[f32], hb: &[f32]) -> [f32; N] {
        let mut o = self.bo;
        for (&a, row) in hf.iter().chain(hb).zip(self.wo.chunks_exact(N)) {
            for (o, w) in o.iter_mut().zip(row) {
                *o += a * w;
            }
        }
        o
    }

    /// What a word whose slot and character n-grams are given gives the
    /// gates of each direction (before the bias and the genre), written to
    /// `out` ([`PROJECTION`] long); its inputs are gathered in `x` and
    /// `sparse`.
    pub fn projection_into(
        &self,
        v: &Vectors,
        slot: Slot,
        grams: &[u32],
        bits: u16,
        (x, sparse): &mut (Vec<f32>, Vec<(usize, f32)>),
        out: &mut [f32],
    ) {
        word_inputs(v, slot, grams, bits, &self.emb, false, x, sparse);
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: the processor has AVX-512F.
            return unsafe { self.project_512(sparse, x, out) };
        } else if fused() {
            // SAFETY: the processor has AVX2 and FMA.
            return unsafe { self.project_fma(sparse, x, out) };
        } else if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: the processor has AVX.
            return unsafe { self.project_avx(sparse, x, out) };
        }
        self.project_here::<false, WIDE>(sparse, x, out)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn project_fma(&self, sparse: &[(usize, f32)], dense: &mut Vec<f32>, out: &mut [f32]) {
        self.project_here::<true, WIDE>(sparse, dense, out)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx2,fma")]
    fn project_512(&self, sparse: &[(usize, f32)], dense: &mut Vec<f32>, out: &mut [f32]) {
        self.project_here::<true, G>(sparse, dense, out)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn project_avx(&self, sparse: &[(usize, f32)], dense: &mut Vec<f32>, out: &mut [f32]) {
        self.project_here::<false, WIDE>(sparse, dense, out)
    }

    /// The sums of the input rows of `sparse`, each direction's; `dense`
    /// is scratch.
    #[inline(always)]
    fn project_here<const FUSED: bool, const W: usize>(
        &self,
        sparse: &[(usize, f32)],
        dense: &mut Vec<f32>,
        out: &mut [f32],
    ) {
        // The inputs spread over one row each, so that the rows are read
        // in order without a bounds check each.
        dense.clear();
        dense.resize(self.fwd.wx.len() / G, 0.0);
        for &(d, val) in sparse {
            dense[d] = val;
        }
        // A block of gates at a time, its sums in registers; each gate
        // adds the inputs in order (the order of `sparse`), as the
        // training pass does.
        for (out, wx) in out.chunks_exact_mut(G).zip([&self.fwd.wx, &self.bwd.wx]) {
            for (k, ob) in out.chunks_exact_mut(W).enumerate() {
                let mut acc = [0.0f32; W];
                for (row, &val) in wx.chunks_exact(G).zip(dense.iter()) {
                    if val == 0.0 {
                        continue;
                    }
                    let row: &[f32; G] = row.try_into().expect("rows are G long");
                    for (a, &w) in acc.iter_mut().zip(&row[k * W..][..W]) {
                        *a = madd::<FUSED>(val, w, *a);
                    }
                }
                ob.copy_from_slice(&acc);
            }
        }
    }

    /// Adds each token's logits times [`WEIGHT`] to `out` (a row a token of
    /// the run, already there), given each token's
    /// [`Lstm::projection_into`]; `hs` is scratch.
    pub fn add_scores(
        &self,
        projections: &[&[f32]],
        genre: Genre,
        hs: &mut Vec<f32>,
        out: &mut [[f32; N]],
    ) {
        #[cfg(target_arch = "x86_64")]
        if wide() {
            // SAFETY: the processor has AVX-512F.
            return unsafe { self.add_scores_512(projections, genre, hs, out) };
        } else if fused() {
            // SAFETY: the processor has AVX2 and FMA.
            return unsafe { self.add_scores_fma(projections, genre, hs, out) };
        } else if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: the processor has AVX.
            return unsafe { self.add_scores_avx(projections, genre, hs, out) };
        }
        self.add_scores_here::<false, BLOCK>(projections, genre, hs, out)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,fma")]
    fn add_scores_fma(
        &self,
        projections: &[&[f32]],
        genre: Genre,
        hs: &mut Vec<f32>,
        out: &mut [[f32; N]],
    ) {
        self.add_scores_here::<true, BLOCK>(projections, genre, hs, out)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f,avx2,fma")]
    fn add_scores_512(
        &self,
        projections: &[&[f32]],
        genre: Genre,
        hs: &mut Vec<f32>,
        out: &mut [[f32; N]],
    ) {
        self.add_scores_here::<true, G>(projections, genre, hs, out)
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn add_scores_avx(
        &self,
        projections: &[&[f32]],
        genre: Genre,
        hs: &mut Vec<f32>,
        out: &mut [[f32; N]],
    ) {
        self.add_scores_here::<false, BLOCK>(projections, genre, hs, out)
    }

    #[inline(always)]
    fn add_scores_here<const FUSED: bool, const B: usize>(
        &self,
        projections: &[&[f32]],
        genre: Genre,
        hs: &mut Vec<f32>,
        out: &mut [[f32; N]],
    ) {
        let t = projections.len();
        // Every state is written before it is read: the scratch is only
        // grown, never cleared.
        if hs.len() < 2 * t * HIDDEN {
            hs.resize(2 * t * HIDDEN, 0.0);
        }
        let (hf, hb) = hs[..2 * t * HIDDEN].split_at_mut(t * HIDDEN);
        let row = (self.dim + FLAGS) * G;
        let enc = genre == Genre::Encyclopedia;
        let gf = enc.then(|| &self.fwd.wx[row..][..G]);
        let gb = enc.then(|| &self.bwd.wx[row..][..G]);
        self.fwd.recur::<FUSED, B>(projections, 0, gf, false, hf);
        self.bwd.recur::<FUSED, B>(projections, G, gb, true, hb);
        // The output rows padded to the tagger's lanes: the sums of
        // [`Lstm::logits`], in its order.
        let mut wo = [[0.0f32; LANES]; 2 * HIDDEN];
        for (w, row) in wo.iter_mut().zip(self.wo.chunks_exact(N)) {
            w[..N].copy_from_slice(row);
        }
        let mut bo = [0.0f32; LANES];
        bo[..N].copy_from_slice(&self.bo);
        // Four tokens at a time: each token's sums wait on each other, the
        // four tokens' do not.
        for ((o, f), b) in out
            .chunks_mut(TOGETHER)
            .zip(hf.chunks(TOGETHER * HIDDEN))
            .zip(hb.chunks(TOGETHER * HIDDEN))
        {
            let mut l = [bo; TOGETHER];
            for (h, w) in [(f, &wo[..HIDDEN]), (b, &wo[HIDDEN..])] {
                for (j, w) in w.iter().enumerate() {
                    for (l, h) in l.iter_mut().zip(h.chunks_exact(HIDDEN)) {
                        for (l, &w) in l.iter_mut().zip(w) {
                            *l = madd::<FUSED>(h[j], w, *l);
                        }
                    }
                }
            }
            for (o, l) in o.iter_mut().zip(l) {
                for (o, l) in o.iter_mut().zip(l) {
                    *o += WEIGHT * l;
                }
            }
        }
    }

    /// The loss's gradient on one run, added to `grad`; returns the loss.
    fn learn(
        &self,
        v: &Vectors,
        run: &Example,
        dropout: f32,
        seed: &mut u64,
        grad: &mut Lstm,
    ) -> f32 {
        let (slots, grams, bits, tags, genre) = run;
        let Lstm {
            fwd,
            bwd,
            wo,
            bo,
            emb,
            trans,
            ..
        } = grad;
        let head = |hf: &[f32], hb: &[f32], dhf: &mut [f32], dhb: &mut [f32]| {
            let mut ds: Vec<[f32; N]> = hf
                .chunks_exact(HIDDEN)
                .zip(hb.chunks_exact(HIDDEN))
                .map(|(f, b)| self.logits(f, b))
                .collect();
            let loss = crf_loss(&mut ds, &self.trans, tags, trans);
            for (i, d) in ds.iter().enumerate() {
                let (hf, hb) = (&hf[i * HIDDEN..][..HIDDEN], &hb[i * HIDDEN..][..HIDDEN]);
                for (g, dd) in bo.iter_mut().zip(d) {
                    *g += dd;
                }
                for (k, &a) in hf.iter().chain(hb).enumerate() {
                    let row = &self.wo[k * N..][..N];
                    let mut back = 0.0;
                    for ((g, w), dd) in wo[k * N..][..N].iter_mut().zip(row).zip(d) {
                        *g += a * dd;
                        back += w * dd;
                    }
                    if k < HIDDEN {
                        dhf[i * HIDDEN + k] = back;
                    } else {
                        dhb[i * HIDDEN + k - HIDDEN] = back;
                    }
                }
            }
            loss
        };
        let grams: Vec<&[u32]> = grams.iter().map(|g| &g[..]).collect();
        self.through(
            v,
            (slots, &grams, bits, *genre),
            dropout,
            seed,
            (fwd, bwd, emb),
            head,
        )
    }

    /// Forward and back through one run (its slots, n-grams, evidence and
    /// genre) with dropout: `head` is given the run's hidden states (a row
    /// of HIDDEN a token, each direction's), writes the loss's gradient by
    /// them (its `dhf`, `dhb`) and returns the run's loss. Adds the
    /// gradient of both directions and of the n-gram rows to `grad`;
    /// returns the run's loss.
    fn through(
        &self,
        v: &Vectors,
        (slots, grams, bits, genre): (&[Slot], &[&[u32]], &[u16], Genre),
        dropout: f32,
        seed: &mut u64,
        grad: (&mut Cell, &mut Cell, &mut [f32]),
        mut head: impl FnMut(&[f32], &[f32], &mut [f32], &mut [f32]) -> f32,
    ) -> f32 {
        let mut xs = inputs(v, slots, grams, bits, &self.emb, genre);
        let char_base = self.dim + FLAGS + 1;
        // What dropout left of each character input: 0 or 1 / (1 - p).
        let mut mult = vec![1.0f32; xs.len() * CHARS];
        if dropout > 0.0 {
            let keep = 1.0 / (1.0 - dropout);
            for (i, x) in xs.iter_mut().enumerate() {
                for (d, val) in x.iter_mut() {
                    let m = if (uniform(seed) + 1.0) / 2.0 < dropout {
                        0.0
                    } else {
                        keep
                    };
                    *val *= m;
                    if (char_base..char_base + CHARS).contains(d) {
                        mult[i * CHARS + *d - char_base] = m;
                    }
                }
            }
        }
        let (mut f, mut b) = (Trace::default(), Trace::default());
        self.fwd.run(&xs, false, &mut f);
        self.bwd.run(&xs, true, &mut b);
        let t = xs.len();
        let mut dhf = vec![0.0f32; t * HIDDEN];
        let mut dhb = vec![0.0f32; t * HIDDEN];
        let loss = head(&f.h[..t * HIDDEN], &b.h[..t * HIDDEN], &mut dhf, &mut dhb);
        let (gf, gb, gemb) = grad;
        let mut dx = vec![0.0f32; t * CHARS];
        self.fwd.back(&xs, false, &f, &dhf, gf, char_base, &mut dx);
        self.bwd.back(&xs, true, &b, &dhb, gb, char_base, &mut dx);
        for (i, gs) in grams.iter().enumerate() {
            let k = 1.0 / gs.len().max(1) as f32;
            for &g in gs.iter() {
                let row = &mut gemb[g as usize * CHARS..][..CHARS];
                for e in 0..CHARS {
                    row[e] += dx[i * CHARS + e] * mult[i * CHARS + e] * k;
                }
            }
        }
        loss
    }

    fn params_mut(&mut self) -> impl Iterator<Item = &mut f32> {
        self.fwd
            .params_mut()
            .chain(self.bwd.params_mut())
            .chain(self.wo.iter_mut())
            .chain(self.bo.iter_mut())
            .chain(self.emb.iter_mut())
            .chain(self.trans.iter_mut())
    }

    fn params(&self) -> impl Iterator<Item = &f32> {
        self.fwd
            .params()
            .chain(self.bwd.params())
            .chain(self.wo.iter())
            .chain(self.bo.iter())
            .chain(self.emb.iter())
            .chain(self.trans.iter())
    }

    /// The file part: a magic number, the dimension and hidden size, then
    /// the weights as little-endian f32.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(self.dim as u32).to_le_bytes());
        out.extend_from_slice(&(HIDDEN as u32).to_le_bytes());
        for x in self.params() {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8], v: &Vectors) -> Result<Lstm, String> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err("the model has no LSTM of this version (retrain with marsad train)".into());
        }
        let dim = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
        let hidden = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
        if hidden != HIDDEN || dim != v.dim {
            return Err("the LSTM does not fit the vectors or the code: retrain".into());
        }
        let mut net = Lstm::new(dim, &mut 0);
        let want = net.params().count();
        let value = |c: &[u8]| f32::from_le_bytes(c.try_into().unwrap());
        if bytes.len() == 16 + 4 * want {
            for (p, c) in net.params_mut().zip(bytes[16..].chunks_exact(4)) {
                *p = value(c);
            }
            return Ok(net);
        }
        // A file without transitions (a pretrained start): its directions
        // and n-gram rows, whatever the tags of its unused head; the head
        // and transitions stay as drawn.
        let cells = net.fwd.params().count() + net.bwd.params().count();
        let head = (bytes.len() / 4)
            .checked_sub(4 + cells + net.emb.len())
            .filter(|h| bytes.len().is_multiple_of(4) && h.is_multiple_of(2 * HIDDEN + 1))
            .ok_or("damaged LSTM")?;
        let mut values = bytes[16..].chunks_exact(4).map(value);
        for (p, v) in net
            .fwd
            .params_mut()
            .chain(net.bwd.params_mut())
            .zip(values.by_ref().take(cells))
        {
            *p = v;
        }
        for (p, v) in net.emb.iter_mut().zip(values.skip(head)) {
            *p = v;
        }
        Ok(net)
    }

    fn new(dim: usize, seed: &mut u64) -> Lstm {
        let inputs = dim + FLAGS + 1 + CHARS + EVIDENCE;
        let so = (6.0 / (2 * HIDDEN + N) as f32).sqrt();
        Lstm {
            dim,
            fwd: Cell::new(inputs, seed),
            bwd: Cell::new(inputs, seed),
            wo: (0..2 * HIDDEN * N).map(|_| uniform(seed) * so).collect(),
            bo: [0.0; N],
            emb: (0..BUCKETS * CHARS).map(|_| uniform(seed) * 0.5).collect(),
            trans: vec![0.0; (N + 1) * N],
        }
    }
}

const MAGIC: &[u8; 8] = b"MRSDLST1";

/// A value in [-1, 1) from a linear congruential sequence.
fn uniform(seed: &mut u64) -> f32 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    ((*seed >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
}

/// A run of training tokens: their slots, character n-grams and tags, and
/// its genre.
pub type Example = (Vec<Slot>, Vec<Vec<u32>>, Vec<u16>, Vec<usize>, Genre);

/// Passes over the training runs.
pub const EPOCHS: usize = 12;
/// Adam's step size.
const RATE: f32 = 0.003;
/// The share of inputs dropped when pretraining ([`pretrain`]).
const DROPOUT: f32 = 0.25;
/// The share of inputs dropped when learning the tags: with the CRF loss,
/// 0.35 scored higher than 0.25 on each seed (`assets/ner/README.md`).
const TAG_DROPOUT: f32 = 0.35;
/// Runs a gradient is summed over before a step.
const BATCH: usize = 16;
/// Runs one core takes of a batch (fixed, so that the sums are the same on
/// any number of cores).
const CHUNK: usize = 4;

/// Character n-gram embeddings ([`BUCKETS`] rows of [`CHARS`]) learned
/// from the word vectors, before the LSTM learns from the tagged runs: the
/// mean of a word's n-gram rows, times a matrix learned beside them, should
/// be the word's vector (least squares, `epochs` passes of plain gradient
/// descent over the vectors' words, the step falling from 0.05). The
/// letters of the 90,000 words of the unlabelled text thus teach the rows
/// what the 150,000 tagged tokens alone could not, and a word without a
/// vector starts from what its letters say of it (`assets/ner/README.md`:
/// the cross-validated mean rose from 79.52 to 79.75).
///
/// Returns the share of the vectors' sum of squares that the last pass left
/// unexplained.
fn spelled(v: &Vectors, emb: &mut [f32], epochs: usize, seed: &mut u64) -> f64 {
    let dim = v.dim;
    if dim == 0 {
        return 1.0;
    }
    let mut words: Vec<(Vec<u32>, u32)> = v.words().map(|(w, r)| (grams(w), r)).collect();
    words.sort_by_key(|w| w.1);
    let mut a: Vec<f32> = (0..dim * CHARS).map(|_| uniform(seed) * 0.2).collect();
    let mut target = vec![0.0f32; dim];
    let mut order: Vec<usize> = (0..words.len()).collect();
    let (mut left, mut total) = (0.0f64, 0.0f64);
    for epoch in 0..epochs {
        super::train::shuffle(&mut order, seed);
        let rate = 0.05 * (1.0 - epoch as f32 / epochs as f32);
        (left, total) = (0.0, 0.0);
        for &k in &order {
            let (gs, row) = &words[k];
            if gs.is_empty() {
                continue;
            }
            v.vector_into(*row, &mut target);
            let inv = 1.0 / gs.len() as f32;
            let mut e = [0.0f32; CHARS];
            for &g in gs {
                for (a, w) in e.iter_mut().zip(&emb[g as usize * CHARS..][..CHARS]) {
                    *a += w * inv;
                }
            }
            let mut de = [0.0f32; CHARS];
            for (d, t) in target.iter().enumerate() {
                let row = &mut a[d * CHARS..][..CHARS];
                let p: f32 = row.iter().zip(&e).map(|(w, x)| w * x).sum();
                let err = p - t;
                left += f64::from(err * err);
                total += f64::from(t * t);
                for ((w, x), g) in row.iter_mut().zip(&e).zip(de.iter_mut()) {
                    *g += err * *w;
                    *w -= rate * err * x;
                }
            }
            for &g in gs {
                for (w, d) in emb[g as usize * CHARS..][..CHARS].iter_mut().zip(&de) {
                    *w -= rate * d * inv;
                }
            }
        }
    }
    left / total.max(f64::MIN_POSITIVE)
}

/// log(Σ exp) of `xs`, minus infinity for none.
fn log_sum_exp(xs: impl Iterator<Item = f32> + Clone) -> f32 {
    let m = xs.clone().fold(f32::NEG_INFINITY, f32::max);
    if m == f32::NEG_INFINITY {
        return m;
    }
    xs.map(|x| (x - m).exp()).sum::<f32>().ln() + m
}

/// The CRF loss of a run: minus the log-probability of the gold tags
/// (`tags`, those decoding forbids read as [`super::decode::repair`] reads
/// them) among the tag sequences decoding allows, given each token's logits `e` and the
/// transitions `trans`. The logits become the loss's gradient by them;
/// the transitions' gradient is added to `gtrans`.
fn crf_loss(e: &mut [[f32; N]], trans: &[f32], tags: &[usize], gtrans: &mut [f32]) -> f32 {
    use super::perceptron::{START, allowed, allowed_end};
    let n = e.len();
    if n == 0 {
        return 0.0;
    }
    let mut gold = tags.to_vec();
    super::decode::repair(&mut gold);
    let tr = |p: usize, t: usize| {
        if allowed(p, t) {
            trans[p * N + t]
        } else {
            f32::NEG_INFINITY
        }
    };
    let mut alpha = vec![[f32::NEG_INFINITY; N]; n];
    for t in 0..N {
        alpha[0][t] = tr(START, t) + e[0][t];
    }
    for i in 1..n {
        for t in 0..N {
            alpha[i][t] = log_sum_exp((0..N).map(|p| alpha[i - 1][p] + tr(p, t))) + e[i][t];
        }
    }
    let end = |t: usize| {
        if allowed_end(t) {
            0.0
        } else {
            f32::NEG_INFINITY
        }
    };
    let z = log_sum_exp((0..N).map(|t| alpha[n - 1][t] + end(t)));
    let mut beta = vec![[0.0f32; N]; n];
    for (t, b) in beta[n - 1].iter_mut().enumerate() {
        *b = end(t);
    }
    for i in (0..n - 1).rev() {
        for p in 0..N {
            beta[i][p] = log_sum_exp((0..N).map(|t| tr(p, t) + e[i + 1][t] + beta[i + 1][t]));
        }
    }
    let mut score = 0.0;
    for i in 0..n {
        let prev = if i == 0 { START } else { gold[i - 1] };
        score += trans[prev * N + gold[i]] + e[i][gold[i]];
        gtrans[prev * N + gold[i]] -= 1.0;
    }
    for t in 0..N {
        let m = (alpha[0][t] + beta[0][t] - z).exp();
        if m > 0.0 {
            gtrans[START * N + t] += m;
        }
    }
    for i in 1..n {
        for p in 0..N {
            for t in 0..N {
                let m = (alpha[i - 1][p] + tr(p, t) + e[i][t] + beta[i][t] - z).exp();
                if m > 0.0 {
                    gtrans[p * N + t] += m;
                }
            }
        }
    }
    for i in 0..n {
        for t in 0..N {
            let m = (alpha[i][t] + beta[i][t] - z).exp();
            e[i][t] = if m.is_finite() { m } else { 0.0 };
        }
        e[i][gold[i]] -= 1.0;
    }
    z - score
}

/// The cross-entropy of `target` under the softmax of logits `o`, which
/// become the loss's gradient by them.
fn softmax_loss(o: &mut [f32], target: usize) -> f32 {
    let m = o.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let z = o.iter().map(|a| (a - m).exp()).sum::<f32>().ln() + m;
    let loss = z - o[target];
    for a in o.iter_mut() {
        *a = (*a - z).exp();
    }
    o[target] -= 1.0;
    loss
}

/// Adam (β 0.9 and 0.999, step [`RATE`]) over a network's weights, the
/// gradient's norm clipped at 5.
struct Adam {
    m: Vec<f32>,
    s: Vec<f32>,
    t: i32,
}

impl Adam {
    fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            s: vec![0.0; n],
            t: 0,
        }
    }

    /// One step of `params` down the gradient `grads` gives (in the same
    /// order; asked for twice).
    fn step<'a, G: Iterator<Item = &'a f32>>(
        &mut self,
        params: impl Iterator<Item = &'a mut f32>,
        grads: impl Fn() -> G,
    ) {
        let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
        let norm = grads().map(|x| x * x).sum::<f32>().sqrt();
        let scale = if norm > 5.0 { 5.0 / norm } else { 1.0 };
        self.t += 1;
        let (c1, c2) = (1.0 - b1.powi(self.t), 1.0 - b2.powi(self.t));
        for (((p, gr), m), s) in params
            .zip(grads())
            .zip(self.m.iter_mut())
            .zip(self.s.iter_mut())
        {
            let gr = gr * scale;
            *m = b1 * *m + (1.0 - b1) * gr;
            *s = b2 * *s + (1.0 - b2) * gr * gr;
            *p -= RATE * (*m / c1) / ((*s / c2).sqrt() + eps);
        }
    }
}

/// The n-gram embeddings' start ([`spelled`], `len` long): what the
/// letters say of the word vectors, at about the spread of rows drawn
/// uniform in ±0.5 (0.2887).
fn spelled_start(v: &Vectors, len: usize, seed: &mut u64) -> Vec<f32> {
    let mut emb: Vec<f32> = (0..len).map(|_| uniform(seed) * 0.1).collect();
    spelled(v, &mut emb, 8, seed);
    let n = emb.len() as f32;
    let mean = emb.iter().sum::<f32>() / n;
    let sd = (emb.iter().map(|x| (x - mean) * (x - mean)).sum::<f32>() / n).sqrt();
    let scale = if sd > 0.0 { 0.289 / sd } else { 1.0 };
    emb.iter().map(|x| (x - mean) * scale).collect()
}

/// Trains on `runs`, its weights drawn and its runs shown in an order given
/// by `seed`; the directions and n-gram rows start from `start` (the
/// pretrained network, [`pretrain`]) where there is one, else drawn with
/// the spelled rows.
pub fn train(
    v: &Vectors,
    runs: &[Example],
    epochs: usize,
    mut seed: u64,
    start: Option<&Lstm>,
) -> Lstm {
    let mut net = Lstm::new(v.dim, &mut seed);
    match start {
        Some(s) => {
            net.fwd = s.fwd.clone();
            net.bwd = s.bwd.clone();
            net.emb = s.emb.clone();
        }
        None => net.emb = spelled_start(v, net.emb.len(), &mut seed),
    }
    let mut adam = Adam::new(net.params().count());
    let mut order: Vec<usize> = (0..runs.len()).filter(|&r| !runs[r].0.is_empty()).collect();
    for epoch in 0..epochs {
        super::train::shuffle(&mut order, &mut seed);
        for (bi, batch) in order.chunks(BATCH).enumerate() {
            let base = seed ^ ((epoch as u64) << 32) ^ bi as u64;
            let parts: Vec<Lstm> = batch
                .par_chunks(CHUNK)
                .enumerate()
                .map(|(ci, chunk)| {
                    let mut g = net.zeros_like();
                    let mut rng = base.wrapping_mul(31).wrapping_add(ci as u64 + 1);
                    for &r in chunk {
                        net.learn(v, &runs[r], TAG_DROPOUT, &mut rng, &mut g);
                    }
                    g
                })
                .collect();
            let mut parts = parts.into_iter();
            let mut g = parts.next().expect("a batch has a run");
            for h in parts {
                for (a, b) in g.params_mut().zip(h.params()) {
                    *a += b;
                }
            }
            adam.step(net.params_mut(), || g.params());
        }
    }
    net
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The gradient of [`Lstm::learn`] is the loss's slope, by finite
    /// differences on a few weights of each kind.
    #[test]
    fn the_gradient_is_the_slope_of_the_loss() {
        let words = ["زيد", "عمرو", "قال"].map(str::to_owned);
        let vals = [0.9, 0.1, 0.0, 0.8, 0.2, 0.0, 0.0, 0.1, 0.9];
        let v = Vectors::from_f32(&words, &vals, 3);
        let row = |w: &str| Slot::Word(v.row(w).unwrap());
        let run: Example = (
            vec![row("قال"), row("زيد"), Slot::Unknown, row("عمرو")],
            ["قال", "زيد", "شيء", "عمرو"].map(grams).to_vec(),
            vec![0, 5, 1 << 12, 0],
            vec![0, 1, 2, 3],
            Genre::News,
        );
        let mut net = Lstm::new(3, &mut 5);
        for (k, t) in net.trans.iter_mut().enumerate() {
            *t = ((k * 7) % 11) as f32 * 0.1 - 0.5;
        }
        let mut g = net.zeros_like();
        net.learn(&v, &run, 0.0, &mut 1, &mut g);
        let n = net.params().count();
        let grads: Vec<f32> = g.params().copied().collect();
        // Every transition (the last weights), and a few of the others.
        for k in (0..n).step_by(37).chain(n - net.trans.len()..n) {
            let eps = 1e-2;
            let mut a = net.clone();
            *a.params_mut().nth(k).unwrap() += eps;
            let mut b = net.clone();
            *b.params_mut().nth(k).unwrap() -= eps;
            let mut z = net.zeros_like();
            let la = a.learn(&v, &run, 0.0, &mut 1, &mut z);
            let lb = b.learn(&v, &run, 0.0, &mut 1, &mut z);
            let slope = (la - lb) / (2.0 * eps);
            assert!(
                (slope - grads[k]).abs() < 2e-2 * (1.0 + slope.abs()),
                "weight {k}: slope {slope}, gradient {}",
                grads[k]
            );
        }
        let back = Lstm::from_bytes(&net.to_bytes(), &v).unwrap();
        assert_eq!(back, net);
        // A file without transitions (a pretrained start) leaves them 0.
        let bytes = net.to_bytes();
        let short = Lstm::from_bytes(&bytes[..bytes.len() - 4 * net.trans.len()], &v).unwrap();
        assert!(short.trans.iter().all(|&t| t == 0.0));
        assert_eq!(short.emb, net.emb);
    }

    /// The CRF loss is minus a log-probability: over the tag sequences
    /// decoding allows, the probabilities sum to one; gold tags it forbids
    /// (an I after O) are read as the allowed ones they become (a B).
    #[test]
    fn the_crf_loss_is_a_distribution_over_the_allowed_sequences() {
        use crate::analysis::ner::perceptron::{START, allowed, allowed_end};
        let e: Vec<[f32; N]> = (0..3)
            .map(|i| std::array::from_fn(|t| ((i * 5 + t * 3) % 7) as f32 * 0.3 - 1.0))
            .collect();
        let trans: Vec<f32> = (0..(N + 1) * N)
            .map(|k| ((k * 7) % 11) as f32 * 0.1 - 0.5)
            .collect();
        let loss = |tags: &[usize]| {
            let mut g = vec![0.0; trans.len()];
            crf_loss(&mut e.clone(), &trans, tags, &mut g)
        };
        let mut total = 0.0f64;
        for a in 0..N {
            for b in 0..N {
                for c in 0..N {
                    if allowed(START, a) && allowed(a, b) && allowed(b, c) && allowed_end(c) {
                        total += f64::from(-loss(&[a, b, c])).exp();
                    }
                }
            }
        }
        assert!((total - 1.0).abs() < 1e-4, "{total}");
        // O, I-PER, L-PER reads as O, B-PER, L-PER.
        assert_eq!(loss(&[0, 2, 3]), loss(&[0, 1, 3]));
    }

    /// Words that share their letters share their vectors in the toy
    /// table: the embeddings learned from the letters explain most of the
    /// vectors, and a word the table lacks gets the vector of the words it
    /// is spelled like, not of the others.
    #[test]
    fn embeddings_learned_from_spelling_give_an_unseen_word_its_kind() {
        let mut words = Vec::new();
        let mut vals = Vec::new();
        for (stem, vector) in [("كتاب", [1.0, 0.0]), ("نهر", [0.0, 1.0])] {
            for pre in ["", "ال", "و", "ب", "وال", "لل"] {
                for suf in ["", "ه", "ها", "هم", "ين", "ات"] {
                    words.push(format!("{pre}{stem}{suf}"));
                    vals.extend(vector);
                }
            }
        }
        let v = Vectors::from_f32(&words, &vals, 2);
        let mut seed = 7;
        let mut emb: Vec<f32> = (0..BUCKETS * CHARS)
            .map(|_| uniform(&mut seed) * 0.1)
            .collect();
        let left = spelled(&v, &mut emb, 100, &mut seed);
        assert!(left < 0.2, "{left} of the vectors left unexplained");
        // «فالكتابان» and «فالنهران» are not in the table: their letters'
        // mean rows lie nearer the rows of their kin than of the others.
        let mean = |w: &str| {
            let gs = grams(w);
            let mut e = [0.0f32; CHARS];
            for &g in &gs {
                for (a, x) in e.iter_mut().zip(&emb[g as usize * CHARS..][..CHARS]) {
                    *a += x / gs.len() as f32;
                }
            }
            e
        };
        let cos = |a: [f32; CHARS], b: [f32; CHARS]| {
            let dot: f32 = a.iter().zip(&b).map(|(x, y)| x * y).sum();
            let n = |x: &[f32; CHARS]| x.iter().map(|x| x * x).sum::<f32>().sqrt();
            dot / (n(&a) * n(&b))
        };
        let (book, river) = (mean("فالكتابان"), mean("فالنهران"));
        assert!(cos(book, mean("كتاب")) > cos(book, mean("نهر")));
        assert!(cos(river, mean("نهر")) > cos(river, mean("كتاب")));
    }

    /// Training drops inputs of every kind (vector, indicator, letters,
    /// evidence) and learns the toy runs' tags; the same seed gives the
    /// same network.
    #[test]
    fn training_with_dropout_learns_the_toy_runs() {
        let words = ["زيد", "عمرو", "قال"].map(str::to_owned);
        let vals = [0.9, 0.1, 0.0, 0.8, 0.2, 0.0, 0.0, 0.1, 0.9];
        let v = Vectors::from_f32(&words, &vals, 3);
        let row = |w: &str| Slot::Word(v.row(w).unwrap());
        let run = |a: &str, b: &str, tags: Vec<usize>, bits: Vec<u16>| -> Example {
            (
                vec![row(a), row(b), Slot::Other],
                [a, b, "."].map(grams).to_vec(),
                bits,
                tags,
                Genre::News,
            )
        };
        let runs: Vec<Example> = (0..8)
            .flat_map(|_| {
                [
                    // U-PER: a one-word name.
                    run("قال", "زيد", vec![0, 4, 0], vec![1 << 4, 1 << 12, 0]),
                    run("زيد", "قال", vec![4, 0, 0], vec![1 << 12, 1 << 4, 0]),
                ]
            })
            .collect();
        // A batch a pass: 300 steps of Adam.
        let net = train(&v, &runs, 300, 3, None);
        assert_eq!(
            net,
            train(&v, &runs, 300, 3, None),
            "same data, same network"
        );
        let (slots, gs, bits, tags, genre) = &runs[0];
        let views: Vec<&[u32]> = gs.iter().map(|g| &g[..]).collect();
        let xs = inputs(&v, slots, &views, bits, &net.emb, *genre);
        let (mut f, mut b) = (Trace::default(), Trace::default());
        net.fwd.run(&xs, false, &mut f);
        net.bwd.run(&xs, true, &mut b);
        for (i, &tag) in tags.iter().enumerate() {
            let l = net.logits(&f.h[i * HIDDEN..][..HIDDEN], &b.h[i * HIDDEN..][..HIDDEN]);
            let best = (0..N).max_by(|&a, &b| l[a].total_cmp(&l[b])).unwrap();
            assert_eq!(best, tag, "token {i}: {l:?}");
        }
    }

    #[test]
    fn grams_are_each_window_of_two_to_four_letters() {
        // The windows of the letters with the ends marked, hashed as
        // `grams` does, for words of 0 to 40 letters (80 bytes: past the
        // buffer); `grams_into` reuses its vector.
        let hash = |w: &[char]| {
            let mut h: u32 = 0x811c_9dc5 ^ w.len() as u32;
            for &c in w {
                h = (h ^ c as u32).wrapping_mul(0x0100_0193);
            }
            h % BUCKETS as u32
        };
        let mut out = vec![7; 3];
        let long = "ب".repeat(40);
        for word in ["", "و", "في", "بغداد", "والعراق", "ab", &long] {
            let cs: Vec<char> = format!("<{word}>").chars().collect();
            let want: Vec<u32> = (2..=4)
                .flat_map(|n| cs.windows(n).map(hash).collect::<Vec<_>>())
                .collect();
            grams_into(word, &mut out);
            assert_eq!(out, want, "{word:?}");
            assert_eq!(grams(word), want, "{word:?}");
        }
    }

    #[test]
    fn the_fast_tanh_is_tanh() {
        for k in -2000..=2000 {
            let x = k as f32 / 100.0;
            let (mut h, mut fused) = ([x; 8], [x; 8]);
            tanh::<8, false>(&mut h);
            tanh::<8, true>(&mut fused);
            assert!((h[0] - x.tanh()).abs() < 1e-6, "{x}: {} {}", h[0], x.tanh());
            assert!(
                (fused[0] - x.tanh()).abs() < 1e-6,
                "{x}: {} {}",
                fused[0],
                x.tanh()
            );
        }
    }

    /// The scores from the per-word projections are the training's logits.
    #[test]
    fn projections_give_the_training_logits() {
        let words = ["زيد", "عمرو", "قال"].map(str::to_owned);
        let vals = [0.9, 0.1, 0.0, 0.8, 0.2, 0.0, 0.0, 0.1, 0.9];
        let v = Vectors::from_f32(&words, &vals, 3);
        let row = |w: &str| Slot::Word(v.row(w).unwrap());
        let slots = vec![
            row("قال"),
            row("زيد"),
            Slot::Unknown,
            Slot::Other,
            row("عمرو"),
        ];
        let grams: Vec<Vec<u32>> = ["قال", "زيد", "شيء", "،", "عمرو"].map(grams).to_vec();
        let views: Vec<&[u32]> = grams.iter().map(|g| &g[..]).collect();
        let net = Lstm::new(3, &mut 9);
        for genre in Genre::ALL {
            let bits = [0, 3, 0, 1 << 8, 0];
            let xs = inputs(&v, &slots, &views, &bits, &net.emb, genre);
            let (mut f, mut b) = (Trace::default(), Trace::default());
            net.fwd.run(&xs, false, &mut f);
            net.bwd.run(&xs, true, &mut b);
            let mut scratch = (Vec::new(), Vec::new());
            let projections: Vec<Vec<f32>> = slots
                .iter()
                .zip(&views)
                .zip(bits)
                .map(|((&s, g), bits)| {
                    let mut p = vec![0.0; PROJECTION];
                    net.projection_into(&v, s, g, bits, &mut scratch, &mut p);
                    p
                })
                .collect();
            let projections: Vec<&[f32]> = projections.iter().map(|p| &p[..]).collect();
            let mut out = vec![[0.0; N]; slots.len()];
            net.add_scores(&projections, genre, &mut Vec::new(), &mut out);
            // The AVX-512 kernels sum in the AVX2 ones' order: the same
            // scores to the bit.
            #[cfg(target_arch = "x86_64")]
            if wide() {
                let mut p2 = vec![0.0; PROJECTION];
                net.projection_into(&v, slots[1], views[1], 3, &mut scratch, &mut p2);
                let mut p1 = vec![0.0; PROJECTION];
                // SAFETY: the processor has AVX-512F, so AVX2 and FMA.
                unsafe { net.project_fma(&scratch.1, &mut scratch.0, &mut p1) };
                assert_eq!(p1, p2);
                let mut narrow = vec![[0.0; N]; slots.len()];
                // SAFETY: as above.
                unsafe { net.add_scores_fma(&projections, genre, &mut Vec::new(), &mut narrow) };
                assert_eq!(narrow, out);
            }
            for (i, got) in out.iter().enumerate() {
                let want = net.logits(&f.h[i * HIDDEN..][..HIDDEN], &b.h[i * HIDDEN..][..HIDDEN]);
                for (g, w) in got.iter().zip(want) {
                    assert!(
                        (g - WEIGHT * w).abs() < 1e-3,
                        "{genre:?} {i}: {got:?} {want:?}"
                    );
                }
            }
        }
    }
}
