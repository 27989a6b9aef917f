//! The thread pool's machinery, shared by threadpoolapiset.h and the legacy API: worker
//! threads, the callbacks of one pool object ([`Tracker`]) and the instance a callback runs
//! with ([`Instance`]).
//!
//! Workers are PE threads (a TEB, DLL_THREAD_ATTACH/DETACH, as Windows pool threads have) that
//! take tasks from one queue. A worker starts when a task arrives and no worker is idle (up to
//! [`MAX_WORKERS`]); idle workers end after [`IDLE_EXIT`]. Workers do not keep the process
//! alive. All pools (CreateThreadpool) share these workers.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::sync::{Arc, Condvar, LazyLock, Mutex};
use std::time::Duration;
use syscall_shims::handles::{self, Object};
use syscall_shims::{sync, waitable};
use windows_sys::Win32::Foundation::HANDLE;
use windows_sys::Win32::System::Threading::CRITICAL_SECTION;

/// Workers at most (Windows' default maximum is 512).
pub const MAX_WORKERS: usize = 512;
/// An idle worker ends after this long without work.
pub const IDLE_EXIT: Duration = Duration::from_secs(30);

type Task = Box<dyn FnOnce() + Send>;

struct Workers {
    queue: VecDeque<Task>,
    total: usize,
    idle: usize,
}

static POOL: LazyLock<(Mutex<Workers>, Condvar)> =
    LazyLock::new(|| (Mutex::new(Workers { queue: VecDeque::new(), total: 0, idle: 0 }), Condvar::new()));

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Run `task` on a worker.
pub fn submit(task: impl FnOnce() + Send + 'static) {
    let (m, cv) = &*POOL;
    let mut w = lock(m);
    w.queue.push_back(Box::new(task));
    let start = w.idle < w.queue.len() && w.total < MAX_WORKERS;
    if start {
        w.total += 1;
    }
    drop(w);
    if start {
        syscall_shims::sync::going_multi_threaded();
        let r = dllcore::thread::spawn(worker_main, 0, 0, Box::new(waitable::exit_current_thread));
        if let Err(e) = r {
            log::warn!("thread pool: cannot start a worker: {e}");
            lock(m).total -= 1;
        }
    }
    cv.notify_one();
}

