//! Numbers as text, written by hand.
//!
//! Why: `format!("{:.1}", x)` and `x.to_string()` on floats bring the
//! standard float formatter (Grisu and Dragon with their tables) into the
//! wasm. The app only writes short decimals (weights, averages, chart
//! coordinates), which integer arithmetic does exactly enough. Halves round
//! away from zero.

use std::fmt;

/// `x` with exactly `decimals` digits after the point (at most 6), as
/// `{:.N}` would write it.
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub u32);

impl fmt::Display for Fixed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (v, decimals) = (self.0, self.1.min(6));
        if !v.is_finite() {
            return f.write_str(if v.is_nan() { "NaN" } else { "inf" });
        }
        let scale = 10u64.pow(decimals);
        // Beyond about 9e12 at 6 decimals the u64 would overflow; nothing the
        // app writes comes near, but saturate rather than wrap.
        let m = (v.abs() * scale as f64).round().min(u64::MAX as f64) as u64;
        if v < 0.0 && m != 0 {
            f.write_str("-")?;
        }
        write!(f, "{}", m / scale)?;
        if decimals > 0 {
            write!(f, ".{:0width$}", m % scale, width = decimals as usize)?;
        }
        Ok(())
    }
}

/// A float for format strings: `{:.1}` writes one decimal through
/// [`Fixed`], `{}` up to three with trailing zeros dropped, so markup built
/// with `write!` never reaches the standard float formatter.
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Num(pub f64);

/// Shorthand for wrapping a chart coordinate or a measurement.
pub fn n(x: f32) -> Num {
    Num(f64::from(x))
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match f.precision() {
            Some(d) => Fixed(self.0, d as u32).fmt(f),
            None => f.write_str(&trimmed(self.0, 3)),
        }
    }
}

/// `x` with up to `decimals` digits after the point, trailing zeros
/// dropped: 12.5, 20, 2.25.
pub fn trimmed(x: f64, decimals: u32) -> String {
    let mut s = Fixed(x, decimals).to_string();
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
    s
}

/// A weight or distance as the app shows it: "2.5" or "10", never "10.0".
pub fn short(x: f32) -> String {
    trimmed(f64::from(x), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_like_the_standard_formatter() {
        for (x, d) in [
            (0.0, 1),
            (1.0, 0),
            (12.34, 1),
            (12.36, 1),
            (-3.21, 1),
            (99.96, 1),
            (0.04, 1),
            (1234.5678, 2),
            (7.0, 3),
            (1e9, 1),
        ] {
            assert_eq!(
                Fixed(x, d).to_string(),
                format!("{x:.*}", d as usize),
                "{x} to {d}"
            );
        }
        // Halves round away from zero (the standard formatter rounds an
        // exact half to even).
        assert_eq!(Fixed(0.25, 1).to_string(), "0.3");
        assert_eq!(Fixed(-0.04, 1).to_string(), "0.0");
    }

    #[test]
    fn num_takes_its_precision_from_the_format_string() {
        assert_eq!(format!("{:.1}", n(12.345)), "12.3");
        assert_eq!(format!("{:.0}", n(99.6)), "100");
        assert_eq!(format!("{}", n(312.0)), "312");
        assert_eq!(format!("{}", n(2.5)), "2.5");
    }

    #[test]
    fn short_and_trimmed_drop_what_adds_nothing() {
        assert_eq!(short(10.0), "10");
        assert_eq!(short(2.5), "2.5");
        assert_eq!(short(12.3), "12.3");
        assert_eq!(short(0.0), "0");
        assert_eq!(trimmed(2.25, 3), "2.25");
        assert_eq!(trimmed(f64::from(12.3f32), 3), "12.3");
        assert_eq!(trimmed(40.0, 3), "40");
        assert_eq!(trimmed(0.5, 0), "1");
    }
}
