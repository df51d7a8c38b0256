//! The "?" overlay listing every keyboard shortcut (the same table keys.rs acts on),
//! and the notice line for messages and errors.

use leptos::prelude::*;

use crate::annotate::keys::HELP;
use crate::review::keys::REVIEW_HELP;
use crate::state::use_app;
use crate::Command;

#[component]
pub fn HelpOverlay() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.help_open.get()>
            <div class="overlay" data-testid="help-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts"
                on:click=move |_| app.dispatch(Command::ToggleHelp)>
                <div class="overlay-box" on:click=|ev: web_sys::MouseEvent| ev.stop_propagation()>
                    <h2>"Keyboard shortcuts"</h2>
                    <table class="shortcuts">
                        <tbody>
                            {HELP.iter().chain(REVIEW_HELP).map(|(k, what)| view! { <tr><th scope="row"><kbd>{*k}</kbd></th><td>{*what}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                    <p class="hint">"Spans are saved in your browser as you work. Export JSON downloads everything, with code point offsets."</p>
                    <button data-testid="help-close" on:click=move |_| app.dispatch(Command::ToggleHelp)>"Close"</button>
                </div>
            </div>
        </Show>
    }
}

#[component]
pub fn NoticeLine() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.notice.with(Option::is_some)>
            <div
                class="notice"
                class:error=move || app.notice.with(|n| n.as_ref().is_some_and(|n| n.error))
                data-testid="notice"
                role="status"
            >
                <span>{move || app.notice.with(|n| n.as_ref().map(|n| n.text.clone()).unwrap_or_default())}</span>
                <button aria-label="Dismiss" on:click=move |_| app.notice.set(None)>"×"</button>
            </div>
        </Show>
    }
}
