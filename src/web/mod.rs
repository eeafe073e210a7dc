//! The browser side: the JS API, mounting, and the Leptos views. Views render state and
//! dispatch events; all decisions are made by the pure core.

pub mod api;
mod app;
mod checker;
mod dom;
mod footer;
mod list;
mod map;

use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::filter::SearchIndex;
use crate::i18n::Lang;
use crate::model::Dataset;
use crate::state::{Tab, UiState};

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
    pub fn shows(self, tab: Tab) -> bool {
        matches!(self, ViewMode::All) || self == ViewMode::Only(tab)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

/// Everything a view needs, provided once per widget instance (never global). It is `Copy`:
/// the dataset and its search index are immutable and live as long as the page.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub ds: &'static Dataset,
    pub index: &'static SearchIndex,
    pub lang: RwSignal<Lang>,
    pub state: RwSignal<UiState>,
    /// Prefix that keeps DOM ids unique when several widgets share a page.
    pub uid: &'static str,
    pub view: ViewMode,
    pub theme: Theme,
    /// A message shown above the widget (e.g. a newer dataset could not be used).
    pub notice: RwSignal<Option<String>>,
}

impl Ctx {
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.uid)
    }
}

/// Mount options (camelCase, all optional) as passed from JavaScript.
#[derive(Deserialize, Default, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MountOptions {
    pub lang: Option<String>,
    pub view: Option<String>,
    pub zone: Option<String>,
    pub service: Option<String>,
    pub theme: Option<String>,
    /// Keep state in the URL hash under this key prefix; `null`/absent = no hash.
    pub hash_prefix: Option<String>,
    /// A newer dataset as JSON text; validated, and on failure the embedded data is used.
    pub data_json: Option<String>,
    /// Why a newer dataset could not be fetched (the embedded data is used, with a note).
    pub data_error: Option<String>,
    /// Prefix for DOM ids; generated when absent.
    pub id_prefix: Option<String>,
}

fn bad(field: &str, value: &str, valid: &str) -> JsError {
    JsError::new(&format!("invalid {field} \"{value}\"; expected one of: {valid}"))
}

/// Resolved options: everything validated before anything is rendered.
pub(crate) struct Resolved {
    pub ds: &'static Dataset,
    pub notice: Option<String>,
    pub lang: Lang,
    pub view: ViewMode,
    pub theme: Theme,
    pub initial: UiState,
    pub hash_prefix: Option<String>,
    pub uid: String,
}

pub(crate) fn resolve(opts: MountOptions) -> Result<Resolved, JsError> {
    let lang = match opts.lang.as_deref() {
        None | Some("") => Lang::En,
        Some(l) => Lang::parse(l).ok_or_else(|| bad("lang", l, "en, zh"))?,
    };
    let view = match opts.view.as_deref() {
        None => ViewMode::All,
        Some(v) => ViewMode::parse(v).ok_or_else(|| bad("view", v, "all, map, list, checker"))?,
    };
    let theme = match opts.theme.as_deref() {
        None | Some("") | Some("auto") => Theme::Auto,
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        Some(t) => return Err(bad("theme", t, "auto, light, dark")),
    };
    let failed = |e: &str| crate::i18n::fill(lang.strings().data_src_failed, &[("error", e)]);
    let (ds, notice): (&'static Dataset, _) = match opts.data_json.as_deref() {
        None => (crate::data::embedded(), opts.data_error.as_deref().map(failed)),
        // A newer dataset lives as long as the page, like the embedded one.
        Some(json) => match crate::data::load(json) {
            Ok(ds) => (Box::leak(Box::new(ds)), Some(lang.strings().data_src_used.to_string())),
            Err(e) => (crate::data::embedded(), Some(failed(&e.to_string()))),
        },
    };
    let mut initial = UiState::default();
    if let ViewMode::Only(tab) = view {
        initial.tab = tab;
    }
    if let Some(z) = opts.zone.as_deref().filter(|z| !z.is_empty()) {
        if ds.zone(z).is_none() {
            let valid: Vec<&str> = ds.zones.iter().map(|z| z.id.as_str()).collect();
            return Err(bad("zone", z, &valid.join(", ")));
        }
        initial.select_zone(ds, Some(z));
    }
    if let Some(s) = opts.service.as_deref().filter(|s| !s.is_empty()) {
        if ds.service(s).is_none() {
            let valid: Vec<&str> = ds.services.iter().map(|s| s.id.as_str()).collect();
            return Err(bad("service", s, &valid.join(", ")));
        }
        initial.answers.service = Some(s.to_string());
    }
    let uid = match opts.id_prefix {
        Some(p) if !p.is_empty() => p,
        _ => format!("vp{}", (js_sys::Math::random() * 1e9) as u64),
    };
    Ok(Resolved { ds, notice, lang, view, theme, initial, hash_prefix: opts.hash_prefix, uid })
}

/// A mounted widget. Only `unmount()` removes it: a handle that JS drops or garbage-collects
/// (`free()`) leaves the widget on the page.
#[wasm_bindgen]
pub struct WidgetHandle {
    unmount: Option<Box<dyn FnOnce()>>,
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
    /// Removes the widget from the page and releases its state.
    pub fn unmount(&mut self) {
        if let Some(f) = self.unmount.take() {
            f();
        }
    }
}

/// Mounts one widget instance into `target` (an element, e.g. inside a shadow root).
/// Options: `{lang, view, zone, service, theme, hashPrefix, dataJson, idPrefix}`.
/// Bad options throw an `Error` naming the value and the valid choices.
#[wasm_bindgen]
pub fn mount(target: web_sys::HtmlElement, options: JsValue) -> Result<WidgetHandle, JsError> {
    let opts: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    let r = resolve(opts)?;
    let handle = leptos::mount::mount_to(target, move || app::app(r));
    let cell = std::cell::RefCell::new(Some(handle));
    Ok(WidgetHandle {
        unmount: Some(Box::new(move || {
            drop(cell.borrow_mut().take());
        })),
    })
}
