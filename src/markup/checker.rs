//! The checker as markup: the place and service selects, the yes/no questions, the verdict
//! line, "Your answers" with its Change buttons. The engine decides (`eligibility`) and
//! `explain` words it; this only writes it down, escaped. The two text boxes (service search,
//! share) are the view's own controls, so typing never replaces them.

use crate::marks::{state, Mark};
use super::{escape, Html};
use crate::eligibility::{Assessment, Query};
use crate::explain;
use crate::i18n::{fill, Lang, Strings};
use crate::model::Dataset;
use crate::questions::{any_service_matches, place_group, service_matches, PlaceGroup};

fn yes_no(s: &Strings, v: Option<bool>) -> &'static str {
    match v {
        Some(true) => s.answer_yes,
        Some(false) => s.answer_no,
        None => s.not_answered,
    }
}

fn selected(on: bool) -> &'static str {
    if on {
        " selected"
    } else {
        ""
    }
}

/// The place select, grouped (pilot areas, other places), with `current` selected.
pub fn place_select(ds: &Dataset, lang: Lang, uid: &str, current: Option<&str>) -> Html {
    let s = lang.strings();
    let mut h = format!(
        "<label for=\"{uid}-place\">{}</label><select id=\"{uid}-place\" data-q=\"place\"><option value=\"\"{}>{}</option>",
        escape(s.q_place),
        selected(current.is_none()),
        escape(s.choose),
        uid = escape(uid),
    );
    for g in PlaceGroup::ALL {
        h.push_str(&format!("<optgroup label=\"{}\">", escape(g.label(s))));
        for p in ds.places.iter().filter(|p| place_group(p) == g) {
            h.push_str(&format!("<option value=\"{}\"{}>{}</option>", escape(&p.id), selected(current == Some(p.id.as_str())), escape(p.name.get(lang))));
        }
        h.push_str("</optgroup>");
    }
    h.push_str("</select>");
    Html(h)
}

/// The service select narrowed by the search text `needle` (already normalised; the chosen
/// service always stays), a note when nothing matches, and the chosen service's description.
pub fn service_select(ds: &Dataset, lang: Lang, uid: &str, needle: &str, current: Option<&str>) -> Html {
    let s = lang.strings();
    let uid = escape(uid);
    let mut h = String::new();
    if !any_service_matches(ds, needle) {
        h.push_str(&format!("<p class=\"vp-help\" role=\"status\">{}</p>", escape(s.no_service_match)));
    }
    h.push_str(&format!(
        "<select id=\"{uid}-service\" data-q=\"service\" aria-describedby=\"{uid}-service-help\"><option value=\"\"{}>{}</option>",
        selected(current.is_none()),
        escape(s.choose)
    ));
    for f in &ds.service_families {
        let items: Vec<_> = ds.services.iter().filter(|sv| sv.family == f.id && (service_matches(sv, needle) || current == Some(sv.id.as_str()))).collect();
        if items.is_empty() {
            continue;
        }
        h.push_str(&format!("<optgroup label=\"{}\">", escape(f.name.get(lang))));
        for sv in items {
            h.push_str(&format!("<option value=\"{}\"{}>{}</option>", escape(&sv.id), selected(current == Some(sv.id.as_str())), escape(&explain::service_label(sv, lang))));
        }
        h.push_str("</optgroup>");
    }
    let help = current.and_then(|id| ds.service(id)).map(|sv| sv.description.get(lang)).unwrap_or_default();
    h.push_str(&format!("</select><p class=\"vp-help\" id=\"{uid}-service-help\">{}</p>", escape(help)));
    Html(h)
}

/// The dataset's yes/no questions: optional, nothing chosen until the reader answers, and an
/// answer can be cleared.
pub fn questions(ds: &Dataset, lang: Lang, uid: &str, q: &Query) -> Html {
    let s = lang.strings();
    let mut h = String::new();
    for question in &ds.questions {
        let name = format!("{}-{}", escape(uid), escape(&question.hash_key));
        let answer = q.answered(&question.id);
        h.push_str(&format!("<fieldset class=\"vp-q vp-fieldset\"><legend>{}</legend>", escape(question.label.get(lang))));
        for (v, value) in [(true, "yes"), (false, "no")] {
            h.push_str(&format!(
                "<label class=\"vp-radio\" for=\"{name}-{value}\"><input type=\"radio\" id=\"{name}-{value}\" name=\"{name}\" value=\"{value}\" data-q=\"{}\" data-question=\"{}\"{}>{}</label>",
                escape(&question.hash_key),
                escape(&question.id),
                if answer == Some(v) { " checked" } else { "" },
                escape(yes_no(s, Some(v))),
            ));
        }
        if answer.is_some() {
            h.push_str(&format!(
                "<button type=\"button\" class=\"vp-btn vp-btn-link\" data-action=\"clear-answer\" data-arg=\"{}\">{}</button>",
                escape(&question.id),
                escape(s.clear_answer)
            ));
        }
        h.push_str("</fieldset>");
    }
    Html(h)
}

