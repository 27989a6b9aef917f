//! BSTR: a length-prefixed, NUL-terminated UTF-16 string. The pointer a program holds points
//! at the characters; the 32-bit byte length sits just before them, and a NUL character
//! follows them (not counted). Strings may hold embedded NULs and an odd number of bytes
//! (SysAllocStringByteLen).
//!
//! Each string is one host allocation: 4 bytes of padding (so the characters are 8-byte
//! aligned, as Windows gives them), the length, the characters and two NUL bytes. Windows
//! keeps a per-thread cache of freed strings; wine-rs frees at once.

use dllcore::export;
use windows_sys::Win32::Foundation::{FALSE, TRUE};
use windows_sys::core::{BOOL, BSTR, PCSTR, PCWSTR};

/// Bytes before the characters: padding and the length.
const HEADER: usize = 8;
/// The largest byte length a BSTR can have (the length field is 32-bit; Windows refuses
/// lengths whose allocation would overflow it).
const MAX_BYTES: usize = 0x7fff_fff0;

/// Allocate a BSTR of `bytes` bytes, copying from `src` when it is not null (else zeroed).
/// Null when the length is too large or memory runs out.
///
/// # Safety
/// `src`, when not null, is readable for `bytes` bytes.
pub unsafe fn alloc_bytes(src: *const u8, bytes: usize) -> BSTR {
    if bytes > MAX_BYTES {
        return std::ptr::null_mut();
    }
    // SAFETY: a plain allocation of HEADER + bytes + 2 bytes, filled before use.
    unsafe {
        let base = libc::malloc(HEADER + bytes + 2) as *mut u8;
        if base.is_null() {
            return std::ptr::null_mut();
        }
        (base as *mut u32).write(0);
        (base.add(4) as *mut u32).write(bytes as u32);
        let chars = base.add(HEADER);
        if src.is_null() {
            std::ptr::write_bytes(chars, 0, bytes);
        } else {
            std::ptr::copy(src, chars, bytes);
        }
        chars.add(bytes).write(0);
        chars.add(bytes + 1).write(0);
        chars as BSTR
    }
}

/// Free a BSTR made by [`alloc_bytes`] (null is ignored).
///
/// # Safety
/// `s` is null or a live BSTR from this module.
pub unsafe fn free(s: BSTR) {
    if !s.is_null() {
        // SAFETY: the allocation starts HEADER bytes before the characters.
        unsafe { libc::free((s as *mut u8).sub(HEADER) as *mut libc::c_void) };
    }
}

/// The byte length of a BSTR (0 for null).
///
/// # Safety
/// `s` is null or a live BSTR.
pub unsafe fn byte_len(s: BSTR) -> u32 {
    if s.is_null() {
        return 0;
    }
    // SAFETY: the length prefix is the 4 bytes before the characters.
    unsafe { ((s as *const u8).sub(4) as *const u32).read() }
}

fn wcslen(s: PCWSTR) -> usize {
    let mut n = 0;
    // SAFETY: the program passes a NUL-terminated string.
    while unsafe { *s.add(n) } != 0 {
        n += 1;
    }
    n
}

/// SysAllocString: a new BSTR holding a copy of the NUL-terminated `s`; null for null.
#[export(ordinal = 2)]
pub unsafe extern "win64" fn SysAllocString(s: PCWSTR) -> BSTR {
    if s.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: `s` is readable up to its NUL.
    unsafe { alloc_bytes(s as *const u8, wcslen(s) * 2) }
}

/// SysAllocStringLen: a new BSTR of `len` characters copied from `s` (which may hold NULs),
/// or zeroed when `s` is null (Windows leaves them uninitialised).
#[export(ordinal = 4)]
pub unsafe extern "win64" fn SysAllocStringLen(s: PCWSTR, len: u32) -> BSTR {
    let Some(bytes) = (len as usize).checked_mul(2) else { return std::ptr::null_mut() };
    // SAFETY: the program passes `len` readable characters, or null.
    unsafe { alloc_bytes(s as *const u8, bytes) }
}

