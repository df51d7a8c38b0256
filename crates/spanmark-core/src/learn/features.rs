//! Token features for the tagger, hashed into a fixed table: the word and its shape, affixes,
//! neighbours, place in sentence and line (headline, table row), quotes/brackets, rule hits
//! (here and on the same word elsewhere in the document), word-list hits.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::layout::Line;
use crate::detect::{Kind, ListMarks};
use crate::span::Span;
use crate::token::{starts_upper, Token};

/// Feature ids are hashes already: a map keyed by them only needs their bits spread.
#[derive(Debug, Clone, Copy, Default)]
pub struct FeatureHasher(u64);

impl Hasher for FeatureHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (n as u64 ^ self.0).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map from feature id to anything, with the cheap hasher.
pub type FeatureMap<V> = HashMap<u32, V, BuildHasherDefault<FeatureHasher>>;

/// Feature ids live in `0..TABLE_SIZE`.
pub const TABLE_BITS: u32 = 20;
pub const TABLE_SIZE: u32 = 1 << TABLE_BITS;

/// The hashed features of every token of one text, flattened.
#[derive(Debug, Clone, Default)]
pub struct TokenFeatures {
    ids: Vec<u32>,
    bounds: Vec<u32>,
}

impl TokenFeatures {
    pub fn len(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn of(&self, token: usize) -> &[u32] {
        &self.ids[self.bounds[token] as usize..self.bounds[token + 1] as usize]
    }
    /// Every token's features, one after the other (`of(i)` is `ids()[at(i..i + 1)]`).
    pub fn ids(&self) -> &[u32] {
        &self.ids
    }
    /// Where the features of these tokens are in `ids()`.
    pub fn at(&self, tokens: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.bounds[tokens.start] as usize..self.bounds[tokens.end] as usize
    }
}

/// FNV-1a over a kind tag and parts, reduced to the table.
fn hash(kind: &str, parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut eat = |b: u8| {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    };
    kind.bytes().for_each(&mut eat);
    for p in parts {
        eat(0x1f);
        p.bytes().for_each(&mut eat);
    }
    h & (TABLE_SIZE - 1)
}

/// Word shape: `Xxxx` → `Xx`, `ISPR` → `X`, `2019` → `d`, `Tehrik-e-Taliban` → `Xx-x-Xx`.
fn shape(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !out.ends_with(s) || !matches!(s, 'X' | 'x' | 'd') {
            out.push(s);
        }
    }
    out
}

/// What the rule detector said about each token: (BILOU part letter, label, origin).
fn rule_marks<'a>(
    tokens: &[Token],
    rules: &'a [Span],
) -> Vec<Option<(char, &'a str, &'static str)>> {
    let mut marks = vec![None; tokens.len()];
    for span in rules {
        let r = super::bilou::covered_tokens(tokens, span.start, span.end);
        for i in r.clone() {
            let part = if r.len() == 1 {
                'U'
            } else if i == r.start {
                'B'
            } else if i + 1 == r.end {
                'L'
            } else {
                'I'
            };
            marks[i] = Some((part, span.label.as_str(), span.origin.family().as_str()));
        }
    }
    marks
}

/// Quote and bracket context per token: (inside double quotes, inside brackets).
fn enclosures(words: &[&str]) -> Vec<(bool, bool)> {
    let mut quoted = false;
    let mut depth = 0i32;
    let mut out = Vec::with_capacity(words.len());
    for w in words {
        match *w {
            "\"" => {
                quoted = !quoted;
                out.push((false, depth > 0));
                continue;
            }
            "“" => quoted = true,
            "”" => quoted = false,
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            _ => {}
        }
        out.push((quoted, depth > 0));
    }
    out
}

/// The name of a list kind in a feature (a user's gazetteer labels are one kind here).
fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Other(_) => "OTHER",
        news => news.label(),
    }
}

/// What the word lists say about a token, as features; `at` is "0" for the token itself, or
/// its distance to the token featurised ("-1", "1").
fn list_features(f: &mut Vec<u32>, mark: &ListMarks, at: &str) {
    if let Some((kind, part)) = mark.phrase {
        let k = kind_name(kind);
        f.push(hash("lk", &[at, k]));
        if at == "0" {
            f.push(hash("lp", &[k, part.encode_utf8(&mut [0; 4])]));
        }
    }
    if mark.given {
        f.push(hash("lg", &[at]));
    }
    let mut bits = mark.classes;
    while bits != 0 {
        let bit = bits.trailing_zeros();
        bits &= bits - 1;
        f.push(hash("lc", &[at, &bit.to_string()]));
    }
}

