//! Word representations learned from unlabelled text: skip-gram vectors
//! with negative sampling (Mikolov et al. 2013), clustered by spherical
//! k-means at several granularities. The recogniser reads only the cluster
//! ids ([`super::clusters`]); this file makes them (`marsad clusters`).
//!
//! Everything is deterministic: one thread trains the vectors in corpus
//! order with a fixed pseudo-random sequence, and k-means starts from
//! words drawn by the same sequence. (The assignment step of k-means runs
//! on all cores; each word's nearest centroid does not depend on the
//! order.)

use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Skip-gram settings.
#[derive(Clone, Copy, Debug)]
pub struct SkipGram {
    pub dim: usize,
    /// The largest distance of a context word (each position draws its own
    /// window from 1 to this).
    pub window: usize,
    pub negative: usize,
    pub epochs: usize,
    /// Words seen fewer times get no vector.
    pub min_count: u64,
    /// Frequent words are kept with probability about sqrt(sample / f).
    pub sample: f64,
    pub learning_rate: f32,
}

impl Default for SkipGram {
    fn default() -> Self {
        SkipGram {
            dim: 100,
            window: 5,
            negative: 5,
            epochs: 3,
            min_count: 5,
            sample: 1e-4,
            learning_rate: 0.025,
        }
    }
}

/// The vocabulary of a corpus: words by falling count (ties by the word),
/// and the corpus as sentences of word ids.
pub struct Corpus {
    pub words: Vec<String>,
    pub counts: Vec<u64>,
    pub sentences: Vec<Vec<u32>>,
}

impl Corpus {
    /// Counts the words of `sentences` (already cut and folded) and keeps
    /// those seen at least `min_count` times.
    pub fn new(sentences: &[Vec<String>], min_count: u64) -> Corpus {
        let mut counts: FxHashMap<&str, u64> = FxHashMap::default();
        for s in sentences {
            for w in s {
                *counts.entry(w.as_str()).or_default() += 1;
            }
        }
        let mut kept: Vec<(&str, u64)> = counts
            .into_iter()
            .filter(|&(_, c)| c >= min_count)
            .collect();
        kept.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let id: FxHashMap<&str, u32> = kept
            .iter()
            .enumerate()
            .map(|(i, (w, _))| (*w, i as u32))
            .collect();
        let sentences = sentences
            .iter()
            .map(|s| {
                s.iter()
                    .filter_map(|w| id.get(w.as_str()).copied())
                    .collect()
            })
            .filter(|s: &Vec<u32>| s.len() > 1)
            .collect();
        Corpus {
            words: kept.iter().map(|(w, _)| (*w).to_owned()).collect(),
            counts: kept.iter().map(|(_, c)| *c).collect(),
            sentences,
        }
    }
}

/// word2vec's linear congruential generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(25_214_903_917).wrapping_add(11);
        self.0
    }
    /// A number in [0, 1).
    fn unit(&mut self) -> f32 {
        ((self.next() >> 16) & 0xFFFF) as f32 / 65536.0
    }
}

/// Trains skip-gram vectors for `corpus` (one row of `dim` a word).
/// `progress` hears each epoch's end.
pub fn train(corpus: &Corpus, p: &SkipGram, mut progress: impl FnMut(usize)) -> Vec<f32> {
    let (v, dim) = (corpus.words.len(), p.dim);
    let mut rng = Lcg(1);
    let mut input: Vec<f32> = (0..v * dim)
        .map(|_| (rng.unit() - 0.5) / dim as f32)
        .collect();
    let mut output = vec![0f32; v * dim];
    // Negative samples drawn by count^0.75.
    let table_size = 10_000_000usize.min(v * 100).max(1);
    let weights: Vec<f64> = corpus
        .counts
        .iter()
        .map(|&c| (c as f64).powf(0.75))
        .collect();
    let total_weight: f64 = weights.iter().sum();
    let mut table = Vec::with_capacity(table_size);
    let mut word = 0usize;
    let mut cumulative = weights.first().copied().unwrap_or(0.0) / total_weight;
    for i in 0..table_size {
        table.push(word as u32);
        if (i + 1) as f64 / table_size as f64 > cumulative && word + 1 < v {
            word += 1;
            cumulative += weights[word] / total_weight;
        }
    }
    let total: u64 = corpus.counts.iter().sum();
    let keep: Vec<f32> = corpus
        .counts
        .iter()
        .map(|&c| {
            let f = c as f64 / (p.sample * total as f64);
            ((f.sqrt() + 1.0) / f).min(1.0) as f32
        })
        .collect();
    let words_total = (total as f64 * p.epochs as f64).max(1.0);
    let mut seen = 0u64;
    let mut grad = vec![0f32; dim];
    let mut kept: Vec<u32> = Vec::new();
    for epoch in 0..p.epochs {
        for sentence in &corpus.sentences {
            seen += sentence.len() as u64;
            let alpha = (p.learning_rate * (1.0 - seen as f32 / words_total as f32))
                .max(p.learning_rate * 1e-4);
            kept.clear();
            kept.extend(
                sentence
                    .iter()
                    .copied()
                    .filter(|&w| rng.unit() < keep[w as usize]),
            );
            for (pos, &centre) in kept.iter().enumerate() {
                let reach = 1 + (rng.next() as usize % p.window);
                let lo = pos.saturating_sub(reach);
                let hi = (pos + reach).min(kept.len() - 1);
                for (c, &context) in kept.iter().enumerate().take(hi + 1).skip(lo) {
                    if c == pos {
                        continue;
                    }
                    let l1 = context as usize * dim;
                    grad.iter_mut().for_each(|g| *g = 0.0);
                    for d in 0..=p.negative {
                        let (target, label) = if d == 0 {
                            (centre as usize, 1.0)
                        } else {
                            let t = table[(rng.next() >> 16) as usize % table.len()] as usize;
                            if t == centre as usize {
                                continue;
                            }
                            (t, 0.0)
                        };
                        let l2 = target * dim;
                        let (a, b) = (&input[l1..l1 + dim], &mut output[l2..l2 + dim]);
                        let f: f32 = a.iter().zip(b.iter()).map(|(x, y)| x * y).sum();
                        let g = (label - sigmoid(f)) * alpha;
                        for k in 0..dim {
                            grad[k] += g * b[k];
                            b[k] += g * a[k];
                        }
                    }
                    for (x, g) in input[l1..l1 + dim].iter_mut().zip(&grad) {
                        *x += g;
                    }
                }
            }
        }
        progress(epoch);
    }
    input
}

