//! Floating-point conversions: `f F e E g G a A`.
//!
//! Digits are exact: the decimal expansion of the binary value is rounded at
//! the requested position. Both of Wine 8's DLLs round ties (values exactly
//! half-way, which are exactly representable such as 0.5, 2.5, 0.125)
//! *away from zero*: `%.0f` of 0.5 is "1", of 2.5 is "3", `%.1f` of 0.25 is
//! "0.3"; `%.2f` of 1.005 is "1.00" because 1.005 is really 1.00499999...
//! The digits come from `decimal.rs`.
//!
//! Flavour differences:
//! * exponent of `%e`/`%g`: msvcrt always 3 digits (`1e+020`), UCRT at least 2
//!   (`1e+20`, `1e+300`).
//! * infinities and NaNs: msvcrt `1.#INF00`, `-1.#INF00`, `1.#QNAN0` (any NaN
//!   with the sign bit clear, signalling ones included), `-1.#IND00` (any NaN
//!   with the sign bit set), with msvcrt's odd handling of precision and
//!   suffixes (`%.2f` -> "1.#J", `%e` -> "1.#INF00e+000", `%g` -> "1.#INF",
//!   `%a` -> "0x1.#INF000000000p+0"); UCRT `inf`, `-inf`, `nan`, `-nan(ind)`
//!   (any negative NaN), uppercase for `A E F G`, never zero padded and
//!   ignoring precision and `#`.
//!
//! `%a` is the same in both flavours: "0x1.0000000000000p+0" (all 13 hex
//! digits without precision, trailing zeros kept), subnormals as
//! "0x0.xxxp-1022", zero as "0x0.0000000000000p+0", decimal exponent without
//! leading zeros. A precision rounds half up on the hex digits and a carry
//! goes into the leading digit without renormalising (`%.0a` of 1.5 is
//! "0x2p+0"); the `0` flag pads after the "0x". With `-`, Wine 8 pads the
//! mantissa before the exponent field and turns the zeros of a precision
//! above 13 into trailing spaces ("0x1.0000000000000     p+0"): reproduced,
//! like msvcrt's "1.#INF    " for `%-10f` (native Windows presumably pads
//! after the whole conversion).

use super::decimal;
use super::spec::Spec;
use super::{Options, Unit, emit_ascii_field, emit_field, push_fill};

pub(crate) fn format_float<U: Unit>(out: &mut Vec<U>, spec: &Spec, v: f64, opts: &Options) {
    let neg = v.is_sign_negative();
    let a = v.abs();
    let sign = if neg { Some(b'-') } else { spec.sign };
    let ch = spec.ch;
    if !a.is_finite() {
        if opts.legacy_msvcrt_compat {
            special_msvcrt(out, spec, sign, a.is_infinite(), opts.three_digit_exponents);
        } else {
            special_ucrt(out, spec, sign, a.is_infinite());
        }
        return;
    }
    match ch {
        b'a' | b'A' => hex(out, spec, sign, a, opts.standard_rounding),
        b'f' | b'F' => fixed(out, spec, sign, a, opts.standard_rounding),
        b'e' | b'E' => exponent(out, spec, sign, a, opts),
        _ => general(out, spec, sign, a, opts),
    }
}

/// Scratch space for digits: on the stack unless the precision is large.
#[inline]
fn with_scratch<R>(need: usize, f: impl FnOnce(&mut [u8]) -> R) -> R {
    if need <= 64 {
        let mut stack = [0u8; 64];
        f(&mut stack)
    } else if need <= 400 {
        let mut stack = [0u8; 400];
        f(&mut stack)
    } else {
        let mut heap = vec![0u8; need];
        f(&mut heap)
    }
}

/// Exponent suffix "e+05" / "e+005" into `b`, returns its length.
fn exp_suffix(b: &mut [u8; 8], letter: u8, e: i32, three_digits: bool) -> usize {
    b[0] = letter;
    b[1] = if e < 0 { b'-' } else { b'+' };
    let mut u = e.unsigned_abs();
    let nd = if three_digits || u >= 100 { 3 } else { 2 };
    for k in (0..nd).rev() {
        b[2 + k] = b'0' + (u % 10) as u8;
        u /= 10;
    }
    2 + nd
}

