//! The interface's words in Arabic (the default) and English. Every label
//! the window shows comes from here; Arabic ones are drawn through
//! [`super::bidi_text`].

use crate::analysis::MentionType;
pub use crate::analysis::describe::Lang;
use crate::analysis::describe::{self, Noun};
use crate::analysis::doc_date::DateSource;
use crate::document::LoadError;

/// Every fixed label of the interface.
pub struct Strings {
    pub file: &'static str,
    pub open: &'static str,
    pub open_sample: &'static str,
    pub open_recent: &'static str,
    pub no_recent: &'static str,
    pub clear_list: &'static str,
    pub quit: &'static str,
    pub view: &'static str,
    pub larger: &'static str,
    pub smaller: &'static str,
    pub default_size: &'static str,
    pub font_size: &'static str,
    pub line_spacing: &'static str,
    pub column_width: &'static str,
    pub theme: &'static str,
    pub light: &'static str,
    pub dark: &'static str,
    pub sepia: &'static str,
    pub language: &'static str,
    pub panels: &'static str,
    pub entities_panel: &'static str,
    pub timeline_panel: &'static str,
    pub legend: &'static str,
    pub highlights: &'static str,
    pub navigate: &'static str,
    pub next_mention: &'static str,
    pub previous_mention: &'static str,
    pub clear_selection: &'static str,
    pub find_entity: &'static str,
    pub next_event: &'static str,
    pub previous_event: &'static str,
    pub empty_window: &'static str,
    pub drop_to_open: &'static str,
    pub still_open: &'static str,
    pub dismiss: &'static str,
    pub no_dialog: &'static str,
    pub edit: &'static str,
    pub undo: &'static str,
    pub redo: &'static str,
    pub mark_as: &'static str,
    pub mark_all_as: &'static str,
    pub span_to_selection: &'static str,
    pub delete_mention: &'static str,
    pub add_note: &'static str,
    pub rename_entity: &'static str,
    pub split_entity: &'static str,
    pub merge_into: &'static str,
    pub note_prompt: &'static str,
    pub rename_prompt: &'static str,
    pub decided_by_person: &'static str,
    pub note: &'static str,
    pub ok: &'static str,
    pub cancel: &'static str,
    pub export_as: &'static str,
    pub import: &'static str,
    pub exported: &'static str,
    pub imported_from: &'static str,
    pub show_orphans: &'static str,
    pub hide_orphans: &'static str,
    pub session_changed: &'static str,
    pub session_unreadable: &'static str,
    pub session_not_saved: &'static str,
    pub apply_anyway: &'static str,
    pub start_afresh: &'static str,
    pub analysing: &'static str,
    /// Before the name of a file being opened.
    pub opening: &'static str,
    pub analysis_failed: &'static str,
    pub entities: &'static str,
    pub filter_hint: &'static str,
    pub sort: &'static str,
    pub by_frequency: &'static str,
    pub by_first: &'static str,
    pub by_name: &'static str,
    pub no_match: &'static str,
    pub timeline: &'static str,
    pub show_all_events: &'static str,
    pub time_axis: &'static str,
    pub only_events_of: &'static str,
    pub document_date: &'static str,
    pub no_date: &'static str,
    pub change: &'static str,
    pub apply: &'static str,
    pub article_date: &'static str,
    pub year: &'static str,
    pub month: &'static str,
    pub day: &'static str,
    pub vague: &'static str,
    pub undated: &'static str,
    pub no_events: &'static str,
    pub open_dialog_title: &'static str,
    pub articles: &'static str,
    pub all_files: &'static str,
    pub hide: &'static str,
}

