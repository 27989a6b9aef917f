//! Files as the handle table holds them: a host file descriptor plus Windows state; I/O, sizes
//! and positions on handles. Opening, attributes and deleting by DOS name are in [`names`].

mod names;

pub use names::{CreateOptions, attributes, create, create_dir, delete, remove_dir, set_attributes};

use std::ffi::CString;
use std::sync::Mutex;

use crate::handles::{self, Object};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NEGATIVE_SEEK, HANDLE,
};
use windows_sys::Win32::Storage::FileSystem::{
    FILE_TYPE, FILE_TYPE_CHAR, FILE_TYPE_DISK, FILE_TYPE_PIPE, FILE_TYPE_UNKNOWN,
};

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

    /// Take ownership of an fd (closed when the last handle goes).
    pub fn owned(fd: i32) -> Self {
        FileObject { fd, borrowed: false }
    }
}

/// Files opened with FILE_FLAG_DELETE_ON_CLOSE: (fd, Unix path), unlinked when the last handle
/// to the file object goes.
// Kept beside FileObject rather than in it because other crates still build FileObject with a
// struct literal; it moves into FileObject (with the access mask and share mode) once they use
// its constructors.
pub(crate) static DELETE_ON_CLOSE: Mutex<Vec<(i32, CString)>> = Mutex::new(Vec::new());

impl Drop for FileObject {
    fn drop(&mut self) {
        if !self.borrowed {
            let mut doc = DELETE_ON_CLOSE.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(i) = doc.iter().position(|(fd, _)| *fd == self.fd) {
                let (_, p) = doc.swap_remove(i);
                // SAFETY: a NUL-terminated path.
                unsafe { libc::unlink(p.as_ptr()) };
            }
            // SAFETY: we own this fd.
            unsafe { libc::close(self.fd) };
        }
    }
}

/// The host fd behind a file handle.
pub fn fd_of(h: HANDLE) -> Result<i32, u32> {
    match &*handles::get(h)? {
        Object::File(f) => Ok(f.fd),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// The host errno of the last failed call.
fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// EBADF on an fd that is open means it is not open for that direction: a handle without the
/// access, ERROR_ACCESS_DENIED on Windows.
fn no_access_for_direction(e: u32) -> u32 {
    if e == ERROR_INVALID_HANDLE { ERROR_ACCESS_DENIED } else { e }
}

/// Write all of `buf` to the file behind `h` (retrying short writes and EINTR).
pub fn write(h: HANDLE, buf: &[u8]) -> Result<usize, u32> {
    let fd = fd_of(h)?;
    write_fd(fd, buf).map_err(no_access_for_direction)
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
    read_fd(fd_of(h)?, buf).map_err(no_access_for_direction)
}

/// Read up to `buf.len()` bytes from `fd` (retrying EINTR); 0 means end of file.
pub fn read_fd(fd: i32, buf: &mut [u8]) -> Result<usize, u32> {
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

/// Move the file position of `h` to `offset` (for I/O at an OVERLAPPED offset on a synchronous
/// handle). Pipes and terminals have no position: a no-op.
pub fn seek_to(h: HANDLE, offset: u64) -> Result<(), u32> {
    let fd = fd_of(h)?;
    // SAFETY: lseek has no memory preconditions.
    if unsafe { libc::lseek(fd, offset as libc::off_t, libc::SEEK_SET) } < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if e != libc::ESPIPE {
            return Err(crate::errno::to_win32(e));
        }
    }
    Ok(())
}

/// What GetFileType reports, from the host's file type.
pub fn file_type(h: HANDLE) -> Result<FILE_TYPE, u32> {
    let fd = fd_of(h)?;
    // SAFETY: fstat into a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(crate::errno::last());
    }
    Ok(match st.st_mode & libc::S_IFMT {
        libc::S_IFCHR => FILE_TYPE_CHAR,
        libc::S_IFIFO | libc::S_IFSOCK => FILE_TYPE_PIPE,
        libc::S_IFREG | libc::S_IFDIR | libc::S_IFBLK => FILE_TYPE_DISK,
        _ => FILE_TYPE_UNKNOWN,
    })
}

// ---------------------------------------------------------------------------------------------
// Sizes and positions.

fn fstat_handle(h: HANDLE) -> Result<libc::stat, u32> {
    let fd = fd_of(h)?;
    // SAFETY: fstat into a zeroed stat buffer.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstat(fd, &mut st) } != 0 {
        return Err(crate::errno::last());
    }
    Ok(st)
}

