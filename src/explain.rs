//! Turns an [`Assessment`] into words in one language: the headline, the reasons with their
//! sources, the conditions, who decided. The engine decides; this module only says it. The
//! checker view, the comparison table and the JS API all read the same assessment, so nothing
//! is decided or formatted twice.

use serde::Serialize;

use crate::eligibility::{Assessment, CompareRow, Query, Verdict};
use crate::i18n::{fill, Lang};
use crate::model::{Confidence, Dataset, Rule, Service, Status, Tier};

/// One reason for a verdict, in one language, with the sources that back it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub text: String,
    pub source_ids: Vec<String>,
}

/// The name of a rule's programme (its id when the dataset has no such programme).
pub fn programme_name(ds: &Dataset, rule: &Rule, lang: Lang) -> String {
    ds.programme(&rule.programme).map(|p| p.name.get(lang).to_string()).unwrap_or_else(|| rule.programme.clone())
}

/// Who decided, for the reader: the programme of a programme rule, else "national rules".
pub fn decided_by(ds: &Dataset, rule: Option<&Rule>, lang: Lang) -> String {
    match rule {
        Some(r) if r.tier == Tier::Programme => programme_name(ds, r, lang),
        _ => lang.strings().national_rules.to_string(),
    }
}

/// [`decided_by`] in few words, for rows that repeat it: the programme's short name.
pub fn decided_by_short(ds: &Dataset, rule: Option<&Rule>, lang: Lang) -> String {
    match rule.filter(|r| r.tier == Tier::Programme).and_then(|r| ds.programme(&r.programme)) {
        Some(p) => p.short_name.as_ref().unwrap_or(&p.name).get(lang).to_string(),
        None => decided_by(ds, rule, lang),
    }
}

fn place_name(ds: &Dataset, q: &Query, lang: Lang) -> String {
    let id = q.place.as_deref().unwrap_or_default();
    ds.place(id).map(|p| p.name.get(lang).to_string()).unwrap_or_else(|| id.to_string())
}

fn service_name(ds: &Dataset, q: &Query, lang: Lang) -> String {
    let id = q.service.as_deref().unwrap_or_default();
    ds.service(id).map(|s| s.name.get(lang).to_string()).unwrap_or_else(|| id.to_string())
}

/// The answer in plain words, e.g. "Yes — up to 100% foreign ownership in Hainan under the
/// VATS opening-up pilot (…)."
pub fn headline(ds: &Dataset, q: &Query, a: &Assessment, lang: Lang) -> String {
    let s = lang.strings();
    let place = place_name(ds, q, lang);
    let max = a.max_foreign_equity_pct.unwrap_or(0).to_string();
    let rule = a.rule(ds);
    match a.verdict {
        Verdict::Unknown => s.verdict_unknown.to_string(),
        Verdict::Prohibited => fill(s.verdict_prohibited, &[("service", &service_name(ds, q, lang))]),
        Verdict::NotAllowed if a.closed() => fill(s.verdict_closed, &[("service", &service_name(ds, q, lang)), ("place", &place)]),
        Verdict::NotAllowed => fill(
            s.verdict_capped,
            &[("pct", &a.share.unwrap_or_default().to_string()), ("place", &place), ("max", &max)],
        ),
        Verdict::Allowed => match rule.filter(|r| r.tier == Tier::Programme) {
            Some(r) => fill(
                s.verdict_allowed_programme,
                &[("max", &max), ("place", &place), ("programme", &programme_name(ds, r, lang))],
            ),
            None => fill(s.verdict_allowed, &[("max", &max), ("place", &place)]),
        },
    }
}

/// The short verdict word used in the comparison table.
pub fn verdict_word(v: Verdict, lang: Lang) -> &'static str {
    let s = lang.strings();
    match v {
        Verdict::Allowed => s.verdict_word_allowed,
        Verdict::NotAllowed => s.verdict_word_not_allowed,
        Verdict::Prohibited => s.verdict_word_prohibited,
        Verdict::Unknown => s.verdict_word_unknown,
    }
}

pub fn confidence_label(c: Confidence, lang: Lang) -> &'static str {
    let s = lang.strings();
    match c {
        Confidence::High => s.conf_high,
        Confidence::Medium => s.conf_medium,
        Confidence::Low => s.conf_low,
    }
}

/// A service as pickers and cards name it: "B11 Internet data centre services"; services
/// outside the catalogue (code "—") by name alone.
pub fn service_label(sv: &Service, lang: Lang) -> String {
    let code = sv.code.trim();
    if code.is_empty() || code == "—" {
        sv.name.get(lang).to_string()
    } else {
        fill(lang.strings().code_name, &[("code", code), ("name", sv.name.get(lang))])
    }
}

pub fn status_label(st: Status, lang: Lang) -> &'static str {
    let s = lang.strings();
    match st {
        Status::Approved => s.status_approved,
        Status::ReportedApplicant => s.status_reported_applicant,
    }
}

/// `50%`: a percentage as the reader sees it (the sign comes from the language table).
pub fn percent(n: impl std::fmt::Display, lang: Lang) -> String {
    fill(lang.strings().percent, &[("n", &n.to_string())])
}

