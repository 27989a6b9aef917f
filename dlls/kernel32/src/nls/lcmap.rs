//! LCMapString: map a string — to lower, upper or title case, to full or half width, byte
//! reversed — or make its sort key (see [`super::sort`]).

use super::sort::{self, COMPARE_FLAGS, NORM_IGNORENONSPACE, NORM_IGNORESYMBOLS};
use super::{locale, put_wide, wide_arg};
use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER};
use windows_sys::core::PCWSTR;

const LCMAP_LOWERCASE: u32 = 0x100;
const LCMAP_UPPERCASE: u32 = 0x200;
const LCMAP_TITLECASE: u32 = 0x300;
const LCMAP_SORTKEY: u32 = 0x400;
const LCMAP_BYTEREV: u32 = 0x800;
const LCMAP_HIRAGANA: u32 = 0x10_0000;
const LCMAP_KATAKANA: u32 = 0x20_0000;
const LCMAP_HALFWIDTH: u32 = 0x40_0000;
const LCMAP_FULLWIDTH: u32 = 0x80_0000;
const LCMAP_LINGUISTIC_CASING: u32 = 0x100_0000;
const MAP_FLAGS: u32 = LCMAP_TITLECASE
    | LCMAP_BYTEREV
    | LCMAP_HIRAGANA
    | LCMAP_KATAKANA
    | LCMAP_HALFWIDTH
    | LCMAP_FULLWIDTH
    | LCMAP_LINGUISTIC_CASING;

/// The simple upper-case mapping of a UTF-16 unit (itself when there is none in the BMP).
pub fn upper(u: u16) -> u16 {
    map_one(u, |c| c.to_uppercase())
}

/// The simple lower-case mapping of a UTF-16 unit.
pub fn lower(u: u16) -> u16 {
    map_one(u, |c| c.to_lowercase())
}

fn map_one<I: Iterator<Item = char>>(u: u16, f: impl Fn(char) -> I) -> u16 {
    let Some(c) = char::from_u32(u as u32) else { return u };
    let mut it = f(c);
    match (it.next(), it.next()) {
        (Some(m), None) if (m as u32) < 0x10000 => m as u16,
        _ => u,
    }
}

/// The mapping (not LCMAP_SORTKEY) of `s` under `flags`.
fn map(s: &[u16], flags: u32) -> Vec<u16> {
    let mut out = Vec::with_capacity(s.len());
    let mut word_start = true;
    for &u in s {
        let c = char::from_u32(u as u32);
        if flags & NORM_IGNORESYMBOLS != 0 && c.is_some_and(|c| !c.is_alphanumeric() && !c.is_whitespace()) {
            continue;
        }
        if flags & NORM_IGNORENONSPACE != 0 && (0x300..=0x36f).contains(&u) {
            continue;
        }
        let mut v = u;
        if flags & LCMAP_FULLWIDTH != 0 && (0x21..=0x7e).contains(&v) {
            v += 0xfee0;
        } else if flags & LCMAP_FULLWIDTH != 0 && v == 0x20 {
            v = 0x3000;
        }
        if flags & LCMAP_HALFWIDTH != 0 && (0xff01..=0xff5e).contains(&v) {
            v -= 0xfee0;
        } else if flags & LCMAP_HALFWIDTH != 0 && v == 0x3000 {
            v = 0x20;
        }
        if flags & LCMAP_KATAKANA != 0 && (0x3041..=0x3096).contains(&v) {
            v += 0x60;
        }
        if flags & LCMAP_HIRAGANA != 0 && (0x30a1..=0x30f6).contains(&v) {
            v -= 0x60;
        }
        v = match flags & LCMAP_TITLECASE {
            LCMAP_LOWERCASE => lower(v),
            LCMAP_UPPERCASE => upper(v),
            LCMAP_TITLECASE => {
                if word_start { upper(v) } else { lower(v) }
            }
            _ => v,
        };
        word_start = c.is_none_or(|c| !c.is_alphanumeric());
        if flags & LCMAP_BYTEREV != 0 {
            v = v.swap_bytes();
        }
        out.push(v);
    }
    out
}

