//! Pairing documents across annotators by the hash of their text (line endings are already
//! normalised, so CRLF and LF copies pair); unpaired documents say why, e.g. where texts differ.

use std::collections::HashMap;

use super::annotator::Annotator;

/// FNV-1a over the text's bytes: stable across builds and platforms (it goes into review files).
pub fn text_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The hash as 16 hex digits, as review files store it.
pub fn hash_hex(hash: u64) -> String {
    format!("{hash:016x}")
}

/// One text and, per annotator, the index of their copy of it (None: they do not have it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentGroup {
    pub hash: u64,
    pub copies: Vec<Option<usize>>,
}

impl DocumentGroup {
    /// Annotators that have this text.
    pub fn annotators(&self) -> impl Iterator<Item = usize> + '_ {
        self.copies
            .iter()
            .enumerate()
            .filter_map(|(k, c)| c.map(|_| k))
    }
    pub fn is_shared_by_all(&self) -> bool {
        self.copies.iter().all(Option::is_some)
    }
    pub fn shared_by(&self) -> usize {
        self.copies.iter().flatten().count()
    }
}

/// Where two texts that look like the same document (same id or title) first differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextMismatch {
    pub group: usize,
    /// the annotator lacking the group's text, and their look-alike document
    pub annotator: usize,
    pub document: usize,
    /// first differing position in code points, 1-based line and column there
    pub at: usize,
    pub line: usize,
    pub column: usize,
    /// a few characters from each text at that position
    pub ours: String,
    pub theirs: String,
}

/// Groups in order of first appearance (annotator 0's order first), and the look-alikes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Pairing {
    pub groups: Vec<DocumentGroup>,
    pub mismatches: Vec<TextMismatch>,
}

pub fn pair(annotators: &[Annotator]) -> Pairing {
    let mut at: HashMap<u64, usize> = HashMap::new();
    let mut groups: Vec<DocumentGroup> = Vec::new();
    for (k, a) in annotators.iter().enumerate() {
        for (d, doc) in a.documents.iter().enumerate() {
            let hash = text_hash(doc.text());
            let g = *at.entry(hash).or_insert_with(|| {
                groups.push(DocumentGroup {
                    hash,
                    copies: vec![None; annotators.len()],
                });
                groups.len() - 1
            });
            groups[g].copies[k] = Some(d);
        }
    }
    let mut mismatches = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        if group.is_shared_by_all() {
            continue;
        }
        let Some((owner, d)) = group
            .copies
            .iter()
            .enumerate()
            .find_map(|(k, c)| c.map(|d| (k, d)))
        else {
            continue;
        };
        let ours = &annotators[owner].documents[d];
        for (k, copy) in group.copies.iter().enumerate() {
            if copy.is_some() {
                continue;
            }
            let look_alike = annotators[k]
                .documents
                .iter()
                .position(|o| o.id == ours.id || (!o.title.is_empty() && o.title == ours.title));
            if let Some(other) = look_alike {
                let theirs = &annotators[k].documents[other];
                mismatches.push(mismatch(g, k, other, ours.text(), theirs.text()));
            }
        }
    }
    Pairing { groups, mismatches }
}

fn mismatch(group: usize, annotator: usize, document: usize, a: &str, b: &str) -> TextMismatch {
    let (mut at, mut line, mut column) = (0, 1, 1);
    let (mut ai, mut bi) = (a.chars(), b.chars());
    loop {
        let (x, y) = (ai.next(), bi.next());
        if x != y || x.is_none() {
            break;
        }
        at += 1;
        if x == Some('\n') {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    let snippet = |t: &str| -> String { t.chars().skip(at).take(20).collect() };
    TextMismatch {
        group,
        annotator,
        document,
        at,
        line,
        column,
        ours: snippet(a),
        theirs: snippet(b),
    }
}
