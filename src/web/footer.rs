//! The footer every news graphic has: source credit, notes, dataset version and date, and
//! "Get the data" (markup from `markup::footer`: links to the published files, or buttons
//! handled here that make the files in the browser).

use leptos::prelude::*;

use super::common::download_list;
use super::{dom, Ctx};
use crate::i18n::Lang;

pub fn footer_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = dom::target(&ev, "[data-download]") else { return };
        let data = ctx.data();
        download_list(&data.ds, &data.ds.enterprises, b.get_attribute("data-download").as_deref() == Some("all-csv"));
    };
    view! { <footer class="vp-foot" on:click=on_click inner_html=crate::markup::footer(&ctx.data().ds, lang, ctx.fixed(|f| f.files.clone()).flatten().as_deref()).into_string()></footer> }
}
