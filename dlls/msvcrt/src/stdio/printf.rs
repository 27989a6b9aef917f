//! The printf family's exports: argument handling, buffers and streams. The formatting itself
//! is `crate::printf` (msvcrt or UCRT flavour).
//!
//! msvcrt.dll exports the classic functions (`printf`, `_vsnprintf`, `swprintf`, ...);
//! ucrtbase.dll only the `__stdio_common_*` entry points, which take an `options` word and a
//! `va_list` (the headers' inline `printf`s call them).

use super::output::{write_locked, write_wide_locked};
use super::*;
use crate::MSVCRT;
use crate::UCRT;
use crate::errno::{EINVAL, ERANGE, set_errno};
use crate::printf::{PrintfError, VaSlots, format_narrow_into, format_wide_into};
use dllcore::VaList;
use std::ffi::c_void;

/// `_CRT_INTERNAL_PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION`: `_vsnprintf` semantics.
pub const LEGACY_VSPRINTF_NULL_TERMINATION: u64 = 1 << 0;
/// `_CRT_INTERNAL_PRINTF_STANDARD_SNPRINTF_BEHAVIOR`: C99 `vsnprintf` semantics.
pub const STANDARD_SNPRINTF_BEHAVIOR: u64 = 1 << 1;
/// `_CRT_INTERNAL_PRINTF_LEGACY_WIDE_SPECIFIERS`: `%s` in wide functions is wide.
pub const LEGACY_WIDE_SPECIFIERS: u64 = 1 << 2;

/// `_TRUNCATE` for the `_s` functions' count.
const TRUNCATE: usize = usize::MAX;

thread_local! {
    /// The thread's spare formatting buffer (see [`Scratch`]).
    static SPARE: std::cell::Cell<Vec<u8>> = const { std::cell::Cell::new(Vec::new()) };
}

/// A narrow formatting buffer recycled per thread: formatting to a stream or a string would
/// otherwise allocate and free one on every call. Buffers over 64 KiB are not kept.
pub struct Scratch(Vec<u8>);

impl Scratch {
    fn new(capacity: usize) -> Scratch {
        let mut v = SPARE.try_with(|c| c.take()).unwrap_or_default();
        v.clear();
        v.reserve(capacity);
        Scratch(v)
    }
}

impl std::ops::Deref for Scratch {
    type Target = Vec<u8>;
    fn deref(&self) -> &Vec<u8> {
        &self.0
    }
}

impl std::ops::DerefMut for Scratch {
    fn deref_mut(&mut self) -> &mut Vec<u8> {
        &mut self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if self.0.capacity() <= 64 * 1024 {
            let v = std::mem::take(&mut self.0);
            let _ = SPARE.try_with(|c| c.set(v));
        }
    }
}

/// Format a narrow string; Err holds the output before a refused `%n`.
unsafe fn fmt_a(fmt: *const u8, va: VaList, flavor: Flavor) -> Result<Scratch, Scratch> {
    let f = unsafe { dllcore::strings::cstr(fmt) }.unwrap_or(&[]);
    let mut out = Scratch::new(f.len() + 32);
    let mut args = unsafe { VaSlots::new(va.ptr) };
    match unsafe { format_narrow_into(&mut out, f, &mut args, flavor) } {
        Ok(()) => Ok(out),
        Err(PrintfError::PercentN) => {
            log::warn!("printf: %n is not supported");
            Err(out)
        }
    }
}

/// Format a wide string; Err holds the output before a refused `%n`.
unsafe fn fmt_w(fmt: *const u16, va: VaList, flavor: Flavor) -> Result<Vec<u16>, Vec<u16>> {
    let f = unsafe { dllcore::strings::wstr(fmt) }.unwrap_or(&[]);
    let mut out = Vec::with_capacity(f.len() + 32);
    let mut args = unsafe { VaSlots::new(va.ptr) };
    match unsafe { format_wide_into(&mut out, f, &mut args, flavor) } {
        Ok(()) => Ok(out),
        Err(PrintfError::PercentN) => {
            log::warn!("wprintf: %n is not supported");
            Err(out)
        }
    }
}

