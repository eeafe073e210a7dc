//! A newer dataset from `data-src` / `dataJson`, read without a JSON parser in the wasm: the
//! browser's `JSON.parse` reads the text (its message says where a syntax error is), then this
//! reader types the parsed value field by field. Every problem is named by its path: a key the
//! model does not know (`unknown key "sources[2].titel"`, as `deny_unknown_fields` did), a
//! missing field, a value of the wrong type. Then the core validator runs.
//!
//! Hand-written rather than a serde format, so the wasm carries one small function per type
//! instead of a monomorphised copy of every derived visitor. A model field this file does not
//! read fails to compile (struct literals); a misnamed key fails the browser test that reads
//! the shipped dataset through here and compares it with the embedded one.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::data::{checked, LoadError};
use crate::model::*;

/// Parses, types and validates a dataset given as JSON text.
pub fn load(json: &str) -> Result<Dataset, LoadError> {
    let value = js_sys::JSON::parse(json).map_err(|e| LoadError::Parse(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()))?;
    let mut r = Reader { errors: Vec::new(), more: 0 };
    let ds = r.dataset(&value);
    if !r.errors.is_empty() {
        let more = if r.more > 0 { format!("; and {} more", r.more) } else { String::new() };
        return Err(LoadError::Parse(format!("{}{more}", r.errors.join("; "))));
    }
    checked(ds)
}

/// `at.key`, or `key` at the top level.
fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// An object being read: its path for messages; `ok` is false when it was not an object
/// (already reported, so its fields are not reported again).
struct O {
    v: JsValue,
    at: String,
    ok: bool,
}

struct Reader {
    errors: Vec<String>,
    more: usize,
}

impl Reader {
    fn fail(&mut self, at: &str, what: &str) {
        if self.errors.len() < 5 {
            self.errors.push(format!("{at}: {what}"));
        } else {
            self.more += 1;
        }
    }
    fn wrong(&mut self, at: &str, v: &JsValue, expected: &str) {
        self.fail(at, &format!("invalid type: {}, expected {expected}", super::args::describe(v)));
    }

