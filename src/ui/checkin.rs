//! The morning check-in: the self-test against the baseline, then what it
//! means for yesterday's exercises, and yesterday's other loading.

use super::markup::{self, markup};
use super::state::{use_app, Screen};
use super::widgets::{scale, show};
use crate::engine::decide::Phase;
use crate::engine::edit::Edit;
use crate::engine::model::{AffectedSide, EntryKind, Legs, Side};
use crate::ui::charts::esc;
use crate::ui::widgets::click;
use leptos::prelude::*;
use std::fmt::Write;

/// A morning rated this high is asked again before it is saved ("did you
/// mean 9?"): a guard against a slipped thumb, not a clinical threshold;
/// the 9 or 10 of issue 14. Saved, it points to the flare day and a
/// clinician.
const ASK_AGAIN_FROM: u8 = 9;

#[component]
pub fn CheckIn() -> impl IntoView {
    let app = use_app();
    // The one rating, or the left leg's when each leg is rated (a one-leg
    // test with both legs affected: issue 12 point 2).
    let rating = RwSignal::new(None::<u8>);
    let right = RwSignal::new(None::<u8>);
    // A very high rating waits here for "did you mean", then for its
    // pointer to the flare day; both drawn into `#ask` below the button.
    let asked = StoredValue::new(None::<(Edit, u8)>);
    let send = move |(edit, worst): (Edit, u8)| {
        if app.send(edit) && worst >= ASK_AGAIN_FROM {
            fill_ask(HIGH);
        }
    };
    let plan = move || app.plan.get();
    let done = move || plan().is_some_and(|p| !p.check_in_due);
    view! {
        <section aria-labelledby="morning-heading" class="card">
            <h2 id="morning-heading">"Morning check-in"</h2>
            {move || plan().map(|p| {
                let test = p.test.name();
                let per_leg = p.leg_baselines;
                let (two_legs, side) = test_form(&app);
                let key = crate::pose::sprite::self_test_key(p.test, two_legs);
                let (figure, words) = super::demo::split_figure(key, side);
                // What Save sends, once every scale asked is rated, with
                // the worst rating for the "did you mean" guard.
                let edit = move || {
                    let l = rating.get_untracked()?;
                    Some(match per_leg {
                        Some(_) => {
                            let r = right.get_untracked()?;
                            (Edit::MorningLegs(Legs { left: l, right: r }), l.max(r))
                        }
                        None => (Edit::Morning { rating: l }, l),
                    })
                };
                let scales = match per_leg {
                    // Both legs affected: left first, then right.
                    Some(b) => {
                        let hint = format!("Do one {test} on each leg now, the same way as always. Rate each leg on its own.");
                        let leg = |name: &str| format!("{name} leg: how much did the {test} hurt, 0 to 10?");
                        view! {
                            {scale(&leg("Left"), rating, Some((b.left, "your baseline")), &hint)}
                            {scale(&leg("Right"), right, Some((b.right, "your baseline")), "")}
                        }
                        .into_any()
                    }
                    None => {
                        let legend = format!("How much did the {test} hurt, 0 to 10?");
                        let hint = format!("Do one {test} now, the same way as always.{}", super::today::baseline_words(&p));
                        // No mark for a baseline that could not be read.
                        scale(&legend, rating, p.baseline_known.then_some((p.baseline, "your baseline")), &hint)
                    }
                };
                view! {
                    {figure}
                    {scales}
                    <button type="button" class="primary big" prop:disabled=move || rating.get().is_none() || (per_leg.is_some() && right.get().is_none())
                        on:click=click(move || match edit() {
                            Some((e, r)) if r >= ASK_AGAIN_FROM => {
                                asked.set_value(Some((e, r)));
                                fill_ask(&format!(r#"<div class="notice" role="alert"><p>Did you mean {r}? That is about as bad as pain gets.</p><button type="button" class="primary" data-act="yes">Yes, {r}</button><button type="button" class="link" data-act="no">No, change it</button></div>"#));
                            }
                            Some(e) => send(e),
                            None => {}
                        })>
                        {move || if done() { "Update check-in" } else { "Save check-in" }}
                    </button>
                    {markup(words, |_, _| {})}
                }
            })}
        </section>
        {markup(r#"<div id="ask"></div>"#.to_string(), move |act, _| {
            fill_ask("");
            match act {
                "yes" => {
                    if let Some(e) = asked.get_value() {
                        send(e);
                    }
                }
                "flare" if app.send(Edit::Flare) => fill_ask("<p role=\"status\">Today is marked as a flare day.</p>"),
                _ => {}
            }
        })}
        {show(done, ViewFn::from(|| view! { <Decisions /> {super::loading::loading(false)} }))}
        <button type="button" on:click=click(move || app.go(Screen::Today))>"Back to today"</button>
    }
}

const HIGH: &str = r#"<section aria-labelledby="high-heading" class="card notice"><h2 id="high-heading">A very bad morning</h2><p>Go easy today. Mark it as a flare day: everything holds, with no penalty. If the pain came on suddenly, keeps rising, or wakes you at night, see a clinician soon.</p><button type="button" data-act="flare">Mark today as a flare day</button></section>"#;

fn fill_ask(html: &str) {
    if let Some(el) = document().get_element_by_id("ask") {
        el.set_inner_html(html);
    }
}

/// How the test is done: on two legs or one (as the latest baseline says),
/// and on which leg, the sore one.
fn test_form(app: &crate::ui::state::AppState) -> (bool, Side) {
    app.log.with_untracked(|log| {
        let Some(log) = log else {
            return (false, Side::Left);
        };
        let two = log.entries.iter().rev().find_map(|e| match &e.kind {
            EntryKind::Baseline(b) => Some(b.two_legs),
            _ => None,
        });
        let side = match log.settings.affected {
            AffectedSide::Right => Side::Right,
            _ => Side::Left,
        };
        (two.unwrap_or(false), side)
    })
}

/// Yesterday's exercises, each with its decision and the reason.
#[component]
fn Decisions() -> impl IntoView {
    let app = use_app();
    move || {
        let p = app.plan.get()?;
        let decisions: Vec<_> = p
            .decisions
            .iter()
            .filter(|d| d.phase == Phase::NextMorning)
            .collect();
        let mut out = String::from(
            r#"<section aria-labelledby="decisions-heading" class="card"><h2 id="decisions-heading">What this means for yesterday's exercises</h2>"#,
        );
        if decisions.is_empty() {
            out.push_str("<p>No session yesterday, so nothing changes. The check-in still counts towards your next stage.</p>");
        }
        markup::decisions(&mut out, &decisions);
        if let Some(c) = &p.confounder {
            let _ = write!(out, r#"<p class="note" role="note">{}</p>"#, esc(c));
        }
        out.push_str("</section>");
        Some(markup(out, |_, _| {}))
    }
}