fn check_fmt<T>(fmt: *const T) -> bool {
    if fmt.is_null() {
        set_errno(EINVAL);
        return false;
    }
    true
}

/// vfprintf's work: format, then write the whole output in one locked call.
unsafe fn vfprintf_impl(f: *mut File, fmt: *const u8, va: VaList, flavor: Flavor) -> i32 {
    if f.is_null() || !check_fmt(fmt) {
        set_errno(EINVAL);
        return -1;
    }
    let (out, ok) = match unsafe { fmt_a(fmt, va, flavor) } {
        Ok(o) => (o, true),
        Err(o) => (o, false),
    };
    if unsafe { write_locked(f, &out) } != out.len() || !ok {
        return -1;
    }
    out.len() as i32
}

unsafe fn vfwprintf_impl(f: *mut File, fmt: *const u16, va: VaList, flavor: Flavor) -> i32 {
    if f.is_null() || !check_fmt(fmt) {
        set_errno(EINVAL);
        return -1;
    }
    let (out, ok) = match unsafe { fmt_w(fmt, va, flavor) } {
        Ok(o) => (o, true),
        Err(o) => (o, false),
    };
    if !unsafe { write_wide_locked(f, &out) } || !ok {
        return -1;
    }
    out.len() as i32
}

/// Store `out` and a NUL at `dst` with no size limit (sprintf); returns the length.
unsafe fn store_unbounded<T: Copy + Default>(dst: *mut T, out: &[T]) -> i32 {
    unsafe {
        std::ptr::copy_nonoverlapping(out.as_ptr(), dst, out.len());
        *dst.add(out.len()) = T::default();
    }
    out.len() as i32
}

/// msvcrt `_vsnprintf`: at most `n` units; NUL only if there is room; -1 when truncated.
/// A NULL buffer just counts.
unsafe fn store_legacy<T: Copy + Default>(dst: *mut T, n: usize, out: &[T]) -> i32 {
    if dst.is_null() {
        return out.len() as i32;
    }
    let k = out.len().min(n);
    unsafe {
        std::ptr::copy_nonoverlapping(out.as_ptr(), dst, k);
        if out.len() < n {
            *dst.add(out.len()) = T::default();
        }
    }
    if out.len() > n { -1 } else { out.len() as i32 }
}

/// C99 `vsnprintf`: at most `n - 1` units and a NUL; returns the full length.
unsafe fn store_c99<T: Copy + Default>(dst: *mut T, n: usize, out: &[T]) -> i32 {
    if !dst.is_null() && n > 0 {
        let k = out.len().min(n - 1);
        unsafe {
            std::ptr::copy_nonoverlapping(out.as_ptr(), dst, k);
            *dst.add(k) = T::default();
        }
    }
    out.len() as i32
}

/// ucrtbase `__stdio_common_vsprintf` (as Wine 8 does it).
unsafe fn store_ucrt<T: Copy + Default>(options: u64, dst: *mut T, n: usize, out: &[T]) -> i32 {
    let len = out.len();
    if dst.is_null() {
        return len as i32;
    }
    unsafe {
        std::ptr::copy_nonoverlapping(out.as_ptr(), dst, len.min(n));
        if len < n {
            *dst.add(len) = T::default();
        }
        if options & LEGACY_VSPRINTF_NULL_TERMINATION != 0 {
            return if len > n { -1 } else { len as i32 };
        }
        if len >= n {
            if n > 0 {
                *dst.add(n - 1) = T::default();
            }
            if options & STANDARD_SNPRINTF_BEHAVIOR != 0 {
                return len as i32;
            }
            return if n > 0 { -2 } else { -1 };
        }
    }
    len as i32
}

