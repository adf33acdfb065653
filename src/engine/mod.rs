//! The rehab model and progression engine: pure Rust, no browser crates.
