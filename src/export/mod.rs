//! Annotations out to the formats other tools read, one file per format.
//! Offsets are converted here, at the edge: byte ranges become code points.

pub mod json;
