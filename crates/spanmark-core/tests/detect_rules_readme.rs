//! The README's table of detector rules is the rule list (`detect::rules::RULES`) written out:
//! same names, same order, same stage and the same one-line doc. On failure it prints the table.

use spanmark_core::detect::rules::{Stage, RULES};

const START: &str = "<!-- rules:start -->";
const END: &str = "<!-- rules:end -->";

/// The table as the rule list gives it.
fn table() -> String {
    let mut out = String::from("| # | rule | stage | what it finds |\n|---|---|---|---|\n");
    for (n, r) in RULES.iter().enumerate() {
        let stage = match r.stage {
            Stage::Find => "find",
            Stage::Pass => "pass",
        };
        out.push_str(&format!(
            "| {} | `{}` | {} | {} |\n",
            n + 1,
            r.name,
            stage,
            r.doc.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn the_readme_lists_every_rule_in_order() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
    let readme = std::fs::read_to_string(path).expect("README.md is readable");
    let start = readme
        .find(START)
        .unwrap_or_else(|| panic!("README.md has no {START} marker"));
    let end = readme
        .find(END)
        .unwrap_or_else(|| panic!("README.md has no {END} marker"));
    let written = readme[start + START.len()..end].trim();
    let want = table();
    if written != want.trim() {
        let rows: Vec<&str> = written.lines().skip(2).collect();
        for (n, r) in RULES.iter().enumerate() {
            let row = rows.get(n).copied().unwrap_or("(no row)");
            assert!(
                row.contains(&format!("`{}`", r.name)),
                "README row {} should be rule `{}`, is: {row}\nThe table, from the rule list:\n{want}",
                n + 1,
                r.name
            );
        }
        panic!("the README's table of rules differs from the rule list; it should read:\n{want}");
    }
}
