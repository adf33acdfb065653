#![cfg(not(target_arch = "wasm32"))]
//! The demonstrations agree with the catalogue: every exercise and self-test
//! has one, one leg or two as the catalogue says, the hip bends as far as
//! the catalogue's flexion level and no further, knee angles named in the
//! how-to hold, and no pose or in-between breaks a joint limit or the floor.

use hamstring_rehab::engine::catalogue::{exercises, Category, Flexion};
use hamstring_rehab::engine::model::{SelfTest, Side};
use hamstring_rehab::engine::rules;
use hamstring_rehab::pose::body::{Mark, Which};
use hamstring_rehab::pose::limits::check_limits;
use hamstring_rehab::pose::svg::{svg, svg_still};
use hamstring_rehab::pose::{all, for_exercise, for_self_test, Demo, Of, Tempo};
use proptest::prelude::*;

/// The hip-flexion levels in degrees (`rules.rs`, traced in docs/engine.md).
const NEUTRAL_MAX_HIP: f32 = rules::NEUTRAL_HIP_FLEXION_MAX_DEGREES as f32;
const MODERATE_MAX_HIP: f32 = rules::MODERATE_HIP_FLEXION_MAX_DEGREES as f32;
/// "Slightly bent" and "nearly straight" knees in the how-to text.
const SLIGHT_KNEE_MAX: f32 = 30.0;
/// Drawing slack, in degrees and in figure units.
const ANGLE_SLACK: f32 = 1.5;
const FLOOR_SLACK: f32 = 0.6;
const CONTACT_SLACK: f32 = 1.6;

fn key_ts(d: &Demo) -> Vec<f32> {
    let n = d.poses.len();
    let spans = if matches!(d.tempo, Tempo::Loop { .. }) {
        n
    } else {
        n - 1
    };
    (0..n).map(|k| k as f32 / spans as f32).collect()
}

/// The legs that carry load: the working one, or both in two-leg work.
fn loaded(d: &Demo) -> &'static [Which] {
    if d.one_leg {
        &[Which::Work]
    } else {
        &[Which::Work, Which::Free]
    }
}

fn max_hip(d: &Demo) -> f32 {
    (0..=40)
        .map(|k| d.figure_at(k as f32 / 40.0))
        .flat_map(|f| loaded(d).iter().map(move |&w| f.hip_flexion(w)))
        .fold(f32::NEG_INFINITY, f32::max)
}

fn slug(d: &Demo) -> String {
    match d.of {
        Of::Exercise(id) => id.to_string(),
        Of::Test { name } => format!("test-{}", name.to_lowercase().replace(' ', "-")),
        Of::Position { name } => format!("position-{}", name.to_lowercase().replace(' ', "-")),
    }
}

#[test]
fn every_exercise_and_self_test_has_a_demonstration() {
    for (_, _, e) in exercises() {
        let d = for_exercise(e.id).unwrap_or_else(|| panic!("no demonstration for {}", e.id));
        assert!((2..=4).contains(&d.poses.len()), "{}: 2-4 key poses", e.id);
        assert_eq!(d.name(), e.name);
    }
    for t in SelfTest::ALL {
        for two in [false, true] {
            let d = for_self_test(t, two);
            assert!((2..=4).contains(&d.poses.len()), "{t:?}");
            if t != SelfTest::MorningWalk {
                assert_eq!(d.one_leg, !two, "{t:?} on two legs: {two}");
            }
        }
    }
    let ids: Vec<String> = all().map(slug).collect();
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(ids.len(), unique.len(), "one demonstration each");
}

#[test]
fn one_leg_or_two_as_the_catalogue_says() {
    for (_, _, e) in exercises() {
        let d = for_exercise(e.id).unwrap();
        assert_eq!(d.one_leg, e.one_leg, "{}", e.id);
        let svg = svg(d, Side::Left, 0.5);
        assert_eq!(svg.contains("class=\"leg work\""), e.one_leg, "{}", e.id);
    }
}