    /// `v` as an object with exactly these keys (missing ones are reported by each field).
    fn object(&mut self, v: &JsValue, at: String, keys: &[&str]) -> O {
        let ok = v.is_object() && !Array::is_array(v);
        if ok {
            for k in Object::keys(v.unchecked_ref::<Object>()).iter() {
                let k = k.as_string().unwrap_or_default();
                if !keys.contains(&k.as_str()) {
                    self.fail(&format!("unknown key \"{}\"", join(&at, &k)), &format!("accepted keys: {}", keys.join(", ")));
                }
            }
        } else {
            self.wrong(if at.is_empty() { "dataset" } else { &at }, v, "an object");
        }
        O { v: v.clone(), at, ok }
    }
    /// A field's value; `None` (reported) when it is missing and required.
    fn field(&mut self, o: &O, key: &str, required: bool) -> Option<JsValue> {
        if !o.ok {
            return None;
        }
        let v = Reflect::get(&o.v, &key.into()).unwrap_or_default();
        if v.is_undefined() || v.is_null() {
            if required {
                self.fail(&join(&o.at, key), "missing");
            }
            return None;
        }
        Some(v)
    }
    fn str_of(&mut self, o: &O, key: &str, v: JsValue) -> String {
        v.as_string().unwrap_or_else(|| {
            self.wrong(&join(&o.at, key), &v, "a string");
            String::new()
        })
    }
    fn string(&mut self, o: &O, key: &str) -> String {
        match self.field(o, key, true) {
            Some(v) => self.str_of(o, key, v),
            None => String::new(),
        }
    }
    fn opt_string(&mut self, o: &O, key: &str) -> Option<String> {
        let v = self.field(o, key, false)?;
        Some(self.str_of(o, key, v))
    }
    fn boolean(&mut self, o: &O, key: &str) -> bool {
        let v = self.field(o, key, true);
        match v.as_ref().map(|v| v.as_bool()) {
            Some(Some(b)) => b,
            Some(None) => {
                self.wrong(&join(&o.at, key), &v.unwrap_or_default(), "a boolean");
                false
            }
            None => false,
        }
    }
    /// A whole number up to `max`.
    fn whole(&mut self, o: &O, key: &str, v: JsValue, max: u32) -> u32 {
        match v.as_f64() {
            Some(n) if n >= 0.0 && n <= f64::from(max) && n.fract() == 0.0 => n as u32,
            _ => {
                self.wrong(&join(&o.at, key), &v, &format!("a whole number from 0 to {max}"));
                0
            }
        }
    }
    fn list<T>(&mut self, o: &O, key: &str, mut f: impl FnMut(&mut Self, &JsValue, String) -> T) -> Vec<T> {
        match self.field(o, key, true) {
            Some(v) => self.items(&v, join(&o.at, key), &mut f),
            None => Vec::new(),
        }
    }
    fn items<T>(&mut self, v: &JsValue, at: String, f: &mut impl FnMut(&mut Self, &JsValue, String) -> T) -> Vec<T> {
        if !Array::is_array(v) {
            self.wrong(&at, v, "an array");
            return Vec::new();
        }
        Array::from(v).iter().enumerate().map(|(i, item)| f(self, &item, format!("{at}[{i}]"))).collect()
    }
    fn strings(&mut self, o: &O, key: &str) -> Vec<String> {
        self.list(o, key, Self::str_item)
    }
    fn str_item(&mut self, v: &JsValue, at: String) -> String {
        v.as_string().unwrap_or_else(|| {
            self.wrong(&at, v, "a string");
            String::new()
        })
    }
    fn text_at(&mut self, v: &JsValue, at: String) -> Text {
        let o = self.object(v, at, &["en", "zh"]);
        Text { en: self.string(&o, "en"), zh: self.string(&o, "zh") }
    }
    fn text(&mut self, o: &O, key: &str) -> Text {
        match self.field(o, key, true) {
            Some(v) => self.text_at(&v, join(&o.at, key)),
            None => Text::default(),
        }
    }
    fn opt_text(&mut self, o: &O, key: &str) -> Option<Text> {
        let v = self.field(o, key, false)?;
        Some(self.text_at(&v, join(&o.at, key)))
    }
    /// One of `names` (the JSON spelling), as its position.
    fn choice(&mut self, o: &O, key: &str, names: &[&str]) -> usize {
        let Some(v) = self.field(o, key, true) else { return 0 };
        match v.as_string().and_then(|s| names.iter().position(|n| *n == s)) {
            Some(i) => i,
            None => {
                self.fail(&join(&o.at, key), &format!("invalid value: {}, expected one of: {}", super::args::describe(&v), names.join(", ")));
                0
            }
        }
    }
    fn confidence(&mut self, o: &O, key: &str) -> Confidence {
        [Confidence::Low, Confidence::Medium, Confidence::High][self.choice(o, key, &["low", "medium", "high"])]
    }

