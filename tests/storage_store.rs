//! wasm-bindgen tests of the storage layer in headless Chromium: round trips through
//! real localStorage, corrupt entries, a full quota, two tabs, memory-only mode, restore.

mod storage_support;

use spanmark::storage::{Area, SaveError, Store};
use spanmark_core::persist::{doc_key, quarantine_key, INDEX_KEY};
use spanmark_core::{Document, Span};
use wasm_bindgen_test::*;

use storage_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn same(a: &[Document], b: &[Document]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert!(spanmark::storage::same_content(x, y), "{x:?} != {y:?}");
    }
}

#[wasm_bindgen_test]
fn saved_documents_load_in_a_new_store() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    assert!(store.is_persistent());
    let report = sync(&store, &docs);
    assert!(report.error.is_none());
    assert_eq!(
        report.written, 5,
        "two documents, the index, labels, settings"
    );
    assert!(local().get_item(&doc_key("a")).unwrap().is_some());
    assert!(local().get_item(INDEX_KEY).unwrap().is_some());
    // Nothing changed: nothing is written again.
    assert_eq!(sync(&store, &docs).written, 0);

    let loaded = Store::open().load();
    same(&loaded.documents, &docs);
    assert_eq!(loaded.labels, Some(labels()));
    assert_eq!(loaded.settings, Some(settings()));
    assert!(loaded.quarantined.is_empty());
    assert_eq!(loaded.documents[0].revision, 1);
    clear();
}

#[wasm_bindgen_test]
fn a_deleted_document_is_removed_after_the_index() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    sync(&store, &docs);
    sync(&store, &docs[..1]);
    assert!(local().get_item(&doc_key("b")).unwrap().is_none());
    let loaded = Store::open().load();
    assert_eq!(loaded.documents.len(), 1);
    clear();
}

#[wasm_bindgen_test]
fn garbage_in_one_key_is_quarantined_and_the_rest_loads() {
    clear();
    sync(&Store::open(), &two_docs());
    local()
        .set_item(
            &doc_key("a"),
            "{\"v\":1,\"id\":\"a\",\"x\":\"abc\",\"a\":\"AUB\"",
        )
        .unwrap();
    let loaded = Store::open().load();
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.documents[0].id, "b");
    assert_eq!(loaded.quarantined.len(), 1);
    let q = &loaded.quarantined[0];
    assert_eq!(q.key, quarantine_key(&doc_key("a")));
    assert!(q.moved);
    assert!(q.sentence().contains("not valid JSON"), "{}", q.sentence());
    assert!(local().get_item(&doc_key("a")).unwrap().is_none());
    assert_eq!(
        local().get_item(&q.key).unwrap().as_deref(),
        Some("{\"v\":1,\"id\":\"a\",\"x\":\"abc\",\"a\":\"AUB\"")
    );
    // Bad offsets are caught too, and a second load still lists the earlier quarantine.
    local()
        .set_item(
            &doc_key("b"),
            "{\"v\":1,\"id\":\"b\",\"x\":\"abc\",\"l\":[\"GPE\"],\"a\":\"AKB\"}",
        )
        .unwrap();
    let again = Store::open().load();
    assert!(again.documents.is_empty());
    assert_eq!(again.quarantined.len(), 2);
    assert!(
        again
            .quarantined
            .iter()
            .any(|q| q.reason.contains("outside the text")),
        "{:?}",
        again.quarantined
    );
    clear();
}

