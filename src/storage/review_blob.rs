//! The review state in storage: the team (`spanmark/1/blob/review/team`) and the adjudication
//! (`spanmark/1/blob/review`) read back at startup after the documents, written as they change.

use leptos::prelude::*;
use spanmark_core::workspace::{ReviewCommand, REVIEW_BLOB, REVIEW_TEAM_BLOB};

use super::autosave::use_storage;
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

/// Restore the saved review and save every change of it. Call once, after `use_autosave`.
pub fn use_review_storage(app: AppState) {
    let storage = use_storage();
    let commands = storage.store.with_value(restore_commands);
    for command in commands {
        // a bad blob is said (the dispatch shows the core's sentence); the rest still loads
        app.dispatch(command);
    }
    app.on_review_save(Callback::new(
        move |(blob, raw): (&'static str, String)| match storage
            .store
            .try_with_value(|s| save_review_blob(s, blob, &raw))
        {
            Some(Err(why)) => app.say(why, true),
            _ => storage.refresh_usage(),
        },
    ));
}
