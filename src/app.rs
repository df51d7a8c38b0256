//! The top-level component: the annotator screen.

use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <main class="app" data-testid="app">
            <h1>"Spanmark"</h1>
            <textarea data-testid="new-doc-input" placeholder="Paste an article"></textarea>
        </main>
    }
}
