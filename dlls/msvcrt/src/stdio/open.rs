//! stdio.h: opening and closing streams (`fopen` and its family, `freopen`, `_fdopen`,
//! `fclose`, `_fcloseall`) and temporary files (`tmpfile`, `tmpnam`, `_tempnam`, `_rmtmp`).
//!
//! The mode string is msvcrt's: `r`, `w` or `a` (any case, after optional spaces), then any
//! of `+` (read and write), `b`/`t` (binary/text, default `_fmode`), `c`/`n` (commit on
//! flush or not, default `_commode`), `N` (not inherited), `D` (delete on close), `T`
//! (short-lived), `S`/`R` (ignored), and in the UCRT `x` (fail if the file exists; only with
//! `w`); msvcrt ignores other letters, as Wine 8 does. Then optionally
//! `,ccs=UTF-8|UTF-16LE|UNICODE` (spaces allowed around `ccs` and `=`): a Unicode text stream,
//! whose byte-order mark is written when the file is new or empty and otherwise decides the
//! encoding (a file without one: UTF-8 or UTF-16 as asked, ANSI for `UNICODE`).

use super::lowio::{
    O_APPEND, O_BINARY, O_CREAT, O_EXCL, O_NOINHERIT, O_RDONLY, O_RDWR, O_SHORT_LIVED, O_TEMPORARY,
    O_TEXT, O_TRUNC, O_U8TEXT, O_U16TEXT, O_WRONLY, O_WTEXT,
};
use super::sopen::{self, S_IREAD, S_IWRITE, SH_DENYNO, path_a, path_w};
use super::*;
use crate::errno::{EBADF, EINVAL, ERANGE, errno, set_errno};
use crate::invalid::{fail, invalid_parameter};
use crate::{MSVCRT, UCRT};
use std::ffi::c_void;
use std::sync::atomic::AtomicI32;

/// A parsed mode: `_open` flags and stream flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mode {
    pub open: i32,
    pub stream: i32,
}

/// Parse an fopen mode (see the module comment); None (after the invalid-parameter handler)
/// for a bad one.
pub fn parse_mode(mode: &[u16], flavor: Flavor) -> Option<Mode> {
    let bad = || {
        invalid_parameter();
        set_errno(EINVAL);
        None
    };
    let plus = mode.contains(&(b'+' as u16));
    let mut i = mode.iter().take_while(|&&c| c == b' ' as u16).count();
    let at = |i: usize| mode.get(i).copied().unwrap_or(0);
    let (mut open, mut stream) = match at(i) as u8 {
        b'r' | b'R' => (
            if plus { O_RDWR } else { O_RDONLY },
            if plus { IORW } else { IOREAD },
        ),
        b'w' | b'W' => (
            O_CREAT | O_TRUNC | if plus { O_RDWR } else { O_WRONLY },
            if plus { IORW } else { IOWRT },
        ),
        b'a' | b'A' => (
            O_CREAT | O_APPEND | if plus { O_RDWR } else { O_WRONLY },
            if plus { IORW } else { IOWRT },
        ),
        _ => return bad(),
    };
    i += 1;
    // SAFETY: a plain read of the CRT's global.
    stream |= unsafe { crate::startup::_commode } & IOCOMMIT;
    while i < mode.len() && at(i) != b',' as u16 {
        match at(i) {
            0x42 | 0x62 => open = (open | O_BINARY) & !O_TEXT, // B b
            0x74 => open = (open | O_TEXT) & !O_BINARY,        // t
            0x44 => open |= O_TEMPORARY,                       // D
            0x54 => open |= O_SHORT_LIVED,                     // T
            0x63 => stream |= IOCOMMIT,                        // c
            0x6e => stream &= !IOCOMMIT,                       // n
            0x4e => open |= O_NOINHERIT,                       // N
            0x78 if flavor == Flavor::Ucrt => {
                // x: only for creating a file ("w"), not appending or reading.
                if open & (O_CREAT | O_APPEND) != O_CREAT {
                    return bad();
                }
                open |= O_EXCL;
            }
            c => {
                if !matches!(c, 0x2b | 0x20 | 0x61 | 0x77 | 0x53 | 0x52 | 0x78) {
                    log::warn!(
                        "fopen: ignoring mode character {:?}",
                        char::from_u32(c as u32)
                    );
                }
            }
        }
        i += 1;
    }
    if at(i) == b',' as u16 {
        i += 1;
        let skip = |i: &mut usize| {
            while at(*i) == b' ' as u16 {
                *i += 1;
            }
        };
        let word = |i: usize, w: &str, fold: bool| {
            w.bytes().enumerate().all(|(k, b)| {
                let c = at(i + k);
                c == b as u16 || (fold && c < 0x80 && (c as u8).eq_ignore_ascii_case(&b))
            })
        };
        skip(&mut i);
        if !word(i, "ccs", false) {
            return bad();
        }
        i += 3;
        skip(&mut i);
        if at(i) != b'=' as u16 {
            return bad();
        }
        i += 1;
        skip(&mut i);
        if word(i, "utf-8", true) {
            open |= O_U8TEXT;
            i += 5;
        } else if word(i, "utf-16le", true) {
            open |= O_U16TEXT;
            i += 8;
        } else if word(i, "unicode", true) {
            open |= O_WTEXT;
            i += 7;
        } else {
            return bad();
        }
        skip(&mut i);
    }
    if i < mode.len() {
        return bad();
    }
    Some(Mode { open, stream })
}

