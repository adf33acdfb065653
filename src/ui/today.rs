//! Today: what is due now, in order: the morning check-in, the session or
//! rest day, a tip or two, the flare-day button and the red-flag report.

use super::markup::{self, markup};
use super::state::{use_app, Screen};
use crate::engine::catalogue::{find_exercise, Stage};
use crate::engine::decide::{Decision, Phase, Why};
use crate::engine::edit::{done_for_today, finished_today, open_session};
use crate::engine::model::Side;
use crate::engine::plan::{DayPlan, Item, Plan};
use crate::engine::progress::Week;
use crate::engine::rules::MAX_ISOMETRIC_SESSIONS_PER_DAY;
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;

mod bad_day;

/// How many tips Today shows; the rest wait for another day.
const TIPS_SHOWN: usize = 2;

#[component]
pub fn Today() -> impl IntoView {
    let app = use_app();
    let stopped = move || {
        app.plan.with(|p| {
            p.as_ref()
                .is_none_or(|p| matches!(p.day, DayPlan::Stop { .. }))
        })
    };
    // The loading form sits between the plan's cards and the bad-day ones,
    // outside both, so what is typed in it survives their redraws.
    view! {
        {move || {
            app.plan.get().map(|p| match p.day {
                DayPlan::Stop { .. } => view! { <super::stop::Stop /> }.into_any(),
                _ => today_view(p).into_any(),
            })
        }}
        {super::widgets::show(move || !stopped(), ViewFn::from(|| {
            // Redrawn only when the flare day changes, so an open red-flag
            // list stays open while the plan is recomputed.
            let plan = use_app().plan;
            let flare = super::widgets::memo(move || plan.with(|p| p.as_ref().is_some_and(|p| p.flare_today)));
            view! {
                {super::loading::loading(true)}
                {move || bad_day::cards(flare.get())}
            }
        }))}
    }
}

