//! wchar.h: the UTF-16 string functions beyond the basic ones of `string.rs` (search, tokens,
//! in-place case changes, collation, `_wcserror`, the `wmem*` functions).
//!
//! Case changes follow `towlower`/`towupper`: A-Z only in the C locale (as Wine 8 and the UCRT
//! do), the simple Unicode mappings in a UTF-8 locale. Collation is code-unit order in every
//! locale (Windows uses CompareString for a real locale: the one place we differ).

use crate::string::{NLS_CMP_ERROR, tok, wlen};
use crate::wctype::{wlower_l, wupper_l};
use dllcore::export;
use std::cell::{Cell, RefCell};
use std::ffi::c_void;

unsafe fn is_in(set: *const u16, c: u16) -> bool {
    let mut p = set;
    unsafe {
        while *p != 0 {
            if *p == c {
                return true;
            }
            p = p.add(1);
        }
    }
    false
}

/// wcsspn: length of the prefix made of units in `accept`.
#[export]
pub unsafe extern "win64" fn wcsspn(s: *const u16, accept: *const u16) -> usize {
    let mut n = 0;
    unsafe {
        while *s.add(n) != 0 && is_in(accept, *s.add(n)) {
            n += 1;
        }
    }
    n
}

/// wcscspn: length of the prefix made of units not in `reject`.
#[export]
pub unsafe extern "win64" fn wcscspn(s: *const u16, reject: *const u16) -> usize {
    let mut n = 0;
    unsafe {
        while *s.add(n) != 0 && !is_in(reject, *s.add(n)) {
            n += 1;
        }
    }
    n
}

/// wcspbrk: the first unit of `s` that is in `accept`.
#[export]
pub unsafe extern "win64" fn wcspbrk(s: *const u16, accept: *const u16) -> *mut u16 {
    let mut p = s;
    unsafe {
        while *p != 0 {
            if is_in(accept, *p) {
                return p as *mut u16;
            }
            p = p.add(1);
        }
    }
    std::ptr::null_mut()
}

thread_local! {
    static WCSTOK_SAVE: Cell<*mut u16> = const { Cell::new(std::ptr::null_mut()) };
}

/// wcstok (msvcrt's two-argument form; ucrtbase's takes the context as a third argument and
/// uses the per-thread position when it is NULL, as `_wcstok` does).
#[export(name = "wcstok", only = crate::MSVCRT)]
pub unsafe extern "win64" fn wcstok_msvcrt(s: *mut u16, delim: *const u16) -> *mut u16 {
    unsafe { _wcstok(s, delim) }
}

/// wcstok (UCRT): `wcstok_s` with a context; a NULL context uses the per-thread position.
#[export(name = "wcstok", only = crate::UCRT)]
pub unsafe extern "win64" fn wcstok_ucrt(
    s: *mut u16,
    delim: *const u16,
    context: *mut *mut u16,
) -> *mut u16 {
    if context.is_null() {
        return unsafe { _wcstok(s, delim) };
    }
    unsafe { wcstok_s(s, delim, context) }
}

/// _wcstok (UCRT; the two-argument legacy form).
#[export]
pub unsafe extern "win64" fn _wcstok(s: *mut u16, delim: *const u16) -> *mut u16 {
    if delim.is_null() {
        crate::invalid::fail(crate::errno::EINVAL);
        return std::ptr::null_mut();
    }
    WCSTOK_SAVE.with(|c| {
        let mut save = c.get();
        let r = unsafe { tok(s, delim, &mut save) };
        c.set(save);
        r
    })
}

/// wcstok_s: EINVAL (and NULL) for a NULL `delim` or `context`, or NULL `s` and `*context`.
#[export]
pub unsafe extern "win64" fn wcstok_s(
    s: *mut u16,
    delim: *const u16,
    context: *mut *mut u16,
) -> *mut u16 {
    if delim.is_null() || context.is_null() || (s.is_null() && unsafe { (*context).is_null() }) {
        crate::invalid::fail(crate::errno::EINVAL);
        return std::ptr::null_mut();
    }
    unsafe { tok(s, delim, &mut *context) }
}

