//! The form that corrects one past entry: a morning's rating on the 0-10
//! scale; a session's sets (reps or seconds, kg, pain) and how it felt
//! after; an activity's numbers. Saving sends one `Edit::Replace` under the
//! entry's own id, with fields this build does not know kept as they were.
//!
//! The form is drawn as markup (`ui::markup`) and Save reads the fields
//! back from the page: nothing else needs their values while the form is
//! open, so a signal per field would only add code to every phone's
//! download.

use super::entries::kind_words;
use crate::engine::catalogue::{find_exercise, Measure};
use crate::engine::dose::kg;
use crate::engine::edit::Edit;
use crate::engine::model::{Activity, ActivityKind, Entry, EntryKind, Legs, Log, Response, Side};
use crate::ui::charts::{day_label, esc};
use crate::ui::markup::{chosen, input, markup, radios, say, text, tick, ticked, Scale};
use crate::ui::state::use_app;
use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// The baseline in force on `date`, per leg: the latest one set on or
/// before it.
fn baseline_on(log: &Log, date: NaiveDate) -> Option<Legs> {
    log.entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Baseline(b) if e.date <= date => Some((e.date, b.per_leg())),
            _ => None,
        })
        .max_by_key(|(d, _)| *d)
        .map(|(_, r)| r)
}

fn number(text: &str) -> Option<f32> {
    crate::ui::widgets::parse_decimal(text)
        .map(|v| v as f32)
        .filter(|v| v.is_finite())
}

fn whole(text: &str) -> Option<u16> {
    text.trim().parse::<u16>().ok()
}

