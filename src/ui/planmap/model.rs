//! What the plan map shows, worked out from the log and the plan without any
//! browser code, so the words and the per-side positions are tested natively.

use crate::engine::catalogue::{find_exercise, Category, Ladder, Stage, LADDERS};
use crate::engine::dose::{first_usable, usable, Position};
use crate::engine::model::{EntryKind, Equipment, Log};
use crate::engine::plan::{DayPlan, Plan};
use crate::engine::progress::progress;
use crate::engine::rules::{ISOMETRIC_DAYS_BEFORE_STAGE_2, MINIMAL_PAIN};
use crate::engine::stage::Gate;
use crate::sorted::SortedSet;
use crate::ui::onboarding::EQUIPMENT;
use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageStatus {
    Done,
    /// Behind the current stage but never entered (stage 1 is optional).
    Skipped,
    Current,
    Ahead,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StageRow {
    pub stage: Stage,
    pub status: StageStatus,
}

/// One level of a ladder, with who stands on it.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelView {
    /// The exercise's catalogue id, which names its demonstration.
    pub id: &'static str,
    pub name: &'static str,
    /// The level's target, the dose that moves it on.
    pub target: String,
    /// "You are here (left): 3 x 10 reps", or "Start here: …".
    pub here: Vec<String>,
    /// Why the plan skips this level with the user's equipment.
    pub missing: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LadderView {
    pub ladder: &'static Ladder,
    pub levels: Vec<LevelView>,
    /// What moving on needs, one line per distinct level the legs stand on.
    pub next: Vec<String>,
    pub locked: Option<String>,
    /// Locked, or no level fits the equipment: the list can start closed.
    pub folded: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub stage: Stage,
    pub groups: Vec<(Category, Vec<LadderView>)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MapModel {
    pub current: Stage,
    pub stages: Vec<StageRow>,
    pub gate: Option<Gate>,
    /// A red flag is in force, so nothing moves on.
    pub paused: bool,
    /// What locked again after repeated flares, and why.
    pub setbacks: Vec<String>,
    pub sections: Vec<Section>,
}

/// Where the legs stand on a ladder: as the log left them, or, on a ladder
/// never done, the first level the user's equipment allows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Standing {
    Touched { left: Position, right: Position },
    Start(Option<usize>),
}

impl MapModel {
    pub fn build(log: &Log, plan: &Plan, today: NaiveDate) -> MapModel {
        let goal = log.settings.goal;
        let eq = &log.settings.equipment;
        let progress = progress(log, today);
        let done = done_ladders(log, today);
        let entered: SortedSet<Stage> = progress.stages.iter().map(|c| c.stage).collect();
        let offered: Vec<Stage> = Stage::ALL
            .into_iter()
            .filter(|s| s.offered_for(goal))
            .collect();
        let stages = offered
            .iter()
            .map(|&stage| StageRow {
                stage,
                status: match stage.cmp(&plan.stage) {
                    std::cmp::Ordering::Equal => StageStatus::Current,
                    std::cmp::Ordering::Greater => StageStatus::Ahead,
                    _ if entered.contains(&stage) => StageStatus::Done,
                    _ => StageStatus::Skipped,
                },
            })
            .collect();
        let sections = offered
            .iter()
            .map(|&stage| {
                let mut groups: Vec<(Category, Vec<LadderView>)> = Vec::new();
                for l in LADDERS
                    .iter()
                    .filter(|l| l.stage == stage && l.offered_for(goal))
                {
                    let standing = progress
                        .positions
                        .iter()
                        .find(|p| p.ladder == l && done.contains(l.id))
                        .map_or(Standing::Start(first_usable(l, 0, eq)), |p| {
                            Standing::Touched {
                                left: p.left,
                                right: p.right,
                            }
                        });
                    let locked = plan
                        .locked
                        .iter()
                        .find(|k| k.ladder == l)
                        .map(|k| lock_words(l, &k.reason, plan.stage));
                    let mut view = ladder_view(l, standing, locked, eq);
                    // A stage behind the user is done: where they stand on
                    // its ladders (holds kept as a warm-up) is where they
                    // left them, not "you are here" under a "done" stage.
                    if stage < plan.stage {
                        for h in view.levels.iter_mut().flat_map(|v| &mut v.here) {
                            if let Some(rest) = h.strip_prefix("You are here") {
                                *h = format!("Last done{rest}");
                            }
                        }
                    }
                    match groups.iter_mut().find(|(c, _)| *c == l.category) {
                        Some((_, list)) => list.push(view),
                        None => groups.push((l.category, vec![view])),
                    }
                }
                Section { stage, groups }
            })
            .collect();
        MapModel {
            current: plan.stage,
            stages,
            gate: plan.next_gate.clone(),
            paused: matches!(plan.day, DayPlan::Stop { .. }),
            setbacks: plan.setbacks.clone(),
            sections,
        }
    }
}

/// Ladders with at least one set logged by `today`. Progress also lists
/// ladders merely on offer, at their start; the map says "start here" for
/// those rather than "you are here".
fn done_ladders(log: &Log, today: NaiveDate) -> SortedSet<&'static str> {
    log.entries
        .iter()
        .filter(|e| e.date <= today)
        .filter_map(|e| match &e.kind {
            EntryKind::Session(s) => Some(s),
            _ => None,
        })
        .flat_map(|s| &s.blocks)
        .filter(|b| !b.sets.is_empty())
        .filter_map(|b| find_exercise(&b.exercise).map(|(l, _, _)| l.id))
        .collect()
}

