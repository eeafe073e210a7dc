//! The map: Natural Earth geometry (pre-projected paths), the four zones as focusable buttons,
//! two insets, a card for the active zone, and an equivalent list of the zones.

use leptos::prelude::*;

use super::{dom, Ctx, ViewMode};
use crate::geo::{zoom_to, MapView, ShapeClass};
use crate::geo_data::{INSET_SHANGHAI, INSET_SHENZHEN, MAIN};
use crate::i18n::fill;
use crate::state::Tab;
use crate::summary::zone_summary;

const ZOOM: f32 = 1.8;

/// Label placement beside each zone marker, in map units (presentation only).
fn label_offset(zone: &str) -> (f32, f32, &'static str) {
    match zone {
        "beijing" => (-16.0, -14.0, "end"),
        "shanghai" => (16.0, -8.0, "start"),
        "hainan" => (-18.0, 12.0, "end"),
        _ => (16.0, 24.0, "start"),
    }
}

fn class_name(c: ShapeClass) -> &'static str {
    match c {
        ShapeClass::Zone => "vp-shape vp-shape-zone",
        ShapeClass::Province => "vp-shape vp-shape-province",
        ShapeClass::Outside => "vp-shape vp-shape-outside",
        ShapeClass::Neighbour => "vp-shape vp-shape-neighbour",
    }
}

/// The static base layer of a view (every shape except pilot zones), never re-rendered.
fn base_layer(view: &'static MapView) -> impl IntoView {
    view.shapes
        .iter()
        .filter(|s| s.zone.is_none())
        .map(|s| view! { <path class=class_name(s.class) d=s.d></path> })
        .collect_view()
}

fn zone_ids(ctx: Ctx) -> Vec<String> {
    ctx.ds.zones.iter().map(|z| z.id.clone()).collect()
}

/// Selects (or re-selects) a zone; the list filter and the checker's place follow.
fn select(ctx: Ctx, zone: Option<&str>) {
    ctx.state.update(|s| s.select_zone(ctx.ds, zone));
}

fn on_zone_key(ctx: Ctx, zone: &str, ev: &leptos::ev::KeyboardEvent) {
    let ids = zone_ids(ctx);
    let i = ids.iter().position(|z| z == zone).unwrap_or(0);
    let n = ids.len().max(1);
    let target = match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            select(ctx, Some(zone));
            return;
        }
        "Escape" => {
            ev.prevent_default();
            select(ctx, None);
            return;
        }
        "ArrowRight" | "ArrowDown" => (i + 1) % n,
        "ArrowLeft" | "ArrowUp" => (i + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return,
    };
    ev.prevent_default();
    let el: web_sys::Element = event_target(ev);
    if let Some(id) = ids.get(target) {
        dom::focus_in_root(&el, &format!("g.vp-zone[data-zone=\"{id}\"]"));
    }
}

