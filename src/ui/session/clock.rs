//! The logger's timers: one big countdown beside the figure (the rest
//! while it runs, else the hold's), and the button that starts a hold
//! after a 3-2-1 lead-in. Both run on absolute end times (`ui::timer`).

use crate::ui::state::{now, use_app};
use crate::ui::timer::{mmss, seconds_left, LEAD_IN_SECONDS};
use crate::ui::widgets::click;
use leptos::prelude::*;

/// A timer's label and digits, as markup.
fn face(label: &str, digits: &str) -> String {
    format!(r#"<p class="timer-label">{label}</p><p class="timer-digits">{digits}</p>"#)
}

/// The countdown beside the figure: the rest while one runs, with its skip
/// button; otherwise, for a hold, the hold's time left (or its length, or
/// the lead-in's 3, 2, 1). Empty for a reps exercise at rest.
#[component]
pub(super) fn Clock(
    hold: Option<u16>,
    hold_end: RwSignal<Option<f64>>,
    rest_end: RwSignal<Option<f64>>,
) -> impl IntoView {
    let app = use_app();
    let rest = move || {
        rest_end
            .get()
            .map(|end| seconds_left(end, app.now_ms.get()))
            .filter(|s| *s > 0)
    };
    let hold_face = move || {
        let (Some(seconds), None) = (hold.map(u32::from), rest()) else {
            return String::new();
        };
        match hold_end
            .get()
            .map(|end| seconds_left(end, app.now_ms.get()))
        {
            Some(left) if left > seconds => face("Get ready", &(left - seconds).to_string()),
            Some(left) => face("Hold", &mmss(left)),
            None => face("Hold", &mmss(seconds)),
        }
    };
    view! {
        <div class="clock" aria-live="off">
            <div role="timer" aria-label="Rest timer" inner_html=move || rest().map(|s| face("Rest", &mmss(s))).unwrap_or_default()></div>
            <button type="button" class="link" hidden=move || rest().is_none() on:click=click(move || rest_end.set(None))>"Skip rest"</button>
            <div role="timer" aria-label="Hold timer" hidden=hold.is_none() inner_html=hold_face></div>
        </div>
    }
}

/// Starts a hold (after the lead-in) or stops one; the set is saved by the
/// step's effect when the hold's end passes.
#[component]
pub(super) fn HoldButton(seconds: u16, hold_end: RwSignal<Option<f64>>) -> impl IntoView {
    let app = use_app();
    let start = format!("Start {seconds} s hold");
    view! {
        <button type="button" class="primary big" on:click=click(move || {
            if hold_end.get_untracked().is_some() {
                hold_end.set(None);
            } else {
                crate::ui::alert::prime();
                let t = now();
                app.now_ms.set(t);
                hold_end.set(Some(t + f64::from(u32::from(seconds) + LEAD_IN_SECONDS) * 1000.0));
            }
        })>
            {move || if hold_end.get().is_some() { "Stop hold".to_string() } else { start.clone() }}
        </button>
    }
}
