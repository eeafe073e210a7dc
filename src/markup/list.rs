//! The enterprise list as markup: the header, the facet and sort fields with their live
//! counts, and the results (count line, empty state, a page of cards, the one group of
//! unidentified approvals, "Show more"). The search box is the view's own control, so typing
//! never replaces it.

use crate::marks::Select;
use super::{cited_line, enterprise_card, escape, unidentified_card, Html};
use crate::filter::{Filter, FilterResult, SortKey, FACETS, UNKNOWN};
use crate::i18n::{fill, Lang};
use crate::model::{Dataset, Enterprise};

/// The heading, the headline counts, and the lines on the batch's licence categories and on
/// later totals with their sources (on a phone, `narrow`, folded under one control).
pub fn header(ds: &Dataset, lang: Lang, uid: &str, narrow: bool) -> Html {
    let s = lang.strings();
    let mut h = format!(
        "<h3 class=\"vp-h3\" id=\"{}-h-list\" tabindex=\"-1\">{}</h3><p class=\"vp-headline\" data-testid=\"headline\">{}</p>",
        escape(uid),
        escape(s.list_heading),
        escape(&crate::summary::headline_text(ds, lang)),
    );
    let lines: String = crate::summary::figure_lines(ds, lang).iter().map(|line| cited_line(ds, lang, line)).collect();
    if narrow && !lines.is_empty() {
        h.push_str(&format!("<details class=\"vp-figures\"><summary>{}</summary>{lines}</details>", escape(s.list_figures)));
    } else {
        h.push_str(&lines);
    }
    Html(h)
}

/// The parts of the list that change, as markup for its first rendering (each is kept
/// current afterwards in its `data-slot`).
pub struct ListSlots<'a> {
    pub chip: &'a Html,
    /// The selects: written once; the view keeps their counts and values current in place.
    pub fields: &'a Html,
    pub count: &'a Html,
    pub cards: &'a Html,
    pub more: &'a Html,
}

/// The whole list tab: header, selection chip, search box (holding `search`), the facets
/// (folded on a phone), the count, the cards, "Show more" and the downloads.
pub fn panel(ds: &Dataset, lang: Lang, uid: &str, narrow: bool, search: &str, slots: &ListSlots) -> Html {
    let s = lang.strings();
    let id = escape(uid);
    Html(format!(
        "{}<div class=\"vp-chip-slot\" data-slot=\"chip\">{}</div><div class=\"vp-filters\" role=\"search\"><div class=\"vp-field vp-field-wide\">\
         <label for=\"{id}-q\">{}</label><input id=\"{id}-q\" type=\"search\" autocomplete=\"off\" placeholder=\"{}\" data-input=\"search\" value=\"{}\"></div>\
         <details class=\"vp-more-filters\"{}><summary>{}</summary><div class=\"vp-filter-fields\">{}</div></details></div>\
         <div class=\"vp-results-count\" data-slot=\"count\">{}</div><p class=\"vp-sr\" role=\"status\" aria-atomic=\"true\" data-slot=\"said\"></p><div class=\"vp-results\"><ul class=\"vp-ents\" data-slot=\"cards\">{}</ul>\
         <div class=\"vp-more\" data-slot=\"more\">{}</div></div>{}",
        header(ds, lang, uid, narrow).0,
        slots.chip.0,
        escape(s.search_label),
        escape(s.search_placeholder),
        escape(search),
        if narrow { "" } else { " open" },
        escape(s.filters_more),
        slots.fields.0,
        slots.count.0,
        slots.cards.0,
        slots.more.0,
        downloads(lang).0,
    ))
}

/// Per facet (in `FACETS` order), each option after "Any": its value, its label with the count
/// it would give, and whether it gives none (then it is disabled).
pub fn facet_options(ds: &Dataset, lang: Lang, result: &FilterResult) -> Vec<Vec<(String, String, bool)>> {
    let s = lang.strings();
    FACETS
        .iter()
        .enumerate()
        .map(|(k, def)| {
            let mut choices = (def.choices)(ds, lang);
            if def.has_unknown {
                choices.push((UNKNOWN.to_string(), s.unknown.to_string()));
            }
            choices
                .into_iter()
                .map(|(value, name)| {
                    let n = result.count(k, &value);
                    let label = fill(s.with_note, &[("value", &name), ("note", &n.to_string())]);
                    (value, label, n == 0)
                })
                .collect()
        })
        .collect()
}