unsafe fn map_in_place(s: *mut u16, f: impl Fn(u16) -> u16) -> *mut u16 {
    if s.is_null() {
        return s;
    }
    let mut p = s;
    unsafe {
        while *p != 0 {
            *p = f(*p);
            p = p.add(1);
        }
    }
    s
}

/// _wcslwr: lower-case in place.
#[export]
pub unsafe extern "win64" fn _wcslwr(s: *mut u16) -> *mut u16 {
    unsafe { map_in_place(s, |c| wlower_l(c, 0)) }
}

/// _wcsupr: upper-case in place.
#[export]
pub unsafe extern "win64" fn _wcsupr(s: *mut u16) -> *mut u16 {
    unsafe { map_in_place(s, |c| wupper_l(c, 0)) }
}

/// _wcslwr_l.
#[export]
pub unsafe extern "win64" fn _wcslwr_l(s: *mut u16, locale: usize) -> *mut u16 {
    unsafe { map_in_place(s, |c| wlower_l(c, locale)) }
}

/// _wcsupr_l.
#[export]
pub unsafe extern "win64" fn _wcsupr_l(s: *mut u16, locale: usize) -> *mut u16 {
    unsafe { map_in_place(s, |c| wupper_l(c, locale)) }
}

/// _wcsrev: reverse in place (code units).
#[export]
pub unsafe extern "win64" fn _wcsrev(s: *mut u16) -> *mut u16 {
    if !s.is_null() {
        let n = unsafe { wlen(s) };
        unsafe { std::slice::from_raw_parts_mut(s, n) }.reverse();
    }
    s
}

/// _wcsset: every unit becomes `c`.
#[export]
pub unsafe extern "win64" fn _wcsset(s: *mut u16, c: u16) -> *mut u16 {
    unsafe { map_in_place(s, |_| c) }
}

/// _wcsnset: the first `n` units (at most up to the NUL) become `c`.
#[export]
pub unsafe extern "win64" fn _wcsnset(s: *mut u16, c: u16, n: usize) -> *mut u16 {
    let mut i = 0;
    unsafe {
        while i < n && *s.add(i) != 0 {
            *s.add(i) = c;
            i += 1;
        }
    }
    s
}

unsafe fn wcmp(a: *const u16, b: *const u16, n: usize, fold: bool) -> i32 {
    for i in 0..n {
        let (mut ca, mut cb) = unsafe { (*a.add(i), *b.add(i)) };
        if fold {
            ca = wlower_l(ca, 0);
            cb = wlower_l(cb, 0);
        }
        if ca != cb || ca == 0 {
            return ca as i32 - cb as i32;
        }
    }
    0
}

/// wcscoll: code-unit order, -1/0/1 (`wcscmp`).
#[export]
pub unsafe extern "win64" fn wcscoll(a: *const u16, b: *const u16) -> i32 {
    unsafe { wcmp(a, b, usize::MAX, false).signum() }
}

/// _wcscoll_l.
#[export]
pub unsafe extern "win64" fn _wcscoll_l(a: *const u16, b: *const u16, _l: usize) -> i32 {
    unsafe { wcmp(a, b, usize::MAX, false).signum() }
}

/// _wcsicoll: case-insensitive, the difference of the first differing lower-cased units.
#[export]
pub unsafe extern "win64" fn _wcsicoll(a: *const u16, b: *const u16) -> i32 {
    unsafe { wcmp(a, b, usize::MAX, true) }
}

/// _wcsicoll_l.
#[export]
pub unsafe extern "win64" fn _wcsicoll_l(a: *const u16, b: *const u16, _l: usize) -> i32 {
    unsafe { wcmp(a, b, usize::MAX, true) }
}

/// _wcsncoll.
#[export]
pub unsafe extern "win64" fn _wcsncoll(a: *const u16, b: *const u16, n: usize) -> i32 {
    unsafe { wcmp(a, b, n, false) }
}

