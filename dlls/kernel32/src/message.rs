//! FormatMessageW / FormatMessageA (winbase.h): format a message from a string or from the
//! system's message table, with inserts.
//!
//! - Sources: FORMAT_MESSAGE_FROM_STRING, or FORMAT_MESSAGE_FROM_SYSTEM with the common Win32
//!   error messages in Windows' English text ([`system_message`]); an HRESULT of the Win32
//!   facility (0x8007xxxx) finds the message of its code, as on current Windows. An unknown
//!   id fails with ERROR_MR_MID_NOT_FOUND; a language other than neutral or English with
//!   ERROR_RESOURCE_LANG_NOT_FOUND. FORMAT_MESSAGE_FROM_HMODULE: wine-rs does not read
//!   modules' message tables yet, so alone it fails with ERROR_RESOURCE_TYPE_NOT_FOUND (what a
//!   module without one gives), and with FROM_SYSTEM the system table answers.
//! - Inserts: %1..%99, each with an optional printf format between `!` (default `!s!`; `*`
//!   takes the width or precision from the next insert numbers); the arguments are a
//!   va_list or, with FORMAT_MESSAGE_ARGUMENT_ARRAY, an array of pointer-sized values (on
//!   x64 both are arrays of 8-byte slots). In the W function `%s` is a wide string and `%S`
//!   an ANSI one; the A function the reverse. Floating-point formats are not supported
//!   (nor on Windows). FORMAT_MESSAGE_IGNORE_INSERTS copies inserts unchanged.
//! - Escapes: %0 ends the message (no line end), %n is CR LF, %% %. %! %space %t %r give the
//!   character. A non-zero FORMAT_MESSAGE_MAX_WIDTH_MASK turns the text's own line breaks
//!   into spaces (wine-rs does not wrap at widths below 255).
//! - Output: the caller's buffer of `size` characters (which must hold the NUL:
//!   ERROR_INSUFFICIENT_BUFFER otherwise), or with FORMAT_MESSAGE_ALLOCATE_BUFFER a LocalAlloc
//!   buffer of at least `size` characters stored through the buffer argument. Returns the
//!   characters stored, without the NUL.

use crate::heapapi::LocalAlloc;
use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{
    ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_PARAMETER, ERROR_MR_MID_NOT_FOUND, ERROR_NOT_ENOUGH_MEMORY,
    ERROR_RESOURCE_LANG_NOT_FOUND, ERROR_RESOURCE_TYPE_NOT_FOUND,
};
use windows_sys::Win32::System::Diagnostics::Debug::{
    FORMAT_MESSAGE_ALLOCATE_BUFFER, FORMAT_MESSAGE_ARGUMENT_ARRAY, FORMAT_MESSAGE_FROM_HMODULE,
    FORMAT_MESSAGE_FROM_STRING, FORMAT_MESSAGE_FROM_SYSTEM, FORMAT_MESSAGE_IGNORE_INSERTS,
};
use windows_sys::core::{PCSTR, PCWSTR};

/// FORMAT_MESSAGE_MAX_WIDTH_MASK (winbase.h; windows-sys lacks it).
const FORMAT_MESSAGE_MAX_WIDTH_MASK: u32 = 0xff;

