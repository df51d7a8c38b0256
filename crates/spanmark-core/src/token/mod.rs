//! Tokens of English news text (and not broken on other scripts): one pass over the
//! characters, no regex. Token offsets are code points; byte offsets are kept for slicing.

pub mod abbrev;
pub mod chars;
pub mod grapheme;
mod sentence;

use serde::{Deserialize, Serialize};

pub use sentence::sentences;

use chars::{
    is_apostrophe, is_cjk, is_extender, is_joiner, is_number_joiner, is_regional_indicator,
    is_run_punct, is_space, is_word,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// code point offsets, end exclusive
    pub start: usize,
    pub end: usize,
    /// byte offsets into the same text
    pub byte_start: usize,
    pub byte_end: usize,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.byte_start..self.byte_end]
    }

    /// Whether the token holds a letter or digit (as opposed to punctuation, symbols, emoji).
    pub fn is_wordlike(&self, text: &str) -> bool {
        self.text(text).chars().any(|c| c.is_alphanumeric())
    }
}

/// Whether a word starts with a capital ("Kabul", "ISPR"; not "the", "2019").
pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A position in the text, in bytes and code points at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pos {
    b: usize,
    c: usize,
}

/// Splits a text into tokens, writing into `out`.
struct Tokenizer<'a> {
    text: &'a str,
    pos: Pos,
    out: Vec<Token>,
}

/// Split a text into tokens.
///
/// Words are runs of letters and digits of any script (combining marks and joiners
/// included); numbers keep their separators ("6,000", "3.5", "10:30"); possessives and
/// contractions split off ("Afghanistan" "’s", "do" "n't"); abbreviations keep their period
/// ("U.S.", "Col.", "Jan.", "W."); every other punctuation mark is its own token, hyphens
/// included ("Kabul" "-" "based"); Han and kana characters are one token each; an emoji
/// with its modifiers, joiners and flags is one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut t = Tokenizer {
        text,
        pos: Pos { b: 0, c: 0 },
        out: Vec::with_capacity(text.len() / 5 + 1),
    };
    t.run();
    t.out
}

impl<'a> Tokenizer<'a> {
    #[inline]
    fn peek(&self) -> Option<char> {
        match self.text.as_bytes().get(self.pos.b) {
            Some(&b) if b < 0x80 => Some(b as char),
            Some(_) => self.text[self.pos.b..].chars().next(),
            None => None,
        }
    }

    #[inline]
    fn peek_at(&self, b: usize) -> Option<char> {
        self.text.get(b..).and_then(|s| s.chars().next())
    }

    #[inline]
    fn bump(&mut self, c: char) {
        self.pos.b += c.len_utf8();
        self.pos.c += 1;
    }

    #[inline]
    fn push(&mut self, from: Pos) {
        if self.pos.b > from.b {
            self.out.push(Token {
                start: from.c,
                end: self.pos.c,
                byte_start: from.b,
                byte_end: self.pos.b,
            });
        }
    }

    /// Whether a token may end at the current position (not inside a grapheme cluster).
    #[inline]
    fn may_cut_here(&self) -> bool {
        grapheme::may_cut(self.text, self.pos.b)
    }

    fn run(&mut self) {
        while let Some(c) = self.peek() {
            let from = self.pos;
            if !self.may_cut_here() && self.extend_last(c) {
                // the rest of the last token's grapheme cluster (after an abbreviation or
                // a split clitic, a prepended sign)
                continue;
            }
            if c == ' ' {
                self.pos.b += 1;
                self.pos.c += 1;
            } else if is_space(c) {
                self.bump(c);
            } else if is_word(c) {
                self.word(from);
            } else if grapheme::is_prepend(c) {
                self.prepended(from, c);
            } else if is_extender(c) || is_joiner(c) {
                self.bump(c);
                match self.out.last_mut() {
                    // a stray mark right after a token belongs to it
                    Some(last) if last.byte_end == from.b => {
                        last.end = self.pos.c;
                        last.byte_end = self.pos.b;
                    }
                    _ => self.push(from),
                }
            } else {
                self.bump(c);
                if is_regional_indicator(c) {
                    if let Some(n) = self.peek().filter(|&n| is_regional_indicator(n)) {
                        self.bump(n);
                    }
                } else if is_run_punct(c) {
                    while self.peek() == Some(c) {
                        self.bump(c);
                    }
                } else if is_apostrophe(c) && self.possessive_after_token(from) {
                    // "U.S.’s": the possessive of a token that ended in punctuation
                    self.bump('s');
                } else if !is_cjk(c) {
                    self.cluster();
                }
                self.extenders();
                self.push(from);
            }
        }
    }

