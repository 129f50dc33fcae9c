//! A first-order structured perceptron over BILOU tags, averaged, decoded
//! with Viterbi (invalid BILOU transitions and ends are forbidden).

use super::features::BUCKETS;
use super::prefetch::prefetch;

/// The tags, in weight order: outside, then for each type the first (B),
/// inner (I) and last (L) token of a name of several, and a name of one
/// (U).
pub const TAGS: [&str; 13] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC",
];
pub const N: usize = TAGS.len();
/// Row of the transition table used for the sentence start.
pub(super) const START: usize = N;

/// The part of a name tag `t` (not O) marks: [`B`], [`I`], [`L`] or [`U`].
pub(super) fn part(t: usize) -> usize {
    (t - 1) % 4
}
pub(super) const B: usize = 0;
pub(super) const I: usize = 1;
pub(super) const L: usize = 2;
pub(super) const U: usize = 3;

/// Whether a name is open after tag `a` (its B or I): the next tag must
/// go on with it.
fn open(a: usize) -> bool {
    a != START && a != 0 && matches!(part(a), B | I)
}

/// Whether tag `b` may follow tag `a` (or start a sentence when `a` is
/// [`START`]): an I-X or L-X follows only B-X or I-X, and after those
/// only they may come.
pub(super) fn allowed(a: usize, b: usize) -> bool {
    if b == 0 || matches!(part(b), B | U) {
        return !open(a);
    }
    open(a) && (a - 1) / 4 == (b - 1) / 4
}

/// Whether a run may end on tag `t`: not inside a name.
pub(super) fn allowed_end(t: usize) -> bool {
    !open(t)
}

#[derive(Clone)]
pub struct Perceptron {
    /// BUCKETS × N emission weights.
    pub weights: Vec<f32>,
    /// (N + 1) × N transition weights; the last row is the start.
    pub trans: Vec<f32>,
}

impl Default for Perceptron {
    fn default() -> Self {
        Perceptron {
            weights: vec![0.0; BUCKETS * N],
            trans: vec![0.0; (N + 1) * N],
        }
    }
}

impl Perceptron {
    /// The mean of `models`' weights, times `scale`.
    pub fn mean(models: &[Perceptron], scale: f32) -> Perceptron {
        let mut sum = Perceptron::default();
        for m in models {
            for (a, w) in sum.weights.iter_mut().zip(&m.weights) {
                *a += w;
            }
            for (a, w) in sum.trans.iter_mut().zip(&m.trans) {
                *a += w;
            }
        }
        let k = scale / models.len().max(1) as f32;
        sum.weights
            .iter_mut()
            .chain(&mut sum.trans)
            .for_each(|w| *w *= k);
        sum
    }

    fn emission(&self, feats: &[u32], out: &mut [f32; N]) {
        *out = [0.0; N];
        for &f in feats {
            let row = &self.weights[f as usize * N..f as usize * N + N];
            for (o, w) in out.iter_mut().zip(row) {
                *o += w;
            }
        }
    }

    /// The best tag sequence for a sentence given each token's features.
    pub fn decode(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        viterbi(feats.len(), &self.trans, |i, e| self.emission(&feats[i], e))
    }

    /// The weights as seen by a text of `genre`: each feature's shared
    /// weight plus its genre copy's, so that decoding needs only the shared
    /// features (see [`super::features::Genre`]).
    pub fn for_genre(&self, genre: super::features::Genre) -> Tagger {
        let row = |b: usize| -> &[f32] { &self.weights[b * N..][..N] };
        genre_tagger(
            genre,
            &self.trans,
            |b| row(b).try_into().expect("rows are N long"),
            |b| prefetch(row(b)),
        )
    }
}

