//! Errors in one place: host errno values → NTSTATUS and Win32 error codes (one table, both
//! columns), and NTSTATUS → Win32 error as `RtlNtStatusToDosError` does.
//!
//! The file layer works in NTSTATUS (ntdll's callers, Go, Zig and Rust's std, look at the
//! exact status); kernel32 turns a status into a Win32 error with [`status_to_win32`]. Callers
//! that only know a Win32 error (older layers) go the other way with [`win32_to_status`].

use windows_sys::Win32::Foundation::*;

/// An NTSTATUS value.
pub type NtStatus = i32;

/// Statuses windows-sys does not define in Win32_Foundation (or defines under another type).
pub mod status {
    use super::NtStatus;
    pub const SUCCESS: NtStatus = 0;
    pub const PENDING: NtStatus = 0x0000_0103;
    pub const NOTIFY_ENUM_DIR: NtStatus = 0x0000_010C;
    pub const BUFFER_OVERFLOW: NtStatus = 0x8000_0005u32 as i32;
    pub const NO_MORE_FILES: NtStatus = 0x8000_0006u32 as i32;
    pub const NO_MORE_ENTRIES: NtStatus = 0x8000_001Au32 as i32;
    pub const UNSUCCESSFUL: NtStatus = 0xC000_0001u32 as i32;
    pub const NOT_IMPLEMENTED: NtStatus = 0xC000_0002u32 as i32;
    pub const INVALID_INFO_CLASS: NtStatus = 0xC000_0003u32 as i32;
    pub const INFO_LENGTH_MISMATCH: NtStatus = 0xC000_0004u32 as i32;
    pub const ACCESS_VIOLATION: NtStatus = 0xC000_0005u32 as i32;
    pub const INVALID_HANDLE: NtStatus = 0xC000_0008u32 as i32;
    pub const INVALID_PARAMETER: NtStatus = 0xC000_000Du32 as i32;
    pub const NO_SUCH_DEVICE: NtStatus = 0xC000_000Eu32 as i32;
    pub const NO_SUCH_FILE: NtStatus = 0xC000_000Fu32 as i32;
    pub const INVALID_DEVICE_REQUEST: NtStatus = 0xC000_0010u32 as i32;
    pub const END_OF_FILE: NtStatus = 0xC000_0011u32 as i32;
    pub const NO_MEMORY: NtStatus = 0xC000_0017u32 as i32;
    pub const NOT_MAPPED_VIEW: NtStatus = 0xC000_0019u32 as i32;
    pub const ACCESS_DENIED: NtStatus = 0xC000_0022u32 as i32;
    pub const BUFFER_TOO_SMALL: NtStatus = 0xC000_0023u32 as i32;
    pub const OBJECT_TYPE_MISMATCH: NtStatus = 0xC000_0024u32 as i32;
    pub const OBJECT_NAME_INVALID: NtStatus = 0xC000_0033u32 as i32;
    pub const OBJECT_NAME_NOT_FOUND: NtStatus = 0xC000_0034u32 as i32;
    pub const OBJECT_NAME_COLLISION: NtStatus = 0xC000_0035u32 as i32;
    pub const OBJECT_PATH_INVALID: NtStatus = 0xC000_0039u32 as i32;
    pub const OBJECT_PATH_NOT_FOUND: NtStatus = 0xC000_003Au32 as i32;
    pub const OBJECT_PATH_SYNTAX_BAD: NtStatus = 0xC000_003Bu32 as i32;
    pub const SHARING_VIOLATION: NtStatus = 0xC000_0043u32 as i32;
    pub const INVALID_PAGE_PROTECTION: NtStatus = 0xC000_0045u32 as i32;
    pub const DELETE_PENDING: NtStatus = 0xC000_0056u32 as i32;
    pub const PRIVILEGE_NOT_HELD: NtStatus = 0xC000_0061u32 as i32;
    pub const FILE_LOCK_CONFLICT: NtStatus = 0xC000_0054u32 as i32;
    pub const LOCK_NOT_GRANTED: NtStatus = 0xC000_0055u32 as i32;
    pub const RANGE_NOT_LOCKED: NtStatus = 0xC000_007Eu32 as i32;
    pub const DISK_FULL: NtStatus = 0xC000_007Fu32 as i32;
    pub const SECTION_TOO_BIG: NtStatus = 0xC000_0040u32 as i32;
    pub const INSUFFICIENT_RESOURCES: NtStatus = 0xC000_009Au32 as i32;
    pub const MEDIA_WRITE_PROTECTED: NtStatus = 0xC000_00A2u32 as i32;
    pub const DEVICE_BUSY: NtStatus = 0xC000_00AEu32 as i32;
    pub const FILE_IS_A_DIRECTORY: NtStatus = 0xC000_00BAu32 as i32;
    pub const NOT_SUPPORTED: NtStatus = 0xC000_00BBu32 as i32;
    pub const BAD_NETWORK_PATH: NtStatus = 0xC000_00BEu32 as i32;
    pub const BAD_NETWORK_NAME: NtStatus = 0xC000_00CCu32 as i32;
    pub const NOT_SAME_DEVICE: NtStatus = 0xC000_00D4u32 as i32;
    pub const FILE_RENAMED: NtStatus = 0xC000_00D5u32 as i32;
    pub const PIPE_BROKEN: NtStatus = 0xC000_014Bu32 as i32;
    pub const DIRECTORY_NOT_EMPTY: NtStatus = 0xC000_0101u32 as i32;
    pub const NOT_A_DIRECTORY: NtStatus = 0xC000_0103u32 as i32;
    pub const NAME_TOO_LONG: NtStatus = 0xC000_0106u32 as i32;
    pub const TOO_MANY_OPENED_FILES: NtStatus = 0xC000_011Fu32 as i32;
    pub const CANCELLED: NtStatus = 0xC000_0120u32 as i32;
    pub const CANNOT_DELETE: NtStatus = 0xC000_0121u32 as i32;
    pub const FILE_INVALID: NtStatus = 0xC000_0098u32 as i32;
    pub const MAPPED_FILE_SIZE_ZERO: NtStatus = 0xC000_011Eu32 as i32;
    pub const MAPPED_ALIGNMENT: NtStatus = 0xC000_0220u32 as i32;
    pub const USER_MAPPED_FILE: NtStatus = 0xC000_0243u32 as i32;
    pub const INVALID_VIEW_SIZE: NtStatus = 0xC000_001Fu32 as i32;
    pub const IO_TIMEOUT: NtStatus = 0xC000_00B5u32 as i32;
    pub const TOO_MANY_LINKS: NtStatus = 0xC000_0265u32 as i32;
    pub const NOT_A_REPARSE_POINT: NtStatus = 0xC000_0275u32 as i32;
    pub const REPARSE_POINT_NOT_RESOLVED: NtStatus = 0xC000_0280u32 as i32;
    pub const FILE_TOO_LARGE: NtStatus = 0xC000_0904u32 as i32;
    pub const ILLEGAL_FUNCTION: NtStatus = 0xC000_00AFu32 as i32;
    pub const UNEXPECTED_IO_ERROR: NtStatus = 0xC000_00E9u32 as i32;
    pub const TIMEOUT: NtStatus = 0x0000_0102;
    pub const DIRECTORY_IS_A_REPARSE_POINT: NtStatus = 0xC000_0281u32 as i32;
    pub const INVALID_ADDRESS: NtStatus = 0xC000_0141u32 as i32;
}

