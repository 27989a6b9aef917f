//! winuser.h character functions: CharUpper/CharLower (a string in place, or one character
//! passed in the pointer's low word), their Buff forms, and CharNext/CharPrev stepping through
//! strings.
//!
//! Case mapping is Unicode's simple one-to-one mapping of UTF-16 units (what Windows' default
//! casing table holds; it never changes a string's length). The ANSI functions work in the
//! ANSI code page, UTF-8 in wine-rs: a character is changed only when its mapping has the same
//! UTF-8 length, so strings are converted in place as on Windows. None of wine-rs's code pages
//! has DBCS lead bytes, so CharNextA steps one byte (as Windows does with the UTF-8 ACP).

use dllcore::export;
use windows_sys::core::{PCSTR, PCWSTR, PSTR, PWSTR};

/// Map one UTF-16 unit with a one-to-one mapping (unchanged when there is none).
fn map_unit(c: u16, upper: bool) -> u16 {
    if c < 0x80 {
        let b = c as u8;
        return if upper { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() } as u16;
    }
    let Some(ch) = char::from_u32(c as u32) else { return c };
    let mapped: Vec<char> = if upper { ch.to_uppercase().collect() } else { ch.to_lowercase().collect() };
    match mapped[..] {
        [m] if (m as u32) < 0x10000 => m as u32 as u16,
        _ => c,
    }
}

/// Map a char with a one-to-one mapping that keeps its UTF-8 length.
fn map_char(ch: char, upper: bool) -> char {
    let m: Vec<char> = if upper { ch.to_uppercase().collect() } else { ch.to_lowercase().collect() };
    match m[..] {
        [m] if m.len_utf8() == ch.len_utf8() => m,
        _ => ch,
    }
}

/// Map `len` UTF-16 units in place.
///
/// # Safety
/// `p` is writable for `len` units.
unsafe fn map_wide(p: PWSTR, len: usize, upper: bool) {
    for i in 0..len {
        // SAFETY: within the caller's buffer.
        unsafe { *p.add(i) = map_unit(*p.add(i), upper) };
    }
}

/// Map `len` bytes of UTF-8 in place; invalid sequences are left alone byte by byte.
///
/// # Safety
/// `p` is writable for `len` bytes.
unsafe fn map_ansi(p: PSTR, len: usize, upper: bool) {
    // SAFETY: within the caller's buffer.
    let buf = unsafe { std::slice::from_raw_parts_mut(p, len) };
    let mut i = 0;
    while i < len {
        let b = buf[i];
        if b < 0x80 {
            buf[i] = if upper { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() };
            i += 1;
            continue;
        }
        let n = match b {
            0xc0..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf7 => 4,
            _ => 1,
        };
        if let Some(ch) = buf.get(i..i + n).and_then(|s| std::str::from_utf8(s).ok()).and_then(|s| s.chars().next())
        {
            let m = map_char(ch, upper);
            m.encode_utf8(&mut buf[i..i + n]);
            i += n;
        } else {
            i += 1;
        }
    }
}

fn wlen(p: PCWSTR) -> usize {
    let mut n = 0;
    // SAFETY: the program passes a NUL-terminated string.
    while unsafe { *p.add(n) } != 0 {
        n += 1;
    }
    n
}

fn alen(p: PCSTR) -> usize {
    // SAFETY: the program passes a NUL-terminated string.
    unsafe { libc::strlen(p as *const libc::c_char) }
}

/// Is this "pointer" really one character in its low word (high bits zero)?
fn is_char(p: usize) -> bool {
    p >> 16 == 0
}

/// CharUpperW: upper-case a NUL-terminated string in place and return it; or, when the
/// pointer's high bits are zero, return the upper-case form of the character in its low word.
#[export]
pub unsafe extern "win64" fn CharUpperW(s: PWSTR) -> PWSTR {
    if is_char(s as usize) {
        return map_unit(s as usize as u16, true) as usize as PWSTR;
    }
    // SAFETY: a NUL-terminated, writable string.
    unsafe { map_wide(s, wlen(s), true) };
    s
}

/// CharLowerW: as CharUpperW, to lower case.
#[export]
pub unsafe extern "win64" fn CharLowerW(s: PWSTR) -> PWSTR {
    if is_char(s as usize) {
        return map_unit(s as usize as u16, false) as usize as PWSTR;
    }
    // SAFETY: a NUL-terminated, writable string.
    unsafe { map_wide(s, wlen(s), false) };
    s
}

/// CharUpperA: as CharUpperW in the ANSI code page (a single character is a byte in the low
/// word; a non-ASCII byte alone is not a UTF-8 character and is returned unchanged).
#[export]
pub unsafe extern "win64" fn CharUpperA(s: PSTR) -> PSTR {
    if is_char(s as usize) {
        let b = s as usize as u8;
        return b.to_ascii_uppercase() as usize as PSTR;
    }
    // SAFETY: a NUL-terminated, writable string.
    unsafe { map_ansi(s, alen(s), true) };
    s
}

/// CharLowerA: as CharUpperA, to lower case.
#[export]
pub unsafe extern "win64" fn CharLowerA(s: PSTR) -> PSTR {
    if is_char(s as usize) {
        let b = s as usize as u8;
        return b.to_ascii_lowercase() as usize as PSTR;
    }
    // SAFETY: a NUL-terminated, writable string.
    unsafe { map_ansi(s, alen(s), false) };
    s
}

