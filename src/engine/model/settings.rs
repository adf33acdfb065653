//! The settings part of the log model: the onboarding answers (side, goal,
//! equipment, how irritable the tendon is, red flags), all changeable later.

use super::Extra;
use crate::sorted::SortedSet;
use chrono::NaiveDate;
use serde::Serialize;

/// Choices made at onboarding; all can be changed later in settings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Settings {
    pub affected: AffectedSide,
    pub goal: Goal,
    /// The highest pain during exercise the user accepts, 0-5.
    pub pain_ceiling: u8,
    #[serde(default)]
    pub equipment: SortedSet<Equipment>,
    #[serde(default)]
    pub irritability: Irritability,
    #[serde(default)]
    pub red_flags: RedFlagAnswers,
    pub start_date: NaiveDate,
    /// Notify when the morning check-in falls due (opt-in; see `ui::reminder`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub morning_reminder: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AffectedSide {
    Left,
    Right,
    Both,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Goal {
    DailyLife,
    Running,
    /// Team or field sport, sprinting included.
    Sport,
}

impl Goal {
    /// Whether the goal needs fast, springy loading (stage 3 and running).
    pub fn needs_energy_storage(self) -> bool {
        !matches!(self, Goal::DailyLife)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Equipment {
    /// A bench, sturdy chair or step to put feet or shoulders on.
    Bench,
    /// Sliders, or a towel on a smooth floor.
    Sliders,
    /// A kettlebell or dumbbells: interchangeable in every exercise here.
    Weights,
    Barbell,
    CurlMachine,
    RomanChair,
    Band,
}

/// The entry-point questions; any "yes" marks an irritable tendon.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Irritability {
    pub pain_at_rest: bool,
    pub pain_lasts_past_next_day: bool,
    pub sitting_under_30_min_hurts: bool,
    pub worsening_for_months: bool,
    /// Running hurts even slow, short and flat.
    #[serde(default)]
    pub cannot_run: bool,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Irritability {
    pub fn yes_count(&self) -> usize {
        [
            self.pain_at_rest,
            self.pain_lasts_past_next_day,
            self.sitting_under_30_min_hurts,
            self.worsening_for_months,
            self.cannot_run,
        ]
        .iter()
        .filter(|&&b| b)
        .count()
    }
}

/// The signs that mean "stop and see a clinician" (rehab-model §7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RedFlag {
    PopWithBruising,
    NumbnessBelowKnee,
    BladderBowelOrSaddle,
    NightOrRestPainRising,
    FeverOrWeightLoss,
    NoImprovementForWeeks,
}

impl RedFlag {
    pub const ALL: [RedFlag; 6] = [
        RedFlag::PopWithBruising,
        RedFlag::NumbnessBelowKnee,
        RedFlag::BladderBowelOrSaddle,
        RedFlag::NightOrRestPainRising,
        RedFlag::FeverOrWeightLoss,
        RedFlag::NoImprovementForWeeks,
    ];

    /// The question as the app asks it.
    pub fn question(self) -> &'static str {
        match self {
            RedFlag::PopWithBruising => {
                "A sudden pop at the back of the thigh, with bruising or trouble walking"
            }
            RedFlag::NumbnessBelowKnee => "Numbness, tingling or weakness spreading below the knee",
            RedFlag::BladderBowelOrSaddle => {
                "A change in bladder or bowel control, or numbness where you sit"
            }
            RedFlag::NightOrRestPainRising => "Pain at night or at rest that keeps getting worse",
            RedFlag::FeverOrWeightLoss => "Fever, or weight loss you cannot explain",
            RedFlag::NoImprovementForWeeks => "No improvement at all over many weeks",
        }
    }
}

/// Red-flag answers from onboarding.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RedFlagAnswers {
    #[serde(default)]
    pub present: SortedSet<RedFlag>,
    #[serde(flatten)]
    pub extra: Extra,
}
