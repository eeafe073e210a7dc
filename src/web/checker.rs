//! "Can I operate this service here?": the question form, the verdict with conditions and
//! cited reasons, "your answers" with Change links, and the comparison across areas. The
//! engine decides and `explain` words it; this view only renders and dispatches.

use leptos::html;
use leptos::prelude::*;

use super::common::field;
use super::{dom, Ctx};
use crate::eligibility::{assess, compare, Assessment, Query};
use crate::equity::Equity;
use crate::explain;
use crate::filter::normalise;
use crate::i18n::{fill, Lang, Strings};
use crate::model::Service;
use crate::questions::{any_service_matches, place_group, service_matches, PlaceGroup};

fn yes_no(s: &Strings, v: Option<bool>) -> &'static str {
    match v {
        Some(true) => s.answer_yes,
        Some(false) => s.answer_no,
        None => s.not_answered,
    }
}

/// The form's controls, so "Change" can move focus to them without looking them up.
#[derive(Clone, Copy)]
struct Controls {
    place: NodeRef<html::Select>,
    service: NodeRef<html::Select>,
    equity: NodeRef<html::Input>,
}

fn place_select(ctx: Ctx, lang: Lang, node: NodeRef<html::Select>) -> impl IntoView {
    let s = lang.strings();
    let id = ctx.id("place");
    let data = ctx.data();
    let place = Memo::new(move |_| ctx.state.with(|st| st.answers.place.clone()));
    let groups = PlaceGroup::ALL
        .into_iter()
        .map(|g| {
            let items = data
                .ds
                .places
                .iter()
                .filter(|p| place_group(p) == g)
                .map(|p| {
                    let pid = p.id.clone();
                    let value = pid.clone();
                    let sel = move || place.with(|p| p.as_deref() == Some(pid.as_str()));
                    view! { <option value=value selected=sel>{p.name.get(lang).to_string()}</option> }
                })
                .collect_view();
            view! { <optgroup label=g.label(s)>{items}</optgroup> }
        })
        .collect_view();
    let value = move || place.get().unwrap_or_default();
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.state.update(|st| st.answers.place = (!v.is_empty()).then_some(v));
    };
    let control = view! {
        <select id=id.clone() node_ref=node data-q="place" prop:value=value on:change=on_change>
            <option value="">{s.choose}</option>
            {groups}
        </select>
    };
    field("vp-q", id, s.q_place, control)
}

fn service_select(ctx: Ctx, lang: Lang, node: NodeRef<html::Select>) -> impl IntoView {
    let s = lang.strings();
    let needle = RwSignal::new(String::new());
    let id = ctx.id("service");
    let help_id = ctx.id("service-help");
    let options = move || {
        let current = ctx.state.with(|st| st.answers.service.clone());
        let n = normalise(&needle.get());
        let data = ctx.data();
        let groups = data
            .ds
            .service_families
            .iter()
            .filter_map(|f| {
                let items: Vec<&Service> = data
                    .ds
                    .services
                    .iter()
                    .filter(|sv| sv.family == f.id && (service_matches(sv, &n) || current.as_deref() == Some(sv.id.as_str())))
                    .collect();
                (!items.is_empty()).then(|| {
                    let opts = items
                        .into_iter()
                        .map(|sv| {
                            let sel = current.as_deref() == Some(sv.id.as_str());
                            view! { <option value=sv.id.clone() selected=sel>{explain::service_label(sv, lang)}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=f.name.get(lang).to_string()>{opts}</optgroup> }
                })
            })
            .collect_view();
        view! { <option value="" selected=current.is_none()>{s.choose}</option> {groups} }
    };
    let help = move || {
        let sid = ctx.state.with(|st| st.answers.service.clone())?;
        Some(ctx.data().ds.service(&sid)?.description.get(lang).to_string())
    };
    let none_match = move || {
        (!any_service_matches(&ctx.data().ds, &normalise(&needle.get())))
            .then(|| view! { <p class="vp-help" role="status">{s.no_service_match}</p> })
    };
    view! {
        <div class="vp-q">
            <label for=id.clone()>{s.q_service}</label>
            <input
                id=ctx.id("service-filter")
                class="vp-service-filter"
                type="search"
                autocomplete="off"
                aria-label=s.q_service_filter
                placeholder=s.q_service_filter
                on:input=move |ev| needle.set(event_target_value(&ev))
            />
            {none_match}
            <select
                id=id
                node_ref=node
                data-q="service"
                aria-describedby=help_id.clone()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|st| st.answers.service = (!v.is_empty()).then_some(v));
                }
            >
                {options}
            </select>
            <p class="vp-help" id=help_id>{help}</p>
        </div>
    }
}

