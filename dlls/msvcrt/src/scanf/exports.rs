//! The scanf family's exports. msvcrt.dll has the classic names (`sscanf`, `fwscanf`,
//! `_snscanf`, with `_s` and `_l` forms); ucrtbase.dll only the `__stdio_common_v*scanf`
//! entry points, whose `options` select the `_s` behaviour (`_CRT_INTERNAL_SCANF_SECURECRT`);
//! the other option bits (legacy wide specifiers, msvcrt compatibility) change nothing here,
//! as in Wine 8.

use super::{Args, EOF, Flavor, Input, Options, StrInput, VaArgs, scan};
use crate::conv::Digit;
use crate::invalid::fail;
use crate::stdio::input::{fgetc_nolock, fgetwc_nolock, ungetc_nolock, ungetwc_nolock};
use crate::stdio::{self, File, WEOF};
use crate::{MSVCRT, UCRT};
use dllcore::{VaList, export};

/// `_CRT_INTERNAL_SCANF_SECURECRT`.
pub const SCANF_SECURECRT: u64 = 1;

/// A stream, read byte by byte (narrow scanf) under its lock.
struct FileInput(*mut File);

impl Input for FileInput {
    fn get(&mut self) -> Option<u32> {
        // SAFETY: a valid FILE, locked for the whole scan.
        let c = unsafe { fgetc_nolock(self.0) };
        (c != stdio::EOF).then_some(c as u32)
    }
    fn unget(&mut self, c: u32) {
        // SAFETY: as above.
        unsafe { ungetc_nolock(c as i32, self.0) };
    }
}

/// A stream, read by wide characters (wide scanf).
struct WFileInput(*mut File);

impl Input for WFileInput {
    fn get(&mut self) -> Option<u32> {
        // SAFETY: a valid FILE, locked for the whole scan.
        let c = unsafe { fgetwc_nolock(self.0) };
        (c != WEOF).then_some(c)
    }
    fn unget(&mut self, c: u32) {
        // SAFETY: as above.
        unsafe { ungetwc_nolock(c, self.0) };
    }
}

fn opts<T: Digit>(secure: bool, flavor: Flavor) -> Options {
    Options {
        wide: std::mem::size_of::<T>() == 2,
        secure,
        flavor,
    }
}

/// Scan a string (`len`: at most that many units, `usize::MAX` for all).
unsafe fn str_scan<T: Digit>(
    s: *const T,
    len: usize,
    fmt: *const T,
    args: VaList,
    secure: bool,
    flavor: Flavor,
) -> i32 {
    if s.is_null() || fmt.is_null() {
        fail(crate::errno::EINVAL);
        return EOF;
    }
    let text = unsafe { crate::conv::text(s) };
    let f = unsafe { crate::conv::text(fmt) };
    let mut input = StrInput::new(text, len);
    let mut a = VaArgs(args);
    scan(
        &mut input,
        f,
        &mut a as &mut dyn Args,
        opts::<T>(secure, flavor),
    )
}

/// Scan a stream.
unsafe fn file_scan<T: Digit>(
    f: *mut File,
    fmt: *const T,
    args: VaList,
    secure: bool,
    flavor: Flavor,
) -> i32 {
    if f.is_null() || fmt.is_null() {
        fail(crate::errno::EINVAL);
        return EOF;
    }
    let fm = unsafe { crate::conv::text(fmt) };
    let o = opts::<T>(secure, flavor);
    stdio::with_locked(f, || {
        let mut a = VaArgs(args);
        if o.wide {
            scan(&mut WFileInput(f), fm, &mut a, o)
        } else {
            scan(&mut FileInput(f), fm, &mut a, o)
        }
    })
}

fn stdin_m() -> *mut File {
    stdio::stdin_of(stdio::Flavor::Msvcrt)
}

// ---- msvcrt: narrow ------------------------------------------------------------------------

/// sscanf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn sscanf(s: *const u8, fmt: *const u8, args: VaList) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, false, Flavor::Msvcrt) }
}

/// _sscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _sscanf_l(
    s: *const u8,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, false, Flavor::Msvcrt) }
}

/// sscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn sscanf_s(s: *const u8, fmt: *const u8, args: VaList) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, true, Flavor::Msvcrt) }
}

/// _sscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _sscanf_s_l(
    s: *const u8,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, true, Flavor::Msvcrt) }
}

/// _snscanf: at most `len` characters of `s`.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snscanf(
    s: *const u8,
    len: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, false, Flavor::Msvcrt) }
}

/// _snscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snscanf_l(
    s: *const u8,
    len: usize,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, false, Flavor::Msvcrt) }
}

/// _snscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snscanf_s(
    s: *const u8,
    len: usize,
    fmt: *const u8,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, true, Flavor::Msvcrt) }
}

/// _snscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snscanf_s_l(
    s: *const u8,
    len: usize,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, true, Flavor::Msvcrt) }
}

/// fscanf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn fscanf(f: *mut File, fmt: *const u8, args: VaList) -> i32 {
    unsafe { file_scan(f, fmt, args, false, Flavor::Msvcrt) }
}

