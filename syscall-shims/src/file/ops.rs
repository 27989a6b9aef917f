//! Operations on files by name: attributes, deleting, moving, copying, replacing, links,
//! directories.
//!
//! No data is lost: every check that can fail (the source exists, the target may be replaced,
//! nobody holds the files without sharing delete, read-only files) is made before anything
//! changes; copies are written to a temporary file beside the target and renamed over it at
//! the end, so a copy that fails (a full disk, a cancel) leaves the target as it was.

use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use super::info::{self, Stat};
use super::{FileObject, check_share, existing_node, w32};
use crate::errno::{NtStatus, status};
use crate::path::{self, FileName, NtTarget, lookup};
use windows_sys::Win32::Foundation::{
    ERROR_REQUEST_ABORTED, ERROR_UNABLE_TO_MOVE_REPLACEMENT, ERROR_UNABLE_TO_MOVE_REPLACEMENT_2,
    ERROR_UNABLE_TO_REMOVE_REPLACED, HANDLE,
};
use windows_sys::Win32::Storage::FileSystem::{
    DELETE, FILE_ATTRIBUTE_READONLY, FILE_SHARE_DELETE, FILE_SHARE_READ, FILE_SHARE_WRITE, FILE_WRITE_DATA,
    MOVEFILE_COPY_ALLOWED, MOVEFILE_DELAY_UNTIL_REBOOT, MOVEFILE_REPLACE_EXISTING,
};

/// A Win32 error as an NTSTATUS (facility Win32), for errors that have no status of their own.
pub fn win32_status(e: u32) -> NtStatus {
    (0xC007_0000 | e) as NtStatus
}

fn cstr(p: &Path) -> Result<CString, NtStatus> {
    CString::new(p.as_os_str().as_bytes()).map_err(|_| status::OBJECT_NAME_INVALID)
}

fn sys(r: i32) -> Result<(), NtStatus> {
    if r == 0 { Ok(()) } else { Err(crate::errno::last_status()) }
}

/// The file name a DOS name designates (devices cannot be operated on by name).
pub fn file_name(name: &str) -> Result<FileName, NtStatus> {
    match path::dos_target(name)? {
        NtTarget::File(f) => Ok(f),
        NtTarget::Volume(l) => Ok(FileName {
            base: path::drive_root(l).ok_or(status::OBJECT_PATH_NOT_FOUND)?.to_path_buf(),
            comps: Vec::new(),
            trailing_sep: true,
        }),
        NtTarget::Device(_) => Err(status::ACCESS_DENIED),
    }
}

/// An existing file: its Unix path (on-disk case) and facts. Symbolic links are the links
/// themselves unless `follow`.
pub fn existing(f: &FileName, follow: bool) -> Result<(PathBuf, Stat), NtStatus> {
    let exact = f.exact();
    let (p, st) = match info::stat_path(&exact, follow) {
        Ok(st) => (exact, st),
        Err(libc::ENOENT | libc::ENOTDIR) => {
            let r = f.resolve()?;
            if !r.exists {
                return Err(status::OBJECT_NAME_NOT_FOUND);
            }
            let st = info::stat_path(&r.path, follow).map_err(crate::errno::to_status)?;
            (r.path, st)
        }
        Err(e) => return Err(crate::errno::to_status(e)),
    };
    if f.trailing_sep && !st.is_dir() {
        return Err(status::OBJECT_NAME_INVALID);
    }
    Ok((p, st))
}

/// May this process's handles let the file be deleted or renamed (all share delete)?
fn check_deletable(st: &Stat) -> Result<(), NtStatus> {
    if let Some(node) = existing_node(st.dev, st.ino) {
        let ns = node.lock();
        check_share(&ns, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)?;
    }
    Ok(())
}

/// Record that the file now lives at `to` (for handles open on it).
fn moved(st: &Stat, from: &Path, to: &Path) {
    if let Some(node) = existing_node(st.dev, st.ino) {
        node.lock().path = to.to_path_buf();
    }
    lookup::note_path(from, false);
    lookup::note_path(to, true);
}

/// Is `st` read-only (files only)?
fn readonly(st: &Stat) -> bool {
    st.attributes & FILE_ATTRIBUTE_READONLY != 0 && !st.is_dir() && st.mode & libc::S_IFMT != libc::S_IFLNK
}

// ---------------------------------------------------------------------------------------------
// Attributes.

/// The facts about what a DOS name designates. A plain relative name that exists as written
/// costs one system call.
pub fn stat_dos(name: &str) -> Result<Stat, NtStatus> {
    if let Some(Ok(st)) = path::with_plain_relative(name, info::stat_cpath) {
        return Ok(st);
    }
    info::stat_target(&path::dos_target(name)?)
}