fn wide_mode(mode: *const u16) -> Option<Vec<u16>> {
    unsafe { dllcore::strings::wstr(mode) }.map(<[u16]>::to_vec)
}

fn narrow_mode(mode: *const u8) -> Option<Vec<u16>> {
    unsafe { dllcore::strings::cstr(mode) }.map(|m| m.iter().map(|&b| b as u16).collect())
}

/// `_wfsopen`'s work: open `path` with `mode` and `share`, as a new stream.
fn fsopen(path: Option<String>, mode: Option<Vec<u16>>, share: i32, flavor: Flavor) -> *mut File {
    let (Some(path), Some(mode)) = (path, mode) else {
        fail(EINVAL);
        return std::ptr::null_mut();
    };
    let Some(m) = parse_mode(&mode, flavor) else {
        return std::ptr::null_mut();
    };
    let Ok(fd) = sopen::sopen(&path, m.open, share, S_IREAD | S_IWRITE, false) else {
        return std::ptr::null_mut();
    };
    let _g = files_lock();
    let f = alloc_stream(flavor, fd, m.stream);
    if f.is_null() {
        sopen::close_fd(fd);
    }
    f
}

/// `fopen_s`'s work.
unsafe fn fopen_s_impl(
    pf: *mut *mut File,
    path: Option<String>,
    mode: Option<Vec<u16>>,
    flavor: Flavor,
) -> i32 {
    if pf.is_null() || path.is_none() || mode.is_none() {
        return fail(EINVAL);
    }
    let f = fsopen(path, mode, SH_DENYNO, flavor);
    unsafe { *pf = f };
    if f.is_null() { errno() } else { 0 }
}

/// `_wfreopen`'s work: close the stream, then open `path` into the same FILE.
unsafe fn freopen_impl(
    path: Option<String>,
    mode: Option<Vec<u16>>,
    f: *mut File,
    flavor: Flavor,
) -> *mut File {
    if f.is_null() || unsafe { (*f).file } < 0 {
        return std::ptr::null_mut();
    }
    unsafe { fclose(f) };
    let (Some(path), Some(mode)) = (path, mode) else {
        return std::ptr::null_mut();
    };
    let Some(m) = parse_mode(&mode, flavor) else {
        return std::ptr::null_mut();
    };
    let Ok(fd) = sopen::sopen(&path, m.open, SH_DENYNO, S_IREAD | S_IWRITE, false) else {
        return std::ptr::null_mut();
    };
    let _g = files_lock();
    unsafe {
        *f = File {
            file: fd,
            flag: m.stream,
            ..File::ZERO
        }
    };
    f
}

