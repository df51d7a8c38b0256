//! The event and relation part of the schema: relation types (labels allowed at each end)
//! and event types (roles, each with the entity labels it takes), defaults from the guideline.

use serde::{Deserialize, Serialize};

use crate::error::CoreError;
use crate::label::{check_color, Schema, PALETTE};

/// A typed, directed link between two spans, e.g. `member_of` PERSON → ORG.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RelationType {
    pub name: String,
    pub color: String,
    /// labels allowed at the `from` end (empty: any)
    pub from: Vec<String>,
    /// labels allowed at the `to` end (empty: any)
    pub to: Vec<String>,
}

/// One role of an event type and the entity labels that may fill it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    pub name: String,
    pub labels: Vec<String>,
}

/// An event type: what happened (ATTACK, BOMBING, …) and the roles its arguments fill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventType {
    pub name: String,
    pub color: String,
    pub roles: Vec<Role>,
}

impl RelationType {
    pub fn allows(&self, from: &str, to: &str) -> bool {
        let ok = |list: &[String], l: &str| list.is_empty() || list.iter().any(|x| x == l);
        ok(&self.from, from) && ok(&self.to, to)
    }
}

impl EventType {
    pub fn role(&self, name: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.name == name)
    }
}

impl Role {
    pub fn allows(&self, label: &str) -> bool {
        self.labels.is_empty() || self.labels.iter().any(|l| l == label)
    }
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The guideline's roles (incidents.md), the same for every default event type.
pub fn default_roles() -> Vec<Role> {
    let role = |name: &str, labels: &[&str]| Role {
        name: name.into(),
        labels: strings(labels),
    };
    vec![
        role("perpetrator", &["ORG", "PERSON", "NORP"]),
        role("target", &["ORG", "FAC", "PERSON", "NORP", "GPE"]),
        role("place", &["GPE", "LOC", "FAC"]),
        role("time", &["DATE"]),
        role("killed", &["CARDINAL"]),
        role("injured", &["CARDINAL"]),
        role("held", &["CARDINAL"]),
    ]
}

/// ATTACK, BOMBING, ABDUCTION, OPERATION with the guideline's roles.
pub fn default_events() -> Vec<EventType> {
    ["ATTACK", "BOMBING", "ABDUCTION", "OPERATION"]
        .iter()
        .zip(PALETTE[8..].iter())
        .map(|(n, c)| EventType {
            name: (*n).into(),
            color: (*c).into(),
            roles: default_roles(),
        })
        .collect()
}

/// member_of, located_in, leader_of, alias_of as in the guideline.
pub fn default_relations() -> Vec<RelationType> {
    let rel = |name: &str, color: &str, from: &[&str], to: &[&str]| RelationType {
        name: name.into(),
        color: color.into(),
        from: strings(from),
        to: strings(to),
    };
    vec![
        rel("member_of", PALETTE[12], &["PERSON"], &["ORG"]),
        rel(
            "located_in",
            PALETTE[13],
            &["GPE", "FAC", "LOC"],
            &["GPE", "LOC"],
        ),
        rel("leader_of", PALETTE[14], &["PERSON"], &["ORG", "GPE"]),
        rel(
            "alias_of",
            PALETTE[15],
            &["ORG", "PERSON"],
            &["ORG", "PERSON"],
        ),
    ]
}

/// Which list of the schema a type change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TypeKind {
    Relation,
    Event,
}

impl Schema {
    pub fn relation_type(&self, name: &str) -> Option<&RelationType> {
        self.relations.iter().find(|r| r.name == name)
    }

    pub fn event_type(&self, name: &str) -> Option<&EventType> {
        self.events.iter().find(|e| e.name == name)
    }

    fn type_names(&self, kind: TypeKind) -> Vec<&str> {
        match kind {
            TypeKind::Relation => self.relations.iter().map(|r| r.name.as_str()).collect(),
            TypeKind::Event => self.events.iter().map(|e| e.name.as_str()).collect(),
        }
    }

    /// A trimmed, non-empty type name no other type of the kind has (ignoring case).
    fn fresh_type_name(
        &self,
        kind: TypeKind,
        name: &str,
        except: Option<&str>,
    ) -> Result<String, CoreError> {
        let name = name.trim();
        if name.is_empty() || name.chars().any(|c| c.is_control() || c.is_whitespace()) {
            return Err(CoreError::Invalid(
                "a relation or event type needs a name without spaces".into(),
            ));
        }
        let clash = self
            .type_names(kind)
            .into_iter()
            .any(|n| Some(n) != except && n.to_lowercase() == name.to_lowercase());
        if clash {
            return Err(CoreError::Invalid(format!(
                "a type called “{name}” already exists"
            )));
        }
        Ok(name.to_string())
    }

    fn unknown_type(name: &str) -> CoreError {
        CoreError::Invalid(format!(
            "there is no relation or event type called “{name}”"
        ))
    }

