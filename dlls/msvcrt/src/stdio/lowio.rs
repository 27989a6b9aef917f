//! io.h, the core of "low-level I/O": the CRT's file descriptors over Windows handles, and
//! reading, writing and seeking through them with each descriptor's mode.
//!
//! An fd records its handle, its `wxflag` bits (open, text, append, pipe, terminal, at end of
//! file) and its text encoding. Text mode works as msvcrt does (and Wine 8, the oracle):
//! - writing turns "\n" into "\r\n" (ANSI), "\n\0" into "\r\0\n\0" (`_O_U16TEXT`), or converts
//!   UTF-16 units to UTF-8 with "\r\n" (`_O_U8TEXT`); a `_O_U16TEXT`/`_O_U8TEXT` fd takes only
//!   whole UTF-16 units (an odd count is EINVAL);
//! - reading turns "\r\n" back into "\n" and stops at Ctrl-Z (0x1a), which marks the fd at end
//!   of file until the next seek. A "\r" ending a chunk is settled by reading one more unit:
//!   on a file the position is then moved back over it (so the file position always matches
//!   what was returned), on a pipe or terminal it is kept as look-ahead;
//! - `_O_U8TEXT` reads decode UTF-8 into UTF-16 units, never splitting a character.
//!
//! The table starts with the fds a C runtime parent passed in STARTUPINFO `lpReserved2`
//! (`inherit`), then the standard handles for fds 0-2 not given there.
//!
//! Open, close, dup and friends are in `sopen`; the exports reading and writing here.

use crate::errno::{EBADF, EINVAL, EMFILE, set_errno, set_errno_from_win32};
use dllcore::export;
use std::ffi::c_void;
use std::sync::{LazyLock, Mutex, MutexGuard};
use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_BROKEN_PIPE, HANDLE};
use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE_CHAR, FILE_TYPE_PIPE};

/// wxflag bits (as Wine names them).
pub const WX_OPEN: u8 = 0x01;
pub const WX_ATEOF: u8 = 0x02;
/// The last read started with "\n" (`ftell` needs it).
pub const WX_READNL: u8 = 0x04;
pub const WX_PIPE: u8 = 0x08;
pub const WX_DONTINHERIT: u8 = 0x10;
pub const WX_APPEND: u8 = 0x20;
pub const WX_TTY: u8 = 0x40;
pub const WX_TEXT: u8 = 0x80;

/// `_open` flags.
pub const O_RDONLY: i32 = 0x0000;
pub const O_WRONLY: i32 = 0x0001;
pub const O_RDWR: i32 = 0x0002;
pub const O_APPEND: i32 = 0x0008;
pub const O_RANDOM: i32 = 0x0010;
pub const O_SEQUENTIAL: i32 = 0x0020;
pub const O_TEMPORARY: i32 = 0x0040;
pub const O_NOINHERIT: i32 = 0x0080;
pub const O_CREAT: i32 = 0x0100;
pub const O_TRUNC: i32 = 0x0200;
pub const O_EXCL: i32 = 0x0400;
pub const O_SHORT_LIVED: i32 = 0x1000;
pub const O_TEXT: i32 = 0x4000;
pub const O_BINARY: i32 = 0x8000;
pub const O_WTEXT: i32 = 0x10000;
pub const O_U16TEXT: i32 = 0x20000;
pub const O_U8TEXT: i32 = 0x40000;
/// Any of the Unicode text modes.
pub const O_UNICODE: i32 = O_WTEXT | O_U16TEXT | O_U8TEXT;

/// The most fds the table holds (msvcrt's limit).
pub const MAX_FDS: usize = 2048;

/// Text encodings of an fd (`_O_U16TEXT` / `_O_U8TEXT`); ANSI otherwise.
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
    /// Opened with `_O_WTEXT` (UTF-16 unless a BOM said otherwise): `_setmode` reports it.
    pub wtext: bool,
    /// Bytes read ahead on a pipe or terminal, returned first by the next read.
    pub lookahead: [u8; 3],
    pub lookahead_len: u8,
}

impl FdInfo {
    pub(crate) const CLOSED: FdInfo = FdInfo {
        handle: usize::MAX,
        wxflag: 0,
        encoding: Encoding::Ansi,
        wtext: false,
        lookahead: [0; 3],
        lookahead_len: 0,
    };

