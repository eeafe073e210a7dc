//! Typing a dataset from parsed JSON, field by field, for any JSON value backend: the browser's
//! `JSON.parse` result in the wasm (`web::dataset_json`, so the wasm carries no JSON parser)
//! and `serde_json::Value` natively (the property tests run this very code). Every problem is
//! named by its path: a key the model does not know (`unknown key "sources[2].titel"`, with
//! the accepted keys), a missing field, a value of the wrong type. Each record's reader comes
//! from its declaration (`record!` in `model.rs`); this file holds the primitives.
//!
//! A field that is absent or `null` is missing when required, `None` for an `Option`, and its
//! default for a field declared `or default`.

use crate::model::{Dataset, Text};

/// A parsed JSON value as the reader sees it.
pub trait JsonValue: Clone {
    /// A plain object (not an array, not null).
    fn is_object(&self) -> bool;
    /// An object's own keys.
    fn keys(&self) -> Vec<String>;
    /// An object's value at `key`; `None` when absent or null.
    fn get(&self, key: &str) -> Option<Self>;
    /// An array's items; `None` when not an array.
    fn items(&self) -> Option<Vec<Self>>;
    fn string(&self) -> Option<String>;
    fn number(&self) -> Option<f64>;
    fn boolean(&self) -> Option<bool>;
    /// What the value is, for a message: `null`, `string "x"`, `number 5`, `an array` …
    fn describe(&self) -> String;
}

/// A type read from a parsed JSON value.
pub trait FromJson: Sized {
    /// Reads the value at `at` (present, not null); problems are reported to `r`.
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self;
    /// A placeholder after a problem (the result is then refused as a whole).
    fn empty() -> Self;
    /// The value when the key is absent or null; `None`: the field is required.
    fn absent() -> Option<Self> {
        None
    }
}

/// Types a whole dataset; on problems, the first five (and how many more), joined by "; ".
pub fn read<V: JsonValue>(v: &V) -> Result<Dataset, String> {
    let mut r = Reader { errors: Vec::new(), more: 0 };
    let ds = Dataset::read(&mut r, v, String::new());
    if r.errors.is_empty() {
        return Ok(ds);
    }
    let more = if r.more > 0 { format!("; and {} more", r.more) } else { String::new() };
    Err(format!("{}{more}", r.errors.join("; ")))
}

/// `at.key`, or `key` at the top level.
fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

/// The problems found so far.
pub struct Reader {
    errors: Vec<String>,
    more: usize,
}

/// An object being read: its path for messages; `v` is `None` when it was not an object
/// (already reported, so its fields are not reported again).
pub struct Obj<V> {
    v: Option<V>,
    at: String,
}

impl Reader {
    fn fail(&mut self, at: &str, what: &str) {
        if self.errors.len() < 5 {
            self.errors.push(format!("{at}: {what}"));
        } else {
            self.more += 1;
        }
    }
    fn wrong<V: JsonValue>(&mut self, at: &str, v: &V, expected: &str) {
        self.fail(at, &format!("invalid type: {}, expected {expected}", v.describe()));
    }

    /// `got` (what `v` holds as the type wanted), or the empty value after reporting that `v`
    /// is not `expected`.
    fn expect<T: Default, V: JsonValue>(&mut self, got: Option<T>, at: &str, v: &V, expected: &str) -> T {
        got.unwrap_or_else(|| {
            self.wrong(at, v, expected);
            T::default()
        })
    }

