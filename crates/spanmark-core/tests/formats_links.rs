//! Events and relations through the formats that hold them: exported, read back by the same
//! reader with nothing changed, and bad references refused naming the file and line.

use spanmark_core::formats::{self, ExportOptions, Format};
use spanmark_core::links::{Event, Links, Relation};
use spanmark_core::{Document, Schema, Span};

const TEXT: &str = "A suicide\nbombing in Quetta on Saturday killed 26. The BLA, based in Balochistan, claimed it.";

fn doc() -> Document {
    let mut d = Document::new("q1", "Quetta", TEXT);
    let at = |w: &str| {
        let b = TEXT.find(w).unwrap();
        let s = TEXT[..b].chars().count();
        (s, s + w.chars().count())
    };
    let span = |w: &str, l: &str| Span::manual(at(w).0, at(w).1, l);
    d.set_spans(vec![
        span("Quetta", "GPE"),
        span("Saturday", "DATE"),
        span("26", "CARDINAL"),
        span("BLA", "ORG"),
        span("Balochistan", "GPE"),
    ]);
    let (ts, te) = (at("suicide").0, at("bombing").1);
    let event = Event::manual("BOMBING", ts, te)
        .with("place", at("Quetta").0, at("Quetta").1)
        .with("time", at("Saturday").0, at("Saturday").1)
        .with("killed", at("26").0, at("26").1)
        .with("perpetrator", at("BLA").0, at("BLA").1);
    let second_place = event
        .clone()
        .with("place", at("Balochistan").0, at("Balochistan").1);
    d.set_links(Links {
        events: vec![second_place],
        relations: vec![Relation::manual(
            "located_in",
            at("Quetta"),
            at("Balochistan"),
        )],
    });
    d
}

fn round_trip(format: Format) -> (formats::Export, Document) {
    let d = doc();
    let export = formats::export(
        format,
        std::slice::from_ref(&d),
        &Schema::news(),
        &ExportOptions::default(),
    )
    .unwrap();
    let file = export.single_file("x.zip").unwrap();
    let back = formats::import(format, &file.name, &file.bytes).unwrap();
    (export, back.documents.into_iter().next().unwrap())
}

type Key = (
    Vec<(String, usize, usize, Vec<spanmark_core::Argument>)>,
    Vec<(String, (usize, usize), (usize, usize))>,
);

fn key(l: &Links) -> Key {
    (
        l.events
            .iter()
            .map(|e| (e.kind.clone(), e.start, e.end, e.args.clone()))
            .collect(),
        l.relations
            .iter()
            .map(|r| (r.kind.clone(), r.from, r.to))
            .collect(),
    )
}

#[test]
fn brat_doccano_and_spanmark_json_give_back_every_event_and_relation() {
    for format in [Format::Brat, Format::Spanmark, Format::Doccano] {
        let (export, back) = round_trip(format);
        assert!(export.report.is_empty(), "{format:?}: {:?}", export.report);
        assert_eq!(key(back.links()), key(doc().links()), "{format:?}");
        assert_eq!(
            back.spans().len(),
            5,
            "{format:?}: the trigger is not read as an entity"
        );
    }
    let (_, back) = round_trip(Format::Spanmark);
    assert_eq!(
        back.links(),
        doc().links(),
        "Spanmark JSON keeps origin and state too"
    );
}

#[test]
fn brat_writes_e_r_and_a_fragmented_trigger_and_the_conf_sections() {
    let d = doc();
    let export = formats::export(
        Format::Brat,
        std::slice::from_ref(&d),
        &Schema::news(),
        &ExportOptions::default(),
    )
    .unwrap();
    let files = formats::unzip("x.zip", &export.files[0].bytes).unwrap();
    let ann = String::from_utf8(
        files
            .iter()
            .find(|f| f.name.ends_with(".ann"))
            .unwrap()
            .bytes
            .clone(),
    )
    .unwrap();
    assert!(
        ann.contains("T6\tBOMBING 2 9;10 17\tsuicide bombing\n"),
        "{ann}"
    );
    assert!(
        ann.contains("E1\tBOMBING:T6 place:T1 time:T2 killed:T3 perpetrator:T4 place2:T5\n"),
        "{ann}"
    );
    assert!(ann.contains("R1\tlocated_in Arg1:T1 Arg2:T5\n"), "{ann}");
    let conf = String::from_utf8(
        files
            .iter()
            .find(|f| f.name == "annotation.conf")
            .unwrap()
            .bytes
            .clone(),
    )
    .unwrap();
    assert!(
        conf.contains("located_in\tArg1:GPE|FAC|LOC, Arg2:GPE|LOC"),
        "{conf}"
    );
    assert!(
        conf.contains("ATTACK\tperpetrator*:ORG|PERSON|NORP,"),
        "{conf}"
    );
}

