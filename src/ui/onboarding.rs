//! First run, one topic a step: red flags, side, goal, how irritable the
//! tendon is, the pain ceiling, equipment, the daily self-test shown and
//! then rated for a first baseline. Everything can be changed later in
//! settings.

use super::markup::{chosen, markup, radios, say, tick, ticked, Scale};
use super::state::use_app;
use crate::engine::model::*;
use crate::engine::rules::{DEFAULT_PAIN_CEILING, MAX_PAIN_CEILING};
use crate::sorted::SortedSet;
use leptos::prelude::*;
use std::fmt::Write;

mod steps;
use steps::{close_step, go, open_step, save_draft, shown_step, Draft, DRAFT, STEPS};

pub const EQUIPMENT: [(Equipment, &str); 7] = [
    (Equipment::Bench, "A bench, sturdy chair or step"),
    (Equipment::Sliders, "Sliders, or a towel on a smooth floor"),
    (Equipment::Weights, "A kettlebell or dumbbells"),
    (Equipment::Barbell, "A barbell"),
    (Equipment::Band, "A resistance band"),
    (Equipment::CurlMachine, "A hamstring curl machine"),
    (
        Equipment::RomanChair,
        "A Roman chair (back extension bench)",
    ),
];

pub const GOALS: [(Goal, &str); 3] = [
    (Goal::DailyLife, "Everyday life: sitting, walking, work"),
    (Goal::Running, "Running"),
    (Goal::Sport, "Sport, sprinting included"),
];

pub const SIDES: [(AffectedSide, &str); 3] = [
    (AffectedSide::Left, "Left"),
    (AffectedSide::Right, "Right"),
    (AffectedSide::Both, "Both"),
];

const IRRITABILITY: [&str; 5] = [
    "It aches even at rest",
    "Pain after activity lasts into the next day or longer",
    "Sitting for less than 30 minutes hurts",
    "It has been getting worse for months",
    "Running hurts even when slow, short and flat",
];

/// The answers the plan cannot start without: each radio group's name,
/// its last index, and how the form asks for it.
const NEEDED: [(&str, usize, &str); 4] = [
    ("side", SIDES.len() - 1, "which side hurts"),
    ("goal", GOALS.len() - 1, "your goal"),
    ("self-test", SelfTest::ALL.len() - 1, "a daily self-test"),
    ("baseline", 10, "a first rating of that test"),
];

/// What is still missing on the page's form.
fn missing() -> Vec<&'static str> {
    NEEDED
        .into_iter()
        .filter(|(name, last, _)| chosen(name, *last).is_none())
        .map(|(.., what)| what)
        .collect()
}

fn still_needed(missing: &[&str]) -> String {
    if missing.is_empty() {
        String::new()
    } else {
        format!("Still needed: {}.", missing.join(", "))
    }
}

/// The demonstration of the self-test picked, in the figure `id`, so the
/// baseline rates the right movement.
fn show_test(id: &str, test: usize, side: Option<usize>, two_legs: bool) {
    let side = match side.map(|s| SIDES[s].0) {
        Some(AffectedSide::Right) => Side::Right,
        _ => Side::Left,
    };
    let key = crate::pose::sprite::self_test_key(SelfTest::ALL[test], two_legs);
    super::demo::fill(id.to_string(), key, side);
}

