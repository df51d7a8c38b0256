//! Loading annotators: a file picker (several files, one annotator each, named after the
//! file), a rename field per annotator, the paired documents and what did not pair, and why.

use leptos::prelude::*;
use spanmark_core::formats::InputFile;
use spanmark_core::workspace::ReviewCommand as R;
use wasm_bindgen::JsCast;

use crate::state::{use_app, AppState};
use crate::Command;

#[component]
pub fn LoadPanel() -> impl IntoView {
    let app = use_app();
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let picked: Vec<web_sys::File> = input
            .files()
            .map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
            .unwrap_or_default();
        input.set_value("");
        load(app, picked);
    };
    let names = Memo::new(move |_| {
        app.with_review(|r| {
            r.team.as_ref().map(|t| {
                t.annotators
                    .iter()
                    .map(|a| (a.name.clone(), a.file.clone(), a.documents.len()))
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .unwrap_or_default()
    });
    let warnings = Memo::new(move |_| {
        app.with_review(|r| r.team.as_ref().map(|t| t.warnings()))
            .flatten()
            .unwrap_or_default()
    });
    let paired = Memo::new(move |_| {
        app.with_review(|r| {
            r.team.as_ref().map(|t| {
                (0..t.groups().len())
                    .filter(|&g| t.groups()[g].shared_by() >= 2)
                    .filter_map(|g| {
                        let d = t.text_document(g)?;
                        let who: Vec<&str> =
                            t.groups()[g].annotators().map(|k| t.name(k)).collect();
                        Some((d.title.clone(), who.join(", ")))
                    })
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .unwrap_or_default()
    });
    view! {
        <section class="review-load" data-testid="review-load">
            <h2>"Annotators"</h2>
            <label class="file-button" title="Spanmark JSON exports or backups, or any file Spanmark imports; one file per annotator">
                "Load annotators' files…"
                <input type="file" multiple data-testid="review-files" class="visually-hidden" on:change=on_change />
            </label>
            <ol class="annotators" data-testid="annotators">
                {move || names.get().into_iter().enumerate().map(|(k, (name, file, docs))| {
                    let rename = move |ev: web_sys::Event| {
                        let name = event_target_value(&ev);
                        app.dispatch(Command::Review(R::Rename { annotator: k, name }));
                    };
                    view! {
                        <li data-testid="annotator">
                            <kbd>{k + 1}</kbd>
                            <input class="annotator-name" data-testid="annotator-name" aria-label=format!("Name of annotator {}", k + 1)
                                prop:value=name on:change=rename />
                            <span class="hint">{format!("{file}, {docs} document{}", if docs == 1 { "" } else { "s" })}</span>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || !paired.with(Vec::is_empty)>
                <h3>"Paired documents"</h3>
                <ul class="paired" data-testid="paired">
                    {move || paired.get().into_iter().map(|(title, who)| view! {
                        <li data-testid="paired-document"><strong>{title}</strong>" — "{who}</li>
                    }).collect_view()}
                </ul>
            </Show>
            <Show when=move || !warnings.with(Vec::is_empty)>
                <ul class="review-warnings" data-testid="review-warnings">
                    {move || warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// Read every picked file, then load them as one team (all or none).
fn load(app: AppState, picked: Vec<web_sys::File>) {
    if picked.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut files = Vec::with_capacity(picked.len());
        for file in picked {
            match crate::ui::file::read_bytes(&file).await {
                Ok(bytes) => files.push(InputFile {
                    name: file.name(),
                    bytes,
                }),
                Err(why) => return app.say(why, true),
            }
        }
        app.dispatch(Command::Review(R::Load(files)));
    });
}
