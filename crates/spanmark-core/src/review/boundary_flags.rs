//! Flags for the consistency view, by the boundary rules of the news guidelines: a leading
//! "the", a trailing possessive, a title inside a PERSON, lowercase "province"; rare labels.

use serde::Serialize;

use crate::document::Document;

/// What looks wrong about a span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Flag {
    /// starts with "the"/"The" (guidelines: no leading "the")
    LeadingThe,
    /// ends with 's / ’s (guidelines: possessives are excluded)
    TrailingPossessive,
    /// a PERSON starting with a title ("President Arif Alvi")
    TitleInPerson { title: String },
    /// a lowercase "province"/"district" inside a name (only a capitalised "Province" belongs)
    LowercaseDivision { word: String },
    /// the label is used on very few spans of the set
    RareLabel { uses: usize },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flagged {
    pub document: usize,
    pub start: usize,
    pub end: usize,
    pub label: String,
    pub text: String,
    #[serde(flatten)]
    pub flag: Flag,
}

impl Flagged {
    /// The sentence the page and the CLI show.
    pub fn sentence(&self) -> String {
        let what = match &self.flag {
            Flag::LeadingThe => {
                "starts with “the”; the guidelines leave a leading “the” out".to_string()
            }
            Flag::TrailingPossessive => {
                "ends with a possessive; the guidelines leave “’s” out".to_string()
            }
            Flag::TitleInPerson { title } => {
                format!("starts with the title “{title}”; titles are not part of a PERSON")
            }
            Flag::LowercaseDivision { word } => {
                format!("includes a lowercase “{word}”, which is not part of the name")
            }
            Flag::RareLabel { uses } => format!(
                "{} is used on only {uses} span{} in this set; check it is meant",
                self.label,
                if *uses == 1 { "" } else { "s" }
            ),
        };
        format!("“{}” ({}) {what}", self.text, self.label)
    }
}

/// A label used on at most this many spans, and on under 1 % of them, is rare.
pub const RARE_USES: usize = 2;

/// Every flag in a set; `is_title` says whether a word is a title (the rule lists).
pub fn flags(documents: &[Document], is_title: &dyn Fn(&str) -> bool) -> Vec<Flagged> {
    let mut uses: std::collections::HashMap<&str, usize> = Default::default();
    let mut total = 0;
    for doc in documents {
        for s in doc.spans() {
            *uses.entry(s.label.as_str()).or_default() += 1;
            total += 1;
        }
    }
    let rare = |l: &str| {
        let n = uses.get(l).copied().unwrap_or(0);
        (n <= RARE_USES && (n as f64) < 0.01 * total as f64).then_some(n)
    };
    let mut out = Vec::new();
    for (d, doc) in documents.iter().enumerate() {
        for s in doc.spans() {
            let text = doc.slice(s.start, s.end);
            let words: Vec<&str> = doc
                .tokens_overlapping(s.start, s.end)
                .map(|t| doc.tokens()[t].text(doc.text()))
                .collect();
            let mut push = |flag: Flag| {
                out.push(Flagged {
                    document: d,
                    start: s.start,
                    end: s.end,
                    label: s.label.clone(),
                    text: text.to_string(),
                    flag,
                })
            };
            if words.len() > 1 && matches!(words[0], "the" | "The" | "THE") {
                push(Flag::LeadingThe);
            }
            if words.len() > 1 && matches!(words[words.len() - 1], "'s" | "’s" | "'S" | "’S") {
                push(Flag::TrailingPossessive);
            }
            if s.label == "PERSON" && words.len() > 1 && is_title(words[0]) {
                push(Flag::TitleInPerson {
                    title: words[0].to_string(),
                });
            }
            if let Some(w) = words
                .iter()
                .skip(1)
                .find(|w| matches!(**w, "province" | "district"))
            {
                push(Flag::LowercaseDivision {
                    word: w.to_string(),
                });
            }
            if let Some(n) = rare(&s.label) {
                push(Flag::RareLabel { uses: n });
            }
        }
    }
    out
}