/// The answer line: a prompt until place and service are chosen, then the verdict headline
/// with maximum share, what decided it and the confidence (or the engine's error).
pub fn verdict(ds: &Dataset, lang: Lang, q: &Query, a: Option<&Result<Assessment, String>>) -> Html {
    let s = lang.strings();
    Html(match a {
        None => format!("<p class=\"vp-muted\" data-testid=\"verdict-pending\">{}</p>", escape(s.answer_needed)),
        Some(Err(e)) => format!("<p class=\"vp-error\" role=\"alert\">{}</p>", escape(&fill(s.error_line, &[("error", e)]))),
        Some(Ok(a)) => format!(
            "<p class=\"vp-info\">{}</p><p class=\"vp-verdict vp-verdict-{v}\" data-testid=\"verdict\" data-verdict=\"{v}\">{}</p>\
             <dl class=\"vp-dl vp-result-facts\"><dt>{}</dt><dd data-testid=\"max\">{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd data-testid=\"confidence\">{}</dd></dl>",
            escape(s.info_based_on),
            escape(&explain::headline(ds, q, a, lang)),
            escape(s.max_equity),
            escape(&explain::max_equity(a, lang)),
            escape(s.decided_by),
            escape(&explain::decided_by(ds, a.rule(ds), lang)),
            escape(s.confidence),
            escape(explain::confidence_label(a.confidence, lang)),
            v = a.verdict.id(),
        ),
    })
}

/// The answer in one sentence for the status line a screen reader announces (empty until
/// place and service are chosen): verdict, maximum, what decided it, confidence.
pub fn verdict_said(ds: &Dataset, lang: Lang, q: &Query, a: Option<&Result<Assessment, String>>) -> Html {
    let s = lang.strings();
    match a {
        Some(Ok(a)) => Html(escape(&fill(
            s.verdict_said,
            &[
                ("verdict", &explain::headline(ds, q, a, lang)),
                ("max_label", s.max_equity),
                ("max", &explain::max_equity(a, lang)),
                ("by_label", s.decided_by),
                ("by", &explain::decided_by(ds, a.rule(ds), lang)),
                ("conf", explain::confidence_label(a.confidence, lang)),
            ],
        ))),
        Some(Err(e)) => Html(escape(&fill(s.error_line, &[("error", e)]))),
        None => Html::default(),
    }
}

/// "Your answers" (empty before the first answer): each question with its answer and a Change
/// button that names the question
/// and takes focus to its control (`data-arg`: the control's id within the widget); then
/// "Start again".
pub fn your_answers(ds: &Dataset, lang: Lang, q: &Query) -> Html {
    if *q == Query::default() {
        return Html::default();
    }
    let s = lang.strings();
    let mut rows: Vec<(String, String, String)> = vec![
        (
            s.q_place.to_string(),
            q.place.as_deref().and_then(|id| ds.place(id)).map(|p| p.name.get(lang).to_string()).unwrap_or_else(|| s.not_answered.into()),
            "place".to_string(),
        ),
        (
            s.q_service.to_string(),
            q.service.as_deref().and_then(|id| ds.service(id)).map(|x| explain::service_label(x, lang)).unwrap_or_else(|| s.not_answered.into()),
            "service".to_string(),
        ),
        (
            s.q_equity.to_string(),
            q.foreign_equity_pct.map(|v| explain::percent(v, lang)).unwrap_or_else(|| s.not_answered.into()),
            "equity".to_string(),
        ),
    ];
    for question in &ds.questions {
        rows.push((question.label.get(lang).to_string(), yes_no(s, q.answered(&question.id)).to_string(), format!("{}-yes", question.hash_key)));
    }
    let mut h = format!("<h4 class=\"vp-h4\">{}</h4><dl class=\"vp-answers\">", escape(s.your_answers));
    for (question, answer, target) in rows {
        h.push_str(&format!(
            "<div class=\"vp-answer\"><dt>{}</dt><dd>{}</dd><dd><button type=\"button\" class=\"vp-btn vp-btn-link\" data-action=\"change\" data-arg=\"{}\" aria-label=\"{}\">{}</button></dd></div>",
            escape(&question),
            escape(&answer),
            escape(&target),
            escape(&fill(s.change_aria, &[("question", &question)])),
            escape(s.change),
        ));
    }
    h.push_str(&format!("</dl><button type=\"button\" class=\"vp-btn vp-btn-secondary\" data-action=\"start-again\">{}</button>", escape(s.start_again)));
    Html(h)
}

