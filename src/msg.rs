//! Events as data. Every control the markup writes carries a mark saying what it is
//! (`data-action="clear-filters"`, `data-tab="list"`, `data-facet="zone"`, …; see [`MARKS`]).
//! The browser side reads only that mark and the event's own value ([`Input`]); [`decode`]
//! turns them into a [`Msg`], and [`apply`] alone decides what the message changes in the
//! widget's [`UiState`] and what happens next ([`After`]: where focus goes, whether the answer
//! comes into view). Nothing here touches the page, so all of it is tested natively.

use crate::equity::Equity;
use crate::filter::{facet, SortKey};
use crate::model::Dataset;
use crate::state::{Tab, UiState};

/// The attributes that name a control (`data-` + the name), each with the elements it names,
/// in the order they are looked for (a control with several names is known by the first).
/// Markup writes them; the browser side reads them only to learn which control an event came
/// from, never to learn state. (A zone card's `data-zone` only labels the card.)
pub const MARKS: [(&str, &str); 9] = [
    ("action", "[data-action]"),
    ("input", "[data-input]"),
    ("question", "[data-question]"),
    ("tab", "[data-tab]"),
    ("facet", "[data-facet]"),
    ("sort", "[data-sort]"),
    ("zone", "g[data-zone]"),
    ("inset", "[data-inset]"),
    ("q", "[data-q]"),
];

/// CSS selector for an element carrying any of [`MARKS`].
pub fn marked() -> String {
    MARKS.map(|(_, selector)| selector).join(",")
}

/// What the reader did to a control.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input<'a> {
    Click,
    /// A select or radio changed to this value.
    Change(&'a str),
    /// A text box now holds this text.
    Text(&'a str),
    /// A key was pressed (`KeyboardEvent.key`).
    Key(&'a str),
}

/// A reader's intent. The first group changes [`UiState`] (through [`apply`]); the second is
/// the business of one view alone (what it shows, not what the reader has chosen) and leaves
/// the state as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Msg {
    /// A tab chosen with the pointer (or Enter).
    Tab(Tab),
    /// A tab reached with an arrow key, Home or End: it opens and takes focus.
    TabKey(Tab),
    /// An area chosen on the map or an inset; `None` (Escape) clears it.
    Zone(Option<String>),
    /// An area's button in the list of areas: selects it, or clears it when it is selected.
    ToggleZone(String),
    /// "Clear selection".
    ClearSelection,
    /// A zone card's "Show enterprises" or "Can I operate here?": that area, then that tab.
    Open(Tab, String),
    /// The list's search box holds this text.
    Search(String),
    /// A facet select (by position in `filter::FACETS`) set to a value (`""`: any).
    Facet(usize, String),
    Sort(SortKey),
    ClearFilters,
    /// The checker's place or service select (`""`: not answered).
    Place(String),
    Service(String),
    /// A yes/no question (by id) answered.
    Answer(String, bool),
    ClearAnswer(String),
    /// The share box holds this text.
    Share(String),
    StartAgain,
    /// "Change" beside an answer: focus goes to that question's control (a name in
    /// [`After::Focus`]'s sense).
    Change(String),

    /// The list's "Show more".
    ShowMore,
    /// The timeline's "Show all".
    ShowAll,
    /// The footer's notes opened.
    Notes,
    /// A download button: `csv`, `json` (the list's matches), `all-csv`, `all-json`.
    Download(String),
    /// The language switch.
    Lang,
    /// The checker's service filter box holds this text.
    FilterServices(String),
}

/// What follows a message once the state has changed. Focus targets are names, made unique
/// per widget by the view (`Ctx::id`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum After {
    Nothing,
    /// Focus moves now to a control that stays in place.
    Focus(String),
    /// Focus moves to an element the change re-creates, once it is on the page.
    FocusNew(String),
    /// The checker's answer has just become complete: it comes into view.
    Reveal,
}

