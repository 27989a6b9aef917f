//! I/O completion ports: a queue of completion packets that threads take from
//! (GetQueuedCompletionStatus). A port is a waitable object like the others: its state is the
//! queue ([`State::Port`]), posting a packet wakes the waiters, and a thread waiting for a
//! packet sleeps on its own futex word through the common machinery ([`super::take_when`]).
//! Files and sockets are associated with a port ([`Completion`]); the I/O layer
//! (`crate::overlapped`) posts a packet there when an operation on them completes.
//!
//! Waiting on a port handle with WaitForSingleObject is satisfied while packets are queued and
//! takes none. The concurrency value is recorded, not enforced (Windows limits how many
//! threads it releases at once; every waiting thread may take a packet here).

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Instant;

use super::{State, WaitResult, Waitable};
use crate::handles::Object;

/// One completion packet: what GetQueuedCompletionStatus returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packet {
    /// Bytes transferred (lpNumberOfBytesTransferred).
    pub bytes: u32,
    /// The completion key of the file's association, or the one PostQueuedCompletionStatus gave.
    pub key: usize,
    /// The OVERLAPPED of the operation (an address; 0 for most posted packets).
    pub overlapped: usize,
    /// The operation's NTSTATUS (0: success).
    pub status: i32,
}

/// A completion port.
#[derive(Debug)]
pub struct Port {
    pub waitable: Waitable,
    pub concurrency: u32,
}

impl Port {
    /// A new, empty port; `concurrency` 0 means the number of processors.
    pub fn new(concurrency: u32) -> Port {
        let concurrency = if concurrency == 0 { crate::sync::processor_count() } else { concurrency };
        Port { waitable: Waitable::new(State::Port(VecDeque::new())), concurrency }
    }

    /// Queue a packet (PostQueuedCompletionStatus, or an I/O completion) and wake the waiters.
    pub fn post(&self, p: Packet) {
        let mut g = self.waitable.lock();
        if let State::Port(q) = &mut g.state {
            q.push_back(p);
        }
        g.wake_waiters();
    }

    /// Packets queued now.
    pub fn queued(&self) -> usize {
        match &self.waitable.lock().state {
            State::Port(q) => q.len(),
            _ => 0,
        }
    }
}

/// The association of a file (or socket) with a port: packets for its operations go to `port`
/// with `key`.
#[derive(Debug, Clone)]
pub struct Completion {
    pub port: Arc<Object>,
    pub key: usize,
}

impl Completion {
    /// Post a packet for an operation on the associated file.
    pub fn post(&self, overlapped: usize, status: i32, bytes: u32) {
        if let Object::Port(p) = &*self.port {
            p.post(Packet { bytes, key: self.key, overlapped, status });
        }
    }
}

/// GetQueuedCompletionStatus(Ex) for one packet: the oldest queued packet of `port` (FIFO),
/// waiting until `deadline` (None: forever). Err(Timeout) when none came; Err(IoCompletion)
/// when an alertable wait ran APCs instead.
pub fn dequeue(port: &Arc<Object>, deadline: Option<Instant>, alertable: bool) -> Result<Packet, WaitResult> {
    super::take_when(port, deadline, alertable, |s| match s {
        State::Port(q) => q.pop_front(),
        _ => None,
    })
}

/// As [`dequeue`], up to `max` packets at once (GetQueuedCompletionStatusEx): waits for the
/// first, then takes whatever else is queued.
pub fn dequeue_many(
    port: &Arc<Object>,
    max: usize,
    deadline: Option<Instant>,
    alertable: bool,
) -> Result<Vec<Packet>, WaitResult> {
    super::take_when(port, deadline, alertable, |s| match s {
        State::Port(q) if !q.is_empty() => {
            let n = q.len().min(max.max(1));
            Some(q.drain(..n).collect())
        }
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn port() -> Arc<Object> {
        Arc::new(Object::Port(Port::new(1)))
    }

    #[test]
    fn fifo_and_timeout() {
        let p = port();
        let Object::Port(q) = &*p else { unreachable!() };
        q.post(Packet { bytes: 1, key: 10, overlapped: 0, status: 0 });
        q.post(Packet { bytes: 2, key: 20, overlapped: 0, status: 0 });
        assert_eq!(dequeue(&p, Some(Instant::now()), false).unwrap().key, 10);
        assert_eq!(dequeue(&p, Some(Instant::now()), false).unwrap().key, 20);
        let t = Instant::now();
        assert_eq!(dequeue(&p, Some(t + Duration::from_millis(30)), false), Err(WaitResult::Timeout));
        assert!(t.elapsed() >= Duration::from_millis(25));
    }

    #[test]
    fn a_post_wakes_a_waiting_thread() {
        let p = port();
        let p2 = p.clone();
        let h = std::thread::spawn(move || dequeue(&p2, None, false));
        std::thread::sleep(Duration::from_millis(20));
        let Object::Port(q) = &*p else { unreachable!() };
        q.post(Packet { bytes: 7, key: 1, overlapped: 0x1000, status: 0 });
        assert_eq!(h.join().unwrap().unwrap().overlapped, 0x1000);
        assert_eq!(q.queued(), 0);
    }
}
