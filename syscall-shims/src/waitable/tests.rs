use super::*;
use std::sync::atomic::AtomicUsize;
use std::time::{Duration, Instant};
use windows_sys::Win32::Foundation::{ERROR_INVALID_HANDLE, ERROR_NOT_OWNER, ERROR_TOO_MANY_POSTS};

const ZERO: Option<Duration> = Some(Duration::ZERO);

fn ms(n: u64) -> Option<Duration> {
    Some(Duration::from_millis(n))
}

/// Wait on one object.
fn wait1(o: &Arc<Object>, timeout: Option<Duration>) -> WaitResult {
    wait(std::slice::from_ref(o), false, timeout)
}

fn event(manual: bool, initial: bool) -> Arc<Object> {
    Arc::new(Object::Event(Event::new(manual, initial)))
}

fn semaphore(initial: i32, max: i32) -> Arc<Object> {
    Arc::new(Object::Semaphore(Semaphore::new(initial, max).unwrap()))
}

fn ev(o: &Object) -> &Event {
    match o {
        Object::Event(e) => e,
        _ => panic!("not an event"),
    }
}

fn sem(o: &Object) -> &Semaphore {
    match o {
        Object::Semaphore(s) => s,
        _ => panic!("not a semaphore"),
    }
}

fn mutex(o: &Object) -> &Mutex {
    match o {
        Object::Mutex(m) => m,
        _ => panic!("not a mutex"),
    }
}

