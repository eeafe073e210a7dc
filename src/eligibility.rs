//! The eligibility engine: the reader's answers → which rule decides, and what it allows.
//! It returns structure, never prose: [`crate::explain`] turns an [`Assessment`] into words in
//! one language.
//!
//! Rules are data (`Dataset::rules`); this module only applies the documented precedence:
//! 1. A rule applies when it lists the place (or `*`) and the service, and the reader has not
//!    answered "no" to a question one of its conditions depends on.
//! 2. Among applicable rules, a `prohibited` rule wins; otherwise the `programme` rule with
//!    the highest maximum foreign equity (ties: the earlier rule in the file); otherwise the
//!    `baseline` rule (earliest in the file).
//! 3. Verdict: prohibited rule → `prohibited`; maximum 0 → `not_allowed` (closed, see
//!    [`Assessment::closed`]); a foreign share above the maximum → `not_allowed` (capped);
//!    otherwise `allowed`. No applicable rule → `unknown`.
//! 4. Confidence: the deciding rule's confidence, lowered to that of any condition whose
//!    "no" answer removed a more favourable rule.

use serde::{Deserialize, Serialize};

use crate::equity::Equity;
use crate::model::{Confidence, Dataset, Rule, Tier};

/// The checker's fields besides the dataset's yes/no questions (their JS API keys).
pub const QUERY_KEYS: [&str; 3] = ["place", "service", "foreignEquityPct"];

/// The reader's answers: one type for the checker's form, the URL hash, the JS API and the
/// engine. `None` (or an absent yes/no answer) means "not answered" / "not sure".
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Query {
    pub place: Option<String>,
    pub service: Option<String>,
    /// The intended foreign share; exact to a hundredth of a percent (see [`Equity`]).
    pub foreign_equity_pct: Option<Equity>,
    /// Yes/no answers by question id (`Dataset::questions`).
    pub answers: Answers,
}

/// Yes/no answers by question id, in id order. A short sorted list: a reader answers a handful
/// of questions, and a map type would add its own code to every download.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Answers(Vec<(String, bool)>);

impl Answers {
    /// Sets the answer to `question` (replacing an earlier one).
    pub fn insert(&mut self, question: String, yes: bool) {
        match self.0.binary_search_by(|(q, _)| q.as_str().cmp(&question)) {
            Ok(i) => self.0[i].1 = yes,
            Err(i) => self.0.insert(i, (question, yes)),
        }
    }
    /// Clears the answer to `question`.
    pub fn remove(&mut self, question: &str) {
        self.0.retain(|(q, _)| q != question);
    }
    pub fn get(&self, question: &str) -> Option<bool> {
        self.0.iter().find(|(q, _)| q == question).map(|(_, b)| *b)
    }
}

impl Query {
    pub fn new(place: &str, service: &str) -> Query {
        Query { place: Some(place.into()), service: Some(service.into()), ..Query::default() }
    }
    /// The same query with a whole-percent foreign share.
    pub fn equity(mut self, pct: u8) -> Query {
        self.foreign_equity_pct = Some(Equity::whole(pct));
        self
    }
    /// The same query with a yes/no answer to the question `id`.
    pub fn answer(mut self, id: &str, yes: bool) -> Query {
        self.answers.insert(id.to_string(), yes);
        self
    }
    /// Whether the required answers (place and service) are given: then there is an answer.
    pub fn is_complete(&self) -> bool {
        self.place.is_some() && self.service.is_some()
    }
    /// The answer to a question, if given.
    pub fn answered(&self, question: &str) -> Option<bool> {
        self.answers.get(question)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

/// A rule a "no" answer removed although it would have allowed more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Excluded {
    /// Position in `Dataset::rules`.
    pub rule: usize,
    /// Position in `Dataset::conditions` of the condition the answer failed.
    pub condition: usize,
}

/// One condition of the deciding rule and the reader's answer to its question, if any.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ConditionState {
    /// Position in `Dataset::conditions`.
    pub condition: usize,
    pub answered: Option<bool>,
}

/// What the engine decided, as positions in the dataset: nothing here is text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Assessment {
    pub verdict: Verdict,
    /// The deciding rule (position in `Dataset::rules`); `None` only when the verdict is `unknown`.
    pub rule: Option<usize>,
    /// The deciding rule's maximum foreign equity.
    pub max_foreign_equity_pct: Option<u8>,
    /// The share that was compared with it.
    pub share: Option<Equity>,
    /// Whether the share is above the maximum.
    pub over: bool,
    /// Rules that would have allowed more but a "no" answer removed, with the failed condition.
    pub excluded: Vec<Excluded>,
    /// The other rules that also applied, in file order.
    pub also: Vec<usize>,
    pub conditions: Vec<ConditionState>,
    pub confidence: Confidence,
}

impl Assessment {
    /// The deciding rule itself.
    pub fn rule<'a>(&self, ds: &'a Dataset) -> Option<&'a Rule> {
        self.rule.and_then(|i| ds.rules.get(i))
    }
    /// Closed, not capped: the deciding rule admits no foreign share at all (a maximum of 0),
    /// so the answer is `not_allowed` whatever share the reader gave, and the reader is told
    /// the service is not open to foreign investment there. The other `not_allowed` is capped:
    /// a share above a maximum that is not 0 ([`Assessment::over`]). A prohibition is neither;
    /// it has its own verdict.
    pub fn closed(&self) -> bool {
        self.verdict == Verdict::NotAllowed && self.max_foreign_equity_pct.is_some_and(closes)
    }
}

