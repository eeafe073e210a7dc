//! The JS API: `dataset()`, `checkEligibility(query)`, `filterEnterprises(filter)`.
//! Results are plain objects with camelCase keys; bad input throws an `Error` whose message
//! names the bad value and the valid choices, and the next call works as before.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::data::embedded;

use crate::eligibility::{assess, Query};
use crate::filter::{filter, Filter, SearchIndex};

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    // Maps become plain objects (not JS Maps) so results read like JSON.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    v.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(what: &str, v: JsValue) -> Result<T, JsError> {
    if v.is_undefined() || v.is_null() {
        return Err(JsError::new(&format!("{what} needs an object argument")));
    }
    serde_wasm_bindgen::from_value(v).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// The whole embedded dataset as a plain object (parsed by the browser from the shipped JSON,
/// which the native tests prove equal to the typed dataset).
#[wasm_bindgen]
pub fn dataset() -> Result<JsValue, JsError> {
    js_sys::JSON::parse(crate::data::EMBEDDED_JSON).map_err(|_| JsError::new("embedded dataset is not valid JSON"))
}

/// `{place, service, foreignEquityPct?, registeredInPlace?, facilitiesInPlace?}` →
/// `{verdict, maxForeignEquityPct, programme, ruleId, conditions, reasons, confidence}`.
#[wasm_bindgen(js_name = checkEligibility)]
pub fn check_eligibility(query: JsValue) -> Result<JsValue, JsError> {
    let q: Query = from_js("checkEligibility", query)?;
    let a = assess(embedded(), &q).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&a)
}

/// `{zone?, service?, country?, status?, text?}` → `{ids, counts: {zone, service, country, status}}`.
#[wasm_bindgen(js_name = filterEnterprises)]
pub fn filter_enterprises(f: JsValue) -> Result<JsValue, JsError> {
    let f: Filter = if f.is_undefined() || f.is_null() { Filter::default() } else { from_js("filterEnterprises", f)? };
    let ds = embedded();
    let r = filter(ds, &SearchIndex::new(ds), &f).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&r)
}
