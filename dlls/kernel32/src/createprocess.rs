//! processthreadsapi.h: CreateProcess and what it takes: finding the program, the environment
//! block, STARTUPINFO(EX), and the thread attribute lists (InitializeProcThreadAttributeList
//! and friends). The child itself is started by `syscall_shims::process::spawn`.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use syscall_shims::process::{self, Spawn};
use syscall_shims::{codepage, env, handles, path};
use windows_sys::Win32::Foundation::{
    ERROR_BAD_LENGTH, ERROR_DIRECTORY, ERROR_FILE_NOT_FOUND, ERROR_GEN_FAILURE, ERROR_INSUFFICIENT_BUFFER,
    ERROR_INVALID_PARAMETER, ERROR_NOT_SUPPORTED, FALSE, HANDLE, HANDLE_FLAG_INHERIT, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::System::Threading::{
    CREATE_NEW_PROCESS_GROUP, CREATE_SUSPENDED, CREATE_UNICODE_ENVIRONMENT, DEBUG_ONLY_THIS_PROCESS, DEBUG_PROCESS,
    EXTENDED_STARTUPINFO_PRESENT, PROCESS_INFORMATION, STARTF_USESTDHANDLES, STARTUPINFOA, STARTUPINFOW,
};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// PROC_THREAD_ATTRIBUTE_HANDLE_LIST.
const ATTR_HANDLE_LIST: usize = 0x0002_0002;

/// What CreateProcessW and CreateProcessA have decoded.
struct Request {
    app: Option<String>,
    command_line: Option<String>,
    inherit_handles: bool,
    flags: u32,
    /// The environment block's strings; None: ours.
    env: Option<Vec<String>>,
    cwd: Option<String>,
    /// STARTUPINFO.dwFlags and its three handles.
    si_flags: u32,
    si_std: [HANDLE; 3],
    /// The attribute list of a STARTUPINFOEX (EXTENDED_STARTUPINFO_PRESENT).
    attributes: *const AttrList,
    /// STARTUPINFO's cbReserved2 bytes at lpReserved2 (the C runtime's fd table), copied.
    reserved2: Vec<u8>,
    process_inherit: bool,
    thread_inherit: bool,
}

/// The running program's directory: where CreateProcess looks first.
fn app_dir() -> Option<&'static str> {
    process::search::dir_of(dllcore::process::image_path())
}

/// An environment block: NUL-separated strings up to an empty one.
///
/// # Safety
/// `block` must be a valid environment block of `T` units.
unsafe fn block_strings<T: Copy + Default + PartialEq>(block: *const T) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut p = block;
    // SAFETY: per the contract, the block ends with an empty string.
    unsafe {
        loop {
            let mut s = Vec::new();
            while *p != T::default() {
                s.push(*p);
                p = p.add(1);
            }
            p = p.add(1);
            if s.is_empty() {
                break;
            }
            out.push(s);
        }
    }
    out
}

/// Our own environment as strings.
fn own_environment() -> Vec<String> {
    let b = env::block();
    b.split(|&c| c == 0).filter(|s| !s.is_empty()).map(String::from_utf16_lossy).collect()
}

/// The attribute list behind InitializeProcThreadAttributeList (programs treat it as opaque).
#[repr(C)]
pub struct AttrList {
    capacity: u32,
    count: u32,
    attrs: [Attr; 0],
}

#[repr(C)]
#[derive(Clone, Copy)]
struct Attr {
    attribute: usize,
    size: usize,
    value: *const core::ffi::c_void,
}

/// The handles a PROC_THREAD_ATTRIBUTE_HANDLE_LIST names, if the list has one.
///
/// # Safety
/// `list` must be NULL or a list set up by InitializeProcThreadAttributeList whose values are
/// still valid.
unsafe fn handle_list(list: *const AttrList) -> Option<Vec<HANDLE>> {
    if list.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    unsafe {
        let attrs = std::slice::from_raw_parts((*list).attrs.as_ptr(), (*list).count as usize);
        let a = attrs.iter().find(|a| a.attribute == ATTR_HANDLE_LIST)?;
        Some(std::slice::from_raw_parts(a.value as *const HANDLE, a.size / 8).to_vec())
    }
}

