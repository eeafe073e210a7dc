//! "Can I operate this service here?": the question form, the verdict with conditions and
//! cited reasons, "Your answers" with Change buttons, and the comparison across areas. The
//! engine decides, `explain` words it and `markup::checker` writes it; this view writes the
//! markup once, keeps its changing parts current in place and handles its events in one place.

use leptos::prelude::*;

use super::common::{handler, keep_value, select_zone, selection_chip, Panel};
use super::{dom, Ctx};
use crate::eligibility::{assess, compare, Query};
use crate::equity::Equity;
use crate::filter::normalise;
use crate::i18n::Lang;
use crate::markup::checker::{equity_error, place_select, questions, service_select, verdict, verdict_said, your_answers, CheckerSlots};
use crate::markup::{assessment_details, compare_table, Html};

/// The share box: what the reader typed, read with the same parser as the URL hash, so what
/// the box accepts is exactly what the engine compares. Bad text keeps the last valid answer
/// and says what is wrong.
fn on_equity(ctx: Ctx, wrong: RwSignal<bool>, raw: &str) {
    if raw.trim().is_empty() {
        wrong.set(false);
        return ctx.state.update(|st| st.answers.foreign_equity_pct = None);
    }
    match Equity::parse(raw) {
        Ok(v) => {
            wrong.set(false);
            ctx.state.update(|st| st.answers.foreign_equity_pct = Some(v));
        }
        Err(_) => wrong.set(true),
    }
}

fn on_click(ctx: Ctx, wrong: RwSignal<bool>, ev: &web_sys::Event) {
    let Some(b) = dom::target(ev, "[data-action]") else { return };
    let arg = b.get_attribute("data-arg").unwrap_or_default();
    let root = b.get_root_node();
    match b.get_attribute("data-action").as_deref() {
        // Change: focus goes to the question's control, which stays in place.
        Some("change") => dom::focus_now(&root, &format!("[id=\"{arg}\"]")),
        Some("start-again") => {
            // Everything goes, a refused share's message included.
            wrong.set(false);
            ctx.state.update(|st| st.answers = Query::default());
            dom::focus_now(&root, &format!("[id=\"{}\"]", ctx.id("place")));
        }
        Some("clear-answer") => ctx.state.update(|st| {
            st.answers.answers.remove(&arg);
        }),
        Some("clear-selection") => select_zone(ctx, None),
        _ => {}
    }
}

fn on_change(ctx: Ctx, ev: &web_sys::Event) {
    let Some(el) = dom::target(ev, "[data-q]") else { return };
    let v = event_target_value(ev);
    if let Some(question) = el.get_attribute("data-question") {
        ctx.state.update(|st| {
            st.answers.answers.insert(question, v == "yes");
        });
        return;
    }
    let v = (!v.is_empty()).then_some(v);
    match el.get_attribute("data-q").as_deref() {
        Some("place") => ctx.state.update(|st| st.answers.place = v),
        Some("service") => ctx.state.update(|st| st.answers.service = v),
        _ => {}
    }
}

