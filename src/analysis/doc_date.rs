//! The document date: given, declared by the page, written in a dateline,
//! or the latest explicit date of the text.

use super::{DocDate, Mention, MentionType, Norm};
use crate::document::Document;

/// Where the document date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateSource {
    CommandLine,
    /// Chosen in the window.
    Reader,
    HtmlMetadata,
    Dateline,
    LatestDate,
    #[default]
    None,
}

impl DateSource {
    pub fn name(self) -> &'static str {
        match self {
            DateSource::CommandLine => "command line",
            DateSource::Reader => "reader",
            DateSource::HtmlMetadata => "html metadata",
            DateSource::Dateline => "dateline",
            DateSource::LatestDate => "latest date in the text",
            DateSource::None => "none",
        }
    }

    /// The source [`DateSource::name`] names.
    pub fn from_name(s: &str) -> Option<DateSource> {
        [
            DateSource::CommandLine,
            DateSource::Reader,
            DateSource::HtmlMetadata,
            DateSource::Dateline,
            DateSource::LatestDate,
            DateSource::None,
        ]
        .into_iter()
        .find(|d| d.name() == s)
    }
}

/// Infers the document date from `doc` and the mentions found without one.
pub fn infer(doc: &Document, unanchored: &[Mention]) -> (Option<DocDate>, DateSource) {
    if let Some(d) = published(doc) {
        return (Some(d), DateSource::HtmlMetadata);
    }
    if let Some(d) = dateline(doc, unanchored) {
        return (Some(d), DateSource::Dateline);
    }
    match latest(unanchored) {
        Some(d) => (Some(d), DateSource::LatestDate),
        None => (None, DateSource::None),
    }
}

/// The date the page's metadata declares.
pub fn published(doc: &Document) -> Option<DocDate> {
    doc.published
        .as_deref()
        .and_then(|p| DocDate::parse(p.get(..10).unwrap_or(p)))
}

/// A dateline: a full date within the first 80 bytes of one of the first
/// three paragraphs, among the mentions found without a document date.
pub fn dateline(doc: &Document, unanchored: &[Mention]) -> Option<DocDate> {
    doc.paragraphs
        .iter()
        .take(DATELINE_PARAGRAPHS)
        .find_map(|p| {
            let head = p.start..(p.start + 80).min(p.end);
            unanchored
                .iter()
                .filter(|m| head.start <= m.range.start && m.range.start < head.end)
                .filter_map(explicit)
                .find(|d| d.day.is_some())
        })
}

/// The paragraphs whose heads [`dateline`] reads.
pub const DATELINE_PARAGRAPHS: usize = 3;

/// The latest date written out in full among the mentions found without a
/// document date.
fn latest(unanchored: &[Mention]) -> Option<DocDate> {
    unanchored
        .iter()
        .filter_map(explicit)
        .max_by_key(|d| (d.year, d.month, d.day.unwrap_or(0)))
}

/// The date a mention found without a document date gives, when it does
/// not depend on one.
fn explicit(m: &Mention) -> Option<DocDate> {
    match (&m.kind, &m.norm) {
        (MentionType::Date, Some(Norm::Date(t))) if !t.value.starts_with('X') => {
            DocDate::parse(&t.value)
        }
        _ => None,
    }
}
