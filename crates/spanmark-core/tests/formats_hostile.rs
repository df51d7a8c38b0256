//! Hostile input never panics: random bytes, JSON-like noise and well-formed records with random
//! offsets go through every reader and come back as a document or an error sentence.

use proptest::prelude::*;

use spanmark_core::formats::{self, Format, InputFile};

fn any_format() -> impl Strategy<Value = Format> {
    (0..Format::ALL.len()).prop_map(|i| Format::ALL[i])
}

fn check(format: Format, name: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    match formats::import(format, name, bytes) {
        Ok(imported) => {
            for doc in &imported.documents {
                for s in doc.spans() {
                    prop_assert!(s.start < s.end && s.end <= doc.len_chars());
                }
            }
        }
        Err(e) => prop_assert!(e.to_string().starts_with(name), "{}", e),
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes(format in any_format(), bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        check(format, "in.x", &bytes)?;
    }

    #[test]
    fn json_like_noise(format in any_format(), text in "[\\[\\]{}\":,0-9a-zA-Z_ \\n\\t\\-😀]{0,120}") {
        check(format, "in.json", text.as_bytes())?;
    }

    #[test]
    fn records_with_random_offsets(
        a in -3i64..40, b in -3i64..40, c in -3i64..40, d in -3i64..40,
        text in "[a-z😀 \\n\\r’]{0,20}",
    ) {
        let t = serde_json::to_string(&text).unwrap();
        let records = [
            (Format::Doccano, format!("{{\"text\":{t},\"label\":[[{a},{b},\"GPE\"],[{c},{d},\"ORG\"]]}}")),
            (Format::Doccano, format!("{{\"text\":{t},\"label\":[[{a},{b},\"GPE\"]],\"meta\":{{\"offsets\":\"utf16\"}}}}")),
            (Format::Spacy, format!("{{\"text\":{t},\"spans\":[{{\"start\":{a},\"end\":{b},\"label\":\"GPE\",\"token_start\":{c},\"token_end\":{d}}}],\"tokens\":[{{\"text\":\"x\",\"start\":{c},\"end\":{d},\"id\":0,\"ws\":true}}]}}")),
            (Format::LabelStudio, format!("[{{\"data\":{{\"text\":{t}}},\"annotations\":[{{\"result\":[{{\"type\":\"labels\",\"value\":{{\"start\":{a},\"end\":{b},\"labels\":[\"GPE\"]}}}}]}}]}}]")),
            (Format::Spanmark, format!("{{\"format\":\"spanmark/1\",\"documents\":[{{\"id\":\"a\",\"text\":{t},\"spans\":[{{\"start\":{a},\"end\":{b},\"label\":\"GPE\"}}]}}]}}")),
        ];
        for (format, record) in records {
            check(format, "in.json", record.as_bytes())?;
        }
        let files = [
            InputFile { name: "a.txt".into(), bytes: text.as_bytes().to_vec() },
            InputFile { name: "a.ann".into(), bytes: format!("T1\tGPE {a} {b};{c} {d}\tx\nT2\tORG {a} {d}\n").into_bytes() },
        ];
        if let Ok(imported) = formats::import_files(Format::Brat, &files) {
            for doc in &imported.documents {
                prop_assert!(doc.spans().iter().all(|s| s.start < s.end && s.end <= doc.len_chars()));
            }
        }
        check(Format::Conll, "in.conll", format!("{text} -X- _ B-{a}\n\nx I-{b}\n").as_bytes())?;
    }
}
