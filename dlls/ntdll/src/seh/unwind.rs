//! Phase 2 and the unwinder primitives: RtlVirtualUnwind, RtlUnwindEx, RtlUnwind.

use dllcore::export;
use dllcore::unwind::{self, LiveMemory, Regs, UNW_FLAG_UHANDLER};
use windows_sys::Win32::Foundation::{STATUS_INVALID_UNWIND_TARGET, STATUS_LONGJUMP, STATUS_UNWIND, STATUS_UNWIND_CONSOLIDATE};
use windows_sys::Win32::System::Diagnostics::Debug::{
    CONTEXT, DISPATCHER_CONTEXT, EXCEPTION_RECORD, IMAGE_RUNTIME_FUNCTION_ENTRY, KNONVOLATILE_CONTEXT_POINTERS,
    UNWIND_HISTORY_TABLE,
};
use windows_sys::Win32::System::Kernel::{EXCEPTION_ROUTINE, ExceptionCollidedUnwind, ExceptionContinueSearch};
use windows_sys::Win32::System::SystemServices::{
    EXCEPTION_COLLIDED_UNWIND, EXCEPTION_EXIT_UNWIND, EXCEPTION_TARGET_UNWIND, EXCEPTION_UNWINDING,
};

use super::context::{apply_jump_buffer, arg, capture_thunk, restore_context};
use super::frames::{self, BridgeKind, Step};
use super::{Handler, dispatch};

/// RtlVirtualUnwind: unwind one frame of `ctx` (whose pc is `pc`, in the function `func` of
/// the image at `base`): `ctx` becomes the caller's state, `*establisher` the frame's
/// establisher frame, and the frame's language handler is returned (with `*handler_data`)
/// when its unwind info has a handler of `handler_type` (UNW_FLAG_EHANDLER/UHANDLER) and the
/// pc is past the prolog and not in an epilog; else NULL. `ptrs`, if given, receives where
/// each restored non-volatile register was saved.
#[export]
pub extern "win64" fn RtlVirtualUnwind(
    handler_type: u32,
    base: u64,
    pc: u64,
    func: *const IMAGE_RUNTIME_FUNCTION_ENTRY,
    ctx: *mut CONTEXT,
    handler_data: *mut *mut core::ffi::c_void,
    establisher: *mut u64,
    ptrs: *mut KNONVOLATILE_CONTEXT_POINTERS,
) -> u64 {
    if func.is_null() || ctx.is_null() {
        return 0;
    }
    let Some(f) = unwind::read_function(&LiveMemory, func as u64) else { return 0 };
    // SAFETY: the caller's CONTEXT.
    let ctx = unsafe { &mut *ctx };
    let mut regs = Regs::from_context(ctx);
    regs.rip = pc;
    let u = match unwind::virtual_unwind(base, &LiveMemory, &f, &mut regs, handler_type as u8) {
        Ok(u) => u,
        Err(_) => return 0,
    };
    regs.to_context(ctx);
    if !establisher.is_null() {
        // SAFETY: the caller's output variable.
        unsafe { *establisher = u.establisher };
    }
    if !ptrs.is_null() {
        // KNONVOLATILE_CONTEXT_POINTERS: 16 XMM pointers, then 16 integer register pointers.
        let p = ptrs as *mut u64;
        for i in 0..16 {
            // SAFETY: the caller's KNONVOLATILE_CONTEXT_POINTERS (32 pointers).
            unsafe {
                if u.xmm_at[i] != 0 {
                    *p.add(i) = u.xmm_at[i];
                }
                if u.gpr_at[i] != 0 {
                    *p.add(16 + i) = u.gpr_at[i];
                }
            }
        }
    }
    let (handler, data) = u.handler.unwrap_or((0, 0));
    if !handler_data.is_null() {
        // SAFETY: the caller's output variable.
        unsafe { *handler_data = data as *mut _ };
    }
    handler
}