    /// Add `c` to the last token if that token ends right here; whether it did.
    fn extend_last(&mut self, c: char) -> bool {
        let here = self.pos.b;
        let Some(last) = self.out.last_mut().filter(|t| t.byte_end == here) else {
            return false;
        };
        last.end = self.pos.c + 1;
        last.byte_end = here + c.len_utf8();
        self.bump(c);
        true
    }

    /// Whether the apostrophe at `from` starts an "’s" right after a word-like token.
    fn possessive_after_token(&self, from: Pos) -> bool {
        let s_next = matches!(self.peek(), Some('s' | 'S'));
        let ends_word = !self.peek_at(self.pos.b + 1).is_some_and(is_word);
        let after_token = self
            .out
            .last()
            .is_some_and(|t| t.byte_end == from.b && t.is_wordlike(self.text));
        s_next && ends_word && after_token
    }

    /// A Prepend sign (Arabic number signs, some Brahmic vowel signs) is one cluster with what
    /// follows it: a word ("\u{600}123", Hangul jamo), a flag's two regional indicators, or
    /// a symbol with its marks.
    fn prepended(&mut self, from: Pos, c: char) {
        self.bump(c);
        while let Some(n) = self.peek().filter(|_| !self.may_cut_here()) {
            if is_word(n) {
                self.word(from);
                return;
            }
            self.bump(n);
            if is_regional_indicator(n) {
                if let Some(m) = self.peek().filter(|&m| is_regional_indicator(m)) {
                    self.bump(m);
                }
            }
            if !grapheme::is_prepend(n) {
                break;
            }
        }
        self.cluster();
        self.push(from);
    }

    /// Emoji modifiers, combining marks and joiner sequences after a symbol.
    fn cluster(&mut self) {
        loop {
            self.extenders();
            if self.peek() != Some('\u{200D}') {
                return;
            }
            // a joiner belongs to the cluster before it; it glues on the next symbol
            self.bump('\u{200D}');
            match self.peek() {
                Some(n) if !is_space(n) && !is_word(n) => {
                    self.bump(n);
                    // a flag glued on by the joiner comes as its pair of regional indicators
                    if is_regional_indicator(n) {
                        if let Some(m) = self.peek().filter(|&m| is_regional_indicator(m)) {
                            self.bump(m);
                        }
                    }
                }
                _ => return,
            }
        }
    }

    /// The rest of the current grapheme cluster up to a zero-width joiner (marks, emoji
    /// modifiers, a Prepend sign's base).
    fn extenders(&mut self) {
        while let Some(c) = self
            .peek()
            .filter(|&c| c != '\u{200D}' && !self.may_cut_here())
        {
            self.bump(c);
        }
    }

