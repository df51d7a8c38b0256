//! The benches' input: news text of a chosen size made of the dev set's articles.
//! Shared by the detect and annotate benches so both measure the same prose.

/// About `bytes` bytes of news text made of the dev set's articles, paragraphs kept.
pub fn article(bytes: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/dev");
    let mut parts: Vec<String> = std::fs::read_dir(dir)
        .expect("dev set")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    parts.sort();
    let mut out = String::with_capacity(bytes + 10_000);
    'fill: loop {
        for p in &parts {
            if out.len() >= bytes {
                break 'fill;
            }
            out.push_str(p.trim());
            out.push_str("\n\n");
        }
    }
    out
}
