//! synchapi.h: waiting on objects; events, mutexes and semaphores; critical sections and
//! sleeping. The objects and the waiting are `syscall_shims::waitable` (see "Waitable objects"
//! in docs/ARCHITECTURE.md); the critical section lives in `syscall_shims::sync` (a futex over
//! the structure's own fields) so every DLL shares it.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use std::sync::Arc;
use syscall_shims::handles::{self, Object};
use syscall_shims::waitable::{self, Event, Semaphore};
use syscall_shims::{codepage, sync};
use windows_sys::Win32::Foundation::{
    ERROR_ALREADY_EXISTS, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, ERROR_SUCCESS, FALSE, HANDLE,
    TRUE, WAIT_FAILED,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::System::Threading::{
    CREATE_EVENT_INITIAL_SET, CREATE_EVENT_MANUAL_RESET, CREATE_MUTEX_INITIAL_OWNER, CRITICAL_SECTION,
};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

// ---------------------------------------------------------------------------------------------
// Waiting.

/// WaitForMultipleObjects(Ex) on a counted array.
///
/// # Safety
/// `hs` must be NULL or point at `n` handles.
unsafe fn wait_many(n: u32, hs: *const HANDLE, all: bool, ms: u32) -> u32 {
    if hs.is_null() && n != 0 {
        return teb::fail(ERROR_NOACCESS, WAIT_FAILED);
    }
    // SAFETY: per the contract (n is checked against 64 before anything is read beyond).
    let list: &[HANDLE] = if n == 0 || n as usize > waitable::MAX_WAIT_OBJECTS {
        &[]
    } else {
        unsafe { std::slice::from_raw_parts(hs, n as usize) }
    };
    match waitable::wait_handles(list, all, ms) {
        Ok(r) => r.code(),
        Err(e) => teb::fail(e, WAIT_FAILED),
    }
}

/// WaitForSingleObject: wait until the object is signaled (WAIT_OBJECT_0; WAIT_ABANDONED for
/// a mutex whose owner exited) or `ms` milliseconds pass (WAIT_TIMEOUT; INFINITE never).
/// A satisfied wait consumes auto-reset events, semaphore units and mutex ownership.
#[export]
pub extern "win64" fn WaitForSingleObject(h: HANDLE, ms: u32) -> u32 {
    // SAFETY: one handle, on our stack.
    unsafe { wait_many(1, &h, false, ms) }
}

/// WaitForSingleObjectEx: as WaitForSingleObject; an alertable wait also ends when an APC runs.
/// APCs are not implemented: the wait is never alerted.
#[export]
pub extern "win64" fn WaitForSingleObjectEx(h: HANDLE, ms: u32, _alertable: BOOL) -> u32 {
    // SAFETY: one handle, on our stack.
    unsafe { wait_many(1, &h, false, ms) }
}

/// WaitForMultipleObjects: wait for any (WAIT_OBJECT_0 + lowest signaled index) or all of up
/// to 64 objects; with `all`, nothing is consumed until every object is signaled. More than 64
/// or none: ERROR_INVALID_PARAMETER.
#[export]
pub unsafe extern "win64" fn WaitForMultipleObjects(n: u32, hs: *const HANDLE, all: BOOL, ms: u32) -> u32 {
    // SAFETY: the program passes `n` handles.
    unsafe { wait_many(n, hs, all != 0, ms) }
}

/// WaitForMultipleObjectsEx: as WaitForMultipleObjects; alertable waits end on APCs.
/// APCs are not implemented: the wait is never alerted.
#[export]
pub unsafe extern "win64" fn WaitForMultipleObjectsEx(
    n: u32,
    hs: *const HANDLE,
    all: BOOL,
    ms: u32,
    _alertable: BOOL,
) -> u32 {
    // SAFETY: the program passes `n` handles.
    unsafe { wait_many(n, hs, all != 0, ms) }
}

/// SignalObjectAndWait: signal one object (SetEvent, ReleaseMutex or ReleaseSemaphore by one)
/// and wait on another.
/// The two steps are not one atomic operation; APCs are not implemented.
#[export]
pub extern "win64" fn SignalObjectAndWait(signal: HANDLE, wait: HANDLE, ms: u32, _alertable: BOOL) -> u32 {
    let r = match handles::get(signal).as_deref() {
        Ok(Object::Event(e)) => {
            e.set();
            Ok(())
        }
        Ok(Object::Mutex(m)) => m.release(sync::current_tid()),
        Ok(Object::Semaphore(s)) => s.release(1).map(drop),
        _ => Err(ERROR_INVALID_HANDLE),
    };
    match r {
        // SAFETY: one handle, on our stack.
        Ok(()) => unsafe { wait_many(1, &wait, false, ms) },
        Err(e) => teb::fail(e, WAIT_FAILED),
    }
}

// ---------------------------------------------------------------------------------------------
// Creating and opening named or unnamed objects.

/// An object name from the program: NULL or empty means unnamed.
///
/// # Safety
/// `p` must be NULL or a NUL-terminated UTF-16 string.
unsafe fn name_w(p: PCWSTR) -> Option<String> {
    // SAFETY: per the contract.
    unsafe { dllcore::strings::wstr_to_string(p) }.filter(|s| !s.is_empty())
}

/// As [`name_w`], in the ANSI code page.
///
/// # Safety
/// `p` must be NULL or a NUL-terminated string.
unsafe fn name_a(p: PCSTR) -> Option<String> {
    // SAFETY: per the contract.
    unsafe { dllcore::strings::cstr(p) }.map(codepage::ansi_to_string).filter(|s| !s.is_empty())
}

/// Create an object (named: or open the existing one of that name, with ERROR_ALREADY_EXISTS;
/// ERROR_INVALID_HANDLE if it is of another kind) and return a new handle to it. The last error
/// is cleared when the object is new, as Windows does.
fn create_object(
    name: Option<String>,
    inherit: bool,
    is_kind: fn(&Object) -> bool,
    make: impl FnOnce() -> Result<Arc<Object>, u32>,
) -> HANDLE {
    let r = match name {
        None => make().map(|o| (o, false)),
        Some(n) => handles::create_named(&n, is_kind, make),
    };
    match r {
        Ok((o, existed)) => {
            teb::set_last_error(if existed { ERROR_ALREADY_EXISTS } else { ERROR_SUCCESS });
            handles::insert(o, inherit)
        }
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

/// Open the existing object `name`: ERROR_INVALID_PARAMETER for no name, ERROR_FILE_NOT_FOUND
/// when none has it, ERROR_INVALID_HANDLE when it is of another kind.
fn open_object(name: Option<String>, inherit: bool, is_kind: fn(&Object) -> bool) -> HANDLE {
    let Some(name) = name else {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    };
    match handles::open_named(&name, is_kind) {
        Ok(o) => handles::insert(o, inherit),
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

fn is_event(o: &Object) -> bool {
    matches!(o, Object::Event(_))
}

fn is_mutex(o: &Object) -> bool {
    matches!(o, Object::Mutex(_))
}

fn is_semaphore(o: &Object) -> bool {
    matches!(o, Object::Semaphore(_))
}

// ---------------------------------------------------------------------------------------------
// Events.

fn create_event(sa: *const SECURITY_ATTRIBUTES, manual: bool, initial: bool, name: Option<String>) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES (the exports' contract).
    let inherit = unsafe { inherit_of(sa) };
    create_object(name, inherit, is_event, || Ok(Arc::new(Object::Event(Event::new(manual, initial)))))
}

/// CreateEventW: an event, manual-reset (stays signaled until ResetEvent) or auto-reset
/// (reset by the one wait it satisfies), initially signaled or not. A name already in use
/// opens that event (ERROR_ALREADY_EXISTS; the other arguments are ignored).
#[export]
pub unsafe extern "win64" fn CreateEventW(
    sa: *const SECURITY_ATTRIBUTES,
    manual: BOOL,
    initial: BOOL,
    name: PCWSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_event(sa, manual != 0, initial != 0, unsafe { name_w(name) })
}

/// CreateEventA: CreateEventW with an ANSI name.
#[export]
pub unsafe extern "win64" fn CreateEventA(
    sa: *const SECURITY_ATTRIBUTES,
    manual: BOOL,
    initial: BOOL,
    name: PCSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_event(sa, manual != 0, initial != 0, unsafe { name_a(name) })
}

/// CreateEventExW: CreateEventW with CREATE_EVENT_MANUAL_RESET / CREATE_EVENT_INITIAL_SET flags.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateEventExW(
    sa: *const SECURITY_ATTRIBUTES,
    name: PCWSTR,
    flags: u32,
    _access: u32,
) -> HANDLE {
    let (manual, initial) = (flags & CREATE_EVENT_MANUAL_RESET != 0, flags & CREATE_EVENT_INITIAL_SET != 0);
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_event(sa, manual, initial, unsafe { name_w(name) })
}

/// CreateEventExA: CreateEventExW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateEventExA(
    sa: *const SECURITY_ATTRIBUTES,
    name: PCSTR,
    flags: u32,
    _access: u32,
) -> HANDLE {
    let (manual, initial) = (flags & CREATE_EVENT_MANUAL_RESET != 0, flags & CREATE_EVENT_INITIAL_SET != 0);
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_event(sa, manual, initial, unsafe { name_a(name) })
}

/// OpenEventW: a new handle to the event named `name`.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenEventW(_access: u32, inherit: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_w(name) }, inherit != 0, is_event)
}

/// OpenEventA: OpenEventW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenEventA(_access: u32, inherit: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_a(name) }, inherit != 0, is_event)
}

/// Apply `f` to the event behind `h`; FALSE with ERROR_INVALID_HANDLE for other handles.
fn with_event(h: HANDLE, f: impl FnOnce(&Event)) -> BOOL {
    match handles::get(h).as_deref() {
        Ok(Object::Event(e)) => {
            f(e);
            TRUE
        }
        _ => teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
}

/// SetEvent: signal the event, releasing its waiters (auto-reset: one of them).
#[export]
pub extern "win64" fn SetEvent(h: HANDLE) -> BOOL {
    with_event(h, Event::set)
}

/// ResetEvent: make the event non-signaled.
#[export]
pub extern "win64" fn ResetEvent(h: HANDLE) -> BOOL {
    with_event(h, Event::reset)
}

/// PulseEvent: release the threads waiting now (auto-reset: one), leaving the event
/// non-signaled. Unreliable by design on Windows too.
#[export]
pub extern "win64" fn PulseEvent(h: HANDLE) -> BOOL {
    with_event(h, Event::pulse)
}

// ---------------------------------------------------------------------------------------------
// Mutexes.

fn create_mutex(sa: *const SECURITY_ATTRIBUTES, owner: bool, name: Option<String>) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES (the exports' contract).
    let inherit = unsafe { inherit_of(sa) };
    create_object(name, inherit, is_mutex, || Ok(waitable::new_mutex(owner)))
}

/// CreateMutexW: a mutex, owned by the calling thread if `initial_owner`. Ownership is
/// recursive; a thread ending while it owns one abandons it (the next wait returns
/// WAIT_ABANDONED). A name already in use opens that mutex, without taking it.
#[export]
pub unsafe extern "win64" fn CreateMutexW(sa: *const SECURITY_ATTRIBUTES, initial_owner: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_mutex(sa, initial_owner != 0, unsafe { name_w(name) })
}

/// CreateMutexA: CreateMutexW with an ANSI name.
#[export]
pub unsafe extern "win64" fn CreateMutexA(sa: *const SECURITY_ATTRIBUTES, initial_owner: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_mutex(sa, initial_owner != 0, unsafe { name_a(name) })
}

/// CreateMutexExW: CreateMutexW with the CREATE_MUTEX_INITIAL_OWNER flag.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateMutexExW(
    sa: *const SECURITY_ATTRIBUTES,
    name: PCWSTR,
    flags: u32,
    _access: u32,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_mutex(sa, flags & CREATE_MUTEX_INITIAL_OWNER != 0, unsafe { name_w(name) })
}

/// CreateMutexExA: CreateMutexExW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateMutexExA(
    sa: *const SECURITY_ATTRIBUTES,
    name: PCSTR,
    flags: u32,
    _access: u32,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_mutex(sa, flags & CREATE_MUTEX_INITIAL_OWNER != 0, unsafe { name_a(name) })
}

