//! The widget shell: title, language switch, tabs, the active section, footer; and the one
//! effect that keeps the state in the URL hash.
//!
//! A language switch re-renders the shell, so views use plain `&'static str` labels taken
//! once from the string table instead of one reactive closure per label.

use leptos::prelude::*;

use std::cell::Cell;
use std::rc::Rc;

use super::{dom, Ctx, Resolved, Theme, ViewMode};
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
    view! {
        <section class=class lang=move || ctx.lang.get().tag() data-widget=ctx.uid()>
            {move || shell(ctx, ctx.lang.get(), ctx.view.get())}
        </section>
    }
}

/// Marks `current` as the selected tab and the one in the tab order.
fn mark_tabs(list: &web_sys::Element, current: Tab) {
    for b in dom::all(list, "[data-tab]") {
        let on = b.get_attribute("data-tab").as_deref() == Some(current.id());
        dom::set_attr(&b, "aria-selected", Some(if on { "true" } else { "false" }));
        dom::set_attr(&b, "tabindex", Some(if on { "0" } else { "-1" }));
    }
}

fn shell(ctx: Ctx, lang: Lang, view: ViewMode) -> impl IntoView {
    let s = lang.strings();
    let all = view == ViewMode::All;
    // A memo, so the panel is rebuilt when the tab changes, not on every state change. It holds
    // the tab's id: a string memo is a type the views already have (each new memo type adds
    // its own copy of the reactive code to the wasm).
    let tab_id = Memo::new(move |_| ctx.state.with(|s| s.tab.id().to_string()));
    let tab = move || tab_id.with(|t| Tab::parse(t).unwrap_or_default());
    // Every tab is the same element type, so switching needs no type-erased view.
    let panel = move || {
        super::common::panel(match tab() {
            Tab::Map => super::map::map_view(ctx, lang),
            Tab::List => super::list::list_view(ctx, lang),
            Tab::Checker => super::checker::checker_view(ctx, lang),
            Tab::Timeline => super::timeline::timeline_view(ctx, lang),
        })
    };
    let list: NodeRef<leptos::html::Div> = NodeRef::new();
    Effect::new(move |_| {
        let t = tab();
        if let Some(el) = list.get() {
            mark_tabs(&el, t);
        }
    });
    let switch = move |ev: leptos::ev::MouseEvent| {
        let Some(b) = dom::target(&ev, "[data-action=lang]") else { return };
        ctx.lang.update(|l| *l = l.other());
        // The shell is rebuilt for the new language; keep keyboard focus on the switch.
        dom::focus_by_id(&b.get_root_node(), &ctx.id("lang"));
    };
    let choose = move |ev: leptos::ev::MouseEvent| {
        if let Some(t) = dom::target(&ev, "[data-tab]").and_then(|b| b.get_attribute("data-tab")).and_then(|t| Tab::parse(&t)) {
            ctx.state.update(|s| s.tab = t);
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let (Some(b), Some(el)) = (dom::target(&ev, "[data-tab]"), list.get_untracked()) else { return };
        let buttons = dom::all(&el, "[data-tab]");
        let Some(i) = buttons.iter().position(|x| *x == b) else { return };
        let Some(next) = crate::keys::roving(&ev.key(), i, buttons.len().min(Tab::ALL.len())) else { return };
        ev.prevent_default();
        ctx.state.update(|s| s.tab = Tab::ALL[next]);
        // The tabs stay in place, so focus follows at once (fast key presses too).
        mark_tabs(&el, Tab::ALL[next]);
        dom::focus_now(&b.get_root_node(), &format!("[id=\"{}\"]", ctx.id(&format!("tab-{}", Tab::ALL[next].id()))));
    };
    let uid = ctx.uid();
    let tabs = all.then(|| {
        view! {
            <div class="vp-tabs" role="tablist" aria-label=s.nav_label node_ref=list on:click=choose on:keydown=on_key
                inner_html=crate::markup::shell::tabs(lang, &uid, untrack(tab)).into_string()></div>
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
            aria-labelledby=move || all.then(|| ctx.id(&format!("tab-{}", tab().id())))
        >
            {panel}
        </div>
        {super::footer::footer_view(ctx, lang)}
    }
}
