//! Overlapped I/O that completes later: the OVERLAPPED's status and byte count, its event, and
//! the packet for the completion port the file is associated with.
//!
//! - **Completing** ([`complete`]): OVERLAPPED.InternalHigh receives the bytes, then Internal
//!   the status (GetOverlappedResult polls Internal, so it is written last), then the event is
//!   signaled, then — if the file is associated with a port and the event's low bit is clear —
//!   a packet is queued. On Windows an operation on an associated handle queues a packet even
//!   when it completes at once (unless FILE_SKIP_COMPLETION_PORT_ON_SUCCESS), and programs such
//!   as ninja depend on it: the synchronous paths call [`complete`] too.
//! - **Pending reads** ([`read`]): on an overlapped named-pipe handle a read that finds no data
//!   returns STATUS_PENDING; a host thread waits for the fd (poll) and completes the operation
//!   when data or the end of the pipe arrives. The thread works on its own duplicate of the fd
//!   and holds only a weak reference to the object, so closing the handle cancels the read
//!   (STATUS_CANCELLED), as on Windows. CancelIo/CancelIoEx ([`cancel`]) wake it through an
//!   eventfd. One host thread per pending operation: fine for a program's few pipes.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, Weak};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, HANDLE};
use windows_sys::Win32::System::IO::OVERLAPPED;

use crate::errno::{NtStatus, status};
use crate::handles::{self, Object};
use crate::waitable::Completion;

/// The port association of a file or pipe object, if any.
pub fn completion_of(obj: &Object) -> Option<&Completion> {
    match obj {
        Object::File(f) => f.completion.get(),
        Object::Pipe(p) => p.completion.get(),
        _ => None,
    }
}

/// CreateIoCompletionPort with a file: associate `obj` (a file or pipe) with `port` under
/// `key`. ERROR_INVALID_PARAMETER if it already is associated (with any port) or cannot be.
pub fn associate(obj: &Object, c: Completion) -> Result<(), u32> {
    let cell = match obj {
        Object::File(f) => &f.completion,
        Object::Pipe(p) => &p.completion,
        _ => return Err(ERROR_INVALID_PARAMETER),
    };
    cell.set(c).map_err(|_| ERROR_INVALID_PARAMETER)
}

/// Record a completed operation in `ov` (NULL: nothing), signal its event and post the packet
/// to `port` (None: the file has no port).
///
/// # Safety
/// `ov` must be NULL or point at an OVERLAPPED that stays valid until this returns.
pub unsafe fn complete_with(port: Option<&Completion>, ov: *mut OVERLAPPED, st: NtStatus, n: usize) {
    if ov.is_null() {
        return;
    }
    // SAFETY: per the contract. Internal is written last (with release ordering): a thread
    // that sees it no longer pending also sees the byte count.
    let ev = unsafe {
        std::ptr::write_volatile(&mut (*ov).InternalHigh, n);
        (*(&raw mut (*ov).Internal as *const AtomicUsize)).store(st as u32 as usize, Ordering::Release);
        (*ov).hEvent
    };
    let no_packet = ev as usize & 1 != 0;
    let ev = (ev as usize & !1) as HANDLE;
    if !ev.is_null()
        && let Ok(obj) = handles::get(ev)
        && let Object::Event(e) = &*obj
    {
        e.set();
    }
    if let Some(c) = port
        && !no_packet
    {
        c.post(ov as usize, st, n as u32);
    }
}

/// [`complete_with`] for an operation on `obj` (its port, if associated).
///
/// # Safety
/// As [`complete_with`].
pub unsafe fn complete(obj: Option<&Object>, ov: *mut OVERLAPPED, st: NtStatus, n: usize) {
    // SAFETY: per the contract.
    unsafe { complete_with(obj.and_then(completion_of), ov, st, n) }
}

/// Is `obj` a handle whose reads may stay pending: a named pipe's server end created with
/// FILE_FLAG_OVERLAPPED?
pub fn reads_can_pend(obj: &Object) -> bool {
    matches!(obj, Object::Pipe(p) if p.shared.options.overlapped)
}

/// What [`read`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Started {
    /// Completed at once with this many bytes (OVERLAPPED filled, packet posted).
    Done(usize),
    /// Pending (ERROR_IO_PENDING): a thread completes it.
    Pending,
}

/// A pending operation that CancelIo can reach.
struct PendingOp {
    object: Weak<Object>,
    ov: usize,
    tid: u32,
    wake_fd: i32,
}

static PENDING: Mutex<Vec<PendingOp>> = Mutex::new(Vec::new());

/// Read without blocking: Ok(Some(n)) (0: end of pipe), Ok(None) when no data is there.
fn try_read(fd: i32, buf: *mut u8, len: usize) -> Result<Option<usize>, NtStatus> {
    loop {
        // SAFETY: the program's buffer of `len` bytes.
        let n = unsafe { libc::recv(fd, buf as *mut _, len, libc::MSG_DONTWAIT) };
        if n >= 0 {
            return Ok(Some(n as usize));
        }
        match crate::errno::errno() {
            libc::EINTR => continue,
            libc::EAGAIN => return Ok(None),
            e => return Err(crate::errno::to_status(e)),
        }
    }
}

