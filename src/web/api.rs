//! The JS API: `dataset()`, `checkEligibility(query)`, `filterEnterprises(filter)`.
//! Results are plain objects with camelCase keys. Arguments are read strictly (see `args`):
//! an unknown key, a wrong type or a bad value throws an `Error` that names it and lists what
//! is accepted, and the next call works as before.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::args::Args;
use crate::data::embedded_data;
use crate::eligibility::{assess, Query, QUERY_KEYS};
use crate::equity::Equity;
use crate::explain;
use crate::filter::{Filter, FACETS};

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    // Maps become plain objects (not JS Maps) so results read like JSON.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    v.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// The whole embedded dataset as a plain object (the typed dataset, validated at build time;
/// unknown values are `null`).
#[wasm_bindgen]
pub fn dataset() -> Result<JsValue, JsError> {
    to_js(&embedded_data().ds)
}

/// `{place, service, foreignEquityPct?, <question id>?…}` → `{verdict, maxForeignEquityPct,
/// programme, ruleId, conditions, reasons, confidence}`. The yes/no keys are the dataset's
/// questions (`registeredInPlace`, `facilitiesInPlace`).
#[wasm_bindgen(js_name = checkEligibility)]
pub fn check_eligibility(query: JsValue) -> Result<JsValue, JsError> {
    let data = embedded_data();
    let ds = &data.ds;
    let accepted: Vec<&str> = QUERY_KEYS.iter().copied().chain(ds.questions.iter().map(|q| q.id.as_str())).collect();
    let a = Args::new("checkEligibility", query, &accepted)?;
    let equity = match a.number("foreignEquityPct")? {
        None => None,
        Some(v) => Some(Equity::from_f64(v).map_err(|e| {
            a.invalid("foreignEquityPct", &super::args::number_text(v), &format!("{e}; expected a number from 0 to 100 with at most two decimals"))
        })?),
    };
    let mut q = Query { place: Some(a.required_string("place")?), service: Some(a.required_string("service")?), foreign_equity_pct: equity, ..Query::default() };
    for question in &ds.questions {
        if let Some(b) = a.boolean(&question.id)? {
            q.answers.insert(question.id.clone(), b);
        }
    }
    let out = assess(ds, &q).map_err(|e| JsError::new(&format!("checkEligibility: {e}")))?;
    to_js(&explain::bilingual(ds, &out))
}

/// `{zone?, service?, country?, status?, text?}` → `{ids, counts: {zone, service, country, status}}`.
#[wasm_bindgen(js_name = filterEnterprises)]
pub fn filter_enterprises(f: JsValue) -> Result<JsValue, JsError> {
    let f = if f.is_undefined() || f.is_null() { js_sys::Object::new().into() } else { f };
    let accepted: Vec<&str> = FACETS.iter().map(|f| f.id).chain(["text"]).collect();
    let a = Args::new("filterEnterprises", f, &accepted)?;
    let mut filter = Filter { text: a.string("text")?, ..Filter::default() };
    for (i, def) in FACETS.iter().enumerate() {
        filter.facets[i] = a.string(def.id)?;
    }
    let data = embedded_data();
    let r = crate::filter::filter(&data.ds, data.index(), &filter).map_err(|e| JsError::new(&format!("filterEnterprises: {e}")))?;
    to_js(&r.to_api(&data.ds))
}
