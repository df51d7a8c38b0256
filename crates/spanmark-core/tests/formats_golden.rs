//! Golden files for every format: the fixture set's exports are compared byte for byte (formats
//! whose output does not depend on the tokenizer) and every golden file must import to the fixtures.

mod formats_fixtures;

use std::path::PathBuf;

use spanmark_core::formats::{
    self, ExportOptions, Format, InputFile, OffsetUnit, SpanChoice, TagScheme,
};
use spanmark_core::{Document, Schema};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn options() -> ExportOptions {
    ExportOptions {
        spans: SpanChoice::WithSuggestions,
        date: "2026-11-22".into(),
        ..Default::default()
    }
}

/// Compares with tests/golden/NAME, or writes it when UPDATE_GOLDEN is set.
fn golden(name: &str, bytes: &[u8]) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        return;
    }
    let want =
        std::fs::read(&path).unwrap_or_else(|_| panic!("missing {name}; run with UPDATE_GOLDEN=1"));
    assert!(
        want == bytes,
        "{name} differs from the golden file:\n--- golden\n{}\n--- now\n{}",
        String::from_utf8_lossy(&want),
        String::from_utf8_lossy(bytes)
    );
}

/// (text, label) of every span, per document: what any format must carry.
fn spans_by_text(docs: &[Document]) -> Vec<Vec<(String, String)>> {
    docs.iter()
        .map(|d| {
            d.spans()
                .iter()
                .map(|s| (d.slice(s.start, s.end).to_string(), s.label.clone()))
                .collect()
        })
        .collect()
}

/// The same, with whitespace removed: CoNLL keeps tokens, not the spaces between them.
fn spans_by_words(docs: &[Document]) -> Vec<Vec<(String, String)>> {
    let squeeze = |t: String| t.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    spans_by_text(docs)
        .into_iter()
        .map(|d| d.into_iter().map(|(t, l)| (squeeze(t), l)).collect())
        .collect()
}

fn export_one(format: Format, options: &ExportOptions) -> Vec<u8> {
    let export =
        formats::export(format, &formats_fixtures::news(), &Schema::news(), options).unwrap();
    assert!(
        export.report.is_empty(),
        "{format:?}: {:#?}",
        export
            .report
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    assert_eq!(export.spans, 15, "{format:?} wrote every span");
    assert_eq!(export.files.len(), 1);
    export.files[0].bytes.clone()
}

fn import_golden(format: Format, name: &str) -> Vec<Document> {
    let bytes = std::fs::read(golden_dir().join(name)).unwrap();
    formats::import(format, name, &bytes).unwrap().documents
}

#[test]
fn spanmark_json_matches_golden_and_imports_losslessly() {
    golden(
        "news.spanmark.json",
        &export_one(Format::Spanmark, &options()),
    );
    let back = import_golden(Format::Spanmark, "news.spanmark.json");
    let want = formats_fixtures::news();
    for (b, w) in back.iter().zip(&want) {
        assert_eq!(
            (&b.id, &b.title, b.text(), b.spans(), b.status),
            (&w.id, &w.title, w.text(), w.spans(), w.status)
        );
        assert_eq!((b.created, b.updated), (w.created, w.updated));
    }
    assert_eq!(back.len(), want.len());
}

#[test]
fn doccano_matches_golden_in_both_units() {
    golden(
        "news.doccano.jsonl",
        &export_one(Format::Doccano, &options()),
    );
    let utf16 = ExportOptions {
        offsets: OffsetUnit::Utf16,
        ..options()
    };
    let bytes = export_one(Format::Doccano, &utf16);
    golden("news.doccano-utf16.jsonl", &bytes);
    // The emoji document: "Pakistan" starts at code point 3 but UTF-16 unit 5.
    let second = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .nth(1)
        .unwrap()
        .to_string();
    assert!(second.contains("[5,13,\"GPE\"]"), "{second}");
    for name in ["news.doccano.jsonl", "news.doccano-utf16.jsonl"] {
        assert_eq!(
            spans_by_text(&import_golden(Format::Doccano, name)),
            spans_by_text(&formats_fixtures::news()),
            "{name}"
        );
    }
}

#[test]
fn label_studio_matches_golden_with_suggestions_as_predictions() {
    golden(
        "news.labelstudio.json",
        &export_one(Format::LabelStudio, &options()),
    );
    let back = import_golden(Format::LabelStudio, "news.labelstudio.json");
    let want = formats_fixtures::news();
    for (b, w) in back.iter().zip(&want) {
        let states = |d: &Document| {
            d.spans()
                .iter()
                .map(|s| (s.start, s.end, s.state, s.confidence))
                .collect::<Vec<_>>()
        };
        assert_eq!(states(b), states(w));
    }
}

#[test]
fn brat_zip_holds_golden_txt_ann_and_conf() {
    let zip = export_one(Format::Brat, &options());
    let inner = formats::unzip("x.zip", &zip).unwrap();
    let names: Vec<&str> = inner.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "annotation.conf",
            "visual.conf",
            "pk-001.txt",
            "pk-001.ann",
            "af_002.txt",
            "af_002.ann",
            "ur-003.txt",
            "ur-003.ann",
            "mixed_004.txt",
            "mixed_004.ann"
        ]
    );
    for f in &inner {
        golden(&format!("news.brat/{}", f.name), &f.bytes);
    }
    let back = formats::import(Format::Brat, "news.zip", &zip).unwrap();
    assert_eq!(
        spans_by_text(&back.documents),
        spans_by_text(&formats_fixtures::news())
    );
}

