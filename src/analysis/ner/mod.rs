//! Actors and places: a structured perceptron over BIO tags, trained in the
//! repository on ANERcorp and AQMAR (`marsad train`), scored by `marsad eval`.
//!
//! The recogniser sees the same tokens as the rest of the analysis (the
//! normalised text cut by [`crate::analysis::tokenize`]). For training, the
//! gold tokens of a corpus sentence are joined by spaces, tokenised the same
//! way, and each of our tokens takes the tag of the gold token it lies in.
//! A recognised span leaves out a proclitic (و ف ب ل ك) when the rest is
//! plainly a word of its own (الولايات after و, a doubled و).

pub mod corpus;
pub mod features;
pub mod frequency;
pub mod gazetteer;
pub mod genre;
pub mod perceptron;

use std::ops::Range;

use corpus::Sentence;
pub use features::Genre;
use features::{TokenInfo, features};
use gazetteer::Gazetteer;
use genre::GenreProfile;
use perceptron::{Perceptron, Trainer};

use super::normalize::fold_key;
use super::tokenize::{TokenKind, readings};
use super::{Mention, MentionType, Text};

/// The model shipped in the binary (see `assets/ner/`).
const EMBEDDED: &[u8] = include_bytes!("../../../assets/ner/model.bin");

pub struct Recognizer {
    /// The weights for news and for encyclopedia text
    /// ([`Perceptron::for_genre`]), in the order of [`Genre::ALL`].
    models: Vec<Perceptron>,
    gazetteer: Gazetteer,
    vocabulary: Vocabulary,
    genres: GenreProfile,
}

/// How often each folded word was outside an entity and inside one in
/// training: an unseen word is more likely a name (Arabic has no capitals).
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    counts: rustc_hash::FxHashMap<String, (u32, u32)>,
}

impl Vocabulary {
    fn from_sentences<'a>(sentences: impl IntoIterator<Item = &'a Sentence>) -> Self {
        let mut v = Vocabulary::default();
        for s in sentences {
            let mut inside = vec![false; s.tokens.len()];
            for (r, _) in &s.entities {
                inside[r.clone()].iter_mut().for_each(|x| *x = true);
            }
            for (tok, &e) in s.tokens.iter().zip(&inside) {
                let c = v
                    .counts
                    .entry(crate::analysis::normalize::fold_key(
                        &crate::analysis::normalize::Normalized::new(tok).text,
                    ))
                    .or_default();
                if e { c.1 += 1 } else { c.0 += 1 }
            }
        }
        v
    }

    /// "unseen", "O" (mostly outside), "E" (mostly inside) or "mixed".
    /// Whether training saw the word mostly outside names (or as often
    /// in as out): such a word is not carried over as a name.
    fn is_common(&self, folded: &str) -> bool {
        matches!(self.class(folded), "O" | "mixed")
    }

    fn class(&self, folded: &str) -> &'static str {
        match self.counts.get(folded) {
            None => "unseen",
            Some(&(o, e)) if o >= 2 * e => "O",
            Some(&(o, e)) if e > o => "E",
            Some(_) => "mixed",
        }
    }

    fn to_text(&self) -> String {
        let mut rows: Vec<_> = self.counts.iter().collect();
        rows.sort();
        rows.iter()
            .map(|(k, (o, e))| format!("{k}\t{o}\t{e}\n"))
            .collect()
    }

    fn from_text(text: &str) -> Self {
        let counts = text
            .lines()
            .filter_map(|l| {
                let mut c = l.split('\t');
                Some((
                    c.next()?.to_owned(),
                    (c.next()?.parse().ok()?, c.next()?.parse().ok()?),
                ))
            })
            .collect();
        Vocabulary { counts }
    }
}

const MAGIC: &[u8; 8] = b"MRSDNER3";

/// A model file: the weights ([`perceptron::save`]), the gazetteer and the
/// vocabulary, each behind its length.
pub fn save_model(
    model: &Perceptron,
    gazetteer: &Gazetteer,
    vocabulary: &Vocabulary,
    genres: &GenreProfile,
) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for part in [
        perceptron::save(model),
        miniz_oxide::deflate::compress_to_vec(gazetteer.to_text().as_bytes(), 6),
        miniz_oxide::deflate::compress_to_vec(vocabulary.to_text().as_bytes(), 6),
        miniz_oxide::deflate::compress_to_vec(genres.to_text().as_bytes(), 6),
    ] {
        out.extend_from_slice(&(part.len() as u32).to_le_bytes());
        out.extend_from_slice(&part);
    }
    out
}

/// The parts [`save_model`] wrote.
fn model_parts(bytes: &[u8]) -> Result<Vec<&[u8]>, String> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err("not a Marsad NER model (retrain with marsad train)".into());
    }
    let mut at = 8;
    let mut parts = Vec::new();
    for _ in 0..4 {
        let n = bytes.get(at..at + 4).ok_or("model file is cut short")?;
        let n = u32::from_le_bytes(n.try_into().unwrap()) as usize;
        parts.push(
            bytes
                .get(at + 4..at + 4 + n)
                .ok_or("model file is cut short")?,
        );
        at += 4 + n;
    }
    Ok(parts)
}

fn inflate_text(part: &[u8]) -> Result<String, String> {
    let raw = miniz_oxide::inflate::decompress_to_vec(part)
        .map_err(|e| format!("damaged model: {e:?}"))?;
    String::from_utf8(raw).map_err(|_| "damaged model text".to_owned())
}

