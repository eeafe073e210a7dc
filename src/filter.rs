//! Enterprise filtering with facet counts, and sorting. Pure and allocation-light so that
//! a keystroke over 10,000 records stays well inside a frame.
//!
//! Facet counts follow the usual faceted-search rule: the counts of one facet apply every
//! *other* active filter, so each number says how many results choosing that value would give.
//! Records with no zone, country or published services count under `"unknown"`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;
use crate::model::{Dataset, Enterprise, Status};

pub const UNKNOWN: &str = "unknown";

#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filter {
    #[serde(default)]
    pub zone: Option<String>,
    #[serde(default)]
    pub service: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.zone.is_none()
            && self.service.is_none()
            && self.country.is_none()
            && self.status.is_none()
            && self.text.as_deref().is_none_or(|t| t.trim().is_empty())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Facets {
    pub zone: BTreeMap<String, usize>,
    pub service: BTreeMap<String, usize>,
    pub country: BTreeMap<String, usize>,
    pub status: BTreeMap<String, usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FilterResult {
    pub ids: Vec<String>,
    pub counts: Facets,
    /// Positions of the matches in `Dataset::enterprises` (for views; not part of the JS API).
    #[serde(skip)]
    pub indices: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FilterError {
    pub field: &'static str,
    pub value: String,
    pub valid: Vec<String>,
}

impl std::fmt::Display for FilterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown {} \"{}\"; valid values: {}", self.field, crate::i18n::cut(&self.value), self.valid.join(", "))
    }
}

impl std::error::Error for FilterError {}

/// Lower-cased search text and sort keys per enterprise, built once per dataset.
pub struct SearchIndex {
    haystacks: Vec<String>,
    /// Normalised display names, English then Chinese; `None` for unidentified records.
    names: [Vec<Option<String>>; 2],
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        let names = |lang| ds.enterprises.iter().map(|e| display_name(e, lang).map(normalise)).collect();
        SearchIndex { haystacks: ds.enterprises.iter().map(haystack).collect(), names: [names(Lang::En), names(Lang::Zh)] }
    }
}

fn haystack(e: &Enterprise) -> String {
    let mut h = String::new();
    for part in [e.name_en.as_deref(), e.name_zh.as_deref()].into_iter().flatten() {
        h.push_str(part);
        h.push('\u{1f}');
    }
    if let Some(p) = &e.parent {
        h.push_str(&p.en);
        h.push('\u{1f}');
        h.push_str(&p.zh);
    }
    normalise(&h)
}

/// Case- and width-insensitive form used for matching: lower case, full-width ASCII folded,
/// runs of white space collapsed.
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for ch in s.chars() {
        let ch = match ch {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(ch as u32 - 0xfee0).unwrap_or(ch),
            '\u{3000}' => ' ',
            _ => ch,
        };
        if ch.is_whitespace() {
            if !space && !out.is_empty() {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(ch.to_lowercase());
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

struct Resolved {
    zone: Option<Option<String>>,
    service: Option<Option<String>>,
    country: Option<Option<String>>,
    status: Option<Status>,
    needle: String,
}

fn resolve(
    field: &'static str,
    value: &Option<String>,
    valid: Vec<String>,
) -> Result<Option<Option<String>>, FilterError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(UNKNOWN) => Ok(Some(None)),
        Some(v) if valid.iter().any(|x| x == v) => Ok(Some(Some(v.to_string()))),
        Some(v) => {
            let mut valid = valid;
            valid.push(UNKNOWN.into());
            Err(FilterError { field, value: v.to_string(), valid })
        }
    }
}

fn resolve_all(ds: &Dataset, f: &Filter) -> Result<Resolved, FilterError> {
    let status = match f.status.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(Status::parse(v).ok_or_else(|| FilterError {
            field: "status",
            value: v.to_string(),
            valid: Status::ALL.iter().map(|s| s.id().to_string()).collect(),
        })?),
    };
    Ok(Resolved {
        zone: resolve("zone", &f.zone, ds.zones.iter().map(|z| z.id.clone()).collect())?,
        service: resolve("service", &f.service, ds.services.iter().map(|s| s.id.clone()).collect())?,
        country: resolve("country", &f.country, ds.countries.iter().map(|c| c.id.clone()).collect())?,
        status,
        needle: normalise(f.text.as_deref().unwrap_or("")),
    })
}

/// Which filters one record passes; facet counts need all but one of them.
struct Pass {
    zone: bool,
    service: bool,
    country: bool,
    status: bool,
    text: bool,
}

