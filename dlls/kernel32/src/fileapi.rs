//! fileapi.h: opening files, reading and writing, positions and sizes, types, attributes,
//! times, information by handle, deleting, directories, locks. The semantics are in
//! `syscall_shims::file` (and names in `syscall_shims::path`); these exports decode their
//! arguments and report errors. By area:
//!
//! - [`find`]: FindFirstFile(Ex), FindNextFile, FindClose.
//! - [`names`]: GetFullPathName, GetLongPathName, GetShortPathName, GetTempPath,
//!   GetTempFileName, Get/SetCurrentDirectory, GetWindowsDirectory, GetSystemDirectory,
//!   GetFinalPathNameByHandle.
//! - [`volume`]: GetDiskFreeSpace(Ex), GetVolumeInformation(ByHandle), GetDriveType,
//!   GetLogicalDrives, GetLogicalDriveStrings.
//! - [`notify`]: FindFirstChangeNotification and friends, ReadDirectoryChangesW.
//!
//! Moving, copying, replacing and links (winbase.h) are in `crate::winbase`; file mappings
//! in `crate::mapping`; GetOverlappedResult in `crate::ioapiset`.

pub mod find;
pub mod names;
pub mod notify;
pub mod volume;

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use syscall_shims::errno::{NtStatus, status, status_to_win32};
use syscall_shims::file::info::{self, class};
use syscall_shims::file::{self, At, CreateOptions, lock};
use syscall_shims::handles::{self, Object};
use syscall_shims::overlapped::Started;
use syscall_shims::{codepage, console};
use windows_sys::Win32::Foundation::{
    ERROR_ALREADY_EXISTS, ERROR_BAD_LENGTH, ERROR_BROKEN_PIPE, ERROR_HANDLE_EOF, ERROR_INVALID_HANDLE,
    ERROR_INVALID_PARAMETER, ERROR_IO_PENDING, ERROR_MORE_DATA, ERROR_NOACCESS, ERROR_PATH_NOT_FOUND, ERROR_SUCCESS, FALSE, FILETIME,
    HANDLE, INVALID_HANDLE_VALUE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::Storage::FileSystem::{
    BY_HANDLE_FILE_INFORMATION, CREATE_ALWAYS, CREATEFILE2_EXTENDED_PARAMETERS, FILE_SHARE_DELETE, FILE_SHARE_READ,
    FILE_SHARE_WRITE, FILE_TYPE, FILE_TYPE_PIPE, FILE_TYPE_UNKNOWN, INVALID_FILE_ATTRIBUTES, INVALID_FILE_SIZE,
    INVALID_SET_FILE_POINTER, LOCKFILE_EXCLUSIVE_LOCK, LOCKFILE_FAIL_IMMEDIATELY, OPEN_ALWAYS,
    WIN32_FILE_ATTRIBUTE_DATA,
};
use windows_sys::Win32::System::IO::OVERLAPPED;
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

// ---------------------------------------------------------------------------------------------
// Helpers shared by the file exports.

/// A file name from the program (None for NULL).
///
/// # Safety
/// `p` must be NULL or a NUL-terminated UTF-16 string.
pub(crate) unsafe fn name_w(p: PCWSTR) -> Option<String> {
    // SAFETY: per the contract.
    unsafe { dllcore::strings::wstr_to_string(p) }
}

/// A file name in the ANSI code page (None for NULL).
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string.
pub(crate) unsafe fn name_a(p: PCSTR) -> Option<String> {
    // SAFETY: per the contract.
    unsafe { dllcore::strings::cstr(p) }.map(codepage::ansi_to_string)
}

/// Fail with the Win32 error for an NTSTATUS.
pub(crate) fn fail_status<T>(s: NtStatus, ret: T) -> T {
    teb::fail(status_to_win32(s), ret)
}

/// TRUE, or FALSE with the status's error.
pub(crate) fn bool_status(r: Result<(), NtStatus>) -> BOOL {
    match r {
        Ok(()) => TRUE,
        Err(s) => fail_status(s, FALSE),
    }
}

/// The name or ERROR_PATH_NOT_FOUND for NULL, then `f`.
pub(crate) fn with_name<T>(name: Option<String>, f: impl FnOnce(&str) -> Result<T, NtStatus>) -> Result<T, NtStatus> {
    match name {
        Some(n) => f(&n),
        None => Err(status::OBJECT_PATH_NOT_FOUND),
    }
}

/// Copy `units` plus a NUL into a buffer of `size` elements, the Win32 way: the length
/// without the NUL when it fits, else the size needed with the NUL (nothing copied).
///
/// # Safety
/// `buf` must be valid for `size` elements (or NULL with `size` 0).
pub(crate) unsafe fn copy_out<T: Copy + Default>(units: &[T], buf: *mut T, size: u32) -> u32 {
    let len = units.len();
    if buf.is_null() || (size as usize) <= len {
        return len as u32 + 1;
    }
    // SAFETY: per the contract, buf holds at least len + 1 elements.
    unsafe {
        std::ptr::copy_nonoverlapping(units.as_ptr(), buf, len);
        *buf.add(len) = T::default();
    }
    len as u32
}

/// [`copy_out`] of a string as UTF-16.
///
/// # Safety
/// As [`copy_out`].
pub(crate) unsafe fn out_w(s: &str, buf: *mut u16, size: u32) -> u32 {
    let w: Vec<u16> = s.encode_utf16().collect();
    // SAFETY: per the contract.
    unsafe { copy_out(&w, buf, size) }
}

/// [`copy_out`] of a string in the ANSI code page.
///
/// # Safety
/// As [`copy_out`].
pub(crate) unsafe fn out_a(s: &str, buf: *mut u8, size: u32) -> u32 {
    let w: Vec<u16> = s.encode_utf16().collect();
    let a = codepage::wide_to_ansi(&w);
    // SAFETY: per the contract.
    unsafe { copy_out(&a, buf, size) }
}

/// A FILETIME from its 64-bit value.
pub(crate) fn filetime(v: i64) -> FILETIME {
    FILETIME { dwLowDateTime: v as u32, dwHighDateTime: (v >> 32) as u32 }
}

/// A FILETIME's 64-bit value.
pub(crate) fn filetime_value(f: &FILETIME) -> i64 {
    (f.dwHighDateTime as i64) << 32 | f.dwLowDateTime as i64
}

/// Store `v` through `p` when it is not NULL.
///
/// # Safety
/// `p` must be NULL or valid for a write of T.
pub(crate) unsafe fn store<T>(p: *mut T, v: T) {
    if !p.is_null() {
        // SAFETY: per the contract.
        unsafe { p.write_unaligned(v) };
    }
}

// ---------------------------------------------------------------------------------------------
// CreateFile.

fn create_file(name: Option<String>, o: CreateOptions, share: u32) -> HANDLE {
    let Some(name) = name else {
        return teb::fail(ERROR_PATH_NOT_FOUND, INVALID_HANDLE_VALUE);
    };
    if share & !(FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE) != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, INVALID_HANDLE_VALUE);
    }
    match file::create_ex(&name, &o, share) {
        Ok((h, existed)) => {
            let reopened = existed && (o.disposition == CREATE_ALWAYS || o.disposition == OPEN_ALWAYS);
            teb::set_last_error(if reopened { ERROR_ALREADY_EXISTS } else { ERROR_SUCCESS });
            h
        }
        Err(e) => teb::fail(e, INVALID_HANDLE_VALUE),
    }
}

