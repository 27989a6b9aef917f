//! The random number generator: BCryptGenRandom with its algorithm provider, and
//! bcryptprimitives' ProcessPrng. Both draw from the host (`syscall_shims::random`).

use crate::{BCRYPT, PRIMITIVES};
use dllcore::export;
use windows_sys::Win32::Foundation::{
    NTSTATUS, STATUS_INVALID_HANDLE, STATUS_INVALID_PARAMETER, STATUS_NOT_FOUND, STATUS_SUCCESS, TRUE,
};
use windows_sys::Win32::Security::Cryptography::{
    BCRYPT_ALG_HANDLE, BCRYPT_RNG_ALG_HANDLE, BCRYPT_USE_SYSTEM_PREFERRED_RNG,
};
use windows_sys::core::{BOOL, PCWSTR};

/// What an opened RNG provider handle points at (one object serves every open: the provider
/// keeps no state).
static RNG_PROVIDER: u8 = 0;

fn rng_handle() -> BCRYPT_ALG_HANDLE {
    &RNG_PROVIDER as *const u8 as BCRYPT_ALG_HANDLE
}

/// Is `h` the RNG provider (an opened handle, or the pseudo-handle BCRYPT_RNG_ALG_HANDLE)?
fn is_rng(h: BCRYPT_ALG_HANDLE) -> bool {
    h == rng_handle() || h == BCRYPT_RNG_ALG_HANDLE
}

/// The algorithm names that are random number generators.
fn is_rng_name(name: &[u16]) -> bool {
    let s = String::from_utf16_lossy(name);
    ["RNG", "FIPS186DSARNG", "DUALECRNG"].iter().any(|n| s.eq_ignore_ascii_case(n))
}

/// BCryptOpenAlgorithmProvider: a handle to the named algorithm's provider. Only the random
/// number generators ("RNG", "FIPS186DSARNG", "DUALECRNG") exist here; any other name is
/// STATUS_NOT_FOUND. NULL arguments are STATUS_INVALID_PARAMETER.
#[export(only = BCRYPT)]
pub unsafe extern "win64" fn BCryptOpenAlgorithmProvider(
    out: *mut BCRYPT_ALG_HANDLE,
    alg: PCWSTR,
    _implementation: PCWSTR,
    _flags: u32,
) -> NTSTATUS {
    if out.is_null() || alg.is_null() {
        return STATUS_INVALID_PARAMETER;
    }
    // SAFETY: the program passes a NUL-terminated algorithm name.
    if !is_rng_name(unsafe { dllcore::strings::wstr(alg) }.unwrap_or(&[])) {
        return STATUS_NOT_FOUND;
    }
    // SAFETY: checked non-null; the program passes a handle to fill.
    unsafe { *out = rng_handle() };
    STATUS_SUCCESS
}

/// BCryptCloseAlgorithmProvider: close a provider handle (STATUS_INVALID_HANDLE for anything
/// that is not one).
#[export(only = BCRYPT)]
pub extern "win64" fn BCryptCloseAlgorithmProvider(h: BCRYPT_ALG_HANDLE, _flags: u32) -> NTSTATUS {
    if h == rng_handle() { STATUS_SUCCESS } else { STATUS_INVALID_HANDLE }
}

/// BCryptGenRandom: fill `len` bytes with random data, from the RNG provider `h` or, with
/// BCRYPT_USE_SYSTEM_PREFERRED_RNG, from the system's (then `h` must be NULL).
/// BCRYPT_RNG_USE_ENTROPY_IN_BUFFER is ignored, as since Windows 8.
#[export(only = BCRYPT)]
pub unsafe extern "win64" fn BCryptGenRandom(h: BCRYPT_ALG_HANDLE, buf: *mut u8, len: u32, flags: u32) -> NTSTATUS {
    if flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG != 0 {
        if !h.is_null() {
            return STATUS_INVALID_PARAMETER;
        }
    } else if !is_rng(h) {
        return STATUS_INVALID_HANDLE;
    }
    if len == 0 {
        return STATUS_SUCCESS;
    }
    if buf.is_null() {
        return STATUS_INVALID_PARAMETER;
    }
    // SAFETY: the program passes `len` writable bytes.
    if syscall_shims::random::fill(unsafe { std::slice::from_raw_parts_mut(buf, len as usize) }) {
        STATUS_SUCCESS
    } else {
        windows_sys::Win32::Foundation::STATUS_UNSUCCESSFUL
    }
}

/// ProcessPrng (bcryptprimitives.dll): fill `len` bytes with random data. Documented never to
/// fail: it always returns TRUE (if the host refused, the process could not go on safely, so
/// it ends, as Windows does when its generator fails).
#[export(only = PRIMITIVES)]
pub unsafe extern "win64" fn ProcessPrng(buf: *mut u8, len: usize) -> BOOL {
    if len > 0 {
        // SAFETY: the program passes `len` writable bytes.
        if !syscall_shims::random::fill(unsafe { std::slice::from_raw_parts_mut(buf, len) }) {
            log::error!("ProcessPrng: the host has no random source; ending the process");
            dllcore::process::exit_process(windows_sys::Win32::Foundation::STATUS_UNSUCCESSFUL as u32);
        }
    }
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers_and_random_bytes() {
        let mut h: BCRYPT_ALG_HANDLE = std::ptr::null_mut();
        let rng: Vec<u16> = "rng\0".encode_utf16().collect();
        let aes: Vec<u16> = "AES\0".encode_utf16().collect();
        unsafe {
            assert_eq!(BCryptOpenAlgorithmProvider(&mut h, aes.as_ptr(), std::ptr::null(), 0), STATUS_NOT_FOUND);
            assert_eq!(BCryptOpenAlgorithmProvider(&mut h, rng.as_ptr(), std::ptr::null(), 0), STATUS_SUCCESS);
            let mut a = [0u8; 64];
            let mut b = [0u8; 64];
            assert_eq!(BCryptGenRandom(h, a.as_mut_ptr(), 64, 0), STATUS_SUCCESS);
            assert_eq!(BCryptGenRandom(BCRYPT_RNG_ALG_HANDLE, b.as_mut_ptr(), 64, 0), STATUS_SUCCESS);
            assert_ne!(a, b);
            assert_eq!(
                BCryptGenRandom(std::ptr::null_mut(), a.as_mut_ptr(), 64, BCRYPT_USE_SYSTEM_PREFERRED_RNG),
                STATUS_SUCCESS
            );
            assert_eq!(BCryptGenRandom(h, a.as_mut_ptr(), 64, BCRYPT_USE_SYSTEM_PREFERRED_RNG), STATUS_INVALID_PARAMETER);
            assert_eq!(BCryptGenRandom(std::ptr::null_mut(), a.as_mut_ptr(), 64, 0), STATUS_INVALID_HANDLE);
            assert_eq!(BCryptGenRandom(h, std::ptr::null_mut(), 64, 0), STATUS_INVALID_PARAMETER);
            assert_eq!(BCryptCloseAlgorithmProvider(h, 0), STATUS_SUCCESS);
            assert_eq!(BCryptCloseAlgorithmProvider(std::ptr::null_mut(), 0), STATUS_INVALID_HANDLE);
            assert_eq!(ProcessPrng(a.as_mut_ptr(), 64), TRUE);
        }
    }
}
