//! Filtering and facets, sorting, URL state and exports.
#![cfg(not(target_arch = "wasm32"))]

use vats_pilot::data::embedded;
use vats_pilot::equity::Equity;
use vats_pilot::export::{csv, csv_field, json, CSV_HEADER};
use std::collections::BTreeMap;

use vats_pilot::filter::{facet, filter, normalise, sort_top, Filter, SearchIndex, Shown, SortKey};
use vats_pilot::model::{Enterprise, Status};
use vats_pilot::i18n::Lang;
use vats_pilot::state::{decode, encode, place_for_zone, Tab, UiState};

fn run(f: Filter) -> Vec<String> {
    let ds = embedded();
    let r = filter(ds, &SearchIndex::new(ds), &f).expect("valid filter");
    r.indices.iter().map(|i| ds.enterprises[*i].id.clone()).collect()
}

fn counts(f: Filter, facet_id: &str) -> BTreeMap<String, usize> {
    let ds = embedded();
    let r = filter(ds, &SearchIndex::new(ds), &f).expect("valid filter");
    r.counts[facet(facet_id).unwrap()].iter().cloned().collect()
}

fn with(pairs: &[(&str, &str)]) -> Filter {
    pairs.iter().fold(Filter::default(), |f, (k, v)| f.with(k, v))
}

fn by_text(t: &str) -> Vec<String> {
    run(Filter { text: Some(t.into()), ..Filter::default() })
}

/// Records for which `keep` holds, by id: the expectation, counted from the data.
fn records(keep: impl Fn(&Enterprise) -> bool) -> Vec<String> {
    embedded().enterprises.iter().filter(|e| keep(e)).map(|e| e.id.clone()).collect()
}

#[test]
fn no_filter_lists_everything_with_facet_counts() {
    let ds = embedded();
    assert_eq!(run(Filter::default()).len(), ds.enterprises.len());
    let approved = records(|e| e.status == Status::Approved).len();
    assert_eq!(counts(Filter::default(), "status")["approved"], approved);
    let zones = counts(Filter::default(), "zone");
    assert_eq!(zones["hainan"], records(|e| e.zone.as_deref() == Some("hainan")).len());
    assert_eq!(zones["unknown"], records(|e| e.zone.is_none()).len(), "records with no known zone count as unknown");
    assert_eq!(zones.values().sum::<usize>(), ds.enterprises.len());
}

#[test]
fn each_facet_filters_and_other_facets_count_within_it() {
    let shanghai = |e: &Enterprise| e.zone.as_deref() == Some("shanghai");
    let got = run(with(&[("zone", "shanghai")]));
    assert_eq!(got, records(shanghai));
    assert!(got.contains(&"e-hsbc-fintech".to_string()) && !got.contains(&"e-siemens-shenzhen".to_string()));
    // The zone facet ignores its own filter, the status facet applies it.
    assert_eq!(counts(with(&[("zone", "shanghai")]), "zone")["hainan"], records(|e| e.zone.as_deref() == Some("hainan")).len());
    assert_eq!(counts(with(&[("zone", "shanghai")]), "status")["approved"], records(|e| shanghai(e) && e.status == Status::Approved).len());

    assert_eq!(run(with(&[("zone", "shanghai"), ("status", "approved")])), records(|e| shanghai(e) && e.status == Status::Approved));
    assert_eq!(run(with(&[("country", "DE")])), records(|e| e.parent_country.as_deref() == Some("DE")));
    assert_eq!(run(with(&[("service", "B11")])), records(|e| e.services.as_ref().is_some_and(|s| s.iter().any(|x| x == "B11"))));
    assert_eq!(run(with(&[("service", "unknown")])), records(|e| e.services.is_none()));
    assert_eq!(run(with(&[("zone", "unknown"), ("status", "approved")])), records(|e| e.zone.is_none() && e.status == Status::Approved));
    let applicants = with(&[("status", "reported_applicant")]);
    assert_eq!(run(applicants.clone()), records(|e| e.status == Status::ReportedApplicant));
    assert_eq!(counts(applicants, "status")["approved"], records(|e| e.status == Status::Approved).len(), "status counts ignore the status filter");
}

#[test]
fn search_is_case_insensitive_in_english_and_finds_chinese_substrings() {
    assert_eq!(by_text("hsbc"), by_text("HSBC"));
    assert!(by_text("hsbc").contains(&"e-hsbc-fintech".to_string()));
    assert_eq!(by_text("汇丰"), ["e-hsbc-fintech"]);
    assert!(by_text("  siemens   ").len() >= 2);
    assert!(by_text("ＨＳＢＣ").contains(&"e-hsbc-fintech".to_string()), "full-width letters fold");
    assert!(by_text("no such firm").is_empty());
}

