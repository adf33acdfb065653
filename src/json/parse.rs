//! The JSON reader: strict RFC 8259, with serde_json's limits.

use super::{decimal_to_f64, Map, Number, ParseError, Value};

/// Deeper than anything the app writes; stops a hostile file from
/// exhausting the stack (serde_json's limit too).
/// Deepest nesting read, as serde_json's default.
pub const MAX_DEPTH: usize = 128;

/// Parse one JSON document; only whitespace may follow it.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    let mut p = Parser {
        text: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.space();
    if p.at < p.text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    #[cold]
    #[inline(never)]
    fn error(&self, what: &'static str) -> ParseError {
        let eof = self.at >= self.text.len();
        let seen = &self.text[..self.at.min(self.text.len())];
        let line = 1 + seen.iter().filter(|&&c| c == b'\n').count();
        let column = seen.iter().rev().take_while(|&&c| c != b'\n').count();
        ParseError {
            what: if eof { "EOF while parsing" } else { what },
            line,
            column,
            eof,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.text.get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    /// The next non-space byte, consumed.
    fn next(&mut self) -> Result<u8, ParseError> {
        self.space();
        let c = self.peek().ok_or_else(|| self.error(""))?;
        self.at += 1;
        Ok(c)
    }

    fn expect(&mut self, c: u8, what: &'static str) -> Result<(), ParseError> {
        if self.next()? == c {
            Ok(())
        } else {
            self.at -= 1;
            Err(self.error(what))
        }
    }

    fn value(&mut self) -> Result<Value, ParseError> {
        let c = self.next()?;
        match c {
            b'n' => self.word(b"ull", Value::Null),
            b't' => self.word(b"rue", Value::Bool(true)),
            b'f' => self.word(b"alse", Value::Bool(false)),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => {
                self.at -= 1;
                self.number()
            }
            b'[' => self.nested(|p| {
                let mut items = Vec::new();
                if p.close(b']')? {
                    return Ok(Value::Array(items));
                }
                loop {
                    items.push(p.value()?);
                    match p.next()? {
                        b',' => {}
                        b']' => return Ok(Value::Array(items)),
                        _ => return Err(p.back("expected `,` or `]`")),
                    }
                }
            }),
            b'{' => self.nested(|p| {
                let mut fields = Vec::new();
                if p.close(b'}')? {
                    return Ok(Value::Object(Map::new()));
                }
                loop {
                    p.expect(b'"', "expected a field name")?;
                    let key = p.string()?;
                    p.expect(b':', "expected `:`")?;
                    let value = p.value()?;
                    fields.push((key, value));
                    match p.next()? {
                        b',' => {}
                        b'}' => return Ok(Value::Object(Map::from_fields(fields))),
                        _ => return Err(p.back("expected `,` or `}`")),
                    }
                }
            }),
            _ => Err(self.back("expected a value")),
        }
    }

    /// Step back onto the byte just read, for the error's position.
    fn back(&mut self, what: &'static str) -> ParseError {
        self.at -= 1;
        self.error(what)
    }

    /// Whether the container closes at once (`[]`, `{}`).
    fn close(&mut self, c: u8) -> Result<bool, ParseError> {
        self.space();
        if self.peek() == Some(c) {
            self.at += 1;
            return Ok(true);
        }
        Ok(false)
    }

    fn nested(
        &mut self,
        inside: impl FnOnce(&mut Self) -> Result<Value, ParseError>,
    ) -> Result<Value, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        let value = inside(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, rest: &[u8], value: Value) -> Result<Value, ParseError> {
        for &c in rest {
            match self.peek() {
                Some(x) if x == c => self.at += 1,
                Some(_) => return Err(self.error("expected a value")),
                None => return Err(self.error("")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, ParseError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let first = self.peek();
        let whole = self.digits();
        if whole == 0 {
            return Err(self.error("expected a digit"));
        }
        if first == Some(b'0') && whole > 1 {
            return Err(self.error("a number with a leading zero"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after the point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in the exponent"));
            }
        }
        // Only ASCII was consumed, so the slice is valid UTF-8.
        let text = std::str::from_utf8(&self.text[start..self.at]).unwrap_or_default();
        // As serde_json: a number no f64 can hold is refused, so infinity
        // never reaches a weight or a distance.
        if decimal_to_f64(text).is_infinite() {
            return Err(self.error("a number out of range"));
        }
        Ok(Value::Number(Number(text.to_string())))
    }

    /// The rest of a string whose opening quote was read.
    fn string(&mut self) -> Result<String, ParseError> {
        let mut out = Vec::new();
        loop {
            // Plain bytes up to the next quote, escape or control character
            // go over in one copy: most strings have none of these.
            let plain = self.text[self.at..]
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(self.text.len() - self.at);
            out.extend_from_slice(&self.text[self.at..self.at + plain]);
            self.at += plain;
            let c = self.peek().ok_or_else(|| self.error(""))?;
            self.at += 1;
            match c {
                b'"' => break,
                b'\\' => {
                    let e = self.peek().ok_or_else(|| self.error(""))?;
                    self.at += 1;
                    let simple = match e {
                        b'"' => b'"',
                        b'\\' => b'\\',
                        b'/' => b'/',
                        b'b' => 8,
                        b'f' => 12,
                        b'n' => b'\n',
                        b'r' => b'\r',
                        b't' => b'\t',
                        b'u' => {
                            let ch = self.unicode()?;
                            let mut buf = [0; 4];
                            out.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        _ => return Err(self.back("an invalid escape")),
                    };
                    out.push(simple);
                }
                0..=0x1f => return Err(self.back("a control character in a string")),
                _ => out.push(c),
            }
        }
        // The input is a &str and escapes add whole characters, so this
        // only fails on a bug; say so rather than panic.
        String::from_utf8(out).map_err(|_| self.error("invalid text"))
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let mut n = 0;
        for _ in 0..4 {
            let c = self.peek().ok_or_else(|| self.error(""))?;
            let d = (c as char)
                .to_digit(16)
                .ok_or_else(|| self.error("an invalid \\u escape"))?;
            self.at += 1;
            n = n * 16 + d;
        }
        Ok(n)
    }

    /// A `\u` escape, with its low surrogate when it needs one.
    fn unicode(&mut self) -> Result<char, ParseError> {
        let hi = self.hex4()?;
        let code = match hi {
            0xD800..=0xDBFF => {
                if self.text.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(self.error("a lone surrogate in a \\u escape"));
                }
                self.at += 2;
                let lo = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&lo) {
                    return Err(self.error("a lone surrogate in a \\u escape"));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(self.error("a lone surrogate in a \\u escape")),
            _ => hi,
        };
        char::from_u32(code).ok_or_else(|| self.error("an invalid \\u escape"))
    }
}
