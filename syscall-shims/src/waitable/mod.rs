//! Waitable kernel objects: one design for all of them (threads, processes, events, mutexes,
//! semaphores; timers and console input join the same way).
//!
//! - Every object holds a [`Waitable`]: a lock around its [`State`] and the list of threads
//!   currently waiting on it. What "signaled" means, and what a satisfied wait consumes, is the
//!   state's business ([`State::is_signaled`], [`State::satisfy`]); everything else is shared.
//! - A waiting thread has one [`Waiter`]: a futex word. WaitForMultipleObjects registers that
//!   waiter on every object, then loops: arm the word, check the objects under their locks,
//!   sleep on the word. Whoever changes an object's state (SetEvent, ReleaseMutex, a thread
//!   exiting...) does so under the object's lock and then wakes every registered waiter, which
//!   re-checks. Arming before checking means no wake-up is lost between the check and the sleep.
//! - Wait-any takes the objects one at a time, lowest index first; wait-all locks all of them
//!   (in address order, so two wait-alls cannot deadlock) and consumes them only when every one
//!   is signaled, so a wait-all never takes a semaphore unit it cannot use.
//! - Mutexes remember their owner's thread id and recursion count. Each thread keeps the list of
//!   mutexes it owns ([`exit_current_thread`], or the thread-local's destructor when the host
//!   thread ends otherwise): at exit they are abandoned, and the next owner's wait returns
//!   WAIT_ABANDONED.
//!
//! The objects' own operations (SetEvent, ReleaseSemaphore, ...) are in [`objects`]; the handle
//! table's [`Object`] holds them.

pub mod objects;
#[cfg(test)]
mod tests;

pub use objects::{Event, Mutex, Process, Semaphore, Thread, current_process, new_mutex};

use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, MutexGuard};
use std::time::{Duration, Instant};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, HANDLE};

use crate::handles::{self, Object};
use crate::sync::{futex_wait, futex_wake};

/// At most this many objects per wait (MAXIMUM_WAIT_OBJECTS).
pub const MAX_WAIT_OBJECTS: usize = 64;

/// What an object's signaled state is made of.
#[derive(Debug)]
pub enum State {
    /// Auto-reset events are consumed by the wait they satisfy; manual ones stay signaled.
    Event { manual: bool, signaled: bool },
    /// Signaled when free or owned by the waiting thread (recursive); `abandoned` is reported
    /// to the next thread that acquires it.
    Mutex { owner: u32, count: u32, abandoned: bool },
    /// Signaled while `count > 0`; each satisfied wait takes one unit.
    Semaphore { count: u32, max: u32 },
    /// Threads and processes: signaled once they have exited (`Some(exit code)`).
    Exited(Option<u32>),
    /// Always signaled: objects without a wait state of their own (files).
    Always,
}

/// What a satisfied wait did to an object.
#[derive(Debug, Default, Clone, Copy)]
struct Satisfied {
    /// A mutex abandoned by its previous owner.
    abandoned: bool,
    /// A mutex that the waiting thread now owns (and did not before).
    newly_owned: bool,
}

impl State {
    /// Would a wait by thread `tid` be satisfied now?
    pub fn is_signaled(&self, tid: u32) -> bool {
        match *self {
            State::Event { signaled, .. } => signaled,
            State::Mutex { owner, .. } => owner == 0 || owner == tid,
            State::Semaphore { count, .. } => count > 0,
            State::Exited(code) => code.is_some(),
            State::Always => true,
        }
    }

    /// Consume the signal for thread `tid` (only called when [`State::is_signaled`]).
    fn satisfy(&mut self, tid: u32) -> Satisfied {
        match self {
            State::Event { manual: false, signaled } => *signaled = false,
            State::Mutex { owner, count, abandoned } => {
                let newly_owned = *owner == 0;
                *owner = tid;
                *count = count.saturating_add(1);
                return Satisfied { abandoned: std::mem::take(abandoned), newly_owned };
            }
            State::Semaphore { count, .. } => *count -= 1,
            _ => {}
        }
        Satisfied::default()
    }
}

/// A thread's means of sleeping until an object it waits on changes: a futex word that
/// signallers set to 1 before waking it.
#[derive(Debug, Default)]
pub struct Waiter {
    word: AtomicU32,
}

impl Waiter {
    fn wake(&self) {
        self.word.store(1, Ordering::Release);
        futex_wake(&self.word, 1);
    }
}

/// One thread waiting on one object. `pulsed`: PulseEvent released this waiter (the event itself
/// went back to non-signaled at once).
struct Registration {
    waiter: Arc<Waiter>,
    pulsed: bool,
}

/// The locked part of a waitable object.
pub struct Inner {
    pub state: State,
    waiters: Vec<Registration>,
}

impl Inner {
    /// Wake every registered waiter (after a state change that may satisfy one).
    pub fn wake_waiters(&self) {
        for r in &self.waiters {
            r.waiter.wake();
        }
    }

