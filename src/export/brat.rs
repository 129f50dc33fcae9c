//! brat standoff: `NAME.txt` holds exactly the article text and `NAME.ann`
//! one `T` line per mention (`T1<TAB>TYPE START END<TAB>TEXT`, offsets in
//! code points) and one `#` line per note (`#1<TAB>AnnotatorNotes T1<TAB>NOTE`).
//! A folder of them loads in brat with the `annotation.conf` and
//! `visual.conf` of [`configuration`]. [`parse_ann`] reads an `.ann` back.

use super::{Article, ByteOffsets, ImportError, OutFile, sort_apart};
use crate::analysis::article::{Analysis, Decider, Progress, Provenance, analyze_document};
use crate::analysis::{Mention, MentionType};
use crate::document::Document;
use crate::document::offsets::CodePoints;

const TYPES: [MentionType; 5] = MentionType::ALL;

/// The `.ann` file of an article.
pub fn ann(a: &Article) -> Vec<u8> {
    let text = a.text();
    let an = a.analysis;
    let cp = CodePoints::new(text);
    let mut out = String::with_capacity(an.mentions.len() * 48);
    let mut notes = 0;
    for (i, m) in an.mentions.iter().enumerate() {
        let t = i + 1;
        // A span across a line end is written as fragments, one a line,
        // as brat requires (`START END;START END`).
        let mut fragments = Vec::new();
        let mut start = m.range.start;
        for (j, _) in text[m.range.clone()].match_indices('\n') {
            let end = m.range.start + j;
            if end > start {
                fragments.push(start..end);
            }
            start = end + 1;
        }
        if m.range.end > start {
            fragments.push(start..m.range.end);
        }
        let offsets: Vec<String> = fragments
            .iter()
            .map(|r| format!("{} {}", cp.of(r.start), cp.of(r.end)))
            .collect();
        let shown: Vec<&str> = fragments.iter().map(|r| &text[r.clone()]).collect();
        out.push_str(&format!(
            "T{t}\t{} {}\t{}\n",
            m.kind.name(),
            offsets.join(";"),
            shown.join(" ")
        ));
        if let Some(note) = an.provenance.get(i).and_then(|p| p.note.as_deref()) {
            notes += 1;
            let one_line: String = note
                .chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            out.push_str(&format!("#{notes}\tAnnotatorNotes T{t}\t{one_line}\n"));
        }
    }
    out.into_bytes()
}

/// `annotation.conf` (the five entity types) and `visual.conf` (their
/// names and Marsad's light-theme colours).
pub fn configuration() -> Vec<OutFile> {
    let mut conf = String::from("[entities]\n");
    for t in TYPES {
        conf.push_str(t.name());
        conf.push('\n');
    }
    conf.push_str("\n[relations]\n\n[events]\n\n[attributes]\n");
    let mut visual = String::from("[labels]\n");
    for (t, label) in TYPES
        .iter()
        .zip(["Person", "Organisation", "Place", "Number", "Date"])
    {
        visual.push_str(&format!("{} | {label}\n", t.name()));
    }
    visual.push_str("\n[drawing]\n");
    for (t, colour) in TYPES
        .iter()
        .zip(["#dceefb", "#9fc2e7", "#c8e6c9", "#ffe0a3", "#e8d5f5"])
    {
        visual.push_str(&format!("{}\tbgColor:{colour}\n", t.name()));
    }
    vec![
        OutFile {
            name: "annotation.conf".into(),
            bytes: conf.into_bytes(),
        },
        OutFile {
            name: "visual.conf".into(),
            bytes: visual.into_bytes(),
        },
    ]
}

/// One text-bound annotation read from an `.ann` file.
#[derive(Clone, Debug, PartialEq)]
pub struct TextBound {
    pub id: String,
    pub kind: MentionType,
    /// Code point offsets of its fragments.
    pub fragments: Vec<(usize, usize)>,
    pub text: String,
    pub note: Option<String>,
}

/// Why an `.ann` file cannot be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum AnnError {
    #[error("line {line}: {why}")]
    Line { line: usize, why: String },
}

