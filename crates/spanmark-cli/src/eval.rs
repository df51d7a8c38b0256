//! `spanmark eval`: not built yet.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("`eval` is not available yet".into())
}