/// The system message table: the Win32 errors programs report most, in Windows' English.
pub fn system_message(id: u32) -> Option<&'static str> {
    Some(match id {
        0 => "The operation completed successfully.\r\n",
        1 => "Incorrect function.\r\n",
        2 => "The system cannot find the file specified.\r\n",
        3 => "The system cannot find the path specified.\r\n",
        4 => "The system cannot open the file.\r\n",
        5 => "Access is denied.\r\n",
        6 => "The handle is invalid.\r\n",
        8 => "Not enough memory resources are available to process this command.\r\n",
        12 => "The access code is invalid.\r\n",
        13 => "The data is invalid.\r\n",
        14 => "Not enough memory resources are available to complete this operation.\r\n",
        15 => "The system cannot find the drive specified.\r\n",
        16 => "The directory cannot be removed.\r\n",
        17 => "The system cannot move the file to a different disk drive.\r\n",
        18 => "There are no more files.\r\n",
        19 => "The media is write protected.\r\n",
        21 => "The device is not ready.\r\n",
        23 => "Data error (cyclic redundancy check).\r\n",
        25 => "The drive cannot locate a specific area or track on the disk.\r\n",
        29 => "The system cannot write to the specified device.\r\n",
        30 => "The system cannot read from the specified device.\r\n",
        31 => "A device attached to the system is not functioning.\r\n",
        32 => "The process cannot access the file because it is being used by another process.\r\n",
        33 => "The process cannot access the file because another process has locked a portion of the file.\r\n",
        38 => "Reached the end of the file.\r\n",
        39 => "The disk is full.\r\n",
        50 => "The request is not supported.\r\n",
        53 => "The network path was not found.\r\n",
        80 => "The file exists.\r\n",
        82 => "The directory or file cannot be created.\r\n",
        87 => "The parameter is incorrect.\r\n",
        109 => "The pipe has been ended.\r\n",
        111 => "The file name is too long.\r\n",
        112 => "There is not enough space on the disk.\r\n",
        120 => "This function is not supported on this system.\r\n",
        122 => "The data area passed to a system call is too small.\r\n",
        123 => "The filename, directory name, or volume label syntax is incorrect.\r\n",
        126 => "The specified module could not be found.\r\n",
        127 => "The specified procedure could not be found.\r\n",
        131 => "An attempt was made to move the file pointer before the beginning of the file.\r\n",
        145 => "The directory is not empty.\r\n",
        161 => "The specified path is invalid.\r\n",
        183 => "Cannot create a file when that file already exists.\r\n",
        193 => "%1 is not a valid Win32 application.\r\n",
        206 => "The filename or extension is too long.\r\n",
        232 => "The pipe is being closed.\r\n",
        234 => "More data is available.\r\n",
        259 => "No more data is available.\r\n",
        267 => "The directory name is invalid.\r\n",
        995 => "The I/O operation has been aborted because of either a thread exit or an application request.\r\n",
        998 => "Invalid access to memory location.\r\n",
        1113 => "No mapping for the Unicode character exists in the target multi-byte code page.\r\n",
        1300 => "Not all privileges or groups referenced are assigned to the caller.\r\n",
        1313 => "A specified privilege does not exist.\r\n",
        1314 => "A required privilege is not held by the client.\r\n",
        1450 => "Insufficient system resources exist to complete the requested service.\r\n",
        4390 => "The file or directory is not a reparse point.\r\n",
        _ => return None,
    })
}

/// Is `lang` one the system table has: neutral (0, or any neutral/default sublanguage of
/// LANG_NEUTRAL) or English (primary language 9)?
fn lang_ok(lang: u32) -> bool {
    let primary = lang & 0x3ff;
    primary == 0 || primary == 9
}

/// Where the arguments come from: 8-byte slots, %1 first.
struct Args {
    slots: *const u64,
}

impl Args {
    fn get(&self, n: usize) -> u64 {
        // SAFETY: the program passes as many arguments as its message's inserts use.
        unsafe { self.slots.add(n - 1).read_unaligned() }
    }
}

