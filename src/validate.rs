//! Dataset validation: every problem is reported as a clear message, never a panic.

use std::collections::HashSet;

use crate::model::{
    Caveat, Condition, Country, Dataset, Enterprise, Figure, Place, Programme, Question, Rule, Service, ServiceFamily, Source, Status, Text,
    Tier, TimelineEvent, Zone,
};

/// The four pilot zones; the dataset must have exactly these.
pub const ZONE_IDS: [&str; 4] = ["beijing", "shanghai", "hainan", "shenzhen"];

/// A zone id as a `&'static str` (the dataset may only use these four), so views can hold
/// zone ids without copying strings.
pub fn zone_id(id: &str) -> Option<&'static str> {
    ZONE_IDS.iter().copied().find(|z| *z == id)
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where: e.g. `rules[3] (vats-pilot-open)`.
    pub at: String,
    pub kind: ProblemKind,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    MissingSource,
    DanglingSource,
    DuplicateId,
    UnknownZone,
    UnknownPlace,
    UnknownService,
    UnknownReference,
    BadDate,
    BadValue,
    Uncovered,
    ZoneSet,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Collects problems; `at` names the record being checked.
struct Checker<'a> {
    sources: HashSet<&'a str>,
    at: String,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn push_at(&mut self, at: &str, kind: ProblemKind, message: String) {
        self.problems.push(Problem { at: at.to_string(), kind, message });
    }

    fn push(&mut self, kind: ProblemKind, message: String) {
        let at = self.at.clone();
        self.push_at(&at, kind, message);
    }

    fn sources(&mut self, ids: &[String]) {
        if ids.is_empty() {
            self.push(ProblemKind::MissingSource, "cites no source (sourceIds is empty)".into());
        }
        for id in ids {
            if !self.sources.contains(id.as_str()) {
                self.push(ProblemKind::DanglingSource, format!("cites source \"{id}\", which is not in sources"));
            }
        }
    }

    fn date(&mut self, field: &str, value: &str) {
        if !is_valid_date(value) {
            self.push(ProblemKind::BadDate, format!("{field} \"{value}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"));
        }
    }

    fn text(&mut self, field: &str, t: &Text) {
        let message = match (t.en.trim().is_empty(), t.zh.trim().is_empty()) {
            (false, false) => return,
            (true, true) => format!("{field} is empty in both languages ({field}.en and {field}.zh)"),
            (true, false) => format!("{field}.en is empty: the English text is missing"),
            (false, true) => format!("{field}.zh is empty: the Chinese text is missing"),
        };
        self.push(ProblemKind::BadValue, message);
    }

    /// `value` must be one of `known` (ids of another collection).
    fn refers(&mut self, kind: ProblemKind, field: &str, value: &str, known: &HashSet<&str>, collection: &str) {
        if !known.contains(value) {
            self.push(kind, format!("{field} \"{value}\" is not in {collection}"));
        }
    }

    fn bad(&mut self, message: impl Into<String>) {
        self.push(ProblemKind::BadValue, message.into());
    }
}

/// The ids of every collection, for checking references.
struct Ids<'a> {
    zones: HashSet<&'a str>,
    programmes: HashSet<&'a str>,
    places: HashSet<&'a str>,
    services: HashSet<&'a str>,
    families: HashSet<&'a str>,
    conditions: HashSet<&'a str>,
    countries: HashSet<&'a str>,
    questions: HashSet<&'a str>,
}

/// A record of one collection: its id, the sources it cites (if it states a fact), and the
/// checks of its own fields.
trait Record {
    fn id(&self) -> &str;
    fn cites(&self) -> Option<&[String]> {
        None
    }
    fn check(&self, c: &mut Checker, ids: &Ids);
}

/// Checks a collection: unique, non-empty ids, then each record.
fn collection<'r, R: Record + 'r>(c: &mut Checker, name: &str, items: impl IntoIterator<Item = &'r R>, ids: &Ids) {
    let items: Vec<&R> = items.into_iter().collect();
    let mut seen = HashSet::new();
    for r in &items {
        if r.id().trim().is_empty() {
            c.push_at(name, ProblemKind::BadValue, "has a record with an empty id".into());
        } else if !seen.insert(r.id()) {
            c.push_at(name, ProblemKind::DuplicateId, format!("id \"{}\" is used more than once", r.id()));
        }
    }
    for (i, r) in items.iter().enumerate() {
        c.at = format!("{name}[{i}] ({})", r.id());
        if let Some(sources) = r.cites() {
            c.sources(sources);
        }
        r.check(c, ids);
    }
}

