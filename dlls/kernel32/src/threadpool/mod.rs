//! threadpoolapiset.h: the thread pool's work, timer and wait objects, callback instances,
//! pools and cleanup groups. The workers and the bookkeeping of callbacks are [`workers`]; timers
//! fire from `syscall_shims::timer`, waits from `syscall_shims::waitable::watch`, and every
//! callback runs on a worker.
//!
//! A PTP_WORK, PTP_TIMER or PTP_WAIT is a pointer to a [`PoolObject`]: the program holds one
//! reference (CloseThreadpool* releases it) and each queued callback another, so a closed
//! object lives until its callbacks are done, as on Windows.
//! All pools share one set of workers: CreateThreadpool's pools and their limits are accepted
//! but not separate, and TP_CALLBACK_ENVIRON's priority, finalization callback and activation
//! context are ignored.

pub mod workers;

use self::workers::{Instance, Tracker};
use dllcore::{export, teb};
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};
use syscall_shims::handles;
use syscall_shims::timer::{self, TimerId};
use syscall_shims::waitable::watch::{self, Fired};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_PARAMETER, FALSE, FILETIME, HANDLE, TRUE, WAIT_ABANDONED_0, WAIT_OBJECT_0, WAIT_TIMEOUT,
};
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;
use windows_sys::core::BOOL;

/// What a pool object is; its callback's signature follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// PTP_WORK_CALLBACK(instance, context, work).
    Work,
    /// PTP_TIMER_CALLBACK(instance, context, timer).
    Timer,
    /// PTP_WAIT_CALLBACK(instance, context, wait, result).
    Wait,
}

#[derive(Default)]
struct TimerState {
    /// Bumped by every Set: firings of an older setting are ignored.
    generation: u64,
    entry: Option<TimerId>,
    set: bool,
}

#[derive(Default)]
struct WaitState {
    generation: u64,
    watch: Option<watch::WatchId>,
}

/// A work, timer or wait object.
pub struct PoolObject {
    kind: Kind,
    callback: usize,
    context: usize,
    tracker: Arc<Tracker>,
    group: Option<Arc<Group>>,
    /// The cleanup group's cancel callback (PTP_CLEANUP_GROUP_CANCEL_CALLBACK), or 0.
    cancel_callback: usize,
    timer: Mutex<TimerState>,
    wait: Mutex<WaitState>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl PoolObject {
    /// The pointer the program knows it by.
    fn ptr(self: &Arc<Self>) -> usize {
        Arc::as_ptr(self) as usize
    }

    /// Queue one callback; `result` is the wait result passed to wait callbacks.
    fn queue(self: &Arc<Self>, result: u32) {
        let o = self.clone();
        self.tracker.queue(move |inst| {
            let (i, c, p) = (inst.as_ptr(), o.context, o.ptr());
            // SAFETY: the program's callback, with the signature of its kind.
            unsafe {
                match o.kind {
                    Kind::Work | Kind::Timer => {
                        std::mem::transmute::<usize, extern "win64" fn(usize, usize, usize)>(o.callback)(i, c, p)
                    }
                    Kind::Wait => {
                        std::mem::transmute::<usize, extern "win64" fn(usize, usize, usize, u32)>(o.callback)(
                            i, c, p, result,
                        )
                    }
                }
            }
        });
    }

    /// Stop future callbacks (timers and waits), cancel the queued ones if `cancel`, and wait
    /// for the rest.
    fn quiesce(self: &Arc<Self>, cancel: bool) {
        if cancel {
            self.tracker.cancel_queued();
        }
        self.tracker.wait_idle();
    }

    /// Stop a timer or wait from firing again.
    fn disarm(&self) {
        let mut t = lock(&self.timer);
        t.generation += 1;
        t.set = false;
        if let Some(e) = t.entry.take() {
            timer::cancel(e);
        }
        drop(t);
        let mut w = lock(&self.wait);
        w.generation += 1;
        if let Some(id) = w.watch.take() {
            watch::unwatch(id);
        }
    }
}

/// The object behind a PTP_* pointer (the program's reference stays its own).
///
/// # Safety
/// `p` must come from [`create`] and not be closed.
unsafe fn object(p: usize) -> Arc<PoolObject> {
    // SAFETY: per the contract: the program's reference keeps it alive; we take one more.
    unsafe {
        Arc::increment_strong_count(p as *const PoolObject);
        Arc::from_raw(p as *const PoolObject)
    }
}

/// TP_CALLBACK_ENVIRON_V3's fields we use: (CleanupGroup, CleanupGroupCancelCallback).
///
/// # Safety
/// `env` must be NULL or point at a TP_CALLBACK_ENVIRON.
unsafe fn environment(env: usize) -> (usize, usize) {
    if env == 0 {
        return (0, 0);
    }
    // SAFETY: per the contract (x64 layout: Version, Pool, CleanupGroup, CancelCallback...).
    unsafe { (((env + 16) as *const usize).read_unaligned(), ((env + 24) as *const usize).read_unaligned()) }
}

/// A new object of `kind`; NULL callback: ERROR_INVALID_PARAMETER.
///
/// # Safety
/// `env` must be NULL or point at a TP_CALLBACK_ENVIRON whose cleanup group is NULL or live.
unsafe fn create(kind: Kind, callback: usize, context: usize, env: usize) -> usize {
    if callback == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, 0);
    }
    // SAFETY: per the contract.
    let (group, cancel_callback) = unsafe { environment(env) };
    // SAFETY: a group pointer from CreateThreadpoolCleanupGroup.
    let group = (group != 0).then(|| unsafe { group_of(group) });
    let o = Arc::new(PoolObject {
        kind,
        callback,
        context,
        tracker: Tracker::new(),
        group: group.clone(),
        cancel_callback,
        timer: Mutex::default(),
        wait: Mutex::default(),
    });
    let p = Arc::into_raw(o) as usize;
    if let Some(g) = group {
        lock(&g.members).push(p);
    }
    p
}

