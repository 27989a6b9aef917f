//! threadpoollegacyapiset.h: the thread pool's older interface - QueueUserWorkItem,
//! RegisterWaitForSingleObject and timer queues - on the same workers as the new one
//! (`threadpool::workers`). Callbacks always run on a worker: WT_EXECUTEINWAITTHREAD,
//! WT_EXECUTEINTIMERTHREAD and WT_EXECUTEINPERSISTENTTHREAD are accepted, but the callback
//! runs on a pool thread like any other.
//!
//! A wait handle, timer queue or timer-queue timer is a pointer to the object below (not a
//! kernel handle, as on Windows); deleting it releases the program's reference.

use crate::threadpool::workers::Tracker;
use dllcore::{export, teb};
use std::sync::{Arc, LazyLock, Mutex, Weak};
use std::time::{Duration, Instant};
use syscall_shims::handles::{self, Object};
use syscall_shims::timer::{self, TimerId};
use syscall_shims::waitable::watch::{self, Fired};
use windows_sys::Win32::Foundation::{
    ERROR_INVALID_HANDLE, ERROR_INVALID_PARAMETER, ERROR_IO_PENDING, FALSE, HANDLE, TRUE,
};
use windows_sys::core::BOOL;

/// WT_EXECUTEONLYONCE.
const WT_EXECUTEONLYONCE: u32 = 8;
/// INVALID_HANDLE_VALUE as a completion event: wait for the callbacks.
const WAIT_FOR_CALLBACKS: HANDLE = -1isize as HANDLE;

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Call a WAITORTIMERCALLBACK(context, timer_or_wait_fired).
fn call_wait_or_timer(callback: usize, context: usize, fired: bool) {
    // SAFETY: the program's WAITORTIMERCALLBACK.
    let f: extern "win64" fn(usize, u8) = unsafe { std::mem::transmute(callback) };
    f(context, fired as u8)
}

/// QueueUserWorkItem: run `func(context)` (an LPTHREAD_START_ROUTINE) on the pool. The flags
/// (WT_EXECUTELONGFUNCTION and the others) are accepted.
#[export]
pub extern "win64" fn QueueUserWorkItem(func: usize, context: usize, _flags: u32) -> BOOL {
    if func == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    crate::threadpool::workers::submit(move || {
        // SAFETY: the program's LPTHREAD_START_ROUTINE.
        let f: extern "win64" fn(usize) -> u32 = unsafe { std::mem::transmute(func) };
        f(context);
    });
    TRUE
}

/// How a deletion finishes with the callbacks still running (UnregisterWaitEx,
/// DeleteTimerQueueTimer, DeleteTimerQueueEx): INVALID_HANDLE_VALUE waits for them (queued
/// ones are dropped) and succeeds; otherwise the call returns at once, an event being set when
/// they are done, and reports FALSE with ERROR_IO_PENDING while one runs. As in Wine, a
/// timer deletion without an event always reports ERROR_IO_PENDING.
fn complete_deletion(trackers: Vec<Arc<Tracker>>, event: HANDLE, timers: bool) -> BOOL {
    if event == WAIT_FOR_CALLBACKS {
        for t in &trackers {
            t.cancel_queued();
            t.wait_idle();
        }
        return TRUE;
    }
    let running = trackers.iter().any(|t| t.running());
    if !event.is_null() {
        let Ok(ev) = handles::get(event) else { return teb::fail(ERROR_INVALID_HANDLE, FALSE) };
        match trackers.as_slice() {
            [] => set(&ev),
            [t] => t.signal_when_not_running(ev),
            _ => crate::threadpool::workers::submit(move || {
                trackers.iter().for_each(|t| t.wait_not_running());
                set(&ev)
            }),
        }
    }
    if running || (timers && event.is_null()) { teb::fail(ERROR_IO_PENDING, FALSE) } else { TRUE }
}

fn set(e: &Object) {
    if let Object::Event(ev) = e {
        ev.set();
    }
}

// ---------------------------------------------------------------------------------------------
// RegisterWaitForSingleObject.

struct RegState {
    generation: u64,
    watch: Option<watch::WatchId>,
    active: bool,
}

/// A registered wait.
struct Registration {
    obj: Arc<Object>,
    callback: usize,
    context: usize,
    timeout_ms: u32,
    once: bool,
    tracker: Arc<Tracker>,
    state: Mutex<RegState>,
}