/// CreateFileW: open or create a file, a directory (with FILE_FLAG_BACKUP_SEMANTICS) or a
/// device (NUL, CON, CONIN$, CONOUT$). `disposition`: CREATE_NEW (ERROR_FILE_EXISTS if it
/// exists), CREATE_ALWAYS, OPEN_EXISTING, OPEN_ALWAYS (both of these set ERROR_ALREADY_EXISTS
/// when the file was there), TRUNCATE_EXISTING. A missing file is ERROR_FILE_NOT_FOUND, a
/// missing directory ERROR_PATH_NOT_FOUND. Share modes are enforced among this process's
/// handles (ERROR_SHARING_VIOLATION); writing a read-only file is ERROR_ACCESS_DENIED;
/// FILE_FLAG_DELETE_ON_CLOSE deletes the file when its last handle closes. Names are
/// case-insensitive; a created file keeps the case given.
/// Security attributes other than inheritance and the template are ignored; the hidden and
/// system attributes are not kept.
#[export]
pub unsafe extern "win64" fn CreateFileW(
    name: PCWSTR,
    access: u32,
    share: u32,
    sa: *const SECURITY_ATTRIBUTES,
    disposition: u32,
    flags: u32,
    _template: HANDLE,
) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    let o = CreateOptions { access, disposition, flags, inherit: unsafe { inherit_of(sa) } };
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_file(unsafe { name_w(name) }, o, share)
}

/// CreateFileA: CreateFileW with an ANSI name.
/// As CreateFileW.
#[export]
pub unsafe extern "win64" fn CreateFileA(
    name: PCSTR,
    access: u32,
    share: u32,
    sa: *const SECURITY_ATTRIBUTES,
    disposition: u32,
    flags: u32,
    _template: HANDLE,
) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    let o = CreateOptions { access, disposition, flags, inherit: unsafe { inherit_of(sa) } };
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_file(unsafe { name_a(name) }, o, share)
}

/// CreateFile2: CreateFileW with the attributes and flags in an extended parameter block.
/// As CreateFileW.
#[export]
pub unsafe extern "win64" fn CreateFile2(
    name: PCWSTR,
    access: u32,
    share: u32,
    disposition: u32,
    params: *const CREATEFILE2_EXTENDED_PARAMETERS,
) -> HANDLE {
    let (flags, sa) = if params.is_null() {
        (0, std::ptr::null())
    } else {
        // SAFETY: the program passes a parameter block.
        let p = unsafe { &*params };
        (p.dwFileAttributes | p.dwFileFlags, p.lpSecurityAttributes as *const SECURITY_ATTRIBUTES)
    };
    // SAFETY: as CreateFileW.
    unsafe { CreateFileW(name, access, share, sa, disposition, flags, std::ptr::null_mut()) }
}

// ---------------------------------------------------------------------------------------------
// Reading and writing.

/// The offset an OVERLAPPED gives (0xFFFFFFFF`FFFFFFFF: the end of the file).
///
/// # Safety
/// `ov` must be NULL or point at an OVERLAPPED.
unsafe fn overlapped_at(ov: *const OVERLAPPED) -> At {
    if ov.is_null() {
        return At::Current;
    }
    // SAFETY: per the contract.
    let o = unsafe { (*ov).Anonymous.Anonymous };
    At::Offset((o.OffsetHigh as u64) << 32 | o.Offset as u64)
}

/// Record a transfer that completed at once in an OVERLAPPED (Internal = status, InternalHigh
/// = bytes) and signal its event; a successful one also queues a packet to the completion
/// port `h` is associated with (a call that fails at once queues none, as on Windows).
///
/// # Safety
/// `ov` must be NULL or point at an OVERLAPPED.
pub(crate) unsafe fn complete_overlapped(h: HANDLE, ov: *mut OVERLAPPED, st: NtStatus, n: usize) {
    if ov.is_null() {
        return;
    }
    let obj = if st >= 0 { handles::get(h).ok() } else { None };
    // SAFETY: per the contract.
    unsafe { syscall_shims::overlapped::complete(obj.as_deref(), ov, st, n) };
}

/// Is `h` a file handle opened for asynchronous (overlapped) I/O?
fn is_async(h: HANDLE) -> bool {
    file::with_file(h, |f| Ok(!f.is_synchronous())).unwrap_or(false)
}

