//! CoNLL-2003 columns (`token -X- _ TAG`), IOB2 or BILOU tags, `-DOCSTART-` between documents and a
//! blank line between sentences. The text's own whitespace is not kept: tokens are re-joined on import.

use crate::document::Document;
use crate::token::{sentences, Token};

use super::intake::{self, Draft, RawSpan};
use super::report::{Problem, Reason};
use super::{
    file_name, selfcheck, Chosen, ExportFile, ExportOptions, ImportError, Imported, TagScheme,
};

/// The document separator spaCy's `convert --converter ner` splits on.
pub const DOCSTART: &str = "-DOCSTART- -X- O O";

/// Characters a column reader (Python's `str.split()`) treats as a column break.
fn breaks_columns(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

pub(crate) fn write(
    chosen: &[Chosen],
    options: &ExportOptions,
    report: &mut Vec<Problem>,
) -> Vec<ExportFile> {
    let mut out = String::new();
    for c in chosen {
        out.push_str(DOCSTART);
        out.push_str("\n\n");
        let doc = c.doc;
        let tokens = doc.tokens();
        let mut tags: Vec<String> = vec!["O".into(); tokens.len()];
        let mut joined: Vec<bool> = vec![false; tokens.len()]; // token i continues a span from i-1
        for s in selfcheck::apart(c, report) {
            if s.label.chars().any(breaks_columns) || s.label.is_empty() {
                report.push(selfcheck::problem(
                    c,
                    s,
                    Reason::Label("a CoNLL tag cannot contain spaces".into()),
                ));
                continue;
            }
            // Tokens are sorted and apart, so starts and ends are both sorted: search, don't scan
            // (a scan per span made a 1 MB export quadratic: 15 s).
            let first = tokens.binary_search_by_key(&s.start, |t| t.start).ok();
            let last = tokens.binary_search_by_key(&s.end, |t| t.end).ok();
            let (Some(a), Some(b)) = (first, last) else {
                report.push(selfcheck::problem(c, s, Reason::NotOnTokens));
                continue;
            };
            for (k, tag) in tags.iter_mut().enumerate().take(b + 1).skip(a) {
                let prefix = match (options.scheme, k == a, k == b) {
                    (TagScheme::Bilou, true, true) => "U",
                    (TagScheme::Bilou, false, true) => "L",
                    (_, true, _) => "B",
                    _ => "I",
                };
                *tag = format!("{prefix}-{}", s.label);
            }
            for j in joined.iter_mut().take(b + 1).skip(a + 1) {
                *j = true;
            }
        }
        for range in sentence_ranges(doc, &joined) {
            for k in range {
                let word = word_of(c, &tokens[k], report);
                out.push_str(&format!("{word} -X- _ {}\n", tags[k]));
            }
            out.push('\n');
        }
    }
    let suffix = match options.scheme {
        TagScheme::Iob2 => "",
        TagScheme::Bilou => "bilou",
    };
    vec![ExportFile {
        name: file_name(options, suffix, "conll"),
        bytes: out.into_bytes(),
    }]
}

/// Sentences from the core, also broken at newlines, but never inside a span.
fn sentence_ranges(doc: &Document, joined: &[bool]) -> Vec<std::ops::Range<usize>> {
    let text = doc.text();
    let tokens = doc.tokens();
    let mut breaks: Vec<bool> = vec![false; tokens.len()]; // a sentence starts at token i
    for r in sentences(text, tokens) {
        if r.start < breaks.len() {
            breaks[r.start] = true;
        }
    }
    for i in 1..tokens.len() {
        let gap = &text[tokens[i - 1].byte_end.min(tokens[i].byte_start)..tokens[i].byte_start];
        if gap.contains('\n') {
            breaks[i] = true;
        }
        if joined[i] {
            breaks[i] = false;
        }
    }
    let mut starts: Vec<usize> = (1..tokens.len()).filter(|&i| breaks[i]).collect();
    starts.insert(0, 0);
    starts.push(tokens.len());
    starts
        .windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| w[0]..w[1])
        .collect()
}

fn word_of(c: &Chosen, token: &Token, report: &mut Vec<Problem>) -> String {
    let word = token.text(c.doc.text());
    if !word.chars().any(breaks_columns) {
        return word.to_string();
    }
    report.push(Problem {
        document: c.doc.id.clone(),
        title: c.doc.title.clone(),
        span: None,
        reason: Reason::Token(format!("the token at {}–{} contains a space or control character and was written with “_” in its place", token.start, token.end)),
    });
    word.chars()
        .map(|ch| if breaks_columns(ch) { '_' } else { ch })
        .collect()
}

