//! One analysis of an article: everything [`super`] finds in a
//! [`Document`], built by one function that `marsad annotate` and the
//! window both call.
//!
//! [`analyze_document`] normalises and tokenises the text once, finds the
//! explicit dates (cheap) to infer the document date when none is given,
//! then runs the matchers and the recogniser once with that date, groups
//! mentions into entities, cuts sentences and builds the timeline.
//! [`redate`] resolves the dates again against another document date and
//! keeps the recogniser's work when the dates took the same tokens, so a
//! new date reorders the timeline at once even on a long article.
//!
//! Long runs report progress and can be cancelled through [`Progress`].

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use super::doc_date::{self, DateSource};
use super::entities::{self, Entity};
use super::timeline::{self, Timeline};
use super::{DocDate, Mention, RECOGNIZER, Text, dates, ner, numbers, sentences};
use crate::document::Document;

/// How far a run has come (0 to 1000) and whether it should stop. Shared
/// between the thread that runs the analysis and the one that shows it.
#[derive(Debug, Default)]
pub struct Progress {
    permille: AtomicU32,
    cancelled: AtomicBool,
}

impl Progress {
    /// The share done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.permille.load(Ordering::Relaxed) as f32 / 1000.0
    }

    /// Asks the run to stop at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    pub fn set(&self, fraction: f32) -> Result<(), Cancelled> {
        self.permille.store(
            (fraction.clamp(0.0, 1.0) * 1000.0) as u32,
            Ordering::Relaxed,
        );
        if self.is_cancelled() {
            Err(Cancelled)
        } else {
            Ok(())
        }
    }
}

/// The run was cancelled before it finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the analysis was cancelled")]
pub struct Cancelled;

/// What the recogniser found, and the tokens the dates and numbers had taken
/// when it ran: reused by [`redate`] when they take the same tokens again.
#[derive(Clone, Debug, Default)]
struct Recognised {
    taken: Vec<bool>,
    mentions: Vec<Mention>,
}

/// Who decided a mention: the analysis, or the person reading.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Decider {
    #[default]
    Machine,
    Person,
}

impl Decider {
    pub fn name(self) -> &'static str {
        match self {
            Decider::Machine => "machine",
            Decider::Person => "person",
        }
    }

    pub fn parse(s: &str) -> Option<Decider> {
        match s {
            "machine" => Some(Decider::Machine),
            "person" => Some(Decider::Person),
            _ => None,
        }
    }
}

/// Who decided a mention, and the note a person left on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Provenance {
    pub decided_by: Decider,
    pub note: Option<String>,
}

/// Everything the analysis finds in one article.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// The date relative expressions were resolved against, and where it
    /// came from.
    pub doc_date: Option<DocDate>,
    pub date_source: DateSource,
    /// The date the article itself gives and where it came from (what a
    /// reset returns to); `None` until worked out: an analysis against a
    /// given date leaves it to the reset that needs it ([`redate`]).
    pub inferred: Option<(Option<DocDate>, DateSource)>,
    /// Every mention, sorted by start.
    pub mentions: Vec<Mention>,
    /// Mentions grouped; `entity_of[i]` is the entity of mention `i`.
    pub entities: Vec<Entity>,
    pub entity_of: Vec<Option<usize>>,
    /// `provenance[i]`: who decided mention `i` and its note.
    pub provenance: Vec<Provenance>,
    /// Sentences of the body, byte ranges of the text, in order.
    pub sentences: Vec<Range<usize>>,
    pub timeline: Timeline,
    recognised: Recognised,
}

impl Analysis {
    /// The index of the first mention that ends after `offset`.
    pub fn first_mention_after(&self, offset: usize) -> usize {
        self.mentions.partition_point(|m| m.range.end <= offset)
    }

    /// The mention that contains byte `offset`, if any.
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.range.start <= offset);
        (0..i)
            .rev()
            .take(4)
            .find(|&j| self.mentions[j].range.contains(&offset))
    }

    /// The sentence that contains byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.start <= offset)
            .map(|_| i)
    }
}

/// TIMEX3 modifiers, as the analysis spells them (interned, for imports).
pub const MODIFIERS: [&str; 12] = [
    "START",
    "MID",
    "END",
    "APPROX",
    "BEFORE",
    "AFTER",
    "ON_OR_BEFORE",
    "ON_OR_AFTER",
    "LESS_THAN",
    "MORE_THAN",
    "EQUAL_OR_LESS",
    "EQUAL_OR_MORE",
];