/// The tagger of `genre` for weights whose bucket `b` is `row(b)`: each
/// row plus its genre copy's. The copies lie a long stride apart, so each
/// is asked for (`ask`) a few rows ahead and their cache misses overlap.
/// The two halves of the rows are made on two threads of their own (not
/// the pool's: the recogniser is loaded on a pool thread, which must not
/// take a job that waits for it).
fn genre_tagger(
    genre: super::features::Genre,
    trans: &[f32],
    row: impl Fn(usize) -> [f32; N] + Sync,
    ask: impl Fn(usize) + Sync,
) -> Tagger {
    const AHEAD: usize = 16;
    // The rows are written once each, in place, on huge pages: no pass
    // zeroes them first.
    let mut rows: Vec<Row> = super::huge::with_capacity(BUCKETS);
    let fill = |first: usize, rows: &mut [std::mem::MaybeUninit<Row>]| {
        for (b, slot) in (first..).zip(rows.iter_mut()) {
            if b + AHEAD < BUCKETS {
                ask(genre.copy_of((b + AHEAD) as u32) as usize);
            }
            let (own, copy) = (row(b), row(genre.copy_of(b as u32) as usize));
            let mut out = [0.0f32; LANES];
            for (r, (w, g)) in out.iter_mut().zip(own.iter().zip(&copy)) {
                *r = w + g;
            }
            slot.write(Row(out));
        }
    };
    let (low, high) = rows.spare_capacity_mut()[..BUCKETS].split_at_mut(BUCKETS / 2);
    std::thread::scope(|s| {
        s.spawn(|| fill(BUCKETS / 2, high));
        fill(0, low);
    });
    // SAFETY: both halves' BUCKETS slots were written above (a panic in
    // either would have left the scope before this line).
    unsafe { rows.set_len(BUCKETS) };
    Tagger {
        rows,
        trans: trans.to_vec(),
    }
}

/// A row of emission weights padded to sixteen tags, so that the sum over
/// a token's features vectorises.
pub const LANES: usize = 16;

/// A row of emission weights on a cache line of its own: a feature's
/// weights cost one cache miss, and asking for the row ahead
/// ([`prefetch`]) brings all of it.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Row([f32; LANES]);

/// The weights of one genre, laid out for decoding.
pub struct Tagger {
    rows: Vec<Row>,
    trans: Vec<f32>,
}

impl Tagger {
    /// Adds `extra` ((N + 1) × N) times `weight` to the transitions.
    pub fn with_transitions(mut self, extra: &[f32], weight: f32) -> Tagger {
        for (t, e) in self.trans.iter_mut().zip(extra) {
            *t += weight * e;
        }
        self
    }

    /// The best tag sequence for a sentence given each token's features.
    pub fn decode(&self, feats: &[Vec<u32>]) -> Vec<usize> {
        viterbi(feats.len(), &self.trans, |i, out| {
            out.copy_from_slice(&self.add([0.0; LANES], &feats[i])[..N]);
        })
    }

    /// [`Tagger::decode`] where each token's first features are already
    /// summed, `bases[i]` being ([`Tagger::sum`] of them, how many), and
    /// `extra[i]` is added to token i's emission scores (the LSTM's,
    /// [`super::lstm`]). The sums run in the same order, so
    /// the perceptron's part of the scores is the same to the bit.
    pub fn decode_with(
        &self,
        feats: &[Vec<u32>],
        bases: &[([f32; LANES], u32)],
        extra: &[[f32; N]],
    ) -> Vec<usize> {
        viterbi(feats.len(), &self.trans, |i, out| {
            // The next token's rows, asked for while this one's are summed.
            if let (Some(next), Some(&(_, skip))) = (feats.get(i + 1), bases.get(i + 1)) {
                self.prefetch(next.get(skip as usize..).unwrap_or_default());
            }
            out.copy_from_slice(&self.add_from(bases[i], &feats[i])[..N]);
            for (o, e) in out.iter_mut().zip(&extra[i]) {
                *o += e;
            }
        })
    }

    fn add_from(&self, (base, skip): ([f32; LANES], u32), feats: &[u32]) -> [f32; LANES] {
        self.add(base, &feats[skip as usize..])
    }

    /// Asks for the rows of `feats` ([`prefetch`]).
    pub fn prefetch(&self, feats: &[u32]) {
        for &f in feats {
            if let Some(row) = self.rows.get(f as usize) {
                prefetch(std::slice::from_ref(row));
            }
        }
    }

    /// The emission scores of `feats`, summed in order.
    pub fn sum(&self, feats: &[u32]) -> [f32; LANES] {
        self.add([0.0; LANES], feats)
    }

    fn add(&self, mut sum: [f32; LANES], feats: &[u32]) -> [f32; LANES] {
        for &f in feats {
            let Row(row) = &self.rows[f as usize];
            for (s, w) in sum.iter_mut().zip(row) {
                *s += w;
            }
        }
        sum
    }
}

