//! direct.h and io.h names: directories and file names (`_mkdir`, `_rmdir`, `_chdir`,
//! `_getcwd`, `_fullpath`, `_access`, `_chmod`, `_unlink`, `remove`, `rename`) and directory
//! listings (`_findfirst64` and its family).
//!
//! Names are DOS paths, mapped by the file layer (`syscall_shims::path`, `syscall_shims::file`),
//! which also keeps the current directory, GetFullPathName, MoveFileEx and FindFirstFile;
//! errors are Win32 errors turned into errno as `_dosmaperr` does (`_doserrno` keeps the
//! Win32 code).

use crate::errno::{EACCES, EINVAL, ERANGE, errno, set_errno, set_errno_from_win32};
use crate::invalid::fail;
use dllcore::export;
use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, HANDLE};
use windows_sys::Win32::Storage::FileSystem::{FILE_ATTRIBUTE_READONLY, MOVEFILE_COPY_ALLOWED};
#[cfg(test)]
use {
    crate::errno::ENOENT,
    windows_sys::Win32::Foundation::{ERROR_ALREADY_EXISTS, ERROR_FILE_NOT_FOUND},
};

/// `_access` modes.
const W_OK: i32 = 2;
const R_OK: i32 = 4;

/// `_A_*` attributes of `_finddata_t`.
pub const A_RDONLY: u32 = 0x01;
pub const A_HIDDEN: u32 = 0x02;
pub const A_SYSTEM: u32 = 0x04;
pub const A_SUBDIR: u32 = 0x10;
pub const A_ARCH: u32 = 0x20;

fn err(e: u32) -> i32 {
    set_errno_from_win32(e);
    -1
}

unsafe fn name_a(p: *const u8) -> Option<String> {
    unsafe { crate::stdio::sopen::path_a(p) }
}

unsafe fn name_w(p: *const u16) -> Option<String> {
    unsafe { crate::stdio::sopen::path_w(p) }
}

