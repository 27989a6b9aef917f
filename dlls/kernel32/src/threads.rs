//! processthreadsapi.h (and winbase.h), the thread half: creating, ending and terminating
//! threads, suspending them and their context, APCs, priority, affinity and descriptions.
//!
//! A thread's kernel object (`syscall_shims::waitable::Thread`) is signaled when it ends;
//! `dllcore::thread` runs it with a TEB, adopting its object and waiting at its gate while it
//! is suspended *before* DLL_THREAD_ATTACH, then the start routine. Suspension, contexts and
//! termination are signal-based (`syscall_shims::suspend`: the target parks in a signal handler
//! at a safe point, where its registers are read and rewritten).

use crate::handleapi::inherit_of;
use dllcore::{export, teb};
use std::cell::Cell;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;
use syscall_shims::handles::{self, Object};
use syscall_shims::{sync, waitable};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_NOACCESS, ERROR_NOT_ENOUGH_MEMORY, FALSE, HANDLE,
    STILL_ACTIVE, TRUE,
};
use windows_sys::Win32::Security::SECURITY_ATTRIBUTES;
use windows_sys::Win32::System::Diagnostics::Debug::CONTEXT;
use windows_sys::Win32::System::Threading::CREATE_SUSPENDED;
use windows_sys::core::{BOOL, HRESULT, PCWSTR};

/// What the new thread runs after DLL_THREAD_ATTACH.
struct StartInfo {
    start: usize,
    param: usize,
}

/// Threads running PE code that keep the process alive: the main thread (started by the
/// loader) and the CreateThread threads that have not ended. When it drops to zero the
/// process exits. Thread-pool workers do not count.
static LIVE_THREADS: AtomicUsize = AtomicUsize::new(1);

thread_local! {
    /// Was this thread started by CreateThread (so nothing of ours waits for its host thread)?
    static CREATED: Cell<bool> = const { Cell::new(false) };
    /// Does this thread count in LIVE_THREADS (the main thread and CreateThread threads)?
    static COUNTED: Cell<bool> = const { Cell::new(true) };
}

/// The calling thread stops counting as live; true if it was the last one.
fn leave_live_threads() -> bool {
    COUNTED.with(|c| c.replace(false)) && LIVE_THREADS.fetch_sub(1, Ordering::AcqRel) == 1
}

/// The calling thread is a helper of ours (a thread-pool worker, a wait thread): it does not
/// keep the process alive.
pub fn mark_service_thread() {
    COUNTED.with(|c| c.set(false));
    CREATED.with(|c| c.set(true));
}