/// Viterbi over `n` tokens whose emission scores `emission` writes
/// (invalid BILOU transitions and ends are forbidden).
fn viterbi(n: usize, trans: &[f32], mut emission: impl FnMut(usize, &mut [f32; N])) -> Vec<usize> {
    if n == 0 {
        return Vec::new();
    }
    // The transitions with the forbidden ones at minus infinity, a row of
    // LANES per previous tag: a forbidden or unreachable path scores minus
    // infinity and never wins, as if it were skipped.
    let mut moves = [[f32::NEG_INFINITY; LANES]; N];
    for (p, row) in moves.iter_mut().enumerate() {
        for (t, m) in row.iter_mut().enumerate().take(N) {
            if allowed(p, t) {
                *m = trans[p * N + t];
            }
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; N]; n];
    let mut back = vec![[0u8; N]; n];
    let mut e = [0.0; N];
    emission(0, &mut e);
    for t in 0..N {
        if allowed(START, t) {
            score[0][t] = e[t] + trans[START * N + t];
        }
    }
    for i in 1..n {
        emission(i, &mut e);
        // For each tag at once: the best previous tag, the first of equals.
        let mut best = [f32::NEG_INFINITY; LANES];
        let mut arg = [0u8; LANES];
        for (p, row) in moves.iter().enumerate() {
            let prev = score[i - 1][p];
            for t in 0..LANES {
                let s = prev + row[t];
                if s > best[t] {
                    best[t] = s;
                    arg[t] = p as u8;
                }
            }
        }
        for t in 0..N {
            score[i][t] = best[t] + e[t];
            back[i][t] = arg[t];
        }
    }
    let mut tag = (0..N)
        .filter(|&t| allowed_end(t))
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = tag;
        tag = back[i][tag] as usize;
    }
    out
}

/// Training state: weights and their running sums for averaging.
pub struct Trainer {
    pub model: Perceptron,
    sums: Perceptron,
    step: f32,
}

impl Default for Trainer {
    fn default() -> Self {
        Trainer {
            model: Perceptron::default(),
            sums: Perceptron::default(),
            step: 1.0,
        }
    }
}

impl Trainer {
    /// One perceptron step on a sentence: returns whether it was wrong.
    pub fn learn(&mut self, feats: &[Vec<u32>], gold: &[usize]) -> bool {
        let pred = self.model.decode(feats);
        let wrong = pred != gold;
        if wrong {
            let c = self.step;
            for (i, f) in feats.iter().enumerate() {
                let (g, p) = (gold[i], pred[i]);
                let (gp, pp) = if i == 0 {
                    (START, START)
                } else {
                    (gold[i - 1], pred[i - 1])
                };
                if g != p {
                    for &b in f {
                        let b = b as usize * N;
                        self.model.weights[b + g] += 1.0;
                        self.sums.weights[b + g] += c;
                        self.model.weights[b + p] -= 1.0;
                        self.sums.weights[b + p] -= c;
                    }
                }
                if g != p || gp != pp {
                    self.model.trans[gp * N + g] += 1.0;
                    self.sums.trans[gp * N + g] += c;
                    self.model.trans[pp * N + p] -= 1.0;
                    self.sums.trans[pp * N + p] -= c;
                }
            }
        }
        self.step += 1.0;
        wrong
    }

    /// The averaged weights.
    pub fn averaged(&self) -> Perceptron {
        let c = self.step;
        let avg = |w: &[f32], s: &[f32]| w.iter().zip(s).map(|(w, s)| w - s / c).collect();
        Perceptron {
            weights: avg(&self.model.weights, &self.sums.weights),
            trans: avg(&self.model.trans, &self.sums.trans),
        }
    }
}

/// Weights deflated (the form of models written before sparse rows).
const MAGIC_DEFLATED: &[u8; 8] = b"MRSDNER1";
/// Weights in sparse rows, read with no inflating.
const MAGIC: &[u8; 8] = b"MRSDNER2";

