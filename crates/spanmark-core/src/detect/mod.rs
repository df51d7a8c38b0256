//! Entity detection: layered rule detectors (gazetteer, names, shapes, dates, numbers) merged by
//! precedence into non-overlapping suggestions, each carrying its origin. See docs/detection.md.

mod acronym;
mod age;
mod alias;
mod apposition;
mod candidate;
mod cardinal;
mod companies;
mod date;
mod faction;
mod family_first;
mod gazetteer;
mod glued;
mod identified;
pub mod kind;
mod lexicon;
pub mod list_marks;
pub(crate) mod numbers;
mod org_context;
mod pairs;
mod period;
mod person;
mod pipeline;
mod places;
mod repeats;
pub mod rules;
mod runs;
mod shapes;
mod shouted;
mod suggester;
mod surname;
mod take_over;
mod teams;
mod unlabelled;
mod words;

pub use kind::Kind;
pub use list_marks::ListMarks;
#[cfg(not(target_arch = "wasm32"))]
pub use pipeline::EXTRA as EXTRA_GAZETTEER;
pub use pipeline::{gazetteer_parts, Pipeline};
pub use suggester::Suggester;

use crate::span::Span;
use crate::token::Token;

/// What a detector sees: the text and its tokens (code point + byte offsets).
pub struct DetectInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
}

