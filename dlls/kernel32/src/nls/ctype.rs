//! GetStringType: character classes. CT_CTYPE1 is the C library's classes (C1_UPPER ...
//! C1_DEFINED), CT_CTYPE2 the bidirectional category, CT_CTYPE3 text-processing classes. ASCII
//! follows Windows' tables; other characters are classed from Unicode's properties.

use super::wide_arg;
use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, FALSE, TRUE};
use windows_sys::core::BOOL;

const CT_CTYPE1: u32 = 1;
const CT_CTYPE2: u32 = 2;
const CT_CTYPE3: u32 = 4;

const C1_UPPER: u16 = 0x1;
const C1_LOWER: u16 = 0x2;
const C1_DIGIT: u16 = 0x4;
const C1_SPACE: u16 = 0x8;
const C1_PUNCT: u16 = 0x10;
const C1_CNTRL: u16 = 0x20;
const C1_BLANK: u16 = 0x40;
const C1_XDIGIT: u16 = 0x80;
const C1_ALPHA: u16 = 0x100;
const C1_DEFINED: u16 = 0x200;

const C2_LEFTTORIGHT: u16 = 1;
const C2_EUROPENUMBER: u16 = 3;
const C2_EUROPESEPARATOR: u16 = 4;
const C2_EUROPETERMINATOR: u16 = 5;
const C2_COMMONSEPARATOR: u16 = 7;
const C2_BLOCKSEPARATOR: u16 = 8;
const C2_SEGMENTSEPARATOR: u16 = 9;
const C2_WHITESPACE: u16 = 10;
const C2_OTHERNEUTRAL: u16 = 11;
const C2_NOTAPPLICABLE: u16 = 0;

const C3_SYMBOL: u16 = 0x8;
const C3_HALFWIDTH: u16 = 0x40;
const C3_FULLWIDTH: u16 = 0x80;
const C3_IDEOGRAPH: u16 = 0x100;
const C3_ALPHA: u16 = 0x8000;
const C3_HIGHSURROGATE: u16 = 0x800;
const C3_LOWSURROGATE: u16 = 0x1000;
const C3_NONSPACING: u16 = 0x1;
const C3_DIACRITIC: u16 = 0x2;

/// CT_CTYPE1 of a UTF-16 unit.
pub fn ctype1(u: u16) -> u16 {
    let Some(c) = char::from_u32(u as u32) else {
        // A surrogate: defined, nothing else.
        return C1_DEFINED;
    };
    let mut t = C1_DEFINED;
    if c.is_control() {
        t |= C1_CNTRL;
    }
    if matches!(c, '\t' | '\n' | '\x0b' | '\x0c' | '\r') || (c.is_whitespace() && !c.is_control()) {
        t |= C1_SPACE;
    }
    if c == '\t' || (c.is_whitespace() && !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}')) {
        t |= C1_BLANK;
    }
    if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric() && c.to_digit(10).is_some()) {
        t |= C1_DIGIT;
    }
    if c.is_ascii_hexdigit() {
        t |= C1_XDIGIT;
    }
    if c.is_alphabetic() {
        t |= C1_ALPHA;
        if c.is_uppercase() {
            t |= C1_UPPER;
        } else if c.is_lowercase() {
            t |= C1_LOWER;
        }
    } else if c.is_numeric() && !c.is_ascii() {
        t |= C1_DIGIT * (c.to_digit(10).is_some() as u16);
    }
    if t & (C1_CNTRL | C1_SPACE | C1_DIGIT | C1_ALPHA) == 0 && !c.is_alphanumeric() {
        t |= C1_PUNCT;
    }
    t
}

/// CT_CTYPE2 (the bidirectional category) of a UTF-16 unit.
pub fn ctype2(u: u16) -> u16 {
    let Some(c) = char::from_u32(u as u32) else { return C2_LEFTTORIGHT };
    match c {
        '0'..='9' => C2_EUROPENUMBER,
        '+' | '-' => C2_EUROPESEPARATOR,
        '#' | '$' | '%' | '\u{a2}'..='\u{a5}' | '\u{b0}' | '\u{b1}' => C2_EUROPETERMINATOR,
        ',' | '.' | '/' | ':' | '\u{a0}' => C2_COMMONSEPARATOR,
        '\n' | '\r' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2029}' => C2_BLOCKSEPARATOR,
        '\t' | '\x0b' | '\u{1f}' => C2_SEGMENTSEPARATOR,
        ' ' | '\x0c' | '\u{2028}' => C2_WHITESPACE,
        c if c.is_control() => C2_NOTAPPLICABLE,
        c if c.is_alphanumeric() => C2_LEFTTORIGHT,
        _ => C2_OTHERNEUTRAL,
    }
}

