//! The map: Natural Earth geometry (pre-projected paths), the four zones as focusable buttons,
//! two insets, a card for the active zone, and an equivalent list of the zones.

use leptos::prelude::*;

use super::common::{select_zone as select, source_links};
use super::{dom, Ctx, ViewMode};
use crate::geo::{zoom_in, MapView};
use crate::geo_data::{INSET_SHANGHAI, INSET_SHENZHEN, MAIN};
use crate::i18n::{fill, Lang};
use crate::model::Zone;
use crate::state::Tab;
use crate::summary::zone_summary;
use crate::validate::{zone_id, ZONE_IDS};

const ZOOM: f32 = 1.8;

/// Label placement beside each zone marker, in map units (presentation only).
fn label_offset(zone: &str) -> (f32, f32, &'static str) {
    match zone {
        "beijing" => (-18.0, -14.0, "end"),
        "shanghai" => (-22.0, -22.0, "end"),
        "hainan" => (-22.0, 12.0, "end"),
        _ => (18.0, 28.0, "start"),
    }
}

/// The map's zone buttons, in dataset order, so arrow keys can move focus among them.
type ZoneRefs = [NodeRef<leptos::svg::G>; ZONE_IDS.len()];

fn on_zone_key(ctx: Ctx, i: usize, zone: &'static str, refs: ZoneRefs, ev: &leptos::ev::KeyboardEvent) {
    let key = ev.key();
    match key.as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            select(ctx, Some(zone));
        }
        "Escape" => {
            ev.prevent_default();
            select(ctx, None);
        }
        _ => {
            let Some(next) = crate::keys::roving(&key, i, ctx.data().ds.zones.len().min(refs.len())) else { return };
            ev.prevent_default();
            if let Some(g) = refs[next].get_untracked() {
                let _ = g.focus();
            }
        }
    }
}

fn zone_button(ctx: Ctx, lang: Lang, z: &Zone, i: usize, refs: ZoneRefs, hover: RwSignal<Option<String>>, selected: Memo<Option<String>>) -> Option<impl IntoView> {
    let first = i == 0;
    let id = zone_id(&z.id)?;
    let name = z.short_name.get(lang).to_string();
    let label = name.clone();
    let partial = z.partial;
    let marker = MAIN.marker(id).copied();
    let (dx, dy, anchor) = label_offset(id);
    let is_sel = move || selected.get().as_deref() == Some(id);
    Some(view! {
        <g
            class="vp-zone"
            class:vp-active=move || hover.get().as_deref().or(selected.get().as_deref()) == Some(id)
            class:vp-selected=is_sel
            data-zone=id
            role="button"
            tabindex=move || if is_sel() || (first && selected.get().is_none()) { "0" } else { "-1" }
            aria-pressed=move || is_sel().to_string()
            aria-label=label
            aria-describedby=move || (hover.get().or_else(|| selected.get()).is_some()).then(|| ctx.id("card"))
            on:click=move |_| select(ctx, Some(id))
            node_ref=*refs.get(i)?
            on:keydown=move |ev| on_zone_key(ctx, i, id, refs, &ev)
            on:focus=move |_| hover.set(Some(id.to_string()))
            on:blur=move |_| hover.set(None)
            on:mouseenter=move |_| hover.set(Some(id.to_string()))
            on:mouseleave=move |_| hover.set(None)
        >
            <g inner_html=crate::markup::map_shapes(&MAIN, |s| s.zone == Some(id))></g>
            {partial.then(|| view! { <g aria-hidden="true" inner_html=crate::markup::map_hatch(&MAIN, id, &ctx.id("hatch"))></g> })}
            {marker.map(|m| view! {
                <circle class="vp-marker-halo" cx=m.x cy=m.y r="22"></circle>
                <circle class="vp-marker" cx=m.x cy=m.y r="9"></circle>
                <text class="vp-label" x=m.x + dx y=m.y + dy text-anchor=anchor aria-hidden="true">
                    {name}
                </text>
            })}
        </g>
    })
}