/// Release the program's reference (CloseThreadpool*): no more timer or wait firings; the
/// callbacks already queued still run.
///
/// # Safety
/// `p` must come from [`create`] and not be closed.
unsafe fn close(p: usize) {
    // SAFETY: per the contract; this takes the program's reference back.
    let o = unsafe { Arc::from_raw(p as *const PoolObject) };
    o.disarm();
    if let Some(g) = &o.group {
        lock(&g.members).retain(|&m| m != p);
    }
}

// ---------------------------------------------------------------------------------------------
// Work.

/// CreateThreadpoolWork: a work object whose callback runs once per SubmitThreadpoolWork.
#[export]
pub unsafe extern "win64" fn CreateThreadpoolWork(callback: usize, context: usize, env: usize) -> usize {
    // SAFETY: the program passes NULL or its callback environment.
    unsafe { create(Kind::Work, callback, context, env) }
}

/// SubmitThreadpoolWork: queue one run of the work's callback.
#[export]
pub unsafe extern "win64" fn SubmitThreadpoolWork(work: usize) {
    // SAFETY: the program passes a live work object.
    unsafe { object(work) }.queue(0)
}

/// TrySubmitThreadpoolCallback: run `callback(instance, context)` once on the pool.
#[export]
pub unsafe extern "win64" fn TrySubmitThreadpoolCallback(callback: usize, context: usize, _env: usize) -> BOOL {
    if callback == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    Tracker::new().queue(move |inst| {
        // SAFETY: the program's PTP_SIMPLE_CALLBACK.
        let f: extern "win64" fn(usize, usize) = unsafe { std::mem::transmute(callback) };
        f(inst.as_ptr(), context)
    });
    TRUE
}

/// WaitForThreadpoolWorkCallbacks: wait for the work's callbacks to finish; with `cancel`,
/// those not started yet never run.
#[export]
pub unsafe extern "win64" fn WaitForThreadpoolWorkCallbacks(work: usize, cancel: BOOL) {
    // SAFETY: the program passes a live work object.
    unsafe { object(work) }.quiesce(cancel != 0)
}

/// CloseThreadpoolWork: release the work object (freed once its queued callbacks have run).
#[export]
pub unsafe extern "win64" fn CloseThreadpoolWork(work: usize) {
    // SAFETY: the program passes a live work object, for the last time.
    unsafe { close(work) }
}

// ---------------------------------------------------------------------------------------------
// Timers.

/// CreateThreadpoolTimer: a timer object, not set.
#[export]
pub unsafe extern "win64" fn CreateThreadpoolTimer(callback: usize, context: usize, env: usize) -> usize {
    // SAFETY: the program passes NULL or its callback environment.
    unsafe { create(Kind::Timer, callback, context, env) }
}

