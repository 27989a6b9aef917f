//! Names and well-known directories: GetFullPathName, GetLongPathName, GetShortPathName,
//! GetTempPath, GetTempFileName, Get/SetCurrentDirectory (processenv.h), GetWindowsDirectory
//! and GetSystemDirectory (sysinfoapi.h), GetFinalPathNameByHandle. The rules are in
//! `syscall_shims::path`.

use super::{fail_status, name_a, name_w, out_a, out_w};
use crate::{OutStr, OutWStr};
use dllcore::{export, teb};
use std::sync::Mutex;
use syscall_shims::errno::{NtStatus, status};
use syscall_shims::file::{self, CreateOptions};
use syscall_shims::{codepage, env, path};
use windows_sys::Win32::Foundation::{
    ERROR_BUFFER_OVERFLOW, ERROR_FILE_EXISTS, ERROR_FILENAME_EXCED_RANGE, ERROR_INVALID_NAME, ERROR_INVALID_PARAMETER,
    FALSE, HANDLE, MAX_PATH, TRUE,
};
use windows_sys::Win32::Storage::FileSystem::{CREATE_NEW, FILE_SHARE_READ, FILE_SHARE_WRITE};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// A path-valued result copied out the Win32 way (length without NUL when it fits, else the
/// size needed with it), or 0 with the status's error.
///
/// # Safety
/// `buf` must be valid for `size` units.
unsafe fn result_w(r: Result<String, NtStatus>, buf: OutWStr, size: u32) -> u32 {
    match r {
        // SAFETY: per the contract.
        Ok(s) => unsafe { out_w(&s, buf, size) },
        Err(s) => fail_status(s, 0),
    }
}

/// As [`result_w`], in the ANSI code page.
///
/// # Safety
/// As [`result_w`].
unsafe fn result_a(r: Result<String, NtStatus>, buf: OutStr, size: u32) -> u32 {
    match r {
        // SAFETY: per the contract.
        Ok(s) => unsafe { out_a(&s, buf, size) },
        Err(s) => fail_status(s, 0),
    }
}

fn full(name: Option<String>) -> Result<String, NtStatus> {
    let name = name.ok_or(status::INVALID_PARAMETER)?;
    path::full_path(&name).ok_or(status::OBJECT_NAME_INVALID)
}

/// GetFullPathNameW: the absolute path of `name` against the current directory, without
/// touching the disk (`.` and `..` resolved, trailing dots and spaces dropped, devices as
/// `\\.\NUL`, `C:x` relative to drive C's directory, `/unix/paths` on the drive mapping them);
/// `*file_part` points at the last component (NULL when the path ends with a backslash).
/// Returns the length, or the size needed (with the NUL) when `buf` is too small.
#[export]
pub unsafe extern "win64" fn GetFullPathNameW(name: PCWSTR, size: u32, buf: OutWStr, file_part: *mut *mut u16) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    let r = full(unsafe { name_w(name) });
    let part = r.as_ref().ok().and_then(|f| path::dos::file_part(f).map(|i| f[..i].encode_utf16().count()));
    // SAFETY: the program passes `size` writable units.
    let n = unsafe { result_w(r, buf, size) };
    if !file_part.is_null() && n > 0 && n < size {
        // SAFETY: a pointer into the buffer just filled, or NULL.
        unsafe { *file_part = part.map_or(std::ptr::null_mut(), |i| buf.add(i)) };
    }
    n
}

/// GetFullPathNameA: GetFullPathNameW in the ANSI code page (sizes in bytes).
#[export]
pub unsafe extern "win64" fn GetFullPathNameA(name: PCSTR, size: u32, buf: OutStr, file_part: *mut *mut u8) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    let r = full(unsafe { name_a(name) });
    let part = r.as_ref().ok().and_then(|f| {
        path::dos::file_part(f).map(|i| codepage::wide_to_ansi(&f[..i].encode_utf16().collect::<Vec<_>>()).len())
    });
    // SAFETY: the program passes `size` writable bytes.
    let n = unsafe { result_a(r, buf, size) };
    if !file_part.is_null() && n > 0 && n < size {
        // SAFETY: a pointer into the buffer just filled, or NULL.
        unsafe { *file_part = part.map_or(std::ptr::null_mut(), |i| buf.add(i)) };
    }
    n
}

fn long(name: Option<String>) -> Result<String, NtStatus> {
    path::long_path(&name.ok_or(status::INVALID_PARAMETER)?)
}

