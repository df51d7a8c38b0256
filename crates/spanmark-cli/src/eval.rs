//! `spanmark eval`: not built yet.

pub fn run(_args: &[String]) -> Result<(), String> {
    if _args.iter().any(|a| a == "--curve") {
        return crate::curve::run(_args);
    }
    Err("`eval` is not available yet".into())
}
