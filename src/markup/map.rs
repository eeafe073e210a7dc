//! The map tab as markup: the map with its zone buttons, the insets, the legend, the list of
//! areas (one string per language and screen size), and the card of the active zone.
//! Selection state is not baked in: the view marks the selected zone on these elements
//! (`aria-pressed`, classes, `tabindex`), so a hover or a click never rebuilds the map.

use crate::marks::{state, Mark};
use super::{escape, hatch_pattern, inset_svg, legend, map_hatch, map_shapes, source_links, Html};
use crate::geo::{zoom_transform, MapView};
use crate::geo_data::{INSET_SHANGHAI, INSET_SHENZHEN, MAIN};
use crate::i18n::{fill, Lang};
use crate::model::Dataset;
use crate::summary::zone_summary;
use crate::validate::zone_id;

/// How far the map zooms towards a selected zone, in tenths (1.8×).
const ZOOM_TENTHS: u32 = 18;

/// Where the map tab is shown: the widget's id prefix, a phone-sized screen (the list of areas
/// is then folded), a column too narrow for the whole country (a phone, an article column: the
/// map is then cropped to the east, where the four areas are), and whether the other tabs
/// exist (the card then offers "Show enterprises" and "Check a service").
#[derive(Clone, Copy, Debug)]
pub struct MapEnv<'a> {
    pub uid: &'a str,
    pub narrow: bool,
    pub crop: bool,
    pub tabs: bool,
}

/// The view box shown: the whole map, or in a narrow column the crop around the pilot areas.
fn shown(env: &MapEnv) -> (String, MapView) {
    if env.crop {
        let [x, y, w, h] = MAIN.crop_to_markers(150, 80);
        let mut view = MAIN;
        view.view_box = [x, y, w, h].map(|v| v as f32);
        (format!("{x} {y} {w} {h}"), view)
    } else {
        (MAIN.view_box_attr().to_string(), MAIN)
    }
}

/// The CSS transform that zooms the shown map towards `zone` (`none` without a zone).
pub fn zoom(env: &MapEnv, zone: Option<&str>) -> String {
    let (_, view) = shown(env);
    match zone.and_then(|z| MAIN.marker(z)) {
        Some(m) => zoom_transform(&view, m, ZOOM_TENTHS),
        None => "none".to_string(),
    }
}

/// What shows the selection on the map: each area's shape, its button in the list of areas and
/// its inset are marked selected (`vp-selected`) and active (`vp-active`: the area the card
/// shows); shapes and buttons say whether they are pressed; one shape is in the tab order (the
/// selected one, else the first); the map zooms towards the selection.
pub fn marks(ds: &Dataset, env: &MapEnv, selected: Option<&str>, active: Option<&str>) -> Vec<Mark> {
    let mut out = vec![Mark::Style(".vp-zoom".into(), "transform", zoom(env, selected))];
    let mut first = true;
    for z in &ds.zones {
        let Some(id) = zone_id(&z.id) else { continue };
        let (shape, button) = (format!("g.vp-zone[data-zone=\"{id}\"]"), format!(".vp-zone-btn[data-zone=\"{id}\"]"));
        let pressed = format!("{shape},{button}");
        let every = format!("{pressed},[data-inset=\"{id}\"]");
        let sel = selected == Some(id);
        out.push(Mark::Class(every.clone(), "vp-selected", sel));
        out.push(Mark::Class(every, "vp-active", active == Some(id)));
        out.push(Mark::Attr(pressed, "aria-pressed", state(sel)));
        out.push(Mark::Attr(shape, "tabindex", if sel || (first && selected.is_none()) { "0" } else { "-1" }));
        first = false;
    }
    out
}

/// Label placement beside each zone marker, in map units (presentation only).
fn label_offset(zone: &str) -> (i32, i32, &'static str) {
    match zone {
        "beijing" => (-18, -14, "end"),
        "shanghai" => (-22, -22, "end"),
        "hainan" => (-22, 12, "end"),
        _ => (18, 28, "start"),
    }
}

