//! winbase.h's file operations: MoveFile(Ex), MoveFileWithProgress, CopyFile(Ex), CopyFile2,
//! ReplaceFile, CreateHardLink, CreateSymbolicLink (`syscall_shims::file::ops`). None loses
//! data when it fails: checks come first, copies go through a temporary file.

use crate::fileapi::{bool_status, fail_status, name_a, name_w};
use dllcore::{export, teb};
use syscall_shims::errno::{NtStatus, status, status_to_win32};
use syscall_shims::file::ops::{self, PROGRESS_CONTINUE};
use windows_sys::Win32::Foundation::{ERROR_FILE_EXISTS, ERROR_INVALID_PARAMETER, ERROR_PATH_NOT_FOUND, FALSE, HANDLE};
use windows_sys::Win32::Storage::FileSystem::{COPY_FILE_FAIL_IF_EXISTS, COPYFILE2_EXTENDED_PARAMETERS};
use windows_sys::core::{BOOL, HRESULT, PCSTR, PCWSTR};

fn two(a: Option<String>, b: Option<String>, f: impl FnOnce(&str, &str) -> Result<(), NtStatus>) -> BOOL {
    match (a, b) {
        (Some(a), Some(b)) => bool_status(f(&a, &b)),
        _ => teb::fail(ERROR_PATH_NOT_FOUND, FALSE),
    }
}

fn move_file(src: Option<String>, dst: Option<String>, flags: u32) -> BOOL {
    let Some(src) = src else { return teb::fail(ERROR_PATH_NOT_FOUND, FALSE) };
    bool_status(ops::move_file(&src, dst.as_deref(), flags))
}

/// MoveFileExW: rename or move a file or directory. Without MOVEFILE_REPLACE_EXISTING an
/// existing target is ERROR_ALREADY_EXISTS (and stays as it was); with it, a directory or
/// read-only target is ERROR_ACCESS_DENIED. Across file systems with MOVEFILE_COPY_ALLOWED.
/// A source or target this process holds open without FILE_SHARE_DELETE:
/// ERROR_SHARING_VIOLATION. Changing only the case of a name works.
/// MOVEFILE_DELAY_UNTIL_REBOOT is refused (ERROR_ACCESS_DENIED); MOVEFILE_WRITE_THROUGH is
/// implied.
#[export]
pub unsafe extern "win64" fn MoveFileExW(src: PCWSTR, dst: PCWSTR, flags: u32) -> BOOL {
    // SAFETY: the program passes NUL-terminated names (the target may be NULL).
    unsafe { move_file(name_w(src), name_w(dst), flags) }
}

/// MoveFileExA: MoveFileExW with ANSI names.
/// As MoveFileExW.
#[export]
pub unsafe extern "win64" fn MoveFileExA(src: PCSTR, dst: PCSTR, flags: u32) -> BOOL {
    // SAFETY: as above.
    unsafe { move_file(name_a(src), name_a(dst), flags) }
}

/// MoveFileW: MoveFileExW with MOVEFILE_COPY_ALLOWED (a file can move to another volume).
#[export]
pub unsafe extern "win64" fn MoveFileW(src: PCWSTR, dst: PCWSTR) -> BOOL {
    // SAFETY: as above.
    unsafe { move_file(name_w(src), name_w(dst), 2) }
}

/// MoveFileA: MoveFileW with ANSI names.
#[export]
pub unsafe extern "win64" fn MoveFileA(src: PCSTR, dst: PCSTR) -> BOOL {
    // SAFETY: as above.
    unsafe { move_file(name_a(src), name_a(dst), 2) }
}

/// MoveFileWithProgressW: MoveFileExW; the progress routine is not called (a rename within a
/// volume has no progress to report).
#[export]
pub unsafe extern "win64" fn MoveFileWithProgressW(
    src: PCWSTR,
    dst: PCWSTR,
    _progress: *const core::ffi::c_void,
    _data: *const core::ffi::c_void,
    flags: u32,
) -> BOOL {
    // SAFETY: as above.
    unsafe { move_file(name_w(src), name_w(dst), flags) }
}

/// MoveFileWithProgressA: MoveFileWithProgressW with ANSI names.
#[export]
pub unsafe extern "win64" fn MoveFileWithProgressA(
    src: PCSTR,
    dst: PCSTR,
    _progress: *const core::ffi::c_void,
    _data: *const core::ffi::c_void,
    flags: u32,
) -> BOOL {
    // SAFETY: as above.
    unsafe { move_file(name_a(src), name_a(dst), flags) }
}