/// Reads the `T` and `AnnotatorNotes` lines of an `.ann` file. Relations,
/// events and attributes are skipped; a type Marsad does not know, or a
/// malformed line, is an error naming its line.
pub fn parse_ann(ann: &str) -> Result<Vec<TextBound>, AnnError> {
    let mut out: Vec<TextBound> = Vec::new();
    let mut notes: Vec<(usize, String, String)> = Vec::new();
    for (n, line) in ann.lines().enumerate() {
        let bad = |why: &str| AnnError::Line {
            line: n + 1,
            why: why.to_owned(),
        };
        if line.trim().is_empty() {
            continue;
        }
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or_default();
        let middle = cols.next().ok_or_else(|| bad("no tab after the id"))?;
        let rest = cols.next();
        if id.starts_with('T') {
            let (kind, offsets) = middle
                .split_once(' ')
                .ok_or_else(|| bad("no offsets after the type"))?;
            let kind = TYPES
                .into_iter()
                .find(|t| t.name() == kind)
                .ok_or_else(|| bad(&format!("unknown type {kind:?}")))?;
            let mut fragments = Vec::new();
            for frag in offsets.split(';') {
                let (s, e) = frag
                    .trim()
                    .split_once(' ')
                    .ok_or_else(|| bad("an offset pair is malformed"))?;
                let s: usize = s.parse().map_err(|_| bad("an offset is not a number"))?;
                let e: usize = e.parse().map_err(|_| bad("an offset is not a number"))?;
                if e < s {
                    return Err(bad("a span ends before it starts"));
                }
                fragments.push((s, e));
            }
            out.push(TextBound {
                id: id.to_owned(),
                kind,
                fragments,
                text: rest.unwrap_or_default().to_owned(),
                note: None,
            });
        } else if id.starts_with('#')
            && let Some(target) = middle.strip_prefix("AnnotatorNotes ")
        {
            notes.push((
                n + 1,
                target.trim().to_owned(),
                rest.unwrap_or("").to_owned(),
            ));
        }
    }
    for (line, target, note) in notes {
        let t = out
            .iter_mut()
            .find(|t| t.id == target)
            .ok_or_else(|| AnnError::Line {
                line,
                why: format!("a note on {target}, which is not a text annotation"),
            })?;
        t.note = Some(note);
    }
    Ok(out)
}

/// Reads a brat `.ann` back as annotations of `doc` (its `.txt`, loaded).
/// Every `T` line must quote the text at its offsets (its fragments,
/// joined by spaces). brat keeps no values and no provenance:
/// the article is analysed again, and a mention that the analysis finds
/// with the same span and type takes its value and counts as the
/// machine's; any other is the person's. Entities are grouped as the
/// analysis groups them.
pub fn import(doc: &Document, ann: &str) -> Result<Analysis, ImportError> {
    let bounds = parse_ann(ann)?;
    let offsets = ByteOffsets::new(&doc.text);
    let mut ranges = Vec::with_capacity(bounds.len());
    for t in &bounds {
        let mut pieces = Vec::new();
        let mut whole: Option<std::ops::Range<usize>> = None;
        for &(s, e) in &t.fragments {
            let r = offsets.range(s, e).ok_or_else(|| ImportError::Outside {
                what: t.id.clone(),
                start: s,
                end: e,
                len: offsets.len(),
            })?;
            pieces.push(&doc.text[r.clone()]);
            whole = Some(match whole {
                None => r,
                Some(w) => w.start.min(r.start)..w.end.max(r.end),
            });
        }
        let whole = whole.ok_or_else(|| ImportError::Malformed(format!("{} has no span", t.id)))?;
        let found = pieces.join(" ");
        if found != t.text {
            let (s, e) = (t.fragments[0].0, t.fragments[t.fragments.len() - 1].1);
            return Err(ImportError::Mismatch {
                what: t.id.clone(),
                start: s,
                end: e,
                expected: t.text.clone(),
                found,
            });
        }
        ranges.push(whole);
    }
    let order = sort_apart(&ranges, |i| bounds[i].id.clone())?;
    let machine = analyze_document(doc, None, &Progress::default())
        .map_err(|e| ImportError::Malformed(e.to_string()))?;
    let mut mentions = Vec::with_capacity(order.len());
    let mut provenance = Vec::with_capacity(order.len());
    for i in order {
        let (range, t) = (ranges[i].clone(), &bounds[i]);
        let found = machine
            .mentions
            .binary_search_by_key(&(range.start, range.end), |m| (m.range.start, m.range.end))
            .ok()
            .map(|j| &machine.mentions[j])
            .filter(|m| m.kind == t.kind);
        mentions.push(Mention {
            range,
            kind: t.kind,
            norm: found.and_then(|m| m.norm.clone()),
        });
        provenance.push(Provenance {
            decided_by: if found.is_some() {
                Decider::Machine
            } else {
                Decider::Person
            },
            note: t.note.clone(),
        });
    }
    Ok(Analysis::assemble(
        doc,
        mentions,
        provenance,
        None,
        (machine.doc_date, machine.date_source),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_text_bounds_and_notes() {
        let ann = "T1\tPLACE 3 8\tبغداد\nR1\tRel Arg1:T1 Arg2:T1\nT2\tDATE 10 14;15 19\t2023 أكتوبر\n#1\tAnnotatorNotes T2\tراجع\n";
        let got = parse_ann(ann).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].kind, MentionType::Place);
        assert_eq!(got[0].fragments, [(3, 8)]);
        assert_eq!(got[1].fragments, [(10, 14), (15, 19)]);
        assert_eq!(got[1].note.as_deref(), Some("راجع"));
    }

    #[test]
    fn a_bad_line_is_named() {
        let err = parse_ann("T1\tPLACE 3 8\tبغداد\nT2\tWEAPON 1 2\tx\n").unwrap_err();
        assert_eq!(err.to_string(), "line 2: unknown type \"WEAPON\"");
        assert!(parse_ann("T1\tPLACE x 8\tبغداد").is_err());
        assert!(parse_ann("T1\tPLACE 9 8\tبغداد").is_err());
    }
}
