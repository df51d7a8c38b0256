//! Compactness in the real browser: 4 MB of annotated article text is saved to and
//! loaded from Chromium's localStorage (about 5 M UTF-16 units), with timings logged.

mod storage_support;

use spanmark::storage::{Snapshot, Store};
use spanmark_core::{Document, Origin, Span};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn article(i: usize) -> String {
    format!(
        "PESHAWAR, Pakistan — Security forces killed {i} militants in the Khyber district on Tuesday, \
         the Inter-Services Public Relations (ISPR) said. Officials in Islamabad said the Tehreek-e-Taliban \
         Pakistan had claimed the attack on a police checkpoint near the Afghan border.\n\n"
    )
}

/// One span per other capitalised word (about one per 36 characters).
fn annotated(n: usize) -> Document {
    let mut text = String::new();
    let mut i = 0;
    while text.chars().count() < 100_000 {
        text.push_str(&article(n * 1000 + i));
        i += 1;
    }
    let text: String = text.chars().take(100_000).collect();
    let mut doc = Document::new(format!("doc-{n:02}"), format!("Article {n}"), &text);
    let spans: Vec<Span> = doc
        .tokens()
        .iter()
        .filter(|t| t.text(&text).chars().next().is_some_and(char::is_uppercase))
        .step_by(2)
        .enumerate()
        .map(|(k, t)| {
            if k % 3 == 0 {
                Span {
                    confidence: Some(0.75),
                    ..Span::suggested(t.start, t.end, "ORG", Origin::Model)
                }
            } else {
                Span::manual(t.start, t.end, "GPE")
            }
        })
        .collect();
    doc.set_spans(spans);
    doc
}

#[wasm_bindgen_test]
fn four_megabytes_of_annotated_text_are_stored_and_loaded() {
    storage_support::clear();
    let docs: Vec<Document> = (0..40).map(annotated).collect();
    let text: usize = docs.iter().map(|d| d.text().encode_utf16().count()).sum();
    let spans: usize = docs.iter().map(|d| d.spans().len()).sum();
    let store = Store::open();
    let (labels, settings) = (storage_support::labels(), storage_support::settings());
    let t0 = web_sys::js_sys::Date::now();
    let report = store.sync(&Snapshot {
        documents: &docs,
        labels: &labels,
        settings: &settings,
    });
    let t1 = web_sys::js_sys::Date::now();
    assert!(report.error.is_none(), "{:?}", report.error);
    let usage = store.rescan_usage();
    let loaded = Store::open().load();
    let t2 = web_sys::js_sys::Date::now();
    console_log!(
        "{text} units of text, {spans} spans: {} units stored ({}), save {:.0} ms, load {:.0} ms (debug build)",
        usage.ours,
        usage.sentence(),
        t1 - t0,
        t2 - t1
    );
    assert!(text >= 4_000_000);
    assert!(usage.ours < 5 * 1024 * 1024);
    assert_eq!(loaded.documents.len(), 40);
    for (a, b) in loaded.documents.iter().zip(&docs) {
        assert!(spanmark::storage::same_content(a, b), "{} differs", b.id);
    }
    storage_support::clear();
}
