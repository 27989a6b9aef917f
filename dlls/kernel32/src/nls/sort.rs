//! Linguistic comparison (CompareString) and sort keys (LCMapString with LCMAP_SORTKEY), one
//! set of weights for both so that comparing two keys byte by byte agrees with CompareString.
//!
//! Each character gets a primary weight (its class — symbols, then digits, then letters —
//! and its place in the class), a diacritic weight and a case weight. Strings compare by
//! their primary weights, then diacritics, then case (lower before upper), then the
//! characters the word sort leaves for last (hyphen and apostrophe; SORT_STRINGSORT weighs
//! them as symbols). Flags: NORM_IGNORECASE / LINGUISTIC_IGNORECASE, NORM_IGNORENONSPACE /
//! LINGUISTIC_IGNOREDIACRITIC, NORM_IGNORESYMBOLS, NORM_IGNOREWIDTH, SORT_DIGITSASNUMBERS;
//! NORM_IGNOREKANATYPE and NORM_LINGUISTIC_CASING are accepted.

use super::{locale, wide_arg};
use dllcore::{export, teb};
use std::cmp::Ordering;
use windows_sys::Win32::Foundation::{ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER};
use windows_sys::core::{BOOL, PCWSTR};

pub const NORM_IGNORECASE: u32 = 0x1;
pub const NORM_IGNORENONSPACE: u32 = 0x2;
pub const NORM_IGNORESYMBOLS: u32 = 0x4;
pub const SORT_DIGITSASNUMBERS: u32 = 0x8;
pub const LINGUISTIC_IGNORECASE: u32 = 0x10;
pub const LINGUISTIC_IGNOREDIACRITIC: u32 = 0x20;
pub const SORT_STRINGSORT: u32 = 0x1000;
pub const NORM_IGNOREKANATYPE: u32 = 0x1_0000;
pub const NORM_IGNOREWIDTH: u32 = 0x2_0000;
pub const NORM_LINGUISTIC_CASING: u32 = 0x800_0000;
/// A flag Windows accepts for diacritics in Arabic, Japanese and Hebrew (no effect here).
const DIACRITIC_VARIANT: u32 = 0x1000_0000;
/// LOCALE_USE_CP_ACP, accepted (and meaningless) in a comparison's flags.
const USE_CP_ACP: u32 = 0x4000_0000;
/// The flags CompareString takes.
pub const COMPARE_FLAGS: u32 = NORM_IGNORECASE
    | NORM_IGNORENONSPACE
    | NORM_IGNORESYMBOLS
    | SORT_DIGITSASNUMBERS
    | LINGUISTIC_IGNORECASE
    | LINGUISTIC_IGNOREDIACRITIC
    | SORT_STRINGSORT
    | NORM_IGNOREKANATYPE
    | NORM_IGNOREWIDTH
    | NORM_LINGUISTIC_CASING
    | DIACRITIC_VARIANT
    | USE_CP_ACP;

const SYMBOL: u32 = 0x1_0000;
const DIGIT: u32 = 0x2_0000;
const LETTER: u32 = 0x3_0000;

/// The base letter and diacritic (1..) of an accented Latin-1 letter.
fn decompose(c: char) -> (char, u8) {
    const TABLE: [(&str, char); 14] = [
        ("àáâãäå", 'a'),
        ("ÀÁÂÃÄÅ", 'A'),
        ("ç", 'c'),
        ("Ç", 'C'),
        ("èéêë", 'e'),
        ("ÈÉÊË", 'E'),
        ("ìíîï", 'i'),
        ("ÌÍÎÏ", 'I'),
        ("ñ", 'n'),
        ("Ñ", 'N'),
        ("òóôõöø", 'o'),
        ("ÒÓÔÕÖØ", 'O'),
        ("ùúûüýÿ", 'u'),
        ("ÙÚÛÜÝ", 'U'),
    ];
    for (set, base) in TABLE {
        if let Some(i) = set.chars().position(|x| x == c) {
            // ý, ÿ, Ý sort as y.
            let base = if matches!(c, 'ý' | 'ÿ') {
                'y'
            } else if c == 'Ý' {
                'Y'
            } else {
                base
            };
            return (base, i as u8 + 1);
        }
    }
    (c, 0)
}

/// The weights of a string under `flags`.
#[derive(Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Weights {
    pub primary: Vec<u32>,
    pub diacritic: Vec<u8>,
    pub case: Vec<u8>,
    /// (position, character) of the word sort's last-level characters.
    pub special: Vec<(u16, u16)>,
}