    pub fn is_open(&self) -> bool {
        self.wxflag & WX_OPEN != 0
    }
    pub fn is_text(&self) -> bool {
        self.wxflag & WX_TEXT != 0
    }
    /// A pipe or a terminal: no position to move back to.
    fn is_stream(&self) -> bool {
        self.wxflag & (WX_PIPE | WX_TTY) != 0
    }
}

/// The TTY/PIPE bits for a handle, from its file type (a character device, such as NUL, is
/// a "terminal", as on Windows).
pub fn handle_flags(h: usize) -> u8 {
    match syscall_shims::file::file_type(h as HANDLE) {
        Ok(FILE_TYPE_CHAR) => WX_TTY,
        Ok(FILE_TYPE_PIPE) => WX_PIPE,
        _ => 0,
    }
}

/// The fd table, set up on first use (the CRT's start, [`init`]): the fds a C runtime parent
/// passed in STARTUPINFO `lpReserved2` (see `inherit`), then fds 0-2 not given there as the
/// standard handles, in text mode.
static FDS: LazyLock<Mutex<Vec<FdInfo>>> = LazyLock::new(|| {
    let mut v = vec![FdInfo::CLOSED; 3];
    for (fd, wxflag, handle) in super::inherit::inherited() {
        if v.len() <= fd {
            v.resize(fd + 1, FdInfo::CLOSED);
        }
        install(&mut v, fd, handle, wxflag, Encoding::Ansi, false);
    }
    for (fd, i) in v.iter_mut().enumerate().take(3) {
        if !i.is_open() {
            let h = syscall_shims::handles::std_handle(fd) as usize;
            *i = FdInfo { handle: h, wxflag: WX_OPEN | WX_TEXT | handle_flags(h), ..FdInfo::CLOSED };
        }
    }
    Mutex::new(v)
});

/// Set up the fd table now (the CRT's start), so inherited fds are taken before the program
/// runs.
pub fn init() {
    LazyLock::force(&FDS);
}

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

/// Change an open fd's state; None if it is not open.
pub fn update<R>(fd: i32, f: impl FnOnce(&mut FdInfo) -> R) -> Option<R> {
    let mut t = fds();
    let i = t
        .get_mut(usize::try_from(fd).ok()?)
        .filter(|i| i.is_open())?;
    Some(f(i))
}

fn set_flag(fd: i32, flag: u8, on: bool) {
    update(fd, |i| {
        if on {
            i.wxflag |= flag
        } else {
            i.wxflag &= !flag
        }
    });
}

/// Is `fd` a terminal?
pub fn isatty(fd: i32) -> bool {
    info(fd).is_some_and(|i| i.wxflag & WX_TTY != 0)
}

/// fds 0, 1 and 2 are the process's standard handles: keep them in step, as msvcrt does.
fn sync_std_handle(fd: usize, handle: usize) {
    if fd < 3 {
        syscall_shims::handles::set_std_handle(fd, handle as HANDLE);
    }
}

fn install(
    t: &mut [FdInfo],
    fd: usize,
    handle: usize,
    wxflag: u8,
    encoding: Encoding,
    wtext: bool,
) {
    t[fd] = FdInfo {
        handle,
        wxflag: WX_OPEN | (wxflag & (WX_DONTINHERIT | WX_APPEND | WX_TEXT | WX_PIPE | WX_TTY)),
        encoding,
        wtext,
        ..FdInfo::CLOSED
    };
    sync_std_handle(fd, handle);
}

/// Give `handle` the lowest free fd (-1 and EMFILE when the table is full).
pub fn alloc_fd(handle: usize, wxflag: u8) -> i32 {
    alloc_fd_enc(handle, wxflag, Encoding::Ansi, false)
}

/// [`alloc_fd`] with a text encoding.
pub fn alloc_fd_enc(handle: usize, wxflag: u8, encoding: Encoding, wtext: bool) -> i32 {
    let mut t = fds();
    let fd = match t.iter().position(|i| !i.is_open()) {
        Some(i) => i,
        None if t.len() < MAX_FDS => {
            t.push(FdInfo::CLOSED);
            t.len() - 1
        }
        None => {
            drop(t);
            set_errno(EMFILE);
            return -1;
        }
    };
    install(&mut t, fd, handle, wxflag, encoding, wtext);
    fd as i32
}

