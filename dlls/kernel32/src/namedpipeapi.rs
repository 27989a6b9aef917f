//! namedpipeapi.h: anonymous pipes (CreatePipe) and named pipes on this machine: the server
//! side (CreateNamedPipe, ConnectNamedPipe, DisconnectNamedPipe), PeekNamedPipe, WaitNamedPipe
//! and the pipe's state. Clients open `\\.\pipe\name` with CreateFile (fileapi hands such names
//! to `syscall_shims::pipe::open_client`). The mechanism is in `syscall_shims::pipe`.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use syscall_shims::handles::{self, Object};
use syscall_shims::pipe::{self, PipeOptions};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_PARAMETER, ERROR_IO_PENDING, ERROR_NOACCESS, FALSE, HANDLE, INVALID_HANDLE_VALUE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::System::IO::OVERLAPPED;
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

/// FILE_FLAG_OVERLAPPED.
const FILE_FLAG_OVERLAPPED: u32 = 0x4000_0000;
/// FILE_FLAG_FIRST_PIPE_INSTANCE.
const FIRST_PIPE_INSTANCE: u32 = 0x0008_0000;
/// PIPE_TYPE_MESSAGE, PIPE_READMODE_MESSAGE, PIPE_NOWAIT.
const PIPE_TYPE_MESSAGE: u32 = 4;
const PIPE_READMODE_MESSAGE: u32 = 2;
const PIPE_NOWAIT: u32 = 1;
/// STATUS_PENDING, in OVERLAPPED.Internal while an operation runs.
const STATUS_PENDING: usize = 0x103;

fn ok_or_fail(r: Result<(), u32>) -> BOOL {
    match r {
        Ok(()) => TRUE,
        Err(e) => teb::fail(e, FALSE),
    }
}

/// CreatePipe: an anonymous pipe: `*read` and `*write` ends (inheritable per `sa`); `size` is
/// a hint for the buffer size (0: the default).
#[export]
pub unsafe extern "win64" fn CreatePipe(
    read: *mut HANDLE,
    write: *mut HANDLE,
    sa: *const SECURITY_ATTRIBUTES,
    size: u32,
) -> BOOL {
    if read.is_null() || write.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    match pipe::create_anonymous(size, unsafe { inherit_of(sa) }) {
        Ok((r, w)) => {
            // SAFETY: the program passes two HANDLEs to fill.
            unsafe {
                *read = r;
                *write = w;
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

#[allow(clippy::too_many_arguments)]
fn create_named_pipe(
    name: Option<String>,
    open_mode: u32,
    pipe_mode: u32,
    max_instances: u32,
    out_size: u32,
    in_size: u32,
    timeout: u32,
    inherit: bool,
) -> HANDLE {
    let Some(name) = name else {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_PATH_NOT_FOUND, INVALID_HANDLE_VALUE);
    };
    let message = pipe_mode & PIPE_TYPE_MESSAGE != 0;
    if pipe_mode & PIPE_READMODE_MESSAGE != 0 && !message {
        return teb::fail(ERROR_INVALID_PARAMETER, INVALID_HANDLE_VALUE);
    }
    let opt = PipeOptions {
        message,
        read_message: pipe_mode & PIPE_READMODE_MESSAGE != 0,
        nowait: pipe_mode & PIPE_NOWAIT != 0,
        first_instance: open_mode & FIRST_PIPE_INSTANCE != 0,
        max_instances,
        out_size,
        in_size,
        timeout_ms: timeout,
        overlapped: open_mode & FILE_FLAG_OVERLAPPED != 0,
    };
    match pipe::create_server(&name, opt, inherit) {
        Ok(h) => h,
        Err(e) => teb::fail(e, INVALID_HANDLE_VALUE),
    }
}

/// CreateNamedPipeW: a server instance of `\\.\pipe\name`, at once connectable by a client.
/// PIPE_TYPE_MESSAGE pipes keep message boundaries. ERROR_PATH_NOT_FOUND for another prefix,
/// ERROR_ACCESS_DENIED for FILE_FLAG_FIRST_PIPE_INSTANCE when the pipe exists, ERROR_PIPE_BUSY
/// past nMaxInstances. With FILE_FLAG_OVERLAPPED, ConnectNamedPipe and ReadFile
/// with an OVERLAPPED complete asynchronously (to the event and the completion port). nMaxInstances counts this process's instances only; a message longer than
/// the reader's buffer loses its tail instead of giving ERROR_MORE_DATA.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn CreateNamedPipeW(
    name: PCWSTR,
    open_mode: u32,
    pipe_mode: u32,
    max_instances: u32,
    out_size: u32,
    in_size: u32,
    timeout: u32,
    sa: *const SECURITY_ATTRIBUTES,
) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name and NULL or a SECURITY_ATTRIBUTES.
    let (name, inherit) = unsafe { (dllcore::strings::wstr_to_string(name), inherit_of(sa)) };
    create_named_pipe(name, open_mode, pipe_mode, max_instances, out_size, in_size, timeout, inherit)
}

/// CreateNamedPipeA: CreateNamedPipeW with an ANSI name.
#[export]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "win64" fn CreateNamedPipeA(
    name: PCSTR,
    open_mode: u32,
    pipe_mode: u32,
    max_instances: u32,
    out_size: u32,
    in_size: u32,
    timeout: u32,
    sa: *const SECURITY_ATTRIBUTES,
) -> HANDLE {
    // SAFETY: as CreateNamedPipeW.
    let (name, inherit) =
        unsafe { (dllcore::strings::cstr(name).map(syscall_shims::codepage::ansi_to_string), inherit_of(sa)) };
    create_named_pipe(name, open_mode, pipe_mode, max_instances, out_size, in_size, timeout, inherit)
}

