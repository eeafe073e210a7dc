//! Cards and chips: the map's selection chip, the enterprise cards, and the one card (and its
//! summary line) for the approvals no source names.

use super::sources::source_group;
use super::{escape, Html};
use crate::filter::display_name;
use crate::i18n::{fill, Lang};
use crate::model::{Dataset, Enterprise};

/// "Area selected on the map: Hainan · Clear selection" (empty without a selection): the
/// map's selection also filters the list and sets the checker's place.
pub fn selection_chip(ds: &Dataset, lang: Lang, zone: Option<&str>) -> Html {
    let Some(z) = zone.and_then(|z| ds.zone(z)) else { return Html::default() };
    let s = lang.strings();
    Html(format!(
        "<p class=\"vp-chip\" data-testid=\"selection\">{} <button type=\"button\" class=\"vp-btn vp-btn-link\" data-action=\"clear-selection\">{}</button></p>",
        escape(&fill(s.selection_chip, &[("zone", z.short_name.get(lang))])),
        escape(s.clear_selection),
    ))
}

pub(crate) fn zone_name(ds: &Dataset, lang: Lang, id: Option<&str>) -> String {
    id.and_then(|z| ds.zone(z)).map(|z| z.short_name.get(lang).to_string()).unwrap_or_else(|| lang.strings().unknown.to_string())
}

/// "6 not publicly identified, 2 of them in Hainan": the honest line for unnamed records.
pub fn unidentified_summary(ds: &Dataset, lang: Lang, list: &[&Enterprise]) -> String {
    let s = lang.strings();
    let mut text = fill(s.unidentified_group, &[("n", &list.iter().filter(|e| !e.identified).count().to_string())]);
    for (z, k) in crate::summary::unidentified_by_zone(ds, list.iter().copied()) {
        text.push_str(s.list_sep);
        text.push_str(&fill(s.unidentified_in_zone, &[("n", &k.to_string()), ("zone", &zone_name(ds, lang, Some(&z)))]));
    }
    text
}

/// The inside of the one card that stands for the approvals no source names: the honest
/// count and every source that reports them.
pub fn unidentified_card(ds: &Dataset, lang: Lang, list: &[&Enterprise]) -> String {
    let mut ids: Vec<String> = Vec::new();
    for id in list.iter().flat_map(|e| &e.source_ids) {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    format!("<h4 class=\"vp-ent-name\">{}</h4>{}", escape(&unidentified_summary(ds, lang, list)), source_group(ds, lang, &ids))
}

/// The inside of one enterprise card (the `<li>` is the caller's): name, status and area, then
/// the details (open unless `folded`: on a phone a card is one line until asked) with the
/// sources as one control.
pub fn enterprise_card(ds: &Dataset, lang: Lang, e: &Enterprise, folded: bool) -> String {
    let s = lang.strings();
    let name = display_name(e, lang).unwrap_or(s.unidentified_name);
    let mut h = format!("<h4 class=\"vp-ent-name\">{}", escape(name));
    // The other language's name, when it is a different string.
    if let Some(other) = display_name(e, lang.other()).filter(|n| *n != name) {
        h.push_str(&format!(" <span class=\"vp-other-lang\" lang=\"{}\">{}</span>", lang.other().tag(), escape(other)));
    }
    h.push_str(&format!(
        "</h4><p class=\"vp-ent-meta\"><span class=\"vp-badge vp-badge-{}\">{}</span> <span>{}</span></p><details class=\"vp-ent-more\"{}><summary>{}</summary><p class=\"vp-muted\">{}",
        e.status.id(),
        escape(crate::explain::status_label(e.status, lang)),
        escape(&zone_name(ds, lang, e.zone.as_deref())),
        if folded { "" } else { " open" },
        escape(s.details),
        escape(if e.legal_name { s.legal_name } else { s.name_as_reported })
    ));
    if lang == Lang::Zh && e.name_zh.is_none() {
        h.push_str(&format!("{}{}", s.list_sep, escape(s.zh_name_missing)));
    }
    h.push_str("</p><dl class=\"vp-dl\">");
    let mut row = |dt: &str, dd: &str| h.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(dt), escape(dd)));
    let parent = e.parent.as_ref().map(|p| p.get(lang)).unwrap_or(s.unknown);
    let country = e.parent_country.as_deref().and_then(|c| ds.country(c)).map(|c| c.name.get(lang)).unwrap_or(s.unknown);
    row(s.field_parent, &fill(s.with_note, &[("value", parent), ("note", country)]));
    let services = match &e.services {
        None => s.not_published.to_string(),
        Some(list) => list
            .iter()
            .map(|id| ds.service(id).map(|sv| crate::explain::service_label(sv, lang)).unwrap_or_else(|| id.clone()))
            .collect::<Vec<_>>()
            .join("; "),
    };
    row(s.field_services, &services);
    if let Some(a) = &e.activity {
        row(s.field_activity, a.get(lang));
    }
    if let Some(b) = e.batch {
        row(s.field_batch, &fill(s.batch_n, &[("n", &b.to_string()), ("date", e.approval_date.as_deref().unwrap_or(s.unknown))]));
    }
    row(s.confidence, crate::explain::confidence_label(e.confidence, lang));
    h.push_str("</dl>");
    if let Some(n) = &e.note {
        h.push_str(&format!("<p class=\"vp-note\">{}</p>", escape(n.get(lang))));
    }
    h.push_str(&source_group(ds, lang, &e.source_ids));
    h.push_str("</details>");
    h
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;

    #[test]
    fn a_card_carries_names_fields_and_source_links() {
        let ds = embedded();
        let e = ds.enterprise("e-hsbc-fintech").unwrap();
        let en = enterprise_card(ds, Lang::En, e, true);
        assert!(en.contains("HSBC FinTech") && en.contains("汇丰金科") && en.contains("Shanghai"), "{en}");
        assert!(en.contains("href=\"http://regional.chinadaily.com.cn/") && en.contains("rel=\"noopener noreferrer\""));
        let zh = enterprise_card(ds, Lang::Zh, e, false);
        assert!(zh.contains("上海") && zh.contains("来源"), "{zh}");
    }

    #[test]
    fn hostile_data_cannot_inject_markup() {
        let mut ds = embedded().clone();
        let e = ds.enterprises.iter_mut().find(|e| e.id == "e-hsbc-fintech").unwrap();
        e.name_en = Some("<script>alert(1)</script>".into());
        let e = ds.enterprise("e-hsbc-fintech").unwrap().clone();
        let html = enterprise_card(&ds, Lang::En, &e, true);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    }
}