pub fn map_view() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The zone under the pointer or keyboard focus; the card shows it, else the selection.
    let hover = RwSignal::new(None::<String>);
    let selected = Memo::new({
        let c = ctx;
        move |_| c.state.with(|s| s.zone.clone())
    });
    let active = Memo::new(move |_| hover.get().or_else(|| selected.get()));

    let zoom_style = move || match selected.get().and_then(|z| MAIN.marker(&z).copied()) {
        Some(m) => {
            let (tx, ty, s) = zoom_to(&MAIN, m.x, m.y, ZOOM);
            format!("transform: translate({tx}px, {ty}px) scale({s})")
        }
        None => "transform: none".to_string(),
    };

    let zones = ctx
        .ds
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| {
            let id = z.id.clone();
            let marker = MAIN.marker(&id).copied();
            let shapes = MAIN.shapes.iter().filter(|s| s.zone == Some(id.as_str())).collect::<Vec<_>>();
            let (dx, dy, anchor) = label_offset(&id);
            let c = ctx;
            let (id1, id2, id3, id4, id5, id6) = (id.clone(), id.clone(), id.clone(), id.clone(), id.clone(), id.clone());
            let c_label = ctx;
            let c_key = ctx;
            let c_click = ctx;
            let is_sel = move || selected.get().as_deref() == Some(id1.as_str());
            let tab_stop = move || {
                let sel = selected.get();
                let first = i == 0;
                if sel.as_deref() == Some(id2.as_str()) || (sel.is_none() && first) { "0" } else { "-1" }
            };
            let zone_for_label = z.clone();
            view! {
                <g
                    class="vp-zone"
                    class:vp-active=move || active.get().as_deref() == Some(id3.as_str())
                    class:vp-selected=is_sel.clone()
                    data-zone=id.clone()
                    role="button"
                    tabindex=tab_stop
                    aria-pressed=move || is_sel().to_string()
                    aria-label=move || zone_for_label.short_name.get(c_label.lang.get()).to_string()
                    on:click=move |_| select(c_click, Some(&id4))
                    on:keydown=move |ev| on_zone_key(c_key, &id5, &ev)
                    on:focus={
                        let id = id6.clone();
                        move |_| hover.set(Some(id.clone()))
                    }
                    on:blur=move |_| hover.set(None)
                    on:mouseenter={
                        let id = id6.clone();
                        move |_| hover.set(Some(id.clone()))
                    }
                    on:mouseleave=move |_| hover.set(None)
                >
                    {shapes.into_iter().map(|s| view! { <path class="vp-shape vp-shape-zone" d=s.d></path> }).collect_view()}
                    {marker.map(|m| {
                        let z = z.clone();
                        let c = c;
                        view! {
                            <circle class="vp-marker-halo" cx=m.x cy=m.y r="22"></circle>
                            <circle class="vp-marker" cx=m.x cy=m.y r="9"></circle>
                            <text class="vp-label" x=m.x + dx y=m.y + dy text-anchor=anchor aria-hidden="true">
                                {move || z.short_name.get(c.lang.get()).to_string()}
                            </text>
                        }
                    })}
                </g>
            }
        })
        .collect_view();

    let c = ctx;
    let c_desc = ctx;
    let c_credit = ctx;
    let c_hint = ctx;
    let heading_id = ctx.id("map-h");
    let desc_id = ctx.id("map-d");
    view! {
        <div class="vp-map">
            <h3 class="vp-h3" id=heading_id.clone()>{move || c.s().map_heading}</h3>
            <p class="vp-hint" id=desc_id.clone()>{move || c_hint.s().map_keys_hint}</p>
            <div class="vp-map-grid">
                <div class="vp-map-main">
                    <svg
                        class="vp-svg"
                        viewBox=MAIN.view_box_attr()
                        role="group"
                        aria-labelledby=heading_id
                        aria-describedby=desc_id
                    >
                        <desc>{move || c_desc.s().map_desc}</desc>
                        <rect class="vp-sea" x="-2000" y="-2000" width="5000" height="5000"></rect>
                        <g class="vp-zoom" style=zoom_style>
                            {base_layer(&MAIN)}
                            {zones}
                        </g>
                    </svg>
                </div>
                <div class="vp-insets">
                    {inset(ctx, &INSET_SHANGHAI, "shanghai")}
                    {inset(ctx, &INSET_SHENZHEN, "shenzhen")}
                </div>
            </div>
            <p class="vp-credit">{move || c_credit.s().map_credit}</p>
            {zone_card(ctx, active, selected)}
            {zone_list(ctx, selected)}
        </div>
    }
}

/// A small locator inset; it repeats the main map's action for pointer users only.
fn inset(ctx: Ctx, view: &'static MapView, zone: &'static str) -> impl IntoView {
    let c_title = ctx;
    let c_note = ctx;
    let selected = {
        let c = ctx;
        move || c.state.with(|s| s.zone.as_deref() == Some(zone))
    };
    let markers = view
        .markers
        .iter()
        .map(|m| {
            let c = ctx;
            let name = move || {
                if m.id == "lingang" {
                    c.s().lingang.to_string()
                } else {
                    c.ds.zone(m.id).map(|z| z.short_name.get(c.lang.get()).to_string()).unwrap_or_default()
                }
            };
            view! {
                <circle class="vp-marker-halo" cx=m.x cy=m.y r="60"></circle>
                <circle class="vp-marker" cx=m.x cy=m.y r="24"></circle>
                <text class="vp-label vp-label-inset" x=m.x + 40.0 y=m.y + 14.0>{name}</text>
            }
        })
        .collect_view();
    let zones = view
        .shapes
        .iter()
        .filter(|s| s.zone.is_some())
        .map(|s| view! { <path class="vp-shape vp-shape-zone" d=s.d></path> })
        .collect_view();
    let c_click = ctx;
    view! {
        <figure class="vp-inset" class:vp-selected=selected on:click=move |_| select(c_click, Some(zone))>
            <svg class="vp-svg" viewBox=view.view_box_attr() aria-hidden="true">
                <rect class="vp-sea" x="-2000" y="-2000" width="5000" height="5000"></rect>
                {base_layer(view)}
                {zones}
                {markers}
            </svg>
            <figcaption>
                <span class="vp-inset-title">
                    {move || if zone == "shanghai" { c_title.s().inset_shanghai } else { c_title.s().inset_shenzhen }}
                </span>
                <span class="vp-inset-note">
                    {move || if zone == "shanghai" { c_note.s().pudong_note } else { c_note.s().shenzhen_note }}
                </span>
            </figcaption>
        </figure>
    }
}

