//! The rule detector as one ordered, documented list of named rules: finders propose spans
//! independently, the merge keeps the best, then passes refine the merged suggestions in order.
//!
//! Every suggestion carries the name of the rule that made it (`Origin::Rule`, written
//! `rule:<name>`). The README's table of rules is checked against this list by a test
//! (`crates/spanmark-core/tests/detect_rules_readme.rs`): add a rule here, document it there.
//!
//! Why this order:
//! - **Finders** (stage `Find`) each read the tokens on their own and propose candidates;
//!   their order only decides which rule's name a tie keeps (same tokens, rank and label).
//! - **The merge** (`candidate::merge`) keeps the longest proposal, then the stronger rule.
//! - **Passes** (stage `Pass`) see the merged, sorted, non-overlapping suggestions:
//!   1. `faction`, `acronym` complete names first: "(Maoist)" must join its party before the
//!      acronym rule reads "NAME (ACR)" brackets, and acronyms must exist before later mentions.
//!   2. `surname`, `pairs`, `identified`, `repeats` add people from the people already found
//!      (later mentions, coordinated and listed names, repeated full names).
//!   3. `places`, `org_context` label unknown capitalised names by the words around them, only
//!      where no earlier rule put anything.
//!   4. `companies`, `teams` replace what overlaps their longer names; `shouted` reads all-caps
//!      lines by the kinds the rest of the text found in mixed case, so it comes after them;
//!      `glued` then leaves out a lone place still glued to an unknown capitalised word (a
//!      team or company had its chance to take the longer name first).
//!   5. `age`, `apposition`, `alias` work from finished names and numbers: an age is a number
//!      set off after a name, an apposition or alias follows a name.
//!   6. `unlabelled` runs last: it removes whatever any rule found inside a ship's or a military
//!      operation's name.

use super::candidate::Candidate;
use super::lexicon::Lexicon;
use super::words::View;
use super::{
    acronym, age, alias, apposition, cardinal, companies, date, faction, family_first, gazetteer,
    glued, identified, org_context, pairs, person, places, repeats, shapes, shouted, surname,
    teams, unlabelled,
};
use crate::span::Origin;

/// What every rule is given: the tokens as the rules see them, the text and the word lists.
pub struct RuleInput<'a, 't> {
    pub v: &'a [View<'t>],
    pub text: &'t str,
    pub lex: &'a Lexicon,
}

/// Before the merge (proposals that may overlap) or after it (the merged suggestions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// pushes proposals onto the list; they may overlap anything
    Find,
    /// changes the merged list, which is sorted and non-overlapping before and after
    Pass,
}

/// One named rule of the detector.
#[derive(Clone, Copy)]
pub struct Rule {
    /// the name in `rule:<name>`, in `spanmark eval --without`, and in the README's table
    pub name: &'static str,
    /// `rule:<name>`, the origin its spans are written with
    pub tag: &'static str,
    /// one line: what the rule finds
    pub doc: &'static str,
    pub stage: Stage,
    /// the origin this rule's spans had before rules were named ("gazetteer", "pattern",
    /// "acronym"): the learner's features still use it, so saved models keep working
    pub family: Origin,
    pub run: fn(&RuleInput<'_, '_>, &mut Vec<Candidate>),
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("name", &self.name)
            .field("stage", &self.stage)
            .finish_non_exhaustive()
    }
}