    /// Mark registered waiters as released by a pulse (all of them, or only the first), and
    /// wake them. Returns how many were pulsed.
    pub fn pulse_waiters(&mut self, all: bool) -> usize {
        let n = if all { self.waiters.len() } else { self.waiters.len().min(1) };
        for r in &mut self.waiters[..n] {
            r.pulsed = true;
            r.waiter.wake();
        }
        n
    }

    /// Take the pulse left for `waiter`, if any.
    fn take_pulse(&mut self, waiter: Option<&Arc<Waiter>>) -> bool {
        let Some(w) = waiter else { return false };
        match self.waiters.iter_mut().find(|r| Arc::ptr_eq(&r.waiter, w)) {
            Some(r) => std::mem::take(&mut r.pulsed),
            None => false,
        }
    }
}

/// The wait state every waitable object embeds.
pub struct Waitable {
    inner: std::sync::Mutex<Inner>,
}

impl std::fmt::Debug for Waitable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Waitable").field(&self.lock().state).finish()
    }
}

impl Waitable {
    pub const fn new(state: State) -> Waitable {
        Waitable { inner: std::sync::Mutex::new(Inner { state, waiters: Vec::new() }) }
    }

    /// Lock the object. Signallers change the state under this lock, then call
    /// [`Inner::wake_waiters`].
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn register(&self, w: &Arc<Waiter>) {
        self.lock().waiters.push(Registration { waiter: w.clone(), pulsed: false });
    }

    fn deregister(&self, w: &Arc<Waiter>) {
        self.lock().waiters.retain(|r| !Arc::ptr_eq(&r.waiter, w));
    }
}

/// Files and other objects without a wait state of their own share this always-signaled one.
pub static ALWAYS_SIGNALED: Waitable = Waitable::new(State::Always);

/// How a wait ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitResult {
    /// The object at this index satisfied the wait (wait-all: index 0).
    Signaled(usize),
    /// As Signaled, and that object was a mutex abandoned by its previous owner (wait-all:
    /// index 0 when any of them was, as Wine reports it).
    Abandoned(usize),
    Timeout,
}

impl WaitResult {
    /// The WAIT_* code WaitForMultipleObjects returns.
    pub fn code(self) -> u32 {
        match self {
            WaitResult::Signaled(i) => i as u32,
            WaitResult::Abandoned(i) => 0x80 + i as u32,
            WaitResult::Timeout => 0x102,
        }
    }
}

/// Wait-any: the first signaled object, lowest index first, consumed.
fn try_any(objs: &[Arc<Object>], me: u32, waiter: Option<&Arc<Waiter>>) -> Option<WaitResult> {
    for (i, o) in objs.iter().enumerate() {
        let mut g = o.waitable().lock();
        let pulsed = g.take_pulse(waiter);
        if pulsed || g.state.is_signaled(me) {
            let s = if pulsed { Satisfied::default() } else { g.state.satisfy(me) };
            drop(g);
            if s.newly_owned {
                record_owned(o);
            }
            return Some(if s.abandoned { WaitResult::Abandoned(i) } else { WaitResult::Signaled(i) });
        }
    }
    None
}

/// The objects of a wait without duplicates, in address order (the order wait-all locks them).
fn unique_by_address(objs: &[Arc<Object>]) -> Vec<&Arc<Object>> {
    let mut v: Vec<&Arc<Object>> = objs.iter().collect();
    v.sort_by_key(|o| o.waitable() as *const Waitable as usize);
    v.dedup_by_key(|o| o.waitable() as *const Waitable as usize);
    v
}

/// Wait-all: all objects locked together; consumed only when every one is signaled. An object
/// listed twice is consumed once.
fn try_all(unique: &[&Arc<Object>], me: u32, waiter: Option<&Arc<Waiter>>) -> Option<WaitResult> {
    let mut guards: Vec<MutexGuard<'_, Inner>> = unique.iter().map(|o| o.waitable().lock()).collect();
    // A pulse that does not complete the wait is lost, as on Windows.
    let pulsed: Vec<bool> = guards.iter_mut().map(|g| g.take_pulse(waiter)).collect();
    if !guards.iter().zip(&pulsed).all(|(g, &p)| p || g.state.is_signaled(me)) {
        return None;
    }
    let mut abandoned = false;
    let mut owned = Vec::new();
    for ((g, &p), o) in guards.iter_mut().zip(&pulsed).zip(unique) {
        if !p {
            let s = g.state.satisfy(me);
            abandoned |= s.abandoned;
            if s.newly_owned {
                owned.push(*o);
            }
        }
    }
    drop(guards);
    for o in owned {
        record_owned(o);
    }
    Some(if abandoned { WaitResult::Abandoned(0) } else { WaitResult::Signaled(0) })
}

thread_local! {
    static WAITER: Arc<Waiter> = Arc::new(Waiter::default());
}

