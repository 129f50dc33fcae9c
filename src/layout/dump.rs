//! The layout as JSON, in code points: what `marsad layout` prints.

use serde::Serialize;

use super::Layout;

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

/// Converts byte offsets of `text` to code point offsets.
pub struct CodePoints {
    starts: Vec<usize>,
}

impl CodePoints {
    pub fn new(text: &str) -> Self {
        CodePoints {
            starts: text.char_indices().map(|(i, _)| i).collect(),
        }
    }

    /// The code point index of the byte offset `byte` (a char boundary, or
    /// the end of the text).
    pub fn of(&self, byte: usize) -> usize {
        self.starts.partition_point(|&s| s < byte)
    }
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
                        start: cp.of(i.range.start),
                        end: cp.of(i.range.end),
                        x: round(i.x),
                        width: round(i.width),
                        rtl: i.rtl,
                    })
                    .collect(),
            })
            .collect(),
    }
}
