//! `_popen`, `_wpopen`, `_pclose`: a stream on a pipe to or from a command run by the command
//! interpreter (`%COMSPEC% /c command`, see `system`).
//!
//! The mode is `r` (read the command's standard output) or `w` (write its standard input),
//! optionally with `t` or `b` (text or binary; default `_fmode`). The child gets the pipe's
//! other end as that standard handle and our standard handles for the other two; the stream
//! is `_fdopen` of `_open_osfhandle` on our end. The command gets no fd table (no
//! lpReserved2), as in Wine 8: only its standard handles. `_pclose` closes the stream, waits
//! for the command and returns its exit code.

use super::system::{command_line, interpreter};
use super::{Fds, Start, create, wait_exit_code};
use crate::errno::{EBADF, EINVAL, ENOENT, set_errno, set_errno_from_win32};
use crate::stdio::lowio::{O_BINARY, O_RDONLY, O_TEXT, O_WRONLY, _open_osfhandle};
use crate::stdio::{File, Flavor};
use crate::{MSVCRT, UCRT};
use dllcore::export;
use std::sync::Mutex;
use syscall_shims::{handles, pipe};
use windows_sys::Win32::Foundation::{HANDLE, HANDLE_FLAG_INHERIT};

/// Open `_popen` streams and their processes: (FILE address, process handle).
static OPEN: Mutex<Vec<(usize, usize)>> = Mutex::new(Vec::new());

/// The mode: (reading, text). None for anything but one of r/w with an optional t or b.
pub fn parse_mode(mode: &str) -> Option<(bool, Option<bool>)> {
    let mut read = None;
    let mut text = None;
    for c in mode.chars() {
        match c {
            'r' | 'w' if read.is_none() => read = Some(c == 'r'),
            't' | 'b' if text.is_none() => text = Some(c == 't'),
            _ => return None,
        }
    }
    Some((read?, text))
}

fn popen_impl(command: Option<String>, mode: Option<String>, flavor: Flavor) -> *mut File {
    let null = std::ptr::null_mut();
    let (Some(command), Some(mode)) = (command, mode) else {
        crate::invalid::fail(EINVAL);
        return null;
    };
    let Some((read, text)) = parse_mode(&mode) else {
        crate::invalid::fail(EINVAL);
        return null;
    };
    let Some(interp) = interpreter() else {
        set_errno(ENOENT);
        return null;
    };
    let (r, w) = match pipe::create_anonymous(0, false) {
        Ok(p) => p,
        Err(e) => {
            set_errno_from_win32(e);
            return null;
        }
    };
    let (ours, theirs): (HANDLE, HANDLE) = if read { (r, w) } else { (w, r) };
    let _ = handles::set_flags(theirs, HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
    let std = [0, 1, 2].map(handles::std_handle);
    let std = if read { [std[0], theirs, std[2]] } else { [theirs, std[1], std[2]] };
    let line = command_line(&interp, &command);
    let start = Start { app: Some(&interp), command_line: &line, env: None, std: Some(std), detached: false, fds: Fds::None };
    let started = create(&start);
    let _ = handles::close(theirs);
    let Ok(process) = started else {
        let _ = handles::close(ours);
        return null;
    };
    // SAFETY: a plain read of the CRT's global.
    let text = text.unwrap_or(unsafe { crate::startup::_fmode } & O_BINARY == 0);
    let flags = (if text { O_TEXT } else { O_BINARY }) | if read { O_RDONLY } else { O_WRONLY };
    let fd = _open_osfhandle(ours as isize, flags);
    let f = if fd < 0 {
        null
    } else {
        let m: Vec<u16> = (if read { "r" } else { "w" }).encode_utf16().collect();
        crate::stdio::open::fdopen_impl(fd, Some(m), flavor)
    };
    if f.is_null() {
        let _ = handles::close(ours);
        let _ = handles::close(process);
        return null;
    }
    OPEN.lock().unwrap_or_else(|e| e.into_inner()).push((f as usize, process as usize));
    f
}

/// _popen (msvcrt.dll): run `command` with a pipe to its standard output (`"r"`) or input
/// (`"w"`); NULL and errno on failure (EINVAL for a bad mode, after the invalid-parameter
/// handler).
#[export(name = "_popen", only = MSVCRT)]
pub unsafe extern "win64" fn _popen_msvcrt(command: *const u8, mode: *const u8) -> *mut File {
    use super::spawn::CrtChar;
    // SAFETY: the program's strings.
    unsafe { popen_impl(u8::string(command), u8::string(mode), Flavor::Msvcrt) }
}

/// _popen (ucrtbase.dll): as msvcrt's.
#[export(name = "_popen", only = UCRT)]
pub unsafe extern "win64" fn _popen_ucrt(command: *const u8, mode: *const u8) -> *mut File {
    use super::spawn::CrtChar;
    // SAFETY: the program's strings.
    unsafe { popen_impl(u8::string(command), u8::string(mode), Flavor::Ucrt) }
}

/// _wpopen (msvcrt.dll): `_popen` with wide strings.
#[export(name = "_wpopen", only = MSVCRT)]
pub unsafe extern "win64" fn _wpopen_msvcrt(command: *const u16, mode: *const u16) -> *mut File {
    use super::spawn::CrtChar;
    // SAFETY: the program's strings.
    unsafe { popen_impl(u16::string(command), u16::string(mode), Flavor::Msvcrt) }
}

/// _wpopen (ucrtbase.dll).
#[export(name = "_wpopen", only = UCRT)]
pub unsafe extern "win64" fn _wpopen_ucrt(command: *const u16, mode: *const u16) -> *mut File {
    use super::spawn::CrtChar;
    // SAFETY: the program's strings.
    unsafe { popen_impl(u16::string(command), u16::string(mode), Flavor::Ucrt) }
}

/// _pclose: close a `_popen` stream, wait for its command and return the command's exit
/// code. -1 for a stream `_popen` did not open (EBADF) or NULL (EINVAL, after the
/// invalid-parameter handler).
#[export]
pub unsafe extern "win64" fn _pclose(f: *mut File) -> i32 {
    if f.is_null() {
        crate::invalid::fail(EINVAL);
        return -1;
    }
    let entry = {
        let mut open = OPEN.lock().unwrap_or_else(|e| e.into_inner());
        let i = open.iter().position(|&(s, _)| s == f as usize);
        i.map(|i| open.remove(i))
    };
    let Some((_, process)) = entry else {
        set_errno(EBADF);
        return -1;
    };
    // SAFETY: a stream `_popen` opened.
    unsafe { crate::stdio::open::fclose(f) };
    let h = process as HANDLE;
    let code = wait_exit_code(h).unwrap_or(0);
    let _ = handles::close(h);
    code as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes() {
        assert_eq!(parse_mode("r"), Some((true, None)));
        assert_eq!(parse_mode("wb"), Some((false, Some(false))));
        assert_eq!(parse_mode("rt"), Some((true, Some(true))));
        assert_eq!(parse_mode("rw"), None);
        assert_eq!(parse_mode("r+"), None);
        assert_eq!(parse_mode(""), None);
        assert_eq!(parse_mode("x"), None);
    }
}
