//! The trigger lexicon (data/triggers.tsv): words that name an event of a type, strong (a new
//! happening) or generic (a follow-up mention such as "the attack"), matched on whole tokens.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::lowercase::lowers_to;
use crate::document::Document;

const TRIGGERS: &str = include_str!("../../data/triggers.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: String,
    pub words: Vec<String>,
    pub strong: bool,
}

/// A trigger found in a document: token range, code point range, its entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub tokens: std::ops::Range<usize>,
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub strong: bool,
}

/// The lexicon read once, its entries indexed by their first word.
#[derive(Debug)]
pub struct Lexicon {
    entries: Vec<Entry>,
    /// lowercase first word → indices of the entries starting with it, in `entries` order
    by_first: HashMap<String, Vec<usize>>,
}

/// The lexicon entries, longest first (so "suicide bombing" wins over "bombing").
pub fn entries() -> Vec<Entry> {
    let mut out: Vec<Entry> = TRIGGERS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let (kind, words, strength) = (cols.next()?, cols.next()?, cols.next()?);
            Some(Entry {
                kind: kind.to_string(),
                words: words.split(' ').map(str::to_lowercase).collect(),
                strong: strength == "strong",
            })
        })
        .collect();
    out.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
    out
}

/// The lexicon of data/triggers.tsv, read and indexed on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::new(entries()))
}

impl Lexicon {
    /// Index `entries` (in the order they are tried) by first word.
    pub fn new(entries: Vec<Entry>) -> Self {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, e) in entries.iter().enumerate() {
            if let Some(first) = e.words.first() {
                by_first.entry(first.clone()).or_default().push(k);
            }
        }
        Lexicon { entries, by_first }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Every trigger in the tokens `range` of a document, left to right, never overlapping:
    /// at each token the first entry (longest first) whose words are the next tokens'
    /// lowercase; only the entries starting with the token's word are tried.
    pub fn find(&self, doc: &Document, range: std::ops::Range<usize>) -> Vec<Found> {
        let (text, toks) = (doc.text(), doc.tokens());
        let word = |i: usize| toks[i].text(text);
        let mut key = String::new();
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            lowercase_into(word(i), &mut key);
            let hit = self.by_first.get(key.as_str()).and_then(|ks| {
                ks.iter().map(|&k| &self.entries[k]).find(|e| {
                    i + e.words.len() <= range.end
                        && e.words
                            .iter()
                            .enumerate()
                            .skip(1)
                            .all(|(k, w)| lowers_to(word(i + k), w))
                })
            });
            match hit {
                Some(e) => {
                    let last = i + e.words.len() - 1;
                    out.push(Found {
                        tokens: i..last + 1,
                        start: toks[i].start,
                        end: toks[last].end,
                        kind: e.kind.clone(),
                        strong: e.strong,
                    });
                    i = last + 1;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// `s.to_lowercase()` into a reused buffer (no allocation for ASCII words once it is warm).
fn lowercase_into(s: &str, buf: &mut String) {
    buf.clear();
    if s.is_ascii() {
        buf.extend(s.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&s.to_lowercase());
    }
}
