//! Named blobs other parts of the page keep beside the documents (the learned memory,
//! a model): raw strings under `spanmark/1/blob/<name>`, included in backups.

use std::collections::BTreeMap;

use spanmark_core::persist;

use super::quarantine::Quarantined;
use super::store::{SaveError, Store};

impl Store {
    /// Raw strings of the blobs (memory, model) stored by other parts of the app.
    pub fn blobs(&self) -> BTreeMap<String, String> {
        self.area
            .keys()
            .into_iter()
            .filter_map(|k| {
                let name = k.strip_prefix(persist::BLOB_PREFIX)?.to_string();
                Some((name, self.area.get(&k).ok().flatten()?))
            })
            .collect()
    }

    pub fn save_blob(&self, name: &str, raw: &str) -> Result<(), SaveError> {
        self.write(&persist::blob_key(name), raw)
    }

    pub fn load_blob(&self, name: &str) -> Option<String> {
        self.area.get(&persist::blob_key(name)).ok().flatten()
    }

    /// Move a blob that could not be read aside (copied under quarantine, then removed),
    /// so a fresh one can be saved without losing it. The learning page calls this.
    pub fn quarantine_blob(&self, name: &str, reason: &str) -> Quarantined {
        let key = persist::blob_key(name);
        let raw = self.area.get(&key).ok().flatten().unwrap_or_default();
        self.quarantine(&key, &raw, reason)
    }
}
