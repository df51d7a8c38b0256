//! Record version 3: the text under its own key, named by hash in the record. Heads read back
//! whole, a missing or wrong text is refused with a sentence naming its key, version 2 entries
//! load unchanged, and a save interrupted after any of its writes leaves the old or the new
//! document, never a record without its text.

mod persist_support;

use std::collections::BTreeMap;

use proptest::prelude::*;
use serde_json::{json, Value};
use spanmark_core::links::{Event, Links, Relation};
use spanmark_core::persist::*;
use spanmark_core::{Document, Origin};

use persist_support::{document_strategy, sample};

type Area = BTreeMap<String, String>;

fn with_links(mut doc: Document) -> Document {
    doc.set_links(Links {
        events: vec![Event::suggested("ATTACK", 11, 14, Origin::Pattern)
            .with("perpetrator", 0, 10)
            .with("place", 28, 34)],
        relations: vec![Relation::manual("located_in", (0, 10), (28, 34))],
    });
    doc
}

/// Carry out a save plan's first `n` writes on a map standing in for localStorage.
fn apply(area: &mut Area, plan: &[Write], n: usize) {
    for w in &plan[..n] {
        match w {
            Write::Set(k, v) => {
                area.insert(k.clone(), v.to_string());
            }
            Write::Remove(k) => {
                area.remove(k);
            }
        }
    }
}

fn load(area: &Area, id: &str) -> Result<Document, PersistError> {
    decode_stored(&area[&doc_key(id)], Some(id), |k| area.get(k).cloned())
}

/// Save `doc` as the store does: the hash the stored record names, then the plan.
fn save(area: &mut Area, doc: &Document, revision: u64) {
    let plan = plan_for(area, doc, revision);
    apply(area, &plan, plan.len());
}

fn plan_for<'a>(area: &Area, doc: &'a Document, revision: u64) -> Vec<Write<'a>> {
    let stored: Option<String> = area
        .get(&doc_key(&doc.id))
        .and_then(|raw| serde_json::from_str::<Value>(raw).ok())
        .and_then(|v| v["xk"].as_str().map(String::from));
    save_plan(doc, revision, &text_hash(doc.text()), stored.as_deref()).unwrap()
}

#[test]
fn a_head_names_its_text_and_reads_back_whole() {
    let doc = with_links(sample());
    let mut area = Area::new();
    save(&mut area, &doc, 8);
    let head: Value = serde_json::from_str(&area[&doc_key("d1")]).unwrap();
    assert_eq!(head["v"], json!(VERSION));
    assert_eq!(head["v"], json!(3));
    assert!(head.get("x").is_none(), "the text is not in the record");
    assert_eq!(head["xk"], json!(text_hash(doc.text())));
    assert_eq!(head["r"], json!(8));
    let key = text_key("d1", &text_hash(doc.text()));
    assert_eq!(area[&key], doc.text());
    let mut want = doc.clone();
    want.revision = 8;
    assert_eq!(load(&area, "d1").unwrap(), want);
    assert_eq!(load(&area, "d1").unwrap().links(), doc.links());
}

#[test]
fn a_save_with_the_same_text_writes_only_the_record() {
    let doc = sample();
    let mut area = Area::new();
    save(&mut area, &doc, 1);
    let plan = plan_for(&area, &doc, 2);
    assert_eq!(plan.len(), 1);
    assert!(matches!(&plan[0], Write::Set(k, _) if *k == doc_key("d1")));
}

#[test]
fn a_missing_or_wrong_text_is_refused_with_its_key() {
    let doc = sample();
    let mut area = Area::new();
    save(&mut area, &doc, 1);
    let key = text_key("d1", &text_hash(doc.text()));
    let text = area.remove(&key).unwrap();
    let e = load(&area, "d1").unwrap_err();
    assert_eq!(e, PersistError::MissingText { key: key.clone() });
    assert!(
        e.to_string()
            .contains(&format!("its text, kept under “{key}”, is missing")),
        "{e}"
    );
    area.insert(key.clone(), text.replace("Lahore", "Multan"));
    let e = load(&area, "d1").unwrap_err();
    assert!(
        e.to_string().contains("not the text it was saved with"),
        "{e}"
    );
    // without a way to read text keys, a head is refused rather than read without its text
    area.insert(key, text);
    assert!(decode_document(&area[&doc_key("d1")], Some("d1")).is_err());
}

