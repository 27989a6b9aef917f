//! The waitable object kinds and their own operations (SetEvent, ReleaseMutex, ...). Each wraps
//! a [`Waitable`]; waiting on them is [`super::wait`].

use std::collections::VecDeque;
use std::sync::atomic::{AtomicI32, AtomicI64, AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex as StdMutex, OnceLock};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS};

use super::{State, Waitable, Waiter};
use crate::handles::Object;
use crate::suspend::Control;

/// An event: SetEvent signals it; an auto-reset event is reset by the one wait it satisfies.
#[derive(Debug)]
pub struct Event(pub Waitable);

impl Event {
    pub fn new(manual: bool, initial: bool) -> Event {
        Event(Waitable::new(State::Event { manual, signaled: initial }))
    }

    /// SetEvent.
    pub fn set(&self) {
        let mut g = self.0.lock();
        if let State::Event { signaled, .. } = &mut g.state {
            *signaled = true;
        }
        g.wake_waiters();
    }

    /// ResetEvent.
    pub fn reset(&self) {
        if let State::Event { signaled, .. } = &mut self.0.lock().state {
            *signaled = false;
        }
    }

    /// PulseEvent: release the threads waiting now (manual-reset: all of them; auto-reset: one),
    /// then leave the event non-signaled.
    pub fn pulse(&self) {
        let mut g = self.0.lock();
        let manual = matches!(g.state, State::Event { manual: true, .. });
        g.pulse_waiters(manual);
        if let State::Event { signaled, .. } = &mut g.state {
            *signaled = false;
        }
    }

    /// Is the event signaled (for tests and diagnostics)?
    pub fn is_set(&self) -> bool {
        matches!(self.0.lock().state, State::Event { signaled: true, .. })
    }
}

/// A mutex (NT "mutant"): owned by one thread at a time, recursively.
#[derive(Debug)]
pub struct Mutex(pub Waitable);

impl Mutex {
    /// A mutex, owned once by thread `owner` if given. A new owner must also be recorded in
    /// that thread's list: use [`new_mutex`].
    fn new(owner: Option<u32>) -> Mutex {
        Mutex(Waitable::new(State::Mutex {
            owner: owner.unwrap_or(0),
            count: owner.is_some() as u32,
            abandoned: false,
        }))
    }

    /// ReleaseMutex by thread `tid`: one level of ownership fewer; the last one frees the mutex.
    /// ERROR_NOT_OWNER when `tid` does not own it.
    pub fn release(&self, tid: u32) -> Result<(), u32> {
        let mut g = self.0.lock();
        let State::Mutex { owner, count, .. } = &mut g.state else { unreachable!("mutex state") };
        if *owner != tid || *count == 0 {
            return Err(ERROR_NOT_OWNER);
        }
        *count -= 1;
        if *count == 0 {
            *owner = 0;
            g.wake_waiters();
            drop(g);
            super::forget_owned(&self.0);
        }
        Ok(())
    }

    /// Thread `tid` ended while owning the mutex: free it and mark it abandoned.
    pub(super) fn abandon(&self, tid: u32) {
        let mut g = self.0.lock();
        if let State::Mutex { owner, count, abandoned } = &mut g.state
            && *owner == tid
        {
            (*owner, *count, *abandoned) = (0, 0, true);
            g.wake_waiters();
        }
    }

    /// (owner thread id or 0, recursion count).
    pub fn owner(&self) -> (u32, u32) {
        match self.0.lock().state {
            State::Mutex { owner, count, .. } => (owner, count),
            _ => (0, 0),
        }
    }
}

/// A new mutex object, owned by the calling thread when `initial_owner` (CreateMutex).
pub fn new_mutex(initial_owner: bool) -> Arc<Object> {
    let me = crate::sync::current_tid();
    let obj = Arc::new(Object::Mutex(Mutex::new(initial_owner.then_some(me))));
    if initial_owner {
        super::record_owned(&obj);
    }
    obj
}

/// A semaphore: a count between 0 and its maximum; each satisfied wait takes one.
#[derive(Debug)]
pub struct Semaphore(pub Waitable);

impl Semaphore {
    /// CreateSemaphore's checks: 0 <= initial <= max, max > 0 (ERROR_INVALID_PARAMETER).
    pub fn new(initial: i32, max: i32) -> Result<Semaphore, u32> {
        if max <= 0 || initial < 0 || initial > max {
            return Err(ERROR_INVALID_PARAMETER);
        }
        Ok(Semaphore(Waitable::new(State::Semaphore { count: initial as u32, max: max as u32 })))
    }

