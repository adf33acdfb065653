//! The numbers behind a chart, as a captioned table that screen readers
//! and the end-to-end tests can read.

use super::{esc, markup};
use chrono::NaiveDate;
use leptos::prelude::*;
use std::fmt::Write;

/// One table row; with a date, the first cell says it in a `<time>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub date: Option<NaiveDate>,
    pub cells: Vec<String>,
}

/// The table as markup; see [`DataTable`].
pub fn table_html(caption: &str, head: &[&str], rows: &[Row], open: bool) -> String {
    let caption = esc(caption);
    let mut out = String::new();
    if !open {
        // The caption is in the summary too, for screen readers, so each
        // "Show the numbers" says which numbers.
        let _ = write!(
            out,
            r#"<details class="numbers"><summary>Show the numbers<span class="visually-hidden">: {caption}</span></summary>"#
        );
    }
    let _ = write!(
        out,
        r#"<div class="table-scroll" tabindex="0" role="region" aria-label="{caption}"><table class="data-table"><caption>{caption}</caption><thead><tr>"#
    );
    for h in head {
        let _ = write!(out, r#"<th scope="col">{}</th>"#, esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        let mut cells = r.cells.iter();
        let first = esc(cells.next().map_or("", |c| c.as_str()));
        let _ = match r.date {
            Some(d) => write!(
                out,
                r#"<tr><th scope="row"><time datetime="{d}">{first}</time></th>"#
            ),
            None => write!(out, r#"<tr><th scope="row">{first}</th>"#),
        };
        for c in cells {
            let _ = write!(out, "<td>{}</td>", esc(c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    if !open {
        out.push_str("</details>");
    }
    out
}

/// A captioned table whose first column heads each row, in a labelled box
/// that scrolls sideways on its own rather than the page. Folded under
/// "Show the numbers" unless `open`.
#[component]
pub fn DataTable(
    caption: String,
    head: Vec<&'static str>,
    rows: Vec<Row>,
    #[prop(optional)] open: bool,
) -> impl IntoView {
    markup(table_html(&caption, &head, &rows, open))
}
