//! Learn: short pages on the condition and how to live with it while it
//! settles, in our own words. The text is data (`SECTIONS`) so it can be
//! edited without touching the markup; a test keeps each page short. The
//! build writes it to a file of its own that the screen fetches, as the
//! demonstrations are: reading text need not be in the wasm every start
//! downloads.

use super::markup::markup;
use crate::engine::model::Side;
use crate::ui::charts::esc;
use leptos::prelude::*;
use std::fmt::Write;
use wasm_bindgen::JsCast;

/// A paragraph, a short bulleted list, or a position drawn as the
/// exercises are (its element id, and its name in `pose`).
pub enum Block {
    P(&'static str),
    List(&'static [&'static str]),
    Figure(&'static str, &'static str),
}

pub struct LearnSection {
    /// The anchor for the table of contents.
    pub id: &'static str,
    pub title: &'static str,
    pub body: &'static [Block],
}

use Block::{Figure, List, P};

pub const SECTIONS: &[LearnSection] = &[
    LearnSection {
        id: "learn-condition",
        title: "What this condition is",
        body: &[
            P("Your hamstrings run down the back of the thigh. At the top, a tendon fixes them to your sit bone, the bony point you feel on a hard chair. In proximal hamstring tendinopathy that tendon has become sore and less able to take load."),
            P("It shows up as a deep ache at the sit bone, sometimes spreading a little down the thigh. Sitting, running uphill, sprinting, deep squats and stretching tend to make it worse. It usually follows a jump in load the tendon was not ready for: new hill runs, speed work, more stretching or long days in a chair."),
            P("Scans often show tendon changes in people with no pain at all, so you rarely need one to get started. A tendon loaded step by step gets stronger again."),
        ],
    },
    LearnSection {
        id: "learn-load",
        title: "Why load and the next morning matter",
        body: &[
            P("A tendon gets stronger when it is asked for a little more than it is used to and then given time to adapt. Too much too soon and it flares; too little and it stays weak. The aim is the right amount, not rest."),
            P("Tendons often answer late. A session can feel fine during and straight after, then hurt the next morning. That is why the app asks for one quick test each morning and compares it with your baseline. At or below baseline, yesterday's load suited the tendon and the plan can take a small step up. Above it, the plan holds or eases off."),
            P("Some discomfort while you exercise is fine, as long as it stays at or under the ceiling you chose."),
        ],
    },
    LearnSection {
        id: "learn-sitting",
        title: "Sitting",
        body: &[
            P("Sitting presses the tendon against the sit bone, and long spells of it can keep the pain going. Small changes help:"),
            Figure("learn-demo-sitting", crate::pose::SITTING),
            List(&[
                "Sit on something soft, such as a cushion, rather than a hard seat.",
                "Put a rolled towel under your thighs so less of your weight rests on the sit bones.",
                "Stand up for 2 to 5 minutes every 30 to 40 minutes. A timer helps if you get absorbed.",
            ]),
            P("Sitting pain is often the last thing to settle, so do not be discouraged if it lingers after everything else has improved."),
        ],
    },
    LearnSection {
        id: "learn-running",
        title: "Running changes",
        body: &[
            P("Many people can keep running while the tendon settles, with a few changes that ease its load:"),
            List(&[
                "Stick to flat ground and leave hills for later.",
                "Run slower, and put sprints and fast intervals aside for now.",
                "Take shorter, quicker steps: raise your cadence by 5 to 10%.",
                "Run a little more upright rather than leaning forward.",
            ]),
            P("If even a slow, flat run takes you past your ceiling or leaves the next morning worse, pause running for a while. Cycling, swimming or an elliptical can keep your fitness going. The plan brings running back step by step once jumps go well."),
        ],
    },
    LearnSection {
        id: "learn-avoid",
        title: "What to avoid early on",
        body: &[
            P("Early on, the tendon dislikes being squeezed against the sit bone, which happens when the hip bends deeply. For the first weeks, leave out:"),
            Figure("learn-demo-deep", crate::pose::DEEP_BEND),
            List(&[
                "stretching the hamstrings, above all sitting down or folding forward into a deep hip bend",
                "deep squats",
                "stiff-leg deadlifts",
                "seated hamstring curls",
            ]),
            P("Stretching is tempting because the area feels tight, but it often makes this pain worse. None of these is banned for good: the plan brings deeper hip bending back once single-leg bridges with your heel on a bench go well on both legs and your mornings are steady."),
        ],
    },
    LearnSection {
        id: "learn-time",
        title: "How long it takes",
        body: &[
            P("Tendons change slowly, so think in months rather than weeks. Three to six months is common, and longer is normal, especially when the pain has been around for a long time."),
            P("Progress comes in small steps, with the odd bad day along the way. A flare does not undo what you have built: the plan holds or eases off for a few days, then carries on."),
            P("Sitting pain is often the last to go, sometimes after you are back to running or sport. Keep some strength work going once the pain has gone; it helps the tendon stay calm."),
        ],
    },
    LearnSection {
        id: "learn-clinician",
        title: "When to see a clinician",
        body: &[
            P("This app is a self-management aid, not a diagnosis."),
            P("See a doctor or physiotherapist soon if you notice any of these:"),
            List(&[
                "a sudden pop at the back of the thigh, with bruising or trouble walking",
                "numbness, tingling or weakness spreading below the knee",
                "a change in bladder or bowel control, or numbness where you sit: get help the same day",
                "pain at night or at rest that keeps getting worse",
                "fever, or weight loss you cannot explain",
                "no real improvement after several weeks of steady work",
            ]),
            P("A physiotherapist can also confirm what is going on and fit this plan to you."),
        ],
    },
];

