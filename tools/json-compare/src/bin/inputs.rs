//! Writes the measured inputs: the synthetic three-year log as the app
//! writes it, the two hostile shapes, and a small log with unknown fields
//! and an unknown entry type for the round-trip check.

use hamstring_rehab::engine::synthetic::three_year_log;
use std::fmt::Write;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: inputs DIR");
    std::fs::create_dir_all(&dir).expect("dir");
    let log = three_year_log();
    let text = hamstring_rehab::json::to_string(&log);
    std::fs::write(format!("{dir}/three-year.json"), &text).expect("write");

    // A valid log head with 200,000 extra top-level keys.
    let head = r#"{"version":1,"settings":{"affected":"left","goal":"running","pain_ceiling":3,"equipment":["bench"],"irritability":{"pain_at_rest":false,"pain_lasts_past_next_day":false,"sitting_under_30_min_hurts":false,"worsening_for_months":false,"cannot_run":false},"red_flags":{"present":[]},"start_date":"2026-01-01"},"entries":[]"#;
    let mut wide = String::from(head);
    for i in 0..200_000 {
        write!(wide, ",\"k{i}\":{i}").expect("fmt");
    }
    wide.push('}');
    std::fs::write(format!("{dir}/wide.json"), &wide).expect("write");

    // The same head with an unknown field nested 10,000 arrays deep.
    let mut deep = String::from(head);
    deep.push_str(",\"x\":");
    deep.push_str(&"[".repeat(10_000));
    deep.push_str(&"]".repeat(10_000));
    deep.push('}');
    std::fs::write(format!("{dir}/deep.json"), &deep).expect("write");

    std::fs::write(format!("{dir}/unknown.json"), UNKNOWN).expect("write");
    println!(
        "three-year log: {} bytes, {} entries",
        text.len(),
        log.entries.len()
    );
}

/// Unknown fields at every level that has them (keys out of alphabetical
/// order, numbers whose text a float round trip changes) and an entry type
/// this build does not know.
const UNKNOWN: &str = r#"{"version":1,"settings":{"affected":"right","goal":"sport","pain_ceiling":2,"equipment":[],"irritability":{"pain_at_rest":true,"pain_lasts_past_next_day":false,"sitting_under_30_min_hurts":false,"worsening_for_months":false,"cannot_run":false,"zz":1,"aa":2},"red_flags":{"present":[],"new_q":true},"start_date":"2026-01-01","theme":"dark"},"zeta":1.50,"alpha":1e2,"entries":[{"id":1,"date":"2026-01-01","type":"baseline","test":"bridge","two_legs":false,"rating":3,"mood":"ok"},{"id":2,"date":"2026-01-02","type":"session","blocks":[{"ex":"bridge","side":"both","sets":[{"n":10,"pain":2}],"tempo":"slow"}],"response":"same","z":{"b":1,"a":12345678901234567890}},{"id":3,"date":"2026-01-03","type":"sleep","hours":7.5}]}"#;
