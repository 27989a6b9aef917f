//! handleapi.h: closing, duplicating and flagging handles.

use dllcore::{export, teb};
use syscall_shims::handles::{self, Object};
use windows_sys::Win32::Foundation::{
    DUPLICATE_CLOSE_SOURCE, ERROR_INVALID_HANDLE, ERROR_NOACCESS, FALSE, HANDLE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::core::BOOL;

/// Pseudo handles (current process -1, current thread -2, and the current process/thread token
/// values down to -6): closing them succeeds and does nothing.
fn is_pseudo(h: HANDLE) -> bool {
    (-6..=-1).contains(&(h as isize))
}

/// CloseHandle: close an open object handle; FALSE with ERROR_INVALID_HANDLE for a handle that
/// is not open. Pseudo handles close successfully without effect.
#[export]
pub extern "win64" fn CloseHandle(h: HANDLE) -> BOOL {
    if is_pseudo(h) {
        return TRUE;
    }
    match handles::close(h) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// Is the handle inheritable according to these (optional) security attributes?
///
/// # Safety
/// `sa` must be NULL or point at a SECURITY_ATTRIBUTES.
pub(crate) unsafe fn inherit_of(sa: *const SECURITY_ATTRIBUTES) -> bool {
    // SAFETY: per the contract.
    !sa.is_null() && unsafe { (*sa).bInheritHandle } != 0
}

/// Does `h` designate the calling process (its pseudo handle or a real handle to it)?
fn is_current_process(h: HANDLE) -> bool {
    matches!(handles::resolve(h).as_deref(), Ok(Object::Process(p)) if p.pid == syscall_shims::sync::current_pid())
}

/// DuplicateHandle: a new handle to the object `src` designates; the pseudo handles of the
/// current process and thread become real handles. DUPLICATE_CLOSE_SOURCE closes `src` first
/// (even when the duplication fails; the new handle may reuse its value, as in Wine); the
/// access is always the source's (as with DUPLICATE_SAME_ACCESS). A NULL `out` only closes the
/// source. The target may be a child process this process started (a wine-rs child): the
/// handle gets a value in the child's table, returned in `*out`.
/// Only handles of the calling process can be duplicated; into a child, only handles that are
/// host fds (files, pipes), and the child learns of it when it next looks a handle up.
#[export]
pub unsafe extern "win64" fn DuplicateHandle(
    src_process: HANDLE,
    src: HANDLE,
    dst_process: HANDLE,
    out: *mut HANDLE,
    _access: u32,
    inherit: BOOL,
    options: u32,
) -> BOOL {
    if !is_current_process(src_process) {
        return teb::fail(ERROR_INVALID_HANDLE, FALSE);
    }
    let close_source = options & DUPLICATE_CLOSE_SOURCE != 0;
    if !is_current_process(dst_process) {
        let r = handles::resolve(dst_process)
            .and_then(|target| syscall_shims::process::duplicate_into(&target, src, inherit != 0));
        if close_source && !is_pseudo(src) {
            let _ = handles::close(src);
        }
        return match r {
            Ok(h) => {
                if !out.is_null() {
                    // SAFETY: the program passes a HANDLE to fill.
                    unsafe { *out = h };
                }
                TRUE
            }
            Err(e) => teb::fail(e, FALSE),
        };
    }
    if out.is_null() {
        if close_source && !is_pseudo(src) {
            let _ = handles::close(src);
        }
        return TRUE;
    }
    match handles::duplicate(src, inherit != 0, close_source) {
        Ok(h) => {
            // SAFETY: the program passes a HANDLE to fill.
            unsafe { *out = h };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetHandleInformation: the handle's HANDLE_FLAG_INHERIT and HANDLE_FLAG_PROTECT_FROM_CLOSE
/// bits (none for pseudo handles).
#[export]
pub unsafe extern "win64" fn GetHandleInformation(h: HANDLE, flags: *mut u32) -> BOOL {
    match handles::flags(h) {
        Ok(_) if flags.is_null() => teb::fail(ERROR_NOACCESS, FALSE),
        Ok(f) => {
            // SAFETY: the program passes a DWORD to fill.
            unsafe { *flags = f };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetHandleInformation: set the handle flags selected by `mask` to their values in `flags`.
#[export]
pub extern "win64" fn SetHandleInformation(h: HANDLE, mask: u32, flags: u32) -> BOOL {
    match handles::set_flags(h, mask, flags) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use std::sync::Arc;
    use syscall_shims::file::FileObject;

    #[test]
    fn close() {
        teb::attach_current_thread();
        let fd = unsafe { libc::dup(2) };
        let h = handles::insert(Arc::new(Object::File(FileObject::owned(fd))), false);
        assert_eq!(CloseHandle(h), TRUE);
        assert_eq!(CloseHandle(h), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(unsafe { libc::fcntl(fd, libc::F_GETFD) }, -1, "the fd was closed");
        assert_eq!(CloseHandle(std::ptr::null_mut()), FALSE);
        assert_eq!(CloseHandle(-1isize as HANDLE), TRUE);
        assert_eq!(CloseHandle(-2isize as HANDLE), TRUE);
        assert_eq!(CloseHandle(-11isize as HANDLE), FALSE);
    }

    #[test]
    fn duplicate_and_flags() {
        use crate::processthreadsapi::{GetCurrentProcess, GetCurrentThread, GetCurrentThreadId, GetThreadId};
        use crate::synchapi::{CreateEventW, SetEvent, WaitForSingleObject};
        use windows_sys::Win32::Foundation::{
            HANDLE_FLAG_INHERIT, HANDLE_FLAG_PROTECT_FROM_CLOSE, WAIT_OBJECT_0, WAIT_TIMEOUT,
        };
        teb::attach_current_thread();
        let me = GetCurrentProcess();
        let mut d: HANDLE = std::ptr::null_mut();
        assert_eq!(unsafe { DuplicateHandle(me, GetCurrentThread(), me, &mut d, 0, FALSE, 2) }, TRUE);
        assert!((d as isize) > 0, "a real handle");
        assert_eq!(GetThreadId(d), GetCurrentThreadId());
        assert_eq!(WaitForSingleObject(d, 0), WAIT_TIMEOUT);
        // Another thread may wait on it (it would not on the pseudo handle).
        let h = d as usize;
        let t = std::thread::spawn(move || {
            teb::attach_current_thread();
            GetThreadId(h as HANDLE)
        });
        assert_eq!(t.join().unwrap(), GetCurrentThreadId());
        assert_eq!(CloseHandle(d), TRUE);

        let e = unsafe { CreateEventW(std::ptr::null(), TRUE, FALSE, std::ptr::null()) };
        assert_eq!(unsafe { DuplicateHandle(me, e, me, &mut d, 0, TRUE, 2 | DUPLICATE_CLOSE_SOURCE) }, TRUE);
        // The source is closed first; the duplicate may reuse its value, as in Wine.
        assert!(d == e || CloseHandle(e) == FALSE);
        SetEvent(d);
        let mut flags = 0;
        assert_eq!(unsafe { GetHandleInformation(d, &mut flags) }, TRUE);
        assert_eq!(flags, HANDLE_FLAG_INHERIT);
        assert_eq!(SetHandleInformation(d, HANDLE_FLAG_PROTECT_FROM_CLOSE, HANDLE_FLAG_PROTECT_FROM_CLOSE), TRUE);
        assert_eq!(CloseHandle(d), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(WaitForSingleObject(d, 0), WAIT_OBJECT_0, "still open");
        assert_eq!(SetHandleInformation(d, 0xff, 0), TRUE);
        assert_eq!(unsafe { GetHandleInformation(d, &mut flags) }, TRUE);
        assert_eq!(flags, 0);
        assert_eq!(CloseHandle(d), TRUE);
        assert_eq!(unsafe { GetHandleInformation(d, &mut flags) }, FALSE);
        assert_eq!(unsafe { DuplicateHandle(me, d, me, &mut d, 0, FALSE, 2) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(unsafe { DuplicateHandle(0x1234 as HANDLE, me, me, &mut d, 0, FALSE, 2) }, FALSE);
    }
}
