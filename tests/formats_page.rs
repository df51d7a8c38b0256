//! wasm-bindgen tests of the formats page glue in headless Chromium: `Command::Import` as one
//! announced change, the import guess and fresh ids, and the export dialog's report in the DOM.

use leptos::prelude::*;
use spanmark::transfer::export_dialog::ExportButton;
use spanmark::transfer::import_dialog::{fresh_ids, guess};
use spanmark::{AppState, Command};
use spanmark_core::formats::{self, Format, InputFile};
use spanmark_core::{Document, Edit, Schema};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn file(name: &str, text: &str) -> InputFile {
    InputFile {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

fn with_article(text: &str) -> AppState {
    let app = AppState::new();
    app.dispatch(Command::Create {
        title: "Existing".into(),
        text: text.into(),
    });
    app
}

#[wasm_bindgen_test]
fn an_import_is_one_announced_change_and_opens_its_first_document() {
    let app = with_article("Kabul and Herat");
    let existing = app.current.get_untracked().unwrap();
    let seq = app.changes.get_untracked().seq;
    let line = r#"{"text": "Lahore 🙂 and Multan", "label": [[0, 6, "GPE"], [13, 19, "WEAPON"]]}"#;
    let imported = formats::import(Format::Doccano, "a.jsonl", line.as_bytes()).unwrap();
    let schema = imported.schema_or(&app.schema.get_untracked());
    app.dispatch(Command::Import {
        documents: imported.documents,
        schema,
        replace: false,
    });
    let change = app.changes.get_untracked();
    assert_eq!(change.seq, seq + 1, "one change");
    assert_eq!(change.saved.len(), 1);
    assert!(change.schema, "WEAPON was added to the schema");
    assert!(change.deleted.is_empty());
    let docs = app.documents.get_untracked();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, existing);
    let new = &docs[1];
    assert_eq!(change.saved[0], new.id);
    assert_eq!(
        app.current.get_untracked().as_deref(),
        Some(new.id.as_str())
    );
    let spans: Vec<_> = new
        .spans()
        .iter()
        .map(|s| (new.slice(s.start, s.end).to_string(), s.label.clone()))
        .collect();
    assert_eq!(
        spans,
        [
            ("Lahore".into(), "GPE".into()),
            ("Multan".into(), "WEAPON".into())
        ]
    );
    assert!(app.schema.get_untracked().contains("WEAPON"));
    // The imported document can be edited and undone like any other.
    app.dispatch(Command::Edit(Edit::Remove { start: 0, end: 6 }));
    assert!(app.can_undo());
}

#[wasm_bindgen_test]
fn replace_deletes_every_document_the_file_does_not_hold() {
    let app = with_article("Kabul and Herat");
    let old = app.current.get_untracked().unwrap();
    let doc = Document::new("fresh", "Fresh", "Quetta");
    app.dispatch(Command::Import {
        documents: vec![doc],
        schema: Schema::news(),
        replace: true,
    });
    let change = app.changes.get_untracked();
    assert_eq!(change.deleted, vec![old]);
    assert_eq!(change.saved, vec!["fresh".to_string()]);
    let ids: Vec<String> = app
        .documents
        .get_untracked()
        .iter()
        .map(|d| d.id.clone())
        .collect();
    assert_eq!(ids, ["fresh"]);
}

#[wasm_bindgen_test]
fn a_merge_with_nothing_new_is_refused_with_a_sentence() {
    let app = with_article("Kabul and Herat");
    let seq = app.changes.get_untracked().seq;
    app.dispatch(Command::Import {
        documents: Vec::new(),
        schema: Schema::news(),
        replace: false,
    });
    assert_eq!(app.changes.get_untracked().seq, seq, "nothing announced");
    let notice = app.notice.get_untracked().expect("a notice");
    assert!(notice.error);
    assert!(notice.text.contains("nothing new"), "{}", notice.text);
}

#[wasm_bindgen_test]
fn guesses_and_fresh_ids() {
    assert_eq!(
        guess(&[file("x.txt", "Kabul"), file("x.ann", "T1\tGPE 0 5\tKabul")]),
        Format::Brat
    );
    assert_eq!(
        guess(&[file("a.txt", "A"), file("b.txt", "B")]),
        Format::Txt
    );
    assert_eq!(
        guess(&[file("d.jsonl", r#"{"text": "A", "label": []}"#)]),
        Format::Doccano
    );
    // A zip without its extension, by its bytes: brat unless it holds only text files.
    let export = |format| {
        let doc = Document::new("k", "K", "Kabul");
        let export = formats::export(format, &[doc], &Schema::news(), &Default::default()).unwrap();
        export.single_file("x.zip").unwrap().bytes
    };
    let nameless = |bytes: Vec<u8>| InputFile {
        name: "download".into(),
        bytes,
    };
    assert_eq!(guess(&[nameless(export(Format::Brat))]), Format::Brat);
    let two_texts = formats::export(
        Format::Txt,
        &[Document::new("a", "A", "x"), Document::new("b", "B", "y")],
        &Schema::news(),
        &Default::default(),
    )
    .unwrap()
    .single_file("t.zip")
    .unwrap()
    .bytes;
    assert_eq!(guess(&[nameless(two_texts)]), Format::Txt);
    let existing = vec![Document::new("a", "A", "x"), Document::new("a-2", "A", "x")];
    let mut docs = vec![
        Document::new("a", "A", "y"),
        Document::new("a", "A", "z"),
        Document::new("b", "B", "w"),
    ];
    fresh_ids(&mut docs, &existing);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a-3", "a-4", "b"]);
}

#[wasm_bindgen_test]
async fn the_export_dialog_shows_the_report_for_the_chosen_format() {
    let app = with_article("Fighters of Lashkar-e-Jhangvi attacked Quetta.");
    app.dispatch(Command::Schema(spanmark_core::SchemaChange::Add {
        name: "ARMED GROUP".into(),
        color: None,
    }));
    app.dispatch(Command::Edit(Edit::Add {
        start: 12,
        end: 29,
        label: "ARMED GROUP".into(),
    }));
    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        provide_context(app);
        view! { <ExportButton /> }
    });
    std::mem::forget(handle);
    let find = |sel: &str| host.query_selector(sel).unwrap();
    assert!(find("[data-testid=export-dialog]").is_none());
    find("[data-testid=export-open]")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    let select: web_sys::HtmlSelectElement = find("[data-testid=export-format]")
        .expect("dialog open")
        .unchecked_into();
    assert_eq!(select.length(), 7);
    let report = || {
        find("[data-testid=export-report]")
            .unwrap()
            .text_content()
            .unwrap()
    };
    assert!(report().contains("Self-check passed"), "{}", report());
    select.set_value("conll");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    assert!(report().contains("Lashkar-e-Jhangvi"), "{}", report());
    assert!(report().contains("cannot contain spaces"), "{}", report());
    assert!(find("[data-testid=export-scheme]").is_some());
    find("[data-testid=export-cancel]")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    tick().await;
    assert!(find("[data-testid=export-dialog]").is_none());
}

/// Let Leptos run its effects.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}
