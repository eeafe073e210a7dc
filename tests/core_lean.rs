//! The lean build embeds `Dataset::for_lean_widget()`: the dataset without what no view
//! shows. Every view's markup, in both languages and for every zone, place, service and record,
//! must be the same from that dataset as from the whole one; a view that starts showing
//! something the lean build leaves out fails here (keep it in `for_lean_widget` then).
#![cfg(not(target_arch = "wasm32"))]

use vats_pilot::data::embedded;
use vats_pilot::eligibility::{assess, compare, Query};
use vats_pilot::filter::{filter, Filter, SearchIndex, SortKey};
use vats_pilot::i18n::Lang;
use vats_pilot::markup::{self, checker, list, map};
use vats_pilot::model::Dataset;

/// Every markup the views render from a dataset, as one text per part.
fn rendered(ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    let index = SearchIndex::new(ds);
    for lang in [Lang::En, Lang::Zh] {
        for narrow in [false, true] {
            let env = map::MapEnv {
                uid: "w",
                narrow,
                crop: narrow,
                tabs: true,
            };
            out.push(
                map::panel(ds, lang, &env, &markup::selection_chip(ds, lang, None)).into_string(),
            );
            for z in &ds.zones {
                out.push(map::zone_card(ds, lang, &env, &z.id, true).into_string());
                out.push(markup::selection_chip(ds, lang, Some(&z.id)).into_string());
            }
        }
        let all = filter(ds, &index, &Filter::default()).unwrap();
        out.push(list::header(ds, lang, "w", false).into_string());
        out.push(
            list::fields(ds, lang, "w", &Filter::default(), &all, SortKey::Name).into_string(),
        );
        out.push(format!("{:?}", list::facet_options(ds, lang, &all)));
        out.push(list::count_line(ds, lang, all.indices.len(), false).into_string());
        let named: Vec<_> = ds.enterprises.iter().filter(|e| e.identified).collect();
        let unidentified: Vec<_> = ds.enterprises.iter().filter(|e| !e.identified).collect();
        out.extend(
            list::card_items(ds, lang, &named, &unidentified, false)
                .into_iter()
                .map(|(k, h)| k + h.as_str()),
        );
        out.push(markup::timeline(ds, lang, usize::MAX).into_string());
        out.push(markup::footer(ds, lang, None).into_string());
        out.push(markup::footer(ds, lang, Some("https://example.org/w/")).into_string());
        out.push(markup::notes(ds, lang).into_string());
        let ids: Vec<String> = ds.sources.iter().map(|s| s.id.clone()).collect();
        out.push(markup::source_links(ds, lang, &ids));
        out.push(checker::place_select(ds, lang, "w", None).into_string());
        for sv in &ds.services {
            out.push(checker::service_select(ds, lang, "w", "", Some(&sv.id)).into_string());
            for p in &ds.places {
                let q = Query::new(&p.id, &sv.id).equity(100);
                out.push(checker::questions(ds, lang, "w", &q).into_string());
                out.push(checker::your_answers(ds, lang, &q).into_string());
                let a = assess(ds, &q).map_err(|e| e.to_string());
                out.push(checker::verdict(ds, lang, &q, Some(&a)).into_string());
                // Every place × service pair has an answer (validation requires it).
                let a = a.as_ref().unwrap_or_else(|e| panic!("{} × {}: {e}", p.id, sv.id));
                out.push(markup::assessment_details(ds, a, lang).into_string());
                let rows = compare(ds, &q).unwrap_or_else(|e| panic!("{}: {e}", sv.id));
                out.push(markup::compare_table(ds, &rows, &sv.id, Some(&p.id), lang).into_string());
            }
        }
    }
    out
}

#[test]
fn the_lean_dataset_renders_every_view_exactly_as_the_whole_one() {
    let whole = embedded().clone();
    let lean = whole.clone().for_lean_widget();
    assert_ne!(lean, whole, "the lean dataset leaves something out");
    let (a, b) = (rendered(&whole), rendered(&lean));
    assert_eq!(a.len(), b.len());
    assert!(
        a.len() > 500,
        "every zone, place and service is rendered ({})",
        a.len()
    );
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            x, y,
            "a view shows data the lean build leaves out (see Dataset::for_lean_widget)"
        );
    }
    // The list's downloads carry the same records and sources from both.
    let json = |ds: &Dataset| serde_json::to_string(&vats_pilot::export::json_doc(ds, &ds.enterprises)).unwrap();
    assert_eq!(json(&whole), json(&lean));
    assert_eq!(vats_pilot::export::csv(&whole, &whole.enterprises), vats_pilot::export::csv(&lean, &lean.enterprises));
}

#[test]
fn this_test_would_see_a_view_that_shows_a_left_out_field() {
    // Changelog entries are shown in the notes: leaving them out must change the markup.
    let whole = embedded().clone();
    let mut cut = whole.clone();
    cut.changelog.clear();
    assert_ne!(rendered(&whole), rendered(&cut));
}
