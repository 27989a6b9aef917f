//! io.h: opening and closing file descriptors (`_open`, `_sopen_s`, `_close`, `_dup2`,
//! `_pipe`, ...) and what works on a whole file (`_chsize`, `_commit`, `_locking`).
//!
//! `_open` is CreateFile: the flags choose the access and disposition (`_O_CREAT` with
//! `_O_EXCL` is CREATE_NEW, with `_O_TRUNC` CREATE_ALWAYS, alone OPEN_ALWAYS; `_O_TRUNC` alone
//! is TRUNCATE_EXISTING), a `pmode` without `_S_IWRITE` (after `_umask`) makes a read-only
//! file, `_O_TEMPORARY` deletes it on close. The Unicode text modes look at a byte-order mark:
//! a file opened for writing that is new or empty gets one (EF BB BF for `_O_U8TEXT`, FF FE
//! otherwise); a file opened for reading is UTF-8 or UTF-16 as its mark says, and the mark is
//! skipped (without a mark `_O_U8TEXT`/`_O_U16TEXT` stay, `_O_WTEXT` reads ANSI). Names go
//! through the file layer's DOS path mapping; the `_SH_*` share modes become CreateFile's
//! (`_SH_DENYNO` shares reading and writing, not deleting: an open file cannot be deleted,
//! as on Windows).

use super::lowio::{
    self, Encoding, O_CREAT, O_EXCL, O_NOINHERIT, O_RDWR, O_TEMPORARY, O_TRUNC, O_U8TEXT,
    O_U16TEXT, O_UNICODE, O_WRONLY, O_WTEXT, WX_PIPE, WX_TTY,
};
use crate::errno::{EBADF, EINVAL, EMFILE, errno, set_errno, set_errno_from_win32};
use crate::invalid::fail;
use dllcore::VaList;
use dllcore::export;
use std::sync::atomic::{AtomicI32, Ordering};
use syscall_shims::file::CreateOptions;
use windows_sys::Win32::Foundation::{GENERIC_READ, GENERIC_WRITE, HANDLE};
use windows_sys::Win32::Storage::FileSystem::{
    CREATE_ALWAYS, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, FILE_ATTRIBUTE_READONLY,
    FILE_FLAG_DELETE_ON_CLOSE, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE,
    FILE_TYPE_CHAR, FILE_TYPE_PIPE, OPEN_ALWAYS, OPEN_EXISTING, TRUNCATE_EXISTING,
};

/// `_SH_*` share flags.
pub const SH_DENYRW: i32 = 0x10;
pub const SH_DENYWR: i32 = 0x20;
pub const SH_DENYRD: i32 = 0x30;
pub const SH_DENYNO: i32 = 0x40;
pub const SH_SECURE: i32 = 0x80;

/// `_S_IREAD` / `_S_IWRITE`.
pub const S_IREAD: i32 = 0x0100;
pub const S_IWRITE: i32 = 0x0080;

const UTF8_BOM: [u8; 3] = [0xef, 0xbb, 0xbf];
const UTF16_BOM: [u8; 2] = [0xff, 0xfe];

/// `_umask`: the permission bits taken away from new files.
static UMASK: AtomicI32 = AtomicI32::new(0);

/// A narrow path from a program (the ANSI code page); None for NULL.
///
/// # Safety
/// `p` is NULL or a NUL-terminated string.
pub unsafe fn path_a(p: *const u8) -> Option<String> {
    unsafe { dllcore::strings::cstr(p) }.map(syscall_shims::codepage::ansi_to_string)
}

/// A wide path from a program; None for NULL.
///
/// # Safety
/// `p` is NULL or a NUL-terminated UTF-16 string.
pub unsafe fn path_w(p: *const u16) -> Option<String> {
    unsafe { dllcore::strings::wstr(p) }.map(String::from_utf16_lossy)
}

