//! sys/stat.h: `_stat` and `_fstat` in all their sizes (`_stat64`, `_stat64i32`, `_stati64`,
//! `_stat32`, `_stat32i64`, and the `_w` forms).
//!
//! What Windows reports, as Wine 8 does (the oracle):
//! - `st_mode`: `_S_IFDIR` or `_S_IFREG`; read permission always; write unless the file is
//!   read-only; execute for directories and for names ending in .exe, .bat, .cmd, .com (only
//!   names longer than 6 characters, as in Wine); each permission in all three triplets.
//! - `st_dev` = `st_rdev` = the drive number (0 for A:), from the name or the current drive.
//! - `st_ino`, `st_uid`, `st_gid` are 0, `st_nlink` is 1; `st_ctime` is the last write time
//!   (Wine's choice; Windows gives the creation time, which Linux does not keep).
//! - a name ending in a slash (other than a root), or a drive alone ("C:"), is ENOENT, and so
//!   is every failure.
//! - `_fstat`: pipes are `_S_IFIFO` and character devices `_S_IFCHR`, with `st_dev` =
//!   `st_rdev` = the fd; files are `_S_IFREG` with 0444 (0666 unless read-only), no execute
//!   bits, their link count, and device 0.

use crate::errno::{EINVAL, ENOENT, set_errno};
use crate::stdio::lowio;
use dllcore::export;
use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_READONLY;

pub const S_IFMT: u16 = 0xf000;
pub const S_IFDIR: u16 = 0x4000;
pub const S_IFCHR: u16 = 0x2000;
pub const S_IFIFO: u16 = 0x1000;
pub const S_IFREG: u16 = 0x8000;
const ALL_READ: u16 = 0o444;
const ALL_WRITE: u16 = 0o222;
const ALL_EXEC: u16 = 0o111;

/// The widest form (`struct _stat64`); the others are copies of it.
#[repr(C)]
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Stat64 {
    pub dev: u32,
    pub ino: u16,
    pub mode: u16,
    pub nlink: i16,
    pub uid: i16,
    pub gid: i16,
    pub rdev: u32,
    pub size: i64,
    pub atime: i64,
    pub mtime: i64,
    pub ctime: i64,
}

/// `struct _stat64i32` (also `struct _stat` on x64).
#[repr(C)]
pub struct Stat64i32 {
    pub dev: u32,
    pub ino: u16,
    pub mode: u16,
    pub nlink: i16,
    pub uid: i16,
    pub gid: i16,
    pub rdev: u32,
    pub size: i32,
    pub atime: i64,
    pub mtime: i64,
    pub ctime: i64,
}

/// `struct _stat32`.
#[repr(C)]
pub struct Stat32 {
    pub dev: u32,
    pub ino: u16,
    pub mode: u16,
    pub nlink: i16,
    pub uid: i16,
    pub gid: i16,
    pub rdev: u32,
    pub size: i32,
    pub atime: i32,
    pub mtime: i32,
    pub ctime: i32,
}

/// `struct _stat32i64`.
#[repr(C)]
pub struct Stat32i64 {
    pub dev: u32,
    pub ino: u16,
    pub mode: u16,
    pub nlink: i16,
    pub uid: i16,
    pub gid: i16,
    pub rdev: u32,
    pub size: i64,
    pub atime: i32,
    pub mtime: i32,
    pub ctime: i32,
}

const _: () = assert!(std::mem::size_of::<Stat64>() == 56);
const _: () = assert!(std::mem::size_of::<Stat64i32>() == 48);
const _: () = assert!(std::mem::size_of::<Stat32>() == 36);
const _: () = assert!(std::mem::size_of::<Stat32i64>() == 48);

/// Copy the fields into a narrower struct.
trait FromStat64 {
    fn from64(s: &Stat64) -> Self;
}

macro_rules! narrow {
    ($t:ty, $size:ty, $time:ty) => {
        impl FromStat64 for $t {
            fn from64(s: &Stat64) -> Self {
                Self {
                    dev: s.dev,
                    ino: s.ino,
                    mode: s.mode,
                    nlink: s.nlink,
                    uid: s.uid,
                    gid: s.gid,
                    rdev: s.rdev,
                    size: s.size as $size,
                    atime: s.atime as $time,
                    mtime: s.mtime as $time,
                    ctime: s.ctime as $time,
                }
            }
        }
    };
}
narrow!(Stat64i32, i32, i64);
narrow!(Stat32, i32, i32);
narrow!(Stat32i64, i64, i32);
impl FromStat64 for Stat64 {
    fn from64(s: &Stat64) -> Self {
        *s
    }
}

