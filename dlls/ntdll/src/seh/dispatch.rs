//! Phase 1: raising and dispatching an exception, as RtlDispatchException does. The vectored
//! handlers first, then the language handlers of the frames from the exception up
//! (UNW_FLAG_EHANDLER), then the unhandled-exception filter; only when nothing handles it does
//! the crash report (installed by the loader) end the process.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use dllcore::export;
use dllcore::unwind::UNW_FLAG_EHANDLER;
use windows_sys::Win32::Foundation::{NTSTATUS, STATUS_INVALID_DISPOSITION, STATUS_NONCONTINUABLE_EXCEPTION};
use windows_sys::Win32::System::Diagnostics::Debug::{
    CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_POINTERS, EXCEPTION_RECORD,
};
use windows_sys::Win32::System::Kernel::{
    EXCEPTION_ROUTINE, ExceptionContinueExecution, ExceptionContinueSearch, ExceptionNestedException,
};
use windows_sys::Win32::System::SystemServices::{EXCEPTION_MAXIMUM_PARAMETERS, EXCEPTION_NESTED_CALL, EXCEPTION_NONCONTINUABLE};

use super::context::{arg, capture_thunk, restore_context};
use super::frames::{self, BridgeKind, Step};
use super::{Handler, unwind};

/// EXCEPTION_CONTINUE_EXECUTION / EXCEPTION_EXECUTE_HANDLER, the filter results.
pub const EXCEPTION_CONTINUE_EXECUTION: i32 = -1;
pub const EXCEPTION_EXECUTE_HANDLER: i32 = 1;

/// A vectored handler or filter: `LONG handler(EXCEPTION_POINTERS *)`.
pub type Filter = extern "win64" fn(*mut EXCEPTION_POINTERS) -> i32;

/// What the loader does with an exception nothing handled: report and end the process.
/// `sig` is the host signal of a hardware exception, 0 for a raised one.
pub type CrashHook = fn(&EXCEPTION_RECORD, &CONTEXT, i32) -> !;

static CRASH_HOOK: Mutex<Option<CrashHook>> = Mutex::new(None);
static TOP_FILTER: AtomicUsize = AtomicUsize::new(0);

/// Install the crash report (the loader, at start).
pub fn set_crash_hook(f: CrashHook) {
    *CRASH_HOOK.lock().unwrap_or_else(|e| e.into_inner()) = Some(f);
}

/// SetUnhandledExceptionFilter's store: install the top-level filter, returning the old one.
pub fn set_top_filter(f: usize) -> usize {
    TOP_FILTER.swap(f, Ordering::AcqRel)
}

/// The top-level filter the program installed (0 = none).
pub fn top_filter() -> usize {
    TOP_FILTER.load(Ordering::Acquire)
}

// ---- vectored handlers ----------------------------------------------------------------------

struct Vectored {
    id: usize,
    handler: usize,
}

/// The exception handlers and the continue handlers, in calling order.
static VECTORED: Mutex<[Vec<Vectored>; 2]> = Mutex::new([Vec::new(), Vec::new()]);
static NEXT_ID: AtomicUsize = AtomicUsize::new(0x1000);

fn add_vectored(list: usize, first: u32, handler: usize) -> usize {
    let id = NEXT_ID.fetch_add(16, Ordering::Relaxed);
    let mut v = VECTORED.lock().unwrap_or_else(|e| e.into_inner());
    let entry = Vectored { id, handler };
    if first != 0 {
        v[list].insert(0, entry);
    } else {
        v[list].push(entry);
    }
    id
}

fn remove_vectored(list: usize, id: usize) -> u32 {
    let mut v = VECTORED.lock().unwrap_or_else(|e| e.into_inner());
    match v[list].iter().position(|e| e.id == id) {
        Some(i) => {
            v[list].remove(i);
            1
        }
        None => 0,
    }
}

/// Call the handlers of `list` until one returns EXCEPTION_CONTINUE_EXECUTION.
fn call_vectored(list: usize, rec: *mut EXCEPTION_RECORD, ctx: *mut CONTEXT) -> bool {
    let handlers: Vec<usize> =
        VECTORED.lock().unwrap_or_else(|e| e.into_inner())[list].iter().map(|e| e.handler).collect();
    for h in handlers {
        let mut ptrs = EXCEPTION_POINTERS { ExceptionRecord: rec, ContextRecord: ctx };
        // SAFETY: a handler the program registered (win64 ABI).
        let f: Filter = unsafe { std::mem::transmute::<usize, Filter>(h) };
        // SAFETY: ctx is the exception's context.
        let r = frames::with_bridge(BridgeKind::Dispatch { establisher: 0 }, unsafe { &*ctx }, || f(&mut ptrs));
        if r == EXCEPTION_CONTINUE_EXECUTION {
            return true;
        }
    }
    false
}