/// `fn id` (and, with `cites`, `fn cites`) for a record with `id` (and `source_ids`) fields.
macro_rules! fields {
    () => {
        fn id(&self) -> &str {
            &self.id
        }
    };
    (cites) => {
        fields!();
        fn cites(&self) -> Option<&[String]> {
            Some(&self.source_ids)
        }
    };
}

impl Record for Source {
    fields!();
    fn check(&self, c: &mut Checker, _: &Ids) {
        if !(self.url.starts_with("https://") || self.url.starts_with("http://")) {
            c.bad(format!("url \"{}\" is not an http(s) address", self.url));
        }
        if let Some(d) = &self.date {
            c.date("date", d);
        }
        if !matches!(self.language.as_str(), "en" | "zh-Hans" | "zh-Hant") {
            c.bad(format!("language \"{}\" is not one of en, zh-Hans, zh-Hant", self.language));
        }
    }
}

impl Record for Caveat {
    fields!(cites);
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("text", &self.text);
    }
}

impl Record for Programme {
    fields!(cites);
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("name", &self.name);
        if let Some(t) = &self.short_name {
            c.text("shortName", t);
        }
        if let Some(d) = &self.date {
            c.date("date", d);
        }
    }
}

impl Record for Zone {
    fields!(cites);
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("shortName", &self.short_name);
        c.text("extent", &self.extent);
        for d in &self.key_dates {
            c.date("keyDates.date", &d.date);
            c.sources(&d.source_ids);
        }
        if !(70.0..=140.0).contains(&self.anchor.lon) || !(15.0..=55.0).contains(&self.anchor.lat) {
            c.bad("anchor lies outside China's map extent");
        }
    }
}

impl Record for Place {
    fields!(cites);
    fn check(&self, c: &mut Checker, ids: &Ids) {
        c.text("name", &self.name);
        if let Some(z) = &self.zone {
            c.refers(ProblemKind::UnknownZone, "zone", z, &ids.zones, "zones");
        }
        for p in &self.programmes {
            c.refers(ProblemKind::UnknownReference, "programme", p, &ids.programmes, "programmes");
        }
    }
}

impl Record for ServiceFamily {
    fields!();
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("name", &self.name);
    }
}

impl Record for Service {
    fields!(cites);
    fn check(&self, c: &mut Checker, ids: &Ids) {
        c.text("name", &self.name);
        c.text("description", &self.description);
        c.refers(ProblemKind::UnknownReference, "family", &self.family, &ids.families, "serviceFamilies");
    }
}

impl Record for Question {
    fields!();
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("label", &self.label);
        if !self.id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            c.bad(format!("id \"{}\" must be letters and digits (it is a JS API key)", self.id));
        }
        if crate::eligibility::QUERY_KEYS.contains(&self.id.as_str()) {
            c.push(ProblemKind::DuplicateId, format!("id \"{}\" is already a checker field", self.id));
        }
        let key = self.hash_key.as_str();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase()) {
            c.bad(format!("hashKey \"{key}\" must be lower-case letters"));
        } else if crate::state::is_reserved(key) {
            c.push(ProblemKind::DuplicateId, format!("hashKey \"{key}\" is already used in the URL hash"));
        }
    }
}

impl Record for Condition {
    fields!(cites);
    fn check(&self, c: &mut Checker, ids: &Ids) {
        c.text("text", &self.text);
        if let Some(q) = &self.answer {
            c.refers(ProblemKind::UnknownReference, "answer", q, &ids.questions, "questions");
        }
    }
}

impl Record for Rule {
    fields!(cites);
    fn check(&self, c: &mut Checker, ids: &Ids) {
        c.text("explanation", &self.explanation);
        c.refers(ProblemKind::UnknownReference, "programme", &self.programme, &ids.programmes, "programmes");
        if self.places.is_empty() {
            c.bad("lists no places");
        }
        for p in self.places.iter().filter(|p| *p != "*") {
            c.refers(ProblemKind::UnknownPlace, "place", p, &ids.places, "places");
        }
        if self.services.is_empty() {
            c.bad("lists no services");
        }
        for s in &self.services {
            c.refers(ProblemKind::UnknownService, "service", s, &ids.services, "services");
        }
        for k in &self.conditions {
            c.refers(ProblemKind::UnknownReference, "condition", k, &ids.conditions, "conditions");
        }
        if self.max_foreign_equity_pct > 100 {
            c.bad(format!("maxForeignEquityPct {} is above 100", self.max_foreign_equity_pct));
        }
        if self.tier == Tier::Prohibited && self.max_foreign_equity_pct != 0 {
            c.bad("a prohibited rule must have maxForeignEquityPct 0");
        }
    }
}

