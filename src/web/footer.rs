//! The footer every news graphic has: source credit, notes, dataset version and date, and
//! "Get the data".

use leptos::prelude::*;

use super::common::{download_list, source_links};
use super::Ctx;
use crate::i18n::{fill, Lang};

pub fn footer_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let data = ctx.data();
    let ds = &data.ds;
    let notes = ds
        .caveats
        .iter()
        .chain(&ds.out_of_scope)
        .map(|n| view! { <li>{n.text.get(lang).to_string()}" " <span class="vp-sources">{source_links(ctx, lang, &n.source_ids)}</span></li> })
        .collect_view();
    let get = move |csv: bool| {
        let data = ctx.data();
        download_list(&data.ds, &data.ds.enterprises, csv);
    };
    view! {
        <footer class="vp-foot">
            <p>
                {fill(s.footer_source, &[("n", &ds.sources.len().to_string())])}". "
                {fill(s.dataset_version, &[("version", &ds.version), ("date", &ds.as_of)])}"."
            </p>
            <details class="vp-notes">
                <summary>{s.footer_notes}</summary>
                <ul>{notes}</ul>
            </details>
            <p class="vp-getdata">
                {s.get_data}{s.colon}
                <button type="button" class="vp-btn vp-btn-link" data-download="all-csv" on:click=move |_| get(true)>"CSV"</button>
                " · "
                <button type="button" class="vp-btn vp-btn-link" data-download="all-json" on:click=move |_| get(false)>"JSON"</button>
            </p>
            <p class="vp-disclaimer">{s.disclaimer}</p>
        </footer>
    }
}
