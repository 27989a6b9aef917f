//! stdlib.h integer conversions: `strtol` and its family (narrow and wide), `atoi` and its
//! family, `_itoa` and its family (with the `_s` forms), and integer arithmetic helpers (`abs`,
//! `div`, `_rotl`, ...). Floating-point text is in `strtod`.
//!
//! Rules (Microsoft's, checked under Wine 8): leading white space, an optional sign, `0x` for
//! base 16 or 0, octal for a leading 0 in base 0; on overflow the value is clamped and errno
//! is ERANGE; with no digits the end pointer is the start; a base outside 2..36 (and not 0) is
//! an invalid parameter (EINVAL, result 0). `strtoul` of "-1" is ULONG_MAX without an error.
//! The wide functions also take the decimal digits of other scripts (Arabic-Indic,
//! Devanagari, full-width...), as Windows' `_wchartodigit` does.
//!
//! `atoi`/`atol`/`_atoi64` differ: msvcrt.dll wraps around on overflow, the UCRT clamps (it is
//! `strtol`). `_itoa` with a radix other than 10 shows the two's complement bits of a negative
//! value (`_itoa(-255, b, 16)` is "ffffff01").

use crate::errno::{EINVAL, ERANGE, set_errno};
use crate::invalid::fail;
use crate::{MSVCRT, UCRT};
use dllcore::export;

/// A character of number text: a byte or a UTF-16 unit.
pub trait Digit: Copy + Eq + Default {
    fn code(self) -> u32;
    fn ascii(b: u8) -> Self;
    /// Units before the terminating NUL.
    ///
    /// # Safety
    /// `s` must be NUL-terminated.
    unsafe fn len(s: *const Self) -> usize {
        let mut n = 0;
        while unsafe { *s.add(n) } != Self::default() {
            n += 1;
        }
        n
    }
}

impl Digit for u8 {
    fn code(self) -> u32 {
        self as u32
    }
    fn ascii(b: u8) -> u8 {
        b
    }
    unsafe fn len(s: *const u8) -> usize {
        // SAFETY: per the contract (the host's strlen reads a word at a time).
        unsafe { libc::strlen(s as *const libc::c_char) }
    }
}

impl Digit for u16 {
    fn code(self) -> u32 {
        self as u32
    }
    fn ascii(b: u8) -> u16 {
        b as u16
    }
}

/// The zero of each block of ten decimal digits `_wchartodigit` knows beyond ASCII.
const DIGIT_ZEROS: [u32; 19] = [
    0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0c66, 0x0ce6, 0x0d66, 0x0e50, 0x0ed0,
    0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10, 0x0be6, 0x1946,
];

/// The value of a decimal digit of another script (Arabic-Indic, Devanagari, full-width...).
pub fn unicode_digit(c: u32) -> Option<u32> {
    DIGIT_ZEROS
        .iter()
        .find(|&&z| (z..z + 10).contains(&c))
        .map(|z| c - z)
}

/// The value of a digit or letter in bases up to 36 (None for anything else).
fn digit_value(c: u32) -> Option<u32> {
    match c {
        0x30..=0x39 => Some(c - 0x30),
        0x41..=0x5a => Some(c - 0x41 + 10),
        0x61..=0x7a => Some(c - 0x61 + 10),
        0x80.. => DIGIT_ZEROS
            .iter()
            .find(|&&z| (z..z + 10).contains(&c))
            .map(|z| c - z),
        _ => None,
    }
}

/// White space for number parsing (the C locale's `isspace`).
pub fn is_space(c: u32) -> bool {
    matches!(c, 0x20 | 0x09..=0x0d)
}

/// Parsed integer text: the magnitude (saturated at u64::MAX), its sign, and where it ended.
struct Parsed {
    value: u64,
    negative: bool,
    overflow: bool,
    /// Units consumed; 0 when there were no digits (then the end pointer is the start).
    used: usize,
}

