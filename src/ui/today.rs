//! Today's date as the browser's clock gives it, `YYYY-MM-DD` (UTC), for file names and
//! export metadata.

/// Today's date, `YYYY-MM-DD`.
pub fn today() -> String {
    js_sys::Date::new_0()
        .to_iso_string()
        .as_string()
        .unwrap_or_default()
        .chars()
        .take(10)
        .collect()
}
