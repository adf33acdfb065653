//! Settings: every onboarding answer can be changed, a new self-test
//! baseline can be set, and the data on this device can be backed up.

use super::data::{export_csv, ImportBackup};
use super::markup::markup;
use super::onboarding::{self_test_label, EQUIPMENT, GOALS, SIDES};
use super::state::use_app;
use super::widgets::{radios, show, tick, CollectAny, Scale};
use crate::engine::edit::Edit;
use crate::engine::model::{Baseline, Extra, SelfTest};
use crate::engine::rules::MAX_PAIN_CEILING;
use crate::num::Num;
use crate::storage::durability::{backup_due, usage_text};
use crate::storage::Notice;
use crate::ui::charts::esc;
use crate::ui::widgets::click;
use leptos::prelude::*;
use std::fmt::Write;

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
    let save = click(move || {
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
    });
    view! {
        <section class="card" aria-labelledby="settings-heading">
            <h2 id="settings-heading">"Your answers"</h2>
            {radios("Which side hurts?", "side".into(), &SIDES, side)}
            {radios("What do you want to get back to?", "goal".into(), &GOALS, goal)}
            <Scale legend="Your pain ceiling during exercise".to_string() value=ceiling max=MAX_PAIN_CEILING
                hint="The most pain you are happy to work with during an exercise, 0 to 5.".to_string() />
            <fieldset>
                <legend>"Equipment you have"</legend>
                {equipment.iter().map(|(_, label, s)| tick(label, *s)).collect_any()}
            </fieldset>
            <button type="button" class="primary" on:click=save>"Save answers"</button>
            {show(move || saved.get(), ViewFn::from(|| view! { <p role="status">"Saved. Your plan now follows these answers."</p> }))}
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
    let save = click(move || {
        if let (Some(test), Some(rating)) = (test.get_untracked(), rating.get_untracked()) {
            saved.set(app.send(Edit::Baseline(Baseline {
                test,
                two_legs: false,
                rating,
                extra: Extra::new(),
            })));
        }
    });
    view! {
        <section class="card" aria-labelledby="baseline-heading">
            <h2 id="baseline-heading">"Self-test and baseline"</h2>
            <p class="hint">{move || app.plan.get().map(|p| format!("Now: {}, baseline {}/10. A new baseline applies from today on.", p.test.name(), p.baseline))}</p>
            {radios("Daily self-test", "new-test".into(), &tests, test)}
            <Scale legend="Do it once now: how much does it hurt?".to_string() value=rating />
            <button type="button" prop:disabled=move || rating.get().is_none() on:click=save>"Set new baseline"</button>
            {show(move || saved.get(), ViewFn::from(|| view! { <p role="status">"New baseline saved."</p> }))}
        </section>
    }
}

/// Where the log lives, how much room it takes, whether the browser keeps
/// it, when it was last backed up, and the backup and CSV buttons.
#[component]
fn YourData() -> impl IntoView {
    let app = use_app();
    let site = RwSignal::new(None::<(f64, f64)>);
    #[cfg(target_arch = "wasm32")]
    crate::storage::browser::estimate(move |e| {
        let _ = site.try_set(e);
    });
    let usage = move || {
        app.log.track();
        if app.notices.with(|n| n.contains(&Notice::InMemoryOnly)) {
            return "Nothing is stored on this device: this browser isn't letting the app \
                save. Export a backup before you close this page."
                .to_string();
        }
        let persisted = app.persisted.get();
        app.with_repo_untracked(|r| usage_text(r.stored_units(), persisted))
            .unwrap_or_default()
    };
    let site_line = move || {
        site.get().map(|(used, quota)| {
            format!(
                "With the app's own offline files, this site uses {} of the {} this browser allows it.",
                bytes(used),
                bytes(quota)
            )
        })
    };
    let last = move || {
        let last = app.with_repo_untracked(|r| r.last_backup()).flatten();
        // The log is tracked: exporting records the date through it.
        let due = app.log.with(|l| {
            l.as_ref()
                .is_some_and(|l| backup_due(l, last, app.today.get()).is_some())
        });
        let due = if due { " Time for a fresh one." } else { "" };
        match last {
            Some(d) => format!("Last backup: {d}.{due}"),
            None => format!("No backup yet.{due}"),
        }
    };
    // What is stored and when it was last backed up, redrawn as that
    // changes; the buttons below stay put, so an export keeps focus.
    let info = move || {
        let mut out = format!("<p>{}</p>", esc(&usage()));
        if let Some(line) = site_line() {
            let _ = write!(out, "<p>{}</p>", esc(&line));
        }
        let _ = write!(out, "<p>{}</p>", esc(&last()));
        markup(out, |_, _| {})
    };
    let actions = r#"<div class="actions"><button type="button" class="primary" data-act="backup">Export a backup</button><button type="button" data-act="sessions">Sessions as CSV</button><button type="button" data-act="mornings">Check-ins as CSV</button></div>"#;
    view! {
        <section class="card" aria-labelledby="data-heading">
            <h2 id="data-heading">"Your data"</h2>
            <p>"Everything stays in this browser on this device. Nothing is sent anywhere, so a backup file is the only copy elsewhere."</p>
            {info}
            {markup(actions.to_string(), move |act, _| match act {
                "backup" => export_backup(app),
                "sessions" => export_csv(app, true),
                "mornings" => export_csv(app, false),
                _ => {}
            })}
            <ImportBackup />
        </section>
    }
}

/// Bytes as a phone's settings would say them.
fn bytes(n: f64) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = KB * 1024.0;
    const GB: f64 = MB * 1024.0;
    if n >= GB {
        format!("{:.1} GB", Num(n / GB))
    } else if n >= MB {
        format!("{:.1} MB", Num(n / MB))
    } else {
        format!("{} KB", Num((n / KB).ceil()))
    }
}
