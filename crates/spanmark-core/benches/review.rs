//! Team review at the scale: three annotators × 200 articles × 5 KB. Loading the exports,
//! the agreement table, building the adjudication, walking every disagreement, consistency.
//! Run: cargo bench -p spanmark-core --bench review

use spanmark_core::detect::detect;
use spanmark_core::formats::{export, ExportOptions, Format, InputFile};
use spanmark_core::review::{load_annotator, Adjudication, Agreement, Consistency, Settings, Team};
use spanmark_core::{Document, Schema, Span};

mod corpus;
use corpus::article;

const ARTICLES: usize = 200;
const BYTES: usize = 5_000;

fn main() {
    divan::main();
}

/// 200 distinct texts of about 5 KB each, cut from 1 MB of the dev set's prose at paragraph ends.
fn texts() -> Vec<String> {
    let all = article(ARTICLES * BYTES + BYTES);
    let mut out = Vec::with_capacity(ARTICLES);
    let mut rest = all.as_str();
    while out.len() < ARTICLES {
        let mut cut = BYTES.min(rest.len());
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let cut = rest[cut..].find("\n\n").map_or(rest.len(), |i| cut + i);
        out.push(format!("No. {}\n\n{}", out.len() + 1, &rest[..cut]));
        rest = rest[cut..].trim_start_matches('\n');
        if rest.is_empty() {
            rest = all.as_str();
        }
    }
    out
}

/// Annotator k: the detector's spans, with every (7 + k)th dropped and every (11 + k)th relabelled.
fn annotator_documents(texts: &[String], k: usize) -> Vec<Document> {
    const LABELS: [&str; 4] = ["PERSON", "ORG", "GPE", "DATE"];
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let mut doc = Document::new(format!("a{k}-{i}"), format!("Article {i}"), text);
            let spans: Vec<Span> = detect(doc.text(), doc.tokens())
                .into_iter()
                .enumerate()
                .filter(|(n, _)| k == 0 || n % (7 + k) != 0)
                .map(|(n, s)| {
                    let label = if k > 0 && n % (11 + k) == 0 {
                        LABELS[n % 4]
                    } else {
                        s.label.as_str()
                    };
                    Span::manual(s.start, s.end, label)
                })
                .collect();
            doc.set_spans(spans);
            doc
        })
        .collect()
}

/// The three annotators' Spanmark exports, as the CLI reads them from disk.
fn exports() -> Vec<InputFile> {
    let texts = texts();
    (0..3)
        .map(|k| {
            let docs = annotator_documents(&texts, k);
            let e = export(
                Format::Spanmark,
                &docs,
                &Schema::news(),
                &ExportOptions::default(),
            )
            .expect("export");
            InputFile {
                name: format!("annotator{k}.json"),
                bytes: e.files[0].bytes.clone(),
            }
        })
        .collect()
}

fn team(files: &[InputFile]) -> Team {
    Team::new(
        files
            .iter()
            .map(|f| load_annotator(f).expect("load"))
            .collect(),
    )
    .expect("team")
}

#[divan::bench(sample_count = 10)]
fn load_three_exports(bencher: divan::Bencher) {
    let files = exports();
    bencher
        .counter(divan::counter::BytesCount::new(
            files.iter().map(|f| f.bytes.len()).sum::<usize>(),
        ))
        .bench(|| team(divan::black_box(&files)));
}

#[divan::bench(sample_count = 10)]
fn agreement_table(bencher: divan::Bencher) {
    let team = team(&exports());
    bencher.bench(|| Agreement::of(divan::black_box(&team)));
}

#[divan::bench(sample_count = 10)]
fn build_adjudication(bencher: divan::Bencher) {
    let team = team(&exports());
    bencher.bench(|| Adjudication::new(divan::black_box(&team), Settings::default()));
}

/// One "next disagreement" step: the next undecided item after a position (the n key).
#[divan::bench(sample_count = 100)]
fn next_disagreement(bencher: divan::Bencher) {
    let team = team(&exports());
    let mut adj = Adjudication::new(&team, Settings::default());
    // half decided, so "next open" has to skip
    for p in (0..adj.len()).step_by(2) {
        adj.decide(p, spanmark_core::review::Choice::Neither, 0.0)
            .expect("decide");
    }
    let mut at = None;
    bencher.bench_local(|| {
        at = adj.next_open(at);
        at
    });
}

#[divan::bench(sample_count = 10)]
fn consistency_of_one_annotator(bencher: divan::Bencher) {
    let team = team(&exports());
    let docs = &team.annotators[0].documents;
    bencher.bench(|| Consistency::of(divan::black_box(docs)));
}
