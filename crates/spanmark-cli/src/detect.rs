//! `spanmark detect`: not built yet.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("`detect` is not available yet".into())
}
