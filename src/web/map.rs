//! The map tab: markup from `markup::map` set once per language and screen size; the
//! selection and the zone under the pointer or focus are marked on its elements, and the card
//! of the active zone is re-rendered on its own. Events are handled once, on the tab's root.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::common::{handler, send, Live, Panel};
use super::{dom, Ctx, ViewMode};
use crate::i18n::Lang;
use crate::markup::map::{marks, panel, zone_card, MapEnv};

/// Arrow keys, Home and End move focus between the map's areas (the selection stays).
fn move_focus(root: &web_sys::Element, ev: &web_sys::KeyboardEvent) {
    let Some(zone) = dom::target(ev, "g.vp-zone") else { return };
    let zones = dom::all(root, "g.vp-zone");
    let Some(i) = zones.iter().position(|z| *z == zone) else { return };
    let Some(next) = crate::keys::roving(&ev.key(), i, zones.len()) else { return };
    ev.prevent_default();
    if let Some(h) = zones[next].dyn_ref::<web_sys::SvgElement>() {
        let _ = h.focus();
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
    let on = handler(move |ev: web_sys::Event| match ev.type_().as_str() {
        // Focus moving from an area into its card (Tab) keeps the card: it holds the
        // buttons the reader is going to.
        "focusin" => {
            if !dom::in_card(ev.target()) {
                focused.set(dom::zone_of(&ev));
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
            let z = dom::zone_of(&ev);
            if pointed.with_untracked(|p| *p != z) {
                pointed.set(z);
            }
        }
        kind => match dom::message(&ev) {
            Some((el, msg)) => send(ctx, &el, msg),
            None if kind == "keydown" => {
                if let Some(root) = dom::target(&ev, ".vp-map") {
                    move_focus(&root, ev.unchecked_ref());
                }
            }
            None => {}
        },
    });
    let html = panel(&ctx.data().ds, lang, &MapEnv { uid: &uid, narrow, crop, tabs }, &card.get_untracked());
    let marks = move || {
        let uid = ctx.uid();
        let env = MapEnv { uid: &uid, narrow, crop, tabs };
        marks(&ctx.data().ds, &env, selected.get().as_deref(), active.get().as_deref())
    };
    Panel { class: "vp-map", html, live: vec![Live::Slot("card", card), Live::Marks(Box::new(marks))], on, node: NodeRef::new() }
}