#[test]
fn search_ignores_accents_and_case_in_latin_greek_and_cyrillic_letters() {
    assert_eq!(by_text("HSBÇ"), by_text("hsbc"), "accents of Latin-1 drop");
    assert!(by_text("hśbc").is_empty(), "Ś is lowered, not stripped: Latin Extended-A keeps its accents");
    assert!(by_text("hsbç").contains(&"e-hsbc-fintech".to_string()), "ç finds c");
    assert_eq!(normalise("SOCIÉTÉ Générale"), "societe generale");
    assert_eq!(normalise("ŁÓDŹ Ÿ"), "łodź y");
    assert_eq!(normalise("ΑΘΗΝΑ МОСКВА Ёлка"), "αθηνα москва ёлка");
    assert_eq!(normalise("Øresund ×2 ÷ ß"), "oresund ×2 ÷ ß");
    assert_eq!(normalise("中国电信 ＩＤＣ"), "中国电信 idc", "Chinese is compared as written");
}

#[test]
fn bad_filter_values_name_the_field_and_the_choices() {
    let ds = embedded();
    let e = filter(ds, &SearchIndex::new(ds), &with(&[("zone", "mars")])).unwrap_err();
    let m = e.to_string();
    assert!(m.contains("zone") && m.contains("\"mars\"") && m.contains("hainan") && m.contains("unknown"), "{m}");
    let e = filter(ds, &SearchIndex::new(ds), &with(&[("status", "pending")])).unwrap_err();
    assert!(e.to_string().contains("reported_applicant"));
    // Status is always known: "unknown" is not one of its choices.
    assert!(filter(ds, &SearchIndex::new(ds), &with(&[("status", "unknown")])).is_err());
}

#[test]
fn sorting_puts_names_in_order_and_newest_approvals_first() {
    let ds = embedded();
    let index = SearchIndex::new(ds);
    let all: Vec<usize> = (0..ds.enterprises.len()).filter(|i| ds.enterprises[*i].identified).collect();
    let by_name = sort_top(ds, &index, all.clone(), SortKey::Name, Lang::En, usize::MAX);
    let names: Vec<String> = by_name.iter().map(|i| normalise(ds.enterprises[*i].name_en.as_deref().unwrap_or(""))).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(by_name.len(), all.len());
    // A page is the head of the full order.
    assert_eq!(sort_top(ds, &index, all.clone(), SortKey::Name, Lang::En, 5), by_name[..5]);
    let by_date = sort_top(ds, &index, all, SortKey::Date, Lang::En, usize::MAX);
    // 28 Feb before 26 Feb, both before applicants with no date.
    assert_eq!(ds.enterprises[by_date[0]].approval_date.as_deref(), Some("2025-02-28"));
    assert!(ds.enterprises[*by_date.last().unwrap()].approval_date.is_none());
    let by_zone = sort_top(ds, &index, (0..ds.enterprises.len()).collect(), SortKey::Zone, Lang::Zh, usize::MAX);
    let rank = |i: &usize| {
        let z = ds.enterprises[*i].zone.as_deref();
        z.and_then(|z| ds.zones.iter().position(|x| x.id == z)).unwrap_or(usize::MAX)
    };
    let ranks: Vec<usize> = by_zone.iter().map(rank).collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "areas in map order, unknown last: {ranks:?}");
    assert_eq!(*ranks.last().unwrap(), usize::MAX);
}

#[test]
fn a_page_holds_the_first_named_records_the_unidentified_group_and_what_more_would_add() {
    let ds = embedded();
    let index = SearchIndex::new(ds);
    let all = filter(ds, &index, &Filter::default()).unwrap();
    let named = ds.enterprises.iter().filter(|e| e.identified).count();
    let unidentified = ds.enterprises.len() - named;
    let p = vats_pilot::filter::page(ds, &index, &all, SortKey::Name, Lang::En, 3, 3);
    assert_eq!(p.named, sort_top(ds, &index, (0..ds.enterprises.len()).filter(|i| ds.enterprises[*i].identified).collect(), SortKey::Name, Lang::En, 3));
    assert_eq!(p.unidentified.len(), unidentified);
    assert!(p.unidentified.iter().all(|i| !ds.enterprises[*i].identified));
    assert_eq!(p.more, (named - 3).min(3), "Show more adds at most one page");
    let everything = vats_pilot::filter::page(ds, &index, &all, SortKey::Name, Lang::En, usize::MAX, 10);
    assert_eq!((everything.named.len(), everything.more), (named, 0));
}

#[test]
fn url_hash_round_trips_and_keeps_other_parameters() {
    let ds = embedded();
    let mut st = UiState { tab: Tab::Checker, sort: SortKey::Date, ..UiState::default() };
    st.filter.text = Some("汇丰 & co".into());
    st.select_zone(ds, Some("hainan"));
    st.filter = st.filter.clone().with("country", "DE");
    st.answers.service = Some("B11".into());
    st.answers.foreign_equity_pct = Some(Equity::whole(100));
    st.answers.answers.insert("registeredInPlace".into(), false);
    assert_eq!(st.answers.place.as_deref(), Some("hainan"), "selecting a zone preselects the checker place");
    let hash = encode(ds, "#other=1", "", &st);
    assert!(hash.starts_with("#other=1&") && hash.contains("&reg=0"), "{hash}");
    let (back, notes) = decode(ds, &hash, "");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(back, st);
    // An untouched widget writes nothing.
    assert_eq!(encode(ds, "", "", &UiState::default()), "");
}

