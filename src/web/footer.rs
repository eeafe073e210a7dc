//! The footer every news graphic has: source credit, notes, dataset version and date, and
//! "Get the data".

use leptos::prelude::*;

use super::common::download_list;
use super::Ctx;
use crate::i18n::Lang;

pub fn footer_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let data = ctx.data();
    let ds = &data.ds;
    let get = move |csv: bool| {
        let data = ctx.data();
        download_list(&data.ds, &data.ds.enterprises, csv);
    };
    view! {
        <footer class="vp-foot">
            <p>{crate::summary::credit_line(ds, lang)}</p>
            <details class="vp-notes">
                <summary>{s.footer_notes}</summary>
                <div inner_html=crate::markup::notes(ds, lang)></div>
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