/// Saves weights as 16-bit integers with one scale: a bit per bucket that
/// has a weight other than zero, those buckets' rows, then the transitions.
/// Loading it is a copy (a deflated file took 20 ms to inflate, and half
/// the buckets are empty).
pub fn save(p: &Perceptron) -> Vec<u8> {
    let max = p
        .weights
        .iter()
        .chain(&p.trans)
        .fold(0.0f32, |m, w| m.max(w.abs()))
        .max(1e-9);
    let scale = max / 32767.0;
    let q = |w: &f32| (w / scale).round() as i16;
    let rows: Vec<[i16; N]> = p
        .weights
        .chunks_exact(N)
        .map(|r| std::array::from_fn(|t| q(&r[t])))
        .collect();
    let mut bits = vec![0u8; BUCKETS.div_ceil(8)];
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&scale.to_le_bytes());
    let mut values = Vec::new();
    for (b, row) in rows.iter().enumerate() {
        if row.iter().any(|&w| w != 0) {
            bits[b / 8] |= 1 << (b % 8);
            values.extend(row.iter().flat_map(|w| w.to_le_bytes()));
        }
    }
    out.extend_from_slice(&bits);
    out.extend_from_slice(&values);
    out.extend(p.trans.iter().flat_map(|w| q(w).to_le_bytes()));
    out
}

/// Loads what [`save`] wrote, or a deflated model of before.
pub fn load(bytes: &[u8]) -> Result<Perceptron, String> {
    if bytes.len() < 12 || (&bytes[..8] != MAGIC && &bytes[..8] != MAGIC_DEFLATED) {
        return Err("not a Marsad NER model".into());
    }
    let scale = f32::from_le_bytes(bytes[8..12].try_into().unwrap());
    let value = |c: &[u8]| i16::from_le_bytes([c[0], c[1]]) as f32 * scale;
    if &bytes[..8] == MAGIC_DEFLATED {
        let raw = miniz_oxide::inflate::decompress_to_vec(&bytes[12..])
            .map_err(|e| format!("damaged model: {e:?}"))?;
        let want = (BUCKETS * N + (N + 1) * N) * 2;
        if raw.len() != want {
            return Err(format!(
                "model has {} bytes of weights, expected {want}",
                raw.len()
            ));
        }
        let mut values = raw.chunks_exact(2).map(value);
        let weights: Vec<f32> = values.by_ref().take(BUCKETS * N).collect();
        let trans: Vec<f32> = values.collect();
        return Ok(Perceptron { weights, trans });
    }
    let stored = Stored::new(std::borrow::Cow::Owned(bytes.to_vec()))?;
    Ok(Perceptron {
        weights: (0..BUCKETS).flat_map(|b| stored.row(b)).collect(),
        trans: stored.trans,
    })
}

/// The weights as a model file of [`save`] stores them, read in place:
/// the rows that have a weight, 16-bit times the file's scale, each found
/// by its bucket's rank among the stored rows. A text's [`Tagger`] is made
/// from them ([`Weights::for_genre`]) without a dense copy of all the
/// buckets first.
pub struct Stored {
    bytes: std::borrow::Cow<'static, [u8]>,
    scale: f32,
    /// Bit b: bucket b has a stored row.
    bits: Vec<u64>,
    /// The stored rows before each word of `bits`.
    ranks: Vec<u32>,
    /// Where the rows start in `bytes`.
    rows: usize,
    trans: Vec<f32>,
}

impl Stored {
    /// The weights of `bytes` (what [`save`] wrote); refused when the
    /// rows do not fill the file as its bits say.
    pub fn new(bytes: std::borrow::Cow<'static, [u8]>) -> Result<Stored, String> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err("not a Marsad NER model".into());
        }
        let scale = f32::from_le_bytes(bytes[8..12].try_into().unwrap());
        let packed = bytes
            .get(12..12 + BUCKETS.div_ceil(8))
            .ok_or("damaged model: cut short")?;
        let bits: Vec<u64> = packed
            .chunks(8)
            .map(|c| {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                u64::from_le_bytes(w)
            })
            .collect();
        let mut ranks = Vec::with_capacity(bits.len());
        let mut stored = 0u32;
        for w in &bits {
            ranks.push(stored);
            stored += w.count_ones();
        }
        let rows = 12 + packed.len();
        let rest = &bytes[rows..];
        let n = stored as usize;
        if rest.len() != (n * N + (N + 1) * N) * 2 {
            return Err(format!(
                "damaged model: {} bytes of weights for {n} rows",
                rest.len()
            ));
        }
        let trans = rest[n * N * 2..]
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as f32 * scale)
            .collect();
        Ok(Stored {
            bytes,
            scale,
            bits,
            ranks,
            rows,
            trans,
        })
    }

    /// The bytes of bucket `b`'s row, if it has one.
    fn row_bytes(&self, b: usize) -> Option<&[u8]> {
        let (word, bit) = (self.bits[b / 64], b % 64);
        if word & 1 << bit == 0 {
            return None;
        }
        let rank = self.ranks[b / 64] + (word & ((1u64 << bit) - 1)).count_ones();
        Some(&self.bytes[self.rows + rank as usize * N * 2..][..N * 2])
    }

    /// Bucket `b`'s weights (zeros without a row).
    fn row(&self, b: usize) -> [f32; N] {
        let mut out = [0.0; N];
        if let Some(r) = self.row_bytes(b) {
            for (o, c) in out.iter_mut().zip(r.chunks_exact(2)) {
                *o = i16::from_le_bytes([c[0], c[1]]) as f32 * self.scale;
            }
        }
        out
    }
}

