//! The registry (winreg.h), for now without contents: the predefined root keys exist and are
//! empty, and wine-rs has no registry store yet (a later issue). Opening any subkey fails with
//! ERROR_FILE_NOT_FOUND and querying a value of a root key with ERROR_FILE_NOT_FOUND — what a
//! program sees on Windows for a key or value that does not exist, which programs handle
//! (they fall back to their defaults). Handles that are not root keys are ERROR_INVALID_HANDLE.

use dllcore::export;
use windows_sys::Win32::Foundation::{ERROR_FILE_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_SUCCESS};
use windows_sys::Win32::System::Registry::HKEY;
use windows_sys::core::{PCSTR, PCWSTR};

/// Is `k` one of the predefined keys (HKEY_CLASSES_ROOT 0x80000000 … HKEY_CURRENT_USER_LOCAL_SETTINGS
/// 0x80000007)? Programs pass them sign-extended or not.
fn is_root(k: HKEY) -> bool {
    let v = k as usize as u64;
    let low = v as u32;
    (v >> 32 == 0 || v >> 32 == 0xffff_ffff) && (0x8000_0000..=0x8000_0007).contains(&low)
}

/// The open common to the A and W forms: `empty` says the subkey name is null or "".
fn open(key: HKEY, empty: bool, out: *mut HKEY) -> u32 {
    if out.is_null() {
        return ERROR_INVALID_PARAMETER;
    }
    if !is_root(key) {
        return ERROR_INVALID_HANDLE;
    }
    if empty {
        // Opening a root key itself gives back the key.
        // SAFETY: checked non-null.
        unsafe { *out = key };
        return ERROR_SUCCESS;
    }
    ERROR_FILE_NOT_FOUND
}

/// RegOpenKeyExW: open `subkey` of `key`. The root keys are empty: a null or empty subkey
/// gives back the root key, any other ERROR_FILE_NOT_FOUND.
#[export]
pub unsafe extern "win64" fn RegOpenKeyExW(key: HKEY, subkey: PCWSTR, _options: u32, _sam: u32, out: *mut HKEY) -> u32 {
    // SAFETY: the program passes a NUL-terminated name or null.
    let empty = subkey.is_null() || unsafe { *subkey } == 0;
    open(key, empty, out)
}

/// RegOpenKeyExA: RegOpenKeyExW with an ANSI name.
#[export]
pub unsafe extern "win64" fn RegOpenKeyExA(key: HKEY, subkey: PCSTR, _options: u32, _sam: u32, out: *mut HKEY) -> u32 {
    // SAFETY: the program passes a NUL-terminated name or null.
    let empty = subkey.is_null() || unsafe { *subkey } == 0;
    open(key, empty, out)
}

/// RegOpenKeyW: RegOpenKeyExW with default options.
#[export]
pub unsafe extern "win64" fn RegOpenKeyW(key: HKEY, subkey: PCWSTR, out: *mut HKEY) -> u32 {
    // SAFETY: as RegOpenKeyExW.
    unsafe { RegOpenKeyExW(key, subkey, 0, 0, out) }
}

fn query(key: HKEY) -> u32 {
    if !is_root(key) {
        return ERROR_INVALID_HANDLE;
    }
    ERROR_FILE_NOT_FOUND
}

/// RegQueryValueExW: read a value of an open key. The root keys hold no values:
/// ERROR_FILE_NOT_FOUND, the outputs untouched.
#[export]
pub unsafe extern "win64" fn RegQueryValueExW(
    key: HKEY,
    _name: PCWSTR,
    _reserved: *mut u32,
    _ty: *mut u32,
    _data: *mut u8,
    _len: *mut u32,
) -> u32 {
    query(key)
}

/// RegQueryValueExA: as RegQueryValueExW.
#[export]
pub unsafe extern "win64" fn RegQueryValueExA(
    key: HKEY,
    _name: PCSTR,
    _reserved: *mut u32,
    _ty: *mut u32,
    _data: *mut u8,
    _len: *mut u32,
) -> u32 {
    query(key)
}

/// RegCloseKey: close an open key. Closing a root key succeeds and does nothing, as on
/// Windows; other values are ERROR_INVALID_HANDLE.
#[export]
pub extern "win64" fn RegCloseKey(key: HKEY) -> u32 {
    if is_root(key) { ERROR_SUCCESS } else { ERROR_INVALID_HANDLE }
}
