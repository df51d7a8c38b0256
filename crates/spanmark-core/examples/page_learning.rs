//! The page's learning work natively (e2e/perf/learning.mjs's corpus): 30 documents of 5 KB made
//! of world-news articles, learnt with the full word lists, then the tagger trained to the end.
//!
//! Run: cargo run --release -p spanmark-core --example page_learning [-- DOCS [learn]]
//! Prints the time of each part and a fingerprint of the saved learner (equal fingerprints:
//! equal models). With `learn` it stops after learning (to profile that part alone).

use std::path::Path;
use std::time::Instant;

use spanmark_core::detect::Pipeline;
use spanmark_core::learn::{load_documents, Learner};
use spanmark_core::span::Span;

/// Consecutive articles joined until each document has 5 × 1024 UTF-16 units (as learning.mjs).
fn documents(count: usize) -> Vec<(String, String, Vec<Span>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/world");
    let mut articles = Vec::new();
    for set in ["dev", "blind"] {
        articles.extend(load_documents(&root.join(set)).unwrap_or_default());
    }
    let mut out = Vec::new();
    let mut next = 0;
    while out.len() < count && !articles.is_empty() {
        let (mut text, mut spans) = (String::new(), Vec::new());
        while text.encode_utf16().count() < 5 * 1024 {
            let a = &articles[next % articles.len()];
            next += 1;
            let shift = text.chars().count();
            for s in &a.spans {
                spans.push(Span::manual(
                    s.start + shift,
                    s.end + shift,
                    s.label.clone(),
                ));
            }
            text.push_str(&a.text);
            text.push_str("\n\n");
        }
        out.push((format!("learn{}", out.len()), text, spans));
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(30);
    let learn_only = args.get(2).is_some_and(|a| a == "learn");
    let docs = documents(count);
    let lists = Pipeline::full();
    let mut learner = Learner::new();
    learner.use_lists(&lists);
    let started = Instant::now();
    let mut slowest = 0.0f64;
    for (id, text, spans) in &docs {
        let one = Instant::now();
        learner.learn_document(id, text, spans);
        slowest = slowest.max(one.elapsed().as_secs_f64() * 1e3);
    }
    let learnt = started.elapsed().as_secs_f64() * 1e3;
    println!("{count} documents learnt in {learnt:.0} ms (slowest {slowest:.1} ms)");
    if learn_only {
        return;
    }
    let started = Instant::now();
    let (mut steps, mut slowest) = (0, 0.0f64);
    loop {
        let one = Instant::now();
        let progress = learner.train_step(200);
        steps += 1;
        slowest = slowest.max(one.elapsed().as_secs_f64() * 1e3);
        if progress.finished {
            break;
        }
    }
    let trained = started.elapsed().as_secs_f64() * 1e3;
    let json = learner.to_json();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in json.bytes() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    println!(
        "trained in {trained:.0} ms ({steps} slices of 200 sentences, slowest {slowest:.1} ms); \
         {} weights; learner {} KB, fingerprint {h:016x}",
        learner.stats().model_weights,
        json.len() / 1024
    );
}
