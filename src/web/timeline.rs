//! The programme's timeline: every dated event in the dataset, oldest first, with sources.
//! Markup from `markup::timeline` (escaped); the first events show at once, the rest after
//! "Show all".

use leptos::prelude::*;

use super::common::region;
use super::Ctx;
use crate::i18n::Lang;

/// Events shown before "Show all".
const FIRST: usize = 8;

pub fn timeline_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let all = RwSignal::new(false);
    view! {
        <div class="vp-timeline-view" on:click=move |ev| {
            if super::dom::target(&ev, "[data-action=timeline-all]").is_some() {
                all.set(true);
            }
        }>
            <h3 class="vp-h3" id=ctx.id("h-timeline") tabindex="-1">{s.timeline_heading}</h3>
            {region("vp-timeline-events", move || crate::markup::timeline(&ctx.data().ds, lang, if all.get() { usize::MAX } else { FIRST }))}
        </div>
    }
}
