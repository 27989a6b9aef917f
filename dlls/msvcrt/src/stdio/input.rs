//! Character and block input: `_filbuf`, `fgetc`, `fgets`, `fread`, `ungetc`, `gets`, and the
//! wide forms (`fgetwc`, `fgetws`, `ungetwc`, `_getws`).
//!
//! Wide input depends on the fd: on a binary fd or a Unicode text fd (`_O_U16TEXT`,
//! `_O_U8TEXT`, "ccs=") a wide character is the next two bytes of the stream (the fd has
//! already turned UTF-8 into UTF-16 units); on an ANSI text fd it is the next multibyte
//! character of the locale's code page (in the "C" locale one byte is one character).

use super::lowio::{self, WX_ATEOF};
use super::*;
use crate::errno::{EINVAL, ERANGE, set_errno};
use crate::invalid::{fail, invalid_parameter};
use crate::{MSVCRT, UCRT};
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
    // As fputc: single-threaded, a buffered byte is taken without the lock.
    if !f.is_null() && syscall_shims::sync::single_threaded() {
        // SAFETY: a FILE of ours; no other thread can touch it.
        if let Some(r) = unsafe { crate::stdio::fast::get_buffered(f) } {
            return r;
        }
    }
    unsafe { fgetc_impl(f) }
}

/// The body of [`fgetc`].
#[inline(never)]
unsafe extern "win64" fn fgetc_impl(f: *mut File) -> i32 {
    if f.is_null() {
        return null_stream(EOF as isize) as i32;
    }
    if let Some(l) = crate::stdio::fast::static_lock(f) {
        l.lock();
        // SAFETY: a static stream, locked.
        let r = match unsafe { crate::stdio::fast::get_buffered(f) } {
            Some(r) => r,
            None => unsafe { filbuf_w64(f) },
        };
        l.unlock();
        return r;
    }
    unsafe { fgetc_locked_w64(f) }
}

/// A null argument: the invalid-parameter handler, EINVAL, and `ret` (out of line, for the
/// fast paths: see `stdio::fast`).
#[cold]
#[inline(never)]
extern "win64" fn null_stream(ret: isize) -> isize {
    fail(EINVAL);
    ret
}

/// fgetc's general path, out of line (a Microsoft-ABI function: see `stdio::fast`).
#[inline(never)]
unsafe extern "win64" fn filbuf_w64(f: *mut File) -> i32 {
    unsafe { filbuf(f) }
}

/// fgetc on a stream that is not in the static arrays.
#[inline(never)]
unsafe extern "win64" fn fgetc_locked_w64(f: *mut File) -> i32 {
    with_locked(f, || unsafe { fgetc_nolock(f) })
}

/// getc.
#[export]
pub unsafe extern "win64" fn getc(f: *mut File) -> i32 {
    unsafe { fgetc(f) }
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
    if s.is_null() || size < 0 || f.is_null() {
        fail(EINVAL);
        return std::ptr::null_mut();
    }
    if size <= 1 {
        // No room for a character: nothing is read, and NULL says so.
        return std::ptr::null_mut();
    }
    let max = size as usize - 1;
    with_locked(f, || unsafe {
        let mut n = 0usize;
        let mut eof = false;
        while n < max {
            if (*f).cnt > 0 {
                // Whole runs from the buffer, up to and including a '\n'.
                let avail = ((*f).cnt as usize).min(max - n);
                let nl = libc::memchr((*f).ptr as *const c_void, b'\n' as i32, avail);
                let k = if nl.is_null() { avail } else { nl as usize - (*f).ptr as usize + 1 };
                std::ptr::copy_nonoverlapping((*f).ptr, s.add(n), k);
                (*f).ptr = (*f).ptr.add(k);
                (*f).cnt -= k as i32;
                n += k;
                if !nl.is_null() {
                    break;
                }
                continue;
            }
            let c = filbuf(f);
            if c == EOF {
                eof = true;
                break;
            }
            *s.add(n) = c as u8;
            n += 1;
            if c == b'\n' as i32 {
                break;
            }
        }
        if eof && n == 0 {
            return std::ptr::null_mut();
        }
        *s.add(n) = 0;
        s as *mut c_void
    })
}

