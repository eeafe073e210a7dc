//! Marks: the classes, attributes and inline styles a view sets on elements that are already
//! on the page (the selected area, the open tab, a refused share), declared as data by pure
//! functions so they are tested natively. The browser side only carries them out
//! (`web::dom::set_marks`). Selectors are built from dataset ids the validator has checked
//! (`[A-Za-z0-9_-]`); values are set as attributes or CSS properties, never parsed as markup.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Every element matching the selector has (`true`) or lacks the class.
    Class(String, &'static str, bool),
    /// Every element matching the selector has the attribute with this value.
    Attr(String, &'static str, &'static str),
    /// Every SVG element matching the selector has this inline CSS property (set through the
    /// CSS object model, which a page's content security policy allows).
    Style(String, &'static str, String),
}

/// `"true"` or `"false"`, as ARIA states are written.
pub fn state(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// A `<select>` kept current in place (the one in use is never replaced under the reader):
/// its options after the first ("any") get these labels and are disabled when they would give
/// nothing (`(value, label, gives_none)`, values and order as written), and `value` is chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Select {
    pub selector: String,
    pub options: Vec<(String, String, bool)>,
    pub value: String,
}