/// Put `handle` at fd `fd` (which must be free or just closed); false if `fd` is out of range.
pub fn set_fd(fd: i32, handle: usize, wxflag: u8) -> bool {
    let Ok(fd) = usize::try_from(fd) else {
        return false;
    };
    if fd >= MAX_FDS {
        return false;
    }
    let mut t = fds();
    if t.len() <= fd {
        t.resize(fd + 1, FdInfo::CLOSED);
    }
    install(&mut t, fd, handle, wxflag, Encoding::Ansi, false);
    true
}

/// Mark fd free (its handle is the caller's business).
pub fn free_fd(fd: i32) {
    let Ok(u) = usize::try_from(fd) else { return };
    let mut t = fds();
    if let Some(i) = t.get_mut(u) {
        *i = FdInfo::CLOSED;
        sync_std_handle(u, 0);
    }
}

/// Every open fd, for inheritance and tests.
pub fn open_fds() -> Vec<(i32, FdInfo)> {
    fds()
        .iter()
        .enumerate()
        .filter(|(_, i)| i.is_open())
        .map(|(n, i)| (n as i32, *i))
        .collect()
}

/// errno for a failed ReadFile/WriteFile: a handle opened without that access is EBADF (as
/// Wine 8 reports it); `_doserrno` keeps the Win32 error.
fn set_io_errno(e: u32) {
    set_errno_from_win32(e);
    if e == ERROR_ACCESS_DENIED {
        set_errno(EBADF);
    }
}

// ---- writing -------------------------------------------------------------------------------

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

/// UTF-16LE bytes → UTF-8 with "\n" → "\r\n", for `_O_U8TEXT` (unpaired surrogates become
/// U+FFFD, as WideCharToMultiByte makes them).
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
    if i.encoding != Encoding::Ansi && !buf.len().is_multiple_of(2) {
        set_errno(EINVAL);
        return -1;
    }
    let h = i.handle as HANDLE;
    if i.wxflag & WX_APPEND != 0 {
        let _ = syscall_shims::file::seek(h, 0, 2);
    }
    if buf.is_empty() {
        return 0;
    }
    let data: std::borrow::Cow<[u8]> = if !i.is_text() {
        buf.into()
    } else {
        match i.encoding {
            Encoding::Ansi if buf.contains(&b'\n') => to_crlf(buf).into(),
            Encoding::Ansi => buf.into(),
            Encoding::Utf16 => to_crlf_utf16(buf).into(),
            Encoding::Utf8 => to_crlf_utf8(buf).into(),
        }
    };
    match syscall_shims::file::write(h, &data) {
        Ok(_) => buf.len() as i32,
        Err(e) => {
            set_io_errno(e);
            -1
        }
    }
}

// ---- reading -------------------------------------------------------------------------------

/// Read from the handle; Ok(0) at end of file (and for a broken pipe).
fn read_raw(h: usize, buf: &mut [u8]) -> Result<usize, u32> {
    match syscall_shims::file::read(h as HANDLE, buf) {
        Err(ERROR_BROKEN_PIPE) => Ok(0),
        r => r,
    }
}

/// Move the file position of a file back by `n` bytes (after reading ahead).
fn step_back(h: usize, n: i64) {
    let _ = syscall_shims::file::seek(h as HANDLE, -n, 1);
}

/// Take the fd's look-ahead bytes into `buf` (returns how many).
fn take_lookahead(fd: i32, buf: &mut [u8]) -> usize {
    update(fd, |i| {
        let n = (i.lookahead_len as usize).min(buf.len());
        buf[..n].copy_from_slice(&i.lookahead[..n]);
        i.lookahead.copy_within(n.., 0);
        i.lookahead_len -= n as u8;
        n
    })
    .unwrap_or(0)
}

fn set_lookahead(fd: i32, bytes: &[u8]) {
    update(fd, |i| {
        let n = bytes.len().min(3);
        i.lookahead[..n].copy_from_slice(&bytes[..n]);
        i.lookahead_len = n as u8;
    });
}