/// The message a control sends: `mark` is which of [`MARKS`] it carries, `name` that mark's
/// value, `arg` its `data-arg`. `None`: the control does nothing
/// with this input (a click on a select, a key a button ignores).
pub fn decode(mark: &str, name: &str, arg: &str, input: Input) -> Option<Msg> {
    use Input::*;
    let s = |v: &str| v.to_string();
    Some(match (mark, input) {
        ("tab", Click) => Msg::Tab(Tab::parse(name)?),
        ("tab", Key(k)) => {
            let i = Tab::ALL.iter().position(|t| t.id() == name)?;
            Msg::TabKey(Tab::ALL[crate::keys::roving(k, i, Tab::ALL.len())?])
        }
        ("zone" | "inset", Click) | ("zone", Key("Enter" | " ")) => Msg::Zone(Some(s(name))),
        ("zone", Key("Escape")) => Msg::Zone(None),
        ("facet", Change(v)) => Msg::Facet(facet(name)?, s(v)),
        ("sort", Change(v)) => Msg::Sort(SortKey::parse(v)?),
        ("q", Change(v)) if name == "place" => Msg::Place(s(v)),
        ("q", Change(v)) if name == "service" => Msg::Service(s(v)),
        ("question", Change(v)) => Msg::Answer(s(name), v == "yes"),
        ("input", Text(v)) => match name {
            "search" => Msg::Search(s(v)),
            "equity" => Msg::Share(s(v)),
            "service-filter" => Msg::FilterServices(s(v)),
            _ => return None,
        },
        ("action", Click) => match name {
            "show-list" => Msg::Open(Tab::List, s(arg)),
            "check" => Msg::Open(Tab::Checker, s(arg)),
            "toggle-zone" => Msg::ToggleZone(s(arg)),
            "clear-selection" => Msg::ClearSelection,
            "clear-filters" => Msg::ClearFilters,
            "clear-answer" => Msg::ClearAnswer(s(arg)),
            "start-again" => Msg::StartAgain,
            "change" => Msg::Change(s(arg)),
            "show-more" => Msg::ShowMore,
            "timeline-all" => Msg::ShowAll,
            "notes" => Msg::Notes,
            "download" => Msg::Download(s(arg)),
            "lang" => Msg::Lang,
            _ => return None,
        },
        _ => return None,
    })
}

/// `None` for an empty value (a select's "any" / "not answered" option, an empty box).
fn chosen(v: String) -> Option<String> {
    (!v.is_empty()).then_some(v)
}