#[test]
fn version_two_entries_load_unchanged_and_odd_or_newer_ones_are_refused() {
    // what the previous release stored, and what backups still carry
    let doc = with_links(sample());
    let inline = encode_document(&doc).unwrap();
    let v: Value = serde_json::from_str(&inline).unwrap();
    assert_eq!(v["v"], json!(INLINE_VERSION));
    assert_eq!(v["x"], json!(doc.text()));
    let area = Area::from([(doc_key("d1"), inline.clone())]);
    assert_eq!(load(&area, "d1").unwrap(), doc);
    // a version 2 record naming a text key was never written
    let mut bad = v.clone();
    bad["xk"] = json!(text_hash(doc.text()));
    assert!(matches!(
        migrate(bad),
        Err(PersistError::Malformed(m)) if m.contains("cannot name a text key")
    ));
    // a version 3 record with its text both ways is refused, not guessed at
    let mut both = v.clone();
    both["v"] = json!(3);
    both["xk"] = json!(text_hash(doc.text()));
    let e = decode_stored(&both.to_string(), Some("d1"), |_| None).unwrap_err();
    assert!(
        e.to_string().contains("both inline and under its own key"),
        "{e}"
    );
    let mut newer = v;
    newer["v"] = json!(VERSION + 1);
    let e = decode_stored(&newer.to_string(), Some("d1"), |_| None).unwrap_err();
    assert!(e.to_string().contains("newer version of Spanmark"), "{e}");
}

#[test]
fn a_changed_text_under_the_same_id_replaces_its_key_and_leaves_no_other() {
    let mut area = Area::new();
    let old = sample();
    save(&mut area, &old, 1);
    let new = Document::new("d1", "Other", "A different article about Quetta.");
    save(&mut area, &new, 2);
    let texts: Vec<&String> = area.keys().filter(|k| k.starts_with(TEXT_PREFIX)).collect();
    assert_eq!(texts, vec![&text_key("d1", &text_hash(new.text()))]);
    assert_eq!(load(&area, "d1").unwrap().text(), new.text());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Whatever was stored before (nothing, an inline version 2 record, a head), a save cut
    /// short after any of its writes leaves the old document or the new one, whole.
    #[test]
    fn every_prefix_of_a_save_is_a_whole_document(
        old in document_strategy(),
        other in document_strategy(),
        before in 0..3usize,
        same_text in any::<bool>(),
    ) {
        let mut area = Area::new();
        match before {
            1 => { area.insert(doc_key(&old.id), encode_document(&old).unwrap()); }
            2 => save(&mut area, &old, old.revision),
            _ => {}
        }
        // the new version: same id, the old text or another one, other spans
        let text = if same_text { old.text().to_string() } else { other.text().to_string() };
        let mut new = Document::new(old.id.clone(), other.title.clone(), &text);
        if same_text {
            new.set_spans(old.spans().iter().skip(1).cloned().collect());
        }
        let plan = plan_for(&area, &new, old.revision + 1);
        for n in 0..=plan.len() {
            let mut cut = area.clone();
            apply(&mut cut, &plan, n);
            if before == 0 && n < plan.len() {
                prop_assert!(!cut.contains_key(&doc_key(&old.id)));
                continue;
            }
            let got = load(&cut, &old.id);
            prop_assert!(got.is_ok(), "after {} of {} writes: {:?}", n, plan.len(), got);
            let got = got.unwrap();
            let is_new = got.text() == new.text() && got.spans() == new.spans() && got.title == new.title;
            let is_old = got.text() == old.text() && got.spans() == old.spans() && got.title == old.title;
            prop_assert!(is_new || is_old, "after {} of {} writes: neither version", n, plan.len());
            if n == plan.len() {
                prop_assert!(is_new);
                // nothing left behind: only the new text key of this document
                let texts: Vec<String> = cut.keys().filter(|k| k.starts_with(TEXT_PREFIX)).cloned().collect();
                prop_assert_eq!(texts, vec![text_key(&new.id, &text_hash(new.text()))]);
            }
        }
    }
}
