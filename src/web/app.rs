//! The widget shell: title, language switch, tabs, the active section, footer; and the one
//! effect that keeps the state in the URL hash.

use leptos::prelude::*;

use super::{dom, Ctx, Resolved, Theme, ViewMode};
use crate::filter::SearchIndex;
use crate::state::{decode, encode, Tab, UiState};

fn tab_label(ctx: Ctx, tab: Tab) -> &'static str {
    let s = ctx.s();
    match tab {
        Tab::Map => s.tab_map,
        Tab::List => s.tab_list,
        Tab::Checker => s.tab_checker,
    }
}

/// Applies the hash on top of `base`; a view restricted to one tab keeps that tab.
fn from_hash(ctx: Ctx, prefix: &str, base: &UiState) -> UiState {
    let hash = dom::current_hash();
    let (mut st, _ignored) = decode(&ctx.ds, &hash, prefix);
    if st == UiState::default() {
        st = base.clone();
    }
    if let ViewMode::Only(tab) = ctx.view {
        st.tab = tab;
    }
    st
}

fn sync_hash(ctx: Ctx, prefix: String, initial: &UiState) {
    let state = ctx.state;
    let start = from_hash(ctx, &prefix, initial);
    state.set(start);
    let previous = StoredValue::new(state.get_untracked());
    let p = prefix.clone();
    Effect::new(move |_| {
        let st = state.get();
        let now = dom::current_hash();
        let next = encode(&now, &p, &st);
        if next != now {
            // Typing in the search box replaces the entry; every other change is a step the
            // back button can undo.
            let mut before = previous.get_value();
            before.text = st.text.clone();
            write_hash(&next, before != st);
        }
        previous.set_value(st);
    });
    let c = ctx;
    let on_nav = move || {
        let st = from_hash(c, &prefix, &UiState::default());
        if st != c.state.get_untracked() {
            c.state.set(st);
        }
    };
    let on_nav2 = on_nav.clone();
    let pop = window_event_listener(leptos::ev::popstate, move |_| on_nav());
    let hash = window_event_listener(leptos::ev::hashchange, move |_| on_nav2());
    on_cleanup(move || {
        pop.remove();
        hash.remove();
    });
}

fn write_hash(hash: &str, push: bool) {
    let hash = if hash.is_empty() { "#" } else { hash };
    dom::write_hash(hash, push);
}

pub fn app(r: Resolved) -> impl IntoView {
    let Resolved { ds, notice, lang, view, theme, initial, hash_prefix, uid } = r;
    let ctx = Ctx {
        index: Box::leak(Box::new(SearchIndex::new(ds))),
        ds,
        lang: RwSignal::new(lang),
        state: RwSignal::new(initial.clone()),
        uid: Box::leak(uid.into_boxed_str()),
        view,
        theme,
        notice: RwSignal::new(notice),
    };
    provide_context(ctx);
    if let Some(prefix) = hash_prefix {
        sync_hash(ctx, prefix, &initial);
    }

    let theme_class = match ctx.theme {
        Theme::Auto => "vp vp-theme-auto",
        Theme::Light => "vp vp-theme-light",
        Theme::Dark => "vp vp-theme-dark",
    };
    let c = ctx;
    let tabs = (ctx.view == ViewMode::All).then(|| {
        let c2 = c;
        view! {
            <div class="vp-tabs" role="tablist" aria-label=move || c.s().nav_label>
                {Tab::ALL
                    .into_iter()
                    .map(|tab| {
                        let c = c2;
                        let c_key = c2;
                        let selected = move || c.state.with(|s| s.tab == tab);
                        let c_click = c2;
                        view! {
                            <button
                                type="button"
                                role="tab"
                                class="vp-tab"
                                id=c2.id(&format!("tab-{}", tab.id()))
                                data-tab=tab.id()
                                aria-controls=c2.id("panel")
                                aria-selected=move || selected().to_string()
                                tabindex=move || if selected() { "0" } else { "-1" }
                                on:click=move |_| c_click.state.update(|s| s.tab = tab)
                                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                                    let i = Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0);
                                    let next = match ev.key().as_str() {
                                        "ArrowRight" => Tab::ALL[(i + 1) % 3],
                                        "ArrowLeft" => Tab::ALL[(i + 2) % 3],
                                        "Home" => Tab::ALL[0],
                                        "End" => Tab::ALL[2],
                                        _ => return,
                                    };
                                    ev.prevent_default();
                                    c_key.state.update(|s| s.tab = next);
                                    let el: web_sys::Element = event_target(&ev);
                                    dom::focus_in_root(&el, &format!("[data-tab=\"{}\"]", next.id()));
                                }
                            >
                                {move || tab_label(c, tab)}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        }
    });

    let c = ctx;
    let panel = move || {
        let tab = c.state.with(|s| s.tab);
        match tab {
            Tab::Map => super::map::map_view().into_any(),
            Tab::List => super::list::list_view().into_any(),
            Tab::Checker => super::checker::checker_view().into_any(),
        }
    };
    let c = ctx;
    let c_lang = ctx;
    let c_notice = ctx;
    let labelled_by = match ctx.view {
        ViewMode::All => Some(ctx.id(&format!("tab-{}", initial.tab.id()))),
        ViewMode::Only(_) => None,
    };
    let c_panel = ctx;
    view! {
        <section class=theme_class lang=move || c.lang.get().tag() aria-label=move || c.s().widget_title>
            <header class="vp-head">
                <div class="vp-titles">
                    <h2 class="vp-title">{move || c_lang.s().widget_title}</h2>
                    <p class="vp-sub">{move || c_lang.s().widget_subtitle}</p>
                </div>
                <LangButton/>
            </header>
            {move || c_notice.notice.get().map(|m| view! { <p class="vp-notice" role="status">{m}</p> })}
            {tabs}
            <div
                class="vp-panel"
                id=ctx.id("panel")
                role=(ctx.view == ViewMode::All).then_some("tabpanel")
                aria-labelledby=move || {
                    labelled_by.as_ref().map(|_| c_panel.id(&format!("tab-{}", c_panel.state.with(|s| s.tab.id()))))
                }
            >
                {panel}
            </div>
            {super::footer::footer_view()}
        </section>
    }
}

#[component]
fn LangButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let c = ctx;
    let c2 = ctx;
    view! {
        <button
            type="button"
            class="vp-lang"
            aria-label=move || c.s().switch_lang_aria
            on:click=move |_| ctx.lang.update(|l| *l = l.other())
        >
            {move || c2.s().switch_lang}
        </button>
    }
}
