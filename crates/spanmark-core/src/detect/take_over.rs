//! A rule's finds put into the kept candidates: each find replaces what it overlaps unless a
//! kept candidate the rule defers to stands in its way; n log n when `kept` is tidy.

use std::collections::BTreeMap;

use super::candidate::Candidate;

/// Replace every candidate overlapping `c` by `c`, keeping the list sorted.
pub(crate) fn take_over(kept: &mut Vec<Candidate>, c: Candidate) {
    kept.retain(|o| o.last <= c.first || o.first >= c.last);
    kept.push(c);
    kept.sort_by_key(|o| o.first);
}

/// Is `kept` sorted with no two candidates overlapping and none empty (what `merge` and
/// `take_over` leave)?
pub(crate) fn tidy(kept: &[Candidate]) -> bool {
    kept.iter().all(|c| c.first < c.last) && kept.windows(2).all(|w| w[0].last <= w[1].first)
}

/// Do `a` and `b` share a token?
pub(crate) fn overlap(a: &Candidate, b: &Candidate) -> bool {
    a.first < b.last && b.first < a.last
}

/// For each find in order: unless `blocks(kept one, find)` holds for a kept candidate that
/// overlaps it, the find takes over (`take_over`). `blocks` must be false for candidates that
/// do not overlap the find. The same result as that loop, without its rescans and re-sorts
/// when `kept` is tidy. Returns how many kept candidates were compared with a find (for tests:
/// a handful per find when tidy, all of them per find otherwise).
pub(crate) fn place_all(
    kept: &mut Vec<Candidate>,
    found: Vec<Candidate>,
    blocks: impl Fn(&Candidate, &Candidate) -> bool,
) -> usize {
    if found.is_empty() {
        return 0;
    }
    if !tidy(kept) || found.iter().any(|c| c.first >= c.last) {
        let mut compared = 0;
        for c in found {
            compared += kept.len();
            if !kept.iter().any(|o| blocks(o, &c)) {
                take_over(kept, c);
            }
        }
        return compared;
    }
    // tidy: one candidate per first token, so the ones overlapping a find are the one just
    // before it (if it reaches in) and those starting inside it
    let mut by_first: BTreeMap<usize, Candidate> = kept.drain(..).map(|c| (c.first, c)).collect();
    let mut compared = 0;
    for c in found {
        let before = by_first
            .range(..c.first)
            .next_back()
            .map(|(_, o)| *o)
            .filter(|o| o.last > c.first);
        let inside: Vec<Candidate> = by_first.range(c.first..c.last).map(|(_, o)| *o).collect();
        let mut overlapping = before.into_iter().chain(inside);
        let mut blocked = false;
        let mut seen = Vec::new();
        for o in overlapping.by_ref() {
            compared += 1;
            seen.push(o);
            if blocks(&o, &c) {
                blocked = true;
                break;
            }
        }
        if blocked {
            continue;
        }
        for o in seen {
            by_first.remove(&o.first);
        }
        by_first.insert(c.first, c);
    }
    kept.extend(by_first.into_values());
    compared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::kind::Kind;
    use crate::dice::Dice;
    use crate::span::Origin;

    fn cand(first: usize, last: usize, rank: u8) -> Candidate {
        Candidate::new(first, last, Kind::Org, Origin::Pattern, rank)
    }

    fn longer_inside(o: &Candidate, c: &Candidate) -> bool {
        o.first <= c.first && o.last >= c.last && o.last - o.first > c.last - c.first
    }

    fn longer_overlapping(o: &Candidate, c: &Candidate) -> bool {
        overlap(o, c) && o.last - o.first > c.last - c.first
    }

    /// The loop `place_all` stands for, as the rules ran it before.
    fn one_by_one(
        kept: &mut Vec<Candidate>,
        found: Vec<Candidate>,
        blocks: impl Fn(&Candidate, &Candidate) -> bool,
    ) {
        for c in found {
            if !kept.iter().any(|o| blocks(o, &c)) {
                take_over(kept, c);
            }
        }
    }

    fn tidy_list(d: &mut Dice, tokens: usize) -> Vec<Candidate> {
        let mut kept = Vec::new();
        let mut i = 0;
        while i < tokens {
            i += d.roll(4);
            let len = 1 + d.roll(4);
            if i + len > tokens {
                break;
            }
            kept.push(cand(i, i + len, d.roll(9) as u8));
            i += len;
        }
        kept
    }

    fn finds(d: &mut Dice, tokens: usize, n: usize) -> Vec<Candidate> {
        (0..n)
            .map(|_| {
                let first = d.roll(tokens - 6);
                cand(first, first + 1 + d.roll(5), d.roll(9) as u8)
            })
            .collect()
    }

    #[test]
    fn the_same_result_as_placing_finds_one_by_one() {
        let mut d = Dice(0x9e37_79b9_7f4a_7c15);
        for round in 0..400 {
            let tokens = 20 + d.roll(80);
            let kept = tidy_list(&mut d, tokens);
            let n = d.roll(12);
            let found = finds(&mut d, tokens, n);
            for blocks in [longer_inside, longer_overlapping] {
                let mut fast = kept.clone();
                let mut slow = kept.clone();
                place_all(&mut fast, found.clone(), blocks);
                one_by_one(&mut slow, found.clone(), blocks);
                assert_eq!(fast, slow, "round {round}: kept {kept:?} found {found:?}");
                assert!(tidy(&fast), "round {round}");
            }
        }
    }

    #[test]
    fn an_untidy_list_is_placed_like_before_too() {
        let kept = vec![cand(5, 9, 0), cand(0, 3, 0), cand(2, 6, 1)];
        let found = vec![cand(1, 2, 0), cand(7, 8, 0), cand(10, 12, 0)];
        for blocks in [longer_inside, longer_overlapping] {
            let mut fast = kept.clone();
            let mut slow = kept.clone();
            place_all(&mut fast, found.clone(), blocks);
            one_by_one(&mut slow, found.clone(), blocks);
            assert_eq!(fast, slow);
        }
    }

    /// The rules compared each find with every kept candidate (and re-sorted them all): on a
    /// 50 MB text that was minutes. Now a find looks only at the candidates it overlaps.
    #[test]
    fn a_find_is_compared_only_with_the_candidates_it_overlaps() {
        let mut d = Dice(42);
        let kept = tidy_list(&mut d, 200_000);
        let found = finds(&mut d, 200_000, 2_000);
        let mut placed = kept.clone();
        let compared = place_all(&mut placed, found, longer_overlapping);
        // a find of at most 5 tokens overlaps at most 6 candidates
        assert!(
            compared <= 6 * 2_000,
            "{compared} comparisons for 2,000 finds among {} candidates",
            kept.len()
        );
        assert!(compared > 0);
    }
}
