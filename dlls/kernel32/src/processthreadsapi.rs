//! processthreadsapi.h: the current process and thread, processes, exit codes, startup info.
//! The thread half of the header (creating, ending, suspending threads, their context and
//! APCs) is in `threads.rs`, thread-local storage in `tls.rs`.

use dllcore::{export, teb};
use syscall_shims::handles::{self, Object};
use syscall_shims::sync;
use windows_sys::Win32::Foundation::FILETIME;
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_NOACCESS, FALSE, HANDLE, STILL_ACTIVE, TRUE};
use windows_sys::Win32::System::Threading::{STARTUPINFOA, STARTUPINFOW};
use windows_sys::core::BOOL;

pub use crate::threads::{
    CreateThread, ExitThread, GetExitCodeThread, GetThreadId, ResumeThread, create_thread, exit_thread,
};
pub use crate::tls::{TLS_SLOTS, TlsAlloc, TlsFree, TlsGetValue, TlsSetValue};
pub use syscall_shims::handles::{CURRENT_PROCESS, CURRENT_THREAD};

/// GetCurrentProcess: the pseudo handle (HANDLE)-1, valid in the calling process only.
#[export]
pub extern "win64" fn GetCurrentProcess() -> HANDLE {
    CURRENT_PROCESS
}

/// GetCurrentThread: the pseudo handle (HANDLE)-2, meaning the calling thread.
#[export]
pub extern "win64" fn GetCurrentThread() -> HANDLE {
    CURRENT_THREAD
}

/// GetCurrentProcessId: the process id.
/// The host pid (Windows ids are multiples of 4; programs cannot rely on that).
#[export]
pub extern "win64" fn GetCurrentProcessId() -> u32 {
    sync::current_pid()
}

/// GetCurrentThreadId: the calling thread's id, as in TEB.ClientId.
/// The host tid.
#[export]
pub extern "win64" fn GetCurrentThreadId() -> u32 {
    sync::current_tid()
}

/// ExitProcess: detach the DLLs (DLL_PROCESS_DETACH, TLS callbacks), flush the C runtime and
/// end the process with `code`.
#[export]
pub extern "win64" fn ExitProcess(code: u32) -> ! {
    dllcore::process::exit_process(code)
}

/// GetExitCodeProcess: STILL_ACTIVE (259) while the process runs, then its exit code.
#[export]
pub unsafe extern "win64" fn GetExitCodeProcess(h: HANDLE, code: *mut u32) -> BOOL {
    let c = match handles::resolve(h).as_deref() {
        Ok(Object::Process(p)) => p.exit_code().unwrap_or(STILL_ACTIVE as u32),
        _ => return teb::fail(ERROR_INVALID_HANDLE, FALSE),
    };
    if code.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a DWORD to fill.
    unsafe { *code = c };
    TRUE
}

/// GetProcessId: the id of the process a handle designates.
#[export]
pub extern "win64" fn GetProcessId(h: HANDLE) -> u32 {
    match handles::resolve(h).as_deref() {
        Ok(Object::Process(p)) => p.pid,
        _ => teb::fail(ERROR_INVALID_HANDLE, 0),
    }
}

