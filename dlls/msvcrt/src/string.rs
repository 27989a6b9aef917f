//! string.h / wchar.h: byte and UTF-16 string functions, and `strerror`.
//!
//! Comparison results follow msvcrt (checked under Wine 8): `strcmp`, `strncmp`, `memcmp` and
//! `wcscmp` return -1/0/1; `wcsncmp` and the case-insensitive ones return the difference of the
//! first differing (lowered) characters. Case folding is the C locale's: ASCII only.

use crate::heap;
use dllcore::export;
use std::cell::RefCell;
use std::ffi::c_void;

type CChar = libc::c_char;

#[inline]
fn sign(v: i32) -> i32 {
    v.signum()
}

/// Length of a NUL-terminated UTF-16 string.
///
/// # Safety
/// `s` must be a valid NUL-terminated string.
pub unsafe fn wlen(s: *const u16) -> usize {
    let mut n = 0;
    unsafe {
        while *s.add(n) != 0 {
            n += 1;
        }
    }
    n
}

#[inline]
fn lower(c: u8) -> i32 {
    c.to_ascii_lowercase() as i32
}

#[inline]
fn wlower(c: u16) -> i32 {
    if (b'A' as u16..=b'Z' as u16).contains(&c) {
        (c + 32) as i32
    } else {
        c as i32
    }
}

/// strlen.
#[export]
pub unsafe extern "win64" fn strlen(s: *const u8) -> usize {
    unsafe { libc::strlen(s as *const CChar) }
}

/// strnlen.
#[export]
pub unsafe extern "win64" fn strnlen(s: *const c_void, max: usize) -> usize {
    unsafe { libc::strnlen(s as *const CChar, max) }
}

/// strcmp: -1, 0 or 1 (bytes compared unsigned).
#[export]
pub unsafe extern "win64" fn strcmp(a: *const u8, b: *const u8) -> i32 {
    unsafe { strcmp_impl(a, b) }
}

/// The body of [`strcmp`], a Microsoft-ABI function (so the export's panic guard folds away
/// and the export saves nothing).
#[inline(never)]
unsafe extern "win64" fn strcmp_impl(a: *const u8, b: *const u8) -> i32 {
    // The first bytes inline (short strings, and most differences, end here without a call
    // to a System V function, which would make this export save XMM6-15); the rest in libc.
    unsafe {
        for i in 0..16 {
            let (x, y) = (*a.add(i), *b.add(i));
            if x != y {
                return if x < y { -1 } else { 1 };
            }
            if x == 0 {
                return 0;
            }
        }
        strcmp_rest(a.add(16), b.add(16))
    }
}

/// strcmp past the first 16 equal bytes (out of line, Microsoft ABI: see above).
#[inline(never)]
unsafe extern "win64" fn strcmp_rest(a: *const u8, b: *const u8) -> i32 {
    unsafe { sign(libc::strcmp(a as *const CChar, b as *const CChar)) }
}

/// strncmp: -1, 0 or 1.
#[export]
pub unsafe extern "win64" fn strncmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    unsafe { sign(libc::strncmp(a as *const CChar, b as *const CChar, n)) }
}

/// strcpy.
#[export]
pub unsafe extern "win64" fn strcpy(dst: *mut c_void, src: *const u8) -> *mut c_void {
    unsafe { libc::strcpy(dst as *mut CChar, src as *const CChar) as *mut c_void }
}

/// strncpy: copies at most `n` bytes and pads with NULs up to `n`.
#[export]
pub unsafe extern "win64" fn strncpy(
    dst: *mut c_void,
    src: *const c_void,
    n: usize,
) -> *mut c_void {
    unsafe { libc::strncpy(dst as *mut CChar, src as *const CChar, n) as *mut c_void }
}

/// strcat.
#[export]
pub unsafe extern "win64" fn strcat(dst: *mut c_void, src: *const u8) -> *mut c_void {
    unsafe { libc::strcat(dst as *mut CChar, src as *const CChar) as *mut c_void }
}

/// strncat: appends at most `n` bytes, then a NUL.
#[export]
pub unsafe extern "win64" fn strncat(
    dst: *mut c_void,
    src: *const c_void,
    n: usize,
) -> *mut c_void {
    unsafe { libc::strncat(dst as *mut CChar, src as *const CChar, n) as *mut c_void }
}

