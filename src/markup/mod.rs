//! The one place where data becomes markup. Views set `innerHTML` for speed (a card or a map
//! in one DOM call instead of hundreds), but only with strings made here or by the build:
//! every data string goes through [`escape`] (text and quoted attributes alike), and source
//! URLs are validated as http(s) by `validate` before they reach an `href`. Other views use
//! Leptos text nodes and attributes, which the browser never parses as markup.

use crate::filter::display_name;
use crate::i18n::{fill, Lang};
use crate::geo::{MapView, Shape, ShapeClass};
use crate::model::{Dataset, Enterprise};

pub mod checker;
pub mod list;
pub mod map;
pub mod shell;

/// Markup made by this module: data escaped, geometry from the build. Only this module can
/// make one, and it is the only thing a view may set as `innerHTML` (`web::dom::set_html`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
    /// Pieces of markup one after the other (each is already safe, so the whole is).
    pub fn concat<'a>(parts: impl IntoIterator<Item = &'a Html>) -> Html {
        Html(parts.into_iter().map(|h| h.0.as_str()).collect())
    }
}

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

/// `Sources: [S1] [S7]` — links open in a new tab and are named for screen readers.
pub fn source_links(ds: &Dataset, lang: Lang, ids: &[String]) -> String {
    let s = lang.strings();
    format!("<span class=\"vp-src-label\">{}{}</span>{}", escape(s.sources), s.colon, links(ds, lang, ids))
}

/// A record's sources as one control: "Sources (3)" opens the links, so a run of links does not
/// fill the keyboard order; a single source stays a plain link.
pub fn source_group(ds: &Dataset, lang: Lang, ids: &[String]) -> String {
    let n = ids.iter().filter(|id| ds.source(id).is_some()).count();
    if n < 2 {
        return format!("<p class=\"vp-sources\">{}</p>", source_links(ds, lang, ids));
    }
    let s = lang.strings();
    format!(
        "<details class=\"vp-srcs\"><summary>{}</summary><p class=\"vp-sources\">{}</p></details>",
        escape(&fill(s.with_note, &[("value", s.sources), ("note", &n.to_string())])),
        links(ds, lang, ids)
    )
}

/// The links of the sources named by `ids`, each with its full description as its name.
fn links(ds: &Dataset, lang: Lang, ids: &[String]) -> String {
    let s = lang.strings();
    let mut out = String::new();
    for src in ids.iter().filter_map(|id| ds.source(id)) {
        let mut name = format!("{}: {} — {}", fill(s.source_n, &[("id", &src.id)]), src.outlet, src.title);
        if let Some(d) = &src.date {
            name.push_str(&format!(" ({d})"));
        }
        if !src.retrieved {
            name.push_str(&format!(" [{}]", s.not_retrieved));
        }
        out.push_str(&format!(
            "<a class=\"vp-src\" href=\"{href}\" target=\"_blank\" rel=\"noopener noreferrer\" title=\"{name}\" aria-label=\"{name}\">[{id}]</a> ",
            href = escape(&src.url),
            name = escape(&format!("{name} {}", s.opens_new_tab)),
            id = escape(&src.id),
        ));
    }
    out
}

