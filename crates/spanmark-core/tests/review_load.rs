//! Loading annotators from real files: exports, backups, other formats; pairing by text (CRLF
//! pairs, other differences do not and say where); bad input refused with a sentence.

mod review_support;

use review_support::*;
use spanmark_core::formats::InputFile;
use spanmark_core::persist::{encode_backup, Backup};
use spanmark_core::review::{load_annotator, ReviewError, Team};
use spanmark_core::{Document, Span};

const T1: &str = "Maryam Nawaz visited Lahore.\nShe met officials.";
const T2: &str = "Herat was quiet on Friday.";

#[test]
fn an_export_becomes_an_annotator_named_after_its_file() {
    let file = spanmark_file(
        "work/ayesha.json",
        NEWS,
        &[(
            "a1",
            "Lahore visit",
            T1,
            &[(0, 12, "PERSON"), (21, 27, "GPE")],
        )],
    );
    let a = load_annotator(&file).unwrap();
    assert_eq!(a.name, "ayesha");
    assert_eq!(a.documents.len(), 1);
    assert_eq!(a.documents[0].spans().len(), 2);
    assert_eq!(a.labels.len(), 8);
}

/// A backup of one document of `text`: a GPE accepted, a DATE still suggested.
fn herat_backup(text: &str) -> Backup {
    let mut d = Document::new("b1", "Herat", text);
    d.set_spans(vec![
        Span::manual(0, 5, "GPE"),
        Span::suggested(19, 25, "DATE", spanmark_core::Origin::Pattern),
    ]);
    Backup {
        documents: vec![d],
        ..Backup::default()
    }
}

#[test]
fn a_backup_loads_and_suggestions_are_left_out_with_a_note() {
    let backup = herat_backup(T2);
    let file = InputFile {
        name: "spanmark-backup-2026-12-04.json".into(),
        bytes: encode_backup(&backup).unwrap().into_bytes(),
    };
    let a = load_annotator(&file).unwrap();
    assert_eq!(a.documents[0].spans().len(), 1);
    assert!(
        a.warnings[0].contains("1 suggestion not accepted"),
        "{:?}",
        a.warnings
    );
}

#[test]
fn a_backup_whose_format_key_comes_after_4_kb_is_still_a_backup() {
    let text = format!("{T2} {}", "Herat was quiet. ".repeat(300));
    let backup = herat_backup(&text);
    // the same backup with its "format" key moved to the end, as another writer may order it
    let mut value: serde_json::Value =
        serde_json::from_str(&encode_backup(&backup).unwrap()).unwrap();
    let format = value.as_object_mut().unwrap().remove("format").unwrap();
    let rest = serde_json::to_string(&value).unwrap();
    let late = format!("{},\"format\":{format}}}", rest.strip_suffix('}').unwrap());
    assert!(late.find("\"format\"").unwrap() > 4096);
    let file = InputFile {
        name: "late.json".into(),
        bytes: late.into_bytes(),
    };
    let a = load_annotator(&file).unwrap();
    assert_eq!(a.documents[0].spans().len(), 1, "read as a backup");
    assert!(
        a.warnings[0].contains("1 suggestion not accepted"),
        "{:?}",
        a.warnings
    );
}

#[test]
fn another_format_loads_through_the_importers() {
    let line = r#"{"text": "Herat was quiet on Friday.", "label": [[0, 5, "GPE"]]}"#;
    let file = InputFile {
        name: "bilal.jsonl".into(),
        bytes: line.as_bytes().to_vec(),
    };
    let a = load_annotator(&file).unwrap();
    assert_eq!(a.name, "bilal");
    assert_eq!(a.documents[0].spans()[0].label, "GPE");
    assert_eq!(a.labels, vec!["GPE".to_string()]);
}

#[test]
fn documents_pair_by_text_whatever_their_ids_and_line_endings() {
    let a = spanmark_file(
        "a.json",
        NEWS,
        &[("x", "one", T1, &[]), ("y", "two", T2, &[])],
    );
    let crlf = T1.replace('\n', "\r\n");
    let b = spanmark_file("b.json", NEWS, &[("other-id", "other title", &crlf, &[])]);
    let team = Team::new(vec![
        load_annotator(&a).unwrap(),
        load_annotator(&b).unwrap(),
    ])
    .unwrap();
    assert_eq!(team.groups().len(), 2);
    assert!(team.groups()[0].is_shared_by_all());
    let unpaired: Vec<_> = team.unpaired().collect();
    assert_eq!(unpaired.len(), 1);
    let warnings = team.warnings();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("“two” is only in the work of a (not b)")),
        "{warnings:?}"
    );
}