/// A FILETIME due time as Windows reads it (signed: negative relative, in 100 ns units).
///
/// # Safety
/// `ft` must be NULL or point at a FILETIME.
unsafe fn due(ft: *const FILETIME) -> Option<i64> {
    if ft.is_null() {
        return None;
    }
    // SAFETY: per the contract.
    let f = unsafe { ft.read_unaligned() };
    Some(((f.dwHighDateTime as u64) << 32 | f.dwLowDateTime as u64) as i64)
}

fn fire_timer(o: Weak<PoolObject>, generation: u64, at: Instant, period: Duration) {
    let Some(o) = o.upgrade() else { return };
    let mut t = lock(&o.timer);
    if t.generation != generation {
        return;
    }
    o.queue(0);
    if period.is_zero() {
        t.set = false;
        t.entry = None;
    } else {
        let next = (at + period).max(Instant::now());
        let w = Arc::downgrade(&o);
        t.entry = Some(timer::schedule(next, move || fire_timer(w, generation, next, period)));
    }
}

/// Arm (or with no due time, disarm) a timer; returns whether it was set.
fn set_timer(o: &Arc<PoolObject>, due: Option<i64>, period_ms: u32) -> bool {
    let mut t = lock(&o.timer);
    let was = t.set;
    t.generation += 1;
    if let Some(e) = t.entry.take() {
        timer::cancel(e);
    }
    t.set = due.is_some();
    if let Some(d) = due {
        let at = timer::due_instant(d);
        let (w, g, period) = (Arc::downgrade(o), t.generation, Duration::from_millis(period_ms as u64));
        t.entry = Some(timer::schedule(at, move || fire_timer(w, g, at, period)));
    }
    was
}

/// SetThreadpoolTimer: set the timer to fire at `*due` (a FILETIME: negative relative in
/// 100 ns units, positive absolute, 0 at once), then every `period` ms if not 0; NULL `due`
/// stops it (callbacks already queued still run). The window length is accepted (the timer
/// fires on time).
#[export]
pub unsafe extern "win64" fn SetThreadpoolTimer(t: usize, due_time: *const FILETIME, period: u32, _window: u32) {
    // SAFETY: the program passes a live timer and NULL or a FILETIME.
    unsafe { set_timer(&object(t), due(due_time), period) };
}

/// SetThreadpoolTimerEx: SetThreadpoolTimer, returning whether the timer was set before.
#[export]
pub unsafe extern "win64" fn SetThreadpoolTimerEx(
    t: usize,
    due_time: *const FILETIME,
    period: u32,
    _window: u32,
) -> BOOL {
    // SAFETY: as SetThreadpoolTimer.
    unsafe { set_timer(&object(t), due(due_time), period) as BOOL }
}

/// IsThreadpoolTimerSet: is the timer set (a one-shot timer stops being set once it fired)?
#[export]
pub unsafe extern "win64" fn IsThreadpoolTimerSet(t: usize) -> BOOL {
    // SAFETY: the program passes a live timer.
    lock(&unsafe { object(t) }.timer).set as BOOL
}

/// WaitForThreadpoolTimerCallbacks: wait for the timer's callbacks to finish; with `cancel`,
/// those queued and not started never run.
#[export]
pub unsafe extern "win64" fn WaitForThreadpoolTimerCallbacks(t: usize, cancel: BOOL) {
    // SAFETY: the program passes a live timer.
    unsafe { object(t) }.quiesce(cancel != 0)
}

/// CloseThreadpoolTimer: stop the timer and release it.
#[export]
pub unsafe extern "win64" fn CloseThreadpoolTimer(t: usize) {
    // SAFETY: the program passes a live timer, for the last time.
    unsafe { close(t) }
}

// ---------------------------------------------------------------------------------------------
// Waits.

/// CreateThreadpoolWait: a wait object, not set.
#[export]
pub unsafe extern "win64" fn CreateThreadpoolWait(callback: usize, context: usize, env: usize) -> usize {
    // SAFETY: the program passes NULL or its callback environment.
    unsafe { create(Kind::Wait, callback, context, env) }
}

/// The WAIT_* value a wait callback receives.
fn wait_result(f: Fired) -> u32 {
    match f {
        Fired::Signaled { abandoned: false } => WAIT_OBJECT_0,
        Fired::Signaled { abandoned: true } => WAIT_ABANDONED_0,
        Fired::TimedOut => WAIT_TIMEOUT,
    }
}

