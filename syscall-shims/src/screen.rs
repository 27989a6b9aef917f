//! The console screen buffer, as a terminal shows it: the buffer is the terminal's window
//! (its size from TIOCGWINSZ, no scroll-back), the cursor is the terminal's (asked with the
//! "device status report" sequence), and writing cells (WriteConsoleOutput) moves to them with
//! escape sequences and puts the cursor back. Character attributes become SGR colours.
//! Also here: control events sent to process groups (GenerateConsoleCtrlEvent).

use std::sync::Mutex;
use std::sync::atomic::{AtomicU16, Ordering};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, HANDLE};
use windows_sys::Win32::System::Console::CTRL_C_EVENT;

use crate::console::{self, Side};

/// The attributes text is written with: light grey on black, as a new Windows console.
pub const DEFAULT_ATTRIBUTES: u16 = 7;
static ATTRIBUTES: AtomicU16 = AtomicU16::new(DEFAULT_ATTRIBUTES);
/// Serialises cursor queries and cell writes (each is several writes to the terminal).
static TERMINAL: Mutex<()> = Mutex::new(());

/// What GetConsoleScreenBufferInfo reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BufferInfo {
    pub cols: i16,
    pub rows: i16,
    pub cursor: (i16, i16),
    pub attributes: u16,
}

/// The output fd of a console output handle; ERROR_INVALID_HANDLE for anything else (a file,
/// a pipe, the input side), as Windows reports it.
fn output_fd(h: HANDLE) -> Result<i32, u32> {
    match console::side(h)? {
        (fd, Side::Output) => Ok(fd),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// The terminal's size in cells (80×25 if it does not say).
fn window_size(fd: i32) -> (i16, i16) {
    // SAFETY: TIOCGWINSZ fills a winsize.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } == 0 && ws.ws_col > 0 && ws.ws_row > 0 {
        (ws.ws_col.min(i16::MAX as u16) as i16, ws.ws_row.min(i16::MAX as u16) as i16)
    } else {
        (80, 25)
    }
}

/// Ask the terminal where its cursor is (ESC [ 6 n, answered with ESC [ row ; col R on its
/// input), waiting at most 200 ms. The input is put in raw mode for the exchange. Not asked
/// while typed input waits unread (the answer would queue behind it); keys typed during the
/// exchange are given back to the console's readers (`console::unread`).
fn cursor_position(out_fd: i32) -> Option<(i16, i16)> {
    // The answer arrives on the terminal's input: stdin if it is this terminal.
    let in_fd = if console::fd_is_tty(0) { 0 } else { return None };
    if console::has_unread() || crate::waitable::console::input_ready(in_fd, std::time::Duration::ZERO) {
        return None;
    }
    // SAFETY: termios calls on a terminal fd with valid pointers; poll and read on our fds.
    unsafe {
        let mut saved: libc::termios = std::mem::zeroed();
        if libc::tcgetattr(in_fd, &mut saved) != 0 {
            return None;
        }
        let mut raw = saved;
        raw.c_lflag &= !(libc::ICANON | libc::ECHO);
        raw.c_cc[libc::VMIN] = 0;
        raw.c_cc[libc::VTIME] = 0;
        libc::tcsetattr(in_fd, libc::TCSANOW, &raw);
        let _ = crate::file::write_fd(out_fd, b"\x1b[6n");
        let mut reply = Vec::new();
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
        while !reply.ends_with(b"R") && reply.len() < 32 {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                break;
            }
            let mut p = libc::pollfd { fd: in_fd, events: libc::POLLIN, revents: 0 };
            if libc::poll(&mut p, 1, left.as_millis().max(1) as i32) <= 0 {
                break;
            }
            let mut b = [0u8; 1];
            if libc::read(in_fd, b.as_mut_ptr() as *mut _, 1) != 1 {
                break;
            }
            reply.push(b[0]);
        }
        libc::tcsetattr(in_fd, libc::TCSANOW, &saved);
        let (typed, pos) = split_reply(&reply);
        if console::echoes() {
            // The terminal did not echo them (echo was off for the exchange).
            let _ = crate::file::write_fd(out_fd, &typed);
        }
        console::unread(&typed);
        pos
    }
}

/// Split what the terminal's input gave during a cursor query into the keys typed meanwhile
/// and the answer (ESC [ row ; col R, as 0-based column and row).
fn split_reply(reply: &[u8]) -> (Vec<u8>, Option<(i16, i16)>) {
    let answer = reply.ends_with(b"R").then(|| {
        let start = reply.windows(2).rposition(|w| w == b"\x1b[")?;
        let body = std::str::from_utf8(&reply[start + 2..reply.len() - 1]).ok()?;
        let (row, col) = body.split_once(';')?;
        Some((start, (col.parse::<i16>().ok()? - 1, row.parse::<i16>().ok()? - 1)))
    });
    match answer.flatten() {
        Some((start, pos)) => (reply[..start].to_vec(), Some(pos)),
        None => (reply.to_vec(), None),
    }
}

/// GetConsoleScreenBufferInfo: the buffer (the terminal's window), the cursor and the
/// current attributes. The cursor is (0, last row) when the terminal does not answer.
pub fn info(h: HANDLE) -> Result<BufferInfo, u32> {
    let fd = output_fd(h)?;
    let (cols, rows) = window_size(fd);
    let _g = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
    let cursor = cursor_position(fd).unwrap_or((0, rows - 1));
    let cursor = (cursor.0.clamp(0, cols - 1), cursor.1.clamp(0, rows - 1));
    Ok(BufferInfo { cols, rows, cursor, attributes: ATTRIBUTES.load(Ordering::Relaxed) })
}

