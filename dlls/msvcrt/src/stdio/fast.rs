//! The inline fast paths of the per-character and small-record exports (fputc, fgetc, fwrite,
//! fread): when the stream is one of the static arrays and its buffer has room (or data), the
//! export locks, copies and unlocks without calling a System V function, so that it need not
//! save XMM6-15 (see the note in syscall-shims' `sync`); everything else goes to the general
//! path, an out-of-line Microsoft-ABI function.
//!
//! While the process has a single thread (`syscall_shims::sync::single_threaded`), fputc and
//! fgetc skip the lock altogether: nothing else can hold it, and the buffered paths start no
//! thread. A program's own `_lock_file` around the call is a recursive hold by this thread,
//! which the skipped lock would have let through anyway.

use super::{File, IOB_ENTRIES, STREAM_LOCKS, Slot, UCRT_LOCKS, slot};
use crate::lock::{RLock, crt_lock};

/// The largest record copied inline.
pub const SMALL: usize = 32;

/// The lock of a static stream (msvcrt's or ucrtbase's arrays), if `f` is one.
#[inline(always)]
pub fn static_lock(f: *mut File) -> Option<&'static RLock> {
    match slot(f) {
        Slot::Msvcrt(i) => crt_lock(STREAM_LOCKS + i),
        Slot::Ucrt(i) if i < IOB_ENTRIES => Some(&UCRT_LOCKS[i]),
        _ => None,
    }
}

/// Copy `n <= SMALL` bytes without a call to memcpy.
///
/// # Safety
/// Both ranges valid for `n` bytes and not overlapping.
#[inline(always)]
pub unsafe fn small_copy(dst: *mut u8, src: *const u8, n: usize) {
    // SAFETY: per the contract; unaligned 8-byte accesses inside the ranges.
    unsafe {
        let mut i = 0;
        while i + 8 <= n {
            (dst.add(i) as *mut u64).write_unaligned((src.add(i) as *const u64).read_unaligned());
            i += 8;
        }
        while i < n {
            // A volatile byte copy: a plain loop here may be turned back into a memcpy call.
            dst.add(i).write_volatile(src.add(i).read());
            i += 1;
        }
    }
}

/// fputc's fast path: the byte fits in the buffer and is not '\n' (which flushes). None: take
/// the general path.
///
/// # Safety
/// `f` a FILE of ours, locked by the caller.
#[inline(always)]
pub unsafe fn put_buffered(c: i32, f: *mut File) -> Option<i32> {
    // SAFETY: per the contract.
    unsafe {
        if (*f).cnt > 0 && c as u8 != b'\n' {
            *(*f).ptr = c as u8;
            (*f).ptr = (*f).ptr.add(1);
            (*f).cnt -= 1;
            Some(c & 0xff)
        } else {
            None
        }
    }
}

/// fgetc's fast path: a byte from the buffer.
///
/// # Safety
/// As [`put_buffered`].
#[inline(always)]
pub unsafe fn get_buffered(f: *mut File) -> Option<i32> {
    // SAFETY: per the contract.
    unsafe {
        if (*f).cnt > 0 {
            (*f).cnt -= 1;
            let c = *(*f).ptr;
            (*f).ptr = (*f).ptr.add(1);
            Some(c as i32)
        } else {
            None
        }
    }
}

/// fwrite's fast path: `n <= SMALL` bytes that fit in the buffer.
///
/// # Safety
/// As [`put_buffered`]; `p` valid for `n` bytes.
#[inline(always)]
pub unsafe fn write_buffered(p: *const u8, n: usize, f: *mut File) -> bool {
    // SAFETY: per the contract.
    unsafe {
        if n <= SMALL && (*f).cnt >= n as i32 && !(*f).ptr.is_null() {
            small_copy((*f).ptr, p, n);
            (*f).ptr = (*f).ptr.add(n);
            (*f).cnt -= n as i32;
            true
        } else {
            false
        }
    }
}

/// fread's fast path: `n <= SMALL` bytes that are all in the buffer.
///
/// # Safety
/// As [`write_buffered`].
#[inline(always)]
pub unsafe fn read_buffered(p: *mut u8, n: usize, f: *mut File) -> bool {
    // SAFETY: per the contract.
    unsafe {
        if n <= SMALL && (*f).cnt >= n as i32 && !(*f).ptr.is_null() {
            small_copy(p, (*f).ptr, n);
            (*f).ptr = (*f).ptr.add(n);
            (*f).cnt -= n as i32;
            true
        } else {
            false
        }
    }
}