    fn dataset(&mut self, v: &JsValue) -> Dataset {
        let keys = [
            "version", "asOf", "title", "caveats", "outOfScope", "sources", "programmes", "zones", "places", "serviceFamilies", "services",
            "questions", "conditions", "rules", "countries", "enterprises", "timeline", "figures", "changelog",
        ];
        let o = self.object(v, String::new(), &keys);
        Dataset {
            version: self.string(&o, "version"),
            as_of: self.string(&o, "asOf"),
            title: self.text(&o, "title"),
            caveats: self.list(&o, "caveats", Self::caveat),
            out_of_scope: self.list(&o, "outOfScope", Self::caveat),
            sources: self.list(&o, "sources", Self::source),
            programmes: self.list(&o, "programmes", Self::programme),
            zones: self.list(&o, "zones", Self::zone),
            places: self.list(&o, "places", Self::place),
            service_families: self.list(&o, "serviceFamilies", |r, v, at| {
                let o = r.object(v, at, &["id", "name"]);
                ServiceFamily { id: r.string(&o, "id"), name: r.text(&o, "name") }
            }),
            services: self.list(&o, "services", Self::service),
            questions: self.list(&o, "questions", |r, v, at| {
                let o = r.object(v, at, &["id", "hashKey", "label"]);
                Question { id: r.string(&o, "id"), hash_key: r.string(&o, "hashKey"), label: r.text(&o, "label") }
            }),
            conditions: self.list(&o, "conditions", Self::condition),
            rules: self.list(&o, "rules", Self::rule),
            countries: self.list(&o, "countries", |r, v, at| {
                let o = r.object(v, at, &["id", "name"]);
                Country { id: r.string(&o, "id"), name: r.text(&o, "name") }
            }),
            enterprises: self.list(&o, "enterprises", Self::enterprise),
            timeline: self.list(&o, "timeline", Self::timeline_event),
            figures: self.list(&o, "figures", Self::figure),
            // Absent in files written before the changelog existed.
            changelog: match self.field(&o, "changelog", false) {
                Some(v) => self.items(&v, "changelog".into(), &mut |r: &mut Self, v: &JsValue, at: String| {
                    let o = r.object(v, at, &["version", "date", "summary", "sourceIds"]);
                    ChangelogEntry {
                        version: r.string(&o, "version"),
                        date: r.string(&o, "date"),
                        summary: r.text(&o, "summary"),
                        source_ids: match r.field(&o, "sourceIds", false) {
                            Some(v) => r.items(&v, join(&o.at, "sourceIds"), &mut Self::str_item),
                            None => Vec::new(),
                        },
                    }
                }),
                None => Vec::new(),
            },
        }
    }
    fn caveat(&mut self, v: &JsValue, at: String) -> Caveat {
        let o = self.object(v, at, &["id", "text", "sourceIds"]);
        Caveat { id: self.string(&o, "id"), text: self.text(&o, "text"), source_ids: self.strings(&o, "sourceIds") }
    }
    fn source(&mut self, v: &JsValue, at: String) -> Source {
        let o = self.object(v, at, &["id", "url", "outlet", "title", "date", "language", "reliability", "reliabilityNote", "retrieved"]);
        Source {
            id: self.string(&o, "id"),
            url: self.string(&o, "url"),
            outlet: self.string(&o, "outlet"),
            title: self.string(&o, "title"),
            date: self.opt_string(&o, "date"),
            language: self.string(&o, "language"),
            reliability: self.confidence(&o, "reliability"),
            reliability_note: self.string(&o, "reliabilityNote"),
            retrieved: self.boolean(&o, "retrieved"),
        }
    }
    fn programme(&mut self, v: &JsValue, at: String) -> Programme {
        let o = self.object(v, at, &["id", "name", "shortName", "instrument", "date", "sourceIds"]);
        Programme {
            id: self.string(&o, "id"),
            name: self.text(&o, "name"),
            short_name: self.opt_text(&o, "shortName"),
            instrument: self.text(&o, "instrument"),
            date: self.opt_string(&o, "date"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn zone(&mut self, v: &JsValue, at: String) -> Zone {
        let o = self.object(v, at, &["id", "shortName", "officialName", "extent", "partial", "keyDates", "anchor", "confidence", "sourceIds"]);
        Zone {
            id: self.string(&o, "id"),
            short_name: self.text(&o, "shortName"),
            official_name: self.text(&o, "officialName"),
            extent: self.text(&o, "extent"),
            partial: match self.field(&o, "partial", false) {
                Some(_) => self.boolean(&o, "partial"),
                None => false,
            },
            key_dates: self.list(&o, "keyDates", |r, v, at| {
                let o = r.object(v, at, &["date", "label", "sourceIds"]);
                DatedEvent { date: r.string(&o, "date"), label: r.text(&o, "label"), source_ids: r.strings(&o, "sourceIds") }
            }),
            anchor: match self.field(&o, "anchor", true) {
                Some(v) => {
                    let a = self.object(&v, join(&o.at, "anchor"), &["lon", "lat"]);
                    Point { lon: self.number(&a, "lon"), lat: self.number(&a, "lat") }
                }
                None => Point { lon: 0.0, lat: 0.0 },
            },
            confidence: self.confidence(&o, "confidence"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn number(&mut self, o: &O, key: &str) -> f64 {
        let v = self.field(o, key, true);
        self.num_of(o, key, v)
    }
    fn num_of(&mut self, o: &O, key: &str, v: Option<JsValue>) -> f64 {
        match v.as_ref().map(|v| v.as_f64()) {
            Some(Some(n)) => n,
            Some(None) => {
                self.wrong(&join(&o.at, key), &v.unwrap_or_default(), "a number");
                0.0
            }
            None => 0.0,
        }
    }
    fn place(&mut self, v: &JsValue, at: String) -> Place {
        let o = self.object(v, at, &["id", "name", "zone", "programmes", "note", "sourceIds"]);
        Place {
            id: self.string(&o, "id"),
            name: self.text(&o, "name"),
            zone: self.opt_string(&o, "zone"),
            programmes: self.strings(&o, "programmes"),
            note: self.opt_text(&o, "note"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn service(&mut self, v: &JsValue, at: String) -> Service {
        let o = self.object(v, at, &["id", "code", "family", "name", "description", "sourceIds"]);
        Service {
            id: self.string(&o, "id"),
            code: self.string(&o, "code"),
            family: self.string(&o, "family"),
            name: self.text(&o, "name"),
            description: self.text(&o, "description"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn condition(&mut self, v: &JsValue, at: String) -> Condition {
        let o = self.object(v, at, &["id", "text", "answer", "confidence", "sourceIds"]);
        Condition {
            id: self.string(&o, "id"),
            text: self.text(&o, "text"),
            answer: self.opt_string(&o, "answer"),
            confidence: self.confidence(&o, "confidence"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn rule(&mut self, v: &JsValue, at: String) -> Rule {
        let keys = ["id", "tier", "programme", "places", "services", "maxForeignEquityPct", "conditions", "explanation", "confidence", "sourceIds"];
        let o = self.object(v, at, &keys);
        Rule {
            id: self.string(&o, "id"),
            tier: [Tier::Baseline, Tier::Programme, Tier::Prohibited][self.choice(&o, "tier", &["baseline", "programme", "prohibited"])],
            programme: self.string(&o, "programme"),
            places: self.strings(&o, "places"),
            services: self.strings(&o, "services"),
            max_foreign_equity_pct: match self.field(&o, "maxForeignEquityPct", true) {
                Some(v) => self.whole(&o, "maxForeignEquityPct", v, 255) as u8,
                None => 0,
            },
            conditions: self.strings(&o, "conditions"),
            explanation: self.text(&o, "explanation"),
            confidence: self.confidence(&o, "confidence"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn enterprise(&mut self, v: &JsValue, at: String) -> Enterprise {
        let keys = [
            "id", "status", "batch", "approvalDate", "identified", "nameEn", "nameZh", "legalName", "parent", "parentCountry", "zone", "services",
            "activity", "confidence", "note", "sourceIds",
        ];
        let o = self.object(v, at, &keys);
        Enterprise {
            id: self.string(&o, "id"),
            status: [Status::Approved, Status::ReportedApplicant][self.choice(&o, "status", &["approved", "reported_applicant"])],
            batch: self.field(&o, "batch", false).map(|v| self.whole(&o, "batch", v, u32::MAX)),
            approval_date: self.opt_string(&o, "approvalDate"),
            identified: self.boolean(&o, "identified"),
            name_en: self.opt_string(&o, "nameEn"),
            name_zh: self.opt_string(&o, "nameZh"),
            legal_name: self.boolean(&o, "legalName"),
            parent: self.opt_text(&o, "parent"),
            parent_country: self.opt_string(&o, "parentCountry"),
            zone: self.opt_string(&o, "zone"),
            services: self.field(&o, "services", false).map(|v| self.items(&v, join(&o.at, "services"), &mut Self::str_item)),
            activity: self.opt_text(&o, "activity"),
            confidence: self.confidence(&o, "confidence"),
            note: self.opt_text(&o, "note"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn timeline_event(&mut self, v: &JsValue, at: String) -> TimelineEvent {
        let o = self.object(v, at, &["id", "date", "label", "confidence", "sourceIds"]);
        TimelineEvent {
            id: self.string(&o, "id"),
            date: self.string(&o, "date"),
            label: self.text(&o, "label"),
            confidence: self.confidence(&o, "confidence"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
    fn figure(&mut self, v: &JsValue, at: String) -> Figure {
        let o = self.object(v, at, &["id", "label", "value", "display", "asOf", "confidence", "note", "sourceIds"]);
        Figure {
            id: self.string(&o, "id"),
            label: self.text(&o, "label"),
            value: self.field(&o, "value", false).map(|v| self.num_of(&o, "value", Some(v))),
            display: self.opt_text(&o, "display"),
            as_of: self.opt_string(&o, "asOf"),
            confidence: self.confidence(&o, "confidence"),
            note: self.opt_text(&o, "note"),
            source_ids: self.strings(&o, "sourceIds"),
        }
    }
}