/// The digits of the NUL-terminated text at `s` by the strtol rules (see the module comment).
/// None for a bad base. Reads no further than the parse goes (the NUL stops every step).
///
/// # Safety
/// `s` must be NUL-terminated.
unsafe fn parse_int<T: Digit>(s: *const T, base: i32) -> Option<Parsed> {
    if base != 0 && !(2..=36).contains(&base) {
        return None;
    }
    // SAFETY: only indices up to the first NUL are read (see above).
    let at = |i: usize| unsafe { (*s.add(i)).code() };
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' as u32 || at(i) == b'-' as u32 {
        negative = at(i) == b'-' as u32;
        i += 1;
    }
    let mut base = base as u64;
    let hex_prefix = at(i) == b'0' as u32 && (at(i + 1) | 0x20) == b'x' as u32;
    if base == 0 {
        base = if hex_prefix {
            16
        } else if at(i) == b'0' as u32 {
            8
        } else {
            10
        };
    }
    if base == 16 && hex_prefix {
        i += 2;
    }
    let (mut value, mut overflow, mut any) = (0u64, false, false);
    loop {
        let Some(d) = digit_value(at(i)).map(u64::from) else {
            break;
        };
        if d >= base {
            break;
        }
        any = true;
        match value.checked_mul(base).and_then(|v| v.checked_add(d)) {
            Some(v) => value = v,
            None => {
                overflow = true;
                value = u64::MAX;
            }
        }
        i += 1;
    }
    Some(Parsed {
        value,
        negative,
        overflow,
        used: if any { i } else { 0 },
    })
}

/// The NUL-terminated text at `s` as a slice (empty for NULL).
///
/// # Safety
/// `s` must be NULL or NUL-terminated, and outlive the slice.
pub unsafe fn text<'a, T: Digit>(s: *const T) -> &'a [T] {
    if s.is_null() {
        return &[];
    }
    unsafe { std::slice::from_raw_parts(s, T::len(s)) }
}

/// strtol-family work: parse, clamp to the signed or unsigned range of `bits` bits, set errno
/// on overflow, store the end pointer.
///
/// # Safety
/// `s` must be NULL or NUL-terminated; `end` NULL or writable.
pub unsafe fn strto<T: Digit>(
    s: *const T,
    end: *mut *mut T,
    base: i32,
    bits: u32,
    signed: bool,
) -> u64 {
    if s.is_null() {
        if !end.is_null() {
            unsafe { *end = std::ptr::null_mut() };
        }
        fail(EINVAL);
        return 0;
    }
    let Some(p) = (unsafe { parse_int(s, base) }) else {
        if !end.is_null() {
            unsafe { *end = s as *mut T };
        }
        fail(EINVAL);
        return 0;
    };
    if !end.is_null() {
        unsafe { *end = s.add(p.used) as *mut T };
    }
    let umax = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    if signed {
        let max = umax >> 1;
        let limit = if p.negative { max + 1 } else { max };
        if p.overflow || p.value > limit {
            set_errno(ERANGE);
            return if p.negative {
                (max + 1).wrapping_neg()
            } else {
                max
            };
        }
        if p.negative {
            p.value.wrapping_neg()
        } else {
            p.value
        }
    } else {
        if p.overflow || p.value > umax {
            set_errno(ERANGE);
            return umax;
        }
        let v = if p.negative {
            p.value.wrapping_neg()
        } else {
            p.value
        };
        v & umax
    }
}

macro_rules! strto_fns {
    ($($(#[$m:meta])* $name:ident, $lname:ident: $unit:ty => $ret:ty, $bits:expr, $signed:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub unsafe extern "win64" fn $name(s: *const $unit, end: *mut *mut $unit, base: i32) -> $ret {
            unsafe { strto(s, end, base, $bits, $signed) as $ret }
        }

        /// The `_l` form (the locale does not change integer parsing).
        #[export]
        pub unsafe extern "win64" fn $lname(
            s: *const $unit,
            end: *mut *mut $unit,
            base: i32,
            _locale: usize,
        ) -> $ret {
            unsafe { strto(s, end, base, $bits, $signed) as $ret }
        }
    )*};
}

