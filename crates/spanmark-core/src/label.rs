//! Label schema: ordered labels with name, colour and shortcut key, and the edits a user
//! makes to it (add, rename, recolour, reorder, delete; keys 1–9 follow the order).

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::event_schema::{default_events, default_relations, EventType, RelationType};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub name: String,
    /// CSS colour, e.g. "#0072B2"
    pub color: String,
    /// shortcut key, e.g. '1'
    pub key: Option<char>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schema {
    pub name: String,
    pub labels: Vec<Label>,
    /// relation types; a schema saved before they existed gets the guideline's
    #[serde(default = "crate::event_schema::default_relations")]
    pub relations: Vec<RelationType>,
    /// event types; a schema saved before they existed gets the guideline's
    #[serde(default = "crate::event_schema::default_events")]
    pub events: Vec<EventType>,
}

impl Default for Schema {
    fn default() -> Self {
        Schema::news()
    }
}

/// Okabe–Ito colour-blind-safe palette, then further distinguishable colours for added labels.
pub const PALETTE: &[&str] = &[
    "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999",
    "#882255", "#44AA99", "#DDCC77", "#117733", "#332288", "#AA4499", "#88CCEE", "#661100",
];

impl Schema {
    /// PERSON, ORG, GPE, LOC, FAC, NORP, DATE, CARDINAL on keys 1–8 (Okabe–Ito palette).
    pub fn news() -> Self {
        let names = [
            "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "DATE", "CARDINAL",
        ];
        let mut schema = Schema {
            name: "news".into(),
            labels: names
                .iter()
                .zip(PALETTE)
                .map(|(n, c)| Label {
                    name: (*n).into(),
                    color: (*c).into(),
                    key: None,
                })
                .collect(),
            relations: default_relations(),
            events: default_events(),
        };
        schema.reassign_keys();
        schema
    }

    pub fn get(&self, name: &str) -> Option<&Label> {
        self.labels.iter().find(|l| l.name == name)
    }

    pub fn contains(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn by_key(&self, key: char) -> Option<&Label> {
        self.labels.iter().find(|l| l.key == Some(key))
    }

    /// Position of a label in the order.
    pub fn position(&self, name: &str) -> Option<usize> {
        self.labels.iter().position(|l| l.name == name)
    }

    pub fn check(&self, name: &str) -> Result<(), CoreError> {
        if self.contains(name) {
            Ok(())
        } else {
            Err(CoreError::UnknownLabel(name.to_string()))
        }
    }

    /// Keys 1–9 go to the first nine labels in order; the rest have none.
    pub fn reassign_keys(&mut self) {
        for (i, l) in self.labels.iter_mut().enumerate() {
            l.key = if i < 9 {
                char::from_digit(i as u32 + 1, 10)
            } else {
                None
            };
        }
    }

    /// Add a label at the end; without a colour it gets the first palette colour not in use.
    /// Returns the cleaned name (surrounding whitespace removed).
    pub fn add_label(&mut self, name: &str, color: Option<&str>) -> Result<String, CoreError> {
        let name = self.fresh_name(name, None)?;
        let color = match color {
            Some(c) => check_color(c)?,
            None => self.unused_color(),
        };
        self.labels.push(Label {
            name: name.clone(),
            color,
            key: None,
        });
        self.reassign_keys();
        Ok(name)
    }

    /// Rename a label (the spans are renamed by `SchemaChange`); returns the cleaned new name.
    pub fn rename_label(&mut self, from: &str, to: &str) -> Result<String, CoreError> {
        let i = self
            .position(from)
            .ok_or_else(|| CoreError::UnknownLabel(from.into()))?;
        let to = self.fresh_name(to, Some(i))?;
        self.labels[i].name.clone_from(&to);
        Ok(to)
    }

    pub fn recolor_label(&mut self, name: &str, color: &str) -> Result<(), CoreError> {
        let color = check_color(color)?;
        let i = self
            .position(name)
            .ok_or_else(|| CoreError::UnknownLabel(name.into()))?;
        self.labels[i].color = color;
        Ok(())
    }

    /// Move a label to position `to` (clamped to the end); keys follow the new order.
    pub fn move_label(&mut self, name: &str, to: usize) -> Result<(), CoreError> {
        let i = self
            .position(name)
            .ok_or_else(|| CoreError::UnknownLabel(name.into()))?;
        let label = self.labels.remove(i);
        let to = to.min(self.labels.len());
        self.labels.insert(to, label);
        self.reassign_keys();
        Ok(())
    }

    /// Remove a label from the schema (its spans are removed by `SchemaChange`).
    pub fn delete_label(&mut self, name: &str) -> Result<Label, CoreError> {
        let i = self
            .position(name)
            .ok_or_else(|| CoreError::UnknownLabel(name.into()))?;
        let label = self.labels.remove(i);
        self.reassign_keys();
        Ok(label)
    }

    /// A trimmed, non-empty name no other label has (ignoring case; `except` is the label
    /// being renamed, which may change its own case).
    fn fresh_name(&self, name: &str, except: Option<usize>) -> Result<String, CoreError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(CoreError::EmptyLabelName);
        }
        if name.chars().any(char::is_control) {
            return Err(CoreError::Invalid(
                "a label name cannot contain line breaks or tabs".into(),
            ));
        }
        let clash = self
            .labels
            .iter()
            .enumerate()
            .any(|(i, l)| Some(i) != except && l.name.to_lowercase() == name.to_lowercase());
        if clash {
            return Err(CoreError::DuplicateLabel(name.into()));
        }
        Ok(name.to_string())
    }

    fn unused_color(&self) -> String {
        let used = |c: &&str| self.labels.iter().any(|l| l.color.eq_ignore_ascii_case(c));
        let color = PALETTE
            .iter()
            .find(|c| !used(c))
            .unwrap_or(&PALETTE[self.labels.len() % PALETTE.len()]);
        (*color).to_string()
    }
}

