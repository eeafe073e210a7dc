//! The footer: the credit line, the notes (caveats, scope, what changed), "Get the data" with
//! the published files it links to, and the disclaimer.

use super::sources::{cited_items, source_links};
use super::{escape, Html};
use crate::i18n::{fill, Lang};
use crate::model::Dataset;

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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;

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
}
