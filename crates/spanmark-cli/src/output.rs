//! Standard output of every command. When the reader goes away (`spanmark detect … | head -1`)
//! the command stops quietly with exit status 0, as ripgrep does, instead of panicking.
//!
//! Rust ignores SIGPIPE, so a write to a closed pipe is an `EPIPE` error, and `println!` panics
//! on it. Commands print with `out!` / `outln!` (same arguments as `print!` / `println!`,
//! returning `Result<(), String>`), and a streaming writer maps its errors with `write_failed`.

use std::fmt;
use std::io::{self, Write};

/// Writes to standard output; see `write_failed` for what a failed write becomes.
pub fn print(text: fmt::Arguments<'_>) -> Result<(), String> {
    let written = io::stdout().lock().write_fmt(text);
    written.map_err(write_failed)
}

/// Writes `bytes` to standard output as they are (an exported file).
pub fn print_bytes(bytes: &[u8]) -> Result<(), String> {
    let mut out = io::stdout().lock();
    let written = out.write_all(bytes).and_then(|()| out.flush());
    drop(out);
    written.map_err(write_failed)
}

/// The sentence for a failed write of the output. A closed pipe is not a failure: the reader
/// has what it wanted, so the process ends here with status 0 (what ripgrep does).
pub fn write_failed(e: io::Error) -> String {
    if e.kind() == io::ErrorKind::BrokenPipe {
        std::process::exit(0);
    }
    format!("cannot write the output: {e}")
}

/// `print!` that returns `Result<(), String>` and ends quietly on a closed pipe.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::output::print(format_args!($($arg)*))
    };
}

/// `println!` that returns `Result<(), String>` and ends quietly on a closed pipe.
macro_rules! outln {
    () => {
        $crate::output::print(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::output::print(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub(crate) use {out, outln};