/// fread without the lock: whole elements read (see Wine's and msvcrt's rules: buffered
/// data first, then a buffer refill for small reads, direct reads for big ones).
///
/// # Safety
/// As [`filbuf`]; `p` holds `size * count` bytes.
pub unsafe fn fread_nolock(p: *mut u8, size: usize, count: usize, f: *mut File) -> usize {
    let Some(total) = size.checked_mul(count) else {
        return 0;
    };
    if total == 0 {
        return 0;
    }
    unsafe {
        let mut out = p;
        let mut left = total;
        let mut done = 0usize;
        if (*f).cnt > 0 {
            let k = ((*f).cnt as usize).min(left);
            std::ptr::copy_nonoverlapping((*f).ptr, out, k);
            (*f).cnt -= k as i32;
            (*f).ptr = (*f).ptr.add(k);
            done += k;
            left -= k;
            out = out.add(k);
        } else if (*f).flag & IOREAD == 0 {
            if (*f).flag & IORW != 0 {
                (*f).flag |= IOREAD;
            } else {
                return 0;
            }
        }
        if left > 0 && (*f).flag & (IONBF | IOMYBUF | USERBUF) == 0 {
            alloc_buffer(f);
        }
        let fd = (*f).file;
        while left > 0 {
            let bufsiz = if (*f).bufsiz > 0 {
                (*f).bufsiz as usize
            } else {
                INTERNAL_BUFSIZ as usize
            };
            let i: i32;
            if (*f).cnt == 0
                && left < (*f).bufsiz.max(0) as usize
                && (*f).flag & (IOMYBUF | USERBUF) != 0
            {
                let buf = std::slice::from_raw_parts_mut((*f).base, (*f).bufsiz as usize);
                let r = lowio::read(fd, buf);
                (*f).ptr = (*f).base;
                let mut take = r;
                if r != -1 {
                    (*f).cnt = r;
                    take = r.min(left as i32);
                }
                // The refill reached the end of file, but this read did not: not at EOF yet.
                if take > 0 && take < (*f).cnt {
                    lowio::update(fd, |x| x.wxflag &= !WX_ATEOF);
                    (*f).flag &= !IOEOF;
                }
                if take > 0 {
                    std::ptr::copy_nonoverlapping((*f).ptr, out, take as usize);
                    (*f).cnt -= take;
                    (*f).ptr = (*f).ptr.add(take as usize);
                }
                i = take;
            } else {
                let n = if left > i32::MAX as usize {
                    i32::MAX as usize
                } else if left < bufsiz {
                    left
                } else {
                    left - left % bufsiz
                };
                i = lowio::read(fd, std::slice::from_raw_parts_mut(out, n));
            }
            if i > 0 {
                done += i as usize;
                left -= i as usize;
                out = out.add(i as usize);
            }
            if lowio::info(fd).is_some_and(|x| x.wxflag & WX_ATEOF != 0) {
                (*f).flag |= IOEOF;
            } else if i == -1 {
                (*f).flag |= IOERR;
                return 0;
            } else if i == 0 {
                (*f).flag |= IOEOF;
            }
            if i < 1 {
                break;
            }
        }
        done / size
    }
}

/// fread: the number of whole elements read.
#[export]
pub unsafe extern "win64" fn fread(
    p: *mut c_void,
    size: usize,
    count: usize,
    f: *mut File,
) -> usize {
    // The body is one call to a Microsoft-ABI function (see `stdio::fast`).
    unsafe { fread_impl(p, size, count, f) }
}

