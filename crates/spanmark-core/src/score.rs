//! Strict exact-span scoring of predicted entities against gold ones: micro precision, recall
//! and F1 per label, over all labels, and over "core3" (PERSON, ORG, GPE+LOC+FAC as LOC).

use std::collections::{BTreeMap, HashMap};

/// One labelled stretch, in code point offsets (end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

impl Mention {
    pub fn new(start: usize, end: usize, label: impl Into<String>) -> Mention {
        Mention {
            start,
            end,
            label: label.into(),
        }
    }
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// What kind of mistake an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ErrorKind {
    /// predicted, not in gold at all
    FalsePositive,
    /// in gold, not predicted at all
    FalseNegative,
    /// same span, another label
    WrongLabel,
}

/// A scoring tally over any number of documents.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub documents: usize,
    per_label: BTreeMap<String, Counts>,
    core3: BTreeMap<String, Counts>,
    /// (kind, span text, gold label or "", predicted label or "") → count
    errors: HashMap<(ErrorKind, String, String, String), usize>,
}

/// The core3 view of a label: PERSON, ORG, and places merged as LOC; others dropped.
pub fn core3(label: &str) -> Option<&'static str> {
    match label {
        "PERSON" => Some("PERSON"),
        "ORG" => Some("ORG"),
        "GPE" | "LOC" | "FAC" => Some("LOC"),
        _ => None,
    }
}

impl Tally {
    /// Adds one document: its text (for the error list) and its gold and predicted mentions.
    pub fn add(&mut self, text: &str, gold: &[Mention], pred: &[Mention]) {
        self.documents += 1;
        let chars: Vec<char> = text.chars().collect();
        let slice = |m: &Mention| -> String {
            chars
                .get(m.start.min(chars.len())..m.end.min(chars.len()))
                .map(|c| c.iter().collect())
                .unwrap_or_default()
        };
        tally(&mut self.per_label, gold, pred, |l| Some(l.to_string()));
        tally(&mut self.core3, gold, pred, |l| {
            core3(l).map(str::to_string)
        });
        let gold_at: HashMap<(usize, usize), &str> = gold
            .iter()
            .map(|m| ((m.start, m.end), m.label.as_str()))
            .collect();
        let pred_at: HashMap<(usize, usize), &str> = pred
            .iter()
            .map(|m| ((m.start, m.end), m.label.as_str()))
            .collect();
        for p in pred {
            match gold_at.get(&(p.start, p.end)) {
                Some(g) if *g == p.label => {}
                Some(g) => {
                    *self
                        .errors
                        .entry((
                            ErrorKind::WrongLabel,
                            slice(p),
                            g.to_string(),
                            p.label.clone(),
                        ))
                        .or_default() += 1
                }
                None => {
                    *self
                        .errors
                        .entry((
                            ErrorKind::FalsePositive,
                            slice(p),
                            String::new(),
                            p.label.clone(),
                        ))
                        .or_default() += 1
                }
            }
        }
        for g in gold {
            if !pred_at.contains_key(&(g.start, g.end)) {
                *self
                    .errors
                    .entry((
                        ErrorKind::FalseNegative,
                        slice(g),
                        g.label.clone(),
                        String::new(),
                    ))
                    .or_default() += 1;
            }
        }
    }

    /// Counts per label (all labels seen in gold or predictions).
    pub fn per_label(&self) -> &BTreeMap<String, Counts> {
        &self.per_label
    }

    /// Micro counts over every label.
    pub fn all(&self) -> Counts {
        sum(&self.per_label)
    }

    /// Micro counts over PERSON, ORG and LOC (= GPE + LOC + FAC).
    pub fn core3(&self) -> Counts {
        sum(&self.core3)
    }

    pub fn core3_per_label(&self) -> &BTreeMap<String, Counts> {
        &self.core3
    }

    /// The most frequent errors: (kind, text, gold label, predicted label, count), most frequent first.
    pub fn top_errors(&self, n: usize) -> Vec<(ErrorKind, String, String, String, usize)> {
        let mut all: Vec<_> = self
            .errors
            .iter()
            .map(|((k, t, g, p), c)| (*k, t.clone(), g.clone(), p.clone(), *c))
            .collect();
        all.sort_by(|a, b| {
            b.4.cmp(&a.4)
                .then_with(|| (a.0, &a.1, &a.2, &a.3).cmp(&(b.0, &b.1, &b.2, &b.3)))
        });
        all.truncate(n);
        all
    }

