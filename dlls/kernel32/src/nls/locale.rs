//! Locale identifiers and names: the defaults (GetUserDefaultLCID and friends), LCID ⇄ name,
//! IsValidLocale, EnumSystemLocales. See the module documentation of [`super`].

use super::put_wide;
use dllcore::{export, teb};
use windows_sys::Win32::Foundation::{ERROR_INVALID_FLAGS, ERROR_INVALID_PARAMETER, FALSE, TRUE};
use windows_sys::core::{BOOL, PCWSTR};

/// English (United States).
pub const EN_US: u32 = 0x0409;
/// LOCALE_INVARIANT.
pub const INVARIANT: u32 = 0x007f;
/// LOCALE_USER_DEFAULT, LOCALE_SYSTEM_DEFAULT, LOCALE_CUSTOM_DEFAULT, LOCALE_NEUTRAL,
/// LOCALE_CUSTOM_UNSPECIFIED, LOCALE_CUSTOM_UI_DEFAULT.
const DEFAULTS: [u32; 6] = [0x0400, 0x0800, 0x0c00, 0x0000, 0x1000, 0x1400];
/// LCID_INSTALLED, LCID_SUPPORTED, LCID_ALTERNATE_SORTS.
const LCID_INSTALLED: u32 = 1;
const LCID_SUPPORTED: u32 = 2;
const LCID_ALTERNATE_SORTS: u32 = 4;

/// Which locale an LCID means here: Some(EN_US), Some(INVARIANT), or None (unknown).
/// The sort-order bits (SORTIDLANGID) must be 0.
pub fn resolve(lcid: u32) -> Option<u32> {
    match lcid {
        EN_US | INVARIANT => Some(lcid),
        l if DEFAULTS.contains(&l) => Some(EN_US),
        _ => None,
    }
}

/// Which locale a name means: "en-US" (any case, '_' accepted), "" (invariant), or
/// LOCALE_NAME_USER_DEFAULT (NULL) and "!x-sys-default-locale".
pub fn resolve_name(name: Option<&[u16]>) -> Option<u32> {
    let Some(name) = name else { return Some(EN_US) };
    let s = String::from_utf16_lossy(name).to_ascii_lowercase().replace('_', "-");
    match s.as_str() {
        "en-us" | "!x-sys-default-locale" => Some(EN_US),
        "" => Some(INVARIANT),
        _ => None,
    }
}

/// The name of a resolved locale.
pub fn name_of(lcid: u32) -> &'static str {
    if lcid == INVARIANT { "" } else { "en-US" }
}

/// GetUserDefaultLCID: the user's locale, en-US (0x0409).
#[export]
pub extern "win64" fn GetUserDefaultLCID() -> u32 {
    EN_US
}

/// GetSystemDefaultLCID: the system locale, en-US (0x0409).
#[export]
pub extern "win64" fn GetSystemDefaultLCID() -> u32 {
    EN_US
}

/// GetThreadLocale: the calling thread's locale, en-US (0x0409).
#[export]
pub extern "win64" fn GetThreadLocale() -> u32 {
    EN_US
}

/// GetUserDefaultLangID: the user's language, English (United States) (0x0409).
#[export]
pub extern "win64" fn GetUserDefaultLangID() -> u16 {
    EN_US as u16
}

/// GetSystemDefaultLangID: the system's language, 0x0409.
#[export]
pub extern "win64" fn GetSystemDefaultLangID() -> u16 {
    EN_US as u16
}

/// GetUserDefaultUILanguage: the user interface language, 0x0409.
#[export]
pub extern "win64" fn GetUserDefaultUILanguage() -> u16 {
    EN_US as u16
}

/// GetUserDefaultLocaleName: "en-US" into a buffer of `len` characters; returns the length
/// with the NUL, 0 with ERROR_INSUFFICIENT_BUFFER when it does not fit.
#[export]
pub unsafe extern "win64" fn GetUserDefaultLocaleName(buf: crate::OutWStr, len: i32) -> i32 {
    let name: Vec<u16> = "en-US".encode_utf16().collect();
    if len <= 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: the program passes `len` units.
    unsafe { put_wide(&name, true, buf, len) }.unwrap_or_else(|e| teb::fail(e, 0))
}

/// GetSystemDefaultLocaleName: as GetUserDefaultLocaleName.
#[export]
pub unsafe extern "win64" fn GetSystemDefaultLocaleName(buf: crate::OutWStr, len: i32) -> i32 {
    // SAFETY: as GetUserDefaultLocaleName.
    unsafe { GetUserDefaultLocaleName(buf, len) }
}

