//! "Can I operate this service here?": the question form, the verdict with conditions and
//! cited reasons, "your answers" with Change links, and the comparison across areas.

use leptos::prelude::*;

use super::list::{confidence_label, source_links};
use super::{dom, Ctx};
use crate::eligibility::{assess, compare, headline, place_group, verdict_word, Assessment, PlaceGroup, Query};
use crate::filter::normalise;
use crate::i18n::{fill, pct, Lang};
use crate::state::Answers;

fn programme_name(ctx: Ctx, id: Option<&str>, lang: Lang) -> String {
    match id {
        Some("national") | None => lang.strings().national_rules.to_string(),
        Some(p) => ctx.ds.programme(p).map(|p| p.name.get(lang).to_string()).unwrap_or_else(|| p.to_string()),
    }
}

fn yes_no(lang: Lang, v: Option<bool>) -> &'static str {
    let s = lang.strings();
    match v {
        Some(true) => s.answer_yes,
        Some(false) => s.answer_no,
        None => s.answer_unsure,
    }
}

fn place_select(ctx: Ctx) -> impl IntoView {
    let c = ctx;
    let c_opts = ctx;
    let id = ctx.id("place");
    let options = move || {
        let lang = c_opts.lang.get();
        let s = lang.strings();
        let current = c_opts.state.with(|st| st.answers.place.clone());
        let group = |g: PlaceGroup, label: &'static str| {
            let items = c_opts
                .ds
                .places
                .iter()
                .filter(|p| place_group(&c_opts.ds, p) == g)
                .map(|p| {
                    let sel = current.as_deref() == Some(p.id.as_str());
                    view! { <option value=p.id.clone() selected=sel>{p.name.get(lang).to_string()}</option> }
                })
                .collect_view();
            view! { <optgroup label=label>{items}</optgroup> }
        };
        view! {
            <option value="" selected=current.is_none()>{s.choose}</option>
            {group(PlaceGroup::Pilot, s.place_group_pilot)}
            {group(PlaceGroup::OtherProgramme, s.place_group_other)}
            {group(PlaceGroup::Elsewhere, s.place_group_elsewhere)}
        }
    };
    let c_lbl = ctx;
    view! {
        <div class="vp-q">
            <label for=id.clone()>{move || c_lbl.s().q_place}</label>
            <select
                id=id
                data-q="place"
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    c.state.update(|s| s.answers.place = if v.is_empty() { None } else { Some(v) });
                }
            >
                {options}
            </select>
        </div>
    }
}

fn service_select(ctx: Ctx) -> impl IntoView {
    let needle = RwSignal::new(String::new());
    let c = ctx;
    let c_opts = ctx;
    let id = ctx.id("service");
    let filter_id = ctx.id("service-filter");
    let help_id = ctx.id("service-help");
    let options = move || {
        let lang = c_opts.lang.get();
        let s = lang.strings();
        let current = c_opts.state.with(|st| st.answers.service.clone());
        let n = normalise(&needle.get());
        let matches = |sv: &crate::model::Service| {
            n.is_empty()
                || [sv.id.as_str(), &sv.name.en, &sv.name.zh, &sv.description.en, &sv.description.zh]
                    .iter()
                    .any(|t| normalise(t).contains(&n))
                || current.as_deref() == Some(sv.id.as_str())
        };
        let groups = c_opts
            .ds
            .service_families
            .iter()
            .filter_map(|f| {
                let items: Vec<_> = c_opts.ds.services.iter().filter(|sv| sv.family == f.id && matches(sv)).collect();
                if items.is_empty() {
                    return None;
                }
                let opts = items
                    .into_iter()
                    .map(|sv| {
                        let sel = current.as_deref() == Some(sv.id.as_str());
                        view! { <option value=sv.id.clone() selected=sel>{format!("{} — {}", sv.code, sv.name.get(lang))}</option> }
                    })
                    .collect_view();
                Some(view! { <optgroup label=f.name.get(lang).to_string()>{opts}</optgroup> })
            })
            .collect_view();
        view! {
            <option value="" selected=current.is_none()>{s.choose}</option>
            {groups}
        }
    };
    let c_help = ctx;
    let help = move || {
        let lang = c_help.lang.get();
        let sid = c_help.state.with(|s| s.answers.service.clone())?;
        let sv = c_help.ds.service(&sid)?;
        Some(sv.description.get(lang).to_string())
    };
    let c_empty = ctx;
    let empty = move || {
        let n = normalise(&needle.get());
        let none = !n.is_empty()
            && !c_empty.ds.services.iter().any(|sv| {
                [sv.id.as_str(), &sv.name.en, &sv.name.zh, &sv.description.en, &sv.description.zh]
                    .iter()
                    .any(|t| normalise(t).contains(&n))
            });
        none.then(|| view! { <p class="vp-help" role="status">{c_empty.s().no_service_match}</p> })
    };
    let c_lbl = ctx;
    let c_flbl = ctx;
    view! {
        <div class="vp-q">
            <label for=id.clone()>{move || c_lbl.s().q_service}</label>
            <input
                id=filter_id
                class="vp-service-filter"
                type="search"
                autocomplete="off"
                aria-label=move || c_flbl.s().q_service_filter
                placeholder=move || c_flbl.s().q_service_filter
                on:input=move |ev| needle.set(event_target_value(&ev))
            />
            {empty}
            <select
                id=id
                data-q="service"
                aria-describedby=help_id.clone()
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    c.state.update(|s| s.answers.service = if v.is_empty() { None } else { Some(v) });
                }
            >
                {options}
            </select>
            <p class="vp-help" id=help_id>{help}</p>
        </div>
    }
}

