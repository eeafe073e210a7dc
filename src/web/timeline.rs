//! The programme's timeline: every dated event in the dataset, oldest first, with sources.
//! Static markup from `markup::timeline` (escaped), set in one DOM call; the first events
//! show at once, the rest after "Show all".

use leptos::prelude::*;

use super::Ctx;
use crate::i18n::{fill, Lang};

/// Events shown before "Show all".
const FIRST: usize = 8;

pub fn timeline_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let all = RwSignal::new(false);
    let total = ctx.data().ds.timeline.len();
    let more = move || {
        (!all.get() && total > FIRST).then(|| {
            view! {
                <button type="button" class="vp-btn vp-btn-secondary" data-action="timeline-all" on:click=move |_| all.set(true)>
                    {fill(s.timeline_all, &[("n", &total.to_string())])}
                </button>
            }
        })
    };
    view! {
        <div class="vp-timeline-view">
            <h3 class="vp-h3" id=ctx.id("h-timeline") tabindex="-1">{s.timeline_heading}</h3>
            {move || view! { <div inner_html=crate::markup::timeline(&ctx.data().ds, lang, if all.get() { usize::MAX } else { FIRST })></div> }}
            {more}
        </div>
    }
}