pub trait Detector {
    /// Suggestions (state Suggested, origin set) in code point offsets; may overlap.
    fn detect(&self, input: &DetectInput<'_>) -> Vec<Span>;
}

/// Detect entities in a text with the default detector stack (compiled-in word lists),
/// non-overlapping, sorted.
#[cfg(not(target_arch = "wasm32"))]
pub fn detect(text: &str, tokens: &[Token]) -> Vec<Span> {
    Pipeline::builtin().detect(text, tokens)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::{Origin, SpanState};
    use crate::token::tokenize;

    fn labelled(text: &str) -> Vec<(String, String)> {
        let spans = detect(text, &tokenize(text));
        let chars: Vec<char> = text.chars().collect();
        spans
            .iter()
            .map(|s| (chars[s.start..s.end].iter().collect(), s.label.clone()))
            .collect()
    }

    #[test]
    fn default_stack_is_sorted_non_overlapping_and_suggested() {
        let text = "PESHAWAR, Pakistan (AP) — Interior Minister Rana Sanaullah said on Monday that at least 27 people died in Khyber Pakhtunkhwa. Sanaullah blamed the Tehrik-e-Taliban Pakistan (TTP).";
        let spans = detect(text, &tokenize(text));
        assert!(!spans.is_empty());
        for w in spans.windows(2) {
            assert!(w[0].end <= w[1].start, "{:?} overlaps {:?}", w[0], w[1]);
        }
        assert!(spans
            .iter()
            .all(|s| s.state == SpanState::Suggested && s.origin != Origin::Manual));
        let got = labelled(text);
        for want in [
            ("PESHAWAR", "GPE"),
            ("Pakistan", "GPE"),
            ("AP", "ORG"),
            ("Rana Sanaullah", "PERSON"),
            ("Monday", "DATE"),
            ("at least 27", "CARDINAL"),
            ("Khyber Pakhtunkhwa", "GPE"),
            ("Sanaullah", "PERSON"),
            ("Tehrik-e-Taliban Pakistan", "ORG"),
            ("TTP", "ORG"),
        ] {
            assert!(
                got.contains(&(want.0.to_string(), want.1.to_string())),
                "missing {want:?} in {got:?}"
            );
        }
    }

    #[test]
    fn context_rules_from_the_guidelines() {
        let got = labelled("The Afghan army and the Iranian government met the Pakistan Air Force and the Counter Terrorism Department in Punjab Province.");
        assert!(got.contains(&("Afghan".into(), "NORP".into())), "{got:?}");
        assert!(got.contains(&("Iranian".into(), "NORP".into())));
        assert!(got.contains(&("Pakistan Air Force".into(), "ORG".into())));
        assert!(got.contains(&("Counter Terrorism Department".into(), "ORG".into())));
        assert!(got.contains(&("Punjab Province".into(), "GPE".into())));
        assert!(!got
            .iter()
            .any(|(s, _)| s.starts_with("The ") || s.starts_with("the ")));
        let got = labelled("Afghanistan’s envoy and Pakistan's army");
        assert!(
            got.contains(&("Afghanistan".into(), "GPE".into())),
            "{got:?}"
        );
        assert!(got.contains(&("Pakistan".into(), "GPE".into())));
    }

    #[test]
    fn lists_read_at_run_time_detect_like_the_compiled_in_ones() {
        use super::lexicon::{BUILTIN, RULES};
        let text = "Interior Minister Mohsin Naqvi visited Quetta, Balochistan, on Friday \
                    after the Balochistan Liberation Army (BLA) attack killed 12 people.";
        let fetched = Pipeline::from_lists(BUILTIN.as_bytes(), RULES.as_bytes()).unwrap();
        assert_eq!(fetched.entries(), Pipeline::builtin().entries());
        let tokens = tokenize(text);
        assert_eq!(fetched.detect(text, &tokens), detect(text, &tokens));
        // What a static server answers for a missing file is not a word list.
        let page = b"<!DOCTYPE html>\n<html><body>Not found</body></html>\n";
        assert!(Pipeline::from_lists(page, RULES.as_bytes()).is_err());
        assert!(Pipeline::from_lists(BUILTIN.as_bytes(), page).is_err());
        assert!(Pipeline::from_lists(&[0xff, 0xfe], RULES.as_bytes()).is_err());
    }

    #[test]
    fn a_gazetteer_read_in_parts_is_the_same_and_errors_name_the_file_line() {
        let extra = EXTRA_GAZETTEER.as_bytes();
        let parts = gazetteer_parts(extra, 64 * 1024).unwrap();
        assert!(parts.len() > 10, "{} parts", parts.len());
        assert_eq!(
            parts.iter().map(|(_, p)| *p).collect::<String>(),
            EXTRA_GAZETTEER
        );
        assert!(parts
            .iter()
            .all(|(_, p)| p.ends_with('\n') || p.len() < 64 * 1024));
        let mut whole = Pipeline::builtin();
        whole.add_gazetteer(extra).unwrap();
        let mut in_parts = Pipeline::builtin();
        for (line, part) in &parts {
            in_parts.add_gazetteer_part(part, *line).unwrap();
        }
        assert_eq!(in_parts.entries(), whole.entries());
        // a bad line in a later part is reported with its line in the file
        let text = "GPE\tA\nGPE\tB\nGPE\tC\nbroken\n";
        let parts = gazetteer_parts(text.as_bytes(), 3).unwrap();
        assert_eq!(
            parts.iter().map(|(l, _)| *l).collect::<Vec<_>>(),
            [1, 2, 3, 4]
        );
        let mut p = Pipeline::builtin();
        let err = parts
            .iter()
            .try_for_each(|(line, part)| p.add_gazetteer_part(part, *line).map(|_| ()))
            .unwrap_err();
        assert!(err.to_string().contains("line 4"), "{err}");
        assert!(gazetteer_parts(&[b'G', 0xff], 8).is_err());
        assert!(gazetteer_parts(b"", 8).unwrap().is_empty());
    }

    #[test]
    fn extra_gazetteer_adds_names_and_rejects_bad_bytes() {
        let text = "Fighting spread to Zorbaland overnight.";
        let base = Pipeline::builtin();
        assert!(base
            .detect(text, &tokenize(text))
            .iter()
            .all(|s| s.label != "GPE"));
        let more = Pipeline::with_extra(b"GPE\tZorbaland\n").unwrap();
        assert!(more.entries() > base.entries());
        assert!(more
            .detect(text, &tokenize(text))
            .iter()
            .any(|s| s.label == "GPE"));
        assert!(Pipeline::with_extra(&[0xff, 0xfe, 0x00]).is_err());
        assert!(Pipeline::with_extra(b"nonsense line").is_err());
    }

    #[test]
    fn a_users_gazetteer_may_use_any_label() {
        let text = "Militants fired an AK-47 and a Type 56 rifle near Quetta.";
        let p = Pipeline::with_extra(b"WEAPON\tAK-47\nWEAPON\tType 56\n").unwrap();
        let spans = p.detect(text, &tokenize(text));
        let chars: Vec<char> = text.chars().collect();
        let got: Vec<(String, &str, &str)> = spans
            .iter()
            .map(|s| {
                let t = chars[s.start..s.end].iter().collect();
                (t, s.label.as_str(), s.origin.as_str())
            })
            .collect();
        assert!(
            got.contains(&("AK-47".into(), "WEAPON", "rule:gazetteer")),
            "{got:?}"
        );
        assert!(
            got.contains(&("Type 56".into(), "WEAPON", "rule:gazetteer")),
            "{got:?}"
        );
        assert!(
            got.contains(&("Quetta".into(), "GPE", "rule:gazetteer")),
            "{got:?}"
        );
        let err = Pipeline::with_extra(b"WEAPON AK-47\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer line 1 is not “LABEL<tab>name”: WEAPON AK-47"
        );
    }

    #[test]
    fn ages_after_names_are_not_counts() {
        let got = labelled("said Olena Kravets, 62, a retired teacher, and 62 others");
        assert!(
            got.contains(&("Olena Kravets".into(), "PERSON".into())),
            "{got:?}"
        );
        assert_eq!(
            got.iter()
                .filter(|(s, l)| s == "62" && l == "CARDINAL")
                .count(),
            1
        );
    }

    #[test]
    fn any_input_is_safe() {
        for text in [
            "",
            " ",
            "(",
            "’s",
            "—",
            "1,",
            ",1",
            "-",
            "A.",
            "Jaish-",
            "at least",
            "the past",
            "🇵🇰 Lahore 👍",
            "Mar.",
            "( )",
            "or ,",
        ] {
            let spans = detect(text, &tokenize(text));
            let n = text.chars().count();
            assert!(
                spans.iter().all(|s| s.start < s.end && s.end <= n),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn suggestions_stay_inside_the_text_sorted_and_apart(
            words in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[A-Z][a-z]{0,8}").unwrap(),
                    proptest::string::string_regex("[a-z]{1,6}").unwrap(),
                    proptest::string::string_regex("[0-9][0-9,.]{0,5}").unwrap(),
                    proptest::sample::select(vec!["(".to_string(), ")".into(), ",".into(), ".".into(), "-".into(), "’s".into(), "\n".into(), "Jaish-e-".into(), "at least".into(), "Minister".into(), "🇵🇰".into(), "é".into()]),
                ],
                0..40,
            )
        ) {
            let text = words.join(" ");
            let spans = detect(&text, &tokenize(&text));
            let n = text.chars().count();
            for w in spans.windows(2) {
                proptest::prop_assert!(w[0].end <= w[1].start);
            }
            for s in &spans {
                proptest::prop_assert!(s.start < s.end && s.end <= n);
            }
        }
    }
}
