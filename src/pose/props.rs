//! Props: the floor's furniture and the things a figure holds or touches.
//!
//! Fixed props (bench, step, wall, Roman chair) sit at whole-unit world
//! positions; carried props (kettlebell, barbell, slider, band, pad) follow a
//! landmark of the figure, so they move with it between key poses.

use super::body::{Figure, Mark, Which, P, SHIN_W};
use super::svg::Out;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prop {
    /// A padded bench (or sofa, or a bench-high step) from `x` to `x + w`,
    /// its top `h` above the floor.
    Bench { x: i16, w: i16, h: i16 },
    /// A solid step or box.
    Step { x: i16, w: i16, h: i16 },
    /// A soft cushion on a seat, its top `h` above the floor.
    Cushion { x: i16, w: i16, h: i16 },
    /// A small wedge or plate under the heels, `h` high at its back edge.
    Wedge { x: i16, w: i16, h: i16 },
    /// A wall to hold for balance, its face at `x`.
    Wall { x: i16 },
    /// A 45-degree Roman chair: the hip pad centre and the foot plate.
    RomanChair { pad: (i16, i16), foot: (i16, i16) },
    /// A machine's back pad leaning back from its foot at `(x, y)`.
    Backrest { x: i16, y: i16, h: i16 },
    /// A kettlebell or dumbbell hanging from a hand.
    Kettlebell(Mark),
    /// A loaded barbell seen end on, its plate centred on a hand.
    Barbell(Mark),
    /// A slider under a heel.
    Slider(Which),
    /// A resistance band between two points.
    Band(Mark, Mark),
    /// A machine's roller pad, or a partner's hands holding an ankle.
    Roller(Mark),
    /// A gentle slope behind the runner.
    Hill,
}

const PLATE_R: f32 = 12.0;
const BELL_R: f32 = 5.5;
const ROLLER_R: f32 = 4.5;
pub const SLIDER_H: i16 = 2;
const CUSHION_H: f32 = 4.0;

/// A roller rests against the back of the leg (the side the knee bends
/// towards), not on the ankle's centre line.
fn roller_at(f: &Figure, m: Mark) -> P {
    let at = f.mark(m);
    let Mark::Ankle(w) = m else { return at };
    let knee = f.mark(Mark::Knee(w));
    let shin = (at.1 - knee.1).atan2(at.0 - knee.0) - std::f32::consts::FRAC_PI_2;
    let off = SHIN_W / 2.0 + ROLLER_R;
    (at.0 + shin.cos() * off, at.1 + shin.sin() * off)
}

impl Prop {
    /// Drawn behind the figure (furniture) or in front (what it holds).
    pub fn in_front(&self) -> bool {
        matches!(
            self,
            Prop::Kettlebell(_) | Prop::Barbell(_) | Prop::Band(..) | Prop::Roller(_)
        )
    }

