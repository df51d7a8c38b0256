//! The review state in storage: the team (`spanmark/1/blob/review/team`) and the adjudication
//! (`spanmark/1/blob/review`) read back at startup after the documents, written as they change.
//!
//! Writes wait [`DEBOUNCE`] for the next change (a run of `n` presses is one write, after it),
//! and are flushed when the page is hidden or left, like the documents' autosave.

use leptos::prelude::*;
use spanmark_core::workspace::{ReviewCommand, REVIEW_BLOB, REVIEW_TEAM_BLOB};

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

/// Review blobs waiting to be written (the newest of each name) and the timer that writes them.
#[derive(Clone, Copy)]
struct Pending {
    blobs: StoredValue<Vec<(&'static str, String)>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    storage: StorageState,
    app: AppState,
}

impl Pending {
    /// Keep the newest `raw` of `blob` and write it after [`DEBOUNCE`] unless another comes.
    fn schedule(self, blob: &'static str, raw: String) {
        self.blobs.update_value(|b| {
            b.retain(|(name, _)| *name != blob);
            b.push((blob, raw));
        });
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.flush(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    /// Write what waits now; a failure is said (never silent).
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
        for (blob, raw) in blobs {
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
    app.on_review_save(Callback::new(move |(blob, raw): (&'static str, String)| {
        pending.schedule(blob, raw)
    }));
    let _ = window_event_listener(leptos::ev::pagehide, move |_| pending.flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            pending.flush();
        }
    });
}
