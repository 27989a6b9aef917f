//! Stopping another thread where it is: SuspendThread/ResumeThread, Get/SetThreadContext and
//! TerminateThread, by signal.
//!
//! Every thread that runs PE code has a [`Control`] (in its kernel object). To suspend it, the
//! suspender raises its count and sends it [`SIGNAL`]; the handler, running on the target,
//! publishes the signal frame's `ucontext_t` and parks on the count's futex until it drops to
//! zero. While it is parked, Get/SetThreadContext read and rewrite that frame (see
//! [`crate::context`]); when the handler returns, the thread continues with whatever the frame
//! then holds - which is how a program redirects a busy thread (Go's asynchronous preemption).
//!
//! **Where a thread may stop.** Windows suspends a thread in the kernel, so its user-mode state
//! is all the program's. Here a thread interrupted inside wine-rs's own code may hold a host
//! lock (the handle table, the heap, a waitable object's lock) that the suspender will need.
//! So the handler parks only when the thread was interrupted in PE code (any address outside
//! the ELF objects of this process: the images the loader mapped, or code the program made) or
//! inside a [`SafeRegion`] - the places where wine-rs blocks without holding anything (waiting
//! on objects, sleeping, the futex waits of the user-mode locks). Elsewhere it notes the
//! request and returns; the signal is sent again every millisecond until the thread stops
//! (see `waitable::objects::suspend_thread`), and the thread also parks by itself when it next
//! enters a safe region. A thread inside a long, non-blocking wine-rs call is therefore
//! suspended when the call returns to the program or blocks.
//!
//! **Terminating** uses the same rules: at a safe point, the handler rewrites the frame so that
//! the thread, once the handler returns, calls the terminate hook on its own stack (kernel32's:
//! the exit code is recorded, owned mutexes are abandoned, no DLL is notified, and the host
//! thread ends), exactly as TerminateThread skips DLL_THREAD_DETACH.
//!
//! The handler touches only atomics, futexes and const-initialised thread-locals: nothing
//! that allocates or locks.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicU32, AtomicUsize, Ordering};
use std::sync::{Mutex, Once};
use std::time::{Duration, Instant};
use windows_sys::Win32::Foundation::{
    ERROR_ACCESS_DENIED, ERROR_GEN_FAILURE, ERROR_NOT_SUPPORTED, ERROR_SIGNAL_REFUSED,
};
use windows_sys::Win32::System::Diagnostics::Debug::CONTEXT;

use crate::context;
use crate::sync::{futex_wait, futex_wake};

/// The signal that stops a thread (as Wine uses it for the same purpose).
pub const SIGNAL: i32 = libc::SIGUSR1;

/// MAXIMUM_SUSPEND_COUNT.
pub const MAX_SUSPEND: u32 = 127;

/// Where a parked thread stopped.
const RUNNING: u32 = 0;
const PARKED_PE: u32 = 1;
const PARKED_HOST: u32 = 2;

/// Requests the thread serves for itself (GetThreadContext / SetThreadContext on itself).
const SELF_NONE: u32 = 0;
const SELF_GET: u32 = 1;
const SELF_SET: u32 = 2;

/// How long SuspendThread waits for the thread to stop before returning anyway.
const SUSPEND_WAIT: Duration = Duration::from_millis(50);
/// How long Get/SetThreadContext wait for a suspended thread to stop.
const CONTEXT_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Life {
    /// Created, not yet running its own code (signals would not find its control block).
    NotStarted,
    /// Running; signals go to this host thread id.
    Running(i32),
    /// Ended: nothing is sent any more.
    Gone,
}

/// A thread's suspension state, shared by the thread and those who control it.
#[derive(Debug)]
pub struct Control {
    /// The suspend count. A thread created suspended starts at 1 and waits before running its
    /// start routine until the count is 0.
    count: AtomicU32,
    /// RUNNING, or where it is parked (PARKED_PE / PARKED_HOST).
    parked: AtomicU32,
    /// Guards `frame` against a thread leaving its park while another reads the frame.
    frame_lock: AtomicBool,
    frame: AtomicPtr<libc::ucontext_t>,
    life: Mutex<Life>,
    /// A request (suspend or terminate) found the thread outside a safe point.
    pending: AtomicBool,
    /// TerminateThread asked for the thread to end with `exit_code`.
    terminate: AtomicBool,
    exit_code: AtomicU32,
    /// A request the thread serves on itself, with the CONTEXT it reads or writes.
    self_op: AtomicU32,
    self_ctx: AtomicPtr<CONTEXT>,
}

