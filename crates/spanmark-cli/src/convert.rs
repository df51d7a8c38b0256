//! `spanmark convert --from F --to G IN... OUT`: import with the core's readers, export with its
//! writers, print the self-check report; a thin shell over `spanmark_core::formats`.

use std::path::PathBuf;

use spanmark_core::formats::{
    self, DocumentChoice, ExportOptions, Format, OffsetUnit, SpanChoice, TagScheme,
};

const HELP: &str = "usage: spanmark convert [--from F] --to G [options] IN... OUT

formats (F, G): spanmark, spacy, doccano, labelstudio, conll, brat, txt
  IN   files or folders (a folder is read whole: brat .txt/.ann pairs, many .txt files)
       zips are opened; --from is guessed from the first file when left out
  OUT  a file; or a folder (existing, or ending in /) to write every exported file into

options:
  --scheme iob2|bilou          CoNLL tags (default iob2)
  --offsets codepoint|utf16    doccano offsets, written and read when a file does not say
                               (default codepoint; utf16 for doccano's own page)
  --suggestions                export suggestions too (default: accepted spans only)
  --done                       export only documents marked done
  --date YYYY-MM-DD            date in exported file names (folder output)
  --strict                     fail when the self-check reports any span that would not survive";

struct Args {
    from: Option<Format>,
    to: Format,
    options: ExportOptions,
    strict: bool,
    inputs: Vec<PathBuf>,
    output: PathBuf,
}

fn format_arg(value: Option<&String>, flag: &str) -> Result<Format, String> {
    let value = value.ok_or(format!("{flag} needs a format name"))?;
    Format::parse(value).ok_or(format!(
        "unknown format “{value}”; use one of: {}",
        Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

fn parse(args: &[String]) -> Result<Option<Args>, String> {
    let (mut from, mut to, mut strict) = (None, None, false);
    let mut options = ExportOptions::default();
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--help" | "-h" => return Ok(None),
            "--from" => from = Some(format_arg(it.next(), "--from")?),
            "--to" => to = Some(format_arg(it.next(), "--to")?),
            "--scheme" => {
                options.scheme = match it.next().map(String::as_str) {
                    Some("iob2") | Some("iob") => TagScheme::Iob2,
                    Some("bilou") => TagScheme::Bilou,
                    other => {
                        return Err(format!(
                            "--scheme takes iob2 or bilou, not “{}”",
                            other.unwrap_or("")
                        ))
                    }
                }
            }
            "--offsets" => {
                options.offsets = match it.next().map(String::as_str) {
                    Some("codepoint") => OffsetUnit::CodePoint,
                    Some("utf16") => OffsetUnit::Utf16,
                    other => {
                        return Err(format!(
                            "--offsets takes codepoint or utf16, not “{}”",
                            other.unwrap_or("")
                        ))
                    }
                }
            }
            "--suggestions" => options.spans = SpanChoice::WithSuggestions,
            "--done" => options.documents = DocumentChoice::Done,
            "--date" => options.date = it.next().cloned().ok_or("--date needs a date")?,
            "--strict" => strict = true,
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option “{flag}”\n{HELP}"))
            }
            path => paths.push(PathBuf::from(path)),
        }
    }
    let to = to.ok_or(format!("--to is required\n{HELP}"))?;
    if paths.len() < 2 {
        return Err(format!("give at least one input and the output\n{HELP}"));
    }
    let output = paths.pop().unwrap_or_default();
    Ok(Some(Args {
        from,
        to,
        options,
        strict,
        inputs: paths,
        output,
    }))
}

pub fn run(args: &[String]) -> Result<(), String> {
    let Some(args) = parse(args)? else {
        println!("{HELP}");
        return Ok(());
    };
    let done = formats::convert_paths(
        &args.inputs,
        args.from,
        args.to,
        &args.options,
        &args.output,
    )
    .map_err(|e| e.to_string())?;
    for note in &done.notes {
        eprintln!("note: {note}");
    }
    let export = &done.export;
    for problem in &export.report {
        eprintln!("warning: {problem}");
    }
    eprintln!(
        "convert: {} documents, {} spans from {} ({}) to {} ({} files); {} problems",
        export.documents,
        export.spans,
        args.inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" "),
        done.from.name(),
        args.output.display(),
        done.written.len(),
        export.report.len()
    );
    if args.strict && !export.report.is_empty() {
        return Err(format!(
            "{} spans or documents would not survive the conversion (--strict)",
            export.report.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_are_parsed_and_bad_ones_named() {
        let a = parse(&args(&[
            "--from",
            "doccano",
            "--to",
            "conll",
            "--scheme",
            "bilou",
            "--suggestions",
            "in",
            "out",
        ]))
        .unwrap()
        .unwrap();
        assert_eq!(
            (a.from, a.to, a.options.scheme, a.options.spans),
            (
                Some(Format::Doccano),
                Format::Conll,
                TagScheme::Bilou,
                SpanChoice::WithSuggestions
            )
        );
        assert_eq!(a.inputs, [PathBuf::from("in")]);
        assert!(parse(&args(&["--to", "csv", "a", "b"]))
            .err()
            .unwrap()
            .starts_with("unknown format “csv”"));
        assert!(
            parse(&args(&["--to", "conll", "--scheme", "bio", "a", "b"]))
                .err()
                .unwrap()
                .contains("iob2 or bilou")
        );
    }

    #[test]
    fn a_doccano_file_becomes_conll_and_strict_fails_on_a_lost_span() {
        let dir = std::env::temp_dir().join(format!("spanmark-convert-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let input = dir.join("in.jsonl");
        std::fs::write(
            &input,
            "{\"text\":\"Lahorebased 😀 Herat\",\"label\":[[14,19,\"GPE\"]]}\n",
        )
        .unwrap();
        let out = dir.join("out.conll");
        let run_with = |extra: &[&str]| {
            let mut a = args(&["--to", "conll"]);
            a.extend(args(extra));
            a.extend([input.display().to_string(), out.display().to_string()]);
            run(&a)
        };
        run_with(&[]).unwrap();
        let conll = std::fs::read_to_string(&out).unwrap();
        assert!(conll.contains("Herat -X- _ B-GPE\n"), "{conll}");
        std::fs::write(
            &input,
            "{\"text\":\"Lahorebased\",\"label\":[[0,6,\"GPE\"]]}\n",
        )
        .unwrap();
        assert!(run_with(&[]).is_ok(), "a lost span is a warning by default");
        assert!(run_with(&["--strict"])
            .unwrap_err()
            .contains("would not survive"));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn brat_goes_to_a_folder_and_comes_back_from_it() {
        let dir = std::env::temp_dir().join(format!("spanmark-brat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let golden = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spanmark-core/tests/golden/news.spanmark.json"
        );
        let folder = format!("{}/brat/", dir.display());
        run(&args(&["--to", "brat", "--suggestions", golden, &folder])).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(&folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 10, "{names:?}");
        assert!(names.contains(&"annotation.conf".to_string()));
        let back = dir.join("back.jsonl");
        run(&args(&[
            "--from",
            "brat",
            "--to",
            "doccano",
            &folder,
            &back.display().to_string(),
        ]))
        .unwrap();
        let lines = std::fs::read_to_string(&back).unwrap();
        assert_eq!(lines.lines().count(), 4);
        assert_eq!(lines.matches("\"GPE\"").count(), 6, "{lines}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
