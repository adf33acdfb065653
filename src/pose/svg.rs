//! The one renderer: a demonstration at any `t` as a compact SVG string.
//!
//! Everything drawn carries a class (`limb`, `work`, `far`, `prop`, `floor`,
//! `band`, `bell`, `plate`) and plain presentation attributes as defaults, so
//! the page's CSS restyles it for light and dark mode without touching this
//! code (a CSS rule always beats a presentation attribute). The body is drawn
//! in `currentColor`, so it follows the text colour unless told otherwise.

use super::body::{self, Figure, Which, P};
use super::{Demo, Prop};
use crate::engine::model::Side;
use std::fmt::Write;

/// Default accent for the working leg; the page overrides `.work`.
const ACCENT: &str = "#d9480f";
const BAND: &str = "#2b8a3e";
const MARGIN: f32 = 5.0;
/// Width to height of every picture, so the page can reserve its space.
pub const ASPECT: f32 = 1.6;
const STILL_GAP: f32 = 8.0;

/// Draws into a string in screen space: y down, mirrored for the right side.
pub struct Out {
    s: String,
    mirror: bool,
    dx: f32,
}

/// A coordinate to one decimal, "12" rather than "12.0", through the
/// app's own decimal writer (`crate::num`) like every number on screen.
fn n(v: f32) -> String {
    let s = crate::num::trimmed(f64::from(v), 1);
    // -0.04 rounds to "-0": the same point as "0", written shorter.
    if s == "-0" {
        "0".to_string()
    } else {
        s
    }
}

impl Out {
    fn x(&self, x: f32) -> String {
        n(if self.mirror { -x } else { x } + self.dx)
    }

    fn pt(&self, p: P) -> String {
        format!("{} {}", self.x(p.0), n(-p.1))
    }

    pub fn line(&mut self, class: &str, a: P, b: P, w: f32) {
        let d = format!("M{}L{}", self.pt(a), self.pt(b));
        let _ = write!(
            self.s,
            r#"<path class="{class}" d="{d}" stroke-width="{}"/>"#,
            n(w)
        );
    }

    /// A rectangle whose top edge is at height `top`, `h` tall.
    pub fn rect(&mut self, class: &str, x: f32, top: f32, w: f32, h: f32) {
        let left = if self.mirror { x + w } else { x };
        let _ = write!(
            self.s,
            r#"<rect class="{class}" x="{}" y="{}" width="{}" height="{}" rx="1.5" fill="currentColor" stroke="none"/>"#,
            self.x(left),
            n(-top),
            n(w),
            n(h)
        );
    }

    pub fn circle(&mut self, class: &str, c: P, r: f32) {
        let _ = write!(
            self.s,
            r#"<circle class="{class}" cx="{}" cy="{}" r="{}" fill="currentColor" stroke="none"/>"#,
            self.x(c.0),
            n(-c.1),
            n(r)
        );
    }

    pub fn polygon(&mut self, class: &str, pts: &[P]) {
        let p: Vec<String> = pts.iter().map(|&p| self.pt(p)).collect();
        let _ = write!(
            self.s,
            r#"<polygon class="{class}" points="{}" fill="currentColor" stroke="none"/>"#,
            p.join(" ")
        );
    }

    fn open(&mut self, attrs: &str) {
        let _ = write!(self.s, "<g {attrs}>");
    }

    fn close(&mut self) {
        self.s.push_str("</g>");
    }
}

/// Text for an attribute value: the only way words enter the picture.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The world box every pose of the demonstration fits in (floor included),
/// so the frame stays still while the figure moves.
fn world_box(demo: &Demo) -> (P, P) {
    let (mut lo, mut hi) = ((f32::INFINITY, 0.0f32), (f32::NEG_INFINITY, 0.0f32));
    let mut grow = |p: P, r: f32| {
        lo = (lo.0.min(p.0 - r), lo.1.min(p.1 - r));
        hi = (hi.0.max(p.0 + r), hi.1.max(p.1 + r));
    };
    for k in 0..=16 {
        let f = demo.figure_at(k as f32 / 16.0);
        for m in body::Mark::ALL {
            grow(f.mark(m), m.radius());
        }
        for a in f.arms[1] {
            grow(a, body::UPPER_ARM_W / 2.0);
        }
        for p in demo.props {
            if let Some((a, b)) = p.bounds(&f) {
                grow(a, 0.0);
                grow(b, 0.0);
            }
        }
    }
    (lo, hi)
}

/// The frame: world box plus margin, widened or heightened to [`ASPECT`].
fn frame(demo: &Demo) -> (f32, f32, f32, f32) {
    let (lo, hi) = world_box(demo);
    let (mut w, mut h) = (hi.0 - lo.0 + 2.0 * MARGIN, hi.1 - lo.1 + 2.0 * MARGIN);
    let mut left = lo.0 - MARGIN;
    if w < h * ASPECT {
        left -= (h * ASPECT - w) / 2.0;
        w = h * ASPECT;
    } else {
        h = w / ASPECT;
    }
    let bottom = lo.1 - MARGIN;
    (left, bottom, w, h)
}

