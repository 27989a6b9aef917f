//! Exact decimal digits of a finite, non-negative double, rounded half away
//! from zero (what Wine 8's msvcrt.dll and ucrtbase.dll both do, on the exact
//! binary value: `%.0f` of 2.5 is "3", `%.2f` of 1.005 is "1.00"), or half to
//! even when asked (`even`: UCRT's `_CRT_INTERNAL_PRINTF_STANDARD_ROUNDING`).
//!
//! Three ways to get them:
//! * `%f` of a value below 2^64 with at most 64 fraction bits (any
//!   precision), or at most 127 (precision <= 19): integer arithmetic on the
//!   mantissa (u128), exact, no formatting machinery at all;
//! * `%f` of a value >= 2^64 (an integer): a small base-10^9 bignum;
//! * everything else: Rust's exact formatter (`{:.*}` / `{:.*e}`), which
//!   rounds ties to even; unless `even`, ties are detected arithmetically
//!   ([`tie`]) and the result bumped by one unit in the last place when it
//!   went down.

use core::fmt::Write;

const POW10: [u64; 20] = {
    let mut t = [1u64; 20];
    let mut i = 1;
    while i < 20 {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// `a = m * 2^e2` with `m` the full mantissa (not made odd).
#[inline(always)]
fn decompose(a: f64) -> (u64, i32) {
    let bits = a.to_bits();
    let be = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    if be == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), be - 1075)
    }
}

/// Where rounding `a` can be an exact tie, and which way round-half-even
/// went there. Writing `a = m * 2^e2` with `m` odd: for `e2 < 0`,
/// `a = m*5^-e2 / 10^-e2` and `m*5^-e2` is an odd multiple of 5, so the last
/// non-zero digit is a 5 at position 10^e2; for `e2 >= 0` the integer ends
/// (before `e2` trailing zeros) in a 5 only if 5^(e2+1) divides `m`
/// (possible for `e2 <= 21` since `m < 2^53`). Returns `(e2, down)`: a tie
/// happens when rounding at 10^(e2+1), and `down` says round-half-even kept
/// the truncated value there (its last kept digit T is even; with
/// 2T+1 = m*5^(-e2-1) or m/5^(e2+1), which is 1 mod 4 exactly when T is even).
#[inline]
fn tie(a: f64) -> Option<(i32, bool)> {
    let (mut m, mut e2) = decompose(a);
    if m == 0 {
        return None;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e2 += tz as i32;
    if e2 < 0 {
        Some((e2, m & 3 == 1))
    } else if e2 <= 21 {
        let p5 = 5u64.pow(e2 as u32 + 1);
        if m % p5 == 0 {
            Some((e2, (m / p5) & 3 == 1))
        } else {
            None
        }
    } else {
        None
    }
}

/// `fmt::Write` into a byte slice.
struct SliceWriter<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Write for SliceWriter<'_> {
    #[inline]
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let b = s.as_bytes();
        let end = self.len + b.len();
        if end > self.buf.len() {
            return Err(core::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(b);
        self.len = end;
        Ok(())
    }
}

/// Add one unit in the last place of the decimal string `s` (digits and at
/// most one '.'). Returns true on carry out of the first digit (all digits
/// are then '0').
fn increment(s: &mut [u8]) -> bool {
    for c in s.iter_mut().rev() {
        match *c {
            b'.' => {}
            b'9' => *c = b'0',
            _ => {
                *c += 1;
                return false;
            }
        }
    }
    true
}

/// Decimal digits of `v` into the end of `tmp`; returns the start index.
#[inline]
fn u64_digits(tmp: &mut [u8; 20], mut v: u64) -> usize {
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            return i;
        }
    }
}

/// Scratch bytes needed by [`fixed`] for `a` with `prec` decimals.
#[inline]
pub(crate) fn fixed_len(a: f64, prec: usize) -> usize {
    let int_digits = if a < 1.8e19 { 20 } else { 310 };
    int_digits + 2 + prec.max(2)
}