#[wasm_bindgen_test]
fn a_full_quota_keeps_the_stored_version_intact() {
    clear();
    let store = Store::open();
    let mut docs = two_docs();
    sync(&store, &docs);
    let before = local().get_item(&doc_key("a")).unwrap();
    let filler = fill_quota();
    let used = store.usage().used;
    console_log!("localStorage refused writes at {used} UTF-16 units (keys + values)");
    // A much longer version of "a" cannot fit.
    let text = format!("{} {}", docs[0].text(), "Kabul ".repeat(5000));
    docs[0] = storage_support::doc("a", &text, vec![Span::manual(0, 7, "ORG")]);
    let report = sync(&store, &docs);
    let err = report.error.expect("the save must fail");
    assert!(matches!(err, SaveError::Full { .. }), "{err:?}");
    assert!(
        err.sentence().starts_with("storage is full ("),
        "{}",
        err.sentence()
    );
    assert_eq!(
        local().get_item(&doc_key("a")).unwrap(),
        before,
        "the old version is untouched"
    );
    assert!(store.is_dirty(&docs[0]), "the change is still pending");
    unfill(&filler);
    let report = sync(&store, &docs);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert_eq!(Store::open().load().documents[0].text(), text);
    clear();
}

#[wasm_bindgen_test]
fn two_tabs_editing_the_same_document_keep_both_edits() {
    clear();
    let docs = two_docs();
    let tab1 = Store::open();
    sync(&tab1, &docs);
    let tab2 = Store::open();
    let mut docs2 = tab2.load().documents;
    // tab 1 labels "Pakistani", tab 2 labels "Monday": different spans merge cleanly.
    let mut docs1 = docs.clone();
    let mut s = docs1[0].spans().to_vec();
    s.push(Span::manual(31, 40, "NORP"));
    docs1[0].set_spans(s);
    sync(&tab1, &docs1);
    let mut s = docs2[0].spans().to_vec();
    s.push(Span::manual(51, 57, "DATE"));
    docs2[0].set_spans(s);
    let report = sync(&tab2, &docs2);
    assert_eq!(report.merges.len(), 1);
    let m = &report.merges[0];
    assert!(m.copy.is_none());
    assert_eq!(m.document.spans().len(), 4);
    let stored = Store::open().load().documents;
    assert_eq!(stored[0].spans().len(), 4, "both edits are stored");

    // Now both label the same words differently: tab 2's version is kept as a copy.
    let mut d1 = stored.clone();
    let mut d2 = stored.clone();
    let (t1, t2) = (Store::open(), Store::open());
    t1.load();
    t2.load();
    let mut s = d1[0].spans().to_vec();
    s.retain(|x| x.start != 21);
    s.push(Span::manual(21, 26, "LOC"));
    d1[0].set_spans(s);
    sync(&t1, &d1);
    let s: Vec<Span> = d2[0]
        .spans()
        .iter()
        .filter(|x| x.start != 21)
        .cloned()
        .chain([Span::manual(8, 26, "GPE")])
        .collect();
    d2[0].set_spans(s);
    let report = sync(&t2, &d2);
    let m = &report.merges[0];
    assert_eq!(m.conflicts, 1);
    let copy = m.copy.as_ref().expect("a conflict copy");
    let after = Store::open().load().documents;
    assert_eq!(
        after.len(),
        3,
        "{:?}",
        after.iter().map(|d| &d.title).collect::<Vec<_>>()
    );
    assert!(after
        .iter()
        .any(|d| d.id == copy.id && d.spans().iter().any(|s| s.label == "LOC")));
    clear();
}

#[wasm_bindgen_test]
fn memory_only_store_works_but_keeps_nothing() {
    clear();
    let store = Store::with_area(Area::memory(), Some("blocked for the test".into()));
    assert!(!store.is_persistent());
    let docs = two_docs();
    assert!(sync(&store, &docs).error.is_none());
    same(&store.load().documents, &docs);
    assert!(local().get_item(&doc_key("a")).unwrap().is_none());
}

