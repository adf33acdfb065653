//! The 2-D body model: joint angles in, landmark positions out.
//!
//! Angles are whole degrees so the data stays small. The world is seen from
//! the figure's side with x forward (the way the figure faces when it stands)
//! and y up from the floor at 0. Lengths are in figure units: a standing
//! figure is about 97 units tall.
//!
//! Joint angles are clinical: hip and shoulder flexion from the trunk line (0
//! is neutral, positive bends forward, negative extends), knee and elbow
//! flexion from straight, ankle dorsiflexion from a right angle (negative
//! points the toes). Only the trunk is absolute: the direction from hip to
//! shoulder, 90 upright, 180 lying on the back with the head behind, 0 lying
//! face down with the head in front.

/// An ankle value meaning "foot flat": the solver picks the ankle angle that
/// sets the sole level, so standing poses need no trigonometry by hand.
pub const FLAT: i16 = i16::MAX;

pub const TRUNK: f32 = 29.0;
pub const NECK: f32 = 4.0;
pub const HEAD_R: f32 = 6.5;
pub const UPPER_ARM: f32 = 17.0;
pub const FOREARM: f32 = 17.0;
/// Half the width of the hips and of the shoulders, seen from the front.
pub const HIP_HALF: f32 = 5.0;
pub const SHOULDER_HALF: f32 = 8.0;
pub const THIGH: f32 = 24.0;
pub const SHIN: f32 = 23.0;
pub const FOOT: f32 = 9.0;
/// The sole lies this far below the ankle centre along the shin line.
const SOLE_DROP: f32 = 2.5;
const HEEL_BACK: f32 = 1.5;

/// Stroke widths of the drawn segments (also the contact radii below).
pub const TRUNK_W: f32 = 12.0;
pub const THIGH_W: f32 = 9.0;
pub const SHIN_W: f32 = 7.0;
pub const FOOT_W: f32 = 4.5;
pub const UPPER_ARM_W: f32 = 5.5;
pub const FOREARM_W: f32 = 4.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Leg {
    pub hip: i16,
    pub knee: i16,
    pub ankle: i16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arm {
    pub shoulder: i16,
    pub elbow: i16,
}

/// Which leg: the working leg (drawn nearest, in the accent colour in one-leg
/// work) or the other one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Which {
    Work,
    Free,
}

/// A named point of the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Hip,
    Shoulder,
    Head,
    Elbow,
    Hand,
    Knee(Which),
    Ankle(Which),
    Heel(Which),
    Toe(Which),
    /// Whatever is lowest, at the hip's x: for a pose in flight or a
    /// stride where no one point is obviously on the ground.
    Low,
}

impl Mark {
    /// Half the drawn thickness at this point, so a pinned mark's surface,
    /// not its centre line, touches what it rests on.
    pub fn radius(self) -> f32 {
        match self {
            Mark::Hip | Mark::Shoulder => TRUNK_W / 2.0,
            Mark::Head => HEAD_R,
            Mark::Elbow => UPPER_ARM_W / 2.0,
            Mark::Hand => FOREARM_W / 2.0,
            Mark::Knee(_) => THIGH_W / 2.0,
            Mark::Ankle(_) => SHIN_W / 2.0,
            Mark::Heel(_) | Mark::Toe(_) => FOOT_W / 2.0,
            Mark::Low => 0.0,
        }
    }

    pub const ALL: [Mark; 13] = [
        Mark::Hip,
        Mark::Shoulder,
        Mark::Head,
        Mark::Elbow,
        Mark::Hand,
        Mark::Knee(Which::Work),
        Mark::Ankle(Which::Work),
        Mark::Heel(Which::Work),
        Mark::Toe(Which::Work),
        Mark::Knee(Which::Free),
        Mark::Ankle(Which::Free),
        Mark::Heel(Which::Free),
        Mark::Toe(Which::Free),
    ];
}

/// Where a pose sits in the world: the surface of `mark` touches `(x, y)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pin {
    pub mark: Mark,
    pub x: i16,
    pub y: i16,
}

/// One key pose of a demonstration.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pose {
    pub trunk: i16,
    pub arm: Arm,
    pub far_arm: Arm,
    pub work: Leg,
    pub free: Leg,
    pub pin: Pin,
}