#[test]
fn conll_says_it_cannot_express_events_or_relations() {
    let (export, _) = round_trip(Format::Conll);
    let said = export
        .report
        .iter()
        .map(|p| p.to_string())
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        said.contains("CoNLL cannot express events or relations: its 1 events and 1 relations"),
        "{said}"
    );
}

#[test]
fn bad_brat_references_are_refused_naming_file_and_line() {
    let txt = "Gunmen attacked Bannu.";
    let refused = |ann: &str| {
        let files = [
            formats::InputFile {
                name: "a.txt".into(),
                bytes: txt.as_bytes().to_vec(),
            },
            formats::InputFile {
                name: "a.ann".into(),
                bytes: ann.as_bytes().to_vec(),
            },
        ];
        formats::import_files(Format::Brat, &files)
            .expect_err("must be refused")
            .to_string()
    };
    let t = "T1\tGPE 16 21\tBannu\nT2\tATTACK 7 15\tattacked\n";
    assert_eq!(
        refused(&format!("{t}E1\tATTACK:T2 place:T9\n")),
        "a.ann: line 3: “T9” names no T line of this file"
    );
    assert_eq!(
        refused(&format!("{t}E1\tATTACK:T2 victim:T1\n")),
        "a.ann: line 3: E1: the event type ATTACK has no role “victim”"
    );
    assert_eq!(
        refused(&format!("{t}E1\tATTACK:T2 time:T1\n")),
        "a.ann: line 3: E1: the role time of ATTACK does not take T1, a GPE"
    );
    assert!(refused(&format!("{t}R1\tmember_of Arg1:T1 Arg2:T1\n"))
        .starts_with("a.ann: line 3: R1: member_of does not go from GPE to GPE"));
}

#[test]
fn doccano_writes_triggers_as_entities_and_roles_as_relations() {
    let d = doc();
    let export = formats::export(
        Format::Doccano,
        std::slice::from_ref(&d),
        &Schema::news(),
        &ExportOptions::default(),
    )
    .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&export.files[0].bytes).unwrap();
    assert_eq!(
        line["entities"][5],
        serde_json::json!({"id": 6, "label": "BOMBING", "start_offset": 2, "end_offset": 17})
    );
    assert_eq!(
        line["relations"][0],
        serde_json::json!({"id": 1, "from_id": 6, "to_id": 1, "type": "place"})
    );
    assert_eq!(
        line["relations"][5],
        serde_json::json!({"id": 6, "from_id": 1, "to_id": 5, "type": "located_in"})
    );
    let utf16 = ExportOptions {
        offsets: formats::OffsetUnit::Utf16,
        ..Default::default()
    };
    assert!(
        formats::export(Format::Doccano, &[d], &Schema::news(), &utf16)
            .unwrap()
            .report
            .is_empty()
    );
}