/// RtlAddVectoredExceptionHandler: call `handler` for every exception before the frame-based
/// handlers (`first` nonzero: before the ones already registered).
#[export]
pub extern "win64" fn RtlAddVectoredExceptionHandler(first: u32, handler: usize) -> usize {
    add_vectored(0, first, handler)
}

/// RtlRemoveVectoredExceptionHandler: unregister; 0 if `handle` is unknown.
#[export]
pub extern "win64" fn RtlRemoveVectoredExceptionHandler(handle: usize) -> u32 {
    remove_vectored(0, handle)
}

/// RtlAddVectoredContinueHandler: call `handler` when a handler continues execution.
#[export]
pub extern "win64" fn RtlAddVectoredContinueHandler(first: u32, handler: usize) -> usize {
    add_vectored(1, first, handler)
}

/// RtlRemoveVectoredContinueHandler: unregister; 0 if `handle` is unknown.
#[export]
pub extern "win64" fn RtlRemoveVectoredContinueHandler(handle: usize) -> u32 {
    remove_vectored(1, handle)
}

// ---- dispatch -------------------------------------------------------------------------------

/// RtlDispatchException: find a handler for `rec` raised in `ctx`. True when one continues
/// execution (with `ctx`, which handlers may have changed); false when none handles it. A
/// handler that unwinds (the `__except` case) never comes back here.
pub fn dispatch(rec: &mut EXCEPTION_RECORD, ctx: &mut CONTEXT) -> bool {
    if call_vectored(0, rec, ctx) {
        call_vectored(1, rec, ctx);
        return true;
    }
    let mut walk = Box::new(*ctx);
    let mut nested_frame = 0u64;
    for _ in 0..1_000_000 {
        match frames::step(&mut walk, UNW_FLAG_EHANDLER) {
            Step::Frame(f) => {
                let Some((handler, data)) = f.handler else { continue };
                let mut dc = DISPATCHER_CONTEXT {
                    ControlPc: f.pc,
                    ImageBase: f.image_base,
                    FunctionEntry: f.function as *mut _,
                    EstablisherFrame: f.establisher,
                    TargetIp: 0,
                    ContextRecord: &mut *walk,
                    // SAFETY: only stored (an address).
                    LanguageHandler: unsafe { std::mem::transmute::<u64, EXCEPTION_ROUTINE>(handler) },
                    HandlerData: data as *mut _,
                    HistoryTable: std::ptr::null_mut(),
                    ScopeIndex: 0,
                    Fill0: 0,
                };
                // SAFETY: the handler named by the frame's unwind info (win64 ABI).
                let h: Handler = unsafe { std::mem::transmute::<u64, Handler>(handler) };
                let (rec_p, ctx_p): (*mut EXCEPTION_RECORD, *mut CONTEXT) = (rec, ctx);
                // SAFETY: ctx_p is the exception's context, alive for the call.
                let res = frames::with_bridge(BridgeKind::Dispatch { establisher: f.establisher }, unsafe { &*ctx_p }, || {
                    h(rec_p, f.establisher, ctx_p, &mut dc)
                });
                if nested_frame != 0 && f.establisher == nested_frame {
                    rec.ExceptionFlags &= !EXCEPTION_NESTED_CALL;
                    nested_frame = 0;
                }
                match res {
                    r if r == ExceptionContinueExecution => {
                        if rec.ExceptionFlags & EXCEPTION_NONCONTINUABLE != 0 {
                            raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
                        }
                        call_vectored(1, rec, ctx);
                        return true;
                    }
                    r if r == ExceptionContinueSearch || r == ExceptionNestedException => {}
                    _ => raise_status(STATUS_INVALID_DISPOSITION, rec),
                }
            }
            Step::Bridge(BridgeKind::Dispatch { establisher }) => {
                // An exception raised inside a handler: the frames of the first exception
                // are searched again, flagged as nested until the handler's own frame.
                if establisher != 0 {
                    rec.ExceptionFlags |= EXCEPTION_NESTED_CALL;
                    nested_frame = nested_frame.max(establisher);
                }
            }
            Step::Bridge(BridgeKind::Unwind { start, .. }) => {
                // Raised inside a termination handler: the search goes on above the
                // unwinder, from where that unwind was started.
                // SAFETY: the running unwind's starting context, alive below us.
                *walk = unsafe { *start };
            }
            Step::End | Step::Bad => return false,
        }
    }
    false
}

