#![cfg(not(target_arch = "wasm32"))]
//! The app's own JSON (`src/json.rs`) against serde_json: it reads what
//! serde_json reads and refuses what it refuses, and writes strings,
//! numbers and documents as serde_json writes them.

use hamstring_rehab::json as hj;
use proptest::prelude::*;
use serde_json::Value as Sj;

fn any_json() -> impl Strategy<Value = Sj> {
    let leaf = prop_oneof![
        Just(Sj::Null),
        any::<bool>().prop_map(Sj::from),
        any::<i64>().prop_map(Sj::from),
        any::<u64>().prop_map(Sj::from),
        any::<f64>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(Sj::from),
        any::<String>().prop_map(Sj::from),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Sj::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|m| Sj::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// serde_json's text reads, writes back as the same text, and pretty
    /// prints the same.
    #[test]
    fn documents_read_and_write_as_serde_json_does(v in any_json()) {
        let text = serde_json::to_string(&v).unwrap();
        let ours = hj::parse(&text).unwrap();
        prop_assert_eq!(hj::to_string(&ours), text);
        prop_assert_eq!(hj::pretty(&ours), serde_json::to_string_pretty(&v).unwrap());
    }

    #[test]
    fn strings_are_escaped_as_serde_json_does(s in any::<String>()) {
        let text = hj::to_string(&s);
        prop_assert_eq!(&text, &serde_json::to_string(&s).unwrap());
        let back = hj::parse(&text).unwrap();
        prop_assert_eq!(back.as_str(), Some(s.as_str()));
    }

    /// Weights, distances and hours as the app stores them: the shortest
    /// text that reads back as the same f32, as serde_json writes it.
    #[test]
    fn floats_are_written_as_serde_json_does(x in -1.0e9f32..1.0e9) {
        let text = hj::to_string(&x);
        prop_assert_eq!(&text, &serde_json::to_string(&x).unwrap());
        prop_assert_eq!(hj::parse(&text).unwrap().as_f64().map(|v| v as f32), Some(x));
    }

    /// Any finite f32 at all reads back exactly.
    #[test]
    fn every_float_reads_back(bits in any::<u32>()) {
        let x = f32::from_bits(bits);
        prop_assume!(x.is_finite());
        let back = hj::parse(&hj::to_string(&x)).unwrap().as_f64().unwrap() as f32;
        prop_assert_eq!(back, x);
    }

    /// Damaged text: accepted exactly when serde_json accepts it, and then
    /// read as the same document.
    #[test]
    fn damaged_text_is_refused_as_serde_json_refuses_it(
        v in any_json(),
        cuts in prop::collection::vec((any::<prop::sample::Index>(), "[\\[\\]{}\",:0-9eE.+\\-a-z\\\\ ]{0,2}"), 1..4),
    ) {
        let mut text = serde_json::to_string(&v).unwrap();
        for (at, with) in cuts {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut end = (i + 1).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(i..end, &with);
        }
        let theirs = serde_json::from_str::<Sj>(&text);
        let ours = hj::parse(&text);
        prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?}", text, ours);
        if let (Ok(ours), Ok(theirs)) = (ours, theirs) {
            prop_assert_eq!(serde_json::from_str::<Sj>(&hj::to_string(&ours)).unwrap(), theirs);
        }
    }
}

#[test]
fn what_serde_json_refuses_is_refused() {
    let nested = "[".repeat(129) + &"]".repeat(129);
    for bad in [
        "",
        " ",
        "nul",
        "tru",
        "[1,]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "01",
        "1.",
        ".5",
        "-",
        "+1",
        "1e",
        "1e+",
        "0x10",
        "[1 2]",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800\\u0041\"",
        "\"a\nb\"",
        "\"\u{1}\"",
        "1 2",
        "[",
        "{",
        "\"abc",
        "1e400",
        "-1e400",
        &nested,
    ] {
        assert!(
            serde_json::from_str::<Sj>(bad).is_err(),
            "serde_json reads {bad:?}"
        );
        assert!(hj::parse(bad).is_err(), "{bad:?} should not read");
    }
    let deep = "[".repeat(128) + &"]".repeat(128);
    assert!(hj::parse(&deep).is_ok());
}

#[test]
fn a_cut_off_text_says_so() {
    for cut in ["{\"a\":[1,2", "\"abc", "[", "{\"a\"", "tr", "-"] {
        let e = hj::parse(cut).unwrap_err();
        assert!(e.is_eof(), "{cut:?}: {e}");
        assert!(serde_json::from_str::<Sj>(cut).unwrap_err().is_eof());
    }
    let e = hj::parse("{\"a\":\n  x}").unwrap_err();
    assert!(!e.is_eof());
    assert_eq!((e.line, e.column), (2, 2), "{e}");
}

