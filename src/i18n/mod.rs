//! Every user-visible string of the widget, in one table per language (`en.rs`, `zh.rs`).
//!
//! `Strings` is a struct, so a string missing from either language is a compile error.
//! Templates use `{name}` placeholders filled by [`fill`].

mod en;
mod zh;

pub use en::EN;
pub use zh::ZH;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "en-us" | "en-gb" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" | "zh-sg" => Some(Lang::Zh),
            _ => None,
        }
    }
    /// BCP 47 tag for the `lang` attribute.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-Hans",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// Replaces each `{key}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = &after[..end];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// At most this many characters of a value are quoted in an error message.
pub const CUT: usize = 40;

/// `s`, or its first [`CUT`] characters and "…": error messages quote what they were given
/// without repeating a whole file or a megabyte-long string.
pub fn cut(s: &str) -> String {
    match s.char_indices().nth(CUT) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Formats a count with thousands separators (same in both languages).
pub fn count(n: f64) -> String {
    let neg = n < 0.0;
    let whole = n.abs().round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    if neg {
        format!("-{out}")
    } else {
        out
    }
}

/// All visible strings. Field docs give the English meaning where it is not obvious.
pub struct Strings {
    pub switch_lang: &'static str,
    pub switch_lang_hint: &'static str,
    /// Said (not shown) once the reader has switched the widget to this language.
    pub lang_now: &'static str,
    pub widget_title: &'static str,
    pub widget_subtitle: &'static str,
    pub nav_label: &'static str,
    pub tab_map: &'static str,
    pub tab_list: &'static str,
    pub tab_checker: &'static str,
    pub unknown: &'static str,
    pub not_published: &'static str,
    pub any: &'static str,
    pub sources: &'static str,
    pub source_n: &'static str,
    pub opens_new_tab: &'static str,
    pub not_retrieved: &'static str,
    pub conf_high: &'static str,
    pub conf_medium: &'static str,
    pub conf_low: &'static str,
    pub confidence: &'static str,
    /// A percentage: "{n}%".
    pub percent: &'static str,
    /// A catalogue code and a service name: "{code} {name}".
    pub code_name: &'static str,
    /// Between items of a run-in list: ", " / "，".
    pub list_sep: &'static str,
    /// After a condition: the reader's answer to its question.
    pub your_answer: &'static str,
    /// An error shown in the checker.
    pub error_line: &'static str,
    /// The footer's credit line: "{source}. {version}."
    pub footer_line: &'static str,
    /// File format names on the download links.
    pub format_csv: &'static str,
    pub format_json: &'static str,
    /// Between two links on one line.
    pub sep_dot: &'static str,
    /// The footer notes' list of dataset versions.
    pub what_changed: &'static str,
    pub change_entry: &'static str,
    pub optional_heading: &'static str,
    pub clear_answer: &'static str,
    pub tab_timeline: &'static str,
    pub timeline_heading: &'static str,
    pub selection_chip: &'static str,
    pub legend_heading: &'static str,
    pub legend_zone: &'static str,
    pub legend_partial: &'static str,
    pub legend_point: &'static str,
    pub legend_outside: &'static str,
    pub filters_more: &'static str,
    pub timeline_all: &'static str,
    /// Separator after a label (": " / "：").
    pub colon: &'static str,
    /// A value with a qualifier in brackets.
    pub with_note: &'static str,

    // Map
    pub map_heading: &'static str,
    pub map_desc: &'static str,
    pub map_credit: &'static str,
    pub zones_list_heading: &'static str,
    pub zone_selected: &'static str,
    pub zone_known: &'static str,
    pub zone_known_unidentified: &'static str,
    pub zone_show_list: &'static str,
    pub zone_check: &'static str,
    pub clear_selection: &'static str,
    pub inset_shanghai: &'static str,
    pub inset_shenzhen: &'static str,
    pub lingang: &'static str,
    pub pudong: &'static str,
    pub pudong_note: &'static str,
    pub shenzhen_note: &'static str,
    pub map_keys_hint: &'static str,

    // Enterprise list
    pub list_heading: &'static str,
    pub headline: &'static str,
    pub headline_later: &'static str,
    /// The checker's answer as the screen reader announces it, once, when it changes.
    pub verdict_said: &'static str,
    /// On a phone, the control that opens the list's lines on the batch and later totals.
    pub list_figures: &'static str,
    /// The control that opens a folded card's details.
    pub details: &'static str,
    /// A figure in a sentence: its label, its value in words, its note.
    pub figure_sentence: &'static str,
    pub unidentified_group: &'static str,
    pub unidentified_in_zone: &'static str,
    pub unidentified_name: &'static str,
    pub filter_zone: &'static str,
    pub filter_service: &'static str,
    pub filter_country: &'static str,
    pub filter_status: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub sort_label: &'static str,
    pub sort_name: &'static str,
    pub sort_zone: &'static str,
    pub sort_date: &'static str,
    pub result_count: &'static str,
    pub empty_state: &'static str,
    pub clear_filters: &'static str,
    pub status_approved: &'static str,
    pub status_reported_applicant: &'static str,
    pub field_parent: &'static str,
    pub field_services: &'static str,
    pub field_activity: &'static str,
    pub field_batch: &'static str,
    pub batch_n: &'static str,
    pub zh_name_missing: &'static str,
    pub legal_name: &'static str,
    pub name_as_reported: &'static str,
    pub download_csv: &'static str,
    pub download_json: &'static str,
    pub show_more: &'static str,

    // Checker
    pub checker_heading: &'static str,
    pub checker_intro: &'static str,
    pub q_place: &'static str,
    pub q_service: &'static str,
    pub q_service_filter: &'static str,
    pub q_equity: &'static str,
    pub answer_yes: &'static str,
    pub answer_no: &'static str,
    pub choose: &'static str,
    pub no_service_match: &'static str,
    pub verdict_allowed: &'static str,
    pub verdict_allowed_programme: &'static str,
    pub verdict_capped: &'static str,
    pub verdict_closed: &'static str,
    pub verdict_prohibited: &'static str,
    pub verdict_unknown: &'static str,
    pub verdict_word_allowed: &'static str,
    pub verdict_word_not_allowed: &'static str,
    pub verdict_word_prohibited: &'static str,
    pub verdict_word_unknown: &'static str,
    pub max_equity: &'static str,
    pub decided_by: &'static str,
    pub conditions_heading: &'static str,
    pub reasons_heading: &'static str,
    pub info_based_on: &'static str,
    pub disclaimer: &'static str,
    pub dataset_version: &'static str,
    pub your_answers: &'static str,
    pub change: &'static str,
    pub change_aria: &'static str,
    pub start_again: &'static str,
    pub compare_heading: &'static str,
    pub compare_place: &'static str,
    pub compare_verdict: &'static str,
    pub compare_max: &'static str,
    pub compare_programme: &'static str,
    pub national_rules: &'static str,
    pub answer_needed: &'static str,
    pub place_group_pilot: &'static str,
    pub place_group_other: &'static str,
    pub place_group_elsewhere: &'static str,
    pub equity_error: &'static str,
    pub equity_placeholder: &'static str,
    pub not_answered: &'static str,

    // Engine reasons
    pub reason_within: &'static str,
    pub reason_above: &'static str,
    pub reason_excluded: &'static str,
    pub reason_also: &'static str,
    pub reason_no_rule: &'static str,

    // Footer
    pub footer_source: &'static str,
    pub footer_notes: &'static str,
    pub get_data: &'static str,
    pub data_src_failed: &'static str,
    pub data_src_used: &'static str,
    /// Why a newer dataset was not used: the host did not send it in time.
    pub data_src_timeout: &'static str,
    /// … it was larger than the widget accepts.
    pub data_src_too_large: &'static str,
    /// … its address could not be reached.
    pub data_src_network: &'static str,
    pub fallback_note: &'static str,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_known_keys_and_keeps_unknown_ones() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{a} {zz}", &[("a", "x")]), "x {zz}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        assert_eq!(cut("short"), "short");
        let long = "汇".repeat(100);
        assert_eq!(cut(&long).chars().count(), CUT + 1);
        assert!(cut(&long).ends_with('…'));
    }

    #[test]
    fn numbers_format_for_readers() {
        assert_eq!(count(2343.0), "2,343");
        assert_eq!(count(166.0), "166");
    }

    #[test]
    fn templates_use_the_same_placeholders_in_both_languages() {
        // Every `{key}` used by an English template must exist in the Chinese one.
        fn keys(s: &str) -> Vec<String> {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(k, _)| k.to_string()))
                .collect();
            v.sort();
            v
        }
        let pairs = [
            (EN.zone_known, ZH.zone_known),
            (EN.zone_known_unidentified, ZH.zone_known_unidentified),
            (EN.zone_show_list, ZH.zone_show_list),
            (EN.zone_check, ZH.zone_check),
            (EN.headline, ZH.headline),
            (EN.headline_later, ZH.headline_later),
            (EN.figure_sentence, ZH.figure_sentence),
            (EN.verdict_said, ZH.verdict_said),
            (EN.unidentified_group, ZH.unidentified_group),
            (EN.unidentified_in_zone, ZH.unidentified_in_zone),
            (EN.result_count, ZH.result_count),
            (EN.batch_n, ZH.batch_n),
            (EN.source_n, ZH.source_n),
            (EN.verdict_allowed, ZH.verdict_allowed),
            (EN.verdict_allowed_programme, ZH.verdict_allowed_programme),
            (EN.verdict_capped, ZH.verdict_capped),
            (EN.verdict_closed, ZH.verdict_closed),
            (EN.verdict_prohibited, ZH.verdict_prohibited),
            (EN.dataset_version, ZH.dataset_version),
            (EN.change_aria, ZH.change_aria),
            (EN.compare_heading, ZH.compare_heading),
            (EN.reason_within, ZH.reason_within),
            (EN.reason_above, ZH.reason_above),
            (EN.reason_excluded, ZH.reason_excluded),
            (EN.reason_also, ZH.reason_also),
            (EN.footer_source, ZH.footer_source),
            (EN.data_src_failed, ZH.data_src_failed),
            (EN.with_note, ZH.with_note),
            (EN.footer_line, ZH.footer_line),
            (EN.timeline_all, ZH.timeline_all),
            (EN.show_more, ZH.show_more),
            (EN.selection_chip, ZH.selection_chip),
            (EN.change_entry, ZH.change_entry),
            (EN.percent, ZH.percent),
            (EN.code_name, ZH.code_name),
            (EN.your_answer, ZH.your_answer),
            (EN.error_line, ZH.error_line),
        ];
        for (en, zh) in pairs {
            assert_eq!(keys(en), keys(zh), "placeholders differ: {en:?} vs {zh:?}");
        }
    }
}