#[wasm_bindgen_test]
fn backup_clear_restore_gives_the_same_documents() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    sync(&store, &docs);
    store.save_blob("memory", "{\"Kabul\":\"GPE\"}").unwrap();
    let file = backup_of(&store, &docs);
    clear();
    let fresh = Store::open();
    assert!(fresh.load().documents.is_empty());
    let restored = fresh.restore(&file, &[]).unwrap();
    assert!(restored.kept.is_empty());
    let loaded = Store::open().load();
    same(&loaded.documents, &docs);
    assert_eq!(
        fresh.load_blob("memory").as_deref(),
        Some("{\"Kabul\":\"GPE\"}")
    );

    // A broken file changes nothing.
    let broken = file.replace("\"id\":\"b\"", "\"id\":\"a\"");
    let err = fresh.restore(&broken, &loaded.documents).unwrap_err();
    assert!(
        err.starts_with("Nothing was restored: the document “a” appears twice"),
        "{err}"
    );
    same(&Store::open().load().documents, &docs);
    clear();
}

#[wasm_bindgen_test]
fn restore_into_a_full_storage_rolls_back() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    sync(&store, &docs);
    let mut big = docs.clone();
    big.push(storage_support::doc("c", &"Herat ".repeat(20_000), vec![]));
    let file = backup_of(&store, &big);
    let before_a = local().get_item(&doc_key("a")).unwrap();
    let filler = fill_quota();
    let err = store.restore(&file, &docs).unwrap_err();
    assert!(err.starts_with("Nothing was restored"), "{err}");
    unfill(&filler);
    assert_eq!(local().get_item(&doc_key("a")).unwrap(), before_a);
    assert!(local().get_item(&doc_key("c")).unwrap().is_none());
    clear();
}

#[wasm_bindgen_test]
fn the_meter_follows_writes_without_rereading() {
    clear();
    let store = Store::open();
    let before = store.usage();
    sync(&store, &two_docs());
    let after = store.usage();
    assert!(after.ours > before.ours + 100, "{before:?} -> {after:?}");
    assert_eq!(
        after,
        store.rescan_usage(),
        "the running count matches a fresh count"
    );
    assert_eq!(after.capacity, spanmark::storage::DEFAULT_CAPACITY);
    assert!(
        after.sentence().ends_with("of about 5.0 MB used"),
        "{}",
        after.sentence()
    );
    clear();
}

#[wasm_bindgen_test]
fn restore_keeps_a_changed_current_version_as_a_copy() {
    clear();
    let docs = two_docs();
    let store = Store::open();
    sync(&store, &docs);
    let file = backup_of(&store, &docs);
    // After the backup, "a" gets another span.
    let mut changed = docs.clone();
    let mut s = changed[0].spans().to_vec();
    s.push(Span::manual(51, 57, "DATE"));
    changed[0].set_spans(s);
    sync(&store, &changed);
    let restored = store.restore(&file, &changed).unwrap();
    assert_eq!(restored.kept.len(), 1);
    let kept = &restored.kept[0];
    assert_eq!(kept.title, "Title a (before restore)");
    assert_eq!(kept.spans().len(), 3);
    let loaded = Store::open().load().documents;
    assert_eq!(loaded.len(), 3);
    let a = loaded.iter().find(|d| d.id == "a").unwrap();
    assert_eq!(a.spans().len(), 2, "the file's version");
    assert!(loaded
        .iter()
        .any(|d| d.id == kept.id && d.spans().len() == 3));
    clear();
}

#[wasm_bindgen_test]
fn deleting_a_document_frees_room_for_a_pending_one() {
    clear();
    let mut docs = two_docs();
    docs.push(storage_support::doc(
        "big",
        &"Quetta ".repeat(30_000),
        vec![],
    ));
    let store = Store::open();
    sync(&store, &docs);
    let filler = fill_quota();
    docs.push(storage_support::doc(
        "new",
        &"Gwadar ".repeat(10_000),
        vec![],
    ));
    let err = sync(&store, &docs).error;
    assert!(matches!(err, Some(SaveError::Full { .. })), "{err:?}");
    // The user deletes the big document: its room goes to the pending one.
    docs.retain(|d| d.id != "big");
    let report = sync(&store, &docs);
    unfill(&filler);
    assert!(report.error.is_none(), "{:?}", report.error);
    assert!(local().get_item(&doc_key("big")).unwrap().is_none());
    assert!(local().get_item(&doc_key("new")).unwrap().is_some());
    clear();
}