/// GetLongPathNameW: `short` (which must exist) with every component as it is on disk (there
/// are no 8.3 names to expand, but the case becomes the disk's).
#[export]
pub unsafe extern "win64" fn GetLongPathNameW(short: PCWSTR, buf: OutWStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name and `size` writable units.
    unsafe { result_w(long(name_w(short)), buf, size) }
}

/// GetLongPathNameA: GetLongPathNameW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetLongPathNameA(short: PCSTR, buf: OutStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name and `size` writable bytes.
    unsafe { result_a(long(name_a(short)), buf, size) }
}

fn short(name: Option<String>) -> Result<String, NtStatus> {
    let name = name.ok_or(status::INVALID_PARAMETER)?;
    path::long_path(&name).map(|_| name)
}

/// GetShortPathNameW: `long` unchanged once it is known to exist.
/// There are no 8.3 short names: the long name is the short one.
#[export]
pub unsafe extern "win64" fn GetShortPathNameW(long: PCWSTR, buf: OutWStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name and `size` writable units.
    unsafe { result_w(short(name_w(long)), buf, size) }
}

/// GetShortPathNameA: GetShortPathNameW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetShortPathNameA(long: PCSTR, buf: OutStr, size: u32) -> u32 {
    // SAFETY: the program passes a NUL-terminated name and `size` writable bytes.
    unsafe { result_a(short(name_a(long)), buf, size) }
}

/// The temporary directory: TMP, else TEMP, else USERPROFILE, else the Windows directory, as a
/// full path ending with a backslash.
fn temp_path() -> Result<String, NtStatus> {
    let var = |n: &str| {
        let w: Vec<u16> = n.encode_utf16().collect();
        env::get(&w).map(|v| String::from_utf16_lossy(&v)).filter(|v| !v.is_empty())
    };
    let dir =
        var("TMP").or_else(|| var("TEMP")).or_else(|| var("USERPROFILE")).unwrap_or_else(path::drives::windows_dir);
    let mut full = path::full_path(&dir).ok_or(status::OBJECT_NAME_INVALID)?;
    if !full.ends_with('\\') {
        full.push('\\');
    }
    Ok(full)
}

/// GetTempPathW: the temporary directory, ending with a backslash (TMP, TEMP, USERPROFILE or
/// the Windows directory: in the prefix, C:\users\<user>\AppData\Local\Temp\).
#[export]
pub unsafe extern "win64" fn GetTempPathW(size: u32, buf: OutWStr) -> u32 {
    // SAFETY: the program passes `size` writable units.
    unsafe { result_w(temp_path(), buf, size) }
}

/// GetTempPathA: GetTempPathW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetTempPathA(size: u32, buf: OutStr) -> u32 {
    // SAFETY: the program passes `size` writable bytes.
    unsafe { result_a(temp_path(), buf, size) }
}

/// GetTempPath2W: GetTempPathW (a process not running as SYSTEM gets the same directory).
#[export]
pub unsafe extern "win64" fn GetTempPath2W(size: u32, buf: OutWStr) -> u32 {
    // SAFETY: as GetTempPathW.
    unsafe { GetTempPathW(size, buf) }
}

/// GetTempPath2A: GetTempPathA.
#[export]
pub unsafe extern "win64" fn GetTempPath2A(size: u32, buf: OutStr) -> u32 {
    // SAFETY: as GetTempPathA.
    unsafe { GetTempPathA(size, buf) }
}

static TEMP_COUNTER: Mutex<u32> = Mutex::new(0);

/// GetTempFileName's work: the name `dir\<prefix up to 3 chars><hex>.tmp` and its number.
/// With `unique` 0, numbers are tried from a time-based start until a new file can be created
/// (it is created, empty); otherwise the name is only made.
fn temp_file_name(dir: &str, prefix: &str, unique: u32) -> Result<(String, u32), u32> {
    let mut base = dir.to_string();
    if !base.ends_with('\\') && !base.ends_with('/') {
        base.push('\\');
    }
    let pre: String = prefix.chars().take(3).collect();
    let name = |n: u32| format!("{base}{pre}{n:X}.tmp");
    if unique != 0 {
        let n = unique & 0xffff;
        let s = name(n);
        if s.encode_utf16().count() >= MAX_PATH as usize {
            return Err(ERROR_BUFFER_OVERFLOW);
        }
        return Ok((s, n));
    }
    let mut counter = TEMP_COUNTER.lock().unwrap_or_else(|e| e.into_inner());
    if *counter == 0 {
        *counter = (syscall_shims::time::monotonic_ns() / 1_000_000) as u32 ^ std::process::id();
    }
    for _ in 0..0x10000 {
        *counter = counter.wrapping_add(1);
        let n = *counter & 0xffff;
        if n == 0 {
            continue;
        }
        let s = name(n);
        if s.encode_utf16().count() >= MAX_PATH as usize {
            return Err(ERROR_BUFFER_OVERFLOW);
        }
        let o = CreateOptions {
            access: windows_sys::Win32::Foundation::GENERIC_WRITE,
            disposition: CREATE_NEW,
            flags: 0,
            inherit: false,
        };
        match file::create_ex(&s, &o, FILE_SHARE_READ | FILE_SHARE_WRITE) {
            Ok((h, _)) => {
                let _ = syscall_shims::handles::close(h);
                return Ok((s, n));
            }
            Err(ERROR_FILE_EXISTS) | Err(windows_sys::Win32::Foundation::ERROR_ACCESS_DENIED) => continue,
            Err(e) => return Err(e),
        }
    }
    Err(ERROR_FILE_EXISTS)
}

