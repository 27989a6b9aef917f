//! mbstring.h / mbctype.h: the `_mbs*` functions, for the multibyte code pages the CRT
//! supports here: single-byte ones. The multibyte code page (`_getmbcp`) starts as the ANSI
//! code page, 65001 in wine-rs (Wine 8 gives 1252); UTF-8 is not a DBCS code page and has no
//! lead bytes in the `_mbctype` sense, so, as in any single-byte code page, every byte is one
//! character and each `_mbs` function behaves like its `str` twin (`_mbslen` counts bytes,
//! `_mbsinc` adds one). `_setmbcp` accepts any code page it can name; DBCS code pages (932,
//! 936, 949, 950) are recorded but their lead bytes are not implemented.

#![allow(non_upper_case_globals)] // the CRT's own names for its data exports

use crate::errno::EINVAL;
use crate::invalid::fail;
use crate::string::{self, NLS_CMP_ERROR};
use dllcore::export;
use std::ffi::c_void;
use std::sync::atomic::{AtomicI32, Ordering};

/// The multibyte code page (0: not yet set, meaning the ANSI code page).
static MBCP: AtomicI32 = AtomicI32::new(0);

/// `_mbctype`: per byte (index 1..=256), lead/trail-byte flags; none here.
#[export(only = crate::MSVCRT)]
pub static mut _mbctype: [u8; 257] = [0; 257];

/// `_mbcasemap`: the case map of the multibyte code page (bytes map to themselves).
#[export(only = crate::MSVCRT)]
pub static mut _mbcasemap: [u8; 256] = [0; 256];

/// __p__mbctype.
#[export]
pub extern "win64" fn __p__mbctype() -> *mut u8 {
    &raw mut _mbctype as *mut u8
}

/// __p__mbcasemap.
#[export]
pub extern "win64" fn __p__mbcasemap() -> *mut u8 {
    &raw mut _mbcasemap as *mut u8
}

/// _getmbcp: the multibyte code page (the ANSI one until `_setmbcp`).
#[export]
pub extern "win64" fn _getmbcp() -> i32 {
    match MBCP.load(Ordering::Acquire) {
        0 => syscall_shims::codepage::resolve(0).unwrap_or(65001) as i32,
        cp => cp,
    }
}

/// _setmbcp: `_MB_CP_SBCS` (0), `_MB_CP_OEM` (-2), `_MB_CP_ANSI` (-3), `_MB_CP_LOCALE` (-4),
/// or a code page; -1 and EINVAL for one that does not exist.
#[export]
pub extern "win64" fn _setmbcp(cp: i32) -> i32 {
    let resolved = match cp {
        0 => 0,
        -2 => syscall_shims::codepage::resolve(1).unwrap_or(437) as i32,
        -3 | -4 => syscall_shims::codepage::resolve(0).unwrap_or(65001) as i32,
        cp if cp > 0
            && (syscall_shims::codepage::is_valid(cp as u32)
                || matches!(cp, 932 | 936 | 949 | 950)) =>
        {
            cp
        }
        _ => {
            crate::errno::ret(EINVAL);
            return -1;
        }
    };
    MBCP.store(if resolved == 0 { -1 } else { resolved }, Ordering::Release);
    0
}

/// _ismbblead: no lead bytes.
#[export]
pub extern "win64" fn _ismbblead(_c: u32) -> i32 {
    0
}

/// _ismbbtrail.
#[export]
pub extern "win64" fn _ismbbtrail(_c: u32) -> i32 {
    0
}

/// _ismbslead.
#[export]
pub unsafe extern "win64" fn _ismbslead(_start: *const u8, _p: *const u8) -> i32 {
    0
}

/// _ismbstrail.
#[export]
pub unsafe extern "win64" fn _ismbstrail(_start: *const u8, _p: *const u8) -> i32 {
    0
}

/// _mbbtype: `_MBC_SINGLE` (0) for every byte.
#[export]
pub extern "win64" fn _mbbtype(_c: u8, _kind: i32) -> i32 {
    0
}

