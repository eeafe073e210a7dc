//! Helpers every view shares: source links and downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::i18n::{fill, Lang};
use crate::model::{Dataset, Enterprise};

/// A labelled form control: `<div class=…><label for=id>label</label>control</div>`.
pub fn field(class: &'static str, id: String, label: &'static str, control: impl IntoView) -> impl IntoView {
    view! {
        <div class=class>
            <label for=id>{label}</label>
            {control}
        </div>
    }
}

/// Selects (or clears) a zone; the list filter and the checker's place follow.
pub fn select_zone(ctx: Ctx, zone: Option<&str>) {
    let data = ctx.data();
    ctx.state.update(|s| s.select_zone(&data.ds, zone));
}

/// "Area selected on the map: Hainan ×": the map's selection also filters the list and sets
/// the checker's place, so the other views say so and offer to clear it.
pub fn selection_chip(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let zone = Memo::new(move |_| ctx.state.with(|st| st.zone().map(str::to_string)));
    move || {
        let id = zone.get()?;
        let name = ctx.data().ds.zone(&id).map(|z| z.short_name.get(lang).to_string())?;
        let clear = move |_| select_zone(ctx, None);
        Some(view! {
            <p class="vp-chip" data-testid="selection">
                {fill(s.selection_chip, &[("zone", &name)])}
                " "
                <button type="button" class="vp-btn vp-btn-link" data-action="clear-selection" on:click=clear>{s.clear_selection}</button>
            </p>
        })
    }
}

/// Source links as markup (see `markup::source_links`).
pub fn source_links(ctx: Ctx, lang: Lang, ids: &[String]) -> impl IntoView {
    view! { <span inner_html=crate::markup::source_links(&ctx.data().ds, lang, ids)></span> }
}

/// Offers these enterprises, with their sources, as a CSV or JSON download. The JSON text is
/// written by the browser's `JSON.stringify` (no JSON writer in the wasm).
pub fn download_list<'a>(ds: &'a Dataset, records: impl IntoIterator<Item = &'a Enterprise>, csv: bool) {
    let _ = if csv {
        dom::download("vats-pilot-enterprises.csv", "text/csv;charset=utf-8", &crate::export::csv(ds, records))
    } else {
        let doc = crate::export::json_doc(ds, records);
        let ser = serde_wasm_bindgen::Serializer::json_compatible();
        let text = serde::Serialize::serialize(&doc, &ser)
            .ok()
            .and_then(|v| js_sys::JSON::stringify_with_replacer_and_space(&v, &wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::from(2)).ok())
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        dom::download("vats-pilot-enterprises.json", "application/json", &text)
    };
}