/// Whether a rule's maximum foreign share closes its service to foreign investment: the one
/// place this is decided, for the verdict ([`assess`]) and for [`Assessment::closed`].
fn closes(max: u8) -> bool {
    max == 0
}

/// A query the engine cannot answer; the message names the bad value and the valid choices.
#[derive(Clone, Debug, PartialEq)]
pub enum QueryError {
    /// A required answer (`place` or `service`) is missing.
    Missing(&'static str),
    UnknownPlace { value: String, valid: Vec<String> },
    UnknownService { value: String, valid: Vec<String> },
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            QueryError::Missing(field) => write!(f, "{field} is required"),
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

/// Assesses one query. Unknown or missing ids are errors, never panics; a share is valid by
/// its type.
pub fn assess(ds: &Dataset, q: &Query) -> Result<Assessment, QueryError> {
    let place = q.place.as_deref().ok_or(QueryError::Missing("place"))?;
    let service = q.service.as_deref().ok_or(QueryError::Missing("service"))?;
    let place = ds.place(place).ok_or_else(|| QueryError::UnknownPlace {
        value: place.to_string(),
        valid: ds.places.iter().map(|p| p.id.clone()).collect(),
    })?;
    let service = ds.service(service).ok_or_else(|| QueryError::UnknownService {
        value: service.to_string(),
        valid: ds.services.iter().map(|s| s.id.clone()).collect(),
    })?;

    // Step 1: applicable rules, and those removed by a "no" answer.
    let condition_at = |id: &str| ds.conditions.iter().position(|c| c.id == id);
    let mut applicable: Vec<usize> = Vec::new();
    let mut removed: Vec<Excluded> = Vec::new();
    for (i, rule) in ds.rules.iter().enumerate() {
        if !rule_covers(rule, &place.id, &service.id) {
            continue;
        }
        let failed = rule.conditions.iter().filter_map(|id| condition_at(id)).find(|&c| {
            ds.conditions[c].answer.as_deref().is_some_and(|question| q.answered(question) == Some(false))
        });
        match failed {
            Some(condition) => removed.push(Excluded { rule: i, condition }),
            None => applicable.push(i),
        }
    }

    // Step 2: precedence.
    let decisive = applicable.iter().copied().max_by(|&ia, &ib| {
        let (a, b) = (&ds.rules[ia], &ds.rules[ib]);
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
            .then_with(|| ib.cmp(&ia))
    });

    let Some(decided) = decisive else {
        return Ok(Assessment {
            verdict: Verdict::Unknown,
            rule: None,
            max_foreign_equity_pct: None,
            share: q.foreign_equity_pct,
            over: false,
            excluded: vec![],
            also: vec![],
            conditions: vec![],
            confidence: Confidence::Low,
        });
    };
    let rule = &ds.rules[decided];
    let max = rule.max_foreign_equity_pct;
    let over = q.foreign_equity_pct.is_some_and(|v| v > Equity::whole(max));
    let verdict = if rule.tier == Tier::Prohibited {
        Verdict::Prohibited
    } else if closes(max) || over {
        Verdict::NotAllowed
    } else {
        Verdict::Allowed
    };

    // Step 3: what a "no" cost, and what else applied.
    let excluded: Vec<Excluded> = removed
        .into_iter()
        .filter(|x| {
            let r = &ds.rules[x.rule];
            r.max_foreign_equity_pct > max || r.tier > rule.tier
        })
        .collect();
    let confidence = excluded.iter().map(|x| ds.conditions[x.condition].confidence).fold(rule.confidence, Confidence::min);
    let conditions = rule
        .conditions
        .iter()
        .filter_map(|id| condition_at(id))
        .map(|c| ConditionState { condition: c, answered: ds.conditions[c].answer.as_deref().and_then(|question| q.answered(question)) })
        .collect();

    Ok(Assessment {
        verdict,
        rule: Some(decided),
        max_foreign_equity_pct: Some(max),
        share: q.foreign_equity_pct,
        over,
        excluded,
        also: applicable.into_iter().filter(|&i| i != decided).collect(),
        conditions,
        confidence,
    })
}

/// One row of the comparison: a place (position in `Dataset::places`) and its assessment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CompareRow {
    pub place: usize,
    pub assessment: Assessment,
}

/// The places the comparison shows: the four pilot places, then "elsewhere".
pub const COMPARE_PLACES: [&str; 6] =
    ["beijing", "shanghai-pudong", "shanghai-other", "hainan", "shenzhen", "other-mainland"];

/// The same service and share across the comparison places present in the dataset. The
/// yes/no answers are about the chosen place only, so each row assumes the company would be
/// set up where the row says (no answers).
pub fn compare(ds: &Dataset, q: &Query) -> Result<Vec<CompareRow>, QueryError> {
    COMPARE_PLACES
        .iter()
        .filter_map(|p| ds.places.iter().position(|x| x.id == *p))
        .map(|place| {
            let each = Query { place: Some(ds.places[place].id.clone()), answers: Answers::default(), ..q.clone() };
            assess(ds, &each).map(|assessment| CompareRow { place, assessment })
        })
        .collect()
}
