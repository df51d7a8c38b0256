//! The corrections a user makes to turn the suggestions for a document into its gold spans:
//! spans added, removed, relabelled and resized. The number a learning curve is judged by.

use crate::score::Mention;

/// Counts of each kind of correction (a suggestion that is right costs nothing).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Corrections {
    /// gold spans no suggestion touched: the user marks them
    pub added: usize,
    /// suggestions that touch no gold span: the user deletes them
    pub removed: usize,
    /// same extent, other label: the user picks the label
    pub relabelled: usize,
    /// overlapping, not the same extent: the user drags an edge (and maybe relabels)
    pub resized: usize,
}

impl Corrections {
    pub fn total(&self) -> usize {
        self.added + self.removed + self.relabelled + self.resized
    }

    pub fn add(&mut self, other: Corrections) {
        self.added += other.added;
        self.removed += other.removed;
        self.relabelled += other.relabelled;
        self.resized += other.resized;
    }
}

/// How a suggestion is paired with a gold span in one pass.
type Pairing = dyn Fn(&Mention, &Mention) -> bool;

fn overlaps(a: &Mention, b: &Mention) -> bool {
    a.start < b.end && b.start < a.end
}

/// What became of one suggestion when the user corrected a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fix {
    /// right as suggested
    Right,
    /// same extent as a gold span, other label
    Relabelled,
    /// overlaps a gold span, other extent
    Resized,
    /// touches no gold span left to pair
    Removed,
}

/// The fix of each suggestion (in order) and how many gold spans no suggestion touched.
/// Exact matches are paired first, then same extents (relabel), then overlaps (resize),
/// each suggestion and gold span used once.
pub fn fixes(gold: &[Mention], suggested: &[Mention]) -> (Vec<Fix>, usize) {
    let mut gold_used = vec![false; gold.len()];
    let mut fix = vec![Fix::Removed; suggested.len()];
    let passes: [(&Pairing, Fix); 3] = [
        (&|g, s| g == s, Fix::Right),
        (
            &|g, s| g.start == s.start && g.end == s.end,
            Fix::Relabelled,
        ),
        (&|g, s| overlaps(g, s), Fix::Resized),
    ];
    for (same, kind) in passes {
        for (gi, g) in gold.iter().enumerate() {
            if gold_used[gi] {
                continue;
            }
            let Some(si) =
                (0..suggested.len()).find(|&si| fix[si] == Fix::Removed && same(g, &suggested[si]))
            else {
                continue;
            };
            gold_used[gi] = true;
            fix[si] = kind;
        }
    }
    let added = gold_used.iter().filter(|u| !**u).count();
    (fix, added)
}

/// What it takes to turn `suggested` into `gold` (the pairing of `fixes`).
pub fn corrections(gold: &[Mention], suggested: &[Mention]) -> Corrections {
    let (fix, added) = fixes(gold, suggested);
    let count = |k: Fix| fix.iter().filter(|&&f| f == k).count();
    Corrections {
        added,
        // a suggestion overlapping an already paired gold span is still one delete
        removed: count(Fix::Removed),
        relabelled: count(Fix::Relabelled),
        resized: count(Fix::Resized),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: usize, e: usize, l: &str) -> Mention {
        Mention::new(s, e, l)
    }

    #[test]
    fn each_kind_of_correction_is_counted_once() {
        let gold = vec![
            m(0, 5, "ORG"),
            m(10, 15, "ORG"),
            m(20, 30, "PERSON"),
            m(40, 45, "GPE"),
        ];
        let suggested = vec![
            m(0, 5, "ORG"),      // right
            m(10, 15, "GPE"),    // relabel
            m(20, 25, "PERSON"), // resize
            m(50, 55, "DATE"),   // remove
        ];
        let c = corrections(&gold, &suggested);
        assert_eq!(
            c,
            Corrections {
                added: 1,
                removed: 1,
                relabelled: 1,
                resized: 1
            }
        );
        assert_eq!(c.total(), 4);
    }

    #[test]
    fn perfect_suggestions_need_no_correction_and_none_need_all_added() {
        let gold = vec![m(0, 5, "ORG"), m(6, 9, "GPE")];
        assert_eq!(corrections(&gold, &gold).total(), 0);
        assert_eq!(corrections(&gold, &[]).added, 2);
        assert_eq!(corrections(&[], &gold).removed, 2);
    }
}