fn fixed<U: Unit>(out: &mut Vec<U>, spec: &Spec, sign: Option<u8>, a: f64, even: bool) {
    let prec = spec.prec.unwrap_or(6);
    with_scratch(decimal::fixed_len(a, prec), |buf| {
        let mut len = decimal::fixed(buf, a, prec, even);
        if spec.alt && prec == 0 {
            buf[len] = b'.';
            len += 1;
        }
        emit_ascii_field(out, spec, sign, &buf[..len]);
    })
}

fn exponent<U: Unit>(out: &mut Vec<U>, spec: &Spec, sign: Option<u8>, a: f64, opts: &Options) {
    let prec = spec.prec.unwrap_or(6);
    with_scratch(decimal::exp_len(prec), |buf| {
        let (mut mlen, e) = decimal::exp(buf, a, prec, opts.standard_rounding);
        if spec.alt && prec == 0 {
            buf[mlen] = b'.';
            mlen += 1;
        }
        let mut sfx = [0u8; 8];
        let letter = if spec.ch == b'E' { b'E' } else { b'e' };
        let slen = exp_suffix(&mut sfx, letter, e, opts.three_digit_exponents);
        let m = &buf[..mlen];
        emit_field(out, spec, sign, mlen + slen, |o| {
            U::push_ascii(o, m);
            U::push_ascii(o, &sfx[..slen]);
        });
    })
}

#[inline]
fn trim_zeros(mut s: &[u8]) -> &[u8] {
    while let [rest @ .., b'0'] = s {
        s = rest;
    }
    s
}

/// `%g`: `P` significant digits (precision 0 counts as 1); fixed notation
/// when the exponent X after rounding satisfies -4 <= X < P, exponent
/// notation otherwise; trailing zeros (and a bare '.') removed unless `#`.
fn general<U: Unit>(out: &mut Vec<U>, spec: &Spec, sign: Option<u8>, a: f64, opts: &Options) {
    let p = spec.prec.unwrap_or(6).max(1);
    with_scratch(decimal::exp_len(p), |buf| {
        let (mlen, x) = decimal::exp(buf, a, p - 1, opts.standard_rounding);
        // Significant digits: buf[0] and buf[2..mlen] (skip the '.').
        let (first, rest) = buf[..mlen].split_at(1);
        let rest = if rest.is_empty() { rest } else { &rest[1..] };
        let alt = spec.alt;
        if x >= -4 && (x as i64) < p as i64 {
            if x >= 0 {
                // int = first + rest[..x], frac = rest[x..]
                let xi = x as usize;
                let (ip, fp) = rest.split_at(xi);
                let fp = if alt { fp } else { trim_zeros(fp) };
                let dot = !fp.is_empty() || alt;
                let len = 1 + ip.len() + dot as usize + fp.len();
                emit_field(out, spec, sign, len, |o| {
                    U::push_ascii(o, first);
                    U::push_ascii(o, ip);
                    if dot {
                        U::push_ascii(o, b".");
                    }
                    U::push_ascii(o, fp);
                });
            } else {
                // "0." + zeros + all significant digits
                let zeros = (-x - 1) as usize;
                let rest = if alt { rest } else { trim_zeros(rest) };
                let len = 2 + zeros + 1 + rest.len();
                emit_field(out, spec, sign, len, |o| {
                    U::push_ascii(o, b"0.");
                    push_fill(o, b'0', zeros);
                    U::push_ascii(o, first);
                    U::push_ascii(o, rest);
                });
            }
        } else {
            let rest = if alt { rest } else { trim_zeros(rest) };
            let dot = !rest.is_empty() || alt;
            let mut sfx = [0u8; 8];
            let letter = if spec.ch == b'G' { b'E' } else { b'e' };
            let slen = exp_suffix(&mut sfx, letter, x, opts.three_digit_exponents);
            let len = 1 + dot as usize + rest.len() + slen;
            emit_field(out, spec, sign, len, |o| {
                U::push_ascii(o, first);
                if dot {
                    U::push_ascii(o, b".");
                }
                U::push_ascii(o, rest);
                U::push_ascii(o, &sfx[..slen]);
            });
        }
    })
}

