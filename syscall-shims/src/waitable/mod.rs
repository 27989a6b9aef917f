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
//! - Console input handles are signaled while the terminal has input; a watcher thread, alive
//!   only while someone waits on one, wakes the waiters when input arrives ([`console`]).
//!
//! - Alertable waits (SleepEx, WaitFor*Ex, SignalObjectAndWait) also end when APCs are queued
//!   to the thread ([`Thread::queue_apc`] wakes its waiter): objects are checked first, then
//!   the APCs run in the waiting thread and the wait returns WAIT_IO_COMPLETION.
//! - SignalObjectAndWait registers on the object it waits for before it signals the other, so
//!   whoever sees the signal finds the waiter already there (a PulseEvent cannot miss it).
//!
//! The objects' own operations (SetEvent, ReleaseSemaphore, ...) are in [`objects`] and
//! [`timer`]; the handle table's [`Object`] holds them.

pub mod console;
pub mod objects;
pub mod port;
#[cfg(test)]
mod tests;
pub mod timer;
pub mod watch;

pub use objects::{Apc, Event, Mutex, Process, Semaphore, Thread, current_process, new_mutex, suspend_thread};
pub use port::{Completion, Packet, Port};
pub use timer::{Timer, TimerApc};

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, LazyLock, MutexGuard, Weak};
use std::time::{Duration, Instant};
use windows_sys::Win32::Foundation::{ERROR_INVALID_PARAMETER, HANDLE};

use crate::handles::{self, Object};
use crate::suspend::SafeRegion;
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
    /// An I/O completion port's queue: signaled while packets are queued; a wait on the port
    /// handle takes none (GetQueuedCompletionStatus takes them, [`port::dequeue`]).
    Port(std::collections::VecDeque<port::Packet>),
    /// Console input (a terminal fd opened for input): signaled while the fd has input ready;
    /// `watching` while a watcher thread wakes the waiters when input arrives ([`console`]).
    Console { fd: i32, watching: bool },
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
            State::Port(ref q) => !q.is_empty(),
            State::Console { fd, .. } => {
                crate::console::has_unread() || console::input_ready(fd, Duration::ZERO)
            }
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

/// A thread's means of sleeping until an object it waits on changes: a futex word that the
/// thread arms (0) before it checks its objects and marks as sleeping (2) just before it
/// sleeps; signallers set it to 1 and make the wake-up system call only if it was sleeping.
#[derive(Debug, Default)]
pub struct Waiter {
    word: AtomicU32,
}

const ARMED: u32 = 0;
const SIGNALED: u32 = 1;
const SLEEPING: u32 = 2;

impl Waiter {
    /// Mark the waiter signaled; true if it is asleep and needs a [`futex_wake`].
    fn signal(&self) -> bool {
        self.word.swap(SIGNALED, Ordering::SeqCst) == SLEEPING
    }

    /// Signal and wake the waiter.
    pub(crate) fn wake(&self) {
        if self.signal() {
            futex_wake(&self.word, 1);
        }
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
    /// Take the pulse left for `waiter`, if any.
    fn take_pulse(&mut self, waiter: Option<&Arc<Waiter>>) -> bool {
        let Some(w) = waiter else { return false };
        match self.waiters.iter_mut().find(|r| Arc::ptr_eq(&r.waiter, w)) {
            Some(r) => std::mem::take(&mut r.pulsed),
            None => false,
        }
    }
}

/// A locked waitable object. The waiters a signaller wakes are marked under the lock but
/// woken (the system call) only once the lock is released, when this guard drops: a woken
/// thread goes straight for the object's lock, and must not find it still held.
pub struct Locked<'a> {
    guard: Option<MutexGuard<'a, Inner>>,
    wake: Vec<Arc<Waiter>>,
}

impl std::ops::Deref for Locked<'_> {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        self.guard.as_ref().expect("locked")
    }
}

impl std::ops::DerefMut for Locked<'_> {
    fn deref_mut(&mut self) -> &mut Inner {
        self.guard.as_mut().expect("locked")
    }
}

impl Drop for Locked<'_> {
    fn drop(&mut self) {
        drop(self.guard.take());
        for w in self.wake.drain(..) {
            futex_wake(&w.word, 1);
        }
    }
}

