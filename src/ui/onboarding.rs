//! First run: side, goal, how irritable the tendon is, the pain ceiling,
//! equipment, the daily self-test with a first baseline, and red flags.
//! Everything here can be changed later in settings.

use super::markup::{chosen, markup, radios, say, tick, ticked, Scale};
use super::state::use_app;
use crate::engine::model::*;
use crate::engine::rules::{DEFAULT_PAIN_CEILING, MAX_PAIN_CEILING};
use crate::sorted::SortedSet;
use leptos::prelude::*;
use std::fmt::Write;

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

/// The first-run form, drawn as markup. Every change updates what is still
/// needed and whether the plan can start; Start reads the answers back
/// from the page.
pub fn onboarding() -> AnyView {
    let app = use_app();
    let mut html = String::from(
        r#"<form class="onboarding" novalidate data-change="need"><section class="card" aria-labelledby="welcome-heading"><h2 id="welcome-heading">Welcome</h2><p>A gradual loading programme for deep sit-bone pain (proximal hamstring tendinopathy).</p><p>It adjusts to how your tendon answers each next morning.</p><p class="notice"><strong>A self-management aid, not a diagnosis.</strong> Unsure of the cause, or worried by anything below? See a clinician.</p><p class="hint">A few questions first. You can change every answer later in settings.</p></section><section class="card">"#,
    );
    radios(
        &mut html,
        "Which side hurts?",
        "side",
        &SIDES.map(|(_, l)| l),
        None,
    );
    html.push_str(r#"</section><section class="card">"#);
    radios(
        &mut html,
        "What do you want to get back to?",
        "goal",
        &GOALS.map(|(_, l)| l),
        None,
    );
    html.push_str(r#"</section><section class="card"><fieldset><legend>Which of these are true for you?</legend><p class="hint">They tell us where to start: gentle holds first if the tendon is easily upset.</p>"#);
    for (i, label) in IRRITABILITY.iter().enumerate() {
        tick(&mut html, &format!("irr-{i}"), label, false);
    }
    html.push_str(r#"</fieldset></section><section class="card">"#);
    Scale {
        name: "ceiling",
        legend: "Your pain ceiling during exercise",
        max: MAX_PAIN_CEILING,
        value: Some(DEFAULT_PAIN_CEILING),
        hint: "The most pain you are happy to work with during an exercise, 0 to 5. Some discomfort is normal and safe; 3 suits most people.",
        mark: None,
    }
    .draw(&mut html);
    html.push_str(
        r#"</section><section class="card"><fieldset><legend>What equipment do you have?</legend>"#,
    );
    for (i, (_, label)) in EQUIPMENT.iter().enumerate() {
        tick(&mut html, &format!("kit-{i}"), label, false);
    }
    html.push_str(r#"</fieldset></section><section class="card">"#);
    let tests = SelfTest::ALL.map(self_test_label);
    radios(
        &mut html,
        "Pick your daily self-test",
        "self-test",
        &tests,
        None,
    );
    html.push_str(r#"<p class="hint">One rep every morning, done the same way, rated 0-10. Pick one you can do on one leg with some but tolerable pain; the walk suits you if none of them is.</p><figure class="demo" id="test-demo"></figure>"#);
    tick(
        &mut html,
        "two-legs",
        "I'll do it on two legs (one leg is too painful)",
        false,
    );
    Scale {
        name: "baseline",
        legend: "Do it once now: how much does it hurt, 0 to 10?",
        max: 10,
        value: None,
        hint: "This is your baseline. Mornings are compared with it.",
        mark: None,
    }
    .draw(&mut html);
    html.push_str(r#"</section><section class="card"><fieldset><legend>Have you had any of these?</legend><p class="hint">Tick any that apply. They need a clinician before this programme.</p>"#);
    for (i, f) in RedFlag::ALL.iter().enumerate() {
        tick(&mut html, &format!("flag-{i}"), f.question(), false);
    }
    let _ = write!(
        html,
        r#"</fieldset></section><p class="hint" role="status" id="still-needed">{}</p><button type="submit" class="primary big" id="start" data-act="start" disabled>Start my plan</button></form>"#,
        still_needed(&NEEDED.map(|(.., what)| what))
    );
    markup(html, move |act, _| {
        let missing = missing();
        match act {
            "need" => {
                // The test picked, drawn as it is done, so the baseline
                // rates the right movement.
                if let Some(i) = chosen("self-test", SelfTest::ALL.len() - 1) {
                    let side = match chosen("side", SIDES.len() - 1).map(|s| SIDES[s].0) {
                        Some(AffectedSide::Right) => Side::Right,
                        _ => Side::Left,
                    };
                    let key =
                        crate::pose::sprite::self_test_key(SelfTest::ALL[i], ticked("two-legs"));
                    super::demo::fill("test-demo".to_string(), key, side);
                }
                say("still-needed", &still_needed(&missing));
                if let Some(b) = document().get_element_by_id("start") {
                    let _ =
                        js_sys::Reflect::set(&b, &"disabled".into(), &(!missing.is_empty()).into());
                }
            }
            "start" if missing.is_empty() => start(app),
            _ => {}
        }
    })
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
    // A refusal is shown in the app-wide alert; the form stays as it is.
    app.onboard(settings, baseline);
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
