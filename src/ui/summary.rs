//! (in progress) The clinician summary and the shared read-only view.
use leptos::prelude::*;

#[component]
pub fn Summary() -> impl IntoView {
    view! { <section class="card"><h2>"Summary for your clinician"</h2></section> }
}

#[component]
pub fn SharedSummary() -> impl IntoView {
    view! { <section class="card"><h2>"Shared summary"</h2></section> }
}
