//! Browser tests: each mounts a widget into a fresh element of a real page, interacts through
//! real DOM events, waits for Leptos to update the DOM, and asserts what a reader would see.
//! Run with `wasm-pack test --headless --chrome` and `--firefox`.
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use vats_pilot::web::{api, mount, WidgetHandle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Widget {
    root: HtmlElement,
    _handle: WidgetHandle,
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}

/// Mounts a widget with these options (JSON) into a new element at the end of the body.
async fn widget(options: &str) -> Widget {
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let opts = js_sys::JSON::parse(options).unwrap();
    let handle = mount(root.clone().into(), opts).unwrap_or_else(|e| panic!("mount failed: {:?}", JsValue::from(e)));
    settle().await;
    Widget { root, _handle: handle }
}

impl Widget {
    fn find(&self, sel: &str) -> Element {
        self.root.query_selector(sel).unwrap().unwrap_or_else(|| panic!("no element matches {sel}"))
    }
    fn try_find(&self, sel: &str) -> Option<Element> {
        self.root.query_selector(sel).unwrap()
    }
    fn all(&self, sel: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(sel).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect()
    }
    fn text(&self, sel: &str) -> String {
        self.find(sel).text_content().unwrap_or_default()
    }
    fn all_text(&self) -> String {
        self.root.text_content().unwrap_or_default()
    }
    async fn click(&self, sel: &str) {
        let el = self.find(sel);
        match el.dyn_ref::<HtmlElement>() {
            Some(h) => h.click(),
            // SVG elements have no click(): send the event a pointer would.
            None => {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                el.dispatch_event(&web_sys::Event::new_with_event_init_dict("click", &init).unwrap()).unwrap();
            }
        }
        settle().await;
    }
    async fn choose(&self, sel: &str, value: &str) {
        let s: HtmlSelectElement = self.find(sel).dyn_into().unwrap();
        s.set_value(value);
        assert_eq!(s.value(), value, "{sel} has no option {value}");
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        s.dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
        settle().await;
    }
    async fn type_in(&self, sel: &str, value: &str) {
        let i: HtmlInputElement = self.find(sel).dyn_into().unwrap();
        i.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        i.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
        settle().await;
    }
    async fn key(&self, sel: &str, key: &str) {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        self.find(sel).dispatch_event(&ev).unwrap();
        settle().await;
    }
    async fn radio(&self, sel: &str) {
        self.click(sel).await;
    }
}

impl Drop for Widget {
    fn drop(&mut self) {
        self.root.remove();
    }
}

// Facts the tests expect, counted from the dataset (asserted once, natively, in core_data).
fn ds() -> &'static vats_pilot::model::Dataset {
    vats_pilot::data::embedded()
}

fn count(keep: impl Fn(&vats_pilot::model::Enterprise) -> bool) -> usize {
    ds().enterprises.iter().filter(|e| keep(e)).count()
}

fn in_zone(z: &'static str) -> impl Fn(&vats_pilot::model::Enterprise) -> bool {
    move |e| e.zone.as_deref() == Some(z)
}

fn approved(e: &vats_pilot::model::Enterprise) -> bool {
    e.status == vats_pilot::model::Status::Approved
}

fn headline() -> String {
    vats_pilot::summary::headline_text(ds(), vats_pilot::i18n::Lang::En)
}

fn hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

// ---------------------------------------------------------------------------------------
// Shell: title, tabs, language

