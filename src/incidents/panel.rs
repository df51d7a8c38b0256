//! The events panel beside the article: every event of the open document (type, trigger,
//! roles with their arguments, suggested or accepted) and relations, with their buttons.
//!
//! Everything here sends a `Command`; the keys do the same (keys.rs). While a key waits for
//! a choice (event type, role, relation type) the panel lists the choices with their numbers.

use leptos::prelude::*;
use spanmark_core::links::LinkEdit;
use spanmark_core::workspace::Pick;
use spanmark_core::Edit;

use crate::incidents::rows::{event_rows, relation_rows, window, EventRow, RelationRow};
use crate::state::{use_app, AppState};
use crate::Command;

#[component]
pub fn EventsPanel() -> impl IntoView {
    let app = use_app();
    // (shown rows, relations, all events, suggested events, first shown)
    let rows = Memo::new(move |_| {
        app.current.track();
        app.schema_rev.track();
        let selected = app.link_focus.with(|f| f.event);
        app.documents.with(|_| {
            app.schema.with_untracked(|s| {
                app.with_current(|d| {
                    let events = &d.links().events;
                    let at = selected.and_then(|(s, e)| d.links().event_at(s, e));
                    let shown = window(events.len(), at);
                    let suggested = events.iter().filter(|e| !e.is_accepted()).count();
                    let first = shown.start;
                    (
                        event_rows(d, s, shown),
                        relation_rows(d),
                        events.len(),
                        suggested,
                        first,
                    )
                })
                .unwrap_or_default()
            })
        })
    });
    let suggested = move || rows.with(|r| r.3);
    let keep = |ev: web_sys::MouseEvent| ev.prevent_default();
    view! {
        <section class="events-panel" data-testid="events-panel" aria-label="Events">
            <div class="panel-head">
                <h2>{move || format!("Events ({})", rows.with(|r| r.2))}</h2>
                <button
                    data-testid="accept-all-events"
                    title="Accept every suggested event (Shift+E)"
                    on:mousedown=keep
                    prop:disabled=move || suggested() == 0
                    on:click=move |_| app.dispatch(Command::AcceptAllEvents)
                >
                    {move || format!("✓ All ({})", suggested())}
                </button>
            </div>
            <PickList />
            {move || {
                let (events, relations, all, _, first) = rows.get();
                if events.is_empty() && relations.is_empty() {
                    return view! {
                        <p class="hint" data-testid="events-empty">
                            "No events yet. Select the words that name one and press e."
                        </p>
                    }
                    .into_any();
                }
                let more = (events.len() < all).then(|| format!(
                    "Events {}–{} of {all}: ] and [ walk through all of them.",
                    first + 1,
                    first + events.len()
                ));
                view! {
                    <p class="hint" data-testid="events-window">{more}</p>
                    <ul class="event-list">
                        {events.into_iter().map(|r| event_view(app, r)).collect_view()}
                    </ul>
                    <ul class="relation-list">
                        {relations.into_iter().map(|r| relation_view(app, r)).collect_view()}
                    </ul>
                }
                .into_any()
            }}
            <p class="hint">"] [ select · a accept · d reject · o role · r relation · ? all keys"</p>
        </section>
    }
}

/// The choices the number keys make now, as buttons.
#[component]
fn PickList() -> impl IntoView {
    let app = use_app();
    let focus = app.link_focus;
    let choices = Memo::new(move |_| {
        focus.track();
        app.documents.track();
        app.read(|w| w.choices()).unwrap_or_default()
    });
    let title = move || {
        let f = focus.get();
        let text = |r: (usize, usize)| app.with_current(|d| d.slice(r.0, r.1).to_string());
        match f.pick {
            Some(Pick::EventType(r)) => {
                Some(format!("Event type for “{}”:", text(r).unwrap_or_default()))
            }
            Some(Pick::Role(r)) => Some(format!("Role of “{}”:", text(r).unwrap_or_default())),
            Some(Pick::RelationType { from, to }) => Some(format!(
                "Relation “{}” → “{}”:",
                text(from).unwrap_or_default(),
                text(to).unwrap_or_default()
            )),
            None => f.relation_from.map(|r| {
                format!(
                    "Relation from “{}”: select the other span and press r.",
                    text(r).unwrap_or_default()
                )
            }),
        }
    };
    let keep = |ev: web_sys::MouseEvent| ev.prevent_default();
    view! {
        {move || title().map(|t| view! {
            <div class="pick-list" data-testid="pick-list" role="group" aria-label="Choose">
                <p>{t}</p>
                <ol>
                    {choices.get().into_iter().enumerate().map(|(i, name)| view! {
                        <li>
                            <button data-testid="pick-choice" data-choice=name.clone() on:mousedown=keep
                                on:click=move |_| app.dispatch(Command::Pick(i))>
                                <kbd>{(i + 1).to_string()}</kbd>" "{name.clone()}
                            </button>
                        </li>
                    }).collect_view()}
                </ol>
            </div>
        })}
    }
}

