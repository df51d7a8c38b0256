//! Place-context pass over merged suggestions: a capitalised name the gazetteers do not know is
//! still a GPE in "the town of Maungdaw", "Zindajan district", "Saddar police station" or "Imphal West".

use std::collections::HashMap;

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::words::{inner_hyphen, View};
use crate::span::Origin;

/// Lowercase nouns that name an administrative place.
const BEFORE_OF: &[&str] = &[
    "town", "village", "city", "district", "province", "region", "tehsil", "capital", "valley",
    "county", "state",
];
const AFTER: &[&str] = &[
    "district",
    "province",
    "tehsil",
    "county",
    "state",
    "region",
    "town",
    "village",
    "city",
    "districts",
    "provinces",
    "tehsils",
    "villages",
    "towns",
    "area",
    "neighborhood",
    "neighborhoods",
    "neighbourhood",
    "neighbourhoods",
];
/// Lowercase nouns after an unknown name that make it a facility ("Pul-e-Charkhi prison").
const FAC_AFTER: &[&str] = &[
    "bridge", "prison", "jail", "mosque", "shrine", "dam", "barrage", "stadium", "airbase",
];
/// Capitalised compass words that end a district's name after a known place ("Karachi East").
const COMPASS: &[&str] = &["East", "West", "North", "South", "Central"];

/// The noun after a place name ends at `i`: "district", "area", "police station(s)".
fn place_noun(v: &[View<'_>], i: usize) -> bool {
    let Some(n) = v.get(i).filter(|n| n.gap) else {
        return false;
    };
    AFTER.contains(&n.text)
        || (matches!(n.text, "police" | "Police")
            && v.get(i + 1)
                .is_some_and(|s| matches!(s.text, "station" | "stations")))
}

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut covered = vec![false; v.len()];
    for c in kept.iter() {
        covered[c.first..c.last].iter_mut().for_each(|x| *x = true);
    }
    // "Wazir Akbar Khan neighborhoods": a name read as a person before a place noun is the
    // place named after one
    for c in kept.iter_mut() {
        // the whole capitalised run, not its last word ("Wazir Akbar Khan", not "Khan")
        let whole = c.first == 0 || !v[c.first - 1].shape.cap || !v[c.first].gap;
        if c.kind == Kind::Person && whole && place_noun(v, c.last) {
            c.kind = Kind::Gpe;
        }
    }
    let mut added = Vec::new();
    let mut facilities = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let Some(end) = name_at(v, lex, i) else {
            i += 1;
            continue;
        };
        let free = !covered[i..end].iter().any(|c| *c);
        let after_of = i >= 2 && v[i - 1].text == "of" && BEFORE_OF.contains(&v[i - 2].text);
        // "Saddar and Tajazai police stations": the noun after the second name serves both
        let before_noun = place_noun(v, end)
            || (v.get(end).is_some_and(|a| a.text == "and")
                && name_at(v, lex, end + 1).is_some_and(|e| place_noun(v, e)));
        let fac_noun = v
            .get(end)
            .is_some_and(|n| n.gap && FAC_AFTER.contains(&n.text));
        if free && fac_noun && !v[i].sentence_start {
            facilities.push(Candidate::new(
                i,
                end,
                Kind::Fac,
                Origin::Pattern,
                rank::CONTEXT,
            ));
        } else if free && (after_of || before_noun) {
            added.push(Candidate::new(
                i,
                end,
                Kind::Gpe,
                Origin::Pattern,
                rank::CONTEXT,
            ));
        }
        i = end;
    }
    // "Jiribam district" ... "Jiribam, which had": the place's other mentions in the document
    let later = other_mentions(v, &covered, &added);
    kept.extend(added);
    kept.extend(later);
    kept.extend(facilities);
    kept.sort_by_key(|c| c.first);
    compass_districts(v, kept);
}

