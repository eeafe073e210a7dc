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
    let changes = ds
        .changes_newest_first()
        .map(|c| {
            let line = fill(s.change_entry, &[("version", &c.version), ("date", &c.date), ("summary", c.summary.get(lang))]);
            let sources = (!c.source_ids.is_empty()).then(|| view! { " " <span class="vp-sources">{source_links(ctx, lang, &c.source_ids)}</span> });
            view! { <li data-version=c.version.clone()>{line}{sources}</li> }
        })
        .collect_view();
    let get = move |csv: bool| {
        let data = ctx.data();
        download_list(&data.ds, &data.ds.enterprises, csv);
    };
    view! {
        <footer class="vp-foot">
            <p>{crate::summary::credit_line(ds, lang)}</p>
            <details class="vp-notes">
                <summary>{s.footer_notes}</summary>
                <ul>{notes}</ul>
                <h4 class="vp-h4">{s.what_changed}</h4>
                <ul class="vp-changes">{changes}</ul>
            </details>
            <p class="vp-getdata">
                {s.get_data}{s.colon}
                <button type="button" class="vp-btn vp-btn-link" data-download="all-csv" on:click=move |_| get(true)>{s.format_csv}</button>
                {s.sep_dot}
                <button type="button" class="vp-btn vp-btn-link" data-download="all-json" on:click=move |_| get(false)>{s.format_json}</button>
            </p>
            <p class="vp-disclaimer">{s.disclaimer}</p>
        </footer>
    }
}