/// _mbsbtype: `_MBC_SINGLE`, or `_MBC_ILLEGAL` (-1) past the end of the string.
#[export]
pub unsafe extern "win64" fn _mbsbtype(s: *const u8, count: usize) -> i32 {
    if s.is_null() {
        fail(EINVAL);
        return -1;
    }
    if unsafe { libc::strnlen(s.cast(), count + 1) } <= count {
        -1
    } else {
        0
    }
}

/// _mbclen: the length of the character at `s` (1).
#[export]
pub unsafe extern "win64" fn _mbclen(_s: *const u8) -> usize {
    1
}

/// _mbslen: the number of characters (bytes).
#[export]
pub unsafe extern "win64" fn _mbslen(s: *const u8) -> usize {
    unsafe { string::strlen(s) }
}

/// _mbsnbcnt: the bytes of the first `n` characters.
#[export]
pub unsafe extern "win64" fn _mbsnbcnt(s: *const u8, n: usize) -> usize {
    unsafe { libc::strnlen(s.cast(), n) }
}

/// _mbsnccnt: the characters in the first `n` bytes.
#[export]
pub unsafe extern "win64" fn _mbsnccnt(s: *const u8, n: usize) -> usize {
    unsafe { libc::strnlen(s.cast(), n) }
}

/// _mbsinc: the next character.
#[export]
pub unsafe extern "win64" fn _mbsinc(s: *const u8) -> *mut u8 {
    unsafe { s.add(1) as *mut u8 }
}

/// _mbsninc: `n` characters on (not past the NUL).
#[export]
pub unsafe extern "win64" fn _mbsninc(s: *const u8, n: usize) -> *mut u8 {
    if s.is_null() {
        return std::ptr::null_mut();
    }
    unsafe { s.add(libc::strnlen(s.cast(), n)) as *mut u8 }
}

/// _mbsdec: the character before `p` (NULL at the start).
#[export]
pub unsafe extern "win64" fn _mbsdec(start: *const u8, p: *const u8) -> *mut u8 {
    if start >= p {
        std::ptr::null_mut()
    } else {
        unsafe { p.sub(1) as *mut u8 }
    }
}

/// _mbsnextc: the character at `s`.
#[export]
pub unsafe extern "win64" fn _mbsnextc(s: *const u8) -> u32 {
    unsafe { *s as u32 }
}

/// _mbccpy: copy one character.
#[export]
pub unsafe extern "win64" fn _mbccpy(dst: *mut u8, src: *const u8) {
    unsafe { *dst = *src };
}

