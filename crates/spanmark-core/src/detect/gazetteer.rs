//! Gazetteer detector: countries, regions, cities, nationalities, known organisations and places,
//! matched longest-first over tokens (case-sensitive; ALL-CAPS datelines matched as title case).

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::Lexicon;
use super::words::{lines, title_case, View};
use crate::span::Origin;
use crate::token::chars::without_accents;

pub fn find(v: &[View<'_>], text: &str, lex: &Lexicon, out: &mut Vec<Candidate>) {
    let loud = shouted_lines(v);
    let mut i = 0;
    while i < v.len() {
        let t = &v[i];
        if t.shape.punct {
            i += 1;
            continue;
        }
        if let Some((end, kind)) = match_at(v, text, lex, i, loud[i]) {
            let end = extend_region(v, end, kind);
            out.push(Candidate::new(
                i,
                end,
                kind,
                Origin::Gazetteer,
                rank::GAZETTEER,
            ));
            i = end;
        } else {
            i += 1;
        }
    }
}

/// The longest gazetteer phrase starting at token `i`: (end token, kind).
fn match_at(
    v: &[View<'_>],
    text: &str,
    lex: &Lexicon,
    i: usize,
    loud_line: bool,
) -> Option<(usize, Kind)> {
    let t = &v[i];
    let mut max = lex.longest_from(t.text);
    // ALL-CAPS place names only in datelines: "PESHAWAR, Pakistan", "NEW DELHI —", and the
    // second city of a two-city dateline: "KABUL/ISLAMABAD"; and any word of an all-caps
    // headline ("12 MAOISTS KILLED IN BIJAPUR ENCOUNTER")
    let second_city =
        i >= 2 && v[i - 1].text == "/" && !v[i - 1].gap && !t.gap && v[i - 2].shape.upper;
    let shouted =
        t.shape.upper && t.text.chars().count() >= 3 && (t.line_start || second_city || loud_line);
    let titled = if shouted && max == 0 {
        title_case(t.text)
    } else {
        String::new()
    };
    if shouted && max == 0 {
        max = lex.longest_from(&titled);
    }
    // the lists hold names without accents: "Belém", "Osnabrück" are found as "Belem", "Osnabruck"
    if max == 0 {
        max = without_accents(t.text).map_or(0, |p| lex.longest_from(&p));
    }
    if max == 0 {
        return None;
    }
    for n in (1..=max.min(v.len() - i)).rev() {
        let last = &v[i + n - 1];
        if n > 1 && v[i + 1..i + n].iter().any(|w| w.line_start) {
            continue;
        }
        let phrase = &text[t.byte_start..last.byte_end];
        let kind = lex
            .name(phrase)
            .or_else(|| without_accents(phrase).and_then(|p| lex.name(&p)));
        if let Some(kind) = kind {
            if short_acronym_in_shouting(v, i, i + n, kind) {
                continue;
            }
            return Some((i + n, kind));
        }
        if shouted {
            if let Some(kind @ (Kind::Gpe | Kind::Loc | Kind::Norp)) = lex.name(&title_case(phrase))
            {
                return Some((i + n, kind));
            }
        }
    }
    None
}

/// For each token: whether its line is written in capitals (at least three all-caps words and
/// no word with a lowercase letter), as headlines and kickers often are.
fn shouted_lines(v: &[View<'_>]) -> Vec<bool> {
    let mut loud = vec![false; v.len()];
    for (start, end) in lines(v) {
        let words = v[start..end].iter().filter(|t| t.shape.alpha);
        let (mut upper, mut lower) = (0, 0);
        for t in words {
            if t.shape.upper {
                upper += 1;
            } else {
                lower += 1;
            }
        }
        if upper >= 3 && lower == 0 {
            loud[start..end].iter_mut().for_each(|l| *l = true);
        }
    }
    loud
}

/// "WHO", "IS", "AP" inside an all-caps headline are words, not organisations.
fn short_acronym_in_shouting(v: &[View<'_>], first: usize, end: usize, kind: Kind) -> bool {
    if kind != Kind::Org || end - first != 1 || !v[first].shape.upper || v[first].text.len() > 3 {
        return false;
    }
    let loud = |w: Option<&View<'_>>| {
        w.is_some_and(|w| w.shape.upper && w.shape.alpha && w.text.len() >= 4)
    };
    loud(first.checked_sub(1).and_then(|p| v.get(p))) || loud(v.get(end))
}

/// A capitalised "Province" (or "City", "Oblast", "Governorate", ...) after a region's name is part
/// of it: "Punjab Province", "Donetsk Oblast", "Krasnodar Krai", "Idlib Governorate".
fn extend_region(v: &[View<'_>], end: usize, kind: Kind) -> usize {
    if kind == Kind::Gpe
        && v.get(end).is_some_and(|n| {
            // not across a line break: "... near Sibi\nProvince | Attacks" (a table header)
            !n.line_start
                && matches!(
                    n.text,
                    "Province"
                        | "City"
                        | "District"
                        | "State"
                        | "Oblast"
                        | "Krai"
                        | "Governorate"
                        | "Prefecture"
                )
        })
    {
        end + 1
    } else {
        end
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    fn run(text: &str) -> Vec<(String, Kind)> {
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let mut out = Vec::new();
        find(&v, text, &lex, &mut out);
        out.iter()
            .map(|c| {
                (
                    text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string(),
                    c.kind,
                )
            })
            .collect()
    }

    #[test]
    fn names_written_with_accents_match_the_lists_without() {
        let got = run("Talks in Bogotá, Brasília and Reykjavík; Curaçao and Türkiye.");
        for place in ["Bogotá", "Brasília", "Reykjavík", "Curaçao", "Türkiye"] {
            assert!(got.contains(&(place.into(), Kind::Gpe)), "{place}: {got:?}");
        }
    }

    #[test]
    fn places_nationalities_and_spellings() {
        let got = run("PESHAWAR, Pakistan — Afghan troops in Khyber Pakhtunkhwa and Baluchistan; Lahore-based Punjab Province.");
        assert!(got.contains(&("PESHAWAR".into(), Kind::Gpe)), "{got:?}");
        assert!(got.contains(&("Pakistan".into(), Kind::Gpe)));
        assert!(got.contains(&("Afghan".into(), Kind::Norp)));
        assert!(got.contains(&("Khyber Pakhtunkhwa".into(), Kind::Gpe)));
        assert!(got.contains(&("Baluchistan".into(), Kind::Gpe)));
        assert!(got.contains(&("Lahore".into(), Kind::Gpe)));
        assert!(got.contains(&("Punjab Province".into(), Kind::Gpe)));
    }

    #[test]
    fn oblasts_and_governorates_keep_their_capitalised_suffix() {
        let got =
            run("Shelling in Kharkiv Oblast and Krasnodar Krai; aid reached Idlib Governorate.");
        assert!(
            got.contains(&("Kharkiv Oblast".into(), Kind::Gpe)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Krasnodar Krai".into(), Kind::Gpe)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Idlib Governorate".into(), Kind::Gpe)),
            "{got:?}"
        );
        let got = run("Attack near Sibi\nProvince | Attacks\nSindh | 4");
        assert!(got.contains(&("Sibi".into(), Kind::Gpe)), "{got:?}");
    }

    #[test]
    fn two_city_datelines() {
        let text = "WASHINGTON/BEIJING, May 3 (Reuters) - the TRADE/DEFENCE talks";
        let lex = Lexicon::builtin();
        let got = crate::detect::candidate::found_texts(text, |v, out| find(v, text, &lex, out));
        assert!(got.contains(&"BEIJING".to_string()), "{got:?}");
        assert!(!got.iter().any(|g| g == "DEFENCE"), "{got:?}");
    }

    #[test]
    fn all_caps_headlines_are_read_as_title_case() {
        let got = run("AFGHAN TRADERS STUCK AT TORKHAM AS TALKS FAIL\nTrucks waited in Peshawar.");
        assert!(got.contains(&("AFGHAN".into(), Kind::Norp)), "{got:?}");
        assert!(got.contains(&("TORKHAM".into(), Kind::Gpe)), "{got:?}");
        // one shouted word in a normal line is not read
        let got = run("Trucks waited, the TORKHAM office said.");
        assert!(!got.iter().any(|(s, _)| s == "TORKHAM"), "{got:?}");
    }

    #[test]
    fn broadcasters_language_services_rights_monitors_and_naxalites() {
        let got = run("VOA Dari and Hengaw said Naxalites fled, IANS reported.");
        assert!(got.contains(&("VOA Dari".into(), Kind::Org)), "{got:?}");
        assert!(got.contains(&("Hengaw".into(), Kind::Org)), "{got:?}");
        assert!(got.contains(&("Naxalites".into(), Kind::Norp)), "{got:?}");
        assert!(got.contains(&("IANS".into(), Kind::Org)), "{got:?}");
    }

    #[test]
    fn lowercase_words_and_shouting_acronyms_are_left_alone() {
        let got = run("the punjab police said WHO CARES about the TTP");
        assert!(!got.iter().any(|(s, _)| s == "WHO"), "{got:?}");
        assert!(got.contains(&("TTP".into(), Kind::Org)));
        assert!(!got.iter().any(|(s, _)| s == "punjab"));
    }
}
