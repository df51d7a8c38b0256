//! `spanmark train`: not built yet.

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("`train` is not available yet".into())
}
