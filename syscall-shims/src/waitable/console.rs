//! Console input as a waitable object. On Windows a console input handle is signaled while the
//! console's input buffer holds events and not signaled while it is empty; here the buffer is
//! the terminal, so the handle (a file whose fd is a terminal opened for input: standard input
//! or CONIN$) is signaled while poll() says the fd has input ([`State::Console`]).
//!
//! Nothing changes that state under the object's lock (the user types), so a thread that waits
//! on the handle is woken by a watcher thread: started by the first wait that has to sleep on
//! the handle, it poll()s the fd while anyone is registered and wakes them when input arrives,
//! then ends once no one waits (within [`IDLE_POLL`]). No thread exists while no one waits.
//! While input sits unread and someone still waits (a wait-all whose other objects are not
//! signaled), it looks again every [`READY_RECHECK`] rather than spinning on a ready fd.
//!
//! Differences: in line-input mode the terminal is canonical, so input becomes ready at the end
//! of a line, not at each key press as in a Windows console's buffer.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use super::{ALWAYS_SIGNALED, State, Waitable};
use crate::file::FileObject;
use crate::handles::Object;

/// How long a watcher's poll lasts before it checks whether anyone still waits.
const IDLE_POLL: Duration = Duration::from_millis(100);
/// After waking the waiters for input that stays unread, the watcher looks again this late.
const READY_RECHECK: Duration = Duration::from_millis(20);

/// Watcher threads running now (for tests and diagnostics).
static WATCHERS: AtomicUsize = AtomicUsize::new(0);

/// Watcher threads running now.
pub fn watchers() -> usize {
    WATCHERS.load(Ordering::SeqCst)
}

/// A file's wait state: its own console-input state when its fd is a terminal opened for
/// input, else the shared always-signaled one (files, pipes, console output).
pub(crate) fn waitable_of(f: &FileObject) -> &Waitable {
    f.input_wait
        .get_or_init(|| {
            crate::console::is_input_fd(f.fd).then(|| Waitable::new(State::Console { fd: f.fd, watching: false }))
        })
        .as_ref()
        .unwrap_or(&ALWAYS_SIGNALED)
}

/// Has the fd input (or end of input) ready, within `timeout`?
pub(crate) fn input_ready(fd: i32, timeout: Duration) -> bool {
    let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut p, 1, timeout.as_millis().min(i32::MAX as u128) as i32) };
    n > 0 && p.revents != 0
}

/// A thread has registered on `obj` and is about to sleep: if `obj` is console input with no
/// watcher yet, start one.
pub(crate) fn watch_if_console(obj: &Arc<Object>) {
    let Object::File(f) = &**obj else { return };
    let w = waitable_of(f);
    {
        let mut g = w.lock();
        let empty = g.waiters.is_empty();
        let State::Console { watching, .. } = &mut g.state else { return };
        if *watching || empty {
            return;
        }
        *watching = true;
    }
    let o = obj.clone();
    WATCHERS.fetch_add(1, Ordering::SeqCst);
    let spawned =
        std::thread::Builder::new().name("console-input-wait".into()).stack_size(64 * 1024).spawn(move || run(&o));
    if spawned.is_err() {
        // No thread: waiters still see input when something else wakes them or they time out.
        WATCHERS.fetch_sub(1, Ordering::SeqCst);
        if let State::Console { watching, .. } = &mut w.lock().state {
            *watching = false;
        }
    }
}

