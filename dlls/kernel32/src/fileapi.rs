//! fileapi.h: reading and writing handles, file types.

use dllcore::{export, teb};
use syscall_shims::{console, file};
use windows_sys::Win32::Foundation::{
    ERROR_BROKEN_PIPE, ERROR_INVALID_HANDLE, ERROR_NOACCESS, ERROR_SUCCESS, FALSE, HANDLE, TRUE,
};
use windows_sys::Win32::Storage::FileSystem::{FILE_TYPE, FILE_TYPE_PIPE, FILE_TYPE_UNKNOWN};
use windows_sys::Win32::System::IO::OVERLAPPED;
use windows_sys::core::BOOL;

/// Apply an OVERLAPPED's offset to a synchronous handle's file position.
///
/// # Safety
/// `ov` must be NULL or point at an OVERLAPPED.
unsafe fn seek_overlapped(h: HANDLE, ov: *mut OVERLAPPED) -> Result<(), u32> {
    if ov.is_null() {
        return Ok(());
    }
    // SAFETY: per the contract.
    let off = unsafe {
        let o = (*ov).Anonymous.Anonymous;
        (o.OffsetHigh as u64) << 32 | o.Offset as u64
    };
    file::seek_to(h, off)
}

/// Record a completed transfer in an OVERLAPPED (Internal = status, InternalHigh = bytes).
///
/// # Safety
/// As [`seek_overlapped`].
unsafe fn complete_overlapped(ov: *mut OVERLAPPED, n: usize) {
    if !ov.is_null() {
        // SAFETY: per the contract.
        unsafe {
            (*ov).Internal = 0;
            (*ov).InternalHigh = n;
        }
    }
}

