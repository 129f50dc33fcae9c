//! Opening a file off the UI thread.
//!
//! A thread reads and decodes the file, then shapes its text and breaks it
//! at the reader's width ([`ReaderCache::prepare`]): for a large article
//! these take seconds. Meanwhile the article that was open stays on screen
//! and usable, and the status line shows how far the opening has come,
//! with a button that cancels it. Dropping the job cancels it: its thread
//! stops at its next check and its channel is gone, so a stale article can
//! never arrive. A failure comes back as the [`LoadError`] to show.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;

use super::reader::{Prepared, ReaderCache};
use super::settings::Settings;
use crate::analysis::article::Progress;
use crate::document::{self, Document, LoadError};

/// A file read and laid out, ready to show.
pub struct Opened {
    pub doc: Document,
    pub prepared: Prepared,
}

/// How an opening ended.
pub enum Outcome {
    Opened(Box<Opened>),
    Failed(LoadError),
}

/// A file being opened.
pub struct OpenJob {
    path: PathBuf,
    progress: Arc<Progress>,
    rx: mpsc::Receiver<Outcome>,
}

impl OpenJob {
    /// Starts opening `path`, set for `settings` in a column of `width`
    /// (`None`: broken into lines on the first frame).
    pub fn start(
        ctx: &egui::Context,
        path: PathBuf,
        settings: &Settings,
        width: Option<f32>,
    ) -> OpenJob {
        let progress = Arc::new(Progress::default());
        let (tx, rx) = mpsc::channel();
        let (ctx, p, file, settings) = (
            ctx.clone(),
            progress.clone(),
            path.clone(),
            settings.clone(),
        );
        let run = move || {
            let outcome = match document::load_path(&file) {
                Err(e) => Outcome::Failed(e),
                Ok(doc) => {
                    if p.set(0.05).is_err() {
                        return;
                    }
                    // The window repaints itself while a file opens.
                    let mut keep_going = |f: f32| p.set(0.05 + 0.95 * f).is_ok();
                    match ReaderCache::prepare(&ctx, &doc, &settings, width, &mut keep_going) {
                        Some(prepared) => Outcome::Opened(Box::new(Opened { doc, prepared })),
                        None => return,
                    }
                }
            };
            if tx.send(outcome).is_ok() {
                ctx.request_repaint();
            }
        };
        if let Err(e) = std::thread::Builder::new()
            .name("marsad-open".into())
            .spawn(run)
        {
            // No thread: say so, as a failure to read the file.
            let (tx, rx2) = mpsc::channel();
            let _ = tx.send(Outcome::Failed(LoadError::Io {
                path: path.clone(),
                source: e,
            }));
            return OpenJob {
                path,
                progress,
                rx: rx2,
            };
        }
        OpenJob { path, progress, rx }
    }

    /// The file being opened.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The share done, from 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.progress.fraction()
    }

    /// The outcome, once there is one (`Some(None)`: the thread ended
    /// without one).
    pub fn poll(&self) -> Option<Option<Outcome>> {
        match self.rx.try_recv() {
            Ok(o) => Some(Some(o)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }

    /// Waits for the outcome (tests; the window polls).
    pub fn wait(&self) -> Option<Outcome> {
        self.rx.recv().ok()
    }
}

impl Drop for OpenJob {
    /// A job dropped (cancelled, or replaced by another) stops.
    fn drop(&mut self) {
        self.progress.cancel();
    }
}
