//! JSON values and the app's one JSON parser, written by hand.
//!
//! Why not `serde_json`: with its `Value`, its number formatting and the
//! derived writers it was about a tenth of the release wasm. The app needs
//! far less: objects that keep their keys in order (so a stored entry is
//! written back as it was read), numbers kept as their text (so an unknown
//! field survives a load and save unchanged, with no float formatter), and
//! a strict reader with serde_json's limits (nesting depth 128, no lone
//! surrogates). Writing is in [`write`]; `tests/json.rs` checks both against
//! serde_json.

use std::fmt;

mod float;
pub mod write;
pub use write::{pretty, to_string, ObjectWriter, Raw, ToJson};

/// A parsed JSON document.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A number as its JSON text, checked against JSON's grammar.
#[derive(Clone, Debug, PartialEq)]
pub struct Number(String);

/// An object: its fields in the order they were read or inserted.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Map(Vec<(String, Value)>);

impl Number {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number if it is a whole number in range, written without a
    /// fraction or exponent (as serde_json reads it: `1.0` is not whole).
    pub fn as_u64(&self) -> Option<u64> {
        let t = self.0.as_bytes();
        if !t.iter().all(u8::is_ascii_digit) {
            return None;
        }
        t.iter().try_fold(0u64, |acc, &c| {
            acc.checked_mul(10)?.checked_add(u64::from(c - b'0'))
        })
    }

    pub fn as_f64(&self) -> f64 {
        decimal_to_f64(&self.0)
    }
}

/// JSON number text to the nearest f64 where the digits and exponent are
/// small enough for one exact division or multiplication (every number the
/// app writes); close to it beyond that.
fn decimal_to_f64(text: &str) -> f64 {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match digits.find(['e', 'E']) {
        // An exponent too long for an i32 is out of f64's range either way.
        Some(at) => {
            let e = &digits[at + 1..];
            let saturated = if e.starts_with('-') { -400 } else { 400 };
            (&digits[..at], e.parse::<i32>().unwrap_or(saturated))
        }
        None => (digits, 0),
    };
    let mut sig: u64 = 0;
    let mut exp = i64::from(exp);
    let mut after_point = false;
    for c in mantissa.bytes() {
        match c {
            b'.' => after_point = true,
            d if sig < 1 << 53 => {
                sig = sig * 10 + u64::from(d - b'0');
                exp -= i64::from(after_point);
            }
            // Digits past f64's precision only move the decimal point.
            _ => exp += i64::from(!after_point),
        }
    }
    let x = match sig {
        0 => 0.0,
        _ => scale(sig as f64, exp.clamp(-400, 400) as i32),
    };
    if negative {
        -x
    } else {
        x
    }
}

/// `v` times ten to the `e`, by powers f64 holds exactly, so one step when
/// `e` is within ±22.
fn scale(mut v: f64, mut e: i32) -> f64 {
    while e > 0 {
        let step = e.min(22);
        v *= POW10[step as usize];
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(22);
        v /= POW10[step as usize];
        e += step;
    }
    v
}

/// Powers of ten that f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

impl Map {
    pub fn new() -> Self {
        Map(Vec::new())
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Set a field: in its place when it is there, at the end when not.
    pub fn insert(&mut self, key: String, value: Value) {
        match self.get_mut(&key) {
            Some(slot) => *slot = value,
            None => self.0.push((key, value)),
        }
    }

    /// An object from its fields as read, in order. A repeated key keeps
    /// its first place and its last value, as [`Map::insert`] would, but in
    /// O(n log n) rather than O(n²): a hostile file with 200,000 keys in one
    /// object must not freeze the page.
    pub fn from_fields(mut fields: Vec<(String, Value)>) -> Self {
        if fields.len() <= 8 {
            return fields.into_iter().collect();
        }
        let mut order: Vec<usize> = (0..fields.len()).collect();
        // Stable, so among equal keys the first place comes first.
        order.sort_by(|&a, &b| fields[a].0.cmp(&fields[b].0));
        let mut keep = vec![true; fields.len()];
        let mut run = 0;
        for i in 1..=order.len() {
            if i < order.len() && fields[order[i]].0 == fields[order[run]].0 {
                continue;
            }
            // order[run..i] share one key: the last read value moves into
            // the first place, the other places go.
            let (first, last) = (order[run], order[i - 1]);
            if first != last {
                let value = std::mem::take(&mut fields[last].1);
                fields[first].1 = value;
                for &at in &order[run + 1..i] {
                    keep[at] = false;
                }
            }
            run = i;
        }
        let mut at = 0;
        fields.retain(|_| {
            at += 1;
            keep[at - 1]
        });
        Map(fields)
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Self {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }
}

/// `value["key"]`: the field, or null when there is none (as serde_json).
impl std::ops::Index<&str> for Value {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        static NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<&str> for Map {
    type Output = Value;
    fn index(&self, key: &str) -> &Value {
        static NULL: Value = Value::Null;
        self.get(key).unwrap_or(&NULL)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Self {
        Value::Number(Number(to_string(&n)))
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Self {
        Value::from(u64::from(n))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub what: &'static str,
    pub line: usize,
    pub column: usize,
    /// The text ended early: a cut-off file rather than a wrong one.
    pub eof: bool,
}

impl ParseError {
    pub fn is_eof(&self) -> bool {
        self.eof
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.what, self.line, self.column
        )
    }
}

mod parse;
pub mod shape;
pub use parse::{parse, MAX_DEPTH};

/// serde's view of a value, so the derived writers kept as the tests'
/// reference (see `engine::model`) can write `extra` fields.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_str().parse::<i64>()) {
                (Some(u), _) => s.serialize_u64(u),
                (None, Ok(i)) => s.serialize_i64(i),
                _ => s.serialize_f64(n.as_f64()),
            },
            Value::String(t) => s.serialize_str(t),
            Value::Array(items) => s.collect_seq(items),
            Value::Object(map) => map.serialize(s),
        }
    }
}

impl serde::Serialize for Map {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}
