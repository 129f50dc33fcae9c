//! The app: one open document with its analysis, the reader view in the
//! middle, the entity sidebar and the timeline on either side, and the
//! ways to open another article (argument, File > Open, Ctrl+O, drag and
//! drop, recent files).
//!
//! In Arabic (the default) the interface is mirrored: the menu bar starts
//! at the right, the sidebar is on the right and the timeline on the left,
//! and time on the axis runs from right to left. In English it is the
//! other way round.

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use egui::{Key, Modifiers, Ui};

use super::analysis_job::{AnalysisState, Analyzed};
use super::bidi_edit::{EditState, bidi_edit_ui};
use super::browse::Browse;
use super::editing::{self, EditAction, EditContext, EditRequest};
use super::highlight::TYPES;
use super::i18n::{self, Lang};
use super::menu::{self, MenuAction};
use super::open_job::{OpenJob, Outcome};
use super::reader::{Marks, ReaderState, reader_ui};
use super::session_keeper::{Problem, SessionKeeper};
use super::settings::Settings;
use super::sidebar::{SidebarState, sidebar_ui};
use super::status::{self, AnalysisStatus};
use super::theme::Theme;
use super::timeline_panel::{TimelineAction, TimelineState, timeline_ui};
use super::{bidi_text, fonts, legend};
use crate::analysis::article::Analysis;
use crate::analysis::edits::{self as edit_model, Edit, Edits, Orphan, Span};
use crate::document::{self, Document};
use crate::export::Format;

/// A note or an entity's name being typed, for the mention at `span`.
struct Prompt {
    rename: bool,
    span: Span,
    field: EditState,
}

/// What a file dialog (open, export, import) gave, read on its thread.
enum FileJob {
    /// An article to open.
    Open(PathBuf),
    Exported(Result<PathBuf, String>),
    /// The annotation file, and what reading it gave (on the dialog's
    /// thread: the article is analysed there, not on the UI thread).
    Imported(
        PathBuf,
        Result<Box<crate::export::import::Imported>, String>,
    ),
    Cancelled,
    /// The dialog returned at once: none could be shown (no desktop
    /// portal and no zenity).
    Unavailable,
}

/// What a dialog that gave nothing means: cancelled, or never shown (no
/// desktop portal and no zenity: nobody cancels within a tenth of a second).
fn nothing_picked(shown: std::time::Instant) -> FileJob {
    if shown.elapsed() < std::time::Duration::from_millis(100) {
        FileJob::Unavailable
    } else {
        FileJob::Cancelled
    }
}

pub struct MarsadApp {
    ctx: egui::Context,
    settings: Settings,
    doc: Option<Arc<Document>>,
    /// Bumped on each document opened: the reader's caches key on it.
    generation: u64,
    /// Words of the open document, for the status line.
    words: usize,
    error: Option<String>,
    reader: ReaderState,
    analysis: AnalysisState,
    browse: Browse,
    sidebar: SidebarState,
    timeline: TimelineState,
    /// Mentions of each type, in [`TYPES`] order, for the legend.
    type_counts: [usize; 5],
    /// The open article's analysis starts once its first frame is shown,
    /// so that laying the text out has every core.
    analysis_pending: bool,
    /// Where the selected mention and the selected entity's first mention
    /// start, while the dates are resolved again.
    redate_anchor: Option<(Option<usize>, Option<usize>)>,
    /// The person's edits of the open article, and its session file.
    edits: Edits,
    session: SessionKeeper,
    /// The mention right-clicked (the context menu acts on it).
    context_target: Option<usize>,
    /// A note or a name being typed.
    prompt: Option<Prompt>,
    /// Annotations imported for the article opening: laid over its
    /// analysis as the person's edits when it arrives.
    pending_import: Option<Analysis>,
    /// A file being read and laid out, on a thread.
    opening: Option<OpenJob>,
    /// Exports and imports under way (their dialogs and writing).
    file_job: Option<mpsc::Receiver<FileJob>>,
    /// What the last export or import did, for the window to say.
    notice: Option<String>,
    /// The edits that no longer fit are listed.
    show_orphans: bool,
    /// Edits were made while a job ran: laid over its result when it comes.
    reapply_after_job: bool,
    applied_theme: Option<Theme>,
    title_shown: Option<String>,
}

impl MarsadApp {
    /// Opens `path`, or the bundled sample when there is none.
    pub fn new(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let settings = cc
            .storage
            .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
            .map(Settings::sanitized)
            .unwrap_or_default();
        let sessions = eframe::storage_dir("marsad").map(|d| d.join("sessions"));
        let mut app = Self::empty(&cc.egui_ctx, settings, sessions);
        match path {
            // The window shows at once; the file opens on a thread.
            Some(p) => app.open_in_background(&p),
            None => app.show(Document::sample()),
        }
        app
    }

    /// The app with given settings, on any egui context (the window, tests,
    /// benchmarks), keeping no session files.
    pub fn with_settings(ctx: &egui::Context, settings: Settings, path: Option<PathBuf>) -> Self {
        Self::with_sessions(ctx, settings, path, None)
    }