/// GetTempFileNameW: a temporary file name `dir\preXXXX.tmp` (XXXX in hexadecimal) in `buf`
/// (MAX_PATH units). With `unique` 0 the file is created (a new, empty file) and its number
/// returned; otherwise only the name is made, from the low 16 bits of `unique`.
#[export]
pub unsafe extern "win64" fn GetTempFileNameW(dir: PCWSTR, prefix: PCWSTR, unique: u32, buf: OutWStr) -> u32 {
    // SAFETY: the program passes NUL-terminated strings.
    let (d, p) = unsafe { (name_w(dir), name_w(prefix).unwrap_or_default()) };
    let Some(d) = d else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    match temp_file_name(&d, &p, unique) {
        Ok((s, n)) => {
            // SAFETY: the program passes MAX_PATH writable units (the name is shorter).
            unsafe { out_w(&s, buf, MAX_PATH) };
            n
        }
        Err(e) => teb::fail(e, 0),
    }
}

/// GetTempFileNameA: GetTempFileNameW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetTempFileNameA(dir: PCSTR, prefix: PCSTR, unique: u32, buf: OutStr) -> u32 {
    // SAFETY: the program passes NUL-terminated strings.
    let (d, p) = unsafe { (name_a(dir), name_a(prefix).unwrap_or_default()) };
    let Some(d) = d else { return teb::fail(ERROR_INVALID_PARAMETER, 0) };
    match temp_file_name(&d, &p, unique) {
        Ok((s, n)) => {
            // SAFETY: the program passes MAX_PATH writable bytes.
            unsafe { out_a(&s, buf, MAX_PATH) };
            n
        }
        Err(e) => teb::fail(e, 0),
    }
}

/// GetCurrentDirectoryW: the current directory (no trailing backslash except for a root).
/// A program started from a Unix directory begins in `Z:\that\dir` (`C:\...` in the prefix).
#[export]
pub unsafe extern "win64" fn GetCurrentDirectoryW(size: u32, buf: OutWStr) -> u32 {
    // SAFETY: the program passes `size` writable units.
    unsafe { out_w(&path::current_dir(), buf, size) }
}

/// GetCurrentDirectoryA: GetCurrentDirectoryW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetCurrentDirectoryA(size: u32, buf: OutStr) -> u32 {
    // SAFETY: the program passes `size` writable bytes.
    unsafe { out_a(&path::current_dir(), buf, size) }
}

/// RTL_USER_PROCESS_PARAMETERS.CurrentDirectory.DosPath (x64).
const PP_CURRENT_DIRECTORY: usize = 0x38;

/// The PEB's copy of the current directory (`C:\dir\`), in a buffer of MAX_PATH units.
fn update_peb(dir: &str) {
    static BUF: Mutex<usize> = Mutex::new(0);
    let peb = teb::peb();
    if peb.is_null() {
        return;
    }
    let mut w: Vec<u16> = dir.encode_utf16().collect();
    if w.last() != Some(&(b'\\' as u16)) {
        w.push(b'\\' as u16);
    }
    if w.len() >= MAX_PATH as usize {
        return;
    }
    let mut b = BUF.lock().unwrap_or_else(|e| e.into_inner());
    if *b == 0 {
        *b = Box::leak(vec![0u16; MAX_PATH as usize].into_boxed_slice()).as_mut_ptr() as usize;
    }
    let p = *b as *mut u16;
    // SAFETY: the loader built the PEB; BUF holds MAX_PATH units and w is shorter.
    unsafe {
        std::ptr::copy_nonoverlapping(w.as_ptr(), p, w.len());
        *p.add(w.len()) = 0;
        let pp = (*peb).ProcessParameters as *mut u8;
        if !pp.is_null() {
            let us = pp.add(PP_CURRENT_DIRECTORY) as *mut windows_sys::Win32::Foundation::UNICODE_STRING;
            us.write_unaligned(windows_sys::Win32::Foundation::UNICODE_STRING {
                Length: (w.len() * 2) as u16,
                MaximumLength: (MAX_PATH * 2) as u16,
                Buffer: p,
            });
        }
    }
}