/// strchr: finds the terminating NUL too when `c` is 0.
#[export]
pub unsafe extern "win64" fn strchr(s: *const u8, c: i32) -> *mut u8 {
    unsafe { libc::strchr(s as *const CChar, c as u8 as i32) as *mut u8 }
}

/// strrchr.
#[export]
pub unsafe extern "win64" fn strrchr(s: *const u8, c: i32) -> *mut u8 {
    unsafe { libc::strrchr(s as *const CChar, c as u8 as i32) as *mut u8 }
}

/// strstr: an empty needle matches at the start.
#[export]
pub unsafe extern "win64" fn strstr(hay: *const u8, needle: *const u8) -> *mut u8 {
    unsafe { libc::strstr(hay as *const CChar, needle as *const CChar) as *mut u8 }
}

/// strspn.
#[export]
pub unsafe extern "win64" fn strspn(s: *const u8, accept: *const u8) -> usize {
    unsafe { libc::strspn(s as *const CChar, accept as *const CChar) }
}

/// strcspn.
#[export]
pub unsafe extern "win64" fn strcspn(s: *const u8, reject: *const u8) -> usize {
    unsafe { libc::strcspn(s as *const CChar, reject as *const CChar) }
}

/// strpbrk.
#[export]
pub unsafe extern "win64" fn strpbrk(s: *const u8, accept: *const u8) -> *mut u8 {
    unsafe { libc::strpbrk(s as *const CChar, accept as *const CChar) as *mut u8 }
}

/// _strdup: a copy on the CRT heap (null for a null string).
#[export]
pub unsafe extern "win64" fn _strdup(s: *const u8) -> *mut u8 {
    match unsafe { dllcore::strings::cstr(s) } {
        Some(b) => heap::dup_bytes(b),
        None => std::ptr::null_mut(),
    }
}

/// strdup: the POSIX name of `_strdup`.
#[export(name = "strdup")]
pub unsafe extern "win64" fn strdup_(s: *const u8) -> *mut u8 {
    unsafe { _strdup(s) }
}

/// Case-insensitive compare of at most `n` bytes (C locale).
unsafe fn nicmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        let (ca, cb) = unsafe { (lower(*a.add(i)), lower(*b.add(i))) };
        if ca != cb || ca == 0 {
            return ca - cb;
        }
    }
    0
}

/// _stricmp: difference of the first differing lower-cased bytes.
#[export]
pub unsafe extern "win64" fn _stricmp(a: *const u8, b: *const u8) -> i32 {
    unsafe { nicmp(a, b, usize::MAX) }
}

/// _strcmpi: old name of `_stricmp`.
#[export]
pub unsafe extern "win64" fn _strcmpi(a: *const u8, b: *const u8) -> i32 {
    unsafe { nicmp(a, b, usize::MAX) }
}

/// _strnicmp.
#[export]
pub unsafe extern "win64" fn _strnicmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    unsafe { nicmp(a as *const u8, b as *const u8, n) }
}

/// _strlwr: lower-case in place (C locale).
#[export]
pub unsafe extern "win64" fn _strlwr(s: *mut u8) -> *mut u8 {
    let mut p = s;
    unsafe {
        while *p != 0 {
            *p = (*p).to_ascii_lowercase();
            p = p.add(1);
        }
    }
    s
}

/// _strupr: upper-case in place (C locale).
#[export]
pub unsafe extern "win64" fn _strupr(s: *mut u8) -> *mut u8 {
    let mut p = s;
    unsafe {
        while *p != 0 {
            *p = (*p).to_ascii_uppercase();
            p = p.add(1);
        }
    }
    s
}

/// memcpy: overlap-safe, as msvcrt's is.
#[export]
pub unsafe extern "win64" fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, n) };
    dst
}

/// memmove.
#[export]
pub unsafe extern "win64" fn memmove(
    dst: *mut c_void,
    src: *const c_void,
    n: usize,
) -> *mut c_void {
    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, n) };
    dst
}

/// memset.
#[export]
pub unsafe extern "win64" fn memset(dst: *mut c_void, c: i32, n: usize) -> *mut c_void {
    unsafe { std::ptr::write_bytes(dst as *mut u8, c as u8, n) };
    dst
}

