//! What changed between two versions of the dataset, for a reviewer reading a data update.
//!
//! [`diff`] returns structure (which records were added, removed or changed, and which fields
//! moved from what to what); its `Display` turns that into short English lines for the
//! maintainers' `vats-data diff` command. Records are matched by id; fields are compared on
//! their JSON form, so a new field in the model needs no code here.

use std::collections::BTreeSet;
use std::fmt;

use serde::Serialize;
use serde_json::Value;

use crate::model::Dataset;

/// One changed field of a record: its JSON name and both values in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordChange {
    /// `what` names the record for a reader (a company name, a figure's label and value …).
    Added { id: String, what: String },
    Removed { id: String, what: String },
    Changed { id: String, what: String, fields: Vec<FieldChange> },
}

impl RecordChange {
    pub fn id(&self) -> &str {
        match self {
            RecordChange::Added { id, .. } | RecordChange::Removed { id, .. } | RecordChange::Changed { id, .. } => id,
        }
    }
}

/// The changes in one collection of the dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectionDiff {
    /// The collection's JSON key, e.g. `enterprises`.
    pub key: &'static str,
    /// How the section is headed in the report, e.g. "Rules and caps".
    pub title: &'static str,
    /// Shown even when unchanged, so "no change to the rules" is said rather than implied.
    pub always_shown: bool,
    pub changes: Vec<RecordChange>,
}

impl SectionDiff {
    pub fn count(&self, f: fn(&RecordChange) -> bool) -> usize {
        self.changes.iter().filter(|c| f(c)).count()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetDiff {
    pub old_version: String,
    pub new_version: String,
    /// `asOf` and `title` changes, if any.
    pub header: Vec<FieldChange>,
    pub sections: Vec<SectionDiff>,
}

impl DatasetDiff {
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.sections.iter().all(|s| s.changes.is_empty())
    }

    pub fn section(&self, key: &str) -> Option<&SectionDiff> {
        self.sections.iter().find(|s| s.key == key)
    }
}

/// Every collection of the dataset, in the order a reviewer cares about them. `true` = always
/// reported. `tests/core_workflow.rs` changes a record in each array of the serialised
/// dataset and fails when one is missing here.
const SECTIONS: [(&str, &str, bool); 16] = [
    ("enterprises", "Enterprises", true),
    ("rules", "Rules and caps", true),
    ("conditions", "Conditions", false),
    ("figures", "Figures", true),
    ("timeline", "Timeline", false),
    ("zones", "Pilot zones", false),
    ("places", "Places", false),
    ("services", "Services", false),
    ("questions", "Checker questions", false),
    ("serviceFamilies", "Service families", false),
    ("programmes", "Programmes", false),
    ("countries", "Countries", false),
    ("caveats", "Caveats", false),
    ("outOfScope", "Out of scope", false),
    ("sources", "Sources", false),
    ("changelog", "Changelog", false),
];

/// Compares two datasets record by record.
pub fn diff(old: &Dataset, new: &Dataset) -> DatasetDiff {
    let (o, n) = (to_value(old), to_value(new));
    let header = ["asOf", "title"]
        .into_iter()
        .filter(|k| o.get(k) != n.get(k))
        .map(|k| FieldChange { field: k.to_string(), old: words(o.get(k)), new: words(n.get(k)) })
        .collect();
    let sections = SECTIONS
        .iter()
        .map(|&(key, title, always_shown)| SectionDiff {
            key,
            title,
            always_shown,
            changes: collection(key, array(&o, key), array(&n, key)),
        })
        .collect();
    DatasetDiff { old_version: old.version.clone(), new_version: new.version.clone(), header, sections }
}

fn to_value<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

fn array<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

/// A record's key: its `id`, or for changelog entries their `version`.
fn key_of(v: &Value) -> String {
    v.get("id").or_else(|| v.get("version")).and_then(Value::as_str).unwrap_or("").to_string()
}

fn collection(key: &str, old: &[Value], new: &[Value]) -> Vec<RecordChange> {
    let find = |list: &'_ [Value], id: &str| list.iter().find(|v| key_of(v) == id).cloned();
    let mut out = vec![];
    for o in old {
        let id = key_of(o);
        match find(new, &id) {
            None => out.push(RecordChange::Removed { what: describe(key, o), id }),
            Some(n) if &n != o => {
                out.push(RecordChange::Changed { what: describe(key, &n), fields: fields(o, &n), id });
            }
            Some(_) => {}
        }
    }
    for n in new {
        let id = key_of(n);
        if find(old, &id).is_none() {
            out.push(RecordChange::Added { what: describe(key, n), id });
        }
    }
    out
}

fn fields(old: &Value, new: &Value) -> Vec<FieldChange> {
    let (Some(o), Some(n)) = (old.as_object(), new.as_object()) else {
        return vec![FieldChange { field: String::new(), old: words(Some(old)), new: words(Some(new)) }];
    };
    let names: BTreeSet<&String> = o.keys().chain(n.keys()).collect();
    names.into_iter().filter(|k| o.get(*k) != n.get(*k)).flat_map(|k| field_change(k, o.get(k), n.get(k))).collect()
}

fn field_change(field: &str, old: Option<&Value>, new: Option<&Value>) -> Vec<FieldChange> {
    match (old, new) {
        // Lists of ids: say what was added and removed.
        (Some(Value::Array(a)), Some(Value::Array(b))) if all_strings(a) && all_strings(b) => {
            let gone: Vec<&str> = a.iter().filter(|x| !b.contains(x)).filter_map(Value::as_str).collect();
            let came: Vec<&str> = b.iter().filter(|x| !a.contains(x)).filter_map(Value::as_str).collect();
            let how: Vec<String> = [list_words("added", &came), list_words("removed", &gone)].into_iter().flatten().collect();
            let how = if how.is_empty() { "reordered".to_string() } else { how.join("; ") };
            vec![FieldChange { field: field.into(), old: words(old), new: format!("{} ({how})", words(new)) }]
        }
        // Bilingual text: one line per language that changed.
        (Some(Value::Object(a)), Some(Value::Object(b))) if is_text(a) && is_text(b) => ["en", "zh"]
            .into_iter()
            .filter(|l| a.get(*l) != b.get(*l))
            .map(|l| FieldChange { field: format!("{field}.{l}"), old: words(a.get(l)), new: words(b.get(l)) })
            .collect(),
        _ => vec![FieldChange { field: field.into(), old: words(old), new: words(new) }],
    }
}

fn all_strings(a: &[Value]) -> bool {
    a.iter().all(Value::is_string)
}

fn is_text(o: &serde_json::Map<String, Value>) -> bool {
    o.contains_key("en") && o.contains_key("zh")
}

fn list_words(verb: &str, ids: &[&str]) -> Option<String> {
    (!ids.is_empty()).then(|| format!("{verb} {}", ids.join(", ")))
}

/// A value in words: `none` for null or absent, quoted text, lists joined by commas.
fn words(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "none".into(),
        Some(Value::String(s)) => format!("\"{s}\""),
        Some(Value::Array(a)) if a.is_empty() => "none".into(),
        Some(Value::Array(a)) if all_strings(a) => a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
        Some(Value::Object(o)) if is_text(o) => words(o.get("en")),
        // Figures are f64: 40.0 reads as 40.
        Some(Value::Number(n)) => match n.as_f64() {
            Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
            _ => n.to_string(),
        },
        Some(other) => other.to_string(),
    }
}

