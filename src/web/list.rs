//! The enterprise explorer: data-driven headline, facet filters with live counts, search,
//! sort, cards with sources, the unidentified approvals as one honest group, downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::filter::{filter_indices, sort_top, FilterResult, SortKey, UNKNOWN};
use crate::i18n::{count, fill, Lang};
use crate::markup::{confidence_label, status_label};
use crate::model::{Dataset, Enterprise, Status, Text};
use crate::state::UiState;
use crate::summary::headline;

/// Cards rendered at once; "Show more" adds as many again. Keeps a keystroke cheap at 10,000.
const PAGE: usize = 10;

/// Source links as markup (see `markup::source_links`).
pub fn source_links(ctx: Ctx, lang: Lang, ids: &[String]) -> impl IntoView {
    view! { <span inner_html=crate::markup::source_links(&ctx.data().ds, lang, ids)></span> }
}

/// Offers these enterprises, with their sources, as a CSV or JSON download.
pub fn download_list<'a>(ds: &'a Dataset, records: impl IntoIterator<Item = &'a Enterprise>, csv: bool) {
    let _ = if csv {
        dom::download("vats-pilot-enterprises.csv", "text/csv;charset=utf-8", &crate::export::csv(ds, records))
    } else {
        dom::download("vats-pilot-enterprises.json", "application/json", &crate::export::json(ds, records))
    };
}

/// One card: static markup set in one DOM call.
fn card(ctx: Ctx, lang: Lang, i: usize) -> Option<impl IntoView> {
    let data = ctx.data();
    let e = data.ds.enterprises.get(i)?;
    Some(view! {
        <li class="vp-ent" data-id=e.id.clone() data-status=e.status.id() inner_html=crate::markup::enterprise_card(&data.ds, lang, e)></li>
    })
}

