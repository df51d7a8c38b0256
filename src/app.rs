//! The top-level component: provides the state, lays out the screen and listens for
//! keyboard shortcuts once, on the window.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::article::Article;
use crate::doc_list::DocList;
use crate::help::{HelpOverlay, NoticeLine};
use crate::intent::Intent;
use crate::keys::{shortcut, Focus, KeyPress};
use crate::label_style::LabelStyles;
use crate::new_doc::{is_text_field, NewDocForm};
use crate::palette::Palette;
use crate::selection;
use crate::shell::TakeOver;
use crate::state::AppState;
use crate::toolbar::{SpanBar, TopBar};

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    app.load_gazetteer_after_paint();
    // storage: load saved work, autosave, other tabs (src/storage/)
    crate::storage::use_autosave(app);
    // learning from done documents (src/learning.rs), after storage: it loads a blob
    crate::learning::use_learning(app);
    // The static first-paint frame goes; what was typed into it opens in the new-document form.
    match crate::shell::take_over() {
        TakeOver::Nothing => {}
        TakeOver::ShowForm => app.dispatch(Intent::ShowForm),
        TakeOver::Annotate { title, text } => app.dispatch(Intent::Create { title, text }),
    }
    let _ = window_event_listener(leptos::ev::keydown, move |ev| on_key(app, &ev));

    view! {
        <div class="app" data-testid="app">
            <LabelStyles />
            <TopBar />
            <div class="layout">
                <aside class="sidebar">
                    <DocList />
                    <crate::storage::StoragePanel />
                    <crate::learning_panel::LearningPanel />
                </aside>
                <main class="main">
                    <NoticeLine />
                    <crate::storage::StorageNotices />
                    {move || match app.current.get() {
                        None => view! { <NewDocForm /> }.into_any(),
                        Some(_) => view! {
                            <div class="workbench">
                                <div class="sticky-tools">
                                    <Palette />
                                    <SpanBar />
                                </div>
                                <Article />
                            </div>
                        }
                        .into_any(),
                    }}
                </main>
            </div>
            <HelpOverlay />
        </div>
    }
}

fn on_key(app: AppState, ev: &web_sys::KeyboardEvent) {
    if ev.is_composing() || ev.default_prevented() {
        return;
    }
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let focus = match &active {
        Some(el) if is_text_field(el) => Focus::TextField,
        Some(el)
            if matches!(
                el.tag_name().to_ascii_uppercase().as_str(),
                "BUTTON" | "A" | "SUMMARY" | "INPUT"
            ) =>
        {
            Focus::Button
        }
        _ => Focus::Page,
    };
    let press = KeyPress {
        key: &ev.key(),
        ctrl: ev.ctrl_key() || ev.meta_key(),
        shift: ev.shift_key(),
        alt: ev.alt_key(),
    };
    let open = app.current.get_untracked().is_some();
    let Some(intent) = app
        .schema
        .with_untracked(|s| shortcut(press, focus, s, open))
    else {
        return;
    };
    ev.prevent_default();
    let extending = matches!(intent, Intent::ExtendSelection(_));
    let finding = matches!(intent, Intent::FindLabel);
    app.dispatch(intent);
    if extending {
        show_pending(app);
    }
    if finding {
        let input = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                d.query_selector("[data-testid=label-search]")
                    .ok()
                    .flatten()
            })
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(input) = input {
            let _ = input.focus();
        }
    }
}

/// Draw a keyboard selection as the browser's selection.
fn show_pending(app: AppState) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("[data-testid=doc-text]").ok().flatten());
    let Some(root) = root.and_then(|r| r.dyn_into::<web_sys::Element>().ok()) else {
        return;
    };
    let pending = app.pending.get_untracked();
    app.with_current(|d| selection::show(&root, d.index(), pending));
}
