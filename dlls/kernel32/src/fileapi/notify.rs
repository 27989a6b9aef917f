//! Change notifications: FindFirstChangeNotification, FindNextChangeNotification,
//! FindCloseChangeNotification, and ReadDirectoryChangesW (winbase.h), on inotify
//! (`syscall_shims::file::notify`).

use super::{bool_status, fail_status, name_a, name_w, store};
use dllcore::{export, teb};
use std::sync::Arc;
use syscall_shims::errno::{NtStatus, status};
use syscall_shims::file::{self, notify};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_PARAMETER, ERROR_PATH_NOT_FOUND, FALSE, HANDLE, INVALID_HANDLE_VALUE, TRUE,
};
use windows_sys::Win32::System::IO::OVERLAPPED;
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

fn first(name: Option<String>, subtree: BOOL, filter: u32) -> HANDLE {
    let Some(name) = name else { return teb::fail(ERROR_PATH_NOT_FOUND, INVALID_HANDLE_VALUE) };
    let r = (|| -> Result<HANDLE, NtStatus> {
        let f = file::ops::file_name(&name)?;
        let (p, st) = file::ops::existing(&f, true)?;
        if !st.is_dir() {
            return Err(status::NOT_A_DIRECTORY);
        }
        notify::change_notification(&p, subtree != 0, filter)
    })();
    match r {
        Ok(h) => h,
        Err(s) => fail_status(s, INVALID_HANDLE_VALUE),
    }
}

/// FindFirstChangeNotificationW: a handle that becomes signaled when the directory (and with
/// `subtree`, those below it) changes as the FILE_NOTIFY_CHANGE_* `filter` says.
#[export]
pub unsafe extern "win64" fn FindFirstChangeNotificationW(dir: PCWSTR, subtree: BOOL, filter: u32) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    first(unsafe { name_w(dir) }, subtree, filter)
}

/// FindFirstChangeNotificationA: FindFirstChangeNotificationW with an ANSI name.
#[export]
pub unsafe extern "win64" fn FindFirstChangeNotificationA(dir: PCSTR, subtree: BOOL, filter: u32) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    first(unsafe { name_a(dir) }, subtree, filter)
}

/// FindNextChangeNotification: reset the handle until the next change.
#[export]
pub extern "win64" fn FindNextChangeNotification(h: HANDLE) -> BOOL {
    bool_status(notify::next_change_notification(h))
}

/// FindCloseChangeNotification: stop watching; the handle is closed.
#[export]
pub extern "win64" fn FindCloseChangeNotification(h: HANDLE) -> BOOL {
    bool_status(notify::close_change_notification(h))
}

/// ReadDirectoryChangesW: FILE_NOTIFY_INFORMATION records of the changes in the directory
/// `dir` (a handle opened with FILE_LIST_DIRECTORY and FILE_FLAG_BACKUP_SEMANTICS) since the
/// previous call (the first call starts watching). Without an OVERLAPPED it waits for a change.
/// With one, it returns at once and a thread completes the OVERLAPPED (and signals its event)
/// when changes come; completion routines are not called.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn ReadDirectoryChangesW(
    dir: HANDLE,
    buf: *mut core::ffi::c_void,
    len: u32,
    subtree: BOOL,
    filter: u32,
    returned: *mut u32,
    ov: *mut OVERLAPPED,
    _routine: *const core::ffi::c_void,
) -> BOOL {
    if buf.is_null() || len < 16 || !(buf as usize).is_multiple_of(4) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let w = match notify::handle_watch(dir, subtree != 0, filter) {
        Ok(w) => w,
        Err(s) => return fail_status(s, FALSE),
    };
    let fill = move |w: &Arc<notify::Watch>, buf: usize, len: usize| -> usize {
        let changes = w.wait(None);
        // SAFETY: the program passed `len` writable bytes, valid until the call completes.
        let out = unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, len) };
        let (n, rest) = notify::format(changes, out);
        w.unread(rest);
        n
    };
    if ov.is_null() {
        let n = fill(&w, buf as usize, len as usize);
        // SAFETY: the program passes NULL or a DWORD.
        unsafe { store(returned, n as u32) };
        return TRUE;
    }
    // SAFETY: the program passes an OVERLAPPED that lives until completion.
    unsafe { (*ov).Internal = status::PENDING as u32 as usize };
    let (b, o) = (buf as usize, ov as usize);
    let port = syscall_shims::handles::get(dir).ok().and_then(|obj| syscall_shims::overlapped::completion_of(&obj).cloned());
    std::thread::spawn(move || {
        let n = fill(&w, b, len as usize);
        let st = if w.is_stopped() { status::CANCELLED } else { status::SUCCESS };
        // SAFETY: as above.
        unsafe { syscall_shims::overlapped::complete_with(port.as_ref(), o as *mut OVERLAPPED, st, n) };
    });
    // SAFETY: the program passes NULL or a DWORD.
    unsafe { store(returned, 0) };
    TRUE
}
