//! The open article's session file: read when the article opens (its edits
//! restored), written a moment after each edit on a thread of its own
//! (atomically, [`crate::export::session::save`]), and at once when
//! another article opens or the window closes.
//!
//! A session that cannot be restored as it is (damaged, from a newer
//! Marsad, made on another text) is never written over: the window says
//! so and the person chooses: apply what still fits (a changed text), or
//! set the old file aside (renamed, its bytes untouched) and start afresh.

use std::path::PathBuf;
use std::sync::mpsc;

use crate::analysis::edits::Edits;
use crate::document::Document;
use crate::export::session::{self, Session, SessionError};

/// How long after an edit the session is written.
pub const AUTOSAVE_AFTER: f64 = 0.8;

/// Why the open article's session was not restored.
#[derive(Clone, Debug)]
pub enum Problem {
    /// The article's text changed since these edits were made.
    Changed(Box<Session>),
    /// The file cannot be read (damaged, or from a newer Marsad).
    Unreadable(String),
}

#[derive(Default)]
pub struct SessionKeeper {
    /// The folder sessions are kept in; `None`: nothing is kept (tests).
    dir: Option<PathBuf>,
    /// The open article's session file.
    path: Option<PathBuf>,
    article: Option<PathBuf>,
    pub problem: Option<Problem>,
    /// The document date the reader chose for the open article
    /// (`YYYY-MM[-DD]`), kept with the edits.
    pub document_date: Option<String>,
    /// When the next autosave is due (egui's clock): edits wait to be
    /// written.
    due: Option<f64>,
    saving: Option<mpsc::Receiver<Result<(), String>>>,
    /// The last write's failure, for the window to show.
    pub error: Option<String>,
}

impl SessionKeeper {
    pub fn new(dir: Option<PathBuf>) -> SessionKeeper {
        SessionKeeper {
            dir,
            ..Default::default()
        }
    }

    /// The article `doc` opens: the edits its session holds (none when
    /// there is none, or when it has a [`Problem`]).
    pub fn open(&mut self, doc: &Document) -> Edits {
        self.problem = None;
        self.due = None;
        self.document_date = None;
        // A file's session goes by its path; the bundled sample (a bare
        // name, no file) and text from elsewhere go by their text.
        self.article = doc
            .path
            .as_deref()
            .filter(|p| p.is_file())
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_owned()));
        self.path = self
            .dir
            .as_deref()
            .map(|d| session::path_for(d, self.article.as_deref(), &doc.text));
        let Some(path) = self.path.clone() else {
            return Edits::default();
        };
        match session::load(&path, &doc.text) {
            Ok(Some(s)) => {
                self.document_date = s.document_date;
                s.edits
            }
            Ok(None) => Edits::default(),
            Err(SessionError::TextChanged { session, .. }) => {
                self.problem = Some(Problem::Changed(session));
                Edits::default()
            }
            Err(e) => {
                self.problem = Some(Problem::Unreadable(e.to_string()));
                Edits::default()
            }
        }
    }

    /// The person chose to apply a changed article's edits: those that no
    /// longer fit show as orphans. The session is theirs again.
    pub fn apply_changed(&mut self) -> Option<Edits> {
        match self.problem.take() {
            Some(Problem::Changed(s)) => Some(s.edits),
            other => {
                self.problem = other;
                None
            }
        }
    }

    /// The person chose to start afresh: the old file is renamed beside
    /// itself (`….kept-N.ron`), its bytes as they were.
    pub fn set_aside(&mut self) -> Result<PathBuf, String> {
        let Some(path) = self.path.clone() else {
            return Err("no session".into());
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kept = (1..)
            .map(|n| path.with_file_name(format!("{stem}.kept-{n}.ron")))
            .find(|p| !p.exists())
            .expect("a free name");
        std::fs::rename(&path, &kept).map_err(|e| e.to_string())?;
        self.problem = None;
        Ok(kept)
    }

    /// An edit was made at `now`: the session is written a moment later.
    pub fn touched(&mut self, now: f64) {
        self.due = Some(now + AUTOSAVE_AFTER);
    }

    /// Called each frame: writes when due (on a thread), collects the
    /// outcome of a write. Returns how long until it wants another frame.
    pub fn tick(&mut self, now: f64, doc: &Document, edits: &Edits) -> Option<f64> {
        if let Some(rx) = &self.saving {
            match rx.try_recv() {
                Ok(r) => {
                    self.error = r.err();
                    self.saving = None;
                }
                Err(mpsc::TryRecvError::Empty) => return Some(0.1),
                Err(mpsc::TryRecvError::Disconnected) => self.saving = None,
            }
        }
        let due = self.due?;
        if now < due {
            return Some(due - now);
        }
        self.due = None;
        if let Some((path, s)) = self.snapshot(doc, edits) {
            let (tx, rx) = mpsc::channel();
            let spawned = std::thread::Builder::new()
                .name("marsad-autosave".into())
                .spawn(move || {
                    let _ = tx.send(session::save(&path, &s).map_err(|e| e.to_string()));
                });
            match spawned {
                Ok(_) => self.saving = Some(rx),
                Err(e) => self.error = Some(e.to_string()),
            }
            return Some(0.1);
        }
        None
    }

    /// Writes now, on this thread, if edits wait (another article opens,
    /// the window closes).
    pub fn flush(&mut self, doc: &Document, edits: &Edits) {
        if let Some(rx) = self.saving.take() {
            let _ = rx.recv();
        }
        if self.due.take().is_some()
            && let Some((path, s)) = self.snapshot(doc, edits)
        {
            self.error = session::save(&path, &s).err().map(|e| e.to_string());
        }
    }

    /// What to write, unless a problem forbids writing over the file.
    fn snapshot(&self, doc: &Document, edits: &Edits) -> Option<(PathBuf, Session)> {
        if self.problem.is_some() {
            return None;
        }
        let path = self.path.clone()?;
        let mut s = Session::new(&doc.text, self.article.as_deref(), edits.clone());
        s.document_date = self.document_date.clone();
        Some((path, s))
    }
}