/// Look at the start of a file for a byte-order mark: a mark decides the Unicode mode;
/// without one `_O_U8TEXT` and `_O_U16TEXT` stay and `_O_WTEXT` becomes ANSI (as Wine 8
/// does). With `skip`, leave the position after a mark (at 0 without one).
fn check_bom(h: HANDLE, oflags: i32, skip: bool) -> i32 {
    let mut b = [0u8; 3];
    let Ok(n) = syscall_shims::file::read(h, &mut b) else {
        return oflags & !O_WTEXT;
    };
    if n == 3 && b == UTF8_BOM {
        (oflags & !O_UNICODE) | O_U8TEXT
    } else if n >= 2 && b[..2] == UTF16_BOM {
        if skip && n > 2 {
            let _ = syscall_shims::file::seek(h, 2, 0);
        }
        (oflags & !O_UNICODE) | O_U16TEXT
    } else {
        if skip {
            let _ = syscall_shims::file::seek(h, 0, 0);
        }
        oflags & !O_WTEXT
    }
}

/// Open `path` as `_wsopen_dispatch` does; the new fd, or the errno value (errno also set).
/// `secure` (the `_s` functions) refuses a `pmode` with bits other than read and write.
pub fn sopen(path: &str, oflags: i32, shflags: i32, pmode: i32, secure: bool) -> Result<i32, i32> {
    let mut oflags = oflags;
    let wxflag = lowio::split_oflags(oflags);
    let access = match oflags & 3 {
        0 => GENERIC_READ,
        O_WRONLY => GENERIC_WRITE,
        O_RDWR => GENERIC_READ | GENERIC_WRITE,
        _ => 0,
    };
    let disposition = if oflags & O_CREAT != 0 {
        if secure && pmode & !(S_IREAD | S_IWRITE) != 0 {
            return Err(fail(EINVAL));
        }
        if oflags & O_EXCL != 0 {
            CREATE_NEW
        } else if oflags & O_TRUNC != 0 {
            CREATE_ALWAYS
        } else {
            OPEN_ALWAYS
        }
    } else if oflags & O_TRUNC != 0 {
        TRUNCATE_EXISTING
    } else {
        OPEN_EXISTING
    };
    let mut share = match shflags & !SH_SECURE {
        SH_DENYRW => 0,
        SH_DENYWR => FILE_SHARE_READ,
        SH_DENYRD => FILE_SHARE_WRITE,
        SH_DENYNO => FILE_SHARE_READ | FILE_SHARE_WRITE,
        _ => {
            log::warn!("_sopen: unhandled share flags {shflags:#x}");
            return Err(EINVAL);
        }
    };
    // The mode only counts when the file may be created (`pmode` is not even passed otherwise).
    let read_only = oflags & O_CREAT != 0 && pmode & !UMASK.load(Ordering::Relaxed) & S_IWRITE == 0;
    let mut flags = if read_only {
        FILE_ATTRIBUTE_READONLY
    } else {
        FILE_ATTRIBUTE_NORMAL
    };
    if oflags & O_TEMPORARY != 0 {
        flags |= FILE_FLAG_DELETE_ON_CLOSE;
        share |= FILE_SHARE_DELETE;
    }
    let inherit = oflags & O_NOINHERIT == 0;
    let open_existing = matches!(disposition, OPEN_ALWAYS | OPEN_EXISTING);
    if oflags & O_UNICODE != 0 && open_existing && access & GENERIC_READ == 0 {
        // Writing to an existing file: its mark (if any) decides the encoding.
        let probe = CreateOptions {
            access: GENERIC_READ,
            disposition: OPEN_EXISTING,
            flags: 0,
            inherit: false,
        };
        // (A file that does not exist yet keeps the mode asked for: it gets a mark below.)
        if let Ok((h, _)) = syscall_shims::file::create(path, &probe) {
            oflags = check_bom(h, oflags, false);
            let _ = syscall_shims::handles::close(h);
        }
    }
    let o = CreateOptions {
        access,
        disposition,
        flags,
        inherit,
    };
    let h = match syscall_shims::file::create_ex(path, &o, share) {
        Ok((h, _)) => h,
        Err(e) => {
            set_errno_from_win32(e);
            return Err(errno());
        }
    };
    if oflags & O_UNICODE != 0 {
        let size = if access & GENERIC_WRITE != 0 && open_existing {
            syscall_shims::file::size(h).unwrap_or(0)
        } else {
            0
        };
        if access & GENERIC_WRITE != 0 && (!open_existing || size == 0) {
            let bom: &[u8] = if oflags & O_U8TEXT != 0 {
                &UTF8_BOM
            } else {
                &UTF16_BOM
            };
            if let Err(e) = syscall_shims::file::write(h, bom) {
                let _ = syscall_shims::handles::close(h);
                set_errno_from_win32(e);
                return Err(errno());
            }
        } else if access & GENERIC_READ != 0 {
            oflags = check_bom(h, oflags, true);
        }
    }
    let kind = match syscall_shims::file::file_type(h) {
        Ok(FILE_TYPE_CHAR) => WX_TTY,
        Ok(FILE_TYPE_PIPE) => WX_PIPE,
        _ => 0,
    };
    let (enc, wtext) = if oflags & O_WTEXT != 0 {
        (Encoding::Utf16, true)
    } else if oflags & O_U16TEXT != 0 {
        (Encoding::Utf16, false)
    } else if oflags & O_U8TEXT != 0 {
        (Encoding::Utf8, false)
    } else {
        (Encoding::Ansi, false)
    };
    let fd = lowio::alloc_fd_enc(h as usize, wxflag | kind, enc, wtext);
    if fd < 0 {
        let _ = syscall_shims::handles::close(h);
        return Err(EMFILE);
    }
    Ok(fd)
}

