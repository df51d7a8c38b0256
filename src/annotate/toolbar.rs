//! The top bar (undo, redo, accept all, export, help) and the bar describing the selected
//! span with its buttons (accept ✓, reject ✗, resize, label all occurrences).

use leptos::prelude::*;
use spanmark_core::{Edge, SpanState};

use crate::state::use_app;
use crate::Command;

#[component]
pub fn TopBar() -> impl IntoView {
    let app = use_app();
    let open = move || app.current.get().is_some();
    let suggestions = move || {
        app.current.track();
        app.documents.with(|_| {
            app.with_current(|d| d.spans().iter().filter(|s| !s.is_accepted()).count())
                .unwrap_or(0)
        })
    };
    // Buttons keep the text selection: pressing one must not move the focus away.
    let keep = |ev: web_sys::MouseEvent| ev.prevent_default();
    view! {
        <header class="topbar">
            <h1 class="brand">"Spanmark"</h1>
            <div class="tools" role="toolbar" aria-label="Edit">
                <button data-testid="undo" title="Undo (Ctrl+Z)" on:mousedown=keep prop:disabled=move || !app.can_undo() on:click=move |_| app.dispatch(Command::Undo)>"↶ Undo"</button>
                <button data-testid="redo" title="Redo (Ctrl+Shift+Z, Ctrl+Y)" on:mousedown=keep prop:disabled=move || !app.can_redo() on:click=move |_| app.dispatch(Command::Redo)>"↷ Redo"</button>
                <button
                    data-testid="accept-all"
                    title="Accept every suggestion in this document (Shift+A)"
                    on:mousedown=keep
                    prop:disabled=move || !open() || suggestions() == 0
                    on:click=move |_| app.dispatch(Command::AcceptAll)
                >
                    {move || format!("✓ Accept all ({})", suggestions())}
                </button>
                <button data-testid="export-json" title="Download every document as Spanmark JSON" on:click=move |_| app.export_json()>"Export JSON"</button>
                <crate::transfer::export_dialog::ExportButton />
                <crate::transfer::import_dialog::ImportButton />
                <crate::review::view::ReviewTab />
                <crate::incidents::all::IncidentsTab />
                <button data-testid="help" title="Keyboard shortcuts (?)" aria-label="Help" on:click=move |_| app.dispatch(Command::ToggleHelp)>"?"</button>
            </div>
        </header>
    }
}

#[component]
pub fn SpanBar() -> impl IntoView {
    let app = use_app();
    let info = move || {
        let (s, e) = app.selected.get()?;
        app.documents.with(|_| {
            app.with_current(|d| {
                d.find_span(s, e)
                    .map(|i| (d.spans()[i].clone(), d.slice(s, e).to_string()))
            })
            .flatten()
        })
    };
    let pending = move || {
        let (s, e) = app.pending.get()?;
        app.with_current(|d| d.slice(s, e).to_string())
    };
    let keep = |ev: web_sys::MouseEvent| ev.prevent_default();
    let resize = move |edge, delta| move |_| app.dispatch(Command::ResizeSelected { edge, delta });
    view! {
        <div class="span-bar" data-testid="span-bar" aria-live="polite">
            {move || match (info(), pending()) {
                (Some((span, text)), _) => {
                    let suggested = span.state == SpanState::Suggested;
                    view! {
                        <span class="span-desc">
                            <q data-testid="selected-text">{text}</q>
                            " "
                            <strong data-testid="selected-label">{span.label.clone()}</strong>
                            " · "
                            {if suggested { format!("suggested ({})", span.origin.as_str()) } else { "accepted".to_string() }}
                        </span>
                        <span class="span-actions">
                            <button data-testid="accept" title="Accept (Enter)" on:mousedown=keep prop:disabled=!suggested on:click=move |_| app.dispatch(Command::AcceptSelected)>"✓ Accept"</button>
                            <button data-testid="reject" title="Reject / remove (x, Delete)" on:mousedown=keep on:click=move |_| app.dispatch(Command::RemoveSelected)>{if suggested { "✗ Reject" } else { "✗ Remove" }}</button>
                            <button data-testid="grow-start" title="Start one word earlier (Alt+Shift+←)" on:mousedown=keep on:click=resize(Edge::Start, -1)>"⇤"</button>
                            <button data-testid="shrink-start" title="Start one word later (Alt+Shift+→)" on:mousedown=keep on:click=resize(Edge::Start, 1)>"⇥"</button>
                            <button data-testid="shrink-end" title="End one word earlier (Alt+←)" on:mousedown=keep on:click=resize(Edge::End, -1)>"⇤"</button>
                            <button data-testid="grow-end" title="End one word later (Alt+→)" on:mousedown=keep on:click=resize(Edge::End, 1)>"⇥"</button>
                            <button data-testid="label-all" title="Label every other occurrence (l)" on:mousedown=keep on:click=move |_| app.dispatch(Command::LabelAllSelected)>"Label all occurrences"</button>
                        </span>
                    }
                    .into_any()
                }
                (None, Some(text)) => view! {
                    <span class="span-desc">"Selected " <q data-testid="pending-text">{text}</q> " — press a label's key or click a label"</span>
                }
                .into_any(),
                (None, None) => view! {
                    <span class="span-desc hint">"Select words with the mouse (or click and Shift+→), then press a label key. Click a span to change it. Press ? for all keys."</span>
                }
                .into_any(),
            }}
        </div>
    }
}
