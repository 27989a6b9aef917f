//! ioapiset.h: the results of overlapped I/O. Every file operation here completes before it
//! returns (its OVERLAPPED filled, its event signaled), except ReadDirectoryChangesW with an
//! OVERLAPPED, which a thread completes later.

use dllcore::{export, teb};
use syscall_shims::errno::{status, status_to_win32};
use syscall_shims::waitable;
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_IO_INCOMPLETE, FALSE, HANDLE, TRUE};
use windows_sys::Win32::System::IO::OVERLAPPED;
use windows_sys::core::BOOL;

/// GetOverlappedResult: the outcome of an overlapped operation: `*n` receives the bytes
/// transferred; a failed operation fails with its error. Still pending: with `wait`, wait on
/// its event (or poll when it has none), else ERROR_IO_INCOMPLETE.
#[export]
pub unsafe extern "win64" fn GetOverlappedResult(_h: HANDLE, ov: *mut OVERLAPPED, n: *mut u32, wait: BOOL) -> BOOL {
    if ov.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes an OVERLAPPED (written by another thread while pending).
    let internal = || unsafe { std::ptr::read_volatile(&(*ov).Internal) } as u32 as i32;
    while internal() == status::PENDING {
        if wait == 0 {
            return teb::fail(ERROR_IO_INCOMPLETE, FALSE);
        }
        // SAFETY: as above.
        let ev = (unsafe { (*ov).hEvent } as usize & !1) as HANDLE;
        if ev.is_null() || waitable::wait_handles(&[ev], false, 50).is_err() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
    // SAFETY: as above.
    unsafe {
        if !n.is_null() {
            *n = (*ov).InternalHigh as u32;
        }
    }
    let st = internal();
    if st < 0 { teb::fail(status_to_win32(st), FALSE) } else { TRUE }
}

/// GetOverlappedResultEx: GetOverlappedResult waiting at most `ms` milliseconds.
/// The wait is not alertable.
#[export]
pub unsafe extern "win64" fn GetOverlappedResultEx(
    h: HANDLE,
    ov: *mut OVERLAPPED,
    n: *mut u32,
    ms: u32,
    _alertable: BOOL,
) -> BOOL {
    if ov.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(ms as u64);
    loop {
        // SAFETY: as in GetOverlappedResult.
        let pending = unsafe { std::ptr::read_volatile(&(*ov).Internal) } as u32 as i32 == status::PENDING;
        if !pending || (ms != u32::MAX && std::time::Instant::now() >= deadline) {
            // SAFETY: as above.
            return unsafe { GetOverlappedResult(h, ov, n, FALSE) };
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

/// CancelIo: nothing is ever in flight on a file handle here: success.
#[export]
pub extern "win64" fn CancelIo(_h: HANDLE) -> BOOL {
    TRUE
}

/// CancelIoEx: as CancelIo.
#[export]
pub extern "win64" fn CancelIoEx(_h: HANDLE, _ov: *mut OVERLAPPED) -> BOOL {
    TRUE
}

/// FSCTL_GET_REPARSE_POINT
const FSCTL_GET_REPARSE_POINT: u32 = 0x0009_00a8;
/// FSCTL_SET_SPARSE
const FSCTL_SET_SPARSE: u32 = 0x0009_00c4;

/// DeviceIoControl: a control code sent to a handle's driver. For files, what NTFS answers on
/// a regular file: FSCTL_SET_SPARSE succeeds (Linux files are sparse wherever never written),
/// FSCTL_GET_REPARSE_POINT fails with ERROR_NOT_A_REPARSE_POINT (a handle wine-rs opens is
/// always on the link's target), and every other code fails with ERROR_INVALID_FUNCTION, as a
/// file system driver does for codes it does not know. Other objects (pipes, events, ...)
/// give ERROR_INVALID_FUNCTION too; a bad handle ERROR_INVALID_HANDLE. With an OVERLAPPED,
/// a successful call completes it at once.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn DeviceIoControl(
    h: HANDLE,
    code: u32,
    _in_buf: *const core::ffi::c_void,
    _in_len: u32,
    _out_buf: *mut core::ffi::c_void,
    _out_len: u32,
    returned: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    use windows_sys::Win32::Foundation::{ERROR_INVALID_FUNCTION, ERROR_NOT_A_REPARSE_POINT};
    let obj = match syscall_shims::handles::resolve(h) {
        Ok(o) => o,
        Err(e) => return teb::fail(e, FALSE),
    };
    if !returned.is_null() {
        // SAFETY: the program's out parameter.
        unsafe { *returned = 0 };
    }
    let is_file = matches!(&*obj, syscall_shims::handles::Object::File(_));
    match code {
        FSCTL_SET_SPARSE if is_file => {
            if !ov.is_null() {
                // SAFETY: the program's OVERLAPPED.
                unsafe {
                    (*ov).Internal = 0;
                    (*ov).InternalHigh = 0;
                }
            }
            TRUE
        }
        FSCTL_GET_REPARSE_POINT if is_file => teb::fail(ERROR_NOT_A_REPARSE_POINT, FALSE),
        _ => teb::fail(ERROR_INVALID_FUNCTION, FALSE),
    }
}
