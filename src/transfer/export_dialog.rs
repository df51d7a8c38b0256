//! The export dialog: format, documents, spans and the format's own options; the core's
//! self-check report is shown before anything is saved, and the download is a real file.

use leptos::prelude::*;
use spanmark_core::formats::{
    self, DocumentChoice, ExportFile, ExportOptions, Format, OffsetUnit, SpanChoice, TagScheme,
};

use crate::state::use_app;
use crate::transfer::export::download;

/// The toolbar's "Export…" button and, while open, its dialog.
#[component]
pub fn ExportButton() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button
            data-testid="export-open"
            title="Export for training: spaCy, doccano, Label Studio, CoNLL, brat, text"
            on:click=move |_| open.set(true)
        >
            "Export…"
        </button>
        <Show when=move || open.get()>
            <ExportDialog open />
        </Show>
    }
}

/// A checked export, ready to save.
#[derive(Debug, Clone, PartialEq)]
struct Ready {
    file: ExportFile,
    /// The self-check report, one sentence per span that would not survive.
    report: Vec<String>,
    documents: usize,
    spans: usize,
}

#[component]
fn ExportDialog(open: RwSignal<bool>) -> impl IntoView {
    let app = use_app();
    let format = RwSignal::new(Format::Spanmark);
    let documents = RwSignal::new(DocumentChoice::All);
    let spans = RwSignal::new(SpanChoice::AcceptedOnly);
    let scheme = RwSignal::new(TagScheme::Iob2);
    let offsets = RwSignal::new(OffsetUnit::CodePoint);
    let date = crate::ui::today();
    // Re-run on every choice: the report the user sees is for exactly this file.
    let ready = Memo::new(move |_| {
        let options = ExportOptions {
            documents: documents.get(),
            spans: spans.get(),
            scheme: scheme.get(),
            offsets: offsets.get(),
            date: date.clone(),
        };
        let format = format.get();
        let export = app.schema.with(|schema| {
            app.documents
                .with(|docs| formats::export(format, docs, schema, &options))
        });
        let export = export.map_err(|e| e.to_string())?;
        let zip = format!("spanmark-{}-{}.zip", options.date, format.name());
        let file = export.single_file(&zip).map_err(|e| e.to_string())?;
        Ok::<_, String>(Ready {
            file,
            report: export.report.iter().map(ToString::to_string).collect(),
            documents: export.documents,
            spans: export.spans,
        })
    });
    // Suggestions the "accepted only" choice leaves out, so the count of spans is no surprise.
    let left_out = Memo::new(move |_| {
        if spans.get() == SpanChoice::WithSuggestions {
            return 0;
        }
        let done_only = documents.get() == DocumentChoice::Done;
        app.documents.with(|docs| {
            docs.iter()
                .filter(|d| !done_only || d.status == spanmark_core::DocStatus::Done)
                .map(|d| d.spans().iter().filter(|s| !s.is_accepted()).count())
                .sum::<usize>()
        })
    });
    // Gold spans carrying review provenance: only Spanmark JSON keeps it.
    let with_provenance = Memo::new(move |_| {
        app.documents
            .with(|docs| docs.iter().map(|d| d.provenance().count()).sum::<usize>())
    });
    let save = move |_| {
        let result = ready.with_untracked(|r| match r {
            Ok(r) if r.documents > 0 => {
                download(&r.file, mime(&r.file.name)).map(|()| r.file.name.clone())
            }
            Ok(_) => Err("there are no documents to export".into()),
            Err(e) => Err(e.clone()),
        });
        match result {
            Ok(name) => {
                app.say(format!("Downloaded {name}."), false);
                open.set(false);
            }
            Err(e) => app.say(format!("The export did not start: {e}"), true),
        }
    };
    // The incidents table (one row per event) of the same documents, CSV or JSON.
    let incidents_date = crate::ui::today();
    let save_incidents = move |json: bool| {
        let (file, rows) = app.documents.with_untracked(|docs| {
            crate::transfer::incidents_table::incidents_file(
                docs,
                documents.get_untracked(),
                spans.get_untracked(),
                &incidents_date,
                json,
            )
        });
        match download(&file, mime(&file.name)) {
            Ok(()) => {
                app.say(
                    format!("Downloaded {} ({rows} event{}).", file.name, plural(rows)),
                    false,
                );
                open.set(false);
            }
            Err(e) => app.say(format!("The download did not start: {e}"), true),
        }
    };
    let select_ref = NodeRef::<leptos::html::Select>::new();
    Effect::new(move |_| {
        if let Some(el) = select_ref.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="overlay" on:click=move |_| open.set(false)>
            <div
                class="overlay-box dialog"
                role="dialog"
                aria-modal="true"
                aria-labelledby="export-title"
                data-testid="export-dialog"
                on:click=|ev: web_sys::MouseEvent| ev.stop_propagation()
            >
                <h2 id="export-title">"Export"</h2>
                <div class="dialog-fields">
                    <label class="field">
                        <span>"Format"</span>
                        <select data-testid="export-format" node_ref=select_ref on:change=move |ev| {
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
                    <label class="field">
                        <span>"Documents"</span>
                        <select data-testid="export-docs" on:change=move |ev| {
                            documents.set(if event_target_value(&ev) == "done" { DocumentChoice::Done } else { DocumentChoice::All });
                        }>
                            <option value="all" selected=true>"All documents"</option>
                            <option value="done">"Only those marked done"</option>
                        </select>
                    </label>
                    <label class="field">
                        <span>"Spans"</span>
                        <select data-testid="export-spans" on:change=move |ev| {
                            spans.set(if event_target_value(&ev) == "suggestions" { SpanChoice::WithSuggestions } else { SpanChoice::AcceptedOnly });
                        }>
                            <option value="accepted" selected=true>"Accepted only"</option>
                            <option value="suggestions">"With suggestions"</option>
                        </select>
                    </label>
                    <Show when=move || format.get() == Format::Conll>
                        <label class="field">
                            <span>"Tags"</span>
                            <select data-testid="export-scheme" on:change=move |ev| {
                                scheme.set(if event_target_value(&ev) == "bilou" { TagScheme::Bilou } else { TagScheme::Iob2 });
                            }>
                                <option value="iob2" selected=scheme.get_untracked() == TagScheme::Iob2>"IOB2 (B-, I-)"</option>
                                <option value="bilou" selected=scheme.get_untracked() == TagScheme::Bilou>"BILOU (B-, I-, L-, U-)"</option>
                            </select>
                        </label>
                    </Show>
                    <Show when=move || format.get() == Format::Doccano>
                        <label class="field">
                            <span>"Offsets"</span>
                            <select data-testid="export-offsets" on:change=move |ev| {
                                offsets.set(if event_target_value(&ev) == "utf16" { OffsetUnit::Utf16 } else { OffsetUnit::CodePoint });
                            }>
                                <option value="codepoint" selected=offsets.get_untracked() == OffsetUnit::CodePoint>"Code points (Python, spaCy)"</option>
                                <option value="utf16" selected=offsets.get_untracked() == OffsetUnit::Utf16>"UTF-16 units (doccano's page)"</option>
                            </select>
                        </label>
                    </Show>
                </div>
                <p class="hint" data-testid="export-unit">{move || unit_note(format.get(), offsets.get())}</p>
                <Show when=move || { with_provenance.get() > 0 && format.get() != Format::Spanmark }>
                    <p class="hint" data-testid="export-provenance">
                        {move || format!("{} gold span{} carry review provenance (who had each, who was chosen, when); {} cannot carry it and leaves it out. Spanmark JSON keeps it.", with_provenance.get(), plural(with_provenance.get()), format.get().title())}
                    </p>
                </Show>
                <Show when=move || { left_out.get() > 0 }>
                    <p class="hint" data-testid="export-left-out">
                        {move || format!("{} suggestion{} not yet accepted {} left out (choose “With suggestions” to include them).", left_out.get(), plural(left_out.get()), if left_out.get() == 1 { "is" } else { "are" })}
                    </p>
                </Show>
                {move || ready.with(|r| match r {
                    Err(e) => view! {
                        <div class="dialog-report problem" data-testid="export-report" role="alert">
                            <p>{format!("This export cannot be made: {e}")}</p>
                        </div>
                    }.into_any(),
                    Ok(r) => {
                        let summary = format!(
                            "{} · {} document{}, {} span{}",
                            r.file.name,
                            r.documents,
                            plural(r.documents),
                            r.spans,
                            plural(r.spans),
                        );
                        let problems = r.report.clone();
                        let clean = problems.is_empty();
                        view! {
                            <p class="dialog-file" data-testid="export-summary">{summary}</p>
                            <div class="dialog-report" class:problem=!clean data-testid="export-report" role="status">
                                {if clean {
                                    view! { <p>"Self-check passed: every span was read back from the file with the same text and offsets."</p> }.into_any()
                                } else {
                                    view! {
                                        <p><strong>{format!("{} span{} would not survive this format:", problems.len(), plural(problems.len()))}</strong></p>
                                        <ul>{problems.into_iter().map(|p| view! { <li data-testid="export-problem">{p}</li> }).collect_view()}</ul>
                                        <p class="hint">"Nothing is dropped silently: download anyway to get the file without them, or cancel and choose another format."</p>
                                    }.into_any()
                                }}
                            </div>
                        }.into_any()
                    }
                })}
                <div class="form-actions">
                    <button
                        class="primary"
                        data-testid="export-download"
                        prop:disabled=move || ready.with(|r| !matches!(r, Ok(r) if r.documents > 0))
                        on:click=save
                    >
                        {move || ready.with(|r| match r {
                            Ok(r) if !r.report.is_empty() => "Download anyway",
                            _ => "Download",
                        })}
                    </button>
                    <button data-testid="export-incidents-csv" title="One row per event: type, date, place, perpetrator, target, killed, injured, held, sentence"
                        on:click={let save = save_incidents.clone(); move |_| save(false)}>"Incidents CSV"</button>
                    <button data-testid="export-incidents-json" title="The incidents table as a JSON list"
                        on:click=move |_| save_incidents(true)>"Incidents JSON"</button>
                    <button data-testid="export-cancel" on:click=move |_| open.set(false)>"Cancel"</button>
                </div>
            </div>
        </div>
    }
}

/// Which offset unit the file counts in, in words.
fn unit_note(format: Format, offsets: OffsetUnit) -> &'static str {
    match (format, offsets) {
        (Format::Doccano, OffsetUnit::CodePoint) => "This file counts offsets in code points, as Python and spaCy do (meta.offsets: \"codepoint\"). doccano's own page counts UTF-16 units: choose those to load it back into doccano.",
        (Format::Doccano, OffsetUnit::Utf16) => "This file counts offsets in UTF-16 units, as doccano's page does (meta.offsets: \"utf16\"). Python code counts code points: they differ after every emoji.",
        (Format::LabelStudio, _) => "Offsets in UTF-16 units, as Label Studio counts them.",
        (Format::Conll, _) => "One token per line; the text's own spacing is not kept.",
        (Format::Txt, _) => "Plain text only: spans are not part of this format.",
        _ => "Offsets in code points (as Python and spaCy count), end exclusive.",
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The media type for a download, from its file name.
pub(crate) fn mime(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "json" => "application/json",
        "jsonl" => "application/x-ndjson",
        "zip" => "application/zip",
        "csv" => "text/csv",
        _ => "text/plain",
    }
}
