//! One sense per discourse: a name the learner suggests in one place of a document is suggested
//! where the same name comes back in it — the same form, the same name in a capitals headline, a person's surname.

use std::collections::HashMap;

use super::bilou::covered_tokens;
use crate::span::{Origin, Span};
use crate::token::chars::unaccented;
use crate::token::{starts_upper, Token};

/// Copy the learner's names to the same form elsewhere in the text.
pub const SAME_FORM: u32 = 1;
/// Copy a person the learner suggests ("Geert Wilders") to the surname alone ("Wilders said").
pub const SURNAME: u32 = 2;
/// Copy any suggested name to the same name in capitals ("REEVES" in a headline).
pub const CAPITALS: u32 = 4;

/// Capitalised words that open a sentence before a name without being part of it.
const OPENERS: [&str; 16] = [
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "As", "After", "When", "While",
    "With", "By", "Then",
];

/// Longest name, in tokens, looked for again.
const LONGEST: usize = 5;

/// The letter without its accent, lowercased ("Č" → 'c'); others lowercased as they are.
fn base_letter(c: char) -> char {
    let plain = unaccented(c);
    plain.to_lowercase().next().unwrap_or(plain)
}

/// A name as it reads in capitals, accents dropped: "Pogačar" → "pogacar".
fn capitals_key(form: &str) -> String {
    form.chars().map(base_letter).collect()
}

/// Every letter a capital, at least two of them ("REEVES", not "A" or "Reeves").
fn shouted(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

fn is_learnt(s: &Span) -> bool {
    matches!(s.origin, Origin::Memory | Origin::Model)
}

/// A form and what to suggest there; `None` once two sources disagree on the label.
type Forms<'a> = HashMap<String, Option<&'a Span>>;

fn add<'a>(forms: &mut Forms<'a>, key: String, s: &'a Span) {
    let e = forms.entry(key).or_insert(Some(s));
    if e.is_some_and(|o| o.label != s.label) {
        *e = None;
    }
}