fn create_process(req: Request, pi: *mut PROCESS_INFORMATION) -> Result<(), u32> {
    let (unix, image) = match (&req.app, &req.command_line) {
        (Some(app), _) => process::search::find_program(app, false, app_dir()).ok_or(ERROR_FILE_NOT_FOUND)?,
        (None, Some(cmd)) => {
            process::search::program_from_command_line(cmd, app_dir()).ok_or(ERROR_FILE_NOT_FOUND)?
        }
        (None, None) => return Err(ERROR_INVALID_PARAMETER),
    };
    // Without a command line, the application name is the command line.
    let command_line = match &req.command_line {
        Some(c) => c.clone(),
        None => req.app.clone().unwrap_or_default(),
    };
    // A batch file runs in the command interpreter.
    let (unix, image, command_line) = if process::search::is_batch(&image) {
        process::search::batch_interpreter(&command_line).ok_or(ERROR_FILE_NOT_FOUND)?
    } else {
        (unix, image, command_line)
    };
    let kind = process::program_kind(&unix)?;
    if req.flags & (DEBUG_PROCESS | DEBUG_ONLY_THIS_PROCESS) != 0 {
        log::warn!("CreateProcess: debugging a child is not supported; it runs undebugged");
    }
    let cwd = match &req.cwd {
        Some(d) => {
            let full = path::full_path(d).ok_or(ERROR_DIRECTORY)?;
            let u = path::dos_to_unix(&full).ok_or(ERROR_DIRECTORY)?;
            if !std::path::Path::new(&u).is_dir() {
                return Err(ERROR_DIRECTORY);
            }
            Some(u)
        }
        None => None,
    };
    let env_strings = req.env.unwrap_or_else(own_environment);
    let std = if req.si_flags & STARTF_USESTDHANDLES != 0 { req.si_std } else { [0, 1, 2].map(handles::std_handle) };
    let inherit: Vec<HANDLE> = if !req.inherit_handles {
        Vec::new()
    } else {
        // SAFETY: the program passes a list it set up, valid until it deletes it.
        match unsafe { handle_list(req.attributes) } {
            Some(list) => {
                list.into_iter().filter(|&h| handles::flags(h).is_ok_and(|f| f & HANDLE_FLAG_INHERIT != 0)).collect()
            }
            None => handles::inheritable().into_iter().map(|(h, _, _)| h).collect(),
        }
    };
    let spawned = process::spawn(&Spawn {
        program: &unix,
        image: &image,
        kind,
        command_line: &command_line,
        cwd: cwd.as_deref(),
        env: &env_strings,
        inherit: &inherit,
        std,
        suspended: req.flags & CREATE_SUSPENDED != 0,
        new_group: req.flags & CREATE_NEW_PROCESS_GROUP != 0,
        reserved2: &req.reserved2,
    })?;
    let hp = handles::insert(spawned.process, req.process_inherit);
    let ht = handles::insert(spawned.thread, req.thread_inherit);
    if !pi.is_null() {
        // SAFETY: the program passes a PROCESS_INFORMATION to fill.
        unsafe {
            pi.write_unaligned(PROCESS_INFORMATION {
                hProcess: hp,
                hThread: ht,
                dwProcessId: spawned.pid,
                dwThreadId: spawned.pid,
            })
        };
    }
    Ok(())
}

