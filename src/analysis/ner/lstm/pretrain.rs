//! The LSTM's start, learned from unlabelled text: each direction is
//! trained as a language model, the forward one to tell from a token and
//! what came before it the cluster of the token after, the backward one
//! the cluster of the token before (Dai and Le 2015; Peters et al. 2017).
//! What the two directions learn of how Arabic sentences run, over
//! millions of words, is then where [`super::train`] starts from on the
//! 150,000 tagged tokens. The heads that predict the clusters are thrown
//! away: the tagger keeps the same shape and the same cost.
//!
//! The unlabelled runs have no evidence bits and the news genre, so the
//! weights of those inputs keep their drawn start; the targets are the
//! middle granularity of [`super::super::clusters`], with classes of their
//! own for unknown words, numbers, punctuation and a run's ends.

use super::{Adam, BATCH, CHUNK, DROPOUT, HIDDEN, Lstm, Slot, grams, softmax_loss, uniform};
use crate::analysis::Text;
use crate::analysis::ner::clusters::{Clusters, LEVELS};
use crate::analysis::ner::features::Genre;
use crate::analysis::ner::vectors::Vectors;
use crate::analysis::normalize::fold_key;
use crate::analysis::tokenize::readings;
use rayon::prelude::*;

/// The classes a direction predicts: the clusters of the middle
/// granularity, then a word without one, a number, punctuation, and the
/// run's end.
pub const CLASSES: usize = LEVELS[1] + 4;
const UNKNOWN: u16 = LEVELS[1] as u16;
const NUMBER: u16 = UNKNOWN + 1;
const OTHER: u16 = UNKNOWN + 2;
const END: u16 = UNKNOWN + 3;

/// Tokens at most in a run: a longer sentence is cut.
const LONGEST: usize = 60;

/// Lines read at a time: their runs are made, learned from, and dropped.
const BLOCK: usize = 4096;

/// A run of unlabelled tokens: their slots, character n-grams and
/// classes.
#[derive(Default)]
pub struct Run {
    slots: Vec<Slot>,
    grams: Vec<Vec<u32>>,
    classes: Vec<u16>,
}

/// The runs of a line of text: its sentences, cut at [`LONGEST`] tokens.
pub fn runs_of(line: &str, v: &Vectors, clusters: &Clusters) -> Vec<Run> {
    let t = Text::new(line);
    let mut runs = Vec::new();
    let mut run = Run::default();
    for i in 0..t.tokens.len() {
        let (number, word) = (t.is_number(i), t.is_word(i));
        let key = t.key(i);
        let folded = fold_key(key);
        let stem = readings(key).last().map_or(key, |(_, s)| s);
        let slot = Slot::of(v, number, word, &folded, &fold_key(stem));
        let class = if number {
            NUMBER
        } else if !word {
            OTHER
        } else {
            clusters
                .of(&folded)
                .and_then(|ids| ids[1].parse().ok())
                .unwrap_or(UNKNOWN)
        };
        run.slots.push(slot);
        run.grams.push(grams(&folded));
        run.classes.push(class);
        let stop = !word && !number && matches!(key, "." | "!" | "?" | "؟");
        if stop || run.slots.len() == LONGEST {
            runs.push(std::mem::take(&mut run));
        }
    }
    if !run.slots.is_empty() {
        runs.push(run);
    }
    runs
}

/// The two language-model heads: [`HIDDEN`] rows of [`CLASSES`] and the
/// biases, forward then backward.
#[derive(Clone)]
struct Heads {
    w: [Vec<f32>; 2],
    b: [Vec<f32>; 2],
}

impl Heads {
    fn new(seed: &mut u64) -> Heads {
        let s = (6.0 / (HIDDEN + CLASSES) as f32).sqrt();
        let mut row = || (0..HIDDEN * CLASSES).map(|_| uniform(seed) * s).collect();
        Heads {
            w: [row(), row()],
            b: [vec![0.0; CLASSES], vec![0.0; CLASSES]],
        }
    }