strto_fns! {
    /// strtol (long is 32-bit on Windows).
    strtol, _strtol_l: u8 => i32, 32, true;
    /// strtoul ("-1" gives 0xffffffff).
    strtoul, _strtoul_l: u8 => u32, 32, false;
    /// strtoll.
    strtoll, _strtoll_l: u8 => i64, 64, true;
    /// strtoull.
    strtoull, _strtoull_l: u8 => u64, 64, false;
    /// _strtoi64.
    _strtoi64, _strtoi64_l: u8 => i64, 64, true;
    /// _strtoui64.
    _strtoui64, _strtoui64_l: u8 => u64, 64, false;
    /// strtoimax.
    strtoimax, _strtoimax_l: u8 => i64, 64, true;
    /// strtoumax.
    strtoumax, _strtoumax_l: u8 => u64, 64, false;
    /// wcstol.
    wcstol, _wcstol_l: u16 => i32, 32, true;
    /// wcstoul.
    wcstoul, _wcstoul_l: u16 => u32, 32, false;
    /// wcstoll.
    wcstoll, _wcstoll_l: u16 => i64, 64, true;
    /// wcstoull.
    wcstoull, _wcstoull_l: u16 => u64, 64, false;
    /// _wcstoi64.
    _wcstoi64, _wcstoi64_l: u16 => i64, 64, true;
    /// _wcstoui64.
    _wcstoui64, _wcstoui64_l: u16 => u64, 64, false;
    /// wcstoimax.
    wcstoimax, _wcstoimax_l: u16 => i64, 64, true;
    /// wcstoumax.
    wcstoumax, _wcstoumax_l: u16 => u64, 64, false;
}

/// msvcrt's atoi: decimal digits with wrapping arithmetic (no overflow check). NULL reads
/// as empty text.
///
/// # Safety
/// `s` must be NULL or NUL-terminated.
unsafe fn atoi_wrapping<T: Digit>(s: *const T) -> i64 {
    if s.is_null() {
        return 0;
    }
    // SAFETY: only indices up to the first NUL are read.
    let at = |i: usize| unsafe { (*s.add(i)).code() };
    let mut i = 0;
    while is_space(at(i)) {
        i += 1;
    }
    let mut neg = false;
    if at(i) == b'+' as u32 || at(i) == b'-' as u32 {
        neg = at(i) == b'-' as u32;
        i += 1;
    }
    let mut v: i64 = 0;
    while let Some(d) = digit_value(at(i)).filter(|&d| d < 10 && (at(i) < 0x41 || at(i) >= 0x80)) {
        v = v.wrapping_mul(10).wrapping_add(d as i64);
        i += 1;
    }
    if neg { v.wrapping_neg() } else { v }
}

/// atoi (msvcrt): wraps on overflow ("4294967297" gives 1).
#[export(name = "atoi", only = MSVCRT)]
pub unsafe extern "win64" fn atoi_msvcrt(s: *const u8) -> i32 {
    unsafe { atoi_wrapping(s) as i32 }
}

/// atol (msvcrt): as atoi.
#[export(name = "atol", only = MSVCRT)]
pub unsafe extern "win64" fn atol_msvcrt(s: *const u8) -> i32 {
    unsafe { atoi_wrapping(s) as i32 }
}

/// _atoi64 (msvcrt): wraps on overflow.
#[export(name = "_atoi64", only = MSVCRT)]
pub unsafe extern "win64" fn _atoi64_msvcrt(s: *const u8) -> i64 {
    unsafe { atoi_wrapping(s) }
}

/// _wtoi (msvcrt).
#[export(name = "_wtoi", only = MSVCRT)]
pub unsafe extern "win64" fn _wtoi_msvcrt(s: *const u16) -> i32 {
    unsafe { atoi_wrapping(s) as i32 }
}

/// _wtol (msvcrt).
#[export(name = "_wtol", only = MSVCRT)]
pub unsafe extern "win64" fn _wtol_msvcrt(s: *const u16) -> i32 {
    unsafe { atoi_wrapping(s) as i32 }
}

/// _wtoi64 (msvcrt).
#[export(name = "_wtoi64", only = MSVCRT)]
pub unsafe extern "win64" fn _wtoi64_msvcrt(s: *const u16) -> i64 {
    unsafe { atoi_wrapping(s) }
}

/// Parse for the UCRT's ato* functions: strtol without an end pointer (NULL is EINVAL, 0).
unsafe fn ato<T: Digit>(s: *const T, bits: u32) -> u64 {
    unsafe { strto(s, std::ptr::null_mut(), 10, bits, true) }
}