/// memcmp: -1, 0 or 1.
#[export]
pub unsafe extern "win64" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    unsafe { sign(libc::memcmp(a, b, n)) }
}

/// memchr.
#[export]
pub unsafe extern "win64" fn memchr(s: *const c_void, c: i32, n: usize) -> *mut c_void {
    unsafe { libc::memchr(s, c as u8 as i32, n) }
}

/// wcslen.
#[export]
pub unsafe extern "win64" fn wcslen(s: *const u16) -> usize {
    unsafe { wlen(s) }
}

/// wcsnlen.
#[export]
pub unsafe extern "win64" fn wcsnlen(s: *const c_void, max: usize) -> usize {
    let s = s as *const u16;
    let mut n = 0;
    while n < max && unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// wcscmp: -1, 0 or 1.
#[export]
pub unsafe extern "win64" fn wcscmp(a: *const u16, b: *const u16) -> i32 {
    let mut i = 0;
    loop {
        let (ca, cb) = unsafe { (*a.add(i), *b.add(i)) };
        if ca != cb {
            return if ca < cb { -1 } else { 1 };
        }
        if ca == 0 {
            return 0;
        }
        i += 1;
    }
}

/// wcsncmp: difference of the first differing units.
#[export]
pub unsafe extern "win64" fn wcsncmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    let (a, b) = (a as *const u16, b as *const u16);
    for i in 0..n {
        let (ca, cb) = unsafe { (*a.add(i), *b.add(i)) };
        if ca != cb || ca == 0 {
            return ca as i32 - cb as i32;
        }
    }
    0
}

/// wcscpy.
#[export]
pub unsafe extern "win64" fn wcscpy(dst: *mut c_void, src: *const u16) -> *mut c_void {
    let n = unsafe { wlen(src) };
    unsafe { std::ptr::copy(src, dst as *mut u16, n + 1) };
    dst
}

/// wcsncpy: pads with NULs up to `n`.
#[export]
pub unsafe extern "win64" fn wcsncpy(
    dst: *mut c_void,
    src: *const c_void,
    n: usize,
) -> *mut c_void {
    let (d, s) = (dst as *mut u16, src as *const u16);
    let mut i = 0;
    unsafe {
        while i < n && *s.add(i) != 0 {
            *d.add(i) = *s.add(i);
            i += 1;
        }
        while i < n {
            *d.add(i) = 0;
            i += 1;
        }
    }
    dst
}

/// wcscat.
#[export]
pub unsafe extern "win64" fn wcscat(dst: *mut c_void, src: *const u16) -> *mut c_void {
    unsafe {
        let d = (dst as *mut u16).add(wlen(dst as *const u16));
        std::ptr::copy(src, d, wlen(src) + 1);
    }
    dst
}

/// wcsncat.
#[export]
pub unsafe extern "win64" fn wcsncat(
    dst: *mut c_void,
    src: *const c_void,
    n: usize,
) -> *mut c_void {
    unsafe {
        let mut d = (dst as *mut u16).add(wlen(dst as *const u16));
        let s = src as *const u16;
        let mut i = 0;
        while i < n && *s.add(i) != 0 {
            *d = *s.add(i);
            d = d.add(1);
            i += 1;
        }
        *d = 0;
    }
    dst
}

/// wcschr: finds the terminating NUL too when `c` is 0.
#[export]
pub unsafe extern "win64" fn wcschr(s: *const u16, c: u16) -> *mut u16 {
    let mut p = s;
    unsafe {
        loop {
            if *p == c {
                return p as *mut u16;
            }
            if *p == 0 {
                return std::ptr::null_mut();
            }
            p = p.add(1);
        }
    }
}

/// wcsrchr.
#[export]
pub unsafe extern "win64" fn wcsrchr(s: *const u16, c: u16) -> *mut u16 {
    let mut p = s;
    let mut found = std::ptr::null_mut();
    unsafe {
        loop {
            if *p == c {
                found = p as *mut u16;
            }
            if *p == 0 {
                return found;
            }
            p = p.add(1);
        }
    }
}

