//! The word lists the detectors consult: gazetteer names by kind, given names, and rule words
//! (titles, organisation heads, stop words). Built from compiled-in data plus optional extra data.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use super::kind::Kind;
use crate::error::CoreError;
use crate::token::tokenize;

/// The compiled-in lists (native builds; the web page fetches the same files after first paint).
#[cfg(not(target_arch = "wasm32"))]
pub const BUILTIN: &str = include_str!("../../data/builtin.tsv");
#[cfg(not(target_arch = "wasm32"))]
pub const RULES: &str = include_str!("../../data/rules.tsv");

/// Rule word classes, as bit flags on a word.
pub mod class {
    pub const TITLE: u32 = 1;
    pub const ROLE: u32 = 1 << 1;
    pub const ORG_HEAD: u32 = 1 << 2;
    pub const ORG_PREFIX: u32 = 1 << 3;
    pub const FAC_HEAD: u32 = 1 << 4;
    pub const FAC_PREFIX: u32 = 1 << 5;
    pub const LOC_HEAD: u32 = 1 << 6;
    pub const LOC_PREFIX: u32 = 1 << 7;
    /// "Gulf" of "Gulf of ...": the word is followed by "of" and a name
    pub const LOC_OF: u32 = 1 << 8;
    pub const STOP: u32 = 1 << 9;
    pub const SOFT: u32 = 1 << 10;
    pub const PARTICLE: u32 = 1 << 11;
    pub const NAME_STOP: u32 = 1 << 12;
    /// East Asian family names, written first: "Wang" of "Wang Yi", "Lai" of "Lai Ching-te"
    pub const FAMILY_FIRST: u32 = 1 << 13;
    /// "minutes", "km", "percent": after a number, it is no count
    pub const NOT_COUNT_AFTER: u32 = 1 << 14;
    /// "Rs", "Section", "No.": before a number, it is no count
    pub const NOT_COUNT_BEFORE: u32 = 1 << 15;
    /// "Interior" of "Interior Minister": a title word that only qualifies another
    pub const TITLE_MODIFIER: u32 = 1 << 16;
    /// words that make a page a sports page
    pub const SPORT_WORD: u32 = 1 << 17;
    /// "beat", "drew", "coach" after a place: it is a team
    pub const PLAYS: u32 = 1 << 18;
    /// "United", "FC": words of a club's name
    pub const CLUB_WORD: u32 = 1 << 19;
    /// "AG", "plc", "Holdings": the end of a company's name
    pub const COMPANY_FORM: u32 = 1 << 20;
    /// "in", "since": before a plain number, it is a year
    pub const YEAR_CUE: u32 = 1 << 21;
}

/// FNV-1a: the keys are short words looked up several times per token, and SipHash's
/// resistance to chosen keys buys nothing here (the keys are our own word lists).
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Fast = BuildHasherDefault<WordHasher>;

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// gazetteer phrase, whitespace-normalised → kind
    names: HashMap<Box<str>, Kind, Fast>,
    /// first token of a phrase → most tokens of any phrase starting with it
    first: HashMap<Box<str>, u8, Fast>,
    given: HashSet<Box<str>, Fast>,
    words: HashMap<Box<str>, u32, Fast>,
    /// one-word places of the compiled-in lists ("Quetta"), which never sit inside a person's name
    core_places: HashSet<Box<str>, Fast>,
    /// given names of the compiled-in lists (curated for the domain)
    core_given: HashSet<Box<str>, Fast>,
    /// labels of gazetteer lines beyond the news schema ("WEAPON"), numbered for `Kind::Other`
    others: Vec<Box<str>>,
}