pub fn map_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    // The zone under the pointer or keyboard focus; the card shows it, else the selection.
    let hover = RwSignal::new(None::<String>);
    let selected = Memo::new(move |_| ctx.state.with(|s| s.zone().map(str::to_string)));
    let active = Memo::new(move |_| hover.get().or_else(|| selected.get()));

    // On a phone the map shows the east, where the four areas are, large enough to tap.
    let (view_box, shown) = if dom::narrow_screen() {
        let [x, y, w, h] = MAIN.crop_to_markers(150, 80);
        (format!("{x} {y} {w} {h}"), [x, y, w, h].map(|v| v as f32))
    } else {
        (MAIN.view_box_attr().to_string(), MAIN.view_box)
    };
    // Set through CSSOM (`style:`), which a strict `style-src 'self'` policy allows, unlike a
    // `style` attribute.
    let zoom = move || match selected.get().and_then(|z| MAIN.marker(&z).copied()) {
        Some(m) => {
            let (tx, ty, s) = zoom_in(shown, m.x, m.y, ZOOM);
            format!("translate({tx}px, {ty}px) scale({s})")
        }
        None => "none".to_string(),
    };
    let data = ctx.data();
    let refs: ZoneRefs = std::array::from_fn(|_| NodeRef::new());
    let zones = data
        .ds
        .zones
        .iter()
        .enumerate()
        .map(|(i, z)| zone_button(ctx, lang, z, i, refs, hover, selected))
        .collect_view();
    let heading_id = ctx.id("map-h");
    let hint_id = ctx.id("map-d");
    view! {
        <div class="vp-map">
            <h3 class="vp-h3" id=heading_id.clone() tabindex="-1">{s.map_heading}</h3>
            <p class="vp-hint" id=hint_id.clone()>{s.map_keys_hint}</p>
            <div class="vp-map-grid">
                <div class="vp-map-main">
                    <svg class="vp-svg" viewBox=view_box role="group" aria-labelledby=heading_id aria-describedby=hint_id>
                        <desc>{s.map_desc}</desc>
                        <g inner_html=crate::markup::hatch_pattern(&ctx.id("hatch"), (MAIN.view_box[2] / 120.0) as u32)></g>
                        <rect class="vp-sea" x="-2000" y="-2000" width="5000" height="5000"></rect>
                        <g class="vp-zoom" style:transform=zoom>
                            <g aria-hidden="true" inner_html=crate::markup::map_shapes(&MAIN, |s| s.zone.is_none())></g>
                            {zones}
                        </g>
                    </svg>
                </div>
                <div class="vp-insets">
                    {inset(ctx, lang, &INSET_SHANGHAI, "shanghai", s.inset_shanghai, s.pudong_note)}
                    {inset(ctx, lang, &INSET_SHENZHEN, "shenzhen", s.inset_shenzhen, s.shenzhen_note)}
                </div>
            </div>
            <div class="vp-legend" inner_html=crate::markup::legend(lang, &ctx.id("hatch-key"))></div>
            <p class="vp-credit">{s.map_credit}</p>
            {move || active.get().and_then(|id| zone_card(ctx, lang, &id, selected.get().as_deref() == Some(id.as_str())))}
            {zone_list(ctx, lang, selected)}
        </div>
    }
}

/// A small locator inset; it repeats the main map's action for pointer users only (the same
/// action is on the map's zone buttons and in the list of areas).
fn inset(ctx: Ctx, lang: Lang, view: &'static MapView, zone: &'static str, title: &'static str, note: &'static str) -> impl IntoView {
    let s = lang.strings();
    let data = ctx.data();
    let hatch = data.ds.zone(zone).filter(|z| z.partial).map(|_| (zone, ctx.id(&format!("hatch-{zone}"))));
    let label = move |marker: &str| match marker {
        "lingang" => s.lingang.to_string(),
        "pudong" => s.pudong.to_string(),
        id => data.ds.zone(id).map(|z| z.short_name.get(lang).to_string()).unwrap_or_default(),
    };
    let selected = Memo::new(move |_| ctx.state.with(|s| s.zone() == Some(zone)));
    view! {
        <figure class="vp-inset" class:vp-selected=selected data-inset=zone on:click=move |_| select(ctx, Some(zone))>
            <svg class="vp-svg" viewBox=view.view_box_attr() aria-hidden="true" inner_html=crate::markup::inset_svg(view, label, hatch.as_ref().map(|(z, p)| (*z, p.as_str())))></svg>
            <figcaption>
                <span class="vp-inset-title">{title}</span>
                <span class="vp-inset-note">{note}</span>
            </figcaption>
        </figure>
    }
}

