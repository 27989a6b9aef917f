//! io.h: the CRT's file descriptors ("low-level I/O") over Windows handles. An fd records its
//! handle and its mode; text mode turns "\n" into "\r\n" on write and "\r\n" back into "\n" on
//! read, as msvcrt does (so a Windows program's output on Linux carries "\r\n", as under Wine).

use crate::errno::{EBADF, EINVAL, ENOSPC, set_errno, set_errno_from_win32};
use dllcore::export;
use std::ffi::c_void;
use std::sync::{LazyLock, Mutex, MutexGuard};
use windows_sys::Win32::Foundation::HANDLE;

/// wxflag bits (as Wine names them).
pub const WX_OPEN: u8 = 0x01;
pub const WX_ATEOF: u8 = 0x02;
pub const WX_PIPE: u8 = 0x08;
pub const WX_DONTINHERIT: u8 = 0x10;
pub const WX_APPEND: u8 = 0x20;
pub const WX_TTY: u8 = 0x40;
pub const WX_TEXT: u8 = 0x80;

/// _setmode / _open modes.
pub const O_TEXT: i32 = 0x4000;
pub const O_BINARY: i32 = 0x8000;
pub const O_WTEXT: i32 = 0x10000;
pub const O_U16TEXT: i32 = 0x20000;
pub const O_U8TEXT: i32 = 0x40000;
pub const O_NOINHERIT: i32 = 0x80;
pub const O_APPEND: i32 = 0x08;

/// Text encodings of a text-mode fd (`_O_U16TEXT` / `_O_U8TEXT`); ANSI otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Ansi,
    Utf16,
    Utf8,
}

#[derive(Clone, Copy, Debug)]
pub struct FdInfo {
    pub handle: usize,
    pub wxflag: u8,
    pub encoding: Encoding,
    /// A byte read ahead while looking for the "\n" of a "\r\n" (text-mode reads).
    pub lookahead: Option<u8>,
}

impl FdInfo {
    pub fn is_open(&self) -> bool {
        self.wxflag & WX_OPEN != 0
    }
    pub fn is_text(&self) -> bool {
        self.wxflag & WX_TEXT != 0
    }
}

/// What kind of object a handle is, for the TTY/PIPE flags.
fn handle_flags(h: usize) -> u8 {
    match syscall_shims::file::fd_of(h as HANDLE) {
        Ok(fd) => {
            // SAFETY: isatty/fstat on a host fd with a zeroed stat buffer.
            unsafe {
                if libc::isatty(fd) == 1 {
                    return WX_TTY;
                }
                let mut st: libc::stat = std::mem::zeroed();
                if libc::fstat(fd, &mut st) == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFIFO {
                    return WX_PIPE;
                }
            }
            0
        }
        Err(_) => 0,
    }
}

static FDS: LazyLock<Mutex<Vec<FdInfo>>> = LazyLock::new(|| {
    let v = (0..3)
        .map(|i| {
            let h = syscall_shims::handles::std_handle(i) as usize;
            FdInfo {
                handle: h,
                wxflag: WX_OPEN | WX_TEXT | handle_flags(h),
                encoding: Encoding::Ansi,
                lookahead: None,
            }
        })
        .collect();
    Mutex::new(v)
});

fn fds() -> MutexGuard<'static, Vec<FdInfo>> {
    FDS.lock().unwrap_or_else(|e| e.into_inner())
}

/// The state of an open fd.
pub fn info(fd: i32) -> Option<FdInfo> {
    let t = fds();
    t.get(usize::try_from(fd).ok()?)
        .copied()
        .filter(FdInfo::is_open)
}

/// Is `fd` a terminal?
pub fn isatty(fd: i32) -> bool {
    info(fd).is_some_and(|i| i.wxflag & WX_TTY != 0)
}