impl Analysis {
    /// An analysis made of given mentions (sorted by start, apart) with
    /// their provenance: for imports and a person's edits. `entities` keeps
    /// a grouping as it was decided; `None` groups the mentions as the
    /// analysis does. Sentences and the timeline are built from `doc`.
    pub fn assemble(
        doc: &Document,
        mentions: Vec<Mention>,
        provenance: Vec<Provenance>,
        entities: Option<Vec<Entity>>,
        (doc_date, date_source): (Option<DocDate>, DateSource),
    ) -> Analysis {
        debug_assert_eq!(mentions.len(), provenance.len());
        let (entities, entity_of) = match entities {
            Some(es) => {
                let mut of = vec![None; mentions.len()];
                for (e, entity) in es.iter().enumerate() {
                    for &m in &entity.mentions {
                        if let Some(slot) = of.get_mut(m) {
                            *slot = Some(e);
                        }
                    }
                }
                (es, of)
            }
            None => entities::group(&doc.text, &mentions),
        };
        let sentences = document_sentences(doc);
        let timeline = timeline::build(&sentences, &mentions);
        Analysis {
            doc_date,
            date_source,
            inferred: Some((doc_date, date_source)),
            mentions,
            entities,
            entity_of,
            provenance,
            sentences,
            timeline,
            recognised: Recognised::default(),
        }
    }
}

/// The sentences of the paragraphs of `doc`.
pub fn document_sentences(doc: &Document) -> Vec<Range<usize>> {
    doc.paragraphs
        .iter()
        .flat_map(|p| {
            sentences::split_sentences(&doc.text[p.clone()])
                .into_iter()
                .map(move |s| s.start + p.start..s.end + p.start)
        })
        .collect()
}

/// Analyses `doc` with the built-in recogniser. Relative dates resolve
/// against `given` when there is one, else against the date the article
/// gives ([`doc_date::infer`]).
pub fn analyze_document(
    doc: &Document,
    given: Option<DocDate>,
    progress: &Progress,
) -> Result<Analysis, Cancelled> {
    // The recogniser's tables load on the other cores while the text is
    // cut and its dates and numbers found.
    super::warm_up_in_background();
    analyze(doc, given, &|| RECOGNIZER.as_ref().ok(), progress)
}

/// [`analyze_document`] with a given recogniser (`None`: numbers and dates
/// only).
pub fn analyze_document_with(
    doc: &Document,
    given: Option<DocDate>,
    rec: Option<&ner::Recognizer>,
    progress: &Progress,
) -> Result<Analysis, Cancelled> {
    analyze(doc, given, &|| rec, progress)
}

/// [`analyze_document_with`] where the recogniser is asked for by the
/// thread that tags, while another finds the dates and numbers.
fn analyze<'r>(
    doc: &Document,
    given: Option<DocDate>,
    rec: &(dyn Fn() -> Option<&'r ner::Recognizer> + Sync),
    progress: &Progress,
) -> Result<Analysis, Cancelled> {
    progress.set(0.0)?;
    let t = Text::new(&doc.text);
    progress.set(0.1)?;
    // The recogniser's tagging needs none of the dates' and numbers'
    // tokens: it runs on the cores while one of them finds those (a
    // tenth of the work), and only its last passes wait for them.
    let (tagged, matched) = rayon::join(
        || match rec() {
            Some(rec) => rec
                .tag_observed(&t, &mut |f| progress.set(0.1 + 0.85 * f).is_ok())
                .map(|tagged| Some((rec, tagged)))
                .ok_or(Cancelled),
            None => Ok(None),
        },
        || {
            let starts = Starts::of(&t);
            // Without a given date, the article's own tells the dates.
            let (inferred, unanchored) = match given {
                Some(_) => (None, None),
                None => {
                    let (inferred, unanchored) = infer(doc, &t, &starts);
                    (Some(inferred), unanchored)
                }
            };
            let (doc_date, date_source) = match given {
                Some(d) => (Some(d), DateSource::CommandLine),
                None => inferred.unwrap_or_default(),
            };
            let (mentions, taken) = matchers(&t, &starts, doc_date, unanchored);
            let a = Analysis {
                inferred,
                sentences: document_sentences(doc),
                ..Default::default()
            };
            (a, doc_date, date_source, mentions, taken)
        },
    );
    let (mut a, doc_date, date_source, mut mentions, taken) = matched;
    a.recognised = Recognised {
        mentions: match tagged? {
            Some((rec, tagged)) => rec.finish(&t, &taken, tagged),
            None => Vec::new(),
        },
        taken,
    };
    progress.set(0.95)?;
    mentions.extend(a.recognised.mentions.iter().cloned());
    complete(&t, &mut a, mentions, doc_date, date_source, progress)?;
    Ok(a)
}

