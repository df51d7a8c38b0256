//! The incident memory in storage (`spanmark/1/blob/incidents`): read back at startup, written
//! each time an accepted or rejected event teaches it, taken when another tab saved it.

use leptos::prelude::*;
use spanmark_core::persist;
use spanmark_core::workspace::EVENTS_BLOB;

use super::autosave::use_storage;
use crate::state::AppState;
use crate::Command;

/// Restore the saved incident memory and save every change of it. Call once, after
/// `use_learning` (a damaged blob is reported in the learner's panel).
pub fn use_event_memory_storage(app: AppState) {
    let storage = use_storage();
    if let Some(raw) = storage.store.with_value(|s| s.load_blob(EVENTS_BLOB)) {
        app.dispatch(Command::RestoreEventMemory(raw));
    }
    app.on_event_memory_save(Callback::new(move |raw: String| {
        match storage
            .store
            .try_with_value(|s| s.save_blob(EVENTS_BLOB, &raw))
        {
            Some(Err(e)) => app.say(
                format!("The incident memory could not be saved: {}", e.sentence()),
                true,
            ),
            _ => storage.refresh_usage(),
        }
    }));
    // another tab taught it: take its memory
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(persist::blob_key(EVENTS_BLOB).as_str()) {
            return;
        }
        if let Some(raw) = ev.new_value() {
            app.dispatch(Command::RestoreEventMemory(raw));
        }
    });
}