pub const ARABIC: Strings = Strings {
    file: "ملف",
    open: "فتح…",
    open_sample: "فتح المقال النموذجي",
    open_recent: "الملفات الأخيرة",
    no_recent: "لا ملفات حديثة",
    clear_list: "مسح القائمة",
    quit: "خروج",
    view: "عرض",
    larger: "تكبير النص",
    smaller: "تصغير النص",
    default_size: "الحجم الافتراضي",
    font_size: "حجم الخط",
    line_spacing: "تباعد الأسطر",
    column_width: "عرض العمود",
    theme: "السمة",
    light: "فاتحة",
    dark: "داكنة",
    sepia: "سيبيا",
    language: "لغة الواجهة",
    panels: "اللوحات",
    entities_panel: "لوحة الكيانات",
    timeline_panel: "لوحة الخط الزمني",
    legend: "دليل الألوان",
    highlights: "التلوين",
    navigate: "تنقل",
    next_mention: "الإشارة التالية",
    previous_mention: "الإشارة السابقة",
    clear_selection: "إلغاء التحديد",
    find_entity: "البحث عن كيان",
    next_event: "الحدث التالي",
    previous_event: "الحدث السابق",
    empty_window: "افتح مقالاً عربياً: ملف > فتح (Ctrl+O)، أو أفلت ملفاً هنا.",
    drop_to_open: "أفلت الملف لفتحه",
    still_open: "المقال الذي كان مفتوحاً ما زال مفتوحاً.",
    dismiss: "إغلاق",
    edit: "تحرير",
    undo: "تراجع",
    redo: "إعادة",
    mark_as: "عيّن النص نوعاً",
    mark_all_as: "وكل مواضع الكلمة نفسها",
    span_to_selection: "اجعل الإشارة على النص المحدد",
    delete_mention: "احذف الإشارة",
    add_note: "ملاحظة على الإشارة…",
    rename_entity: "سمِّ الكيان…",
    split_entity: "افصل الإشارة عن كيانها",
    merge_into: "ادمج كيانها في",
    note_prompt: "ملاحظة على الإشارة",
    rename_prompt: "اسم الكيان",
    decided_by_person: "عيّنها القارئ",
    note: "ملاحظة",
    ok: "حسناً",
    cancel: "إلغاء",
    export_as: "صدِّر التعليقات بصيغة",
    import: "استورد تعليقات…",
    exported: "صُدِّر إلى",
    imported_from: "استُوردت التعليقات من",
    show_orphans: "اعرضها",
    hide_orphans: "أخفها",
    session_changed: "تغيّر نص المقال منذ أن عدّلته. تُحفظ تعديلاتك السابقة كما هي حتى تختار.",
    session_unreadable: "تعذرت قراءة تعديلاتك السابقة لهذا المقال، وملفها محفوظ كما هو:",
    session_not_saved: "لم تُحفظ التعديلات:",
    apply_anyway: "طبّق ما زال يوافق النص",
    start_afresh: "ابدأ من جديد (يُنحّى الملف القديم جانباً)",
    no_dialog: "تعذر عرض نافذة اختيار الملفات (يستعمل مرصد بوابة سطح المكتب أو zenity). اسحب ملفاً إلى النافذة، أو شغّل: marsad FILE",
    analysing: "جارٍ التحليل…",
    opening: "يُفتح",
    analysis_failed: "تعذر تحليل المقال",
    entities: "الكيانات",
    filter_hint: "تصفية الأسماء…",
    sort: "ترتيب",
    by_frequency: "حسب التكرار",
    by_first: "حسب الظهور",
    by_name: "حسب الاسم",
    no_match: "لا كيان يطابق",
    timeline: "الخط الزمني",
    show_all_events: "كل الأحداث",
    time_axis: "محور الزمن",
    only_events_of: "أحداث",
    document_date: "تاريخ الوثيقة",
    no_date: "بلا تاريخ",
    change: "تغيير…",
    apply: "تطبيق",
    article_date: "تاريخ المقال",
    year: "السنة",
    month: "الشهر",
    day: "اليوم",
    vague: "أزمنة مبهمة ونسبية",
    undated: "جمل بلا تاريخ",
    no_events: "لا أحداث مؤرخة",
    open_dialog_title: "فتح مقال",
    articles: "مقالات",
    all_files: "كل الملفات",
    hide: "إخفاء",
};

