//! Pasting half an article must never crash the detector: every annotated article, cut
//! after each of its words, is detected without a panic and with spans inside the text.

use std::path::{Path, PathBuf};

use spanmark_core::detect::Pipeline;
use spanmark_core::token::tokenize;

fn articles(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("fixture folder present") {
        let path = entry.unwrap().path();
        if path.is_dir() && path.file_name().is_some_and(|n| n != "marked") {
            articles(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

#[test]
fn every_article_cut_after_any_word_is_detected_without_a_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev");
    let mut files = Vec::new();
    articles(&dir, &mut files);
    assert!(files.len() >= 30, "only {} articles found", files.len());
    let pipeline = Pipeline::full();
    let mut cuts = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        // Cut after every word of the last part of the text and every 7th word before it:
        // the rules look ahead from the end of a sentence, a heading or a list.
        let ends: Vec<usize> = tokenize(&text).iter().map(|t| t.byte_end).collect();
        let tail = ends.len().saturating_sub(60);
        for (i, &end) in ends.iter().enumerate() {
            if i < tail && i % 7 != 0 {
                continue;
            }
            let cut = &text[..end];
            let spans = pipeline.detect(cut, &tokenize(cut));
            let chars = cut.chars().count();
            assert!(
                spans.iter().all(|s| s.start < s.end && s.end <= chars),
                "{}: a span outside the text cut at byte {end}",
                file.display()
            );
            cuts += 1;
        }
    }
    assert!(cuts > 3000, "only {cuts} cuts");
}