/// A ladder waiting for a later stage gets what opens that stage, in plain
/// words; the engine's reason only says which stage it is in, and the map
/// already shows that as the heading above it.
pub fn lock_words(l: &Ladder, reason: &str, current: Stage) -> String {
    if l.stage <= current {
        return reason.to_string();
    }
    match l.stage {
        Stage::HeavySlow => format!(
            "Strength work unlocks after {ISOMETRIC_DAYS_BEFORE_STAGE_2} days of holds within your pain ceiling, once your mornings are steady."
        ),
        Stage::EnergyStorage => format!(
            "Jumps unlock when single-leg work is nearly pain-free ({MINIMAL_PAIN}/10 or less) and both sides match."
        ),
        Stage::ReturnToRunning => "Running unlocks when single-leg jumps at full effort are nearly pain-free on both legs and your mornings are steady.".into(),
        Stage::Isometric => reason.to_string(),
    }
}

pub fn ladder_view(
    l: &'static Ladder,
    standing: Standing,
    locked: Option<String>,
    eq: &SortedSet<Equipment>,
) -> LadderView {
    let marks = marks(l, standing, locked.is_some());
    let levels = l
        .levels
        .iter()
        .enumerate()
        .map(|(i, e)| LevelView {
            id: e.id,
            name: e.name,
            target: format!(
                "Target {} x {} {}{}",
                e.dose.sets_target,
                e.dose.amount_target,
                e.measure.unit(),
                if e.one_leg { " each leg" } else { "" }
            ),
            here: marks
                .iter()
                .filter(|(at, _)| *at == i)
                .map(|(_, m)| m.clone())
                .collect(),
            missing: (!usable(e, eq))
                .then(|| format!("Skipped for now: needs {}.", lacking(e.needs, eq))),
        })
        .collect();
    let next = if locked.is_some() {
        Vec::new()
    } else {
        next_steps(l, standing, eq)
    };
    LadderView {
        ladder: l,
        levels,
        next,
        // Nothing to do on it today, so its levels can fold away.
        folded: locked.is_some() || standing == Standing::Start(None),
        locked,
    }
}

/// Which level each leg is on, and the words for it.
pub fn marks(l: &Ladder, standing: Standing, locked: bool) -> Vec<(usize, String)> {
    let dose = |p: Position, each: bool| {
        let e = l.level(p.level);
        let each = if each && e.one_leg { " each leg" } else { "" };
        format!("{}{each}", p.dose.describe(e))
    };
    match standing {
        Standing::Start(None) => Vec::new(),
        Standing::Start(Some(level)) => {
            let p = Position::start(l, level);
            let when = if locked { " once it opens" } else { "" };
            vec![(level, format!("Start here{when}: {}", dose(p, true)))]
        }
        Standing::Touched { left, right } if left == right => {
            vec![(
                left.level,
                format!("You are here (both legs): {}", dose(left, true)),
            )]
        }
        Standing::Touched { left, right } => vec![
            (
                left.level,
                format!("You are here (left): {}", dose(left, false)),
            ),
            (
                right.level,
                format!("You are here (right): {}", dose(right, false)),
            ),
        ],
    }
}

/// What the next step needs: the level's criterion, then where it leads.
/// Legs on different levels get a line each.
pub fn next_steps(l: &Ladder, standing: Standing, eq: &SortedSet<Equipment>) -> Vec<String> {
    let sides: Vec<(&str, usize)> = match standing {
        Standing::Start(None) => {
            let first = l.level(0);
            return vec![format!(
                "This needs {}, which is not on your equipment list. You can add it in Settings.",
                lacking(first.needs, eq)
            )];
        }
        Standing::Start(Some(level)) => vec![("", level)],
        Standing::Touched { left, right } if left.level == right.level => vec![("", left.level)],
        Standing::Touched { left, right } => {
            vec![("Left leg: ", left.level), ("Right leg: ", right.level)]
        }
    };
    sides
        .into_iter()
        .map(|(who, level)| {
            let then = match first_usable(l, level + 1, eq) {
                Some(n) => format!(" Then: {}.", l.level(n).name),
                None => " This is the last level here.".into(),
            };
            format!("{who}Next step: {}.{then}", l.level(level).criterion())
        })
        .collect()
}

/// What of `list` the user lacks, in words: "a barbell and a resistance band".
fn lacking(list: &[Equipment], eq: &SortedSet<Equipment>) -> String {
    list.iter()
        .filter(|n| !eq.contains(n))
        .filter_map(|n| EQUIPMENT.iter().find(|(e, _)| e == n))
        .map(|(_, label)| {
            let mut c = label.chars();
            c.next()
                .map(|f| {
                    std::iter::once(f.to_ascii_lowercase())
                        .chain(c)
                        .collect::<String>()
                })
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" and ")
}
