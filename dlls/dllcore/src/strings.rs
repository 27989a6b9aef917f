//! NUL-terminated narrow and wide strings at the boundary.

use widestring::{U16CStr, U16String};

/// Length of a NUL-terminated byte string.
///
/// # Safety
/// `p` must be a valid NUL-terminated string.
pub unsafe fn cstr_len(p: *const u8) -> usize {
    unsafe { libc::strlen(p as *const libc::c_char) }
}

/// A NUL-terminated byte string as a slice (without the NUL); None for NULL.
///
/// # Safety
/// `p` must be NULL or a valid NUL-terminated string living as long as `'a`.
pub unsafe fn cstr<'a>(p: *const u8) -> Option<&'a [u8]> {
    if p.is_null() { None } else { Some(unsafe { std::slice::from_raw_parts(p, cstr_len(p)) }) }
}

/// A NUL-terminated UTF-16 string as a slice (without the NUL); None for NULL.
///
/// # Safety
/// `p` must be NULL or a valid NUL-terminated UTF-16 string living as long as `'a`.
pub unsafe fn wstr<'a>(p: *const u16) -> Option<&'a [u16]> {
    if p.is_null() { None } else { Some(unsafe { U16CStr::from_ptr_str(p) }.as_slice()) }
}

/// A NUL-terminated UTF-16 string converted to a Rust string (lossy); None for NULL.
///
/// # Safety
/// As [`wstr`].
pub unsafe fn wstr_to_string(p: *const u16) -> Option<String> {
    unsafe { wstr(p) }.map(String::from_utf16_lossy)
}

/// A NUL-terminated narrow string (ANSI code page: UTF-8 in wine-rs) as a Rust string, lossy.
///
/// # Safety
/// As [`cstr`].
pub unsafe fn cstr_to_string(p: *const u8) -> Option<String> {
    unsafe { cstr(p) }.map(|b| String::from_utf8_lossy(b).into_owned())
}

/// UTF-16 units of `s`, NUL-terminated.
pub fn to_wide_nul(s: &str) -> Vec<u16> {
    let mut v = U16String::from_str(s).into_vec();
    v.push(0);
    v
}
