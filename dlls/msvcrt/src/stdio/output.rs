//! Character and block output: fputc, fputs, puts, fwrite, fflush and their wide forms.
//! Exports writing to "stdout" exist once per DLL: each CRT has its own stdout.

use super::input::{ansi_text, wide_to_mb};
use super::*;
use crate::MSVCRT;
use crate::UCRT;
use std::ffi::c_void;

/// _flsbuf: the slow path of the `putc` macro.
#[export]
pub unsafe extern "win64" fn _flsbuf(c: i32, f: *mut File) -> i32 {
    with_locked(f, || unsafe { flsbuf(c, f) })
}

/// fputc.
#[export]
pub unsafe extern "win64" fn fputc(c: i32, f: *mut File) -> i32 {
    // Alone in the process, a stream lock has no one to exclude: a byte that fits the buffer
    // is stored without taking it (see `stdio::fast`). Otherwise one call to a Microsoft-ABI
    // function.
    if !f.is_null() && syscall_shims::sync::single_threaded() {
        // SAFETY: a FILE of ours; no other thread can touch it.
        if let Some(r) = unsafe { crate::stdio::fast::put_buffered(c, f) } {
            return r;
        }
    }
    unsafe { fputc_impl(c, f) }
}

/// The body of [`fputc`].
#[inline(never)]
unsafe extern "win64" fn fputc_impl(c: i32, f: *mut File) -> i32 {
    if let Some(l) = crate::stdio::fast::static_lock(f) {
        l.lock();
        // SAFETY: a static stream, locked.
        let r = match unsafe { crate::stdio::fast::put_buffered(c, f) } {
            Some(r) => r,
            None => unsafe { fputc_nolock_w64(c, f) },
        };
        l.unlock();
        return r;
    }
    unsafe { fputc_locked_w64(c, f) }
}

/// fputc's general path, out of line (a Microsoft-ABI function: see `stdio::fast`).
#[inline(never)]
unsafe extern "win64" fn fputc_nolock_w64(c: i32, f: *mut File) -> i32 {
    unsafe { fputc_nolock(c, f) }
}

/// fputc on a stream that is not in the static arrays.
#[inline(never)]
unsafe extern "win64" fn fputc_locked_w64(c: i32, f: *mut File) -> i32 {
    with_locked(f, || unsafe { fputc_nolock(c, f) })
}

/// putc.
#[export]
pub unsafe extern "win64" fn putc(c: i32, f: *mut File) -> i32 {
    with_locked(f, || unsafe { fputc_nolock(c, f) })
}

/// _fputc_nolock.
#[export]
pub unsafe extern "win64" fn _fputc_nolock(c: i32, f: *mut File) -> i32 {
    unsafe { fputc_nolock(c, f) }
}

/// _putc_nolock.
#[export]
pub unsafe extern "win64" fn _putc_nolock(c: i32, f: *mut File) -> i32 {
    unsafe { fputc_nolock(c, f) }
}

/// putchar (msvcrt's stdout).
#[export(name = "putchar", only = MSVCRT)]
pub extern "win64" fn putchar_msvcrt(c: i32) -> i32 {
    put_char(c, stdout_of(Flavor::Msvcrt))
}

/// putchar (ucrtbase's stdout).
#[export(name = "putchar", only = UCRT)]
pub extern "win64" fn putchar_ucrt(c: i32) -> i32 {
    put_char(c, stdout_of(Flavor::Ucrt))
}

/// _fputchar (msvcrt's stdout).
#[export(name = "_fputchar", only = MSVCRT)]
pub extern "win64" fn _fputchar_msvcrt(c: i32) -> i32 {
    put_char(c, stdout_of(Flavor::Msvcrt))
}

/// _fputchar (ucrtbase's stdout).
#[export(name = "_fputchar", only = UCRT)]
pub extern "win64" fn _fputchar_ucrt(c: i32) -> i32 {
    put_char(c, stdout_of(Flavor::Ucrt))
}

/// fputc on a standard stream (for the exports without a FILE argument).
fn put_char(c: i32, f: *mut File) -> i32 {
    with_locked(f, || unsafe { fputc_nolock(c, f) })
}

/// fputwc on a standard stream.
fn put_wchar(c: u16, f: *mut File) -> u32 {
    with_locked(f, || unsafe { fputwc_nolock(c, f) })
}

/// Write bytes to a stream as one call (temporary buffer on a terminal). Returns bytes written.
///
/// # Safety
/// `f` must be a valid FILE.
pub unsafe fn write_locked(f: *mut File, data: &[u8]) -> usize {
    with_locked(f, || unsafe {
        with_std_buffer(f, || fwrite_nolock(data, f))
    })
}

