//! processthreadsapi.h: the current process and thread, exit, startup info, thread-local
//! storage slots.

use dllcore::{export, teb};
use std::cell::RefCell;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use syscall_shims::{handles, sync};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS, ERROR_SUCCESS, FALSE, HANDLE, TRUE,
};
use windows_sys::Win32::System::Threading::{STARTUPINFOA, STARTUPINFOW, TLS_OUT_OF_INDEXES};
use windows_sys::core::BOOL;

/// The pseudo handle GetCurrentProcess returns.
pub const CURRENT_PROCESS: HANDLE = -1isize as HANDLE;
/// The pseudo handle GetCurrentThread returns.
pub const CURRENT_THREAD: HANDLE = -2isize as HANDLE;

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

static EMPTY_W: [u16; 1] = [0];
static EMPTY_A: [u8; 1] = [0];

/// GetStartupInfoW: how the process was started: no flags (started from a shell, as Wine
/// reports it too), the current standard handles, empty desktop and title.
/// The title is empty where Windows may give the exe path or a shortcut's name.
#[export]
pub unsafe extern "win64" fn GetStartupInfoW(info: *mut STARTUPINFOW) {
    if info.is_null() {
        return;
    }
    let si = STARTUPINFOW {
        cb: std::mem::size_of::<STARTUPINFOW>() as u32,
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

/// GetStartupInfoA: as GetStartupInfoW, with narrow strings.
/// The title is empty where Windows may give the exe path or a shortcut's name.
#[export]
pub unsafe extern "win64" fn GetStartupInfoA(info: *mut STARTUPINFOA) {
    if info.is_null() {
        return;
    }
    let si = STARTUPINFOA {
        cb: std::mem::size_of::<STARTUPINFOA>() as u32,
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

// ---------------------------------------------------------------------------------------------
// Thread-local storage: the 64 TEB.TlsSlots. Windows zeroes a slot in every thread when its
// index is freed; to do the same we remember the TEBs of threads that stored a value.

/// Number of TLS slots (TLS_MINIMUM_AVAILABLE).
pub const TLS_SLOTS: u32 = 64;

static TLS_BITMAP: AtomicU64 = AtomicU64::new(0);
static TLS_TEBS: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// A thread's entry in TLS_TEBS, removed when the thread exits.
struct TebRegistration(usize);

impl Drop for TebRegistration {
    fn drop(&mut self) {
        TLS_TEBS.lock().unwrap_or_else(|e| e.into_inner()).retain(|&t| t != self.0);
    }
}

thread_local! {
    static REGISTRATION: RefCell<Option<TebRegistration>> = const { RefCell::new(None) };
}

fn register_teb(teb: usize) {
    REGISTRATION.with(|r| {
        let mut r = r.borrow_mut();
        if r.as_ref().map(|x| x.0) != Some(teb) {
            TLS_TEBS.lock().unwrap_or_else(|e| e.into_inner()).push(teb);
            *r = Some(TebRegistration(teb));
        }
    });
}

fn slot(index: u32) -> *mut *mut core::ffi::c_void {
    let teb = teb::current_teb();
    // SAFETY: index < 64 (callers check); TlsSlots lies inside the TEB.
    unsafe { std::ptr::addr_of_mut!((*teb).TlsSlots[index as usize]) }
}

/// Zero slot `index` in every thread that stored TLS values, and in the caller.
fn zero_slot_everywhere(index: u32) {
    let tebs = TLS_TEBS.lock().unwrap_or_else(|e| e.into_inner());
    for &t in tebs.iter() {
        // SAFETY: registered TEBs belong to live threads (they unregister at exit).
        unsafe {
            (*(t as *mut windows_sys::Win32::System::Threading::TEB)).TlsSlots[index as usize] = std::ptr::null_mut()
        };
    }
    drop(tebs);
    if teb::is_attached() {
        // SAFETY: the caller's own TEB.
        unsafe { *slot(index) = std::ptr::null_mut() };
    }
}

/// TlsAlloc: reserve a TLS index; its slot reads as NULL in every thread. TLS_OUT_OF_INDEXES
/// (ERROR_NO_MORE_ITEMS) when all are taken.
/// 64 slots: the 1024 expansion slots are not provided.
#[export]
pub extern "win64" fn TlsAlloc() -> u32 {
    let mut cur = TLS_BITMAP.load(Ordering::Relaxed);
    loop {
        if cur == u64::MAX {
            return teb::fail(ERROR_NO_MORE_ITEMS, TLS_OUT_OF_INDEXES);
        }
        let index = (!cur).trailing_zeros();
        match TLS_BITMAP.compare_exchange_weak(cur, cur | 1 << index, Ordering::AcqRel, Ordering::Relaxed) {
            Ok(_) => {
                zero_slot_everywhere(index);
                return index;
            }
            Err(now) => cur = now,
        }
    }
}

/// TlsFree: release a TLS index, zeroing its slot in every thread. FALSE with
/// ERROR_INVALID_PARAMETER for an index not allocated.
#[export]
pub extern "win64" fn TlsFree(index: u32) -> BOOL {
    if index >= TLS_SLOTS {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let bit = 1u64 << index;
    if TLS_BITMAP.load(Ordering::Acquire) & bit == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    zero_slot_everywhere(index);
    TLS_BITMAP.fetch_and(!bit, Ordering::AcqRel);
    TRUE
}

/// TlsGetValue: the calling thread's value for `index`; sets the last error to ERROR_SUCCESS
/// on success (documented, so a stored NULL can be told from failure).
#[export]
pub extern "win64" fn TlsGetValue(index: u32) -> *mut core::ffi::c_void {
    if index >= TLS_SLOTS {
        return teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut());
    }
    teb::set_last_error(ERROR_SUCCESS);
    // SAFETY: index checked; the slot is in the caller's TEB.
    unsafe { *slot(index) }
}

/// TlsSetValue: store the calling thread's value for `index`.
#[export]
pub extern "win64" fn TlsSetValue(index: u32, value: *mut core::ffi::c_void) -> BOOL {
    if index >= TLS_SLOTS {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let s = slot(index);
    register_teb(teb::current_teb() as usize);
    // SAFETY: index checked; the slot is in the caller's TEB.
    unsafe { *s = value };
    TRUE
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::{GetLastError, SetLastError};
    use std::sync::mpsc;

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
        assert_eq!(unsafe { *si.lpTitle }, 0);
        let mut sa = STARTUPINFOA::default();
        unsafe { GetStartupInfoA(&mut sa) };
        assert_eq!(sa.cb as usize, std::mem::size_of::<STARTUPINFOA>());
        assert_eq!(sa.hStdError, handles::std_handle(2));
    }

    /// The TLS tests share the 64 global slots; run them one at a time.
    static TLS_TEST: Mutex<()> = Mutex::new(());

    #[test]
    fn tls_slots() {
        let _g = TLS_TEST.lock().unwrap_or_else(|e| e.into_inner());
        teb::attach_current_thread();
        let i = TlsAlloc();
        assert_ne!(i, TLS_OUT_OF_INDEXES);
        SetLastError(1234);
        assert!(TlsGetValue(i).is_null());
        assert_eq!(GetLastError(), ERROR_SUCCESS);
        assert_eq!(TlsSetValue(i, 0x55 as *mut _), TRUE);
        assert_eq!(TlsGetValue(i) as usize, 0x55);
        // The TEB holds it where PE code reads it directly.
        let teb = teb::current_teb();
        assert_eq!(unsafe { (*teb).TlsSlots[i as usize] } as usize, 0x55);

        // Another thread sees its own (zero) value, stores one, and waits.
        let (tx, rx) = mpsc::channel();
        let (go_tx, go_rx) = mpsc::channel::<()>();
        let t = std::thread::spawn(move || {
            teb::attach_current_thread();
            assert!(TlsGetValue(i).is_null());
            TlsSetValue(i, 0x77 as *mut _);
            tx.send(()).unwrap();
            go_rx.recv().unwrap();
            // Freed and reallocated meanwhile: the slot was zeroed in this thread too.
            TlsGetValue(i) as usize
        });
        rx.recv().unwrap();
        assert_eq!(TlsFree(i), TRUE);
        assert_eq!(TlsFree(i), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        let j = TlsAlloc();
        assert_eq!(j, i, "lowest free index is reused");
        assert!(TlsGetValue(j).is_null());
        go_tx.send(()).unwrap();
        assert_eq!(t.join().unwrap(), 0);
        TlsFree(j);

        assert!(TlsGetValue(64).is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(TlsSetValue(64, std::ptr::null_mut()), FALSE);
    }

    #[test]
    fn tls_out_of_indexes() {
        let _g = TLS_TEST.lock().unwrap_or_else(|e| e.into_inner());
        teb::attach_current_thread();
        let mut got = Vec::new();
        loop {
            let i = TlsAlloc();
            if i == TLS_OUT_OF_INDEXES {
                break;
            }
            got.push(i);
        }
        assert_eq!(GetLastError(), ERROR_NO_MORE_ITEMS);
        assert!(got.len() <= 64 && !got.is_empty());
        for i in got {
            assert_eq!(TlsFree(i), TRUE);
        }
    }
}
