//! Settings: every onboarding answer can be changed, a new self-test
//! baseline can be set, and the data on this device can be backed up.

use super::data::{export_csv, ImportBackup};
use super::markup::{chosen, markup, radios, say, tick, ticked, Scale};
use super::onboarding::{self_test_label, EQUIPMENT, GOALS, SIDES};
use super::state::use_app;

use crate::engine::edit::Edit;
use crate::engine::model::{Baseline, Extra, SelfTest, Settings};
use crate::engine::rules::MAX_PAIN_CEILING;
use crate::num::Num;
use crate::storage::durability::{backup_due, usage_text};
use crate::storage::Notice;
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;

pub use super::data::export_backup;

#[component]
pub fn SettingsScreen() -> impl IntoView {
    let app = use_app();
    let Some(current) = app.log.get_untracked().map(|l| l.settings) else {
        return ().into_any();
    };
    view! {
        {answers(&current)}
        <NewBaseline />
        <super::reminder::ReminderSetting />
        {super::alert::spoken_setting()}
        <YourData />
    }
    .into_any()
}

/// The onboarding answers that can change, drawn as markup with the
/// current ones ticked, and read back from the page on Save.
fn answers(now: &Settings) -> AnyView {
    let app = use_app();
    let mut html = String::from(
        r#"<section class="card" aria-labelledby="settings-heading"><h2 id="settings-heading">Your answers</h2>"#,
    );
    radios(
        &mut html,
        "Which side hurts?",
        "side",
        &labels(&SIDES),
        at(&SIDES, now.affected),
    );
    radios(
        &mut html,
        "What do you want to get back to?",
        "goal",
        &labels(&GOALS),
        at(&GOALS, now.goal),
    );
    Scale {
        name: "ceiling",
        legend: "Your pain ceiling during exercise",
        max: MAX_PAIN_CEILING,
        value: Some(now.pain_ceiling),
        hint: "The most pain you are happy to work with during an exercise, 0 to 5.",
        mark: None,
    }
    .draw(&mut html);
    html.push_str("<fieldset><legend>Equipment you have</legend>");
    for (i, (e, label)) in EQUIPMENT.iter().enumerate() {
        tick(
            &mut html,
            &format!("kit-{i}"),
            label,
            now.equipment.contains(e),
        );
    }
    html.push_str(r#"</fieldset><button type="button" class="primary" data-act="save">Save answers</button><p role="status" id="answers-status"></p></section>"#);
    markup(html, move |act, _| {
        let Some(mut s) = app
            .log
            .get_untracked()
            .map(|l| l.settings)
            .filter(|_| act == "save")
        else {
            return;
        };
        if let Some(i) = chosen("side", SIDES.len() - 1) {
            s.affected = SIDES[i].0;
        }
        if let Some(i) = chosen("goal", GOALS.len() - 1) {
            s.goal = GOALS[i].0;
        }
        if let Some(c) = chosen("ceiling", MAX_PAIN_CEILING.into()) {
            s.pain_ceiling = c as u8;
        }
        s.equipment = EQUIPMENT
            .iter()
            .enumerate()
            .filter(|(i, _)| ticked(&format!("kit-{i}")))
            .map(|(_, (e, _))| *e)
            .collect();
        // Emptied on a failure, so an earlier "Saved." cannot stand next
        // to the error.
        let saved = app.send(Edit::Settings(s));
        say(
            "answers-status",
            if saved {
                "Saved. Your plan follows these from today on; past days keep the answers they had."
            } else {
                ""
            },
        );
    })
}

/// A list's labels, for [`radios`].
fn labels<T>(list: &[(T, &'static str)]) -> Vec<&'static str> {
    list.iter().map(|(_, l)| *l).collect()
}

/// Where `v` is in a list, for [`radios`].
fn at<T: PartialEq>(list: &[(T, &'static str)], v: T) -> Option<usize> {
    list.iter().position(|(x, _)| *x == v)
}

/// A new self-test or baseline applies from today; past decisions keep theirs.
#[component]
fn NewBaseline() -> impl IntoView {
    let app = use_app();
    let tests: Vec<_> = SelfTest::ALL.iter().map(|t| self_test_label(*t)).collect();
    let now = app
        .plan
        .get_untracked()
        .and_then(|p| SelfTest::ALL.iter().position(|t| *t == p.test));
    let mut html = String::new();
    radios(&mut html, "Daily self-test", "new-test", &tests, now);
    Scale {
        name: "new-rating",
        legend: "Do it once now: how much does it hurt?",
        max: 10,
        value: None,
        hint: "",
        mark: None,
    }
    .draw(&mut html);
    html.push_str(r#"<button type="button" data-act="save">Set new baseline</button><p role="status" id="baseline-status"></p>"#);
    let form = markup(html, move |act, _| {
        if act != "save" {
            return;
        }
        let test = chosen("new-test", SelfTest::ALL.len() - 1).map(|i| SelfTest::ALL[i]);
        let Some(rating) = chosen("new-rating", 10) else {
            return say("baseline-status", "Rate the test first, 0 to 10.");
        };
        let saved = test.is_some_and(|test| {
            app.send(Edit::Baseline(Baseline {
                test,
                two_legs: false,
                rating: rating as u8,
                legs: None,
                extra: Extra::new(),
            }))
        });
        say(
            "baseline-status",
            if saved { "New baseline saved." } else { "" },
        );
    });
    view! {
        <section class="card" aria-labelledby="baseline-heading">
            <h2 id="baseline-heading">"Self-test and baseline"</h2>
            <p class="hint">{move || app.plan.get().map(|p| format!("Now: {}, baseline {}/10. A new baseline applies from today on.", p.test.name(), p.baseline))}</p>
            {form}
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
