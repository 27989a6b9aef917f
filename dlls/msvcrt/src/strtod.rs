//! stdlib.h floating-point text: `strtod`, `strtof`, `wcstod`, `atof` and their `_l` forms,
//! `_atodbl`/`_atoflt`/`_atoldbl`, and the digit generators `_ecvt`, `_fcvt`, `_gcvt` (with
//! their `_s` forms).
//!
//! Parsing is correctly rounded: decimal text goes through Rust's `f64`/`f32` parsers (exact,
//! round-half-even), hexadecimal text ("0x1.8p3") is rounded here from the exact bits. The
//! syntax is C99's, as the UCRT has it (and Wine 8's msvcrt too): leading white space, a
//! sign, "inf"/"infinity", "nan" with an optional "(chars)", hexadecimal with an optional
//! binary exponent. With no number the result is 0 and the end pointer is the start; "0x"
//! alone reads as "0". Overflow gives ±HUGE_VAL and ERANGE; a non-zero number that rounds to
//! zero gives 0 and ERANGE. Where Wine 8's two DLLs differ we follow each:
//! - ucrtbase also accepts 'd'/'D' as the exponent letter ("1d5" is 100000);
//! - msvcrt.dll sets ERANGE for results that are subnormal; ucrtbase does not (`strtof`
//!   always does, as C allows).
//!
//! (Windows' own msvcrt.dll reads neither hexadecimal nor "inf"/"nan"; Wine's and ours do.)

use crate::conv::{Digit, is_space, text};
use crate::errno::{EINVAL, ERANGE, set_errno};
use crate::invalid::fail;
use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::cell::RefCell;

/// What a parse produced.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parsed {
    pub value: f64,
    /// Units consumed (0: no number).
    pub used: usize,
    /// ERANGE applies.
    pub range: bool,
}

/// Target format of a parse.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Target {
    F64,
    F32,
}

/// Which DLL's conventions (see the module comment).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    Msvcrt,
    Ucrt,
}

fn lower(c: u32) -> u32 {
    if (0x41..=0x5a).contains(&c) {
        c + 32
    } else {
        c
    }
}

/// Does `s[i..]` start with `word` (ASCII, case-insensitive)?
fn starts_with<T: Digit>(s: &[T], i: usize, word: &[u8]) -> bool {
    s.len() >= i + word.len()
        && word
            .iter()
            .enumerate()
            .all(|(k, &w)| lower(s[i + k].code()) == w as u32)
}

/// 2^e as an f64, exactly (-1074 <= e <= 1023).
fn pow2(e: i64) -> f64 {
    if e >= -1022 {
        f64::from_bits(((e + 1023) as u64) << 52)
    } else {
        f64::from_bits(1u64 << (e + 1074))
    }
}

/// Round `mant * 2^exp2` (mant != 0; `sticky` says non-zero bits were lost below it) to the
/// target format, half to even. Returns the value and whether it overflowed, underflowed to
/// zero, or is subnormal.
fn round_binary(
    mut mant: u64,
    mut exp2: i64,
    sticky: bool,
    target: Target,
) -> (f64, bool, bool, bool) {
    let (p, emin, emax) = match target {
        Target::F64 => (53i64, -1022i64, 1023i64),
        Target::F32 => (24, -126, 127),
    };
    let lz = mant.leading_zeros() as i64;
    mant <<= lz;
    exp2 -= lz;
    // Bit 63 of mant has weight 2^lead.
    let lead = exp2.saturating_add(63);
    if lead > emax {
        return (f64::INFINITY, true, false, false);
    }
    let keep = if lead >= emin { p } else { p - (emin - lead) };
    if keep < 0 {
        return (0.0, false, true, false);
    }
    let (q, scale) = if keep == 0 {
        // Between half the smallest subnormal and it: a tie only at exactly half.
        let tie = mant == 1 << 63 && !sticky;
        (if tie { 0 } else { 1 }, lead + 1)
    } else {
        let drop = 64 - keep;
        let kept = mant >> drop;
        let rem = mant & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        let up = rem > half || (rem == half && (sticky || kept & 1 == 1));
        (kept + up as u64, lead - keep + 1)
    };
    if q == 0 {
        return (0.0, false, true, false);
    }
    let top = scale + 63 - q.leading_zeros() as i64;
    if top > emax {
        return (f64::INFINITY, true, false, false);
    }
    ((q as f64) * pow2(scale), false, false, top < emin)
}

