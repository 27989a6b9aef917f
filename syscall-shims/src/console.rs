//! The console: a file handle whose fd is a terminal. Like a Windows console, it has one input
//! mode (for handles reading the terminal) and one output mode (for handles writing it); input
//! mode flags that have a termios meaning (line input, echo, Ctrl+C processing) are applied to
//! the terminal, and [`restore`] puts the terminal back as it was at exit.
//!
//! In line-input mode, reads return lines ending in "\r\n", as a Windows console does.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, HANDLE};
use windows_sys::Win32::System::Console::*;

use crate::file;

/// Windows 10's defaults.
const DEFAULT_INPUT_MODE: u32 = ENABLE_PROCESSED_INPUT
    | ENABLE_LINE_INPUT
    | ENABLE_ECHO_INPUT
    | ENABLE_MOUSE_INPUT
    | ENABLE_INSERT_MODE
    | ENABLE_QUICK_EDIT_MODE
    | ENABLE_EXTENDED_FLAGS
    | ENABLE_AUTO_POSITION;
const DEFAULT_OUTPUT_MODE: u32 = ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT;
const VALID_INPUT_MODE: u32 = 0x3ff;
const VALID_OUTPUT_MODE: u32 = 0x1f;

static INPUT_MODE: AtomicU32 = AtomicU32::new(DEFAULT_INPUT_MODE);
static OUTPUT_MODE: AtomicU32 = AtomicU32::new(DEFAULT_OUTPUT_MODE);

/// The terminal settings found before we first changed them: (fd, termios).
static SAVED_TERMIOS: Mutex<Option<(i32, libc::termios)>> = Mutex::new(None);
/// A '\n' owed to the reader after a "\r" that filled its buffer.
static PENDING_LF: Mutex<bool> = Mutex::new(false);
/// Keys the user typed that were read from the terminal by someone else than a reader (the
/// cursor-position query in `screen`): the next reads of console input get them first.
static TYPED_AHEAD: Mutex<Vec<u8>> = Mutex::new(Vec::new());

/// Give back input read from the terminal by the cursor query, for the next console read.
pub(crate) fn unread(bytes: &[u8]) {
    if !bytes.is_empty() {
        TYPED_AHEAD.lock().unwrap_or_else(|e| e.into_inner()).extend_from_slice(bytes);
    }
}

/// Does the console echo typed lines (line input with echo, as the terminal then does)?
pub(crate) fn echoes() -> bool {
    let m = INPUT_MODE.load(Ordering::Relaxed);
    m & ENABLE_LINE_INPUT != 0 && m & ENABLE_ECHO_INPUT != 0
}

/// Is there input given back with [`unread`] (console input is then signaled)?
pub(crate) fn has_unread() -> bool {
    !TYPED_AHEAD.lock().unwrap_or_else(|e| e.into_inner()).is_empty()
}

/// Which side of the console a handle is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Input,
    Output,
}

/// Is the fd a terminal?
pub fn fd_is_tty(fd: i32) -> bool {
    // SAFETY: isatty has no memory preconditions.
    unsafe { libc::isatty(fd) == 1 }
}

/// The console side of a handle; Err(ERROR_INVALID_HANDLE) when it is not a console handle.
/// fd 0 and read-only fds are the input side, everything else the output side.
pub fn side(h: HANDLE) -> Result<(i32, Side), u32> {
    let fd = file::fd_of(h)?;
    if !fd_is_tty(fd) {
        return Err(ERROR_INVALID_HANDLE);
    }
    Ok((fd, if reads_input(fd) { Side::Input } else { Side::Output }))
}

/// fd 0 and read-only fds of a terminal are its input side.
fn reads_input(fd: i32) -> bool {
    // SAFETY: F_GETFL has no memory preconditions.
    fd == 0 || unsafe { libc::fcntl(fd, libc::F_GETFL) } & libc::O_ACCMODE == libc::O_RDONLY
}

/// Is the fd a console input handle's (a terminal's input side)?
pub fn is_input_fd(fd: i32) -> bool {
    fd_is_tty(fd) && reads_input(fd)
}

