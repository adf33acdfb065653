//! Hamstring rehab: a pure progression engine, a storage layer and a Leptos UI.
pub mod engine;
pub mod json;
pub mod num;
pub mod pose;
pub mod sorted;
pub mod storage;
pub mod ui;
