//! BILOU tags over tokens: the tag set for a list of labels, spans ↔ tags, and which
//! tag may follow which (so decoding can only produce well-formed spans).

use crate::token::Token;

/// Tag index 0 is O; label `l` has B = 1+4l, I = 2+4l, L = 3+4l, U = 4+4l.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Outside,
    Begin,
    Inside,
    Last,
    Unit,
}

/// The tags for a fixed, ordered list of labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagSet {
    labels: Vec<String>,
}

/// A span over tokens: `first..last_excl` token indices and the label index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenSpan {
    pub first: usize,
    pub end: usize,
    pub label: usize,
}

impl TagSet {
    pub fn new(labels: Vec<String>) -> Self {
        TagSet { labels }
    }
    pub fn labels(&self) -> &[String] {
        &self.labels
    }
    pub fn label_index(&self, name: &str) -> Option<usize> {
        self.labels.iter().position(|l| l == name)
    }
    /// Number of tags, O included.
    pub fn len(&self) -> usize {
        1 + 4 * self.labels.len()
    }
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }
    pub fn tag(part: Part, label: usize) -> usize {
        match part {
            Part::Outside => 0,
            Part::Begin => 1 + 4 * label,
            Part::Inside => 2 + 4 * label,
            Part::Last => 3 + 4 * label,
            Part::Unit => 4 + 4 * label,
        }
    }
    pub fn split(tag: usize) -> (Part, usize) {
        if tag == 0 {
            return (Part::Outside, 0);
        }
        let label = (tag - 1) / 4;
        let part = match (tag - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::Last,
            _ => Part::Unit,
        };
        (part, label)
    }
    /// Readable name, e.g. `B-GPE`, for feature strings and debugging.
    pub fn name(&self, tag: usize) -> String {
        let (part, label) = Self::split(tag);
        let p = match part {
            Part::Outside => return "O".into(),
            Part::Begin => "B",
            Part::Inside => "I",
            Part::Last => "L",
            Part::Unit => "U",
        };
        format!(
            "{p}-{}",
            self.labels.get(label).map(String::as_str).unwrap_or("?")
        )
    }
    /// May `to` follow `from` (`None` = sentence start)?
    pub fn allowed(from: Option<usize>, to: usize) -> bool {
        let (tp, tl) = Self::split(to);
        match from.map(Self::split) {
            None | Some((Part::Outside | Part::Last | Part::Unit, _)) => {
                matches!(tp, Part::Outside | Part::Begin | Part::Unit)
            }
            Some((Part::Begin | Part::Inside, fl)) => {
                matches!(tp, Part::Inside | Part::Last) && fl == tl
            }
        }
    }
    /// May a sentence end on this tag?
    pub fn may_end(tag: usize) -> bool {
        matches!(Self::split(tag).0, Part::Outside | Part::Last | Part::Unit)
    }
}

/// Tokens covered by a code point range: every token overlapping it (spans are snapped
/// outwards to whole tokens). Empty when the range touches no token.
pub fn covered_tokens(tokens: &[Token], start: usize, end: usize) -> std::ops::Range<usize> {
    let first = tokens.partition_point(|t| t.end <= start);
    let mut last = first;
    while last < tokens.len() && tokens[last].start < end {
        last += 1;
    }
    first..last
}

/// Tags for tokens given spans as (start, end, label index) in code points. Later
/// spans that overlap an earlier one are skipped.
pub fn encode(tokens: &[Token], spans: &[(usize, usize, usize)]) -> Vec<usize> {
    let mut tags = vec![0; tokens.len()];
    for &(start, end, label) in spans {
        let r = covered_tokens(tokens, start, end);
        if r.is_empty() || tags[r.clone()].iter().any(|&t| t != 0) {
            continue;
        }
        if r.len() == 1 {
            tags[r.start] = TagSet::tag(Part::Unit, label);
            continue;
        }
        for i in r.clone() {
            let part = if i == r.start {
                Part::Begin
            } else if i + 1 == r.end {
                Part::Last
            } else {
                Part::Inside
            };
            tags[i] = TagSet::tag(part, label);
        }
    }
    tags
}

/// Spans from a tag sequence; ill-formed runs are read leniently (a B without L ends
/// where the label changes).
pub fn decode(tags: &[usize]) -> Vec<TokenSpan> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let (part, label) = TagSet::split(tag);
        if let Some((first, l)) = open {
            let continues = matches!(part, Part::Inside | Part::Last) && l == label;
            if !continues {
                out.push(TokenSpan {
                    first,
                    end: i,
                    label: l,
                });
                open = None;
            }
        }
        match part {
            Part::Outside => {}
            Part::Unit => out.push(TokenSpan {
                first: i,
                end: i + 1,
                label,
            }),
            Part::Begin => open = Some((i, label)),
            Part::Inside | Part::Last => {
                let (first, _) = open.unwrap_or((i, label));
                if part == Part::Last {
                    out.push(TokenSpan {
                        first,
                        end: i + 1,
                        label,
                    });
                    open = None;
                } else {
                    open = Some((first, label));
                }
            }
        }
    }
    if let Some((first, label)) = open {
        out.push(TokenSpan {
            first,
            end: tags.len(),
            label,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    #[test]
    fn round_trip_spans_through_tags() {
        let text = "Imran Khan met Afghan officials in Kabul";
        let tokens = tokenize(text);
        let tags = encode(&tokens, &[(0, 10, 0), (15, 21, 1), (35, 40, 2)]);
        assert_eq!(tags, vec![1, 3, 0, 8, 0, 0, 12]);
        let spans = decode(&tags);
        assert_eq!(spans.len(), 3);
        assert_eq!(
            spans[0],
            TokenSpan {
                first: 0,
                end: 2,
                label: 0
            }
        );
        assert_eq!(
            spans[2],
            TokenSpan {
                first: 6,
                end: 7,
                label: 2
            }
        );
    }

    #[test]
    fn inside_may_only_follow_its_own_label() {
        let b_org = TagSet::tag(Part::Begin, 1);
        assert!(TagSet::allowed(Some(b_org), TagSet::tag(Part::Last, 1)));
        assert!(!TagSet::allowed(Some(b_org), TagSet::tag(Part::Last, 0)));
        assert!(!TagSet::allowed(Some(b_org), 0));
        assert!(!TagSet::allowed(None, TagSet::tag(Part::Inside, 0)));
        assert!(!TagSet::may_end(b_org));
    }
}
