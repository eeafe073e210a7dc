//! The footer every news graphic has: source credit, notes, dataset version and date, and
//! "Get the data" (markup from `markup::footer`: links to the published files, or buttons
//! handled here that make the files in the browser). The notes are written when first opened.

use leptos::prelude::*;

use super::common::{download_list, slot};
use super::{dom, Ctx};
use crate::i18n::Lang;

pub fn footer_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        // Opening the notes (a click, or Enter or Space on the summary): their content first.
        if let Some(summary) = dom::target(&ev, "[data-action=notes]") {
            if let Some(el) = summary.parent_element().and_then(|d| slot(&d, "notes")).filter(|el| el.child_element_count() == 0) {
                dom::set_html(&el, &crate::markup::notes(&ctx.data().ds, lang));
            }
            return;
        }
        let Some(b) = dom::target(&ev, "[data-download]") else { return };
        let data = ctx.data();
        download_list(&data.ds, &data.ds.enterprises, b.get_attribute("data-download").as_deref() == Some("all-csv"));
    };
    view! { <footer class="vp-foot" on:click=on_click inner_html=crate::markup::footer(&ctx.data().ds, lang, ctx.fixed(|f| f.files.clone()).flatten().as_deref()).into_string()></footer> }
}
