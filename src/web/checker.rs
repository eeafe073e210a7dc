//! "Can I operate this service here?": the question form, the verdict with conditions and
//! cited reasons, "Your answers" with Change buttons, and the comparison across areas. The
//! engine decides, `explain` words it and `markup::checker` writes it; this view writes the
//! markup once, keeps its changing parts current in place and handles its events in one place.

use leptos::prelude::*;

use super::common::{handler, selection_chip, send, Live, Panel};
use super::{dom, Ctx};
use crate::eligibility::{assess, Query};
use crate::equity::Equity;
use crate::filter::normalise;
use crate::i18n::Lang;
use crate::msg::Msg;
use crate::markup::checker::{equity_error, equity_marks, place_select, questions, service_select, verdict, verdict_said, your_answers, CheckerSlots};
use crate::markup::{assessment_details, comparison, Html};

/// Reads the reader's answers (tracked). They are read where they are used, not through a memo
/// of their own (each memo type adds its own copy of the reactive code to the wasm); what is
/// shown from them is memoised.
fn answers<T>(ctx: Ctx, read: impl FnOnce(&Query) -> T) -> T {
    ctx.state.with(|st| read(&st.answers))
}

/// Not inlined into the shell's tab switch: a mount then compiles only the tab it shows
/// (V8 compiles each wasm function the first time it runs).
#[inline(never)]
pub fn checker_view(ctx: Ctx, lang: Lang) -> Panel {
    let assessment = Memo::new(move |_| answers(ctx, |q| q.is_complete().then(|| assess(&ctx.data().ds, q).map_err(|e| e.to_string()))));
    // What the service filter box holds (`None` when empty; the same signal type as the map's).
    let needle = RwSignal::new(None::<String>);
    let uid = ctx.uid();
    let chip = selection_chip(ctx, lang);
    let place = {
        let uid = uid.clone();
        Memo::new(move |_| place_select(&ctx.data().ds, lang, &uid, answers(ctx, |q| q.place.clone()).as_deref()))
    };
    let service = {
        let uid = uid.clone();
        Memo::new(move |_| service_select(&ctx.data().ds, lang, &uid, &needle.with(|n| normalise(n.as_deref().unwrap_or_default())), answers(ctx, |q| q.service.clone()).as_deref()))
    };
    let yes_no = {
        let uid = uid.clone();
        Memo::new(move |_| answers(ctx, |q| questions(&ctx.data().ds, lang, &uid, q)))
    };
    let line = Memo::new(move |_| answers(ctx, |q| verdict(&ctx.data().ds, lang, q, assessment.get().as_ref())));
    // The status line a screen reader announces: written only when the answer changes after
    // the panel appears (empty at first, so opening the tab says nothing).
    let said = Memo::new(move |_| answers(ctx, |q| verdict_said(&ctx.data().ds, lang, q, assessment.get().as_ref())));
    // "Your answers" (with Change) comes before the cited reasons, so changing an answer does
    // not take a keyboard past every source link. It appears once there is an answer.
    let your = Memo::new(move |_| answers(ctx, |q| your_answers(&ctx.data().ds, lang, q)));
    let details = Memo::new(move |_| match assessment.get() {
        Some(Ok(a)) => assessment_details(&ctx.data().ds, &a, lang),
        _ => Html::default(),
    });
    // A yes/no answer only recomputes the same table, which the slot then does not write again.
    let table = Memo::new(move |_| answers(ctx, |q| comparison(&ctx.data().ds, q, lang)));
    let error = Memo::new(move |_| equity_error(lang, ctx.state.with(|st| st.share_refused)));

    let on = handler(move |ev: web_sys::Event| match dom::message(&ev) {
        Some((_, Msg::FilterServices(text))) => needle.set(Some(text).filter(|v| !v.is_empty())),
        Some((el, msg)) => send(ctx, &el, msg),
        None => {}
    });
    let share = Memo::new(move |_| answers(ctx, |q| q.foreign_equity_pct.map(|e| e.to_string()).unwrap_or_default()));
    let html = untrack(|| {
        let slots = CheckerSlots {
            chip: &chip.get(),
            place: &place.get(),
            service: &service.get(),
            verdict: &line.get(),
            questions: &yes_no.get(),
            answers: &your.get(),
            result: &details.get(),
            table: &table.get(),
        };
        crate::markup::checker::panel(lang, &uid, &share.get(), &slots)
    });
    let live = vec![
        Live::Slot("chip", chip),
        Live::Slot("place", place),
        Live::Slot("service", service),
        Live::Slot("verdict", line),
        Live::Slot("said", said),
        Live::Slot("questions", yes_no),
        Live::Slot("answers", your),
        Live::Slot("result", details),
        Live::Slot("table", table),
        Live::Slot("equity-error", error),
        // The share box shows the answer when it changes from elsewhere (Start again, the back
        // button), but not while the reader's own text already means it ("50." is 50).
        Live::Value("equity", share, |shown, want| shown == want || Equity::parse(shown).map(|e| e.to_string()).as_deref() == Ok(want)),
        Live::Marks(Box::new(move || equity_marks(ctx.state.with(|st| st.share_refused)))),
    ];
    Panel { class: "vp-checker", html, live, on, node: NodeRef::new() }
}