/// ReadFile with an OVERLAPPED on `obj` (see [`reads_can_pend`]) into `len` bytes at `buf`.
/// Data already there completes the read at once; the end of the pipe fails it
/// (STATUS_PIPE_BROKEN, nothing posted); otherwise it is pending, and `ov` is completed (and a
/// packet posted) when data or the end arrives. `ov`'s event is reset as the read starts.
///
/// # Safety
/// `buf` (`len` bytes) and `ov` must stay valid until the read completes, as Windows requires.
pub unsafe fn read(obj: &Arc<Object>, buf: *mut u8, len: usize, ov: *mut OVERLAPPED) -> Result<Started, NtStatus> {
    let Object::Pipe(p) = &**obj else { return Err(status::INVALID_HANDLE) };
    // SAFETY: per the contract.
    let ev = (unsafe { (*ov).hEvent } as usize & !1) as HANDLE;
    if !ev.is_null()
        && let Ok(e) = handles::get(ev)
        && let Object::Event(e) = &*e
    {
        e.reset();
    }
    match try_read(p.fd, buf, len)? {
        Some(0) if len != 0 => return Err(status::PIPE_BROKEN),
        Some(n) => {
            // SAFETY: per the contract.
            unsafe { complete(Some(obj), ov, status::SUCCESS, n) };
            return Ok(Started::Done(n));
        }
        None => {}
    }
    // SAFETY: F_DUPFD_CLOEXEC on our fd; eventfd has no memory preconditions.
    let (fd, wake_fd) = unsafe { (libc::fcntl(p.fd, libc::F_DUPFD_CLOEXEC, 0), libc::eventfd(0, libc::EFD_CLOEXEC)) };
    if fd < 0 || wake_fd < 0 {
        // SAFETY: closing what we opened.
        unsafe {
            if fd >= 0 {
                libc::close(fd);
            }
            if wake_fd >= 0 {
                libc::close(wake_fd);
            }
        }
        return Err(status::INSUFFICIENT_RESOURCES);
    }
    // SAFETY: per the contract.
    unsafe { (*(&raw mut (*ov).Internal as *const AtomicUsize)).store(status::PENDING as usize, Ordering::Release) };
    let port = completion_of(obj).cloned();
    let weak = Arc::downgrade(obj);
    let (ov_addr, buf_addr) = (ov as usize, buf as usize);
    PENDING.lock().unwrap_or_else(|e| e.into_inner()).push(PendingOp {
        object: weak.clone(),
        ov: ov_addr,
        tid: crate::sync::current_tid(),
        wake_fd,
    });
    let spawned = std::thread::Builder::new().name("overlapped-read".into()).stack_size(64 * 1024).spawn(move || {
        let (st, n) = wait_and_read(fd, wake_fd, &weak, buf_addr as *mut u8, len);
        PENDING.lock().unwrap_or_else(|e| e.into_inner()).retain(|op| op.wake_fd != wake_fd);
        // SAFETY: our duplicates.
        unsafe {
            libc::close(fd);
            libc::close(wake_fd);
            complete_with(port.as_ref(), ov_addr as *mut OVERLAPPED, st, n);
        }
    });
    if spawned.is_err() {
        PENDING.lock().unwrap_or_else(|e| e.into_inner()).retain(|op| op.wake_fd != wake_fd);
        // SAFETY: closing what we opened.
        unsafe {
            libc::close(fd);
            libc::close(wake_fd);
        }
        return Err(status::INSUFFICIENT_RESOURCES);
    }
    Ok(Started::Pending)
}

/// The pending read's thread: wait for data, the end of the pipe, a cancellation or the
/// object's last handle going; returns (status, bytes).
fn wait_and_read(fd: i32, wake_fd: i32, obj: &Weak<Object>, buf: *mut u8, len: usize) -> (NtStatus, usize) {
    loop {
        let mut fds = [
            libc::pollfd { fd, events: libc::POLLIN, revents: 0 },
            libc::pollfd { fd: wake_fd, events: libc::POLLIN, revents: 0 },
        ];
        // SAFETY: two pollfds. The time-out lets the thread notice the handle was closed.
        let r = unsafe { libc::poll(fds.as_mut_ptr(), 2, 200) };
        if fds[1].revents != 0 {
            return (status::CANCELLED, 0);
        }
        if obj.strong_count() == 0 {
            return (status::CANCELLED, 0);
        }
        if r <= 0 || fds[0].revents == 0 {
            continue;
        }
        match try_read(fd, buf, len) {
            Ok(Some(0)) if len != 0 => return (status::PIPE_BROKEN, 0),
            Ok(Some(n)) => return (status::SUCCESS, n),
            Ok(None) => continue,
            Err(s) => return (s, 0),
        }
    }
}

/// CancelIo / CancelIoEx: cancel the pending operations on `obj` — those of `ov` only, if
/// given, and those the calling thread started, if `this_thread`. Each completes with
/// STATUS_CANCELLED. Returns how many were found.
pub fn cancel(obj: &Arc<Object>, ov: Option<usize>, this_thread: bool) -> usize {
    let me = crate::sync::current_tid();
    let ops = PENDING.lock().unwrap_or_else(|e| e.into_inner());
    let mut n = 0;
    for op in ops.iter() {
        if std::ptr::eq(op.object.as_ptr(), Arc::as_ptr(obj))
            && ov.is_none_or(|o| o == op.ov)
            && (!this_thread || op.tid == me)
        {
            let one: u64 = 1;
            // SAFETY: writing 8 bytes to our eventfd.
            unsafe { libc::write(op.wake_fd, &one as *const u64 as *const _, 8) };
            n += 1;
        }
    }
    n
}