/// WriteFile: write `len` bytes to a file, pipe or console; `*written` receives the count.
/// With an OVERLAPPED the write happens at its offset (0xFFFFFFFF`FFFFFFFF: at the end); a
/// handle with FILE_APPEND_DATA only always writes at the end. A range another handle locked
/// is ERROR_LOCK_VIOLATION; a read-only handle ERROR_ACCESS_DENIED.
/// Overlapped I/O completes before the call returns (its event is signaled and TRUE returned).
#[export]
pub unsafe extern "win64" fn WriteFile(
    h: HANDLE,
    buf: *const core::ffi::c_void,
    len: u32,
    written: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    // SAFETY: the program passes NULL or a DWORD to fill.
    unsafe { store(written, 0) };
    if buf.is_null() && len != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    if ov.is_null() && is_async(h) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes `len` readable bytes.
    let data: &[u8] =
        if len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) } };
    let r = match handles::get(h).as_deref() {
        Ok(Object::File(_)) if console::side(h).is_err() => {
            // SAFETY: ov is NULL or an OVERLAPPED.
            file::write_at(h, data, unsafe { overlapped_at(ov) })
        }
        _ => file::write(h, data).map_err(syscall_shims::errno::win32_to_status),
    };
    match r {
        Ok(n) => {
            // SAFETY: as above.
            unsafe {
                store(written, n as u32);
                complete_overlapped(h, ov, status::SUCCESS, n);
            }
            TRUE
        }
        Err(s) => {
            // SAFETY: as above.
            unsafe { complete_overlapped(h, ov, s, 0) };
            fail_status(s, FALSE)
        }
    }
}

