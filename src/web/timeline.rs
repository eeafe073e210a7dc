//! The programme's timeline: every dated event in the dataset, oldest first, with sources.
//! Markup from `markup::timeline` (escaped); the first events show at once, the rest after
//! "Show all".

use leptos::prelude::*;

use super::common::{handler, Live, Panel};
use super::Ctx;
use crate::i18n::Lang;

/// Events shown before "Show all".
const FIRST: usize = 8;

/// Not inlined into the shell's tab switch: a mount then compiles only the tab it shows
/// (V8 compiles each wasm function the first time it runs).
#[inline(never)]
pub fn timeline_view(ctx: Ctx, lang: Lang) -> Panel {
    let all = RwSignal::new(false);
    let events = Memo::new(move |_| crate::markup::timeline(&ctx.data().ds, lang, if all.get() { usize::MAX } else { FIRST }));
    let on = handler(move |ev: web_sys::Event| {
        if let Some((_, crate::msg::Msg::ShowAll)) = super::dom::message(&ev) {
            all.set(true);
        }
    });
    let html = crate::markup::timeline_panel(lang, &ctx.uid(), &events.get_untracked());
    Panel { class: "vp-timeline-view", html, live: vec![Live::Slot("events", events)], on, node: NodeRef::new() }
}
