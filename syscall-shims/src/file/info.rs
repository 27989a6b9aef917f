//! What Windows knows about a file, from what Unix knows: attributes, times, sizes, identity;
//! and NtQueryInformationFile / NtSetInformationFile by information class (kernel32's
//! GetFileInformationByHandleEx and SetFileInformationByHandle use the same structures).
//!
//! - Attributes: FILE_ATTRIBUTE_DIRECTORY for directories, ARCHIVE for everything else (as
//!   Wine reports files); READONLY when the file has no write permission (directories never
//!   are: Unix would refuse to create files in them); HIDDEN for names starting with a dot.
//!   Hidden and system attributes set by a program are not kept.
//! - Times: creation is the birth time where the file system keeps one (else the earlier of
//!   the change and modification times); last write is mtime, last access atime, change ctime.
//!   The creation time cannot be set.

use std::mem::{offset_of, size_of};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::{FileObject, WRITE_ACCESS, with_file};
use crate::errno::{NtStatus, status};
use windows_sys::Wdk::Storage::FileSystem::*;
use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::Storage::FileSystem::{
    DELETE, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_HIDDEN, FILE_ATTRIBUTE_READONLY,
    FILE_ATTRIBUTE_REPARSE_POINT, FILE_ID_128, FILE_WRITE_ATTRIBUTES,
};

/// Seconds from 1601-01-01 (FILETIME's epoch) to 1970-01-01.
const EPOCH_DIFF: i64 = 11_644_473_600;

/// A Unix time as a FILETIME (100 ns units since 1601).
pub fn filetime(sec: i64, nsec: i64) -> i64 {
    (sec + EPOCH_DIFF) * 10_000_000 + nsec / 100
}

/// A FILETIME as Unix seconds and nanoseconds.
pub fn from_filetime(ft: i64) -> (i64, i64) {
    let t = ft - EPOCH_DIFF * 10_000_000;
    (t.div_euclid(10_000_000), t.rem_euclid(10_000_000) * 100)
}

/// A file's Windows-visible facts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stat {
    pub attributes: u32,
    /// FILETIMEs.
    pub creation: i64,
    pub access: i64,
    pub write: i64,
    pub change: i64,
    pub size: u64,
    pub allocation: u64,
    pub links: u32,
    pub ino: u64,
    pub dev: u64,
    pub mode: u32,
}

impl Stat {
    pub fn is_dir(&self) -> bool {
        self.attributes & FILE_ATTRIBUTE_DIRECTORY != 0
    }
}

/// The attributes for a Unix mode and file name.
pub fn attributes_of(mode: u32, name: &[u8]) -> u32 {
    let kind = mode & libc::S_IFMT;
    let mut a = match kind {
        libc::S_IFDIR => FILE_ATTRIBUTE_DIRECTORY,
        libc::S_IFLNK => FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_REPARSE_POINT,
        _ => FILE_ATTRIBUTE_ARCHIVE,
    };
    if kind != libc::S_IFDIR && mode & 0o222 == 0 {
        a |= FILE_ATTRIBUTE_READONLY;
    }
    if name.first() == Some(&b'.') && name != b"." && name != b".." {
        a |= FILE_ATTRIBUTE_HIDDEN;
    }
    a
}

fn from_statx(sx: &libc::statx, name: &[u8]) -> Stat {
    let ts = |t: &libc::statx_timestamp| filetime(t.tv_sec, t.tv_nsec as i64);
    let mode = sx.stx_mode as u32;
    let write = ts(&sx.stx_mtime);
    let change = ts(&sx.stx_ctime);
    let creation = if sx.stx_mask & libc::STATX_BTIME != 0 && sx.stx_btime.tv_sec != 0 {
        ts(&sx.stx_btime)
    } else {
        write.min(change)
    };
    let is_dir = mode & libc::S_IFMT == libc::S_IFDIR;
    Stat {
        attributes: attributes_of(mode, name),
        creation,
        access: ts(&sx.stx_atime),
        write,
        change,
        size: if is_dir { 0 } else { sx.stx_size },
        allocation: if is_dir { 0 } else { sx.stx_blocks * 512 },
        links: sx.stx_nlink,
        ino: sx.stx_ino,
        dev: libc::makedev(sx.stx_dev_major, sx.stx_dev_minor),
        mode,
    }
}

