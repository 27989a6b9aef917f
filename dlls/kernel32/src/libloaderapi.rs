//! libloaderapi.h: loading modules and finding their exports, thin wrappers over the loader
//! (`dllcore::loader_api`). Module handles are base addresses.

use crate::{OutStr, OutWStr};
use dllcore::loader_api::{LoaderApi, ProcName};
use dllcore::{export, teb};
use syscall_shims::codepage;
use windows_sys::Win32::Foundation::{
    ERROR_INSUFFICIENT_BUFFER, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_MOD_NOT_FOUND, ERROR_SUCCESS,
    FALSE, FARPROC, HANDLE, HMODULE, TRUE,
};
use windows_sys::Win32::System::LibraryLoader::{
    GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, GET_MODULE_HANDLE_EX_FLAG_PIN, GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

fn loader() -> &'static dyn LoaderApi {
    dllcore::loader_api::loader()
}

fn load(name: Option<String>, file: HANDLE, flags: u32) -> HMODULE {
    let Some(name) = name else {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    };
    if !file.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    }
    match loader().load_library(&name, flags) {
        Ok(m) => m as HMODULE,
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

/// LoadLibraryExW: load a DLL (or add a reference to a loaded one) and return its handle.
/// `file` is reserved and must be NULL (ERROR_INVALID_PARAMETER); NULL name likewise.
#[export]
pub unsafe extern "win64" fn LoadLibraryExW(name: PCWSTR, file: HANDLE, flags: u32) -> HMODULE {
    // SAFETY: the program passes a NUL-terminated name.
    load(unsafe { dllcore::strings::wstr_to_string(name) }, file, flags)
}

/// LoadLibraryExA: as LoadLibraryExW, with an ANSI (UTF-8) name.
#[export]
pub unsafe extern "win64" fn LoadLibraryExA(name: PCSTR, file: HANDLE, flags: u32) -> HMODULE {
    // SAFETY: the program passes a NUL-terminated name.
    load(unsafe { dllcore::strings::cstr(name) }.map(codepage::ansi_to_string), file, flags)
}

/// LoadLibraryW: LoadLibraryExW without flags.
#[export]
pub unsafe extern "win64" fn LoadLibraryW(name: PCWSTR) -> HMODULE {
    // SAFETY: the program passes a NUL-terminated name.
    load(unsafe { dllcore::strings::wstr_to_string(name) }, std::ptr::null_mut(), 0)
}

/// LoadLibraryA: LoadLibraryExA without flags.
#[export]
pub unsafe extern "win64" fn LoadLibraryA(name: PCSTR) -> HMODULE {
    // SAFETY: the program passes a NUL-terminated name.
    load(unsafe { dllcore::strings::cstr(name) }.map(codepage::ansi_to_string), std::ptr::null_mut(), 0)
}

fn module_handle(name: Option<&str>) -> HMODULE {
    match loader().get_module_handle(name) {
        Some(m) => m as HMODULE,
        None => teb::fail(ERROR_MOD_NOT_FOUND, std::ptr::null_mut()),
    }
}

/// GetModuleHandleW: the handle of a loaded module (NULL: the main exe), without taking a
/// reference; ERROR_MOD_NOT_FOUND if it is not loaded.
#[export]
pub unsafe extern "win64" fn GetModuleHandleW(name: PCWSTR) -> HMODULE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    module_handle(unsafe { dllcore::strings::wstr_to_string(name) }.as_deref())
}

/// GetModuleHandleA: as GetModuleHandleW, with an ANSI (UTF-8) name.
#[export]
pub unsafe extern "win64" fn GetModuleHandleA(name: PCSTR) -> HMODULE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    module_handle(unsafe { dllcore::strings::cstr(name) }.map(codepage::ansi_to_string).as_deref())
}

const GMH_FLAGS: u32 = GET_MODULE_HANDLE_EX_FLAG_PIN
    | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT
    | GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS;