/// The card for the active zone: names in both languages, extent, known approvals, actions.
fn zone_card(ctx: Ctx, lang: Lang, id: &str, is_selected: bool) -> Option<impl IntoView> {
    let data = ctx.data();
    let z: &Zone = data.ds.zone(id)?;
    let zid = zone_id(&z.id)?;
    let s = lang.strings();
    let sum = zone_summary(&data.ds, id);
    let known = if sum.unidentified > 0 {
        fill(s.zone_known_unidentified, &[("n", &sum.approved.to_string()), ("u", &sum.unidentified.to_string())])
    } else {
        fill(s.zone_known, &[("n", &sum.approved.to_string())])
    };
    let short = z.short_name.get(lang);
    // The panel is replaced: focus moves to the new panel's heading.
    let go = move |tab: Tab, ev: leptos::ev::MouseEvent| {
        select(ctx, Some(zid));
        ctx.state.update(|s| s.tab = tab);
        let el: web_sys::Element = event_target(&ev);
        dom::focus_by_id(&el.get_root_node(), &ctx.id(&format!("h-{}", tab.id())));
    };
    let actions = (ctx.view.get_untracked() == ViewMode::All).then(|| {
        view! {
            <div class="vp-actions">
                <button type="button" class="vp-btn" data-action="show-list" on:click=move |ev| go(Tab::List, ev)>
                    {fill(s.zone_show_list, &[("zone", short)])}
                </button>
                <button type="button" class="vp-btn vp-btn-secondary" data-action="check" on:click=move |ev| go(Tab::Checker, ev)>
                    {fill(s.zone_check, &[("zone", short)])}
                </button>
            </div>
        }
    });
    Some(view! {
        <div class="vp-card" id=ctx.id("card") data-zone=zid>
            <h4 class="vp-card-title">
                {short.to_string()}
                " "
                <span class="vp-other-lang" lang=lang.other().tag()>{z.short_name.get(lang.other()).to_string()}</span>
                {is_selected.then(|| view! { " " <span class="vp-badge">{s.zone_selected}</span> })}
            </h4>
            <p class="vp-official">{z.official_name.get(lang).to_string()}</p>
            <p>{z.extent.get(lang).to_string()}</p>
            <p class="vp-known">{known}</p>
            {actions}
            <p class="vp-sources">{source_links(ctx, lang, &z.source_ids)}</p>
            {is_selected.then(|| view! {
                <button
                    type="button"
                    class="vp-btn vp-btn-link"
                    data-action="clear-selection"
                    on:click=move |ev| {
                        // The card goes away with the selection: focus returns to the map.
                        select(ctx, None);
                        let el: web_sys::Element = event_target(&ev);
                        dom::focus_by_id(&el.get_root_node(), &ctx.id("map-h"));
                    }
                >
                    {s.clear_selection}
                </button>
            })}
        </div>
    })
}

/// The same zones as a plain list of buttons, for screen readers and small screens.
fn zone_list(ctx: Ctx, lang: Lang, selected: Memo<Option<String>>) -> impl IntoView {
    let s = lang.strings();
    let items = ctx
        .data()
        .ds
        .zones
        .iter()
        .filter_map(|z| {
            let id = zone_id(&z.id)?;
            let pressed = move || selected.get().as_deref() == Some(id);
            Some(view! {
                <li>
                    <button
                        type="button"
                        class="vp-zone-btn"
                        data-zone=id
                        aria-pressed=move || pressed().to_string()
                        on:click=move |_| select(ctx, if pressed() { None } else { Some(id) })
                    >
                        <span class="vp-zone-name">{z.short_name.get(lang).to_string()}</span>
                        <span class="vp-zone-extent">{z.extent.get(lang).to_string()}</span>
                    </button>
                </li>
            })
        })
        .collect_view();
    // Open on wide screens; on a phone the map above already shows the areas, so the list is
    // one tap away (and still read by screen readers through its summary).
    view! {
        <details class="vp-zone-details" open=!dom::narrow_screen()>
            <summary class="vp-h4">{s.zones_list_heading}</summary>
            <ul class="vp-zone-list">{items}</ul>
        </details>
    }
}