/// Parse the hexadecimal digits after "0x" at `s[i..]`; None when there is no digit.
fn parse_hex<T: Digit>(
    s: &[T],
    mut i: usize,
    target: Target,
) -> Option<(f64, usize, bool, bool, bool)> {
    let hex = |c: u32| char::from_u32(c).and_then(|ch| ch.to_digit(16));
    let (mut mant, mut exp2, mut sticky, mut any) = (0u64, 0i64, false, false);
    let add = |d: u32, frac: bool, mant: &mut u64, exp2: &mut i64, sticky: &mut bool| {
        if *mant >> 60 == 0 {
            *mant = *mant << 4 | d as u64;
            if frac {
                *exp2 -= 4;
            }
        } else {
            *sticky |= d != 0;
            if !frac {
                *exp2 += 4;
            }
        }
    };
    while let Some(d) = s.get(i).and_then(|c| hex(c.code())) {
        add(d, false, &mut mant, &mut exp2, &mut sticky);
        any = true;
        i += 1;
    }
    if s.get(i).map(|c| c.code()) == Some(b'.' as u32) {
        let mut j = i + 1;
        let mut frac_any = false;
        while let Some(d) = s.get(j).and_then(|c| hex(c.code())) {
            add(d, true, &mut mant, &mut exp2, &mut sticky);
            frac_any = true;
            j += 1;
        }
        if any || frac_any {
            i = j;
            any = true;
        }
    }
    if !any {
        return None;
    }
    if let Some((e, used)) = parse_exp(s, i, b"p") {
        exp2 = exp2.saturating_add(e);
        i = used;
    }
    if mant == 0 {
        return Some((0.0, i, false, false, false));
    }
    let (v, over, under, sub) = round_binary(mant, exp2, sticky, target);
    Some((v, i, over, under, sub))
}

/// An exponent ("e-12") at `s[i..]` with one of the `letters`: its value (saturated) and the
/// index after it; None when there is no complete exponent.
fn parse_exp<T: Digit>(s: &[T], i: usize, letters: &[u8]) -> Option<(i64, usize)> {
    let c = lower(s.get(i)?.code());
    if !letters.iter().any(|&l| l as u32 == c) {
        return None;
    }
    let mut j = i + 1;
    let mut neg = false;
    match s.get(j).map(|c| c.code()) {
        Some(0x2b) => j += 1,
        Some(0x2d) => {
            neg = true;
            j += 1;
        }
        _ => {}
    }
    let start = j;
    let mut e: i64 = 0;
    while let Some(d) = s
        .get(j)
        .map(|c| c.code())
        .filter(|c| (0x30..=0x39).contains(c))
    {
        e = (e * 10 + (d - 0x30) as i64).min(1 << 40);
        j += 1;
    }
    if j == start {
        return None;
    }
    Some((if neg { -e } else { e }, j))
}

/// Write `s[m0..m1]` (digits and at most one '.') as ASCII into `out`, then "e" and `exp`;
/// returns the length. `out` holds `m1 - m0 + 24` bytes at least.
fn assemble<T: Digit>(out: &mut [u8], s: &[T], m0: usize, m1: usize, exp: i64) -> usize {
    let mut n = 0;
    for c in &s[m0..m1] {
        out[n] = c.code() as u8;
        n += 1;
    }
    out[n] = b'e';
    n += 1;
    if exp < 0 {
        out[n] = b'-';
        n += 1;
    }
    let mut digits = [0u8; 20];
    let mut k = 0;
    let mut e = exp.unsigned_abs();
    loop {
        digits[k] = b'0' + (e % 10) as u8;
        k += 1;
        e /= 10;
        if e == 0 {
            break;
        }
    }
    while k > 0 {
        k -= 1;
        out[n] = digits[k];
        n += 1;
    }
    n
}

