//! A simulated user who follows the plan day by day, for tests and benchmarks.
//!
//! Each call appends entries exactly as the app would, so a simulated log is
//! indistinguishable from a real one and the engine is exercised end to end.

use super::catalogue::Measure;
use super::model::*;
use super::plan::{plan, DayPlan, Item, Plan};
use chrono::{Datelike, NaiveDate, Weekday};

#[derive(Clone)]
pub struct Sim {
    pub log: Log,
    pub today: NaiveDate,
}

impl Sim {
    pub fn new(settings: Settings, test: SelfTest, baseline: u8) -> Sim {
        let today = settings.start_date;
        let b = Baseline {
            test,
            two_legs: false,
            rating: baseline,
            legs: None,
            extra: Extra::new(),
        };
        Sim {
            log: Log::new(settings, b),
            today,
        }
    }

    pub fn plan(&self) -> Plan {
        plan(&self.log, self.today)
    }

    /// Append an entry dated today; returns its id.
    pub fn add(&mut self, kind: EntryKind) -> u64 {
        let id = self
            .log
            .next_id()
            .expect("a simulated log is far from the largest id");
        self.log.entries.push(Entry {
            id,
            date: self.today,
            kind,
        });
        id
    }

    pub fn morning(&mut self, rating: u8) -> u64 {
        self.add(EntryKind::Morning(Morning {
            rating,
            legs: None,
            extra: Extra::new(),
        }))
    }

    /// A check-in rated on each leg, as the app saves it.
    pub fn morning_legs(&mut self, left: u8, right: u8) -> u64 {
        let legs = Legs { left, right };
        self.add(EntryKind::Morning(Morning {
            rating: legs.higher(),
            legs: Some(legs),
            extra: Extra::new(),
        }))
    }

    pub fn activity(&mut self, kind: ActivityKind) -> u64 {
        self.add(EntryKind::Activity(Activity { kind }))
    }

    pub fn flare(&mut self) -> u64 {
        self.add(EntryKind::Flare(Flare::default()))
    }

    pub fn red_flag(&mut self, flag: RedFlag) -> u64 {
        self.add(EntryKind::RedFlag(RedFlagReport {
            flag,
            extra: Extra::new(),
        }))
    }

    /// Do today's plan in full with this pain during every set. Returns
    /// false on a rest or stop day, when nothing is logged.
    pub fn train(&mut self, pain: u8, response: Response) -> bool {
        self.train_with(response, |_, set| (set, pain))
    }

    /// Do today's plan, choosing each set's amount and pain with `f(item,
    /// prescribed amount)`.
    pub fn train_with(&mut self, response: Response, f: impl Fn(&Item, u16) -> (u16, u8)) -> bool {
        let p = self.plan();
        self.follow_with(&p, response, f)
    }

    /// Do the plan `p` (made some other way, such as from a partial log)
    /// in full with this pain during every set.
    pub fn follow(&mut self, p: &Plan, pain: u8, response: Response) -> bool {
        self.follow_with(p, response, |_, set| (set, pain))
    }

    fn follow_with(
        &mut self,
        p: &Plan,
        response: Response,
        f: impl Fn(&Item, u16) -> (u16, u8),
    ) -> bool {
        if !matches!(p.day, DayPlan::Load { .. }) || p.items.is_empty() {
            return false;
        }
        let blocks = p
            .items
            .iter()
            .map(|item| Block {
                exercise: item.exercise.id.to_string(),
                side: item.side,
                sets: (0..item.dose.sets)
                    .map(|_| {
                        let (n, pain) = f(item, item.dose.amount);
                        SetLog {
                            n,
                            kg: item.dose.load_kg,
                            pain: Some(pain),
                            effort: (item.exercise.measure == Measure::HoldSeconds).then_some(7),
                        }
                    })
                    .collect(),
                extra: Extra::new(),
            })
            .collect();
        self.add(EntryKind::Session(Session {
            blocks,
            response: Some(response),
            note: None,
            extra: Extra::new(),
        }));
        true
    }

    pub fn next_day(&mut self) {
        self.today = self.today.succ_opt().expect("date in range");
    }

    pub fn weekday(&self) -> Weekday {
        self.today.weekday()
    }
}

/// Settings for a typical user; tests change what they need.
pub fn settings(goal: Goal, start: NaiveDate) -> Settings {
    Settings {
        affected: AffectedSide::Left,
        goal,
        pain_ceiling: super::rules::DEFAULT_PAIN_CEILING,
        equipment: [Equipment::Bench, Equipment::Sliders, Equipment::Weights]
            .into_iter()
            .collect(),
        irritability: Irritability::default(),
        red_flags: RedFlagAnswers::default(),
        start_date: start,
        morning_reminder: false,
        earlier: Vec::new(),
        extra: Extra::new(),
    }
}

/// About three years of steady use: a morning check-in every day, heavy
/// sessions three times a week, runs, sitting and the odd flare. Used by the
/// benchmarks to measure plan time and stored size.
pub fn three_year_log() -> Log {
    let start = NaiveDate::from_ymd_opt(2024, 1, 1).expect("valid date");
    let mut s = settings(Goal::Running, start);
    s.equipment
        .extend([Equipment::Barbell, Equipment::Band, Equipment::CurlMachine]);
    let mut sim = Sim::new(s, SelfTest::LongLeverFootElevatedBridge, 2);
    for day in 0..1100u32 {
        // A small deterministic wobble so decisions vary.
        let wobble = (day * 7 + day / 5) % 11;
        let rating = if wobble == 0 {
            4
        } else {
            2 - u8::from(wobble > 6)
        };
        sim.morning(rating);
        if day % 97 == 50 {
            sim.flare();
        }
        match sim.weekday() {
            Weekday::Mon | Weekday::Wed | Weekday::Fri => {
                let pain = (wobble % 3) as u8;
                // Warm up with holds, as `000_…` suggests, then the session.
                sim.train_with(Response::Better, |_, n| (n, pain));
                warm_up(&mut sim);
            }
            Weekday::Sat => {
                sim.activity(ActivityKind::Run {
                    km: 6.0,
                    minutes: 36,
                    hills: wobble > 8,
                    fast: false,
                });
            }
            _ => {
                sim.activity(ActivityKind::Sitting {
                    hours: 3.0 + f32::from(wobble as u8) / 2.0,
                });
            }
        }
        sim.next_day();
    }
    sim.log
}

fn warm_up(sim: &mut Sim) {
    let Some(Entry {
        kind: EntryKind::Session(s),
        ..
    }) = sim.log.entries.last_mut()
    else {
        return;
    };
    if s.blocks.is_empty() {
        return;
    }
    s.blocks.insert(
        0,
        Block {
            exercise: "iso_bridge".into(),
            side: Side::Both,
            sets: (0..4)
                .map(|_| SetLog {
                    n: 30,
                    kg: 0.0,
                    pain: Some(1),
                    effort: Some(7),
                })
                .collect(),
            extra: Extra::new(),
        },
    );
}
