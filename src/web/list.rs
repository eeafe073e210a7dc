//! The enterprise explorer: markup from `markup::list` (header, search box, facet fields with
//! live counts, results), written once; its parts that change are kept current in place. All
//! its events go to one handler.

use leptos::prelude::*;

use super::common::{download_list, handler, keep_value, select_zone, selection_chip, slot, Panel};
use super::{dom, Ctx};
use crate::filter::{facet, filter, Filter, SortKey, FACETS};
use crate::i18n::Lang;
use crate::markup::list::{card_items, count_line, count_said, facet_options, fields, show_more, ListSlots};
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
    let filt = Memo::new(move |_| ctx.state.with(|st| st.filter.clone()));
    let result = Memo::new(move |_| {
        let data = ctx.data();
        filter(&data.ds, data.index(), &filt.get()).unwrap_or_default()
    });
    // "Show more" widens the page for the filter it was pressed under; a new filter starts
    // again at the first page (derived, so no effect writes a signal).
    let more = RwSignal::new((Filter::default(), 0usize));
    let shown = move || more.with(|(f, n)| if filt.with(|cur| cur == f) { page_size + n } else { page_size });
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
    let count = Memo::new(move |_| count_line(&ctx.data().ds, lang, result.with(|r| r.indices.len()), !filt.with(Filter::is_empty)));
    // The status line a screen reader announces when the count changes (empty at first).
    let said = Memo::new(move |_| count_said(&ctx.data().ds, lang, result.with(|r| r.indices.len())));
    let more_html = Memo::new(move |_| page.with(|p| show_more(lang, &ctx.uid(), p.more)));

    let on = handler(move |ev: web_sys::Event| match ev.type_().as_str() {
        "click" => {
            let Some(b) = dom::target(&ev, "[data-action]") else { return };
            match b.get_attribute("data-action").as_deref() {
                Some("clear-filters") => {
                    // Clearing removes the button pressed; focus goes to the search box, which stays.
                    ctx.state.update(|st| st.clear_filters());
                    dom::focus_now(&b.get_root_node(), &format!("[id=\"{}\"]", ctx.id("q")));
                }
                Some("show-more") => more.set((filt.get_untracked(), untrack(shown))),
                Some("clear-selection") => select_zone(ctx, None),
                Some("download") => {
                    let data = ctx.data();
                    let csv = b.get_attribute("data-download").as_deref() == Some("csv");
                    result.with_untracked(|r| download_list(&data.ds, r.indices.iter().map(|i| &data.ds.enterprises[*i]), csv));
                }
                _ => {}
            }
        }
        "input" if dom::target(&ev, "[data-input=search]").is_some() => {
            let v = event_target_value(&ev);
            ctx.state.update(|st| st.filter.text = (!v.is_empty()).then_some(v));
        }
        "change" => {
            let Some(sel) = dom::target(&ev, "select") else { return };
            let v = event_target_value(&ev);
            if let Some(k) = sel.get_attribute("data-facet").and_then(|id| facet(&id)) {
                ctx.state.update(|st| st.filter.facets[k] = (!v.is_empty()).then_some(v));
            } else if let Some(k) = sel.has_attribute("data-sort").then(|| SortKey::parse(&v)).flatten() {
                ctx.state.update(|st| st.sort = k);
            }
        }
        _ => {}
    });

    let data = ctx.data();
    let cards = Html::concat(untrack(items).iter().map(|(_, h)| h));
    let search = filt.with_untracked(|f| f.text.clone().unwrap_or_default());
    let html = untrack(|| {
        let fields_html = result.with(|r| ctx.state.with(|st| fields(&data.ds, lang, &ctx.uid(), &st.filter, r, st.sort)));
        let slots = ListSlots { chip: &chip.get(), fields: &fields_html, count: &count.get(), cards: &cards, more: &more_html.get() };
        crate::markup::list::panel(&data.ds, lang, &ctx.uid(), narrow, &search, &slots)
    });
    let node: NodeRef<leptos::html::Div> = NodeRef::new();
    // Cards already on screen stay; only new ones are parsed (typing often keeps most).
    Effect::new(move |seen: Option<()>| {
        let items = items();
        if let (Some(()), Some(ul)) = (seen, node.get_untracked().and_then(|el| slot(&el, "cards"))) {
            dom::set_keyed(&ul, &items);
        }
    });
    // The selects are written once: a change (a keystroke, a choice, Clear filters, the back
    // button) updates each one's option counts and chosen value in place, so the select in
    // use is never replaced under the reader.
    Effect::new(move |_| {
        let data = ctx.data();
        let options = result.with(|r| facet_options(&data.ds, lang, r));
        let (chosen, sort) = ctx.state.with(|st| (st.filter.facets.clone(), st.sort));
        if let Some(el) = node.get_untracked() {
            for ((def, list), value) in FACETS.iter().zip(options).zip(chosen) {
                if let Some(select) = el.query_selector(&format!("select[data-facet=\"{}\"]", def.id)).ok().flatten() {
                    dom::set_options(&select, &list);
                    dom::set_select_value(&select, value.as_deref().unwrap_or(""));
                }
            }
            if let Some(select) = el.query_selector("select[data-sort]").ok().flatten() {
                dom::set_select_value(&select, sort.id());
            }
        }
    });
    keep_value(node, "search", Memo::new(move |_| filt.with(|f| f.text.clone().unwrap_or_default())), |shown, want| shown == want);
    Panel { class: "vp-list", html, slots: vec![("chip", chip), ("count", count), ("said", said), ("more", more_html)], on, node }
}