impl Pass {
    fn of(e: &Enterprise, hay: &str, r: &Resolved) -> Pass {
        Pass {
            zone: r.zone.as_ref().is_none_or(|z| e.zone.as_deref() == z.as_deref()),
            country: r.country.as_ref().is_none_or(|c| e.parent_country.as_deref() == c.as_deref()),
            status: r.status.is_none_or(|s| e.status == s),
            service: r.service.as_ref().is_none_or(|s| match (s, &e.services) {
                (None, None) => true,
                (Some(want), Some(list)) => list.iter().any(|x| x == want),
                _ => false,
            }),
            text: r.needle.is_empty() || hay.contains(&r.needle),
        }
    }
}

fn bump(map: &mut BTreeMap<String, usize>, key: Option<&str>) {
    let key = key.unwrap_or(UNKNOWN);
    match map.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            map.insert(key.to_string(), 1);
        }
    }
}

/// Filters the enterprises; ids come in dataset order.
pub fn filter(ds: &Dataset, index: &SearchIndex, f: &Filter) -> Result<FilterResult, FilterError> {
    let mut out = filter_indices(ds, index, f)?;
    out.ids = out.indices.iter().map(|i| ds.enterprises[*i].id.clone()).collect();
    Ok(out)
}

/// As [`filter`], without copying ids: positions and counts only (what a view needs).
pub fn filter_indices(ds: &Dataset, index: &SearchIndex, f: &Filter) -> Result<FilterResult, FilterError> {
    let r = resolve_all(ds, f)?;
    let mut out = FilterResult::default();
    for (i, (e, hay)) in ds.enterprises.iter().zip(&index.haystacks).enumerate() {
        let p = Pass::of(e, hay, &r);
        if !p.text {
            continue;
        }
        if p.zone && p.service && p.country && p.status {
            out.indices.push(i);
        }
        if p.service && p.country && p.status {
            bump(&mut out.counts.zone, e.zone.as_deref());
        }
        if p.zone && p.service && p.status {
            bump(&mut out.counts.country, e.parent_country.as_deref());
        }
        if p.zone && p.service && p.country {
            bump(&mut out.counts.status, Some(e.status.id()));
        }
        if p.zone && p.country && p.status {
            match &e.services {
                None => bump(&mut out.counts.service, None),
                Some(list) => list.iter().for_each(|s| bump(&mut out.counts.service, Some(s))),
            }
        }
    }
    Ok(out)
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortKey {
    #[default]
    Name,
    Zone,
    Date,
}

impl SortKey {
    pub const ALL: [SortKey; 3] = [SortKey::Name, SortKey::Zone, SortKey::Date];
    pub fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Zone => "zone",
            SortKey::Date => "date",
        }
    }
    pub fn parse(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.id() == s)
    }
}

/// The name a reader sees for a record in a language; `None` for unidentified records.
pub fn display_name(e: &Enterprise, lang: Lang) -> Option<&str> {
    match lang {
        Lang::En => e.name_en.as_deref().or(e.name_zh.as_deref()),
        Lang::Zh => e.name_zh.as_deref().or(e.name_en.as_deref()),
    }
}

/// Sorts enterprise positions for display and keeps the first `limit`: names alphabetically
/// (unidentified last), zones in dataset order, approval dates newest first (undated last);
/// ties keep dataset order. Only the kept part is fully sorted, so a page of 50 out of 10,000
/// costs a selection, not a full sort.
pub fn sort_top(ds: &Dataset, index: &SearchIndex, mut list: Vec<usize>, key: SortKey, lang: Lang, limit: usize) -> Vec<usize> {
    let names = &index.names[lang as usize];
    let name = |i: usize| names.get(i).and_then(|n| n.as_deref());
    let zone_rank = |i: usize| -> usize {
        ds.enterprises[i].zone.as_deref().and_then(|z| ds.zones.iter().position(|x| x.id == z)).unwrap_or(usize::MAX)
    };
    let by_name = |a: usize, b: usize| match (name(a), name(b)) {
        (Some(x), Some(y)) => x.cmp(y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    };
    let cmp = |a: &usize, b: &usize| -> std::cmp::Ordering {
        let (a, b) = (*a, *b);
        let primary = match key {
            SortKey::Name => by_name(a, b),
            SortKey::Zone => zone_rank(a).cmp(&zone_rank(b)).then_with(|| by_name(a, b)),
            SortKey::Date => match (&ds.enterprises[a].approval_date, &ds.enterprises[b].approval_date) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
        };
        primary.then(a.cmp(&b))
    };
    if limit < list.len() {
        if limit > 0 {
            list.select_nth_unstable_by(limit - 1, cmp);
        }
        list.truncate(limit);
    }
    list.sort_unstable_by(cmp);
    list
}