/// The list's selects after a change (a keystroke, a choice, Clear filters, the back button):
/// each facet's option counts and chosen value, and the sort.
pub fn selects(ds: &Dataset, lang: Lang, filter: &Filter, result: &FilterResult, sort: SortKey) -> Vec<Select> {
    let mut out: Vec<Select> = FACETS
        .iter()
        .zip(facet_options(ds, lang, result))
        .zip(&filter.facets)
        .map(|((def, options), value)| Select { selector: format!("select[data-facet=\"{}\"]", def.id), options, value: value.clone().unwrap_or_default() })
        .collect();
    out.push(Select { selector: "select[data-sort]".into(), options: Vec::new(), value: sort.id().into() });
    out
}

/// One select per facet (see [`facet_options`]) and the sort select.
pub fn fields(ds: &Dataset, lang: Lang, uid: &str, filter: &Filter, result: &FilterResult, sort: SortKey) -> Html {
    let s = lang.strings();
    let uid = escape(uid);
    let mut h = String::new();
    for ((k, def), options) in FACETS.iter().enumerate().zip(facet_options(ds, lang, result)) {
        let current = filter.facets[k].as_deref();
        h.push_str(&format!(
            "<div class=\"vp-field\"><label for=\"{uid}-f-{id}\">{}</label><select id=\"{uid}-f-{id}\" data-facet=\"{id}\"><option value=\"\"{}>{}</option>",
            escape((def.label)(s)),
            if current.is_none() { " selected" } else { "" },
            escape(s.any),
            id = def.id,
        ));
        for (value, label, none) in options {
            h.push_str(&format!(
                "<option value=\"{}\"{}{}>{}</option>",
                escape(&value),
                if current == Some(value.as_str()) { " selected" } else { "" },
                if none { " disabled" } else { "" },
                escape(&label),
            ));
        }
        h.push_str("</select></div>");
    }
    h.push_str(&format!("<div class=\"vp-field\"><label for=\"{uid}-sort\">{}</label><select id=\"{uid}-sort\" data-sort=\"\">", escape(s.sort_label)));
    for k in SortKey::ALL {
        h.push_str(&format!("<option value=\"{}\"{}>{}</option>", k.id(), if k == sort { " selected" } else { "" }, escape(k.label(s))));
    }
    h.push_str("</select></div>");
    Html(h)
}

/// "N of M match" alone: what the list's status line says to a screen reader when the count
/// changes.
pub fn count_said(ds: &Dataset, lang: Lang, matched: usize) -> Html {
    Html(escape(&fill(lang.strings().result_count, &[("n", &matched.to_string()), ("total", &ds.enterprises.len().to_string())])))
}

/// "N of M match", with "Clear filters" when a filter is set, and the empty state.
pub fn count_line(ds: &Dataset, lang: Lang, matched: usize, filtered: bool) -> Html {
    let s = lang.strings();
    let mut h = format!(
        "<p class=\"vp-count\" data-testid=\"count\">{}",
        escape(&fill(s.result_count, &[("n", &matched.to_string()), ("total", &ds.enterprises.len().to_string())]))
    );
    if filtered {
        h.push_str(&format!(" <button type=\"button\" class=\"vp-btn vp-btn-link\" data-action=\"clear-filters\">{}</button>", escape(s.clear_filters)));
    }
    h.push_str("</p>");
    if matched == 0 {
        h.push_str(&format!(
            "<div class=\"vp-empty\"><p>{}</p><button type=\"button\" class=\"vp-btn\" data-action=\"clear-filters\">{}</button></div>",
            escape(s.empty_state),
            escape(s.clear_filters)
        ));
    }
    Html(h)
}

