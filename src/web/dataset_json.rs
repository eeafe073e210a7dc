//! A newer dataset from `data-src` / `dataJson`, read without a JSON parser in the wasm: the
//! browser's `JSON.parse` reads the text (its message says where a syntax error is), then the
//! model's own reader (`crate::json`, from each record's declaration) types the parsed value
//! field by field, naming every problem by its path (`unknown key "sources[2].titel"`, a
//! missing field, a value of the wrong type). Then the core validator runs. This file is the
//! `JsValue` side of that reader.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::data::{checked, LoadError};
use crate::json::JsonValue;
use crate::model::Dataset;

/// Parses, types and validates a dataset given as JSON text.
pub fn load(json: &str) -> Result<Dataset, LoadError> {
    let value = js_sys::JSON::parse(json).map_err(|e| LoadError::Parse(e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default()))?;
    checked(crate::json::read(&value).map_err(LoadError::Parse)?)
}

impl JsonValue for JsValue {
    fn is_object(&self) -> bool {
        JsValue::is_object(self) && !Array::is_array(self)
    }
    fn keys(&self) -> Vec<String> {
        Object::keys(self.unchecked_ref::<Object>()).iter().map(|k| k.as_string().unwrap_or_default()).collect()
    }
    fn get(&self, key: &str) -> Option<Self> {
        Some(Reflect::get(self, &key.into()).unwrap_or_default()).filter(|v| !v.is_undefined() && !v.is_null())
    }
    fn items(&self) -> Option<Vec<Self>> {
        Array::is_array(self).then(|| Array::from(self).iter().collect())
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn describe(&self) -> String {
        super::args::describe(self)
    }
}
