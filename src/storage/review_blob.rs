//! The review state in storage: the team (`spanmark/1/blob/review/team`) and the adjudication
//! (`spanmark/1/blob/review`) read back at startup after the documents, written as they change.
//!
//! Writes wait [`DEBOUNCE`] for the next change (a run of `n` presses is one write, after it),
//! and are flushed when the page is hidden or left, like the documents' autosave. A change
//! only names the blob: its contents are asked of the workspace when written, so a key press
//! serializes nothing (a run of presses is serialized once, when it is written).

use leptos::prelude::*;
use spanmark_core::workspace::{ReviewCommand, Workspace, REVIEW_BLOB, REVIEW_TEAM_BLOB};

use super::autosave::{use_storage, StorageState, DEBOUNCE};
use super::store::{SaveError, Store};
use crate::state::AppState;
use crate::Command;

/// The saved review, as it is read back: the team first (the adjudication may be made on it).
pub fn restore_commands(store: &Store) -> Vec<Command> {
    [
        (
            REVIEW_TEAM_BLOB,
            ReviewCommand::RestoreTeam as fn(String) -> ReviewCommand,
        ),
        (REVIEW_BLOB, ReviewCommand::Restore),
    ]
    .into_iter()
    .filter_map(|(name, command)| Some(Command::Review(command(store.load_blob(name)?))))
    .collect()
}

/// Save one review blob (`REVIEW_BLOB` or `REVIEW_TEAM_BLOB`); the sentence to show when
/// it could not be (a full quota included: never silent).
pub fn save_review_blob(store: &Store, blob: &str, raw: &str) -> Result<(), String> {
    store
        .save_blob(blob, raw)
        .map_err(|e| save_failure(blob, &e))
}

fn save_failure(blob: &str, e: &SaveError) -> String {
    let what = if blob == REVIEW_TEAM_BLOB {
        "The annotators' files could not be kept for after a reload (load them again then)"
    } else {
        "The adjudication could not be saved"
    };
    format!("{what}: {}.", e.sentence())
}

/// The review state as the workspace gives it now: the blob `blob`'s contents (`None`: no
/// team is loaded, so there is no team blob to write).
pub fn review_blob_now(w: &Workspace, blob: &str) -> Option<String> {
    if blob == REVIEW_TEAM_BLOB {
        w.review().team_blob()
    } else {
        Some(w.review().to_blob())
    }
}

/// Review blobs waiting to be written (their names, in the order first asked) and the timer
/// that writes them.
#[derive(Clone, Copy)]
struct Pending {
    blobs: StoredValue<Vec<&'static str>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    storage: StorageState,
    app: AppState,
}

impl Pending {
    /// Write `blob` after [`DEBOUNCE`] unless another change comes; nothing is serialized yet.
    fn schedule(self, blob: &'static str) {
        self.blobs.update_value(|b| {
            if !b.contains(&blob) {
                b.push(blob);
            }
        });
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    /// Write what waits now, as the workspace gives it now; a failure is said (never silent).
    fn flush(self) {
        if let Some(Some(h)) = self.timer.try_get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        let Some(blobs) = self.blobs.try_update_value(std::mem::take) else {
            return;
        };
        if blobs.is_empty() {
            return;
        }
        for blob in blobs {
            let Some(Some(raw)) = self.app.read(|w| review_blob_now(w, blob)) else {
                continue;
            };
            let saved = self
                .storage
                .store
                .try_with_value(|s| save_review_blob(s, blob, &raw));
            if let Some(Err(why)) = saved {
                self.app.say(why, true);
            }
        }
        self.storage.refresh_usage();
    }
}

/// Restore the saved review and save every change of it. Call once, after `use_autosave`.
pub fn use_review_storage(app: AppState) {
    let storage = use_storage();
    let commands = storage.store.with_value(restore_commands);
    for command in commands {
        // a bad blob is said (the dispatch shows the core's sentence); the rest still loads
        app.dispatch(command);
    }
    let pending = Pending {
        blobs: StoredValue::new(Vec::new()),
        timer: StoredValue::new(None),
        storage,
        app,
    };
    app.on_review_save(Callback::new(move |blob: &'static str| {
        pending.schedule(blob)
    }));
    let _ = window_event_listener(leptos::ev::pagehide, move |_| pending.flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            pending.flush();
        }
    });
}