/// Scratch bytes needed by [`exp`] with `prec` decimals.
#[inline]
pub(crate) fn exp_len(prec: usize) -> usize {
    prec.saturating_add(12)
}

/// `a` with `prec` decimals into `buf` ("123.450", or "123" for precision
/// 0). Returns the length. `buf` must hold [`fixed_len`] bytes.
pub(crate) fn fixed(buf: &mut [u8], a: f64, prec: usize, even: bool) -> usize {
    let (m, e2) = decompose(a);
    if e2 <= 11 && (e2 >= -64 || prec <= 19) {
        return fixed_small(buf, m, e2, prec, even);
    }
    if e2 > 11 {
        return fixed_big_int(buf, m, e2, prec);
    }
    let mut w = SliceWriter {
        buf: &mut *buf,
        len: 0,
    };
    write!(w, "{:.*}", prec, a).expect("scratch buffer too small");
    let len = w.len;
    match tie(a) {
        Some((e2, true)) if !even && e2 == -(prec as i32) - 1 => {
            if increment(&mut buf[..len]) {
                buf.copy_within(0..len, 1);
                buf[0] = b'1';
                return len + 1;
            }
            len
        }
        _ => len,
    }
}

/// `a = m * 2^e2 < 2^64` with at most 64 fraction bits, or at most 127 and
/// `prec <= 19`: exact integer arithmetic, 19 digits per u128 step.
fn fixed_small(buf: &mut [u8], m: u64, e2: i32, prec: usize, even: bool) -> usize {
    let (mut ip, mut frac, k) = if e2 >= 0 {
        (m << e2, 0u128, 0u32)
    } else if e2 > -128 {
        let k = (-e2) as u32;
        ((m as u128 >> k) as u64, m as u128 & ((1u128 << k) - 1), k)
    } else {
        (0, 0, 0) // a < 2^-74: rounds to 0 at 19 decimals or fewer.
    };
    // Fraction digits first, after room for the integer part and the point.
    const F: usize = 22;
    let mut pos = 0;
    while pos < prec {
        let d = (prec - pos).min(19);
        let dst = &mut buf[F + pos..F + pos + d];
        if frac == 0 {
            dst.fill(b'0');
        } else {
            // frac < 2^k with k <= 64, or frac = m < 2^53 on the only step
            // when k > 64 (prec <= 19): the product fits in 128 bits.
            let p = frac * POW10[d] as u128;
            let mut q = (p >> k) as u64;
            frac = p & ((1u128 << k) - 1);
            for c in dst.iter_mut().rev() {
                *c = b'0' + (q % 10) as u8;
                q /= 10;
            }
        }
        pos += d;
    }
    let half = if k > 0 { 1u128 << (k - 1) } else { 0 };
    let up = k > 0
        && if even {
            // Ties to an even last kept digit.
            let last_odd = if prec > 0 {
                buf[F + prec - 1] & 1 == 1
            } else {
                ip & 1 == 1
            };
            frac > half || (frac == half && last_odd)
        } else {
            frac >= half
        };
    if up && increment(&mut buf[F..F + prec]) {
        ip += 1;
    }
    let mut tmp = [0u8; 20];
    let s = u64_digits(&mut tmp, ip);
    let n = tmp.len() - s;
    buf[..n].copy_from_slice(&tmp[s..]);
    if prec == 0 {
        return n;
    }
    buf[n] = b'.';
    buf.copy_within(F..F + prec, n + 1);
    n + 1 + prec
}

