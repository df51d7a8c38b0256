//! The side list of documents: title, span count and status; open, rename, mark done,
//! delete (with a confirm step), the done / total progress, and the order (as added, most to learn).

use leptos::prelude::*;
use spanmark_core::DocStatus;

use crate::documents::most_to_learn::use_most_to_learn;
use crate::state::use_app;
use crate::Command;

/// What the list shows of one document.
#[derive(Debug, Clone, PartialEq)]
struct Summary {
    id: String,
    title: String,
    spans: usize,
    suggested: usize,
    done: bool,
}

#[component]
pub fn DocList() -> impl IntoView {
    let app = use_app();
    let summaries = Memo::new(move |_| {
        app.documents.with(|docs| {
            docs.iter()
                .map(|d| Summary {
                    id: d.id.clone(),
                    title: d.title.clone(),
                    spans: d.spans().len(),
                    suggested: d.spans().iter().filter(|s| !s.is_accepted()).count(),
                    done: d.status == DocStatus::Done,
                })
                .collect::<Vec<_>>()
        })
    });
    let most = use_most_to_learn(app);
    let ids = Memo::new(move |_| {
        let docs: Vec<(String, bool)> =
            summaries.with(|s| s.iter().map(|d| (d.id.clone(), d.done)).collect());
        most.order(&docs)
    });
    let progress = move || {
        summaries.with(|s| format!("{} / {} done", s.iter().filter(|d| d.done).count(), s.len()))
    };

    let item = move |id: String| {
        let summary = {
            let id = id.clone();
            Memo::new(move |_| summaries.with(|s| s.iter().find(|d| d.id == id).cloned()))
        };
        let renaming = RwSignal::new(false);
        let confirming = RwSignal::new(false);
        let (open_id, rename_id, done_id, del_id, scored_id) =
            (id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
        let active = Memo::new(move |_| app.current.with(|c| c.as_deref() == Some(id.as_str())));
        let title =
            move || summary.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
        let count = move || summary.with(|s| s.as_ref().map_or(0, |s| s.spans));
        let status = move || match summary.get() {
            Some(s) if s.done => "done".to_string(),
            Some(s) if s.suggested > 0 => format!("{} to review", s.suggested),
            Some(_) => "in progress".to_string(),
            None => String::new(),
        };
        let done = move || summary.with(|s| s.as_ref().is_some_and(|s| s.done));
        let uncertainty = move || {
            most.scores
                .with(|s| s.get(&scored_id).map(|u| format!("{u:.3}")))
                .unwrap_or_default()
        };
        let commit_rename = move |value: String| {
            renaming.set(false);
            app.dispatch(Command::Rename {
                id: rename_id.clone(),
                title: value,
            });
        };
        let commit_blur = commit_rename.clone();
        view! {
            <li class="doc-item" class:active=active class:done=done data-testid="doc-item"
                data-uncertainty=uncertainty>
                <Show
                    when=move || renaming.get()
                    fallback=move || {
                        let open_id = open_id.clone();
                        let title = title;
                        view! {
                            <button class="doc-open" data-testid="doc-open" on:click=move |_| app.dispatch(Command::Open(open_id.clone()))>
                                <span class="doc-title" data-testid="doc-title">{title}</span>
                            </button>
                        }
                    }
                >
                    {
                        let commit_rename = commit_rename.clone();
                        let commit_blur = commit_blur.clone();
                        let current = title;
                        view! {
                            <input
                                class="doc-title-input"
                                data-testid="doc-title-input"
                                prop:value=current
                                autofocus
                                on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                                    "Enter" => commit_rename(event_target_value(&ev)),
                                    "Escape" => renaming.set(false),
                                    _ => {}
                                }
                                on:blur=move |ev| if renaming.get_untracked() { commit_blur(event_target_value(&ev)) }
                            />
                        }
                    }
                </Show>
                <div class="doc-meta">
                    <span data-testid="doc-span-count">{count}" spans"</span>
                    " · "
                    <span data-testid="doc-status">{status}</span>
                </div>
                <div class="doc-actions">
                    <button data-testid="doc-rename" title="Rename" on:click=move |_| renaming.set(true)>"Rename"</button>
                    <button
                        data-testid="doc-done"
                        aria-pressed=move || done().to_string()
                        on:click=move |_| app.dispatch(Command::SetDone { id: done_id.clone(), done: !done() })
                    >
                        {move || if done() { "Reopen" } else { "Mark done" }}
                    </button>
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button class="danger" data-testid="doc-delete" on:click=move |_| confirming.set(true)>"Delete"</button>
                        }
                    >
                        {
                            let del_id = del_id.clone();
                            view! {
                                <span class="confirm">
                                    "Delete for good? "
                                    <button class="danger" data-testid="doc-delete-confirm" on:click=move |_| app.dispatch(Command::Delete(del_id.clone()))>"Delete"</button>
                                    <button data-testid="doc-delete-cancel" on:click=move |_| confirming.set(false)>"Keep"</button>
                                </span>
                            }
                        }
                    </Show>
                </div>
            </li>
        }
    };

    view! {
        <nav class="doc-list-panel" aria-label="Documents">
            <div class="panel-head">
                <h2>"Documents"</h2>
                <span class="progress" data-testid="progress">{progress}</span>
            </div>
            <button class="new-doc-button" data-testid="new-doc" on:click=move |_| app.dispatch(Command::ShowForm)>"+ New document"</button>
            <label class="doc-sort">
                "Order: "
                <select data-testid="doc-sort"
                    title="Most to learn: the documents the model is least sure of first (done ones last)"
                    on:change=move |ev| most.on.set(event_target_value(&ev) == "learn")>
                    <option value="list" selected=move || !most.on.get()>"as added"</option>
                    <option value="learn" selected=move || most.on.get()>"most to learn"</option>
                </select>
            </label>
            <ul class="doc-list" data-testid="doc-list">
                <For each=move || ids.get() key=|id| id.clone() children=item />
            </ul>
            <Show when=move || summaries.with(|s| s.is_empty())>
                <p class="empty">"No documents yet."</p>
            </Show>
        </nav>
    }
}