/// GetFileAttributes.
pub fn attributes(name: &str) -> Result<u32, u32> {
    stat_dos(name).map(|s| s.attributes).map_err(w32)
}

/// SetFileAttributes: FILE_ATTRIBUTE_READONLY takes the write permissions away, its absence
/// gives the owner's back. The other attributes have no Unix counterpart and are not kept.
pub fn set_attributes_nt(name: &str, attrs: u32) -> Result<(), NtStatus> {
    let (p, st) = existing(&file_name(name)?, true)?;
    info::set_attributes_path(&p, st.mode, if attrs == 0 { 0x80 } else { attrs })
}

/// SetFileAttributes, with its Win32 error.
pub fn set_attributes(name: &str, attrs: u32) -> Result<(), u32> {
    set_attributes_nt(name, attrs).map_err(w32)
}

// ---------------------------------------------------------------------------------------------
// Deleting.

/// DeleteFile: remove a file (a symbolic link, not its target). Directories and read-only
/// files: STATUS_ACCESS_DENIED / STATUS_CANNOT_DELETE; a file this process holds open without
/// FILE_SHARE_DELETE: STATUS_SHARING_VIOLATION. An open file (shared for delete) loses its name
/// at once, as with Windows 10's POSIX semantics; its handles go on working.
pub fn delete_nt(name: &str) -> Result<(), NtStatus> {
    let (p, st) = existing(&file_name(name)?, false)?;
    if st.is_dir() {
        return Err(status::FILE_IS_A_DIRECTORY);
    }
    if readonly(&st) {
        return Err(status::CANNOT_DELETE);
    }
    check_deletable(&st)?;
    // SAFETY: a NUL-terminated path.
    sys(unsafe { libc::unlink(cstr(&p)?.as_ptr()) })?;
    lookup::note_path(&p, false);
    Ok(())
}

/// DeleteFile, with its Win32 error.
pub fn delete(name: &str) -> Result<(), u32> {
    delete_nt(name).map_err(w32)
}

// ---------------------------------------------------------------------------------------------
// Directories.

/// CreateDirectory: STATUS_OBJECT_NAME_COLLISION when the name is taken,
/// STATUS_OBJECT_PATH_NOT_FOUND when the parent is missing.
pub fn create_dir_nt(name: &str) -> Result<(), NtStatus> {
    let f = file_name(name)?;
    if f.is_root() {
        return Err(status::OBJECT_NAME_COLLISION);
    }
    let r = f.resolve()?;
    if r.exists {
        return Err(status::OBJECT_NAME_COLLISION);
    }
    // SAFETY: a NUL-terminated path.
    sys(unsafe { libc::mkdir(cstr(&r.path)?.as_ptr(), 0o777) })?;
    lookup::note_path(&r.path, true);
    Ok(())
}

/// CreateDirectory, with its Win32 error (ERROR_ALREADY_EXISTS, ERROR_PATH_NOT_FOUND).
pub fn create_dir(name: &str) -> Result<(), u32> {
    create_dir_nt(name).map_err(w32)
}

/// RemoveDirectory: STATUS_DIRECTORY_NOT_EMPTY unless empty, STATUS_NOT_A_DIRECTORY for a
/// file, STATUS_SHARING_VIOLATION for a directory this process holds open without sharing
/// delete (the current directory included).
pub fn remove_dir_nt(name: &str) -> Result<(), NtStatus> {
    let f = file_name(name)?;
    let (p, st) = existing(&f, false)?;
    if !st.is_dir() {
        return Err(status::NOT_A_DIRECTORY);
    }
    if f.is_root() {
        return Err(status::ACCESS_DENIED);
    }
    check_deletable(&st)?;
    if std::env::current_dir().is_ok_and(|c| c == p) {
        return Err(status::SHARING_VIOLATION);
    }
    // SAFETY: a NUL-terminated path.
    sys(unsafe { libc::rmdir(cstr(&p)?.as_ptr()) })?;
    lookup::note_path(&p, false);
    lookup::forget(&p);
    Ok(())
}

/// RemoveDirectory, with its Win32 error (ERROR_DIR_NOT_EMPTY, ERROR_DIRECTORY).
pub fn remove_dir(name: &str) -> Result<(), u32> {
    remove_dir_nt(name).map_err(w32)
}

// ---------------------------------------------------------------------------------------------
// Moving.

