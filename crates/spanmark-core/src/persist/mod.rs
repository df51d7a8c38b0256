//! Storage schema `spanmark/1` (record version 3: events and relations, the text under its own key): how documents, labels, settings and backups become
//! strings for local storage and back, with validation, migrations and conflict merges.
//!
//! Key layout (one key per document so one edit rewrites one small entry and one bad
//! entry cannot take the others down):
//!
//! | key | value |
//! |---|---|
//! | `spanmark/1/index` | document order and titles ([`IndexRecord`]) |
//! | `spanmark/1/doc/<id>` | one document ([`encode_head_at`]: record version 3, text elsewhere; older entries hold it inline) |
//! | `spanmark/1/text/<hash>/<id>` | that document's text, written once ([`text_key`]) |
//! | `spanmark/1/labels` | the label schema ([`encode_labels`]) |
//! | `spanmark/1/settings` | a JSON object of settings ([`encode_settings`]) |
//! | `spanmark/1/blob/<name>` | opaque blobs such as `memory` or `model` |
//! | `spanmark/1/quarantine/<original key>` | an entry that failed to load, kept raw |

mod backup;
mod error;
mod links_wire;
mod merge;
mod meta;
mod migrate;
mod packed;
mod record;
mod save_plan;
mod text_key;

pub use backup::{decode_backup, encode_backup, Backup, BACKUP_FORMAT};
pub use error::PersistError;
pub use merge::{merge, Merge};
pub use meta::{
    decode_index, decode_labels, decode_settings, encode_index, encode_labels, encode_settings,
    IndexRecord,
};
pub use migrate::{migrate, record_version};
pub use record::{
    decode_document, decode_document_value, decode_stored, document_value, encode_document,
    encode_document_at, encode_head_at,
};
pub use save_plan::{save_plan, Write};
pub use text_key::{doc_id_of_text_key, text_hash, text_key, TEXT_PREFIX};

/// The schema name written into backups and used as the key prefix.
pub const SCHEMA: &str = "spanmark/1";
/// The key layout and backup schema number (`spanmark/1`); record versions count apart.
pub const LAYOUT_VERSION: u64 = 1;
/// The newest record version this build reads, and the one the store writes (the text under
/// its own key).
pub const VERSION: u64 = 3;
/// The version of the index, labels and settings entries: unchanged by record version 3.
pub const META_VERSION: u64 = 2;
/// The version of a record with its text inline (backups, restore): unchanged since version 2,
/// so builds before version 3 still read it.
pub const INLINE_VERSION: u64 = 2;

pub const PREFIX: &str = "spanmark/1/";
pub const INDEX_KEY: &str = "spanmark/1/index";
pub const LABELS_KEY: &str = "spanmark/1/labels";
pub const SETTINGS_KEY: &str = "spanmark/1/settings";
pub const DOC_PREFIX: &str = "spanmark/1/doc/";
pub const BLOB_PREFIX: &str = "spanmark/1/blob/";
pub const QUARANTINE_PREFIX: &str = "spanmark/1/quarantine/";

/// The key of one document.
pub fn doc_key(id: &str) -> String {
    format!("{DOC_PREFIX}{id}")
}

/// The document id of a document key, if it is one.
pub fn doc_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DOC_PREFIX).filter(|id| !id.is_empty())
}

/// The key of a named blob (`memory`, `model`).
pub fn blob_key(name: &str) -> String {
    format!("{BLOB_PREFIX}{name}")
}

/// Where a failed entry is moved aside; the original key stays readable in the name.
pub fn quarantine_key(original: &str) -> String {
    format!("{QUARANTINE_PREFIX}{original}")
}
