//! Small browser helpers: URL hash, history, downloads, focus. Every call tolerates a missing
//! window or element (as in some embeds) and does nothing rather than failing.

use wasm_bindgen::{JsCast, JsValue};

pub fn current_hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Writes `hash` to the address bar: a new history entry (`push`) or in place.
pub fn write_hash(hash: &str, push: bool) {
    let Some(w) = web_sys::window() else { return };
    let Ok(history) = w.history() else { return };
    let loc = w.location();
    let base = format!("{}{}", loc.pathname().unwrap_or_default(), loc.search().unwrap_or_default());
    let url = if hash.is_empty() { base } else { format!("{base}{hash}") };
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Offers `content` as a file download named `filename`.
pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let document = window.document().ok_or_else(|| JsValue::from_str("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("hidden", "")?;
    // The link is remembered on the body for the length of the click so tests can read it.
    let body = document.body().ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: some browsers read the blob after the click returns.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
    Ok(())
}

fn find(root: &web_sys::Node, selector: &str) -> Option<web_sys::Element> {
    if let Some(sr) = root.dyn_ref::<web_sys::ShadowRoot>() {
        sr.query_selector(selector).ok().flatten()
    } else if let Some(doc) = root.dyn_ref::<web_sys::Document>() {
        doc.query_selector(selector).ok().flatten()
    } else {
        root.dyn_ref::<web_sys::Element>().and_then(|e| e.query_selector(selector).ok().flatten())
    }
}

fn focus_el(el: &web_sys::Element) {
    if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
        let _ = h.focus();
    } else if let Some(s) = el.dyn_ref::<web_sys::SvgElement>() {
        let _ = s.focus();
    }
}

/// Focuses the first match of `selector` in `root` (a document or shadow root) now: for
/// elements that stay in place (tabs, map zones, form fields), so fast key presses follow.
pub fn focus_now(root: &web_sys::Node, selector: &str) {
    if let Some(el) = find(root, selector) {
        focus_el(&el);
    }
}

/// Focuses the first match of `selector` in `root` (a document or shadow root) once the
/// pending re-render has reached the DOM: for elements that are being re-created.
pub fn focus_later(root: &web_sys::Node, selector: &str) {
    later(root, selector, focus_el);
}

/// Brings the first match of `selector` into view once the pending re-render is on the page.
pub fn reveal_later(root: &web_sys::Node, selector: &str) {
    later(root, selector, scroll_into_view);
}

fn later(root: &web_sys::Node, selector: &str, then: fn(&web_sys::Element)) {
    let (root, selector) = (root.clone(), selector.to_string());
    let Some(w) = web_sys::window() else { return };
    let cb = wasm_bindgen::closure::Closure::once_into_js(move || {
        if let Some(el) = find(&root, &selector) {
            then(&el);
        }
    });
    let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 0);
}

/// Focuses the element with this DOM id (ids are unique per widget instance).
pub fn focus_by_id(root: &web_sys::Node, id: &str) {
    focus_later(root, &format!("[id=\"{id}\"]"));
}

/// Brings an element into view with the least scrolling (none when it is already visible).
pub fn scroll_into_view(el: &web_sys::Element) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Whether the page is as narrow as a phone (at most 480 CSS pixels).
pub fn narrow_screen() -> bool {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).is_some_and(|w| w <= 480.0)
}

/// The element with keyboard focus in `root` (a document or shadow root).
fn focused(root: &web_sys::Node) -> Option<web_sys::Element> {
    if let Some(sr) = root.dyn_ref::<web_sys::ShadowRoot>() {
        sr.active_element()
    } else {
        root.dyn_ref::<web_sys::Document>().and_then(|d| d.active_element())
    }
}

/// Replaces the content of `el` with markup from `crate::markup` (the only `innerHTML` the
/// views set). When focus was inside, it returns to the new element with the same id.
pub fn set_html(el: &web_sys::Element, html: &crate::markup::Html) {
    let root = el.get_root_node();
    let keep = focused(&root).filter(|f| el.contains(Some(f))).map(|f| f.id()).filter(|id| !id.is_empty());
    el.set_inner_html(html.as_str());
    if let Some(id) = keep {
        focus_now(&root, &format!("[id=\"{id}\"]"));
    }
}

/// The element an event is about: the nearest ancestor of its target (itself included)
/// that matches `selector`.
pub fn target(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok().flatten()
}

/// The control an event came from: the nearest element carrying one of `msg::MARKS`, which
/// mark it carries, that mark's value and the control's `data-arg`. These marks name a control, as a form field's `name` does; nothing else is read
/// from the page, and never what the reader has chosen (that is in `UiState`).
fn control(ev: &web_sys::Event) -> Option<(web_sys::Element, &'static str, String, String)> {
    let el = target(ev, &crate::msg::marked())?;
    let (mark, _) = crate::msg::MARKS.into_iter().find(|(_, selector)| el.matches(selector).unwrap_or(false))?;
    let name = el.get_attribute(&format!("data-{mark}")).unwrap_or_default();
    let arg = el.get_attribute("data-arg").unwrap_or_default();
    Some((el, mark, name, arg))
}

