//! The rehab model and progression engine: pure Rust, no browser crates.
//!
//! [`plan`] is the one entry point the UI needs: everything it shows is
//! recomputed from the log and the date, never from stored counters.
pub mod advice;
pub mod catalogue;
mod catalogue_data;
pub mod days;
pub mod decide;
pub mod dose;
pub mod edit;
pub mod json;
pub mod limits;
pub mod model;
pub mod mornings;
pub mod plan;
pub mod progress;
pub mod replay;
pub mod rules;
pub mod selftest;
pub mod share;
pub mod stage;
pub mod synthetic;
pub mod today;

pub use plan::{plan, Plan};
