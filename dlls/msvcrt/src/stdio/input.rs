//! Character and block input: _filbuf, fgetc, fgets, fread, ungetc.

use super::*;
use crate::MSVCRT;
use crate::UCRT;
use std::ffi::c_void;

/// _filbuf's work: refill the buffer and return its first byte (EOF at end or error).
///
/// # Safety
/// `f` must be a valid FILE locked by the caller.
pub unsafe fn filbuf(f: *mut File) -> i32 {
    unsafe {
        if (*f).flag & IOSTRG != 0 {
            return EOF;
        }
        if (*f).flag & (IONBF | IOMYBUF | USERBUF) == 0 {
            alloc_buffer(f);
        }
        if (*f).flag & IOREAD == 0 {
            if (*f).flag & IORW != 0 {
                (*f).flag |= IOREAD;
            } else {
                return EOF;
            }
        }
        if (*f).flag & (IOMYBUF | USERBUF) == 0 {
            let mut c = [0u8; 1];
            let r = lowio::read((*f).file, &mut c);
            if r != 1 {
                (*f).flag |= if r == 0 { IOEOF } else { IOERR };
                return EOF;
            }
            return c[0] as i32;
        }
        let buf = std::slice::from_raw_parts_mut((*f).base, (*f).bufsiz as usize);
        let r = lowio::read((*f).file, buf);
        if r <= 0 {
            (*f).flag |= if r == 0 { IOEOF } else { IOERR };
            (*f).cnt = 0;
            return EOF;
        }
        (*f).cnt = r - 1;
        (*f).ptr = (*f).base.add(1);
        *(*f).base as i32
    }
}

/// fgetc without the lock.
///
/// # Safety
/// As [`filbuf`].
pub unsafe fn fgetc_nolock(f: *mut File) -> i32 {
    unsafe {
        if (*f).cnt > 0 {
            (*f).cnt -= 1;
            let c = *(*f).ptr;
            (*f).ptr = (*f).ptr.add(1);
            c as i32
        } else {
            filbuf(f)
        }
    }
}

/// fgetc on a standard stream (for the exports without a FILE argument).
fn get_char(f: *mut File) -> i32 {
    with_locked(f, || unsafe { fgetc_nolock(f) })
}

/// _filbuf: the slow path of the `getc` macro.
#[export]
pub unsafe extern "win64" fn _filbuf(f: *mut File) -> i32 {
    with_locked(f, || unsafe { filbuf(f) })
}

/// fgetc.
#[export]
pub unsafe extern "win64" fn fgetc(f: *mut File) -> i32 {
    with_locked(f, || unsafe { fgetc_nolock(f) })
}

/// getc.
#[export]
pub unsafe extern "win64" fn getc(f: *mut File) -> i32 {
    with_locked(f, || unsafe { fgetc_nolock(f) })
}

/// _fgetc_nolock.
#[export]
pub unsafe extern "win64" fn _fgetc_nolock(f: *mut File) -> i32 {
    unsafe { fgetc_nolock(f) }
}

/// _getc_nolock.
#[export]
pub unsafe extern "win64" fn _getc_nolock(f: *mut File) -> i32 {
    unsafe { fgetc_nolock(f) }
}

/// getchar (msvcrt's stdin).
#[export(name = "getchar", only = MSVCRT)]
pub extern "win64" fn getchar_msvcrt() -> i32 {
    get_char(stdin_of(Flavor::Msvcrt))
}

/// getchar (ucrtbase's stdin).
#[export(name = "getchar", only = UCRT)]
pub extern "win64" fn getchar_ucrt() -> i32 {
    get_char(stdin_of(Flavor::Ucrt))
}

/// _fgetchar (msvcrt's stdin).
#[export(name = "_fgetchar", only = MSVCRT)]
pub extern "win64" fn _fgetchar_msvcrt() -> i32 {
    get_char(stdin_of(Flavor::Msvcrt))
}

/// _fgetchar (ucrtbase's stdin).
#[export(name = "_fgetchar", only = UCRT)]
pub extern "win64" fn _fgetchar_ucrt() -> i32 {
    get_char(stdin_of(Flavor::Ucrt))
}

/// fgets: up to `size - 1` bytes, stopping after a newline; NULL if nothing was read.
#[export]
pub unsafe extern "win64" fn fgets(s: *mut c_void, size: i32, f: *mut File) -> *mut c_void {
    let s = s as *mut u8;
    if s.is_null() || size <= 0 {
        crate::errno::set_errno(crate::errno::EINVAL);
        return std::ptr::null_mut();
    }
    with_locked(f, || unsafe {
        let mut n = 0usize;
        let mut c = EOF;
        while n + 1 < size as usize {
            c = fgetc_nolock(f);
            if c == EOF {
                break;
            }
            *s.add(n) = c as u8;
            n += 1;
            if c == b'\n' as i32 {
                break;
            }
        }
        if c == EOF && n == 0 && size > 1 {
            return std::ptr::null_mut();
        }
        *s.add(n) = 0;
        s as *mut c_void
    })
}

/// fread: the number of whole elements read.
#[export]
pub unsafe extern "win64" fn fread(
    p: *mut c_void,
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
    let out = unsafe { std::slice::from_raw_parts_mut(p as *mut u8, total) };
    with_locked(f, || unsafe {
        let mut n = 0;
        while n < total {
            if (*f).cnt > 0 {
                let k = ((*f).cnt as usize).min(total - n);
                std::ptr::copy_nonoverlapping((*f).ptr, out.as_mut_ptr().add(n), k);
                (*f).cnt -= k as i32;
                (*f).ptr = (*f).ptr.add(k);
                n += k;
                continue;
            }
            let c = filbuf(f);
            if c == EOF {
                break;
            }
            out[n] = c as u8;
            n += 1;
        }
        n / size
    })
}

/// ungetc: push one byte back (it is returned by the next read).
#[export]
pub unsafe extern "win64" fn ungetc(c: i32, f: *mut File) -> i32 {
    if c == EOF || f.is_null() {
        return EOF;
    }
    with_locked(f, || unsafe {
        if (*f).flag & (IONBF | IOMYBUF | USERBUF) == 0 {
            alloc_buffer(f);
            if (*f).base.is_null() {
                // stdin on a terminal has no buffer yet: give it one for the pushed-back byte.
                let b = crate::heap::alloc(INTERNAL_BUFSIZ as usize) as *mut u8;
                if b.is_null() {
                    return EOF;
                }
                (*f).base = b;
                (*f).ptr = b;
                (*f).bufsiz = INTERNAL_BUFSIZ;
                (*f).flag |= IOMYBUF;
            }
        }
        if (*f).ptr > (*f).base {
            (*f).ptr = (*f).ptr.sub(1);
        } else if (*f).cnt == 0 {
            (*f).ptr = (*f).base;
        } else {
            return EOF;
        }
        *(*f).ptr = c as u8;
        (*f).cnt += 1;
        (*f).flag &= !IOEOF;
        if (*f).flag & IORW != 0 {
            (*f).flag |= IOREAD;
        }
        c & 0xff
    })
}
