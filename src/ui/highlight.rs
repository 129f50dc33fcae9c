//! The colours and underlines of mentions in each theme.
//!
//! Actors are one family of blues, a person light and an organisation
//! deep; places green, numbers amber, dates violet. The five backgrounds
//! differ in lightness (so they stay apart in grey and for colour-blind
//! readers) and each type has its own underline: solid, double, dashed,
//! dotted, wavy. A mention of the selected entity gets a stronger mark.

use egui::{Color32, Painter, Pos2, Stroke, pos2};

use super::theme::Theme;
use crate::analysis::MentionType;

/// The five types, in the order the legend shows them.
pub const TYPES: [MentionType; 5] = [
    MentionType::Person,
    MentionType::Organization,
    MentionType::Place,
    MentionType::Number,
    MentionType::Date,
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Underline {
    Solid,
    Double,
    Dashed,
    Dotted,
    Wavy,
}

/// How one type is marked in one theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TypeStyle {
    pub background: Color32,
    /// The underline's colour (and the selected mark's).
    pub ink: Color32,
    pub underline: Underline,
}

pub fn underline_of(kind: MentionType) -> Underline {
    match kind {
        MentionType::Person => Underline::Solid,
        MentionType::Organization => Underline::Double,
        MentionType::Place => Underline::Dashed,
        MentionType::Number => Underline::Dotted,
        MentionType::Date => Underline::Wavy,
    }
}

const fn hex(v: u32) -> Color32 {
    Color32::from_rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

pub fn style(theme: Theme, kind: MentionType) -> TypeStyle {
    use MentionType::*;
    let (background, ink) = match (theme, kind) {
        (Theme::Light, Person) => (hex(0xe6f2fc), hex(0x2f7fc4)),
        (Theme::Light, Organization) => (hex(0x9fbfe2), hex(0x0b3d7a)),
        (Theme::Light, Place) => (hex(0xbde0c7), hex(0x1c7040)),
        (Theme::Light, Number) => (hex(0xf9e2ae), hex(0xa35f00)),
        (Theme::Light, Date) => (hex(0xe0bfea), hex(0x7d3399)),
        (Theme::Dark, Person) => (hex(0x1c3347), hex(0x7cc0f5)),
        (Theme::Dark, Organization) => (hex(0x33609a), hex(0xb4cfff)),
        (Theme::Dark, Place) => (hex(0x1f5133), hex(0x6fd39a)),
        (Theme::Dark, Number) => (hex(0x6b5216), hex(0xf2b84b)),
        (Theme::Dark, Date) => (hex(0x5a3063), hex(0xdda5ef)),
        (Theme::Sepia, Person) => (hex(0xcfdfe8), hex(0x2f6f9a)),
        (Theme::Sepia, Organization) => (hex(0x9db5cd), hex(0x163d66)),
        (Theme::Sepia, Place) => (hex(0xb9cfa1), hex(0x3d6b22)),
        (Theme::Sepia, Number) => (hex(0xf0d08c), hex(0x98570a)),
        (Theme::Sepia, Date) => (hex(0xd3b5cf), hex(0x74336d)),
    };
    TypeStyle {
        background,
        ink,
        underline: underline_of(kind),
    }
}

/// Draws an underline of `style` from `x0` to `x1` at height `y`.
pub fn paint_underline(
    painter: &Painter,
    x0: f32,
    x1: f32,
    y: f32,
    style: Underline,
    stroke: Stroke,
) {
    let (x0, x1) = (x0.min(x1), x0.max(x1));
    if x1 - x0 < 1.0 {
        return;
    }
    match style {
        Underline::Solid => {
            painter.line_segment([pos2(x0, y), pos2(x1, y)], stroke);
        }
        Underline::Double => {
            let thin = Stroke::new((stroke.width * 0.8).max(1.0), stroke.color);
            painter.line_segment([pos2(x0, y - 1.5), pos2(x1, y - 1.5)], thin);
            painter.line_segment([pos2(x0, y + 1.5), pos2(x1, y + 1.5)], thin);
        }
        Underline::Dashed => {
            let mut x = x0;
            while x < x1 {
                painter.line_segment([pos2(x, y), pos2((x + 6.0).min(x1), y)], stroke);
                x += 9.0;
            }
        }
        Underline::Dotted => {
            let r = (stroke.width * 0.75).max(0.9);
            let mut x = x0 + r;
            while x <= x1 - r + 0.01 {
                painter.circle_filled(pos2(x, y), r, stroke.color);
                x += 3.6 * r.max(1.0);
            }
        }
        Underline::Wavy => {
            let mut points: Vec<Pos2> = Vec::new();
            let mut x = x0;
            let mut up = true;
            while x < x1 {
                points.push(pos2(x, if up { y - 1.5 } else { y + 1.5 }));
                x += 3.0;
                up = !up;
            }
            points.push(pos2(x1, if up { y - 1.5 } else { y + 1.5 }));
            painter.add(egui::Shape::line(points, stroke));
        }
    }
}

/// CIE lightness L* of a colour (0 black to 100 white).
pub fn lightness(c: Color32) -> f32 {
    let lin = |v: u8| {
        let c = v as f32 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let y = 0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b());
    if y > 0.008856 {
        116.0 * y.cbrt() - 16.0
    } else {
        903.3 * y
    }
}

/// WCAG contrast ratio of two colours.
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let l = |c: Color32| (lightness(c) + 16.0) / 116.0;
    let y = |c: Color32| {
        let t = l(c);
        if t > 0.206_893 {
            t * t * t
        } else {
            (t - 16.0 / 116.0) / 7.787
        }
    };
    let (ya, yb) = (y(a), y(b));
    (ya.max(yb) + 0.05) / (ya.min(yb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_differ_in_lightness_and_text_stays_legible_in_every_theme() {
        for theme in Theme::ALL {
            let p = theme.palette();
            let mut ls: Vec<(f32, MentionType)> = TYPES
                .iter()
                .map(|&k| (lightness(style(theme, k).background), k))
                .collect();
            ls.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in ls.windows(2) {
                assert!(
                    w[1].0 - w[0].0 >= 2.9,
                    "{theme:?}: {:?} and {:?} are too close in lightness ({} vs {})",
                    w[0].1,
                    w[1].1,
                    w[0].0,
                    w[1].0
                );
            }
            for &k in &TYPES {
                let s = style(theme, k);
                assert!(
                    contrast(s.background, p.text) >= 4.5,
                    "{theme:?} {k:?}: text on the highlight"
                );
                assert!(
                    (lightness(s.background) - lightness(p.page)).abs() >= 4.0,
                    "{theme:?} {k:?}: the highlight stands out from the page"
                );
                assert!(
                    contrast(s.ink, p.page) >= 3.0,
                    "{theme:?} {k:?}: the underline is visible"
                );
            }
        }
        let styles: std::collections::HashSet<_> = TYPES
            .iter()
            .map(|&k| format!("{:?}", underline_of(k)))
            .collect();
        assert_eq!(styles.len(), 5, "one underline style per type");
    }
}