/// Where a name goes to: its resolved path, with the last component in the case the program
/// wrote (a rename may change only the case), and the file there now, if any.
fn destination(f: &FileName) -> Result<(PathBuf, Option<(PathBuf, Stat)>), NtStatus> {
    if f.is_root() {
        return Err(status::ACCESS_DENIED);
    }
    let r = f.resolve()?;
    let dir = r.path.parent().map(Path::to_path_buf).unwrap_or_default();
    let wanted = dir.join(f.comps.last().map(String::as_str).unwrap_or(""));
    if !r.exists {
        return Ok((wanted, None));
    }
    let st = info::stat_path(&r.path, false).map_err(crate::errno::to_status)?;
    Ok((wanted, Some((r.path, st))))
}

/// rename(2) that refuses to replace (RENAME_NOREPLACE where the file system has it).
fn rename_noreplace(from: &CString, to: &CString) -> Result<(), NtStatus> {
    // SAFETY: NUL-terminated paths.
    let r =
        unsafe { libc::renameat2(libc::AT_FDCWD, from.as_ptr(), libc::AT_FDCWD, to.as_ptr(), libc::RENAME_NOREPLACE) };
    if r == 0 {
        return Ok(());
    }
    match crate::errno::errno() {
        libc::EINVAL | libc::ENOSYS => {
            // SAFETY: a NUL-terminated path and a zeroed buffer.
            let mut st: libc::stat = unsafe { std::mem::zeroed() };
            if unsafe { libc::lstat(to.as_ptr(), &mut st) } == 0 {
                return Err(status::OBJECT_NAME_COLLISION);
            }
            // SAFETY: NUL-terminated paths.
            sys(unsafe { libc::rename(from.as_ptr(), to.as_ptr()) })
        }
        libc::EEXIST => Err(status::OBJECT_NAME_COLLISION),
        e => Err(crate::errno::to_status(e)),
    }
}

/// Move the file at `src` (facts `st`) to `dst`, replacing what is there if `replace`.
fn move_path(src: &Path, st: &Stat, dst_name: &FileName, replace: bool, copy_allowed: bool) -> Result<(), NtStatus> {
    check_deletable(st)?;
    let (dst, there) = destination(dst_name)?;
    let mut replacing = false;
    if let Some((tp, tst)) = &there {
        let same = (tst.dev, tst.ino) == (st.dev, st.ino);
        if same && tp == src && dst == *src {
            return Ok(());
        }
        if !same {
            if !replace {
                return Err(status::OBJECT_NAME_COLLISION);
            }
            if tst.is_dir() || st.is_dir() || readonly(tst) {
                return Err(status::ACCESS_DENIED);
            }
            check_deletable(tst)?;
            replacing = true;
        }
    }
    // Replacing keeps the name the target has on disk (no second name differing in case).
    let dst = match &there {
        Some((tp, _)) if replacing => tp.clone(),
        _ => dst,
    };
    let (from, to) = (cstr(src)?, cstr(&dst)?);
    let r = if replacing {
        // SAFETY: NUL-terminated paths.
        sys(unsafe { libc::rename(from.as_ptr(), to.as_ptr()) })
    } else {
        rename_noreplace(&from, &to)
    };
    match r {
        Ok(()) => {
            moved(st, src, &dst);
            Ok(())
        }
        Err(s) if s == status::NOT_SAME_DEVICE && copy_allowed && !st.is_dir() => {
            copy_path(src, &dst, !replacing, None)?;
            // SAFETY: a NUL-terminated path.
            sys(unsafe { libc::unlink(from.as_ptr()) })?;
            lookup::note_path(src, false);
            Ok(())
        }
        Err(s) => Err(s),
    }
}

/// MoveFileEx: rename a file or directory. Without MOVEFILE_REPLACE_EXISTING an existing
/// target is STATUS_OBJECT_NAME_COLLISION (ERROR_ALREADY_EXISTS); with it, a directory or
/// read-only target is STATUS_ACCESS_DENIED. Across file systems only with
/// MOVEFILE_COPY_ALLOWED (files). A source held open without sharing delete:
/// STATUS_SHARING_VIOLATION. Changing only the case of a name works.
/// MOVEFILE_DELAY_UNTIL_REBOOT needs rights programs do not have here: STATUS_ACCESS_DENIED.
pub fn move_file(src: &str, dst: Option<&str>, flags: u32) -> Result<(), NtStatus> {
    if flags & MOVEFILE_DELAY_UNTIL_REBOOT != 0 {
        return Err(status::ACCESS_DENIED);
    }
    let Some(dst) = dst else { return Err(status::INVALID_PARAMETER) };
    let (sp, st) = existing(&file_name(src)?, false)?;
    let df = file_name(dst)?;
    move_path(&sp, &st, &df, flags & MOVEFILE_REPLACE_EXISTING != 0, flags & MOVEFILE_COPY_ALLOWED != 0)
}

