//! Exercise demonstrations as data, and the one renderer that draws them.
//!
//! Every catalogue exercise and every morning self-test has a [`Demo`]: two to
//! four key poses of a small side-view body model ([`body`]), the props it
//! uses, a tempo, and a few words. [`svg::svg`] draws any pose or in-between
//! as an SVG string; [`svg::svg_still`] draws the start and end side by side
//! for reduced motion. Adding an exercise means writing its poses in `data/`,
//! never SVG. Pure Rust: it may read the engine's catalogue, never the other
//! way round.
//!
//! The UI's calls:
//! - [`for_exercise`]`(id)` / [`for_self_test`]`(test, two_legs)` -> `&Demo`
//! - [`Demo::t_at`]`(elapsed_ms)` -> the `t` to draw now, from the tempo
//! - [`svg::svg`]`(demo, side, t)` and [`svg::svg_still`]`(demo, side)`
//! - [`Demo::label`]`(side)`, `demo.feel`, `demo.mistake`

pub mod body;
mod data;
pub mod limits;
pub mod props;
pub mod sprite;
pub mod svg;

pub use data::{DEEP_BEND, SITTING};

use crate::engine::catalogue::find_exercise;
use crate::engine::model::{SelfTest, Side};
use crate::engine::rules;
use body::{Figure, Joints, Pose};
pub use props::Prop;

/// Heavy slow resistance tempo (`rules::HSR_SECONDS_*`) in tenths of a second.
pub const HSR_UP_DS: u8 = rules::HSR_SECONDS_UP * 10;
pub const HSR_DOWN_DS: u8 = rules::HSR_SECONDS_DOWN * 10;
/// A short still moment at each end of a rep, so the eye can read the pose.
pub const END_PAUSE_MS: u32 = 500;

/// Which way the body moves from the first key pose to the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Up,
    Down,
}

/// How a demonstration moves, so the UI can pace it to the dose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tempo {
    /// Still in the last pose; the poses before it show how to get there.
    Hold,
    /// A rep runs from the first pose to the last in `there_ds` tenths of a
    /// second and back in `back_ds`; `first` says whether that first half
    /// lifts (up) or lowers (down).
    Rep {
        first: Dir,
        there_ds: u8,
        back_ds: u8,
    },
    /// Runs round the poses and back to the first, one cycle per `cycle_ds`.
    Loop { cycle_ds: u8 },
}

/// A heavy-slow rep that starts at the bottom.
pub const HSR: Tempo = Tempo::Rep {
    first: Dir::Up,
    there_ds: HSR_UP_DS,
    back_ds: HSR_DOWN_DS,
};

/// What a demonstration shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Of {
    Exercise(&'static str),
    /// A self-test with no catalogue exercise of its own; `name` is shown.
    Test {
        name: &'static str,
    },
    /// A position the Learn pages explain (sitting, a deep hip bend).
    Position {
        name: &'static str,
    },
}

/// How the side the user logs is named in the accessible name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideWord {
    /// "left leg working"
    Leg,
    /// "lying on your left side" (side planks, seen from the front)
    Down,
}

/// Where the figure is seen from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Side,
    /// For side-to-side movement (banded side steps): leg angles open the
    /// legs sideways and the far limbs mirror the near ones.
    Front,
}

#[derive(Debug)]
pub struct Demo {
    pub of: Of,
    pub view: View,
    pub one_leg: bool,
    pub side_word: SideWord,
    pub props: &'static [Prop],
    pub poses: &'static [Pose],
    pub tempo: Tempo,
    /// The movement in a few words, for the accessible name.
    pub motion: &'static str,
    /// "You should feel it here", one line.
    pub feel: &'static str,
    /// One common mistake, one line.
    pub mistake: &'static str,
}

/// Every demonstration: exercises, the self-tests' own, Learn's positions.
pub fn all() -> impl Iterator<Item = &'static Demo> {
    data::ALL.iter().flat_map(|d| d.iter())
}

/// The demonstration of a catalogue exercise.
pub fn for_exercise(id: &str) -> Option<&'static Demo> {
    all().find(|d| matches!(d.of, Of::Exercise(e) if e == id))
}

/// The demonstration of a morning self-test, done on one leg or, where the
/// user cannot yet, on two.
pub fn for_self_test(test: SelfTest, two_legs: bool) -> &'static Demo {
    let id = data::self_test_id(test, two_legs);
    all()
        .find(|d| match d.of {
            Of::Exercise(e) => e == id,
            Of::Test { name } => name == id,
            Of::Position { .. } => false,
        })
        .expect("every self-test has a demonstration")
}