/// GetModuleHandleEx for a decoded name (or address).
///
/// # Safety
/// `out` must be NULL or point at an HMODULE.
unsafe fn module_handle_ex(flags: u32, name: Option<String>, addr: usize, out: *mut HMODULE) -> BOOL {
    if out.is_null()
        || flags & !GMH_FLAGS != 0
        || flags & (GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT)
            == GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT
    {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: checked non-NULL; the program passes an HMODULE to fill.
    unsafe { *out = std::ptr::null_mut() };
    let l = loader();
    let module = if flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS != 0 {
        l.describe_address(addr).map(|(_, off)| addr - off)
    } else {
        l.get_module_handle(name.as_deref())
    };
    let Some(module) = module else {
        return teb::fail(ERROR_MOD_NOT_FOUND, FALSE);
    };
    if flags & GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT == 0 {
        // Take a reference, as LoadLibrary of the loaded module does.
        if let Some(path) = l.module_file_name(module) {
            let _ = l.load_library(&path, 0);
        }
    }
    // SAFETY: as above.
    unsafe { *out = module as HMODULE };
    TRUE
}

/// GetModuleHandleExW: the handle of a loaded module by name (NULL: the main exe) or, with
/// GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, of the module containing the address `name`; takes
/// a reference unless GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT. ERROR_INVALID_PARAMETER for
/// unknown flags, PIN with UNCHANGED_REFCOUNT, or a NULL `out`.
/// GET_MODULE_HANDLE_EX_FLAG_PIN takes an ordinary reference: the module can still be freed.
#[export]
pub unsafe extern "win64" fn GetModuleHandleExW(flags: u32, name: PCWSTR, out: *mut HMODULE) -> BOOL {
    let decoded = if flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS != 0 {
        None
    } else {
        // SAFETY: the program passes NULL or a NUL-terminated name.
        unsafe { dllcore::strings::wstr_to_string(name) }
    };
    // SAFETY: out is the program's HMODULE pointer.
    unsafe { module_handle_ex(flags, decoded, name as usize, out) }
}

/// GetModuleHandleExA: as GetModuleHandleExW, with an ANSI (UTF-8) name.
/// GET_MODULE_HANDLE_EX_FLAG_PIN takes an ordinary reference: the module can still be freed.
#[export]
pub unsafe extern "win64" fn GetModuleHandleExA(flags: u32, name: PCSTR, out: *mut HMODULE) -> BOOL {
    let decoded = if flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS != 0 {
        None
    } else {
        // SAFETY: the program passes NULL or a NUL-terminated name.
        unsafe { dllcore::strings::cstr(name) }.map(codepage::ansi_to_string)
    };
    // SAFETY: out is the program's HMODULE pointer.
    unsafe { module_handle_ex(flags, decoded, name as usize, out) }
}

/// GetProcAddress: the address of an export, by name or (a value below 0x10000) by ordinal,
/// following forwarders; NULL module means the main exe. ERROR_PROC_NOT_FOUND when missing.
#[export]
pub unsafe extern "win64" fn GetProcAddress(module: HMODULE, name: PCSTR) -> FARPROC {
    let l = loader();
    let module = if module.is_null() {
        match l.get_module_handle(None) {
            Some(m) => m,
            None => return teb::fail(ERROR_MOD_NOT_FOUND, None),
        }
    } else {
        module as usize
    };
    let proc_name = if (name as usize) < 0x10000 {
        ProcName::Ordinal(name as usize as u16)
    } else {
        // SAFETY: the program passes a NUL-terminated name.
        ProcName::Name(unsafe { dllcore::strings::cstr(name) }.unwrap_or(&[]))
    };
    match l.get_proc_address(module, proc_name) {
        // SAFETY: a non-zero code address; FARPROC is a nullable function pointer.
        Ok(addr) => unsafe { std::mem::transmute::<usize, FARPROC>(addr) },
        Err(e) => teb::fail(e, None),
    }
}

/// FreeLibrary: drop a reference to a module, unloading it (DLL_PROCESS_DETACH) at zero.
/// ERROR_INVALID_HANDLE for NULL, ERROR_MOD_NOT_FOUND for a handle that is not a module.
#[export]
pub extern "win64" fn FreeLibrary(module: HMODULE) -> BOOL {
    if module.is_null() {
        return teb::fail(ERROR_INVALID_HANDLE, FALSE);
    }
    if loader().free_library(module as usize) { TRUE } else { teb::fail(ERROR_MOD_NOT_FOUND, FALSE) }
}

/// The Windows path of a module (NULL: the main exe).
fn module_path(module: HMODULE) -> Option<String> {
    let l = loader();
    let m = if module.is_null() { l.get_module_handle(None)? } else { module as usize };
    l.module_file_name(m)
}

/// Copy `s` into `buf[..size]` with GetModuleFileName's rules: the length without NUL when it
/// fits; otherwise `size - 1` elements and a NUL, returning `size` with ERROR_INSUFFICIENT_BUFFER.
///
/// # Safety
/// `buf` must be valid for `size` elements.
unsafe fn copy_truncating<T: Copy + Default>(s: &[T], buf: *mut T, size: u32) -> u32 {
    let size = size as usize;
    if s.len() < size {
        // SAFETY: buf holds size > len elements.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), buf, s.len());
            *buf.add(s.len()) = T::default();
        }
        // Success also clears the last error, as Wine does.
        return teb::fail(ERROR_SUCCESS, s.len() as u32);
    }
    if size > 0 {
        // SAFETY: buf holds size elements.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), buf, size - 1);
            *buf.add(size - 1) = T::default();
        }
    }
    teb::fail(ERROR_INSUFFICIENT_BUFFER, size as u32)
}