/// GetConsoleMode.
pub fn mode(h: HANDLE) -> Result<u32, u32> {
    Ok(match side(h)?.1 {
        Side::Input => INPUT_MODE.load(Ordering::Relaxed),
        Side::Output => OUTPUT_MODE.load(Ordering::Relaxed),
    })
}

/// SetConsoleMode. Unknown flags are ERROR_INVALID_PARAMETER, as on Windows.
pub fn set_mode(h: HANDLE, mode: u32) -> Result<(), u32> {
    let (fd, side) = side(h)?;
    match side {
        Side::Input => {
            if mode & !VALID_INPUT_MODE != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            apply_termios(fd, mode);
            INPUT_MODE.store(mode, Ordering::Relaxed);
        }
        Side::Output => {
            if mode & !VALID_OUTPUT_MODE != 0 {
                return Err(ERROR_INVALID_PARAMETER);
            }
            OUTPUT_MODE.store(mode, Ordering::Relaxed);
        }
    }
    Ok(())
}

fn apply_termios(fd: i32, mode: u32) {
    // SAFETY: termios calls on a terminal fd with valid pointers.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(fd, &mut t) != 0 {
            return;
        }
        {
            let mut saved = SAVED_TERMIOS.lock().unwrap_or_else(|e| e.into_inner());
            if saved.is_none() {
                *saved = Some((fd, t));
            }
        }
        let set = |t: &mut libc::termios, flag: libc::tcflag_t, on: bool| {
            if on { t.c_lflag |= flag } else { t.c_lflag &= !flag }
        };
        set(&mut t, libc::ICANON, mode & ENABLE_LINE_INPUT != 0);
        set(&mut t, libc::ECHO, mode & ENABLE_ECHO_INPUT != 0);
        set(&mut t, libc::ISIG, mode & ENABLE_PROCESSED_INPUT != 0);
        if mode & ENABLE_LINE_INPUT == 0 {
            t.c_cc[libc::VMIN] = 1;
            t.c_cc[libc::VTIME] = 0;
        }
        libc::tcsetattr(fd, libc::TCSANOW, &t);
    }
}

/// Put the terminal back as it was before the program changed the console mode.
pub fn restore() {
    let saved = SAVED_TERMIOS.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let Some((fd, t)) = saved {
        // SAFETY: restoring settings read from the same fd.
        unsafe { libc::tcsetattr(fd, libc::TCSANOW, &t) };
    }
}

/// Write text (already in the terminal's encoding, UTF-8) to a console handle.
pub fn write(h: HANDLE, bytes: &[u8]) -> Result<usize, u32> {
    let (fd, _) = side(h)?;
    file::write_fd(fd, bytes)
}

