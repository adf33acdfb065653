#![cfg(target_arch = "wasm32")]
//! Browser tests of the chart components: what is drawn matches the data,
//! each chart is a named image with its summary, and the table holds the
//! same numbers.

use chrono::NaiveDate;
use hamstring_rehab::ui::charts::*;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn mount<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView + 'static,
{
    let root: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone(), view).forget();
    root
}

fn all(root: &HtmlElement, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn one(root: &HtmlElement, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default().trim().to_string()
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, d).unwrap()
}

#[wasm_bindgen_test]
async fn a_line_chart_draws_one_dot_a_point_and_names_itself() {
    let plot = LinePlot {
        x_max: 6.0,
        y_max: 10.0,
        y_ticks: vec![0.0, 5.0, 10.0],
        x_ticks: vec![(0.0, "5 Jan".into()), (6.0, "11 Jan".into())],
        lines: vec![
            Line {
                name: "Your baseline".into(),
                ink: Ink::Reference,
                points: vec![(0.0, 2.0), (4.0, 3.0)],
            },
            Line {
                name: "Left leg".into(),
                ink: Ink::Main,
                points: vec![(0.0, 2.0), (1.0, 9.0), (4.0, 2.0)],
            },
            Line {
                name: "Right leg".into(),
                ink: Ink::Second,
                points: vec![(0.0, 1.0), (6.0, 3.0)],
            },
        ],
        bands: vec![3.0],
        band_name: "Flare day",
        marks: vec![(2.0, Mark::Up)],
    };
    let root = mount(move || {
        view! { <LineChart name="Morning test".into() summary="3 check-ins.".into() id="t-line" plot=plot /> }
    });
    leptos::task::tick().await;
    let svg = one(&root, "svg");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("Morning test")
    );
    let described = svg.get_attribute("aria-describedby").unwrap();
    assert_eq!(text(&one(&root, &format!("#{described}"))), "3 check-ins.");
    assert_eq!(all(&root, "svg.chart-svg .ink-main .dot").len(), 3);
    assert_eq!(all(&root, "svg.chart-svg .ink-second .dot").len(), 2);
    assert_eq!(all(&root, "svg.chart-svg rect.band").len(), 1);
    assert_eq!(all(&root, "svg.chart-svg .mark-up").len(), 1);
    // The baseline steps once (H, V) after its start and runs to the right edge.
    let d = one(&root, "svg.chart-svg path.ink-reference")
        .get_attribute("d")
        .unwrap();
    assert_eq!(d.matches('V').count(), 1, "{d}");
    // Higher values are drawn higher up: 9/10 sits above 2/10.
    let ys: Vec<f32> = all(&root, "svg.chart-svg .ink-main .dot")
        .iter()
        .map(|c| c.get_attribute("cy").unwrap().parse().unwrap())
        .collect();
    assert!(ys[1] < ys[0] && ys[1] < ys[2], "{ys:?}");
    let legend: Vec<String> = all(&root, ".chart-legend li").iter().map(text).collect();
    assert_eq!(
        legend,
        [
            "Your baseline",
            "Left leg",
            "Right leg",
            "Flare day",
            "Moved up a level"
        ]
    );
}

#[wasm_bindgen_test]
async fn bars_scale_to_a_round_top_and_pairs_to_their_share() {
    let bars = vec![
        Bar {
            label: "5 Jan".into(),
            value: 12.0,
        },
        Bar {
            label: "12 Jan".into(),
            value: 0.0,
        },
        Bar {
            label: "19 Jan".into(),
            value: 41.0,
        },
    ];
    let pairs = vec![Pair {
        label: "Bridge".into(),
        left: 0.5,
        right: 1.0,
    }];
    let root = mount(move || {
        view! {
            <BarChart name="Sets per week".into() summary="53 sets.".into() id="t-bars" bars=bars />
            <PairChart name="Left and right".into() summary="Uneven.".into() id="t-pairs" pairs=pairs />
        }
    });
    leptos::task::tick().await;
    let heights: Vec<f32> = all(&root, "#t-bars rect.bar")
        .iter()
        .map(|r| r.get_attribute("height").unwrap().parse().unwrap())
        .collect();
    assert_eq!(heights.len(), 3);
    assert_eq!(heights[1], 0.0);
    assert!(
        (heights[2] / heights[0] - 41.0 / 12.0).abs() < 0.05,
        "{heights:?}"
    );
    let ticks: Vec<String> = all(&root, "#t-bars text.tick").iter().map(text).collect();
    assert!(
        ticks.contains(&"50".to_string()),
        "41 rounds up to 50: {ticks:?}"
    );
    let widths: Vec<f32> = all(&root, "#t-pairs rect.bar")
        .iter()
        .map(|r| r.get_attribute("width").unwrap().parse().unwrap())
        .collect();
    assert!((widths[1] / widths[0] - 2.0).abs() < 0.01, "{widths:?}");
    assert_eq!(nice_max(0.0), 1.0);
    assert_eq!(nice_max(3.0), 5.0);
    assert_eq!(axis_number(2500.0), "2.5k");
}

#[wasm_bindgen_test]
async fn the_table_holds_every_row_with_its_date() {
    let rows = vec![
        Row {
            date: Some(day(6)),
            cells: vec![day_label(day(6), 2026), "9".into(), "2".into()],
        },
        Row {
            date: Some(day(5)),
            cells: vec![day_label(day(5), 2026), "2".into(), "2".into()],
        },
    ];
    let root = mount(move || {
        view! { <DataTable caption="Mornings".into() head=vec!["Date", "Test", "Baseline"] rows=rows /> }
    });
    leptos::task::tick().await;
    assert_eq!(text(&one(&root, "caption")), "Mornings");
    assert!(
        root.query_selector("details:not([open])")
            .unwrap()
            .is_some(),
        "folded at first"
    );
    let scroll = one(&root, ".table-scroll");
    assert_eq!(scroll.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(
        scroll.get_attribute("aria-label").as_deref(),
        Some("Mornings")
    );
    let cols: Vec<String> = all(&root, "thead th[scope=col]").iter().map(text).collect();
    assert_eq!(cols, ["Date", "Test", "Baseline"]);
    let body: Vec<(String, String, Vec<String>)> = all(&root, "tbody tr")
        .iter()
        .map(|tr| {
            let th = tr.query_selector("th[scope=row] time").unwrap().unwrap();
            let cells = tr.query_selector_all("td").unwrap();
            let cells = (0..cells.length())
                .map(|i| text(&cells.item(i).unwrap().unchecked_into()))
                .collect();
            (th.get_attribute("datetime").unwrap(), text(&th), cells)
        })
        .collect();
    assert_eq!(
        body,
        [
            (
                "2026-01-06".into(),
                "Tue 6 Jan".into(),
                vec!["9".into(), "2".into()]
            ),
            (
                "2026-01-05".into(),
                "Mon 5 Jan".into(),
                vec!["2".into(), "2".into()]
            ),
        ]
    );
    assert_eq!(
        day_label(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(), 2026),
        "Wed 31 Dec 2025"
    );
}
