//! The sentences a decision is read as, rendered from its [`Why`] on demand.

use super::{Change, Decision, DecisionKind, Phase, Why};
use crate::engine::catalogue::find_exercise;
use crate::engine::model::Side;
use crate::num::Fixed;

impl Decision {
    /// The one-line reason, quoting the data the decision used, as said on
    /// the morning it was made.
    pub fn reason(&self) -> String {
        self.words(false)
    }

    /// The same reason read on a later day (the session screen's "why this
    /// dose"): the morning test is "that morning's", not "this morning's".
    pub fn reason_later(&self) -> String {
        self.words(true)
    }

    fn words(&self, later: bool) -> String {
        let morning = if later {
            "that morning's"
        } else {
            "this morning's"
        };
        let (b, c, p) = (self.baseline, self.ceiling, self.pain_max);
        // Rated per leg, the reason names the leg whose morning it read.
        // "this morning's walk test", not "this morning's morning walk test".
        let (test, whose) = leg_words(self.test.trim_start_matches("morning "), self.leg);
        let m = self.morning.unwrap_or(0);
        let planned = || match find_exercise(self.exercise) {
            Some((_, _, e)) => self.before.dose.describe(e),
            None => String::new(),
        };
        let preview = self.phase == Phase::AfterSession;
        let head = match (self.kind, &self.change) {
            (_, _) if preview => String::new(),
            (DecisionKind::Hold, _) => "Held".into(),
            (DecisionKind::Progress, Some(Change::NextLevel(name))) => {
                format!("Next level, {name}")
            }
            (DecisionKind::Progress, Some(Change::Within(what))) => format!("Stepped up to {what}"),
            (DecisionKind::ScaleBack, Some(change)) => {
                format!("Scaled back ({})", change_words(change))
            }
            (kind, _) => kind.label().into(),
        };
        let also = confounder_note(&self.confounders);
        let body = match &self.why {
            Why::RedFlag => "you reported a red flag. Nothing steps up until a clinician has checked it.".into(),
            Why::FlareDay => "you marked a flare day. Same dose again, and it does not count against you.".into(),
            Why::NotOffered(why) => format!("this exercise is not in your plan yet. {why}"),
            Why::NoBaseline => "your baseline couldn't be read, so no morning can be judged.".into(),
            Why::PartialLog => "part of your log couldn't be read, so nothing steps up.".into(),
            Why::NoCheckIn => "there was no morning check-in after this session, and we never step up without one.".into(),
            Why::LargeRise | Why::MorningAbove => format!("{morning} {test} test was {m}/10; your baseline is {b}/10.{also}"),
            Why::SteadyOffset { mornings } => format!("{morning} {test} test was {m}/10 against your baseline of {b}/10, and your mornings have sat above baseline for {mornings} check-ins without climbing. A steady offset is not a flare, so the dose stays.{also}"),
            Why::TrainedOnBadMorning { rating } if preview => format!("You trained on a {rating}/10 morning (baseline {b}/10), so this dose stays whatever tomorrow brings."),
            Why::TrainedOnBadMorning { rating } => format!("you did this session on a {rating}/10 morning, above your baseline of {b}/10, so it does not count toward a step up, even though {morning} {test} test was {m}/10."),
            Why::TwoMorningsAbove { previous } => format!("your {test} test was above your baseline of {b}/10 two mornings running ({previous}/10, then {m}/10).{also}"),
            Why::PainFarOverCeiling if preview => format!("Pain during reached {p}/10, well above your ceiling of {c}/10. Expect a lighter dose next time; tomorrow's check-in confirms it."),
            Why::PainFarOverCeiling => format!("pain during reached {p}/10, well above your ceiling of {c}/10."),
            Why::PainOverCeiling if preview => format!("Pain during reached {p}/10, above your ceiling of {c}/10, so this dose stays for now."),
            Why::PainOverCeiling => format!("pain during reached {p}/10; your ceiling is {c}/10."),
            Why::PainNotRated { sets } if preview => format!("{} without a pain rating, so this dose stays: a rating you did not give is never taken as 0/10.", sets_word(*sets, "One")),
            Why::PainNotRated { sets } => format!("{} without a pain rating, and a dose never steps up on a rating that was not given.", sets_word(*sets, "one")),
            Why::WorseAfter if preview => "It felt worse right after, so this dose stays for now. Tomorrow's check-in tells us more.".into(),
            Why::WorseAfter => format!("it felt worse right after the session, though {morning} {test} test was {m}/10 (baseline {b}/10)."),
            Why::WeeklyRise { now, before } => format!("{whose} averaged {} above baseline this week against {} last week. They should not climb week to week.", Fixed(f64::from(*now), 1), Fixed(f64::from(*before), 1)),
            Why::OtherExercise(other) => format!("you did {other} instead of the planned {}, so this dose stays.", planned()),
            Why::ShortOfTarget { full } => format!("{full} of the planned {} sets reached {}. Same dose next time.", self.before.dose.sets, planned()),
            Why::Good => format!("{morning} {test} test was {m}/10 (baseline {b}/10), pain during peaked at {p}/10 (ceiling {c}/10) and you did the full {}.", planned()),
            Why::LevelLocked(lock) => format!("you have met this level's target. {lock}"),
            Why::TopOfLadder => format!("you are at the top of this ladder; {morning} {test} test was {m}/10 (baseline {b}/10). Keep it going."),
            Why::AwaitingMorning => format!("Pain during stayed at {p}/10 or less (ceiling {c}/10). Tomorrow morning's test decides whether you step up."),
        };
        if head.is_empty() {
            body
        } else {
            format!("{head}: {body}")
        }
    }
}