    /// A plain-text table: per label, all labels, core3, then the most frequent errors.
    pub fn report(&self, errors: usize) -> String {
        let mut out = format!("{} documents, strict exact-span match\n\n", self.documents);
        out.push_str(&format!(
            "{:<10} {:>6} {:>6} {:>6} {:>7} {:>7} {:>7}\n",
            "label", "tp", "fp", "fn", "P", "R", "F1"
        ));
        let row = |name: &str, c: &Counts| {
            format!(
                "{:<10} {:>6} {:>6} {:>6} {:>7.1} {:>7.1} {:>7.1}\n",
                name,
                c.tp,
                c.fp,
                c.fn_,
                100.0 * c.precision(),
                100.0 * c.recall(),
                100.0 * c.f1()
            )
        };
        for (label, c) in &self.per_label {
            out.push_str(&row(label, c));
        }
        out.push_str(&row("ALL", &self.all()));
        out.push_str(&row("CORE3", &self.core3()));
        if errors > 0 {
            out.push_str("\nmost frequent errors:\n");
            for (kind, text, gold, pred, count) in self.top_errors(errors) {
                let what = match kind {
                    ErrorKind::FalsePositive => format!("false positive {pred}"),
                    ErrorKind::FalseNegative => format!("missed {gold}"),
                    ErrorKind::WrongLabel => format!("{gold} labelled {pred}"),
                };
                out.push_str(&format!(
                    "{count:>4}  {what:<26} “{}”\n",
                    text.replace('\n', " ")
                ));
            }
        }
        out
    }
}

fn tally(
    into: &mut BTreeMap<String, Counts>,
    gold: &[Mention],
    pred: &[Mention],
    view: impl Fn(&str) -> Option<String>,
) {
    let mut g: HashMap<(usize, usize, String), usize> = HashMap::new();
    for m in gold {
        if let Some(l) = view(&m.label) {
            *g.entry((m.start, m.end, l)).or_default() += 1;
        }
    }
    let mut per: BTreeMap<String, Counts> = BTreeMap::new();
    for m in pred {
        let Some(l) = view(&m.label) else { continue };
        let key = (m.start, m.end, l.clone());
        match g.get_mut(&key) {
            Some(n) if *n > 0 => {
                *n -= 1;
                per.entry(l).or_default().tp += 1;
            }
            _ => per.entry(l).or_default().fp += 1,
        }
    }
    for ((_, _, l), n) in g {
        per.entry(l).or_default().fn_ += n;
    }
    for (l, c) in per {
        into.entry(l).or_default().add(c);
    }
}

fn sum(m: &BTreeMap<String, Counts>) -> Counts {
    let mut total = Counts::default();
    for c in m.values() {
        total.add(*c);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_micro_scores_and_core3() {
        let text = "Imran Khan met Lahore police in Punjab on Monday";
        let gold = [
            Mention::new(0, 10, "PERSON"),
            Mention::new(15, 21, "GPE"),
            Mention::new(32, 38, "GPE"),
            Mention::new(42, 48, "DATE"),
        ];
        let pred = [
            Mention::new(0, 5, "PERSON"),
            Mention::new(15, 21, "GPE"),
            Mention::new(32, 38, "LOC"),
            Mention::new(42, 48, "DATE"),
        ];
        let mut t = Tally::default();
        t.add(text, &gold, &pred);
        assert_eq!(
            t.all(),
            Counts {
                tp: 2,
                fp: 2,
                fn_: 2
            }
        );
        assert!((t.all().f1() - 0.5).abs() < 1e-9);
        // core3 merges GPE and LOC, so "Punjab" counts there; DATE is not in core3
        assert_eq!(
            t.core3(),
            Counts {
                tp: 2,
                fp: 1,
                fn_: 1
            }
        );
        let errors = t.top_errors(10);
        assert!(errors.contains(&(
            ErrorKind::WrongLabel,
            "Punjab".into(),
            "GPE".into(),
            "LOC".into(),
            1
        )));
        assert!(errors.contains(&(
            ErrorKind::FalsePositive,
            "Imran".into(),
            String::new(),
            "PERSON".into(),
            1
        )));
        assert!(errors.contains(&(
            ErrorKind::FalseNegative,
            "Imran Khan".into(),
            "PERSON".into(),
            String::new(),
            1
        )));
        let report = t.report(5);
        assert!(report.contains("CORE3") && report.contains("missed PERSON"));
    }

    #[test]
    fn empty_inputs_score_zero_without_dividing_by_zero() {
        let mut t = Tally::default();
        t.add("", &[], &[]);
        assert_eq!(t.all().f1(), 0.0);
        assert!(t.top_errors(3).is_empty());
    }
}