#[wasm_bindgen_test]
async fn shell_shows_title_tabs_and_switches_language() {
    let w = widget(r#"{"idPrefix":"shell"}"#).await;
    assert!(w.all_text().contains("China's telecom opening pilot"));
    let said = || w.text("section.vp > [role=status]");
    assert_eq!(said(), "", "a mount says nothing about the language");
    let tabs = w.all("[role=tab]");
    assert_eq!(tabs.len(), vats_pilot::state::Tab::ALL.len());
    assert_eq!(tabs[0].get_attribute("aria-selected").as_deref(), Some("true"));
    w.click("[data-tab=list]").await;
    assert!(w.text(".vp-panel").contains("Enterprises: approvals and reported applicants"));
    w.key("[data-tab=list]", "ArrowRight").await;
    assert!(w.text(".vp-panel").contains("Can I operate this service here?"));
    w.click(".vp-lang").await;
    assert!(w.all_text().contains("中国增值电信业务扩大对外开放试点"));
    assert!(w.text(".vp-panel").contains("我能在这里经营这项业务吗"));
    assert_eq!(w.find("section.vp").get_attribute("lang").as_deref(), Some("zh-Hans"));
    // A screen reader hears the switch once, in the new language.
    assert_eq!(said(), "已切换为中文。");
    w.click(".vp-lang").await;
    assert_eq!(said(), "Now in English.");
}

#[wasm_bindgen_test]
async fn the_notes_say_what_changed_in_each_dataset_version_newest_first() {
    let w = widget(r#"{"idPrefix":"notes"}"#).await;
    // Closed, the notes hold nothing yet; opening them writes them.
    assert!(w.all(".vp-notes li").is_empty());
    w.click(".vp-notes summary").await;
    assert!(w.find(".vp-notes").has_attribute("open"));
    let shown: Vec<String> = w.all(".vp-changes li").iter().filter_map(|li| li.get_attribute("data-version")).collect();
    let versions: Vec<String> = ds().changes_newest_first().map(|c| c.version.clone()).collect();
    assert_eq!(shown, versions);
    assert!(w.text(".vp-changes li").starts_with(&ds().version), "the newest first");
    assert!(w.text(".vp-notes").contains("What changed"));
}

#[wasm_bindgen_test]
async fn bad_mount_options_throw_a_clear_error() {
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    let err = mount(root.clone().into(), js_sys::JSON::parse(r#"{"view":"globe"}"#).unwrap()).err().expect("error");
    let msg = js_sys::Error::from(JsValue::from(err)).message().as_string().unwrap();
    assert!(msg.contains("\"globe\"") && msg.contains("checker"), "{msg}");
    let err = mount(root.into(), js_sys::JSON::parse(r#"{"zone":"atlantis"}"#).unwrap()).err().expect("error");
    let msg = js_sys::Error::from(JsValue::from(err)).message().as_string().unwrap();
    assert!(msg.contains("atlantis") && msg.contains("hainan"), "{msg}");
}

#[wasm_bindgen_test]
async fn get_the_data_links_to_the_published_files_and_only_for_the_built_in_dataset() {
    let w = widget(r#"{"idPrefix":"files","filesUrl":"https://cdn.example/vp"}"#).await;
    let hrefs: Vec<String> = w.all(".vp-getdata a").iter().filter_map(|a| a.get_attribute("href")).collect();
    assert_eq!(hrefs, ["https://cdn.example/vp/pilot-enterprises.csv", "https://cdn.example/vp/pilot.json"]);
    assert!(w.all(".vp-getdata button").is_empty());
    // A newer dataset is not the one published: the widget makes its files itself.
    let newer = serde_json::json!({ "idPrefix": "files2", "filesUrl": "https://cdn.example/vp/", "dataJson": vats_pilot::data::EMBEDDED_JSON }).to_string();
    let w = widget(&newer).await;
    assert!(w.all(".vp-getdata a").is_empty());
    assert_eq!(w.all(".vp-getdata button[data-action=download]").len(), 2);
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    let err = mount(root.into(), js_sys::JSON::parse(r#"{"filesUrl":"javascript:alert(1)"}"#).unwrap()).err().expect("refused");
    let msg = js_sys::Error::from(JsValue::from(err)).message().as_string().unwrap();
    assert!(msg.contains("filesUrl") && msg.contains("javascript:alert(1)"), "{msg}");
}

#[wasm_bindgen_test]
async fn a_broken_newer_dataset_falls_back_with_a_visible_note() {
    let w = widget(r#"{"idPrefix":"ds","view":"list","dataJson":"{\"version\": 3}"}"#).await;
    let note = w.text(".vp-notice");
    assert!(note.contains("Could not use the newer dataset") && note.contains("built-in data"), "{note}");
    assert_eq!(w.text("[data-testid=headline]"), headline());
}

// ---------------------------------------------------------------------------------------
// JS API

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn js_api_answers_checks_and_filters_and_survives_bad_input() {
    let q = js_sys::JSON::parse(r#"{"place":"hainan","service":"B11","foreignEquityPct":100}"#).unwrap();
    let a = api::check_eligibility(q).unwrap();
    assert_eq!(get(&a, "verdict").as_string().as_deref(), Some("allowed"));
    assert_eq!(get(&a, "maxForeignEquityPct").as_f64(), Some(100.0));
    assert_eq!(get(&a, "programme").as_string().as_deref(), Some("vats-pilot-2024"));
    let reasons: js_sys::Array = get(&a, "reasons").dyn_into().unwrap();
    assert!(reasons.length() > 0);
    assert!(get(&reasons.get(0), "textZh").as_string().is_some());

    let bad = js_sys::JSON::parse(r#"{"place":"atlantis","service":"B11"}"#).unwrap();
    let err = api::check_eligibility(bad).expect_err("bad place throws");
    let msg = js_sys::Error::from(JsValue::from(err)).message().as_string().unwrap();
    assert!(msg.contains("atlantis") && msg.contains("other-mainland"), "{msg}");
    let typo = js_sys::JSON::parse(r#"{"place":"hainan","servce":"B11"}"#).unwrap();
    assert!(api::check_eligibility(typo).is_err());

    // The next call works as before.
    let q = js_sys::JSON::parse(r#"{"place":"shanghai-other","service":"B11","foreignEquityPct":100}"#).unwrap();
    assert_eq!(get(&api::check_eligibility(q).unwrap(), "verdict").as_string().as_deref(), Some("not_allowed"));

    let f = api::filter_enterprises(js_sys::JSON::parse(r#"{"zone":"hainan"}"#).unwrap()).unwrap();
    let ids: js_sys::Array = get(&f, "ids").dyn_into().unwrap();
    assert_eq!(ids.length() as usize, count(in_zone("hainan")));
    let n = count(|e| in_zone("hainan")(e) && approved(e));
    assert_eq!(get(&get(&get(&f, "counts"), "status"), "approved").as_f64(), Some(n as f64));
    assert!(api::filter_enterprises(js_sys::JSON::parse(r#"{"zone":"mars"}"#).unwrap()).is_err());

    let ds = api::dataset().unwrap();
    assert_eq!(js_sys::Array::from(&get(&ds, "zones")).length(), 4);
}

// ---------------------------------------------------------------------------------------
// Map

#[wasm_bindgen_test]
async fn map_has_four_focusable_named_zones_and_selection_is_shared() {
    let w = widget(r#"{"idPrefix":"map"}"#).await;
    let zones = w.all("g.vp-zone");
    assert_eq!(zones.len(), 4);
    let names: Vec<String> = zones.iter().map(|z| z.get_attribute("aria-label").unwrap_or_default()).collect();
    assert_eq!(names, ["Beijing", "Shanghai", "Hainan", "Shenzhen"]);
    assert!(zones.iter().all(|z| z.get_attribute("role").as_deref() == Some("button") && z.has_attribute("tabindex")));
    assert_eq!(zones.iter().filter(|z| z.get_attribute("tabindex").as_deref() == Some("0")).count(), 1, "one tab stop");

    // Click selects: the card shows the zone and the selection is pressed.
    w.click("g.vp-zone[data-zone=hainan]").await;
    assert_eq!(w.find("g.vp-zone[data-zone=hainan]").get_attribute("aria-pressed").as_deref(), Some("true"));
    let card = w.text(".vp-card");
    let known = format!("Approvals known here: {}", count(|e| in_zone("hainan")(e) && approved(e)));
    assert!(card.contains("Hainan") && card.contains("海南") && card.contains(&known), "{card}");

    // Keyboard: Enter on Beijing selects it, Escape clears.
    w.key("g.vp-zone[data-zone=beijing]", "Enter").await;
    assert_eq!(w.find("g.vp-zone[data-zone=beijing]").get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_eq!(w.find("g.vp-zone[data-zone=hainan]").get_attribute("aria-pressed").as_deref(), Some("false"));
    w.key("g.vp-zone[data-zone=beijing]", "Escape").await;
    assert!(w.all("g.vp-zone[aria-pressed=true]").is_empty());

    // Arrow keys move focus between the zones, and the card follows the focused zone.
    w.find("g.vp-zone[data-zone=beijing]").dyn_into::<web_sys::SvgElement>().unwrap().focus().unwrap();
    w.key("g.vp-zone[data-zone=beijing]", "ArrowRight").await;
    let focused = document().active_element().and_then(|e| e.get_attribute("data-zone"));
    assert_eq!(focused.as_deref(), Some("shanghai"));
    assert_eq!(w.find(".vp-card").get_attribute("data-zone").as_deref(), Some("shanghai"), "the card follows keyboard focus");
    // Focus leaves the map (as a click elsewhere would): the card goes back to the selection.
    w.find("g.vp-zone[data-zone=shanghai]").dyn_into::<web_sys::SvgElement>().unwrap().blur().unwrap();
    settle().await;
    assert!(w.try_find(".vp-card").is_none(), "nothing selected, nothing focused: no card");

    // The same selection drives the list and the checker.
    w.click(".vp-zone-btn[data-zone=hainan]").await;
    w.click("[data-action=show-list]").await;
    assert_eq!(w.find("select[data-facet=zone]").dyn_into::<HtmlSelectElement>().unwrap().value(), "hainan");
    assert!(w.text("[data-testid=count]").starts_with(&format!("{} of", count(in_zone("hainan")))));
    let unnamed = count(|e| in_zone("hainan")(e) && !e.identified);
    assert!(w.text(".vp-ents").contains(&format!("{unnamed} not publicly identified")));
    w.click("[data-tab=checker]").await;
    assert_eq!(w.find("select[data-q=place]").dyn_into::<HtmlSelectElement>().unwrap().value(), "hainan");
}

// ---------------------------------------------------------------------------------------
// Enterprise list

#[wasm_bindgen_test]
async fn list_filters_by_each_facet_and_searches_both_languages() {
    let w = widget(r#"{"idPrefix":"list","view":"list"}"#).await;
    assert_eq!(w.text("[data-testid=headline]"), headline());
    let all = format!("{n} of {n}", n = ds().enterprises.len());
    let total = w.text("[data-testid=count]");
    assert!(total.starts_with(&all), "{total}");

    w.choose("select[data-facet=zone]", "shanghai").await;
    assert!(w.text(".vp-ents").contains("HSBC") && !w.text(".vp-ents").contains("Shenzhen) Co"));
    w.choose("select[data-facet=status]", "approved").await;
    assert!(w.text("[data-testid=count]").starts_with(&format!("{} of", count(|e| in_zone("shanghai")(e) && approved(e)))));
    w.choose("select[data-facet=zone]", "").await;
    w.choose("select[data-facet=status]", "").await;
    w.choose("select[data-facet=country]", "DE").await;
    assert!(w.all(".vp-ent").iter().all(|e| e.text_content().unwrap().contains("Germany")));
    w.choose("select[data-facet=country]", "").await;
    w.choose("select[data-facet=service]", "B11").await;
    assert_eq!(w.all(".vp-ent").len(), 1);
    assert!(w.text(".vp-ents").contains("Unity"));
    w.choose("select[data-facet=service]", "").await;

    w.type_in("input[type=search]", "hsbc").await;
    assert_eq!(w.all(".vp-ent").len(), 1);
    assert!(w.text(".vp-ent").contains("HSBC FinTech"));
    w.type_in("input[type=search]", "汇丰").await;
    assert_eq!(w.all(".vp-ent").len(), 1);
    let links = w.all(".vp-ent a.vp-src");
    assert!(!links.is_empty());
    assert!(links.iter().all(|a| a.get_attribute("target").as_deref() == Some("_blank")
        && a.get_attribute("rel").as_deref() == Some("noopener noreferrer")
        && a.get_attribute("href").unwrap_or_default().starts_with("http")));

    // A card that still matches stays the same element while the reader types (no flicker,
    // keyboard focus on one of its source links survives); counts update in the options.
    w.type_in("input[type=search]", "").await;
    w.type_in("input[type=search]", "h").await;
    let hsbc = w.find(".vp-ent[data-id=e-hsbc-fintech]");
    // The reader opens the card's sources (one "Sources (n)" control) and focuses a link.
    for d in w.all(".vp-ent[data-id=e-hsbc-fintech] details") {
        d.set_attribute("open", "").unwrap();
    }
    let link = w.find(".vp-ent[data-id=e-hsbc-fintech] a.vp-src").dyn_into::<HtmlElement>().unwrap();
    link.focus().unwrap();
    let zone_options = w.text("select[data-facet=zone]");
    w.type_in("input[type=search]", "hs").await;
    assert!(w.find(".vp-ent[data-id=e-hsbc-fintech]") == hsbc, "the card was rebuilt");
    assert_eq!(document().active_element().as_ref(), Some(link.as_ref() as &Element), "focus left the card");
    assert_ne!(w.text("select[data-facet=zone]"), zone_options, "the zone counts follow the search");
    assert!(!w.all("select[data-facet=zone] option[disabled]").is_empty(), "a zone with no match is disabled");

    // Empty state with a way out.
    w.type_in("input[type=search]", "no such company").await;
    assert!(w.text(".vp-empty").contains("No enterprise matches these filters."));
    w.click("[data-action=clear-filters]").await;
    assert!(w.text("[data-testid=count]").starts_with(&all));
}

#[wasm_bindgen_test]
async fn list_state_round_trips_through_the_url_hash() {
    let w = widget(r#"{"idPrefix":"hash","hashPrefix":"h1."}"#).await;
    w.click("[data-tab=list]").await;
    w.choose("select[data-facet=zone]", "shanghai").await;
    w.type_in("input[type=search]", "汇丰").await;
    let h = hash();
    assert!(h.contains("h1.tab=list") && h.contains("h1.zone=shanghai") && h.contains("h1.q=%E6%B1%87%E4%B8%B0"), "{h}");
    drop(w);
    // A new widget opened on this URL shows the same view.
    let w2 = widget(r#"{"idPrefix":"hash2","hashPrefix":"h1."}"#).await;
    assert_eq!(w2.find("select[data-facet=zone]").dyn_into::<HtmlSelectElement>().unwrap().value(), "shanghai");
    assert_eq!(w2.find("input[type=search]").dyn_into::<HtmlInputElement>().unwrap().value(), "汇丰");
    assert_eq!(w2.all(".vp-ent").len(), 1);
    drop(w2);
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

// ---------------------------------------------------------------------------------------
// Checker

async fn answer(w: &Widget, place: &str, service: &str, pct: &str) {
    w.choose("select[data-q=place]", place).await;
    w.choose("select[data-q=service]", service).await;
    w.type_in("input[data-q=equity]", pct).await;
}

fn cited(w: &Widget) -> Vec<String> {
    w.all(".vp-reasons a.vp-src").iter().map(|a| a.text_content().unwrap_or_default()).collect()
}

#[wasm_bindgen_test]
async fn checker_allowed_capped_prohibited_and_not_opened() {
    let w = widget(r#"{"idPrefix":"chk","view":"checker"}"#).await;
    assert!(w.text(".vp-verdict-box").contains("Choose a place and a service"));

    answer(&w, "hainan", "B11", "100").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("allowed"));
    assert!(w.text("[data-testid=verdict]").starts_with("Yes — up to 100% foreign ownership in Hainan"));
    assert_eq!(w.text("[data-testid=max]"), "100%");
    assert!(cited(&w).contains(&"[S1]".to_string()), "{:?}", cited(&w));
    assert!(w.text(".vp-result").contains("Information, not legal advice"));
    assert!(w.text(".vp-result").contains(&format!("Dataset {}", ds().version)));

    answer(&w, "shanghai-other", "B11", "100").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("not_allowed"));
    assert!(w.text("[data-testid=verdict]").contains("the maximum in Shanghai – outside Pudong is 50%"));
    assert_eq!(w.text("[data-testid=max]"), "50%");
    assert!(cited(&w).contains(&"[S49]".to_string()));

    w.choose("select[data-q=service]", "X-NEWS").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("prohibited"));
    assert_eq!(w.text("[data-testid=max]"), "0%");
    assert!(cited(&w).contains(&"[S49]".to_string()));

    w.choose("select[data-q=place]", "other-mainland").await;
    w.choose("select[data-q=service]", "B13").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("not_allowed"));
    assert!(w.text("[data-testid=verdict]").contains("not open to foreign investment"));
    assert_eq!(w.text("[data-testid=max]"), "0%");
    assert!(cited(&w).contains(&"[S47]".to_string()));

    // The comparison table shows where the pilot matters.
    w.choose("select[data-q=service]", "B11").await;
    assert_eq!(w.find(".vp-compare tr[data-place=hainan]").get_attribute("data-verdict").as_deref(), Some("allowed"));
    assert_eq!(w.find(".vp-compare tr[data-place=shanghai-other]").get_attribute("data-verdict").as_deref(), Some("not_allowed"));
}

#[wasm_bindgen_test]
async fn change_keeps_other_answers_and_start_again_clears_them() {
    let w = widget(r#"{"idPrefix":"chg","view":"checker","hashPrefix":"c1."}"#).await;
    answer(&w, "hainan", "B11", "100").await;
    w.radio("input[data-q=reg][value=no]").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("not_allowed"));
    let h = hash();
    assert!(h.contains("c1.place=hainan") && h.contains("c1.cs=B11") && h.contains("c1.pct=100") && h.contains("c1.reg=0"), "{h}");

    // Change the place only: the other answers stay.
    w.click(".vp-answer:first-child button").await;
    w.choose("select[data-q=place]", "beijing").await;
    let answers = w.text(".vp-answers");
    assert!(answers.contains("Beijing") && answers.contains("B11") && answers.contains("100%") && answers.contains("No"), "{answers}");

    // Bad input is refused with a message and loses nothing.
    w.type_in("input[data-q=equity]", "250").await;
    assert!(w.text(".vp-error").contains("from 0 to 100"));
    assert!(w.text(".vp-answers").contains("100%"));

    // The hash reproduces the answers in a new widget.
    let w2 = widget(r#"{"idPrefix":"chg2","view":"checker","hashPrefix":"c1."}"#).await;
    assert_eq!(w2.find("select[data-q=place]").dyn_into::<HtmlSelectElement>().unwrap().value(), "beijing");
    assert_eq!(w2.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("not_allowed"));
    drop(w2);

    w.type_in("input[data-q=equity]", "250").await;
    w.click("[data-action=start-again]").await;
    assert!(w.try_find("[data-testid=verdict]").is_none());
    assert_eq!(w.text(".vp-error"), "", "Start again clears the message about a refused share");
    assert_eq!(w.find("input[data-q=equity]").dyn_into::<HtmlInputElement>().unwrap().value(), "");
    assert!(w.text(".vp-verdict-box").contains("Choose a place and a service"));
    web_sys::window().unwrap().location().set_hash("").unwrap();
}

// ---------------------------------------------------------------------------------------
// Hostile input: a dataset is data, never markup; memory stays flat; a typo is an error

/// Appended to every free-text string of a dataset (and to every source id, consistently):
/// the shapes of payload that once ran through the map inset.
const PAYLOAD: &str = concat!(
    "<img src=x onerror=\"window.__vpPwned=1\">",
    "<svg onload=\"window.__vpPwned=1\"><image href=x onerror=\"window.__vpPwned=1\"/></svg>",
    "</text><image href=x onerror=\"window.__vpPwned=1\"/><text>",
    "\"'><script>window.__vpPwned=1</script>",
    "<iframe srcdoc=\"<script>parent.__vpPwned=1</script>\"></iframe>",
    "<a href=\"javascript:window.__vpPwned=1\">x</a>"
);

/// The shipped dataset with [`PAYLOAD`] in every string a reader can see: names, notes, labels,
/// zone names, source titles and outlets, URLs (still starting with https), codes, the
/// version, and every source id (consistently, so citations still resolve).
fn hostile_dataset() -> String {
    use serde_json::Value;
    fn poison(v: &mut Value, key: &str, in_sources: bool) {
        const FREE_TEXT: [&str; 10] = ["en", "zh", "url", "outlet", "title", "reliabilityNote", "nameEn", "nameZh", "code", "version"];
        match v {
            Value::String(s) if FREE_TEXT.contains(&key) || key == "sourceIds" || (in_sources && key == "id") => s.push_str(PAYLOAD),
            Value::Array(items) => items.iter_mut().for_each(|x| poison(x, key, in_sources || key == "sources")),
            Value::Object(map) => map.iter_mut().for_each(|(k, x)| poison(x, k, in_sources)),
            _ => {}
        }
    }
    let mut v: Value = serde_json::from_str(vats_pilot::data::EMBEDDED_JSON).unwrap();
    poison(&mut v, "", false);
    v.to_string()
}

fn pwned() -> bool {
    Reflect::get(&web_sys::window().unwrap(), &"__vpPwned".into()).map(|v| !v.is_undefined()).unwrap_or(false)
}

/// No element a payload could have made, and no inline handler, exists under the widget.
fn assert_inert(w: &Widget, step: &str) {
    let made = w.all("img, image, script, iframe, object, embed, a[href^=javascript], svg svg");
    assert!(made.is_empty(), "{step}: payload became markup: {:?}", made.iter().map(|e| e.outer_html()).collect::<Vec<_>>());
    for el in w.all("*") {
        let attrs = el.get_attribute_names();
        for name in attrs.iter().filter_map(|n| n.as_string()) {
            assert!(!name.starts_with("on"), "{step}: <{}> has a handler attribute {name}", el.tag_name());
        }
    }
    assert!(!pwned(), "{step}: a payload ran");
}

async fn pause(ms: i32) {
    let p = js_sys::Promise::new(&mut |ok, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&ok, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_hostile_dataset_is_shown_as_text_in_every_view_and_both_languages() {
    let opts = serde_json::json!({ "idPrefix": "evil", "dataJson": hostile_dataset() }).to_string();
    let w = widget(&opts).await;
    // It passed validation: the payload is in the shown data, as text.
    assert!(w.text(".vp-notice").contains("newer dataset"), "{}", w.text(".vp-notice"));
    for lang in ["en", "zh"] {
        // Map: main map, both insets, every zone's card (hover and selection), list of areas.
        w.click("[data-tab=map]").await;
        assert_eq!(w.all(".vp-inset").len(), 2);
        for zone in ["beijing", "shanghai", "hainan", "shenzhen"] {
            w.click(&format!("g.vp-zone[data-zone={zone}]")).await;
            assert!(w.text(".vp-card").contains("<img src=x"), "{lang} {zone}: card shows the name as text");
            assert_inert(&w, &format!("{lang} map {zone}"));
        }
        w.click("[data-inset=shanghai]").await;
        assert!(w.text(".vp-insets").contains("<img src=x"), "{lang}: inset labels are text");
        // List: every card (all pages), the unidentified group, headline, facets.
        w.click("[data-tab=list]").await;
        w.choose("select[data-facet=zone]", "").await;
        while w.try_find("[data-action=show-more]").is_some() {
            w.click("[data-action=show-more]").await;
        }
        let all = vats_pilot::data::embedded().enterprises.iter().filter(|e| e.identified).count();
        assert_eq!(w.all(".vp-ent:not(.vp-ent-unidentified)").len(), all);
        assert!(w.text(".vp-ents").contains("<script>"), "{lang}: names and notes are text");
        assert_inert(&w, &format!("{lang} list"));
        // Checker: verdict, conditions, reasons, your answers, comparison.
        w.click("[data-tab=checker]").await;
        answer(&w, "hainan", "B11", "100").await;
        w.radio("input[data-q=reg][value=no]").await;
        assert!(w.try_find(".vp-compare").is_some() && w.try_find(".vp-reasons li").is_some());
        assert!(w.text(".vp-result").contains("<img src=x"), "{lang}: rule text is text");
        assert_inert(&w, &format!("{lang} checker"));
        // Footer notes and sources (written when opened).
        w.click(".vp-notes summary").await;
        assert!(w.text(".vp-notes").contains("<img src=x"));
        assert_inert(&w, &format!("{lang} notes"));
        w.click(".vp-lang").await;
    }
    pause(100).await; // an image error event would have fired by now
    assert_inert(&w, "after a pause");
}

fn wasm_memory_bytes() -> f64 {
    let mem: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    mem.buffer().dyn_into::<js_sys::ArrayBuffer>().unwrap().byte_length() as f64
}

#[wasm_bindgen_test]
async fn two_hundred_mounts_and_unmounts_leave_memory_flat() {
    let newer = serde_json::json!({ "idPrefix": "mem", "dataJson": vats_pilot::data::EMBEDDED_JSON }).to_string();
    for (label, opts) in [("embedded data", r#"{"idPrefix":"mem"}"#.to_string()), ("data-src dataset", newer)] {
        let opts = js_sys::JSON::parse(&opts).unwrap();
        let cycle = || async {
            let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
            document().body().unwrap().append_child(&root).unwrap();
            let mut h = mount(root.clone().into(), opts.clone()).unwrap_or_else(|e| panic!("{:?}", JsValue::from(e)));
            leptos::task::tick().await;
            h.unmount();
            root.remove();
        };
        for _ in 0..5 {
            cycle().await; // first use builds the embedded data and warms the allocator
        }
        let start = wasm_memory_bytes();
        for _ in 0..200 {
            cycle().await;
        }
        let grew = wasm_memory_bytes() - start;
        web_sys::console::log_1(&format!("memory after 200 mount/unmount cycles ({label}): {start} → {} bytes", start + grew).into());
        assert!(grew <= 64.0 * 1024.0, "{label}: wasm memory grew by {grew} bytes over 200 cycles");
    }
}

fn message(e: wasm_bindgen::JsError) -> String {
    js_sys::Error::from(JsValue::from(e)).message().as_string().unwrap_or_default()
}

#[wasm_bindgen_test]
fn misspelt_keys_and_wrong_types_are_errors_that_name_them() {
    let js = |s: &str| js_sys::JSON::parse(s).unwrap();
    // Once, these answered as if the key were absent: "allowed" for Tianjin at 100 %.
    let m = message(api::check_eligibility(js(r#"{"place":"tianjin","service":"B11","foreignEquityPercent":100}"#)).unwrap_err());
    assert!(m.contains("unknown key \"foreignEquityPercent\"") && m.contains("foreignEquityPct"), "{m}");
    let m = message(api::filter_enterprises(js(r#"{"zones":"hainan"}"#)).unwrap_err());
    assert!(m.contains("\"zones\"") && m.contains("zone, service, country, status, text"), "{m}");
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    let m = message(mount(root.clone().into(), js(r#"{"language":"zh"}"#)).err().unwrap());
    assert!(m.contains("\"language\"") && m.contains("lang"), "{m}");
    // Wrong types name the key and what came.
    let m = message(api::check_eligibility(js(r#"{"place":"hainan","service":"B11","foreignEquityPct":"100"}"#)).unwrap_err());
    assert!(m.contains("foreignEquityPct must be a number") && m.contains("string \"100\""), "{m}");
    let m = message(api::check_eligibility(js(r#"{"place":"hainan","service":"B11","registeredInPlace":"no"}"#)).unwrap_err());
    assert!(m.contains("registeredInPlace must be true or false"), "{m}");
    let m = message(api::check_eligibility(js(r#"["hainan","B11"]"#)).unwrap_err());
    assert!(m.contains("expected an object") && m.contains("an array"), "{m}");
    // A share finer than a hundredth is refused, not rounded.
    let m = message(api::check_eligibility(js(r#"{"place":"shanghai-other","service":"B11","foreignEquityPct":50.0000000001}"#)).unwrap_err());
    assert!(m.contains("at most two decimals"), "{m}");
    // Long values are cut.
    let long = serde_json::json!({ "lang": "x".repeat(100_000) }).to_string();
    let m = message(mount(root.into(), js(&long)).err().unwrap());
    assert!(m.len() < 300 && m.contains('…'), "{} chars", m.len());
    // The correct call still answers.
    let a = api::check_eligibility(js(r#"{"place":"tianjin","service":"B11","foreignEquityPct":100}"#)).unwrap();
    assert_eq!(get(&a, "verdict").as_string().as_deref(), Some("not_allowed"));
}

#[wasm_bindgen_test]
fn mount_refuses_anything_but_an_element_and_says_what_it_got() {
    let text = document().create_text_node("x");
    for (target, says) in [
        (JsValue::NULL, "null"),
        (JsValue::UNDEFINED, "undefined"),
        (JsValue::from_str("#app"), "string \"#app\""),
        (document().into(), "Document"),
        (text.into(), "a Text"),
        (JsValue::from_f64(3.0), "number 3"),
    ] {
        let m = message(mount(target, JsValue::UNDEFINED).err().expect("refused"));
        assert!(m.contains("target must be an element") && m.contains(says), "{m}");
    }
}

#[wasm_bindgen_test]
async fn a_live_widget_changes_language_view_and_zone_without_losing_answers() {
    let mut w = widget(r#"{"idPrefix":"upd"}"#).await;
    w.click("[data-tab=list]").await;
    w.choose("select[data-facet=status]", "approved").await;
    let js = |s: &str| js_sys::JSON::parse(s).unwrap();
    w._handle.update(js(r#"{"lang":"zh"}"#)).unwrap();
    settle().await;
    assert!(w.text(".vp-panel").contains("企业：获批企业与据报申请企业"), "{}", w.text(".vp-panel"));
    assert_eq!(w.find("select[data-facet=status]").dyn_into::<HtmlSelectElement>().unwrap().value(), "approved");
    w._handle.update(js(r#"{"view":"checker","zone":"hainan"}"#)).unwrap();
    settle().await;
    assert!(w.try_find("[role=tab]").is_none());
    assert_eq!(w.find("select[data-q=place]").dyn_into::<HtmlSelectElement>().unwrap().value(), "hainan");
    w._handle.update(js(r#"{"theme":"dark"}"#)).unwrap();
    settle().await;
    assert!(w.find("section.vp").class_name().contains("vp-theme-dark"));
    let m = message(w._handle.update(js(r#"{"dataJson":"{}"}"#)).unwrap_err());
    assert!(m.contains("unknown key \"dataJson\"") && m.contains("lang, view, zone, service, theme"), "{m}");
    w._handle.unmount();
    assert_eq!(w.root.child_element_count(), 0, "unmount removes the widget");
    assert!(message(w._handle.update(js(r#"{"lang":"en"}"#)).unwrap_err()).contains("unmounted"));
}

#[wasm_bindgen_test]
async fn a_share_typed_beyond_two_decimals_is_refused_and_the_last_answer_kept() {
    let w = widget(r#"{"idPrefix":"eq","view":"checker"}"#).await;
    answer(&w, "shanghai-other", "B11", "50").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("allowed"));
    // Once, 50.001 showed as "50" and was judged above the 50 % cap.
    w.type_in("input[data-q=equity]", "50.001").await;
    assert!(w.text(".vp-error").contains("at most two decimals"), "{}", w.text(".vp-error"));
    assert!(w.text(".vp-answers").contains("50%"));
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("allowed"));
    w.type_in("input[data-q=equity]", "50.01").await;
    assert_eq!(w.find("[data-testid=verdict]").get_attribute("data-verdict").as_deref(), Some("not_allowed"));
    assert!(w.text("[data-testid=verdict]").contains("50.01%"), "{}", w.text("[data-testid=verdict]"));
}

// ---------------------------------------------------------------------------------------
// Timeline

#[wasm_bindgen_test]
async fn the_timeline_lists_every_dated_event_in_order_with_sources_in_both_languages() {
    let w = widget(r#"{"idPrefix":"tl","view":"timeline"}"#).await;
    if w.try_find("[data-action=timeline-all]").is_some() {
        w.click("[data-action=timeline-all]").await;
    }
    let items = w.all(".vp-timeline li");
    assert_eq!(items.len(), ds().timeline.len());
    let dates: Vec<String> = w.all(".vp-timeline time").iter().filter_map(|t| t.get_attribute("datetime")).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "oldest first");
    assert!(items.iter().all(|li| li.query_selector("a.vp-src").unwrap().is_some()), "every event cites a source");
    let first = ds().timeline.iter().min_by(|a, b| a.date.cmp(&b.date)).unwrap();
    assert!(w.text(".vp-timeline li").contains(&first.label.en));
    w.click(".vp-lang").await;
    assert!(w.text(".vp-timeline li").contains(&first.label.zh));
}

#[wasm_bindgen_test]
async fn the_map_selection_shows_in_the_list_and_the_checker_and_can_be_cleared_there() {
    let w = widget(r#"{"idPrefix":"chip"}"#).await;
    w.click(".vp-zone-btn[data-zone=hainan]").await;
    w.click("[data-tab=checker]").await;
    assert!(w.text("[data-testid=selection]").contains("Hainan"));
    w.click("[data-tab=list]").await;
    assert!(w.text("[data-testid=selection]").contains("Hainan"));
    w.click("[data-testid=selection] button").await;
    assert!(w.try_find("[data-testid=selection]").is_none());
    assert_eq!(w.find("select[data-facet=zone]").dyn_into::<HtmlSelectElement>().unwrap().value(), "");
}

// ---------------------------------------------------------------------------------------
// Dataset without a JSON parser in the wasm (size): the embedded data is built in as Rust
// data, `dataset()` serialises it, and a `data-src` dataset is read by the browser's
// JSON.parse. Misspelt keys, wrong types and syntax errors are still errors that say where.

#[wasm_bindgen_test]
fn the_js_api_dataset_is_the_whole_shipped_dataset() {
    let text = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    // The shipped file, typed: fields it leaves to their default (e.g. `partial: false`) are
    // written out. Both go through JSON.stringify, so numbers read the same (13, not 13.0).
    let typed: vats_pilot::model::Dataset = serde_json::from_str(vats_pilot::data::EMBEDDED_JSON).unwrap();
    let expected = js_sys::JSON::parse(&serde_json::to_string(&typed).unwrap()).unwrap();
    assert_eq!(text(&api::dataset().unwrap()), text(&expected));
}

#[wasm_bindgen_test]
async fn a_newer_dataset_with_a_misspelt_key_a_wrong_type_or_bad_syntax_is_refused_saying_where() {
    let note_for = |json: String, id: &'static str| async move {
        let opts = serde_json::json!({ "idPrefix": id, "view": "list", "dataJson": json }).to_string();
        let w = widget(&opts).await;
        assert!(w.text("[data-testid=headline]").starts_with("13 approved in the first batch"), "built-in data shows");
        w.text(".vp-notice")
    };
    let base: serde_json::Value = serde_json::from_str(vats_pilot::data::EMBEDDED_JSON).unwrap();

    let mut v = base.clone();
    v["sources"][2]["titel"] = "A misspelt key".into();
    let note = note_for(v.to_string(), "sz1").await;
    assert!(note.contains("Could not use the newer dataset") && note.contains("\"sources[2].titel\""), "{note}");

    let mut v = base.clone();
    v["rules"][1]["maxForeignEquityPct"] = "100".into();
    let note = note_for(v.to_string(), "sz2").await;
    assert!(note.contains("rules[1]") && note.contains("invalid type"), "{note}");

    let note = note_for(r#"{"version": }"#.into(), "sz3").await;
    assert!(note.contains("column") || note.contains("position") || note.contains("'}'"), "where: {note}");

    let mut v = base.clone();
    v["zones"][0]["anchor"] = serde_json::Value::Null;
    v["enterprises"][3]["status"] = "pending".into();
    let note = note_for(v.to_string(), "sz5").await;
    assert!(note.contains("zones[0].anchor: missing") && note.contains("enterprises[3].status: invalid value: string \"pending\""), "{note}");

    // The unchanged dataset is accepted.
    let note = note_for(base.to_string(), "sz4").await;
    assert!(note.contains("newer dataset loaded by this page"), "{note}");
}

#[wasm_bindgen_test]
fn the_shipped_dataset_read_as_a_newer_dataset_equals_the_built_in_one() {
    let read = vats_pilot::web::dataset_json::load(vats_pilot::data::EMBEDDED_JSON).unwrap_or_else(|e| panic!("{e}"));
    assert!(read == *vats_pilot::data::embedded(), "every field is read under its JSON name");
}
