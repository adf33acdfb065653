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
    move || {
        map.get()
            .map(|m| view! { <div class="map-wrap" inner_html=markup::map_html(&m)></div> })
    }
}