thread_local! {
    /// The calling thread's control block (null for threads without one).
    static CURRENT: Cell<*const Control> = const { Cell::new(std::ptr::null()) };
    /// Depth of [`SafeRegion`]s the thread is in.
    static SAFE: Cell<u32> = const { Cell::new(0) };
}

/// A stretch of wine-rs code where the thread may be stopped: it holds no host lock and will
/// only block (in a futex wait, a sleep). Suspension and termination requests that arrived
/// while the thread ran other wine-rs code are served when it enters one.
pub struct SafeRegion(());

impl SafeRegion {
    #[inline]
    pub fn enter() -> SafeRegion {
        let depth = SAFE.with(|s| {
            let d = s.get();
            s.set(d + 1);
            d
        });
        if depth == 0 {
            let c = CURRENT.with(|c| c.get());
            // SAFETY: a thread's CURRENT points at its own live control block.
            if !c.is_null() && unsafe { &*c }.pending.load(Ordering::Acquire) {
                raise_self();
            }
        }
        SafeRegion(())
    }
}

impl Drop for SafeRegion {
    #[inline]
    fn drop(&mut self) {
        SAFE.with(|s| s.set(s.get() - 1));
    }
}

/// What ends a thread for TerminateThread (kernel32 installs it); never returns.
pub type TerminateHook = fn(u32) -> !;

static TERMINATE_HOOK: AtomicUsize = AtomicUsize::new(0);

/// Install the function a terminated thread runs (on its own stack) to end.
pub fn set_terminate_hook(f: TerminateHook) {
    TERMINATE_HOOK.store(f as usize, Ordering::Release);
}

/// Where a terminated thread goes: the hook, or (no hook: unit tests) the host thread ends.
extern "C" fn terminate_trampoline(code: u32) -> ! {
    let h = TERMINATE_HOOK.load(Ordering::Acquire);
    if h != 0 {
        // SAFETY: the value was stored from a TerminateHook.
        let f: TerminateHook = unsafe { std::mem::transmute(h) };
        f(code);
    }
    crate::waitable::exit_current_thread(code);
    // SAFETY: ends the calling thread only.
    unsafe { libc::syscall(libc::SYS_exit, 0) };
    unreachable!()
}

impl Control {
    /// A control block; `suspended` gives it a count of 1 (CREATE_SUSPENDED).
    pub fn new(suspended: bool) -> Control {
        Control {
            count: AtomicU32::new(suspended as u32),
            parked: AtomicU32::new(RUNNING),
            frame_lock: AtomicBool::new(false),
            frame: AtomicPtr::new(std::ptr::null_mut()),
            life: Mutex::new(Life::NotStarted),
            pending: AtomicBool::new(false),
            terminate: AtomicBool::new(false),
            exit_code: AtomicU32::new(0),
            self_op: AtomicU32::new(SELF_NONE),
            self_ctx: AtomicPtr::new(std::ptr::null_mut()),
        }
    }

