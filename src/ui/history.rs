//! History: how the tendon has answered the loading, as charts with their
//! numbers in tables (mornings against the baseline, pain during, weekly
//! volume, left against right), then every entry, each one correctable.
//!
//! Everything here is read from `progress()` over the log, so a correction
//! made below redraws the charts and Today's plan alike.

mod answers;
mod correct;
mod entries;
mod loading;
pub(super) use entries::describe;

use super::charts::{day_label, short_day};
use super::state::{use_app, Screen};
use crate::engine::progress::{progress, Progress};
use crate::ui::markup::markup;
use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;
use std::fmt::Write;

/// How far back the charts look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Span {
    Weeks(u64),
    All,
}

const SPANS: [(Span, &str, &str); 3] = [
    (Span::Weeks(4), "4", "The last 4 weeks"),
    (Span::Weeks(12), "12", "The last 12 weeks"),
    (Span::All, "all", "Everything"),
];

impl Span {
    /// The first date shown, or `None` for everything.
    fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Weeks(w) => today.checked_sub_days(Days::new(w * 7 - 1)),
            Span::All => None,
        }
    }
}

/// What every section needs: the series, the first date shown and today.
#[derive(Clone)]
struct View {
    p: Progress,
    from: Option<NaiveDate>,
    today: NaiveDate,
}

impl View {
    fn shows(&self, d: NaiveDate) -> bool {
        self.from.is_none_or(|f| d >= f) && d <= self.today
    }

    fn label(&self, d: NaiveDate) -> String {
        day_label(d, self.today.year())
    }

    /// Dates as chart positions: whole days from `first`, ending today.
    fn axis(&self, first: NaiveDate) -> (impl Fn(NaiveDate) -> f32, f32, Vec<(f32, String)>) {
        let x = move |d: NaiveDate| (d - first).num_days() as f32;
        let x_max = x(self.today).max(0.0);
        let mut ticks = vec![(0.0, short_day(first))];
        if x_max > 0.0 {
            ticks.push((x_max, short_day(self.today)));
        }
        (x, x_max, ticks)
    }
}

#[component]
pub fn History() -> impl IntoView {
    let app = use_app();
    let span = RwSignal::new(Span::Weeks(12));
    let chosen = RwSignal::new(None::<&'static str>);
    let data = crate::ui::widgets::memo(move || {
        let today = app.today.get();
        app.log.with(|l| {
            l.as_ref()
                .map(|l| (progress(l, today), l.settings.pain_ceiling))
        })
    });
    let mut head = String::from(
        r#"<section class="card" aria-labelledby="history-heading"><h2 id="history-heading">History</h2><p>How your tendon has answered the loading. Under each chart, "Show the numbers" opens the values as a table.</p><label for="history-span">Time span</label><select id="history-span" class="select" data-change="span">"#,
    );
    for (s, value, label) in SPANS {
        let selected = if s == span.get_untracked() {
            " selected"
        } else {
            ""
        };
        let _ = write!(
            head,
            r#"<option value="{value}"{selected}>{label}</option>"#
        );
    }
    head.push_str(r#"</select><button type="button" class="link" data-act="summary">Summary for your clinician</button></section>"#);
    view! {
        {markup(head, move |act, value| match act {
            "span" => {
                if let Some((s, _, _)) = SPANS.iter().find(|(_, v, _)| *v == value) {
                    span.set(*s);
                }
            }
            "summary" => app.go(Screen::Summary),
            _ => {}
        })}
        {move || data.get().map(|(p, ceiling)| {
            let today = app.today.get();
            let v = View { p, from: span.get().start(today), today };
            view! {
                {answers::mornings(&v)}
                {answers::pains(&v, ceiling, chosen)}
                {loading::volume(&v)}
                {loading::sides(&v)}
            }
        })}
        <entries::Entries />
    }
}

/// A card with its heading; the heading names the region.
fn section(id: &'static str, title: &'static str, body: AnyView) -> impl IntoView {
    view! {
        <section class="card history-section" aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {body}
        </section>
    }
}

fn empty(text: &'static str) -> AnyView {
    view! { <p class="hint">{text}</p> }.into_any()
}