fn set_current(name: Option<String>) -> BOOL {
    let Some(name) = name else { return teb::fail(ERROR_INVALID_PARAMETER, FALSE) };
    let Some(full) = path::full_path(&name) else { return teb::fail(ERROR_INVALID_NAME, FALSE) };
    if full.encode_utf16().count() + 1 >= MAX_PATH as usize {
        return teb::fail(ERROR_FILENAME_EXCED_RANGE, FALSE);
    }
    match path::set_current_dir(&name) {
        Ok(()) => {
            update_peb(&path::current_dir());
            TRUE
        }
        Err(s) => fail_status(s, FALSE),
    }
}

/// SetCurrentDirectoryW: change the current directory (it must exist: ERROR_FILE_NOT_FOUND,
/// ERROR_PATH_NOT_FOUND; ERROR_DIRECTORY for a file). It is kept as written (the full path, in
/// the program's case); the host's current directory follows.
#[export]
pub unsafe extern "win64" fn SetCurrentDirectoryW(name: PCWSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    set_current(unsafe { name_w(name) })
}

/// SetCurrentDirectoryA: SetCurrentDirectoryW with an ANSI name.
#[export]
pub unsafe extern "win64" fn SetCurrentDirectoryA(name: PCSTR) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    set_current(unsafe { name_a(name) })
}

/// GetWindowsDirectoryW: C:\windows (in the prefix).
#[export]
pub unsafe extern "win64" fn GetWindowsDirectoryW(buf: OutWStr, size: u32) -> u32 {
    // SAFETY: the program passes `size` writable units.
    unsafe { out_w(&path::drives::windows_dir(), buf, size) }
}

/// GetWindowsDirectoryA: GetWindowsDirectoryW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetWindowsDirectoryA(buf: OutStr, size: u32) -> u32 {
    // SAFETY: the program passes `size` writable bytes.
    unsafe { out_a(&path::drives::windows_dir(), buf, size) }
}

/// GetSystemWindowsDirectoryW: C:\windows.
#[export]
pub unsafe extern "win64" fn GetSystemWindowsDirectoryW(buf: OutWStr, size: u32) -> u32 {
    // SAFETY: as GetWindowsDirectoryW.
    unsafe { GetWindowsDirectoryW(buf, size) }
}

/// GetSystemWindowsDirectoryA: C:\windows.
#[export]
pub unsafe extern "win64" fn GetSystemWindowsDirectoryA(buf: OutStr, size: u32) -> u32 {
    // SAFETY: as GetWindowsDirectoryA.
    unsafe { GetWindowsDirectoryA(buf, size) }
}

/// GetSystemDirectoryW: C:\windows\system32 (where the builtin DLLs appear to live).
#[export]
pub unsafe extern "win64" fn GetSystemDirectoryW(buf: OutWStr, size: u32) -> u32 {
    // SAFETY: the program passes `size` writable units.
    unsafe { out_w(&path::drives::system_dir(), buf, size) }
}

/// GetSystemDirectoryA: GetSystemDirectoryW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetSystemDirectoryA(buf: OutStr, size: u32) -> u32 {
    // SAFETY: the program passes `size` writable bytes.
    unsafe { out_a(&path::drives::system_dir(), buf, size) }
}

/// GetFinalPathNameByHandleW: the path of an open file now (renames included):
/// `\\?\C:\dir\file` by default (VOLUME_NAME_DOS), VOLUME_NAME_GUID
/// (`\\?\Volume{...}\dir\file`), VOLUME_NAME_NT (`\Device\HarddiskVolumeN\dir\file`),
/// VOLUME_NAME_NONE (`\dir\file`). Returns the length, or the size needed with the NUL.
#[export]
pub unsafe extern "win64" fn GetFinalPathNameByHandleW(h: HANDLE, buf: OutWStr, size: u32, flags: u32) -> u32 {
    if flags & !0xf != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: the program passes `size` writable units.
    unsafe { result_w(file::volume::final_path(h, flags), buf, size) }
}