/// Dispatch `rec` raised in `ctx` and continue or, if nothing handles it, call the
/// unhandled-exception filter.
pub fn raise(rec: &mut EXCEPTION_RECORD, ctx: &mut CONTEXT, sig: i32) -> ! {
    if dispatch(rec, ctx) {
        // SAFETY: the exception's context as the handlers left it.
        unsafe { restore_context(ctx) }
    }
    unhandled(rec, ctx, sig)
}

/// No frame handled the exception: what the thread's outermost handler does on Windows
/// (`__except(UnhandledExceptionFilter(...))` around the start routine). The top-level filter
/// decides: EXCEPTION_CONTINUE_EXECUTION continues with the context, EXCEPTION_EXECUTE_HANDLER
/// unwinds every frame (termination handlers run) and ends the process with the exception
/// code, EXCEPTION_CONTINUE_SEARCH (or no filter) ends it with the crash report.
pub fn unhandled(rec: &mut EXCEPTION_RECORD, ctx: &mut CONTEXT, sig: i32) -> ! {
    match call_top_filter(rec, ctx) {
        EXCEPTION_CONTINUE_EXECUTION => {
            // SAFETY: the context as the filter left it.
            unsafe { restore_context(ctx) }
        }
        EXCEPTION_EXECUTE_HANDLER => {
            // SAFETY: unwinding every frame of this thread from the exception.
            unsafe {
                unwind::unwind_to(ctx, 0, 0, rec, 0, std::ptr::null_mut(), std::ptr::null_mut());
            }
            syscall_shims::process::terminate_self(rec.ExceptionCode as u32)
        }
        _ => crash(rec, ctx, sig),
    }
}

/// UnhandledExceptionFilter's core: the top-level filter's verdict, EXCEPTION_CONTINUE_SEARCH
/// if there is none.
pub fn call_top_filter(rec: *mut EXCEPTION_RECORD, ctx: *mut CONTEXT) -> i32 {
    let f = top_filter();
    if f == 0 {
        return 0;
    }
    let mut ptrs = EXCEPTION_POINTERS { ExceptionRecord: rec, ContextRecord: ctx };
    // SAFETY: the program's filter (win64 ABI).
    let filter: Filter = unsafe { std::mem::transmute::<usize, Filter>(f) };
    // SAFETY: ctx is the exception's context.
    frames::with_bridge(BridgeKind::Dispatch { establisher: 0 }, unsafe { &*ctx }, || filter(&mut ptrs))
}

fn crash(rec: &EXCEPTION_RECORD, ctx: &CONTEXT, sig: i32) -> ! {
    let hook = *CRASH_HOOK.lock().unwrap_or_else(|e| e.into_inner());
    match hook {
        Some(h) => h(rec, ctx, sig),
        None => {
            eprintln!("wine-rs: unhandled exception {:#010x}", rec.ExceptionCode as u32);
            syscall_shims::process::terminate_self(rec.ExceptionCode as u32)
        }
    }
}

/// Raise `status` (non-continuable) from inside the dispatcher or unwinder, for an error
/// Windows reports that way (a handler's invalid disposition, continuing a non-continuable
/// exception, an unwind target that is not on the stack). Such an exception is reported as
/// unhandled: the state it would be dispatched from is inside wine-rs.
pub fn raise_status(status: NTSTATUS, nested: *mut EXCEPTION_RECORD) -> ! {
    // SAFETY: an all-zero EXCEPTION_RECORD and CONTEXT are valid.
    let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
    rec.ExceptionCode = status;
    rec.ExceptionFlags = EXCEPTION_NONCONTINUABLE;
    rec.ExceptionRecord = nested;
    let ctx = frames::bridge_above(frames::stack_here()).map(|b| *b.ctx);
    // SAFETY: as above.
    let ctx = ctx.unwrap_or_else(|| unsafe { std::mem::zeroed() });
    crash(&rec, &ctx, 0)
}

/// An exit unwind (RtlUnwind with no target frame) unwound every frame: end the process with
/// the record's code, as the thread's outermost handler would.
pub fn exit_unwind_done(rec: *const EXCEPTION_RECORD) -> ! {
    // SAFETY: null or the program's record.
    let code = if rec.is_null() { 0 } else { unsafe { (*rec).ExceptionCode as u32 } };
    syscall_shims::process::terminate_self(code)
}

// ---- raising --------------------------------------------------------------------------------