#[test]
fn numbers_keep_their_text_and_read_as_numbers() {
    let v = hj::parse("[1.50, 2e3, -0, 18446744073709551615, 18446744073709551616, 1.0]").unwrap();
    let items = v.as_array().unwrap();
    // Kept as written, so an unknown field comes back unchanged.
    assert_eq!(
        hj::to_string(&v),
        "[1.50,2e3,-0,18446744073709551615,18446744073709551616,1.0]"
    );
    assert_eq!(items[0].as_f64(), Some(1.5));
    assert_eq!(items[1].as_f64(), Some(2000.0));
    assert_eq!(items[3].as_u64(), Some(u64::MAX));
    assert_eq!(items[4].as_u64(), None);
    // As serde_json: a fraction is not a whole number, even when it is one.
    assert_eq!(items[5].as_u64(), None);
}

#[test]
fn objects_keep_their_order_and_the_last_of_a_repeated_key() {
    let v = hj::parse("{\"b\":1,\"a\":2,\"b\":3}").unwrap();
    assert_eq!(hj::to_string(&v), "{\"b\":3,\"a\":2}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Reading an object in one go (sorting its keys to find repeats) gives
    /// the same object as inserting its fields one by one, large or small.
    #[test]
    fn an_object_read_whole_equals_one_inserted_field_by_field(
        keys in prop::collection::vec(0u8..40, 0..120),
    ) {
        let fields: Vec<(String, hj::Value)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (format!("k{k}"), hj::parse(&i.to_string()).unwrap()))
            .collect();
        let mut one_by_one = hj::Map::new();
        for (k, v) in fields.clone() {
            one_by_one.insert(k, v);
        }
        prop_assert_eq!(hj::Map::from_fields(fields), one_by_one);
    }
}

#[test]
fn an_object_of_200000_keys_reads_with_its_repeats_folded() {
    // The shape that froze the import screen: a quadratic reader took
    // seconds here (the bench and the e2e long-task check time it).
    let mut text = String::from("{");
    for i in 0..200_000u32 {
        text.push_str(&format!("\"k{}\":{i},", i % 150_000));
    }
    text.push_str("\"end\":0}");
    let v = hj::parse(&text).unwrap();
    let map = v.as_object().unwrap();
    assert_eq!(map.len(), 150_001);
    // k0 came first and was repeated at 150,000: first place, last value.
    let (first_key, first_value) = map.iter().next().unwrap();
    assert_eq!(
        (first_key.as_str(), hj::to_string(first_value)),
        ("k0", "150000".to_string())
    );
    assert_eq!(
        map.get("k149999").map(hj::to_string).as_deref(),
        Some("149999")
    );
}

#[test]
fn special_floats_are_written_as_serde_json_does() {
    for x in [
        0.0f32,
        -0.0,
        1.0,
        100.0,
        0.1,
        2.5,
        1e-7,
        1e13,
        1e14,
        123456789.0,
        f32::MAX,
        f32::MIN_POSITIVE,
        1e-45,
    ] {
        assert_eq!(
            hj::to_string(&x),
            serde_json::to_string(&x).unwrap(),
            "{x:e}"
        );
    }
    for x in [f32::NAN, f32::INFINITY] {
        assert_eq!(hj::to_string(&x), "null");
    }
}

mod shape {
    use super::*;
    use hamstring_rehab::json::shape::{check, Limits, Over};

    const SMALL: Limits = Limits {
        depth: 4,
        fields: 3,
        items: 3,
        string_bytes: 5,
    };

    #[test]
    fn each_limit_is_named_when_passed() {
        assert_eq!(check("[[[[[1]]]]]", &SMALL), Err(Over::Depth));
        assert_eq!(check("[[[[1]]]]", &SMALL), Ok(()));
        assert_eq!(
            check(r#"{"a":1,"b":2,"c":3,"d":4}"#, &SMALL),
            Err(Over::Fields)
        );
        assert_eq!(check(r#"{"a":1,"b":2,"c":3}"#, &SMALL), Ok(()));
        assert_eq!(check("[1,2,3,4]", &SMALL), Err(Over::Items));
        assert_eq!(check("[1,2,3]", &SMALL), Ok(()));
        assert_eq!(check(r#"["abcdef"]"#, &SMALL), Err(Over::String));
        assert_eq!(check(r#"["abcde"]"#, &SMALL), Ok(()));
    }

    #[test]
    fn brackets_commas_and_quotes_inside_strings_are_text() {
        // An escaped quote does not end the string, so the commas and
        // brackets after it are inside it.
        let text = r#"["a\",[[[[[,,,,", 1]"#;
        let wide = Limits {
            string_bytes: 100,
            ..SMALL
        };
        assert_eq!(check(text, &wide), Ok(()));
        // Items of one array count apart from those of the one inside it.
        assert_eq!(check("[[1,2,3],[1,2,3],[1,2,3]]", &SMALL), Ok(()));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Within serde_json's own depth, nothing the parser reads is
        /// refused by limits as wide as the documents themselves.
        #[test]
        fn documents_within_the_limits_pass(v in any_json()) {
            let text = serde_json::to_string(&v).unwrap();
            let wide = Limits { depth: 128, fields: 1000, items: 1000, string_bytes: text.len() };
            prop_assert_eq!(check(&text, &wide), Ok(()));
        }
    }
}
