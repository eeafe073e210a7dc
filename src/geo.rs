//! Map geometry types. The data itself is generated ahead of time by `tools/geo/build_map.py`
//! from Natural Earth (public domain) into `geo_data.rs`, so the browser downloads compact SVG
//! path strings and never GeoJSON.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeClass {
    /// A pilot zone drawn as its own polygon (Beijing, Shanghai, Hainan).
    Zone,
    /// Another mainland province-level unit (muted).
    Province,
    /// Land outside the checker's scope (Hong Kong, Macao, Taiwan): no labels.
    Outside,
    /// A neighbouring country (faint).
    Neighbour,
}

#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub id: &'static str,
    pub class: ShapeClass,
    pub zone: Option<&'static str>,
    pub name_en: &'static str,
    pub name_zh: &'static str,
    pub d: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct Marker {
    pub id: &'static str,
    pub x: f32,
    pub y: f32,
    /// `x` and `y` as written in SVG attributes, so views need no float formatting.
    pub cx: &'static str,
    pub cy: &'static str,
    pub lon: f64,
    pub lat: f64,
}

/// Affine step applied after the Albers projection: `x = scale * ax + dx`, `y = dy - scale * ay`.
#[derive(Clone, Copy, Debug)]
pub struct Affine {
    pub scale: f64,
    pub dx: f64,
    pub dy: f64,
}

#[derive(Clone, Copy, Debug)]
pub struct MapView {
    pub view_box: [f32; 4],
    /// `view_box` as the SVG `viewBox` attribute.
    pub view_box_text: &'static str,
    pub shapes: &'static [Shape],
    pub markers: &'static [Marker],
    pub affine: Affine,
}

impl MapView {
    /// The `viewBox` attribute (written at build time: no float formatting in the browser).
    pub fn view_box_attr(&self) -> &'static str {
        self.view_box_text
    }
    pub fn marker(&self, id: &str) -> Option<&Marker> {
        self.markers.iter().find(|m| m.id == id)
    }

    /// The view box cropped to the markers plus `pad_x`/`pad_y` units (within the full view),
    /// in whole units: on a phone, the part of the map where the pilot areas are, at a size
    /// one can tap.
    pub fn crop_to_markers(&self, pad_x: i32, pad_y: i32) -> [i32; 4] {
        let [vx, vy, w, h] = self.view_box.map(|v| v as i32);
        let (mut x0, mut y0, mut x1, mut y1) = (vx + w, vy + h, vx, vy);
        for m in self.markers {
            let (x, y) = (m.x as i32, m.y as i32);
            (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
        }
        if x0 > x1 {
            return [vx, vy, w, h];
        }
        let (x0, y0) = ((x0 - pad_x).max(vx), (y0 - pad_y).max(vy));
        let (x1, y1) = ((x1 + pad_x).min(vx + w), (y1 + pad_y).min(vy + h));
        [x0, y0, x1 - x0, y1 - y0]
    }
}

/// The CSS transform `(tx, ty, scale)` that zooms a view by `scale` towards `(x, y)`, keeping
/// the view filled (no empty band at an edge).
pub fn zoom_to(view: &MapView, x: f32, y: f32, scale: f32) -> (f32, f32, f32) {
    zoom_in(view.view_box, x, y, scale)
}

/// [`zoom_to`] within the view box actually shown (e.g. a phone's crop).
pub fn zoom_in(view_box: [f32; 4], x: f32, y: f32, scale: f32) -> (f32, f32, f32) {
    let [vx, vy, w, h] = view_box;
    let s = scale.max(1.0);
    let clamp = |t: f32, origin: f32, size: f32| {
        // After scaling about the origin, the view spans [origin*s + t, (origin+size)*s + t];
        // keep it covering [origin, origin+size].
        let max = origin - origin * s;
        let min = origin + size - (origin + size) * s;
        // Not `f32::clamp`: its assertion would bring float formatting into the wasm.
        t.max(min).min(max)
    };
    let tx = clamp(vx + w / 2.0 - s * x, vx, w);
    let ty = clamp(vy + h / 2.0 - s * y, vy, h);
    (tx, ty, s)
}

/// [`zoom_to`] towards a marker as a CSS `transform`, in whole units and written with integer
/// formatting only: `scale_tenths` 18 is a zoom of 1.8.
pub fn zoom_transform(view: &MapView, m: &Marker, scale_tenths: u32) -> String {
    let tenths = scale_tenths.max(10);
    let (tx, ty, _) = zoom_to(view, m.x, m.y, tenths as f32 / 10.0);
    format!("translate({}px, {}px) scale({}.{})", tx.round() as i32, ty.round() as i32, tenths / 10, tenths % 10)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_phone_crop_keeps_every_marker_and_drops_the_empty_west() {
        let [x, y, w, h] = MAIN.crop_to_markers(150, 80);
        for m in MAIN.markers {
            assert!((x as f32) < m.x && m.x < (x + w) as f32 && (y as f32) < m.y && m.y < (y + h) as f32, "{}", m.id);
        }
        assert!(w < 700, "the west without pilot areas is cropped: width {w} of {}", MAIN.view_box[2]);
    }
    use crate::geo_data::MAIN;

    #[test]
    fn zoom_keeps_the_view_covered_and_centres_when_it_can() {
        let (tx, ty, s) = zoom_to(&MAIN, 500.0, 447.0, 2.0);
        assert_eq!(s, 2.0);
        assert!((tx - (500.0 - 1000.0)).abs() < 0.01 && (ty - (447.0 - 894.0)).abs() < 0.01);
        // A point in a corner cannot be centred without showing empty space: clamped.
        let (tx, ty, _) = zoom_to(&MAIN, 0.0, 0.0, 2.0);
        assert_eq!((tx, ty), (0.0, 0.0));
        let (tx, ty, _) = zoom_to(&MAIN, 1000.0, 894.0, 2.0);
        assert!((tx + 1000.0).abs() < 0.01 && (ty + 894.0).abs() < 0.01);
    }

    #[test]
    fn build_time_attribute_text_matches_the_numbers() {
        for view in [&MAIN, &crate::geo_data::INSET_SHANGHAI, &crate::geo_data::INSET_SHENZHEN] {
            let [x, y, w, h] = view.view_box;
            assert_eq!(view.view_box_attr(), format!("{x} {y} {w} {h}"));
            for m in view.markers {
                assert_eq!((m.cx, m.cy), (m.x.to_string().as_str(), m.y.to_string().as_str()), "{}", m.id);
            }
        }
        let hainan = MAIN.marker("hainan").unwrap();
        let (tx, ty, _) = zoom_to(&MAIN, hainan.x, hainan.y, 1.8);
        assert_eq!(zoom_transform(&MAIN, hainan, 18), format!("translate({}px, {}px) scale(1.8)", tx.round(), ty.round()));
        assert_eq!(zoom_transform(&MAIN, hainan, 20), format!("translate({}px, {}px) scale(2.0)", zoom_to(&MAIN, hainan.x, hainan.y, 2.0).0.round(), zoom_to(&MAIN, hainan.x, hainan.y, 2.0).1.round()));
    }
}
