//! Companies by their form: a capitalised name ending in a legal form or a corporate head
//! ("Volkswagen AG", "Shell plc", "Nomura Holdings", "Qatar Airways") is an organisation.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::runs::{org_run_back, past_descriptions};
use super::take_over::place_all;
use super::words::View;
use crate::span::Origin;

/// Forms that are words too: they close a name only after at least two name words, or one
/// that is not a place ("Sony Group" yes, "the Kabul Group"… rare, but "Group of Seven" no).
const WORDY: &[&str] = &[
    "Group",
    "Capital",
    "Partners",
    "Industries",
    "Motors",
    "Holding",
    "Co",
    "SA",
    "AS",
    "SE",
    "AB",
    "Limited",
    "Corporation",
    "Electronics",
    "Technologies",
    "Energies",
    "Petroleum",
];

fn form<'t>(lex: &Lexicon, text: &'t str) -> Option<&'t str> {
    let t = text.strip_suffix('.').unwrap_or(text);
    lex.has(t, class::COMPANY_FORM).then_some(t)
}

/// Start of the company name that ends with the form at token `i`, if one does.
fn name_before(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<usize> {
    let mut start = org_run_back(v, lex, i, 5, false);
    // "Procter & Gamble Co", "Legal & General Investment Management"
    while start >= 2 && matches!(v[start - 1].text, "&") && v[start - 2].shape.cap {
        let before = org_run_back(v, lex, start - 1, 4, false);
        if before == start - 1 {
            break;
        }
        start = before;
    }
    let start = past_descriptions(v, start, i);
    if start >= i || v[i].line_start {
        return None;
    }
    let words = i - start;
    let f = form(lex, v[i].text)?;
    // "A/S": the slash form is three tokens; "SA" after one word is often a country code
    if WORDY.contains(&f) && words < 2 && !v[start].shape.upper {
        let known_place = lex
            .name(v[start].text)
            .is_some_and(|k| matches!(k, Kind::Gpe | Kind::Loc));
        if known_place || v[start].sentence_start {
            return None;
        }
    }
    Some(start)
}

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut found = Vec::new();
    for i in 1..v.len() {
        if !v[i].gap || form(lex, v[i].text).is_none() {
            continue;
        }
        // "the Group of Seven", "Group of 20": a form followed by "of" opens a longer name
        if v.get(i + 1).is_some_and(|t| t.text == "of") {
            continue;
        }
        if let Some(start) = name_before(v, lex, i) {
            found.push(Candidate::new(
                start,
                i + 1,
                Kind::Org,
                Origin::Pattern,
                rank::CONTEXT,
            ));
        }
    }
    // "Bavarian Nordic A/S"
    for i in 2..v.len() {
        if v[i - 2].text == "A"
            && v[i - 1].text == "/"
            && matches!(v[i].text, "S" | "S.")
            && !v[i].gap
        {
            let start = org_run_back(v, lex, i - 2, 4, false);
            if start < i - 2 {
                found.push(Candidate::new(
                    start,
                    i + 1,
                    Kind::Org,
                    Origin::Pattern,
                    rank::CONTEXT,
                ));
            }
        }
    }
    // a longer name already found stays ("Mitsubishi UFJ Financial Group" as a whole)
    place_all(kept, found, |o, c| {
        o.first <= c.first && o.last >= c.last && o.last - o.first > c.last - c.first
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::texts_after_people;

    #[test]
    fn names_ending_in_legal_forms_are_companies() {
        let text = "Shares of Halvorsen Maritime ASA rose, while Kestrel Foods Ltd and Ocampo Mining Corp fell; Brandt & Wollner GmbH said Orsolya Tech Group would buy Tallin Nordic A/S on Monday.";
        let got = texts_after_people(text, apply);
        for name in [
            "Halvorsen Maritime ASA",
            "Kestrel Foods Ltd",
            "Ocampo Mining Corp",
            "Brandt & Wollner GmbH",
            "Orsolya Tech Group",
            "Tallin Nordic A/S",
        ] {
            assert!(got.iter().any(|g| g == name), "{name} missing from {got:?}");
        }
        let text = "Rivals Microsoft Corp and Alphabet Inc reported on Tuesday.";
        let got = texts_after_people(text, apply);
        assert!(got.iter().any(|g| g == "Microsoft Corp"), "{got:?}");
        assert!(!got.iter().any(|g| g.starts_with("Rivals")), "{got:?}");
    }

    #[test]
    fn group_of_and_a_place_before_a_wordy_form_are_not_companies() {
        let text = "Leaders of the Group of Seven met. Fighters in Kabul Group rallies.";
        let got = texts_after_people(text, apply);
        assert!(!got.iter().any(|g| g.contains("Group")), "{got:?}");
    }
}