fn draw_leg(o: &mut Out, f: &Figure, leg: usize, class: &str, stroke: &str) {
    let [knee, ankle, heel, toe] = f.legs[leg];
    o.open(&format!(r#"class="{class}"{stroke}"#));
    o.line("thigh", f.hips[leg], knee, body::THIGH_W);
    o.line("shin", knee, ankle, body::SHIN_W);
    o.line("foot", heel, toe, body::FOOT_W);
    o.close();
}

fn draw_arm(o: &mut Out, f: &Figure, arm: usize) {
    let [elbow, hand] = f.arms[arm];
    o.line("arm", f.shoulders[arm], elbow, body::UPPER_ARM_W);
    o.line("arm", elbow, hand, body::FOREARM_W);
}

/// One figure with its props and floor, `width` wide at `dx`.
fn scene(o: &mut Out, demo: &Demo, t: f32, one_leg: bool, (left, w): (f32, f32)) {
    let f = demo.figure_at(t);
    o.dx += if o.mirror { left + w } else { -left };
    o.line("floor", (left, -0.75), (left + w, -0.75), 1.5);
    o.open(r#"class="props" fill="currentColor" opacity=".35""#);
    for p in demo.props.iter().filter(|p| !p.in_front()) {
        p.draw(&f, o);
    }
    o.close();
    // Seen from the front both sides are equally near.
    let front = f.hips[0] != f.hips[1];
    o.open(if front {
        r#"class="far""#
    } else {
        r#"class="far" opacity=".5""#
    });
    draw_arm(o, &f, 1);
    draw_leg(o, &f, 1, "leg", "");
    o.close();
    o.line("trunk", f.hip, f.shoulder, body::TRUNK_W);
    if f.hips[0] != f.hips[1] {
        o.line("trunk", f.hips[0], f.hips[1], body::THIGH_W);
        o.line(
            "trunk",
            f.shoulders[0],
            f.shoulders[1],
            body::UPPER_ARM_W + 2.0,
        );
    }
    let neck = (
        f.shoulder.0 + (f.head.0 - f.shoulder.0) * 0.4,
        f.shoulder.1 + (f.head.1 - f.shoulder.1) * 0.4,
    );
    o.line("neck", f.shoulder, neck, 5.0);
    o.circle("head", f.head, body::HEAD_R);
    if one_leg {
        draw_leg(o, &f, 0, "leg work", &format!(r#" stroke="{ACCENT}""#));
    } else {
        draw_leg(o, &f, 0, "leg", "");
    }
    draw_arm(o, &f, 0);
    for p in demo.props.iter().filter(|p| p.in_front()) {
        let (class, attrs) = match p {
            Prop::Band(..) => ("band", format!(r#" stroke="{BAND}""#)),
            Prop::Roller(_) => ("props", r#" fill="currentColor" opacity=".45""#.to_string()),
            _ => ("held", r#" fill="currentColor" opacity=".8""#.to_string()),
        };
        o.open(&format!(r#"class="{class}"{attrs}"#));
        p.draw(&f, o);
        o.close();
    }
}

fn wrap(w: f32, h: f32, top: f32, label: &str, body: &str) -> String {
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="pose" viewBox="0 {} {} {}" role="img" aria-label="{}"><g fill="none" stroke="currentColor" stroke-linecap="round" stroke-linejoin="round">{body}</g></svg>"#,
        n(-top),
        n(w),
        n(h),
        attr(label),
    )
}

/// The demonstration at `t` in [0, 1] (see [`Demo::t_at`]) for the side the
/// user is working: one-leg work puts the working leg nearest, in the
/// accent colour, mirrored for the right leg.
pub fn svg(demo: &Demo, side: Side, t: f32) -> String {
    let side = demo.side(side);
    let (left, bottom, w, h) = frame(demo);
    let mut o = Out {
        s: String::new(),
        mirror: side == Side::Right,
        dx: 0.0,
    };
    scene(&mut o, demo, t, side != Side::Both, (left, w));
    wrap(w, h, bottom + h, &demo.label(side), &o.s)
}

/// For reduced motion: the start and end poses side by side, still.
pub fn svg_still(demo: &Demo, side: Side) -> String {
    let side = demo.side(side);
    let (left, bottom, w, h) = frame(demo);
    let mut o = Out {
        s: String::new(),
        mirror: side == Side::Right,
        dx: 0.0,
    };
    let (a, b) = demo.still_poses();
    scene(&mut o, demo, a, side != Side::Both, (left, w));
    o.dx = w + STILL_GAP;
    scene(&mut o, demo, b, side != Side::Both, (left, w));
    let label = format!("{}. Start and end positions.", demo.label(side));
    wrap(2.0 * w + STILL_GAP, h, bottom + h, &label, &o.s)
}

/// Which leg index is the accent one, for tests and callers that draw
/// their own key.
pub fn accent_leg(demo: &Demo) -> Option<Which> {
    demo.one_leg.then_some(Which::Work)
}