fn text_field(out: &mut String, id: &str, label: &str, value: &str, mode: &str) {
    out.push_str(r#"<div class="field">"#);
    input(out, id, label, value, mode);
    out.push_str("</div>");
}

const RESPONSES: [Response; 3] = [Response::Better, Response::Same, Response::Worse];

fn session_form(out: &mut String, key: &str, s: &crate::engine::model::Session) {
    for (bi, b) in s.blocks.iter().enumerate() {
        let found = find_exercise(&b.exercise).map(|(_, _, e)| e);
        let name = found.map_or(b.exercise.as_str(), |e| e.name);
        let side = match b.side {
            Side::Both => String::new(),
            s => format!(", {} leg", s.label()),
        };
        let unit = match found.map(|e| e.measure) {
            Some(Measure::HoldSeconds) => "Seconds",
            Some(Measure::Minutes) => "Minutes",
            _ => "Reps",
        };
        let loaded = found.is_some_and(|e| e.dose.loadable()) || b.sets.iter().any(|s| s.kg > 0.0);
        let _ = write!(
            out,
            r#"<fieldset class="block-edit"><legend>{}{side}</legend>"#,
            esc(name)
        );
        for (i, set) in b.sets.iter().enumerate() {
            let id = format!("{key}-{bi}-{i}");
            let no = i + 1;
            let _ = write!(
                out,
                r#"<div class="set-row" role="group" aria-label="Set {no}"><span class="set-no" aria-hidden="true">Set {no}</span>"#
            );
            text_field(out, &format!("{id}-n"), unit, &set.n.to_string(), "numeric");
            if loaded {
                text_field(out, &format!("{id}-kg"), "kg", &kg(set.kg), "decimal");
            }
            let _ = write!(
                out,
                r#"<div class="field"><label for="{id}-pain">Pain</label><select id="{id}-pain" class="select">"#
            );
            // An unrated set stays unrated unless a rating is picked: it is
            // never saved back as 0/10.
            if set.pain.is_none() {
                out.push_str(r#"<option value="" selected>Not rated</option>"#);
            }
            for p in 0..=10u8 {
                let chosen = if Some(p) == set.pain { " selected" } else { "" };
                let _ = write!(out, r#"<option value="{p}"{chosen}>{p}</option>"#);
            }
            out.push_str("</select></div></div>");
        }
        out.push_str("</fieldset>");
    }
    let now = RESPONSES.iter().position(|r| s.response == Some(*r));
    let name = format!("{key}-response");
    let labels = ["Better", "The same", "Worse"];
    radios(out, "Right after, the tendon felt", &name, &labels, now);
}

fn read_session(key: &str, mut s: crate::engine::model::Session) -> Result<EntryKind, String> {
    for (bi, b) in s.blocks.iter_mut().enumerate() {
        let name = find_exercise(&b.exercise).map_or(b.exercise.as_str(), |(_, _, e)| e.name);
        for (i, set) in b.sets.iter_mut().enumerate() {
            let id = format!("{key}-{bi}-{i}");
            let at = format!("Set {} of {name}", i + 1);
            set.n = whole(&text(&format!("{id}-n")))
                .filter(|n| *n >= 1)
                .ok_or(format!("{at}: enter a whole number from 1 to 600."))?;
            // A session logged without weights has no kg field: it stays 0.
            if document().get_element_by_id(&format!("{id}-kg")).is_some() {
                set.kg = number(&text(&format!("{id}-kg")))
                    .ok_or(format!("{at}: enter the weight in kg, such as 12.5, or 0."))?;
            }
            set.pain = text(&format!("{id}-pain")).parse().ok().or(set.pain);
        }
    }
    s.response = chosen(&format!("{key}-response"), 2).map(|i| RESPONSES[i]);
    Ok(EntryKind::Session(s))
}

fn activity_form(out: &mut String, key: &str, a: &ActivityKind) {
    match *a {
        ActivityKind::Run {
            km,
            minutes,
            hills,
            fast,
        } => {
            text_field(
                out,
                &format!("{key}-km"),
                "Distance (km)",
                &kg(km),
                "decimal",
            );
            let m = minutes.to_string();
            text_field(out, &format!("{key}-min"), "Time (minutes)", &m, "numeric");
            tick(out, &format!("{key}-hills"), "Hills", hills);
            tick(out, &format!("{key}-fast"), "Fast running or sprints", fast);
        }
        ActivityKind::Sitting { hours } => text_field(
            out,
            &format!("{key}-hours"),
            "Hours of sitting",
            &kg(hours),
            "decimal",
        ),
        ActivityKind::Stretching { deep_hip_flexion } => tick(
            out,
            &format!("{key}-deep"),
            "Stretches that fold forward at the hip",
            deep_hip_flexion,
        ),
        ActivityKind::Cycling { minutes }
        | ActivityKind::Sport { minutes }
        | ActivityKind::Walk { minutes } => text_field(
            out,
            &format!("{key}-min"),
            "Minutes",
            &minutes.to_string(),
            "numeric",
        ),
    }
}

fn read_activity(key: &str, kind: &ActivityKind) -> Result<EntryKind, String> {
    let bad = |what: &str| format!("Enter the {what} as a number.");
    let minutes = || whole(&text(&format!("{key}-min")));
    let kind = match kind {
        ActivityKind::Run { .. } => ActivityKind::Run {
            km: number(&text(&format!("{key}-km"))).ok_or(bad("distance"))?,
            minutes: minutes().ok_or(bad("time"))?,
            hills: ticked(&format!("{key}-hills")),
            fast: ticked(&format!("{key}-fast")),
        },
        ActivityKind::Sitting { .. } => ActivityKind::Sitting {
            hours: number(&text(&format!("{key}-hours"))).ok_or(bad("hours"))?,
        },
        ActivityKind::Stretching { .. } => ActivityKind::Stretching {
            deep_hip_flexion: ticked(&format!("{key}-deep")),
        },
        ActivityKind::Cycling { .. } => ActivityKind::Cycling {
            minutes: minutes().ok_or(bad("minutes"))?,
        },
        ActivityKind::Sport { .. } => ActivityKind::Sport {
            minutes: minutes().ok_or(bad("minutes"))?,
        },
        ActivityKind::Walk { .. } => ActivityKind::Walk {
            minutes: minutes().ok_or(bad("minutes"))?,
        },
    };
    Ok(EntryKind::Activity(Activity { kind }))
}

/// The form's fields read back into the entry's new contents, or what is
/// wrong with them.
fn read(key: &str, kind: &EntryKind) -> Result<EntryKind, String> {
    match kind {
        EntryKind::Morning(m) => {
            let mut m = m.clone();
            let pick = |k: &str| {
                chosen(&format!("{key}-{k}"), 10)
                    .map(|r| r as u8)
                    .ok_or("Choose a rating from 0 to 10.")
            };
            // Rated per leg, each leg is corrected on its own.
            if m.legs.is_some() {
                let legs = Legs {
                    left: pick("l")?,
                    right: pick("r")?,
                };
                m.rating = legs.higher();
                m.legs = Some(legs);
            } else {
                m.rating = pick("r")?;
            }
            Ok(EntryKind::Morning(m))
        }
        EntryKind::Session(s) => read_session(key, s.clone()),
        EntryKind::Activity(a) => read_activity(key, &a.kind),
        _ => Err("This entry cannot be corrected here.".into()),
    }
}

/// The correction form for `entry`; `done` gets what to tell the user, or
/// nothing on Cancel.
pub fn correct(entry: Entry, done: Callback<Option<String>>) -> AnyView {
    let app = use_app();
    let when = day_label(entry.date, app.today.get_untracked().year());
    let what = kind_words(&entry.kind);
    let key = format!("fix-{}", entry.id);
    let mut html = format!(
        r#"<div class="correct" id="{key}" role="group" tabindex="-1" aria-label="Correct the {what} of {}">"#,
        esc(&when)
    );
    match &entry.kind {
        EntryKind::Morning(m) => {
            let baseline = app
                .log
                .with_untracked(|l| l.as_ref().and_then(|l| baseline_on(l, entry.date)));
            let scales = match m.legs {
                Some(l) => vec![
                    ("l", "Left leg's m", l.left, Side::Left),
                    ("r", "Right leg's m", l.right, Side::Right),
                ],
                None => vec![("r", "M", m.rating, Side::Both)],
            };
            for (k, leg, value, side) in scales {
                Scale {
                    name: &format!("{key}-{k}"),
                    legend: &format!("{leg}orning test on {when}, 0 to 10"),
                    max: 10,
                    value: Some(value),
                    hint: "",
                    mark: baseline.map(|b| (b.get(side), "your baseline")),
                }
                .draw(&mut html);
            }
        }
        EntryKind::Session(s) => session_form(&mut html, &key, s),
        EntryKind::Activity(a) => activity_form(&mut html, &key, &a.kind),
        _ => {}
    }
    let _ = write!(
        html,
        r#"<p class="error" role="alert" id="{key}-error"></p><button type="button" class="primary" data-act="save">Save correction</button><button type="button" class="link" data-act="cancel">Cancel</button></div>"#
    );
    // Focus moves into the form that replaced the Correct button.
    let group = key.clone();
    request_animation_frame(move || {
        if let Some(g) = document().get_element_by_id(&group) {
            let _ = g.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    });
    markup(html, move |act, _| {
        let problem = match act {
            "save" => match read(&key, &entry.kind) {
                Ok(kind) => {
                    let fixed = Entry {
                        kind,
                        ..entry.clone()
                    };
                    if app.send(Edit::Replace(fixed)) {
                        return done.run(Some(format!(
                            "Corrected the {what} of {when}. Today's plan has been worked out again."
                        )));
                    }
                    app.error.get_untracked()
                }
                Err(message) => Some(message),
            },
            "cancel" => return done.run(None),
            _ => return,
        };
        say(&format!("{key}-error"), &problem.unwrap_or_default());
    })
}