/// IsValidLocale: is the locale installed (LCID_INSTALLED) or supported (LCID_SUPPORTED)?
/// en-US and the invariant locale are; other LCIDs are not here. Other flags: FALSE.
#[export]
pub extern "win64" fn IsValidLocale(lcid: u32, flags: u32) -> BOOL {
    if flags & !(LCID_INSTALLED | LCID_SUPPORTED | LCID_ALTERNATE_SORTS) != 0 {
        return FALSE;
    }
    matches!(lcid, EN_US | INVARIANT) as BOOL
}

/// IsValidLocaleName: "en-US" and "" (invariant) are valid.
#[export]
pub unsafe extern "win64" fn IsValidLocaleName(name: PCWSTR) -> BOOL {
    if name.is_null() {
        return FALSE;
    }
    // SAFETY: the program passes a NUL-terminated name.
    resolve_name(unsafe { dllcore::strings::wstr(name) }).is_some() as BOOL
}

/// LocaleNameToLCID: the LCID of a locale name (NULL: the user's). 0 with
/// ERROR_INVALID_PARAMETER for a name that is not known.
#[export]
pub unsafe extern "win64" fn LocaleNameToLCID(name: PCWSTR, _flags: u32) -> u32 {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    let n = if name.is_null() { None } else { unsafe { dllcore::strings::wstr(name) } };
    resolve_name(n).unwrap_or_else(|| teb::fail(ERROR_INVALID_PARAMETER, 0))
}

/// LCIDToLocaleName: the name of an LCID into `len` characters; returns the length with the
/// NUL (with `len` 0: the size needed). ERROR_INVALID_PARAMETER for an unknown LCID.
#[export]
pub unsafe extern "win64" fn LCIDToLocaleName(lcid: u32, buf: crate::OutWStr, len: i32, _flags: u32) -> i32 {
    let Some(l) = resolve(lcid) else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    let name: Vec<u16> = name_of(l).encode_utf16().collect();
    // SAFETY: the program passes `len` units.
    unsafe { put_wide(&name, true, buf, len) }.unwrap_or_else(|e| teb::fail(e, 0))
}

/// A LOCALE_ENUMPROCW.
type EnumProcW = Option<unsafe extern "win64" fn(*const u16) -> BOOL>;
/// A LOCALE_ENUMPROCA.
type EnumProcA = Option<unsafe extern "win64" fn(*const u8) -> BOOL>;

/// EnumSystemLocalesW: call `proc` with each installed (LCID_INSTALLED) or supported
/// (LCID_SUPPORTED) locale's LCID as 8 hexadecimal digits ("00000409") until it returns
/// FALSE. Here that is en-US alone. ERROR_INVALID_PARAMETER without a procedure,
/// ERROR_INVALID_FLAGS for other flags.
#[export]
pub unsafe extern "win64" fn EnumSystemLocalesW(proc: EnumProcW, flags: u32) -> BOOL {
    let Some(f) = proc else { return teb::fail(ERROR_INVALID_PARAMETER, FALSE) };
    if flags & !(LCID_INSTALLED | LCID_SUPPORTED | LCID_ALTERNATE_SORTS) != 0 {
        return teb::fail(ERROR_INVALID_FLAGS, FALSE);
    }
    if flags & LCID_ALTERNATE_SORTS != 0 {
        return TRUE;
    }
    let s: Vec<u16> = format!("{EN_US:08X}").encode_utf16().chain([0]).collect();
    // SAFETY: calling the program's callback with a NUL-terminated string.
    unsafe { f(s.as_ptr()) };
    TRUE
}

/// EnumSystemLocalesA: EnumSystemLocalesW with ANSI strings.
#[export]
pub unsafe extern "win64" fn EnumSystemLocalesA(proc: EnumProcA, flags: u32) -> BOOL {
    let Some(f) = proc else { return teb::fail(ERROR_INVALID_PARAMETER, FALSE) };
    if flags & !(LCID_INSTALLED | LCID_SUPPORTED | LCID_ALTERNATE_SORTS) != 0 {
        return teb::fail(ERROR_INVALID_FLAGS, FALSE);
    }
    if flags & LCID_ALTERNATE_SORTS != 0 {
        return TRUE;
    }
    let s = format!("{EN_US:08X}\0");
    // SAFETY: calling the program's callback with a NUL-terminated string.
    unsafe { f(s.as_ptr()) };
    TRUE
}
