//! Coordinated-name pass: in "detained Najibullah Sadiq and Farid Ahmad Rahimi" the two- or
//! three-word capitalised name after a person's "and" is a person too.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::Lexicon;
use super::runs::person_run;
use super::words::View;
use crate::span::Origin;

pub fn apply(v: &[View<'_>], text: &str, lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let after_and = |c: &Candidate| {
        c.kind == Kind::Person
            && c.last - c.first >= 2
            && v.get(c.last).is_some_and(|t| t.text == "and")
    };
    if !kept.iter().any(after_and) {
        return;
    }
    let mut covered = vec![false; v.len()];
    for c in kept.iter() {
        covered[c.first..c.last].iter_mut().for_each(|x| *x = true);
    }
    let mut added = Vec::new();
    for c in kept.iter() {
        if c.kind != Kind::Person
            || c.last - c.first < 2
            || v.get(c.last).is_none_or(|t| t.text != "and")
        {
            continue;
        }
        let start = c.last + 1;
        let Some((end, words)) = person_run(v, lex, start) else {
            continue;
        };
        let phrase = &text[v[start].byte_start..v[end - 1].byte_end];
        let complete = v
            .get(end)
            .is_none_or(|t| !(t.shape.cap && t.shape.alpha) || t.line_start);
        let known =
            lex.name(phrase).is_some() || lex.name(v[start].text).is_some_and(|k| k.is_name());
        if (2..=3).contains(&words) && complete && !known && !covered[start..end].iter().any(|x| *x)
        {
            added.push(Candidate::new(
                start,
                end,
                Kind::Person,
                Origin::Pattern,
                rank::CONTEXT,
            ));
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
    use crate::detect::candidate::texts_after_people;

    fn run(text: &str) -> Vec<String> {
        texts_after_people(text, |v, lex, out| apply(v, text, lex, out))
    }

    #[test]
    fn a_name_after_a_persons_and_is_a_person() {
        let got = run("Guards held Imran Khan and Zarmina Wakhil Tareen overnight.");
        assert!(
            got.contains(&"Zarmina Wakhil Tareen".to_string()),
            "{got:?}"
        );
        let got = run("Guards held Imran Khan and Khyber Pakhtunkhwa police officers.");
        assert!(
            !got.iter()
                .any(|g| g.contains("Khyber") && g != "Khyber Pakhtunkhwa"),
            "{got:?}"
        );
    }
}