/// A worker thread (after DLL_THREAD_ATTACH): run tasks until idle for IDLE_EXIT.
extern "win64" fn worker_main(_: usize) -> u32 {
    crate::threads::mark_service_thread();
    let (m, cv) = &*POOL;
    let mut w = lock(m);
    loop {
        if let Some(t) = w.queue.pop_front() {
            drop(w);
            t();
            w = lock(m);
            continue;
        }
        w.idle += 1;
        let (g, timeout) = cv.wait_timeout(w, IDLE_EXIT).unwrap_or_else(|e| e.into_inner());
        w = g;
        w.idle -= 1;
        if timeout.timed_out() && w.queue.is_empty() {
            w.total -= 1;
            return 0;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The callbacks of one object.

#[derive(Default)]
struct TrackState {
    /// Bumped by a cancel: tasks queued under an older value do nothing.
    generation: u64,
    /// Callbacks queued and not started (under the current generation).
    queued: usize,
    /// Callbacks running (and not disassociated).
    running: usize,
    /// Events to set once nothing is queued or running.
    when_idle: Vec<Arc<Object>>,
}

/// The callbacks of one pool object (a work, a timer, a wait, a legacy registration).
#[derive(Default)]
pub struct Tracker {
    state: Mutex<TrackState>,
    idle: Condvar,
}

impl Tracker {
    pub fn new() -> Arc<Tracker> {
        Arc::new(Tracker::default())
    }

    /// Queue one callback: `f` runs on a worker with the instance to pass to the program,
    /// unless the queued callbacks are cancelled first.
    pub fn queue(self: &Arc<Self>, f: impl FnOnce(&Instance) + Send + 'static) {
        let generation = {
            let mut s = lock(&self.state);
            s.queued += 1;
            s.generation
        };
        let t = self.clone();
        submit(move || {
            {
                let mut s = lock(&t.state);
                if s.generation != generation {
                    return;
                }
                s.queued -= 1;
                s.running += 1;
            }
            let inst =
                Instance { tracker: t.clone(), actions: RefCell::new(Actions::default()), done: RefCell::new(false) };
            CURRENT.with(|c| c.borrow_mut().push(&inst as *const Instance as usize));
            f(&inst);
            CURRENT.with(|c| c.borrow_mut().pop());
            inst.finish();
        });
    }

    /// Drop the callbacks queued and not started.
    pub fn cancel_queued(&self) {
        let mut s = lock(&self.state);
        s.generation += 1;
        s.queued = 0;
        self.settle(&mut s);
    }

    /// Is a callback queued or running?
    pub fn busy(&self) -> bool {
        let s = lock(&self.state);
        s.queued + s.running > 0
    }

    /// Is a callback running?
    pub fn running(&self) -> bool {
        lock(&self.state).running > 0
    }

    /// Wait until nothing is queued or running. A callback waiting for its own object would
    /// wait forever, as on Windows.
    pub fn wait_idle(&self) {
        let mut s = lock(&self.state);
        while s.queued + s.running > 0 {
            s = self.idle.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Wait until no callback is running (queued ones may still start).
    pub fn wait_not_running(&self) {
        let mut s = lock(&self.state);
        while s.running > 0 {
            s = self.idle.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Set `event` once nothing is running (now, if nothing is).
    pub fn signal_when_not_running(&self, event: Arc<Object>) {
        let mut s = lock(&self.state);
        if s.running == 0 {
            drop(s);
            set_event(&event);
        } else {
            s.when_idle.push(event);
        }
    }

    fn settle(&self, s: &mut TrackState) {
        if s.running == 0 {
            for e in s.when_idle.drain(..) {
                set_event(&e);
            }
        }
        self.idle.notify_all();
    }

    fn callback_done(&self) {
        let mut s = lock(&self.state);
        s.running -= 1;
        self.settle(&mut s);
    }
}

fn set_event(e: &Object) {
    if let Object::Event(ev) = e {
        ev.set();
    }
}

// ---------------------------------------------------------------------------------------------
// Callback instances.

/// What the program asked to happen when its callback returns (one of each kind).
#[derive(Default)]
struct Actions {
    set_event: Option<HANDLE>,
    release_semaphore: Option<(HANDLE, u32)>,
    release_mutex: Option<HANDLE>,
    leave_cs: Option<usize>,
    free_library: Option<usize>,
}

/// A running callback: a PTP_CALLBACK_INSTANCE points at one.
pub struct Instance {
    tracker: Arc<Tracker>,
    actions: RefCell<Actions>,
    /// The callback counts as finished (DisassociateCurrentThreadFromCallback, or returned).
    done: RefCell<bool>,
}

thread_local! {
    /// The instances of the callbacks running on this thread (innermost last).
    static CURRENT: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

impl Instance {
    /// The instance a program passes back, if it is one running on this thread.
    pub fn from_ptr<'a>(p: usize) -> Option<&'a Instance> {
        // SAFETY: only pointers of instances alive on this thread's stack are dereferenced.
        CURRENT.with(|c| c.borrow().contains(&p)).then(|| unsafe { &*(p as *const Instance) })
    }

    pub fn as_ptr(&self) -> usize {
        self as *const Instance as usize
    }

    pub fn set_event_on_return(&self, h: HANDLE) {
        self.actions.borrow_mut().set_event = Some(h);
    }
    pub fn release_semaphore_on_return(&self, h: HANDLE, n: u32) {
        self.actions.borrow_mut().release_semaphore = Some((h, n));
    }
    pub fn release_mutex_on_return(&self, h: HANDLE) {
        self.actions.borrow_mut().release_mutex = Some(h);
    }
    pub fn leave_cs_on_return(&self, cs: *mut CRITICAL_SECTION) {
        self.actions.borrow_mut().leave_cs = Some(cs as usize);
    }
    pub fn free_library_on_return(&self, module: usize) {
        self.actions.borrow_mut().free_library = Some(module);
    }

    /// DisassociateCurrentThreadFromCallback: the callback counts as finished for those
    /// waiting on its object.
    pub fn disassociate(&self) {
        if !self.done.replace(true) {
            self.tracker.callback_done();
        }
    }

    /// The callback returned: its actions, in the documented order, then it is finished.
    fn finish(&self) {
        let a = std::mem::take(&mut *self.actions.borrow_mut());
        if let Some(cs) = a.leave_cs {
            // SAFETY: the program's critical section, held by this thread.
            unsafe { sync::cs_leave(cs as *mut CRITICAL_SECTION) };
        }
        if let Some(h) = a.release_mutex
            && let Ok(o) = handles::get(h)
            && let Object::Mutex(m) = &*o
        {
            let _ = m.release(sync::current_tid());
        }
        if let Some((h, n)) = a.release_semaphore
            && let Ok(o) = handles::get(h)
            && let Object::Semaphore(s) = &*o
        {
            let _ = s.release(n as i32);
        }
        if let Some(h) = a.set_event
            && let Ok(o) = handles::get(h)
        {
            set_event(&o);
        }
        if let Some(m) = a.free_library
            && let Some(l) = dllcore::loader_api::try_loader()
        {
            l.free_library(m);
        }
        self.disassociate();
    }
}
