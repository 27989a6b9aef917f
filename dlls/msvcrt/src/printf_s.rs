//! The bounds-checked printf functions msvcrt.dll exports beyond `sprintf_s`, `vsprintf_s`
//! and `_vsnprintf_s` (which `stdio::printf` has): `_snprintf_s`, `swprintf_s`,
//! `vswprintf_s`, `_snwprintf_s`, `_vsnwprintf_s`. (ucrtbase has only the
//! `__stdio_common_*_s` entry points, in `stdio::printf`.) The formatting is the shared engine
//! (`printf`), msvcrt flavour; the size rules are those of `stdio::printf`'s `_vsnprintf_s`:
//! `count` units at most, or `_TRUNCATE` (what fits, and -1 when cut); a buffer smaller than
//! `count` allows is ERANGE.

use crate::errno::{EINVAL, ERANGE, set_errno};
use crate::printf::{Flavor, VaSlots, format_narrow_into, format_wide_into};
use crate::safe::TRUNCATE;
use dllcore::VaList;
use dllcore::export;

/// Store formatted output by the `_vsnprintf_s` rules; the count written or -1.
unsafe fn store_s<T: Copy + Default>(dst: *mut T, size: usize, count: usize, out: &[T]) -> i32 {
    if dst.is_null() || size == 0 {
        crate::invalid::fail(EINVAL);
        return -1;
    }
    let limit = if count == TRUNCATE || size < count.saturating_add(1) {
        size
    } else {
        count + 1
    };
    let len = out.len();
    unsafe {
        if len < limit {
            std::ptr::copy_nonoverlapping(out.as_ptr(), dst, len);
            *dst.add(len) = T::default();
            return len as i32;
        }
        if count != TRUNCATE && count > size {
            std::ptr::write_bytes(dst, 0, size);
            crate::invalid::invalid_parameter();
            set_errno(ERANGE);
        } else {
            std::ptr::copy_nonoverlapping(out.as_ptr(), dst, limit - 1);
            *dst.add(limit - 1) = T::default();
        }
    }
    -1
}

unsafe fn narrow(fmt: *const u8, va: VaList) -> Option<Vec<u8>> {
    let f = unsafe { dllcore::strings::cstr(fmt) }?;
    let mut out = Vec::with_capacity(f.len() + 32);
    let mut args = unsafe { VaSlots::new(va.ptr) };
    unsafe { format_narrow_into(&mut out, f, &mut args, Flavor::Msvcrt) }.ok()?;
    Some(out)
}

unsafe fn wide(fmt: *const u16, va: VaList) -> Option<Vec<u16>> {
    let f = unsafe { dllcore::strings::wstr(fmt) }?;
    let mut out = Vec::with_capacity(f.len() + 32);
    let mut args = unsafe { VaSlots::new(va.ptr) };
    unsafe { format_wide_into(&mut out, f, &mut args, Flavor::Msvcrt) }.ok()?;
    Some(out)
}

/// `_vsnprintf_s`-style narrow work; a NULL format (or a refused `%n`) is EINVAL.
unsafe fn snprintf_s(buf: *mut u8, size: usize, count: usize, fmt: *const u8, va: VaList) -> i32 {
    match unsafe { narrow(fmt, va) } {
        Some(out) => unsafe { store_s(buf, size, count, &out) },
        None => {
            crate::invalid::fail(EINVAL);
            -1
        }
    }
}

unsafe fn snwprintf_s(
    buf: *mut u16,
    size: usize,
    count: usize,
    fmt: *const u16,
    va: VaList,
) -> i32 {
    match unsafe { wide(fmt, va) } {
        Some(out) => unsafe { store_s(buf, size, count, &out) },
        None => {
            crate::invalid::fail(EINVAL);
            -1
        }
    }
}

/// _snprintf_s.
#[export(variadic, only = crate::MSVCRT)]
pub unsafe extern "win64" fn _snprintf_s(
    buf: *mut u8,
    size: usize,
    count: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { snprintf_s(buf, size, count, fmt, args) }
}

/// _snwprintf_s.
#[export(variadic, only = crate::MSVCRT)]
pub unsafe extern "win64" fn _snwprintf_s(
    buf: *mut u16,
    size: usize,
    count: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { snwprintf_s(buf, size, count, fmt, args) }
}

/// _vsnwprintf_s.
#[export(only = crate::MSVCRT)]
pub unsafe extern "win64" fn _vsnwprintf_s(
    buf: *mut u16,
    size: usize,
    count: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { snwprintf_s(buf, size, count, fmt, args) }
}

/// swprintf_s: as `sprintf_s`, wide.
#[export(variadic, only = crate::MSVCRT)]
pub unsafe extern "win64" fn swprintf_s(
    buf: *mut u16,
    size: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { snwprintf_s(buf, size, size.saturating_sub(1), fmt, args) }
}

/// vswprintf_s.
#[export(only = crate::MSVCRT)]
pub unsafe extern "win64" fn vswprintf_s(
    buf: *mut u16,
    size: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { snwprintf_s(buf, size, size.saturating_sub(1), fmt, args) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncation_rules() {
        let mut b = [b'x'; 8];
        let s = b"abcdefghij";
        unsafe {
            assert_eq!(store_s(b.as_mut_ptr(), 8, TRUNCATE, s), -1);
            assert_eq!(&b, b"abcdefg\0");
            assert_eq!(store_s(b.as_mut_ptr(), 8, 3, s), -1);
            assert_eq!(&b[..4], b"abc\0");
            assert_eq!(store_s(b.as_mut_ptr(), 8, 5, &s[..4]), 4);
            assert_eq!(&b[..5], b"abcd\0");
            assert_eq!(store_s(b.as_mut_ptr(), 8, 20, s), -1);
            assert_eq!(b, [0; 8]);
            assert_eq!(crate::errno::errno(), ERANGE);
        }
    }
}
