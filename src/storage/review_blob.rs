//! The review state in storage (`spanmark/1/blob/review`): read back at startup after the
//! documents (a reload mid-way through an adjudication carries on), written on each choice.

use leptos::prelude::*;
use spanmark_core::workspace::{ReviewCommand, REVIEW_BLOB};

use super::autosave::use_storage;
use crate::state::AppState;
use crate::Command;

/// Restore the saved review and save every change of it. Call once, after `use_autosave`.
pub fn use_review_storage(app: AppState) {
    let storage = use_storage();
    if let Some(raw) = storage.store.with_value(|s| s.load_blob(REVIEW_BLOB)) {
        app.dispatch(Command::Review(ReviewCommand::Restore(raw)));
    }
    app.on_review_save(Callback::new(move |raw: String| {
        match storage
            .store
            .try_with_value(|s| s.save_blob(REVIEW_BLOB, &raw))
        {
            Some(Err(e)) => app.say(
                format!("The review could not be saved: {}", e.sentence()),
                true,
            ),
            _ => storage.refresh_usage(),
        }
    }));
}
