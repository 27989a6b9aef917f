//! synchapi.h: critical sections and sleeping. The critical section itself lives in
//! `syscall_shims::sync` (a futex over the structure's own fields) so every DLL shares it.

use dllcore::export;
use syscall_shims::sync;
use windows_sys::Win32::Foundation::TRUE;
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;
use windows_sys::core::BOOL;

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
