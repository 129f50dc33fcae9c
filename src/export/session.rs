//! Session files: a person's edits of one article ([`Edits`]), kept in RON
//! with a format version and a hash of the article text, so that they are
//! restored when the article is opened again.
//!
//! A session is found by the article's path (or, for text with no path,
//! by its text); the hash inside tells whether the text is still the one
//! the edits were made on. A file that cannot be read as it should (corrupt,
//! from a newer Marsad, or made on another text) is reported with what it
//! holds, if anything, and never written over: the caller decides. Writes
//! go through [`super::write_atomic_with`].

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{WriteError, write_atomic_with};
use crate::analysis::edits::Edits;

/// The version this Marsad writes, and the newest it reads.
pub const VERSION: u32 = 1;

/// FNV-1a, 64 bits: a hash that stays the same across builds and machines
/// (the standard library's does not promise to).
pub fn text_hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// What a session file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub version: u32,
    /// [`text_hash`] of the article text the edits were made on, and its
    /// length in bytes.
    pub text_hash: String,
    pub text_len: usize,
    /// Where the article was, when it had a path.
    #[serde(default)]
    pub article: Option<PathBuf>,
    /// The document date the person chose, `YYYY-MM[-DD]`.
    #[serde(default)]
    pub document_date: Option<String>,
    #[serde(default)]
    pub edits: Edits,
}

impl Session {
    pub fn new(text: &str, article: Option<&Path>, edits: Edits) -> Session {
        Session {
            version: VERSION,
            text_hash: text_hash(text),
            text_len: text.len(),
            article: article.map(Path::to_owned),
            document_date: None,
            edits,
        }
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .expect("a session serialises")
    }
}

/// Why a session file cannot simply be restored.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("cannot read the session file {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the session file {} is damaged ({why}); it is kept as it is", path.display())]
    Corrupt { path: PathBuf, why: String },
    #[error("the session file {} was written by a newer Marsad (format {version}, this one reads {VERSION}); it is kept as it is", path.display())]
    Newer { path: PathBuf, version: u32 },
    /// The edits are there, but the article text is not the one they were
    /// made on: the person chooses whether to apply them (those whose text
    /// no longer matches become orphans) or to start again.
    #[error("the article changed since it was edited (session {})", path.display())]
    TextChanged {
        path: PathBuf,
        session: Box<Session>,
    },
}

/// The session file of an article in `dir`: named after its path when it
/// has one, else after its text.
pub fn path_for(dir: &Path, article: Option<&Path>, text: &str) -> PathBuf {
    let key = match article {
        Some(p) => {
            let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_owned());
            text_hash(&abs.to_string_lossy())
        }
        None => format!("text-{}", text_hash(text)),
    };
    dir.join(format!("{key}.ron"))
}

/// Reads the session at `path` for an article whose text is `text`.
/// `Ok(None)` when there is none.
pub fn load(path: &Path, text: &str) -> Result<Option<Session>, SessionError> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SessionError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let s = std::str::from_utf8(&bytes).map_err(|e| SessionError::Corrupt {
        path: path.to_owned(),
        why: e.to_string(),
    })?;
    from_ron(s, path, text).map(Some)
}

/// Reads the session file content `s` (from `path`, for messages) for an
/// article whose text is `text`.
pub fn from_ron(s: &str, path: &Path, text: &str) -> Result<Session, SessionError> {
    let corrupt = |why: String| SessionError::Corrupt {
        path: path.to_owned(),
        why,
    };
    // The version first, so that a newer file is told apart from a damaged
    // one even when its fields are not this Marsad's.
    #[derive(Deserialize)]
    struct Versioned {
        version: u32,
    }
    let version = ron::from_str::<Versioned>(s)
        .map(|v| v.version)
        .map_err(|e| corrupt(format!("no format version: {e}")))?;
    if version > VERSION {
        return Err(SessionError::Newer {
            path: path.to_owned(),
            version,
        });
    }
    let session: Session = ron::from_str(s).map_err(|e| corrupt(e.to_string()))?;
    if session.text_hash != text_hash(text) || session.text_len != text.len() {
        return Err(SessionError::TextChanged {
            path: path.to_owned(),
            session: Box::new(session),
        });
    }
    Ok(session)
}

/// Writes `session` to `path` atomically (over what was there).
pub fn save(path: &Path, session: &Session) -> Result<(), WriteError> {
    let ron = session.to_ron();
    write_atomic_with(path, true, |f| std::io::Write::write_all(f, ron.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::MentionType;
    use crate::analysis::edits::{Edit, Span};

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("marsad-session-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    fn edits(text: &str) -> Edits {
        let mut e = Edits::default();
        e.push(vec![Edit::Mark {
            span: Span::of(text, 0..10),
            kind: MentionType::Place,
        }]);
        e.push(vec![Edit::Note {
            span: Span::of(text, 0..10),
            note: Some("ملاحظة".into()),
        }]);
        e
    }

    #[test]
    fn saved_then_loaded_gives_the_same_edits() {
        let d = dir("round");
        let text = "بغداد عاصمة العراق";
        let path = path_for(&d, Some(Path::new("a/b.txt")), text);
        let s = Session::new(text, Some(Path::new("a/b.txt")), edits(text));
        save(&path, &s).unwrap();
        assert_eq!(load(&path, text).unwrap(), Some(s));
        assert_eq!(load(&d.join("none.ron"), text).unwrap(), None);
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn corrupt_newer_and_changed_sessions_are_told_apart_and_kept() {
        let d = dir("bad");
        let text = "بغداد عاصمة العراق";
        let path = d.join("s.ron");
        std::fs::write(&path, "(version: 1, text_hash: \"ab").unwrap();
        assert!(matches!(
            load(&path, text),
            Err(SessionError::Corrupt { .. })
        ));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "(version: 1, text_hash: \"ab"
        );
        let newer = "(version: 7, text_hash: \"00\", text_len: 3, future_field: [1, 2])";
        std::fs::write(&path, newer).unwrap();
        match load(&path, text) {
            Err(SessionError::Newer { version, .. }) => assert_eq!(version, 7),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), newer);
        let s = Session::new("نص آخر", None, edits(text));
        save(&path, &s).unwrap();
        match load(&path, text) {
            Err(SessionError::TextChanged { session, .. }) => assert_eq!(session.edits, s.edits),
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn the_hash_is_stable() {
        assert_eq!(text_hash(""), "cbf29ce484222325");
        assert_eq!(text_hash("a"), "af63dc4c8601ec8c");
    }
}