/// OpenMutexW: a new handle to the mutex named `name`.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenMutexW(_access: u32, inherit: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_w(name) }, inherit != 0, is_mutex)
}

/// OpenMutexA: OpenMutexW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenMutexA(_access: u32, inherit: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_a(name) }, inherit != 0, is_mutex)
}

/// ReleaseMutex: give up one level of ownership; ERROR_NOT_OWNER if the calling thread does
/// not own the mutex.
#[export]
pub extern "win64" fn ReleaseMutex(h: HANDLE) -> BOOL {
    match handles::get(h).as_deref() {
        Ok(Object::Mutex(m)) => match m.release(sync::current_tid()) {
            Ok(()) => TRUE,
            Err(e) => teb::fail(e, FALSE),
        },
        _ => teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
}

// ---------------------------------------------------------------------------------------------
// Semaphores.

fn create_semaphore(sa: *const SECURITY_ATTRIBUTES, initial: i32, max: i32, name: Option<String>) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES (the exports' contract).
    let inherit = unsafe { inherit_of(sa) };
    create_object(name, inherit, is_semaphore, || Semaphore::new(initial, max).map(|s| Arc::new(Object::Semaphore(s))))
}

/// CreateSemaphoreW: a semaphore with a count from `initial` up to `max`; each satisfied wait
/// takes one. ERROR_INVALID_PARAMETER unless 0 <= initial <= max and max > 0. A name already in
/// use opens that semaphore.
#[export]
pub unsafe extern "win64" fn CreateSemaphoreW(
    sa: *const SECURITY_ATTRIBUTES,
    initial: i32,
    max: i32,
    name: PCWSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_semaphore(sa, initial, max, unsafe { name_w(name) })
}

/// CreateSemaphoreA: CreateSemaphoreW with an ANSI name.
#[export]
pub unsafe extern "win64" fn CreateSemaphoreA(
    sa: *const SECURITY_ATTRIBUTES,
    initial: i32,
    max: i32,
    name: PCSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_semaphore(sa, initial, max, unsafe { name_a(name) })
}

/// CreateSemaphoreExW: CreateSemaphoreW with reserved flags and an access mask.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateSemaphoreExW(
    sa: *const SECURITY_ATTRIBUTES,
    initial: i32,
    max: i32,
    name: PCWSTR,
    _flags: u32,
    _access: u32,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_semaphore(sa, initial, max, unsafe { name_w(name) })
}

