//! Every command that prints, with its standard output closed (`spanmark detect … | head -1`):
//! it stops quietly with exit status 0, as ripgrep does; other write failures are a sentence.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn spanmark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_spanmark"))
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("spanmark-pipe-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn dev_texts() -> Vec<PathBuf> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(repo("tests/fixtures/dev"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    assert!(texts.len() >= 12, "expected the dev articles");
    texts
}

/// Runs `command` with its standard output a pipe nobody reads any more (the reader end is
/// closed before the command starts, so its first write fails with EPIPE).
fn with_closed_stdout(mut command: Command) -> Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    command
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap()
}

fn assert_quiet(what: &str, out: &Output) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.code() == Some(0),
        "{what}: exit {:?}, stderr: {stderr}",
        out.status
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{what}: {stderr}"
    );
}

#[test]
fn every_printing_command_stops_quietly_when_stdout_is_closed() {
    let dir = temp("all");
    let golden = repo("crates/spanmark-core/tests/golden/news.spanmark.json");
    let (a, b) = (dir.join("ayesha.json"), dir.join("bilal.json"));
    std::fs::copy(&golden, &a).unwrap();
    std::fs::copy(&golden, &b).unwrap();
    let texts = dev_texts();
    // detect writes the predictions eval reads
    let pred = dir.join("pred");
    let made = spanmark()
        .arg("detect")
        .args(&texts)
        .arg("--out")
        .arg(&pred)
        .output()
        .unwrap();
    assert!(made.status.success());

    let mut detect = spanmark();
    detect.arg("detect").args(&texts);
    assert_quiet("detect FILE.txt…", &with_closed_stdout(detect));

    let jsonl = dir.join("in.jsonl");
    std::fs::write(
        &jsonl,
        "{\"id\":1,\"text\":\"Kabul and Herat\"}\n".repeat(500),
    )
    .unwrap();
    let mut detect = spanmark();
    detect.args(["detect", "--jsonl"]).arg(&jsonl);
    assert_quiet("detect --jsonl", &with_closed_stdout(detect));

    let mut eval = spanmark();
    eval.args(["eval", "--gold"])
        .arg(repo("tests/fixtures/dev"))
        .arg("--pred")
        .arg(&pred)
        .arg("--by-rule");
    assert_quiet("eval", &with_closed_stdout(eval));

    let mut agree = spanmark();
    agree.arg("agree").arg(&a).arg(&b).arg("--confusion");
    assert_quiet("agree", &with_closed_stdout(agree));

    let mut consistency = spanmark();
    consistency.arg("consistency").arg(&a).arg("--unlabelled");
    assert_quiet("consistency", &with_closed_stdout(consistency));

    let mut adjudicate = spanmark();
    adjudicate
        .arg("adjudicate")
        .arg(&a)
        .arg(&b)
        .arg("--out")
        .arg(dir.join("gold.json"))
        .arg("--review")
        .arg(dir.join("review.json"));
    assert_quiet("adjudicate", &with_closed_stdout(adjudicate));

    let mut convert = spanmark();
    convert
        .args(["convert", "--to", "conll"])
        .arg(&golden)
        .arg("-");
    assert_quiet("convert … -", &with_closed_stdout(convert));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn detect_jsonl_piped_into_head_gives_its_first_line_and_exit_0() {
    let dir = temp("head");
    let jsonl = dir.join("in.jsonl");
    let line = "{\"id\":7,\"text\":\"Imran Khan met Shehbaz Sharif in Lahore on Monday.\"}\n";
    std::fs::write(&jsonl, line.repeat(20_000)).unwrap();
    let mut child = spanmark()
        .args(["detect", "--jsonl"])
        .arg(&jsonl)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // the reader is gone now, like `head -1`; about 2 MB of output is still to come
    let out = child.wait_with_output().unwrap();
    assert!(first.starts_with("{\"id\":7,"), "{first}");
    assert_quiet("detect --jsonl | head -1", &out);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn convert_to_dash_writes_the_export_to_stdout() {
    let golden = repo("crates/spanmark-core/tests/golden/news.spanmark.json");
    let dir = temp("dash");
    let file = dir.join("news.conll");
    let to_file = spanmark()
        .args(["convert", "--suggestions", "--to", "conll"])
        .arg(&golden)
        .arg(&file)
        .output()
        .unwrap();
    assert!(to_file.status.success());
    let out = spanmark()
        .args(["convert", "--suggestions", "--to", "conll"])
        .arg(&golden)
        .arg("-")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let expected = std::fs::read_to_string(&file).unwrap();
    assert!(expected.contains("B-GPE"), "{expected}");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(stderr.contains("to standard output (1 files)"), "{stderr}");
    // brat's export is one zip of many files: the zip's bytes
    let out = spanmark()
        .args(["convert", "--to", "brat"])
        .arg(&golden)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "not a zip");
}

#[test]
fn a_full_disk_is_a_sentence_not_a_quiet_exit() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // no /dev/full on this system
    };
    let mut detect = spanmark();
    detect
        .arg("detect")
        .args(dev_texts())
        .stdout(full)
        .stderr(Stdio::piped());
    let out = detect.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("spanmark: cannot write the output: No space left on device"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}
