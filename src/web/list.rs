//! The enterprise explorer: data-driven headline, facet filters with live counts, search,
//! sort, cards with sources, the unidentified approvals as one honest group, downloads.

use leptos::prelude::*;

use super::{dom, Ctx};
use crate::filter::{display_name, filter, sort, FilterResult, SortKey, UNKNOWN};
use crate::i18n::{count, fill, Lang, Strings};
use crate::model::{Confidence, Enterprise, Status, Text};
use crate::state::UiState;
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
pub fn source_links(ctx: Ctx, lang: Lang, ids: &[String]) -> impl IntoView {
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
                <a class="vp-src" href=src.url.as_str() target="_blank" rel="noopener noreferrer" title=name aria-label=aria>
                    "[" {src.id.as_str()} "]"
                </a>
                " "
            }
        })
        .collect_view();
    view! { <span class="vp-src-label">{s.sources}": "</span> {links} }
}

fn zone_name(ctx: Ctx, lang: Lang, id: Option<&str>) -> String {
    id.and_then(|z| ctx.ds.zone(z))
        .map(|z| z.short_name.get(lang).to_string())
        .unwrap_or_else(|| lang.strings().unknown.to_string())
}

fn status_label(s: &Strings, st: Status) -> &'static str {
    match st {
        Status::Approved => s.status_approved,
        Status::ReportedApplicant => s.status_reported_applicant,
    }
}

fn card(ctx: Ctx, lang: Lang, e: &'static Enterprise) -> impl IntoView {
    let s = lang.strings();
    let name = display_name(e, lang).unwrap_or(s.unidentified_name);
    // The other language's name, when it is a different string.
    let other = display_name(e, lang.other()).filter(|n| *n != name);
    let zh_missing = (lang == Lang::Zh && e.name_zh.is_none()).then_some(s.zh_name_missing);
    let parent = e.parent.as_ref().map(|p| p.get(lang)).unwrap_or(s.unknown);
    let country = e.parent_country.as_deref().and_then(|c| ctx.ds.country(c)).map(|c| c.name.get(lang)).unwrap_or(s.unknown);
    let services = match &e.services {
        None => s.not_published.to_string(),
        Some(list) => list
            .iter()
            .map(|id| ctx.ds.service(id).map(|sv| format!("{} {}", sv.code, sv.name.get(lang))).unwrap_or_else(|| id.clone()))
            .collect::<Vec<_>>()
            .join("; "),
    };
    let approval = e.batch.map(|b| {
        fill(s.batch_n, &[("n", &b.to_string()), ("date", e.approval_date.as_deref().unwrap_or(s.unknown))])
    });
    view! {
        <li class="vp-ent" data-id=e.id.as_str() data-status=e.status.id()>
            <h4 class="vp-ent-name">
                {name}
                {other.map(|o| view! { " " <span class="vp-other-lang" lang=lang.other().tag()>{o}</span> })}
            </h4>
            <p class="vp-ent-meta">
                <span class=format!("vp-badge vp-badge-{}", e.status.id())>{status_label(s, e.status)}</span>
                " "
                <span class="vp-muted">{if e.legal_name { s.legal_name } else { s.name_as_reported }}</span>
                {zh_missing.map(|m| view! { " · " <span class="vp-muted">{m}</span> })}
            </p>
            <dl class="vp-dl">
                <dt>{s.field_parent}</dt>
                <dd>{parent}" ("{country}")"</dd>
                <dt>{s.field_zone}</dt>
                <dd>{zone_name(ctx, lang, e.zone.as_deref())}</dd>
                <dt>{s.field_services}</dt>
                <dd>{services}</dd>
                {e.activity.as_ref().map(|a| view! { <dt>{s.field_activity}</dt> <dd>{a.get(lang)}</dd> })}
                {approval.map(|a| view! { <dt>{s.field_batch}</dt> <dd>{a}</dd> })}
                <dt>{s.confidence}</dt>
                <dd>{confidence_label(lang, e.confidence)}</dd>
            </dl>
            {e.note.as_ref().map(|n| view! { <p class="vp-note">{n.get(lang)}</p> })}
            <p class="vp-sources">{source_links(ctx, lang, &e.source_ids)}</p>
        </li>
    }
}

