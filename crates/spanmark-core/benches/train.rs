//! Training the learner on 50 articles of 5 KB (the budget is 2 s in the browser).
//! Run: cargo bench -p spanmark-core --bench train

#[path = "../tests/learn_support/mod.rs"]
mod learn_support;

use spanmark_core::learn::Learner;

fn main() {
    let corpus = learn_support::synthetic_corpus(50, 5_000);
    let mut learner = Learner::new();
    learner.use_lists(&spanmark_core::detect::Pipeline::full());
    for a in &corpus {
        learner.learn_document(&a.name, &a.text, &a.spans);
    }
    learner.train();
    let size = learner.to_json().len();
    let stats = learner.stats();
    eprintln!(
        "50 × 5 KB: {} spans, {} weights, {} forms, saved learner {} KB",
        stats.trained_spans,
        stats.model_weights,
        stats.remembered_forms,
        size / 1024
    );
    divan::main();
}

/// The page budget: 30 done articles of 5 KB learnt and the tagger trained, with the
/// word lists the page has (the full gazetteer) as rules and as tagger features.
#[divan::bench(sample_count = 5)]
fn learn_and_train_30x5kb(bencher: divan::Bencher) {
    let corpus = learn_support::synthetic_corpus(30, 5_000);
    let lists = spanmark_core::detect::Pipeline::full();
    bencher.bench(|| {
        let mut learner = Learner::new();
        learner.use_lists(&lists);
        for a in &corpus {
            learner.learn_document(&a.name, &a.text, &a.spans);
        }
        learner.train();
        learner
    });
}

/// Featurising the articles (tokenize + rule detector + features) and memory.
#[divan::bench(sample_count = 5)]
fn learn_documents_50x5kb(bencher: divan::Bencher) {
    let corpus = learn_support::synthetic_corpus(50, 5_000);
    bencher.bench(|| {
        let mut learner = Learner::new();
        for a in &corpus {
            learner.learn_document(&a.name, &a.text, &a.spans);
        }
        learner
    });
}

/// The whole thing: learn the documents, then train the tagger to the end.
#[divan::bench(sample_count = 5)]
fn learn_and_train_50x5kb(bencher: divan::Bencher) {
    let corpus = learn_support::synthetic_corpus(50, 5_000);
    bencher.bench(|| {
        let mut learner = Learner::new();
        for a in &corpus {
            learner.learn_document(&a.name, &a.text, &a.spans);
        }
        learner.train();
        learner
    });
}

/// One slice of a training run as the page runs it: 200 sentences (aim: well under 50 ms
/// in the browser).
#[divan::bench(sample_count = 20)]
fn train_slice_200_sentences(bencher: divan::Bencher) {
    let corpus = learn_support::synthetic_corpus(50, 5_000);
    let mut learner = Learner::new();
    learner.use_lists(&spanmark_core::detect::Pipeline::full());
    for a in &corpus {
        learner.learn_document(&a.name, &a.text, &a.spans);
    }
    learner.train_step(2_000);
    bencher
        .with_inputs(|| learner.clone())
        .bench_local_values(|mut l| {
            l.train_step(200);
            l
        });
}

/// Marking one more 5 KB article done when 49 are learnt and the tagger is trained:
/// score it, remember it, featurise it.
#[divan::bench(sample_count = 10)]
fn learn_one_more_document(bencher: divan::Bencher) {
    let corpus = learn_support::synthetic_corpus(50, 5_000);
    let mut learner = Learner::new();
    for a in &corpus[..49] {
        learner.learn_document(&a.name, &a.text, &a.spans);
    }
    learner.train();
    let last = &corpus[49];
    bencher
        .with_inputs(|| learner.clone())
        .bench_local_values(|mut l| {
            l.learn_document(&last.name, &last.text, &last.spans);
            l
        });
}
