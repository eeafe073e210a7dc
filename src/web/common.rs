//! Helpers every view shares: markup regions, zone selection and downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::i18n::Lang;
use crate::marks::{Mark, Select};
use crate::msg::{apply, After, Msg};
use crate::markup::Html;
use leptos::html;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use crate::model::{Dataset, Enterprise};

/// Sends a reader's message from the control `el`: `msg::apply` changes the state, then
/// focus moves or the answer comes into view as it says.
pub fn send(ctx: Ctx, el: &web_sys::Element, msg: Msg) {
    let data = ctx.data();
    let Some(after) = ctx.state.try_update(|st| apply(st, &data.ds, msg)) else { return };
    let root = el.get_root_node();
    match after {
        After::Focus(name) => dom::focus_now(&root, &format!("[id=\"{}\"]", ctx.id(&name))),
        After::FocusNew(name) => dom::focus_by_id(&root, &ctx.id(&name)),
        After::Reveal => dom::reveal_later(&root, &format!("[id=\"{}\"] .vp-answer-box", ctx.id("panel"))),
        After::Nothing => {}
    }
}

/// "Area selected on the map: Hainan · Clear selection" while a zone is selected: the map's
/// selection also filters the list and sets the checker's place, so both say so.
pub fn selection_chip(ctx: Ctx, lang: Lang) -> Memo<Html> {
    Memo::new(move |_| crate::markup::selection_chip(&ctx.data().ds, lang, ctx.state.with(|st| st.zone().map(str::to_string)).as_deref()))
}

/// A tab's view, declared: `html` from `crate::markup`, written once; `live`, every part of
/// it that follows the state afterwards (see [`Live`]); `on`, the one handler for every event
/// inside (click, change, input, key, focus, pointer over and leaving), which turns events into
/// messages (`dom::message`); and `node`, the element. The shell makes the element
/// ([`panel`]), so every tab is the same view type.
pub struct Panel {
    pub class: &'static str,
    pub html: Html,
    pub live: Vec<Live>,
    pub on: Handler,
    pub node: NodeRef<html::Div>,
}

/// A part of a view that follows the state. Each is computed from signals by core functions
/// and written by one mechanism ([`keep`]) when its value changes: views declare them and
/// write nothing else.
pub enum Live {
    /// The markup of `[data-slot=name]` (the first value is already in the panel's `html`).
    Slot(&'static str, Memo<Html>),
    /// The children of `[data-slot=name]`, one element per key: kept elements stay (with focus
    /// and scroll), only new ones are parsed (the first value is already written).
    Keyed(&'static str, Box<dyn Fn() -> Vec<(String, Html)>>),
    /// Selects updated in place: option labels, disabled options, chosen value.
    Selects(Box<dyn Fn() -> Vec<Select>>),
    /// The text of the box `[data-input=name]` when the value changes from elsewhere (a cleared
    /// filter, the back button); `same` says whether the box's text already means it.
    Value(&'static str, Memo<String>, fn(&str, &str) -> bool),
    /// Classes, attributes and styles on elements already on the page.
    Marks(Box<dyn Fn() -> Vec<Mark>>),
}

/// The element of a tab's view (see [`Panel`]).
pub fn panel(p: Panel) -> impl IntoView {
    let Panel { class, html, live, on, node } = p;
    for part in live {
        keep(node, part);
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
            on:submit=move |ev: leptos::ev::SubmitEvent| ev.prevent_default()
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

/// Keeps one live part of the element `node` current: one effect per part, re-run when the
/// signals it reads change. Slots and keyed lists skip their first value (the markup already
/// holds it); the others also run once the element is on the page.
pub fn keep(node: NodeRef<html::Div>, part: Live) {
    match part {
        Live::Slot(name, markup) => Effect::new(move |seen: Option<()>| {
            markup.with(|h| {
                if let (Some(()), Some(target)) = (seen, node.get_untracked().and_then(|el| slot(&el, name))) {
                    dom::set_html(&target, h);
                }
            });
        }),
        // The keys of the elements on screen are remembered here, not read back from the page.
        Live::Keyed(name, items) => Effect::new(move |shown: Option<Vec<String>>| {
            let items = items();
            if let (Some(shown), Some(list)) = (shown, node.get_untracked().and_then(|el| slot(&el, name))) {
                dom::set_keyed(&list, &shown, &items);
            }
            items.into_iter().map(|(key, _)| key).collect()
        }),
        Live::Selects(selects) => Effect::new(move |_| {
            let selects = selects();
            if let Some(el) = node.get() {
                for s in selects {
                    if let Some(select) = el.query_selector(&s.selector).ok().flatten() {
                        dom::set_options(&select, &s.options);
                        dom::set_select_value(&select, &s.value);
                    }
                }
            }
        }),
        Live::Value(name, value, same) => Effect::new(move |_| {
            let input = node.get().and_then(|el| el.query_selector(&format!("[data-input=\"{name}\"]")).ok().flatten());
            value.with(|v| {
                if let Some(input) = input.and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                    if !same(&input.value(), v) {
                        input.set_value(v);
                    }
                }
            });
        }),
        Live::Marks(marks) => Effect::new(move |_| {
            let marks = marks();
            if let Some(el) = node.get() {
                dom::set_marks(&el, &marks);
            }
        }),
    };
}

/// The element `[data-slot=name]` of a panel.
pub fn slot(panel: &web_sys::Element, name: &str) -> Option<web_sys::Element> {
    panel.query_selector(&format!("[data-slot=\"{name}\"]")).ok().flatten()
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
