//! wincon.h: the console screen buffer — its size, cursor and attributes
//! (GetConsoleScreenBufferInfo, SetConsoleTextAttribute) and writing cells to it
//! (WriteConsoleOutputA/W). The buffer is the terminal's window (`syscall_shims::screen`).

use dllcore::{export, teb};
use syscall_shims::codepage;
use syscall_shims::screen::{self, Cell};
use windows_sys::Win32::Foundation::{ERROR_NOACCESS, FALSE, HANDLE, TRUE};
use windows_sys::Win32::System::Console::{CHAR_INFO, CONSOLE_SCREEN_BUFFER_INFO, COORD, SMALL_RECT};
use windows_sys::core::BOOL;

/// GetConsoleScreenBufferInfo: the screen buffer's size, the cursor position, the current
/// text attributes, the window and its largest size. ERROR_INVALID_HANDLE for a handle that
/// is not a console output handle (a file or a pipe: how programs tell a console apart).
/// The buffer is the terminal's window: no scroll-back rows.
#[export]
pub unsafe extern "win64" fn GetConsoleScreenBufferInfo(h: HANDLE, out: *mut CONSOLE_SCREEN_BUFFER_INFO) -> BOOL {
    let i = match screen::info(h) {
        Ok(i) => i,
        Err(e) => return teb::fail(e, FALSE),
    };
    if out.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    let size = COORD { X: i.cols, Y: i.rows };
    let info = CONSOLE_SCREEN_BUFFER_INFO {
        dwSize: size,
        dwCursorPosition: COORD { X: i.cursor.0, Y: i.cursor.1 },
        wAttributes: i.attributes,
        srWindow: SMALL_RECT { Left: 0, Top: 0, Right: i.cols - 1, Bottom: i.rows - 1 },
        dwMaximumWindowSize: size,
    };
    // SAFETY: the program passes a CONSOLE_SCREEN_BUFFER_INFO to fill.
    unsafe { out.write_unaligned(info) };
    TRUE
}

/// SetConsoleTextAttribute: the colours later text is written with.
/// ERROR_INVALID_HANDLE for a handle that is not a console output handle.
#[export]
pub extern "win64" fn SetConsoleTextAttribute(h: HANDLE, attrs: u16) -> BOOL {
    match screen::set_attributes(h, attrs) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// The cells of `buf` (a `size.X` × `size.Y` array) from `from` to the size of `region`,
/// each character decoded by `ch`.
///
/// # Safety
/// `buf` must hold `size.X * size.Y` CHAR_INFOs.
unsafe fn source_rows(
    buf: *const CHAR_INFO,
    size: COORD,
    from: COORD,
    region: &SMALL_RECT,
    ch: impl Fn(&CHAR_INFO) -> char,
) -> Vec<Vec<Cell>> {
    let width = (region.Right as i32 - region.Left as i32 + 1).min(size.X as i32 - from.X as i32);
    let height = (region.Bottom as i32 - region.Top as i32 + 1).min(size.Y as i32 - from.Y as i32);
    if width <= 0 || height <= 0 || from.X < 0 || from.Y < 0 {
        return Vec::new();
    }
    (0..height)
        .map(|r| {
            (0..width)
                .map(|c| {
                    let idx = (from.Y as i32 + r) as usize * size.X as usize + (from.X as i32 + c) as usize;
                    // SAFETY: inside the size.X × size.Y array (per the contract).
                    let ci = unsafe { &*buf.add(idx) };
                    Cell { ch: ch(ci), attributes: ci.Attributes }
                })
                .collect()
        })
        .collect()
}

/// A COORD passed by value (in a register: X in the low 16 bits, Y in the high ones).
fn coord(v: u32) -> COORD {
    COORD { X: v as u16 as i16, Y: (v >> 16) as u16 as i16 }
}

fn write_output(h: HANDLE, buf: *const CHAR_INFO, size: COORD, from: COORD, region: *mut SMALL_RECT, wide: bool) -> BOOL {
    if buf.is_null() || region.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a SMALL_RECT.
    let r = unsafe { *region };
    let ch = |ci: &CHAR_INFO| {
        // SAFETY: CHAR_INFO's character is a union of a UTF-16 unit and a byte.
        if wide {
            char::from_u32(unsafe { ci.Char.UnicodeChar } as u32).unwrap_or('\u{fffd}')
        } else {
            let b = unsafe { ci.Char.AsciiChar } as u8;
            let mut w = [0u16; 2];
            let n = codepage::multi_byte_to_wide(crate::consoleapi::GetConsoleOutputCP(), 0, &[b], Some(&mut w)).unwrap_or(0);
            if n == 1 { char::from_u32(w[0] as u32).unwrap_or('?') } else { '?' }
        }
    };
    // SAFETY: the program passes a size.X × size.Y array.
    let rows = unsafe { source_rows(buf, size, from, &r, ch) };
    match screen::write_cells(h, r.Left, r.Top, &rows) {
        Ok(Some((left, top, right, bottom))) => {
            // SAFETY: as above.
            unsafe { *region = SMALL_RECT { Left: left, Top: top, Right: right, Bottom: bottom } };
            TRUE
        }
        Ok(None) => {
            // Nothing inside the buffer: Windows reports an empty rectangle.
            // SAFETY: as above.
            unsafe { (*region).Right = r.Left - 1 };
            unsafe { (*region).Bottom = r.Top - 1 };
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// WriteConsoleOutputW: copy a rectangle of character cells (UTF-16 characters and their
/// attributes) from `buf` (`size.X` × `size.Y` cells, starting at `from`) into the screen
/// buffer at `*region`, without moving the cursor; `*region` receives the rectangle actually
/// written (clipped to the buffer). ERROR_INVALID_HANDLE for a handle that is not a console.
#[export]
pub unsafe extern "win64" fn WriteConsoleOutputW(
    h: HANDLE,
    buf: *const CHAR_INFO,
    size: u32,
    from: u32,
    region: *mut SMALL_RECT,
) -> BOOL {
    write_output(h, buf, coord(size), coord(from), region, true)
}

/// WriteConsoleOutputA: WriteConsoleOutputW with characters in the console output code page.
/// A character that is the lead byte of a multi-byte sequence shows as '?'.
#[export]
pub unsafe extern "win64" fn WriteConsoleOutputA(
    h: HANDLE,
    buf: *const CHAR_INFO,
    size: u32,
    from: u32,
    region: *mut SMALL_RECT,
) -> BOOL {
    write_output(h, buf, coord(size), coord(from), region, false)
}
