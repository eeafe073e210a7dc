//! A newer dataset from `data-src` / `dataJson`, read without a JSON parser in the wasm: the
//! browser's `JSON.parse` reads the text (its message says where a syntax error is),
//! serde-wasm-bindgen types it, every key the model does not know is reported by path (a
//! misspelt key is an error, as with `deny_unknown_fields`), then the core validator runs.

use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};

use crate::data::{checked, LoadError};
use crate::model::Dataset;

/// Parses, types and validates a dataset given as JSON text.
pub fn load(json: &str) -> Result<Dataset, LoadError> {
    let value = js_sys::JSON::parse(json).map_err(|e| LoadError::Parse(message(&e)))?;
    let ds: Dataset = match serde_wasm_bindgen::from_value(value.clone()) {
        Ok(ds) => ds,
        Err(e) => return Err(LoadError::Parse(locate(&value).unwrap_or_else(|| e.to_string()))),
    };
    // The typed dataset as a JS object has exactly the keys the model knows (absent options
    // as null), so any other key in the input is unknown.
    let typed = ds.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| LoadError::Parse(e.to_string()))?;
    let mut unknown = Vec::new();
    unknown_keys(&value, &typed, &mut String::new(), &mut unknown);
    if !unknown.is_empty() {
        let n = unknown.len();
        unknown.truncate(5);
        let more = if n > 5 { format!(" and {} more", n - 5) } else { String::new() };
        return Err(LoadError::Parse(format!("unknown key(s): {}{more}", unknown.join(", "))));
    }
    checked(ds)
}

fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_else(|| "not JSON".into())
}

/// Records every key of `input` that `typed` (the same data re-serialised from the model)
/// lacks, as a path such as `sources[3].titel`.
fn unknown_keys(input: &JsValue, typed: &JsValue, path: &mut String, out: &mut Vec<String>) {
    if js_sys::Array::is_array(input) {
        let (a, b) = (js_sys::Array::from(input), js_sys::Array::from(typed));
        for i in 0..a.length().min(b.length()) {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            unknown_keys(&a.get(i), &b.get(i), path, out);
            path.truncate(len);
        }
    } else if input.is_object() && typed.is_object() {
        for key in js_sys::Object::keys(input.unchecked_ref::<js_sys::Object>()).iter() {
            let name = key.as_string().unwrap_or_default();
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&name);
            match js_sys::Reflect::has(typed, &key) {
                Ok(true) => {
                    let (i, t) = (js_sys::Reflect::get(input, &key).unwrap_or_default(), js_sys::Reflect::get(typed, &key).unwrap_or_default());
                    unknown_keys(&i, &t, path, out);
                }
                _ => out.push(format!("\"{path}\"")),
            }
            path.truncate(len);
        }
    }
}

/// On a type error, the first record that fails, e.g. `rules[2] (pilot-b11): invalid type: …`
/// (serde-wasm-bindgen's own message does not say where). Each probe is the dataset with every
/// top-level list emptied but one record, so the one typed reader already in the module serves.
fn locate(root: &JsValue) -> Option<String> {
    let root: &js_sys::Object = root.dyn_ref()?;
    let keys: Vec<JsValue> = js_sys::Object::keys(root).iter().filter(|k| js_sys::Array::is_array(&js_sys::Reflect::get(root, k).unwrap_or_default())).collect();
    let probe = |key: Option<(&JsValue, &JsValue)>| -> Result<(), String> {
        let p = js_sys::Object::assign(&js_sys::Object::new(), root);
        for k in &keys {
            let _ = js_sys::Reflect::set(&p, k, &js_sys::Array::new());
        }
        if let Some((k, item)) = key {
            let _ = js_sys::Reflect::set(&p, k, &js_sys::Array::of1(item));
        }
        serde_wasm_bindgen::from_value::<Dataset>(p.into()).map(drop).map_err(|e| e.to_string())
    };
    // Outside the lists (version, asOf, title): the message says which field.
    if let Err(e) = probe(None) {
        return Some(e);
    }
    for k in &keys {
        let list = js_sys::Array::from(&js_sys::Reflect::get(root, k).unwrap_or_default());
        for (i, item) in list.iter().enumerate() {
            if let Err(e) = probe(Some((k, &item))) {
                let id = js_sys::Reflect::get(&item, &"id".into()).ok().and_then(|v| v.as_string());
                let id = id.map(|id| format!(" ({})", crate::i18n::cut(&id))).unwrap_or_default();
                return Some(format!("{}[{i}]{id}: {e}", k.as_string().unwrap_or_default()));
            }
        }
    }
    None
}
