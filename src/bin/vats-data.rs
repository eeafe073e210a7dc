//! The maintainers' data workflow, one command:
//!
//! ```text
//! cargo run --bin vats-data -- check FILE          # every problem, with record, field and why
//! cargo run --bin vats-data -- diff OLD NEW        # what changed for a reader
//! cargo run --bin vats-data -- schema [--out FILE] # the dataset's JSON Schema
//! cargo run --bin vats-data -- publish FILE --out DIR # check, then write the files "Get the data" links to
//! ```
//!
//! Exit codes: 0 fine, 1 the data has problems, 2 the command could not run (usage, unreadable file).

// A maintainer's tool: native only (the wasm build of the crate compiles an empty main).
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::process::ExitCode;

    use vats_pilot::check::check;
    use vats_pilot::diff::diff;
    use vats_pilot::schema::dataset_schema_json;

    const USAGE: &str = "usage:
      vats-data check FILE          validate a dataset file; lists every problem (exit 1 if any)
      vats-data diff OLD NEW        what changed between two dataset files, in words
      vats-data schema [--out FILE] print (or write) the dataset's JSON Schema
      vats-data publish FILE --out DIR
                                    check FILE, then write DIR/pilot.json (FILE as is) and
                                    DIR/pilot-enterprises.csv (every enterprise, with sources)";

    fn read(path: &str) -> Result<String, ExitCode> {
        std::fs::read_to_string(path).map_err(|e| {
            eprintln!("{path}: cannot read the file: {e}");
            ExitCode::from(2)
        })
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let result = match args.as_slice() {
            ["check", file] => run_check(file),
            ["diff", old, new] => run_diff(old, new),
            ["publish", file, "--out", dir] => run_publish(file, dir),
            ["schema"] => {
                print!("{}", dataset_schema_json());
                Ok(ExitCode::SUCCESS)
            }
            ["schema", "--out", path] => std::fs::write(path, dataset_schema_json()).map(|_| ExitCode::SUCCESS).map_err(|e| {
                eprintln!("{path}: cannot write the schema: {e}");
                ExitCode::from(2)
            }),
            _ => {
                eprintln!("{USAGE}");
                Err(ExitCode::from(2))
            }
        };
        result.unwrap_or_else(|code| code)
    }

    fn run_check(file: &str) -> Result<ExitCode, ExitCode> {
        let json = read(file)?;
        match check(&json) {
            Ok(ds) => {
                println!(
                    "{file}: dataset {} (as of {}) is valid: {} sources, {} enterprises, {} rules, {} figures.",
                    ds.version,
                    ds.as_of,
                    ds.sources.len(),
                    ds.enterprises.len(),
                    ds.rules.len(),
                    ds.figures.len()
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                let lines = e.lines(file);
                for line in &lines {
                    println!("{line}");
                }
                eprintln!("{file}: {} problem(s) found.", lines.len());
                Ok(ExitCode::from(1))
            }
        }
    }

    /// The files the widget's "Get the data" links to, next to the widget: the dataset file
    /// itself and the enterprises as CSV. Nothing is written for a dataset with problems.
    fn run_publish(file: &str, dir: &str) -> Result<ExitCode, ExitCode> {
        use vats_pilot::markup::{PUBLISHED_CSV, PUBLISHED_JSON};
        let json = read(file)?;
        let ds = match check(&json) {
            Ok(ds) => ds,
            Err(_) => return run_check(file),
        };
        let dir = std::path::Path::new(dir);
        let csv = vats_pilot::export::csv(&ds, &ds.enterprises);
        for (name, body) in [(PUBLISHED_JSON, json.as_str()), (PUBLISHED_CSV, csv.as_str())] {
            std::fs::write(dir.join(name), body).map_err(|e| {
                eprintln!("{}: cannot write: {e}", dir.join(name).display());
                ExitCode::from(2)
            })?;
        }
        println!("published dataset {} to {}: {PUBLISHED_JSON}, {PUBLISHED_CSV} ({} enterprises)", ds.version, dir.display(), ds.enterprises.len());
        Ok(ExitCode::SUCCESS)
    }

    fn run_diff(old: &str, new: &str) -> Result<ExitCode, ExitCode> {
        let parse = |file: &str| -> Result<vats_pilot::model::Dataset, ExitCode> {
            let json = read(file)?;
            match check(&json) {
                Ok(ds) => Ok(ds),
                Err(vats_pilot::check::CheckError::Invalid(problems)) => {
                    // Still comparable; say so, so a reviewer does not take it for a valid update.
                    eprintln!("{file}: note: the dataset has {} validation problem(s); run `vats-data check {file}`.", problems.len());
                    serde_json::from_str(&json).map_err(|_| ExitCode::from(1))
                }
                Err(e) => {
                    for line in e.lines(file) {
                        eprintln!("{line}");
                    }
                    Err(ExitCode::from(1))
                }
            }
        };
        let (a, b) = (parse(old)?, parse(new)?);
        print!("{}", diff(&a, &b));
        Ok(ExitCode::SUCCESS)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
