//! The enterprise explorer: data-driven headline, facet filters with live counts, search,
//! sort, cards with sources, the unidentified approvals as one honest group, downloads.

use leptos::prelude::*;

use super::common::{download_list, field, source_links};
use super::{dom, Ctx};
use crate::filter::{filter, sort_top, Filter, FilterResult, SortKey, FACETS, UNKNOWN};
use crate::i18n::{fill, Lang};

/// Cards rendered at once; "Show more" adds as many again. Keeps a keystroke cheap at 10,000,
/// and on a phone (where a card is most of a screen) keeps the list near two screens.
const PAGE: usize = 10;
const PAGE_PHONE: usize = 3;

/// One card: static markup set in one DOM call.
fn card(ctx: Ctx, lang: Lang, i: usize) -> Option<impl IntoView> {
    let data = ctx.data();
    let e = data.ds.enterprises.get(i)?;
    Some(view! {
        <li class="vp-ent" data-id=e.id.clone() data-status=e.status.id() inner_html=crate::markup::enterprise_card(&data.ds, lang, e)></li>
    })
}

/// One select per facet; its options never change, only their counts do, so a keystroke
/// updates text, not DOM.
fn facet_select(ctx: Ctx, lang: Lang, k: usize, result: Memo<FilterResult>) -> impl IntoView {
    let s = lang.strings();
    let def = &FACETS[k];
    let id = ctx.id(&format!("f-{}", def.id));
    let current = Memo::new(move |_| ctx.state.with(|st| st.filter.facets[k].clone()));
    let mut choices = (def.choices)(&ctx.data().ds, lang);
    if def.has_unknown {
        choices.push((UNKNOWN.to_string(), s.unknown.to_string()));
    }
    let items = choices
        .into_iter()
        .map(|(v, name)| {
            let value = v.clone();
            let n = Memo::new(move |_| result.with(|r| r.counts[k].get(&value).copied().unwrap_or(0)));
            let v2 = v.clone();
            view! {
                <option value=v selected=move || current.with(|c| c.as_deref() == Some(v2.as_str())) disabled=move || n.get() == 0>
                    {move || fill(s.with_note, &[("value", &name), ("note", &n.get().to_string())])}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="vp-field">
            <label for=id.clone()>{(def.label)(s)}</label>
            <select
                id=id
                data-facet=def.id
                prop:value=move || current.get().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|st| st.filter.facets[k] = (!v.is_empty()).then_some(v));
                }
            >
                <option value="" selected=move || current.with(|c| c.is_none())>{s.any}</option>
                {items}
            </select>
        </div>
    }
}

fn headline_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let data = ctx.data();
    let later = crate::summary::later_text(&data.ds, lang)
        .map(|(text, sources)| view! { <p class="vp-later">{text}" " {source_links(ctx, lang, &sources)}</p> });
    view! { <p class="vp-headline" data-testid="headline">{crate::summary::headline_text(&data.ds, lang)}</p> {later} }
}

fn sort_select(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let id = ctx.id("sort");
    let sort = Memo::new(move |_| ctx.state.with(|st| st.sort));
    let options = SortKey::ALL
        .into_iter()
        .map(|k| view! { <option value=k.id() selected=move || sort.get() == k>{k.label(s)}</option> })
        .collect_view();
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(k) = SortKey::parse(&event_target_value(&ev)) {
            ctx.state.update(|st| st.sort = k);
        }
    };
    field("vp-field", id.clone(), s.sort_label, view! { <select id=id on:change=on_change>{options}</select> })
}

