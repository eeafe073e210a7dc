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