/// Unwind from `start` (the state where the unwind began) to the frame `target_frame`, calling
/// the termination handlers (UNW_FLAG_UHANDLER) of every frame on the way with
/// EXCEPTION_UNWINDING (and EXCEPTION_TARGET_UNWIND at the target frame), then continue in
/// the target frame at `target_ip` with Rax = `retval`. A null `target_frame` unwinds every
/// frame (EXCEPTION_EXIT_UNWIND) and then ends the thread's walk: this returns, and the
/// caller decides what follows. `rec` null: a STATUS_UNWIND record is used.
///
/// # Safety
/// `rec` must be null or a valid record; `out_ctx` null or a CONTEXT to leave the final
/// state in (RtlUnwindEx's ContextRecord).
pub unsafe fn unwind_to(
    start: &CONTEXT,
    target_frame: u64,
    target_ip: u64,
    rec: *mut EXCEPTION_RECORD,
    retval: u64,
    out_ctx: *mut CONTEXT,
    history: *mut UNWIND_HISTORY_TABLE,
) {
    let mut local: EXCEPTION_RECORD = unsafe { std::mem::zeroed() };
    let rec = if rec.is_null() {
        local.ExceptionCode = STATUS_UNWIND;
        local.ExceptionAddress = start.Rip as *mut _;
        &mut local
    } else {
        // SAFETY: per the contract.
        unsafe { &mut *rec }
    };
    rec.ExceptionFlags |= EXCEPTION_UNWINDING;
    if target_frame == 0 {
        rec.ExceptionFlags |= EXCEPTION_EXIT_UNWIND;
    }
    let mut ctx = Box::new(*start);
    for _ in 0..1_000_000 {
        let mut next = ctx.clone();
        match frames::step(&mut next, UNW_FLAG_UHANDLER) {
            Step::Frame(f) => {
                if target_frame != 0 && f.establisher > target_frame {
                    dispatch::raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
                }
                if f.establisher == target_frame {
                    rec.ExceptionFlags |= EXCEPTION_TARGET_UNWIND;
                }
                if let Some((handler, data)) = f.handler {
                    let mut dc: DISPATCHER_CONTEXT = DISPATCHER_CONTEXT {
                        ControlPc: f.pc,
                        ImageBase: f.image_base,
                        FunctionEntry: f.function as *mut _,
                        EstablisherFrame: f.establisher,
                        TargetIp: target_ip,
                        ContextRecord: &mut *ctx,
                        // SAFETY: only stored (an address).
                        LanguageHandler: unsafe { std::mem::transmute::<u64, EXCEPTION_ROUTINE>(handler) },
                        HandlerData: data as *mut _,
                        HistoryTable: history,
                        ScopeIndex: 0,
                        Fill0: 0,
                    };
                    // SAFETY: the handler named by the frame's unwind info (win64 ABI).
                    let h: Handler = unsafe { std::mem::transmute::<u64, Handler>(handler) };
                    let ctx_ptr: *mut CONTEXT = &mut *ctx;
                    let kind = BridgeKind::Unwind { establisher: f.establisher, frame: ctx_ptr, start };
                    let res = frames::with_bridge(kind, &next, || h(rec, f.establisher, ctx_ptr, &mut dc));
                    if res == ExceptionCollidedUnwind {
                        // Not produced by wine-rs's own walk (a collided unwind is found at
                        // its bridge); a handler returning it continues like a search.
                    } else if res != ExceptionContinueSearch {
                        dispatch::raise_status(windows_sys::Win32::Foundation::STATUS_INVALID_DISPOSITION, rec);
                    }
                    rec.ExceptionFlags &= !EXCEPTION_COLLIDED_UNWIND;
                }
                if f.establisher == target_frame && target_frame != 0 {
                    break;
                }
                *ctx = *next;
            }
            Step::Bridge(BridgeKind::Unwind { establisher, frame, .. }) => {
                // Through a termination handler's call: the unwind that was running there
                // is taken over (a collided unwind), from the frame it was unwinding.
                rec.ExceptionFlags |= EXCEPTION_COLLIDED_UNWIND;
                if establisher == target_frame && target_frame != 0 {
                    // SAFETY: the running unwind's context of that frame, still alive: its
                    // unwinder is below us on the stack.
                    *ctx = unsafe { *frame };
                    break;
                }
                *ctx = *next;
            }
            Step::Bridge(BridgeKind::Dispatch { .. }) => *ctx = *next,
            Step::End | Step::Bad => {
                if target_frame == 0 {
                    if !out_ctx.is_null() {
                        // SAFETY: per the contract.
                        unsafe { *out_ctx = *ctx };
                    }
                    return;
                }
                dispatch::raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
            }
        }
    }
    ctx.Rax = retval;
    ctx.Rip = target_ip;
    if rec.ExceptionCode == STATUS_LONGJUMP && rec.NumberParameters >= 1 {
        // longjmp: the registers are the jump buffer's (RtlRestoreContext's consolidation).
        // SAFETY: the record names the program's jump buffer.
        unsafe { apply_jump_buffer(&mut ctx, rec.ExceptionInformation[0] as u64) };
    }
    // SAFETY: `rec` is the record the unwind ran with.
    unsafe { consolidate(&mut *ctx, &mut *rec) };
    if !out_ctx.is_null() {
        // SAFETY: per the contract.
        unsafe { *out_ctx = *ctx };
    }
    // SAFETY: the target frame's state, with the continuation address.
    unsafe { restore_context(&*ctx) }
}

