//! consoleapi.h: reading text from the console (ReadConsoleW/A) and sending control events
//! (GenerateConsoleCtrlEvent). The terminal delivers UTF-8; ReadConsoleW decodes it, keeping
//! a sequence split between two reads for the next one.

use dllcore::{export, teb};
use std::sync::Mutex;
use syscall_shims::console::{self, Side};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_NOACCESS, FALSE, HANDLE, TRUE};
use windows_sys::core::BOOL;

/// The bytes of a UTF-8 sequence that the last read cut in two.
static CARRY: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// The length of the incomplete UTF-8 sequence at the end of `b` (0 if it ends complete).
fn incomplete_tail(b: &[u8]) -> usize {
    for back in 1..=b.len().min(3) {
        let c = b[b.len() - back];
        if c & 0xc0 == 0x80 {
            continue;
        }
        let need = match c {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        return if need > back { back } else { 0 };
    }
    0
}

/// Read console input as UTF-16: at most `max` units (a line in line-input mode, "\r\n"
/// ending it). ERROR_INVALID_HANDLE for a handle that is not console input.
fn read_units(h: HANDLE, max: usize) -> Result<Vec<u16>, u32> {
    if console::side(h)?.1 != Side::Input {
        return Err(ERROR_INVALID_HANDLE);
    }
    if max == 0 {
        return Ok(Vec::new());
    }
    let mut carry = CARRY.lock().unwrap_or_else(|e| e.into_inner());
    // UTF-8 never takes fewer bytes than UTF-16 units: `max` bytes decode to at most `max` units.
    let mut bytes = std::mem::take(&mut *carry);
    loop {
        let mut buf = vec![0u8; max.saturating_sub(bytes.len()).max(1)];
        let n = console::read(h, &mut buf)?;
        bytes.extend_from_slice(&buf[..n]);
        let tail = incomplete_tail(&bytes);
        if n == 0 || tail < bytes.len() {
            *carry = bytes.split_off(bytes.len() - tail);
            break;
        }
    }
    let mut units: Vec<u16> = String::from_utf8_lossy(&bytes).encode_utf16().collect();
    units.truncate(max);
    Ok(units)
}

/// ReadConsoleW: read up to `chars` characters from a console input handle into `buf`;
/// `*read` receives the count. In line-input mode (the default) a read returns a whole line
/// ending in "\r\n" (or as much of it as fits, the rest coming with the next read).
/// ERROR_INVALID_HANDLE for a handle that is not console input (a file or pipe).
/// The CONSOLE_READCONSOLE_CONTROL argument (wake-up characters) is ignored.
#[export]
pub unsafe extern "win64" fn ReadConsoleW(
    h: HANDLE,
    buf: *mut core::ffi::c_void,
    chars: u32,
    read: *mut u32,
    _control: *const core::ffi::c_void,
) -> BOOL {
    if buf.is_null() && chars != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    match read_units(h, chars as usize) {
        Ok(units) => {
            // SAFETY: the program passes room for `chars` UTF-16 units and a DWORD.
            unsafe {
                std::ptr::copy_nonoverlapping(units.as_ptr(), buf as *mut u16, units.len());
                if !read.is_null() {
                    *read = units.len() as u32;
                }
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// ReadConsoleA: ReadConsoleW with text in the console input code page.
/// The text arrives as the terminal sends it (UTF-8, the default input code page); a
/// character that does not fit whole in `chars` bytes is cut.
#[export]
pub unsafe extern "win64" fn ReadConsoleA(
    h: HANDLE,
    buf: *mut core::ffi::c_void,
    chars: u32,
    read: *mut u32,
    _control: *const core::ffi::c_void,
) -> BOOL {
    if buf.is_null() && chars != 0 {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    if let Err(e) = console::side(h).and_then(|(_, s)| if s == Side::Input { Ok(()) } else { Err(ERROR_INVALID_HANDLE) }) {
        return teb::fail(e, FALSE);
    }
    // SAFETY: the program passes room for `chars` bytes.
    let data = unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, chars as usize) };
    match console::read(h, data) {
        Ok(n) => {
            if !read.is_null() {
                // SAFETY: the program passes a DWORD.
                unsafe { *read = n as u32 };
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GenerateConsoleCtrlEvent: send CTRL_C_EVENT or CTRL_BREAK_EVENT to the processes of a
/// console process group (0: all processes of the console, this one included; else the group
/// a process created with CREATE_NEW_PROCESS_GROUP leads, named by its process id). CTRL_C to
/// a specific group succeeds without reaching it, as on Windows. ERROR_INVALID_PARAMETER for
/// another event or an unknown group.
/// CTRL_C_EVENT arrives as SIGINT, CTRL_BREAK_EVENT as SIGQUIT; wine-rs processes run their
/// handlers for them (see SetConsoleCtrlHandler), other programs see the plain signals.
#[export]
pub extern "win64" fn GenerateConsoleCtrlEvent(event: u32, group: u32) -> BOOL {
    match syscall_shims::screen::send_ctrl_event(event, group) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_tails() {
        assert_eq!(incomplete_tail(b"abc"), 0);
        assert_eq!(incomplete_tail("é".as_bytes()), 0);
        assert_eq!(incomplete_tail(&"é".as_bytes()[..1]), 1);
        assert_eq!(incomplete_tail(&"€".as_bytes()[..2]), 2);
        assert_eq!(incomplete_tail(&"😀".as_bytes()[..3]), 3);
    }
}
