//! Abbreviations that keep their period ("Col.", "Jan.", "Inc.") and how each kind
//! behaves at a sentence end. Dotted initialisms ("U.S.", "a.m.") are recognised by shape.

/// How an abbreviation token relates to sentence boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Titles, months, "No.", "St.": a name or number always follows; never ends a sentence.
    Leading,
    /// "Inc.", "Ltd.", "Jr.", "etc.", "a.m.": may end a sentence when a capitalised word follows.
    Trailing,
}

/// Sorted (byte order) so lookups are a binary search; entries are without the period.
const LEADING: &[&str] = &[
    "Adm", "Amb", "Apr", "Atty", "Aug", "Ave", "Blvd", "Brig", "Capt", "Cdr", "Cmdr", "Cmdt",
    "Col", "Comdr", "Cpl", "Cpt", "Dec", "Dept", "Dr", "Feb", "Fr", "Ft", "Gen", "Gov", "Hon",
    "Insp", "Jan", "Jul", "Jun", "Lt", "Maj", "Mar", "Messrs", "Mlle", "Mme", "Mr", "Mrs", "Ms",
    "Mt", "Nos", "Nov", "Oct", "Pres", "Prof", "Pvt", "Rd", "Rep", "Rev", "Rs", "Sen", "Sep",
    "Sept", "Sgt", "St", "Supt", "Univ", "approx", "cf", "vs",
];

const TRAILING: &[&str] = &[
    "Bros", "Co", "Corp", "Inc", "Jr", "Ltd", "Sr", "al", "etc", "govt",
];

/// The kind of a word that keeps a following period, if it is an abbreviation.
pub fn kind_of(word: &str) -> Option<AbbrevKind> {
    if LEADING.binary_search(&word).is_ok() {
        Some(AbbrevKind::Leading)
    } else if TRAILING.binary_search(&word).is_ok() {
        Some(AbbrevKind::Trailing)
    } else {
        None
    }
}

/// The kind of a whole token that ends with a period ("Col.", "U.S.", "W.", "p.m.").
pub fn kind_of_token(token: &str) -> Option<AbbrevKind> {
    let word = token.strip_suffix('.')?;
    if word.is_empty() {
        return None;
    }
    if let Some(k) = kind_of(word) {
        return Some(k);
    }
    if word == "No" {
        return Some(AbbrevKind::Leading);
    }
    let mut chars = word.chars();
    let first = chars.next()?;
    if chars.as_str().is_empty() {
        // a single letter: an initial ("George W. Bush")
        return first.is_alphabetic().then_some(AbbrevKind::Leading);
    }
    if word.contains('.') {
        // dotted initialism: uppercase ones ("U.S.") lead into a noun, lowercase ones
        // ("a.m.", "e.g.") may close a sentence
        return Some(if first.is_uppercase() {
            AbbrevKind::Leading
        } else {
            AbbrevKind::Trailing
        });
    }
    None
}

/// Byte length of a dotted initialism at the start of `s` ("U.S." → 4, "a.m." → 4),
/// if there is one: two or more single letters, each followed by a period.
pub fn initialism_len(s: &str) -> Option<usize> {
    let mut len = 0;
    let mut groups = 0;
    let mut it = s.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        if !c.is_alphabetic() {
            break;
        }
        match it.next() {
            Some((_, '.')) => {
                groups += 1;
                len = b + c.len_utf8() + 1;
            }
            _ => break,
        }
    }
    // a letter straight after the last period means it was not an initialism ("U.Sx")
    let next = s[len..].chars().next();
    (groups >= 2 && !next.is_some_and(|c| c.is_alphanumeric())).then_some(len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(LEADING.windows(2).all(|w| w[0] < w[1]));
        assert!(TRAILING.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn initialisms_by_shape() {
        assert_eq!(initialism_len("U.S. troops"), Some(4));
        assert_eq!(initialism_len("U.S.A."), Some(6));
        assert_eq!(initialism_len("a.m.,"), Some(4));
        assert_eq!(initialism_len("U. S."), None);
        assert_eq!(initialism_len("A.Bc"), None);
        assert_eq!(initialism_len("Dawn.com"), None);
    }

    #[test]
    fn kinds() {
        assert_eq!(kind_of_token("Col."), Some(AbbrevKind::Leading));
        assert_eq!(kind_of_token("Inc."), Some(AbbrevKind::Trailing));
        assert_eq!(kind_of_token("U.S."), Some(AbbrevKind::Leading));
        assert_eq!(kind_of_token("p.m."), Some(AbbrevKind::Trailing));
        assert_eq!(kind_of_token("said."), None);
        assert_eq!(kind_of_token("."), None);
    }
}
