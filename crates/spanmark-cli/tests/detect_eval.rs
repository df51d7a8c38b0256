//! End-to-end checks of `spanmark detect` and `spanmark eval` through the built binary:
//! files to a folder, JSON Lines streaming in order, and scoring the dev set.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn spanmark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_spanmark"))
}

fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spanmark-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn f1_of(report: &str, row: &str) -> f64 {
    let line = report
        .lines()
        .find(|l| l.starts_with(row))
        .unwrap_or_else(|| panic!("no {row} row in:\n{report}"));
    line.split_whitespace().last().unwrap().parse().unwrap()
}

#[test]
fn detect_writes_one_json_per_file_and_eval_scores_the_dev_set() {
    let out = temp("dev");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dev_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 12);
    let status = spanmark()
        .arg("detect")
        .args(&inputs)
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let first: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(out.join("01-peshawar-mosque.json")).unwrap(),
    )
    .unwrap();
    let spans = first["spans"].as_array().unwrap();
    assert!(spans.iter().any(|s| s["label"] == "GPE"
        && s["text"] == "Peshawar"
        && s["origin"] == "rule:gazetteer"));
    let text: Vec<char> = first["text"].as_str().unwrap().chars().collect();
    for s in spans {
        let (a, b) = (
            s["start"].as_u64().unwrap() as usize,
            s["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            text[a..b].iter().collect::<String>(),
            s["text"].as_str().unwrap()
        );
    }
    let eval = spanmark()
        .args(["eval", "--gold"])
        .arg(dev_dir())
        .arg("--pred")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        eval.status.success(),
        "{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    let report = String::from_utf8(eval.stdout).unwrap();
    assert!(report.contains("12 documents"), "{report}");
    // the rules were written against this set; a regression below these bounds is a real break
    assert!(f1_of(&report, "CORE3") > 80.0, "{report}");
    assert!(f1_of(&report, "ALL") > 80.0, "{report}");
    assert!(report.contains("most frequent errors"));
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn jsonl_streams_in_input_order_and_reports_bad_lines() {
    let mut lines = String::new();
    for n in 0..200 {
        lines.push_str(&format!(
            "{{\"id\": {n}, \"text\": \"Gunmen killed {n} people in Quetta on Monday.\"}}\n"
        ));
    }
    let mut child = spanmark()
        .args(["detect", "--jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 200);
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row["id"], n);
        let labels: Vec<&str> = row["spans"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["label"].as_str().unwrap())
            .collect();
        assert!(labels.contains(&"GPE") && labels.contains(&"DATE"), "{row}");
    }
    let dir = temp("bad");
    let bad = dir.join("bad.jsonl");
    std::fs::write(&bad, "{\"text\": \"fine\"}\nnot json\n").unwrap();
    let out = spanmark()
        .args(["detect", "--jsonl"])
        .arg(&bad)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 2"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_refuses_mismatched_texts_and_missing_arguments() {
    let dir = temp("mismatch");
    let (gold, pred) = (dir.join("gold"), dir.join("pred"));
    std::fs::create_dir_all(&gold).unwrap();
    std::fs::create_dir_all(&pred).unwrap();
    std::fs::write(
        gold.join("a.json"),
        r#"{"text":"Kabul","spans":[{"start":0,"end":5,"label":"GPE"}]}"#,
    )
    .unwrap();
    std::fs::write(pred.join("a.json"), r#"{"text":"Herat","spans":[]}"#).unwrap();
    let out = spanmark()
        .args(["eval", "--gold"])
        .arg(&gold)
        .arg("--pred")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("differ"));
    assert!(!spanmark()
        .args(["eval", "--gold"])
        .arg(&gold)
        .output()
        .unwrap()
        .status
        .success());
    let _ = std::fs::remove_dir_all(&dir);
}
