//! errno → Win32 error codes, in one table.

use windows_sys::Win32::Foundation::*;

/// Map a host errno value to the Win32 error Windows reports for the same failure.
pub fn to_win32(errno: i32) -> u32 {
    match errno {
        0 => ERROR_SUCCESS,
        libc::ENOENT => ERROR_FILE_NOT_FOUND,
        libc::ENOTDIR => ERROR_PATH_NOT_FOUND,
        libc::EACCES | libc::EPERM | libc::EROFS | libc::EISDIR => ERROR_ACCESS_DENIED,
        libc::EEXIST => ERROR_ALREADY_EXISTS,
        libc::ENOTEMPTY => ERROR_DIR_NOT_EMPTY,
        libc::ENOSPC => ERROR_DISK_FULL,
        libc::EBADF => ERROR_INVALID_HANDLE,
        libc::EINVAL => ERROR_INVALID_PARAMETER,
        libc::ENOMEM => ERROR_NOT_ENOUGH_MEMORY,
        libc::EMFILE | libc::ENFILE => ERROR_TOO_MANY_OPEN_FILES,
        libc::EPIPE => ERROR_BROKEN_PIPE,
        libc::ENAMETOOLONG => ERROR_FILENAME_EXCED_RANGE,
        libc::EBUSY => ERROR_BUSY,
        libc::EXDEV => ERROR_NOT_SAME_DEVICE,
        libc::ESPIPE => ERROR_SEEK,
        libc::EAGAIN => ERROR_NO_DATA,
        libc::ETIMEDOUT => ERROR_TIMEOUT,
        libc::ELOOP => ERROR_CANT_RESOLVE_FILENAME,
        libc::EFBIG => ERROR_FILE_TOO_LARGE,
        libc::EIO => ERROR_GEN_FAILURE,
        _ => ERROR_GEN_FAILURE,
    }
}

/// The current errno as a Win32 error.
pub fn last() -> u32 {
    to_win32(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
}
