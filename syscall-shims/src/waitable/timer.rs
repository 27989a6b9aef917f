//! Waitable timers: an event-like state (manual-reset "notification" timers stay signaled,
//! auto-reset "synchronization" timers are consumed by the wait they satisfy) that the timer
//! service ([`crate::timer`]) signals at the due time, then again every period. A completion
//! routine, if given, is queued as an APC to the thread that set the timer each time it fires.

use std::sync::{Arc, Mutex as StdMutex, Weak};
use std::time::{Duration, Instant};

use super::{State, Waitable};
use crate::handles::Object;
use crate::timer::{self, TimerId};

/// What runs in the setting thread when the timer fires (the completion routine), given the
/// FILETIME of the firing.
pub type TimerApcFn = Arc<dyn Fn(u64) + Send + Sync>;

/// A completion routine and the thread it is queued to.
pub struct TimerApc {
    pub thread: Arc<Object>,
    pub call: TimerApcFn,
}

struct Schedule {
    /// Bumped by every Set and Cancel: firings of an older schedule are ignored.
    generation: u64,
    entry: Option<TimerId>,
    period: Duration,
    apc: Option<TimerApc>,
}

/// A waitable timer object.
pub struct Timer {
    pub waitable: Waitable,
    schedule: StdMutex<Schedule>,
}

impl std::fmt::Debug for Timer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Timer").field(&self.waitable).finish()
    }
}

impl Timer {
    /// A timer, not set, not signaled.
    pub fn new(manual: bool) -> Timer {
        Timer {
            waitable: Waitable::new(State::Event { manual, signaled: false }),
            schedule: StdMutex::new(Schedule { generation: 0, entry: None, period: Duration::ZERO, apc: None }),
        }
    }

    fn schedule(&self) -> std::sync::MutexGuard<'_, Schedule> {
        self.schedule.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Is the timer signaled (for tests)?
    pub fn is_signaled(&self) -> bool {
        matches!(self.waitable.lock().state, State::Event { signaled: true, .. })
    }
}

fn timer_of(o: &Object) -> &Timer {
    match o {
        Object::Timer(t) => t,
        _ => unreachable!("not a timer"),
    }
}

/// SetWaitableTimer: (re)arm `obj` (an Object::Timer) to fire at `due`, then every `period`
/// (zero: once), queuing `apc` each time. The timer becomes non-signaled.
pub fn set(obj: &Arc<Object>, due: Instant, period: Duration, apc: Option<TimerApc>) {
    let t = timer_of(obj);
    let mut s = t.schedule();
    if let Some(e) = s.entry.take() {
        timer::cancel(e);
    }
    s.generation += 1;
    s.period = period;
    s.apc = apc;
    if let State::Event { signaled, .. } = &mut t.waitable.lock().state {
        *signaled = false;
    }
    let generation = s.generation;
    s.entry = Some(arm(Arc::downgrade(obj), due, generation));
}

/// CancelWaitableTimer: stop it firing; its signaled state does not change. Returns whether
/// it was set.
pub fn cancel(obj: &Arc<Object>) -> bool {
    let t = timer_of(obj);
    let mut s = t.schedule();
    s.generation += 1;
    s.apc = None;
    match s.entry.take() {
        Some(e) => {
            timer::cancel(e);
            true
        }
        None => false,
    }
}

fn arm(obj: Weak<Object>, due: Instant, generation: u64) -> TimerId {
    timer::schedule(due, move || fire(obj, due, generation))
}

/// The service calls this at the due time: signal, queue the completion routine, re-arm.
fn fire(obj: Weak<Object>, due: Instant, generation: u64) {
    let Some(o) = obj.upgrade() else { return };
    let t = timer_of(&o);
    let mut s = t.schedule();
    if s.generation != generation {
        return;
    }
    {
        let mut g = t.waitable.lock();
        if let State::Event { signaled, .. } = &mut g.state {
            *signaled = true;
        }
        g.wake_waiters();
    }
    if let Some(a) = &s.apc
        && let Object::Thread(th) = &*a.thread
    {
        let call = a.call.clone();
        let when = crate::time::now_filetime();
        let _ = th.queue_apc(Box::new(move || call(when)));
    }
    if s.period.is_zero() {
        s.entry = None;
    } else {
        // The next due time follows the schedule, not the (late) firing; a timer far behind
        // (the process was stopped) catches up without a burst.
        let mut next = due + s.period;
        let now = Instant::now();
        if next + s.period < now {
            next = now + s.period;
        }
        s.entry = Some(arm(Arc::downgrade(&o), next, generation));
    }
}
