//! The maintainers' data workflow: `vats-data check`, `diff`, `schema` and `publish`, run as a
//! maintainer would, plus the pure diff and changelog underneath.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::Command;

use vats_pilot::data::{embedded, EMBEDDED_JSON};
use vats_pilot::diff::{diff, RecordChange};
use vats_pilot::model::Dataset;
use vats_pilot::validate::{validate, ProblemKind};

const PREVIOUS: &str = "tests/data/pilot-2026.11.23.json";

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
        &format!("Dataset 2026.11.23 → {}", embedded().version),
        "~ changed e-boc-subsidiary",
        "financial technology would be an inference",
        "~ changed services-pilot-localities",
        "asOf: \"2025-04-21\" → \"2025-04-11\"",
        "date: \"2024-10\" → \"2024-10-31\"",
        "~ changed e-glp",
        "signed with Lin-gang",
        "国办函〔2025〕16号",
        "+ added t-miit-study-further: 2025-04-21",
        "- removed cumulative-aggregator: Cumulative pilot approvals (aggregator claim): 40",
        "+ added doubtful-40",
        "Rules and caps: no change.",
        "+ added 2026.11.29",
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

#[test]
fn the_changelog_ends_with_this_version_and_reads_newest_first() {
    let ds = embedded();
    assert_eq!(ds.changelog.last().map(|c| c.version.as_str()), Some(ds.version.as_str()));
    let newest: Vec<&str> = ds.changes_newest_first().map(|c| c.version.as_str()).collect();
    assert_eq!(newest.first(), Some(&ds.version.as_str()));
    assert!(newest.contains(&"2026.11.23"), "the previous version keeps its entry");
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
fn the_previous_dataset_still_loads_without_a_changelog() {
    let text = std::fs::read_to_string(root().join(PREVIOUS)).unwrap();
    let old = vats_pilot::data::load(&text).expect("previous version is valid");
    assert!(old.changelog.is_empty());
}

#[test]
fn published_schema_is_the_one_generated_from_the_types() {
    let committed = std::fs::read_to_string(root().join("www/pilot.schema.json")).unwrap_or_default();
    assert!(
        committed == vats_pilot::schema::dataset_schema_json(),
        "www/pilot.schema.json is stale; run `cargo run --bin vats-data -- schema --out www/pilot.schema.json`"
    );
}