fn s<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

fn en<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(|t| t.get("en")).and_then(Value::as_str).unwrap_or("")
}

/// How a record is named for a reader of the report.
fn describe(key: &str, v: &Value) -> String {
    match key {
        "enterprises" => {
            let name = v.get("nameEn").and_then(Value::as_str).or_else(|| v.get("nameZh").and_then(Value::as_str));
            let status = s(v, "status").replace('_', " ");
            let zone = v.get("zone").and_then(Value::as_str).unwrap_or("area unknown");
            match name {
                Some(n) => format!("{n} ({status}, {zone})"),
                None => format!("unidentified {status} firm ({zone})"),
            }
        }
        "rules" => format!(
            "{} tier, max foreign equity {} %: {}",
            s(v, "tier"),
            v.get("maxForeignEquityPct").map(|x| x.to_string()).unwrap_or_default(),
            en(v, "explanation")
        ),
        "figures" => {
            let value = match v.get("display").and_then(|d| d.get("en")).and_then(Value::as_str) {
                Some(d) => d.to_string(),
                None => words(v.get("value")),
            };
            let as_of = v.get("asOf").and_then(Value::as_str).map(|d| format!(" as of {d}")).unwrap_or_default();
            format!("{}: {value}{as_of}", en(v, "label"))
        }
        "timeline" => format!("{}: {}", s(v, "date"), en(v, "label")),
        "questions" => en(v, "label").to_string(),
        "sources" => format!("{} — {}", s(v, "outlet"), s(v, "title")),
        "caveats" | "outOfScope" | "conditions" => en(v, "text").to_string(),
        "changelog" => format!("{}: {}", s(v, "date"), en(v, "summary")),
        _ => en(v, "name").to_string().if_empty(|| en(v, "shortName").to_string()),
    }
}

trait IfEmpty {
    fn if_empty(self, f: impl FnOnce() -> String) -> String;
}

impl IfEmpty for String {
    fn if_empty(self, f: impl FnOnce() -> String) -> String {
        if self.is_empty() {
            f()
        } else {
            self
        }
    }
}

fn plural(n: usize, one: &str) -> String {
    format!("{n} {one}")
}

impl fmt::Display for DatasetDiff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "Dataset {} → {}", self.old_version, self.new_version)?;
        for c in &self.header {
            writeln!(f, "  {}: {} → {}", c.field, c.old, c.new)?;
        }
        if self.is_empty() {
            return writeln!(f, "No change for readers.");
        }
        for sec in &self.sections {
            if sec.changes.is_empty() {
                if sec.always_shown {
                    writeln!(f, "\n{}: no change.", sec.title)?;
                }
                continue;
            }
            let counts: Vec<String> = [
                (sec.count(|c| matches!(c, RecordChange::Added { .. })), "added"),
                (sec.count(|c| matches!(c, RecordChange::Removed { .. })), "removed"),
                (sec.count(|c| matches!(c, RecordChange::Changed { .. })), "changed"),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, w)| plural(n, w))
            .collect();
            writeln!(f, "\n{} ({}):", sec.title, counts.join(", "))?;
            for c in &sec.changes {
                match c {
                    RecordChange::Added { id, what } => writeln!(f, "  + added {id}: {what}")?,
                    RecordChange::Removed { id, what } => writeln!(f, "  - removed {id}: {what}")?,
                    RecordChange::Changed { id, what, fields } => {
                        writeln!(f, "  ~ changed {id}: {what}")?;
                        for fc in fields {
                            writeln!(f, "      {}: {} → {}", fc.field, fc.old, fc.new)?;
                        }
                    }
                }
            }
        }
        Ok(())
    }
}
