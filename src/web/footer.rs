//! The footer every news graphic has: source credit, notes, dataset version and date, and
//! "Get the data".

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::i18n::fill;

pub fn footer_view() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let c = ctx;
    move || {
        let lang = c.lang.get();
        let s = lang.strings();
        let credit = fill(s.footer_source, &[("n", &c.ds.sources.len().to_string())]);
        let version = fill(s.dataset_version, &[("version", &c.ds.version), ("date", &c.ds.as_of)]);
        let notes = c
            .ds
            .caveats
            .iter()
            .chain(&c.ds.out_of_scope)
            .map(|n| {
                view! {
                    <li>{n.text.get(lang).to_string()}" "<span class="vp-sources">{super::list::source_links(c, &n.source_ids)}</span></li>
                }
            })
            .collect_view();
        let c_csv = c;
        let c_json = c;
        let all_ids = move |c: Ctx| -> Vec<String> { c.ds.enterprises.iter().map(|e| e.id.clone()).collect() };
        view! {
            <footer class="vp-foot">
                <p>{credit}". "{version}"."</p>
                <details class="vp-notes">
                    <summary>{s.footer_notes}</summary>
                    <ul>{notes}</ul>
                </details>
                <p class="vp-getdata">
                    {s.get_data}": "
                    <button type="button" class="vp-btn vp-btn-link" data-download="all-csv"
                        on:click=move |_| { let _ = dom::download("vats-pilot-enterprises.csv", "text/csv;charset=utf-8", &crate::export::csv(&c_csv.ds, &all_ids(c_csv))); }>
                        "CSV"
                    </button>
                    " · "
                    <button type="button" class="vp-btn vp-btn-link" data-download="all-json"
                        on:click=move |_| { let _ = dom::download("vats-pilot-enterprises.json", "application/json", &crate::export::json(&c_json.ds, &all_ids(c_json))); }>
                        "JSON"
                    </button>
                </p>
                <p class="vp-disclaimer">{s.disclaimer}</p>
            </footer>
        }
    }
}
