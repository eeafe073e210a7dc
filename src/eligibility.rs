//! The eligibility engine: place + service (+ foreign share, + answers) → assessment.
//!
//! Rules are data (`Dataset::rules`); this module only applies the documented precedence:
//! 1. A rule applies when it lists the place (or `*`) and the service, and the user has not
//!    answered "no" to a question one of its conditions depends on.
//! 2. Among applicable rules, a `prohibited` rule wins; otherwise the `programme` rule with
//!    the highest maximum foreign equity (ties: the earlier rule in the file); otherwise the
//!    `baseline` rule (earliest in the file).
//! 3. Verdict: prohibited rule → `prohibited`; maximum 0 → `not_allowed`; a foreign share
//!    above the maximum → `not_allowed`; otherwise `allowed`. No applicable rule → `unknown`.
//! 4. Confidence: the deciding rule's confidence, lowered to that of any condition whose
//!    "no" answer removed a more favourable rule.

use serde::{Deserialize, Serialize};

use crate::equity::Equity;
use crate::i18n::{fill, Lang, EN, ZH};
use crate::model::{Answer, Confidence, Dataset, Rule, Tier};

/// What the user asks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Query {
    pub place: String,
    pub service: String,
    /// The intended foreign share; exact to a hundredth of a percent (see [`Equity`]).
    pub foreign_equity_pct: Option<Equity>,
    pub registered_in_place: Option<bool>,
    pub facilities_in_place: Option<bool>,
}

impl Query {
    pub fn new(place: &str, service: &str) -> Query {
        Query { place: place.into(), service: service.into(), ..Query::default() }
    }
    /// The same query with a whole-percent foreign share.
    pub fn equity(mut self, pct: u8) -> Query {
        self.foreign_equity_pct = Some(Equity::whole(pct));
        self
    }
    fn answer(&self, a: Answer) -> Option<bool> {
        match a {
            Answer::RegisteredInPlace => self.registered_in_place,
            Answer::FacilitiesInPlace => self.facilities_in_place,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Allowed,
    NotAllowed,
    Prohibited,
    Unknown,
}

impl Verdict {
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Allowed => "allowed",
            Verdict::NotAllowed => "not_allowed",
            Verdict::Prohibited => "prohibited",
            Verdict::Unknown => "unknown",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConditionOut {
    pub id: String,
    pub text_en: String,
    pub text_zh: String,
    pub confidence: Confidence,
    /// The user's answer to the question this condition depends on, if any.
    pub answered: Option<bool>,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub text_en: String,
    pub text_zh: String,
    pub source_ids: Vec<String>,
}

impl Reason {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Zh => &self.text_zh,
        }
    }
}

impl ConditionOut {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.text_en,
            Lang::Zh => &self.text_zh,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub verdict: Verdict,
    /// `None` only when the verdict is `unknown`.
    pub max_foreign_equity_pct: Option<u8>,
    /// The programme of the deciding rule ("national" for national rules).
    pub programme: Option<String>,
    /// The deciding rule.
    pub rule_id: Option<String>,
    pub conditions: Vec<ConditionOut>,
    pub reasons: Vec<Reason>,
    pub confidence: Confidence,
}

/// A query the engine cannot answer; the message names the bad value and the valid choices.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryError {
    UnknownPlace { value: String, valid: Vec<String> },
    UnknownService { value: String, valid: Vec<String> },
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::UnknownPlace { value, valid } => {
                write!(f, "unknown place \"{}\"; valid places: {}", crate::i18n::cut(value), valid.join(", "))
            }
            QueryError::UnknownService { value, valid } => {
                write!(f, "unknown service \"{}\"; valid services: {}", crate::i18n::cut(value), valid.join(", "))
            }
        }
    }
}

impl std::error::Error for QueryError {}

fn rule_covers(rule: &Rule, place: &str, service: &str) -> bool {
    rule.services.iter().any(|s| s == service) && rule.places.iter().any(|p| p == "*" || p == place)
}

fn both(f: impl Fn(Lang) -> String) -> (String, String) {
    (f(Lang::En), f(Lang::Zh))
}

