//! fileapi.h: opening files by name, reading and writing handles, sizes and positions, file
//! types, attributes, deleting. Names go through `syscall_shims::path` (DOS → Unix), the rest
//! through `syscall_shims::file`.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use syscall_shims::file::CreateOptions;
use syscall_shims::{codepage, console, file};
use windows_sys::Win32::Foundation::{
    ERROR_ALREADY_EXISTS, ERROR_BROKEN_PIPE, ERROR_INVALID_HANDLE, ERROR_NOACCESS, ERROR_PATH_NOT_FOUND, ERROR_SUCCESS,
    FALSE, HANDLE, INVALID_HANDLE_VALUE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::Storage::FileSystem::{
    CREATE_ALWAYS, FILE_TYPE, FILE_TYPE_PIPE, FILE_TYPE_UNKNOWN, INVALID_FILE_ATTRIBUTES, INVALID_FILE_SIZE,
    INVALID_SET_FILE_POINTER, OPEN_ALWAYS,
};
use windows_sys::Win32::System::IO::OVERLAPPED;
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// A file name from the program (None for NULL).
///
/// # Safety
/// `p` must be NULL or a NUL-terminated UTF-16 string.
unsafe fn name_w(p: PCWSTR) -> Option<String> {
    // SAFETY: per the contract.
    unsafe { dllcore::strings::wstr_to_string(p) }
}

/// A file name in the ANSI code page (None for NULL).
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string.
unsafe fn name_a(p: PCSTR) -> Option<String> {
    // SAFETY: per the contract.
    unsafe { dllcore::strings::cstr(p) }.map(codepage::ansi_to_string)
}

fn create_file(name: Option<String>, o: CreateOptions) -> HANDLE {
    let Some(name) = name else {
        return teb::fail(ERROR_PATH_NOT_FOUND, INVALID_HANDLE_VALUE);
    };
    match file::create(&name, &o) {
        Ok((h, existed)) => {
            let reopened = existed && (o.disposition == CREATE_ALWAYS || o.disposition == OPEN_ALWAYS);
            teb::set_last_error(if reopened { ERROR_ALREADY_EXISTS } else { ERROR_SUCCESS });
            h
        }
        Err(e) => teb::fail(e, INVALID_HANDLE_VALUE),
    }
}

/// CreateFileW: open or create a file (or the NUL, CONIN$, CONOUT$ devices) and return a
/// handle. `disposition`: CREATE_NEW (ERROR_FILE_EXISTS if it exists), CREATE_ALWAYS,
/// OPEN_EXISTING, OPEN_ALWAYS (both of these set ERROR_ALREADY_EXISTS when the file was there),
/// TRUNCATE_EXISTING. A missing file is ERROR_FILE_NOT_FOUND, a missing directory
/// ERROR_PATH_NOT_FOUND; directories open only with FILE_FLAG_BACKUP_SEMANTICS.
/// FILE_FLAG_DELETE_ON_CLOSE removes the file when its last handle closes.
/// Share modes, security and the template are ignored; names are case-sensitive and only the
/// Z: drive (the Unix root) exists.
#[export]
pub unsafe extern "win64" fn CreateFileW(
    name: PCWSTR,
    access: u32,
    _share: u32,
    sa: *const SECURITY_ATTRIBUTES,
    disposition: u32,
    flags: u32,
    _template: HANDLE,
) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    let o = CreateOptions { access, disposition, flags, inherit: unsafe { inherit_of(sa) } };
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_file(unsafe { name_w(name) }, o)
}

/// CreateFileA: CreateFileW with an ANSI name.
/// As CreateFileW.
#[export]
pub unsafe extern "win64" fn CreateFileA(
    name: PCSTR,
    access: u32,
    _share: u32,
    sa: *const SECURITY_ATTRIBUTES,
    disposition: u32,
    flags: u32,
    _template: HANDLE,
) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    let o = CreateOptions { access, disposition, flags, inherit: unsafe { inherit_of(sa) } };
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_file(unsafe { name_a(name) }, o)
}

/// DeleteFileW: delete a file. ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND when missing,
/// ERROR_ACCESS_DENIED for directories and read-only files.
/// An open file is deleted at once (Windows refuses files open without FILE_SHARE_DELETE).
#[export]
pub unsafe extern "win64" fn DeleteFileW(name: PCWSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    delete_file(unsafe { name_w(name) })
}

/// DeleteFileA: DeleteFileW with an ANSI name.
/// As DeleteFileW.
#[export]
pub unsafe extern "win64" fn DeleteFileA(name: PCSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    delete_file(unsafe { name_a(name) })
}

