//! Per-thread C++ exception state: the catch blocks running now (innermost last), with the
//! exception each one caught, what `__current_exception` and `__uncaught_exceptions` report,
//! and the thread's terminate handler and SE translator.

use std::cell::{Cell, RefCell};
use windows_sys::Win32::System::Diagnostics::Debug::{CONTEXT, EXCEPTION_RECORD};

/// A catch block that is running: the exception it caught (a copy of the record, so a rethrow
/// can raise it again), the frame it belongs to and its funclet.
pub struct ActiveCatch {
    pub record: Box<EXCEPTION_RECORD>,
    pub context: *mut CONTEXT,
    /// Establisher frame of the function owning the catch block.
    pub frame: usize,
    /// The catch funclet.
    pub funclet: usize,
}

impl ActiveCatch {
    /// The caught object (0 for an SEH exception caught by `catch(...)`).
    pub fn object(&self) -> usize {
        if super::throw::is_cxx(&self.record) { self.record.ExceptionInformation[1] } else { 0 }
    }
}

thread_local! {
    static CATCHES: RefCell<Vec<ActiveCatch>> = const { RefCell::new(Vec::new()) };
    /// `__current_exception()` points here.
    pub static CURRENT_RECORD: Cell<*mut EXCEPTION_RECORD> = const { Cell::new(std::ptr::null_mut()) };
    /// `__current_exception_context()` points here.
    pub static CURRENT_CONTEXT: Cell<*mut CONTEXT> = const { Cell::new(std::ptr::null_mut()) };
    /// Exceptions thrown and not yet caught (`__processing_throw` points here).
    pub static PROCESSING_THROW: Cell<i32> = const { Cell::new(0) };
    /// The thread's terminate handler (set_terminate), 0 for none.
    pub static TERMINATE: Cell<usize> = const { Cell::new(0) };
    /// The thread's unexpected handler (set_unexpected), 0 for none.
    pub static UNEXPECTED: Cell<usize> = const { Cell::new(0) };
    /// The thread's SE translator (_set_se_translator), 0 for none.
    pub static SE_TRANSLATOR: Cell<usize> = const { Cell::new(0) };
}

fn publish(top: Option<&ActiveCatch>) {
    let (r, c) = top.map_or((std::ptr::null_mut(), std::ptr::null_mut()), |a| {
        (&*a.record as *const EXCEPTION_RECORD as *mut EXCEPTION_RECORD, a.context)
    });
    CURRENT_RECORD.with(|x| x.set(r));
    CURRENT_CONTEXT.with(|x| x.set(c));
}

/// A catch block starts.
pub fn begin_catch(c: ActiveCatch) {
    CATCHES.with(|v| {
        let mut v = v.borrow_mut();
        v.push(c);
        publish(v.last());
    });
}

/// The catch block of `funclet` for `frame` ends (normally, or because an exception leaves
/// it). Returns its record and whether another running catch block still holds the same
/// object (then it must not be destroyed yet).
pub fn end_catch(frame: usize, funclet: usize) -> Option<(Box<EXCEPTION_RECORD>, bool)> {
    CATCHES.with(|v| {
        let mut v = v.borrow_mut();
        let i = v.iter().rposition(|a| a.frame == frame && a.funclet == funclet)?;
        let a = v.remove(i);
        let obj = a.object();
        let shared = obj != 0 && v.iter().any(|b| b.object() == obj);
        publish(v.last());
        Some((a.record, shared))
    })
}

/// The exception of the innermost running catch block (what `throw;` rethrows).
pub fn current() -> Option<EXCEPTION_RECORD> {
    CATCHES.with(|v| v.borrow().last().map(|a| *a.record))
}

/// Is `object` held by a running catch block?
pub fn is_caught(object: usize) -> bool {
    object != 0 && CATCHES.with(|v| v.borrow().iter().any(|a| a.object() == object))
}

/// Adjust the count of exceptions in flight.
pub fn processing_throw(delta: i32) {
    PROCESSING_THROW.with(|p| p.set((p.get() + delta).max(0)));
}

thread_local! {
    /// FH4 functions (which have no UnwindHelp slot) running a catch block: establisher frame
    /// → the state the function is in meanwhile.
    static FRAME_STATES: RefCell<Vec<(usize, i32)>> = const { RefCell::new(Vec::new()) };
}

/// The state recorded for an FH4 function's frame while it runs a catch block.
pub fn frame_state(frame: usize) -> Option<i32> {
    FRAME_STATES.with(|v| v.borrow().iter().rev().find(|e| e.0 == frame).map(|e| e.1))
}

/// Record (Some) or forget (None) the state of an FH4 function's frame. Frames below
/// `frame` on the stack are gone once it records a state: their entries are dropped.
pub fn set_frame_state(frame: usize, state: Option<i32>) {
    FRAME_STATES.with(|v| {
        let mut v = v.borrow_mut();
        v.retain(|e| e.0 != frame);
        if let Some(s) = state {
            v.retain(|e| e.0 > frame);
            v.push((frame, s));
        }
    });
}
