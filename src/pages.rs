//! Build-time page generation: the static summary for readers without JavaScript (written
//! into the pages' fallback regions by `src/bin/pages.rs`) and the oEmbed document. Runs in
//! the build, never in the reader's browser; all data text goes through [`escape`].

use crate::filter::display_name;
use crate::i18n::{fill, Lang};
use crate::markup::{cited_line, escape, source_links, unidentified_summary, zone_name};
use crate::model::{Dataset, Enterprise, Status};

/// A static summary of the dataset for readers without JavaScript (and until the widget
/// runs): the areas, the headline counts, the identified approvals with sources, the credit.
pub fn fallback(ds: &Dataset, lang: Lang) -> String {
    let s = lang.strings();
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
    let headline = crate::summary::headline_text(ds, lang);
    out.push_str(&format!("<p><strong>{}</strong></p>", escape(&headline)));
    for line in crate::summary::figure_lines(ds, lang) {
        out.push_str(&cited_line(ds, lang, &line));
    }
    out.push_str("<ul>");
    for e in ds.enterprises.iter().filter(|e| e.status == Status::Approved && e.identified) {
        out.push_str(&format!(
            "<li>{} {}</li>",
            escape(&fill(s.with_note, &[("value", display_name(e, lang).unwrap_or_default()), ("note", &zone_name(ds, lang, e.zone.as_deref()))])),
            source_links(ds, lang, &e.source_ids)
        ));
    }
    let unnamed: Vec<&Enterprise> = ds.enterprises.iter().filter(|e| e.status == Status::Approved && !e.identified).collect();
    out.push_str(&format!("<li>{}</li></ul>", escape(&unidentified_summary(ds, lang, &unnamed))));
    out.push_str(&format!("<p><small>{} {}</small></p></div>", escape(&crate::summary::credit_line(ds, lang)), escape(s.disclaimer)));
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
