//! Walking the frames of the current thread, one at a time, for the dispatcher (phase 1) and
//! the unwinder (phase 2).
//!
//! PE frames are unwound with their unwind data (RtlVirtualUnwind). The walk also meets
//! wine-rs's own frames — the dispatcher calling a language handler, a handler written in
//! Rust (`__C_specific_handler`) calling a filter — which have no unwind data. Where Windows
//! walks through RtlpExecuteHandlerForException and KiUserExceptionDispatcher, each call from
//! the dispatcher or unwinder into a handler records a *bridge*: the stack position of the call
//! and the CONTEXT the walk continues with once it reaches that position from inside the
//! handler. A walk that leaves PE code finds the innermost bridge above it and continues
//! there; with no bridge, the walk has reached the thread's first frame.

use std::cell::RefCell;

use dllcore::unwind::{self, LiveMemory, Regs};
use windows_sys::Win32::System::Diagnostics::Debug::CONTEXT;

use super::lookup;

/// What a bridge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BridgeKind {
    /// The dispatcher calls a handler for the frame `establisher`: a walk from inside it is a
    /// nested exception (continuing at the exception's own context) or an unwind started by
    /// the handler (the normal way to reach an `__except` block).
    Dispatch { establisher: u64 },
    /// The unwinder calls the termination handler of the frame `establisher`, whose state
    /// before unwinding is `frame` (the bridge's own context is the frame's caller). A new
    /// unwind from inside the handler collides with the running one: it ends in that frame
    /// if that is its target (how a language handler jumps to a landing pad in its own
    /// frame), else it goes on with the caller. An exception raised inside the handler is
    /// searched from `start`, where that unwind began (the physical stack above the unwinder).
    Unwind { establisher: u64, frame: *const CONTEXT, start: *const CONTEXT },
}

#[derive(Clone)]
pub struct Bridge {
    /// Stack position of the call into the handler: every frame of the handler is below.
    pub sp: u64,
    pub kind: BridgeKind,
    pub ctx: Box<CONTEXT>,
}

thread_local! {
    static BRIDGES: RefCell<Vec<Bridge>> = const { RefCell::new(Vec::new()) };
}

/// The current stack position (of the calling function).
#[inline(always)]
pub fn stack_here() -> u64 {
    let here = 0u8;
    std::ptr::addr_of!(here) as u64
}

/// Forget bridges whose handler calls are gone (an unwind jumped past them): they lie
/// below the current stack position.
fn prune(here: u64) {
    BRIDGES.with(|b| {
        let mut b = b.borrow_mut();
        while b.last().is_some_and(|x| x.sp < here) {
            b.pop();
        }
    });
}

/// Call `f` (which calls a handler) with a bridge of `kind` continuing at `ctx`.
#[inline(never)]
pub fn with_bridge<R>(kind: BridgeKind, ctx: &CONTEXT, f: impl FnOnce() -> R) -> R {
    let sp = stack_here();
    prune(sp);
    BRIDGES.with(|b| b.borrow_mut().push(Bridge { sp, kind, ctx: Box::new(*ctx) }));
    let r = f();
    BRIDGES.with(|b| {
        let mut b = b.borrow_mut();
        if b.last().is_some_and(|x| x.sp == sp) {
            b.pop();
        }
    });
    r
}

/// The innermost bridge whose call is above `sp`.
pub fn bridge_above(sp: u64) -> Option<Bridge> {
    prune(stack_here());
    BRIDGES.with(|b| b.borrow().iter().rev().find(|x| x.sp >= sp).cloned())
}

/// One PE frame found by the walk.
pub struct Frame {
    /// The frame's pc (before unwinding it).
    pub pc: u64,
    pub image_base: u64,
    /// Address of its RUNTIME_FUNCTION (0 for a leaf function without one).
    pub function: u64,
    pub establisher: u64,
    /// Language handler and handler data for the requested handler type.
    pub handler: Option<(u64, u64)>,
}

/// What one step of a walk found.
pub enum Step {
    /// A PE frame; the context now holds its caller's state.
    Frame(Frame),
    /// The walk left PE code and continued at a bridge; the context is the bridge's.
    Bridge(BridgeKind),
    /// No frame above: the thread's first frame was passed.
    End,
    /// The unwind data or the stack could not be read.
    Bad,
}

/// Unwind the frame `ctx` is in, asking for handlers of `handler_type`
/// (UNW_FLAG_EHANDLER / UNW_FLAG_UHANDLER).
pub fn step(ctx: &mut CONTEXT, handler_type: u8) -> Step {
    let pc = ctx.Rip;
    if let Some((base, entry)) = lookup::function_entry(pc) {
        let Some(f) = unwind::read_function(&LiveMemory, entry) else { return Step::Bad };
        let mut regs = Regs::from_context(ctx);
        regs.rip = pc;
        return match unwind::virtual_unwind(base, &LiveMemory, &f, &mut regs, handler_type) {
            Ok(u) => {
                regs.to_context(ctx);
                Step::Frame(Frame { pc, image_base: base, function: entry, establisher: u.establisher, handler: u.handler })
            }
            Err(_) => Step::Bad,
        };
    }
    if let Some(m) = lookup::module_at(pc) {
        // A leaf function: the return address is at [rsp].
        let sp = ctx.Rsp;
        // SAFETY: the frame's stack.
        ctx.Rip = unsafe { *(sp as *const u64) };
        ctx.Rsp = sp + 8;
        return Step::Frame(Frame { pc, image_base: m.base, function: 0, establisher: sp, handler: None });
    }
    match bridge_above(ctx.Rsp) {
        Some(b) => {
            *ctx = *b.ctx;
            Step::Bridge(b.kind)
        }
        None => Step::End,
    }
}