/// One honest summary card for the approvals no source names (never one fake row each).
fn unidentified_card(ctx: Ctx, lang: Lang, ds: &Dataset, list: &[&Enterprise]) -> impl IntoView {
    let text = crate::markup::unidentified_summary(ds, lang, list);
    let mut ids: Vec<String> = Vec::new();
    for id in list.iter().flat_map(|e| &e.source_ids) {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    view! {
        <li class="vp-ent vp-ent-unidentified" data-id="unidentified">
            <h4 class="vp-ent-name">{text}</h4>
            <p class="vp-sources">{source_links(ctx, lang, &ids)}</p>
        </li>
    }
}

/// The values of one facet, in data order, with `unknown` last.
struct Facet {
    key: &'static str,
    label: &'static str,
    options: Vec<(String, String)>,
    get: fn(&UiState) -> Option<String>,
    set: fn(&mut UiState, Option<String>),
    counts: fn(&FilterResult) -> &std::collections::BTreeMap<String, usize>,
}

fn facet_select(ctx: Ctx, lang: Lang, f: Facet, result: Memo<FilterResult>) -> impl IntoView {
    let s = lang.strings();
    let id = ctx.id(&format!("f-{}", f.key));
    let Facet { key, label, options, get, set, counts } = f;
    let current = Memo::new(move |_| ctx.state.with(get));
    // The options never change; only their counts do, so a keystroke updates text, not DOM.
    let items = options
        .into_iter()
        .map(|(v, name)| {
            let value = v.clone();
            let n = Memo::new(move |_| result.with(|r| counts(r).get(&value).copied().unwrap_or(0)));
            let v2 = v.clone();
            view! {
                <option value=v.clone() selected=move || current.with(|c| c.as_deref() == Some(v2.as_str())) disabled=move || n.get() == 0>
                    {move || fill(s.with_note, &[("value", &name), ("note", &n.get().to_string())])}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="vp-field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                data-facet=key
                prop:value=move || current.get().unwrap_or_default()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|s| set(s, if v.is_empty() { None } else { Some(v) }));
                }
            >
                <option value="" selected=move || current.with(|c| c.is_none())>{s.any}</option>
                {items}
            </select>
        </div>
    }
}

fn with_unknown(lang: Lang, mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.push((UNKNOWN.to_string(), lang.strings().unknown.to_string()));
    v
}

fn facets(ds: &Dataset, lang: Lang) -> [Facet; 4] {
    let s = lang.strings();
    let named = |id: &str, t: &Text| (id.to_string(), t.get(lang).to_string());
    [
        Facet {
            key: "zone",
            label: s.filter_zone,
            options: with_unknown(lang, ds.zones.iter().map(|z| named(&z.id, &z.short_name)).collect()),
            get: |s| s.zone.clone(),
            set: |s, v| s.zone = v,
            counts: |r| &r.counts.zone,
        },
        Facet {
            key: "service",
            label: s.filter_service,
            options: with_unknown(
                lang,
                ds.services.iter().map(|x| (x.id.clone(), format!("{} {}", x.code, x.name.get(lang)))).collect(),
            ),
            get: |s| s.service.clone(),
            set: |s, v| s.service = v,
            counts: |r| &r.counts.service,
        },
        Facet {
            key: "country",
            label: s.filter_country,
            options: with_unknown(lang, ds.countries.iter().map(|c| named(&c.id, &c.name)).collect()),
            get: |s| s.country.clone(),
            set: |s, v| s.country = v,
            counts: |r| &r.counts.country,
        },
        Facet {
            key: "status",
            label: s.filter_status,
            options: Status::ALL.iter().map(|st| (st.id().to_string(), status_label(s, *st).to_string())).collect(),
            get: |s| s.status.clone(),
            set: |s, v| s.status = v,
            counts: |r| &r.counts.status,
        },
    ]
}

fn headline_view(ctx: Ctx, lang: Lang, ds: &Dataset) -> impl IntoView {
    let s = lang.strings();
    let h = headline(ds);
    let main = fill(
        s.headline,
        &[
            ("total", &h.first_batch_total.to_string()),
            ("date", h.first_batch_date.as_deref().unwrap_or(s.unknown)),
            ("identified", &h.identified.to_string()),
        ],
    );
    let later = h.later_total.and_then(|f| {
        let text = fill(
            s.headline_later,
            &[
                ("n", &count(f.value?)),
                ("date", f.as_of.as_deref().unwrap_or(s.unknown)),
                ("confidence", confidence_label(lang, f.confidence)),
            ],
        );
        Some(view! { <p class="vp-later">{text}" " {source_links(ctx, lang, &f.source_ids)}</p> })
    });
    view! { <p class="vp-headline" data-testid="headline">{main}</p> {later} }
}

pub fn list_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let shown = RwSignal::new(PAGE);
    let filt = Memo::new(move |_| ctx.state.with(|s| s.filter()));
    let result = Memo::new(move |_| {
        let data = ctx.data();
        filter_indices(&data.ds, &data.index, &filt.get()).unwrap_or_default()
    });
    // A new filter starts again at the first page.
    Effect::new(move |_| {
        filt.track();
        shown.set(PAGE);
    });

    // The visible page of named records, sorted; cards are keyed so unchanged ones stay put.
    let page = Memo::new(move |_| {
        let key = ctx.state.with(|s| s.sort);
        let data = ctx.data();
        let all = &data.ds.enterprises;
        result.with(|r| {
            let named: Vec<usize> = r.indices.iter().copied().filter(|i| all[*i].identified).collect();
            let more = named.len() > shown.get();
            (sort_top(&data.ds, &data.index, named, key, lang, shown.get()), more)
        })
    });
    let unnamed = Memo::new(move |_| {
        let data = ctx.data();
        result.with(|r| r.indices.iter().copied().filter(|i| !data.ds.enterprises[*i].identified).collect::<Vec<_>>())
    });
    let group = move || {
        let data = ctx.data();
        let list: Vec<&Enterprise> = unnamed.with(|u| u.iter().map(|i| &data.ds.enterprises[*i]).collect());
        (!list.is_empty()).then(|| unidentified_card(ctx, lang, &data.ds, &list))
    };
    let empty = move || {
        result.with(|r| r.indices.is_empty()).then(|| {
            view! {
                <div class="vp-empty" role="status">
                    <p>{s.empty_state}</p>
                    <button type="button" class="vp-btn" data-action="clear-filters" on:click=move |_| ctx.state.update(|s| s.clear_filters())>
                        {s.clear_filters}
                    </button>
                </div>
            }
        })
    };
    let cards = view! {
        {empty}
        <ul class="vp-ents">
            <For each=move || page.with(|p| p.0.clone()) key=|i| *i let:i>
                {card(ctx, lang, i)}
            </For>
            {group}
        </ul>
        {move || page.with(|p| p.1).then(|| view! {
            <button type="button" class="vp-btn vp-btn-secondary" on:click=move |_| shown.update(|n| *n += PAGE)>{s.show_more}</button>
        })}
    };
    let download = move |csv: bool| {
        let data = ctx.data();
        result.with_untracked(|r| download_list(&data.ds, r.indices.iter().map(|i| &data.ds.enterprises[*i]), csv));
    };
    let search_id = ctx.id("q");
    let sort_id = ctx.id("sort");
    let data = ctx.data();
    let total = data.ds.enterprises.len().to_string();
    let selects = facets(&data.ds, lang).into_iter().map(|f| facet_select(ctx, lang, f, result)).collect_view();
    view! {
        <div class="vp-list">
            <h3 class="vp-h3">{s.list_heading}</h3>
            {headline_view(ctx, lang, &data.ds)}
            <div class="vp-filters" role="search">
                <div class="vp-field vp-field-wide">
                    <label for=search_id.clone()>{s.search_label}</label>
                    <input
                        id=search_id
                        type="search"
                        autocomplete="off"
                        placeholder=s.search_placeholder
                        prop:value=move || ctx.state.with(|s| s.text.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            ctx.state.update(|s| s.text = v);
                        }
                    />
                </div>
                {selects}
                <div class="vp-field">
                    <label for=sort_id.clone()>{s.sort_label}</label>
                    <select
                        id=sort_id
                        on:change=move |ev| {
                            if let Some(k) = SortKey::parse(&event_target_value(&ev)) {
                                ctx.state.update(|s| s.sort = k);
                            }
                        }
                    >
                        {SortKey::ALL
                            .into_iter()
                            .map(|k| {
                                let label = match k {
                                    SortKey::Name => s.sort_name,
                                    SortKey::Zone => s.sort_zone,
                                    SortKey::Date => s.sort_date,
                                };
                                view! { <option value=k.id() selected=move || ctx.state.with(|s| s.sort == k)>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="vp-count" role="status" data-testid="count">
                {move || fill(s.result_count, &[("n", &result.with(|r| r.indices.len()).to_string()), ("total", &total)])}
                {move || (!filt.with(|f| f.is_empty())).then(|| view! {
                    " "
                    <button type="button" class="vp-btn vp-btn-link" on:click=move |_| ctx.state.update(|s| s.clear_filters())>
                        {s.clear_filters}
                    </button>
                })}
            </p>
            {cards}
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