/// The watcher: poll while anyone waits, wake them when input is ready.
fn run(obj: &Arc<Object>) {
    let Object::File(f) = &**obj else { return };
    let w = waitable_of(f);
    loop {
        {
            // Under the lock: a new waiter either is seen here or finds `watching` false.
            let mut g = w.lock();
            if g.waiters.is_empty() {
                if let State::Console { watching, .. } = &mut g.state {
                    *watching = false;
                }
                break;
            }
        }
        if input_ready(f.fd, IDLE_POLL) {
            w.lock().wake_waiters();
            std::thread::sleep(READY_RECHECK);
        }
    }
    WATCHERS.fetch_sub(1, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::waitable::{Event, WaitResult, wait};
    use std::time::Instant;

    fn ms(n: u64) -> Option<Duration> {
        Some(Duration::from_millis(n))
    }

    /// A pseudo-terminal: (master fd, console input object over its slave opened read-only).
    fn console() -> (i32, Arc<Object>) {
        let (mut master, mut slave) = (-1, -1);
        // SAFETY: out pointers to two ints; no name, termios or window size.
        let r = unsafe {
            libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), std::ptr::null())
        };
        assert_eq!(r, 0);
        // The input side of a console is a terminal opened for reading (as CONIN$ is).
        let path = std::fs::read_link(format!("/proc/self/fd/{slave}")).unwrap();
        let c = std::ffi::CString::new(path.into_os_string().into_encoded_bytes()).unwrap();
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { libc::open(c.as_ptr(), libc::O_RDONLY | libc::O_NOCTTY | libc::O_CLOEXEC) };
        assert!(fd >= 0);
        // SAFETY: our fd.
        unsafe { libc::close(slave) };
        (master, Arc::new(Object::File(FileObject::owned(fd))))
    }

    fn type_line(master: i32, s: &[u8]) {
        // SAFETY: a valid buffer of s.len() bytes.
        assert_eq!(unsafe { libc::write(master, s.as_ptr() as *const _, s.len()) }, s.len() as isize);
    }

    fn read_all(o: &Object) {
        let Object::File(f) = o else { unreachable!() };
        let mut buf = [0u8; 64];
        // SAFETY: a valid buffer.
        assert!(unsafe { libc::read(f.fd, buf.as_mut_ptr() as *mut _, buf.len()) } > 0);
    }

    #[test]
    fn console_input_is_signaled_while_input_waits() {
        let (master, con) = console();
        let ev = Arc::new(Object::Event(Event::new(true, false)));
        assert!(!std::ptr::eq(con.waitable(), &ALWAYS_SIGNALED));

        // Empty buffer: not signaled.
        let t0 = Instant::now();
        assert_eq!(wait(std::slice::from_ref(&con), false, ms(50)), WaitResult::Timeout);
        assert!(t0.elapsed() >= Duration::from_millis(50));
        assert_eq!(wait(&[ev.clone(), con.clone()], false, ms(50)), WaitResult::Timeout);

        // A blocked wait-any on an event and the console wakes when a line is typed.
        let objs = [ev.clone(), con.clone()];
        let t = std::thread::spawn(move || {
            let t0 = Instant::now();
            (wait(&objs, false, ms(5000)), t0.elapsed())
        });
        std::thread::sleep(Duration::from_millis(150));
        type_line(master, b"x\n");
        let (r, took) = t.join().unwrap();
        assert_eq!(r, WaitResult::Signaled(1));
        assert!(took >= Duration::from_millis(100) && took < Duration::from_millis(2000), "{took:?}");

        // Input waiting: signaled, and a wait does not consume it.
        assert_eq!(wait(std::slice::from_ref(&con), false, ms(0)), WaitResult::Signaled(0));
        assert_eq!(wait(&[ev.clone(), con.clone()], false, ms(0)), WaitResult::Signaled(1));
        // Wait-all: the console is ready, the event is not; then it is.
        assert_eq!(wait(&[ev.clone(), con.clone()], true, ms(60)), WaitResult::Timeout);
        let e2 = ev.clone();
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            if let Object::Event(e) = &*e2 {
                e.set();
            }
        });
        assert_eq!(wait(&[ev.clone(), con.clone()], true, ms(5000)), WaitResult::Signaled(0));
        setter.join().unwrap();

        // Read the line: empty again.
        read_all(&con);
        assert_eq!(wait(std::slice::from_ref(&con), false, ms(50)), WaitResult::Timeout);

        // Nobody waits: the watcher ends.
        let t0 = Instant::now();
        while watchers() > 0 && t0.elapsed() < Duration::from_secs(2) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert_eq!(watchers(), 0, "the watcher ends when no one waits");
        // SAFETY: our fd.
        unsafe { libc::close(master) };
    }

    #[test]
    fn pipes_stay_signaled() {
        let mut fds = [0; 2];
        // SAFETY: a two-int buffer.
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let r = Arc::new(Object::File(FileObject::owned(fds[0])));
        assert!(std::ptr::eq(r.waitable(), &ALWAYS_SIGNALED));
        assert_eq!(wait(std::slice::from_ref(&r), false, ms(0)), WaitResult::Signaled(0));
        // SAFETY: our fd.
        unsafe { libc::close(fds[1]) };
    }
}