#[test]
fn a_text_that_differs_otherwise_does_not_pair_and_says_where() {
    let a = spanmark_file("a.json", NEWS, &[("x", "Lahore visit", T1, &[])]);
    let changed = T1.replace("officials", "officers");
    let b = spanmark_file("b.json", NEWS, &[("x", "Lahore visit", &changed, &[])]);
    let team = Team::new(vec![
        load_annotator(&a).unwrap(),
        load_annotator(&b).unwrap(),
    ])
    .unwrap();
    assert_eq!(team.groups().len(), 2);
    let m = &team.pairing.mismatches[0];
    // "She met officials." starts line 2; "offic" is shared, then "i" vs "e"
    assert_eq!((m.line, m.column), (2, 14));
    assert_eq!(m.at, 29 + 13);
    let sentence = team.mismatch_sentence(m);
    assert!(
        sentence.contains("differ at line 2, column 14"),
        "{sentence}"
    );
    assert!(sentence.contains("“ials.”"), "{sentence}");
}

#[test]
fn a_file_that_is_not_an_export_is_refused_with_its_name() {
    let file = InputFile {
        name: "notes.md".into(),
        bytes: b"# meeting notes\nnothing here".to_vec(),
    };
    let err = load_annotator(&file).unwrap_err();
    assert!(matches!(err, ReviewError::NotAnExport { .. }));
    assert!(
        err.to_string()
            .starts_with("notes.md: this is not a Spanmark export"),
        "{err}"
    );
    let json = InputFile {
        name: "config.json".into(),
        bytes: br#"{"theme": "dark"}"#.to_vec(),
    };
    let err = load_annotator(&json).unwrap_err().to_string();
    assert!(err.starts_with("config.json: line 1"), "{err}");
    let txt = InputFile {
        name: "article.txt".into(),
        bytes: b"Plain text.".to_vec(),
    };
    let err = load_annotator(&txt).unwrap_err().to_string();
    assert!(err.contains("plain text has no annotations"), "{err}");
}

#[test]
fn a_damaged_backup_is_refused_whole() {
    let file = InputFile {
        name: "backup.json".into(),
        bytes: br#"{"format":"spanmark-backup","schema":"spanmark/1","documents":[{"id":"x"}]}"#
            .to_vec(),
    };
    let err = load_annotator(&file).unwrap_err().to_string();
    assert!(
        err.starts_with("backup.json: this is not a Spanmark export"),
        "{err}"
    );
    assert!(err.contains("looks like a backup"), "{err}");
}

#[test]
fn duplicate_documents_inside_one_file() {
    let same = spanmark_file(
        "a.json",
        NEWS,
        &[
            ("x", "first", T2, &[(0, 5, "GPE")]),
            ("y", "copy", T2, &[(0, 5, "GPE")]),
        ],
    );
    let a = load_annotator(&same).unwrap();
    assert_eq!(a.documents.len(), 1);
    assert!(
        a.warnings[0].contains("“copy” is a second copy of “first”"),
        "{:?}",
        a.warnings
    );
    let different = spanmark_file(
        "b.json",
        NEWS,
        &[
            ("x", "first", T2, &[(0, 5, "GPE")]),
            ("y", "copy", T2, &[(0, 5, "LOC")]),
        ],
    );
    let err = load_annotator(&different).unwrap_err().to_string();
    assert!(
        err.starts_with(
            "b.json: documents “first” and “copy” have the same text but different spans"
        ),
        "{err}"
    );
}

#[test]
fn different_schemas_list_the_labels_one_side_lacks_and_keep_their_spans() {
    let a = spanmark_file(
        "a.json",
        &["PERSON", "GPE", "FAC"],
        &[("x", "t", T2, &[(0, 5, "FAC")])],
    );
    let b = spanmark_file(
        "b.json",
        &["PERSON", "GPE", "Fac"],
        &[("x", "t", T2, &[(0, 5, "GPE")])],
    );
    let team = Team::new(vec![
        load_annotator(&a).unwrap(),
        load_annotator(&b).unwrap(),
    ])
    .unwrap();
    assert_eq!(team.labels, vec!["PERSON", "GPE", "FAC", "Fac"]);
    let fac = &team.label_differences[0];
    assert_eq!(
        (fac.label.as_str(), fac.present.clone(), fac.missing.clone()),
        ("FAC", vec![0], vec![1])
    );
    let w = team.warnings();
    assert!(
        w[0].contains("label “FAC” is only in the labels of a (b has no such label)")
            && w[0].contains("b has “Fac”, which differs only in case"),
        "{w:?}"
    );
    let agreement = spanmark_core::review::Agreement::of(&team);
    assert_eq!(agreement.pairs[0].spans.outcomes.label_differs, 1);
}

#[test]
fn one_annotator_is_not_a_team_and_names_stay_unique() {
    let a = annotator("a", NEWS, vec![doc("1", T2, &[])]);
    assert_eq!(
        Team::new(vec![a.clone()]).unwrap_err(),
        ReviewError::TooFewAnnotators(1)
    );
    let mut team = Team::new(vec![a.clone(), a]).unwrap();
    assert_eq!(team.name(1), "a-2");
    assert_eq!(
        team.rename(1, " a "),
        Err(ReviewError::DuplicateName("a".into()))
    );
    assert_eq!(team.rename(1, "  "), Err(ReviewError::EmptyName));
    team.rename(1, "Bilal").unwrap();
    assert_eq!(team.name(1), "Bilal");
}