/// wcsstr.
#[export]
pub unsafe extern "win64" fn wcsstr(hay: *const u16, needle: *const u16) -> *mut u16 {
    let (h, n) = unsafe {
        (
            std::slice::from_raw_parts(hay, wlen(hay)),
            std::slice::from_raw_parts(needle, wlen(needle)),
        )
    };
    if n.is_empty() {
        return hay as *mut u16;
    }
    match h.windows(n.len()).position(|w| w == n) {
        Some(i) => unsafe { hay.add(i) as *mut u16 },
        None => std::ptr::null_mut(),
    }
}

/// _wcsdup.
#[export]
pub unsafe extern "win64" fn _wcsdup(s: *const u16) -> *mut u16 {
    match unsafe { dllcore::strings::wstr(s) } {
        Some(w) => heap::dup_units(w),
        None => std::ptr::null_mut(),
    }
}

unsafe fn wnicmp(a: *const u16, b: *const u16, n: usize) -> i32 {
    for i in 0..n {
        let (ca, cb) = unsafe { (wlower(*a.add(i)), wlower(*b.add(i))) };
        if ca != cb || ca == 0 {
            return ca - cb;
        }
    }
    0
}

/// _wcsicmp: difference of the first differing lower-cased units (A-Z folded).
#[export]
pub unsafe extern "win64" fn _wcsicmp(a: *const u16, b: *const u16) -> i32 {
    unsafe { wnicmp(a, b, usize::MAX) }
}

/// _wcsnicmp.
#[export]
pub unsafe extern "win64" fn _wcsnicmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    unsafe { wnicmp(a as *const u16, b as *const u16, n) }
}

/// Case-insensitive compare of `n` bytes (no stop at NUL).
unsafe fn memicmp_impl(a: *const u8, b: *const u8, n: usize) -> i32 {
    for i in 0..n {
        let (ca, cb) = unsafe { (lower(*a.add(i)), lower(*b.add(i))) };
        if ca != cb {
            return ca - cb;
        }
    }
    0
}

/// _memicmp: case-insensitive memcmp (C locale); the difference of the first differing
/// lower-cased bytes. Null pointers with a non-zero count are invalid parameters.
#[export]
pub unsafe extern "win64" fn _memicmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    if n != 0 && (a.is_null() || b.is_null()) {
        crate::invalid::fail(crate::errno::EINVAL);
        return NLS_CMP_ERROR;
    }
    unsafe { memicmp_impl(a as *const u8, b as *const u8, n) }
}

/// _memicmp_l.
#[export]
pub unsafe extern "win64" fn _memicmp_l(
    a: *const c_void,
    b: *const c_void,
    n: usize,
    _locale: usize,
) -> i32 {
    unsafe { _memicmp(a, b, n) }
}

/// `_NLSCMPERROR`: what the comparisons return for invalid parameters.
pub const NLS_CMP_ERROR: i32 = i32::MAX;

/// _memccpy: copy up to and including the first `c`; returns the byte after it in `dst`, or
/// NULL when `c` was not among the `n` bytes.
#[export]
pub unsafe extern "win64" fn _memccpy(
    dst: *mut c_void,
    src: *const c_void,
    c: i32,
    n: usize,
) -> *mut c_void {
    let (d, s) = (dst as *mut u8, src as *const u8);
    for i in 0..n {
        unsafe {
            *d.add(i) = *s.add(i);
            if *s.add(i) == c as u8 {
                return d.add(i + 1) as *mut c_void;
            }
        }
    }
    std::ptr::null_mut()
}

/// _stricmp_l (the C locale's folding whatever the locale).
#[export]
pub unsafe extern "win64" fn _stricmp_l(a: *const u8, b: *const u8, _locale: usize) -> i32 {
    unsafe { nicmp(a, b, usize::MAX) }
}

/// _strnicmp_l.
#[export]
pub unsafe extern "win64" fn _strnicmp_l(
    a: *const c_void,
    b: *const c_void,
    n: usize,
    _locale: usize,
) -> i32 {
    unsafe { nicmp(a as *const u8, b as *const u8, n) }
}

/// strcoll: in the C locale (and UTF-8 locales here), the byte order of `strcmp`.
#[export]
pub unsafe extern "win64" fn strcoll(a: *const u8, b: *const u8) -> i32 {
    unsafe { strcmp(a, b) }
}

