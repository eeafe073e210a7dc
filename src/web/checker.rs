//! "Can I operate this service here?": the question form, the verdict with conditions and
//! cited reasons, "Your answers" with Change buttons, and the comparison across areas. The
//! engine decides, `explain` words it and `markup::checker` writes it; this view renders the
//! markup, keeps its two text boxes, and dispatches events (handled once, on its root).

use leptos::html;
use leptos::prelude::*;

use super::common::{region, select_zone};
use super::{dom, Ctx};
use crate::eligibility::{assess, compare, Query};
use crate::equity::Equity;
use crate::filter::normalise;
use crate::i18n::Lang;
use crate::markup::checker::{place_select, questions, service_select, verdict, your_answers};
use crate::markup::list::selection_chip;
use crate::markup::{assessment_details, compare_table, Html};

fn equity_input(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let error = RwSignal::new(false);
    let id = ctx.id("equity");
    let err_id = ctx.id("equity-err");
    let share = Memo::new(move |_| ctx.state.with(|st| st.answers.foreign_equity_pct));
    let value = move || share.get().map(|e| e.to_string()).unwrap_or_default();
    // The same parser as the URL hash: what the box accepts is exactly what the engine compares.
    let set = move |raw: String| {
        if raw.trim().is_empty() {
            error.set(false);
            return ctx.state.update(|st| st.answers.foreign_equity_pct = None);
        }
        match Equity::parse(&raw) {
            Ok(v) => {
                error.set(false);
                ctx.state.update(|st| st.answers.foreign_equity_pct = Some(v));
            }
            // Keep the last valid answer and say what is wrong.
            Err(_) => error.set(true),
        }
    };
    view! {
        <div class="vp-q">
            <label for=id.clone()>{s.q_equity}</label>
            <div class="vp-equity">
                <input
                    id=id
                    data-q="equity"
                    type="number"
                    inputmode="decimal"
                    min="0"
                    max="100"
                    step="1"
                    placeholder=s.equity_placeholder
                    aria-invalid=move || error.get().to_string()
                    aria-describedby=err_id.clone()
                    prop:value=value
                    on:input=move |ev| set(event_target_value(&ev))
                />
            </div>
            <p class="vp-error" id=err_id role="alert">{move || error.get().then_some(s.equity_error)}</p>
        </div>
    }
}

fn on_click(ctx: Ctx, ev: &web_sys::MouseEvent) {
    let Some(b) = dom::target(ev, "[data-action]") else { return };
    let arg = b.get_attribute("data-arg").unwrap_or_default();
    let root = b.get_root_node();
    match b.get_attribute("data-action").as_deref() {
        // Change: focus goes to the question's control, which stays in place.
        Some("change") => dom::focus_now(&root, &format!("[id=\"{arg}\"]")),
        Some("start-again") => {
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

pub fn checker_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let query = Memo::new(move |_| ctx.state.with(|st| st.answers.clone()));
    let ready = Memo::new(move |_| query.with(|q| q.place.is_some() && q.service.is_some()));
    let assessment = Memo::new(move |_| ready.get().then(|| assess(&ctx.data().ds, &query.get()).map_err(|e| e.to_string())));
    let needle = RwSignal::new(String::new());
    // When the required answers are complete, the answer comes into view (on a phone it would
    // otherwise sit below the fold).
    let answer_box: NodeRef<html::Div> = NodeRef::new();
    Effect::new(move |was_ready: Option<bool>| {
        let now = ready.get();
        if now && was_ready == Some(false) {
            if let Some(el) = answer_box.get_untracked() {
                dom::scroll_into_view(&el);
            }
        }
        now
    });
    let uid = ctx.uid();
    let place = {
        let uid = uid.clone();
        move || place_select(&ctx.data().ds, lang, &uid, query.with(|q| q.place.clone()).as_deref())
    };
    let service = {
        let uid = uid.clone();
        move || service_select(&ctx.data().ds, lang, &uid, &normalise(&needle.get()), query.with(|q| q.service.clone()).as_deref())
    };
    let yes_no = {
        let uid = uid.clone();
        move || questions(&ctx.data().ds, lang, &uid, &query.get())
    };
    let line = move || verdict(&ctx.data().ds, lang, &query.get(), assessment.get().as_ref());
    // "Your answers" (with Change) comes before the cited reasons, so changing an answer does
    // not take a keyboard past every source link. It appears once there is an answer.
    let answers = {
        let uid = uid.clone();
        move || query.with(|q| if *q == Query::default() { Html::default() } else { your_answers(&ctx.data().ds, lang, &uid, q) })
    };
    let details = move || match assessment.get() {
        Some(Ok(a)) => assessment_details(&ctx.data().ds, &a, lang),
        _ => Html::default(),
    };
    // Only what the table shows: the service, the share and the highlighted place.
    let key = Memo::new(move |_| ctx.state.with(|st| (st.answers.service.clone(), st.answers.foreign_equity_pct, st.answers.place.clone())));
    let table = move || {
        let (service, share, current) = key.get();
        let data = ctx.data();
        let ds = &data.ds;
        let Some(service) = service else { return Html::default() };
        let name = ds.service(&service).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
        let q = Query { service: Some(service), foreign_equity_pct: share, ..Query::default() };
        compare(ds, &q).map(|rows| compare_table(ds, &rows, &name, current.as_deref(), lang)).unwrap_or_default()
    };
    view! {
        <div class="vp-checker" on:click=move |ev| on_click(ctx, &ev) on:change=move |ev| on_change(ctx, &ev)>
            <h3 class="vp-h3" id=ctx.id("h-checker") tabindex="-1">{s.checker_heading}</h3>
            <p class="vp-intro">{s.checker_intro}</p>
            {region("vp-chip-slot", move || selection_chip(&ctx.data().ds, lang, ctx.state.with(|st| st.zone().map(str::to_string)).as_deref()))}
            <form class="vp-form" on:submit=|ev| ev.prevent_default()>
                {region("vp-q", place)}
                <div class="vp-q">
                    <label for=ctx.id("service")>{s.q_service}</label>
                    <input
                        id=ctx.id("service-filter")
                        class="vp-service-filter"
                        type="search"
                        autocomplete="off"
                        aria-label=s.q_service_filter
                        placeholder=s.q_service_filter
                        on:input=move |ev| needle.set(event_target_value(&ev))
                    />
                    {region("vp-service", service)}
                </div>
                <div class="vp-answer-box" node_ref=answer_box>
                    <div class="vp-verdict-live" aria-live="polite" aria-atomic="true">{region("vp-verdict-line", line)}</div>
                </div>
                <fieldset class="vp-optional">
                    <legend>{s.optional_heading}</legend>
                    {equity_input(ctx, lang)}
                    {region("vp-questions", yes_no)}
                </fieldset>
            </form>
            {region("vp-your-answers", answers)}
            {region("vp-result", details)}
            {region("vp-table-wrap", table)}
        </div>
    }
}