    fn zeros() -> Heads {
        Heads {
            w: [vec![0.0; HIDDEN * CLASSES], vec![0.0; HIDDEN * CLASSES]],
            b: [vec![0.0; CLASSES], vec![0.0; CLASSES]],
        }
    }

    fn params_mut(&mut self) -> impl Iterator<Item = &mut f32> {
        let [w0, w1] = &mut self.w;
        let [b0, b1] = &mut self.b;
        w0.iter_mut()
            .chain(b0.iter_mut())
            .chain(w1.iter_mut())
            .chain(b1.iter_mut())
    }

    fn params(&self) -> impl Iterator<Item = &f32> {
        self.w[0]
            .iter()
            .chain(&self.b[0])
            .chain(&self.w[1])
            .chain(&self.b[1])
    }

    /// The cross-entropy of `target` given hidden state `h` by head `k`:
    /// adds its gradient to `grad` and writes that by `h` to `dh`.
    fn learn(&self, k: usize, h: &[f32], target: u16, grad: &mut Heads, dh: &mut [f32]) -> f32 {
        let (w, b) = (&self.w[k], &self.b[k]);
        let mut o = b.clone();
        for (&a, row) in h.iter().zip(w.chunks_exact(CLASSES)) {
            for (o, w) in o.iter_mut().zip(row) {
                *o += a * w;
            }
        }
        let loss = softmax_loss(&mut o, target as usize);
        for (g, d) in grad.b[k].iter_mut().zip(&o) {
            *g += d;
        }
        for (j, &a) in h.iter().enumerate() {
            let row = &w[j * CLASSES..][..CLASSES];
            let g = &mut grad.w[k][j * CLASSES..][..CLASSES];
            let mut back = 0.0;
            for ((g, w), d) in g.iter_mut().zip(row).zip(&o) {
                *g += a * d;
                back += w * d;
            }
            dh[j] = back;
        }
        loss
    }
}

/// Both directions' language-model loss on one run (inputs dropped with
/// probability `dropout`), its gradient added to `grad` and `heads_grad`.
#[allow(clippy::too_many_arguments)]
fn learn_with(
    net: &Lstm,
    heads: &Heads,
    v: &Vectors,
    run: &Run,
    dropout: f32,
    seed: &mut u64,
    grad: &mut Lstm,
    heads_grad: &mut Heads,
) -> f32 {
    let t = run.slots.len();
    let grams: Vec<&[u32]> = run.grams.iter().map(|g| &g[..]).collect();
    let bits = vec![0u16; t];
    let classes = &run.classes;
    let head = |hf: &[f32], hb: &[f32], dhf: &mut [f32], dhb: &mut [f32]| {
        let mut loss = 0.0;
        for i in 0..t {
            let next = if i + 1 < t { classes[i + 1] } else { END };
            let before = if i > 0 { classes[i - 1] } else { END };
            let at = i * HIDDEN..(i + 1) * HIDDEN;
            loss += heads.learn(0, &hf[at.clone()], next, heads_grad, &mut dhf[at.clone()])
                + heads.learn(1, &hb[at.clone()], before, heads_grad, &mut dhb[at]);
        }
        loss
    };
    let Lstm { fwd, bwd, emb, .. } = grad;
    net.through(
        v,
        (&run.slots, &grams, &bits, Genre::News),
        dropout,
        seed,
        (fwd, bwd, emb),
        head,
    )
}

/// Trains the LSTM's directions and n-gram rows as language models over
/// `lines` (`epochs` passes, the lines in an order given by `seed`), from
/// the spelled n-gram rows; `progress` hears the lines done so far and the
/// mean loss per token of the last block. The returned network's output
/// layer is its drawn start: [`super::train`] learns it.
pub fn pretrain(
    v: &Vectors,
    clusters: &Clusters,
    lines: &[&str],
    epochs: usize,
    seed: u64,
    progress: impl FnMut(usize, f64),
) -> Lstm {
    fit(v, clusters, lines, epochs, seed, progress).0
}

