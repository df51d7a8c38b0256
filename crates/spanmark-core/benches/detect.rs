//! Detection speed on a 1 MB text (and 100 KB, the web page's budget case): the default stack,
//! the stack with the extra gazetteer, and tokenizing + detecting. Run: cargo bench -p spanmark-core --bench detect

use divan::counter::CharsCount;
use divan::Bencher;
use spanmark_core::detect::Pipeline;
use spanmark_core::token::tokenize;

const SIZES: [usize; 2] = [100_000, 1_000_000];

mod corpus;
use corpus::article;

fn main() {
    divan::main();
}

#[divan::bench(args = SIZES)]
fn detect_builtin(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    let tokens = tokenize(&text);
    let pipeline = Pipeline::builtin();
    bencher
        .counter(CharsCount::of_str(&text))
        .bench(|| pipeline.detect(divan::black_box(&text), &tokens));
}

#[divan::bench(args = SIZES)]
fn detect_full(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    let tokens = tokenize(&text);
    let pipeline = Pipeline::full();
    bencher
        .counter(CharsCount::of_str(&text))
        .bench(|| pipeline.detect(divan::black_box(&text), &tokens));
}

#[divan::bench(args = SIZES)]
fn tokenize_and_detect(bencher: Bencher, bytes: usize) {
    let text = article(bytes);
    let pipeline = Pipeline::full();
    bencher
        .counter(CharsCount::of_str(&text))
        .bench(|| pipeline.detect(&text, &tokenize(divan::black_box(&text))));
}

#[divan::bench(sample_count = 10)]
fn build_full_pipeline() -> Pipeline {
    let mut p = Pipeline::builtin();
    p.add_gazetteer(spanmark_core::detect::EXTRA_GAZETTEER.as_bytes())
        .expect("extra gazetteer");
    p
}
