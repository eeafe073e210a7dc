//! The typed dataset: what `data/pilot.json` contains.
//!
//! Field names are camelCase in JSON (and therefore in the JS API). Every record that states a
//! fact carries `sourceIds`; `validate::validate` checks that they resolve. Unknown values are
//! `null` in the data and `None` here, never a placeholder string.

use serde::{Deserialize, Serialize};

/// Confidence label carried by rules, conditions, figures and records.
/// `High` = official or primary text, or two independent reputable reports;
/// `Medium` = one reputable secondary source or consistent secondary sources;
/// `Low` = a single weak, undated or aggregator source, or an inference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub fn id(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

/// A short text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text {
    pub en: String,
    pub zh: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dataset {
    /// Dataset version, e.g. "2026.11.23".
    pub version: String,
    /// The date up to which the data was checked (YYYY-MM-DD).
    pub as_of: String,
    pub title: Text,
    /// Known gaps that every view should be able to show.
    pub caveats: Vec<Caveat>,
    /// What the widget does not cover (Hong Kong, Macao, Taiwan), with sources.
    pub out_of_scope: Vec<Caveat>,
    pub sources: Vec<Source>,
    pub programmes: Vec<Programme>,
    pub zones: Vec<Zone>,
    pub places: Vec<Place>,
    pub service_families: Vec<ServiceFamily>,
    pub services: Vec<Service>,
    /// The checker's yes/no questions, in the order it asks them.
    pub questions: Vec<Question>,
    pub conditions: Vec<Condition>,
    pub rules: Vec<Rule>,
    pub countries: Vec<Country>,
    pub enterprises: Vec<Enterprise>,
    pub timeline: Vec<TimelineEvent>,
    pub figures: Vec<Figure>,
    /// What changed in each version of the dataset, oldest first. Absent in files written before
    /// the changelog existed.
    #[serde(default)]
    pub changelog: Vec<ChangelogEntry>,
}