/// Weigh `s` under `flags` (already validated).
pub fn weigh(s: &[u16], flags: u32) -> Weights {
    let ignore_case = flags & (NORM_IGNORECASE | LINGUISTIC_IGNORECASE) != 0;
    let ignore_diacritic = flags & (NORM_IGNORENONSPACE | LINGUISTIC_IGNOREDIACRITIC) != 0;
    let mut w = Weights::default();
    let chars: Vec<char> = char::decode_utf16(s.iter().copied()).map(|r| r.unwrap_or('\u{fffd}')).collect();
    let mut i = 0;
    while i < chars.len() {
        let mut c = chars[i];
        if flags & NORM_IGNOREWIDTH != 0 && ('\u{ff01}'..='\u{ff5e}').contains(&c) {
            c = char::from_u32(c as u32 - 0xfee0).unwrap_or(c);
        }
        i += 1;
        if c == '\0' {
            continue;
        }
        if (c == '-' || c == '\'') && flags & SORT_STRINGSORT == 0 {
            if flags & NORM_IGNORESYMBOLS == 0 {
                w.special.push((w.primary.len() as u16, c as u16));
            }
            continue;
        }
        let (base, dia) = decompose(c);
        if base.is_ascii_digit() {
            if flags & SORT_DIGITSASNUMBERS != 0 {
                // A run of digits weighs as its number: the count of significant digits,
                // then the digits.
                let start = i - 1;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                let run: Vec<char> = chars[start..i].iter().copied().skip_while(|&d| d == '0').collect();
                w.primary.push(DIGIT + 0x100 + run.len() as u32);
                for d in run {
                    w.primary.push(DIGIT + d as u32 - '0' as u32);
                    w.diacritic.push(0);
                    w.case.push(0);
                }
                w.diacritic.push(0);
                w.case.push(0);
                continue;
            }
            w.primary.push(DIGIT + base as u32 - '0' as u32);
        } else if base.is_alphabetic() {
            let lower = base.to_lowercase().next().unwrap_or(base);
            w.primary.push(LETTER + lower as u32);
        } else {
            if flags & NORM_IGNORESYMBOLS != 0 {
                continue;
            }
            w.primary.push(SYMBOL + (c as u32 & 0xffff));
        }
        w.diacritic.push(if ignore_diacritic { 0 } else { dia });
        w.case.push(if ignore_case || !base.is_uppercase() { 0 } else { 1 });
    }
    w
}

/// CompareString's order of two strings.
pub fn compare(a: &[u16], b: &[u16], flags: u32) -> Ordering {
    weigh(a, flags).cmp(&weigh(b, flags))
}

/// The sort key of `s`: bytes that compare (as unsigned bytes, shorter first) as the strings
/// do under CompareString, with no zero byte before the terminating one.
pub fn sort_key(s: &[u16], flags: u32) -> Vec<u8> {
    let w = weigh(s, flags);
    let mut k = Vec::new();
    for p in &w.primary {
        // Three base-254 digits, each 2..=255.
        k.extend([(p / (254 * 254)) as u8 + 2, (p / 254 % 254) as u8 + 2, (p % 254) as u8 + 2]);
    }
    k.push(1);
    k.extend(w.diacritic.iter().map(|d| d + 2));
    k.push(1);
    k.extend(w.case.iter().map(|c| c + 2));
    k.push(1);
    for (pos, ch) in &w.special {
        for v in [*pos as u32, *ch as u32] {
            k.extend([(v / (254 * 254)) as u8 + 2, (v / 254 % 254) as u8 + 2, (v % 254) as u8 + 2]);
        }
    }
    k.push(0);
    k
}

fn compare_result(s1: *const u16, n1: i32, s2: *const u16, n2: i32, flags: u32) -> i32 {
    if flags & !COMPARE_FLAGS != 0 {
        return teb::fail(ERROR_INVALID_FLAGS, 0);
    }
    // SAFETY: the program passes counted or NUL-terminated strings.
    let (a, b) = unsafe { (wide_arg(s1, n1), wide_arg(s2, n2)) };
    let (Some(a), Some(b)) = (a, b) else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    match compare(a, b, flags) {
        Ordering::Less => 1,
        Ordering::Equal => 2,
        Ordering::Greater => 3,
    }
}

/// CompareStringW: compare two strings (`n` units each, -1: NUL-terminated) by the locale's
/// linguistic rules; CSTR_LESS_THAN (1), CSTR_EQUAL (2) or CSTR_GREATER_THAN (3), 0 on error
/// (ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER for NULL strings or an unknown locale).
/// The rules are an outline of Windows' (see the module documentation).
#[export]
pub unsafe extern "win64" fn CompareStringW(
    lcid: u32,
    flags: u32,
    s1: crate::InWStrN,
    n1: i32,
    s2: crate::InWStrN,
    n2: i32,
) -> i32 {
    if locale::resolve(lcid).is_none() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    compare_result(s1, n1, s2, n2, flags)
}