/// The rules, in the order they run (see the module doc for why).
pub const RULES: &[Rule] = &[
    Rule {
        name: "gazetteer",
        tag: "rule:gazetteer",
        doc: "known names by longest match: countries, regions, cities, NORP words, organisations, places; ALL-CAPS datelines",
        stage: Stage::Find,
        family: Origin::Gazetteer,
        run: |i, out| gazetteer::find(i.v, i.text, i.lex, out),
    },
    Rule {
        name: "shapes",
        tag: "rule:shapes",
        doc: "capitalised runs ending in an ORG/FAC/LOC head word, \"Ministry of …\", \"Gulf of …\", group compounds",
        stage: Stage::Find,
        family: Origin::Pattern,
        run: |i, out| shapes::find(i.v, i.lex, out),
    },
    Rule {
        name: "person",
        tag: "rule:person",
        doc: "names after titles and roles, names starting with a known given name, names in reporting contexts and bylines",
        stage: Stage::Find,
        family: Origin::Pattern,
        run: |i, out| person::find(i.v, i.text, i.lex, out),
    },
    Rule {
        name: "family_first",
        tag: "rule:family_first",
        doc: "East Asian names written family name first before a hyphenated given name",
        stage: Stage::Find,
        family: Origin::Pattern,
        run: |i, out| family_first::find(i.v, i.lex, out),
    },
    Rule {
        name: "date",
        tag: "rule:date",
        doc: "weekdays, month dates, years, relative dates and durations",
        stage: Stage::Find,
        family: Origin::Pattern,
        run: |i, out| date::find(i.v, i.lex, out),
    },
    Rule {
        name: "cardinal",
        tag: "rule:cardinal",
        doc: "numerals and number words that count, with approximators; not times, ages, money or measures",
        stage: Stage::Find,
        family: Origin::Pattern,
        run: |i, out| cardinal::find(i.v, i.lex, out),
    },
    Rule {
        name: "faction",
        tag: "rule:faction",
        doc: "a party's bracketed faction or wing joins its name",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| faction::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "acronym",
        tag: "rule:acronym",
        doc: "\"NAME (ACR)\" and \"NAME, or ACR\" give the acronym the name's label, for every later use too",
        stage: Stage::Pass,
        family: Origin::Acronym,
        run: |i, kept| acronym::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "surname",
        tag: "rule:surname",
        doc: "a known person's family name later on its own",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| surname::apply(i.v, i.text, i.lex, kept),
    },
    Rule {
        name: "pairs",
        tag: "rule:pairs",
        doc: "the capitalised name after a person's \"and\" is a person too",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| pairs::apply(i.v, i.text, i.lex, kept),
    },
    Rule {
        name: "identified",
        tag: "rule:identified",
        doc: "names listed after \"identified as\" or \"named as\" are persons",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| identified::apply(i.v, i.text, i.lex, kept),
    },
    Rule {
        name: "repeats",
        tag: "rule:repeats",
        doc: "a person's full name repeated elsewhere (headline, caption) is that person too",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| repeats::apply(i.v, i.text, kept),
    },
    Rule {
        name: "places",
        tag: "rule:places",
        doc: "unknown places by context: \"the town of X\", \"X district\", \"X police station\", \"Imphal West\"",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| places::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "org_context",
        tag: "rule:org_context",
        doc: "a capitalised name before a lowercase organisation noun is an ORG, before \"tribe\" a NORP",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| org_context::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "companies",
        tag: "rule:companies",
        doc: "a capitalised name ending in a legal form or corporate head (\"Volkswagen AG\") is an ORG",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| companies::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "teams",
        tag: "rule:teams",
        doc: "on a sports page, places that play, results lines, standings rows and club names are ORGs",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| teams::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "shouted",
        tag: "rule:shouted",
        doc: "names in capitals (datelines, all-caps headlines) read as the lists and the text know them",
        stage: Stage::Pass,
        family: Origin::Gazetteer,
        run: |i, kept| shouted::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "glued",
        tag: "rule:glued",
        doc: "a lone known place glued to an unknown capitalised word (\"Shakhtar Donetsk\") is part of a longer name: left out",
        stage: Stage::Pass,
        family: Origin::Gazetteer,
        run: |i, kept| glued::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "age",
        tag: "rule:age",
        doc: "a number set off by commas after a name is an age, not a CARDINAL; an unknown name before it is a PERSON",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| age::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "apposition",
        tag: "rule:apposition",
        doc: "the capitalised name before \", a ROLE\" or \", the ROLE\" is a PERSON",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| apposition::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "alias",
        tag: "rule:alias",
        doc: "the name after a person's \"alias\" is a PERSON too",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| alias::apply(i.v, i.lex, kept),
    },
    Rule {
        name: "unlabelled",
        tag: "rule:unlabelled",
        doc: "nothing inside a ship's name after its prefix or a military operation's name",
        stage: Stage::Pass,
        family: Origin::Pattern,
        run: |i, kept| unlabelled::apply(i.v, kept),
    },
];