/// One dataset version: its date and a one-line summary of what changed for readers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ChangelogEntry {
    /// The dataset version this entry describes (matches `Dataset::version` for the latest).
    pub version: String,
    /// Release date of that version (YYYY-MM-DD).
    pub date: String,
    pub summary: Text,
    /// Sources behind the corrections, when the entry is about facts.
    #[serde(default)]
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Caveat {
    pub id: String,
    pub text: Text,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// "S1" …
    pub id: String,
    pub url: String,
    pub outlet: String,
    pub title: String,
    /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD; `None` when the page is undated.
    pub date: Option<String>,
    /// BCP 47 tag of the page: "en", "zh-Hans", "zh-Hant".
    pub language: String,
    pub reliability: Confidence,
    /// Why the source is rated as it is (mirror, translation, aggregator …).
    pub reliability_note: String,
    /// False when the page itself was not retrieved and only its URL is known from another source.
    pub retrieved: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Programme {
    /// e.g. "vats-pilot-2024", "services-pilot-2025", "national".
    pub id: String,
    pub name: Text,
    /// A short name for places that repeat it (the comparison table's rows), e.g. "VATS
    /// pilot"; `name` when absent.
    #[serde(default)]
    pub short_name: Option<Text>,
    /// The instrument that creates it, e.g. 工信部通信函〔2024〕107号.
    pub instrument: Text,
    pub date: Option<String>,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Point {
    pub lon: f64,
    pub lat: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DatedEvent {
    pub date: String,
    pub label: Text,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Zone {
    /// Exactly one of "beijing", "shanghai", "hainan", "shenzhen".
    pub id: String,
    /// Short name for labels: "Beijing" / "北京".
    pub short_name: Text,
    /// Official designation as in the notice (zh) and its English rendering.
    pub official_name: Text,
    /// What the zone covers, in words.
    pub extent: Text,
    /// True when the province-level outline the map draws is larger than the pilot area (only
    /// part of it is in the pilot, as `extent` says): the map hatches it and says so.
    #[serde(default)]
    pub partial: bool,
    pub key_dates: Vec<DatedEvent>,
    /// Map anchor (WGS84).
    pub anchor: Point,
    pub confidence: Confidence,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Place {
    /// e.g. "beijing", "shanghai-pudong", "other-mainland".
    pub id: String,
    pub name: Text,
    /// The pilot zone this place lies in, if any.
    pub zone: Option<String>,
    /// Programmes (besides the national baseline) that apply in this place.
    pub programmes: Vec<String>,
    pub note: Option<Text>,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServiceFamily {
    /// e.g. "B1", "B2", "content", "basic".
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Service {
    /// Catalogue-based id, e.g. "B11", "B25-PUB", "X-NEWS", "BASIC".
    pub id: String,
    /// Code as printed in the 2015 catalogue, e.g. "B11" (or "—" for non-catalogue fields).
    pub code: String,
    pub family: String,
    pub name: Text,
    /// One plain line on what the service is.
    pub description: Text,
    pub source_ids: Vec<String>,
}

/// A yes/no question the checker asks (besides place, service and share). The checker, the
/// URL hash and the JS API are built from this table: adding a question is a data change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    /// The answer's key in the JS API and in `conditions[].answer`, e.g. "registeredInPlace".
    pub id: String,
    /// Its short key in the URL hash, e.g. "reg" (lower-case letters).
    pub hash_key: String,
    /// The question as the checker asks it.
    pub label: Text,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Condition {
    pub id: String,
    pub text: Text,
    /// The question (id) whose "no" means a rule carrying this condition does not apply.
    pub answer: Option<String>,
    pub confidence: Confidence,
    pub source_ids: Vec<String>,
}

/// Rule tiers in precedence order (see `eligibility`): a prohibition beats a programme, a
/// programme beats the national baseline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Baseline,
    Programme,
    Prohibited,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub tier: Tier,
    /// The programme this rule belongs to ("national" for the baseline and prohibitions).
    pub programme: String,
    /// Place ids this rule covers; `["*"]` means every place in scope.
    pub places: Vec<String>,
    /// Service ids this rule covers.
    pub services: Vec<String>,
    /// Maximum foreign equity in percent (0 = closed to foreign investment).
    pub max_foreign_equity_pct: u8,
    /// Condition ids that must hold for the rule to apply.
    pub conditions: Vec<String>,
    /// Plain explanation shown as the reason for the outcome.
    pub explanation: Text,
    pub confidence: Confidence,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2 where one applies ("DE"), otherwise a descriptive id ("EUROPE").
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Holds an MIIT pilot approval.
    Approved,
    /// Reported as applying or signing up; approval not confirmed by any source.
    ReportedApplicant,
}

impl Status {
    pub const ALL: [Status; 2] = [Status::Approved, Status::ReportedApplicant];
    pub fn id(self) -> &'static str {
        match self {
            Status::Approved => "approved",
            Status::ReportedApplicant => "reported_applicant",
        }
    }
    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|st| st.id() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Enterprise {
    pub id: String,
    pub status: Status,
    /// Approval batch (1 = 28 Feb 2025); `None` for applicants.
    pub batch: Option<u32>,
    /// Approval date as reported; `None` when not approved or unknown.
    pub approval_date: Option<String>,
    /// False for approvals whose holder no source names. Such records have no name.
    pub identified: bool,
    /// Name as reported in English; `None` when not publicly identified.
    pub name_en: Option<String>,
    /// Name as reported in Chinese; `None` when no source gives one.
    pub name_zh: Option<String>,
    /// True when the name is the company's legal name as given by a source.
    pub legal_name: bool,
    pub parent: Option<Text>,
    /// Country id of the parent group (see `countries`); `None` when unknown.
    pub parent_country: Option<String>,
    /// Pilot zone; `None` when no source states or implies it.
    pub zone: Option<String>,
    /// Service ids approved or applied for; `None` when not published.
    pub services: Option<Vec<String>>,
    /// What the sources say about the business, when codes are not published.
    pub activity: Option<Text>,
    pub confidence: Confidence,
    pub note: Option<Text>,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineEvent {
    pub id: String,
    pub date: String,
    pub label: Text,
    pub confidence: Confidence,
    pub source_ids: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    pub label: Text,
    /// The number, when one is known; `None` for "not found".
    pub value: Option<f64>,
    /// How the value should read, e.g. "> 2,400 (+30 % y/y)"; falls back to `value`.
    pub display: Option<Text>,
    /// Date the figure refers to (YYYY, YYYY-MM or YYYY-MM-DD); `None` when undated.
    pub as_of: Option<String>,
    pub confidence: Confidence,
    pub note: Option<Text>,
    pub source_ids: Vec<String>,
}

/// `Dataset::source(id)`, `Dataset::zone(id)`, …: records looked up by id.
macro_rules! lookups {
    ($($name:ident: $field:ident -> $ty:ty),* $(,)?) => {
        impl Dataset {
            $(
                pub fn $name(&self, id: &str) -> Option<&$ty> {
                    self.$field.iter().find(|x| x.id == id)
                }
            )*
        }
    };
}

lookups! {
    source: sources -> Source,
    zone: zones -> Zone,
    place: places -> Place,
    service: services -> Service,
    programme: programmes -> Programme,
    condition: conditions -> Condition,
    question: questions -> Question,
    country: countries -> Country,
    enterprise: enterprises -> Enterprise,
    figure: figures -> Figure,
}

/// The figure that states how many firms the first batch approved.
pub const FIRST_BATCH_FIGURE: &str = "first-batch-approved";
/// The figure that names the licence categories the first batch was granted, as a whole.
pub const BATCH_CATEGORIES_FIGURE: &str = "first-batch-categories";
/// The figure of the latest reported cumulative total.
pub const LATEST_TOTAL_FIGURE: &str = "cumulative-approved-2026";
/// The timeline event of the first batch (the batch's categories are shown under it).
pub const FIRST_BATCH_EVENT: &str = "t-first-batch";

impl Dataset {
    /// The dataset as the lean build embeds it (`build.rs` without the `full` feature): without
    /// what no view shows and no download carries — the places' notes, the programmes'
    /// instruments, the notes of figures the views do not sentence (all but the batch's
    /// categories and the latest total), and the reliability notes of sources that no
    /// enterprise cites (a list download carries the sources its records cite). The JS API
    /// (full build) returns the whole dataset. `tests/core_lean.rs` renders every view's markup
    /// and the whole list's JSON download from both and requires them to be the same, so a view
    /// that starts showing one of these fails there.
    pub fn for_lean_widget(mut self) -> Dataset {
        for p in &mut self.places {
            p.note = None;
        }
        for p in &mut self.programmes {
            p.instrument = Text::default();
        }
        let enterprises = &self.enterprises;
        for s in self.sources.iter_mut().filter(|s| !enterprises.iter().any(|e| e.source_ids.contains(&s.id))) {
            s.reliability_note.clear();
        }
        for f in self.figures.iter_mut().filter(|f| f.id != BATCH_CATEGORIES_FIGURE && f.id != LATEST_TOTAL_FIGURE) {
            f.note = None;
        }
        self
    }

    /// A dataset with no records: the fallback that keeps a page alive if data cannot load.
    pub fn empty() -> Dataset {
        Dataset {
            version: String::new(),
            as_of: String::new(),
            title: Text::default(),
            caveats: vec![],
            out_of_scope: vec![],
            sources: vec![],
            programmes: vec![],
            zones: vec![],
            places: vec![],
            service_families: vec![],
            services: vec![],
            questions: vec![],
            conditions: vec![],
            rules: vec![],
            countries: vec![],
            enterprises: vec![],
            timeline: vec![],
            figures: vec![],
            changelog: vec![],
        }
    }
}

impl Dataset {
    /// The changelog, newest version first: what the widget's notes show under "What changed".
    pub fn changes_newest_first(&self) -> impl Iterator<Item = &ChangelogEntry> {
        self.changelog.iter().rev()
    }
}

impl Text {
    pub fn get(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.en,
            crate::i18n::Lang::Zh => &self.zh,
        }
    }
}