/// ReadFile: read up to `len` bytes; `*read` receives the count, 0 at end of file (with an
/// OVERLAPPED at or past the end: FALSE with ERROR_HANDLE_EOF). Reading a pipe whose writers
/// are gone fails with ERROR_BROKEN_PIPE. A console in line-input mode returns lines ending
/// in "\r\n". A range another handle locked exclusively is ERROR_LOCK_VIOLATION.
/// Overlapped I/O completes before the call returns.
#[export]
pub unsafe extern "win64" fn ReadFile(
    h: HANDLE,
    buf: *mut core::ffi::c_void,
    len: u32,
    read: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    // SAFETY: the program passes NULL or a DWORD to fill.
    unsafe { store(read, 0) };
    if buf.is_null() && len != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    if ov.is_null() && is_async(h) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes `len` writable bytes.
    let data: &mut [u8] =
        if len == 0 { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, len as usize) } };
    if !ov.is_null()
        && let Ok(obj) = handles::get(h)
        && syscall_shims::overlapped::reads_can_pend(&obj)
    {
        // SAFETY: the program keeps the buffer and the OVERLAPPED until completion.
        return match unsafe { syscall_shims::overlapped::read(&obj, buf as *mut u8, len as usize, ov) } {
            Ok(Started::Done(n)) => {
                // SAFETY: the program passes NULL or a DWORD to fill.
                unsafe { store(read, n as u32) };
                TRUE
            }
            Ok(Started::Pending) => teb::fail(ERROR_IO_PENDING, FALSE),
            Err(s) => fail_status(s, FALSE),
        };
    }
    let is_console = console::side(h).is_ok();
    let r = match handles::get(h).as_deref() {
        Ok(Object::File(_)) if !is_console => {
            // SAFETY: ov is NULL or an OVERLAPPED.
            file::read_at(h, data, unsafe { overlapped_at(ov) })
        }
        _ if is_console => console::read(h, data).map_err(syscall_shims::errno::win32_to_status),
        _ => file::read(h, data).map_err(syscall_shims::errno::win32_to_status),
    };
    match r {
        Ok(0) if len != 0 && file::file_type(h) == Ok(FILE_TYPE_PIPE) => teb::fail(ERROR_BROKEN_PIPE, FALSE),
        Ok(0) if len != 0 && !ov.is_null() => {
            // SAFETY: as above.
            unsafe { complete_overlapped(h, ov, status::END_OF_FILE, 0) };
            teb::fail(ERROR_HANDLE_EOF, FALSE)
        }
        Ok(n) => {
            // SAFETY: as above.
            unsafe {
                store(read, n as u32);
                complete_overlapped(h, ov, status::SUCCESS, n);
            }
            TRUE
        }
        Err(s) => {
            // SAFETY: as above.
            unsafe { complete_overlapped(h, ov, s, 0) };
            fail_status(s, FALSE)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Positions and sizes.

/// GetFileSizeEx: the file's size in bytes.
#[export]
pub unsafe extern "win64" fn GetFileSizeEx(h: HANDLE, size: *mut i64) -> BOOL {
    match file::size(h) {
        Ok(_) if size.is_null() => teb::fail(ERROR_NOACCESS, FALSE),
        Ok(n) => {
            // SAFETY: the program passes a LARGE_INTEGER to fill.
            unsafe { *size = n as i64 };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetFileSize: the low 32 bits of the size (the high ones in `*high`); INVALID_FILE_SIZE on
/// failure. A size whose low part is 0xffffffff clears the last error so it can be told apart.
#[export]
pub unsafe extern "win64" fn GetFileSize(h: HANDLE, high: *mut u32) -> u32 {
    match file::size(h) {
        Ok(n) => {
            // SAFETY: the program passes NULL or a DWORD to fill.
            unsafe { store(high, (n >> 32) as u32) };
            if n as u32 == INVALID_FILE_SIZE {
                teb::set_last_error(ERROR_SUCCESS);
            }
            n as u32
        }
        Err(e) => teb::fail(e, INVALID_FILE_SIZE),
    }
}

/// SetFilePointerEx: move the file position by `distance` from FILE_BEGIN, FILE_CURRENT or
/// FILE_END (past the end is allowed); `*new_pos` receives the new position.
/// ERROR_NEGATIVE_SEEK before the start, ERROR_INVALID_PARAMETER for another method.
#[export]
pub unsafe extern "win64" fn SetFilePointerEx(h: HANDLE, distance: i64, new_pos: *mut i64, method: u32) -> BOOL {
    match file::seek(h, distance, method) {
        Ok(p) => {
            // SAFETY: the program passes NULL or a LARGE_INTEGER to fill.
            unsafe { store(new_pos, p as i64) };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetFilePointer: as SetFilePointerEx with the distance in `distance` (signed) or, when
/// `high` is given, `*high:distance` (64 bits; `*high` receives the new high part). Returns the
/// new low part, or INVALID_SET_FILE_POINTER (which a success at that position also returns,
/// with the last error cleared).
#[export]
pub unsafe extern "win64" fn SetFilePointer(h: HANDLE, distance: i32, high: *mut i32, method: u32) -> u32 {
    let dist = if high.is_null() {
        distance as i64
    } else {
        // SAFETY: the program passes a LONG to read and fill.
        (unsafe { *high } as i64) << 32 | distance as u32 as i64
    };
    match file::seek(h, dist, method) {
        Ok(p) => {
            // SAFETY: as above.
            unsafe { store(high, (p >> 32) as i32) };
            if p as u32 == INVALID_SET_FILE_POINTER {
                teb::set_last_error(ERROR_SUCCESS);
            }
            p as u32
        }
        Err(e) => teb::fail(e, INVALID_SET_FILE_POINTER),
    }
}

/// SetEndOfFile: make the current position the end of the file (cutting it, or extending it
/// with zeros). A file mapped by a section cannot be cut (ERROR_USER_MAPPED_FILE).
#[export]
pub extern "win64" fn SetEndOfFile(h: HANDLE) -> BOOL {
    match file::set_end(h) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetFileValidData: set the valid data length. Unix files have none (unwritten data reads as
/// zeros): any length up to the size succeeds, past it is ERROR_INVALID_PARAMETER.
#[export]
pub extern "win64" fn SetFileValidData(h: HANDLE, length: i64) -> BOOL {
    bool_status(info::set(h, class::VALID_DATA_LENGTH, &length.to_le_bytes()))
}

/// FlushFileBuffers: write the file's buffered data to the disk.
#[export]
pub extern "win64" fn FlushFileBuffers(h: HANDLE) -> BOOL {
    match file::flush(h) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetFileType: FILE_TYPE_CHAR for terminals and character devices, FILE_TYPE_PIPE for pipes
/// and sockets, FILE_TYPE_DISK for files and directories; FILE_TYPE_UNKNOWN with
/// ERROR_INVALID_HANDLE for a bad handle (and with NO_ERROR for an object of no known type).
#[export]
pub extern "win64" fn GetFileType(h: HANDLE) -> FILE_TYPE {
    match file::file_type(h) {
        Ok(FILE_TYPE_UNKNOWN) => teb::fail(ERROR_SUCCESS, FILE_TYPE_UNKNOWN),
        Ok(t) => t,
        Err(_) => teb::fail(ERROR_INVALID_HANDLE, FILE_TYPE_UNKNOWN),
    }
}

// ---------------------------------------------------------------------------------------------
// Attributes and information.

fn file_attributes(name: Option<String>) -> u32 {
    match with_name(name, file::ops::stat_dos) {
        Ok(st) => st.attributes,
        Err(s) => fail_status(s, INVALID_FILE_ATTRIBUTES),
    }
}

/// GetFileAttributesW: FILE_ATTRIBUTE_DIRECTORY, or ARCHIVE for files (as Wine reports them),
/// plus READONLY for files nobody may write and HIDDEN for names starting with a dot;
/// INVALID_FILE_ATTRIBUTES with ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND when missing.
#[export]
pub unsafe extern "win64" fn GetFileAttributesW(name: PCWSTR) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    file_attributes(unsafe { name_w(name) })
}

/// GetFileAttributesA: GetFileAttributesW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetFileAttributesA(name: PCSTR) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    file_attributes(unsafe { name_a(name) })
}

/// Fill a WIN32_FILE_ATTRIBUTE_DATA for a name.
fn attributes_ex(name: Option<&str>, level: i32, out: *mut WIN32_FILE_ATTRIBUTE_DATA) -> BOOL {
    if level != 0 || out.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    match name.map_or(Err(status::OBJECT_PATH_NOT_FOUND), file::ops::stat_dos) {
        Ok(st) => {
            let d = WIN32_FILE_ATTRIBUTE_DATA {
                dwFileAttributes: st.attributes,
                ftCreationTime: filetime(st.creation),
                ftLastAccessTime: filetime(st.access),
                ftLastWriteTime: filetime(st.write),
                nFileSizeHigh: (st.size >> 32) as u32,
                nFileSizeLow: st.size as u32,
            };
            // SAFETY: the program passes a structure to fill.
            unsafe { out.write_unaligned(d) };
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

/// GetFileAttributesExW: attributes, times and size of a file or directory (level
/// GetFileExInfoStandard only).
#[export]
pub unsafe extern "win64" fn GetFileAttributesExW(
    name: PCWSTR,
    level: i32,
    out: *mut WIN32_FILE_ATTRIBUTE_DATA,
) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    attributes_ex(unsafe { name_w(name) }.as_deref(), level, out)
}

/// GetFileAttributesExA: GetFileAttributesExW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetFileAttributesExA(
    name: PCSTR,
    level: i32,
    out: *mut WIN32_FILE_ATTRIBUTE_DATA,
) -> BOOL {
    // The ANSI code page is UTF-8: a valid name is used in place (this is a hot path).
    // SAFETY: the program passes a NUL-terminated name.
    let bytes = unsafe { dllcore::strings::cstr(name) };
    // (`from_utf8` validates a run of ASCII by words; `from_utf8_lossy` goes chunk by chunk.)
    match bytes.map(std::str::from_utf8) {
        Some(Ok(s)) => attributes_ex(Some(s), level, out),
        _ => attributes_ex(bytes.map(String::from_utf8_lossy).as_deref(), level, out),
    }
}

/// SetFileAttributesW: FILE_ATTRIBUTE_READONLY removes the write permissions of a file; its
/// absence gives the owner's back.
/// The other attributes (hidden, system, archive...) are not kept; directories are never
/// read-only.
#[export]
pub unsafe extern "win64" fn SetFileAttributesW(name: PCWSTR, attrs: u32) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_w(name) }, |n| file::ops::set_attributes_nt(n, attrs)))
}

/// SetFileAttributesA: SetFileAttributesW with an ANSI name.
/// As SetFileAttributesW.
#[export]
pub unsafe extern "win64" fn SetFileAttributesA(name: PCSTR, attrs: u32) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_a(name) }, |n| file::ops::set_attributes_nt(n, attrs)))
}

/// The facts about an open file.
fn stat_handle(h: HANDLE) -> Result<info::Stat, NtStatus> {
    file::with_file(h, info::stat_fd)
}

/// GetFileInformationByHandle: attributes, times, volume serial number (the one
/// GetVolumeInformation reports), size, link count and file index (the inode).
#[export]
pub unsafe extern "win64" fn GetFileInformationByHandle(h: HANDLE, out: *mut BY_HANDLE_FILE_INFORMATION) -> BOOL {
    if out.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    match stat_handle(h) {
        Ok(st) => {
            let v = BY_HANDLE_FILE_INFORMATION {
                dwFileAttributes: st.attributes,
                ftCreationTime: filetime(st.creation),
                ftLastAccessTime: filetime(st.access),
                ftLastWriteTime: filetime(st.write),
                dwVolumeSerialNumber: info::volume_serial(st.dev),
                nFileSizeHigh: (st.size >> 32) as u32,
                nFileSizeLow: st.size as u32,
                nNumberOfLinks: st.links,
                nFileIndexHigh: (st.ino >> 32) as u32,
                nFileIndexLow: st.ino as u32,
            };
            // SAFETY: the program passes a structure to fill.
            unsafe { out.write_unaligned(v) };
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

/// The NT class (and for directory classes, whether to restart) of a Win32
/// FILE_INFO_BY_HANDLE_CLASS.
fn nt_query_class(c: i32) -> Option<(u32, Option<bool>)> {
    Some(match c {
        0 => (class::BASIC, None),
        1 => (class::STANDARD, None),
        2 => (class::NAME, None),
        7 => (class::STREAM, None),
        8 => (class::COMPRESSION, None),
        9 => (class::ATTRIBUTE_TAG, None),
        10 => (class::ID_BOTH_DIRECTORY, Some(false)),
        11 => (class::ID_BOTH_DIRECTORY, Some(true)),
        14 => (class::FULL_DIRECTORY, Some(false)),
        15 => (class::FULL_DIRECTORY, Some(true)),
        17 => (class::ALIGNMENT, None),
        18 => (class::ID, None),
        19 => (class::ID_EXTD_DIRECTORY, Some(false)),
        20 => (class::ID_EXTD_DIRECTORY, Some(true)),
        _ => return None,
    })
}

/// GetFileInformationByHandleEx: FileBasicInfo, FileStandardInfo, FileNameInfo (the path
/// below the volume root), FileStreamInfo, FileCompressionInfo, FileAttributeTagInfo,
/// FileIdInfo, FileAlignmentInfo, FileStorageInfo and the directory listings
/// (FileIdBothDirectoryInfo, FileFullDirectoryInfo, FileIdExtdDirectoryInfo and their Restart
/// forms). A name that does not fit is ERROR_MORE_DATA; a buffer too small for the structure
/// ERROR_BAD_LENGTH; the end of a listing ERROR_NO_MORE_FILES.
#[export]
pub unsafe extern "win64" fn GetFileInformationByHandleEx(
    h: HANDLE,
    cls: i32,
    buf: *mut core::ffi::c_void,
    size: u32,
) -> BOOL {
    if buf.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `size` writable bytes.
    let out = unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, size as usize) };
    if cls == 16 {
        // FileStorageInfo: sector sizes (512-byte logical, 4 KiB physical), no flags.
        if out.len() < 28 {
            return teb::fail(ERROR_BAD_LENGTH, FALSE);
        }
        for (i, v) in [512u32, 4096, 4096, 4096, 0, 0, 0].iter().enumerate() {
            out[i * 4..i * 4 + 4].copy_from_slice(&v.to_le_bytes());
        }
        return match stat_handle(h) {
            Ok(_) => TRUE,
            Err(s) => fail_status(s, FALSE),
        };
    }
    let Some((nt, dir)) = nt_query_class(cls) else {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    };
    if let Some(restart) = dir {
        return match file::dir::query_directory(h, nt, out, false, None, restart) {
            Ok((_, s)) if s == status::BUFFER_OVERFLOW => teb::fail(ERROR_MORE_DATA, FALSE),
            Ok(_) => TRUE,
            Err(s) if s == status::NO_SUCH_FILE => {
                teb::fail(windows_sys::Win32::Foundation::ERROR_NO_MORE_FILES, FALSE)
            }
            Err(s) if s == status::INFO_LENGTH_MISMATCH => teb::fail(ERROR_BAD_LENGTH, FALSE),
            Err(s) => fail_status(s, FALSE),
        };
    }
    match info::query(h, nt, out) {
        Ok(_) => TRUE,
        Err((s, _)) if s == status::INFO_LENGTH_MISMATCH => teb::fail(ERROR_BAD_LENGTH, FALSE),
        Err((s, _)) => fail_status(s, FALSE),
    }
}

/// SetFileInformationByHandle: FileBasicInfo (times; the read-only attribute),
/// FileRenameInfo(Ex) (the name may be a full path, an NT path or a name in the same
/// directory), FileDispositionInfo(Ex) (delete on close, or at once with POSIX semantics),
/// FileAllocationInfo, FileEndOfFileInfo, FileIoPriorityHintInfo (accepted).
#[export]
pub unsafe extern "win64" fn SetFileInformationByHandle(
    h: HANDLE,
    cls: i32,
    buf: *const core::ffi::c_void,
    size: u32,
) -> BOOL {
    let nt = match cls {
        0 => class::BASIC,
        3 => class::RENAME,
        4 => class::DISPOSITION,
        5 => class::ALLOCATION,
        6 => class::END_OF_FILE,
        12 => class::IO_PRIORITY_HINT,
        21 => class::DISPOSITION_EX,
        22 => class::RENAME_EX,
        _ => return teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    };
    if buf.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `size` readable bytes.
    let data = unsafe { std::slice::from_raw_parts(buf as *const u8, size as usize) };
    match info::set(h, nt, data) {
        Err(s) if s == status::INFO_LENGTH_MISMATCH => teb::fail(ERROR_BAD_LENGTH, FALSE),
        r => bool_status(r),
    }
}

/// GetFileTime: creation, last access and last write times (any may be NULL).
#[export]
pub unsafe extern "win64" fn GetFileTime(
    h: HANDLE,
    creation: *mut FILETIME,
    access: *mut FILETIME,
    write: *mut FILETIME,
) -> BOOL {
    match info::times(h) {
        Ok((c, a, w)) => {
            // SAFETY: the program passes NULL or FILETIMEs to fill.
            unsafe {
                store(creation, filetime(c));
                store(access, filetime(a));
                store(write, filetime(w));
            }
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

/// SetFileTime: set the last access and last write times (NULL or 0 leaves one alone; the
/// handle needs FILE_WRITE_ATTRIBUTES).
/// The creation time cannot be set on Unix file systems and is ignored.
#[export]
pub unsafe extern "win64" fn SetFileTime(
    h: HANDLE,
    _creation: *const FILETIME,
    access: *const FILETIME,
    write: *const FILETIME,
) -> BOOL {
    // SAFETY: the program passes NULL or FILETIMEs.
    let get = |p: *const FILETIME| (!p.is_null()).then(|| filetime_value(unsafe { &*p }));
    bool_status(info::set_times(h, get(access), get(write)))
}

/// CompareFileTime: -1, 0 or 1 as the first time is earlier than, equal to or later than the
/// second.
#[export]
pub unsafe extern "win64" fn CompareFileTime(a: *const FILETIME, b: *const FILETIME) -> i32 {
    if a.is_null() || b.is_null() {
        return 0;
    }
    // SAFETY: the program passes two FILETIMEs.
    let (x, y) = unsafe { (filetime_value(&*a) as u64, filetime_value(&*b) as u64) };
    x.cmp(&y) as i32
}

/// GetCompressedFileSizeW: the size the file takes on disk, which for files that are neither
/// compressed nor sparse is their size (so it is here).
#[export]
pub unsafe extern "win64" fn GetCompressedFileSizeW(name: PCWSTR, high: *mut u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    compressed_size(unsafe { name_w(name) }, high)
}

/// GetCompressedFileSizeA: GetCompressedFileSizeW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetCompressedFileSizeA(name: PCSTR, high: *mut u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    compressed_size(unsafe { name_a(name) }, high)
}

fn compressed_size(name: Option<String>, high: *mut u32) -> u32 {
    match with_name(name, file::ops::stat_dos) {
        Ok(st) => {
            // SAFETY: the program passes NULL or a DWORD to fill.
            unsafe { store(high, (st.size >> 32) as u32) };
            if st.size as u32 == INVALID_FILE_SIZE {
                teb::set_last_error(ERROR_SUCCESS);
            }
            st.size as u32
        }
        Err(s) => fail_status(s, INVALID_FILE_SIZE),
    }
}

// ---------------------------------------------------------------------------------------------
// Deleting and directories.

/// DeleteFileW: delete a file. ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND when missing,
/// ERROR_ACCESS_DENIED for directories and read-only files, ERROR_SHARING_VIOLATION when this
/// process holds it open without FILE_SHARE_DELETE. An open file (shared for delete) loses its
/// name at once (Windows 10's POSIX semantics); its handles go on working.
#[export]
pub unsafe extern "win64" fn DeleteFileW(name: PCWSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_w(name) }, file::ops::delete_nt))
}

/// DeleteFileA: DeleteFileW with an ANSI name.
/// As DeleteFileW.
#[export]
pub unsafe extern "win64" fn DeleteFileA(name: PCSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_a(name) }, file::ops::delete_nt))
}