/// _wcsncoll_l.
#[export]
pub unsafe extern "win64" fn _wcsncoll_l(a: *const u16, b: *const u16, n: usize, _l: usize) -> i32 {
    unsafe { wcmp(a, b, n, false) }
}

/// _wcsnicoll.
#[export]
pub unsafe extern "win64" fn _wcsnicoll(a: *const u16, b: *const u16, n: usize) -> i32 {
    unsafe { wcmp(a, b, n, true) }
}

/// _wcsnicoll_l.
#[export]
pub unsafe extern "win64" fn _wcsnicoll_l(
    a: *const u16,
    b: *const u16,
    n: usize,
    _l: usize,
) -> i32 {
    unsafe { wcmp(a, b, n, true) }
}

/// _wcsicmp_l.
#[export]
pub unsafe extern "win64" fn _wcsicmp_l(a: *const u16, b: *const u16, _l: usize) -> i32 {
    unsafe { wcmp(a, b, usize::MAX, true) }
}

/// _wcsnicmp_l.
#[export]
pub unsafe extern "win64" fn _wcsnicmp_l(a: *const u16, b: *const u16, n: usize, _l: usize) -> i32 {
    unsafe { wcmp(a, b, n, true) }
}

/// wcsxfrm: the string itself (code-unit collation); its length is returned and it is copied
/// only when it fits with its NUL.
#[export]
pub unsafe extern "win64" fn wcsxfrm(dst: *mut u16, src: *const u16, n: usize) -> usize {
    if src.is_null() || (dst.is_null() && n != 0) {
        crate::invalid::fail(crate::errno::EINVAL);
        return NLS_CMP_ERROR as usize;
    }
    let len = unsafe { wlen(src) };
    if len < n {
        unsafe { std::ptr::copy_nonoverlapping(src, dst, len + 1) };
    }
    len
}

/// _wcsxfrm_l.
#[export]
pub unsafe extern "win64" fn _wcsxfrm_l(
    dst: *mut u16,
    src: *const u16,
    n: usize,
    _l: usize,
) -> usize {
    unsafe { wcsxfrm(dst, src, n) }
}

/// wmemchr (exported by neither DLL on Windows, where it is inline; harmless here).
#[export]
pub unsafe extern "win64" fn wmemchr(s: *const u16, c: u16, n: usize) -> *mut u16 {
    for i in 0..n {
        if unsafe { *s.add(i) } == c {
            return unsafe { s.add(i) } as *mut u16;
        }
    }
    std::ptr::null_mut()
}

/// wmemcmp: -1, 0 or 1.
#[export]
pub unsafe extern "win64" fn wmemcmp(a: *const u16, b: *const u16, n: usize) -> i32 {
    for i in 0..n {
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return if x < y { -1 } else { 1 };
        }
    }
    0
}

/// wmemcpy.
#[export]
pub unsafe extern "win64" fn wmemcpy(dst: *mut u16, src: *const u16, n: usize) -> *mut u16 {
    unsafe { std::ptr::copy(src, dst, n) };
    dst
}

/// wmemmove.
#[export]
pub unsafe extern "win64" fn wmemmove(dst: *mut u16, src: *const u16, n: usize) -> *mut u16 {
    unsafe { std::ptr::copy(src, dst, n) };
    dst
}

/// wmemset.
#[export]
pub unsafe extern "win64" fn wmemset(dst: *mut u16, c: u16, n: usize) -> *mut u16 {
    for i in 0..n {
        unsafe { *dst.add(i) = c };
    }
    dst
}

thread_local! {
    static WCSERROR_BUF: RefCell<[u16; 128]> = const { RefCell::new([0; 128]) };
}

fn wide_into_buf(units: impl Iterator<Item = u16>) -> *mut u16 {
    WCSERROR_BUF.with(|b| {
        let mut b = b.borrow_mut();
        let mut n = 0;
        for u in units {
            if n + 1 >= b.len() {
                break;
            }
            b[n] = u;
            n += 1;
        }
        b[n] = 0;
        b.as_mut_ptr()
    })
}

