//! Property tests on arbitrary input: the URL-hash decoder, the share parser, the dataset
//! loader and validator, and the engine never panic (in wasm a panic would abort the widget),
//! and what they write they read back.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use vats_pilot::data::{embedded, load, EMBEDDED_JSON};
use vats_pilot::eligibility::{assess, Query, Verdict};
use vats_pilot::explain::{headline, reasons};
use vats_pilot::equity::Equity;
use vats_pilot::filter::SortKey;
use vats_pilot::i18n::Lang;
use vats_pilot::state::{decode, encode, Tab, UiState};

fn pick<'a>(ids: &'a [String]) -> impl Strategy<Value = String> + 'a {
    prop_oneof![
        4 => proptest::sample::select(ids.to_vec()),
        1 => ".{0,12}",
    ]
}

fn ids<T>(items: &[T], id: impl Fn(&T) -> &str) -> Vec<String> {
    items.iter().map(|x| id(x).to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_hash_decodes_without_panicking(hash in ".{0,200}", prefix in "[a-z0-9.]{0,3}") {
        let (st, _notes) = decode(embedded(), &hash, &prefix);
        // What was read writes back and reads the same.
        let again = encode(embedded(), "", &prefix, &st);
        prop_assert_eq!(decode(embedded(), &again, &prefix).0, st);
    }

    #[test]
    fn hash_keys_with_arbitrary_values_never_panic(
        key in proptest::sample::select(vec!["tab", "zone", "svc", "cty", "st", "q", "sort", "place", "cs", "pct", "reg", "fac"]),
        value in ".{0,40}",
    ) {
        let hash = format!("#{key}={}", vats_pilot::state::encode_component(&value));
        let _ = decode(embedded(), &hash, "");
    }

    #[test]
    fn states_round_trip_through_the_hash(
        tab in proptest::sample::select(Tab::ALL.to_vec()),
        sort in proptest::sample::select(SortKey::ALL.to_vec()),
        zone in proptest::option::of(proptest::sample::select(ids(&embedded().zones, |z| &z.id))),
        text in ".{0,30}",
        place in proptest::option::of(proptest::sample::select(ids(&embedded().places, |p| &p.id))),
        service in proptest::option::of(proptest::sample::select(ids(&embedded().services, |s| &s.id))),
        equity in proptest::option::of(0u16..=10_000),
        registered in proptest::option::of(any::<bool>()),
        other in "[a-z]{1,5}=[a-z0-9]{1,5}",
    ) {
        let mut st = UiState { tab, sort, ..UiState::default() };
        st.filter.facets[vats_pilot::filter::ZONE] = zone;
        st.filter.text = (!text.is_empty()).then_some(text);
        st.answers.place = place;
        st.answers.service = service;
        st.answers.foreign_equity_pct = equity.and_then(Equity::from_hundredths);
        if let Some(b) = registered {
            st.answers.answers.insert("registeredInPlace".into(), b);
        }
        let hash = encode(embedded(), &format!("#{other}"), "w.", &st);
        prop_assert!(hash.contains(&other), "the host's own parameter is kept: {}", hash);
        let (back, notes) = decode(embedded(), &hash, "w.");
        prop_assert!(notes.is_empty(), "{:?}", notes);
        prop_assert_eq!(back, st);
    }

    #[test]
    fn any_text_parses_to_a_share_or_a_clear_error(text in ".{0,20}") {
        if let Ok(e) = Equity::parse(&text) {
            prop_assert!(e <= Equity::FULL);
            prop_assert_eq!(Equity::parse(&e.to_string()), Ok(e));
        }
    }

    #[test]
    fn any_number_from_a_script_is_a_share_or_a_clear_error(v in any::<f64>()) {
        if let Ok(e) = Equity::from_f64(v) {
            // What is compared is what was given, to the hundredth.
            prop_assert!((e.as_f64() - v).abs() < 1e-9, "{} became {}", v, e);
        }
    }

    #[test]
    fn the_engine_answers_any_question_without_panicking(
        place in pick(&ids(&embedded().places, |p| &p.id)),
        service in pick(&ids(&embedded().services, |s| &s.id)),
        equity in proptest::option::of(0u16..=10_000),
        registered in proptest::option::of(any::<bool>()),
        facilities in proptest::option::of(any::<bool>()),
    ) {
        let ds = embedded();
        let mut q = Query { place: Some(place), service: Some(service), foreign_equity_pct: equity.and_then(Equity::from_hundredths), ..Query::default() };
        for (id, answer) in [("registeredInPlace", registered), ("facilitiesInPlace", facilities)] {
            if let Some(b) = answer {
                q.answers.insert(id.into(), b);
            }
        }
        if let Ok(a) = assess(ds, &q) {
            let max = a.max_foreign_equity_pct;
            if let (Verdict::Allowed, Some(share), Some(max)) = (a.verdict, q.foreign_equity_pct, max) {
                prop_assert!(share <= Equity::whole(max), "allowed {} above the cap {}", share, max);
            }
            for lang in [Lang::En, Lang::Zh] {
                prop_assert!(!reasons(ds, &a, lang).is_empty());
                prop_assert!(!headline(ds, &q, &a, lang).contains('{'), "unfilled template");
            }
        }
    }

    #[test]
    fn any_text_as_a_dataset_is_refused_without_panicking(text in ".{0,300}") {
        prop_assert!(load(&text).is_err());
    }

    #[test]
    fn a_damaged_dataset_is_reported_without_panicking(cuts in proptest::collection::vec((0usize..EMBEDDED_JSON.len(), ".{0,8}"), 1..4)) {
        // Splice arbitrary text into the real file at arbitrary places (on char boundaries).
        let mut text = EMBEDDED_JSON.to_string();
        for (at, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, &insert);
        }
        let _ = load(&text);
    }

    #[test]
    fn a_dataset_with_values_swapped_is_validated_without_panicking(seed in any::<u64>(), value in prop_oneof![
        Just(serde_json::Value::Null),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,10}".prop_map(serde_json::Value::from),
        Just(serde_json::json!([])),
    ]) {
        // Replace one leaf of the real dataset with another value of any type.
        let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        let mut leaves = 0u64;
        count(&v, &mut leaves);
        let mut n = seed % leaves.max(1);
        replace(&mut v, &mut n, &value);
        let _ = load(&v.to_string());
    }
}

fn count(v: &serde_json::Value, n: &mut u64) {
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| count(x, n)),
        serde_json::Value::Object(m) => m.values().for_each(|x| count(x, n)),
        _ => *n += 1,
    }
}

fn replace(v: &mut serde_json::Value, n: &mut u64, with: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Array(a) => a.iter_mut().any(|x| replace(x, n, with)),
        serde_json::Value::Object(m) => m.values_mut().any(|x| replace(x, n, with)),
        leaf => {
            if *n == 0 {
                *leaf = with.clone();
                return true;
            }
            *n -= 1;
            false
        }
    }
}
