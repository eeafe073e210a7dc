//! The widget's UI state and its URL-hash form, so a link reproduces a view and the back
//! button restores the previous one.
//!
//! The hash is shared with the host page and with other widgets on it, so each instance
//! reads and writes only its own keys (`prefix` + key) and keeps every other parameter.

use crate::eligibility::Query;
use crate::equity::Equity;
use crate::filter::{Filter, SortKey, FACETS, ZONE};
use crate::model::Dataset;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tab {
    #[default]
    Map,
    List,
    Checker,
    Timeline,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Map, Tab::List, Tab::Checker, Tab::Timeline];
    pub fn id(self) -> &'static str {
        match self {
            Tab::Map => "map",
            Tab::List => "list",
            Tab::Checker => "checker",
            Tab::Timeline => "timeline",
        }
    }
    pub fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.id() == s)
    }
    pub fn label(self, s: &crate::i18n::Strings) -> &'static str {
        match self {
            Tab::Map => s.tab_map,
            Tab::List => s.tab_list,
            Tab::Checker => s.tab_checker,
            Tab::Timeline => s.tab_timeline,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct UiState {
    pub tab: Tab,
    /// The list's filters. Its zone facet is also the map's selection: one value.
    pub filter: Filter,
    pub sort: SortKey,
    /// The checker's answers.
    pub answers: Query,
    /// The share box holds text that is not a share (the last valid share is kept). Not in
    /// the URL hash: it describes the box, not an answer.
    pub share_refused: bool,
}

impl UiState {
    /// The selected zone (map selection and list zone filter).
    pub fn zone(&self) -> Option<&str> {
        self.filter.facets[ZONE].as_deref()
    }

    pub fn clear_filters(&mut self) {
        self.filter = Filter::default();
    }

    /// Selects a zone (or clears it) and preselects the checker's place to match.
    pub fn select_zone(&mut self, ds: &Dataset, zone: Option<&str>) {
        self.filter.facets[ZONE] = zone.map(str::to_string);
        if let Some(place) = zone.and_then(|z| place_for_zone(ds, z)) {
            self.answers.place = Some(place.to_string());
        }
    }

    /// The list of areas' buttons toggle: pressing the selected zone clears the selection,
    /// any other selects it. Decided from the state, never from the page.
    pub fn toggle_zone(&mut self, ds: &Dataset, zone: &str) {
        let next = (self.zone() != Some(zone)).then_some(zone);
        self.select_zone(ds, next);
    }
}

/// The checker place that stands for a zone (the first place lying in it).
pub fn place_for_zone<'a>(ds: &'a Dataset, zone: &str) -> Option<&'a str> {
    ds.places.iter().find(|p| p.zone.as_deref() == Some(zone)).map(|p| p.id.as_str())
}

/// Hash keys besides the facets' and the questions' own.
pub const FIXED_KEYS: [&str; 6] = ["tab", "q", "sort", "place", "cs", "pct"];

/// Whether the state already uses `key` in the hash (a question may not reuse it).
pub fn is_reserved(key: &str) -> bool {
    FIXED_KEYS.contains(&key) || FACETS.iter().any(|f| f.hash_key == key)
}

fn owns(ds: &Dataset, key: &str) -> bool {
    is_reserved(key) || ds.questions.iter().any(|q| q.hash_key == key)
}

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
        let ok = if let Some(i) = FACETS.iter().position(|f| f.hash_key == key) {
            let fits = FACETS[i].valid_values(ds).contains(&v);
            fits.then(|| st.filter.facets[i] = Some(v.clone())).is_some()
        } else if let Some(q) = ds.questions.iter().find(|q| q.hash_key == key) {
            let b = match v.as_str() {
                "1" | "yes" | "true" => Some(true),
                "0" | "no" | "false" => Some(false),
                _ => None,
            };
            b.map(|b| st.answers.answers.insert(q.id.clone(), b)).is_some()
        } else {
            match key {
                "tab" => Tab::parse(&v).map(|t| st.tab = t).is_some(),
                "q" => {
                    st.filter.text = (!v.is_empty()).then(|| v.clone());
                    true
                }
                "sort" => SortKey::parse(&v).map(|s| st.sort = s).is_some(),
                "place" => ds.place(&v).is_some().then(|| st.answers.place = Some(v.clone())).is_some(),
                "cs" => ds.service(&v).is_some().then(|| st.answers.service = Some(v.clone())).is_some(),
                "pct" => Equity::parse(&v).map(|p| st.answers.foreign_equity_pct = Some(p)).is_ok(),
                _ => continue,
            }
        };
        if !ok {
            notes.push(format!("ignored {key}={}: not a valid value", crate::i18n::cut(&v)));
        }
    }
    (st, notes)
}

/// Writes this instance's state into `existing`, keeping every parameter that is not its own.
/// Default values are left out so that an untouched widget leaves the hash empty.
pub fn encode(ds: &Dataset, existing: &str, prefix: &str, st: &UiState) -> String {
    let mut parts: Vec<String> = split_hash(existing)
        .into_iter()
        .filter(|(k, _)| !k.strip_prefix(prefix).is_some_and(|key| owns(ds, key)))
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
    for (def, v) in FACETS.iter().zip(&st.filter.facets) {
        if let Some(v) = v {
            put(def.hash_key, v);
        }
    }
    if let Some(text) = st.filter.text.as_deref().filter(|t| !t.is_empty()) {
        put("q", text);
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
    if let Some(p) = st.answers.foreign_equity_pct {
        put("pct", &p.to_string());
    }
    for q in &ds.questions {
        if let Some(b) = st.answers.answered(&q.id) {
            put(&q.hash_key, if b { "1" } else { "0" });
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("#{}", parts.join("&"))
    }
}
