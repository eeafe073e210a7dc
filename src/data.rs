//! The dataset embedded at compile time from `data/pilot.json`, and [`Data`]: a dataset with
//! its search index, built once per dataset and shared by every widget that shows it.

use std::sync::{Arc, OnceLock};

use crate::filter::SearchIndex;
use crate::model::Dataset;
use crate::validate::{validate, Problem};

/// The note shown above the widget about the dataset in use (see `crate::notice`).
pub use crate::notice::Notice;

/// The dataset's source text. The widget does not ship it: `build.rs` validates it and embeds
/// it as a compact binary (`crate::embedded`); tests and build tools read the text.
pub const EMBEDDED_JSON: &str = include_str!("../data/pilot.json");

/// The dataset as built by `build.rs` (see `crate::embedded`).
pub(crate) const BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pilot.bin"));

/// Why a dataset could not be used.
#[derive(Debug, Clone, PartialEq)]
pub enum LoadError {
    /// The text is not JSON of the dataset's shape; the message names line and column.
    Parse(String),
    /// The data parsed but broke one or more rules.
    Invalid(Vec<Problem>),
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LoadError::Parse(m) => write!(f, "dataset is not valid JSON of the expected shape: {m}"),
            LoadError::Invalid(problems) => {
                write!(f, "dataset has {} problem(s): ", problems.len())?;
                for (i, p) in problems.iter().take(5).enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{p}")?;
                }
                if problems.len() > 5 {
                    write!(f, "; and {} more", problems.len() - 5)?;
                }
                Ok(())
            }
        }
    }
}

/// Parses and validates a dataset; nothing is accepted with problems.
pub fn load(json: &str) -> Result<Dataset, LoadError> {
    let ds: Dataset = serde_json::from_str(json).map_err(|e| LoadError::Parse(e.to_string()))?;
    checked(ds)
}

/// Parses with `serde_json` into a value, then types it with the reader a `data-src` dataset
/// goes through in the browser (`crate::json`) and validates it: the native twin of
/// `web::dataset_json::load`, for tools and tests.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_as_data_src(json: &str) -> Result<Dataset, LoadError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| LoadError::Parse(e.to_string()))?;
    checked(crate::json::read(&&value).map_err(LoadError::Parse)?)
}

/// A dataset parsed elsewhere (e.g. by the browser's `JSON.parse`), accepted only without
/// problems.
pub fn checked(ds: Dataset) -> Result<Dataset, LoadError> {
    let problems = validate(&ds);
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// A validated dataset and its search index: what a widget shows. Immutable; shared by
/// reference count, so a widget's copy is freed when its last widget unmounts.
pub struct Data {
    pub ds: Dataset,
    /// Built on first use (the list or the JS API's filter), not at mount: a map or checker
    /// embed never needs it.
    index: OnceLock<SearchIndex>,
}

impl Data {
    pub fn new(ds: Dataset) -> Data {
        Data { ds, index: OnceLock::new() }
    }
    /// The search index, built the first time it is asked for.
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.ds))
    }
}

fn embedded_cell() -> &'static Arc<Data> {
    static CELL: OnceLock<Arc<Data>> = OnceLock::new();
    CELL.get_or_init(|| {
        // Validated when the crate was built (build.rs), so nothing is parsed or checked here.
        // The native tests prove it decodes to the dataset in data/pilot.json; an
        // empty-but-valid fallback keeps a wasm module alive rather than aborting.
        Arc::new(Data::new(crate::embedded::decode(BLOB).unwrap_or_else(Dataset::empty)))
    })
}

/// The embedded dataset with its index, built once per page. Immutable; widget state never
/// lives here.
pub fn embedded_data() -> Arc<Data> {
    Arc::clone(embedded_cell())
}

/// The embedded dataset.
pub fn embedded() -> &'static Dataset {
    &embedded_cell().ds
}