/// Give `handle` the lowest free fd.
pub fn alloc_fd(handle: usize, wxflag: u8) -> i32 {
    let mut t = fds();
    let new = FdInfo {
        handle,
        wxflag: wxflag | WX_OPEN,
        encoding: Encoding::Ansi,
        lookahead: None,
    };
    match t.iter().position(|i| !i.is_open()) {
        Some(i) => {
            t[i] = new;
            i as i32
        }
        None => {
            t.push(new);
            t.len() as i32 - 1
        }
    }
}

/// "\n" → "\r\n" for an ANSI text-mode write.
pub fn to_crlf(buf: &[u8]) -> Vec<u8> {
    let lf = buf.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(buf.len() + lf);
    for &b in buf {
        if b == b'\n' {
            out.push(b'\r');
        }
        out.push(b);
    }
    out
}

/// UTF-16LE bytes with "\n" → "\r\n", for `_O_U16TEXT`.
fn to_crlf_utf16(buf: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(buf.len() + 16);
    for u in buf.chunks_exact(2) {
        if u == [b'\n', 0] {
            out.extend_from_slice(&[b'\r', 0]);
        }
        out.extend_from_slice(u);
    }
    out
}

/// UTF-16LE bytes → UTF-8 with "\n" → "\r\n", for `_O_U8TEXT`.
fn to_crlf_utf8(buf: &[u8]) -> Vec<u8> {
    let units: Vec<u16> = buf
        .chunks_exact(2)
        .map(|u| u16::from_le_bytes([u[0], u[1]]))
        .collect();
    to_crlf(String::from_utf16_lossy(&units).as_bytes())
}

/// Write through fd `fd` with its mode's translation. Returns the number of the caller's
/// bytes written, or -1 (errno set).
pub fn write(fd: i32, buf: &[u8]) -> i32 {
    let Some(i) = info(fd) else {
        set_errno(EBADF);
        return -1;
    };
    if buf.is_empty() {
        return 0;
    }
    let data: std::borrow::Cow<[u8]> = if !i.is_text() {
        buf.into()
    } else {
        match i.encoding {
            Encoding::Ansi => {
                if buf.contains(&b'\n') {
                    to_crlf(buf).into()
                } else {
                    buf.into()
                }
            }
            Encoding::Utf16 | Encoding::Utf8 if !buf.len().is_multiple_of(2) => {
                set_errno(EINVAL);
                return -1;
            }
            Encoding::Utf16 => to_crlf_utf16(buf).into(),
            Encoding::Utf8 => to_crlf_utf8(buf).into(),
        }
    };
    match syscall_shims::file::write(i.handle as HANDLE, &data) {
        Ok(_) => buf.len() as i32,
        Err(e) => {
            set_errno_from_win32(e);
            // msvcrt reports every write failure as ENOSPC.
            set_errno(ENOSPC);
            -1
        }
    }
}

fn set_lookahead(fd: i32, b: Option<u8>) {
    if let Some(i) = fds().get_mut(fd as usize) {
        i.lookahead = b;
    }
}

fn set_flag(fd: i32, flag: u8, on: bool) {
    if let Some(i) = fds().get_mut(fd as usize) {
        if on {
            i.wxflag |= flag;
        } else {
            i.wxflag &= !flag;
        }
    }
}

