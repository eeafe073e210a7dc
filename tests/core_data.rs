//! The embedded dataset is valid and honest; validation reports every kind of problem.
#![cfg(not(target_arch = "wasm32"))]

use vats_pilot::data::{embedded, load, load_as_data_src, LoadError, EMBEDDED_JSON};
use vats_pilot::model::{Dataset, Status};
use vats_pilot::summary::{headline, zone_summary};
use vats_pilot::validate::{is_valid_date, validate, ProblemKind};

fn problems_of(ds: &Dataset) -> Vec<ProblemKind> {
    validate(ds).into_iter().map(|p| p.kind).collect()
}

#[test]
fn embedded_dataset_validates_with_zero_problems() {
    let ds: Dataset = serde_json::from_str(EMBEDDED_JSON).expect("pilot.json parses");
    let problems = validate(&ds);
    assert!(problems.is_empty(), "{}", problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"));
    assert_eq!(embedded(), &ds);
}

#[test]
fn first_batch_is_thirteen_approvals_with_no_invented_names() {
    let ds = embedded();
    let first: Vec<_> = ds.enterprises.iter().filter(|e| e.status == Status::Approved && e.batch == Some(1)).collect();
    assert_eq!(first.len(), 13);
    let named = first.iter().filter(|e| e.identified).count();
    assert_eq!(named, 7, "seven approvals are publicly identified");
    for e in first.iter().filter(|e| !e.identified) {
        assert!(e.name_en.is_none() && e.name_zh.is_none() && e.parent.is_none(), "{} carries a name", e.id);
    }
    // Reported applicants are never counted as approvals.
    assert!(ds.enterprises.iter().filter(|e| e.status == Status::ReportedApplicant).all(|e| e.batch.is_none()));
    let h = headline(ds);
    assert_eq!((h.first_batch_total, h.identified, h.unidentified), (13, 7, 6));
    assert_eq!(h.unidentified_by_zone, vec![("hainan".to_string(), 2)]);
    assert_eq!(h.later_total.and_then(|f| f.value), Some(166.0));
    assert_eq!(zone_summary(ds, "shanghai").approved, 4, "four first-batch approvals in Shanghai");
}

#[test]
fn every_record_cites_an_existing_source() {
    let ds = embedded();
    let cites = ds
        .zones
        .iter()
        .map(|z| &z.source_ids)
        .chain(ds.places.iter().map(|p| &p.source_ids))
        .chain(ds.services.iter().map(|s| &s.source_ids))
        .chain(ds.rules.iter().map(|r| &r.source_ids))
        .chain(ds.conditions.iter().map(|c| &c.source_ids))
        .chain(ds.enterprises.iter().map(|e| &e.source_ids))
        .chain(ds.timeline.iter().map(|t| &t.source_ids))
        .chain(ds.figures.iter().map(|f| &f.source_ids))
        .chain(ds.programmes.iter().map(|p| &p.source_ids));
    for ids in cites {
        assert!(!ids.is_empty());
        assert!(ids.iter().all(|id| ds.source(id).is_some()), "{ids:?}");
    }
}

#[test]
fn scope_is_the_four_areas_and_the_required_places_and_services() {
    let ds = embedded();
    let zones: Vec<&str> = ds.zones.iter().map(|z| z.id.as_str()).collect();
    assert_eq!(zones, ["beijing", "shanghai", "hainan", "shenzhen"]);
    for p in ["beijing", "shanghai-pudong", "shanghai-other", "hainan", "shenzhen", "guangzhou", "tianjin", "hangzhou", "other-mainland"] {
        assert!(ds.place(p).is_some(), "place {p}");
    }
    for s in [
        "B11", "B12", "B13", "B14", "B21", "B21-EC", "B22", "B23", "B24", "B25-PUB", "B25-APP", "B25-SEARCH", "B25-COMM",
        "B25-IM", "B25-PROT", "B26", "X-NEWS", "X-PUBLISHING", "X-AV", "X-CULTURE", "BASIC",
    ] {
        assert!(ds.service(s).is_some(), "service {s}");
    }
    assert!(ds.out_of_scope.iter().any(|c| c.text.en.contains("Hong Kong") && c.text.en.contains("Taiwan")));
}

#[test]
fn each_kind_of_problem_is_reported() {
    let base = embedded().clone();

    let mut ds = base.clone();
    ds.rules[0].source_ids.push("S999".into());
    assert!(problems_of(&ds).contains(&ProblemKind::DanglingSource));
    let msg = validate(&ds).iter().find(|p| p.kind == ProblemKind::DanglingSource).unwrap().to_string();
    assert!(msg.contains("S999") && msg.contains(&base.rules[0].id), "{msg}");

    let mut ds = base.clone();
    ds.zones[1].source_ids.clear();
    assert!(problems_of(&ds).contains(&ProblemKind::MissingSource));

    let mut ds = base.clone();
    let dup = ds.services[0].clone();
    ds.services.push(dup);
    assert!(problems_of(&ds).contains(&ProblemKind::DuplicateId));

    let mut ds = base.clone();
    ds.enterprises[0].zone = Some("atlantis".into());
    assert!(problems_of(&ds).contains(&ProblemKind::UnknownZone));

    let mut ds = base.clone();
    ds.rules[5].places.push("atlantis".into());
    assert!(problems_of(&ds).contains(&ProblemKind::UnknownPlace));

    let mut ds = base.clone();
    ds.rules[5].services.push("B99".into());
    assert!(problems_of(&ds).contains(&ProblemKind::UnknownService));

    let mut ds = base.clone();
    ds.timeline[0].date = "2025-02-30".into();
    ds.sources[0].date = Some("2025-13".into());
    let bad_dates = problems_of(&ds).iter().filter(|k| **k == ProblemKind::BadDate).count();
    assert_eq!(bad_dates, 2);

    let mut ds = base.clone();
    let mut extra = ds.services[0].clone();
    extra.id = "B99".into();
    ds.services.push(extra);
    let p = validate(&ds);
    assert!(p.iter().any(|p| p.kind == ProblemKind::Uncovered && p.message.contains("\"B99\"")), "{p:?}");

    let mut ds = base.clone();
    ds.zones.pop();
    assert!(problems_of(&ds).contains(&ProblemKind::ZoneSet));

    let mut ds = base.clone();
    ds.enterprises[0].identified = false;
    assert!(problems_of(&ds).contains(&ProblemKind::BadValue), "a named record marked unidentified");

    // Questions: a condition must name one, and a question's hash key must be its own.
    let mut ds = base.clone();
    ds.conditions[0].answer = Some("ownsServers".into());
    let msg = validate(&ds).iter().find(|p| p.kind == ProblemKind::UnknownReference).map(|p| p.to_string()).unwrap_or_default();
    assert!(msg.contains("ownsServers") && msg.contains("questions"), "{msg}");
    let mut ds = base.clone();
    ds.questions[1].hash_key = "zone".into();
    assert!(problems_of(&ds).contains(&ProblemKind::DuplicateId), "a question may not take the zone filter's hash key");
    let mut ds = base.clone();
    ds.questions[1].label.zh.clear();
    assert!(validate(&ds).iter().any(|p| p.at.starts_with("questions[1]") && p.message.contains("Chinese")));

    // A fallback rule that a "no" could remove would leave a question without an answer.
    let mut ds = base.clone();
    let cap = ds.rules.iter().position(|r| r.id == "national-vats-cap").unwrap();
    ds.rules[cap].conditions.push("registered-in-place".into());
    assert!(validate(&ds).iter().any(|p| p.kind == ProblemKind::Uncovered && p.message.contains("cannot depend on a question")));

    // An empty dataset is reported, never a panic.
    assert!(!validate(&Dataset::empty()).is_empty());
}

#[test]
fn load_rejects_bad_text_with_a_clear_message() {
    match load("{ \"version\": ") {
        Err(LoadError::Parse(m)) => assert!(m.contains("line 1"), "{m}"),
        other => panic!("{other:?}"),
    }
    let with_typo = EMBEDDED_JSON.replacen("\"asOf\"", "\"asof\"", 1);
    let m = load(&with_typo).unwrap_err().to_string();
    assert!(m.contains("asof"), "{m}");
    // Well-formed JSON that breaks a rule is refused as a whole, with the problem named.
    let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    v["rules"][0]["sourceIds"] = serde_json::json!(["S404"]);
    match load(&v.to_string()) {
        Err(e @ LoadError::Invalid(_)) => assert!(e.to_string().contains("S404"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_data_src_reader_reads_the_shipped_file_as_serde_does() {
    // The reader a `data-src` file goes through in the browser, here on serde_json's values.
    let value: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let read = vats_pilot::json::read(&&value).unwrap_or_else(|e| panic!("{e}"));
    let typed: Dataset = serde_json::from_str(EMBEDDED_JSON).unwrap();
    assert!(read == typed, "every field is read under its JSON name");
    // And the embedded binary decodes to the same dataset (this is the full build's).
    assert!(load_as_data_src(EMBEDDED_JSON).as_ref() == Ok(embedded()));
}

#[test]
fn the_data_src_reader_names_each_problem_by_its_path() {
    let base: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
    let err = |v: &serde_json::Value| load_as_data_src(&v.to_string()).unwrap_err().to_string();

    let mut v = base.clone();
    v["sources"][2]["titel"] = "A misspelt key".into();
    let m = err(&v);
    assert!(
        m.contains("unknown key \"sources[2].titel\": accepted keys: id, url, outlet, title, date, language, reliability, reliabilityNote, retrieved"),
        "{m}"
    );

    let mut v = base.clone();
    v["rules"][1]["maxForeignEquityPct"] = "100".into();
    assert!(err(&v).contains("rules[1].maxForeignEquityPct: invalid type: string \"100\", expected a whole number from 0 to 255"));

    let mut v = base.clone();
    v["zones"][0]["anchor"] = serde_json::Value::Null;
    v["enterprises"][3]["status"] = "pending".into();
    v["title"]["fr"] = "x".into();
    let m = err(&v);
    assert!(m.contains("zones[0].anchor: missing"), "{m}");
    assert!(m.contains("enterprises[3].status: invalid value: string \"pending\", expected one of: approved, reported_applicant"), "{m}");
    assert!(m.contains("unknown key \"title.fr\": accepted keys: en, zh"), "{m}");

    // Fields with a default may be absent; required ones may not.
    let mut v = base.clone();
    v.as_object_mut().unwrap().remove("changelog");
    v["zones"][1].as_object_mut().unwrap().remove("partial");
    v["programmes"][0].as_object_mut().unwrap().remove("shortName");
    let read = vats_pilot::json::read(&&v).unwrap_or_else(|e| panic!("{e}"));
    assert!(read.changelog.is_empty() && !read.zones[1].partial && read.programmes[0].short_name.is_none());
    v.as_object_mut().unwrap().remove("figures");
    assert_eq!(vats_pilot::json::read(&&v).unwrap_err(), "figures: missing");
    assert_eq!(vats_pilot::json::read(&&serde_json::json!([])).unwrap_err(), "dataset: invalid type: an array, expected an object");
}

#[test]
fn dates_accept_partial_forms_and_reject_impossible_ones() {
    for ok in ["2024", "2024-04", "2024-04-08", "2024-02-29"] {
        assert!(is_valid_date(ok), "{ok}");
    }
    for bad in ["", "24-04-08", "2025-02-29", "2024-00", "2024-04-31", "2024/04/08", "2024-4-8", "x"] {
        assert!(!is_valid_date(bad), "{bad}");
    }
}
