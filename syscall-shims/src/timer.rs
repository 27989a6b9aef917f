//! The timer service: one host thread that runs callbacks at their due time (waitable timers,
//! thread-pool timers, timer queues). Callbacks run on the service thread, which runs no PE
//! code: they signal objects, queue APCs or hand work to the thread pool, and return quickly.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, LazyLock, Mutex};
use std::time::{Duration, Instant};

type Callback = Box<dyn FnOnce() + Send>;

struct Service {
    /// Due entries in order: (due, id) -> callback.
    queue: BTreeMap<(Instant, u64), Callback>,
    /// id -> due, to cancel.
    due: HashMap<u64, Instant>,
    started: bool,
}

static SERVICE: LazyLock<(Mutex<Service>, Condvar)> = LazyLock::new(|| {
    (Mutex::new(Service { queue: BTreeMap::new(), due: HashMap::new(), started: false }), Condvar::new())
});

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// An entry of the service, to cancel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TimerId(u64);

/// Run `f` on the service thread at `at` (at once if `at` has passed).
pub fn schedule(at: Instant, f: impl FnOnce() + Send + 'static) -> TimerId {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let (lock, cv) = &*SERVICE;
    let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
    s.queue.insert((at, id), Box::new(f));
    s.due.insert(id, at);
    if !s.started {
        s.started = true;
        crate::sync::going_multi_threaded();
        std::thread::Builder::new().name("wine-rs-timers".into()).spawn(run).expect("cannot start the timer thread");
    }
    drop(s);
    cv.notify_one();
    TimerId(id)
}

/// Remove an entry that has not run yet; false if it ran (or is running) already.
pub fn cancel(id: TimerId) -> bool {
    let mut s = SERVICE.0.lock().unwrap_or_else(|e| e.into_inner());
    match s.due.remove(&id.0) {
        Some(at) => s.queue.remove(&(at, id.0)).is_some(),
        None => false,
    }
}

fn run() {
    let (lock, cv) = &*SERVICE;
    let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        let now = Instant::now();
        match s.queue.first_key_value().map(|(k, _)| *k) {
            Some((at, id)) if at <= now => {
                let f = s.queue.remove(&(at, id)).expect("entry present");
                s.due.remove(&id);
                drop(s);
                f();
                s = lock.lock().unwrap_or_else(|e| e.into_inner());
            }
            Some((at, _)) => {
                let wait = at.saturating_duration_since(now).max(Duration::from_micros(1));
                s = cv.wait_timeout(s, wait).unwrap_or_else(|e| e.into_inner()).0;
            }
            None => s = cv.wait(s).unwrap_or_else(|e| e.into_inner()),
        }
    }
}

/// A Windows due time (in 100 ns units: negative relative to now, positive an absolute
/// FILETIME, 0 now) as an instant.
pub fn due_instant(due: i64) -> Instant {
    let now = Instant::now();
    if due < 0 {
        return now + Duration::from_nanos(due.unsigned_abs().saturating_mul(100));
    }
    let now_ft = crate::time::now_filetime() as i64;
    match due.checked_sub(now_ft) {
        Some(d) if d > 0 => now + Duration::from_nanos((d as u64).saturating_mul(100)),
        _ => now,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::mpsc;

    #[test]
    fn order_and_cancel() {
        let (tx, rx) = mpsc::channel();
        let now = Instant::now();
        for (ms, tag) in [(30u64, 3), (10, 1), (20, 2)] {
            let tx = tx.clone();
            schedule(now + Duration::from_millis(ms), move || tx.send(tag).unwrap());
        }
        let tx2 = tx.clone();
        let c = schedule(now + Duration::from_millis(15), move || tx2.send(99).unwrap());
        assert!(cancel(c));
        assert!(!cancel(c));
        let got: Vec<i32> = (0..3).map(|_| rx.recv_timeout(Duration::from_secs(5)).unwrap()).collect();
        assert_eq!(got, [1, 2, 3]);
        assert!(now.elapsed() >= Duration::from_millis(30));
        let ran = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let r = ran.clone();
        schedule(Instant::now() - Duration::from_millis(1), move || r.store(true, Ordering::SeqCst));
        std::thread::sleep(Duration::from_millis(50));
        assert!(ran.load(Ordering::SeqCst), "a past due time runs at once");
    }

    #[test]
    fn due_times() {
        let now = Instant::now();
        let rel = due_instant(-10_000 * 50);
        assert!(rel >= now + Duration::from_millis(50) && rel < now + Duration::from_millis(500));
        let abs = due_instant(crate::time::now_filetime() as i64 + 10_000 * 100);
        assert!(abs > now + Duration::from_millis(50));
        assert!(due_instant(0) <= Instant::now());
    }
}
