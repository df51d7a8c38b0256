//! A page where touching localStorage throws (as in some private modes): the store
//! falls back to memory, says why, and still saves and loads within the page.

mod storage_support;

use spanmark::storage::Store;
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
    let report = storage_support::sync(&store, &docs);
    assert!(report.error.is_none());
    assert_eq!(store.load().documents.len(), 2);
}
