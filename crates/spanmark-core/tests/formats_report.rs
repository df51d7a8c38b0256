//! The export self-check report: spans a target cannot hold are listed with a reason, never
//! dropped silently; options choose documents and spans; files get dated names.

use spanmark_core::formats::{self, DocumentChoice, ExportOptions, Format, Reason, SpanChoice};
use spanmark_core::span::{Origin, Span};
use spanmark_core::{DocStatus, Document, Schema};

fn doc() -> Document {
    let mut d = Document::new("d1", "Raid", "Lahorebased police met ISPR staff in Kabul.");
    d.set_spans(vec![
        Span::manual(0, 6, "GPE"),      // inside the token "Lahorebased"
        Span::manual(23, 27, "MY ORG"), // a label with a space
        Span::suggested(37, 42, "GPE", Origin::Gazetteer),
    ]);
    d
}

fn options() -> ExportOptions {
    ExportOptions {
        date: "2026-11-22".into(),
        ..Default::default()
    }
}

fn reasons(format: Format, options: &ExportOptions) -> Vec<Reason> {
    let export = formats::export(format, &[doc()], &Schema::news(), options).unwrap();
    export.report.into_iter().map(|p| p.reason).collect()
}

#[test]
fn spans_inside_a_token_are_reported_for_token_formats_only() {
    assert_eq!(reasons(Format::Spacy, &options()), [Reason::NotOnTokens]);
    assert_eq!(
        reasons(Format::Conll, &options()).first(),
        Some(&Reason::NotOnTokens)
    );
    assert!(reasons(Format::Doccano, &options()).is_empty());
    assert!(reasons(Format::LabelStudio, &options()).is_empty());
    assert!(reasons(Format::Spanmark, &options()).is_empty());
}

#[test]
fn labels_the_target_cannot_express_are_reported() {
    let conll = reasons(Format::Conll, &options());
    assert!(
        matches!(&conll[1], Reason::Label(why) if why.contains("CoNLL tag")),
        "{conll:?}"
    );
    let brat = reasons(Format::Brat, &options());
    assert!(
        matches!(&brat[..], [Reason::Label(why)] if why.contains("brat type")),
        "{brat:?}"
    );
}

#[test]
fn the_report_reads_as_a_sentence() {
    let export = formats::export(Format::Spacy, &[doc()], &Schema::news(), &options()).unwrap();
    assert_eq!(
        export.report[0].to_string(),
        "“Raid”: “Lahore” (GPE, 0–6) starts or ends inside a token, so the target cannot place it; it is left out"
    );
    assert_eq!(export.spans, 1, "only the ISPR span made it");
}

#[test]
fn suggestions_and_open_documents_follow_the_options() {
    let mut done = doc();
    done.id = "d2".into();
    done.status = DocStatus::Done;
    let docs = [doc(), done];
    let count =
        |o: &ExportOptions| formats::export(Format::Doccano, &docs, &Schema::news(), o).unwrap();
    let all = count(&options());
    assert_eq!((all.documents, all.spans), (2, 4));
    let with = count(&ExportOptions {
        spans: SpanChoice::WithSuggestions,
        ..options()
    });
    assert_eq!(with.spans, 6);
    let only_done = count(&ExportOptions {
        documents: DocumentChoice::Done,
        ..options()
    });
    assert_eq!((only_done.documents, only_done.spans), (1, 2));
}

#[test]
fn files_are_named_by_date_and_format() {
    let names: Vec<String> = Format::ALL
        .iter()
        .filter(|f| **f != Format::Txt)
        .map(|f| {
            formats::export(*f, &[doc()], &Schema::news(), &options())
                .unwrap()
                .files[0]
                .name
                .clone()
        })
        .collect();
    assert_eq!(
        names,
        [
            "spanmark-2026-11-22.json",
            "spanmark-2026-11-22-spacy.jsonl",
            "spanmark-2026-11-22-doccano.jsonl",
            "spanmark-2026-11-22-labelstudio.json",
            "spanmark-2026-11-22.conll",
            "spanmark-2026-11-22-brat.zip"
        ]
    );
}
