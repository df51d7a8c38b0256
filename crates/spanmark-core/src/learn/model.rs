//! The tagger as data: weights quantised to i16 and packed (delta-coded keys) into a
//! base64 string inside a small versioned JSON object, fit for localStorage and files.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::bilou::TagSet;
use super::error::LearnError;
use super::features::{FeatureMap, TABLE_BITS};
use super::tagger::Tagger;

pub const MODEL_VERSION: u32 = 1;

/// The serialised tagger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModelFile {
    pub version: u32,
    pub labels: Vec<String>,
    pub table_bits: u32,
    /// weight = stored i16 × scale
    pub scale: f32,
    pub transitions: Vec<f32>,
    pub label_counts: Vec<u32>,
    /// base64 of varint(key delta) + i16 LE per weight, key = feature × tags + tag
    pub weights: String,
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], pos: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*pos)?;
        *pos += 1;
        v |= ((b & 0x7f) as u64) << shift;
        if b < 0x80 {
            return Some(v);
        }
    }
    None
}

impl ModelFile {
    pub fn from_tagger(tagger: &Tagger) -> Self {
        let tags = tagger.tags.len() as u64;
        let mut entries: Vec<(u64, f32)> = tagger
            .weights
            .iter()
            .flat_map(|(&id, row)| {
                row.iter()
                    .map(move |&(t, w)| (id as u64 * tags + t as u64, w))
            })
            .collect();
        entries.sort_by_key(|e| e.0);
        let max = entries.iter().map(|e| e.1.abs()).fold(0.0f32, f32::max);
        let scale = if max > 0.0 {
            max / i16::MAX as f32
        } else {
            1.0
        };
        let mut bytes = Vec::with_capacity(entries.len() * 4);
        let mut last = 0u64;
        for (key, w) in entries {
            let q = (w / scale).round() as i16;
            if q == 0 {
                continue;
            }
            put_varint(&mut bytes, key - last);
            bytes.extend_from_slice(&q.to_le_bytes());
            last = key;
        }
        ModelFile {
            version: MODEL_VERSION,
            labels: tagger.tags.labels().to_vec(),
            table_bits: TABLE_BITS,
            scale,
            transitions: tagger.transitions.clone(),
            label_counts: tagger.label_counts.clone(),
            weights: STANDARD.encode(bytes),
        }
    }

    pub fn to_tagger(&self) -> Result<Tagger, LearnError> {
        if self.version > MODEL_VERSION {
            return Err(LearnError::TooNew(self.version));
        }
        if self.table_bits != TABLE_BITS {
            return Err(LearnError::Damaged(format!(
                "feature table of {} bits, expected {TABLE_BITS}",
                self.table_bits
            )));
        }
        let tags = TagSet::new(self.labels.clone());
        let n = tags.len();
        if self.transitions.len() != (n + 1) * n {
            return Err(LearnError::Damaged(
                "the transition table does not fit the labels".into(),
            ));
        }
        let bytes = STANDARD
            .decode(&self.weights)
            .map_err(|e| LearnError::Damaged(e.to_string()))?;
        let mut weights: FeatureMap<Vec<(u16, f32)>> = FeatureMap::default();
        let (mut pos, mut key) = (0usize, 0u64);
        while pos < bytes.len() {
            let delta = get_varint(&bytes, &mut pos)
                .ok_or_else(|| LearnError::Damaged("truncated key".into()))?;
            key += delta;
            let raw = bytes
                .get(pos..pos + 2)
                .ok_or_else(|| LearnError::Damaged("truncated weight".into()))?;
            pos += 2;
            let w = i16::from_le_bytes([raw[0], raw[1]]) as f32 * self.scale;
            let id = (key / n as u64) as u32;
            if id >= 1 << TABLE_BITS {
                return Err(LearnError::Damaged(
                    "a feature lies outside the table".into(),
                ));
            }
            weights
                .entry(id)
                .or_default()
                .push(((key % n as u64) as u16, w));
        }
        let mut label_counts = self.label_counts.clone();
        label_counts.resize(self.labels.len(), 0);
        Ok(Tagger {
            tags,
            weights,
            transitions: self.transitions.clone(),
            label_counts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip() {
        let mut out = Vec::new();
        for v in [0u64, 1, 127, 128, 300, 1 << 40] {
            put_varint(&mut out, v);
        }
        let mut pos = 0;
        for v in [0u64, 1, 127, 128, 300, 1 << 40] {
            assert_eq!(get_varint(&out, &mut pos), Some(v));
        }
        assert_eq!(get_varint(&[0x80], &mut 0), None);
    }
}