    /// The app with given settings, keeping each article's edits in
    /// `sessions` (a folder; `None`: not kept).
    pub fn with_sessions(
        ctx: &egui::Context,
        settings: Settings,
        path: Option<PathBuf>,
        sessions: Option<PathBuf>,
    ) -> Self {
        let mut app = Self::empty(ctx, settings, sessions);
        match path {
            Some(p) => app.open_path(&p),
            None => app.show(Document::sample()),
        }
        app
    }

    /// The app with no article open.
    fn empty(ctx: &egui::Context, settings: Settings, sessions: Option<PathBuf>) -> Self {
        fonts::install(ctx);
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        MarsadApp {
            ctx: ctx.clone(),
            settings,
            doc: None,
            generation: 0,
            words: 0,
            error: None,
            reader: ReaderState::default(),
            analysis: AnalysisState::default(),
            browse: Browse::default(),
            sidebar: SidebarState::default(),
            timeline: TimelineState::default(),
            type_counts: [0; 5],
            analysis_pending: false,
            redate_anchor: None,
            edits: Edits::default(),
            session: SessionKeeper::new(sessions),
            context_target: None,
            prompt: None,
            pending_import: None,
            opening: None,
            file_job: None,
            notice: None,
            show_orphans: false,
            reapply_after_job: false,
            applied_theme: None,
            title_shown: None,
        }
    }

    pub fn document(&self) -> Option<&Document> {
        self.doc.as_deref()
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn settings_mut(&mut self) -> &mut Settings {
        &mut self.settings
    }

    pub fn reader(&self) -> &ReaderState {
        &self.reader
    }

    pub fn reader_mut(&mut self) -> &mut ReaderState {
        &mut self.reader
    }

    /// The analysis of the open article, once it is done.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.analysis()
    }

    pub fn browse(&self) -> &Browse {
        &self.browse
    }

    pub fn browse_mut(&mut self) -> &mut Browse {
        &mut self.browse
    }

    /// The person's edits of the open article.
    pub fn edits(&self) -> &Edits {
        &self.edits
    }

    /// The edits that no longer fit the open article's text.
    pub fn orphans(&self) -> &[Orphan] {
        self.analysis
            .result
            .as_ref()
            .map_or(&[], |r| r.orphans.as_slice())
    }

    /// Why the open article's session was not restored, if it was not.
    pub fn session_problem(&self) -> Option<&Problem> {
        self.session.problem.as_ref()
    }

    /// Writes the open article's edits now, if any wait (tests; the window
    /// does it when it closes).
    pub fn flush_session(&mut self) {
        if let Some(doc) = self.doc.clone() {
            self.session.flush(&doc, &self.edits);
        }
    }

    /// The events the timeline lists now, in order.
    pub fn timeline_events(&self) -> &[super::browse::EventId] {
        self.timeline.events()
    }

    /// The sidebar's rows now.
    pub fn sidebar_rows(&self) -> &[super::browse::Row] {
        self.sidebar.rows()
    }

    /// Whether the analysis is running.
    pub fn analysing(&self) -> bool {
        self.analysis_pending || self.analysis.progress().is_some()
    }

    /// Waits for the analysis running to finish (tests, benchmarks).
    pub fn finish_analysis(&mut self) {
        self.start_pending_analysis();
        if self.analysis.wait() {
            self.analysis_arrived();
        }
    }

    /// Opens a document already in memory (tests, benchmarks).
    pub fn open_document(&mut self, doc: Document) {
        self.show(doc);
    }

    /// Opens a file. On failure the message is shown and the open article
    /// stays open.
    pub fn open_path(&mut self, path: &Path) {
        match document::load_path(path) {
            Ok(doc) => {
                self.settings.remember(path.to_owned());
                self.show(doc);
            }
            Err(e) => {
                eprintln!("marsad: {e}");
                self.error = Some(i18n::load_error(&e, self.settings.language));
            }
        }
    }

    /// Starts opening a file on a thread (the window's way: File > Open,
    /// recent files, drag and drop, the command line). The open article
    /// stays open and usable until the new one is ready; on failure it
    /// stays, with the message. Another opening under way is cancelled.
    pub fn open_in_background(&mut self, path: &Path) {
        let width = self
            .reader
            .cache
            .width()
            .unwrap_or(self.settings.column_width);
        self.opening = Some(OpenJob::start(
            &self.ctx,
            path.to_owned(),
            &self.settings,
            Some(width),
        ));
    }

    /// The file being opened and the share done, while one is.
    pub fn opening(&self) -> Option<(&Path, f32)> {
        self.opening.as_ref().map(|j| (j.path(), j.fraction()))
    }

    /// Stops opening a file; the open article stays.
    pub fn cancel_opening(&mut self) {
        self.opening = None;
    }

    /// Waits for the file being opened and shows it (tests; the window
    /// polls).
    pub fn finish_opening(&mut self) {
        if let Some(job) = self.opening.take() {
            let outcome = job.wait();
            self.opened(job.path().to_owned(), outcome);
        }
    }

    fn poll_opening(&mut self) {
        let Some(outcome) = self.opening.as_ref().and_then(OpenJob::poll) else {
            return;
        };
        let job = self.opening.take().expect("polled");
        self.opened(job.path().to_owned(), outcome);
    }

