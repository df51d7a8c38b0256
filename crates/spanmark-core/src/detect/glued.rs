//! A lone known place glued to an unknown capitalised word is part of a longer name ("Shakhtar
//! Donetsk", "Naoki Tamura", "Bayer Leverkusen"): the place alone is wrong, so it is left out.

use super::candidate::Candidate;
use super::date::{MONTHS, WEEKDAYS};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::words::{lines, View};
use crate::span::Origin;

/// Rule words that may stand next to a place without making a longer name with it.
const NOT_NAME: u32 = class::STOP
    | class::SOFT
    | class::TITLE
    | class::ROLE
    | class::NAME_STOP
    | class::ORG_HEAD
    | class::FAC_HEAD
    | class::LOC_HEAD
    | class::ORG_PREFIX
    | class::FAC_PREFIX
    | class::LOC_PREFIX
    | class::CLUB_WORD
    | class::COMPANY_FORM;

pub fn apply(v: &[View<'_>], lex: &Lexicon, kept: &mut Vec<Candidate>) {
    let titled = title_case_lines(v);
    let mut covered = vec![false; v.len()];
    for c in kept.iter() {
        covered[c.first..c.last.min(v.len())].fill(true);
    }
    let free_word = |k: usize| {
        let t = &v[k];
        !covered[k]
            && t.shape.cap
            && t.shape.alpha
            && !t.shape.upper
            && t.text.chars().count() >= 3
            && lex.name(t.text).is_none()
            && !lex.has(t.text, NOT_NAME)
            && !MONTHS.contains(&t.text)
            && !WEEKDAYS.contains(&t.text)
    };
    kept.retain(|c| {
        let i = c.first;
        let lone_place = c.kind == Kind::Gpe
            && c.last == i + 1
            && c.origin == Origin::Rule("gazetteer")
            && !v[i].shape.upper
            && !titled[i];
        if !lone_place {
            return true;
        }
        let spaced = |k: usize| v[k].gap && !v[k].line_start && v[k].start == v[k - 1].end + 1;
        // "Naoki Tamura": an unknown word before, not opening the sentence (nor after its quote)
        let opens = |k: usize| {
            v[k].sentence_start || (k > 0 && v[k - 1].shape.punct && v[k - 1].sentence_start)
        };
        let before = i > 0 && spaced(i) && !opens(i - 1) && free_word(i - 1);
        // "Bayer Leverkusen" before, "Shakhtar Donetsk" after; but "Ontario Transportation
        // Minister": a portfolio before a title is not a name
        let title_next = |k: usize| {
            v.get(k)
                .is_some_and(|t| lex.has(t.text, class::TITLE | class::ROLE))
        };
        let after = i + 1 < v.len() && spaced(i + 1) && free_word(i + 1) && !title_next(i + 2);
        !(before || after)
    });
}

/// For each token: whether its line is a title-case headline (at least three words, most of
/// them capitalised), where every word is capitalised and glue means nothing.
fn title_case_lines(v: &[View<'_>]) -> Vec<bool> {
    let mut out = vec![false; v.len()];
    for (start, end) in lines(v) {
        let words: Vec<&View<'_>> = v[start..end].iter().filter(|t| t.shape.alpha).collect();
        let caps = words.iter().filter(|t| t.shape.cap).count();
        if words.len() >= 3 && caps * 3 >= words.len() * 2 {
            out[start..end].fill(true);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::candidate::merge;
    use crate::detect::words::views;
    use crate::token::tokenize;

    fn places(text: &str) -> Vec<String> {
        let toks = tokenize(text);
        let v = views(text, &toks);
        let lex = Lexicon::builtin();
        let mut found = Vec::new();
        crate::detect::gazetteer::find(&v, text, &lex, &mut found);
        let mut kept = merge(&v, found);
        kept.iter_mut()
            .for_each(|c| c.origin = Origin::Rule("gazetteer"));
        apply(&v, &lex, &mut kept);
        kept.iter()
            .filter(|c| c.kind == Kind::Gpe)
            .map(|c| text[v[c.first].byte_start..v[c.last - 1].byte_end].to_string())
            .collect()
    }

    #[test]
    fn a_place_inside_a_longer_unknown_name_is_left_out() {
        let got = places("The fans of Shakhtar Donetsk met Zorlan Karachi supporters in Lahore.");
        assert_eq!(got, ["Lahore"]);
    }

    #[test]
    fn places_next_to_rule_words_sentence_openers_and_in_headlines_stay() {
        let got = places("Karachi police said. Zorlan Karachi, not Lahore Monday.\nKarachi Blast Kills Four In Market\n");
        assert_eq!(got, ["Karachi", "Karachi", "Lahore", "Karachi"]);
        let got = places("\"Unless Islamabad acts,\" said the Punjab Transportation Minister.");
        assert_eq!(got, ["Islamabad", "Punjab"]);
    }
}