/// CreateSemaphoreExA: CreateSemaphoreExW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateSemaphoreExA(
    sa: *const SECURITY_ATTRIBUTES,
    initial: i32,
    max: i32,
    name: PCSTR,
    _flags: u32,
    _access: u32,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_semaphore(sa, initial, max, unsafe { name_a(name) })
}

/// OpenSemaphoreW: a new handle to the semaphore named `name`.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenSemaphoreW(_access: u32, inherit: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_w(name) }, inherit != 0, is_semaphore)
}

/// OpenSemaphoreA: OpenSemaphoreW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenSemaphoreA(_access: u32, inherit: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_a(name) }, inherit != 0, is_semaphore)
}

/// ReleaseSemaphore: add `n` to the count, `*prev` receiving the count before.
/// ERROR_TOO_MANY_POSTS, and no change, when the count would pass the maximum.
/// As Wine, `n` = 0 succeeds (and a negative `n` is ERROR_TOO_MANY_POSTS); Windows documents
/// `n` > 0.
#[export]
pub unsafe extern "win64" fn ReleaseSemaphore(h: HANDLE, n: i32, prev: *mut i32) -> BOOL {
    match handles::get(h).as_deref() {
        Ok(Object::Semaphore(s)) => match s.release(n) {
            Ok(p) => {
                if !prev.is_null() {
                    // SAFETY: the program passes a LONG to fill.
                    unsafe { *prev = p as i32 };
                }
                TRUE
            }
            Err(e) => teb::fail(e, FALSE),
        },
        _ => teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
}

// ---------------------------------------------------------------------------------------------
// Critical sections and sleeping.

/// InitializeCriticalSection: make the section free and ready. Fields keep their NT meaning
/// (LockCount -1 when free, RecursionCount, OwningThread = owner's thread id).
/// LockSemaphore holds our futex word rather than a handle; DebugInfo is -1 (none).
#[export]
pub unsafe extern "win64" fn InitializeCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes the section to initialise.
    unsafe { sync::cs_init(cs, 0) }
}