/// GetFinalPathNameByHandleA: GetFinalPathNameByHandleW in the ANSI code page.
#[export]
pub unsafe extern "win64" fn GetFinalPathNameByHandleA(h: HANDLE, buf: OutStr, size: u32, flags: u32) -> u32 {
    if flags & !0xf != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: the program passes `size` writable bytes.
    unsafe { result_a(file::volume::final_path(h, flags), buf, size) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use crate::fileapi::tests::{scratch, w};

    #[test]
    fn full_paths_and_directories() {
        teb::attach_current_thread();
        let mut buf = [0u16; 300];
        let mut part: *mut u16 = std::ptr::null_mut();
        let n = unsafe { GetFullPathNameW(w("C:\\a\\b\\..\\c.txt").as_ptr(), 300, buf.as_mut_ptr(), &mut part) };
        assert_eq!(String::from_utf16_lossy(&buf[..n as usize]), "C:\\a\\c.txt");
        assert_eq!(part, unsafe { buf.as_mut_ptr().add(5) });
        assert_eq!(unsafe { GetFullPathNameW(w("C:\\a\\c.txt").as_ptr(), 10, buf.as_mut_ptr(), &mut part) }, 11);
        assert_eq!(
            unsafe { GetFullPathNameW(w("C:\\a\\c.txt").as_ptr(), 11, buf.as_mut_ptr(), std::ptr::null_mut()) },
            10
        );
        let mut a = [0u8; 300];
        let n = unsafe { GetFullPathNameA(c"C:\\x\\".as_ptr() as _, 300, a.as_mut_ptr(), std::ptr::null_mut()) };
        assert_eq!(&a[..n as usize], b"C:\\x\\");
        let n = unsafe { GetWindowsDirectoryW(buf.as_mut_ptr(), 300) };
        assert_eq!(String::from_utf16_lossy(&buf[..n as usize]), "C:\\windows");
        let n = unsafe { GetTempPathW(300, buf.as_mut_ptr()) };
        assert!(String::from_utf16_lossy(&buf[..n as usize]).ends_with('\\'));
        assert_eq!(unsafe { GetTempPathW(0, std::ptr::null_mut()) }, n + 1);
    }

    #[test]
    fn temp_files_long_names_and_final_paths() {
        let (dos, dir) = scratch("names");
        let mut buf = [0u16; 300];
        let n = unsafe { GetTempFileNameW(w(&dos).as_ptr(), w("abcdef").as_ptr(), 0, buf.as_mut_ptr()) };
        assert_ne!(n, 0);
        let name = String::from_utf16_lossy(&buf[..buf.iter().position(|&c| c == 0).unwrap()]);
        assert_eq!(name, format!("{dos}\\abc{n:X}.tmp"));
        assert!(dir.join(format!("abc{n:X}.tmp")).exists());
        assert_eq!(unsafe { GetTempFileNameW(w(&dos).as_ptr(), w("x").as_ptr(), 0x1234f, buf.as_mut_ptr()) }, 0x234f);
        assert!(!dir.join("x234F.tmp").exists());
        std::fs::write(dir.join("ReadMe.md"), "x").unwrap();
        let n = unsafe { GetLongPathNameW(w(&format!("{dos}\\README.MD")).as_ptr(), buf.as_mut_ptr(), 300) };
        assert_eq!(String::from_utf16_lossy(&buf[..n as usize]), format!("{dos}\\ReadMe.md"));
        assert_eq!(unsafe { GetLongPathNameW(w(&format!("{dos}\\nope")).as_ptr(), buf.as_mut_ptr(), 300) }, 0);
        assert_eq!(GetLastError(), windows_sys::Win32::Foundation::ERROR_FILE_NOT_FOUND);
        let h = unsafe {
            crate::fileapi::CreateFileW(
                w(&format!("{dos}\\readme.MD")).as_ptr(),
                0x80000000,
                7,
                std::ptr::null(),
                3,
                0,
                std::ptr::null_mut(),
            )
        };
        let n = unsafe { GetFinalPathNameByHandleW(h, buf.as_mut_ptr(), 300, 0) };
        assert_eq!(String::from_utf16_lossy(&buf[..n as usize]), format!("\\\\?\\{dos}\\ReadMe.md"));
        let n = unsafe { GetFinalPathNameByHandleW(h, buf.as_mut_ptr(), 300, 4) };
        assert_eq!(String::from_utf16_lossy(&buf[..n as usize]), format!("{}\\ReadMe.md", &dos[2..]));
        crate::handleapi::CloseHandle(h);
        std::fs::remove_dir_all(dir).unwrap();
    }
}