/// The target of a rename or link by handle: an NT path, a name relative to `root`, a DOS path,
/// or a bare name in the file's own directory.
fn handle_target(f: &FileObject, root: HANDLE, name: &str) -> Result<FileName, NtStatus> {
    let t = if !root.is_null() {
        path::relative_target(&super::open::dir_path(root)?, name)?
    } else if name.starts_with("\\??\\") || name.starts_with("\\Device\\") {
        path::nt_target(name)?
    } else if name.contains(['\\', '/', ':']) {
        path::dos_target(name)?
    } else {
        let p = info::path_of(f).ok_or(status::OBJECT_NAME_NOT_FOUND)?;
        let dir = p.parent().ok_or(status::OBJECT_NAME_INVALID)?.to_path_buf();
        path::relative_target(&dir, name)?
    };
    match t {
        NtTarget::File(f) => Ok(f),
        _ => Err(status::OBJECT_NAME_INVALID),
    }
}

/// FileRenameInformation(Ex): rename an open file (it needs DELETE access). Flags: bit 0
/// replaces an existing target; FILE_RENAME_POSIX_SEMANTICS is how it always works here.
pub(crate) fn rename_handle(f: &FileObject, root: HANDLE, name: &str, flags: u32) -> Result<(), NtStatus> {
    if f.access() & DELETE == 0 {
        return Err(status::ACCESS_DENIED);
    }
    let src = info::path_of(f).ok_or(status::OBJECT_NAME_NOT_FOUND)?;
    let st = info::stat_fd(f)?;
    let target = handle_target(f, root, name)?;
    // Our own open shares delete with itself: check the others only.
    let (dst, there) = destination(&target)?;
    if let Some((tp, tst)) = &there {
        let same = (tst.dev, tst.ino) == (st.dev, st.ino);
        if !same {
            if flags & 1 == 0 {
                return Err(status::OBJECT_NAME_COLLISION);
            }
            if tst.is_dir() || readonly(tst) {
                return Err(status::ACCESS_DENIED);
            }
            check_deletable(tst)?;
        } else if *tp == src && dst == src {
            return Ok(());
        }
    }
    let dst = match &there {
        Some((tp, tst)) if (tst.dev, tst.ino) != (st.dev, st.ino) => tp.clone(),
        _ => dst,
    };
    let (from, to) = (cstr(&src)?, cstr(&dst)?);
    if there.as_ref().is_some_and(|(_, tst)| (tst.dev, tst.ino) != (st.dev, st.ino)) {
        // SAFETY: NUL-terminated paths.
        sys(unsafe { libc::rename(from.as_ptr(), to.as_ptr()) })?;
    } else {
        rename_noreplace(&from, &to)?;
    }
    moved(&st, &src, &dst);
    Ok(())
}

/// FileLinkInformation: a new name (hard link) for an open file.
pub(crate) fn link_handle(f: &FileObject, root: HANDLE, name: &str, replace: bool) -> Result<(), NtStatus> {
    let src = info::path_of(f).ok_or(status::OBJECT_NAME_NOT_FOUND)?;
    let target = handle_target(f, root, name)?;
    link_paths(&src, &target, replace)
}

fn link_paths(src: &Path, target: &FileName, replace: bool) -> Result<(), NtStatus> {
    let (dst, there) = destination(target)?;
    if let Some((tp, tst)) = there {
        if !replace {
            return Err(status::OBJECT_NAME_COLLISION);
        }
        if tst.is_dir() || readonly(&tst) {
            return Err(status::ACCESS_DENIED);
        }
        check_deletable(&tst)?;
        // SAFETY: a NUL-terminated path.
        sys(unsafe { libc::unlink(cstr(&tp)?.as_ptr()) })?;
    }
    // SAFETY: NUL-terminated paths.
    sys(unsafe { libc::link(cstr(src)?.as_ptr(), cstr(&dst)?.as_ptr()) })?;
    lookup::note_path(&dst, true);
    Ok(())
}

/// CreateHardLink: `new` becomes another name of the existing file `existing`
/// (STATUS_OBJECT_NAME_COLLISION when `new` exists; directories cannot be linked).
pub fn hard_link(new: &str, existing_name: &str) -> Result<(), NtStatus> {
    let (src, st) = existing(&file_name(existing_name)?, false)?;
    if st.is_dir() {
        return Err(status::FILE_IS_A_DIRECTORY);
    }
    link_paths(&src, &file_name(new)?, false)
}