/// Arm (or with a NULL handle, disarm) a wait; returns whether one was pending.
fn set_wait(o: &Arc<PoolObject>, h: HANDLE, due: Option<i64>) -> bool {
    let mut w = lock(&o.wait);
    w.generation += 1;
    let was = w.watch.take().is_some_and(watch::unwatch);
    if h.is_null() {
        return was;
    }
    let Ok(obj) = handles::resolve(h) else {
        log::warn!("SetThreadpoolWait: invalid handle {h:?}");
        return was;
    };
    let (weak, generation) = (Arc::downgrade(o), w.generation);
    let deadline = due.map(timer::due_instant);
    w.watch = Some(watch::watch(obj, deadline, move |fired| {
        let Some(o) = weak.upgrade() else { return };
        let mut w = lock(&o.wait);
        if w.generation == generation {
            w.watch = None;
            drop(w);
            o.queue(wait_result(fired));
        }
    }));
    was
}

/// SetThreadpoolWait: wait (once) for `h` to be signaled, or until `*timeout` (a FILETIME as
/// for timers; NULL: forever), then queue the callback with WAIT_OBJECT_0 or WAIT_TIMEOUT. A
/// NULL handle cancels the pending wait. The wait consumes the signal, as any wait does.
#[export]
pub unsafe extern "win64" fn SetThreadpoolWait(w: usize, h: HANDLE, timeout: *const FILETIME) {
    // SAFETY: the program passes a live wait and NULL or a FILETIME.
    unsafe { set_wait(&object(w), h, due(timeout)) };
}

/// SetThreadpoolWaitEx: SetThreadpoolWait, returning whether a wait was pending (and is now
/// replaced).
#[export]
pub unsafe extern "win64" fn SetThreadpoolWaitEx(
    w: usize,
    h: HANDLE,
    timeout: *const FILETIME,
    _reserved: usize,
) -> BOOL {
    // SAFETY: as SetThreadpoolWait.
    unsafe { set_wait(&object(w), h, due(timeout)) as BOOL }
}

/// WaitForThreadpoolWaitCallbacks: wait for the wait's callbacks to finish; with `cancel`,
/// those queued and not started never run.
#[export]
pub unsafe extern "win64" fn WaitForThreadpoolWaitCallbacks(w: usize, cancel: BOOL) {
    // SAFETY: the program passes a live wait.
    unsafe { object(w) }.quiesce(cancel != 0)
}

/// CloseThreadpoolWait: cancel the pending wait and release the object.
#[export]
pub unsafe extern "win64" fn CloseThreadpoolWait(w: usize) {
    // SAFETY: the program passes a live wait, for the last time.
    unsafe { close(w) }
}

// ---------------------------------------------------------------------------------------------
// Callback instances.

/// Apply `f` to the instance if it is a callback running on this thread.
fn with_instance(p: usize, f: impl FnOnce(&Instance)) {
    match Instance::from_ptr(p) {
        Some(i) => f(i),
        None => log::warn!("thread pool: {p:#x} is not a running callback of this thread"),
    }
}

/// SetEventWhenCallbackReturns: set `event` after the callback returns.
#[export]
pub extern "win64" fn SetEventWhenCallbackReturns(instance: usize, event: HANDLE) {
    with_instance(instance, |i| i.set_event_on_return(event))
}

/// ReleaseSemaphoreWhenCallbackReturns: release `sem` by `n` after the callback returns.
#[export]
pub extern "win64" fn ReleaseSemaphoreWhenCallbackReturns(instance: usize, sem: HANDLE, n: u32) {
    with_instance(instance, |i| i.release_semaphore_on_return(sem, n))
}

/// ReleaseMutexWhenCallbackReturns: release `mutex` after the callback returns.
#[export]
pub extern "win64" fn ReleaseMutexWhenCallbackReturns(instance: usize, mutex: HANDLE) {
    with_instance(instance, |i| i.release_mutex_on_return(mutex))
}

/// LeaveCriticalSectionWhenCallbackReturns: leave `cs` after the callback returns.
#[export]
pub extern "win64" fn LeaveCriticalSectionWhenCallbackReturns(instance: usize, cs: *mut CRITICAL_SECTION) {
    with_instance(instance, |i| i.leave_cs_on_return(cs))
}