/// SysAllocStringByteLen: a new BSTR of `len` bytes copied from the ANSI/binary `s` (no
/// conversion), or zeroed when `s` is null; followed by a NUL character.
#[export(ordinal = 150)]
pub unsafe extern "win64" fn SysAllocStringByteLen(s: PCSTR, len: u32) -> BSTR {
    // SAFETY: the program passes `len` readable bytes, or null.
    unsafe { alloc_bytes(s, len as usize) }
}

/// SysReAllocString: replace `*old` with a new copy of `s`. FALSE (nothing changed) when `old`
/// is null or memory runs out. `s` may point into `*old`.
#[export(ordinal = 3)]
pub unsafe extern "win64" fn SysReAllocString(old: *mut BSTR, s: PCWSTR) -> BOOL {
    if old.is_null() {
        return FALSE;
    }
    let len = if s.is_null() { 0 } else { wcslen(s) };
    // SAFETY: as SysReAllocStringLen with the string's own length.
    unsafe { SysReAllocStringLen(old, s, len as u32) }
}

/// SysReAllocStringLen: replace `*old` with `len` characters from `s`; when `s` is null, the
/// old characters are kept (as many as fit) and the rest zeroed. FALSE when `old` is null or
/// memory runs out, leaving `*old` as it was.
#[export(ordinal = 5)]
pub unsafe extern "win64" fn SysReAllocStringLen(old: *mut BSTR, s: PCWSTR, len: u32) -> BOOL {
    if old.is_null() {
        return FALSE;
    }
    let Some(bytes) = (len as usize).checked_mul(2) else { return FALSE };
    // SAFETY: `*old` is a live BSTR or null; `s` is readable for `len` characters or null.
    unsafe {
        let prev = *old;
        let new = if s.is_null() {
            let n = alloc_bytes(std::ptr::null(), bytes);
            if !n.is_null() && !prev.is_null() {
                let keep = (byte_len(prev) as usize).min(bytes);
                std::ptr::copy_nonoverlapping(prev as *const u8, n as *mut u8, keep);
            }
            n
        } else {
            alloc_bytes(s as *const u8, bytes)
        };
        if new.is_null() {
            return FALSE;
        }
        free(prev);
        *old = new;
    }
    TRUE
}

/// SysFreeString: free a BSTR; null is ignored.
#[export(ordinal = 6)]
pub unsafe extern "win64" fn SysFreeString(s: BSTR) {
    // SAFETY: the program passes a BSTR from these functions, or null.
    unsafe { free(s) }
}

/// SysStringLen: the length in characters (the byte length / 2), not counting the terminator;
/// 0 for null. Embedded NULs count.
#[export(ordinal = 7)]
pub unsafe extern "win64" fn SysStringLen(s: BSTR) -> u32 {
    // SAFETY: the program passes a BSTR or null.
    unsafe { byte_len(s) / 2 }
}

/// SysStringByteLen: the length in bytes; 0 for null.
#[export(ordinal = 149)]
pub unsafe extern "win64" fn SysStringByteLen(s: BSTR) -> u32 {
    // SAFETY: the program passes a BSTR or null.
    unsafe { byte_len(s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    #[test]
    fn lengths_and_terminator() {
        unsafe {
            let s = SysAllocString(w("hello").as_ptr());
            assert_eq!(SysStringLen(s), 5);
            assert_eq!(SysStringByteLen(s), 10);
            assert_eq!(*s.add(5), 0);
            assert_eq!(s as usize % 8, 0);
            let e = SysAllocStringLen(w("a\0b").as_ptr(), 3);
            assert_eq!(SysStringLen(e), 3);
            let b = SysAllocStringByteLen(b"abc".as_ptr(), 3);
            assert_eq!((SysStringLen(b), SysStringByteLen(b)), (1, 3));
            let mut r = s;
            assert_eq!(SysReAllocString(&mut r, w("longer text").as_ptr()), TRUE);
            assert_eq!(SysStringLen(r), 11);
            assert_eq!(SysReAllocStringLen(&mut r, std::ptr::null(), 3), TRUE);
            assert_eq!(std::slice::from_raw_parts(r, 4), &w("lon")[..]);
            assert_eq!(SysStringLen(std::ptr::null_mut()), 0);
            assert!(SysAllocString(std::ptr::null()).is_null());
            SysFreeString(r);
            SysFreeString(e);
            SysFreeString(b);
            SysFreeString(std::ptr::null_mut());
        }
    }
}