    /// ReleaseSemaphore: add `n` and return the previous count. ERROR_TOO_MANY_POSTS, and no
    /// change, when that would pass the maximum (a negative `n` counts as huge, as in Wine); 0
    /// only reads the count.
    pub fn release(&self, n: i32) -> Result<u32, u32> {
        let mut g = self.0.lock();
        let State::Semaphore { count, max } = &mut g.state else { unreachable!("semaphore state") };
        let prev = *count;
        match prev.checked_add(n as u32) {
            Some(c) if c <= *max => *count = c,
            _ => return Err(ERROR_TOO_MANY_POSTS),
        }
        if n != 0 {
            g.wake_waiters();
        }
        Ok(prev)
    }

    /// The current count.
    pub fn count(&self) -> u32 {
        match self.0.lock().state {
            State::Semaphore { count, .. } => count,
            _ => 0,
        }
    }
}

/// Work queued to a thread with QueueUserAPC (or by a waitable timer's completion routine):
/// run by that thread in its next alertable wait.
pub type Apc = Box<dyn FnOnce() + Send>;

/// A thread: signaled when it has exited; holds its id and exit code, its suspension state
/// (the gate a thread created suspended waits at, SuspendThread, its context), the APCs queued
/// to it, and the attributes programs set (priority, affinity, description).
pub struct Thread {
    pub waitable: Waitable,
    tid: AtomicU32,
    /// Suspension, context and termination (see [`crate::suspend`]).
    pub ctl: Control,
    apcs: StdMutex<VecDeque<Apc>>,
    /// Mirrors `apcs.len()`, for a lock-free look in every alertable wait.
    apc_count: AtomicU32,
    /// The thread's waiter, once it has run: QueueUserAPC wakes it.
    waiter: OnceLock<Arc<Waiter>>,
    priority: AtomicI32,
    affinity: AtomicU64,
    description: StdMutex<Vec<u16>>,
    /// The exit code, from the moment the thread starts ending (before its mutexes are
    /// abandoned and its object is signaled, as Windows records it); -1 while it runs.
    ending: AtomicI64,
}

impl std::fmt::Debug for Thread {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Thread")
            .field("tid", &self.tid())
            .field("waitable", &self.waitable)
            .field("suspend_count", &self.suspend_count())
            .field("apcs", &self.apc_count.load(Ordering::Relaxed))
            .finish()
    }
}

impl Thread {
    /// A running thread (its id may be set later, see [`Thread::set_tid`]); `suspended` starts
    /// it with a suspend count of 1.
    pub fn new(tid: u32, suspended: bool) -> Thread {
        Thread {
            waitable: Waitable::new(State::Exited(None)),
            tid: AtomicU32::new(tid),
            ctl: Control::new(suspended),
            apcs: StdMutex::new(VecDeque::new()),
            apc_count: AtomicU32::new(0),
            waiter: OnceLock::new(),
            priority: AtomicI32::new(0),
            affinity: AtomicU64::new(0),
            description: StdMutex::new(Vec::new()),
            ending: AtomicI64::new(-1),
        }
    }

    pub fn tid(&self) -> u32 {
        self.tid.load(Ordering::Acquire)
    }

    pub fn set_tid(&self, tid: u32) {
        self.tid.store(tid, Ordering::Release)
    }

    /// The exit code, None while the thread runs (GetExitCodeThread: known from the moment
    /// the thread starts ending).
    pub fn exit_code(&self) -> Option<u32> {
        match self.waitable.lock().state {
            State::Exited(Some(c)) => Some(c),
            _ => u32::try_from(self.ending.load(Ordering::Acquire)).ok(),
        }
    }

    /// Has the thread ended (its object signaled)?
    pub fn has_exited(&self) -> bool {
        matches!(self.waitable.lock().state, State::Exited(Some(_)))
    }

    /// The thread starts ending with `code` (its mutexes are abandoned next, then [`exit`]).
    ///
    /// [`exit`]: Thread::exit
    pub fn ending(&self, code: u32) {
        let _ = self.ending.compare_exchange(-1, code as i64, Ordering::AcqRel, Ordering::Acquire);
    }

    /// The thread ended with `code` (the first report wins): signal it. Queued APCs are
    /// dropped, never run.
    pub fn exit(&self, code: u32) {
        // No more suspensions or signals first: whoever sees the thread ended must find its
        // control block closed.
        self.ctl.finish();
        let mut g = self.waitable.lock();
        if let State::Exited(c @ None) = &mut g.state {
            *c = Some(code);
            g.wake_waiters();
        }
        drop(g);
        let dropped = std::mem::take(&mut *self.apcs.lock().unwrap_or_else(|e| e.into_inner()));
        self.apc_count.store(0, Ordering::Release);
        drop(dropped);
    }

