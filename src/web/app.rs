//! The widget shell: title, language switch, tabs, the active section, footer; and the one
//! effect that keeps the state in the URL hash.
//!
//! A language switch re-renders the shell, so views use plain `&'static str` labels taken
//! once from the string table instead of one reactive closure per label.

use leptos::prelude::*;

use std::cell::Cell;
use std::rc::Rc;

use super::common::{keep, send, Live};
use super::{dom, Ctx, Resolved, Theme, ViewMode};
use crate::msg::Msg;
use crate::i18n::Lang;
use crate::state::{decode, encode, Tab, UiState};

/// Applies the hash on top of `base`; a view restricted to one tab keeps that tab.
fn from_hash(ctx: Ctx, prefix: &str, base: &UiState) -> UiState {
    let (mut st, _ignored) = decode(&ctx.data().ds, &dom::current_hash(), prefix);
    if st == UiState::default() {
        st = base.clone();
    }
    if let ViewMode::Only(tab) = ctx.view.get_untracked() {
        st.tab = tab;
    }
    st
}

fn sync_hash(ctx: Ctx, prefix: String, initial: &UiState) {
    let state = ctx.state;
    state.set(from_hash(ctx, &prefix, initial));
    let previous = StoredValue::new(state.get_untracked());
    let p = prefix.clone();
    Effect::new(move |_| {
        let st = state.get();
        let now = dom::current_hash();
        let next = encode(&ctx.data().ds, &now, &p, &st);
        if next != now && !(next.is_empty() && now.is_empty()) {
            // Typing in the search box replaces the history entry; every other change is a
            // step the back button can undo.
            let mut before = previous.get_value();
            before.filter.text = st.filter.text.clone();
            dom::write_hash(if next.is_empty() { "#" } else { &next }, before != st);
        }
        previous.set_value(st);
    });
    let on_nav = move || {
        let st = from_hash(ctx, &prefix, &UiState::default());
        if st != state.get_untracked() {
            state.set(st);
        }
    };
    let on_hash = on_nav.clone();
    let pop = window_event_listener(leptos::ev::popstate, move |_| on_nav());
    let hash = window_event_listener(leptos::ev::hashchange, move |_| on_hash());
    on_cleanup(move || {
        pop.remove();
        hash.remove();
    });
}

/// The widget for resolved options. The instance's handles are also written to `out`, so
/// `WidgetHandle::update` can change a live widget.
pub fn app(r: Resolved, out: &Rc<Cell<Option<Ctx>>>) -> impl IntoView {
    let Resolved { data, notice, lang, view, theme, initial, hash_prefix, uid, files, column } = r;
    let ctx = Ctx {
        data: StoredValue::new(data),
        lang: RwSignal::new(lang),
        state: RwSignal::new(initial.clone()),
        fixed: StoredValue::new(super::Fixed { uid, notice, files, column }),
        view: RwSignal::new(view),
        theme: RwSignal::new(theme),
    };
    out.set(Some(ctx));
    if let Some(prefix) = hash_prefix {
        sync_hash(ctx, prefix, &initial);
    }
    let class = move || match ctx.theme.get() {
        Theme::Auto => "vp vp-theme-auto",
        Theme::Light => "vp vp-theme-light",
        Theme::Dark => "vp vp-theme-dark",
    };
    // The reader's language switch rebuilds the shell; this status line outlives it and says
    // the new language once (empty until the first switch, so a mount says nothing). Its text
    // is written by the switch: a reactive text node here would add its own view type to the
    // wasm (~0.9 KB gzip, measured).
    let said: NodeRef<leptos::html::Div> = NodeRef::new();
    view! {
        <section class=class lang=move || ctx.lang.get().tag() data-widget=ctx.uid()>
            {move || shell(ctx, ctx.lang.get(), ctx.view.get(), said)}
            <div class="vp-sr" role="status" node_ref=said></div>
        </section>
    }
}

fn shell(ctx: Ctx, lang: Lang, view: ViewMode, said: NodeRef<leptos::html::Div>) -> impl IntoView {
    let s = lang.strings();
    let all = view == ViewMode::All;
    // A memo, so the panel is rebuilt when the tab changes, not on every state change.
    let tab = Memo::new(move |_| ctx.state.with(|s| s.tab));
    // Every tab is the same element type, so switching needs no type-erased view.
    let panel = move || {
        super::common::panel(match tab.get() {
            Tab::Map => super::map::map_view(ctx, lang),
            Tab::List => super::list::list_view(ctx, lang),
            Tab::Checker => super::checker::checker_view(ctx, lang),
            Tab::Timeline => super::timeline::timeline_view(ctx, lang),
        })
    };
    let list: NodeRef<leptos::html::Div> = NodeRef::new();
    keep(list, Live::Marks(Box::new(move || crate::markup::shell::tab_marks(tab.get()))));
    let switch = move |ev: leptos::ev::MouseEvent| {
        let Some((b, Msg::Lang)) = dom::message(&ev) else { return };
        ctx.lang.update(|l| *l = l.other());
        if let Some(el) = said.get_untracked() {
            el.set_text_content(Some(lang.other().strings().lang_now));
        }
        // The shell is rebuilt for the new language; keep keyboard focus on the switch.
        dom::focus_by_id(&b.get_root_node(), &ctx.id("lang"));
    };
    // Tabs: a click opens one; arrows, Home and End open the next and move focus (the tabs
    // stay in place, so focus follows at once, fast key presses too).
    let on_tab = move |ev: web_sys::Event| {
        if let Some((b, msg)) = dom::message(&ev) {
            send(ctx, &b, msg);
        }
    };
    let uid = ctx.uid();
    let tabs = all.then(|| {
        view! {
            <div class="vp-tabs" role="tablist" aria-label=s.nav_label node_ref=list
                on:click=move |ev| on_tab(ev.into()) on:keydown=move |ev| on_tab(ev.into())
                inner_html=crate::markup::shell::tabs(lang, &uid, tab.get_untracked()).into_string()></div>
        }
    });
    view! {
        <header class="vp-head" on:click=switch inner_html=crate::markup::shell::header(lang, &ctx.uid()).into_string()></header>
        <div class="vp-notice-slot" inner_html=crate::markup::shell::notice(lang, ctx.fixed(|f| f.notice.clone()).flatten().as_ref()).into_string()></div>
        {tabs}
        <div
            class="vp-panel"
            id=ctx.id("panel")
            role=all.then_some("tabpanel")
            aria-labelledby=move || all.then(|| ctx.id(&format!("tab-{}", tab.get().id())))
        >
            {panel}
        </div>
        {super::footer::footer_view(ctx, lang)}
    }
}