/// A CopyFileEx progress routine (LPPROGRESS_ROUTINE).
type ProgressRoutine =
    unsafe extern "win64" fn(i64, i64, i64, i64, u32, u32, HANDLE, HANDLE, *mut core::ffi::c_void) -> u32;

fn copy(
    src: Option<String>,
    dst: Option<String>,
    fail_if_exists: bool,
    routine: Option<ProgressRoutine>,
    data: *mut core::ffi::c_void,
    cancel: *const i32,
) -> BOOL {
    let (Some(src), Some(dst)) = (src, dst) else { return teb::fail(ERROR_PATH_NOT_FOUND, FALSE) };
    let mut first = true;
    let mut cb = |total: u64, done: u64| -> u32 {
        // SAFETY: the program passes NULL or a BOOL it may set from another thread.
        if !cancel.is_null() && unsafe { std::ptr::read_volatile(cancel) } != 0 {
            return ops::PROGRESS_CANCEL;
        }
        let Some(r) = routine else { return PROGRESS_CONTINUE };
        let reason = if first { 1 } else { 0 }; // CALLBACK_STREAM_SWITCH, CALLBACK_CHUNK_FINISHED
        first = false;
        // SAFETY: the program's routine, called with the documented arguments.
        unsafe {
            r(
                total as i64,
                done as i64,
                total as i64,
                done as i64,
                1,
                reason,
                std::ptr::null_mut(),
                std::ptr::null_mut(),
                data,
            )
        }
    };
    match ops::copy_file(&src, &dst, fail_if_exists, Some(&mut cb)) {
        Ok(()) => 1,
        Err(s) if s == status::OBJECT_NAME_COLLISION => teb::fail(ERROR_FILE_EXISTS, FALSE),
        Err(s) => fail_status(s, FALSE),
    }
}

/// CopyFileW: copy a file (data, the read-only attribute and the last write time) to `dst`;
/// with `fail_if_exists` an existing target is ERROR_FILE_EXISTS. A read-only target is
/// ERROR_ACCESS_DENIED; a target this process holds open is ERROR_SHARING_VIOLATION. The copy
/// is written beside the target and renamed over it: a failed copy leaves the target intact.
#[export]
pub unsafe extern "win64" fn CopyFileW(src: PCWSTR, dst: PCWSTR, fail_if_exists: BOOL) -> BOOL {
    // SAFETY: the program passes NUL-terminated names.
    unsafe { copy(name_w(src), name_w(dst), fail_if_exists != 0, None, std::ptr::null_mut(), std::ptr::null()) }
}

/// CopyFileA: CopyFileW with ANSI names.
/// As CopyFileW.
#[export]
pub unsafe extern "win64" fn CopyFileA(src: PCSTR, dst: PCSTR, fail_if_exists: BOOL) -> BOOL {
    // SAFETY: as above.
    unsafe { copy(name_a(src), name_a(dst), fail_if_exists != 0, None, std::ptr::null_mut(), std::ptr::null()) }
}

/// CopyFileExW: CopyFileW with a progress routine (called before the data and after each
/// chunk; PROGRESS_CANCEL or PROGRESS_STOP abort with ERROR_REQUEST_ABORTED, leaving the
/// target as it was), a cancel flag, and COPY_FILE_FAIL_IF_EXISTS.
/// Other COPY_FILE_* flags are ignored (restartable copies are not supported).
#[export]
pub unsafe extern "win64" fn CopyFileExW(
    src: PCWSTR,
    dst: PCWSTR,
    routine: Option<ProgressRoutine>,
    data: *mut core::ffi::c_void,
    cancel: *const i32,
    flags: u32,
) -> BOOL {
    // SAFETY: as above.
    unsafe { copy(name_w(src), name_w(dst), flags & COPY_FILE_FAIL_IF_EXISTS != 0, routine, data, cancel) }
}

/// CopyFileExA: CopyFileExW with ANSI names.
#[export]
pub unsafe extern "win64" fn CopyFileExA(
    src: PCSTR,
    dst: PCSTR,
    routine: Option<ProgressRoutine>,
    data: *mut core::ffi::c_void,
    cancel: *const i32,
    flags: u32,
) -> BOOL {
    // SAFETY: as above.
    unsafe { copy(name_a(src), name_a(dst), flags & COPY_FILE_FAIL_IF_EXISTS != 0, routine, data, cancel) }
}

