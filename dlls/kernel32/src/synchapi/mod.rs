//! synchapi.h. The kernel objects and waiting on them are `syscall_shims::waitable` (see
//! "Waitable objects" in docs/ARCHITECTURE.md); the user-mode locks are
//! `syscall_shims::sync`, futexes over the program's own structures, so every DLL shares them.
//!
//! - this file: waiting (WaitFor*, SignalObjectAndWait, alertable waits) and sleeping;
//! - [`objects`]: events, mutexes, semaphores and waitable timers, named or not;
//! - [`locks`]: critical sections, SRW locks, condition variables, WaitOnAddress, InitOnce.

pub mod locks;
pub mod objects;

pub use locks::*;
pub use objects::*;

use dllcore::{export, teb};
use std::sync::Arc;
use syscall_shims::handles::{self, Object};
use syscall_shims::{sync, waitable};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_NOACCESS, HANDLE, WAIT_FAILED};
use windows_sys::core::BOOL;

/// WaitForMultipleObjects(Ex) on a counted array.
///
/// # Safety
/// `hs` must be NULL or point at `n` handles.
unsafe fn wait_many(n: u32, hs: *const HANDLE, all: bool, ms: u32, alertable: bool) -> u32 {
    if hs.is_null() && n != 0 {
        return teb::fail(ERROR_NOACCESS, WAIT_FAILED);
    }
    // SAFETY: per the contract (n is checked against 64 before anything is read beyond).
    let list: &[HANDLE] = if n == 0 || n as usize > waitable::MAX_WAIT_OBJECTS {
        &[]
    } else {
        unsafe { std::slice::from_raw_parts(hs, n as usize) }
    };
    match waitable::wait_handles_ex(list, all, ms, alertable) {
        Ok(r) => r.code(),
        Err(e) => teb::fail(e, WAIT_FAILED),
    }
}

/// WaitForSingleObject: wait until the object is signaled (WAIT_OBJECT_0; WAIT_ABANDONED for
/// a mutex whose owner exited) or `ms` milliseconds pass (WAIT_TIMEOUT; INFINITE never).
/// A satisfied wait consumes auto-reset events and timers, semaphore units and mutex
/// ownership.
#[export]
pub extern "win64" fn WaitForSingleObject(h: HANDLE, ms: u32) -> u32 {
    // SAFETY: one handle, on our stack.
    unsafe { wait_many(1, &h, false, ms, false) }
}

/// WaitForSingleObjectEx: as WaitForSingleObject; an alertable wait on an object that is not
/// signaled also ends when APCs are queued to the thread: they run, and the wait returns
/// WAIT_IO_COMPLETION.
#[export]
pub extern "win64" fn WaitForSingleObjectEx(h: HANDLE, ms: u32, alertable: BOOL) -> u32 {
    // SAFETY: one handle, on our stack.
    unsafe { wait_many(1, &h, false, ms, alertable != 0) }
}

/// WaitForMultipleObjects: wait for any (WAIT_OBJECT_0 + lowest signaled index) or all of up
/// to 64 objects of any kinds; with `all`, nothing is consumed until every object is
/// signaled. More than 64 or none: ERROR_INVALID_PARAMETER.
#[export]
pub unsafe extern "win64" fn WaitForMultipleObjects(n: u32, hs: *const HANDLE, all: BOOL, ms: u32) -> u32 {
    // SAFETY: the program passes `n` handles.
    unsafe { wait_many(n, hs, all != 0, ms, false) }
}

/// WaitForMultipleObjectsEx: as WaitForMultipleObjects; alertable waits end on APCs
/// (WAIT_IO_COMPLETION).
#[export]
pub unsafe extern "win64" fn WaitForMultipleObjectsEx(
    n: u32,
    hs: *const HANDLE,
    all: BOOL,
    ms: u32,
    alertable: BOOL,
) -> u32 {
    // SAFETY: the program passes `n` handles.
    unsafe { wait_many(n, hs, all != 0, ms, alertable != 0) }
}