/// _strcoll_l.
#[export]
pub unsafe extern "win64" fn _strcoll_l(a: *const u8, b: *const u8, _locale: usize) -> i32 {
    unsafe { strcmp(a, b) }
}

/// _stricoll: `_stricmp` in the C locale.
#[export]
pub unsafe extern "win64" fn _stricoll(a: *const u8, b: *const u8) -> i32 {
    unsafe { nicmp(a, b, usize::MAX) }
}

/// _stricoll_l.
#[export]
pub unsafe extern "win64" fn _stricoll_l(a: *const u8, b: *const u8, _locale: usize) -> i32 {
    unsafe { nicmp(a, b, usize::MAX) }
}

/// _strncoll: `strncmp` in the C locale.
#[export]
pub unsafe extern "win64" fn _strncoll(a: *const u8, b: *const u8, n: usize) -> i32 {
    unsafe { strncmp(a.cast(), b.cast(), n) }
}

/// _strncoll_l.
#[export]
pub unsafe extern "win64" fn _strncoll_l(a: *const u8, b: *const u8, n: usize, _l: usize) -> i32 {
    unsafe { strncmp(a.cast(), b.cast(), n) }
}

/// _strnicoll: `_strnicmp` in the C locale.
#[export]
pub unsafe extern "win64" fn _strnicoll(a: *const u8, b: *const u8, n: usize) -> i32 {
    unsafe { nicmp(a, b, n) }
}

/// _strnicoll_l.
#[export]
pub unsafe extern "win64" fn _strnicoll_l(a: *const u8, b: *const u8, n: usize, _l: usize) -> i32 {
    unsafe { nicmp(a, b, n) }
}

/// strxfrm: in the C locale the transformed string is the string itself. Returns its length;
/// `dst` receives it only when it fits with its NUL.
#[export]
pub unsafe extern "win64" fn strxfrm(dst: *mut u8, src: *const u8, n: usize) -> usize {
    if src.is_null() || (dst.is_null() && n != 0) {
        crate::invalid::fail(crate::errno::EINVAL);
        return NLS_CMP_ERROR as usize;
    }
    let len = unsafe { libc::strlen(src as *const CChar) };
    if len < n {
        unsafe { std::ptr::copy_nonoverlapping(src, dst, len + 1) };
    }
    len
}

/// _strxfrm_l.
#[export]
pub unsafe extern "win64" fn _strxfrm_l(
    dst: *mut u8,
    src: *const u8,
    n: usize,
    _l: usize,
) -> usize {
    unsafe { strxfrm(dst, src, n) }
}

/// _strlwr_l.
#[export]
pub unsafe extern "win64" fn _strlwr_l(s: *mut u8, _locale: usize) -> *mut u8 {
    unsafe { _strlwr(s) }
}

/// _strupr_l.
#[export]
pub unsafe extern "win64" fn _strupr_l(s: *mut u8, _locale: usize) -> *mut u8 {
    unsafe { _strupr(s) }
}

/// _strrev: reverse in place (bytes).
#[export]
pub unsafe extern "win64" fn _strrev(s: *mut u8) -> *mut u8 {
    if !s.is_null() {
        let n = unsafe { libc::strlen(s as *const CChar) };
        unsafe { std::slice::from_raw_parts_mut(s, n) }.reverse();
    }
    s
}

/// _strset: every byte (up to the NUL) becomes `c`.
#[export]
pub unsafe extern "win64" fn _strset(s: *mut u8, c: i32) -> *mut u8 {
    let mut p = s;
    unsafe {
        while *p != 0 {
            *p = c as u8;
            p = p.add(1);
        }
    }
    s
}

/// _strnset: the first `n` bytes (at most up to the NUL) become `c`.
#[export]
pub unsafe extern "win64" fn _strnset(s: *mut u8, c: i32, n: usize) -> *mut u8 {
    let mut i = 0;
    unsafe {
        while i < n && *s.add(i) != 0 {
            *s.add(i) = c as u8;
            i += 1;
        }
    }
    s
}