/// Start (again) waiting for the registration's object.
fn arm(r: &Arc<Registration>) {
    let mut s = lock(&r.state);
    if !s.active {
        return;
    }
    s.generation += 1;
    let (weak, generation) = (Arc::downgrade(r), s.generation);
    let deadline = syscall_shims::sync::deadline_ms(r.timeout_ms);
    s.watch = Some(watch::watch(r.obj.clone(), deadline, move |fired| fire(weak, generation, fired)));
}

fn fire(weak: Weak<Registration>, generation: u64, fired: Fired) {
    let Some(r) = weak.upgrade() else { return };
    {
        let mut s = lock(&r.state);
        if s.generation != generation || !s.active {
            return;
        }
        s.watch = None;
        if r.once {
            s.active = false;
        }
    }
    let (cb, ctx, timed_out) = (r.callback, r.context, fired == Fired::TimedOut);
    r.tracker.queue(move |_| call_wait_or_timer(cb, ctx, timed_out));
    if !r.once {
        arm(&r);
    }
}

/// RegisterWaitForSingleObject: call `callback(context, timed_out)` on the pool each time
/// `h` is signaled (the wait consumes the signal) or `ms` pass without it, until
/// UnregisterWait(Ex); only once with WT_EXECUTEONLYONCE. `*out` receives the wait handle.
#[export]
pub unsafe extern "win64" fn RegisterWaitForSingleObject(
    out: *mut usize,
    h: HANDLE,
    callback: usize,
    context: usize,
    ms: u32,
    flags: u32,
) -> BOOL {
    if out.is_null() || callback == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    let obj = match handles::resolve(h) {
        Ok(o) => o,
        Err(e) => return teb::fail(e, FALSE),
    };
    let r = Arc::new(Registration {
        obj,
        callback,
        context,
        timeout_ms: ms,
        once: flags & WT_EXECUTEONLYONCE != 0,
        tracker: Tracker::new(),
        state: Mutex::new(RegState { generation: 0, watch: None, active: true }),
    });
    arm(&r);
    // SAFETY: the program passes a HANDLE to fill.
    unsafe { *out = Arc::into_raw(r) as usize };
    TRUE
}

/// UnregisterWaitEx: stop the registered wait and release its handle. `event`:
/// INVALID_HANDLE_VALUE waits for running callbacks (queued ones are dropped); an event is set
/// when they finish; with an event or NULL the call returns at once, FALSE with
/// ERROR_IO_PENDING if a callback is running (the wait is unregistered all the same).
#[export]
pub unsafe extern "win64" fn UnregisterWaitEx(wait: usize, event: HANDLE) -> BOOL {
    if wait == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: a handle from RegisterWaitForSingleObject, released once.
    let r = unsafe { Arc::from_raw(wait as *const Registration) };
    {
        let mut s = lock(&r.state);
        s.active = false;
        s.generation += 1;
        if let Some(id) = s.watch.take() {
            watch::unwatch(id);
        }
    }
    complete_deletion(vec![r.tracker.clone()], event, false)
}

/// UnregisterWait: UnregisterWaitEx without a completion event.
#[export]
pub unsafe extern "win64" fn UnregisterWait(wait: usize) -> BOOL {
    // SAFETY: as UnregisterWaitEx.
    unsafe { UnregisterWaitEx(wait, std::ptr::null_mut()) }
}

// ---------------------------------------------------------------------------------------------
// Timer queues.

struct TimerState {
    generation: u64,
    entry: Option<TimerId>,
}

/// A timer-queue timer.
struct QueueTimer {
    callback: usize,
    param: usize,
    once: bool,
    tracker: Arc<Tracker>,
    state: Mutex<TimerState>,
}

/// A timer queue: its timers.
struct TimerQueue {
    timers: Mutex<Vec<Arc<QueueTimer>>>,
}

/// The queue a NULL queue handle means.
static DEFAULT_QUEUE: LazyLock<Arc<TimerQueue>> =
    LazyLock::new(|| Arc::new(TimerQueue { timers: Mutex::new(Vec::new()) }));

/// # Safety
/// `q` must be 0 or come from CreateTimerQueue and not be deleted.
unsafe fn queue_of(q: usize) -> Arc<TimerQueue> {
    if q == 0 {
        return DEFAULT_QUEUE.clone();
    }
    // SAFETY: per the contract.
    unsafe {
        Arc::increment_strong_count(q as *const TimerQueue);
        Arc::from_raw(q as *const TimerQueue)
    }
}

fn schedule(t: &Arc<QueueTimer>, s: &mut TimerState, at: Instant, period: Duration) {
    if let Some(e) = s.entry.take() {
        timer::cancel(e);
    }
    s.generation += 1;
    let (w, g) = (Arc::downgrade(t), s.generation);
    s.entry = Some(timer::schedule(at, move || fire_timer(w, g, at, period)));
}