/// The body of [`fread`].
#[inline(never)]
unsafe extern "win64" fn fread_impl(p: *mut c_void, size: usize, count: usize, f: *mut File) -> usize {
    if f.is_null() || (p.is_null() && size != 0 && count != 0) {
        return null_stream(0) as usize;
    }
    if let Some(total) = size.checked_mul(count)
        && total != 0
        && total <= crate::stdio::fast::SMALL
        && let Some(l) = crate::stdio::fast::static_lock(f)
    {
        l.lock();
        // SAFETY: a static stream, locked; the program passes room for `total` bytes.
        let done = unsafe { crate::stdio::fast::read_buffered(p as *mut u8, total, f) };
        l.unlock();
        if done {
            return count;
        }
    }
    unsafe { fread_w64(p as *mut u8, size, count, f) }
}

/// fread's general path, out of line (see `stdio::fast`).
#[inline(never)]
unsafe extern "win64" fn fread_w64(p: *mut u8, size: usize, count: usize, f: *mut File) -> usize {
    with_locked(f, || unsafe { fread_nolock(p, size, count, f) })
}

/// _fread_nolock.
#[export]
pub unsafe extern "win64" fn _fread_nolock(
    p: *mut c_void,
    size: usize,
    count: usize,
    f: *mut File,
) -> usize {
    unsafe { fread_nolock(p as *mut u8, size, count, f) }
}

/// `fread_s` without the lock: as fread, but never more than `buf_size` bytes (ERANGE, and
/// the buffer cleared, if the data does not fit).
unsafe fn fread_s_nolock(
    buf: *mut u8,
    buf_size: usize,
    elem: usize,
    count: usize,
    f: *mut File,
) -> usize {
    if elem == 0 || count == 0 {
        return 0;
    }
    if buf.is_null() || usize::MAX / count < elem {
        fail(EINVAL);
        return 0;
    }
    let mut left = elem * count;
    let mut pos = 0usize;
    let range = |buf: *mut u8| {
        unsafe { std::ptr::write_bytes(buf, 0, buf_size) };
        fail(ERANGE);
        0
    };
    unsafe {
        while left > 0 {
            if (*f).cnt > 0 {
                let n = left.min((*f).cnt as usize);
                if n > buf_size - pos {
                    return range(buf);
                }
                fread_nolock(buf.add(pos), 1, n, f);
                pos += n;
                left -= n;
            } else {
                let c = filbuf(f);
                if c == EOF {
                    break;
                }
                if pos == buf_size {
                    return range(buf);
                }
                *buf.add(pos) = c as u8;
                pos += 1;
                left -= 1;
            }
        }
    }
    pos / elem
}

/// fread_s.
#[export]
pub unsafe extern "win64" fn fread_s(
    buf: *mut c_void,
    buf_size: usize,
    elem: usize,
    count: usize,
    f: *mut File,
) -> usize {
    if f.is_null() {
        if !buf.is_null() && buf_size > 0 {
            unsafe { std::ptr::write_bytes(buf as *mut u8, 0, buf_size) };
        }
        fail(EINVAL);
        return 0;
    }
    with_locked(f, || unsafe {
        fread_s_nolock(buf as *mut u8, buf_size, elem, count, f)
    })
}

/// _fread_nolock_s.
#[export]
pub unsafe extern "win64" fn _fread_nolock_s(
    buf: *mut c_void,
    buf_size: usize,
    elem: usize,
    count: usize,
    f: *mut File,
) -> usize {
    unsafe { fread_s_nolock(buf as *mut u8, buf_size, elem, count, f) }
}