/// fputs: 0, or EOF on error.
#[export]
pub unsafe extern "win64" fn fputs(s: *const u8, f: *mut File) -> i32 {
    let b = unsafe { dllcore::strings::cstr(s) }.unwrap_or(&[]);
    if unsafe { write_locked(f, b) } == b.len() {
        0
    } else {
        EOF
    }
}

unsafe fn puts_to(f: *mut File, s: *const u8) -> i32 {
    let b = unsafe { dllcore::strings::cstr(s) }.unwrap_or(&[]);
    with_locked(f, || unsafe {
        with_std_buffer(f, || {
            if fwrite_nolock(b, f) != b.len() || fwrite_nolock(b"\n", f) != 1 {
                EOF
            } else {
                0
            }
        })
    })
}

/// puts (msvcrt's stdout): the string and a newline.
#[export(name = "puts", only = MSVCRT)]
pub unsafe extern "win64" fn puts_msvcrt(s: *const u8) -> i32 {
    unsafe { puts_to(stdout_of(Flavor::Msvcrt), s) }
}

/// puts (ucrtbase's stdout).
#[export(name = "puts", only = UCRT)]
pub unsafe extern "win64" fn puts_ucrt(s: *const u8) -> i32 {
    unsafe { puts_to(stdout_of(Flavor::Ucrt), s) }
}

/// fwrite: the number of whole elements written.
#[export]
pub unsafe extern "win64" fn fwrite(
    p: *const c_void,
    size: usize,
    count: usize,
    f: *mut File,
) -> usize {
    // The body is one call to a Microsoft-ABI function (see `stdio::fast`).
    unsafe { fwrite_impl(p, size, count, f) }
}

/// The body of [`fwrite`].
#[inline(never)]
unsafe extern "win64" fn fwrite_impl(p: *const c_void, size: usize, count: usize, f: *mut File) -> usize {
    let Some(total) = size.checked_mul(count) else {
        return 0;
    };
    if total == 0 {
        return 0;
    }
    if total <= crate::stdio::fast::SMALL
        && let Some(l) = crate::stdio::fast::static_lock(f)
    {
        l.lock();
        // SAFETY: a static stream, locked; the program passes `total` bytes.
        let done = unsafe { crate::stdio::fast::write_buffered(p as *const u8, total, f) };
        l.unlock();
        if done {
            return count;
        }
    }
    unsafe { fwrite_w64(p as *const u8, size, total, f) }
}

/// fwrite's general path, out of line (see `stdio::fast`); whole elements written.
#[inline(never)]
unsafe extern "win64" fn fwrite_w64(p: *const u8, size: usize, total: usize, f: *mut File) -> usize {
    let data = unsafe { std::slice::from_raw_parts(p, total) };
    unsafe { write_locked(f, data) / size }
}

/// _fwrite_nolock.
#[export]
pub unsafe extern "win64" fn _fwrite_nolock(
    p: *const c_void,
    size: usize,
    count: usize,
    f: *mut File,
) -> usize {
    let Some(total) = size.checked_mul(count) else {
        return 0;
    };
    if total == 0 {
        return 0;
    }
    let data = unsafe { std::slice::from_raw_parts(p as *const u8, total) };
    unsafe { fwrite_nolock(data, f) / size }
}

/// fflush: one stream, or every output stream for NULL.
#[export]
pub unsafe extern "win64" fn fflush(f: *mut File) -> i32 {
    if f.is_null() {
        flush_all(IOWRT);
        return 0;
    }
    with_locked(f, || unsafe { fflush_nolock(f) })
}

/// _fflush_nolock.
#[export]
pub unsafe extern "win64" fn _fflush_nolock(f: *mut File) -> i32 {
    if f.is_null() {
        flush_all(IOWRT);
        return 0;
    }
    unsafe { fflush_nolock(f) }
}

/// _flushall: flush every stream (buffered input is dropped); returns how many.
#[export]
pub extern "win64" fn _flushall() -> i32 {
    flush_all(IOWRT | IOREAD)
}

// ---- wide output ---------------------------------------------------------------------------

/// fputwc without the lock. On an ANSI text-mode fd the character goes out as the locale's
/// multibyte character (in the "C" locale only 0-0xff exist; others are EILSEQ and WEOF);
/// otherwise as its two bytes (a Unicode text fd converts them when writing).
///
/// # Safety
/// `f` must be a valid FILE, locked by the caller.
pub unsafe fn fputwc_nolock(c: u16, f: *mut File) -> u32 {
    let b = if unsafe { ansi_text(f) } {
        match wide_to_mb(c) {
            Some(b) => b,
            None => {
                crate::errno::set_errno(crate::errno::EILSEQ);
                return WEOF;
            }
        }
    } else {
        c.to_le_bytes().to_vec()
    };
    if unsafe { fwrite_nolock(&b, f) } == b.len() {
        c as u32
    } else {
        WEOF
    }
}

