//! Entries that failed to load are moved aside under `spanmark/1/quarantine/<key>`,
//! raw and untouched, so every other document loads and the user can download them.

use spanmark_core::persist::{quarantine_key, QUARANTINE_PREFIX};

use super::store::Store;

/// One entry set aside: where it is kept now, where it came from and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quarantined {
    pub key: String,
    pub original: String,
    pub reason: String,
    /// false when storage was too full to copy it aside: it stays under its own key
    pub moved: bool,
}

impl Quarantined {
    /// "spanmark/1/doc/abc could not be loaded: span 3 (…) lies outside the text…"
    pub fn sentence(&self) -> String {
        let name = self.original.rsplit('/').next().unwrap_or(&self.original);
        let mut s = format!(
            "The saved entry “{name}” could not be loaded: {}.",
            self.reason
        );
        if self.moved {
            s.push_str(" It was set aside; everything else loaded.");
        } else {
            s.push_str(" Storage is too full to set it aside, so it stays where it was.");
        }
        s
    }

    /// A file name for the raw download.
    pub fn file_name(&self) -> String {
        let safe: String = self
            .original
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        format!("{safe}.raw.txt")
    }
}

impl Store {
    /// Copy the raw entry aside first, then remove the original: never delete-then-write.
    pub(super) fn quarantine(&self, key: &str, raw: &str, reason: &str) -> Quarantined {
        let mut target = quarantine_key(key);
        let mut n = 2;
        while self
            .area
            .get(&target)
            .ok()
            .flatten()
            .is_some_and(|old| old != raw)
        {
            target = format!("{}~{n}", quarantine_key(key));
            n += 1;
        }
        let moved = self.area.set(&target, raw).is_ok() && self.area.remove(key).is_ok();
        Quarantined {
            key: if moved { target } else { key.to_string() },
            original: key.to_string(),
            reason: reason.trim_end_matches('.').to_string(),
            moved,
        }
    }

    /// Entries already in quarantine from earlier loads.
    pub fn quarantine_list(&self) -> Vec<Quarantined> {
        let mut keys: Vec<String> = self
            .area
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(QUARANTINE_PREFIX))
            .collect();
        keys.sort();
        keys.into_iter()
            .map(|key| {
                let original = key
                    .trim_start_matches(QUARANTINE_PREFIX)
                    .split('~')
                    .next()
                    .unwrap_or("")
                    .to_string();
                Quarantined {
                    key,
                    original,
                    reason: "it did not load earlier".into(),
                    moved: true,
                }
            })
            .collect()
    }

    /// The raw text of a quarantined entry, for download.
    pub fn quarantine_raw(&self, q: &Quarantined) -> Option<String> {
        self.area.get(&q.key).ok().flatten()
    }

    /// Delete a quarantined entry once the user has it (only quarantine keys).
    pub fn discard_quarantined(&self, q: &Quarantined) -> bool {
        q.key.starts_with(QUARANTINE_PREFIX) && self.area.remove(&q.key).is_ok()
    }
}
