//! Build step: the embedded dataset becomes typed Rust data in a compact binary.
//!
//! `data/pilot.json` is parsed with the crate's own model (`src/model.rs`): an unknown key, a
//! missing field or a wrong type fails the build, naming it. The dataset is then written to
//! `$OUT_DIR/pilot.bin` in the postcard wire format, which `src/embedded.rs` decodes at first
//! use. No JSON text of the embedded data ships, and the browser parses and validates nothing
//! at mount. The lean build (without the `full` feature) leaves out what no view shows
//! (`Dataset::for_lean_widget`). The validator (which needs most of the core) runs in
//! `scripts/build.sh`
//! (`vats-data check`, before the wasm is built) and in `cargo test` (`tests/core_data.rs`).

// The model's one declaration (`record!`, `values!`) and what its impls name: the binary
// decoder and the JSON reader compile here too, unused.
#[macro_use]
#[path = "src/declare.rs"]
mod declare;
#[allow(dead_code)]
#[path = "src/embedded.rs"]
mod embedded;
#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;
#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
/// `model::Text::get` takes a language; the build step never calls it.
#[allow(dead_code)]
mod i18n {
    #[derive(Clone, Copy)]
    pub enum Lang {
        En,
        Zh,
    }
}

fn main() {
    for f in ["data/pilot.json", "src/model.rs", "src/declare.rs", "src/embedded.rs", "src/json.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let text = std::fs::read_to_string("data/pilot.json").unwrap_or_else(|e| fail(&format!("cannot read data/pilot.json: {e}")));
    let ds: model::Dataset = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(&format!("data/pilot.json is not valid JSON of the expected shape: {e}")));
    // The lean build (no `full` feature: no JS API) embeds only what its views show.
    let ds = if std::env::var_os("CARGO_FEATURE_FULL").is_some() { ds } else { ds.for_lean_widget() };
    let bytes = postcard::to_allocvec(&ds).unwrap_or_else(|e| fail(&format!("cannot encode the dataset: {e}")));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("pilot.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(msg: &str) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(1);
}