/// [`pretrain`], with the heads.
fn fit(
    v: &Vectors,
    clusters: &Clusters,
    lines: &[&str],
    epochs: usize,
    mut seed: u64,
    mut progress: impl FnMut(usize, f64),
) -> (Lstm, Heads) {
    let mut net = Lstm::new(v.dim, &mut seed);
    net.emb = super::spelled_start(v, net.emb.len(), &mut seed);
    let mut heads = Heads::new(&mut seed);
    let mut adam = Adam::new(net.params().count() + heads.params().count());
    let mut order: Vec<usize> = (0..lines.len()).collect();
    let mut done = 0;
    for epoch in 0..epochs {
        super::super::train::shuffle(&mut order, &mut seed);
        for (bi, block) in order.chunks(BLOCK).enumerate() {
            let runs: Vec<Run> = block
                .par_iter()
                .flat_map_iter(|&l| runs_of(lines[l], v, clusters))
                .collect();
            let (mut loss, mut tokens) = (0.0f64, 0usize);
            for (ri, batch) in runs.chunks(BATCH).enumerate() {
                let base = seed ^ ((epoch as u64) << 48) ^ ((bi as u64) << 24) ^ ri as u64;
                let parts: Vec<(Lstm, Heads, f64)> = batch
                    .par_chunks(CHUNK)
                    .enumerate()
                    .map(|(ci, chunk)| {
                        let (mut g, mut hg) = (net.zeros_like(), Heads::zeros());
                        let mut rng = base.wrapping_mul(31).wrapping_add(ci as u64 + 1);
                        let mut loss = 0.0f64;
                        for run in chunk {
                            loss += f64::from(learn_with(
                                &net, &heads, v, run, DROPOUT, &mut rng, &mut g, &mut hg,
                            ));
                        }
                        (g, hg, loss)
                    })
                    .collect();
                let mut parts = parts.into_iter();
                let (mut g, mut hg, l) = parts.next().expect("a batch has a run");
                loss += l;
                for (h, hh, l) in parts {
                    for (a, b) in g.params_mut().zip(h.params()) {
                        *a += b;
                    }
                    for (a, b) in hg.params_mut().zip(hh.params()) {
                        *a += b;
                    }
                    loss += l;
                }
                tokens += batch.iter().map(|r| r.slots.len()).sum::<usize>();
                adam.step(net.params_mut().chain(heads.params_mut()), || {
                    g.params().chain(hg.params())
                });
            }
            done += block.len();
            progress(done, loss / (2 * tokens.max(1)) as f64);
        }
    }
    (net, heads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::ner::clusters::CLUSTERS;
    use crate::analysis::ner::vectors::VECTORS;

    /// A token's mean loss over both directions on `runs`, without
    /// dropout.
    fn loss(net: &Lstm, heads: &Heads, v: &Vectors, runs: &[Run]) -> f64 {
        let (mut g, mut hg) = (net.zeros_like(), Heads::zeros());
        let (mut sum, mut tokens) = (0.0f64, 0);
        for run in runs {
            sum += f64::from(learn_with(net, heads, v, run, 0.0, &mut 0, &mut g, &mut hg));
            tokens += 2 * run.slots.len();
        }
        sum / tokens.max(1) as f64
    }

    /// The runs are the sentences of a line, their tokens' classes the
    /// words' clusters, or those of numbers, punctuation and unknown words.
    #[test]
    fn a_line_is_cut_into_sentences_of_classed_tokens() {
        let runs = runs_of(
            "قال الرئيس إن 25 شخصا قتلوا. وأضاف زيزفونيات!",
            &VECTORS,
            &CLUSTERS,
        );
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0].slots.len(), 7);
        assert_eq!(runs[0].classes[3], NUMBER);
        assert_eq!(runs[0].classes[6], OTHER);
        assert!(runs[0].classes[..3].iter().all(|&c| c < UNKNOWN));
        assert_eq!(runs[1].classes[1], UNKNOWN, "a word the clusters lack");
        let long = "كلمة ".repeat(130);
        let cut: Vec<usize> = runs_of(&long, &VECTORS, &CLUSTERS)
            .iter()
            .map(|r| r.slots.len())
            .collect();
        assert_eq!(cut, [LONGEST, LONGEST, 10]);
    }

    /// The gradient is the slope of the language models' loss, by finite
    /// differences on a few weights of each kind.
    #[test]
    fn the_gradient_is_the_slope_of_the_language_models_loss() {
        let words = ["زيد", "عمرو", "قال"].map(str::to_owned);
        let vals = [0.9, 0.1, 0.0, 0.8, 0.2, 0.0, 0.0, 0.1, 0.9];
        let v = Vectors::from_f32(&words, &vals, 3);
        let run = Run {
            slots: vec![Slot::Word(2), Slot::Word(0), Slot::Unknown, Slot::Other],
            grams: ["قال", "زيد", "شيء", "."].map(grams).to_vec(),
            classes: vec![3, 7, UNKNOWN, OTHER],
        };
        let mut seed = 5;
        let net = Lstm::new(3, &mut seed);
        let heads = Heads::new(&mut seed);
        let (mut g, mut hg) = (net.zeros_like(), Heads::zeros());
        learn_with(&net, &heads, &v, &run, 0.0, &mut 1, &mut g, &mut hg);
        let grads: Vec<f32> = g.params().chain(hg.params()).copied().collect();
        let n = grads.len();
        let at = |net: &Lstm, heads: &Heads| {
            let (mut g, mut hg) = (net.zeros_like(), Heads::zeros());
            learn_with(net, heads, &v, &run, 0.0, &mut 1, &mut g, &mut hg)
        };
        let nets = net.params().count();
        // The input rows of the LSTM and the heads' rows.
        for k in (0..n).step_by(97).filter(|&k| grads[k] != 0.0 || k >= nets) {
            let eps = 1e-2;
            let (mut a, mut ha) = (net.clone(), heads.clone());
            let (mut b, mut hb) = (net.clone(), heads.clone());
            if k < nets {
                *a.params_mut().nth(k).unwrap() += eps;
                *b.params_mut().nth(k).unwrap() -= eps;
            } else {
                *ha.params_mut().nth(k - nets).unwrap() += eps;
                *hb.params_mut().nth(k - nets).unwrap() -= eps;
            }
            let slope = (at(&a, &ha) - at(&b, &hb)) / (2.0 * eps);
            assert!(
                (slope - grads[k]).abs() < 2e-2 * (1.0 + slope.abs()),
                "weight {k}: slope {slope}, gradient {}",
                grads[k]
            );
        }
    }

    /// On text where what follows a word is foretold by it, the language
    /// models learn to foretell it on lines they were not trained on; the
    /// same lines and seed give the same network.
    #[test]
    fn pretraining_learns_what_follows_and_is_deterministic() {
        let (people, verbs, places) = (
            ["محمد", "أحمد", "علي", "خالد"],
            ["سافر", "ذهب", "عاد", "انتقل"],
            ["القاهرة", "بغداد", "دمشق", "تونس"],
        );
        let mut lines = Vec::new();
        for (k, p) in people.iter().enumerate() {
            for (j, v) in verbs.iter().enumerate() {
                let place = places[(k + j) % 4];
                lines.push(format!("{v} {p} إلى {place} في 2019 ."));
            }
        }
        let (train, held): (Vec<&str>, Vec<&str>) = {
            let all: Vec<&str> = lines.iter().map(String::as_str).collect();
            (all[..12].to_vec(), all[12..].to_vec())
        };
        let held: Vec<Run> = held
            .iter()
            .flat_map(|l| runs_of(l, &VECTORS, &CLUSTERS))
            .collect();
        let mut seed = 0x9e37;
        let start = Lstm::new(VECTORS.dim, &mut seed);
        let heads = Heads::new(&mut seed);
        let before = loss(&start, &heads, &VECTORS, &held);
        let (net, heads) = fit(&VECTORS, &CLUSTERS, &train, 80, 0x9e37, |_, _| {});
        let after = loss(&net, &heads, &VECTORS, &held);
        assert!(after < 0.5 * before, "held-out loss {before} -> {after}");
        let again = pretrain(&VECTORS, &CLUSTERS, &train, 80, 0x9e37, |_, _| {});
        assert_eq!(again, net);
    }
}