/// The parts of the checker that change, as markup for its first rendering (each is kept
/// current afterwards in its `data-slot`).
pub struct CheckerSlots<'a> {
    pub chip: &'a Html,
    pub place: &'a Html,
    pub service: &'a Html,
    pub verdict: &'a Html,
    pub questions: &'a Html,
    pub answers: &'a Html,
    pub result: &'a Html,
    pub table: &'a Html,
}

/// The whole checker tab: heading, intro, selection chip, the form (place, service search
/// and select, the answer line, then the optional share and questions), "Your answers", the
/// cited reasons and the comparison. `share` is the share box's text.
pub fn panel(lang: Lang, uid: &str, share: &str, slots: &CheckerSlots) -> Html {
    let s = lang.strings();
    let id = escape(uid);
    Html(format!(
        "<h3 class=\"vp-h3\" id=\"{id}-h-checker\" tabindex=\"-1\">{}</h3><p class=\"vp-intro\">{}</p><div class=\"vp-chip-slot\" data-slot=\"chip\">{}</div>\
         <form class=\"vp-form\"><div class=\"vp-q\" data-slot=\"place\">{}</div>\
         <div class=\"vp-q\"><label for=\"{id}-service\">{}</label><input id=\"{id}-service-filter\" class=\"vp-service-filter\" type=\"search\" autocomplete=\"off\" aria-label=\"{filter}\" placeholder=\"{filter}\" data-input=\"service-filter\">\
         <div class=\"vp-service\" data-slot=\"service\">{}</div></div>\
         <div class=\"vp-answer-box\"><div class=\"vp-verdict-box\" data-slot=\"verdict\">{}</div><p class=\"vp-sr\" role=\"status\" aria-atomic=\"true\" data-slot=\"said\"></p></div>\
         <fieldset class=\"vp-optional\"><legend>{}</legend><div class=\"vp-q\"><label for=\"{id}-equity\">{}</label><div class=\"vp-equity\">\
         <input id=\"{id}-equity\" data-q=\"equity\" data-input=\"equity\" type=\"text\" inputmode=\"decimal\" autocomplete=\"off\" placeholder=\"{}\" aria-invalid=\"false\" aria-describedby=\"{id}-equity-err\" value=\"{}\"></div>\
         <p class=\"vp-error\" id=\"{id}-equity-err\" role=\"alert\" data-slot=\"equity-error\"></p></div><div data-slot=\"questions\">{}</div></fieldset></form>\
         <div class=\"vp-your-answers\" data-slot=\"answers\">{}</div><div class=\"vp-result\" data-slot=\"result\">{}</div><div class=\"vp-table-wrap\" data-slot=\"table\">{}</div>",
        escape(s.checker_heading),
        escape(s.checker_intro),
        slots.chip.0,
        slots.place.0,
        escape(s.q_service),
        slots.service.0,
        slots.verdict.0,
        escape(s.optional_heading),
        escape(s.q_equity),
        escape(s.equity_placeholder),
        escape(share),
        slots.questions.0,
        slots.answers.0,
        slots.result.0,
        slots.table.0,
        filter = escape(s.q_service_filter),
    ))
}

/// The message under the share box when what was typed is not a share (empty otherwise).
pub fn equity_error(lang: Lang, wrong: bool) -> Html {
    if wrong {
        Html(escape(lang.strings().equity_error))
    } else {
        Html::default()
    }
}