impl Demo {
    pub fn name(&self) -> &'static str {
        match self.of {
            Of::Exercise(id) => find_exercise(id).map_or(id, |(_, _, e)| e.name),
            Of::Test { name } | Of::Position { name } => name,
        }
    }

    /// The side drawn: one-leg work is always of one leg (left when unsaid).
    pub fn side(&self, side: Side) -> Side {
        match (self.one_leg, side) {
            (false, _) => Side::Both,
            (true, Side::Both) => Side::Left,
            (true, s) => s,
        }
    }

    /// The accessible name, e.g. "Single-leg bridge, left leg working: hips
    /// lift from the floor and lower".
    pub fn label(&self, side: Side) -> String {
        let who = match (self.side(side), self.side_word) {
            (Side::Both, _) => String::new(),
            (s, SideWord::Leg) => format!(", {} leg working", s.label()),
            (s, SideWord::Down) => format!(", lying on your {} side", s.label()),
        };
        format!("{}{who}: {}", self.name(), self.motion)
    }

    /// The pose at `t` in [0, 1]: 0 is the first key pose, 1 the last (or,
    /// for a loop, the first again). In-betweens ease in and out.
    pub fn joints_at(&self, t: f32) -> Joints {
        let keys = self.poses;
        let n = keys.len();
        let spans = if matches!(self.tempo, Tempo::Loop { .. }) {
            n
        } else {
            n - 1
        };
        let x = t.clamp(0.0, 1.0) * spans as f32;
        let i = (x.floor() as usize).min(spans - 1);
        let u = x - i as f32;
        let (a, b) = (&keys[i], &keys[(i + 1) % n]);
        let ease = u * u * (3.0 - 2.0 * u);
        let mut j = self.key(i).lerp(&self.key((i + 1) % n), ease);
        if a.pin.mark == b.pin.mark {
            // Keep the shared contact (a heel, a knee) on its path instead
            // of letting it drift as the hip moves in a straight line.
            let m = a.pin.mark;
            let now = j.figure().mark(m);
            let lerp = |p: i16, q: i16| f32::from(p) + (f32::from(q) - f32::from(p)) * ease;
            let target = (lerp(a.pin.x, b.pin.x), lerp(a.pin.y, b.pin.y) + m.radius());
            j.hip_at.0 += target.0 - now.0;
            j.hip_at.1 += target.1 - now.1;
        }
        let low = j.figure().lowest();
        if low < 0.0 {
            j.hip_at.1 -= low;
        }
        j
    }

    /// Key pose `k` solved in this demonstration's view.
    pub fn key(&self, k: usize) -> Joints {
        self.poses[k].solve_in(self.view == View::Front)
    }

    pub fn figure_at(&self, t: f32) -> Figure {
        self.joints_at(t).figure()
    }

    /// The `t` to draw `ms` after the demonstration started, from its tempo:
    /// reps go there and back with a short pause at each end, holds stay at
    /// the held pose, loops cycle.
    pub fn t_at(&self, ms: u32) -> f32 {
        match self.tempo {
            Tempo::Hold => 1.0,
            Tempo::Loop { cycle_ds } => {
                let cycle = u32::from(cycle_ds).max(1) * 100;
                (ms % cycle) as f32 / cycle as f32
            }
            Tempo::Rep {
                there_ds, back_ds, ..
            } => {
                let there = u32::from(there_ds).max(1) * 100;
                let back = u32::from(back_ds).max(1) * 100;
                let at = ms % (there + back + 2 * END_PAUSE_MS);
                if at < END_PAUSE_MS {
                    0.0
                } else if at < END_PAUSE_MS + there {
                    (at - END_PAUSE_MS) as f32 / there as f32
                } else if at < 2 * END_PAUSE_MS + there {
                    1.0
                } else {
                    1.0 - (at - 2 * END_PAUSE_MS - there) as f32 / back as f32
                }
            }
        }
    }

    /// The index of the 'up' key pose (hips high, standing tall), if the
    /// demonstration is a rep.
    pub fn up_pose(&self) -> Option<usize> {
        match self.tempo {
            Tempo::Rep { first: Dir::Up, .. } => Some(self.poses.len() - 1),
            Tempo::Rep {
                first: Dir::Down, ..
            } => Some(0),
            _ => None,
        }
    }

    /// The index of the 'down' key pose, if the demonstration is a rep.
    pub fn down_pose(&self) -> Option<usize> {
        self.up_pose()
            .map(|u| if u == 0 { self.poses.len() - 1 } else { 0 })
    }

    /// The two poses shown still for reduced motion: where it starts and
    /// where it goes (a loop's halfway pose).
    pub fn still_poses(&self) -> (f32, f32) {
        match self.tempo {
            Tempo::Loop { .. } => (0.0, 0.5),
            _ => (0.0, 1.0),
        }
    }
}
