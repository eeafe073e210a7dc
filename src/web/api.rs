//! The JS API: `dataset()`, `checkEligibility(query)`, `filterEnterprises(filter)`.
//! Results are plain objects with camelCase keys. Arguments are read strictly (see `args`):
//! an unknown key, a wrong type or a bad value throws an `Error` that names it and lists what
//! is accepted, and the next call works as before.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::args::Args;
use crate::data::embedded_data;
use crate::eligibility::{assess, Query};
use crate::equity::Equity;
use crate::filter::{filter, Filter};

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

const QUERY_KEYS: [&str; 5] = ["place", "service", "foreignEquityPct", "registeredInPlace", "facilitiesInPlace"];

/// `{place, service, foreignEquityPct?, registeredInPlace?, facilitiesInPlace?}` →
/// `{verdict, maxForeignEquityPct, programme, ruleId, conditions, reasons, confidence}`.
#[wasm_bindgen(js_name = checkEligibility)]
pub fn check_eligibility(query: JsValue) -> Result<JsValue, JsError> {
    let a = Args::new("checkEligibility", query, &QUERY_KEYS)?;
    let equity = match a.number("foreignEquityPct")? {
        None => None,
        Some(v) => Some(Equity::from_f64(v).map_err(|e| {
            a.invalid("foreignEquityPct", &super::args::number_text(v), &format!("{e}; expected a number from 0 to 100 with at most two decimals"))
        })?),
    };
    let q = Query {
        place: a.required_string("place")?,
        service: a.required_string("service")?,
        foreign_equity_pct: equity,
        registered_in_place: a.boolean("registeredInPlace")?,
        facilities_in_place: a.boolean("facilitiesInPlace")?,
    };
    let data = embedded_data();
    let out = assess(&data.ds, &q).map_err(|e| JsError::new(&format!("checkEligibility: {e}")))?;
    to_js(&out)
}

const FILTER_KEYS: [&str; 5] = ["zone", "service", "country", "status", "text"];

/// `{zone?, service?, country?, status?, text?}` → `{ids, counts: {zone, service, country, status}}`.
#[wasm_bindgen(js_name = filterEnterprises)]
pub fn filter_enterprises(f: JsValue) -> Result<JsValue, JsError> {
    let f = if f.is_undefined() || f.is_null() { js_sys::Object::new().into() } else { f };
    let a = Args::new("filterEnterprises", f, &FILTER_KEYS)?;
    let f = Filter {
        zone: a.string("zone")?,
        service: a.string("service")?,
        country: a.string("country")?,
        status: a.string("status")?,
        text: a.string("text")?,
    };
    let data = embedded_data();
    let r = filter(&data.ds, &data.index, &f).map_err(|e| JsError::new(&format!("filterEnterprises: {e}")))?;
    to_js(&r)
}
