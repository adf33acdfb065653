//! Every demonstration in one file, drawn at build time so the app's wasm
//! carries neither the pose data nor the renderer.
//!
//! The file (`demos-<hash>.svg`, written by `examples/demos.rs`) is one SVG
//! document holding, per demonstration, a comment naming its [`key`] and then
//! a nested `<svg>`: the moving figure, animated declaratively (SMIL
//! `<animate>` on each coordinate, sampled from [`Demo::joints_at`] at the
//! demonstration's own tempo), or the held pose for holds. After it comes
//! `<!--key.still-->` with the start and end poses side by side, for reduced
//! motion (and `<!--key.still.right-->`, mirrored, for one-leg work, so the
//! start stays on the left). The moving figure is drawn for the left leg;
//! the page mirrors it for the right.
//!
//! The words the page shows with it ride along as attributes of the moving
//! `<svg>`: `data-l` / `data-r` the accessible names for the left / right
//! leg, `data-feel`, `data-mistake`, and `data-m` when it moves.

use super::svg::{svg, svg_still};
use super::{all, data, Demo, Of, Tempo, END_PAUSE_MS};
use crate::engine::model::{SelfTest, Side};
use std::fmt::Write;

/// Key poses' in-betweens sampled per span: enough that straight-line
/// motion between samples keeps the limbs their length.
const SAMPLES_PER_SPAN: usize = 3;

/// A demonstration's name in the file, safe as an XML comment and id:
/// catalogue ids as they are, self-tests' own names lower-cased with
/// dashes.
pub fn key(id: &str) -> String {
    id.chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '_') => c,
            _ => '-',
        })
        .collect()
}

/// The key of a catalogue exercise's demonstration.
pub fn exercise_key(id: &str) -> String {
    key(id)
}

/// The key of a morning self-test's demonstration (on one leg or two).
pub fn self_test_key(test: SelfTest, two_legs: bool) -> String {
    key(data::self_test_id(test, two_legs))
}

/// The key of a demonstration.
pub fn demo_key(d: &Demo) -> String {
    match d.of {
        Of::Exercise(id) => key(id),
        Of::Test { name } | Of::Position { name } => key(name),
    }
}

/// The times (ms into one cycle) and the `t` drawn at each, for one cycle
/// of the demonstration's tempo; `None` for holds, which stay still.
fn samples(d: &Demo) -> Option<(u32, Vec<(u32, f32)>)> {
    let spans = match d.tempo {
        Tempo::Loop { .. } => d.poses.len(),
        _ => d.poses.len() - 1,
    };
    let n = spans * SAMPLES_PER_SPAN;
    match d.tempo {
        Tempo::Hold => None,
        Tempo::Loop { cycle_ds } => {
            let cycle = u32::from(cycle_ds).max(1) * 100;
            let at = (0..=n)
                .map(|i| (cycle * i as u32 / n as u32, i as f32 / n as f32))
                .collect();
            Some((cycle, at))
        }
        Tempo::Rep {
            there_ds, back_ds, ..
        } => {
            let there = u32::from(there_ds).max(1) * 100;
            let back = u32::from(back_ds).max(1) * 100;
            let mut at = vec![(0, 0.0)];
            for i in 0..=n {
                let f = i as f32 / n as f32;
                at.push((END_PAUSE_MS + there * i as u32 / n as u32, f));
            }
            let turn = 2 * END_PAUSE_MS + there;
            for i in 0..=n {
                let f = i as f32 / n as f32;
                at.push((turn + back * i as u32 / n as u32, 1.0 - f));
            }
            Some((turn + back, at))
        }
    }
}

/// The renderer's elements: (tag, attributes, self-closing), in order.
type Element<'a> = (&'a str, Vec<(&'a str, &'a str)>, bool);

/// Splits the renderer's own output into elements. It writes every
/// attribute as `name="value"` with `"`, `<` and `>` escaped in values,
/// so this is all the parsing it needs.
fn elements(s: &str) -> Vec<Element<'_>> {
    let mut out = Vec::new();
    for chunk in s.split('<').skip(1) {
        let body = chunk.trim_end_matches('>');
        let (body, closed) = match body.strip_suffix('/') {
            Some(b) => (b, true),
            None => (body, false),
        };
        let (tag, mut rest) = body.split_once(' ').unwrap_or((body, ""));
        let mut attrs = Vec::new();
        while let Some((name, after)) = rest.split_once("=\"") {
            let (value, next) = after.split_once('"').unwrap_or((after, ""));
            attrs.push((name.trim(), value));
            rest = next;
        }
        out.push((tag, attrs, closed));
    }
    out
}

