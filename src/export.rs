//! "Get the data": the current filtered list as CSV or JSON, with its sources.

use serde::Serialize;

use crate::model::{Dataset, Enterprise, Source};

/// CSV header; both languages are columns so one file serves every reader.
pub const CSV_HEADER: [&str; 18] = [
    "id",
    "status",
    "identified",
    "name_en",
    "name_zh",
    "legal_name",
    "parent_en",
    "parent_zh",
    "parent_country",
    "zone",
    "services",
    "batch",
    "approval_date",
    "confidence",
    "note_en",
    "note_zh",
    "source_ids",
    "source_urls",
];

/// Quotes a CSV field when needed (RFC 4180). A field starting with `=`, `+`, `-`, `@`, TAB,
/// CR or LF is prefixed with an apostrophe so spreadsheets do not run it as a formula (OWASP's
/// CSV-injection list).
pub fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn row(ds: &Dataset, e: &Enterprise) -> Vec<String> {
    let urls: Vec<&str> =
        e.source_ids.iter().filter_map(|id| ds.source(id)).map(|s| s.url.as_str()).collect();
    vec![
        e.id.clone(),
        e.status.id().to_string(),
        e.identified.to_string(),
        e.name_en.clone().unwrap_or_default(),
        e.name_zh.clone().unwrap_or_default(),
        e.legal_name.to_string(),
        e.parent.as_ref().map(|p| p.en.clone()).unwrap_or_default(),
        e.parent.as_ref().map(|p| p.zh.clone()).unwrap_or_default(),
        e.parent_country.clone().unwrap_or_default(),
        e.zone.clone().unwrap_or_default(),
        e.services.as_ref().map(|s| s.join(" ")).unwrap_or_default(),
        e.batch.map(|b| b.to_string()).unwrap_or_default(),
        e.approval_date.clone().unwrap_or_default(),
        e.confidence.id().to_string(),
        e.note.as_ref().map(|n| n.en.clone()).unwrap_or_default(),
        e.note.as_ref().map(|n| n.zh.clone()).unwrap_or_default(),
        e.source_ids.join(" "),
        urls.join(" "),
    ]
}

/// These enterprises (in the given order) as CSV with CRLF line ends. Empty fields mean
/// "unknown / not published". Linear in the number of records.
pub fn csv<'a>(ds: &Dataset, records: impl IntoIterator<Item = &'a Enterprise>) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for e in records {
        let fields: Vec<String> = row(ds, e).iter().map(|f| csv_field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The JSON download: the dataset version and date, the records, and every source they cite.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct JsonExport<'a> {
    dataset_version: &'a str,
    as_of: &'a str,
    enterprises: Vec<&'a Enterprise>,
    sources: Vec<&'a Source>,
}

/// These enterprises, plus every source they cite (in the dataset's order). Linear in the
/// records. The browser turns it into text with its own `JSON.stringify`.
pub fn json_doc<'a>(ds: &'a Dataset, records: impl IntoIterator<Item = &'a Enterprise>) -> JsonExport<'a> {
    let enterprises: Vec<&Enterprise> = records.into_iter().collect();
    // Marks by source position (no hash set: a second copy of the hash table code in the wasm).
    let mut cited = vec![false; ds.sources.len()];
    for id in enterprises.iter().flat_map(|e| &e.source_ids) {
        if let Some(i) = ds.sources.iter().position(|s| &s.id == id) {
            cited[i] = true;
        }
    }
    let sources: Vec<&Source> = ds.sources.iter().zip(cited).filter_map(|(s, c)| c.then_some(s)).collect();
    JsonExport { dataset_version: &ds.version, as_of: &ds.as_of, enterprises, sources }
}

/// [`json_doc`] as pretty JSON text.
pub fn json<'a>(ds: &'a Dataset, records: impl IntoIterator<Item = &'a Enterprise>) -> String {
    serde_json::to_string_pretty(&json_doc(ds, records)).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
