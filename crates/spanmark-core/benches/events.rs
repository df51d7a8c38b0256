//! The events layer on 100 KB and 1 MB articles: suggesting the events over the detector's
//! spans, and the edits a user makes with them in place. Run: cargo bench -p spanmark-core --bench events

use spanmark_core::detect::detect;
use spanmark_core::links::LinkEdit;
use spanmark_core::{Document, Edit, Schema};

const SIZES: [usize; 2] = [100_000, 1_000_000];

mod corpus;
use corpus::article;

fn main() {
    divan::main();
}

/// A document with the detector's spans and (with `events`) its suggested events.
fn suggested(bytes: usize, events: bool) -> (Document, Schema) {
    let schema = Schema::news();
    let mut doc = Document::new("bench", "bench", &article(bytes));
    let spans = detect(doc.text(), doc.tokens());
    Edit::Suggest { spans }
        .apply(&mut doc, &schema)
        .expect("suggest");
    if events {
        let events = spanmark_core::incidents::suggest(&doc);
        Edit::Link(LinkEdit::Suggest {
            events,
            relations: Vec::new(),
        })
        .apply(&mut doc, &schema)
        .expect("suggest events");
    }
    (doc, schema)
}

#[divan::bench(args = SIZES, sample_count = 5)]
fn suggest_events(bencher: divan::Bencher, bytes: usize) {
    let (doc, _) = suggested(bytes, false);
    bencher.bench(|| spanmark_core::incidents::suggest(divan::black_box(&doc)).len());
}

/// What the page's Annotate runs (`Workspace::suggest_events`): the rules' events corrected by
/// an incident memory, here a fresh one (nothing taught yet).
#[divan::bench(args = SIZES, sample_count = 5)]
fn suggest_events_remembered(bencher: divan::Bencher, bytes: usize) {
    let (doc, _) = suggested(bytes, false);
    let memory = spanmark_core::incidents::memory::EventMemory::default();
    bencher.bench(|| {
        spanmark_core::incidents::remembered::suggest_remembered(divan::black_box(&doc), &memory)
            .len()
    });
}

/// Accept then relabel 20 spans spread over the article, the perf page's edits; with and
/// without the suggested events in place.
#[divan::bench(args = SIZES, consts = [false, true], sample_count = 5)]
fn edits_20<const EVENTS: bool>(bencher: divan::Bencher, bytes: usize) {
    let (doc, schema) = suggested(bytes, EVENTS);
    bencher.with_inputs(|| doc.clone()).bench_values(|mut doc| {
        let n = doc.spans().len();
        for i in 0..20 {
            let s = &doc.spans()[(i * 7919) % n];
            let (start, end) = (s.start, s.end);
            let _ = Edit::Accept { start, end }.apply(&mut doc, &schema);
            let _ = Edit::Relabel {
                start,
                end,
                label: "ORG".into(),
            }
            .apply(&mut doc, &schema);
        }
        doc
    });
}