/// SetConsoleTextAttribute: the attributes later text is written with (also sent to the
/// terminal as SGR colours).
pub fn set_attributes(h: HANDLE, attrs: u16) -> Result<(), u32> {
    let fd = output_fd(h)?;
    ATTRIBUTES.store(attrs, Ordering::Relaxed);
    crate::file::write_fd(fd, sgr(attrs).as_bytes()).map(|_| ())
}

/// The SGR sequence for Windows character attributes (FOREGROUND_BLUE 1, GREEN 2, RED 4,
/// INTENSITY 8; the same four bits shifted by 4 for the background). Windows numbers colours
/// blue-green-red, ANSI red-green-blue.
pub fn sgr(attrs: u16) -> String {
    let ansi = |c: u16| ((c & 4) >> 2) | (c & 2) | ((c & 1) << 2);
    let fg = attrs & 0xf;
    let bg = (attrs >> 4) & 0xf;
    let f = if fg & 8 != 0 { 90 + ansi(fg) } else { 30 + ansi(fg) };
    let b = if bg & 8 != 0 { 100 + ansi(bg) } else { 40 + ansi(bg) };
    format!("\x1b[0;{f};{b}m")
}

/// One cell of a screen write: a character and its attributes.
#[derive(Debug, Clone, Copy)]
pub struct Cell {
    pub ch: char,
    pub attributes: u16,
}

/// WriteConsoleOutput: put `rows` of cells on the screen, the first at (`left`, `top`), clipped
/// to the window; the cursor does not move. Returns the rectangle written (left, top, right,
/// bottom), or None when it lies outside the window.
pub fn write_cells(h: HANDLE, left: i16, top: i16, rows: &[Vec<Cell>]) -> Result<Option<(i16, i16, i16, i16)>, u32> {
    let fd = output_fd(h)?;
    let (cols, nrows) = window_size(fd);
    if rows.is_empty() || left >= cols || top >= nrows || left < 0 || top < 0 {
        return Ok(None);
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).min((cols - left) as usize);
    let height = rows.len().min((nrows - top) as usize);
    if width == 0 {
        return Ok(None);
    }
    let mut out = String::from("\x1b7");
    for (i, row) in rows.iter().take(height).enumerate() {
        out.push_str(&format!("\x1b[{};{}H", top as usize + i + 1, left as usize + 1));
        let mut last = None;
        for c in row.iter().take(width) {
            if last != Some(c.attributes) {
                out.push_str(&sgr(c.attributes));
                last = Some(c.attributes);
            }
            out.push(if c.ch < ' ' { ' ' } else { c.ch });
        }
    }
    out.push_str(&sgr(ATTRIBUTES.load(Ordering::Relaxed)));
    out.push_str("\x1b8");
    let _g = TERMINAL.lock().unwrap_or_else(|e| e.into_inner());
    crate::file::write_fd(fd, out.as_bytes())?;
    Ok(Some((left, top, left + width as i16 - 1, top + height as i16 - 1)))
}

/// GenerateConsoleCtrlEvent: CTRL_C_EVENT or CTRL_BREAK_EVENT to the processes of console
/// process group `group` (0: every process of the console, i.e. our Unix process group; else
/// the group a process started with CREATE_NEW_PROCESS_GROUP leads, whose Unix process group
/// has its pid). CTRL_C_EVENT arrives as SIGINT, CTRL_BREAK_EVENT as SIGQUIT (see `ctrl`,
/// which turns them back into events). As on Windows, CTRL_C_EVENT to a specific group
/// succeeds without reaching it (Ctrl+C is disabled in new process groups).
/// ERROR_INVALID_PARAMETER for another event or a group that does not exist.
pub fn send_ctrl_event(event: u32, group: u32) -> Result<(), u32> {
    let Some(sig) = crate::ctrl::signal_of(event) else {
        return Err(ERROR_INVALID_PARAMETER);
    };
    if event == CTRL_C_EVENT && group != 0 {
        return Ok(());
    }
    let target = if group == 0 { 0 } else { -(group as i32) };
    if group > i32::MAX as u32 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    // SAFETY: kill has no memory preconditions.
    if unsafe { libc::kill(target, sig) } != 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_reply_and_typed_keys() {
        assert_eq!(split_reply(b"\x1b[12;40R"), (vec![], Some((39, 11))));
        assert_eq!(split_reply(b"ab\x1b[3;1R"), (b"ab".to_vec(), Some((0, 2))));
        // No answer (timeout): everything read was typed.
        assert_eq!(split_reply(b"xy"), (b"xy".to_vec(), None));
        // An arrow key (ESC [ A) typed before the answer is kept.
        assert_eq!(split_reply(b"\x1b[A\x1b[5;7R"), (b"\x1b[A".to_vec(), Some((6, 4))));
    }

    #[test]
    fn colours() {
        assert_eq!(sgr(7), "\x1b[0;37;40m");
        // FOREGROUND_RED | FOREGROUND_INTENSITY on BACKGROUND_BLUE.
        assert_eq!(sgr(4 | 8 | 0x10), "\x1b[0;91;44m");
    }

    #[test]
    fn ctrl_events() {
        assert_eq!(send_ctrl_event(7, 0), Err(ERROR_INVALID_PARAMETER));
        // Ctrl+C to a group: accepted, not delivered.
        assert_eq!(send_ctrl_event(CTRL_C_EVENT, 12345), Ok(()));
    }
}
