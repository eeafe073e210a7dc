//! Helpers every view shares: markup regions, zone selection and downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::markup::Html;
use leptos::html;
use crate::model::{Dataset, Enterprise};

/// Selects (or clears) a zone; the list filter and the checker's place follow.
pub fn select_zone(ctx: Ctx, zone: Option<&str>) {
    let data = ctx.data();
    ctx.state.update(|s| s.select_zone(&data.ds, zone));
}

/// A `<div class=…>` holding markup from `crate::markup`, rendered again whenever what
/// `render` reads changes (and only when the markup differs). Keyboard focus inside stays on
/// the element with the same id.
pub fn region(class: &'static str, render: impl Fn() -> Html + Send + Sync + 'static) -> impl IntoView {
    let markup = Memo::new(move |_| render());
    let node: NodeRef<html::Div> = NodeRef::new();
    keep_current(markup, node);
    view! { <div class=class node_ref=node inner_html=crate::markup::Html::into_string(markup.get_untracked())></div> }
}

/// Writes each new value of `markup` into the element (the first is already there).
fn keep_current(markup: Memo<Html>, node: NodeRef<html::Div>) {
    Effect::new(move |seen: Option<()>| {
        markup.with(|h| {
            if let (Some(()), Some(el)) = (seen, node.get_untracked()) {
                dom::set_html(&el, h);
            }
        });
    });
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
