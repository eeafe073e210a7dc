//! Helpers every view shares: source links and downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::i18n::Lang;
use crate::model::{Dataset, Enterprise};

/// Source links as markup (see `markup::source_links`).
pub fn source_links(ctx: Ctx, lang: Lang, ids: &[String]) -> impl IntoView {
    view! { <span inner_html=crate::markup::source_links(&ctx.data().ds, lang, ids)></span> }
}

/// Offers these enterprises, with their sources, as a CSV or JSON download.
pub fn download_list<'a>(ds: &'a Dataset, records: impl IntoIterator<Item = &'a Enterprise>, csv: bool) {
    let _ = if csv {
        dom::download("vats-pilot-enterprises.csv", "text/csv;charset=utf-8", &crate::export::csv(ds, records))
    } else {
        dom::download("vats-pilot-enterprises.json", "application/json", &crate::export::json(ds, records))
    };
}
