//! processthreadsapi.h: the current process and thread, creating and ending threads, exit
//! codes, startup info, thread-local storage slots.

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use syscall_shims::handles::{self, Object};
use syscall_shims::{sync, waitable};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NO_MORE_ITEMS, ERROR_NOACCESS, ERROR_NOT_ENOUGH_MEMORY,
    ERROR_SUCCESS, FALSE, HANDLE, STILL_ACTIVE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::System::Threading::{CREATE_SUSPENDED, STARTUPINFOA, STARTUPINFOW, TLS_OUT_OF_INDEXES};
use windows_sys::core::BOOL;

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

/// GetExitCodeProcess: STILL_ACTIVE (259) while the process runs.
/// Only the current process exists for now.
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

// ---------------------------------------------------------------------------------------------
// Threads. A thread's kernel object (syscall_shims::waitable::Thread) is signaled when it ends;
// dllcore::thread runs it with a TEB and DLL_THREAD_ATTACH/DETACH around the start routine.

/// What the new thread needs before it runs the program's start routine.
struct StartInfo {
    start: usize,
    param: usize,
    obj: Arc<Object>,
}

/// Threads running PE code: the main thread (started by the loader) and the CreateThread
/// threads that have not ended. When it drops to zero the process exits.
static LIVE_THREADS: AtomicUsize = AtomicUsize::new(1);

thread_local! {
    /// Was this thread started by CreateThread (so nothing of ours waits for its host thread)?
    static CREATED: Cell<bool> = const { Cell::new(false) };
}

/// The calling thread stops counting as live; true if it was the last one.
fn leave_live_threads() -> bool {
    LIVE_THREADS.fetch_sub(1, Ordering::AcqRel) == 1
}

/// The first code a CreateThread thread runs (after DLL_THREAD_ATTACH): adopt its kernel
/// object, wait at the gate while created suspended, then call the start routine.
extern "win64" fn thread_main(info: usize) -> u32 {
    // SAFETY: create_thread passed a leaked Box<StartInfo>, ours to take back once.
    let info = unsafe { Box::from_raw(info as *mut StartInfo) };
    let StartInfo { start, param, obj } = *info;
    CREATED.with(|c| c.set(true));
    waitable::bind_current_thread(obj.clone());
    if let Object::Thread(t) = &*obj {
        t.wait_gate();
    }
    drop(obj);
    // SAFETY: the program's LPTHREAD_START_ROUTINE (Microsoft x64 ABI, one pointer argument).
    let start: extern "win64" fn(usize) -> u32 = unsafe { std::mem::transmute(start) };
    start(param)
}

/// A CreateThread thread returned from its start routine (after DLL_THREAD_DETACH): signal its
/// object; the last thread of the process ends the process with its code, as on Windows.
fn thread_ended(code: u32) {
    waitable::exit_current_thread(code);
    if leave_live_threads() {
        dllcore::process::exit_process(code);
    }
}

