//! National language support: locales, locale information, string comparison and mapping,
//! character types (winnls.h, stringapiset.h).
//!
//! wine-rs has one locale, English (United States): LCID 0x0409, "en-US". The user, system
//! and thread locales are en-US; LOCALE_USER_DEFAULT, LOCALE_SYSTEM_DEFAULT, LOCALE_NEUTRAL,
//! LOCALE_CUSTOM_DEFAULT and the invariant locale (LOCALE_INVARIANT, "") answer as en-US does
//! (the invariant locale has its own names). Other locales are not valid (IsValidLocale FALSE,
//! ERROR_INVALID_PARAMETER), where Windows knows several hundred.
//!
//! - [`locale`]: LCIDs and names, the defaults, IsValidLocale, EnumSystemLocales.
//! - [`info`]: GetLocaleInfo: en-US's names, formats and numbers.
//! - [`sort`]: CompareString and the sort keys of LCMapString: Windows' "word sort" in
//!   outline — symbols, then digits, then letters (case-insensitive at the first level, lower
//!   case before upper case at the third), hyphen and apostrophe weighed only when everything
//!   else is equal. Letters with diacritics sort as their base letter, then after it; symbols
//!   among themselves by code point (Windows has its own order for them).
//! - [`lcmap`]: LCMapString: case mapping, byte reversal, width, sort keys.
//! - [`ctype`]: GetStringType: the C1 (ctype), C2 (bidi) and C3 classes of characters.

pub mod ctype;
pub mod info;
pub mod lcmap;
pub mod locale;
pub mod sort;

/// A counted or NUL-terminated (-1) UTF-16 string argument.
///
/// # Safety
/// `p` must point at `len` units, or at a NUL-terminated string when `len` is negative.
pub(crate) unsafe fn wide_arg<'a>(p: *const u16, len: i32) -> Option<&'a [u16]> {
    if p.is_null() {
        return None;
    }
    if len < 0 {
        // SAFETY: per the contract.
        unsafe { dllcore::strings::wstr(p) }
    } else {
        // SAFETY: per the contract.
        Some(unsafe { std::slice::from_raw_parts(p, len as usize) })
    }
}

/// Copy `src` (plus a NUL when `nul`) into the caller's buffer of `cap` units: with `cap` 0
/// only the size is returned; ERROR_INSUFFICIENT_BUFFER when it does not fit.
///
/// # Safety
/// `dst` must have room for `cap` units.
pub(crate) unsafe fn put_wide(src: &[u16], nul: bool, dst: *mut u16, cap: i32) -> Result<i32, u32> {
    let need = src.len() + nul as usize;
    if cap == 0 {
        return Ok(need as i32);
    }
    if cap < 0 || dst.is_null() {
        return Err(windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER);
    }
    if (cap as usize) < need {
        return Err(windows_sys::Win32::Foundation::ERROR_INSUFFICIENT_BUFFER);
    }
    // SAFETY: per the contract, `need` <= `cap` units.
    unsafe {
        std::ptr::copy_nonoverlapping(src.as_ptr(), dst, src.len());
        if nul {
            *dst.add(src.len()) = 0;
        }
    }
    Ok(need as i32)
}
