//! ioapiset.h: the results of overlapped I/O, cancelling it, and I/O completion ports.
//! File operations complete before they return (their OVERLAPPED filled, their event signaled,
//! a packet queued to the file's port), except ReadDirectoryChangesW, ConnectNamedPipe and
//! reads on overlapped named pipes, which can stay pending and complete later
//! (`syscall_shims::overlapped`). Ports are `syscall_shims::waitable::port`.

use dllcore::{export, teb};
use syscall_shims::errno::{status, status_to_win32};
use std::sync::Arc;
use syscall_shims::handles::{self, Object};
use syscall_shims::overlapped;
use syscall_shims::waitable::{self, Completion, Packet, Port, WaitResult, port};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_IO_INCOMPLETE, ERROR_NOACCESS, ERROR_NOT_FOUND, FALSE, HANDLE,
    INVALID_HANDLE_VALUE, TRUE, WAIT_IO_COMPLETION, WAIT_TIMEOUT,
};
use windows_sys::Win32::System::IO::{OVERLAPPED, OVERLAPPED_ENTRY};
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

/// CancelIo: cancel the pending operations the calling thread started on `h`; each completes
/// with ERROR_OPERATION_ABORTED (to its event and port). TRUE even when none was pending.
/// Pending ConnectNamedPipe and ReadDirectoryChangesW operations are not cancelled.
#[export]
pub extern "win64" fn CancelIo(h: HANDLE) -> BOOL {
    match handles::get(h) {
        Ok(obj) => {
            overlapped::cancel(&obj, None, true);
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// CancelIoEx: cancel the pending operations on `h` started by any thread — only the one of
/// `ov` when it is not NULL. ERROR_NOT_FOUND when none was pending.
/// Pending ConnectNamedPipe and ReadDirectoryChangesW operations are not cancelled.
#[export]
pub extern "win64" fn CancelIoEx(h: HANDLE, ov: *mut OVERLAPPED) -> BOOL {
    match handles::get(h) {
        Ok(obj) => {
            let which = if ov.is_null() { None } else { Some(ov as usize) };
            if overlapped::cancel(&obj, which, false) == 0 {
                teb::fail(ERROR_NOT_FOUND, FALSE)
            } else {
                TRUE
            }
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// The port object behind a handle; ERROR_INVALID_HANDLE for anything else.
fn port_of(h: HANDLE) -> Result<Arc<Object>, u32> {
    let o = handles::get(h)?;
    match &*o {
        Object::Port(_) => Ok(o),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// CreateIoCompletionPort: with `file` INVALID_HANDLE_VALUE, a new port (`existing` must be
/// NULL); otherwise associate `file` with `existing` (or with a new port when it is NULL)
/// under `key`, so that its completed operations queue packets there, and return the port.
/// ERROR_INVALID_HANDLE for a bad file or port handle, ERROR_INVALID_PARAMETER for a file
/// already associated. `threads` (0: the number of processors) is recorded, not enforced.
#[export]
pub extern "win64" fn CreateIoCompletionPort(file: HANDLE, existing: HANDLE, key: usize, threads: u32) -> HANDLE {
    let null = std::ptr::null_mut();
    if file == INVALID_HANDLE_VALUE {
        if !existing.is_null() {
            return teb::fail(ERROR_INVALID_PARAMETER, null);
        }
        return handles::insert(Arc::new(Object::Port(Port::new(threads))), false);
    }
    let f = match handles::get(file) {
        Ok(f) => f,
        Err(e) => return teb::fail(e, null),
    };
    let (port, handle) = if existing.is_null() {
        let p = Arc::new(Object::Port(Port::new(threads)));
        (p.clone(), None)
    } else {
        match port_of(existing) {
            Ok(p) => (p, Some(existing)),
            Err(e) => return teb::fail(e, null),
        }
    };
    if let Err(e) = overlapped::associate(&f, Completion { port: port.clone(), key }) {
        return teb::fail(e, null);
    }
    handle.unwrap_or_else(|| handles::insert(port, false))
}

/// PostQueuedCompletionStatus: queue a packet with these values (and a success status) to a
/// port; a thread in GetQueuedCompletionStatus receives it. ERROR_INVALID_HANDLE for a handle
/// that is not a port.
#[export]
pub extern "win64" fn PostQueuedCompletionStatus(port: HANDLE, bytes: u32, key: usize, ov: *mut OVERLAPPED) -> BOOL {
    match port_of(port) {
        Ok(p) => {
            if let Object::Port(p) = &*p {
                p.post(Packet { bytes, key, overlapped: ov as usize, status: status::SUCCESS });
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetQueuedCompletionStatus: take the oldest packet of a port, waiting up to `ms`
/// milliseconds (INFINITE: forever). TRUE for a successful operation's packet; FALSE with the
/// operation's error (e.g. ERROR_BROKEN_PIPE) for a failed one — both fill `*bytes`, `*key` and
/// `*ov`. FALSE with WAIT_TIMEOUT and `*ov` NULL when no packet came; ERROR_INVALID_HANDLE
/// for a handle that is not a port.
#[export]
pub unsafe extern "win64" fn GetQueuedCompletionStatus(
    port: HANDLE,
    bytes: *mut u32,
    key: *mut usize,
    ov: *mut *mut OVERLAPPED,
    ms: u32,
) -> BOOL {
    if bytes.is_null() || key.is_null() || ov.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a pointer to fill.
    unsafe { *ov = std::ptr::null_mut() };
    let p = match port_of(port) {
        Ok(p) => p,
        Err(e) => return teb::fail(e, FALSE),
    };
    match port::dequeue(&p, syscall_shims::sync::deadline_ms(ms), false) {
        Ok(pk) => {
            // SAFETY: the program passes three pointers to fill.
            unsafe {
                *bytes = pk.bytes;
                *key = pk.key;
                *ov = pk.overlapped as *mut OVERLAPPED;
            }
            if pk.status < 0 { teb::fail(status_to_win32(pk.status), FALSE) } else { TRUE }
        }
        Err(_) => teb::fail(WAIT_TIMEOUT, FALSE),
    }
}

/// GetQueuedCompletionStatusEx: take up to `count` packets at once into OVERLAPPED_ENTRY
/// records (the status in Internal), waiting up to `ms` for the first; `*removed` receives
/// the number. FALSE with WAIT_TIMEOUT when none came, WAIT_IO_COMPLETION when an alertable
/// wait ran APCs instead.
#[export]
pub unsafe extern "win64" fn GetQueuedCompletionStatusEx(
    port: HANDLE,
    entries: *mut OVERLAPPED_ENTRY,
    count: u32,
    removed: *mut u32,
    ms: u32,
    alertable: BOOL,
) -> BOOL {
    if entries.is_null() || removed.is_null() || count == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes a ULONG to fill.
    unsafe { *removed = 0 };
    let p = match port_of(port) {
        Ok(p) => p,
        Err(e) => return teb::fail(e, FALSE),
    };
    match port::dequeue_many(&p, count as usize, syscall_shims::sync::deadline_ms(ms), alertable != 0) {
        Ok(pks) => {
            for (i, pk) in pks.iter().enumerate() {
                // SAFETY: the program passes `count` entries; at most `count` packets came.
                unsafe {
                    *entries.add(i) = OVERLAPPED_ENTRY {
                        lpCompletionKey: pk.key,
                        lpOverlapped: pk.overlapped as *mut OVERLAPPED,
                        Internal: pk.status as u32 as usize,
                        dwNumberOfBytesTransferred: pk.bytes,
                    };
                }
            }
            // SAFETY: as above.
            unsafe { *removed = pks.len() as u32 };
            TRUE
        }
        Err(WaitResult::IoCompletion) => teb::fail(WAIT_IO_COMPLETION, FALSE),
        Err(_) => teb::fail(WAIT_TIMEOUT, FALSE),
    }
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
