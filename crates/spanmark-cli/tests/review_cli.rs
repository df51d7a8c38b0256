//! `spanmark agree`, `adjudicate` and `consistency` through the built binary: the documented
//! JSON shape, a gold file plus a review file the core reads back, and refusals with a sentence.

use std::path::{Path, PathBuf};
use std::process::Command;

use spanmark_core::review::Adjudication;

fn spanmark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_spanmark"))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spanmark-review-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const TEXT: &str = "Imran Khan met Shehbaz Sharif in Lahore on Monday.";

/// A Spanmark export of TEXT (and, for "a", a second article) with the given spans.
fn export(dir: &Path, name: &str, spans: &[(usize, usize, &str)], extra: bool) -> PathBuf {
    let spans: Vec<_> = spans
        .iter()
        .map(|(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l, "origin": "manual", "state": "accepted"}))
        .collect();
    let mut documents = vec![
        serde_json::json!({"id": format!("{name}-1"), "title": "Lahore meeting", "text": TEXT, "spans": spans}),
    ];
    if extra {
        documents.push(serde_json::json!({"id": "x", "title": "Only here", "text": "Kabul is calm. The BLA said Kabul is calm.", "spans": [
            {"start": 0, "end": 5, "label": "GPE"}, {"start": 28, "end": 33, "label": "LOC"}, {"start": 19, "end": 22, "label": "ORG"}]}));
    }
    let file = serde_json::json!({"format": "spanmark/1", "documents": documents});
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    path
}

fn pair(dir: &Path) -> (PathBuf, PathBuf) {
    (
        export(
            dir,
            "ayesha",
            &[
                (0, 10, "PERSON"),
                (15, 29, "PERSON"),
                (33, 39, "GPE"),
                (43, 49, "DATE"),
            ],
            true,
        ),
        export(
            dir,
            "bilal",
            &[
                (0, 10, "PERSON"),
                (11, 14, "ORG"),
                (23, 29, "PERSON"),
                (33, 39, "LOC"),
            ],
            false,
        ),
    )
}

#[test]
fn agree_prints_the_table_and_writes_the_documented_json() {
    let dir = temp("agree");
    let (a, b) = pair(&dir);
    let json = dir.join("agree.json");
    let out = spanmark()
        .arg("agree")
        .arg(&a)
        .arg(&b)
        .arg("--json")
        .arg(&json)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("ayesha – bilal"), "{stdout}");
    let row = stdout
        .lines()
        .find(|l| l.starts_with("ayesha – bilal"))
        .unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        &cells[3..],
        ["1", "25.0", "50.0", "0.324", "1", "1", "1", "0", "1", "1"],
        "{row}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("warning: “Only here” is only in the work of ayesha (not bilal)"),
        "{stderr}"
    );
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["alpha", "pairs"]);
    let p = &value["pairs"][0];
    let mut pair_keys: Vec<&String> = p.as_object().unwrap().keys().collect();
    pair_keys.sort();
    assert_eq!(
        pair_keys,
        ["a", "b", "f1_overlap", "f1_strict", "kappa", "per_label"]
    );
    assert_eq!(
        (p["a"].as_str(), p["b"].as_str()),
        (Some("ayesha"), Some("bilal"))
    );
    assert_eq!(p["f1_strict"].as_f64(), Some(25.0));
    assert_eq!(p["f1_overlap"].as_f64(), Some(50.0));
    assert!((p["kappa"].as_f64().unwrap() - 0.24 / 0.74).abs() < 1e-9);
    assert_eq!(p["per_label"]["PERSON"]["f1_strict"].as_f64(), Some(50.0));
    assert_eq!(p["per_label"]["PERSON"].as_object().unwrap().len(), 1);
    assert!((value["alpha"].as_f64().unwrap() - (1.0 - 190.0 / 290.0)).abs() < 1e-9);
    // F1 is written with at least one decimal
    let raw = std::fs::read_to_string(&json).unwrap();
    assert!(raw.contains("\"f1_strict\": 25.0"), "{raw}");
}

#[test]
fn adjudicate_writes_agreed_spans_and_a_review_file() {
    let dir = temp("adjudicate");
    let (a, b) = pair(&dir);
    let gold = dir.join("gold.json");
    let out = spanmark()
        .arg("adjudicate")
        .arg(&a)
        .arg(&b)
        .arg("--out")
        .arg(&gold)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("1 documents: 1 gold spans written to"),
        "{stdout}"
    );
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    let spans = export["documents"][0]["spans"].as_array().unwrap();
    assert_eq!(spans.len(), 1);
    assert_eq!(spans[0]["text"], "Imran Khan");
    let review = std::fs::read_to_string(dir.join("gold.review.json")).unwrap();
    let adj = Adjudication::from_json("gold.review.json", &review).unwrap();
    assert_eq!((adj.len(), adj.remaining()), (4, 4));
    // --prefer decides every disagreement with that annotator's version, still undoable
    let out = spanmark()
        .arg("adjudicate")
        .arg(&a)
        .arg(&b)
        .arg("--out")
        .arg(&gold)
        .args(["--prefer", "bilal"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold).unwrap()).unwrap();
    let texts: Vec<&str> = export["documents"][0]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Imran Khan", "met", "Sharif", "Lahore"]);
    let mut adj = Adjudication::from_json(
        "r",
        &std::fs::read_to_string(dir.join("gold.review.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(adj.remaining(), 0);
    assert!(adj.undo().is_ok());
    let out = spanmark()
        .arg("adjudicate")
        .arg(&a)
        .arg(&b)
        .arg("--out")
        .arg(&gold)
        .args(["--prefer", "carol"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("there is no annotator “carol” (annotators: ayesha, bilal)"));
}

#[test]
fn consistency_lists_forms_labelled_two_ways() {
    let dir = temp("consistency");
    let (a, _) = pair(&dir);
    let out = spanmark()
        .arg("consistency")
        .arg(&a)
        .arg("--unlabelled")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("2 documents, 7 spans, 6 surface forms; 1 labelled two ways"),
        "{stdout}"
    );
    assert!(stdout.contains("“Kabul”: GPE 1, LOC 1"), "{stdout}");
    assert!(stdout.contains("LOC in “Only here” at 28–33"), "{stdout}");
}

#[test]
fn bad_input_is_refused_with_a_sentence() {
    let dir = temp("bad");
    let (a, _) = pair(&dir);
    let notes = dir.join("notes.md");
    std::fs::write(&notes, "# notes").unwrap();
    let out = spanmark()
        .arg("agree")
        .arg(&a)
        .arg(&notes)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("notes.md: this is not a Spanmark export"),
        "{stderr}"
    );
    let out = spanmark().arg("agree").arg(&a).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("give at least two annotators' files"));
}
