//! `spanmark convert`: not built yet.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("`convert` is not available yet".into())
}
