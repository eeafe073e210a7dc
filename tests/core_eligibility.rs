//! Table-driven eligibility cases. Each row names the rule that must decide it and a source
//! that must be cited among the reasons, so a change of data or precedence shows up here.
#![cfg(not(target_arch = "wasm32"))]

use vats_pilot::data::embedded;
use vats_pilot::equity::Equity;
use vats_pilot::eligibility::{assess, compare, Query, QueryError, Verdict};
use vats_pilot::explain::{headline, reasons};
use vats_pilot::i18n::Lang;
use vats_pilot::model::Confidence;

use Verdict::{Allowed, NotAllowed, Prohibited};

struct Case {
    place: &'static str,
    service: &'static str,
    pct: Option<u8>,
    registered: Option<bool>,
    facilities: Option<bool>,
    verdict: Verdict,
    max: u8,
    rule: &'static str,
    source: &'static str,
}

const fn c(place: &'static str, service: &'static str, pct: Option<u8>, verdict: Verdict, max: u8, rule: &'static str, source: &'static str) -> Case {
    Case { place, service, pct, registered: None, facilities: None, verdict, max, rule, source }
}

const fn answered(mut k: Case, registered: Option<bool>, facilities: Option<bool>) -> Case {
    k.registered = registered;
    k.facilities = facilities;
    k
}

