//! First run: side, goal, how irritable the tendon is, the pain ceiling,
//! equipment, the daily self-test with a first baseline, and red flags.
//! Everything here can be changed later in settings.

use super::state::use_app;
use super::widgets::{radios, tick, CollectAny, Scale};
use crate::engine::model::*;
use crate::engine::rules::{DEFAULT_PAIN_CEILING, MAX_PAIN_CEILING};
use crate::sorted::SortedSet;
use leptos::prelude::*;

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

#[component]
pub fn Onboarding() -> impl IntoView {
    let app = use_app();
    let side = RwSignal::new(None::<AffectedSide>);
    let goal = RwSignal::new(None::<Goal>);
    let irritability = [
        ("It aches even at rest", RwSignal::new(false)),
        (
            "Pain after activity lasts into the next day or longer",
            RwSignal::new(false),
        ),
        (
            "Sitting for less than 30 minutes hurts",
            RwSignal::new(false),
        ),
        ("It has been getting worse for months", RwSignal::new(false)),
        (
            "Running hurts even when slow, short and flat",
            RwSignal::new(false),
        ),
    ];
    let ceiling = RwSignal::new(Some(DEFAULT_PAIN_CEILING));
    let equipment: Vec<(Equipment, &'static str, RwSignal<bool>)> = EQUIPMENT
        .iter()
        .map(|&(e, label)| (e, label, RwSignal::new(false)))
        .collect();
    let test = RwSignal::new(None::<SelfTest>);
    let two_legs = RwSignal::new(false);
    let baseline = RwSignal::new(None::<u8>);
    let flags: Vec<(RedFlag, RwSignal<bool>)> = RedFlag::ALL
        .iter()
        .map(|&f| (f, RwSignal::new(false)))
        .collect();
    let missing = move || {
        let mut m = Vec::new();
        if side.get().is_none() {
            m.push("which side hurts");
        }
        if goal.get().is_none() {
            m.push("your goal");
        }
        if test.get().is_none() {
            m.push("a daily self-test");
        }
        if baseline.get().is_none() {
            m.push("a first rating of that test");
        }
        m
    };
    let equipment_for_submit = equipment.clone();
    let flags_for_submit = flags.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Some(side), Some(goal), Some(test), Some(rating)) =
            (side.get(), goal.get(), test.get(), baseline.get())
        else {
            return;
        };
        let [rest, past_day, sitting, worsening, cannot_run] =
            irritability.map(|(_, s)| s.get_untracked());
        let settings = Settings {
            affected: side,
            goal,
            pain_ceiling: ceiling.get_untracked().unwrap_or(DEFAULT_PAIN_CEILING),
            equipment: equipment_for_submit
                .iter()
                .filter(|(_, _, on)| on.get_untracked())
                .map(|(e, _, _)| *e)
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
                present: flags_for_submit
                    .iter()
                    .filter(|(_, on)| on.get_untracked())
                    .map(|(f, _)| *f)
                    .collect(),
                extra: Extra::new(),
            },
            start_date: app.today.get_untracked(),
            morning_reminder: false,
            extra: Extra::new(),
        };
        let baseline = Baseline {
            test,
            two_legs: two_legs.get_untracked(),
            rating,
            extra: Extra::new(),
        };
        app.onboard(settings, baseline);
    };
    let tests: Vec<(SelfTest, &'static str)> = SelfTest::ALL
        .iter()
        .map(|t| (*t, self_test_label(*t)))
        .collect();
    view! {
        <form class="onboarding" on:submit=submit novalidate>
            <section class="card" aria-labelledby="welcome-heading">
                <h2 id="welcome-heading">"Welcome"</h2>
                <p>"A gradual loading programme for deep sit-bone pain (proximal hamstring tendinopathy)."</p>
                <p>"It adjusts to how your tendon answers each next morning."</p>
                <p class="notice"><strong>"A self-management aid, not a diagnosis."</strong>" Unsure of the cause, or worried by anything below? See a clinician."</p>
                <p class="hint">"A few questions first. You can change every answer later in settings."</p>
            </section>
            <section class="card">{radios("Which side hurts?", "side".into(), &SIDES, side)}</section>
            <section class="card">{radios("What do you want to get back to?", "goal".into(), &GOALS, goal)}</section>
            <section class="card">
                <fieldset>
                    <legend>"Which of these are true for you?"</legend>
                    <p class="hint">"They tell us where to start: gentle holds first if the tendon is easily upset."</p>
                    {irritability.iter().map(|(label, s)| tick(label, *s)).collect_any()}
                </fieldset>
            </section>
            <section class="card">
                <Scale legend="Your pain ceiling during exercise".to_string() value=ceiling max=MAX_PAIN_CEILING
                    hint="The most pain you are happy to work with during an exercise, 0 to 5. Some discomfort is normal and safe; 3 suits most people.".to_string() />
            </section>
            <section class="card">
                <fieldset>
                    <legend>"What equipment do you have?"</legend>
                    {equipment.iter().map(|(_, label, s)| tick(label, *s)).collect_any()}
                </fieldset>
            </section>
            <section class="card">
                {radios("Pick your daily self-test", "self-test".into(), &tests, test)}
                <p class="hint">"One rep every morning, done the same way, rated 0-10. Pick one you can do on one leg with some but tolerable pain; the walk suits you if none of them is."</p>
                {tick("I'll do it on two legs (one leg is too painful)", two_legs)}
                <Scale legend="Do it once now: how much does it hurt, 0 to 10?".to_string() value=baseline
                    hint="This is your baseline. Mornings are compared with it.".to_string() />
            </section>
            <section class="card">
                <fieldset>
                    <legend>"Have you had any of these?"</legend>
                    <p class="hint">"Tick any that apply. They need a clinician before this programme."</p>
                    {flags.iter().map(|(f, s)| tick(f.question(), *s)).collect_any()}
                </fieldset>
            </section>
            <p class="hint" role="status">{move || {
                let m = missing();
                if m.is_empty() { String::new() } else { format!("Still needed: {}.", m.join(", ")) }
            }}</p>
            <button type="submit" class="primary big" prop:disabled=move || !missing().is_empty()>"Start my plan"</button>
        </form>
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
