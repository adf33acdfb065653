//! The stop screen: a red flag is in force, so nothing is prescribed and the
//! app says plainly to see a clinician. A report made today by mistake can
//! be taken back; otherwise the plan resumes once a clinician has checked.

use super::markup::{markup, ticked};
use super::state::use_app;
use crate::engine::edit::Edit;
use crate::engine::model::EntryKind;
use crate::engine::plan::DayPlan;
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;

#[component]
pub fn Stop() -> impl IntoView {
    let app = use_app();
    // Today rebuilds this screen whenever the plan changes, so it is drawn
    // once from the plan and the log as they are now.
    let flags = match app.plan.get_untracked().map(|p| p.day) {
        Some(DayPlan::Stop { flags }) => flags,
        _ => Vec::new(),
    };
    let mut out = String::from(
        r#"<section aria-labelledby="stop-heading" class="card stop" role="alert"><h2 id="stop-heading">Please see a clinician</h2><p>You told us about:</p><ul>"#,
    );
    for f in flags {
        let _ = write!(out, "<li>{}</li>", esc(f.question()));
    }
    out.push_str("</ul><p>This can be a sign of something other than a tendon problem, or of a tear. Stop the exercises and see a doctor or physiotherapist soon. If it came on suddenly or is severe, get urgent care.</p><p>Your plan is on hold: nothing will step up until you tell us a clinician has checked you.</p></section>");
    // Reported today: a mis-tap can be taken back the same day.
    let today = app.today.get_untracked();
    let mistaken: Vec<u64> = app.log.with_untracked(|l| {
        l.iter()
            .flat_map(|l| &l.entries)
            .filter(|e| e.date == today && matches!(e.kind, EntryKind::RedFlag(_)))
            .map(|e| e.id)
            .collect()
    });
    if !mistaken.is_empty() {
        out.push_str(r#"<section aria-labelledby="mistake-heading" class="card"><h2 id="mistake-heading">Tapped by mistake?</h2><p>Take back what you reported today, and your plan goes on as before.</p><button type="button" data-act="undo">Take back today's report</button></section>"#);
    }
    out.push_str(r#"<section aria-labelledby="cleared-heading" class="card"><h2 id="cleared-heading">Seen a clinician?</h2><label class="check"><input type="checkbox" id="cleared" data-change="cleared"> A clinician has checked me and said I can carry on with this programme</label><button type="button" id="resume" data-act="resume" disabled>Resume my plan</button></section>"#);
    markup(out, move |act, _| match act {
        "undo" => {
            for id in &mistaken {
                app.send(Edit::Delete(*id));
            }
        }
        "cleared" => {
            if let Some(b) = document().get_element_by_id("resume") {
                let _ = b.toggle_attribute_with_force("disabled", !ticked("cleared"));
            }
        }
        "resume" if ticked("cleared") => {
            app.send(Edit::ClearRedFlags);
        }
        _ => {}
    })
}