/// ungetc without the lock: push `c` back into the buffer (the next read returns it as a
/// byte); returns `c` itself, as Wine 8 does. EOF if it cannot (no room, a write stream, or
/// `c` is EOF).
///
/// # Safety
/// As [`filbuf`].
pub unsafe fn ungetc_nolock(c: i32, f: *mut File) -> i32 {
    unsafe {
        if c == EOF
            || !((*f).flag & IOREAD != 0 || ((*f).flag & IORW != 0 && (*f).flag & IOWRT == 0))
        {
            return EOF;
        }
        if ((*f).flag & (IONBF | IOMYBUF | USERBUF) == 0 && alloc_buffer(f))
            || ((*f).cnt == 0 && (*f).ptr == (*f).base)
        {
            (*f).ptr = (*f).ptr.add(1);
        }
        if (*f).ptr > (*f).base {
            (*f).ptr = (*f).ptr.sub(1);
            if (*f).flag & IOSTRG != 0 {
                if *(*f).ptr != c as u8 {
                    (*f).ptr = (*f).ptr.add(1);
                    return EOF;
                }
            } else {
                *(*f).ptr = c as u8;
            }
            (*f).cnt += 1;
            (*f).flag &= !(IOERR | IOEOF);
            (*f).flag |= IOREAD;
            return c;
        }
        EOF
    }
}

/// ungetc.
#[export]
pub unsafe extern "win64" fn ungetc(c: i32, f: *mut File) -> i32 {
    if f.is_null() {
        fail(EINVAL);
        return EOF;
    }
    with_locked(f, || unsafe { ungetc_nolock(c, f) })
}

/// _ungetc_nolock.
#[export]
pub unsafe extern "win64" fn _ungetc_nolock(c: i32, f: *mut File) -> i32 {
    if f.is_null() {
        fail(EINVAL);
        return EOF;
    }
    unsafe { ungetc_nolock(c, f) }
}

/// _getw: the next 4 bytes as an int (EOF, and the EOF flag, if they are not all there).
#[export]
pub unsafe extern "win64" fn _getw(f: *mut File) -> i32 {
    with_locked(f, || unsafe {
        let mut b = [0u8; 4];
        for x in &mut b {
            let c = fgetc_nolock(f);
            if c == EOF {
                (*f).flag |= IOEOF;
                return EOF;
            }
            *x = c as u8;
        }
        i32::from_le_bytes(b)
    })
}

/// `gets_s`'s work: a line from stdin without its newline (CRs dropped). None when nothing
/// was read; `Err` when it does not fit in `len` bytes.
unsafe fn gets_impl(f: *mut File, buf: *mut u8, len: usize) -> *mut u8 {
    if buf.is_null() || len == 0 {
        fail(EINVAL);
        return std::ptr::null_mut();
    }
    let (n, c, full) = with_locked(f, || unsafe {
        let mut n = 0usize;
        let mut left = len;
        let mut c = fgetc_nolock(f);
        while left != 0 && c != EOF && c != b'\n' as i32 {
            if c != b'\r' as i32 {
                *buf.add(n) = c as u8;
                n += 1;
                left -= 1;
            }
            c = fgetc_nolock(f);
        }
        (n, c, left == 0)
    });
    unsafe {
        if full {
            *buf = 0;
            invalid_parameter();
            return std::ptr::null_mut();
        }
        if c == EOF && n == 0 {
            return std::ptr::null_mut();
        }
        *buf.add(n) = 0;
    }
    buf
}

/// gets_s (msvcrt's stdin).
#[export(name = "gets_s", only = MSVCRT)]
pub unsafe extern "win64" fn gets_s_msvcrt(buf: *mut u8, len: usize) -> *mut u8 {
    unsafe { gets_impl(stdin_of(Flavor::Msvcrt), buf, len) }
}

/// gets_s (ucrtbase's stdin).
#[export(name = "gets_s", only = UCRT)]
pub unsafe extern "win64" fn gets_s_ucrt(buf: *mut u8, len: usize) -> *mut u8 {
    unsafe { gets_impl(stdin_of(Flavor::Ucrt), buf, len) }
}

/// gets (msvcrt's stdin): a line without its newline, no size limit.
#[export(name = "gets", only = MSVCRT)]
pub unsafe extern "win64" fn gets_msvcrt(buf: *mut u8) -> *mut u8 {
    unsafe { gets_impl(stdin_of(Flavor::Msvcrt), buf, usize::MAX) }
}

