//! Integer (`d i u o x X`) and pointer (`p`) conversions.
//!
//! Microsoft specifics (checked under Wine 8, same in both flavours):
//! * The `0` flag still pads with zeros when a precision is given
//!   (`%08.3d` of 5 is "00000005").
//! * `#` with a zero value prints no prefix (`%#x` of 0 is "0", `%#.0o` of 0
//!   is ""); `%#08x` zero-pads after the "0x".
//! * `+` and space only apply to `d`/`i`.
//! * `%p` prints 16 uppercase hex digits without prefix; `#` adds "0X"
//!   (except for NULL); the `0` and sign flags are ignored; a precision
//!   truncates the text (`%.4p` -> "0000").

use super::spec::{Len, Spec};
use super::{ArgSource, Unit, emit_ascii_field, emit_field, push_fill};

const LOWER: &[u8; 16] = b"0123456789abcdef";
const UPPER: &[u8; 16] = b"0123456789ABCDEF";
const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// Writes the digits of `v` in `base` right-aligned into `buf`; returns the
/// start index.
#[inline]
fn digits(buf: &mut [u8; 24], mut v: u64, base: u64, table: &[u8; 16]) -> usize {
    let mut i = buf.len();
    if base == 10 {
        while v >= 100 {
            let r = (v % 100) as usize * 2;
            v /= 100;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
        }
        if v >= 10 {
            let r = v as usize * 2;
            i -= 2;
            buf[i..i + 2].copy_from_slice(&PAIRS[r..r + 2]);
        } else {
            i -= 1;
            buf[i] = b'0' + v as u8;
        }
    } else {
        let shift = if base == 16 { 4 } else { 3 };
        let mask = base - 1;
        loop {
            i -= 1;
            buf[i] = table[(v & mask) as usize];
            v >>= shift;
            if v == 0 {
                break;
            }
        }
    }
    i
}

pub(crate) fn format_int<U: Unit>(out: &mut Vec<U>, spec: &Spec, args: &mut dyn ArgSource) {
    let raw = args.next_u64();
    let ch = spec.ch;
    let signed = ch == b'd' || ch == b'i';
    let (mag, neg) = if spec.int64 || spec.native {
        if signed && (raw as i64) < 0 {
            ((raw as i64).unsigned_abs(), true)
        } else {
            (raw, false)
        }
    } else if signed {
        let v = if spec.len == Len::Short {
            raw as i16 as i64
        } else {
            raw as i32 as i64
        };
        (v.unsigned_abs(), v < 0)
    } else if spec.len == Len::Short {
        (raw as u16 as u64, false)
    } else {
        (raw as u32 as u64, false)
    };

    let (base, table) = match ch {
        b'o' => (8, LOWER),
        b'x' => (16, LOWER),
        b'X' => (16, UPPER),
        _ => (10, LOWER),
    };

    // With "#0" and a width, hex zero padding goes after the "0x": Wine turns
    // it into a precision (computed in signed arithmetic, -1 = none).
    let mut prec: i64 = spec.prec.map_or(-1, |p| p as i64);
    if base == 16 && spec.zero && spec.alt && !spec.left && prec < spec.width as i64 - 2 {
        prec = spec.width as i64 - 2;
    }

    let mut buf = [0u8; 24];
    let (start, alt) = if mag == 0 {
        // No prefix for zero; no digit at all with precision 0.
        (if prec == 0 { buf.len() } else { buf.len() - 1 }, false)
    } else {
        (digits(&mut buf, mag, base, table), spec.alt)
    };
    if mag == 0 {
        buf[buf.len() - 1] = b'0';
    }
    let d = &buf[start..];
    let zeros = (prec.max(0) as usize).saturating_sub(d.len());
    let prefix: &[u8] = match (alt, base) {
        (true, 16) => {
            if ch == b'X' {
                b"0X"
            } else {
                b"0x"
            }
        }
        (true, 8) if zeros == 0 => b"0",
        _ => b"",
    };
    let sign = if !signed {
        None
    } else if neg {
        Some(b'-')
    } else {
        spec.sign
    };
    let len = prefix.len() + zeros + d.len();
    emit_field(out, spec, sign, len, |o| {
        U::push_ascii(o, prefix);
        push_fill(o, b'0', zeros);
        U::push_ascii(o, d);
    });
}

pub(crate) fn format_ptr<U: Unit>(out: &mut Vec<U>, spec: &Spec, v: u64) {
    let mut buf = [0u8; 18];
    let mut i = buf.len();
    let mut x = v;
    for _ in 0..16 {
        i -= 1;
        buf[i] = UPPER[(x & 15) as usize];
        x >>= 4;
    }
    if spec.alt && v != 0 {
        buf[0] = b'0';
        buf[1] = b'X';
        i = 0;
    }
    let mut body = &buf[i..];
    if let Some(p) = spec.prec {
        body = &body[..p.min(body.len())];
    }
    let mut s = *spec;
    s.zero = false;
    emit_ascii_field(out, &s, None, body);
}
