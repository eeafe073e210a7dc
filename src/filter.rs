//! Enterprise filtering with facet counts, and sorting. Pure and allocation-light so that
//! a keystroke over 10,000 records stays well inside a frame.
//!
//! Facet counts follow the usual faceted-search rule: the counts of one facet apply every
//! *other* active filter, so each number says how many results choosing that value would give.
//! Records with no zone, country or published services count under `"unknown"`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::i18n::{Lang, Strings};
use crate::model::{Dataset, Enterprise, Status};

pub const UNKNOWN: &str = "unknown";

/// A record's value(s) for one facet, borrowed from the record.
pub enum Values<'a> {
    /// One value, or `None` when not known (zone, country, status).
    One(Option<&'a str>),
    /// Several values, or `None` when not published (services).
    Many(Option<&'a [String]>),
}

/// One facet of the enterprise list, defined once: the filter, the URL hash, the JS API and
/// the filter bar all read this table. Adding a facet is adding a row (and its label).
pub struct Facet {
    /// Key in the JS API (`filterEnterprises`, `counts`) and the filter bar, e.g. "zone".
    pub id: &'static str,
    /// Key in the URL hash, e.g. "svc".
    pub hash_key: &'static str,
    pub label: fn(&Strings) -> &'static str,
    /// The record's value(s).
    pub values: for<'a> fn(&'a Enterprise) -> Values<'a>,
    /// The values a reader can choose, `(id, label)` in data order.
    pub choices: fn(&Dataset, Lang) -> Vec<(String, String)>,
    /// Whether records may lack a value, so "unknown" is a choice.
    pub has_unknown: bool,
}

/// The facets, in the order the filter bar shows them.
pub const FACETS: [Facet; 4] = [
    Facet::new("zone", "zone", |s| s.filter_zone, |e| Values::One(e.zone.as_deref()), |ds, lang| named(&ds.zones, |z| (&z.id, z.short_name.get(lang)))),
    Facet::new("service", "svc", |s| s.filter_service, |e| Values::Many(e.services.as_deref()), |ds, lang| {
        ds.services.iter().map(|x| (x.id.clone(), crate::explain::service_label(x, lang))).collect()
    }),
    Facet::new("country", "cty", |s| s.filter_country, |e| Values::One(e.parent_country.as_deref()), |ds, lang| {
        named(&ds.countries, |c| (&c.id, c.name.get(lang)))
    }),
    // Every record has a status, so "unknown" is no choice here.
    Facet { has_unknown: false, ..Facet::new("status", "st", |s| s.filter_status, |e| Values::One(Some(e.status.id())), |_, lang| {
        Status::ALL.iter().map(|st| (st.id().to_string(), crate::explain::status_label(*st, lang).to_string())).collect()
    }) },
];

impl Facet {
    /// The values a filter on this facet accepts: the choices' ids, then "unknown" if records
    /// may lack a value.
    pub fn valid_values(&self, ds: &Dataset) -> Vec<String> {
        let mut valid: Vec<String> = (self.choices)(ds, Lang::En).into_iter().map(|(id, _)| id).collect();
        if self.has_unknown {
            valid.push(UNKNOWN.into());
        }
        valid
    }

    const fn new(
        id: &'static str,
        hash_key: &'static str,
        label: fn(&Strings) -> &'static str,
        values: for<'a> fn(&'a Enterprise) -> Values<'a>,
        choices: fn(&Dataset, Lang) -> Vec<(String, String)>,
    ) -> Facet {
        Facet { id, hash_key, label, values, choices, has_unknown: true }
    }
}

fn named<T>(items: &[T], f: impl Fn(&T) -> (&String, &str)) -> Vec<(String, String)> {
    items.iter().map(f).map(|(id, name)| (id.clone(), name.to_string())).collect()
}

/// How many facets there are.
pub const N: usize = FACETS.len();
/// The zone facet: the map's selection is this filter.
pub const ZONE: usize = 0;

/// Position of a facet by id.
pub fn facet(id: &str) -> Option<usize> {
    FACETS.iter().position(|f| f.id == id)
}