fn fire_timer(w: Weak<QueueTimer>, generation: u64, at: Instant, period: Duration) {
    let Some(t) = w.upgrade() else { return };
    let mut s = lock(&t.state);
    if s.generation != generation {
        return;
    }
    let (cb, param) = (t.callback, t.param);
    t.tracker.queue(move |_| call_wait_or_timer(cb, param, true));
    if period.is_zero() || t.once {
        s.entry = None;
    } else {
        let next = (at + period).max(Instant::now());
        let (w, g) = (Arc::downgrade(&t), s.generation);
        s.entry = Some(timer::schedule(next, move || fire_timer(w, g, next, period)));
    }
}

fn ms(n: u32) -> Duration {
    Duration::from_millis(n as u64)
}

/// CreateTimerQueue: a new, empty timer queue.
#[export]
pub extern "win64" fn CreateTimerQueue() -> usize {
    Arc::into_raw(Arc::new(TimerQueue { timers: Mutex::new(Vec::new()) })) as usize
}

/// CreateTimerQueueTimer: in `queue` (NULL: the default one), call `callback(param, TRUE)` on
/// the pool after `due` ms, then every `period` ms if not 0 (once with WT_EXECUTEONLYONCE).
/// `*out` receives the timer's handle.
#[export]
pub unsafe extern "win64" fn CreateTimerQueueTimer(
    out: *mut usize,
    queue: usize,
    callback: usize,
    param: usize,
    due: u32,
    period: u32,
    flags: u32,
) -> BOOL {
    if out.is_null() || callback == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: the program passes NULL or its queue.
    let q = unsafe { queue_of(queue) };
    let t = Arc::new(QueueTimer {
        callback,
        param,
        once: flags & WT_EXECUTEONLYONCE != 0,
        tracker: Tracker::new(),
        state: Mutex::new(TimerState { generation: 0, entry: None }),
    });
    schedule(&t, &mut lock(&t.state), Instant::now() + ms(due), ms(period));
    lock(&q.timers).push(t.clone());
    // SAFETY: the program passes a HANDLE to fill.
    unsafe { *out = Arc::into_raw(t) as usize };
    TRUE
}

/// ChangeTimerQueueTimer: fire next after `due` ms, then every `period` ms.
#[export]
pub unsafe extern "win64" fn ChangeTimerQueueTimer(_queue: usize, t: usize, due: u32, period: u32) -> BOOL {
    if t == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: a live timer from CreateTimerQueueTimer.
    let t = unsafe {
        Arc::increment_strong_count(t as *const QueueTimer);
        Arc::from_raw(t as *const QueueTimer)
    };
    schedule(&t, &mut lock(&t.state), Instant::now() + ms(due), ms(period));
    TRUE
}

/// Stop a timer from firing again.
fn stop(t: &QueueTimer) {
    let mut s = lock(&t.state);
    s.generation += 1;
    if let Some(e) = s.entry.take() {
        timer::cancel(e);
    }
}

/// DeleteTimerQueueTimer: stop the timer and release its handle; `event` as for
/// UnregisterWaitEx (INVALID_HANDLE_VALUE waits for its callbacks, an event is set after
/// them), except that NULL always reports ERROR_IO_PENDING, as in Wine.
#[export]
pub unsafe extern "win64" fn DeleteTimerQueueTimer(queue: usize, t: usize, event: HANDLE) -> BOOL {
    if t == 0 {
        return teb::fail(ERROR_INVALID_PARAMETER, FALSE);
    }
    // SAFETY: a timer from CreateTimerQueueTimer, released once.
    let t = unsafe { Arc::from_raw(t as *const QueueTimer) };
    stop(&t);
    // SAFETY: the program passes NULL or its queue.
    lock(&unsafe { queue_of(queue) }.timers).retain(|x| !Arc::ptr_eq(x, &t));
    complete_deletion(vec![t.tracker.clone()], event, true)
}

/// DeleteTimerQueueEx: delete every timer of the queue and the queue; `event` as for
/// DeleteTimerQueueTimer, for all of their callbacks.
#[export]
pub unsafe extern "win64" fn DeleteTimerQueueEx(queue: usize, event: HANDLE) -> BOOL {
    if queue == 0 {
        return teb::fail(ERROR_INVALID_HANDLE, FALSE);
    }
    // SAFETY: a queue from CreateTimerQueue, released once.
    let q = unsafe { Arc::from_raw(queue as *const TimerQueue) };
    let timers = std::mem::take(&mut *lock(&q.timers));
    timers.iter().for_each(|t| stop(t));
    complete_deletion(timers.iter().map(|t| t.tracker.clone()).collect(), event, true)
}

