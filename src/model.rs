//! The typed dataset: what `data/pilot.json` contains.
//!
//! Field names are camelCase in JSON (and therefore in the JS API). Every record that states a
//! fact carries `sourceIds`; `validate::validate` checks that they resolve. Unknown values are
//! `null` in the data and `None` here, never a placeholder string.
//!
//! Each record is declared once (`record!`, see `declare.rs`): field, Rust type and JSON key,
//! and `or default` for a field that may be absent. Its serde derive, its JSON Schema, its key
//! list, its binary decoding (`embedded`) and its reader from parsed JSON (`json`, `data-src`)
//! all follow from that line. Each enum is declared once with its JSON ids (`values!`).

use serde::{Deserialize, Serialize};

values! {
    /// Confidence label carried by rules, conditions, figures and records.
    /// `High` = official or primary text, or two independent reputable reports;
    /// `Medium` = one reputable secondary source or consistent secondary sources;
    /// `Low` = a single weak, undated or aggregator source, or an inference.
    pub enum Confidence {
        Low = "low",
        Medium = "medium",
        High = "high",
    }
}

/// A short text in both languages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Text {
    pub en: String,
    pub zh: String,
}

record! {
    pub struct Dataset {
        /// Dataset version, e.g. "2026.11.23".
        pub version: String = "version",
        /// The date up to which the data was checked (YYYY-MM-DD).
        pub as_of: String = "asOf",
        pub title: Text = "title",
        /// Known gaps that every view should be able to show.
        pub caveats: Vec<Caveat> = "caveats",
        /// What the widget does not cover (Hong Kong, Macao, Taiwan), with sources.
        pub out_of_scope: Vec<Caveat> = "outOfScope",
        pub sources: Vec<Source> = "sources",
        pub programmes: Vec<Programme> = "programmes",
        pub zones: Vec<Zone> = "zones",
        pub places: Vec<Place> = "places",
        pub service_families: Vec<ServiceFamily> = "serviceFamilies",
        pub services: Vec<Service> = "services",
        /// The checker's yes/no questions, in the order it asks them.
        pub questions: Vec<Question> = "questions",
        pub conditions: Vec<Condition> = "conditions",
        pub rules: Vec<Rule> = "rules",
        pub countries: Vec<Country> = "countries",
        pub enterprises: Vec<Enterprise> = "enterprises",
        pub timeline: Vec<TimelineEvent> = "timeline",
        pub figures: Vec<Figure> = "figures",
        /// What changed in each version of the dataset, oldest first. Absent in files written before
        /// the changelog existed.
        pub changelog: Vec<ChangelogEntry> = "changelog" or default,
    }
}

record! {
    /// One dataset version: its date and a one-line summary of what changed for readers.
    pub struct ChangelogEntry {
        /// The dataset version this entry describes (matches `Dataset::version` for the latest).
        pub version: String = "version",
        /// Release date of that version (YYYY-MM-DD).
        pub date: String = "date",
        pub summary: Text = "summary",
        /// Sources behind the corrections, when the entry is about facts.
        pub source_ids: Vec<String> = "sourceIds" or default,
    }
}

