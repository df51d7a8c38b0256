//! Full-name repeat pass: once "Hunga Madvi" is a person, the same two or more words elsewhere
//! in the text (a headline, an "Also read:" line, a caption) are that person too.

use std::collections::HashMap;

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::words::View;
use crate::span::Origin;

pub fn apply(v: &[View<'_>], text: &str, kept: &mut Vec<Candidate>) {
    // first word → the full names starting with it, and their token counts
    let mut names: HashMap<&str, Vec<(&str, usize)>> = HashMap::new();
    for c in kept.iter() {
        let n = c.last - c.first;
        if c.kind == Kind::Person && n >= 2 {
            let s = &text[v[c.first].byte_start..v[c.last - 1].byte_end];
            let same = names.entry(v[c.first].text).or_default();
            if !same.iter().any(|(t, _)| *t == s) {
                same.push((s, n));
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut covered = vec![false; v.len()];
    for c in kept.iter() {
        covered[c.first..c.last].iter_mut().for_each(|x| *x = true);
    }
    let mut added = Vec::new();
    let mut k = 0;
    while k < v.len() {
        let Some(same) = v[k].shape.cap.then(|| names.get(v[k].text)).flatten() else {
            k += 1;
            continue;
        };
        let found = same.iter().find(|(s, n)| {
            let end = k + n;
            end <= v.len()
                && !covered[k..end].iter().any(|c| *c)
                && &text[v[k].byte_start..v[end - 1].byte_end] == *s
                // the whole name, not the start of a longer one ("Imran Khan Niazi")
                && !v.get(end).is_some_and(|t| t.shape.cap && t.shape.alpha && t.gap && !t.line_start)
        });
        match found {
            Some(&(_, n)) => {
                added.push(Candidate::new(
                    k,
                    k + n,
                    Kind::Person,
                    Origin::Pattern,
                    rank::SURNAME,
                ));
                k += n;
            }
            None => k += 1,
        }
    }
    if !added.is_empty() {
        kept.extend(added);
        kept.sort_by_key(|c| c.first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, first: (usize, usize)) -> Vec<String> {
        let toks = crate::token::tokenize(text);
        let v = crate::detect::words::views(text, &toks);
        let mut kept = vec![Candidate::new(
            first.0,
            first.1,
            Kind::Person,
            Origin::Pattern,
            rank::CONTEXT,
        )];
        apply(&v, text, &mut kept);
        kept.iter()
            .map(|c| text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string())
            .collect()
    }

    #[test]
    fn a_full_name_repeated_later_is_the_same_person() {
        let got = run(
            "Police named Ravi Kunjam. Also read: Who was Ravi Kunjam?",
            (2, 4),
        );
        assert_eq!(got, ["Ravi Kunjam", "Ravi Kunjam"]);
        let got = run(
            "Police named Ravi Kunjam. Ravi Kunjam Road was shut.",
            (2, 4),
        );
        assert_eq!(got, ["Ravi Kunjam"]);
    }
}