use status as st;

/// errno → (NTSTATUS, Win32 error): the one table. The status is what NT reports for the
/// failure (what ntdll returns), the Win32 error what kernel32 reports for it; they need not
/// round-trip through [`status_to_win32`] (ESPIPE, EAGAIN have no NT counterpart of their own).
const ERRNO_TABLE: &[(i32, NtStatus, u32)] = &[
    (0, st::SUCCESS, ERROR_SUCCESS),
    (libc::ENOENT, st::OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND),
    (libc::ENOTDIR, st::OBJECT_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND),
    (libc::EACCES, st::ACCESS_DENIED, ERROR_ACCESS_DENIED),
    (libc::EPERM, st::ACCESS_DENIED, ERROR_ACCESS_DENIED),
    (libc::EROFS, st::MEDIA_WRITE_PROTECTED, ERROR_WRITE_PROTECT),
    (libc::EISDIR, st::FILE_IS_A_DIRECTORY, ERROR_ACCESS_DENIED),
    (libc::EEXIST, st::OBJECT_NAME_COLLISION, ERROR_ALREADY_EXISTS),
    (libc::ENOTEMPTY, st::DIRECTORY_NOT_EMPTY, ERROR_DIR_NOT_EMPTY),
    (libc::ENOSPC, st::DISK_FULL, ERROR_DISK_FULL),
    (libc::EDQUOT, st::DISK_FULL, ERROR_DISK_FULL),
    (libc::EBADF, st::INVALID_HANDLE, ERROR_INVALID_HANDLE),
    (libc::EINVAL, st::INVALID_PARAMETER, ERROR_INVALID_PARAMETER),
    (libc::ENOMEM, st::NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY),
    (libc::EMFILE, st::TOO_MANY_OPENED_FILES, ERROR_TOO_MANY_OPEN_FILES),
    (libc::ENFILE, st::TOO_MANY_OPENED_FILES, ERROR_TOO_MANY_OPEN_FILES),
    (libc::EPIPE, st::PIPE_BROKEN, ERROR_BROKEN_PIPE),
    (libc::ENAMETOOLONG, st::NAME_TOO_LONG, ERROR_FILENAME_EXCED_RANGE),
    (libc::EBUSY, st::DEVICE_BUSY, ERROR_BUSY),
    (libc::ETXTBSY, st::SHARING_VIOLATION, ERROR_SHARING_VIOLATION),
    (libc::EXDEV, st::NOT_SAME_DEVICE, ERROR_NOT_SAME_DEVICE),
    (libc::ESPIPE, st::INVALID_PARAMETER, ERROR_SEEK),
    (libc::EAGAIN, st::PENDING, ERROR_NO_DATA),
    (libc::ETIMEDOUT, st::IO_TIMEOUT, ERROR_TIMEOUT),
    (libc::ELOOP, st::REPARSE_POINT_NOT_RESOLVED, ERROR_CANT_RESOLVE_FILENAME),
    (libc::EFBIG, st::FILE_TOO_LARGE, ERROR_FILE_TOO_LARGE),
    (libc::EMLINK, st::TOO_MANY_LINKS, ERROR_TOO_MANY_LINKS),
    (libc::EOPNOTSUPP, st::NOT_SUPPORTED, ERROR_NOT_SUPPORTED),
    (libc::ENOSYS, st::NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION),
    (libc::ENXIO, st::NO_SUCH_DEVICE, ERROR_FILE_NOT_FOUND),
    (libc::ENODEV, st::NO_SUCH_DEVICE, ERROR_FILE_NOT_FOUND),
    (libc::EIO, st::UNEXPECTED_IO_ERROR, ERROR_GEN_FAILURE),
];