fn equity_input(ctx: Ctx, lang: Lang, node: NodeRef<html::Input>) -> impl IntoView {
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
                    node_ref=node
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

/// One of the dataset's yes/no questions (position `k` in `Dataset::questions`). Optional:
/// nothing is chosen until the reader answers, and the answer can be cleared.
fn yes_no_question(ctx: Ctx, lang: Lang, k: usize) -> Option<impl IntoView> {
    let s = lang.strings();
    let q = ctx.data().ds.questions.get(k)?.clone();
    let name = ctx.id(&q.hash_key);
    let key = q.id.clone();
    let answer = Memo::new(move |_| ctx.state.with(|st| st.answers.answered(&key)));
    let set = {
        let id = q.id.clone();
        move |v: Option<bool>| {
            ctx.state.update(|st| match v {
                Some(b) => {
                    st.answers.answers.insert(id.clone(), b);
                }
                None => {
                    st.answers.answers.remove(&id);
                }
            })
        }
    };
    let radios = [(true, "yes"), (false, "no")]
        .into_iter()
        .map(|(v, value)| {
            let id = format!("{name}-{value}");
            let set = set.clone();
            view! {
                <label class="vp-radio" for=id.clone()>
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=value
                        data-q=q.hash_key.clone()
                        prop:checked=move || answer.get() == Some(v)
                        on:change=move |_| set(Some(v))
                    />
                    {yes_no(s, Some(v))}
                </label>
            }
        })
        .collect_view();
    let clear = move || {
        let set = set.clone();
        answer.get().is_some().then(|| view! {
            <button type="button" class="vp-btn vp-btn-link" data-action="clear-answer" on:click=move |_| set(None)>{s.clear_answer}</button>
        })
    };
    Some(view! {
        <fieldset class="vp-q vp-fieldset">
            <legend>{q.label.get(lang).to_string()}</legend>
            {radios}
            {clear}
        </fieldset>
    })
}

fn result_view(ctx: Ctx, lang: Lang, a: &Assessment) -> impl IntoView {
    view! { <div inner_html=crate::markup::assessment_details(&ctx.data().ds, a, lang)></div> }
}

/// One row of "Your answers": the question, the answer, and a Change button that moves focus
/// to the question's control (`focus` gets the button, to find the widget's root).
fn answer_row(
    lang: Lang,
    question: String,
    answer: impl Fn() -> String + Send + Sync + 'static,
    focus: impl Fn(web_sys::Element) + Send + Sync + 'static,
) -> impl IntoView {
    let s = lang.strings();
    view! {
        <div class="vp-answer">
            <dt>{question.clone()}</dt>
            <dd>{answer}</dd>
            <dd>
                <button
                    type="button"
                    class="vp-btn vp-btn-link"
                    aria-label=fill(s.change_aria, &[("question", &question)])
                    on:click=move |ev| focus(event_target(&ev))
                >
                    {s.change}
                </button>
            </dd>
        </div>
    }
}

fn answers_view(ctx: Ctx, lang: Lang, controls: Controls) -> impl IntoView {
    let s = lang.strings();
    let given = Memo::new(move |_| ctx.state.with(|st| st.answers.clone()));
    let answers = move || given.get();
    let place = move || {
        let id = answers().place?;
        ctx.data().ds.place(&id).map(|p| p.name.get(lang).to_string())
    };
    let service = move || {
        let id = answers().service?;
        ctx.data().ds.service(&id).map(|x| explain::service_label(x, lang))
    };
    let focus_place = move || {
        if let Some(el) = controls.place.get_untracked() {
            let _ = el.focus();
        }
    };
    let data = ctx.data();
    let questions = data.ds.questions.iter().map(|q| {
        let (qid, first) = (q.id.clone(), ctx.id(&format!("{}-yes", q.hash_key)));
        let answer = move || yes_no(s, answers().answered(&qid)).to_string();
        // The radios belong to the form above; they are found by their id in the widget.
        answer_row(lang, q.label.get(lang).to_string(), answer, move |button| dom::focus_now(&button.get_root_node(), &format!("[id=\"{first}\"]")))
    });
    let questions = questions.collect_view();
    view! {
        <h4 class="vp-h4">{s.your_answers}</h4>
        <dl class="vp-answers">
            {answer_row(lang, s.q_place.to_string(), move || place().unwrap_or_else(|| s.not_answered.into()), move |_| focus_place())}
            {answer_row(lang, s.q_service.to_string(), move || service().unwrap_or_else(|| s.not_answered.into()), move |_| {
                if let Some(el) = controls.service.get_untracked() {
                    let _ = el.focus();
                }
            })}
            {answer_row(
                lang,
                s.q_equity.to_string(),
                move || answers().foreign_equity_pct.map(|v| explain::percent(v, lang)).unwrap_or_else(|| s.not_answered.into()),
                move |_| {
                    if let Some(el) = controls.equity.get_untracked() {
                        let _ = el.focus();
                    }
                },
            )}
            {questions}
        </dl>
        <button
            type="button"
            class="vp-btn vp-btn-secondary"
            data-action="start-again"
            on:click=move |_| {
                ctx.state.update(|st| st.answers = Query::default());
                focus_place();
            }
        >
            {s.start_again}
        </button>
    }
}

fn compare_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    // Only what the table shows: the service, the share and the highlighted place.
    let key = Memo::new(move |_| ctx.state.with(|st| (st.answers.service.clone(), st.answers.foreign_equity_pct, st.answers.place.clone())));
    move || {
        let (service, share, current) = key.get();
        let q = Query { service: Some(service?), foreign_equity_pct: share, ..Query::default() };
        let data = ctx.data();
        let ds = &data.ds;
        let rows = compare(ds, &q).ok()?;
        let name = q.service.as_deref().and_then(|id| ds.service(id)).map(|x| x.name.get(lang)).unwrap_or_default();
        Some(view! { <div class="vp-table-wrap" inner_html=crate::markup::compare_table(ds, &rows, name, current.as_deref(), lang)></div> })
    }
}