/// The `_vsnprintf_s` family: `count` units at most (or `_TRUNCATE`), within `size`.
unsafe fn store_s<T: Copy + Default>(dst: *mut T, size: usize, count: usize, out: &[T]) -> i32 {
    if dst.is_null() || size == 0 {
        set_errno(EINVAL);
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
            // The buffer is too small for what the caller allowed: an invalid parameter.
            std::ptr::write_bytes(dst, 0, size);
            set_errno(ERANGE);
        } else {
            std::ptr::copy_nonoverlapping(out.as_ptr(), dst, limit - 1);
            *dst.add(limit - 1) = T::default();
        }
    }
    -1
}

fn unwrap<B>(r: Result<B, B>) -> (B, bool) {
    match r {
        Ok(o) => (o, true),
        Err(o) => (o, false),
    }
}

// ---- msvcrt: narrow ------------------------------------------------------------------------

/// printf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn printf(fmt: *const u8, args: VaList) -> i32 {
    unsafe { vfprintf_impl(stdout_of(Flavor::Msvcrt), fmt, args, Flavor::Msvcrt) }
}

/// vprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vprintf(fmt: *const u8, args: VaList) -> i32 {
    unsafe { vfprintf_impl(stdout_of(Flavor::Msvcrt), fmt, args, Flavor::Msvcrt) }
}

/// fprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn fprintf(f: *mut File, fmt: *const u8, args: VaList) -> i32 {
    unsafe { vfprintf_impl(f, fmt, args, Flavor::Msvcrt) }
}

/// vfprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vfprintf(f: *mut File, fmt: *const u8, args: VaList) -> i32 {
    unsafe { vfprintf_impl(f, fmt, args, Flavor::Msvcrt) }
}

/// sprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn sprintf(buf: *mut c_void, fmt: *const u8, args: VaList) -> i32 {
    unsafe { vsprintf_impl(buf, fmt, args) }
}

unsafe fn vsprintf_impl(buf: *mut c_void, fmt: *const u8, args: VaList) -> i32 {
    if buf.is_null() || !check_fmt(fmt) {
        set_errno(EINVAL);
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_unbounded(buf.cast(), &out) };
    if ok { r } else { -1 }
}

/// vsprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vsprintf(buf: *mut c_void, fmt: *const u8, args: VaList) -> i32 {
    unsafe { vsprintf_impl(buf, fmt, args) }
}

/// _snprintf: msvcrt semantics (-1 and no NUL when truncated).
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snprintf(
    buf: *mut c_void,
    n: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { legacy_vsnprintf_impl(buf, n, fmt, args) }
}

unsafe fn legacy_vsnprintf_impl(buf: *mut c_void, n: usize, fmt: *const u8, args: VaList) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_legacy(buf.cast(), n, &out) };
    if ok { r } else { -1 }
}

/// _vsnprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _vsnprintf(
    buf: *mut c_void,
    n: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { legacy_vsnprintf_impl(buf, n, fmt, args) }
}

/// snprintf: C99 semantics (always NUL-terminated, returns the full length).
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn snprintf(
    buf: *mut c_void,
    n: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { vsnprintf_impl(buf, n, fmt, args) }
}

unsafe fn vsnprintf_impl(buf: *mut c_void, n: usize, fmt: *const u8, args: VaList) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_c99(buf.cast(), n, &out) };
    if ok { r } else { -1 }
}

/// vsnprintf: C99 semantics.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vsnprintf(
    buf: *mut c_void,
    n: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { vsnprintf_impl(buf, n, fmt, args) }
}

/// _scprintf: the length printf would produce.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _scprintf(fmt: *const u8, args: VaList) -> i32 {
    unsafe { vscprintf_impl(fmt, args) }
}

unsafe fn vscprintf_impl(fmt: *const u8, args: VaList) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    match unsafe { fmt_a(fmt, args, Flavor::Msvcrt) } {
        Ok(o) => o.len() as i32,
        Err(_) => -1,
    }
}

/// _vscprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _vscprintf(fmt: *const u8, args: VaList) -> i32 {
    unsafe { vscprintf_impl(fmt, args) }
}

/// sprintf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn sprintf_s(
    buf: *mut c_void,
    size: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { vsprintf_s_impl(buf, size, fmt, args) }
}