unsafe fn freopen_s_impl(
    pf: *mut *mut File,
    path: Option<String>,
    mode: Option<Vec<u16>>,
    f: *mut File,
    flavor: Flavor,
) -> i32 {
    if pf.is_null() || path.is_none() || mode.is_none() || f.is_null() {
        return fail(EINVAL);
    }
    let r = unsafe { freopen_impl(path, mode, f, flavor) };
    unsafe { *pf = r };
    if r.is_null() { errno() } else { 0 }
}

/// `_wfdopen`'s work: a stream on an open fd.
pub(crate) fn fdopen_impl(fd: i32, mode: Option<Vec<u16>>, flavor: Flavor) -> *mut File {
    let Some(mode) = mode else {
        fail(EINVAL);
        return std::ptr::null_mut();
    };
    let Some(m) = parse_mode(&mode, flavor) else {
        return std::ptr::null_mut();
    };
    if lowio::info(fd).is_none() {
        crate::errno::set_errno_from_win32(0);
        set_errno(EBADF);
        return std::ptr::null_mut();
    }
    let _g = files_lock();
    alloc_stream(flavor, fd, m.stream)
}

/// `tmpfile`'s work: a new binary read-write file in the temporary directory, deleted when
/// closed.
fn tmpfile_impl(flavor: Flavor) -> *mut File {
    let Some(name) = temp_file_name(None, "t") else {
        return std::ptr::null_mut();
    };
    let Ok(fd) = sopen::sopen(
        &name,
        O_CREAT | O_BINARY | O_RDWR | O_TEMPORARY,
        SH_DENYNO,
        S_IREAD | S_IWRITE,
        false,
    ) else {
        return std::ptr::null_mut();
    };
    let _g = files_lock();
    let f = alloc_stream(flavor, fd, IORW);
    if f.is_null() {
        sopen::close_fd(fd);
    } else {
        unsafe {
            (*f).tmpfname =
                crate::heap::dup_bytes(&syscall_shims::codepage::wide_to_ansi(&to_wide(&name)))
        };
    }
    f
}

