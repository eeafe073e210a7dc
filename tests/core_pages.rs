//! The pages' no-JS fallback is generated from the dataset and committed up to date.
#![cfg(not(target_arch = "wasm32"))]

use vats_pilot::data::embedded;
use vats_pilot::pages::{fallback, fill_fallback_regions, oembed};
use vats_pilot::i18n::Lang;

#[test]
fn committed_pages_carry_the_current_generated_fallback() {
    for page in ["index.html", "article.html", "embed.html"] {
        let text = std::fs::read_to_string(format!("{}/www/{page}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let regenerated = fill_fallback_regions(embedded(), &text).unwrap_or_else(|| panic!("{page} has no fallback region"));
        assert!(regenerated == text, "{page}: fallback is stale; run `cargo run --bin pages`");
    }
}

#[test]
fn fallback_summarises_areas_counts_names_and_sources_in_both_languages() {
    let en = fallback(embedded(), Lang::En);
    for needle in ["Hainan", "Hainan Island", "13 approved in the first batch", "HSBC FinTech", "6 not publicly identified, 2 of them in Hainan", "href=\"http"] {
        assert!(en.contains(needle), "missing {needle:?}");
    }
    let zh = fallback(embedded(), Lang::Zh);
    assert!(zh.contains("海南") && zh.contains("首批获批 13 家"), "{zh}");
}

#[test]
fn oembed_is_a_rich_document_with_the_iframe() {
    let v: serde_json::Value = serde_json::from_str(&oembed("https://example.org/vats")).unwrap();
    assert_eq!(v["type"], "rich");
    assert_eq!(v["version"], "1.0");
    assert!(v["html"].as_str().unwrap().contains("src=\"https://example.org/vats/embed.html?"));
}

/// The first batch's licence categories and the doubt on the later 166 figure are read from the
/// dataset's figures and shown, cited, in both languages where the batch is described: the
/// list's heading, the no-JS summary and the first batch's timeline entry.
#[test]
fn batch_categories_and_the_later_figures_doubt_show_in_list_summary_and_timeline() {
    use vats_pilot::markup::{escape, list, timeline};
    use vats_pilot::summary::{BATCH_CATEGORIES_FIGURE, FIRST_BATCH_EVENT, LATEST_TOTAL_FIGURE};
    let ds = embedded();
    let lean = ds.clone().for_lean_widget();
    let cats = ds.figure(BATCH_CATEGORIES_FIGURE).expect("the batch's categories figure");
    let later = ds.figure(LATEST_TOTAL_FIGURE).expect("the later total");
    assert!(ds.timeline.iter().any(|e| e.id == FIRST_BATCH_EVENT));
    for lang in [Lang::En, Lang::Zh] {
        let display = escape(cats.display.as_ref().expect("categories in words").get(lang));
        let cats_note = escape(cats.note.as_ref().expect("which firm holds which is unknown").get(lang));
        let doubt = escape(later.note.as_ref().expect("the 166 figure's doubt").get(lang));
        let pages = [
            ("list", list::header(&lean, lang, "w", false).as_str().to_string()),
            ("list on a phone", list::header(&lean, lang, "w", true).as_str().to_string()),
            ("summary", fallback(ds, lang)),
        ];
        for (what, html) in &pages {
            for needle in [&display, &cats_note, &doubt] {
                assert!(html.contains(needle.as_str()), "{what} ({lang:?}) lacks {needle:?}");
            }
            for id in cats.source_ids.iter().chain(&later.source_ids) {
                assert!(html.contains(&format!(">[{id}]</a>")), "{what} ({lang:?}) does not cite {id}");
            }
        }
        let events = timeline(&lean, lang, usize::MAX);
        let entry = events.as_str().split("<li class=\"vp-event\"").find(|li| li.contains(&format!("data-id=\"{FIRST_BATCH_EVENT}\""))).unwrap();
        assert!(entry.contains(display.as_str()) && entry.contains(&format!(">[{}]</a>", cats.source_ids[0])), "{entry}");
    }
}
