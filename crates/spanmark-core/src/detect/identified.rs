//! Casualty-list pass: after "identified as" or "named as" the names listed ("were identified
//! as Zubair, Hamza and Abdul Wahab") are persons, even where one reads as a small place.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::Lexicon;
use super::runs::person_run;
use super::words::View;
use crate::span::Origin;

pub fn apply(v: &[View<'_>], text: &str, lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let mut added: Vec<Candidate> = Vec::new();
    for k in 1..v.len() {
        if v[k].text != "as" || !matches!(v[k - 1].text, "identified" | "named") {
            continue;
        }
        let mut start = k + 1;
        while let Some((end, words)) = person_run(v, lex, start) {
            if words > 4 || v[start..end].iter().any(|t| t.line_start) {
                break;
            }
            let phrase = &text[v[start].byte_start..v[end - 1].byte_end];
            let known = lex.name(phrase).is_some_and(|kind| kind != Kind::Person);
            // a one-word guess may give way, but not a well-known place ("named as Pakistan's")
            let yields = |c: &Candidate| {
                c.last <= start
                    || c.first >= end
                    || (c.last - c.first == 1
                        && matches!(c.kind, Kind::Gpe | Kind::Person)
                        && !lex.is_core_place(v[c.first].text)
                        && c.first >= start
                        && c.last <= end)
            };
            if (known && end - start > 1) || !kept.iter().all(yields) {
                break;
            }
            if known && lex.is_core_place(phrase) {
                break;
            }
            added.push(Candidate::new(
                start,
                end,
                Kind::Person,
                Origin::Pattern,
                rank::CONTEXT,
            ));
            match v.get(end).map(|t| t.text) {
                Some("," | "and") => start = end + 1,
                _ => break,
            }
            if v.get(start).is_some_and(|t| t.text == "and") {
                start += 1;
            }
        }
    }
    if added.is_empty() {
        return;
    }
    kept.retain(|c| !added.iter().any(|a| c.first < a.last && a.first < c.last));
    kept.extend(added);
    kept.sort_by_key(|c| c.first);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::texts_after_people;

    fn run(text: &str) -> Vec<String> {
        texts_after_people(text, |v, lex, out| {
            apply(v, text, lex, out);
            out.retain(|c| c.kind == Kind::Person);
        })
    }

    #[test]
    fn names_listed_after_identified_as_are_people() {
        let got = run("The dead were identified as Zarmina, Wakhil Tareen and Hamza.");
        assert!(got.contains(&"Zarmina".to_string()), "{got:?}");
        assert!(got.contains(&"Wakhil Tareen".to_string()), "{got:?}");
        assert!(got.contains(&"Hamza".to_string()), "{got:?}");
        let got = run("The men were identified as Afghan nationals from Kabul.");
        assert!(got.is_empty(), "{got:?}");
    }
}