pub fn list_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let page_size = if dom::narrow_screen() { PAGE_PHONE } else { PAGE };
    let filt = Memo::new(move |_| ctx.state.with(|st| st.filter.clone()));
    let result = Memo::new(move |_| {
        let data = ctx.data();
        filter(&data.ds, &data.index, &filt.get()).unwrap_or_default()
    });
    // "Show more" widens the page for the filter it was pressed under; a new filter starts
    // again at the first page (derived, so no effect writes a signal).
    let more = RwSignal::new((Filter::default(), 0usize));
    let shown = Memo::new(move |_| more.with(|(f, n)| if filt.with(|cur| cur == f) { page_size + n } else { page_size }));

    // The visible page of named records, sorted; cards are keyed so unchanged ones stay put.
    let page = Memo::new(move |_| {
        let key = ctx.state.with(|st| st.sort);
        let data = ctx.data();
        let named: Vec<usize> = result.with(|r| r.indices.iter().copied().filter(|i| data.ds.enterprises[*i].identified).collect());
        let more = named.len().saturating_sub(shown.get()).min(page_size);
        (sort_top(&data.ds, &data.index, named, key, lang, shown.get()), more)
    });
    let group = move || {
        let data = ctx.data();
        let list: Vec<_> = result.with(|r| r.indices.iter().map(|i| &data.ds.enterprises[*i]).filter(|e| !e.identified).collect());
        (!list.is_empty()).then(|| {
            view! { <li class="vp-ent vp-ent-unidentified" data-id="unidentified" inner_html=crate::markup::unidentified_card(&data.ds, lang, &list)></li> }
        })
    };
    // Clearing removes the button pressed; focus goes to the search box, which stays.
    let search: NodeRef<leptos::html::Input> = NodeRef::new();
    let clear = move |_| {
        ctx.state.update(|st| st.clear_filters());
        if let Some(el) = search.get_untracked() {
            let _ = el.focus();
        }
    };
    let empty = move || {
        result.with(|r| r.indices.is_empty()).then(|| {
            view! {
                <div class="vp-empty" role="status">
                    <p>{s.empty_state}</p>
                    <button type="button" class="vp-btn" data-action="clear-filters" on:click=clear>{s.clear_filters}</button>
                </div>
            }
        })
    };
    let download = move |csv: bool| {
        let data = ctx.data();
        result.with_untracked(|r| download_list(&data.ds, r.indices.iter().map(|i| &data.ds.enterprises[*i]), csv));
    };
    let search_id = ctx.id("q");
    let total = ctx.data().ds.enterprises.len().to_string();
    let selects = (0..FACETS.len()).map(|k| facet_select(ctx, lang, k, result)).collect_view();
    view! {
        <div class="vp-list">
            <h3 class="vp-h3" id=ctx.id("h-list") tabindex="-1">{s.list_heading}</h3>
            {headline_view(ctx, lang)}
            {super::common::selection_chip(ctx, lang)}
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
                <details class="vp-more-filters" open=!dom::narrow_screen()>
                    <summary>{s.filters_more}</summary>
                    <div class="vp-filter-fields">{selects} {sort_select(ctx, lang)}</div>
                </details>
            </div>
            <p class="vp-count" role="status" data-testid="count">
                {move || fill(s.result_count, &[("n", &result.with(|r| r.indices.len()).to_string()), ("total", &total)])}
                {move || (!filt.with(Filter::is_empty)).then(|| view! {
                    " "
                    <button type="button" class="vp-btn vp-btn-link" on:click=clear>{s.clear_filters}</button>
                })}
            </p>
            {empty}
            <ul class="vp-ents">
                <For each=move || page.with(|p| p.0.clone()) key=|i| *i let:i>
                    {card(ctx, lang, i)}
                </For>
                {group}
            </ul>
            {move || { let n = page.with(|p| p.1); (n > 0).then(|| view! {
                <button
                    type="button"
                    class="vp-btn vp-btn-secondary"
                    data-action="show-more"
                    on:click=move |_| more.set((filt.get_untracked(), shown.get_untracked()))
                >
                    {fill(s.show_more, &[("n", &n.to_string())])}
                </button>
            }) }}
            <div class="vp-downloads">
                <button type="button" class="vp-btn vp-btn-secondary" data-download="csv" on:click=move |_| download(true)>
                    {s.download_csv}
                </button>
                <button type="button" class="vp-btn vp-btn-secondary" data-download="json" on:click=move |_| download(false)>
                    {s.download_json}
                </button>
            </div>
        </div>
    }
}