/// FreeLibraryWhenCallbackReturns: FreeLibrary(`module`) after the callback returns.
#[export]
pub extern "win64" fn FreeLibraryWhenCallbackReturns(instance: usize, module: usize) {
    with_instance(instance, |i| i.free_library_on_return(module))
}

/// CallbackMayRunLong: TRUE (the pool starts another worker whenever none is idle).
#[export]
pub extern "win64" fn CallbackMayRunLong(_instance: usize) -> BOOL {
    TRUE
}

/// DisassociateCurrentThreadFromCallback: the callback counts as finished for those waiting
/// for its object's callbacks, though it runs on.
#[export]
pub extern "win64" fn DisassociateCurrentThreadFromCallback(instance: usize) {
    with_instance(instance, Instance::disassociate)
}

// ---------------------------------------------------------------------------------------------
// Pools.

/// A pool (CreateThreadpool): only its limits, which are recorded and not enforced.
pub struct Pool {
    limits: Mutex<(u32, u32)>,
}

/// CreateThreadpool: a new pool object (its objects share the process's workers).
#[export]
pub extern "win64" fn CreateThreadpool(_reserved: usize) -> usize {
    Box::into_raw(Box::new(Pool { limits: Mutex::new((0, workers::MAX_WORKERS as u32)) })) as usize
}

/// CloseThreadpool: release a pool.
#[export]
pub unsafe extern "win64" fn CloseThreadpool(pool: usize) {
    if pool != 0 {
        // SAFETY: a pool from CreateThreadpool, closed once.
        drop(unsafe { Box::from_raw(pool as *mut Pool) });
    }
}

/// SetThreadpoolThreadMaximum: record the pool's maximum.
#[export]
pub unsafe extern "win64" fn SetThreadpoolThreadMaximum(pool: usize, n: u32) {
    if pool != 0 {
        // SAFETY: a live pool.
        lock(&unsafe { &*(pool as *const Pool) }.limits).1 = n;
    }
}

/// SetThreadpoolThreadMinimum: record the pool's minimum (TRUE).
#[export]
pub unsafe extern "win64" fn SetThreadpoolThreadMinimum(pool: usize, n: u32) -> BOOL {
    if pool != 0 {
        // SAFETY: a live pool.
        lock(&unsafe { &*(pool as *const Pool) }.limits).0 = n;
    }
    TRUE
}

// ---------------------------------------------------------------------------------------------
// Cleanup groups.

/// A cleanup group: the objects created with it in their environment.
pub struct Group {
    members: Mutex<Vec<usize>>,
}

/// # Safety
/// `p` must come from CreateThreadpoolCleanupGroup and not be closed.
unsafe fn group_of(p: usize) -> Arc<Group> {
    // SAFETY: per the contract.
    unsafe {
        Arc::increment_strong_count(p as *const Group);
        Arc::from_raw(p as *const Group)
    }
}

/// CreateThreadpoolCleanupGroup: an empty group.
#[export]
pub extern "win64" fn CreateThreadpoolCleanupGroup() -> usize {
    Arc::into_raw(Arc::new(Group { members: Mutex::new(Vec::new()) })) as usize
}

/// CloseThreadpoolCleanupGroupMembers: wait for the callbacks of every member (with `cancel`,
/// those not started never run, and each member's cancel callback is called with its context
/// and `cleanup_context`), then close them all.
#[export]
pub unsafe extern "win64" fn CloseThreadpoolCleanupGroupMembers(group: usize, cancel: BOOL, cleanup_context: usize) {
    // SAFETY: the program passes a live group.
    let g = unsafe { group_of(group) };
    let members = std::mem::take(&mut *lock(&g.members));
    for &m in &members {
        // SAFETY: members are live objects: they leave the group when closed.
        let o = unsafe { object(m) };
        o.disarm();
        o.quiesce(cancel != 0);
        if cancel != 0 && o.cancel_callback != 0 {
            // SAFETY: the program's PTP_CLEANUP_GROUP_CANCEL_CALLBACK.
            let f: extern "win64" fn(usize, usize) = unsafe { std::mem::transmute(o.cancel_callback) };
            f(o.context, cleanup_context);
        }
    }
    for m in members {
        // SAFETY: the group closes its members, in the program's stead.
        drop(unsafe { Arc::from_raw(m as *const PoolObject) });
    }
}