    fn life(&self) -> std::sync::MutexGuard<'_, Life> {
        self.life.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The calling thread takes this control block as its own (its object must outlive the
    /// thread's use of it: see [`Control::finish`]).
    pub fn start(&self) {
        install();
        CURRENT.with(|c| c.set(self));
        // SAFETY: gettid has no preconditions.
        *self.life() = Life::Running(unsafe { libc::gettid() });
        if self.terminate.load(Ordering::Acquire) {
            terminate_trampoline(self.exit_code.load(Ordering::Acquire));
        }
    }

    /// Called by the thread before running its start routine: stay here while suspended
    /// (CREATE_SUSPENDED, or suspended before it got this far).
    /// A thread that has not started this block as its own (a helper standing for a child
    /// process's thread, a test) just waits for the count to reach zero.
    pub fn gate(&self) {
        if self.count.load(Ordering::Acquire) == 0 {
            return;
        }
        let _safe = SafeRegion::enter();
        if self.is_current() {
            // Park in the handler, so the thread has a context while it waits.
            raise_self();
        }
        loop {
            let n = self.count.load(Ordering::Acquire);
            if n == 0 || self.terminate.load(Ordering::Acquire) {
                return;
            }
            futex_wait(&self.count, n, None);
        }
    }

    /// The calling thread is ending: no more signals; its control block is released.
    pub fn finish(&self) {
        *self.life() = Life::Gone;
        CURRENT.with(|c| {
            if std::ptr::eq(c.get(), self) {
                c.set(std::ptr::null());
            }
        });
        self.count.store(0, Ordering::Release);
        futex_wake(&self.count, i32::MAX);
    }

    fn is_current(&self) -> bool {
        CURRENT.with(|c| std::ptr::eq(c.get(), self))
    }

    /// Send the signal if the thread is running; false once it is gone.
    fn signal(&self) -> bool {
        match *self.life() {
            Life::Running(tid) => {
                // SAFETY: signalling a live thread of this process (it cannot end while we
                // hold `life`: it marks itself gone under the same lock first).
                unsafe { libc::syscall(libc::SYS_tgkill, libc::getpid(), tid, SIGNAL) };
                true
            }
            Life::NotStarted => true,
            Life::Gone => false,
        }
    }

    /// The suspend count.
    pub fn suspend_count(&self) -> u32 {
        self.count.load(Ordering::Acquire)
    }

    /// SuspendThread: raise the count and stop the thread; returns the previous count.
    /// ERROR_ACCESS_DENIED once the thread has ended, ERROR_SIGNAL_REFUSED past
    /// MAXIMUM_SUSPEND_COUNT. A thread suspending itself returns when resumed.
    pub fn suspend(&self) -> Result<u32, u32> {
        if *self.life() == Life::Gone {
            return Err(ERROR_ACCESS_DENIED);
        }
        let prev = self
            .count
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |c| (c < MAX_SUSPEND).then_some(c + 1))
            .map_err(|_| ERROR_SIGNAL_REFUSED)?;
        if self.is_current() {
            let _safe = SafeRegion::enter();
            raise_self();
        } else if prev == 0 && self.signal() {
            self.wait_parked(SUSPEND_WAIT);
        }
        Ok(prev)
    }

    /// Is the thread stopped (parked in its handler)?
    pub fn is_parked(&self) -> bool {
        self.parked.load(Ordering::Acquire) != RUNNING
    }

    /// For a suspension that found the thread in wine-rs code: send the signal again. False
    /// when there is nothing left to do (the thread stopped, was resumed, or ended).
    pub fn retry_suspend(&self) -> bool {
        if self.is_parked() || self.count.load(Ordering::Acquire) == 0 {
            return false;
        }
        self.signal()
    }

    /// ResumeThread: lower the count, letting the thread go at zero; returns the previous
    /// count (0: it was not suspended, nothing changes).
    pub fn resume(&self) -> u32 {
        let prev =
            self.count.fetch_update(Ordering::AcqRel, Ordering::Acquire, |c| Some(c.saturating_sub(1))).unwrap_or(0);
        if prev == 1 {
            futex_wake(&self.count, i32::MAX);
        }
        prev
    }

    /// Wait (re-sending the signal every millisecond) until the thread is parked; false when
    /// `limit` passed, the thread ended, or its suspension was lifted.
    fn wait_parked(&self, limit: Duration) -> bool {
        let start = Instant::now();
        loop {
            if self.parked.load(Ordering::Acquire) != RUNNING {
                return true;
            }
            if self.count.load(Ordering::Acquire) == 0 || start.elapsed() > limit {
                return false;
            }
            futex_wait(&self.parked, RUNNING, Some(1_000_000));
            if self.parked.load(Ordering::Acquire) == RUNNING && !self.signal() {
                return false;
            }
        }
    }

    /// Run `f` on the parked thread's frame and where it stopped (PARKED_PE or PARKED_HOST);
    /// the thread stays parked meanwhile.
    fn with_frame<T>(&self, f: impl FnOnce(*mut libc::ucontext_t, u32) -> T) -> Option<T> {
        lock(&self.frame_lock);
        let where_ = self.parked.load(Ordering::Acquire);
        let frame = self.frame.load(Ordering::Acquire);
        let r = (where_ != RUNNING && !frame.is_null()).then(|| f(frame, where_));
        unlock(&self.frame_lock);
        r
    }

    /// Suspend the thread around `f` if it is not suspended already (Windows reads the context
    /// of a running thread at some arbitrary point; so do we).
    fn while_stopped<T>(&self, f: impl FnOnce() -> Result<T, u32>) -> Result<T, u32> {
        if self.count.load(Ordering::Acquire) > 0 {
            return f();
        }
        self.suspend()?;
        let r = f();
        self.resume();
        r
    }