/// Applies a message to the state and says what follows. The only place that decides what
/// a reader's action changes.
pub fn apply(st: &mut UiState, ds: &Dataset, msg: Msg) -> After {
    let (was_complete, tab) = (st.answers.is_complete(), st.tab);
    let after = match msg {
        Msg::Tab(t) => {
            st.tab = t;
            After::Nothing
        }
        Msg::TabKey(t) => {
            st.tab = t;
            After::Focus(format!("tab-{}", t.id()))
        }
        Msg::Zone(z) => {
            st.select_zone(ds, z.as_deref());
            After::Nothing
        }
        Msg::ToggleZone(z) => {
            st.toggle_zone(ds, &z);
            After::Nothing
        }
        Msg::ClearSelection => {
            st.select_zone(ds, None);
            // On the map the card goes away with the selection: focus returns to the map.
            if st.tab == Tab::Map { After::FocusNew("map-h".into()) } else { After::Nothing }
        }
        Msg::Open(tab, zone) => {
            st.select_zone(ds, Some(&zone));
            st.tab = tab;
            // The panel is replaced: focus goes to the new panel's heading.
            After::FocusNew(format!("h-{}", tab.id()))
        }
        Msg::Search(text) => {
            st.filter.text = chosen(text);
            After::Nothing
        }
        Msg::Facet(k, v) => {
            if let Some(f) = st.filter.facets.get_mut(k) {
                *f = chosen(v);
            }
            After::Nothing
        }
        Msg::Sort(k) => {
            st.sort = k;
            After::Nothing
        }
        Msg::ClearFilters => {
            // The button pressed goes away; the search box stays.
            st.clear_filters();
            After::Focus("q".into())
        }
        Msg::Place(v) => {
            st.answers.place = chosen(v);
            After::Nothing
        }
        Msg::Service(v) => {
            st.answers.service = chosen(v);
            After::Nothing
        }
        Msg::Answer(q, yes) => {
            st.answers.answers.insert(q, yes);
            After::Nothing
        }
        Msg::ClearAnswer(q) => {
            st.answers.answers.remove(&q);
            After::Nothing
        }
        Msg::Share(raw) => {
            // Read with the same parser as the URL hash, so what the box accepts is exactly
            // what the engine compares. Bad text keeps the last valid answer and says so.
            if raw.trim().is_empty() {
                st.answers.foreign_equity_pct = None;
                st.share_refused = false;
            } else {
                match Equity::parse(&raw) {
                    Ok(v) => {
                        st.answers.foreign_equity_pct = Some(v);
                        st.share_refused = false;
                    }
                    Err(_) => st.share_refused = true,
                }
            }
            After::Nothing
        }
        Msg::StartAgain => {
            // Everything goes, a refused share's message included.
            st.answers = Default::default();
            st.share_refused = false;
            After::Focus("place".into())
        }
        Msg::Change(name) => After::Focus(name),
        Msg::ShowMore | Msg::ShowAll | Msg::Notes | Msg::Download(_) | Msg::Lang | Msg::FilterServices(_) => After::Nothing,
    };
    // A refused share's message belongs to the checker's panel and goes with it.
    if st.tab != tab {
        st.share_refused = false;
    }
    if !was_complete && st.answers.is_complete() {
        After::Reveal
    } else {
        after
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::embedded;
    use crate::filter::ZONE;

    fn run(st: &mut UiState, mark: &str, name: &str, arg: &str, input: Input) -> After {
        let msg = decode(mark, name, arg, input).unwrap_or_else(|| panic!("{mark}={name} {input:?} sends nothing"));
        apply(st, embedded(), msg)
    }

    #[test]
    fn tabs_open_by_click_and_arrow_keys_and_keys_move_focus() {
        let mut st = UiState::default();
        assert_eq!(run(&mut st, "tab", "checker", "", Input::Click), After::Nothing);
        assert_eq!(st.tab, Tab::Checker);
        assert_eq!(run(&mut st, "tab", "checker", "", Input::Key("ArrowRight")), After::Focus("tab-timeline".into()));
        assert_eq!(st.tab, Tab::Timeline);
        assert_eq!(run(&mut st, "tab", "timeline", "", Input::Key("ArrowRight")), After::Focus("tab-map".into()), "wraps");
        assert_eq!(run(&mut st, "tab", "map", "", Input::Key("End")), After::Focus("tab-timeline".into()));
        assert_eq!(decode("tab", "map", "", Input::Key("a")), None, "other keys are left to the browser");
        assert_eq!(decode("tab", "nowhere", "", Input::Click), None);
    }

    #[test]
    fn map_areas_select_the_list_of_areas_toggles_and_clearing_on_the_map_returns_focus() {
        let ds = embedded();
        let zone = ds.zones[0].id.clone();
        let mut st = UiState::default();
        run(&mut st, "zone", &zone, "", Input::Click);
        assert_eq!(st.zone(), Some(zone.as_str()));
        assert!(st.answers.place.is_some(), "the checker's place follows the map");
        run(&mut st, "zone", &zone, "", Input::Click);
        assert_eq!(st.zone(), Some(zone.as_str()), "the map selects again, it does not toggle");
        run(&mut st, "action", "toggle-zone", &zone, Input::Click);
        assert_eq!(st.zone(), None, "the list of areas toggles");
        run(&mut st, "action", "toggle-zone", &zone, Input::Click);
        assert_eq!(st.zone(), Some(zone.as_str()));
        run(&mut st, "zone", &zone, "", Input::Key("Escape"));
        assert_eq!(st.zone(), None);
        run(&mut st, "inset", &zone, "", Input::Click);
        assert_eq!(st.zone(), Some(zone.as_str()));
        assert_eq!(run(&mut st, "action", "clear-selection", "", Input::Click), After::FocusNew("map-h".into()));
        assert_eq!(st.zone(), None);
        st.tab = Tab::List;
        run(&mut st, "zone", &zone, "", Input::Key(" "));
        assert_eq!(run(&mut st, "action", "clear-selection", "", Input::Click), After::Nothing, "the list's chip keeps focus where it is");
        assert_eq!(decode("zone", &zone, "", Input::Key("ArrowRight")), None, "arrows only move focus");
    }

    #[test]
    fn a_zone_card_opens_the_list_or_the_checker_for_its_area_and_focus_goes_to_its_heading() {
        let zone = embedded().zones[1].id.clone();
        let mut st = UiState::default();
        assert_eq!(run(&mut st, "action", "show-list", &zone, Input::Click), After::FocusNew("h-list".into()));
        assert_eq!((st.tab, st.filter.facets[ZONE].as_deref()), (Tab::List, Some(zone.as_str())));
        let mut st = UiState::default();
        assert_eq!(run(&mut st, "action", "check", &zone, Input::Click), After::FocusNew("h-checker".into()));
        assert_eq!(st.tab, Tab::Checker);
        assert_eq!(st.answers.place.as_deref(), crate::state::place_for_zone(embedded(), &zone));
    }

    #[test]
    fn list_controls_filter_sort_and_clear_with_focus_back_in_the_search_box() {
        let ds = embedded();
        let mut st = UiState::default();
        run(&mut st, "input", "search", "", Input::Text("cloud"));
        assert_eq!(st.filter.text.as_deref(), Some("cloud"));
        run(&mut st, "facet", "zone", "", Input::Change(&ds.zones[0].id));
        assert_eq!(st.zone(), Some(ds.zones[0].id.as_str()));
        run(&mut st, "facet", "zone", "", Input::Change(""));
        assert_eq!(st.zone(), None, "the any option clears the facet");
        run(&mut st, "sort", "", "", Input::Change("date"));
        assert_eq!(st.sort, SortKey::Date);
        run(&mut st, "input", "search", "", Input::Text(""));
        assert_eq!(st.filter.text, None);
        run(&mut st, "facet", "zone", "", Input::Change(&ds.zones[0].id));
        assert_eq!(run(&mut st, "action", "clear-filters", "", Input::Click), After::Focus("q".into()));
        assert!(st.filter.is_empty());
        assert_eq!(decode("facet", "no-such-facet", "", Input::Change("x")), None);
        assert_eq!(decode("sort", "", "", Input::Change("no-such-key")), None);
        assert_eq!(decode("facet", "zone", "", Input::Text("x")), None, "a select's input event is not a change");
    }

    #[test]
    fn checker_answers_reveal_the_answer_once_complete_and_a_bad_share_keeps_the_last_good_one() {
        let ds = embedded();
        let mut st = UiState { tab: Tab::Checker, ..UiState::default() };
        assert_eq!(run(&mut st, "q", "place", "", Input::Change(&ds.places[0].id)), After::Nothing);
        assert_eq!(run(&mut st, "q", "service", "", Input::Change(&ds.services[0].id)), After::Reveal, "the last required answer");
        assert_eq!(run(&mut st, "q", "service", "", Input::Change(&ds.services[1].id)), After::Nothing, "already complete");
        run(&mut st, "input", "equity", "", Input::Text("60"));
        assert_eq!(st.answers.foreign_equity_pct.map(|e| e.to_string()).as_deref(), Some("60"));
        run(&mut st, "input", "equity", "", Input::Text("sixty"));
        assert!(st.share_refused);
        assert_eq!(st.answers.foreign_equity_pct.map(|e| e.to_string()).as_deref(), Some("60"), "the last valid share stays");
        run(&mut st, "input", "equity", "", Input::Text(" "));
        assert!(!st.share_refused && st.answers.foreign_equity_pct.is_none());
        let q = &ds.questions[0];
        run(&mut st, "question", &q.id, "", Input::Change("no"));
        assert_eq!(st.answers.answered(&q.id), Some(false));
        run(&mut st, "action", "clear-answer", &q.id, Input::Click);
        assert_eq!(st.answers.answered(&q.id), None);
        assert_eq!(run(&mut st, "action", "change", "equity", Input::Click), After::Focus("equity".into()));
        run(&mut st, "input", "equity", "", Input::Text("abc"));
        assert_eq!(run(&mut st, "action", "start-again", "", Input::Click), After::Focus("place".into()));
        assert_eq!((st.answers.place.as_ref(), st.share_refused), (None, false));
        run(&mut st, "input", "equity", "", Input::Text("abc"));
        run(&mut st, "tab", "map", "", Input::Click);
        assert!(!st.share_refused, "a refused share's message goes with its panel");
    }

    #[test]
    fn what_a_view_shows_leaves_the_state_alone() {
        let ds = embedded();
        let st0 = UiState { tab: Tab::List, ..UiState::default() };
        for (mark, name, arg, input) in [
            ("action", "show-more", "", Input::Click),
            ("action", "timeline-all", "", Input::Click),
            ("action", "notes", "", Input::Click),
            ("action", "download", "csv", Input::Click),
            ("action", "lang", "", Input::Click),
            ("input", "service-filter", "", Input::Text("idc")),
        ] {
            let mut st = st0.clone();
            let msg = decode(mark, name, arg, input).expect(name);
            assert_eq!(apply(&mut st, ds, msg), After::Nothing, "{name}");
            assert_eq!(st, st0, "{name} changed the state");
        }
        assert_eq!(decode("action", "download", "all-json", Input::Click), Some(Msg::Download("all-json".into())));
        assert_eq!(decode("action", "no-such-action", "", Input::Click), None);
        assert_eq!(decode("action", "clear-filters", "", Input::Key("Enter")), None, "a button's Enter arrives as a click");
    }
}
