//! What the reader chose, kept between runs through eframe's storage.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::browse::Sort;
use super::i18n::Lang;
use super::theme::Theme;
use crate::analysis::MentionType;

pub const MIN_FONT: f32 = 12.0;
pub const MAX_FONT: f32 = 48.0;
pub const DEFAULT_FONT: f32 = 22.0;
const MAX_RECENT: usize = 10;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Reading font size, in points.
    pub font_size: f32,
    /// Line height as a multiple of the font size.
    pub line_spacing: f32,
    pub theme: Theme,
    /// The widest the text column gets, in points.
    pub column_width: f32,
    /// Most recent first.
    pub recent: Vec<PathBuf>,
    /// The interface's language (Arabic by default, mirrored).
    pub language: Lang,
    /// Mention types whose highlights are off.
    pub hidden_types: Vec<MentionType>,
    pub entities_open: bool,
    pub timeline_open: bool,
    pub legend_open: bool,
    /// Panel widths, in points.
    pub entities_width: f32,
    pub timeline_width: f32,
    pub sort: Sort,
    /// Sidebar groups folded shut.
    pub collapsed_groups: Vec<MentionType>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            font_size: DEFAULT_FONT,
            line_spacing: 1.7,
            theme: Theme::Light,
            column_width: 760.0,
            recent: Vec::new(),
            language: Lang::Arabic,
            hidden_types: Vec::new(),
            entities_open: true,
            timeline_open: true,
            legend_open: true,
            entities_width: 270.0,
            timeline_width: 340.0,
            sort: Sort::Frequency,
            collapsed_groups: Vec::new(),
        }
    }
}

impl Settings {
    /// Whether the interface reads right to left.
    pub fn rtl(&self) -> bool {
        self.language == Lang::Arabic
    }

    pub fn bigger(&mut self) {
        self.font_size = (self.font_size + 2.0).min(MAX_FONT);
    }

    pub fn smaller(&mut self) {
        self.font_size = (self.font_size - 2.0).max(MIN_FONT);
    }

    /// Puts `path` first in the recent files.
    pub fn remember(&mut self, path: PathBuf) {
        let path = path.canonicalize().unwrap_or(path);
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }

    /// Values read back from storage, brought into their ranges.
    pub fn sanitized(mut self) -> Self {
        let d = Settings::default();
        let ok =
            |v: f32, lo: f32, hi: f32, def: f32| if v.is_finite() { v.clamp(lo, hi) } else { def };
        self.font_size = ok(self.font_size, MIN_FONT, MAX_FONT, d.font_size);
        self.line_spacing = ok(self.line_spacing, 1.0, 3.0, d.line_spacing);
        self.column_width = ok(self.column_width, 300.0, 3000.0, d.column_width);
        self.entities_width = ok(self.entities_width, 160.0, 900.0, d.entities_width);
        self.timeline_width = ok(self.timeline_width, 200.0, 1200.0, d.timeline_width);
        self.hidden_types.dedup();
        self.recent.truncate(MAX_RECENT);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_and_newest_first() {
        let mut s = Settings::default();
        s.remember("/tmp/a.txt".into());
        s.remember("/tmp/b.txt".into());
        s.remember("/tmp/a.txt".into());
        assert_eq!(
            s.recent,
            [PathBuf::from("/tmp/a.txt"), PathBuf::from("/tmp/b.txt")]
        );
    }

    #[test]
    fn stored_values_are_clamped() {
        let s: Settings = ron::from_str("(font_size: 900.0, line_spacing: -1.0)").unwrap();
        let s = s.sanitized();
        assert_eq!(s.font_size, MAX_FONT);
        assert_eq!(s.line_spacing, 1.0);
        assert_eq!(s.theme, Theme::Light, "missing fields take defaults");
    }
}
