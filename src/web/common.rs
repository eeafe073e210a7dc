//! Helpers every view shares: markup regions, zone selection and downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::i18n::Lang;
use crate::markup::Html;
use leptos::html;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use crate::model::{Dataset, Enterprise};

/// Selects (or clears) a zone; the list filter and the checker's place follow.
pub fn select_zone(ctx: Ctx, zone: Option<&str>) {
    let data = ctx.data();
    ctx.state.update(|s| s.select_zone(&data.ds, zone));
}

/// "Area selected on the map: Hainan · Clear selection" while a zone is selected: the map's
/// selection also filters the list and sets the checker's place, so both say so.
pub fn selection_chip(ctx: Ctx, lang: Lang) -> Memo<Html> {
    Memo::new(move |_| crate::markup::selection_chip(&ctx.data().ds, lang, ctx.state.with(|st| st.zone().map(str::to_string)).as_deref()))
}

/// A tab's view as its parts: `html` from `crate::markup`, written once, whose
/// `[data-slot=…]` places are written again whenever their markup changes (`slots`), the one
/// handler `on` for every event inside (click, change, input, key, submit, focus, pointer over
/// and leaving), and `node`, the element its own effects use. The shell makes the element
/// ([`panel`]), so every tab is the same view type.
pub struct Panel {
    pub class: &'static str,
    pub html: Html,
    pub slots: Vec<(&'static str, Memo<Html>)>,
    pub on: Handler,
    pub node: NodeRef<html::Div>,
}

/// The element of a tab's view (see [`Panel`]).
pub fn panel(p: Panel) -> impl IntoView {
    let Panel { class, html, slots, on, node } = p;
    for (name, markup) in slots {
        keep_slot(node, name, markup);
    }
    view! {
        <div
            class=class
            node_ref=node
            inner_html=crate::markup::Html::into_string(html)
            on:click=move |ev| run(on, ev)
            on:change=move |ev| run(on, ev)
            on:input=move |ev| run(on, ev)
            on:keydown=move |ev| run(on, ev)
            on:submit=move |ev| run(on, ev)
            on:focusin=move |ev| run(on, ev)
            on:focusout=move |ev| run(on, ev)
            on:mouseover=move |ev| run(on, ev)
            on:mouseleave=move |ev| run(on, ev)
        ></div>
    }
}

/// A panel's event handler, owned by the view (freed with it).
pub type Handler = StoredValue<Arc<dyn Fn(web_sys::Event) + Send + Sync>>;

/// Makes a panel's event handler.
pub fn handler(f: impl Fn(web_sys::Event) + Send + Sync + 'static) -> Handler {
    StoredValue::new(Arc::new(f))
}

/// Gives an event to a panel's handler. The handler is taken out first, so an event it causes
/// (focus moved by a key press sends `focusout` and `focusin` at once) reaches it too. A panel
/// being removed can still get events (the browser sends `focusout` as a focused button
/// leaves the page) after its handler is gone: those are dropped.
fn run(on: Handler, ev: impl Into<web_sys::Event>) {
    if let Some(f) = on.try_get_value() {
        f(ev.into());
    }
}

/// Writes each new value of `markup` (the first is already there) into the element
/// `[data-slot=name]` of the panel.
fn keep_slot(node: NodeRef<html::Div>, name: &'static str, markup: Memo<Html>) {
    Effect::new(move |seen: Option<()>| {
        markup.with(|h| {
            if let (Some(()), Some(target)) = (seen, node.get_untracked().and_then(|el| slot(&el, name))) {
                dom::set_html(&target, h);
            }
        });
    });
}

/// The element `[data-slot=name]` of a panel.
pub fn slot(panel: &web_sys::Element, name: &str) -> Option<web_sys::Element> {
    panel.query_selector(&format!("[data-slot=\"{name}\"]")).ok().flatten()
}

/// Keeps the text box `[data-input=name]` showing `value` when it changes from elsewhere (a
/// cleared filter, the back button); `same` says whether the box's text already means it.
pub fn keep_value(node: NodeRef<html::Div>, name: &'static str, value: Memo<String>, same: fn(&str, &str) -> bool) {
    Effect::new(move |_| {
        value.with(|v| {
            let input = node.get_untracked().and_then(|el| el.query_selector(&format!("[data-input=\"{name}\"]")).ok().flatten());
            if let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                if !same(&input.value(), v) {
                    input.set_value(v);
                }
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