/// Read through fd `fd`, translating "\r\n" in text mode (and stopping at Ctrl-Z in text-mode
/// files). Returns the bytes stored, 0 at end of file, -1 on error (errno set).
pub fn read(fd: i32, buf: &mut [u8]) -> i32 {
    let Some(i) = info(fd) else {
        set_errno(EBADF);
        return -1;
    };
    if buf.is_empty() {
        return 0;
    }
    if i.wxflag & WX_ATEOF != 0 && i.wxflag & (WX_TTY | WX_PIPE) == 0 {
        return 0;
    }
    let h = i.handle as HANDLE;
    let mut n = 0;
    if let Some(b) = i.lookahead {
        buf[0] = b;
        n = 1;
        set_lookahead(fd, None);
    }
    if n < buf.len() {
        match syscall_shims::file::read(h, &mut buf[n..]) {
            Ok(r) => n += r,
            Err(e) if n == 0 => {
                // A closed pipe reads as end of file, as on Windows.
                if e == windows_sys::Win32::Foundation::ERROR_BROKEN_PIPE {
                    return 0;
                }
                set_errno_from_win32(e);
                return -1;
            }
            Err(_) => {}
        }
    }
    if n == 0 {
        set_flag(fd, WX_ATEOF, true);
        return 0;
    }
    if !i.is_text() {
        return n as i32;
    }
    let stop_at_ctrlz = i.wxflag & (WX_TTY | WX_PIPE) == 0;
    let mut out = 0;
    let mut k = 0;
    while k < n {
        let c = buf[k];
        if c == 0x1a && stop_at_ctrlz {
            set_flag(fd, WX_ATEOF, true);
            break;
        }
        if c == b'\r' {
            if k + 1 < n {
                if buf[k + 1] == b'\n' {
                    buf[out] = b'\n';
                    k += 2;
                } else {
                    buf[out] = b'\r';
                    k += 1;
                }
                out += 1;
                continue;
            }
            // "\r" ends the chunk: peek at the next byte.
            let mut next = [0u8; 1];
            match syscall_shims::file::read(h, &mut next) {
                Ok(1) if next[0] == b'\n' => buf[out] = b'\n',
                Ok(1) => {
                    buf[out] = b'\r';
                    set_lookahead(fd, Some(next[0]));
                }
                _ => buf[out] = b'\r',
            }
            out += 1;
            k += 1;
            continue;
        }
        buf[out] = c;
        out += 1;
        k += 1;
    }
    out as i32
}

/// _write.
#[export]
pub unsafe extern "win64" fn _write(fd: i32, buf: *const c_void, count: u32) -> i32 {
    if buf.is_null() && count != 0 {
        set_errno(EINVAL);
        return -1;
    }
    let s = if count == 0 {
        &[][..]
    } else {
        unsafe { std::slice::from_raw_parts(buf as *const u8, count as usize) }
    };
    write(fd, s)
}

/// _read.
#[export]
pub unsafe extern "win64" fn _read(fd: i32, buf: *mut c_void, count: u32) -> i32 {
    if buf.is_null() && count != 0 {
        set_errno(EINVAL);
        return -1;
    }
    let s = if count == 0 {
        &mut [][..]
    } else {
        unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, count as usize) }
    };
    read(fd, s)
}

/// _isatty: non-zero for a character device.
#[export]
pub extern "win64" fn _isatty(fd: i32) -> i32 {
    match info(fd) {
        Some(i) => (i.wxflag & WX_TTY) as i32,
        None => {
            set_errno(EBADF);
            0
        }
    }
}

/// _setmode: switch fd between text (`_O_TEXT`, `_O_WTEXT`, `_O_U16TEXT`, `_O_U8TEXT`) and
/// binary; returns the previous mode or -1.
#[export]
pub extern "win64" fn _setmode(fd: i32, mode: i32) -> i32 {
    let mut t = fds();
    let Some(i) = usize::try_from(fd)
        .ok()
        .and_then(|f| t.get_mut(f))
        .filter(|i| i.is_open())
    else {
        drop(t);
        set_errno(EBADF);
        return -1;
    };
    let old = if !i.is_text() {
        O_BINARY
    } else if i.encoding != Encoding::Ansi {
        O_WTEXT
    } else {
        O_TEXT
    };
    match mode {
        O_BINARY => {
            i.wxflag &= !WX_TEXT;
            i.encoding = Encoding::Ansi;
        }
        O_TEXT => {
            i.wxflag |= WX_TEXT;
            i.encoding = Encoding::Ansi;
        }
        O_U8TEXT => {
            i.wxflag |= WX_TEXT;
            i.encoding = Encoding::Utf8;
        }
        O_WTEXT | O_U16TEXT => {
            i.wxflag |= WX_TEXT;
            i.encoding = Encoding::Utf16;
        }
        _ => {
            drop(t);
            set_errno(EINVAL);
            return -1;
        }
    }
    old
}