/// One honest summary card for the approvals no source names (never one fake row each).
fn unidentified_card(ctx: Ctx, lang: Lang, list: &[&'static Enterprise]) -> impl IntoView {
    let s = lang.strings();
    let mut text = fill(s.unidentified_group, &[("n", &list.len().to_string())]);
    for (z, k) in unidentified_by_zone(ctx.ds, list.iter().copied()) {
        text.push_str(if lang == Lang::Zh { "," } else { ", " });
        text.push_str(&fill(s.unidentified_in_zone, &[("n", &k.to_string()), ("zone", &zone_name(ctx, lang, Some(&z)))]));
    }
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
    let opts = move || {
        let current = ctx.state.with(get);
        result.with(|r| {
            let counts = counts(r);
            let rest = options
                .iter()
                .filter(|(v, _)| counts.contains_key(v) || current.as_deref() == Some(v.as_str()))
                .map(|(v, name)| {
                    let n = counts.get(v).copied().unwrap_or(0);
                    view! { <option value=v.clone() selected=current.as_deref() == Some(v.as_str())>{format!("{name} ({n})")}</option> }
                })
                .collect_view();
            view! { <option value="" selected=current.is_none()>{s.any}</option> {rest} }
        })
    };
    view! {
        <div class="vp-field">
            <label for=id.clone()>{label}</label>
            <select
                id=id
                data-facet=key
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|s| set(s, if v.is_empty() { None } else { Some(v) }));
                }
            >
                {opts}
            </select>
        </div>
    }
}

fn with_unknown(lang: Lang, mut v: Vec<(String, String)>) -> Vec<(String, String)> {
    v.push((UNKNOWN.to_string(), lang.strings().unknown.to_string()));
    v
}

fn facets(ctx: Ctx, lang: Lang) -> [Facet; 4] {
    let s = lang.strings();
    let named = |id: &str, t: &Text| (id.to_string(), t.get(lang).to_string());
    [
        Facet {
            key: "zone",
            label: s.filter_zone,
            options: with_unknown(lang, ctx.ds.zones.iter().map(|z| named(&z.id, &z.short_name)).collect()),
            get: |s| s.zone.clone(),
            set: |s, v| s.zone = v,
            counts: |r| &r.counts.zone,
        },
        Facet {
            key: "service",
            label: s.filter_service,
            options: with_unknown(
                lang,
                ctx.ds.services.iter().map(|x| (x.id.clone(), format!("{} {}", x.code, x.name.get(lang)))).collect(),
            ),
            get: |s| s.service.clone(),
            set: |s, v| s.service = v,
            counts: |r| &r.counts.service,
        },
        Facet {
            key: "country",
            label: s.filter_country,
            options: with_unknown(lang, ctx.ds.countries.iter().map(|c| named(&c.id, &c.name)).collect()),
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

fn headline_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let h = headline(ctx.ds);
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
    let result = Memo::new(move |_| filter(ctx.ds, ctx.index, &filt.get()).unwrap_or_default());
    // A new filter starts again at the first page.
    Effect::new(move |_| {
        filt.track();
        shown.set(PAGE);
    });

    let cards = move || {
        let key = ctx.state.with(|s| s.sort);
        result.with(|r| {
            let list: Vec<&'static Enterprise> = r.ids.iter().filter_map(|id| ctx.ds.enterprise(id)).collect();
            let (named, unnamed): (Vec<_>, Vec<_>) = list.into_iter().partition(|e| e.identified);
            let named = sort(ctx.ds, named, key, lang);
            let more = named.len() > shown.get();
            let page = named.into_iter().take(shown.get()).map(|e| card(ctx, lang, e)).collect_view();
            let group = (!unnamed.is_empty()).then(|| unidentified_card(ctx, lang, &unnamed));
            let empty = r.ids.is_empty().then(|| {
                view! {
                    <div class="vp-empty" role="status">
                        <p>{s.empty_state}</p>
                        <button type="button" class="vp-btn" data-action="clear-filters" on:click=move |_| ctx.state.update(|s| s.clear_filters())>
                            {s.clear_filters}
                        </button>
                    </div>
                }
            });
            view! {
                {empty}
                <ul class="vp-ents">{page} {group}</ul>
                {more.then(|| view! {
                    <button type="button" class="vp-btn vp-btn-secondary" on:click=move |_| shown.update(|n| *n += PAGE)>{s.show_more}</button>
                })}
            }
        })
    };
    let download = move |csv: bool| {
        let ids = result.with_untracked(|r| r.ids.clone());
        let _ = if csv {
            dom::download("vats-pilot-enterprises.csv", "text/csv;charset=utf-8", &crate::export::csv(ctx.ds, &ids))
        } else {
            dom::download("vats-pilot-enterprises.json", "application/json", &crate::export::json(ctx.ds, &ids))
        };
    };
    let search_id = ctx.id("q");
    let sort_id = ctx.id("sort");
    let total = ctx.ds.enterprises.len().to_string();
    let selects = facets(ctx, lang).into_iter().map(|f| facet_select(ctx, lang, f, result)).collect_view();
    view! {
        <div class="vp-list">
            <h3 class="vp-h3">{s.list_heading}</h3>
            {headline_view(ctx, lang)}
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
                {move || fill(s.result_count, &[("n", &result.with(|r| r.ids.len()).to_string()), ("total", &total)])}
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