/// Parse floating-point text by the rules of the module comment.
pub fn parse<T: Digit>(s: &[T], target: Target, flavor: Flavor) -> Parsed {
    let none = Parsed {
        value: 0.0,
        used: 0,
        range: false,
    };
    let at = |i: usize| s.get(i).map_or(0, |c| c.code());
    let mut i = 0;
    while i < s.len() && is_space(at(i)) {
        i += 1;
    }
    let mut neg = false;
    if at(i) == b'+' as u32 || at(i) == b'-' as u32 {
        neg = at(i) == b'-' as u32;
        i += 1;
    }
    let sign = |v: f64| if neg { -v } else { v };
    if starts_with(s, i, b"inf") {
        let used = if starts_with(s, i, b"infinity") {
            i + 8
        } else {
            i + 3
        };
        return Parsed {
            value: sign(f64::INFINITY),
            used,
            range: false,
        };
    }
    if starts_with(s, i, b"nan") {
        let mut used = i + 3;
        if at(used) == b'(' as u32 {
            let mut j = used + 1;
            while matches!(char::from_u32(at(j)), Some(c) if c.is_ascii_alphanumeric() || c == '_')
            {
                j += 1;
            }
            if at(j) == b')' as u32 {
                used = j + 1;
            }
        }
        return Parsed {
            value: sign(f64::NAN),
            used,
            range: false,
        };
    }
    if at(i) == b'0' as u32 && lower(at(i + 1)) == b'x' as u32 {
        return match parse_hex(s, i + 2, target) {
            Some((v, used, over, under, sub)) => Parsed {
                value: sign(v),
                used,
                range: over
                    || under
                    || (sub && (flavor == Flavor::Msvcrt || target == Target::F32)),
            },
            None => Parsed {
                value: sign(0.0),
                used: i + 1,
                range: false,
            },
        };
    }
    // Decimal: the mantissa's text is s[m0..m1]; `nd` counts its digits from the first
    // non-zero one, `exp10` is the exponent of its last digit.
    let m0 = i;
    let mut nd: i64 = 0;
    let mut exp10: i64 = 0;
    let mut any = false;
    while (0x30..=0x39).contains(&at(i)) {
        any = true;
        if nd > 0 || at(i) != 0x30 {
            nd += 1;
        }
        i += 1;
    }
    if at(i) == b'.' as u32 {
        let mut j = i + 1;
        let mut frac_any = false;
        let mut fd = 0;
        while (0x30..=0x39).contains(&at(j)) {
            frac_any = true;
            if nd > 0 || at(j) != 0x30 {
                nd += 1;
            }
            fd += 1;
            j += 1;
        }
        if any || frac_any {
            any = true;
            exp10 = -fd;
            i = j;
        }
    }
    if !any {
        return none;
    }
    let m1 = i;
    let letters: &[u8] = if flavor == Flavor::Ucrt { b"ed" } else { b"e" };
    let mut exp = 0i64;
    if let Some((e, used)) = parse_exp(s, i, letters) {
        exp = e;
        exp10 = exp10.saturating_add(e);
        i = used;
    }
    if nd == 0 {
        return Parsed {
            value: sign(0.0),
            used: i,
            range: false,
        };
    }
    // The decimal point of the first significant digit, in powers of ten.
    let magnitude = exp10.saturating_add(nd);
    let (value, over, under, sub) = if magnitude > 400 {
        (f64::INFINITY, true, false, false)
    } else if magnitude < -400 {
        (0.0, false, true, false)
    } else {
        // Rust's parsers (exact, round-half-even) read the mantissa as written, followed by
        // "e" and the exponent: assembled on the stack for the usual lengths.
        let mut buf = [0u8; 128];
        let mut heap = Vec::new();
        let text: &[u8] = if m1 - m0 + 24 <= buf.len() {
            let n = assemble(&mut buf, s, m0, m1, exp);
            &buf[..n]
        } else {
            heap.resize(m1 - m0 + 24, 0);
            let n = assemble(&mut heap, s, m0, m1, exp);
            &heap[..n]
        };
        // SAFETY: `assemble` writes ASCII digits, '.', 'e' and '-' only.
        let text = unsafe { std::str::from_utf8_unchecked(text) };
        match target {
            Target::F64 => {
                let v: f64 = text.parse().unwrap_or(0.0);
                (
                    v,
                    v.is_infinite(),
                    v == 0.0,
                    v != 0.0 && v.abs() < f64::MIN_POSITIVE,
                )
            }
            Target::F32 => {
                let v: f32 = text.parse().unwrap_or(0.0);
                (
                    v as f64,
                    v.is_infinite(),
                    v == 0.0,
                    v != 0.0 && v.abs() < f32::MIN_POSITIVE,
                )
            }
        }
    };
    let range = over || under || (sub && (flavor == Flavor::Msvcrt || target == Target::F32));
    Parsed {
        value: sign(value),
        used: i,
        range,
    }
}

/// strtod-family work: parse, set errno, store the end pointer.
unsafe fn strtod_impl<T: Digit>(
    s: *const T,
    end: *mut *mut T,
    target: Target,
    flavor: Flavor,
) -> f64 {
    if s.is_null() {
        if !end.is_null() {
            unsafe { *end = std::ptr::null_mut() };
        }
        fail(EINVAL);
        return 0.0;
    }
    let p = parse(unsafe { text(s) }, target, flavor);
    if p.range {
        set_errno(ERANGE);
    }
    if !end.is_null() {
        unsafe { *end = s.add(p.used) as *mut T };
    }
    p.value
}

/// strtod (msvcrt).
#[export(name = "strtod", only = MSVCRT)]
pub unsafe extern "win64" fn strtod_msvcrt(s: *const u8, end: *mut *mut u8) -> f64 {
    unsafe { strtod_impl(s, end, Target::F64, Flavor::Msvcrt) }
}

/// strtod (UCRT).
#[export(name = "strtod", only = UCRT)]
pub unsafe extern "win64" fn strtod_ucrt(s: *const u8, end: *mut *mut u8) -> f64 {
    unsafe { strtod_impl(s, end, Target::F64, Flavor::Ucrt) }
}

