//! Leptos components: one screen a file, thin over the engine.
use leptos::prelude::*;

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    view! { <main><h1>"Hamstring rehab"</h1></main> }
}
