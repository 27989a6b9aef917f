//! The memory and string functions vcruntime140.dll exports (the compiler calls them for
//! copies and literals): msvcrt's implementations.

use dllcore::export;
use msvcrt::string as s;
use std::ffi::c_void;

/// memcpy: overlap-safe, as msvcrt's (Windows' is memmove too).
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn memcpy(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    unsafe { s::memcpy(dst, src, n) }
}

/// memmove.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn memmove(dst: *mut c_void, src: *const c_void, n: usize) -> *mut c_void {
    unsafe { s::memmove(dst, src, n) }
}

/// memset.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn memset(dst: *mut c_void, c: i32, n: usize) -> *mut c_void {
    unsafe { s::memset(dst, c, n) }
}

/// memcmp: -1, 0 or 1.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn memcmp(a: *const c_void, b: *const c_void, n: usize) -> i32 {
    unsafe { s::memcmp(a, b, n) }
}

/// memchr.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn memchr(p: *const c_void, c: i32, n: usize) -> *mut c_void {
    unsafe { s::memchr(p, c, n) }
}

/// strchr: finds the terminating NUL too when `c` is 0.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn strchr(p: *const u8, c: i32) -> *mut u8 {
    unsafe { s::strchr(p, c) }
}

/// strrchr.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn strrchr(p: *const u8, c: i32) -> *mut u8 {
    unsafe { s::strrchr(p, c) }
}

/// strstr: an empty needle matches at the start.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn strstr(hay: *const u8, needle: *const u8) -> *mut u8 {
    unsafe { s::strstr(hay, needle) }
}

/// wcschr.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn wcschr(p: *const u16, c: u16) -> *mut u16 {
    unsafe { s::wcschr(p, c) }
}

/// wcsrchr.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn wcsrchr(p: *const u16, c: u16) -> *mut u16 {
    unsafe { s::wcsrchr(p, c) }
}

/// wcsstr.
#[export(only = crate::VCRUNTIME140)]
pub unsafe extern "win64" fn wcsstr(hay: *const u16, needle: *const u16) -> *mut u16 {
    unsafe { s::wcsstr(hay, needle) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_results_as_msvcrt() {
        let a = *b"hello world\0";
        unsafe {
            assert_eq!(strchr(a.as_ptr(), b'o' as i32), a.as_ptr().add(4) as *mut u8);
            assert_eq!(strrchr(a.as_ptr(), b'o' as i32), a.as_ptr().add(7) as *mut u8);
            assert_eq!(strstr(a.as_ptr(), b"wor\0".as_ptr()), a.as_ptr().add(6) as *mut u8);
            let mut buf = [0u8; 8];
            memset(buf.as_mut_ptr() as _, b'x' as i32, 3);
            assert_eq!(&buf[..4], b"xxx\0");
            memmove(buf.as_mut_ptr().add(1) as _, buf.as_ptr() as _, 3);
            assert_eq!(&buf[..5], b"xxxx\0");
            assert_eq!(memcmp(b"ab".as_ptr() as _, b"ac".as_ptr() as _, 2), -1);
            let w: Vec<u16> = "abcabc\0".encode_utf16().collect();
            assert_eq!(wcsrchr(w.as_ptr(), b'b' as u16), w.as_ptr().add(4) as *mut u16);
        }
    }
}
