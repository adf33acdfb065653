//! The field tables' grammar: one list per type of its fields, each with
//! its JSON name and rule, from which both its reader and its writer are
//! generated, so a field's name, order and rule are written once.
//!
//! Rules (they follow the derived `Serialize` the tests compare against):
//! - `req`: must be there; always written.
//! - `default`: may be missing (gives the default) but not null; always
//!   written.
//! - `skip_default`: as `default`, but left out when it is the default
//!   (`skip_serializing_if` on a bool or a zero).
//! - `opt`: an `Option`; missing or null gives `None`; left out when `None`.
//!
//! A type with `extra` keeps every other field there, written last. The
//! expansion makes the same `Obj`/`ObjectWriter` calls the hand-written
//! readers and writers made, so it adds no code to the wasm.

/// One field: its reader expression, or its writer statement.
macro_rules! field {
    (read req $o:ident $k:literal) => {
        $o.req($k)?
    };
    (read default $o:ident $k:literal) => {
        $o.or_default($k)?
    };
    (read skip_default $o:ident $k:literal) => {
        $o.or_default($k)?
    };
    (read opt $o:ident $k:literal) => {
        $o.opt($k)?
    };
    (write req $o:ident $k:literal $v:expr) => {
        $o.field($k, &$v)
    };
    (write default $o:ident $k:literal $v:expr) => {
        $o.field($k, &$v)
    };
    (write skip_default $o:ident $k:literal $v:expr) => {
        $o.field_if(!$crate::engine::json::table::is_default(&$v), $k, &$v)
    };
    (write opt $o:ident $k:literal $v:expr) => {
        $o.field_if($v.is_some(), $k, &$v)
    };
}

/// A type stored as a JSON object of its own: its `FromJson` and `ToJson`.
/// `$what` names it in the "… is not an object" error.
macro_rules! object {
    ($t:ident, $what:literal {
        $($f:ident: $k:literal => $rule:ident),* $(,)?
    } $(+ $extra:ident)?) => {
        impl FromJson for $t {
            fn from_json(v: &Value) -> Result<Self, Bad> {
                let o = Obj::of(v, $what)?;
                #[allow(dead_code)]
                const KNOWN: &[&str] = &[$($k),*];
                Ok($t {
                    $($f: field!(read $rule o $k),)*
                    $($extra: o.extra(KNOWN),)?
                })
            }
        }

        impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                let mut o = ObjectWriter::new(out);
                $(field!(write $rule o $k self.$f);)*
                $(o.fields(&self.$extra);)?
                o.end();
            }
        }
    };
}

/// An entry kind: its fields sit in the entry's object, beside `id`,
/// `date` and `type`, so it gets `read` and `write_fields` on a shared
/// object instead of `FromJson`/`ToJson`; its `extra` leaves out the
/// entry's own fields.
macro_rules! entry_kind {
    ($t:ident {
        $($f:ident: $k:literal => $rule:ident),* $(,)?
    } + $extra:ident) => {
        impl $t {
            fn read(o: &Obj) -> Result<Self, Bad> {
                Ok($t {
                    $($f: field!(read $rule o $k),)*
                    $extra: kind_extra(o, &[$($k),*]),
                })
            }

            fn write_fields(&self, o: &mut ObjectWriter) {
                $(field!(write $rule o $k self.$f);)*
                o.fields(&self.$extra);
            }
        }
    };
}

/// An internally tagged enum of struct variants, its tag in `$tag`: a
/// reader and a writer on the object the variant's fields share.
macro_rules! tagged {
    ($t:ident, $tag:literal, $what:literal, $read:ident, $write:ident {
        $($name:literal => $v:ident { $($f:ident: $k:literal => $rule:ident),* $(,)? }),* $(,)?
    }) => {
        fn $read(o: &Obj) -> Result<$t, Bad> {
            Ok(match o.str($tag)? {
                $($name => $t::$v { $($f: field!(read $rule o $k),)* },)*
                other => return Err(format!(concat!("unknown ", $what, " \"{}\""), other)),
            })
        }

        fn $write(kind: &$t, o: &mut ObjectWriter) {
            match kind {
                $($t::$v { $($f),* } => {
                    o.field($tag, $name);
                    $(field!(write $rule o $k *$f);)*
                })*
            }
        }
    };
}

/// `skip_default`'s test, as a function: `v != Default::default()` inline
/// cannot name its type (serde_json adds `PartialEq<Value>` for it).
#[inline(always)]
pub(super) fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}