/// CloseThreadpoolCleanupGroup: release the group (its members are left alone).
#[export]
pub unsafe extern "win64" fn CloseThreadpoolCleanupGroup(group: usize) {
    if group != 0 {
        // SAFETY: a group from CreateThreadpoolCleanupGroup, closed once.
        drop(unsafe { Arc::from_raw(group as *const Group) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static WORK_SUM: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn work_cb(inst: usize, ctx: usize, _work: usize) {
        assert!(Instance::from_ptr(inst).is_some());
        std::thread::sleep(Duration::from_millis(5));
        WORK_SUM.fetch_add(ctx, Ordering::SeqCst);
    }

    #[test]
    fn work_submit_wait_cancel_close() {
        teb::attach_current_thread();
        let w = unsafe { CreateThreadpoolWork(work_cb as *const () as usize, 3, 0) };
        assert_ne!(w, 0);
        for _ in 0..10 {
            unsafe { SubmitThreadpoolWork(w) };
        }
        unsafe { WaitForThreadpoolWorkCallbacks(w, FALSE) };
        assert_eq!(WORK_SUM.load(Ordering::SeqCst), 30);
        unsafe { CloseThreadpoolWork(w) };
        assert_eq!(unsafe { CreateThreadpoolWork(0, 0, 0) }, 0);
    }

    static TICKS: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn timer_cb(_inst: usize, _ctx: usize, _t: usize) {
        TICKS.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn timers_fire_and_stop() {
        teb::attach_current_thread();
        let t = unsafe { CreateThreadpoolTimer(timer_cb as *const () as usize, 0, 0) };
        let due = -(5 * 10_000i64);
        let ft = FILETIME { dwLowDateTime: due as u32, dwHighDateTime: (due >> 32) as u32 };
        assert_eq!(unsafe { IsThreadpoolTimerSet(t) }, FALSE);
        unsafe { SetThreadpoolTimer(t, &ft, 10, 0) };
        assert_eq!(unsafe { IsThreadpoolTimerSet(t) }, TRUE);
        let start = Instant::now();
        while TICKS.load(Ordering::SeqCst) < 3 {
            assert!(start.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(unsafe { SetThreadpoolTimerEx(t, std::ptr::null(), 0, 0) }, TRUE);
        unsafe { WaitForThreadpoolTimerCallbacks(t, TRUE) };
        let n = TICKS.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(40));
        assert_eq!(TICKS.load(Ordering::SeqCst), n, "stopped");
        unsafe { CloseThreadpoolTimer(t) };
    }

    static WAIT_RESULTS: Mutex<Vec<u32>> = Mutex::new(Vec::new());
    extern "win64" fn wait_cb(_inst: usize, ctx: usize, _w: usize, result: u32) {
        WAIT_RESULTS.lock().unwrap().push(result + ctx as u32);
    }

    #[test]
    fn waits_signal_and_time_out() {
        teb::attach_current_thread();
        let ev = unsafe { crate::synchapi::CreateEventW(std::ptr::null(), FALSE, FALSE, std::ptr::null()) };
        let w = unsafe { CreateThreadpoolWait(wait_cb as *const () as usize, 0, 0) };
        unsafe { SetThreadpoolWait(w, ev, std::ptr::null()) };
        crate::synchapi::SetEvent(ev);
        unsafe { WaitForThreadpoolWaitCallbacks(w, FALSE) };
        let start = Instant::now();
        while WAIT_RESULTS.lock().unwrap().is_empty() {
            assert!(start.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(1));
        }
        let due = -(10 * 10_000i64);
        let ft = FILETIME { dwLowDateTime: due as u32, dwHighDateTime: (due >> 32) as u32 };
        unsafe { SetThreadpoolWait(w, ev, &ft) };
        while WAIT_RESULTS.lock().unwrap().len() < 2 {
            assert!(start.elapsed() < Duration::from_secs(5));
            std::thread::sleep(Duration::from_millis(1));
        }
        assert_eq!(*WAIT_RESULTS.lock().unwrap(), [WAIT_OBJECT_0, WAIT_TIMEOUT]);
        unsafe { SetThreadpoolWait(w, ev, std::ptr::null()) };
        assert_eq!(unsafe { SetThreadpoolWaitEx(w, std::ptr::null_mut(), std::ptr::null(), 0) }, TRUE);
        unsafe { CloseThreadpoolWait(w) };
        crate::handleapi::CloseHandle(ev);
    }
}
