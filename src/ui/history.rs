//! (in progress) The history screen.
use leptos::prelude::*;

#[component]
pub fn History() -> impl IntoView {
    view! { <section class="card"><h2>"History"</h2></section> }
}