/// CreateSymbolicLink: a symbolic link `link` to `target`. An absolute target (`C:\x`, `\x`)
/// points at the Unix path its drive maps to; a relative one stays relative (separators
/// turned to `/`), so the link works from Unix too.
pub fn symlink(link: &str, target: &str) -> Result<(), NtStatus> {
    use path::dos::{PathType, path_type};
    let unix_target = match path_type(target) {
        PathType::Relative => target.replace('\\', "/"),
        _ => match path::dos_target(target)? {
            NtTarget::File(f) => {
                f.resolve().map(|r| r.path).unwrap_or_else(|_| f.exact()).to_string_lossy().into_owned()
            }
            NtTarget::Volume(l) => {
                path::drive_root(l).ok_or(status::OBJECT_PATH_NOT_FOUND)?.to_string_lossy().into_owned()
            }
            NtTarget::Device(_) => return Err(status::ACCESS_DENIED),
        },
    };
    let (dst, there) = destination(&file_name(link)?)?;
    if there.is_some() {
        return Err(status::OBJECT_NAME_COLLISION);
    }
    let t = CString::new(unix_target).map_err(|_| status::OBJECT_NAME_INVALID)?;
    // SAFETY: NUL-terminated paths.
    sys(unsafe { libc::symlink(t.as_ptr(), cstr(&dst)?.as_ptr()) })?;
    lookup::note_path(&dst, true);
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Copying.

/// What a copy's progress callback answers (PROGRESS_*).
pub const PROGRESS_CONTINUE: u32 = 0;
pub const PROGRESS_CANCEL: u32 = 1;
pub const PROGRESS_STOP: u32 = 2;
pub const PROGRESS_QUIET: u32 = 3;

/// A copy's progress callback: (total bytes, bytes copied so far) → PROGRESS_*.
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64) -> u32;

/// A temporary name beside `dst`.
fn temp_beside(dst: &Path) -> PathBuf {
    static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!(".wine-rs-copy-{}-{n}", std::process::id());
    dst.parent().unwrap_or(Path::new("/")).join(name)
}

fn copy_data(inp: i32, out: i32, total: u64, mut progress: Option<Progress>) -> Result<(), NtStatus> {
    let mut done = 0u64;
    let mut quiet = false;
    let mut report = |done: u64, quiet: &mut bool| -> Result<(), NtStatus> {
        if let Some(p) = progress.as_mut()
            && !*quiet
        {
            match p(total, done) {
                PROGRESS_CANCEL | PROGRESS_STOP => return Err(win32_status(ERROR_REQUEST_ABORTED)),
                PROGRESS_QUIET => *quiet = true,
                _ => {}
            }
        }
        Ok(())
    };
    report(0, &mut quiet)?;
    let mut use_cfr = true;
    let mut buf = Vec::new();
    loop {
        let chunk = 1 << 20;
        let n = if use_cfr {
            // SAFETY: copy_file_range on two fds at their positions.
            let n = unsafe { libc::copy_file_range(inp, std::ptr::null_mut(), out, std::ptr::null_mut(), chunk, 0) };
            if n < 0 && matches!(crate::errno::errno(), libc::EXDEV | libc::EINVAL | libc::ENOSYS | libc::EOPNOTSUPP) {
                use_cfr = false;
                continue;
            }
            n
        } else {
            buf.resize(chunk, 0);
            let r = super::read_fd(inp, &mut buf).map_err(crate::errno::win32_to_status)?;
            if r > 0 {
                super::write_fd(out, &buf[..r]).map_err(crate::errno::win32_to_status)?;
            }
            r as isize
        };
        if n < 0 {
            if crate::errno::errno() == libc::EINTR {
                continue;
            }
            return Err(crate::errno::last_status());
        }
        if n == 0 {
            break;
        }
        done += n as u64;
        report(done, &mut quiet)?;
    }
    Ok(())
}