/// Read through fd `fd` with its mode's translation (see the module comment). Returns the
/// bytes stored, 0 at end of file, -1 on error (errno set).
pub fn read(fd: i32, buf: &mut [u8]) -> i32 {
    let Some(i) = info(fd) else {
        set_errno(EBADF);
        return -1;
    };
    if buf.is_empty() || i.wxflag & WX_ATEOF != 0 {
        return 0;
    }
    if i.encoding != Encoding::Ansi && !buf.len().is_multiple_of(2) {
        set_errno(EINVAL);
        return -1;
    }
    if i.is_text() && i.encoding == Encoding::Utf8 {
        return read_utf8(fd, &i, buf);
    }
    let unit = if i.encoding == Encoding::Utf16 { 2 } else { 1 };
    let h = i.handle;
    let mut n = take_lookahead(fd, &mut buf[..unit]);
    if n < buf.len() {
        match read_raw(h, &mut buf[n..]) {
            Ok(r) => n += r,
            Err(_) if n > 0 => {}
            Err(e) => {
                set_io_errno(e);
                return -1;
            }
        }
    }
    if unit == 2 && n % 2 == 1 {
        n -= 1;
    }
    if n == 0 {
        set_flag(fd, WX_ATEOF, true);
        return 0;
    }
    if !i.is_text() {
        return n as i32;
    }
    let is = |b: &[u8], k: usize, c: u8| b[k] == c && (unit == 1 || b[k + 1] == 0);
    set_flag(fd, WX_READNL, is(buf, 0, b'\n'));
    let (mut k, mut j) = (0, 0);
    let put = |b: &mut [u8], j: &mut usize, c: u8| {
        b[*j] = c;
        if unit == 2 {
            b[*j + 1] = 0;
        }
        *j += unit;
    };
    while k < n {
        if is(buf, k, 0x1a) {
            set_flag(fd, WX_ATEOF, true);
            break;
        }
        if is(buf, k, b'\r') && k + unit == n {
            // A "\r" ending the chunk: is it the start of a "\r\n"?
            let mut next = [0u8; 2];
            match read_raw(h, &mut next[..unit]) {
                Ok(len) if len > 0 => {
                    let lf = next[0] == b'\n' && (unit == 1 || next[1] == 0);
                    if lf && j == 0 {
                        put(buf, &mut j, b'\n');
                    } else {
                        if !lf {
                            put(buf, &mut j, b'\r');
                        }
                        if i.is_stream() {
                            if lf {
                                put(buf, &mut j, b'\n');
                            } else {
                                set_lookahead(fd, &next[..unit]);
                            }
                        } else {
                            step_back(h, len as i64);
                        }
                    }
                }
                _ => put(buf, &mut j, b'\r'),
            }
        } else if !(is(buf, k, b'\r') && is(buf, k + unit, b'\n')) {
            buf.copy_within(k..k + unit, j);
            j += unit;
        }
        k += unit;
    }
    j as i32
}

/// The length of the UTF-8 sequence a lead byte starts (1 for anything else).
fn utf8_len(b: u8) -> usize {
    match b {
        0xf0..=0xf7 => 4,
        0xe0..=0xef => 3,
        0xc0..=0xdf => 2,
        _ => 1,
    }
}

/// Store UTF-8 text as UTF-16LE units into `out`; returns the bytes stored.
fn utf8_into_utf16(text: &[u8], out: &mut [u8]) -> usize {
    let mut n = 0;
    for u in String::from_utf8_lossy(text).encode_utf16() {
        if n + 2 > out.len() {
            break;
        }
        out[n..n + 2].copy_from_slice(&u.to_le_bytes());
        n += 2;
    }
    n
}

