//! Imports: every format's variants, and bad input refused whole with a sentence naming the file,
//! line and field.

use spanmark_core::formats::{self, Format, InputFile};
use spanmark_core::span::SpanState;
use spanmark_core::Document;

fn spans(doc: &Document) -> Vec<(String, String)> {
    doc.spans()
        .iter()
        .map(|s| (doc.slice(s.start, s.end).to_string(), s.label.clone()))
        .collect()
}

fn pair(text: &str, label: &str) -> (String, String) {
    (text.to_string(), label.to_string())
}

fn refused(format: Format, name: &str, input: &str) -> String {
    formats::import(format, name, input.as_bytes())
        .expect_err("bad input must be refused")
        .to_string()
}

#[test]
fn doccano_names_the_line_and_span_that_is_out_of_range() {
    let input = "{\"text\":\"Herat\",\"label\":[[0,5,\"GPE\"]]}\n{\"text\":\"Lahore\",\"label\":[[0,6,\"GPE\"],[0,120,\"GPE\"]]}\n";
    assert_eq!(
        refused(Format::Doccano, "a.jsonl", input),
        "a.jsonl: line 2: span 2 ends at 120 but the text has 6 characters"
    );
}

#[test]
fn doccano_reads_older_keys_and_object_spans() {
    let input = "{\"data\":\"Kabul and Herat\",\"labels\":[[0,5,\"GPE\"],{\"start_offset\":10,\"end_offset\":15,\"label\":\"GPE\"}]}\n";
    let docs = formats::import(Format::Doccano, "old.jsonl", input.as_bytes())
        .unwrap()
        .documents;
    assert_eq!(
        spans(&docs[0]),
        [pair("Kabul", "GPE"), pair("Herat", "GPE")]
    );
    assert_eq!(docs[0].id, "old-1");
}

#[test]
fn doccano_utf16_offsets_are_read_when_the_file_says_so_and_hinted_when_not() {
    let text = "😀 Herat";
    let utf16 = format!(
        "{{\"text\":\"{text}\",\"label\":[[3,8,\"GPE\"]],\"meta\":{{\"offsets\":\"utf16\"}}}}"
    );
    let docs = formats::import(Format::Doccano, "u.jsonl", utf16.as_bytes())
        .unwrap()
        .documents;
    assert_eq!(spans(&docs[0]), [pair("Herat", "GPE")]);
    let unsaid = format!("{{\"text\":\"{text}\",\"label\":[[3,8,\"GPE\"]]}}");
    let err = refused(Format::Doccano, "u.jsonl", &unsaid);
    assert!(
        err.starts_with("u.jsonl: line 1: span 1 ends at 8 but the text has 7 characters"),
        "{err}"
    );
    assert!(err.contains("import it with UTF-16 offsets"), "{err}");
    let options = formats::ImportOptions {
        offsets: formats::OffsetUnit::Utf16,
    };
    let file = InputFile {
        name: "u.jsonl".into(),
        bytes: unsaid.into_bytes(),
    };
    let docs = formats::import_with(Format::Doccano, &[file], &options)
        .unwrap()
        .documents;
    assert_eq!(spans(&docs[0]), [pair("Herat", "GPE")]);
}

#[test]
fn crlf_text_is_normalised_and_offsets_follow() {
    let input = "{\"text\":\"Kabul\\r\\nHerat\",\"label\":[[7,12,\"GPE\"]]}";
    let imported = formats::import(Format::Doccano, "w.jsonl", input.as_bytes()).unwrap();
    assert_eq!(imported.documents[0].text(), "Kabul\nHerat");
    assert_eq!(spans(&imported.documents[0]), [pair("Herat", "GPE")]);
    assert!(
        imported.notes[0].contains("line endings were changed to LF"),
        "{:?}",
        imported.notes
    );
}

#[test]
fn nothing_is_imported_unless_the_whole_file_is_valid() {
    let input = "{\"text\":\"Kabul\",\"label\":[[0,5,\"GPE\"]]}\nnot json\n";
    let err = refused(Format::Doccano, "b.jsonl", input);
    assert!(
        err.starts_with("b.jsonl: line 2: this is not valid here"),
        "{err}"
    );
}

#[test]
fn spacy_tokens_must_rebuild_the_text_and_carry_the_spans() {
    let good = r#"{"text":"Lahore now","tokens":[{"text":"Lahore","start":0,"end":6,"id":0,"ws":true},{"text":"now","start":7,"end":10,"id":1,"ws":false}],"spans":[{"start":0,"end":6,"label":"GPE","token_start":0,"token_end":0}]}"#;
    let docs = formats::import(Format::Spacy, "s.jsonl", good.as_bytes())
        .unwrap()
        .documents;
    assert_eq!(spans(&docs[0]), [pair("Lahore", "GPE")]);
    let shifted = good.replace("\"token_end\":0", "\"token_end\":1");
    assert_eq!(
        refused(Format::Spacy, "s.jsonl", &shifted),
        "s.jsonl: line 1: span 1 has token_end 1, but that token is at 7–10, not at 6"
    );
    let no_space = good.replace("\"ws\":true", "\"ws\":false");
    assert!(refused(Format::Spacy, "s.jsonl", &no_space).contains("do not rebuild the text"));
}