/// Signal one object as SignalObjectAndWait does: SetEvent, ReleaseMutex, or ReleaseSemaphore
/// by one.
fn signal(o: &Object) -> Result<(), u32> {
    match o {
        Object::Event(e) => {
            e.set();
            Ok(())
        }
        Object::Mutex(m) => m.release(sync::current_tid()),
        Object::Semaphore(s) => s.release(1).map(drop),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// SignalObjectAndWait: signal one object (an event is set, a mutex released, a semaphore
/// released by one) and wait on another, as one operation: the thread is already waiting when
/// the signal can be seen, so a PulseEvent issued in answer reaches it. Both handles are
/// checked first (a bad one signals nothing). Alertable as WaitForSingleObjectEx.
#[export]
pub extern "win64" fn SignalObjectAndWait(to_signal: HANDLE, to_wait: HANDLE, ms: u32, alertable: BOOL) -> u32 {
    let objs = (handles::get(to_signal), handles::resolve(to_wait));
    let (sig, wait): (Arc<Object>, Arc<Object>) = match objs {
        (Ok(s), Ok(w)) => (s, w),
        (Err(e), _) | (_, Err(e)) => return teb::fail(e, WAIT_FAILED),
    };
    let mut do_signal = || signal(&sig);
    match waitable::wait_ex(&[wait], false, sync::deadline_ms(ms), alertable != 0, Some(&mut do_signal)) {
        Ok(r) => r.code(),
        Err(e) => teb::fail(e, WAIT_FAILED),
    }
}

/// Sleep: suspend the thread for `ms` milliseconds; 0 gives up the rest of the time slice,
/// INFINITE never returns.
#[export]
pub extern "win64" fn Sleep(ms: u32) {
    sync::sleep_ms(ms)
}

/// SleepEx: as Sleep; an alertable sleep ends early when APCs are queued to the thread (or
/// already are): they run and it returns WAIT_IO_COMPLETION; otherwise 0.
#[export]
pub extern "win64" fn SleepEx(ms: u32, alertable: BOOL) -> u32 {
    match waitable::sleep(ms, alertable != 0) {
        waitable::WaitResult::IoCompletion => waitable::WaitResult::IoCompletion.code(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use crate::handleapi::CloseHandle;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use windows_sys::Win32::Foundation::{
        ERROR_INVALID_PARAMETER, FALSE, TRUE, WAIT_IO_COMPLETION, WAIT_OBJECT_0, WAIT_TIMEOUT,
    };

    #[test]
    fn sleep_waits() {
        let t = std::time::Instant::now();
        Sleep(20);
        assert!(t.elapsed() >= std::time::Duration::from_millis(20));
        Sleep(0);
        teb::attach_current_thread();
        assert_eq!(SleepEx(1, TRUE), 0);
    }

    static RAN: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn apc(n: usize) {
        RAN.fetch_add(n, Ordering::SeqCst);
    }

    #[test]
    fn alertable_waits_run_apcs_after_objects() {
        teb::attach_current_thread();
        let me = crate::processthreadsapi::GetCurrentThread();
        let ev = unsafe { CreateEventW(std::ptr::null(), TRUE, TRUE, std::ptr::null()) };
        let apc = apc as *const () as usize;
        crate::threads::QueueUserAPC(apc, me, 1);
        assert_eq!(WaitForSingleObjectEx(ev, 0, TRUE), WAIT_OBJECT_0, "a signaled object wins");
        assert_eq!(RAN.load(Ordering::SeqCst), 0);
        assert_eq!(WaitForSingleObjectEx(ev, 0, FALSE), WAIT_OBJECT_0);
        ResetEvent(ev);
        assert_eq!(WaitForSingleObject(ev, 0), WAIT_TIMEOUT, "not alertable: the APC waits");
        assert_eq!(WaitForSingleObjectEx(ev, 1000, TRUE), WAIT_IO_COMPLETION);
        assert_eq!(RAN.load(Ordering::SeqCst), 1);
        crate::threads::QueueUserAPC(apc, me, 2);
        crate::threads::QueueUserAPC(apc, me, 4);
        let hs = [ev, ev];
        assert_eq!(unsafe { WaitForMultipleObjectsEx(2, hs.as_ptr(), TRUE, 1000, TRUE) }, WAIT_IO_COMPLETION);
        assert_eq!(RAN.load(Ordering::SeqCst), 7, "every queued APC ran");
        crate::threads::QueueUserAPC(apc, me, 8);
        assert_eq!(SleepEx(0, TRUE), WAIT_IO_COMPLETION);
        assert_eq!(RAN.load(Ordering::SeqCst), 15);

        // SignalObjectAndWait: the signal happens even when an APC ends the wait.
        let other = unsafe { CreateEventW(std::ptr::null(), FALSE, FALSE, std::ptr::null()) };
        crate::threads::QueueUserAPC(apc, me, 16);
        assert_eq!(SignalObjectAndWait(other, ev, 1000, TRUE), WAIT_IO_COMPLETION);
        assert_eq!(WaitForSingleObject(other, 0), WAIT_OBJECT_0);
        assert_eq!(SignalObjectAndWait(other, other, 0, FALSE), WAIT_OBJECT_0, "signal, then wait on it");
        SetLastError(0);
        assert_eq!(SignalObjectAndWait(other, 0x1234 as HANDLE, 0, FALSE), WAIT_FAILED);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(WaitForSingleObject(other, 0), WAIT_TIMEOUT, "nothing signaled on a bad handle");
        let hs = [other; 65];
        assert_eq!(unsafe { WaitForMultipleObjectsEx(65, hs.as_ptr(), FALSE, 0, TRUE) }, WAIT_FAILED);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        CloseHandle(ev);
        CloseHandle(other);
    }

    #[test]
    fn signal_and_wait_is_atomic_for_pulses() {
        // A thread signals `ready` and waits on `pulse`; the other waits for `ready`, then
        // pulses: the pulse must find the first thread already waiting, every time.
        teb::attach_current_thread();
        let ready = unsafe { CreateEventW(std::ptr::null(), FALSE, FALSE, std::ptr::null()) } as usize;
        let pulse = unsafe { CreateEventW(std::ptr::null(), TRUE, FALSE, std::ptr::null()) } as usize;
        let t = std::thread::spawn(move || {
            teb::attach_current_thread();
            (0..200)
                .filter(|_| SignalObjectAndWait(ready as HANDLE, pulse as HANDLE, 5000, FALSE) == WAIT_OBJECT_0)
                .count()
        });
        for _ in 0..200 {
            assert_eq!(WaitForSingleObject(ready as HANDLE, 5000), WAIT_OBJECT_0);
            PulseEvent(pulse as HANDLE);
        }
        assert_eq!(t.join().unwrap(), 200);
        CloseHandle(ready as HANDLE);
        CloseHandle(pulse as HANDLE);
    }
}
