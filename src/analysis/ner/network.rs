//! A window network over the word vectors ([`super::vectors`]): each token's
//! tag from the vectors of the five words around it (Collobert et al. 2011,
//! "window approach"), one hidden layer of [`HIDDEN`] tanh units, a softmax
//! over the tags. Its log-probabilities (up to a constant per token), times
//! [`WEIGHT`], are added to the perceptron's emission scores before Viterbi:
//! the perceptron knows the words, affixes and lists it was trained on, the
//! network how a word it never saw is used in the unlabelled text.
//!
//! The first layer is linear in each position's input, so what a word gives
//! the hidden layer at each of the five positions is worked out once per
//! distinct word of a document ([`Network::projection`]); a token then costs
//! five sums of [`HIDDEN`] numbers and the output layer.
//!
//! The vectors are frozen: the network learns only its two layers, by
//! stochastic gradient descent on the cross-entropy of each token's tag,
//! in a fixed order (deterministic).

use super::features::Genre;
use super::perceptron::N;
use super::vectors::Vectors;

/// Words on each side of the token.
pub const WINDOW: usize = 2;
/// Positions in the window.
pub const POS: usize = 2 * WINDOW + 1;
/// Hidden units: 64 and 32 gave the same cross-validated mean (see
/// `assets/ner/README.md`), at two and four times the cost.
pub const HIDDEN: usize = 16;
/// How much the network's log-probabilities weigh against the perceptron's
/// scores (in a trial with a network trained apart, 4 and 8 gave about the
/// same cross-validated mean, 2 less).
pub const WEIGHT: f32 = 8.0;
/// Indicators after each position's vector: the vector is its stem's, the
/// word has no vector, a number with no vector, not a word, outside the run.
const FLAGS: usize = 5;

/// What a token shows the network.
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

/// The network's inputs for vectors `dim` wide: each position's vector and
/// indicators, then the encyclopedia genre.
fn inputs_for(dim: usize) -> usize {
    POS * (dim + FLAGS) + 1
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

#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    dim: usize,
    /// Input rows of [`HIDDEN`]: each position's `dim + FLAGS` inputs, then
    /// the encyclopedia genre.
    w1: Vec<f32>,
    b1: Vec<f32>,
    /// [`HIDDEN`] rows of [`N`].
    w2: Vec<f32>,
    b2: [f32; N],
    /// What a position outside the run gives the hidden layer.
    pad: Box<[f32]>,
}

impl Network {
    fn width(&self) -> usize {
        self.dim + FLAGS
    }

    fn inputs(&self) -> usize {
        inputs_for(self.dim)
    }

    #[inline(always)]
    fn row(&self, r: usize) -> &[f32; HIDDEN] {
        self.w1[r * HIDDEN..][..HIDDEN]
            .try_into()
            .expect("rows are HIDDEN long")
    }

    /// The inputs of a slot at position `p`: (row of `w1`, value).
    fn slot_inputs(&self, v: &Vectors, slot: Option<Slot>, p: usize, out: &mut Vec<(usize, f32)>) {
        let base = p * self.width();
        let (row, flag) = parts(slot);
        if let Some(r) = row {
            let mut x = vec![0.0; self.dim];
            v.vector_into(r, &mut x);
            out.extend(x.iter().enumerate().map(|(d, &x)| (base + d, x)));
        }
        if let Some(k) = flag {
            out.push((base + self.dim + k, 1.0));
        }
    }

    /// What `slot` gives the hidden layer at each position: [`POS`] rows of
    /// [`HIDDEN`].
    pub fn projection(&self, v: &Vectors, slot: Slot) -> Box<[f32]> {
        self.project(v, Some(slot))
    }

    /// The sums of [`Network::slot_inputs`] at each position, the vector
    /// read once.
    fn project(&self, v: &Vectors, slot: Option<Slot>) -> Box<[f32]> {
        let mut out = vec![0.0; POS * HIDDEN].into_boxed_slice();
        self.project_into(v, slot, &mut Vec::new(), &mut out);
        out
    }

    /// [`Network::projection`] written into `out` ([`POS`] times [`HIDDEN`]
    /// long), the vector read into `x`.
    pub fn projection_into(&self, v: &Vectors, slot: Slot, x: &mut Vec<f32>, out: &mut [f32]) {
        self.project_into(v, Some(slot), x, out)
    }

