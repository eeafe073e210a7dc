//! The enterprise explorer: markup from `markup::list` (header, search box, facet fields with
//! live counts, results), written once; its parts that change are kept current in place. All
//! its events go to one handler.

use leptos::prelude::*;

use super::common::{download_list, handler, selection_chip, send, Live, Panel};
use super::{dom, Ctx};
use crate::filter::{filter, Shown};
use crate::msg::Msg;
use crate::i18n::Lang;
use crate::markup::list::{card_items, count_line, count_said, fields, selects, show_more, ListSlots};
use crate::markup::Html;

/// Cards rendered at once; "Show more" adds as many again. Keeps a keystroke cheap at 10,000,
/// and on a phone (where a card is most of a screen) keeps the list near two screens.
const PAGE: usize = 10;
const PAGE_PHONE: usize = 3;

/// Not inlined into the shell's tab switch: a mount then compiles only the tab it shows
/// (V8 compiles each wasm function the first time it runs).
#[inline(never)]
pub fn list_view(ctx: Ctx, lang: Lang) -> Panel {
    let narrow = dom::narrow_screen();
    let page_size = if narrow { PAGE_PHONE } else { PAGE };
    // The filter is read where it is used, not through a memo of its own (each memo type adds
    // its own copy of the reactive code to the wasm); the result memo still changes only when
    // the matches do.
    let result = Memo::new(move |_| {
        let data = ctx.data();
        ctx.state.with(|st| filter(&data.ds, data.index(), &st.filter)).unwrap_or_default()
    });
    // "Show more" widens the page for the filter it was pressed under (`filter::Shown`; derived,
    // so no effect writes a signal).
    let more = RwSignal::new(Shown::default());
    let shown = move || more.with(|m| ctx.state.with(|st| m.count(page_size, &st.filter)));
    // The page shown, as positions: the cards change only when it does.
    let page = Memo::new(move |_| {
        let data = ctx.data();
        let sort = ctx.state.with(|st| st.sort);
        result.with(|r| crate::filter::page(&data.ds, data.index(), r, sort, lang, shown(), page_size))
    });
    let items = move || {
        let data = ctx.data();
        let ds = &data.ds;
        page.with(|p| {
            let pick = |list: &[usize]| list.iter().map(|i| &ds.enterprises[*i]).collect::<Vec<_>>();
            card_items(ds, lang, &pick(&p.named), &pick(&p.unidentified), narrow)
        })
    };
    let chip = selection_chip(ctx, lang);
    let count = Memo::new(move |_| count_line(&ctx.data().ds, lang, result.with(|r| r.indices.len()), !ctx.state.with(|st| st.filter.is_empty())));
    // The status line a screen reader announces when the count changes (empty at first).
    let said = Memo::new(move |_| count_said(&ctx.data().ds, lang, result.with(|r| r.indices.len())));
    let more_html = Memo::new(move |_| page.with(|p| show_more(lang, &ctx.uid(), p.more)));

    let on = handler(move |ev: web_sys::Event| {
        let Some((el, msg)) = dom::message(&ev) else { return };
        match msg {
            Msg::ShowMore => {
                let next = more.with_untracked(|m| ctx.state.with_untracked(|st| m.more(page_size, &st.filter)));
                more.set(next);
            }
            Msg::Download(kind) => {
                let data = ctx.data();
                result.with_untracked(|r| download_list(&data.ds, r.indices.iter().map(|i| &data.ds.enterprises[*i]), kind == "csv"));
            }
            msg => send(ctx, &el, msg),
        }
    });

    let data = ctx.data();
    let cards = Html::concat(untrack(items).iter().map(|(_, h)| h));
    let html = untrack(|| {
        let search = ctx.state.with(|st| st.filter.text.clone().unwrap_or_default());
        let fields_html = result.with(|r| ctx.state.with(|st| fields(&data.ds, lang, &ctx.uid(), &st.filter, r, st.sort)));
        let slots = ListSlots { chip: &chip.get(), fields: &fields_html, count: &count.get(), cards: &cards, more: &more_html.get() };
        crate::markup::list::panel(&data.ds, lang, &ctx.uid(), narrow, &search, &slots)
    });
    let chosen = move || {
        let data = ctx.data();
        result.with(|r| ctx.state.with(|st| selects(&data.ds, lang, &st.filter, r, st.sort)))
    };
    let search = Memo::new(move |_| ctx.state.with(|st| st.filter.text.clone().unwrap_or_default()));
    let live = vec![
        Live::Slot("chip", chip),
        Live::Slot("count", count),
        Live::Slot("said", said),
        Live::Slot("more", more_html),
        // Cards already on screen stay; only new ones are parsed (typing often keeps most).
        Live::Keyed("cards", Box::new(items)),
        Live::Selects(Box::new(chosen)),
        Live::Value("search", search, |shown, want| shown == want),
    ];
    Panel { class: "vp-list", html, live, on, node: NodeRef::new() }
}