/// _get_osfhandle: the Windows handle behind fd (-1 and EBADF if none).
#[export]
pub extern "win64" fn _get_osfhandle(fd: i32) -> isize {
    match info(fd) {
        Some(i) => i.handle as isize,
        None => {
            set_errno(EBADF);
            -1
        }
    }
}

/// _open_osfhandle: a new fd for a Windows handle (`_O_TEXT`, `_O_APPEND`, `_O_NOINHERIT`).
#[export]
pub extern "win64" fn _open_osfhandle(handle: isize, flags: i32) -> i32 {
    if syscall_shims::handles::get(handle as HANDLE).is_err() {
        set_errno(EBADF);
        return -1;
    }
    let mut wx = handle_flags(handle as usize);
    if flags & O_BINARY == 0 {
        wx |= WX_TEXT;
    }
    if flags & O_APPEND != 0 {
        wx |= WX_APPEND;
    }
    if flags & O_NOINHERIT != 0 {
        wx |= WX_DONTINHERIT;
    }
    alloc_fd(handle as usize, wx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crlf_translation() {
        assert_eq!(to_crlf(b"a\nb\n\n"), b"a\r\nb\r\n\r\n");
        assert_eq!(to_crlf(b"no newline"), b"no newline");
        assert_eq!(
            to_crlf(b"keep\r\n"),
            b"keep\r\r\n",
            "msvcrt does not look at existing CRs"
        );
        assert_eq!(
            to_crlf_utf16(&[b'a', 0, b'\n', 0]),
            vec![b'a', 0, b'\r', 0, b'\n', 0]
        );
        assert_eq!(to_crlf_utf8(&[0xe9, 0, b'\n', 0]), "\u{e9}\r\n".as_bytes());
    }

    #[test]
    fn text_mode_round_trip_through_a_pipe() {
        let mut p = [0i32; 2];
        // SAFETY: creating a pipe.
        assert_eq!(unsafe { libc::pipe(p.as_mut_ptr()) }, 0);
        let obj = |fd| {
            std::sync::Arc::new(syscall_shims::handles::Object::File(
                syscall_shims::file::FileObject {
                    fd,
                    borrowed: false,
                },
            ))
        };
        let hr = syscall_shims::handles::insert(obj(p[0]), false);
        let hw = syscall_shims::handles::insert(obj(p[1]), false);
        let rfd = _open_osfhandle(hr as isize, O_TEXT);
        let wfd = _open_osfhandle(hw as isize, O_TEXT);
        assert!(rfd >= 3 && wfd >= 3);
        assert_eq!(write(wfd, b"one\ntwo\r\nthree\r"), 15);
        assert_eq!(_setmode(wfd, O_BINARY), O_TEXT);
        assert_eq!(write(wfd, b"\nX\rY"), 4);
        let mut buf = [0u8; 64];
        let mut got = Vec::new();
        while got.len() < 18 {
            let n = read(rfd, &mut buf);
            assert!(n > 0);
            got.extend_from_slice(&buf[..n as usize]);
        }
        // On the pipe: one\r\ntwo\r\r\nthree\r then \nX\rY (binary); read back in text mode.
        assert_eq!(got, b"one\ntwo\r\nthree\nX\rY");
        assert_eq!(_setmode(rfd, 0x1234), -1);
        assert_eq!(_setmode(rfd, O_U16TEXT), O_TEXT);
        assert_eq!(_setmode(rfd, O_TEXT), O_WTEXT);
        let _ = syscall_shims::handles::close(hr);
        let _ = syscall_shims::handles::close(hw);
    }
}