fn sources_links(ctx: Ctx, ids: &[String]) -> impl IntoView {
    super::list::source_links(ctx, ids)
}

/// The card for the active zone: names in both languages, extent, known approvals, actions.
fn zone_card(ctx: Ctx, active: Memo<Option<String>>, selected: Memo<Option<String>>) -> impl IntoView {
    let ctx = ctx;
    move || {
        let id = active.get()?;
        let z = ctx.ds.zone(&id)?.clone();
        let lang = ctx.lang.get();
        let s = lang.strings();
        let sum = zone_summary(&ctx.ds, &id);
        let known = if sum.unidentified > 0 {
            fill(s.zone_known_unidentified, &[("n", &sum.approved.to_string()), ("u", &sum.unidentified.to_string())])
        } else {
            fill(s.zone_known, &[("n", &sum.approved.to_string())])
        };
        let short = z.short_name.get(lang).to_string();
        let is_selected = selected.get().as_deref() == Some(id.as_str());
        let actions = (ctx.view == ViewMode::All).then(|| {
            let c1 = ctx;
            let c2 = ctx;
            let (z1, z2) = (id.clone(), id.clone());
            view! {
                <div class="vp-actions">
                    <button
                        type="button"
                        class="vp-btn"
                        on:click=move |_| {
                            select(c1, Some(&z1));
                            c1.state.update(|s| s.tab = Tab::List);
                        }
                    >
                        {fill(s.zone_show_list, &[("zone", &short)])}
                    </button>
                    <button
                        type="button"
                        class="vp-btn vp-btn-secondary"
                        on:click=move |_| {
                            select(c2, Some(&z2));
                            c2.state.update(|s| s.tab = Tab::Checker);
                        }
                    >
                        {fill(s.zone_check, &[("zone", &short)])}
                    </button>
                </div>
            }
        });
        let c_clear = ctx;
        let clear = is_selected.then(|| {
            view! {
                <button type="button" class="vp-btn vp-btn-link" on:click=move |_| select(c_clear, None)>
                    {s.clear_selection}
                </button>
            }
        });
        Some(view! {
            <div class="vp-card" aria-live="polite" data-zone=id.clone()>
                <h4 class="vp-card-title">
                    {short.clone()}
                    " "
                    <span class="vp-other-lang" lang=lang.other().tag()>{z.short_name.get(lang.other()).to_string()}</span>
                    {is_selected.then(|| view! { <span class="vp-badge">{s.zone_selected}</span> })}
                </h4>
                <p class="vp-official">{z.official_name.get(lang).to_string()}</p>
                <p>{z.extent.get(lang).to_string()}</p>
                <p class="vp-known">{known}</p>
                {actions}
                <p class="vp-sources">{sources_links(ctx, &z.source_ids)}</p>
                {clear}
            </div>
        })
    }
}

/// The same zones as a plain list of buttons, for screen readers and small screens.
fn zone_list(ctx: Ctx, selected: Memo<Option<String>>) -> impl IntoView {
    let c = ctx;
    let items = ctx
        .ds
        .zones
        .iter()
        .map(|z| {
            let c = ctx;
            let c2 = ctx;
            let c3 = ctx;
            let (id1, id2) = (z.id.clone(), z.id.clone());
            let z1 = z.clone();
            let z2 = z.clone();
            view! {
                <li>
                    <button
                        type="button"
                        class="vp-zone-btn"
                        data-zone=z.id.clone()
                        aria-pressed=move || (selected.get().as_deref() == Some(id1.as_str())).to_string()
                        on:click=move |_| {
                            let again = selected.get_untracked().as_deref() == Some(id2.as_str());
                            select(c, if again { None } else { Some(&id2) });
                        }
                    >
                        <span class="vp-zone-name">{move || z1.short_name.get(c2.lang.get()).to_string()}</span>
                        <span class="vp-zone-extent">{move || z2.extent.get(c3.lang.get()).to_string()}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <h4 class="vp-h4">{move || c.s().zones_list_heading}</h4>
        <ul class="vp-zone-list">{items}</ul>
    }
}
