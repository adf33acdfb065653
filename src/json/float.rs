//! f32 as JSON text: the shortest decimal that reads back as the same
//! number, laid out as serde_json writes it, without the standard float
//! formatter (see `src/num.rs` for why).

use super::write::{write_u64, ToJson};
use super::{decimal_to_f64, scale};

/// Ties go to the even digit, as the shortest-float writers choose when an
/// f32 sits exactly between two short decimals (1063183.25 is 1063183.2).
fn round_half_even(y: f64) -> u64 {
    let floor = y.floor();
    let m = floor as u64;
    let d = y - floor;
    if d > 0.5 {
        m + 1
    } else if d == 0.5 {
        m + (m & 1)
    } else {
        m
    }
}

/// The digits `m` times ten to the `e` as serde_json writes an f32: plain
/// decimals from 1e-6 up to 13 digits, `1.5e+13` and `1e-7` beyond.
fn write_decimal(negative: bool, m: u64, e: i32, out: &mut String) {
    let mut digits = String::new();
    write_u64(m, &mut digits);
    let n = digits.len() as i32;
    let kk = n + e;
    if negative {
        out.push('-');
    }
    if (0..=13).contains(&kk) && e >= 0 {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', e as usize));
        out.push_str(".0");
    } else if 0 < kk && kk <= 13 {
        out.push_str(&digits[..kk as usize]);
        out.push('.');
        out.push_str(&digits[kk as usize..]);
    } else if -6 < kk && kk <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-kk) as usize));
        out.push_str(&digits);
    } else {
        out.push_str(&digits[..1]);
        if n > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        let exp = kk - 1;
        out.push(if exp < 0 { '-' } else { '+' });
        write_u64(u64::from(exp.unsigned_abs()), out);
    }
}

/// The shortest decimal that reads back as the same f32, found by trying
/// one significant digit more until it does; `null` for NaN and infinity,
/// as serde_json writes them.
impl ToJson for f32 {
    fn write_json(&self, out: &mut String) {
        let x = *self;
        if !x.is_finite() {
            out.push_str("null");
            return;
        }
        let negative = x.is_sign_negative();
        let v = f64::from(x).abs();
        if v == 0.0 {
            write_decimal(negative, 0, 0, out);
            return;
        }
        // k: the power of ten of the first digit.
        let mut k = 0;
        while scale(v, -k) >= 10.0 {
            k += 1;
        }
        while scale(v, -k) < 1.0 {
            k -= 1;
        }
        let mut text = String::new();
        for digits in 1..=9 {
            let e = k + 1 - digits;
            let mut m = round_half_even(scale(v, -e));
            let mut e = e;
            while m > 0 && m.is_multiple_of(10) {
                m /= 10;
                e += 1;
            }
            text.clear();
            write_decimal(false, m, e, &mut text);
            if decimal_to_f64(&text) as f32 == x.abs() || digits == 9 {
                break;
            }
        }
        if negative {
            out.push('-');
        }
        out.push_str(&text);
    }
}