/// `a = m * 2^e2` with `e2 > 11` (an integer >= 2^64): base-10^9 bignum.
fn fixed_big_int(buf: &mut [u8], m: u64, mut e2: i32, prec: usize) -> usize {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = [0u32; 40]; // little-endian; 2^1024 < 10^309
    limbs[0] = (m % BASE) as u32;
    limbs[1] = ((m / BASE) % BASE) as u32;
    let mut n = if limbs[1] != 0 { 2 } else { 1 };
    while e2 > 0 {
        let s = e2.min(32) as u32;
        e2 -= s as i32;
        let mut carry = 0u64;
        for l in limbs[..n].iter_mut() {
            let v = ((*l as u64) << s) + carry;
            *l = (v % BASE) as u32;
            carry = v / BASE;
        }
        while carry != 0 {
            limbs[n] = (carry % BASE) as u32;
            carry /= BASE;
            n += 1;
        }
    }
    let mut tmp = [0u8; 20];
    let s = u64_digits(&mut tmp, limbs[n - 1] as u64);
    let mut len = tmp.len() - s;
    buf[..len].copy_from_slice(&tmp[s..]);
    for &l in limbs[..n - 1].iter().rev() {
        let mut v = l;
        for c in buf[len..len + 9].iter_mut().rev() {
            *c = b'0' + (v % 10) as u8;
            v /= 10;
        }
        len += 9;
    }
    if prec > 0 {
        buf[len] = b'.';
        buf[len + 1..len + 1 + prec].fill(b'0');
        len += 1 + prec;
    }
    len
}

/// `a` as `d.ddd` with `prec` decimals into `buf`, and its decimal exponent.
/// Returns (mantissa length, exponent). `buf` must hold [`exp_len`] bytes.
pub(crate) fn exp(buf: &mut [u8], a: f64, prec: usize, even: bool) -> (usize, i32) {
    let mut w = SliceWriter {
        buf: &mut *buf,
        len: 0,
    };
    write!(w, "{:.*e}", prec, a).expect("scratch buffer too small");
    let len = w.len;
    let (mlen, mut e) = split_exp(&buf[..len]);
    // A tie at this precision is at 10^(e-prec-1). (If round-half-even had
    // carried into the next decade, e would be one too big and not match;
    // the value was rounded up then, which is right.)
    if !even
        && let Some((e2, true)) = tie(a)
        && e2 == e - prec as i32 - 1
        && increment(&mut buf[..mlen])
    {
        buf[0] = b'1';
        e += 1;
    }
    (mlen, e)
}

/// Split Rust's "d.ddde-7" into the mantissa length and the exponent.
fn split_exp(s: &[u8]) -> (usize, i32) {
    let p = s.iter().position(|&c| c == b'e').unwrap_or(s.len());
    let mut e: i32 = 0;
    let mut neg = false;
    for &c in &s[p + 1..] {
        if c == b'-' {
            neg = true;
        } else {
            e = e * 10 + (c - b'0') as i32;
        }
    }
    (p, if neg { -e } else { e })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(a: f64, prec: usize) -> String {
        let mut b = vec![0u8; fixed_len(a, prec)];
        let n = fixed(&mut b, a, prec, false);
        String::from_utf8(b[..n].to_vec()).unwrap()
    }

    /// The three %f paths agree with Rust's exact formatter away from ties.
    #[test]
    fn fixed_paths_match_exact_digits() {
        let mut x = 0x1234_5678_9abc_def1u64;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let a = f64::from_bits(x & 0x7fff_ffff_ffff_ffff);
            if !a.is_finite() {
                continue;
            }
            let prec = (x >> 57) as usize % 70;
            let want = format!("{:.*}", prec, a);
            if tie(a).is_some_and(|(e2, _)| e2 == -(prec as i32) - 1) {
                continue;
            }
            assert_eq!(f(a, prec), want, "{a:e} {prec}");
        }
        assert_eq!(f(2.0f64.powi(64), 2), "18446744073709551616.00");
        assert_eq!(f(f64::MAX, 0), format!("{:.0}", f64::MAX));
        assert_eq!(f(0.5, 0), "1");
        assert_eq!(f(9.5, 0), "10");
        assert_eq!(f(0.995, 2), "0.99"); // 0.99499999...
        assert_eq!(f(99.5, 0), "100");
        assert_eq!(f(0.125, 22), "0.1250000000000000000000");
        assert_eq!(f(2.5e-30, 19), "0.0000000000000000000");
    }
}