/// `_open`-style result: the fd, or -1.
fn fd_or_minus1(r: Result<i32, i32>) -> i32 {
    r.unwrap_or(-1)
}

/// The optional `pmode` argument of `_open`/`_sopen`: read only with `_O_CREAT`.
unsafe fn pmode_arg(oflags: i32, mut args: VaList) -> i32 {
    if oflags & O_CREAT != 0 {
        unsafe { args.next_u64() as i32 }
    } else {
        0
    }
}

/// _open(path, oflags[, pmode]): a new fd, or -1 (errno set).
#[export(variadic)]
pub unsafe extern "win64" fn _open(path: *const u8, oflags: i32, args: VaList) -> i32 {
    let Some(p) = (unsafe { path_a(path) }) else {
        return fail(EINVAL).min(-1);
    };
    fd_or_minus1(sopen(
        &p,
        oflags,
        SH_DENYNO,
        unsafe { pmode_arg(oflags, args) },
        false,
    ))
}

/// _wopen.
#[export(variadic)]
pub unsafe extern "win64" fn _wopen(path: *const u16, oflags: i32, args: VaList) -> i32 {
    let Some(p) = (unsafe { path_w(path) }) else {
        return fail(EINVAL).min(-1);
    };
    fd_or_minus1(sopen(
        &p,
        oflags,
        SH_DENYNO,
        unsafe { pmode_arg(oflags, args) },
        false,
    ))
}

/// _sopen(path, oflags, shflags[, pmode]).
#[export(variadic)]
pub unsafe extern "win64" fn _sopen(
    path: *const u8,
    oflags: i32,
    shflags: i32,
    args: VaList,
) -> i32 {
    let Some(p) = (unsafe { path_a(path) }) else {
        return fail(EINVAL).min(-1);
    };
    fd_or_minus1(sopen(
        &p,
        oflags,
        shflags,
        unsafe { pmode_arg(oflags, args) },
        false,
    ))
}

