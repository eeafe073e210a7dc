//! Build step: the embedded dataset becomes validated Rust data.
//!
//! `data/pilot.json` is parsed with the crate's own model (`src/model.rs`, unknown keys and
//! wrong types are errors) and checked with its own validator (`src/validate.rs`); any problem
//! fails the build, naming it. The dataset is then written to `$OUT_DIR/pilot.bin` in the
//! postcard wire format, which `src/embedded.rs` decodes at first use. No JSON text of the
//! embedded data ships, and the browser parses and validates nothing at mount.

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/validate.rs"]
mod validate;
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
    for f in ["data/pilot.json", "src/model.rs", "src/validate.rs"] {
        println!("cargo:rerun-if-changed={f}");
    }
    let text = std::fs::read_to_string("data/pilot.json").unwrap_or_else(|e| fail(&format!("cannot read data/pilot.json: {e}")));
    let ds: model::Dataset = serde_json::from_str(&text)
        .unwrap_or_else(|e| fail(&format!("data/pilot.json is not valid JSON of the expected shape: {e}")));
    let problems = validate::validate(&ds);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        fail(&format!("data/pilot.json has {} problem(s):\n{}", problems.len(), list.join("\n")));
    }
    let bytes = postcard::to_allocvec(&ds).unwrap_or_else(|e| fail(&format!("cannot encode the dataset: {e}")));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("pilot.bin");
    std::fs::write(&out, bytes).unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", out.display())));
}

fn fail(msg: &str) -> ! {
    eprintln!("error: {msg}");
    std::process::exit(1);
}
