//! Organisation-context pass over merged suggestions: a capitalised name is an organisation when
//! a lowercase organisation noun follows it ("Mizan news agency", "Haqqani network"), a NORP before "tribe".

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::words::{inner_hyphen, View};
use crate::span::Origin;

/// Lowercase nouns that say the name before them is an organisation's.
const NOUNS: &[&str] = &[
    "network",
    "party",
    "faction",
    "militia",
    "newspaper",
    "daily",
    "broadcaster",
    "channel",
    "outfit",
    "conglomerate",
    "company",
    "firm",
    "agency",
    "group",
];
/// Lowercase nouns that say the name before them is a tribe's or clan's (NORP: "the Marwat tribe").
const TRIBE_NOUNS: &[&str] = &["tribe", "tribes", "tribesmen", "clan", "clans"];
/// "news agency", "militant group": a modifier may stand between the name and the noun.
const MODIFIERS: &[&str] = &[
    "news",
    "militant",
    "insurgent",
    "rebel",
    "armed",
    "political",
    "opposition",
    "terrorist",
    "jihadist",
    "media",
    "state",
    "television",
];

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut owner: Vec<Option<usize>> = vec![None; v.len()];
    for (n, c) in kept.iter().enumerate() {
        owner[c.first..c.last].iter_mut().for_each(|o| *o = Some(n));
    }
    let mut relabel = Vec::new();
    let mut added = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let Some(end) = run_at(v, lex, i) else {
            i += 1;
            continue;
        };
        let kind = if followed_by_noun(v, end) {
            Kind::Org
        } else if v.get(end).is_some_and(|t| TRIBE_NOUNS.contains(&t.text)) {
            Kind::Norp
        } else {
            i = end;
            continue;
        };
        let owners: Vec<Option<usize>> = owner[i..end].to_vec();
        match owners.first().copied().flatten() {
            None if owners.iter().all(Option::is_none) && !v[i].sentence_start => {
                added.push(Candidate::new(i, end, kind, Origin::Pattern, rank::CONTEXT));
            }
            // "the Marwat tribe", "the Shinwari tribe": a name taken for a person or a place
            Some(n)
                if kind == Kind::Norp
                    && matches!(kept[n].kind, Kind::Person | Kind::Gpe)
                    && kept[n].first == i
                    && kept[n].last == end =>
            {
                relabel.push((n, kind));
            }
            // a one-word "person" before "network"/"group" is the group's name ("Haqqani network")
            Some(n)
                if kept[n].kind == Kind::Person
                    && kept[n].first == i
                    && kept[n].last == end
                    && end == i + 1 =>
            {
                relabel.push((n, kind));
            }
            _ => {}
        }
        i = end;
    }
    for (n, kind) in relabel {
        kept[n].kind = kind;
    }
    kept.extend(added);
    kept.sort_by_key(|c| c.first);
}

fn run_at(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<usize> {
    let word = |t: &View<'_>| {
        t.shape.cap && !t.shape.punct && !lex.has(t.text, class::STOP | class::SOFT | class::TITLE)
    };
    if !word(&v[i]) {
        return None;
    }
    let mut end = i + 1;
    while end < v.len() && end - i < 4 {
        if word(&v[end]) && v[end].gap && !v[end].line_start {
            end += 1;
        } else if inner_hyphen(v, end) {
            end += 2;
        } else {
            break;
        }
    }
    Some(end.min(v.len()))
}

fn followed_by_noun(v: &[View<'_>], end: usize) -> bool {
    let mut k = end;
    if v.get(k).is_some_and(|t| MODIFIERS.contains(&t.text)) {
        k += 1;
    }
    v.get(k).is_some_and(|t| NOUNS.contains(&t.text)) && k > end
        || v.get(end).is_some_and(|t| {
            NOUNS.contains(&t.text) && !matches!(t.text, "agency" | "group" | "company" | "firm")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_before_organisation_nouns() {
        let text = "the judiciary's Mizan news agency and the Ghazi Force militant group said, while Afghan forces";
        let lex = Lexicon::builtin();
        let got = crate::detect::candidate::found_texts(text, |v, out| apply(v, &lex, out));
        assert_eq!(got, ["Mizan", "Ghazi Force"]);
    }

    #[test]
    fn names_before_tribe_nouns_are_norp() {
        let text = "elders of the Zakakhel tribe met Wazir tribesmen";
        let lex = Lexicon::builtin();
        let toks = crate::token::tokenize(text);
        let v = crate::detect::words::views(text, &toks);
        let wazir = v.iter().position(|t| t.text == "Wazir").unwrap();
        let mut kept = vec![Candidate::new(
            wazir,
            wazir + 1,
            Kind::Person,
            Origin::Pattern,
            rank::SURNAME,
        )];
        apply(&v, &lex, &mut kept);
        let got: Vec<(&str, Kind)> = kept.iter().map(|c| (v[c.first].text, c.kind)).collect();
        assert_eq!(got, [("Zakakhel", Kind::Norp), ("Wazir", Kind::Norp)]);
    }
}
