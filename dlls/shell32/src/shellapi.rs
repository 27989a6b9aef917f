//! shellapi.h: CommandLineToArgvW.

use dllcore::{export, teb};
use syscall_shims::cmdline::{self, Rules};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOT_ENOUGH_MEMORY};
use windows_sys::core::PCWSTR;

/// CommandLineToArgvW: split a command line into arguments by the shell's rules
/// (`syscall_shims::cmdline`: a quoted program name ends at the next quote; `""` inside quotes
/// is a literal quote that ends the quoted part). An empty line gives the program's path. The
/// result is one LocalAlloc block (pointers, then the strings) for LocalFree; `*argc` gets
/// the count. NULL `argc`: ERROR_INVALID_PARAMETER.
#[export]
pub unsafe extern "win64" fn CommandLineToArgvW(cmd: PCWSTR, argc: *mut i32) -> *mut *mut u16 {
    if argc.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    }
    // SAFETY: the program passes NULL or a NUL-terminated string.
    let line = unsafe { dllcore::strings::wstr(cmd) }.unwrap_or(&[]);
    let args: Vec<Vec<u16>> = if line.is_empty() {
        vec![dllcore::process::image_path().encode_utf16().collect()]
    } else {
        cmdline::split(line, Rules::Shell)
    };
    let ptrs = (args.len() + 1) * std::mem::size_of::<*mut u16>();
    let chars: usize = args.iter().map(|a| a.len() + 1).sum();
    let block = syscall_shims::heap::process_alloc(ptrs + chars * 2, false);
    if block.is_null() {
        return teb::fail(ERROR_NOT_ENOUGH_MEMORY, std::ptr::null_mut());
    }
    // SAFETY: the block holds the pointer array and every string with its NUL.
    unsafe {
        let table = block as *mut *mut u16;
        let mut text = block.add(ptrs) as *mut u16;
        for (i, a) in args.iter().enumerate() {
            *table.add(i) = text;
            std::ptr::copy_nonoverlapping(a.as_ptr(), text, a.len());
            *text.add(a.len()) = 0;
            text = text.add(a.len() + 1);
        }
        *table.add(args.len()) = std::ptr::null_mut();
        *argc = args.len() as i32;
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(line: &str) -> Vec<String> {
        teb::attach_current_thread();
        let w: Vec<u16> = line.encode_utf16().chain([0]).collect();
        let mut n = 0;
        let p = unsafe { CommandLineToArgvW(w.as_ptr(), &mut n) };
        assert!(!p.is_null());
        let v = (0..n as usize).map(|i| unsafe { dllcore::strings::wstr_to_string(*p.add(i)).unwrap() }).collect();
        assert!(unsafe { (*p.add(n as usize)).is_null() });
        unsafe { syscall_shims::heap::process_free(p as *mut u8).unwrap() };
        v
    }

    #[test]
    fn shell_rules() {
        assert_eq!(argv(r#""C:\a b\x.exe"y z"#), [r"C:\a b\x.exe", "y", "z"]);
        assert_eq!(argv(r#"x "a""b c" d"#), ["x", r#"a"b"#, "c d"]);
        assert_eq!(argv(r#"x a\\\"b "c\\""#), ["x", r#"a\"b"#, r"c\"]);
        assert_eq!(argv("").len(), 1);
        let mut n = 0;
        assert!(unsafe { CommandLineToArgvW(std::ptr::null(), std::ptr::null_mut()) }.is_null());
        let p = unsafe { CommandLineToArgvW(std::ptr::null(), &mut n) };
        assert_eq!(n, 1);
        unsafe { syscall_shims::heap::process_free(p as *mut u8).unwrap() };
    }
}
