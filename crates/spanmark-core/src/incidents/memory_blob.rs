//! The incident memory as a storage blob (`spanmark/1/blob/incidents`): saved beside the
//! learner when an accepted or rejected event teaches it, read back at startup.

use serde::Serialize;

use super::memory::EventMemory;

/// The storage blob the incident memory is kept in (`spanmark/1/blob/incidents`).
pub const EVENTS_BLOB: &str = "incidents";
const FORMAT: &str = "spanmark-incident-memory";
const VERSION: u32 = 1;

/// Why a saved incident memory could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum MemoryBlobError {
    #[error("it is not JSON ({0})")]
    NotJson(String),
    #[error("it has no \"format\": \"{FORMAT}\"")]
    NotIncidentMemory,
    #[error("it was saved by a newer Spanmark (version {0}; this one reads up to {VERSION})")]
    TooNew(u64),
    #[error("a field is damaged ({0})")]
    Damaged(String),
}

#[derive(Serialize)]
struct BlobOut<'a> {
    format: &'static str,
    version: u32,
    memory: &'a EventMemory,
}

impl EventMemory {
    /// The blob to save.
    pub fn to_blob(&self) -> String {
        let blob = BlobOut {
            format: FORMAT,
            version: VERSION,
            memory: self,
        };
        serde_json::to_string(&blob).unwrap_or_default()
    }

    /// Read a saved blob; a damaged or newer one is refused, never guessed.
    pub fn from_blob(raw: &str) -> Result<Self, MemoryBlobError> {
        let value: serde_json::Value =
            serde_json::from_str(raw).map_err(|e| MemoryBlobError::NotJson(e.to_string()))?;
        if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(MemoryBlobError::NotIncidentMemory);
        }
        let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
        if version > VERSION as u64 {
            return Err(MemoryBlobError::TooNew(version));
        }
        let memory = value
            .get("memory")
            .cloned()
            .ok_or_else(|| MemoryBlobError::Damaged("no \"memory\"".into()))?;
        serde_json::from_value(memory).map_err(|e| MemoryBlobError::Damaged(e.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_survives_its_blob_and_bad_blobs_are_refused() {
        let mut memory = EventMemory::default();
        memory
            .triggers
            .entry("torched".into())
            .or_default()
            .insert("ATTACK".into(), 2);
        memory.rejected.insert("blast".into());
        memory
            .roles
            .entry("ATTACK".into())
            .or_default()
            .insert("place".into(), 3);
        let back = EventMemory::from_blob(&memory.to_blob()).unwrap();
        assert_eq!(back, memory);
        assert_eq!(
            EventMemory::from_blob("{"),
            Err(MemoryBlobError::NotJson(
                "EOF while parsing an object at line 1 column 1".into()
            ))
        );
        assert_eq!(
            EventMemory::from_blob(r#"{"format":"spanmark-learner"}"#),
            Err(MemoryBlobError::NotIncidentMemory)
        );
        let newer = memory.to_blob().replace("\"version\":1", "\"version\":9");
        assert_eq!(
            EventMemory::from_blob(&newer),
            Err(MemoryBlobError::TooNew(9))
        );
        let damaged =
            r#"{"format":"spanmark-incident-memory","version":1,"memory":{"triggers":3}}"#;
        assert!(matches!(
            EventMemory::from_blob(damaged),
            Err(MemoryBlobError::Damaged(_))
        ));
    }
}