    /// GetThreadContext: the parts `ctx.ContextFlags` name, read where the thread stopped
    /// (in wine-rs code when it was stopped in a wait: its registers there).
    pub fn get_context(&self, ctx: &mut CONTEXT) -> Result<(), u32> {
        if self.is_current() {
            return self.self_op(SELF_GET, ctx);
        }
        self.while_stopped(|| {
            if !self.wait_parked(CONTEXT_WAIT) {
                return Err(if *self.life() == Life::Gone { ERROR_ACCESS_DENIED } else { ERROR_GEN_FAILURE });
            }
            self.with_frame(|frame, _| {
                // SAFETY: the frame of a parked thread, which cannot leave its park while we
                // hold the frame lock.
                unsafe { context::from_ucontext(frame, ctx) }
            })
            .ok_or(ERROR_GEN_FAILURE)
        })
    }

    /// SetThreadContext: write the parts `ctx.ContextFlags` name; the thread continues with
    /// them when resumed. A thread stopped inside wine-rs (in a wait) cannot be redirected:
    /// only a write that changes nothing succeeds there (ERROR_NOT_SUPPORTED otherwise).
    pub fn set_context(&self, ctx: &CONTEXT) -> Result<(), u32> {
        if self.is_current() {
            let mut copy = *ctx;
            return self.self_op(SELF_SET, &mut copy);
        }
        self.while_stopped(|| {
            if !self.wait_parked(CONTEXT_WAIT) {
                return Err(if *self.life() == Life::Gone { ERROR_ACCESS_DENIED } else { ERROR_GEN_FAILURE });
            }
            self.with_frame(|frame, where_| {
                if where_ == PARKED_HOST && !unchanged(frame, ctx) {
                    return Err(ERROR_NOT_SUPPORTED);
                }
                // SAFETY: as in get_context.
                unsafe { context::to_ucontext(ctx, frame) };
                Ok(())
            })
            .unwrap_or(Err(ERROR_GEN_FAILURE))
        })
    }

    /// The calling thread's own context, read or written through its own signal frame.
    fn self_op(&self, op: u32, ctx: &mut CONTEXT) -> Result<(), u32> {
        self.self_ctx.store(ctx, Ordering::Release);
        self.self_op.store(op, Ordering::Release);
        let _safe = SafeRegion::enter();
        raise_self();
        self.self_op.store(SELF_NONE, Ordering::Release);
        Ok(())
    }

    /// TerminateThread: end the thread with `code` at its next safe point (asynchronously, as
    /// on Windows). The calling thread itself ends at once.
    pub fn terminate(&self, code: u32) {
        if *self.life() == Life::Gone {
            return;
        }
        if self.is_current() {
            terminate_trampoline(code);
        }
        self.exit_code.store(code, Ordering::Release);
        self.terminate.store(true, Ordering::Release);
        // A parked thread leaves its park to end.
        futex_wake(&self.count, i32::MAX);
        self.signal();
    }

    /// Keep signalling a thread asked to end until it has (it may be busy in wine-rs code).
    /// Runs on the caller's thread for up to `limit`; true when the thread is gone.
    pub fn wait_gone(&self, limit: Duration) -> bool {
        let start = Instant::now();
        loop {
            if *self.life() == Life::Gone {
                return true;
            }
            if start.elapsed() > limit {
                return false;
            }
            std::thread::sleep(Duration::from_millis(1));
            self.signal();
        }
    }

    /// Has TerminateThread been called for this thread?
    pub fn terminating(&self) -> bool {
        self.terminate.load(Ordering::Acquire)
    }
}

/// Does `ctx` match what the frame holds, for the parts it names?
fn unchanged(frame: *mut libc::ucontext_t, ctx: &CONTEXT) -> bool {
    let mut cur = CONTEXT { ContextFlags: ctx.ContextFlags, ..Default::default() };
    // SAFETY: the caller holds the frame of a parked thread.
    unsafe { context::from_ucontext(frame, &mut cur) };
    let mut want = *ctx;
    // Segment and debug registers are never written: ignore them.
    (want.SegCs, want.SegDs, want.SegEs, want.SegFs, want.SegGs, want.SegSs) =
        (cur.SegCs, cur.SegDs, cur.SegEs, cur.SegFs, cur.SegGs, cur.SegSs);
    (want.Dr0, want.Dr1, want.Dr2, want.Dr3, want.Dr6, want.Dr7) =
        (cur.Dr0, cur.Dr1, cur.Dr2, cur.Dr3, cur.Dr6, cur.Dr7);
    let bytes = |c: &CONTEXT| {
        // SAFETY: CONTEXT is plain data.
        unsafe { std::slice::from_raw_parts(c as *const CONTEXT as *const u8, std::mem::size_of::<CONTEXT>()) }.to_vec()
    };
    // Compare the register part (from ContextFlags on; the P*Home fields are scratch).
    let off = std::mem::offset_of!(CONTEXT, ContextFlags);
    bytes(&cur)[off..] == bytes(&want)[off..]
}

