//! The timeline tab: its heading and the programme's dated events, each with its sources.

use super::sources::{cited_line, source_group};
use super::{escape, Html};
use crate::i18n::{fill, Lang};
use crate::model::Dataset;

/// The programme's dated events, oldest first, as an ordered list: each with its date (a
/// `<time>`), what happened, its confidence when not high, and its sources.
/// At most `limit` events are listed (the oldest first), then "Show all N events".
pub fn timeline(ds: &Dataset, lang: Lang, limit: usize) -> Html {
    let s = lang.strings();
    // Oldest first; events of the same date keep the dataset's order.
    let mut order: Vec<usize> = (0..ds.timeline.len()).collect();
    crate::filter::sort_positions(&mut order, &|a, b| ds.timeline[a].date.cmp(&ds.timeline[b].date));
    let events_total = order.len();
    let mut out = String::from("<ol class=\"vp-timeline\">");
    for e in order.into_iter().take(limit).map(|i| &ds.timeline[i]) {
        out.push_str(&format!(
            "<li class=\"vp-event\" data-id=\"{id}\"><time datetime=\"{date}\">{date}</time> <span class=\"vp-event-label\">{label}</span>",
            id = escape(&e.id),
            date = escape(&e.date),
            label = escape(e.label.get(lang)),
        ));
        if e.confidence != crate::model::Confidence::High {
            out.push_str(&format!(" <span class=\"vp-muted\">{}</span>", escape(&fill(s.with_note, &[("value", ""), ("note", crate::explain::confidence_label(e.confidence, lang))]))));
        }
        out.push_str(&source_group(ds, lang, &e.source_ids));
        // The first batch's licence categories, where the batch is told.
        if e.id == crate::summary::FIRST_BATCH_EVENT {
            if let Some(line) = crate::summary::batch_categories_text(ds, lang) {
                out.push_str(&cited_line(ds, lang, &line));
            }
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    if events_total > limit {
        out.push_str(&format!(
            "<button type=\"button\" class=\"vp-btn vp-btn-secondary\" data-action=\"timeline-all\">{}</button>",
            escape(&fill(s.timeline_all, &[("n", &events_total.to_string())]))
        ));
    }
    Html(out)
}

/// The timeline tab: its heading and the events (`events`, from [`timeline`]), kept current
/// in `[data-slot=events]`.
pub fn timeline_panel(lang: Lang, uid: &str, events: &Html) -> Html {
    Html(format!(
        "<h3 class=\"vp-h3\" id=\"{}-h-timeline\" tabindex=\"-1\">{}</h3><div class=\"vp-timeline-events\" data-slot=\"events\">{}</div>",
        escape(uid),
        escape(lang.strings().timeline_heading),
        events.0
    ))
}