/// The same article resolved against another document date: `date`, or,
/// with `None`, the date the article gives. Reuses what the recogniser
/// found when the dates and numbers take the same tokens.
pub fn redate(
    doc: &Document,
    previous: &Analysis,
    date: Option<DocDate>,
    progress: &Progress,
) -> Result<Analysis, Cancelled> {
    redate_with(doc, previous, date, RECOGNIZER.as_ref().ok(), progress)
}

/// [`redate`] with a given recogniser.
pub fn redate_with(
    doc: &Document,
    previous: &Analysis,
    date: Option<DocDate>,
    rec: Option<&ner::Recognizer>,
    progress: &Progress,
) -> Result<Analysis, Cancelled> {
    progress.set(0.0)?;
    let t = Text::new(&doc.text);
    let starts = Starts::of(&t);
    progress.set(0.1)?;
    // The article's own date, worked out now if a reset needs it first.
    let (inferred, unanchored) = match (previous.inferred, date) {
        (Some(known), _) => (Some(known), None),
        (None, Some(_)) => (None, None),
        (None, None) => {
            let (inferred, unanchored) = infer(doc, &t, &starts);
            (Some(inferred), unanchored)
        }
    };
    let (doc_date, source) = match date {
        Some(d) => (Some(d), DateSource::Reader),
        None => inferred.unwrap_or_default(),
    };
    let mut a = Analysis {
        inferred,
        sentences: previous.sentences.clone(),
        recognised: previous.recognised.clone(),
        ..Default::default()
    };
    let found = matchers(&t, &starts, doc_date, unanchored);
    resolve(&t, found, &mut a, doc_date, source, &|| rec, progress)?;
    Ok(a)
}

/// The dates of a text found without a document date, and the tokens they
/// take.
type Unanchored = (Vec<Mention>, Vec<bool>);

/// The date `doc` gives ([`doc_date::infer`]): its metadata's, else one its
/// explicit dates, found without a document date, tell. Those are looked
/// for only when the metadata gives none, and only as far as the end of
/// the paragraph after the dateline's when a dateline is there; when the
/// whole text was read, its dates are returned too, since they are the
/// dates against no date.
fn infer(
    doc: &Document,
    t: &Text,
    starts: &Starts,
) -> ((Option<DocDate>, DateSource), Option<Unanchored>) {
    if let Some(d) = doc_date::published(doc) {
        return ((Some(d), DateSource::HtmlMetadata), None);
    }
    let mut taken = vec![false; t.tokens.len()];
    let mut scan = dates::Scan::new(None);
    // The paragraph after the dateline's is read too, for a date there
    // that is a twin, in the other calendar, of one in the dateline.
    let cut = doc
        .paragraphs
        .get(doc_date::DATELINE_PARAGRAPHS)
        .map_or(doc.text.len(), |p| p.end);
    let end = t
        .tokens
        .partition_point(|k| t.norm.original(k.norm().start) < cut);
    scan.run(t, &starts.dates, &mut taken, end);
    if let Some(d) = doc_date::dateline(doc, &scan.found(t)) {
        return ((Some(d), DateSource::Dateline), None);
    }
    scan.run(t, &starts.dates, &mut taken, t.tokens.len());
    let unanchored = scan.finish(t);
    (doc_date::infer(doc, &unanchored), Some((unanchored, taken)))
}

/// Which tokens of a text may start a date ([`dates::starts`]) and a
/// number: each distinct word is asked both at once.
struct Starts {
    dates: Vec<bool>,
    numbers: Vec<bool>,
}

impl Starts {
    fn of(t: &Text) -> Starts {
        let (dates, numbers) = t
            .per_word(|i| (dates::may_start(t, i), numbers::may_start(t, i)))
            .into_iter()
            .unzip();
        Starts { dates, numbers }
    }
}

/// The dates (against `doc_date`) and numbers of `t`, and the tokens they
/// take. `starts` ([`Starts::of`] `t`) is made once for both of
/// an article's date passes. The dates found without a document date
/// ([`infer`]'s), when given, are those against none.
fn matchers(
    t: &Text,
    starts: &Starts,
    doc_date: Option<DocDate>,
    unanchored: Option<Unanchored>,
) -> (Vec<Mention>, Vec<bool>) {
    let (mut mentions, mut taken) = match unanchored.filter(|_| doc_date.is_none()) {
        Some(found) => found,
        None => {
            let mut taken = vec![false; t.tokens.len()];
            let found = dates::find_from(t, &starts.dates, doc_date, &mut taken);
            (found, taken)
        }
    };
    mentions.extend(numbers::find_from(t, &starts.numbers, &mut taken));
    (mentions, taken)
}

