//! Moving documents in and out of the page: the export dialog and downloads, the import
//! dialog (files read, guessed, checked, then one `Command::Import`).

pub mod export;
pub mod export_dialog;
pub mod import_dialog;
pub mod incidents_table;