/// Split `s` (or the saved position) at the delimiters of `delim`: the shared work of
/// strtok and strtok_s (bytes) and wcstok (units).
pub(crate) unsafe fn tok<T: Copy + Eq + Default>(
    s: *mut T,
    delim: *const T,
    save: &mut *mut T,
) -> *mut T {
    let zero = T::default();
    let is_delim = |c: T| {
        let mut d = delim;
        unsafe {
            while *d != zero {
                if *d == c {
                    return true;
                }
                d = d.add(1);
            }
        }
        false
    };
    let mut p = if s.is_null() { *save } else { s };
    if p.is_null() {
        return std::ptr::null_mut();
    }
    unsafe {
        while *p != zero && is_delim(*p) {
            p = p.add(1);
        }
        if *p == zero {
            *save = p;
            return std::ptr::null_mut();
        }
        let start = p;
        while *p != zero && !is_delim(*p) {
            p = p.add(1);
        }
        if *p != zero {
            *p = zero;
            p = p.add(1);
        }
        *save = p;
        start
    }
}

thread_local! {
    static STRTOK_SAVE: std::cell::Cell<*mut u8> = const { std::cell::Cell::new(std::ptr::null_mut()) };
}

/// strtok: the next token of `s` (or of the string given last, per thread).
#[export]
pub unsafe extern "win64" fn strtok(s: *mut u8, delim: *const u8) -> *mut u8 {
    if delim.is_null() {
        crate::invalid::fail(crate::errno::EINVAL);
        return std::ptr::null_mut();
    }
    STRTOK_SAVE.with(|c| {
        let mut save = c.get();
        let r = unsafe { tok(s, delim, &mut save) };
        c.set(save);
        r
    })
}

/// strtok_s: strtok with the position in `*context`; a null `delim` or `context`, or a null
/// `s` with a null `*context`, is an invalid parameter (EINVAL, NULL).
#[export]
pub unsafe extern "win64" fn strtok_s(
    s: *mut u8,
    delim: *const u8,
    context: *mut *mut u8,
) -> *mut u8 {
    if delim.is_null() || context.is_null() || (s.is_null() && unsafe { (*context).is_null() }) {
        crate::invalid::fail(crate::errno::EINVAL);
        return std::ptr::null_mut();
    }
    unsafe { tok(s, delim, &mut *context) }
}

/// _strtok_s_l.
#[export]
pub unsafe extern "win64" fn _strtok_s_l(
    s: *mut u8,
    delim: *const u8,
    context: *mut *mut u8,
    _locale: usize,
) -> *mut u8 {
    unsafe { strtok_s(s, delim, context) }
}

/// _strerror: "`msg`: <strerror(errno)>\n" (or just the errno text when `msg` is NULL or
/// empty), in a per-thread buffer.
#[export]
pub unsafe extern "win64" fn _strerror(msg: *const u8) -> *mut u8 {
    let text = error_message(crate::errno::errno());
    let mut out = Vec::new();
    if let Some(m) = unsafe { dllcore::strings::cstr(msg) }.filter(|m| !m.is_empty()) {
        out.extend_from_slice(m);
        out.extend_from_slice(b": ");
    }
    out.extend_from_slice(text.as_bytes());
    out.push(b'\n');
    STRERROR_BUF.with(|b| {
        let mut b = b.borrow_mut();
        let n = out.len().min(b.len() - 1);
        b[..n].copy_from_slice(&out[..n]);
        b[n] = 0;
        b.as_mut_ptr()
    })
}

/// strerror_s: the message for `errnum` into `buf` (truncated to fit; STRUNCATE is not
/// reported: 0 on success).
#[export]
pub unsafe extern "win64" fn strerror_s(buf: *mut u8, size: usize, errnum: i32) -> i32 {
    if buf.is_null() || size == 0 {
        return crate::invalid::fail(crate::errno::EINVAL);
    }
    let msg = error_message(errnum).as_bytes();
    let n = msg.len().min(size - 1);
    unsafe {
        std::ptr::copy_nonoverlapping(msg.as_ptr(), buf, n);
        *buf.add(n) = 0;
    }
    0
}

/// _strerror_s: `_strerror` into a buffer.
#[export]
pub unsafe extern "win64" fn _strerror_s(buf: *mut u8, size: usize, msg: *const u8) -> i32 {
    if buf.is_null() || size == 0 {
        return crate::invalid::fail(crate::errno::EINVAL);
    }
    let p = unsafe { _strerror(msg) };
    let text = unsafe { dllcore::strings::cstr(p) }.unwrap_or(&[]);
    let n = text.len().min(size - 1);
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), buf, n);
        *buf.add(n) = 0;
    }
    0
}

