//! Autosave: loads saved work at startup, saves within 300 ms of each announced change
//! (debounced), flushes when the page is hidden or left, and keeps the status current.
//!
//! Wiring: `crate::storage::use_autosave(app)` once in `App`, after the state exists.

use std::time::Duration;

use leptos::prelude::*;
use serde_json::{Map, Value};

use super::meter::Usage;
use super::quarantine::Quarantined;
use super::store::{Snapshot, Store, SyncReport};
use crate::state::AppState;
use crate::Command;

pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// What the status line says.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveStatus {
    Saved,
    Saving,
    NotSaved(String),
    /// localStorage is unavailable: the page works, nothing outlives it.
    MemoryOnly(String),
}

impl SaveStatus {
    pub fn text(&self) -> String {
        match self {
            SaveStatus::Saved => "Saved".into(),
            SaveStatus::Saving => "Saving…".into(),
            SaveStatus::NotSaved(why) => format!("Not saved: {why}"),
            SaveStatus::MemoryOnly(why) => format!(
                "Not saved: this browser does not let the page keep data ({why}). \
                 Nothing will be kept after you close this page — use “Download everything”."
            ),
        }
    }

    /// A stable word for tests and styling.
    pub fn kind(&self) -> &'static str {
        match self {
            SaveStatus::Saved => "saved",
            SaveStatus::Saving => "saving",
            SaveStatus::NotSaved(_) => "error",
            SaveStatus::MemoryOnly(_) => "memory",
        }
    }
}

/// The storage side of the page, in context next to `AppState`.
#[derive(Clone, Copy)]
pub struct StorageState {
    pub app: AppState,
    pub store: StoredValue<Store, LocalStorage>,
    pub status: RwSignal<SaveStatus>,
    pub usage: RwSignal<Usage>,
    pub quarantined: RwSignal<Vec<Quarantined>>,
    /// Sentences about merges with other tabs, newest last.
    pub conflicts: RwSignal<Vec<String>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

pub fn use_storage() -> StorageState {
    expect_context::<StorageState>()
}

/// Load saved work into the page and keep saving it. Call once, in `App`.
pub fn use_autosave(app: AppState) -> StorageState {
    let store = Store::open();
    let loaded = store.load();
    let status = match &store.unavailable {
        Some(why) => SaveStatus::MemoryOnly(why.clone()),
        None => SaveStatus::Saved,
    };
    if !loaded.documents.is_empty() || loaded.labels.is_some() {
        let schema = loaded
            .labels
            .clone()
            .unwrap_or_else(|| app.schema.get_untracked());
        app.dispatch(Command::Restore {
            documents: loaded.documents,
            schema,
            current: current_of(loaded.settings.as_ref()),
        });
    }
    let state = StorageState {
        app,
        usage: RwSignal::new(store.usage()),
        store: StoredValue::new_local(store),
        status: RwSignal::new(status),
        quarantined: RwSignal::new(loaded.quarantined),
        conflicts: RwSignal::new(Vec::new()),
        timer: StoredValue::new(None),
    };
    provide_context(state);
    Effect::new(move |first: Option<()>| {
        app.changes.track();
        app.current.track();
        if first.is_some() {
            state.schedule();
        }
    });
    let _ = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.flush();
        }
    });
    let _ = window_event_listener(leptos::ev::storage, move |ev| state.on_storage_event(&ev));
    state
}

/// The open document's id as stored in settings.
pub fn current_of(settings: Option<&Map<String, Value>>) -> Option<String> {
    settings?.get("current")?.as_str().map(String::from)
}

impl StorageState {
    /// Save after [`DEBOUNCE`] unless another change comes first.
    pub fn schedule(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        if !matches!(self.status.get_untracked(), SaveStatus::MemoryOnly(_)) {
            self.status.set(SaveStatus::Saving);
        }
        let state = *self;
        let handle = set_timeout_with_handle(move || state.flush(), DEBOUNCE).ok();
        self.timer.set_value(handle);
    }

    /// Save now whatever differs from storage.
    pub fn flush(&self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
            self.timer.set_value(None);
        }
        let app = self.app;
        let mut settings = Map::new();
        if let Some(id) = app.current.get_untracked() {
            settings.insert("current".into(), Value::from(id));
        }
        let report = app.documents.with_untracked(|documents| {
            app.schema.with_untracked(|labels| {
                let snap = Snapshot {
                    documents,
                    labels,
                    settings: &settings,
                };
                self.store
                    .try_with_value(|s| s.sync(&snap))
                    .unwrap_or_default()
            })
        });
        self.apply(report);
    }

    fn apply(&self, report: SyncReport) {
        if !report.merges.is_empty() {
            let mut notes = Vec::new();
            let mut stored = Vec::new();
            for m in &report.merges {
                stored.push(m.document.clone());
                if let Some(copy) = &m.copy {
                    stored.push(copy.clone());
                    notes.push(format!(
                        "“{}” was also changed in another tab and some changes collide. Both versions are kept: yours here, the other tab’s as “{}”.",
                        m.document.title, copy.title
                    ));
                } else {
                    notes.push(format!(
                        "“{}” was also changed in another tab; {} of its changes were merged into yours.",
                        m.document.title, m.taken
                    ));
                }
            }
            // Undo steps recorded against another version of these documents no longer apply.
            self.app.dispatch(Command::Stored(stored));
            self.conflicts.update(|c| c.extend(notes));
        }
        self.status
            .set(match (&report.error, self.status.get_untracked()) {
                (_, SaveStatus::MemoryOnly(why)) => SaveStatus::MemoryOnly(why),
                (Some(e), _) => SaveStatus::NotSaved(e.sentence()),
                (None, _) => SaveStatus::Saved,
            });
        self.refresh_usage();
    }

    pub fn refresh_usage(&self) {
        if let Some(u) = self.store.try_with_value(Store::usage) {
            self.usage.set(u);
        }
    }
}