fn lock(l: &AtomicBool) {
    while l.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        std::hint::spin_loop();
    }
}

fn unlock(l: &AtomicBool) {
    l.store(false, Ordering::Release);
}

/// Send the signal to the calling thread (which serves it before this returns).
fn raise_self() {
    // SAFETY: signalling ourselves.
    unsafe { libc::syscall(libc::SYS_tgkill, libc::getpid(), libc::gettid(), SIGNAL) };
}

// ---------------------------------------------------------------------------------------------
// The handler.

/// Executable ranges of the process's ELF objects (wine-rs, libc, the vDSO...): code there is
/// wine-rs's, not the program's.
static HOST_RANGES: [(AtomicUsize, AtomicUsize); 64] = [const { (AtomicUsize::new(0), AtomicUsize::new(0)) }; 64];
static HOST_COUNT: AtomicUsize = AtomicUsize::new(0);

fn collect_host_ranges() {
    unsafe extern "C" fn each(info: *mut libc::dl_phdr_info, _size: usize, _data: *mut libc::c_void) -> i32 {
        // SAFETY: dl_iterate_phdr passes valid program headers.
        unsafe {
            let info = &*info;
            for i in 0..info.dlpi_phnum as usize {
                let ph = &*info.dlpi_phdr.add(i);
                if ph.p_type == libc::PT_LOAD && ph.p_flags & libc::PF_X != 0 {
                    let n = HOST_COUNT.load(Ordering::Relaxed);
                    if n < HOST_RANGES.len() {
                        let start = info.dlpi_addr as usize + ph.p_vaddr as usize;
                        HOST_RANGES[n].0.store(start, Ordering::Relaxed);
                        HOST_RANGES[n].1.store(start + ph.p_memsz as usize, Ordering::Relaxed);
                        HOST_COUNT.store(n + 1, Ordering::Release);
                    }
                }
            }
        }
        0
    }
    // SAFETY: a callback that only reads what it is given.
    unsafe { libc::dl_iterate_phdr(Some(each), std::ptr::null_mut()) };
}

fn is_host_code(pc: usize) -> bool {
    let n = HOST_COUNT.load(Ordering::Acquire);
    HOST_RANGES[..n].iter().any(|(s, e)| {
        let (s, e) = (s.load(Ordering::Relaxed), e.load(Ordering::Relaxed));
        pc >= s && pc < e
    })
}

/// Install the signal handler (once).
pub fn install() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        collect_host_ranges();
        // SAFETY: installing a handler with a valid function and flags.
        unsafe {
            let mut sa: libc::sigaction = std::mem::zeroed();
            sa.sa_sigaction = handler as *const () as usize;
            sa.sa_flags = libc::SA_SIGINFO | libc::SA_ONSTACK | libc::SA_RESTART;
            libc::sigemptyset(&mut sa.sa_mask);
            libc::sigaction(SIGNAL, &sa, std::ptr::null_mut());
        }
    });
}

/// Point the frame at [`terminate_trampoline`] on the thread's own stack, below what the
/// interrupted code used (and its red zone), with a clean FPU state.
///
/// # Safety
/// `uc` is the handler's frame.
unsafe fn redirect_to_terminate(uc: *mut libc::ucontext_t, code: u32) {
    // SAFETY: per the contract.
    unsafe {
        let g = &mut (*uc).uc_mcontext.gregs;
        let sp = g[libc::REG_RSP as usize] as u64;
        // As if called: the return address slot leaves RSP at 8 mod 16.
        g[libc::REG_RSP as usize] = (((sp - 512) & !15) - 8) as i64;
        g[libc::REG_RIP as usize] = terminate_trampoline as *const () as usize as i64;
        g[libc::REG_RDI as usize] = code as i64;
        // The direction flag clear, as the ABI requires at a call.
        g[libc::REG_EFL as usize] &= !0x400;
        let fp = (*uc).uc_mcontext.fpregs as *mut u8;
        if !fp.is_null() {
            (fp as *mut u16).write_unaligned(0x037f);
            (fp.add(24) as *mut u32).write_unaligned(0x1f80);
        }
    }
}

