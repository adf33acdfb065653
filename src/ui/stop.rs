//! The stop screen: a red flag is in force, so nothing is prescribed and the
//! app says plainly to see a clinician.

use super::markup::markup;
use super::state::use_app;
use super::widgets::tick;
use crate::engine::edit::Edit;
use crate::engine::model::EntryKind;
use crate::engine::plan::DayPlan;
use crate::ui::charts::esc;
use crate::ui::widgets::click;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn Stop() -> impl IntoView {
    let app = use_app();
    // Today rebuilds this screen whenever the plan changes, so it is drawn
    // once from the plan as it is now.
    let flags = match app.plan.get_untracked().map(|p| p.day) {
        Some(DayPlan::Stop { flags }) => flags,
        _ => Vec::new(),
    };
    let confirm = RwSignal::new(false);
    let alert = {
        let mut out = String::from(
            r#"<section aria-labelledby="stop-heading" class="card stop" role="alert"><h2 id="stop-heading">Please see a clinician</h2><p>You told us about:</p><ul>"#,
        );
        for f in flags {
            let _ = write!(out, "<li>{}</li>", esc(f.question()));
        }
        out.push_str("</ul><p>This can be a sign of something other than a tendon problem, or of a tear. Stop the exercises and see a doctor or physiotherapist soon. If it came on suddenly or is severe, get urgent care.</p><p>Your plan is on hold: nothing will step up until you tell us a clinician has checked you.</p></section>");
        markup(out, |_, _| {})
    };
    // Reported today: a mis-tap can be taken back the same day.
    let today = app.today.get_untracked();
    let mistaken: Vec<u64> = app.log.with_untracked(|l| {
        l.iter()
            .flat_map(|l| &l.entries)
            .filter(|e| e.date == today && matches!(e.kind, EntryKind::RedFlag(_)))
            .map(|e| e.id)
            .collect()
    });
    let undo = (!mistaken.is_empty()).then(|| {
        markup(
            r#"<section aria-labelledby="mistake-heading" class="card"><h2 id="mistake-heading">Tapped by mistake?</h2><p>Take back what you reported today, and your plan goes on as before.</p><button type="button" data-act="undo">Take back today's report</button></section>"#.to_string(),
            move |_, _| {
                for id in &mistaken {
                    app.send(Edit::Delete(*id));
                }
            },
        )
    });
    view! {
        {alert}
        {undo}
        <section aria-labelledby="cleared-heading" class="card">
            <h2 id="cleared-heading">"Seen a clinician?"</h2>
            {tick("A clinician has checked me and said I can carry on with this programme", confirm)}
            <button type="button" prop:disabled=move || !confirm.get() on:click=click(move || { app.send(Edit::ClearRedFlags); })>
                "Resume my plan"
            </button>
        </section>
    }
}