impl Decision {
    /// The dose this morning's decision sets, in numbers, against the one
    /// before ("Next time: 3 x 12 reps, up from 3 x 10"); `None` for a
    /// preview straight after the session, which changes no dose.
    pub fn new_dose(&self) -> Option<String> {
        if self.phase == Phase::AfterSession {
            return None;
        }
        let ladder = crate::engine::catalogue::ladder(self.ladder)?;
        let (was, now) = (self.before.exercise(ladder), self.after.exercise(ladder));
        let new_level = was.id != now.id;
        let mut out = String::from("Next time: ");
        if new_level {
            out.push_str(now.name);
            out.push_str(", ");
        }
        out.push_str(&self.after.dose.describe(now));
        if self.before == self.after {
            out.push_str(" again");
            if matches!(self.change, Some(Change::Floor)) {
                out.push_str(", the lightest dose");
            }
        } else {
            out.push_str(if self.kind == DecisionKind::ScaleBack {
                ", down from "
            } else {
                ", up from "
            });
            let old = self.before.dose.describe(was);
            if new_level {
                out.push_str(was.name);
                out.push_str(" at ");
                out.push_str(&old);
            } else if self.before.dose.load_kg > 0.0 || self.after.dose.load_kg > 0.0 {
                out.push_str(&old);
            } else {
                // The same unit twice reads as clutter: "up from 3 x 10".
                out.push_str(old.trim_end_matches(was.measure.unit()).trim_end());
            }
        }
        out.push('.');
        Some(out)
    }
}

/// The test and the mornings as a reason names them: "left-leg bridge"
/// and "your left leg's mornings" when the legs were rated apart.
pub(crate) fn leg_words(test: &str, leg: Option<Side>) -> (String, String) {
    match leg {
        Some(l) => (
            format!("{}-leg {test}", l.label()),
            format!("your {} leg's mornings", l.label()),
        ),
        None => (test.to_string(), "your mornings".into()),
    }
}

fn sets_word(n: usize, one: &str) -> String {
    if n == 1 {
        format!("{one} set was saved")
    } else {
        format!("{n} sets were saved")
    }
}

fn change_words(c: &Change) -> String {
    match c {
        Change::Within(what) => (*what).to_string(),
        Change::NextLevel(name) => format!("to {name}"),
        Change::LevelDown { to, repeat: true } => {
            format!("one level down to {to}, as this is the second scale back in two weeks")
        }
        Change::LevelDown { to, repeat: false } => format!("one level down to {to}"),
        Change::Floor => "already the lightest dose; keep it easy".into(),
    }
}

fn confounder_note(c: &[&'static str]) -> String {
    match c {
        [] => String::new(),
        [one] => format!(" That day also had {one}, so the session may not be the only cause."),
        [rest @ .., last] => format!(
            " That day also had {} and {last}, so it is hard to tell what the tendon minded; try to spread them out.",
            rest.join(", ")
        ),
    }
}
