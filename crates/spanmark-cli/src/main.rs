//! The `spanmark` command line: thin subcommands over spanmark-core, parsed strictly by clap.
//! Each subcommand is a module with an `Options` struct (its flags) and `run(Options)`.
//!
//! Adding a subcommand: write `src/NAME.rs` with `#[derive(clap::Args)] pub struct Options`
//! (a doc comment on every field is its `--help` line) and `pub fn run(o: Options) ->
//! Result<(), String>`, then add one variant to `Command` and one arm to `Command::run`.
//! Option parsing stays here and in the structs; the work stays in `run` (or the core).

mod adjudicate;
mod agree;
mod annotated;
mod by_rule;
mod consistency;
mod convert;
mod curve;
mod detect;
mod eval;
mod event_curve;
mod folds;
mod origins;
mod output;
mod team_files;
mod train;

use clap::{Parser, Subcommand};

#[derive(Parser, Debug)]
#[command(
    name = "spanmark",
    version,
    about = "Pre-annotate, score, train and convert named-entity annotations",
    after_help = "run `spanmark <command> --help` for the options of one command"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Pre-annotate plain text files or JSON Lines with the rule detector
    Detect(detect::Options),
    /// Score predictions against gold annotations (strict exact spans)
    Eval(eval::Options),
    /// Train a tagger model from exported annotations
    Train(train::Options),
    /// Convert annotations between formats
    Convert(convert::Options),
    /// Agreement of two or more annotators (span F1, kappa, alpha)
    Agree(agree::Options),
    /// Agreed spans into a gold file, disagreements into a review file
    Adjudicate(adjudicate::Options),
    /// Surface forms labelled two ways, or labelled here and not there
    Consistency(consistency::Options),
}

impl Command {
    fn run(self) -> Result<(), String> {
        match self {
            Command::Detect(o) => detect::run(o),
            Command::Eval(o) => eval::run(o),
            Command::Train(o) => train::run(o),
            Command::Convert(o) => convert::run(o),
            Command::Agree(o) => agree::run(o),
            Command::Adjudicate(o) => adjudicate::run(o),
            Command::Consistency(o) => consistency::run(o),
        }
    }
}

fn main() {
    // clap prints --help and --version itself, and names bad flags (exit status 2)
    let cli = Cli::parse();
    if let Err(message) = cli.command.run() {
        eprintln!("spanmark: {message}");
        std::process::exit(2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The error clap gives for an argument list (after the program name).
    fn error_of(args: &[&str]) -> String {
        let line = std::iter::once("spanmark").chain(args.iter().copied());
        match Cli::try_parse_from(line) {
            Ok(cli) => panic!("{args:?} parsed as {:?}", cli.command),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn the_option_tables_are_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn a_misspelt_flag_is_named_with_the_intended_one() {
        let e = error_of(&["train", "--bultin", "--data", "d", "--out", "m"]);
        assert!(e.contains("'--bultin'") && e.contains("'--builtin'"), "{e}");
        let e = error_of(&["detect", "--jsnol", "a.jsonl"]);
        assert!(e.contains("'--jsnol'") && e.contains("'--jsonl'"), "{e}");
        let e = error_of(&["eval", "--gold", "g", "--perd", "p"]);
        assert!(e.contains("'--perd'") && e.contains("'--pred'"), "{e}");
        let e = error_of(&["detekt"]);
        assert!(e.contains("'detekt'") && e.contains("'detect'"), "{e}");
    }

    #[test]
    fn a_flag_is_never_read_as_the_value_of_another() {
        let e = error_of(&["train", "--data", "--out", "x"]);
        assert!(e.contains("value is required for '--data"), "{e}");
        let e = error_of(&["eval", "--gold", "g", "--pred"]);
        assert!(e.contains("value is required for '--pred"), "{e}");
        let e = error_of(&["eval", "--gold", "g", "--pred", "p", "--errors", "many"]);
        assert!(e.contains("'many'") && e.contains("--errors"), "{e}");
    }

    #[test]
    fn missing_and_misplaced_options_are_errors() {
        let e = error_of(&["train", "--data", "d"]);
        assert!(e.contains("--out"), "{e}");
        let e = error_of(&["eval", "--gold", "g"]);
        assert!(e.contains("--pred"), "{e}");
        let e = error_of(&["eval", "--gold", "g", "--pred", "p", "--ks", "1,2"]);
        assert!(e.contains("--curve"), "curve options need --curve: {e}");
        let e = error_of(&["eval", "--curve"]);
        assert!(e.contains("--data"), "{e}");
        let e = error_of(&["eval", "--curve", "--data", "d", "--rules-drop", "120"]);
        assert!(e.contains("120"), "{e}");
    }

    #[test]
    fn good_lines_parse_into_the_typed_options() {
        let line = ["spanmark", "eval", "--curve", "--data", "d", "--ks", "0,3"];
        let Command::Eval(o) = Cli::try_parse_from(line).unwrap().command else {
            panic!("not eval");
        };
        assert!(format!("{o:?}").contains("ks: [0, 3]"), "{o:?}");
        let line = [
            "spanmark", "eval", "--curve", "--data", "d", "--errors", "--labels",
        ];
        let Command::Eval(o) = Cli::try_parse_from(line).unwrap().command else {
            panic!("not eval");
        };
        assert!(format!("{o:?}").contains("errors: Some(40)"), "{o:?}");
        let line = ["spanmark", "detect", "--jsonl", "-", "--builtin"];
        assert!(matches!(
            Cli::try_parse_from(line).unwrap().command,
            Command::Detect(_)
        ));
    }
}