#[test]
fn prodigy_rejected_answers_are_skipped_with_a_note() {
    let input = "{\"text\":\"Kabul\",\"answer\":\"reject\"}\n{\"text\":\"Herat\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"GPE\"}]}\n";
    let imported = formats::import(Format::Spacy, "p.jsonl", input.as_bytes()).unwrap();
    assert_eq!(imported.documents.len(), 1);
    assert_eq!(
        imported.notes,
        ["line 1: answer is “reject”, so the task was skipped"]
    );
}

#[test]
fn spanmark_json_refuses_a_newer_version_and_a_wrong_text_copy() {
    let newer = r#"{"format":"spanmark/3","documents":[]}"#;
    assert!(refused(Format::Spanmark, "n.json", newer).contains("newer Spanmark (spanmark/3)"));
    let wrong = r#"{"format":"spanmark/1","documents":[{"id":"a","title":"T","text":"Lahore","spans":[{"start":0,"end":3,"label":"GPE","text":"Lahore"}]}]}"#;
    assert_eq!(
        refused(Format::Spanmark, "w.json", wrong),
        "w.json: document 1 (“T”): span 1 says its text is “Lahore” but the text at 0–3 is “Lah”"
    );
}

#[test]
fn label_studio_reads_predictions_as_suggestions_and_refuses_half_an_emoji() {
    let tasks = r#"[{"data":{"text":"😀 Herat"},"predictions":[{"score":0.7,"result":[{"type":"labels","value":{"start":3,"end":8,"labels":["GPE"]}},{"type":"choices","value":{"choices":["x"]}}]}]}]"#;
    let imported = formats::import(Format::LabelStudio, "ls.json", tasks.as_bytes()).unwrap();
    let s = &imported.documents[0].spans()[0];
    assert_eq!(
        (s.start, s.end, s.state, s.confidence),
        (2, 7, SpanState::Suggested, Some(0.7))
    );
    assert!(imported.notes[0].contains("“choices” result was left out"));
    let half = tasks.replace("\"start\":3", "\"start\":1");
    assert!(refused(Format::LabelStudio, "ls.json", &half).starts_with(
        "ls.json: task 1: span 1 has UTF-16 offset 1, which falls inside a character"
    ));
}

#[test]
fn conll_accepts_iob1_and_names_a_bad_tag() {
    let iob1 = "Pakistan X _ I-GPE\nAir X _ O\n\nKabul X _ I-GPE\n";
    let docs = formats::import(Format::Conll, "a.conll", iob1.as_bytes())
        .unwrap()
        .documents;
    assert_eq!(docs[0].text(), "Pakistan Air\nKabul");
    assert_eq!(
        spans(&docs[0]),
        [pair("Pakistan", "GPE"), pair("Kabul", "GPE")]
    );
    let bad = "-DOCSTART- -X- O O\n\nKabul -X- _ GPE\n";
    assert_eq!(
        refused(Format::Conll, "b.conll", bad),
        "b.conll: line 3: the tag “GPE” is not O, B-, I-, L-, U-, E- or S- followed by a label"
    );
}

#[test]
fn brat_pairs_fragments_and_notes() {
    let files = vec![
        InputFile {
            name: "d/a.txt".into(),
            bytes: "Punjab\nProvince police".as_bytes().to_vec(),
        },
        InputFile {
            name: "d/a.ann".into(),
            bytes: b"T1\tGPE 0 6;7 15\tPunjab Province\nA1\tNegated T1\n".to_vec(),
        },
    ];
    let imported = formats::import_files(Format::Brat, &files).unwrap();
    assert_eq!(
        spans(&imported.documents[0]),
        [pair("Punjab\nProvince", "GPE")]
    );
    assert!(imported.notes[0].contains("1 attribute or note lines were left out"));
    let lonely = vec![InputFile {
        name: "b.ann".into(),
        bytes: b"T1\tGPE 0 6\tPunjab\n".to_vec(),
    }];
    assert_eq!(
        formats::import_files(Format::Brat, &lonely)
            .unwrap_err()
            .to_string(),
        "b.ann: there is no .txt file with the same name beside it"
    );
    let wrong = vec![
        files[0].clone(),
        InputFile {
            name: "d/a.ann".into(),
            bytes: b"T1\tGPE 0 6\tPunjaab\n".to_vec(),
        },
    ];
    assert_eq!(
        formats::import_files(Format::Brat, &wrong)
            .unwrap_err()
            .to_string(),
        "d/a.ann: line 1: T1 says its text is “Punjaab” but the text at its offsets is “Punjab”"
    );
}