/// The message an event sends (`msg::decode`), with the control it came from. A key that
/// sends a message is the widget's: the browser does not also act on it (scroll, submit).
pub fn message(ev: &web_sys::Event) -> Option<(web_sys::Element, crate::msg::Msg)> {
    use crate::msg::Input;
    let (el, mark, name, arg) = control(ev)?;
    let kind = ev.type_();
    // Only form controls send change and input events, so only they are asked for a value.
    let value = if matches!(kind.as_str(), "change" | "input") { leptos::prelude::event_target_value(ev) } else { String::new() };
    let key = ev.dyn_ref::<web_sys::KeyboardEvent>().map(|k| k.key()).unwrap_or_default();
    let input = match kind.as_str() {
        "click" => Input::Click,
        "change" => Input::Change(&value),
        "input" => Input::Text(&value),
        "keydown" => Input::Key(&key),
        _ => return None,
    };
    let msg = crate::msg::decode(mark, &name, &arg, input)?;
    if kind == "keydown" {
        ev.prevent_default();
    }
    Some((el, msg))
}

/// The map zone an event is about (pointer over it, focus on it).
pub fn zone_of(ev: &web_sys::Event) -> Option<String> {
    control(ev).filter(|(_, mark, ..)| *mark == "zone").map(|(_, _, name, _)| name)
}

/// Every element in `el` that matches `selector`.
pub fn all(el: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = el.query_selector_all(selector) else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
}


/// Makes the children of `list` the elements of `items` (each a key and the markup of one
/// element from `crate::markup`), in order; `shown` are the keys of the children now there, in
/// order (what the previous call was given). An element whose key is still wanted stays as it
/// is (not parsed again, keeping focus and scroll); only the new ones are parsed, in an inert
/// `<template>`.
pub fn set_keyed(list: &web_sys::Element, shown: &[String], items: &[(String, crate::markup::Html)]) {
    let Some(doc) = list.owner_document() else { return };
    let old = children(list);
    let kept: Vec<Option<web_sys::Element>> = items.iter().map(|(key, _)| shown.iter().position(|k| k == key).and_then(|i| old.get(i)).cloned()).collect();
    let missing = crate::markup::Html::concat(items.iter().zip(&kept).filter(|(_, k)| k.is_none()).map(|((_, h), _)| h));
    let mut fresh = Vec::new();
    if !missing.as_str().is_empty() {
        if let Some(t) = doc.create_element("template").ok().and_then(|t| t.dyn_into::<web_sys::HtmlTemplateElement>().ok()) {
            set_html(&t, &missing);
            let c = t.content().children();
            fresh = (0..c.length()).filter_map(|i| c.item(i)).collect();
        }
    }
    // Elements no longer wanted go first, so the kept ones (usually in the same relative
    // order) need not move: moving a node would take keyboard focus from it.
    for el in &old {
        if !kept.iter().flatten().any(|k| k == el) {
            el.remove();
        }
    }
    let mut fresh = fresh.into_iter();
    let mut at = list.first_element_child();
    for el in kept.into_iter().filter_map(|k| k.or_else(|| fresh.next())) {
        if at.as_ref() == Some(&el) {
            at = el.next_element_sibling();
        } else {
            let _ = list.insert_before(&el, at.as_ref().map(|a| a.as_ref()));
        }
    }
}

fn children(el: &web_sys::Element) -> Vec<web_sys::Element> {
    let list = el.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Whether `target` (an event's target or related target) lies inside a map's zone card.
pub fn in_card(target: Option<web_sys::EventTarget>) -> bool {
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| el.closest(".vp-card-slot").ok().flatten().is_some())
}

/// Carries out marks (`crate::marks`) on the elements inside `root`.
pub fn set_marks(root: &web_sys::Element, marks: &[crate::marks::Mark]) {
    use crate::marks::Mark;
    for m in marks {
        let (Mark::Class(selector, ..) | Mark::Attr(selector, ..) | Mark::Style(selector, ..)) = m;
        for el in all(root, selector) {
            match m {
                Mark::Class(_, class, on) => {
                    let _ = el.class_list().toggle_with_force(class, *on);
                }
                Mark::Attr(_, name, value) => {
                    let _ = el.set_attribute(name, value);
                }
                Mark::Style(_, property, value) => {
                    if let Some(svg) = el.dyn_ref::<web_sys::SvgElement>() {
                        let _ = svg.style().set_property(property, value);
                    }
                }
            }
        }
    }
}

/// Shows `value` as the chosen option of a `<select>` (when it is not already).
pub fn set_select_value(select: &web_sys::Element, value: &str) {
    if let Some(s) = select.dyn_ref::<web_sys::HtmlSelectElement>() {
        if s.value() != value {
            s.set_value(value);
        }
    }
}

/// Updates the options of `select` after its first (the "any" option) in place: each gets
/// its label and is disabled when it would give nothing. Values and order stay as written.
pub fn set_options(select: &web_sys::Element, options: &[(String, String, bool)]) {
    let list = select.children();
    for (i, (_, label, none)) in options.iter().enumerate() {
        let Some(opt) = list.item(i as u32 + 1) else { return };
        if opt.text_content().as_deref() != Some(label.as_str()) {
            opt.set_text_content(Some(label));
        }
        let _ = opt.toggle_attribute_with_force("disabled", *none);
    }
}