fn tag_type(tag: usize) -> Option<MentionType> {
    match tag {
        1 | 2 => Some(MentionType::Person),
        3 | 4 => Some(MentionType::Organization),
        5 | 6 => Some(MentionType::Place),
        _ => None,
    }
}

fn type_tag(kind: MentionType, begin: bool) -> usize {
    let base = match kind {
        MentionType::Person => 1,
        MentionType::Organization => 3,
        MentionType::Place => 5,
        _ => return 0,
    };
    if begin { base } else { base + 1 }
}

/// Token runs decoded as one sequence: cut at sentence-final punctuation and
/// line ends.
fn segments(t: &Text) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..t.tokens.len() {
        let line_end = i + 1 < t.tokens.len() && {
            let a = t.norm.original(t.tokens[i].norm.end);
            let b = t.norm.original(t.tokens[i + 1].norm.start);
            t.original[a..b].contains('\n')
        };
        let stop =
            t.tokens[i].kind == TokenKind::Punct && matches!(t.key(i), "." | "!" | "?" | "؟");
        if stop || line_end || i + 1 == t.tokens.len() {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// What does not depend on a word's neighbours, kept per distinct word of a
/// document: its forms, its vocabulary class and its stem's, and its
/// frequency classes ([`frequency::classes`]).
type WordMemo = rustc_hash::FxHashMap<String, (TokenInfo, [&'static str; 5])>;

fn token_features(
    t: &Text,
    seg: Range<usize>,
    gaz: &Gazetteer,
    vocab: &Vocabulary,
    memo: &mut WordMemo,
) -> Vec<Vec<u32>> {
    for i in seg.clone() {
        if !memo.contains_key(t.key(i)) {
            let info = TokenInfo::new(t.key(i));
            let [word, stem, article] = frequency::classes(&info.folded, &info.folded_stem);
            let classes = [
                vocab.class(&info.folded),
                vocab.class(&info.folded_stem),
                word,
                stem,
                article,
            ];
            memo.insert(t.key(i).to_owned(), (info, classes));
        }
    }
    let memo = &*memo;
    let (infos, classes): (Vec<&TokenInfo>, Vec<[&'static str; 5]>) = seg
        .clone()
        .map(|i| {
            let (info, classes) = &memo[t.key(i)];
            (info, *classes)
        })
        .unzip();
    let folded: Vec<&str> = infos.iter().map(|i| i.folded.as_str()).collect();
    let reads: Vec<crate::analysis::tokenize::Readings> =
        folded.iter().map(|f| readings(f)).collect();
    let gf = gaz.features_read(
        &folded,
        Some(&reads),
        &[(1, "PER"), (2, "ORG"), (4, "LOC")],
        0,
    );
    let names = gazetteer::PERSON_NAMES.features_read(
        &folded,
        Some(&reads),
        &[(1, "GIVEN"), (2, "SUR")],
        2,
    );
    let places = gazetteer::PLACES.features_read(&folded, Some(&reads), &[(1, "PLACE")], 8);
    let full_names =
        gazetteer::PERSON_FULL_NAMES.features_read(&folded, Some(&reads), &[(1, "FULL")], 22);
    let triggers: Vec<Option<&str>> = reads
        .iter()
        .map(|r| {
            r.iter()
                .find_map(|(_, w)| gazetteer::TRIGGERS.get(*w).copied())
        })
        .collect();
    // The sentence's topic (sport, business), for features that depend on it.
    let topic = reads.iter().flat_map(|r| r.iter()).fold(0u8, |t, (_, w)| {
        t | gazetteer::TOPICS.get(*w).copied().unwrap_or(0)
    });
    let topic_tag = match topic {
        0 => "",
        1 => "S|",
        2 => "B|",
        _ => "SB|",
    };
    let mut extra: Vec<(u8, &str)> = Vec::with_capacity(64);
    (0..infos.len())
        .map(|i| {
            let mut f = Vec::with_capacity(64);
            extra.clear();
            extra.extend(gf[i].iter().chain(&names[i]).copied());
            let [vocab_word, vocab_stem, word, stem, article] = classes[i];
            extra.push((6, vocab_word));
            extra.extend(places[i].iter().chain(&full_names[i]).copied());
            for (off, template) in [(0isize, 10u8), (-1, 11), (-2, 12), (1, 13)] {
                let j = i as isize + off;
                if j >= 0
                    && let Some(Some(class)) = triggers.get(j as usize)
                {
                    extra.push((template, class));
                }
            }
            extra.push((7, vocab_stem));
            // Arabic at large: how common the word and its stem are, and
            // whether the stem is a word that takes the article.
            extra.extend([(14, word), (15, stem)]);
            if !article.is_empty() {
                extra.push((16, article));
            }
            // The names around: «قال محمد ...», «... شياع السوداني».
            if i > 0 {
                extra.extend(
                    names[i - 1]
                        .iter()
                        .filter(|(k, _)| *k == 2)
                        .map(|(_, v)| (4u8, *v)),
                );
            }
            if let Some(next) = names.get(i + 1) {
                extra.extend(next.iter().filter(|(k, _)| *k == 2).map(|(_, v)| (5u8, *v)));
            }
            // In a sentence on sport or business, the same evidence may
            // mean another type: each template is doubled per topic.
            if topic != 0 {
                extra.push((20, topic_tag));
                for k in 0..extra.len() {
                    let (template, value) = extra[k];
                    if matches!(template, 0 | 2 | 3 | 6 | 7 | 8) {
                        extra.push((100 + template * 4 + topic, value));
                    }
                }
                extra.push((40 + topic, infos[i].shape));
            }
            features(&infos, i, &extra, &mut f);
            f
        })
        .collect()
}

/// Bytes of a proclitic to leave out of an entity that starts with `key`.
fn entity_proclitic(key: &str) -> usize {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < 4 || !matches!(chars[0], 'و' | 'ف' | 'ب' | 'ل' | 'ك') {
        return 0;
    }
    // و + ال..., ب + ال..., or a doubled letter (وواشنطن, ووزارة).
    let rest = &key[chars[0].len_utf8()..];
    let conj = matches!(chars[0], 'و' | 'ف');
    if rest.starts_with("ال") && chars.len() >= 5 && chars[0] != 'ل' {
        return chars[0].len_utf8();
    }
    if conj && matches!(chars[1], 'و' | 'ب' | 'ل') && chars.len() >= 5 {
        // وبال..., ولل...: conjunction then preposition.
        if rest[chars[1].len_utf8()..].starts_with("ال") {
            return chars[0].len_utf8() + chars[1].len_utf8();
        }
        if chars[1] == 'و' {
            return chars[0].len_utf8();
        }
    }
    if chars[0] == 'ل' && chars[1] == 'ل' && chars.len() >= 5 {
        // للقوات: ل + (ا)لقوات; the span starts at the second ل.
        return chars[0].len_utf8();
    }
    0
}

impl Recognizer {
    /// The model compiled into the binary.
    pub fn embedded() -> Result<Self, String> {
        Self::from_bytes(EMBEDDED)
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, String> {
        let parts = model_parts(bytes)?;
        Ok(Recognizer {
            models: {
                let raw = perceptron::load(parts[0])?;
                Genre::ALL.iter().map(|g| raw.for_genre(*g)).collect()
            },
            gazetteer: Gazetteer::from_text(&inflate_text(parts[1])?)?,
            vocabulary: Vocabulary::from_text(&inflate_text(parts[2])?),
            genres: GenreProfile::from_text(&inflate_text(parts[3])?),
        })
    }

    /// Actors and places in `t`, skipping tokens already `taken`.
    /// Actors and places in `t` as Marsad marks them: an organisation's
    /// name includes its head noun («وزارة الدفاع الأميركية», as the sample's
    /// gold has it), where ANERcorp leaves «وزارة» outside.
    pub fn find(&self, t: &Text, taken: &[bool]) -> Vec<Mention> {
        self.find_with(t, taken, true, self.genre_of(t))
    }

    /// [`Recognizer::find`] that tells `observe` the share of the text done
    /// (0 to 1) as it goes, and stops (`None`) when `observe` says false.
    pub fn find_observed(
        &self,
        t: &Text,
        taken: &[bool],
        observe: &mut dyn FnMut(f32) -> bool,
    ) -> Option<Vec<Mention>> {
        self.find_inner(t, taken, true, self.genre_of(t), observe)
    }

    /// The genre `t` reads like, from its words.
    pub fn genre_of(&self, t: &Text) -> Genre {
        let words: Vec<String> = (0..t.tokens.len())
            .filter(|&i| t.is_word(i))
            .take(5000)
            .map(|i| fold_key(t.key(i)))
            .collect();
        self.genres.genre_of(words.iter().map(String::as_str))
    }

    /// With `heads` false, the corpora's own convention (what `eval` scores);
    /// `genre` says what kind of text `t` is.
    pub fn find_with(&self, t: &Text, taken: &[bool], heads: bool, genre: Genre) -> Vec<Mention> {
        self.find_inner(t, taken, heads, genre, &mut |_| true)
            .unwrap_or_default()
    }

    fn find_inner(
        &self,
        t: &Text,
        taken: &[bool],
        heads: bool,
        genre: Genre,
        observe: &mut dyn FnMut(f32) -> bool,
    ) -> Option<Vec<Mention>> {
        let model = &self.models[Genre::ALL.iter().position(|g| *g == genre).unwrap_or(0)];
        // (first token, last token, type) of each recognised entity.
        let mut spans: Vec<(usize, usize, MentionType)> = Vec::new();
        let mut memo = WordMemo::default();
        let total = t.tokens.len().max(1) as f32;
        for (n, seg) in segments(t).into_iter().enumerate() {
            if n % 64 == 0 && !observe(seg.start as f32 / total) {
                return None;
            }
            let feats =
                token_features(t, seg.clone(), &self.gazetteer, &self.vocabulary, &mut memo);
            let tags = model.decode(&feats);
            let mut i = 0;
            while i < tags.len() {
                let Some(kind) = tag_type(tags[i]) else {
                    i += 1;
                    continue;
                };
                let mut j = i + 1;
                while j < tags.len() && tags[j] == type_tag(kind, false) {
                    j += 1;
                }
                let (first, last) = (seg.start + i, seg.start + j - 1);
                if !(first..=last).any(|k| taken[k]) {
                    spans.push((first, last, kind));
                }
                i = j;
            }
        }
        // Each token's folded key (empty for a token that is not a word).
        let folded: Vec<&str> = (0..t.tokens.len())
            .map(|i| match memo.get(t.key(i)) {
                Some((info, _)) if t.is_word(i) => info.folded.as_str(),
                _ => "",
            })
            .collect();
        self.tidy_people(&folded, &mut spans);
        if heads {
            self.organisation_heads(t, taken, &mut spans);
        }
        self.consistent(t, taken, &folded, &mut spans);
        Some(
            spans
                .into_iter()
                .map(|(first, last, kind)| Mention {
                    range: t.span(first, self.proclitic(t.key(first)), last),
                    kind,
                    norm: None,
                })
                .collect(),
        )
    }

    /// People's names as the tagger ran them together or on: two names
    /// joined by «و» are two people («سولانا ولاريجاني»), and a name does not
    /// end in a preposition with the article («... بالميدالية»).
    /// `folded` holds each token's folded key.
    fn tidy_people(&self, folded: &[&str], spans: &mut Vec<(usize, usize, MentionType)>) {
        let name = |f: &str| gazetteer::PERSON_NAMES.contains(f);
        let mut out = Vec::with_capacity(spans.len());
        for &(first, mut last, kind) in spans.iter() {
            if kind != MentionType::Person {
                out.push((first, last, kind));
                continue;
            }
            while last > first {
                let f = folded[last];
                let prepositional = ["بال", "فال", "كال", "وال", "لل"]
                    .iter()
                    .any(|p| f.starts_with(p))
                    && f.chars().count() > 4;
                if prepositional && !name(f) && self.vocabulary.class(f) != "E" {
                    last -= 1;
                } else {
                    break;
                }
            }
            let mut start = first;
            for (j, f) in folded.iter().enumerate().take(last + 1).skip(first + 1) {
                let Some(rest) = f.strip_prefix('و') else {
                    continue;
                };
                let joined = rest.chars().count() >= 3
                    && !name(f)
                    && (name(rest) || self.vocabulary.class(f) == "unseen");
                if joined {
                    out.push((start, j - 1, kind));
                    start = j;
                }
            }
            out.push((start, last, kind));
        }
        *spans = out;
    }

    /// Bytes of a proclitic to leave out: by form ([`entity_proclitic`]), or
    /// because the rest is a name the gazetteer or the place list knows
    /// (وسوريا -> سوريا).
    fn proclitic(&self, key: &str) -> usize {
        let by_form = entity_proclitic(key);
        if by_form > 0 || !key.starts_with(['و', 'ف', 'ب', 'ل', 'ك']) || key.chars().count() < 4
        {
            return by_form;
        }
        let known = |k: &str| {
            let f = fold_key(k);
            self.gazetteer.contains(&f) || gazetteer::PLACES.contains(&f)
        };
        // The corpora sometimes tag the clitic with the name (وسوريا), so
        // only a real place's own first letter is kept (كندا, واشنطن).
        let rest = &key['و'.len_utf8()..];
        if known(rest) && !gazetteer::PLACES.contains(&fold_key(key)) {
            'و'.len_utf8()
        } else {
            0
        }
    }

    /// Organisation names built on a head noun (reference: the issue's
    /// patterns): «وزارة الدفاع الأميركية», «الحكومة العراقية», «تنظيم الدولة
    /// الإسلامية», «حركة حماس», «تنظيم داعش». The head is followed by up to
    /// three definite words that include a nisba adjective, or by a name the
    /// model recognised, or by one word never seen in training.
    fn organisation_heads(
        &self,
        t: &Text,
        taken: &[bool],
        spans: &mut Vec<(usize, usize, MentionType)>,
    ) {
        const HEADS: &[&str] = &[
            "وزاره",
            "حركه",
            "تنظيم",
            "صحيفه",
            "وكاله",
            "حزب",
            "جبهه",
            "حكومه",
            "جماعه",
        ];
        const NOT_NAMES: &[&str] = &[
            "الذي",
            "التي",
            "الذين",
            "اللذين",
            "اللتين",
            "اللاتي",
            "اللواتي",
            "الان",
            "اليوم",
            "الاخري",
            "الاخر",
        ];
        let mut in_span = vec![false; t.tokens.len()];
        for s in spans.iter() {
            in_span[s.0..=s.1].iter_mut().for_each(|c| *c = true);
        }
        let starts: rustc_hash::FxHashMap<usize, usize> =
            spans.iter().enumerate().map(|(k, s)| (s.0, k)).collect();
        let mut dead = vec![false; spans.len()];
        let mut added = Vec::new();
        let mut i = 0;
        while i < t.tokens.len() {
            let head = t.is_word(i)
                && !taken[i]
                && !in_span[i]
                && readings(t.key(i)).iter().any(|(_, w)| {
                    let w = fold_key(w);
                    HEADS.contains(&w.as_str())
                        || w.strip_prefix("ال").is_some_and(|r| HEADS.contains(&r))
                });
            if !head {
                i += 1;
                continue;
            }
            let next = i + 1;
            let free = |k: usize| k < t.tokens.len() && !taken[k] && t.is_word(k);
            let mut end = None;
            // A recognised name right after the head: the head joins it.
            if let Some(&pos) = starts.get(&next)
                && !dead[pos]
                && spans[pos].2 != MentionType::Person
            {
                end = Some(spans[pos].1);
                dead[pos] = true;
            } else {
                let mut run = Vec::new();
                let mut k = next;
                while free(k) && run.len() < 3 && !in_span[k] {
                    let key = fold_key(t.key(k));
                    if !key.starts_with("ال")
                        || NOT_NAMES.contains(&key.as_str())
                        || key.chars().count() < 4
                    {
                        break;
                    }
                    run.push(key);
                    k += 1;
                }
                let nisba = run
                    .iter()
                    .any(|w| w.ends_with("يه") || (w.ends_with('ي') && w.chars().count() > 5));
                let group_head = readings(t.key(i))
                    .iter()
                    .any(|(_, w)| matches!(*w, "تنظيم" | "حركه" | "جماعه"));
                if nisba {
                    end = Some(next + run.len() - 1);
                } else if group_head
                    && free(next)
                    && !t.key(next).starts_with("ال")
                    && self.vocabulary.class(&fold_key(t.key(next))) == "unseen"
                {
                    // «تنظيم داعش»: a group's name the corpora never saw.
                    end = Some(next);
                }
            }
            match end {
                Some(e) => {
                    // The run held no other name (only unclaimed tokens).
                    added.push((i, e, MentionType::Organization));
                    in_span[i..=e].iter_mut().for_each(|c| *c = true);
                    i = e + 1;
                }
                None => i += 1,
            }
        }
        let mut n = 0;
        spans.retain(|_| {
            n += 1;
            !dead[n - 1]
        });
        spans.extend(added);
        spans.sort_by_key(|s| s.0);
    }

    /// Document consistency: a name recognised once is the same entity
    /// where it appears again (also after proclitics), and a person's last
    /// name alone is that person.
    /// `folded` holds each token's folded key (empty for a token that is
    /// not a word).
    fn consistent(
        &self,
        t: &Text,
        taken: &[bool],
        folded: &[&str],
        spans: &mut Vec<(usize, usize, MentionType)>,
    ) {
        let key_of = |first: usize, last: usize| -> String {
            let skip = self.proclitic(t.key(first));
            let mut k = fold_key(&t.key(first)[skip..]);
            for i in first + 1..=last {
                k.push(' ');
                k.push_str(&fold_key(t.key(i)));
            }
            k
        };
        let mut known: rustc_hash::FxHashMap<String, MentionType> =
            rustc_hash::FxHashMap::default();
        // One type per name in a document: the one it was given most often.
        let keys: Vec<String> = spans.iter().map(|&(f, l, _)| key_of(f, l)).collect();
        let mut votes: rustc_hash::FxHashMap<&str, [usize; 3]> = rustc_hash::FxHashMap::default();
        let slot = |k: MentionType| match k {
            MentionType::Person => 0,
            MentionType::Organization => 1,
            _ => 2,
        };
        for (key, &(_, _, kind)) in keys.iter().zip(spans.iter()) {
            votes.entry(key).or_default()[slot(kind)] += 1;
        }
        for (key, span) in keys.iter().zip(spans.iter_mut()) {
            let v = votes[key.as_str()];
            let best = (0..3)
                .max_by_key(|&i| (v[i], i == slot(span.2)))
                .unwrap_or(0);
            if v[best] > v[slot(span.2)] {
                span.2 = [
                    MentionType::Person,
                    MentionType::Organization,
                    MentionType::Place,
                ][best];
            }
        }
        for (key, &(first, last, kind)) in keys.iter().zip(spans.iter()) {
            known.entry(key.clone()).or_insert(kind);
            // A surname after the full name; not the second half of a
            // compound given name (عبد الله, صلاح الدين).
            let compound = |k: &str| {
                matches!(
                    k,
                    "الله"
                        | "الدين"
                        | "الرحمن"
                        | "العزيز"
                        | "الكريم"
                        | "الرحيم"
                        | "الحق"
                        | "النبي"
                )
            };
            if kind == MentionType::Person
                && last > first
                && t.key(last).chars().count() >= 3
                && !compound(&fold_key(t.key(last)))
            {
                known.entry(fold_key(t.key(last))).or_insert(kind);
            }
        }
        // Only names are carried over: not words that training mostly saw
        // outside names (a «الرئيس» tagged once, «الدين» of «صلاح الدين»).
        known.retain(|k, _| !k.split(' ').all(|w| self.vocabulary.is_common(w)));
        if known.is_empty() {
            return;
        }
        // A name cut short where the article also has it whole
        // («الواشنطن» where «الواشنطن بوست» was seen) is extended.
        for k in 0..spans.len() {
            let (first, last, _) = spans[k];
            let next_start = spans.get(k + 1).map_or(t.tokens.len(), |s| s.0);
            for n in (last - first + 2..=4).rev() {
                let end = first + n - 1;
                if end >= next_start || (last + 1..=end).any(|j| taken[j] || !t.is_word(j)) {
                    continue;
                }
                if let Some(&whole) = known.get(&key_of(first, end)) {
                    spans[k] = (first, end, whole);
                    break;
                }
            }
        }
        let mut covered = taken.to_vec();
        for &(first, last, _) in spans.iter() {
            covered[first..=last].iter_mut().for_each(|c| *c = true);
        }
        let firsts: rustc_hash::FxHashSet<&str> = known
            .keys()
            .map(|k| k.split(' ').next().unwrap_or(k))
            .collect();
        let mut i = 0;
        while i < t.tokens.len() {
            if covered[i] || !t.is_word(i) {
                i += 1;
                continue;
            }
            let mut found = None;
            'readings: for (_, w) in readings(folded[i]) {
                if !firsts.contains(w) || w.chars().count() < 3 {
                    continue;
                }
                for n in (1..=4).rev() {
                    let last = i + n - 1;
                    if last >= t.tokens.len() || covered[i..=last].iter().any(|c| *c) {
                        continue;
                    }
                    let mut k = w.to_owned();
                    for f in &folded[i + 1..=last] {
                        k.push(' ');
                        k.push_str(f);
                    }
                    if let Some(&kind) = known.get(&k)
                        && !folded[i..=last]
                            .iter()
                            .all(|f| self.vocabulary.is_common(f))
                    {
                        found = Some((last, kind));
                        break 'readings;
                    }
                }
            }
            match found {
                Some((last, kind)) => {
                    spans.push((i, last, kind));
                    covered[i..=last].iter_mut().for_each(|c| *c = true);
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        spans.sort_by_key(|s| s.0);
    }
}

/// Our tokens of a gold sentence, with the gold tag each takes.
fn aligned(s: &Sentence) -> (String, Vec<usize>) {
    let text = s.text();
    let ranges = s.token_ranges();
    let t = Text::new(&text);
    let mut gold_tag = vec![0usize; s.tokens.len()];
    let mut begins = vec![false; s.tokens.len()];
    for (r, kind) in &s.entities {
        for k in r.clone() {
            gold_tag[k] = type_tag(*kind, false);
        }
        gold_tag[r.start] = type_tag(*kind, true);
        begins[r.start] = true;
    }
    let mut tags = Vec::with_capacity(t.tokens.len());
    let mut seen = vec![false; s.tokens.len()];
    for tok in &t.tokens {
        let start = t.norm.original(tok.norm.start);
        let g = ranges
            .partition_point(|r| r.end <= start)
            .min(s.tokens.len() - 1);
        let mut tag = gold_tag[g];
        if tag != 0 && seen[g] && tag % 2 == 1 {
            tag += 1; // the second of our tokens in a B token continues it
        }
        seen[g] = true;
        tags.push(tag);
    }
    (text, tags)
}

/// Folds for the jackknifed gazetteer.
const FOLDS: usize = 5;

/// Trains on `sentences` for `epochs`, in a fixed order (deterministic).
/// Returns the model file's bytes ([`save_model`]).
/// Trains on `news` and `encyclopedia` sentences (each feature has a
/// shared weight and one per genre, see [`Genre`]) and returns the model
/// file's bytes.
pub fn train(
    news: &[Sentence],
    encyclopedia: &[Sentence],
    epochs: usize,
    mut progress: impl FnMut(usize, usize),
) -> Vec<u8> {
    let sentences: Vec<Sentence> = news.iter().chain(encyclopedia).cloned().collect();
    let sentences = &sentences[..];
    let genre = |i: usize| {
        if i < news.len() {
            Genre::News
        } else {
            Genre::Encyclopedia
        }
    };
    let others = |k: usize| {
        sentences
            .iter()
            .enumerate()
            .filter(move |(i, _)| i % FOLDS != k)
            .map(|(_, s)| s)
    };
    let folds: Vec<(Gazetteer, Vocabulary)> = (0..FOLDS)
        .map(|k| {
            (
                Gazetteer::from_sentences(others(k)),
                Vocabulary::from_sentences(others(k)),
            )
        })
        .collect();
    let examples: Vec<(Vec<Vec<u32>>, Vec<usize>)> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !s.tokens.is_empty())
        .map(|(i, s)| {
            let (text, tags) = aligned(s);
            let t = Text::new(&text);
            let (g, v) = &folds[i % FOLDS];
            let mut memo = WordMemo::default();
            let mut f = token_features(&t, 0..t.tokens.len(), g, v, &mut memo);
            genre(i).add_copies(&mut f);
            (f, tags)
        })
        .filter(|(f, _)| !f.is_empty())
        .collect();

    let mut trainer = Trainer::default();
    // A fixed pseudo-random order per epoch (linear congruential).
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut seed: u64 = 0x5eed;
    for epoch in 0..epochs {
        for k in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(k, (seed >> 33) as usize % (k + 1));
        }
        let mut wrong = 0;
        for &e in &order {
            let (f, g) = &examples[e];
            wrong += usize::from(trainer.learn(f, g));
        }
        progress(epoch, wrong);
    }
    let model = trainer.averaged();
    save_model(
        &model,
        &Gazetteer::from_sentences(sentences),
        &Vocabulary::from_sentences(sentences),
        &GenreProfile::from_sentences(news, encyclopedia),
    )
}

/// Per-type counts as conlleval makes them: exact entity matches.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores the recogniser on gold sentences fed as raw text; predicted
/// spans are mapped back to the gold tokens they touch.
pub fn evaluate(rec: &Recognizer, sentences: &[Sentence]) -> Vec<(MentionType, Counts)> {
    evaluate_as(rec, sentences, Context::Document, None, None)
}

/// An entity the recogniser got wrong: a gold one it missed, or one it
/// found that the gold lacks (type, tokens).
#[derive(Clone, Debug, PartialEq)]
pub enum Miss {
    Missed(MentionType, String),
    Spurious(MentionType, String),
}

/// What the recogniser sees at once when scored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Context {
    /// The file as one document, a sentence per line, as a reader opens an
    /// article: names found in one sentence are looked for in the others.
    Document,
    /// Each sentence alone.
    Sentence,
}

/// Entity-level scores against gold `sentences`, as conlleval counts them.
/// With `misses`, also lists what was missed and what was found wrongly.
pub fn evaluate_as(
    rec: &Recognizer,
    sentences: &[Sentence],
    context: Context,
    genre: Option<Genre>,
    mut misses: Option<&mut Vec<Miss>>,
) -> Vec<(MentionType, Counts)> {
    let genre = genre.unwrap_or_else(|| genre_of_sentences(rec, sentences));
    let kinds = [
        MentionType::Person,
        MentionType::Organization,
        MentionType::Place,
    ];
    let groups: Vec<&[Sentence]> = match context {
        Context::Document => vec![sentences],
        Context::Sentence => sentences.chunks(1).collect(),
    };
    let mut counts = [Counts::default(); 3];
    for group in groups {
        // The sentences' texts one per line, and where each starts.
        let mut text = String::new();
        let mut starts = Vec::with_capacity(group.len());
        for s in group {
            starts.push(text.len());
            text.push_str(&s.text());
            text.push('\n');
        }
        let t = Text::new(&text);
        let taken = vec![false; t.tokens.len()];
        let mut predicted: Vec<Vec<(Range<usize>, MentionType)>> = vec![Vec::new(); group.len()];
        for m in rec.find_with(&t, &taken, false, genre) {
            let k = starts.partition_point(|&b| b <= m.range.start) - 1;
            let ranges = group[k].token_ranges();
            let (start, end) = (m.range.start - starts[k], m.range.end - starts[k]);
            let a = ranges.partition_point(|r| r.end <= start);
            let b = ranges.partition_point(|r| r.start < end);
            predicted[k].push((a..b.max(a + 1), m.kind));
        }
        for (s, predicted) in group.iter().zip(&predicted) {
            for (k, kind) in kinds.iter().enumerate() {
                let g: Vec<&Range<usize>> = s
                    .entities
                    .iter()
                    .filter(|e| e.1 == *kind)
                    .map(|e| &e.0)
                    .collect();
                let p: Vec<&Range<usize>> = predicted
                    .iter()
                    .filter(|e| e.1 == *kind)
                    .map(|e| &e.0)
                    .collect();
                let tp = p.iter().filter(|r| g.contains(r)).count();
                if let Some(misses) = misses.as_deref_mut() {
                    let words = |r: &Range<usize>| s.tokens[r.clone()].join(" ");
                    misses.extend(
                        g.iter()
                            .filter(|r| !p.contains(r))
                            .map(|r| Miss::Missed(*kind, words(r))),
                    );
                    misses.extend(
                        p.iter()
                            .filter(|r| !g.contains(r))
                            .map(|r| Miss::Spurious(*kind, words(r))),
                    );
                }
                counts[k].tp += tp;
                counts[k].fp += p.len() - tp;
                counts[k].fn_ += g.len() - tp;
            }
        }
    }
    kinds.into_iter().zip(counts).collect()
}

/// ANERcorp's train file in six sequential parts of about equal tokens
/// (cut as [`split_last_sixth`] cuts: the last part is its held-out sixth).
pub fn split_sixths(sentences: &[Sentence]) -> Vec<&[Sentence]> {
    let total: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut parts = Vec::with_capacity(6);
    let (mut start, mut seen) = (0, 0);
    for (i, s) in sentences.iter().enumerate() {
        seen += s.tokens.len();
        // The sentence that crosses a sixth starts the next part.
        if seen * 6 > total * (parts.len() + 1) && parts.len() < 5 {
            parts.push(&sentences[start..i]);
            start = i;
        }
    }
    parts.push(&sentences[start..]);
    parts
}

/// Micro counts over all types.
pub fn micro(scores: &[(MentionType, Counts)]) -> Counts {
    scores.iter().fold(Counts::default(), |a, (_, c)| Counts {
        tp: a.tp + c.tp,
        fp: a.fp + c.fp,
        fn_: a.fn_ + c.fn_,
    })
}

/// The genre gold `sentences` read like, all together.
pub fn genre_of_sentences(rec: &Recognizer, sentences: &[Sentence]) -> Genre {
    let text: String = sentences
        .iter()
        .take(400)
        .map(|s| s.text() + "\n")
        .collect();
    rec.genre_of(&Text::new(&text))
}

/// Splits ANERcorp's train file sequentially: the sentences holding the first
/// five sixths of the tokens, and the rest.
pub fn split_last_sixth(sentences: &[Sentence]) -> (&[Sentence], &[Sentence]) {
    let total: usize = sentences.iter().map(|s| s.tokens.len()).sum();
    let mut seen = 0;
    let cut = sentences
        .iter()
        .position(|s| {
            seen += s.tokens.len();
            seen * 6 > total * 5
        })
        .unwrap_or(sentences.len());
    sentences.split_at(cut)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proclitics_left_out_of_entities() {
        assert_eq!(entity_proclitic("والولايات"), "و".len());
        assert_eq!(entity_proclitic("وواشنطن"), "و".len());
        assert_eq!(entity_proclitic("وزاره"), 0);
        assert_eq!(entity_proclitic("بغداد"), 0);
        assert_eq!(entity_proclitic("بالعراق"), "ب".len());
        assert_eq!(entity_proclitic("للقوات"), "ل".len());
        assert_eq!(entity_proclitic("وبالعراق"), "وب".len());
    }

    #[test]
    fn six_sequential_parts_end_with_the_held_out_sixth() {
        let corpus = include_str!("../../../tests/fixtures/anercorp-heldout-sample.txt");
        let sentences = corpus::parse(corpus).unwrap();
        let parts = split_sixths(&sentences);
        assert_eq!(parts.len(), 6);
        assert_eq!(
            parts.iter().map(|p| p.len()).sum::<usize>(),
            sentences.len()
        );
        assert!(parts.iter().all(|p| !p.is_empty()));
        assert_eq!(parts[5], split_last_sixth(&sentences).1);
    }

    #[test]
    fn gold_tags_follow_our_tokens() {
        let s = corpus::parse("(د O\nقال O\nمحمد B-PERS\nعلي I-PERS\n").unwrap();
        let (text, tags) = aligned(&s[0]);
        assert_eq!(text, "(د قال محمد علي");
        assert_eq!(tags, [0, 0, 0, 1, 2]);
    }
}

#[cfg(test)]
mod training_tests {
    use super::*;

    #[test]
    fn training_is_deterministic_and_learns() {
        // Enough sentences that each of the five jackknife folds sees the
        // common words outside names.
        let text = [
            "قال محمد/B-PERS علي/I-PERS في بغداد/B-LOC .",
            "وصل محمد/B-PERS إلى بغداد/B-LOC .",
            "عاد سمير/B-PERS إلى دمشق/B-LOC في المساء .",
            "قال سمير/B-PERS إن الوفد وصل إلى دمشق/B-LOC .",
            "وصل الوفد إلى بغداد/B-LOC في الصباح .",
            "قال علي/B-PERS إن الوفد عاد .",
        ]
        .map(|s| {
            s.split(' ')
                .map(|w| match w.split_once('/') {
                    Some((w, tag)) => format!("{w} {tag}\n"),
                    None => format!("{w} O\n"),
                })
                .collect::<String>()
        })
        .join("\n");
        let s = corpus::parse(&text).unwrap();
        let a = train(&s, &[], 10, |_, _| {});
        let b = train(&s, &[], 10, |_, _| {});
        assert_eq!(a, b, "same data, same model");
        let rec = Recognizer::from_bytes(&a).unwrap();
        let scores = evaluate(&rec, &s);
        assert!(scores.iter().all(|(_, c)| c.fn_ == 0), "{scores:?}");
    }
}

#[cfg(test)]
mod model_tests {
    use super::*;

    /// The folded keys of the tokens of `t`.
    fn folded(t: &Text) -> Vec<String> {
        (0..t.tokens.len()).map(|i| fold_key(t.key(i))).collect()
    }

    fn texts(t: &Text, spans: &[(usize, usize, MentionType)]) -> Vec<(String, MentionType)> {
        spans
            .iter()
            .map(|&(f, l, k)| {
                let keys: Vec<&str> = (f..=l).map(|i| t.key(i)).collect();
                (keys.join(" "), k)
            })
            .collect()
    }

    #[test]
    fn two_people_joined_by_wa_are_two_people() {
        let rec = Recognizer::embedded().unwrap();
        let t = Text::new("التقى سولانا ولاريجاني أمس");
        let mut spans = vec![(1, 2, MentionType::Person)];
        let f = folded(&t);
        rec.tidy_people(
            &f.iter().map(String::as_str).collect::<Vec<_>>(),
            &mut spans,
        );
        assert_eq!(
            texts(&t, &spans),
            [
                ("سولانا".to_owned(), MentionType::Person),
                ("ولاريجاني".to_owned(), MentionType::Person)
            ]
        );
        // A name that starts with و stays whole.
        let t = Text::new("قال محمد وليد");
        let mut spans = vec![(1, 2, MentionType::Person)];
        let f = folded(&t);
        rec.tidy_people(
            &f.iter().map(String::as_str).collect::<Vec<_>>(),
            &mut spans,
        );
        assert_eq!(spans, [(1, 2, MentionType::Person)]);
    }

    #[test]
    fn a_name_does_not_end_in_a_preposition_with_the_article() {
        let rec = Recognizer::embedded().unwrap();
        let t = Text::new("فاز محمد عبد الفتاح بالميدالية");
        let mut spans = vec![(1, 4, MentionType::Person)];
        let f = folded(&t);
        rec.tidy_people(
            &f.iter().map(String::as_str).collect::<Vec<_>>(),
            &mut spans,
        );
        assert_eq!(spans, [(1, 3, MentionType::Person)]);
    }

    #[test]
    fn a_name_keeps_the_type_it_was_given_most_often() {
        let rec = Recognizer::embedded().unwrap();
        let t = Text::new("فاز برشلونة . خسر برشلونة . هزم برشلونة .");
        let mut spans = vec![
            (1, 1, MentionType::Organization),
            (4, 4, MentionType::Place),
            (7, 7, MentionType::Organization),
        ];
        let f = folded(&t);
        let f: Vec<&str> = f.iter().map(String::as_str).collect();
        rec.consistent(&t, &[false; 9], &f, &mut spans);
        assert!(
            spans.iter().all(|s| s.2 == MentionType::Organization),
            "{spans:?}"
        );
    }

    #[test]
    fn known_names_lose_their_conjunction() {
        let rec = Recognizer::embedded().unwrap();
        assert!(gazetteer::PLACES.contains("سوريا"));
        assert_eq!(rec.proclitic("وسوريا"), "و".len());
        assert_eq!(rec.proclitic("وزاره"), 0);
    }
}