/// `_O_U8TEXT` read: UTF-8 from the handle, UTF-16 units to the caller (`buf.len()` even).
fn read_utf8(fd: i32, i: &FdInfo, buf: &mut [u8]) -> i32 {
    let h = i.handle;
    let units = buf.len() / 2;
    let mut rb = vec![0u8; units.max(4)];
    let mut pos = take_lookahead(fd, &mut rb[..3]);
    if units < 2 {
        // Room for one unit: read one character.
        if pos == 0 {
            match read_raw(h, &mut rb[..1]) {
                Ok(0) => {
                    set_flag(fd, WX_ATEOF, true);
                    return 0;
                }
                Ok(_) => pos = 1,
                Err(e) => {
                    set_io_errno(e);
                    return -1;
                }
            }
        }
        let len = utf8_len(rb[0]);
        if len > pos
            && let Ok(r) = read_raw(h, &mut rb[pos..len])
        {
            pos += r;
        }
        set_flag(fd, WX_READNL, rb[0] == b'\n');
        if rb[0] == 0x1a {
            set_flag(fd, WX_ATEOF, true);
            return 0;
        }
        if rb[0] == b'\r' {
            let mut next = [0u8; 1];
            let c = match read_raw(h, &mut next) {
                Ok(1) if next[0] == b'\n' => b'\n',
                Ok(1) => {
                    if i.is_stream() {
                        set_lookahead(fd, &next);
                    } else {
                        step_back(h, 1);
                    }
                    b'\r'
                }
                _ => b'\r',
            };
            buf[..2].copy_from_slice(&[c, 0]);
            return 2;
        }
        let n = utf8_into_utf16(&rb[..pos], buf);
        if n == 0 {
            set_errno(crate::errno::EILSEQ);
            return -1;
        }
        return n as i32;
    }
    let cap = rb.len();
    match read_raw(h, &mut rb[pos..cap]) {
        Ok(0) if pos == 0 => {
            set_flag(fd, WX_ATEOF, true);
            return 0;
        }
        Ok(r) => pos += r,
        Err(_) if pos > 0 => {}
        Err(e) => {
            set_io_errno(e);
            return -1;
        }
    }
    set_flag(fd, WX_READNL, rb[0] == b'\n');
    // Keep an incomplete last character for the next read.
    let mut k = pos - 1;
    while k > 0 && k + 4 > pos && rb[k] & 0xc0 == 0x80 {
        k -= 1;
    }
    if k + utf8_len(rb[k]) <= pos {
        k += utf8_len(rb[k]);
    }
    if k < pos {
        if i.is_stream() {
            set_lookahead(fd, &rb[k..pos]);
        } else {
            step_back(h, (pos - k) as i64);
        }
    }
    let pos = k;
    let mut j = 0;
    let mut m = 0;
    while m < pos {
        let c = rb[m];
        if c == 0x1a {
            set_flag(fd, WX_ATEOF, true);
            break;
        }
        if c == b'\r' && m + 1 == pos {
            let pending = info(fd).is_some_and(|i| i.lookahead_len > 0);
            let mut next = [0u8; 1];
            if pending || !matches!(read_raw(h, &mut next), Ok(1)) {
                rb[j] = b'\r';
                j += 1;
            } else if next[0] == b'\n' && j == 0 {
                rb[j] = b'\n';
                j += 1;
            } else {
                if next[0] != b'\n' {
                    rb[j] = b'\r';
                    j += 1;
                }
                if i.is_stream() {
                    if next[0] == b'\n' {
                        rb[j] = b'\n';
                        j += 1;
                    } else {
                        set_lookahead(fd, &next);
                    }
                } else {
                    step_back(h, 1);
                }
            }
        } else if c != b'\r' || rb[m + 1] != b'\n' {
            rb[j] = c;
            j += 1;
        }
        m += 1;
    }
    utf8_into_utf16(&rb[..j], buf) as i32
}

/// Move fd's file position (`whence` 0 start, 1 current, 2 end); the new position, or -1.
/// A successful seek clears the fd's end-of-file mark.
pub fn lseek(fd: i32, offset: i64, whence: i32) -> i64 {
    let Some(i) = info(fd) else {
        set_errno(EBADF);
        return -1;
    };
    if !(0..=2).contains(&whence) {
        set_errno(EINVAL);
        return -1;
    }
    match syscall_shims::file::seek(i.handle as HANDLE, offset, whence as u32) {
        Ok(pos) => {
            set_flag(fd, WX_ATEOF, false);
            pos as i64
        }
        Err(e) => {
            set_errno_from_win32(e);
            -1
        }
    }
}

// ---- exports -------------------------------------------------------------------------------

