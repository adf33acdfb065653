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
    fn a_rest_after_a_hold_runs_from_the_hold_end() {
        let hold_end = 30_000.0;
        let rest_end = rest_end_after(hold_end, 120);
        // Backgrounded through the end of the hold, back 40 s later.
        assert_eq!(seconds_left(rest_end, hold_end + 40_000.0), 80);
    }
}
