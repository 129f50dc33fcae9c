//! The model file: a magic number, then the weights, the gazetteer, the
//! vocabulary, the genre profile and the LSTM, each behind its
//! length (the text parts deflated).

use super::gazetteer::Gazetteer;
use super::genre::GenreProfile;
use super::lstm::Lstm;
use super::perceptron::{self, Perceptron};
use super::vocabulary::Vocabulary;

const MAGIC: &[u8; 8] = b"MRSDNER5";

/// A model file: the weights ([`perceptron::save`]), the gazetteer, the
/// vocabulary, the genre profile and the LSTM, each behind its
/// length.
pub fn save_model(
    model: &Perceptron,
    gazetteer: &Gazetteer,
    vocabulary: &Vocabulary,
    genres: &GenreProfile,
    lstm: &Lstm,
) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    for part in [
        perceptron::save(model),
        miniz_oxide::deflate::compress_to_vec(gazetteer.to_text().as_bytes(), 6),
        miniz_oxide::deflate::compress_to_vec(vocabulary.to_text().as_bytes(), 6),
        miniz_oxide::deflate::compress_to_vec(genres.to_text().as_bytes(), 6),
        lstm.to_bytes(),
    ] {
        out.extend_from_slice(&(part.len() as u32).to_le_bytes());
        out.extend_from_slice(&part);
    }
    out
}

/// The LSTM of a model file's bytes (what [`save_model`] wrote).
pub fn lstm_of_model(bytes: &[u8]) -> Result<Lstm, String> {
    Lstm::from_bytes(model_parts(bytes)?[4], &super::vectors::VECTORS)
}

/// The parts [`save_model`] wrote.
pub(super) fn model_parts(bytes: &[u8]) -> Result<Vec<&[u8]>, String> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err("not a Marsad NER model of this version (retrain with marsad train)".into());
    }
    let mut at = 8;
    let mut parts = Vec::new();
    for _ in 0..5 {
        let n = bytes.get(at..at + 4).ok_or("model file is cut short")?;
        let n = u32::from_le_bytes(n.try_into().unwrap()) as usize;
        parts.push(
            bytes
                .get(at + 4..at + 4 + n)
                .ok_or("model file is cut short")?,
        );
        at += 4 + n;
    }
    Ok(parts)
}

pub(super) fn inflate_text(part: &[u8]) -> Result<String, String> {
    let raw = miniz_oxide::inflate::decompress_to_vec(part)
        .map_err(|e| format!("damaged model: {e:?}"))?;
    String::from_utf8(raw).map_err(|_| "damaged model text".to_owned())
}