/// A colour as "#rgb", "#rrggbb" or "#rrggbbaa" (nothing else reaches the page's CSS).
pub fn check_color(color: &str) -> Result<String, CoreError> {
    let c = color.trim();
    let hex = c.strip_prefix('#').unwrap_or("");
    if matches!(hex.len(), 3 | 6 | 8) && hex.chars().all(|h| h.is_ascii_hexdigit()) {
        Ok(c.to_string())
    } else {
        Err(CoreError::Invalid(format!(
            "“{color}” is not a colour like #1f77b4"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &Schema) -> Vec<(&str, Option<char>)> {
        s.labels.iter().map(|l| (l.name.as_str(), l.key)).collect()
    }

    #[test]
    fn news_has_eight_labels_on_keys_one_to_eight() {
        let s = Schema::news();
        assert_eq!(s.labels.len(), 8);
        assert_eq!(s.by_key('1').unwrap().name, "PERSON");
        assert_eq!(s.by_key('8').unwrap().name, "CARDINAL");
        assert!(s.by_key('9').is_none());
        let mut colors: Vec<_> = s.labels.iter().map(|l| &l.color).collect();
        colors.dedup();
        assert_eq!(colors.len(), 8);
    }

    #[test]
    fn add_checks_names_and_assigns_key_and_colour() {
        let mut s = Schema::news();
        assert_eq!(s.add_label("  WEAPON ", None).unwrap(), "WEAPON");
        assert_eq!(s.by_key('9').unwrap().name, "WEAPON");
        assert!(!Schema::news()
            .labels
            .iter()
            .any(|l| l.color == s.get("WEAPON").unwrap().color));
        assert_eq!(s.add_label("EVENT", Some("#123")).unwrap(), "EVENT");
        assert_eq!(s.get("EVENT").unwrap().key, None, "only nine keys");
        assert_eq!(
            s.add_label("org", None),
            Err(CoreError::DuplicateLabel("org".into()))
        );
        assert_eq!(s.add_label("   ", None), Err(CoreError::EmptyLabelName));
        assert!(matches!(
            s.add_label("X", Some("red; background: url(x)")),
            Err(CoreError::Invalid(_))
        ));
    }

    #[test]
    fn rename_recolor_move_delete() {
        let mut s = Schema::news();
        assert_eq!(s.rename_label("GPE", "PLACE").unwrap(), "PLACE");
        assert_eq!(
            s.rename_label("ORG", "person"),
            Err(CoreError::DuplicateLabel("person".into()))
        );
        assert_eq!(
            s.rename_label("ORG", "Org").unwrap(),
            "Org",
            "a label may change its own case"
        );
        assert_eq!(
            s.rename_label("NOPE", "X"),
            Err(CoreError::UnknownLabel("NOPE".into()))
        );
        s.recolor_label("PLACE", "#000000").unwrap();
        assert_eq!(s.get("PLACE").unwrap().color, "#000000");
        s.move_label("CARDINAL", 0).unwrap();
        assert_eq!(
            names(&s)[..2],
            [("CARDINAL", Some('1')), ("PERSON", Some('2'))]
        );
        s.move_label("CARDINAL", 99).unwrap();
        assert_eq!(names(&s)[7], ("CARDINAL", Some('8')));
        assert_eq!(s.delete_label("PERSON").unwrap().name, "PERSON");
        assert_eq!(names(&s)[0], ("Org", Some('1')));
        assert_eq!(
            s.delete_label("PERSON"),
            Err(CoreError::UnknownLabel("PERSON".into()))
        );
    }
}