    /// Called by the new thread before its start routine: block while suspended.
    pub fn wait_gate(&self) {
        self.ctl.gate()
    }

    /// ResumeThread: decrement the suspend count, letting the thread run at zero; returns the
    /// previous count (0: the thread was not suspended).
    pub fn resume(&self) -> u32 {
        self.ctl.resume()
    }

    /// The suspend count.
    pub fn suspend_count(&self) -> u32 {
        self.ctl.suspend_count()
    }

    /// QueueUserAPC: queue `apc` for the thread's next alertable wait (waking it if it is in
    /// one). ERROR_GEN_FAILURE once the thread has ended, as Wine reports it.
    pub fn queue_apc(&self, apc: Apc) -> Result<(), u32> {
        let mut q = self.apcs.lock().unwrap_or_else(|e| e.into_inner());
        if self.has_exited() {
            return Err(windows_sys::Win32::Foundation::ERROR_GEN_FAILURE);
        }
        q.push_back(apc);
        self.apc_count.store(q.len() as u32, Ordering::Release);
        drop(q);
        if let Some(w) = self.waiter.get() {
            w.wake();
        }
        Ok(())
    }

    /// Are APCs waiting?
    pub fn has_apcs(&self) -> bool {
        self.apc_count.load(Ordering::Acquire) != 0
    }

    /// Take the next queued APC.
    pub fn next_apc(&self) -> Option<Apc> {
        let mut q = self.apcs.lock().unwrap_or_else(|e| e.into_inner());
        let a = q.pop_front();
        self.apc_count.store(q.len() as u32, Ordering::Release);
        a
    }

    pub(super) fn set_waiter(&self, w: &Arc<Waiter>) {
        let _ = self.waiter.set(w.clone());
    }

    /// GetThreadPriority.
    pub fn priority(&self) -> i32 {
        self.priority.load(Ordering::Relaxed)
    }

    /// SetThreadPriority (the caller validates the value).
    pub fn set_priority(&self, p: i32) {
        self.priority.store(p, Ordering::Relaxed)
    }

    /// The affinity mask SetThreadAffinityMask last set (0: never set, i.e. the process's).
    pub fn affinity(&self) -> u64 {
        self.affinity.load(Ordering::Relaxed)
    }

    /// SetThreadAffinityMask: returns the previous mask (0 if never set).
    pub fn set_affinity(&self, mask: u64) -> u64 {
        self.affinity.swap(mask, Ordering::Relaxed)
    }

    /// GetThreadDescription (UTF-16, no terminator; empty if never set).
    pub fn description(&self) -> Vec<u16> {
        self.description.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// SetThreadDescription.
    pub fn set_description(&self, d: Vec<u16>) {
        *self.description.lock().unwrap_or_else(|e| e.into_inner()) = d;
    }
}

/// SuspendThread on a thread object: stop it and return the previous suspend count. A thread
/// that could not stop at once (it was busy in wine-rs code) is signalled again every
/// millisecond, from the timer service, until it stops, is resumed or ends.
pub fn suspend_thread(obj: &Arc<Object>) -> Result<u32, u32> {
    let Object::Thread(t) = &**obj else { return Err(windows_sys::Win32::Foundation::ERROR_INVALID_HANDLE) };
    let prev = t.ctl.suspend()?;
    if !t.ctl.is_parked() && t.suspend_count() > 0 {
        retry_suspend(Arc::downgrade(obj));
    }
    Ok(prev)
}

fn retry_suspend(obj: std::sync::Weak<Object>) {
    let at = std::time::Instant::now() + std::time::Duration::from_millis(1);
    crate::timer::schedule(at, move || {
        if let Some(o) = obj.upgrade()
            && let Object::Thread(t) = &*o
            && t.ctl.retry_suspend()
        {
            retry_suspend(obj);
        }
    });
}

/// A process: signaled when it has exited. Only the current process exists for now.
#[derive(Debug)]
pub struct Process {
    pub waitable: Waitable,
    pub pid: u32,
}

impl Process {
    pub fn new(pid: u32) -> Process {
        Process { waitable: Waitable::new(State::Exited(None)), pid }
    }

    /// The exit code, None while the process runs.
    pub fn exit_code(&self) -> Option<u32> {
        match self.waitable.lock().state {
            State::Exited(c) => c,
            _ => None,
        }
    }
}

static CURRENT_PROCESS: std::sync::LazyLock<Arc<Object>> =
    std::sync::LazyLock::new(|| Arc::new(Object::Process(Process::new(crate::sync::current_pid()))));

/// The object GetCurrentProcess designates.
pub fn current_process() -> Arc<Object> {
    CURRENT_PROCESS.clone()
}
