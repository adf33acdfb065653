//! The stop screen: a red flag is in force, so nothing is prescribed and the
//! app says plainly to see a clinician.

use super::state::use_app;
use super::widgets::{tick, CollectAny};
use crate::engine::edit::Edit;
use crate::engine::plan::DayPlan;
use leptos::prelude::*;

#[component]
pub fn Stop() -> impl IntoView {
    let app = use_app();
    let flags = move || match app.plan.get().map(|p| p.day) {
        Some(DayPlan::Stop { flags }) => flags,
        _ => Vec::new(),
    };
    let confirm = RwSignal::new(false);
    view! {
        <section aria-labelledby="stop-heading" class="card stop" role="alert">
            <h2 id="stop-heading">"Please see a clinician"</h2>
            <p>"You told us about:"</p>
            <ul>{move || flags().into_iter().map(|f| view! { <li>{f.question()}</li> }).collect_any()}</ul>
            <p>
                "This can be a sign of something other than a tendon problem, or of a tear. "
                "Stop the exercises and see a doctor or physiotherapist soon. If it came on suddenly or is severe, get urgent care."
            </p>
            <p>"Your plan is on hold: nothing will step up until you tell us a clinician has checked you."</p>
        </section>
        <section aria-labelledby="cleared-heading" class="card">
            <h2 id="cleared-heading">"Seen a clinician?"</h2>
            {tick("A clinician has checked me and said I can carry on with this programme", confirm)}
            <button type="button" prop:disabled=move || !confirm.get() on:click=move |_| { app.send(Edit::ClearRedFlags); }>
                "Resume my plan"
            </button>
        </section>
    }
}