    /// A word or number starting at `from`, with its clitics and abbreviation period.
    fn word(&mut self, from: Pos) {
        let second = from.b + self.peek().map_or(1, char::len_utf8);
        let dotted = self.pos.b == from.b && self.text.as_bytes().get(second) == Some(&b'.');
        if let Some(len) = dotted
            .then(|| abbrev::initialism_len(&self.text[from.b..]))
            .flatten()
        {
            for c in self.text[from.b..from.b + len].chars() {
                self.bump(c);
            }
            self.push(from);
            return;
        }
        let mut prev = '\0';
        loop {
            // fast path: a run of ASCII letters and digits
            let bytes = self.text.as_bytes();
            let run = bytes[self.pos.b..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                self.pos.b += run;
                self.pos.c += run;
                prev = bytes[self.pos.b - 1] as char;
            }
            let Some(c) = self.peek() else {
                break;
            };
            if is_word(c) || !self.may_cut_here() {
                self.bump(c);
                if is_word(c) {
                    prev = c;
                }
                continue;
            }
            let after = self.pos.b + c.len_utf8();
            let next = self.peek_at(after);
            if is_joiner(c) && next.is_some_and(|n| is_word(n) || is_extender(n)) {
                self.bump(c);
                continue;
            }
            if is_number_joiner(c) && prev.is_numeric() && next.is_some_and(|n| n.is_numeric()) {
                self.bump(c);
                continue;
            }
            if is_apostrophe(c) && next.is_some_and(|n| n.is_alphabetic()) {
                if self.clitic(from, prev, after) {
                    return;
                }
                self.bump(c);
                continue;
            }
            if c == '.' && self.keeps_period(from, next) {
                self.bump(c);
            }
            break;
        }
        self.push_word(from);
    }

    /// Push a word, splitting a unit after a number as spaCy does ("10km" → "10" "km", "5pm").
    fn push_word(&mut self, from: Pos) {
        let word = &self.text.as_bytes()[from.b..self.pos.b];
        if !word.first().is_some_and(u8::is_ascii_digit) {
            self.push(from);
            return;
        }
        let letters = word
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let cut = word.len() - letters;
        let unit = letters > 0 && cut > 0 && word[cut - 1].is_ascii_digit();
        let suffix = &self.text[from.b + cut..self.pos.b];
        let clock = self.text[self.pos.b..].starts_with(".m.") && matches!(suffix, "a" | "p");
        if unit && clock {
            // "5a.m." → "5" "a.m.": the initialism is tokenized next
            self.pos = Pos {
                b: from.b + cut,
                c: self.pos.c - letters,
            };
            self.push(from);
        } else if unit && is_unit(suffix) {
            let end = self.pos;
            let mid = Pos {
                b: from.b + cut,
                c: end.c - letters,
            };
            self.pos = mid;
            self.push(from);
            self.pos = end;
            self.push(mid);
        } else {
            self.push(from);
        }
    }

    /// Whether the word from `from` to here is an abbreviation that keeps the '.' that follows.
    fn keeps_period(&self, from: Pos, next: Option<char>) -> bool {
        let word = &self.text[from.b..self.pos.b];
        // "Mr.Khan" is split at the period, as spaCy does
        if abbrev::kind_of(word).is_some() {
            return !next.is_some_and(char::is_alphabetic);
        }
        // a single capital letter is an initial: "George W. Bush"
        let mut chars = word.chars();
        if let (Some(first), None) = (chars.next(), chars.next()) {
            return first.is_uppercase() && !next.is_some_and(|n| n.is_alphanumeric());
        }
        // "No. 5", not "said no."
        if word == "No" {
            let rest = &self.text[self.pos.b + 1..];
            let trimmed = rest.trim_start_matches(' ');
            return trimmed.len() < rest.len() && trimmed.starts_with(|d: char| d.is_ascii_digit());
        }
        false
    }

    /// Split a clitic at the apostrophe (byte `self.pos.b`): "’s" always, "n't" after a verb,
    /// "'ll" "'re" "'ve" "'m" "'d" after a pronoun. Pushes the tokens and returns true if split.
    fn clitic(&mut self, from: Pos, prev: char, after: usize) -> bool {
        let rest = &self.text[after..];
        let len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        let suffix = &rest[..len];
        let apostrophe = self.peek().map_or(1, char::len_utf8);
        let word = &self.text[from.b..self.pos.b];
        let split = if suffix.eq_ignore_ascii_case("s") {
            true
        } else if suffix.eq_ignore_ascii_case("t") && matches!(prev, 'n' | 'N') && word.len() > 1 {
            // "don't" → "do" "n't": the clitic starts one letter earlier
            let n = Pos {
                b: self.pos.b - 1,
                c: self.pos.c - 1,
            };
            let here = self.pos;
            self.pos = n;
            self.push(from);
            self.pos = Pos {
                b: here.b + apostrophe + 1,
                c: here.c + 2,
            };
            self.push(n);
            return true;
        } else {
            ["m", "d", "ll", "re", "ve"]
                .iter()
                .any(|s| suffix.eq_ignore_ascii_case(s))
                && is_pronoun(word)
        };
        if split {
            self.push(from);
            let at = self.pos;
            self.pos = Pos {
                b: after + len,
                c: at.c + 1 + suffix.chars().count(),
            };
            self.push(at);
        }
        split
    }
}