/// LCMapString's rules on a resolved locale.
///
/// # Safety
/// As LCMapStringW.
unsafe fn lcmap(flags: u32, src: *const u16, srclen: i32, dst: *mut u16, dstlen: i32) -> i32 {
    if src.is_null() || srclen == 0 || dstlen < 0 || (dstlen > 0 && dst.is_null()) {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: per the contract.
    let Some(s) = (unsafe { wide_arg(src, srclen) }) else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    if flags & LCMAP_SORTKEY != 0 {
        if flags & !(LCMAP_SORTKEY | LCMAP_BYTEREV | COMPARE_FLAGS) != 0 || src as *const u8 == dst as *const u8 {
            return teb::fail(ERROR_INVALID_FLAGS, 0);
        }
        let key = sort::sort_key(s, flags & COMPARE_FLAGS);
        if dstlen == 0 {
            return key.len() as i32;
        }
        if (dstlen as usize) < key.len() {
            return teb::fail(ERROR_INSUFFICIENT_BUFFER, 0);
        }
        // SAFETY: `dstlen` bytes (LCMAP_SORTKEY counts bytes).
        unsafe { std::ptr::copy_nonoverlapping(key.as_ptr(), dst as *mut u8, key.len()) };
        return key.len() as i32;
    }
    let allowed = MAP_FLAGS | NORM_IGNORESYMBOLS | NORM_IGNORENONSPACE | sort::NORM_IGNOREWIDTH | sort::NORM_IGNORECASE;
    if flags == 0
        || flags & !allowed != 0
        || flags & (LCMAP_HIRAGANA | LCMAP_KATAKANA) == LCMAP_HIRAGANA | LCMAP_KATAKANA
        || flags & (LCMAP_HALFWIDTH | LCMAP_FULLWIDTH) == LCMAP_HALFWIDTH | LCMAP_FULLWIDTH
    {
        return teb::fail(ERROR_INVALID_FLAGS, 0);
    }
    let out = map(s, flags);
    // A NUL-terminated source maps its NUL too.
    // SAFETY: the program passes `dstlen` units.
    unsafe { put_wide(&out, srclen < 0, dst, dstlen) }.unwrap_or_else(|e| teb::fail(e, 0))
}

/// LCMapStringW: map `src` (`srclen` units, -1: NUL-terminated, the NUL mapped too) into
/// `dst`: LCMAP_LOWERCASE, LCMAP_UPPERCASE, LCMAP_TITLECASE, LCMAP_BYTEREV, LCMAP_FULLWIDTH /
/// LCMAP_HALFWIDTH (ASCII), LCMAP_HIRAGANA / LCMAP_KATAKANA, with NORM_IGNORESYMBOLS and
/// NORM_IGNORENONSPACE removing characters; or LCMAP_SORTKEY: a sort key of `dstlen` bytes.
/// Returns the units (bytes for a sort key) written, or with `dstlen` 0 the size needed.
/// ERROR_INVALID_FLAGS for no or conflicting flags, ERROR_INSUFFICIENT_BUFFER,
/// ERROR_INVALID_PARAMETER for a zero `srclen`, NULL pointers or an unknown locale.
/// Case mappings are Unicode's simple ones; sort keys are wine-rs's (they order as
/// CompareString does; their bytes differ from Windows').
#[export]
pub unsafe extern "win64" fn LCMapStringW(
    lcid: u32,
    flags: u32,
    src: crate::InWStrN,
    srclen: i32,
    dst: crate::OutWStr,
    dstlen: i32,
) -> i32 {
    if locale::resolve(lcid).is_none() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: as documented.
    unsafe { lcmap(flags, src, srclen, dst, dstlen) }
}

/// LCMapStringEx: LCMapStringW for a locale name (NULL: the user's).
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn LCMapStringEx(
    name: PCWSTR,
    flags: u32,
    src: crate::InWStrN,
    srclen: i32,
    dst: crate::OutWStr,
    dstlen: i32,
    _version: *const core::ffi::c_void,
    _reserved: *const core::ffi::c_void,
    _sort_handle: isize,
) -> i32 {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    let n = if name.is_null() { None } else { unsafe { dllcore::strings::wstr(name) } };
    if locale::resolve_name(n).is_none() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: as documented.
    unsafe { lcmap(flags, src, srclen, dst, dstlen) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mappings() {
        let w = |s: &str| s.encode_utf16().collect::<Vec<u16>>();
        assert_eq!(map(&w("Hello World"), LCMAP_UPPERCASE), w("HELLO WORLD"));
        assert_eq!(map(&w("ÉCOLE"), LCMAP_LOWERCASE), w("école"));
        assert_eq!(map(&w("hello wORLD"), LCMAP_TITLECASE), w("Hello World"));
        assert_eq!(map(&w("a!"), LCMAP_FULLWIDTH), vec![0xff41, 0xff01]);
        assert_eq!(map(&w("a.b"), LCMAP_LOWERCASE | NORM_IGNORESYMBOLS), w("ab"));
        assert_eq!(map(&[0x1234], LCMAP_BYTEREV), vec![0x3412]);
    }
}