/// wcstod (msvcrt).
#[export(name = "wcstod", only = MSVCRT)]
pub unsafe extern "win64" fn wcstod_msvcrt(s: *const u16, end: *mut *mut u16) -> f64 {
    unsafe { strtod_impl(s, end, Target::F64, Flavor::Msvcrt) }
}

/// wcstod (UCRT).
#[export(name = "wcstod", only = UCRT)]
pub unsafe extern "win64" fn wcstod_ucrt(s: *const u16, end: *mut *mut u16) -> f64 {
    unsafe { strtod_impl(s, end, Target::F64, Flavor::Ucrt) }
}

/// _strtod_l (msvcrt).
#[export(name = "_strtod_l", only = MSVCRT)]
pub unsafe extern "win64" fn _strtod_l_msvcrt(s: *const u8, end: *mut *mut u8, _l: usize) -> f64 {
    unsafe { strtod_impl(s, end, Target::F64, Flavor::Msvcrt) }
}

/// _wcstod_l (msvcrt).
#[export(name = "_wcstod_l", only = MSVCRT)]
pub unsafe extern "win64" fn _wcstod_l_msvcrt(s: *const u16, end: *mut *mut u16, _l: usize) -> f64 {
    unsafe { strtod_impl(s, end, Target::F64, Flavor::Msvcrt) }
}