// ---------------------------------------------------------------------------
// %a

fn hex<U: Unit>(out: &mut Vec<U>, spec: &Spec, mut sign: Option<u8>, a: f64, even: bool) {
    let upper = spec.ch == b'A';
    let table: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let x: &[u8] = if upper { b"0X" } else { b"0x" };
    let bits = a.to_bits();
    let be = ((bits >> 52) & 0x7ff) as i32;
    let mant = bits & ((1u64 << 52) - 1);
    let (mut lead, exp) = if be == 0 {
        (b'0', if mant == 0 { 0 } else { -1022 })
    } else {
        (b'1', be - 1023)
    };

    let mut width = spec.width;
    if spec.zero {
        // Sign and "0x" first, zero padding after them.
        if let Some(s) = sign.take() {
            out.push(U::from_ascii(s));
            width = width.saturating_sub(1);
        }
        U::push_ascii(out, x);
        width = width.saturating_sub(2);
    }

    let mut d = [0u8; 13];
    for (k, c) in d.iter_mut().enumerate() {
        *c = table[((mant >> (48 - 4 * k)) & 15) as usize];
    }
    let (ndig, extra_zeros, dot) = match spec.prec {
        Some(0) => {
            if mant >> 48 >= 8 {
                lead += 1;
            }
            (0, 0, spec.alt)
        }
        Some(p) if p < 13 => {
            let next = (mant >> (48 - 4 * p)) & 15;
            let up = if !even {
                next >= 8
            } else {
                // Ties (8 followed by zeros) to an even last kept digit.
                let below = mant & ((1u64 << (48 - 4 * p)) - 1);
                let kept_odd = (mant >> (52 - 4 * p)) & 1 == 1;
                next > 8 || (next == 8 && (below != 0 || kept_odd))
            };
            if up {
                let mut carry = true;
                for c in d[..p].iter_mut().rev() {
                    match *c {
                        b'f' | b'F' => *c = b'0',
                        b'9' => {
                            *c = if upper { b'A' } else { b'a' };
                            carry = false;
                            break;
                        }
                        _ => {
                            *c += 1;
                            carry = false;
                            break;
                        }
                    }
                }
                if carry {
                    lead += 1;
                }
            }
            (p, 0, true)
        }
        Some(p) => (13, p - 13, true),
        None => (13, 0, true),
    };

    let mut sfx = [0u8; 8];
    sfx[0] = if upper { b'P' } else { b'p' };
    sfx[1] = if exp < 0 { b'-' } else { b'+' };
    let mut ebuf = [0u8; 4];
    let mut k = ebuf.len();
    let mut u = exp.unsigned_abs();
    loop {
        k -= 1;
        ebuf[k] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    let elen = ebuf.len() - k;
    sfx[2..2 + elen].copy_from_slice(&ebuf[k..]);
    let slen = 2 + elen;

    let prefix: &[u8] = if spec.zero { b"" } else { x };
    let dg = &d[..ndig];
    let len = prefix.len() + 1 + dot as usize + ndig;
    let mut s = *spec;
    s.width = width.saturating_sub(extra_zeros + slen);
    emit_field(out, &s, sign, len, |o| {
        U::push_ascii(o, prefix);
        o.push(U::from_ascii(lead));
        if dot {
            U::push_ascii(o, b".");
        }
        U::push_ascii(o, dg);
    });
    suffix_field(out, spec.left, extra_zeros, &sfx[..slen]);
}

/// The exponent field of `%a` and of msvcrt's special values: the digits
/// beyond the available ones are zeros placed before `sfx`, but (as in Wine
/// 8, whose output is the reference) with `-` they become spaces after it.
#[inline]
fn suffix_field<U: Unit>(out: &mut Vec<U>, left: bool, zeros: usize, sfx: &[u8]) {
    if left {
        U::push_ascii(out, sfx);
        push_fill(out, b' ', zeros);
    } else {
        push_fill(out, b'0', zeros);
        U::push_ascii(out, sfx);
    }
}

// ---------------------------------------------------------------------------
// Infinity and NaN

fn special_ucrt<U: Unit>(out: &mut Vec<U>, spec: &Spec, sign: Option<u8>, inf: bool) {
    let upper = matches!(spec.ch, b'A' | b'E' | b'F' | b'G');
    let text: &[u8] = match (inf, sign == Some(b'-'), upper) {
        (true, _, false) => b"inf",
        (true, _, true) => b"INF",
        (false, true, false) => b"nan(ind)",
        (false, true, true) => b"NAN(IND)",
        (false, false, false) => b"nan",
        (false, false, true) => b"NAN",
    };
    let mut s = *spec;
    s.zero = false;
    emit_ascii_field(out, &s, sign, text);
}

/// msvcrt's "1.#INF00" family, reproducing the native quirks that Wine 8
/// reproduces: the text is "1.#INF" / "1.#IND" / "1.#QNAN" ("0x1.#..." for
/// `%a`); a precision shorter than the text after the '.' cuts it and bumps
/// the last kept character (`%.2f` -> "1.#J", `%.1f` -> "1.$", `%.0f` -> "1");
/// the remaining precision is filled with zeros, then "e+000"/"p+0" for
/// `%e`/`%a`; `%g` uses precision-1 and keeps no zeros unless `#`.
fn special_msvcrt<U: Unit>(
    out: &mut Vec<U>,
    spec: &Spec,
    mut sign: Option<u8>,
    inf: bool,
    three_digit: bool,
) {
    let ch = spec.ch;
    let upper = ch.is_ascii_uppercase();
    let is_a = ch == b'a' || ch == b'A';
    let is_e = ch == b'e' || ch == b'E';
    let is_g = ch == b'g' || ch == b'G';
    let mut prec: i64 = spec.prec.map_or(-1, |p| p as i64);
    if is_g {
        prec -= 1;
    }
    let mut width = spec.width as i64;
    let x: &[u8] = if upper { b"0X" } else { b"0x" };
    let name: &[u8] = if inf {
        b"INF"
    } else if sign == Some(b'-') {
        b"IND"
    } else {
        b"QNAN"
    };
    let early = spec.zero && is_a;
    if early {
        if let Some(s) = sign.take() {
            out.push(U::from_ascii(s));
            width -= 1;
        }
        U::push_ascii(out, x);
        width -= 2;
    }

    let mut pfx = [0u8; 16];
    let mut n = 0;
    if is_a && !early {
        pfx[..2].copy_from_slice(x);
        n = 2;
    }
    let dot = n + 1;
    pfx[n..n + 3].copy_from_slice(b"1.#");
    n += 3;
    pfx[n..n + name.len()].copy_from_slice(name);
    n += name.len();
    let frac_len = 1 + name.len() as i64;
    if prec >= 0 && prec < frac_len {
        pfx[dot + prec as usize] += 1;
    }

    let mut sfx = [0u8; 8];
    let mut sl = 0;
    if is_a || is_e {
        sfx[0] = match ch {
            b'a' => b'p',
            b'A' => b'P',
            c => c,
        };
        sfx[1] = b'+';
        sfx[2] = b'0';
        sl = 3;
        if is_e {
            sfx[3] = b'0';
            sl = 4;
            if three_digit {
                sfx[4] = b'0';
                sl = 5;
            }
        }
    }

    let mut sfx_len: i64 = if !spec.alt && is_g { frac_len } else { prec };
    if sfx_len == -1 {
        if is_a {
            sfx_len = 13;
        } else if !is_g {
            sfx_len = 6;
        }
    }
    sfx_len += sl as i64 - frac_len;
    if sfx_len > 0 {
        width -= sfx_len;
    }
    let mut keep = n;
    if prec >= 0 {
        let p = if prec == 0 { -1 } else { prec } + n as i64 - frac_len;
        keep = (p.max(0) as usize).min(n);
    }

    let mut s = *spec;
    s.width = width.max(0) as usize;
    emit_ascii_field(out, &s, sign, &pfx[..keep]);
    suffix_field(
        out,
        spec.left,
        (sfx_len - sl as i64).max(0) as usize,
        &sfx[..sl],
    );
}