#[test]
fn hip_flexion_matches_the_catalogue_level() {
    for (_, _, e) in exercises() {
        let d = for_exercise(e.id).unwrap();
        let hip = max_hip(d);
        let (lo, hi) = match e.flexion {
            Flexion::Neutral => (f32::NEG_INFINITY, NEUTRAL_MAX_HIP),
            Flexion::Moderate => (NEUTRAL_MAX_HIP, MODERATE_MAX_HIP),
            Flexion::Deep => (MODERATE_MAX_HIP, f32::INFINITY),
        };
        assert!(
            hip > lo && hip <= hi + ANGLE_SLACK,
            "{}: catalogue says {:?}, the figure's hip bends to {hip:.0}",
            e.id,
            e.flexion
        );
    }
}

/// "knees bent 10-20 degrees" and the like, read from the how-to text.
fn knee_range(how: &str) -> Option<(f32, f32)> {
    let at = how.find(" degrees")?;
    let words = how[..at].rsplit(' ').next()?;
    let (a, b) = words.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

#[test]
fn knee_angles_named_in_the_how_to_hold() {
    let mut checked = 0;
    for (_, _, e) in exercises() {
        let d = for_exercise(e.id).unwrap();
        let how = e.how.to_lowercase();
        let range = knee_range(&how).or_else(|| {
            (how.contains("nearly straight") || how.contains("slightly bent"))
                .then_some((0.0, SLIGHT_KNEE_MAX))
        });
        let Some((lo, hi)) = range else { continue };
        checked += 1;
        // The held or top pose is where the text's angle applies.
        let top = match d.up_pose() {
            Some(i) => i,
            None => d.poses.len() - 1,
        };
        let f = d.key(top).figure();
        for &w in loaded(d) {
            let k = f.knee_flexion(w);
            assert!(
                k >= lo - ANGLE_SLACK && k <= hi + ANGLE_SLACK,
                "{}: the text says {lo}-{hi} degrees, the figure's knee is {k:.0}",
                e.id
            );
        }
    }
    assert!(checked >= 3, "the long-lever bridges name their knee angle");
}

#[test]
fn key_poses_stay_on_or_above_the_floor_and_rest_on_something() {
    let mut wrong = Vec::new();
    for d in all() {
        let airborne = matches!(d.of, Of::Exercise(id) if hamstring_rehab::engine::catalogue::find_exercise(id)
            .is_some_and(|(l, _, _)| matches!(l.category, Category::Jumps | Category::Running)));
        for k in 0..d.poses.len() {
            let f = d.key(k).figure();
            if f.lowest() < -FLOOR_SLACK {
                wrong.push(format!(
                    "{} pose {k} goes through the floor: {:.1}",
                    slug(d),
                    f.lowest()
                ));
            }
            let on_floor = f.lowest() <= CONTACT_SLACK;
            let on_prop = d.props.iter().any(|pr| {
                pr.holds(&f)
                    || pr.surface().is_some_and(|(x0, x1, h)| {
                        Mark::ALL.iter().any(|&m| {
                            let (x, y) = f.mark(m);
                            x >= x0 - 2.0
                                && x <= x1 + 2.0
                                && (y - m.radius() - h).abs() <= CONTACT_SLACK
                        })
                    })
            });
            let flight = airborne && k > 0 && k + 1 < d.poses.len();
            if !(on_floor || on_prop || flight) {
                wrong.push(format!(
                    "{} pose {k} floats {:.1} above the floor",
                    slug(d),
                    f.lowest()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn key_poses_are_within_joint_limits() {
    for d in all() {
        for k in 0..d.poses.len() {
            if let Err(e) = check_limits(&d.key(k)) {
                panic!("{} pose {k}: {e}", slug(d));
            }
        }
    }
}

proptest! {
    #[test]
    fn in_betweens_stay_within_joint_limits_and_above_the_floor(i in 0usize..64, t in 0.0f32..=1.0) {
        let demos: Vec<&Demo> = all().collect();
        let d = demos[i % demos.len()];
        let j = d.joints_at(t);
        prop_assert!(check_limits(&j).is_ok(), "{} at {t}: {:?}", slug(d), check_limits(&j));
        prop_assert!(j.figure().lowest() >= -0.01, "{} at {t} under the floor", slug(d));
    }
}

#[test]
fn every_demonstration_has_its_words_and_an_accessible_name() {
    for d in all() {
        for s in [d.motion, d.feel, d.mistake] {
            assert!(
                !s.is_empty() && s.len() <= 110 && !s.contains('\n'),
                "{}: {s}",
                slug(d)
            );
        }
        let out = svg(d, Side::Right, 0.3);
        assert!(out.starts_with("<svg") && out.contains(r#"role="img""#));
        let label = d.label(Side::Right);
        assert!(out.contains(&format!(r#"aria-label="{label}""#)), "{label}");
        if d.one_leg {
            assert!(label.contains("right"), "{label}");
        }
        assert!(svg_still(d, Side::Left).contains("Start and end positions"));
    }
    assert_eq!(
        for_self_test(SelfTest::Bridge, false).label(Side::Left),
        "Single-leg bridge, left leg working: hips lift from the floor and lower, the other leg held up"
    );
}

#[test]
fn tempo_paces_heavy_slow_reps_and_holds_still() {
    let bridge = for_exercise("double_leg_bridge").unwrap();
    // A 3 s up, 3 s down rep with half a second still at each end.
    assert_eq!(bridge.t_at(0), 0.0);
    assert!((bridge.t_at(2_000) - 0.5).abs() < 1e-3);
    assert_eq!(bridge.t_at(3_600), 1.0);
    assert!((bridge.t_at(5_500) - 0.5).abs() < 1e-3);
    assert_eq!(bridge.t_at(7_000), 0.0);
    assert_eq!(bridge.up_pose(), Some(1));
    let hold = for_exercise("iso_bridge").unwrap();
    assert_eq!(hold.t_at(0), hold.t_at(12_345));
    let rdl = for_exercise("single_leg_rdl").unwrap();
    assert_eq!((rdl.up_pose(), rdl.down_pose()), (Some(0), Some(1)));
}

#[test]
fn the_right_leg_is_drawn_mirrored() {
    let d = for_exercise("single_leg_bridge").unwrap();
    let (l, r) = (svg(d, Side::Left, 0.0), svg(d, Side::Right, 0.0));
    let num = |s: &str, key: &str| -> f32 {
        let at = s.find(key).unwrap() + key.len();
        s[at..].split(['"', ' ']).next().unwrap().parse().unwrap()
    };
    // viewBox="0 top width height"
    let view = &l[l.find("viewBox=\"").unwrap() + 9..];
    let width: f32 = view.split(' ').nth(2).unwrap().parse().unwrap();
    let (hl, hr) = (
        num(&l, r#"class="head" cx=""#),
        num(&r, r#"class="head" cx=""#),
    );
    assert!(
        (hr - (width - hl)).abs() < 0.2,
        "head at {hl} and {hr} in {width}"
    );
    assert!(r.contains("right leg working") && l.contains("left leg working"));
}

/// Writes every demonstration to test-results/poses/ for a person to look at.
#[test]
fn render_every_demonstration() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test-results/poses");
    std::fs::create_dir_all(&dir).unwrap();
    let mut page = String::from(
        "<!doctype html><meta charset=utf-8><style>body{font:12px sans-serif;margin:4px;display:grid;grid-template-columns:repeat(4,1fr);gap:4px}\
         figure{margin:0;border:1px solid #ccc}figcaption{padding:2px}svg{width:100%;display:block}\
         .dark{background:#1b1b1f;color:#e8e8ea}.dark .work{stroke:#ff8a4c}</style>",
    );
    for d in all() {
        let s = slug(d);
        for (k, t) in key_ts(d).into_iter().enumerate() {
            let out = svg(d, Side::Left, t);
            std::fs::write(dir.join(format!("{s}-{k}.svg")), &out).unwrap();
            page.push_str(&format!(
                "<figure><figcaption>{s} {k}</figcaption>{out}</figure>"
            ));
        }
        std::fs::write(
            dir.join(format!("{s}-still-right.svg")),
            svg_still(d, Side::Right),
        )
        .unwrap();
    }
    std::fs::write(dir.join("index.html"), page).unwrap();
}