fn statx_raw(dirfd: i32, path: &std::ffi::CStr, flags: i32) -> Result<libc::statx, i32> {
    // SAFETY: a NUL-terminated path and a zeroed statx buffer.
    let mut sx: libc::statx = unsafe { std::mem::zeroed() };
    let mask = libc::STATX_BASIC_STATS | libc::STATX_BTIME;
    if unsafe { libc::statx(dirfd, path.as_ptr(), flags, mask, &mut sx) } == 0 {
        Ok(sx)
    } else {
        Err(crate::errno::errno())
    }
}

fn base_name(p: &Path) -> &[u8] {
    let b = p.as_os_str().as_bytes();
    let b = b.strip_suffix(b"/").unwrap_or(b);
    b.rsplit(|&c| c == b'/').next().unwrap_or(b"")
}

/// The facts about the file at a Unix path given as a C string (following symbolic links; a
/// dangling link is described itself).
pub fn stat_cpath(c: &std::ffi::CStr) -> Result<Stat, i32> {
    let sx = match statx_raw(libc::AT_FDCWD, c, 0) {
        Err(libc::ENOENT) => statx_raw(libc::AT_FDCWD, c, libc::AT_SYMLINK_NOFOLLOW)?,
        r => r?,
    };
    let b = c.to_bytes();
    Ok(from_statx(&sx, b.rsplit(|&x| x == b'/').next().unwrap_or(b"")))
}

/// The facts about the file at `path` (following symbolic links unless `follow` is false; a
/// dangling link is described itself).
pub fn stat_path(path: &Path, follow: bool) -> Result<Stat, i32> {
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(|_| libc::EINVAL)?;
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let sx = match statx_raw(libc::AT_FDCWD, &c, flags) {
        Err(libc::ENOENT) if follow => statx_raw(libc::AT_FDCWD, &c, libc::AT_SYMLINK_NOFOLLOW)?,
        r => r?,
    };
    Ok(from_statx(&sx, base_name(path)))
}

/// The facts about an entry of the directory `dirfd`.
pub fn stat_at(dirfd: i32, name: &std::ffi::CStr) -> Result<Stat, i32> {
    let sx = match statx_raw(dirfd, name, 0) {
        Err(libc::ENOENT) => statx_raw(dirfd, name, libc::AT_SYMLINK_NOFOLLOW)?,
        r => r?,
    };
    Ok(from_statx(&sx, name.to_bytes()))
}

/// The facts about an open file.
pub fn stat_fd(f: &FileObject) -> Result<Stat, NtStatus> {
    let sx = statx_raw(f.fd, c"", libc::AT_EMPTY_PATH).map_err(crate::errno::to_status)?;
    let path = path_of(f);
    let mut st = from_statx(&sx, path.as_deref().map_or(b"", base_name));
    // A file deleted with POSIX semantics (or by another process) keeps no name.
    if path.is_none() {
        st.attributes &= !FILE_ATTRIBUTE_HIDDEN;
    }
    Ok(st)
}

/// The current Unix path of an open file.
pub fn path_of(f: &FileObject) -> Option<PathBuf> {
    super::fd_path(f.fd).filter(|p| !p.as_os_str().as_bytes().ends_with(b" (deleted)"))
}