/// Features of every token. `sentence_starts[i]` says whether token i opens a sentence;
/// `lists` has what the word lists say of each token (empty: no list features).
pub fn extract(
    text: &str,
    tokens: &[Token],
    sentence_starts: &[bool],
    rules: &[Span],
    lists: &[ListMarks],
) -> TokenFeatures {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let lower: Vec<String> = words
        .iter()
        .map(|w| w.to_lowercase().replace('’', "'"))
        .collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let marks = rule_marks(tokens, rules);
    let layout = super::layout::places(text, tokens);
    let encl = enclosures(&words);
    let n = tokens.len();
    let word_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            &lower[i as usize]
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 || i as usize >= n {
            "_"
        } else {
            &shapes[i as usize]
        }
    };
    let mark_at = |i: isize| -> String {
        if i < 0 || i as usize >= n {
            return "_".into();
        }
        match marks[i as usize] {
            Some((_, label, _)) => label.to_string(),
            None => "O".into(),
        }
    };
    // the rule labels each word (as written) gets anywhere in the document: a name the
    // rules know in one sentence ("Lula da Silva") tells about it alone in another ("Lula")
    let mut elsewhere: HashMap<&str, Vec<&str>> = HashMap::new();
    for (word, mark) in words.iter().zip(&marks) {
        if let Some((_, label, _)) = mark {
            let e = elsewhere.entry(*word).or_default();
            if !e.contains(label) {
                e.push(label);
            }
        }
    }
    let mut out = TokenFeatures {
        ids: Vec::with_capacity(n * 32),
        bounds: Vec::with_capacity(n + 1),
    };
    out.bounds.push(0);
    for i in 0..n {
        let ii = i as isize;
        let lw = lower[i].as_str();
        let f = &mut out.ids;
        f.push(hash("bias", &[]));
        f.push(hash("w", &[words[i]]));
        f.push(hash("lw", &[lw]));
        f.push(hash("sh", &[&shapes[i]]));
        let chars: Vec<(usize, char)> = lw.char_indices().collect();
        for k in 1..=3usize.min(chars.len()) {
            let cut = chars.get(k).map(|c| c.0).unwrap_or(lw.len());
            f.push(hash("p", &[&lw[..cut]]));
        }
        for k in 1..=4usize.min(chars.len()) {
            let cut = chars[chars.len() - k].0;
            f.push(hash("s", &[&lw[cut..]]));
        }
        let title = starts_upper(words[i]);
        let start = sentence_starts.get(i).copied().unwrap_or(i == 0);
        f.push(hash(
            "start-title",
            &[if start { "1" } else { "0" }, if title { "1" } else { "0" }],
        ));
        for d in [-2isize, -1, 1, 2] {
            let ds = d.to_string();
            f.push(hash("nw", &[&ds, word_at(ii + d)]));
        }
        f.push(hash("sh-1", &[shape_at(ii - 1), &shapes[i]]));
        f.push(hash("sh+1", &[&shapes[i], shape_at(ii + 1)]));
        f.push(hash("bi-1", &[word_at(ii - 1), lw]));
        f.push(hash("bi+1", &[lw, word_at(ii + 1)]));
        let (quoted, bracketed) = encl[i];
        if quoted {
            f.push(hash("quoted", &[&shapes[i]]));
        }
        if bracketed {
            f.push(hash("bracketed", &[&shapes[i]]));
        }
        match marks[i] {
            Some((part, label, origin)) => {
                let p = part.to_string();
                f.push(hash("r", &[&p, label]));
                f.push(hash("rl", &[label]));
                f.push(hash("ro", &[origin, label]));
                f.push(hash("rw", &[label, lw]));
            }
            None => f.push(hash("r", &["O"])),
        }
        f.push(hash("r-1", &[&mark_at(ii - 1)]));
        f.push(hash("r+1", &[&mark_at(ii + 1)]));
        if starts_upper(words[i]) {
            match elsewhere.get(words[i]) {
                Some(labels) => {
                    for l in labels {
                        f.push(hash("doc-r", &[l]));
                    }
                }
                None => f.push(hash("doc-r", &["none"])),
            }
        }
        if lists.len() == n {
            for (d, at) in [(-1isize, "-1"), (0, "0"), (1, "1")] {
                if let Some(m) = usize::try_from(ii + d).ok().and_then(|j| lists.get(j)) {
                    list_features(f, m, at);
                }
            }
        }
        let rule_label = marks[i].map(|m| m.1).unwrap_or("O");
        // a headline or a results/standings row (features that carry over to documents with
        // other names: a team in a row, a name in a shouted headline); running text adds
        // nothing, so documents without such lines are tagged as before
        let place = layout[i];
        if place.line != Line::Body || place.shouted {
            let line = place.line.name();
            let caps = if place.shouted { "1" } else { "0" };
            f.push(hash("ln", &[line, caps]));
            f.push(hash("ln-sh", &[line, caps, &shapes[i]]));
            f.push(hash("ln-r", &[line, rule_label]));
            if place.first {
                f.push(hash("ln-first", &[line, &shapes[i]]));
            }
        }
        out.bounds.push(out.ids.len() as u32);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape("Peshawar"), "Xx");
        assert_eq!(shape("ISPR"), "X");
        assert_eq!(shape("2019"), "d");
        assert_eq!(shape("Tehrik-e-Taliban"), "Xx-x-Xx");
    }

    #[test]
    fn rule_hits_change_the_features() {
        let text = "Troops entered Kabul today";
        let tokens = tokenize(text);
        let starts = vec![true, false, false, false];
        let plain = extract(text, &tokens, &starts, &[], &[]);
        let ruled = extract(
            text,
            &tokens,
            &starts,
            &[Span::suggested(
                15,
                20,
                "GPE",
                crate::span::Origin::Gazetteer,
            )],
            &[],
        );
        assert_eq!(plain.len(), 4);
        assert_ne!(plain.of(2), ruled.of(2));
        assert_eq!(plain.of(0), ruled.of(0), "two tokens away nothing changes");
        assert!(plain.of(2).iter().all(|&id| id < TABLE_SIZE));
    }
}
