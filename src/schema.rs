//! The dataset's JSON Schema, generated from the Rust types in [`crate::model`] (native builds
//! only). It is published next to the widget as `pilot.schema.json`, so a newsroom preparing a
//! `data-src` file can check its shape in its own tools. Like the Rust types, it rejects unknown
//! keys; the cross-record rules (sources that resolve, known zones, coverage of every place ×
//! service pair …) are checked by `vats-data check`, not by the schema.

use crate::model::Dataset;

/// The schema's address once published, relative to the widget's folder.
pub const SCHEMA_FILE: &str = "pilot.schema.json";

/// The JSON Schema (draft 2020-12) of a dataset file, pretty-printed with a trailing newline.
pub fn dataset_schema_json() -> String {
    let mut schema = schemars::schema_for!(Dataset);
    schema.insert("title".into(), "vats-pilot dataset".into());
    schema.insert(
        "description".into(),
        "Shape of data/pilot.json (and of a data-src file) for the vats-pilot widget. Generated from the Rust types; \
         run `vats-data check FILE` for the rules between records."
            .into(),
    );
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
