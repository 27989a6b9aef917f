//! errno.h: the per-thread `errno` and `_doserrno`, and the codes the CRT sets.

use dllcore::export;
use std::cell::Cell;

pub const EPERM: i32 = 1;
pub const ENOENT: i32 = 2;
pub const EINTR: i32 = 4;
pub const EIO: i32 = 5;
pub const EBADF: i32 = 9;
pub const ECHILD: i32 = 10;
pub const EAGAIN: i32 = 11;
pub const ENOMEM: i32 = 12;
pub const EACCES: i32 = 13;
pub const EEXIST: i32 = 17;
pub const EINVAL: i32 = 22;
pub const EMFILE: i32 = 24;
pub const ENOSPC: i32 = 28;
pub const EPIPE: i32 = 32;
pub const EDOM: i32 = 33;
pub const ERANGE: i32 = 34;
pub const EILSEQ: i32 = 42;

thread_local! {
    static ERRNO: Cell<i32> = const { Cell::new(0) };
    static DOSERRNO: Cell<u32> = const { Cell::new(0) };
}

/// Set the calling thread's errno.
pub fn set_errno(e: i32) {
    ERRNO.with(|c| c.set(e));
}

/// Set errno to `e` and return it (a failure that does not call the invalid-parameter
/// handler; see `invalid::fail` for one that does).
pub fn ret(e: i32) -> i32 {
    set_errno(e);
    e
}

/// The calling thread's errno.
pub fn errno() -> i32 {
    ERRNO.with(|c| c.get())
}

/// Set errno from a Win32 error code, as `_dosmaperr` does, and record it in `_doserrno`.
pub fn set_errno_from_win32(err: u32) {
    DOSERRNO.with(|c| c.set(err));
    set_errno(win32_to_errno(err));
}

/// The errno value `_dosmaperr` gives a Win32 error.
pub fn win32_to_errno(err: u32) -> i32 {
    use windows_sys::Win32::Foundation::*;
    match err {
        ERROR_FILE_NOT_FOUND
        | ERROR_PATH_NOT_FOUND
        | ERROR_INVALID_DRIVE
        | ERROR_NO_MORE_FILES
        | ERROR_BAD_NETPATH
        | ERROR_BAD_NET_NAME
        | ERROR_BAD_PATHNAME
        | ERROR_FILENAME_EXCED_RANGE => ENOENT,
        ERROR_TOO_MANY_OPEN_FILES => EMFILE,
        ERROR_ACCESS_DENIED
        | ERROR_CURRENT_DIRECTORY
        | ERROR_NETWORK_ACCESS_DENIED
        | ERROR_CANNOT_MAKE
        | ERROR_FAIL_I24
        | ERROR_DRIVE_LOCKED
        | ERROR_SEEK_ON_DEVICE
        | ERROR_NOT_LOCKED
        | ERROR_LOCK_FAILED
        | ERROR_SHARING_VIOLATION
        | ERROR_LOCK_VIOLATION => EACCES,
        ERROR_INVALID_HANDLE | ERROR_INVALID_TARGET_HANDLE | ERROR_DIRECT_ACCESS_HANDLE => EBADF,
        ERROR_ARENA_TRASHED
        | ERROR_NOT_ENOUGH_MEMORY
        | ERROR_INVALID_BLOCK
        | ERROR_NOT_ENOUGH_QUOTA => ENOMEM,
        ERROR_BAD_ENVIRONMENT => 7,
        ERROR_BAD_FORMAT => 8,
        ERROR_NOT_SAME_DEVICE => 18,
        ERROR_FILE_EXISTS | ERROR_ALREADY_EXISTS => EEXIST,
        ERROR_NO_PROC_SLOTS | ERROR_MAX_THRDS_REACHED | ERROR_NESTING_NOT_ALLOWED => EAGAIN,
        ERROR_BROKEN_PIPE => EPIPE,
        ERROR_DISK_FULL => ENOSPC,
        ERROR_WAIT_NO_CHILDREN | ERROR_CHILD_NOT_COMPLETE => 10,
        ERROR_DIR_NOT_EMPTY => 41,
        _ => EINVAL,
    }
}

/// _errno: the address of the calling thread's errno.
#[export]
pub extern "win64" fn _errno() -> *mut i32 {
    ERRNO.with(|c| c.as_ptr())
}

/// __doserrno: the address of the calling thread's `_doserrno` (the last OS error the CRT saw).
#[export]
pub extern "win64" fn __doserrno() -> *mut u32 {
    DOSERRNO.with(|c| c.as_ptr())
}

/// _get_errno.
#[export]
pub unsafe extern "win64" fn _get_errno(value: *mut i32) -> i32 {
    if value.is_null() {
        return EINVAL;
    }
    unsafe { *value = errno() };
    0
}

/// _set_errno.
#[export]
pub extern "win64" fn _set_errno(value: i32) -> i32 {
    set_errno(value);
    0
}

/// _get_doserrno.
#[export]
pub unsafe extern "win64" fn _get_doserrno(value: *mut u32) -> i32 {
    if value.is_null() {
        return EINVAL;
    }
    unsafe { *value = DOSERRNO.with(|c| c.get()) };
    0
}

/// _set_doserrno.
#[export]
pub extern "win64" fn _set_doserrno(value: u32) -> i32 {
    DOSERRNO.with(|c| c.set(value));
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errno_is_per_thread() {
        _set_errno(ERANGE);
        let p = _errno();
        assert_eq!(unsafe { *p }, ERANGE);
        std::thread::spawn(|| {
            assert_eq!(errno(), 0);
            set_errno(EINVAL);
            assert_eq!(unsafe { *_errno() }, EINVAL);
        })
        .join()
        .unwrap();
        assert_eq!(errno(), ERANGE);
        assert_eq!(_errno(), p, "stable address");
    }

    #[test]
    fn dosmaperr() {
        set_errno_from_win32(2);
        assert_eq!(errno(), ENOENT);
        assert_eq!(unsafe { *__doserrno() }, 2);
        assert_eq!(win32_to_errno(5), EACCES);
        assert_eq!(win32_to_errno(12345), EINVAL);
    }
}
