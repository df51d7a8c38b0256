//! Reading the annotators of `agree` and `adjudicate` from disk: one file (or folder of brat
//! files) per annotator, loaded by the core's review loader; warnings go to stderr.

use std::path::Path;

use spanmark_core::formats::annotator_files;
use spanmark_core::review::{load_annotator_files, name_from_file, Team};

/// The team of the given paths, at least two; every loading warning printed as `warning:`.
pub fn load_team(paths: &[String]) -> Result<Team, String> {
    if paths.len() < 2 {
        return Err("give at least two annotators' files".into());
    }
    // one thread per file: parsing and tokenizing dominate, and the files are independent
    let loaded: Vec<Result<_, String>> = std::thread::scope(|scope| {
        let jobs: Vec<_> = paths
            .iter()
            .map(|path| {
                scope.spawn(move || {
                    let files = annotator_files(Path::new(path))?;
                    let name = name_from_file(path.trim_end_matches('/'));
                    load_annotator_files(&name, &files).map_err(|e| e.to_string())
                })
            })
            .collect();
        jobs.into_iter()
            .map(|j| {
                j.join()
                    .unwrap_or_else(|_| Err("loading a file failed".into()))
            })
            .collect()
    });
    let annotators = loaded.into_iter().collect::<Result<Vec<_>, _>>()?;
    let team = Team::new(annotators).map_err(|e| e.to_string())?;
    for w in team.warnings() {
        eprintln!("warning: {w}");
    }
    Ok(team)
}
