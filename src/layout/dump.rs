//! The layout as JSON, in code points: what `marsad layout` prints.

use serde::Serialize;

use super::Layout;
use crate::document::offsets::CodePoints;

#[derive(Serialize)]
pub struct LayoutDump {
    pub font: String,
    pub font_size: f32,
    pub width: f32,
    pub lines: Vec<LineDump>,
}

#[derive(Serialize)]
pub struct LineDump {
    pub start: usize,
    pub end: usize,
    pub y: f32,
    pub items: Vec<ItemDump>,
}

#[derive(Serialize)]
pub struct ItemDump {
    pub start: usize,
    pub end: usize,
    pub x: f32,
    pub width: f32,
    pub rtl: bool,
}

pub fn dump(text: &str, layout: &Layout, font: &str, font_size: f32) -> LayoutDump {
    let cp = CodePoints::new(text);
    let round = |v: f32| (v * 100.0).round() / 100.0;
    LayoutDump {
        font: font.to_owned(),
        font_size,
        width: layout.params.map_or(0.0, |p| p.width),
        lines: layout
            .lines
            .iter()
            .map(|l| LineDump {
                start: cp.of(l.range.start),
                end: cp.of(l.range.end),
                y: round(l.y),
                items: l
                    .items
                    .iter()
                    .map(|i| ItemDump {
                        start: cp.of(i.range().start),
                        end: cp.of(i.range().end),
                        x: round(i.x),
                        width: round(i.width),
                        rtl: i.rtl,
                    })
                    .collect(),
            })
            .collect(),
    }
}
