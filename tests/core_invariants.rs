//! The architecture's invariants, checked on the source tree so a change that breaks one
//! fails here with the file and line to look at.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Code lines (comments dropped) with their file and number.
fn code_lines(dir: &Path) -> Vec<(String, usize, String)> {
    let mut out = vec![];
    for file in rust_files(dir) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("").to_string();
            out.push((file.display().to_string(), i + 1, code));
        }
    }
    out
}

#[test]
fn only_the_markup_module_turns_data_into_markup() {
    let web = src().join("web");
    let mut found = 0;
    for (file, n, code) in code_lines(&web) {
        // The one exception: `dom::set_html`, whose argument is a `markup::Html`, a type only
        // the markup module can make.
        let setter = file.ends_with("dom.rs") && code.trim() == "el.set_inner_html(html.as_str());";
        for (at, _) in code.match_indices("inner_html").filter(|_| !setter) {
            found += 1;
            let rest = &code[at..];
            assert!(rest.starts_with("inner_html=crate::markup::"), "{file}:{n}: inner_html must be set from crate::markup::…: {code}");
        }
        assert!(setter || (!code.contains("set_inner_html") && !code.contains("insert_adjacent_html")), "{file}:{n}: raw HTML from a view: {code}");
    }
    assert!(found > 0, "the views set markup from the markup module (cards, map)");
    // Outside the views, nothing sets HTML in a document at all.
    for (file, n, code) in code_lines(&src()).into_iter().filter(|(f, _, _)| !f.contains("/web/")) {
        assert!(!code.contains("inner_html"), "{file}:{n}: {code}");
    }
}

#[test]
fn the_core_never_imports_web_crates() {
    for (file, n, code) in code_lines(&src()).into_iter().filter(|(f, _, _)| !f.contains("/web/")) {
        for name in ["leptos", "web_sys", "wasm_bindgen", "js_sys"] {
            assert!(!code.contains(name), "{file}:{n}: the core uses {name}: {code}");
        }
    }
}

#[test]
fn nothing_is_leaked_to_live_for_the_page() {
    // Every widget's data, index and ids are freed at unmount; leaking them once grew wasm
    // memory on every mount.
    for (file, n, code) in code_lines(&src()) {
        assert!(!code.contains("Box::leak") && !code.contains("mem::forget") || file.ends_with("web/mod.rs"), "{file}:{n}: {code}");
    }
}

#[test]
fn views_learn_which_control_was_used_from_its_mark_and_never_read_state_from_the_page() {
    // The views read attributes in one place, `dom::control`: a control's mark (`msg::MARKS`)
    // and its argument. What is selected, pressed or open lives in `UiState` and is only
    // written to the page (`marks::Mark`), never read back.
    let mut reads = vec![];
    for (file, n, code) in code_lines(&src().join("web")) {
        for read in ["get_attribute", "has_attribute", ".dataset()", "aria_pressed", "aria_selected", "class_list().contains"] {
            if code.contains(read) {
                reads.push(format!("{}:{n}: {}", file.rsplit("/src/").next().unwrap_or(&file), code.trim()));
            }
        }
    }
    let allowed = |r: &String| r.starts_with("web/dom.rs") && (r.contains("get_attribute(&format!(\"data-{mark}\"))") || r.contains("get_attribute(\"data-arg\")"));
    let other: Vec<_> = reads.iter().filter(|r| !allowed(r)).collect();
    assert!(other.is_empty(), "attributes read outside dom::control:\n{}", other.iter().map(|r| r.as_str()).collect::<Vec<_>>().join("\n"));
    assert_eq!(reads.len(), 2, "dom::control reads the mark and the argument: {reads:?}");
}
