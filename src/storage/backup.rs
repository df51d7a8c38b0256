//! "Download everything" and "Restore": the backup file from what the page holds, and
//! an all-or-nothing restore that rolls back every key it wrote if one write fails.
//!
//! Restore replaces documents with the same id, keeps documents the file does not have,
//! and keeps a changed current version as a "(before restore)" copy: nothing is lost.

use std::collections::BTreeMap;

use spanmark_core::persist::{
    blob_key, decode_backup, doc_key, encode_backup, encode_labels, encode_settings, Backup,
    LABELS_KEY, SETTINGS_KEY,
};
use spanmark_core::Document;

use super::saved::same_content;
use super::store::{now_ms, SaveError, Snapshot, Store};

/// What a restore did, for the app to apply and the user to read.
#[derive(Debug)]
pub struct Restored {
    pub backup: Backup,
    /// current versions that differed from the file's, kept under new ids
    pub kept: Vec<Document>,
}

impl Store {
    /// The backup file of what the page holds now (unsaved changes included).
    pub fn backup(&self, snap: &Snapshot) -> Result<String, String> {
        let backup = Backup {
            saved: now_ms(),
            documents: snap.documents.to_vec(),
            labels: Some(snap.labels.clone()),
            settings: Some(snap.settings.clone()),
            blobs: self.blobs(),
        };
        encode_backup(&backup).map_err(|e| e.to_string())
    }

    /// Restore a backup file. On any error nothing in storage has changed.
    pub fn restore(&self, raw: &str, current: &[Document]) -> Result<Restored, String> {
        let mut backup = decode_backup(raw).map_err(|e| format!("Nothing was restored: {e}."))?;
        let stamp = now_ms() as u64;
        let mut kept = Vec::new();
        for doc in &mut backup.documents {
            let stored_rev = self.read_document(&doc.id).map_or(0, |d| d.revision);
            doc.revision = doc
                .revision
                .max(stored_rev)
                .max(self.base_revision(&doc.id))
                + 1;
            if let Some(cur) = current
                .iter()
                .find(|c| c.id == doc.id)
                .filter(|c| !same_content(c, doc))
            {
                let mut copy = cur.clone();
                copy.id = format!("{}-{stamp}", cur.id);
                copy.title = format!("{} (before restore)", cur.title);
                copy.revision = 1;
                kept.push(copy);
            }
        }
        // Restored records hold their text: the text keys the replaced records name go after.
        let replaced: Vec<String> = backup
            .documents
            .iter()
            .filter_map(|d| self.named_text(&d.id))
            .collect();
        let mut writes: Vec<(String, String)> = Vec::new();
        for doc in kept.iter().chain(&backup.documents) {
            let raw = spanmark_core::persist::encode_document(doc).map_err(|e| e.to_string())?;
            writes.push((doc_key(&doc.id), raw));
        }
        if let Some(labels) = &backup.labels {
            writes.push((
                LABELS_KEY.into(),
                encode_labels(labels).map_err(|e| e.to_string())?,
            ));
        }
        if let Some(settings) = &backup.settings {
            writes.push((
                SETTINGS_KEY.into(),
                encode_settings(settings).map_err(|e| e.to_string())?,
            ));
        }
        for (name, raw) in &backup.blobs {
            writes.push((blob_key(name), raw.clone()));
        }
        self.write_all_or_nothing(&writes).map_err(|e| {
            format!(
                "Nothing was restored: {}.",
                e.sentence().replace(
                    "your work is kept",
                    "the file is not applied; your work is kept"
                )
            )
        })?;
        for key in &replaced {
            let _ = self.area.remove(key);
        }
        for doc in kept.iter().chain(&backup.documents) {
            self.mark_saved(doc);
        }
        *self.last_labels.borrow_mut() = None;
        *self.last_settings.borrow_mut() = None;
        Ok(Restored { backup, kept })
    }

    /// Write every entry, or put back what was there before and report the first error.
    fn write_all_or_nothing(&self, writes: &[(String, String)]) -> Result<(), SaveError> {
        let mut before: BTreeMap<&str, Option<String>> = BTreeMap::new();
        for (key, _) in writes {
            before.insert(key, self.area.get(key).ok().flatten());
        }
        for (n, (key, raw)) in writes.iter().enumerate() {
            if let Err(e) = self.write(key, raw) {
                // New keys go first to free room, then old values come back.
                for (k, _) in writes[..n]
                    .iter()
                    .filter(|(k, _)| before.get(k.as_str()).is_none_or(Option::is_none))
                {
                    let _ = self.area.remove(k);
                }
                for (k, _) in &writes[..n] {
                    if let Some(Some(old)) = before.get(k.as_str()) {
                        let _ = self.area.set(k, old);
                    }
                }
                return Err(e);
            }
        }
        Ok(())
    }
}
