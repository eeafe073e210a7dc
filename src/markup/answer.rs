//! The checker's answer in detail: the conditions and reasons of one assessment with their
//! sources, and the comparison of one service across places.

use super::sources::cited_items;
use super::{escape, Html};
use crate::i18n::{fill, Lang};
use crate::model::Dataset;

/// The checker's conditions and reasons for one assessment, with their sources, then the
/// dataset version and the disclaimer.
pub fn assessment_details(ds: &Dataset, a: &crate::eligibility::Assessment, lang: Lang) -> Html {
    let s = lang.strings();
    let mut out = String::new();
    let conditions = crate::explain::conditions(ds, a, lang);
    if !conditions.is_empty() {
        out.push_str(&format!("<h4 class=\"vp-h4\">{}</h4><ul class=\"vp-conditions\">", escape(s.conditions_heading)));
        let items = conditions.into_iter().map(|c| {
            let mut text = c.text;
            if let Some(b) = c.answered {
                let answer = if b { s.answer_yes } else { s.answer_no };
                text.push_str(&fill(s.with_note, &[("value", ""), ("note", &fill(s.your_answer, &[("answer", answer)]))]));
            }
            text.push_str(&fill(s.with_note, &[("value", ""), ("note", crate::explain::confidence_label(c.confidence, lang))]));
            (text, c.source_ids)
        });
        out.push_str(&cited_items(ds, lang, items));
        out.push_str("</ul>");
    }
    out.push_str(&format!("<h4 class=\"vp-h4\">{}</h4><ol class=\"vp-reasons\">", escape(s.reasons_heading)));
    out.push_str(&cited_items(ds, lang, crate::explain::reasons(ds, a, lang).into_iter().map(|r| (r.text, r.source_ids))));
    out.push_str(&format!(
        "</ol><p class=\"vp-muted\">{}</p><p class=\"vp-disclaimer\">{}</p>",
        escape(&fill(s.dataset_version, &[("version", &ds.version), ("date", &ds.as_of)])),
        escape(s.disclaimer)
    ));
    Html(out)
}

/// The checker's comparison for the reader's answers: their service (at their share) in every
/// place, their place marked; empty until a service is chosen. A yes/no answer does not
/// change it.
pub fn comparison(ds: &Dataset, answers: &crate::eligibility::Query, lang: Lang) -> Html {
    let Some(service) = &answers.service else { return Html::default() };
    let name = ds.service(service).map(|x| x.name.get(lang).to_string()).unwrap_or_default();
    let q = crate::eligibility::Query { service: Some(service.clone()), foreign_equity_pct: answers.foreign_equity_pct, ..Default::default() };
    crate::eligibility::compare(ds, &q).map(|rows| compare_table(ds, &rows, &name, answers.place.as_deref(), lang)).unwrap_or_default()
}

/// The comparison of one service across places; the row of `current` place is marked.
pub fn compare_table(ds: &Dataset, rows: &[crate::eligibility::CompareRow], service: &str, current: Option<&str>, lang: Lang) -> Html {
    let s = lang.strings();
    let mut out = format!(
        "<table class=\"vp-compare\"><caption>{}</caption><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        escape(&fill(s.compare_heading, &[("service", service)])),
        escape(s.compare_place),
        escape(s.compare_verdict),
        escape(s.compare_max),
        escape(s.compare_programme)
    );
    for row in rows {
        let id = ds.places.get(row.place).map(|p| p.id.as_str()).unwrap_or_default();
        let [place, verdict, max, by] = crate::explain::compare_row(ds, row, lang);
        out.push_str(&format!(
            "<tr{} data-place=\"{}\" data-verdict=\"{}\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            if current == Some(id) { " class=\"vp-current\"" } else { "" },
            escape(id),
            row.assessment.verdict.id(),
            escape(&place),
            escape(&verdict),
            escape(&max),
            escape(&by)
        ));
    }
    out.push_str("</tbody></table>");
    Html(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;
    use crate::eligibility::Query;

    #[test]
    fn the_comparison_follows_the_service_and_share_marks_the_place_and_ignores_yes_no_answers() {
        let ds = embedded();
        assert!(comparison(ds, &Query::default(), Lang::En).as_str().is_empty(), "nothing to compare before a service");
        let place = &ds.places[0];
        let q = Query::new(&place.id, "B11").equity(100);
        let h = comparison(ds, &q, Lang::En);
        let rows = crate::eligibility::compare(ds, &Query { place: None, ..q.clone() }).unwrap().len();
        assert_eq!(h.as_str().matches("<tr").count() - 1, rows, "one row per compared place: {}", h.as_str());
        assert_eq!(h.as_str().matches("vp-current").count(), 1);
        assert!(h.as_str().contains(&escape(place.name.get(Lang::En))));
        assert_ne!(h, comparison(ds, &Query::new(&place.id, "B11").equity(40), Lang::En), "the share changes the verdicts");
        if let Some(question) = ds.questions.first() {
            assert_eq!(h, comparison(ds, &q.clone().answer(&question.id, false), Lang::En));
        }
        assert_ne!(h, comparison(ds, &Query::new(&place.id, "B25").equity(100), Lang::En));
    }
}
