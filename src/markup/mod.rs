//! The one place where data becomes markup. Views set `innerHTML` for speed (a card or a map
//! in one DOM call instead of hundreds), but only with strings made here or by the build:
//! every data string goes through [`escape`] (text and quoted attributes alike), and source
//! URLs are validated as http(s) by `validate` before they reach an `href`. Other views use
//! Leptos text nodes and attributes, which the browser never parses as markup.

mod answer;
mod cards;
pub mod checker;
mod footer;
pub mod list;
pub mod map;
mod shapes;
pub mod shell;
mod sources;
mod timeline;

pub use answer::{assessment_details, comparison, compare_table};
// The no-JS summary (`pages`, native only) names areas as the cards do.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use cards::zone_name;
pub use cards::{enterprise_card, selection_chip, unidentified_card, unidentified_summary};
pub use footer::{files_folder, footer, notes, PUBLISHED_CSV, PUBLISHED_JSON};
pub use shapes::{hatch_pattern, inset_svg, legend, map_hatch, map_shapes};
pub use sources::{cited_line, source_group, source_links};
pub use timeline::{timeline, timeline_panel};

/// Markup made by this module: data escaped, geometry from the build. Only this module can
/// make one, and it is the only thing a view may set as `innerHTML` (`web::dom::set_html`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn into_string(self) -> String {
        self.0
    }
    /// Pieces of markup one after the other (each is already safe, so the whole is).
    pub fn concat<'a>(parts: impl IntoIterator<Item = &'a Html>) -> Html {
        Html(parts.into_iter().map(|h| h.0.as_str()).collect())
    }
}

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_in_text_and_attributes() {
        assert_eq!(escape("<img src=x onerror='a'>&\""), "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
    }
}
