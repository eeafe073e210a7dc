//! The browser side: the JS API, mounting, and the Leptos views. Views render state and
//! dispatch events; all decisions are made by the pure core.

#[cfg(feature = "full")]
pub mod api;
mod app;
mod args;
mod checker;
mod common;
#[cfg(feature = "full")]
pub mod dataset_json;
mod dom;
mod footer;
mod list;
mod map;
mod timeline;

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::data::{Data, Notice};
use crate::i18n::Lang;
use crate::state::{Tab, UiState};
use args::Args;

/// Which parts of the widget an instance shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewMode {
    All,
    Only(Tab),
}

impl ViewMode {
    pub fn parse(s: &str) -> Option<ViewMode> {
        match s {
            "all" | "" => Some(ViewMode::All),
            other => Tab::parse(other).map(ViewMode::Only),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    fn parse(s: &str) -> Option<Theme> {
        match s {
            "" | "auto" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Everything a view needs, created per widget instance (never global). It is `Copy`: its
/// fields are handles into the instance's reactive owner, so unmounting frees all of them,
/// the instance's share of the dataset included.
#[derive(Clone, Copy)]
pub struct Ctx {
    data: StoredValue<Arc<Data>>,
    pub lang: RwSignal<Lang>,
    pub state: RwSignal<UiState>,
    fixed: StoredValue<Fixed>,
    pub view: RwSignal<ViewMode>,
    pub theme: RwSignal<Theme>,
}

/// What stays the same for a widget's lifetime.
pub struct Fixed {
    /// Prefix that keeps DOM ids unique when several widgets share a page.
    pub uid: String,
    /// A message shown above the widget (e.g. a newer dataset could not be used).
    pub notice: Option<Notice>,
    /// The folder of the built-in dataset's published files ("Get the data" links there).
    pub files: Option<String>,
    /// Mounted in a column narrower than the whole map needs (an article column): the map is
    /// cropped to the pilot areas, as on a phone.
    pub column: bool,
}

/// Widest column (CSS px) in which the map shows the pilot areas cropped rather than all of China.
const COLUMN_MAX: i32 = 760;

impl Ctx {
    /// The dataset (and its index) this widget shows.
    pub fn data(&self) -> Arc<Data> {
        // After unmount the handle is gone; a late event then sees the embedded data rather
        // than aborting the module.
        self.data.try_get_value().unwrap_or_else(crate::data::embedded_data)
    }
    /// A DOM id unique to this widget.
    pub fn id(&self, name: &str) -> String {
        self.fixed.try_with_value(|f| format!("{}-{name}", f.uid)).unwrap_or_default()
    }
    pub fn uid(&self) -> String {
        self.fixed.try_with_value(|f| f.uid.clone()).unwrap_or_default()
    }
    /// Reads what is fixed for this widget (`None` after unmount).
    pub fn fixed<T>(&self, read: impl FnOnce(&Fixed) -> T) -> Option<T> {
        self.fixed.try_with_value(read)
    }
}

/// The options `mount()` accepts.
const MOUNT_KEYS: [&str; 10] = ["lang", "view", "zone", "service", "theme", "hashPrefix", "dataJson", "dataError", "idPrefix", "filesUrl"];
/// The options `WidgetHandle.update()` accepts: what a host may change on a live widget.
const UPDATE_KEYS: [&str; 5] = ["lang", "view", "zone", "service", "theme"];

/// Settings a host may give at mount and change later. `None` = not given; `Some(None)` =
/// given as `null` or `""` (back to the default).
#[derive(Default)]
struct Settings {
    lang: Option<Lang>,
    view: Option<ViewMode>,
    theme: Option<Theme>,
    zone: Option<Option<String>>,
    service: Option<Option<String>>,
}

/// The value of `key`: `None` when empty, else one of `valid` (an error lists them).
fn one_of<'a>(a: &Args, key: &str, mut valid: impl Iterator<Item = &'a str> + Clone) -> Result<Option<String>, JsError> {
    let Some(v) = a.string(key)?.filter(|v| !v.is_empty()) else { return Ok(None) };
    if valid.clone().any(|x| x == v) {
        return Ok(Some(v));
    }
    Err(a.invalid(key, &v, &format!("is not one of: {}", valid.by_ref().collect::<Vec<_>>().join(", "))))
}

fn settings(a: &Args, data: &Data) -> Result<Settings, JsError> {
    let ds = &data.ds;
    let mut out = Settings::default();
    if a.has("lang") {
        let l = a.string("lang")?.unwrap_or_default();
        out.lang = Some(if l.is_empty() { Lang::En } else { Lang::parse(&l).ok_or_else(|| a.invalid("lang", &l, "is not one of: en, zh"))? });
    }
    if a.has("view") {
        let v = a.string("view")?.unwrap_or_default();
        out.view = Some(ViewMode::parse(&v).ok_or_else(|| a.invalid("view", &v, "is not one of: all, map, list, checker, timeline"))?);
    }
    if a.has("theme") {
        let t = a.string("theme")?.unwrap_or_default();
        out.theme = Some(Theme::parse(&t).ok_or_else(|| a.invalid("theme", &t, "is not one of: auto, light, dark"))?);
    }
    out.zone = a.has("zone").then(|| one_of(a, "zone", ds.zones.iter().map(|z| z.id.as_str()))).transpose()?;
    out.service = a.has("service").then(|| one_of(a, "service", ds.services.iter().map(|s| s.id.as_str()))).transpose()?;
    Ok(out)
}

impl Settings {
    /// Applies the given settings to a state (zone and service are answers the reader can
    /// change afterwards).
    fn apply_state(&self, data: &Data, st: &mut UiState) {
        if let Some(z) = &self.zone {
            st.select_zone(&data.ds, z.as_deref());
        }
        if let Some(s) = &self.service {
            st.answers.service = s.clone();
        }
        if let Some(ViewMode::Only(tab)) = self.view {
            st.tab = tab;
        }
    }
}

/// Resolved options: everything validated before anything is rendered.
pub(crate) struct Resolved {
    pub data: Arc<Data>,
    pub notice: Option<Notice>,
    pub lang: Lang,
    pub view: ViewMode,
    pub theme: Theme,
    pub initial: UiState,
    pub hash_prefix: Option<String>,
    pub uid: String,
    pub files: Option<String>,
    pub column: bool,
}

/// A newer dataset (JSON text), read and validated; it belongs to this widget.
#[cfg(feature = "full")]
fn newer_data(json: &str) -> Result<Arc<Data>, String> {
    dataset_json::load(json).map(|ds| Arc::new(Data::new(ds))).map_err(|e| e.to_string())
}

/// The lean build has no reader for newer datasets: it says so, and shows the built-in one.
#[cfg(not(feature = "full"))]
fn newer_data(_json: &str) -> Result<Arc<Data>, String> {
    Err("this is the lean build (vats_pilot_lean.js), which reads no newer dataset; load pkg/vats_pilot.js for data-src".to_string())
}

fn resolve(options: JsValue) -> Result<Resolved, JsError> {
    let options = if options.is_undefined() || options.is_null() { js_sys::Object::new().into() } else { options };
    let a = Args::new("mount", options, &MOUNT_KEYS)?;
    // A newer dataset belongs to this widget and is freed when it unmounts.
    let newer = a.string("dataJson")?.map(|json| newer_data(&json));
    let data = match &newer {
        Some(Ok(d)) => Arc::clone(d),
        _ => crate::data::embedded_data(),
    };
    let set = settings(&a, &data)?;
    let lang = set.lang.unwrap_or(Lang::En);
    let notice = match (&newer, a.string("dataError")?) {
        (Some(Ok(_)), _) => Some(Notice::NewerData),
        (Some(Err(e)), _) => Some(Notice::Invalid(e.clone())),
        (None, Some(code)) => Some(Notice::Unfetched(code)),
        (None, None) => None,
    };
    // The published files are those of the built-in dataset: not offered for a newer one.
    let files = match a.string("filesUrl")? {
        Some(u) if !u.trim().is_empty() => Some(crate::markup::files_folder(&u).map_err(|why| a.invalid("filesUrl", &u, why))?),
        _ => None,
    }
    .filter(|_| !matches!(newer, Some(Ok(_))));
    let mut initial = UiState::default();
    set.apply_state(&data, &mut initial);
    let uid = match a.string("idPrefix")? {
        Some(p) if !p.is_empty() => p,
        _ => format!("vp{}", (js_sys::Math::random() * 1e9) as u64),
    };
    Ok(Resolved {
        data,
        notice,
        lang,
        view: set.view.unwrap_or(ViewMode::All),
        theme: set.theme.unwrap_or(Theme::Auto),
        initial,
        hash_prefix: a.string("hashPrefix")?,
        uid,
        files,
        // Measured by `mount` on its target.
        column: false,
    })
}

/// A mounted widget. Only `unmount()` removes it: a handle that JS drops or garbage-collects
/// (`free()`) leaves the widget on the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    unmount: Option<Box<dyn FnOnce()>>,
    ctx: Option<Ctx>,
}

impl Drop for WidgetHandle {
    fn drop(&mut self) {
        // Dropping the closure would drop Leptos' unmount handle, which removes the view.
        if let Some(f) = self.unmount.take() {
            std::mem::forget(f);
        }
    }
}

#[wasm_bindgen]
impl WidgetHandle {
    /// Removes the widget from the page and releases its state (and a dataset loaded for it).
    pub fn unmount(&mut self) {
        self.ctx = None;
        if let Some(f) = self.unmount.take() {
            f();
        }
    }

    /// Changes a live widget without remounting: `{lang, view, zone, service, theme}` (each
    /// optional; `null` or `""` restores the default). The reader's other answers stay.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        let a = Args::new("update", options, &UPDATE_KEYS)?;
        let Some(ctx) = self.ctx else {
            return Err(JsError::new("update: the widget is unmounted"));
        };
        let data = ctx.data();
        let set = settings(&a, &data)?;
        if let Some(l) = set.lang {
            ctx.lang.try_set(l);
        }
        if let Some(t) = set.theme {
            ctx.theme.try_set(t);
        }
        if let Some(v) = set.view {
            ctx.view.try_set(v);
        }
        ctx.state.try_update(|st| set.apply_state(&data, st));
        Ok(())
    }
}

/// Mounts one widget instance into `target` (an element, e.g. inside a shadow root).
/// Options: `{lang, view, zone, service, theme, hashPrefix, dataJson, dataError, idPrefix,
/// filesUrl}`.
/// A target that is not an element, an unknown key, a wrong type or a bad value throws an
/// `Error` that names it and lists what is accepted.
#[wasm_bindgen]
pub fn mount(target: JsValue, options: JsValue) -> Result<WidgetHandle, JsError> {
    let target = args::element("mount", &target)?;
    let mut r = resolve(options)?;
    r.column = (1..=COLUMN_MAX).contains(&target.client_width());
    let made: Rc<Cell<Option<Ctx>>> = Rc::new(Cell::new(None));
    let out = made.clone();
    let handle = leptos::mount::mount_to(target, move || app::app(r, &out));
    let cell = std::cell::RefCell::new(Some(handle));
    Ok(WidgetHandle {
        unmount: Some(Box::new(move || {
            drop(cell.borrow_mut().take());
        })),
        ctx: made.get(),
    })
}