/// CompareStringEx: CompareStringW for a locale name (NULL: the user's).
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn CompareStringEx(
    name: PCWSTR,
    flags: u32,
    s1: crate::InWStrN,
    n1: i32,
    s2: crate::InWStrN,
    n2: i32,
    _version: *const core::ffi::c_void,
    _reserved: *const core::ffi::c_void,
    _param: isize,
) -> i32 {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    let n = if name.is_null() { None } else { unsafe { dllcore::strings::wstr(name) } };
    if locale::resolve_name(n).is_none() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    compare_result(s1, n1, s2, n2, flags)
}

/// CompareStringA: CompareStringW on strings in the ANSI code page (UTF-8).
#[export]
pub unsafe extern "win64" fn CompareStringA(
    lcid: u32,
    flags: u32,
    s1: crate::InStrN,
    n1: i32,
    s2: crate::InStrN,
    n2: i32,
) -> i32 {
    if locale::resolve(lcid).is_none() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    let narrow = |p: *const u8, n: i32| -> Option<Vec<u16>> {
        if p.is_null() {
            return None;
        }
        // SAFETY: the program passes counted or NUL-terminated strings.
        let b = if n < 0 { unsafe { dllcore::strings::cstr(p) }? } else { unsafe { std::slice::from_raw_parts(p, n as usize) } };
        Some(syscall_shims::codepage::ansi_to_wide(b))
    };
    let (Some(a), Some(b)) = (narrow(s1, n1), narrow(s2, n2)) else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    compare_result(a.as_ptr(), a.len() as i32, b.as_ptr(), b.len() as i32, flags)
}

/// CompareStringOrdinal: compare UTF-16 units by value; with `ignore_case`, after mapping
/// each to upper case (Unicode simple mappings). CSTR_* results; ERROR_INVALID_PARAMETER for
/// NULL strings.
#[export]
pub unsafe extern "win64" fn CompareStringOrdinal(
    s1: crate::InWStrN,
    n1: i32,
    s2: crate::InWStrN,
    n2: i32,
    ignore_case: BOOL,
) -> i32 {
    // SAFETY: the program passes counted or NUL-terminated strings.
    let (a, b) = unsafe { (wide_arg(s1, n1), wide_arg(s2, n2)) };
    let (Some(a), Some(b)) = (a, b) else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    let up = |u: u16| if ignore_case != 0 { super::lcmap::upper(u) } else { u };
    match a.iter().map(|&u| up(u)).cmp(b.iter().map(|&u| up(u))) {
        Ordering::Less => 1,
        Ordering::Equal => 2,
        Ordering::Greater => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn cmp(a: &str, b: &str, f: u32) -> Ordering {
        let o = compare(&w(a), &w(b), f);
        assert_eq!(sort_key(&w(a), f).cmp(&sort_key(&w(b), f)), o, "sort keys of {a:?} and {b:?} agree");
        o
    }

    #[test]
    fn word_sort() {
        assert_eq!(cmp("a", "A", 0), Ordering::Less);
        assert_eq!(cmp("a", "A", NORM_IGNORECASE), Ordering::Equal);
        assert_eq!(cmp("A", "b", 0), Ordering::Less);
        assert_eq!(cmp("9", "a", 0), Ordering::Less);
        assert_eq!(cmp("!", "0", 0), Ordering::Less);
        assert_eq!(cmp("coop", "co-op", 0), Ordering::Less);
        assert_eq!(cmp("co-op", "cop", 0), Ordering::Less);
        assert_eq!(cmp("co-op", "coop", SORT_STRINGSORT), Ordering::Less);
        assert_eq!(cmp("e", "é", 0), Ordering::Less);
        assert_eq!(cmp("é", "f", 0), Ordering::Less);
        assert_eq!(cmp("e", "é", NORM_IGNORENONSPACE), Ordering::Equal);
        assert_eq!(cmp("a2", "a10", SORT_DIGITSASNUMBERS), Ordering::Less);
        assert_eq!(cmp("a2", "a10", 0), Ordering::Greater);
        assert_eq!(cmp("ab", "abc", 0), Ordering::Less);
        assert_eq!(cmp("a.b", "ab", NORM_IGNORESYMBOLS), Ordering::Equal);
        assert!(!sort_key(&w("Hello, World"), 0)[..].split_last().unwrap().1.contains(&0));
    }
}