/// Runs on a new CreateThread thread after DLL_THREAD_ATTACH: the APCs queued to it before it
/// started (as Windows delivers them first), then the program's start routine.
extern "win64" fn thread_main(info: usize) -> u32 {
    // SAFETY: create_thread passed a leaked Box<StartInfo>, ours to take back once.
    let StartInfo { start, param } = *unsafe { Box::from_raw(info as *mut StartInfo) };
    waitable::run_apcs();
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

/// The new thread's first steps, before DLL_THREAD_ATTACH: adopt its object (its id, its
/// suspension control) and wait at the gate while suspended.
fn prelude(obj: Arc<Object>) -> dllcore::thread::Prelude {
    Box::new(move || {
        CREATED.with(|c| c.set(true));
        syscall_shims::suspend::set_terminate_hook(terminate_current);
        waitable::bind_current_thread(obj.clone());
        if let Object::Thread(t) = &*obj {
            t.wait_gate();
        }
    })
}

/// kernel32 is bound into the process (on the main thread, before any PE code runs): the main
/// thread gets its object now, so that other threads can find it (OpenThread) and suspend it.
pub fn attach_process() {
    syscall_shims::suspend::set_terminate_hook(terminate_current);
    waitable::current_thread();
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
    let info = Box::into_raw(Box::new(StartInfo { start, param }));
    // The exe's SizeOfStackReserve is not consulted: 1 MiB is the floor, as it is its default.
    let stack = if stack == 0 { 0 } else { stack.max(1 << 20) };
    let on_exit: dllcore::thread::OnExit = Box::new(thread_ended);
    LIVE_THREADS.fetch_add(1, Ordering::AcqRel);
    syscall_shims::sync::going_multi_threaded();
    match dllcore::thread::spawn_with(thread_main, info as usize, stack, prelude(obj.clone()), on_exit) {
        Ok(tid) => {
            // Known by id at once (OpenThread), even before it runs.
            waitable::remember_thread(tid, &obj);
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
/// id in `*tid`). CREATE_SUSPENDED holds it until ResumeThread, before DLL_THREAD_ATTACH.
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

/// Leave the host thread for good (the thread has ended for Windows): a CreateThread thread's
/// host thread goes back to its exit point, abandoning the frames above it, and returns
/// (its stack and thread-locals are freed as usual); the main thread, which the loader's host
/// thread waits for, sleeps.
fn leave_host_thread(code: u32) -> ! {
    if CREATED.with(|c| c.get()) {
        dllcore::exit_point::leave(code);
        // A host thread without an exit point ends here, leaking its stack.
        dllcore::thread::release_teb();
        // SAFETY: ends the calling thread only; nothing of it is used afterwards.
        unsafe { libc::syscall(libc::SYS_exit, 0) };
    }
    loop {
        // SAFETY: no preconditions; the thread has ended for Windows and only sleeps.
        unsafe { libc::pause() };
    }
}

/// ExitThread for Rust callers (msvcrt's _endthreadex too).
///
/// The thread ends without unwinding through PE frames: the FLS callbacks and
/// DLL_THREAD_DETACH run, its object is signaled, and a CreateThread thread's host thread
/// resumes at its exit point (`dllcore::exit_point`), below every PE frame, and returns as
/// a thread that finished normally does. The main thread sleeps forever instead. The last
/// thread of the process exits the process, as on Windows.
pub fn exit_thread(code: u32) -> ! {
    if leave_live_threads() {
        dllcore::process::exit_process(code);
    }
    crate::tls::forget_current_thread();
    dllcore::thread::finish(code, Box::new(waitable::exit_current_thread));
    leave_host_thread(code)
}

/// ExitThread: end the calling thread with `code` (FLS callbacks and DLL_THREAD_DETACH
/// first); the last thread ends the process.
#[export]
pub extern "win64" fn ExitThread(code: u32) -> ! {
    exit_thread(code)
}

/// How a thread ends when TerminateThread is called on it (on its own stack, at a safe point):
/// no FLS callbacks, no DLL_THREAD_DETACH; its owned mutexes are abandoned and its object
/// records `code`. The last thread ends the process.
fn terminate_current(code: u32) -> ! {
    let last = leave_live_threads();
    crate::tls::forget_current_thread();
    crate::fibersapi::forget_current_thread();
    waitable::exit_current_thread(code);
    if last {
        dllcore::process::exit_process(code);
    }
    leave_host_thread(code)
}

/// The thread object behind a handle (pseudo handle included), or ERROR_INVALID_HANDLE.
fn thread_of(h: HANDLE) -> Result<Arc<Object>, u32> {
    match handles::resolve(h) {
        Ok(o) if matches!(&*o, Object::Thread(_)) => Ok(o),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// Run `f` on the thread behind `h`; `fail` with ERROR_INVALID_HANDLE for other handles.
fn with_thread<T>(h: HANDLE, fail: T, f: impl FnOnce(&waitable::Thread) -> Result<T, u32>) -> T {
    match thread_of(h) {
        Ok(o) => match &*o {
            Object::Thread(t) => f(t).unwrap_or_else(|e| teb::fail(e, fail)),
            _ => unreachable!(),
        },
        Err(e) => teb::fail(e, fail),
    }
}

/// TerminateThread: end a thread at once with `code`, without FLS callbacks or
/// DLL_THREAD_DETACH (dangerous by design: whatever it held stays held, except mutexes, which
/// are abandoned). Asynchronous for another thread, as on Windows: wait on its handle.
/// A thread busy inside a wine-rs function ends when that call returns to the program or
/// blocks. Terminating a thread that has already ended succeeds and changes nothing.
#[export]
pub extern "win64" fn TerminateThread(h: HANDLE, code: u32) -> BOOL {
    let obj = match thread_of(h) {
        Ok(o) => o,
        Err(e) => return teb::fail(e, FALSE),
    };
    let Object::Thread(t) = &*obj else { unreachable!() };
    if t.has_exited() {
        return TRUE;
    }
    t.ctl.terminate(code);
    if !t.ctl.wait_gone(Duration::from_millis(5)) {
        // Keep asking from a helper: the thread may be busy in wine-rs code for a while.
        let obj = obj.clone();
        std::thread::spawn(move || {
            if let Object::Thread(t) = &*obj {
                t.ctl.wait_gone(Duration::from_secs(24 * 3600));
            }
        });
    }
    TRUE
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
    with_thread(h, 0, |t| Ok(t.tid()))
}

/// OpenThread: a new handle to the running thread `tid` of this process;
/// ERROR_INVALID_PARAMETER when there is none.
/// Access rights are not checked; threads that never ran PE code (wine-rs's own) are not found.
#[export]
pub extern "win64" fn OpenThread(_access: u32, inherit: BOOL, tid: u32) -> HANDLE {
    if tid == sync::current_tid() {
        return handles::insert(waitable::current_thread(), inherit != 0);
    }
    match waitable::find_thread(tid) {
        Some(o) => handles::insert(o, inherit != 0),
        None => teb::fail(ERROR_INVALID_PARAMETER, std::ptr::null_mut()),
    }
}

/// SuspendThread: stop a thread and raise its suspend count; returns the previous count,
/// (DWORD)-1 on failure (ERROR_ACCESS_DENIED for a thread that has ended). The thread stops
/// where it is in the program's code, or in the wait it is blocked in; a thread busy inside a
/// wine-rs function stops when that call returns or blocks. A thread may suspend itself.
#[export]
pub extern "win64" fn SuspendThread(h: HANDLE) -> u32 {
    match thread_of(h) {
        Ok(o) => waitable::suspend_thread(&o).unwrap_or_else(|e| teb::fail(e, u32::MAX)),
        Err(e) => teb::fail(e, u32::MAX),
    }
}

/// ResumeThread: decrement a thread's suspend count, letting it run at zero; returns the
/// previous count (0: not suspended, or ended), (DWORD)-1 on failure.
#[export]
pub extern "win64" fn ResumeThread(h: HANDLE) -> u32 {
    with_thread(h, u32::MAX, |t| Ok(t.resume()))
}

/// GetThreadContext: the registers ContextFlags asks for (CONTEXT_CONTROL, _INTEGER,
/// _SEGMENTS, _FLOATING_POINT, _DEBUG_REGISTERS) of a suspended thread, where it stopped.
/// A thread that is not suspended is stopped for the read. A thread stopped in a wait reports
/// its registers inside wine-rs (its Rip is not the program's).
#[export]
pub unsafe extern "win64" fn GetThreadContext(h: HANDLE, ctx: *mut CONTEXT) -> BOOL {
    if ctx.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a CONTEXT with ContextFlags set.
    let mut c = unsafe { ctx.read_unaligned() };
    with_thread(h, FALSE, |t| {
        t.ctl.get_context(&mut c)?;
        // SAFETY: as above.
        unsafe { ctx.write_unaligned(c) };
        Ok(TRUE)
    })
}

/// SetThreadContext: replace the registers ContextFlags names; a suspended thread continues
/// with them when resumed (a thread setting its own jumps there at once). EFlags keeps its
/// system bits; segment and debug registers are not written.
/// A thread stopped in a wait inside wine-rs cannot be redirected (ERROR_NOT_SUPPORTED) unless
/// the write changes nothing.
#[export]
pub unsafe extern "win64" fn SetThreadContext(h: HANDLE, ctx: *const CONTEXT) -> BOOL {
    if ctx.is_null() {
        return teb::fail(ERROR_NOACCESS, FALSE);
    }
    // SAFETY: the program passes a CONTEXT.
    let c = unsafe { ctx.read_unaligned() };
    with_thread(h, FALSE, |t| t.ctl.set_context(&c).map(|()| TRUE))
}

/// QueueUserAPC: queue `func(data)` to run in the thread's next alertable wait (SleepEx,
/// WaitFor*Ex, SignalObjectAndWait with bAlertable), or before its start routine if it has not
/// started. ERROR_GEN_FAILURE for a thread that has ended.
#[export]
pub extern "win64" fn QueueUserAPC(func: usize, h: HANDLE, data: usize) -> u32 {
    with_thread(h, 0, |t| {
        t.queue_apc(Box::new(move || {
            if func != 0 {
                // SAFETY: the program's PAPCFUNC (one ULONG_PTR argument).
                let f: extern "win64" fn(usize) = unsafe { std::mem::transmute(func) };
                f(data);
            }
        }))?;
        Ok(1)
    })
}

/// SwitchToThread: give the processor to another ready thread; nonzero (the host does not say
/// whether one was ready, so this is TRUE unless yielding failed).
#[export]
pub extern "win64" fn SwitchToThread() -> BOOL {
    sync::yield_now() as BOOL
}

/// THREAD_PRIORITY_ERROR_RETURN.
const PRIORITY_ERROR: i32 = 0x7fff_ffff;
/// THREAD_MODE_BACKGROUND_BEGIN / _END.
const BACKGROUND_BEGIN: i32 = 0x0001_0000;
const BACKGROUND_END: i32 = 0x0002_0000;

/// SetThreadPriority: record a priority from THREAD_PRIORITY_IDLE (-15) to
/// THREAD_PRIORITY_TIME_CRITICAL (15); THREAD_MODE_BACKGROUND_BEGIN/END are accepted.
/// The host scheduler is not told: priorities are recorded, not applied.
#[export]
pub extern "win64" fn SetThreadPriority(h: HANDLE, priority: i32) -> BOOL {
    with_thread(h, FALSE, |t| {
        match priority {
            BACKGROUND_BEGIN | BACKGROUND_END => {}
            -15..=15 => t.set_priority(priority),
            _ => return Err(ERROR_INVALID_PARAMETER),
        }
        Ok(TRUE)
    })
}

/// GetThreadPriority: the priority last set (THREAD_PRIORITY_NORMAL, 0, by default);
/// THREAD_PRIORITY_ERROR_RETURN for a bad handle.
#[export]
pub extern "win64" fn GetThreadPriority(h: HANDLE) -> i32 {
    with_thread(h, PRIORITY_ERROR, |t| Ok(t.priority()))
}

/// SetThreadPriorityBoost: accepted (dynamic boosting is the host scheduler's business).
#[export]
pub extern "win64" fn SetThreadPriorityBoost(h: HANDLE, _disable: BOOL) -> BOOL {
    with_thread(h, FALSE, |_| Ok(TRUE))
}

/// GetThreadPriorityBoost: boosting is reported enabled (FALSE in `*disabled`).
#[export]
pub unsafe extern "win64" fn GetThreadPriorityBoost(h: HANDLE, disabled: *mut BOOL) -> BOOL {
    with_thread(h, FALSE, |_| {
        if disabled.is_null() {
            return Err(ERROR_NOACCESS);
        }
        // SAFETY: the program passes a BOOL to fill.
        unsafe { *disabled = FALSE };
        Ok(TRUE)
    })
}

/// The processors this process may run on, as a mask (the host's affinity, CPUs 0-63).
fn system_mask() -> u64 {
    static MASK: AtomicU64 = AtomicU64::new(0);
    let m = MASK.load(Ordering::Relaxed);
    if m != 0 {
        return m;
    }
    // SAFETY: a zeroed cpu_set_t is valid; sched_getaffinity fills it.
    let m = unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            1
        } else {
            (0..64).filter(|&i| libc::CPU_ISSET(i, &set)).fold(0u64, |m, i| m | 1 << i).max(1)
        }
    };
    MASK.store(m, Ordering::Relaxed);
    m
}

/// The process's affinity mask (SetProcessAffinityMask; 0 = never set: the system's).
static PROCESS_MASK: AtomicU64 = AtomicU64::new(0);

fn process_mask() -> u64 {
    match PROCESS_MASK.load(Ordering::Relaxed) {
        0 => system_mask(),
        m => m,
    }
}

/// SetThreadAffinityMask: run the thread only on the processors of `mask` (a subset of the
/// process's; ERROR_INVALID_PARAMETER otherwise); returns the previous mask, 0 on failure.
#[export]
pub extern "win64" fn SetThreadAffinityMask(h: HANDLE, mask: usize) -> usize {
    with_thread(h, 0, |t| {
        let mask = mask as u64;
        if mask == 0 || mask & !process_mask() != 0 {
            return Err(ERROR_INVALID_PARAMETER);
        }
        // SAFETY: a zeroed cpu_set_t is valid; CPU_SET indices are below 64.
        unsafe {
            let mut set: libc::cpu_set_t = std::mem::zeroed();
            (0..64).filter(|i| mask & 1 << i != 0).for_each(|i| libc::CPU_SET(i, &mut set));
            libc::sched_setaffinity(t.tid() as i32, std::mem::size_of::<libc::cpu_set_t>(), &set);
        }
        Ok(match t.set_affinity(mask) {
            0 => process_mask(),
            m => m,
        } as usize)
    })
}

/// The current process's object behind `h`, or ERROR_INVALID_HANDLE.
fn check_process(h: HANDLE) -> Result<(), u32> {
    match handles::resolve(h).as_deref() {
        Ok(Object::Process(_)) => Ok(()),
        _ => Err(ERROR_INVALID_HANDLE),
    }
}

/// GetProcessAffinityMask: the processors the process may use, and those the system has.
/// Any process reports this process's masks.
#[export]
pub unsafe extern "win64" fn GetProcessAffinityMask(h: HANDLE, process: *mut usize, system: *mut usize) -> BOOL {
    if let Err(e) = check_process(h) {
        return teb::fail(e, FALSE);
    }
    // SAFETY: the program passes DWORD_PTRs to fill (NULL is skipped, as Wine does).
    unsafe {
        if !process.is_null() {
            *process = process_mask() as usize;
        }
        if !system.is_null() {
            *system = system_mask() as usize;
        }
    }
    TRUE
}

/// SetProcessAffinityMask: a non-empty subset of the system's processors
/// (ERROR_INVALID_PARAMETER otherwise).
/// Recorded and used to check thread masks; running threads are not moved.
#[export]
pub extern "win64" fn SetProcessAffinityMask(h: HANDLE, mask: usize) -> BOOL {
    if let Err(e) = check_process(h) {
        return teb::fail(e, FALSE);
    }
    let mask = mask as u64;
    if mask == 0 || mask & !system_mask() != 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    PROCESS_MASK.store(mask, Ordering::Relaxed);
    TRUE
}

/// SetThreadDescription: name the thread (S_OK).
#[export]
pub unsafe extern "win64" fn SetThreadDescription(h: HANDLE, desc: PCWSTR) -> HRESULT {
    // SAFETY: the program passes NULL or a NUL-terminated string.
    let d = unsafe { dllcore::strings::wstr(desc) }.map(<[u16]>::to_vec).unwrap_or_default();
    with_thread(h, windows_sys::Win32::Foundation::E_HANDLE, |t| {
        t.set_description(d);
        Ok(0)
    })
}

/// GetThreadDescription: the thread's name (empty if never set) in a LocalAlloc'd string the
/// caller frees with LocalFree.
#[export]
pub unsafe extern "win64" fn GetThreadDescription(h: HANDLE, out: *mut *mut u16) -> HRESULT {
    with_thread(h, windows_sys::Win32::Foundation::E_HANDLE, |t| {
        let mut d = t.description();
        d.push(0);
        let p = crate::heapapi::LocalAlloc(0, d.len() * 2) as *mut u16;
        if p.is_null() || out.is_null() {
            return Err(ERROR_NOT_ENOUGH_MEMORY);
        }
        // SAFETY: a fresh block of d.len() units; the program passes a PWSTR to fill.
        unsafe {
            std::ptr::copy_nonoverlapping(d.as_ptr(), p, d.len());
            *out = p;
        }
        Ok(0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errhandlingapi::GetLastError;
    use crate::handleapi::CloseHandle;
    use crate::processthreadsapi::{GetCurrentProcess, GetCurrentThread, GetCurrentThreadId};
    use crate::synchapi::{SleepEx, WaitForSingleObject};
    use std::sync::atomic::{AtomicBool, AtomicU32};
    use windows_sys::Win32::Foundation::{ERROR_ACCESS_DENIED, ERROR_GEN_FAILURE, WAIT_OBJECT_0, WAIT_TIMEOUT};
    use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT_CONTROL_AMD64, CONTEXT_FULL_AMD64};

    fn spawn(f: extern "win64" fn(usize) -> u32, p: usize, flags: u32) -> HANDLE {
        let mut tid = 0;
        let h = unsafe { CreateThread(std::ptr::null(), 0, f as *const () as usize, p, flags, &mut tid) };
        assert!(!h.is_null());
        h
    }

    static SPIN: AtomicBool = AtomicBool::new(true);
    static REDIRECTED: AtomicU32 = AtomicU32::new(0);

    /// An executable page holding `loop: inc qword [rcx]; jmp loop` (the program's code, as
    /// far as suspension is concerned: it is outside every ELF object).
    fn spin_code() -> usize {
        // SAFETY: a fresh anonymous mapping we fill and make executable.
        unsafe {
            let p = libc::mmap(
                std::ptr::null_mut(),
                4096,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            ) as *mut u8;
            // inc qword ptr [rcx] ; jmp -5
            let code = [0x48, 0xff, 0x01, 0xeb, 0xfb];
            std::ptr::copy_nonoverlapping(code.as_ptr(), p, code.len());
            libc::mprotect(p as *mut _, 4096, libc::PROT_READ | libc::PROT_EXEC);
            p as usize
        }
    }

    extern "win64" fn landed(code: usize) -> u32 {
        REDIRECTED.store(code as u32, Ordering::SeqCst);
        ExitThread(code as u32)
    }

    #[test]
    fn suspend_get_set_context_redirects_a_busy_thread() {
        teb::attach_current_thread();
        let counter = Box::leak(Box::new(0u64)) as *mut u64 as usize;
        let code = spin_code();
        let mut tid = 0;
        let h = unsafe { CreateThread(std::ptr::null(), 0, code, counter, 0, &mut tid) };
        while unsafe { std::ptr::read_volatile(counter as *const u64) } == 0 {
            std::thread::yield_now();
        }
        assert_eq!(SuspendThread(h), 0);
        let at = unsafe { std::ptr::read_volatile(counter as *const u64) };
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(unsafe { std::ptr::read_volatile(counter as *const u64) }, at, "stopped");
        let mut ctx = CONTEXT { ContextFlags: CONTEXT_FULL_AMD64, ..Default::default() };
        assert_eq!(unsafe { GetThreadContext(h, &mut ctx) }, TRUE);
        assert!(ctx.Rip as usize >= code && (ctx.Rip as usize) < code + 5, "rip {:#x}", ctx.Rip);
        assert_eq!(ctx.Rcx as usize, counter);
        // Redirect: call landed(1234) on its stack (aligned as after a call).
        ctx.Rip = landed as *const () as usize as u64;
        ctx.Rcx = 1234;
        ctx.Rsp = ((ctx.Rsp - 256) & !15) - 8;
        ctx.ContextFlags =
            CONTEXT_CONTROL_AMD64 | windows_sys::Win32::System::Diagnostics::Debug::CONTEXT_INTEGER_AMD64;
        assert_eq!(unsafe { SetThreadContext(h, &ctx) }, TRUE);
        assert_eq!(SuspendThread(h), 1);
        assert_eq!(ResumeThread(h), 2);
        assert_eq!(ResumeThread(h), 1);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        assert_eq!(REDIRECTED.load(Ordering::SeqCst), 1234);
        let mut c = 0;
        unsafe { GetExitCodeThread(h, &mut c) };
        assert_eq!(c, 1234);
        assert_eq!(SuspendThread(h), u32::MAX);
        assert_eq!(GetLastError(), ERROR_ACCESS_DENIED);
        assert_eq!(ResumeThread(h), 0);
        CloseHandle(h);
    }

    extern "win64" fn sleeps_alertably(_: usize) -> u32 {
        let mut n = 0;
        while SPIN.load(Ordering::SeqCst) {
            if SleepEx(10_000, TRUE) == 0xc0 {
                n += 1;
            }
        }
        n
    }

    static APC_SUM: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn apc(data: usize) {
        APC_SUM.fetch_add(data, Ordering::SeqCst);
    }
    extern "win64" fn stop_apc(_: usize) {
        SPIN.store(false, Ordering::SeqCst);
    }

    #[test]
    fn apcs_wake_alertable_sleeps_and_terminate_ends_waits() {
        teb::attach_current_thread();
        let h = spawn(sleeps_alertably, 0, 0);
        // (Queued before the thread starts, they would run before its start routine.)
        std::thread::sleep(std::time::Duration::from_millis(30));
        assert_eq!(QueueUserAPC(apc as *const () as usize, h, 5), 1);
        assert_eq!(QueueUserAPC(apc as *const () as usize, h, 7), 1);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(APC_SUM.load(Ordering::SeqCst), 12);
        // Suspended in its wait: the APC waits too.
        assert_eq!(SuspendThread(h), 0);
        QueueUserAPC(stop_apc as *const () as usize, h, 0);
        assert_eq!(WaitForSingleObject(h, 50), WAIT_TIMEOUT);
        let mut ctx = CONTEXT { ContextFlags: CONTEXT_CONTROL_AMD64, ..Default::default() };
        assert_eq!(unsafe { GetThreadContext(h, &mut ctx) }, TRUE);
        let mut moved = ctx;
        moved.Rip += 1;
        assert_eq!(unsafe { SetThreadContext(h, &moved) }, FALSE, "stopped inside wine-rs");
        assert_eq!(unsafe { SetThreadContext(h, &ctx) }, TRUE, "a write that changes nothing");
        assert_eq!(ResumeThread(h), 1);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        let mut c = 0;
        unsafe { GetExitCodeThread(h, &mut c) };
        assert!(c >= 2, "{c}");
        assert_eq!(QueueUserAPC(apc as *const () as usize, h, 1), 0);
        assert_eq!(GetLastError(), ERROR_GEN_FAILURE);
        CloseHandle(h);

        // TerminateThread on a thread blocked in a wait, holding a mutex.
        SPIN.store(true, Ordering::SeqCst);
        let h = spawn(sleeps_alertably, 0, 0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(TerminateThread(h, 99), TRUE);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        unsafe { GetExitCodeThread(h, &mut c) };
        assert_eq!(c, 99);
        assert_eq!(TerminateThread(h, 5), TRUE);
        CloseHandle(h);
    }

    static HOST_SPINS: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn busy_in_host_then_sleeps(_: usize) -> u32 {
        // wine-rs code (not a safe point) for 150 ms, then safe points (Sleep).
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_millis(150) {
            HOST_SPINS.fetch_add(1, Ordering::Relaxed);
        }
        loop {
            HOST_SPINS.fetch_add(1, Ordering::Relaxed);
            crate::synchapi::Sleep(1);
        }
    }

    #[test]
    fn suspension_waits_for_a_safe_point() {
        teb::attach_current_thread();
        let h = spawn(busy_in_host_then_sleeps, 0, 0);
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert_eq!(SuspendThread(h), 0, "returns even though the thread cannot stop yet");
        std::thread::sleep(std::time::Duration::from_millis(300));
        let n = HOST_SPINS.load(Ordering::SeqCst);
        std::thread::sleep(std::time::Duration::from_millis(50));
        assert_eq!(HOST_SPINS.load(Ordering::SeqCst), n, "stopped at its first safe point");
        let mut ctx = CONTEXT { ContextFlags: CONTEXT_CONTROL_AMD64, ..Default::default() };
        assert_eq!(unsafe { GetThreadContext(h, &mut ctx) }, TRUE);
        assert_eq!(TerminateThread(h, 4), TRUE);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        CloseHandle(h);
    }

    extern "win64" fn returns_7(_: usize) -> u32 {
        7
    }

    #[test]
    fn attributes() {
        teb::attach_current_thread();
        let me = GetCurrentThread();
        assert_eq!(GetThreadPriority(me), 0);
        assert_eq!(SetThreadPriority(me, 99), FALSE);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(SetThreadPriority(me, 2), TRUE);
        assert_eq!(GetThreadPriority(me), 2);
        SetThreadPriority(me, 0);
        let (mut pm, mut sm) = (0, 0);
        assert_eq!(unsafe { GetProcessAffinityMask(GetCurrentProcess(), &mut pm, &mut sm) }, TRUE);
        assert!(pm != 0 && pm & !sm == 0);
        let low = pm & pm.wrapping_neg();
        assert_eq!(SetThreadAffinityMask(me, low), pm);
        assert_eq!(SetThreadAffinityMask(me, pm), low);
        assert_eq!(SetThreadAffinityMask(me, 0), 0);
        assert_eq!(GetLastError(), ERROR_INVALID_PARAMETER);
        assert_eq!(SetProcessAffinityMask(GetCurrentProcess(), 0), FALSE);
        let name: Vec<u16> = "worker".encode_utf16().chain([0]).collect();
        assert_eq!(unsafe { SetThreadDescription(me, name.as_ptr()) }, 0);
        let mut out = std::ptr::null_mut();
        assert_eq!(unsafe { GetThreadDescription(me, &mut out) }, 0);
        assert_eq!(unsafe { std::slice::from_raw_parts(out, 7) }, &name[..]);
        crate::heapapi::LocalFree(out as _);
        assert_eq!(SwitchToThread(), TRUE);
        let h = spawn(returns_7, 0, CREATE_SUSPENDED);
        let tid = GetThreadId(h);
        let o = OpenThread(0, FALSE, tid);
        assert!(!o.is_null(), "a suspended thread exists");
        assert_eq!(ResumeThread(o), 1);
        assert_eq!(WaitForSingleObject(h, 5000), WAIT_OBJECT_0);
        CloseHandle(o);
        CloseHandle(h);
        assert!(OpenThread(0, FALSE, 0x7fff_fff0).is_null());
        let me2 = OpenThread(0, FALSE, GetCurrentThreadId());
        assert_eq!(GetThreadId(me2), GetCurrentThreadId());
        CloseHandle(me2);
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
        assert_eq!(unsafe { crate::processthreadsapi::GetExitCodeProcess(GetCurrentProcess(), &mut code) }, TRUE);
        assert_eq!(code, STILL_ACTIVE as u32);
        assert_eq!(
            crate::processthreadsapi::GetProcessId(GetCurrentProcess()),
            crate::processthreadsapi::GetCurrentProcessId()
        );
    }
}