/// A sentence from the data with its sources (one "Sources (n)" control when several).
pub fn cited_line(ds: &Dataset, lang: Lang, (text, sources): &(String, Vec<String>)) -> String {
    format!("<div class=\"vp-later\"><p>{}</p>{}</div>", escape(text), source_group(ds, lang, sources))
}

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
    fn escape_neutralises_markup_in_text_and_attributes() {
        assert_eq!(escape("<img src=x onerror='a'>&\""), "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
    }

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

    #[test]
    fn get_the_data_links_to_the_published_files_or_offers_to_make_them() {
        let ds = embedded();
        let linked = footer(ds, Lang::En, Some("https://cdn.example/vp/")).into_string();
        assert!(linked.contains("<a class=\"vp-btn vp-btn-link\" href=\"https://cdn.example/vp/pilot-enterprises.csv\" download=\"pilot-enterprises.csv\" data-published=\"csv\">CSV</a>"), "{linked}");
        assert!(linked.contains("href=\"https://cdn.example/vp/pilot.json\""), "{linked}");
        assert!(!linked.contains("data-action=\"download"), "no in-browser download when the files are published");
        let made = footer(ds, Lang::Zh, None).into_string();
        assert!(made.contains("data-arg=\"all-csv\"") && made.contains("data-arg=\"all-json\"") && !made.contains("<a class=\"vp-btn"), "{made}");
        assert!(made.contains("获取数据"));
        let hostile = footer(ds, Lang::En, Some("https://x/\"><script>")).into_string();
        assert!(!hostile.contains("<script>"), "{hostile}");
    }

    #[test]
    fn the_files_folder_is_an_http_url_or_a_path() {
        assert_eq!(files_folder("https://cdn.example/vp").as_deref(), Ok("https://cdn.example/vp/"));
        assert_eq!(files_folder(" /widgets/vp/ ").as_deref(), Ok("/widgets/vp/"));
        assert_eq!(files_folder("HTTP://a/").as_deref(), Ok("HTTP://a/"));
        assert_eq!(files_folder("vp/a:b/").as_deref(), Ok("vp/a:b/"), "a colon after a slash is part of a path");
        for bad in ["javascript:alert(1)//", "data:text/html,x", " JavaScript:x", "", "https://a/\nb"] {
            assert!(files_folder(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn geometry_is_plain_path_data() {
        use crate::geo_data::{INSET_SHANGHAI, INSET_SHENZHEN, MAIN};
        for view in [&MAIN, &INSET_SHANGHAI, &INSET_SHENZHEN] {
            for sh in view.shapes {
                assert!(sh.d.chars().all(|c| c.is_ascii_digit() || " .-MmLlHhVvZz".contains(c)), "{}: {}", sh.id, sh.d);
            }
        }
    }

    #[test]
    fn inset_labels_from_data_are_text_not_markup() {
        // A zone name from a `data-src` dataset once reached the inset's SVG unescaped.
        let svg = inset_svg(&crate::geo_data::INSET_SHENZHEN, |_| "</text><image href=x onerror=alert(1)><text>".into(), None);
        assert!(!svg.contains("<image") && !svg.contains("</text><image"), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;image href=x onerror=alert(1)&gt;"));
        assert_eq!(svg.matches("<text").count(), crate::geo_data::INSET_SHENZHEN.markers.len());
    }
}


/// The programme's dated events, oldest first, as an ordered list: each with its date (a
/// `<time>`), what happened, its confidence when not high, and its sources.
/// At most `limit` events are listed (the oldest first), then "Show all N events".
pub fn timeline(ds: &Dataset, lang: Lang, limit: usize) -> Html {
    let s = lang.strings();
    // Oldest first; events of the same date keep the dataset's order.
    let mut order: Vec<usize> = (0..ds.timeline.len()).collect();
    crate::filter::sort_positions(&mut order, &|a, b| ds.timeline[a].date.cmp(&ds.timeline[b].date));
    let events_total = order.len();
    let mut out = String::from("<ol class=\"vp-timeline\">");
    for e in order.into_iter().take(limit).map(|i| &ds.timeline[i]) {
        out.push_str(&format!(
            "<li class=\"vp-event\" data-id=\"{id}\"><time datetime=\"{date}\">{date}</time> <span class=\"vp-event-label\">{label}</span>",
            id = escape(&e.id),
            date = escape(&e.date),
            label = escape(e.label.get(lang)),
        ));
        if e.confidence != crate::model::Confidence::High {
            out.push_str(&format!(" <span class=\"vp-muted\">{}</span>", escape(&fill(s.with_note, &[("value", ""), ("note", crate::explain::confidence_label(e.confidence, lang))]))));
        }
        out.push_str(&source_group(ds, lang, &e.source_ids));
        // The first batch's licence categories, where the batch is told.
        if e.id == crate::summary::FIRST_BATCH_EVENT {
            if let Some(line) = crate::summary::batch_categories_text(ds, lang) {
                out.push_str(&cited_line(ds, lang, &line));
            }
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    if events_total > limit {
        out.push_str(&format!(
            "<button type=\"button\" class=\"vp-btn vp-btn-secondary\" data-action=\"timeline-all\">{}</button>",
            escape(&fill(s.timeline_all, &[("n", &events_total.to_string())]))
        ));
    }
    Html(out)
}

/// The timeline tab: its heading and the events (`events`, from [`timeline`]), kept current
/// in `[data-slot=events]`.
pub fn timeline_panel(lang: Lang, uid: &str, events: &Html) -> Html {
    Html(format!(
        "<h3 class=\"vp-h3\" id=\"{}-h-timeline\" tabindex=\"-1\">{}</h3><div class=\"vp-timeline-events\" data-slot=\"events\">{}</div>",
        escape(uid),
        escape(lang.strings().timeline_heading),
        events.0
    ))
}

/// A list of texts, each followed by its source links: `<li>text <span class="vp-sources">…`.
fn cited_items(ds: &Dataset, lang: Lang, items: impl IntoIterator<Item = (String, Vec<String>)>) -> String {
    let mut out = String::new();
    for (text, sources) in items {
        out.push_str(&format!("<li>{} <span class=\"vp-sources\">{}</span></li>", escape(&text), source_links(ds, lang, &sources)));
    }
    out
}

/// The checker's conditions and reasons for one assessment, with their sources, then the
/// dataset version and the disclaimer.
pub fn assessment_details(ds: &Dataset, a: &crate::eligibility::Assessment, lang: Lang) -> Html {
    let s = lang.strings();
    let mut out = String::new();
    let conditions = crate::explain::conditions(ds, a, lang);
    if !conditions.is_empty() {
        out.push_str(&format!("<h4 class=\"vp-h4\">{}</h4><ul class=\"vp-conditions\">", escape(s.conditions_heading)));
        let items = conditions.into_iter().map(|c| {
            let mut text = c.text;
            if let Some(b) = c.answered {
                let answer = if b { s.answer_yes } else { s.answer_no };
                text.push_str(&fill(s.with_note, &[("value", ""), ("note", &fill(s.your_answer, &[("answer", answer)]))]));
            }
            text.push_str(&fill(s.with_note, &[("value", ""), ("note", crate::explain::confidence_label(c.confidence, lang))]));
            (text, c.source_ids)
        });
        out.push_str(&cited_items(ds, lang, items));
        out.push_str("</ul>");
    }
    out.push_str(&format!("<h4 class=\"vp-h4\">{}</h4><ol class=\"vp-reasons\">", escape(s.reasons_heading)));
    out.push_str(&cited_items(ds, lang, crate::explain::reasons(ds, a, lang).into_iter().map(|r| (r.text, r.source_ids))));
    out.push_str(&format!(
        "</ol><p class=\"vp-muted\">{}</p><p class=\"vp-disclaimer\">{}</p>",
        escape(&fill(s.dataset_version, &[("version", &ds.version), ("date", &ds.as_of)])),
        escape(s.disclaimer)
    ));
    Html(out)
}

/// The comparison of one service across places; the row of `current` place is marked.
pub fn compare_table(ds: &Dataset, rows: &[crate::eligibility::CompareRow], service: &str, current: Option<&str>, lang: Lang) -> Html {
    let s = lang.strings();
    let mut out = format!(
        "<table class=\"vp-compare\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(&fill(s.compare_heading, &[("service", service)])),
        escape(s.compare_place),
        escape(s.compare_verdict),
        escape(s.compare_max),
        escape(s.compare_programme)
    );
    for row in rows {
        let id = ds.places.get(row.place).map(|p| p.id.as_str()).unwrap_or_default();
        let [place, verdict, max, by] = crate::explain::compare_row(ds, row, lang);
        out.push_str(&format!(
            "<tr{} data-place=\"{}\" data-verdict=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            if current == Some(id) { " class=\"vp-current\"" } else { "" },
            escape(id),
            row.assessment.verdict.id(),
            escape(&place),
            escape(&verdict),
            escape(&max),
            escape(&by)
        ));
    }
    out.push_str("</tbody></table>");
    Html(out)
}

/// The published files of the built-in dataset, written by the build next to the widget:
/// the whole dataset as JSON and the enterprises as CSV.
pub const PUBLISHED_JSON: &str = "pilot.json";
pub const PUBLISHED_CSV: &str = "pilot-enterprises.csv";

/// The folder of the published files as a host gives it (`filesUrl`): an http(s) URL or a
/// path, with a `/` added at the end if missing. Any other scheme (`javascript:`, `data:`) is
/// refused, so the link can only lead to a file.
pub fn files_folder(url: &str) -> Result<String, &'static str> {
    let url = url.trim();
    let scheme = url.find(':').filter(|i| !url[..*i].contains(['/', '?', '#'])).map(|i| url[..i].to_ascii_lowercase());
    if url.is_empty() || url.chars().any(char::is_control) || scheme.is_some_and(|s| s != "http" && s != "https") {
        return Err("is not an http(s) URL or path of the folder that holds pilot.json");
    }
    Ok(if url.ends_with('/') { url.to_string() } else { format!("{url}/") })
}

/// The footer every news graphic has: the credit line, the notes (folded; their content,
/// [`notes`], is written when a reader opens them, so a mount parses none of it), "Get the data" and
/// the disclaimer. "Get the data" links to the published files in the folder `files` (a URL
/// ending in `/`); without it (a newer dataset, or a host that did not say where the files
/// are) the widget makes the files itself (buttons).
pub fn footer(ds: &Dataset, lang: Lang, files: Option<&str>) -> Html {
    let s = lang.strings();
    let get = |kind: &str, file: &str, label: &str| match files {
        Some(base) => format!(
            "<a class=\"vp-btn vp-btn-link\" href=\"{}{file}\" download=\"{file}\" data-published=\"{kind}\">{}</a>",
            escape(base),
            escape(label)
        ),
        None => format!(
            "<button type=\"button\" class=\"vp-btn vp-btn-link\" data-action=\"download\" data-arg=\"all-{kind}\">{}</button>",
            escape(label)
        ),
    };
    Html(format!(
        "<p>{}</p><details class=\"vp-notes\"><summary data-action=\"notes\">{}</summary><div data-slot=\"notes\"></div></details>\
         <p class=\"vp-getdata\">{}{}{}{}{}</p><p class=\"vp-disclaimer\">{}</p>",
        escape(&crate::summary::credit_line(ds, lang)),
        escape(s.footer_notes),
        escape(s.get_data),
        escape(s.colon),
        get("csv", PUBLISHED_CSV, s.format_csv),
        escape(s.sep_dot),
        get("json", PUBLISHED_JSON, s.format_json),
        escape(s.disclaimer),
    ))
}

/// The footer's notes: caveats and scope, each with sources, then what changed in each
/// dataset version, newest first.
pub fn notes(ds: &Dataset, lang: Lang) -> Html {
    let s = lang.strings();
    let caveats = ds.caveats.iter().chain(&ds.out_of_scope).map(|n| (n.text.get(lang).to_string(), n.source_ids.clone()));
    let mut out = format!("<ul>{}</ul><h4 class=\"vp-h4\">{}</h4><ul class=\"vp-changes\">", cited_items(ds, lang, caveats), escape(s.what_changed));
    for c in ds.changes_newest_first() {
        out.push_str(&format!(
            "<li data-version=\"{}\">{}",
            escape(&c.version),
            escape(&fill(s.change_entry, &[("version", &c.version), ("date", &c.date), ("summary", c.summary.get(lang))]))
        ));
        if !c.source_ids.is_empty() {
            out.push_str(&format!(" <span class=\"vp-sources\">{}</span>", source_links(ds, lang, &c.source_ids)));
        }
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    Html(out)
}

/// What the map's fills mean: pilot area, hatched (only part of the outline is in the pilot;
/// pattern `hatch`), point (too small to draw), outside this guide.
pub fn legend(lang: Lang, hatch: &str) -> String {
    let s = lang.strings();
    let swatch = |inner: String, label: &str| {
        format!("<li><svg class=\"vp-swatch\" viewBox=\"0 0 20 14\" aria-hidden=\"true\">{inner}</svg>{}</li>", escape(label))
    };
    let zone = "<rect class=\"vp-shape vp-shape-zone\" width=\"20\" height=\"14\"></rect>";
    [
        format!("<h4 class=\"vp-h4 vp-legend-h\">{}</h4><ul>", escape(s.legend_heading)),
        swatch(zone.into(), s.legend_zone),
        swatch(
            format!("{}{zone}<rect class=\"vp-hatch\" fill=\"url(#{})\" width=\"20\" height=\"14\"></rect>", hatch_pattern(hatch, 5), escape(hatch)),
            s.legend_partial,
        ),
        swatch("<circle class=\"vp-marker\" cx=\"10\" cy=\"7\" r=\"5\"></circle>".into(), s.legend_point),
        swatch("<rect class=\"vp-shape vp-shape-outside\" width=\"20\" height=\"14\"></rect>".into(), s.legend_outside),
        "</ul>".into(),
    ]
    .concat()
}

fn shape_class(c: ShapeClass) -> &'static str {
    match c {
        ShapeClass::Zone => "vp-shape vp-shape-zone",
        ShapeClass::Province => "vp-shape vp-shape-province",
        ShapeClass::Outside => "vp-shape vp-shape-outside",
        ShapeClass::Neighbour => "vp-shape vp-shape-neighbour",
    }
}

/// The shapes of a map view that `keep` selects, as SVG paths. Geometry comes from the build
/// (`geo_data.rs`), never from a dataset.
pub fn map_shapes(view: &MapView, keep: impl Fn(&Shape) -> bool) -> String {
    let mut out = String::new();
    for s in view.shapes.iter().filter(|s| keep(s)) {
        out.push_str("<path class=\"");
        out.push_str(shape_class(s.class));
        out.push_str("\" d=\"");
        // Path data is a build-time constant of digits, spaces and path commands (checked by
        // `geometry_is_plain_path_data` below), so it needs no escaping.
        out.push_str(s.d);
        out.push_str("\"></path>");
    }
    out
}

/// The hatch over a zone the map draws larger than its pilot area: the same outline, filled
/// with the stripes of pattern `pattern` (see [`hatch_pattern`]). Geometry from the build.
pub fn map_hatch(view: &MapView, zone: &str, pattern: &str) -> String {
    let mut out = String::new();
    for s in view.shapes.iter().filter(|s| s.zone == Some(zone)) {
        out.push_str(&format!("<path class=\"vp-hatch\" fill=\"url(#{})\" d=\"{}\"></path>", escape(pattern), s.d));
    }
    out
}

/// The stripe pattern for partly covered zones, with id `id`, stripes `size` units apart in
/// the coordinates of the SVG that holds it (each map, inset and swatch has its own).
pub fn hatch_pattern(id: &str, size: u32) -> String {
    let size = size.max(3);
    format!(
        "<defs><pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"{size}\" height=\"{size}\" patternTransform=\"rotate(45)\"><rect class=\"vp-hatch-line\" width=\"{}\" height=\"{size}\"></rect></pattern></defs>",
        escape(id),
        size * 2 / 5
    )
}

/// A locator inset: sea, land, the zone's shapes, and each marker with its label. Labels may
/// come from a dataset (zone names), so they are escaped like any data.
/// `hatch`: the zone drawn larger than its pilot area and the pattern id to hatch it with.
pub fn inset_svg(view: &MapView, label: impl Fn(&str) -> String, hatch: Option<(&str, &str)>) -> String {
    let mut svg = String::from("<rect class=\"vp-sea\" x=\"-2000\" y=\"-2000\" width=\"5000\" height=\"5000\"></rect>");
    svg.push_str(&map_shapes(view, |s| s.zone.is_none()));
    svg.push_str(&map_shapes(view, |s| s.zone.is_some()));
    if let Some((zone, pattern)) = hatch {
        svg.push_str(&hatch_pattern(pattern, (view.view_box[2] / 30.0) as u32));
        svg.push_str(&map_hatch(view, zone, pattern));
    }
    for m in view.markers {
        svg.push_str(&format!(
            "<circle class=\"vp-marker-halo\" cx=\"{x}\" cy=\"{y}\" r=\"60\"></circle><circle class=\"vp-marker\" cx=\"{x}\" cy=\"{y}\" r=\"24\"></circle><text class=\"vp-label vp-label-inset\" x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{name}</text>",
            x = m.cx,
            y = m.cy,
            tx = m.x.round() as i32 - 44,
            ty = m.y.round() as i32 + 20,
            name = escape(&label(m.id)),
        ));
    }
    svg
}
