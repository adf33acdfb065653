//! The first screen: today's date, what the app is and is not, the programme's
//! stages in plain words, and the physio note.
use leptos::prelude::*;

use super::note::NoteField;

/// One step of the programme as the first screen describes it.
pub struct StageSummary {
    pub name: &'static str,
    pub line: &'static str,
}

/// The three stages, then the return to running they lead to.
pub const STAGES: [StageSummary; 4] = [
    StageSummary {
        name: "Isometrics",
        line: "Firm holds without moving, to calm a tendon that is easily upset.",
    },
    StageSummary {
        name: "Heavy slow resistance",
        line: "Slow, heavier lifts two or three times a week to rebuild strength.",
    },
    StageSummary {
        name: "Energy storage",
        line: "Hops and jumps, once heavy work no longer hurts, to make the tendon springy again.",
    },
    StageSummary {
        name: "Return to running",
        line: "Flat and easy first, then hills and speed, guided by how each next morning feels.",
    },
];

#[component]
pub fn Home() -> impl IntoView {
    let (iso, label) = today();
    view! {
        <section class="today" aria-labelledby="today-heading">
            <h2 id="today-heading">"Today is " <time datetime=iso>{label}</time></h2>
            <p>
                "Load the tendon a little at a time, and let each next morning tell you how it went."
            </p>
        </section>
        <p class="notice">
            <strong>"A self-management aid, not a diagnosis."</strong>
            " See a clinician if you felt a sudden pop with bruising, have numbness or weakness below the knee, or pain that keeps rising at night."
        </p>
        <section aria-labelledby="stages-heading">
            <h2 id="stages-heading">"Your programme"</h2>
            <ol class="stages">
                {STAGES
                    .iter()
                    .map(|stage| {
                        view! {
                            <li>
                                <h3>{stage.name}</h3>
                                <p>{stage.line}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <p>"You move on when the tendon is ready, not when the calendar says so."</p>
        </section>
        <NoteField />
    }
}

/// Today's date on this phone, as `YYYY-MM-DD` and as words ("Friday 21 November").
pub fn today() -> (String, String) {
    let now = js_sys::Date::new_0();
    let iso = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    let options = js_sys::Object::new();
    for (key, value) in [("weekday", "long"), ("day", "numeric"), ("month", "long")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    // The words around the date are English, so the date is too, in the
    // phone's own English (en-US, en-GB, ...) when it has one.
    let locale = window()
        .navigator()
        .language()
        .filter(|language| language.starts_with("en"))
        .unwrap_or_else(|| "en-GB".to_string());
    let label = now.to_locale_date_string(&locale, &options).into();
    (iso, label)
}