impl Record for Country {
    fields!();
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("name", &self.name);
    }
}

impl Record for Enterprise {
    fields!(cites);
    fn check(&self, c: &mut Checker, ids: &Ids) {
        if let Some(z) = &self.zone {
            c.refers(ProblemKind::UnknownZone, "zone", z, &ids.zones, "zones");
        }
        for s in self.services.iter().flatten() {
            c.refers(ProblemKind::UnknownService, "service", s, &ids.services, "services");
        }
        if let Some(cc) = &self.parent_country {
            c.refers(ProblemKind::UnknownReference, "parentCountry", cc, &ids.countries, "countries");
        }
        if let Some(d) = &self.approval_date {
            c.date("approvalDate", d);
        }
        let named = [&self.name_en, &self.name_zh].iter().any(|n| n.as_deref().is_some_and(|n| !n.trim().is_empty()));
        if self.identified && !named {
            c.bad("is marked identified but has no name");
        }
        if !self.identified && named {
            c.bad("is marked not identified but carries a name");
        }
        if self.status == Status::ReportedApplicant && (self.batch.is_some() || self.approval_date.is_some()) {
            c.bad("a reported applicant cannot have an approval batch or date");
        }
        if self.status == Status::Approved && self.batch.is_none() {
            c.bad("an approved record needs its batch");
        }
    }
}

impl Record for TimelineEvent {
    fields!(cites);
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.date("date", &self.date);
        c.text("label", &self.label);
    }
}

impl Record for Figure {
    fields!(cites);
    fn check(&self, c: &mut Checker, _: &Ids) {
        c.text("label", &self.label);
        if let Some(d) = &self.as_of {
            c.date("asOf", d);
        }
        if let Some(v) = self.value.filter(|v| !v.is_finite() || *v < 0.0) {
            c.bad(format!("value {v} is not a non-negative number"));
        }
    }
}

/// Accepts `YYYY`, `YYYY-MM` and `YYYY-MM-DD` with real months and days.
pub fn is_valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| -> Option<u32> {
        if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
            p.parse().ok()
        } else {
            None
        }
    };
    let year = match parts.first().and_then(|p| num(p, 4)) {
        Some(y) if (1900..=2100).contains(&y) => y,
        _ => return false,
    };
    if parts.len() == 1 {
        return true;
    }
    let month = match num(parts[1], 2) {
        Some(m) if (1..=12).contains(&m) => m,
        _ => return false,
    };
    match parts.len() {
        2 => true,
        3 => {
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            let days = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            matches!(num(parts[2], 2), Some(d) if (1..=days).contains(&d))
        }
        _ => false,
    }
}

/// Checks the whole dataset and returns every problem found (empty = valid).
pub fn validate(ds: &Dataset) -> Vec<Problem> {
    fn ids<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashSet<&'a str> {
        items.iter().map(id).collect()
    }
    let mut c = Checker { sources: ids(&ds.sources, |s| &s.id), at: String::new(), problems: vec![] };
    if !is_valid_date(&ds.as_of) || ds.as_of.len() != 10 {
        c.push_at("asOf", ProblemKind::BadDate, format!("asOf \"{}\" must be a full date YYYY-MM-DD", ds.as_of));
    }
    if ds.version.trim().is_empty() {
        c.push_at("version", ProblemKind::BadValue, "version is empty".into());
    }
    // Zones: exactly the four.
    let mut zone_ids: Vec<&str> = ds.zones.iter().map(|z| z.id.as_str()).collect();
    zone_ids.sort_unstable();
    let mut want = ZONE_IDS.to_vec();
    want.sort_unstable();
    if zone_ids != want {
        let message = format!("zones must be exactly {} (found: {})", ZONE_IDS.join(", "), zone_ids.join(", "));
        c.push_at("zones", ProblemKind::ZoneSet, message);
    }
    let refs = Ids {
        zones: ids(&ds.zones, |x| &x.id),
        programmes: ids(&ds.programmes, |x| &x.id),
        places: ids(&ds.places, |x| &x.id),
        services: ids(&ds.services, |x| &x.id),
        families: ids(&ds.service_families, |x| &x.id),
        conditions: ids(&ds.conditions, |x| &x.id),
        countries: ids(&ds.countries, |x| &x.id),
        questions: ids(&ds.questions, |x| &x.id),
    };
    collection(&mut c, "sources", &ds.sources, &refs);
    collection(&mut c, "caveats", ds.caveats.iter().chain(&ds.out_of_scope), &refs);
    collection(&mut c, "programmes", &ds.programmes, &refs);
    collection(&mut c, "zones", &ds.zones, &refs);
    collection(&mut c, "places", &ds.places, &refs);
    collection(&mut c, "serviceFamilies", &ds.service_families, &refs);
    collection(&mut c, "services", &ds.services, &refs);
    collection(&mut c, "questions", &ds.questions, &refs);
    collection(&mut c, "conditions", &ds.conditions, &refs);
    collection(&mut c, "rules", &ds.rules, &refs);
    collection(&mut c, "countries", &ds.countries, &refs);
    collection(&mut c, "enterprises", &ds.enterprises, &refs);
    collection(&mut c, "timeline", &ds.timeline, &refs);
    collection(&mut c, "figures", &ds.figures, &refs);
    question_keys(&mut c, ds);
    coverage(&mut c, ds, &refs.places);
    changelog(&mut c, ds);
    c.problems
}