fn to_wide(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

/// Generates the msvcrt and ucrtbase exports of a function taking a flavour.
macro_rules! both {
    ($(#[$doc:meta])* $name:literal, $m:ident, $u:ident, ($($p:ident: $t:ty),*) -> $r:ty, $body:expr) => {
        $(#[$doc])*
        #[export(name = $name, only = MSVCRT)]
        pub unsafe extern "win64" fn $m($($p: $t),*) -> $r {
            let flavor = Flavor::Msvcrt;
            #[allow(clippy::redundant_closure_call)]
            unsafe { ($body)(flavor) }
        }
        $(#[$doc])*
        #[export(name = $name, only = UCRT)]
        pub unsafe extern "win64" fn $u($($p: $t),*) -> $r {
            let flavor = Flavor::Ucrt;
            #[allow(clippy::redundant_closure_call)]
            unsafe { ($body)(flavor) }
        }
    };
}

both!(
    /// fopen: a stream on the file `path` (see the module comment for `mode`).
    "fopen", fopen_msvcrt, fopen_ucrt, (path: *const u8, mode: *const u8) -> *mut File,
    |fl| fsopen(path_a(path), narrow_mode(mode), SH_DENYNO, fl)
);
both!(
    /// _wfopen.
    "_wfopen", _wfopen_msvcrt, _wfopen_ucrt, (path: *const u16, mode: *const u16) -> *mut File,
    |fl| fsopen(path_w(path), wide_mode(mode), SH_DENYNO, fl)
);
both!(
    /// _fsopen: fopen with a share mode (`_SH_DENYNO`, ...).
    "_fsopen", _fsopen_msvcrt, _fsopen_ucrt, (path: *const u8, mode: *const u8, share: i32) -> *mut File,
    |fl| fsopen(path_a(path), narrow_mode(mode), share, fl)
);
both!(
    /// _wfsopen.
    "_wfsopen", _wfsopen_msvcrt, _wfsopen_ucrt, (path: *const u16, mode: *const u16, share: i32) -> *mut File,
    |fl| fsopen(path_w(path), wide_mode(mode), share, fl)
);
both!(
    /// fopen_s: the stream through `*pf`; 0 or the errno value.
    "fopen_s", fopen_s_msvcrt, fopen_s_ucrt, (pf: *mut *mut File, path: *const u8, mode: *const u8) -> i32,
    |fl| fopen_s_impl(pf, path_a(path), narrow_mode(mode), fl)
);
both!(
    /// _wfopen_s.
    "_wfopen_s", _wfopen_s_msvcrt, _wfopen_s_ucrt, (pf: *mut *mut File, path: *const u16, mode: *const u16) -> i32,
    |fl| fopen_s_impl(pf, path_w(path), wide_mode(mode), fl)
);
both!(
    /// freopen: close `f` and open `path` into it (how a program redirects stdout).
    "freopen", freopen_msvcrt, freopen_ucrt, (path: *const u8, mode: *const u8, f: *mut File) -> *mut File,
    |fl| freopen_impl(path_a(path), narrow_mode(mode), f, fl)
);
both!(
    /// _wfreopen.
    "_wfreopen", _wfreopen_msvcrt, _wfreopen_ucrt, (path: *const u16, mode: *const u16, f: *mut File) -> *mut File,
    |fl| freopen_impl(path_w(path), wide_mode(mode), f, fl)
);
both!(
    /// freopen_s.
    "freopen_s", freopen_s_msvcrt, freopen_s_ucrt,
    (pf: *mut *mut File, path: *const u8, mode: *const u8, f: *mut File) -> i32,
    |fl| freopen_s_impl(pf, path_a(path), narrow_mode(mode), f, fl)
);
both!(
    /// _wfreopen_s.
    "_wfreopen_s", _wfreopen_s_msvcrt, _wfreopen_s_ucrt,
    (pf: *mut *mut File, path: *const u16, mode: *const u16, f: *mut File) -> i32,
    |fl| freopen_s_impl(pf, path_w(path), wide_mode(mode), f, fl)
);
both!(
    /// _fdopen: a stream on an open fd (its mode string sets only the stream flags).
    "_fdopen", _fdopen_msvcrt, _fdopen_ucrt, (fd: i32, mode: *const u8) -> *mut File,
    |fl| fdopen_impl(fd, narrow_mode(mode), fl)
);
both!(
    /// _wfdopen.
    "_wfdopen", _wfdopen_msvcrt, _wfdopen_ucrt, (fd: i32, mode: *const u16) -> *mut File,
    |fl| fdopen_impl(fd, wide_mode(mode), fl)
);
both!(
    /// tmpfile: a new temporary file ("w+b"), deleted when closed or at exit.
    "tmpfile", tmpfile_msvcrt, tmpfile_ucrt, () -> *mut File,
    tmpfile_impl
);
both!(
    /// tmpfile_s.
    "tmpfile_s", tmpfile_s_msvcrt, tmpfile_s_ucrt, (pf: *mut *mut File) -> i32,
    |fl| {
        if pf.is_null() {
            return fail(EINVAL);
        }
        let f = tmpfile_impl(fl);
        *pf = f;
        if f.is_null() { errno() } else { 0 }
    }
);

/// fclose without the lock: flush, free the buffer, close the fd. 0, or EOF if closing
/// failed or the stream had an error.
///
/// # Safety
/// `f` must be a valid FILE.
pub unsafe fn fclose_nolock(f: *mut File) -> i32 {
    unsafe {
        if (*f).flag & (IOREAD | IOWRT | IORW) == 0 {
            (*f).flag = 0;
            return EOF;
        }
        let flag = (*f).flag;
        crate::heap::dealloc((*f).tmpfname as *mut c_void);
        (*f).tmpfname = std::ptr::null_mut();
        if flag & IOWRT != 0 {
            fflush_nolock(f);
        }
        if (*f).flag & IOMYBUF != 0 {
            crate::heap::dealloc((*f).base as *mut c_void);
        }
        let r = sopen::close_fd((*f).file);
        *f = File {
            file: (*f).file,
            ..File::ZERO
        };
        if r == -1 || flag & IOERR != 0 { EOF } else { 0 }
    }
}

/// fclose.
#[export]
pub unsafe extern "win64" fn fclose(f: *mut File) -> i32 {
    if f.is_null() {
        fail(EINVAL);
        return EOF;
    }
    with_locked(f, || unsafe { fclose_nolock(f) })
}

/// _fclose_nolock.
#[export]
pub unsafe extern "win64" fn _fclose_nolock(f: *mut File) -> i32 {
    if f.is_null() {
        fail(EINVAL);
        return EOF;
    }
    unsafe { fclose_nolock(f) }
}

/// Close the open streams beyond stdin, stdout and stderr that `pick` selects; how many.
fn close_streams(pick: impl Fn(*mut File) -> bool) -> i32 {
    let mut n = 0;
    for f in all_streams() {
        if matches!(slot(f), Slot::Msvcrt(0..3) | Slot::Ucrt(0..3)) {
            continue;
        }
        // SAFETY: one of our FILEs; the flag is rechecked under the lock.
        if unsafe { std::ptr::read_volatile(&raw const (*f).flag) } == 0 || !pick(f) {
            continue;
        }
        if with_locked(f, || unsafe { (*f).flag != 0 && fclose_nolock(f) == 0 }) {
            n += 1;
        }
    }
    n
}

/// _fcloseall: close every stream but the standard three; how many were closed.
#[export]
pub extern "win64" fn _fcloseall() -> i32 {
    close_streams(|_| true)
}

/// _rmtmp: close (and so delete) every `tmpfile` stream; how many.
#[export]
pub extern "win64" fn _rmtmp() -> i32 {
    close_streams(|f| unsafe { !(*f).tmpfname.is_null() })
}

// ---- temporary names -----------------------------------------------------------------------

/// `TMP_MAX` of msvcrt and `TMP_MAX_S`.
const TMP_MAX: i32 = 32767;
const TMP_MAX_S: i32 = i32::MAX;

static TMPNAM_UNIQUE: AtomicI32 = AtomicI32::new(0);
static TMPNAM_S_UNIQUE: AtomicI32 = AtomicI32::new(0);

/// `n` in base 32 (0-9a-v); 0 is the empty string.
fn base32(mut n: u32) -> String {
    let mut s = Vec::new();
    while n != 0 {
        let d = (n & 31) as u8;
        s.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        n >>= 5;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The next name `tmpnam` gives: `\s<pid>.<n>` (base 32), one that names no file.
fn next_tmpnam(counter: &AtomicI32, max: i32) -> String {
    let prefix = format!("\\s{}.", base32(syscall_shims::sync::current_pid()));
    loop {
        let mut n = counter.load(Ordering::Relaxed);
        while n + 1 < max {
            match counter.compare_exchange(n, n + 1, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => break,
                Err(cur) => n = cur,
            }
        }
        let name = format!("{prefix}{}", base32(n as u32));
        if syscall_shims::file::attributes(&name)
            == Err(windows_sys::Win32::Foundation::ERROR_FILE_NOT_FOUND)
        {
            return name;
        }
    }
}

thread_local! {
    /// tmpnam's and _wtmpnam's buffers when the program passes none.
    static TMPNAM_BUF: std::cell::Cell<(*mut u8, *mut u16)> = const { std::cell::Cell::new((std::ptr::null_mut(), std::ptr::null_mut())) };
}

const MAX_PATH: usize = 260;

/// tmpnam: a name for a temporary file (in `s`, or a per-thread buffer).
#[export]
pub unsafe extern "win64" fn tmpnam(s: *mut u8) -> *mut u8 {
    let s = if s.is_null() {
        TMPNAM_BUF.with(|b| {
            let (mut n, w) = b.get();
            if n.is_null() {
                n = crate::heap::alloc(MAX_PATH) as *mut u8;
                b.set((n, w));
            }
            n
        })
    } else {
        s
    };
    if s.is_null() {
        return s;
    }
    let name = next_tmpnam(&TMPNAM_UNIQUE, TMP_MAX);
    unsafe {
        std::ptr::copy_nonoverlapping(name.as_ptr(), s, name.len());
        *s.add(name.len()) = 0;
    }
    s
}

/// _wtmpnam.
#[export]
pub unsafe extern "win64" fn _wtmpnam(s: *mut u16) -> *mut u16 {
    let s = if s.is_null() {
        TMPNAM_BUF.with(|b| {
            let (n, mut w) = b.get();
            if w.is_null() {
                w = crate::heap::alloc(MAX_PATH * 2) as *mut u16;
                b.set((n, w));
            }
            w
        })
    } else {
        s
    };
    if s.is_null() {
        return s;
    }
    let name = to_wide(&next_tmpnam(&TMPNAM_UNIQUE, TMP_MAX));
    unsafe {
        std::ptr::copy_nonoverlapping(name.as_ptr(), s, name.len());
        *s.add(name.len()) = 0;
    }
    s
}

/// `tmpnam_s`'s work for either width: ERANGE if the name does not fit.
unsafe fn tmpnam_s_impl<T: Copy + From<u8>>(s: *mut T, size: usize) -> i32 {
    if s.is_null() {
        return fail(EINVAL);
    }
    let name = next_tmpnam(&TMPNAM_S_UNIQUE, TMP_MAX_S);
    unsafe {
        if name.len() + 1 > size {
            if size > 0 {
                *s = T::from(0);
            }
            set_errno(ERANGE);
            return ERANGE;
        }
        for (k, b) in name.bytes().enumerate() {
            *s.add(k) = T::from(b);
        }
        *s.add(name.len()) = T::from(0);
    }
    0
}

/// tmpnam_s.
#[export]
pub unsafe extern "win64" fn tmpnam_s(s: *mut u8, size: usize) -> i32 {
    unsafe { tmpnam_s_impl(s, size) }
}

/// _wtmpnam_s.
#[export]
pub unsafe extern "win64" fn _wtmpnam_s(s: *mut u16, size: usize) -> i32 {
    unsafe { tmpnam_s_impl(s, size) }
}

/// The temporary directory, as GetTempPath finds it: %TMP%, %TEMP%, else the host's (as a
/// DOS path). Without a trailing backslash.
pub fn temp_dir() -> String {
    for var in ["TMP", "TEMP"] {
        let name: Vec<u16> = var.encode_utf16().collect();
        if let Some(v) = syscall_shims::env::get(&name) {
            let v = String::from_utf16_lossy(&v);
            if is_dir(&v) {
                return v.trim_end_matches(['\\', '/']).to_string();
            }
        }
    }
    let host = std::env::temp_dir();
    syscall_shims::path::unix_to_dos(host.to_str().unwrap_or("/tmp"))
        .trim_end_matches('\\')
        .to_string()
}

fn is_dir(dos: &str) -> bool {
    syscall_shims::file::attributes(dos)
        .is_ok_and(|a| a & windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_DIRECTORY != 0)
}

static TEMP_UNIQUE: AtomicI32 = AtomicI32::new(0);

/// GetTempFileName's naming: create a new empty file `<dir>\<prefix[..3]><hex>.tmp` and
/// return its name. `dir` None (or a directory that does not exist) means [`temp_dir`].
pub fn temp_file_name(dir: Option<&str>, prefix: &str) -> Option<String> {
    let dir = match dir {
        Some(d) if !d.is_empty() && is_dir(d) => d.trim_end_matches(['\\', '/']).to_string(),
        _ => temp_dir(),
    };
    let prefix: String = prefix.chars().take(3).collect();
    let start = (syscall_shims::sync::current_pid() as i32).wrapping_mul(31);
    for _ in 0..0x10000 {
        let n = (start.wrapping_add(TEMP_UNIQUE.fetch_add(1, Ordering::Relaxed)) & 0xffff).max(1);
        let name = format!("{dir}\\{prefix}{n:x}.tmp");
        let o = syscall_shims::file::CreateOptions {
            access: windows_sys::Win32::Foundation::GENERIC_WRITE,
            disposition: windows_sys::Win32::Storage::FileSystem::CREATE_NEW,
            flags: 0,
            inherit: false,
        };
        match syscall_shims::file::create(&name, &o) {
            Ok((h, _)) => {
                let _ = syscall_shims::handles::close(h);
                return Some(name);
            }
            Err(windows_sys::Win32::Foundation::ERROR_FILE_EXISTS) => continue,
            Err(e) => {
                crate::errno::set_errno_from_win32(e);
                return None;
            }
        }
    }
    None
}

/// `_tempnam`'s work: a fresh name in %TMP%, else `dir`, else the temporary directory.
fn tempnam(dir: Option<String>, prefix: Option<String>) -> Option<String> {
    let tmp: Vec<u16> = "TMP".encode_utf16().collect();
    let dir = syscall_shims::env::get(&tmp)
        .map(|v| String::from_utf16_lossy(&v))
        .filter(|d| is_dir(d))
        .or(dir);
    let name = temp_file_name(dir.as_deref(), prefix.as_deref().unwrap_or(""))?;
    let _ = syscall_shims::file::delete(&name);
    Some(name)
}

/// _tempnam: a malloc'd name for a temporary file (the file is not created).
#[export]
pub unsafe extern "win64" fn _tempnam(dir: *const u8, prefix: *const u8) -> *mut u8 {
    match tempnam(unsafe { path_a(dir) }, unsafe { path_a(prefix) }) {
        Some(n) => crate::heap::dup_bytes(&syscall_shims::codepage::wide_to_ansi(&to_wide(&n))),
        None => std::ptr::null_mut(),
    }
}

/// _wtempnam.
#[export]
pub unsafe extern "win64" fn _wtempnam(dir: *const u16, prefix: *const u16) -> *mut u16 {
    match tempnam(unsafe { path_w(dir) }, unsafe { path_w(prefix) }) {
        Some(n) => crate::heap::dup_units(&to_wide(&n)),
        None => std::ptr::null_mut(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str, f: Flavor) -> Option<Mode> {
        parse_mode(&s.encode_utf16().collect::<Vec<_>>(), f)
    }

    #[test]
    fn modes() {
        let u = Flavor::Ucrt;
        let v = Flavor::Msvcrt;
        assert_eq!(
            m("r", v),
            Some(Mode {
                open: O_RDONLY,
                stream: IOREAD
            })
        );
        assert_eq!(
            m(" W+b", v),
            Some(Mode {
                open: O_CREAT | O_TRUNC | O_RDWR | O_BINARY,
                stream: IORW
            })
        );
        assert_eq!(
            m("at", v),
            Some(Mode {
                open: O_CREAT | O_APPEND | O_WRONLY | O_TEXT,
                stream: IOWRT
            })
        );
        assert_eq!(
            m("rw", v).unwrap().open,
            O_RDONLY,
            "a later w means nothing"
        );
        assert_eq!(m("wc", v).unwrap().stream, IOWRT | IOCOMMIT);
        assert_eq!(m("wcn", v).unwrap().stream, IOWRT);
        assert_eq!(
            m("wDTN", v).unwrap().open & (O_TEMPORARY | O_SHORT_LIVED | O_NOINHERIT),
            O_TEMPORARY | O_SHORT_LIVED | O_NOINHERIT
        );
        assert_eq!(
            m("wq", v).map(|x| x.open),
            Some(O_CREAT | O_TRUNC | O_WRONLY),
            "unknown letters are ignored"
        );
        assert_eq!(m("x", v), None);
        assert_eq!(m("", v), None);
        assert_eq!(m("wx", v).unwrap().open & O_EXCL, 0, "msvcrt has no x");
        assert_eq!(m("wx", u).unwrap().open & O_EXCL, O_EXCL);
        assert_eq!(m("w+bx", u).unwrap().open & O_EXCL, O_EXCL);
        assert_eq!(m("rx", u), None);
        assert_eq!(m("ax", u), None);
        assert_eq!(m("w,ccs=UTF-8", v).unwrap().open & O_U8TEXT, O_U8TEXT);
        assert_eq!(m("w, ccs = unicode ", v).unwrap().open & O_WTEXT, O_WTEXT);
        assert_eq!(m("r,ccs=Utf-16LE", v).unwrap().open & O_U16TEXT, O_U16TEXT);
        assert_eq!(m("w,ccs=UTF-8x", v), None);
        assert_eq!(m("w,CCS=UTF-8", v), None);
        assert_eq!(m("w,ccs", v), None);
        assert_eq!(m("w,ccs=bogus", v), None);
    }

    #[test]
    fn base32_names() {
        assert_eq!(base32(0), "");
        assert_eq!(base32(1), "1");
        assert_eq!(base32(32), "10");
        assert_eq!(base32(31), "v");
    }
}