/// The first-run form, drawn as markup, one step on screen at a time.
/// Every change updates what is still needed and keeps the draft; Start
/// reads the answers back from the page.
pub fn onboarding() -> AnyView {
    let app = use_app();
    let draft = Draft::load();
    let shown = draft.step;
    let left = NEEDED
        .into_iter()
        .filter(|(name, last, _)| draft.choice(name, *last).is_none())
        .map(|(.., what)| what)
        .collect::<Vec<_>>();
    let ready = left.is_empty();
    let mut html = String::from(r#"<form class="onboarding" novalidate data-change="need">"#);
    open_step(&mut html, 0, shown);
    html.push_str(r#"<h2>Welcome</h2><p>A gradual loading programme for deep sit-bone pain (proximal hamstring tendinopathy).</p><p>It adjusts to how your tendon answers each next morning.</p><p class="notice"><strong>A self-management aid, not a diagnosis.</strong> Unsure of the cause, or worried by anything you are about to see? See a clinician.</p><p class="hint">A few short questions first, one at a time. You can change every answer later in settings.</p>"#);
    close_step(&mut html, 0, ready);
    open_step(&mut html, 1, shown);
    html.push_str(r#"<fieldset><legend>Have you had any of these?</legend><p class="hint">Tick any that apply. They need a clinician before this programme.</p>"#);
    for (i, f) in RedFlag::ALL.iter().enumerate() {
        let id = format!("flag-{i}");
        tick(&mut html, &id, f.question(), draft.has(&id));
    }
    html.push_str("</fieldset>");
    close_step(&mut html, 1, ready);
    open_step(&mut html, 2, shown);
    let side = draft.choice("side", SIDES.len() - 1);
    radios(
        &mut html,
        "Which side hurts?",
        "side",
        &SIDES.map(|(_, l)| l),
        side,
    );
    close_step(&mut html, 2, ready);
    open_step(&mut html, 3, shown);
    let goal = draft.choice("goal", GOALS.len() - 1);
    radios(
        &mut html,
        "What do you want to get back to?",
        "goal",
        &GOALS.map(|(_, l)| l),
        goal,
    );
    close_step(&mut html, 3, ready);
    open_step(&mut html, 4, shown);
    html.push_str(r#"<fieldset><legend>Which of these are true for you?</legend><p class="hint">They tell us where to start: gentle holds first if the tendon is easily upset.</p>"#);
    for (i, label) in IRRITABILITY.iter().enumerate() {
        let id = format!("irr-{i}");
        tick(&mut html, &id, label, draft.has(&id));
    }
    html.push_str("</fieldset>");
    close_step(&mut html, 4, ready);
    open_step(&mut html, 5, shown);
    Scale {
        name: "ceiling",
        legend: "Your pain ceiling during exercise",
        max: MAX_PAIN_CEILING,
        value: Some(draft.choice("ceiling", MAX_PAIN_CEILING.into()).map_or(DEFAULT_PAIN_CEILING, |c| c as u8)),
        hint: "The most pain you are happy to work with during an exercise, 0 to 5. Some discomfort is normal and safe; 3 suits most people.",
        mark: None,
    }
    .draw(&mut html);
    close_step(&mut html, 5, ready);
    open_step(&mut html, 6, shown);
    html.push_str(r#"<fieldset><legend>What equipment do you have?</legend>"#);
    for (i, (_, label)) in EQUIPMENT.iter().enumerate() {
        let id = format!("kit-{i}");
        tick(&mut html, &id, label, draft.has(&id));
    }
    html.push_str("</fieldset>");
    close_step(&mut html, 6, ready);
    open_step(&mut html, 7, shown);
    let tests = SelfTest::ALL.map(self_test_label);
    let test = draft.choice("self-test", SelfTest::ALL.len() - 1);
    radios(
        &mut html,
        "Pick your daily self-test",
        "self-test",
        &tests,
        test,
    );
    html.push_str(r#"<p class="hint">One rep every morning, done the same way, rated 0-10. Pick one you can do on one leg with some but tolerable pain; the walk suits you if none of them is.</p><figure class="demo" id="test-demo"></figure>"#);
    tick(
        &mut html,
        "two-legs",
        "I'll do it on two legs (one leg is too painful)",
        draft.has("two-legs"),
    );
    close_step(&mut html, 7, ready);
    open_step(&mut html, 8, shown);
    html.push_str(r#"<figure class="demo" id="rate-demo"></figure>"#);
    Scale {
        name: "baseline",
        legend: "Do it once now: how much does it hurt, 0 to 10?",
        max: 10,
        value: draft.choice("baseline", 10).map(|b| b as u8),
        hint: "This is your baseline. Mornings are compared with it.",
        mark: None,
    }
    .draw(&mut html);
    let _ = write!(
        html,
        r#"<p class="hint" role="status" id="still-needed">{}</p>"#,
        still_needed(&left)
    );
    close_step(&mut html, 8, ready);
    html.push_str(r#"<p class="hint" role="status" id="step-need"></p></form>"#);
    if let Some(t) = test {
        for id in ["test-demo", "rate-demo"] {
            show_test(id, t, side, draft.has("two-legs"));
        }
    }
    markup(html, move |act, _| {
        let missing = missing();
        match act {
            "need" => {
                if let Some(t) = chosen("self-test", SelfTest::ALL.len() - 1) {
                    for id in ["test-demo", "rate-demo"] {
                        show_test(id, t, chosen("side", SIDES.len() - 1), ticked("two-legs"));
                    }
                }
                say("still-needed", &still_needed(&missing));
                say("step-need", "");
                enable_start(missing.is_empty());
                save_draft(shown_step());
            }
            "next" => {
                let at = shown_step();
                match STEPS[at].and_then(|name| NEEDED.iter().find(|n| n.0 == name)) {
                    Some((name, last, _)) if chosen(name, *last).is_none() => {
                        say("step-need", "Choose one to go on.");
                    }
                    _ => go(at, at + 1),
                }
            }
            "back" => {
                let at = shown_step();
                go(at, at.saturating_sub(1));
            }
            "start" if missing.is_empty() => start(app),
            _ => {}
        }
    })
}

fn enable_start(on: bool) {
    if let Some(b) = document().get_element_by_id("start") {
        let _ = js_sys::Reflect::set(&b, &"disabled".into(), &(!on).into());
    }
}

/// Starts the plan from the form's answers (all there: [`missing`] is
/// empty).
fn start(app: crate::ui::state::AppState) {
    let pick = |name, last| chosen(name, last).unwrap_or(0);
    let [rest, past_day, sitting, worsening, cannot_run] =
        std::array::from_fn(|i| ticked(&format!("irr-{i}")));
    let settings = Settings {
        affected: SIDES[pick("side", SIDES.len() - 1)].0,
        goal: GOALS[pick("goal", GOALS.len() - 1)].0,
        pain_ceiling: chosen("ceiling", MAX_PAIN_CEILING.into())
            .map_or(DEFAULT_PAIN_CEILING, |c| c as u8),
        equipment: EQUIPMENT
            .iter()
            .enumerate()
            .filter(|(i, _)| ticked(&format!("kit-{i}")))
            .map(|(_, (e, _))| *e)
            .collect::<SortedSet<_>>(),
        irritability: Irritability {
            pain_at_rest: rest,
            pain_lasts_past_next_day: past_day,
            sitting_under_30_min_hurts: sitting,
            worsening_for_months: worsening,
            cannot_run,
            extra: Extra::new(),
        },
        red_flags: RedFlagAnswers {
            present: RedFlag::ALL
                .iter()
                .enumerate()
                .filter(|(i, _)| ticked(&format!("flag-{i}")))
                .map(|(_, f)| *f)
                .collect(),
            extra: Extra::new(),
        },
        start_date: app.today.get_untracked(),
        morning_reminder: false,
        earlier: Vec::new(),
        extra: Extra::new(),
    };
    let baseline = Baseline {
        test: SelfTest::ALL[pick("self-test", SelfTest::ALL.len() - 1)],
        two_legs: ticked("two-legs"),
        rating: pick("baseline", 10) as u8,
        legs: None,
        extra: Extra::new(),
    };
    // A refusal is shown in the app-wide alert; the form and its draft stay
    // as they are.
    if app.onboard(settings, baseline) {
        super::session::remember(DRAFT, None);
    }
}

pub fn self_test_label(t: SelfTest) -> &'static str {
    match t {
        SelfTest::Bridge => "Single-leg bridge",
        SelfTest::LongLeverBridge => "Single-leg long-lever bridge",
        SelfTest::FootElevatedBridge => "Single-leg foot-elevated bridge",
        SelfTest::LongLeverFootElevatedBridge => "Single-leg long-lever foot-elevated bridge",
        SelfTest::Rdl => "Single-leg RDL",
        SelfTest::MorningWalk => "Your morning walk",
    }
}
