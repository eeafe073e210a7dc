//! The footer every news graphic has: source credit, notes, dataset version and date, and
//! "Get the data" (markup from `markup::footer`: links to the published files, or buttons
//! handled here that make the files in the browser). The notes are written when first opened.

use leptos::prelude::*;

use super::common::{download_list, slot};
use super::{dom, Ctx};
use crate::i18n::Lang;
use crate::msg::Msg;

pub fn footer_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| match dom::message(&ev) {
        // Opening the notes (a click, or Enter or Space on the summary): their content first.
        Some((summary, Msg::Notes)) => {
            if let Some(el) = summary.parent_element().and_then(|d| slot(&d, "notes")).filter(|el| el.child_element_count() == 0) {
                dom::set_html(&el, &crate::markup::notes(&ctx.data().ds, lang));
            }
        }
        Some((_, Msg::Download(kind))) => {
            let data = ctx.data();
            download_list(&data.ds, &data.ds.enterprises, kind == "all-csv");
        }
        _ => {}
    };
    view! { <footer class="vp-foot" on:click=on_click inner_html=crate::markup::footer(&ctx.data().ds, lang, ctx.fixed(|f| f.files.clone()).flatten().as_deref()).into_string()></footer> }
}
