//! East Asian names written family name first: a known family name before a hyphenated given
//! name is a person ("Lai Ching-te", "Kim Jong-un", "Ban Ki-moon"), whatever else the words spell.

use super::candidate::{rank, Candidate};
use super::kind::Kind;
use super::lexicon::{class, Lexicon};
use super::words::{inner_hyphen, View};
use crate::span::Origin;

pub fn find(v: &[View<'_>], lex: &Lexicon, out: &mut Vec<Candidate>) {
    for i in 0..v.len().saturating_sub(3) {
        if !v[i].shape.cap || !lex.has(v[i].text, class::FAMILY_FIRST) {
            continue;
        }
        let given = &v[i + 1];
        let rest = &v[i + 3];
        let syllable =
            |t: &View<'_>| t.text.len() <= 6 && t.text.bytes().all(|b| b.is_ascii_alphabetic());
        if given.gap
            && given.shape.cap
            && syllable(given)
            && inner_hyphen(v, i + 2)
            && syllable(rest)
            && rest.text.starts_with(|c: char| c.is_ascii_lowercase())
        {
            out.push(Candidate::new(
                i,
                i + 4,
                Kind::Person,
                Origin::Pattern,
                rank::GIVEN_NAME,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(text: &str) -> Vec<String> {
        let lex = Lexicon::builtin();
        crate::detect::candidate::found_texts(text, |v, out| find(v, &lex, out))
    }

    #[test]
    fn family_name_then_hyphenated_given_name() {
        assert_eq!(
            people("Moon Jae-in met Tsai Ing-wen; Seoul-based Lee Jae-myung spoke."),
            ["Moon Jae-in", "Tsai Ing-wen", "Lee Jae-myung"]
        );
        assert!(people("Park Avenue, Wang Yi, Sun-like heat and Lin Ching-Te").is_empty());
    }
}