/// The whole map tab; `card` is the zone card shown first (see [`zone_card`]), kept current
/// in `[data-slot=card]`.
pub fn panel(ds: &Dataset, lang: Lang, env: &MapEnv, card: &Html) -> Html {
    let s = lang.strings();
    let uid = escape(env.uid);
    let (view_box, _) = shown(env);
    let mut h = format!(
        "<h3 class=\"vp-h3\" id=\"{uid}-map-h\" tabindex=\"-1\">{}</h3><p class=\"vp-hint\" id=\"{uid}-map-d\">{}</p>\
         <div class=\"vp-map-grid\"><div class=\"vp-map-main\">\
         <svg class=\"vp-svg\" viewBox=\"{view_box}\" role=\"group\" aria-labelledby=\"{uid}-map-h\" aria-describedby=\"{uid}-map-d\"><desc>{}</desc>{}\
         <rect class=\"vp-sea\" x=\"-2000\" y=\"-2000\" width=\"5000\" height=\"5000\"></rect><g class=\"vp-zoom\"><g aria-hidden=\"true\">{}</g>",
        escape(s.map_heading),
        escape(s.map_keys_hint),
        escape(s.map_desc),
        hatch_pattern(&format!("{}-hatch", env.uid), (MAIN.view_box[2] / 120.0) as u32),
        map_shapes(&MAIN, |sh| sh.zone.is_none()),
    );
    let mut first = true;
    for z in &ds.zones {
        let Some(id) = zone_id(&z.id) else { continue };
        let name = escape(z.short_name.get(lang));
        h.push_str(&format!(
            "<g class=\"vp-zone\" data-zone=\"{id}\" role=\"button\" tabindex=\"{}\" aria-pressed=\"false\" aria-label=\"{name}\"><g>{}</g>",
            if first { "0" } else { "-1" },
            map_shapes(&MAIN, |sh| sh.zone == Some(id)),
        ));
        first = false;
        if z.partial {
            h.push_str(&format!("<g aria-hidden=\"true\">{}</g>", map_hatch(&MAIN, id, &format!("{}-hatch", env.uid))));
        }
        if let Some(m) = MAIN.marker(id) {
            let (dx, dy, anchor) = label_offset(id);
            h.push_str(&format!(
                "<circle class=\"vp-marker-halo\" cx=\"{x}\" cy=\"{y}\" r=\"22\"></circle><circle class=\"vp-marker\" cx=\"{x}\" cy=\"{y}\" r=\"9\"></circle>\
                 <text class=\"vp-label\" x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" aria-hidden=\"true\">{name}</text>",
                m.x.round() as i32 + dx,
                m.y.round() as i32 + dy,
                x = m.cx,
                y = m.cy,
            ));
        }
        h.push_str("</g>");
    }
    h.push_str("</g></svg></div><div class=\"vp-insets\">");
    for (view, zone, title, note) in [(&INSET_SHANGHAI, "shanghai", s.inset_shanghai, s.pudong_note), (&INSET_SHENZHEN, "shenzhen", s.inset_shenzhen, s.shenzhen_note)] {
        let label = |marker: &str| match marker {
            "lingang" => s.lingang.to_string(),
            "pudong" => s.pudong.to_string(),
            id => ds.zone(id).map(|z| z.short_name.get(lang).to_string()).unwrap_or_default(),
        };
        let pattern = format!("{}-hatch-{zone}", env.uid);
        let hatch = ds.zone(zone).filter(|z| z.partial).map(|_| (zone, pattern.as_str()));
        // A pointer shortcut only: the same action is on the map's zone and in the list of areas.
        h.push_str(&format!(
            "<figure class=\"vp-inset\" data-inset=\"{zone}\"><svg class=\"vp-svg\" viewBox=\"{}\" aria-hidden=\"true\">{}</svg>\
             <figcaption><span class=\"vp-inset-title\">{}</span><span class=\"vp-inset-note\">{}</span></figcaption></figure>",
            view.view_box_attr(),
            inset_svg(view, label, hatch),
            escape(title),
            escape(note),
        ));
    }
    h.push_str(&format!(
        "</div></div><div class=\"vp-legend\">{}</div><p class=\"vp-credit\">{}</p><div class=\"vp-card-slot\" data-slot=\"card\">{}</div>",
        legend(lang, &format!("{}-hatch-key", env.uid)),
        escape(s.map_credit),
        card.as_str(),
    ));
    // The same zones as a plain list of buttons. Open on wide screens; on a phone the map
    // above already shows the areas, so the list is one tap away.
    h.push_str(&format!(
        "<details class=\"vp-zone-details\"{}><summary class=\"vp-h4\">{}</summary><ul class=\"vp-zone-list\">",
        if env.narrow { "" } else { " open" },
        escape(s.zones_list_heading)
    ));
    for z in &ds.zones {
        let Some(id) = zone_id(&z.id) else { continue };
        h.push_str(&format!(
            "<li><button type=\"button\" class=\"vp-zone-btn\" data-action=\"toggle-zone\" data-zone=\"{id}\" data-arg=\"{id}\" aria-pressed=\"false\"><span class=\"vp-zone-name\">{}</span><span class=\"vp-zone-extent\">{}</span></button></li>",
            escape(z.short_name.get(lang)),
            escape(z.extent.get(lang)),
        ));
    }
    h.push_str("</ul></details>");
    Html(h)
}

