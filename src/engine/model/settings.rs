//! The settings part of the log model: the onboarding answers (side, goal,
//! equipment, how irritable the tendon is, red flags), all changeable later.
//!
//! The side, goal, pain ceiling and equipment are dated like baselines
//! (issue 12 point 5): the fields hold what is in force now, and
//! `earlier` what they were before each change, so a change applies from
//! its day on and never rewrites a past decision. A log without `earlier`
//! (every log before this) has had its settings since its first day.

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
    /// What the dated fields were before each change, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<Earlier>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// The dated settings as they were up to the day before `until`, the day
/// a change took effect; only the fields that changed that day are set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Earlier {
    pub until: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affected: Option<AffectedSide>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Goal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pain_ceiling: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub equipment: Option<SortedSet<Equipment>>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Earlier {
    fn is_empty(&self) -> bool {
        self.affected.is_none()
            && self.goal.is_none()
            && self.pain_ceiling.is_none()
            && self.equipment.is_none()
            && self.extra.is_empty()
    }
}

impl Settings {
    /// The settings in force on `d`: for each dated field, the value kept
    /// by the first change after `d` that changed it, or else today's.
    pub fn on(&self, d: NaiveDate) -> Settings {
        let mut s = Settings {
            earlier: Vec::new(),
            ..self.clone()
        };
        // Latest first, so the change closest after `d` is applied last.
        for e in self.earlier.iter().rev().filter(|e| e.until > d) {
            if let Some(v) = e.affected {
                s.affected = v;
            }
            if let Some(v) = e.goal {
                s.goal = v;
            }
            if let Some(v) = e.pain_ceiling {
                s.pain_ceiling = v;
            }
            if let Some(v) = &e.equipment {
                s.equipment = v.clone();
            }
        }
        s
    }

    /// The days on which a dated setting changed, oldest first.
    pub fn change_days(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.earlier.iter().map(|e| e.until)
    }

    /// These settings after the user saves `new` on `today`: the dated
    /// fields that differ apply from today, the old values kept for the
    /// days before (a second change the same day keeps the value from
    /// before the first); the other fields are simply replaced.
    pub fn changed_on(&self, today: NaiveDate, new: Settings) -> Settings {
        let mut earlier = self.earlier.clone();
        // A change is dated today; one kept for a later day (a clock put
        // back) stays, since today's values are the ones saved.
        let at = earlier.partition_point(|e| e.until < today);
        if earlier.get(at).is_none_or(|e| e.until != today) {
            earlier.insert(at, Earlier::blank(today));
        }
        let e = &mut earlier[at];
        keep(&mut e.affected, self.affected, new.affected);
        keep(&mut e.goal, self.goal, new.goal);
        keep(&mut e.pain_ceiling, self.pain_ceiling, new.pain_ceiling);
        keep(
            &mut e.equipment,
            self.equipment.clone(),
            new.equipment.clone(),
        );
        if e.is_empty() {
            earlier.remove(at);
        }
        Settings { earlier, ..new }
    }
}

impl Earlier {
    fn blank(until: NaiveDate) -> Earlier {
        Earlier {
            until,
            affected: None,
            goal: None,
            pain_ceiling: None,
            equipment: None,
            extra: Extra::new(),
        }
    }
}

/// Record `old` as the value before today when it changes to `new`; a
/// change back to the value from before today leaves nothing to record.
fn keep<T: PartialEq>(slot: &mut Option<T>, old: T, new: T) {
    if slot.is_none() && old != new {
        *slot = Some(old);
    } else if slot.as_ref() == Some(&new) {
        *slot = None;
    }
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