    fn project_into(&self, v: &Vectors, slot: Option<Slot>, x: &mut Vec<f32>, out: &mut [f32]) {
        let (row, flag) = parts(slot);
        x.clear();
        x.resize(self.dim, 0.0);
        if let Some(r) = row {
            v.vector_into(r, x);
        }
        out.fill(0.0);
        for (p, h) in out.chunks_exact_mut(HIDDEN).enumerate() {
            let h: &mut [f32; HIDDEN] = h.try_into().expect("chunks are HIDDEN long");
            let base = p * self.width();
            if row.is_some() {
                add_rows(h, x, &self.w1[base * HIDDEN..][..self.dim * HIDDEN]);
            }
            if let Some(k) = flag {
                for (a, w) in h.iter_mut().zip(self.row(base + self.dim + k)) {
                    *a += w;
                }
            }
        }
    }

    /// Each token's tag scores times [`WEIGHT`], given each token's
    /// [`Network::projection`], appended to `out`. The scores are the
    /// logits: the log-probabilities less their normaliser, which is the
    /// same for every tag of a token and so changes no path Viterbi finds.
    pub fn scores(&self, projections: &[&[f32]], genre: Genre, out: &mut Vec<[f32; N]>) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx") {
            // SAFETY: the processor has AVX.
            return unsafe { self.scores_avx(projections, genre, out) };
        }
        self.scores_here(projections, genre, out)
    }

    /// [`Network::scores`] compiled for AVX: the same operations in the
    /// same order (no fused multiply-add), so the same numbers, eight at a
    /// time.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx")]
    fn scores_avx(&self, projections: &[&[f32]], genre: Genre, out: &mut Vec<[f32; N]>) {
        self.scores_here(projections, genre, out)
    }

    #[inline(always)]
    fn scores_here(&self, projections: &[&[f32]], genre: Genre, out: &mut Vec<[f32; N]>) {
        let mut h = [0.0f32; HIDDEN];
        for i in 0..projections.len() {
            h.copy_from_slice(&self.b1);
            if genre == Genre::Encyclopedia {
                for (a, w) in h.iter_mut().zip(self.row(self.inputs() - 1)) {
                    *a += w;
                }
            }
            for p in 0..POS {
                let j = (i + p)
                    .checked_sub(WINDOW)
                    .filter(|&j| j < projections.len());
                let row = match j {
                    Some(j) => &projections[j][p * HIDDEN..][..HIDDEN],
                    None => &self.pad[p * HIDDEN..][..HIDDEN],
                };
                for (a, w) in h.iter_mut().zip(row) {
                    *a += w;
                }
            }
            tanh(&mut h);
            out.push(self.logits(&h).map(|x| WEIGHT * x));
        }
    }

    #[inline(always)]
    fn logits(&self, h: &[f32]) -> [f32; N] {
        let mut o = self.b2;
        for (&a, row) in h.iter().zip(self.w2.chunks_exact(N)) {
            for (o, w) in o.iter_mut().zip(row) {
                *o += a * w;
            }
        }
        o
    }

    /// The sparse inputs of token `i` of a run of `slots`.
    fn token_inputs(
        &self,
        v: &Vectors,
        slots: &[Slot],
        i: usize,
        genre: Genre,
        out: &mut Vec<(usize, f32)>,
    ) {
        out.clear();
        for p in 0..POS {
            let j = (i + p).checked_sub(WINDOW).filter(|&j| j < slots.len());
            self.slot_inputs(v, j.map(|j| slots[j]), p, out);
        }
        if genre == Genre::Encyclopedia {
            out.push((self.inputs() - 1, 1.0));
        }
    }

    /// The file part: a magic number, the dimension, then the weights as
    /// little-endian f32.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(self.dim as u32).to_le_bytes());
        out.extend_from_slice(&(HIDDEN as u32).to_le_bytes());
        for x in self
            .w1
            .iter()
            .chain(&self.b1)
            .chain(&self.w2)
            .chain(&self.b2)
        {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out
    }

    /// Reads [`Network::to_bytes`] for the vectors `v`.
    pub fn from_bytes(bytes: &[u8], v: &Vectors) -> Result<Network, String> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err("not a Marsad window network".into());
        }
        let dim = u32::from_le_bytes(bytes[8..12].try_into().unwrap()) as usize;
        let hidden = u32::from_le_bytes(bytes[12..16].try_into().unwrap()) as usize;
        if hidden != HIDDEN || dim != v.dim {
            return Err(format!(
                "the window network is {dim}×{hidden}, the vectors {} wide and the code {HIDDEN} hidden units: retrain",
                v.dim
            ));
        }
        let mut values = bytes[16..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes(c.try_into().unwrap()));
        let inputs = inputs_for(dim);
        let want = inputs * HIDDEN + HIDDEN + HIDDEN * N + N;
        if bytes.len() != 16 + 4 * want {
            return Err("damaged window network".into());
        }
        let mut take = |n: usize| values.by_ref().take(n).collect::<Vec<f32>>();
        let w1 = take(inputs * HIDDEN);
        let b1 = take(HIDDEN);
        let w2 = take(HIDDEN * N);
        let b2 = take(N).try_into().expect("N values left");
        let mut net = Network {
            dim,
            w1,
            b1,
            w2,
            b2,
            pad: Box::default(),
        };
        net.pad = net.project(v, None);
        Ok(net)
    }
}