/// OpenProcess: a handle to process `pid`: the current process, a child (the object its
/// creator holds), or another live process. ERROR_INVALID_PARAMETER when there is none.
/// Access rights are not checked. A process that is not our child reports exit code 0.
#[export]
pub extern "win64" fn OpenProcess(_access: u32, inherit: BOOL, pid: u32) -> HANDLE {
    match syscall_shims::process::open(pid) {
        Ok(obj) => handles::insert(obj, inherit != 0),
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

/// TerminateProcess: end a process with `code`. The current process ends at once, without
/// DLL detach. ERROR_ACCESS_DENIED for a process that has already exited.
#[export]
pub extern "win64" fn TerminateProcess(h: HANDLE, code: u32) -> BOOL {
    let r = handles::resolve(h).and_then(|o| syscall_shims::process::terminate(&o, code));
    match r {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// Store a 100-ns count as a FILETIME.
///
/// # Safety
/// `p` must be NULL or point at a FILETIME.
unsafe fn put_filetime(p: *mut FILETIME, v: u64) {
    if !p.is_null() {
        // SAFETY: per the contract.
        unsafe { p.write_unaligned(FILETIME { dwLowDateTime: v as u32, dwHighDateTime: (v >> 32) as u32 }) };
    }
}

/// GetProcessTimes: creation and exit time (FILETIME, UTC; exit is 0 while running) and the
/// kernel and user CPU time of a process.
/// Times of a running child come from /proc, in clock ticks (10 ms).
#[export]
pub unsafe extern "win64" fn GetProcessTimes(
    h: HANDLE,
    creation: *mut FILETIME,
    exit: *mut FILETIME,
    kernel: *mut FILETIME,
    user: *mut FILETIME,
) -> BOOL {
    let t = match handles::resolve(h).and_then(|o| syscall_shims::process::times::process_times(&o)) {
        Ok(t) => t,
        Err(e) => return teb::fail(e, FALSE),
    };
    // SAFETY: the program passes FILETIMEs to fill.
    unsafe {
        put_filetime(creation, t.creation);
        put_filetime(exit, t.exit);
        put_filetime(kernel, t.kernel);
        put_filetime(user, t.user);
    }
    TRUE
}

/// GetThreadTimes: as GetProcessTimes, for a thread.
/// A thread that has ended reports zeros; the exit time is not kept.
#[export]
pub unsafe extern "win64" fn GetThreadTimes(
    h: HANDLE,
    creation: *mut FILETIME,
    exit: *mut FILETIME,
    kernel: *mut FILETIME,
    user: *mut FILETIME,
) -> BOOL {
    let tid = match handles::resolve(h).as_deref() {
        Ok(Object::Thread(t)) => t.tid(),
        _ => return teb::fail(ERROR_INVALID_HANDLE, FALSE),
    };
    let t = syscall_shims::process::times::thread_times(tid);
    // SAFETY: the program passes FILETIMEs to fill.
    unsafe {
        put_filetime(creation, t.creation);
        put_filetime(exit, t.exit);
        put_filetime(kernel, t.kernel);
        put_filetime(user, t.user);
    }
    TRUE
}

/// GetPriorityClass: NORMAL_PRIORITY_CLASS for any process.
/// Priority classes are accepted and not applied.
#[export]
pub extern "win64" fn GetPriorityClass(h: HANDLE) -> u32 {
    match handles::resolve(h).as_deref() {
        Ok(Object::Process(_)) => windows_sys::Win32::System::Threading::NORMAL_PRIORITY_CLASS,
        _ => teb::fail(ERROR_INVALID_HANDLE, 0),
    }
}

/// SetPriorityClass: accepted for any process.
/// Priority classes are accepted and not applied.
#[export]
pub extern "win64" fn SetPriorityClass(h: HANDLE, _class: u32) -> BOOL {
    match handles::resolve(h).as_deref() {
        Ok(Object::Process(_)) => TRUE,
        _ => teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
}

/// The Windows path of a process's program: ours, or a child's.
fn image_of(h: HANDLE) -> Result<String, u32> {
    let obj = handles::resolve(h)?;
    let Object::Process(p) = &*obj else { return Err(ERROR_INVALID_HANDLE) };
    if p.pid == sync::current_pid() {
        return Ok(dllcore::process::image_path().to_string());
    }
    match syscall_shims::process::child_of(&obj) {
        Some(c) if !c.image.is_empty() => Ok(c.image.clone()),
        _ => Err(windows_sys::Win32::Foundation::ERROR_ACCESS_DENIED),
    }
}

/// QueryFullProcessImageNameW: the Windows path of a process's program (ours or a child's);
/// `*size` in: the buffer's size, out: the length. ERROR_INSUFFICIENT_BUFFER when it does not
/// fit. PROCESS_NAME_NATIVE (1) is not supported: the Win32 path is given.
#[export]
pub unsafe extern "win64" fn QueryFullProcessImageNameW(
    h: HANDLE,
    _flags: u32,
    buf: crate::OutWStr,
    size: *mut u32,
) -> BOOL {
    let name: Vec<u16> = match image_of(h) {
        Ok(s) => s.encode_utf16().collect(),
        Err(e) => return teb::fail(e, FALSE),
    };
    // SAFETY: the program passes a DWORD and a buffer of that many units.
    unsafe {
        if size.is_null() || (*size as usize) <= name.len() || buf.is_null() {
            return teb::fail(windows_sys::Win32::Foundation::ERROR_INSUFFICIENT_BUFFER, FALSE);
        }
        std::ptr::copy_nonoverlapping(name.as_ptr(), buf, name.len());
        *buf.add(name.len()) = 0;
        *size = name.len() as u32;
    }
    TRUE
}

/// QueryFullProcessImageNameA: as the W form, in the ANSI code page; sizes count bytes.
#[export]
pub unsafe extern "win64" fn QueryFullProcessImageNameA(
    h: HANDLE,
    _flags: u32,
    buf: crate::OutStr,
    size: *mut u32,
) -> BOOL {
    let name = match image_of(h) {
        Ok(s) => syscall_shims::codepage::wide_to_ansi(&s.encode_utf16().collect::<Vec<u16>>()),
        Err(e) => return teb::fail(e, FALSE),
    };
    // SAFETY: the program passes a DWORD and a buffer of that many bytes.
    unsafe {
        if size.is_null() || (*size as usize) <= name.len() || buf.is_null() {
            return teb::fail(windows_sys::Win32::Foundation::ERROR_INSUFFICIENT_BUFFER, FALSE);
        }
        std::ptr::copy_nonoverlapping(name.as_ptr(), buf, name.len());
        *buf.add(name.len()) = 0;
        *size = name.len() as u32;
    }
    TRUE
}

static EMPTY_W: [u16; 1] = [0];
static EMPTY_A: [u8; 1] = [0];

/// The cbReserved2/lpReserved2 pair of GetStartupInfo: what the parent passed to
/// CreateProcess (a copy that lives as long as the process), or 0 and NULL.
fn reserved2() -> (u16, *mut u8) {
    match syscall_shims::process::startup_reserved2() {
        Some(b) => (b.len().min(u16::MAX as usize) as u16, b.as_ptr() as *mut u8),
        None => (0, std::ptr::null_mut()),
    }
}

/// GetStartupInfoW: how the process was started: no flags (started from a shell, as Wine
/// reports it too), the current standard handles, empty desktop and title, and the
/// cbReserved2/lpReserved2 bytes the parent's CreateProcess passed (the C runtime's fd
/// table), or 0 and NULL.
/// The title is empty where Windows may give the exe path or a shortcut's name.
#[export]
pub unsafe extern "win64" fn GetStartupInfoW(info: *mut STARTUPINFOW) {
    if info.is_null() {
        return;
    }
    let (cb_reserved2, lp_reserved2) = reserved2();
    let si = STARTUPINFOW {
        cb: std::mem::size_of::<STARTUPINFOW>() as u32,
        cbReserved2: cb_reserved2,
        lpReserved2: lp_reserved2,
        lpDesktop: EMPTY_W.as_ptr() as *mut u16,
        lpTitle: EMPTY_W.as_ptr() as *mut u16,
        dwFlags: 0,
        hStdInput: handles::std_handle(0),
        hStdOutput: handles::std_handle(1),
        hStdError: handles::std_handle(2),
        ..Default::default()
    };
    // SAFETY: the program passes a STARTUPINFOW to fill.
    unsafe { info.write_unaligned(si) };
}

/// GetStartupInfoA: as GetStartupInfoW, with narrow strings (and the same lpReserved2).
/// The title is empty where Windows may give the exe path or a shortcut's name.
#[export]
pub unsafe extern "win64" fn GetStartupInfoA(info: *mut STARTUPINFOA) {
    if info.is_null() {
        return;
    }
    let (cb_reserved2, lp_reserved2) = reserved2();
    let si = STARTUPINFOA {
        cb: std::mem::size_of::<STARTUPINFOA>() as u32,
        cbReserved2: cb_reserved2,
        lpReserved2: lp_reserved2,
        lpDesktop: EMPTY_A.as_ptr() as *mut u8,
        lpTitle: EMPTY_A.as_ptr() as *mut u8,
        dwFlags: 0,
        hStdInput: handles::std_handle(0),
        hStdOutput: handles::std_handle(1),
        hStdError: handles::std_handle(2),
        ..Default::default()
    };
    // SAFETY: the program passes a STARTUPINFOA to fill.
    unsafe { info.write_unaligned(si) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_handles_and_ids() {
        teb::attach_current_thread();
        assert_eq!(GetCurrentProcess() as isize, -1);
        assert_eq!(GetCurrentThread() as isize, -2);
        assert_eq!(GetCurrentProcessId(), std::process::id());
        assert_eq!(GetCurrentThreadId(), unsafe { libc::gettid() } as u32);
    }

    #[test]
    fn startup_info() {
        teb::attach_current_thread();
        let mut si = STARTUPINFOW::default();
        unsafe { GetStartupInfoW(&mut si) };
        assert_eq!(si.cb as usize, std::mem::size_of::<STARTUPINFOW>());
        assert_eq!(si.dwFlags, 0);
        assert_eq!(si.hStdOutput, handles::std_handle(1));
        // Not started by a wine-rs parent: no lpReserved2.
        assert_eq!((si.cbReserved2, si.lpReserved2), (0, std::ptr::null_mut()));
        assert_eq!(unsafe { *si.lpTitle }, 0);
        let mut sa = STARTUPINFOA::default();
        unsafe { GetStartupInfoA(&mut sa) };
        assert_eq!(sa.cb as usize, std::mem::size_of::<STARTUPINFOA>());
        assert_eq!(sa.hStdError, handles::std_handle(2));
    }
}

/// TEB.GuaranteedStackBytes (x64).
const TEB_GUARANTEED_STACK_BYTES: usize = 0x1748;

/// SetThreadStackGuarantee: set the stack the calling thread's stack-overflow handlers are
/// guaranteed (a smaller value than the current one changes nothing; 0 only queries) and
/// return the previous value in `*size`. wine-rs always keeps 64 KiB
/// (`dllcore::teb::STACK_GUARANTEE`): larger requests fail with ERROR_INVALID_PARAMETER.
#[export]
pub extern "win64" fn SetThreadStackGuarantee(size: *mut u32) -> BOOL {
    if size.is_null() {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the caller's ULONG; the field is in the calling thread's own TEB.
    unsafe {
        let field = (teb::current_teb() as *mut u8).add(TEB_GUARANTEED_STACK_BYTES) as *mut u32;
        let want = *size;
        if want as usize > dllcore::teb::STACK_GUARANTEE {
            return teb::fail(windows_sys::Win32::Foundation::ERROR_INVALID_PARAMETER, FALSE);
        }
        let old = *field;
        if want > old {
            *field = want;
        }
        *size = old;
    }
    TRUE
}
