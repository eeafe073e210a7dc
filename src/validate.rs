//! Dataset validation: every problem is reported as a clear message, never a panic.

use std::collections::{HashMap, HashSet};

use crate::model::{Dataset, Status, Tier};

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

struct Checker<'a> {
    sources: HashSet<&'a str>,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn push(&mut self, at: &str, kind: ProblemKind, message: String) {
        self.problems.push(Problem { at: at.to_string(), kind, message });
    }

    fn sources(&mut self, at: &str, ids: &[String]) {
        if ids.is_empty() {
            self.push(at, ProblemKind::MissingSource, "cites no source (sourceIds is empty)".into());
        }
        for id in ids {
            if !self.sources.contains(id.as_str()) {
                self.push(
                    at,
                    ProblemKind::DanglingSource,
                    format!("cites source \"{id}\", which is not in sources"),
                );
            }
        }
    }

    fn unique<I: IntoIterator<Item = &'a str>>(&mut self, collection: &str, ids: I) {
        let mut seen = HashSet::new();
        for id in ids {
            if id.trim().is_empty() {
                self.push(collection, ProblemKind::BadValue, "has a record with an empty id".into());
            } else if !seen.insert(id) {
                self.push(collection, ProblemKind::DuplicateId, format!("id \"{id}\" is used more than once"));
            }
        }
    }

    fn date(&mut self, at: &str, field: &str, value: &str) {
        if !is_valid_date(value) {
            self.push(
                at,
                ProblemKind::BadDate,
                format!("{field} \"{value}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            );
        }
    }

    fn text(&mut self, at: &str, field: &str, t: &crate::model::Text) {
        let message = match (t.en.trim().is_empty(), t.zh.trim().is_empty()) {
            (false, false) => return,
            (true, true) => format!("{field} is empty in both languages ({field}.en and {field}.zh)"),
            (true, false) => format!("{field}.en is empty: the English text is missing"),
            (false, true) => format!("{field}.zh is empty: the Chinese text is missing"),
        };
        self.push(at, ProblemKind::BadValue, message);
    }
}

fn label(collection: &str, index: usize, id: &str) -> String {
    format!("{collection}[{index}] ({id})")
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
    let mut c = Checker { sources: ds.sources.iter().map(|s| s.id.as_str()).collect(), problems: vec![] };

    if !is_valid_date(&ds.as_of) || ds.as_of.len() != 10 {
        c.push("asOf", ProblemKind::BadDate, format!("asOf \"{}\" must be a full date YYYY-MM-DD", ds.as_of));
    }
    if ds.version.trim().is_empty() {
        c.push("version", ProblemKind::BadValue, "version is empty".into());
    }

    // Unique ids in every collection.
    c.unique("sources", ds.sources.iter().map(|s| s.id.as_str()));
    c.unique("programmes", ds.programmes.iter().map(|s| s.id.as_str()));
    c.unique("zones", ds.zones.iter().map(|s| s.id.as_str()));
    c.unique("places", ds.places.iter().map(|s| s.id.as_str()));
    c.unique("serviceFamilies", ds.service_families.iter().map(|s| s.id.as_str()));
    c.unique("services", ds.services.iter().map(|s| s.id.as_str()));
    c.unique("conditions", ds.conditions.iter().map(|s| s.id.as_str()));
    c.unique("questions", ds.questions.iter().map(|s| s.id.as_str()));
    c.unique("rules", ds.rules.iter().map(|s| s.id.as_str()));
    c.unique("countries", ds.countries.iter().map(|s| s.id.as_str()));
    c.unique("enterprises", ds.enterprises.iter().map(|s| s.id.as_str()));
    c.unique("timeline", ds.timeline.iter().map(|s| s.id.as_str()));
    c.unique("figures", ds.figures.iter().map(|s| s.id.as_str()));
    c.unique("caveats", ds.caveats.iter().chain(&ds.out_of_scope).map(|s| s.id.as_str()));

    for (i, s) in ds.sources.iter().enumerate() {
        let at = label("sources", i, &s.id);
        if !(s.url.starts_with("https://") || s.url.starts_with("http://")) {
            c.push(&at, ProblemKind::BadValue, format!("url \"{}\" is not an http(s) address", s.url));
        }
        if let Some(d) = &s.date {
            c.date(&at, "date", d);
        }
        if !matches!(s.language.as_str(), "en" | "zh-Hans" | "zh-Hant") {
            c.push(&at, ProblemKind::BadValue, format!("language \"{}\" is not one of en, zh-Hans, zh-Hant", s.language));
        }
    }

    for (i, x) in ds.caveats.iter().chain(&ds.out_of_scope).enumerate() {
        let at = label("caveats", i, &x.id);
        c.text(&at, "text", &x.text);
        c.sources(&at, &x.source_ids);
    }

    for (i, p) in ds.programmes.iter().enumerate() {
        let at = label("programmes", i, &p.id);
        c.text(&at, "name", &p.name);
        if let Some(d) = &p.date {
            c.date(&at, "date", d);
        }
        c.sources(&at, &p.source_ids);
    }

    // Zones: exactly the four.
    let mut zone_ids: Vec<&str> = ds.zones.iter().map(|z| z.id.as_str()).collect();
    zone_ids.sort_unstable();
    let mut want = ZONE_IDS.to_vec();
    want.sort_unstable();
    if zone_ids != want {
        c.push(
            "zones",
            ProblemKind::ZoneSet,
            format!("zones must be exactly {} (found: {})", ZONE_IDS.join(", "), zone_ids.join(", ")),
        );
    }
    for (i, z) in ds.zones.iter().enumerate() {
        let at = label("zones", i, &z.id);
        c.text(&at, "shortName", &z.short_name);
        c.text(&at, "extent", &z.extent);
        c.sources(&at, &z.source_ids);
        for d in &z.key_dates {
            c.date(&at, "keyDates.date", &d.date);
            c.sources(&at, &d.source_ids);
        }
        if !(70.0..=140.0).contains(&z.anchor.lon) || !(15.0..=55.0).contains(&z.anchor.lat) {
            c.push(&at, ProblemKind::BadValue, "anchor lies outside China's map extent".into());
        }
    }

    let zones: HashSet<&str> = ds.zones.iter().map(|z| z.id.as_str()).collect();
    let programmes: HashSet<&str> = ds.programmes.iter().map(|p| p.id.as_str()).collect();
    let places: HashSet<&str> = ds.places.iter().map(|p| p.id.as_str()).collect();
    let services: HashSet<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
    let families: HashSet<&str> = ds.service_families.iter().map(|s| s.id.as_str()).collect();
    let conditions: HashSet<&str> = ds.conditions.iter().map(|s| s.id.as_str()).collect();
    let countries: HashSet<&str> = ds.countries.iter().map(|s| s.id.as_str()).collect();

    for (i, p) in ds.places.iter().enumerate() {
        let at = label("places", i, &p.id);
        c.text(&at, "name", &p.name);
        if let Some(z) = &p.zone {
            if !zones.contains(z.as_str()) {
                c.push(&at, ProblemKind::UnknownZone, format!("zone \"{z}\" is not one of the zones"));
            }
        }
        for pr in &p.programmes {
            if !programmes.contains(pr.as_str()) {
                c.push(&at, ProblemKind::UnknownReference, format!("programme \"{pr}\" is not in programmes"));
            }
        }
        c.sources(&at, &p.source_ids);
    }

    for (i, s) in ds.services.iter().enumerate() {
        let at = label("services", i, &s.id);
        c.text(&at, "name", &s.name);
        c.text(&at, "description", &s.description);
        if !families.contains(s.family.as_str()) {
            c.push(&at, ProblemKind::UnknownReference, format!("family \"{}\" is not in serviceFamilies", s.family));
        }
        c.sources(&at, &s.source_ids);
    }

    let mut hash_keys: HashSet<&str> = HashSet::new();
    for (i, q) in ds.questions.iter().enumerate() {
        let at = label("questions", i, &q.id);
        c.text(&at, "label", &q.label);
        if !q.id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            c.push(&at, ProblemKind::BadValue, format!("id \"{}\" must be letters and digits (it is a JS API key)", q.id));
        }
        let key = q.hash_key.as_str();
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase()) {
            c.push(&at, ProblemKind::BadValue, format!("hashKey \"{key}\" must be lower-case letters"));
        } else if crate::state::is_reserved(key) || !hash_keys.insert(key) {
            c.push(&at, ProblemKind::DuplicateId, format!("hashKey \"{key}\" is already used in the URL hash"));
        }
        if crate::eligibility::QUERY_KEYS.contains(&q.id.as_str()) {
            c.push(&at, ProblemKind::DuplicateId, format!("id \"{}\" is already a checker field", q.id));
        }
    }
    let questions: HashSet<&str> = ds.questions.iter().map(|q| q.id.as_str()).collect();

    for (i, k) in ds.conditions.iter().enumerate() {
        let at = label("conditions", i, &k.id);
        c.text(&at, "text", &k.text);
        c.sources(&at, &k.source_ids);
        if let Some(q) = &k.answer {
            if !questions.contains(q.as_str()) {
                c.push(&at, ProblemKind::UnknownReference, format!("answer \"{q}\" is not in questions"));
            }
        }
    }

    for (i, r) in ds.rules.iter().enumerate() {
        let at = label("rules", i, &r.id);
        c.text(&at, "explanation", &r.explanation);
        c.sources(&at, &r.source_ids);
        if !programmes.contains(r.programme.as_str()) {
            c.push(&at, ProblemKind::UnknownReference, format!("programme \"{}\" is not in programmes", r.programme));
        }
        if r.places.is_empty() {
            c.push(&at, ProblemKind::BadValue, "lists no places".into());
        }
        for p in &r.places {
            if p != "*" && !places.contains(p.as_str()) {
                c.push(&at, ProblemKind::UnknownPlace, format!("place \"{p}\" is not in places"));
            }
        }
        if r.services.is_empty() {
            c.push(&at, ProblemKind::BadValue, "lists no services".into());
        }
        for s in &r.services {
            if !services.contains(s.as_str()) {
                c.push(&at, ProblemKind::UnknownService, format!("service \"{s}\" is not in services"));
            }
        }
        for k in &r.conditions {
            if !conditions.contains(k.as_str()) {
                c.push(&at, ProblemKind::UnknownReference, format!("condition \"{k}\" is not in conditions"));
            }
        }
        if r.max_foreign_equity_pct > 100 {
            c.push(&at, ProblemKind::BadValue, format!("maxForeignEquityPct {} is above 100", r.max_foreign_equity_pct));
        }
        if r.tier == Tier::Prohibited && r.max_foreign_equity_pct != 0 {
            c.push(&at, ProblemKind::BadValue, "a prohibited rule must have maxForeignEquityPct 0".into());
        }
    }

    // Every place × service pair must be decided by an unconditional fallback:
    // a baseline or prohibited rule (programme rules may drop out on a "no" answer).
    let mut covered: HashMap<(&str, &str), usize> = HashMap::new();
    for r in ds.rules.iter().filter(|r| r.tier != Tier::Programme) {
        let rule_places: Vec<&str> = if r.places.iter().any(|p| p == "*") {
            places.iter().copied().collect()
        } else {
            r.places.iter().map(String::as_str).collect()
        };
        for p in rule_places {
            for s in &r.services {
                *covered.entry((p, s.as_str())).or_default() += 1;
            }
        }
    }
    for p in &ds.places {
        for s in &ds.services {
            if !covered.contains_key(&(p.id.as_str(), s.id.as_str())) {
                c.push(
                    "rules",
                    ProblemKind::Uncovered,
                    format!("no baseline or prohibited rule covers place \"{}\" × service \"{}\"", p.id, s.id),
                );
            }
        }
    }

    for (i, x) in ds.countries.iter().enumerate() {
        c.text(&label("countries", i, &x.id), "name", &x.name);
    }

    for (i, e) in ds.enterprises.iter().enumerate() {
        let at = label("enterprises", i, &e.id);
        c.sources(&at, &e.source_ids);
        if let Some(z) = &e.zone {
            if !zones.contains(z.as_str()) {
                c.push(&at, ProblemKind::UnknownZone, format!("zone \"{z}\" is not one of the zones"));
            }
        }
        if let Some(list) = &e.services {
            for s in list {
                if !services.contains(s.as_str()) {
                    c.push(&at, ProblemKind::UnknownService, format!("service \"{s}\" is not in services"));
                }
            }
        }
        if let Some(cc) = &e.parent_country {
            if !countries.contains(cc.as_str()) {
                c.push(&at, ProblemKind::UnknownReference, format!("parentCountry \"{cc}\" is not in countries"));
            }
        }
        if let Some(d) = &e.approval_date {
            c.date(&at, "approvalDate", d);
        }
        let named = e.name_en.as_deref().is_some_and(|n| !n.trim().is_empty())
            || e.name_zh.as_deref().is_some_and(|n| !n.trim().is_empty());
        if e.identified && !named {
            c.push(&at, ProblemKind::BadValue, "is marked identified but has no name".into());
        }
        if !e.identified && named {
            c.push(&at, ProblemKind::BadValue, "is marked not identified but carries a name".into());
        }
        if e.status == Status::ReportedApplicant && (e.batch.is_some() || e.approval_date.is_some()) {
            c.push(&at, ProblemKind::BadValue, "a reported applicant cannot have an approval batch or date".into());
        }
        if e.status == Status::Approved && e.batch.is_none() {
            c.push(&at, ProblemKind::BadValue, "an approved record needs its batch".into());
        }
    }

    for (i, t) in ds.timeline.iter().enumerate() {
        let at = label("timeline", i, &t.id);
        c.date(&at, "date", &t.date);
        c.text(&at, "label", &t.label);
        c.sources(&at, &t.source_ids);
    }

    for (i, f) in ds.figures.iter().enumerate() {
        let at = label("figures", i, &f.id);
        c.text(&at, "label", &f.label);
        if let Some(d) = &f.as_of {
            c.date(&at, "asOf", d);
        }
        if let Some(v) = f.value {
            if !v.is_finite() || v < 0.0 {
                c.push(&at, ProblemKind::BadValue, format!("value {v} is not a non-negative number"));
            }
        }
        c.sources(&at, &f.source_ids);
    }

    let mut versions = HashSet::new();
    for (i, entry) in ds.changelog.iter().enumerate() {
        let at = label("changelog", i, &entry.version);
        if entry.version.trim().is_empty() {
            c.push(&at, ProblemKind::BadValue, "version is empty".into());
        } else if !versions.insert(entry.version.as_str()) {
            c.push("changelog", ProblemKind::DuplicateId, format!("version \"{}\" is listed more than once", entry.version));
        }
        if !is_valid_date(&entry.date) || entry.date.len() != 10 {
            c.push(&at, ProblemKind::BadDate, format!("date \"{}\" must be a full date YYYY-MM-DD", entry.date));
        }
        c.text(&at, "summary", &entry.summary);
        for id in &entry.source_ids {
            if !c.sources.contains(id.as_str()) {
                c.push(&at, ProblemKind::DanglingSource, format!("cites source \"{id}\", which is not in sources"));
            }
        }
    }
    // Entries run oldest first (ISO dates sort as text), and the last one is this version.
    if ds.changelog.windows(2).any(|w| w[0].date > w[1].date) {
        c.push("changelog", ProblemKind::BadValue, "entries must be in date order, oldest first".into());
    }
    if let Some(last) = ds.changelog.last() {
        if last.version != ds.version {
            c.push(
                "changelog",
                ProblemKind::BadValue,
                format!("the last entry is version \"{}\" but the dataset is version \"{}\"", last.version, ds.version),
            );
        }
    }

    c.problems
}
