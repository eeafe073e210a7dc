//! The map tab: markup from `markup::map` set once per language and screen size; the
//! selection and the zone under the pointer or focus are marked on its elements, and the card
//! of the active zone is re-rendered on its own. Events are handled once, on the tab's root.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::common::{handler, select_zone as select, Panel};
use super::{dom, Ctx, ViewMode};
use crate::i18n::Lang;
use crate::markup::map::{panel, zone_card, zoom, MapEnv};
use crate::state::Tab;

/// Marks `selected` and `active` on the zone buttons, the list of areas and the insets, keeps
/// one zone in the tab order, and zooms towards the selection.
fn mark(root: &web_sys::Element, selected: Option<&str>, active: Option<&str>, zoom: &str) {
    let zones = dom::all(root, "g.vp-zone");
    for (i, el) in zones.iter().chain(dom::all(root, ".vp-zone-btn").iter()).chain(dom::all(root, ".vp-inset").iter()).enumerate() {
        let zone = el.get_attribute("data-zone").or_else(|| el.get_attribute("data-inset"));
        let sel = zone.is_some() && zone.as_deref() == selected;
        let list = el.class_list();
        let _ = list.toggle_with_force("vp-selected", sel);
        let _ = list.toggle_with_force("vp-active", zone.is_some() && zone.as_deref() == active);
        if !list.contains("vp-inset") {
            dom::set_attr(el, "aria-pressed", Some(if sel { "true" } else { "false" }));
        }
        if i < zones.len() {
            let in_order = sel || (i == 0 && selected.is_none());
            dom::set_attr(el, "tabindex", Some(if in_order { "0" } else { "-1" }));
        }
    }
    if let Some(g) = root.query_selector(".vp-zoom").ok().flatten().and_then(|g| g.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = g.style().set_property("transform", zoom);
    }
}

fn on_key(ctx: Ctx, root: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
    let Some(zone) = dom::target(ev, "g.vp-zone") else { return };
    let key = ev.key();
    match key.as_str() {
        "Enter" | " " => select(ctx, zone.get_attribute("data-zone").as_deref()),
        "Escape" => select(ctx, None),
        _ => {
            let zones = dom::all(root, "g.vp-zone");
            let Some(i) = zones.iter().position(|z| *z == zone) else { return };
            let Some(next) = crate::keys::roving(&key, i, zones.len()) else { return };
            if let Some(h) = zones[next].dyn_ref::<web_sys::SvgElement>() {
                let _ = h.focus();
            }
        }
    }
    ev.prevent_default();
}

fn on_click(ctx: Ctx, ev: &web_sys::MouseEvent) {
    if let Some(b) = dom::target(ev, "[data-action]") {
        let arg = b.get_attribute("data-arg");
        let root = b.get_root_node();
        match b.get_attribute("data-action").as_deref() {
            Some(act @ ("show-list" | "check")) => {
                // The panel is replaced: focus moves to the new panel's heading.
                let tab = if act == "check" { Tab::Checker } else { Tab::List };
                select(ctx, arg.as_deref());
                ctx.state.update(|s| s.tab = tab);
                dom::focus_by_id(&root, &ctx.id(&format!("h-{}", tab.id())));
            }
            Some("clear-selection") => {
                // The card goes away with the selection: focus returns to the map.
                select(ctx, None);
                dom::focus_by_id(&root, &ctx.id("map-h"));
            }
            _ => {}
        }
    } else if let Some(b) = dom::target(ev, ".vp-zone-btn") {
        // The list of areas toggles; the map and the insets select.
        if let Some(zone) = b.get_attribute("data-zone") {
            let data = ctx.data();
            ctx.state.update(|s| s.toggle_zone(&data.ds, &zone));
        }
    } else if let Some(z) = dom::target(ev, "g.vp-zone, [data-inset]") {
        select(ctx, z.get_attribute("data-zone").or_else(|| z.get_attribute("data-inset")).as_deref());
    }
}

/// Not inlined into the shell's tab switch: a mount then compiles only the tab it shows
/// (V8 compiles each wasm function the first time it runs).
#[inline(never)]
pub fn map_view(ctx: Ctx, lang: Lang) -> Panel {
    // The card shows the zone with keyboard focus, else the one under the pointer, else the
    // selection: a pointer resting on the map never takes the card from the keyboard.
    let focused = RwSignal::new(None::<String>);
    let pointed = RwSignal::new(None::<String>);
    let selected = Memo::new(move |_| ctx.state.with(|s| s.zone().map(str::to_string)));
    let active = Memo::new(move |_| focused.get().or_else(|| pointed.get()).or_else(|| selected.get()));
    let uid = ctx.uid();
    let narrow = dom::narrow_screen();
    let crop = narrow || ctx.fixed(|f| f.column).unwrap_or(false);
    let tabs = ctx.view.get_untracked() == ViewMode::All;
    let card = Memo::new(move |_| {
        let (sel, act) = (selected.get(), active.get());
        let uid = ctx.uid();
        let env = MapEnv { uid: &uid, narrow, crop, tabs };
        act.map(|z| zone_card(&ctx.data().ds, lang, &env, &z, sel.as_deref() == Some(z.as_str()))).unwrap_or_default()
    });
    let zone_of = |ev: &web_sys::Event| dom::target(ev, "g.vp-zone").and_then(|z| z.get_attribute("data-zone"));
    let on = handler(move |ev: web_sys::Event| match ev.type_().as_str() {
        "click" => on_click(ctx, ev.unchecked_ref()),
        "keydown" => {
            if let Some(el) = dom::target(&ev, ".vp-map") {
                on_key(ctx, &el, ev.unchecked_ref());
            }
        }
        // Focus moving from an area into its card (Tab) keeps the card: it holds the
        // buttons the reader is going to.
        "focusin" => {
            if !dom::in_card(ev.target()) {
                focused.set(zone_of(&ev));
            }
        }
        "focusout" => {
            let next = ev.dyn_ref::<web_sys::FocusEvent>().and_then(|f| f.related_target());
            if !dom::in_card(next) {
                focused.set(None);
            }
        }
        "mouseleave" => pointed.set(None),
        "mouseover" => {
            let z = zone_of(&ev);
            if pointed.with_untracked(|p| *p != z) {
                pointed.set(z);
            }
        }
        _ => {}
    });
    let html = panel(&ctx.data().ds, lang, &MapEnv { uid: &uid, narrow, crop, tabs }, &card.get_untracked());
    let node: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let (sel, act) = (selected.get(), active.get());
        let Some(el) = node.get() else { return };
        let uid = ctx.uid();
        let env = MapEnv { uid: &uid, narrow, crop, tabs };
        mark(&el, sel.as_deref(), act.as_deref(), &zoom(&env, sel.as_deref()));
    });
    Panel { class: "vp-map", html, slots: vec![("card", card)], on, node }
}