// ---- wide input ----------------------------------------------------------------------------

/// Is the stream's fd in ANSI text mode (wide characters are multibyte characters there)?
///
/// # Safety
/// `f` must be a valid FILE.
pub unsafe fn ansi_text(f: *mut File) -> bool {
    let fd = unsafe { (*f).file };
    lowio::info(fd).is_some_and(|i| i.is_text() && i.encoding == lowio::Encoding::Ansi)
}

/// fgetwc without the lock.
///
/// # Safety
/// As [`filbuf`].
pub unsafe fn fgetwc_nolock(f: *mut File) -> u32 {
    unsafe {
        if !ansi_text(f) {
            let lo = fgetc_nolock(f);
            if lo == EOF {
                return WEOF;
            }
            let hi = fgetc_nolock(f);
            if hi == EOF {
                return WEOF;
            }
            return (lo as u32) | ((hi as u32) << 8);
        }
        let c = fgetc_nolock(f);
        if c == EOF {
            return WEOF;
        }
        if !crate::locale::ctype_utf8(0) || c < 0x80 {
            return c as u32;
        }
        // A UTF-8 locale: the rest of the character.
        let len = match c {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => {
                set_errno(crate::errno::EILSEQ);
                return WEOF;
            }
        };
        let mut bytes = vec![c as u8];
        for _ in 1..len {
            let d = fgetc_nolock(f);
            if d == EOF {
                return WEOF;
            }
            bytes.push(d as u8);
        }
        match std::str::from_utf8(&bytes)
            .ok()
            .and_then(|s| s.chars().next())
        {
            Some(ch) => ch as u32,
            None => {
                set_errno(crate::errno::EILSEQ);
                WEOF
            }
        }
    }
}

/// fgetwc.
#[export]
pub unsafe extern "win64" fn fgetwc(f: *mut File) -> u32 {
    if f.is_null() {
        fail(EINVAL);
        return WEOF;
    }
    with_locked(f, || unsafe { fgetwc_nolock(f) })
}

/// getwc.
#[export]
pub unsafe extern "win64" fn getwc(f: *mut File) -> u32 {
    unsafe { fgetwc(f) }
}

/// _fgetwc_nolock.
#[export]
pub unsafe extern "win64" fn _fgetwc_nolock(f: *mut File) -> u32 {
    unsafe { fgetwc_nolock(f) }
}

/// _getwc_nolock.
#[export]
pub unsafe extern "win64" fn _getwc_nolock(f: *mut File) -> u32 {
    unsafe { fgetwc_nolock(f) }
}

fn get_wchar(f: *mut File) -> u32 {
    with_locked(f, || unsafe { fgetwc_nolock(f) })
}

/// getwchar (msvcrt's stdin).
#[export(name = "getwchar", only = MSVCRT)]
pub extern "win64" fn getwchar_msvcrt() -> u32 {
    get_wchar(stdin_of(Flavor::Msvcrt))
}

/// getwchar (ucrtbase's stdin).
#[export(name = "getwchar", only = UCRT)]
pub extern "win64" fn getwchar_ucrt() -> u32 {
    get_wchar(stdin_of(Flavor::Ucrt))
}

/// _fgetwchar (msvcrt's stdin).
#[export(name = "_fgetwchar", only = MSVCRT)]
pub extern "win64" fn _fgetwchar_msvcrt() -> u32 {
    get_wchar(stdin_of(Flavor::Msvcrt))
}

/// _fgetwchar (ucrtbase's stdin).
#[export(name = "_fgetwchar", only = UCRT)]
pub extern "win64" fn _fgetwchar_ucrt() -> u32 {
    get_wchar(stdin_of(Flavor::Ucrt))
}

