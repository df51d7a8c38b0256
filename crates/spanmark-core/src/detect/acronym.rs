//! Acronym pass over merged suggestions: a definition ("Jaish-e-Mohammed (JeM)", "Islamic
//! Movement of Uzbekistan, or IMU") gives the acronym its name's label, for every later use too.

use std::collections::HashMap;

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::runs::org_word;
use super::words::{inner_hyphen, View};
use crate::span::Origin;

/// Adds acronym suggestions (and names found only through their acronym) to `kept`, which must
/// be non-overlapping and sorted; the result is too.
pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut owner: Vec<Option<usize>> = vec![None; v.len()];
    index(kept, &mut owner);
    let mut defined: HashMap<&str, Kind> = HashMap::new();
    let mut added = Vec::new();
    for k in 0..v.len() {
        if !acronym_shape(v[k].text) {
            continue;
        }
        let Some(name_end) = definition_site(v, k) else {
            continue;
        };
        let ending = name_end
            .checked_sub(1)
            .and_then(|e| owner[e])
            .map(|c| kept[c])
            .filter(|c| c.last == name_end);
        let ending_kind = ending
            .filter(|c| c.kind.is_name() && c.kind != Kind::Norp)
            .map(|c| c.kind);
        let matched = initials_match(v, lex, name_end, v[k].text);
        // "District Police Officer (DPO)", "Inspector General of Police (IGP)": an office, not a name
        if matched.is_some_and(|start| office(v, lex, start, name_end)) {
            continue;
        }
        let kind = match matched {
            Some(start) if ending.is_some_and(|c| c.first == start) => ending_kind,
            Some(start) => {
                // a name found through its acronym replaces what lay inside it ("Pakistan" in "... of Pakistan")
                if (start..name_end).any(|t| owner[t].is_some_and(|c| kept[c].first < start)) {
                    ending_kind
                } else {
                    // "... Mission in Afghanistan (UNAMA)": a longer name than the place it ends with
                    let kind = ending_kind
                        .filter(|k| matches!(k, Kind::Org | Kind::Fac | Kind::Loc))
                        .unwrap_or(Kind::Org);
                    added.push(Candidate::new(
                        start,
                        name_end,
                        kind,
                        Origin::Acronym,
                        rank::ACRONYM,
                    ));
                    Some(kind)
                }
            }
            None => ending_kind,
        };
        let Some(kind) = kind else { continue };
        defined.entry(v[k].text).or_insert(kind);
    }
    if defined.is_empty() && added.is_empty() {
        return;
    }
    // names found through acronyms replace the smaller suggestions inside them
    for a in &added {
        kept.retain(|c| c.last <= a.first || c.first >= a.last);
    }
    kept.extend(added);
    kept.sort_by_key(|c| c.first);
    owner.iter_mut().for_each(|o| *o = None);
    index(kept, &mut owner);
    for (k, t) in v.iter().enumerate() {
        if owner[k].is_none() {
            if let Some(kind) = defined.get(t.text) {
                kept.push(Candidate::new(
                    k,
                    k + 1,
                    *kind,
                    Origin::Acronym,
                    rank::ACRONYM,
                ));
            }
        }
    }
    kept.sort_by_key(|c| c.first);
}

fn index(kept: &[Candidate], owner: &mut [Option<usize>]) {
    let len = owner.len();
    for (n, c) in kept.iter().enumerate() {
        for o in &mut owner[c.first.min(len)..c.last.min(len)] {
            *o = Some(n);
        }
    }
}

