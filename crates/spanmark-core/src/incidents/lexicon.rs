//! The trigger lexicon (data/triggers.tsv): words that name an event of a type, strong (a new
//! happening) or generic (a follow-up mention such as "the attack"), matched on whole tokens.

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

/// Every trigger in the tokens `range` of a document, left to right, never overlapping.
pub fn find(doc: &Document, range: std::ops::Range<usize>, lexicon: &[Entry]) -> Vec<Found> {
    let toks = doc.tokens();
    // each token lowercased once (not once per lexicon entry tried)
    let lower: Vec<String> = toks[range.clone()]
        .iter()
        .map(|t| t.text(doc.text()).to_lowercase())
        .collect();
    let word = |i: usize| lower[i - range.start].as_str();
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let hit = lexicon.iter().find(|e| {
            i + e.words.len() <= range.end
                && e.words.iter().enumerate().all(|(k, w)| word(i + k) == *w)
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
