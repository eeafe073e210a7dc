//! The map's drawing: the legend, the shapes and hatches of a map view (geometry from the
//! build), the hatch pattern, and the locator insets with their labels.

use super::escape;
use crate::geo::{MapView, Shape, ShapeClass};
use crate::i18n::Lang;

/// What the map's fills mean: pilot area, hatched (only part of the outline is in the pilot;
/// pattern `hatch`), point (too small to draw), outside this guide.
pub fn legend(lang: Lang, hatch: &str) -> String {
    let s = lang.strings();
    let swatch = |inner: String, label: &str| {
        format!("<li><svg class=\"vp-swatch\" viewBox=\"0 0 20 14\" aria-hidden=\"true\">{inner}</svg>{}</li>", escape(label))
    };
    let zone = "<rect class=\"vp-shape vp-shape-zone\" width=\"20\" height=\"14\"></rect>";
    [
        format!("<h4 class=\"vp-h4 vp-legend-h\">{}</h4><ul>", escape(s.legend_heading)),
        swatch(zone.into(), s.legend_zone),
        swatch(
            format!("{}{zone}<rect class=\"vp-hatch\" fill=\"url(#{})\" width=\"20\" height=\"14\"></rect>", hatch_pattern(hatch, 5), escape(hatch)),
            s.legend_partial,
        ),
        swatch("<circle class=\"vp-marker\" cx=\"10\" cy=\"7\" r=\"5\"></circle>".into(), s.legend_point),
        swatch("<rect class=\"vp-shape vp-shape-outside\" width=\"20\" height=\"14\"></rect>".into(), s.legend_outside),
        "</ul>".into(),
    ]
    .concat()
}

fn shape_class(c: ShapeClass) -> &'static str {
    match c {
        ShapeClass::Zone => "vp-shape vp-shape-zone",
        ShapeClass::Province => "vp-shape vp-shape-province",
        ShapeClass::Outside => "vp-shape vp-shape-outside",
        ShapeClass::Neighbour => "vp-shape vp-shape-neighbour",
    }
}

/// The shapes of a map view that `keep` selects, as SVG paths. Geometry comes from the build
/// (`geo_data.rs`), never from a dataset.
pub fn map_shapes(view: &MapView, keep: impl Fn(&Shape) -> bool) -> String {
    let mut out = String::new();
    for s in view.shapes.iter().filter(|s| keep(s)) {
        out.push_str("<path class=\"");
        out.push_str(shape_class(s.class));
        out.push_str("\" d=\"");
        // Path data is a build-time constant of digits, spaces and path commands (checked by
        // `geometry_is_plain_path_data` below), so it needs no escaping.
        out.push_str(s.d);
        out.push_str("\"></path>");
    }
    out
}

/// The hatch over a zone the map draws larger than its pilot area: the same outline, filled
/// with the stripes of pattern `pattern` (see [`hatch_pattern`]). Geometry from the build.
pub fn map_hatch(view: &MapView, zone: &str, pattern: &str) -> String {
    let mut out = String::new();
    for s in view.shapes.iter().filter(|s| s.zone == Some(zone)) {
        out.push_str(&format!("<path class=\"vp-hatch\" fill=\"url(#{})\" d=\"{}\"></path>", escape(pattern), s.d));
    }
    out
}

/// The stripe pattern for partly covered zones, with id `id`, stripes `size` units apart in
/// the coordinates of the SVG that holds it (each map, inset and swatch has its own).
pub fn hatch_pattern(id: &str, size: u32) -> String {
    let size = size.max(3);
    format!(
        "<defs><pattern id=\"{}\" patternUnits=\"userSpaceOnUse\" width=\"{size}\" height=\"{size}\" patternTransform=\"rotate(45)\"><rect class=\"vp-hatch-line\" width=\"{}\" height=\"{size}\"></rect></pattern></defs>",
        escape(id),
        size * 2 / 5
    )
}

/// A locator inset: sea, land, the zone's shapes, and each marker with its label. Labels may
/// come from a dataset (zone names), so they are escaped like any data.
/// `hatch`: the zone drawn larger than its pilot area and the pattern id to hatch it with.
pub fn inset_svg(view: &MapView, label: impl Fn(&str) -> String, hatch: Option<(&str, &str)>) -> String {
    let mut svg = String::from("<rect class=\"vp-sea\" x=\"-2000\" y=\"-2000\" width=\"5000\" height=\"5000\"></rect>");
    svg.push_str(&map_shapes(view, |s| s.zone.is_none()));
    svg.push_str(&map_shapes(view, |s| s.zone.is_some()));
    if let Some((zone, pattern)) = hatch {
        svg.push_str(&hatch_pattern(pattern, (view.view_box[2] / 30.0) as u32));
        svg.push_str(&map_hatch(view, zone, pattern));
    }
    for m in view.markers {
        svg.push_str(&format!(
            "<circle class=\"vp-marker-halo\" cx=\"{x}\" cy=\"{y}\" r=\"60\"></circle><circle class=\"vp-marker\" cx=\"{x}\" cy=\"{y}\" r=\"24\"></circle><text class=\"vp-label vp-label-inset\" x=\"{tx}\" y=\"{ty}\" text-anchor=\"end\">{name}</text>",
            x = m.cx,
            y = m.cy,
            tx = m.x.round() as i32 - 44,
            ty = m.y.round() as i32 + 20,
            name = escape(&label(m.id)),
        ));
    }
    svg
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn geometry_is_plain_path_data() {
        use crate::geo_data::{INSET_SHANGHAI, INSET_SHENZHEN, MAIN};
        for view in [&MAIN, &INSET_SHANGHAI, &INSET_SHENZHEN] {
            for sh in view.shapes {
                assert!(sh.d.chars().all(|c| c.is_ascii_digit() || " .-MmLlHhVvZz".contains(c)), "{}: {}", sh.id, sh.d);
            }
        }
    }

    #[test]
    fn inset_labels_from_data_are_text_not_markup() {
        // A zone name from a `data-src` dataset once reached the inset's SVG unescaped.
        let svg = inset_svg(&crate::geo_data::INSET_SHENZHEN, |_| "</text><image href=x onerror=alert(1)><text>".into(), None);
        assert!(!svg.contains("<image") && !svg.contains("</text><image"), "{svg}");
        assert!(svg.contains("&lt;/text&gt;&lt;image href=x onerror=alert(1)&gt;"));
        assert_eq!(svg.matches("<text").count(), crate::geo_data::INSET_SHENZHEN.markers.len());
    }
}