/// CT_CTYPE3 of a UTF-16 unit.
pub fn ctype3(u: u16) -> u16 {
    match u {
        0xd800..=0xdbff => return C3_HIGHSURROGATE,
        0xdc00..=0xdfff => return C3_LOWSURROGATE,
        _ => {}
    }
    let c = char::from_u32(u as u32).unwrap_or('\0');
    let mut t = 0;
    if (0x20..0x7f).contains(&u) || (0xff61..=0xffdc).contains(&u) {
        t |= C3_HALFWIDTH;
    }
    if (0xff01..=0xff5e).contains(&u) || (0x3000..=0x30ff).contains(&u) {
        t |= C3_FULLWIDTH;
    }
    if (0x4e00..=0x9fff).contains(&u) || (0x3400..=0x4dbf).contains(&u) {
        t |= C3_IDEOGRAPH | C3_ALPHA;
    }
    if (0x300..=0x36f).contains(&u) {
        t |= C3_NONSPACING | C3_DIACRITIC;
    }
    if c.is_alphabetic() {
        t |= C3_ALPHA;
    } else if !c.is_control() && !c.is_numeric() && !c.is_whitespace() && u >= 0x20 {
        t |= C3_SYMBOL;
    }
    t
}

/// GetStringTypeW's rules.
///
/// # Safety
/// As GetStringTypeW.
unsafe fn string_type(kind: u32, src: *const u16, len: i32, out: *mut u16) -> BOOL {
    let class: fn(u16) -> u16 = match kind {
        CT_CTYPE1 => ctype1,
        CT_CTYPE2 => ctype2,
        CT_CTYPE3 => ctype3,
        // Wine 8 (and its tests of Windows) report ERROR_INVALID_PARAMETER here.
        _ => return teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    };
    if out.is_null() || src == out as *const u16 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes `len` units (or a NUL-terminated string when -1).
    let Some(s) = (unsafe { wide_arg(src, len) }) else { return teb::fail(ERROR_INVALID_PARAMETER, FALSE) };
    // A NUL-terminated string is classified with its NUL.
    let n = s.len() + (len < 0) as usize;
    for i in 0..n {
        let u = s.get(i).copied().unwrap_or(0);
        // SAFETY: the program passes room for one WORD per character.
        unsafe { *out.add(i) = class(u) };
    }
    TRUE
}

/// GetStringTypeW: the class of each character of `src` (`len` units, -1: up to and including
/// the NUL) into `out`: CT_CTYPE1 (C1_* flags), CT_CTYPE2 (a C2_* value) or CT_CTYPE3 (C3_*
/// flags). ERROR_INVALID_PARAMETER for another type or NULL pointers.
/// Outside ASCII the classes come from Unicode's properties, not Windows' tables.
#[export]
pub unsafe extern "win64" fn GetStringTypeW(kind: u32, src: crate::InWStrN, len: i32, out: *mut u16) -> BOOL {
    // SAFETY: as documented.
    unsafe { string_type(kind, src, len, out) }
}

/// GetStringTypeExW: GetStringTypeW; the locale does not change the classes.
#[export]
pub unsafe extern "win64" fn GetStringTypeExW(
    _lcid: u32,
    kind: u32,
    src: crate::InWStrN,
    len: i32,
    out: *mut u16,
) -> BOOL {
    // SAFETY: as documented.
    unsafe { string_type(kind, src, len, out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_classes() {
        assert_eq!(ctype1(b'A' as u16), C1_UPPER | C1_XDIGIT | C1_ALPHA | C1_DEFINED);
        assert_eq!(ctype1(b'z' as u16), C1_LOWER | C1_ALPHA | C1_DEFINED);
        assert_eq!(ctype1(b'7' as u16), C1_DIGIT | C1_XDIGIT | C1_DEFINED);
        assert_eq!(ctype1(b' ' as u16), C1_SPACE | C1_BLANK | C1_DEFINED);
        assert_eq!(ctype1(b'\t' as u16), C1_SPACE | C1_BLANK | C1_CNTRL | C1_DEFINED);
        assert_eq!(ctype1(b'!' as u16), C1_PUNCT | C1_DEFINED);
        assert_eq!(ctype1(0), C1_CNTRL | C1_DEFINED);
        assert_eq!(ctype2(b'5' as u16), C2_EUROPENUMBER);
        assert_eq!(ctype3(b'a' as u16), C3_ALPHA | C3_HALFWIDTH);
    }
}
