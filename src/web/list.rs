//! The enterprise explorer: markup from `markup::list` (header, facet fields with live counts,
//! results); the search box is a Leptos input, so typing never replaces it. Events are handled
//! once, on the tab's root.

use leptos::prelude::*;

use super::common::{download_list, region, select_zone};
use super::{dom, Ctx};
use crate::filter::{facet, filter, sort_top, Filter, FilterResult, SortKey, FACETS};
use crate::i18n::Lang;
use crate::markup::list::{card_items, count_line, downloads, facet_options, fields, header, selection_chip, show_more};

/// Cards rendered at once; "Show more" adds as many again. Keeps a keystroke cheap at 10,000,
/// and on a phone (where a card is most of a screen) keeps the list near two screens.
const PAGE: usize = 10;
const PAGE_PHONE: usize = 3;

pub fn list_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let page_size = if dom::narrow_screen() { PAGE_PHONE } else { PAGE };
    let filt = Memo::new(move |_| ctx.state.with(|st| st.filter.clone()));
    let sort = Memo::new(move |_| ctx.state.with(|st| st.sort));
    let result = Memo::new(move |_| {
        let data = ctx.data();
        filter(&data.ds, &data.index, &filt.get()).unwrap_or_default()
    });
    // "Show more" widens the page for the filter it was pressed under; a new filter starts
    // again at the first page (derived, so no effect writes a signal).
    let more = RwSignal::new((Filter::default(), 0usize));
    let shown = Memo::new(move |_| more.with(|(f, n)| if filt.with(|cur| cur == f) { page_size + n } else { page_size }));

    let search: NodeRef<leptos::html::Input> = NodeRef::new();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = dom::target(&ev, "[data-action]") else { return };
        match b.get_attribute("data-action").as_deref() {
            Some("clear-filters") => {
                // Clearing removes the button pressed; focus goes to the search box, which stays.
                ctx.state.update(|st| st.clear_filters());
                if let Some(el) = search.get_untracked() {
                    let _ = el.focus();
                }
            }
            Some("show-more") => more.set((filt.get_untracked(), shown.get_untracked())),
            Some("clear-selection") => select_zone(ctx, None),
            Some("download") => {
                let data = ctx.data();
                let csv = b.get_attribute("data-download").as_deref() == Some("csv");
                result.with_untracked(|r| download_list(&data.ds, r.indices.iter().map(|i| &data.ds.enterprises[*i]), csv));
            }
            _ => {}
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let Some(sel) = dom::target(&ev, "select") else { return };
        let v = event_target_value(&ev);
        if let Some(k) = sel.get_attribute("data-facet").and_then(|id| facet(&id)) {
            ctx.state.update(|st| st.filter.facets[k] = (!v.is_empty()).then_some(v));
        } else if let Some(k) = sel.has_attribute("data-sort").then(|| SortKey::parse(&v)).flatten() {
            ctx.state.update(|st| st.sort = k);
        }
    };
    let uid = ctx.uid();
    let data = ctx.data();
    // The facet selects are written when a choice changes; a keystroke only updates the
    // counts in their options (text and `disabled`), so typing never rebuilds them.
    let facets = Memo::new(move |_| filt.with(|f| f.facets.clone()));
    let fields_html = move || {
        let data = ctx.data();
        let (_, _) = (facets.get(), sort.get());
        result.with_untracked(|r| fields(&data.ds, lang, &ctx.uid(), &filt.get_untracked(), r, sort.get_untracked()))
    };
    let details: NodeRef<leptos::html::Details> = NodeRef::new();
    Effect::new(move |_| {
        let data = ctx.data();
        let options = result.with(|r| facet_options(&data.ds, lang, r));
        if let Some(el) = details.get() {
            for (def, list) in FACETS.iter().zip(options) {
                if let Some(select) = el.query_selector(&format!("select[data-facet=\"{}\"]", def.id)).ok().flatten() {
                    dom::set_options(&select, &list);
                }
            }
        }
    });
    // The page shown, as positions: the cards are written again only when it changes.
    let page = Memo::new(move |_| {
        let data = ctx.data();
        let ds = &data.ds;
        result.with(|r: &FilterResult| {
            let named: Vec<usize> = r.indices.iter().copied().filter(|i| ds.enterprises[*i].identified).collect();
            let more = named.len().saturating_sub(shown.get()).min(page_size);
            let unidentified: Vec<usize> = r.indices.iter().copied().filter(|i| !ds.enterprises[*i].identified).collect();
            (sort_top(ds, &data.index, named, sort.get(), lang, shown.get()), unidentified, more)
        })
    });
    let count_html = move || {
        let matched = result.with(|r| r.indices.len());
        count_line(&ctx.data().ds, lang, matched, !filt.with(Filter::is_empty))
    };
    // Cards already on screen stay; only new ones are parsed (typing often keeps most).
    let cards: NodeRef<leptos::html::Ul> = NodeRef::new();
    Effect::new(move |_| {
        let data = ctx.data();
        let ds = &data.ds;
        let items = page.with(|(named, unidentified, _)| {
            let pick = |list: &[usize]| list.iter().map(|i| &ds.enterprises[*i]).collect::<Vec<_>>();
            card_items(ds, lang, &pick(named), &pick(unidentified))
        });
        if let Some(el) = cards.get() {
            dom::set_keyed(&el, &items);
        }
    });
    let more_html = move || page.with(|(_, _, more)| show_more(lang, &ctx.uid(), *more));
    let search_id = ctx.id("q");
    view! {
        <div class="vp-list" on:click=on_click on:change=on_change>
            <div inner_html=crate::markup::Html::into_string(header(&data.ds, lang, &uid))></div>
            {region("vp-chip-slot", move || selection_chip(&ctx.data().ds, lang, ctx.state.with(|st| st.zone().map(str::to_string)).as_deref()))}
            <div class="vp-filters" role="search">
                <div class="vp-field vp-field-wide">
                    <label for=search_id.clone()>{s.search_label}</label>
                    <input
                        id=search_id
                        node_ref=search
                        type="search"
                        autocomplete="off"
                        placeholder=s.search_placeholder
                        prop:value=move || filt.with(|f| f.text.clone().unwrap_or_default())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.state.update(|st| st.filter.text = (!v.is_empty()).then_some(v));
                        }
                    />
                </div>
                // The facets and sort: open on wide screens, one tap away on a phone.
                <details class="vp-more-filters" open=!dom::narrow_screen() node_ref=details>
                    <summary>{s.filters_more}</summary>
                    {region("vp-filter-fields", fields_html)}
                </details>
            </div>
            {region("vp-results-count", count_html)}
            <div class="vp-results">
                <ul class="vp-ents" node_ref=cards></ul>
                {region("vp-more", more_html)}
            </div>
            <div inner_html=crate::markup::Html::into_string(downloads(lang))></div>
        </div>
    }
}
