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
