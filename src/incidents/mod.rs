//! Incidents in the page: the events panel (each event of the open document with its roles,
//! suggested or accepted, and the keys and buttons that change them) and its rows; the
//! all-documents Incidents view (`all`).

pub mod all;
pub mod panel;
pub mod rows;
