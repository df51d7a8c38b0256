//! Names the news schema has no label for: a vessel after its ship prefix ("USS Harry S. Truman",
//! "INS Vikrant") and a military operation ("Operation Prosperity Guardian") are no person or place.

use super::candidate::Candidate;
use super::kind::Kind;
use super::words::{inner_hyphen, View};

/// Prefixes navies and registries put before a ship's name.
const PREFIXES: &[&str] = &[
    "USS", "USNS", "HMS", "HMAS", "HMCS", "INS", "PNS", "MV", "M/V", "RFS", "FS", "HNLMS", "ROKS",
];

pub fn apply(v: &[View<'_>], kept: &mut Vec<Candidate>) {
    let operations = operation_names(v);
    kept.retain(|c| {
        let after_prefix = c.first > 0 && PREFIXES.contains(&v[c.first - 1].text);
        // "PNS Babur" is a ship, "the USS" alone or "USS-made" are not names
        let vessel = after_prefix && v[c.first].gap && v[c.first - 1].shape.upper;
        let operation = operations
            .iter()
            .any(|&(s, e)| c.first >= s && c.last <= e && c.kind != Kind::Org);
        !(vessel || operation)
    });
}

/// Token ranges of "Operation" and the capitalised name after it ("Operation Zarb-e-Azb",
/// "Operation Hadin Kai"), up to four words and their hyphen compounds.
fn operation_names(v: &[View<'_>]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for i in 0..v.len().saturating_sub(1) {
        if v[i].text != "Operation" || !v[i + 1].shape.cap || !v[i + 1].gap {
            continue;
        }
        let mut end = i + 1;
        let mut words = 0;
        while end < v.len() && words < 4 && v[end].shape.cap && !v[end].shape.punct {
            end += 1;
            words += 1;
            while inner_hyphen(v, end) {
                end += 2;
            }
        }
        found.push((i, end));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::rank;
    use crate::span::Origin;

    #[test]
    fn names_after_ship_prefixes_are_dropped() {
        let text = "the destroyer USS Carney and HMS Diamond escorted ships for Carney Logistics";
        let toks = crate::token::tokenize(text);
        let v = crate::detect::words::views(text, &toks);
        let at = |w: &str| v.iter().rposition(|t| t.text == w).unwrap();
        let person = |i: usize, n: usize| {
            Candidate::new(i, i + n, Kind::Person, Origin::Pattern, rank::SURNAME)
        };
        let mut kept = vec![
            person(v.iter().position(|t| t.text == "Carney").unwrap(), 1),
            person(at("Diamond"), 1),
            person(at("Carney"), 2),
        ];
        apply(&v, &mut kept);
        let got: Vec<&str> = kept.iter().map(|c| v[c.first].text).collect();
        assert_eq!(got, ["Carney"]);
        assert_eq!(kept[0].first, at("Carney"));
    }

    #[test]
    fn names_of_operations_are_dropped() {
        let text = "troops of Operation Rah-e-Rast Kilo swept Swat while Kilo Mir waited";
        let toks = crate::token::tokenize(text);
        let v = crate::detect::words::views(text, &toks);
        let at = |w: &str| v.iter().position(|t| t.text == w).unwrap();
        let mut kept = vec![
            Candidate::new(
                at("Kilo"),
                at("Kilo") + 1,
                Kind::Gpe,
                Origin::Pattern,
                rank::GAZETTEER,
            ),
            Candidate::new(
                at("Swat"),
                at("Swat") + 1,
                Kind::Gpe,
                Origin::Pattern,
                rank::GAZETTEER,
            ),
            Candidate::new(
                at("Mir") - 1,
                at("Mir") + 1,
                Kind::Person,
                Origin::Pattern,
                rank::SURNAME,
            ),
        ];
        apply(&v, &mut kept);
        let got: Vec<&str> = kept.iter().map(|c| v[c.first].text).collect();
        assert_eq!(got, ["Swat", "Kilo"]);
    }
}
