//! Names in capitals: a dateline's place ("LONDON, March 5 (Reuters) -") and the words of an
//! all-caps headline, read as the lists and the rest of the article know them in mixed case.

use std::collections::HashMap;

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::Lexicon;
use super::take_over::{overlap, place_all};
use super::words::{lines, View};
use crate::span::Origin;

/// "LONDON" → "London", "NEW" → "New", "OF" → "of".
fn mixed_case(word: &str) -> String {
    if matches!(word, "OF" | "AND" | "THE" | "DE" | "DA" | "DEL" | "FOR") {
        return word.to_lowercase();
    }
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c
            .to_uppercase()
            .chain(chars.flat_map(char::to_lowercase))
            .collect(),
        None => String::new(),
    }
}

fn shouted(t: &View<'_>) -> bool {
    t.shape.upper && t.shape.alpha && t.text.chars().count() >= 2
}

/// The longest phrase of shouted words from `i` the lists know, with its kind.
fn known_from(v: &[View<'_>], lex: &Lexicon, i: usize, end: usize) -> Option<(usize, Kind)> {
    let mut best = None;
    let mut phrase = String::new();
    for (k, t) in v.iter().enumerate().take(end.min(i + 5)).skip(i) {
        if !shouted(t) || (k > i && !t.gap) {
            break;
        }
        if k > i {
            phrase.push(' ');
        }
        phrase.push_str(&mixed_case(t.text));
        if let Some(kind) = lex.name(&phrase) {
            best = Some((k + 1, kind));
        }
    }
    best
}

/// Is the line from `s` to `e` a headline in capitals (three shouted words, no lowercase word)?
fn caps_line(v: &[View<'_>], s: usize, e: usize) -> bool {
    let words: Vec<&View<'_>> = v[s..e]
        .iter()
        .filter(|t| !t.shape.punct && !t.shape.digits)
        .collect();
    words.len() >= 3
        && words
            .iter()
            .all(|t| t.shape.upper || t.text.chars().all(|c| !c.is_lowercase()))
}

/// Which tokens of `s..e` lie inside one of the candidates (index 0 is token `s`).
fn covered(s: usize, e: usize, candidates: &[Candidate]) -> Vec<bool> {
    let mut inside = vec![false; e - s];
    for c in candidates {
        let (first, last) = (c.first.max(s), c.last.min(e));
        if first < last {
            inside[first - s..last - s].fill(true);
        }
    }
    inside
}

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    // kinds of names found in mixed case elsewhere in the text, by their capitals
    let mut elsewhere: HashMap<String, Kind> = HashMap::new();
    for c in kept
        .iter()
        .filter(|c| c.kind.is_name() && c.last == c.first + 1)
    {
        let t = &v[c.first];
        if !t.shape.upper {
            elsewhere.entry(t.text.to_uppercase()).or_insert(c.kind);
        }
    }
    let lines = lines(v);
    let mut found = Vec::new();
    // tokens inside a kept candidate, marked once (not a scan of them all per shouted word)
    let mut in_kept: Option<Vec<bool>> = None;
    for (s, e) in lines {
        let found_before = found.len();
        // dateline: "LONDON, Feb 11 -", "NEW YORK (AP) —", "MUNICH/ZURICH, Nov 14"
        let mut k = s;
        while k < e && shouted(&v[k]) {
            match known_from(v, lex, k, e) {
                Some((end, kind)) if matches!(kind, Kind::Gpe | Kind::Loc) => {
                    let next = v.get(end).map(|t| t.text).unwrap_or("");
                    if matches!(next, "," | "(" | "/") || v.get(end).is_some_and(|t| t.line_start) {
                        found.push(Candidate::new(
                            k,
                            end,
                            kind,
                            Origin::Gazetteer,
                            rank::GAZETTEER,
                        ));
                    }
                    k = end;
                    if v.get(k).is_some_and(|t| t.text == "/") {
                        k += 1;
                        continue;
                    }
                }
                _ => {}
            }
            break;
        }
        if !caps_line(v, s, e) {
            continue;
        }
        let in_kept = in_kept.get_or_insert_with(|| covered(0, v.len(), kept));
        // this line's tokens inside what was found on it (found elsewhere cannot reach in)
        let mut in_found = covered(s, e, &found[found_before..]);
        let mut i = s;
        while i < e {
            if !shouted(&v[i]) || in_kept[i] || in_found[i - s] {
                i += 1;
                continue;
            }
            if let Some((end, kind)) = known_from(v, lex, i, e) {
                in_found[i - s..end - s].fill(true);
                found.push(Candidate::new(
                    i,
                    end,
                    kind,
                    Origin::Gazetteer,
                    rank::GAZETTEER,
                ));
                i = end;
            } else if let Some(&kind) = elsewhere.get(v[i].text) {
                found.push(Candidate::new(
                    i,
                    i + 1,
                    kind,
                    Origin::Pattern,
                    rank::CONTEXT,
                ));
                i += 1;
            } else {
                i += 1;
            }
        }
    }
    place_all(kept, found, |o, c| {
        overlap(o, c) && o.last - o.first > c.last - c.first
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::texts_after_people;

    #[test]
    fn a_dateline_place_in_capitals_is_found() {
        let got = texts_after_people("KARACHI, March 5 (Reuters) - Prices rose.", apply);
        assert!(got.contains(&"KARACHI".to_string()), "{got:?}");
    }

    #[test]
    fn headline_words_in_capitals_take_the_kind_of_the_same_name_below() {
        let text =
            "IMRAN KHAN MEETS VOTERS IN LAHORE\n\nImran Khan spoke to Mr Khan's voters in Lahore.";
        let got = texts_after_people(text, apply);
        assert!(got.contains(&"LAHORE".to_string()), "{got:?}");
    }

    #[test]
    fn a_shouted_word_nobody_knows_stays_unmarked() {
        let got = texts_after_people("PRICES SOAR AGAIN IN WINTER\n\nPrices rose.", apply);
        assert!(got.is_empty(), "{got:?}");
    }
}
