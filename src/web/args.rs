//! Reading arguments from JavaScript strictly: an argument must be a plain object, every key
//! must be one the function accepts, and every value must have the expected type. Errors name
//! the function, the key and what was received (long values cut), and list what is accepted.
//!
//! (serde-wasm-bindgen only looks up the keys a struct declares, so a misspelt key would be
//! silently ignored; this reader sees every key.)

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsError, JsValue};

use crate::i18n::cut;

/// A number as JavaScript writes it (the browser formats it: no float formatting in the wasm).
pub fn number_text(n: f64) -> String {
    js_sys::Number::from(n).to_string_with_radix(10).map(String::from).unwrap_or_default()
}

/// What a value is, for an error message: `null`, `undefined`, `string "#app"`, `number 5`,
/// `an array`, `a Document`, `a Text`, `a function`.
pub fn describe(v: &JsValue) -> String {
    if v.is_null() {
        return "null".into();
    }
    if v.is_undefined() {
        return "undefined".into();
    }
    if let Some(s) = v.as_string() {
        return format!("string \"{}\"", cut(&s));
    }
    if let Some(n) = v.as_f64() {
        return format!("number {}", cut(&number_text(n)));
    }
    if let Some(b) = v.as_bool() {
        return format!("boolean {b}");
    }
    if v.is_function() {
        return "a function".into();
    }
    if js_sys::Array::is_array(v) {
        return "an array".into();
    }
    let name = Reflect::get(v, &"constructor".into())
        .ok()
        .and_then(|c| Reflect::get(&c, &"name".into()).ok())
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty());
    match name {
        Some(n) => format!("a {}", cut(&n)),
        None => "an object".into(),
    }
}

/// The named-argument object of one API call.
pub struct Args {
    what: &'static str,
    obj: JsValue,
}

impl Args {
    /// Checks that `v` is a plain object whose keys are all in `accepted`.
    pub fn new(what: &'static str, v: JsValue, accepted: &[&str]) -> Result<Args, JsError> {
        let is_object = v.is_object() && !v.is_function() && !js_sys::Array::is_array(&v);
        if !is_object {
            return Err(JsError::new(&format!(
                "{what}: expected an object with keys {} (got {})",
                accepted.join(", "),
                describe(&v)
            )));
        }
        let obj: &Object = v.unchecked_ref();
        for key in Object::keys(obj).iter() {
            let key = key.as_string().unwrap_or_default();
            if !accepted.contains(&key.as_str()) {
                return Err(JsError::new(&format!(
                    "{what}: unknown key \"{}\"; accepted keys: {}",
                    cut(&key),
                    accepted.join(", ")
                )));
            }
        }
        Ok(Args { what, obj: v })
    }

    /// Whether the caller passed this key (even as `null`).
    pub fn has(&self, key: &str) -> bool {
        Reflect::has(&self.obj, &key.into()).unwrap_or(false)
    }

    fn get(&self, key: &str) -> Option<JsValue> {
        Reflect::get(&self.obj, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn wrong(&self, key: &str, expected: &str, v: &JsValue) -> JsError {
        JsError::new(&format!("{}: {key} must be {expected} (got {})", self.what, describe(v)))
    }

    /// A string value; `null` or absent is `None`.
    pub fn string(&self, key: &str) -> Result<Option<String>, JsError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or_else(|| self.wrong(key, "a string", &v)),
        }
    }

    /// A string value that must be present.
    #[cfg(feature = "full")]
    pub fn required_string(&self, key: &str) -> Result<String, JsError> {
        self.string(key)?.ok_or_else(|| JsError::new(&format!("{}: {key} is required (a string)", self.what)))
    }

    /// A number value; `null` or absent is `None`.
    #[cfg(feature = "full")]
    pub fn number(&self, key: &str) -> Result<Option<f64>, JsError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or_else(|| self.wrong(key, "a number", &v)),
        }
    }

    /// A boolean value; `null` or absent is `None`.
    #[cfg(feature = "full")]
    pub fn boolean(&self, key: &str) -> Result<Option<bool>, JsError> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => v.as_bool().map(Some).ok_or_else(|| self.wrong(key, "true or false", &v)),
        }
    }

    /// An error about this call's `key` (a value of the right type that is not valid).
    pub fn invalid(&self, key: &str, value: &str, why: &str) -> JsError {
        JsError::new(&format!("{}: {key} \"{}\" {why}", self.what, cut(value)))
    }
}

/// The element a widget mounts into: anything else (`null`, a selector string, the document,
/// a text node) is refused with an error that says what was passed.
pub fn element(what: &str, v: &JsValue) -> Result<web_sys::HtmlElement, JsError> {
    // `nodeType` 1 is an element, also one from another frame (where `instanceof` fails).
    let node_type = if v.is_object() { Reflect::get(v, &"nodeType".into()).ok().and_then(|n| n.as_f64()) } else { None };
    if node_type == Some(1.0) {
        return Ok(v.clone().unchecked_into());
    }
    Err(JsError::new(&format!("{what}: target must be an element, e.g. document.querySelector('#app') (got {})", describe(v))))
}
