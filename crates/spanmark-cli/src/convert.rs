//! `spanmark convert --from F --to G IN... OUT`: import with the core's readers, export with its
//! writers, print the self-check report; a thin shell over `spanmark_core::formats`.

use std::path::PathBuf;

use spanmark_core::formats::{
    self, Conversion, DocumentChoice, ExportOptions, Format, ImportOptions, OffsetUnit, Read,
    SpanChoice, TagScheme,
};
use spanmark_core::label::Schema;

use crate::output;

/// Imports with the core's readers, exports with its writers, prints the self-check report.
/// Formats (F, G): spanmark, spacy, doccano, labelstudio, conll, brat, txt.
#[derive(clap::Args, Debug)]
#[command(verbatim_doc_comment)]
pub struct Options {
    /// Input format; guessed from the first file when left out
    #[arg(long, value_name = "F", value_parser = format_name)]
    from: Option<Format>,
    /// Output format
    #[arg(long, value_name = "G", value_parser = format_name)]
    to: Format,
    /// CoNLL tags: iob2 (or iob) or bilou
    #[arg(long, value_name = "iob2|bilou", value_parser = scheme, default_value = "iob2")]
    scheme: TagScheme,
    /// doccano offsets, written and read when a file does not say (utf16 for doccano's own page)
    #[arg(long, value_name = "codepoint|utf16", value_parser = offsets, default_value = "codepoint")]
    offsets: OffsetUnit,
    /// Export suggestions too (default: accepted spans only)
    #[arg(long)]
    suggestions: bool,
    /// Export only documents marked done
    #[arg(long)]
    done: bool,
    /// Date in exported file names (folder output)
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Fail when the self-check reports any span that would not survive
    #[arg(long)]
    strict: bool,
    /// Files or folders to read (a folder is read whole: brat .txt/.ann pairs, many .txt
    /// files; zips are opened), then the output: a file, a folder (existing, or ending
    /// in /) to write every exported file into, or - for standard output
    #[arg(value_name = "IN... OUT", num_args = 2.., required = true)]
    paths: Vec<PathBuf>,
}

fn format_name(value: &str) -> Result<Format, String> {
    Format::parse(value).ok_or(format!(
        "unknown format “{value}”; use one of: {}",
        Format::ALL
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

fn scheme(value: &str) -> Result<TagScheme, String> {
    match value {
        "iob2" | "iob" => Ok(TagScheme::Iob2),
        "bilou" => Ok(TagScheme::Bilou),
        other => Err(format!("--scheme takes iob2 or bilou, not “{other}”")),
    }
}

fn offsets(value: &str) -> Result<OffsetUnit, String> {
    match value {
        "codepoint" => Ok(OffsetUnit::CodePoint),
        "utf16" => Ok(OffsetUnit::Utf16),
        other => Err(format!("--offsets takes codepoint or utf16, not “{other}”")),
    }
}

/// What the options ask for: the export settings, the inputs and the output.
struct Job {
    from: Option<Format>,
    to: Format,
    options: ExportOptions,
    strict: bool,
    inputs: Vec<PathBuf>,
    output: PathBuf,
}

impl From<Options> for Job {
    fn from(o: Options) -> Job {
        let mut options = ExportOptions {
            scheme: o.scheme,
            offsets: o.offsets,
            ..ExportOptions::default()
        };
        if o.suggestions {
            options.spans = SpanChoice::WithSuggestions;
        }
        if o.done {
            options.documents = DocumentChoice::Done;
        }
        if let Some(date) = o.date {
            options.date = date;
        }
        let mut inputs = o.paths;
        let output = inputs.pop().unwrap_or_default();
        Job {
            from: o.from,
            to: o.to,
            options,
            strict: o.strict,
            inputs,
            output,
        }
    }
}

pub fn run(o: Options) -> Result<(), String> {
    run_job(Job::from(o))
}

fn run_job(args: Job) -> Result<(), String> {
    let to_stdout = args.output.as_os_str() == "-";
    let done = if to_stdout {
        convert_to_stdout(&args)?
    } else {
        formats::convert_paths(
            &args.inputs,
            args.from,
            args.to,
            &args.options,
            &args.output,
        )
        .map_err(|e| e.to_string())?
    };
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
        if to_stdout {
            "standard output".into()
        } else {
            args.output.display().to_string()
        },
        done.written.len().max(usize::from(to_stdout)),
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

/// OUT is `-`: the export (one file; a brat export is one zip) goes to standard output, as
/// `convert_paths` would write it to a file.
fn convert_to_stdout(args: &Job) -> Result<Conversion, String> {
    let reading = ImportOptions {
        offsets: args.options.offsets,
    };
    let Read { from, imported } =
        formats::read_paths(&args.inputs, args.from, &reading).map_err(|e| e.to_string())?;
    let schema = imported.schema_or(&Schema::news());
    let export = formats::export(args.to, &imported.documents, &schema, &args.options)
        .map_err(|e| e.to_string())?;
    let [file] = export.files.as_slice() else {
        return Err(format!(
            "the {} export is {} files, which cannot go to standard output; give a folder \
             (a path ending in /) instead of -",
            args.to.name(),
            export.files.len()
        ));
    };
    output::print_bytes(&file.bytes)?;
    Ok(Conversion {
        from,
        notes: imported.notes,
        export,
        written: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    /// The convert options the parser reads from `list`, or its error message.
    fn parse(list: &[&str]) -> Result<Job, String> {
        let line = ["spanmark", "convert"]
            .into_iter()
            .chain(list.iter().copied());
        match <crate::Cli as clap::Parser>::try_parse_from(line) {
            Ok(crate::Cli {
                command: crate::Command::Convert(o),
            }) => Ok(Job::from(o)),
            Ok(other) => panic!("not convert: {other:?}"),
            Err(e) => Err(e.to_string()),
        }
    }

    fn run(list: &[String]) -> Result<(), String> {
        let list: Vec<&str> = list.iter().map(String::as_str).collect();
        super::run_job(parse(&list)?)
    }

    #[test]
    fn options_are_parsed_and_bad_ones_named() {
        let a = parse(&[
            "--from",
            "doccano",
            "--to",
            "conll",
            "--scheme",
            "bilou",
            "--suggestions",
            "in",
            "out",
        ])
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
        assert_eq!(a.output, PathBuf::from("out"));
        let bad = parse(&["--to", "csv", "a", "b"]).err().unwrap();
        assert!(bad.contains("unknown format “csv”"), "{bad}");
        let bad = parse(&["--to", "conll", "--scheme", "bio", "a", "b"])
            .err()
            .unwrap();
        assert!(bad.contains("iob2 or bilou"), "{bad}");
        let bad = parse(&["--to", "conll", "--strikt", "a", "b"])
            .err()
            .unwrap();
        assert!(
            bad.contains("--strikt") && bad.contains("--strict"),
            "{bad}"
        );
        let bad = parse(&["--to", "conll", "a"]).err().unwrap();
        assert!(
            bad.contains("IN... OUT"),
            "one path is not an input and an output: {bad}"
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