fn delete_file(name: Option<String>) -> BOOL {
    result(name.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::delete(&n)))
}

fn file_attributes(name: Option<String>) -> u32 {
    match name.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::attributes(&n)) {
        Ok(a) => a,
        Err(e) => teb::fail(e, INVALID_FILE_ATTRIBUTES),
    }
}

/// GetFileAttributesW: FILE_ATTRIBUTE_DIRECTORY, or ARCHIVE for files (as Wine reports them),
/// plus READONLY when nobody may write it and HIDDEN for names starting with a dot;
/// INVALID_FILE_ATTRIBUTES with ERROR_FILE_NOT_FOUND / ERROR_PATH_NOT_FOUND when missing.
#[export]
pub unsafe extern "win64" fn GetFileAttributesW(name: PCWSTR) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    file_attributes(unsafe { name_w(name) })
}

/// GetFileAttributesA: GetFileAttributesW with an ANSI name.
#[export]
pub unsafe extern "win64" fn GetFileAttributesA(name: PCSTR) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    file_attributes(unsafe { name_a(name) })
}

fn result(r: Result<(), u32>) -> BOOL {
    match r {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetFileAttributesW: FILE_ATTRIBUTE_READONLY removes the write permissions; its absence
/// gives the owner's back.
/// Other attributes (hidden, system, archive...) are not kept.
#[export]
pub unsafe extern "win64" fn SetFileAttributesW(name: PCWSTR, attrs: u32) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    result(unsafe { name_w(name) }.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::set_attributes(&n, attrs)))
}

/// SetFileAttributesA: SetFileAttributesW with an ANSI name.
/// As SetFileAttributesW.
#[export]
pub unsafe extern "win64" fn SetFileAttributesA(name: PCSTR, attrs: u32) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    result(unsafe { name_a(name) }.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::set_attributes(&n, attrs)))
}

/// CreateDirectoryW: create a directory; ERROR_ALREADY_EXISTS when the name is taken,
/// ERROR_PATH_NOT_FOUND when its parent is missing.
/// The security attributes are ignored.
#[export]
pub unsafe extern "win64" fn CreateDirectoryW(name: PCWSTR, _sa: *const SECURITY_ATTRIBUTES) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    result(unsafe { name_w(name) }.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::create_dir(&n)))
}

/// CreateDirectoryA: CreateDirectoryW with an ANSI name.
/// The security attributes are ignored.
#[export]
pub unsafe extern "win64" fn CreateDirectoryA(name: PCSTR, _sa: *const SECURITY_ATTRIBUTES) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    result(unsafe { name_a(name) }.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::create_dir(&n)))
}

/// RemoveDirectoryW: remove an empty directory (ERROR_DIR_NOT_EMPTY otherwise; ERROR_DIRECTORY
/// for a file).
#[export]
pub unsafe extern "win64" fn RemoveDirectoryW(name: PCWSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    result(unsafe { name_w(name) }.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::remove_dir(&n)))
}

/// RemoveDirectoryA: RemoveDirectoryW with an ANSI name.
#[export]
pub unsafe extern "win64" fn RemoveDirectoryA(name: PCSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    result(unsafe { name_a(name) }.map_or(Err(ERROR_PATH_NOT_FOUND), |n| file::remove_dir(&n)))
}

