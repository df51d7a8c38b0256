//! What the user sees of storage: the save status, the storage meter, "Download
//! everything", "Restore", and notices for quarantined entries and other tabs' edits.

use leptos::prelude::*;
use serde_json::{Map, Value};
use spanmark_core::formats::ExportFile;

use super::autosave::{current_of, use_storage, StorageState};
use super::quarantine::Quarantined;
use super::store::Snapshot;
use crate::transfer::export::download;
use crate::Command;

/// Status, meter, backup and restore: one block for the sidebar.
#[component]
pub fn StoragePanel() -> impl IntoView {
    let st = use_storage();
    let status = st.status;
    let usage = st.usage;
    view! {
        <section class="storage" aria-label="Your data">
            <p class="save-status" data-testid="save-status" data-state=move || status.with(|s| s.kind()) role="status">
                {move || status.with(|s| s.text())}
            </p>
            <div class="storage-meter" data-testid="storage-meter"
                data-used=move || usage.with(|u| u.used) data-capacity=move || usage.with(|u| u.capacity)>
                <meter min="0" max="1" high="0.8" value=move || usage.with(|u| u.fraction())></meter>
                <span>{move || usage.with(|u| u.sentence())}</span>
            </div>
            <div class="storage-actions">
                <button data-testid="backup-download" title="One JSON file with every document, the labels and settings"
                    on:click=move |_| backup_download(st)>"Download everything"</button>
                <label class="restore-button">
                    "Restore…"
                    <input type="file" accept=".json,application/json" data-testid="backup-restore"
                        on:change=move |ev| restore_from_input(st, &ev) />
                </label>
            </div>
        </section>
    }
}

/// Quarantined entries and merges with other tabs; shown above the article.
#[component]
pub fn StorageNotices() -> impl IntoView {
    let st = use_storage();
    view! {
        <For each=move || st.quarantined.get() key=|q| q.key.clone() let:q>
            <QuarantineNotice q=q />
        </For>
        <Show when=move || st.conflicts.with(|c| !c.is_empty())>
            <div class="notice conflict" data-testid="conflict" role="status">
                <span>{move || st.conflicts.with(|c| c.join(" "))}</span>
                <button aria-label="Dismiss" data-testid="conflict-dismiss" on:click=move |_| st.conflicts.set(Vec::new())>"×"</button>
            </div>
        </Show>
    }
}

#[component]
fn QuarantineNotice(q: Quarantined) -> impl IntoView {
    let st = use_storage();
    let sentence = q.sentence();
    let (q1, q2) = (q.clone(), q.clone());
    view! {
        <div class="notice error quarantine" data-testid="quarantine" data-key=q.original.clone() role="alert">
            <span>{sentence}</span>
            <button data-testid="quarantine-download" on:click=move |_| {
                let raw = st.store.with_value(|s| s.quarantine_raw(&q1)).unwrap_or_default();
                let file = ExportFile { name: q1.file_name(), bytes: raw.into_bytes() };
                if let Err(e) = download(&file, "text/plain") {
                    st.app.say(format!("The download did not start: {e}"), true);
                }
            }>"Download it raw"</button>
            <button data-testid="quarantine-discard" title="Delete the set-aside copy" on:click=move |_| {
                st.store.with_value(|s| s.discard_quarantined(&q2));
                st.quarantined.update(|v| v.retain(|x| x.key != q2.key));
                st.refresh_usage();
            }>"Delete it"</button>
        </div>
    }
}

fn backup_download(st: StorageState) {
    let app = st.app;
    st.flush();
    let mut settings = Map::new();
    if let Some(id) = app.current.get_untracked() {
        settings.insert("current".into(), Value::from(id));
    }
    let file = app.documents.with_untracked(|documents| {
        app.schema.with_untracked(|labels| {
            st.store.with_value(|s| {
                s.backup(&Snapshot {
                    documents,
                    labels,
                    settings: &settings,
                })
            })
        })
    });
    let result = file.and_then(|raw| {
        let file = ExportFile {
            name: format!("spanmark-backup-{}.json", crate::ui::today()),
            bytes: raw.into_bytes(),
        };
        download(&file, "application/json")
    });
    if let Err(e) = result {
        app.say(format!("The backup was not made: {e}"), true);
    }
}

fn restore_from_input(st: StorageState, ev: &web_sys::Event) {
    let Some(file) = crate::ui::file::take_picked(ev) else {
        return;
    };
    leptos::task::spawn_local(async move {
        match crate::ui::file::read_text(&file).await {
            Ok(text) => restore(st, &text),
            Err(why) => st.app.say(why, true),
        }
    });
}

/// Apply a backup file: all of it or, on any error, none of it.
pub fn restore(st: StorageState, raw: &str) {
    let app = st.app;
    st.flush();
    let current = app.documents.get_untracked();
    match st.store.with_value(|s| s.restore(raw, &current)) {
        Ok(restored) => {
            let n = restored.backup.documents.len();
            let kept = restored.kept.len();
            let mut docs = current;
            for doc in restored.backup.documents {
                match docs.iter_mut().find(|d| d.id == doc.id) {
                    Some(slot) => *slot = doc,
                    None => docs.push(doc),
                }
            }
            docs.extend(restored.kept);
            let schema = restored
                .backup
                .labels
                .unwrap_or_else(|| app.schema.get_untracked());
            let open = current_of(restored.backup.settings.as_ref())
                .or_else(|| app.current.get_untracked());
            app.dispatch(Command::Restore {
                documents: docs,
                schema,
                current: open,
            });
            st.schedule();
            let mut msg = format!(
                "Restored {n} document{} from the backup.",
                if n == 1 { "" } else { "s" }
            );
            if kept > 0 {
                msg.push_str(&format!(
                    " {kept} changed document{} kept as “(before restore)” copies.",
                    if kept == 1 { " was" } else { "s were" }
                ));
            }
            app.say(msg, false);
        }
        Err(e) => app.say(e, true),
    }
}