/// The card of the active zone: names in both languages, extent, known approvals, actions,
/// sources; "Clear selection" when it is the selected zone. Empty for an unknown zone.
pub fn zone_card(ds: &Dataset, lang: Lang, env: &MapEnv, zone: &str, is_selected: bool) -> Html {
    let (Some(z), Some(zid)) = (ds.zone(zone), zone_id(zone)) else { return Html::default() };
    let s = lang.strings();
    let sum = zone_summary(ds, zid);
    let known = if sum.unidentified > 0 {
        fill(s.zone_known_unidentified, &[("n", &sum.approved.to_string()), ("u", &sum.unidentified.to_string())])
    } else {
        fill(s.zone_known, &[("n", &sum.approved.to_string())])
    };
    let short = z.short_name.get(lang);
    let mut h = format!(
        "<div class=\"vp-card\" id=\"{}-card\" data-zone=\"{zid}\"><h4 class=\"vp-card-title\">{} <span class=\"vp-other-lang\" lang=\"{}\">{}</span>",
        escape(env.uid),
        escape(short),
        lang.other().tag(),
        escape(z.short_name.get(lang.other())),
    );
    if is_selected {
        h.push_str(&format!(" <span class=\"vp-badge\">{}</span>", escape(s.zone_selected)));
    }
    h.push_str(&format!(
        "</h4><p class=\"vp-official\">{}</p><p>{}</p><p class=\"vp-known\">{}</p>",
        escape(z.official_name.get(lang)),
        escape(z.extent.get(lang)),
        escape(&known)
    ));
    if env.tabs {
        h.push_str(&format!(
            "<div class=\"vp-actions\"><button type=\"button\" class=\"vp-btn\" data-action=\"show-list\" data-arg=\"{zid}\">{}</button>\
             <button type=\"button\" class=\"vp-btn vp-btn-secondary\" data-action=\"check\" data-arg=\"{zid}\">{}</button></div>",
            escape(&fill(s.zone_show_list, &[("zone", short)])),
            escape(&fill(s.zone_check, &[("zone", short)])),
        ));
    }
    h.push_str(&format!("<p class=\"vp-sources\">{}</p>", source_links(ds, lang, &z.source_ids)));
    if is_selected {
        h.push_str(&format!("<button type=\"button\" class=\"vp-btn vp-btn-link\" data-action=\"clear-selection\">{}</button>", escape(s.clear_selection)));
    }
    h.push_str("</div>");
    Html(h)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;

    const WIDE: MapEnv = MapEnv { uid: "w", narrow: false, crop: false, tabs: true };

    #[test]
    fn the_map_has_one_named_button_per_zone_and_the_same_zones_as_a_list() {
        let ds = embedded();
        for lang in [Lang::En, Lang::Zh] {
            let h = panel(ds, lang, &WIDE, &Html::default());
            for z in &ds.zones {
                let name = escape(z.short_name.get(lang));
                assert!(h.as_str().contains(&format!("data-zone=\"{}\" role=\"button\"", z.id)), "{}", z.id);
                assert!(h.as_str().contains(&format!("aria-label=\"{name}\"")), "{name}");
                assert!(h.as_str().contains(&format!("class=\"vp-zone-btn\" data-action=\"toggle-zone\" data-zone=\"{}\"", z.id)), "{}", z.id);
            }
            // Exactly one zone is in the tab order before anything is selected.
            assert_eq!(h.as_str().matches("role=\"button\" tabindex=\"0\"").count(), 1);
        }
    }

    #[test]
    fn on_a_phone_the_map_is_cropped_and_the_list_of_areas_folded() {
        let ds = embedded();
        let phone = panel(ds, Lang::En, &MapEnv { narrow: true, crop: true, ..WIDE }, &Html::default());
        let column = panel(ds, Lang::En, &MapEnv { crop: true, ..WIDE }, &Html::default());
        let wide = panel(ds, Lang::En, &WIDE, &Html::default());
        assert!(wide.as_str().contains(&format!("viewBox=\"{}\"", MAIN.view_box_attr())));
        assert!(!phone.as_str().contains(&format!("viewBox=\"{}\"", MAIN.view_box_attr())));
        // An article column gets the phone's crop and keeps the list of areas open.
        assert!(!column.as_str().contains(&format!("viewBox=\"{}\"", MAIN.view_box_attr())));
        assert!(wide.as_str().contains("vp-zone-details\" open>") && phone.as_str().contains("vp-zone-details\"><summary"));
        assert!(column.as_str().contains("vp-zone-details\" open>"));
    }

    #[test]
    fn the_card_counts_known_approvals_and_offers_actions_only_with_tabs() {
        let ds = embedded();
        let sum = zone_summary(ds, "hainan");
        let card = zone_card(ds, Lang::En, &WIDE, "hainan", true);
        assert!(card.as_str().contains(&format!("{} approval", sum.approved)) || card.as_str().contains(&sum.approved.to_string()));
        assert!(card.as_str().contains("data-action=\"show-list\"") && card.as_str().contains("data-action=\"clear-selection\""));
        let alone = zone_card(ds, Lang::En, &MapEnv { tabs: false, ..WIDE }, "hainan", false);
        assert!(!alone.as_str().contains("data-action=\"show-list\"") && !alone.as_str().contains("clear-selection"));
        assert!(zone_card(ds, Lang::En, &WIDE, "atlantis", false).as_str().is_empty());
    }

    #[test]
    fn the_selected_area_is_marked_pressed_in_the_tab_order_and_zoomed_to_and_the_active_one_shows_its_card() {
        let ds = embedded();
        let has = |m: &[Mark], want: Mark| assert!(m.contains(&want), "{want:?} missing from {m:?}");
        let none = marks(ds, &WIDE, None, None);
        has(&none, Mark::Style(".vp-zoom".into(), "transform", "none".into()));
        let first = &ds.zones[0].id;
        has(&none, Mark::Attr(format!("g.vp-zone[data-zone=\"{first}\"]"), "tabindex", "0"));
        let m = marks(ds, &WIDE, Some("hainan"), Some("beijing"));
        let every = "g.vp-zone[data-zone=\"hainan\"],.vp-zone-btn[data-zone=\"hainan\"],[data-inset=\"hainan\"]";
        has(&m, Mark::Class(every.into(), "vp-selected", true));
        has(&m, Mark::Class(every.into(), "vp-active", false));
        has(&m, Mark::Attr("g.vp-zone[data-zone=\"hainan\"],.vp-zone-btn[data-zone=\"hainan\"]".into(), "aria-pressed", "true"));
        has(&m, Mark::Attr("g.vp-zone[data-zone=\"hainan\"]".into(), "tabindex", "0"));
        has(&m, Mark::Class("g.vp-zone[data-zone=\"beijing\"],.vp-zone-btn[data-zone=\"beijing\"],[data-inset=\"beijing\"]".into(), "vp-active", true));
        has(&m, Mark::Style(".vp-zoom".into(), "transform", zoom(&WIDE, Some("hainan"))));
        let in_order = m.iter().filter(|k| matches!(k, Mark::Attr(_, "tabindex", "0"))).count();
        assert_eq!(in_order, 1, "one area in the tab order");
        if first != "hainan" {
            has(&m, Mark::Attr(format!("g.vp-zone[data-zone=\"{first}\"]"), "tabindex", "-1"));
        }
    }

    #[test]
    fn zooming_towards_a_zone_is_a_whole_unit_transform() {
        assert_eq!(zoom(&WIDE, None), "none");
        let t = zoom(&WIDE, Some("hainan"));
        assert!(t.starts_with("translate(") && t.ends_with("px) scale(1.8)"), "{t}");
    }
}