/// STATUS_UNWIND_CONSOLIDATE (how a C++ frame handler reaches a catch block): before
/// continuing in the target frame, call the callback in ExceptionInformation[0] with the
/// record; it returns the address to continue at. It runs here, below the unwound frames
/// (the thrown object lives in one of them); a walk from inside it continues in the target
/// frame (a bridge standing for Windows' consolidation frame), so an exception thrown in a
/// catch block is searched from the function that caught. Other records change nothing.
///
/// # Safety
/// `rec` must be null or a valid record; a consolidate record's callback must be
/// `extern "win64" fn(*mut EXCEPTION_RECORD) -> u64`.
pub unsafe fn consolidate(ctx: &mut CONTEXT, rec: *mut EXCEPTION_RECORD) {
    // SAFETY: per the contract.
    let Some(r) = (unsafe { rec.as_ref() }) else { return };
    if r.ExceptionCode != STATUS_UNWIND_CONSOLIDATE || r.NumberParameters < 1 || r.ExceptionInformation[0] == 0 {
        return;
    }
    // SAFETY: per the contract.
    let callback: extern "win64" fn(*mut EXCEPTION_RECORD) -> u64 =
        unsafe { std::mem::transmute(r.ExceptionInformation[0]) };
    let target = *ctx;
    ctx.Rip = frames::with_bridge(BridgeKind::Dispatch { establisher: 0 }, &target, || callback(rec));
}

/// Is there a PE frame whose establisher frame is `target` above `start`? (A walk that calls
/// no handler, to check an unwind target first.)
pub fn frame_on_stack(start: &CONTEXT, target: u64) -> bool {
    let mut ctx = Box::new(*start);
    for _ in 0..1_000_000 {
        match frames::step(&mut ctx, 0) {
            Step::Frame(f) if f.establisher == target => return true,
            Step::Frame(f) if f.establisher > target && f.function != 0 => return false,
            Step::Frame(_) | Step::Bridge(_) => {}
            Step::End | Step::Bad => return false,
        }
    }
    false
}

/// Unwind from the current position, as a handler written in Rust does (`__C_specific_handler`
/// jumping to an `__except` block): the walk starts at the innermost handler call.
///
/// # Safety
/// As [`unwind_to`]; must be called from inside a handler the dispatcher called.
pub unsafe fn unwind_from_handler(
    target_frame: u64,
    target_ip: u64,
    rec: *mut EXCEPTION_RECORD,
    retval: u64,
    out_ctx: *mut CONTEXT,
    history: *mut UNWIND_HISTORY_TABLE,
) {
    let Some(b) = frames::bridge_above(frames::stack_here()) else { return };
    // SAFETY: per the contract.
    unsafe { unwind_to(&b.ctx, target_frame, target_ip, rec, retval, out_ctx, history) }
}

extern "win64" fn unwind_ex_imp(ctx: *mut CONTEXT) -> ! {
    // SAFETY: the thunk passes the caller's captured context.
    let c = unsafe { &*ctx };
    let (frame, ip, rec, retval) = (arg(c, 0), arg(c, 1), arg(c, 2), arg(c, 3));
    let (out, history) = (arg(c, 4), arg(c, 5));
    // SAFETY: the program's arguments, as RtlUnwindEx documents them.
    unsafe {
        unwind_to(c, frame, ip, rec as *mut _, retval, out as *mut _, history as *mut _);
    }
    // Only an exit unwind comes back: the thread's frames are all unwound.
    dispatch::exit_unwind_done(rec as *const EXCEPTION_RECORD)
}

extern "win64" fn unwind_imp(ctx: *mut CONTEXT) -> ! {
    // SAFETY: the thunk passes the caller's captured context.
    let c = unsafe { &*ctx };
    let (frame, ip, rec, retval) = (arg(c, 0), arg(c, 1), arg(c, 2), arg(c, 3));
    // SAFETY: the program's arguments, as RtlUnwind documents them.
    unsafe {
        unwind_to(c, frame, ip, rec as *mut _, retval, std::ptr::null_mut(), std::ptr::null_mut());
    }
    dispatch::exit_unwind_done(rec as *const EXCEPTION_RECORD)
}

capture_thunk!(
    /// RtlUnwindEx(TargetFrame, TargetIp, ExceptionRecord, ReturnValue, ContextRecord,
    /// HistoryTable): unwind from the caller to `TargetFrame`, running termination handlers,
    /// and continue at `TargetIp` with Rax = `ReturnValue`. TargetFrame NULL unwinds every
    /// frame of the thread (an exit unwind) and then ends the thread.
    RtlUnwindEx => unwind_ex_imp
);

capture_thunk!(
    /// RtlUnwind(TargetFrame, TargetIp, ExceptionRecord, ReturnValue): RtlUnwindEx without
    /// a context buffer or history table.
    RtlUnwind => unwind_imp
);