/// _wsopen.
#[export(variadic)]
pub unsafe extern "win64" fn _wsopen(
    path: *const u16,
    oflags: i32,
    shflags: i32,
    args: VaList,
) -> i32 {
    let Some(p) = (unsafe { path_w(path) }) else {
        return fail(EINVAL).min(-1);
    };
    fd_or_minus1(sopen(
        &p,
        oflags,
        shflags,
        unsafe { pmode_arg(oflags, args) },
        false,
    ))
}

unsafe fn sopen_s_impl(
    pfd: *mut i32,
    path: Option<String>,
    oflags: i32,
    shflags: i32,
    pmode: i32,
    secure: bool,
) -> i32 {
    if pfd.is_null() {
        return fail(EINVAL);
    }
    unsafe { *pfd = -1 };
    let Some(p) = path else { return fail(EINVAL) };
    match sopen(&p, oflags, shflags, pmode, secure) {
        Ok(fd) => {
            unsafe { *pfd = fd };
            0
        }
        Err(e) => e,
    }
}

/// _sopen_s: the fd in `*pfd` (-1 on failure); 0 or the errno value.
#[export]
pub unsafe extern "win64" fn _sopen_s(
    pfd: *mut i32,
    path: *const u8,
    oflags: i32,
    shflags: i32,
    pmode: i32,
) -> i32 {
    unsafe { sopen_s_impl(pfd, path_a(path), oflags, shflags, pmode, true) }
}

/// _wsopen_s.
#[export]
pub unsafe extern "win64" fn _wsopen_s(
    pfd: *mut i32,
    path: *const u16,
    oflags: i32,
    shflags: i32,
    pmode: i32,
) -> i32 {
    unsafe { sopen_s_impl(pfd, path_w(path), oflags, shflags, pmode, true) }
}

/// _sopen_dispatch (UCRT): `_sopen_s` with a flag for the `pmode` check.
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _sopen_dispatch(
    path: *const u8,
    oflags: i32,
    shflags: i32,
    pmode: i32,
    pfd: *mut i32,
    secure: i32,
) -> i32 {
    unsafe { sopen_s_impl(pfd, path_a(path), oflags, shflags, pmode, secure != 0) }
}

/// _wsopen_dispatch (UCRT).
#[export(only = crate::UCRT)]
pub unsafe extern "win64" fn _wsopen_dispatch(
    path: *const u16,
    oflags: i32,
    shflags: i32,
    pmode: i32,
    pfd: *mut i32,
    secure: i32,
) -> i32 {
    unsafe { sopen_s_impl(pfd, path_w(path), oflags, shflags, pmode, secure != 0) }
}

/// _creat: `_open(path, _O_CREAT | _O_TRUNC | _O_RDWR, pmode)`.
#[export]
pub unsafe extern "win64" fn _creat(path: *const u8, pmode: i32) -> i32 {
    let Some(p) = (unsafe { path_a(path) }) else {
        return fail(EINVAL).min(-1);
    };
    fd_or_minus1(sopen(
        &p,
        O_CREAT | O_TRUNC | O_RDWR,
        SH_DENYNO,
        pmode,
        false,
    ))
}

/// _wcreat.
#[export]
pub unsafe extern "win64" fn _wcreat(path: *const u16, pmode: i32) -> i32 {
    let Some(p) = (unsafe { path_w(path) }) else {
        return fail(EINVAL).min(-1);
    };
    fd_or_minus1(sopen(
        &p,
        O_CREAT | O_TRUNC | O_RDWR,
        SH_DENYNO,
        pmode,
        false,
    ))
}

/// Close fd: free it and close its handle (stdout and stderr sharing one handle keep it for
/// the other). 0, or -1 with EBADF.
pub fn close_fd(fd: i32) -> i32 {
    let Some(i) = lowio::info(fd) else {
        fail(EBADF);
        return -1;
    };
    let shared = match fd {
        1 => lowio::info(2).is_some_and(|o| o.handle == i.handle),
        2 => lowio::info(1).is_some_and(|o| o.handle == i.handle),
        _ => false,
    };
    lowio::free_fd(fd);
    if shared {
        return 0;
    }
    match syscall_shims::handles::close(i.handle as HANDLE) {
        Ok(()) => 0,
        Err(e) => {
            set_errno_from_win32(e);
            -1
        }
    }
}