macro_rules! same_as {
    ($($(#[$m:meta])* $name:ident($($a:ident: $t:ty),*) -> $r:ty = $f:path;)*) => {$(
        $(#[$m])*
        #[export]
        pub unsafe extern "win64" fn $name($($a: $t),*) -> $r {
            unsafe { $f($($a),*) }
        }
    )*};
}

same_as! {
    /// _mbschr.
    _mbschr(s: *const u8, c: i32) -> *mut u8 = string::strchr;
    /// _mbsrchr.
    _mbsrchr(s: *const u8, c: i32) -> *mut u8 = string::strrchr;
    /// _mbsstr.
    _mbsstr(h: *const u8, n: *const u8) -> *mut u8 = string::strstr;
    /// _mbscmp: -1, 0 or 1.
    _mbscmp(a: *const u8, b: *const u8) -> i32 = string::strcmp;
    /// _mbsicmp: the difference of the first differing lower-cased bytes.
    _mbsicmp(a: *const u8, b: *const u8) -> i32 = string::_stricmp;
    /// _mbscoll.
    _mbscoll(a: *const u8, b: *const u8) -> i32 = string::strcmp;
    /// _mbsicoll.
    _mbsicoll(a: *const u8, b: *const u8) -> i32 = string::_stricmp;
    /// _mbsspn.
    _mbsspn(s: *const u8, set: *const u8) -> usize = string::strspn;
    /// _mbscspn.
    _mbscspn(s: *const u8, set: *const u8) -> usize = string::strcspn;
    /// _mbspbrk.
    _mbspbrk(s: *const u8, set: *const u8) -> *mut u8 = string::strpbrk;
    /// _mbsdup.
    _mbsdup(s: *const u8) -> *mut u8 = string::_strdup;
    /// _mbslwr.
    _mbslwr(s: *mut u8) -> *mut u8 = string::_strlwr;
    /// _mbsupr.
    _mbsupr(s: *mut u8) -> *mut u8 = string::_strupr;
    /// _mbsrev.
    _mbsrev(s: *mut u8) -> *mut u8 = string::_strrev;
    /// _mbsset.
    _mbsset(s: *mut u8, c: i32) -> *mut u8 = string::_strset;
    /// _mbstok.
    _mbstok(s: *mut u8, d: *const u8) -> *mut u8 = string::strtok;
    /// _mbstok_s.
    _mbstok_s(s: *mut u8, d: *const u8, ctx: *mut *mut u8) -> *mut u8 = string::strtok_s;
    /// _mbslwr_s.
    _mbslwr_s(s: *mut u8, size: usize) -> i32 = crate::safe::_strlwr_s;
    /// _mbsupr_s.
    _mbsupr_s(s: *mut u8, size: usize) -> i32 = crate::safe::_strupr_s;
    /// _mbscpy_s.
    _mbscpy_s(d: *mut u8, size: usize, s: *const u8) -> i32 = crate::safe::strcpy_s;
    /// _mbscat_s.
    _mbscat_s(d: *mut u8, size: usize, s: *const u8) -> i32 = crate::safe::strcat_s;
    /// _mbsnbcpy_s.
    _mbsnbcpy_s(d: *mut u8, size: usize, s: *const u8, n: usize) -> i32 = crate::safe::strncpy_s;
    /// _mbsncpy_s.
    _mbsncpy_s(d: *mut u8, size: usize, s: *const u8, n: usize) -> i32 = crate::safe::strncpy_s;
    /// _mbsnbcat_s.
    _mbsnbcat_s(d: *mut u8, size: usize, s: *const u8, n: usize) -> i32 = crate::safe::strncat_s;
    /// _mbsncat_s.
    _mbsncat_s(d: *mut u8, size: usize, s: *const u8, n: usize) -> i32 = crate::safe::strncat_s;
}

/// _mbscpy (msvcrt).
#[export(only = crate::MSVCRT)]
pub unsafe extern "win64" fn _mbscpy(dst: *mut u8, src: *const u8) -> *mut u8 {
    unsafe { string::strcpy(dst.cast(), src) as *mut u8 }
}

/// _mbscat (msvcrt).
#[export(only = crate::MSVCRT)]
pub unsafe extern "win64" fn _mbscat(dst: *mut u8, src: *const u8) -> *mut u8 {
    unsafe { string::strcat(dst.cast(), src) as *mut u8 }
}

unsafe fn ncmp(a: *const u8, b: *const u8, n: usize, fold: bool) -> i32 {
    if a.is_null() || b.is_null() {
        fail(EINVAL);
        return NLS_CMP_ERROR;
    }
    if fold {
        unsafe { string::_strnicmp(a as *const c_void, b as *const c_void, n) }
    } else {
        unsafe { string::strncmp(a as *const c_void, b as *const c_void, n) }
    }
}

same_as! {
    /// _mbsncmp: `n` characters.
    _mbsncmp(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_plain;
    /// _mbsnbcmp: `n` bytes.
    _mbsnbcmp(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_plain;
    /// _mbsnicmp.
    _mbsnicmp(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_fold;
    /// _mbsnbicmp.
    _mbsnbicmp(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_fold;
    /// _mbsncoll.
    _mbsncoll(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_plain;
    /// _mbsnbcoll.
    _mbsnbcoll(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_plain;
    /// _mbsnicoll.
    _mbsnicoll(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_fold;
    /// _mbsnbicoll.
    _mbsnbicoll(a: *const u8, b: *const u8, n: usize) -> i32 = ncmp_fold;
}

unsafe fn ncmp_plain(a: *const u8, b: *const u8, n: usize) -> i32 {
    unsafe { ncmp(a, b, n, false) }
}

unsafe fn ncmp_fold(a: *const u8, b: *const u8, n: usize) -> i32 {
    unsafe { ncmp(a, b, n, true) }
}

/// _mbsncpy: `n` characters, padded with NULs as `strncpy`.
#[export]
pub unsafe extern "win64" fn _mbsncpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    unsafe { string::strncpy(dst.cast(), src.cast(), n) as *mut u8 }
}

/// _mbsnbcpy: `n` bytes.
#[export]
pub unsafe extern "win64" fn _mbsnbcpy(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    unsafe { string::strncpy(dst.cast(), src.cast(), n) as *mut u8 }
}

/// _mbsncat.
#[export]
pub unsafe extern "win64" fn _mbsncat(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    unsafe { string::strncat(dst.cast(), src.cast(), n) as *mut u8 }
}

/// _mbsnbcat.
#[export]
pub unsafe extern "win64" fn _mbsnbcat(dst: *mut u8, src: *const u8, n: usize) -> *mut u8 {
    unsafe { string::strncat(dst.cast(), src.cast(), n) as *mut u8 }
}

/// _mbsnset: the first `n` characters become `c`.
#[export]
pub unsafe extern "win64" fn _mbsnset(s: *mut u8, c: u32, n: usize) -> *mut u8 {
    unsafe { string::_strnset(s, c as i32, n) }
}

/// _mbsnbset.
#[export]
pub unsafe extern "win64" fn _mbsnbset(s: *mut u8, c: u32, n: usize) -> *mut u8 {
    unsafe { string::_strnset(s, c as i32, n) }
}

/// _mbsspnp: the first character not in `set` (NULL if none).
#[export]
pub unsafe extern "win64" fn _mbsspnp(s: *const u8, set: *const u8) -> *mut u8 {
    let n = unsafe { string::strspn(s, set) };
    let p = unsafe { s.add(n) };
    if unsafe { *p } == 0 {
        std::ptr::null_mut()
    } else {
        p as *mut u8
    }
}

macro_rules! mbc_class {
    ($($(#[$m:meta])* $name:ident => $f:path;)*) => {$(
        $(#[$m])*
        #[export]
        pub extern "win64" fn $name(c: u32) -> i32 {
            if c > 0xff { 0 } else { $f(c as i32) }
        }
    )*};
}

mbc_class! {
    /// _ismbcalpha.
    _ismbcalpha => crate::ctype::isalpha;
    /// _ismbcalnum.
    _ismbcalnum => crate::ctype::isalnum;
    /// _ismbcdigit.
    _ismbcdigit => crate::ctype::isdigit;
    /// _ismbcspace.
    _ismbcspace => crate::ctype::isspace;
    /// _ismbclower.
    _ismbclower => crate::ctype::islower;
    /// _ismbcupper.
    _ismbcupper => crate::ctype::isupper;
    /// _ismbcprint.
    _ismbcprint => crate::ctype::isprint;
    /// _ismbcgraph.
    _ismbcgraph => crate::ctype::isgraph;
    /// _ismbcpunct.
    _ismbcpunct => crate::ctype::ispunct;
}

/// _mbctolower.
#[export]
pub extern "win64" fn _mbctolower(c: u32) -> u32 {
    if c > 0xff {
        c
    } else {
        crate::ctype::tolower(c as i32) as u32
    }
}

/// _mbctoupper.
#[export]
pub extern "win64" fn _mbctoupper(c: u32) -> u32 {
    if c > 0xff {
        c
    } else {
        crate::ctype::toupper(c as i32) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_byte_behaviour() {
        let s = c"h\xc3\xa9llo";
        unsafe {
            assert_eq!(_mbslen(s.as_ptr().cast()), 6);
            assert_eq!(_mbsinc(s.as_ptr().cast()), s.as_ptr().add(1) as *mut u8);
            assert_eq!(_mbsnextc(s.as_ptr().add(1).cast()), 0xc3);
            assert_eq!(_mbsicmp(c"ABC".as_ptr().cast(), c"abd".as_ptr().cast()), -1);
            assert_eq!(
                _mbsnbcmp(c"abc".as_ptr().cast(), c"abd".as_ptr().cast(), 2),
                0
            );
            assert_eq!(
                _mbsdec(s.as_ptr().cast(), s.as_ptr().cast()),
                std::ptr::null_mut()
            );
        }
        assert_eq!(_setmbcp(-3), 0);
        assert_eq!(_getmbcp(), 65001);
        assert_eq!(_setmbcp(12345), -1);
    }
}
