//! The plan map as markup: read only and rebuilt whole when the plan
//! changes, so it is one string rather than typed views (as the charts and
//! the summary are), which costs far less wasm. The words come from
//! `model.rs`; everything is escaped.

use super::model::{LadderView, LevelView, MapModel, Section, StageRow, StageStatus};
use crate::engine::catalogue::Stage;
use crate::engine::stage::Gate;
use crate::ui::charts::esc;
use std::fmt::Write;

fn stage_blurb(s: Stage) -> &'static str {
    match s {
        Stage::Isometric => "Holds without movement, to settle an irritable tendon.",
        Stage::HeavySlow => "Slow, heavy strength work, two or three times a week.",
        Stage::EnergyStorage => "Jumps, so the tendon copes with speed again.",
        Stage::ReturnToRunning => "Running and sport, built back up bit by bit.",
    }
}

/// The whole map: the stages card, then a card for each stage's ladders.
pub fn map_html(m: &MapModel) -> String {
    let mut out = String::with_capacity(8192);
    let total = m.stages.len();
    let at = m
        .stages
        .iter()
        .position(|r| r.status == StageStatus::Current)
        .map_or(1, |i| i + 1);
    let _ = write!(
        out,
        r#"<section aria-labelledby="map-heading" class="card map"><h2 id="map-heading">Your plan</h2><p class="stage-line">Stage {at} of {total}: {}</p>"#,
        esc(m.current.name())
    );
    if m.paused {
        out.push_str(r#"<p class="notice warning">Nothing moves on while a red flag is open.</p>"#);
    }
    for why in &m.setbacks {
        let _ = write!(out, r#"<p class="notice warning">{}</p>"#, esc(why));
    }
    out.push_str(r#"<h3 id="map-stages-heading">Stages</h3><ol class="map-stages" aria-labelledby="map-stages-heading">"#);
    for r in &m.stages {
        stage_row(&mut out, r);
    }
    out.push_str("</ol>");
    gate(&mut out, m.gate.as_ref(), m.current);
    out.push_str("</section>");
    for s in &m.sections {
        section(&mut out, s, s.stage == m.current);
    }
    out
}

fn stage_row(out: &mut String, r: &StageRow) {
    let status = match r.status {
        StageStatus::Done => "Done",
        StageStatus::Skipped => "Skipped: not needed at your start",
        StageStatus::Current => "You are here",
        StageStatus::Ahead => "Still to come",
    };
    let open = if r.status == StageStatus::Current {
        r#"<li class="current" aria-current="step">"#
    } else {
        "<li>"
    };
    let _ = write!(
        out,
        r#"{open}<p class="map-stage-name"><strong>Stage {}: {}</strong><span class="map-status">{status}</span></p><p class="hint">{}</p></li>"#,
        r.stage.number(),
        esc(r.stage.name()),
        stage_blurb(r.stage)
    );
}

fn gate(out: &mut String, gate: Option<&Gate>, current: Stage) {
    match gate {
        Some(g) => {
            let _ = write!(out, "<h3>What stage {} needs</h3>", g.to.number());
            crate::ui::markup::checks(out, &g.checks);
        }
        None => {
            let _ = write!(
                out,
                "<p>Stage {} is the last stage for your goal. Keep building at your own pace.</p>",
                current.number()
            );
        }
    }
}

/// A stage's ladders; only the current stage's are open at first, so the
/// map opens where the user is and the other stages stay one line each.
fn section(out: &mut String, s: &Section, current: bool) {
    let n = s.stage.number();
    let _ = write!(
        out,
        r#"<section aria-labelledby="map-stage-{n}" class="card map-section"><h2 id="map-stage-{n}">Stage {n}: {}</h2>"#,
        esc(s.stage.name())
    );
    if !current {
        let _ = write!(
            out,
            r#"<details class="map-fold"><summary>Show stage {n}'s exercises</summary>"#
        );
    }
    // Stages with one category (holds, jumps, running) need no extra heading.
    let grouped = s.groups.len() > 1;
    for (category, ladders) in &s.groups {
        if grouped {
            let _ = write!(
                out,
                r#"<h3 class="map-category">{}</h3>"#,
                esc(category.name())
            );
        }
        for l in ladders {
            ladder(out, l, grouped);
        }
    }
    if !current {
        out.push_str("</details>");
    }
    out.push_str("</section>");
}

fn ladder(out: &mut String, l: &LadderView, nested: bool) {
    let h = if nested { "h4" } else { "h3" };
    let name = esc(l.ladder.name);
    // Unnamed, so not a landmark: a dozen ladder regions would drown the
    // page's real landmarks; headings are how to move between them.
    let class = if l.locked.is_some() {
        "map-ladder locked"
    } else {
        "map-ladder"
    };
    let _ = write!(
        out,
        r#"<section class="{class}"><{h} id="ladder-{}">{name}</{h}>"#,
        esc(l.ladder.id)
    );
    if let Some(why) = &l.locked {
        let _ = write!(
            out,
            r#"<p class="map-locked"><strong>Locked. </strong>{}</p>"#,
            esc(why)
        );
    }
    let next = |out: &mut String| {
        for n in &l.next {
            let _ = write!(out, r#"<p class="map-next">{}</p>"#, esc(n));
        }
    };
    // A ladder with nothing to do today folds its levels away so a phone
    // screen stays short; its name and the reason stay visible, above the
    // closed list, as they are all there is to read.
    if l.folded {
        next(out);
        let summary = match l.levels.len() {
            1 => "Show its level".to_string(),
            n => format!("Show its {n} levels"),
        };
        let _ = write!(out, "<details><summary>{summary}</summary>");
    }
    let _ = write!(
        out,
        r#"<ol class="map-levels" aria-label="{name}: levels">"#
    );
    for v in &l.levels {
        level(out, v);
    }
    out.push_str("</ol>");
    if l.folded {
        out.push_str("</details>");
    } else {
        next(out);
    }
    out.push_str("</section>");
}

fn level(out: &mut String, v: &LevelView) {
    let open = if v.here.is_empty() {
        "<li>"
    } else {
        r#"<li class="here">"#
    };
    let _ = write!(
        out,
        r#"{open}<span class="map-level-name">{}</span> <span class="hint">{}</span>"#,
        esc(v.name),
        esc(&v.target)
    );
    for h in &v.here {
        let _ = write!(out, r#"<strong class="map-here">{}</strong>"#, esc(h));
    }
    if let Some(m) = &v.missing {
        let _ = write!(out, r#"<span class="hint map-missing">{}</span>"#, esc(m));
    }
    // Drawn only when opened (`PlanMap` fills it), so the map stays light.
    let _ = write!(
        out,
        r#"<details class="map-demo demo-small" data-demo="{}"><summary>Show how</summary></details></li>"#,
        esc(&crate::pose::sprite::exercise_key(v.id))
    );
}