/// fgetws: up to `size - 1` wide characters, stopping after a newline; NULL if none.
#[export]
pub unsafe extern "win64" fn fgetws(s: *mut u16, size: i32, f: *mut File) -> *mut u16 {
    if s.is_null() || size < 0 || f.is_null() {
        fail(EINVAL);
        return std::ptr::null_mut();
    }
    with_locked(f, || unsafe {
        let mut n = 0usize;
        let mut c = WEOF;
        let mut left = size;
        while left > 1 {
            c = fgetwc_nolock(f);
            if c == WEOF || c == b'\n' as u32 {
                break;
            }
            *s.add(n) = c as u16;
            n += 1;
            left -= 1;
        }
        if c == WEOF && n == 0 {
            return std::ptr::null_mut();
        }
        if c != WEOF && left > 1 {
            *s.add(n) = c as u16;
            n += 1;
        }
        if size > 0 {
            *s.add(n) = 0;
        }
        s
    })
}

/// `_getws`'s work: a line of wide characters from stdin without its newline (CRs dropped).
unsafe fn getws_impl(f: *mut File, buf: *mut u16) -> *mut u16 {
    if buf.is_null() {
        fail(EINVAL);
        return std::ptr::null_mut();
    }
    with_locked(f, || unsafe {
        let mut n = 0usize;
        let mut c = fgetwc_nolock(f);
        while c != WEOF && c != b'\n' as u32 {
            if c != b'\r' as u32 {
                *buf.add(n) = c as u16;
                n += 1;
            }
            c = fgetwc_nolock(f);
        }
        if c == WEOF && n == 0 {
            return std::ptr::null_mut();
        }
        *buf.add(n) = 0;
        buf
    })
}

/// _getws (msvcrt's stdin).
#[export(name = "_getws", only = MSVCRT)]
pub unsafe extern "win64" fn _getws_msvcrt(buf: *mut u16) -> *mut u16 {
    unsafe { getws_impl(stdin_of(Flavor::Msvcrt), buf) }
}

/// _getws (ucrtbase's stdin).
#[export(name = "_getws", only = UCRT)]
pub unsafe extern "win64" fn _getws_ucrt(buf: *mut u16) -> *mut u16 {
    unsafe { getws_impl(stdin_of(Flavor::Ucrt), buf) }
}

/// The multibyte form of a wide character in the current locale (None: it has none).
pub fn wide_to_mb(c: u16) -> Option<Vec<u8>> {
    if crate::locale::ctype_utf8(0) {
        char::from_u32(c as u32).map(|ch| ch.to_string().into_bytes())
    } else if c <= 0xff {
        Some(vec![c as u8])
    } else {
        None
    }
}

/// ungetwc without the lock: push back the bytes that `fgetwc` would read as `c`.
///
/// # Safety
/// As [`filbuf`].
pub unsafe fn ungetwc_nolock(c: u32, f: *mut File) -> u32 {
    if c == WEOF {
        return WEOF;
    }
    let bytes = if unsafe { ansi_text(f) } {
        match wide_to_mb(c as u16) {
            Some(b) => b,
            None => return WEOF,
        }
    } else {
        (c as u16).to_le_bytes().to_vec()
    };
    for &b in bytes.iter().rev() {
        if unsafe { ungetc_nolock(b as i32, f) } != b as i32 {
            return WEOF;
        }
    }
    c & 0xffff
}

/// ungetwc.
#[export]
pub unsafe extern "win64" fn ungetwc(c: u32, f: *mut File) -> u32 {
    if f.is_null() {
        fail(EINVAL);
        return WEOF;
    }
    with_locked(f, || unsafe { ungetwc_nolock(c, f) })
}

/// _ungetwc_nolock.
#[export]
pub unsafe extern "win64" fn _ungetwc_nolock(c: u32, f: *mut File) -> u32 {
    if f.is_null() {
        fail(EINVAL);
        return WEOF;
    }
    unsafe { ungetwc_nolock(c, f) }
}