    pub fn draw(&self, f: &Figure, o: &mut Out) {
        match *self {
            Prop::Bench { x, w, h } => {
                let (x, w, h) = (f32::from(x), f32::from(w), f32::from(h));
                o.rect("prop", x, h, w, 4.0);
                for lx in [x + 3.0, x + w - 3.0] {
                    o.line("prop leg", (lx, h - 4.0), (lx, 0.0), 2.5);
                }
            }
            Prop::Step { x, w, h } => {
                o.rect(
                    "prop",
                    f32::from(x),
                    f32::from(h),
                    f32::from(w),
                    f32::from(h),
                );
            }
            Prop::Cushion { x, w, h } => {
                let (x, w, h) = (f32::from(x), f32::from(w), f32::from(h));
                o.rect("prop cushion", x, h, w, CUSHION_H);
            }
            Prop::Wedge { x, w, h } => {
                let (x, w, h) = (f32::from(x), f32::from(w), f32::from(h));
                o.polygon("prop", &[(x, 0.0), (x, h), (x + w, 0.0)]);
            }
            Prop::Wall { x } => {
                let x = f32::from(x);
                o.rect("prop wall", x, 110.0, 4.0, 110.0);
            }
            Prop::RomanChair { pad, foot } => {
                let pad = (f32::from(pad.0), f32::from(pad.1));
                let foot = (f32::from(foot.0), f32::from(foot.1));
                o.line("prop", (pad.0, pad.1 - 3.0), (foot.0, foot.1), 3.0);
                // The pad and the foot plate square to the 45-degree frame.
                let (p0, p1) = ((pad.0 - 5.0, pad.1 + 5.0), (pad.0 + 6.0, pad.1 - 6.0));
                o.line("prop", p0, p1, 7.0);
                let (f0, f1) = ((foot.0 - 4.0, foot.1 + 1.0), (foot.0 + 5.0, foot.1 - 8.0));
                o.line("prop", f0, f1, 3.0);
                o.line("prop leg", (pad.0, pad.1 - 3.0), (pad.0, 0.0), 3.0);
                o.line("prop leg", (foot.0, foot.1), (foot.0, 0.0), 3.0);
            }
            Prop::Backrest { x, y, h } => {
                let (x, y) = (f32::from(x), f32::from(y));
                o.line("prop", (x, y), (x - 6.0, y + f32::from(h)), 5.0);
            }
            Prop::Kettlebell(m) => {
                let (hx, hy) = f.mark(m);
                o.circle("bell", (hx, hy - BELL_R - 2.0), BELL_R);
            }
            Prop::Barbell(m) => {
                let c = f.mark(m);
                o.circle("plate", c, PLATE_R);
                o.circle("bar", c, 1.5);
            }
            Prop::Slider(w) => {
                let heel = f.mark(Mark::Heel(w));
                o.line("prop", (heel.0 - 3.0, 1.0), (heel.0 + 5.0, 1.0), 2.0);
            }
            Prop::Band(a, b) => {
                o.line("band", f.mark(a), f.mark(b), 2.5);
            }
            Prop::Roller(m) => {
                o.circle("pad", roller_at(f, m), ROLLER_R);
            }
            Prop::Hill => {
                o.polygon("hill", &[(-40.0, 0.0), (120.0, 0.0), (120.0, 22.0)]);
            }
        }
    }

    /// The extent this prop adds to the picture, beyond the figure.
    pub fn bounds(&self, f: &Figure) -> Option<(P, P)> {
        let b = |x0: f32, y0: f32, x1: f32, y1: f32| Some(((x0, y0), (x1, y1)));
        match *self {
            Prop::Bench { x, w, h }
            | Prop::Step { x, w, h }
            | Prop::Wedge { x, w, h }
            | Prop::Cushion { x, w, h } => {
                b(f32::from(x), 0.0, f32::from(x) + f32::from(w), f32::from(h))
            }
            Prop::RomanChair { pad, foot } => b(
                f32::from(foot.0) - 2.0,
                0.0,
                f32::from(pad.0) + 8.0,
                f32::from(pad.1) + 4.0,
            ),
            Prop::Kettlebell(m) => {
                let (x, y) = f.mark(m);
                b(x - BELL_R, y - 2.0 * BELL_R - 2.0, x + BELL_R, y)
            }
            Prop::Barbell(m) => {
                let (x, y) = f.mark(m);
                b(x - PLATE_R, y - PLATE_R, x + PLATE_R, y + PLATE_R)
            }
            _ => None,
        }
    }

    /// Surfaces a figure may rest on: `(x0, x1, height)`.
    pub fn surface(&self) -> Option<(f32, f32, f32)> {
        match *self {
            Prop::Bench { x, w, h }
            | Prop::Step { x, w, h }
            | Prop::Wedge { x, w, h }
            | Prop::Cushion { x, w, h } => {
                Some((f32::from(x), f32::from(x) + f32::from(w), f32::from(h)))
            }
            Prop::RomanChair { foot, .. } => Some((
                f32::from(foot.0) - 2.0,
                f32::from(foot.0) + 8.0,
                f32::from(foot.1),
            )),
            _ => None,
        }
    }

    /// Where a prop touches the body, so a figure held by it is supported:
    /// a Roman chair's pad, a slider under the heel.
    pub fn holds(&self, f: &Figure) -> bool {
        match *self {
            Prop::RomanChair { pad, .. } => {
                let h = f.hip;
                (h.0 - f32::from(pad.0)).abs() < 10.0 && (h.1 - f32::from(pad.1)).abs() < 12.0
            }
            Prop::Slider(w) => {
                (f.mark(Mark::Heel(w)).1 - Mark::Heel(w).radius() - f32::from(SLIDER_H)).abs() < 1.5
            }
            _ => false,
        }
    }
}