const MAGIC: &[u8; 8] = b"MRSDWIN1";

/// `h += x[d] * rows[d]` for each d in order: what a word's vector gives the
/// hidden layer at one position.
fn add_rows(h: &mut [f32; HIDDEN], x: &[f32], rows: &[f32]) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx") {
        // SAFETY: the processor has AVX.
        return unsafe { add_rows_avx(h, x, rows) };
    }
    add_rows_here(h, x, rows)
}

/// [`add_rows`] compiled for AVX (the same numbers, see
/// [`Network::scores_avx`]).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx")]
fn add_rows_avx(h: &mut [f32; HIDDEN], x: &[f32], rows: &[f32]) {
    add_rows_here(h, x, rows)
}

/// Half the units at a time, so that their sums stay in registers.
#[inline(always)]
fn add_rows_here(h: &mut [f32; HIDDEN], x: &[f32], rows: &[f32]) {
    const HALF: usize = HIDDEN / 2;
    for (half, h) in h.chunks_exact_mut(HALF).enumerate() {
        let mut acc = [0.0f32; HALF];
        acc.copy_from_slice(h);
        for (&val, row) in x.iter().zip(rows.chunks_exact(HIDDEN)) {
            let w: &[f32; HALF] = row[half * HALF..][..HALF].try_into().expect("HALF long");
            for (a, w) in acc.iter_mut().zip(w) {
                *a += val * w;
            }
        }
        h.copy_from_slice(&acc);
    }
}

/// tanh of each unit, as a rational function accurate to a few units in the
/// last place of an f32 (Eigen's `ptanh_float`), which vectorises where
/// the library's tanh is a call per number.
#[inline(always)]
fn tanh(h: &mut [f32; HIDDEN]) {
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
        for c in A[..6].iter().rev() {
            p = p * x2 + c;
        }
        let q = ((B[3] * x2 + B[2]) * x2 + B[1]) * x2 + B[0];
        *a = x * p / q;
    }
}

#[inline(always)]
fn log_softmax(o: [f32; N]) -> [f32; N] {
    let m = o.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let z = o.iter().map(|a| (a - m).exp()).sum::<f32>().ln() + m;
    o.map(|a| a - z)
}

/// A value in [-1, 1) from a linear congruential sequence.
fn uniform(seed: &mut u64) -> f32 {
    *seed = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    ((*seed >> 40) as f32 / (1u64 << 24) as f32) * 2.0 - 1.0
}

/// Passes over the training tokens.
pub const EPOCHS: usize = 10;
const LEARNING_RATE: f32 = 0.02;

/// A run of training tokens: their slots and tags, and its genre.
pub type Example = (Vec<Slot>, Vec<usize>, Genre);