/// _close.
#[export]
pub extern "win64" fn _close(fd: i32) -> i32 {
    close_fd(fd)
}

/// _dup2: make `nd` a duplicate of `od` (closing what `nd` was); 0 or -1. The copy is
/// inheritable and keeps the text mode, but not the Unicode encoding.
#[export]
pub extern "win64" fn _dup2(od: i32, nd: i32) -> i32 {
    let Some(i) = lowio::info(od) else {
        set_errno(EBADF);
        return -1;
    };
    if !(0..lowio::MAX_FDS as i32).contains(&nd) {
        set_errno(EBADF);
        return -1;
    }
    let h = match syscall_shims::handles::duplicate(i.handle as HANDLE, true, false) {
        Ok(h) => h,
        Err(e) => {
            set_errno_from_win32(e);
            return -1;
        }
    };
    if lowio::info(nd).is_some() {
        close_fd(nd);
    }
    lowio::set_fd(nd, h as usize, i.wxflag & !lowio::WX_DONTINHERIT);
    0
}

/// _dup: the lowest free fd as a duplicate of `od`.
#[export]
pub extern "win64" fn _dup(od: i32) -> i32 {
    let Some(i) = lowio::info(od) else {
        set_errno(EBADF);
        return -1;
    };
    let h = match syscall_shims::handles::duplicate(i.handle as HANDLE, true, false) {
        Ok(h) => h,
        Err(e) => {
            set_errno_from_win32(e);
            return -1;
        }
    };
    let fd = lowio::alloc_fd(h as usize, i.wxflag & !lowio::WX_DONTINHERIT);
    if fd < 0 {
        let _ = syscall_shims::handles::close(h);
    }
    fd
}