/// The facts about what a name designates (GetFileAttributes, NtQueryAttributesFile). A name
/// ending with a backslash must be a directory. Devices look like files.
pub fn stat_target(t: &crate::path::NtTarget) -> Result<Stat, NtStatus> {
    use crate::path::NtTarget;
    match t {
        NtTarget::Device(_) => Ok(Stat { attributes: FILE_ATTRIBUTE_ARCHIVE, ..Default::default() }),
        NtTarget::Volume(l) => {
            let root = crate::path::drive_root(*l).ok_or(status::OBJECT_PATH_NOT_FOUND)?;
            stat_path(root, true).map_err(crate::errno::to_status)
        }
        NtTarget::File(f) => {
            let st = match stat_path(&f.exact(), true) {
                Ok(st) => st,
                Err(libc::ENOENT | libc::ENOTDIR) => {
                    let r = f.resolve()?;
                    if !r.exists {
                        return Err(status::OBJECT_NAME_NOT_FOUND);
                    }
                    stat_path(&r.path, true).map_err(crate::errno::to_status)?
                }
                Err(e) => return Err(crate::errno::to_status(e)),
            };
            if f.trailing_sep && !st.is_dir() {
                return Err(status::OBJECT_PATH_NOT_FOUND);
            }
            Ok(st)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Changing times and attributes.

fn timespec(ft: i64) -> libc::timespec {
    if ft == 0 || ft == -1 || ft == -2 {
        // 0: leave it; -1, -2: stop or resume automatic updates (not supported: leave it).
        return libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_OMIT };
    }
    let (s, ns) = from_filetime(ft);
    libc::timespec { tv_sec: s, tv_nsec: ns }
}

/// Set the access and write times of an open file (FILETIMEs; 0 leaves a time alone).
pub fn set_times_fd(fd: i32, access: i64, write: i64) -> Result<(), NtStatus> {
    let ts = [timespec(access), timespec(write)];
    if ts.iter().all(|t| t.tv_nsec == libc::UTIME_OMIT) {
        return Ok(());
    }
    // SAFETY: two valid timespecs.
    if unsafe { libc::futimens(fd, ts.as_ptr()) } == 0 {
        return Ok(());
    }
    // A path fd (attributes-only open): through /proc.
    let p = std::ffi::CString::new(format!("/proc/self/fd/{fd}")).unwrap_or_default();
    // SAFETY: as above, with a NUL-terminated path.
    if unsafe { libc::utimensat(libc::AT_FDCWD, p.as_ptr(), ts.as_ptr(), 0) } == 0 {
        return Ok(());
    }
    Err(crate::errno::last_status())
}

/// Change the read-only attribute (the only one with a Unix counterpart) of the file at
/// `path` with mode `mode`: 0 leaves it; READONLY takes the write permissions away; any other
/// value gives the owner's back. Directories are left alone.
pub fn set_attributes_path(path: &Path, mode: u32, attrs: u32) -> Result<(), NtStatus> {
    if attrs == 0 || mode & libc::S_IFMT == libc::S_IFDIR {
        return Ok(());
    }
    let m = mode & 0o7777;
    let new = if attrs & FILE_ATTRIBUTE_READONLY != 0 {
        m & !0o222
    } else if m & 0o222 == 0 {
        m | 0o200
    } else {
        m
    };
    if new == m {
        return Ok(());
    }
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::chmod(c.as_ptr(), new) } != 0 {
        return Err(crate::errno::last_status());
    }
    Ok(())
}

/// GetFileTime: (creation, last access, last write) FILETIMEs.
pub fn times(h: HANDLE) -> Result<(i64, i64, i64), NtStatus> {
    with_file(h, |f| {
        let st = stat_fd(f)?;
        Ok((st.creation, st.access, st.write))
    })
}

/// SetFileTime: set what is given (creation cannot be set and is ignored). Needs
/// FILE_WRITE_ATTRIBUTES.
pub fn set_times(h: HANDLE, access: Option<i64>, write: Option<i64>) -> Result<(), NtStatus> {
    with_file(h, |f| {
        if f.access() & FILE_WRITE_ATTRIBUTES == 0 {
            return Err(status::ACCESS_DENIED);
        }
        set_times_fd(f.fd, access.unwrap_or(0), write.unwrap_or(0))
    })
}

// ---------------------------------------------------------------------------------------------
// Information classes.

/// NT information classes (FILE_INFORMATION_CLASS).
pub mod class {
    pub const DIRECTORY: u32 = 1;
    pub const FULL_DIRECTORY: u32 = 2;
    pub const BOTH_DIRECTORY: u32 = 3;
    pub const BASIC: u32 = 4;
    pub const STANDARD: u32 = 5;
    pub const INTERNAL: u32 = 6;
    pub const EA: u32 = 7;
    pub const ACCESS: u32 = 8;
    pub const NAME: u32 = 9;
    pub const RENAME: u32 = 10;
    pub const LINK: u32 = 11;
    pub const NAMES: u32 = 12;
    pub const DISPOSITION: u32 = 13;
    pub const POSITION: u32 = 14;
    pub const MODE: u32 = 16;
    pub const ALIGNMENT: u32 = 17;
    pub const ALL: u32 = 18;
    pub const ALLOCATION: u32 = 19;
    pub const END_OF_FILE: u32 = 20;
    pub const STREAM: u32 = 22;
    pub const COMPRESSION: u32 = 28;
    pub const NETWORK_OPEN: u32 = 34;
    pub const ATTRIBUTE_TAG: u32 = 35;
    pub const ID_BOTH_DIRECTORY: u32 = 37;
    pub const ID_FULL_DIRECTORY: u32 = 38;
    pub const VALID_DATA_LENGTH: u32 = 39;
    pub const IO_PRIORITY_HINT: u32 = 43;
    pub const NORMALIZED_NAME: u32 = 48;
    pub const ID: u32 = 59;
    pub const ID_EXTD_DIRECTORY: u32 = 60;
    pub const DISPOSITION_EX: u32 = 64;
    pub const RENAME_EX: u32 = 65;
    pub const STAT: u32 = 68;
    pub const CASE_SENSITIVE: u32 = 71;
}

/// Write a fixed-size structure at the start of `buf`; STATUS_INFO_LENGTH_MISMATCH when it does
/// not fit.
pub(crate) fn put<T: Copy>(buf: &mut [u8], v: &T) -> Result<usize, NtStatus> {
    let n = size_of::<T>();
    if buf.len() < n {
        return Err(status::INFO_LENGTH_MISMATCH);
    }
    // SAFETY: buf holds n bytes; T is plain data.
    unsafe { std::ptr::write_unaligned(buf.as_mut_ptr() as *mut T, *v) };
    Ok(n)
}

/// Write UTF-16 text at `off`, as much as fits; returns (bytes written, whether all fit).
pub fn put_name(buf: &mut [u8], off: usize, name: &[u16]) -> (usize, bool) {
    let room = buf.len().saturating_sub(off) / 2;
    let n = name.len().min(room);
    for (i, c) in name[..n].iter().enumerate() {
        buf[off + 2 * i..off + 2 * i + 2].copy_from_slice(&c.to_le_bytes());
    }
    (n * 2, n == name.len())
}

fn basic(st: &Stat) -> FILE_BASIC_INFORMATION {
    FILE_BASIC_INFORMATION {
        CreationTime: st.creation,
        LastAccessTime: st.access,
        LastWriteTime: st.write,
        ChangeTime: st.change,
        FileAttributes: st.attributes,
    }
}

fn standard(st: &Stat, delete_pending: bool) -> FILE_STANDARD_INFORMATION {
    FILE_STANDARD_INFORMATION {
        AllocationSize: st.allocation as i64,
        EndOfFile: st.size as i64,
        NumberOfLinks: st.links,
        DeletePending: delete_pending,
        Directory: st.is_dir(),
    }
}

/// The volume serial number of a device: the same value GetVolumeInformation reports.
pub fn volume_serial(dev: u64) -> u32 {
    let x = dev.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (x >> 32) as u32 ^ x as u32
}

/// The name NT shows for an open file: its path below its volume's root (`\dir\file`).
pub fn volume_relative_name(f: &FileObject) -> Vec<u16> {
    let p = path_of(f).map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let dos = crate::path::unix_to_dos(&p);
    let rest = if dos.as_bytes().get(1) == Some(&b':') { &dos[2..] } else { &dos[..] };
    rest.encode_utf16().collect()
}

/// The NT mode bits of an open (FILE_MODE_INFORMATION).
fn mode_bits(options: u32) -> u32 {
    use super::options as o;
    options
        & (o::WRITE_THROUGH
            | o::SEQUENTIAL_ONLY
            | o::NO_INTERMEDIATE_BUFFERING
            | o::SYNCHRONOUS_IO_ALERT
            | o::SYNCHRONOUS_IO_NONALERT
            | o::DELETE_ON_CLOSE)
}

/// NtQueryInformationFile: fill `buf` with the class's structure. Returns the bytes written;
/// a name that does not fit is cut, with STATUS_BUFFER_OVERFLOW and the bytes written.
pub fn query(h: HANDLE, class: u32, buf: &mut [u8]) -> Result<usize, (NtStatus, usize)> {
    let r = with_file(h, |f| Ok(query_file(f, class, buf)));
    match r {
        Ok(r) => r,
        Err(e) => Err((e, 0)),
    }
}

fn query_file(f: &FileObject, class: u32, buf: &mut [u8]) -> Result<usize, (NtStatus, usize)> {
    let e = |s: NtStatus| (s, 0);
    let delete_pending = f.opened.as_deref().is_some_and(|o| o.node.lock().delete_pending);
    let stat = || stat_fd(f).map_err(e);
    let name_into = |buf: &mut [u8], len_off: usize, name_off: usize| -> Result<usize, (NtStatus, usize)> {
        let name = volume_relative_name(f);
        if buf.len() < name_off {
            return Err(e(status::INFO_LENGTH_MISMATCH));
        }
        buf[len_off..len_off + 4].copy_from_slice(&((name.len() * 2) as u32).to_le_bytes());
        let (n, all) = put_name(buf, name_off, &name);
        if all { Ok(name_off + n) } else { Err((status::BUFFER_OVERFLOW, name_off + n)) }
    };
    match class {
        class::BASIC => put(buf, &basic(&stat()?)).map_err(e),
        class::STANDARD => put(buf, &standard(&stat()?, delete_pending)).map_err(e),
        class::INTERNAL => put(buf, &FILE_INTERNAL_INFORMATION { IndexNumber: stat()?.ino as i64 }).map_err(e),
        class::EA => put(buf, &FILE_EA_INFORMATION { EaSize: 0 }).map_err(e),
        class::ACCESS => put(buf, &FILE_ACCESS_INFORMATION { AccessFlags: f.access() }).map_err(e),
        class::POSITION => {
            // SAFETY: lseek has no memory preconditions.
            let pos = unsafe { libc::lseek(f.fd, 0, libc::SEEK_CUR) }.max(0);
            put(buf, &FILE_POSITION_INFORMATION { CurrentByteOffset: pos }).map_err(e)
        }
        class::MODE => {
            let m = f.opened.as_deref().map_or(super::options::SYNCHRONOUS_IO_NONALERT, |o| mode_bits(o.options));
            put(buf, &FILE_MODE_INFORMATION { Mode: m }).map_err(e)
        }
        class::ALIGNMENT => put(buf, &FILE_ALIGNMENT_INFORMATION { AlignmentRequirement: 0 }).map_err(e),
        class::NAME | class::NORMALIZED_NAME => name_into(buf, 0, offset_of!(FILE_NAME_INFORMATION, FileName)),
        class::ALL => {
            let st = stat()?;
            let name_off = offset_of!(FILE_ALL_INFORMATION, NameInformation);
            if buf.len() < name_off + 4 {
                return Err(e(status::INFO_LENGTH_MISMATCH));
            }
            // SAFETY: plain data, all zeroes valid.
            let mut all: FILE_ALL_INFORMATION = unsafe { std::mem::zeroed() };
            all.BasicInformation = basic(&st);
            all.StandardInformation = standard(&st, delete_pending);
            all.InternalInformation.IndexNumber = st.ino as i64;
            all.AccessInformation.AccessFlags = f.access();
            // SAFETY: lseek has no memory preconditions.
            all.PositionInformation.CurrentByteOffset = unsafe { libc::lseek(f.fd, 0, libc::SEEK_CUR) }.max(0);
            all.ModeInformation.Mode = f.opened.as_deref().map_or(0, |o| mode_bits(o.options));
            let fixed = name_off;
            // SAFETY: buf holds at least `fixed` bytes; the prefix of the struct is plain data.
            unsafe { std::ptr::copy_nonoverlapping(&all as *const _ as *const u8, buf.as_mut_ptr(), fixed) };
            name_into(buf, name_off, name_off + 4)
        }
        class::STREAM => {
            let st = stat()?;
            if st.is_dir() {
                return Ok(0);
            }
            let name: Vec<u16> = "::$DATA".encode_utf16().collect();
            let off = offset_of!(FILE_STREAM_INFORMATION, StreamName);
            if buf.len() < off + name.len() * 2 {
                return Err(e(status::BUFFER_OVERFLOW));
            }
            let v = FILE_STREAM_INFORMATION {
                NextEntryOffset: 0,
                StreamNameLength: (name.len() * 2) as u32,
                StreamSize: st.size as i64,
                StreamAllocationSize: st.allocation as i64,
                StreamName: [0],
            };
            put(buf, &v).map_err(e)?;
            let (n, _) = put_name(buf, off, &name);
            Ok(off + n)
        }
        class::COMPRESSION => {
            // SAFETY: plain data.
            let mut v: FILE_COMPRESSION_INFORMATION = unsafe { std::mem::zeroed() };
            v.CompressedFileSize = stat()?.size as i64;
            put(buf, &v).map_err(e)
        }
        class::NETWORK_OPEN => {
            let st = stat()?;
            let v = FILE_NETWORK_OPEN_INFORMATION {
                CreationTime: st.creation,
                LastAccessTime: st.access,
                LastWriteTime: st.write,
                ChangeTime: st.change,
                AllocationSize: st.allocation as i64,
                EndOfFile: st.size as i64,
                FileAttributes: st.attributes,
            };
            put(buf, &v).map_err(e)
        }
        class::ATTRIBUTE_TAG => {
            let st = stat()?;
            let tag = if st.attributes & FILE_ATTRIBUTE_REPARSE_POINT != 0 { 0xA000_000C } else { 0 };
            put(buf, &[st.attributes, tag]).map_err(e)
        }
        class::ID => {
            let st = stat()?;
            let mut id = FILE_ID_128 { Identifier: [0; 16] };
            id.Identifier[..8].copy_from_slice(&st.ino.to_le_bytes());
            put(buf, &FILE_ID_INFORMATION { VolumeSerialNumber: volume_serial(st.dev) as u64, FileId: id }).map_err(e)
        }
        class::STAT => {
            let st = stat()?;
            let v = FILE_STAT_INFORMATION {
                FileId: st.ino as i64,
                CreationTime: st.creation,
                LastAccessTime: st.access,
                LastWriteTime: st.write,
                ChangeTime: st.change,
                AllocationSize: st.allocation as i64,
                EndOfFile: st.size as i64,
                FileAttributes: st.attributes,
                ReparseTag: 0,
                NumberOfLinks: st.links,
                EffectiveAccess: f.access(),
            };
            put(buf, &v).map_err(e)
        }
        class::CASE_SENSITIVE => put(buf, &FILE_CASE_SENSITIVE_INFORMATION { Flags: 0 }).map_err(e),
        _ => Err(e(status::INVALID_INFO_CLASS)),
    }
}

/// Read a fixed-size structure from the start of `buf`.
pub(crate) fn get<T: Copy>(buf: &[u8]) -> Result<T, NtStatus> {
    if buf.len() < size_of::<T>() {
        return Err(status::INFO_LENGTH_MISMATCH);
    }
    // SAFETY: buf holds the bytes of a T; T is plain data.
    Ok(unsafe { std::ptr::read_unaligned(buf.as_ptr() as *const T) })
}

/// The UTF-16 name at `off` of `len` bytes in `buf`.
fn name_at(buf: &[u8], off: usize, len: usize) -> Result<String, NtStatus> {
    let bytes = buf.get(off..off + len).ok_or(status::INFO_LENGTH_MISMATCH)?;
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])).collect();
    Ok(String::from_utf16_lossy(&units))
}