/// GetFileSizeEx: the file's size in bytes.
#[export]
pub unsafe extern "win64" fn GetFileSizeEx(h: HANDLE, size: *mut i64) -> BOOL {
    match file::size(h) {
        Ok(_) if size.is_null() => teb::fail(ERROR_NOACCESS, FALSE),
        Ok(n) => {
            // SAFETY: the program passes a LARGE_INTEGER to fill.
            unsafe { *size = n as i64 };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetFileSize: the low 32 bits of the size (the high ones in `*high`); INVALID_FILE_SIZE on
/// failure. A size whose low part is 0xffffffff clears the last error so it can be told apart.
#[export]
pub unsafe extern "win64" fn GetFileSize(h: HANDLE, high: *mut u32) -> u32 {
    match file::size(h) {
        Ok(n) => {
            if !high.is_null() {
                // SAFETY: the program passes a DWORD to fill.
                unsafe { *high = (n >> 32) as u32 };
            }
            if n as u32 == INVALID_FILE_SIZE {
                teb::set_last_error(ERROR_SUCCESS);
            }
            n as u32
        }
        Err(e) => teb::fail(e, INVALID_FILE_SIZE),
    }
}

/// SetFilePointerEx: move the file position by `distance` from FILE_BEGIN, FILE_CURRENT or
/// FILE_END; `*new_pos` receives the new position. ERROR_NEGATIVE_SEEK before the start,
/// ERROR_INVALID_PARAMETER for another method.
#[export]
pub unsafe extern "win64" fn SetFilePointerEx(h: HANDLE, distance: i64, new_pos: *mut i64, method: u32) -> BOOL {
    match file::seek(h, distance, method) {
        Ok(p) => {
            if !new_pos.is_null() {
                // SAFETY: the program passes a LARGE_INTEGER to fill.
                unsafe { *new_pos = p as i64 };
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetFilePointer: as SetFilePointerEx with the distance in `distance` (signed) or, when
/// `high` is given, `*high:distance` (64 bits; `*high` receives the new high part). Returns the
/// new low part, or INVALID_SET_FILE_POINTER (which a success at that position also returns,
/// with the last error cleared).
#[export]
pub unsafe extern "win64" fn SetFilePointer(h: HANDLE, distance: i32, high: *mut i32, method: u32) -> u32 {
    let dist = if high.is_null() {
        distance as i64
    } else {
        // SAFETY: the program passes a LONG to read and fill.
        (unsafe { *high } as i64) << 32 | distance as u32 as i64
    };
    match file::seek(h, dist, method) {
        Ok(p) => {
            if !high.is_null() {
                // SAFETY: as above.
                unsafe { *high = (p >> 32) as i32 };
            }
            if p as u32 == INVALID_SET_FILE_POINTER {
                teb::set_last_error(ERROR_SUCCESS);
            }
            p as u32
        }
        Err(e) => teb::fail(e, INVALID_SET_FILE_POINTER),
    }
}

/// SetEndOfFile: make the current position the end of the file (cutting or extending it).
#[export]
pub extern "win64" fn SetEndOfFile(h: HANDLE) -> BOOL {
    result(file::set_end(h))
}

/// FlushFileBuffers: write the file's buffered data to the disk.
#[export]
pub extern "win64" fn FlushFileBuffers(h: HANDLE) -> BOOL {
    result(file::flush(h))
}

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

    #[test]
    fn create_file_reads_itself_back() {
        use crate::errhandlingapi::SetLastError;
        use crate::handleapi::CloseHandle;
        use windows_sys::Win32::Foundation::{ERROR_FILE_EXISTS, ERROR_FILE_NOT_FOUND, GENERIC_READ, GENERIC_WRITE};
        use windows_sys::Win32::Storage::FileSystem::{
            CREATE_NEW, FILE_ATTRIBUTE_ARCHIVE, FILE_ATTRIBUTE_DIRECTORY, FILE_BEGIN, FILE_END,
            FILE_FLAG_DELETE_ON_CLOSE, FILE_SHARE_READ, OPEN_EXISTING, TRUNCATE_EXISTING,
        };
        teb::attach_current_thread();
        let dir = std::env::temp_dir().join(format!("wine-rs-k32-create-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let dos = syscall_shims::path::unix_to_dos(dir.to_str().unwrap());
        let w = |s: &str| -> Vec<u16> { s.encode_utf16().chain([0]).collect() };
        let path = w(&format!("{dos}\\f.bin"));
        let none = std::ptr::null();
        let rw = GENERIC_READ | GENERIC_WRITE;

        let h = unsafe {
            CreateFileW(path.as_ptr(), GENERIC_READ, FILE_SHARE_READ, none, OPEN_EXISTING, 0, std::ptr::null_mut())
        };
        assert_eq!((h, GetLastError()), (INVALID_HANDLE_VALUE, ERROR_FILE_NOT_FOUND));
        SetLastError(1234);
        let h = unsafe { CreateFileW(path.as_ptr(), rw, 0, none, CREATE_NEW, 0, std::ptr::null_mut()) };
        assert_ne!(h, INVALID_HANDLE_VALUE);
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        let data: Vec<u8> = (0..=255).collect();
        let mut n = 0;
        assert_eq!(unsafe { WriteFile(h, data.as_ptr() as _, 256, &mut n, std::ptr::null_mut()) }, TRUE);
        let mut high = 7;
        assert_eq!(unsafe { GetFileSize(h, &mut high) }, 256);
        assert_eq!(high, 0);
        let mut size = 0i64;
        assert_eq!(unsafe { GetFileSizeEx(h, &mut size) }, TRUE);
        assert_eq!(size, 256);
        assert_eq!(unsafe { SetFilePointer(h, 16, std::ptr::null_mut(), FILE_BEGIN) }, 16);
        let mut buf = [0u8; 4];
        assert_eq!(unsafe { ReadFile(h, buf.as_mut_ptr() as _, 4, &mut n, std::ptr::null_mut()) }, TRUE);
        assert_eq!(buf, [16, 17, 18, 19]);
        assert_eq!(unsafe { SetFilePointer(h, -300, std::ptr::null_mut(), FILE_END) }, INVALID_SET_FILE_POINTER);
        assert_eq!(GetLastError(), windows_sys::Win32::Foundation::ERROR_NEGATIVE_SEEK);
        let mut hi = 1;
        assert_eq!(unsafe { SetFilePointer(h, 0, &mut hi, FILE_BEGIN) }, 0, "4 GiB: low part 0");
        assert_eq!(hi, 1);
        let mut pos = 0i64;
        assert_eq!(unsafe { SetFilePointerEx(h, -6, &mut pos, FILE_END) }, TRUE);
        assert_eq!(pos, 250);
        assert_eq!(SetEndOfFile(h), TRUE);
        assert_eq!(FlushFileBuffers(h), TRUE);
        assert_eq!(unsafe { GetFileSize(h, std::ptr::null_mut()) }, 250);
        assert_eq!(CloseHandle(h), TRUE);

        let h = unsafe { CreateFileW(path.as_ptr(), rw, 0, none, CREATE_NEW, 0, std::ptr::null_mut()) };
        assert_eq!((h, GetLastError()), (INVALID_HANDLE_VALUE, ERROR_FILE_EXISTS));
        for (disp, err) in [
            (OPEN_ALWAYS, ERROR_ALREADY_EXISTS),
            (OPEN_EXISTING, ERROR_SUCCESS),
            (TRUNCATE_EXISTING, ERROR_SUCCESS),
            (CREATE_ALWAYS, ERROR_ALREADY_EXISTS),
        ] {
            SetLastError(1234);
            let h = unsafe { CreateFileW(path.as_ptr(), GENERIC_WRITE, 0, none, disp, 0, std::ptr::null_mut()) };
            assert_ne!(h, INVALID_HANDLE_VALUE, "disposition {disp}");
            assert_eq!(GetLastError(), err, "disposition {disp}");
            CloseHandle(h);
        }
        assert_eq!(unsafe { GetFileAttributesW(path.as_ptr()) }, FILE_ATTRIBUTE_ARCHIVE);
        assert_eq!(unsafe { GetFileAttributesW(w(&dos).as_ptr()) }, FILE_ATTRIBUTE_DIRECTORY);
        assert_eq!(unsafe { DeleteFileW(path.as_ptr()) }, TRUE);
        assert_eq!(unsafe { GetFileAttributesW(path.as_ptr()) }, INVALID_FILE_ATTRIBUTES);
        assert_eq!(GetLastError(), ERROR_FILE_NOT_FOUND);
        assert_eq!(unsafe { DeleteFileW(path.as_ptr()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_FILE_NOT_FOUND);

        // The A side, forward slashes, delete-on-close.
        let a = std::ffi::CString::new(format!("{}/tmp.txt", dir.to_str().unwrap())).unwrap();
        let h = unsafe {
            CreateFileA(
                a.as_ptr() as _,
                GENERIC_WRITE,
                0,
                none,
                CREATE_ALWAYS,
                FILE_FLAG_DELETE_ON_CLOSE,
                std::ptr::null_mut(),
            )
        };
        assert_ne!(h, INVALID_HANDLE_VALUE);
        assert_eq!(unsafe { GetFileAttributesA(a.as_ptr() as _) }, FILE_ATTRIBUTE_ARCHIVE);
        CloseHandle(h);
        assert_eq!(unsafe { GetFileAttributesA(a.as_ptr() as _) }, INVALID_FILE_ATTRIBUTES);
        assert_eq!(unsafe { DeleteFileA(a.as_ptr() as _) }, FALSE);
        assert_eq!(
            unsafe { CreateFileW(std::ptr::null(), GENERIC_READ, 0, none, OPEN_EXISTING, 0, std::ptr::null_mut()) },
            INVALID_HANDLE_VALUE
        );
        assert_eq!(GetLastError(), ERROR_PATH_NOT_FOUND);
        assert_eq!(
            unsafe {
                CreateFileW(
                    w("C:\\windows\\win.ini").as_ptr(),
                    GENERIC_READ,
                    0,
                    none,
                    OPEN_EXISTING,
                    0,
                    std::ptr::null_mut(),
                )
            },
            INVALID_HANDLE_VALUE
        );
        assert_eq!(GetLastError(), ERROR_PATH_NOT_FOUND);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