fn equity_input(ctx: Ctx) -> impl IntoView {
    let error = RwSignal::new(false);
    let id = ctx.id("equity");
    let c_num = ctx;
    let c_range = ctx;
    let value = {
        let c = ctx;
        move || c.state.with(|s| s.answers.equity.map(pct).unwrap_or_default())
    };
    let value2 = value.clone();
    let set = move |c: Ctx, raw: String| {
        let raw = raw.trim().replace(['%', '%'], "");
        if raw.is_empty() {
            error.set(false);
            c.state.update(|s| s.answers.equity = None);
            return;
        }
        match raw.parse::<f64>() {
            Ok(v) if v.is_finite() && (0.0..=100.0).contains(&v) => {
                error.set(false);
                c.state.update(|s| s.answers.equity = Some(v));
            }
            // Keep the last valid answer and say what is wrong.
            _ => error.set(true),
        }
    };
    let set2 = set;
    let c_lbl = ctx;
    let c_ph = ctx;
    let c_sl = ctx;
    let c_err = ctx;
    let err_id = ctx.id("equity-err");
    view! {
        <div class="vp-q">
            <label for=id.clone()>{move || c_lbl.s().q_equity}</label>
            <div class="vp-equity">
                <input
                    id=id
                    data-q="equity"
                    type="number"
                    inputmode="decimal"
                    min="0"
                    max="100"
                    step="1"
                    placeholder=move || c_ph.s().equity_placeholder
                    aria-invalid=move || error.get().to_string()
                    aria-describedby=err_id.clone()
                    prop:value=value
                    on:input=move |ev| set(c_num, event_target_value(&ev))
                />
                <input
                    type="range"
                    min="0"
                    max="100"
                    step="1"
                    aria-label=move || c_sl.s().equity_slider
                    prop:value=move || { let v = value2(); if v.is_empty() { "100".to_string() } else { v } }
                    on:input=move |ev| set2(c_range, event_target_value(&ev))
                />
            </div>
            <p class="vp-error" id=err_id role="alert">{move || error.get().then(|| c_err.s().equity_error)}</p>
        </div>
    }
}