    /// An opening ended: the article shown, or the failure said.
    fn opened(&mut self, path: PathBuf, outcome: Option<Outcome>) {
        match outcome {
            Some(Outcome::Opened(o)) => {
                self.settings.remember(path);
                self.show(o.doc);
                self.reader.cache.adopt(self.generation, o.prepared);
            }
            Some(Outcome::Failed(e)) => {
                eprintln!("marsad: {e}");
                self.error = Some(i18n::load_error(&e, self.settings.language));
            }
            None => {} // cancelled
        }
    }

    /// The file being opened: its name, how far, and a button to cancel.
    fn opening_ui(&mut self, ui: &mut Ui) {
        let Some((path, fraction)) = self.opening() else {
            return;
        };
        let lang = self.settings.language;
        let t = i18n::strings(lang);
        let rtl = self.settings.rtl();
        let msg = format!(
            "{} {} {}",
            t.opening,
            i18n::path_shown(path),
            crate::analysis::describe::digits(&format!("{:.0}%", fraction * 100.0), lang)
        );
        let mut cancel = false;
        egui::Panel::top("opening").show(ui, |ui| {
            super::row_ui(ui, rtl, |ui| {
                let font = egui::TextStyle::Body.resolve(ui.style());
                bidi_text::label_colored(ui, &msg, &font, ui.visuals().text_color());
                ui.add(egui::ProgressBar::new(fraction).desired_width(160.0));
                cancel = bidi_text::small_button(ui, t.cancel).clicked();
            });
        });
        if cancel {
            self.cancel_opening();
        }
    }

    fn show(&mut self, doc: Document) {
        // The article that was open keeps its edits.
        self.flush_session();
        self.edits = self.session.open(&doc);
        self.reapply_after_job = false;
        self.words = doc.text.split_whitespace().count();
        let doc = Arc::new(doc);
        self.doc = Some(doc.clone());
        self.generation += 1;
        self.error = None;
        self.notice = None;
        self.reader.reset();
        self.browse.reset();
        self.redate_anchor = None;
        self.sidebar.cursor = None;
        // A date being typed belonged to the article that was open.
        self.timeline.editing = None;
        self.type_counts = [0; 5];
        self.analysis.forget(self.generation);
        self.analysis_pending = true;
    }

    fn start_pending_analysis(&mut self) {
        if std::mem::take(&mut self.analysis_pending)
            && let Some(doc) = self.doc.clone()
        {
            let ctx = self.ctx.clone();
            let date = self
                .session
                .document_date
                .as_deref()
                .and_then(crate::analysis::DocDate::parse);
            self.analysis
                .start(&ctx, doc, self.generation, date, self.edits.clone());
        }
    }

    fn analysis_arrived(&mut self) {
        if std::mem::take(&mut self.reapply_after_job)
            && let Some(doc) = self.doc.clone()
        {
            let ctx = self.ctx.clone();
            if !self.analysis.reapply(&ctx, doc, self.edits.clone()) {
                return; // on its way, from a thread
            }
        }
        if let (Some(target), Some(result), Some(doc)) = (
            self.pending_import.take(),
            self.analysis.result.clone(),
            self.doc.clone(),
        ) {
            // Imported annotations become the person's edits of the article.
            let step = edit_model::diff(&doc.text, &result.analysis, &target);
            if !step.is_empty() {
                self.edit(EditRequest::Step(step));
                return;
            }
        }
        let Some(a) = self.analysis.analysis() else {
            return;
        };
        let mut counts = [0; 5];
        for m in &a.mentions {
            if let Some(i) = TYPES.iter().position(|k| *k == m.kind) {
                counts[i] += 1;
            }
        }
        self.type_counts = counts;
        self.browse.event = None;
        self.sidebar.cursor = None;
        match self.redate_anchor.take() {
            // After a re-dating: the mention and the entity at the same
            // places in the text.
            Some((mention, entity)) => {
                self.browse.mention = mention.and_then(|s| a.mention_at(s));
                self.browse.entity = entity
                    .and_then(|s| a.mention_at(s))
                    .and_then(|m| a.entity_of[m]);
            }
            None => self.browse.clear(),
        }
    }

    fn ask_for_file(&mut self, ctx: &egui::Context) {
        if self.file_job.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let dir = self
            .settings
            .recent
            .first()
            .and_then(|p| p.parent())
            .map(Path::to_owned);
        let t = i18n::strings(self.settings.language);
        let (title, articles, all) = (t.open_dialog_title, t.articles, t.all_files);
        std::thread::spawn(move || {
            let mut dialog = rfd::FileDialog::new()
                .set_title(title)
                .add_filter(articles, &["txt", "html", "htm", "md"])
                .add_filter(all, &["*"]);
            if let Some(dir) = dir {
                dialog = dialog.set_directory(dir);
            }
            let shown = std::time::Instant::now();
            let job = match dialog.pick_file() {
                Some(path) => FileJob::Open(path),
                None => nothing_picked(shown),
            };
            let _ = tx.send(job);
            ctx.request_repaint();
        });
        self.file_job = Some(rx);
    }