fn link(app: AppState, edit: LinkEdit) {
    app.dispatch(Command::Edit(Edit::Link(edit)));
}

fn event_view(app: AppState, r: EventRow) -> impl IntoView {
    let trigger = r.trigger;
    let selected = move || app.link_focus.with(|f| f.event == Some(trigger));
    let state = if r.accepted { "accepted" } else { "suggested" };
    let keep = |ev: web_sys::MouseEvent| ev.prevent_default();
    let select = move |_| app.dispatch(Command::SelectEvent(Some(trigger)));
    let roles = r
        .roles
        .into_iter()
        .map(|(role, args)| {
            let args = args
                .into_iter()
                .map(|a| {
                    let (role, span) = (role.clone(), a.span);
                    let remove = move |_| {
                        link(
                            app,
                            LinkEdit::RemoveArgument {
                                trigger,
                                role: role.clone(),
                                start: span.0,
                                end: span.1,
                            },
                        )
                    };
                    view! {
                        <span class="event-arg" data-testid="event-arg-text">
                            {a.text}
                            <button class="mini" data-testid="remove-arg" title="Remove this argument"
                                on:mousedown=keep on:click=remove>"×"</button>
                        </span>
                    }
                })
                .collect_view();
            view! {
                <li data-testid="event-role" data-role=role.clone()>
                    <span class="role-name">{role.clone()}</span>": "{args}
                </li>
            }
        })
        .collect_view();
    let origin = if r.accepted {
        "accepted".to_string()
    } else {
        format!("suggested ({})", r.origin)
    };
    view! {
        <li
            class=format!("event-row {state}")
            class:selected=selected
            data-testid="event-row"
            data-type=r.kind.clone()
            data-state=state
            data-trigger=r.text.clone()
            aria-current=move || selected().then_some("true")
        >
            <button class="event-head" data-testid="event-select" on:mousedown=keep on:click=select>
                <strong>{r.kind.clone()}</strong>" “"{r.text.clone()}"” · "{origin}
            </button>
            <span class="event-actions">
                <button class="mini" data-testid="event-accept" title="Accept (select, then a)" on:mousedown=keep
                    prop:disabled=r.accepted
                    on:click=move |_| link(app, LinkEdit::AcceptEvent { start: trigger.0, end: trigger.1 })>"✓"</button>
                <button class="mini" data-testid="event-reject" title="Reject / remove (select, then d)" on:mousedown=keep
                    on:click=move |_| {
                        app.dispatch(Command::SelectEvent(Some(trigger)));
                        app.dispatch(Command::RejectSelectedEvent);
                    }>"✗"</button>
            </span>
            <ul class="event-roles">{roles}</ul>
        </li>
    }
}

fn relation_view(app: AppState, r: RelationRow) -> impl IntoView {
    let keep = |ev: web_sys::MouseEvent| ev.prevent_default();
    let (kind, from, to) = (r.kind.clone(), r.from.span, r.to.span);
    let remove = move |_| {
        link(
            app,
            LinkEdit::RemoveRelation {
                kind: kind.clone(),
                from,
                to,
            },
        )
    };
    view! {
        <li class="relation-row" data-testid="relation-row" data-type=r.kind.clone()
            data-state=if r.accepted { "accepted" } else { "suggested" }>
            <strong>{r.kind.clone()}</strong>" “"{r.from.text}"” → “"{r.to.text}"”"
            <button class="mini" data-testid="remove-relation" title="Remove this relation"
                on:mousedown=keep on:click=remove>"×"</button>
        </li>
    }
}
