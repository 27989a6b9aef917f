//! Files as the handle table holds them: a host file descriptor plus Windows state.

use crate::handles::{self, Object};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, HANDLE};

/// An open file, pipe or terminal.
#[derive(Debug)]
pub struct FileObject {
    pub fd: i32,
    /// True for fds we must not close (the process's own 0, 1, 2).
    pub borrowed: bool,
}

impl FileObject {
    /// Wrap one of the process's standard fds.
    pub fn from_std_fd(fd: i32) -> Self {
        FileObject { fd, borrowed: true }
    }
}

impl Drop for FileObject {
    fn drop(&mut self) {
        if !self.borrowed {
            // SAFETY: we own this fd.
            unsafe { libc::close(self.fd) };
        }
    }
}

/// The host fd behind a file handle.
pub fn fd_of(h: HANDLE) -> Result<i32, u32> {
    match &*handles::get(h)? {
        Object::File(f) => Ok(f.fd),
        #[allow(unreachable_patterns)]
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// Write all of `buf` to the file behind `h` (retrying short writes and EINTR).
pub fn write(h: HANDLE, buf: &[u8]) -> Result<usize, u32> {
    let fd = fd_of(h)?;
    write_fd(fd, buf)
}

/// Write all of `buf` to `fd`.
pub fn write_fd(fd: i32, buf: &[u8]) -> Result<usize, u32> {
    let mut done = 0;
    while done < buf.len() {
        // SAFETY: the slice is valid for its length.
        let n = unsafe { libc::write(fd, buf[done..].as_ptr() as *const _, buf.len() - done) };
        if n < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if e == libc::EINTR {
                continue;
            }
            return Err(crate::errno::to_win32(e));
        }
        done += n as usize;
    }
    Ok(done)
}

/// Read up to `buf.len()` bytes from the file behind `h`; 0 means end of file.
pub fn read(h: HANDLE, buf: &mut [u8]) -> Result<usize, u32> {
    let fd = fd_of(h)?;
    loop {
        // SAFETY: the slice is valid for its length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr() as *mut _, buf.len()) };
        if n < 0 {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            if e == libc::EINTR {
                continue;
            }
            return Err(crate::errno::to_win32(e));
        }
        return Ok(n as usize);
    }
}