/// Wait until one (`all` false) or all of `objs` are signaled, or `timeout` passes (None =
/// forever); a satisfied wait consumes what it waited for (auto-reset events, semaphore units,
/// mutex ownership). `objs` must not be empty.
pub fn wait(objs: &[Arc<Object>], all: bool, timeout: Option<Duration>) -> WaitResult {
    let me = crate::sync::current_tid();
    let unique = unique_by_address(objs);
    let attempt = |w: Option<&Arc<Waiter>>| if all { try_all(&unique, me, w) } else { try_any(objs, me, w) };
    if let Some(r) = attempt(None) {
        return r;
    }
    if timeout == Some(Duration::ZERO) {
        return WaitResult::Timeout;
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    let waiter = WAITER.with(|w| w.clone());
    for o in &unique {
        o.waitable().register(&waiter);
    }
    let result = loop {
        // Arm, then check: a signal after the check finds the word armed and wakes us.
        waiter.word.store(0, Ordering::SeqCst);
        if let Some(r) = attempt(Some(&waiter)) {
            break r;
        }
        let remaining = match deadline {
            None => None,
            Some(d) => match d.checked_duration_since(Instant::now()) {
                Some(r) if !r.is_zero() => Some(r.as_nanos() as u64),
                _ => break WaitResult::Timeout,
            },
        };
        futex_wait(&waiter.word, 0, remaining);
    };
    for o in &unique {
        o.waitable().deregister(&waiter);
    }
    result
}

/// WaitForMultipleObjects on handles (pseudo handles included): ERROR_INVALID_PARAMETER for
/// an empty list or more than [`MAX_WAIT_OBJECTS`], ERROR_INVALID_HANDLE for a bad handle.
/// `timeout_ms` u32::MAX (INFINITE) waits forever.
pub fn wait_handles(hs: &[HANDLE], all: bool, timeout_ms: u32) -> Result<WaitResult, u32> {
    if hs.is_empty() || hs.len() > MAX_WAIT_OBJECTS {
        return Err(ERROR_INVALID_PARAMETER);
    }
    let objs = hs.iter().map(|&h| handles::resolve(h)).collect::<Result<Vec<_>, u32>>()?;
    let timeout = (timeout_ms != u32::MAX).then(|| Duration::from_millis(timeout_ms as u64));
    Ok(wait(&objs, all, timeout))
}

// ---------------------------------------------------------------------------------------------
// Per-thread state: the thread's own object and the mutexes it owns.

struct ThreadState {
    tid: u32,
    /// The kernel object of this thread (created on first use for threads not started by
    /// CreateThread, such as the main thread).
    current: Option<Arc<Object>>,
    /// Mutexes this thread owns, each once.
    owned: Vec<Arc<Object>>,
}

impl ThreadState {
    fn abandon_owned(&mut self) {
        for o in self.owned.drain(..) {
            if let Object::Mutex(m) = &*o {
                m.abandon(self.tid);
            }
        }
    }
}

impl Drop for ThreadState {
    /// The host thread ends without having gone through [`exit_current_thread`] (a thread that
    /// never ran PE code, a test thread): abandon its mutexes and signal its object (code 0).
    fn drop(&mut self) {
        self.abandon_owned();
        if let Some(o) = self.current.take()
            && let Object::Thread(t) = &*o
        {
            t.exit(0);
        }
    }
}

thread_local! {
    static THREAD: RefCell<ThreadState> = RefCell::new(ThreadState {
        // SAFETY: gettid has no preconditions.
        tid: unsafe { libc::gettid() } as u32,
        current: None,
        owned: Vec::new(),
    });
}

fn record_owned(o: &Arc<Object>) {
    let _ = THREAD.try_with(|t| t.borrow_mut().owned.push(o.clone()));
}

/// Forget a mutex the calling thread no longer owns.
pub(crate) fn forget_owned(w: &Waitable) {
    let _ = THREAD.try_with(|t| t.borrow_mut().owned.retain(|o| !std::ptr::eq(o.waitable(), w)));
}

/// The calling thread's kernel object (what GetCurrentThread designates).
pub fn current_thread() -> Arc<Object> {
    THREAD.with(|t| {
        let mut t = t.borrow_mut();
        let tid = t.tid;
        t.current.get_or_insert_with(|| Arc::new(Object::Thread(Thread::new(tid, false)))).clone()
    })
}

/// Make `obj` (a thread object) the calling thread's own: called first thing by a thread that
/// was created with a handle.
pub fn bind_current_thread(obj: Arc<Object>) {
    THREAD.with(|t| {
        let mut t = t.borrow_mut();
        if let Object::Thread(th) = &*obj {
            th.set_tid(t.tid);
        }
        t.current = Some(obj);
    })
}

/// The calling thread is ending with `code`: abandon the mutexes it owns, record the exit code
/// in its object and wake the threads waiting for it. Runs on the exiting thread, after
/// DLL_THREAD_DETACH.
pub fn exit_current_thread(code: u32) {
    let _ = THREAD.try_with(|t| {
        let mut t = t.borrow_mut();
        t.abandon_owned();
        if let Some(o) = t.current.take()
            && let Object::Thread(th) = &*o
        {
            th.exit(code);
        }
    });
}