/// Units and clock suffixes spaCy splits from a number before them.
fn is_unit(s: &str) -> bool {
    const UNITS: &[&str] = &[
        "am", "pm", "AM", "PM", "km", "m", "cm", "mm", "dm", "ha", "nm", "yd", "in", "ft", "kg",
        "g", "mg", "t", "lb", "oz", "kmh", "mph", "hPa", "Pa", "mbar", "mb", "MB", "kb", "KB",
        "gb", "GB", "tb", "TB", "T", "G", "M", "K",
    ];
    UNITS.contains(&s)
}

fn is_pronoun(word: &str) -> bool {
    const PRONOUNS: &[&str] = &[
        "i", "you", "he", "she", "it", "we", "they", "who", "what", "that", "there", "where",
        "how", "why", "here", "this", "these", "those", "somebody", "someone", "everyone",
    ];
    PRONOUNS.iter().any(|p| word.eq_ignore_ascii_case(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn apostrophes_at_edges_and_lone_clitics() {
        assert_eq!(toks("'s"), ["'", "s"]);
        assert_eq!(toks("n't"), ["n't"]);
        assert_eq!(toks("’90s"), ["’", "90s"]);
        assert_eq!(toks("Qur'an Ma'am"), ["Qur'an", "Ma'am"]);
        assert_eq!(toks("Sa'd"), ["Sa'd"], "'d splits only after pronouns");
        assert_eq!(toks("He'd"), ["He", "'d"]);
        assert_eq!(toks("WON'T"), ["WO", "N'T"]);
        assert_eq!(toks("the U.S.’s role"), ["the", "U.S.", "’s", "role"]);
        assert_eq!(toks("the 'show'"), ["the", "'", "show", "'"]);
        assert_eq!(toks("“Go”'s"), ["“", "Go", "”", "'", "s"]);
    }

    #[test]
    fn stray_marks_and_joiners_never_vanish() {
        assert_eq!(toks("\u{301}a"), ["\u{301}", "a"]);
        assert_eq!(toks("a \u{200D}"), ["a", "\u{200D}"]);
        assert_eq!(toks("x\u{200B}y"), ["x", "y"], "zero-width space separates");
        assert_eq!(toks("\u{FEFF}Hi"), ["Hi"]);
    }

    #[test]
    fn numbers_keep_only_inner_separators() {
        assert_eq!(
            toks("6,000, 3.5. 1:2:3"),
            ["6,000", ",", "3.5", ".", "1:2:3"]
        );
        assert_eq!(toks("١٬٠٠٠ ٣٫٥"), ["١٬٠٠٠", "٣٫٥"]);
        assert_eq!(toks("v1.2"), ["v1.2"]);
    }

    #[test]
    fn units_split_from_numbers_as_in_spacy() {
        assert_eq!(
            toks("a 10km march at 5pm"),
            ["a", "10", "km", "march", "at", "5", "pm"]
        );
        assert_eq!(toks("1,200kg 3.5m"), ["1,200", "kg", "3.5", "m"]);
        assert_eq!(toks("1990s 3rd F16 km5"), ["1990s", "3rd", "F16", "km5"]);
        assert_eq!(toks("Mr.Khan Jan.5"), ["Mr", ".", "Khan", "Jan.", "5"]);
        assert_eq!(
            toks("at 5a.m. and 7p.m., 9am"),
            ["at", "5", "a.m.", "and", "7", "p.m.", ",", "9", "am"]
        );
    }

    #[test]
    fn wordlike() {
        let text = "U.S. — 😀";
        let t = tokenize(text);
        assert!(t[0].is_wordlike(text));
        assert!(!t[1].is_wordlike(text) && !t[2].is_wordlike(text));
    }
}
