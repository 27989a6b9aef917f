//! consoleapi.h / wincon.h: console output, modes, code pages, control handlers. The console
//! is the terminal behind a handle's fd (see `syscall_shims::console`).

use dllcore::{export, teb};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use syscall_shims::{codepage, console};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOACCESS, FALSE, HANDLE, TRUE};
use windows_sys::Win32::System::Console::{CONSOLE_MODE, PHANDLER_ROUTINE};
use windows_sys::core::BOOL;

static INPUT_CP: AtomicU32 = AtomicU32::new(codepage::OEM_CP);
static OUTPUT_CP: AtomicU32 = AtomicU32::new(codepage::OEM_CP);

/// WriteConsoleW: write UTF-16 text to a console; `*written` receives the characters written.
/// Fails with ERROR_INVALID_HANDLE when the handle is not a console (a file or pipe), as on
/// Windows. The text reaches the terminal as UTF-8 (unpaired surrogates as U+FFFD).
#[export]
pub unsafe extern "win64" fn WriteConsoleW(
    h: HANDLE,
    buf: *const core::ffi::c_void,
    chars: u32,
    written: *mut u32,
    _reserved: *mut core::ffi::c_void,
) -> BOOL {
    if buf.is_null() && chars != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `chars` UTF-16 units.
    let units: &[u16] =
        if chars == 0 { &[] } else { unsafe { std::slice::from_raw_parts(buf as *const u16, chars as usize) } };
    match console::write(h, String::from_utf16_lossy(units).as_bytes()) {
        Ok(_) => {
            if !written.is_null() {
                // SAFETY: the program passes a DWORD to fill.
                unsafe { *written = chars };
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// WriteConsoleA: write text in the console output code page (GetConsoleOutputCP) to a console.
/// ERROR_INVALID_HANDLE when the handle is not a console.
#[export]
pub unsafe extern "win64" fn WriteConsoleA(
    h: HANDLE,
    buf: *const core::ffi::c_void,
    chars: u32,
    written: *mut u32,
    _reserved: *mut core::ffi::c_void,
) -> BOOL {
    if buf.is_null() && chars != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes `chars` bytes.
    let bytes: &[u8] =
        if chars == 0 { &[] } else { unsafe { std::slice::from_raw_parts(buf as *const u8, chars as usize) } };
    let cp = OUTPUT_CP.load(Ordering::Relaxed);
    let converted;
    let text = if codepage::resolve(cp) == Some(codepage::ANSI_CP) {
        bytes
    } else {
        let mut wide = vec![0u16; bytes.len()];
        let n = codepage::multi_byte_to_wide(cp, 0, bytes, Some(&mut wide)).unwrap_or(0);
        converted = String::from_utf16_lossy(&wide[..n]).into_bytes();
        &converted
    };
    match console::write(h, text) {
        Ok(_) => {
            if !written.is_null() {
                // SAFETY: the program passes a DWORD to fill.
                unsafe { *written = chars };
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetConsoleMode: the input mode of a console input handle, or the output mode of an output
/// handle. ERROR_INVALID_HANDLE for a handle that is not a console.
#[export]
pub unsafe extern "win64" fn GetConsoleMode(h: HANDLE, mode: *mut CONSOLE_MODE) -> BOOL {
    match console::mode(h) {
        Ok(m) => {
            if mode.is_null() {
                return teb::fail(ERROR_NOACCESS, FALSE);
            }
            // SAFETY: the program passes a DWORD to fill.
            unsafe { *mode = m };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetConsoleMode: set a console handle's input or output mode. Line input, echo and Ctrl+C
/// processing reach the terminal's settings. ERROR_INVALID_PARAMETER for unknown flags.
#[export]
pub extern "win64" fn SetConsoleMode(h: HANDLE, mode: CONSOLE_MODE) -> BOOL {
    match console::set_mode(h, mode) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetConsoleCP: the console input code page (65001, UTF-8, unless changed).
#[export]
pub extern "win64" fn GetConsoleCP() -> u32 {
    INPUT_CP.load(Ordering::Relaxed)
}

/// GetConsoleOutputCP: the console output code page (65001, UTF-8, unless changed).
#[export]
pub extern "win64" fn GetConsoleOutputCP() -> u32 {
    OUTPUT_CP.load(Ordering::Relaxed)
}

/// SetConsoleCP: change the console input code page; ERROR_INVALID_PARAMETER for a code page
/// that is not available.
#[export]
pub extern "win64" fn SetConsoleCP(cp: u32) -> BOOL {
    if !codepage::is_valid(cp) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    INPUT_CP.store(cp, Ordering::Relaxed);
    TRUE
}

/// SetConsoleOutputCP: change the console output code page (WriteConsoleA's encoding);
/// ERROR_INVALID_PARAMETER for a code page that is not available.
#[export]
pub extern "win64" fn SetConsoleOutputCP(cp: u32) -> BOOL {
    if !codepage::is_valid(cp) {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    OUTPUT_CP.store(cp, Ordering::Relaxed);
    TRUE
}

static CTRL_HANDLERS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// SetConsoleCtrlHandler: add or remove a HandlerRoutine for Ctrl+C and Ctrl+Break; with
/// NULL, make the process ignore (or stop ignoring) Ctrl+C, an attribute child processes
/// inherit. Removing a handler that is not registered fails with ERROR_INVALID_PARAMETER.
/// Events run the handlers on a new thread, most recently added first, until one returns TRUE
/// (`consolectrl`). Ctrl+C arrives as the host's SIGINT, Ctrl+Break as SIGQUIT (Ctrl+\); the
/// ignore flag is SIGINT ignored. Close, logoff and shutdown events are never sent.
#[export]
pub extern "win64" fn SetConsoleCtrlHandler(handler: PHANDLER_ROUTINE, add: BOOL) -> BOOL {
    let Some(f) = handler else {
        syscall_shims::ctrl::set_ctrl_c_ignored(add != 0);
        return TRUE;
    };
    let f = f as *const () as usize;
    let mut list = CTRL_HANDLERS.lock().unwrap_or_else(|e| e.into_inner());
    if add != 0 {
        list.push(f);
        drop(list);
        crate::consolectrl::start();
        return TRUE;
    }
    match list.iter().rposition(|&x| x == f) {
        Some(i) => {
            list.remove(i);
            TRUE
        }
        None => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// The registered control handlers, most recent first (the order Windows calls them in), and
/// whether Ctrl+C is ignored.
pub fn ctrl_handlers() -> (Vec<usize>, bool) {
    let list = CTRL_HANDLERS.lock().unwrap_or_else(|e| e.into_inner());
    (list.iter().rev().copied().collect(), syscall_shims::ctrl::ctrl_c_ignored())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use std::sync::Arc;
    use syscall_shims::file::FileObject;
    use syscall_shims::handles::{self, Object};
    use windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE;

    #[test]
    fn not_a_console() {
        teb::attach_current_thread();
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let w = handles::insert(Arc::new(Object::File(FileObject::owned(fds[1]))), false);
        let text: Vec<u16> = "hi".encode_utf16().collect();
        let mut n = 77;
        assert_eq!(unsafe { WriteConsoleW(w, text.as_ptr() as _, 2, &mut n, std::ptr::null_mut()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(unsafe { WriteConsoleA(w, b"hi".as_ptr() as _, 2, &mut n, std::ptr::null_mut()) }, FALSE);
        let mut mode = 0;
        assert_eq!(unsafe { GetConsoleMode(w, &mut mode) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(SetConsoleMode(w, 3), FALSE);
        handles::close(w).unwrap();
        unsafe { libc::close(fds[0]) };
    }

    #[test]
    fn write_console_to_a_terminal() {
        teb::attach_current_thread();
        let master = unsafe { libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY) };
        unsafe {
            libc::grantpt(master);
            libc::unlockpt(master);
        }
        let slave = unsafe { libc::open(libc::ptsname(master), libc::O_RDWR | libc::O_NOCTTY) };
        // Raw output so the bytes arrive as written.
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        unsafe {
            libc::tcgetattr(slave, &mut t);
            t.c_oflag &= !libc::OPOST;
            libc::tcsetattr(slave, libc::TCSANOW, &t);
        }
        let h = handles::insert(Arc::new(Object::File(FileObject::owned(slave))), false);
        let text: Vec<u16> = "é€😀".encode_utf16().collect();
        let mut n = 0;
        assert_eq!(
            unsafe { WriteConsoleW(h, text.as_ptr() as _, text.len() as u32, &mut n, std::ptr::null_mut()) },
            TRUE
        );
        assert_eq!(n as usize, text.len());
        let mut buf = [0u8; 32];
        let got = unsafe { libc::read(master, buf.as_mut_ptr() as _, 32) };
        assert_eq!(&buf[..got as usize], "é€😀".as_bytes());
        // WriteConsoleA in code page 1252.
        assert_eq!(SetConsoleOutputCP(1252), TRUE);
        assert_eq!(unsafe { WriteConsoleA(h, b"\x80".as_ptr() as _, 1, &mut n, std::ptr::null_mut()) }, TRUE);
        let got = unsafe { libc::read(master, buf.as_mut_ptr() as _, 32) };
        assert_eq!(&buf[..got as usize], "€".as_bytes());
        assert_eq!(SetConsoleOutputCP(65001), TRUE);
        assert_eq!(SetConsoleOutputCP(12345), FALSE);
        assert_eq!(GetConsoleOutputCP(), 65001);
        assert_eq!(GetConsoleCP(), 65001);
        let mut mode = 0;
        assert_eq!(unsafe { GetConsoleMode(h, &mut mode) }, TRUE);
        assert_eq!(mode, 3);
        handles::close(h).unwrap();
        unsafe { libc::close(master) };
    }

    unsafe extern "system" fn handler(_: u32) -> BOOL {
        TRUE
    }

    #[test]
    fn ctrl_handlers_are_stored() {
        teb::attach_current_thread();
        assert_eq!(SetConsoleCtrlHandler(Some(handler), TRUE), TRUE);
        assert_eq!(ctrl_handlers().0.first().copied(), Some(handler as *const () as usize));
        assert_eq!(SetConsoleCtrlHandler(Some(handler), FALSE), TRUE);
        assert_eq!(SetConsoleCtrlHandler(Some(handler), FALSE), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(SetConsoleCtrlHandler(None, TRUE), TRUE);
        assert!(ctrl_handlers().1);
        assert_eq!(SetConsoleCtrlHandler(None, FALSE), TRUE);
        assert!(!ctrl_handlers().1);
    }
}