/// CreateDirectoryW: create a directory; ERROR_ALREADY_EXISTS when the name is taken,
/// ERROR_PATH_NOT_FOUND when its parent is missing.
/// The security attributes are ignored.
#[export]
pub unsafe extern "win64" fn CreateDirectoryW(name: PCWSTR, _sa: *const SECURITY_ATTRIBUTES) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_w(name) }, file::ops::create_dir_nt))
}

/// CreateDirectoryA: CreateDirectoryW with an ANSI name.
/// The security attributes are ignored.
#[export]
pub unsafe extern "win64" fn CreateDirectoryA(name: PCSTR, _sa: *const SECURITY_ATTRIBUTES) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_a(name) }, file::ops::create_dir_nt))
}

/// CreateDirectoryExW: CreateDirectoryW; the template directory's attributes are not copied
/// (none are kept).
#[export]
pub unsafe extern "win64" fn CreateDirectoryExW(
    _template: PCWSTR,
    name: PCWSTR,
    sa: *const SECURITY_ATTRIBUTES,
) -> BOOL {
    // SAFETY: as CreateDirectoryW.
    unsafe { CreateDirectoryW(name, sa) }
}

/// CreateDirectoryExA: CreateDirectoryExW with ANSI names.
#[export]
pub unsafe extern "win64" fn CreateDirectoryExA(_template: PCSTR, name: PCSTR, sa: *const SECURITY_ATTRIBUTES) -> BOOL {
    // SAFETY: as CreateDirectoryA.
    unsafe { CreateDirectoryA(name, sa) }
}