/// Unix seconds of a FILETIME.
fn secs(ft: i64) -> i64 {
    syscall_shims::file::info::from_filetime(ft).0
}

/// The drive number (0 = A:) a name refers to: its drive letter, else the current drive.
fn drive_of(path: &[u16]) -> u32 {
    match path {
        [d, c, ..]
            if *c == b':' as u16 && (*d as u8 as char).is_ascii_alphabetic() && *d < 0x80 =>
        {
            (*d as u8).to_ascii_uppercase() as u32 - b'A' as u32
        }
        _ => crate::dir::current_drive() - 1,
    }
}

/// `_wstat64`'s work on a name as UTF-16.
pub fn stat_path(path: &[u16]) -> Option<Stat64> {
    let mut len = path.len();
    while len > 0 && path[len - 1] == b' ' as u16 {
        len -= 1;
    }
    let p = &path[..len];
    let is_sep = |c: u16| c == b'\\' as u16 || c == b'/' as u16;
    if len == 2 && p[1] == b':' as u16 {
        return None;
    }
    if len >= 2 && p[len - 2] != b':' as u16 && is_sep(p[len - 1]) {
        return None;
    }
    let st = syscall_shims::file::ops::stat_dos(&String::from_utf16_lossy(p)).ok()?;
    let dir = st.is_dir();
    let mut mode = ALL_READ;
    if dir {
        mode |= S_IFDIR | ALL_EXEC;
    } else {
        mode |= S_IFREG;
        if len > 6 && p[len - 4] == b'.' as u16 {
            let ext: String = p[len - 3..]
                .iter()
                .map(|&c| (c as u8 as char).to_ascii_lowercase())
                .collect();
            if matches!(ext.as_str(), "exe" | "bat" | "cmd" | "com") {
                mode |= ALL_EXEC;
            }
        }
    }
    if st.attributes & FILE_ATTRIBUTE_READONLY == 0 {
        mode |= ALL_WRITE;
    }
    let drive = drive_of(p);
    Some(Stat64 {
        dev: drive,
        rdev: drive,
        mode,
        nlink: 1,
        size: if dir { 0 } else { st.size as i64 },
        atime: secs(st.access),
        mtime: secs(st.write),
        ctime: secs(st.write),
        ..Stat64::default()
    })
}

/// `_fstat64`'s work. None for a bad fd (errno untouched, as in Wine 8).
pub fn stat_fd(fd: i32) -> Option<Stat64> {
    let i = lowio::info(fd)?;
    let h = i.handle as HANDLE;
    use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE_CHAR, FILE_TYPE_PIPE};
    match syscall_shims::file::file_type(h) {
        Ok(FILE_TYPE_PIPE) => {
            return Some(Stat64 {
                dev: fd as u32,
                rdev: fd as u32,
                mode: S_IFIFO,
                nlink: 1,
                ..Stat64::default()
            });
        }
        Ok(FILE_TYPE_CHAR) => {
            return Some(Stat64 {
                dev: fd as u32,
                rdev: fd as u32,
                mode: S_IFCHR,
                nlink: 1,
                ..Stat64::default()
            });
        }
        _ => {}
    }
    let Ok(st) = syscall_shims::file::with_file(h, syscall_shims::file::info::stat_fd) else {
        set_errno(EINVAL);
        return None;
    };
    let mut mode = S_IFREG | ALL_READ;
    if st.attributes & FILE_ATTRIBUTE_READONLY == 0 {
        mode |= ALL_WRITE;
    }
    Some(Stat64 {
        mode,
        nlink: st.links as i16,
        size: st.size as i64,
        atime: secs(st.access),
        mtime: secs(st.write),
        ctime: secs(st.write),
        ..Stat64::default()
    })
}

unsafe fn store<T: FromStat64>(buf: *mut T, s: Option<Stat64>) -> i32 {
    match s {
        Some(s) => {
            unsafe { buf.write_unaligned(T::from64(&s)) };
            0
        }
        None => -1,
    }
}