/// _pipe: a pipe's read and write ends as two fds (`textmode`: `_O_TEXT`/`_O_BINARY`, and
/// `_O_NOINHERIT`). The pipe's capacity is the host's.
#[export]
pub unsafe extern "win64" fn _pipe(pfds: *mut i32, _size: u32, textmode: i32) -> i32 {
    if pfds.is_null() {
        return fail(EINVAL).min(-1);
    }
    let mut p = [0i32; 2];
    // SAFETY: creating a pipe.
    if unsafe { libc::pipe2(p.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        set_errno_from_win32(syscall_shims::errno::last());
        return -1;
    }
    let inherit = textmode & O_NOINHERIT == 0;
    let handle = |fd| {
        let obj = std::sync::Arc::new(syscall_shims::handles::Object::File(
            syscall_shims::file::FileObject::owned(fd),
        ));
        syscall_shims::handles::insert(obj, inherit) as usize
    };
    let (r, w) = (handle(p[0]), handle(p[1]));
    let wx = lowio::split_oflags(textmode) | WX_PIPE;
    let rfd = lowio::alloc_fd(r, wx);
    let wfd = if rfd >= 0 { lowio::alloc_fd(w, wx) } else { -1 };
    if wfd < 0 {
        if rfd >= 0 {
            lowio::free_fd(rfd);
        }
        let _ = syscall_shims::handles::close(r as HANDLE);
        let _ = syscall_shims::handles::close(w as HANDLE);
        set_errno(EMFILE);
        return -1;
    }
    unsafe {
        *pfds = rfd;
        *pfds.add(1) = wfd;
    }
    0
}

/// _commit: write the file's data through to the disk. -1 for a bad fd (errno untouched, as
/// in Wine 8).
#[export]
pub extern "win64" fn _commit(fd: i32) -> i32 {
    let Some(i) = lowio::info(fd) else { return -1 };
    match syscall_shims::file::flush(i.handle as HANDLE) {
        Ok(()) => 0,
        Err(windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE) => 0,
        Err(e) => {
            set_errno_from_win32(e);
            -1
        }
    }
}

/// _chsize_s: cut or extend the file to `size` bytes (the position stays); 0 or errno.
#[export]
pub extern "win64" fn _chsize_s(fd: i32, size: i64) -> i32 {
    if size < 0 {
        return fail(EINVAL);
    }
    let Some(i) = lowio::info(fd) else {
        return fail(EBADF);
    };
    let h = i.handle as HANDLE;
    let Ok(cur) = syscall_shims::file::seek(h, 0, 1) else {
        return errno();
    };
    let r = syscall_shims::file::seek(h, size, 0).and_then(|_| syscall_shims::file::set_end(h));
    let _ = syscall_shims::file::seek(h, cur as i64, 0);
    match r {
        Ok(()) => 0,
        Err(e) => {
            set_errno_from_win32(e);
            errno()
        }
    }
}

/// _chsize: as `_chsize_s`, returning 0 or -1.
#[export]
pub extern "win64" fn _chsize(fd: i32, size: i32) -> i32 {
    if _chsize_s(fd, size as i64) == 0 {
        0
    } else {
        -1
    }
}

/// _filelengthi64: the file's size, or -1.
#[export]
pub extern "win64" fn _filelengthi64(fd: i32) -> i64 {
    let cur = lowio::lseek(fd, 0, 1);
    if cur == -1 {
        return -1;
    }
    let end = lowio::lseek(fd, 0, 2);
    if end != -1 && end != cur {
        lowio::lseek(fd, cur, 0);
    }
    end
}

/// _filelength.
#[export]
pub extern "win64" fn _filelength(fd: i32) -> i32 {
    _filelengthi64(fd) as i32
}

/// _umask: set the permission mask of new files; returns the previous one.
#[export]
pub extern "win64" fn _umask(mask: i32) -> i32 {
    UMASK.swap(mask, Ordering::Relaxed)
}

/// _umask_s: as `_umask`, the old mask through a pointer; EINVAL for bits other than
/// `_S_IREAD | _S_IWRITE`.
#[export]
pub unsafe extern "win64" fn _umask_s(mask: i32, old: *mut i32) -> i32 {
    if old.is_null() || mask & !(S_IREAD | S_IWRITE) != 0 {
        return fail(EINVAL);
    }
    unsafe { *old = _umask(mask) };
    0
}

// ---- _locking ------------------------------------------------------------------------------

/// _locking: lock (`_LK_LOCK`/`_LK_RLCK`: retrying for about 10 ms, `_LK_NBLCK`/`_LK_NBRLCK`:
/// once) or unlock (`_LK_UNLCK`) `nbytes` from the current position, as LockFile does (a
/// range cannot be locked twice, not even through the same fd). 0 or -1 (errno EINVAL for a
/// bad mode; a refused lock leaves errno alone, as Wine 8 does).
#[export]
pub extern "win64" fn _locking(fd: i32, mode: i32, nbytes: i32) -> i32 {
    let Some(i) = lowio::info(fd) else { return -1 };
    if !(0..=4).contains(&mode) {
        set_errno(EINVAL);
        return -1;
    }
    let h = i.handle as HANDLE;
    let Ok(pos) = syscall_shims::file::seek(h, 0, 1) else {
        set_errno(EINVAL);
        return -1;
    };
    let len = nbytes as u32 as u64;
    let lock = || syscall_shims::file::lock::lock(h, pos, len, true, false).is_ok();
    let ok = match mode {
        0 => syscall_shims::file::lock::unlock(h, pos, len).is_ok(),
        1 | 3 => (0..10).any(|k| {
            if k > 0 {
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
            lock()
        }),
        _ => lock(),
    };
    if ok { 0 } else { -1 }
}
