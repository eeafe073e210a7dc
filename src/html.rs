//! Static markup built as escaped HTML strings: enterprise cards and source links. The list
//! sets each card with one `innerHTML` (one DOM call instead of hundreds), and the no-JS
//! fallback page is generated from the same functions. Every data string goes through
//! [`escape`]; source URLs are validated as http(s) by `validate`.

use crate::filter::display_name;
use crate::i18n::{fill, Lang, Strings};
use crate::model::{Confidence, Dataset, Enterprise, Status};

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn confidence_label(lang: Lang, c: Confidence) -> &'static str {
    let s = lang.strings();
    match c {
        Confidence::High => s.conf_high,
        Confidence::Medium => s.conf_medium,
        Confidence::Low => s.conf_low,
    }
}

pub fn status_label(s: &Strings, st: Status) -> &'static str {
    match st {
        Status::Approved => s.status_approved,
        Status::ReportedApplicant => s.status_reported_applicant,
    }
}

/// `Sources: [S1] [S7]` — links open in a new tab and are named for screen readers.
pub fn source_links(ds: &Dataset, lang: Lang, ids: &[String]) -> String {
    let s = lang.strings();
    let mut out = format!("<span class=\"vp-src-label\">{}{}</span>", escape(s.sources), s.colon);
    for src in ids.iter().filter_map(|id| ds.source(id)) {
        let mut name = format!("{}: {} — {}", fill(s.source_n, &[("id", &src.id)]), src.outlet, src.title);
        if let Some(d) = &src.date {
            name.push_str(&format!(" ({d})"));
        }
        if !src.retrieved {
            name.push_str(&format!(" [{}]", s.not_retrieved));
        }
        out.push_str(&format!(
            "<a class=\"vp-src\" href=\"{href}\" target=\"_blank\" rel=\"noopener noreferrer\" title=\"{name}\" aria-label=\"{aria}\">[{id}]</a> ",
            href = escape(&src.url),
            name = escape(&name),
            aria = escape(&format!("{name} {}", s.opens_new_tab)),
            id = escape(&src.id),
        ));
    }
    out
}

fn zone_name(ds: &Dataset, lang: Lang, id: Option<&str>) -> String {
    id.and_then(|z| ds.zone(z)).map(|z| z.short_name.get(lang).to_string()).unwrap_or_else(|| lang.strings().unknown.to_string())
}

/// "6 not publicly identified, 2 of them in Hainan": the honest line for unnamed records.
pub fn unidentified_summary(ds: &Dataset, lang: Lang, list: &[&Enterprise]) -> String {
    let s = lang.strings();
    let mut text = fill(s.unidentified_group, &[("n", &list.iter().filter(|e| !e.identified).count().to_string())]);
    for (z, k) in crate::summary::unidentified_by_zone(ds, list.iter().copied()) {
        text.push_str(if lang == Lang::Zh { "，" } else { ", " });
        text.push_str(&fill(s.unidentified_in_zone, &[("n", &k.to_string()), ("zone", &zone_name(ds, lang, Some(&z)))]));
    }
    text
}

