//! Build step: writes the generated parts of the pages in `www/` from the dataset.
//! - the no-JS fallback regions (`<!-- vats-pilot:fallback en -->…`) in the HTML pages;
//! - `www/oembed.json` for the iframe embed, pointing at `--public-url`.
//!
//! `--check` writes nothing and fails if a page is out of date.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::process::exit;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let public = args
        .iter()
        .position(|a| a == "--public-url")
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| "http://127.0.0.1:8080/".into());
    let ds = vats_pilot::data::embedded();
    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let mut stale = vec![];
    for page in ["index.html", "article.html", "embed.html"] {
        let path = www.join(page);
        let Ok(text) = std::fs::read_to_string(&path) else { continue };
        let Some(new) = vats_pilot::pages::fill_fallback_regions(ds, &text) else { continue };
        if new != text {
            if check {
                stale.push(page);
            } else if let Err(e) = std::fs::write(&path, new) {
                eprintln!("cannot write {}: {e}", path.display());
                exit(1);
            }
        }
    }
    if !stale.is_empty() {
        eprintln!("generated fallback out of date in: {} (run cargo run --bin pages)", stale.join(", "));
        exit(1);
    }
    if !check {
        let oembed = vats_pilot::pages::oembed(&public);
        if let Err(e) = std::fs::write(www.join("oembed.json"), oembed) {
            eprintln!("cannot write oembed.json: {e}");
            exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
