//! The top-level component: provides the state, lays out the screen and routes keyboard
//! shortcuts (once, on the window) to `dispatch`.

use leptos::prelude::*;

use crate::annotate::article::Article;
use crate::annotate::help::{HelpOverlay, NoticeLine};
use crate::annotate::keys::{shortcut, Focus, KeyPress};
use crate::annotate::label_style::LabelStyles;
use crate::annotate::palette::Palette;
use crate::annotate::toolbar::{SpanBar, TopBar};
use crate::documents::doc_list::DocList;
use crate::documents::first_paint::{Carried, TakeOver};
use crate::documents::new_doc::{is_text_field, NewDocForm};
use crate::state::AppState;
use crate::Command;

#[component]
pub fn App() -> impl IntoView {
    let app = AppState::new();
    provide_context(app);
    let incidents = crate::incidents::all::IncidentsView::provide();
    crate::suggest::lists::load_after_paint(app);
    // storage: load saved work, autosave, other tabs (src/storage/)
    crate::storage::use_autosave(app);
    // learning from done documents (src/learning/), after storage: it loads a blob
    crate::learning::use_learning(app);
    // the incident memory saved beside the learner (src/storage/event_memory_blob.rs)
    crate::storage::use_event_memory_storage(app);
    // the adjudication under way, if any (src/storage/review_blob.rs), after the documents
    crate::storage::use_review_storage(app);
    // The static first-paint frame goes; what was typed into it opens in the new-document form.
    let (take_over, draft) = crate::documents::first_paint::take_over();
    provide_context(Carried::new(draft));
    match take_over {
        TakeOver::Nothing => {}
        TakeOver::ShowForm => app.dispatch(Command::ShowForm),
        TakeOver::Annotate { title, text } => app.dispatch(Command::Create { title, text }),
    }
    crate::ui::dialog::install_dialog_keys();
    let _ = window_event_listener(leptos::ev::keydown, move |ev| on_key(app, incidents, &ev));

    view! {
        <div class="app" data-testid="app">
            <LabelStyles />
            <TopBar />
            <div class="layout">
                <aside class="sidebar">
                    <DocList />
                    <Show when=move || app.current.with(Option::is_some)>
                        <crate::incidents::panel::EventsPanel />
                    </Show>
                    <crate::storage::StoragePanel />
                    <crate::learning::panel::LearningPanel />
                </aside>
                <main class="main">
                    <NoticeLine />
                    <crate::storage::StorageNotices />
                    {move || match app.current.get() {
                        _ if app.review_open.get() => view! { <crate::review::view::ReviewView /> }.into_any(),
                        _ if incidents.open.get() => view! { <crate::incidents::all::AllIncidents /> }.into_any(),
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

fn on_key(
    app: AppState,
    incidents: crate::incidents::all::IncidentsView,
    ev: &web_sys::KeyboardEvent,
) {
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
    // the Incidents view: its table is worked with Tab, Enter and its own fields, and the
    // article's keys would act on a document that is not shown
    if incidents.open.get_untracked() && !app.review_open.get_untracked() {
        return;
    }
    if app.review_open.get_untracked() {
        let adjudicating = app
            .read(|w| w.review().adjudication.is_some())
            .unwrap_or(false);
        if let Some(command) = crate::review::keys::review_shortcut(press, focus, adjudicating) {
            ev.prevent_default();
            app.dispatch(command);
            return;
        }
    }
    let open = app.current.get_untracked().is_some() && !app.review_open.get_untracked();
    let picking = app.link_focus.with_untracked(|f| f.pick.is_some());
    let Some(command) = app
        .schema
        .with_untracked(|s| shortcut(press, focus, s, open, picking))
    else {
        return;
    };
    ev.prevent_default();
    app.dispatch(command);
}