fn finish(r: Result<(), u32>) -> BOOL {
    match r {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// STARTUPINFO's dwFlags and standard handles, a STARTUPINFOEX's attribute list, and a copy
/// of the cbReserved2 bytes at lpReserved2 (empty when either is 0/NULL).
///
/// # Safety
/// `si` must be NULL or a STARTUPINFOW/A (STARTUPINFOEX when `extended`) whose lpReserved2,
/// if not NULL, has cbReserved2 readable bytes.
unsafe fn startup(si: *const STARTUPINFOW, extended: bool) -> (u32, [HANDLE; 3], *const AttrList, Vec<u8>) {
    if si.is_null() {
        return (0, [std::ptr::null_mut(); 3], std::ptr::null(), Vec::new());
    }
    // SAFETY: per the contract; STARTUPINFOA has the same layout apart from string types.
    unsafe {
        let s = si.read_unaligned();
        let attrs = if extended && s.cb as usize >= std::mem::size_of::<STARTUPINFOW>() + 8 {
            (si as *const u8).add(std::mem::size_of::<STARTUPINFOW>()).cast::<*const AttrList>().read_unaligned()
        } else {
            std::ptr::null()
        };
        let reserved2 = if s.lpReserved2.is_null() || s.cbReserved2 == 0 {
            Vec::new()
        } else {
            std::slice::from_raw_parts(s.lpReserved2, usize::from(s.cbReserved2)).to_vec()
        };
        (s.dwFlags, [s.hStdInput, s.hStdOutput, s.hStdError], attrs, reserved2)
    }
}

/// CreateProcessW: start a program in a new process and return handles to it and its main
/// thread. A PE program runs in a new wine-rs, a native (ELF) program is executed directly.
/// The program is `app` (a path, not searched, no extension added) or the command line's first
/// token (".exe" added when it has no extension; searched in the application's directory, the
/// current directory, the system directories and PATH). A batch file (".bat", ".cmd") runs
/// in the command interpreter, `%COMSPEC% /c "command line"`, as Windows does. With `inherit`, the child inherits the
/// inheritable handles (all, or those of a PROC_THREAD_ATTRIBUTE_HANDLE_LIST), under the same
/// values; STARTF_USESTDHANDLES gives its standard handles. `env` is ANSI or, with
/// CREATE_UNICODE_ENVIRONMENT, UTF-16. CREATE_SUSPENDED holds the child until ResumeThread on
/// its thread handle; CREATE_NEW_PROCESS_GROUP starts a new process group whose first process
/// ignores Ctrl+C, as Windows documents; CREATE_NO_WINDOW and console flags are accepted.
/// STARTUPINFO's cbReserved2/lpReserved2 bytes reach a PE child's GetStartupInfo (the C
/// runtime passes its fd table that way); a native program does not get them.
/// Only handles that are host fds (files, pipes, named pipe ends) cross into the child; the
/// thread id given is the child's process id; DEBUG_PROCESS is ignored.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn CreateProcessW(
    app: PCWSTR,
    cmd: PCWSTR,
    process_attrs: *const SECURITY_ATTRIBUTES,
    thread_attrs: *const SECURITY_ATTRIBUTES,
    inherit: BOOL,
    flags: u32,
    environment: *const core::ffi::c_void,
    cwd: PCWSTR,
    si: *const STARTUPINFOW,
    pi: *mut PROCESS_INFORMATION,
) -> BOOL {
    // SAFETY: the program passes NUL-terminated strings, a valid environment block and
    // STARTUPINFO, and SECURITY_ATTRIBUTES or NULLs.
    let req = unsafe {
        let env = if environment.is_null() {
            None
        } else if flags & CREATE_UNICODE_ENVIRONMENT != 0 {
            Some(block_strings(environment as *const u16).iter().map(|s| String::from_utf16_lossy(s)).collect())
        } else {
            Some(block_strings(environment as *const u8).iter().map(|s| codepage::ansi_to_string(s)).collect())
        };
        let (si_flags, si_std, attributes, reserved2) = startup(si, flags & EXTENDED_STARTUPINFO_PRESENT != 0);
        Request {
            app: dllcore::strings::wstr_to_string(app),
            command_line: dllcore::strings::wstr_to_string(cmd),
            inherit_handles: inherit != 0,
            flags,
            env,
            cwd: dllcore::strings::wstr_to_string(cwd),
            si_flags,
            si_std,
            attributes,
            reserved2,
            process_inherit: inherit_of(process_attrs),
            thread_inherit: inherit_of(thread_attrs),
        }
    };
    finish(create_process(req, pi))
}

/// CreateProcessA: CreateProcessW with ANSI (UTF-8) strings; the environment block is ANSI
/// unless CREATE_UNICODE_ENVIRONMENT.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn CreateProcessA(
    app: PCSTR,
    cmd: PCSTR,
    process_attrs: *const SECURITY_ATTRIBUTES,
    thread_attrs: *const SECURITY_ATTRIBUTES,
    inherit: BOOL,
    flags: u32,
    environment: *const core::ffi::c_void,
    cwd: PCSTR,
    si: *const STARTUPINFOA,
    pi: *mut PROCESS_INFORMATION,
) -> BOOL {
    // SAFETY: as CreateProcessW, with narrow strings.
    let req = unsafe {
        let s = |p: PCSTR| dllcore::strings::cstr(p).map(codepage::ansi_to_string);
        let env = if environment.is_null() {
            None
        } else if flags & CREATE_UNICODE_ENVIRONMENT != 0 {
            Some(block_strings(environment as *const u16).iter().map(|s| String::from_utf16_lossy(s)).collect())
        } else {
            Some(block_strings(environment as *const u8).iter().map(|s| codepage::ansi_to_string(s)).collect())
        };
        let (si_flags, si_std, attributes, reserved2) =
            startup(si as *const STARTUPINFOW, flags & EXTENDED_STARTUPINFO_PRESENT != 0);
        Request {
            app: s(app),
            command_line: s(cmd),
            inherit_handles: inherit != 0,
            flags,
            env,
            cwd: s(cwd),
            si_flags,
            si_std,
            attributes,
            reserved2,
            process_inherit: inherit_of(process_attrs),
            thread_inherit: inherit_of(thread_attrs),
        }
    };
    finish(create_process(req, pi))
}

