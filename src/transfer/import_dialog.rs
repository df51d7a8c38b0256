//! The import dialog: a picked or dropped file is read by the core, previewed (with what a
//! Spanmark JSON merge would change) and only then added through `Command::Import`.

use leptos::prelude::*;
use spanmark_core::formats::{
    self, Format, ImportOptions, Imported, InputFile, MergePlan, OffsetUnit,
};
use spanmark_core::{Document, Schema};
use wasm_bindgen::JsCast;

use crate::state::{use_app, AppState};
use crate::Command;

/// The toolbar's "Import…" file picker, the page-wide drop target and, with files, the dialog.
#[component]
pub fn ImportButton() -> impl IntoView {
    let app = use_app();
    let files = RwSignal::new(None::<Vec<InputFile>>);
    let on_change = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let picked = input.files().map(|l| list(&l)).unwrap_or_default();
        // Picking the same file again must fire `change` again.
        input.set_value("");
        read_into(app, picked, files);
    };
    let _ = window_event_listener(leptos::ev::dragover, move |ev| {
        if carries_files(&ev) && !ev.default_prevented() {
            ev.prevent_default();
        }
    });
    // Drops the new-document form takes (a .txt article) never reach here.
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        if ev.default_prevented() || !carries_files(&ev) {
            return;
        }
        ev.prevent_default();
        let dropped = ev
            .data_transfer()
            .and_then(|d| d.files())
            .map(|l| list(&l))
            .unwrap_or_default();
        read_into(app, dropped, files);
    });
    view! {
        <label class="file-button" title="Import a file: Spanmark JSON, spaCy, doccano, Label Studio, brat, CoNLL, .txt (or drop it on the page)">
            "Import…"
            <input type="file" multiple data-testid="import-file" class="visually-hidden" on:change=on_change />
        </label>
        <Show when=move || files.with(Option::is_some)>
            <ImportDialog files />
        </Show>
    }
}

