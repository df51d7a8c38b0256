//! Changes to the label schema made in the schema editor, and what they do to spans:
//! a rename renames the spans, a delete removes them. Keys follow palette order (1–9, 0).

use spanmark_core::{CoreError, Label, Schema, Span};

#[derive(Debug, Clone, PartialEq)]
pub enum SchemaChange {
    Add {
        name: String,
        color: String,
    },
    Rename {
        from: String,
        to: String,
    },
    Recolor {
        name: String,
        color: String,
    },
    /// Move one place up (-1) or down (+1) in the palette.
    Move {
        name: String,
        delta: i32,
    },
    Remove {
        name: String,
    },
}

/// What a schema change means for the spans of every document.
#[derive(Debug, Clone, PartialEq)]
pub enum SpanFix {
    Keep,
    Rename { from: String, to: String },
    Remove(String),
}

impl SchemaChange {
    /// Apply to a schema; on error the schema is unchanged.
    pub fn apply(&self, schema: &mut Schema) -> Result<SpanFix, CoreError> {
        let fix = match self {
            SchemaChange::Add { name, color } => {
                let name = clean_name(name)?;
                if schema.contains(&name) {
                    return Err(CoreError::DuplicateLabel(name));
                }
                schema.labels.push(Label {
                    name,
                    color: color.clone(),
                    key: None,
                });
                SpanFix::Keep
            }
            SchemaChange::Rename { from, to } => {
                let to = clean_name(to)?;
                let i = position(schema, from)?;
                if &to == from {
                    return Ok(SpanFix::Keep);
                }
                if schema.contains(&to) {
                    return Err(CoreError::DuplicateLabel(to));
                }
                schema.labels[i].name = to.clone();
                SpanFix::Rename {
                    from: from.clone(),
                    to,
                }
            }
            SchemaChange::Recolor { name, color } => {
                let i = position(schema, name)?;
                schema.labels[i].color = color.clone();
                SpanFix::Keep
            }
            SchemaChange::Move { name, delta } => {
                let i = position(schema, name)?;
                let j = i as i64 + *delta as i64;
                if j < 0 || j >= schema.labels.len() as i64 {
                    return Err(CoreError::Invalid(format!("“{name}” cannot move further")));
                }
                schema.labels.swap(i, j as usize);
                SpanFix::Keep
            }
            SchemaChange::Remove { name } => {
                let i = position(schema, name)?;
                schema.labels.remove(i);
                SpanFix::Remove(name.clone())
            }
        };
        renumber_keys(schema);
        Ok(fix)
    }
}

impl SpanFix {
    /// The spans after the fix, or `None` when nothing changes.
    pub fn spans(&self, spans: &[Span]) -> Option<Vec<Span>> {
        match self {
            SpanFix::Keep => None,
            SpanFix::Rename { from, to } => spans.iter().any(|s| &s.label == from).then(|| {
                spans
                    .iter()
                    .cloned()
                    .map(|mut s| {
                        if &s.label == from {
                            s.label = to.clone();
                        }
                        s
                    })
                    .collect()
            }),
            SpanFix::Remove(name) => spans
                .iter()
                .any(|s| &s.label == name)
                .then(|| spans.iter().filter(|s| &s.label != name).cloned().collect()),
        }
    }
}

/// Keys follow the palette: the first nine labels get 1–9, the tenth 0, the rest none.
pub fn renumber_keys(schema: &mut Schema) {
    for (i, label) in schema.labels.iter_mut().enumerate() {
        label.key = match i {
            0..=8 => char::from_digit(i as u32 + 1, 10),
            9 => Some('0'),
            _ => None,
        };
    }
}

fn position(schema: &Schema, name: &str) -> Result<usize, CoreError> {
    schema
        .labels
        .iter()
        .position(|l| l.name == name)
        .ok_or_else(|| CoreError::UnknownLabel(name.to_string()))
}

fn clean_name(name: &str) -> Result<String, CoreError> {
    let name: String = name
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .collect();
    if name.is_empty() {
        Err(CoreError::EmptyLabelName)
    } else {
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_rename_move_remove() {
        let mut s = Schema::news();
        SchemaChange::Add {
            name: " WEAPON ".into(),
            color: "#112233".into(),
        }
        .apply(&mut s)
        .unwrap();
        assert_eq!(s.labels[8].name, "WEAPON");
        assert_eq!(s.labels[8].key, Some('9'));
        let dup = SchemaChange::Add {
            name: "ORG".into(),
            color: "#000".into(),
        }
        .apply(&mut s);
        assert_eq!(dup, Err(CoreError::DuplicateLabel("ORG".into())));
        let fix = SchemaChange::Rename {
            from: "ORG".into(),
            to: "ORGANISATION".into(),
        }
        .apply(&mut s)
        .unwrap();
        assert_eq!(
            fix,
            SpanFix::Rename {
                from: "ORG".into(),
                to: "ORGANISATION".into()
            }
        );
        SchemaChange::Move {
            name: "ORGANISATION".into(),
            delta: -1,
        }
        .apply(&mut s)
        .unwrap();
        assert_eq!(s.labels[0].name, "ORGANISATION");
        assert_eq!(s.labels[0].key, Some('1'));
        assert_eq!(s.labels[1].key, Some('2'));
        assert!(SchemaChange::Move {
            name: "ORGANISATION".into(),
            delta: -1
        }
        .apply(&mut s)
        .is_err());
        let fix = SchemaChange::Remove { name: "GPE".into() }
            .apply(&mut s)
            .unwrap();
        assert_eq!(fix, SpanFix::Remove("GPE".into()));
        assert!(!s.contains("GPE"));
        assert_eq!(
            SchemaChange::Add {
                name: "  ".into(),
                color: "#000".into()
            }
            .apply(&mut s),
            Err(CoreError::EmptyLabelName)
        );
    }

    #[test]
    fn fixes_rename_and_remove_spans() {
        let spans = vec![Span::manual(0, 3, "ORG"), Span::manual(4, 6, "GPE")];
        let renamed = SpanFix::Rename {
            from: "ORG".into(),
            to: "X".into(),
        }
        .spans(&spans)
        .unwrap();
        assert_eq!(renamed[0].label, "X");
        assert_eq!(renamed[1].label, "GPE");
        let removed = SpanFix::Remove("GPE".into()).spans(&spans).unwrap();
        assert_eq!(removed.len(), 1);
        assert_eq!(SpanFix::Remove("DATE".into()).spans(&spans), None);
    }
}