/// One parsed tag: (kind B/I/L/U/O, label).
fn tag_of(tag: &str) -> Option<(char, &str)> {
    if tag == "O" {
        return Some(('O', ""));
    }
    let (kind, label) = tag.split_once('-')?;
    let kind = match kind {
        "B" => 'B',
        "I" => 'I',
        "L" | "E" => 'L',
        "U" | "S" => 'U',
        _ => return None,
    };
    (!label.is_empty()).then_some((kind, label))
}

/// Whether `word` is a clitic split off the word before ("’s", "'ll", "n't"), so the rebuilt text
/// reads "Afghanistan’s" and tokenizes into the same tokens again.
fn is_clitic_after(text: &str, word: &str) -> bool {
    let apostrophe = |c: char| c == '\'' || c == '\u{2019}';
    let after_word = text.chars().last().is_some_and(char::is_alphanumeric);
    let mut chars = word.chars();
    let clitic = match (chars.next(), chars.next()) {
        (Some(a), Some(_)) if apostrophe(a) => word.chars().skip(1).all(char::is_alphabetic),
        (Some('n' | 'N'), Some(a)) if apostrophe(a) => matches!(chars.as_str(), "t" | "T"),
        _ => false,
    };
    after_word && clitic
}

/// Words of one sentence as the importer writes them: spaces between, clitics glued on.
pub(crate) fn rejoin(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !is_clitic_after(&out, w) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A document being rebuilt from token lines: text so far and the open span.
struct Rebuild {
    draft: Draft,
    len: usize,
    open: Option<RawSpan>,
}

impl Rebuild {
    fn new(id: String) -> Self {
        Rebuild {
            draft: Draft::new(id, None, String::new()),
            len: 0,
            open: None,
        }
    }
    fn close(&mut self) {
        if let Some(span) = self.open.take() {
            self.draft.spans.push(span);
        }
    }
    fn push(&mut self, word: &str, kind: char, label: &str, sentence_start: bool) {
        let glued = !sentence_start && is_clitic_after(&self.draft.text, word);
        if !self.draft.text.is_empty() && !glued {
            self.draft
                .text
                .push(if sentence_start { '\n' } else { ' ' });
            self.len += 1;
        }
        let (start, end) = (self.len, self.len + word.chars().count());
        self.draft.text.push_str(word);
        self.len = end;
        let continues = matches!(kind, 'I' | 'L')
            && self.open.as_ref().is_some_and(|o| o.label == label)
            && !sentence_start;
        if continues {
            if let Some(o) = self.open.as_mut() {
                o.end = end;
            }
        } else {
            self.close();
            if kind != 'O' {
                self.open = Some(RawSpan::imported(start, end, label));
            }
        }
        if matches!(kind, 'L' | 'U') {
            self.close();
        }
    }
    fn finish(mut self, notes: &mut Vec<String>) -> Document {
        self.close();
        self.draft.title = intake::title_of(&self.draft.text);
        intake::finish(self.draft, notes)
    }
}

pub(crate) fn read(name: &str, text: &str) -> Result<Imported, ImportError> {
    let stem = intake::stem(name);
    let mut documents = Vec::new();
    let mut notes = Vec::new();
    let mut current: Option<Rebuild> = None;
    let mut sentence_start = true;
    let mut next_id = 1;
    let new_doc = |next_id: &mut usize| {
        let r = Rebuild::new(format!("{stem}-{next_id}"));
        *next_id += 1;
        r
    };
    for (i, line) in text.lines().enumerate() {
        let columns: Vec<&str> = line.split_whitespace().collect();
        if columns.first() == Some(&"-DOCSTART-") {
            if let Some(doc) = current.take() {
                documents.push(doc.finish(&mut notes));
            }
            current = Some(new_doc(&mut next_id));
            sentence_start = true;
            continue;
        }
        if columns.is_empty() {
            sentence_start = true;
            continue;
        }
        if columns.len() < 2 {
            return Err(ImportError::line(
                name,
                i + 1,
                format!("expected a token and a tag, found only “{}”", columns[0]),
            ));
        }
        let tag = columns[columns.len() - 1];
        let Some((kind, label)) = tag_of(tag) else {
            return Err(ImportError::line(
                name,
                i + 1,
                format!("the tag “{tag}” is not O, B-, I-, L-, U-, E- or S- followed by a label"),
            ));
        };
        let doc = current.get_or_insert_with(|| new_doc(&mut next_id));
        doc.push(columns[0], kind, label, sentence_start);
        sentence_start = false;
    }
    if let Some(doc) = current.take() {
        documents.push(doc.finish(&mut notes));
    }
    let labels = intake::labels_of(&documents, &[]);
    Ok(Imported {
        documents,
        labels,
        notes,
        schema: None,
    })
}
