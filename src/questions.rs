//! The checker's form as data: how the place picker groups places, which services match what
//! the reader types, and the yes/no questions (`Dataset::questions`).

use crate::filter::normalise;
use crate::model::{Dataset, Place, Service};

/// How the checker's place picker groups places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceGroup {
    /// One of the four VATS pilot areas.
    Pilot,
    /// Covered by another programme (e.g. the 2025 services pilot).
    OtherProgramme,
    /// National rules only.
    Elsewhere,
}

impl PlaceGroup {
    pub const ALL: [PlaceGroup; 3] = [PlaceGroup::Pilot, PlaceGroup::OtherProgramme, PlaceGroup::Elsewhere];

    pub fn label(self, s: &crate::i18n::Strings) -> &'static str {
        match self {
            PlaceGroup::Pilot => s.place_group_pilot,
            PlaceGroup::OtherProgramme => s.place_group_other,
            PlaceGroup::Elsewhere => s.place_group_elsewhere,
        }
    }
}

/// Places lying in one of the four zones are the pilot areas.
pub fn place_group(place: &Place) -> PlaceGroup {
    if place.zone.is_some() {
        PlaceGroup::Pilot
    } else if place.programmes.is_empty() {
        PlaceGroup::Elsewhere
    } else {
        PlaceGroup::OtherProgramme
    }
}

/// Whether a service matches what the reader typed (already [`normalise`]d): its id, name or
/// description in either language.
pub fn service_matches(sv: &Service, needle: &str) -> bool {
    needle.is_empty()
        || [sv.id.as_str(), &sv.name.en, &sv.name.zh, &sv.description.en, &sv.description.zh]
            .iter()
            .any(|t| normalise(t).contains(needle))
}

/// Whether any service matches.
pub fn any_service_matches(ds: &Dataset, needle: &str) -> bool {
    ds.services.iter().any(|sv| service_matches(sv, needle))
}
