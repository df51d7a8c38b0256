//! Ship names: the name after a ship prefix ("USS Harry S. Truman", "HMS Diamond", "INS Vikrant")
//! is a vessel, which the news schema has no label for, so it is not a person or a place.

use super::candidate::Candidate;
use super::words::View;

/// Prefixes navies and registries put before a ship's name.
const PREFIXES: &[&str] = &[
    "USS", "USNS", "HMS", "HMAS", "HMCS", "INS", "PNS", "MV", "M/V", "RFS", "FS", "HNLMS", "ROKS",
];

pub fn apply(v: &[View<'_>], kept: &mut Vec<Candidate>) {
    kept.retain(|c| {
        let after_prefix = c.first > 0 && PREFIXES.contains(&v[c.first - 1].text);
        // "PNS Babur" is a ship, "the USS" alone or "USS-made" are not names
        !(after_prefix && v[c.first].gap && v[c.first - 1].shape.upper)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::rank;
    use crate::detect::kind::Kind;
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
}
