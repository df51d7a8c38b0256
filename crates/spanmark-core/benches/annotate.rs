//! The annotation hot paths on 10 KB, 100 KB and 1 MB articles: tokenizing, 1,000 random
//! edits with undo, and exporting to every format. Run: cargo bench -p spanmark-core --bench annotate

use spanmark_core::detect::detect;
use spanmark_core::formats::{export, ExportOptions, Format};
use spanmark_core::token::tokenize;
use spanmark_core::{Document, Edge, Edit, History, Schema};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

mod corpus;
use corpus::article;

fn main() {
    divan::main();
}

/// A document with the detector's suggestions in place, the state a user starts from.
fn suggested(bytes: usize) -> (Document, Schema) {
    let schema = Schema::news();
    let mut doc = Document::new("bench", "bench", &article(bytes));
    let spans = detect(doc.text(), doc.tokens());
    Edit::Suggest { spans }
        .apply(&mut doc, &schema)
        .expect("suggest");
    (doc, schema)
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn tokenize_article(bencher: divan::Bencher, bytes: usize) {
    let text = article(bytes);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| tokenize(divan::black_box(&text)));
}

/// Tiny deterministic generator so every run applies the same edits.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// 1,000 edits of every kind a user makes, each recorded in the history; every 10th is an undo.
#[divan::bench(args = SIZES, sample_count = 5)]
fn random_edits_1000(bencher: divan::Bencher, bytes: usize) {
    let (doc, schema) = suggested(bytes);
    let labels: Vec<String> = schema.labels.iter().map(|l| l.name.clone()).collect();
    bencher
        .with_inputs(|| (doc.clone(), History::new(), Lcg(7)))
        .bench_values(|(mut doc, mut history, mut rng)| {
            for i in 0..1_000 {
                if i % 10 == 9 {
                    let _ = history.undo(&mut doc);
                    continue;
                }
                let spans = doc.spans();
                let edit = if spans.is_empty() || rng.next(6) == 0 {
                    let t = doc.tokens();
                    let a = rng.next(t.len());
                    let b = (a + rng.next(3)).min(t.len() - 1);
                    Edit::Add {
                        start: t[a].start,
                        end: t[b].end,
                        label: labels[rng.next(labels.len())].clone(),
                    }
                } else {
                    let s = &spans[rng.next(spans.len())];
                    let (start, end) = (s.start, s.end);
                    match rng.next(5) {
                        0 => Edit::Accept { start, end },
                        1 => Edit::Reject { start, end },
                        2 => Edit::Relabel {
                            start,
                            end,
                            label: labels[rng.next(labels.len())].clone(),
                        },
                        3 => Edit::Resize {
                            start,
                            end,
                            edge: Edge::End,
                            delta: 1,
                        },
                        _ => Edit::Remove { start, end },
                    }
                };
                if let Ok(step) = edit.apply(&mut doc, &schema) {
                    history.record(step);
                }
            }
            (doc, history)
        });
}

#[divan::bench(args = SIZES, consts = [0, 1, 2, 3, 4, 5, 6], sample_count = 5)]
fn export_format<const F: usize>(bencher: divan::Bencher, bytes: usize) {
    let (mut doc, schema) = suggested(bytes);
    Edit::AcceptAll
        .apply(&mut doc, &schema)
        .expect("accept all");
    let docs = vec![doc];
    let options = ExportOptions {
        date: "2026-11-23".into(),
        ..ExportOptions::default()
    };
    let format = Format::ALL[F];
    bencher.bench(|| export(format, &docs, &schema, &options).map(|e| e.files.len()));
}