/// A pose with real-valued angles and a hip position: a key pose after
/// solving, or an in-between.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Joints {
    pub trunk: f32,
    /// Shoulder and elbow of the near arm, then of the far arm.
    pub arms: [[f32; 2]; 2],
    /// Hip, knee, ankle of the working leg, then of the other leg.
    pub legs: [[f32; 3]; 2],
    pub hip_at: (f32, f32),
    /// Seen from the front: the working leg and near arm on the right of
    /// the picture, the others mirrored on the left.
    pub front: bool,
}

pub type P = (f32, f32);

/// Every landmark of a solved figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Figure {
    pub hip: P,
    pub shoulder: P,
    /// Where each leg and arm starts: the hip and shoulder themselves seen
    /// from the side, a hip or shoulder width apart seen from the front.
    pub hips: [P; 2],
    pub shoulders: [P; 2],
    pub head: P,
    pub arms: [[P; 2]; 2],
    /// Knee, ankle, heel, toe per leg ([work, free]).
    pub legs: [[P; 4]; 2],
}

fn dir(deg: f32) -> P {
    let r = deg.to_radians();
    (r.cos(), r.sin())
}

fn step(from: P, deg: f32, len: f32) -> P {
    let d = dir(deg);
    (from.0 + d.0 * len, from.1 + d.1 * len)
}

/// The direction of the shin (knee to ankle) for a trunk and leg.
fn shin_dir(trunk: f32, hip: f32, knee: f32) -> f32 {
    trunk + 180.0 + hip - knee
}

impl Pose {
    /// Angles and hip position with `FLAT` resolved and the pin applied.
    pub fn solve(&self) -> Joints {
        self.solve_in(false)
    }

    /// As [`Pose::solve`], seen from the front when `front`.
    pub fn solve_in(&self, front: bool) -> Joints {
        let trunk = f32::from(self.trunk);
        let leg = |l: Leg| {
            let (hip, knee) = (f32::from(l.hip), f32::from(l.knee));
            let ankle = if l.ankle == FLAT {
                // Foot direction is shin + 90 + ankle; level means 0 degrees.
                wrap(-(shin_dir(trunk, hip, knee) + 90.0))
            } else {
                f32::from(l.ankle)
            };
            [hip, knee, ankle]
        };
        let arm = |a: Arm| [f32::from(a.shoulder), f32::from(a.elbow)];
        let mut j = Joints {
            trunk,
            arms: [arm(self.arm), arm(self.far_arm)],
            legs: [leg(self.work), leg(self.free)],
            hip_at: (0.0, 0.0),
            front,
        };
        let at = j.figure().mark(self.pin.mark);
        let r = self.pin.mark.radius();
        j.hip_at = (
            f32::from(self.pin.x) - at.0,
            f32::from(self.pin.y) + r - at.1,
        );
        j
    }
}

/// An angle folded into (-180, 180].
pub fn wrap(deg: f32) -> f32 {
    let d = deg.rem_euclid(360.0);
    if d > 180.0 {
        d - 360.0
    } else {
        d
    }
}

impl Joints {
    pub fn lerp(&self, o: &Joints, t: f32) -> Joints {
        let m = |a: f32, b: f32| a + (b - a) * t;
        let mut r = *self;
        r.trunk = m(self.trunk, o.trunk);
        for i in 0..2 {
            for k in 0..2 {
                r.arms[i][k] = m(self.arms[i][k], o.arms[i][k]);
            }
            for k in 0..3 {
                r.legs[i][k] = m(self.legs[i][k], o.legs[i][k]);
            }
        }
        r.hip_at = (m(self.hip_at.0, o.hip_at.0), m(self.hip_at.1, o.hip_at.1));
        r
    }