/// The message `strerror` gives for `errnum`. These are Wine 8's texts (msvcrt and ucrtbase
/// alike); native Windows words several differently ("No error", "Not enough space", ...).
pub fn error_message(errnum: i32) -> &'static str {
    const MESSAGES: [&str; 43] = [
        "Success",
        "Operation not permitted",
        "No such file or directory",
        "No such process",
        "Interrupted system call",
        "Input/output error",
        "No such device or address",
        "Argument list too long",
        "Exec format error",
        "Bad file descriptor",
        "No child processes",
        "Resource temporarily unavailable",
        "Cannot allocate memory",
        "Permission denied",
        "Bad address",
        "Unknown error",
        "Device or resource busy",
        "File exists",
        "Invalid cross-device link",
        "No such device",
        "Not a directory",
        "Is a directory",
        "Invalid argument",
        "Too many open files in system",
        "Too many open files",
        "Inappropriate ioctl for device",
        "Unknown error",
        "File too large",
        "No space left on device",
        "Illegal seek",
        "Read-only file system",
        "Too many links",
        "Broken pipe",
        "Numerical argument out of domain",
        "Numerical result out of range",
        "Unknown error",
        "Resource deadlock avoided",
        "Unknown error",
        "File name too long",
        "No locks available",
        "Function not implemented",
        "Directory not empty",
        "Invalid or incomplete multibyte or wide character",
    ];
    usize::try_from(errnum)
        .ok()
        .and_then(|i| MESSAGES.get(i))
        .copied()
        .unwrap_or("Unknown error")
}

thread_local! {
    static STRERROR_BUF: RefCell<[u8; 96]> = const { RefCell::new([0; 96]) };
}

