//! The widget's UI state and its URL-hash form, so a link reproduces a view and the back
//! button restores the previous one.
//!
//! The hash is shared with the host page and with other widgets on it, so each instance
//! reads and writes only its own keys (`prefix` + key) and keeps every other parameter.

use crate::equity::Equity;
use crate::filter::{Filter, SortKey};
use crate::model::Dataset;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    #[default]
    Map,
    List,
    Checker,
}

impl Tab {
    pub const ALL: [Tab; 3] = [Tab::Map, Tab::List, Tab::Checker];
    pub fn id(self) -> &'static str {
        match self {
            Tab::Map => "map",
            Tab::List => "list",
            Tab::Checker => "checker",
        }
    }
    pub fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.id() == s)
    }
}

/// The checker's answers. `None` = not answered yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answers {
    pub place: Option<String>,
    pub service: Option<String>,
    pub equity: Option<Equity>,
    pub registered: Option<bool>,
    pub facilities: Option<bool>,
}

impl Answers {
    pub fn query(&self) -> Option<crate::eligibility::Query> {
        Some(crate::eligibility::Query {
            place: self.place.clone()?,
            service: self.service.clone()?,
            foreign_equity_pct: self.equity,
            registered_in_place: self.registered,
            facilities_in_place: self.facilities,
        })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct UiState {
    pub tab: Tab,
    /// The selected zone: map selection and list zone filter are this one value.
    pub zone: Option<String>,
    /// List filters other than the zone.
    pub service: Option<String>,
    pub country: Option<String>,
    pub status: Option<String>,
    pub text: String,
    pub sort: SortKey,
    pub answers: Answers,
}

impl UiState {
    /// The enterprise filter this state stands for.
    pub fn filter(&self) -> Filter {
        Filter {
            zone: self.zone.clone(),
            service: self.service.clone(),
            country: self.country.clone(),
            status: self.status.clone(),
            text: if self.text.trim().is_empty() { None } else { Some(self.text.clone()) },
        }
    }

    pub fn clear_filters(&mut self) {
        self.zone = None;
        self.service = None;
        self.country = None;
        self.status = None;
        self.text.clear();
    }

    /// Selects a zone (or clears it) and preselects the checker's place to match.
    pub fn select_zone(&mut self, ds: &Dataset, zone: Option<&str>) {
        self.zone = zone.map(str::to_string);
        if let Some(place) = zone.and_then(|z| place_for_zone(ds, z)) {
            self.answers.place = Some(place.to_string());
        }
    }
}

/// The checker place that stands for a zone (the first place lying in it).
pub fn place_for_zone<'a>(ds: &'a Dataset, zone: &str) -> Option<&'a str> {
    ds.places.iter().find(|p| p.zone.as_deref() == Some(zone)).map(|p| p.id.as_str())
}

const KEYS: [&str; 12] = ["tab", "zone", "svc", "cty", "st", "q", "sort", "place", "cs", "pct", "reg", "fac"];

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as text, invalid UTF-8 replaced.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        out.push(v);
                        i += 3;
                    }
                    None => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn split_hash(hash: &str) -> Vec<(String, String)> {
    hash.trim_start_matches('#')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode_component(k), decode_component(v)),
            None => (decode_component(p), String::new()),
        })
        .collect()
}

/// Reads this instance's state from a hash. Values that do not fit the dataset are dropped
/// and described in the returned notes; nothing else is lost.
pub fn decode(ds: &Dataset, hash: &str, prefix: &str) -> (UiState, Vec<String>) {
    let mut st = UiState::default();
    let mut notes = Vec::new();
    for (k, v) in split_hash(hash) {
        let Some(key) = k.strip_prefix(prefix) else { continue };
        if !KEYS.contains(&key) {
            continue;
        }
        let mut bad = || notes.push(format!("ignored {key}={v}: not a valid value"));
        match key {
            "tab" => match Tab::parse(&v) {
                Some(t) => st.tab = t,
                None => bad(),
            },
            "zone" if ds.zone(&v).is_some() => st.zone = Some(v),
            "svc" if ds.service(&v).is_some() || v == crate::filter::UNKNOWN => st.service = Some(v),
            "cty" if ds.country(&v).is_some() || v == crate::filter::UNKNOWN => st.country = Some(v),
            "st" if crate::model::Status::parse(&v).is_some() => st.status = Some(v),
            "q" => st.text = v,
            "sort" => match SortKey::parse(&v) {
                Some(s) => st.sort = s,
                None => bad(),
            },
            "place" if ds.place(&v).is_some() => st.answers.place = Some(v),
            "cs" if ds.service(&v).is_some() => st.answers.service = Some(v),
            "pct" => match Equity::parse(&v) {
                Ok(p) => st.answers.equity = Some(p),
                Err(_) => bad(),
            },
            "reg" | "fac" => {
                let b = match v.as_str() {
                    "1" | "yes" | "true" => Some(true),
                    "0" | "no" | "false" => Some(false),
                    _ => None,
                };
                match b {
                    Some(b) if key == "reg" => st.answers.registered = Some(b),
                    Some(b) => st.answers.facilities = Some(b),
                    None => bad(),
                }
            }
            _ => bad(),
        }
    }
    (st, notes)
}

/// Writes this instance's state into `existing`, keeping every parameter that is not its own.
/// Default values are left out so that an untouched widget leaves the hash empty.
pub fn encode(existing: &str, prefix: &str, st: &UiState) -> String {
    let mut parts: Vec<String> = split_hash(existing)
        .into_iter()
        .filter(|(k, _)| !k.strip_prefix(prefix).is_some_and(|key| KEYS.contains(&key)))
        .map(|(k, v)| {
            if v.is_empty() {
                encode_component(&k)
            } else {
                format!("{}={}", encode_component(&k), encode_component(&v))
            }
        })
        .collect();
    let mut put = |key: &str, value: &str| {
        parts.push(format!("{}={}", encode_component(&format!("{prefix}{key}")), encode_component(value)));
    };
    if st.tab != Tab::default() {
        put("tab", st.tab.id());
    }
    for (key, v) in [("zone", &st.zone), ("svc", &st.service), ("cty", &st.country), ("st", &st.status)] {
        if let Some(v) = v {
            put(key, v);
        }
    }
    if !st.text.is_empty() {
        put("q", &st.text);
    }
    if st.sort != SortKey::default() {
        put("sort", st.sort.id());
    }
    if let Some(p) = &st.answers.place {
        put("place", p);
    }
    if let Some(s) = &st.answers.service {
        put("cs", s);
    }
    if let Some(p) = st.answers.equity {
        put("pct", &p.to_string());
    }
    if let Some(b) = st.answers.registered {
        put("reg", if b { "1" } else { "0" });
    }
    if let Some(b) = st.answers.facilities {
        put("fac", if b { "1" } else { "0" });
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}
