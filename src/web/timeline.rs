//! The programme's timeline: every dated event in the dataset, oldest first, with sources.
//! Static markup from `markup::timeline` (escaped), set in one DOM call.

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::Lang;

pub fn timeline_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    view! {
        <div class="vp-timeline-view">
            <h3 class="vp-h3" id=ctx.id("h-timeline") tabindex="-1">{s.timeline_heading}</h3>
            <div inner_html=crate::markup::timeline(&ctx.data().ds, lang)></div>
        </div>
    }
}