/// The spans to add to `merged` (sorted, non-overlapping suggestions of `text`): the same
/// names where the suggestions left the tokens free, as `switches` (`SAME_FORM` | `SURNAME` |
/// `CAPITALS`) allow. A plain form must stand alone (no capitalised word glued on either side on
/// the line), so "Manchester" is not copied into "Manchester United". Linear in the tokens.
pub fn same_names(text: &str, tokens: &[Token], merged: &[Span], switches: u32) -> Vec<Span> {
    if switches == 0 || merged.is_empty() {
        return Vec::new();
    }
    let word = |i: usize| &text[tokens[i].byte_start..tokens[i].byte_end];
    let piece = |a: usize, b: usize| &text[tokens[a].byte_start..tokens[b].byte_end];
    let mut covered = vec![false; tokens.len()];
    let mut plain: Forms<'_> = HashMap::new();
    let mut capitals: Forms<'_> = HashMap::new();
    for s in merged {
        let r = covered_tokens(tokens, s.start, s.end);
        // every suggestion's tokens are taken, the long ones too: a copy never overlaps one
        r.clone().for_each(|i| covered[i] = true);
        if r.is_empty() || r.len() > LONGEST {
            continue;
        }
        let form = piece(r.start, r.end - 1);
        if !starts_upper(form) {
            continue;
        }
        if switches & SAME_FORM != 0 && is_learnt(s) {
            add(&mut plain, form.to_string(), s);
        }
        if switches & CAPITALS != 0 {
            add(&mut capitals, capitals_key(form), s);
        }
        let last = word(r.end - 1);
        if switches & SURNAME != 0
            && is_learnt(s)
            && s.label == "PERSON"
            && r.len() >= 2
            && starts_upper(last)
            && last.chars().count() >= 3
        {
            add(&mut plain, last.to_string(), s);
            if switches & CAPITALS != 0 {
                add(&mut capitals, capitals_key(last), s);
            }
        }
    }
    // a capitalised word next to i on the same line (part of a longer name; not "The")
    let glued = |i: usize, j: usize| {
        let (a, b) = if i < j { (i, j) } else { (j, i) };
        starts_upper(word(j))
            && !(j < i && OPENERS.contains(&word(j)))
            && !text[tokens[a].byte_end..tokens[b].byte_start].contains('\n')
    };
    let mut out = Vec::new();
    if plain.is_empty() && capitals.is_empty() {
        return out;
    }
    let mut i = 0;
    while i < tokens.len() {
        // a name starts with a capital: every other token is passed over at once
        if covered[i] || !starts_upper(word(i)) {
            i += 1;
            continue;
        }
        let mut found: Option<(usize, &Span)> = None;
        let mut in_capitals = !capitals.is_empty();
        for (j, &taken) in covered.iter().enumerate().take(i + LONGEST).skip(i) {
            if taken {
                break;
            }
            in_capitals &= shouted(word(j)) || !word(j).chars().any(char::is_alphabetic);
            let form = piece(i, j);
            let alone =
                || (i == 0 || !glued(i, i - 1)) && (j + 1 >= tokens.len() || !glued(j, j + 1));
            let hit = match plain.get(form) {
                Some(Some(s)) if alone() => Some(*s),
                _ if in_capitals => capitals.get(&capitals_key(form)).copied().flatten(),
                _ => None,
            };
            if let Some(s) = hit {
                found = Some((j, s));
            }
        }
        match found {
            Some((j, s)) => {
                let mut copy =
                    Span::suggested(tokens[i].start, tokens[j].end, s.label.clone(), s.origin);
                copy.confidence = s.confidence;
                out.push(copy);
                i = j + 1;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    use super::super::test_spans::over as at;

    fn copies(text: &str, merged: &[Span], switches: u32) -> Vec<(String, String)> {
        let tokens = tokenize(text);
        let chars: Vec<char> = text.chars().collect();
        same_names(text, &tokens, merged, switches)
            .iter()
            .map(|s| (chars[s.start..s.end].iter().collect(), s.label.clone()))
            .collect()
    }

    #[test]
    fn a_learnt_name_is_suggested_again_where_it_stands_alone() {
        let text = "Boston fans cheered the Celtics. The Celtics won, and Celtics United lost.";
        let merged = [at(text, "Celtics", 0, "ORG", Origin::Model)];
        assert_eq!(
            copies(text, &merged, SAME_FORM),
            vec![("Celtics".to_string(), "ORG".to_string())],
            "the second is copied; the third is part of a longer name"
        );
        assert!(copies(text, &merged, 0).is_empty(), "switched off");
        let rule = [at(text, "Celtics", 0, "ORG", Origin::Gazetteer)];
        assert!(
            copies(text, &rule, SAME_FORM).is_empty(),
            "the rules' own names are the rules' business"
        );
    }

    #[test]
    fn a_learnt_person_lends_the_surname_and_capitals_match_without_accents() {
        let text = "POGACAR WINS AGAIN\nTadej Pogačar won the stage. Pogačar said it was hard.";
        let merged = [at(text, "Tadej Pogačar", 0, "PERSON", Origin::Model)];
        assert_eq!(
            copies(text, &merged, SURNAME),
            vec![("Pogačar".to_string(), "PERSON".to_string())]
        );
        assert_eq!(
            copies(text, &merged, SURNAME | CAPITALS),
            vec![
                ("POGACAR".to_string(), "PERSON".to_string()),
                ("Pogačar".to_string(), "PERSON".to_string())
            ]
        );
    }

    #[test]
    fn nothing_is_copied_inside_a_long_suggestion() {
        // an ORG of eight tokens holds "Taliban" standing alone: no copy inside it, one on the last line
        let text = "Taliban fighters came.\nTehrik - e - Taliban ( TTP ) said so.\nTaliban";
        let learnt = at(text, "Taliban", 0, "ORG", Origin::Model);
        let long = at(
            text,
            "Tehrik - e - Taliban ( TTP )",
            0,
            "ORG",
            Origin::Gazetteer,
        );
        let tokens = tokenize(text);
        let got = same_names(text, &tokens, &[learnt, long], SAME_FORM);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].start, text.chars().count() - "Taliban".len());
    }

    #[test]
    fn accents_drop_to_their_letter_across_the_whole_table() {
        assert_eq!(capitals_key("Łódź"), "lodz");
        assert_eq!(capitals_key("Søren Ŵùýź"), "soren wuyz");
        assert_eq!(capitals_key("ŤŧÙÜ"), "ttuu");
        assert_eq!(capitals_key("Žižek"), "zizek");
    }

    #[test]
    fn names_the_suggestions_disagree_on_are_left_alone() {
        let text = "Lula met Lula. LULA";
        let merged = [
            at(text, "Lula", 0, "PERSON", Origin::Model),
            at(text, "Lula", 1, "ORG", Origin::Gazetteer),
        ];
        assert!(copies(text, &merged, CAPITALS).is_empty());
        assert!(
            copies(text, &merged, SAME_FORM).is_empty(),
            "nothing free to fill but LULA"
        );
    }
}