/// A title spelled out before its acronym: it ends in a title word ("Officer", "Commissioner",
/// "Deputy Inspector General"), holds no organisation head that is not also a title word
/// ("Ministry of Home Affairs" is a name), and when it ends in "Police" it starts with a title
/// ("Senior Superintendent of Police", not "Punjab Police").
fn office(v: &[View<'_>], lex: &Lexicon, start: usize, end: usize) -> bool {
    let title = |t: &View<'_>| lex.has(t.text, class::TITLE);
    let head = |t: &View<'_>| lex.has(t.text, class::ORG_HEAD);
    let last = &v[end - 1];
    title(last)
        && !v[start..end].iter().any(|t| head(t) && !title(t))
        && (!head(last) || title(&v[start]))
}

/// "JeM", "ISPR", "PAFF", "UNAMA": two to eight letters, capital first, at least two capitals.
pub fn acronym_shape(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n)
        && s.starts_with(|c: char| c.is_uppercase())
        && s.chars().all(char::is_alphabetic)
        && s.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// For an acronym at `k`: the token index where its name ends, for "NAME (ACR)" and "NAME, or ACR".
fn definition_site(v: &[View<'_>], k: usize) -> Option<usize> {
    if k >= 1 && v[k - 1].text == "(" && v.get(k + 1).is_some_and(|c| c.text == ")") {
        return Some(k - 1);
    }
    if k >= 2 && v[k - 1].text == "or" && v[k - 2].text == "," {
        return Some(k - 2);
    }
    None
}

/// Start of a capitalised run ending at `end` whose initials spell the acronym
/// ("Islamic Movement of Uzbekistan" → IMU, "Jaish-e-Mohammed" → JeM, "... Mission in Afghanistan").
fn initials_match(v: &[View<'_>], lex: &Lexicon, end: usize, acronym: &str) -> Option<usize> {
    let want: Vec<char> = acronym.chars().flat_map(char::to_uppercase).collect();
    let mut start = end;
    let mut words: Vec<(usize, char, bool)> = Vec::new(); // (token, initial, optional)
    while start > 0 && end - start < 14 {
        let p = start - 1;
        let t = &v[p];
        if t.line_start && p + 1 < end && words.is_empty() {
            break;
        }
        let optional = matches!(
            t.text,
            "of" | "for"
                | "and"
                | "in"
                | "the"
                | "on"
                | "e"
                | "i"
                | "ul"
                | "al"
                | "ud"
                | "s"
                | "'"
                | "’"
                | "'s"
                | "’s"
        );
        if org_word(t, lex) || optional || inner_hyphen(v, p) {
            start = p;
            if !t.shape.punct {
                let c = t
                    .text
                    .chars()
                    .next()
                    .and_then(|c| c.to_uppercase().next())
                    .unwrap_or(' ');
                words.push((p, c, optional && !t.shape.cap));
            }
            if t.line_start {
                break;
            }
            continue;
        }
        break;
    }
    words.reverse();
    // try each start word, nearest first; initials must equal the acronym, optional words may be skipped
    for s in (0..words.len()).rev() {
        if words[s].2 {
            continue;
        }
        if spells(&words[s..], &want) {
            return Some(words[s].0);
        }
    }
    None
}

fn spells(words: &[(usize, char, bool)], want: &[char]) -> bool {
    match (words.first(), want.first()) {
        (None, None) => true,
        (None, Some(_)) => false,
        (Some(&(_, c, optional)), w) => {
            (optional && spells(&words[1..], want))
                || (w == Some(&c) && spells(&words[1..], &want[1..]))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::merge;
    use crate::detect::words::views;
    use crate::detect::{gazetteer, shapes};
    use crate::token::tokenize;

    fn run(text: &str) -> Vec<(String, Kind, Origin)> {
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let mut found = Vec::new();
        gazetteer::find(&v, text, &lex, &mut found);
        shapes::find(&v, &lex, &mut found);
        let mut kept = merge(&v, found);
        apply(&v, &lex, &mut kept);
        kept.iter()
            .map(|c| {
                (
                    text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string(),
                    c.kind,
                    c.origin,
                )
            })
            .collect()
    }

    #[test]
    fn definitions_label_every_use() {
        // (a possessive other than "People's", which the shape rules now read themselves)
        let got = run("The Women's Anti-Fascist Front (WAFF) said. Later WAFF denied it.");
        assert!(
            got.contains(&(
                "Women's Anti-Fascist Front".into(),
                Kind::Org,
                Origin::Acronym
            )),
            "{got:?}"
        );
        assert_eq!(
            got.iter()
                .filter(|g| g.0 == "WAFF" && g.1 == Kind::Org)
                .count(),
            2
        );
        let got = run("the Islamic Movement of Turkestan, or IMT, and the Karachi Traders Alliance (KTA); KTA said");
        assert!(
            got.contains(&(
                "Karachi Traders Alliance".into(),
                Kind::Org,
                Origin::Pattern
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "Islamic Movement of Turkestan".into(),
                Kind::Org,
                Origin::Pattern
            )),
            "{got:?}"
        );
        assert!(
            got.contains(&("IMT".into(), Kind::Org, Origin::Acronym)),
            "{got:?}"
        );
        assert_eq!(got.iter().filter(|g| g.0 == "KTA").count(), 2);
    }

    #[test]
    fn spelled_out_titles_are_not_organisations() {
        let got = run("Deputy Commissioner (DC) Karim Dad and the Senior Superintendent of Police (SSP) met the Federal Investigation Agency (FIA) and the Ministry of Foreign Affairs (MoFA). The DC left.");
        assert!(
            !got.iter().any(|g| g.0.contains("Officer")
                || g.0.contains("Superintendent")
                || g.0 == "SHO"
                || g.0 == "SSP"),
            "{got:?}"
        );
        assert!(
            got.iter().any(|g| g.0 == "FIA" && g.1 == Kind::Org),
            "{got:?}"
        );
        assert!(
            got.iter().any(|g| g.0 == "MoFA" && g.1 == Kind::Org),
            "{got:?}"
        );
    }

    #[test]
    fn unrelated_brackets_are_ignored() {
        let got = run("He spoke to reporters (AFP) and then (OK) left.");
        assert!(!got.iter().any(|g| g.0 == "OK"), "{got:?}");
        assert!(acronym_shape("JeM") && !acronym_shape("Ok") && !acronym_shape("A"));
    }
}