pub const ENGLISH: Strings = Strings {
    file: "File",
    open: "Open…",
    open_sample: "Open the sample article",
    open_recent: "Open recent",
    no_recent: "No recent files",
    clear_list: "Clear the list",
    quit: "Quit",
    view: "View",
    larger: "Larger text",
    smaller: "Smaller text",
    default_size: "Default size",
    font_size: "Font size",
    line_spacing: "Line spacing",
    column_width: "Column width",
    theme: "Theme",
    light: "Light",
    dark: "Dark",
    sepia: "Sepia",
    language: "Interface language",
    panels: "Panels",
    entities_panel: "Entities panel",
    timeline_panel: "Timeline panel",
    legend: "Colour legend",
    highlights: "Highlights",
    navigate: "Navigate",
    next_mention: "Next mention",
    previous_mention: "Previous mention",
    clear_selection: "Clear the selection",
    find_entity: "Find an entity",
    next_event: "Next event",
    previous_event: "Previous event",
    empty_window: "Open an Arabic article: File > Open (Ctrl+O), or drop a file here.",
    drop_to_open: "Drop to open",
    still_open: "The article that was open is still open.",
    dismiss: "Dismiss",
    edit: "Edit",
    undo: "Undo",
    redo: "Redo",
    mark_as: "Mark the text as",
    mark_all_as: "…with every occurrence",
    span_to_selection: "Set the mention to the selected text",
    delete_mention: "Delete the mention",
    add_note: "Note on the mention…",
    rename_entity: "Rename the entity…",
    split_entity: "Split the mention from its entity",
    merge_into: "Merge its entity into",
    note_prompt: "Note on the mention",
    rename_prompt: "Name of the entity",
    decided_by_person: "Marked by you",
    note: "Note",
    ok: "OK",
    cancel: "Cancel",
    export_as: "Export the annotations as",
    import: "Import annotations…",
    exported: "Exported to",
    imported_from: "Annotations imported from",
    show_orphans: "Show them",
    hide_orphans: "Hide them",
    session_changed: "The article's text changed since you edited it. Your earlier edits are kept as they are until you choose.",
    session_unreadable: "Your earlier edits of this article could not be read; their file is kept as it is:",
    session_not_saved: "The edits were not saved:",
    apply_anyway: "Apply what still fits the text",
    start_afresh: "Start afresh (the old file is set aside)",
    no_dialog: "No file dialog could be shown (Marsad uses the desktop portal or zenity). Drag a file onto the window, or run: marsad FILE",
    analysing: "Analysing…",
    opening: "Opening",
    analysis_failed: "The article could not be analysed",
    entities: "Entities",
    filter_hint: "Filter names…",
    sort: "Sort",
    by_frequency: "By frequency",
    by_first: "By first appearance",
    by_name: "By name",
    no_match: "No entity matches",
    timeline: "Timeline",
    show_all_events: "All events",
    time_axis: "Time axis",
    only_events_of: "Events of",
    document_date: "Document date",
    no_date: "none",
    change: "Change…",
    apply: "Apply",
    article_date: "The article's date",
    year: "Year",
    month: "Month",
    day: "Day",
    vague: "Vague and relative times",
    undated: "Sentences without a date",
    no_events: "No dated events",
    open_dialog_title: "Open an article",
    articles: "Articles",
    all_files: "All files",
    hide: "Hide",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Arabic => &ARABIC,
        Lang::English => &ENGLISH,
    }
}

/// The name of a language in itself, for the language menu.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Arabic => "العربية",
        Lang::English => "English",
    }
}

pub const PARAGRAPH: Noun = Noun {
    one: "فقرة واحدة",
    two: "فقرتان",
    few: "فقرات",
    many: "فقرة",
    english: ("paragraph", "paragraphs"),
};

