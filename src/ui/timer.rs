//! Timer arithmetic on absolute end times, so a locked screen or a
//! backgrounded app cannot stretch a hold or a rest: whatever the app
//! missed, the next tick sees the real time.

/// Whole seconds left until `end_ms` at `now_ms`, rounding up so "0:01"
/// shows until the very end.
pub fn seconds_left(end_ms: f64, now_ms: f64) -> u32 {
    ((end_ms - now_ms) / 1000.0).ceil().max(0.0) as u32
}

/// "1:05", "0:30".
pub fn mmss(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The rest that follows a hold starts when the hold ended, not when the
/// app noticed, so coming back late shows the rest already under way.
pub fn rest_end_after(hold_end_ms: f64, rest_seconds: u32) -> f64 {
    hold_end_ms + f64::from(rest_seconds) * 1000.0
}

/// The 3-2-1 before a hold starts counting, time to get into position
/// after the tap; part of the hold's end time, so it runs on the clock too.
pub const LEAD_IN_SECONDS: u32 = 3;

/// How long after its end a hold found on reopening still counts as done;
/// older than this, it was left rather than finished, and is dropped.
pub const STALE_HOLD_MS: f64 = 10.0 * 60.0 * 1000.0;

/// One exercise step's running timers and chosen pain, as kept for the tab
/// (sessionStorage), so a reload finds them again: phones discard a
/// backgrounded tab and reload it when the person comes back.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Running {
    pub hold_end: Option<f64>,
    pub rest_end: Option<f64>,
    pub pain: Option<u8>,
    /// A hold that ended before its pain was rated: its end time. It is
    /// saved once the user rates it, never with a pain it was not given.
    pub unrated: Option<f64>,
}

impl Running {
    /// "hold rest pain unrated", "-" for none; times in whole milliseconds.
    pub fn encode(&self) -> String {
        fn part<T: ToString>(v: Option<T>) -> String {
            v.map_or_else(|| "-".to_string(), |v| v.to_string())
        }
        let ms = |v: Option<f64>| v.map(|v| v.round() as u64);
        format!(
            "{} {} {} {}",
            part(ms(self.hold_end)),
            part(ms(self.rest_end)),
            part(self.pain),
            part(ms(self.unrated))
        )
    }

    pub fn decode(text: &str) -> Option<Running> {
        fn part<T>(s: &str, read: impl Fn(&str) -> Option<T>) -> Option<Option<T>> {
            if s == "-" {
                Some(None)
            } else {
                read(s).map(Some)
            }
        }
        let time = super::widgets::parse_decimal;
        let mut it = text.split(' ');
        let running = Running {
            hold_end: part(it.next()?, time)?,
            rest_end: part(it.next()?, time)?,
            pain: part(it.next()?, |s| s.parse::<u8>().ok())?,
            // Absent in what an older build kept: nothing awaits a rating.
            unrated: match it.next() {
                Some(s) => part(s, time)?,
                None => None,
            },
        };
        let finite = [running.hold_end, running.rest_end, running.unrated]
            .iter()
            .flatten()
            .all(|v| v.is_finite());
        let sane = finite && running.pain.is_none_or(|p| p <= 10);
        if !sane {
            return None;
        }
        it.next().is_none().then_some(running)
    }

    /// What still means something at `now_ms`: a rest that is over, or a
    /// hold that ended long ago, is forgotten.
    pub fn fresh(self, now_ms: f64) -> Running {
        Running {
            hold_end: self.hold_end.filter(|end| now_ms - end <= STALE_HOLD_MS),
            rest_end: self.rest_end.filter(|end| *end > now_ms),
            pain: self.pain,
            // A hold that was done stays to be rated, however long ago.
            unrated: self.unrated,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_down_in_whole_seconds_and_stops_at_zero() {
        assert_eq!(seconds_left(30_000.0, 0.0), 30);
        assert_eq!(seconds_left(30_000.0, 29_001.0), 1);
        assert_eq!(seconds_left(30_000.0, 30_000.0), 0);
        assert_eq!(
            seconds_left(30_000.0, 95_000.0),
            0,
            "an app woken late shows zero, not a negative"
        );
        assert_eq!(mmss(65), "1:05");
        assert_eq!(mmss(0), "0:00");
    }

    #[test]
    fn running_timers_survive_a_round_trip_and_refuse_garbage() {
        let r = Running {
            hold_end: Some(1_767_600_030_000.0),
            rest_end: None,
            pain: Some(2),
            unrated: None,
        };
        assert_eq!(Running::decode(&r.encode()), Some(r));
        let waiting = Running {
            hold_end: None,
            rest_end: Some(1_767_600_150_000.0),
            pain: None,
            unrated: Some(1_767_600_030_000.0),
        };
        assert_eq!(Running::decode(&waiting.encode()), Some(waiting));
        // What an older build kept has no fourth part: nothing to rate.
        assert_eq!(
            Running::decode("5 - 2"),
            Some(Running {
                hold_end: Some(5.0),
                pain: Some(2),
                ..Running::default()
            })
        );
        assert_eq!(
            Running::decode(&Running::default().encode()),
            Some(Running::default())
        );
        for bad in [
            "",
            "1 2",
            "1 2 3 4 5",
            "x - -",
            "- - 11",
            "NaN - -",
            "- - -1",
            "- - - NaN",
        ] {
            assert_eq!(Running::decode(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn reopening_keeps_a_hold_that_just_ended_and_drops_one_left_long_ago() {
        let ended = 100_000.0;
        let r = Running {
            hold_end: Some(ended),
            rest_end: Some(ended + 120_000.0),
            pain: Some(3),
            unrated: Some(ended - 200_000.0),
        };
        assert_eq!(r.fresh(ended + 40_000.0), r);
        let later = r.fresh(ended + STALE_HOLD_MS + 1.0);
        assert_eq!(later.hold_end, None);
        assert_eq!(later.rest_end, None, "the rest is over too");
        assert_eq!(later.pain, Some(3));
        assert_eq!(later.unrated, r.unrated, "a hold done is still to be rated");
    }

    #[test]
    fn a_rest_after_a_hold_runs_from_the_hold_end() {
        let hold_end = 30_000.0;
        let rest_end = rest_end_after(hold_end, 120);
        // Backgrounded through the end of the hold, back 40 s later.
        assert_eq!(seconds_left(rest_end, hold_end + 40_000.0), 80);
    }
}
