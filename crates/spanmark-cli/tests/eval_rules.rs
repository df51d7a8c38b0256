//! `spanmark eval --rules / --by-rule / --without` and `detect --gazetteer` through the built
//! binary: the detector scored per rule, with a rule off, and a user's own labels.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn spanmark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_spanmark"))
}

fn dev_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev")
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spanmark-rules-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn eval(args: &[&str]) -> Output {
    spanmark()
        .args(["eval", "--errors", "0", "--gold"])
        .arg(dev_dir())
        .args(args)
        .output()
        .unwrap()
}

/// The numbers of a row of the report ("ALL", "gazetteer", ...), after its name.
fn row(report: &str, name: &str) -> Vec<String> {
    let line = report
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name))
        .unwrap_or_else(|| panic!("no {name} row in:\n{report}"));
    line.split_whitespace()
        .skip(1)
        .map(str::to_string)
        .collect()
}

/// The by-rule table: (rule, spans, correct) in printed order.
fn by_rule(report: &str) -> Vec<(String, usize, usize)> {
    let table = report
        .split("\nby rule ")
        .nth(1)
        .unwrap_or_else(|| panic!("no by-rule table in:\n{report}"));
    table
        .lines()
        .skip(2)
        .take_while(|l| !l.trim().is_empty())
        .map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (
                w[0].to_string(),
                w[1].parse().unwrap(),
                w[2].parse().unwrap(),
            )
        })
        .collect()
}

#[test]
fn by_rule_counts_every_suggestion_once_and_matches_detect_then_eval() {
    let out = temp("by-rule");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dev_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    inputs.sort();
    ok(spanmark()
        .arg("detect")
        .args(&inputs)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap());
    let from_files = ok(eval(&["--by-rule", "--pred", out.to_str().unwrap()]));
    let direct = ok(eval(&["--by-rule", "--rules"]));
    // running the detector inside eval is the same as detect, then eval
    assert_eq!(from_files, direct);
    let table = by_rule(&direct);
    let names: Vec<&str> = spanmark_core::detect::rules::names().collect();
    assert_eq!(
        table.iter().map(|(n, _, _)| n.as_str()).collect::<Vec<_>>(),
        names,
        "one row per rule, in the rules' order"
    );
    let all = row(&direct, "ALL");
    let (tp, fp): (usize, usize) = (all[0].parse().unwrap(), all[1].parse().unwrap());
    assert_eq!(table.iter().map(|r| r.1).sum::<usize>(), tp + fp);
    assert_eq!(table.iter().map(|r| r.2).sum::<usize>(), tp);
    let gazetteer = &table[0];
    assert_eq!(gazetteer.0, "gazetteer");
    assert!(
        gazetteer.1 > 100 && gazetteer.2 <= gazetteer.1,
        "{gazetteer:?}"
    );
    // precision is printed from the counts
    let p: f64 = row(&direct, "gazetteer")[2].parse().unwrap();
    assert!((p - 100.0 * gazetteer.2 as f64 / gazetteer.1 as f64).abs() < 0.06);
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn without_a_rule_scores_the_detector_with_it_switched_off() {
    let full = ok(eval(&["--rules", "--by-rule"]));
    let off = ok(eval(&["--without", "gazetteer", "--by-rule"]));
    let f1 = |r: &str, label: &str| -> f64 { row(r, label)[5].parse().unwrap() };
    assert!(f1(&off, "GPE") < f1(&full, "GPE") - 20.0, "{off}");
    assert_eq!(by_rule(&off)[0], ("gazetteer".to_string(), 0, 0));
    // two rules off at once; the others are unchanged where they do not depend on them
    let two = ok(eval(&["--without", "date", "--without", "cardinal"]));
    assert_eq!(row(&two, "DATE")[0], "0");
    assert_eq!(row(&two, "CARDINAL")[0], "0");
    assert_eq!(row(&two, "GPE"), row(&full, "GPE"));
}

#[test]
fn an_unknown_rule_is_an_error_naming_it_and_the_close_one() {
    let out = eval(&["--without", "surnme"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("'surnme'") && err.contains("'surname'"),
        "{err}"
    );
    // --without and --pred contradict each other
    let out = eval(&["--without", "surname", "--pred", "x"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--pred"));
}

#[test]
fn a_users_gazetteer_may_use_any_label_and_bad_lines_name_file_and_line() {
    let dir = temp("gazetteer");
    let text = dir.join("report.txt");
    std::fs::write(&text, "Militants fired an AK-47 near Quetta on Monday.\n").unwrap();
    let list = dir.join("weapons.tsv");
    std::fs::write(&list, "# my weapons\nWEAPON\tAK-47\n").unwrap();
    let json: serde_json::Value = serde_json::from_str(&ok(spanmark()
        .arg("detect")
        .arg(&text)
        .arg("--gazetteer")
        .arg(&list)
        .output()
        .unwrap()))
    .unwrap();
    let spans = json["spans"].as_array().unwrap();
    assert!(
        spans.iter().any(|s| s["text"] == "AK-47"
            && s["label"] == "WEAPON"
            && s["origin"] == "rule:gazetteer"),
        "{spans:?}"
    );
    assert!(spans
        .iter()
        .any(|s| s["text"] == "Quetta" && s["label"] == "GPE"));
    let bad_shape = dir.join("shape.tsv");
    std::fs::write(&bad_shape, "WEAPON\tAK-47\nWEAPON AK-74\n").unwrap();
    let unusual = dir.join("unusual.tsv");
    std::fs::write(&unusual, "# x\n\ngpe\tQuetta\n").unwrap();
    let error_of = |list: &Path| {
        let out = spanmark()
            .arg("detect")
            .arg(&text)
            .arg("--gazetteer")
            .arg(list)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).trim().to_string()
    };
    assert_eq!(
        error_of(&bad_shape),
        format!(
            "spanmark: {}: gazetteer line 2 is not “LABEL<tab>name”: WEAPON AK-74",
            bad_shape.display()
        )
    );
    assert_eq!(
        error_of(&unusual),
        format!(
            "spanmark: {}: gazetteer line 3: the label “gpe” differs from GPE only in case; labels are case-sensitive, write GPE",
            unusual.display()
        )
    );
    let _ = std::fs::remove_dir_all(&dir);
}
