//! What the word lists say about each token, for the learner's tagger: the gazetteer phrase it
//! is part of (kind and place), whether it is a given name, and its rule-word classes.

use super::kind::Kind;
use super::lexicon::Lexicon;
use crate::token::Token;

/// The list knowledge about one token (all empty for a word no list knows).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListMarks {
    /// the longest gazetteer phrase covering the token: its kind and the token's BILOU part
    pub phrase: Option<(Kind, char)>,
    /// a given name of the lists ("Maria")
    pub given: bool,
    /// rule-word classes, as the bit flags of `lexicon::class` (title, company form, club word…)
    pub classes: u32,
}

/// The marks of every token: greedy longest gazetteer phrases from left to right, then the
/// word classes of each token on its own.
pub fn list_marks(lex: &Lexicon, text: &str, tokens: &[Token]) -> Vec<ListMarks> {
    let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
    let mut out: Vec<ListMarks> = words
        .iter()
        .map(|w| ListMarks {
            phrase: None,
            given: lex.is_given_name(w),
            classes: lex.class_flags(w),
        })
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let longest = lex.longest_from(words[i]).min(tokens.len() - i);
        let found = (1..=longest).rev().find_map(|k| {
            let phrase = text.get(tokens[i].byte_start..tokens[i + k - 1].byte_end)?;
            lex.name(phrase).map(|kind| (k, kind))
        });
        match found {
            Some((k, kind)) => {
                for (j, mark) in out[i..i + k].iter_mut().enumerate() {
                    let part = match (k, j) {
                        (1, _) => 'U',
                        (_, 0) => 'B',
                        (_, j) if j + 1 == k => 'L',
                        _ => 'I',
                    };
                    mark.phrase = Some((kind, part));
                }
                i += k;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::detect::lexicon::class;
    use crate::token::tokenize;

    #[test]
    fn phrases_given_names_and_classes_are_marked() {
        let mut lex = Lexicon::builtin();
        lex.add_gazetteer("GPE\tNew Ardent\nNAME\tOlwen\n").unwrap();
        let text = "Olwen Brask of Hollin Holdings flew to New Ardent";
        let tokens = tokenize(text);
        let marks = list_marks(&lex, text, &tokens);
        let at = |w: &str| marks[tokens.iter().position(|t| t.text(text) == w).unwrap()];
        assert!(at("Olwen").given);
        assert!(!at("Brask").given);
        assert_eq!(at("New").phrase, Some((Kind::Gpe, 'B')));
        assert_eq!(at("Ardent").phrase, Some((Kind::Gpe, 'L')));
        assert_eq!(at("Brask"), ListMarks::default(), "a word no list knows");
        assert!(at("Holdings").classes & class::COMPANY_FORM != 0);
        assert_eq!(marks.len(), tokens.len());
    }
}
