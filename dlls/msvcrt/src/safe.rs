//! The bounds-checked ("secure", `_s`) string and memory functions, for bytes and UTF-16 units
//! alike: `strcpy_s`, `strcat_s`, `strncpy_s`, `strncat_s`, `memcpy_s`, `memmove_s`, `_strset_s`,
//! `_strnset_s`, `_strlwr_s`, `_strupr_s` and their `wcs`/`wmem` twins.
//!
//! On an invalid argument they call the invalid-parameter handler (`invalid`), set errno and
//! return EINVAL or ERANGE; where the destination is usable it is emptied (`dst[0] = 0`), and
//! `memcpy_s` zeroes the whole destination. `_TRUNCATE` as the count copies what fits and
//! returns STRUNCATE. These are Microsoft's documented rules; Wine 8 agrees on every return
//! value and destination tested, but its msvcrt.dll never calls the handler and its
//! `strncpy_s` leaves errno alone when the source does not fit.

use crate::errno::{EINVAL, ERANGE};
use crate::invalid::fail;
use dllcore::export;
use std::ffi::c_void;

/// STRUNCATE: what the `_s` functions return when `_TRUNCATE` cut the string.
pub const STRUNCATE: i32 = 80;
/// `_TRUNCATE`.
pub const TRUNCATE: usize = usize::MAX;

/// A character unit: `u8` or `u16`.
pub trait Unit: Copy + Eq + Default {
    fn lower(self) -> Self;
    fn upper(self) -> Self;
    fn from_i32(c: i32) -> Self;
}

impl Unit for u8 {
    fn lower(self) -> u8 {
        self.to_ascii_lowercase()
    }
    fn upper(self) -> u8 {
        self.to_ascii_uppercase()
    }
    fn from_i32(c: i32) -> u8 {
        c as u8
    }
}

impl Unit for u16 {
    fn lower(self) -> u16 {
        crate::wctype::wlower_l(self, 0)
    }
    fn upper(self) -> u16 {
        crate::wctype::wupper_l(self, 0)
    }
    fn from_i32(c: i32) -> u16 {
        c as u16
    }
}

/// Length of the string at `s`, looking at no more than `max` units.
unsafe fn len_max<T: Unit>(s: *const T, max: usize) -> usize {
    let mut n = 0;
    while n < max && unsafe { *s.add(n) } != T::default() {
        n += 1;
    }
    n
}

