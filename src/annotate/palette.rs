//! The label palette: each label's colour, key and count in the open document; a click
//! labels the selected text or relabels the selected span. It stays in view while scrolling.
//! With more labels than number keys, "/" opens a type-ahead over the label names.

use leptos::prelude::*;

use crate::annotate::schema_editor::SchemaEditor;
use crate::state::use_app;
use crate::Command;

/// Labels beyond this many have no number key: the type-ahead appears.
const KEYED_LABELS: usize = 9;

fn blur(ev: &web_sys::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    if let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.blur();
    }
}

#[component]
pub fn Palette() -> impl IntoView {
    let app = use_app();
    // Spans per label in the open document (labels are few: a short list, no allocation per span).
    let counts = Memo::new(move |_| {
        app.current.track();
        app.documents.with(|_| {
            app.with_current(|d| {
                let mut m: Vec<(String, usize)> = Vec::new();
                for s in d.spans() {
                    match m.iter_mut().find(|(l, _)| *l == s.label) {
                        Some((_, n)) => *n += 1,
                        None => m.push((s.label.clone(), 1)),
                    }
                }
                m
            })
            .unwrap_or_default()
        })
    });
    let editing = RwSignal::new(false);
    let labels = move || app.schema.with(|s| s.labels.clone());
    let filter = RwSignal::new(String::new());
    let hidden = move |name: &str| {
        filter.with(|f| !f.is_empty() && !name.to_lowercase().contains(&f.trim().to_lowercase()))
    };
    let many = move || app.schema.with(|s| s.labels.len() > KEYED_LABELS);
    let choose = move || {
        let first = app.schema.with_untracked(|s| {
            s.labels
                .iter()
                .find(|l| !hidden(&l.name))
                .map(|l| l.name.clone())
        });
        filter.set(String::new());
        if let Some(name) = first {
            app.dispatch(Command::ApplyLabel(name));
        }
    };
    view! {
        <div class="palette" data-testid="palette" role="toolbar" aria-label="Labels">
            <For
                each=labels
                key=|l| (l.name.clone(), l.color.clone(), l.key)
                children=move |label| {
                    let name = label.name.clone();
                    let count_name = name.clone();
                    let click_name = name.clone();
                    let filter_name = name.clone();
                    let key = label.key.map(|k| k.to_string()).unwrap_or_default();
                    view! {
                        <button
                            class="label-chip"
                            class:filtered-out=move || hidden(&filter_name)
                            data-testid=format!("label-{name}")
                            data-label=name.clone()
                            title=format!("Label as {name} (key {key})")
                            on:mousedown=|ev: web_sys::MouseEvent| ev.prevent_default()
                            on:click=move |_| app.dispatch(Command::ApplyLabel(click_name.clone()))
                        >
                            <span class="swatch" aria-hidden="true"></span>
                            <span class="label-name">{name.clone()}</span>
                            <kbd class="label-key">{key.clone()}</kbd>
                            <span class="label-count" data-testid="label-count">
                                {move || {
                                    counts.with(|c| {
                                        c.iter().find(|(l, _)| *l == count_name).map_or(0, |(_, n)| *n)
                                    })
                                }}
                            </span>
                        </button>
                    }
                }
            />
            <Show when=many>
                <input
                    class="label-search"
                    type="search"
                    data-testid="label-search"
                    placeholder="/ find a label"
                    aria-label="Find a label (press /)"
                    prop:value=move || filter.get()
                    on:input=move |ev| filter.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                        "Enter" => {
                            ev.prevent_default();
                            choose();
                            blur(&ev);
                        }
                        "Escape" => {
                            filter.set(String::new());
                            blur(&ev);
                        }
                        _ => {}
                    }
                />
            </Show>
            <button
                class="schema-toggle"
                data-testid="schema-edit"
                aria-expanded=move || editing.get().to_string()
                on:click=move |_| editing.update(|e| *e = !*e)
            >
                {move || if editing.get() { "Done editing" } else { "Edit labels" }}
            </button>
        </div>
        <Show when=move || editing.get()>
            <SchemaEditor />
        </Show>
    }
}
