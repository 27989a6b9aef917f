//! processenv.h: the command line, the standard handles, environment variables.

use crate::{OutStr, OutWStr};
use dllcore::{export, teb};
use syscall_shims::{codepage, env, handles, heap};
use windows_sys::Win32::Foundation::{
    ERROR_ENVVAR_NOT_FOUND, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY, FALSE, HANDLE,
    INVALID_HANDLE_VALUE, TRUE,
};
use windows_sys::Win32::System::Console::{STD_ERROR_HANDLE, STD_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// GetCommandLineA: the command line in the ANSI code page (UTF-8), at a stable address.
#[export]
pub extern "win64" fn GetCommandLineA() -> PCSTR {
    dllcore::process::command_line_a().as_ptr()
}

/// GetCommandLineW: the command line, at a stable address.
#[export]
pub extern "win64" fn GetCommandLineW() -> PCWSTR {
    dllcore::process::command_line_w().as_ptr()
}

fn std_index(which: STD_HANDLE) -> Option<usize> {
    match which {
        STD_INPUT_HANDLE => Some(0),
        STD_OUTPUT_HANDLE => Some(1),
        STD_ERROR_HANDLE => Some(2),
        _ => None,
    }
}

/// RTL_USER_PROCESS_PARAMETERS.StandardInput (x64); Output and Error follow.
const PP_STD_INPUT: usize = 0x20;

/// GetStdHandle: the standard input, output or error handle; INVALID_HANDLE_VALUE with
/// ERROR_INVALID_HANDLE for another value.
#[export]
pub extern "win64" fn GetStdHandle(which: STD_HANDLE) -> HANDLE {
    match std_index(which) {
        Some(i) => handles::std_handle(i),
        None => teb::fail(ERROR_INVALID_HANDLE, INVALID_HANDLE_VALUE),
    }
}

/// SetStdHandle: replace a standard handle (the PEB's process parameters follow).
#[export]
pub extern "win64" fn SetStdHandle(which: STD_HANDLE, h: HANDLE) -> BOOL {
    let Some(i) = std_index(which) else {
        return teb::fail(ERROR_INVALID_HANDLE, FALSE);
    };
    handles::set_std_handle(i, h);
    let peb = teb::peb();
    if !peb.is_null() {
        // SAFETY: the loader built the PEB and its process parameters.
        unsafe {
            let pp = (*peb).ProcessParameters as *mut u8;
            if !pp.is_null() {
                (pp.add(PP_STD_INPUT + 8 * i) as *mut HANDLE).write_unaligned(h);
            }
        }
    }
    TRUE
}

/// Copy `value` (plus a NUL) into a buffer of `size` units, GetEnvironmentVariable style: the
/// length without NUL when it fits, else the size needed including the NUL.
///
/// # Safety
/// `buf` must be valid for `size` elements when `size` > 0.
unsafe fn copy_out<T: Copy + Default>(value: &[T], buf: *mut T, size: u32) -> u32 {
    let len = value.len();
    if (size as usize) <= len || buf.is_null() {
        return len as u32 + 1;
    }
    // SAFETY: per the contract, buf holds at least len + 1 elements.
    unsafe {
        std::ptr::copy_nonoverlapping(value.as_ptr(), buf, len);
        *buf.add(len) = T::default();
    }
    len as u32
}

/// GetEnvironmentVariableW: copy a variable's value; returns its length, or the buffer size
/// needed (with the NUL) when `size` is too small; 0 with ERROR_ENVVAR_NOT_FOUND if unset (an
/// empty value also returns 0, leaving the last error alone, as Wine does). Names compare
/// case-insensitively.
#[export]
pub unsafe extern "win64" fn GetEnvironmentVariableW(name: PCWSTR, buf: OutWStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    let Some(name) = (unsafe { dllcore::strings::wstr(name) }) else {
        return teb::fail(ERROR_ENVVAR_NOT_FOUND, 0);
    };
    match env::get(name) {
        // SAFETY: buf holds `size` units.
        Some(v) => unsafe { copy_out(&v, buf, size) },
        None => teb::fail(ERROR_ENVVAR_NOT_FOUND, 0),
    }
}

/// GetEnvironmentVariableA: as GetEnvironmentVariableW, in the ANSI code page (UTF-8); sizes
/// count bytes.
#[export]
pub unsafe extern "win64" fn GetEnvironmentVariableA(name: PCSTR, buf: OutStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    let Some(name) = (unsafe { dllcore::strings::cstr(name) }) else {
        return teb::fail(ERROR_ENVVAR_NOT_FOUND, 0);
    };
    match env::get(&codepage::ansi_to_wide(name)) {
        // SAFETY: buf holds `size` bytes.
        Some(v) => unsafe { copy_out(&codepage::wide_to_ansi(&v), buf, size) },
        None => teb::fail(ERROR_ENVVAR_NOT_FOUND, 0),
    }
}

/// SetEnvironmentVariableW: set a variable, or delete it when `value` is NULL (deleting an
/// unset variable succeeds). ERROR_INVALID_PARAMETER for an empty name or one containing '='
/// after its first character.
#[export]
pub unsafe extern "win64" fn SetEnvironmentVariableW(name: PCWSTR, value: PCWSTR) -> BOOL {
    // SAFETY: the program passes NUL-terminated strings.
    let (name, value) = unsafe { (dllcore::strings::wstr(name), dllcore::strings::wstr(value)) };
    let Some(name) = name else {
        return teb::fail(ERROR_ENVVAR_NOT_FOUND, FALSE);
    };
    match env::set(name, value) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// SetEnvironmentVariableA: as SetEnvironmentVariableW, in the ANSI code page (UTF-8).
#[export]
pub unsafe extern "win64" fn SetEnvironmentVariableA(name: PCSTR, value: PCSTR) -> BOOL {
    // SAFETY: the program passes NUL-terminated strings.
    let (name, value) = unsafe { (dllcore::strings::cstr(name), dllcore::strings::cstr(value)) };
    let Some(name) = name else {
        return teb::fail(ERROR_ENVVAR_NOT_FOUND, FALSE);
    };
    let value = value.map(codepage::ansi_to_wide);
    match env::set(&codepage::ansi_to_wide(name), value.as_deref()) {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// Copy an expansion result into a buffer of `size` units, ExpandEnvironmentStrings style: the
/// size needed with the NUL is returned; when it does not fit, as much as fits is written,
/// NUL-terminated.
///
/// # Safety
/// `buf` must be NULL or valid for `size` elements.
unsafe fn copy_expanded<T: Copy + Default>(value: &[T], buf: *mut T, size: u32) -> u32 {
    if !buf.is_null() && size > 0 {
        let n = value.len().min(size as usize - 1);
        // SAFETY: per the contract, buf holds `size` > n elements.
        unsafe {
            std::ptr::copy_nonoverlapping(value.as_ptr(), buf, n);
            *buf.add(n) = T::default();
        }
    }
    value.len() as u32 + 1
}

/// ExpandEnvironmentStringsW: `src` with each `%NAME%` of a set variable replaced by its value
/// (names case-insensitive; `%NAME%` of an unset variable stays as it is). Returns the size needed, in characters, with the
/// NUL; a too small buffer receives as much as fits.
#[export]
pub unsafe extern "win64" fn ExpandEnvironmentStringsW(src: PCWSTR, dst: OutWStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated string.
    let Some(src) = (unsafe { dllcore::strings::wstr(src) }) else {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    };
    // SAFETY: dst holds `size` units.
    unsafe { copy_expanded(&env::expand(src), dst, size) }
}

/// ExpandEnvironmentStringsA: as the W form, in the ANSI code page (UTF-8); sizes count bytes.
#[export]
pub unsafe extern "win64" fn ExpandEnvironmentStringsA(src: PCSTR, dst: OutStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated string.
    let Some(src) = (unsafe { dllcore::strings::cstr(src) }) else {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    };
    let out = codepage::wide_to_ansi(&env::expand(&codepage::ansi_to_wide(src)));
    // SAFETY: dst holds `size` bytes.
    unsafe { copy_expanded(&out, dst, size) }
}

/// A copy of `data` on the process heap (how Windows hands out environment blocks).
fn heap_copy<T: Copy>(data: &[T]) -> *mut T {
    let p = heap::process_alloc(std::mem::size_of_val(data), false) as *mut T;
    if p.is_null() {
        return teb::fail(ERROR_NOT_ENOUGH_MEMORY, p);
    }
    // SAFETY: p holds size_of_val(data) bytes.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), p, data.len()) };
    p
}

/// GetEnvironmentStringsW: a copy of the environment block (`NAME=VALUE\0`… `\0`), to be
/// released with FreeEnvironmentStringsW.
#[export]
pub extern "win64" fn GetEnvironmentStringsW() -> OutWStr {
    heap_copy(&env::block())
}

/// GetEnvironmentStringsA: the environment block in the ANSI code page (UTF-8).
#[export]
pub extern "win64" fn GetEnvironmentStringsA() -> OutStr {
    heap_copy(&codepage::wide_to_ansi(&env::block()))
}

/// GetEnvironmentStrings: the ANSI export under its undecorated name.
#[export(name = "GetEnvironmentStrings")]
pub extern "win64" fn GetEnvironmentStrings() -> OutStr {
    GetEnvironmentStringsA()
}

/// FreeEnvironmentStringsW: release a block from GetEnvironmentStringsW.
#[export]
pub unsafe extern "win64" fn FreeEnvironmentStringsW(block: OutWStr) -> BOOL {
    // SAFETY: the program passes a block we handed out.
    match unsafe { heap::process_free(block as *mut u8) } {
        Ok(()) => TRUE,
        Err(_) => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

/// FreeEnvironmentStringsA: release a block from GetEnvironmentStringsA.
#[export]
pub unsafe extern "win64" fn FreeEnvironmentStringsA(block: OutStr) -> BOOL {
    // SAFETY: the program passes a block we handed out.
    match unsafe { heap::process_free(block) } {
        Ok(()) => TRUE,
        Err(_) => teb::fail(ERROR_INVALID_PARAMETER, FALSE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    #[test]
    fn std_handles() {
        teb::attach_current_thread();
        assert_eq!(GetStdHandle(STD_OUTPUT_HANDLE), handles::std_handle(1));
        assert_eq!(GetStdHandle(7), INVALID_HANDLE_VALUE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        let err = GetStdHandle(STD_ERROR_HANDLE);
        assert_eq!(SetStdHandle(STD_ERROR_HANDLE, err), TRUE);
        assert_eq!(SetStdHandle(0, err), FALSE);
    }

    #[test]
    fn command_line_is_nul_terminated() {
        teb::attach_current_thread();
        let p = GetCommandLineW();
        assert!(!p.is_null());
        assert!(unsafe { dllcore::strings::wstr(p) }.is_some());
        assert!(!GetCommandLineA().is_null());
    }

    #[test]
    fn environment_variables_w() {
        teb::attach_current_thread();
        let name = w("WineRsK32Test");
        assert_eq!(unsafe { SetEnvironmentVariableW(name.as_ptr(), w("value").as_ptr()) }, TRUE);
        // Size query: needed size with the NUL.
        assert_eq!(unsafe { GetEnvironmentVariableW(w("WINERSK32TEST").as_ptr(), std::ptr::null_mut(), 0) }, 6);
        let mut buf = [0x7777u16; 8];
        assert_eq!(unsafe { GetEnvironmentVariableW(name.as_ptr(), buf.as_mut_ptr(), 5) }, 6);
        assert_eq!(buf[0], 0x7777, "too small: untouched");
        assert_eq!(unsafe { GetEnvironmentVariableW(name.as_ptr(), buf.as_mut_ptr(), 6) }, 5);
        assert_eq!(&buf[..6], &w("value")[..]);
        // Empty value: 0 with an empty string and the last error untouched.
        assert_eq!(unsafe { SetEnvironmentVariableW(name.as_ptr(), w("").as_ptr()) }, TRUE);
        SetLastError(0xdead);
        assert_eq!(unsafe { GetEnvironmentVariableW(name.as_ptr(), buf.as_mut_ptr(), 8) }, 0);
        assert_eq!((GetLastError(), buf[0]), (0xdead, 0));
        // Delete; then it is not found.
        assert_eq!(unsafe { SetEnvironmentVariableW(name.as_ptr(), std::ptr::null()) }, TRUE);
        assert_eq!(unsafe { GetEnvironmentVariableW(name.as_ptr(), buf.as_mut_ptr(), 8) }, 0);
        assert_eq!(GetLastError(), ERROR_ENVVAR_NOT_FOUND);
        assert_eq!(unsafe { SetEnvironmentVariableW(w("A=B").as_ptr(), w("x").as_ptr()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
    }

    #[test]
    fn expand_environment_strings() {
        teb::attach_current_thread();
        unsafe { SetEnvironmentVariableW(w("WineRsExp").as_ptr(), w("val").as_ptr()) };
        let mut buf = [0x7777u16; 16];
        let n = unsafe { ExpandEnvironmentStringsW(w("<%WINERSEXP%|%nope%>").as_ptr(), buf.as_mut_ptr(), 16) };
        assert_eq!(n, 13);
        assert_eq!(&buf[..13], &w("<val|%nope%>")[..]);
        assert_eq!(buf[13], 0x7777);
        let need = unsafe { ExpandEnvironmentStringsW(w("%WineRsExp%%WineRsExp%").as_ptr(), std::ptr::null_mut(), 0) };
        assert_eq!(need, 7);
        let mut small = [0u16; 4];
        assert_eq!(
            unsafe { ExpandEnvironmentStringsW(w("%WineRsExp%%WineRsExp%").as_ptr(), small.as_mut_ptr(), 4) },
            7
        );
        assert_eq!(&small, &w("val")[..]);
        let mut a = [0u8; 16];
        let n = unsafe { ExpandEnvironmentStringsA(c"x%WineRsExp%".as_ptr() as _, a.as_mut_ptr(), 16) };
        assert_eq!((n, &a[..5]), (5, &b"xval\0"[..]));
        let sr = unsafe { ExpandEnvironmentStringsA(c"%SystemRoot%".as_ptr() as _, a.as_mut_ptr(), 16) };
        assert_eq!((sr, &a[..11]), (11, &b"C:\\windows\0"[..]));
        unsafe { SetEnvironmentVariableW(w("WineRsExp").as_ptr(), std::ptr::null()) };
    }

    #[test]
    fn environment_variables_a_and_blocks() {
        teb::attach_current_thread();
        assert_eq!(unsafe { SetEnvironmentVariableA(c"WINERS_A".as_ptr() as _, c"é!".as_ptr() as _) }, TRUE);
        let mut buf = [0u8; 8];
        // "é!" is 3 bytes in UTF-8.
        assert_eq!(unsafe { GetEnvironmentVariableA(c"winers_a".as_ptr() as _, buf.as_mut_ptr(), 3) }, 4);
        assert_eq!(unsafe { GetEnvironmentVariableA(c"winers_a".as_ptr() as _, buf.as_mut_ptr(), 4) }, 3);
        assert_eq!(&buf[..4], "é!\0".as_bytes());

        let block = GetEnvironmentStringsW();
        let mut found = false;
        let mut p = block;
        unsafe {
            while *p != 0 {
                let s = dllcore::strings::wstr(p).unwrap();
                if String::from_utf16_lossy(s) == "WINERS_A=é!" {
                    found = true;
                }
                p = p.add(s.len() + 1);
            }
            assert_eq!(FreeEnvironmentStringsW(block), TRUE);
        }
        assert!(found);
        let a = GetEnvironmentStringsA();
        assert!(!a.is_null());
        assert_eq!(unsafe { FreeEnvironmentStringsA(a) }, TRUE);
        unsafe { SetEnvironmentVariableA(c"WINERS_A".as_ptr() as _, std::ptr::null()) };
    }
}
