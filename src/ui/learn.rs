//! (in progress) The learn screen.
use leptos::prelude::*;

#[component]
pub fn Learn() -> impl IntoView {
    view! { <section class="card"><h2>"Learn"</h2></section> }
}