unsafe fn vsprintf_s_impl(buf: *mut c_void, size: usize, fmt: *const u8, args: VaList) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_s(buf.cast(), size, size.saturating_sub(1), &out) };
    if ok { r } else { -1 }
}

/// vsprintf_s.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vsprintf_s(
    buf: *mut c_void,
    size: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { vsprintf_s_impl(buf, size, fmt, args) }
}

/// _vsnprintf_s.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _vsnprintf_s(
    buf: *mut c_void,
    size: usize,
    count: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_s(buf.cast(), size, count, &out) };
    if ok { r } else { -1 }
}

// ---- msvcrt: wide --------------------------------------------------------------------------

/// wprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn wprintf(fmt: *const u16, args: VaList) -> i32 {
    unsafe { vfwprintf_impl(stdout_of(Flavor::Msvcrt), fmt, args, Flavor::Msvcrt) }
}

/// vwprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vwprintf(fmt: *const u16, args: VaList) -> i32 {
    unsafe { vfwprintf_impl(stdout_of(Flavor::Msvcrt), fmt, args, Flavor::Msvcrt) }
}

/// fwprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn fwprintf(f: *mut File, fmt: *const u16, args: VaList) -> i32 {
    unsafe { vfwprintf_impl(f, fmt, args, Flavor::Msvcrt) }
}

/// vfwprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vfwprintf(f: *mut File, fmt: *const u16, args: VaList) -> i32 {
    unsafe { vfwprintf_impl(f, fmt, args, Flavor::Msvcrt) }
}

/// swprintf: msvcrt's old form, without a count.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn swprintf(buf: *mut c_void, fmt: *const u16, args: VaList) -> i32 {
    unsafe { vswprintf_impl(buf, fmt, args) }
}

/// _swprintf: same as msvcrt's swprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _swprintf(buf: *mut c_void, fmt: *const u16, args: VaList) -> i32 {
    unsafe { vswprintf_impl(buf, fmt, args) }
}

unsafe fn vswprintf_impl(buf: *mut c_void, fmt: *const u16, args: VaList) -> i32 {
    if buf.is_null() || !check_fmt(fmt) {
        set_errno(EINVAL);
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_w(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_unbounded(buf.cast(), &out) };
    if ok { r } else { -1 }
}

/// vswprintf: msvcrt's old form, without a count.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn vswprintf(buf: *mut c_void, fmt: *const u16, args: VaList) -> i32 {
    unsafe { vswprintf_impl(buf, fmt, args) }
}

/// _vswprintf: the same as msvcrt's vswprintf (no count).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _vswprintf(buf: *mut c_void, fmt: *const u16, args: VaList) -> i32 {
    unsafe { vswprintf_impl(buf, fmt, args) }
}

/// _snwprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snwprintf(
    buf: *mut c_void,
    n: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { vsnwprintf_impl(buf, n, fmt, args) }
}

unsafe fn vsnwprintf_impl(buf: *mut c_void, n: usize, fmt: *const u16, args: VaList) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_w(fmt, args, Flavor::Msvcrt) });
    let r = unsafe { store_legacy(buf.cast(), n, &out) };
    if ok { r } else { -1 }
}

/// _vsnwprintf: msvcrt semantics (-1 and no NUL when truncated).
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _vsnwprintf(
    buf: *mut c_void,
    n: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { vsnwprintf_impl(buf, n, fmt, args) }
}

/// _scwprintf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _scwprintf(fmt: *const u16, args: VaList) -> i32 {
    unsafe { vscwprintf_impl(fmt, args) }
}

unsafe fn vscwprintf_impl(fmt: *const u16, args: VaList) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    match unsafe { fmt_w(fmt, args, Flavor::Msvcrt) } {
        Ok(o) => o.len() as i32,
        Err(_) => -1,
    }
}

/// _vscwprintf.
#[export(only = MSVCRT)]
pub unsafe extern "win64" fn _vscwprintf(fmt: *const u16, args: VaList) -> i32 {
    unsafe { vscwprintf_impl(fmt, args) }
}