#[test]
fn auto_and_manual_events() {
    let auto = event(false, true);
    assert_eq!(wait1(&auto, ZERO), WaitResult::Signaled(0));
    assert_eq!(wait1(&auto, ZERO), WaitResult::Timeout, "auto-reset consumed");
    let manual = event(true, true);
    for _ in 0..3 {
        assert_eq!(wait1(&manual, ZERO), WaitResult::Signaled(0));
    }
    ev(&manual).reset();
    assert_eq!(wait1(&manual, ZERO), WaitResult::Timeout);

    // SetEvent from another thread wakes a waiter; an auto event releases exactly one of two.
    let released = Arc::new(AtomicUsize::new(0));
    let waiters: Vec<_> = (0..2)
        .map(|_| {
            let (e, r) = (auto.clone(), released.clone());
            std::thread::spawn(move || {
                if wait(&[e], false, ms(400)) == WaitResult::Signaled(0) {
                    r.fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(50));
    ev(&auto).set();
    for w in waiters {
        w.join().unwrap();
    }
    assert_eq!(released.load(Ordering::SeqCst), 1);
    assert!(!ev(&auto).is_set());
}

#[test]
fn timeouts_are_honoured() {
    let e = event(true, false);
    let t = Instant::now();
    assert_eq!(wait1(&e, ms(60)), WaitResult::Timeout);
    let took = t.elapsed();
    assert!(took >= Duration::from_millis(60) && took < Duration::from_secs(2), "{took:?}");
    let t = Instant::now();
    assert_eq!(wait(&[e.clone(), event(false, false)], true, ms(30)), WaitResult::Timeout);
    assert!(t.elapsed() >= Duration::from_millis(30));
}

#[test]
fn wait_any_reports_lowest_signaled_index() {
    let objs = [event(true, false), event(true, true), event(true, true)];
    assert_eq!(wait(&objs, false, ZERO), WaitResult::Signaled(1));
    ev(&objs[0]).set();
    assert_eq!(wait(&objs, false, ZERO), WaitResult::Signaled(0));
    // Duplicates are fine in a wait-any.
    let a = event(false, true);
    assert_eq!(wait(&[a.clone(), a.clone()], false, ZERO), WaitResult::Signaled(0));
}

#[test]
fn wait_all_consumes_nothing_until_all_are_signaled() {
    let s = semaphore(1, 5);
    let e = event(false, false);
    let objs = [s.clone(), e.clone()];
    assert_eq!(wait(&objs, true, ZERO), WaitResult::Timeout);
    assert_eq!(sem(&s).count(), 1, "a failed wait-all takes no unit");

    let objs2 = objs.clone();
    let t = std::thread::spawn(move || wait(&objs2, true, ms(2000)));
    std::thread::sleep(Duration::from_millis(30));
    ev(&e).set();
    assert_eq!(t.join().unwrap(), WaitResult::Signaled(0));
    assert_eq!(sem(&s).count(), 0);
    assert!(!ev(&e).is_set());

    // An object listed twice is consumed once.
    let s2 = semaphore(1, 5);
    assert_eq!(wait(&[s2.clone(), s2.clone()], true, ZERO), WaitResult::Signaled(0));
    assert_eq!(sem(&s2).count(), 0);
}

#[test]
fn wait_all_against_wait_any_competitors() {
    // Two semaphores; one thread wants both, others take single units. Every unit is taken
    // exactly once, and the wait-all thread never holds one without the other.
    let a = semaphore(0, 1000);
    let b = semaphore(0, 1000);
    let taken = Arc::new(AtomicUsize::new(0));
    let mut threads = Vec::new();
    for i in 0..3 {
        let (a, b, taken) = (a.clone(), b.clone(), taken.clone());
        threads.push(std::thread::spawn(move || {
            loop {
                let r = if i == 0 {
                    wait(&[a.clone(), b.clone()], true, ms(1000))
                } else {
                    wait(&[a.clone(), b.clone()], false, ms(1000))
                };
                match r {
                    WaitResult::Timeout => break,
                    _ => taken.fetch_add(if i == 0 { 2 } else { 1 }, Ordering::SeqCst),
                };
            }
        }));
    }
    for _ in 0..200 {
        sem(&a).release(1).unwrap();
        sem(&b).release(1).unwrap();
    }
    for t in threads {
        t.join().unwrap();
    }
    assert_eq!(taken.load(Ordering::SeqCst), 400);
    assert_eq!((sem(&a).count(), sem(&b).count()), (0, 0));
}

#[test]
fn semaphore_counts() {
    assert_eq!(Semaphore::new(3, 2).unwrap_err(), ERROR_INVALID_PARAMETER);
    assert_eq!(Semaphore::new(0, 0).unwrap_err(), ERROR_INVALID_PARAMETER);
    assert_eq!(Semaphore::new(-1, 2).unwrap_err(), ERROR_INVALID_PARAMETER);
    let s = semaphore(1, 2);
    assert_eq!(sem(&s).release(2), Err(ERROR_TOO_MANY_POSTS));
    assert_eq!(sem(&s).count(), 1, "a refused release changes nothing");
    assert_eq!(sem(&s).release(0), Ok(1), "0 reads the count");
    assert_eq!(sem(&s).release(-1), Err(ERROR_TOO_MANY_POSTS));
    assert_eq!(sem(&s).release(1), Ok(1));
    assert_eq!(wait1(&s, ZERO), WaitResult::Signaled(0));
    assert_eq!(wait1(&s, ZERO), WaitResult::Signaled(0));
    assert_eq!(wait1(&s, ZERO), WaitResult::Timeout);
    assert_eq!(sem(&s).release(2), Ok(0));
}

#[test]
fn mutex_recursion_and_ownership() {
    let m = new_mutex(true);
    let me = crate::sync::current_tid();
    assert_eq!(mutex(&m).owner(), (me, 1));
    assert_eq!(wait1(&m, ZERO), WaitResult::Signaled(0));
    assert_eq!(mutex(&m).owner(), (me, 2));
    // Another thread cannot take it, nor release it.
    let m2 = m.clone();
    let other = std::thread::spawn(move || (wait1(&m2, ms(20)), mutex(&m2).release(crate::sync::current_tid())));
    assert_eq!(other.join().unwrap(), (WaitResult::Timeout, Err(ERROR_NOT_OWNER)));
    mutex(&m).release(me).unwrap();
    mutex(&m).release(me).unwrap();
    assert_eq!(mutex(&m).release(me), Err(ERROR_NOT_OWNER));
    assert_eq!(mutex(&m).owner(), (0, 0));
    let m2 = m.clone();
    let other = std::thread::spawn(move || {
        let r = wait1(&m2, ZERO);
        mutex(&m2).release(crate::sync::current_tid()).unwrap();
        r
    });
    assert_eq!(other.join().unwrap(), WaitResult::Signaled(0));
}

#[test]
fn mutex_abandoned_when_owner_exits() {
    let m = new_mutex(false);
    let s = semaphore(0, 1);
    // The owner ends through exit_current_thread (ExitThread, a CreateThread thread returning).
    let m2 = m.clone();
    let t = std::thread::spawn(move || {
        assert_eq!(wait1(&m2, ZERO), WaitResult::Signaled(0));
        assert_eq!(wait(&[m2], false, ZERO), WaitResult::Signaled(0));
        exit_current_thread(5);
    });
    t.join().unwrap();
    assert_eq!(wait(&[s.clone(), m.clone()], true, ZERO), WaitResult::Timeout);
    assert_eq!(mutex(&m).owner(), (0, 0), "freed by the exit");
    sem(&s).release(1).unwrap();
    assert_eq!(wait(&[s.clone(), m.clone()], true, ZERO), WaitResult::Abandoned(0));
    let me = crate::sync::current_tid();
    mutex(&m).release(me).unwrap();
    assert_eq!(wait(&[s.clone(), m.clone()], false, ZERO), WaitResult::Signaled(1), "reported once");
    mutex(&m).release(me).unwrap();

    // The owner's host thread just ends (the thread-local's destructor), while we wait.
    let m2 = m.clone();
    let (tx, rx) = std::sync::mpsc::channel();
    let t = std::thread::spawn(move || {
        wait(&[m2], false, None);
        tx.send(()).unwrap();
        std::thread::sleep(Duration::from_millis(30));
    });
    rx.recv().unwrap();
    assert_eq!(wait(&[s.clone(), m.clone()], false, ms(5000)), WaitResult::Abandoned(1));
    t.join().unwrap();
    mutex(&m).release(me).unwrap();
}

#[test]
fn thread_objects_and_exit_codes() {
    let obj = Arc::new(Object::Thread(Thread::new(0, false)));
    let Object::Thread(th) = &*obj else { unreachable!() };
    assert_eq!(th.exit_code(), None);
    let o2 = obj.clone();
    let t = std::thread::spawn(move || {
        bind_current_thread(o2.clone());
        assert!(Arc::ptr_eq(&current_thread(), &o2));
        // A thread waiting on itself never sees itself signaled.
        assert_eq!(wait(&[current_thread()], false, ms(10)), WaitResult::Timeout);
        std::thread::sleep(Duration::from_millis(30));
        exit_current_thread(42);
        crate::sync::current_tid()
    });
    assert_eq!(wait1(&obj, ms(5000)), WaitResult::Signaled(0));
    let tid = t.join().unwrap();
    assert_eq!(th.exit_code(), Some(42));
    assert_eq!(th.tid(), tid);
    // Signaled for good: waits do not consume it.
    assert_eq!(wait1(&obj, ZERO), WaitResult::Signaled(0));
    assert_eq!(wait(&[obj.clone(), obj.clone()], true, ZERO), WaitResult::Signaled(0));

    // A thread never bound: its object, made on demand, is signaled (code 0) when it ends.
    let (tx, rx) = std::sync::mpsc::channel();
    let t = std::thread::spawn(move || tx.send(current_thread()).unwrap());
    let o = rx.recv().unwrap();
    t.join().unwrap();
    assert_eq!(wait1(&o, ms(5000)), WaitResult::Signaled(0));
    let Object::Thread(th) = &*o else { unreachable!() };
    assert_eq!(th.exit_code(), Some(0));
}

#[test]
fn suspended_thread_gate() {
    let obj = Arc::new(Object::Thread(Thread::new(0, true)));
    let o2 = obj.clone();
    let t = std::thread::spawn(move || {
        let Object::Thread(th) = &*o2 else { unreachable!() };
        th.wait_gate();
        Instant::now()
    });
    std::thread::sleep(Duration::from_millis(50));
    let Object::Thread(th) = &*obj else { unreachable!() };
    let opened = Instant::now();
    assert_eq!(th.resume(), 1);
    assert!(t.join().unwrap() >= opened);
    assert_eq!(th.resume(), 0);
}

#[test]
fn pulse_releases_current_waiters_only() {
    let e = event(true, false);
    let n = Arc::new(AtomicUsize::new(0));
    let ts: Vec<_> = (0..3)
        .map(|_| {
            let (e, n) = (e.clone(), n.clone());
            std::thread::spawn(move || {
                if wait(&[e], false, ms(3000)) == WaitResult::Signaled(0) {
                    n.fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    // Let them register (each registers before sleeping; poll the registration count).
    while ev(&e).0.lock().waiters.len() < 3 {
        std::thread::sleep(Duration::from_millis(5));
    }
    ev(&e).pulse();
    for t in ts {
        t.join().unwrap();
    }
    assert_eq!(n.load(Ordering::SeqCst), 3);
    assert!(!ev(&e).is_set());
    assert_eq!(wait1(&e, ZERO), WaitResult::Timeout, "no pulse for later waiters");

    let auto = event(false, false);
    let n = Arc::new(AtomicUsize::new(0));
    let ts: Vec<_> = (0..2)
        .map(|_| {
            let (e, n) = (auto.clone(), n.clone());
            std::thread::spawn(move || {
                if wait(&[e], false, ms(300)) == WaitResult::Signaled(0) {
                    n.fetch_add(1, Ordering::SeqCst);
                }
            })
        })
        .collect();
    while ev(&auto).0.lock().waiters.len() < 2 {
        std::thread::sleep(Duration::from_millis(5));
    }
    ev(&auto).pulse();
    for t in ts {
        t.join().unwrap();
    }
    assert_eq!(n.load(Ordering::SeqCst), 1, "an auto-reset pulse releases one waiter");
}

#[test]
fn handles_and_pseudo_handles() {
    assert_eq!(wait_handles(&[], false, 0), Err(ERROR_INVALID_PARAMETER));
    let h = handles::insert(event(true, true), false);
    assert_eq!(wait_handles(&[h; 64], false, 0), Ok(WaitResult::Signaled(0)));
    assert_eq!(wait_handles(&[h; 65], false, 0), Err(ERROR_INVALID_PARAMETER));
    assert_eq!(wait_handles(&[h, 0x1234 as HANDLE], false, 0), Err(ERROR_INVALID_HANDLE));
    assert_eq!(wait_handles(&[handles::CURRENT_THREAD], false, 0), Ok(WaitResult::Timeout));
    assert_eq!(wait_handles(&[handles::CURRENT_PROCESS], false, 0), Ok(WaitResult::Timeout));
    handles::close(h).unwrap();
}
