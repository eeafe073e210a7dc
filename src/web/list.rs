//! The enterprise explorer: data-driven headline, facet filters with live counts, search,
//! sort, cards with sources, the unidentified approvals as one honest group, downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::filter::{display_name, filter, sort, FilterResult, SortKey, UNKNOWN};
use crate::i18n::{fill, Lang};
use crate::model::{Confidence, Enterprise, Status};
use crate::summary::{headline, unidentified_by_zone};

/// Cards rendered at once; "Show more" adds as many again. Keeps a keystroke cheap at 10,000.
const PAGE: usize = 50;

pub fn confidence_label(lang: Lang, c: Confidence) -> &'static str {
    let s = lang.strings();
    match c {
        Confidence::High => s.conf_high,
        Confidence::Medium => s.conf_medium,
        Confidence::Low => s.conf_low,
    }
}

/// Links to sources by id: `[S27]`, opening in a new tab, named for screen readers.
pub fn source_links(ctx: Ctx, ids: &[String]) -> impl IntoView {
    let lang = ctx.lang.get_untracked();
    let s = lang.strings();
    let links = ids
        .iter()
        .filter_map(|id| ctx.ds.source(id))
        .map(|src| {
            let mut name = format!("{}: {} — {}", fill(s.source_n, &[("id", &src.id)]), src.outlet, src.title);
            if let Some(d) = &src.date {
                name.push_str(&format!(" ({d})"));
            }
            if !src.retrieved {
                name.push_str(&format!(" [{}]", s.not_retrieved));
            }
            let aria = format!("{name} {}", s.opens_new_tab);
            view! {
                <a class="vp-src" href=src.url.clone() target="_blank" rel="noopener noreferrer" title=name aria-label=aria>
                    {format!("[{}]", src.id)}
                </a>
                " "
            }
        })
        .collect_view();
    view! {
        <span class="vp-src-label">{s.sources}": "</span>
        {links}
    }
}

fn zone_name(ctx: Ctx, lang: Lang, id: Option<&str>) -> String {
    id.and_then(|z| ctx.ds.zone(z))
        .map(|z| z.short_name.get(lang).to_string())
        .unwrap_or_else(|| lang.strings().unknown.to_string())
}

