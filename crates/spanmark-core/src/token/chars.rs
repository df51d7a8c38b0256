//! Character classes the tokenizer needs: word characters, combining marks and emoji
//! extenders (Unicode's grapheme rules), CJK ideographs, quotes, dashes, trimmable punctuation.

/// A character that builds words: letters and digits of any script (not CJK, see `is_cjk`).
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() && !is_cjk(c)
    }
}

/// Han ideographs and kana: one token per character, since such text has no spaces.
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

/// Characters that never start a token: they extend the one before (combining marks,
/// vowel signs and viramas, variation selectors, emoji skin tones, keycaps, tag characters),
/// by Unicode's grapheme cluster rules.
pub use super::grapheme::is_extender;

/// Zero-width joiner and non-joiner: glue the characters on both sides
/// (emoji ZWJ sequences, Persian/Urdu and Indic words).
#[inline]
pub fn is_joiner(c: char) -> bool {
    matches!(c, '\u{200C}' | '\u{200D}' | '\u{00AD}' | '\u{2060}')
}

/// Invisible separators that are not Unicode whitespace but split tokens.
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

#[inline]
pub fn is_regional_indicator(c: char) -> bool {
    matches!(c as u32, 0x1F1E6..=0x1F1FF)
}

/// Apostrophes that may sit inside a word or start a clitic ("’s", "n't").
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Separators allowed between two digits inside a number: 6,000 3.5 10:30 9/11 (and Arabic ones).
#[inline]
pub fn is_number_joiner(c: char) -> bool {
    matches!(c, ',' | '.' | ':' | '/' | '\u{066B}' | '\u{066C}')
}

/// Characters whose runs form one token ("...", "--", "!!", "?!").
#[inline]
pub fn is_run_punct(c: char) -> bool {
    matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~')
}

/// Punctuation trimmed from the ends of a selection: quotes, brackets, clause and
/// sentence marks, dashes, slashes, ellipses, bullets (not symbols such as $ % & #).
pub fn is_trim(c: char) -> bool {
    matches!(c,
        ',' | '.' | ';' | ':' | '!' | '?' | '"' | '\'' | '(' | ')' | '[' | ']' | '{' | '}'
        | '-' | '/' | '\\' | '|' | '*' | '_' | '~' | '`' | '<' | '>'
        | '\u{00A1}' | '\u{00AB}' | '\u{00B7}' | '\u{00BB}' | '\u{00BF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{2212}'
        | '\u{3000}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}' | '\u{FF08}' | '\u{FF09}' | '\u{FF0C}' | '\u{FF0E}' | '\u{FF1A}'
        | '\u{FF1B}' | '\u{FF1F}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}')
        || is_joiner(c)
        || is_extender(c)
        || is_space(c)
}

/// Marks that end a sentence.
pub fn is_terminal(s: &str) -> bool {
    !s.is_empty()
        && s.chars().all(|c| {
            matches!(
                c,
                '.' | '!'
                    | '?'
                    | '\u{2026}'
                    | '\u{06D4}'
                    | '\u{061F}'
                    | '\u{3002}'
                    | '\u{FF01}'
                    | '\u{FF1F}'
                    | '\u{0964}'
                    | '\u{0965}'
                    | '\u{203C}'
                    | '\u{2047}'..='\u{2049}'
            )
        })
}

/// Closing quotes and brackets that stay with the sentence they close.
pub fn is_closer(s: &str) -> bool {
    matches!(
        s,
        "\"" | "'"
            | "\u{201D}"
            | "\u{2019}"
            | ")"
            | "]"
            | "}"
            | "\u{00BB}"
            | "\u{203A}"
            | "\u{300D}"
            | "\u{300F}"
            | "\u{FF09}"
    )
}

/// The letter without its accent, for the Latin letters of European names ("č" → 'c',
/// "Ö" → 'O'); any other character as it is.
pub fn unaccented(c: char) -> char {
    const FROM: &str =
        "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥìíîïĩīĭįıĵķĺļľłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
    const TO: &str =
        "aaaaaaaaacccccddeeeeeeeeegggghiiiiiiiiijkllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";
    if c.is_ascii() {
        return c;
    }
    let upper = c.is_uppercase();
    let lower = c.to_lowercase().next().unwrap_or(c);
    match FROM
        .chars()
        .position(|f| f == lower)
        .and_then(|i| TO.chars().nth(i))
    {
        Some(plain) if upper => plain.to_ascii_uppercase(),
        Some(plain) => plain,
        None => c,
    }
}

/// A text with the accents of its Latin letters dropped ("Belém" → "Belem"), or None when it
/// has none to drop.
pub fn without_accents(s: &str) -> Option<String> {
    if s.is_ascii() {
        return None;
    }
    let plain: String = s.chars().map(unaccented).collect();
    (plain != s).then_some(plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_drop_and_case_stays() {
        assert_eq!(without_accents("Belém").as_deref(), Some("Belem"));
        assert_eq!(
            without_accents("ÖSTERREICH Łódź").as_deref(),
            Some("OSTERREICH Lodz")
        );
        assert_eq!(without_accents("Lahore"), None);
        assert_eq!(without_accents("لاہور"), None);
    }

    #[test]
    fn classes() {
        assert!(is_word('a') && is_word('ب') && is_word('٣') && !is_word('北') && !is_word('-'));
        assert!(is_cjk('北') && is_cjk('カ') && !is_cjk('한'));
        for c in [
            '\u{301}',
            '\u{FE0F}',
            '\u{1F3FD}',
            '\u{20E3}',
            '\u{E0067}',
            '\u{094D}',
            '\u{064E}',
        ] {
            assert!(is_extender(c), "{c:?}");
        }
        assert!(
            !is_extender('a') && !is_extender('\u{0964}'),
            "the danda is punctuation"
        );
        assert!(is_space('\u{A0}') && is_space('\u{200B}') && !is_space('\u{200D}'));
    }

    #[test]
    fn trimmed_punctuation_but_not_symbols() {
        for c in ['“', '’', '(', '—', '…', '،', '۔', '。', '/', '-'] {
            assert!(is_trim(c), "{c:?}");
        }
        for c in ['$', '%', '&', '#', '😀', '°', 'a'] {
            assert!(!is_trim(c), "{c:?}");
        }
    }

    #[test]
    fn terminals_and_closers() {
        assert!(is_terminal(".") && is_terminal("?!") && is_terminal("...") && is_terminal("۔"));
        assert!(!is_terminal("") && !is_terminal(",") && !is_terminal("U.S."));
        assert!(is_closer("”") && is_closer(")") && !is_closer("“"));
    }
}