/// Format one insert value with a printf spec (flags, width, precision, length, conversion).
fn format_insert(spec: &[u16], args: &Args, n: &mut usize, wide_fn: bool, out: &mut Vec<u16>) {
    let spec = String::from_utf16_lossy(spec);
    let mut chars = spec.chars().peekable();
    let (mut left, mut zero, mut plus, mut space, mut alt) = (false, false, false, false, false);
    while let Some(&c) = chars.peek() {
        match c {
            '-' => left = true,
            '0' => zero = true,
            '+' => plus = true,
            ' ' => space = true,
            '#' => alt = true,
            _ => break,
        }
        chars.next();
    }
    let num = |chars: &mut std::iter::Peekable<std::str::Chars>, n: &mut usize| -> Option<usize> {
        if chars.peek() == Some(&'*') {
            chars.next();
            let v = args.get(*n) as i32;
            *n += 1;
            return Some(v.max(0) as usize);
        }
        let mut v = None;
        while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
            v = Some(v.unwrap_or(0) * 10 + d as usize);
            chars.next();
        }
        v
    };
    let width = num(&mut chars, n).unwrap_or(0);
    let prec = if chars.peek() == Some(&'.') {
        chars.next();
        Some(num(&mut chars, n).unwrap_or(0))
    } else {
        None
    };
    let rest: String = chars.collect();
    // Length modifiers: h, l, ll, I64, I32, I, w.
    let (size64, short, wide_override, conv) = {
        let r = rest.as_str();
        let (m, c) = r.split_at(r.len().saturating_sub(1));
        let size64 = matches!(m, "ll" | "I64" | "I" | "z" | "j" | "t");
        (size64, m == "h", match m { "l" | "w" => Some(true), "h" => Some(false), _ => None }, c.chars().next().unwrap_or('s'))
    };
    let v = args.get(*n);
    *n += 1;
    let mut body: Vec<u16> = Vec::new();
    let mut sign = String::new();
    let mut numeric = false;
    match conv {
        's' | 'S' => {
            let wide = wide_override.unwrap_or(if conv == 's' { wide_fn } else { !wide_fn });
            let p = v as usize;
            let mut s: Vec<u16> = if p == 0 {
                "(null)".encode_utf16().collect()
            } else if wide {
                // SAFETY: a NUL-terminated wide string from the program.
                unsafe { dllcore::strings::wstr(p as *const u16) }.map(<[u16]>::to_vec).unwrap_or_default()
            } else {
                // SAFETY: a NUL-terminated ANSI string from the program.
                syscall_shims::codepage::ansi_to_wide(unsafe { dllcore::strings::cstr(p as *const u8) }.unwrap_or(&[]))
            };
            if let Some(pr) = prec {
                s.truncate(pr);
            }
            body = s;
        }
        'c' | 'C' => {
            let wide = wide_override.unwrap_or(if conv == 'c' { wide_fn } else { !wide_fn });
            body = if wide { vec![v as u16] } else { syscall_shims::codepage::ansi_to_wide(&[v as u8]) };
        }
        'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'p' => {
            numeric = true;
            let signed = matches!(conv, 'd' | 'i');
            let raw: i128 = if conv == 'p' || size64 {
                if signed { v as i64 as i128 } else { v as i128 }
            } else if short {
                if signed { v as i16 as i128 } else { v as u16 as i128 }
            } else if signed {
                v as i32 as i128
            } else {
                v as u32 as i128
            };
            let mag = raw.unsigned_abs();
            let mut digits = match conv {
                'x' => format!("{mag:x}"),
                'X' => format!("{mag:X}"),
                'p' => format!("{mag:016X}"),
                'o' => format!("{mag:o}"),
                _ => mag.to_string(),
            };
            if let Some(pr) = prec {
                if pr == 0 && mag == 0 {
                    digits.clear();
                }
                while digits.len() < pr {
                    digits.insert(0, '0');
                }
            }
            if raw < 0 {
                sign.push('-');
            } else if signed && plus {
                sign.push('+');
            } else if signed && space {
                sign.push(' ');
            }
            if alt && mag != 0 {
                match conv {
                    'x' => sign.push_str("0x"),
                    'X' => sign.push_str("0X"),
                    'o' => digits.insert(0, '0'),
                    _ => {}
                }
            }
            body = digits.encode_utf16().collect();
        }
        _ => {}
    }
    let len = sign.len() + body.len();
    let pad = width.saturating_sub(len);
    let zero_pad = zero && !left && numeric && prec.is_none();
    if !left && !zero_pad {
        out.extend(std::iter::repeat_n(b' ' as u16, pad));
    }
    out.extend(sign.encode_utf16());
    if zero_pad {
        out.extend(std::iter::repeat_n(b'0' as u16, pad));
    }
    out.extend(body);
    if left {
        out.extend(std::iter::repeat_n(b' ' as u16, pad));
    }
}