    /// Add a relation type at the end; returns its cleaned name.
    pub fn add_relation_type(&mut self, mut t: RelationType) -> Result<String, CoreError> {
        t.name = self.fresh_type_name(TypeKind::Relation, &t.name, None)?;
        t.color = check_color(&t.color)?;
        self.relations.push(t);
        Ok(self
            .relations
            .last()
            .map(|t| t.name.clone())
            .unwrap_or_default())
    }

    /// Add an event type at the end; returns its cleaned name.
    pub fn add_event_type(&mut self, mut t: EventType) -> Result<String, CoreError> {
        t.name = self.fresh_type_name(TypeKind::Event, &t.name, None)?;
        t.color = check_color(&t.color)?;
        self.events.push(t);
        Ok(self
            .events
            .last()
            .map(|t| t.name.clone())
            .unwrap_or_default())
    }

    /// Rename a relation or event type (annotations follow via `SchemaChange`).
    pub fn rename_type(
        &mut self,
        kind: TypeKind,
        from: &str,
        to: &str,
    ) -> Result<String, CoreError> {
        let to = self.fresh_type_name(kind, to, Some(from))?;
        let name = match kind {
            TypeKind::Relation => self
                .relations
                .iter_mut()
                .find(|r| r.name == from)
                .map(|r| &mut r.name),
            TypeKind::Event => self
                .events
                .iter_mut()
                .find(|e| e.name == from)
                .map(|e| &mut e.name),
        };
        let name = name.ok_or_else(|| Schema::unknown_type(from))?;
        name.clone_from(&to);
        Ok(to)
    }

    pub fn recolor_type(
        &mut self,
        kind: TypeKind,
        name: &str,
        color: &str,
    ) -> Result<(), CoreError> {
        let color = check_color(color)?;
        let slot = match kind {
            TypeKind::Relation => self
                .relations
                .iter_mut()
                .find(|r| r.name == name)
                .map(|r| &mut r.color),
            TypeKind::Event => self
                .events
                .iter_mut()
                .find(|e| e.name == name)
                .map(|e| &mut e.color),
        };
        *slot.ok_or_else(|| Schema::unknown_type(name))? = color;
        Ok(())
    }

    pub fn delete_type(&mut self, kind: TypeKind, name: &str) -> Result<(), CoreError> {
        let before = self.relations.len() + self.events.len();
        match kind {
            TypeKind::Relation => self.relations.retain(|r| r.name != name),
            TypeKind::Event => self.events.retain(|e| e.name != name),
        }
        if self.relations.len() + self.events.len() == before {
            return Err(Schema::unknown_type(name));
        }
        Ok(())
    }

    /// A label was renamed: the relation ends and roles that allowed it follow.
    pub(crate) fn rename_label_in_types(&mut self, from: &str, to: &str) {
        let lists = self
            .relations
            .iter_mut()
            .flat_map(|r| [&mut r.from, &mut r.to])
            .chain(
                self.events
                    .iter_mut()
                    .flat_map(|e| e.roles.iter_mut().map(|r| &mut r.labels)),
            );
        for list in lists {
            for l in list.iter_mut().filter(|l| *l == from) {
                *l = to.to_string();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schema_has_the_guideline_types() {
        let s = Schema::news();
        let attack = s.event_type("ATTACK").unwrap();
        assert!(attack.role("perpetrator").unwrap().allows("NORP"));
        assert!(!attack.role("place").unwrap().allows("PERSON"));
        assert!(attack.role("victim").is_none());
        assert!(s
            .relation_type("member_of")
            .unwrap()
            .allows("PERSON", "ORG"));
        assert!(!s
            .relation_type("member_of")
            .unwrap()
            .allows("ORG", "PERSON"));
        assert_eq!(s.events.len(), 4);
    }

    #[test]
    fn types_are_added_renamed_recoloured_and_deleted() {
        let mut s = Schema::news();
        let t = EventType {
            name: " PROTEST ".into(),
            color: "#123456".into(),
            roles: vec![],
        };
        assert_eq!(s.add_event_type(t.clone()).unwrap(), "PROTEST");
        assert!(s.add_event_type(t).is_err(), "duplicate name");
        assert_eq!(
            s.rename_type(TypeKind::Event, "PROTEST", "RALLY").unwrap(),
            "RALLY"
        );
        assert!(s.rename_type(TypeKind::Event, "RALLY", "attack").is_err());
        s.recolor_type(TypeKind::Event, "RALLY", "#abc").unwrap();
        assert_eq!(s.event_type("RALLY").unwrap().color, "#abc");
        assert!(s.recolor_type(TypeKind::Relation, "RALLY", "#abc").is_err());
        s.delete_type(TypeKind::Event, "RALLY").unwrap();
        assert!(s.delete_type(TypeKind::Event, "RALLY").is_err());
        s.rename_label_in_types("GPE", "PLACE");
        assert!(s
            .event_type("ATTACK")
            .unwrap()
            .role("place")
            .unwrap()
            .allows("PLACE"));
        assert!(s
            .relation_type("located_in")
            .unwrap()
            .allows("PLACE", "LOC"));
    }
}
