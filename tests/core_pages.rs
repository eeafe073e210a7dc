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
