//! The eight entity kinds of the default news schema, as the rule detectors use them, plus the
//! labels of a user's gazetteer (`Other`). Spans leave the detectors with the label as a string.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Person,
    Org,
    Gpe,
    Loc,
    Fac,
    Norp,
    Date,
    Cardinal,
    /// a label of the user's gazetteer ("WEAPON"), by its number in the lexicon's label list
    Other(u16),
}

impl Kind {
    pub const ALL: [Kind; 8] = [
        Kind::Person,
        Kind::Org,
        Kind::Gpe,
        Kind::Loc,
        Kind::Fac,
        Kind::Norp,
        Kind::Date,
        Kind::Cardinal,
    ];

    /// The label name in the news schema (empty for `Other`: the lexicon knows that name).
    pub fn label(self) -> &'static str {
        match self {
            Kind::Person => "PERSON",
            Kind::Org => "ORG",
            Kind::Gpe => "GPE",
            Kind::Loc => "LOC",
            Kind::Fac => "FAC",
            Kind::Norp => "NORP",
            Kind::Date => "DATE",
            Kind::Cardinal => "CARDINAL",
            Kind::Other(_) => "",
        }
    }

    pub fn parse(label: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.label() == label)
    }

    /// Names of places and things (not people, dates or numbers).
    pub fn is_name(self) -> bool {
        matches!(
            self,
            Kind::Org | Kind::Gpe | Kind::Loc | Kind::Fac | Kind::Norp
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.label()), Some(k));
        }
        assert_eq!(Kind::parse("MISC"), None);
    }
}
