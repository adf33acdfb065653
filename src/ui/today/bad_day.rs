//! Today's last cards, for a bad day: mark a flare day, or report a red
//! flag (pick one, then confirm), which stops the plan.

use crate::engine::edit::Edit;
use crate::engine::model::RedFlag;
use crate::ui::charts::esc;
use crate::ui::markup::markup;
use crate::ui::state::{use_app, AppState};
use leptos::prelude::*;
use std::fmt::Write;

/// The flare-day button and the red-flag report, last on Today.
pub fn cards(flare_today: bool) -> AnyView {
    let app = use_app();
    let mut out = String::new();
    flare_card(&mut out, flare_today);
    red_flag_card(&mut out);
    markup(out, move |act, id| match act {
        "flare" => {
            app.send(Edit::Flare);
        }
        _ => red_flag_act(app, act, id),
    })
}

fn flare_card(out: &mut String, flare_today: bool) {
    out.push_str(r#"<section aria-labelledby="flare-heading" class="card"><h2 id="flare-heading">Bad day?</h2>"#);
    out.push_str(if flare_today {
        r#"<p role="status">Today is marked as a flare day. Everything holds, and it does not count against you.</p>"#
    } else {
        r#"<p>If the tendon is having a flare, mark the day: everything holds, with no penalty.</p><button type="button" data-act="flare">Mark today as a flare day</button>"#
    });
    out.push_str("</section>");
}

/// Report a red flag any day: a plain list, one tap to pick, and a second
/// to confirm, so a slipped thumb does not stop the plan.
fn red_flag_card(out: &mut String) {
    out.push_str(r#"<section aria-labelledby="redflag-heading" class="card"><h2 id="redflag-heading">Something new or worrying?</h2><button type="button" aria-expanded="false" id="flag-open" data-act="flags">Report a red flag</button><div id="flags" hidden><p>Tap the one that fits. The app will stop progressing and ask you to see a clinician.</p><ul class="red-flags">"#);
    for (i, f) in RedFlag::ALL.iter().enumerate() {
        let _ = write!(
            out,
            r#"<li><button type="button" class="danger" data-act="flag" data-id="{i}">{}</button></li>"#,
            esc(f.question())
        );
    }
    out.push_str(r#"</ul></div><div id="flag-ask"></div></section>"#);
}

/// What a tap in the red-flag card does: open the list, ask to confirm the
/// flag picked, report it, or cancel.
fn red_flag_act(app: AppState, act: &str, id: &str) {
    let el = |id| document().get_element_by_id(id);
    let flag = id.parse::<usize>().ok().and_then(|i| RedFlag::ALL.get(i));
    let ask = match (act, flag) {
        ("flags", _) => {
            if let (Some(list), Some(button)) = (el("flags"), el("flag-open")) {
                let open = list.toggle_attribute("hidden").is_ok_and(|hidden| !hidden);
                let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
            }
            return;
        }
        ("flag", Some(f)) => format!(
            r#"<div class="notice" role="alert"><p>Report this? {}</p><p>Your plan stops until you say a clinician has checked you.</p><button type="button" class="danger" data-act="report" data-id="{id}">Yes, report it</button><button type="button" class="link" data-act="cancel">Cancel</button></div>"#,
            esc(f.question())
        ),
        ("report", Some(f)) => {
            app.send(Edit::RedFlag(*f));
            String::new()
        }
        _ => String::new(),
    };
    if let Some(holder) = el("flag-ask") {
        holder.set_inner_html(&ask);
    }
}
