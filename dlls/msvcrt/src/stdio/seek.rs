//! stdio.h: stream positions (`fseek`, `ftell`, `_fseeki64`, `_ftelli64`, `fgetpos`,
//! `fsetpos`, `rewind`).
//!
//! `ftell` is computed as msvcrt does, from the fd's position and the buffer: pending output
//! counts each "\n" twice in text mode (it becomes "\r\n"); buffered input is subtracted from
//! the position at which the buffer was filled, adding one for each "\n" already consumed
//! (it was "\r\n" in the file). Seeking writes pending output, drops buffered input and
//! clears the end-of-file flag.

use super::lowio::{self, WX_READNL, WX_TEXT};
use super::*;

/// _ftelli64 without the lock.
///
/// # Safety
/// `f` must be a valid FILE.
pub unsafe fn ftelli64_nolock(f: *mut File) -> i64 {
    unsafe {
        let fd = (*f).file;
        let mut pos = lowio::lseek(fd, 0, 1);
        if pos == -1 {
            return -1;
        }
        if (*f).flag & (IOMYBUF | USERBUF) == 0 {
            return pos;
        }
        let wx = lowio::info(fd).map_or(0, |i| i.wxflag);
        let text = wx & WX_TEXT != 0;
        let newlines = |from: *const u8, n: isize| -> i64 {
            if !text || n <= 0 {
                return 0;
            }
            std::slice::from_raw_parts(from, n as usize)
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as i64
        };
        let used = (*f).ptr.offset_from((*f).base);
        if (*f).flag & IOWRT != 0 {
            pos += used as i64 + newlines((*f).base, used);
        } else if (*f).cnt == 0 {
        } else if lowio::lseek(fd, 0, 2) == pos {
            pos -= (*f).cnt as i64 + newlines((*f).ptr, (*f).cnt as isize);
        } else {
            if lowio::lseek(fd, pos, 0) != pos {
                return -1;
            }
            pos -= (*f).bufsiz as i64;
            pos += used as i64;
            if text {
                if wx & WX_READNL != 0 {
                    pos -= 1;
                }
                pos += newlines((*f).base, used);
            }
        }
        pos
    }
}

/// _fseeki64 without the lock.
///
/// # Safety
/// `f` must be a valid FILE.
pub unsafe fn fseeki64_nolock(f: *mut File, offset: i64, whence: i32) -> i32 {
    unsafe {
        let (mut offset, mut whence) = (offset, whence);
        if whence == 1 && (*f).flag & IOREAD != 0 {
            let cur = ftelli64_nolock(f);
            if cur < 0 {
                return -1;
            }
            whence = 0;
            offset += cur;
        }
        flush_buffer(f);
        if (*f).flag & IORW != 0 {
            (*f).flag &= !(IOREAD | IOWRT);
        }
        (*f).flag &= !IOEOF;
        if lowio::lseek((*f).file, offset, whence) == -1 {
            -1
        } else {
            0
        }
    }
}

fn check(f: *mut File) -> bool {
    if f.is_null() {
        crate::invalid::fail(crate::errno::EINVAL);
        return false;
    }
    true
}

/// _fseeki64: move the stream to `offset` from the start (0), the current position (1) or
/// the end (2); 0 or -1.
#[export]
pub unsafe extern "win64" fn _fseeki64(f: *mut File, offset: i64, whence: i32) -> i32 {
    if !check(f) {
        return -1;
    }
    with_locked(f, || unsafe { fseeki64_nolock(f, offset, whence) })
}

/// _fseeki64_nolock.
#[export]
pub unsafe extern "win64" fn _fseeki64_nolock(f: *mut File, offset: i64, whence: i32) -> i32 {
    if !check(f) {
        return -1;
    }
    unsafe { fseeki64_nolock(f, offset, whence) }
}

/// fseek.
#[export]
pub unsafe extern "win64" fn fseek(f: *mut File, offset: i32, whence: i32) -> i32 {
    unsafe { _fseeki64(f, offset as i64, whence) }
}

/// _fseek_nolock.
#[export]
pub unsafe extern "win64" fn _fseek_nolock(f: *mut File, offset: i32, whence: i32) -> i32 {
    unsafe { _fseeki64_nolock(f, offset as i64, whence) }
}

/// _ftelli64: the stream's position, or -1.
#[export]
pub unsafe extern "win64" fn _ftelli64(f: *mut File) -> i64 {
    if !check(f) {
        return -1;
    }
    with_locked(f, || unsafe { ftelli64_nolock(f) })
}

/// _ftelli64_nolock.
#[export]
pub unsafe extern "win64" fn _ftelli64_nolock(f: *mut File) -> i64 {
    if !check(f) {
        return -1;
    }
    unsafe { ftelli64_nolock(f) }
}

/// ftell (a 32-bit position).
#[export]
pub unsafe extern "win64" fn ftell(f: *mut File) -> i32 {
    unsafe { _ftelli64(f) as i32 }
}

/// _ftell_nolock.
#[export]
pub unsafe extern "win64" fn _ftell_nolock(f: *mut File) -> i32 {
    unsafe { _ftelli64_nolock(f) as i32 }
}

/// fgetpos: the position (an `fpos_t`, 64 bits) through `pos`; 0 or -1.
#[export]
pub unsafe extern "win64" fn fgetpos(f: *mut File, pos: *mut i64) -> i32 {
    if pos.is_null() {
        crate::invalid::fail(crate::errno::EINVAL);
        return -1;
    }
    let p = unsafe { _ftelli64(f) };
    unsafe { *pos = p };
    if p == -1 { -1 } else { 0 }
}

/// fsetpos: go back to a position from `fgetpos`; 0 or -1.
#[export]
pub unsafe extern "win64" fn fsetpos(f: *mut File, pos: *const i64) -> i32 {
    if !check(f) || pos.is_null() {
        crate::invalid::fail(crate::errno::EINVAL);
        return -1;
    }
    with_locked(f, || unsafe {
        flush_buffer(f);
        if (*f).flag & IORW != 0 {
            (*f).flag &= !(IOREAD | IOWRT);
        }
        (*f).flag &= !IOEOF;
        if lowio::lseek((*f).file, *pos, 0) == -1 {
            -1
        } else {
            0
        }
    })
}

/// rewind: to the start, clearing the error and end-of-file flags.
#[export]
pub unsafe extern "win64" fn rewind(f: *mut File) {
    if !check(f) {
        return;
    }
    with_locked(f, || unsafe {
        fseeki64_nolock(f, 0, 0);
        (*f).flag &= !(IOERR | IOEOF);
    })
}