/// The Learn pages as one HTML fragment, written at build time into the
/// Learn file (`examples/demos.rs`), so their text is not in the wasm. A
/// figure is a `<figure data-pose>` the screen fills once it is on the page.
pub fn pages_html() -> String {
    let mut out = String::from(
        r#"<section aria-labelledby="learn-heading" class="card learn"><h2 id="learn-heading">Learn</h2><p>Short reads on the tendon and on living with it while it settles.</p><nav aria-label="On this page" class="toc"><ul>"#,
    );
    for s in SECTIONS {
        let _ = write!(
            out,
            r##"<li><a href="#{0}" data-act="jump" data-id="{0}">{1}</a></li>"##,
            s.id,
            esc(s.title)
        );
    }
    out.push_str("</ul></nav></section>");
    for s in SECTIONS {
        // The heading is focusable by script only, so a jump from the
        // contents moves keyboard and screen-reader focus there too.
        let _ = write!(
            out,
            r#"<section aria-labelledby="{0}" class="card learn-section"><h2 id="{0}" tabindex="-1">{1}</h2>"#,
            s.id,
            esc(s.title)
        );
        for b in s.body {
            match b {
                P(text) => {
                    let _ = write!(out, "<p>{}</p>", esc(text));
                }
                List(items) => {
                    out.push_str("<ul>");
                    for i in *items {
                        let _ = write!(out, "<li>{}</li>", esc(i));
                    }
                    out.push_str("</ul>");
                }
                Figure(id, name) => {
                    let _ = write!(
                        out,
                        r#"<figure class="demo demo-small" id="{id}" data-pose="{}"></figure>"#,
                        crate::pose::sprite::key(name)
                    );
                }
            }
        }
        out.push_str("</section>");
    }
    out
}

thread_local! {
    /// The Learn file once fetched, for the rest of the session.
    static PAGES: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The pages from the Learn file (precached by the service worker, so
/// there offline), put in place once fetched; the contents' links jump by
/// hand.
#[component]
pub fn Learn() -> impl IntoView {
    let html = r#"<div id="learn-pages"><section class="card"><h2>Learn</h2><p role="status">Opening the reading pages…</p></section></div>"#;
    leptos::task::spawn_local(async {
        let cached = PAGES.with(|p| p.borrow().clone());
        let pages = match cached {
            Some(p) => Some(p),
            None => super::demo::fetch_named("learn").await,
        };
        let Some(holder) = document().get_element_by_id("learn-pages") else {
            return;
        };
        let Some(pages) = pages else {
            holder.set_inner_html(r#"<section class="card notice"><h2>Learn</h2><p role="status">The reading pages could not be opened. Check your connection and open Learn again; once they have loaded, they work offline too.</p></section>"#);
            return;
        };
        // The screen's heading had focus (a tab was pressed): the new
        // one takes it, as on any screen.
        let focused = holder.contains(
            document()
                .active_element()
                .as_ref()
                .map(|e| e.unchecked_ref()),
        );
        holder.set_inner_html(&pages);
        if focused {
            super::state::focus_screen_heading();
        }
        PAGES.with(|p| *p.borrow_mut() = Some(pages));
        if let Ok(figures) = holder.query_selector_all("[data-pose]") {
            for i in 0..figures.length() {
                if let Some(f) = figures
                    .item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                {
                    let key = f.get_attribute("data-pose").unwrap_or_default();
                    super::demo::fill(f.id(), key, Side::Both);
                }
            }
        }
    });
    markup(html.to_string(), |act, id| match act {
        "demo-pause" => super::demo::toggle(id),
        _ => jump_to(id),
    })
}

fn jump_to(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    el.scroll_into_view();
    if let Ok(heading) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = heading.focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &LearnSection) -> usize {
        let text = |b: &Block| match b {
            P(t) => t.split_whitespace().count(),
            List(items) => items.iter().map(|i| i.split_whitespace().count()).sum(),
            Figure(..) => 0,
        };
        s.body.iter().map(text).sum()
    }

    fn contains(s: &LearnSection, needle: &str) -> bool {
        s.body.iter().any(|b| match b {
            P(t) => t.contains(needle),
            List(items) => items.iter().any(|i| i.contains(needle)),
            Figure(..) => false,
        })
    }

    #[test]
    fn every_page_is_short() {
        for s in SECTIONS {
            let n = words(s);
            assert!((60..=150).contains(&n), "{}: {n} words", s.title);
        }
        assert_eq!(SECTIONS.len(), 7);
    }

    #[test]
    fn the_not_a_diagnosis_line_is_said_once_where_it_belongs() {
        let with: Vec<_> = SECTIONS
            .iter()
            .filter(|s| contains(s, "not a diagnosis"))
            .map(|s| s.id)
            .collect();
        assert_eq!(with, ["learn-clinician"]);
    }

    #[test]
    fn sitting_and_running_carry_the_numbers_from_the_sources() {
        let by_id = |id| SECTIONS.iter().find(|s| s.id == id).unwrap();
        assert!(contains(by_id("learn-sitting"), "every 30 to 40 minutes"));
        assert!(contains(by_id("learn-running"), "5 to 10%"));
        assert!(contains(by_id("learn-time"), "months"));
    }
}
