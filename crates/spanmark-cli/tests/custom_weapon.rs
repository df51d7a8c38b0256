//! The WEAPON overlay (tests/fixtures/custom/weapon.jsonl, docs/custom-weapon.md) against the
//! articles it annotates: every span's text at its offsets, no clash with the gold, all 60 articles.

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The seven South Asia sets in the order of the measurement (docs/custom-weapon.md).
const SETS: [&str; 7] = [
    "dev",
    "dev/heldout",
    "dev/final",
    "dev/blind",
    "dev/blind2",
    "dev/blind3",
    "dev/incidents",
];

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The 60 articles as `set/name.json`, by set then file name.
fn articles() -> Vec<String> {
    let mut all = Vec::new();
    for set in SETS {
        let mut names: Vec<String> = std::fs::read_dir(fixtures().join(set))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".json"))
            .collect();
        names.sort();
        all.extend(names.into_iter().map(|n| format!("{set}/{n}")));
    }
    all
}

/// A gold span or an overlay span: code-point offsets, end exclusive.
struct Span {
    start: usize,
    end: usize,
    label: String,
    text: String,
}

fn spans_of(v: &Value, at: &str) -> Result<Vec<Span>, String> {
    let list = v["spans"]
        .as_array()
        .ok_or_else(|| format!("{at}: field “spans” is not a list"))?;
    list.iter()
        .enumerate()
        .map(|(i, s)| {
            let num = |f: &str| {
                s[f].as_u64()
                    .map(|n| n as usize)
                    .ok_or_else(|| format!("{at}: span {i}: field “{f}” is not a number"))
            };
            let text = |f: &str| {
                s[f].as_str()
                    .map(str::to_string)
                    .ok_or_else(|| format!("{at}: span {i}: field “{f}” is not a string"))
            };
            Ok(Span {
                start: num("start")?,
                end: num("end")?,
                label: text("label")?,
                text: text("text").unwrap_or_default(),
            })
        })
        .collect()
}

/// Every problem of an overlay, one sentence each naming the line and the field; `article`
/// gives the gold document of a `file` (None: no such article).
fn check(
    overlay: &str,
    article: impl Fn(&str) -> Option<Value>,
    expected: &[String],
) -> Vec<String> {
    let mut problems = Vec::new();
    let mut seen = Vec::new();
    for (n, line) in overlay.lines().enumerate() {
        let at = format!("weapon.jsonl line {}", n + 1);
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{at}: not JSON ({e})"));
                continue;
            }
        };
        let Some(file) = v["file"].as_str() else {
            problems.push(format!("{at}: field “file” is missing"));
            continue;
        };
        if seen.iter().any(|f| f == file) {
            problems.push(format!("{at}: {file} is listed twice"));
        }
        seen.push(file.to_string());
        let Some(doc) = article(file) else {
            problems.push(format!("{at}: field “file”: no article {file}"));
            continue;
        };
        let chars: Vec<char> = doc["text"].as_str().unwrap_or("").chars().collect();
        let gold = match spans_of(&doc, file) {
            Ok(g) => g,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        let spans = match spans_of(&v, &at) {
            Ok(s) => s,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        for (i, s) in spans.iter().enumerate() {
            let at = format!("{at} ({file}) span {i}");
            if s.label != "WEAPON" {
                problems.push(format!("{at}: field “label” is {}, not WEAPON", s.label));
            }
            if s.start >= s.end || s.end > chars.len() {
                problems.push(format!(
                    "{at}: offsets {}–{} are not inside the article",
                    s.start, s.end
                ));
                continue;
            }
            let found: String = chars[s.start..s.end].iter().collect();
            if found != s.text {
                problems.push(format!(
                    "{at}: field “text” is “{}” but the article has “{found}” at {}–{}",
                    s.text, s.start, s.end
                ));
            }
            for g in gold.iter().chain(spans[..i].iter()) {
                if g.start < s.end && s.start < g.end {
                    problems.push(format!(
                        "{at}: “{}” overlaps the {} span “{}” at {}–{}",
                        s.text, g.label, g.text, g.start, g.end
                    ));
                }
            }
        }
    }
    for f in expected {
        if !seen.contains(f) {
            problems.push(format!("weapon.jsonl: no line for {f}"));
        }
    }
    problems
}

fn gold(file: &str) -> Option<Value> {
    let raw = std::fs::read_to_string(fixtures().join(file)).ok()?;
    serde_json::from_str(&raw).ok()
}

fn overlay() -> String {
    std::fs::read_to_string(fixtures().join("custom/weapon.jsonl")).unwrap()
}

#[test]
fn the_overlay_matches_its_60_articles_and_clashes_with_no_gold_span() {
    let expected = articles();
    assert_eq!(
        expected.len(),
        60,
        "the seven South Asia sets hold 60 articles"
    );
    let problems = check(&overlay(), gold, &expected);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let spans: usize = overlay()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["spans"]
                .as_array()
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!(spans, 111, "the count recorded in BENCHMARKS.md");
}

#[test]
fn a_shifted_span_a_clash_and_a_missing_article_are_each_reported() {
    let expected = articles();
    // the first line of the real overlay that has a span, with its offsets moved by one
    let text = overlay();
    let line = text.lines().find(|l| l.contains("WEAPON")).unwrap();
    let mut v: Value = serde_json::from_str(line).unwrap();
    let file = v["file"].as_str().unwrap().to_string();
    v["spans"][0]["start"] = (v["spans"][0]["start"].as_u64().unwrap() + 1).into();
    v["spans"][0]["end"] = (v["spans"][0]["end"].as_u64().unwrap() + 1).into();
    let shifted = check(&v.to_string(), gold, &[]);
    assert_eq!(shifted.len(), 1, "{shifted:?}");
    assert!(shifted[0].contains("field “text”") && shifted[0].contains(&file));

    // a WEAPON over the first gold span of the first article
    let first = &expected[0];
    let g = &gold(first).unwrap()["spans"][0];
    let clash = serde_json::json!({"file": first, "spans": [{"start": g["start"], "end": g["end"],
        "text": g["text"], "label": "WEAPON"}]});
    let problems = check(&clash.to_string(), gold, &[]);
    assert!(
        problems.len() == 1 && problems[0].contains("overlaps the"),
        "{problems:?}"
    );

    // an article with no line, and a line for no article
    let problems = check(
        r#"{"file": "dev/99-none.json", "spans": []}"#,
        gold,
        &expected[..1],
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems
        .iter()
        .any(|p| p.contains("no article dev/99-none.json")));
    assert!(problems
        .iter()
        .any(|p| p.contains(&format!("no line for {first}"))));
}
