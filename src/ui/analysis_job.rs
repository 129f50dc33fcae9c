//! The analysis of the open article, run off the UI thread.
//!
//! Opening an article starts a job: a thread runs
//! [`crate::analysis::article::analyze_document`] and builds the browsing
//! index, while the window shows the text at once and the status line the
//! progress. Opening another article cancels the job (its thread stops at
//! its next check) and drops its channel, so a stale result can never
//! arrive. Changing the document date starts a re-dating job over the
//! current result; the old result stays shown until the new one is ready.

use std::sync::Arc;
use std::sync::mpsc;

use super::browse::Index;
use crate::analysis::DocDate;
use crate::analysis::article::{self, Analysis, Cancelled, Progress};
use crate::analysis::doc_date::DateSource;
use crate::analysis::edits::{self, Edits, Orphan};
use crate::document::Document;

/// A finished analysis and what the window derives from it.
pub struct Analyzed {
    /// What the window shows: the machine's analysis with the person's
    /// edits laid over it (the machine's own, shared, when there are none).
    pub analysis: Arc<Analysis>,
    /// The machine's own analysis (re-dating and new edits start from it).
    pub machine: Arc<Analysis>,
    /// The person's edits that no longer fit the text.
    pub orphans: Vec<Orphan>,
    pub index: Index,
    /// Different for every result: the panels' caches key on it.
    pub serial: u64,
}

impl Analyzed {
    /// `machine` of `doc` with `edits` laid over it, indexed.
    pub fn build(machine: Arc<Analysis>, doc: &Document, edits: &Edits) -> Analyzed {
        let (analysis, orphans) = if edits.is_empty() {
            (machine.clone(), Vec::new())
        } else {
            let a = edits::apply(doc, &machine, edits);
            (Arc::new(a.analysis), a.orphans)
        };
        let index = Index::new(&doc.text, &analysis);
        let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Analyzed {
            analysis,
            machine,
            orphans,
            index,
            serial,
        }
    }
}

/// Up to this many mentions, edits are laid over the analysis at once, on
/// the UI thread (well within a frame); above, on the analysis thread.
pub const SYNC_EDITS_UP_TO: usize = 5_000;

static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

struct Job {
    generation: u64,
    progress: Arc<Progress>,
    rx: mpsc::Receiver<Result<Analyzed, Cancelled>>,
}

/// The analysis of the open article: the latest result and the job
/// running, if any.
#[derive(Default)]
pub struct AnalysisState {
    /// The document generation the result belongs to.
    pub generation: u64,
    pub result: Option<Arc<Analyzed>>,
    job: Option<Job>,
}

impl AnalysisState {
    /// Forgets the previous article: cancels any job running and drops its
    /// result; `generation` is the new article's.
    pub fn forget(&mut self, generation: u64) {
        self.cancel();
        self.result = None;
        self.generation = generation;
    }

    /// Starts analysing `doc` (document generation `generation`), its
    /// dates resolved against `date` when the reader chose one, with the
    /// person's `edits` laid over it; cancels any job running and forgets
    /// the previous article's result.
    pub fn start(
        &mut self,
        ctx: &egui::Context,
        doc: Arc<Document>,
        generation: u64,
        date: Option<DocDate>,
        edits: Edits,
    ) {
        self.forget(generation);
        self.spawn(ctx, generation, edits, move |p| {
            let mut a = article::analyze_document(&doc, date, p)?;
            if date.is_some() {
                a.date_source = DateSource::Reader;
            }
            Ok((Arc::new(a), doc))
        });
    }

    /// Resolves the open article's dates against `date` (`None`: the
    /// article's own date), keeping the current result until it is done.
    pub fn redate(
        &mut self,
        ctx: &egui::Context,
        doc: Arc<Document>,
        date: Option<DocDate>,
        edits: Edits,
    ) {
        let Some(previous) = self.result.clone() else {
            return;
        };
        self.cancel();
        let generation = self.generation;
        self.spawn(ctx, generation, edits, move |p| {
            article::redate(&doc, &previous.machine, date, p).map(|a| (Arc::new(a), doc))
        });
    }

    /// Lays `edits` over the machine's analysis again: at once for an
    /// article of few mentions (true: the result is new), else on a thread.
    pub fn reapply(&mut self, ctx: &egui::Context, doc: Arc<Document>, edits: Edits) -> bool {
        let Some(previous) = self.result.clone() else {
            return false;
        };
        let machine = previous.machine.clone();
        if machine.mentions.len() <= SYNC_EDITS_UP_TO && self.job.is_none() {
            self.result = Some(Arc::new(Analyzed::build(machine, &doc, &edits)));
            return true;
        }
        self.cancel();
        let generation = self.generation;
        self.spawn(ctx, generation, edits, move |_| Ok((machine, doc)));
        false
    }

    fn spawn(
        &mut self,
        ctx: &egui::Context,
        generation: u64,
        edits: Edits,
        run: impl FnOnce(&Progress) -> Result<(Arc<Analysis>, Arc<Document>), Cancelled>
        + Send
        + 'static,
    ) {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let p = progress.clone();
        let spawned = std::thread::Builder::new()
            .name("marsad-analysis".into())
            .spawn(move || {
                let result = run(&p).map(|(machine, doc)| Analyzed::build(machine, &doc, &edits));
                if tx.send(result).is_ok() {
                    ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.job = Some(Job {
                generation,
                progress,
                rx,
            });
        }
    }

    /// Stops the job running, if any; its result will never be shown.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.progress.cancel();
        }
    }

    /// Takes a finished result; true when a new one arrived this frame.
    pub fn poll(&mut self) -> bool {
        match self.job.as_ref().map(|j| j.rx.try_recv()) {
            Some(Err(mpsc::TryRecvError::Empty)) | None => false,
            Some(Ok(r)) => self.finished(Some(r)),
            Some(Err(mpsc::TryRecvError::Disconnected)) => self.finished(None),
        }
    }

    /// Waits for the job running to finish and takes its result (for
    /// tests and benchmarks; the window polls instead).
    pub fn wait(&mut self) -> bool {
        match self.job.as_ref().map(|j| j.rx.recv()) {
            None => false,
            Some(r) => self.finished(r.ok()),
        }
    }

    /// The job ended with `r` (`None`: its thread is gone): keeps a result
    /// of the current article; true when there is a new one.
    fn finished(&mut self, r: Option<Result<Analyzed, Cancelled>>) -> bool {
        let current = self
            .job
            .take()
            .is_some_and(|j| j.generation == self.generation);
        match r {
            Some(Ok(done)) if current => {
                self.result = Some(Arc::new(done));
                true
            }
            _ => false,
        }
    }

    /// The share done of the job running, if one is.
    pub fn progress(&self) -> Option<f32> {
        self.job.as_ref().map(|j| j.progress.fraction())
    }

    pub fn analysis(&self) -> Option<&Analysis> {
        self.result.as_ref().map(|r| &*r.analysis)
    }
}

impl Drop for AnalysisState {
    /// A window that closes stops its analysis.
    fn drop(&mut self) {
        self.cancel();
    }
}
