//! Test and bench data for learning: the dev articles, and a synthetic corpus of many
//! 5 KB articles made from them with the names changed so each article brings new words.
#![allow(dead_code)]

use std::path::PathBuf;

use spanmark_core::span::Span;

pub struct Article {
    pub name: String,
    pub text: String,
    pub spans: Vec<Span>,
}

pub fn dev_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dev")
}

/// The hand-annotated dev articles, sorted by file name.
pub fn dev_articles() -> Vec<Article> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dev_dir())
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "json"));
    files.sort();
    files
        .iter()
        .filter_map(|f| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(f).ok()?).ok()?;
            let text = v["text"].as_str()?.to_string();
            let spans = v["spans"]
                .as_array()?
                .iter()
                .filter_map(|s| {
                    Some(Span::manual(
                        s["start"].as_u64()? as usize,
                        s["end"].as_u64()? as usize,
                        s["label"].as_str()?,
                    ))
                })
                .collect();
            Some(Article {
                name: f.file_stem()?.to_string_lossy().into_owned(),
                text,
                spans,
            })
        })
        .collect()
}

/// Rotate the letters of capitalised words (after the first letter) by `shift`, keeping
/// length, so every copy of an article has new names but the same sentence structure.
fn rename(text: &str, shift: u8) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_name = false;
    let mut prev_alpha = false;
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            if !prev_alpha {
                in_name = c.is_ascii_uppercase();
                out.push(c);
            } else if in_name && c.is_ascii_lowercase() {
                out.push((b'a' + (c as u8 - b'a' + shift) % 26) as char);
            } else {
                out.push(c);
            }
            prev_alpha = true;
        } else {
            out.push(c);
            prev_alpha = false;
        }
    }
    out
}

/// `count` articles of about `bytes` each, glued from dev articles with renamed names.
pub fn synthetic_corpus(count: usize, bytes: usize) -> Vec<Article> {
    let dev = dev_articles();
    let mut out = Vec::new();
    if dev.is_empty() {
        return out;
    }
    for i in 0..count {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut j = i;
        while text.len() < bytes {
            let a = &dev[j % dev.len()];
            let offset = text.chars().count();
            text.push_str(&rename(&a.text, (i % 25) as u8 + 1));
            text.push_str("\n\n");
            spans.extend(
                a.spans
                    .iter()
                    .map(|s| Span::manual(s.start + offset, s.end + offset, s.label.clone())),
            );
            j += 5;
        }
        out.push(Article {
            name: format!("synthetic-{i:02}"),
            text,
            spans,
        });
    }
    out
}