fn wide(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

fn narrow(s: &str) -> Vec<u8> {
    syscall_shims::codepage::wide_to_ansi(&wide(s))
}

// ---- the current directory -----------------------------------------------------------------

/// The current directory as a DOS path (no trailing backslash except at a root).
pub fn current_dir() -> String {
    syscall_shims::path::current_dir()
}

/// The current drive (1 = A:): the current directory's (0 for a UNC one).
pub fn current_drive() -> u32 {
    match current_dir().as_bytes() {
        [l, b':', ..] if l.is_ascii_alphabetic() => (l.to_ascii_uppercase() - b'A') as u32 + 1,
        _ => 0,
    }
}

/// SetCurrentDirectory.
fn set_current_dir(dos: &str) -> Result<(), u32> {
    syscall_shims::path::set_current_dir(dos).map_err(syscall_shims::errno::status_to_win32)
}

/// GetFullPathName: `name` made absolute against the current directory.
pub fn full_path(name: &str) -> Option<String> {
    syscall_shims::path::full_path(name)
}

/// `_getcwd`'s work for either width: the text (with its NUL) into `buf`, or a malloc'd copy
/// of at least `size` units when `buf` is NULL; NULL and ERANGE if it does not fit.
unsafe fn getcwd_impl<T: Copy + Default>(buf: *mut T, size: i32, text: &[T]) -> *mut T {
    let need = text.len() + 1;
    unsafe {
        let out = if buf.is_null() {
            let n = need.max(size.max(0) as usize);
            let p = crate::heap::alloc(n * std::mem::size_of::<T>()) as *mut T;
            if p.is_null() {
                return p;
            }
            p
        } else {
            if (size as i64) < need as i64 {
                set_errno(ERANGE);
                return std::ptr::null_mut();
            }
            buf
        };
        std::ptr::copy_nonoverlapping(text.as_ptr(), out, text.len());
        *out.add(text.len()) = T::default();
        out
    }
}

/// _getcwd: the current directory ("Z:\...").
#[export]
pub unsafe extern "win64" fn _getcwd(buf: *mut u8, size: i32) -> *mut u8 {
    unsafe { getcwd_impl(buf, size, &narrow(&current_dir())) }
}

/// _wgetcwd.
#[export]
pub unsafe extern "win64" fn _wgetcwd(buf: *mut u16, size: i32) -> *mut u16 {
    unsafe { getcwd_impl(buf, size, &wide(&current_dir())) }
}

/// The current directory of drive `drive` (0: the current drive): the current directory on
/// its own drive, the root elsewhere.
fn drive_cwd(drive: i32) -> Option<String> {
    if !(0..=26).contains(&drive) {
        return None;
    }
    if drive == 0 || drive as u32 == current_drive() {
        return Some(current_dir());
    }
    Some(format!("{}:\\", (b'A' + drive as u8 - 1) as char))
}

/// _getdcwd: the current directory of a drive.
#[export]
pub unsafe extern "win64" fn _getdcwd(drive: i32, buf: *mut u8, size: i32) -> *mut u8 {
    match drive_cwd(drive) {
        Some(d) => unsafe { getcwd_impl(buf, size, &narrow(&d)) },
        None => {
            fail(EACCES);
            std::ptr::null_mut()
        }
    }
}

/// _wgetdcwd.
#[export]
pub unsafe extern "win64" fn _wgetdcwd(drive: i32, buf: *mut u16, size: i32) -> *mut u16 {
    match drive_cwd(drive) {
        Some(d) => unsafe { getcwd_impl(buf, size, &wide(&d)) },
        None => {
            fail(EACCES);
            std::ptr::null_mut()
        }
    }
}

fn chdir(name: Option<String>) -> i32 {
    let Some(n) = name else {
        return fail(EINVAL).min(-1);
    };
    match set_current_dir(&n) {
        Ok(()) => 0,
        Err(e) => err(e),
    }
}

/// _chdir: change the current directory; 0 or -1 (ENOENT).
#[export]
pub unsafe extern "win64" fn _chdir(path: *const u8) -> i32 {
    chdir(unsafe { name_a(path) })
}

/// _wchdir.
#[export]
pub unsafe extern "win64" fn _wchdir(path: *const u16) -> i32 {
    chdir(unsafe { name_w(path) })
}

/// _getdrive: the current drive (1 = A:, so 26 for Z:).
#[export]
pub extern "win64" fn _getdrive() -> i32 {
    current_drive() as i32
}

/// _chdrive: make `drive` current; only the current drive exists (else -1, EACCES).
#[export]
pub extern "win64" fn _chdrive(drive: i32) -> i32 {
    if !(1..=26).contains(&drive) {
        fail(EACCES);
        return -1;
    }
    if drive as u32 == current_drive() {
        return 0;
    }
    set_errno_from_win32(windows_sys::Win32::Foundation::ERROR_INVALID_DRIVE);
    set_errno(EACCES);
    -1
}

/// `_fullpath`'s work: the absolute form of `rel` into `buf` (`size` units), or a malloc'd
/// string (at most MAX_PATH) when `buf` is NULL. An empty name is the current directory.
unsafe fn fullpath_impl<T: Copy + Default>(
    buf: *mut T,
    rel: Option<String>,
    size: usize,
    conv: fn(&str) -> Vec<T>,
) -> *mut T {
    let text = match rel {
        None => current_dir(),
        Some(r) if r.is_empty() => current_dir(),
        Some(r) => match full_path(&r) {
            Some(p) => p,
            None => {
                set_errno(EINVAL);
                return std::ptr::null_mut();
            }
        },
    };
    let t = conv(&text);
    unsafe {
        if buf.is_null() {
            if t.len() + 1 > 260 {
                set_errno(ERANGE);
                return std::ptr::null_mut();
            }
            return getcwd_impl(buf, 0, &t);
        }
        if size < 4 || t.len() + 1 > size {
            set_errno(ERANGE);
            return std::ptr::null_mut();
        }
        getcwd_impl(buf, size as i32, &t)
    }
}

/// _fullpath: an absolute path ("." and ".." resolved).
#[export]
pub unsafe extern "win64" fn _fullpath(buf: *mut u8, rel: *const u8, size: usize) -> *mut u8 {
    unsafe { fullpath_impl(buf, name_a(rel), size, narrow) }
}

/// _wfullpath.
#[export]
pub unsafe extern "win64" fn _wfullpath(buf: *mut u16, rel: *const u16, size: usize) -> *mut u16 {
    unsafe { fullpath_impl(buf, name_w(rel), size, wide) }
}

// ---- names: access, create, delete, rename -------------------------------------------------

fn access(name: Option<String>, mode: i32) -> i32 {
    let Some(n) = name else {
        return fail(EINVAL).min(-1);
    };
    match syscall_shims::file::attributes(&n) {
        Err(e) => err(e),
        Ok(a) if a & FILE_ATTRIBUTE_READONLY != 0 && mode & W_OK != 0 => err(ERROR_ACCESS_DENIED),
        Ok(_) => 0,
    }
}

/// _access: 0 if the file exists (and, for mode 2, is not read-only), else -1.
#[export]
pub unsafe extern "win64" fn _access(path: *const u8, mode: i32) -> i32 {
    access(unsafe { name_a(path) }, mode)
}

/// _waccess.
#[export]
pub unsafe extern "win64" fn _waccess(path: *const u16, mode: i32) -> i32 {
    access(unsafe { name_w(path) }, mode)
}

fn access_s(name: Option<String>, mode: i32) -> i32 {
    if name.is_none() || mode & !(R_OK | W_OK) != 0 {
        return fail(EINVAL);
    }
    if access(name, mode) == -1 { errno() } else { 0 }
}

/// _access_s: 0 or the errno value.
#[export]
pub unsafe extern "win64" fn _access_s(path: *const u8, mode: i32) -> i32 {
    access_s(unsafe { name_a(path) }, mode)
}

/// _waccess_s.
#[export]
pub unsafe extern "win64" fn _waccess_s(path: *const u16, mode: i32) -> i32 {
    access_s(unsafe { name_w(path) }, mode)
}

fn chmod(name: Option<String>, pmode: i32) -> i32 {
    let Some(n) = name else {
        return fail(EINVAL).min(-1);
    };
    let old = match syscall_shims::file::attributes(&n) {
        Ok(a) => a,
        Err(e) => return err(e),
    };
    let new = if pmode & crate::stdio::sopen::S_IWRITE != 0 {
        old & !FILE_ATTRIBUTE_READONLY
    } else {
        old | FILE_ATTRIBUTE_READONLY
    };
    if new == old {
        return 0;
    }
    match syscall_shims::file::set_attributes(&n, new) {
        Ok(()) => 0,
        Err(e) => err(e),
    }
}

/// _chmod: `_S_IWRITE` makes a file writable, its absence read-only.
#[export]
pub unsafe extern "win64" fn _chmod(path: *const u8, pmode: i32) -> i32 {
    chmod(unsafe { name_a(path) }, pmode)
}

/// _wchmod.
#[export]
pub unsafe extern "win64" fn _wchmod(path: *const u16, pmode: i32) -> i32 {
    chmod(unsafe { name_w(path) }, pmode)
}

fn result(r: Result<(), u32>) -> i32 {
    match r {
        Ok(()) => 0,
        Err(e) => err(e),
    }
}

fn with_name(name: Option<String>, f: impl FnOnce(&str) -> Result<(), u32>) -> i32 {
    match name {
        Some(n) => result(f(&n)),
        None => fail(EINVAL).min(-1),
    }
}

/// _mkdir: create a directory; 0 or -1 (EEXIST, ENOENT).
#[export]
pub unsafe extern "win64" fn _mkdir(path: *const u8) -> i32 {
    with_name(unsafe { name_a(path) }, syscall_shims::file::create_dir)
}

/// _wmkdir.
#[export]
pub unsafe extern "win64" fn _wmkdir(path: *const u16) -> i32 {
    with_name(unsafe { name_w(path) }, syscall_shims::file::create_dir)
}

/// _rmdir: remove an empty directory; 0 or -1 (ENOTEMPTY, ENOENT, EINVAL for a file).
#[export]
pub unsafe extern "win64" fn _rmdir(path: *const u8) -> i32 {
    with_name(unsafe { name_a(path) }, syscall_shims::file::remove_dir)
}

/// _wrmdir.
#[export]
pub unsafe extern "win64" fn _wrmdir(path: *const u16) -> i32 {
    with_name(unsafe { name_w(path) }, syscall_shims::file::remove_dir)
}

/// _unlink: delete a file; 0 or -1 (ENOENT, EACCES for directories and read-only files).
#[export]
pub unsafe extern "win64" fn _unlink(path: *const u8) -> i32 {
    with_name(unsafe { name_a(path) }, syscall_shims::file::delete)
}

/// _wunlink.
#[export]
pub unsafe extern "win64" fn _wunlink(path: *const u16) -> i32 {
    with_name(unsafe { name_w(path) }, syscall_shims::file::delete)
}

/// remove: as `_unlink`.
#[export]
pub unsafe extern "win64" fn remove(path: *const u8) -> i32 {
    with_name(unsafe { name_a(path) }, syscall_shims::file::delete)
}

/// _wremove.
#[export]
pub unsafe extern "win64" fn _wremove(path: *const u16) -> i32 {
    with_name(unsafe { name_w(path) }, syscall_shims::file::delete)
}

/// MoveFileEx(MOVEFILE_COPY_ALLOWED): rename a file or directory; a target that exists is
/// ERROR_ALREADY_EXISTS.
fn move_file(from: &str, to: &str) -> Result<(), u32> {
    syscall_shims::file::ops::move_file(from, Some(to), MOVEFILE_COPY_ALLOWED)
        .map_err(syscall_shims::errno::status_to_win32)
}

fn rename_impl(from: Option<String>, to: Option<String>) -> i32 {
    match (from, to) {
        (Some(f), Some(t)) => result(move_file(&f, &t)),
        _ => fail(EINVAL).min(-1),
    }
}

/// rename: 0, or -1 (ENOENT, EEXIST when the new name exists, EACCES).
#[export]
pub unsafe extern "win64" fn rename(from: *const u8, to: *const u8) -> i32 {
    rename_impl(unsafe { name_a(from) }, unsafe { name_a(to) })
}

/// _wrename.
#[export]
pub unsafe extern "win64" fn _wrename(from: *const u16, to: *const u16) -> i32 {
    rename_impl(unsafe { name_w(from) }, unsafe { name_w(to) })
}

// ---- directory listings --------------------------------------------------------------------

/// One entry of a listing, as `_finddata_t` gives it.
#[derive(Clone, Debug)]
pub struct Entry {
    pub name: String,
    pub attrib: u32,
    pub create: i64,
    pub access: i64,
    pub write: i64,
    pub size: u64,
}

impl From<syscall_shims::file::dir::Entry> for Entry {
    fn from(e: syscall_shims::file::dir::Entry) -> Self {
        let secs = |ft: i64| syscall_shims::file::info::from_filetime(ft).0;
        let attrib = e.stat.attributes & (A_RDONLY | A_HIDDEN | A_SYSTEM | A_SUBDIR | A_ARCH);
        Entry {
            name: e.name,
            attrib,
            create: secs(e.stat.creation),
            access: secs(e.stat.access),
            write: secs(e.stat.write),
            size: if e.stat.is_dir() { 0 } else { e.stat.size },
        }
    }
}

/// A `_finddata_t` layout: how an entry is stored.
pub trait FindData {
    /// # Safety
    /// `p` must point at writable memory for the structure.
    unsafe fn store(p: *mut Self, e: &Entry);
}

macro_rules! finddata {
    ($($t:ident { time: $time:ty, size: $size:ty, ch: $ch:ty, conv: $conv:expr });* $(;)?) => {$(
        #[repr(C)]
        pub struct $t {
            pub attrib: u32,
            pub time_create: $time,
            pub time_access: $time,
            pub time_write: $time,
            pub size: $size,
            pub name: [$ch; 260],
        }
        impl FindData for $t {
            unsafe fn store(p: *mut Self, e: &Entry) {
                let conv: fn(&str) -> Vec<$ch> = $conv;
                let mut name = [0 as $ch; 260];
                let n = conv(&e.name);
                let k = n.len().min(259);
                name[..k].copy_from_slice(&n[..k]);
                let v = $t {
                    attrib: e.attrib,
                    time_create: e.create as $time,
                    time_access: e.access as $time,
                    time_write: e.write as $time,
                    size: e.size as $size,
                    name,
                };
                unsafe { p.write_unaligned(v) };
            }
        }
    )*};
}

finddata! {
    FindData64 { time: i64, size: i64, ch: u8, conv: narrow };
    FindData64i32 { time: i64, size: u32, ch: u8, conv: narrow };
    FindData32 { time: i32, size: u32, ch: u8, conv: narrow };
    FindData32i64 { time: i32, size: i64, ch: u8, conv: narrow };
    WFindData64 { time: i64, size: i64, ch: u16, conv: wide };
    WFindData64i32 { time: i64, size: u32, ch: u16, conv: wide };
    WFindData32 { time: i32, size: u32, ch: u16, conv: wide };
    WFindData32i64 { time: i32, size: i64, ch: u16, conv: wide };
}

const _: () = assert!(std::mem::size_of::<FindData64>() == 304);
const _: () = assert!(std::mem::size_of::<FindData64i32>() == 296);
const _: () = assert!(std::mem::size_of::<FindData32>() == 280);
const _: () = assert!(std::mem::size_of::<FindData32i64>() == 288);

unsafe fn findfirst<T: FindData>(spec: Option<String>, data: *mut T) -> isize {
    let (Some(spec), false) = (spec, data.is_null()) else {
        fail(EINVAL);
        return -1;
    };
    match syscall_shims::file::dir::find_first(&spec, false) {
        Ok((h, e)) => {
            unsafe { T::store(data, &e.into()) };
            h as isize
        }
        Err(s) => {
            set_errno_from_win32(syscall_shims::errno::status_to_win32(s));
            -1
        }
    }
}

unsafe fn findnext<T: FindData>(h: isize, data: *mut T) -> i32 {
    if data.is_null() {
        return fail(EINVAL).min(-1);
    }
    match syscall_shims::file::dir::find_next(h as HANDLE) {
        Ok(e) => {
            unsafe { T::store(data, &e.into()) };
            0
        }
        Err(s) => {
            set_errno_from_win32(syscall_shims::errno::status_to_win32(s));
            -1
        }
    }
}

/// _findclose: end a listing; 0 or -1.
#[export]
pub extern "win64" fn _findclose(h: isize) -> i32 {
    match syscall_shims::file::dir::find_close(h as HANDLE) {
        Ok(()) => 0,
        Err(s) => err(syscall_shims::errno::status_to_win32(s)),
    }
}

macro_rules! find_exports {
    ($($first:ident, $next:ident, $name:ident: $t:ty;)*) => {$(
        /// A `_findfirst` form: a handle for the `_findnext` calls (the first entry is stored
        /// already), or -1 with ENOENT.
        #[export]
        pub unsafe extern "win64" fn $first(spec: *const $name, data: *mut $t) -> isize {
            unsafe { findfirst(find_spec(spec), data) }
        }
        /// A `_findnext` form: 0, or -1 (ENOENT) after the last entry.
        #[export]
        pub unsafe extern "win64" fn $next(h: isize, data: *mut $t) -> i32 {
            unsafe { findnext(h, data) }
        }
    )*};
}

/// The spec argument of the narrow and wide `_findfirst` forms.
trait SpecChar {
    unsafe fn spec(p: *const Self) -> Option<String>;
}
impl SpecChar for u8 {
    unsafe fn spec(p: *const u8) -> Option<String> {
        unsafe { name_a(p) }
    }
}
impl SpecChar for u16 {
    unsafe fn spec(p: *const u16) -> Option<String> {
        unsafe { name_w(p) }
    }
}
unsafe fn find_spec<C: SpecChar>(p: *const C) -> Option<String> {
    unsafe { C::spec(p) }
}

find_exports! {
    _findfirst64, _findnext64, u8: FindData64;
    _findfirst64i32, _findnext64i32, u8: FindData64i32;
    _findfirst32, _findnext32, u8: FindData32;
    _findfirst32i64, _findnext32i64, u8: FindData32i64;
    _findfirst, _findnext, u8: FindData64i32;
    _findfirsti64, _findnexti64, u8: FindData64;
    _wfindfirst64, _wfindnext64, u16: WFindData64;
    _wfindfirst64i32, _wfindnext64i32, u16: WFindData64i32;
    _wfindfirst32, _wfindnext32, u16: WFindData32;
    _wfindfirst32i64, _wfindnext32i64, u16: WFindData32i64;
    _wfindfirst, _wfindnext, u16: WFindData64i32;
    _wfindfirsti64, _wfindnexti64, u16: WFindData64;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_and_rename() {
        let dir = std::env::temp_dir().join(format!("wine-rs-dir-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a.txt"), b"1").unwrap();
        std::fs::write(dir.join("B.TXT"), b"22").unwrap();
        let dos = syscall_shims::path::unix_to_dos(dir.to_str().unwrap());
        let spec = |s: &str| format!("{dos}\\{s}");
        let mut data = std::mem::MaybeUninit::<FindData64>::uninit();
        let mut names = Vec::new();
        unsafe {
            let h = findfirst(Some(spec("*.txt")), data.as_mut_ptr());
            assert_ne!(h, -1);
            loop {
                let d = data.assume_init_ref();
                let n = d.name.iter().position(|&c| c == 0).unwrap();
                names.push((
                    String::from_utf8_lossy(&d.name[..n]).into_owned(),
                    d.attrib,
                    d.size,
                ));
                if findnext(h, data.as_mut_ptr()) != 0 {
                    break;
                }
            }
            assert_eq!(crate::errno::errno(), crate::errno::ENOENT);
            assert_eq!(_findclose(h), 0);
            assert_eq!(findfirst(Some(spec("*.none")), data.as_mut_ptr()), -1);
            assert_eq!(crate::errno::errno(), ENOENT);
        }
        names.sort();
        assert_eq!(
            names,
            [
                ("B.TXT".to_string(), A_ARCH, 2),
                ("a.txt".to_string(), A_ARCH, 1)
            ]
        );
        assert_eq!(
            move_file(&spec("a.txt"), &spec("B.TXT")),
            Err(ERROR_ALREADY_EXISTS)
        );
        assert_eq!(move_file(&spec("a.txt"), &spec("c.txt")), Ok(()));
        assert_eq!(
            move_file(&spec("a.txt"), &spec("d.txt")),
            Err(ERROR_FILE_NOT_FOUND)
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