    /// `v` as an object with exactly these keys (missing ones are reported by each field).
    pub fn object<V: JsonValue>(&mut self, v: &V, at: String, keys: &[&str]) -> Obj<V> {
        let ok = v.is_object();
        if ok {
            for k in v.keys() {
                if !keys.contains(&k.as_str()) {
                    self.fail(&format!("unknown key \"{}\"", join(&at, &k)), &format!("accepted keys: {}", keys.join(", ")));
                }
            }
        } else {
            self.wrong(if at.is_empty() { "dataset" } else { &at }, v, "an object");
        }
        Obj { v: ok.then(|| v.clone()), at }
    }
    /// A field; when absent or null, reported missing unless its type allows that.
    pub fn field<T: FromJson, V: JsonValue>(&mut self, o: &Obj<V>, key: &str) -> T {
        let Some(obj) = &o.v else { return T::empty() };
        match obj.get(key) {
            Some(v) => T::read(self, &v, join(&o.at, key)),
            None => T::absent().unwrap_or_else(|| {
                self.fail(&join(&o.at, key), "missing");
                T::empty()
            }),
        }
    }
    /// A field declared `or default`: its default when absent or null.
    pub fn field_or_default<T: FromJson + Default, V: JsonValue>(&mut self, o: &Obj<V>, key: &str) -> T {
        match o.v.as_ref().and_then(|obj| obj.get(key)) {
            Some(v) => T::read(self, &v, join(&o.at, key)),
            None => T::default(),
        }
    }
    /// One of `ids` (the JSON spelling), as its position.
    pub fn choice<V: JsonValue>(&mut self, v: &V, at: &str, ids: &[&str]) -> usize {
        match v.string().and_then(|s| ids.iter().position(|n| *n == s)) {
            Some(i) => i,
            None => {
                self.fail(at, &format!("invalid value: {}, expected one of: {}", v.describe(), ids.join(", ")));
                0
            }
        }
    }
    /// A whole number up to `max`.
    fn whole<V: JsonValue>(&mut self, v: &V, at: &str, max: u32) -> u32 {
        match v.number() {
            Some(n) if n >= 0.0 && n <= f64::from(max) && n.fract() == 0.0 => n as u32,
            _ => {
                self.wrong(at, v, &format!("a whole number from 0 to {max}"));
                0
            }
        }
    }
}

impl FromJson for String {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        r.expect(v.string(), &at, v, "a string")
    }
    fn empty() -> Self {
        String::new()
    }
}

impl FromJson for bool {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        r.expect(v.boolean(), &at, v, "a boolean")
    }
    fn empty() -> Self {
        false
    }
}

impl FromJson for f64 {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        r.expect(v.number(), &at, v, "a number")
    }
    fn empty() -> Self {
        0.0
    }
}

impl FromJson for u8 {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        r.whole(v, &at, u8::MAX.into()) as u8
    }
    fn empty() -> Self {
        0
    }
}

impl FromJson for u32 {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        r.whole(v, &at, u32::MAX)
    }
    fn empty() -> Self {
        0
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        Some(T::read(r, v, at))
    }
    fn empty() -> Self {
        None
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        match v.items() {
            Some(items) => items.iter().enumerate().map(|(i, item)| T::read(r, item, format!("{at}[{i}]"))).collect(),
            None => {
                r.wrong(&at, v, "an array");
                Vec::new()
            }
        }
    }
    fn empty() -> Self {
        Vec::new()
    }
}

impl FromJson for Text {
    fn read<V: JsonValue>(r: &mut Reader, v: &V, at: String) -> Self {
        let o = r.object(v, at, &["en", "zh"]);
        Text { en: r.field(&o, "en"), zh: r.field(&o, "zh") }
    }
    fn empty() -> Self {
        Text::default()
    }
}

/// Native: `serde_json`'s values, for tools and tests.
#[cfg(not(target_arch = "wasm32"))]
impl JsonValue for &serde_json::Value {
    fn is_object(&self) -> bool {
        serde_json::Value::is_object(self)
    }
    fn keys(&self) -> Vec<String> {
        self.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
    }
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object()?.get(key).filter(|v| !v.is_null())
    }
    fn items(&self) -> Option<Vec<Self>> {
        Some(self.as_array()?.iter().collect())
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(String::from)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn describe(&self) -> String {
        use serde_json::Value;
        let cut = |s: &str| match s.char_indices().nth(40) {
            Some((i, _)) => format!("{}…", &s[..i]),
            None => s.to_string(),
        };
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => format!("boolean {b}"),
            Value::Number(n) => format!("number {}", cut(&n.to_string())),
            Value::String(s) => format!("string \"{}\"", cut(s)),
            Value::Array(_) => "an array".into(),
            Value::Object(_) => "an object".into(),
        }
    }
}