fn today_view(p: Plan) -> impl IntoView {
    let app = use_app();
    // Count only the stages this goal reaches: daily life stops at stage 2.
    let goal = app
        .log
        .with_untracked(|l| l.as_ref().map(|l| l.settings.goal));
    let of = goal.map_or(4, |g| crate::engine::stage::stages_for(g).len());
    let resuming = app.log.with_untracked(|l| {
        l.as_ref()
            .and_then(|l| open_session(l, p.date).map(|_| ()))
            .is_some()
    });
    let (finished, done) = app.log.with_untracked(|l| {
        l.as_ref().map_or((0, false), |l| {
            (
                finished_today(l, p.date),
                done_for_today(l, p.date, p.stage),
            )
        })
    });
    let phase =
        |phase| -> Vec<&Decision> { p.decisions.iter().filter(|d| d.phase == phase).collect() };
    let (after, morning) = (phase(Phase::AfterSession), phase(Phase::NextMorning));

    let mut out = String::with_capacity(4096);
    let _ = write!(
        out,
        r#"<section aria-labelledby="today-heading" class="card"><h2 id="today-heading">Today</h2><p class="stage-line">Stage {} of {of}: {}</p>"#,
        p.stage.number(),
        esc(p.stage.name()),
    );
    week_line(&mut out, &p.week);
    out.push_str("</section>");
    // What changed today (a stage or level gained, a stage lost), said on
    // the day only, first; good news looks like good news.
    for n in &p.news {
        let _ = write!(
            out,
            r#"<section class="card {}" role="status"><h2>{}</h2><p>{}</p></section>"#,
            if n.good { "news-good" } else { "notice" },
            esc(&n.title),
            esc(&n.text)
        );
    }
    // A plan that may be wrong (part of the log unread), and a morning
    // above baseline that changed today's plan: say so first, with the
    // numbers, before the session they changed.
    let calls = [
        (
            "partial",
            "Your plan may be wrong",
            p.caution().map(String::from),
        ),
        (
            "call",
            "Today's plan follows this morning",
            p.morning_call.as_ref().map(|c| c.reason()),
        ),
    ];
    for (id, heading, text) in calls {
        if let Some(text) = text {
            let _ = write!(
                out,
                r#"<section aria-labelledby="{id}-heading" class="card notice"><h2 id="{id}-heading">{heading}</h2><p>{}</p></section>"#,
                esc(&text)
            );
        }
    }
    if p.check_in_due {
        check_in_card(&mut out, &p);
    } else if !morning.is_empty() {
        out.push_str(r#"<section aria-labelledby="changes-heading" class="card"><h2 id="changes-heading">After this morning's test</h2>"#);
        markup::decisions(&mut out, &morning);
        out.push_str("</section>");
    }
    session_card(&mut out, &p, resuming, finished, done);
    if !after.is_empty() {
        after_card(&mut out, &after);
    }
    // The advice comes most relevant first, the confounder note included.
    out.push_str(r#"<section aria-labelledby="tips-heading" class="card"><h2 id="tips-heading">Tips for today</h2><ul class="tips">"#);
    for tip in p.advice.iter().take(TIPS_SHOWN) {
        let _ = write!(out, "<li>{}</li>", esc(&tip.text));
    }
    out.push_str("</ul></section>");
    gate_card(&mut out, &p);
    markup(out, move |act, _| match act {
        "check-in" => app.go(Screen::CheckIn),
        "session" => app.go(Screen::Session),
        _ => {}
    })
}

/// "This week: 2 sessions, and 3 of 4 mornings at or under your
/// baseline.", once the week has anything in it.
fn week_line(out: &mut String, w: &Week) {
    if w.sessions + w.mornings == 0 {
        return;
    }
    let _ = write!(
        out,
        r#"<p class="week-line">This week: {} session{}"#,
        w.sessions,
        if w.sessions == 1 { "" } else { "s" }
    );
    if w.mornings > 0 {
        let _ = write!(
            out,
            ", and {} of {} morning{} at or under your baseline",
            w.settled,
            w.mornings,
            if w.mornings == 1 { "" } else { "s" }
        );
    }
    out.push_str(".</p>");
}

/// Straight after a session nothing changes yet: one plain line for the
/// exercises that went well, and only the ones to watch listed, each with
/// its reason (issue 14 point 4: no "Hold" on every exercise).
fn after_card(out: &mut String, after: &[&Decision]) {
    out.push_str(r#"<section aria-labelledby="done-heading" class="card"><h2 id="done-heading">Today's session</h2>"#);
    let (fine, watch): (Vec<&Decision>, Vec<&Decision>) = after
        .iter()
        .partition(|d| matches!(d.why, Why::AwaitingMorning));
    if !fine.is_empty() {
        out.push_str(r#"<p class="good-line">Pain stayed within your ceiling "#);
        if watch.is_empty() {
            out.push_str("on every exercise");
        } else {
            let mut names: Vec<&str> = fine
                .iter()
                .map(|d| find_exercise(d.exercise).map_or(d.exercise, |(_, _, e)| e.name))
                .collect();
            names.dedup();
            let _ = write!(out, "on {}", esc(&names.join(", ")));
        }
        out.push_str(". Tomorrow morning's check-in decides whether the doses go up.</p>");
    }
    if !watch.is_empty() {
        markup::decisions(out, &watch);
    }
    out.push_str("</section>");
}

fn check_in_card(out: &mut String, p: &Plan) {
    let why = match p.pending_session {
        Some(_) => "It decides what yesterday's session means for today.",
        None => "It keeps the plan honest about how the tendon is doing.",
    };
    let _ = write!(
        out,
        r#"<section aria-labelledby="checkin-heading" class="card due"><h2 id="checkin-heading">Morning check-in</h2><p>Do one {} and rate the pain.{} {why}</p><button type="button" class="primary" data-act="check-in">Start morning check-in</button></section>"#,
        esc(p.test.name()),
        baseline_words(p),
    );
}

/// " Your baseline is 2/10.", or nothing when it could not be read.
pub fn baseline_words(p: &Plan) -> String {
    if p.baseline_known {
        format!(" Your baseline is {}/10.", p.baseline)
    } else {
        String::new()
    }
}

const SESSION_CARD: &str =
    r#"<section aria-labelledby="session-heading" class="card"><h2 id="session-heading">"#;

fn session_card(out: &mut String, p: &Plan, resuming: bool, finished: usize, done: bool) {
    let previewed = p.decisions.iter().any(|d| d.phase == Phase::AfterSession);
    match &p.day {
        // Offering a finished heavy session or run again would log a second.
        // The card below it says what tomorrow's check-in decides, when
        // there is one: said once.
        DayPlan::Load { label } if done => {
            let _ = write!(
                out,
                "{SESSION_CARD}Today: {}, done</h2><p>Done for today.{}</p></section>",
                esc(label),
                if previewed {
                    ""
                } else {
                    " Tomorrow morning's check-in tells how the tendon took it."
                }
            );
        }
        DayPlan::Load { label } => {
            let _ = write!(out, "{SESSION_CARD}Today: {}</h2>", esc(label));
            if p.flare_today {
                out.push_str(r#"<p class="hint">Flare day: same doses, and go lighter if it feels right.</p>"#);
            }
            // Holds may be repeated, up to a few times a day (`000_…`).
            let again = finished > 0 && !resuming;
            if again {
                let times = if finished == 1 {
                    "once".to_string()
                } else {
                    format!("{finished} times")
                };
                let _ = write!(
                    out,
                    "<p>Done {times} today. You can do the holds up to {MAX_ISOMETRIC_SESSIONS_PER_DAY} times a day, a few hours apart, or leave it there.</p>"
                );
            }
            out.push_str(r#"<ul class="plan-items">"#);
            for item in &p.items {
                item_line(out, item);
            }
            let button = if resuming {
                "Resume session"
            } else if again {
                "Start another round"
            } else {
                "Start session"
            };
            out.push_str("</ul>");
            if !p.holds.is_empty() {
                let _ = write!(
                    out,
                    r#"<p class="hint">Warm-up, if you like: {}.</p>"#,
                    hold_names(p)
                );
            }
            let _ = write!(
                out,
                r#"<button type="button" class="primary" data-act="session">{button}</button></section>"#
            );
        }
        DayPlan::Rest { reason } => {
            let _ = write!(out, "{SESSION_CARD}Rest day</h2><p>{}</p>", esc(reason));
            // The holds of stage 1 suit a rest day too (`000_…`); once.
            if !p.holds.is_empty() && (finished == 0 || resuming) {
                let _ = write!(
                    out,
                    r#"<p>If you have time, holds are fine today: {}. They are optional.</p><button type="button" data-act="session">{}</button>"#,
                    hold_names(p),
                    if resuming {
                        "Resume holds"
                    } else {
                        "Do the holds"
                    },
                );
            }
            out.push_str("</section>");
        }
        DayPlan::Stop { .. } => {}
    }
}

/// The optional holds' exercises, each named once (one-leg holds are two items).
fn hold_names(p: &Plan) -> String {
    let mut names: Vec<&str> = p.holds.iter().map(|i| i.exercise.name).collect();
    names.dedup();
    esc(&names.join(", "))
}

fn item_line(out: &mut String, item: &Item) {
    let side = match item.side {
        Side::Both => String::new(),
        s => format!(" ({} leg)", s.label()),
    };
    let _ = write!(
        out,
        "<li><strong>{}{}</strong> <span>{}</span></li>",
        esc(item.exercise.name),
        esc(&side),
        esc(&item.dose.describe(item.exercise)),
    );
}

fn gate_card(out: &mut String, p: &Plan) {
    let Some(gate) = &p.next_gate else { return };
    let _ = write!(
        out,
        r#"<section aria-labelledby="gate-heading" class="card"><h2 id="gate-heading">Next: stage {}, {}</h2>"#,
        gate.to.number(),
        esc(&gate.to.name().to_ascii_lowercase()),
    );
    if gate.to == Stage::EnergyStorage {
        out.push_str("<p>Jumps come once heavy work is nearly pain-free on both legs.</p>");
    }
    markup::checks(out, &gate.checks);
    out.push_str("</section>");
}