/// Uncovered repetitions of the names found by context, as GPE suggestions (one pass over the
/// tokens, names looked up by their first word).
fn other_mentions(v: &[View<'_>], covered: &[bool], added: &[Candidate]) -> Vec<Candidate> {
    if added.is_empty() {
        return Vec::new();
    }
    let mut taken = covered.to_vec();
    let mut names: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for a in added {
        taken[a.first..a.last].iter_mut().for_each(|t| *t = true);
        let len = a.last - a.first;
        let known = names.entry(v[a.first].text).or_default();
        if !known
            .iter()
            .any(|&(f, l)| l == len && same_words(v, f, a.first, len))
        {
            known.push((a.first, len));
        }
    }
    let mut more = Vec::new();
    for i in 0..v.len() {
        let Some(found) = names.get(v[i].text) else {
            continue;
        };
        for &(f, len) in found {
            let free = i + len <= v.len() && !taken[i..i + len].iter().any(|t| *t);
            let whole = v
                .get(i + len)
                .is_none_or(|n| !n.shape.cap || n.shape.punct || n.line_start);
            if free && whole && same_words(v, f, i, len) {
                taken[i..i + len].iter_mut().for_each(|t| *t = true);
                more.push(Candidate::new(
                    i,
                    i + len,
                    Kind::Gpe,
                    Origin::Pattern,
                    rank::CONTEXT,
                ));
                break;
            }
        }
    }
    more
}

fn same_words(v: &[View<'_>], a: usize, b: usize, len: usize) -> bool {
    b + len <= v.len() && (0..len).all(|k| v[a + k].text == v[b + k].text)
}

/// "Imphal West", "Karachi East": a known place and a compass word before a lowercase word or
/// punctuation is one district's name ("South Korea", "West Bank" start names and are left alone).
fn compass_districts(v: &[View<'_>], kept: &mut [Candidate]) {
    let mut n = 0;
    while n < kept.len() {
        let c = kept[n];
        let next_free = kept.get(n + 1).is_none_or(|d| d.first > c.last);
        let compass = v
            .get(c.last)
            .is_some_and(|t| t.gap && COMPASS.contains(&t.text));
        let ends = v
            .get(c.last + 1)
            .is_none_or(|t| !t.shape.cap || t.shape.punct || t.line_start);
        if c.kind == Kind::Gpe && next_free && compass && ends {
            kept[n].last += 1;
            kept[n].origin = Origin::Pattern;
        }
        n += 1;
    }
}

/// One or two capitalised words (hyphen compounds kept whole) that could be a place name.
fn name_at(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<usize> {
    let word = |t: &View<'_>| {
        t.shape.cap
            && t.shape.alpha
            && !(t.shape.upper && t.text.len() > 1)
            && !lex.has(t.text, class::STOP | class::SOFT | class::TITLE)
    };
    let t = v.get(i)?;
    if !word(t) || t.sentence_start {
        return None;
    }
    // the start of the capitalised run: "Khan" in "Wazir Akbar Khan" names nothing alone
    if i > 0 && t.gap && !t.line_start && word(&v[i - 1]) {
        return None;
    }
    let mut end = i + 1;
    while end + 1 < v.len() && inner_hyphen(v, end) {
        end += 2;
    }
    if v.get(end).is_some_and(|t| word(t) && t.gap) {
        end += 1;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_places_by_their_context() {
        let text =
            "fighters took the town of Maungdaw and Zindajan district, but Police said Karachi";
        let lex = Lexicon::builtin();
        let got = crate::detect::candidate::found_texts(text, |v, out| apply(v, &lex, out));
        assert_eq!(got, ["Maungdaw", "Zindajan"]);
        let got = crate::detect::candidate::found_texts(
            "gunmen attacked the Garhi Momin police station, then the Tarkha and Shewa police stations, in the Mattani area",
            |v, out| apply(v, &lex, out),
        );
        assert_eq!(got, ["Garhi Momin", "Tarkha", "Shewa", "Mattani"]);
        let got = crate::detect::candidate::found_texts(
            "Shewa residents fled. Troops entered Zindajan district, and Zindajan elders met. Zindajan Road.",
            |v, out| apply(v, &lex, out),
        );
        assert_eq!(got, ["Zindajan", "Zindajan"]);
        // the last word of a longer capitalised run is no place on its own
        let got = crate::detect::candidate::found_texts(
            "buildings in the Wazir Akbar Khan neighborhoods",
            |v, out| apply(v, &lex, out),
        );
        assert!(got.is_empty(), "{got:?}");
        // a text cut off after "and" (pasted half an article) must not look past its end
        let got =
            crate::detect::candidate::found_texts("the crossing between Zindajan and", |v, out| {
                apply(v, &lex, out)
            });
        assert!(got.len() <= 1, "{got:?}");
    }

    #[test]
    fn a_name_read_as_a_person_before_a_place_noun_is_the_place() {
        let text = "Checkpoints went up in the Jacques Cartier neighborhood, Jacques Cartier said.";
        let pipeline = crate::detect::Pipeline::full();
        let spans = pipeline.detect(text, &crate::token::tokenize(text));
        let got: Vec<(String, &str)> = spans
            .iter()
            .map(|s| {
                let words: String = text.chars().skip(s.start).take(s.end - s.start).collect();
                (words, s.label.as_str())
            })
            .collect();
        assert_eq!(
            got,
            [
                ("Jacques Cartier".to_string(), "GPE"),
                ("Jacques Cartier".to_string(), "PERSON")
            ]
        );
    }

    #[test]
    fn unknown_names_before_facility_nouns_are_facilities() {
        let text =
            "inmates of the Adiala-e-Khas prison crossed the Zardalu bridge; a Lahore mosque";
        let lex = Lexicon::builtin();
        let toks = crate::token::tokenize(text);
        let v = crate::detect::words::views(text, &toks);
        let mut kept = Vec::new();
        crate::detect::gazetteer::find(&v, text, &lex, &mut kept);
        kept = crate::detect::candidate::merge(&v, kept);
        apply(&v, &lex, &mut kept);
        let got: Vec<(&str, Kind)> = kept
            .iter()
            .map(|c| (&text[v[c.first].byte_start..v[c.last - 1].byte_end], c.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Adiala-e-Khas", Kind::Fac),
                ("Zardalu", Kind::Fac),
                ("Lahore", Kind::Gpe)
            ]
        );
    }

    #[test]
    fn compass_words_end_district_names() {
        let text = "curfew in Karachi West and Lahore, West Bank clashes, Kabul North\nKabul";
        let lex = Lexicon::builtin();
        let got = crate::detect::candidate::found_texts(text, |v, out| {
            crate::detect::gazetteer::find(v, text, &lex, out);
            *out = crate::detect::candidate::merge(v, std::mem::take(out));
            apply(v, &lex, out);
        });
        assert!(got.contains(&"Karachi West".to_string()), "{got:?}");
        assert!(got.contains(&"Kabul North".to_string()), "{got:?}");
        assert!(got.contains(&"Lahore".to_string()), "{got:?}");
        assert!(!got.iter().any(|g| g.starts_with("Lahore ")), "{got:?}");
    }
}