/// GetModuleFileNameW: the full Windows path of a module (NULL: the main exe); returns its
/// length (and sets the last error to ERROR_SUCCESS, as Wine does). A short buffer gets the path truncated to `size - 1` characters plus a NUL, and the
/// function returns `size` with ERROR_INSUFFICIENT_BUFFER (Vista+ behaviour).
#[export]
pub unsafe extern "win64" fn GetModuleFileNameW(module: HMODULE, buf: OutWStr, size: u32) -> u32 {
    let Some(path) = module_path(module) else {
        return teb::fail(ERROR_MOD_NOT_FOUND, 0);
    };
    let wide: Vec<u16> = path.encode_utf16().collect();
    // SAFETY: the program passes `size` writable units.
    unsafe { copy_truncating(&wide, buf, size) }
}

/// GetModuleFileNameA: as GetModuleFileNameW, in the ANSI code page (UTF-8; sizes in bytes).
/// Truncation never splits a UTF-8 sequence: fewer than `size - 1` bytes may be copied.
#[export]
pub unsafe extern "win64" fn GetModuleFileNameA(module: HMODULE, buf: OutStr, size: u32) -> u32 {
    let Some(path) = module_path(module) else {
        return teb::fail(ERROR_MOD_NOT_FOUND, 0);
    };
    if path.len() >= size as usize && size > 0 {
        let mut cut = size as usize - 1;
        while !path.is_char_boundary(cut) {
            cut -= 1;
        }
        // SAFETY: the program passes `size` writable bytes; cut < size.
        unsafe {
            std::ptr::copy_nonoverlapping(path.as_ptr(), buf, cut);
            *buf.add(cut) = 0;
        }
        return teb::fail(ERROR_INSUFFICIENT_BUFFER, size);
    }
    // SAFETY: the program passes `size` writable bytes.
    unsafe { copy_truncating(path.as_bytes(), buf, size) }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use windows_sys::Win32::Foundation::ERROR_PROC_NOT_FOUND;

    /// A stand-in main exe: DOS header, NT headers declaring OS version 4.0 (as mingw does).
    #[repr(C, align(4096))]
    pub struct FakeImage([u8; 0x400]);
    pub static FAKE_EXE: FakeImage = {
        let mut b = [0u8; 0x400];
        b[0] = b'M';
        b[1] = b'Z';
        b[0x3c] = 0x80; // e_lfanew
        b[0x80] = b'P';
        b[0x81] = b'E';
        // OptionalHeader at 0x80 + 24; MajorOperatingSystemVersion at +40.
        b[0x80 + 24 + 40] = 4;
        FakeImage(b)
    };
    const DLL: usize = 0x7100_0000;

    struct MockLoader;
    impl LoaderApi for MockLoader {
        fn load_library(&self, name: &str, _flags: u32) -> Result<usize, u32> {
            if name.eq_ignore_ascii_case("mock.dll") || name.eq_ignore_ascii_case("C:\\windows\\system32\\mock.dll") {
                Ok(DLL)
            } else {
                Err(ERROR_MOD_NOT_FOUND)
            }
        }
        fn get_module_handle(&self, name: Option<&str>) -> Option<usize> {
            match name {
                None => Some(FAKE_EXE.0.as_ptr() as usize),
                Some(n) if n.eq_ignore_ascii_case("mock.dll") => Some(DLL),
                _ => None,
            }
        }
        fn get_proc_address(&self, module: usize, proc_name: ProcName) -> Result<usize, u32> {
            match (module, proc_name) {
                (DLL, ProcName::Name(b"Hello")) => Ok(DLL + 0x1000),
                (DLL, ProcName::Ordinal(7)) => Ok(DLL + 0x2000),
                _ => Err(ERROR_PROC_NOT_FOUND),
            }
        }
        fn free_library(&self, module: usize) -> bool {
            module == DLL
        }
        fn module_file_name(&self, module: usize) -> Option<String> {
            if module == DLL {
                Some("C:\\windows\\system32\\mock.dll".into())
            } else if module == FAKE_EXE.0.as_ptr() as usize {
                Some("Z:\\tmp\\é.exe".into())
            } else {
                None
            }
        }
        fn exit_process(&self, code: u32) -> ! {
            std::process::exit(code as i32)
        }
        fn thread_attach(&self) {}
        fn thread_detach(&self) {}
        fn describe_address(&self, addr: usize) -> Option<(String, usize)> {
            (DLL..DLL + 0x10000).contains(&addr).then(|| ("mock.dll".to_string(), addr - DLL))
        }
    }
    static MOCK: MockLoader = MockLoader;

    pub fn install_mock_loader() {
        dllcore::loader_api::set_loader(&MOCK);
    }

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    #[test]
    fn load_get_free() {
        teb::attach_current_thread();
        install_mock_loader();
        let m = unsafe { LoadLibraryW(w("mock.dll").as_ptr()) };
        assert_eq!(m as usize, DLL);
        assert_eq!(unsafe { LoadLibraryA(c"MOCK.DLL".as_ptr() as _) } as usize, DLL);
        assert!(unsafe { LoadLibraryA(c"nothere.dll".as_ptr() as _) }.is_null());
        assert_eq!(GetLastError(), ERROR_MOD_NOT_FOUND);
        assert!(unsafe { LoadLibraryExW(w("mock.dll").as_ptr(), 1 as HANDLE, 0) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(unsafe { GetModuleHandleW(std::ptr::null()) } as usize, FAKE_EXE.0.as_ptr() as usize);
        assert_eq!(unsafe { GetModuleHandleA(c"mock.dll".as_ptr() as _) } as usize, DLL);
        assert!(unsafe { GetModuleHandleA(c"other.dll".as_ptr() as _) }.is_null());
        assert_eq!(GetLastError(), ERROR_MOD_NOT_FOUND);

        let f = unsafe { GetProcAddress(m, c"Hello".as_ptr() as _) };
        assert_eq!(f.map(|f| f as usize), Some(DLL + 0x1000));
        let f = unsafe { GetProcAddress(m, 7 as PCSTR) };
        assert_eq!(f.map(|f| f as usize), Some(DLL + 0x2000));
        assert!(unsafe { GetProcAddress(m, c"Nope".as_ptr() as _) }.is_none());
        assert_eq!(GetLastError(), ERROR_PROC_NOT_FOUND);

        assert_eq!(FreeLibrary(m), TRUE);
        assert_eq!(FreeLibrary(std::ptr::null_mut()), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
    }

    #[test]
    fn module_handle_ex() {
        teb::attach_current_thread();
        install_mock_loader();
        let mut m: HMODULE = 1 as HMODULE;
        assert_eq!(
            unsafe { GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, (DLL + 0x1234) as PCWSTR, &mut m) },
            TRUE
        );
        assert_eq!(m as usize, DLL);
        assert_eq!(unsafe { GetModuleHandleExW(0, w("mock.dll").as_ptr(), &mut m) }, TRUE);
        assert_eq!(m as usize, DLL);
        assert_eq!(
            unsafe { GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT, std::ptr::null(), &mut m) },
            TRUE
        );
        assert_eq!(m as usize, FAKE_EXE.0.as_ptr() as usize);
        assert_eq!(
            unsafe { GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS, 0x1000 as PCWSTR, &mut m) },
            FALSE
        );
        assert_eq!((GetLastError(), m as usize), (ERROR_MOD_NOT_FOUND, 0));
        let both = GET_MODULE_HANDLE_EX_FLAG_PIN | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT;
        assert_eq!(unsafe { GetModuleHandleExW(both, std::ptr::null(), &mut m) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(unsafe { GetModuleHandleExW(0, std::ptr::null(), std::ptr::null_mut()) }, FALSE);
    }

    #[test]
    fn module_file_name_truncation() {
        teb::attach_current_thread();
        install_mock_loader();
        let dll = DLL as HMODULE;
        let full = "C:\\windows\\system32\\mock.dll";
        let mut buf = [0x7777u16; 64];
        assert_eq!(unsafe { GetModuleFileNameW(dll, buf.as_mut_ptr(), 64) } as usize, full.len());
        assert_eq!(String::from_utf16_lossy(&buf[..full.len()]), full);
        assert_eq!(buf[full.len()], 0);
        // Exactly the length: no room for the NUL, so truncated.
        let n = full.len() as u32;
        assert_eq!(unsafe { GetModuleFileNameW(dll, buf.as_mut_ptr(), n) }, n);
        assert_eq!(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
        assert_eq!(buf[full.len() - 1], 0);
        assert_eq!(String::from_utf16_lossy(&buf[..full.len() - 1]), &full[..full.len() - 1]);
        assert_eq!(unsafe { GetModuleFileNameW(dll, buf.as_mut_ptr(), 4) }, 4);
        assert_eq!(&buf[..4], &w("C:\\")[..]);
        // The exe, in UTF-8: "Z:\tmp\é.exe" is 13 bytes; a cut inside 'é' backs off.
        let mut a = [0x77u8; 32];
        assert_eq!(unsafe { GetModuleFileNameA(std::ptr::null_mut(), a.as_mut_ptr(), 32) }, 13);
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        assert_eq!(&a[..14], "Z:\\tmp\\é.exe\0".as_bytes());
        assert_eq!(unsafe { GetModuleFileNameA(std::ptr::null_mut(), a.as_mut_ptr(), 9) }, 9);
        assert_eq!(&a[..8], b"Z:\\tmp\\\0");
        assert_eq!(unsafe { GetModuleFileNameW(0x1000 as HMODULE, buf.as_mut_ptr(), 64) }, 0);
        assert_eq!(GetLastError(), ERROR_MOD_NOT_FOUND);
    }
}
