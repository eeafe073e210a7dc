//! Numbers derived from the data for headlines, zone cards and the unidentified group.
//! Nothing here is hard-coded: every count comes from records and figures.

use crate::i18n::{count, fill, Lang};
pub use crate::model::{BATCH_CATEGORIES_FIGURE, FIRST_BATCH_EVENT, FIRST_BATCH_FIGURE, LATEST_TOTAL_FIGURE};
use crate::model::{Dataset, Enterprise, Figure, Status};

#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// Approvals in the first batch, as the figure states (falls back to the record count).
    pub first_batch_total: usize,
    /// Date of the first batch.
    pub first_batch_date: Option<String>,
    /// Approved first-batch records with a public name.
    pub identified: usize,
    /// Approved first-batch records without one.
    pub unidentified: usize,
    /// Unidentified approvals per zone id (only zones with at least one), in zone order.
    pub unidentified_by_zone: Vec<(String, usize)>,
    /// A later cumulative figure, if the data has one.
    pub later_total: Option<Figure>,
}

fn first_batch(e: &Enterprise) -> bool {
    e.status == Status::Approved && e.batch == Some(1)
}

pub fn headline(ds: &Dataset) -> Headline {
    let batch: Vec<&Enterprise> = ds.enterprises.iter().filter(|e| first_batch(e)).collect();
    let figure = ds.figure(FIRST_BATCH_FIGURE);
    let identified = batch.iter().filter(|e| e.identified).count();
    let unidentified: Vec<&&Enterprise> = batch.iter().filter(|e| !e.identified).collect();
    Headline {
        first_batch_total: figure.and_then(|f| f.value).map(|v| v as usize).unwrap_or(batch.len()),
        first_batch_date: figure.and_then(|f| f.as_of.clone()),
        identified,
        unidentified: unidentified.len(),
        unidentified_by_zone: unidentified_by_zone(ds, unidentified.iter().map(|e| **e)),
        later_total: ds.figure(LATEST_TOTAL_FIGURE).cloned(),
    }
}

/// Counts unidentified records per zone, in the dataset's zone order.
pub fn unidentified_by_zone<'a>(ds: &Dataset, list: impl Iterator<Item = &'a Enterprise>) -> Vec<(String, usize)> {
    let list: Vec<&Enterprise> = list.filter(|e| !e.identified).collect();
    ds.zones
        .iter()
        .map(|z| (z.id.clone(), list.iter().filter(|e| e.zone.as_deref() == Some(z.id.as_str())).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ZoneSummary {
    /// Approved records known to be in the zone.
    pub approved: usize,
    pub unidentified: usize,
}

pub fn zone_summary(ds: &Dataset, zone: &str) -> ZoneSummary {
    let mut s = ZoneSummary::default();
    for e in ds.enterprises.iter().filter(|e| e.zone.as_deref() == Some(zone) && e.status == Status::Approved) {
        s.approved += 1;
        if !e.identified {
            s.unidentified += 1;
        }
    }
    s
}

/// "13 approved in the first batch (2025-02-28) — 7 publicly identified": the list's headline
/// and the no-JS summary's, written once.
pub fn headline_text(ds: &Dataset, lang: Lang) -> String {
    let s = lang.strings();
    let h = headline(ds);
    fill(
        s.headline,
        &[
            ("total", &h.first_batch_total.to_string()),
            ("date", h.first_batch_date.as_deref().unwrap_or(s.unknown)),
            ("identified", &h.identified.to_string()),
        ],
    )
}

/// The later cumulative figure in words, with its doubts (the figure's note) and its sources,
/// when the data has one.
pub fn later_text(ds: &Dataset, lang: Lang) -> Option<(String, Vec<String>)> {
    let s = lang.strings();
    let f = ds.figure(LATEST_TOTAL_FIGURE)?;
    let text = fill(
        s.headline_later,
        &[
            ("n", &count(f.value?)),
            ("date", f.as_of.as_deref().unwrap_or(s.unknown)),
            ("confidence", crate::explain::confidence_label(f.confidence, lang)),
            ("note", f.note.as_ref().map(|n| n.get(lang)).unwrap_or_default()),
        ],
    );
    Some((text.trim_end().to_string(), f.source_ids.clone()))
}

/// The data's sentences that follow the headline wherever the batch is described (the list,
/// the no-JS summary): the batch's licence categories, then the later total with its doubt.
pub fn figure_lines(ds: &Dataset, lang: Lang) -> Vec<(String, Vec<String>)> {
    [batch_categories_text(ds, lang), later_text(ds, lang)].into_iter().flatten().collect()
}

/// The licence categories the first batch was granted, as a whole ("Licence categories granted
/// in the first batch: B14 …. For the batch as a whole: …"), with its sources, when the data
/// has that figure.
pub fn batch_categories_text(ds: &Dataset, lang: Lang) -> Option<(String, Vec<String>)> {
    let s = lang.strings();
    let f = ds.figure(BATCH_CATEGORIES_FIGURE)?;
    let text = fill(
        s.figure_sentence,
        &[
            ("label", f.label.get(lang)),
            ("value", f.display.as_ref()?.get(lang)),
            ("note", f.note.as_ref().map(|n| n.get(lang)).unwrap_or_default()),
        ],
    );
    Some((text.trim_end().to_string(), f.source_ids.clone()))
}

/// The credit line: how many sources, which dataset version and date.
pub fn credit_line(ds: &Dataset, lang: Lang) -> String {
    let s = lang.strings();
    fill(
        s.footer_line,
        &[
            ("source", &fill(s.footer_source, &[("n", &ds.sources.len().to_string())])),
            ("version", &fill(s.dataset_version, &[("version", &ds.version), ("date", &ds.as_of)])),
        ],
    )
}
