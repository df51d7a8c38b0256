//! The schema editor: add, rename, recolour, reorder and delete labels (and, below them,
//! event and relation types). Renames rename the spans; deleting a label in use asks first.

use leptos::prelude::*;
use spanmark_core::schema_change::count_spans;
use spanmark_core::SchemaChange;

use crate::annotate::type_editor::TypeEditor;
use crate::state::use_app;
use crate::Command;
use spanmark_core::event_schema::TypeKind;

#[component]
pub fn SchemaEditor() -> impl IntoView {
    let app = use_app();
    let new_name = RwSignal::new(String::new());
    let new_color = RwSignal::new("#8E44AD".to_string());
    let confirm_delete = RwSignal::new(None::<String>);
    let used = move |name: &str| app.documents.with_untracked(|docs| count_spans(docs, name));
    let add = move || {
        app.dispatch(Command::Schema(SchemaChange::Add {
            name: new_name.get_untracked(),
            color: Some(new_color.get_untracked()),
        }));
        new_name.set(String::new());
    };
    let rows = move || {
        app.schema
            .with(|s| s.labels.iter().cloned().enumerate().collect::<Vec<_>>())
    };
    view! {
        <section class="schema-editor" data-testid="schema-editor" aria-label="Edit labels">
            <ol class="schema-rows">
                <For
                    each=rows
                    key=|(i, l)| (*i, l.name.clone(), l.color.clone())
                    children=move |(i, label)| {
                        let name = label.name.clone();
                        let (n1, n2, n3, n4, n5, n6) = (name.clone(), name.clone(), name.clone(), name.clone(), name.clone(), name.clone());
                        view! {
                            <li class="schema-row" data-testid=format!("schema-row-{name}")>
                                <input
                                    type="color"
                                    data-testid="label-color"
                                    aria-label=format!("Colour of {name}")
                                    prop:value=label.color.clone()
                                    on:change=move |ev| app.dispatch(Command::Schema(SchemaChange::Recolor { name: n1.clone(), color: event_target_value(&ev) }))
                                />
                                <input
                                    type="text"
                                    data-testid="label-name"
                                    aria-label=format!("Name of {name}")
                                    prop:value=name.clone()
                                    on:change=move |ev| app.dispatch(Command::Schema(SchemaChange::Rename { from: n2.clone(), to: event_target_value(&ev) }))
                                />
                                <kbd>{label.key.map(|k| k.to_string()).unwrap_or_default()}</kbd>
                                <button data-testid="label-up" title="Move up" on:click=move |_| app.dispatch(Command::Schema(SchemaChange::Move { name: n3.clone(), to: i.saturating_sub(1) }))>"↑"</button>
                                <button data-testid="label-down" title="Move down" on:click=move |_| app.dispatch(Command::Schema(SchemaChange::Move { name: n4.clone(), to: i + 1 }))>"↓"</button>
                                <button
                                    class="danger"
                                    data-testid="label-delete"
                                    on:click=move |_| {
                                        if used(&n5) == 0 {
                                            app.dispatch(Command::Schema(SchemaChange::Delete { name: n5.clone() }));
                                        } else {
                                            confirm_delete.set(Some(n5.clone()));
                                        }
                                    }
                                >"Delete"</button>
                                <Show when={
                                    let n = n6.clone();
                                    move || confirm_delete.get().as_deref() == Some(n.as_str())
                                }>
                                    {
                                        let n = n6.clone();
                                        let m = n6.clone();
                                        view! {
                                            <span class="confirm">
                                                {format!("Also remove its {} spans? ", used(&n))}
                                                <button class="danger" data-testid="label-delete-confirm" on:click=move |_| {
                                                    confirm_delete.set(None);
                                                    app.dispatch(Command::Schema(SchemaChange::Delete { name: m.clone() }));
                                                }>"Delete"</button>
                                                <button data-testid="label-delete-cancel" on:click=move |_| confirm_delete.set(None)>"Keep"</button>
                                            </span>
                                        }
                                    }
                                </Show>
                            </li>
                        }
                    }
                />
            </ol>
            <div class="schema-add">
                <input type="color" data-testid="label-add-color" aria-label="Colour of the new label" prop:value=move || new_color.get() on:input=move |ev| new_color.set(event_target_value(&ev)) />
                <input
                    type="text"
                    data-testid="label-add-name"
                    placeholder="New label, e.g. WEAPON"
                    prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))
                    on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { add() }
                />
                <button data-testid="label-add" on:click=move |_| add()>"Add label"</button>
            </div>
            <TypeEditor kind=TypeKind::Event />
            <TypeEditor kind=TypeKind::Relation />
        </section>
    }
}