/// WriteFile: write `len` bytes to a file, pipe or console; `*written` receives the count.
/// With an OVERLAPPED on a synchronous handle, the write happens at its offset.
/// Handles are all synchronous: overlapped (asynchronous) I/O and its event are not
/// implemented; the transfer completes before returning.
#[export]
pub unsafe extern "win64" fn WriteFile(
    h: HANDLE,
    buf: *const core::ffi::c_void,
    len: u32,
    written: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    if !written.is_null() {
        // SAFETY: the program passes a DWORD to fill.
        unsafe { *written = 0 };
    }
    if buf.is_null() && len != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `len` readable bytes.
    let data: &[u8] =
        if len == 0 { &[] } else { unsafe { std::slice::from_raw_parts(buf as *const u8, len as usize) } };
    // SAFETY: ov is NULL or an OVERLAPPED.
    let r = unsafe { seek_overlapped(h, ov) }.and_then(|()| file::write(h, data));
    match r {
        Ok(n) => {
            // SAFETY: as above.
            unsafe {
                if !written.is_null() {
                    *written = n as u32;
                }
                complete_overlapped(ov, n);
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// ReadFile: read up to `len` bytes; `*read` receives the count, 0 at end of file. Reading a
/// pipe whose writers are gone fails with ERROR_BROKEN_PIPE. A console in line-input mode
/// returns lines ending in "\r\n".
/// Handles are all synchronous: overlapped (asynchronous) I/O is not implemented.
#[export]
pub unsafe extern "win64" fn ReadFile(
    h: HANDLE,
    buf: *mut core::ffi::c_void,
    len: u32,
    read: *mut u32,
    ov: *mut OVERLAPPED,
) -> BOOL {
    if !read.is_null() {
        // SAFETY: the program passes a DWORD to fill.
        unsafe { *read = 0 };
    }
    if buf.is_null() && len != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `len` writable bytes.
    let data: &mut [u8] =
        if len == 0 { &mut [] } else { unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, len as usize) } };
    let is_console = console::side(h).is_ok();
    // SAFETY: ov is NULL or an OVERLAPPED.
    let r = unsafe { seek_overlapped(h, ov) }
        .and_then(|()| if is_console { console::read(h, data) } else { file::read(h, data) });
    match r {
        Ok(0) if len != 0 && file::file_type(h) == Ok(FILE_TYPE_PIPE) => teb::fail(ERROR_BROKEN_PIPE, FALSE),
        Ok(n) => {
            // SAFETY: as above.
            unsafe {
                if !read.is_null() {
                    *read = n as u32;
                }
                complete_overlapped(ov, n);
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetFileType: FILE_TYPE_CHAR for terminals and character devices, FILE_TYPE_PIPE for pipes
/// and sockets, FILE_TYPE_DISK for files; FILE_TYPE_UNKNOWN with ERROR_INVALID_HANDLE for a bad
/// handle (and with NO_ERROR for an object of no known type, as documented).
#[export]
pub extern "win64" fn GetFileType(h: HANDLE) -> FILE_TYPE {
    match file::file_type(h) {
        Ok(FILE_TYPE_UNKNOWN) => teb::fail(ERROR_SUCCESS, FILE_TYPE_UNKNOWN),
        Ok(t) => t,
        Err(_) => teb::fail(ERROR_INVALID_HANDLE, FILE_TYPE_UNKNOWN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use std::sync::Arc;
    use syscall_shims::file::FileObject;
    use syscall_shims::handles::{self, Object};
    use windows_sys::Win32::Storage::FileSystem::FILE_TYPE_DISK;

    fn handle(fd: i32) -> HANDLE {
        handles::insert(Arc::new(Object::File(FileObject::owned(fd))), false)
    }

    #[test]
    fn pipe_write_read_and_broken_pipe() {
        teb::attach_current_thread();
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let (r, w) = (handle(fds[0]), handle(fds[1]));
        assert_eq!(GetFileType(r), FILE_TYPE_PIPE);
        let mut n = 0xdead;
        assert_eq!(unsafe { WriteFile(w, b"hello".as_ptr() as _, 5, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(n, 5);
        let mut buf = [0u8; 16];
        assert_eq!(unsafe { ReadFile(r, buf.as_mut_ptr() as _, 16, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(&buf[..n as usize], b"hello");
        handles::close(w).unwrap();
        assert_eq!(unsafe { ReadFile(r, buf.as_mut_ptr() as _, 16, &mut n, std::ptr::null_mut()) }, FALSE);
        assert_eq!((n, GetLastError()), (0, ERROR_BROKEN_PIPE));
        handles::close(r).unwrap();
        assert_eq!(unsafe { WriteFile(r, b"x".as_ptr() as _, 1, &mut n, std::ptr::null_mut()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(GetFileType(r), FILE_TYPE_UNKNOWN);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
    }

    #[test]
    fn file_at_overlapped_offset_and_eof() {
        teb::attach_current_thread();
        let path = std::env::temp_dir().join(format!("wine-rs-k32-file-{}", std::process::id()));
        let cpath = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        let h = handle(unsafe { libc::open(cpath.as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_TRUNC, 0o600) });
        assert_eq!(GetFileType(h), FILE_TYPE_DISK);
        let mut n = 0;
        assert_eq!(unsafe { WriteFile(h, b"0123456789".as_ptr() as _, 10, &mut n, std::ptr::null_mut()) }, TRUE);
        let mut ov = OVERLAPPED::default();
        ov.Anonymous.Anonymous.Offset = 2;
        assert_eq!(unsafe { WriteFile(h, b"ab".as_ptr() as _, 2, &mut n, &mut ov) }, TRUE);
        assert_eq!(ov.InternalHigh, 2);
        ov.Anonymous.Anonymous.Offset = 0;
        let mut buf = [0u8; 32];
        assert_eq!(unsafe { ReadFile(h, buf.as_mut_ptr() as _, 32, &mut n, &mut ov) }, TRUE);
        assert_eq!(&buf[..n as usize], b"01ab456789");
        // At end of file: TRUE with 0 bytes.
        assert_eq!(unsafe { ReadFile(h, buf.as_mut_ptr() as _, 32, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(n, 0);
        handles::close(h).unwrap();
        std::fs::remove_file(path).unwrap();
    }
}