/// _fscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _fscanf_l(
    f: *mut File,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { file_scan(f, fmt, args, false, Flavor::Msvcrt) }
}

/// fscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn fscanf_s(f: *mut File, fmt: *const u8, args: VaList) -> i32 {
    unsafe { file_scan(f, fmt, args, true, Flavor::Msvcrt) }
}

/// _fscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _fscanf_s_l(
    f: *mut File,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { file_scan(f, fmt, args, true, Flavor::Msvcrt) }
}

/// scanf (msvcrt's stdin).
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn scanf(fmt: *const u8, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, false, Flavor::Msvcrt) }
}

/// _scanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _scanf_l(fmt: *const u8, _locale: usize, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, false, Flavor::Msvcrt) }
}

/// scanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn scanf_s(fmt: *const u8, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, true, Flavor::Msvcrt) }
}

/// _scanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _scanf_s_l(fmt: *const u8, _locale: usize, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, true, Flavor::Msvcrt) }
}

// ---- msvcrt: wide --------------------------------------------------------------------------

/// swscanf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn swscanf(s: *const u16, fmt: *const u16, args: VaList) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, false, Flavor::Msvcrt) }
}

/// _swscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _swscanf_l(
    s: *const u16,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, false, Flavor::Msvcrt) }
}

/// swscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn swscanf_s(s: *const u16, fmt: *const u16, args: VaList) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, true, Flavor::Msvcrt) }
}

/// _swscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _swscanf_s_l(
    s: *const u16,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, usize::MAX, fmt, args, true, Flavor::Msvcrt) }
}

/// _snwscanf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snwscanf(
    s: *const u16,
    len: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, false, Flavor::Msvcrt) }
}

/// _snwscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snwscanf_l(
    s: *const u16,
    len: usize,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, false, Flavor::Msvcrt) }
}

/// _snwscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snwscanf_s(
    s: *const u16,
    len: usize,
    fmt: *const u16,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, true, Flavor::Msvcrt) }
}

/// _snwscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _snwscanf_s_l(
    s: *const u16,
    len: usize,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { str_scan(s, len, fmt, args, true, Flavor::Msvcrt) }
}

/// fwscanf.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn fwscanf(f: *mut File, fmt: *const u16, args: VaList) -> i32 {
    unsafe { file_scan(f, fmt, args, false, Flavor::Msvcrt) }
}

/// _fwscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _fwscanf_l(
    f: *mut File,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { file_scan(f, fmt, args, false, Flavor::Msvcrt) }
}

/// fwscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn fwscanf_s(f: *mut File, fmt: *const u16, args: VaList) -> i32 {
    unsafe { file_scan(f, fmt, args, true, Flavor::Msvcrt) }
}

/// _fwscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _fwscanf_s_l(
    f: *mut File,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { file_scan(f, fmt, args, true, Flavor::Msvcrt) }
}

/// wscanf (msvcrt's stdin).
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn wscanf(fmt: *const u16, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, false, Flavor::Msvcrt) }
}

/// _wscanf_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _wscanf_l(fmt: *const u16, _locale: usize, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, false, Flavor::Msvcrt) }
}

/// wscanf_s.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn wscanf_s(fmt: *const u16, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, true, Flavor::Msvcrt) }
}

/// _wscanf_s_l.
#[export(variadic, only = MSVCRT)]
pub unsafe extern "win64" fn _wscanf_s_l(fmt: *const u16, _locale: usize, args: VaList) -> i32 {
    unsafe { file_scan(stdin_m(), fmt, args, true, Flavor::Msvcrt) }
}

// ---- ucrtbase ------------------------------------------------------------------------------

/// __stdio_common_vsscanf: the UCRT's sscanf/_snscanf (`length` (size_t)-1 for no limit).
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vsscanf(
    options: u64,
    input: *const u8,
    length: usize,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe {
        str_scan(
            input,
            length,
            fmt,
            args,
            options & SCANF_SECURECRT != 0,
            Flavor::Ucrt,
        )
    }
}

/// __stdio_common_vswscanf.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vswscanf(
    options: u64,
    input: *const u16,
    length: usize,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe {
        str_scan(
            input,
            length,
            fmt,
            args,
            options & SCANF_SECURECRT != 0,
            Flavor::Ucrt,
        )
    }
}

/// __stdio_common_vfscanf: the UCRT's fscanf/scanf.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vfscanf(
    options: u64,
    f: *mut File,
    fmt: *const u8,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { file_scan(f, fmt, args, options & SCANF_SECURECRT != 0, Flavor::Ucrt) }
}

/// __stdio_common_vfwscanf.
#[export(only = UCRT)]
pub unsafe extern "win64" fn __stdio_common_vfwscanf(
    options: u64,
    f: *mut File,
    fmt: *const u16,
    _locale: usize,
    args: VaList,
) -> i32 {
    unsafe { file_scan(f, fmt, args, options & SCANF_SECURECRT != 0, Flavor::Ucrt) }
}
