//! (in progress) The planmap screen.
use leptos::prelude::*;

#[component]
pub fn PlanMap() -> impl IntoView {
    view! { <section class="card"><h2>"PlanMap"</h2></section> }
}
