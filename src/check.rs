//! `vats-data check`: parse and validate a dataset file and say precisely what is wrong —
//! the line and column of a JSON syntax error, the record and field of a shape error, or every
//! validation problem with its record id and field. Native builds only.

use serde_json::Value;

use crate::model::Dataset;
use crate::validate::{validate, Problem};

/// Why a file is not a usable dataset.
#[derive(Debug)]
pub enum CheckError {
    /// Not JSON at all.
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but not of the dataset's shape (unknown or missing key, wrong type …).
    /// `at` names the record as validation does, e.g. `enterprises[3] (e-foo), field zone`.
    Shape { line: usize, column: usize, at: String, message: String },
    /// The dataset's shape is right but it breaks one or more rules.
    Invalid(Vec<Problem>),
}

impl CheckError {
    /// One line per problem, each starting with `file`.
    pub fn lines(&self, file: &str) -> Vec<String> {
        match self {
            CheckError::Syntax { line, column, message } => {
                vec![format!("{file}:{line}:{column}: JSON syntax error: {message}")]
            }
            CheckError::Shape { line, column, at, message } => {
                vec![format!("{file}:{line}:{column}: {at}: {message}")]
            }
            CheckError::Invalid(problems) => problems.iter().map(|p| format!("{file}: {p}")).collect(),
        }
    }
}

/// Parses and validates; on success the dataset, else everything found wrong.
pub fn check(json: &str) -> Result<Dataset, CheckError> {
    let value: Value = serde_json::from_str(json).map_err(|e| CheckError::Syntax {
        line: e.line(),
        column: e.column(),
        message: strip_position(&e.to_string()),
    })?;
    let mut de = serde_json::Deserializer::from_str(json);
    let ds: Dataset = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let at = record_label(&value, e.path());
        let inner = e.into_inner();
        CheckError::Shape { line: inner.line(), column: inner.column(), at, message: strip_position(&inner.to_string()) }
    })?;
    let problems = validate(&ds);
    if problems.is_empty() {
        Ok(ds)
    } else {
        Err(CheckError::Invalid(problems))
    }
}

/// serde_json appends " at line L column C"; the report puts the position first instead.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// `enterprises[3].zone` → `enterprises[3] (e-foo), field zone`, naming the record by its id.
fn record_label(root: &Value, path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let (Some(Segment::Map { key }), Some(Segment::Seq { index })) = (segments.first(), segments.get(1)) else {
        return match path.to_string().as_str() {
            "." | "" => "dataset".to_string(),
            p => format!("field {p}"),
        };
    };
    let record = &root[key.as_str()][*index];
    let id = record.get("id").or_else(|| record.get("version")).and_then(Value::as_str);
    let mut at = match id {
        Some(id) => format!("{key}[{index}] ({id})"),
        None => format!("{key}[{index}]"),
    };
    let rest: Vec<String> = segments[2..]
        .iter()
        .map(|s| match s {
            Segment::Map { key } => key.clone(),
            Segment::Seq { index } => format!("[{index}]"),
            Segment::Enum { variant } => variant.clone(),
            Segment::Unknown => "?".into(),
        })
        .collect();
    if !rest.is_empty() {
        at.push_str(", field ");
        at.push_str(&rest.join(".").replace(".[", "["));
    }
    at
}