    /// Keys that act on the analysis, read before any widget can take
    /// them: Tab and Shift+Tab step through mentions when no widget has the
    /// keyboard, Esc clears the selection, Ctrl+F finds an entity, Alt+↓
    /// and Alt+↑ step through the timeline.
    fn analysis_keys(&mut self, ui: &Ui) {
        let Some(result) = self.analysis.result.clone() else {
            return;
        };
        let focused = ui.memory(|m| m.focused());
        if focused.is_none() {
            // Shift+Tab first: a shortcut without Shift also takes it.
            let (back, tab) = ui.input_mut(|i| {
                (
                    i.consume_key(Modifiers::SHIFT, Key::Tab),
                    i.consume_key(Modifiers::NONE, Key::Tab),
                )
            });
            if tab || back {
                ui.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
                self.browse
                    .step(&result.analysis, tab, self.reader.top_offset());
            }
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
                self.browse.clear();
                self.reader.selection = None;
            }
        }
        if ui.input_mut(|i| {
            i.consume_shortcut(&menu::FIND) || i.consume_key(Modifiers::NONE, Key::F6)
        }) {
            self.find_entity();
        }
        let (next, prev) = ui.input_mut(|i| {
            (
                i.consume_shortcut(&menu::NEXT_EVENT),
                i.consume_shortcut(&menu::PREVIOUS_EVENT),
            )
        });
        if next || prev {
            self.step_event(&result, next);
        }
    }

    /// The editing keys (1 to 5, Delete, undo and redo), on the mention
    /// stepped to.
    fn edit_keys(&mut self, ui: &Ui) {
        if self.analysis.result.is_some()
            && let Some(action) = editing::edit_keys(ui)
        {
            self.edit_action(action, self.browse.mention);
        }
    }

    /// Takes an edit step, or undoes or redoes one; lays the edits over the
    /// machine's analysis again and schedules the autosave.
    pub fn edit(&mut self, request: EditRequest) {
        let Some(result) = self.analysis.result.clone() else {
            return;
        };
        let a = &result.analysis;
        // Where the selection should be afterwards: the edited mention.
        let at = match &request {
            EditRequest::Step(step) => Some(step),
            // The first edit of the step undone or redone.
            EditRequest::Undo => self.edits.done.last(),
            EditRequest::Redo => self.edits.undone.last(),
        }
        .and_then(|step| step.first())
        .and_then(|e| e.spans().last().map(|s| s.start));
        let changed = match request {
            EditRequest::Step(step) => {
                self.edits.push(step);
                true
            }
            EditRequest::Undo => self.edits.undo(),
            EditRequest::Redo => self.edits.redo(),
        };
        if !changed {
            return;
        }
        self.reader.selection = None;
        let entity = self
            .browse
            .entity
            .and_then(|e| a.entities.get(e))
            .and_then(|e| e.mentions.first())
            .map(|&m| a.mentions[m].range.start);
        self.redate_anchor = Some((at, entity));
        self.lay_edits();
    }

    /// Lays the edits over the machine's analysis again (at once for a short
    /// article) and schedules the autosave.
    fn lay_edits(&mut self) {
        let Some(doc) = self.doc.clone() else {
            return;
        };
        let ctx = self.ctx.clone();
        if self.analysis.progress().is_some() {
            // A job is running (a new date, or edits on a long article): it
            // was given the edits as they were; its result gets these.
            self.reapply_after_job = true;
        } else if self.analysis.reapply(&ctx, doc, self.edits.clone()) {
            self.analysis_arrived();
        }
        self.session.touched(ctx.input(|i| i.time));
    }

    /// What the Edit menu and the context menu can act on, with
    /// `target` the mention they act on.
    fn edit_context(&self, target: Option<usize>) -> EditContext {
        EditContext {
            can_undo: !self.edits.done.is_empty(),
            can_redo: !self.edits.undone.is_empty(),
            selection: self.reader.selection.is_some_and(|s| !s.range().is_empty()),
            mention: target.is_some() && self.analysis.result.is_some(),
        }
    }

    /// Runs an editing action on `target` (the mention it acts on).
    pub fn edit_action(&mut self, action: EditAction, target: Option<usize>) {
        let (Some(doc), Some(result)) = (self.doc.clone(), self.analysis.result.clone()) else {
            return;
        };
        let a = &result.analysis;
        match action {
            EditAction::Undo => self.edit(EditRequest::Undo),
            EditAction::Redo => self.edit(EditRequest::Redo),
            EditAction::Note | EditAction::Rename => {
                let Some(m) = target.filter(|&m| m < a.mentions.len()) else {
                    return;
                };
                let rename = action == EditAction::Rename;
                let now = if rename {
                    a.entity_of[m]
                        .map(|e| a.entities[e].canonical.clone())
                        .unwrap_or_else(|| doc.text[a.mentions[m].range.clone()].to_owned())
                } else {
                    a.provenance
                        .get(m)
                        .and_then(|p| p.note.clone())
                        .unwrap_or_default()
                };
                self.prompt = Some(Prompt {
                    rename,
                    span: Span::of(&doc.text, a.mentions[m].range.clone()),
                    field: EditState::new(&now),
                });
            }
            _ => {
                let selection = self.reader.selection.map(|s| s.range());
                if let Some(step) = editing::action_step(
                    action,
                    &doc.text,
                    a,
                    selection,
                    target,
                    self.browse.entity,
                ) {
                    self.edit(EditRequest::Step(step));
                }
            }
        }
    }

    /// The note or name being typed, in a modal box: Enter or OK takes it,
    /// Esc or Cancel drops it.
    fn prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(prompt) = self.prompt.as_mut() else {
            return;
        };
        let lang = self.settings.language;
        let t = i18n::strings(lang);
        let rtl = self.settings.rtl();
        let mut done: Option<bool> = None;
        let modal = egui::Modal::new(egui::Id::unique("edit-prompt")).show(ctx, |ui| {
            ui.set_width(420.0);
            let title = if prompt.rename {
                t.rename_prompt
            } else {
                t.note_prompt
            };
            super::row_ui(ui, rtl, |ui| {
                bidi_text::label_colored(
                    ui,
                    &format!("{title}: «{}»", prompt.span.text),
                    &fonts::interface_bold(14.0),
                    ui.visuals().strong_text_color(),
                )
            });
            ui.add_space(6.0);
            let id_salt = "edit-prompt-field";
            let id = ui.make_persistent_id(id_salt);
            if ui.memory(|m| m.focused().is_none()) {
                ui.memory_mut(|m| m.request_focus(id));
            }
            let out = bidi_edit_ui(ui, &mut prompt.field, id_salt, title, 400.0, rtl);
            if out.submitted {
                done = Some(true);
            }
            ui.add_space(6.0);
            super::row_ui(ui, rtl, |ui| {
                if bidi_text::button(ui, t.ok).clicked() {
                    done = Some(true);
                }
                if bidi_text::button(ui, t.cancel).clicked() {
                    done = Some(false);
                }
            });
        });
        if modal.should_close() && done.is_none() {
            done = Some(false);
        }
        let Some(take) = done else { return };
        let prompt = self.prompt.take().expect("a prompt");
        if !take {
            return;
        }
        let typed = prompt.field.text.trim().to_owned();
        let edit = if prompt.rename {
            if typed.is_empty() {
                return;
            }
            Edit::Rename {
                span: prompt.span,
                name: typed,
            }
        } else {
            Edit::Note {
                span: prompt.span,
                note: (!typed.is_empty()).then_some(typed),
            }
        };
        self.edit(EditRequest::Step(vec![edit]));
    }

    /// Exports the open article's annotations (as edited) in `format`:
    /// a save dialog for one file, a folder for csv and brat.
    fn export(&mut self, format: Format) {
        let (Some(doc), Some(result)) = (self.doc.clone(), self.analysis.result.clone()) else {
            return;
        };
        if self.file_job.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            let id = doc
                .path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| format!("{}.txt", doc.title));
            let article = crate::export::Article {
                id: &id,
                doc: &doc,
                analysis: &result.analysis,
            };
            let files = crate::export::render(format, &article);
            let start = doc
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map(Path::to_owned);
            let mut dialog = rfd::FileDialog::new();
            if let Some(dir) = start {
                dialog = dialog.set_directory(dir);
            }
            let shown = std::time::Instant::now();
            let job = if format.needs_folder() {
                match dialog.pick_folder() {
                    None => nothing_picked(shown),
                    Some(dir) => FileJob::Exported(
                        crate::export::write_folder_files(format, &dir)
                            .and_then(|()| crate::export::write_files(&files, &dir, false))
                            .map(|()| dir)
                            .map_err(|e| e.to_string()),
                    ),
                }
            } else {
                let f = files.into_iter().next().expect("one file");
                // The dialog asks before replacing a file.
                match dialog.set_file_name(&f.name).save_file() {
                    None => nothing_picked(shown),
                    Some(path) => FileJob::Exported(
                        crate::export::write_atomic(&path, &f.bytes, true)
                            .map(|_| path)
                            .map_err(|e| e.to_string()),
                    ),
                }
            };
            let _ = tx.send(job);
            ctx.request_repaint();
        });
        self.file_job = Some(rx);
    }

    /// Asks for annotations to import (json, jsonl, brat .ann, a session).
    fn ask_import(&mut self) {
        if self.file_job.is_some() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let ctx = self.ctx.clone();
        let t = i18n::strings(self.settings.language);
        let title = t.import;
        std::thread::spawn(move || {
            let shown = std::time::Instant::now();
            let picked = rfd::FileDialog::new()
                .set_title(title.trim_end_matches('…'))
                .add_filter("JSON, brat, Marsad", &["json", "jsonl", "ann", "ron"])
                .pick_file();
            let job = match picked {
                None => nothing_picked(shown),
                Some(path) => {
                    let read = crate::export::import::read(&path, None)
                        .map(Box::new)
                        .map_err(|e| e.to_string());
                    FileJob::Imported(path, read)
                }
            };
            let _ = tx.send(job);
            ctx.request_repaint();
        });
        self.file_job = Some(rx);
    }

    fn poll_file_job(&mut self) {
        let Some(rx) = &self.file_job else { return };
        let job = match rx.try_recv() {
            Ok(j) => j,
            Err(mpsc::TryRecvError::Empty) => return,
            Err(mpsc::TryRecvError::Disconnected) => FileJob::Unavailable,
        };
        self.file_job = None;
        let t = i18n::strings(self.settings.language);
        match job {
            FileJob::Open(path) => self.open_in_background(&path),
            FileJob::Exported(Ok(path)) => {
                self.notice = Some(format!("{} {}", t.exported, i18n::path_shown(&path)));
            }
            FileJob::Exported(Err(e)) => self.error = Some(e),
            FileJob::Imported(path, result) => self.imported(&path, result),
            FileJob::Cancelled => {}
            FileJob::Unavailable => self.error = Some(t.no_dialog.into()),
        }
    }

    /// Opens the article that annotations at `path` belong to, and lays
    /// them over its analysis as the person's edits. A file that does not
    /// fit its article gives a message; the open article stays open.
    pub fn import_path(&mut self, path: &Path) {
        self.imported(
            path,
            crate::export::import::read(path, None)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        );
    }

    fn imported(
        &mut self,
        path: &Path,
        result: Result<Box<crate::export::import::Imported>, String>,
    ) {
        match result {
            Ok(imported) => {
                let imported = *imported;
                let lang = self.settings.language;
                self.settings.remember(imported.article);
                self.show(imported.doc);
                self.pending_import = Some(imported.analysis);
                // Said once the article is open: what came in, and what of
                // it (a session made on another text) no longer fits.
                let mut notice = format!(
                    "{} {}",
                    i18n::strings(lang).imported_from,
                    i18n::path_shown(path)
                );
                if !imported.orphans.is_empty() {
                    notice.push_str(" | ");
                    notice.push_str(&i18n::orphans(imported.orphans.len(), lang));
                }
                self.notice = Some(notice);
            }
            Err(e) => self.error = Some(e),
        }
    }

    /// The message shown above the article after an export or an import.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    fn find_entity(&mut self) {
        self.settings.entities_open = true;
        self.sidebar.focus_filter = true;
    }

    fn step_event(&mut self, result: &Analyzed, forward: bool) {
        // The panel may be folded away: its list is brought up to date here.
        let narrowed = self.browse.entity.filter(|_| !self.browse.show_all_events);
        self.timeline
            .update(result, narrowed, self.settings.language);
        let events = self.timeline.events();
        if events.is_empty() {
            return;
        }
        let at = self
            .browse
            .event
            .and_then(|e| events.iter().position(|x| *x == e));
        let i = match (at, forward) {
            (None, true) => 0,
            (None, false) => events.len() - 1,
            (Some(i), true) => (i + 1) % events.len(),
            (Some(i), false) => (i + events.len() - 1) % events.len(),
        };
        let id = events[i];
        self.settings.timeline_open = true;
        self.browse.click_event(&result.analysis, id);
    }

    fn handle_input(&mut self, ui: &Ui) {
        let ctx = ui.ctx().clone();
        if ui.input_mut(|i| i.consume_shortcut(&menu::OPEN)) {
            self.ask_for_file(&ctx);
        }
        menu::view_shortcuts(ui, &mut self.settings);
        let dropped: Vec<PathBuf> = ui.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.open_in_background(path);
        }
    }

    fn apply_theme_and_title(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.settings.theme) {
            ctx.set_visuals(self.settings.theme.visuals());
            self.applied_theme = Some(self.settings.theme);
        }
        let title = match &self.doc {
            Some(d) => format!("{} — Marsad", d.title),
            None => "Marsad".to_owned(),
        };
        if self.title_shown.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title_shown = Some(title);
        }
    }

    fn error_ui(&mut self, ui: &mut Ui) {
        let Some(msg) = self.error.clone() else {
            return;
        };
        let lang = self.settings.language;
        let t = i18n::strings(lang);
        let rtl = self.settings.rtl();
        egui::Panel::top("error").show(ui, |ui| {
            super::row_ui(ui, rtl, |ui| {
                let color = ui.visuals().error_fg_color;
                let font = egui::TextStyle::Body.resolve(ui.style());
                bidi_text::label_colored(ui, &msg, &font, color);
                if self.doc.is_some() {
                    let weak = ui.visuals().weak_text_color();
                    bidi_text::label_colored(ui, t.still_open, &font, weak);
                }
                if bidi_text::small_button(ui, t.dismiss).clicked() {
                    self.error = None;
                }
            });
        });
    }

    /// The open article's session, when it could not be restored: what
    /// happened, and the person's choices.
    fn session_ui(&mut self, ui: &mut Ui) {
        let lang = self.settings.language;
        let t = i18n::strings(lang);
        let rtl = self.settings.rtl();
        let orphans = self.orphans().len();
        let (msg, changed) = match (&self.session.problem, &self.session.error) {
            (Some(Problem::Changed(_)), _) => (t.session_changed.to_owned(), true),
            (Some(Problem::Unreadable(why)), _) => {
                (format!("{} {why}", t.session_unreadable), false)
            }
            (None, Some(e)) => (format!("{} {e}", t.session_not_saved), false),
            (None, None) if orphans > 0 => match &self.notice {
                Some(n) => (format!("{n} | {}", i18n::orphans(orphans, lang)), false),
                None => (i18n::orphans(orphans, lang), false),
            },
            (None, None) => match &self.notice {
                Some(n) => (n.clone(), false),
                None => return,
            },
        };
        let problem = self.session.problem.is_some();
        egui::Panel::top("session").show(ui, |ui| {
            super::row_ui(ui, rtl, |ui| {
                let color = ui.visuals().warn_fg_color;
                let font = egui::TextStyle::Body.resolve(ui.style());
                bidi_text::label_colored(ui, &msg, &font, color);
                if changed
                    && bidi_text::small_button(ui, t.apply_anyway).clicked()
                    && let Some(edits) = self.session.apply_changed()
                {
                    // Edits whose text moved are found where it is now.
                    let text = self.doc.as_ref().map_or("", |d| d.text.as_str());
                    let found = crate::analysis::reanchor::reanchor(text, &edits);
                    if found.moved > 0 {
                        self.notice = Some(i18n::moved(found.moved, lang));
                    }
                    self.edits = found.edits;
                    self.lay_edits();
                }
                if problem
                    && bidi_text::small_button(ui, t.start_afresh).clicked()
                    && let Err(e) = self.session.set_aside()
                {
                    self.session.error = Some(e);
                }
                let notice = !problem && !changed && orphans == 0 && self.session.error.is_none();
                if notice && bidi_text::small_button(ui, t.dismiss).clicked() {
                    self.notice = None;
                }
                if !problem && orphans > 0 {
                    let label = if self.show_orphans {
                        t.hide_orphans
                    } else {
                        t.show_orphans
                    };
                    if bidi_text::small_button(ui, label).clicked() {
                        self.show_orphans = !self.show_orphans;
                    }
                }
            });
            if self.show_orphans && !problem {
                // Each edit not applied: what it did, and on which words.
                let lines: Vec<String> = self
                    .orphans()
                    .iter()
                    .map(|o| i18n::orphan_line(&o.edit, lang))
                    .collect();
                for line in lines {
                    super::row_ui(ui, rtl, |ui| bidi_text::label(ui, &line));
                }
            }
        });
    }

    fn menu_action(&mut self, ctx: &egui::Context, action: MenuAction) {
        match action {
            MenuAction::Open => self.ask_for_file(ctx),
            MenuAction::OpenSample => self.show(Document::sample()),
            MenuAction::OpenRecent(p) => self.open_in_background(&p),
            MenuAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            MenuAction::NextMention | MenuAction::PreviousMention => {
                if let Some(r) = self.analysis.result.clone() {
                    let forward = action == MenuAction::NextMention;
                    self.browse
                        .step(&r.analysis, forward, self.reader.top_offset());
                }
            }
            MenuAction::ClearSelection => {
                self.browse.clear();
                self.reader.selection = None;
            }
            MenuAction::FindEntity => self.find_entity(),
            MenuAction::Edit(a) => self.edit_action(a, self.browse.mention),
            MenuAction::Export(f) => self.export(f),
            MenuAction::Import => self.ask_import(),
            MenuAction::NextEvent | MenuAction::PreviousEvent => {
                if let Some(r) = self.analysis.result.clone() {
                    self.step_event(&r, action == MenuAction::NextEvent);
                }
            }
        }
    }

    /// One frame of the whole window.
    pub fn frame_ui(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        // Before anything changes the style: the galleys Marsad keeps
        // across frames are dropped when egui rebuilds its glyph atlas.
        super::measure::watch_atlas(&ctx);
        self.poll_file_job();
        self.poll_opening();
        if self.opening.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        if self.analysis.poll() {
            self.analysis_arrived();
        }
        if self.analysis.progress().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let lang = self.settings.language;
        bidi_text::set_interface_rtl(&ctx, self.settings.rtl());
        self.analysis_keys(ui);
        self.edit_keys(ui);
        if let Some(doc) = self.doc.clone() {
            let now = ctx.input(|i| i.time);
            if let Some(after) = self.session.tick(now, &doc, &self.edits) {
                ctx.request_repaint_after(std::time::Duration::from_secs_f64(after.max(0.01)));
            }
        }
        self.handle_input(ui);
        self.apply_theme_and_title(&ctx);
        let palette = self.settings.theme.palette();

        let edit_cx = self.edit_context(self.browse.mention);
        let analysed = self.analysis.result.is_some();
        let action = egui::Panel::top("menu")
            .show(ui, |ui| {
                menu::menu_ui(ui, &mut self.settings, &edit_cx, analysed)
            })
            .inner;
        if let Some(action) = action {
            self.menu_action(&ctx, action);
        }
        self.error_ui(ui);
        self.opening_ui(ui);
        self.session_ui(ui);
        let Some(doc) = self.doc.clone() else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.vertical_centered(|ui| {
                    let t = i18n::strings(lang);
                    ui.add_space(80.0);
                    ui.heading("Marsad");
                    bidi_text::label(ui, t.empty_window);
                    if bidi_text::button(ui, t.open_sample).clicked() {
                        self.show(Document::sample());
                    }
                });
            });
            self.drop_overlay(&ctx);
            return;
        };
        let result = self.analysis.result.clone();
        let progress = self
            .analysis
            .progress()
            .or(self.analysis_pending.then_some(0.0));
        let analysis_status = match (&result, progress) {
            (_, Some(p)) => AnalysisStatus::Running(p),
            (Some(r), None) => AnalysisStatus::Done(&r.analysis),
            (None, None) => AnalysisStatus::None,
        };
        let lines = self.reader.cache.layout().lines.len();
        let text = status::status_text(&doc, self.words, lines, analysis_status, lang);
        egui::Panel::bottom("status").show(ui, |ui| {
            super::row_ui(ui, lang == Lang::Arabic, |ui| {
                status::status_ui(ui, &text, &palette)
            });
        });
        if self.settings.legend_open {
            egui::Panel::top("legend").show(ui, |ui| {
                super::row_ui(ui, lang == Lang::Arabic, |ui| {
                    ui.spacing_mut().item_spacing.x = 6.0;
                    legend::legend_ui(ui, &mut self.settings, self.type_counts);
                });
            });
        }
        let rtl = self.settings.rtl();
        let side = |id: &'static str, first: bool| {
            // The sidebar leads (right in Arabic), the timeline trails.
            if first == rtl {
                egui::Panel::right(id)
            } else {
                egui::Panel::left(id)
            }
        };
        let reading_at = self.reader.top_offset();
        let mut open = self.settings.entities_open;
        let shown = side("entities", true)
            .resizable(true)
            .default_size(self.settings.entities_width)
            .size_range(180.0..=700.0)
            .show_collapsible(ui, &mut open, |ui| {
                sidebar_ui(
                    ui,
                    &mut self.sidebar,
                    &doc,
                    result.as_ref(),
                    &mut self.settings,
                    &mut self.browse,
                    reading_at,
                    progress,
                );
            });
        self.settings.entities_open = open;
        // The width is kept when the panel is open, not while it slides.
        if let Some(r) = shown.filter(|r| open && r.response.rect.width() >= 180.0) {
            self.settings.entities_width = r.response.rect.width().round();
        }
        let mut open = self.settings.timeline_open;
        let mut timeline_action = None;
        let shown = side("timeline", false)
            .resizable(true)
            .default_size(self.settings.timeline_width)
            .size_range(220.0..=900.0)
            .show_collapsible(ui, &mut open, |ui| {
                timeline_action = timeline_ui(
                    ui,
                    &mut self.timeline,
                    &doc,
                    result.as_ref(),
                    &self.settings,
                    &mut self.browse,
                );
            });
        self.settings.timeline_open = open;
        if let Some(r) = shown.filter(|r| open && r.response.rect.width() >= 220.0) {
            self.settings.timeline_width = r.response.rect.width().round();
        }
        if let Some(TimelineAction::Redate(date)) = timeline_action {
            // Entities and mentions are numbered anew: the selection is
            // found again by where it is in the text.
            if let Some(r) = &result {
                let a = &r.analysis;
                self.redate_anchor = Some((
                    self.browse
                        .mention
                        .and_then(|m| a.mentions.get(m))
                        .map(|m| m.range.start),
                    self.browse
                        .entity
                        .and_then(|e| a.entities.get(e))
                        .and_then(|e| e.mentions.first())
                        .map(|&m| a.mentions[m].range.start),
                ));
            }
            self.analysis
                .redate(&ctx, doc.clone(), date, self.edits.clone());
            // The reader's date is kept with their edits.
            self.session.document_date = date.map(|d| d.to_timex());
            self.session.touched(ctx.input(|i| i.time));
        }
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).fill(palette.page))
            .show(ui, |ui| {
                let marks = result.as_ref().map(|r| Marks {
                    analysis: &r.analysis,
                    browse: &mut self.browse,
                    lang,
                });
                let response = reader_ui(
                    ui,
                    &doc,
                    self.generation,
                    &self.settings,
                    &mut self.reader,
                    marks,
                );
                // Right-click: the editing actions, on the mention under
                // the pointer (else on the selected text).
                if response.secondary_clicked() {
                    self.context_target = self.reader.hovered;
                }
                let target = self.context_target;
                let cx = self.edit_context(target);
                let merge_into = result.as_ref().and_then(|r| {
                    let a = &r.analysis;
                    let e = self.browse.entity?;
                    let m = target?;
                    (a.entity_of.get(m).copied().flatten() != Some(e)
                        && a.entities.get(e)?.kind == a.mentions.get(m)?.kind)
                        .then(|| a.entities[e].canonical.clone())
                });
                let mut chosen = None;
                response.context_menu(|ui| {
                    ui.set_min_width(240.0);
                    ui.set_max_width(280.0);
                    chosen = editing::edit_items_ui(ui, &cx, merge_into.as_deref(), lang);
                });
                if let Some(action) = chosen {
                    self.edit_action(action, target);
                }
            });
        self.prompt_ui(&ctx);
        self.drop_overlay(&ctx);
        super::measure::note_atlas_fill(&ctx);
        if self.analysis_pending {
            // The text is on screen: now the analysis.
            self.start_pending_analysis();
            ctx.request_repaint();
        }
    }

    fn drop_overlay(&self, ctx: &egui::Context) {
        if ctx.input(|i| !i.raw.hovered_files.is_empty()) {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(120));
            let t = i18n::strings(self.settings.language);
            let galley = bidi_text::line_galley(
                ctx,
                t.drop_to_open,
                &egui::FontId::proportional(28.0),
                egui::Color32::WHITE,
                self.settings.rtl(),
            );
            painter.galley(
                rect.center() - galley.size() / 2.0,
                galley,
                egui::Color32::WHITE,
            );
        }
    }
}

impl eframe::App for MarsadApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
        self.flush_session();
    }

    fn on_exit(&mut self) {
        self.flush_session();
    }
}