/// NTSTATUS → Win32 error, the part of RtlNtStatusToDosError's table that matters here.
const STATUS_TABLE: &[(NtStatus, u32)] = &[
    (st::SUCCESS, ERROR_SUCCESS),
    (st::PENDING, ERROR_IO_PENDING),
    (st::TIMEOUT, WAIT_TIMEOUT),
    (st::NOTIFY_ENUM_DIR, ERROR_NOTIFY_ENUM_DIR),
    (st::BUFFER_OVERFLOW, ERROR_MORE_DATA),
    (st::NO_MORE_FILES, ERROR_NO_MORE_FILES),
    (st::NO_MORE_ENTRIES, ERROR_NO_MORE_ITEMS),
    (st::UNSUCCESSFUL, ERROR_GEN_FAILURE),
    (st::NOT_IMPLEMENTED, ERROR_INVALID_FUNCTION),
    (st::INVALID_INFO_CLASS, ERROR_INVALID_PARAMETER),
    (st::INFO_LENGTH_MISMATCH, ERROR_BAD_LENGTH),
    (st::ACCESS_VIOLATION, ERROR_NOACCESS),
    (st::INVALID_HANDLE, ERROR_INVALID_HANDLE),
    (st::INVALID_PARAMETER, ERROR_INVALID_PARAMETER),
    (st::NO_SUCH_DEVICE, ERROR_FILE_NOT_FOUND),
    (st::NO_SUCH_FILE, ERROR_FILE_NOT_FOUND),
    (st::INVALID_DEVICE_REQUEST, ERROR_INVALID_FUNCTION),
    (st::ILLEGAL_FUNCTION, ERROR_INVALID_FUNCTION),
    (st::END_OF_FILE, ERROR_HANDLE_EOF),
    (st::NO_MEMORY, ERROR_NOT_ENOUGH_MEMORY),
    (st::NOT_MAPPED_VIEW, ERROR_INVALID_ADDRESS),
    (st::INVALID_ADDRESS, ERROR_INVALID_ADDRESS),
    (st::ACCESS_DENIED, ERROR_ACCESS_DENIED),
    (st::BUFFER_TOO_SMALL, ERROR_INSUFFICIENT_BUFFER),
    (st::OBJECT_TYPE_MISMATCH, ERROR_INVALID_HANDLE),
    (st::OBJECT_NAME_INVALID, ERROR_INVALID_NAME),
    (st::OBJECT_NAME_NOT_FOUND, ERROR_FILE_NOT_FOUND),
    (st::OBJECT_NAME_COLLISION, ERROR_ALREADY_EXISTS),
    (st::OBJECT_PATH_INVALID, ERROR_BAD_PATHNAME),
    (st::OBJECT_PATH_NOT_FOUND, ERROR_PATH_NOT_FOUND),
    (st::OBJECT_PATH_SYNTAX_BAD, ERROR_BAD_PATHNAME),
    (st::SHARING_VIOLATION, ERROR_SHARING_VIOLATION),
    (st::INVALID_PAGE_PROTECTION, ERROR_INVALID_PARAMETER),
    (st::DELETE_PENDING, ERROR_ACCESS_DENIED),
    (st::PRIVILEGE_NOT_HELD, ERROR_PRIVILEGE_NOT_HELD),
    (st::FILE_LOCK_CONFLICT, ERROR_LOCK_VIOLATION),
    (st::LOCK_NOT_GRANTED, ERROR_LOCK_VIOLATION),
    (st::RANGE_NOT_LOCKED, ERROR_NOT_LOCKED),
    (st::DISK_FULL, ERROR_DISK_FULL),
    (st::SECTION_TOO_BIG, ERROR_NOT_ENOUGH_MEMORY),
    (st::INSUFFICIENT_RESOURCES, ERROR_NO_SYSTEM_RESOURCES),
    (st::MEDIA_WRITE_PROTECTED, ERROR_WRITE_PROTECT),
    (st::DEVICE_BUSY, ERROR_BUSY),
    (st::FILE_IS_A_DIRECTORY, ERROR_ACCESS_DENIED),
    (st::NOT_SUPPORTED, ERROR_NOT_SUPPORTED),
    (st::BAD_NETWORK_PATH, ERROR_BAD_NETPATH),
    (st::BAD_NETWORK_NAME, ERROR_BAD_NET_NAME),
    (st::NOT_SAME_DEVICE, ERROR_NOT_SAME_DEVICE),
    (st::PIPE_BROKEN, ERROR_BROKEN_PIPE),
    (st::DIRECTORY_NOT_EMPTY, ERROR_DIR_NOT_EMPTY),
    (st::NOT_A_DIRECTORY, ERROR_DIRECTORY),
    (st::NAME_TOO_LONG, ERROR_FILENAME_EXCED_RANGE),
    (st::TOO_MANY_OPENED_FILES, ERROR_TOO_MANY_OPEN_FILES),
    (st::CANCELLED, ERROR_OPERATION_ABORTED),
    (st::CANNOT_DELETE, ERROR_ACCESS_DENIED),
    (st::FILE_INVALID, ERROR_FILE_INVALID),
    (st::MAPPED_FILE_SIZE_ZERO, ERROR_FILE_INVALID),
    (st::MAPPED_ALIGNMENT, ERROR_MAPPED_ALIGNMENT),
    (st::USER_MAPPED_FILE, ERROR_USER_MAPPED_FILE),
    (st::INVALID_VIEW_SIZE, ERROR_ACCESS_DENIED),
    (st::IO_TIMEOUT, ERROR_SEM_TIMEOUT),
    (st::TOO_MANY_LINKS, ERROR_TOO_MANY_LINKS),
    (st::NOT_A_REPARSE_POINT, ERROR_NOT_A_REPARSE_POINT),
    (st::REPARSE_POINT_NOT_RESOLVED, ERROR_CANT_RESOLVE_FILENAME),
    (st::DIRECTORY_IS_A_REPARSE_POINT, ERROR_BAD_PATHNAME),
    (st::FILE_TOO_LARGE, ERROR_FILE_TOO_LARGE),
    (st::UNEXPECTED_IO_ERROR, ERROR_GEN_FAILURE),
];

