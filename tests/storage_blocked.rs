//! A page where touching localStorage throws (as in some private modes): the store
//! falls back to memory, says why, and still saves and loads within the page.

mod storage_support;

use spanmark::storage::{Snapshot, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn throwing_local_storage_gives_a_memory_store() {
    web_sys::js_sys::eval(
        "Object.defineProperty(window, 'localStorage', { configurable: true, \
           get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });",
    )
    .unwrap();
    let store = Store::open();
    assert!(!store.is_persistent());
    let why = store.unavailable.clone().expect("a reason");
    assert!(why.contains("insecure"), "{why}");
    let docs = storage_support::two_docs();
    let (labels, settings) = (storage_support::labels(), storage_support::settings());
    let report = store.sync(&Snapshot {
        documents: &docs,
        labels: &labels,
        settings: &settings,
    });
    assert!(report.error.is_none());
    assert_eq!(store.load().documents.len(), 2);
}