#[test]
fn prefixed_instances_do_not_touch_each_other() {
    let ds = embedded();
    let mut a = UiState::default();
    a.select_zone(ds, Some("beijing"));
    let mut b = UiState::default();
    b.select_zone(ds, Some("shenzhen"));
    let h = encode(ds, "", "a.", &a);
    let h = encode(ds, &h, "b.", &b);
    assert_eq!(decode(ds, &h, "a.").0.zone(), Some("beijing"));
    assert_eq!(decode(ds, &h, "b.").0.zone(), Some("shenzhen"));
    let cleared = encode(ds, &h, "a.", &UiState::default());
    assert_eq!(decode(ds, &cleared, "b.").0.zone(), Some("shenzhen"));
    assert_eq!(decode(ds, &cleared, "a.").0.zone(), None);
}

#[test]
fn bad_hash_values_are_dropped_with_a_note_and_the_rest_kept() {
    let ds = embedded();
    let (st, notes) = decode(ds, "#zone=atlantis&tab=list&pct=250&cs=B12&q=%E6%B1%87", "");
    assert_eq!(st.tab, Tab::List);
    assert_eq!(st.zone(), None);
    assert_eq!(st.answers.foreign_equity_pct, None);
    assert_eq!(st.answers.service.as_deref(), Some("B12"));
    assert_eq!(st.filter.text.as_deref(), Some("汇"));
    assert_eq!(notes.len(), 2, "{notes:?}");
    // A share finer than a hundredth is dropped, not rounded into something else.
    let (st, notes) = decode(ds, "#pct=50.0000000001&place=shanghai-other", "");
    assert_eq!((st.answers.foreign_equity_pct, notes.len()), (None, 1));
    assert_eq!(st.answers.place.as_deref(), Some("shanghai-other"));
    assert_eq!(decode(ds, "#pct=49.5", "").0.answers.foreign_equity_pct.map(|e| e.to_string()).as_deref(), Some("49.5"));
    // A question's answer uses the question's own key; a bad one is dropped with a note.
    let (st, notes) = decode(ds, "#fac=0&reg=maybe", "");
    assert_eq!((st.answers.answered("facilitiesInPlace"), st.answers.answered("registeredInPlace"), notes.len()), (Some(false), None, 1));
    assert_eq!(place_for_zone(ds, "shanghai"), Some("shanghai-pudong"));
}

#[test]
fn csv_has_a_header_every_row_and_the_sources() {
    let ds = embedded();
    let ids = run(with(&[("zone", "shanghai"), ("status", "approved")]));
    let records: Vec<_> = ids.iter().filter_map(|id| ds.enterprise(id)).collect();
    let text = csv(ds, records.iter().copied());
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines[0], CSV_HEADER.join(","));
    assert_eq!(lines.len(), 1 + ids.len());
    let hsbc = lines.iter().find(|l| l.starts_with("e-hsbc-fintech,")).expect("HSBC row");
    assert!(hsbc.contains("汇丰") && hsbc.contains("S27") && hsbc.contains("http://regional.chinadaily.com.cn/"), "{hsbc}");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("=1+1"), "'=1+1");
    // OWASP's list: a leading TAB, CR or LF also starts a formula in some spreadsheets.
    for lead in ["\t=1+1", "\r=1+1", "\n=1+1", "+1", "-1", "@SUM(A1)"] {
        assert!(csv_field(lead).trim_start_matches('"').starts_with('\''), "{lead:?} -> {:?}", csv_field(lead));
    }
    let j: serde_json::Value = serde_json::from_str(&json(ds, records.iter().copied())).unwrap();
    assert_eq!(j["enterprises"].as_array().unwrap().len(), ids.len());
    assert!(j["sources"].as_array().unwrap().iter().any(|s| s["id"] == "S27"));
}

/// A button in the list of areas toggles: the selected zone clears, another one replaces it,
/// and the checker's place follows a selection.
#[test]
fn the_list_of_areas_toggles_a_zone_from_the_state() {
    let ds = embedded();
    let mut st = UiState::default();
    st.toggle_zone(ds, "hainan");
    assert_eq!((st.zone(), st.answers.place.as_deref()), (Some("hainan"), Some("hainan")));
    st.toggle_zone(ds, "beijing");
    assert_eq!(st.zone(), Some("beijing"));
    st.toggle_zone(ds, "beijing");
    assert_eq!(st.zone(), None);
}

#[test]
fn show_more_adds_a_page_for_the_filter_it_was_pressed_under_and_a_new_filter_starts_at_one_page() {
    let any = Filter::default();
    let hainan = Filter::default().with("zone", "hainan");
    let shown = Shown::default();
    assert_eq!(shown.count(10, &any), 10);
    let shown = shown.more(10, &any);
    assert_eq!(shown.count(10, &any), 20);
    let shown = shown.more(10, &any);
    assert_eq!(shown.count(10, &any), 30);
    assert_eq!(shown.count(10, &hainan), 10, "a new filter starts again at one page");
    assert_eq!(shown.more(10, &hainan).count(10, &hainan), 20);
}