/// Map a host errno value to the Win32 error Windows reports for the same failure.
pub fn to_win32(errno: i32) -> u32 {
    ERRNO_TABLE.iter().find(|r| r.0 == errno).map_or(ERROR_GEN_FAILURE, |r| r.2)
}

/// Map a host errno value to the NTSTATUS NT reports for the same failure.
pub fn to_status(errno: i32) -> NtStatus {
    ERRNO_TABLE.iter().find(|r| r.0 == errno).map_or(st::UNSUCCESSFUL, |r| r.1)
}

/// RtlNtStatusToDosError: the Win32 error for a status. Statuses of facility Win32
/// (0xC007xxxx, 0x8007xxxx) carry the error in their low word; an unknown status is
/// ERROR_MR_MID_NOT_FOUND, as on Windows.
pub fn status_to_win32(s: NtStatus) -> u32 {
    if let Some(r) = STATUS_TABLE.iter().find(|r| r.0 == s) {
        return r.1;
    }
    let u = s as u32;
    if u & 0x3fff_0000 == 0x0007_0000 {
        return u & 0xffff;
    }
    // Success and informational statuses other than those listed map to no error.
    if u >> 30 == 0 || u >> 30 == 1 {
        return ERROR_SUCCESS;
    }
    ERROR_MR_MID_NOT_FOUND
}