extern "win64" fn raise_exception_imp(ctx: *mut CONTEXT) -> ! {
    // SAFETY: the thunk passes the caller's captured context.
    let ctx = unsafe { &mut *ctx };
    let rec = arg(ctx, 0) as *mut EXCEPTION_RECORD;
    // SAFETY: the program's record.
    let rec = unsafe { &mut *rec };
    rec.ExceptionAddress = ctx.Rip as *mut _;
    raise(rec, ctx, 0)
}

capture_thunk!(
    /// RtlRaiseException(ExceptionRecord): dispatch the record from the caller's state; if a
    /// handler continues execution, RtlRaiseException returns. ExceptionAddress is set to the
    /// return address.
    RtlRaiseException => raise_exception_imp
);

extern "win64" fn raise_imp(ctx: *mut CONTEXT) -> ! {
    // SAFETY: the thunk passes the caller's captured context.
    let ctx = unsafe { &mut *ctx };
    let (code, flags, count, args) = (arg(ctx, 0) as u32, arg(ctx, 1) as u32, arg(ctx, 2) as u32, arg(ctx, 3));
    // SAFETY: an all-zero EXCEPTION_RECORD is valid.
    let mut rec: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
    rec.ExceptionCode = code as NTSTATUS;
    rec.ExceptionFlags = flags & EXCEPTION_NONCONTINUABLE;
    rec.ExceptionAddress = ctx.Rip as *mut _;
    if args != 0 {
        let n = count.min(EXCEPTION_MAXIMUM_PARAMETERS);
        rec.NumberParameters = n;
        for i in 0..n as usize {
            // SAFETY: the program's array of `count` arguments.
            rec.ExceptionInformation[i] = unsafe { *(args as *const usize).add(i) };
        }
    }
    raise(&mut rec, ctx, 0)
}

capture_thunk!(
    /// RaiseException(dwExceptionCode, dwExceptionFlags, nNumberOfArguments, lpArguments):
    /// raise a software exception from the caller (at most 15 arguments are kept); returns if
    /// a handler continues execution. ExceptionAddress is the return address (Windows
    /// reports an address inside RaiseException).
    RaiseException => raise_imp
);

// ---- hardware exceptions ---------------------------------------------------------------------

/// What the signal handler leaves on the thread's stack for the dispatcher.
#[repr(C)]
struct Frame {
    ctx: CONTEXT,
    rec: EXCEPTION_RECORD,
    sig: u64,
}

/// Make the interrupted thread (`uc`, whose registers `ctx` holds) continue in the
/// dispatcher with `ctx`, `rec` and the signal copied onto its own stack, below the
/// interrupted stack pointer — as Windows' kernel starts KiUserExceptionDispatcher. Called in
/// the signal handler: it only copies memory. False if the stack has no room (`stack_low`
/// is the lowest usable address).
///
/// # Safety
/// `uc` must be the handler's ucontext of a fault in PE code on this thread.
pub unsafe fn redirect(uc: *mut libc::ucontext_t, ctx: &CONTEXT, rec: &EXCEPTION_RECORD, sig: i32, stack_low: u64) -> bool {
    // SAFETY: per the contract.
    let g = unsafe { &mut (*uc).uc_mcontext.gregs };
    let sp = g[libc::REG_RSP as usize] as u64;
    let at = (sp.wrapping_sub(128 + std::mem::size_of::<Frame>() as u64)) & !63;
    if at < stack_low || at > sp {
        return false;
    }
    // The handler must not run on the stretch it writes (it runs on the alternate stack).
    let here = frames::stack_here();
    if here >= at.saturating_sub(0x1_0000) && here <= sp {
        return false;
    }
    let f = at as *mut Frame;
    // SAFETY: free stack below the interrupted stack pointer, inside the thread's stack.
    unsafe {
        std::ptr::addr_of_mut!((*f).ctx).write(*ctx);
        std::ptr::addr_of_mut!((*f).rec).write(*rec);
        std::ptr::addr_of_mut!((*f).sig).write(sig as u64);
    }
    g[libc::REG_RSP as usize] = at as i64;
    g[libc::REG_RIP as usize] = exception_dispatcher as *const () as i64;
    g[libc::REG_RCX as usize] = at as i64;
    true
}

/// Where a thread continues after a hardware exception: RCX (and RSP) point at the Frame.
#[unsafe(naked)]
extern "win64" fn exception_dispatcher() -> ! {
    core::arch::naked_asm!(
        "sub rsp, 0x20",
        "call {imp}",
        "ud2",
        imp = sym dispatch_hardware,
    )
}

extern "win64" fn dispatch_hardware(f: *mut Frame) -> ! {
    // SAFETY: the Frame `redirect` wrote.
    let f = unsafe { &mut *f };
    let sig = f.sig as i32;
    raise(&mut f.rec, &mut f.ctx, sig)
}
