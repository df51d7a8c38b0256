//! wasm-bindgen tests of record version 3 in real localStorage: the text written once under
//! its own key, old (version 2) entries loaded and converted, text keys removed with their
//! document, a missing text quarantined with a sentence, and no text left by a refused save.

mod storage_support;

use spanmark::storage::Store;
use spanmark_core::persist::{doc_key, encode_document, text_hash, text_key, TEXT_PREFIX};
use spanmark_core::{Document, Span};
use wasm_bindgen_test::*;

use storage_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn text_keys() -> Vec<String> {
    let s = local();
    let n = s.length().unwrap();
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(TEXT_PREFIX))
        .collect();
    keys.sort();
    keys
}

fn key_of(doc: &Document) -> String {
    text_key(&doc.id, &text_hash(doc.text()))
}

#[wasm_bindgen_test]
fn the_text_is_written_once_and_edits_rewrite_only_the_record() {
    clear();
    let mut docs = two_docs();
    let store = Store::open();
    assert!(sync(&store, &docs).error.is_none());
    assert_eq!(text_keys(), {
        let mut k = vec![key_of(&docs[0]), key_of(&docs[1])];
        k.sort();
        k
    });
    let head = local().get_item(&doc_key("a")).unwrap().unwrap();
    assert!(
        !head.contains(docs[0].text()),
        "the record holds no text: {head}"
    );
    assert_eq!(
        local().get_item(&key_of(&docs[0])).unwrap().as_deref(),
        Some(docs[0].text())
    );
    // Take the text away behind the store's back: an edit must not write it again.
    let text = local().get_item(&key_of(&docs[0])).unwrap().unwrap();
    local().remove_item(&key_of(&docs[0])).unwrap();
    let mut spans = docs[0].spans().to_vec();
    spans.push(Span::manual(31, 40, "NORP"));
    docs[0].set_spans(spans);
    // the document and the index (which lists its new revision), no text
    assert_eq!(sync(&store, &docs).written, 2);
    assert!(local().get_item(&key_of(&docs[0])).unwrap().is_none());
    local().set_item(&key_of(&docs[0]), &text).unwrap();
    let loaded = Store::open().load();
    assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
    assert_eq!(loaded.documents[0].spans().len(), 3);
    clear();
}

#[wasm_bindgen_test]
fn a_version_two_entry_loads_and_its_next_save_moves_the_text_out() {
    clear();
    let docs = two_docs();
    // as the previous release stored them: the text inside the record
    for d in &docs {
        local()
            .set_item(&doc_key(&d.id), &encode_document(d).unwrap())
            .unwrap();
    }
    let store = Store::open();
    let mut loaded = store.load().documents;
    assert_eq!(loaded.len(), 2);
    assert!(spanmark::storage::same_content(&loaded[0], &docs[0]));
    assert!(text_keys().is_empty(), "loading writes nothing");
    let mut spans = loaded[0].spans().to_vec();
    spans.push(Span::manual(31, 40, "NORP"));
    loaded[0].set_spans(spans);
    sync(&store, &loaded);
    assert_eq!(text_keys(), vec![key_of(&loaded[0])]);
    let head = local().get_item(&doc_key("a")).unwrap().unwrap();
    assert!(head.starts_with("{\"v\":3,"), "{head}");
    let again = Store::open().load().documents;
    assert!(spanmark::storage::same_content(&again[0], &loaded[0]));
    assert!(spanmark::storage::same_content(&again[1], &docs[1]));
    clear();
}

#[wasm_bindgen_test]
fn a_deleted_document_takes_its_text_key_with_it() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    sync(&store, &docs);
    sync(&store, &docs[1..]);
    assert_eq!(text_keys(), vec![key_of(&docs[1])]);
    clear();
}

#[wasm_bindgen_test]
fn a_record_whose_text_is_gone_is_set_aside_with_a_sentence() {
    clear();
    let docs = two_docs();
    sync(&Store::open(), &docs);
    local().remove_item(&key_of(&docs[0])).unwrap();
    let loaded = Store::open().load();
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.quarantined.len(), 1);
    let sentence = loaded.quarantined[0].sentence();
    assert!(
        sentence.contains(&format!(
            "its text, kept under “{}”, is missing",
            key_of(&docs[0])
        )),
        "{sentence}"
    );
    clear();
}

#[wasm_bindgen_test]
fn a_save_refused_for_room_leaves_no_text_behind() {
    clear();
    let store = Store::open();
    let mut docs = two_docs();
    sync(&store, &docs);
    let before = text_keys();
    let filler = fill_quota();
    // the same document with a longer text (an import that replaced it): its text does not fit
    let text = format!("{} {}", docs[0].text(), "Kabul ".repeat(5000));
    docs[0] = doc("a", &text, vec![Span::manual(0, 7, "ORG")]);
    assert!(sync(&store, &docs).error.is_some());
    assert_eq!(text_keys(), before, "no half-written text");
    unfill(&filler);
    assert!(sync(&store, &docs).error.is_none());
    // the new text replaced the old one
    let mut want = vec![key_of(&docs[0]), key_of(&docs[1])];
    want.sort();
    assert_eq!(text_keys(), want);
    assert_eq!(Store::open().load().documents[0].text(), text);
    clear();
}

#[wasm_bindgen_test]
fn a_restore_puts_records_with_their_text_back_and_leaves_no_stray_text() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    sync(&store, &docs);
    let file = backup_of(&store, &docs);
    let restored = store.restore(&file, &docs).unwrap();
    assert_eq!(restored.backup.documents.len(), 2);
    assert!(text_keys().is_empty(), "{:?}", text_keys());
    let loaded = Store::open().load();
    assert!(loaded.quarantined.is_empty(), "{:?}", loaded.quarantined);
    assert_eq!(loaded.documents.len(), 2);
    assert!(spanmark::storage::same_content(
        &loaded.documents[0],
        &docs[0]
    ));
    clear();
}