/// NtSetInformationFile: apply the class's structure in `buf`.
pub fn set(h: HANDLE, class: u32, buf: &[u8]) -> Result<(), NtStatus> {
    with_file(h, |f| set_file(h, f, class, buf))
}

fn set_file(h: HANDLE, f: &FileObject, class: u32, buf: &[u8]) -> Result<(), NtStatus> {
    let access = f.access();
    match class {
        class::BASIC => {
            let v: FILE_BASIC_INFORMATION = get(buf)?;
            if access & FILE_WRITE_ATTRIBUTES == 0 {
                return Err(status::ACCESS_DENIED);
            }
            set_times_fd(f.fd, v.LastAccessTime, v.LastWriteTime)?;
            if v.FileAttributes != 0 {
                let st = stat_fd(f)?;
                let p = path_of(f).ok_or(status::OBJECT_NAME_NOT_FOUND)?;
                set_attributes_path(&p, st.mode, v.FileAttributes)?;
            }
            Ok(())
        }
        class::POSITION => {
            let v: FILE_POSITION_INFORMATION = get(buf)?;
            if v.CurrentByteOffset < 0 {
                return Err(status::INVALID_PARAMETER);
            }
            // SAFETY: lseek has no memory preconditions.
            unsafe { libc::lseek(f.fd, v.CurrentByteOffset, libc::SEEK_SET) };
            Ok(())
        }
        class::END_OF_FILE => {
            let v: i64 = get(buf)?;
            if v < 0 {
                return Err(status::INVALID_PARAMETER);
            }
            super::set_size(h, v as u64)
        }
        class::ALLOCATION => {
            let v: FILE_ALLOCATION_INFORMATION = get(buf)?;
            if access & WRITE_ACCESS == 0 {
                return Err(status::ACCESS_DENIED);
            }
            // Allocating less than the data cuts the file; more is only a hint.
            let size = super::fstat_fd(f.fd)?.st_size;
            if v.AllocationSize >= 0 && v.AllocationSize < size {
                return super::set_size(h, v.AllocationSize as u64);
            }
            Ok(())
        }
        class::VALID_DATA_LENGTH => {
            let v: i64 = get(buf)?;
            if access & WRITE_ACCESS == 0 {
                return Err(status::ACCESS_DENIED);
            }
            // Unix files have no valid data length: unwritten data already reads as zeros.
            if v < 0 || v > super::fstat_fd(f.fd)?.st_size {
                return Err(status::INVALID_PARAMETER);
            }
            Ok(())
        }
        class::DISPOSITION => {
            let v: u8 = get(buf)?;
            set_disposition(f, if v != 0 { 1 } else { 0 })
        }
        class::DISPOSITION_EX => {
            let v: u32 = get(buf)?;
            set_disposition(f, v)
        }
        class::RENAME | class::RENAME_EX | class::LINK => {
            let off = offset_of!(FILE_RENAME_INFORMATION, FileName);
            if buf.len() < off {
                return Err(status::INFO_LENGTH_MISMATCH);
            }
            let flags = if class == class::RENAME_EX {
                u32::from_le_bytes(buf[0..4].try_into().unwrap())
            } else {
                u32::from(buf[0] != 0)
            };
            // SAFETY: the structure's prefix is in buf.
            let root: HANDLE = unsafe { std::ptr::read_unaligned(buf.as_ptr().add(8) as *const HANDLE) };
            let len = u32::from_le_bytes(buf[16..20].try_into().unwrap()) as usize;
            let name = name_at(buf, off, len)?;
            if class == class::LINK {
                super::ops::link_handle(f, root, &name, flags & 1 != 0)
            } else {
                super::ops::rename_handle(f, root, &name, flags)
            }
        }
        class::IO_PRIORITY_HINT | class::MODE => Ok(()),
        _ => Err(status::INVALID_INFO_CLASS),
    }
}