impl Lexicon {
    /// The compiled-in lists only.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn builtin() -> Lexicon {
        // The compiled-in files are checked by tests; a bad line there is skipped, never a panic.
        let mut lex = Lexicon::default();
        let _ = lex.add_gazetteer(BUILTIN);
        lex.add_core(RULES);
        lex
    }

    /// The core lists from their text: `builtin` (gazetteer lines, as `data/builtin.tsv`) and
    /// `rules` (rule words, as `data/rules.tsv`). A malformed gazetteer line is an error.
    pub fn from_lists(builtin: &str, rules: &str) -> Result<Lexicon, CoreError> {
        let mut lex = Lexicon::default();
        lex.add_gazetteer(builtin)?;
        if lex.add_core(rules) == 0 {
            return Err(CoreError::Invalid(
                "the rule word list has no “CLASS<tab>word” lines".into(),
            ));
        }
        Ok(lex)
    }

    /// Marks what is known so far as the curated core, and reads the rule words; returns
    /// how many rule words were read.
    fn add_core(&mut self, rules: &str) -> usize {
        let lex = self;
        let mut read = 0;
        lex.core_given = lex.given.clone();
        lex.core_places = lex
            .names
            .iter()
            .filter(|(name, kind)| **kind == Kind::Gpe && !name.contains([' ', '-', '.']))
            .map(|(name, _)| name.clone())
            .collect();
        for line in rules.lines() {
            let Some((class, word)) = line.split_once('\t') else {
                continue;
            };
            let flag = match class {
                "TITLE" => class::TITLE,
                "ROLE" => class::ROLE,
                "ORG_HEAD" => class::ORG_HEAD,
                "ORG_PREFIX" => class::ORG_PREFIX,
                "FAC_HEAD" => class::FAC_HEAD,
                "FAC_PREFIX" => class::FAC_PREFIX,
                "LOC_HEAD" => class::LOC_HEAD,
                "LOC_PREFIX" => class::LOC_PREFIX,
                "STOP" => class::STOP,
                "SOFT" => class::SOFT,
                "PARTICLE" => class::PARTICLE,
                "NAME_STOP" => class::NAME_STOP,
                "FAMILY_FIRST" => class::FAMILY_FIRST,
                "NOT_COUNT_AFTER" => class::NOT_COUNT_AFTER,
                "NOT_COUNT_BEFORE" => class::NOT_COUNT_BEFORE,
                "TITLE_MODIFIER" => class::TITLE_MODIFIER,
                "SPORT_WORD" => class::SPORT_WORD,
                "PLAYS" => class::PLAYS,
                "CLUB_WORD" => class::CLUB_WORD,
                "COMPANY_FORM" => class::COMPANY_FORM,
                "YEAR_CUE" => class::YEAR_CUE,
                _ => continue,
            };
            let (word, flag) = match word.strip_suffix(" of") {
                Some(head) if flag == class::LOC_PREFIX => (head, class::LOC_OF),
                _ => (word, flag),
            };
            if word.contains(' ') {
                continue;
            }
            *lex.words.entry(word.into()).or_default() |= flag;
            read += 1;
        }
        read
    }

    /// Adds `LABEL<TAB>name` lines (`NAME` rows are given names); `#` lines and blank lines are skipped.
    /// Returns how many entries were added; a malformed line is an error naming its line number.
    pub fn add_gazetteer(&mut self, tsv: &str) -> Result<usize, CoreError> {
        self.add_gazetteer_from(tsv, 1)
    }

    /// `add_gazetteer` for a part of a file whose first line is line `first_line` there
    /// (errors name the file's line). A line without a tab, or with an empty label or name, is
    /// not a gazetteer line; a label may be any schema label ("WEAPON"), but one that differs
    /// from a news label only in case ("gpe") or has spaces around it is refused as unusual.
    pub fn add_gazetteer_from(&mut self, tsv: &str, first_line: usize) -> Result<usize, CoreError> {
        let mut added = 0;
        for (n, line) in tsv.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let line_no = n + first_line;
            let bad = || CoreError::GazetteerLine {
                line: line_no,
                text: line.to_string(),
            };
            let (label, name) = line.split_once('\t').ok_or_else(bad)?;
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            if name.is_empty() || label.trim().is_empty() {
                return Err(bad());
            }
            if label == "NAME" {
                self.given.insert(name.into());
                added += 1;
                continue;
            }
            let kind = match Kind::parse(label) {
                Some(kind) => kind,
                None => self.other_kind(label, line_no)?,
            };
            self.add_name(&name, kind);
            added += 1;
        }
        Ok(added)
    }

    /// The kind for a label beyond the news schema, numbered on first sight.
    fn other_kind(&mut self, label: &str, line: usize) -> Result<Kind, CoreError> {
        let unusual = |problem: String| CoreError::GazetteerLabel {
            line,
            label: label.to_string(),
            problem,
        };
        if label.trim() != label {
            return Err(unusual("has spaces around it".into()));
        }
        if label.chars().any(char::is_control) {
            return Err(unusual("contains a control character".into()));
        }
        let news = Kind::ALL
            .iter()
            .map(|k| k.label())
            .chain(["NAME"])
            .find(|l| l.eq_ignore_ascii_case(label));
        if let Some(news) = news {
            return Err(unusual(format!(
                "differs from {news} only in case; labels are case-sensitive, write {news}"
            )));
        }
        if let Some(i) = self.others.iter().position(|o| &**o == label) {
            return Ok(Kind::Other(i as u16));
        }
        let i = u16::try_from(self.others.len())
            .map_err(|_| unusual("is one label too many (at most 65,536)".into()))?;
        self.others.push(label.into());
        Ok(Kind::Other(i))
    }

    /// The label a kind is written with: the news label, or a user's gazetteer label.
    pub fn label(&self, kind: Kind) -> &str {
        match kind {
            Kind::Other(i) => self.others.get(usize::from(i)).map_or("", |l| l),
            news => news.label(),
        }
    }

    fn add_name(&mut self, name: &str, kind: Kind) {
        let tokens = tokenize(name);
        let Some(first) = tokens.first() else { return };
        let count = tokens.len().min(u8::MAX as usize) as u8;
        let slot = self.first.entry(first.text(name).into()).or_default();
        *slot = (*slot).max(count);
        // Curated entries come first in the compiled-in data; a later duplicate keeps the first kind.
        self.names
            .entry(normalise(name).into_owned().into())
            .or_insert(kind);
    }

    pub fn len(&self) -> usize {
        self.names.len() + self.given.len()
    }

    /// Most tokens of a gazetteer phrase starting with this token text (0 when none).
    pub fn longest_from(&self, first: &str) -> usize {
        self.first.get(first).copied().unwrap_or(0) as usize
    }

    /// The kind of a gazetteer phrase, given its text as it appears.
    pub fn name(&self, phrase: &str) -> Option<Kind> {
        self.names.get(normalise(phrase).as_ref()).copied()
    }

    /// A given name of the lists, as written or without its accents ("Jürgen" as "Jurgen").
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
            || crate::token::chars::without_accents(word)
                .is_some_and(|w| self.given.contains(w.as_str()))
    }

    /// A given name of the compiled-in (domain) list: "Muhammad", "Imran", "Zabihullah".
    pub fn is_core_given_name(&self, word: &str) -> bool {
        self.core_given.contains(word)
    }

    /// A one-word city or region of the compiled-in lists.
    pub fn is_core_place(&self, word: &str) -> bool {
        self.core_places.contains(word)
    }

    pub fn has(&self, word: &str, flag: u32) -> bool {
        self.words.get(word).is_some_and(|f| f & flag != 0)
    }

    /// Every rule-word class of a word, as bit flags (0 for a word of no class).
    pub fn class_flags(&self, word: &str) -> u32 {
        self.words.get(word).copied().unwrap_or(0)
    }
}