/// What the reader filters on: one optional value per facet (`"unknown"` selects records
/// without a value) and a search text.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    pub facets: [Option<String>; N],
    pub text: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.facets.iter().all(Option::is_none) && self.text.as_deref().is_none_or(|t| t.trim().is_empty())
    }
    /// The same filter with one facet set.
    pub fn with(mut self, facet: &str, value: &str) -> Filter {
        if let Some(i) = crate::filter::facet(facet) {
            self.facets[i] = Some(value.to_string());
        }
        self
    }
}

/// Facet counts (by facet position, then value) and the matches in dataset order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterResult {
    /// Positions of the matches in `Dataset::enterprises`.
    pub indices: Vec<usize>,
    /// For each facet, how many results each value would give (the other filters applied):
    /// the values with at least one, in the order the records first show them. (A list, not a
    /// map: a facet has a few dozen values at most.)
    pub counts: [Vec<(String, usize)>; N],
}

impl FilterResult {
    /// How many results `value` of facet `k` would give.
    pub fn count(&self, k: usize, value: &str) -> usize {
        self.counts[k].iter().find(|(v, _)| v == value).map_or(0, |(_, n)| *n)
    }
    /// For the JS API: `{ids, counts: {zone: {...}, service: {...}, ...}}`.
    pub fn to_api(&self, ds: &Dataset) -> ApiResult {
        ApiResult {
            ids: self.indices.iter().map(|i| ds.enterprises[*i].id.clone()).collect(),
            counts: FACETS.iter().zip(&self.counts).map(|(f, c)| (f.id, c.iter().cloned().collect())).collect(),
        }
    }
}

/// `filterEnterprises()`'s result.
#[derive(Serialize)]
pub struct ApiResult {
    pub ids: Vec<String>,
    pub counts: BTreeMap<&'static str, BTreeMap<String, usize>>,
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

/// What a keystroke needs, built once per dataset: lower-cased search text, each record's
/// rank by name in each language, and each record's facet values as small codes (so counting
/// is adding to an array, not looking up strings).
pub struct SearchIndex {
    haystacks: Vec<String>,
    /// Position of each record when sorted by normalised display name, English then Chinese
    /// (ties in dataset order); `u32::MAX` for unidentified records.
    name_rank: [Vec<u32>; 2],
    /// Per facet: the distinct values (`UNKNOWN` for a missing one), in first-seen order.
    values: [Vec<String>; N],
    /// Per facet, per record: the codes (positions in `values`) of the record's values.
    codes: [Vec<Box<[u16]>>; N],
}

impl SearchIndex {
    pub fn new(ds: &Dataset) -> SearchIndex {
        let rank = |lang| {
            let names: Vec<Option<String>> = ds.enterprises.iter().map(|e| display_name(e, lang).map(normalise)).collect();
            let mut order: Vec<usize> = (0..names.len()).filter(|i| names[*i].is_some()).collect();
            sort_positions(&mut order, &|a, b| names[a].cmp(&names[b]));
            let mut rank = vec![u32::MAX; names.len()];
            for (r, i) in order.into_iter().enumerate() {
                rank[i] = r as u32;
            }
            rank
        };
        let mut values: [Vec<String>; N] = Default::default();
        let codes = std::array::from_fn(|k| {
            let seen = &mut values[k];
            let mut code = |v: Option<&str>| -> u16 {
                let v = v.unwrap_or(UNKNOWN);
                match seen.iter().position(|x| x == v) {
                    Some(c) => c as u16,
                    None => {
                        seen.push(v.to_string());
                        (seen.len() - 1) as u16
                    }
                }
            };
            ds.enterprises
                .iter()
                .map(|e| match (FACETS[k].values)(e) {
                    Values::One(v) => Box::from([code(v)]),
                    Values::Many(None) => Box::from([code(None)]),
                    Values::Many(Some(list)) => list.iter().map(|x| code(Some(x))).collect(),
                })
                .collect()
        });
        SearchIndex { haystacks: ds.enterprises.iter().map(haystack).collect(), name_rank: [rank(Lang::En), rank(Lang::Zh)], values, codes }
    }

