//! The widget's frame as markup: title, language switch, the notice line and the tabs. The
//! selected tab is marked by the view (`aria-selected`, `tabindex`), so moving between tabs
//! never rebuilds the tab list.

use super::{escape, Html};
use crate::data::Notice;
use crate::i18n::Lang;
use crate::marks::{state, Mark};
use crate::state::Tab;

/// Title, subtitle and the switch to the other language (named in that language).
pub fn header(lang: Lang, uid: &str) -> Html {
    let s = lang.strings();
    Html(format!(
        "<div class=\"vp-titles\"><h2 class=\"vp-title\">{}</h2><p class=\"vp-sub\">{}</p></div>\
         <button type=\"button\" class=\"vp-lang\" id=\"{}-lang\" data-action=\"lang\"><span class=\"vp-sr\">{}</span><span lang=\"{}\">{}</span></button>",
        escape(s.widget_title),
        escape(s.widget_subtitle),
        escape(uid),
        escape(s.switch_lang_hint),
        lang.other().tag(),
        escape(s.switch_lang),
    ))
}

/// A message above the widget (e.g. a newer dataset could not be used); empty without one.
pub fn notice(lang: Lang, notice: Option<&Notice>) -> Html {
    notice.map(|n| Html(format!("<p class=\"vp-notice\" role=\"status\">{}</p>", escape(&n.text(lang))))).unwrap_or_default()
}

/// The tabs (the view holds them in its tab list), `current` selected and in the tab order.
pub fn tabs(lang: Lang, uid: &str, current: Tab) -> Html {
    let s = lang.strings();
    let uid = escape(uid);
    let mut h = String::new();
    for tab in Tab::ALL {
        h.push_str(&format!(
            "<button type=\"button\" role=\"tab\" class=\"vp-tab\" id=\"{uid}-tab-{id}\" data-tab=\"{id}\" aria-controls=\"{uid}-panel\" aria-selected=\"{sel}\" tabindex=\"{ti}\">{}</button>",
            escape(tab.label(s)),
            id = tab.id(),
            sel = if tab == current { "true" } else { "false" },
            ti = if tab == current { "0" } else { "-1" },
        ));
    }
    Html(h)
}

/// What shows the open tab once the tabs are on the page: `current` selected and the one in
/// the tab order.
pub fn tab_marks(current: Tab) -> Vec<Mark> {
    Tab::ALL
        .into_iter()
        .flat_map(|t| {
            let at = format!("[data-tab=\"{}\"]", t.id());
            [Mark::Attr(at.clone(), "aria-selected", state(t == current)), Mark::Attr(at, "tabindex", if t == current { "0" } else { "-1" })]
        })
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_tab_is_named_and_controls_the_panel_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            let h = tabs(lang, "w", Tab::List);
            for tab in Tab::ALL {
                assert!(h.as_str().contains(&format!(">{}</button>", escape(tab.label(lang.strings())))));
            }
            assert_eq!(h.as_str().matches("aria-controls=\"w-panel\"").count(), Tab::ALL.len());
            assert_eq!(h.as_str().matches("tabindex=\"0\"").count(), 1);
        }
        assert!(header(Lang::En, "w").as_str().contains("lang=\"zh-Hans\""));
        assert!(notice(Lang::En, None).as_str().is_empty());
    }

    #[test]
    fn the_open_tab_is_the_one_selected_and_in_the_tab_order() {
        let m = tab_marks(Tab::Checker);
        assert_eq!(m.len(), 2 * Tab::ALL.len());
        assert!(m.contains(&Mark::Attr("[data-tab=\"checker\"]".into(), "aria-selected", "true")));
        assert!(m.contains(&Mark::Attr("[data-tab=\"checker\"]".into(), "tabindex", "0")));
        assert!(m.contains(&Mark::Attr("[data-tab=\"map\"]".into(), "aria-selected", "false")));
        assert_eq!(m.iter().filter(|k| matches!(k, Mark::Attr(_, _, "true" | "0"))).count(), 2);
    }
}