const CASES: &[Case] = &[
    // The VATS pilot (工信部通信函〔2024〕107号): six services at up to 100 % in the four areas.
    c("hainan", "B11", Some(100), Allowed, 100, "vats-pilot-open", "S1"),
    c("beijing", "B11", Some(100), Allowed, 100, "vats-pilot-open", "S7"),
    c("shanghai-pudong", "B12", Some(100), Allowed, 100, "vats-pilot-open", "S1"),
    c("shenzhen", "B21", Some(100), Allowed, 100, "vats-pilot-open", "S34"),
    c("hainan", "B25-PROT", Some(100), Allowed, 100, "vats-pilot-open", "S10"),
    c("beijing", "B25-PUB", Some(100), Allowed, 100, "vats-pilot-publishing", "S9"),
    c("shenzhen", "B25-PUB", Some(80), Allowed, 100, "vats-pilot-publishing", "S46"),
    c("hainan", "B14", Some(100), Allowed, 100, "vats-pilot-isp", "S7"),
    // Tie at 100 % with the 2025 services pilot: the earlier rule (the VATS pilot) decides.
    c("shanghai-pudong", "B14", Some(100), Allowed, 100, "vats-pilot-isp", "S1"),
    c("beijing", "B25-APP", Some(100), Allowed, 100, "vats-pilot-publishing", "S1"),
    // Outside the four areas the national 50 % cap applies (negative list, FITE Provisions).
    c("shanghai-other", "B11", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    c("shanghai-other", "B11", Some(50), Allowed, 50, "national-vats-cap", "S24"),
    c("other-mainland", "B12", Some(51), NotAllowed, 50, "national-vats-cap", "S81"),
    c("guangzhou", "B21", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    c("tianjin", "B11", None, Allowed, 50, "national-vats-cap", "S64"),
    c("other-mainland", "B14", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    c("other-mainland", "B25-APP", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    c("other-mainland", "B26", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    // Services the pilot did not open stay capped inside the pilot areas too.
    c("shenzhen", "B26", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    c("hainan", "B25-SEARCH", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    c("shanghai-pudong", "B25-COMM", Some(100), NotAllowed, 50, "national-vats-cap", "S24"),
    c("beijing", "B25-IM", Some(100), NotAllowed, 50, "national-vats-cap", "S49"),
    // The 2025 services pilot (商资函〔2025〕84号): ISP for users and app stores uncapped,
    // domestic IP-VPN at up to 50 %.
    c("hangzhou", "B14", Some(100), Allowed, 100, "services-pilot-isp", "S38"),
    c("guangzhou", "B25-APP", Some(100), Allowed, 100, "services-pilot-app-store", "S38"),
    c("hainan", "B13", None, Allowed, 50, "services-pilot-ipvpn", "S38"),
    c("hainan", "B13", Some(60), NotAllowed, 50, "services-pilot-ipvpn", "S37"),
    c("beijing", "B13", Some(50), Allowed, 50, "services-pilot-ipvpn", "S38"),
    c("chengdu", "B13", Some(50), Allowed, 50, "services-pilot-ipvpn", "S40"),
    // Domestic IP-VPN is closed elsewhere.
    c("other-mainland", "B13", None, NotAllowed, 0, "national-ipvpn-closed", "S47"),
    c("other-mainland", "B13", Some(0), NotAllowed, 0, "national-ipvpn-closed", "S63"),
    // Content fields prohibited by the negative list, pilot or not.
    c("hainan", "X-NEWS", Some(100), Prohibited, 0, "negative-list-content", "S49"),
    c("beijing", "X-AV", None, Prohibited, 0, "negative-list-content", "S1"),
    c("other-mainland", "X-PUBLISHING", Some(10), Prohibited, 0, "negative-list-content", "S9"),
    c("shenzhen", "X-CULTURE", Some(10), Prohibited, 0, "negative-list-content", "S49"),
    // Already uncapped nationally: e-commerce, multi-party, store-and-forward, call centres.
    c("other-mainland", "B21-EC", Some(100), Allowed, 100, "national-vats-uncapped", "S49"),
    c("other-mainland", "B22", Some(100), Allowed, 100, "national-vats-uncapped", "S24"),
    c("suzhou", "B23", Some(100), Allowed, 100, "national-vats-uncapped", "S81"),
    c("xian", "B24", Some(100), Allowed, 100, "national-vats-uncapped", "S49"),
    // Basic telecom: Chinese control (foreign share at most 49 %).
    c("hainan", "BASIC", Some(49), Allowed, 49, "national-basic", "S64"),
    c("beijing", "BASIC", Some(51), NotAllowed, 49, "national-basic", "S24"),
    // Answers: a "no" removes the programme rule that needs it.
    answered(c("hainan", "B11", Some(100), NotAllowed, 50, "national-vats-cap", "S7"), Some(false), None),
    answered(c("shenzhen", "B12", Some(100), NotAllowed, 50, "national-vats-cap", "S8"), None, Some(false)),
    answered(c("hainan", "B11", Some(100), Allowed, 100, "vats-pilot-open", "S1"), Some(true), Some(true)),
    answered(c("hangzhou", "B14", Some(100), NotAllowed, 50, "national-vats-cap", "S38"), Some(false), None),
    answered(c("beijing", "B14", Some(100), NotAllowed, 50, "national-vats-cap", "S61"), Some(false), None),
    c("hainan", "B11", Some(0), Allowed, 100, "vats-pilot-open", "S1"),
];

#[test]
fn every_case_reaches_its_rule_verdict_and_citation() {
    let ds = embedded();
    for k in CASES {
        let mut q = Query::new(k.place, k.service);
        q.foreign_equity_pct = k.pct.map(Equity::whole);
        for (id, answer) in [("registeredInPlace", k.registered), ("facilitiesInPlace", k.facilities)] {
            if let Some(b) = answer {
                q.answers.insert(id.into(), b);
            }
        }
        let label = format!("{} × {} at {:?} (reg {:?}, fac {:?})", k.place, k.service, k.pct, k.registered, k.facilities);
        let a = assess(ds, &q).unwrap_or_else(|e| panic!("{label}: {e}"));
        assert_eq!(a.verdict, k.verdict, "{label}: verdict");
        assert_eq!(a.max_foreign_equity_pct, Some(k.max), "{label}: max equity");
        assert_eq!(a.rule(ds).map(|r| r.id.as_str()), Some(k.rule), "{label}: deciding rule");
        for lang in [Lang::En, Lang::Zh] {
            let said = reasons(ds, &a, lang);
            let cited: Vec<&str> = said.iter().flat_map(|r| r.source_ids.iter().map(String::as_str)).collect();
            assert!(cited.contains(&k.source), "{label}: {} not cited; cited {:?}", k.source, cited);
            for r in &said {
                assert!(!r.text.trim().is_empty() && !r.text.contains('{'), "{label}: an empty or unfilled reason in {lang:?}");
                assert!(r.source_ids.iter().all(|id| ds.source(id).is_some()), "{label}: a reason cites an unknown source");
            }
            // The conclusion reads in plain words and names the place.
            let h = headline(ds, &q, &a, lang);
            let place = ds.place(k.place).unwrap().name.get(lang);
            assert!(!h.contains('{') && (h.contains(place) || a.verdict == Prohibited), "{label}: {h}");
        }
    }
}

#[test]
fn every_rule_in_the_data_is_exercised_by_a_case() {
    // Each rule decides a case, or is weighed in one (applies too, or is excluded by an
    // answer): a rule added to the data without a case fails here.
    let ds = embedded();
    let mut touched = vec![false; ds.rules.len()];
    for k in CASES {
        let mut q = Query::new(k.place, k.service);
        for (id, answer) in [("registeredInPlace", k.registered), ("facilitiesInPlace", k.facilities)] {
            if let Some(b) = answer {
                q.answers.insert(id.into(), b);
            }
        }
        let a = assess(ds, &q).unwrap();
        for i in a.rule.into_iter().chain(a.also.iter().copied()).chain(a.excluded.iter().map(|x| x.rule)) {
            touched[i] = true;
        }
    }
    let untested: Vec<&str> = ds.rules.iter().zip(&touched).filter(|(_, t)| !**t).map(|(r, _)| r.id.as_str()).collect();
    assert!(untested.is_empty(), "rules no case weighs: {untested:?}");
}

#[test]
fn a_no_answer_explains_what_the_pilot_would_have_allowed_and_lowers_confidence() {
    let ds = embedded();
    let q = Query::new("hainan", "B11").equity(100).answer("registeredInPlace", false);
    let a = assess(ds, &q).unwrap();
    let said = reasons(ds, &a, Lang::En);
    assert!(said.iter().any(|r| r.text.contains("would allow up to 100%") && r.text.contains("You answered no")), "{said:#?}");
    let q = Query::new("hainan", "B11").equity(100).answer("facilitiesInPlace", false);
    // The facilities rule rests on one analyst: the answer it changes is low confidence.
    assert_eq!(assess(ds, &q).unwrap().confidence, Confidence::Low);
}

#[test]
fn allowed_pilot_answers_list_conditions_and_the_national_fallback() {
    let ds = embedded();
    let a = assess(ds, &Query::new("hainan", "B11").equity(100)).unwrap();
    let ids: Vec<&str> = a.conditions.iter().map(|c| ds.conditions[c.condition].id.as_str()).collect();
    assert_eq!(ids, ["registered-in-place", "facilities-in-place", "miit-pilot-approval"]);
    assert!(reasons(ds, &a, Lang::En).iter().any(|r| r.text.starts_with("Also relevant") && r.text.contains("up to 50%")));
    let en = headline(ds, &Query::new("hainan", "B11").equity(100), &a, Lang::En);
    assert!(en.starts_with("Yes — up to 100% foreign ownership in Hainan"), "{en}");
    let zh = headline(ds, &Query::new("hainan", "B11").equity(100), &a, Lang::Zh);
    assert!(zh.contains("100%") && zh.contains("海南"), "{zh}");
}

#[test]
fn headlines_say_capped_closed_and_prohibited_plainly() {
    let ds = embedded();
    let q = Query::new("shanghai-other", "B11").equity(100);
    let h = headline(ds, &q, &assess(ds, &q).unwrap(), Lang::En);
    assert!(h.starts_with("Not at 100% — the maximum in") && h.ends_with("is 50%."), "{h}");
    let q = Query::new("other-mainland", "B13");
    let h = headline(ds, &q, &assess(ds, &q).unwrap(), Lang::En);
    assert!(h.starts_with("No — ") && h.contains("not open to foreign investment"), "{h}");
    let q = Query::new("beijing", "X-NEWS");
    let h = headline(ds, &q, &assess(ds, &q).unwrap(), Lang::En);
    assert!(h.contains("closed to foreign investment everywhere"), "{h}");
}

#[test]
fn a_closed_service_reads_as_closed_and_a_capped_one_as_capped() {
    // Both are `not_allowed`. Any share is above a maximum of 0, yet a closed service is told
    // as closed, never as "capped at 0%", and no share is weighed against its maximum.
    let ds = embedded();
    for pct in [None, Some(0), Some(50), Some(100)] {
        let mut q = Query::new("other-mainland", "B13");
        q.foreign_equity_pct = pct.map(Equity::whole);
        let a = assess(ds, &q).unwrap();
        assert!(a.verdict == NotAllowed && a.closed(), "{pct:?}: {a:?}");
        let en = headline(ds, &q, &a, Lang::En);
        assert!(en.starts_with("No — ") && en.contains("not open to foreign investment"), "{pct:?}: {en}");
        let zh = headline(ds, &q, &a, Lang::Zh);
        assert!(zh.contains("不对外资开放"), "{pct:?}: {zh}");
        assert!(reasons(ds, &a, Lang::En).iter().all(|r| !r.text.starts_with("A foreign share of")), "{pct:?}");
    }
    let q = Query::new("shanghai-other", "B11").equity(100);
    let a = assess(ds, &q).unwrap();
    assert!(a.verdict == NotAllowed && !a.closed(), "{a:?}");
    let en = headline(ds, &q, &a, Lang::En);
    assert!(en.starts_with("Not at 100% — the maximum in") && en.ends_with("is 50%."), "{en}");
    assert!(reasons(ds, &a, Lang::En).iter().any(|r| r.text == "A foreign share of 100% is above the maximum of 50%."));
    // An allowed or a prohibited answer is not closed.
    assert!(!assess(ds, &Query::new("hainan", "B11").equity(100)).unwrap().closed());
    assert!(!assess(ds, &Query::new("beijing", "X-NEWS")).unwrap().closed());
}

#[test]
fn unknown_ids_and_bad_shares_are_errors_naming_the_value_and_the_choices() {
    let ds = embedded();
    match assess(ds, &Query::new("atlantis", "B11")) {
        Err(e @ QueryError::UnknownPlace { .. }) => {
            let m = e.to_string();
            assert!(m.contains("\"atlantis\"") && m.contains("hainan") && m.contains("other-mainland"), "{m}");
        }
        other => panic!("expected UnknownPlace, got {other:?}"),
    }
    let m = assess(ds, &Query::new("hainan", "B99")).unwrap_err().to_string();
    assert!(m.contains("\"B99\"") && m.contains("B11") && m.contains("X-NEWS"), "{m}");
    // A long bad value is quoted, not repeated whole.
    assert_eq!(assess(ds, &Query::default()), Err(QueryError::Missing("place")));
    let m = assess(ds, &Query::new(&"x".repeat(10_000), "B11")).unwrap_err().to_string();
    assert!(m.len() < 1_000 && m.contains("xxx…"), "{}", m.len());
    // Shares outside 0–100 or finer than a hundredth cannot even be asked.
    for bad in [-1.0, 100.5, f64::NAN, f64::INFINITY, 50.0000000001] {
        assert!(Equity::from_f64(bad).is_err(), "{bad}");
    }
}

#[test]
fn a_share_just_above_the_cap_is_shown_and_judged_as_it_is() {
    // Once, 50.0000000001 was shown as "50" yet judged above a 50 % cap. Now a share is exact
    // to a hundredth: 50.01 is above the cap and says so; 50.00 is within it.
    let ds = embedded();
    let at = |pct: &str| {
        let q = Query { foreign_equity_pct: Some(Equity::parse(pct).unwrap()), ..Query::new("shanghai-other", "B11") };
        let a = assess(ds, &q).unwrap();
        (a.verdict, headline(ds, &q, &a, Lang::En))
    };
    let (v, h) = at("50.01");
    assert_eq!(v, NotAllowed);
    assert!(h.contains("Not at 50.01%"), "{h}");
    assert_eq!(at("50.00").0, Allowed);
    assert_eq!(at("50").0, Allowed);
}

#[test]
fn every_place_and_service_pair_gets_a_definite_answer() {
    let ds = embedded();
    for p in &ds.places {
        for s in &ds.services {
            let a = assess(ds, &Query::new(&p.id, &s.id)).unwrap();
            assert_ne!(a.verdict, Verdict::Unknown, "{} × {}", p.id, s.id);
        }
    }
}

#[test]
fn comparison_shows_where_the_pilot_matters() {
    let ds = embedded();
    let rows = compare(ds, &Query::new("", "B11").equity(100).answer("registeredInPlace", false)).unwrap();
    let got: Vec<(&str, Verdict, Option<u8>)> =
        rows.iter().map(|r| (ds.places[r.place].id.as_str(), r.assessment.verdict, r.assessment.max_foreign_equity_pct)).collect();
    assert_eq!(
        got,
        [
            ("beijing", Allowed, Some(100)),
            ("shanghai-pudong", Allowed, Some(100)),
            ("shanghai-other", NotAllowed, Some(50)),
            ("hainan", Allowed, Some(100)),
            ("shenzhen", Allowed, Some(100)),
            ("other-mainland", NotAllowed, Some(50)),
        ]
    );
}

#[test]
fn the_place_picker_groups_pilot_areas_services_pilot_cities_and_elsewhere() {
    use vats_pilot::questions::{place_group, PlaceGroup};
    let ds = embedded();
    let group = |id: &str| place_group(ds.place(id).unwrap());
    for p in ["beijing", "shanghai-pudong", "hainan", "shenzhen"] {
        assert_eq!(group(p), PlaceGroup::Pilot, "{p}");
    }
    assert_eq!(group("shanghai-other"), PlaceGroup::OtherProgramme);
    assert_eq!(group("guangzhou"), PlaceGroup::OtherProgramme);
    assert_eq!(group("other-mainland"), PlaceGroup::Elsewhere);
}

/// A comparison row names who decided in few words (the programme's short name from the data),
/// so the long name is not repeated down the table; the verdict line keeps the full name.
#[test]
fn comparison_rows_name_the_programme_by_its_short_name() {
    use vats_pilot::explain::{compare_row, decided_by};
    use vats_pilot::i18n::Lang;
    let ds = embedded();
    let rows = compare(ds, &Query::new("", "B11").equity(100)).unwrap();
    let row = rows.iter().find(|r| ds.places[r.place].id == "hainan").unwrap();
    let rule = row.assessment.rule(ds).unwrap();
    let programme = ds.programme(&rule.programme).unwrap();
    for lang in [Lang::En, Lang::Zh] {
        let short = programme.short_name.as_ref().expect("a short name").get(lang);
        assert!(short.chars().count() < programme.name.get(lang).chars().count());
        assert_eq!(compare_row(ds, row, lang)[3], short);
        assert_eq!(decided_by(ds, Some(rule), lang), programme.name.get(lang));
    }
}
