//! The event and relation part of the schema editor: add, rename, recolour and delete event
//! types and relation types; deleting one that annotations use asks first (`count_links`).

use leptos::prelude::*;
use spanmark_core::event_schema::{default_roles, EventType, RelationType, TypeKind};
use spanmark_core::schema_change::count_links;
use spanmark_core::SchemaChange;

use crate::state::use_app;
use crate::Command;

/// One list of types (events or relations) with its rows and its "add" line.
#[component]
pub fn TypeEditor(kind: TypeKind) -> impl IntoView {
    let app = use_app();
    let new_name = RwSignal::new(String::new());
    let new_color = RwSignal::new("#B4490A".to_string());
    let confirm_delete = RwSignal::new(None::<String>);
    let what = match kind {
        TypeKind::Event => "event",
        TypeKind::Relation => "relation",
    };
    let used = move |name: &str| {
        app.documents
            .with_untracked(|docs| count_links(docs, kind, name))
    };
    let rows = move || {
        app.schema.with(|s| match kind {
            TypeKind::Event => s
                .events
                .iter()
                .map(|t| (t.name.clone(), t.color.clone()))
                .collect::<Vec<_>>(),
            TypeKind::Relation => s
                .relations
                .iter()
                .map(|t| (t.name.clone(), t.color.clone()))
                .collect(),
        })
    };
    let add = move || {
        let (name, color) = (new_name.get_untracked(), new_color.get_untracked());
        app.dispatch(Command::Schema(match kind {
            TypeKind::Event => SchemaChange::AddEventType(EventType {
                name,
                color,
                roles: default_roles(),
            }),
            TypeKind::Relation => SchemaChange::AddRelationType(RelationType {
                name,
                color,
                from: Vec::new(),
                to: Vec::new(),
            }),
        }));
        new_name.set(String::new());
    };
    let delete = move |name: String| {
        confirm_delete.set(None);
        app.dispatch(Command::Schema(SchemaChange::DeleteType { kind, name }));
    };
    view! {
        <h3>{format!("{} types", if kind == TypeKind::Event { "Event" } else { "Relation" })}</h3>
        <ol class="schema-rows" data-testid=format!("{what}-types")>
            <For
                each=rows
                key=|(name, color)| (name.clone(), color.clone())
                children=move |(name, color)| {
                    let (n1, n2, n3, n4) = (name.clone(), name.clone(), name.clone(), name.clone());
                    view! {
                        <li class="schema-row" data-testid=format!("{what}-type-{name}")>
                            <input type="color" data-testid="type-color" aria-label=format!("Colour of {name}")
                                prop:value=color
                                on:change=move |ev| app.dispatch(Command::Schema(SchemaChange::RecolorType { kind, name: n1.clone(), color: event_target_value(&ev) })) />
                            <input type="text" data-testid="type-name" aria-label=format!("Name of {name}")
                                prop:value=name.clone()
                                on:change=move |ev| app.dispatch(Command::Schema(SchemaChange::RenameType { kind, from: n2.clone(), to: event_target_value(&ev) })) />
                            <button class="danger" data-testid="type-delete" on:click=move |_| {
                                if used(&n3) == 0 { delete(n3.clone()) } else { confirm_delete.set(Some(n3.clone())) }
                            }>"Delete"</button>
                            <Show when={ let n = n4.clone(); move || confirm_delete.get().as_deref() == Some(n.as_str()) }>
                                {
                                    let n = n4.clone();
                                    let m = n4.clone();
                                    view! {
                                        <span class="confirm" data-testid="type-delete-ask">
                                            {format!("Also remove its {} {what}{}? ", used(&n), if used(&n) == 1 { "" } else { "s" })}
                                            <button class="danger" data-testid="type-delete-confirm" on:click=move |_| delete(m.clone())>"Delete"</button>
                                            <button data-testid="type-delete-cancel" on:click=move |_| confirm_delete.set(None)>"Keep"</button>
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
            <input type="color" aria-label=format!("Colour of the new {what} type") prop:value=move || new_color.get()
                on:input=move |ev| new_color.set(event_target_value(&ev)) />
            <input type="text" data-testid=format!("{what}-type-add-name")
                placeholder=if kind == TypeKind::Event { "New event type, e.g. PROTEST" } else { "New relation type, e.g. allied_with" }
                prop:value=move || new_name.get()
                on:input=move |ev| new_name.set(event_target_value(&ev))
                on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Enter" { add() } />
            <button data-testid=format!("{what}-type-add") on:click=move |_| add()>{format!("Add {what} type")}</button>
        </div>
    }
}