/// A bad byte sequence of a file, shown as U+FFFD.
pub const UNREADABLE: Noun = Noun {
    one: "رمز تالف واحد",
    two: "رمزان تالفان",
    few: "رموز تالفة",
    many: "رمزاً تالفاً",
    english: ("unreadable character", "unreadable characters"),
};

pub const WORD: Noun = Noun {
    one: "كلمة واحدة",
    two: "كلمتان",
    few: "كلمات",
    many: "كلمة",
    english: ("word", "words"),
};

pub const LINE: Noun = Noun {
    one: "سطر واحد",
    two: "سطران",
    few: "أسطر",
    many: "سطراً",
    english: ("line", "lines"),
};

pub const ENTITY: Noun = Noun {
    one: "كيان واحد",
    two: "كيانان",
    few: "كيانات",
    many: "كياناً",
    english: ("entity", "entities"),
};

pub use describe::{EVENT, MENTION, count};

/// Where the document date came from, in words.
pub fn date_source(source: DateSource, lang: Lang) -> &'static str {
    match (lang, source) {
        (Lang::Arabic, DateSource::CommandLine) => "من سطر الأوامر",
        (Lang::Arabic, DateSource::Reader) => "اخترته أنت",
        (Lang::Arabic, DateSource::HtmlMetadata) => "من بيانات الصفحة",
        (Lang::Arabic, DateSource::Dateline) => "من سطر التاريخ",
        (Lang::Arabic, DateSource::LatestDate) => "آخر تاريخ في النص",
        (Lang::Arabic, DateSource::None) => "لم يُعثر عليه",
        (Lang::English, DateSource::CommandLine) => "given on the command line",
        (Lang::English, DateSource::Reader) => "chosen by you",
        (Lang::English, DateSource::HtmlMetadata) => "from the page's metadata",
        (Lang::English, DateSource::Dateline) => "from the dateline",
        (Lang::English, DateSource::LatestDate) => "the latest date in the text",
        (Lang::English, DateSource::None) => "none found",
    }
}

/// A path to set inside a sentence: isolated left to right (LRI … PDI), so
/// its slashes stay where they are in an Arabic sentence: without it,
/// «صُدِّر إلى /tmp/out» was drawn with its first slash right of «tmp».
pub fn path_shown(p: &std::path::Path) -> String {
    format!("\u{2066}{}\u{2069}", p.display())
}

/// A file that could not be opened, in the interface's language.
pub fn load_error(e: &LoadError, lang: Lang) -> String {
    if lang == Lang::English {
        return e.to_string();
    }
    let shown = |p: &std::path::Path| path_shown(p);
    match e {
        LoadError::NotFound(p) => format!("{}: لا يوجد ملف بهذا الاسم", shown(p)),
        LoadError::IsDirectory(p) => format!("{} مجلد وليس ملفاً", shown(p)),
        LoadError::Io { path, source } => format!("تعذرت قراءة {} ({source})", shown(path)),
        LoadError::Empty(p) => format!("{} ملف فارغ", shown(p)),
        LoadError::TooLarge { path, size } => format!(
            "حجم {} {} ميغابايت، أكبر من {} ميغابايت التي يفتحها مرصد",
            shown(path),
            describe::number((*size / 1_000_000) as f64, lang),
            describe::number((crate::document::MAX_FILE_BYTES / 1_000_000) as f64, lang)
        ),
        LoadError::Binary(p) => format!("{} ليس ملفاً نصياً (فيه بيانات ثنائية)", shown(p)),
        LoadError::NoText(p) => format!("{}: لا تحوي الصفحة نص مقال", shown(p)),
    }
}

/// The label of a mention for screen readers and tests: «شخص: سابرينا سينغ».
pub fn mention_label(kind: MentionType, text: &str, lang: Lang) -> String {
    format!("{}: {text}", describe::type_name(kind, lang))
}

