//! A detector's proposal over a run of tokens, and the precedence merge that turns overlapping
//! proposals into non-overlapping spans: the longer proposal wins, then the stronger rule.

use super::kind::Kind;
use super::lexicon::Lexicon;
use super::words::View;
use crate::span::{Origin, Span};

/// Rule strength for ties between proposals of the same length (lower wins).
pub mod rank {
    pub const GAZETTEER: u8 = 0;
    pub const ACRONYM: u8 = 1;
    pub const DATE: u8 = 2;
    pub const CARDINAL: u8 = 3;
    pub const SHAPE: u8 = 4;
    pub const TITLE: u8 = 5;
    pub const GIVEN_NAME: u8 = 6;
    pub const CONTEXT: u8 = 7;
    pub const SURNAME: u8 = 8;
}

/// Tokens `first..last` (token indices, end exclusive) proposed as `kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub first: usize,
    pub last: usize,
    pub kind: Kind,
    pub origin: Origin,
    pub rank: u8,
}

impl Candidate {
    pub fn new(first: usize, last: usize, kind: Kind, origin: Origin, rank: u8) -> Candidate {
        Candidate {
            first,
            last,
            kind,
            origin,
            rank,
        }
    }

    pub fn to_span(self, v: &[View<'_>], lex: &Lexicon) -> Span {
        Span::suggested(
            v[self.first].start,
            v[self.last - 1].end,
            lex.label(self.kind),
            self.origin,
        )
    }
}

/// Keeps the longest proposals (in characters), then the stronger rule, then the earlier one;
/// drops whatever overlaps a kept one. Deterministic; the result is sorted by position.
pub fn merge(v: &[View<'_>], mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    candidates.retain(|c| c.first < c.last && c.last <= v.len());
    let chars = |c: &Candidate| v[c.last - 1].end - v[c.first].start;
    candidates.sort_by(|a, b| {
        chars(b)
            .cmp(&chars(a))
            .then(a.rank.cmp(&b.rank))
            .then(a.first.cmp(&b.first))
            .then(a.kind.cmp(&b.kind))
    });
    let mut taken = vec![false; v.len()];
    let mut kept = Vec::with_capacity(candidates.len());
    for c in candidates {
        if taken[c.first..c.last].iter().any(|t| *t) {
            continue;
        }
        taken[c.first..c.last].iter_mut().for_each(|t| *t = true);
        kept.push(c);
    }
    kept.sort_by_key(|c| c.first);
    kept
}

/// For detector tests: the texts of what one detector's `find` proposes for `text`.
#[cfg(test)]
pub(crate) fn found_texts(
    text: &str,
    find: impl Fn(&[crate::detect::words::View<'_>], &mut Vec<Candidate>),
) -> Vec<String> {
    let toks = crate::token::tokenize(text);
    let v = crate::detect::words::views(text, &toks);
    let mut out = Vec::new();
    find(&v, &mut out);
    out.iter()
        .map(|c| text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string())
        .collect()
}

/// For tests of a pass over merged suggestions: the texts kept after the gazetteer and the
/// person rules have run over `text`, their candidates merged, and `pass` has run (with the
/// compiled-in lists).
#[cfg(test)]
pub(crate) fn texts_after_people(
    text: &str,
    pass: impl Fn(&[crate::detect::words::View<'_>], &super::lexicon::Lexicon, &mut Vec<Candidate>),
) -> Vec<String> {
    let lex = super::lexicon::Lexicon::builtin();
    found_texts(text, |v, out| {
        let mut found = Vec::new();
        super::gazetteer::find(v, text, &lex, &mut found);
        super::person::find(v, text, &lex, &mut found);
        *out = merge(v, found);
        pass(v, &lex, out);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    #[test]
    fn longest_then_strongest_wins_and_result_is_sorted() {
        let text = "Pakistan Air Force jets hit Kabul";
        let toks = tokenize(text);
        let v = views(text, &toks);
        let kept = merge(
            &v,
            vec![
                Candidate::new(5, 6, Kind::Gpe, Origin::Gazetteer, rank::GAZETTEER),
                Candidate::new(0, 1, Kind::Gpe, Origin::Gazetteer, rank::GAZETTEER),
                Candidate::new(0, 3, Kind::Org, Origin::Pattern, rank::SHAPE),
                Candidate::new(5, 6, Kind::Person, Origin::Pattern, rank::SURNAME),
                Candidate::new(4, 9, Kind::Org, Origin::Pattern, rank::SHAPE), // out of range: dropped
            ],
        );
        assert_eq!(kept.len(), 2);
        assert_eq!(
            (kept[0].first, kept[0].last, kept[0].kind),
            (0, 3, Kind::Org)
        );
        assert_eq!((kept[1].first, kept[1].kind), (5, Kind::Gpe));
    }
}