#[test]
fn brat_golden_pairs_import_to_the_fixtures() {
    let dir = golden_dir().join("news.brat");
    let mut files = Vec::new();
    for name in [
        "annotation.conf",
        "visual.conf",
        "pk-001.txt",
        "pk-001.ann",
        "af_002.txt",
        "af_002.ann",
        "ur-003.txt",
        "ur-003.ann",
        "mixed_004.txt",
        "mixed_004.ann",
    ] {
        files.push(InputFile {
            name: name.into(),
            bytes: std::fs::read(dir.join(name)).unwrap(),
        });
    }
    let imported = formats::import_files(Format::Brat, &files).unwrap();
    assert_eq!(
        spans_by_text(&imported.documents),
        spans_by_text(&formats_fixtures::news())
    );
    let ids: Vec<&str> = imported.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["pk-001", "af_002", "ur-003", "mixed_004"]);
    assert_eq!(
        imported.labels[0].color, "#E69F00",
        "colours come back from visual.conf"
    );
}

#[test]
fn spacy_and_conll_golden_files_import_to_the_fixtures() {
    // These exports depend on the tokenizer, so the golden files are import fixtures: written once
    // from an export, they must keep importing to the same spans.
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        golden("news.spacy.jsonl", &export_one(Format::Spacy, &options()));
        golden("news.conll", &export_one(Format::Conll, &options()));
        golden(
            "news.bilou.conll",
            &export_one(
                Format::Conll,
                &ExportOptions {
                    scheme: TagScheme::Bilou,
                    ..options()
                },
            ),
        );
    }
    let want = spans_by_text(&formats_fixtures::news());
    assert_eq!(
        spans_by_text(&import_golden(Format::Spacy, "news.spacy.jsonl")),
        want
    );
    let words = spans_by_words(&formats_fixtures::news());
    assert_eq!(
        spans_by_words(&import_golden(Format::Conll, "news.conll")),
        words
    );
    assert_eq!(
        spans_by_words(&import_golden(Format::Conll, "news.bilou.conll")),
        words
    );
    let conll =
        String::from_utf8(std::fs::read(golden_dir().join("news.bilou.conll")).unwrap()).unwrap();
    assert!(
        conll.contains("Maryam -X- _ B-PERSON\nNawaz -X- _ L-PERSON\n"),
        "{conll}"
    );
    assert!(conll.contains("ISPR -X- _ U-ORG\n"));
    assert!(conll.starts_with("-DOCSTART- -X- O O\n\n"));
}

#[test]
fn spacy_and_conll_exports_of_the_fixtures_survive_their_self_check() {
    for (format, scheme) in [
        (Format::Spacy, TagScheme::Iob2),
        (Format::Conll, TagScheme::Iob2),
        (Format::Conll, TagScheme::Bilou),
    ] {
        let bytes = export_one(
            format,
            &ExportOptions {
                scheme,
                ..options()
            },
        );
        let back = formats::import(format, "x", &bytes).unwrap().documents;
        assert_eq!(
            spans_by_words(&back),
            spans_by_words(&formats_fixtures::news()),
            "{format:?} {scheme:?}"
        );
    }
}

#[test]
fn txt_export_is_one_file_per_document_and_reports_the_spans_it_cannot_hold() {
    let export = formats::export(
        Format::Txt,
        &formats_fixtures::news(),
        &Schema::news(),
        &options(),
    )
    .unwrap();
    let names: Vec<&str> = export.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["pk-001.txt", "af_002.txt", "ur-003.txt", "mixed_004.txt"]
    );
    assert_eq!(export.report.len(), 4, "one line per document with spans");
    assert!(
        export.report[0]
            .to_string()
            .contains("plain text holds no spans: its 5 spans"),
        "{}",
        export.report[0]
    );
    let one = export.single_file("spanmark-2026-11-22-txt.zip").unwrap();
    let back = formats::import(Format::Txt, &one.name, &one.bytes).unwrap();
    assert_eq!(back.documents[1].text(), formats_fixtures::news()[1].text());
    assert_eq!(
        back.documents[1].title,
        "🇵🇰 Pakistan and 👨‍👩‍👧 families in Herat 🙏 met “Taliban” envoys — 😀 twice 😀."
    );
}
