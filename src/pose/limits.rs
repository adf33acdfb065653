//! Joint limits: the range each joint may be drawn in, and the check.

use super::body::Joints;

/// Joint limits, degrees: a key pose or any in-between past these is a
/// drawing error (tested). Wide enough for the catalogue, narrow enough to
/// catch a sign slip, such as a knee bending the wrong way.
pub const HIP_MIN: i16 = -35;
pub const HIP_MAX: i16 = 140;
pub const KNEE_MIN: i16 = 0;
pub const KNEE_MAX: i16 = 150;
pub const ANKLE_MIN: i16 = -55;
pub const ANKLE_MAX: i16 = 35;
pub const SHOULDER_MIN: i16 = -60;
pub const SHOULDER_MAX: i16 = 180;
pub const ELBOW_MIN: i16 = 0;
pub const ELBOW_MAX: i16 = 150;

/// Named, within-limit checks for a solved pose: `Err` names the joint.
pub fn check_limits(j: &Joints) -> Result<(), String> {
    let within = |name: &str, v: f32, lo: i16, hi: i16| {
        if v < f32::from(lo) - 0.01 || v > f32::from(hi) + 0.01 {
            Err(format!("{name} {v:.1} outside {lo}..{hi}"))
        } else {
            Ok(())
        }
    };
    for (i, [s, e]) in j.arms.iter().enumerate() {
        within(&format!("arm {i} shoulder"), *s, SHOULDER_MIN, SHOULDER_MAX)?;
        within(&format!("arm {i} elbow"), *e, ELBOW_MIN, ELBOW_MAX)?;
    }
    for (i, [h, k, a]) in j.legs.iter().enumerate() {
        within(&format!("leg {i} hip"), *h, HIP_MIN, HIP_MAX)?;
        within(&format!("leg {i} knee"), *k, KNEE_MIN, KNEE_MAX)?;
        within(&format!("leg {i} ankle"), *a, ANKLE_MIN, ANKLE_MAX)?;
    }
    Ok(())
}
