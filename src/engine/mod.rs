//! The rehab model and progression engine: pure Rust, no browser crates.
//!
//! `plan(&log, today)` is the one entry point the UI needs: everything it shows
//! is recomputed from the log and the date, never from stored counters.
pub mod model;