/// Given what the matchers found against `doc_date` ([`matchers`]), runs
/// the recogniser unless its last result still holds, then entities and
/// the timeline.
fn resolve<'r>(
    t: &Text,
    (mut mentions, taken): (Vec<Mention>, Vec<bool>),
    a: &mut Analysis,
    doc_date: Option<DocDate>,
    source: DateSource,
    rec: &dyn Fn() -> Option<&'r ner::Recognizer>,
    progress: &Progress,
) -> Result<(), Cancelled> {
    progress.set(0.2)?;
    let reuse = !a.recognised.taken.is_empty() && a.recognised.taken == taken;
    if !reuse {
        a.recognised = Recognised {
            mentions: match rec() {
                Some(rec) => rec
                    .find_observed(t, &taken, &mut |f| progress.set(0.2 + 0.75 * f).is_ok())
                    .ok_or(Cancelled)?,
                None => Vec::new(),
            },
            taken,
        };
    }
    mentions.extend(a.recognised.mentions.iter().cloned());
    progress.set(0.95)?;
    complete(t, a, mentions, doc_date, source, progress)
}

/// Puts `mentions` (dates, numbers, actors and places) in the text's order
/// into `a`, with their entities and the timeline.
fn complete(
    t: &Text,
    a: &mut Analysis,
    mut mentions: Vec<Mention>,
    doc_date: Option<DocDate>,
    source: DateSource,
    progress: &Progress,
) -> Result<(), Cancelled> {
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    let ((entities, entity_of), timeline) = rayon::join(
        || entities::group(t.original, &mentions),
        || timeline::build(&a.sentences, &mentions),
    );
    a.timeline = timeline;
    a.provenance = vec![Provenance::default(); mentions.len()];
    a.mentions = mentions;
    a.entities = entities;
    a.entity_of = entity_of;
    a.doc_date = doc_date;
    a.date_source = source;
    progress.set(1.0)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{MentionType, Norm, analyze};
    use crate::document::{Document, Format};

    #[test]
    fn one_run_gives_what_analyze_gives_with_the_inferred_date() {
        let doc = Document::sample();
        let a = analyze_document(&doc, None, &Progress::default()).unwrap();
        assert!(a.doc_date.is_some());
        assert_eq!(a.mentions, analyze(&doc.text, a.doc_date));
        assert_eq!(a.entity_of.len(), a.mentions.len());
        assert!(!a.timeline.dated.is_empty());
        assert!(a.sentences.len() > 15);
    }

    /// An article whose first line gives its date (7 October 2023) and
    /// whose second has a date relative to it.
    fn dated_in_its_first_line() -> Document {
        Document::from_text(
            "قالت الوزارة في 7 أكتوبر 2023 إن الاجتماع عقد في بغداد.\nوقال محمد شياع السوداني مطلع الشهر الجاري إن اللجنة ستبدأ.".into(),
            Format::Text,
        )
    }

    #[test]
    fn a_new_date_re_resolves_relative_dates_and_keeps_the_recogniser_work() {
        let doc = dated_in_its_first_line();
        let p = Progress::default();
        let a = analyze_document(&doc, None, &p).unwrap();
        assert_eq!(a.date_source, DateSource::Dateline);
        let month = |a: &Analysis| {
            a.mentions
                .iter()
                .find_map(|m| match (&m.kind, &m.norm) {
                    (MentionType::Date, Some(Norm::Date(t))) if t.modifier == Some("START") => {
                        Some(t.value.clone())
                    }
                    _ => None,
                })
                .unwrap()
        };
        assert_eq!(month(&a), "2023-10");
        let b = redate(&doc, &a, DocDate::parse("2024-03-02"), &p).unwrap();
        assert_eq!(month(&b), "2024-03");
        assert_eq!(b.date_source, DateSource::Reader);
        let people = |a: &Analysis| {
            a.mentions
                .iter()
                .filter(|m| m.kind == MentionType::Person)
                .count()
        };
        assert_eq!(people(&a), people(&b));
        // The timeline is in the new order: «مطلع مارس 2024» comes last.
        let last = b.timeline.dated.last().unwrap();
        assert_eq!(last.date.value, "2024-03");
        let c = redate(&doc, &b, None, &p).unwrap();
        assert_eq!(c.doc_date, a.doc_date, "back to the article's own date");
    }

    /// An analysis against a given date does not look for the article's
    /// own; a reset to it finds it then, as an analysis without a date
    /// would have.
    #[test]
    fn a_reset_after_a_given_date_finds_the_articles_own() {
        let doc = dated_in_its_first_line();
        let p = Progress::default();
        let own = analyze_document(&doc, None, &p).unwrap();
        let given = analyze_document(&doc, DocDate::parse("2024-03-02"), &p).unwrap();
        assert_eq!(given.date_source, DateSource::CommandLine);
        assert_eq!(given.inferred, None);
        let reset = redate(&doc, &given, None, &p).unwrap();
        assert_eq!(reset.doc_date, DocDate::parse("2023-10-07"));
        assert_eq!(reset.date_source, DateSource::Dateline);
        assert_eq!(reset.mentions, own.mentions);
        // Once found, it is kept across other dates.
        let again = redate(&doc, &reset, DocDate::parse("2025-01-01"), &p).unwrap();
        assert_eq!(
            again.inferred,
            Some((DocDate::parse("2023-10-07"), DateSource::Dateline))
        );
    }

    /// The date of a mention whose text is `text`.
    fn value_of(a: &Analysis, text: &str, doc: &Document) -> String {
        a.mentions
            .iter()
            .find_map(|m| match &m.norm {
                Some(Norm::Date(t)) if &doc.text[m.range.clone()] == text => Some(t.value.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no date «{text}»"))
    }

    /// A dateline is looked for in the article's first paragraphs alone:
    /// what is found there is what reading the whole article finds (here a
    /// Hijri date set to the day of its Gregorian twin), its date wins over
    /// a later one, and the dates resolve against it.
    #[test]
    fn a_dateline_in_the_first_paragraphs_dates_a_long_article() {
        let doc = Document::from_text(
            "الوفد السعودي في واشنطن\n\
             الرياض في 12 رجب 1430 هـ الموافق 6 يوليو 2009 م - قال الوزير أمس إن المحادثات ستستأنف.\n\
             وأضاف أن الوفد يصل الأسبوع المقبل.\n\
             وكان الاتفاق قد وقع في 12 يونيو 2019.\n\
             وقال مسؤول إن الجولة التالية في 20 أغسطس 2022.\n\
             وفي اليوم التالي يعود الوفد."
                .into(),
            Format::Text,
        );
        let a = analyze_document(&doc, None, &Progress::default()).unwrap();
        assert_eq!(a.date_source, DateSource::Dateline);
        assert_eq!(a.doc_date, DocDate::parse("2009-07-06"));
        assert_eq!(a.mentions, analyze(&doc.text, a.doc_date));
        assert_eq!(value_of(&a, "12 رجب 1430 هـ", &doc), "2009-07-06");
        assert_eq!(value_of(&a, "أمس", &doc), "2009-07-05");
        assert_eq!(value_of(&a, "اليوم التالي", &doc), "2022-08-21");
    }

    /// Without a date written out in full, the article has none: its dates
    /// are those found against none, as the command line gives them.
    #[test]
    fn an_article_with_no_full_date_is_read_against_none() {
        let doc = Document::from_text(
            "قال الوزير أمس إن المحادثات ستستأنف يوم الأحد.\nوأضاف أن الوفد يصل في 15 مارس.".into(),
            Format::Text,
        );
        let a = analyze_document(&doc, None, &Progress::default()).unwrap();
        assert_eq!((a.doc_date, a.date_source), (None, DateSource::None));
        assert_eq!(a.mentions, analyze(&doc.text, None));
        assert_eq!(value_of(&a, "15 مارس", &doc), "XXXX-03-15");
    }

    #[test]
    fn a_cancelled_run_stops() {
        let doc = Document::sample();
        let p = Progress::default();
        p.cancel();
        assert_eq!(analyze_document(&doc, None, &p).unwrap_err(), Cancelled);
    }

    /// The recogniser tags while the dates and numbers are found: a run
    /// cancelled once the tagging has begun stops all the same.
    #[test]
    fn a_run_cancelled_while_the_recogniser_tags_stops() {
        let doc = Document::sample();
        let p = Progress::default();
        let rec = crate::analysis::RECOGNIZER.as_ref().ok();
        let cancel_then_give = || {
            p.cancel();
            rec
        };
        assert_eq!(
            super::analyze(&doc, None, &cancel_then_give, &p).unwrap_err(),
            Cancelled
        );
    }

    #[test]
    fn lookups_by_offset() {
        let doc = Document::sample();
        let a = analyze_document(&doc, None, &Progress::default()).unwrap();
        let m = &a.mentions[3];
        assert_eq!(a.mention_at(m.range.start), Some(3));
        assert_eq!(a.first_mention_after(m.range.start), 3);
        let s = a.sentence_at(m.range.start).unwrap();
        assert!(a.sentences[s].contains(&m.range.start));
    }
}