/// InitializeCriticalSectionAndSpinCount: as InitializeCriticalSection, spinning up to
/// `spin_count` times before blocking (on multiprocessors). Always TRUE since Vista.
#[export]
pub unsafe extern "win64" fn InitializeCriticalSectionAndSpinCount(cs: *mut CRITICAL_SECTION, spin_count: u32) -> BOOL {
    // SAFETY: the program passes the section to initialise.
    unsafe { sync::cs_init(cs, spin_count) };
    TRUE
}

/// InitializeCriticalSectionEx: as InitializeCriticalSectionAndSpinCount; the flags
/// (CRITICAL_SECTION_NO_DEBUG_INFO and the like) only concern debug information.
#[export]
pub unsafe extern "win64" fn InitializeCriticalSectionEx(
    cs: *mut CRITICAL_SECTION,
    spin_count: u32,
    _flags: u32,
) -> BOOL {
    // SAFETY: the program passes the section to initialise.
    unsafe { sync::cs_init(cs, spin_count) };
    TRUE
}

/// EnterCriticalSection: wait for ownership; the owner may enter again (recursively).
#[export]
pub unsafe extern "win64" fn EnterCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes an initialised section.
    unsafe { sync::cs_enter(cs) }
}

/// TryEnterCriticalSection: take ownership if nobody else holds the section; TRUE if the caller
/// now owns it.
#[export]
pub unsafe extern "win64" fn TryEnterCriticalSection(cs: *mut CRITICAL_SECTION) -> BOOL {
    // SAFETY: the program passes an initialised section.
    unsafe { sync::cs_try_enter(cs) as BOOL }
}

