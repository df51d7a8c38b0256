//! The new-document form: paste or type an article (or drop a .txt file), an optional
//! title, then "Annotate" or Ctrl+Enter.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::documents::first_paint::Carried;
use crate::state::use_app;
use crate::suggest::Gazetteer;
use crate::Command;

#[component]
pub fn NewDocForm() -> impl IntoView {
    let app = use_app();
    let text_ref = NodeRef::<leptos::html::Textarea>::new();
    let title_ref = NodeRef::<leptos::html::Input>::new();
    let dragging = RwSignal::new(false);
    // What was typed into the static first-paint frame (src/shell.rs), if anything.
    let draft = use_context::<Carried>()
        .and_then(|c| c.take())
        .unwrap_or_default();
    if draft.focused {
        request_animation_frame(move || {
            if let Some(area) = text_ref.get_untracked() {
                let _ = area.focus();
            }
        });
    }

    let submit = move || {
        let (Some(text), Some(title)) = (text_ref.get_untracked(), title_ref.get_untracked())
        else {
            return;
        };
        let (title, text) = (title.value(), text.value());
        // Let go of the focus while the form is small: removing the focused box after the
        // article is built makes the browser restyle the whole new article inside `remove`.
        // (An empty article is refused and the form stays: the focus stays with it.)
        let focused = (!text.trim().is_empty())
            .then(web_sys::window)
            .flatten()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = focused {
            let _ = el.blur();
        }
        app.dispatch(Command::Create { title, text });
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" && (ev.ctrl_key() || ev.meta_key()) {
            ev.prevent_default();
            submit();
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        let Some(file) = file else { return };
        let name = file.name();
        if !(name.to_ascii_lowercase().ends_with(".txt") || file.type_().starts_with("text/")) {
            app.say(
                format!("“{name}” is not a .txt file; drop a plain-text article."),
                true,
            );
            return;
        }
        leptos::task::spawn_local(async move {
            let text = match crate::ui::file::read_text(&file).await {
                Ok(text) => text,
                Err(why) => return app.say(why, true),
            };
            if let Some(area) = text_ref.get_untracked() {
                area.set_value(&text);
            }
            if let Some(title) = title_ref.get_untracked() {
                if title.value().trim().is_empty() {
                    title.set_value(name.trim_end_matches(".txt").trim_end_matches(".TXT"));
                }
            }
        });
    };

    view! {
        <section
            class="new-doc"
            class:dragging=move || dragging.get()
            data-testid="new-doc-form"
            on:dragover=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <h2>"New document"</h2>
            <label class="field">
                <span>"Title (optional)"</span>
                <input type="text" data-testid="new-doc-title" node_ref=title_ref prop:value=draft.title placeholder="e.g. Khyber attack, 12 March" />
            </label>
            <label class="field">
                <span>"Article"</span>
                <textarea
                    data-testid="new-doc-input"
                    node_ref=text_ref
                    prop:value=draft.text
                    rows="14"
                    spellcheck="false"
                    placeholder="Paste or type a news article here, or drop a .txt file on this box"
                    on:keydown=on_keydown
                ></textarea>
            </label>
            <div class="form-actions">
                <button class="primary" data-testid="new-doc-submit" on:click=move |ev: web_sys::MouseEvent| {
                    ev.prevent_default();
                    submit();
                }>"Annotate"</button>
                <span class="hint">"Ctrl+Enter · line endings become LF; nothing else changes"</span>
                <span class="hint" data-testid="gazetteer-status">
                    {move || app.gazetteer.with(Gazetteer::describe)}
                </span>
            </div>
        </section>
    }
}

/// The element the user is typing in, if any (keyboard shortcuts stay out of its way).
pub fn is_text_field(el: &web_sys::Element) -> bool {
    let tag = el.tag_name().to_ascii_uppercase();
    matches!(tag.as_str(), "TEXTAREA" | "SELECT")
        || (tag == "INPUT"
            && el.dyn_ref::<web_sys::HtmlInputElement>().is_some_and(|i| {
                !matches!(
                    i.type_().as_str(),
                    "button" | "checkbox" | "radio" | "submit" | "color" | "range"
                )
            }))
        || el
            .dyn_ref::<web_sys::HtmlElement>()
            .is_some_and(|h| h.is_content_editable())
}