/// The share box says whether its text was refused (`aria-invalid`).
pub fn equity_marks(refused: bool) -> Vec<Mark> {
    vec![Mark::Attr("[data-input=equity]".into(), "aria-invalid", state(refused))]
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;
    use crate::eligibility::assess;

    #[test]
    fn the_status_line_says_nothing_until_answered_then_the_whole_answer_in_one_sentence() {
        let ds = embedded();
        let pending = Query::new("hainan", "");
        assert_eq!(verdict_said(ds, Lang::En, &pending, None).as_str(), "");
        let q = Query::new("shanghai-other", "B11");
        let a = assess(ds, &q).map_err(|e| e.to_string());
        for lang in [Lang::En, Lang::Zh] {
            let said = verdict_said(ds, lang, &q, Some(&a));
            let ok = a.as_ref().unwrap();
            let s = lang.strings();
            for part in [
                explain::headline(ds, &q, ok, lang),
                explain::max_equity(ok, lang),
                explain::decided_by(ds, ok.rule(ds), lang),
                explain::confidence_label(ok.confidence, lang).to_string(),
                s.max_equity.to_string(),
            ] {
                assert!(said.as_str().contains(&escape(&part)), "{lang:?}: {part:?} not in {}", said.as_str());
            }
            assert!(!said.as_str().contains('<'), "plain text: {}", said.as_str());
            // Each part is said once ("可信度：可信度：中" was heard before).
            let conf = explain::confidence_label(ok.confidence, lang);
            assert_eq!(said.as_str().matches(&escape(conf)).count(), 1, "{}", said.as_str());
            assert_eq!(said.as_str().to_lowercase().matches(&s.confidence.to_lowercase()).count(), 1, "{}", said.as_str());
        }
    }

    #[test]
    fn the_verdict_line_is_a_prompt_until_place_and_service_then_the_engines_answer() {
        let ds = embedded();
        assert!(verdict(ds, Lang::En, &Query::default(), None).as_str().contains("verdict-pending"));
        let q = Query::new("hainan", "B11").equity(100);
        let a = assess(ds, &q).map_err(|e| e.to_string());
        let h = verdict(ds, Lang::En, &q, Some(&a));
        assert!(h.as_str().contains("data-verdict=\"allowed\"") && h.as_str().contains("100%"), "{}", h.as_str());
    }

    #[test]
    fn answers_name_each_question_and_change_points_at_its_control() {
        let ds = embedded();
        let mut q = Query::new("hainan", "B11");
        if let Some(first) = ds.questions.first() {
            q = q.answer(&first.id, false);
            let h = your_answers(ds, Lang::En, &q);
            assert!(h.as_str().contains(&format!("data-arg=\"{}-yes\"", first.hash_key)));
            let radios = questions(ds, Lang::En, "w", &q);
            assert!(radios.as_str().contains(&format!("id=\"w-{}-no\" name=\"w-{}\" value=\"no\"", first.hash_key, first.hash_key)));
            assert!(radios.as_str().contains("value=\"no\" data-q=") && radios.as_str().contains(" checked>"));
        }
        let h = your_answers(ds, Lang::Zh, &q);
        assert!(h.as_str().contains("data-arg=\"place\"") && h.as_str().contains("海南"), "{}", h.as_str());
    }

    #[test]
    fn a_search_that_matches_no_service_says_so_and_keeps_the_chosen_one() {
        let ds = embedded();
        let h = service_select(ds, Lang::En, "w", "zzzzzz", Some("B11"));
        assert!(h.as_str().contains("role=\"status\"") && h.as_str().contains("value=\"B11\" selected"));
        assert_eq!(h.as_str().matches("<option value=\"B").count(), 1);
    }

    #[test]
    fn the_share_box_is_a_text_box_with_a_number_keyboard_that_keeps_what_was_typed() {
        // Not `type="number"`: a screen reader then reads an empty box as "0.0 spin button",
        // and the browser hides text it cannot read as a number from the parser, which would
        // then clear the share instead of saying what is wrong.
        let e = Html::default();
        let slots = CheckerSlots { chip: &e, place: &e, service: &e, verdict: &e, questions: &e, answers: &e, result: &e, table: &e };
        let h = panel(Lang::En, "w", "12.5", &slots);
        let input = h.as_str().split("<input id=\"w-equity\"").nth(1).and_then(|r| r.split('>').next()).expect("the share box");
        assert!(input.contains("type=\"text\" inputmode=\"decimal\""), "{input}");
        assert!(input.contains("value=\"12.5\"") && input.contains("aria-describedby=\"w-equity-err\""), "{input}");
        assert!(!input.contains("type=\"number\""));
    }
}
