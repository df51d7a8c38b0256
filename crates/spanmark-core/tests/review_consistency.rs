//! Consistency of one set: forms labelled two ways, forms left unlabelled elsewhere (whole
//! words only), a fix over several documents undone as one, and the guideline flags.

mod review_support;

use review_support::*;
use spanmark_core::detect::Pipeline;
use spanmark_core::review::{flags, Consistency, Fix, Flag, ReviewError};
use spanmark_core::Document;

fn set() -> Vec<Document> {
    vec![
        doc(
            "d0",
            "The BLA attacked. BLA fighters fled to Quetta. BLAST is not it.",
            &[("BLA", "ORG"), ("Quetta", "GPE")],
        ),
        doc(
            "d1",
            "BLA said Quetta was calm; the BLA denied it.",
            &[("BLA", "NORP"), ("Quetta", "GPE")],
        ),
    ]
}

#[test]
fn forms_labelled_two_ways_and_left_unlabelled() {
    let docs = set();
    let c = Consistency::of(&docs);
    assert_eq!(c.spans, 4);
    let two: Vec<_> = c.labelled_two_ways().collect();
    assert_eq!(two.len(), 1);
    assert_eq!(two[0].text, "BLA");
    assert_eq!(
        two[0].labels,
        vec![("NORP".to_string(), 1), ("ORG".to_string(), 1)]
    );
    // "BLA fighters" in d0 and "the BLA denied" in d1; "BLAST" is not a whole-word occurrence
    let bla = &two[0];
    let places: Vec<(usize, usize)> = bla
        .unlabelled
        .iter()
        .map(|o| (o.document, o.start))
        .collect();
    assert_eq!(places, vec![(0, 18), (1, 30)]);
    let quetta = c.forms.iter().find(|f| f.text == "Quetta").unwrap();
    assert!(quetta.unlabelled.is_empty() && !quetta.is_labelled_two_ways());
    assert_eq!(c.unlabelled_elsewhere().count(), 1);
    assert_eq!(c.label_counts()[0], ("GPE".to_string(), 2));
}

#[test]
fn fixing_all_occurrences_is_one_change_and_undoes_whole() {
    let mut docs = set();
    let before: Vec<_> = docs.iter().map(|d| d.spans().to_vec()).collect();
    let c = Consistency::of(&docs);
    let bla = c.forms.iter().find(|f| f.text == "BLA").unwrap();
    let odd: Vec<_> = bla.odd_ones().cloned().collect();
    // a tie goes to the first label alphabetically: NORP is the main one, so the ORG span
    // and the two unlabelled occurrences are the odd ones
    assert_eq!(bla.main_label(), "NORP");
    assert_eq!(odd.len(), 3);
    let all: Vec<_> = bla
        .labelled
        .iter()
        .chain(&bla.unlabelled)
        .cloned()
        .collect();
    let fix = Fix::new(&docs, &all, Some("ORG")).unwrap();
    assert_eq!(fix.steps.len(), 2, "one step per document touched");
    fix.apply(&mut docs);
    let after = Consistency::of(&docs);
    let bla = after.forms.iter().find(|f| f.text == "BLA").unwrap();
    assert_eq!(bla.labels, vec![("ORG".to_string(), 4)]);
    assert!(bla.unlabelled.is_empty());
    fix.undo(&mut docs);
    let restored: Vec<_> = docs.iter().map(|d| d.spans().to_vec()).collect();
    assert_eq!(restored, before);
    // fixing one occurrence: only that document changes
    let one = Fix::new(&docs, &odd[..1], Some("NORP")).unwrap();
    assert_eq!(one.steps.len(), 1);
    assert_eq!(
        Fix::new(&docs, &[], Some("ORG")),
        Err(ReviewError::NothingToFix)
    );
}

#[test]
fn boundary_flags_follow_the_guidelines() {
    let docs = vec![
        doc(
            "d2",
            "President Arif Alvi visited Afghanistan's capital.",
            &[("President Arif Alvi", "PERSON"), ("Afghanistan's", "GPE")],
        ),
        doc(
            "d3",
            "The Counter Terrorism Department raided Swat district.",
            &[
                ("The Counter Terrorism Department", "ORG"),
                ("Swat district", "GPE"),
            ],
        ),
    ];
    let pipeline = Pipeline::builtin();
    let found = flags(&docs, &|w| pipeline.is_title(w));
    let kinds: Vec<(&str, &Flag)> = found.iter().map(|f| (f.text.as_str(), &f.flag)).collect();
    assert_eq!(
        kinds,
        vec![
            (
                "President Arif Alvi",
                &Flag::TitleInPerson {
                    title: "President".into()
                }
            ),
            ("Afghanistan's", &Flag::TrailingPossessive),
            ("The Counter Terrorism Department", &Flag::LeadingThe),
            (
                "Swat district",
                &Flag::LowercaseDivision {
                    word: "district".into()
                }
            ),
        ]
    );
    assert_eq!(
        found[0].sentence(),
        "“President Arif Alvi” (PERSON) starts with the title “President”; titles are not part of a PERSON"
    );
}

#[test]
fn a_label_used_once_among_many_is_rare() {
    let mut docs: Vec<Document> = (0..120)
        .map(|i| {
            doc(
                &format!("g{i}"),
                &format!("Kabul {i}."),
                &[("Kabul", "GPE")],
            )
        })
        .collect();
    docs.push(doc("f", "Bagram airfield.", &[("Bagram", "FAC")]));
    let found = flags(&docs, &|_| false);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].flag, Flag::RareLabel { uses: 1 });
    assert!(found[0]
        .sentence()
        .contains("FAC is used on only 1 span in this set"));
}