#[test]
fn bad_doccano_relations_are_refused_naming_line_and_field() {
    let line = |rel: &str| {
        format!("{{\"text\":\"Gunmen attacked Bannu.\",\"entities\":[{{\"id\":1,\"label\":\"GPE\",\"start_offset\":16,\"end_offset\":21}},{{\"id\":2,\"label\":\"ATTACK\",\"start_offset\":7,\"end_offset\":15}}],\"relations\":[{rel}]}}\n")
    };
    let refused = |rel: &str| {
        formats::import(Format::Doccano, "d.jsonl", line(rel).as_bytes())
            .expect_err("refused")
            .to_string()
    };
    assert_eq!(
        refused(r#"{"id":1,"from_id":2,"to_id":7,"type":"place"}"#),
        "d.jsonl: line 1: relations[1].to_id is 7, which names no entity of this line"
    );
    assert_eq!(
        refused(r#"{"id":1,"from_id":2,"to_id":1,"type":"victim"}"#),
        "d.jsonl: line 1: relations[1]: the event type ATTACK has no role “victim”"
    );
    assert_eq!(
        refused(r#"{"id":1,"from_id":2,"to_id":1,"type":"time"}"#),
        "d.jsonl: line 1: relations[1]: the role time of ATTACK does not take a GPE span"
    );
    let ok = formats::import(
        Format::Doccano,
        "d.jsonl",
        line(r#"{"id":1,"from_id":2,"to_id":1,"type":"place"}"#).as_bytes(),
    )
    .unwrap();
    assert_eq!(ok.documents[0].links().events[0].args[0].role, "place");
    assert_eq!(
        ok.documents[0].spans().len(),
        1,
        "the trigger is not an entity span"
    );
}

#[test]
fn label_studio_and_prodigy_give_back_every_event_and_relation() {
    for format in [Format::LabelStudio, Format::Spacy] {
        let (export, back) = round_trip(format);
        assert!(export.report.is_empty(), "{format:?}: {:?}", export.report);
        assert_eq!(key(back.links()), key(doc().links()), "{format:?}");
        assert_eq!(
            back.spans().len(),
            5,
            "{format:?}: the trigger is no entity"
        );
    }
}

#[test]
fn label_studio_writes_relation_results_and_prodigy_rel_manual_relations() {
    let (export, _) = round_trip(Format::LabelStudio);
    let file = export.single_file("x.zip").unwrap();
    let tasks: serde_json::Value = serde_json::from_slice(&file.bytes).unwrap();
    let result = tasks[0]["annotations"][0]["result"].as_array().unwrap();
    let relations: Vec<&serde_json::Value> =
        result.iter().filter(|r| r["type"] == "relation").collect();
    // five roles of the bombing and one located_in
    assert_eq!(relations.len(), 6);
    let located = relations
        .iter()
        .find(|r| r["labels"][0] == "located_in")
        .unwrap();
    assert_eq!(located["direction"], "right");
    let region = |id: &serde_json::Value| {
        result
            .iter()
            .find(|r| r["id"] == *id)
            .map(|r| r["value"]["text"].as_str().unwrap().to_string())
    };
    assert_eq!(region(&located["from_id"]).as_deref(), Some("Quetta"));
    assert_eq!(region(&located["to_id"]).as_deref(), Some("Balochistan"));
    let trigger = result
        .iter()
        .find(|r| r["value"]["labels"][0] == "BOMBING")
        .unwrap();
    assert_eq!(trigger["value"]["text"], "suicide\nbombing");

    let (export, _) = round_trip(Format::Spacy);
    let file = export.single_file("x.zip").unwrap();
    let task: serde_json::Value = serde_json::from_str(
        std::str::from_utf8(&file.bytes)
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    let rels = task["relations"].as_array().unwrap();
    assert_eq!(rels.len(), 6);
    let perpetrator = rels.iter().find(|r| r["label"] == "perpetrator").unwrap();
    assert_eq!(perpetrator["head_span"]["label"], "BOMBING");
    assert_eq!(perpetrator["child_span"]["label"], "ORG");
    let tokens = task["tokens"].as_array().unwrap();
    let child = perpetrator["child"].as_u64().unwrap() as usize;
    assert_eq!(tokens[child]["text"], "BLA", "child is a token index");
}

#[test]
fn bad_label_studio_and_prodigy_relations_are_refused_naming_the_field() {
    let ls = r#"[{"data": {"text": "Hafiz Saeed leads Jamaat-ud-Dawa."}, "annotations": [{"result": [
        {"id": "a", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 11, "labels": ["PERSON"]}},
        {"from_id": "a", "to_id": "b", "type": "relation", "direction": "right", "labels": ["leader_of"]}]}]}]"#;
    let err = formats::import(Format::LabelStudio, "ls.json", ls.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "ls.json: task 1: result 2: to_id “b” names no labelled region of this annotation"
    );
    let prodigy = r#"{"text": "Hafiz Saeed leads Jamaat-ud-Dawa.", "spans": [{"start": 0, "end": 11, "label": "PERSON"}, {"start": 18, "end": 32, "label": "ORG"}], "relations": [{"head": 1, "child": 4, "label": "member_of", "head_span": {"start": 0, "end": 11, "label": "PERSON"}, "child_span": {"start": 18, "end": 32, "label": "GPE"}}]}"#;
    let err = formats::import(Format::Spacy, "rel.jsonl", prodigy.as_bytes()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "rel.jsonl: line 1: relations[1].child_span (18–32, GPE) is not one of the task's spans"
    );
}
