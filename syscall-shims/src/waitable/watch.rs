//! Watching objects for other threads: "call this when the object is signaled, or at this
//! deadline" (thread-pool waits, RegisterWaitForSingleObject). Like the Windows thread pool's
//! wait threads, each watcher thread waits on up to 63 objects at once plus a control event
//! that tells it its list changed; a new watcher starts when all are full. The wait is an
//! ordinary wait-any, so it consumes what it waits for (an auto-reset event's signal, a
//! semaphore unit), as on Windows. Callbacks run on the watcher thread: they only hand work
//! to the thread pool.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex as StdMutex};
use std::time::Instant;

use super::{Event, MAX_WAIT_OBJECTS, WaitResult, wait_ex};
use crate::handles::Object;

/// What a watch reports: the object was signaled (`abandoned`: a mutex whose owner died), or
/// the deadline passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fired {
    Signaled { abandoned: bool },
    TimedOut,
}

type Callback = Box<dyn FnOnce(Fired) + Send>;

struct Watch {
    id: u64,
    obj: Arc<Object>,
    deadline: Option<Instant>,
    callback: Callback,
}

struct Watcher {
    control: Arc<Object>,
    watches: StdMutex<Vec<Watch>>,
}

/// An entry, to cancel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WatchId(u64);

static WATCHERS: LazyLock<StdMutex<Vec<Arc<Watcher>>>> = LazyLock::new(Default::default);
static NEXT: AtomicU64 = AtomicU64::new(1);

/// One slot of the wait is the control event.
const PER_WATCHER: usize = MAX_WAIT_OBJECTS - 1;

fn control_of(w: &Watcher) -> &Event {
    match &*w.control {
        Object::Event(e) => e,
        _ => unreachable!("control is an event"),
    }
}

/// Call `callback` once, on a watcher thread, when `obj` is signaled (consuming the signal as
/// a wait does) or when `deadline` passes, whichever comes first.
pub fn watch(obj: Arc<Object>, deadline: Option<Instant>, callback: impl FnOnce(Fired) + Send + 'static) -> WatchId {
    let id = NEXT.fetch_add(1, Ordering::Relaxed);
    let entry = Watch { id, obj, deadline, callback: Box::new(callback) };
    let mut all = WATCHERS.lock().unwrap_or_else(|e| e.into_inner());
    let w = match all.iter().find(|w| w.watches.lock().unwrap_or_else(|e| e.into_inner()).len() < PER_WATCHER) {
        Some(w) => w.clone(),
        None => {
            let w = Arc::new(Watcher {
                control: Arc::new(Object::Event(Event::new(false, false))),
                watches: StdMutex::new(Vec::new()),
            });
            let w2 = w.clone();
            crate::sync::going_multi_threaded();
            std::thread::Builder::new()
                .name("wine-rs-waits".into())
                .spawn(move || run(&w2))
                .expect("cannot start a wait thread");
            all.push(w.clone());
            w
        }
    };
    w.watches.lock().unwrap_or_else(|e| e.into_inner()).push(entry);
    drop(all);
    control_of(&w).set();
    WatchId(id)
}

/// Cancel a watch; false if it has fired already (its callback has run or is running).
pub fn unwatch(id: WatchId) -> bool {
    let all = WATCHERS.lock().unwrap_or_else(|e| e.into_inner());
    for w in all.iter() {
        let mut ws = w.watches.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(i) = ws.iter().position(|x| x.id == id.0) {
            let removed = ws.remove(i);
            drop(ws);
            control_of(w).set();
            drop(removed);
            return true;
        }
    }
    false
}

/// Take watch `id` out of the list (it fires now), if it is still there.
fn take(w: &Watcher, id: u64) -> Option<Watch> {
    let mut ws = w.watches.lock().unwrap_or_else(|e| e.into_inner());
    let i = ws.iter().position(|x| x.id == id)?;
    Some(ws.remove(i))
}

fn run(w: &Watcher) {
    loop {
        let (objs, ids, deadline) = {
            let ws = w.watches.lock().unwrap_or_else(|e| e.into_inner());
            let mut objs = vec![w.control.clone()];
            objs.extend(ws.iter().map(|x| x.obj.clone()));
            let ids: Vec<u64> = ws.iter().map(|x| x.id).collect();
            (objs, ids, ws.iter().filter_map(|x| x.deadline).min())
        };
        let r = wait_ex(&objs, false, deadline, false, None).unwrap_or(WaitResult::Timeout);
        let fired = match r {
            WaitResult::Signaled(0) | WaitResult::IoCompletion => continue,
            WaitResult::Signaled(i) => vec![(ids[i - 1], Fired::Signaled { abandoned: false })],
            WaitResult::Abandoned(i) => vec![(ids[i - 1], Fired::Signaled { abandoned: true })],
            WaitResult::Timeout => {
                let now = Instant::now();
                let ws = w.watches.lock().unwrap_or_else(|e| e.into_inner());
                ws.iter().filter(|x| x.deadline.is_some_and(|d| d <= now)).map(|x| (x.id, Fired::TimedOut)).collect()
            }
        };
        for (id, how) in fired {
            // Cancelled meanwhile: the signal we consumed is lost, as when Windows' wait thread
            // satisfies a wait that is being unregistered.
            if let Some(x) = take(w, id) {
                (x.callback)(how);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn signal_timeout_and_cancel() {
        let (tx, rx) = mpsc::channel();
        let e = Arc::new(Object::Event(Event::new(false, false)));
        let tx1 = tx.clone();
        watch(e.clone(), None, move |f| tx1.send((1, f)).unwrap());
        let tx2 = tx.clone();
        watch(e.clone(), Some(Instant::now() + Duration::from_millis(30)), move |f| tx2.send((2, f)).unwrap());
        let tx3 = tx.clone();
        let c = watch(e.clone(), None, move |f| tx3.send((3, f)).unwrap());
        assert!(unwatch(c));
        assert!(!unwatch(c));
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), (2, Fired::TimedOut));
        if let Object::Event(ev) = &*e {
            ev.set();
        }
        assert_eq!(rx.recv_timeout(Duration::from_secs(5)).unwrap(), (1, Fired::Signaled { abandoned: false }));
        assert!(rx.recv_timeout(Duration::from_millis(50)).is_err(), "the cancelled watch never fires");
        if let Object::Event(ev) = &*e {
            assert!(!ev.is_set(), "the watch consumed the auto-reset signal");
        }
    }

    #[test]
    fn more_than_one_watcher() {
        let (tx, rx) = mpsc::channel();
        let evs: Vec<_> = (0..100).map(|_| Arc::new(Object::Event(Event::new(true, false)))).collect();
        for (i, e) in evs.iter().enumerate() {
            let tx = tx.clone();
            watch(e.clone(), None, move |_| tx.send(i).unwrap());
        }
        for e in &evs {
            if let Object::Event(ev) = &**e {
                ev.set();
            }
        }
        let mut got: Vec<usize> = (0..100).map(|_| rx.recv_timeout(Duration::from_secs(5)).unwrap()).collect();
        got.sort();
        assert_eq!(got, (0..100).collect::<Vec<_>>());
    }
}