pub fn checker_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let query = Memo::new(move |_| ctx.state.with(|st| st.answers.clone()));
    let ready = Memo::new(move |_| query.with(|q| q.place.is_some() && q.service.is_some()));
    // "Your answers" appears once there is an answer to list.
    let answered = Memo::new(move |_| query.with(|q| *q != Query::default()));
    let assessment = Memo::new(move |_| ready.get().then(|| assess(&ctx.data().ds, &query.get()).map_err(|e| e.to_string())));
    let verdict_line = move || match assessment.get() {
        Some(Ok(a)) => view! {
            <p class="vp-info">{s.info_based_on}</p>
            <p class=format!("vp-verdict vp-verdict-{}", a.verdict.id()) data-testid="verdict" data-verdict=a.verdict.id()>
                {query.with(|q| explain::headline(&ctx.data().ds, q, &a, lang))}
            </p>
            <dl class="vp-dl vp-result-facts">
                <dt>{s.max_equity}</dt>
                <dd data-testid="max">{explain::max_equity(&a, lang)}</dd>
                <dt>{s.decided_by}</dt>
                <dd>{explain::decided_by(&ctx.data().ds, a.rule(&ctx.data().ds), lang)}</dd>
                <dt>{s.confidence}</dt>
                <dd data-testid="confidence">{explain::confidence_label(a.confidence, lang)}</dd>
            </dl>
        }
        .into_any(),
        Some(Err(e)) => view! { <p class="vp-error" role="alert">{fill(s.error_line, &[("error", &e)])}</p> }.into_any(),
        None => view! { <p class="vp-muted" data-testid="verdict-pending">{s.answer_needed}</p> }.into_any(),
    };
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
    let body = move || assessment.get().and_then(Result::ok).map(|a| result_view(ctx, lang, &a));
    let controls = Controls { place: NodeRef::new(), service: NodeRef::new(), equity: NodeRef::new() };
    let questions = (0..ctx.data().ds.questions.len()).map(|k| yes_no_question(ctx, lang, k)).collect_view();
    view! {
        <div class="vp-checker">
            <h3 class="vp-h3" id=ctx.id("h-checker") tabindex="-1">{s.checker_heading}</h3>
            <p class="vp-intro">{s.checker_intro}</p>
            {super::common::selection_chip(ctx, lang)}
            <form class="vp-form" on:submit=|ev| ev.prevent_default()>
                {place_select(ctx, lang, controls.place)}
                {service_select(ctx, lang, controls.service)}
                <div class="vp-answer-box" node_ref=answer_box>
                    <div class="vp-verdict-live" aria-live="polite" aria-atomic="true">{verdict_line}</div>
                </div>
                <fieldset class="vp-optional">
                    <legend>{s.optional_heading}</legend>
                    {equity_input(ctx, lang, controls.equity)}
                    {questions}
                </fieldset>
            </form>
            // "Your answers" (with Change) comes before the cited reasons, so changing an answer
            // does not take a keyboard past every source link.
            {move || answered.get().then(|| view! { <div class="vp-your-answers">{answers_view(ctx, lang, controls)}</div> })}
            <div class="vp-result">{body}</div>
            {compare_view(ctx, lang)}
        </div>
    }
}
