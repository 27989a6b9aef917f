//! FindFirstFile(Ex), FindNextFile, FindClose: directory listings with Windows wildcards
//! (`syscall_shims::file::dir`).

use super::{fail_status, filetime, name_a, name_w};
use dllcore::{export, teb};
use syscall_shims::codepage;
use syscall_shims::errno::status;
use syscall_shims::file::dir::{self, Entry};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_PARAMETER, ERROR_PATH_NOT_FOUND, FALSE, HANDLE, INVALID_HANDLE_VALUE, TRUE,
};
use windows_sys::Win32::Storage::FileSystem::{FILE_ATTRIBUTE_REPARSE_POINT, WIN32_FIND_DATAA, WIN32_FIND_DATAW};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// FindExInfoStandard, FindExInfoBasic.
const INFO_STANDARD: i32 = 0;
const INFO_BASIC: i32 = 1;
/// FindExSearchNameMatch, FindExSearchLimitToDirectories.
const SEARCH_NAME: i32 = 0;
const SEARCH_DIRS: i32 = 1;

fn fill_w(e: &Entry, out: *mut WIN32_FIND_DATAW) {
    // SAFETY: plain data; all zeroes is valid.
    let mut d: WIN32_FIND_DATAW = unsafe { std::mem::zeroed() };
    let s = &e.stat;
    d.dwFileAttributes = s.attributes;
    d.ftCreationTime = filetime(s.creation);
    d.ftLastAccessTime = filetime(s.access);
    d.ftLastWriteTime = filetime(s.write);
    d.nFileSizeHigh = (s.size >> 32) as u32;
    d.nFileSizeLow = s.size as u32;
    if s.attributes & FILE_ATTRIBUTE_REPARSE_POINT != 0 {
        d.dwReserved0 = 0xA000_000C; // IO_REPARSE_TAG_SYMLINK
    }
    for (i, u) in e.name.encode_utf16().take(259).enumerate() {
        d.cFileName[i] = u;
    }
    // SAFETY: the program passes a structure to fill.
    unsafe { out.write_unaligned(d) };
}

fn fill_a(e: &Entry, out: *mut WIN32_FIND_DATAA) {
    let mut w: WIN32_FIND_DATAW = unsafe { std::mem::zeroed() };
    fill_w(e, &mut w);
    // SAFETY: plain data; all zeroes is valid.
    let mut d: WIN32_FIND_DATAA = unsafe { std::mem::zeroed() };
    d.dwFileAttributes = w.dwFileAttributes;
    d.ftCreationTime = w.ftCreationTime;
    d.ftLastAccessTime = w.ftLastAccessTime;
    d.ftLastWriteTime = w.ftLastWriteTime;
    d.nFileSizeHigh = w.nFileSizeHigh;
    d.nFileSizeLow = w.nFileSizeLow;
    d.dwReserved0 = w.dwReserved0;
    let wide: Vec<u16> = e.name.encode_utf16().collect();
    for (i, b) in codepage::wide_to_ansi(&wide).into_iter().take(259).enumerate() {
        d.cFileName[i] = b as _;
    }
    // SAFETY: the program passes a structure to fill.
    unsafe { out.write_unaligned(d) };
}

fn find_first(name: Option<String>, level: i32, op: i32, fill: impl FnOnce(&Entry)) -> HANDLE {
    let Some(name) = name else {
        return teb::fail(ERROR_PATH_NOT_FOUND, INVALID_HANDLE_VALUE);
    };
    if !matches!(level, INFO_STANDARD | INFO_BASIC) || !matches!(op, SEARCH_NAME | SEARCH_DIRS) {
        return teb::fail(ERROR_INVALID_PARAMETER, INVALID_HANDLE_VALUE);
    }
    match dir::find_first(&name, op == SEARCH_DIRS) {
        Ok((h, e)) => {
            fill(&e);
            h
        }
        Err(s) => fail_status(s, INVALID_HANDLE_VALUE),
    }
}

/// FindFirstFileW: the first entry of a directory matching `pattern` (`dir\*.txt`) and a
/// search handle for the others. Wildcards follow Windows (`*.*` all, `*.` no extension, `?`
/// also matching nothing at the end of a name); non-root directories list `.` and `..`.
/// ERROR_FILE_NOT_FOUND when nothing matches, ERROR_PATH_NOT_FOUND for a missing directory.
/// There are no 8.3 short names: cAlternateFileName is empty.
#[export]
pub unsafe extern "win64" fn FindFirstFileW(pattern: PCWSTR, data: *mut WIN32_FIND_DATAW) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated pattern.
    find_first(unsafe { name_w(pattern) }, INFO_STANDARD, SEARCH_NAME, |e| fill_w(e, data))
}

/// FindFirstFileA: FindFirstFileW with ANSI names.
/// As FindFirstFileW.
#[export]
pub unsafe extern "win64" fn FindFirstFileA(pattern: PCSTR, data: *mut WIN32_FIND_DATAA) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated pattern.
    find_first(unsafe { name_a(pattern) }, INFO_STANDARD, SEARCH_NAME, |e| fill_a(e, data))
}

/// FindFirstFileExW: FindFirstFileW with an information level (FindExInfoStandard,
/// FindExInfoBasic: the same here) and FindExSearchLimitToDirectories (honoured).
/// The filter must be NULL; the flags (case-sensitive search, large fetch) are ignored.
#[export]
pub unsafe extern "win64" fn FindFirstFileExW(
    pattern: PCWSTR,
    level: i32,
    data: *mut core::ffi::c_void,
    op: i32,
    _filter: *mut core::ffi::c_void,
    _flags: u32,
) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated pattern.
    find_first(unsafe { name_w(pattern) }, level, op, |e| fill_w(e, data as *mut WIN32_FIND_DATAW))
}

/// FindFirstFileExA: FindFirstFileExW with ANSI names.
/// As FindFirstFileExW.
#[export]
pub unsafe extern "win64" fn FindFirstFileExA(
    pattern: PCSTR,
    level: i32,
    data: *mut core::ffi::c_void,
    op: i32,
    _filter: *mut core::ffi::c_void,
    _flags: u32,
) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated pattern.
    find_first(unsafe { name_a(pattern) }, level, op, |e| fill_a(e, data as *mut WIN32_FIND_DATAA))
}

/// FindNextFileW: the next entry; FALSE with ERROR_NO_MORE_FILES at the end.
#[export]
pub unsafe extern "win64" fn FindNextFileW(h: HANDLE, data: *mut WIN32_FIND_DATAW) -> BOOL {
    match dir::find_next(h) {
        Ok(e) => {
            fill_w(&e, data);
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

/// FindNextFileA: FindNextFileW with ANSI names.
#[export]
pub unsafe extern "win64" fn FindNextFileA(h: HANDLE, data: *mut WIN32_FIND_DATAA) -> BOOL {
    match dir::find_next(h) {
        Ok(e) => {
            fill_a(&e, data);
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

/// FindClose: end a search (ERROR_INVALID_HANDLE for what is not a search handle).
#[export]
pub extern "win64" fn FindClose(h: HANDLE) -> BOOL {
    match dir::find_close(h) {
        Ok(()) => TRUE,
        Err(_) => fail_status(status::INVALID_HANDLE, FALSE),
    }
}