/// FILE_DISPOSITION_* flags.
pub mod disposition_flags {
    pub const DELETE: u32 = 0x1;
    pub const POSIX_SEMANTICS: u32 = 0x2;
    pub const ON_CLOSE: u32 = 0x8;
    pub const IGNORE_READONLY_ATTRIBUTE: u32 = 0x10;
}

/// Mark (or unmark) an open file for deletion; with POSIX semantics, delete it now (the
/// handles go on working).
fn set_disposition(f: &FileObject, flags: u32) -> Result<(), NtStatus> {
    use disposition_flags as d;
    let o = f.opened()?;
    if f.access() & DELETE == 0 {
        return Err(status::ACCESS_DENIED);
    }
    let delete = flags & d::DELETE != 0;
    let st = stat_fd(f)?;
    if delete && st.attributes & FILE_ATTRIBUTE_READONLY != 0 && flags & d::IGNORE_READONLY_ATTRIBUTE == 0 {
        return Err(status::CANNOT_DELETE);
    }
    let path = path_of(f);
    if delete && st.is_dir() {
        if let Some(p) = &path
            && std::fs::read_dir(p).is_ok_and(|mut d| d.next().is_some())
        {
            return Err(status::DIRECTORY_NOT_EMPTY);
        }
        if path
            .as_deref()
            .is_some_and(|p| crate::path::drives::drive_of(&p.to_string_lossy()).is_some_and(|(_, r)| r.is_empty()))
        {
            return Err(status::CANNOT_DELETE);
        }
    }
    if delete && flags & d::POSIX_SEMANTICS != 0 {
        let Some(p) = path else { return Ok(()) };
        let c = std::ffi::CString::new(p.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)?;
        // SAFETY: a NUL-terminated path.
        let r = unsafe { if st.is_dir() { libc::rmdir(c.as_ptr()) } else { libc::unlink(c.as_ptr()) } };
        if r != 0 {
            return Err(crate::errno::last_status());
        }
        crate::path::lookup::note_path(&p, false);
        return Ok(());
    }
    let mut ns = o.node.lock();
    ns.delete_pending = delete;
    if let Some(p) = path {
        ns.path = p;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filetimes_and_attributes() {
        assert_eq!(filetime(0, 0), 116_444_736_000_000_000);
        assert_eq!(from_filetime(filetime(1_700_000_000, 123_456_700)), (1_700_000_000, 123_456_700));
        assert_eq!(from_filetime(filetime(-5, 100)), (-5, 100));
        assert_eq!(attributes_of(libc::S_IFREG | 0o644, b"a.txt"), FILE_ATTRIBUTE_ARCHIVE);
        assert_eq!(attributes_of(libc::S_IFREG | 0o444, b".a"), FILE_ATTRIBUTE_ARCHIVE | 0x1 | 0x2);
        assert_eq!(attributes_of(libc::S_IFDIR | 0o555, b"d"), FILE_ATTRIBUTE_DIRECTORY);
        assert_eq!(attributes_of(libc::S_IFDIR | 0o755, b".."), FILE_ATTRIBUTE_DIRECTORY);
    }

    #[test]
    fn layouts() {
        assert_eq!(size_of::<FILE_BASIC_INFORMATION>(), 40);
        assert_eq!(size_of::<FILE_STANDARD_INFORMATION>(), 24);
        assert_eq!(offset_of!(FILE_ALL_INFORMATION, NameInformation), 96);
        assert_eq!(offset_of!(FILE_RENAME_INFORMATION, FileName), 20);
        assert_eq!(size_of::<FILE_ID_INFORMATION>(), 24);
    }
}