    pub fn figure(&self) -> Figure {
        let hip = self.hip_at;
        let shoulder = step(hip, self.trunk, TRUNK);
        let head = head_at(shoulder, self.trunk);
        let side = self.trunk - 90.0;
        let apart = |c: P, half: f32| {
            if self.front {
                [step(c, side, half), step(c, side, -half)]
            } else {
                [c, c]
            }
        };
        let (hips, shoulders) = (apart(hip, HIP_HALF), apart(shoulder, SHOULDER_HALF));
        // From the front the far limbs are the near ones mirrored about the
        // trunk line; feet point outwards.
        let mirror = |i: usize, d: f32| {
            if self.front && i == 1 {
                2.0 * self.trunk - d
            } else {
                d
            }
        };
        let arm = |i: usize, [s, e]: [f32; 2]| {
            let upper = self.trunk + 180.0 + s;
            let elbow = step(shoulders[i], mirror(i, upper), UPPER_ARM);
            [elbow, step(elbow, mirror(i, upper + e), FOREARM)]
        };
        let leg = |i: usize, [h, k, a]: [f32; 3]| {
            let thigh = self.trunk + 180.0 + h;
            let knee = step(hips[i], thigh, THIGH);
            let shin = thigh - k;
            let ankle = step(knee, shin, SHIN);
            let foot = if self.front && i == 1 {
                // The far leg's angles already open to the left; only its
                // foot turns out the other way.
                2.0 * self.trunk - (shin + 90.0 + a)
            } else {
                shin + 90.0 + a
            };
            let sole = step(ankle, shin, SOLE_DROP);
            let heel = step(sole, foot, -HEEL_BACK);
            let toe = step(sole, foot, FOOT);
            [knee, ankle, heel, toe]
        };
        Figure {
            hip,
            shoulder,
            hips,
            shoulders,
            head,
            arms: [arm(0, self.arms[0]), arm(1, self.arms[1])],
            legs: [leg(0, self.legs[0]), leg(1, self.legs[1])],
        }
    }
}

/// The head carries on the trunk line unless that would put it through the
/// floor, as when lying with the hips raised: then the neck bends just enough
/// for the head to rest on the floor.
fn head_at(shoulder: P, trunk: f32) -> P {
    let len = NECK + HEAD_R;
    let head = step(shoulder, trunk, len);
    if head.1 >= HEAD_R {
        return head;
    }
    let s = ((HEAD_R - shoulder.1) / len).clamp(-1.0, 1.0);
    let a = s.asin().to_degrees();
    // Of the two directions that rest the head on the floor, the nearer one.
    let [b, c] = [a, 180.0 - a];
    let d = if wrap(b - trunk).abs() <= wrap(c - trunk).abs() {
        b
    } else {
        c
    };
    step(shoulder, d, len)
}

fn leg_index(w: Which) -> usize {
    match w {
        Which::Work => 0,
        Which::Free => 1,
    }
}

impl Figure {
    pub fn mark(&self, m: Mark) -> P {
        match m {
            Mark::Hip => self.hip,
            Mark::Shoulder => self.shoulder,
            Mark::Head => self.head,
            Mark::Elbow => self.arms[0][0],
            Mark::Hand => self.arms[0][1],
            Mark::Knee(w) => self.legs[leg_index(w)][0],
            Mark::Ankle(w) => self.legs[leg_index(w)][1],
            Mark::Heel(w) => self.legs[leg_index(w)][2],
            Mark::Toe(w) => self.legs[leg_index(w)][3],
            Mark::Low => (self.hip.0, self.lowest()),
        }
    }

    /// The lowest drawn surface: the smallest landmark height less its
    /// radius (segments are straight between landmarks, so this bounds them).
    pub fn lowest(&self) -> f32 {
        let far_arm = [
            (self.arms[1][0], UPPER_ARM_W / 2.0),
            (self.arms[1][1], FOREARM_W / 2.0),
        ];
        Mark::ALL
            .iter()
            .map(|&m| (self.mark(m), m.radius()))
            .chain(far_arm)
            .map(|(p, r)| p.1 - r)
            .fold(f32::INFINITY, f32::min)
    }

    /// Hip flexion of a leg measured from the drawing: the angle from the
    /// trunk line carried on past the hip to the thigh, forward positive.
    pub fn hip_flexion(&self, w: Which) -> f32 {
        let trunk = angle(self.hip, self.shoulder);
        let thigh = angle(self.hips[leg_index(w)], self.mark(Mark::Knee(w)));
        wrap(thigh - trunk - 180.0)
    }

    /// Knee flexion of a leg measured from the drawing.
    pub fn knee_flexion(&self, w: Which) -> f32 {
        let knee = self.mark(Mark::Knee(w));
        let thigh = angle(self.hips[leg_index(w)], knee);
        let shin = angle(knee, self.mark(Mark::Ankle(w)));
        wrap(thigh - shin)
    }
}

fn angle(from: P, to: P) -> f32 {
    (to.1 - from.1).atan2(to.0 - from.0).to_degrees()
}