fn sigmoid(x: f32) -> f32 {
    if x > 6.0 {
        1.0
    } else if x < -6.0 {
        0.0
    } else {
        1.0 / (1.0 + (-x).exp())
    }
}

/// Each row of `vectors` (`dim` wide) scaled to length one.
pub fn normalise(vectors: &mut [f32], dim: usize) {
    for row in vectors.chunks_mut(dim) {
        let n = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if n > 0.0 {
            row.iter_mut().for_each(|x| *x /= n);
        }
    }
}

/// Spherical k-means of unit rows into `k` clusters, `iterations` rounds:
/// each row's cluster id. The first centroids are rows drawn by a fixed
/// sequence; a cluster left empty takes the row farthest from its own.
pub fn kmeans(vectors: &[f32], dim: usize, k: usize, iterations: usize) -> Vec<u32> {
    let n = vectors.len() / dim;
    if n == 0 || k == 0 {
        return Vec::new();
    }
    let k = k.min(n);
    let mut rng = Lcg(k as u64);
    let mut centroids = Vec::with_capacity(k * dim);
    let mut chosen = rustc_hash::FxHashSet::default();
    while chosen.len() < k {
        let r = (rng.next() >> 16) as usize % n;
        if chosen.insert(r) {
            centroids.extend_from_slice(&vectors[r * dim..(r + 1) * dim]);
        }
    }
    let mut assign = vec![0u32; n];
    for _ in 0..iterations {
        let best: Vec<(u32, f32)> = vectors
            .par_chunks(dim)
            .map(|v| {
                let mut best = (0u32, f32::NEG_INFINITY);
                for (c, centre) in centroids.chunks(dim).enumerate() {
                    let s: f32 = v.iter().zip(centre).map(|(a, b)| a * b).sum();
                    if s > best.1 {
                        best = (c as u32, s);
                    }
                }
                best
            })
            .collect();
        let mut sums = vec![0f32; k * dim];
        let mut sizes = vec![0usize; k];
        for (i, &(c, _)) in best.iter().enumerate() {
            assign[i] = c;
            sizes[c as usize] += 1;
            let row = &vectors[i * dim..(i + 1) * dim];
            for (s, x) in sums[c as usize * dim..(c as usize + 1) * dim]
                .iter_mut()
                .zip(row)
            {
                *s += x;
            }
        }
        // Empty clusters take the rows that fit their own cluster worst.
        let mut worst: Vec<usize> = (0..n).collect();
        worst.sort_by(|&a, &b| best[a].1.total_cmp(&best[b].1).then(a.cmp(&b)));
        let mut spare = worst.into_iter();
        for c in 0..k {
            if sizes[c] == 0
                && let Some(r) = spare.next()
            {
                sums[c * dim..(c + 1) * dim].copy_from_slice(&vectors[r * dim..(r + 1) * dim]);
            }
        }
        centroids = sums;
        normalise(&mut centroids, dim);
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two families of words that never share a context: their vectors
    /// fall into two clusters.
    #[test]
    fn words_of_the_same_contexts_share_a_cluster() {
        let mut sentences = Vec::new();
        let (a, b) = (["قط", "كلب", "فأر"], ["باريس", "روما", "مدريد"]);
        for n in 0..400 {
            let x = a[n % 3];
            let y = a[(n + 1) % 3];
            sentences.push(vec!["أطعم".into(), x.into(), "و".into(), y.into()]);
            let x = b[n % 3];
            let y = b[(n + 2) % 3];
            sentences.push(vec![
                "سافر".into(),
                "إلى".into(),
                x.into(),
                "ثم".into(),
                y.into(),
            ]);
        }
        let corpus = Corpus::new(&sentences, 5);
        let p = SkipGram {
            dim: 16,
            epochs: 5,
            sample: 1.0,
            ..SkipGram::default()
        };
        let mut v = train(&corpus, &p, |_| {});
        assert_eq!(v, train(&corpus, &p, |_| {}), "deterministic");
        normalise(&mut v, p.dim);
        let ids = kmeans(&v, p.dim, 2, 10);
        let of = |w: &str| ids[corpus.words.iter().position(|x| x == w).unwrap()];
        assert!(a.iter().all(|w| of(w) == of(a[0])), "{ids:?}");
        assert!(b.iter().all(|w| of(w) == of(b[0])), "{ids:?}");
        assert_ne!(of(a[0]), of(b[0]));
    }
}
