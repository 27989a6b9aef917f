//! The Rtl path and string functions (`syscall_shims::path`), and status → error mapping.

use dllcore::{export, teb};
use syscall_shims::errno::{NtStatus, status, status_to_win32};
use syscall_shims::{heap, path};
use windows_sys::Win32::Foundation::UNICODE_STRING;
use windows_sys::core::PCWSTR;

/// The text of a UNICODE_STRING.
///
/// # Safety
/// `s` must be NULL or a valid UNICODE_STRING.
pub unsafe fn unicode(s: *const UNICODE_STRING) -> Option<String> {
    if s.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    let s = unsafe { &*s };
    if s.Buffer.is_null() {
        return Some(String::new());
    }
    // SAFETY: Length bytes at Buffer.
    let units = unsafe { std::slice::from_raw_parts(s.Buffer, s.Length as usize / 2) };
    Some(String::from_utf16_lossy(units))
}

/// A new UNICODE_STRING on the process heap (NUL-terminated; freed with RtlFreeUnicodeString).
pub fn new_unicode(s: &str) -> Option<UNICODE_STRING> {
    let w: Vec<u16> = s.encode_utf16().chain([0]).collect();
    let bytes = w.len() * 2;
    if bytes > u16::MAX as usize {
        return None;
    }
    let p = heap::process_alloc(bytes, false) as *mut u16;
    if p.is_null() {
        return None;
    }
    // SAFETY: p holds `bytes` bytes.
    unsafe { std::ptr::copy_nonoverlapping(w.as_ptr(), p, w.len()) };
    Some(UNICODE_STRING { Length: (bytes - 2) as u16, MaximumLength: bytes as u16, Buffer: p })
}

/// RtlInitUnicodeString: point a UNICODE_STRING at a NUL-terminated string (NULL: empty).
#[export]
pub unsafe extern "win64" fn RtlInitUnicodeString(s: *mut UNICODE_STRING, src: PCWSTR) {
    // SAFETY: the program passes a string and a structure to fill.
    unsafe {
        let len = dllcore::strings::wstr(src).map_or(0, |w| w.len() * 2).min(0xfffc);
        *s = UNICODE_STRING {
            Length: len as u16,
            MaximumLength: if src.is_null() { 0 } else { len as u16 + 2 },
            Buffer: src as *mut u16,
        };
    }
}

/// RtlFreeUnicodeString: free a string the Rtl functions allocated.
#[export]
pub unsafe extern "win64" fn RtlFreeUnicodeString(s: *mut UNICODE_STRING) {
    if s.is_null() {
        return;
    }
    // SAFETY: a string whose buffer came from the process heap.
    unsafe {
        if !(*s).Buffer.is_null() {
            let _ = heap::process_free((*s).Buffer as *mut u8);
        }
        *s = UNICODE_STRING { Length: 0, MaximumLength: 0, Buffer: std::ptr::null_mut() };
    }
}

/// RtlNtStatusToDosError: the Win32 error for a status (ERROR_MR_MID_NOT_FOUND when there is
/// none).
#[export]
pub extern "win64" fn RtlNtStatusToDosError(st: NtStatus) -> u32 {
    status_to_win32(st)
}

/// RtlNtStatusToDosErrorNoTeb: RtlNtStatusToDosError.
#[export]
pub extern "win64" fn RtlNtStatusToDosErrorNoTeb(st: NtStatus) -> u32 {
    status_to_win32(st)
}

/// RtlGetLastWin32Error: the thread's last error (GetLastError).
#[export]
pub extern "win64" fn RtlGetLastWin32Error() -> u32 {
    teb::last_error()
}

/// RtlSetLastWin32Error: set the thread's last error (SetLastError).
#[export]
pub extern "win64" fn RtlSetLastWin32Error(e: u32) {
    teb::set_last_error(e)
}

/// RTL_RELATIVE_NAME_U: what RtlDosPathNameToNtPathName_U may fill for relative names.
#[repr(C)]
pub struct RelativeName {
    pub relative: UNICODE_STRING,
    pub containing_directory: windows_sys::Win32::Foundation::HANDLE,
    pub cur_dir_ref: *mut core::ffi::c_void,
}

/// RtlDosPathNameToNtPathName_U's work.
///
/// # Safety
/// As RtlDosPathNameToNtPathName_U.
unsafe fn dos_to_nt(dos: PCWSTR, nt: *mut UNICODE_STRING, part: *mut *mut u16, rel: *mut RelativeName) -> NtStatus {
    // SAFETY: the program passes a NUL-terminated name.
    let Some(name) = (unsafe { dllcore::strings::wstr_to_string(dos) }) else { return status::OBJECT_NAME_INVALID };
    if nt.is_null() {
        return status::INVALID_PARAMETER;
    }
    let Some(p) = path::nt_path(&name) else { return status::OBJECT_NAME_INVALID };
    let Some(us) = new_unicode(&p) else { return status::NO_MEMORY };
    // SAFETY: the program passes structures to fill.
    unsafe {
        *nt = us;
        if !part.is_null() {
            *part = match path::dos::file_part(&p) {
                _ if path::dos::dos_device(&name).is_some() => std::ptr::null_mut(),
                Some(i) if i >= 4 => us.Buffer.add(p[..i].encode_utf16().count()),
                _ => std::ptr::null_mut(),
            };
        }
        if !rel.is_null() {
            (*rel).relative = UNICODE_STRING { Length: 0, MaximumLength: 0, Buffer: std::ptr::null_mut() };
            (*rel).containing_directory = std::ptr::null_mut();
            (*rel).cur_dir_ref = std::ptr::null_mut();
        }
    }
    status::SUCCESS
}

