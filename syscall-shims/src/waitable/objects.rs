//! The waitable object kinds and their own operations (SetEvent, ReleaseMutex, ...). Each wraps
//! a [`Waitable`]; waiting on them is [`super::wait`].

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS};

use super::{State, Waitable};
use crate::handles::Object;
use crate::sync::{futex_wait, futex_wake};

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

/// A thread: signaled when it has exited; holds its id and exit code, and the gate a thread
/// created suspended waits at before running its start routine.
#[derive(Debug)]
pub struct Thread {
    pub waitable: Waitable,
    tid: AtomicU32,
    /// Suspend count; the thread waits at its gate while it is non-zero.
    suspend: AtomicU32,
}

impl Thread {
    /// A running thread (its id may be set later, see [`Thread::set_tid`]); `suspended` starts
    /// it with a suspend count of 1.
    pub fn new(tid: u32, suspended: bool) -> Thread {
        Thread {
            waitable: Waitable::new(State::Exited(None)),
            tid: AtomicU32::new(tid),
            suspend: AtomicU32::new(suspended as u32),
        }
    }

    pub fn tid(&self) -> u32 {
        self.tid.load(Ordering::Acquire)
    }

    pub fn set_tid(&self, tid: u32) {
        self.tid.store(tid, Ordering::Release)
    }

    /// The exit code, None while the thread runs.
    pub fn exit_code(&self) -> Option<u32> {
        match self.waitable.lock().state {
            State::Exited(c) => c,
            _ => None,
        }
    }

    /// The thread ended with `code` (the first report wins): signal it.
    pub fn exit(&self, code: u32) {
        let mut g = self.waitable.lock();
        if let State::Exited(c @ None) = &mut g.state {
            *c = Some(code);
            g.wake_waiters();
        }
        drop(g);
        // A thread killed at its gate must not stay blocked there.
        self.suspend.store(0, Ordering::Release);
        futex_wake(&self.suspend, i32::MAX);
    }

    /// Called by the new thread before its start routine: block while suspended.
    pub fn wait_gate(&self) {
        loop {
            let v = self.suspend.load(Ordering::Acquire);
            if v == 0 {
                return;
            }
            futex_wait(&self.suspend, v, None);
        }
    }

    /// ResumeThread: decrement the suspend count, opening the gate at zero; returns the
    /// previous count (0: the thread was not suspended).
    pub fn resume(&self) -> u32 {
        let prev =
            self.suspend.fetch_update(Ordering::AcqRel, Ordering::Acquire, |v| Some(v.saturating_sub(1))).unwrap_or(0);
        if prev == 1 {
            futex_wake(&self.suspend, i32::MAX);
        }
        prev
    }

    /// The suspend count.
    pub fn suspend_count(&self) -> u32 {
        self.suspend.load(Ordering::Acquire)
    }
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