/// LeaveCriticalSection: give up one level of ownership; the last one wakes a waiter.
#[export]
pub unsafe extern "win64" fn LeaveCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes a section it owns.
    unsafe { sync::cs_leave(cs) }
}

/// DeleteCriticalSection: release the section's resources (it must not be owned).
#[export]
pub unsafe extern "win64" fn DeleteCriticalSection(cs: *mut CRITICAL_SECTION) {
    // SAFETY: the program passes a section nobody uses any more.
    unsafe { sync::cs_delete(cs) }
}

/// Sleep: suspend the thread for `ms` milliseconds; 0 gives up the rest of the time slice,
/// INFINITE never returns.
#[export]
pub extern "win64" fn Sleep(ms: u32) {
    sync::sleep_ms(ms)
}

/// SleepEx: as Sleep; an alertable sleep returns WAIT_IO_COMPLETION when an APC or I/O
/// completion routine ran, else 0.
/// APCs are not implemented: the sleep is never alerted and always returns 0.
#[export]
pub extern "win64" fn SleepEx(ms: u32, _alertable: BOOL) -> u32 {
    sync::sleep_ms(ms);
    0
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    struct Shared(std::cell::UnsafeCell<CRITICAL_SECTION>, std::cell::UnsafeCell<u64>);
    // SAFETY: the counter is guarded by the critical section under test.
    unsafe impl Sync for Shared {}
    unsafe impl Send for Shared {}

    #[test]
    fn critical_section_on_several_threads() {
        dllcore::teb::attach_current_thread();
        let s = Arc::new(Shared(Default::default(), Default::default()));
        unsafe { InitializeCriticalSectionAndSpinCount(s.0.get(), 4000) };
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let s = s.clone();
                std::thread::spawn(move || {
                    dllcore::teb::attach_current_thread();
                    for _ in 0..10_000 {
                        unsafe {
                            EnterCriticalSection(s.0.get());
                            assert_eq!(TryEnterCriticalSection(s.0.get()), TRUE);
                            *s.1.get() += 1;
                            LeaveCriticalSection(s.0.get());
                            LeaveCriticalSection(s.0.get());
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(unsafe { *s.1.get() }, 40_000);
        let c = unsafe { &*s.0.get() };
        assert_eq!((c.LockCount, c.RecursionCount, c.OwningThread as usize), (-1, 0, 0));
        unsafe { DeleteCriticalSection(s.0.get()) };
    }

    #[test]
    fn uncontended_enter_leave_is_fast() {
        let mut cs = CRITICAL_SECTION::default();
        unsafe { InitializeCriticalSection(&mut cs) };
        let n = 1_000_000;
        let t = std::time::Instant::now();
        for _ in 0..n {
            unsafe {
                sync::cs_enter(&mut cs);
                sync::cs_leave(&mut cs);
            }
        }
        let per = t.elapsed().as_nanos() as f64 / n as f64;
        // Generous bound (debug build, shared machine): a lock would be far above it.
        assert!(per < 200.0, "{per} ns per enter/leave");
    }

    #[test]
    fn sleep_waits() {
        let t = std::time::Instant::now();
        Sleep(20);
        assert!(t.elapsed() >= std::time::Duration::from_millis(20));
        Sleep(0);
        assert_eq!(SleepEx(1, TRUE), 0);
    }
}

#[cfg(test)]
mod object_tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use crate::handleapi::CloseHandle;
    use windows_sys::Win32::Foundation::{
        ERROR_FILE_NOT_FOUND, ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS, WAIT_ABANDONED_0, WAIT_OBJECT_0, WAIT_TIMEOUT,
    };

    fn w(s: &str) -> Vec<u16> {
        s.encode_utf16().chain([0]).collect()
    }

    const NULL_SA: *const SECURITY_ATTRIBUTES = std::ptr::null();

    #[test]
    fn events_auto_and_manual() {
        teb::attach_current_thread();
        let auto = unsafe { CreateEventW(NULL_SA, FALSE, TRUE, std::ptr::null()) };
        let manual = unsafe { CreateEventW(NULL_SA, TRUE, FALSE, std::ptr::null()) };
        assert!(!auto.is_null() && !manual.is_null());
        assert_eq!(WaitForSingleObject(auto, 0), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(auto, 0), WAIT_TIMEOUT, "auto-reset consumed by the wait");
        assert_eq!(WaitForSingleObject(manual, 0), WAIT_TIMEOUT);
        assert_eq!(SetEvent(manual), TRUE);
        assert_eq!(WaitForSingleObject(manual, 0), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObjectEx(manual, 0, TRUE), WAIT_OBJECT_0, "manual stays signaled");
        assert_eq!(ResetEvent(manual), TRUE);
        let t = std::time::Instant::now();
        assert_eq!(WaitForSingleObject(manual, 50), WAIT_TIMEOUT);
        assert!(t.elapsed() >= std::time::Duration::from_millis(50));
        assert_eq!(PulseEvent(manual), TRUE);
        assert_eq!(WaitForSingleObject(manual, 0), WAIT_TIMEOUT, "a pulse leaves it reset");

        // Set from another thread while we wait.
        let h = manual as usize;
        let t = std::thread::spawn(move || {
            teb::attach_current_thread();
            std::thread::sleep(std::time::Duration::from_millis(30));
            SetEvent(h as HANDLE)
        });
        assert_eq!(WaitForSingleObject(manual, 5000), WAIT_OBJECT_0);
        assert_eq!(t.join().unwrap(), TRUE);

        let ex = unsafe { CreateEventExW(NULL_SA, std::ptr::null(), CREATE_EVENT_INITIAL_SET, 0) };
        assert_eq!(WaitForSingleObject(ex, 0), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(ex, 0), WAIT_TIMEOUT, "no CREATE_EVENT_MANUAL_RESET: auto");
        for h in [auto, manual, ex] {
            assert_eq!(CloseHandle(h), TRUE);
        }
        assert_eq!(SetEvent(auto), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
    }

    #[test]
    fn wait_multiple_any_all_and_limits() {
        teb::attach_current_thread();
        let a = unsafe { CreateEventW(NULL_SA, TRUE, FALSE, std::ptr::null()) };
        let b = unsafe { CreateEventW(NULL_SA, FALSE, TRUE, std::ptr::null()) };
        let hs = [a, b];
        assert_eq!(unsafe { WaitForMultipleObjects(2, hs.as_ptr(), FALSE, 0) }, WAIT_OBJECT_0 + 1);
        assert_eq!(unsafe { WaitForMultipleObjects(2, hs.as_ptr(), FALSE, 20) }, WAIT_TIMEOUT);
        SetEvent(b);
        assert_eq!(unsafe { WaitForMultipleObjects(2, hs.as_ptr(), TRUE, 20) }, WAIT_TIMEOUT);
        assert_eq!(
            unsafe { WaitForMultipleObjects(2, hs.as_ptr(), FALSE, 0) },
            WAIT_OBJECT_0 + 1,
            "b untouched by the failed wait-all"
        );
        SetEvent(a);
        SetEvent(b);
        assert_eq!(unsafe { WaitForMultipleObjectsEx(2, hs.as_ptr(), TRUE, 0, FALSE) }, WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(b, 0), WAIT_TIMEOUT, "the wait-all took b");

        let many = [a; 65];
        SetLastError(0);
        assert_eq!(unsafe { WaitForMultipleObjects(65, many.as_ptr(), FALSE, 0) }, WAIT_FAILED);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(unsafe { WaitForMultipleObjects(64, many.as_ptr(), TRUE, 0) }, WAIT_OBJECT_0);
        assert_eq!(unsafe { WaitForMultipleObjects(0, many.as_ptr(), FALSE, 0) }, WAIT_FAILED);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(WaitForSingleObject(0x1234 as HANDLE, 0), WAIT_FAILED);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        // The calling thread and process are never signaled while they run.
        assert_eq!(WaitForSingleObject(-2isize as HANDLE, 0), WAIT_TIMEOUT);
        assert_eq!(WaitForSingleObject(-1isize as HANDLE, 10), WAIT_TIMEOUT);
        CloseHandle(a);
        CloseHandle(b);
    }

    #[test]
    fn semaphore_counts_and_too_many_posts() {
        teb::attach_current_thread();
        SetLastError(0);
        assert!(unsafe { CreateSemaphoreW(NULL_SA, 3, 2, std::ptr::null()) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        let s = unsafe { CreateSemaphoreW(NULL_SA, 1, 2, std::ptr::null()) };
        let mut prev = -5;
        assert_eq!(unsafe { ReleaseSemaphore(s, 2, &mut prev) }, FALSE);
        assert_eq!((GetLastError(), prev), (ERROR_TOO_MANY_POSTS, -5));
        assert_eq!(unsafe { ReleaseSemaphore(s, 0, &mut prev) }, TRUE, "0 reads the count (as Wine)");
        assert_eq!(prev, 1);
        prev = -5;
        assert_eq!(unsafe { ReleaseSemaphore(s, 1, &mut prev) }, TRUE);
        assert_eq!(prev, 1);
        assert_eq!(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(s, 0), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(s, 0), WAIT_TIMEOUT);
        assert_eq!(unsafe { ReleaseSemaphore(s, 2, std::ptr::null_mut()) }, TRUE);
        assert_eq!(ReleaseMutex(s), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        let ex = unsafe { CreateSemaphoreExW(NULL_SA, 0, 1, std::ptr::null(), 0, 0) };
        assert_eq!(SignalObjectAndWait(ex, s, 0, FALSE), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(ex, 0), WAIT_OBJECT_0, "SignalObjectAndWait released one");
        CloseHandle(s);
        CloseHandle(ex);
    }

    #[test]
    fn mutex_recursion_not_owner_and_abandonment() {
        teb::attach_current_thread();
        let m = unsafe { CreateMutexW(NULL_SA, TRUE, std::ptr::null()) };
        assert_eq!(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "the owner re-enters");
        let h = m as usize;
        let other = std::thread::spawn(move || {
            teb::attach_current_thread();
            (WaitForSingleObject(h as HANDLE, 10), ReleaseMutex(h as HANDLE), GetLastError())
        });
        assert_eq!(other.join().unwrap(), (WAIT_TIMEOUT, FALSE, ERROR_NOT_OWNER));
        assert_eq!(ReleaseMutex(m), TRUE);
        assert_eq!(ReleaseMutex(m), TRUE);
        assert_eq!(ReleaseMutex(m), FALSE);
        assert_eq!(GetLastError(), ERROR_NOT_OWNER);

        // A thread that ends owning it abandons it.
        let other = std::thread::spawn(move || {
            teb::attach_current_thread();
            WaitForSingleObject(h as HANDLE, 0)
        });
        assert_eq!(other.join().unwrap(), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(m, 5000), WAIT_ABANDONED_0);
        assert_eq!(ReleaseMutex(m), TRUE);
        assert_eq!(WaitForSingleObject(m, 0), WAIT_OBJECT_0, "abandonment is reported once");
        assert_eq!(ReleaseMutex(m), TRUE);
        let ex = unsafe { CreateMutexExW(NULL_SA, std::ptr::null(), CREATE_MUTEX_INITIAL_OWNER, 0) };
        assert_eq!(ReleaseMutex(ex), TRUE);
        assert_eq!(ReleaseMutex(ex), FALSE);
        CloseHandle(m);
        CloseHandle(ex);
    }

    #[test]
    fn named_objects() {
        teb::attach_current_thread();
        let name = w("k32-test-named");
        SetLastError(1234);
        let e1 = unsafe { CreateEventW(NULL_SA, TRUE, FALSE, name.as_ptr()) };
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        let e2 = unsafe { CreateEventA(NULL_SA, FALSE, TRUE, c"k32-test-named".as_ptr() as _) };
        assert_eq!(GetLastError(), ERROR_ALREADY_EXISTS);
        assert_ne!(e1, e2);
        assert_eq!(WaitForSingleObject(e2, 0), WAIT_TIMEOUT, "the existing (manual, unset) event");
        SetEvent(e2);
        assert_eq!(WaitForSingleObject(e1, 0), WAIT_OBJECT_0, "the same event");
        assert!(unsafe { CreateMutexW(NULL_SA, FALSE, name.as_ptr()) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        let o = unsafe { OpenEventW(0, FALSE, name.as_ptr()) };
        assert_eq!(WaitForSingleObject(o, 0), WAIT_OBJECT_0);
        assert!(unsafe { OpenMutexW(0, FALSE, name.as_ptr()) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert!(unsafe { OpenSemaphoreA(0, FALSE, c"k32-test-none".as_ptr() as _) }.is_null());
        assert_eq!(GetLastError(), ERROR_FILE_NOT_FOUND);
        assert!(unsafe { OpenEventW(0, FALSE, std::ptr::null()) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        for h in [e1, e2, o] {
            CloseHandle(h);
        }
        assert!(unsafe { OpenEventW(0, FALSE, name.as_ptr()) }.is_null(), "gone with its last handle");

        // An existing mutex is opened, not taken.
        let mname = w("k32-test-mutex");
        let m1 = unsafe { CreateMutexW(NULL_SA, TRUE, mname.as_ptr()) };
        let m2 = unsafe { CreateMutexW(NULL_SA, TRUE, mname.as_ptr()) };
        assert_eq!(GetLastError(), ERROR_ALREADY_EXISTS);
        assert_eq!(ReleaseMutex(m1), TRUE);
        assert_eq!(ReleaseMutex(m2), FALSE);
        let s1 = unsafe { CreateSemaphoreA(NULL_SA, 0, 3, c"k32-test-sem".as_ptr() as _) };
        let s2 = unsafe { OpenSemaphoreW(0, FALSE, w("k32-test-sem").as_ptr()) };
        assert_eq!(unsafe { ReleaseSemaphore(s2, 1, std::ptr::null_mut()) }, TRUE);
        assert_eq!(WaitForSingleObject(s1, 0), WAIT_OBJECT_0);
        for h in [m1, m2, s1, s2] {
            CloseHandle(h);
        }
    }
}