/// The inside of one enterprise card (the `<li>` is the caller's).
pub fn enterprise_card(ds: &Dataset, lang: Lang, e: &Enterprise) -> String {
    let s = lang.strings();
    let name = display_name(e, lang).unwrap_or(s.unidentified_name);
    let mut h = format!("<h4 class=\"vp-ent-name\">{}", escape(name));
    // The other language's name, when it is a different string.
    if let Some(other) = display_name(e, lang.other()).filter(|n| *n != name) {
        h.push_str(&format!(" <span class=\"vp-other-lang\" lang=\"{}\">{}</span>", lang.other().tag(), escape(other)));
    }
    h.push_str("</h4><p class=\"vp-ent-meta\">");
    h.push_str(&format!(
        "<span class=\"vp-badge vp-badge-{}\">{}</span> <span class=\"vp-muted\">{}</span>",
        e.status.id(),
        escape(status_label(s, e.status)),
        escape(if e.legal_name { s.legal_name } else { s.name_as_reported })
    ));
    if lang == Lang::Zh && e.name_zh.is_none() {
        h.push_str(&format!(" · <span class=\"vp-muted\">{}</span>", escape(s.zh_name_missing)));
    }
    h.push_str("</p><dl class=\"vp-dl\">");
    let mut row = |dt: &str, dd: &str| h.push_str(&format!("<dt>{}</dt><dd>{}</dd>", escape(dt), escape(dd)));
    let parent = e.parent.as_ref().map(|p| p.get(lang)).unwrap_or(s.unknown);
    let country = e.parent_country.as_deref().and_then(|c| ds.country(c)).map(|c| c.name.get(lang)).unwrap_or(s.unknown);
    row(s.field_parent, &fill(s.with_note, &[("value", parent), ("note", country)]));
    row(s.field_zone, &zone_name(ds, lang, e.zone.as_deref()));
    let services = match &e.services {
        None => s.not_published.to_string(),
        Some(list) => list
            .iter()
            .map(|id| ds.service(id).map(|sv| format!("{} {}", sv.code, sv.name.get(lang))).unwrap_or_else(|| id.clone()))
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
    row(s.confidence, confidence_label(lang, e.confidence));
    h.push_str("</dl>");
    if let Some(n) = &e.note {
        h.push_str(&format!("<p class=\"vp-note\">{}</p>", escape(n.get(lang))));
    }
    h.push_str(&format!("<p class=\"vp-sources\">{}</p>", source_links(ds, lang, &e.source_ids)));
    h
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;

    #[test]
    fn escape_neutralises_markup_in_text_and_attributes() {
        assert_eq!(escape("<img src=x onerror='a'>&\""), "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
    }

    #[test]
    fn a_card_carries_names_fields_and_source_links() {
        let ds = embedded();
        let e = ds.enterprise("e-hsbc-fintech").unwrap();
        let en = enterprise_card(ds, Lang::En, e);
        assert!(en.contains("HSBC FinTech") && en.contains("汇丰金科") && en.contains("Shanghai"), "{en}");
        assert!(en.contains("href=\"http://regional.chinadaily.com.cn/") && en.contains("rel=\"noopener noreferrer\""));
        let zh = enterprise_card(ds, Lang::Zh, e);
        assert!(zh.contains("上海") && zh.contains("来源"), "{zh}");
    }

    #[test]
    fn hostile_data_cannot_inject_markup() {
        let mut ds = embedded().clone();
        let e = ds.enterprises.iter_mut().find(|e| e.id == "e-hsbc-fintech").unwrap();
        e.name_en = Some("<script>alert(1)</script>".into());
        let e = ds.enterprise("e-hsbc-fintech").unwrap().clone();
        let html = enterprise_card(&ds, Lang::En, &e);
        assert!(!html.contains("<script>") && html.contains("&lt;script&gt;"));
    }
}

/// A static summary of the dataset for readers without JavaScript (and until the widget
/// runs): the areas, the headline counts, the identified approvals with sources, the credit.
pub fn fallback(ds: &Dataset, lang: Lang) -> String {
    let s = lang.strings();
    let h = crate::summary::headline(ds);
    let mut out = format!("<div class=\"vp-fallback\" lang=\"{}\">", lang.tag());
    out.push_str(&format!(
        "<p><strong>{}</strong>{}{} <em>{}</em></p>",
        escape(s.widget_title),
        s.colon,
        escape(s.widget_subtitle),
        escape(s.fallback_note)
    ));
    out.push_str(&format!("<p><strong>{}</strong></p><ul>", escape(s.zones_list_heading)));
    for z in &ds.zones {
        out.push_str(&format!("<li><strong>{}</strong>{}{}</li>", escape(z.short_name.get(lang)), s.colon, escape(z.extent.get(lang))));
    }
    out.push_str("</ul>");
    let headline = fill(
        s.headline,
        &[
            ("total", &h.first_batch_total.to_string()),
            ("date", h.first_batch_date.as_deref().unwrap_or(s.unknown)),
            ("identified", &h.identified.to_string()),
        ],
    );
    out.push_str(&format!("<p><strong>{}</strong></p><ul>", escape(&headline)));
    for e in ds.enterprises.iter().filter(|e| e.status == Status::Approved && e.identified) {
        out.push_str(&format!(
            "<li>{} {}</li>",
            escape(&fill(s.with_note, &[("value", display_name(e, lang).unwrap_or_default()), ("note", &zone_name(ds, lang, e.zone.as_deref()))])),
            source_links(ds, lang, &e.source_ids)
        ));
    }
    let unnamed: Vec<&Enterprise> = ds.enterprises.iter().filter(|e| e.status == Status::Approved && !e.identified).collect();
    out.push_str(&format!("<li>{}</li></ul>", escape(&unidentified_summary(ds, lang, &unnamed))));
    out.push_str(&format!(
        "<p><small>{}. {}. {}</small></p></div>",
        escape(&fill(s.footer_source, &[("n", &ds.sources.len().to_string())])),
        escape(&fill(s.dataset_version, &[("version", &ds.version), ("date", &ds.as_of)])),
        escape(s.disclaimer)
    ));
    out
}

/// Replaces every `<!-- vats-pilot:fallback LANG -->…<!-- /vats-pilot:fallback -->` region in
/// a page with the generated fallback for LANG. Returns `None` when the page has no region.
pub fn fill_fallback_regions(ds: &Dataset, page: &str) -> Option<String> {
    const OPEN: &str = "<!-- vats-pilot:fallback ";
    const CLOSE: &str = "<!-- /vats-pilot:fallback -->";
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    let mut found = false;
    while let Some(start) = rest.find(OPEN) {
        let after_open = &rest[start + OPEN.len()..];
        let lang_end = after_open.find(" -->")?;
        let lang = crate::i18n::Lang::parse(&after_open[..lang_end])?;
        let body_start = start + OPEN.len() + lang_end + 4;
        let close = rest[body_start..].find(CLOSE)? + body_start;
        out.push_str(&rest[..body_start]);
        out.push_str(&fallback(ds, lang));
        out.push_str(CLOSE);
        rest = &rest[close + CLOSE.len()..];
        found = true;
    }
    out.push_str(rest);
    found.then_some(out)
}

/// The oEmbed document (`type: rich`) for the iframe embed served at `public_url`.
pub fn oembed(public_url: &str) -> String {
    let base = if public_url.ends_with('/') { public_url.to_string() } else { format!("{public_url}/") };
    let s = Lang::En.strings();
    let iframe = format!(
        "<iframe src=\"{base}embed.html?view=all&lang=en\" title=\"{}\" width=\"100%\" height=\"900\" style=\"border:0;width:100%;\" loading=\"lazy\"></iframe><script src=\"{base}embed-parent.js\" async></script>",
        escape(s.widget_title)
    );
    let doc = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "vats-pilot",
        "provider_url": base,
        "title": s.widget_title,
        "width": 680,
        "height": 900,
        "html": iframe,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}