/// CharUpperBuffW: upper-case `len` characters in place (NULs included); returns `len`
/// (0 for a null buffer).
#[export]
pub unsafe extern "win64" fn CharUpperBuffW(s: PWSTR, len: u32) -> u32 {
    if s.is_null() {
        return 0;
    }
    // SAFETY: the program passes `len` writable characters.
    unsafe { map_wide(s, len as usize, true) };
    len
}

/// CharLowerBuffW: as CharUpperBuffW, to lower case.
#[export]
pub unsafe extern "win64" fn CharLowerBuffW(s: PWSTR, len: u32) -> u32 {
    if s.is_null() {
        return 0;
    }
    // SAFETY: the program passes `len` writable characters.
    unsafe { map_wide(s, len as usize, false) };
    len
}

/// CharUpperBuffA: upper-case `len` bytes in place; returns `len`.
#[export]
pub unsafe extern "win64" fn CharUpperBuffA(s: PSTR, len: u32) -> u32 {
    if s.is_null() {
        return 0;
    }
    // SAFETY: the program passes `len` writable bytes.
    unsafe { map_ansi(s, len as usize, true) };
    len
}

/// CharLowerBuffA: lower-case `len` bytes in place; returns `len`.
#[export]
pub unsafe extern "win64" fn CharLowerBuffA(s: PSTR, len: u32) -> u32 {
    if s.is_null() {
        return 0;
    }
    // SAFETY: the program passes `len` writable bytes.
    unsafe { map_ansi(s, len as usize, false) };
    len
}

/// CharNextW: the next character (stays on the terminating NUL).
#[export]
pub unsafe extern "win64" fn CharNextW(s: PCWSTR) -> PWSTR {
    // SAFETY: the program passes a string.
    if unsafe { *s } != 0 { s.wrapping_add(1) as PWSTR } else { s as PWSTR }
}

/// CharPrevW: the character before `cur`, or `start` when `cur` is at (or before) it.
#[export]
pub unsafe extern "win64" fn CharPrevW(start: PCWSTR, cur: PCWSTR) -> PWSTR {
    if cur > start { cur.wrapping_sub(1) as PWSTR } else { start as PWSTR }
}

fn next_in(cp: u32, s: PCSTR) -> PCSTR {
    // SAFETY: the program passes a string.
    let b = unsafe { *s };
    if b == 0 {
        return s;
    }
    // SAFETY: a lead byte is followed by its trail byte unless the string ends.
    if syscall_shims::codepage::is_lead_byte(cp, b).unwrap_or(false) && unsafe { *s.add(1) } != 0 {
        return s.wrapping_add(2);
    }
    s.wrapping_add(1)
}

fn prev_in(cp: u32, start: PCSTR, cur: PCSTR) -> PCSTR {
    let mut p = start;
    while p < cur {
        let n = next_in(cp, p);
        if n >= cur || n == p {
            break;
        }
        p = n;
    }
    p
}

/// CharNextA: the next character in the ANSI code page (a lead byte and its trail byte are
/// one character); stays on the terminating NUL.
#[export]
pub unsafe extern "win64" fn CharNextA(s: PCSTR) -> PSTR {
    next_in(0, s) as PSTR
}

/// CharNextExA: as CharNextA in code page `cp`.
#[export]
pub unsafe extern "win64" fn CharNextExA(cp: u16, s: PCSTR, _flags: u32) -> PSTR {
    next_in(cp as u32, s) as PSTR
}

/// CharPrevA: the start of the character before `cur`, walking from `start` (the only safe
/// way in a DBCS string); `start` when `cur` is at or before it.
#[export]
pub unsafe extern "win64" fn CharPrevA(start: PCSTR, cur: PCSTR) -> PSTR {
    prev_in(0, start, cur) as PSTR
}

/// CharPrevExA: as CharPrevA in code page `cp`.
#[export]
pub unsafe extern "win64" fn CharPrevExA(cp: u16, start: PCSTR, cur: PCSTR, _flags: u32) -> PSTR {
    prev_in(cp as u32, start, cur) as PSTR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upper_lower_both_forms() {
        let mut s: Vec<u16> = "abc-é-ß".encode_utf16().chain([0]).collect();
        unsafe {
            assert_eq!(CharUpperW(s.as_mut_ptr()), s.as_mut_ptr());
            assert_eq!(String::from_utf16_lossy(&s[..7]), "ABC-É-ß");
            assert_eq!(CharUpperW(b'q' as usize as PWSTR) as usize, b'Q' as usize);
            assert_eq!(CharLowerW(0xc9 as PWSTR) as usize, 0xe9);
            let mut a = *b"x\xc3\xa9y\0";
            CharUpperA(a.as_mut_ptr());
            assert_eq!(&a, b"X\xc3\x89Y\0");
            let t = b"abc\0";
            let p = t.as_ptr();
            assert_eq!(CharPrevExA(0, p, p.add(2), 0), p.add(1) as PSTR);
            assert_eq!(CharPrevExA(0, p, p, 0), p as PSTR);
            assert_eq!(CharNextA(p.add(3)), p.add(3) as PSTR);
        }
    }
}
