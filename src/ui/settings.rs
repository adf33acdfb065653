//! Settings: every onboarding answer can be changed, a new self-test
//! baseline can be set, and the data on this device can be backed up.

use super::data::{export_csv, ImportBackup};
use super::onboarding::{radios, self_test_label, tick, EQUIPMENT, GOALS, SIDES};
use super::state::use_app;
use super::widgets::Scale;
use crate::engine::edit::Edit;
use crate::engine::model::{Baseline, Extra, SelfTest};
use crate::engine::rules::MAX_PAIN_CEILING;
use crate::storage::durability::usage_text;
use leptos::prelude::*;

pub use super::data::export_backup;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let app = use_app();
    let Some(current) = app.log.get_untracked().map(|l| l.settings) else {
        return ().into_any();
    };
    let side = RwSignal::new(Some(current.affected));
    let goal = RwSignal::new(Some(current.goal));
    let ceiling = RwSignal::new(Some(current.pain_ceiling));
    let equipment: Vec<_> = EQUIPMENT
        .iter()
        .map(|&(e, label)| (e, label, RwSignal::new(current.equipment.contains(&e))))
        .collect();
    let saved = RwSignal::new(false);
    let eq = equipment.clone();
    let save = move |_| {
        let Some(mut s) = app.log.get_untracked().map(|l| l.settings) else {
            return;
        };
        s.affected = side.get_untracked().unwrap_or(s.affected);
        s.goal = goal.get_untracked().unwrap_or(s.goal);
        s.pain_ceiling = ceiling.get_untracked().unwrap_or(s.pain_ceiling);
        s.equipment = eq
            .iter()
            .filter(|(_, _, on)| on.get_untracked())
            .map(|(e, _, _)| *e)
            .collect();
        saved.set(app.send(Edit::Settings(s)));
    };
    view! {
        <section class="card" aria-labelledby="settings-heading">
            <h2 id="settings-heading">"Your answers"</h2>
            {radios("Which side hurts?", "side", &SIDES, side)}
            {radios("What do you want to get back to?", "goal", &GOALS, goal)}
            <Scale legend="Your pain ceiling during exercise".to_string() value=ceiling max=MAX_PAIN_CEILING
                hint="The most pain you are happy to work with during an exercise, 0 to 5.".to_string() />
            <fieldset>
                <legend>"Equipment you have"</legend>
                {equipment.iter().map(|(_, label, s)| tick(label, *s)).collect_view()}
            </fieldset>
            <button type="button" class="primary" on:click=save>"Save answers"</button>
            <Show when=move || saved.get()><p role="status">"Saved. Your plan now follows these answers."</p></Show>
        </section>
        <NewBaseline />
        <super::reminder::ReminderSetting />
        <YourData />
    }
    .into_any()
}

/// A new self-test or baseline applies from today; past decisions keep theirs.
#[component]
fn NewBaseline() -> impl IntoView {
    let app = use_app();
    let test = RwSignal::new(app.plan.get_untracked().map(|p| p.test));
    let rating = RwSignal::new(None::<u8>);
    let saved = RwSignal::new(false);
    let tests: Vec<(SelfTest, &'static str)> = SelfTest::ALL
        .iter()
        .map(|t| (*t, self_test_label(*t)))
        .collect();
    let save = move |_| {
        if let (Some(test), Some(rating)) = (test.get_untracked(), rating.get_untracked()) {
            saved.set(app.send(Edit::Baseline(Baseline {
                test,
                two_legs: false,
                rating,
                extra: Extra::new(),
            })));
        }
    };
    view! {
        <section class="card" aria-labelledby="baseline-heading">
            <h2 id="baseline-heading">"Self-test and baseline"</h2>
            <p class="hint">{move || app.plan.get().map(|p| format!("Now: {}, baseline {}/10. A new baseline applies from today on.", p.test.name(), p.baseline))}</p>
            {radios("Daily self-test", "new-test", &tests, test)}
            <Scale legend="Do it once now: how much does it hurt?".to_string() value=rating />
            <button type="button" prop:disabled=move || rating.get().is_none() on:click=save>"Set new baseline"</button>
            <Show when=move || saved.get()><p role="status">"New baseline saved."</p></Show>
        </section>
    }
}

#[component]
fn YourData() -> impl IntoView {
    let app = use_app();
    let usage = move || {
        app.log.track();
        app.with_repo_untracked(|r| usage_text(r.stored_units(), None))
            .unwrap_or_default()
    };
    let last = move || {
        app.log.track();
        match app.with_repo_untracked(|r| r.last_backup()).flatten() {
            Some(d) => format!("Last backup: {d}."),
            None => "No backup yet.".to_string(),
        }
    };
    view! {
        <section class="card" aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data"</h2>
            <p>"Everything stays on this device. Nothing is sent anywhere."</p>
            <p>{usage}</p>
            <p>{last}</p>
            <button type="button" class="primary" on:click=move |_| export_backup(app)>"Export a backup"</button>
            <button type="button" on:click=move |_| export_csv(app, true)>"Sessions as CSV"</button>
            <button type="button" on:click=move |_| export_csv(app, false)>"Check-ins as CSV"</button>
            <ImportBackup />
        </section>
    }
}