/// Writes one element; attributes that change between frames become
/// `<animate>` children running over `dur_ms`, on `key_times`.
fn write_element(out: &mut String, frames: &[Vec<Element>], i: usize, timing: &(u32, String)) {
    let (tag, attrs, closed) = &frames[0][i];
    if tag.starts_with('/') {
        let _ = write!(out, "<{tag}>");
        return;
    }
    let mut animated = String::new();
    let _ = write!(out, "<{tag}");
    for (k, (name, value)) in attrs.iter().enumerate() {
        let values: Vec<&str> = frames.iter().map(|f| f[i].1[k].1).collect();
        if values.iter().all(|v| v == value) {
            let _ = write!(out, r#" {name}="{value}""#);
        } else {
            let _ = write!(
                animated,
                r#"<animate attributeName="{name}" dur="{}ms" repeatCount="indefinite" keyTimes="{}" values="{}"/>"#,
                timing.0,
                timing.1,
                values.join(";")
            );
        }
    }
    match (closed, animated.is_empty()) {
        (true, true) => out.push_str("/>"),
        (true, false) => {
            let _ = write!(out, ">{animated}</{tag}>");
        }
        (false, _) => {
            out.push('>');
            out.push_str(&animated);
        }
    }
}

/// Attribute text: the words are plain text, escaped once here.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The renderer's `<svg ...>` opening tag turned into the nested one:
/// hidden from assistive tech (the page names the figure), with the
/// demonstration's words, and no label of its own.
fn open_tag(svg_open: &Element, extra: &str) -> String {
    let mut s = String::from("<svg");
    for (name, value) in &svg_open.1 {
        if matches!(*name, "xmlns" | "role" | "aria-label") {
            continue;
        }
        let _ = write!(s, r#" {name}="{value}""#);
    }
    let _ = write!(s, r#" aria-hidden="true"{extra}>"#);
    s
}

/// A still picture (no animation) as a nested `<svg>`.
fn still(markup: &str) -> String {
    let els = elements(markup);
    let mut out = open_tag(&els[0], "");
    let frames = vec![els];
    let timing = (0, String::new());
    for i in 1..frames[0].len() {
        write_element(&mut out, &frames, i, &timing);
    }
    out
}

/// One demonstration's entries in the file.
pub fn entry(d: &Demo) -> String {
    let k = demo_key(d);
    let mut words = format!(
        r#" data-l="{}" data-feel="{}" data-mistake="{}""#,
        attr(&d.label(Side::Left)),
        attr(d.feel),
        attr(d.mistake)
    );
    if d.one_leg {
        let _ = write!(words, r#" data-r="{}""#, attr(&d.label(Side::Right)));
    }
    let mut out = format!("<!--{k}-->");
    match samples(d) {
        None => {
            let held = svg(d, Side::Left, d.t_at(0));
            let els = elements(&held);
            out.push_str(&open_tag(&els[0], &words));
            let frames = vec![els];
            for i in 1..frames[0].len() {
                write_element(&mut out, &frames, i, &(0, String::new()));
            }
        }
        Some((cycle, at)) => {
            let drawn: Vec<String> = at.iter().map(|&(_, t)| svg(d, Side::Left, t)).collect();
            let frames: Vec<Vec<Element>> = drawn.iter().map(|s| elements(s)).collect();
            // The renderer draws the same elements at every `t`; only their
            // coordinates move, which is what lets them be animated.
            for f in &frames {
                assert!(
                    f.len() == frames[0].len()
                        && f.iter()
                            .zip(&frames[0])
                            .all(|(a, b)| a.0 == b.0 && a.1.len() == b.1.len()),
                    "{k}: the drawing changes shape between frames"
                );
            }
            let key_times: Vec<String> = at
                .iter()
                .map(|&(ms, _)| crate::num::trimmed(f64::from(ms) / f64::from(cycle), 3))
                .collect();
            words.push_str(r#" data-m="1""#);
            out.push_str(&open_tag(&frames[0][0], &words));
            let timing = (cycle, key_times.join(";"));
            for i in 1..frames[0].len() {
                write_element(&mut out, &frames, i, &timing);
            }
        }
    }
    let _ = write!(out, "<!--{k}.still-->{}", still(&svg_still(d, Side::Left)));
    if d.one_leg {
        let _ = write!(
            out,
            "<!--{k}.still.right-->{}",
            still(&svg_still(d, Side::Right))
        );
    }
    out
}

/// The whole file: every demonstration, exercises first.
pub fn sprite() -> String {
    let mut out = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg">"#);
    for d in all() {
        out.push_str(&entry(d));
    }
    out.push_str("</svg>");
    out
}

/// The file's name: its content's FNV-1a hash, so a changed drawing gets a
/// new name and the service worker's cache-first rule never serves an old
/// one.
pub fn file_name(content: &str) -> String {
    hashed_name("demos", content, "svg")
}

/// `{stem}-{hash}.{ext}`, the hash as in [`file_name`].
pub fn hashed_name(stem: &str, content: &str, ext: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in content.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{stem}-{h:016x}.{ext}")
}
