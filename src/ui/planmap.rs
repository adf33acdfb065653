//! The plan map: the stages the user's goal reaches, what the next one needs,
//! and every ladder in them, with where each leg stands, what moves it on,
//! and what is locked and why. Read only; the words come from `model.rs`.

mod markup;
mod model;
#[cfg(test)]
mod tests;

use super::state::use_app;
use leptos::prelude::*;
use model::MapModel;

#[component]
pub fn PlanMap() -> impl IntoView {
    let app = use_app();
    // Progress replays the log once more for the positions the plan does not
    // keep; a few ms, and only while this screen is open.
    let map = crate::ui::widgets::memo(move || {
        let plan = app.plan.get()?;
        let today = app.today.get();
        app.log
            .with(|l| l.as_ref().map(|log| MapModel::build(log, &plan, today)))
    });
    // "Show how" under a level draws its demonstration the first time it
    // opens.
    let show_how = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let details = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .filter(|t| t.tag_name() == "SUMMARY")
            .and_then(|s| s.parent_element());
        if let Some(d) = details {
            if let Some(key) = d.get_attribute("data-demo") {
                if d.query_selector("figure").ok().flatten().is_none() {
                    crate::ui::demo::append_to(&d, key);
                }
            }
        }
    };
    move || {
        map.get().map(|m| {
            view! { <div class="map-wrap" on:click=show_how inner_html=markup::map_html(&m)></div> }
        })
    }
}
