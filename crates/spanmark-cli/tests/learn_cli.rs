//! End-to-end checks of `spanmark train`, `spanmark detect --model` and
//! `spanmark eval --curve` through the built binary.

use std::path::{Path, PathBuf};
use std::process::Command;

fn spanmark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_spanmark"))
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spanmark-learn-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn run(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_model_trained_from_an_export_suggests_its_names_in_detect() {
    let dir = temp("export");
    let text = "The Khyber Mail left Karachi on Monday. Passengers on the Khyber Mail were safe.";
    let export = serde_json::json!({"documents": [{"id": "train-1", "text": text, "spans": [
        {"start": 4, "end": 15, "label": "FAC", "text": "Khyber Mail"},
        {"start": 58, "end": 69, "label": "FAC", "text": "Khyber Mail"}
    ]}]});
    let data = dir.join("export.json");
    std::fs::write(&data, export.to_string()).expect("write");
    let model = dir.join("model.json");
    run(spanmark()
        .args(["train", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&model));
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&model).expect("model")).expect("json");
    assert_eq!(saved["format"], "spanmark-learner");

    let article = dir.join("next.txt");
    std::fs::write(&article, "Police boarded the Khyber Mail near Rohri.\n").expect("write");
    let with = run(spanmark()
        .arg("detect")
        .arg(&article)
        .arg("--model")
        .arg(&model));
    let without = run(spanmark().arg("detect").arg(&article));
    let fac = |out: &str| {
        let v: serde_json::Value = serde_json::from_str(out.trim()).expect("detect json");
        v["spans"]
            .as_array()
            .expect("spans")
            .iter()
            .any(|s| s["label"] == "FAC" && s["start"] == 19 && s["end"] == 30)
    };
    assert!(fac(&with), "{with}");
    assert!(!fac(&without), "{without}");
}

#[test]
fn train_refuses_bad_data_with_a_sentence() {
    let dir = temp("bad");
    let data = dir.join("bad.json");
    std::fs::write(
        &data,
        r#"{"documents":[{"text":"abc","spans":[{"start":2,"end":9,"label":"GPE"}]}]}"#,
    )
    .expect("write");
    let out = spanmark()
        .args(["train", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(dir.join("m.json"))
        .output()
        .expect("runs");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not fit a text of 3 characters"));
}

#[test]
fn the_learning_curve_prints_a_row_per_k() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev");
    let out = run(spanmark()
        .args(["eval", "--curve", "--ks", "0,2", "--data"])
        .arg(&dev));
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("| 0 |") || l.starts_with("| 2 |"))
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    let f1 = |row: &str| {
        row.split('|')
            .nth(5)
            .and_then(|c| c.trim().parse::<f64>().ok())
            .expect("core3 F1 cell")
    };
    assert!(f1(rows[0]) > 50.0 && f1(rows[1]) > 50.0, "{out}");
}

#[test]
fn cross_validation_scores_every_document_once_against_the_rules_alone() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev");
    let out = run(spanmark()
        .args(["eval", "--curve", "--folds", "3", "--data"])
        .arg(&dev));
    // 12 documents in 3 folds: each scored by a learner trained on the other 8
    let rows: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with("| 0 | 12 |") || l.starts_with("| 8 | 12 |"))
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert!(
        out.contains("3-fold cross-validation over the 12 documents"),
        "{out}"
    );
    let out = spanmark()
        .args(["eval", "--curve", "--folds", "1", "--data"])
        .arg(&dev)
        .output()
        .expect("runs");
    assert!(!out.status.success(), "one fold is refused");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--folds"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn train_skips_open_documents_and_unaccepted_suggestions() {
    let dir = temp("open");
    let text = "Khyber Mail arrived.";
    let export = serde_json::json!({"format": "spanmark/1", "documents": [
        {"id": "a", "status": "open", "text": text, "spans": [{"start": 0, "end": 11, "label": "FAC"}]},
        {"id": "b", "status": "done", "text": text, "spans": [{"start": 0, "end": 11, "label": "ORG", "state": "suggested"}]}
    ]});
    let data = dir.join("export.json");
    std::fs::write(&data, export.to_string()).expect("write");
    let model = dir.join("model.json");
    let out = spanmark()
        .args(["train", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&model)
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("left out 1 documents not marked done"));
    let saved = std::fs::read_to_string(&model).expect("model");
    assert!(
        !saved.contains("Khyber"),
        "neither the open document nor the suggestion is learnt: {saved}"
    );
    run(spanmark()
        .args(["train", "--all", "--data"])
        .arg(&data)
        .arg("--out")
        .arg(&model));
    assert!(std::fs::read_to_string(&model)
        .expect("model")
        .contains("Khyber Mail"));
}

#[test]
fn a_misspelt_or_valueless_flag_stops_train_before_it_trains() {
    let out = temp("strict").join("model.json");
    let bad = spanmark()
        .args(["train", "--bultin", "--data"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev"))
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(
        err.contains("--bultin") && err.contains("--builtin"),
        "{err}"
    );
    let bad = spanmark()
        .args(["train", "--data", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("value is required for '--data"), "{err}");
    assert!(!out.exists(), "nothing was trained");
}