fn card(ctx: Ctx, e: &Enterprise, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let name = display_name(e, lang).unwrap_or(s.unidentified_name).to_string();
    // The other language's name, if it is a different string.
    let other = display_name(e, lang.other()).filter(|n| *n != name).map(str::to_string);
    let zh_missing = (lang == Lang::Zh && e.name_zh.is_none()).then_some(s.zh_name_missing);
    let parent = e.parent.as_ref().map(|p| p.get(lang).to_string()).unwrap_or_else(|| s.unknown.to_string());
    let country = e
        .parent_country
        .as_deref()
        .and_then(|c| ctx.ds.country(c))
        .map(|c| c.name.get(lang).to_string())
        .unwrap_or_else(|| s.unknown.to_string());
    let services = match &e.services {
        None => s.not_published.to_string(),
        Some(list) => list
            .iter()
            .map(|id| match ctx.ds.service(id) {
                Some(sv) => format!("{} {}", sv.code, sv.name.get(lang)),
                None => id.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
    };
    let status = match e.status {
        Status::Approved => s.status_approved,
        Status::ReportedApplicant => s.status_reported_applicant,
    };
    let approval = match (e.batch, &e.approval_date) {
        (Some(b), Some(d)) => Some(fill(s.batch_n, &[("n", &b.to_string()), ("date", d)])),
        (Some(b), None) => Some(fill(s.batch_n, &[("n", &b.to_string()), ("date", s.unknown)])),
        _ => None,
    };
    let name_kind = if e.legal_name { s.legal_name } else { s.name_as_reported };
    view! {
        <li class="vp-ent" data-id=e.id.clone() data-status=e.status.id()>
            <h4 class="vp-ent-name">
                {name}
                {other.map(|o| view! { " " <span class="vp-other-lang" lang=lang.other().tag()>{o}</span> })}
            </h4>
            <p class="vp-ent-meta">
                <span class=format!("vp-badge vp-badge-{}", e.status.id())>{status}</span>
                " "
                <span class="vp-muted">{name_kind}</span>
                {zh_missing.map(|m| view! { " · " <span class="vp-muted">{m}</span> })}
            </p>
            <dl class="vp-dl">
                <dt>{s.field_parent}</dt>
                <dd>{parent}" ("{country}")"</dd>
                <dt>{s.field_zone}</dt>
                <dd>{zone_name(ctx, lang, e.zone.as_deref())}</dd>
                <dt>{s.field_services}</dt>
                <dd>{services}</dd>
                {e.activity.as_ref().map(|a| view! { <dt>{s.field_activity}</dt> <dd>{a.get(lang).to_string()}</dd> })}
                {approval.map(|a| view! { <dt>{s.field_batch}</dt> <dd>{a}</dd> })}
                <dt>{s.confidence}</dt>
                <dd>{confidence_label(lang, e.confidence)}</dd>
            </dl>
            {e.note.as_ref().map(|n| view! { <p class="vp-note">{n.get(lang).to_string()}</p> })}
            <p class="vp-sources">{source_links(ctx, &e.source_ids)}</p>
        </li>
    }
}

/// One honest summary card for the approvals no source names.
fn unidentified_card(ctx: Ctx, list: &[&Enterprise], lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let n = list.len();
    let by_zone = unidentified_by_zone(&ctx.ds, list.iter().copied());
    let mut text = fill(s.unidentified_group, &[("n", &n.to_string())]);
    for (z, k) in &by_zone {
        let zn = zone_name(ctx, lang, Some(z));
        text.push_str(if lang == Lang::Zh { "," } else { ", " });
        text.push_str(&fill(s.unidentified_in_zone, &[("n", &k.to_string()), ("zone", &zn)]));
    }
    let mut ids: Vec<String> = Vec::new();
    for e in list {
        for id in &e.source_ids {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    view! {
        <li class="vp-ent vp-ent-unidentified" data-id="unidentified">
            <h4 class="vp-ent-name">{text}</h4>
            <p class="vp-sources">{source_links(ctx, &ids)}</p>
        </li>
    }
}

fn facet_select(
    ctx: Ctx,
    key: &'static str,
    label: fn(&crate::i18n::Strings) -> &'static str,
    options: Vec<(String, crate::model::Text)>,
    counts: Memo<FilterResult>,
    get: fn(&crate::state::UiState) -> Option<String>,
    set: fn(&mut crate::state::UiState, Option<String>),
) -> impl IntoView {
    let id = ctx.id(&format!("f-{key}"));
    let c = ctx;
    let c_lbl = ctx;
    let c_change = ctx;
    let opts = move || {
        let lang = c.lang.get();
        let s = lang.strings();
        let current = c.state.with(get);
        let counts = counts.with(|r| match key {
            "zone" => r.counts.zone.clone(),
            "service" => r.counts.service.clone(),
            "country" => r.counts.country.clone(),
            _ => r.counts.status.clone(),
        });
        let mut all: Vec<(String, String)> = options.iter().map(|(v, t)| (v.clone(), t.get(lang).to_string())).collect();
        if key != "status" {
            all.push((UNKNOWN.to_string(), s.unknown.to_string()));
        }
        let any = view! { <option value="" selected=current.is_none()>{s.any}</option> };
        let rest = all
            .into_iter()
            .filter(|(v, _)| counts.contains_key(v) || current.as_deref() == Some(v.as_str()))
            .map(|(v, name)| {
                let n = counts.get(&v).copied().unwrap_or(0);
                let sel = current.as_deref() == Some(v.as_str());
                view! { <option value=v selected=sel>{format!("{name} ({n})")}</option> }
            })
            .collect_view();
        view! { {any} {rest} }
    };
    view! {
        <div class="vp-field">
            <label for=id.clone()>{move || label(c_lbl.s())}</label>
            <select
                id=id
                data-facet=key
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    c_change.state.update(|s| set(s, if v.is_empty() { None } else { Some(v) }));
                }
            >
                {opts}
            </select>
        </div>
    }
}

pub fn list_view() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let shown = RwSignal::new(PAGE);
    let filt = Memo::new({
        let c = ctx;
        move |_| c.state.with(|s| s.filter())
    });
    let result = Memo::new({
        let c = ctx;
        move |_| filter(&c.ds, &c.index, &filt.get()).unwrap_or_default()
    });
    // A new filter starts again at the first page.
    Effect::new(move |_| {
        filt.track();
        shown.set(PAGE);
    });

    let zone_opts = ctx.ds.zones.iter().map(|z| (z.id.clone(), z.short_name.clone())).collect();
    let service_opts = ctx
        .ds
        .services
        .iter()
        .map(|s| {
            (s.id.clone(), crate::model::Text { en: format!("{} {}", s.code, s.name.en), zh: format!("{} {}", s.code, s.name.zh) })
        })
        .collect();
    let country_opts = ctx.ds.countries.iter().map(|c| (c.id.clone(), c.name.clone())).collect();
    let status_opts = Status::ALL
        .iter()
        .map(|st| {
            let t = |l: Lang| match st {
                Status::Approved => l.strings().status_approved,
                Status::ReportedApplicant => l.strings().status_reported_applicant,
            };
            (st.id().to_string(), crate::model::Text { en: t(Lang::En).into(), zh: t(Lang::Zh).into() })
        })
        .collect();

    let head = {
        let c = ctx;
        move || {
            let lang = c.lang.get();
            let s = lang.strings();
            let h = headline(&c.ds);
            let main = fill(
                s.headline,
                &[
                    ("total", &h.first_batch_total.to_string()),
                    ("date", h.first_batch_date.as_deref().unwrap_or(s.unknown)),
                    ("identified", &h.identified.to_string()),
                ],
            );
            let later = h.later_total.as_ref().and_then(|f| {
                let v = f.value?;
                Some(fill(
                    s.headline_later,
                    &[
                        ("n", &crate::i18n::count(v)),
                        ("date", f.as_of.as_deref().unwrap_or(s.unknown)),
                        ("confidence", confidence_label(lang, f.confidence)),
                    ],
                ))
            });
            let later_src = h.later_total.map(|f| f.source_ids).unwrap_or_default();
            view! {
                <p class="vp-headline" data-testid="headline">{main}</p>
                {later.map(|t| view! { <p class="vp-later">{t}" " {source_links(c, &later_src)}</p> })}
            }
        }
    };

    let c_search = ctx;
    let c_search_lbl = ctx;
    let c_search_ph = ctx;
    let c_sort = ctx;
    let c_sort_lbl = ctx;
    let c_sort_opts = ctx;
    let c_count = ctx;
    let search_id = ctx.id("q");
    let sort_id = ctx.id("sort");

    let cards = {
        let c = ctx;
        move || {
            let lang = c.lang.get();
            let key = c.state.with(|s| s.sort);
            let r = result.get();
            let list: Vec<&Enterprise> = r.ids.iter().filter_map(|id| c.ds.enterprise(id)).collect();
            let (named, unnamed): (Vec<&Enterprise>, Vec<&Enterprise>) = list.into_iter().partition(|e| e.identified);
            let named = sort(&c.ds, named, key, lang);
            let more = named.len() > shown.get();
            let page: Vec<_> = named.iter().take(shown.get()).map(|e| card(c, e, lang).into_any()).collect();
            let group = (!unnamed.is_empty()).then(|| unidentified_card(c, &unnamed, lang));
            let s = lang.strings();
            let empty = r.ids.is_empty().then(|| {
                let c2 = c;
                view! {
                    <div class="vp-empty" role="status">
                        <p>{s.empty_state}</p>
                        <button type="button" class="vp-btn" on:click=move |_| c2.state.update(|s| s.clear_filters())>
                            {s.clear_filters}
                        </button>
                    </div>
                }
            });
            view! {
                {empty}
                <ul class="vp-ents">{page} {group}</ul>
                {more.then(|| view! {
                    <button type="button" class="vp-btn vp-btn-secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {s.show_more}
                    </button>
                })}
            }
        }
    };

    let c_dl = ctx;
    let c_dl2 = ctx;
    let c_dl_lbl = ctx;
    let c_dl_lbl2 = ctx;
    let c_h = ctx;
    let c_clear = ctx;
    let c_clear2 = ctx;
    view! {
        <div class="vp-list">
            <h3 class="vp-h3">{move || c_h.s().list_heading}</h3>
            {head}
            <div class="vp-filters" role="search">
                <div class="vp-field vp-field-wide">
                    <label for=search_id.clone()>{move || c_search_lbl.s().search_label}</label>
                    <input
                        id=search_id
                        type="search"
                        autocomplete="off"
                        placeholder=move || c_search_ph.s().search_placeholder
                        prop:value=move || c_search.state.with(|s| s.text.clone())
                        on:input=move |ev| {
                            let v = event_target_value(&ev);
                            c_search.state.update(|s| s.text = v);
                        }
                    />
                </div>
                {facet_select(ctx, "zone", |s| s.filter_zone, zone_opts, result, |s| s.zone.clone(), |s, v| s.zone = v)}
                {facet_select(ctx, "service", |s| s.filter_service, service_opts, result, |s| s.service.clone(), |s, v| s.service = v)}
                {facet_select(ctx, "country", |s| s.filter_country, country_opts, result, |s| s.country.clone(), |s, v| s.country = v)}
                {facet_select(ctx, "status", |s| s.filter_status, status_opts, result, |s| s.status.clone(), |s, v| s.status = v)}
                <div class="vp-field">
                    <label for=sort_id.clone()>{move || c_sort_lbl.s().sort_label}</label>
                    <select
                        id=sort_id
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(k) = SortKey::parse(&v) {
                                c_sort.state.update(|s| s.sort = k);
                            }
                        }
                    >
                        {move || {
                            let s = c_sort_opts.s();
                            let cur = c_sort_opts.state.with(|s| s.sort);
                            SortKey::ALL
                                .into_iter()
                                .map(|k| {
                                    let label = match k {
                                        SortKey::Name => s.sort_name,
                                        SortKey::Zone => s.sort_zone,
                                        SortKey::Date => s.sort_date,
                                    };
                                    view! { <option value=k.id() selected=cur == k>{label}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </div>
            </div>
            <p class="vp-count" role="status" aria-live="polite" data-testid="count">
                {move || {
                    let s = c_count.s();
                    let n = result.with(|r| r.ids.len());
                    fill(s.result_count, &[("n", &n.to_string()), ("total", &c_count.ds.enterprises.len().to_string())])
                }}
                {move || (!c_clear.state.with(|s| s.filter().is_empty())).then(|| {
                    let c = c_clear2;
                    view! {
                        " "
                        <button type="button" class="vp-btn vp-btn-link" on:click=move |_| c.state.update(|s| s.clear_filters())>
                            {c.s().clear_filters}
                        </button>
                    }
                })}
            </p>
            {cards}
            <div class="vp-downloads">
                <button
                    type="button"
                    class="vp-btn vp-btn-secondary"
                    data-download="csv"
                    on:click=move |_| {
                        let ids = result.with_untracked(|r| r.ids.clone());
                        let _ = dom::download("vats-pilot-enterprises.csv", "text/csv;charset=utf-8", &crate::export::csv(&c_dl.ds, &ids));
                    }
                >
                    {move || c_dl_lbl.s().download_csv}
                </button>
                " "
                <button
                    type="button"
                    class="vp-btn vp-btn-secondary"
                    data-download="json"
                    on:click=move |_| {
                        let ids = result.with_untracked(|r| r.ids.clone());
                        let _ = dom::download("vats-pilot-enterprises.json", "application/json", &crate::export::json(&c_dl2.ds, &ids));
                    }
                >
                    {move || c_dl_lbl2.s().download_json}
                </button>
            </div>
        </div>
    }
}
