//! The hand-annotated dev articles against the tokenizer: every gold span must sit on token
//! boundaries and survive snapping unchanged, or annotators could not draw it.

use spanmark_core::Document;

#[test]
fn gold_spans_of_the_dev_set_align_with_tokens() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev");
    let mut checked = 0;
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("dev set present") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let doc = Document::new("d", "t", v["text"].as_str().unwrap());
        for s in v["spans"].as_array().unwrap() {
            let (start, end) = (
                s["start"].as_u64().unwrap() as usize,
                s["end"].as_u64().unwrap() as usize,
            );
            checked += 1;
            if doc.snap(start, end) != Ok((start, end)) {
                problems.push(format!(
                    "{}: {:?} snaps to {:?}",
                    path.display(),
                    doc.slice(start, end),
                    doc.snap(start, end)
                ));
            }
        }
    }
    assert!(checked > 100, "only {checked} gold spans found");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
