//! handleapi.h: closing handles.

use dllcore::{export, teb};
use syscall_shims::handles;
use windows_sys::Win32::Foundation::{FALSE, HANDLE, TRUE};
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use std::sync::Arc;
    use syscall_shims::file::FileObject;
    use syscall_shims::handles::Object;
    use windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE;

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
}