// ---- ucrtbase ------------------------------------------------------------------------------

fn check_wide_options(options: u64) {
    if options & LEGACY_WIDE_SPECIFIERS == 0 {
        static ONCE: std::sync::Once = std::sync::Once::new();
        ONCE.call_once(|| {
            log::warn!("wide printf without LEGACY_WIDE_SPECIFIERS: %s is still taken as wide")
        });
    }
}

/// __stdio_common_vfprintf: the UCRT's `vfprintf`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vfprintf(
    _options: u64,
    f: *mut File,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { vfprintf_impl(f, fmt, args, Flavor::Ucrt) }
}

/// __stdio_common_vfprintf_s.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vfprintf_s(
    _options: u64,
    f: *mut File,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { vfprintf_impl(f, fmt, args, Flavor::Ucrt) }
}

/// __stdio_common_vfwprintf: the UCRT's `vfwprintf`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vfwprintf(
    options: u64,
    f: *mut File,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    check_wide_options(options);
    unsafe { vfwprintf_impl(f, fmt, args, Flavor::Ucrt) }
}

/// __stdio_common_vfwprintf_s.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vfwprintf_s(
    options: u64,
    f: *mut File,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    check_wide_options(options);
    unsafe { vfwprintf_impl(f, fmt, args, Flavor::Ucrt) }
}

/// __stdio_common_vsprintf: the UCRT's `vsprintf`/`_vsnprintf`/`vsnprintf`/`_vscprintf`,
/// told apart by `options` (see the constants above) and a NULL buffer (count only).
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vsprintf(
    options: u64,
    buf: *mut c_void,
    n: usize,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    if !check_fmt(fmt) || (buf.is_null() && n != 0 && options & STANDARD_SNPRINTF_BEHAVIOR == 0) {
        set_errno(EINVAL);
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Ucrt) });
    if !ok {
        return -1;
    }
    unsafe { store_ucrt(options, buf.cast(), n, &out) }
}

/// __stdio_common_vswprintf: the wide `__stdio_common_vsprintf`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vswprintf(
    options: u64,
    buf: *mut c_void,
    n: usize,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    check_wide_options(options);
    if !check_fmt(fmt) || (buf.is_null() && n != 0 && options & STANDARD_SNPRINTF_BEHAVIOR == 0) {
        set_errno(EINVAL);
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_w(fmt, args, Flavor::Ucrt) });
    if !ok {
        return -1;
    }
    unsafe { store_ucrt(options, buf.cast(), n, &out) }
}

/// __stdio_common_vsprintf_s: `vsprintf_s`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vsprintf_s(
    _options: u64,
    buf: *mut c_void,
    size: usize,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Ucrt) });
    if !ok {
        return -1;
    }
    unsafe { store_s(buf.cast(), size, size.saturating_sub(1), &out) }
}

/// __stdio_common_vswprintf_s: `vswprintf_s`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vswprintf_s(
    options: u64,
    buf: *mut c_void,
    size: usize,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    check_wide_options(options);
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_w(fmt, args, Flavor::Ucrt) });
    if !ok {
        return -1;
    }
    unsafe { store_s(buf.cast(), size, size.saturating_sub(1), &out) }
}

/// __stdio_common_vsnprintf_s: `_vsnprintf_s`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vsnprintf_s(
    _options: u64,
    buf: *mut c_void,
    size: usize,
    count: usize,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_a(fmt, args, Flavor::Ucrt) });
    if !ok {
        return -1;
    }
    unsafe { store_s(buf.cast(), size, count, &out) }
}