/// The changelog: one entry per version, full dates, oldest first, ending with this version.
fn changelog(c: &mut Checker, ds: &Dataset) {
    let mut versions = HashSet::new();
    for (i, entry) in ds.changelog.iter().enumerate() {
        c.at = format!("changelog[{i}] ({})", entry.version);
        if entry.version.trim().is_empty() {
            c.bad("version is empty");
        } else if !versions.insert(entry.version.as_str()) {
            c.push_at("changelog", ProblemKind::DuplicateId, format!("version \"{}\" is listed more than once", entry.version));
        }
        if !is_valid_date(&entry.date) || entry.date.len() != 10 {
            c.push(ProblemKind::BadDate, format!("date \"{}\" must be a full date YYYY-MM-DD", entry.date));
        }
        c.text("summary", &entry.summary);
        for id in &entry.source_ids {
            if !c.sources.contains(id.as_str()) {
                c.push(ProblemKind::DanglingSource, format!("cites source \"{id}\", which is not in sources"));
            }
        }
    }
    // Entries run oldest first (ISO dates sort as text), and the last one is this version.
    if ds.changelog.windows(2).any(|w| w[0].date > w[1].date) {
        c.push_at("changelog", ProblemKind::BadValue, "entries must be in date order, oldest first".into());
    }
    if let Some(last) = ds.changelog.last().filter(|last| last.version != ds.version) {
        let message = format!("the last entry is version \"{}\" but the dataset is version \"{}\"", last.version, ds.version);
        c.push_at("changelog", ProblemKind::BadValue, message);
    }
}

/// No two questions share a URL-hash key.
fn question_keys(c: &mut Checker, ds: &Dataset) {
    let mut seen = HashSet::new();
    for q in &ds.questions {
        if !seen.insert(q.hash_key.as_str()) {
            c.push_at("questions", ProblemKind::DuplicateId, format!("hashKey \"{}\" is used more than once", q.hash_key));
        }
    }
}

/// Every place × service pair must be decided by an unconditional fallback: a baseline or
/// prohibited rule that no answer can remove (programme rules may drop out on a "no").
fn coverage(c: &mut Checker, ds: &Dataset, places: &HashSet<&str>) {
    let answerable = |id: &String| ds.condition(id).is_some_and(|k| k.answer.is_some());
    for (i, r) in ds.rules.iter().enumerate().filter(|(_, r)| r.tier != Tier::Programme) {
        if let Some(k) = r.conditions.iter().find(|k| answerable(k)) {
            let message = format!("a {} rule cannot depend on a question (condition \"{k}\"): a \"no\" would leave no answer", if r.tier == Tier::Baseline { "baseline" } else { "prohibited" });
            c.push_at(&format!("rules[{i}] ({})", r.id), ProblemKind::Uncovered, message);
        }
    }
    let mut covered: HashSet<(&str, &str)> = HashSet::new();
    for r in ds.rules.iter().filter(|r| r.tier != Tier::Programme) {
        let rule_places: Vec<&str> =
            if r.places.iter().any(|p| p == "*") { places.iter().copied().collect() } else { r.places.iter().map(String::as_str).collect() };
        for p in rule_places {
            for s in &r.services {
                covered.insert((p, s.as_str()));
            }
        }
    }
    for p in &ds.places {
        for s in &ds.services {
            if !covered.contains(&(p.id.as_str(), s.id.as_str())) {
                let message = format!("no baseline or prohibited rule covers place \"{}\" × service \"{}\"", p.id, s.id);
                c.push_at("rules", ProblemKind::Uncovered, message);
            }
        }
    }
}
