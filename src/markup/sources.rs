//! Citation markup every part of the widget shares: a record's source links, the "Sources (n)"
//! control, and sentences or lists of texts each followed by their sources.

use super::escape;
use crate::i18n::{fill, Lang};
use crate::model::Dataset;

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

/// A list of texts, each followed by its source links: `<li>text <span class="vp-sources">…`.
pub(super) fn cited_items(ds: &Dataset, lang: Lang, items: impl IntoIterator<Item = (String, Vec<String>)>) -> String {
    let mut out = String::new();
    for (text, sources) in items {
        out.push_str(&format!("<li>{} <span class=\"vp-sources\">{}</span></li>", escape(&text), source_links(ds, lang, &sources)));
    }
    out
}
