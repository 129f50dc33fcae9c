//! Marsad (مرصد): a desktop reader for Arabic news.
//!
//! Data flows one way:
//!
//! - [`document`] turns a file's bytes into text, a title and paragraphs;
//! - [`layout`] sets the paragraphs right to left (bidi, line breaking,
//!   hit-testing) against shaped widths it asks for through a trait;
//! - [`ui`] is the eframe app: it implements that trait with egui's fonts and
//!   paints the lines. Only `ui` (and the binary) names egui.

pub mod analysis;
pub mod document;
pub mod export;
pub mod layout;
pub mod ui;