impl Rule {
    /// The origin of the spans this rule makes.
    pub fn origin(&self) -> Origin {
        Origin::Rule(self.name)
    }
}

/// The rule of that name.
pub fn rule(name: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.name == name)
}

/// The names of all rules, in order.
pub fn names() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.name)
}

/// The sentence for a name no rule has, naming the closest rule when one is close.
pub fn no_such_rule(name: &str) -> String {
    let closest = RULES
        .iter()
        .map(|r| (distance(name, r.name), r.name))
        .min()
        .filter(|(d, n)| *d <= 2.max(n.len() / 3));
    match closest {
        Some((_, near)) => format!("there is no rule called “{name}”; did you mean “{near}”?"),
        None => format!(
            "there is no rule called “{name}” (the rules: {})",
            names().collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Edits (insert, delete, replace a character) between two words.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(here + 1);
            prev = here;
        }
    }
    row[b.len()]
}

/// Which rules run: a bit per rule of [`RULES`], all on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleSet(u64);

impl Default for RuleSet {
    fn default() -> Self {
        RuleSet(u64::MAX)
    }
}

impl RuleSet {
    /// All rules but the one of that name; `None` when no rule has that name.
    pub fn without(self, name: &str) -> Option<RuleSet> {
        let i = RULES.iter().position(|r| r.name == name)?;
        Some(RuleSet(self.0 & !(1 << i)))
    }

    pub fn runs(self, i: usize) -> bool {
        self.0 & (1 << i) != 0
    }
}

/// Gives every candidate no rule has claimed yet (a new one, or one a rule re-made) the
/// name of the rule that just ran; candidates a rule only moved keep their rule's name.
pub(super) fn claim(list: &mut [Candidate], rule: &'static Rule) {
    for c in list {
        if !matches!(c.origin, Origin::Rule(_)) {
            c.origin = Origin::Rule(rule.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_snake_case_and_finders_come_first() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.name), "{} twice", r.name);
            assert!(
                r.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                r.name
            );
            assert!(!r.doc.is_empty() && !r.doc.contains('\n'), "{}", r.name);
            assert!(!matches!(r.family, Origin::Rule(_)));
            assert_eq!(r.tag, format!("rule:{}", r.name));
            assert_eq!(Origin::parse(r.tag), Some(r.origin()));
            assert_eq!(r.origin().as_str(), r.tag);
        }
        let first_pass = RULES.iter().position(|r| r.stage == Stage::Pass).unwrap();
        assert!(RULES[first_pass..].iter().all(|r| r.stage == Stage::Pass));
        assert!(RULES.len() <= 64, "RuleSet has 64 bits");
    }

    #[test]
    fn a_rule_set_switches_off_one_rule_by_name() {
        let all = RuleSet::default();
        assert!((0..RULES.len()).all(|i| all.runs(i)));
        let some = all.without("surname").unwrap();
        let i = RULES.iter().position(|r| r.name == "surname").unwrap();
        assert!(!some.runs(i));
        assert_eq!(
            (0..RULES.len()).filter(|&k| some.runs(k)).count(),
            RULES.len() - 1
        );
        assert_eq!(all.without("surnames"), None);
    }

    #[test]
    fn an_unknown_rule_name_is_a_sentence_naming_the_close_one() {
        assert_eq!(
            no_such_rule("surnme"),
            "there is no rule called “surnme”; did you mean “surname”?"
        );
        let far = no_such_rule("xyz");
        assert!(
            far.contains("“xyz”") && far.contains("gazetteer, shapes"),
            "{far}"
        );
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
    }
}