/// The bytes an attribute list of `count` entries needs.
fn list_size(count: u32) -> usize {
    std::mem::size_of::<AttrList>() + count as usize * std::mem::size_of::<Attr>()
}

/// InitializeProcThreadAttributeList: set up a list for `count` attributes in the caller's
/// buffer. With a NULL list or a too small `*size`: FALSE, ERROR_INSUFFICIENT_BUFFER and the
/// size needed in `*size`.
#[export]
pub unsafe extern "win64" fn InitializeProcThreadAttributeList(
    list: *mut AttrList,
    count: u32,
    flags: u32,
    size: *mut usize,
) -> BOOL {
    if flags != 0 || size.is_null() {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let need = list_size(count);
    // SAFETY: the program passes a SIZE_T, and a buffer of that size when `list` is not NULL.
    unsafe {
        if list.is_null() || *size < need {
            *size = need;
            return teb::fail(ERROR_INSUFFICIENT_BUFFER, FALSE);
        }
        (list as *mut u8).write_bytes(0, need);
        (*list).capacity = count;
        *size = need;
    }
    TRUE
}

/// UpdateProcThreadAttribute: add an attribute (its value is used in place, so it must stay
/// valid until the list is deleted). PROC_THREAD_ATTRIBUTE_HANDLE_LIST takes an array of
/// handles (ERROR_BAD_LENGTH unless its size is a non-zero multiple of a handle's); other
/// attributes are accepted and ignored. ERROR_GEN_FAILURE when the list is full.
#[export]
pub unsafe extern "win64" fn UpdateProcThreadAttribute(
    list: *mut AttrList,
    flags: u32,
    attribute: usize,
    value: *const core::ffi::c_void,
    size: usize,
    _previous: *mut core::ffi::c_void,
    _return_size: *mut usize,
) -> BOOL {
    if list.is_null() || flags != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    if attribute == ATTR_HANDLE_LIST && (size == 0 || !size.is_multiple_of(std::mem::size_of::<HANDLE>())) {
        return teb::fail(ERROR_BAD_LENGTH, FALSE);
    }
    if attribute & 0x0002_0000 == 0 && attribute & 0x0001_0000 == 0 {
        return teb::fail(ERROR_NOT_SUPPORTED, FALSE);
    }
    // SAFETY: a list set up by InitializeProcThreadAttributeList.
    unsafe {
        let (count, capacity) = ((*list).count, (*list).capacity);
        if count >= capacity {
            return teb::fail(ERROR_GEN_FAILURE, FALSE);
        }
        let slot = (*list).attrs.as_mut_ptr().add(count as usize);
        slot.write(Attr { attribute, size, value });
        (*list).count = count + 1;
    }
    TRUE
}

/// DeleteProcThreadAttributeList: nothing to free (the caller owns the buffer).
#[export]
pub extern "win64" fn DeleteProcThreadAttributeList(_list: *mut AttrList) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_lists() {
        teb::attach_current_thread();
        let mut size = 0usize;
        assert_eq!(unsafe { InitializeProcThreadAttributeList(std::ptr::null_mut(), 2, 0, &mut size) }, FALSE);
        assert_eq!(teb::last_error(), ERROR_INSUFFICIENT_BUFFER);
        assert_eq!(size, list_size(2));
        let mut buf = vec![0u64; size.div_ceil(8)];
        let list = buf.as_mut_ptr() as *mut AttrList;
        assert_eq!(unsafe { InitializeProcThreadAttributeList(list, 2, 0, &mut size) }, TRUE);
        let hs: [HANDLE; 2] = [0x44 as HANDLE, 0x48 as HANDLE];
        let up = |attr: usize, v: *const core::ffi::c_void, n: usize| unsafe {
            UpdateProcThreadAttribute(list, 0, attr, v, n, std::ptr::null_mut(), std::ptr::null_mut())
        };
        assert_eq!(up(ATTR_HANDLE_LIST, hs.as_ptr() as _, 12), FALSE);
        assert_eq!(teb::last_error(), ERROR_BAD_LENGTH);
        assert_eq!(up(ATTR_HANDLE_LIST, hs.as_ptr() as _, 16), TRUE);
        assert_eq!(up(0x0002_0000, std::ptr::null(), 8), TRUE);
        assert_eq!(up(0x0002_0016, std::ptr::null(), 8), FALSE, "full");
        assert_eq!(teb::last_error(), ERROR_GEN_FAILURE);
        assert_eq!(unsafe { handle_list(list) }, Some(hs.to_vec()));
        DeleteProcThreadAttributeList(list);
    }

    /// A native program through CreateProcessW: executed directly, argv from the command
    /// line by the CRT's rules, its exit code through a waitable process handle.
    #[test]
    fn native_child() {
        use crate::synchapi::WaitForSingleObject;
        teb::attach_current_thread();
        let cmd: Vec<u16> = "/bin/sh -c \"exit 7\"".encode_utf16().chain([0]).collect();
        let si = STARTUPINFOW { cb: std::mem::size_of::<STARTUPINFOW>() as u32, ..Default::default() };
        let mut pi = PROCESS_INFORMATION::default();
        let ok = unsafe {
            CreateProcessW(
                std::ptr::null(),
                cmd.as_ptr(),
                std::ptr::null(),
                std::ptr::null(),
                FALSE,
                0,
                std::ptr::null(),
                std::ptr::null(),
                &si,
                &mut pi,
            )
        };
        assert_eq!(ok, TRUE, "error {}", teb::last_error());
        assert_eq!(WaitForSingleObject(pi.hProcess, 10_000), 0);
        let mut code = 0;
        assert_eq!(unsafe { crate::processthreadsapi::GetExitCodeProcess(pi.hProcess, &mut code) }, TRUE);
        assert_eq!(code, 7);
        crate::handleapi::CloseHandle(pi.hProcess);
        crate::handleapi::CloseHandle(pi.hThread);
        // Not a program at all.
        let cmd: Vec<u16> = "/proc/self/status".encode_utf16().chain([0]).collect();
        let ok = unsafe {
            CreateProcessW(
                cmd.as_ptr(),
                std::ptr::null(),
                std::ptr::null(),
                std::ptr::null(),
                FALSE,
                0,
                std::ptr::null(),
                std::ptr::null(),
                &si,
                &mut pi,
            )
        };
        assert_eq!((ok, teb::last_error()), (FALSE, windows_sys::Win32::Foundation::ERROR_BAD_EXE_FORMAT));
    }

    #[test]
    fn environment_blocks() {
        let w: Vec<u16> = "A=1\0B=two\0\0".encode_utf16().collect();
        let got: Vec<String> =
            unsafe { block_strings(w.as_ptr()) }.iter().map(|s| String::from_utf16_lossy(s)).collect();
        assert_eq!(got, ["A=1", "B=two"]);
        let a = b"=C:=C:\\x\0Z=\xc3\xa9\0\0";
        let got: Vec<String> =
            unsafe { block_strings(a.as_ptr()) }.iter().map(|s| codepage::ansi_to_string(s)).collect();
        assert_eq!(got, ["=C:=C:\\x", "Z=é"]);
    }
}