/// _wcserror: the message for `errnum`, wide, in a per-thread buffer.
#[export]
pub extern "win64" fn _wcserror(errnum: i32) -> *mut u16 {
    wide_into_buf(crate::string::error_message(errnum).encode_utf16())
}

/// __wcserror: "`msg`: <message of errno>\n" (wide `_strerror`).
#[export]
pub unsafe extern "win64" fn __wcserror(msg: *const u16) -> *mut u16 {
    let text = crate::string::error_message(crate::errno::errno());
    let prefix: Vec<u16> = match unsafe { dllcore::strings::wstr(msg) } {
        Some(m) if !m.is_empty() => m.iter().copied().chain(": ".encode_utf16()).collect(),
        _ => Vec::new(),
    };
    wide_into_buf(
        prefix
            .into_iter()
            .chain(text.encode_utf16())
            .chain([b'\n' as u16]),
    )
}

unsafe fn copy_wide_s(buf: *mut u16, size: usize, src: *const u16) -> i32 {
    if buf.is_null() || size == 0 {
        return crate::invalid::fail(crate::errno::EINVAL);
    }
    let n = unsafe { wlen(src) }.min(size - 1);
    unsafe {
        std::ptr::copy_nonoverlapping(src, buf, n);
        *buf.add(n) = 0;
    }
    0
}

/// _wcserror_s.
#[export]
pub unsafe extern "win64" fn _wcserror_s(buf: *mut u16, size: usize, errnum: i32) -> i32 {
    unsafe { copy_wide_s(buf, size, _wcserror(errnum)) }
}

/// __wcserror_s.
#[export]
pub unsafe extern "win64" fn __wcserror_s(buf: *mut u16, size: usize, msg: *const u16) -> i32 {
    unsafe { copy_wide_s(buf, size, __wcserror(msg)) }
}

/// _wcsncnt (the count of units, at most `n`).
#[export]
pub unsafe extern "win64" fn _wcsncnt(s: *const u16, n: usize) -> usize {
    unsafe { crate::string::wcsnlen(s as *const c_void, n) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        dllcore::strings::to_wide_nul(s)
    }

    #[test]
    fn spans_and_tokens() {
        unsafe {
            let s = w("  ab, cd;;e");
            assert_eq!(wcsspn(s.as_ptr(), w(" ").as_ptr()), 2);
            assert_eq!(wcscspn(s.as_ptr(), w(",;").as_ptr()), 4);
            assert_eq!(
                wcspbrk(s.as_ptr(), w(";,").as_ptr()),
                s.as_ptr().add(4) as *mut u16
            );
            let mut t = s.clone();
            let d = w(" ,;");
            let mut ctx = std::ptr::null_mut();
            let mut out = Vec::new();
            let mut p = wcstok_s(t.as_mut_ptr(), d.as_ptr(), &mut ctx);
            while !p.is_null() {
                out.push(dllcore::strings::wstr_to_string(p).unwrap());
                p = wcstok_s(std::ptr::null_mut(), d.as_ptr(), &mut ctx);
            }
            assert_eq!(out, ["ab", "cd", "e"]);
        }
    }

    #[test]
    fn case_and_collation() {
        unsafe {
            let mut s = w("AbC\u{c9}");
            _wcslwr(s.as_mut_ptr());
            assert_eq!(s, w("abc\u{c9}"), "C locale: A-Z only");
            _wcsrev(s.as_mut_ptr());
            assert_eq!(s, w("\u{c9}cba"));
            assert_eq!(_wcsicoll(w("a").as_ptr(), w("B").as_ptr()), -1);
            assert_eq!(wcscoll(w("b").as_ptr(), w("a").as_ptr()), 1);
            assert_eq!(wcsxfrm(std::ptr::null_mut(), w("abc").as_ptr(), 0), 3);
        }
    }
}