/// Expand a message's escapes and inserts. `args` is None when there are none to give
/// (inserts then fail with ERROR_INVALID_PARAMETER unless ignored).
fn expand(msg: &[u16], flags: u32, args: Option<&Args>, wide_fn: bool) -> Result<Vec<u16>, u32> {
    let ignore = flags & FORMAT_MESSAGE_IGNORE_INSERTS != 0;
    let unwrap_lines = flags & FORMAT_MESSAGE_MAX_WIDTH_MASK != 0;
    let mut out = Vec::with_capacity(msg.len());
    let mut i = 0;
    let at = |i: usize| msg.get(i).copied().unwrap_or(0);
    while i < msg.len() && msg[i] != 0 {
        let c = msg[i];
        if c == b'%' as u16 {
            let d = at(i + 1);
            if (b'1' as u16..=b'9' as u16).contains(&d) {
                let start = i;
                let mut n = (d - b'0' as u16) as usize;
                i += 2;
                if (b'0' as u16..=b'9' as u16).contains(&at(i)) {
                    n = n * 10 + (at(i) - b'0' as u16) as usize;
                    i += 1;
                }
                let mut spec: Option<&[u16]> = None;
                if at(i) == b'!' as u16 {
                    let s = i + 1;
                    let Some(e) = msg[s..].iter().position(|&c| c == b'!' as u16 || c == 0) else {
                        return Err(ERROR_INVALID_PARAMETER);
                    };
                    if msg[s + e] == 0 {
                        return Err(ERROR_INVALID_PARAMETER);
                    }
                    spec = Some(&msg[s..s + e]);
                    i = s + e + 1;
                }
                if ignore {
                    out.extend_from_slice(&msg[start..i]);
                    continue;
                }
                let Some(a) = args else { return Err(ERROR_INVALID_PARAMETER) };
                let mut k = n;
                format_insert(spec.unwrap_or(&[b's' as u16]), a, &mut k, wide_fn, &mut out);
                continue;
            }
            i += 2;
            match d {
                0x30 => return Ok(out), // %0: end, no line break
                0x6e => out.extend_from_slice(&[13, 10]), // %n
                0x72 => out.push(13),                     // %r
                0x74 => out.push(9),                      // %t
                0 => break,                               // a lone % at the end
                other => out.push(other),                 // %% %. %! %space and the rest
            }
            continue;
        }
        if unwrap_lines && (c == 13 || c == 10) {
            // A CR LF (or lone CR/LF) of the text becomes one space.
            if c == 13 && at(i + 1) == 10 {
                i += 1;
            }
            out.push(b' ' as u16);
            i += 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Ok(out)
}

/// The message text for the flags and source, before expansion.
fn source_text(flags: u32, src: *const core::ffi::c_void, id: u32, lang: u32, wide_fn: bool) -> Result<Vec<u16>, u32> {
    if flags & FORMAT_MESSAGE_FROM_STRING != 0 {
        if src.is_null() {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: the program passes a NUL-terminated string of the function's kind.
        return Ok(unsafe {
            if wide_fn {
                dllcore::strings::wstr(src as *const u16).map(<[u16]>::to_vec).unwrap_or_default()
            } else {
                syscall_shims::codepage::ansi_to_wide(dllcore::strings::cstr(src as *const u8).unwrap_or(&[]))
            }
        });
    }
    if flags & (FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_FROM_HMODULE) == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    if flags & FORMAT_MESSAGE_FROM_SYSTEM == 0 {
        return Err(ERROR_RESOURCE_TYPE_NOT_FOUND);
    }
    if !lang_ok(lang) {
        return Err(ERROR_RESOURCE_LANG_NOT_FOUND);
    }
    let code = if id & 0xffff_0000 == 0x8007_0000 { id & 0xffff } else { id };
    system_message(code).map(|s| s.encode_utf16().collect()).ok_or(ERROR_MR_MID_NOT_FOUND)
}

/// The shared work of the A and W forms: the formatted message, UTF-16.
fn format(flags: u32, src: *const core::ffi::c_void, id: u32, lang: u32, args: *const core::ffi::c_void, wide_fn: bool) -> Result<Vec<u16>, u32> {
    let text = source_text(flags, src, id, lang, wide_fn)?;
    let args = if args.is_null() {
        None
    } else if flags & FORMAT_MESSAGE_ARGUMENT_ARRAY != 0 {
        Some(Args { slots: args as *const u64 })
    } else {
        // A pointer to the program's va_list, itself a pointer to the slots.
        // SAFETY: the program passes a va_list*.
        Some(Args { slots: unsafe { *(args as *const *const u64) } })
    };
    expand(&text, flags, args.as_ref(), wide_fn)
}

/// Store `units` (elements of `T`, NUL appended) in the caller's buffer or a LocalAlloc one.
fn store<T: Copy + Default>(flags: u32, buf: *mut T, size: u32, units: &[T]) -> u32 {
    if buf.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    let need = units.len() + 1;
    // SAFETY: with ALLOCATE_BUFFER `buf` is a T** to receive the buffer; else a buffer of
    // `size` elements.
    unsafe {
        let dst = if flags & FORMAT_MESSAGE_ALLOCATE_BUFFER != 0 {
            let n = need.max(size as usize);
            let p = LocalAlloc(0, n * std::mem::size_of::<T>()) as *mut T;
            if p.is_null() {
                return teb::fail(ERROR_NOT_ENOUGH_MEMORY, 0);
            }
            *(buf as *mut *mut T) = p;
            p
        } else {
            if (size as usize) < need {
                return teb::fail(ERROR_INSUFFICIENT_BUFFER, 0);
            }
            buf
        };
        std::ptr::copy_nonoverlapping(units.as_ptr(), dst, units.len());
        dst.add(units.len()).write(T::default());
    }
    units.len() as u32
}

/// FormatMessageW: format a message (see the module notes). Returns the characters stored
/// without the NUL, or 0 with the last error set.
#[export]
pub unsafe extern "win64" fn FormatMessageW(
    flags: u32,
    src: *const core::ffi::c_void,
    id: u32,
    lang: u32,
    buf: *mut u16,
    size: u32,
    args: *const core::ffi::c_void,
) -> u32 {
    match format(flags, src, id, lang, args, true) {
        Ok(w) => store(flags, buf, size, &w),
        Err(e) => teb::fail(e, 0),
    }
}

/// FormatMessageA: FormatMessageW with ANSI strings (source, `%s` inserts and result; the
/// sizes count bytes).
#[export]
pub unsafe extern "win64" fn FormatMessageA(
    flags: u32,
    src: PCSTR,
    id: u32,
    lang: u32,
    buf: *mut u8,
    size: u32,
    args: *const core::ffi::c_void,
) -> u32 {
    match format(flags, src as *const _, id, lang, args, false) {
        Ok(w) => store(flags, buf, size, &syscall_shims::codepage::wide_to_ansi(&w)),
        Err(e) => teb::fail(e, 0),
    }
}

#[allow(dead_code)]
fn _types(_: PCWSTR) {}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    #[test]
    fn inserts_and_escapes() {
        let name = w("file.txt");
        let slots: [u64; 4] = [name.as_ptr() as u64, 42, 5, 0xbeef];
        let a = Args { slots: slots.as_ptr() };
        let f = |m: &str, flags: u32| String::from_utf16(&expand(&w(m), flags, Some(&a), true).unwrap()).unwrap();
        assert_eq!(f("open %1 (%2!d!)%n", 0), "open file.txt (42)\r\n");
        assert_eq!(f("[%3!5d!][%4!-6x!][%4!#X!][%2!04u!]", 0), "[    5][beef  ][0XBEEF][0042]");
        assert_eq!(f("a%0b", 0), "a");
        assert_eq!(f("100%% %1", FORMAT_MESSAGE_IGNORE_INSERTS), "100% %1");
        assert_eq!(f("x\r\ny", 0xff), "x y");
        let mut buf = [0u16; 64];
        let n = unsafe { FormatMessageW(FORMAT_MESSAGE_FROM_SYSTEM, std::ptr::null(), 2, 0, buf.as_mut_ptr(), 64, std::ptr::null()) };
        assert_eq!(String::from_utf16(&buf[..n as usize]).unwrap(), "The system cannot find the file specified.\r\n");
    }
}
