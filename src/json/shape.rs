//! A quick look at a JSON text's shape before it is parsed: nesting depth,
//! fields per object, items per array and string length, in one pass with
//! no allocation but a small stack. A hostile file (200,000 keys, deep
//! nesting, a string of megabytes) is refused here in a few milliseconds,
//! before the parser builds a tree for it. It checks no grammar: text it
//! passes still goes through [`super::parse`], which reports any error.

/// The most a text may hold; what is over any of them is refused.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub depth: usize,
    pub fields: usize,
    pub items: usize,
    /// Bytes between a string's quotes, as written (escapes included).
    pub string_bytes: usize,
}

/// Which limit a text went over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Over {
    Depth,
    Fields,
    Items,
    String,
}

/// Check `text` against `limits`; `Err` names the first limit it passes.
pub fn check(text: &str, limits: &Limits) -> Result<(), Over> {
    // One counter per open container: commas seen at that level, with the
    // top bit set for objects.
    const OBJECT: usize = 1 << (usize::BITS - 1);
    let mut open: Vec<usize> = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let start = at + 1;
                at = start;
                while at < bytes.len() && bytes[at] != b'"' {
                    // Skip the escaped byte, so `\"` does not end the string.
                    at += if bytes[at] == b'\\' { 2 } else { 1 };
                }
                if at - start > limits.string_bytes {
                    return Err(Over::String);
                }
            }
            c @ (b'{' | b'[') => {
                if open.len() >= limits.depth {
                    return Err(Over::Depth);
                }
                open.push(if c == b'{' { OBJECT } else { 0 });
            }
            b'}' | b']' => {
                open.pop();
            }
            b',' => {
                if let Some(top) = open.last_mut() {
                    *top += 1;
                    let (count, max, over) = if *top & OBJECT != 0 {
                        (*top & !OBJECT, limits.fields, Over::Fields)
                    } else {
                        (*top, limits.items, Over::Items)
                    };
                    // n commas separate n + 1 members.
                    if count >= max {
                        return Err(over);
                    }
                }
            }
            _ => {}
        }
        at += 1;
    }
    Ok(())
}