/// Read from a console handle as ReadFile does: in line-input mode a line's "\n" arrives as
/// "\r\n" (split across calls if the buffer ends between them).
pub fn read(h: HANDLE, buf: &mut [u8]) -> Result<usize, u32> {
    let (fd, _) = side(h)?;
    if buf.is_empty() {
        return Ok(0);
    }
    let line_mode = INPUT_MODE.load(Ordering::Relaxed) & ENABLE_LINE_INPUT != 0;
    let mut pending = PENDING_LF.lock().unwrap_or_else(|e| e.into_inner());
    if *pending {
        *pending = false;
        buf[0] = b'\n';
        return Ok(1);
    }
    let n = {
        let mut ahead = TYPED_AHEAD.lock().unwrap_or_else(|e| e.into_inner());
        if ahead.is_empty() {
            drop(ahead);
            file::read_fd(fd, buf)?
        } else {
            // In line mode, up to the end of a line; the rest stays for the next read.
            let end = if line_mode {
                ahead.iter().position(|&b| b == b'\n' || b == b'\r').map_or(ahead.len(), |i| i + 1)
            } else {
                ahead.len()
            };
            let k = end.min(buf.len());
            buf[..k].copy_from_slice(&ahead[..k]);
            ahead.drain(..k);
            if line_mode && k > 0 && buf[k - 1] == b'\r' {
                // A raw-mode Enter is a CR: the line discipline would have made it "\n".
                buf[k - 1] = b'\n';
            }
            if line_mode && k > 0 && buf[k - 1] != b'\n' && k < buf.len() {
                // The line goes on in the terminal's own buffer.
                k + file::read_fd(fd, &mut buf[k..])?
            } else {
                k
            }
        }
    };
    if !line_mode || n == 0 || buf[n - 1] != b'\n' {
        return Ok(n);
    }
    buf[n - 1] = b'\r';
    if n < buf.len() {
        buf[n] = b'\n';
        Ok(n + 1)
    } else {
        *pending = true;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::FileObject;
    use crate::handles::{self, Object};
    use std::sync::Arc;

    #[test]
    fn pipes_are_not_consoles() {
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let h = handles::insert(Arc::new(Object::File(FileObject::owned(fds[1]))), false);
        assert_eq!(mode(h), Err(ERROR_INVALID_HANDLE));
        assert_eq!(set_mode(h, 3), Err(ERROR_INVALID_HANDLE));
        assert_eq!(write(h, b"x"), Err(ERROR_INVALID_HANDLE));
        handles::close(h).unwrap();
        unsafe { libc::close(fds[0]) };
    }

    #[test]
    fn terminal_modes() {
        // A pseudo-terminal stands in for the user's terminal.
        let master = unsafe { libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY) };
        assert!(master >= 0);
        unsafe {
            assert_eq!(libc::grantpt(master), 0);
            assert_eq!(libc::unlockpt(master), 0);
        }
        let name = unsafe { std::ffi::CStr::from_ptr(libc::ptsname(master)) }.to_owned();
        let out_fd = unsafe { libc::open(name.as_ptr(), libc::O_WRONLY | libc::O_NOCTTY) };
        let in_fd = unsafe { libc::open(name.as_ptr(), libc::O_RDONLY | libc::O_NOCTTY) };
        assert!(out_fd >= 0 && in_fd >= 0);
        let out = handles::insert(Arc::new(Object::File(FileObject::owned(out_fd))), false);
        let inp = handles::insert(Arc::new(Object::File(FileObject::owned(in_fd))), false);
        assert_eq!(mode(out), Ok(DEFAULT_OUTPUT_MODE));
        assert_eq!(set_mode(out, 0x20), Err(ERROR_INVALID_PARAMETER));
        assert_eq!(set_mode(out, DEFAULT_OUTPUT_MODE | ENABLE_VIRTUAL_TERMINAL_PROCESSING), Ok(()));
        assert_eq!(mode(out), Ok(DEFAULT_OUTPUT_MODE | ENABLE_VIRTUAL_TERMINAL_PROCESSING));
        assert_eq!(mode(inp), Ok(DEFAULT_INPUT_MODE));
        assert_eq!(write(out, "héllo\n".as_bytes()), Ok(7));

        // Line input: "abc\n" typed on the terminal reads as "abc\r\n".
        assert_eq!(unsafe { libc::write(master, b"abc\n".as_ptr() as *const _, 4) }, 4);
        let mut buf = [0u8; 16];
        let n = read(inp, &mut buf).unwrap();
        assert_eq!(&buf[..n], b"abc\r\n");
        // A buffer ending at the '\r' gets the '\n' on the next read.
        assert_eq!(unsafe { libc::write(master, b"de\n".as_ptr() as *const _, 3) }, 3);
        let mut small = [0u8; 3];
        let n = read(inp, &mut small).unwrap();
        assert_eq!(&small[..n], b"de\r");
        let n = read(inp, &mut small).unwrap();
        assert_eq!(&small[..n], b"\n");

        // Echo off reaches the terminal settings.
        set_mode(inp, DEFAULT_INPUT_MODE & !ENABLE_ECHO_INPUT).unwrap();
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        unsafe { libc::tcgetattr(in_fd, &mut t) };
        assert_eq!(t.c_lflag & libc::ECHO, 0);
        restore();
        unsafe { libc::tcgetattr(in_fd, &mut t) };
        assert_ne!(t.c_lflag & libc::ECHO, 0);
        INPUT_MODE.store(DEFAULT_INPUT_MODE, Ordering::Relaxed);
        OUTPUT_MODE.store(DEFAULT_OUTPUT_MODE, Ordering::Relaxed);

        handles::close(out).unwrap();
        handles::close(inp).unwrap();
        unsafe { libc::close(master) };
    }
}