macro_rules! ato_ucrt {
    ($($(#[$m:meta])* $rust:ident = $name:literal: $unit:ty => $ret:ty, $bits:expr;)*) => {$(
        $(#[$m])*
        #[export(name = $name, only = UCRT)]
        pub unsafe extern "win64" fn $rust(s: *const $unit) -> $ret {
            unsafe { ato(s, $bits) as $ret }
        }
    )*};
}

ato_ucrt! {
    /// atoi (UCRT): `strtol`, so it clamps (and sets ERANGE).
    atoi_ucrt = "atoi": u8 => i32, 32;
    /// atol (UCRT).
    atol_ucrt = "atol": u8 => i32, 32;
    /// atoll (UCRT).
    atoll_ucrt = "atoll": u8 => i64, 64;
    /// _atoi64 (UCRT).
    _atoi64_ucrt = "_atoi64": u8 => i64, 64;
    /// _wtoi (UCRT).
    _wtoi_ucrt = "_wtoi": u16 => i32, 32;
    /// _wtol (UCRT).
    _wtol_ucrt = "_wtol": u16 => i32, 32;
    /// _wtoll (UCRT).
    _wtoll_ucrt = "_wtoll": u16 => i64, 64;
    /// _wtoi64 (UCRT).
    _wtoi64_ucrt = "_wtoi64": u16 => i64, 64;
}

/// _atoi_l.
#[export]
pub unsafe extern "win64" fn _atoi_l(s: *const u8, _locale: usize) -> i32 {
    unsafe { ato(s, 32) as i32 }
}

/// _atol_l.
#[export]
pub unsafe extern "win64" fn _atol_l(s: *const u8, _locale: usize) -> i32 {
    unsafe { ato(s, 32) as i32 }
}

/// _atoi64_l.
#[export]
pub unsafe extern "win64" fn _atoi64_l(s: *const u8, _locale: usize) -> i64 {
    unsafe { ato(s, 64) as i64 }
}

/// _wtoi_l.
#[export]
pub unsafe extern "win64" fn _wtoi_l(s: *const u16, _locale: usize) -> i32 {
    unsafe { ato(s, 32) as i32 }
}

/// _wtol_l.
#[export]
pub unsafe extern "win64" fn _wtol_l(s: *const u16, _locale: usize) -> i32 {
    unsafe { ato(s, 32) as i32 }
}

/// _wtoi64_l.
#[export]
pub unsafe extern "win64" fn _wtoi64_l(s: *const u16, _locale: usize) -> i64 {
    unsafe { ato(s, 64) as i64 }
}

// ---- integer to text ----------------------------------------------------------------------

/// The digits of `v` in `radix` (lower-case letters), with a '-' when `negative`.
fn int_text(v: u64, negative: bool, radix: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(66);
    let mut v = v;
    loop {
        let d = (v % radix as u64) as u8;
        out.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        v /= radix as u64;
        if v == 0 {
            break;
        }
    }
    if negative {
        out.push(b'-');
    }
    out.reverse();
    out
}

/// The text `_itoa`-style functions produce: signed only in radix 10; `bits` is the width of
/// the value's type (its two's complement bits are shown in other radixes).
fn itoa_text(v: i64, radix: u32, bits: u32, signed: bool) -> Vec<u8> {
    let mask = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    if signed && radix == 10 && v < 0 {
        int_text(v.unsigned_abs(), true, radix)
    } else {
        int_text(v as u64 & mask, false, radix)
    }
}

unsafe fn store<T: Digit>(buf: *mut T, t: &[u8]) {
    for (i, &b) in t.iter().enumerate() {
        unsafe { *buf.add(i) = T::ascii(b) };
    }
    unsafe { *buf.add(t.len()) = T::default() };
}

/// `_itoa` and friends (no size: the buffer must be big enough).
unsafe fn itoa<T: Digit>(v: i64, buf: *mut T, radix: i32, bits: u32, signed: bool) -> *mut T {
    if buf.is_null() {
        fail(EINVAL);
        return buf;
    }
    if !(2..=36).contains(&radix) {
        unsafe { *buf = T::default() };
        fail(EINVAL);
        return buf;
    }
    unsafe { store(buf, &itoa_text(v, radix as u32, bits, signed)) };
    buf
}

/// `_itoa_s` and friends: EINVAL for a NULL buffer, size 0 or a bad radix; ERANGE when the
/// text does not fit (the buffer is emptied in both cases).
unsafe fn itoa_s<T: Digit>(
    v: i64,
    buf: *mut T,
    size: usize,
    radix: i32,
    bits: u32,
    signed: bool,
) -> i32 {
    if buf.is_null() || size == 0 {
        return fail(EINVAL);
    }
    if !(2..=36).contains(&radix) {
        unsafe { *buf = T::default() };
        return fail(EINVAL);
    }
    let t = itoa_text(v, radix as u32, bits, signed);
    if t.len() >= size {
        unsafe { *buf = T::default() };
        return fail(ERANGE);
    }
    unsafe { store(buf, &t) };
    0
}

macro_rules! itoa_fns {
    ($($(#[$m:meta])* $name:ident, $sname:ident: $val:ty, $unit:ty, $bits:expr, $signed:expr;)*) => {$(
        $(#[$m])*
        #[export]
        pub unsafe extern "win64" fn $name(v: $val, buf: *mut $unit, radix: i32) -> *mut $unit {
            unsafe { itoa(v as i64, buf, radix, $bits, $signed) }
        }

        /// The `_s` form: EINVAL/ERANGE as documented.
        #[export]
        pub unsafe extern "win64" fn $sname(v: $val, buf: *mut $unit, size: usize, radix: i32) -> i32 {
            unsafe { itoa_s(v as i64, buf, size, radix, $bits, $signed) }
        }
    )*};
}

itoa_fns! {
    /// _itoa.
    _itoa, _itoa_s: i32, u8, 32, true;
    /// _ltoa.
    _ltoa, _ltoa_s: i32, u8, 32, true;
    /// _ultoa.
    _ultoa, _ultoa_s: u32, u8, 32, false;
    /// _i64toa.
    _i64toa, _i64toa_s: i64, u8, 64, true;
    /// _ui64toa.
    _ui64toa, _ui64toa_s: u64, u8, 64, false;
    /// _itow.
    _itow, _itow_s: i32, u16, 32, true;
    /// _ltow.
    _ltow, _ltow_s: i32, u16, 32, true;
    /// _ultow.
    _ultow, _ultow_s: u32, u16, 32, false;
    /// _i64tow.
    _i64tow, _i64tow_s: i64, u16, 64, true;
    /// _ui64tow.
    _ui64tow, _ui64tow_s: u64, u16, 64, false;
}

// ---- integer arithmetic ---------------------------------------------------------------------

/// abs.
#[export]
pub extern "win64" fn abs(v: i32) -> i32 {
    v.wrapping_abs()
}

/// labs (long is 32-bit on Windows).
#[export]
pub extern "win64" fn labs(v: i32) -> i32 {
    v.wrapping_abs()
}

/// llabs.
#[export]
pub extern "win64" fn llabs(v: i64) -> i64 {
    v.wrapping_abs()
}

/// _abs64.
#[export]
pub extern "win64" fn _abs64(v: i64) -> i64 {
    v.wrapping_abs()
}

/// imaxabs.
#[export]
pub extern "win64" fn imaxabs(v: i64) -> i64 {
    v.wrapping_abs()
}

/// `div_t` / `ldiv_t` (two ints, returned in RAX).
#[repr(C)]
#[derive(Debug, PartialEq, Eq)]
pub struct Div32 {
    pub quot: i32,
    pub rem: i32,
}

/// `lldiv_t` / `imaxdiv_t` (16 bytes, returned through a hidden pointer).
#[repr(C)]
#[derive(Debug, PartialEq, Eq)]
pub struct Div64 {
    pub quot: i64,
    pub rem: i64,
}

impl dllcore::relay::RelayArg for Div32 {
    fn relay_fmt(&self, out: &mut String) {
        out.push_str(&format!("{{quot={}, rem={}}}", self.quot, self.rem));
    }
}

impl dllcore::relay::RelayArg for Div64 {
    fn relay_fmt(&self, out: &mut String) {
        out.push_str(&format!("{{quot={}, rem={}}}", self.quot, self.rem));
    }
}

/// div: quotient truncated toward zero, remainder with the dividend's sign.
#[export]
pub extern "win64" fn div(num: i32, den: i32) -> Div32 {
    Div32 {
        quot: num.wrapping_div(den),
        rem: num.wrapping_rem(den),
    }
}

/// ldiv.
#[export]
pub extern "win64" fn ldiv(num: i32, den: i32) -> Div32 {
    div(num, den)
}

/// lldiv.
#[export]
pub extern "win64" fn lldiv(num: i64, den: i64) -> Div64 {
    Div64 {
        quot: num.wrapping_div(den),
        rem: num.wrapping_rem(den),
    }
}

/// imaxdiv.
#[export]
pub extern "win64" fn imaxdiv(num: i64, den: i64) -> Div64 {
    lldiv(num, den)
}

/// _rotl.
#[export]
pub extern "win64" fn _rotl(v: u32, shift: i32) -> u32 {
    v.rotate_left(shift as u32 & 31)
}

/// _rotr.
#[export]
pub extern "win64" fn _rotr(v: u32, shift: i32) -> u32 {
    v.rotate_right(shift as u32 & 31)
}

/// _lrotl (unsigned long is 32-bit).
#[export]
pub extern "win64" fn _lrotl(v: u32, shift: i32) -> u32 {
    _rotl(v, shift)
}

/// _lrotr.
#[export]
pub extern "win64" fn _lrotr(v: u32, shift: i32) -> u32 {
    _rotr(v, shift)
}

/// _rotl64.
#[export]
pub extern "win64" fn _rotl64(v: u64, shift: i32) -> u64 {
    v.rotate_left(shift as u32 & 63)
}

/// _rotr64.
#[export]
pub extern "win64" fn _rotr64(v: u64, shift: i32) -> u64 {
    v.rotate_right(shift as u32 & 63)
}

/// _byteswap_ushort.
#[export]
pub extern "win64" fn _byteswap_ushort(v: u16) -> u16 {
    v.swap_bytes()
}

/// _byteswap_ulong.
#[export]
pub extern "win64" fn _byteswap_ulong(v: u32) -> u32 {
    v.swap_bytes()
}

/// _byteswap_uint64.
#[export]
pub extern "win64" fn _byteswap_uint64(v: u64) -> u64 {
    v.swap_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<u8> {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        v
    }

    #[test]
    fn atoi_flavours() {
        unsafe {
            assert_eq!(atoi_msvcrt(c("  -12abc").as_ptr()), -12);
            assert_eq!(atoi_msvcrt(c("2147483648").as_ptr()), -2147483648);
            assert_eq!(atoi_msvcrt(c("4294967297").as_ptr()), 1, "Wine 8");
            assert_eq!(atoi_msvcrt(c("+7").as_ptr()), 7);
            assert_eq!(atol_msvcrt(c("99999999999").as_ptr()), 1215752191);
            assert_eq!(atoi_ucrt(c("2147483648").as_ptr()), 2147483647);
            assert_eq!(atol_ucrt(c("99999999999").as_ptr()), 2147483647);
            assert_eq!(atoi_ucrt(c("-99999999999").as_ptr()), -2147483648);
            assert_eq!(atoll_ucrt(c(" 123456789012").as_ptr()), 123456789012);
            let w = dllcore::strings::to_wide_nul(" -42x");
            assert_eq!(_wtoi_msvcrt(w.as_ptr()), -42);
            assert_eq!(_wtoi_ucrt(w.as_ptr()), -42);
        }
    }

    #[test]
    fn strtol_rules() {
        unsafe {
            let s = c("0x1fz");
            let mut end = std::ptr::null_mut();
            assert_eq!(strtol(s.as_ptr(), &mut end, 0), 31);
            assert_eq!(end as usize - s.as_ptr() as usize, 4);
            assert_eq!(strtol(c("0x10").as_ptr(), std::ptr::null_mut(), 16), 16);
            assert_eq!(strtol(c("010").as_ptr(), std::ptr::null_mut(), 0), 8);
            let s = c("0x");
            assert_eq!(strtol(s.as_ptr(), &mut end, 16), 0);
            assert_eq!(
                end as *const u8,
                s.as_ptr(),
                "Wine 8: \"0x\" consumes nothing"
            );
            let s = c("08");
            assert_eq!(strtol(s.as_ptr(), &mut end, 0), 0);
            assert_eq!(end as usize - s.as_ptr() as usize, 1);
            set_errno(0);
            assert_eq!(
                strtol(c("99999999999").as_ptr(), std::ptr::null_mut(), 10),
                i32::MAX
            );
            assert_eq!(crate::errno::errno(), ERANGE);
            assert_eq!(
                strtol(c("-2147483648").as_ptr(), std::ptr::null_mut(), 10),
                i32::MIN
            );
            set_errno(0);
            assert_eq!(
                strtoul(c("-1").as_ptr(), std::ptr::null_mut(), 10),
                u32::MAX
            );
            assert_eq!(crate::errno::errno(), 0);
            let s = c("  xyz");
            assert_eq!(strtol(s.as_ptr(), &mut end, 10), 0);
            assert_eq!(end as *const u8, s.as_ptr(), "no digits: end is the start");
            assert_eq!(
                _strtoi64(c("-9223372036854775809").as_ptr(), std::ptr::null_mut(), 10),
                i64::MIN
            );
            assert_eq!(
                _strtoui64(c("ffffffffffffffff").as_ptr(), std::ptr::null_mut(), 16),
                u64::MAX
            );
            assert_eq!(
                strtol(c("zz").as_ptr(), std::ptr::null_mut(), 36),
                35 * 36 + 35
            );
            set_errno(0);
            assert_eq!(strtol(c("10").as_ptr(), std::ptr::null_mut(), 1), 0);
            assert_eq!(crate::errno::errno(), EINVAL);
        }
    }

    #[test]
    fn wide_digits_of_other_scripts() {
        let w: Vec<u16> = vec![0x661, 0x662, 0xff13, b'x' as u16, 0];
        let mut end = std::ptr::null_mut();
        assert_eq!(unsafe { wcstol(w.as_ptr(), &mut end, 10) }, 123);
        assert_eq!(end as usize - w.as_ptr() as usize, 6);
    }

    #[test]
    fn itoa_family() {
        let mut b = [0u8; 70];
        let s = |b: &[u8]| {
            String::from_utf8(b[..b.iter().position(|&c| c == 0).unwrap()].to_vec()).unwrap()
        };
        unsafe {
            _itoa(-255, b.as_mut_ptr(), 16);
            assert_eq!(s(&b), "ffffff01");
            _i64toa(-255, b.as_mut_ptr(), 16);
            assert_eq!(s(&b), "ffffffffffffff01");
            _itoa(-255, b.as_mut_ptr(), 10);
            assert_eq!(s(&b), "-255");
            _ultoa(-255i32 as u32, b.as_mut_ptr(), 10);
            assert_eq!(s(&b), "4294967041");
            _itoa(-8, b.as_mut_ptr(), 2);
            assert_eq!(s(&b), "11111111111111111111111111111000");
            _ui64toa(u64::MAX, b.as_mut_ptr(), 36);
            assert_eq!(s(&b), "3w5e11264sgsf");
            assert_eq!(_itoa_s(12345, b.as_mut_ptr(), 5, 10), ERANGE);
            assert_eq!(b[0], 0);
            assert_eq!(_itoa_s(-1234, b.as_mut_ptr(), 6, 10), 0);
            assert_eq!(s(&b), "-1234");
            assert_eq!(_itoa_s(1, b.as_mut_ptr(), 8, 1), EINVAL);
        }
    }

    #[test]
    fn arithmetic() {
        assert_eq!(abs(-5), 5);
        assert_eq!(abs(i32::MIN), i32::MIN);
        assert_eq!(labs(-7), 7);
        assert_eq!(llabs(-1 << 40), 1 << 40);
        assert_eq!(div(-7, 2), Div32 { quot: -3, rem: -1 });
        assert_eq!(lldiv(7, -2), Div64 { quot: -3, rem: 1 });
        assert_eq!(_rotl(0x8000_0001, 1), 3);
        assert_eq!(_rotr(1, 1), 0x8000_0000);
        assert_eq!(_rotl64(1, 65), 2);
    }
}