macro_rules! ucrt_double {
    ($($(#[$m:meta])* $name:ident($unit:ty $(, $l:ident)?);)*) => {$(
        $(#[$m])*
        #[export(only = UCRT)]
        pub unsafe extern "win64" fn $name(s: *const $unit, end: *mut *mut $unit $(, $l: usize)?) -> f64 {
            unsafe { strtod_impl(s, end, Target::F64, Flavor::Ucrt) }
        }
    )*};
}

ucrt_double! {
    /// _strtod_l (UCRT).
    _strtod_l(u8, _locale);
    /// _wcstod_l (UCRT).
    _wcstod_l(u16, _locale);
    /// strtold (long double is double).
    strtold(u8);
    /// wcstold.
    wcstold(u16);
    /// _strtold_l.
    _strtold_l(u8, _locale);
    /// _wcstold_l.
    _wcstold_l(u16, _locale);
}

macro_rules! float_fns {
    ($($(#[$m:meta])* $name:ident($unit:ty $(, $l:ident)?);)*) => {$(
        $(#[$m])*
        #[export]
        pub unsafe extern "win64" fn $name(s: *const $unit, end: *mut *mut $unit $(, $l: usize)?) -> f32 {
            unsafe { strtod_impl(s, end, Target::F32, Flavor::Ucrt) as f32 }
        }
    )*};
}

float_fns! {
    /// strtof: rounded once, straight to float.
    strtof(u8);
    /// wcstof.
    wcstof(u16);
    /// _strtof_l.
    _strtof_l(u8, _locale);
    /// _wcstof_l.
    _wcstof_l(u16, _locale);
}

fn flavor_of(ucrt: bool) -> Flavor {
    if ucrt { Flavor::Ucrt } else { Flavor::Msvcrt }
}

/// atof-family work: strtod without an end pointer (NULL is an invalid parameter).
unsafe fn atof_impl<T: Digit>(s: *const T, ucrt: bool) -> f64 {
    unsafe { strtod_impl(s, std::ptr::null_mut(), Target::F64, flavor_of(ucrt)) }
}

/// atof (msvcrt).
#[export(name = "atof", only = MSVCRT)]
pub unsafe extern "win64" fn atof_msvcrt(s: *const u8) -> f64 {
    unsafe { atof_impl(s, false) }
}

/// atof (UCRT).
#[export(name = "atof", only = UCRT)]
pub unsafe extern "win64" fn atof_ucrt(s: *const u8) -> f64 {
    unsafe { atof_impl(s, true) }
}

/// _wtof (msvcrt).
#[export(name = "_wtof", only = MSVCRT)]
pub unsafe extern "win64" fn _wtof_msvcrt(s: *const u16) -> f64 {
    unsafe { atof_impl(s, false) }
}

/// _wtof (UCRT).
#[export(name = "_wtof", only = UCRT)]
pub unsafe extern "win64" fn _wtof_ucrt(s: *const u16) -> f64 {
    unsafe { atof_impl(s, true) }
}

/// _atof_l.
#[export]
pub unsafe extern "win64" fn _atof_l(s: *const u8, _locale: usize) -> f64 {
    unsafe { atof_impl(s, true) }
}

/// _wtof_l.
#[export]
pub unsafe extern "win64" fn _wtof_l(s: *const u16, _locale: usize) -> f64 {
    unsafe { atof_impl(s, true) }
}

/// `_OVERFLOW` / `_UNDERFLOW`: what `_atodbl` and friends return.
const OVERFLOW: i32 = 3;
const UNDERFLOW: i32 = 4;

/// `_atodbl`-family work: the value and the status (0, `_OVERFLOW` or `_UNDERFLOW`).
unsafe fn ato_status(s: *const u8, target: Target) -> (f64, i32) {
    let p = parse(unsafe { text(s) }, target, Flavor::Ucrt);
    let status = if p.range && p.value.is_infinite() {
        OVERFLOW
    } else if p.range {
        UNDERFLOW
    } else {
        0
    };
    (p.value, status)
}

/// _atodbl: parse into a `_CRT_DOUBLE`; 0, `_OVERFLOW` or `_UNDERFLOW`.
#[export]
pub unsafe extern "win64" fn _atodbl(out: *mut f64, s: *const u8) -> i32 {
    let (v, st) = unsafe { ato_status(s, Target::F64) };
    unsafe { *out = v };
    st
}

/// _atodbl_l.
#[export]
pub unsafe extern "win64" fn _atodbl_l(out: *mut f64, s: *const u8, _l: usize) -> i32 {
    unsafe { _atodbl(out, s) }
}

/// _atoflt: parse into a `_CRT_FLOAT`.
#[export]
pub unsafe extern "win64" fn _atoflt(out: *mut f32, s: *const u8) -> i32 {
    let (v, st) = unsafe { ato_status(s, Target::F32) };
    unsafe { *out = v as f32 };
    st
}

/// _atoflt_l.
#[export]
pub unsafe extern "win64" fn _atoflt_l(out: *mut f32, s: *const u8, _l: usize) -> i32 {
    unsafe { _atoflt(out, s) }
}

/// An x87 80-bit extended value of `v` (exact: every double is one).
pub fn to_extended(v: f64) -> [u8; 10] {
    let bits = v.to_bits();
    let sign = ((bits >> 63) as u16) << 15;
    let e = ((bits >> 52) & 0x7ff) as i32;
    let f = bits & ((1 << 52) - 1);
    let (exp, mant): (u16, u64) = if e == 0x7ff {
        (0x7fff, (1 << 63) | (f << 11))
    } else if e == 0 && f == 0 {
        (0, 0)
    } else if e == 0 {
        let lz = f.leading_zeros() as i32;
        let m = f << lz;
        ((-1022 - (lz - 11) + 16383) as u16, m)
    } else {
        ((e - 1023 + 16383) as u16, (1 << 63) | (f << 11))
    };
    let mut out = [0u8; 10];
    out[..8].copy_from_slice(&mant.to_le_bytes());
    out[8..].copy_from_slice(&(sign | exp).to_le_bytes());
    out
}

/// _atoldbl: parse into a `_LDOUBLE` (10 bytes, x87 extended).
#[export]
pub unsafe extern "win64" fn _atoldbl(out: *mut [u8; 10], s: *const u8) -> i32 {
    let (v, st) = unsafe { ato_status(s, Target::F64) };
    unsafe { *out = to_extended(v) };
    st
}

/// _atoldbl_l.
#[export]
pub unsafe extern "win64" fn _atoldbl_l(out: *mut [u8; 10], s: *const u8, _l: usize) -> i32 {
    unsafe { _atoldbl(out, s) }
}

// ---- _ecvt, _fcvt, _gcvt -------------------------------------------------------------------

/// The exact decimal digits of a finite non-zero |v|: `0.d1d2... * 10^exp` (no trailing zeros).
fn exact_digits(v: f64) -> (Vec<u8>, i32) {
    let s = format!("{:.800e}", v.abs());
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut digits: Vec<u8> = m.bytes().filter(u8::is_ascii_digit).collect();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
    }
    (digits, e.parse::<i32>().unwrap_or(0) + 1)
}

/// Round `0.d1d2... * 10^exp` to `n` digits (half away from zero, on the exact value);
/// returns the digits (exactly max(n, 0) of them) and the possibly bumped exponent.
fn round_digits(digits: &[u8], exp: i32, n: i32) -> (Vec<u8>, i32) {
    let n = n.max(0) as usize;
    let mut out: Vec<u8> = digits.iter().take(n).copied().collect();
    out.resize(n, b'0');
    let mut exp = exp;
    if digits.len() > n && digits[n] >= b'5' {
        let mut i = n;
        loop {
            if i == 0 {
                out.insert(0, b'1');
                out.truncate(n);
                exp += 1;
                break;
            }
            i -= 1;
            if out[i] == b'9' {
                out[i] = b'0';
            } else {
                out[i] += 1;
                break;
            }
        }
    }
    (out, exp)
}

/// `_ecvt`/`_fcvt` digits: (text, decimal point position, negative).
fn cvt(v: f64, n: i32, fixed: bool, ucrt: bool) -> (Vec<u8>, i32, bool) {
    let neg = v.is_sign_negative();
    if !v.is_finite() {
        let t: &[u8] = match (v.is_nan(), ucrt) {
            (true, false) => b"1#QNAN",
            (false, false) => b"1#INF",
            (true, true) => b"nan",
            (false, true) => b"inf",
        };
        return (t[..t.len().min(n.max(0) as usize)].to_vec(), 1, neg);
    }
    if v == 0.0 {
        return (vec![b'0'; n.max(0) as usize], 0, neg);
    }
    let (digits, exp) = exact_digits(v);
    let count = if fixed { exp.saturating_add(n) } else { n };
    let (mut out, exp2) = round_digits(&digits, exp, count);
    if fixed && exp2 > exp {
        // Rounding up from no digits ("0.0062" to 2 decimals): one more digit.
        if count <= 0 {
            out = vec![b'1'];
        } else {
            out.push(b'0');
        }
    }
    (out, exp2, neg)
}

thread_local! {
    static CVT_BUF: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

fn cvt_buffer(t: Vec<u8>) -> *mut u8 {
    CVT_BUF.with(|b| {
        let mut b = b.borrow_mut();
        *b = t;
        b.push(0);
        b.as_mut_ptr()
    })
}

unsafe fn store_cvt(t: (Vec<u8>, i32, bool), dec: *mut i32, sign: *mut i32) -> Vec<u8> {
    unsafe {
        if !dec.is_null() {
            *dec = t.1;
        }
        if !sign.is_null() {
            *sign = t.2 as i32;
        }
    }
    t.0
}

/// _ecvt: `ndigits` significant digits (rounded half away from zero), the decimal point
/// position and the sign; in a per-thread buffer.
#[export]
pub unsafe extern "win64" fn _ecvt(v: f64, ndigits: i32, dec: *mut i32, sign: *mut i32) -> *mut u8 {
    cvt_buffer(unsafe { store_cvt(cvt(v, ndigits, false, false), dec, sign) })
}

/// _fcvt: the digits up to `ndec` decimals.
#[export]
pub unsafe extern "win64" fn _fcvt(v: f64, ndec: i32, dec: *mut i32, sign: *mut i32) -> *mut u8 {
    cvt_buffer(unsafe { store_cvt(cvt(v, ndec, true, false), dec, sign) })
}

unsafe fn cvt_s(
    buf: *mut u8,
    size: usize,
    t: (Vec<u8>, i32, bool),
    dec: *mut i32,
    sign: *mut i32,
) -> i32 {
    if buf.is_null() || size == 0 || dec.is_null() || sign.is_null() {
        if !buf.is_null() && size > 0 {
            unsafe { *buf = 0 };
        }
        return fail(EINVAL);
    }
    let text = unsafe { store_cvt(t, dec, sign) };
    if text.len() >= size {
        unsafe { *buf = 0 };
        return fail(ERANGE);
    }
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf, text.len());
        *buf.add(text.len()) = 0;
    }
    0
}

/// _ecvt_s.
#[export]
pub unsafe extern "win64" fn _ecvt_s(
    buf: *mut u8,
    size: usize,
    v: f64,
    ndigits: i32,
    dec: *mut i32,
    sign: *mut i32,
) -> i32 {
    unsafe { cvt_s(buf, size, cvt(v, ndigits, false, false), dec, sign) }
}

/// _fcvt_s.
#[export]
pub unsafe extern "win64" fn _fcvt_s(
    buf: *mut u8,
    size: usize,
    v: f64,
    ndec: i32,
    dec: *mut i32,
    sign: *mut i32,
) -> i32 {
    unsafe { cvt_s(buf, size, cvt(v, ndec, true, false), dec, sign) }
}

/// `%.*g` of `v` in the DLL's printf flavour (msvcrt: three exponent digits).
fn gcvt_text(v: f64, digits: i32, ucrt: bool) -> Vec<u8> {
    let flavor = if ucrt {
        crate::printf::Flavor::Ucrt
    } else {
        crate::printf::Flavor::Msvcrt
    };
    let mut args = crate::printf::SliceArgs::new(vec![digits.max(1) as u64, v.to_bits()]);
    // SAFETY: the format has no string conversions.
    unsafe { crate::printf::format_narrow(b"%.*g", &mut args, flavor) }
}

unsafe fn gcvt_impl(v: f64, digits: i32, buf: *mut u8, ucrt: bool) -> *mut u8 {
    if buf.is_null() {
        fail(EINVAL);
        return buf;
    }
    let t = gcvt_text(v, digits, ucrt);
    unsafe {
        std::ptr::copy_nonoverlapping(t.as_ptr(), buf, t.len());
        *buf.add(t.len()) = 0;
    }
    buf
}

/// _gcvt (msvcrt): `%.*g` with three exponent digits ("1.23e+006").
#[export(name = "_gcvt", only = MSVCRT)]
pub unsafe extern "win64" fn _gcvt_msvcrt(v: f64, digits: i32, buf: *mut u8) -> *mut u8 {
    unsafe { gcvt_impl(v, digits, buf, false) }
}

/// _gcvt (UCRT): two exponent digits.
#[export(name = "_gcvt", only = UCRT)]
pub unsafe extern "win64" fn _gcvt_ucrt(v: f64, digits: i32, buf: *mut u8) -> *mut u8 {
    unsafe { gcvt_impl(v, digits, buf, true) }
}

unsafe fn gcvt_s_impl(buf: *mut u8, size: usize, v: f64, digits: i32, ucrt: bool) -> i32 {
    if buf.is_null() || size == 0 {
        return fail(EINVAL);
    }
    let t = gcvt_text(v, digits, ucrt);
    if t.len() >= size {
        unsafe { *buf = 0 };
        return crate::errno::ret(ERANGE);
    }
    unsafe {
        std::ptr::copy_nonoverlapping(t.as_ptr(), buf, t.len());
        *buf.add(t.len()) = 0;
    }
    0
}

/// _gcvt_s (msvcrt).
#[export(name = "_gcvt_s", only = MSVCRT)]
pub unsafe extern "win64" fn _gcvt_s_msvcrt(buf: *mut u8, size: usize, v: f64, digits: i32) -> i32 {
    unsafe { gcvt_s_impl(buf, size, v, digits, false) }
}

/// _gcvt_s (UCRT).
#[export(name = "_gcvt_s", only = UCRT)]
pub unsafe extern "win64" fn _gcvt_s_ucrt(buf: *mut u8, size: usize, v: f64, digits: i32) -> i32 {
    unsafe { gcvt_s_impl(buf, size, v, digits, true) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, flavor: Flavor) -> (u64, usize, bool) {
        let r = parse(s.as_bytes(), Target::F64, flavor);
        (r.value.to_bits(), r.used, r.range)
    }

    /// Each expectation is what Wine 8 gives (both DLLs unless said).
    #[test]
    fn syntax_and_ranges() {
        use Flavor::*;
        for f in [Msvcrt, Ucrt] {
            assert_eq!(p("1.5", f), (0x3ff8000000000000, 3, false));
            assert_eq!(p("  -0x1.8p1", f), (0xc008000000000000, 10, false));
            assert_eq!(p("0x1p-1074", f).0, 1);
            assert_eq!(p("0x", f), (0, 1, false));
            assert_eq!(p("inf", f), (0x7ff0000000000000, 3, false));
            assert_eq!(p("-INFINITY", f), (0xfff0000000000000, 9, false));
            assert_eq!(p("infinit", f).1, 3);
            assert_eq!(p("-nan", f).1, 4);
            assert_eq!(p("1e400", f), (0x7ff0000000000000, 5, true));
            assert_eq!(p("1e-400", f), (0, 6, true));
            assert_eq!(p("2e-324", f), (0, 6, true));
            assert_eq!(p("1e", f), (0x3ff0000000000000, 1, false));
            assert_eq!(p("1e+", f).1, 1);
            assert_eq!(p(".5", f), (0x3fe0000000000000, 2, false));
            assert_eq!(p(".", f).1, 0);
            assert_eq!(p("+.e1", f).1, 0);
            assert_eq!(p("  \t\n12abc", f), (0x4028000000000000, 6, false));
            assert_eq!(
                p("0x1.fffffffffffff8p1023", f),
                (0x7ff0000000000000, 23, true)
            );
            assert_eq!(
                p("1.7976931348623158e308", f),
                (0x7fefffffffffffff, 22, false)
            );
            assert_eq!(p("1.7976931348623159e308", f).2, true);
            assert_eq!(p("123456789012345678901234567890", f).0, 0x45f8ee90ff6c373e);
            assert_eq!(
                p("0.000000000000000000000000000001e30", f).0,
                0x3ff0000000000000
            );
            assert_eq!(p("0X.8", f), (0x3fe0000000000000, 4, false));
            assert_eq!(p("-0", f), (0x8000000000000000, 2, false));
            assert_eq!(p("0e99999999999", f), (0, 13, false));
        }
        assert_eq!(p("4.9e-324", Msvcrt), (1, 8, true));
        assert_eq!(p("4.9e-324", Ucrt), (1, 8, false));
        assert_eq!(p("1d5", Msvcrt).1, 1);
        assert_eq!(p("1d5", Ucrt), (0x40f86a0000000000, 3, false));
    }

    #[test]
    fn hex_rounding_is_exact() {
        let h = |s: &str| parse(s.as_bytes(), Target::F64, Flavor::Ucrt).value;
        assert_eq!(h("0x1.00000000000008p0"), 1.0, "tie to even");
        assert_eq!(
            h("0x1.00000000000018p0"),
            1.0 + 2.0 * f64::EPSILON,
            "tie to even, up"
        );
        assert_eq!(
            h("0x1.000000000000080001p0"),
            1.0 + f64::EPSILON,
            "above the tie"
        );
        assert_eq!(h("0x0.0000000000001p-1022"), f64::from_bits(1));
        assert_eq!(h("0x1p-1075"), 0.0, "tie with zero: even");
        assert_eq!(h("0x1.1p-1075"), f64::from_bits(1));
        assert_eq!(h("0x1.fffffffffffffp1023"), f64::MAX);
        assert_eq!(h("0xABCDEF.123p-4"), 0xABCDEF123u64 as f64 / 65536.0);
        let f = |s: &str| parse(s.as_bytes(), Target::F32, Flavor::Ucrt).value as f32;
        assert_eq!(f("0x1p-149"), f32::from_bits(1));
        assert_eq!(f("0x1.000001p0"), 1.0, "tie to even in float");
        assert_eq!(f("0x1.0000011p0"), 1.0 + f32::EPSILON);
        assert_eq!(f("3.4028235e38"), f32::MAX);
    }

    #[test]
    fn decimal_round_trip() {
        let mut x = 0x9e3779b97f4a7c15u64;
        for _ in 0..20000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x);
            if !v.is_finite() {
                continue;
            }
            let s = format!("{v:e}");
            assert_eq!(
                parse(s.as_bytes(), Target::F64, Flavor::Ucrt)
                    .value
                    .to_bits(),
                x,
                "{s}"
            );
            let s = format!("{:.16e}", v);
            assert_eq!(
                parse(s.as_bytes(), Target::F64, Flavor::Ucrt)
                    .value
                    .to_bits(),
                x,
                "{s}"
            );
        }
    }

    fn ecvt(v: f64, n: i32) -> (String, i32, bool) {
        let (t, d, s) = cvt(v, n, false, false);
        (String::from_utf8(t).unwrap(), d, s)
    }

    fn fcvt(v: f64, n: i32) -> (String, i32, bool) {
        let (t, d, s) = cvt(v, n, true, false);
        (String::from_utf8(t).unwrap(), d, s)
    }

    #[test]
    fn cvt_matches_wine() {
        assert_eq!(ecvt(3.14159, 4), ("3142".into(), 1, false));
        assert_eq!(ecvt(-0.000123456, 3), ("123".into(), -3, true));
        assert_eq!(ecvt(0.0, 3), ("000".into(), 0, false));
        assert_eq!(ecvt(9.99, 2), ("10".into(), 2, false));
        assert_eq!(ecvt(1.5, 0), ("".into(), 1, false));
        assert_eq!(ecvt(2.5, 1), ("3".into(), 1, false));
        assert_eq!(fcvt(3.14159, 2), ("314".into(), 1, false));
        assert_eq!(fcvt(0.0012, 2), ("".into(), -2, false));
        assert_eq!(fcvt(0.0062, 2), ("1".into(), -1, false));
        assert_eq!(fcvt(1234.5, 0), ("1235".into(), 4, false));
        assert_eq!(fcvt(-12.5, 3), ("12500".into(), 2, true));
        assert_eq!(fcvt(1e20, 2), ("10000000000000000000000".into(), 21, false));
        assert_eq!(ecvt(f64::INFINITY, 5).0, "1#INF");
        let g = |v, d, u| String::from_utf8(gcvt_text(v, d, u)).unwrap();
        assert_eq!(g(3.14159, 3, false), "3.14");
        assert_eq!(g(1234567.0, 3, false), "1.23e+006");
        assert_eq!(g(1234567.0, 3, true), "1.23e+06");
        assert_eq!(g(0.0001234, 3, true), "0.000123");
        assert_eq!(g(-0.5, 5, true), "-0.5");
    }

    #[test]
    fn extended() {
        assert_eq!(to_extended(1.0), [0, 0, 0, 0, 0, 0, 0, 0x80, 0xff, 0x3f]);
        assert_eq!(to_extended(-2.0), [0, 0, 0, 0, 0, 0, 0, 0x80, 0x00, 0xc0]);
        assert_eq!(to_extended(0.0), [0; 10]);
        let d = to_extended(f64::from_bits(1));
        assert_eq!(u16::from_le_bytes([d[8], d[9]]), 16383 - 1074);
    }
}