/// Copy the file at `src` to `dst` through a temporary file: data, permissions (and so the
/// read-only attribute) and the last write time. `exclusive`: fail if `dst` exists.
fn copy_path(src: &Path, dst: &Path, exclusive: bool, progress: Option<Progress>) -> Result<(), NtStatus> {
    let csrc = cstr(src)?;
    // SAFETY: a NUL-terminated path.
    let inp = unsafe { libc::open(csrc.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if inp < 0 {
        return Err(crate::errno::last_status());
    }
    struct Fd(i32);
    impl Drop for Fd {
        fn drop(&mut self) {
            // SAFETY: our fd.
            unsafe { libc::close(self.0) };
        }
    }
    let inp = Fd(inp);
    let sst = super::fstat_fd(inp.0)?;
    let tmp = temp_beside(dst);
    let ctmp = cstr(&tmp)?;
    // SAFETY: a NUL-terminated path.
    let out =
        unsafe { libc::open(ctmp.as_ptr(), libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC, 0o600) };
    if out < 0 {
        return Err(crate::errno::last_status());
    }
    let out = Fd(out);
    let result = (|| {
        copy_data(inp.0, out.0, sst.st_size as u64, progress)?;
        let times = [
            libc::timespec { tv_sec: sst.st_atime, tv_nsec: sst.st_atime_nsec },
            libc::timespec { tv_sec: sst.st_mtime, tv_nsec: sst.st_mtime_nsec },
        ];
        // SAFETY: fchmod, futimens with two valid timespecs.
        unsafe {
            libc::fchmod(out.0, sst.st_mode & 0o777);
            libc::futimens(out.0, times.as_ptr());
        }
        let cdst = cstr(dst)?;
        if exclusive {
            rename_noreplace(&ctmp, &cdst)
        } else {
            // SAFETY: NUL-terminated paths.
            sys(unsafe { libc::rename(ctmp.as_ptr(), cdst.as_ptr()) })
        }
    })();
    if result.is_err() {
        // SAFETY: a NUL-terminated path.
        unsafe { libc::unlink(ctmp.as_ptr()) };
    } else {
        lookup::note_path(dst, true);
    }
    result
}

/// CopyFile(Ex): copy `src` to `dst`. `fail_if_exists`: an existing target is
/// STATUS_OBJECT_NAME_COLLISION (CopyFile reports ERROR_FILE_EXISTS). A read-only or
/// directory target is STATUS_ACCESS_DENIED; a target this process holds open without
/// sharing: STATUS_SHARING_VIOLATION. A cancelled copy is ERROR_REQUEST_ABORTED and leaves
/// the target as it was.
pub fn copy_file(src: &str, dst: &str, fail_if_exists: bool, progress: Option<Progress>) -> Result<(), NtStatus> {
    let (sp, sst) = existing(&file_name(src)?, true)?;
    if sst.is_dir() {
        return Err(status::ACCESS_DENIED);
    }
    if let Some(node) = existing_node(sst.dev, sst.ino) {
        check_share(&node.lock(), super::READ_ACCESS, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE)?;
    }
    let (dp, there) = destination(&file_name(dst)?)?;
    let dp = match there {
        Some((tp, tst)) => {
            if fail_if_exists {
                return Err(status::OBJECT_NAME_COLLISION);
            }
            if (tst.dev, tst.ino) == (sst.dev, sst.ino) {
                return Err(status::SHARING_VIOLATION);
            }
            if tst.is_dir() || readonly(&tst) {
                return Err(status::ACCESS_DENIED);
            }
            if let Some(node) = existing_node(tst.dev, tst.ino) {
                check_share(&node.lock(), FILE_WRITE_DATA | DELETE, 0)?;
            }
            tp
        }
        None => dp,
    };
    copy_path(&sp, &dp, fail_if_exists, progress)
}

// ---------------------------------------------------------------------------------------------
// Replacing.

/// ReplaceFile: `replacement` takes the place (and permissions) of `replaced`; with a
/// `backup` name, `replaced` is kept under it. Both files must exist
/// (STATUS_OBJECT_NAME_NOT_FOUND). ERROR_UNABLE_TO_REMOVE_REPLACED when the backup cannot be
/// made (nothing changed), ERROR_UNABLE_TO_MOVE_REPLACEMENT when the replacement cannot be
/// moved (nothing changed), ERROR_UNABLE_TO_MOVE_REPLACEMENT_2 when it cannot be moved after
/// the backup was made (the replaced file is under the backup name).
pub fn replace_file(replaced: &str, replacement: &str, backup: Option<&str>) -> Result<(), NtStatus> {
    let (rp, rst) = existing(&file_name(replaced)?, true)?;
    let (np, nst) = existing(&file_name(replacement)?, true)?;
    if rst.is_dir() || nst.is_dir() {
        return Err(status::ACCESS_DENIED);
    }
    if readonly(&rst) {
        return Err(status::ACCESS_DENIED);
    }
    check_deletable(&rst)?;
    check_deletable(&nst)?;
    let backup = match backup {
        Some(b) => {
            let (bp, there) = destination(&file_name(b)?)?;
            if let Some((_, bst)) = &there
                && (bst.is_dir() || readonly(bst))
            {
                return Err(win32_status(ERROR_UNABLE_TO_REMOVE_REPLACED));
            }
            Some(there.map_or(bp, |(p, _)| p))
        }
        None => None,
    };
    // The result keeps the replaced file's permissions.
    let _ = std::fs::set_permissions(&np, std::os::unix::fs::PermissionsExt::from_mode(rst.mode & 0o7777));
    let (crp, cnp) = (cstr(&rp)?, cstr(&np)?);
    if let Some(bp) = &backup {
        let cbp = cstr(bp)?;
        // SAFETY: NUL-terminated paths.
        if unsafe { libc::rename(crp.as_ptr(), cbp.as_ptr()) } != 0 {
            return Err(win32_status(ERROR_UNABLE_TO_REMOVE_REPLACED));
        }
        moved(&rst, &rp, bp);
        // SAFETY: NUL-terminated paths.
        if unsafe { libc::rename(cnp.as_ptr(), crp.as_ptr()) } != 0 {
            return Err(win32_status(ERROR_UNABLE_TO_MOVE_REPLACEMENT_2));
        }
    } else {
        // SAFETY: NUL-terminated paths.
        if unsafe { libc::rename(cnp.as_ptr(), crp.as_ptr()) } != 0 {
            return Err(win32_status(ERROR_UNABLE_TO_MOVE_REPLACEMENT));
        }
    }
    moved(&nst, &np, &rp);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::open::tests::scratch;
    use crate::file::{CreateOptions, create, create_ex};
    use crate::handles;
    use windows_sys::Win32::Foundation::{
        ERROR_ACCESS_DENIED, ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, GENERIC_READ, GENERIC_WRITE,
    };
    use windows_sys::Win32::Storage::FileSystem::{
        CREATE_NEW, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY, FILE_ATTRIBUTE_HIDDEN, OPEN_EXISTING,
    };

    fn opts(access: u32, disposition: u32) -> CreateOptions {
        CreateOptions { access, disposition, flags: 0, inherit: false }
    }

    #[test]
    fn attributes_delete_and_directories() {
        let (dos, dir) = scratch("ops");
        assert_eq!(attributes(&dos), Ok(FILE_ATTRIBUTE_DIRECTORY));
        assert_eq!(attributes(&format!("{dos}\\nope")), Err(ERROR_FILE_NOT_FOUND));
        assert_eq!(attributes(&format!("{dos}\\nodir\\nope")), Err(ERROR_PATH_NOT_FOUND));
        let hidden = format!("{dos}\\.hidden");
        handles::close(create(&hidden, &opts(GENERIC_WRITE, CREATE_NEW)).unwrap().0).unwrap();
        assert_eq!(attributes(&hidden), Ok(FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_HIDDEN));
        let ro = format!("{dos}\\ro.txt");
        let o = CreateOptions { flags: FILE_ATTRIBUTE_READONLY, ..opts(GENERIC_WRITE, CREATE_NEW) };
        handles::close(create(&ro, &o).unwrap().0).unwrap();
        assert_eq!(attributes(&ro), Ok(FILE_ATTRIBUTE_ARCHIVE | FILE_ATTRIBUTE_READONLY));
        assert_eq!(delete(&ro), Err(ERROR_ACCESS_DENIED));
        assert_eq!(delete(&dos), Err(ERROR_ACCESS_DENIED));
        assert_eq!(delete(&format!("{dos}\\nope")), Err(ERROR_FILE_NOT_FOUND));
        assert_eq!(delete(&hidden.to_uppercase()), Ok(()));
        set_attributes(&ro, 0x80).unwrap();
        assert_eq!(attributes(&ro), Ok(FILE_ATTRIBUTE_ARCHIVE));
        set_attributes(&ro, FILE_ATTRIBUTE_READONLY).unwrap();
        set_attributes(&ro, 0).unwrap();
        assert_eq!(delete(&ro), Ok(()));

        let sub = format!("{dos}\\Sub");
        assert_eq!(create_dir_nt(&sub), Ok(()));
        assert_eq!(create_dir_nt(&sub.to_lowercase()), Err(status::OBJECT_NAME_COLLISION));
        assert_eq!(create_dir_nt(&format!("{dos}\\no\\sub")), Err(status::OBJECT_PATH_NOT_FOUND));
        handles::close(create(&format!("{sub}\\f"), &opts(GENERIC_WRITE, CREATE_NEW)).unwrap().0).unwrap();
        assert_eq!(remove_dir_nt(&sub), Err(status::DIRECTORY_NOT_EMPTY));
        assert_eq!(remove_dir_nt(&format!("{sub}\\f")), Err(status::NOT_A_DIRECTORY));
        delete(&format!("{sub}\\F")).unwrap();
        assert_eq!(remove_dir_nt(&sub), Ok(()));
        assert_eq!(remove_dir_nt(&sub), Err(status::OBJECT_NAME_NOT_FOUND));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn move_copy_replace_link() {
        let (dos, dir) = scratch("mv");
        std::fs::write(dir.join("a.txt"), "A").unwrap();
        std::fs::write(dir.join("b.txt"), "B").unwrap();
        let p = |n: &str| format!("{dos}\\{n}");
        assert_eq!(move_file(&p("a.txt"), Some(&p("b.txt")), 0), Err(status::OBJECT_NAME_COLLISION));
        assert_eq!(std::fs::read(dir.join("b.txt")).unwrap(), b"B");
        move_file(&p("A.TXT"), Some(&p("c.txt")), 0).unwrap();
        move_file(&p("c.txt"), Some(&p("C.TXT")), 0).unwrap();
        assert!(dir.join("C.TXT").exists() && !dir.join("c.txt").exists(), "a case-only rename");
        move_file(&p("c.txt"), Some(&p("b.txt")), MOVEFILE_REPLACE_EXISTING).unwrap();
        assert_eq!(std::fs::read(dir.join("b.txt")).unwrap(), b"A");
        assert_eq!(move_file(&p("nope"), Some(&p("x")), 0), Err(status::OBJECT_NAME_NOT_FOUND));
        // Held open without sharing delete.
        let (h, _) = create_ex(&p("b.txt"), &opts(GENERIC_READ, OPEN_EXISTING), FILE_SHARE_READ).unwrap();
        assert_eq!(move_file(&p("b.txt"), Some(&p("d.txt")), 0), Err(status::SHARING_VIOLATION));
        assert_eq!(delete_nt(&p("b.txt")), Err(status::SHARING_VIOLATION));
        handles::close(h).unwrap();

        std::fs::write(dir.join("src.txt"), "source data").unwrap();
        copy_file(&p("src.txt"), &p("dst.txt"), true, None).unwrap();
        assert_eq!(std::fs::read(dir.join("dst.txt")).unwrap(), b"source data");
        std::fs::write(dir.join("dst.txt"), "old").unwrap();
        assert_eq!(copy_file(&p("src.txt"), &p("DST.txt"), true, None), Err(status::OBJECT_NAME_COLLISION));
        let mut cancel = |_t: u64, _d: u64| PROGRESS_CANCEL;
        assert_eq!(
            copy_file(&p("src.txt"), &p("dst.txt"), false, Some(&mut cancel)),
            Err(win32_status(ERROR_REQUEST_ABORTED))
        );
        assert_eq!(std::fs::read(dir.join("dst.txt")).unwrap(), b"old", "a cancelled copy changes nothing");
        copy_file(&p("src.txt"), &p("dst.txt"), false, None).unwrap();
        assert_eq!(std::fs::read(dir.join("dst.txt")).unwrap(), b"source data");
        assert!(
            std::fs::read_dir(&dir).unwrap().all(|e| !e.unwrap().file_name().to_string_lossy().starts_with(".wine-rs"))
        );

        std::fs::write(dir.join("new.txt"), "new").unwrap();
        replace_file(&p("dst.txt"), &p("new.txt"), Some(&p("bak.txt"))).unwrap();
        assert_eq!(std::fs::read(dir.join("dst.txt")).unwrap(), b"new");
        assert_eq!(std::fs::read(dir.join("bak.txt")).unwrap(), b"source data");
        assert_eq!(replace_file(&p("dst.txt"), &p("gone.txt"), None), Err(status::OBJECT_NAME_NOT_FOUND));

        hard_link(&p("hl.txt"), &p("dst.txt")).unwrap();
        assert_eq!(hard_link(&p("hl.txt"), &p("dst.txt")), Err(status::OBJECT_NAME_COLLISION));
        assert_eq!(std::fs::read(dir.join("hl.txt")).unwrap(), b"new");
        symlink(&p("sl.txt"), "dst.txt").unwrap();
        assert_eq!(std::fs::read(dir.join("sl.txt")).unwrap(), b"new");
        symlink(&p("sl2.txt"), &p("DST.TXT")).unwrap();
        assert_eq!(std::fs::read_link(dir.join("sl2.txt")).unwrap(), dir.join("dst.txt"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