/// The maximum foreign equity, or "Unknown".
pub fn max_equity(a: &Assessment, lang: Lang) -> String {
    a.max_foreign_equity_pct.map(|m| percent(m, lang)).unwrap_or_else(|| lang.strings().unknown.to_string())
}

/// The reasons, deciding rule first: its explanation; how the share compares; what a "no"
/// answer cost; what else applied.
pub fn reasons(ds: &Dataset, a: &Assessment, lang: Lang) -> Vec<Reason> {
    let s = lang.strings();
    let Some(rule) = a.rule(ds) else {
        return vec![Reason { text: s.reason_no_rule.to_string(), source_ids: vec![] }];
    };
    let max = rule.max_foreign_equity_pct.to_string();
    let mut out = vec![Reason { text: rule.explanation.get(lang).to_string(), source_ids: rule.source_ids.clone() }];
    // The share against the maximum, where the service is open to foreign investment at all.
    if let Some(share) = a.share.filter(|_| !a.closed() && rule.tier != Tier::Prohibited) {
        let t = if a.over { s.reason_above } else { s.reason_within };
        out.push(Reason { text: fill(t, &[("pct", &share.to_string()), ("max", &max)]), source_ids: rule.source_ids.clone() });
    }
    for x in &a.excluded {
        let (r, cond) = (&ds.rules[x.rule], &ds.conditions[x.condition]);
        let text = fill(
            s.reason_excluded,
            &[
                ("programme", &programme_name(ds, r, lang)),
                ("max", &r.max_foreign_equity_pct.to_string()),
                ("condition", cond.text.get(lang)),
            ],
        );
        let mut source_ids = cond.source_ids.clone();
        source_ids.extend(r.source_ids.iter().filter(|id| !cond.source_ids.contains(id)).cloned());
        out.push(Reason { text, source_ids });
    }
    for &i in &a.also {
        let other = &ds.rules[i];
        let text = fill(
            s.reason_also,
            &[
                ("programme", &programme_name(ds, other, lang)),
                ("max", &other.max_foreign_equity_pct.to_string()),
                ("text", other.explanation.get(lang)),
            ],
        );
        out.push(Reason { text, source_ids: other.source_ids.clone() });
    }
    out
}

/// A condition of the deciding rule as the reader sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConditionLine {
    pub id: String,
    pub text: String,
    pub confidence: Confidence,
    pub answered: Option<bool>,
    pub source_ids: Vec<String>,
}

pub fn conditions(ds: &Dataset, a: &Assessment, lang: Lang) -> Vec<ConditionLine> {
    a.conditions
        .iter()
        .map(|c| {
            let cond = &ds.conditions[c.condition];
            ConditionLine {
                id: cond.id.clone(),
                text: cond.text.get(lang).to_string(),
                confidence: cond.confidence,
                answered: c.answered,
                source_ids: cond.source_ids.clone(),
            }
        })
        .collect()
}

/// One comparison row in words: place, verdict word, maximum, who decided.
pub fn compare_row(ds: &Dataset, row: &CompareRow, lang: Lang) -> [String; 4] {
    let a = &row.assessment;
    [
        ds.places.get(row.place).map(|p| p.name.get(lang).to_string()).unwrap_or_default(),
        verdict_word(a.verdict, lang).to_string(),
        max_equity(a, lang),
        decided_by_short(ds, a.rule(ds), lang),
    ]
}

// ---------------------------------------------------------------------------------------
// The JS API's result: both languages side by side, as documented in the README.

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BilingualReason {
    pub text_en: String,
    pub text_zh: String,
    pub source_ids: Vec<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BilingualCondition {
    pub id: String,
    pub text_en: String,
    pub text_zh: String,
    pub confidence: Confidence,
    pub answered: Option<bool>,
    pub source_ids: Vec<String>,
}

/// `checkEligibility()`'s result: `{verdict, maxForeignEquityPct, programme, ruleId,
/// conditions, reasons, confidence}`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bilingual {
    pub verdict: Verdict,
    pub max_foreign_equity_pct: Option<u8>,
    pub programme: Option<String>,
    pub rule_id: Option<String>,
    pub conditions: Vec<BilingualCondition>,
    pub reasons: Vec<BilingualReason>,
    pub confidence: Confidence,
}

pub fn bilingual(ds: &Dataset, a: &Assessment) -> Bilingual {
    let rule = a.rule(ds);
    let reasons = reasons(ds, a, Lang::En)
        .into_iter()
        .zip(reasons(ds, a, Lang::Zh))
        .map(|(en, zh)| BilingualReason { text_en: en.text, text_zh: zh.text, source_ids: en.source_ids })
        .collect();
    let conditions = conditions(ds, a, Lang::En)
        .into_iter()
        .zip(conditions(ds, a, Lang::Zh))
        .map(|(en, zh)| BilingualCondition {
            id: en.id,
            text_en: en.text,
            text_zh: zh.text,
            confidence: en.confidence,
            answered: en.answered,
            source_ids: en.source_ids,
        })
        .collect();
    Bilingual {
        verdict: a.verdict,
        max_foreign_equity_pct: a.max_foreign_equity_pct,
        programme: rule.map(|r| r.programme.clone()),
        rule_id: rule.map(|r| r.id.clone()),
        conditions,
        reasons,
        confidence: a.confidence,
    }
}