/// strcpy_s's work.
///
/// # Safety
/// `dst` must hold `size` units and `src` be NUL-terminated (or NULL).
pub unsafe fn copy_s<T: Unit>(dst: *mut T, size: usize, src: *const T) -> i32 {
    if dst.is_null() || size == 0 {
        return fail(EINVAL);
    }
    if src.is_null() {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    let n = unsafe { len_max(src, size) };
    if n == size {
        unsafe { *dst = T::default() };
        return fail(ERANGE);
    }
    unsafe { std::ptr::copy(src, dst, n + 1) };
    0
}

/// strcat_s's work.
///
/// # Safety
/// `dst` must hold `size` units and `src` be NUL-terminated (or NULL).
pub unsafe fn cat_s<T: Unit>(dst: *mut T, size: usize, src: *const T) -> i32 {
    if dst.is_null() || size == 0 {
        return fail(EINVAL);
    }
    if src.is_null() {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    let d = unsafe { len_max(dst, size) };
    if d == size {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    let room = size - d;
    let n = unsafe { len_max(src, room) };
    if n == room {
        unsafe { *dst = T::default() };
        return fail(ERANGE);
    }
    unsafe { std::ptr::copy(src, dst.add(d), n + 1) };
    0
}

/// strncpy_s's work: at most `count` units (or what fits, for `_TRUNCATE`), always
/// NUL-terminated.
///
/// # Safety
/// `dst` must hold `size` units and `src` be NUL-terminated (or NULL).
pub unsafe fn ncopy_s<T: Unit>(dst: *mut T, size: usize, src: *const T, count: usize) -> i32 {
    if count == 0 && dst.is_null() && size == 0 {
        return 0;
    }
    if dst.is_null() || size == 0 {
        return fail(EINVAL);
    }
    if count == 0 {
        unsafe { *dst = T::default() };
        return 0;
    }
    if src.is_null() {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    if count == TRUNCATE {
        let n = unsafe { len_max(src, size) };
        if n == size {
            unsafe {
                std::ptr::copy(src, dst, size - 1);
                *dst.add(size - 1) = T::default();
            }
            return STRUNCATE;
        }
        unsafe { std::ptr::copy(src, dst, n + 1) };
        return 0;
    }
    let n = unsafe { len_max(src, count) };
    if n >= size {
        unsafe { *dst = T::default() };
        return fail(ERANGE);
    }
    unsafe {
        std::ptr::copy(src, dst, n);
        *dst.add(n) = T::default();
    }
    0
}

/// strncat_s's work.
///
/// # Safety
/// `dst` must hold `size` units and `src` be NUL-terminated (or NULL).
pub unsafe fn ncat_s<T: Unit>(dst: *mut T, size: usize, src: *const T, count: usize) -> i32 {
    if count == 0 && dst.is_null() && size == 0 {
        return 0;
    }
    if dst.is_null() || size == 0 {
        return fail(EINVAL);
    }
    if count == 0 {
        return 0;
    }
    if src.is_null() {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    let d = unsafe { len_max(dst, size) };
    if d == size {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    let room = size - d;
    if count == TRUNCATE {
        let n = unsafe { len_max(src, room) };
        if n == room {
            unsafe {
                std::ptr::copy(src, dst.add(d), room - 1);
                *dst.add(size - 1) = T::default();
            }
            return STRUNCATE;
        }
        unsafe { std::ptr::copy(src, dst.add(d), n + 1) };
        return 0;
    }
    let n = unsafe { len_max(src, count) };
    if n >= room {
        unsafe { *dst = T::default() };
        return fail(ERANGE);
    }
    unsafe {
        std::ptr::copy(src, dst.add(d), n);
        *dst.add(d + n) = T::default();
    }
    0
}

/// `_strset_s`/`_strnset_s`/`_strlwr_s`/`_strupr_s`: change the units of a string that must
/// be terminated within `size`; `count` limits how many change.
unsafe fn modify_s<T: Unit>(dst: *mut T, size: usize, count: usize, f: impl Fn(T) -> T) -> i32 {
    if dst.is_null() || size == 0 {
        return fail(EINVAL);
    }
    let n = unsafe { len_max(dst, size) };
    if n == size {
        unsafe { *dst = T::default() };
        return fail(EINVAL);
    }
    for i in 0..n.min(count) {
        unsafe { *dst.add(i) = f(*dst.add(i)) };
    }
    0
}

/// strcpy_s.
#[export]
pub unsafe extern "win64" fn strcpy_s(dst: *mut u8, size: usize, src: *const u8) -> i32 {
    unsafe { copy_s(dst, size, src) }
}

/// wcscpy_s.
#[export]
pub unsafe extern "win64" fn wcscpy_s(dst: *mut u16, size: usize, src: *const u16) -> i32 {
    unsafe { copy_s(dst, size, src) }
}

/// strcat_s.
#[export]
pub unsafe extern "win64" fn strcat_s(dst: *mut u8, size: usize, src: *const u8) -> i32 {
    unsafe { cat_s(dst, size, src) }
}

/// wcscat_s.
#[export]
pub unsafe extern "win64" fn wcscat_s(dst: *mut u16, size: usize, src: *const u16) -> i32 {
    unsafe { cat_s(dst, size, src) }
}

/// strncpy_s.
#[export]
pub unsafe extern "win64" fn strncpy_s(
    dst: *mut u8,
    size: usize,
    src: *const u8,
    count: usize,
) -> i32 {
    unsafe { ncopy_s(dst, size, src, count) }
}

/// wcsncpy_s.
#[export]
pub unsafe extern "win64" fn wcsncpy_s(
    dst: *mut u16,
    size: usize,
    src: *const u16,
    count: usize,
) -> i32 {
    unsafe { ncopy_s(dst, size, src, count) }
}

/// strncat_s.
#[export]
pub unsafe extern "win64" fn strncat_s(
    dst: *mut u8,
    size: usize,
    src: *const u8,
    count: usize,
) -> i32 {
    unsafe { ncat_s(dst, size, src, count) }
}

/// wcsncat_s.
#[export]
pub unsafe extern "win64" fn wcsncat_s(
    dst: *mut u16,
    size: usize,
    src: *const u16,
    count: usize,
) -> i32 {
    unsafe { ncat_s(dst, size, src, count) }
}

/// _strset_s.
#[export]
pub unsafe extern "win64" fn _strset_s(dst: *mut u8, size: usize, c: i32) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, |_| c as u8) }
}

/// _wcsset_s.
#[export]
pub unsafe extern "win64" fn _wcsset_s(dst: *mut u16, size: usize, c: u16) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, |_| c) }
}