/// CopyFile2: CopyFileW returning an HRESULT; COPY_FILE_FAIL_IF_EXISTS from the extended
/// parameters (whose progress routine is not called) and their cancel flag.
#[export]
pub unsafe extern "win64" fn CopyFile2(
    src: PCWSTR,
    dst: PCWSTR,
    params: *const COPYFILE2_EXTENDED_PARAMETERS,
) -> HRESULT {
    let (flags, cancel) = if params.is_null() {
        (0, std::ptr::null())
    } else {
        // SAFETY: the program passes a parameter block.
        let p = unsafe { &*params };
        (p.dwCopyFlags, p.pfCancel as *const i32)
    };
    // SAFETY: as above.
    let ok = unsafe {
        copy(name_w(src), name_w(dst), flags & COPY_FILE_FAIL_IF_EXISTS != 0, None, std::ptr::null_mut(), cancel)
    };
    if ok != 0 { 0 } else { (0x8007_0000u32 | (teb::last_error() & 0xffff)) as HRESULT }
}

fn replace(replaced: Option<String>, replacement: Option<String>, backup: Option<String>) -> BOOL {
    let (Some(a), Some(b)) = (replaced, replacement) else { return teb::fail(ERROR_INVALID_PARAMETER, FALSE) };
    bool_status(ops::replace_file(&a, &b, backup.as_deref()))
}

/// ReplaceFileW: `replacement` takes the place of `replaced` (keeping its permissions), which
/// is kept under `backup` when one is named. Missing files: ERROR_FILE_NOT_FOUND; a backup that
/// cannot be made: ERROR_UNABLE_TO_REMOVE_REPLACED (nothing changed); a replacement that cannot
/// be moved: ERROR_UNABLE_TO_MOVE_REPLACEMENT (nothing changed) or, after the backup,
/// ERROR_UNABLE_TO_MOVE_REPLACEMENT_2.
/// The flags (merge errors, ACLs) are ignored.
#[export]
pub unsafe extern "win64" fn ReplaceFileW(
    replaced: PCWSTR,
    replacement: PCWSTR,
    backup: PCWSTR,
    _flags: u32,
    _exclude: *const core::ffi::c_void,
    _reserved: *const core::ffi::c_void,
) -> BOOL {
    // SAFETY: the program passes NUL-terminated names (the backup may be NULL).
    unsafe { replace(name_w(replaced), name_w(replacement), name_w(backup)) }
}

/// ReplaceFileA: ReplaceFileW with ANSI names.
#[export]
pub unsafe extern "win64" fn ReplaceFileA(
    replaced: PCSTR,
    replacement: PCSTR,
    backup: PCSTR,
    _flags: u32,
    _exclude: *const core::ffi::c_void,
    _reserved: *const core::ffi::c_void,
) -> BOOL {
    // SAFETY: as above.
    unsafe { replace(name_a(replaced), name_a(replacement), name_a(backup)) }
}

/// CreateHardLinkW: `new` becomes another name of the file `existing` (ERROR_ALREADY_EXISTS
/// when `new` exists).
#[export]
pub unsafe extern "win64" fn CreateHardLinkW(new: PCWSTR, existing: PCWSTR, _sa: *const core::ffi::c_void) -> BOOL {
    // SAFETY: the program passes NUL-terminated names.
    unsafe { two(name_w(new), name_w(existing), ops::hard_link) }
}

/// CreateHardLinkA: CreateHardLinkW with ANSI names.
#[export]
pub unsafe extern "win64" fn CreateHardLinkA(new: PCSTR, existing: PCSTR, _sa: *const core::ffi::c_void) -> BOOL {
    // SAFETY: as above.
    unsafe { two(name_a(new), name_a(existing), ops::hard_link) }
}

fn symlink(link: Option<String>, target: Option<String>) -> u8 {
    match (link, target) {
        (Some(l), Some(t)) => match ops::symlink(&l, &t) {
            Ok(()) => 1,
            Err(s) => teb::fail(status_to_win32(s), 0),
        },
        _ => teb::fail(ERROR_PATH_NOT_FOUND, 0),
    }
}

/// CreateSymbolicLinkW: a symbolic link `link` to `target` (an absolute target points at the
/// Unix path its drive maps to, a relative one stays relative). No privilege is needed.
/// SYMBOLIC_LINK_FLAG_DIRECTORY is not needed on Unix and ignored.
#[export]
pub unsafe extern "win64" fn CreateSymbolicLinkW(link: PCWSTR, target: PCWSTR, _flags: u32) -> u8 {
    // SAFETY: the program passes NUL-terminated names.
    unsafe { symlink(name_w(link), name_w(target)) }
}

/// CreateSymbolicLinkA: CreateSymbolicLinkW with ANSI names.
#[export]
pub unsafe extern "win64" fn CreateSymbolicLinkA(link: PCSTR, target: PCSTR, _flags: u32) -> u8 {
    // SAFETY: as above.
    unsafe { symlink(name_a(link), name_a(target)) }
}