/// RemoveDirectoryW: remove an empty directory (ERROR_DIR_NOT_EMPTY otherwise; ERROR_DIRECTORY
/// for a file; ERROR_SHARING_VIOLATION for the current directory).
#[export]
pub unsafe extern "win64" fn RemoveDirectoryW(name: PCWSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_w(name) }, file::ops::remove_dir_nt))
}

/// RemoveDirectoryA: RemoveDirectoryW with an ANSI name.
#[export]
pub unsafe extern "win64" fn RemoveDirectoryA(name: PCSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    bool_status(with_name(unsafe { name_a(name) }, file::ops::remove_dir_nt))
}

// ---------------------------------------------------------------------------------------------
// Locks.

fn split(low: u32, high: u32) -> u64 {
    (high as u64) << 32 | low as u64
}

/// LockFile: lock a byte range exclusively for this handle, failing at once with
/// ERROR_LOCK_VIOLATION when any lock overlaps it. Locked ranges are closed to other handles'
/// ReadFile and WriteFile.
#[export]
pub extern "win64" fn LockFile(h: HANDLE, off_low: u32, off_high: u32, len_low: u32, len_high: u32) -> BOOL {
    bool_status(lock::lock(h, split(off_low, off_high), split(len_low, len_high), true, false))
}

/// UnlockFile: release a range locked by this handle (exactly as locked; ERROR_NOT_LOCKED
/// otherwise).
#[export]
pub extern "win64" fn UnlockFile(h: HANDLE, off_low: u32, off_high: u32, len_low: u32, len_high: u32) -> BOOL {
    bool_status(lock::unlock(h, split(off_low, off_high), split(len_low, len_high)))
}