/// _strnset_s.
#[export]
pub unsafe extern "win64" fn _strnset_s(dst: *mut u8, size: usize, c: i32, count: usize) -> i32 {
    unsafe { modify_s(dst, size, count, |_| c as u8) }
}

/// _wcsnset_s.
#[export]
pub unsafe extern "win64" fn _wcsnset_s(dst: *mut u16, size: usize, c: u16, count: usize) -> i32 {
    unsafe { modify_s(dst, size, count, |_| c) }
}

/// _strlwr_s.
#[export]
pub unsafe extern "win64" fn _strlwr_s(dst: *mut u8, size: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, Unit::lower) }
}

/// _strupr_s.
#[export]
pub unsafe extern "win64" fn _strupr_s(dst: *mut u8, size: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, Unit::upper) }
}

/// _strlwr_s_l.
#[export]
pub unsafe extern "win64" fn _strlwr_s_l(dst: *mut u8, size: usize, _l: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, Unit::lower) }
}

/// _strupr_s_l.
#[export]
pub unsafe extern "win64" fn _strupr_s_l(dst: *mut u8, size: usize, _l: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, Unit::upper) }
}

/// _wcslwr_s.
#[export]
pub unsafe extern "win64" fn _wcslwr_s(dst: *mut u16, size: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, Unit::lower) }
}

/// _wcsupr_s.
#[export]
pub unsafe extern "win64" fn _wcsupr_s(dst: *mut u16, size: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, Unit::upper) }
}

/// _wcslwr_s_l.
#[export]
pub unsafe extern "win64" fn _wcslwr_s_l(dst: *mut u16, size: usize, l: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, |c| crate::wctype::wlower_l(c, l)) }
}

/// _wcsupr_s_l.
#[export]
pub unsafe extern "win64" fn _wcsupr_s_l(dst: *mut u16, size: usize, l: usize) -> i32 {
    unsafe { modify_s(dst, size, usize::MAX, |c| crate::wctype::wupper_l(c, l)) }
}

/// memcpy_s: on failure the destination (when there is one) is zeroed.
#[export]
pub unsafe extern "win64" fn memcpy_s(
    dst: *mut c_void,
    size: usize,
    src: *const c_void,
    count: usize,
) -> i32 {
    if count == 0 {
        return 0;
    }
    if dst.is_null() {
        return fail(EINVAL);
    }
    if src.is_null() || size < count {
        unsafe { std::ptr::write_bytes(dst as *mut u8, 0, size) };
        return fail(if src.is_null() { EINVAL } else { ERANGE });
    }
    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, count) };
    0
}

/// memmove_s: the destination is left alone on failure.
#[export]
pub unsafe extern "win64" fn memmove_s(
    dst: *mut c_void,
    size: usize,
    src: *const c_void,
    count: usize,
) -> i32 {
    if count == 0 {
        return 0;
    }
    if dst.is_null() || src.is_null() {
        return fail(EINVAL);
    }
    if size < count {
        return fail(ERANGE);
    }
    unsafe { std::ptr::copy(src as *const u8, dst as *mut u8, count) };
    0
}