/// The cards of one page, each keyed by its record id: `page` (named records, sorted, cut to
/// the page), then the records no source names as one group (key `unidentified`). `folded`
/// cards show their details on demand (a phone).
pub fn card_items(ds: &Dataset, lang: Lang, page: &[&Enterprise], unidentified: &[&Enterprise], folded: bool) -> Vec<(String, Html)> {
    let mut out: Vec<(String, Html)> = page
        .iter()
        .map(|e| {
            let html = format!("<li class=\"vp-ent\" data-id=\"{}\" data-status=\"{}\">{}</li>", escape(&e.id), e.status.id(), enterprise_card(ds, lang, e, folded));
            (e.id.clone(), Html(html))
        })
        .collect();
    if !unidentified.is_empty() {
        let html = format!("<li class=\"vp-ent vp-ent-unidentified\" data-id=\"unidentified\">{}</li>", unidentified_card(ds, lang, unidentified));
        out.push(("unidentified".to_string(), Html(html)));
    }
    out
}

/// "Show more" when `more` records would follow the page (empty otherwise).
pub fn show_more(lang: Lang, uid: &str, more: usize) -> Html {
    if more == 0 {
        return Html::default();
    }
    Html(format!(
        "<button type=\"button\" class=\"vp-btn vp-btn-secondary\" id=\"{}-more\" data-action=\"show-more\">{}</button>",
        escape(uid),
        escape(&fill(lang.strings().show_more, &[("n", &more.to_string())]))
    ))
}

/// The download buttons for the records the filter matches.
pub fn downloads(lang: Lang) -> Html {
    let s = lang.strings();
    Html(format!(
        "<div class=\"vp-downloads\"><button type=\"button\" class=\"vp-btn vp-btn-secondary\" data-action=\"download\" data-arg=\"csv\">{}</button> \
         <button type=\"button\" class=\"vp-btn vp-btn-secondary\" data-action=\"download\" data-arg=\"json\">{}</button></div>",
        escape(s.download_csv),
        escape(s.download_json)
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::{embedded, embedded_data};
    use crate::filter::filter;

    #[test]
    fn facet_options_carry_their_counts_and_a_chosen_value_is_selected() {
        let data = embedded_data();
        let f = Filter::default().with("zone", "hainan");
        let r = filter(&data.ds, data.index(), &f).unwrap();
        let h = fields(&data.ds, Lang::En, "w", &f, &r, SortKey::Name);
        let hainan = r.count(0, "hainan");
        assert!(hainan > 0);
        assert!(h.as_str().contains(&format!("<option value=\"hainan\" selected>Hainan ({hainan})</option>")), "{}", h.as_str());
        assert_eq!(h.as_str().matches("<select").count(), FACETS.len() + 1);
        // After a change the same selects are updated in place: the same values and counts.
        let sel = selects(&data.ds, Lang::En, &f, &r, SortKey::Date);
        assert_eq!(sel.len(), FACETS.len() + 1);
        assert_eq!((sel[0].selector.as_str(), sel[0].value.as_str()), ("select[data-facet=\"zone\"]", "hainan"));
        assert!(sel[0].options.contains(&("hainan".into(), format!("Hainan ({hainan})"), false)), "{:?}", sel[0].options);
        for s in &sel[..FACETS.len()] {
            assert!(h.as_str().contains(&s.selector.replace("select[", "").replace(']', "")), "{} not in the markup", s.selector);
        }
        assert_eq!((sel[FACETS.len()].selector.as_str(), sel[FACETS.len()].value.as_str()), ("select[data-sort]", "date"));
    }

    #[test]
    fn the_count_offers_clearing_and_the_cards_offer_more() {
        let ds = embedded();
        let named: Vec<&Enterprise> = ds.enterprises.iter().filter(|e| e.identified).collect();
        let items = card_items(ds, Lang::En, &named[..2], &named[..1], false);
        assert_eq!(items.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), [named[0].id.as_str(), named[1].id.as_str(), "unidentified"]);
        assert!(items[0].1.as_str().starts_with(&format!("<li class=\"vp-ent\" data-id=\"{}\"", named[0].id)));
        let h = show_more(Lang::En, "w", 3);
        assert!(h.as_str().contains("data-action=\"show-more\"") && h.as_str().contains("Show 3 more"), "{}", h.as_str());
        let c = count_line(ds, Lang::En, named.len(), true);
        assert!(c.as_str().contains("data-action=\"clear-filters\"") && !c.as_str().contains("vp-empty"));
        let none = count_line(ds, Lang::Zh, 0, true);
        assert!(none.as_str().contains("vp-empty"));
        assert!(show_more(Lang::Zh, "w", 0).as_str().is_empty());
    }
}