extern "C" fn handler(_sig: i32, _info: *mut libc::siginfo_t, uc: *mut libc::c_void) {
    // SAFETY: errno is thread-local; saved and restored around everything we do.
    let errno = unsafe { *libc::__errno_location() };
    let c = CURRENT.with(|c| c.get());
    if !c.is_null() {
        // SAFETY: CURRENT points at the thread's own control block while it runs.
        let c = unsafe { &*c };
        serve(c, uc as *mut libc::ucontext_t);
    }
    // SAFETY: as above.
    unsafe { *libc::__errno_location() = errno };
}

fn serve(c: &Control, uc: *mut libc::ucontext_t) {
    let op = c.self_op.swap(SELF_NONE, Ordering::AcqRel);
    if op != SELF_NONE {
        let ctx = c.self_ctx.load(Ordering::Acquire);
        // SAFETY: self_op set it to the caller's CONTEXT, alive until raise_self returns.
        unsafe {
            if op == SELF_GET {
                context::from_ucontext(uc, &mut *ctx);
            } else {
                context::to_ucontext(&*ctx, uc);
            }
        }
    }
    // SAFETY: the kernel's frame.
    let pc = unsafe { (*uc).uc_mcontext.gregs[libc::REG_RIP as usize] } as usize;
    let in_pe = !is_host_code(pc);
    let safe = SAFE.with(|s| s.get()) > 0;
    let wanted = c.count.load(Ordering::Acquire) > 0 || c.terminate.load(Ordering::Acquire);
    if !wanted {
        return;
    }
    if !in_pe && !safe {
        c.pending.store(true, Ordering::Release);
        return;
    }
    c.pending.store(false, Ordering::Release);
    if !c.terminate.load(Ordering::Acquire) {
        lock(&c.frame_lock);
        c.frame.store(uc, Ordering::Release);
        c.parked.store(if in_pe { PARKED_PE } else { PARKED_HOST }, Ordering::Release);
        unlock(&c.frame_lock);
        futex_wake(&c.parked, i32::MAX);
        loop {
            let n = c.count.load(Ordering::Acquire);
            if n == 0 || c.terminate.load(Ordering::Acquire) {
                break;
            }
            futex_wait(&c.count, n, None);
        }
        lock(&c.frame_lock);
        c.parked.store(RUNNING, Ordering::Release);
        c.frame.store(std::ptr::null_mut(), Ordering::Release);
        unlock(&c.frame_lock);
    }
    if c.terminate.load(Ordering::Acquire) {
        // SAFETY: our own frame.
        unsafe { redirect_to_terminate(uc, c.exit_code.load(Ordering::Acquire)) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_code_is_recognised() {
        install();
        assert!(is_host_code(is_host_code as *const () as usize));
        assert!(is_host_code(libc::getpid as *const () as usize));
        let anon = [0u8; 64];
        assert!(!is_host_code(anon.as_ptr() as usize));
    }

    #[test]
    fn self_context_and_self_suspend() {
        let c = Box::leak(Box::new(Control::new(false)));
        c.start();
        let mut ctx = CONTEXT {
            ContextFlags: windows_sys::Win32::System::Diagnostics::Debug::CONTEXT_FULL_AMD64,
            ..Default::default()
        };
        c.get_context(&mut ctx).unwrap();
        assert!(ctx.Rip != 0 && ctx.Rsp != 0);
        assert_eq!(ctx.SegCs, 0x33);
        // Suspend ourselves; another thread resumes us.
        let p = c as *const Control as usize;
        let t = std::thread::spawn(move || {
            // SAFETY: leaked for the test's life.
            let c = unsafe { &*(p as *const Control) };
            while c.parked.load(Ordering::Acquire) == RUNNING {
                std::thread::sleep(Duration::from_millis(1));
            }
            let mut ctx = CONTEXT {
                ContextFlags: windows_sys::Win32::System::Diagnostics::Debug::CONTEXT_CONTROL_AMD64,
                ..Default::default()
            };
            c.get_context(&mut ctx).unwrap();
            assert_eq!(c.parked.load(Ordering::Acquire), PARKED_HOST);
            c.resume()
        });
        assert_eq!(c.suspend(), Ok(0));
        assert_eq!(t.join().unwrap(), 1);
        c.finish();
        assert_eq!(c.suspend(), Err(ERROR_ACCESS_DENIED));
    }
}