/// wmemcpy_s: `memcpy_s` counted in units.
#[export]
pub unsafe extern "win64" fn wmemcpy_s(
    dst: *mut u16,
    size: usize,
    src: *const u16,
    count: usize,
) -> i32 {
    unsafe {
        memcpy_s(
            dst.cast(),
            size.saturating_mul(2),
            src.cast(),
            count.saturating_mul(2),
        )
    }
}

/// wmemmove_s.
#[export]
pub unsafe extern "win64" fn wmemmove_s(
    dst: *mut u16,
    size: usize,
    src: *const u16,
    count: usize,
) -> i32 {
    unsafe {
        memmove_s(
            dst.cast(),
            size.saturating_mul(2),
            src.cast(),
            count.saturating_mul(2),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every expectation here is Wine 8's (see the module comment for the handler).
    #[test]
    fn copies() {
        unsafe {
            let mut d = [b'x'; 8];
            assert_eq!(strcpy_s(d.as_mut_ptr(), 8, c"hello".as_ptr().cast()), 0);
            assert_eq!(&d[..6], b"hello\0");
            assert_eq!(
                strcpy_s(d.as_mut_ptr(), 5, c"hello".as_ptr().cast()),
                ERANGE
            );
            assert_eq!(d[0], 0);
            assert_eq!(strcpy_s(d.as_mut_ptr(), 8, std::ptr::null()), EINVAL);
            let mut d = *b"ab\0xxxxx";
            assert_eq!(strcat_s(d.as_mut_ptr(), 8, c"cde".as_ptr().cast()), 0);
            assert_eq!(&d[..6], b"abcde\0");
            let mut d = *b"ab\0xxxxx";
            assert_eq!(strcat_s(d.as_mut_ptr(), 5, c"cde".as_ptr().cast()), ERANGE);
            assert_eq!(d[0], 0);
            let mut d = [b'x'; 8];
            assert_eq!(
                strncpy_s(d.as_mut_ptr(), 5, c"hello".as_ptr().cast(), 5),
                ERANGE
            );
            assert_eq!(strncpy_s(d.as_mut_ptr(), 5, c"hello".as_ptr().cast(), 4), 0);
            assert_eq!(&d[..5], b"hell\0");
            assert_eq!(
                strncpy_s(d.as_mut_ptr(), 5, c"hello".as_ptr().cast(), TRUNCATE),
                STRUNCATE
            );
            assert_eq!(&d[..5], b"hell\0");
            assert_eq!(strncpy_s(std::ptr::null_mut(), 0, std::ptr::null(), 0), 0);
            let mut d = *b"ab\0xxxxx";
            assert_eq!(
                strncat_s(d.as_mut_ptr(), 5, c"cdefgh".as_ptr().cast(), TRUNCATE),
                STRUNCATE
            );
            assert_eq!(&d[..5], b"abcd\0");
            let mut d = *b"ab\0xxxxx";
            assert_eq!(
                strncat_s(d.as_mut_ptr(), 2, c"c".as_ptr().cast(), 1),
                EINVAL,
                "unterminated"
            );
            let mut d = *b"ab\0xxxxx";
            assert_eq!(_strnset_s(d.as_mut_ptr(), 8, b'z' as i32, 5), 0);
            assert_eq!(&d[..3], b"zz\0");
            assert_eq!(_strupr_s(d.as_mut_ptr(), 2), EINVAL);
            let mut d = [b'x'; 8];
            assert_eq!(
                memcpy_s(d.as_mut_ptr().cast(), 2, c"abc".as_ptr().cast(), 3),
                ERANGE
            );
            assert_eq!(d, [0, 0, b'x', b'x', b'x', b'x', b'x', b'x']);
            let mut d = [b'x'; 8];
            assert_eq!(
                memmove_s(d.as_mut_ptr().cast(), 2, c"abc".as_ptr().cast(), 3),
                ERANGE
            );
            assert_eq!(d, [b'x'; 8]);
            let mut w = [0u16; 8];
            let src = dllcore::strings::to_wide_nul("abc");
            assert_eq!(
                wcsncpy_s(w.as_mut_ptr(), 3, src.as_ptr(), TRUNCATE),
                STRUNCATE
            );
            assert_eq!(&w[..3], &[b'a' as u16, b'b' as u16, 0]);
        }
    }
}