/// DeleteTimerQueue: DeleteTimerQueueEx without a completion event.
#[export]
pub unsafe extern "win64" fn DeleteTimerQueue(queue: usize) -> BOOL {
    // SAFETY: as DeleteTimerQueueEx.
    unsafe { DeleteTimerQueueEx(queue, std::ptr::null_mut()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synchapi::{CreateEventW, SetEvent, WaitForSingleObject};
    use std::sync::atomic::{AtomicUsize, Ordering};
    use windows_sys::Win32::Foundation::WAIT_OBJECT_0;

    static WORK: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn work(n: usize) -> u32 {
        WORK.fetch_add(n, Ordering::SeqCst);
        0
    }

    fn wait_for(f: impl Fn() -> bool) {
        let start = Instant::now();
        while !f() {
            assert!(start.elapsed() < Duration::from_secs(5), "timed out");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn queue_user_work_item() {
        teb::attach_current_thread();
        for i in 1..=10 {
            assert_eq!(QueueUserWorkItem(work as *const () as usize, i, 0), TRUE);
        }
        wait_for(|| WORK.load(Ordering::SeqCst) == 55);
    }

    static WAITS: Mutex<Vec<u8>> = Mutex::new(Vec::new());
    extern "win64" fn on_wait(ctx: usize, timed_out: u8) {
        WAITS.lock().unwrap().push(timed_out + ctx as u8);
    }

    #[test]
    fn registered_waits_repeat_until_unregistered() {
        teb::attach_current_thread();
        let ev = unsafe { CreateEventW(std::ptr::null(), FALSE, FALSE, std::ptr::null()) };
        let mut h = 0usize;
        assert_eq!(
            unsafe { RegisterWaitForSingleObject(&mut h, ev, on_wait as *const () as usize, 0, u32::MAX, 0) },
            TRUE
        );
        SetEvent(ev);
        wait_for(|| WAITS.lock().unwrap().len() == 1);
        SetEvent(ev);
        wait_for(|| WAITS.lock().unwrap().len() == 2);
        assert_eq!(unsafe { UnregisterWaitEx(h, WAIT_FOR_CALLBACKS) }, TRUE);
        SetEvent(ev);
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(WAITS.lock().unwrap().len(), 2);
        assert_eq!(WaitForSingleObject(ev, 0), WAIT_OBJECT_0, "nobody consumes it now");
        // Once, with a timeout.
        let mut h2 = 0usize;
        unsafe { RegisterWaitForSingleObject(&mut h2, ev, on_wait as *const () as usize, 10, 20, WT_EXECUTEONLYONCE) };
        wait_for(|| WAITS.lock().unwrap().len() == 3);
        assert_eq!(WAITS.lock().unwrap()[2], 11, "timed out");
        assert_eq!(unsafe { UnregisterWait(h2) }, TRUE);
        crate::handleapi::CloseHandle(ev);
    }

    static FIRES: AtomicUsize = AtomicUsize::new(0);
    extern "win64" fn on_timer(param: usize, fired: u8) {
        assert_eq!((param, fired), (7, 1));
        FIRES.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn timer_queues() {
        teb::attach_current_thread();
        let q = CreateTimerQueue();
        let (mut t1, mut t2) = (0usize, 0usize);
        let cb = on_timer as *const () as usize;
        assert_eq!(unsafe { CreateTimerQueueTimer(&mut t1, q, cb, 7, 5, 5, 0) }, TRUE);
        assert_eq!(unsafe { CreateTimerQueueTimer(&mut t2, 0, cb, 7, 1, 0, 0) }, TRUE);
        wait_for(|| FIRES.load(Ordering::SeqCst) >= 4);
        assert_eq!(unsafe { DeleteTimerQueueTimer(0, t2, WAIT_FOR_CALLBACKS) }, TRUE);
        let done = unsafe { CreateEventW(std::ptr::null(), TRUE, FALSE, std::ptr::null()) };
        let r = unsafe { DeleteTimerQueueEx(q, done) };
        assert!(r == TRUE || crate::errhandlingapi::GetLastError() == ERROR_IO_PENDING);
        assert_eq!(WaitForSingleObject(done, 5000), WAIT_OBJECT_0);
        let n = FIRES.load(Ordering::SeqCst);
        std::thread::sleep(Duration::from_millis(30));
        assert_eq!(FIRES.load(Ordering::SeqCst), n, "deleted");
        crate::handleapi::CloseHandle(done);
    }
}