unsafe fn stat_a<T: FromStat64>(path: *const u8, buf: *mut T) -> i32 {
    let (Some(p), false) = (unsafe { dllcore::strings::cstr(path) }, buf.is_null()) else {
        crate::invalid::fail(EINVAL);
        return -1;
    };
    let r = stat_path(&syscall_shims::codepage::ansi_to_wide(p));
    if r.is_none() {
        set_errno(ENOENT);
    }
    unsafe { store(buf, r) }
}

unsafe fn stat_w<T: FromStat64>(path: *const u16, buf: *mut T) -> i32 {
    let (Some(p), false) = (unsafe { dllcore::strings::wstr(path) }, buf.is_null()) else {
        crate::invalid::fail(EINVAL);
        return -1;
    };
    let r = stat_path(p);
    if r.is_none() {
        set_errno(ENOENT);
    }
    unsafe { store(buf, r) }
}

unsafe fn fstat<T: FromStat64>(fd: i32, buf: *mut T) -> i32 {
    if lowio::info(fd).is_none() {
        return -1;
    }
    if buf.is_null() {
        crate::invalid::fail(EINVAL);
        return -1;
    }
    unsafe { store(buf, stat_fd(fd)) }
}

macro_rules! stat_exports {
    ($($name:ident, $wname:ident, $fname:ident: $t:ty;)*) => {$(
        /// A `_stat` form: 0, or -1 with ENOENT.
        #[export]
        pub unsafe extern "win64" fn $name(path: *const u8, buf: *mut $t) -> i32 {
            unsafe { stat_a(path, buf) }
        }
        /// A `_wstat` form.
        #[export]
        pub unsafe extern "win64" fn $wname(path: *const u16, buf: *mut $t) -> i32 {
            unsafe { stat_w(path, buf) }
        }
        /// An `_fstat` form: 0 or -1.
        #[export]
        pub unsafe extern "win64" fn $fname(fd: i32, buf: *mut $t) -> i32 {
            unsafe { fstat(fd, buf) }
        }
    )*};
}

stat_exports! {
    _stat64, _wstat64, _fstat64: Stat64;
    _stati64, _wstati64, _fstati64: Stat64;
    _stat, _wstat, _fstat: Stat64i32;
    _stat64i32, _wstat64i32, _fstat64i32: Stat64i32;
    _stat32, _wstat32, _fstat32: Stat32;
    _stat32i64, _wstat32i64, _fstat32i64: Stat32i64;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn layouts() {
        assert_eq!(std::mem::offset_of!(Stat64, rdev), 16);
        assert_eq!(std::mem::offset_of!(Stat64, size), 24);
        assert_eq!(std::mem::offset_of!(Stat64i32, size), 20);
        assert_eq!(std::mem::offset_of!(Stat64i32, atime), 24);
        assert_eq!(std::mem::offset_of!(Stat32, ctime), 32);
        assert_eq!(std::mem::offset_of!(Stat32i64, atime), 32);
    }

    #[test]
    fn modes_and_names() {
        let dir = std::env::temp_dir().join(format!("wine-rs-stat-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dos = syscall_shims::path::unix_to_dos(dir.to_str().unwrap());
        std::fs::write(dir.join("prog.EXE"), b"12345").unwrap();
        std::fs::write(dir.join("data.txt"), b"123").unwrap();
        let s = stat_path(&w(&format!("{dos}\\prog.EXE"))).unwrap();
        assert_eq!(s.mode, S_IFREG | 0o777);
        assert_eq!((s.size, s.nlink, s.dev, s.rdev), (5, 1, 25, 25));
        assert_eq!(s.ctime, s.mtime);
        let s = stat_path(&w(&format!("{dos}\\data.txt   "))).unwrap();
        assert_eq!(s.mode, S_IFREG | 0o666, "trailing spaces are ignored");
        assert_eq!(stat_path(&w(&format!("{dos}\\data.txt\\"))), None);
        let s = stat_path(&w(&dos)).unwrap();
        assert_eq!((s.mode, s.size), (S_IFDIR | 0o777, 0));
        assert_eq!(
            stat_path(&w(&format!("{dos}\\"))),
            None,
            "a trailing slash is refused"
        );
        assert_eq!(stat_path(&w("Z:")), None);
        assert!(stat_path(&w("Z:\\")).is_some());
        assert_eq!(stat_path(&w(&format!("{dos}\\none"))), None);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