impl Locked<'_> {
    /// Wake every registered waiter (after a state change that may satisfy one); they re-check.
    pub fn wake_waiters(&mut self) {
        let g = self.guard.as_ref().expect("locked");
        for r in &g.waiters {
            if r.waiter.signal() {
                self.wake.push(r.waiter.clone());
            }
        }
    }

    /// Mark registered waiters as released by a pulse (all of them, or only the first), and
    /// wake them. Returns how many were pulsed.
    pub fn pulse_waiters(&mut self, all: bool) -> usize {
        let g = self.guard.as_mut().expect("locked");
        let n = if all { g.waiters.len() } else { g.waiters.len().min(1) };
        for r in &mut g.waiters[..n] {
            r.pulsed = true;
            if r.waiter.signal() {
                self.wake.push(r.waiter.clone());
            }
        }
        n
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
    /// [`Locked::wake_waiters`].
    pub fn lock(&self) -> Locked<'_> {
        Locked { guard: Some(self.inner.lock().unwrap_or_else(|e| e.into_inner())), wake: Vec::new() }
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
    /// An alertable wait ran the thread's queued APCs (WAIT_IO_COMPLETION).
    IoCompletion,
}

impl WaitResult {
    /// The WAIT_* code WaitForMultipleObjects returns.
    pub fn code(self) -> u32 {
        match self {
            WaitResult::Signaled(i) => i as u32,
            WaitResult::Abandoned(i) => 0x80 + i as u32,
            WaitResult::Timeout => 0x102,
            WaitResult::IoCompletion => 0xc0,
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
    let mut guards: Vec<Locked<'_>> = unique.iter().map(|o| o.waitable().lock()).collect();
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

/// Wait until one (`all` false) or all of `objs` are signaled, or `timeout` passes (None =
/// forever); a satisfied wait consumes what it waited for (auto-reset events, semaphore units,
/// mutex ownership). `objs` must not be empty.
pub fn wait(objs: &[Arc<Object>], all: bool, timeout: Option<Duration>) -> WaitResult {
    let deadline = timeout.map(|t| Instant::now() + t);
    wait_ex(objs, all, deadline, false, None).unwrap_or(WaitResult::Timeout)
}

/// The general wait: as [`wait`], until `deadline`; `alertable` also ends it when APCs are
/// queued to the thread (they run here, after the objects were found not signaled, and the
/// result is IoCompletion). `objs` may be empty only for an alertable wait (SleepEx).
/// `signal`, if given, runs once the thread is registered on the objects and before it looks
/// at them (SignalObjectAndWait); its error ends the wait.
pub fn wait_ex(
    objs: &[Arc<Object>],
    all: bool,
    deadline: Option<Instant>,
    alertable: bool,
    signal: Option<&mut dyn FnMut() -> Result<(), u32>>,
) -> Result<WaitResult, u32> {
    let me = crate::sync::current_tid();
    // The first look allocates nothing for a wait-any: an object that is signaled (a free
    // mutex, a set event) costs its lock and nothing else.
    if signal.is_none() && !all && !objs.is_empty() {
        if let Some(r) = try_any(objs, me, None) {
            return Ok(r);
        }
    }
    let unique = unique_by_address(objs);
    let attempt = |w: Option<&Arc<Waiter>>| {
        if objs.is_empty() {
            None
        } else if all {
            try_all(&unique, me, w)
        } else {
            try_any(objs, me, w)
        }
    };
    let thread = if alertable { Some(current_thread()) } else { None };
    let apcs_waiting = || match thread.as_deref() {
        Some(Object::Thread(t)) => t.has_apcs(),
        _ => false,
    };
    if signal.is_none() {
        if all && let Some(r) = attempt(None) {
            return Ok(r);
        }
        if apcs_waiting() {
            run_apcs();
            return Ok(WaitResult::IoCompletion);
        }
        if deadline.is_some_and(|d| d <= Instant::now()) {
            return Ok(WaitResult::Timeout);
        }
    }
    let waiter = THREAD.with(|t| t.borrow().waiter.clone());
    for o in &unique {
        o.waitable().register(&waiter);
    }
    THREAD.with(|t| t.borrow_mut().waiting_on.extend(unique.iter().map(|o| (*o).clone())));
    for o in &unique {
        console::watch_if_console(o);
    }
    let deregister = || {
        THREAD.with(|t| t.borrow_mut().waiting_on.clear());
        for o in &unique {
            o.waitable().deregister(&waiter);
        }
    };
    if let Some(f) = signal
        && let Err(e) = f()
    {
        deregister();
        return Err(e);
    }
    let result = loop {
        // Arm, then check: a signal after the check finds the word armed (or sleeping) and
        // wakes us.
        waiter.word.store(ARMED, Ordering::SeqCst);
        if let Some(r) = attempt(Some(&waiter)) {
            break r;
        }
        if apcs_waiting() {
            break WaitResult::IoCompletion;
        }
        let remaining = match deadline {
            None => None,
            Some(d) => match d.checked_duration_since(Instant::now()) {
                Some(r) if !r.is_zero() => Some(r.as_nanos() as u64),
                _ => break WaitResult::Timeout,
            },
        };
        let _safe = SafeRegion::enter();
        if waiter.word.compare_exchange(ARMED, SLEEPING, Ordering::SeqCst, Ordering::Relaxed).is_ok() {
            futex_wait(&waiter.word, SLEEPING, remaining);
        }
    };
    deregister();
    if result == WaitResult::IoCompletion {
        run_apcs();
    }
    Ok(result)
}

/// Wait until `take` finds something in `obj`'s state (it runs under the object's lock and
/// takes what it returns), or `deadline` passes (Err(Timeout)); an alertable wait also ends
/// when APCs are queued (they run, Err(IoCompletion)). The wait for a completion packet: the
/// same arm-check-sleep loop as [`wait_ex`], with the taking done by the caller's closure.
pub fn take_when<T>(
    obj: &Arc<Object>,
    deadline: Option<Instant>,
    alertable: bool,
    mut take: impl FnMut(&mut State) -> Option<T>,
) -> Result<T, WaitResult> {
    let w = obj.waitable();
    if let Some(v) = take(&mut w.lock().state) {
        return Ok(v);
    }
    let thread = if alertable { Some(current_thread()) } else { None };
    let apcs_waiting = || match thread.as_deref() {
        Some(Object::Thread(t)) => t.has_apcs(),
        _ => false,
    };
    let waiter = THREAD.with(|t| t.borrow().waiter.clone());
    w.register(&waiter);
    THREAD.with(|t| t.borrow_mut().waiting_on = vec![obj.clone()]);
    let result = loop {
        waiter.word.store(ARMED, Ordering::SeqCst);
        if let Some(v) = take(&mut w.lock().state) {
            break Ok(v);
        }
        if apcs_waiting() {
            break Err(WaitResult::IoCompletion);
        }
        let remaining = match deadline {
            None => None,
            Some(d) => match d.checked_duration_since(Instant::now()) {
                Some(r) if !r.is_zero() => Some(r.as_nanos() as u64),
                _ => break Err(WaitResult::Timeout),
            },
        };
        let _safe = SafeRegion::enter();
        if waiter.word.compare_exchange(ARMED, SLEEPING, Ordering::SeqCst, Ordering::Relaxed).is_ok() {
            futex_wait(&waiter.word, SLEEPING, remaining);
        }
    };
    THREAD.with(|t| t.borrow_mut().waiting_on.clear());
    w.deregister(&waiter);
    if result.as_ref().err() == Some(&WaitResult::IoCompletion) {
        run_apcs();
    }
    result
}

/// Run the APCs queued to the calling thread, oldest first, including those they queue.
pub fn run_apcs() {
    let Object::Thread(t) = &*current_thread() else { return };
    while let Some(apc) = t.next_apc() {
        apc();
    }
}

/// SleepEx: sleep `ms` milliseconds (INFINITE: forever); an alertable sleep ends early, with
/// IoCompletion, when APCs are queued (and runs them).
pub fn sleep(ms: u32, alertable: bool) -> WaitResult {
    if !alertable {
        crate::sync::sleep_ms(ms);
        return WaitResult::Timeout;
    }
    if ms == 0 && !matches!(&*current_thread(), Object::Thread(t) if t.has_apcs()) {
        crate::sync::yield_now();
        return WaitResult::Timeout;
    }
    wait_ex(&[], false, crate::sync::deadline_ms(ms), true, None).unwrap_or(WaitResult::Timeout)
}

/// The objects of a list of handles (pseudo handles included): ERROR_INVALID_PARAMETER for
/// an empty list or more than [`MAX_WAIT_OBJECTS`], ERROR_INVALID_HANDLE for a bad handle.
pub fn resolve_handles(hs: &[HANDLE]) -> Result<Vec<Arc<Object>>, u32> {
    if hs.is_empty() || hs.len() > MAX_WAIT_OBJECTS {
        return Err(ERROR_INVALID_PARAMETER);
    }
    hs.iter().map(|&h| handles::resolve(h)).collect()
}

/// WaitForMultipleObjects on handles (pseudo handles included): ERROR_INVALID_PARAMETER for
/// an empty list or more than [`MAX_WAIT_OBJECTS`], ERROR_INVALID_HANDLE for a bad handle.
/// `timeout_ms` u32::MAX (INFINITE) waits forever.
pub fn wait_handles(hs: &[HANDLE], all: bool, timeout_ms: u32) -> Result<WaitResult, u32> {
    wait_handles_ex(hs, all, timeout_ms, false)
}

/// WaitForMultipleObjectsEx: as [`wait_handles`], alertable or not.
pub fn wait_handles_ex(hs: &[HANDLE], all: bool, timeout_ms: u32, alertable: bool) -> Result<WaitResult, u32> {
    if let [h] = hs {
        // WaitForSingleObject: no list to allocate.
        let o = handles::resolve(*h)?;
        return wait_ex(std::slice::from_ref(&o), all, crate::sync::deadline_ms(timeout_ms), alertable, None);
    }
    let objs = resolve_handles(hs)?;
    wait_ex(&objs, all, crate::sync::deadline_ms(timeout_ms), alertable, None)
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
    /// The futex word this thread sleeps on in waits.
    waiter: Arc<Waiter>,
    /// The objects of the wait the thread is blocked in (so that a thread terminated there
    /// leaves no registration behind).
    waiting_on: Vec<Arc<Object>>,
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
        if let Some(o) = self.current.take() {
            forget_thread(self.tid, &o);
            if let Object::Thread(t) = &*o {
                t.exit(0);
            }
        }
    }
}

thread_local! {
    static THREAD: RefCell<ThreadState> = RefCell::new(ThreadState {
        // SAFETY: gettid has no preconditions.
        tid: unsafe { libc::gettid() } as u32,
        current: None,
        owned: Vec::new(),
        waiter: Arc::new(Waiter::default()),
        waiting_on: Vec::new(),
    });
}

/// Live threads by id (OpenThread), weakly: an entry lives as long as the thread's object.
static BY_TID: LazyLock<std::sync::Mutex<HashMap<u32, Weak<Object>>>> = LazyLock::new(Default::default);

/// Record `o` as the object of thread `tid` (for [`find_thread`]; its id is set too).
pub fn remember_thread(tid: u32, o: &Arc<Object>) {
    if let Object::Thread(t) = &**o {
        t.set_tid(tid);
    }
    let mut m = BY_TID.lock().unwrap_or_else(|e| e.into_inner());
    m.retain(|_, w| w.strong_count() > 0);
    m.insert(tid, Arc::downgrade(o));
}

fn forget_thread(tid: u32, o: &Arc<Object>) {
    let mut m = BY_TID.lock().unwrap_or_else(|e| e.into_inner());
    if m.get(&tid).is_some_and(|w| std::ptr::eq(w.as_ptr(), Arc::as_ptr(o))) {
        m.remove(&tid);
    }
}

/// The object of the live thread `tid` (OpenThread), if that thread runs PE code.
pub fn find_thread(tid: u32) -> Option<Arc<Object>> {
    let m = BY_TID.lock().unwrap_or_else(|e| e.into_inner());
    m.get(&tid).and_then(Weak::upgrade).filter(|o| matches!(&**o, Object::Thread(t) if !t.has_exited()))
}

/// Make `obj` (a thread object) the calling thread's: its id, waiter, control block.
fn adopt(t: &mut ThreadState, obj: &Arc<Object>) {
    if let Object::Thread(th) = &**obj {
        th.set_tid(t.tid);
        th.set_waiter(&t.waiter);
        remember_thread(t.tid, obj);
    }
}

/// The calling thread takes its object's suspension control, once the thread state is no
/// longer borrowed: a thread terminated before it started ends right there, which needs the
/// state.
fn start_control(obj: &Arc<Object>) {
    if let Object::Thread(th) = &**obj {
        th.ctl.start();
    }
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
        if let Some(o) = &t.current {
            return o.clone();
        }
        let o = Arc::new(Object::Thread(Thread::new(t.tid, false)));
        adopt(&mut t, &o);
        t.current = Some(o.clone());
        drop(t);
        start_control(&o);
        o
    })
}

/// Make `obj` (a thread object) the calling thread's own: called first thing by a thread that
/// was created with a handle.
pub fn bind_current_thread(obj: Arc<Object>) {
    THREAD.with(|t| {
        let mut t = t.borrow_mut();
        adopt(&mut t, &obj);
        t.current = Some(obj.clone());
    });
    start_control(&obj);
}

/// The calling thread is ending with `code`: abandon the mutexes it owns, record the exit code
/// in its object and wake the threads waiting for it. Runs on the exiting thread, after
/// DLL_THREAD_DETACH.
pub fn exit_current_thread(code: u32) {
    let _ = THREAD.try_with(|t| {
        let mut t = t.borrow_mut();
        // A thread terminated in a wait: leave no registration behind.
        let waiter = t.waiter.clone();
        for o in std::mem::take(&mut t.waiting_on) {
            o.waitable().deregister(&waiter);
        }
        if let Some(o) = &t.current
            && let Object::Thread(th) = &**o
        {
            th.ending(code);
        }
        t.abandon_owned();
        if let Some(o) = t.current.take() {
            forget_thread(t.tid, &o);
            if let Object::Thread(th) = &*o {
                th.exit(code);
            }
        }
    });
}