/// LockFileEx: lock the range at the OVERLAPPED's offset, shared or (LOCKFILE_EXCLUSIVE_LOCK)
/// exclusive; without LOCKFILE_FAIL_IMMEDIATELY, wait until it is free.
/// The wait always blocks the caller (even for handles opened for overlapped I/O).
#[export]
pub unsafe extern "win64" fn LockFileEx(
    h: HANDLE,
    flags: u32,
    _reserved: u32,
    len_low: u32,
    len_high: u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    if ov.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes an OVERLAPPED.
    let At::Offset(off) = (unsafe { overlapped_at(ov) }) else { unreachable!() };
    let r = lock::lock(
        h,
        off,
        split(len_low, len_high),
        flags & LOCKFILE_EXCLUSIVE_LOCK != 0,
        flags & LOCKFILE_FAIL_IMMEDIATELY == 0,
    );
    // SAFETY: as above.
    unsafe { complete_overlapped(h, ov, r.err().unwrap_or(status::SUCCESS), 0) };
    bool_status(r)
}

/// UnlockFileEx: release the range at the OVERLAPPED's offset.
#[export]
pub unsafe extern "win64" fn UnlockFileEx(
    h: HANDLE,
    _reserved: u32,
    len_low: u32,
    len_high: u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    if ov.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes an OVERLAPPED.
    let At::Offset(off) = (unsafe { overlapped_at(ov) }) else { unreachable!() };
    bool_status(lock::unlock(h, off, split(len_low, len_high)))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use crate::handleapi::CloseHandle;
    use std::sync::Arc;
    use syscall_shims::file::FileObject;
    use windows_sys::Win32::Foundation::{
        ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, ERROR_LOCK_VIOLATION, GENERIC_READ, GENERIC_WRITE,
    };
    use windows_sys::Win32::Storage::FileSystem::{
        CREATE_NEW, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY, FILE_BEGIN, FILE_END, FILE_FLAG_DELETE_ON_CLOSE,
        FILE_TYPE_DISK, OPEN_EXISTING, TRUNCATE_EXISTING,
    };

    pub(crate) fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    /// A scratch directory: (DOS path, Unix path).
    pub(crate) fn scratch(tag: &str) -> (String, std::path::PathBuf) {
        teb::attach_current_thread();
        let dir = std::env::temp_dir().join(format!("wine-rs-k32-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        (syscall_shims::path::unix_to_dos(dir.to_str().unwrap()), dir)
    }

    fn handle(fd: i32) -> HANDLE {
        handles::insert(Arc::new(Object::File(FileObject::owned(fd))), false)
    }

    #[test]
    fn pipe_write_read_and_broken_pipe() {
        teb::attach_current_thread();
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let (r, wr) = (handle(fds[0]), handle(fds[1]));
        assert_eq!(GetFileType(r), FILE_TYPE_PIPE);
        let mut n = 0xdead;
        assert_eq!(unsafe { WriteFile(wr, b"hello".as_ptr() as _, 5, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(n, 5);
        let mut buf = [0u8; 16];
        assert_eq!(unsafe { ReadFile(r, buf.as_mut_ptr() as _, 16, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(&buf[..n as usize], b"hello");
        handles::close(wr).unwrap();
        assert_eq!(unsafe { ReadFile(r, buf.as_mut_ptr() as _, 16, &mut n, std::ptr::null_mut()) }, FALSE);
        assert_eq!((n, GetLastError()), (0, ERROR_BROKEN_PIPE));
        handles::close(r).unwrap();
        assert_eq!(unsafe { WriteFile(r, b"x".as_ptr() as _, 1, &mut n, std::ptr::null_mut()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(GetFileType(r), FILE_TYPE_UNKNOWN);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
    }

    #[test]
    fn create_read_write_overlapped_and_locks() {
        let (dos, dir) = scratch("create");
        let path = w(&format!("{dos}\\f.bin"));
        let none = std::ptr::null();
        let rw = GENERIC_READ | GENERIC_WRITE;
        let open = |disp: u32, share: u32| unsafe {
            CreateFileW(path.as_ptr(), rw, share, none, disp, 0, std::ptr::null_mut())
        };

        let h = unsafe { CreateFileW(path.as_ptr(), GENERIC_READ, 7, none, OPEN_EXISTING, 0, std::ptr::null_mut()) };
        assert_eq!((h, GetLastError()), (INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND));
        SetLastError(1234);
        let h = open(CREATE_NEW, 7);
        assert_ne!(h, INVALID_HANDLE_VALUE);
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        assert_eq!(GetFileType(h), FILE_TYPE_DISK);
        let data: Vec<u8> = (0..=255).collect();
        let mut n = 0;
        assert_eq!(unsafe { WriteFile(h, data.as_ptr() as _, 256, &mut n, std::ptr::null_mut()) }, TRUE);
        let mut high = 7;
        assert_eq!(unsafe { GetFileSize(h, &mut high) }, 256);
        assert_eq!(high, 0);
        assert_eq!(unsafe { SetFilePointer(h, 16, std::ptr::null_mut(), FILE_BEGIN) }, 16);
        let mut buf = [0u8; 4];
        assert_eq!(unsafe { ReadFile(h, buf.as_mut_ptr() as _, 4, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(buf, [16, 17, 18, 19]);
        assert_eq!(unsafe { SetFilePointer(h, -300, std::ptr::null_mut(), FILE_END) }, INVALID_SET_FILE_POINTER);
        assert_eq!(GetLastError(), windows_sys::Win32::Foundation::ERROR_NEGATIVE_SEEK);
        let mut pos = 0i64;
        assert_eq!(unsafe { SetFilePointerEx(h, -6, &mut pos, FILE_END) }, TRUE);
        assert_eq!(pos, 250);
        assert_eq!(SetEndOfFile(h), TRUE);
        assert_eq!(unsafe { GetFileSize(h, std::ptr::null_mut()) }, 250);
        // OVERLAPPED offsets, and reading past the end.
        let mut ov = OVERLAPPED::default();
        ov.Anonymous.Anonymous.Offset = 2;
        assert_eq!(unsafe { WriteFile(h, b"ab".as_ptr() as _, 2, &mut n, &mut ov) }, TRUE);
        assert_eq!(ov.InternalHigh, 2);
        ov.Anonymous.Anonymous.Offset = 1;
        assert_eq!(unsafe { ReadFile(h, buf.as_mut_ptr() as _, 4, &mut n, &mut ov) }, TRUE);
        assert_eq!(buf, [1, b'a', b'b', 4]);
        ov.Anonymous.Anonymous.Offset = 1000;
        assert_eq!(unsafe { ReadFile(h, buf.as_mut_ptr() as _, 4, &mut n, &mut ov) }, FALSE);
        assert_eq!((n, GetLastError()), (0, ERROR_HANDLE_EOF));
        // Sharing and locks.
        let h2 = open(OPEN_EXISTING, FILE_SHARE_READ);
        assert_eq!(
            (h2, GetLastError()),
            (INVALID_HANDLE_VALUE, windows_sys::Win32::Foundation::ERROR_SHARING_VIOLATION)
        );
        let h2 = open(OPEN_EXISTING, 7);
        assert_eq!(LockFile(h, 0, 0, 10, 0), TRUE);
        assert_eq!(LockFile(h2, 5, 0, 1, 0), FALSE);
        assert_eq!(GetLastError(), ERROR_LOCK_VIOLATION);
        ov.Anonymous.Anonymous.Offset = 0;
        assert_eq!(unsafe { ReadFile(h2, buf.as_mut_ptr() as _, 4, &mut n, &mut ov) }, FALSE);
        assert_eq!(GetLastError(), ERROR_LOCK_VIOLATION);
        assert_eq!(UnlockFile(h2, 0, 0, 10, 0), FALSE);
        assert_eq!(UnlockFile(h, 0, 0, 10, 0), TRUE);
        assert_eq!(CloseHandle(h2), TRUE);
        assert_eq!(CloseHandle(h), TRUE);

        let h = open(CREATE_NEW, 7);
        assert_eq!((h, GetLastError()), (INVALID_HANDLE_VALUE, ERROR_FILE_EXISTS));
        for (disp, err) in [
            (OPEN_ALWAYS, ERROR_ALREADY_EXISTS),
            (OPEN_EXISTING, ERROR_SUCCESS),
            (TRUNCATE_EXISTING, ERROR_SUCCESS),
            (CREATE_ALWAYS, ERROR_ALREADY_EXISTS),
        ] {
            SetLastError(1234);
            let h = unsafe { CreateFileW(path.as_ptr(), GENERIC_WRITE, 0, none, disp, 0, std::ptr::null_mut()) };
            assert_ne!(h, INVALID_HANDLE_VALUE, "disposition {disp}");
            assert_eq!(GetLastError(), err, "disposition {disp}");
            CloseHandle(h);
        }
        assert_eq!(unsafe { GetFileAttributesW(path.as_ptr()) }, FILE_ATTRIBUTE_ARCHIVE);
        assert_eq!(unsafe { GetFileAttributesW(w(&dos).as_ptr()) }, FILE_ATTRIBUTE_DIRECTORY);
        let mut data = WIN32_FILE_ATTRIBUTE_DATA::default();
        assert_eq!(unsafe { GetFileAttributesExW(path.as_ptr(), 0, &mut data) }, TRUE);
        assert_eq!((data.dwFileAttributes, data.nFileSizeLow), (FILE_ATTRIBUTE_ARCHIVE, 0));
        assert_eq!(unsafe { DeleteFileW(path.as_ptr()) }, TRUE);
        assert_eq!(unsafe { GetFileAttributesW(path.as_ptr()) }, INVALID_FILE_ATTRIBUTES);
        assert_eq!(GetLastError(), ERROR_FILE_NOT_FOUND);

        // The A side, forward slashes, delete-on-close.
        let a = std::ffi::CString::new(format!("{}/tmp.txt", dir.to_str().unwrap())).unwrap();
        let h = unsafe {
            CreateFileA(
                a.as_ptr() as _,
                GENERIC_WRITE,
                0,
                none,
                CREATE_ALWAYS,
                FILE_FLAG_DELETE_ON_CLOSE,
                std::ptr::null_mut(),
            )
        };
        assert_ne!(h, INVALID_HANDLE_VALUE);
        assert_eq!(unsafe { GetFileAttributesA(a.as_ptr() as _) }, FILE_ATTRIBUTE_ARCHIVE);
        CloseHandle(h);
        assert_eq!(unsafe { GetFileAttributesA(a.as_ptr() as _) }, INVALID_FILE_ATTRIBUTES);
        assert_eq!(
            unsafe { CreateFileW(std::ptr::null(), GENERIC_READ, 0, none, OPEN_EXISTING, 0, std::ptr::null_mut()) },
            INVALID_HANDLE_VALUE
        );
        assert_eq!(GetLastError(), ERROR_PATH_NOT_FOUND);
        std::fs::remove_dir_all(dir).unwrap();
    }
}

/// Whether the file functions' A forms use the ANSI code page (else the OEM one).
static FILE_APIS_ANSI: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

/// SetFileApisToOEM: make the A file functions take and return names in the OEM code page.
/// wine-rs's OEM and ANSI code pages are both UTF-8, so names convert the same either way;
/// only AreFileApisANSI tells the difference.
#[export]
pub extern "win64" fn SetFileApisToOEM() {
    FILE_APIS_ANSI.store(false, std::sync::atomic::Ordering::Relaxed);
}

/// SetFileApisToANSI: back to the ANSI code page (the default).
#[export]
pub extern "win64" fn SetFileApisToANSI() {
    FILE_APIS_ANSI.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// AreFileApisANSI: TRUE unless SetFileApisToOEM was called.
#[export]
pub extern "win64" fn AreFileApisANSI() -> BOOL {
    FILE_APIS_ANSI.load(std::sync::atomic::Ordering::Relaxed) as BOOL
}