/// ConnectNamedPipe: wait for a client to connect to this server instance. FALSE with
/// ERROR_PIPE_CONNECTED when one connected before the call (a good connection), ERROR_NO_DATA
/// when that client has closed already. With an OVERLAPPED, returns FALSE with
/// ERROR_IO_PENDING and completes it (Internal, then the event) when a client connects.
#[export]
pub unsafe extern "win64" fn ConnectNamedPipe(h: HANDLE, ov: *mut OVERLAPPED) -> BOOL {
    if ov.is_null() {
        return ok_or_fail(pipe::connect(h));
    }
    match pipe::wait_connected(h, Some(std::time::Duration::ZERO)) {
        Err(e) => return teb::fail(e, FALSE),
        Ok(true) => {
            let r = pipe::connect(h);
            return ok_or_fail(r);
        }
        Ok(false) => {}
    }
    // SAFETY: the program passes an OVERLAPPED that stays valid until the operation completes.
    let event = unsafe {
        (*ov).Internal = STATUS_PENDING;
        (*ov).InternalHigh = 0;
        (*ov).hEvent
    };
    let event = handles::get(event).ok().filter(|o| matches!(**o, Object::Event(_)));
    if let Some(Object::Event(e)) = event.as_deref() {
        e.reset();
    }
    let ov_addr = ov as usize;
    let Ok(pipe_obj) = handles::get(h) else {
        return teb::fail(windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE, FALSE);
    };
    let port = syscall_shims::overlapped::completion_of(&pipe_obj).cloned();
    let spawned = std::thread::Builder::new().name("connect-pipe".into()).spawn(move || {
        // Waits on the object: the program may close its handle meanwhile.
        let connected = match &*pipe_obj {
            Object::Pipe(p) => p.wait_connected(None),
            _ => false,
        };
        let st = if connected { 0 } else { 0xC000_00B0u32 as i32 /* STATUS_PIPE_DISCONNECTED */ };
        drop(event);
        // SAFETY: the OVERLAPPED is the program's, valid until completion (documented); the
        // completion signals its event and posts to the pipe's completion port.
        unsafe { syscall_shims::overlapped::complete_with(port.as_ref(), ov_addr as *mut OVERLAPPED, st, 0) };
    });
    if spawned.is_err() {
        return ok_or_fail(pipe::connect(h));
    }
    teb::fail(ERROR_IO_PENDING, FALSE)
}

/// DisconnectNamedPipe: end the server instance's connection (the client's reads see the end
/// of the pipe); ConnectNamedPipe can then take a new client.
#[export]
pub extern "win64" fn DisconnectNamedPipe(h: HANDLE) -> BOOL {
    ok_or_fail(pipe::disconnect(h))
}