#[test]
fn text_that_is_not_utf8_is_refused() {
    let err = formats::import(Format::Txt, "latin1.txt", b"Caf\xe9")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "latin1.txt: line 1: this is not UTF-8 text; save the file as UTF-8 and try again"
    );
}

#[test]
fn formats_are_guessed_from_name_and_content() {
    assert_eq!(Format::guess("x.zip", b"PK"), Some(Format::Brat));
    assert_eq!(
        Format::guess("x.jsonl", br#"{"text":"a","label":[]}"#),
        Some(Format::Doccano)
    );
    assert_eq!(
        Format::guess("x.jsonl", br#"{"text":"a","tokens":[]}"#),
        Some(Format::Spacy)
    );
    assert_eq!(
        Format::guess("x.json", br#"{"format":"spanmark/1"}"#),
        Some(Format::Spanmark)
    );
    assert_eq!(
        Format::guess("x.json", br#"[{"data":{}}]"#),
        Some(Format::LabelStudio)
    );
    assert_eq!(
        Format::guess("eng.train", b"-DOCSTART- -X- -X- O\n"),
        Some(Format::Conll)
    );
    assert_eq!(Format::parse("LabelStudio"), Some(Format::LabelStudio));
    assert_eq!(Format::parse("csv"), None);
}

#[test]
fn a_spanmark_file_whose_format_key_comes_after_4_kb_is_still_spanmark() {
    let text = "Kabul ".repeat(1_000);
    let late = format!(
        r#"{{"documents":[{{"id":"a","title":"T","text":"{text}","spans":[{{"start":0,"end":5,"label":"GPE"}}]}}],"format":"spanmark/1"}}"#
    );
    assert!(late.find("\"format\"").unwrap() > 4096);
    assert_eq!(
        Format::guess("a.json", late.as_bytes()),
        Some(Format::Spanmark)
    );
    let docs = formats::import(Format::Spanmark, "a.json", late.as_bytes())
        .unwrap()
        .documents;
    assert_eq!(docs[0].spans().len(), 1);
    // a spaCy JSONL file whose later lines say "spanmark/" is still spaCy: only the first
    // value's own "format" counts
    let jsonl = format!("{{\"text\":\"{text}\",\"spans\":[]}}\n{{\"format\":\"spanmark/1\"}}\n");
    assert_eq!(
        Format::guess("a.jsonl", jsonl.as_bytes()),
        Some(Format::Spacy)
    );
}

#[test]
fn label_studio_predictions_under_an_annotation_are_noted() {
    let value = r#"{"start":0,"end":5,"labels":["GPE"]}"#;
    let task = format!(
        r#"[{{"data":{{"text":"Herat"}},"annotations":[{{"result":[{{"type":"labels","value":{value}}}]}}],"predictions":[{{"result":[{{"type":"labels","value":{value}}}]}}]}}]"#
    );
    let imported = formats::import(Format::LabelStudio, "ls.json", task.as_bytes()).unwrap();
    assert_eq!(imported.documents[0].spans().len(), 1);
    assert_eq!(imported.documents[0].spans()[0].state, SpanState::Accepted);
    assert_eq!(
        imported.notes,
        ["task 1: 1 predictions over annotated text were left out; the annotation stands"]
    );
}

#[test]
fn spanmark_json_refuses_a_repeated_id() {
    let twice = r#"{"format":"spanmark/1","documents":[{"id":"a","title":"A","text":"x"},{"id":"a","title":"B","text":"y"}]}"#;
    assert_eq!(
        refused(Format::Spanmark, "t.json", twice),
        "t.json: document 2 (“B”): its id “a” is already used by document 1"
    );
}

#[test]
fn spanmark_json_refuses_a_confidence_outside_0_to_1() {
    let file = r#"{"format":"spanmark/1","documents":[{"id":"a","title":"T","text":"Kabul","spans":[{"start":0,"end":5,"label":"GPE","state":"suggested","confidence":1.5}]}]}"#;
    assert_eq!(
        refused(Format::Spanmark, "c.json", file),
        "c.json: document 1 (“T”): span 1 has confidence 1.5, outside 0–1"
    );
}

#[test]
fn spacy_reads_a_json_list_or_one_pretty_printed_object_too() {
    let pretty = "{\n  \"text\": \"Kabul\",\n  \"spans\": [{\"start\": 0, \"end\": 5, \"label\": \"GPE\", \"text\": \"Kabul\"}]\n}\n";
    assert_eq!(
        Format::guess("a.json", pretty.as_bytes()),
        Some(Format::Spacy)
    );
    let docs = formats::import(Format::Spacy, "a.json", pretty.as_bytes())
        .unwrap()
        .documents;
    assert_eq!(spans(&docs[0]), [pair("Kabul", "GPE")]);
    let list = r#"[{"text":"Herat"},{"text":"Kabul","spans":[{"start":0,"end":9,"label":"GPE"}]}]"#;
    assert_eq!(
        refused(Format::Spacy, "l.json", list),
        "l.json: task 2: span 1 ends at 9 but the text has 5 characters"
    );
}
