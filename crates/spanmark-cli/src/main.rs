//! The `spanmark` command line: thin subcommands over spanmark-core.
//! Each subcommand lives in its own module with `run(args) -> Result<(), String>`.

mod adjudicate;
mod agree;
mod annotated;
mod consistency;
mod convert;
mod curve;
mod detect;
mod eval;
mod team_files;
mod train;

const USAGE: &str = "usage: spanmark <command> [options]

commands:
  detect       pre-annotate plain text files or JSON Lines with the rule detector
  eval         score predictions against gold annotations (strict exact spans)
  train        train a tagger model from exported annotations
  convert      convert annotations between formats
  agree        agreement of two or more annotators (span F1, kappa, alpha)
  adjudicate   agreed spans into a gold file, disagreements into a review file
  consistency  surface forms labelled two ways, or labelled here and not there

run `spanmark <command> --help` for the options of one command";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("detect") => detect::run(rest),
        Some("eval") => eval::run(rest),
        Some("train") => train::run(rest),
        Some("convert") => convert::run(rest),
        Some("agree") => agree::run(rest),
        Some("adjudicate") => adjudicate::run(rest),
        Some("consistency") => consistency::run(rest),
        Some("--version") | Some("-V") => {
            println!("spanmark {}", env!("CARGO_PKG_VERSION"));
            Ok(())
        }
        Some("--help") | Some("-h") | None => {
            println!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command “{other}”\n{USAGE}")),
    };
    if let Err(message) = result {
        eprintln!("spanmark: {message}");
        std::process::exit(2);
    }
}
