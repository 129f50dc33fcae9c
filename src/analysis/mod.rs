//! Reading an article: actors, places, numbers and dates with normalised
//! values, grouped into entities and laid on a timeline ([`article`] runs
//! it all for a document).
//!
//! The original text is normalised once into a matching key with an offset
//! map ([`normalize`]); the key is cut into tokens ([`tokenize`]) and
//! sentences ([`sentences`]); matchers run over the tokens: [`dates`] first
//! (numbers inside a date belong to it), then [`numbers`] on what is left.
//! Every mention is a byte range of the original text; proclitics (و ف ب ل ك)
//! stay outside it, the article ال inside.

pub mod article;
pub mod calendar;
pub mod dates;
pub mod describe;
pub mod doc_date;
pub mod edits;
pub mod entities;
pub mod lexicon;
pub mod loose;
pub mod ner;
pub mod normalize;
pub mod numbers;
pub mod quoted;
pub mod reanchor;
pub mod sentences;
pub mod timeline;
pub mod tokenize;

use std::ops::Range;

use normalize::Normalized;
use tokenize::Token;

/// The five kinds of mention.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum MentionType {
    Person,
    Organization,
    Place,
    Number,
    Date,
}

impl MentionType {
    pub const ALL: [MentionType; 5] = [
        MentionType::Person,
        MentionType::Organization,
        MentionType::Place,
        MentionType::Number,
        MentionType::Date,
    ];

    pub fn name(self) -> &'static str {
        match self {
            MentionType::Person => "PERSON",
            MentionType::Organization => "ORGANIZATION",
            MentionType::Place => "PLACE",
            MentionType::Number => "NUMBER",
            MentionType::Date => "DATE",
        }
    }
}

/// The value of a number: exact, a range or a bound; approximate when
/// hedged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NumberValue {
    pub value: Option<f64>,
    /// With `max`, a range that holds both bounds; alone, a bound: more
    /// than it, or at least it when `inclusive`.
    pub min: Option<f64>,
    /// With `min`, a range; alone, less than it, or at most it when
    /// `inclusive`.
    pub max: Option<f64>,
    pub approximate: bool,
    /// A lone bound holds itself: «12 شخصا على الأقل» is at least 12,
    /// «أكثر من 12» more than 12. (A range's bounds always do.)
    pub inclusive: bool,
    /// The counted noun or `%`.
    pub unit: Option<String>,
}

/// TIMEX3 kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexKind {
    pub fn name(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// A normalised time expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Timex {
    pub value: String,
    pub kind: TimexKind,
    /// START, MID, END, APPROX, …
    pub modifier: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Norm {
    Number(NumberValue),
    Date(Timex),
}

/// A mention: a byte range of the original text, its type and value.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub range: Range<usize>,
    pub kind: MentionType,
    pub norm: Option<Norm>,
}

/// The date relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocDate {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl DocDate {
    /// Parses `YYYY-MM-DD` or `YYYY-MM`.
    pub fn parse(s: &str) -> Option<DocDate> {
        let mut parts = s.trim().split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: Option<u32> = match parts.next() {
            Some(d) => Some(d.parse().ok()?),
            None => None,
        };
        if parts.next().is_some() || !(1..=12).contains(&month) || !(1..=9999).contains(&year) {
            return None;
        }
        if let Some(d) = day
            && !(1..=calendar::days_in_month(year, month)).contains(&d)
        {
            return None;
        }
        Some(DocDate { year, month, day })
    }

    pub fn to_timex(self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{:02}", self.year, self.month, d),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}

/// Shared view of a text for the matchers.
pub struct Text<'a> {
    pub original: &'a str,
    pub norm: Normalized,
    pub tokens: Vec<Token>,
    /// Where each token's [`tokenize::readings`] start, made for every
    /// token the first time one is asked for ([`Text::readings`]): the date
    /// matchers ask for the same tokens' readings many times each.
    reading_starts: std::sync::OnceLock<Vec<tokenize::ReadingStarts>>,
}

impl<'a> Text<'a> {
    pub fn new(original: &'a str) -> Self {
        let norm = Normalized::new(original);
        let tokens = tokenize::tokenize(&norm);
        Text {
            original,
            norm,
            tokens,
            reading_starts: Default::default(),
        }
    }