/// __stdio_common_vsnwprintf_s: `_vsnwprintf_s`.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vsnwprintf_s(
    options: u64,
    buf: *mut c_void,
    size: usize,
    count: usize,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    check_wide_options(options);
    if !check_fmt(fmt) {
        return -1;
    }
    let (out, ok) = unwrap(unsafe { fmt_w(fmt, args, Flavor::Ucrt) });
    if !ok {
        return -1;
    }
    unsafe { store_s(buf.cast(), size, count, &out) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: impl Fn(*mut u8, usize) -> i32, n: usize) -> (i32, Vec<u8>) {
        let mut b = vec![0x7fu8; 16];
        let r = f(b.as_mut_ptr(), n);
        (r, b)
    }

    #[test]
    fn legacy_vsnprintf() {
        let out = b"hello";
        let (r, b) = run(|p, n| unsafe { store_legacy(p, n, out) }, 3);
        assert_eq!((r, &b[..4]), (-1, &b"hel\x7f"[..]));
        let (r, b) = run(|p, n| unsafe { store_legacy(p, n, out) }, 5);
        assert_eq!((r, &b[..6]), (5, &b"hello\x7f"[..]), "exact fit: no NUL");
        let (r, b) = run(|p, n| unsafe { store_legacy(p, n, out) }, 6);
        assert_eq!((r, &b[..6]), (5, &b"hello\0"[..]));
        assert_eq!(unsafe { store_legacy(std::ptr::null_mut(), 0, out) }, 5);
    }

    #[test]
    fn c99_vsnprintf() {
        let out = b"hello";
        let (r, b) = run(|p, n| unsafe { store_c99(p, n, out) }, 3);
        assert_eq!((r, &b[..4]), (5, &b"he\0\x7f"[..]));
        let (r, b) = run(|p, n| unsafe { store_c99(p, n, out) }, 0);
        assert_eq!((r, b[0]), (5, 0x7f));
    }

    #[test]
    fn ucrt_options() {
        let out = b"hello";
        // vsnprintf (standard): truncated, NUL-terminated, full length.
        let (r, b) = run(
            |p, n| unsafe { store_ucrt(STANDARD_SNPRINTF_BEHAVIOR, p, n, out) },
            3,
        );
        assert_eq!((r, &b[..4]), (5, &b"he\0\x7f"[..]));
        // _vsnprintf (legacy): -1 on truncation, no NUL when exactly full.
        let (r, b) = run(
            |p, n| unsafe { store_ucrt(LEGACY_VSPRINTF_NULL_TERMINATION, p, n, out) },
            3,
        );
        assert_eq!((r, &b[..4]), (-1, &b"hel\x7f"[..]));
        let (r, b) = run(
            |p, n| unsafe { store_ucrt(LEGACY_VSPRINTF_NULL_TERMINATION, p, n, out) },
            5,
        );
        assert_eq!((r, &b[..6]), (5, &b"hello\x7f"[..]));
        // Neither option: -2 on truncation, NUL-terminated.
        let (r, b) = run(|p, n| unsafe { store_ucrt(0, p, n, out) }, 3);
        assert_eq!((r, &b[..4]), (-2, &b"he\0\x7f"[..]));
        let (r, b) = run(|p, n| unsafe { store_ucrt(0, p, n, out) }, 8);
        assert_eq!((r, &b[..7]), (5, &b"hello\0\x7f"[..]));
        assert_eq!(
            unsafe { store_ucrt::<u8>(STANDARD_SNPRINTF_BEHAVIOR, std::ptr::null_mut(), 0, out) },
            5
        );
    }

    #[test]
    fn vsnprintf_s() {
        let out = b"hello";
        let (r, b) = run(|p, n| unsafe { store_s(p, n, TRUNCATE, out) }, 4);
        assert_eq!((r, &b[..5]), (-1, &b"hel\0\x7f"[..]));
        let (r, b) = run(|p, n| unsafe { store_s(p, n, 2, out) }, 10);
        assert_eq!((r, &b[..4]), (-1, &b"he\0\x7f"[..]));
        let (r, b) = run(|p, n| unsafe { store_s(p, n, 9, out) }, 10);
        assert_eq!((r, &b[..7]), (5, &b"hello\0\x7f"[..]));
        let (r, b) = run(|p, n| unsafe { store_s(p, n, 20, out) }, 3);
        assert_eq!(
            (r, &b[..4]),
            (-1, &b"\0\0\0\x7f"[..]),
            "count beyond the buffer"
        );
    }
}
