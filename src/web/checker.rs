//! "Can I operate this service here?": the question form, the verdict with conditions and
//! cited reasons, "your answers" with Change links, and the comparison across areas.

use leptos::prelude::*;

use super::list::source_links;
use super::{dom, Ctx};
use crate::eligibility::{assess, compare, headline, place_group, verdict_word, Assessment, PlaceGroup, Query};
use crate::filter::normalise;
use crate::markup::confidence_label;
use crate::equity::Equity;
use crate::i18n::{fill, Lang, Strings};
use crate::model::{Dataset, Service};
use crate::state::Answers;

fn programme_name(ds: &Dataset, id: Option<&str>, lang: Lang) -> String {
    match id.and_then(|p| ds.programme(p)).filter(|p| p.id != "national") {
        Some(p) => p.name.get(lang).to_string(),
        None => lang.strings().national_rules.to_string(),
    }
}

fn yes_no(s: &Strings, v: Option<bool>) -> &'static str {
    match v {
        Some(true) => s.answer_yes,
        Some(false) => s.answer_no,
        None => s.answer_unsure,
    }
}

fn service_matches(sv: &Service, needle: &str) -> bool {
    needle.is_empty()
        || [sv.id.as_str(), &sv.name.en, &sv.name.zh, &sv.description.en, &sv.description.zh]
            .iter()
            .any(|t| normalise(t).contains(needle))
}

fn place_select(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let id = ctx.id("place");
    let groups = [
        (PlaceGroup::Pilot, s.place_group_pilot),
        (PlaceGroup::OtherProgramme, s.place_group_other),
        (PlaceGroup::Elsewhere, s.place_group_elsewhere),
    ]
    .into_iter()
    .map(|(g, label)| {
        let data = ctx.data();
        let items = data
            .ds
            .places
            .iter()
            .filter(|p| place_group(p) == g)
            .map(|p| {
                let pid = p.id.clone();
                let value = pid.clone();
                let sel = move || ctx.state.with(|s| s.answers.place.as_deref() == Some(pid.as_str()));
                view! { <option value=value selected=sel>{p.name.get(lang).to_string()}</option> }
            })
            .collect_view();
        view! { <optgroup label=label>{items}</optgroup> }
    })
    .collect_view();
    view! {
        <div class="vp-q">
            <label for=id.clone()>{s.q_place}</label>
            <select
                id=id
                data-q="place"
                prop:value=move || ctx.state.with(|s| s.answers.place.clone().unwrap_or_default())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|s| s.answers.place = (!v.is_empty()).then_some(v));
                }
            >
                <option value="">{s.choose}</option>
                {groups}
            </select>
        </div>
    }
}

fn service_select(ctx: Ctx, lang: Lang) -> impl IntoView {
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
                            view! { <option value=sv.id.clone() selected=sel>{format!("{} — {}", sv.code, sv.name.get(lang))}</option> }
                        })
                        .collect_view();
                    view! { <optgroup label=f.name.get(lang).to_string()>{opts}</optgroup> }
                })
            })
            .collect_view();
        view! { <option value="" selected=current.is_none()>{s.choose}</option> {groups} }
    };
    let help = move || {
        let sid = ctx.state.with(|s| s.answers.service.clone())?;
        Some(ctx.data().ds.service(&sid)?.description.get(lang).to_string())
    };
    let none_match = move || {
        let n = normalise(&needle.get());
        (!ctx.data().ds.services.iter().any(|sv| service_matches(sv, &n)))
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
                data-q="service"
                aria-describedby=help_id.clone()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.state.update(|s| s.answers.service = (!v.is_empty()).then_some(v));
                }
            >
                {options}
            </select>
            <p class="vp-help" id=help_id>{help}</p>
        </div>
    }
}

