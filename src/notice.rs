//! The note shown above the widget about the dataset in use: a newer dataset from the page is
//! shown, or it was not valid, or it could not be fetched. Pure text, in the reader's language.

/// A note about the data shown above the widget, rendered in the reader's current language.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A newer dataset given by the page is in use.
    NewerData,
    /// The newer dataset was not valid (the validator's message, in English).
    Invalid(String),
    /// The newer dataset could not be fetched: a code from the loader (`timeout`,
    /// `too-large`, `network`, `http-404`) or its own text.
    Unfetched(String),
}

impl Notice {
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let s = lang.strings();
        let why = match self {
            Notice::NewerData => return s.data_src_used.to_string(),
            Notice::Invalid(detail) => detail.clone(),
            Notice::Unfetched(code) => match code.as_str() {
                "timeout" => s.data_src_timeout.to_string(),
                "too-large" => s.data_src_too_large.to_string(),
                "network" => s.data_src_network.to_string(),
                c => match c.strip_prefix("http-") {
                    Some(status) if !status.is_empty() && status.bytes().all(|b| b.is_ascii_digit()) => format!("HTTP {status}"),
                    _ => crate::i18n::cut(c),
                },
            },
        };
        crate::i18n::fill(s.data_src_failed, &[("error", &why)])
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn notes_about_a_newer_dataset_read_in_the_current_language() {
        assert_eq!(Notice::NewerData.text(Lang::Zh), "现显示本页面加载的较新数据集。");
        assert_eq!(Notice::Unfetched("timeout".into()).text(Lang::En), "Could not use the newer dataset (no complete answer in time). Showing the built-in data.");
        assert_eq!(Notice::Unfetched("too-large".into()).text(Lang::Zh), "无法使用较新的数据集（文件超出允许的大小），现显示内置数据。");
        assert!(Notice::Unfetched("http-404".into()).text(Lang::En).contains("(HTTP 404)"));
        // Anything else is quoted, cut short.
        let odd = Notice::Unfetched("<b>".repeat(100)).text(Lang::En);
        assert!(odd.contains("<b><b>") && odd.contains('…') && odd.len() < 250, "{odd}");
    }
}