record! {
    pub struct Caveat {
        pub id: String = "id",
        pub text: Text = "text",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct Source {
        /// "S1" …
        pub id: String = "id",
        pub url: String = "url",
        pub outlet: String = "outlet",
        pub title: String = "title",
        /// Publication date: YYYY, YYYY-MM or YYYY-MM-DD; `None` when the page is undated.
        pub date: Option<String> = "date",
        /// BCP 47 tag of the page: "en", "zh-Hans", "zh-Hant".
        pub language: String = "language",
        pub reliability: Confidence = "reliability",
        /// Why the source is rated as it is (mirror, translation, aggregator …).
        pub reliability_note: String = "reliabilityNote",
        /// False when the page itself was not retrieved and only its URL is known from another source.
        pub retrieved: bool = "retrieved",
    }
}

record! {
    pub struct Programme {
        /// e.g. "vats-pilot-2024", "services-pilot-2025", "national".
        pub id: String = "id",
        pub name: Text = "name",
        /// A short name for places that repeat it (the comparison table's rows), e.g. "VATS
        /// pilot"; `name` when absent.
        pub short_name: Option<Text> = "shortName" or default,
        /// The instrument that creates it, e.g. 工信部通信函〔2024〕107号.
        pub instrument: Text = "instrument",
        pub date: Option<String> = "date",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct Point {
        pub lon: f64 = "lon",
        pub lat: f64 = "lat",
    }
}

record! {
    pub struct DatedEvent {
        pub date: String = "date",
        pub label: Text = "label",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct Zone {
        /// Exactly one of "beijing", "shanghai", "hainan", "shenzhen".
        pub id: String = "id",
        /// Short name for labels: "Beijing" / "北京".
        pub short_name: Text = "shortName",
        /// Official designation as in the notice (zh) and its English rendering.
        pub official_name: Text = "officialName",
        /// What the zone covers, in words.
        pub extent: Text = "extent",
        /// True when the province-level outline the map draws is larger than the pilot area (only
        /// part of it is in the pilot, as `extent` says): the map hatches it and says so.
        pub partial: bool = "partial" or default,
        pub key_dates: Vec<DatedEvent> = "keyDates",
        /// Map anchor (WGS84).
        pub anchor: Point = "anchor",
        pub confidence: Confidence = "confidence",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct Place {
        /// e.g. "beijing", "shanghai-pudong", "other-mainland".
        pub id: String = "id",
        pub name: Text = "name",
        /// The pilot zone this place lies in, if any.
        pub zone: Option<String> = "zone",
        /// Programmes (besides the national baseline) that apply in this place.
        pub programmes: Vec<String> = "programmes",
        pub note: Option<Text> = "note",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct ServiceFamily {
        /// e.g. "B1", "B2", "content", "basic".
        pub id: String = "id",
        pub name: Text = "name",
    }
}

record! {
    pub struct Service {
        /// Catalogue-based id, e.g. "B11", "B25-PUB", "X-NEWS", "BASIC".
        pub id: String = "id",
        /// Code as printed in the 2015 catalogue, e.g. "B11" (or "—" for non-catalogue fields).
        pub code: String = "code",
        pub family: String = "family",
        pub name: Text = "name",
        /// One plain line on what the service is.
        pub description: Text = "description",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    /// A yes/no question the checker asks (besides place, service and share). The checker, the
    /// URL hash and the JS API are built from this table: adding a question is a data change.
    pub struct Question {
        /// The answer's key in the JS API and in `conditions[].answer`, e.g. "registeredInPlace".
        pub id: String = "id",
        /// Its short key in the URL hash, e.g. "reg" (lower-case letters).
        pub hash_key: String = "hashKey",
        /// The question as the checker asks it.
        pub label: Text = "label",
    }
}

record! {
    pub struct Condition {
        pub id: String = "id",
        pub text: Text = "text",
        /// The question (id) whose "no" means a rule carrying this condition does not apply.
        pub answer: Option<String> = "answer",
        pub confidence: Confidence = "confidence",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

values! {
    /// Rule tiers in precedence order (see `eligibility`): a prohibition beats a programme, a
    /// programme beats the national baseline.
    pub enum Tier {
        Baseline = "baseline",
        Programme = "programme",
        Prohibited = "prohibited",
    }
}

record! {
    pub struct Rule {
        pub id: String = "id",
        pub tier: Tier = "tier",
        /// The programme this rule belongs to ("national" for the baseline and prohibitions).
        pub programme: String = "programme",
        /// Place ids this rule covers; `["*"]` means every place in scope.
        pub places: Vec<String> = "places",
        /// Service ids this rule covers.
        pub services: Vec<String> = "services",
        /// Maximum foreign equity in percent (0 = closed to foreign investment).
        pub max_foreign_equity_pct: u8 = "maxForeignEquityPct",
        /// Condition ids that must hold for the rule to apply.
        pub conditions: Vec<String> = "conditions",
        /// Plain explanation shown as the reason for the outcome.
        pub explanation: Text = "explanation",
        pub confidence: Confidence = "confidence",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct Country {
        /// ISO 3166-1 alpha-2 where one applies ("DE"), otherwise a descriptive id ("EUROPE").
        pub id: String = "id",
        pub name: Text = "name",
    }
}

values! {
    pub enum Status {
        /// Holds an MIIT pilot approval.
        Approved = "approved",
        /// Reported as applying or signing up; approval not confirmed by any source.
        ReportedApplicant = "reported_applicant",
    }
}

record! {
    pub struct Enterprise {
        pub id: String = "id",
        pub status: Status = "status",
        /// Approval batch (1 = 28 Feb 2025); `None` for applicants.
        pub batch: Option<u32> = "batch",
        /// Approval date as reported; `None` when not approved or unknown.
        pub approval_date: Option<String> = "approvalDate",
        /// False for approvals whose holder no source names. Such records have no name.
        pub identified: bool = "identified",
        /// Name as reported in English; `None` when not publicly identified.
        pub name_en: Option<String> = "nameEn",
        /// Name as reported in Chinese; `None` when no source gives one.
        pub name_zh: Option<String> = "nameZh",
        /// True when the name is the company's legal name as given by a source.
        pub legal_name: bool = "legalName",
        pub parent: Option<Text> = "parent",
        /// Country id of the parent group (see `countries`); `None` when unknown.
        pub parent_country: Option<String> = "parentCountry",
        /// Pilot zone; `None` when no source states or implies it.
        pub zone: Option<String> = "zone",
        /// Service ids approved or applied for; `None` when not published.
        pub services: Option<Vec<String>> = "services",
        /// What the sources say about the business, when codes are not published.
        pub activity: Option<Text> = "activity",
        pub confidence: Confidence = "confidence",
        pub note: Option<Text> = "note",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct TimelineEvent {
        pub id: String = "id",
        pub date: String = "date",
        pub label: Text = "label",
        pub confidence: Confidence = "confidence",
        pub source_ids: Vec<String> = "sourceIds",
    }
}

record! {
    pub struct Figure {
        pub id: String = "id",
        pub label: Text = "label",
        /// The number, when one is known; `None` for "not found".
        pub value: Option<f64> = "value",
        /// How the value should read, e.g. "> 2,400 (+30 % y/y)"; falls back to `value`.
        pub display: Option<Text> = "display",
        /// Date the figure refers to (YYYY, YYYY-MM or YYYY-MM-DD); `None` when undated.
        pub as_of: Option<String> = "asOf",
        pub confidence: Confidence = "confidence",
        pub note: Option<Text> = "note",
        pub source_ids: Vec<String> = "sourceIds",
    }
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
