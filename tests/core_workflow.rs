//! The maintainers' data workflow: `vats-data check`, `diff`, `schema` and `publish`, run as a
//! maintainer would, plus the pure diff and changelog underneath.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

use vats_pilot::data::{embedded, EMBEDDED_JSON};
use vats_pilot::diff::{diff, RecordChange};
use vats_pilot::model::Dataset;
use vats_pilot::validate::{validate, ProblemKind};

const PREVIOUS: &str = "tests/data/pilot-2026.11.29.json";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the command; returns (exit code, stdout + stderr).
fn vats_data(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vats-data")).args(args).current_dir(root()).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

/// Writes `text` to a file of its own in the temp dir and returns its path.
fn temp_file(name: &str, text: &str) -> String {
    let path = std::env::temp_dir().join(format!("vats-data-{}-{name}", std::process::id()));
    std::fs::write(&path, text).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn check_accepts_the_shipped_data() {
    let (code, out) = vats_data(&["check", "data/pilot.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(&format!("dataset {} ", embedded().version)) && out.contains("is valid"), "{out}");
}

#[test]
fn publish_writes_the_dataset_and_the_enterprise_csv_and_nothing_for_bad_data() {
    let dir = std::env::temp_dir().join(format!("vats-data-publish-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_dir = dir.to_string_lossy().into_owned();
    let (code, out) = vats_data(&["publish", "data/pilot.json", "--out", &out_dir]);
    assert_eq!(code, 0, "{out}");
    let json = std::fs::read_to_string(dir.join("pilot.json")).unwrap();
    assert_eq!(json, EMBEDDED_JSON, "the dataset file as is");
    let csv = std::fs::read_to_string(dir.join("pilot-enterprises.csv")).unwrap();
    let ds = embedded();
    assert_eq!(csv, vats_pilot::export::csv(ds, &ds.enterprises));
    assert_eq!(csv.lines().count(), ds.enterprises.len() + 1, "a header and a row per enterprise");

    let bad = temp_file("publish-bad.json", &EMBEDDED_JSON.replacen("\"asOf\"", "\"asOff\"", 1));
    let fresh = dir.join("fresh");
    std::fs::create_dir_all(&fresh).unwrap();
    let (code, out) = vats_data(&["publish", &bad, "--out", &fresh.to_string_lossy()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("asOff"), "{out}");
    assert!(std::fs::read_dir(&fresh).unwrap().next().is_none(), "nothing written for a dataset with problems");
}

#[test]
fn check_reports_a_dangling_source_and_a_missing_chinese_label_by_record_and_field() {
    let mut ds = embedded().clone();
    ds.timeline[2].source_ids.push("S999".into());
    ds.figures[1].label.zh = String::new();
    let file = temp_file("broken.json", &serde_json::to_string_pretty(&ds).unwrap());
    let (code, out) = vats_data(&["check", &file]);
    assert_eq!(code, 1, "{out}");
    let t = &ds.timeline[2].id;
    let f = &ds.figures[1].id;
    assert!(
        out.contains(&format!("timeline[2] ({t}): cites source \"S999\", which is not in sources")),
        "dangling source not reported precisely:\n{out}"
    );
    assert!(
        out.contains(&format!("figures[1] ({f}): label.zh is empty: the Chinese text is missing")),
        "missing Chinese label not reported precisely:\n{out}"
    );
    assert!(out.contains("2 problem(s) found"), "{out}");
}

#[test]
fn check_reports_a_syntax_error_with_line_and_column() {
    // The comma after "version" (line 2) removed: the parser stops where "asOf" starts, line 3.
    let text = EMBEDDED_JSON.replacen(",\n  \"asOf\"", "\n  \"asOf\"", 1);
    assert_ne!(text, EMBEDDED_JSON, "fixture must change the file");
    let file = temp_file("syntax.json", &text);
    let (code, out) = vats_data(&["check", &file]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{file}:3:3: JSON syntax error: expected `,` or `}}`")), "{out}");
}

#[test]
fn check_names_the_record_and_field_of_an_unknown_key() {
    let text = EMBEDDED_JSON.replacen("\"nameEn\": \"GLP\",", "\"nameEn\": \"GLP\", \"nickname\": \"x\",", 1);
    assert_ne!(text, EMBEDDED_JSON);
    let file = temp_file("shape.json", &text);
    let (code, out) = vats_data(&["check", &file]);
    assert_eq!(code, 1, "{out}");
    let i = embedded().enterprises.iter().position(|e| e.id == "e-glp").unwrap();
    assert!(out.contains(&format!("enterprises[{i}] (e-glp), field nickname: unknown field `nickname`")), "{out}");
}

#[test]
fn check_fails_cleanly_on_a_missing_file_and_bad_usage() {
    assert_eq!(vats_data(&["check", "no/such/file.json"]).0, 2);
    let (code, out) = vats_data(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(out.contains("usage:"), "{out}");
}

#[test]
fn diff_between_the_previous_and_current_version_shows_the_corrections() {
    let (code, out) = vats_data(&["diff", PREVIOUS, "data/pilot.json"]);
    assert_eq!(code, 0, "{out}");
    for expected in [
        &format!("Dataset 2026.11.29 → {}", embedded().version),
        // The first batch's categories, for the batch as a whole.
        "+ added first-batch-categories: Licence categories granted in the first batch: B14 internet access (ISP), B21",
        // The 166 figure keeps its confidence and says why it is doubtful.
        "~ changed cumulative-approved-2026",
        "note.en: ",
        "earlier this year",
        "~ changed t-cumulative-166",
        "~ changed later-batches",
        // The Market Access Negative List is not the foreign-investment list.
        "+ added market-access-list-2025: The Market Access Negative List (2025 edition",
        // Law firms' notes cited where they support a condition.
        "~ changed registered-in-place",
        "sourceIds: S7, S8, S23 → S7, S8, S23, S87, S88 (added S87, S88)",
        "+ added application-review",
        "+ added S87: Reed Smith",
        "+ added S88: Bird & Bird",
        "~ changed S42",
        "Rules and caps: no change.",
        "Enterprises: no change.",
        "~ changed vats-pilot-2024",
        "shortName: none → \"VATS pilot (2024)\"",
        "+ added 2026.12.04",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in:\n{out}");
    }
}

#[test]
fn diff_says_when_a_cap_changes_and_when_nothing_changed() {
    let old = embedded().clone();
    assert!(diff(&old, &old).is_empty());
    assert!(diff(&old, &old).to_string().contains("No change for readers."));

    let mut new = old.clone();
    let rule = new.rules.iter_mut().find(|r| r.max_foreign_equity_pct == 50).expect("a 50 % rule");
    rule.max_foreign_equity_pct = 100;
    let id = rule.id.clone();
    new.enterprises.retain(|e| e.id != "e-kyndryl");
    let d = diff(&old, &new);
    let rules = d.section("rules").unwrap();
    assert!(matches!(&rules.changes[..], [RecordChange::Changed { id: i, fields, .. }]
        if *i == id && fields.iter().any(|f| f.field == "maxForeignEquityPct" && f.old == "50" && f.new == "100")));
    let text = d.to_string();
    assert!(text.contains("Rules and caps (1 changed):"), "{text}");
    assert!(text.contains("- removed e-kyndryl: Kyndryl (reported applicant, shanghai)"), "{text}");
    assert!(text.contains("Figures: no change."), "{text}");
}

/// Every array in the serialised dataset is a collection a reviewer must hear about: change the
/// first record of each (its first text field) and the diff must report that record under the
/// collection's key. A collection added to the model and not to the diff fails here.
#[test]
fn diff_reports_a_change_in_every_collection_of_the_dataset() {
    let old = embedded().clone();
    let json = serde_json::to_value(&old).unwrap();
    let collections: Vec<String> = json.as_object().unwrap().iter().filter(|(_, v)| v.is_array()).map(|(k, _)| k.clone()).collect();
    assert!(collections.len() >= 16, "{collections:?}");
    for key in &collections {
        let mut changed = json.clone();
        let first = changed[key.as_str()].get_mut(0).and_then(|r| r.as_object_mut()).unwrap_or_else(|| panic!("{key} has no records"));
        let id = first.get("id").or_else(|| first.get("version")).and_then(|v| v.as_str()).unwrap().to_string();
        // A bilingual text field, or else a free-text one (not an id or an enum value).
        let text_field = |v: &serde_json::Value| v.get("en").is_some_and(|e| e.is_string());
        let free_text = |v: &serde_json::Value| v.as_str().is_some_and(|s| s.contains(' '));
        let name = first
            .iter()
            .find(|(_, v)| text_field(v))
            .or_else(|| first.iter().find(|(_, v)| free_text(v)))
            .map(|(k, _)| k.clone())
            .unwrap_or_else(|| panic!("{key}: no text field"));
        let (field, value) = first.iter_mut().find(|(k, _)| **k == name).unwrap();
        let field = field.clone();
        match value {
            serde_json::Value::String(s) => s.push_str(" (edited)"),
            other => other["en"] = format!("{} (edited)", other["en"].as_str().unwrap()).into(),
        }
        let new: Dataset = serde_json::from_value(changed).unwrap_or_else(|e| panic!("{key}.{field}: {e}"));
        let d = diff(&old, &new);
        let section = d.section(key).unwrap_or_else(|| panic!("vats-data diff does not cover `{key}`"));
        assert!(
            matches!(&section.changes[..], [RecordChange::Changed { id: i, fields, .. }] if *i == id && fields.iter().any(|f| f.field.starts_with(&field))),
            "{key}: {:?}",
            section.changes
        );
        let text = d.to_string();
        assert!(text.contains(&format!("~ changed {id}")) && text.contains("(edited)"), "{key}:\n{text}");
    }
}

#[test]
fn the_changelog_ends_with_this_version_and_reads_newest_first() {
    let ds = embedded();
    assert_eq!(ds.changelog.last().map(|c| c.version.as_str()), Some(ds.version.as_str()));
    let newest: Vec<&str> = ds.changes_newest_first().map(|c| c.version.as_str()).collect();
    assert_eq!(newest.first(), Some(&ds.version.as_str()));
    assert!(newest.contains(&"2026.11.29"), "the previous version keeps its entry");
}

#[test]
fn validation_catches_a_stale_or_disordered_changelog() {
    let mut ds: Dataset = embedded().clone();
    ds.version = "2027.01.01".into();
    let problems = validate(&ds);
    assert!(problems.iter().any(|p| p.at == "changelog" && p.message.contains("\"2027.01.01\"")), "{problems:?}");

    let mut ds = embedded().clone();
    ds.changelog.swap(0, 1);
    ds.version = ds.changelog.last().unwrap().version.clone();
    assert!(validate(&ds).iter().any(|p| p.message.contains("date order")));

    let mut ds = embedded().clone();
    ds.changelog[0].summary.zh.clear();
    ds.changelog[0].source_ids.push("S0".into());
    let kinds: Vec<ProblemKind> = validate(&ds).into_iter().map(|p| p.kind).collect();
    assert!(kinds.contains(&ProblemKind::BadValue) && kinds.contains(&ProblemKind::DanglingSource), "{kinds:?}");
}

#[test]
fn the_previous_dataset_loads_and_a_file_without_a_changelog_too() {
    let text = std::fs::read_to_string(root().join(PREVIOUS)).unwrap();
    let old = vats_pilot::data::load(&text).expect("previous version is valid");
    assert_eq!(old.changelog.last().map(|c| c.version.as_str()), Some("2026.11.29"));
    // Files written before the changelog existed have no `changelog` key.
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json.as_object_mut().unwrap().remove("changelog");
    let parsed: Dataset = serde_json::from_value(json).expect("a file without a changelog still reads");
    assert!(parsed.changelog.is_empty());
}

#[test]
fn published_schema_is_the_one_generated_from_the_types() {
    let committed = std::fs::read_to_string(root().join("www/pilot.schema.json")).unwrap_or_default();
    assert!(
        committed == vats_pilot::schema::dataset_schema_json(),
        "www/pilot.schema.json is stale; run `cargo run --bin vats-data -- schema --out www/pilot.schema.json`"
    );
}