    /// The ways to read token `i` as proclitics + stem
    /// ([`tokenize::readings`] of its key).
    pub fn readings(&self, i: usize) -> tokenize::Readings<'_> {
        match self.all_reading_starts().get(i) {
            Some(starts) => tokenize::readings_from(self.key(i), starts),
            None => tokenize::readings(""),
        }
    }

    /// Where the stems of token `i`'s [`Text::readings`] start, without
    /// making them (none past the last token).
    pub fn reading_starts(&self, i: usize) -> &[u8] {
        self.all_reading_starts()
            .get(i)
            .map_or(&[], |starts| starts.as_slice())
    }

    fn all_reading_starts(&self) -> &[tokenize::ReadingStarts] {
        self.reading_starts.get_or_init(|| {
            (0..self.tokens.len())
                .map(|j| tokenize::reading_starts(self.key(j)))
                .collect()
        })
    }

    /// The key of token `i`.
    pub fn key(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| &self.norm.text[t.norm()])
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == tokenize::TokenKind::Word)
    }

    /// Whether a line ends between tokens `i` and `i + 1` (false for the
    /// last token). Normalising keeps every line feed and makes none, so
    /// the gap holds one in the normalised text when it does in the
    /// original.
    pub fn line_ends_after(&self, i: usize) -> bool {
        match (self.tokens.get(i), self.tokens.get(i + 1)) {
            (Some(a), Some(b)) => {
                self.norm.text.as_bytes()[a.norm().end..b.norm().start].contains(&b'\n')
            }
            _ => false,
        }
    }

    pub fn is_number(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == tokenize::TokenKind::Number)
    }

    /// `ask(i)` for each token `i`, asked once per distinct word of the
    /// text (a word's answer is kept for its other tokens; tokens that are
    /// not words are asked each).
    pub fn per_word<T: Copy>(&self, mut ask: impl FnMut(usize) -> T) -> Vec<T> {
        let mut seen: rustc_hash::FxHashMap<&str, T> = Default::default();
        (0..self.tokens.len())
            .map(|i| match self.is_word(i) {
                true => *seen.entry(self.key(i)).or_insert_with(|| ask(i)),
                false => ask(i),
            })
            .collect()
    }

    /// The original byte range of tokens `first..=last`, leaving out the
    /// first `skip` normalised bytes (proclitics).
    pub fn span(&self, first: usize, skip: usize, last: usize) -> Range<usize> {
        let start = self.tokens[first].norm().start + skip;
        let end = self.tokens[last].norm().end;
        self.norm.original_range(start..end)
    }
}

/// The recogniser shipped in the binary, loaded on first use.
pub static RECOGNIZER: std::sync::LazyLock<Result<ner::Recognizer, String>> =
    std::sync::LazyLock::new(ner::Recognizer::embedded);

/// Loads the built-in recogniser and every table it reads (clusters, word
/// frequencies, name and place lists), spread over the cores: each loads
/// on first use otherwise, one after another. Returns at once when they
/// are loaded.
fn warm_up() {
    use std::sync::LazyLock;
    // With two cores, this thread takes the last job first and the other
    // core the first: the recogniser (which reads the vectors) and the word
    // frequencies on one, the clusters and the name lists on the other,
    // about 20 ms each.
    rayon::scope(|s| {
        s.spawn(|_| {
            LazyLock::force(&ner::vectors::VECTORS);
            LazyLock::force(&RECOGNIZER);
        });
        s.spawn(|_| {
            LazyLock::force(&ner::frequency::WORD_FREQUENCY);
        });
        s.spawn(|_| {
            LazyLock::force(&ner::gazetteer::TRIGGERS);
            LazyLock::force(&ner::gazetteer::TOPICS);
        });
        s.spawn(|_| {
            LazyLock::force(&ner::gazetteer::LEXICONS);
        });
        s.spawn(|_| {
            LazyLock::force(&ner::clusters::CLUSTERS);
        });
    });
}

/// `warm_up` started on the pool's threads, once: the caller goes on
/// (reading a file, finding its dates and numbers) while the tables load,
/// and what needs one first waits for it.
pub fn warm_up_in_background() {
    static STARTED: std::sync::Once = std::sync::Once::new();
    STARTED.call_once(|| rayon::spawn(warm_up));
}

/// Actors, places, numbers and dates of `text`, with the built-in model.
/// Relative dates resolve against `doc_date`.
pub fn analyze(text: &str, doc_date: Option<DocDate>) -> Vec<Mention> {
    analyze_with(text, doc_date, RECOGNIZER.as_ref().ok())
}

/// [`analyze`] with a given recogniser (`None`: numbers and dates only).
pub fn analyze_with(
    text: &str,
    doc_date: Option<DocDate>,
    rec: Option<&ner::Recognizer>,
) -> Vec<Mention> {
    let t = Text::new(text);
    let mut taken = vec![false; t.tokens.len()];
    let mut mentions = dates::find(&t, doc_date, &mut taken);
    mentions.extend(numbers::find(&t, &mut taken));
    if let Some(rec) = rec {
        mentions.extend(rec.find(&t, &taken));
    }
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    mentions
}