/// Assesses one query. Unknown ids are errors, never panics; a share is valid by its type.
pub fn assess(ds: &Dataset, q: &Query) -> Result<Assessment, QueryError> {
    let place = ds.place(&q.place).ok_or_else(|| QueryError::UnknownPlace {
        value: q.place.clone(),
        valid: ds.places.iter().map(|p| p.id.clone()).collect(),
    })?;
    let service = ds.service(&q.service).ok_or_else(|| QueryError::UnknownService {
        value: q.service.clone(),
        valid: ds.services.iter().map(|s| s.id.clone()).collect(),
    })?;

    // Step 1: applicable rules, and those removed by a "no" answer.
    let mut applicable: Vec<(usize, &Rule)> = Vec::new();
    let mut removed: Vec<(&Rule, &crate::model::Condition)> = Vec::new();
    for (i, rule) in ds.rules.iter().enumerate() {
        if !rule_covers(rule, &place.id, &service.id) {
            continue;
        }
        let failed = rule
            .conditions
            .iter()
            .filter_map(|id| ds.condition(id))
            .find(|c| c.answer.is_some_and(|a| q.answer(a) == Some(false)));
        match failed {
            Some(cond) => removed.push((rule, cond)),
            None => applicable.push((i, rule)),
        }
    }

    // Step 2: precedence.
    let decisive = applicable
        .iter()
        .max_by(|(ia, a), (ib, b)| {
            a.tier
                .cmp(&b.tier)
                .then_with(|| {
                    if a.tier == Tier::Programme {
                        a.max_foreign_equity_pct.cmp(&b.max_foreign_equity_pct)
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                // Earlier in the file wins ties: a smaller index compares as greater.
                .then_with(|| ib.cmp(ia))
        })
        .map(|(_, r)| *r);

    let Some(rule) = decisive else {
        return Ok(Assessment {
            verdict: Verdict::Unknown,
            max_foreign_equity_pct: None,
            programme: None,
            rule_id: None,
            conditions: vec![],
            reasons: vec![Reason {
                text_en: EN.reason_no_rule.into(),
                text_zh: ZH.reason_no_rule.into(),
                source_ids: vec![],
            }],
            confidence: Confidence::Low,
        });
    };

    let max = rule.max_foreign_equity_pct;
    let over = q.foreign_equity_pct.is_some_and(|v| v > Equity::whole(max));
    let verdict = if rule.tier == Tier::Prohibited {
        Verdict::Prohibited
    } else if max == 0 || over {
        Verdict::NotAllowed
    } else {
        Verdict::Allowed
    };

    let programme_name = |id: &str, lang: Lang| -> String {
        ds.programme(id).map(|p| p.name.get(lang).to_string()).unwrap_or_else(|| id.to_string())
    };

    // Step 3: reasons, deciding rule first.
    let mut reasons = vec![Reason {
        text_en: rule.explanation.en.clone(),
        text_zh: rule.explanation.zh.clone(),
        source_ids: rule.source_ids.clone(),
    }];
    if let Some(v) = q.foreign_equity_pct {
        if max > 0 && rule.tier != Tier::Prohibited {
            let (en, zh) = both(|lang| {
                let s = lang.strings();
                let t = if over { s.reason_above } else { s.reason_within };
                fill(t, &[("pct", &v.to_string()), ("max", &max.to_string())])
            });
            reasons.push(Reason { text_en: en, text_zh: zh, source_ids: rule.source_ids.clone() });
        }
    }
    let mut confidence = rule.confidence;
    for (r, cond) in &removed {
        if r.max_foreign_equity_pct <= max && r.tier <= rule.tier {
            continue;
        }
        let (en, zh) = both(|lang| {
            fill(
                lang.strings().reason_excluded,
                &[
                    ("programme", &programme_name(&r.programme, lang)),
                    ("max", &r.max_foreign_equity_pct.to_string()),
                    ("condition", cond.text.get(lang)),
                ],
            )
        });
        let mut src = cond.source_ids.clone();
        src.extend(r.source_ids.iter().filter(|s| !cond.source_ids.contains(s)).cloned());
        reasons.push(Reason { text_en: en, text_zh: zh, source_ids: src });
        confidence = confidence.min(cond.confidence);
    }
    for (_, other) in applicable.iter().filter(|(_, r)| r.id != rule.id) {
        let (en, zh) = both(|lang| {
            fill(
                lang.strings().reason_also,
                &[
                    ("programme", &programme_name(&other.programme, lang)),
                    ("max", &other.max_foreign_equity_pct.to_string()),
                    ("text", other.explanation.get(lang)),
                ],
            )
        });
        reasons.push(Reason { text_en: en, text_zh: zh, source_ids: other.source_ids.clone() });
    }

    let conditions = rule
        .conditions
        .iter()
        .filter_map(|id| ds.condition(id))
        .map(|c| ConditionOut {
            id: c.id.clone(),
            text_en: c.text.en.clone(),
            text_zh: c.text.zh.clone(),
            confidence: c.confidence,
            answered: c.answer.and_then(|a| q.answer(a)),
            source_ids: c.source_ids.clone(),
        })
        .collect();

    Ok(Assessment {
        verdict,
        max_foreign_equity_pct: Some(max),
        programme: Some(rule.programme.clone()),
        rule_id: Some(rule.id.clone()),
        conditions,
        reasons,
        confidence,
    })
}

/// One row of the comparison matrix.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompareRow {
    pub place: String,
    pub assessment: Assessment,
}

/// The places the comparison shows: the four pilot places, then "elsewhere".
pub const COMPARE_PLACES: [&str; 6] =
    ["beijing", "shanghai-pudong", "shanghai-other", "hainan", "shenzhen", "other-mainland"];

/// The same service (and answers) across the comparison places present in the dataset.
pub fn compare(ds: &Dataset, q: &Query) -> Result<Vec<CompareRow>, QueryError> {
    COMPARE_PLACES
        .iter()
        .filter(|p| ds.place(p).is_some())
        .map(|p| {
            let mut each = q.clone();
            each.place = (*p).to_string();
            // "Registered in this place" is asked of the chosen place only; each row assumes
            // the company would be set up where the row says.
            each.registered_in_place = None;
            each.facilities_in_place = None;
            assess(ds, &each).map(|a| CompareRow { place: (*p).to_string(), assessment: a })
        })
        .collect()
}

/// The plain-words headline for an assessment, e.g. "Yes — up to 100% foreign ownership in
/// Hainan under the VATS pilot.".
pub fn headline(ds: &Dataset, q: &Query, a: &Assessment, lang: Lang) -> String {
    let s = lang.strings();
    let place = ds.place(&q.place).map(|p| p.name.get(lang).to_string()).unwrap_or_else(|| q.place.clone());
    let service = ds.service(&q.service).map(|x| x.name.get(lang).to_string()).unwrap_or_else(|| q.service.clone());
    let max = a.max_foreign_equity_pct.unwrap_or(0).to_string();
    match a.verdict {
        Verdict::Unknown => s.verdict_unknown.to_string(),
        Verdict::Prohibited => fill(s.verdict_prohibited, &[("service", &service)]),
        Verdict::NotAllowed if a.max_foreign_equity_pct.unwrap_or(0) == 0 => {
            fill(s.verdict_closed, &[("service", &service), ("place", &place)])
        }
        Verdict::NotAllowed => fill(
            s.verdict_capped,
            &[("pct", &q.foreign_equity_pct.unwrap_or_default().to_string()), ("place", &place), ("max", &max)],
        ),
        Verdict::Allowed => match a.programme.as_deref().filter(|p| *p != "national").and_then(|p| ds.programme(p)) {
            Some(p) => fill(
                s.verdict_allowed_programme,
                &[("max", &max), ("place", &place), ("programme", p.name.get(lang))],
            ),
            None => fill(s.verdict_allowed, &[("max", &max), ("place", &place)]),
        },
    }
}

/// The short verdict word used in the comparison table.
pub fn verdict_word(v: Verdict, lang: Lang) -> &'static str {
    let s = lang.strings();
    match v {
        Verdict::Allowed => s.verdict_word_allowed,
        Verdict::NotAllowed => s.verdict_word_not_allowed,
        Verdict::Prohibited => s.verdict_word_prohibited,
        Verdict::Unknown => s.verdict_word_unknown,
    }
}

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

/// Places lying in one of the four zones are the pilot areas.
pub fn place_group(place: &crate::model::Place) -> PlaceGroup {
    if place.zone.is_some() {
        PlaceGroup::Pilot
    } else if place.programmes.is_empty() {
        PlaceGroup::Elsewhere
    } else {
        PlaceGroup::OtherProgramme
    }
}
