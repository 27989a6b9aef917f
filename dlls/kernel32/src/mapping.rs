//! memoryapi.h's file mappings: CreateFileMapping, OpenFileMapping, MapViewOfFile(Ex),
//! UnmapViewOfFile, FlushViewOfFile (`syscall_shims::file::mapping`).

use crate::fileapi::{bool_status, fail_status, name_a, name_w};
use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use syscall_shims::file::mapping;
use windows_sys::Win32::Foundation::{ERROR_ALREADY_EXISTS, ERROR_INVALID_PARAMETER, ERROR_SUCCESS, HANDLE};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

fn create(
    file: HANDLE,
    sa: *const SECURITY_ATTRIBUTES,
    protect: u32,
    high: u32,
    low: u32,
    name: Option<String>,
) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    let inherit = unsafe { inherit_of(sa) };
    match mapping::create(file, protect, (high as u64) << 32 | low as u64, name.as_deref(), inherit) {
        Ok((h, existed)) => {
            teb::set_last_error(if existed { ERROR_ALREADY_EXISTS } else { ERROR_SUCCESS });
            h
        }
        Err(s) => fail_status(s, std::ptr::null_mut()),
    }
}

/// CreateFileMappingW: a section over a file (mapped as is: views, ReadFile and WriteFile
/// agree) or, for INVALID_HANDLE_VALUE, over memory backed by the page file. A size larger than
/// the file grows it (for a writable mapping); an empty file with size 0 is ERROR_FILE_INVALID.
/// A name already in use returns that section with ERROR_ALREADY_EXISTS.
/// Named sections are shared within the process only; SEC_IMAGE is not supported.
#[export]
pub unsafe extern "win64" fn CreateFileMappingW(
    file: HANDLE,
    sa: *const SECURITY_ATTRIBUTES,
    protect: u32,
    size_high: u32,
    size_low: u32,
    name: PCWSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create(file, sa, protect, size_high, size_low, unsafe { name_w(name) })
}

/// CreateFileMappingA: CreateFileMappingW with an ANSI name.
/// As CreateFileMappingW.
#[export]
pub unsafe extern "win64" fn CreateFileMappingA(
    file: HANDLE,
    sa: *const SECURITY_ATTRIBUTES,
    protect: u32,
    size_high: u32,
    size_low: u32,
    name: PCSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create(file, sa, protect, size_high, size_low, unsafe { name_a(name) })
}

fn open(inherit: BOOL, name: Option<String>) -> HANDLE {
    let Some(name) = name else { return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut()) };
    match mapping::open(&name, inherit != 0) {
        Ok(h) => h,
        Err(s) => fail_status(s, std::ptr::null_mut()),
    }
}

/// OpenFileMappingW: the named section (ERROR_FILE_NOT_FOUND when there is none).
/// The access is not checked here; MapViewOfFile checks it against the section.
#[export]
pub unsafe extern "win64" fn OpenFileMappingW(_access: u32, inherit: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open(inherit, unsafe { name_w(name) })
}

/// OpenFileMappingA: OpenFileMappingW with an ANSI name.
#[export]
pub unsafe extern "win64" fn OpenFileMappingA(_access: u32, inherit: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open(inherit, unsafe { name_a(name) })
}

/// MapViewOfFileEx: map `size` bytes (0: to the end) of a section from the offset (a multiple
/// of 64 KiB: ERROR_MAPPED_ALIGNMENT otherwise) with FILE_MAP_READ, FILE_MAP_WRITE,
/// FILE_MAP_COPY (copy-on-write) or FILE_MAP_EXECUTE, at `base` (NULL: anywhere, on a 64 KiB
/// boundary). Writing a read-only section: ERROR_ACCESS_DENIED.
#[export]
pub extern "win64" fn MapViewOfFileEx(
    section: HANDLE,
    access: u32,
    off_high: u32,
    off_low: u32,
    size: usize,
    base: *mut core::ffi::c_void,
) -> *mut core::ffi::c_void {
    match mapping::map(section, access, (off_high as u64) << 32 | off_low as u64, size, base as usize) {
        Ok(p) => p as *mut _,
        Err(s) => fail_status(s, std::ptr::null_mut()),
    }
}

/// MapViewOfFile: MapViewOfFileEx anywhere.
#[export]
pub extern "win64" fn MapViewOfFile(
    section: HANDLE,
    access: u32,
    off_high: u32,
    off_low: u32,
    size: usize,
) -> *mut core::ffi::c_void {
    MapViewOfFileEx(section, access, off_high, off_low, size, std::ptr::null_mut())
}

/// UnmapViewOfFile: unmap a view (ERROR_INVALID_ADDRESS when `base` is not in one); the
/// section goes when its last handle and view are gone.
#[export]
pub extern "win64" fn UnmapViewOfFile(base: *const core::ffi::c_void) -> BOOL {
    bool_status(mapping::unmap(base as usize))
}

/// UnmapViewOfFileEx: UnmapViewOfFile (the flags are hints).
#[export]
pub extern "win64" fn UnmapViewOfFileEx(base: *const core::ffi::c_void, _flags: u32) -> BOOL {
    UnmapViewOfFile(base)
}

/// FlushViewOfFile: write `len` bytes of a view from `base` (0: to its end) to the file.
#[export]
pub extern "win64" fn FlushViewOfFile(base: *const core::ffi::c_void, len: usize) -> BOOL {
    bool_status(mapping::flush(base as usize, len))
}
