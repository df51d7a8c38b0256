//! The consistency view over the page's documents (an annotator's import or the gold): forms
//! labelled two ways or left unlabelled elsewhere, and flags; click to jump, `f`/`F` to fix.

use leptos::prelude::*;
use spanmark_core::workspace::{Checked, ReviewCommand as R};

use crate::state::use_app;
use crate::Command;

/// One occurrence as shown: its number in the form, the document's title, its label.
#[derive(Clone, PartialEq)]
struct Odd {
    occurrence: usize,
    title: String,
    label: Option<String>,
}

/// One form worth a look: its index, text, labels with counts, main label and odd ones.
#[derive(Clone, PartialEq)]
struct Row {
    form: usize,
    text: String,
    labels: String,
    main: String,
    odd: Vec<Odd>,
}

fn rows(c: &Checked, title: &dyn Fn(&str) -> String) -> Vec<Row> {
    c.consistency
        .forms
        .iter()
        .enumerate()
        .filter(|(_, f)| f.is_labelled_two_ways() || !f.unlabelled.is_empty())
        .map(|(form, f)| {
            let main = f.main_label().to_string();
            let odd = f
                .labelled
                .iter()
                .chain(&f.unlabelled)
                .enumerate()
                .filter(|(_, o)| o.label.as_deref() != Some(main.as_str()))
                .map(|(occurrence, o)| Odd {
                    occurrence,
                    title: title(&c.ids[o.document]),
                    label: o.label.clone(),
                })
                .collect();
            let mut labels: Vec<String> =
                f.labels.iter().map(|(l, n)| format!("{l} ×{n}")).collect();
            if !f.unlabelled.is_empty() {
                labels.push(format!("unlabelled ×{}", f.unlabelled.len()));
            }
            Row {
                form,
                text: f.text.clone(),
                labels: labels.join(", "),
                main,
                odd,
            }
        })
        .collect()
}

#[component]
pub fn ConsistencyPanel() -> impl IntoView {
    let app = use_app();
    let data = move || {
        app.documents.track();
        app.with_review(|r| {
            let c = r.checked.as_ref()?;
            let title = |id: &str| {
                app.read(|w| w.document(id).map(|d| d.title.clone()))
                    .flatten()
                    .unwrap_or_default()
            };
            let flags: Vec<String> = c
                .flags
                .iter()
                .map(|f| format!("{}: {}", title(&c.ids[f.document]), f.sentence()))
                .collect();
            Some((rows(c, &title), flags))
        })
        .flatten()
    };
    let send = move |c: R| app.dispatch(Command::Review(c));
    view! {
        <section class="consistency" data-testid="consistency">
            <h2>"Consistency"</h2>
            <button data-testid="check-consistency" title="Check every document in the list (accepted spans)" on:click=move |_| send(R::Check)>
                "Check the documents"
            </button>
            {move || data().map(|(rows, flags)| view! {
                <p class="hint">{format!("{} form{} to look at. Click an occurrence to open it; on it, f fixes it and Shift+F fixes every one of its form.", rows.len(), if rows.len() == 1 { "" } else { "s" })}</p>
                <ul class="forms" data-testid="forms">
                    {rows.into_iter().map(|row| {
                        let form = row.form;
                        view! {
                            <li data-testid="form" data-form=row.text.clone()>
                                <strong>{format!("“{}”", row.text)}</strong>" "{row.labels}" "
                                <button data-testid="fix-all" on:click=move |_| send(R::FixAll(form))>{format!("all → {}", row.main)}</button>
                                <ul class="occurrences">
                                    {row.odd.into_iter().map(|o| {
                                        let occurrence = o.occurrence;
                                        let keys = move |ev: web_sys::KeyboardEvent| {
                                            let command = match ev.key().as_str() {
                                                "f" => R::FixOne { form, occurrence },
                                                "F" => R::FixAll(form),
                                                _ => return,
                                            };
                                            ev.prevent_default();
                                            send(command);
                                        };
                                        view! {
                                            <li data-testid="occurrence">
                                                <button class="link" on:keydown=keys on:click=move |_| send(R::JumpTo { form, occurrence })>
                                                    {format!("{}: {}", o.title, o.label.unwrap_or_else(|| "unlabelled".into()))}
                                                </button>
                                                " "<button data-testid="fix-one" on:click=move |_| send(R::FixOne { form, occurrence })>"fix"</button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <Show when={let empty = flags.is_empty(); move || !empty}>
                    <h3>"Flags"</h3>
                </Show>
                <ul class="flags" data-testid="flags">
                    {flags.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
                </ul>
            })}
        </section>
    }
}