/// _write: `count` bytes through fd's mode; the count, or -1.
#[export]
pub unsafe extern "win64" fn _write(fd: i32, buf: *const c_void, count: u32) -> i32 {
    if buf.is_null() && count != 0 {
        crate::invalid::invalid_parameter();
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

/// _read: up to `count` bytes through fd's mode; 0 at end of file, -1 on error.
#[export]
pub unsafe extern "win64" fn _read(fd: i32, buf: *mut c_void, count: u32) -> i32 {
    if buf.is_null() && count != 0 {
        crate::invalid::invalid_parameter();
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

/// _lseeki64.
#[export]
pub extern "win64" fn _lseeki64(fd: i32, offset: i64, whence: i32) -> i64 {
    lseek(fd, offset, whence)
}

/// _lseek: as `_lseeki64`, with a 32-bit result.
#[export]
pub extern "win64" fn _lseek(fd: i32, offset: i32, whence: i32) -> i32 {
    lseek(fd, offset as i64, whence) as i32
}

/// _telli64: the file position.
#[export]
pub extern "win64" fn _telli64(fd: i32) -> i64 {
    lseek(fd, 0, 1)
}

/// _tell.
#[export]
pub extern "win64" fn _tell(fd: i32) -> i32 {
    lseek(fd, 0, 1) as i32
}

/// _eof: 1 at end of file, 0 before it, -1 for a bad fd.
#[export]
pub extern "win64" fn _eof(fd: i32) -> i32 {
    let Some(i) = info(fd) else {
        set_errno(EBADF);
        return -1;
    };
    if i.wxflag & WX_ATEOF != 0 {
        return 1;
    }
    let h = i.handle as HANDLE;
    let (Ok(cur), Ok(end)) = (
        syscall_shims::file::seek(h, 0, 1),
        syscall_shims::file::seek(h, 0, 2),
    ) else {
        return 0;
    };
    if cur == end {
        return 1;
    }
    let _ = syscall_shims::file::seek(h, cur as i64, 0);
    0
}

/// _isatty: non-zero for a character device (0 for a bad fd, errno untouched, as in Wine 8).
#[export]
pub extern "win64" fn _isatty(fd: i32) -> i32 {
    info(fd).map_or(0, |i| (i.wxflag & WX_TTY) as i32)
}

/// _setmode: switch fd between text (`_O_TEXT`, `_O_WTEXT`, `_O_U16TEXT`, `_O_U8TEXT`) and
/// binary; returns the previous mode (`_O_WTEXT` for any Unicode text mode) or -1.
#[export]
pub extern "win64" fn _setmode(fd: i32, mode: i32) -> i32 {
    if !matches!(mode, O_TEXT | O_BINARY | O_WTEXT | O_U16TEXT | O_U8TEXT) {
        crate::invalid::invalid_parameter();
        set_errno(EINVAL);
        return -1;
    }
    let r = update(fd, |i| {
        let old = if !i.is_text() {
            O_BINARY
        } else if i.encoding != Encoding::Ansi {
            O_WTEXT
        } else {
            O_TEXT
        };
        let (text, enc) = match mode {
            O_BINARY => (false, Encoding::Ansi),
            O_TEXT => (true, Encoding::Ansi),
            O_U8TEXT => (true, Encoding::Utf8),
            _ => (true, Encoding::Utf16),
        };
        if text {
            i.wxflag |= WX_TEXT;
        } else {
            i.wxflag &= !WX_TEXT;
        }
        i.encoding = enc;
        i.wtext = mode == O_WTEXT;
        old
    });
    r.unwrap_or_else(|| {
        set_errno(EBADF);
        -1
    })
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

/// The wxflag bits `_open`-style flags ask for; the mode defaults to `_fmode`.
pub fn split_oflags(flags: i32) -> u8 {
    let mut wx = 0;
    if flags & O_APPEND != 0 {
        wx |= WX_APPEND;
    }
    // SAFETY: a plain read of the CRT's global.
    let fmode = unsafe { crate::startup::_fmode };
    if flags & O_BINARY != 0 {
    } else if flags & (O_TEXT | O_UNICODE) != 0 || fmode & O_BINARY == 0 {
        wx |= WX_TEXT;
    }
    if flags & O_NOINHERIT != 0 {
        wx |= WX_DONTINHERIT;
    }
    wx
}

/// _open_osfhandle: a new fd for a Windows handle; binary unless `_O_TEXT` is given, as
/// msvcrt does (`_O_APPEND`, `_O_NOINHERIT` too).
#[export]
pub extern "win64" fn _open_osfhandle(handle: isize, flags: i32) -> i32 {
    if syscall_shims::handles::get(handle as HANDLE).is_err() {
        set_errno_from_win32(windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE);
        return -1;
    }
    let flags = if flags & (O_BINARY | O_TEXT) == 0 {
        flags | O_BINARY
    } else {
        flags
    };
    alloc_fd(
        handle as usize,
        handle_flags(handle as usize) | split_oflags(flags),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use syscall_shims::file::FileObject;
    use syscall_shims::handles::{self, Object};

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

    pub(crate) fn pipe_fds(mode: i32) -> (i32, i32) {
        let mut p = [0i32; 2];
        // SAFETY: creating a pipe.
        assert_eq!(unsafe { libc::pipe(p.as_mut_ptr()) }, 0);
        let obj = |fd| Arc::new(Object::File(FileObject::owned(fd)));
        let hr = handles::insert(obj(p[0]), false);
        let hw = handles::insert(obj(p[1]), false);
        (
            _open_osfhandle(hr as isize, mode),
            _open_osfhandle(hw as isize, mode),
        )
    }

    fn close(fd: i32) {
        let h = info(fd).unwrap().handle;
        free_fd(fd);
        handles::close(h as HANDLE).unwrap();
    }

    #[test]
    fn text_mode_round_trip_through_a_pipe() {
        let (rfd, wfd) = pipe_fds(O_TEXT);
        assert!(rfd >= 3 && wfd >= 3);
        assert!(info(rfd).unwrap().wxflag & WX_PIPE != 0);
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
        close(rfd);
        close(wfd);
    }

    #[test]
    fn ctrl_z_and_lookahead_on_a_pipe() {
        let (rfd, wfd) = pipe_fds(O_TEXT);
        assert_eq!(_setmode(wfd, O_BINARY), O_TEXT);
        assert_eq!(write(wfd, b"ab\r"), 3);
        let mut buf = [0u8; 3];
        // "\r" ends the chunk: the next byte (not there yet) decides; write it first.
        assert_eq!(write(wfd, b"x\x1ayz"), 4);
        assert_eq!(read(rfd, &mut buf), 3);
        assert_eq!(&buf, b"ab\r");
        let mut buf = [0u8; 8];
        assert_eq!(read(rfd, &mut buf), 1, "x, then Ctrl-Z ends the text");
        assert_eq!(buf[0], b'x');
        assert_eq!(read(rfd, &mut buf), 0, "at end of file until a seek");
        close(rfd);
        close(wfd);
    }

    #[test]
    fn utf16_and_utf8_modes() {
        let (rfd, wfd) = pipe_fds(O_BINARY);
        assert_eq!(_setmode(wfd, O_U16TEXT), O_BINARY);
        assert_eq!(write(wfd, b"a\0\n\0"), 4);
        assert_eq!(write(wfd, b"a"), -1, "odd counts are refused");
        assert_eq!(_setmode(wfd, O_U8TEXT), O_WTEXT);
        assert_eq!(write(wfd, &[0xe9, 0, b'\n', 0]), 4);
        let mut buf = [0u8; 64];
        let n = read(rfd, &mut buf) as usize;
        assert_eq!(&buf[..n], b"a\0\r\0\n\0\xc3\xa9\r\n");
        // Read it back as UTF-8 text.
        assert_eq!(_setmode(wfd, O_BINARY), O_WTEXT);
        assert_eq!(write(wfd, "\u{e9}\r\nz\u{20ac}".as_bytes()), 8);
        assert_eq!(_setmode(rfd, O_U8TEXT), O_BINARY);
        let n = read(rfd, &mut buf[..4]);
        assert_eq!(n, 4, "two units: é and \\n");
        assert_eq!(&buf[..4], &[0xe9, 0, b'\n', 0]);
        let n = read(rfd, &mut buf[..8]);
        assert_eq!(&buf[..n as usize], &[b'z', 0, 0xac, 0x20]);
        close(rfd);
        close(wfd);
    }
}
