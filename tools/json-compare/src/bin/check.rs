//! Host check of one variant: the three-year log must read and write back
//! byte for byte, and the unknown-field log shows what survives.

#[cfg(feature = "swb")]
fn main() {
    println!("swb reads JS values: checked in the browser run only");
}

#[cfg(not(feature = "swb"))]
fn main() {
    let dir = std::env::args().nth(1).expect("usage: check DIR");
    let text = std::fs::read_to_string(format!("{dir}/three-year.json")).expect("input");
    match json_compare::parse_native(&text) {
        Ok(s) => println!("three-year parse: {s}"),
        Err(e) => println!("three-year parse FAILED: {e}"),
    }
    let back = json_compare::write_native();
    println!("three-year write identical: {}", back == text);
    if back != text {
        let at = back
            .bytes()
            .zip(text.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let from = at.saturating_sub(60);
        println!(
            "  first difference at byte {at}: ours {:?}",
            back.get(from..at + 60)
        );
        println!("  input                     {:?}", text.get(from..at + 60));
    }
    let unknown = std::fs::read_to_string(format!("{dir}/unknown.json")).expect("input");
    match json_compare::parse_native(&unknown) {
        Ok(s) => println!("unknown parse: {s}"),
        Err(e) => println!("unknown parse FAILED: {e}"),
    }
    let back = json_compare::write_native();
    println!("unknown write identical: {}", back == unknown);
    println!("unknown written: {back}");
}
