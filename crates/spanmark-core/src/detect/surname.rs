//! Later-mention pass over merged suggestions: once "Rana Sanaullah" is a person, a standalone
//! "Sanaullah" elsewhere in the same text is the same person (hyphenated family names too, and
//! East Asian family names written first: "Mao Ning" → "Mao").

use std::collections::HashMap;

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::words::{inner_hyphen, View};
use crate::span::Origin;

pub fn apply(v: &[View<'_>], text: &str, lex: &Lexicon, kept: &mut Vec<Candidate>) {
    // first token of a family name → (the whole family name, its token count)
    let mut names: HashMap<&str, (&str, usize)> = HashMap::new();
    // after a title a single word is a name too ("Sheikh Hasina" → "Hasina")
    for c in kept
        .iter()
        .filter(|c| c.kind == Kind::Person && (c.last - c.first >= 2 || c.rank == rank::TITLE))
    {
        let mut first = c.last - 1;
        while first >= c.first + 2 && inner_hyphen(v, first - 1) {
            first -= 2;
        }
        if first == c.first && c.rank != rank::TITLE {
            continue;
        }
        let head = &v[first];
        if head.shape.cap && head.text.chars().count() >= 3 && !lex.has(head.text, class::PARTICLE)
        {
            names.insert(
                head.text,
                (
                    &text[head.byte_start..v[c.last - 1].byte_end],
                    c.last - first,
                ),
            );
        }
    }
    // "Mao Ning" ... "Mao said": an East Asian family name comes first and is used alone
    for c in kept
        .iter()
        .filter(|c| c.kind == Kind::Person && c.last - c.first >= 2)
    {
        let head = &v[c.first];
        if lex.has(head.text, class::FAMILY_FIRST) {
            names.insert(head.text, (&text[head.byte_start..head.byte_end], 1));
        }
    }
    if names.is_empty() {
        return;
    }
    // a known person's family name beats a one-word place of the same spelling ("Yunus")
    kept.retain(|c| {
        let single_place =
            c.kind == Kind::Gpe && c.last == c.first + 1 && c.origin == Origin::Rule("gazetteer");
        !(single_place && names.get(v[c.first].text).is_some_and(|(_, n)| *n == 1))
    });
    let mut covered = vec![false; v.len()];
    for c in kept.iter() {
        covered[c.first..c.last].iter_mut().for_each(|x| *x = true);
    }
    let mut added = Vec::new();
    let mut k = 0;
    while k < v.len() {
        let Some(&(family, n)) = names.get(v[k].text) else {
            k += 1;
            continue;
        };
        let end = k + n;
        if end > v.len()
            || covered[k..end].iter().any(|c| *c)
            || &text[v[k].byte_start..v[end - 1].byte_end] != family
        {
            k += 1;
            continue;
        }
        // standalone: not inside another capitalised run or hyphen compound
        let cap_before = k > 0
            && v[k - 1].shape.cap
            && !v[k - 1].shape.punct
            && !lex.has(v[k - 1].text, class::TITLE)
            && !v[k].sentence_start
            && v[k].gap;
        let cap_after = v.get(end).is_some_and(|a| a.shape.cap && a.gap);
        let glued = inner_hyphen(v, end) || (k > 0 && inner_hyphen(v, k - 1));
        if !cap_before && !cap_after && !glued {
            added.push(Candidate::new(
                k,
                end,
                Kind::Person,
                Origin::Pattern,
                rank::SURNAME,
            ));
        }
        k = end;
    }
    kept.extend(added);
    kept.sort_by_key(|c| c.first);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::words::views;
    use crate::token::tokenize;

    #[test]
    fn east_asian_family_name_comes_first() {
        let text = "Premier Wang Lei arrived. Wang told reporters, and Lei Street was closed.";
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let wang = v.iter().position(|t| t.text == "Wang").unwrap();
        let mut kept = vec![Candidate::new(
            wang,
            wang + 2,
            Kind::Person,
            Origin::Pattern,
            rank::TITLE,
        )];
        apply(&v, text, &lex, &mut kept);
        let got: Vec<&str> = kept
            .iter()
            .map(|c| &text[v[c.first].byte_start..v[c.last - 1].byte_end])
            .collect();
        assert_eq!(got, ["Wang Lei", "Wang"]);
    }

    #[test]
    fn later_mentions_by_family_name() {
        let text = "Minister Hossein Amir-Abdollahian met Rana Sanaullah. Sanaullah said Amir-Abdollahian's visit and Sanaullah Khan Street";
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let span = |a: &str| {
            let s = v
                .iter()
                .position(|t| t.text == a.split(['-', ' ']).next().unwrap())
                .unwrap();
            s
        };
        let hossein = span("Hossein");
        let rana = span("Rana");
        let mut kept = vec![
            Candidate::new(
                hossein,
                hossein + 4,
                Kind::Person,
                Origin::Pattern,
                rank::TITLE,
            ),
            Candidate::new(
                rana,
                rana + 2,
                Kind::Person,
                Origin::Pattern,
                rank::GIVEN_NAME,
            ),
        ];
        apply(&v, text, &lex, &mut kept);
        let got: Vec<&str> = kept
            .iter()
            .map(|c| &text[v[c.first].byte_start..v[c.last - 1].byte_end])
            .collect();
        assert_eq!(
            got,
            [
                "Hossein Amir-Abdollahian",
                "Rana Sanaullah",
                "Sanaullah",
                "Amir-Abdollahian"
            ]
        );
    }
}