fn yes_no_question(
    ctx: Ctx,
    key: &'static str,
    legend: fn(&crate::i18n::Strings) -> &'static str,
    get: fn(&Answers) -> Option<bool>,
    set: fn(&mut Answers, Option<bool>),
) -> impl IntoView {
    let c_leg = ctx;
    let name = ctx.id(key);
    let radios = [Some(true), Some(false), None]
        .into_iter()
        .map(|v| {
            let c = ctx;
            let c2 = ctx;
            let c3 = ctx;
            let value = match v {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unsure",
            };
            let id = format!("{name}-{value}");
            view! {
                <label class="vp-radio" for=id.clone()>
                    <input
                        type="radio"
                        id=id.clone()
                        name=name.clone()
                        value=value
                        data-q=key
                        prop:checked=move || c.state.with(|s| get(&s.answers) == v)
                        on:change=move |_| c2.state.update(|s| set(&mut s.answers, v))
                    />
                    {move || yes_no(c3.lang.get(), v)}
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="vp-q vp-fieldset" id=ctx.id(&format!("{key}-set"))>
            <legend>{move || legend(c_leg.s())}</legend>
            {radios}
        </fieldset>
    }
}

fn result_view(ctx: Ctx, q: &Query, a: &Assessment, lang: Lang) -> impl IntoView {
    let s = lang.strings();
    let max = a.max_foreign_equity_pct.map(|m| format!("{m}%")).unwrap_or_else(|| s.unknown.to_string());
    let conditions = a
        .conditions
        .iter()
        .map(|c| {
            let answered = c.answered.map(|b| format!(" ({}: {})", s.your_answers, yes_no(lang, Some(b))));
            view! {
                <li>
                    {c.text(lang).to_string()}
                    {answered}
                    " "
                    <span class="vp-muted">"("{confidence_label(lang, c.confidence)}")"</span>
                    " "
                    <span class="vp-sources">{source_links(ctx, &c.source_ids)}</span>
                </li>
            }
        })
        .collect_view();
    let reasons = a
        .reasons
        .iter()
        .map(|r| {
            view! {
                <li>
                    {r.text(lang).to_string()}
                    " "
                    <span class="vp-sources">{source_links(ctx, &r.source_ids)}</span>
                </li>
            }
        })
        .collect_view();
    let has_conditions = !a.conditions.is_empty();
    let version = fill(s.dataset_version, &[("version", &ctx.ds.version), ("date", &ctx.ds.as_of)]);
    let _ = q;
    view! {
        <dl class="vp-dl vp-result-facts">
            <dt>{s.max_equity}</dt>
            <dd data-testid="max">{max}</dd>
            <dt>{s.decided_by}</dt>
            <dd>{programme_name(ctx, a.programme.as_deref(), lang)}</dd>
            <dt>{s.confidence}</dt>
            <dd data-testid="confidence">{confidence_label(lang, a.confidence)}</dd>
        </dl>
        {has_conditions.then(|| view! {
            <h4 class="vp-h4">{s.conditions_heading}</h4>
            <ul class="vp-conditions">{conditions}</ul>
        })}
        <h4 class="vp-h4">{s.reasons_heading}</h4>
        <ol class="vp-reasons">{reasons}</ol>
        <p class="vp-muted">{version}</p>
        <p class="vp-disclaimer">{s.disclaimer}</p>
    }
}

fn answers_view(ctx: Ctx) -> impl IntoView {
    let c = ctx;
    move || {
        let lang = c.lang.get();
        let s = lang.strings();
        let a = c.state.with(|st| st.answers.clone());
        let place = a.place.as_deref().and_then(|p| c.ds.place(p)).map(|p| p.name.get(lang).to_string());
        let service = a.service.as_deref().and_then(|x| c.ds.service(x)).map(|x| format!("{} — {}", x.code, x.name.get(lang)));
        let rows = [
            (s.q_place, place.unwrap_or_else(|| s.not_answered.to_string()), c.id("place")),
            (s.q_service, service.unwrap_or_else(|| s.not_answered.to_string()), c.id("service")),
            (s.q_equity, a.equity.map(|v| format!("{}%", pct(v))).unwrap_or_else(|| s.not_answered.to_string()), c.id("equity")),
            (s.q_registered, yes_no(lang, a.registered).to_string(), c.id("reg-yes")),
            (s.q_facilities, yes_no(lang, a.facilities).to_string(), c.id("fac-yes")),
        ]
        .into_iter()
        .map(|(q, answer, target)| {
            let aria = fill(s.change_aria, &[("question", q)]);
            view! {
                <div class="vp-answer">
                    <dt>{q}</dt>
                    <dd>{answer}</dd>
                    <dd>
                        <button
                            type="button"
                            class="vp-btn vp-btn-link"
                            aria-label=aria
                            on:click=move |ev| {
                                let el: web_sys::Element = event_target(&ev);
                                dom::focus_in_root(&el, &format!("#{target}"));
                            }
                        >
                            {s.change}
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
        let c2 = c;
        view! {
            <h4 class="vp-h4">{s.your_answers}</h4>
            <dl class="vp-answers">{rows}</dl>
            <button
                type="button"
                class="vp-btn vp-btn-secondary"
                data-action="start-again"
                on:click=move |_| c2.state.update(|st| st.answers = Answers::default())
            >
                {s.start_again}
            </button>
        }
    }
}

fn compare_view(ctx: Ctx) -> impl IntoView {
    let c = ctx;
    move || {
        let lang = c.lang.get();
        let s = lang.strings();
        let q = c.state.with(|st| {
            let service = st.answers.service.clone()?;
            Some(Query {
                place: String::new(),
                service,
                foreign_equity_pct: st.answers.equity,
                registered_in_place: None,
                facilities_in_place: None,
            })
        })?;
        let rows = compare(&c.ds, &q).ok()?;
        let current = c.state.with(|st| st.answers.place.clone());
        let service_name = c.ds.service(&q.service).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
        let body = rows
            .into_iter()
            .map(|row| {
                let name = c.ds.place(&row.place).map(|p| p.name.get(lang).to_string()).unwrap_or_default();
                let here = current.as_deref() == Some(row.place.as_str());
                let max = row.assessment.max_foreign_equity_pct.map(|m| format!("{m}%")).unwrap_or_else(|| s.unknown.to_string());
                view! {
                    <tr class:vp-current=here data-place=row.place.clone() data-verdict=row.assessment.verdict.id()>
                        <th scope="row">{name}</th>
                        <td>{verdict_word(row.assessment.verdict, lang)}</td>
                        <td>{max}</td>
                        <td>{programme_name(c, row.assessment.programme.as_deref(), lang)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <div class="vp-table-wrap">
                <table class="vp-compare">
                    <caption>{fill(s.compare_heading, &[("service", &service_name)])}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{s.compare_place}</th>
                            <th scope="col">{s.verdict_word_allowed}" / "{s.verdict_word_not_allowed}</th>
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

pub fn checker_view() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let query = Memo::new({
        let c = ctx;
        move |_| c.state.with(|s| s.answers.query())
    });
    let assessment = Memo::new({
        let c = ctx;
        move |_| query.get().map(|q| assess(&c.ds, &q).map_err(|e| e.to_string()))
    });
    let c_head = ctx;
    let verdict_line = move || {
        let lang = c_head.lang.get();
        let s = lang.strings();
        match (query.get(), assessment.get()) {
            (Some(q), Some(Ok(a))) => view! {
                <p class="vp-info">{s.info_based_on}</p>
                <p class=format!("vp-verdict vp-verdict-{}", a.verdict.id()) data-testid="verdict" data-verdict=a.verdict.id()>
                    {headline(&c_head.ds, &q, &a, lang)}
                </p>
            }
            .into_any(),
            (_, Some(Err(e))) => view! { <p class="vp-error" role="alert">{format!("{}: {e}", s.error_prefix)}</p> }.into_any(),
            _ => view! { <p class="vp-muted" data-testid="verdict-pending">{s.answer_needed}</p> }.into_any(),
        }
    };
    let c_body = ctx;
    let body = move || {
        let lang = c_body.lang.get();
        match (query.get(), assessment.get()) {
            (Some(q), Some(Ok(a))) => Some(result_view(c_body, &q, &a, lang)),
            _ => None,
        }
    };
    let c_h = ctx;
    let c_intro = ctx;
    view! {
        <div class="vp-checker">
            <h3 class="vp-h3">{move || c_h.s().checker_heading}</h3>
            <p class="vp-intro">{move || c_intro.s().checker_intro}</p>
            <form class="vp-form" on:submit=|ev| ev.prevent_default()>
                {place_select(ctx)}
                {service_select(ctx)}
                {equity_input(ctx)}
                {yes_no_question(ctx, "reg", |s| s.q_registered, |a| a.registered, |a, v| a.registered = v)}
                {yes_no_question(ctx, "fac", |s| s.q_facilities, |a| a.facilities, |a, v| a.facilities = v)}
            </form>
            <div class="vp-result">
                <div class="vp-verdict-live" aria-live="polite" aria-atomic="true">{verdict_line}</div>
                {body}
            </div>
            <div class="vp-your-answers">{answers_view(ctx)}</div>
            {compare_view(ctx)}
        </div>
    }
}