/// Collapses whitespace runs to one space and curly apostrophes to straight ones.
fn normalise(s: &str) -> Cow<'_, str> {
    let simple = !s.contains(['\n', '\t', '\r', '’', '\u{a0}']) && !s.contains("  ");
    if simple {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.push(if c == '’' { '\'' } else { c });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses_completely() {
        let mut lex = Lexicon::default();
        let added = lex
            .add_gazetteer(BUILTIN)
            .expect("builtin.tsv is well formed");
        assert!(added > 5000, "only {added} entries");
        let extra = include_str!("../../data/extra.tsv");
        assert!(lex.add_gazetteer(extra).expect("extra.tsv is well formed") > 30000);
    }

    #[test]
    fn looks_up_names_words_and_spellings() {
        let lex = Lexicon::builtin();
        assert_eq!(lex.name("Pakistan"), Some(Kind::Gpe));
        assert_eq!(lex.name("Baluchistan"), Some(Kind::Gpe));
        assert_eq!(lex.name("Khyber\n  Pakhtunkhwa"), Some(Kind::Gpe));
        assert_eq!(lex.name("Pashtun"), Some(Kind::Norp));
        assert_eq!(lex.name("Hindu Kush"), Some(Kind::Loc));
        assert_eq!(lex.name("Shi’ite"), Some(Kind::Norp));
        assert!(lex.longest_from("Khyber") >= 2);
        assert!(lex.is_given_name("Imran"));
        assert!(lex.has("Ministry", class::ORG_HEAD));
        assert!(lex.has("Gulf", class::LOC_OF));
        assert!(!lex.has("Lahore", class::ORG_HEAD));
    }

    #[test]
    fn malformed_extra_data_is_an_error_not_a_panic() {
        let mut lex = Lexicon::builtin();
        let err = lex
            .add_gazetteer("GPE\tTimbuktu\nno tab here\n")
            .unwrap_err();
        assert!(err.to_string().contains("line 2"));
        assert_eq!(
            err.to_string(),
            "gazetteer line 2 is not “LABEL<tab>name”: no tab here"
        );
        assert!(lex.add_gazetteer("GPE\t  \n").is_err());
        assert!(lex.add_gazetteer("\tKabul\n").is_err());
        // any label a schema may have is read; one differing from a news label in case is not
        assert_eq!(
            lex.add_gazetteer("WEAPON\tAK-47\nWEAPON\tRPG-7\n").unwrap(),
            2
        );
        assert_eq!(lex.name("AK-47").map(|k| lex.label(k)), Some("WEAPON"));
        assert_eq!(lex.name("RPG-7"), lex.name("AK-47"));
        let err = lex.add_gazetteer("# c\nGPE\tA\ngpe\tThing\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer line 3: the label “gpe” differs from GPE only in case; labels are case-sensitive, write GPE"
        );
        let err = lex.add_gazetteer(" ORG \tThing\n").unwrap_err();
        assert!(err.to_string().contains("has spaces around it"), "{err}");
        assert_eq!(
            lex.add_gazetteer("# comment\n\nLOC\tKarakoram Pass\n")
                .unwrap(),
            1
        );
        assert_eq!(lex.name("Karakoram Pass"), Some(Kind::Loc));
    }
}
