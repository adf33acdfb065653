//! Other loading (runs, walks, sitting, cycling, sport, stretches) for
//! today or yesterday: one form on Today and after the check-in, saved as
//! one edit, and what those two days hold listed with an undo.

use super::markup::{input, markup, radios, say, text, tick, ticked};
use super::state::use_app;
use crate::engine::edit::Edit;
use crate::engine::model::{ActivityKind, EntryKind};
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;

/// The form, drawn once as markup and read back on Save; a `<form>` so
/// Enter in a field saves too, and so one `reset()` empties it once saved:
/// a second tap cannot log the same run twice. Today's form asks which
/// day; the check-in's is about yesterday.
pub fn loading(ask_day: bool) -> AnyView {
    let app = use_app();
    let mut html = String::from(
        r#"<section aria-labelledby="loading-heading" class="card"><h2 id="loading-heading">"#,
    );
    html.push_str(if ask_day {
        "Other loading (optional)"
    } else {
        "Yesterday's other loading (optional)"
    });
    html.push_str(r#"</h2><p class="hint">Runs, long sitting and sport load the tendon too. Logging them helps the app tell what caused a bad morning.</p><form id="loading">"#);
    if ask_day {
        radios(
            &mut html,
            "Which day?",
            "loading-day",
            &["Today", "Yesterday"],
            Some(0),
        );
    }
    html.push_str("<fieldset><legend>Run</legend>");
    input(&mut html, "run-km", "Distance (km)", "", "decimal");
    input(&mut html, "run-min", "Time (minutes)", "", "decimal");
    tick(&mut html, "run-hills", "Hills", false);
    tick(&mut html, "run-fast", "Fast running or sprints", false);
    html.push_str("</fieldset>");
    input(&mut html, "walk", "Walking (minutes)", "", "decimal");
    input(&mut html, "sitting", "Hours of sitting", "", "decimal");
    input(&mut html, "cycling", "Cycling (minutes)", "", "decimal");
    input(&mut html, "sport", "Sport (minutes)", "", "decimal");
    tick(
        &mut html,
        "stretch",
        "Stretches that fold forward at the hip",
        false,
    );
    let _ = write!(
        html,
        r#"<button type="submit" data-act="save">{}</button><p role="status" id="loading-status"></p></form></section>"#,
        if ask_day {
            "Save loading"
        } else {
            "Save yesterday's loading"
        }
    );
    let form = markup(html, move |act, _| {
        let today = app.today.get_untracked();
        let date = match (ask_day && ticked("loading-day-0"), today.pred_opt()) {
            _ if act != "save" => return,
            (true, _) => today,
            (false, Some(yesterday)) => yesterday,
            (false, None) => return,
        };
        let kinds = read_form();
        let said = if kinds.is_empty() {
            "Nothing filled in yet, so nothing was saved."
        } else if app.send(Edit::Activities { date, kinds }) {
            if let Some(form) = document().get_element_by_id("loading") {
                super::alert::call(&form, "reset", &[]);
            }
            "Saved."
        } else {
            // app.send has put the problem on screen.
            ""
        };
        say("loading-status", said);
    });
    view! { {form} <Logged /> }.into_any()
}

/// What the form holds, one load per filled part.
fn read_form() -> Vec<ActivityKind> {
    let num = |id| {
        super::widgets::parse_decimal(&text(id))
            .map(|v| v as f32)
            .filter(|v| *v > 0.0)
    };
    let minutes = |id| num(id).map(|m| m.round() as u16);
    let mut kinds = Vec::new();
    let (km, run_minutes) = (num("run-km"), minutes("run-min"));
    if km.is_some() || run_minutes.is_some() {
        kinds.push(ActivityKind::Run {
            km: km.unwrap_or(0.0),
            minutes: run_minutes.unwrap_or(0),
            hills: ticked("run-hills"),
            fast: ticked("run-fast"),
        });
    }
    if let Some(minutes) = minutes("walk") {
        kinds.push(ActivityKind::Walk { minutes });
    }
    if let Some(hours) = num("sitting") {
        kinds.push(ActivityKind::Sitting { hours });
    }
    if let Some(minutes) = minutes("cycling") {
        kinds.push(ActivityKind::Cycling { minutes });
    }
    if let Some(minutes) = minutes("sport") {
        kinds.push(ActivityKind::Sport { minutes });
    }
    if ticked("stretch") {
        kinds.push(ActivityKind::Stretching {
            deep_hip_flexion: true,
        });
    }
    kinds
}

/// Yesterday's and today's loads, newest first, each with an undo. Its own
/// part, so redrawing it never touches what is typed in the form.
#[component]
fn Logged() -> impl IntoView {
    let app = use_app();
    move || {
        let today = app.today.get();
        let yesterday = today.pred_opt()?;
        let mut out = String::new();
        app.log.with(|log| {
            for e in log.as_ref()?.entries.iter().rev() {
                if e.date < yesterday || !matches!(e.kind, EntryKind::Activity(_)) {
                    continue;
                }
                let day = if e.date == today { "Today" } else { "Yesterday" };
                for line in super::history::describe(&e.kind) {
                    let _ = write!(
                        out,
                        r#"<li>{day}: {} <button type="button" class="link" data-act="undo" data-id="{}" aria-label="Undo {day}: {}">Undo</button></li>"#,
                        esc(&line),
                        e.id,
                        esc(&line)
                    );
                }
            }
            Some(())
        });
        (!out.is_empty()).then(|| {
            markup(
                format!(
                    r#"<section aria-labelledby="logged-heading" class="card"><h2 id="logged-heading">Loading logged</h2><ul class="logged">{out}</ul></section>"#
                ),
                move |act, id| {
                    if let (true, Ok(id)) = (act == "undo", id.parse()) {
                        if app.send(Edit::Delete(id)) {
                            say("loading-status", "Taken back.");
                        }
                    }
                },
            )
        })
    }
}
