//! Writing JSON: compact for the store and links, pretty for files people
//! may open. The output matches serde_json's byte for byte for everything
//! the app writes (strings escaped alike, floats in their shortest form),
//! so documents written before this module read and compare the same.

use super::{Map, Value};
use crate::sorted::{SortedMap, SortedSet};
use chrono::{Datelike, NaiveDate};

/// Types the app writes as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// `value` as compact JSON.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// An object being written: fields in the order they are given.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> ObjectWriter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(key, self.out);
        self.out.push(':');
    }

    pub fn field<T: ToJson + ?Sized>(&mut self, key: &str, value: &T) -> &mut Self {
        self.key(key);
        value.write_json(self.out);
        self
    }

    /// A field left out when it has nothing to say (serde's
    /// `skip_serializing_if`).
    pub fn field_if<T: ToJson + ?Sized>(&mut self, keep: bool, key: &str, value: &T) -> &mut Self {
        if keep {
            self.field(key, value);
        }
        self
    }

    /// Every field of `map` at this level (serde's `flatten`).
    pub fn fields(&mut self, map: &Map) -> &mut Self {
        for (k, v) in map.iter() {
            self.field(k, v);
        }
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

pub(super) fn write_u64(mut n: u64, out: &mut String) {
    let mut buf = [0u8; 20];
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    out.push_str(std::str::from_utf8(&buf[at..]).unwrap_or_default());
}

macro_rules! unsigned_to_json {
    ($($t:ty),*) => {$(
        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_u64(*self as u64, out);
            }
        }
    )*};
}
unsigned_to_json!(u8, u16, u32, u64, usize);

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

/// A string with serde_json's escapes: quotes, backslashes and control
/// characters; everything else as it is.
fn write_str(s: &str, out: &mut String) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escape = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '\u{8}' => "\\b",
            '\u{c}' => "\\f",
            c if c < ' ' => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(c as usize) >> 4] as char);
            out.push(HEX[(c as usize) & 15] as char);
        } else {
            out.push_str(escape);
        }
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
    out.push('"');
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(self, out);
    }
}

impl ToJson for NaiveDate {
    fn write_json(&self, out: &mut String) {
        let (y, m, d) = (self.year().clamp(0, 9999) as u32, self.month(), self.day());
        let digits = [
            y / 1000,
            y / 100 % 10,
            y / 10 % 10,
            y % 10,
            m / 10,
            m % 10,
            d / 10,
            d % 10,
        ];
        out.push('"');
        for (i, digit) in digits.into_iter().enumerate() {
            if i == 4 || i == 6 {
                out.push('-');
            }
            out.push(char::from(b'0' + digit as u8));
        }
        out.push('"');
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => out.push_str(n.as_str()),
            Value::String(s) => write_str(s, out),
            Value::Array(items) => items.write_json(out),
            Value::Object(map) => map.write_json(out),
        }
    }
}

/// Text that is JSON already, such as a stored entry, written as it is.
pub struct Raw<'a>(pub &'a str);

impl ToJson for Raw<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

impl ToJson for Map {
    fn write_json(&self, out: &mut String) {
        ObjectWriter::new(out).fields(self).end();
    }
}

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

/// A JSON array of `items`.
pub fn write_array<'a, T: ToJson + 'a>(items: impl IntoIterator<Item = &'a T>, out: &mut String) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        write_array(self, out);
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        write_array(self, out);
    }
}

impl<T: ToJson + Ord> ToJson for SortedSet<T> {
    fn write_json(&self, out: &mut String) {
        write_array(self.iter(), out);
    }
}

impl<T: ToJson> ToJson for SortedMap<String, T> {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        for (k, v) in self.iter() {
            o.field(k, v);
        }
        o.end();
    }
}

/// Tuples are arrays, as serde writes them.
macro_rules! tuple_to_json {
    ($($t:ident $i:tt),*) => {
        impl<$($t: ToJson),*> ToJson for ($($t,)*) {
            fn write_json(&self, out: &mut String) {
                out.push('[');
                $(
                    if $i > 0 {
                        out.push(',');
                    }
                    self.$i.write_json(out);
                )*
                out.push(']');
            }
        }
    };
}
tuple_to_json!(A 0, B 1);
tuple_to_json!(A 0, B 1, C 2, D 3, E 4);

/// `value` indented by two spaces a level, as serde_json's pretty writer
/// lays it out; for files a person may open.
pub fn pretty(value: &Value) -> String {
    let mut out = String::new();
    pretty_into(value, 0, &mut out);
    out
}

fn pretty_into(value: &Value, depth: usize, out: &mut String) {
    let indent = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    match value {
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                pretty_into(item, depth + 1, out);
            }
            indent(out, depth);
            out.push(']');
        }
        Value::Object(map) if !map.is_empty() => {
            out.push('{');
            for (i, (k, v)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, depth + 1);
                write_str(k, out);
                out.push_str(": ");
                pretty_into(v, depth + 1, out);
            }
            indent(out, depth);
            out.push('}');
        }
        other => other.write_json(out),
    }
}