/// Write UTF-16 text to a stream as one call (a temporary buffer on a terminal): the raw
/// units on a binary fd, else character by character as `fputwc` does, stopping at the first
/// that cannot be written. Returns whether all of it was written.
///
/// # Safety
/// `f` must be a valid FILE.
pub unsafe fn write_wide_locked(f: *mut File, units: &[u16]) -> bool {
    let fd = unsafe { (*f).file };
    if !lowio::info(fd).is_some_and(|i| i.is_text()) {
        let b: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        return unsafe { write_locked(f, &b) } == b.len();
    }
    with_locked(f, || unsafe {
        with_std_buffer(f, || units.iter().all(|&u| fputwc_nolock(u, f) != WEOF))
    })
}

/// fputwc.
#[export]
pub unsafe extern "win64" fn fputwc(c: u16, f: *mut File) -> u32 {
    with_locked(f, || unsafe { fputwc_nolock(c, f) })
}

/// putwc.
#[export]
pub unsafe extern "win64" fn putwc(c: u16, f: *mut File) -> u32 {
    with_locked(f, || unsafe { fputwc_nolock(c, f) })
}

/// _fputwc_nolock.
#[export]
pub unsafe extern "win64" fn _fputwc_nolock(c: u16, f: *mut File) -> u32 {
    unsafe { fputwc_nolock(c, f) }
}

/// _putwc_nolock.
#[export]
pub unsafe extern "win64" fn _putwc_nolock(c: u16, f: *mut File) -> u32 {
    unsafe { fputwc_nolock(c, f) }
}

/// putwchar / _fputwchar (msvcrt's stdout).
#[export(name = "putwchar", only = MSVCRT)]
pub extern "win64" fn putwchar_msvcrt(c: u16) -> u32 {
    put_wchar(c, stdout_of(Flavor::Msvcrt))
}

/// putwchar (ucrtbase's stdout).
#[export(name = "putwchar", only = UCRT)]
pub extern "win64" fn putwchar_ucrt(c: u16) -> u32 {
    put_wchar(c, stdout_of(Flavor::Ucrt))
}

/// _fputwchar (msvcrt's stdout).
#[export(name = "_fputwchar", only = MSVCRT)]
pub extern "win64" fn _fputwchar_msvcrt(c: u16) -> u32 {
    put_wchar(c, stdout_of(Flavor::Msvcrt))
}

/// _fputwchar (ucrtbase's stdout).
#[export(name = "_fputwchar", only = UCRT)]
pub extern "win64" fn _fputwchar_ucrt(c: u16) -> u32 {
    put_wchar(c, stdout_of(Flavor::Ucrt))
}

/// fputws: 0, or WEOF (what came before the failing character is written).
#[export]
pub unsafe extern "win64" fn fputws(s: *const u16, f: *mut File) -> i32 {
    let w = unsafe { dllcore::strings::wstr(s) }.unwrap_or(&[]);
    if unsafe { write_wide_locked(f, w) } {
        0
    } else {
        WEOF as i32
    }
}

unsafe fn putws_to(f: *mut File, s: *const u16) -> i32 {
    let mut w = unsafe { dllcore::strings::wstr(s) }.unwrap_or(&[]).to_vec();
    w.push(b'\n' as u16);
    if unsafe { write_wide_locked(f, &w) } {
        0
    } else {
        WEOF as i32
    }
}

/// _putws (msvcrt's stdout).
#[export(name = "_putws", only = MSVCRT)]
pub unsafe extern "win64" fn _putws_msvcrt(s: *const u16) -> i32 {
    unsafe { putws_to(stdout_of(Flavor::Msvcrt), s) }
}

/// _putws (ucrtbase's stdout).
#[export(name = "_putws", only = UCRT)]
pub unsafe extern "win64" fn _putws_ucrt(s: *const u16) -> i32 {
    unsafe { putws_to(stdout_of(Flavor::Ucrt), s) }
}

/// _putw: an int as its 4 bytes; the int, or EOF.
#[export]
pub unsafe extern "win64" fn _putw(val: i32, f: *mut File) -> i32 {
    let b = val.to_le_bytes();
    with_locked(f, || unsafe {
        if fwrite_nolock(&b, f) == 4 {
            val
        } else {
            (*f).flag |= IOERR;
            EOF
        }
    })
}
