//! Place-context pass over merged suggestions: a capitalised name the gazetteers do not know is
//! still a GPE in "the town of Maungdaw", "Zindajan district" or "Rakhine state".

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
    "district", "province", "tehsil", "county", "state", "region", "town", "village", "city",
];

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut covered = vec![false; v.len()];
    for c in kept.iter() {
        covered[c.first..c.last].iter_mut().for_each(|x| *x = true);
    }
    let mut added = Vec::new();
    let mut i = 0;
    while i < v.len() {
        let Some(end) = name_at(v, lex, i) else {
            i += 1;
            continue;
        };
        let free = !covered[i..end].iter().any(|c| *c);
        let after_of = i >= 2 && v[i - 1].text == "of" && BEFORE_OF.contains(&v[i - 2].text);
        let before_noun = v.get(end).is_some_and(|n| AFTER.contains(&n.text) && n.gap);
        if free && (after_of || before_noun) {
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
    kept.extend(added);
    kept.sort_by_key(|c| c.first);
}

/// One or two capitalised words (hyphen compounds kept whole) that could be a place name.
fn name_at(v: &[View<'_>], lex: &Lexicon, i: usize) -> Option<usize> {
    let word = |t: &View<'_>| {
        t.shape.cap
            && t.shape.alpha
            && !(t.shape.upper && t.text.len() > 1)
            && !lex.has(t.text, class::STOP | class::SOFT | class::TITLE)
    };
    if !word(&v[i]) || v[i].sentence_start {
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
    }
}