/// GetFileSize(Ex): the size in bytes.
pub fn size(h: HANDLE) -> Result<u64, u32> {
    Ok(fstat_handle(h)?.st_size as u64)
}

/// SetFilePointer(Ex): move the file position by `distance` from the start (0), the current
/// position (1) or the end (2); returns the new position. ERROR_NEGATIVE_SEEK before the start.
pub fn seek(h: HANDLE, distance: i64, method: u32) -> Result<u64, u32> {
    let whence = match method {
        0 => libc::SEEK_SET,
        1 => libc::SEEK_CUR,
        2 => libc::SEEK_END,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    let fd = fd_of(h)?;
    if whence == libc::SEEK_SET && distance < 0 {
        return Err(ERROR_NEGATIVE_SEEK);
    }
    // SAFETY: lseek has no memory preconditions.
    let r = unsafe { libc::lseek(fd, distance as libc::off_t, whence) };
    if r < 0 {
        return Err(match errno() {
            libc::EINVAL => ERROR_NEGATIVE_SEEK,
            e => crate::errno::to_win32(e),
        });
    }
    Ok(r as u64)
}

/// SetEndOfFile: cut or extend the file at the current position.
pub fn set_end(h: HANDLE) -> Result<(), u32> {
    let pos = seek(h, 0, 1)?;
    // SAFETY: ftruncate has no memory preconditions.
    if unsafe { libc::ftruncate(fd_of(h)?, pos as libc::off_t) } != 0 {
        return Err(no_access_for_direction(crate::errno::last()));
    }
    Ok(())
}

/// FlushFileBuffers: write the file's data through to the disk. Pipes and terminals have
/// nothing to flush.
pub fn flush(h: HANDLE) -> Result<(), u32> {
    let fd = fd_of(h)?;
    // SAFETY: fsync has no memory preconditions.
    if unsafe { libc::fsync(fd) } != 0 && !matches!(errno(), libc::EINVAL | libc::EROFS) {
        return Err(crate::errno::last());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::handles::{self, Object};
    use std::sync::Arc;
    use windows_sys::Win32::Foundation::ERROR_BROKEN_PIPE;

    fn handle(fd: i32) -> HANDLE {
        handles::insert(Arc::new(Object::File(FileObject::owned(fd))), false)
    }

    #[test]
    fn types() {
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let (r, w) = (handle(fds[0]), handle(fds[1]));
        assert_eq!(file_type(r), Ok(FILE_TYPE_PIPE));
        let null = handle(unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) });
        assert_eq!(file_type(null), Ok(FILE_TYPE_CHAR));
        let path = std::env::temp_dir().join(format!("wine-rs-ft-{}", std::process::id()));
        let cpath = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
        let f = handle(unsafe { libc::open(cpath.as_ptr(), libc::O_RDWR | libc::O_CREAT, 0o600) });
        assert_eq!(file_type(f), Ok(FILE_TYPE_DISK));
        assert_eq!(write(f, b"hello"), Ok(5));
        assert_eq!(file_type(4usize as HANDLE), Err(ERROR_INVALID_HANDLE));
        for h in [r, w, null, f] {
            handles::close(h).unwrap();
        }
        std::fs::remove_file(path).unwrap();
        // Writing to a pipe whose reader is gone.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        unsafe { libc::close(fds[0]) };
        // SAFETY: ignore SIGPIPE so the write reports EPIPE.
        unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
        let w = handle(fds[1]);
        assert_eq!(write(w, b"x"), Err(ERROR_BROKEN_PIPE));
        handles::close(w).unwrap();
    }
}