/// The NTSTATUS most naturally behind a Win32 error (for layers that only know the error).
pub fn win32_to_status(e: u32) -> NtStatus {
    match e {
        ERROR_SUCCESS => st::SUCCESS,
        ERROR_FILE_NOT_FOUND => st::OBJECT_NAME_NOT_FOUND,
        ERROR_PATH_NOT_FOUND => st::OBJECT_PATH_NOT_FOUND,
        ERROR_ALREADY_EXISTS | ERROR_FILE_EXISTS => st::OBJECT_NAME_COLLISION,
        ERROR_INVALID_NAME => st::OBJECT_NAME_INVALID,
        ERROR_DIRECTORY => st::NOT_A_DIRECTORY,
        ERROR_BROKEN_PIPE => st::PIPE_BROKEN,
        ERROR_NO_DATA => st::PENDING,
        ERROR_HANDLE_EOF => st::END_OF_FILE,
        _ => STATUS_TABLE.iter().find(|r| r.1 == e).map_or(0xC007_0000u32 as i32 | e as i32, |r| r.0),
    }
}

/// The errno of the last failed host call.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The current errno as a Win32 error.
pub fn last() -> u32 {
    to_win32(errno())
}

/// The current errno as an NTSTATUS.
pub fn last_status() -> NtStatus {
    to_status(errno())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_table_both_columns() {
        assert_eq!(to_win32(libc::ENOENT), ERROR_FILE_NOT_FOUND);
        assert_eq!(to_status(libc::ENOENT), st::OBJECT_NAME_NOT_FOUND);
        assert_eq!(to_win32(libc::EEXIST), ERROR_ALREADY_EXISTS);
        assert_eq!(to_win32(libc::ENOTEMPTY), ERROR_DIR_NOT_EMPTY);
        assert_eq!(to_win32(libc::ENOSPC), ERROR_DISK_FULL);
        assert_eq!(to_win32(12345), ERROR_GEN_FAILURE);
        assert_eq!(to_status(12345), st::UNSUCCESSFUL);
        // Where both columns have NT counterparts, they agree.
        for &(e, s, w) in ERRNO_TABLE {
            if ![libc::ESPIPE, libc::EAGAIN, libc::ETIMEDOUT].contains(&e) {
                assert_eq!(status_to_win32(s), w, "errno {e}");
            }
        }
    }

    #[test]
    fn status_mapping() {
        assert_eq!(status_to_win32(st::OBJECT_NAME_NOT_FOUND), ERROR_FILE_NOT_FOUND);
        assert_eq!(status_to_win32(st::NO_SUCH_FILE), ERROR_FILE_NOT_FOUND);
        assert_eq!(status_to_win32(st::OBJECT_PATH_NOT_FOUND), ERROR_PATH_NOT_FOUND);
        assert_eq!(status_to_win32(st::SHARING_VIOLATION), ERROR_SHARING_VIOLATION);
        assert_eq!(status_to_win32(st::DELETE_PENDING), ERROR_ACCESS_DENIED);
        assert_eq!(status_to_win32(st::NOT_A_DIRECTORY), ERROR_DIRECTORY);
        assert_eq!(status_to_win32(st::LOCK_NOT_GRANTED), ERROR_LOCK_VIOLATION);
        assert_eq!(status_to_win32(0xC007_0020u32 as i32), 0x20);
        assert_eq!(status_to_win32(0xC0FF_FFFFu32 as i32), ERROR_MR_MID_NOT_FOUND);
        assert_eq!(status_to_win32(st::NO_MORE_FILES), ERROR_NO_MORE_FILES);
        for e in [ERROR_FILE_NOT_FOUND, ERROR_PATH_NOT_FOUND, ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, 0x4242] {
            assert_eq!(status_to_win32(win32_to_status(e)), e);
        }
        assert_eq!(win32_to_status(ERROR_FILE_EXISTS), st::OBJECT_NAME_COLLISION);
    }
}