fn list(files: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

fn carries_files(ev: &web_sys::DragEvent) -> bool {
    ev.data_transfer().is_some_and(|d| {
        d.types()
            .iter()
            .any(|t| t.as_string().as_deref() == Some("Files"))
    })
}

/// Read the files' bytes, then open the dialog with them.
fn read_into(app: AppState, picked: Vec<web_sys::File>, files: RwSignal<Option<Vec<InputFile>>>) {
    if picked.is_empty() {
        return;
    }
    leptos::task::spawn_local(async move {
        let mut read = Vec::with_capacity(picked.len());
        for file in picked {
            match crate::ui::file::read_bytes(&file).await {
                Ok(bytes) => read.push(InputFile {
                    name: file.name(),
                    bytes,
                }),
                Err(why) => return app.say(why, true),
            }
        }
        files.set(Some(read));
    });
}

/// The format to try first: brat for .ann pairs, text when every file is .txt, else the core's guess.
pub fn guess(files: &[InputFile]) -> Format {
    let lower = |f: &InputFile| f.name.to_ascii_lowercase();
    if files.iter().any(|f| lower(f).ends_with(".ann")) {
        return Format::Brat;
    }
    if files.len() > 1 && files.iter().all(|f| lower(f).ends_with(".txt")) {
        return Format::Txt;
    }
    let Some(first) = files.first() else {
        return Format::Spanmark;
    };
    // A zip by its bytes (a file may come without its name's extension): text files or brat.
    if first.bytes.starts_with(b"PK\x03\x04") {
        let inner = formats::unzip(&first.name, &first.bytes).unwrap_or_default();
        let texts = !inner.is_empty() && inner.iter().all(|f| lower(f).ends_with(".txt"));
        return if texts { Format::Txt } else { Format::Brat };
    }
    Format::guess(&first.name, &first.bytes).unwrap_or(Format::Spanmark)
}

/// Give documents whose id is taken (by the page or an earlier one in the file) a fresh id.
pub fn fresh_ids(documents: &mut [Document], existing: &[Document]) {
    let mut taken: Vec<String> = existing.iter().map(|d| d.id.clone()).collect();
    for doc in documents {
        if taken.contains(&doc.id) {
            let base = doc.id.clone();
            let mut n = 2;
            while taken.contains(&format!("{base}-{n}")) {
                n += 1;
            }
            doc.id = format!("{base}-{n}");
        }
        taken.push(doc.id.clone());
    }
}

/// `base` with every label of the import it lacks appended.
fn merged_schema(base: &Schema, imported: &Imported) -> Schema {
    let mut schema = base.clone();
    let labels = imported
        .schema
        .as_ref()
        .map_or(imported.labels.as_slice(), |s| s.labels.as_slice());
    for label in labels {
        if !schema.contains(&label.name) {
            schema.labels.push(spanmark_core::Label {
                key: None,
                ..label.clone()
            });
        }
    }
    schema
}

#[component]
fn ImportDialog(files: RwSignal<Option<Vec<InputFile>>>) -> impl IntoView {
    let app = use_app();
    let format = RwSignal::new(files.with_untracked(|f| guess(f.as_deref().unwrap_or(&[]))));
    let offsets = RwSignal::new(OffsetUnit::CodePoint);
    let replace = RwSignal::new(false);
    let names = files.with_untracked(|f| {
        f.iter()
            .flatten()
            .map(|f| f.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    });
    // Nothing is applied here: the whole file is read first, and only a valid one can be confirmed.
    let parsed = Memo::new(move |_| {
        let options = ImportOptions {
            offsets: offsets.get(),
        };
        let format = format.get();
        files
            .with(|f| formats::import_with(format, f.as_deref().unwrap_or(&[]), &options))
            .map_err(|e| e.to_string())
    });
    let plan = Memo::new(move |_| {
        parsed.with(|p| match p {
            Ok(imported) => app
                .documents
                .with(|docs| formats::plan_merge(docs, &imported.documents)),
            Err(_) => MergePlan::default(),
        })
    });
    let close = move || files.set(None);
    let confirm = move |_| {
        let Ok(mut imported) = parsed.get_untracked() else {
            return;
        };
        let spanmark = format.get_untracked() == Format::Spanmark;
        let replace_all = spanmark && replace.get_untracked();
        let schema = app.schema.with_untracked(|current| {
            if replace_all {
                imported.schema_or(current)
            } else {
                merged_schema(current, &imported)
            }
        });
        let documents = if replace_all {
            std::mem::take(&mut imported.documents)
        } else if spanmark {
            // Merge: new ids are added, changed ones replace theirs, identical ones are skipped.
            let keep = plan.with_untracked(|p| {
                let mut keep = p.added.clone();
                keep.extend(&p.changed);
                keep
            });
            imported
                .documents
                .into_iter()
                .enumerate()
                .filter(|(i, _)| keep.contains(i))
                .map(|(_, d)| d)
                .collect()
        } else {
            let mut docs = std::mem::take(&mut imported.documents);
            app.documents
                .with_untracked(|existing| fresh_ids(&mut docs, existing));
            docs
        };
        app.dispatch(Command::Import {
            documents,
            schema,
            replace: replace_all,
        });
        close();
    };
    let select_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select_ref.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="overlay" on:click=move |_| close()>
            <div
                class="overlay-box dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="import-title"
                data-testid="import-dialog"
                on:click=|ev: web_sys::MouseEvent| ev.stop_propagation()
            >
                <h2 id="import-title">"Import"</h2>
                <p class="dialog-file">{names}</p>
                <div class="dialog-fields">
                    <label class="field">
                        <span>"Read as"</span>
                        <select data-testid="import-format" node_ref=select_ref on:change=move |ev| {
                            if let Some(f) = Format::parse(&event_target_value(&ev)) {
                                format.set(f);
                            }
                        }>
                            {Format::ALL
                                .into_iter()
                                .map(|f| view! { <option value=f.name() selected=f == format.get_untracked()>{f.title()}</option> })
                                .collect_view()}
                        </select>
                    </label>
                    <Show when=move || format.get() == Format::Doccano>
                        <label class="field">
                            <span>"Offsets (when a line does not say)"</span>
                            <select data-testid="import-offsets" on:change=move |ev| {
                                offsets.set(if event_target_value(&ev) == "utf16" { OffsetUnit::Utf16 } else { OffsetUnit::CodePoint });
                            }>
                                <option value="codepoint" selected=offsets.get_untracked() == OffsetUnit::CodePoint>"Code points (Python, Spanmark)"</option>
                                <option value="utf16" selected=offsets.get_untracked() == OffsetUnit::Utf16>"UTF-16 units (doccano's page)"</option>
                            </select>
                        </label>
                    </Show>
                    <Show when=move || format.get() == Format::Spanmark>
                        <label class="field">
                            <span>"Existing documents"</span>
                            <select data-testid="import-mode" on:change=move |ev| replace.set(event_target_value(&ev) == "replace")>
                                <option value="merge" selected=!replace.get_untracked()>"Merge: add new, update same id"</option>
                                <option value="replace" selected=replace.get_untracked()>"Replace everything"</option>
                            </select>
                        </label>
                    </Show>
                </div>
                {move || parsed.with(|p| match p {
                    Err(e) => view! {
                        <div class="dialog-report problem" role="alert">
                            <p data-testid="import-error">{e.clone()}</p>
                            <p class="hint">"Nothing was changed. Fix the file, or read it as another format."</p>
                        </div>
                    }.into_any(),
                    Ok(imported) => {
                        let spanmark = format.get() == Format::Spanmark;
                        view! { <Preview imported=imported.clone() plan=plan.get() spanmark replace=replace.get() /> }.into_any()
                    }
                })}
                <div class="form-actions">
                    <button
                        class="primary"
                        data-testid="import-confirm"
                        prop:disabled=move || parsed.with(Result::is_err)
                        on:click=confirm
                    >
                        "Import"
                    </button>
                    <button data-testid="import-cancel" on:click=move |_| close()>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}

/// What the import will do, before it does it.
#[component]
fn Preview(imported: Imported, plan: MergePlan, spanmark: bool, replace: bool) -> impl IntoView {
    let app = use_app();
    let spans: usize = imported.documents.iter().map(|d| d.spans().len()).sum();
    let n = imported.documents.len();
    let summary = format!(
        "The file holds {n} document{}, {spans} span{}.",
        if n == 1 { "" } else { "s" },
        if spans == 1 { "" } else { "s" }
    );
    let titles = |indices: &[usize]| -> Vec<String> {
        indices
            .iter()
            .filter_map(|&i| imported.documents.get(i))
            .map(|d| format!("{} ({} spans)", d.title, d.spans().len()))
            .collect()
    };
    let lines: Vec<(String, Vec<String>)> = if spanmark && replace {
        let current = app.documents.with_untracked(<[_]>::len);
        vec![(
            format!(
                "Replaces all {current} current document{} with the file's {n}, and the labels with the file's.",
                if current == 1 { "" } else { "s" }
            ),
            titles(&(0..n).collect::<Vec<_>>()),
        )]
    } else if spanmark {
        vec![
            (
                format!("Adds {} new:", plan.added.len()),
                titles(&plan.added),
            ),
            (
                format!(
                    "Updates {} with the same id (text or spans differ):",
                    plan.changed.len()
                ),
                titles(&plan.changed),
            ),
            (
                format!(
                    "Leaves {} unchanged (already identical).",
                    plan.unchanged.len()
                ),
                Vec::new(),
            ),
        ]
    } else {
        vec![(
            format!("Adds {n} new document{}:", if n == 1 { "" } else { "s" }),
            titles(&(0..n).collect::<Vec<_>>()),
        )]
    };
    let notes = imported.notes.clone();
    view! {
        <div class="dialog-report" data-testid="import-preview" role="status">
            <p>{summary}</p>
            {lines
                .into_iter()
                .map(|(head, items)| view! {
                    <p>{head}</p>
                    <ul>{items.into_iter().take(20).map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
                })
                .collect_view()}
            <Show when={let empty = notes.is_empty(); move || !empty}>
                <p><strong>"Notes from the reader:"</strong></p>
            </Show>
            <ul data-testid="import-notes">{notes.clone().into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul>
        </div>
    }
}
