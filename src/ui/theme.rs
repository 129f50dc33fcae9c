//! Light, dark and sepia reading themes.

use egui::Color32;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    Sepia,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::Sepia];

    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::Sepia => "Sepia",
        }
    }

    /// The next theme, for the toolbar toggle.
    pub fn next(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Sepia,
            Theme::Sepia => Theme::Light,
        }
    }

    pub fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                page: Color32::from_rgb(0xfc, 0xfc, 0xfa),
                text: Color32::from_rgb(0x1d, 0x1d, 0x1f),
                muted: Color32::from_rgb(0x6b, 0x6b, 0x70),
                selection: Color32::from_rgb(0xb4, 0xd5, 0xfe),
                selected_text: Color32::from_rgb(0x0b, 0x2a, 0x6b),
            },
            Theme::Dark => Palette {
                page: Color32::from_rgb(0x1e, 0x1f, 0x22),
                text: Color32::from_rgb(0xe4, 0xe4, 0xe0),
                muted: Color32::from_rgb(0x9a, 0x9a, 0xa0),
                selection: Color32::from_rgb(0x2f, 0x4f, 0x7f),
                selected_text: Color32::WHITE,
            },
            Theme::Sepia => Palette {
                page: Color32::from_rgb(0xf4, 0xec, 0xd8),
                text: Color32::from_rgb(0x3b, 0x2f, 0x22),
                muted: Color32::from_rgb(0x7d, 0x6b, 0x55),
                selection: Color32::from_rgb(0xd9, 0xc3, 0x9a),
                selected_text: Color32::from_rgb(0x2a, 0x1a, 0x08),
            },
        }
    }

    /// egui's widget colours for the theme.
    pub fn visuals(self) -> egui::Visuals {
        let p = self.palette();
        let mut v = match self {
            Theme::Dark => egui::Visuals::dark(),
            _ => egui::Visuals::light(),
        };
        v.panel_fill = p.page;
        v.window_fill = p.page;
        v.extreme_bg_color = p.page;
        v.selection.bg_fill = p.selection;
        v
    }
}

/// Colours of the reading page.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub page: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub selection: Color32,
    pub selected_text: Color32,
}