/// RtlDosPathNameToNtPathName_U: the NT path of a DOS path (`C:\x` → `\??\C:\x`, relative
/// names against the current directory, `\\?\x` → `\??\x` unchanged, `\\server\share` →
/// `\??\UNC\server\share`, `nul` → `\??\nul`), allocated on the process heap (free it with
/// RtlFreeUnicodeString); `*part` points at its last component. FALSE for an empty name.
/// The relative-name output is always empty (names are given as full paths).
#[export]
pub unsafe extern "win64" fn RtlDosPathNameToNtPathName_U(
    dos: PCWSTR,
    nt: *mut UNICODE_STRING,
    part: *mut *mut u16,
    rel: *mut RelativeName,
) -> u8 {
    // SAFETY: as documented above.
    u8::from(unsafe { dos_to_nt(dos, nt, part, rel) } == status::SUCCESS)
}

/// RtlDosPathNameToNtPathName_U_WithStatus: the same, returning a status.
#[export]
pub unsafe extern "win64" fn RtlDosPathNameToNtPathName_U_WithStatus(
    dos: PCWSTR,
    nt: *mut UNICODE_STRING,
    part: *mut *mut u16,
    rel: *mut RelativeName,
) -> NtStatus {
    // SAFETY: as documented above.
    unsafe { dos_to_nt(dos, nt, part, rel) }
}

/// RtlDetermineDosPathNameType_U: the kind of a DOS path (1 UNC, 2 drive absolute, 3 drive
/// relative, 4 rooted, 5 relative, 6 local device, 7 root local device).
#[export]
pub unsafe extern "win64" fn RtlDetermineDosPathNameType_U(p: PCWSTR) -> u32 {
    // SAFETY: the program passes a NUL-terminated path.
    match unsafe { dllcore::strings::wstr_to_string(p) } {
        Some(s) => path::dos::path_type(&s) as u32,
        None => 0,
    }
}

/// RtlIsDosDeviceName_U: for a name designating a device (NUL, CON, AUX, PRN, COM1-9, LPT1-9,
/// CONIN$, CONOUT$), its offset in bytes (high word) and length in bytes (low word); else 0.
#[export]
pub unsafe extern "win64" fn RtlIsDosDeviceName_U(p: PCWSTR) -> u32 {
    // SAFETY: the program passes a NUL-terminated path.
    let Some(s) = (unsafe { dllcore::strings::wstr_to_string(p) }) else { return 0 };
    match path::dos::dos_device(&s) {
        Some((off, len)) => {
            let o = s[..off].encode_utf16().count() as u32 * 2;
            let l = s[off..off + len].encode_utf16().count() as u32 * 2;
            o << 16 | l
        }
        None => 0,
    }
}

/// Copy UTF-16 text and a NUL into `size` bytes; returns the bytes of the text, or the bytes
/// needed with the NUL when it does not fit.
///
/// # Safety
/// `buf` must be valid for `size` bytes.
unsafe fn copy_bytes(s: &str, buf: *mut u16, size: u32) -> u32 {
    let w: Vec<u16> = s.encode_utf16().collect();
    let need = (w.len() as u32 + 1) * 2;
    if buf.is_null() || size < need {
        return need;
    }
    // SAFETY: per the contract.
    unsafe {
        std::ptr::copy_nonoverlapping(w.as_ptr(), buf, w.len());
        *buf.add(w.len()) = 0;
    }
    w.len() as u32 * 2
}

/// RtlGetFullPathName_U: GetFullPathNameW with sizes in bytes.
#[export]
pub unsafe extern "win64" fn RtlGetFullPathName_U(name: PCWSTR, size: u32, buf: *mut u16, part: *mut *mut u16) -> u32 {
    // SAFETY: the program passes a NUL-terminated name.
    let Some(n) = (unsafe { dllcore::strings::wstr_to_string(name) }) else { return 0 };
    let Some(full) = path::full_path(&n) else { return 0 };
    // SAFETY: the program passes `size` writable bytes.
    let r = unsafe { copy_bytes(&full, buf, size) };
    if !part.is_null() && r < size {
        // SAFETY: a pointer into the buffer just filled, or NULL.
        unsafe {
            *part =
                path::dos::file_part(&full).map_or(std::ptr::null_mut(), |i| buf.add(full[..i].encode_utf16().count()));
        }
    }
    r
}

/// RtlGetCurrentDirectory_U: the current directory, sizes in bytes.
#[export]
pub unsafe extern "win64" fn RtlGetCurrentDirectory_U(size: u32, buf: *mut u16) -> u32 {
    // SAFETY: the program passes `size` writable bytes.
    unsafe { copy_bytes(&path::current_dir(), buf, size) }
}

/// RtlSetCurrentDirectory_U: change the current directory.
#[export]
pub unsafe extern "win64" fn RtlSetCurrentDirectory_U(dir: *const UNICODE_STRING) -> NtStatus {
    // SAFETY: the program passes a UNICODE_STRING.
    match unsafe { unicode(dir) } {
        Some(d) => match path::set_current_dir(&d) {
            Ok(()) => status::SUCCESS,
            Err(s) => s,
        },
        None => status::INVALID_PARAMETER,
    }
}