/// How many spans of the person's edits were found at new places in the
/// changed text.
pub fn moved(n: usize, lang: Lang) -> String {
    counted(
        "تعديلات وُجد نصها في موضع جديد بعد تغيّر المقال فنُقلت إليه",
        "Edits whose text moved when the article changed, found again",
        n,
        lang,
    )
}

/// How many of the person's edits no longer fit the text (orphans).
pub fn orphans(n: usize, lang: Lang) -> String {
    counted(
        "تعديلات لم تعد توافق النص بعد تغيّره فلم تُطبَّق",
        "Edits that no longer fit the text since it changed, not applied",
        n,
        lang,
    )
}

/// A message and a count after a colon (in Arabic, no agreement to get
/// wrong), in the interface's language and digits.
fn counted(arabic: &str, english: &str, n: usize, lang: Lang) -> String {
    match lang {
        Lang::Arabic => format!("{arabic}: {}", describe::number(n as f64, lang)),
        Lang::English => format!("{english}: {n}"),
    }
}

/// One edit that was not applied, as the window lists it: what it did and
/// the words it was made on: «مكان: بغداد», «حذف: سابرينا سينغ».
pub fn orphan_line(edit: &crate::analysis::edits::Edit, lang: Lang) -> String {
    use crate::analysis::edits::Edit;
    let ar = lang == Lang::Arabic;
    let (what, words) = match edit {
        Edit::Mark { span, kind } => (describe::type_name(*kind, lang).to_owned(), &span.text),
        Edit::Unmark { span } => ((if ar { "حذف" } else { "deleted" }).to_owned(), &span.text),
        Edit::Resize { from, .. } => (
            (if ar {
                "تغيير المدى"
            } else {
                "new extent"
            })
            .to_owned(),
            &from.text,
        ),
        Edit::Note { span, .. } => ((if ar { "ملاحظة" } else { "note" }).to_owned(), &span.text),
        Edit::Rename { span, name } => (
            if ar {
                format!("تسمية «{name}»")
            } else {
                format!("named «{name}»")
            },
            &span.text,
        ),
        Edit::Merge { from, .. } => ((if ar { "دمج" } else { "merged" }).to_owned(), &from.text),
        Edit::Split { spans } => (
            (if ar { "فصل" } else { "split" }).to_owned(),
            match spans.first() {
                Some(s) => &s.text,
                None => return String::new(),
            },
        ),
    };
    format!("{what}: «{words}»")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::single_line::visual_pieces_with;

    /// Seen in the window after File > Export: «صُدِّر إلى /tmp/walk/out/»
    /// was drawn as if it read «tmp/walk/out/»: its first slash, between
    /// two directions, took the sentence's and stood right of «tmp».
    #[test]
    fn a_path_in_an_arabic_sentence_keeps_its_slashes_in_place() {
        let path = std::path::Path::new("/tmp/walk/out");
        let shown = |s: &str| -> String {
            let (_, pieces) = visual_pieces_with(s, true, Some(true));
            pieces
                .iter()
                .map(|p| &s[p.range.clone()])
                .collect::<String>()
                .chars()
                .filter(|c| !crate::layout::bidi::is_bidi_control(*c))
                .collect()
        };
        let bare = format!("{} {}", ARABIC.exported, path.display());
        assert!(
            !shown(&bare).starts_with("/tmp/walk/out "),
            "{}",
            shown(&bare)
        );
        let isolated = format!("{} {}", ARABIC.exported, path_shown(path));
        assert!(
            shown(&isolated).starts_with("/tmp/walk/out "),
            "{}",
            shown(&isolated)
        );
        let missing = load_error(
            &LoadError::NotFound("/home/sara/article.txt".into()),
            Lang::Arabic,
        );
        assert!(
            shown(&missing).ends_with(" :/home/sara/article.txt"),
            "{}",
            shown(&missing)
        );
    }
}