/// Trains the network on `runs`, its weights drawn and its tokens shown in
/// an order given by `seed`.
pub fn train(v: &Vectors, runs: &[Example], epochs: usize, mut seed: u64) -> Network {
    let dim = v.dim;
    let inputs = inputs_for(dim);
    let s1 = 1.7 / (inputs as f32).sqrt();
    let s2 = 1.0 / (HIDDEN as f32).sqrt();
    let mut net = Network {
        dim,
        w1: (0..inputs * HIDDEN)
            .map(|_| uniform(&mut seed) * s1)
            .collect(),
        b1: vec![0.0; HIDDEN],
        w2: (0..HIDDEN * N).map(|_| uniform(&mut seed) * s2).collect(),
        b2: [0.0; N],
        pad: Box::default(),
    };
    let mut order: Vec<(u32, u32)> = runs
        .iter()
        .enumerate()
        .flat_map(|(r, (s, _, _))| (0..s.len() as u32).map(move |i| (r as u32, i)))
        .collect();
    let total = (epochs * order.len()).max(1) as f32;
    let mut step = 0.0f32;
    let (mut x, mut h, mut dh) = (Vec::new(), [0.0f32; HIDDEN], [0.0f32; HIDDEN]);
    for _ in 0..epochs {
        super::train::shuffle(&mut order, &mut seed);
        for &(r, i) in &order {
            let (slots, tags, genre) = &runs[r as usize];
            let rate = LEARNING_RATE * (1.0 - step / total).max(0.05);
            step += 1.0;
            net.token_inputs(v, slots, i as usize, *genre, &mut x);
            h.copy_from_slice(&net.b1);
            for &(r, val) in &x {
                for (a, w) in h.iter_mut().zip(net.row(r)) {
                    *a += val * w;
                }
            }
            tanh(&mut h);
            // The gradient of the cross-entropy by the logits: the
            // probabilities less the gold tag.
            let mut d = log_softmax(net.logits(&h)).map(f32::exp);
            d[tags[i as usize]] -= 1.0;
            for (k, row) in net.w2.chunks_exact_mut(N).enumerate() {
                let mut back = 0.0;
                for (w, dd) in row.iter_mut().zip(&d) {
                    back += *w * dd;
                    *w -= rate * dd * h[k];
                }
                dh[k] = back * (1.0 - h[k] * h[k]);
            }
            for (b, dd) in net.b2.iter_mut().zip(&d) {
                *b -= rate * dd;
            }
            for (b, dd) in net.b1.iter_mut().zip(&dh) {
                *b -= rate * dd;
            }
            for &(r, val) in &x {
                for (w, dd) in net.w1[r * HIDDEN..][..HIDDEN].iter_mut().zip(&dh) {
                    *w -= rate * val * dd;
                }
            }
        }
    }
    net.pad = net.project(v, None);
    net
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vectors, Vec<Example>) {
        // Two words that look alike in the vectors, one that does not.
        let words = ["زيد", "عمرو", "قال", "0"].map(str::to_owned);
        #[rustfmt::skip]
        let v = [
            0.9, 0.1, 0.0,
            0.8, 0.2, 0.0,
            0.0, 0.1, 0.9,
            0.0, 1.0, 0.0,
        ];
        let v = Vectors::from_f32(&words, &v, 3);
        let row = |w: &str| Slot::Word(v.row(w).unwrap());
        let runs = vec![
            (vec![row("قال"), row("زيد")], vec![0, 1], Genre::News),
            (vec![row("زيد"), row("قال")], vec![1, 0], Genre::News),
        ];
        (v, runs)
    }

    /// A word the labelled runs never showed is tagged as the word whose
    /// vector it shares.
    #[test]
    fn an_unseen_word_is_tagged_like_its_neighbour_in_the_vectors() {
        let (v, runs) = toy();
        let net = train(&v, &runs, 200, 7);
        assert_eq!(net, train(&v, &runs, 200, 7), "same data, same network");
        let slots = [v.row("قال").unwrap(), v.row("عمرو").unwrap()].map(Slot::Word);
        let projections: Vec<Box<[f32]>> = slots.iter().map(|&s| net.projection(&v, s)).collect();
        let views: Vec<&[f32]> = projections.iter().map(|p| &p[..]).collect();
        let mut out = Vec::new();
        net.scores(&views, Genre::News, &mut out);
        let best = |s: &[f32; N]| (0..N).max_by(|&a, &b| s[a].total_cmp(&s[b])).unwrap();
        assert_eq!(best(&out[0]), 0);
        assert_eq!(best(&out[1]), 1, "{out:?}");
    }

    #[test]
    fn the_fast_tanh_is_tanh() {
        for k in -2000..=2000 {
            let x = k as f32 / 100.0;
            let mut h = [x; HIDDEN];
            tanh(&mut h);
            assert!((h[0] - x.tanh()).abs() < 1e-6, "{x}: {} {}", h[0], x.tanh());
        }
    }

    /// Scores from the per-word projections are what the training sums give.
    #[test]
    fn projections_give_the_training_sums() {
        let (v, runs) = toy();
        let net = train(&v, &runs, 5, 1);
        let slots = vec![
            Slot::Word(v.row("زيد").unwrap()),
            Slot::Other,
            Slot::Unknown,
        ];
        let projections: Vec<Box<[f32]>> = slots.iter().map(|&s| net.projection(&v, s)).collect();
        let views: Vec<&[f32]> = projections.iter().map(|p| &p[..]).collect();
        let mut out = Vec::new();
        net.scores(&views, Genre::Encyclopedia, &mut out);
        let mut x = Vec::new();
        for (i, got) in out.iter().enumerate() {
            net.token_inputs(&v, &slots, i, Genre::Encyclopedia, &mut x);
            let mut h = net.b1.clone();
            for &(r, val) in &x {
                for (a, w) in h.iter_mut().zip(net.row(r)) {
                    *a += val * w;
                }
            }
            tanh((&mut h[..]).try_into().unwrap());
            let want = net.logits(&h).map(|x| WEIGHT * x);
            for (g, w) in got.iter().zip(&want) {
                assert!((g - w).abs() < 1e-3, "{got:?} {want:?}");
            }
        }
        let back = Network::from_bytes(&net.to_bytes(), &v).unwrap();
        assert_eq!(back, net);
        assert!(Network::from_bytes(&net.to_bytes()[..100], &v).is_err());
    }
}
