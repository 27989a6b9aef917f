//! synchapi.h: events, mutexes, semaphores and waitable timers, unnamed or named (one
//! namespace of names, `syscall_shims::handles`). Their states and waiting are
//! `syscall_shims::waitable`.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use std::sync::Arc;
use std::time::Duration;
use syscall_shims::handles::{self, Object};
use syscall_shims::waitable::{self, Event, Semaphore};
use syscall_shims::{codepage, sync};
use windows_sys::Win32::Foundation::{
    ERROR_ALREADY_EXISTS, ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, ERROR_SUCCESS, FALSE, HANDLE,
    TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::System::Threading::{
    CREATE_EVENT_INITIAL_SET, CREATE_EVENT_MANUAL_RESET, CREATE_MUTEX_INITIAL_OWNER,
};
use windows_sys::core::{BOOL, PCSTR, PCWSTR};

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
// Waitable timers.

fn is_timer(o: &Object) -> bool {
    matches!(o, Object::Timer(_))
}

/// CREATE_WAITABLE_TIMER_MANUAL_RESET.
const TIMER_MANUAL_RESET: u32 = 1;

fn create_timer(sa: *const SECURITY_ATTRIBUTES, manual: bool, name: Option<String>) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES (the exports' contract).
    let inherit = unsafe { inherit_of(sa) };
    create_object(name, inherit, is_timer, || Ok(Arc::new(Object::Timer(waitable::Timer::new(manual)))))
}

/// CreateWaitableTimerW: a timer, not set and not signaled. A manual-reset (notification)
/// timer stays signaled once it fires; an auto-reset (synchronization) one is reset by the one
/// wait it satisfies. A name already in use opens that timer (ERROR_ALREADY_EXISTS).
#[export]
pub unsafe extern "win64" fn CreateWaitableTimerW(
    sa: *const SECURITY_ATTRIBUTES,
    manual: BOOL,
    name: PCWSTR,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_timer(sa, manual != 0, unsafe { name_w(name) })
}

/// CreateWaitableTimerA: CreateWaitableTimerW with an ANSI name.
#[export]
pub unsafe extern "win64" fn CreateWaitableTimerA(sa: *const SECURITY_ATTRIBUTES, manual: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_timer(sa, manual != 0, unsafe { name_a(name) })
}

/// CreateWaitableTimerExW: CreateWaitableTimerW with CREATE_WAITABLE_TIMER_MANUAL_RESET
/// (CREATE_WAITABLE_TIMER_HIGH_RESOLUTION is accepted: every timer is).
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateWaitableTimerExW(
    sa: *const SECURITY_ATTRIBUTES,
    name: PCWSTR,
    flags: u32,
    _access: u32,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_timer(sa, flags & TIMER_MANUAL_RESET != 0, unsafe { name_w(name) })
}

/// CreateWaitableTimerExA: CreateWaitableTimerExW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn CreateWaitableTimerExA(
    sa: *const SECURITY_ATTRIBUTES,
    name: PCSTR,
    flags: u32,
    _access: u32,
) -> HANDLE {
    // SAFETY: the program passes NULL or a NUL-terminated name.
    create_timer(sa, flags & TIMER_MANUAL_RESET != 0, unsafe { name_a(name) })
}

/// OpenWaitableTimerW: a new handle to the timer named `name`.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenWaitableTimerW(_access: u32, inherit: BOOL, name: PCWSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_w(name) }, inherit != 0, is_timer)
}

/// OpenWaitableTimerA: OpenWaitableTimerW with an ANSI name.
/// The access mask is not enforced.
#[export]
pub unsafe extern "win64" fn OpenWaitableTimerA(_access: u32, inherit: BOOL, name: PCSTR) -> HANDLE {
    // SAFETY: the program passes a NUL-terminated name.
    open_object(unsafe { name_a(name) }, inherit != 0, is_timer)
}

/// SetWaitableTimer(Ex) for both exports.
///
/// # Safety
/// `due` must be NULL or point at a LARGE_INTEGER.
unsafe fn set_timer(h: HANDLE, due: *const i64, period: i32, apc: usize, arg: usize) -> BOOL {
    let obj = match handles::get(h) {
        Ok(o) if is_timer(&o) => o,
        _ => return teb::fail(ERROR_INVALID_HANDLE, FALSE),
    };
    if due.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    if period < 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: per the contract.
    let at = syscall_shims::timer::due_instant(unsafe { due.read_unaligned() });
    let apc = (apc != 0).then(|| waitable::TimerApc {
        thread: waitable::current_thread(),
        call: Arc::new(move |when: u64| {
            // SAFETY: the program's PTIMERAPCROUTINE (argument, low and high FILETIME).
            let f: extern "win64" fn(usize, u32, u32) = unsafe { std::mem::transmute(apc) };
            f(arg, when as u32, (when >> 32) as u32)
        }),
    });
    waitable::timer::set(&obj, at, Duration::from_millis(period as u64), apc);
    TRUE
}

/// SetWaitableTimer: arm the timer: it becomes non-signaled, then is signaled at `*due` (in
/// 100 ns units: negative relative to now, positive an absolute FILETIME), then every `period`
/// milliseconds if `period` > 0. A completion routine `apc(arg, low, high)` (the FILETIME of
/// the firing) is queued to the calling thread each time, to run in its alertable waits.
/// Waking the system (`resume`) is not supported; the timer works regardless.
#[export]
pub unsafe extern "win64" fn SetWaitableTimer(
    h: HANDLE,
    due: *const i64,
    period: i32,
    apc: usize,
    arg: usize,
    _resume: BOOL,
) -> BOOL {
    // SAFETY: the program passes a LARGE_INTEGER.
    unsafe { set_timer(h, due, period, apc, arg) }
}

