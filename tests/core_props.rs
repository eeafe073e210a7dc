//! Property tests on arbitrary input: the URL-hash decoder, the share parser, the dataset
//! reader (the one `data-src` uses in the browser, here on `serde_json` values) and validator,
//! and the engine never panic (in wasm a panic would abort the widget), refuse what they
//! should with the right error, and what they write they read back.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use vats_pilot::data::{checked, embedded, load, load_as_data_src, EMBEDDED_JSON};
use vats_pilot::eligibility::{assess, Query, Verdict};
use vats_pilot::explain::{headline, reasons};
use vats_pilot::equity::{Equity, EquityError};
use vats_pilot::model::Dataset;
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
        let (st, _notes) = decode(embedded(), &hash, "");
        // Whatever was kept of it writes back and reads the same.
        let again = encode(embedded(), "", "", &st);
        prop_assert_eq!(decode(embedded(), &again, "").0, st);
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
        match Equity::parse(&text) {
            Ok(e) => {
                prop_assert!(e <= Equity::FULL);
                prop_assert_eq!(Equity::parse(&e.to_string()), Ok(e));
            }
            // Arbitrary text is hardly ever a number: it is refused as one.
            Err(e) => prop_assert!(
                e == EquityError::NotANumber || text.chars().any(|c| c.is_ascii_digit() || ('\u{ff10}'..='\u{ff19}').contains(&c)),
                "{:?}: {}", text, e
            ),
        }
    }

    #[test]
    fn number_like_text_parses_to_its_share_or_the_right_error(
        int in "0{0,2}[0-9]{0,4}",
        frac in proptest::option::of("[0-9]{0,4}"),
        comma in any::<bool>(),
        percent in any::<bool>(),
    ) {
        let text = format!(" {int}{}{} ", frac.as_ref().map(|f| format!("{}{f}", if comma { ',' } else { '.' })).unwrap_or_default(), if percent { " %" } else { "" });
        let f = frac.as_deref().unwrap_or("").trim_end_matches('0');
        let expected = if (int.is_empty() && frac.as_deref().unwrap_or("").is_empty()) || frac.as_deref() == Some("") {
            Err(EquityError::NotANumber)
        } else if f.len() > 2 {
            Err(EquityError::TooPrecise)
        } else {
            let whole: u32 = int.parse().unwrap_or(0);
            let cents: u32 = format!("{f:0<2}").parse().unwrap_or(0);
            u16::try_from(whole * 100 + cents).ok().and_then(Equity::from_hundredths).ok_or(EquityError::OutOfRange)
        };
        prop_assert_eq!(Equity::parse(&text), expected, "{:?}", text);
    }

    #[test]
    fn any_number_from_a_script_is_a_share_or_a_clear_error(v in prop_oneof![
        any::<f64>(),
        0.0..=100.0f64,
        (0u16..=10_000).prop_map(|n| f64::from(n) / 100.0),
    ]) {
        match Equity::from_f64(v) {
            // What is compared is what was given, to the hundredth.
            Ok(e) => prop_assert!((e.as_f64() - v).abs() < 1e-9, "{} became {}", v, e),
            Err(EquityError::NotANumber) => prop_assert!(!v.is_finite(), "{}", v),
            Err(EquityError::OutOfRange) => prop_assert!(v.is_finite() && !(0.0..=100.0).contains(&v), "{}", v),
            Err(EquityError::TooPrecise) => prop_assert!((0.0..=100.0).contains(&v) && (v * 100.0).fract() != 0.0, "{}", v),
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
        let known = ds.place(q.place.as_deref().unwrap_or("")).is_some() && ds.service(q.service.as_deref().unwrap_or("")).is_some();
        let answer = assess(ds, &q);
        // Every known place and service has an answer; anything else is a named error.
        prop_assert_eq!(answer.is_ok(), known, "{:?}", answer.as_ref().err());
        if let Ok(a) = answer {
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
        match load_as_data_src(&text) {
            Err(e) => prop_assert!(!e.to_string().is_empty()),
            Ok(_) => prop_assert!(false, "accepted {:?}", text),
        }
    }

    #[test]
    fn a_damaged_dataset_is_reported_as_serde_reports_it(cuts in proptest::collection::vec((0usize..EMBEDDED_JSON.len(), ".{0,8}"), 1..4)) {
        // Splice arbitrary text into the real file at arbitrary places (on char boundaries).
        let mut text = EMBEDDED_JSON.to_string();
        for (at, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, &insert);
        }
        // The data-src reader accepts exactly what serde accepts, as the same dataset, and
        // otherwise says why.
        match (load_as_data_src(&text), load(&text)) {
            (Ok(read), Ok(typed)) => prop_assert_eq!(read, typed),
            (Err(e), Err(_)) => prop_assert!(e.to_string().len() > "dataset is not valid JSON of the expected shape: ".len(), "{}", e),
            (read, typed) => prop_assert!(false, "the reader says {:?}, serde says {:?}", read.err(), typed.err()),
        }
    }

    #[test]
    fn a_dataset_with_one_value_swapped_is_refused_naming_it_or_read_as_serde_reads_it(seed in any::<u64>(), value in prop_oneof![
        Just(serde_json::Value::Null),
        any::<i64>().prop_map(serde_json::Value::from),
        ".{0,10}".prop_map(serde_json::Value::from),
        Just(serde_json::json!([])),
        Just(serde_json::json!({})),
        any::<bool>().prop_map(serde_json::Value::from),
    ]) {
        // Replace one leaf of the real dataset with another value of any type.
        let mut v: serde_json::Value = serde_json::from_str(EMBEDDED_JSON).unwrap();
        let mut leaves = 0u64;
        count(&v, &mut leaves);
        let mut n = seed % leaves.max(1);
        let (path, old) = replace(&mut v, &mut n, &value, String::new()).expect("a leaf");
        let serde: Result<Dataset, _> = serde_json::from_value(v.clone());
        match vats_pilot::json::read(&&v) {
            // A problem is named by the path of the value that was swapped.
            Err(e) => {
                prop_assert!(e.starts_with(&format!("{path}: ")) || e.starts_with(&format!("{path}.")), "{} for {}", e, path);
                prop_assert!(serde.is_err(), "serde accepts {} = {}", path, value);
            }
            Ok(read) => {
                match serde {
                    Ok(typed) => prop_assert_eq!(&read, &typed),
                    // The reader's one leniency: null is an absent value, so a field with a default takes it.
                    Err(e) => prop_assert!(value.is_null(), "serde refuses {} = {}: {}", path, value, e),
                }
                // Validated: the unchanged dataset passes, and a refusal says why.
                match checked(read) {
                    Ok(_) => {}
                    Err(e) => prop_assert!(old != value && !e.to_string().is_empty(), "{} = {}: {}", path, value, e),
                }
            }
        }
    }
}

fn count(v: &serde_json::Value, n: &mut u64) {
    match v {
        serde_json::Value::Array(a) => a.iter().for_each(|x| count(x, n)),
        serde_json::Value::Object(m) => m.values().for_each(|x| count(x, n)),
        _ => *n += 1,
    }
}

/// Replaces the `n`th leaf; its path as the reader names it (`zones[0].anchor.lon`) and its old value.
fn replace(v: &mut serde_json::Value, n: &mut u64, with: &serde_json::Value, at: String) -> Option<(String, serde_json::Value)> {
    match v {
        serde_json::Value::Array(a) => a.iter_mut().enumerate().find_map(|(i, x)| replace(x, n, with, format!("{at}[{i}]"))),
        serde_json::Value::Object(m) => m.iter_mut().find_map(|(k, x)| replace(x, n, with, if at.is_empty() { k.clone() } else { format!("{at}.{k}") })),
        leaf => {
            if *n == 0 {
                return Some((at, std::mem::replace(leaf, with.clone())));
            }
            *n -= 1;
            None
        }
    }
}