/// strerror: the message for `errnum`, in a per-thread buffer.
#[export]
pub extern "win64" fn strerror(errnum: i32) -> *mut u8 {
    let msg = error_message(errnum).as_bytes();
    STRERROR_BUF.with(|b| {
        let mut b = b.borrow_mut();
        b[..msg.len()].copy_from_slice(msg);
        b[msg.len()] = 0;
        b.as_mut_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Vec<u8> {
        let mut v = s.as_bytes().to_vec();
        v.push(0);
        v
    }
    fn w(s: &str) -> Vec<u16> {
        dllcore::strings::to_wide_nul(s)
    }

    #[test]
    fn comparisons_match_msvcrt() {
        unsafe {
            assert_eq!(strcmp(c("a").as_ptr(), c("z").as_ptr()), -1);
            assert_eq!(strcmp(c("z").as_ptr(), c("a").as_ptr()), 1);
            assert_eq!(
                strcmp(c("\u{e9}").as_ptr(), c("a").as_ptr()),
                1,
                "unsigned bytes"
            );
            assert_eq!(strcmp(c("same").as_ptr(), c("same").as_ptr()), 0);
            assert_eq!(
                strncmp(c("ab").as_ptr().cast(), c("az").as_ptr().cast(), 2),
                -1
            );
            assert_eq!(
                strncmp(c("abX").as_ptr().cast(), c("abY").as_ptr().cast(), 2),
                0
            );
            assert_eq!(memcmp(b"\xff".as_ptr().cast(), b"a".as_ptr().cast(), 1), 1);
            assert_eq!(_stricmp(c("a").as_ptr(), c("Z").as_ptr()), -25);
            assert_eq!(_stricmp(c("_").as_ptr(), c("A").as_ptr()), -2);
            assert_eq!(_stricmp(c("HeLLo").as_ptr(), c("hello").as_ptr()), 0);
            assert_eq!(
                _strnicmp(c("abc").as_ptr().cast(), c("ABZ").as_ptr().cast(), 3),
                -23
            );
            assert_eq!(
                _strnicmp(c("Hello").as_ptr().cast(), c("help").as_ptr().cast(), 3),
                0
            );
            assert_eq!(wcscmp(w("a").as_ptr(), w("z").as_ptr()), -1);
            assert_eq!(
                wcsncmp(w("az").as_ptr().cast(), w("aa").as_ptr().cast(), 2),
                25
            );
            assert_eq!(_wcsicmp(w("a").as_ptr(), w("Z").as_ptr()), -25);
            assert_eq!(
                _wcsnicmp(w("ABc").as_ptr().cast(), w("abd").as_ptr().cast(), 2),
                0
            );
        }
    }

    #[test]
    fn copies_and_searches() {
        unsafe {
            let mut d = [0x55u8; 10];
            strncpy(d.as_mut_ptr().cast(), c("ab").as_ptr().cast(), 5);
            assert_eq!(&d[..6], b"ab\0\0\0\x55");
            let mut buf = [0u8; 32];
            strcpy(buf.as_mut_ptr().cast(), c("foo").as_ptr());
            strcat(buf.as_mut_ptr().cast(), c("bar").as_ptr());
            strncat(buf.as_mut_ptr().cast(), c("bazzz").as_ptr().cast(), 3);
            assert_eq!(strlen(buf.as_ptr()), 9);
            assert_eq!(&buf[..10], b"foobarbaz\0");
            let s = c("hello");
            assert_eq!(
                strchr(s.as_ptr(), b'l' as i32),
                s.as_ptr().add(2) as *mut u8
            );
            assert_eq!(
                strrchr(s.as_ptr(), b'l' as i32),
                s.as_ptr().add(3) as *mut u8
            );
            assert_eq!(strchr(s.as_ptr(), 0), s.as_ptr().add(5) as *mut u8);
            assert_eq!(
                strstr(s.as_ptr(), c("llo").as_ptr()),
                s.as_ptr().add(2) as *mut u8
            );
            assert!(strstr(s.as_ptr(), c("xyz").as_ptr()).is_null());
            let dup = _strdup(s.as_ptr());
            assert_eq!(crate::heap::block_size(dup.cast()), 6);
            assert_eq!(strcmp(dup, s.as_ptr()), 0);
            crate::heap::dealloc(dup.cast());

            let mut overlap = *b"abcdef";
            memcpy(
                overlap.as_mut_ptr().add(1).cast(),
                overlap.as_ptr().cast(),
                4,
            );
            assert_eq!(&overlap, b"aabcdf", "memcpy is memmove");
        }
    }

    #[test]
    fn wide() {
        unsafe {
            let s = w("hello");
            assert_eq!(wcslen(s.as_ptr()), 5);
            assert_eq!(
                wcschr(s.as_ptr(), b'l' as u16),
                s.as_ptr().add(2) as *mut u16
            );
            assert_eq!(
                wcsrchr(s.as_ptr(), b'l' as u16),
                s.as_ptr().add(3) as *mut u16
            );
            assert_eq!(wcschr(s.as_ptr(), 0), s.as_ptr().add(5) as *mut u16);
            assert_eq!(
                wcsstr(s.as_ptr(), w("lo").as_ptr()),
                s.as_ptr().add(3) as *mut u16
            );
            let mut buf = [0u16; 16];
            wcscpy(buf.as_mut_ptr().cast(), w("ab").as_ptr());
            wcscat(buf.as_mut_ptr().cast(), w("cd").as_ptr());
            wcsncat(buf.as_mut_ptr().cast(), w("efgh").as_ptr().cast(), 1);
            assert_eq!(&buf[..6], &w("abcde")[..]);
            let mut pad = [9u16; 6];
            wcsncpy(pad.as_mut_ptr().cast(), w("x").as_ptr().cast(), 4);
            assert_eq!(pad, [b'x' as u16, 0, 0, 0, 9, 9]);
            let d = _wcsdup(s.as_ptr());
            assert_eq!(wcscmp(d, s.as_ptr()), 0);
            crate::heap::dealloc(d.cast());
        }
    }

    #[test]
    fn strerror_texts() {
        let get = |n| unsafe { dllcore::strings::cstr_to_string(strerror(n)).unwrap() };
        assert_eq!(get(0), "Success");
        assert_eq!(get(2), "No such file or directory");
        assert_eq!(get(42), "Invalid or incomplete multibyte or wide character");
        assert_eq!(get(43), "Unknown error");
        assert_eq!(get(-1), "Unknown error");
        assert_eq!(get(15), "Unknown error");
    }
}