/// SetWaitableTimerEx: SetWaitableTimer with a wake context and a tolerable delay, which are
/// accepted and ignored (the timer fires on time).
#[export]
pub unsafe extern "win64" fn SetWaitableTimerEx(
    h: HANDLE,
    due: *const i64,
    period: i32,
    apc: usize,
    arg: usize,
    _wake_context: *const core::ffi::c_void,
    _tolerable_delay: u32,
) -> BOOL {
    // SAFETY: the program passes a LARGE_INTEGER.
    unsafe { set_timer(h, due, period, apc, arg) }
}

/// CancelWaitableTimer: stop the timer (no more firings or completion routines); its signaled
/// state is left as it is.
#[export]
pub extern "win64" fn CancelWaitableTimer(h: HANDLE) -> BOOL {
    match handles::get(h) {
        Ok(o) if is_timer(&o) => {
            waitable::timer::cancel(&o);
            TRUE
        }
        _ => teb::fail(ERROR_INVALID_HANDLE, FALSE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use crate::handleapi::CloseHandle;
    use crate::synchapi::{
        SignalObjectAndWait, WaitForMultipleObjects, WaitForMultipleObjectsEx, WaitForSingleObject,
        WaitForSingleObjectEx,
    };
    use windows_sys::Win32::Foundation::WAIT_FAILED;
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

    extern "win64" fn timer_apc(arg: usize, lo: u32, hi: u32) {
        let when = (hi as u64) << 32 | lo as u64;
        assert!(when > 116_444_736_000_000_000, "a FILETIME");
        // SAFETY: the test passes a counter.
        unsafe { *(arg as *mut u32) += 1 };
    }

    #[test]
    fn waitable_timers() {
        teb::attach_current_thread();
        let t = unsafe { CreateWaitableTimerW(NULL_SA, TRUE, std::ptr::null()) };
        assert!(!t.is_null());
        assert_eq!(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "not set");
        let due: i64 = -20 * 10_000;
        let start = std::time::Instant::now();
        assert_eq!(unsafe { SetWaitableTimer(t, &due, 0, 0, 0, FALSE) }, TRUE);
        assert_eq!(WaitForSingleObject(t, 5000), WAIT_OBJECT_0);
        assert!(start.elapsed() >= std::time::Duration::from_millis(19));
        assert_eq!(WaitForSingleObject(t, 0), WAIT_OBJECT_0, "manual: stays signaled");
        let far: i64 = -10_000_000;
        unsafe { SetWaitableTimer(t, &far, 0, 0, 0, FALSE) };
        assert_eq!(WaitForSingleObject(t, 0), WAIT_TIMEOUT, "setting resets it");
        assert_eq!(CancelWaitableTimer(t), TRUE);
        assert_eq!(WaitForSingleObject(t, 50), WAIT_TIMEOUT, "cancelled");

        // Auto-reset, periodic, with a completion routine.
        let a = unsafe { CreateWaitableTimerExW(NULL_SA, std::ptr::null(), 0, 0) };
        let mut fired = 0u32;
        let due: i64 = -5 * 10_000;
        assert_eq!(
            unsafe { SetWaitableTimer(a, &due, 10, timer_apc as *const () as usize, &raw mut fired as usize, FALSE) },
            TRUE
        );
        assert_eq!(WaitForSingleObject(a, 5000), WAIT_OBJECT_0);
        assert_eq!(WaitForSingleObject(a, 0), WAIT_TIMEOUT, "auto: consumed");
        assert_eq!(WaitForSingleObject(a, 5000), WAIT_OBJECT_0, "fires again");
        assert_eq!(fired, 0, "completion routines wait for an alertable wait");
        while unsafe { (&raw const fired).read_volatile() } < 3 {
            assert_eq!(crate::synchapi::SleepEx(5000, TRUE), 0xc0);
        }
        CancelWaitableTimer(a);
        // An absolute due time in the past fires at once.
        let past = syscall_shims::time::now_filetime() as i64 - 10_000_000;
        unsafe { SetWaitableTimer(a, &past, 0, 0, 0, FALSE) };
        assert_eq!(WaitForSingleObject(a, 5000), WAIT_OBJECT_0);
        // Errors and names.
        let ev = unsafe { CreateEventW(NULL_SA, TRUE, FALSE, std::ptr::null()) };
        assert_eq!(unsafe { SetWaitableTimer(ev, &due, 0, 0, 0, FALSE) }, FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(CancelWaitableTimer(ev), FALSE);
        let name = w("k32-test-timer");
        let n1 = unsafe { CreateWaitableTimerW(NULL_SA, TRUE, name.as_ptr()) };
        let n2 = unsafe { CreateWaitableTimerW(NULL_SA, FALSE, name.as_ptr()) };
        assert_eq!(GetLastError(), ERROR_ALREADY_EXISTS);
        let n3 = unsafe { OpenWaitableTimerW(0, FALSE, name.as_ptr()) };
        assert!(!n3.is_null());
        assert!(unsafe { CreateEventW(NULL_SA, TRUE, FALSE, name.as_ptr()) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        for h in [t, a, ev, n1, n2, n3] {
            CloseHandle(h);
        }
    }
}