    /// The code of `value` (`None`: unknown) in facet `k`; `None` when no record has it.
    fn code(&self, k: usize, value: Option<&str>) -> Option<u16> {
        let v = value.unwrap_or(UNKNOWN);
        self.values[k].iter().position(|x| x == v).map(|c| c as u16)
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

/// Base letters of U+00C0..=U+00FF in lower case: accents dropped, `×` and `÷` kept.
const LATIN1: [char; 64] = [
    'a', 'a', 'a', 'a', 'a', 'a', 'æ', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', //
    'ð', 'n', 'o', 'o', 'o', 'o', 'o', '×', 'o', 'u', 'u', 'u', 'u', 'y', 'þ', 'ß', //
    'a', 'a', 'a', 'a', 'a', 'a', 'æ', 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i', //
    'ð', 'n', 'o', 'o', 'o', 'o', 'o', '÷', 'o', 'u', 'u', 'u', 'u', 'y', 'þ', 'y', //
];

/// One letter as search compares it: Latin letters in lower case with the accents of Latin-1
/// dropped (`É` and `é` match `e`), Latin Extended-A, Greek and Cyrillic capitals in lower
/// case. Everything else (Chinese above all) is compared as written. A small rule set rather
/// than `char::to_lowercase`, whose full Unicode tables would add ~5 KB to every download.
fn fold(ch: char) -> char {
    let c = ch as u32;
    let lower = match c {
        0x41..=0x5a | 0x391..=0x3a1 | 0x3a3..=0x3a9 | 0x410..=0x42f => c + 0x20,
        0xc0..=0xff => return LATIN1[(c - 0xc0) as usize],
        0x400..=0x40f => c + 0x50,
        // Latin Extended-A pairs capital + small; which of the pair is the capital changes twice.
        0x100..=0x137 | 0x14a..=0x177 if c.is_multiple_of(2) => c + 1,
        0x139..=0x148 | 0x179..=0x17e if !c.is_multiple_of(2) => c + 1,
        0x178 => return 'y',
        _ => c,
    };
    char::from_u32(lower).unwrap_or(ch)
}

/// Case-, accent- and width-insensitive form used for matching (see [`fold`]): full-width
/// ASCII folded, runs of white space collapsed.
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
        out.push(fold(ch));
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// A validated filter: per facet, `None` = any, `Some(None)` = unknown, `Some(Some(v))` = v.
struct Resolved {
    facets: [Option<Option<String>>; N],
    needle: String,
}

fn resolve(ds: &Dataset, f: &Filter) -> Result<Resolved, FilterError> {
    let mut facets: [Option<Option<String>>; N] = Default::default();
    for (i, (def, value)) in FACETS.iter().zip(&f.facets).enumerate() {
        facets[i] = match value.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(v) => {
                let valid = def.valid_values(ds);
                if !valid.iter().any(|x| x == v) {
                    return Err(FilterError { field: def.id, value: v.to_string(), valid });
                }
                Some((v != UNKNOWN).then(|| v.to_string()))
            }
        };
    }
    Ok(Resolved { facets, needle: normalise(f.text.as_deref().unwrap_or("")) })
}

/// Filters the enterprises: the matches in dataset order and the facet counts. Facet counts
/// follow the usual rule: each facet's counts apply every *other* active filter.
pub fn filter(ds: &Dataset, index: &SearchIndex, f: &Filter) -> Result<FilterResult, FilterError> {
    let r = resolve(ds, f)?;
    // A wanted value no record has matches nothing (`Some(None)`).
    let want: [Option<Option<u16>>; N] = std::array::from_fn(|k| r.facets[k].as_ref().map(|v| index.code(k, v.as_deref())));
    let mut counts: [Vec<usize>; N] = std::array::from_fn(|k| vec![0; index.values[k].len()]);
    let mut out = FilterResult::default();
    for (i, hay) in index.haystacks.iter().enumerate().take(ds.enterprises.len()) {
        if !(r.needle.is_empty() || hay.contains(&r.needle)) {
            continue;
        }
        let pass: [bool; N] = std::array::from_fn(|k| match want[k] {
            None => true,
            Some(None) => false,
            Some(Some(c)) => index.codes[k][i].contains(&c),
        });
        let failing = pass.iter().filter(|p| !**p).count();
        if failing == 0 {
            out.indices.push(i);
        }
        for k in 0..N {
            // Counted when every other facet passes.
            if failing == 0 || (failing == 1 && !pass[k]) {
                for c in index.codes[k][i].iter() {
                    counts[k][*c as usize] += 1;
                }
            }
        }
    }
    out.counts = std::array::from_fn(|k| index.values[k].iter().zip(&counts[k]).filter(|(_, n)| **n > 0).map(|(v, n)| (v.clone(), *n)).collect());
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
    pub fn label(self, s: &Strings) -> &'static str {
        match self {
            SortKey::Name => s.sort_name,
            SortKey::Zone => s.sort_zone,
            SortKey::Date => s.sort_date,
        }
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
    let ranks = &index.name_rank[lang as usize];
    let rank = |i: usize| ranks.get(i).copied().unwrap_or(u32::MAX);
    let zone_rank = |i: usize| -> usize {
        ds.enterprises[i].zone.as_deref().and_then(|z| ds.zones.iter().position(|x| x.id == z)).unwrap_or(usize::MAX)
    };
    // Unidentified records rank last (`u32::MAX`); ties fall to dataset order below.
    let by_name = |a: usize, b: usize| rank(a).cmp(&rank(b));
    let cmp = |a: usize, b: usize| -> std::cmp::Ordering {
        match key {
            SortKey::Name => by_name(a, b),
            SortKey::Zone => zone_rank(a).cmp(&zone_rank(b)).then_with(|| by_name(a, b)),
            SortKey::Date => match (&ds.enterprises[a].approval_date, &ds.enterprises[b].approval_date) {
                (Some(x), Some(y)) => y.cmp(x),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            },
        }
    };
    if limit < list.len() {
        if limit > 0 {
            list.select_nth_unstable_by(limit - 1, |a, b| cmp(*a, *b).then(a.cmp(b)));
        }
        list.truncate(limit);
    }
    sort_positions(&mut list, &cmp);
    list
}

/// What the list shows for one filter: the named records of the page (sorted, the first
/// `shown`), every unidentified record (shown as one group), and how many more named records
/// "Show more" would add (at most `step`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Page {
    pub named: Vec<usize>,
    pub unidentified: Vec<usize>,
    pub more: usize,
}

pub fn page(ds: &Dataset, index: &SearchIndex, r: &FilterResult, key: SortKey, lang: Lang, shown: usize, step: usize) -> Page {
    let (named, unidentified): (Vec<usize>, Vec<usize>) = r.indices.iter().partition(|i| ds.enterprises[**i].identified);
    let more = named.len().saturating_sub(shown).min(step);
    Page { named: sort_top(ds, index, named, key, lang, shown), unidentified, more }
}

/// How many named records the list shows: one page, plus what "Show more" added under the same
/// filter; a new filter starts again at one page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    filter: Filter,
    extra: usize,
}

impl Shown {
    /// The count shown under the filter `now`, pages of `page`.
    pub fn count(&self, page: usize, now: &Filter) -> usize {
        if self.filter == *now {
            page + self.extra
        } else {
            page
        }
    }
    /// After "Show more" under `now`: a page more than is shown now.
    pub fn more(&self, page: usize, now: &Filter) -> Shown {
        Shown { filter: now.clone(), extra: self.count(page, now) }
    }
}

/// Sorts positions by `cmp`, ties in position order. One sort routine for every list of
/// positions (each distinct comparison would otherwise add its own copy of the sort to the
/// wasm).
pub fn sort_positions(list: &mut [usize], cmp: &dyn Fn(usize, usize) -> std::cmp::Ordering) {
    list.sort_unstable_by(|a, b| cmp(*a, *b).then(a.cmp(b)));
}