/// CreateThread for Rust callers (msvcrt's _beginthreadex too): start `start(param)` on a new
/// thread; returns its handle and id. `flags`: CREATE_SUSPENDED (the thread waits until
/// ResumeThread); the stack size is taken as a reservation either way.
pub fn create_thread(
    start: usize,
    param: usize,
    stack: usize,
    flags: u32,
    inherit: bool,
) -> Result<(HANDLE, u32), u32> {
    if start == 0 {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let obj = Arc::new(Object::Thread(waitable::Thread::new(0, flags & CREATE_SUSPENDED != 0)));
    let info = Box::into_raw(Box::new(StartInfo { start, param, obj: obj.clone() }));
    // The exe's SizeOfStackReserve is not consulted: 1 MiB is the floor, as it is its default.
    let stack = if stack == 0 { 0 } else { stack.max(1 << 20) };
    let on_exit: dllcore::thread::OnExit = Box::new(thread_ended);
    LIVE_THREADS.fetch_add(1, Ordering::AcqRel);
    match dllcore::thread::spawn(thread_main, info as usize, stack, on_exit) {
        Ok(tid) => {
            if let Object::Thread(t) = &*obj {
                t.set_tid(tid);
            }
            Ok((handles::insert(obj, inherit), tid))
        }
        Err(e) => {
            LIVE_THREADS.fetch_sub(1, Ordering::AcqRel);
            log::warn!("CreateThread: cannot start a host thread: {e}");
            // SAFETY: the thread did not start, so the box is still ours.
            drop(unsafe { Box::from_raw(info) });
            Err(ERROR_NOT_ENOUGH_MEMORY)
        }
    }
}

/// CreateThread: run `start(param)` on a new thread of this process; returns its handle (and
/// id in `*tid`). CREATE_SUSPENDED holds it before its start routine until ResumeThread.
/// A suspended thread has already run DLL_THREAD_ATTACH (Windows runs it on resume).
#[export]
pub unsafe extern "win64" fn CreateThread(
    sa: *const SECURITY_ATTRIBUTES,
    stack: usize,
    start: usize,
    param: usize,
    flags: u32,
    tid: *mut u32,
) -> HANDLE {
    // SAFETY: sa is NULL or a SECURITY_ATTRIBUTES.
    match create_thread(start, param, stack, flags, unsafe { inherit_of(sa) }) {
        Ok((h, id)) => {
            if !tid.is_null() {
                // SAFETY: the program passes a DWORD to fill.
                unsafe { *tid = id };
            }
            h
        }
        Err(e) => teb::fail(e, std::ptr::null_mut()),
    }
}

/// ExitThread for Rust callers (msvcrt's _endthreadex too).
///
/// The thread ends without unwinding through PE frames: DLL_THREAD_DETACH runs, its object is
/// signaled, and a CreateThread thread's host thread leaves with the exit system call. What Rust
/// had on that thread is leaked: its stack mapping, its pthread structure and the values of its
/// thread-locals (their destructors do not run; those that matter are run by hand here first).
/// The main thread, which the loader's host thread waits for, sleeps forever instead. The last
/// thread of the process exits the process, as on Windows.
pub fn exit_thread(code: u32) -> ! {
    if leave_live_threads() {
        dllcore::process::exit_process(code);
    }
    // Thread-locals whose destructors matter: this thread's TLS-slot registration.
    REGISTRATION.with(|r| drop(r.borrow_mut().take()));
    dllcore::thread::finish(code, Box::new(waitable::exit_current_thread));
    if CREATED.with(|c| c.get()) {
        // SAFETY: ends the calling thread only; nothing of it is used afterwards.
        unsafe { libc::syscall(libc::SYS_exit, 0) };
    }
    loop {
        // SAFETY: no preconditions; the thread has ended for Windows and only sleeps.
        unsafe { libc::pause() };
    }
}

/// ExitThread: end the calling thread with `code` (DLL_THREAD_DETACH first); the last thread
/// ends the process.
#[export]
pub extern "win64" fn ExitThread(code: u32) -> ! {
    exit_thread(code)
}

/// GetExitCodeThread: the thread's exit code, or STILL_ACTIVE (259) while it runs.
#[export]
pub unsafe extern "win64" fn GetExitCodeThread(h: HANDLE, code: *mut u32) -> BOOL {
    let c = match handles::resolve(h).as_deref() {
        Ok(Object::Thread(t)) => t.exit_code().unwrap_or(STILL_ACTIVE as u32),
        _ => return teb::fail(ERROR_INVALID_HANDLE, FALSE),
    };
    if code.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a DWORD to fill.
    unsafe { *code = c };
    TRUE
}

/// GetThreadId: the id of the thread a handle designates; 0 with ERROR_INVALID_HANDLE for
/// other handles.
#[export]
pub extern "win64" fn GetThreadId(h: HANDLE) -> u32 {
    match handles::resolve(h).as_deref() {
        Ok(Object::Thread(t)) => t.tid(),
        _ => teb::fail(ERROR_INVALID_HANDLE, 0),
    }
}

/// ResumeThread: decrement a thread's suspend count, letting it run at zero; returns the
/// previous count, (DWORD)-1 on failure.
/// Only threads created suspended can be suspended (SuspendThread is not implemented).
#[export]
pub extern "win64" fn ResumeThread(h: HANDLE) -> u32 {
    match handles::resolve(h).as_deref() {
        Ok(Object::Thread(t)) => t.resume(),
        _ => teb::fail(ERROR_INVALID_HANDLE, u32::MAX),
    }
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

    extern "win64" fn returns_param(p: usize) -> u32 {
        std::thread::sleep(std::time::Duration::from_millis(30));
        p as u32
    }

    extern "win64" fn calls_exit_thread(p: usize) -> u32 {
        // Own a mutex, then leave through ExitThread: the mutex is abandoned.
        crate::synchapi::WaitForSingleObject(p as HANDLE, 0);
        ExitThread(77);
    }

    extern "win64" fn reports_own_state(out: usize) -> u32 {
        let mut code = 0;
        // SAFETY: a DWORD on our stack.
        unsafe { GetExitCodeThread(GetCurrentThread(), &mut code) };
        // SAFETY: the test passes an [u32; 2] that outlives the thread.
        unsafe { *(out as *mut [u32; 2]) = [code, GetThreadId(GetCurrentThread())] };
        GetCurrentThreadId()
    }

    #[test]
    fn threads_exit_codes_and_ids() {
        use crate::synchapi::WaitForSingleObject;
        use windows_sys::Win32::Foundation::{WAIT_OBJECT_0, WAIT_TIMEOUT};
        teb::attach_current_thread();
        let mut tid = 0;
        let h = unsafe { CreateThread(std::ptr::null(), 0, returns_param as *const () as usize, 1234, 0, &mut tid) };
        assert!(!h.is_null());
        assert_eq!(GetThreadId(h), tid);
        let mut code = 0;
        assert_eq!(unsafe { GetExitCodeThread(h, &mut code) }, TRUE);
        assert_eq!(code, STILL_ACTIVE as u32);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        assert_eq!(unsafe { GetExitCodeThread(h, &mut code) }, TRUE);
        assert_eq!(code, 1234);
        assert_eq!(WaitForSingleObject(h, 0), WAIT_OBJECT_0, "stays signaled");
        assert_eq!(crate::handleapi::CloseHandle(h), TRUE);

        // The pseudo handle inside the thread.
        let mut seen = [0u32; 2];
        let h = unsafe {
            CreateThread(
                std::ptr::null(),
                0,
                reports_own_state as *const () as usize,
                &raw mut seen as usize,
                0,
                &mut tid,
            )
        };
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        assert_eq!(unsafe { GetExitCodeThread(h, &mut code) }, TRUE);
        assert_eq!((seen, code), ([STILL_ACTIVE as u32, tid], tid));
        crate::handleapi::CloseHandle(h);

        // Suspended until resumed.
        let h = unsafe {
            CreateThread(std::ptr::null(), 0, returns_param as *const () as usize, 5, CREATE_SUSPENDED, &mut tid)
        };
        assert_eq!(WaitForSingleObject(h, 100), WAIT_TIMEOUT);
        assert_eq!(ResumeThread(h), 1);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        assert_eq!(ResumeThread(h), 0);
        crate::handleapi::CloseHandle(h);

        // ExitThread: the exit code, and the mutex the thread owned is abandoned.
        let m = unsafe { crate::synchapi::CreateMutexW(std::ptr::null(), FALSE, std::ptr::null()) };
        let h = unsafe {
            CreateThread(std::ptr::null(), 0, calls_exit_thread as *const () as usize, m as usize, 0, &mut tid)
        };
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        assert_eq!(unsafe { GetExitCodeThread(h, &mut code) }, TRUE);
        assert_eq!(code, 77);
        assert_eq!(WaitForSingleObject(m, 0), windows_sys::Win32::Foundation::WAIT_ABANDONED_0);
        crate::synchapi::ReleaseMutex(m);
        crate::handleapi::CloseHandle(h);
        crate::handleapi::CloseHandle(m);

        // Errors.
        assert!(unsafe { CreateThread(std::ptr::null(), 0, 0, 0, 0, std::ptr::null_mut()) }.is_null());
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        let e = unsafe { crate::synchapi::CreateEventW(std::ptr::null(), TRUE, FALSE, std::ptr::null()) };
        assert_eq!(GetThreadId(e), 0);
        assert_eq!(GetLastError(), ERROR_INVALID_HANDLE);
        assert_eq!(unsafe { GetExitCodeThread(e, &mut code) }, FALSE);
        assert_eq!(ResumeThread(e), u32::MAX);
        crate::handleapi::CloseHandle(e);
        assert_eq!(unsafe { GetExitCodeThread(GetCurrentThread(), &mut code) }, TRUE);
        assert_eq!(code, STILL_ACTIVE as u32);
        assert_eq!(GetThreadId(GetCurrentThread()), GetCurrentThreadId());
        assert_eq!(unsafe { GetExitCodeProcess(GetCurrentProcess(), &mut code) }, TRUE);
        assert_eq!(code, STILL_ACTIVE as u32);
        assert_eq!(GetProcessId(GetCurrentProcess()), GetCurrentProcessId());
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