/// A model's weights: read in place from the file, or (a model file from
/// before sparse rows) loaded whole.
pub enum Weights {
    Stored(Stored),
    Dense(Perceptron),
}

impl Weights {
    /// The weights of a model file's part.
    pub fn new(bytes: std::borrow::Cow<'static, [u8]>) -> Result<Weights, String> {
        match bytes.get(..8) {
            Some(m) if m == MAGIC => Stored::new(bytes).map(Weights::Stored),
            _ => load(&bytes).map(Weights::Dense),
        }
    }

    /// [`Perceptron::for_genre`] of these weights: the same rows, to the
    /// bit.
    pub fn for_genre(&self, genre: super::features::Genre) -> Tagger {
        match self {
            Weights::Dense(p) => p.for_genre(genre),
            Weights::Stored(w) => genre_tagger(
                genre,
                &w.trans,
                |b| w.row(b),
                |b| {
                    if let Some(r) = w.row_bytes(b) {
                        prefetch(r);
                    }
                },
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Decoding with a genre's folded weights gives what decoding with the
    /// genre's feature copies gives (how training saw the features).
    #[test]
    fn genre_weights_decode_as_the_copies_do() {
        use crate::analysis::ner::features::Genre;
        let mut p = Perceptron::default();
        let mut seed: u64 = 7;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as u32
        };
        for w in p.weights.iter_mut().chain(p.trans.iter_mut()) {
            *w = (next() % 2001) as f32 / 1000.0 - 1.0;
        }
        let feats: Vec<Vec<u32>> = (0..12)
            .map(|_| (0..20).map(|_| next() % BUCKETS as u32).collect())
            .collect();
        for genre in Genre::ALL {
            let mut copies = feats.clone();
            genre.add_copies(&mut copies);
            assert_eq!(p.for_genre(genre).decode(&feats), p.decode(&copies));
        }
    }

    #[test]
    fn the_mean_of_runs_in_two_orders_tags_as_they_do() {
        // Feature 1 marks a one-token person, 2 a place, 3 outside.
        let a = (vec![vec![3u32], vec![1], vec![3]], vec![0, 4, 0]);
        let b = (vec![vec![2u32], vec![3]], vec![12, 0]);
        let run = |first: bool| {
            let mut t = Trainer::default();
            for _ in 0..5 {
                let order = if first { [&a, &b] } else { [&b, &a] };
                for (f, g) in order {
                    t.learn(f, g);
                }
            }
            t.averaged()
        };
        let (one, two) = (run(true), run(false));
        let mean = Perceptron::mean(&[one.clone(), two.clone()], 1.25);
        for (f, g) in [&a, &b] {
            assert_eq!(mean.decode(f), *g);
        }
        let k = 2000 * N + 4;
        assert_eq!(mean.weights[k], 0.0, "a bucket no feature reaches");
        let k = N + 4;
        assert!((mean.weights[k] - 0.625 * (one.weights[k] + two.weights[k])).abs() < 1e-6);
        assert!(mean.weights[k] > 0.0, "feature 1 speaks for U-PER");
    }

    #[test]
    fn learns_a_toy_pattern_and_round_trips() {
        // Feature 1 marks a person's first token, 2 its second, 3 outside.
        let sent = vec![vec![3u32], vec![1], vec![2], vec![3]];
        let gold = vec![0, 1, 3, 0];
        let mut t = Trainer::default();
        for _ in 0..5 {
            t.learn(&sent, &gold);
        }
        let m = t.averaged();
        assert_eq!(m.decode(&sent), gold);
        let saved = save(&m);
        let back = load(&saved).unwrap();
        assert_eq!(back.decode(&sent), gold);
        assert_eq!(save(&back), saved, "what is read is what was written");
        assert!(load(b"nonsense").is_err());
        assert!(load(&saved[..saved.len() - 1]).is_err(), "cut short");
        assert!(load(&saved[..100]).is_err(), "cut in the bits");
        // A model written before sparse rows (deflated) still loads.
        let scale = f32::from_le_bytes(saved[8..12].try_into().unwrap());
        let raw: Vec<u8> = back
            .weights
            .iter()
            .chain(&back.trans)
            .flat_map(|w| ((w / scale).round() as i16).to_le_bytes())
            .collect();
        let mut old = MAGIC_DEFLATED.to_vec();
        old.extend_from_slice(&scale.to_le_bytes());
        old.extend(miniz_oxide::deflate::compress_to_vec(&raw, 6));
        assert_eq!(save(&load(&old).unwrap()), saved);
    }

    /// The taggers made from the weights read in place are the ones the
    /// loaded weights make, to the bit, with empty rows among full ones;
    /// a file cut short or of another kind is refused.
    #[test]
    fn weights_read_in_place_make_the_loaded_weights_taggers() {
        use crate::analysis::ner::features::Genre;
        let mut p = Perceptron::default();
        let mut seed: u64 = 11;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as u32
        };
        // A third of the rows empty, as in a trained model.
        for row in p.weights.chunks_exact_mut(N) {
            if next() % 3 != 0 {
                for w in row {
                    *w = (next() % 2001) as f32 / 100.0 - 10.0;
                }
            }
        }
        for w in &mut p.trans {
            *w = (next() % 2001) as f32 / 100.0 - 10.0;
        }
        let saved = save(&p);
        let loaded = load(&saved).unwrap();
        let stored = Weights::new(std::borrow::Cow::Owned(saved.clone())).unwrap();
        assert!(matches!(stored, Weights::Stored(_)));
        for genre in Genre::ALL {
            let (a, b) = (loaded.for_genre(genre), stored.for_genre(genre));
            let bits = |t: &Tagger| -> Vec<u32> {
                t.rows
                    .iter()
                    .flat_map(|r| &r.0)
                    .chain(&t.trans)
                    .map(|w| w.to_bits())
                    .collect()
            };
            assert_eq!(bits(&a), bits(&b), "{genre:?}");
        }
        assert!(Weights::new(std::borrow::Cow::Owned(saved[..saved.len() - 1].to_vec())).is_err());
        assert!(Weights::new(std::borrow::Cow::Borrowed(b"nonsense")).is_err());
    }

    #[test]
    fn bilou_transitions() {
        let tag = |name: &str| TAGS.iter().position(|&t| t == name).unwrap();
        let ok = |a: &str, b: &str| allowed(if a == "^" { START } else { tag(a) }, tag(b));
        // A name opens with B or U, and only from outside or after a name.
        for b in ["O", "B-PER", "U-ORG"] {
            assert!(
                ok("^", b) && ok("O", b) && ok("L-LOC", b) && ok("U-PER", b),
                "{b}"
            );
            assert!(!ok("B-PER", b) && !ok("I-LOC", b), "{b}");
        }
        // I and L go on with a B or I of their type, nothing else.
        for b in ["I-PER", "L-PER"] {
            assert!(ok("B-PER", b) && ok("I-PER", b), "{b}");
            assert!(!ok("^", b) && !ok("O", b) && !ok("L-PER", b) && !ok("U-PER", b));
            assert!(!ok("B-ORG", b) && !ok("I-LOC", b), "{b}");
        }
        // A run ends outside a name.
        let ends: Vec<&str> = (0..N)
            .filter(|&t| allowed_end(t))
            .map(|t| TAGS[t])
            .collect();
        assert_eq!(
            ends,
            ["O", "L-PER", "U-PER", "L-ORG", "U-ORG", "L-LOC", "U-LOC"]
        );
    }
}
