//! The generated map geometry agrees with the dataset and with its own projection.
#![cfg(not(target_arch = "wasm32"))]

use vats_pilot::data::embedded;
use vats_pilot::geo::{MapView, ShapeClass};
use vats_pilot::geo_data::{ALBERS, INSET_SHANGHAI, INSET_SHENZHEN, MAIN};

/// Spherical Albers equal-area conic followed by the view's affine step (see geo_data.rs).
fn project(view: &MapView, lon: f64, lat: f64) -> (f64, f64) {
    let (lon0, lat0, lat1, lat2) = ALBERS;
    let r = f64::to_radians;
    let n = (r(lat1).sin() + r(lat2).sin()) / 2.0;
    let c = r(lat1).cos().powi(2) + 2.0 * n * r(lat1).sin();
    let rho = |lat: f64| (c - 2.0 * n * r(lat).sin()).sqrt() / n;
    let theta = n * r(lon - lon0);
    let (ax, ay) = (rho(lat) * theta.sin(), rho(lat0) - rho(lat) * theta.cos());
    (view.affine.scale * ax + view.affine.dx, view.affine.dy - view.affine.scale * ay)
}

#[test]
fn markers_sit_where_the_projection_puts_them_and_inside_the_view() {
    for view in [&MAIN, &INSET_SHANGHAI, &INSET_SHENZHEN] {
        let [x0, y0, w, h] = view.view_box;
        for m in view.markers {
            let (x, y) = project(view, m.lon, m.lat);
            assert!((x - f64::from(m.x)).abs() < 0.5 && (y - f64::from(m.y)).abs() < 0.5, "{} at {x},{y}", m.id);
            assert!(m.x >= x0 && m.x <= x0 + w && m.y >= y0 && m.y <= y0 + h, "{} outside the view", m.id);
        }
    }
}

#[test]
fn every_zone_has_a_marker_at_its_dataset_anchor() {
    for z in &embedded().zones {
        let m = MAIN.marker(&z.id).unwrap_or_else(|| panic!("no marker for {}", z.id));
        assert!((m.lon - z.anchor.lon).abs() < 1e-6 && (m.lat - z.anchor.lat).abs() < 1e-6, "{} anchor drifted", z.id);
    }
    let zone_shapes: Vec<&str> = MAIN.shapes.iter().filter_map(|s| s.zone).collect();
    for z in ["beijing", "shanghai", "hainan"] {
        assert!(zone_shapes.contains(&z), "{z} drawn as a zone");
    }
}

#[test]
fn outside_and_disputed_shapes_carry_no_zone_and_paths_are_compact() {
    for s in MAIN.shapes {
        if matches!(s.id, "CN-TW" | "CN-HK" | "CN-MO") {
            assert_eq!(s.class, ShapeClass::Outside, "{}", s.id);
        }
        if s.class != ShapeClass::Zone {
            assert!(s.zone.is_none());
        }
        assert!(s.d.starts_with('M') && s.d.bytes().all(|b| b"Mmlz0123456789-. ".contains(&b)), "{}", s.id);
    }
    let raw: usize = [&MAIN, &INSET_SHANGHAI, &INSET_SHENZHEN].iter().flat_map(|v| v.shapes).map(|s| s.d.len()).sum();
    assert!(raw < 80_000, "geometry grew to {raw} bytes raw");
}