fn equity_input(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let error = RwSignal::new(false);
    let id = ctx.id("equity");
    let err_id = ctx.id("equity-err");
    let value = move || ctx.state.with(|s| s.answers.equity.map(|e| e.to_string()).unwrap_or_default());
    // The same parser as the URL hash: what the box accepts is exactly what the engine compares.
    let set = move |raw: String| {
        if raw.trim().is_empty() {
            error.set(false);
            return ctx.state.update(|s| s.answers.equity = None);
        }
        match Equity::parse(&raw) {
            Ok(v) => {
                error.set(false);
                ctx.state.update(|s| s.answers.equity = Some(v));
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
                <input
                    type="range"
                    min="0"
                    max="100"
                    step="1"
                    aria-label=s.equity_slider
                    prop:value=move || { let v = value(); if v.is_empty() { "100".to_string() } else { v } }
                    on:input=move |ev| set(event_target_value(&ev))
                />
            </div>
            <p class="vp-error" id=err_id role="alert">{move || error.get().then_some(s.equity_error)}</p>
        </div>
    }
}

fn yes_no_question(
    ctx: Ctx,
    lang: Lang,
    key: &'static str,
    legend: &'static str,
    get: fn(&Answers) -> Option<bool>,
    set: fn(&mut Answers, Option<bool>),
) -> impl IntoView {
    let s = lang.strings();
    let name = ctx.id(key);
    let radios = [(Some(true), "yes"), (Some(false), "no"), (None, "unsure")]
        .into_iter()
        .map(|(v, value)| {
            let id = format!("{name}-{value}");
            view! {
                <label class="vp-radio" for=id.clone()>
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=value
                        data-q=key
                        prop:checked=move || ctx.state.with(|s| get(&s.answers) == v)
                        on:change=move |_| ctx.state.update(|s| set(&mut s.answers, v))
                    />
                    {yes_no(s, v)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="vp-q vp-fieldset">
            <legend>{legend}</legend>
            {radios}
        </fieldset>
    }
}

fn result_view(ctx: Ctx, lang: Lang, a: &Assessment) -> impl IntoView {
    let s = lang.strings();
    let data = ctx.data();
    let ds = &data.ds;
    let max = a.max_foreign_equity_pct.map(|m| format!("{m}%")).unwrap_or_else(|| s.unknown.to_string());
    let conditions = a
        .conditions
        .iter()
        .map(|c| {
            let answered =
                c.answered.map(|b| fill(s.with_note, &[("value", ""), ("note", &format!("{}{}{}", s.your_answers, s.colon, yes_no(s, Some(b))))]));
            view! {
                <li>
                    {c.text(lang).to_string()}
                    {answered}
                    " "
                    <span class="vp-muted">{fill(s.with_note, &[("value", ""), ("note", confidence_label(lang, c.confidence))])}</span>
                    " "
                    <span class="vp-sources">{source_links(ctx, lang, &c.source_ids)}</span>
                </li>
            }
        })
        .collect_view();
    let reasons = a
        .reasons
        .iter()
        .map(|r| view! { <li>{r.text(lang).to_string()}" " <span class="vp-sources">{source_links(ctx, lang, &r.source_ids)}</span></li> })
        .collect_view();
    let has_conditions = !a.conditions.is_empty();
    view! {
        <dl class="vp-dl vp-result-facts">
            <dt>{s.max_equity}</dt>
            <dd data-testid="max">{max}</dd>
            <dt>{s.decided_by}</dt>
            <dd>{programme_name(ds, a.programme.as_deref(), lang)}</dd>
            <dt>{s.confidence}</dt>
            <dd data-testid="confidence">{confidence_label(lang, a.confidence)}</dd>
        </dl>
        {has_conditions.then(|| view! {
            <h4 class="vp-h4">{s.conditions_heading}</h4>
            <ul class="vp-conditions">{conditions}</ul>
        })}
        <h4 class="vp-h4">{s.reasons_heading}</h4>
        <ol class="vp-reasons">{reasons}</ol>
        <p class="vp-muted">{fill(s.dataset_version, &[("version", &ds.version), ("date", &ds.as_of)])}</p>
        <p class="vp-disclaimer">{s.disclaimer}</p>
    }
}

fn answers_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let row = move |question: &'static str, target: String, answer: Box<dyn Fn() -> String + Send + Sync>| {
        view! {
            <div class="vp-answer">
                <dt>{question}</dt>
                <dd>{answer}</dd>
                <dd>
                    <button
                        type="button"
                        class="vp-btn vp-btn-link"
                        aria-label=fill(s.change_aria, &[("question", question)])
                        on:click=move |ev| {
                            let el: web_sys::Element = event_target(&ev);
                            dom::focus_now(&el.get_root_node(), &format!("[id=\"{target}\"]"));
                        }
                    >
                        {s.change}
                    </button>
                </dd>
            </div>
        }
    };
    let answers = move || ctx.state.with(|st| st.answers.clone());
    view! {
        <h4 class="vp-h4">{s.your_answers}</h4>
        <dl class="vp-answers">
            {row(s.q_place, ctx.id("place"), Box::new(move || {
                answers().place.and_then(|p| ctx.data().ds.place(&p).map(|p| p.name.get(lang).to_string())).unwrap_or_else(|| s.not_answered.into())
            }))}
            {row(s.q_service, ctx.id("service"), Box::new(move || {
                answers().service.and_then(|x| ctx.data().ds.service(&x).map(|x| format!("{} — {}", x.code, x.name.get(lang)))).unwrap_or_else(|| s.not_answered.into())
            }))}
            {row(s.q_equity, ctx.id("equity"), Box::new(move || {
                answers().equity.map(|v| format!("{v}%")).unwrap_or_else(|| s.not_answered.into())
            }))}
            {row(s.q_registered, ctx.id("reg-yes"), Box::new(move || yes_no(s, answers().registered).into()))}
            {row(s.q_facilities, ctx.id("fac-yes"), Box::new(move || yes_no(s, answers().facilities).into()))}
        </dl>
        <button
            type="button"
            class="vp-btn vp-btn-secondary"
            data-action="start-again"
            on:click=move |ev| {
                ctx.state.update(|st| st.answers = Answers::default());
                let el: web_sys::Element = event_target(&ev);
                dom::focus_by_id(&el.get_root_node(), &ctx.id("place"));
            }
        >
            {s.start_again}
        </button>
    }
}

fn compare_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    move || {
        let (service, equity, current) =
            ctx.state.with(|st| (st.answers.service.clone(), st.answers.equity, st.answers.place.clone()));
        let q = Query { foreign_equity_pct: equity, ..Query::new("", &service?) };
        let data = ctx.data();
        let ds = &data.ds;
        let rows = compare(ds, &q).ok()?;
        let service_name = ds.service(&q.service).map(|x| x.name.get(lang)).unwrap_or_default();
        let body = rows
            .into_iter()
            .map(|row| {
                let a = &row.assessment;
                let max = a.max_foreign_equity_pct.map(|m| format!("{m}%")).unwrap_or_else(|| s.unknown.to_string());
                view! {
                    <tr class:vp-current=current.as_deref() == Some(row.place.as_str()) data-place=row.place.clone() data-verdict=a.verdict.id()>
                        <th scope="row">{ds.place(&row.place).map(|p| p.name.get(lang).to_string()).unwrap_or_default()}</th>
                        <td>{verdict_word(a.verdict, lang)}</td>
                        <td>{max}</td>
                        <td>{programme_name(ds, a.programme.as_deref(), lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="vp-table-wrap">
                <table class="vp-compare">
                    <caption>{fill(s.compare_heading, &[("service", service_name)])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{s.compare_place}</th>
                            <th scope="col">{s.compare_verdict}</th>
                            <th scope="col">{s.compare_max}</th>
                            <th scope="col">{s.compare_programme}</th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        })
    }
}

pub fn checker_view(ctx: Ctx, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let query = Memo::new(move |_| ctx.state.with(|s| s.answers.query()));
    let assessment = Memo::new(move |_| query.get().map(|q| assess(&ctx.data().ds, &q).map_err(|e| e.to_string())));
    let verdict_line = move || match (query.get(), assessment.get()) {
        (Some(q), Some(Ok(a))) => view! {
            <p class="vp-info">{s.info_based_on}</p>
            <p class=format!("vp-verdict vp-verdict-{}", a.verdict.id()) data-testid="verdict" data-verdict=a.verdict.id()>
                {headline(&ctx.data().ds, &q, &a, lang)}
            </p>
        }
        .into_any(),
        (_, Some(Err(e))) => view! { <p class="vp-error" role="alert">{format!("{}: {e}", s.error_prefix)}</p> }.into_any(),
        _ => view! { <p class="vp-muted" data-testid="verdict-pending">{s.answer_needed}</p> }.into_any(),
    };
    let body = move || assessment.get().and_then(Result::ok).map(|a| result_view(ctx, lang, &a));
    view! {
        <div class="vp-checker">
            <h3 class="vp-h3">{s.checker_heading}</h3>
            <p class="vp-intro">{s.checker_intro}</p>
            <form class="vp-form" on:submit=|ev| ev.prevent_default()>
                {place_select(ctx, lang)}
                {service_select(ctx, lang)}
                {equity_input(ctx, lang)}
                {yes_no_question(ctx, lang, "reg", s.q_registered, |a| a.registered, |a, v| a.registered = v)}
                {yes_no_question(ctx, lang, "fac", s.q_facilities, |a| a.facilities, |a, v| a.facilities = v)}
            </form>
            <div class="vp-result">
                <div class="vp-verdict-live" aria-live="polite" aria-atomic="true">{verdict_line}</div>
                {body}
            </div>
            <div class="vp-your-answers">{answers_view(ctx, lang)}</div>
            {compare_view(ctx, lang)}
        </div>
    }
}