/// PeekNamedPipe: copy up to `size` bytes without removing them; report the bytes read, the
/// bytes available, and what is left of the current message (message pipes). Works on
/// anonymous pipes too. ERROR_BROKEN_PIPE once the pipe is empty and its writers are gone.
#[export]
pub unsafe extern "win64" fn PeekNamedPipe(
    h: HANDLE,
    buf: *mut core::ffi::c_void,
    size: u32,
    read: *mut u32,
    avail: *mut u32,
    left: *mut u32,
) -> BOOL {
    let data: &mut [u8] = if buf.is_null() || size == 0 {
        &mut []
    } else {
        // SAFETY: the program passes `size` writable bytes.
        unsafe { std::slice::from_raw_parts_mut(buf as *mut u8, size as usize) }
    };
    match pipe::peek(h, data) {
        Ok(p) => {
            // SAFETY: the program passes DWORDs (or NULLs) to fill.
            unsafe {
                for (ptr, v) in [(read, p.read), (avail, p.available), (left, p.left_in_message)] {
                    if !ptr.is_null() {
                        *ptr = v as u32;
                    }
                }
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

/// WaitNamedPipeW: wait until an instance of the pipe can take a client; `timeout` in ms
/// (NMPWAIT_USE_DEFAULT_WAIT 0: the default, NMPWAIT_WAIT_FOREVER). ERROR_FILE_NOT_FOUND at
/// once when the pipe does not exist, ERROR_SEM_TIMEOUT when none came free.
/// The default time-out is always 50 ms (not the server's nDefaultTimeOut).
#[export]
pub unsafe extern "win64" fn WaitNamedPipeW(name: PCWSTR, timeout: u32) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    let Some(name) = (unsafe { dllcore::strings::wstr_to_string(name) }) else {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    };
    ok_or_fail(pipe::wait(&name, timeout))
}

/// WaitNamedPipeA: WaitNamedPipeW with an ANSI name.
#[export]
pub unsafe extern "win64" fn WaitNamedPipeA(name: PCSTR, timeout: u32) -> BOOL {
    // SAFETY: the program passes a NUL-terminated name.
    let Some(name) = (unsafe { dllcore::strings::cstr(name) }).map(syscall_shims::codepage::ansi_to_string) else {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    };
    ok_or_fail(pipe::wait(&name, timeout))
}

/// SetNamedPipeHandleState: PIPE_READMODE_MESSAGE (needs a message pipe; on a byte server
/// instance ERROR_INVALID_PARAMETER) or PIPE_READMODE_BYTE, and PIPE_NOWAIT for
/// ConnectNamedPipe. Collection counts and time-outs are accepted and ignored.
/// Reads follow the pipe's type whatever the read mode.
#[export]
pub unsafe extern "win64" fn SetNamedPipeHandleState(
    h: HANDLE,
    mode: *const u32,
    _max_collection: *const u32,
    _collect_timeout: *const u32,
) -> BOOL {
    if mode.is_null() {
        return match handles::get(h) {
            Ok(_) => TRUE,
            Err(e) => teb::fail(e, FALSE),
        };
    }
    // SAFETY: the program passes a DWORD.
    ok_or_fail(pipe::set_mode(h, unsafe { *mode }))
}

/// GetNamedPipeInfo: PIPE_SERVER_END and PIPE_TYPE_MESSAGE flags, buffer sizes and the
/// maximum number of instances.
/// A client end reports buffer sizes of 4096 and one instance.
#[export]
pub unsafe extern "win64" fn GetNamedPipeInfo(
    h: HANDLE,
    flags: *mut u32,
    out_size: *mut u32,
    in_size: *mut u32,
    max_instances: *mut u32,
) -> BOOL {
    match pipe::info(h) {
        Ok((f, o, i, m)) => {
            // SAFETY: the program passes DWORDs (or NULLs) to fill.
            unsafe {
                for (p, v) in [(flags, f), (out_size, o), (in_size, i), (max_instances, m)] {
                    if !p.is_null() {
                        *p = v;
                    }
                }
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

fn peer_pid(h: HANDLE, pid: *mut u32) -> BOOL {
    match pipe::peer_pid(h) {
        Ok(p) if !pid.is_null() => {
            // SAFETY: the program passes a ULONG to fill.
            unsafe { *pid = p };
            TRUE
        }
        Ok(_) => teb::fail(ERROR_NOACCESS, FALSE),
        Err(e) => teb::fail(e, FALSE),
    }
}

/// GetNamedPipeClientProcessId: the process at the client end of a connection.
#[export]
pub extern "win64" fn GetNamedPipeClientProcessId(h: HANDLE, pid: *mut u32) -> BOOL {
    peer_pid(h, pid)
}

/// GetNamedPipeServerProcessId: the process at the server end of a connection.
#[export]
pub extern "win64" fn GetNamedPipeServerProcessId(h: HANDLE, pid: *mut u32) -> BOOL {
    peer_pid(h, pid)
}

/// TransactNamedPipe: write a message and read the reply, in one call.
/// Synchronous only: an OVERLAPPED is accepted but the call completes before returning.
#[export]
pub unsafe extern "win64" fn TransactNamedPipe(
    h: HANDLE,
    in_buf: *const core::ffi::c_void,
    in_size: u32,
    out_buf: *mut core::ffi::c_void,
    out_size: u32,
    read: *mut u32,
    _ov: *mut OVERLAPPED,
) -> BOOL {
    // SAFETY: the program passes buffers of the given sizes.
    let (input, output) = unsafe {
        (
            if in_size == 0 { &[][..] } else { std::slice::from_raw_parts(in_buf as *const u8, in_size as usize) },
            if out_size == 0 {
                &mut [][..]
            } else {
                std::slice::from_raw_parts_mut(out_buf as *mut u8, out_size as usize)
            },
        )
    };
    let r = syscall_shims::file::write(h, input).and_then(|_| syscall_shims::file::read(h, output));
    match r {
        Ok(n) => {
            if !read.is_null() {
                // SAFETY: the program passes a DWORD to fill.
                unsafe { *read = n as u32 };
            }
            TRUE
        }
        Err(e) => teb::fail(e, FALSE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use crate::handleapi::CloseHandle;
    use windows_sys::Win32::Foundation::ERROR_PIPE_CONNECTED;

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    #[test]
    fn anonymous_pipes() {
        teb::attach_current_thread();
        let (mut r, mut wr) = (std::ptr::null_mut(), std::ptr::null_mut());
        let sa = SECURITY_ATTRIBUTES { nLength: 24, lpSecurityDescriptor: std::ptr::null_mut(), bInheritHandle: TRUE };
        assert_eq!(unsafe { CreatePipe(&mut r, &mut wr, &sa, 0) }, TRUE);
        assert_eq!(handles::flags(r), Ok(1), "inheritable per the attributes");
        syscall_shims::file::write(wr, b"abc").unwrap();
        let (mut got, mut avail, mut left) = (0, 0, 7);
        let mut buf = [0u8; 2];
        assert_eq!(unsafe { PeekNamedPipe(r, buf.as_mut_ptr() as _, 2, &mut got, &mut avail, &mut left) }, TRUE);
        assert_eq!((got, avail, left, &buf), (2, 3, 0, b"ab"));
        CloseHandle(wr);
        let mut big = [0u8; 8];
        assert_eq!(syscall_shims::file::read(r, &mut big), Ok(3));
        assert_eq!(
            unsafe {
                PeekNamedPipe(r, std::ptr::null_mut(), 0, std::ptr::null_mut(), &mut avail, std::ptr::null_mut())
            },
            FALSE
        );
        assert_eq!(GetLastError(), windows_sys::Win32::Foundation::ERROR_BROKEN_PIPE);
        CloseHandle(r);
    }

    #[test]
    fn named_pipe_server() {
        teb::attach_current_thread();
        let name = format!("\\\\.\\pipe\\k32-test-{}", std::process::id());
        let bad = unsafe { CreateNamedPipeW(w("\\\\.\\nopipe\\x").as_ptr(), 3, 0, 1, 0, 0, 0, std::ptr::null()) };
        assert_eq!(bad, INVALID_HANDLE_VALUE);
        assert_eq!(GetLastError(), windows_sys::Win32::Foundation::ERROR_PATH_NOT_FOUND);
        let bad =
            unsafe { CreateNamedPipeW(w(&name).as_ptr(), 3, PIPE_READMODE_MESSAGE, 1, 0, 0, 0, std::ptr::null()) };
        assert_eq!(bad, INVALID_HANDLE_VALUE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        let s = unsafe { CreateNamedPipeW(w(&name).as_ptr(), 3, 0, 1, 512, 512, 0, std::ptr::null()) };
        assert_ne!(s, INVALID_HANDLE_VALUE);
        assert_eq!(unsafe { WaitNamedPipeW(w(&name).as_ptr(), 1000) }, TRUE);
        let c = pipe::open_client(&name, false).unwrap();
        assert_eq!(unsafe { ConnectNamedPipe(s, std::ptr::null_mut()) }, FALSE);
        assert_eq!(GetLastError(), ERROR_PIPE_CONNECTED);
        let (mut f, mut o, mut i, mut m) = (0, 0, 0, 0);
        assert_eq!(unsafe { GetNamedPipeInfo(s, &mut f, &mut o, &mut i, &mut m) }, TRUE);
        assert_eq!((f, o, i, m), (1, 512, 512, 1));
        let mut pid = 0;
        assert_eq!(GetNamedPipeClientProcessId(s, &mut pid), TRUE);
        assert_eq!(pid, std::process::id());
        assert_eq!(DisconnectNamedPipe(s), TRUE);
        CloseHandle(c);
        CloseHandle(s);
    }
}