/// Not inlined into the shell's tab switch: a mount then compiles only the tab it shows
/// (V8 compiles each wasm function the first time it runs).
#[inline(never)]
pub fn checker_view(ctx: Ctx, lang: Lang) -> Panel {
    let query = Memo::new(move |_| ctx.state.with(|st| st.answers.clone()));
    let assessment = Memo::new(move |_| query.with(|q| (q.place.is_some() && q.service.is_some()).then(|| assess(&ctx.data().ds, q).map_err(|e| e.to_string()))));
    // What the service filter box holds (`None` when empty; the same signal type as the map's).
    let needle = RwSignal::new(None::<String>);
    let wrong = RwSignal::new(false);
    let uid = ctx.uid();
    let chip = selection_chip(ctx, lang);
    let place = {
        let uid = uid.clone();
        Memo::new(move |_| place_select(&ctx.data().ds, lang, &uid, query.with(|q| q.place.clone()).as_deref()))
    };
    let service = {
        let uid = uid.clone();
        Memo::new(move |_| service_select(&ctx.data().ds, lang, &uid, &needle.with(|n| normalise(n.as_deref().unwrap_or_default())), query.with(|q| q.service.clone()).as_deref()))
    };
    let yes_no = {
        let uid = uid.clone();
        Memo::new(move |_| questions(&ctx.data().ds, lang, &uid, &query.get()))
    };
    let line = Memo::new(move |_| verdict(&ctx.data().ds, lang, &query.get(), assessment.get().as_ref()));
    // The status line a screen reader announces: written only when the answer changes after
    // the panel appears (empty at first, so opening the tab says nothing).
    let said = Memo::new(move |_| verdict_said(&ctx.data().ds, lang, &query.get(), assessment.get().as_ref()));
    // "Your answers" (with Change) comes before the cited reasons, so changing an answer does
    // not take a keyboard past every source link. It appears once there is an answer.
    let answers = {
        let uid = uid.clone();
        Memo::new(move |_| query.with(|q| if *q == Query::default() { Html::default() } else { your_answers(&ctx.data().ds, lang, &uid, q) }))
    };
    let details = Memo::new(move |_| match assessment.get() {
        Some(Ok(a)) => assessment_details(&ctx.data().ds, &a, lang),
        _ => Html::default(),
    });
    // The table shows the service, the share and the highlighted place (a yes/no answer only
    // recomputes the same markup, which the slot then does not write again).
    let table = Memo::new(move |_| {
        let data = ctx.data();
        let ds = &data.ds;
        query.with(|a| {
            let Some(service) = &a.service else { return Html::default() };
            let name = ds.service(service).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
            let q = Query { service: Some(service.clone()), foreign_equity_pct: a.foreign_equity_pct, ..Query::default() };
            compare(ds, &q).map(|rows| compare_table(ds, &rows, &name, a.place.as_deref(), lang)).unwrap_or_default()
        })
    });
    let error = Memo::new(move |_| equity_error(lang, wrong.get()));

    let on = handler(move |ev: web_sys::Event| match ev.type_().as_str() {
        "click" => on_click(ctx, wrong, &ev),
        "change" => on_change(ctx, &ev),
        "submit" => ev.prevent_default(),
        "input" => match dom::target(&ev, "[data-input]").and_then(|el| el.get_attribute("data-input")).as_deref() {
            Some("service-filter") => needle.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty())),
            Some("equity") => on_equity(ctx, wrong, &event_target_value(&ev)),
            _ => {}
        },
        _ => {}
    });
    let share = Memo::new(move |_| query.with(|q| q.foreign_equity_pct.map(|e| e.to_string()).unwrap_or_default()));
    let html = untrack(|| {
        let slots = CheckerSlots {
            chip: &chip.get(),
            place: &place.get(),
            service: &service.get(),
            verdict: &line.get(),
            questions: &yes_no.get(),
            answers: &answers.get(),
            result: &details.get(),
            table: &table.get(),
        };
        crate::markup::checker::panel(lang, &uid, &share.get(), &slots)
    });
    let slots = vec![
        ("chip", chip),
        ("place", place),
        ("service", service),
        ("verdict", line),
        ("said", said),
        ("questions", yes_no),
        ("answers", answers),
        ("result", details),
        ("table", table),
        ("equity-error", error),
    ];
    let node: NodeRef<leptos::html::Div> = NodeRef::new();
    // The share box shows the answer when it changes from elsewhere (Start again, the back
    // button), but not while the reader's own text already means it ("50." is 50).
    keep_value(node, "equity", share, |shown, want| shown == want || Equity::parse(shown).map(|e| e.to_string()).as_deref() == Ok(want));
    Effect::new(move |_| {
        let bad = wrong.get();
        if let Some(input) = node.get_untracked().and_then(|el| el.query_selector("[data-input=equity]").ok().flatten()) {
            dom::set_attr(&input, "aria-invalid", Some(if bad { "true" } else { "false" }));
        }
    });
    // When the required answers are complete, the answer comes into view (on a phone it would
    // otherwise sit below the fold).
    Effect::new(move |was_ready: Option<bool>| {
        let now = assessment.with(Option::is_some);
        if now && was_ready == Some(false) {
            if let Some(el) = node.get_untracked().and_then(|el| el.query_selector(".vp-answer-box").ok().flatten()) {
                dom::scroll_into_view(&el);
            }
        }
        now
    });
    Panel { class: "vp-checker", html, slots, on, node }
}
